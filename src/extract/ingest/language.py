"""Language segmentation of cleaned text.

Each line is classified by script (Han, kana, Hangul, Arabic, Cyrillic,
Latin), Latin lines further by function words (English, Portuguese, Spanish,
French, German, Indonesian); adjacent lines of one language merge into a
segment. No model is needed and nothing is downloaded: script and a handful of
very frequent words separate the languages trial documents mix.

English segments go to the English pipeline; the other segments are kept and
marked so that later pipelines (Chinese) can take theirs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import regex

_SCRIPTS = regex.compile(
    r"(?P<han>\p{Han})|(?P<kana>[\p{Hiragana}\p{Katakana}])|(?P<hangul>\p{Hangul})|"
    r"(?P<arabic>\p{Arabic})|(?P<cyrillic>\p{Cyrillic})|(?P<latin>\p{Latin})|(?P<greek>\p{Greek})|"
    r"(?P<thai>\p{Thai})|(?P<devanagari>\p{Devanagari})"
)
# Persian-only letters (پ چ ژ گ, and the Persian forms of yeh and kaf) tell Persian from Arabic.
_PERSIAN = regex.compile(r"[پچژگیک]")
_WORD = regex.compile(r"\p{L}+")
_ASCII_LETTER = regex.compile(r"[A-Za-z]")

# Function words that are frequent in one language and rare in the others.
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of with was were in to for patients that this from by as at or is are a an be".split()),
    "pt": frozenset("de da do dos das em com não uma um para pacientes foram foi ao os as que por nos na no "
                    "entre é são tem como mais também pelo pela quanto após grupo".split()),
    "es": frozenset("de la el los las con en del para pacientes fue fueron que por una un se entre y es son "
                    "como más también tras grupo".split()),
    "fr": frozenset("le la les des du et avec une un pour patients été dans au sont est par chez".split()),
    "de": frozenset("der die das und mit bei wurden eine für patienten nach von im ist ein zu".split()),
    "id": frozenset("dan yang di dari untuk dengan pada adalah ini anda halaman".split()),
}
# Words (and letters) that cannot be English: a language must show some.
_DISTINCT: dict[str, frozenset[str]] = {
    "pt": frozenset("não uma um foram foi pacientes com dos das nos em ao é são tem também após pelo pela".split()),
    "es": frozenset("los las del fue fueron pacientes una con el es son también tras".split()),
    "fr": frozenset("les avec été sont dans une du chez est".split()),
    "de": frozenset("der die das und mit wurden eine für nach ist ein".split()),
    "id": frozenset("dan yang dari untuk dengan adalah anda halaman".split()),
}
_ANY_DISTINCT = frozenset().union(*_DISTINCT.values())
_LETTER_HINTS: dict[str, regex.Pattern[str]] = {
    "pt": regex.compile(r"[ãõ]|ção\b|ções\b"),
    "es": regex.compile(r"[ñ¿¡]|ción\b|ciones\b"),
    "de": regex.compile(r"[ß]|ung\b"),
}


#: What a short Latin line ("RESUMO", "Published:") is before it joins its neighbours.
UNDECIDED = "?"


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text in one language: ``text[start:end]``."""

    lang: str
    start: int
    end: int


def line_language(line: str) -> str | None:
    """The language of one line, or None when it has no letters."""
    if line.isascii():
        # Only Latin letters are possible: skip the per-letter script count.
        return _latin_language(line) if _ASCII_LETTER.search(line) else None
    counts: Counter[str] = Counter()
    for m in _SCRIPTS.finditer(line):
        counts[m.lastgroup or ""] += 1
    if not counts:
        return None
    cjk = counts["han"] + counts["kana"] + counts["hangul"]
    latin = counts["latin"]
    # A CJK character carries about as much as a Latin word (~4 letters).
    if cjk and cjk * 4 >= latin * 0.5:
        if counts["kana"] >= 2 or (counts["kana"] and counts["kana"] * 10 >= counts["han"]):
            return "ja"
        if counts["hangul"] > counts["han"]:
            return "ko"
        return "zh"
    top, n = max(((k, v) for k, v in counts.items() if k != "latin"), key=lambda kv: kv[1], default=("latin", 0))
    if n > latin:
        return {
            "arabic": "fa" if _PERSIAN.search(line) else "ar", "cyrillic": "ru", "greek": "el",
            "thai": "th", "devanagari": "hi",
        }.get(top, "und")
    return _latin_language(line)


def _latin_language(line: str) -> str:
    words = [w.casefold() for w in _WORD.findall(line)]
    if len(words) < 4:
        return UNDECIDED
    if _ANY_DISTINCT.isdisjoint(words) and not any(h.search(line) for h in _LETTER_HINTS.values()):
        return "en"  # no other language shows a word or letter of its own: the common case, decided cheaply
    best, best_score = "en", 0.0
    scores = {lang: sum(1 for w in words if w in sw) for lang, sw in _STOPWORDS.items()}
    for lang, score in scores.items():
        if lang == "en":
            continue
        distinct = sum(1 for w in words if w in _DISTINCT[lang])
        hint = _LETTER_HINTS.get(lang)
        if hint is not None:
            distinct += len(hint.findall(line))
        # Another language must beat English clearly and show words English lacks.
        if distinct >= 2 and score > scores["en"] * 1.5 and score > best_score:
            best, best_score = lang, score
    return best


