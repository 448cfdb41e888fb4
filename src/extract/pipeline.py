"""Build the spaCy pipeline, in a fixed and documented order.

    tokenizer      scispaCy's combined_rule_tokenizer (biomedical text),
                   one token per CJK character (see below)
    trial_sentences  sentence boundaries (punctuation and line breaks)
    abbreviation_detector  scispaCy: long form <-> short form pairs (its two
                   matchers replaced by cheaper stand-ins, same matches)
    trial_sample_sizes  participant counts and their kind
    trial_doses      doses with Pint-normalized units
    trial_routes     routes of administration
    trial_outcomes   outcome measures (vocabulary, abbreviations, cues)
    trial_p_values   p-values (regex on the text, mapped to token spans)
    trial_registrations  registry ids
    trial_linking    each p-value's outcome

No trained weights are loaded (none can be downloaded here); the pipeline is
``spacy.blank("en")`` plus rules, and needs no network.

Chinese and Japanese. scispaCy's rules split at whitespace and then at
punctuation; Chinese and Japanese put no spaces between words, so a whole
clause (``共纳入21例患者``) would be one token, every mention span in
``doc.spans`` (widened to whole tokens) would cover it, and sentences could
not end at ``。``. :class:`TrialTokenizer` therefore makes each CJK character
(:data:`CJK_CHARS`) a token of its own, as ``spacy.blank("zh")``'s default
"char" segmenter does, and tokenizes each run of other characters between
them by scispaCy's rules exactly as a word standing between spaces:
``每组30例。`` gives ``每 组 30 例 。`` and ``意义(P<0.05)`` gives
``意 义 ( P<0.05 )``. (A CJK infix pattern alone would not do that: spaCy
strips prefixes and suffixes only at the ends of a whitespace-delimited
chunk, so the ``(`` and ``)`` would stay glued to ``P<0.05``.) One tokenizer
reads the whole text, so a bilingual document stays one Doc with one set of
offsets; text without a CJK character takes scispaCy's path unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import numpy
import spacy
from scispacy.abbreviation import AbbreviationDetector  # noqa: F401  (registers "abbreviation_detector")
from scispacy.consts import ABBREVIATIONS as SCISPACY_ABBREVIATIONS
from scispacy.custom_tokenizer import combined_rule_tokenizer
from spacy.attrs import NORM, ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

import extract.components.doses  # noqa: F401  (registers the factories)
import extract.components.linking  # noqa: F401
import extract.components.outcomes  # noqa: F401
import extract.components.p_values  # noqa: F401
import extract.components.routes  # noqa: F401
import extract.components.sample_sizes  # noqa: F401
import extract.components.registrations  # noqa: F401
import extract.components.sentences  # noqa: F401
import extract.extensions  # noqa: F401

#: Components after the tokenizer, in order.
PIPE_ORDER = (
    "trial_sentences",
    "abbreviation_detector",
    "trial_sample_sizes",
    "trial_doses",
    "trial_routes",
    "trial_outcomes",
    "trial_p_values",
    "trial_registrations",
    "trial_linking",
)


#: Characters that are one token each, as a ``re`` character-class body:
#: CJK symbols and punctuation (from U+3001: U+3000, the ideographic space, is
#: whitespace), Hiragana, Katakana and its phonetic extensions, CJK Unified
#: Ideographs with Extension A, compatibility ideographs, half-width and
#: full-width forms, and the supplementary ideographic planes (Extension B on).
CJK_CHARS = (
    r"\u3001-\u303f"
    r"\u3040-\u309f"
    r"\u30a0-\u30ff"
    r"\u31f0-\u31ff"
    r"\u3400-\u4dbf"
    r"\u4e00-\u9fff"
    r"\uf900-\ufaff"
    r"\uff00-\uffef"
    r"\U00020000-\U0003ffff"
)

_CJK = re.compile(f"[{CJK_CHARS}]")
#: Every boundary between two non-space characters of which one is CJK.
_CJK_EDGE = re.compile(rf"(?<=[{CJK_CHARS}])(?=\S)|(?<=\S)(?=[{CJK_CHARS}])")


class TrialTokenizer(Tokenizer):
    """spaCy's rule tokenizer with each CJK character a token of its own.

    The rules (prefixes, suffixes, infixes, exceptions) are the ones it is
    built with; see :func:`trial_tokenizer` and the module docstring.
    """

    def __call__(self, text: str) -> Doc:
        """Tokenize ``text``; ``doc.text == text`` as with any spaCy tokenizer."""
        if text.isascii() or _CJK.search(text) is None:  # isascii() is O(1)
            return super().__call__(text)
        # A space at every CJK boundary makes each character, and each run
        # between them, a whitespace-delimited chunk for the rules. The
        # inserted spaces always sit between two non-space characters, so
        # they end up as a token's trailing whitespace, never inside a token.
        spaced = super().__call__(_CJK_EDGE.sub(" ", text))
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for token in spaced:
            word = token.text
            if not text.startswith(word, pos):  # cannot happen; fail loudly rather than misalign offsets
                raise ValueError(f"CJK tokenization lost alignment at character {pos}")
            pos += len(word)
            space = bool(token.whitespace_) and text.startswith(" ", pos)
            words.append(word)
            spaces.append(space)
            pos += space
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.from_array([NORM], spaced.to_array([NORM]))  # norms set by tokenizer exceptions
        return doc


def trial_tokenizer(nlp: Language) -> TrialTokenizer:
    """scispaCy's ``combined_rule_tokenizer`` for ``nlp``, as a :class:`TrialTokenizer`."""
    # scispaCy reads three things from the Language: its Defaults, its vocab,
    # and the token_match of the tokenizer it replaces. Built from a config,
    # the Language has no tokenizer yet; spaCy's default one would take its
    # token_match from the same Defaults, so a view of them stands in.
    # Its ~4,000 exceptions are given to it empty and to our tokenizer in full
    # (the language's exceptions plus scispaCy's abbreviations kept whole, as
    # scispaCy adds them; tests/test_pipeline.py checks the two agree), so that
    # they are loaded once, not twice (~0.05 s at start-up).
    view = SimpleNamespace(Defaults=SimpleNamespace(tokenizer_exceptions={}), vocab=nlp.vocab,
                           tokenizer=SimpleNamespace(token_match=nlp.Defaults.token_match))
    rules = combined_rule_tokenizer(view)  # type: ignore[arg-type]
    exceptions = dict(nlp.Defaults.tokenizer_exceptions)
    exceptions.update({abbreviation: [{ORTH: abbreviation}] for abbreviation in SCISPACY_ABBREVIATIONS})
    return TrialTokenizer(nlp.vocab, rules=exceptions, prefix_search=rules.prefix_search,
                          suffix_search=rules.suffix_search, infix_finditer=rules.infix_finditer,
                          token_match=rules.token_match, url_match=rules.url_match,
                          faster_heuristics=rules.faster_heuristics)


