"""Rule-based sentence boundaries for trial text.

spaCy's ``sentencizer`` splits after ``.``/``!``/``?`` only. Cleaned documents
also break sentences at line ends (section labels such as ``METHODS`` on a line
of their own, registry field lists), so a line break starts a sentence too.
A full stop starts one only when the next word does not begin in lower case,
which keeps ``vs. placebo`` and ``i.v. infusion`` together, and not when a
digit follows it directly (a decimal point split off by a character
tokenizer: ``spacy.blank("zh")`` makes ``0.05`` four tokens). The CJK stops
``。！？`` (one token each in our pipeline and in ``spacy.blank("zh")``) end a
sentence whatever follows.
"""

from __future__ import annotations

import re
from bisect import bisect_right

import numpy
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from extract.extensions import doc_text

_END_PUNCT = frozenset({".", "!", "?", "。", "！", "？", ";"})
#: Stops that end a sentence even before a lower-case word (no abbreviation ends with them).
_CJK_STOPS = frozenset({"。", "！", "？", "｡"})


#: Characters that can end a sentence: a line break, or the last character of
#: a token the rules below look at.
_CANDIDATE = re.compile(r"[\n.!?;。！？｡]")


@Language.component("trial_sentences")
def trial_sentences(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on every token, in one array write.

    Only tokens after a line break or after one of the stop characters can
    start a sentence, so those places are found in the text and mapped to
    tokens through the token offsets; walking every token in Python cost
    more than the rest of this component.
    """
    n = len(doc)
    if n == 0:
        return doc
    text = doc_text(doc)
    offsets = doc.to_array([IDX, LENGTH])
    begin = offsets[:, 0].tolist()
    length = offsets[:, 1].tolist()
    starts = numpy.full((n, 1), -1, dtype="int64")  # SENT_START: 1 starts a sentence, -1 does not
    starts[0, 0] = 1
    for m in _CANDIDATE.finditer(text):
        pos = m.start()
        j = bisect_right(begin, pos) - 1  # the token holding pos, or the one before the gap it is in
        if j < 0 or j + 1 >= n:
            continue
        if m.group() == "\n":
            # In the whitespace after token j (or in a space token j): token j + 1 starts a sentence.
            if pos >= begin[j] + length[j] or doc[j].is_space:
                starts[j + 1, 0] = 1
            continue
        end = begin[j] + length[j]
        if pos != end - 1:
            continue  # not the last character of its token
        prev = text[begin[j]:end]
        if prev in _CJK_STOPS:
            starts[j + 1, 0] = 1
        elif prev in _END_PUNCT or (prev.endswith(".") and len(prev) > 1 and prev[-2] == ")"):
            first = text[begin[j + 1]]
            glued = end == begin[j + 1]  # no whitespace after the stop
            if not first.islower() and not (prev == "." and glued and first.isdigit()):
                starts[j + 1, 0] = 1
    # spaCy takes attribute arrays as uint64; -1 wraps and is read back as -1.
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


def make_sentences(nlp: Language, name: str):
    """The component in factory shape, for the ``spacy_factories`` entry point:
    ``nlp.add_pipe("trial_sentences")`` then works without importing extract."""
    return trial_sentences
