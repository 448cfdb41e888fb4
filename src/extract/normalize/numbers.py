"""Read numbers as trial reports write them.

Pure functions, no spaCy: :func:`find_numbers` finds every numeric expression
in a text, :func:`parse_number` reads one numeric token and
:func:`parse_number_words` reads a number written in words. The dose and
sample-size readers build on them.

The text is the cleaned document text (``<sup>6</sup>`` and Unicode
superscripts written as ``^6``, NFKC applied, U+2212 folded to ``-``), but raw
forms are accepted too: ``10⁶``, ``×``, U+2212, ``±`` and the cp1252 mojibake
of ``×``, ``±`` and the minus sign.

What is read:

- integers and decimals, with a point, a middle dot or a bullet (``2·5``,
  ``0•9``) or a decimal comma (``1,5 mg``, ``0,001``); a comma followed by
  exactly three digits is a thousands separator (``12,000``, ``1,200,000``);
  space-grouped thousands (``20 211``, ``10 096``) when every group after the
  first has three digits, within one line;
- powers of ten: ``1×10^6``, ``1 x 10(8)``, ``1 × 10 (8)``, ``1x10e6``,
  ``1.5E+07``, ``10^6``, ``10⁶``, ``1 × 10^{6}``, and the flattened forms of
  a lost superscript: ``1 × 106`` and ``1.0 × 10 7`` (``inferred_exponent``);
  a bare ``10 (7)`` as token-rebuilt text writes ``10<sup>7</sup>``
  (also ``inferred_exponent``);
- ranges ``10-20``, ``10 to 20``, ``10–20``, ``10~20``, ``between 10 and
  20``, with a power of ten or a scale word written once for both ends
  (``1-2 × 10^6``, ``(2.5-3.4) × 10^8``, ``55-117 million``);
- spreads ``15±3×10^6``, ``84 +/- 56``, ``-4.6% ± 2.1%``;
- negative numbers: a minus sign glued to the digits after a space, a bracket
  or an operator (``from -5.4±2.3 to -2±3.08``);
- numbers in words: ``twenty-one``, ``Seventytwo``, ``One hundred
  ninety-six``, ``one hundred and twenty``, ``a dozen``, ``one million``,
  ``2.5 million`` (``words``); ``one`` and ``single`` are 1 whatever they
  mean ("one of the patients", "single-arm"): callers decide.

What is not read: digits glued to a name (``NCT02116634``, ``CO2``,
``HbA1c``, ``IL-6``, ``miR-206``, ``kg-1``, ``m^2``), DOIs and URLs,
chemical locants (``1,25-dihydroxy``, ``2,3-dinor``), the later parts of
hyphenated codes (``DOH-27-0607-1919``, ``P349-359``), number words inside
other words (``none``, ``often``, ``someone``) and the all-capital
abbreviations ``TEN``, ``ONE``, ``TWO``, ``SIX``. Dates, page numbers and
ages are returned as plain numbers: callers decide.
"""

from __future__ import annotations

import math
from functools import lru_cache
from dataclasses import dataclass

import regex

__all__ = ["Number", "find_numbers", "numbers_in", "parse_chinese_numeral", "parse_number", "parse_number_words"]


@dataclass(frozen=True, slots=True)
class Number:
    """One numeric expression found in a text.

    Attributes:
        value: The central value: the number, the midpoint of a range, or the
            centre of a ± spread.
        low: Lower end of a range (``"10-20"`` gives 10), else None.
        high: Upper end of a range, else None.
        spread: The ± part (``"15±3×10^6"`` gives 3e6), else None.
        start: Offset of the evidence in the text passed in.
        end: End offset; ``text[start:end]`` is the evidence.
        inferred_exponent: True when a lost superscript was read as a power
            of ten (``"1 × 106"`` is 1e6, ``"10 7"`` after × is 1e7, a bare
            ``"10 (7)"`` is 1e7).
        words: True when written (even partly) in words (``"twenty-one"``,
            ``"one million"``, ``"2.5 million"``).
    """

    value: float
    low: float | None
    high: float | None
    spread: float | None
    start: int
    end: int
    inferred_exponent: bool
    words: bool


# ---------------------------------------------------------------------------
# Building blocks (plain strings, combined into the compiled patterns below).
# ---------------------------------------------------------------------------

