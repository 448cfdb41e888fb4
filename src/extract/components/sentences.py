"""Rule-based sentence boundaries for trial text.

spaCy's ``sentencizer`` splits after ``.``/``!``/``?`` only. Cleaned documents
also break sentences at line ends (section labels such as ``METHODS`` on a line
of their own, registry field lists), so a line break starts a sentence too.
A full stop starts one only when the next word does not begin in lower case,
which keeps ``vs. placebo`` and ``i.v. infusion`` together.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_END_PUNCT = frozenset({".", "!", "?", "。", "！", "？", ";"})


@Language.component("trial_sentences")
def trial_sentences(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on every token."""
    if len(doc) == 0:
        return doc
    doc[0].is_sent_start = True
    prev = doc[0]
    for tok in doc[1:]:
        start = False
        if prev.is_space and "\n" in prev.text or "\n" in prev.whitespace_:
            start = True
        elif prev.text in _END_PUNCT or (prev.text.endswith(".") and len(prev.text) > 1 and prev.text[-2] == ")"):
            start = not tok.text[:1].islower()
        elif prev.text in ("。", "！", "？"):
            start = True
        tok.is_sent_start = start
        prev = tok
    return doc
