"""The p-value component: every reported p-value, as a span in ``doc.spans["p_values"]``.

Matching is done by :func:`extract.normalize.pvalues.find_p_values` on the
text (statistics are single tokens, so token patterns cannot see inside them).
It runs on the whole text, whatever the language: the notation is the same in
English, Chinese (``P值<0.01``) and Portuguese (``p = 0,03``).
"""

# No `from __future__ import annotations`: spaCy validates factory signatures
# with pydantic, which needs real (not string) annotations here.

from spacy.language import Language
from spacy.tokens import Doc

from extract.components.base import add_mention, doc_text, ensure_group
from extract.normalize.pvalues import find_p_values

GROUP = "p_values"


class PValueComponent:
    """Find p-values; ``outcome`` is left to the linking component."""

    def __init__(self, name: str = "trial_p_values") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ensure_group(doc, GROUP)
        for m in find_p_values(doc_text(doc)):
            add_mention(doc, GROUP, m.start, m.end,
                        {"comparator": m.comparator, "value": m.value, "outcome": None}, m.rule)
        return doc


@Language.factory("trial_p_values")
def make_p_values(nlp: Language, name: str) -> PValueComponent:
    """spaCy factory: ``nlp.add_pipe("trial_p_values")``."""
    return PValueComponent(name)