# One horizontal space: nothing here reads across a line break.
_H = r"[^\S\n\r\v\f\u2028\u2029\x1c-\x1e\x85]"
_W = _H + r"{0,3}"
_W1 = _H + r"{1,3}"
# Letters that glue a digit into a name (CO2, IL-6). Han and kana are not
# among them: Chinese and Japanese write numbers glued to words (15例, 2×107个).
_NAME_LETTER = r"\p{Latin}\p{Greek}\p{Cyrillic}"
_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}"
_SUP_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_HYPHENS = "-\u2010\u2011"
# A minus sign (ASCII, U+2212, en dash, hyphens, mojibake of U+2212).
_MINUS = r"(?:[-\u2212\u2013\u2010\u2011]|âˆ’)"

# Where a number may start: not inside a digit run or right after a point
# ("1.2.3", "Fig.5"), not glued to a name ("CO2", "IL-6", "miR-206", "kg-1";
# but "2x100" is 2 × 100), not an exponent ("m^2", "kg^-1"), and not the later part of a
# hyphenated code ("DOH-27-0607", "P349-359": the range reader takes "10-20"
# as a whole, so a number right after "digit-" is part of something else).
_START = (
    r"(?<![\p{N}_.·•∙])"
    r"(?:(?<=\d" + _H + r"?[xX])|(?<![" + _NAME_LETTER + r"][" + _HYPHENS + r"]?)"
    # Token-rebuilt text glues a leading-point decimal to the word before it:
    # "P less than.01".
    + r"|(?<=(?<![\p{L}])(?i:than|of|was|were|is|are|at|to|and|or|equal|equals|as|by|below|above))"
    + r"(?=\.\d))"
    r"(?<!\^[-+{(]?)(?<!\d[" + _HYPHENS + r"])"
)

# --- mantissas ---------------------------------------------------------------

# "1,200", "12,000", "1,200,000.5": a comma followed by exactly three digits.
_M_THOUSANDS_COMMA = r"[1-9]\d{0,2}(?:,\d{3})+(?!\d)(?!,\d)(?:\.\d+)?"
# "20 211", "10 096": groups of exactly three digits after a first group of
# 1-3, not when the first group follows another number ("1.5 100 mg").
_M_THOUSANDS_SPACE = (
    r"(?<!\d[.,·•]?" + _H + r")[1-9]\d{0,2}(?:[ \u00a0\u2009\u202f]\d{3})+(?!\d|[.,·•]\d)"
)
# A decimal comma ("1,5", "0,001"), except in lists ("1,2,4", "0,6,12"),
# citation brackets ("(2,3)", "(0,4)"), next to Chinese or Japanese text
# (NFKC turns the full-width comma of "2，3个月" into ","), and chemical
# locants ("1,2-d", "1,25 (OH)").
_M_DECIMAL_COMMA = (
    r"(?<!\d,)(?<![" + _CJK + r"])"
    r"(?:(?<=[(\[])\d+,\d+(?![\d)\]])|(?<![(\[])\d+,\d+(?!\d))"
    r"(?!,\d)(?![" + _CJK + r"])(?![" + _HYPHENS + r"]\p{L}|['’]|" + _H + r"?\(OH\))"
)
# "0. 07": token-rebuilt text put a space after the point.
_M_SPACED_POINT = r"0\.\x20\d+"
_M_DECIMAL = r"\d+(?:[.·•∙]\d+)?"
# ".5", "P =.002"; not "Fig.5" (the start guard) or "1.2.3".
_M_LEADING_POINT = r"(?<![\p{N}.])\.\d+"

# --- exponents -----------------------------------------------------------------

_SIGNED = r"(?:" + _MINUS + r"|\+)?" + _H + r"?\d{1,2}"
# Multiplication signs, the mojibake of × included.
_TIMES = r"(?:[×xX*✕⋅]|Ã—)"


