"""The dose component: administered amounts in ``doc.spans["doses"]``.

Matching is :func:`extract.normalize.doses.find_doses` on the text (numbers,
exponents and units are glued and split unpredictably by the tokenizers, so
token patterns cannot see them reliably). Inferred readings (a lost
superscript) are reported in the document's warnings.
"""

# No `from __future__ import annotations`: spaCy validates factory signatures
# with pydantic, which needs real (not string) annotations here.

from spacy.language import Language
from spacy.tokens import Doc

from extract.components.base import add_mention, doc_text, ensure_group
from extract.normalize.doses import find_doses

GROUP = "doses"


class DoseComponent:
    """Find doses with Pint-normalized units, ``per`` and ``agent``."""

    def __init__(self, name: str = "trial_doses") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ensure_group(doc, GROUP)
        for d in find_doses(doc_text(doc)):
            norm = {"value": d.value, "low": d.low, "high": d.high, "spread": d.spread,
                    "unit": d.unit, "per": d.per, "agent": d.agent}
            add_mention(doc, GROUP, d.start, d.end, norm, d.rule)
            if d.warning:
                if doc._.trial_warnings is None:
                    doc._.trial_warnings = []
                doc._.trial_warnings.append(d.warning)
        return doc


@Language.factory("trial_doses")
def make_doses(nlp: Language, name: str) -> DoseComponent:
    """spaCy factory: ``nlp.add_pipe("trial_doses")``."""
    return DoseComponent(name)
