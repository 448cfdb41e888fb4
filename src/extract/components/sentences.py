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

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

_END_PUNCT = frozenset({".", "!", "?", "。", "！", "？", ";"})
#: Stops that end a sentence even before a lower-case word (no abbreviation ends with them).
_CJK_STOPS = frozenset({"。", "！", "？", "｡"})


@Language.component("trial_sentences")
def trial_sentences(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on every token, in one array write (per-token setters are slow)."""
    n = len(doc)
    if n == 0:
        return doc
    starts = numpy.full((n, 1), -1, dtype="int64")  # SENT_START: 1 starts a sentence, -1 does not
    starts[0, 0] = 1
    prev = doc[0]
    for i in range(1, n):
        tok = doc[i]
        text = prev.text
        if (prev.is_space and "\n" in text) or "\n" in prev.whitespace_:
            starts[i, 0] = 1
        elif text in _CJK_STOPS:
            starts[i, 0] = 1
        elif text in _END_PUNCT or (text.endswith(".") and len(text) > 1 and text[-2] == ")"):
            first = tok.text[:1]
            if not first.islower() and not (text == "." and not prev.whitespace_ and first.isdigit()):
                starts[i, 0] = 1
        prev = tok
    # spaCy takes attribute arrays as uint64; -1 wraps and is read back as -1.
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc
