"""The outcome component: outcome measures in ``doc.spans["outcomes"]``.

Matching is :func:`extract.normalize.outcomes.find_outcomes` (the curated
vocabulary in ``patterns/outcomes.jsonl``, then cue phrases), given
scispaCy's abbreviation pairs so that ``ALS functional rating scale-revised
(ALSFRS)`` and later uses of ``ALSFRS`` come out under one canonical name.
"""

# No `from __future__ import annotations`: spaCy validates factory signatures
# with pydantic, which needs real (not string) annotations here.

from spacy.language import Language
from spacy.tokens import Doc

from extract.components.base import add_mention, doc_text, ensure_group
from extract.normalize.outcomes import find_outcomes

GROUP = "outcomes"


def abbreviation_pairs(doc: Doc) -> list[tuple[int, int, int, int]]:
    """``(long_start, long_end, short_start, short_end)`` from scispaCy's detector, if it ran."""
    if not Doc.has_extension("abbreviations"):
        return []
    pairs = []
    for short in doc._.abbreviations or []:
        long = short._.long_form
        if long is not None:
            pairs.append((long.start_char, long.end_char, short.start_char, short.end_char))
    # scispaCy keeps abbreviations in sets: sort so that runs do not depend on hash order.
    return sorted(set(pairs))


class OutcomeComponent:
    """Find outcome measures with canonical names."""

    def __init__(self, name: str = "trial_outcomes") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ensure_group(doc, GROUP)
        for m in find_outcomes(doc_text(doc), abbreviation_pairs(doc)):
            add_mention(doc, GROUP, m.start, m.end, {"name": m.name}, m.rule)
        return doc


@Language.factory("trial_outcomes")
def make_outcomes(nlp: Language, name: str) -> OutcomeComponent:
    """spaCy factory: ``nlp.add_pipe("trial_outcomes")``."""
    return OutcomeComponent(name)