def _tail(cap: bool) -> str:
    """The exponent part after a mantissa, with named groups if ``cap``."""

    def g(name: str, body: str) -> str:
        return f"(?P<{name}>{body})" if cap else f"(?:{body})"

    explicit = (
        # ^6, ^-5, ^{6}, ^(6), **6
        r"(?:" + _W + r"\^" + _W + r"(?:\{" + _W + g("caret", _SIGNED) + _W + r"\}|\(" + _W
        + g("caretp", _SIGNED) + _W + r"\)|" + g("caretb", _SIGNED) + r")"
        + r"|" + _W + r"\*\*" + _W + g("pow", _SIGNED)
        # 10⁶, 10⁻⁶, and raw HTML 10<sup>6</sup>
        + r"|" + g("sup", r"[⁻⁺]?[" + _SUP_DIGITS + r"]{1,3}")
        + r"|(?i:<sup>)" + _W + g("tag", _SIGNED) + _W + r"(?i:</sup>)"
        # 10(8), 10 (8), 10 ( 6 )
        + r"|" + _W + r"\(" + _W + g("paren", _SIGNED) + _W + r"\)"
        # 10e6
        + r"|[eE]" + g("tene", r"[-+]?\d{1,2}") + r"(?!\d)"
        + r")"
    )
    return (
        # Most numbers have no exponent: fail fast on the next character.
        r"(?=" + _W + r"[×xX*✕⋅?Ã]|[eE]|" + _W1 + r"(?i:[mbt]))(?:"
        + r"(?:" + _W + _TIMES + _W + r"10(?:" + explicit
        # A lost superscript: "× 106" is 10^6, "× 10-5" is 10^-5. Exponents 2-19
        # only, so that "2x100 µg" stays 2 and 100.
        + r"|" + g("lost", r"(?:" + _MINUS + r")?(?:[2-9]|1\d)") + r"(?![\d]|[.,·•]\d)"
        # A superscript split off by a space: "1.0 × 10 7" (not "× 10 2-min").
        + r"|" + _H + g("split", r"[2-9]|1\d")
        + r"(?!\d|[.,·•]\d|[" + _HYPHENS + r"]?[" + _NAME_LETTER + r"])"
        + r"))"
        # "1.5 ? 10 (3)": a × lost in encoding, only before an explicit exponent.
        + r"|" + _W + r"\?" + _W + r"10" + explicit
        # E notation: "1.5E+07", "1.5e7", "1e-3"; an integer with an unsigned
        # exponent ("1e12") is an Elsevier page range more often than not.
        + r"|(?<=[.,·•∙]\d+)[eE]" + g("e", r"[-+]?\d{1,2}") + r"(?!\d)"
        + r"|[eE]" + g("es", r"[-+−]\d{1,2}") + r"(?!\d)"
        # "2.5 million", "100 million cells".
        + r"|" + _W1 + g("scale", r"(?i:million|billion|thousand)") + r"(?![\p{L}])"
        + r")"
    )


def _expr(cap: bool) -> str:
    """One unsigned number (mantissa and exponent), with named groups if ``cap``."""

    def g(name: str, body: str) -> str:
        return f"(?P<{name}>{body})" if cap else f"(?:{body})"

    bare_explicit = (
        r"(?:" + _W + r"\^" + _W + r"(?:\{" + _W + g("bcaret", _SIGNED) + _W + r"\}|\(" + _W
        + g("bcaretp", _SIGNED) + _W + r"\)|" + g("bcaretb", _SIGNED) + r")"
        + r"|" + _W + r"\*\*" + _W + g("bpow", _SIGNED)
        + r"|" + g("bsup", r"[⁻⁺]?[" + _SUP_DIGITS + r"]{1,3}")
        + r"|(?i:<sup>)" + _W + g("btag", _SIGNED) + _W + r"(?i:</sup>)" + r")"
    )
    # "10 (7) irradiated cells", "U/10 (6) AM": a flattened superscript in
    # token-rebuilt text; not a journal volume "2021; 10(6): 772".
    bare_paren = (
        r"(?<!;" + _H + r"?)10" + _W + r"\(" + _W
        + g("bparen", r"(?:" + _MINUS + r")?" + _H + r"?(?:[2-9]|1[0-2])") + _W + r"\)(?!" + _W + r":)"
    )
    mantissa = (
        g("mtc", _M_THOUSANDS_COMMA)
        + r"|" + g("mts", _M_THOUSANDS_SPACE)
        + r"|" + g("mdc", _M_DECIMAL_COMMA)
        + r"|" + g("mdot", _M_SPACED_POINT + r"|" + _M_DECIMAL + r"|" + _M_LEADING_POINT)
    )
    return (
        r"(?>" + g("bare", r"10" + bare_explicit + r"|" + bare_paren)
        + r"|(?:" + mantissa + r")" + g("tail", _tail(cap)) + r"?)"
        # Atomic and not followed by more digits: "1.2.3" is not "1.2".
        + r"(?!\d|[.·•∙]\d)"
    )


