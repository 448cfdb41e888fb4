"""The sample-size component: participant counts in ``doc.spans["sample_sizes"]``.

Matching is :func:`extract.normalize.sample_sizes.find_sample_sizes` on the
text: counts are numbers or number words, and the rules read the words
around them (participant nouns, the verb of the clause, registry field
labels), which a regex over the text sees as well as token patterns would.
"""

# No `from __future__ import annotations`: spaCy validates factory signatures
# with pydantic, which needs real (not string) annotations here.

from spacy.language import Language
from spacy.tokens import Doc

from extract.components.base import add_mention, doc_text, ensure_group
from extract.normalize.sample_sizes import find_sample_sizes

GROUP = "sample_sizes"


class SampleSizeComponent:
    """Find sample sizes with their kind (enrolled, randomized, arm, ...)."""

    def __init__(self, name: str = "trial_sample_sizes") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ensure_group(doc, GROUP)
        for m in find_sample_sizes(doc_text(doc)):
            add_mention(doc, GROUP, m.start, m.end, {"value": m.value, "kind": m.kind}, m.rule)
        return doc


@Language.factory("trial_sample_sizes")
def make_sample_sizes(nlp: Language, name: str) -> SampleSizeComponent:
    """spaCy factory: ``nlp.add_pipe("trial_sample_sizes")``."""
    return SampleSizeComponent(name)
