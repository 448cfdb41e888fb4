"""The registry-id component: trial registrations in ``doc.spans["registrations"]``.

Matching is :func:`extract.normalize.registries.find_registrations`, whose rules
are data in ``patterns/registries.jsonl``. It runs on the whole text: ids are
written the same way in every language.
"""

# No `from __future__ import annotations`: spaCy validates factory signatures
# with pydantic, which needs real (not string) annotations here.

from spacy.language import Language
from spacy.tokens import Doc

from extract.components.base import add_mention, doc_text, ensure_group
from extract.normalize.registries import find_registrations

GROUP = "registrations"


class RegistrationComponent:
    """Find trial registry ids (NCT, ISRCTN, ChiCTR, IRCT, EudraCT, ...)."""

    def __init__(self, name: str = "trial_registrations") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ensure_group(doc, GROUP)
        for m in find_registrations(doc_text(doc)):
            add_mention(doc, GROUP, m.start, m.end, {"registry": m.registry, "id": m.id}, m.rule)
        return doc


@Language.factory("trial_registrations")
def make_registrations(nlp: Language, name: str) -> RegistrationComponent:
    """spaCy factory: ``nlp.add_pipe("trial_registrations")``."""
    return RegistrationComponent(name)