# A minus sign is one only after a space, a bracket or an operator ("to -2",
# "(-0.5", "=-0.3"), never after a digit ("10-20" is a range) or a letter
# ("IL-6").
_SIGN = r"(?<![^\s(\[{=:;,<>≤≥~])" + _MINUS
# The ± of a spread; a % may sit before it ("-4.6% ± 2.1%").
_PM = r"%?" + _W + r"(?:±|Â±|\+" + _W + r"/" + _W + _MINUS + r"|\+" + _MINUS + r")" + _W
# A range separator; a % may sit before it ("6% to 25%", checked afterwards).
_RANGE_SEP = (
    r"(?P<rpct>%)?(?:" + _W + r"[-\u2013\u2014\u2010\u2011\u2212~～]" + _W
    + r"|" + _W1 + r"(?i:to)" + _W1 + r")"
)

# --- numbers in words -----------------------------------------------------------

_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety"
_WSEP = r"(?:[ \u00a0]?[" + _HYPHENS + r"\u2013][ \u00a0]?|[ \u00a0]{1,2})"
# "twenty-one", "Thirty six", "Seventytwo" (hyphen lost).
_T99 = (
    r"(?:(?:" + _TENS + r")(?:" + _WSEP + r"?(?:" + _UNITS + r")(?![\p{L}]))?"
    r"|(?:" + _TEENS + r")|(?:" + _UNITS + r")|zero)"
)
_H999 = (
    r"(?:(?:" + _T99 + r"|a)" + _WSEP + r"hundred(?:" + _WSEP + r"(?:and" + _WSEP + r")?"
    + _T99 + r"(?![\p{L}]))?|" + _T99 + r")"
)
_TH = (
    r"(?:(?:" + _H999 + r"|a)" + _WSEP + r"thousand(?:" + _WSEP + r"(?:and" + _WSEP + r")?"
    + _H999 + r"(?![\p{L}]))?|" + _H999 + r")"
)
# "single" is 1 as "one" is ("single-arm", "a single dose"): callers decide
# whether it counts anything.
_WORDS = (
    r"(?i:(?<![\p{L}\p{N}])(?:(?:half" + _WSEP + r"a|" + _TH + r"|a)" + _WSEP
    + r"(?:million|billion|dozen)|" + _TH + r"|single)(?![\p{L}]))"
)
_WORD_VALUES = {
    **{w: i for i, w in enumerate(["zero", *_UNITS.split("|")])},
    **{w: 10 + i for i, w in enumerate(_TEENS.split("|"))},
    **{w: 20 + 10 * i for i, w in enumerate(_TENS.replace("fourty|", "").split("|"))},
    "fourty": 40,
    "single": 1,
}
_WORD_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# Word tokens longest first, so that "seventytwo" splits into seventy + two.
_WORD_TOKEN = regex.compile(
    "|".join(
        sorted([*_WORD_VALUES, *_WORD_SCALES, "hundred", "dozen", "half", "and", "a"], key=len, reverse=True)
    ),
    regex.IGNORECASE,
)
# All-capital short words that are abbreviations (TEN: total enteral
# nutrition, toxic epidermal necrolysis).
_CAPS_ABBREVIATIONS = frozenset({"TEN", "ONE", "TWO", "SIX"})

# --- things that are not numbers -------------------------------------------------

_SKIP = (
    # DOIs and URLs: "10.3390/diseases12050099".
    # (Each alternative checks its first characters before any lookbehind:
    # this runs at every digit of every abstract.)
    r"(?=10\.)(?<![\p{L}\p{N}])10\.\d{4,9}/\S+"
    r"|(?=[hHwW])(?i:https?://|www\.)\S+"
    # Chemical locants: "1,25-dihydroxy", "2,3-dinor", "1,3,4,14b-Tetrahydro",
    # "1,25 (OH) 2D".
    r"|(?=\d{1,2}[a-z]?['’]?,\d)(?<![\p{N}.,])\d{1,2}[a-z]?['’]?(?:,\d{1,2}[a-z]?['’]?)+"
    r"(?:[" + _HYPHENS + r"](?=\p{L})|" + _H + r"?(?=\(OH\)|(?i:dihydroxy)))"
)

_EXPR = _expr(False)
_SIGNED_EXPR = r"(?:" + _SIGN + r")?" + _START + _EXPR

