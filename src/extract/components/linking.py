"""The linking component: each p-value's ``outcome``, from the outcomes around it.

Runs after ``trial_outcomes`` and ``trial_p_values``; the rules are
:func:`extract.normalize.linking.link_p_values`.
"""

# No `from __future__ import annotations`: spaCy validates factory signatures
# with pydantic, which needs real (not string) annotations here.

from spacy.language import Language
from spacy.tokens import Doc

from extract.extensions import doc_text

from extract.normalize.linking import link_p_values


class LinkingComponent:
    """Set ``outcome`` on every p-value span whose outcome the text makes clear."""

    def __init__(self, name: str = "trial_linking") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if "p_values" not in doc.spans or not len(doc.spans["p_values"]):
            return doc
        p_spans = list(doc.spans["p_values"])
        outcome_spans = list(doc.spans["outcomes"]) if "outcomes" in doc.spans else []
        p_offsets = [s._.evidence for s in p_spans]
        outcomes = [(*s._.evidence, s._.norm["name"]) for s in outcome_spans]
        for span, name in zip(p_spans, link_p_values(doc_text(doc), p_offsets, outcomes), strict=True):
            span._.norm["outcome"] = name
        return doc


@Language.factory("trial_linking")
def make_linking(nlp: Language, name: str) -> LinkingComponent:
    """spaCy factory: ``nlp.add_pipe("trial_linking")``."""
    return LinkingComponent(name)