_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20"
# A CJK run: a CJK character, then CJK characters or anything that is not a
# letter (digits, punctuation, spaces). An other run: a letter, then anything
# that is not CJK. Line breaks end both.
_RUN = regex.compile(rf"(?P<cjk>[{_CJK}][{_CJK}\P{{L}}--\n]*)|(?P<other>\p{{L}}[^{_CJK}\n]*)", regex.V1)
_LETTER = regex.compile(r"\p{L}")
#: A Latin stretch inside CJK text shorter than this many letters is part of
#: the CJK sentence (abbreviations, units, statistics: "TNF-α", "mg/kg", "P<0.05").
MIN_FOREIGN_LETTERS = 16


def _runs(text: str) -> list[list]:
    """Script runs as ``[kind, start, end]``: short Latin runs folded into the
    CJK text around them, then neighbouring runs of one kind merged (CJK runs
    across lines, other runs within a line)."""
    if text.isascii():
        # No CJK character is possible, so each line with a letter is one run, from
        # its first letter to the line's end (what _RUN finds; nothing folds or merges).
        ascii_runs: list[list] = []
        pos = 0
        for line in text.split("\n"):
            first = _ASCII_LETTER.search(line)
            if first is not None:
                ascii_runs.append(["other", pos + first.start(), pos + len(line)])
            pos += len(line) + 1
        return ascii_runs
    runs: list[list] = []
    for m in _RUN.finditer(text):
        kind = "cjk" if m.group("cjk") is not None else "other"
        runs.append([kind, m.start(), m.end()])
    for i, run in enumerate(runs):
        if run[0] != "other":
            continue
        prev_cjk = i > 0 and runs[i - 1][0] == "cjk" and "\n" not in text[runs[i - 1][2]:run[1]]
        next_cjk = i + 1 < len(runs) and runs[i + 1][0] == "cjk" and "\n" not in text[run[2]:runs[i + 1][1]]
        if (prev_cjk or next_cjk) and len(_LETTER.findall(text, run[1], run[2])) < MIN_FOREIGN_LETTERS:
            run[0] = "cjk"
    merged: list[list] = []
    for run in runs:
        if merged and merged[-1][0] == run[0] and (run[0] == "cjk" or "\n" not in text[merged[-1][2]:run[1]]):
            merged[-1][2] = run[2]
        else:
            merged.append(run)
    return merged


_SENTENCE_END = regex.compile(r"(?<=[.!?])\s+(?=\p{Lu})")


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    for m in _SENTENCE_END.finditer(text, start, end):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, end))
    return out


def segment(text: str) -> list[Segment]:
    """Split text into language segments.

    Script runs (CJK vs the rest) are found within lines, short Latin runs
    inside CJK text are folded into it, each run is classified
    (:func:`line_language`), short undecided Latin runs join the segment
    before them (or after, at the start), and adjacent runs of one language
    merge. A document with only undecided runs is English.
    """
    if text.isascii() and _plainly_english(text):
        return _english_segment(text)
    return _segments(text)


_ASCII_WORD = re.compile(r"[a-z]+")


def _plainly_english(text: str) -> bool:
    """An ASCII text with no word and no letter pattern of another language anywhere.

    Then every sentence :func:`_latin_language` reads is English (four words or
    more) or undecided (fewer), so the whole text is one English segment: a
    sentence's words are words of the text, and a letter hint that matches in
    a sentence matches in the text, which the sentence ends at whitespace.
    """
    return _ANY_DISTINCT.isdisjoint(_ASCII_WORD.findall(text.lower())) and not any(
        h.search(text) for h in _LETTER_HINTS.values())


def _english_segment(text: str) -> list[Segment]:
    """What :func:`_segments` gives for a plainly English text: one segment from the
    first run's start to the last run's end, trailing spaces and line breaks left out."""
    runs = _runs(text)
    if not runs:
        return []
    start, end = runs[0][1], runs[-1][2]
    while end > start and text[end - 1] in " \n":
        end -= 1
    return [Segment("en", start, end)]


def _segments(text: str) -> list[Segment]:
    """:func:`segment`, the general way: each sentence of each run classified."""
    pieces: list[tuple[str, int, int]] = []
    for kind, run_start, run_end in _runs(text):
        # Latin text may switch language between sentences (a Portuguese
        # conclusion, then the English abstract on the same line).
        bounds = [(run_start, run_end)] if kind == "cjk" else _sentences(text, run_start, run_end)
        for start, end in bounds:
            lang = line_language(text[start:end])
            if lang is None:
                continue
            while end > start and text[end - 1] in " \n":
                end -= 1
            pieces.append((lang, start, end))
    segments: list[Segment] = []
    for i, (lang, start, end) in enumerate(pieces):
        if lang == UNDECIDED:
            lang = _undecided_language(pieces, i, segments[-1].lang if segments else None)
        if segments and segments[-1].lang == lang:
            segments[-1] = Segment(lang, segments[-1].start, end)
        else:
            segments.append(Segment(lang, start, end))
    return segments


_LATIN_LANGS = frozenset(_STOPWORDS)


def _undecided_language(pieces: list[tuple[str, int, int]], i: int, prev: str | None) -> str:
    """A short Latin piece takes the previous Latin language, else the next
    decided Latin one, else the previous language, else English."""
    if prev in _LATIN_LANGS:
        return prev
    for lang, _, _ in pieces[i + 1:]:
        if lang != UNDECIDED:
            if lang in _LATIN_LANGS:
                return lang
            break
    return prev or "en"


def languages(segments: list[Segment]) -> list[str]:
    """ISO 639-1 codes present, the one with most characters first."""
    size: Counter[str] = Counter()
    for s in segments:
        size[s.lang] += s.end - s.start
    return [lang for lang, _ in size.most_common()]