# Two scans, merged: digits and words. One alternation of both is five times
# slower, because the engine can no longer skip to a possible first character.
_SCAN = regex.compile(
    # Only these characters can start a match; saying so first lets the
    # engine skip everything else quickly. A letter can only start "between"
    # (btw), "http(s)://" or "www." (skip): checking the next letters here
    # saves trying every alternative at each b, h and w of the text.
    r"(?=[-\u2212\u2013\u2010\u2011â\d.(]|[bB](?i:etween)|[hHwW](?i:ttps?://|ww\.))(?:"
    r"(?P<skip>" + _SKIP + r")"
    # "(2.5-3.4) × 10^8", "(15±3) × 10^6": one exponent for both.
    + r"|(?P<paren>\(" + _W + _START + r"(?P<pa>" + _EXPR + r")"
    + r"(?:(?P<ppm>" + _PM + r")|" + _RANGE_SEP.replace("rpct", "ppct") + r")"
    + r"(?P<pb>" + _EXPR + r")" + _W + r"\)(?P<pshared>" + _tail(False) + r")(?!\d|[.·•∙]\d))"
    + r"|(?P<num>(?P<btw>(?=[bB])(?<![\p{L}])(?i:between)" + _W1 + r")?"
    + r"(?=[-\u2212\u2013\u2010\u2011â\d.])(?P<a>" + _SIGNED_EXPR + r")"
    + r"(?:(?=%?" + _W + r"[-±+Â\u2010-\u2014\u2212~～tTaA])"
    + r"(?:(?P<pm>" + _PM + r")(?P<b>" + _EXPR + r")"
    + r"|(?(btw)" + _W1 + r"(?i:and)" + _W1 + r"(?P<rpct>)|" + _RANGE_SEP + r")(?P<c>" + _EXPR + r")))?))",
    regex.V0,
)
# The first word of a number in words, as a cheap prefix for the word scan.
_FIRST_WORD = (
    r"(?i:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|fou?rty|fifty|sixty|seventy|eighty|"
    r"ninety|a[ \u00a0]|half|single)"
)
_WORD_SCAN = regex.compile(r"\b(?=" + _FIRST_WORD + r")(?P<word>" + _WORDS + r")", regex.V0)

# The decomposition of one matched number.
_PARTS = regex.compile(r"(?P<sign>" + _MINUS + r"|\+)?" + _expr(True), regex.V0)
# The exponent written once after a bracketed range, decomposed.
# These three are needed rarely (bracketed ranges, the public one-number
# parsers), so they are compiled on first use: ~45 ms less at start-up.
@lru_cache(maxsize=1)
def _shared() -> regex.Pattern[str]:
    return regex.compile(_tail(True), regex.V0)


# parse_number: one number and nothing else.
@lru_cache(maxsize=1)
def _one_number() -> regex.Pattern[str]:
    return regex.compile(r"\s*(?:" + _MINUS + r"|\+)?" + _EXPR + r"\s*", regex.V0)


@lru_cache(maxsize=1)
def _one_word_number() -> regex.Pattern[str]:
    return regex.compile(r"\s*" + _WORDS + r"\s*", regex.V0)


_HALF_A = regex.compile(r"(?i)half" + _WSEP + r"a" + _WSEP, regex.V0)
_DIGITS_SCALE = regex.compile(
    r"\s*(?P<num>" + _M_THOUSANDS_COMMA + r"|" + _M_DECIMAL + r")" + _W1
    + r"(?P<scale>(?i:million|billion|thousand))\s*",
    regex.V0,
)

# "from 3.1 to 35.3" is a change, two numbers; "ranging from 1 to 5" and
# "aged from 4 to 13" are ranges.
_FROM_BEFORE = regex.compile(r"(?i:(?<![\p{L}])from)" + _W + r"$", regex.V0)
_RANGING_FROM = regex.compile(
    r"(?i:(?<![\p{L}])(?:rang\w*|aged?|var(?:y|ied|ies|ying)|spann\w*)" + _W1 + r"from)" + _W + r"$",
    regex.V0,
)
_SCALE_EXP = {"thousand": 3, "million": 6, "billion": 9}
_EXP_FOLD = str.maketrans(
    {
        "\u2212": "-", "\u2013": "-", "\u2010": "-", "\u2011": "-", "⁻": "-", "⁺": "+", " ": None,
        "\u00a0": None, "\t": None, **{d: str(i) for i, d in enumerate(_SUP_DIGITS)},
    }
)
_MANTISSA_FOLD = str.maketrans({"·": ".", "•": ".", "∙": ".", ",": None, " ": None, "\u00a0": None,
                                "\u2009": None, "\u202f": None})