#: The tokenizer's name in spaCy's registry: a pipeline saved with
#: ``nlp.to_disk`` names it in its config, and ``spacy.load`` builds it again
#: (the ``spacy_tokenizers`` entry point finds it without an import).
TOKENIZER_NAME = "trial_extract.tokenizer.v1"


@spacy.registry.tokenizers(TOKENIZER_NAME)
def make_trial_tokenizer() -> Callable[[Language], TrialTokenizer]:
    """spaCy registry entry for :func:`trial_tokenizer`."""
    return trial_tokenizer


class _ParenthesisMatcher:
    """Stands in for the abbreviation detector's ``matcher``.

    scispaCy's pattern is ``[{"ORTH": "("}, {"OP": "+"}, {"ORTH": ")"}]``: every
    ``(`` with a ``)`` at least two tokens later (the wildcard also takes
    brackets). spaCy's Matcher makes a Python ``Token`` for every token of the
    Doc on each call (about 0.1 ms a document on PubMed abstracts); this finds
    the same ``(key, start, end)`` triples, in the Matcher's order (by end, then
    the later start first), from the Doc's ``ORTH`` array.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._key = vocab.strings.add("parenthesis")
        # numpy.uint64, not int: a hash below 2**63 would be compared as float64.
        self._open = numpy.uint64(vocab.strings.add("("))
        self._close = numpy.uint64(vocab.strings.add(")"))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        orth = doc.to_array(ORTH)
        opens = numpy.flatnonzero(orth == self._open).tolist()
        if not opens:
            return []
        opens.reverse()
        key = self._key
        return [(key, start, close + 1)
                for close in numpy.flatnonzero(orth == self._close).tolist()
                for start in opens if close - start >= 2]


class _GlobalMatcher:
    """Stands in for the abbreviation detector's ``global_matcher``.

    For each Doc, scispaCy adds one pattern per abbreviation it defines, always
    ``[{"ORTH": ...}, ...]`` (the short form's tokens), runs the matcher, and
    removes the patterns again. This stand-in finds the same
    ``(key, start, end)`` triples, in the Matcher's order (by end, then start),
    by comparing the Doc's ``ORTH`` array: spaCy's Matcher would validate each
    pattern through pydantic (about 0.2 ms a document), make a ``Token`` for
    every token, and run (warning W036) even when no pattern was added.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._patterns: dict[int, list[tuple[int, ...]]] = {}

    def add(self, key: str, patterns: list[list[dict[str, str]]]) -> None:
        sequences = []
        for pattern in patterns:
            if not pattern or any(set(token) != {"ORTH"} for token in pattern):
                raise ValueError(f"only exact ORTH sequences are supported, not {pattern!r}")
            sequences.append(tuple(self.vocab.strings.add(token["ORTH"]) for token in pattern))
        self._patterns.setdefault(self.vocab.strings.add(key), []).extend(sequences)

    def remove(self, key: str) -> None:
        del self._patterns[self.vocab.strings[key]]

    def __len__(self) -> int:
        return len(self._patterns)

    def __contains__(self, key: str) -> bool:
        return self.vocab.strings[key] in self._patterns

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        if not self._patterns:
            return []
        orth = doc.to_array(ORTH)
        found: dict[tuple[int, int, int], None] = {}  # keys in the order they were added
        for key, sequences in self._patterns.items():
            for sequence in sequences:
                size = len(sequence)
                for start in numpy.flatnonzero(orth == numpy.uint64(sequence[0])).tolist():
                    if size == 1 or tuple(orth[start:start + size].tolist()) == sequence:
                        found[key, start, start + size] = None
        return sorted(found, key=lambda match: (match[2], match[1]))


def build_pipeline() -> Language:
    """A new English pipeline with every trial-extract component."""
    # The tokenizer comes from the config, so spaCy does not first build its
    # default English one only for it to be replaced (~0.15 s at start-up).
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
    for name in PIPE_ORDER:
        nlp.add_pipe(name)
    detector = nlp.get_pipe("abbreviation_detector")
    detector.matcher = _ParenthesisMatcher(nlp.vocab)
    detector.global_matcher = _GlobalMatcher(nlp.vocab)
    return nlp
