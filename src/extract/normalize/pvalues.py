"""Find reported p-values in cleaned document text.

Pure functions, no spaCy: :func:`find_p_values` scans text for p-value
statements and :func:`parse_p_number` turns the number of one into a float.

The text is the cleaned document text (HTML stripped, superscripts written as
``^-5``, NFKC applied), but the raw forms are accepted too: full-width
``＜＞＝``, ``≤ ≥ ⩽ ⩾ ≦ ≧``, the minus sign U+2212, ``×``, middle-dot and
bullet decimals, HTML entities (``&lt;``) and common mojibake
(``P"‰<"‰0.001``, ``â‰¥``, ``âˆ’``).

Rule ids (``PValueMatch.rule``), kept short because they travel to the output
as provenance:

- ``p_eq``: a standalone P with a comparator (``P = 0.036``, ``p<.001``,
  ``P less than 0.05``, ``P < or = 0.05``, ``P<0.05`` in Chinese text).
- ``p_value``: "p-value"/"p value" with a comparator (``P-value = 0.03``).
- ``p_value_slot``: a p-value slot without a comparator, read as ``=``
  (``p value of 0.02``, ``P-value: 0.03``, ``p-value was (0.036)``,
  ``P for interaction 0.004``, ``P值为0.003``).
- ``p_qualified``: P with a qualifier (``P for trend = 0.02``,
  ``Pinteraction = 0.04``, ``P(adj) = 0.01``, ``p(log-rank) = 0.01``).
- ``p_zh``: Chinese ``P值<0.01``.
- ``lost_p``: the italic P was lost in conversion (``the -value was < 0.01``).
- ``respectively_list``: a later number of a list (``P = 0.03, 0.04, and
  0.001, respectively``); its span is that number alone, its comparator the
  list's unless the item states its own.
- ``p_range``: the upper end of a range (``P = 0.011-0.013``).
- ``lost_decimal``: a p-value whose decimal point was deleted with the
  Lancet middle dot (``p < 00001`` is 0.0001, ``p = 038`` is 0.38).

Not returned: "NS"/"n.s." (no number), values outside [0, 1], P inside other
tokens (SBP, CRP, P2Y12, PaO2, pH, P1), and significance thresholds stated in
the methods (``P < 0.05 was considered significant``, ``significance was set
at P < 0.05``, ``以P<0.05为差异有统计学意义``).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

__all__ = ["PValueMatch", "find_p_values", "parse_p_number"]


@dataclass(frozen=True, slots=True)
class PValueMatch:
    """One p-value found in a text.

    Attributes:
        comparator: One of ``=``, ``<``, ``>``, ``<=``, ``>=``.
        value: The p-value, in [0, 1].
        start: Offset of the evidence in the text passed in.
        end: End offset; ``text[start:end]`` is the evidence.
        rule: Short id of the rule that fired (see the module docstring).
    """

    comparator: str
    value: float
    start: int
    end: int
    rule: str


# ---------------------------------------------------------------------------
# Building blocks (plain strings, combined into the compiled patterns below).
# ---------------------------------------------------------------------------

# Minus signs: ASCII, U+2212, en dash, U+2010/U+2011 hyphens, and the cp1252
# mojibake of U+2212.
_MINUS = r"(?:[-\u2212\u2013\u2010\u2011]|âˆ’)"
# Multiplication signs, the mojibake of × included; middle dot and bullet are
# used for × in Lancet-style text.
_TIMES = r"(?:[x×X*·•∙⋅]|Ã—)"
_SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# The exponent part after "× 10": ^-5, ^{-5}, (-5), **-5, or a lost
# superscript ("10-5", "10−5", "105"). A positive exponent is kept so that a
# minus lost in conversion gives a huge number that is dropped, not "P = 1".
# Brackets must pair, so that "(P = 7 × 10−24)" keeps its ")" outside.
_SIGNED_EXP = r"(?:" + _MINUS + r"|\+)?\s?\d{1,3}"
_EXP_TAIL = (
    r"(?:\s?(?:\^|\*\*)?\s?(?:\{\s?" + _SIGNED_EXP + r"\s?\}|\(\s?" + _SIGNED_EXP + r"\s?\)|"
    + _SIGNED_EXP + r")|⁻?[" + _SUP + r"]{1,3})"
)
# A bare power of ten needs a minus: "10^-6", "10(-6)", "10 (-3)", "10-6", "10⁻⁶".
_NEG_EXP = _MINUS + r"\s?\d{1,3}"
_BARE_EXP10 = (
    r"10(?:\s?(?:\^|\*\*)?\s?(?:\{\s?" + _NEG_EXP + r"\s?\}|\(\s?" + _NEG_EXP + r"\s?\)|"
    + _NEG_EXP + r")|⁻[" + _SUP + r"]{1,3})"
)
# A decimal: "0.036", ".036", "0,03", "0·03", "0•03", "0?029" (a middle dot
# lost in encoding), "0. 07" (a space after the point, from token rebuilding),
# "Â·" (mojibake of the middle dot).
_MANTISSA = (
    r"(?:0\?\d+|0\.\s\d+|\d+(?:(?:[.,·•∙]|Â·)\d+)?|(?:[.·•∙]|Â·)\d+)"
)
# Atomic, and not followed by more digits, so that "0.01%" cannot backtrack
# to "0" and "0.5.3" is not "0.5".
_NUMBER = (
    r"(?>" + _BARE_EXP10 + r"|" + _MANTISSA
    + r"(?:\s?" + _TIMES + r"\s?10" + _EXP_TAIL
    + r"|[eE]\s?(?:" + _MINUS + r"|\+)?\d{1,3})?)(?!\d|(?:[.,·•∙?]|Â·)\d)"
    # A malformed power of ten ("1 × 10^{-5)") must not leave "P = 1".
    + r"(?!\s?" + _TIMES + r"\s?10)"
)
# A number followed by a unit is a dose or a measurement, not a p-value.
_NOT_UNIT = (
    r"(?!\s?(?:%|‰|[µμ]|(?:mg|g|kg|ml|mL|L|l|mm|cm|IU|U|units?|mmol|nmol|"
    r"days?|hours?|hrs?|h|min|weeks?|wk|months?|years?|patients?|subjects?)\b))"
)

# Comparators, longest first. Mapped to the five canonical forms by
# _canonical_comparator().
_CMP = r"""(?:
    (?:less|lower|smaller)\s+than\s+or\s+equal(?:\s+to)?
  | (?:greater|higher|larger|more)\s+than\s+or\s+equal(?:\s+to)?
  | not\s+(?:greater|higher|more|larger)\s+than
  | (?:less|lower|smaller)\s+than
  | (?:greater|higher|larger|more)\s+than
  | (?:of\s+)?at\s+most | (?:of\s+)?at\s+least | below | above
  | equal(?:s|led|ed)?(?:\s+to)?
  | [<＜﹤]\s?or\s?[=＝] | [>＞﹥]\s?or\s?[=＝]
  | [=＝]\s?or\s?[<＜] | [=＝]\s?or\s?[>＞]
  | [<＜﹤]\s?[=＝] | [>＞﹥]\s?[=＝]
  | [=＝]\s?[<＜] | [=＝]\s?[>＞]
  | [≤⩽≦≥⩾≧]
  | â‰[¤¥]
  | &\s?(?:lt|gt|le|ge);? | &\#(?:60|62|8804|8805);
  | [<＜﹤>＞﹥=＝﹦]
)"""

# Junk that PDF/HTML conversion leaves where thin spaces were: 'P"‰<"‰0.001',
# "P?<?0.001", "P: =.07".
_JUNK = r"[\s\"'‰?€Ââ:]{0,4}"
_JUNK_AFTER_CMP = r"[\s\"'‰?€Ââ]{0,4}"

# P must stand alone: not inside SBP, CRP, PP, 5P, not after "FACT-" or "i.".
# Written as a check after the P is consumed, so that the scan can jump from
# one p to the next instead of testing lookbehinds at every position.
_P_STANDS_ALONE = (
    r"(?<![\p{Latin}\p{Greek}\p{Cyrillic}\p{N}_][pP])"
    r"(?<![\p{Latin}\p{N}][-\u2010\u2011/.+][pP])"
)
# Qualifiers glued to or written after P: Ptrend, P-trend, P_adj, P trend,
# Plog rank, pNI.
_QUAL_WORD = (
    r"(?:trend|interaction|int|adj|adjusted|het|heterogeneity|diff|difference|"
    r"corr|corrected|nominal|overall|log[-\s]?rank|LR|NI|non[-\s]?inferiority|"
    r"sup|superiority|Bonferroni|bonf|FDR|Holm|Fisher|Wilcoxon|MH|CMH|linear|"
    r"quadratic|homogeneity|equivalence|two[-\s]?sided|one[-\s]?sided|"
    r"two[-\s]?tailed|one[-\s]?tailed|exact)"
)
_QUAL = (
    r"(?:[-_\u2010\u2011\s]?" + _QUAL_WORD + r"(?![\p{L}])"
    # P(trend), P (one-sided), p(log-rank): letters only, so "P (1)" and
    # "P (n = 20)" stay out.
    r"|\s?\(\s?\p{Latin}[^()\d.;]{0,27}\)"
    # p's < 0.05
    r"|\s?['’]\s?s(?![\p{L}])"
    r")"
)
# "P for trend", "P for treatment-by-time interaction": these may be followed
# by the number alone ("P for interaction 0.004"), so they open a slot.
_QUAL_FOR = (
    r"\s(?:for|of)\s(?:[\p{Latin}-]+[\s-]){0,3}?"
    r"(?:trend|interaction|heterogeneity|non-?inferiority|superiority|"
    r"equivalence|difference|effect|homogeneity|linearity)s?(?![\p{L}])"
)
_VALUE = r"(?:\s?[-\u2010\u2011\u2013_]?\s?[vV]alues?(?![\p{L}]))"
# Chinese "分别/均/都" (respectively/all) between P and the comparator.
_ZH_ALL = r"(?:\s?(?:均|都|分别))"

# Words before the hyphen of a lost P ("the -value", "a -value", "(-value").
_LOST_HYPHEN = (
    # The cheap lookahead first: most hyphens are not followed by "value".
    r"[-\u2010\u2011\u2013](?=\s?values?(?![\p{L}]))"
    r"(?<=(?:^|[(\[,;:]\s?|(?<![\p{L}])(?i:the|a|an|and|or|with|all|its|their|"
    r"corresponding|respective|adjusted|overall|nominal|exact|two-sided|"
    r"one-sided|two-tailed|one-tailed|whose|this|that)\s)[-\u2010\u2011\u2013])"
)

# A p-value slot opened by a verb or preposition: the comparator is implied "=".
_SLOT = (
    r"(?:(?:was|were|is|are|being|of|reached|equalled|equaled|amounted\s+to|"
    r"to\s+be)(?![\p{L}])|为|是|等于)"
)

_HEAD = (
    r"(?P<head>"
    # Lost P: the italic P disappeared, leaving "-value".
    r"(?P<lost>" + _LOST_HYPHEN + r"\s?values?(?![\p{L}]))(?P<slotok>)"
    r"|[pP]" + _P_STANDS_ALONE
    + r"(?:"
    # Chinese P值.
    r"(?P<zh>\s?值" + _ZH_ALL + r"?)(?P<slotok>)"
    # P, P-value, P for trend, Ptrend ...
    r"|(?:(?P<val>" + _VALUE + r")(?P<slotok>))?"
    r"(?:(?P<qfor>" + _QUAL_FOR + r")(?P<slotok>)|(?P<qual>" + _QUAL + r"))?"
    + _ZH_ALL + r"?"
    r"(?![\p{Latin}\p{Greek}\p{N}])"
    r"))"
)

_MAIN = regex.compile(
    _HEAD
    + r"(?(slotok)"
    # Heads that open a slot take a comparator, a slot word, a colon, or nothing.
    + r"(?:" + _JUNK + r"(?P<cmp>" + _CMP + r")"
    + r"|\s?" + _SLOT + r"(?:\s?(?P<cmp>" + _CMP + r"))?"
    + r"|\s?:(?:\s?(?P<cmp>" + _CMP + r"))?"
    + r"|\s)"
    # A bare P needs a comparator ("p ranging from < 0.05 to < 0.01" too).
    + r"|" + _JUNK + r"(?:ranging\s+from\s+|ranged\s+from\s+)?(?P<cmp>" + _CMP + r"))"
    + _JUNK_AFTER_CMP
    + r"(?P<open>\()?\s?(?P<num>" + _NUMBER + r")" + _NOT_UNIT
    # "a p-value of 0.05 or less" puts the comparator after the number.
    + r"(?P<tail>\s(?:or|and)\s(?:less|lower|smaller|below|more|greater|higher|above)(?![\p{L}]))?"
    + r"(?(open)(?:\s?\))?)(?P<e1>)"
    # The upper end of a range: "P = 0.011-0.013", "P < 0.01-0.05".
    + r"(?:\s?(?:[-\u2013\u2014]|to)\s?(?P<cmp2>" + _CMP + r")?\s?"
    + r"(?P<num2>" + _NUMBER + r")" + _NOT_UNIT + r")?",
    regex.VERBOSE | regex.IGNORECASE | regex.V0,
)

# One more item of a list after a match: ", 0.04", ", and 0.001", " and < 0.01".
# Matched at the end of the previous item (regex's match(pos=...) anchors there).
_LIST_ITEM = regex.compile(
    r"(?:\s?,\s?(?:(?:and|or)(?:\s|(?=[.·]\d)))?|\s(?:and|or)(?:\s|(?=[.·]\d)))"
    r"(?:(?P<cmp>" + _CMP + r")\s?)?"
    r"(?P<num>" + _NUMBER + r")" + _NOT_UNIT
    # The next thing must end the list; a number followed by ", P" or "[" is
    # an estimate with its own p-value or CI, not a p-value.
    + r"(?!\s?[,;]?\s?[pP](?![\p{L}]))"
    r"(?=\s?(?:[,;)\]}]|\.(?!\d)|$)|\s(?:and|or|respectively|for|in|at|vs\.?|versus)(?![\p{L}]))",
    regex.VERBOSE | regex.IGNORECASE | regex.V0,
)

# A list item must look like a p-value (a decimal or a power of ten), not a count.
_LOOKS_DECIMAL = regex.compile(r"[.,·•∙?eE^]|10\s?\(|×|\b10" + _MINUS)

# A p-value whose decimal point was deleted: "00001", "038", "0068".
_LOST_POINT = regex.compile(r"0\d{1,6}", regex.V0)

# parse_p_number: the whole string must be one number.
_FULL_NUMBER = regex.compile(
    r"\s*(?:"
    r"10\s?(?:\^|\*\*)?\s?(?:\{\s?(?P<bexp>-\s?\d{1,3})\s?\}|\(\s?(?P<bexp>-\s?\d{1,3})\s?\)"
    r"|(?P<bexp>-\s?\d{1,3}))"
    r"|(?P<mant>0\?\d+|0\.\s\d+|\d+(?:[.,·•∙]\d+)?|[.·•∙]\d+)"
    r"(?:\s?[x×X*·•∙⋅]\s?10\s?(?:\^|\*\*)?\s?(?:\{\s?(?P<xexp>[-+]?\s?\d{1,3})\s?\}"
    r"|\(\s?(?P<xexp>[-+]?\s?\d{1,3})\s?\)|(?P<xexp>[-+]?\s?\d{1,3}))"
    r"|[eE]\s?(?P<eexp>[-+]?\d{1,3}))?"
    r")\s*",
    regex.V0,
)

_DECIMAL_SEP = regex.compile(r"[.,·•∙?]", regex.V0)

# Raw forms folded before parsing a number.
_NUMBER_FOLD = str.maketrans(
    {
        "\u2212": "-", "\u2013": "-", "\u2010": "-", "\u2011": "-", "⁻": "^-",
        **{d: str(i) for i, d in enumerate(_SUP)},
    }
)

# --- significance thresholds stated in the methods -------------------------

# The text just before a match, cut at the sentence start.
_THRESHOLD_BEFORE = regex.compile(
    r"(?:"
    r"(?:level|threshold|criterion|criteria|cut-?off)\s+(?:of|for)\s+"
    r"(?:statistical\s+)?significance\b[^.;]{0,40}"
    r"|significance\s+(?:level|threshold|criterion|cut-?off)\b[^.;]{0,40}"
    r"|significan\w*\s+(?:was\s+|is\s+|were\s+|being\s+)?(?:set|defined|taken|"
    r"considered|established|accepted|chosen|fixed|assumed|determined|declared|"
    r"reached\s+if|indicated\s+by)\b[^.;]{0,25}"
    # "considered significant at/if/when": without the preposition,
    # "the fall was considered significant (P < 0.05)" reports a result.
    r"|(?:considered|regarded|deemed|accepted|defined|taken|assumed|declared)\s+"
    r"(?:to\s+be\s+|as\s+)?(?:statistically\s+)?significant\s+"
    r"(?:at|if|when|whenever|for|with|by)\b[^.;]{0,20}"
    r"|significant\s+(?:if|when|whenever)\b[^.;]{0,10}"
    r"|以\s*"
    r")$",
    regex.IGNORECASE | regex.V0,
)
# "did not reach the level of significance (P = 0.07)" reports a result.
_RESULT_VERB = regex.compile(
    r"\b(?:reach|attain|achiev|approach|fail|miss|exceed)\w*\s+(?:\w+\s+){0,3}?"
    r"(?:level|threshold|significance)",
    regex.IGNORECASE | regex.V0,
)
# The text just after a match (or after the last item of its list).
_THRESHOLD_AFTER = regex.compile(
    r"^(?:"
    # "P < 0.05 (two-sided) was considered significant"; a closing bracket or
    # a comma ends the p-value's own clause, so a later "was considered" in
    # another clause does not count.
    r"\s?(?:\([^)]{0,40}\))?[^.;,()]{0,45}?\b(?:was|were|is|are|be|being|will\s+be)\s+"
    r"(?:considered|regarded|deemed|defined|accepted|taken|set|chosen|assumed|"
    r"used\s+(?:as|to)|interpreted)\b"
    r"|\W{0,3}(?:\([^)]{0,40}\)\W{0,3})?(?:considered|regarded|deemed|accepted|"
    r"defined|taken|assumed|chosen)\b"
    r"|\W{0,3}(?:to\s+be|as)\s+(?:statistically\s+)?significan"
    r"|[^.;,()]{0,30}?\b(?:indicated?|denoted?|defined?)s?\s+(?:statistical\s+)?significance\b"
    r"|\W{0,3}(?:as|was|being)?\s*(?:the|a)\s+(?:threshold|cut-?off|criterion)\b"
    r"|\W{0,3}for\s+(?:statistical\s+)?significance\b"
    # Selection criteria: "variables with P < 0.1 in univariate analysis were
    # entered into the model", "with a p-value of at most .10 were included".
    r"|[^.;,()]{0,40}?\b(?:was|were)\s+(?:included|entered|selected|retained)\b"
    # Chinese: "P<0.05为差异有统计学意义".
    r"|\s*[)）]?\s*(?:为|作为|表示|视为|认为|被认为|时)"
    r")",
    regex.IGNORECASE | regex.V0,
)
# Sentence boundaries, to keep the threshold context within one sentence.
_LAST_BOUNDARY = regex.compile(
    r".*(?:[.!?](?=\s+[\p{Lu}(\[])|[。！？；;])", regex.DOTALL | regex.V0
)
_FIRST_BOUNDARY = regex.compile(r"[.!?](?=\s|$)|[。！？；;]", regex.V0)
_WINDOW = 150

# Cheap test before the full scan: every match holds a comparator or one of
# these words (checked on the lower-cased text with plain substring tests,
# which are much faster than a regex search).
_PREFILTER_TOKENS = (
    "<", ">", "=", "＜", "＞", "＝", "﹤", "﹥", "﹦", "≤", "≥", "⩽", "⩾", "≦", "≧",
    "‰", "&", "than", "at most", "at least", "equal", "below", "above",
    "value", "值", "interaction", "trend", "heterogeneity", "inferiority",
    "superiority", "equivalence", "difference", "effect", "homogeneity", "linearity",
)


_FULLWIDTH_CMP = str.maketrans("＜＞＝﹤﹥﹦", "<>=<>=")


def _canonical_comparator(raw: str | None) -> str:
    """Map a written comparator to one of ``=``, ``<``, ``>``, ``<=``, ``>=``.

    Args:
        raw: The comparator as written (``"< or ="``, ``"less than"``,
            ``"≦"``, ``"&lt;"``), or None for an implied ``=``.

    Returns:
        The canonical comparator.
    """
    if raw is None:
        return "="
    s = "".join(raw.casefold().split()).translate(_FULLWIDTH_CMP)
    if (
        s in {"<=", "=<", "<or=", "=or<", "≤", "⩽", "≦", "â‰¤", "&#8804;"}
        or s.startswith("&le")
        or s.endswith("atmost")
        or s.startswith("not")
        or ("than" in s and "equal" in s and not s.startswith(("greater", "higher", "larger", "more")))
    ):
        return "<="
    if (
        s in {">=", "=>", ">or=", "=or>", "≥", "⩾", "≧", "â‰¥", "&#8805;"}
        or s.startswith("&ge")
        or s.endswith("atleast")
        or ("than" in s and "equal" in s)
    ):
        return ">="
    if s in {"<", "&#60;"} or s.startswith(("&lt", "less", "lower", "smaller", "below")):
        return "<"
    if s in {">", "&#62;"} or s.startswith(("&gt", "greater", "higher", "larger", "more", "above")):
        return ">"
    return "="


def parse_p_number(s: str) -> float | None:
    """Parse the number of a p-value as written.

    Handles decimal points, commas, middle dots and bullets (``"0.036"``,
    ``".036"``, ``"0,03"``, ``"0·03"``, ``"0•03"``), a middle dot lost to
    ``?`` (``"0?029"``), and powers of ten (``"3.2 × 10^-5"``,
    ``"3.2×10−5"`` with a lost superscript, ``"1.2e-4"``, ``"10^-6"``,
    ``"10 (-3)"``).

    Args:
        s: The number, with nothing around it but whitespace.

    Returns:
        The value as a float (not range-checked), or None when ``s`` is not
        one number in these notations (``"NS"``, ``"0001"``, ``"12,5"``).
    """
    s = s.replace("âˆ’", "-").replace("Ã—", "×").replace("Â·", "·")
    s = s.translate(_NUMBER_FOLD)
    m = _FULL_NUMBER.fullmatch(s)
    if m is None:
        return None
    if m.group("bexp") is not None:
        return float(f"1e{int(m.group('bexp').replace(' ', ''))}")
    mant = m.group("mant")
    sep = _DECIMAL_SEP.search(mant)
    if sep is None:
        # "0001" is a decimal whose point was lost, not the number 1.
        if len(mant) > 1 and mant.startswith("0"):
            return None
        whole, frac = mant, ""
    else:
        whole, frac = mant[: sep.start()], mant[sep.end() :].strip()
        # A decimal comma or a lost middle dot only after a single digit, so
        # that "1,000" style groupings stay out.
        if sep.group() in ",?" and len(whole) != 1:
            return None
        if len(whole) > 1 and whole.startswith("0"):
            return None
    exp = m.group("xexp") or m.group("eexp")
    # Build one literal so that "3.2 × 10^-5" is exactly 3.2e-05.
    literal = f"{whole or '0'}.{frac or '0'}"
    if exp is not None:
        literal += f"e{int(exp.replace(' ', ''))}"
    return float(literal)


def _is_threshold(text: str, start: int, end: int) -> bool:
    """Tell whether the p-value at ``text[start:end]`` is a stated threshold.

    Args:
        text: The whole text.
        start: Start of the p-value evidence.
        end: End of the evidence (of the last item, for a list).

    Returns:
        True when the same sentence says the value is a significance level
        ("P < 0.05 was considered significant", "significance was set at").
    """
    before = text[max(0, start - _WINDOW) : start]
    cut = _LAST_BOUNDARY.match(before)
    if cut is not None:
        before = before[cut.end() :]
    if _THRESHOLD_BEFORE.search(before) and not _RESULT_VERB.search(before):
        return True
    after = text[end : end + _WINDOW]
    cut = _FIRST_BOUNDARY.search(after)
    if cut is not None:
        after = after[: cut.start()]
    return _THRESHOLD_AFTER.match(after) is not None


def _rule_of(m: regex.Match[str], has_cmp: bool) -> str:
    """Name the rule that produced a main match."""
    if m.group("lost") is not None:
        return "lost_p"
    if not has_cmp:
        return "p_value_slot"
    if m.group("qual") is not None or m.group("qfor") is not None:
        return "p_qualified"
    if m.group("zh") is not None:
        return "p_zh"
    if m.group("val") is not None:
        return "p_value"
    return "p_eq"


def _in_range(value: float | None) -> bool:
    """Tell whether a parsed number can be a p-value."""
    return value is not None and 0.0 <= value <= 1.0


def find_p_values(text: str) -> list[PValueMatch]:
    """Find every reported p-value in a text.

    Args:
        text: Cleaned document text (raw forms are tolerated).

    Returns:
        The p-values, sorted by start, without overlaps. Values outside
        [0, 1] and significance thresholds stated in the methods are left out.
    """
    if not text:
        return []
    lowered = text.lower()
    if not any(token in lowered for token in _PREFILTER_TOKENS):
        return []
    found: list[PValueMatch] = []
    for m in _MAIN.finditer(text):
        cmp_raw = m.group("cmp")
        comparator = _canonical_comparator(cmp_raw)
        tail = m.group("tail")
        if tail is not None and comparator == "=":
            comparator = "<=" if _canonical_comparator(tail.split()[-1]) == "<" else ">="
            cmp_raw = tail
        num = m.group("num")
        value = parse_p_number(num)
        rule = _rule_of(m, cmp_raw is not None)
        if value is None and _LOST_POINT.fullmatch(num):
            # Lancet text whose middle dot was deleted: "p < 00001" is p<0·0001.
            value, rule = float(f"0.{num[1:]}"), "lost_decimal"
        group: list[PValueMatch] = []
        if _in_range(value):
            group.append(PValueMatch(comparator, value, m.start("head"), m.start("e1"), rule))
        last_end = m.end()
        if m.group("num2") is not None:
            value2 = parse_p_number(m.group("num2"))
            if _in_range(value2):
                cmp2 = m.group("cmp2")
                group.append(
                    PValueMatch(
                        _canonical_comparator(cmp2) if cmp2 else comparator,
                        value2,
                        m.start("num2") if cmp2 is None else m.start("cmp2"),
                        m.end("num2"),
                        "p_range",
                    )
                )
        else:
            # Later items of a list carry the comparator of the first.
            pos = m.end()
            while (item := _LIST_ITEM.match(text, pos)) is not None:
                num = item.group("num")
                value_i = parse_p_number(num)
                if not _LOOKS_DECIMAL.search(num) or not _in_range(value_i):
                    break
                cmp_i = item.group("cmp")
                group.append(
                    PValueMatch(
                        _canonical_comparator(cmp_i) if cmp_i else comparator,
                        value_i,
                        item.start("cmp") if cmp_i else item.start("num"),
                        item.end("num"),
                        "respectively_list",
                    )
                )
                pos = last_end = item.end()
        if group and not _is_threshold(text, m.start("head"), last_end):
            found.extend(group)
    found.sort(key=lambda p: (p.start, -p.end))
    result: list[PValueMatch] = []
    for p in found:
        if result and p.start < result[-1].end:
            continue
        result.append(p)
    return result