@dataclass(slots=True)
class _Part:
    """One number of an expression, before ranges and spreads are combined."""

    mantissa: str  # a float literal without exponent: "-1.5", "1200"
    exp: int
    has_exp: bool
    inferred: bool
    words: bool

    def value(self) -> float:
        """The value as a float (inf for absurd digit strings, nan when unreadable)."""
        return _to_float(f"{self.mantissa}e{self.exp}")


def _to_int(literal: str) -> int | None:
    """``int(literal)``, or None for digits Python cannot read (see _to_float)."""
    try:
        return int(literal)
    except ValueError:
        return None


def _to_float(literal: str) -> float:
    """``float(literal)``, or nan for digits that Python's Unicode tables do not
    know yet (the regex module's are newer: U+16D70 is a digit to it)."""
    try:
        return float(literal)
    except ValueError:
        return math.nan


def _parse_part(text: str, start: int, end: int) -> _Part | None:
    """Decompose the number matched at ``text[start:end]``."""
    m = _PARTS.fullmatch(text, start, end)
    if m is None:  # cannot happen for spans found by _SCAN; be safe anyway
        return None
    sign = "-" if m.group("sign") not in (None, "+") else ""
    if m.group("mtc") is not None:
        mant = m.group("mtc").replace(",", "")
    elif m.group("mts") is not None:
        mant = m.group("mts").translate(_MANTISSA_FOLD)
    elif m.group("mdc") is not None:
        mant = m.group("mdc").replace(",", ".")
    elif m.group("mdot") is not None:
        mant = m.group("mdot").translate(_MANTISSA_FOLD)
        if mant.startswith("."):
            mant = "0" + mant
    else:  # a bare power of ten: "10^6", "10⁶", "10 (7)"
        mant = "1"
    exp_text, inferred, words = _exponent_of(m)
    exp = 0 if exp_text is None else _to_int(exp_text)
    if exp is None:
        return None
    return _Part(sign + mant, exp, exp_text is not None, inferred, words)


def _exponent_of(m: regex.Match[str]) -> tuple[str | None, bool, bool]:
    """The exponent of a decomposed number: (digits, inferred, words)."""
    groups = m.re.groupindex
    if "tail" in groups and m.group("tail") is None and m.group("bare") is None:
        return None, False, False  # the common case: a plain number
    for name in ("caret", "caretp", "caretb", "pow", "sup", "tag", "paren", "tene", "e", "es",
                 "bcaret", "bcaretp", "bcaretb", "bpow", "bsup", "btag"):
        got = m.group(name) if name in groups else None
        if got is not None:
            return got.translate(_EXP_FOLD), False, False
    for name in ("lost", "split", "bparen"):
        got = m.group(name) if name in groups else None
        if got is not None:
            return got.translate(_EXP_FOLD), True, False
    scale = m.group("scale") if "scale" in groups else None
    if scale is not None:
        return str(_SCALE_EXP[scale.lower()]), False, True
    return None, False, False


def _number(part: _Part, start: int, end: int) -> Number | None:
    """A plain number, or None when its value is not finite."""
    value = part.value()
    if not math.isfinite(value):
        return None
    return Number(value, None, None, None, start, end, part.inferred, part.words)


def _share(a: _Part, b: _Part) -> _Part:
    """Give ``a`` the exponent written once after ``b`` ("1-2 × 10^6")."""
    if a.has_exp or not b.has_exp:
        return a
    return _Part(a.mantissa, b.exp, True, b.inferred, a.words or b.words)


def _is_integer_with_leading_zero(text: str, start: int, end: int) -> bool:
    """True for "03", "0607": parts of dates and codes, never range ends."""
    s = text[start:end]
    return len(s) > 1 and s[0] == "0" and s.isdigit()


def _range_or_pair(
    text: str, m: regex.Match[str], a_span: tuple[int, int], c_span: tuple[int, int], start: int, end: int
) -> list[Number]:
    """Read "a sep c" as a range, or as two numbers when it is not one."""
    a = _parse_part(text, *a_span)
    c = _parse_part(text, *c_span)
    if a is None or c is None:
        return []
    shared = _share(a, c)
    low, high = shared.value(), c.value()
    is_range = (
        not a.mantissa.startswith("-")
        and math.isfinite(low)
        and math.isfinite(high)
        and low <= high
        and not _is_integer_with_leading_zero(text, *a_span)
        and not _is_integer_with_leading_zero(text, *c_span)
        # "6% to 25%" is a range, "30% to 20 patients" is not.
        and (m.group("rpct") is None or m.group("rpct") == "" or text.startswith("%", c_span[1]))
    )
    if is_range and m.group("btw") is None:
        before_start = max(0, a_span[0] - 40)
        if _FROM_BEFORE.search(text, before_start, a_span[0]) and not _RANGING_FROM.search(
            text, before_start, a_span[0]
        ):
            is_range = False
    if is_range:
        return [
            Number((low + high) / 2, low, high, None, start, end,
                   shared.inferred or c.inferred, shared.words or c.words)
        ]
    out = [_number(a, *a_span), _number(c, *c_span)]
    return [n for n in out if n is not None]


def _from_word(m: regex.Match[str]) -> Number | None:
    """Turn one match of _WORD_SCAN into a number."""
    word = m.group("word")
    value = _words_number(word.strip())
    if value is None or word in _CAPS_ABBREVIATIONS:
        return None
    return Number(float(value), None, None, None, m.start(), m.end(), False, True)


def _from_bracketed(text: str, m: regex.Match[str]) -> list[Number]:
    """Read "(2.5-3.4) × 10^8" or "(15±3) × 10^6": one exponent for both.

    When that reading fails (an end with its own exponent, a reversed range),
    the two numbers in the brackets are returned as they are written.
    """
    a = _parse_part(text, *m.span("pa"))
    b = _parse_part(text, *m.span("pb"))
    if a is None or b is None:
        return []
    s = _shared().fullmatch(text, *m.span("pshared"))
    exp_text, inferred, words = _exponent_of(s) if s is not None else (None, False, False)
    exp = None if exp_text is None else _to_int(exp_text)
    if exp is not None and not a.has_exp and not b.has_exp:
        va = _Part(a.mantissa, exp, True, inferred, words).value()
        vb = _Part(b.mantissa, exp, True, inferred, words).value()
        if math.isfinite(va) and math.isfinite(vb):
            if m.group("ppm") is not None:
                return [Number(va, None, None, vb, m.start(), m.end(), inferred, words)]
            if not a.mantissa.startswith("-") and va <= vb:
                return [Number((va + vb) / 2, va, vb, None, m.start(), m.end(), inferred, words)]
    out = [_number(a, *m.span("pa")), _number(b, *m.span("pb"))]
    return [n for n in out if n is not None]


def _from_scan(text: str, m: regex.Match[str]) -> list[Number]:
    """Turn one match of _SCAN into zero, one or two numbers."""
    if m.group("paren") is not None:
        return _from_bracketed(text, m)
    if m.group("num") is None:
        return []  # skipped: DOIs, URLs, locants
    a_span = m.span("a")
    start = m.start("btw") if m.group("btw") is not None and m.group("c") is not None else a_span[0]
    if m.group("b") is not None:
        a = _parse_part(text, *a_span)
        b = _parse_part(text, *m.span("b"))
        if a is None or b is None:
            return []
        a = _share(a, b)
        value, spread = a.value(), b.value()
        if not (math.isfinite(value) and math.isfinite(spread)):
            return []
        inferred, words = a.inferred or b.inferred, a.words or b.words
        return [Number(value, None, None, spread, start, m.end(), inferred, words)]
    if m.group("c") is not None:
        return _range_or_pair(text, m, a_span, m.span("c"), start, m.end())
    plain = text[a_span[0] : a_span[1]]
    if plain.isascii() and len(plain) < 300:
        # The common cases, "12" and "0.05", read without decomposing.
        whole, point, frac = plain.partition(".")
        if whole.isdigit() and (not point or frac.isdigit()):
            return [Number(float(plain), None, None, None, a_span[0], a_span[1], False, False)]
    part = _parse_part(text, *a_span)
    if part is None:
        return []
    n = _number(part, *a_span)
    return [] if n is None else [n]


@lru_cache(maxsize=4)
def numbers_in(text: str) -> tuple[Number, ...]:
    """:func:`find_numbers`, cached for the last few texts: the dose and sample-size
    readers both read every number of the same document."""
    return tuple(find_numbers(text))


def find_numbers(text: str) -> list[Number]:
    """Find every numeric expression in a text.

    Args:
        text: Cleaned document text (raw forms are tolerated).

    Returns:
        The numbers (digits, powers of ten, ranges, ± spreads, number words),
        sorted by start, without overlaps.
    """
    if not text:
        return []
    found: list[Number] = []
    taken: list[tuple[int, int]] = []  # every digit match, skipped ones included
    for m in _SCAN.finditer(text):
        taken.append(m.span())
        found.extend(_from_scan(text, m))
    # Words are scanned apart (see _SCAN) and kept where no digit match is.
    words: list[Number] = []
    i = 0
    for m in _WORD_SCAN.finditer(text):
        while i < len(taken) and taken[i][1] <= m.start():
            i += 1
        if i < len(taken) and taken[i][0] < m.end():
            continue
        n = _from_word(m)
        if n is not None:
            words.append(n)
    if not words:
        return found
    return sorted(found + words, key=lambda n: n.start)


def parse_number(s: str) -> float | None:
    """Read one numeric token or expression.

    Handles thousands separators and decimal commas (``"1,200"`` is 1200,
    ``"1,5"`` is 1.5, ``"12,000"`` is 12000), middle-dot and bullet decimals
    (``"0·5"``, ``"0•5"``), space-grouped thousands (``"10 096"``) and powers
    of ten (``"1.5E+07"``, ``"1x10e6"``, ``"1×10^6"``, ``"1 × 10(8)"``,
    ``"10^6"``, ``"3.2 × 10^-5"``, and a lost superscript ``"1 × 106"``).

    Args:
        s: The number, with nothing around it but whitespace.

    Returns:
        The value, or None when ``s`` is not one number in these notations
        (ranges, spreads and words are not read here; see
        :func:`find_numbers` and :func:`parse_number_words`).
    """
    m = _one_number().fullmatch(s)
    if m is None:
        return None
    start = len(s) - len(s.lstrip())
    end = len(s.rstrip())
    part = _parse_part(s, start, end)
    if part is None:
        return None
    value = part.value()
    return value if math.isfinite(value) else None


def _words_value(s: str) -> int | None:
    """The value of a number in words that _WORDS matched."""
    total = 0
    current = 0
    seen = False
    for token in _WORD_TOKEN.findall(s.lower()):
        if token in _WORD_VALUES:
            current += _WORD_VALUES[token]
            seen = True
        elif token == "a":
            current += 1
            seen = True
        elif token == "hundred":
            current = (current or 1) * 100
        elif token == "thousand":
            total += (current or 1) * 1_000
            current = 0
        elif token in ("million", "billion"):
            total = (total + (current or 1)) * _WORD_SCALES[token]
            current = 0
        elif token == "dozen":
            current = (current or 1) * 12
        # "and" and "half" carry no value here; "half a" is handled by the caller.
    return total + current if seen else None


def parse_number_words(s: str) -> int | float | None:
    """Read a number written in words.

    Handles ``"twenty-one"``, ``"Forty-eight"``, ``"one hundred and
    twenty"``, hyphenless ``"Seventytwo"``, ``"One hundred ninety-six"``,
    ``"ten"``, ``"one million"``, ``"a dozen"``, ``"half a million"``,
    ``"single"`` (1) and digits with a scale word (``"2.5 million"``).

    Args:
        s: The number, with nothing around it but whitespace.

    Returns:
        An int for a number in words, a float for digits with a scale word,
        or None when ``s`` is not one number written this way.
    """
    m = _DIGITS_SCALE.fullmatch(s)
    if m is not None:
        value = _to_float(f"{m.group('num').replace(',', '')}e{_SCALE_EXP[m.group('scale').lower()]}")
        return value if math.isfinite(value) else None
    if _one_word_number().fullmatch(s) is None:
        return None
    return _words_number(s.strip())


def _words_number(stripped: str) -> int | float | None:
    """The value of a whole number in words (already matched by _WORDS)."""
    half = _HALF_A.match(stripped)
    if half is not None:
        rest = _words_value("a " + stripped[half.end():])
        if rest is None:
            return None
        return rest // 2 if rest % 2 == 0 else rest / 2
    return _words_value(stripped)


_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}


def parse_chinese_numeral(s: str) -> int | None:
    """A Chinese numeral in characters: "三" -> 3, "十二" -> 12, "二十一" -> 21, "一百二十" -> 120, "两千" -> 2000.

    Returns None for anything that is not a whole Chinese numeral.
    """
    if not s or any(c not in _ZH_DIGITS and c not in _ZH_UNITS for c in s):
        return None
    total = section = 0
    digit: int | None = None
    for c in s:
        if c in _ZH_DIGITS:
            digit = _ZH_DIGITS[c]
        elif c == "万":
            section = (section + (digit or 0)) * 10000
            total += section
            section, digit = 0, None
        else:
            section += (1 if digit is None else digit) * _ZH_UNITS[c]
            digit = None
    value = total + section + (digit or 0)
    return value or None
