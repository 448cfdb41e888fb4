"""Find doses in text: numbers with a dose unit, as an administered amount.

Pure functions (regex, the numbers reader and the unit reader; no spaCy).
The spaCy component ``trial_doses`` wraps :func:`find_doses`.

A dose is a number followed by a unit of an amount that is given (mass,
volume, activity, cells, CFU, dosage forms), optionally per body weight, body
surface or time. Rules, each written for how trial reports state doses:

- unit after the number (``20 mg``, ``1 × 10^6 cells/kg BW``, ``24-mL``,
  ``100 × 10^6 autologous bone marrow MSCs``, ``8 mg per kilogram of body
  weight``, ``0,5 µg kg-1 h-1``);
- the unit shared by a list or an alternative (``0.3 or 0.5 mg``,
  ``2·5, 5, or 10 µg``, ``10 × 10(6) or 100 × 10(6) cells``);
- a power-of-ten count without a unit takes the cell unit of another
  power-of-ten count in the same sentence (``low dose (1 × 10^7 cells),
  middle (5 × 10^7) and high (1 × 10^8)``);
- "from A to B" is two amounts (a change), "A-B" or "A to B" a range;
- a lost superscript (``1 × 106 cells``) is accepted only for counts (cells,
  CFU), and says so in a warning.

Not doses: concentrations (``mg/dL``, ``ng/mL``, cells per litre of blood),
body weight (``kg`` alone), volumes that were taken, not given (aspirate,
harvest, blood samples, blood loss, urine), percentages, durations, ages.

Chinese words are data. The unit words (``毫克``, ``粒``, ``细胞``, ``体重``,
``/次``) are read by :mod:`extract.normalize.units` from
``patterns/zh/units.jsonl``; this module reads ``体重`` from there too (for
``1×10^6 /kg体重`` after ``细胞``), and ``patterns/zh/doses.jsonl`` for a
power-of-ten count with no unit after it whose cells are named before it:
the counter (``干细胞数量≥2×107个``: ``个``, but not ``个细胞``, a unit)
and the cell nouns (``细胞``). They are compiled at import and checked there:
an unknown label or key, a duplicate id or word, an example its own word does
not act on, or an example that does not yield its ``expect`` raises
:class:`~extract.patterns.PatternError` at start-up.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from extract.normalize.numbers import Number, numbers_in
from extract.normalize.units import ZH_UNITS, UnitMatch, match_unit, pint_name
from extract.patterns import PatternError, check_expectations, check_rules, literal_alternation, load_patterns


@dataclass(frozen=True, slots=True)
class DoseMatch:
    """One dose found in a text (offsets into that text)."""

    value: float
    low: float | None
    high: float | None
    spread: float | None
    unit: str            # Pint's spelling, e.g. "cell / kilogram"
    per: str | None
    agent: str | None
    start: int
    end: int
    rule: str
    warning: str | None = None


# --------------------------------------------------------------------------- Chinese: rules as data

#: The Chinese counter and cell nouns, one per line: patterns/zh/doses.jsonl.
ZH_RULE_FILE = "zh/doses"
_ZH_SOURCE = f"{ZH_RULE_FILE}.jsonl"
#: What a word does (the ``label`` of its line); see the module docstring.
ZH_LABELS = ("counter", "cell_noun")
# Keys besides id, label, pattern and example ("expect" is required: checked below).
_ZH_EXTRA_KEYS = ("not_before", "expect", "comment", "source")
# How far before a count a cell noun is looked for (the wider of the two reaches in find_doses).
_ZH_CELL_REACH = 30


@dataclass(frozen=True, slots=True)
class ZhDoseWords:
    """The Chinese words of :data:`ZH_RULE_FILE`, compiled.

    Attributes:
        counter: a counter right after a number (with the space before it),
            not followed by one of its ``not_before`` words.
        cell_nouns: the cell nouns looked for before the number.
    """

    counter: regex.Pattern[str]
    cell_nouns: tuple[str, ...]


def _zh_fail(rid: object, message: str) -> PatternError:
    return PatternError(f"{_ZH_SOURCE}: rule {rid!r}: {message}")




def _compile_zh(rules: Sequence[Mapping[str, Any]]) -> ZhDoseWords:
    """Check the Chinese counter and cell nouns and compile them.

    Args:
        rules: the lines of :data:`ZH_RULE_FILE` (or rules built in memory).

    Returns:
        The compiled words.

    Raises:
        PatternError: naming the rule, on a missing, unknown or ill-typed
            key, a duplicate id, a label outside :data:`ZH_LABELS`, a word
            listed twice, ``not_before`` on a cell noun, or an example its
            own word does not act on.
    """
    check_rules(rules, _ZH_SOURCE, optional=_ZH_EXTRA_KEYS)
    counters: list[str] = []
    cell_nouns: list[str] = []
    for rule in rules:
        rid, label, word = rule["id"], rule["label"], rule["pattern"]
        if label not in ZH_LABELS:
            raise _zh_fail(rid, f"label {label!r} is not one of {list(ZH_LABELS)}")
        if word != word.strip():
            raise _zh_fail(rid, f"the word {word!r} has spaces around it")
        if word in counters or word in cell_nouns:
            raise _zh_fail(rid, f"the word {word!r} is listed twice")
        not_before = rule.get("not_before", [])
        if not isinstance(not_before, list) or not all(isinstance(w, str) and w.strip() for w in not_before):
            raise _zh_fail(rid, "'not_before' must be a list of non-empty strings")
        if not_before and label != "counter":
            raise _zh_fail(rid, "only a counter has 'not_before'")
        expect = rule.get("expect")
        if not isinstance(expect, list) or not all(
            isinstance(e, list) and len(e) == 2 and isinstance(e[0], (int, float)) and not isinstance(e[0], bool)
            and isinstance(e[1], str) for e in expect
        ):
            raise _zh_fail(rid, "'expect' must be a list of [value, unit] pairs")
        for key in ("comment", "source"):
            if key in rule and (not isinstance(rule[key], str) or not rule[key].strip()):
                raise _zh_fail(rid, f"{key!r} must be a non-empty string")
        (counters if label == "counter" else cell_nouns).append(word)
    alternatives = []
    for rule in sorted((r for r in rules if r["label"] == "counter"), key=lambda r: len(r["pattern"]), reverse=True):
        guard = f"(?!(?:{literal_alternation(rule['not_before'])}))" if rule.get("not_before") else ""
        alternatives.append(regex.escape(rule["pattern"]) + guard)
    words = ZhDoseWords(
        counter=regex.compile(r"\s?(?:" + ("|".join(alternatives) or "(?!)") + ")"),
        cell_nouns=tuple(cell_nouns),
    )
    for rule in rules:
        example, word = rule["example"], rule["pattern"]
        numbers = numbers_in(example)
        if rule["label"] == "counter":
            acts = any((m := words.counter.match(example, n.end)) and m.group().strip() == word for n in numbers)
        else:
            acts = any(word in example[max(0, n.start - _ZH_CELL_REACH):n.start] for n in numbers)
        if not acts:
            raise _zh_fail(rule["id"], f"its {rule['label']} {word!r} does not act on its example {example!r}")
    return words


_ZH = _compile_zh(load_patterns(ZH_RULE_FILE))
# "体重" (body weight) after kg: the words of patterns/zh/units.jsonl.
_ZH_BODY_WEIGHT = "".join(regex.escape(w) + "|" for w in sorted(ZH_UNITS.body_weight, key=len, reverse=True))

# Words between two numbers that share the unit of the second.
_PER_KG_ONLY = regex.compile(
    r"\s?/\s?(?:kg|Kg|KG)(?:\s?(?:" + _ZH_BODY_WEIGHT + r"BW|body\s+weight))?(?![\p{Latin}\d])")
_ZH_COUNTER = _ZH.counter
_CELL_BEFORE = regex.compile(literal_alternation(_ZH.cell_nouns) + r"|\bcells?\b|MSCs?\b", regex.I)
_SPREAD_PAREN = regex.compile(r"\s?[(\[]\s?(?:SD|SE|SEM|s\.d\.|±|\+/-)\s?[=:]?\s?\d+(?:[.,·]\d+)?\s?[)\]]", regex.I)
_TO = regex.compile(r"\s*to\s*$", regex.I)
_LIST_JOIN = regex.compile(r"\s*(?:,\s*(?:or|and)?|or|and|/)\s*$", regex.I)
# Volumes taken from the patient, not given.
_TAKEN = regex.compile(
    r"\b(?:aspirat\w*|harvest\w*|collect\w*|obtain\w*|drawn|withdrawn|sampl\w*|blood\s+loss|bleeding|blood\s+samples?|"
    r"urine|drain\w*|apheresis|leukapheresis|phlebotom\w*|lipoaspirat\w*|liposuction|output|excret\w*)\b",
    regex.I,
)
# A measured value, not an amount given ("weight of 106 kg", "intake of").
_MEASURED = regex.compile(
    r"\b(?:weigh\w*|intake|consumption|level|concentration|excretion|loss|gain)\s+(?:of\s+|was\s+|were\s+)?(?:[<>=≤≥]|or|\s)*$"
    r"|\b(?:excretion|clearance|output|concentrations?|levels?|loss|consumption)\b[^.;]{0,30}$",
    regex.I,
)
# A (body, birth) weight named earlier in the sentence, with no word of giving in between.
_WEIGHT_BEFORE = regex.compile(
    r"(?<!\b(?:kg|kilograms?|per)\s*(?:of\s+)?(?:the\s+)?)(?<!/\s*)"
    r"\b(?:body|birth|mean|median|average|fetal|infant)\s+weights?\b(?:(?!\b(?:dose[sd]?|dosing|given|received|administ\w*|"
    r"per|based|adjusted)\b)[^.;])*$", regex.I)
_VOLUME_MEASURED = regex.compile(
    r"\b(?:volumes?|IQR|interquartile|CI|SD|capacity|reduc\w+|chang\w+|differ\w+|decreas\w+|increas\w+|shrink\w*)\b", regex.I)
# A solute named between the mass and a volume: "iopromide 300 mg I/ml" (iodine per mL of contrast
# medium), "0.5 mg morphine/mL": a concentration of the preparation, not an amount given.
_SOLUTE_PER_VOLUME = regex.compile(r"\s?[\p{L}][\p{L}\d-]{0,20}\s?/\s?(?:ml|mL|dL|dl|L|l)(?![\p{L}\d])")
_COMPARED_AFTER = regex.compile(r"\s*(?:more|less|greater|smaller|larger|lower|higher)\s+than\b", regex.I)
# A cut-off, not an amount given: "MAO less than 30 mmol/h", "serum ferritin > 500 ng": a comparative
# right before the number, with no word of giving earlier in the sentence.
_THRESHOLD_BEFORE = regex.compile(
    r"(?:\b(?:less|greater|more|lower|higher|fewer)\s+than|\b(?:above|below|exceeding|under|over)|[<>≤≥]=?)"
    r"\s*(?:or\s+equal\s+to\s*)?$", regex.I)
_GIVING_BEFORE = regex.compile(
    r"\b(?:inject\w*|infus\w*|administ\w*|dos(?:e|es|ed|ing|age|ages)|given|giv|receiv\w*|instill\w*|tak(?:e|es|ing|en)|"
    r"treat\w*|prescri\w*|supplement\w*|vehicle|regimens?)\b", regex.I)
_GIVING_AFTER = regex.compile(
    r"\s*of\s+[\w-]+(?:\s+[\w-]+)?\s+(?:supplement\w*|administ\w*|infus\w*|inject\w*|therapy|treatment)\b", regex.I)
_GIVEN = regex.compile(r"\b(?:inject\w*|infus\w*|administ\w*|dose[sd]?|dosing|given|received|instill\w*|diluted|suspended|vehicle)\b", regex.I)
_FROM = regex.compile(r"\bfrom\s*$", regex.I)
_RANGING = regex.compile(r"\brang\w*\s+(?:from\s*)?$|\bbetween\s*$", regex.I)
_SENTENCE_START = regex.compile(r"[.!?。;]\s|\n")

# Schedules after (or just before) the amount.
_SCHEDULES: list[tuple[regex.Pattern[str], str]] = [
    (regex.compile(r"^\W{0,3}(?:per|/|each|every|a|for\s+each)\s*(injection|infusion|dose|administration|session|patient|nostril|spray|treatment|eye|knee)s?\b", regex.I), r"\1"),
    (regex.compile(r"^\W{0,3}(?:twice|two\s+times|three\s+times|2\s+times|3\s+times|four\s+times)\s+(?:a\s+|per\s+)?(?:daily|day|d)\b|^\W{0,3}(?:b\.?i\.?d|t\.?i\.?d|q\.?i\.?d|bid|tid|qid|BID|TID)\b", regex.I), "dose"),
    (regex.compile(r"^\W{0,3}(?:once\s+)?(?:daily|a\s+day|per\s+day|each\s+day|every\s+day|qd|q\.d\.|/d|/day)\b", regex.I), "day"),
    (regex.compile(r"^\W{0,3}(?:once[\s-])?(?:weekly|a\s+week|per\s+week|every\s+week|/week)\b", regex.I), "week"),
    (regex.compile(r"^\W{0,3}(?:once[\s-])?(?:monthly|a\s+month|per\s+month|every\s+month)\b", regex.I), "month"),
    (regex.compile(r"^\W{0,3}(?:once\s+)?every\s+(\d+|two|three|four|six)\s+(week|day|month)s?\b", regex.I), r"\1 \2s"),
]
_SCHEDULE_BEFORE: list[tuple[regex.Pattern[str], str]] = [
    (regex.compile(r"\b(?:once[\s-])?weekly\b[^.;]{0,40}$", regex.I), "week"),
    (regex.compile(r"\b(?:once[\s-])?monthly\b[^.;]{0,40}$", regex.I), "month"),
    (regex.compile(r"\b(?:once[\s-])?daily\b[^.;]{0,25}$", regex.I), "day"),
]
# Agent: a drug-like word right before the amount, or "of X" right after.
_AGENT_BEFORE = regex.compile(r"(?P<agent>[A-Za-z][\w-]{2,40})(?:\s+(?:at\s+a\s+dose\s+of|dose\s+of|at))?\s*[(\[]?\s*$")
_AGENT_AFTER = regex.compile(r"\s*(?:of\s+)(?P<agent>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2})")
_NOT_AGENT = frozenset(
    "a an the of and or with to at dose doses dosage total mean median average maximum minimum received receiving "
    "given was were is are be by in on for from than of range ranging between approximately about up each per "
    "infusion injection injections infusions administered administration daily weekly monthly group arm "
    "patients patient subjects participants increased decreased including included plus versus vs either "
    "low high middle medium standard single double loading maintenance receive intravenous intravenously oral orally "
    "subcutaneous subcutaneously intramuscular intramuscularly".split()
)


def _sentence_start(text: str, pos: int) -> int:
    start = max(0, pos - 300)
    last = start
    for m in _SENTENCE_START.finditer(text, start, pos):
        last = m.end()
    return last


def _schedule(text: str, unit: UnitMatch, num_start: int) -> str | None:
    if unit.per:
        return unit.per
    after = text[unit.end:unit.end + 60]
    for pat, repl in _SCHEDULES:
        m = pat.match(after)
        if m:
            return m.expand(repl).lower()
    before = text[_sentence_start(text, num_start):num_start]
    for pat, repl in _SCHEDULE_BEFORE:
        if pat.search(before):
            return repl
    return None


def _agent(text: str, num_start: int, unit_end: int) -> str | None:
    m = _AGENT_BEFORE.search(text, max(0, num_start - 60), num_start)
    if m and m.group("agent").lower() not in _NOT_AGENT and not m.group("agent")[0].isdigit():
        return m.group("agent")
    m = _AGENT_AFTER.match(text, unit_end)
    if m:
        words = [w for w in m.group("agent").split() if w.lower() not in _NOT_AGENT]
        if words:
            return " ".join(words)
    return None


def _scaled(n: Number, divisor: float) -> tuple[float, float | None, float | None, float | None]:
    f = 1.0 / divisor
    return (n.value * f, None if n.low is None else n.low * f, None if n.high is None else n.high * f,
            None if n.spread is None else n.spread * f)


def find_doses(text: str) -> list[DoseMatch]:
    """Every administered amount in the text, in order (see the module docstring)."""
    numbers = [n for n in numbers_in(text) if n.value >= 0]
    units: list[UnitMatch | None] = [match_unit(text, n.end) for n in numbers]
    how: list[str] = ["unit_after" if u else "" for u in units]
    # A list or an alternative shares the unit written after its last number.
    for i in range(len(numbers) - 2, -1, -1):
        if units[i] is None and units[i + 1] is not None:
            between = text[numbers[i].end:numbers[i + 1].start]
            joined = _LIST_JOIN.match(between) or (
                _TO.match(between) and _FROM.search(text[max(0, numbers[i].start - 12):numbers[i].start]))
            if len(between) <= 8 and joined and not numbers[i].words:
                units[i] = units[i + 1]
                how[i] = "shared_unit"
    # "6.7 (SD 2.7) mg/day": the unit comes after the spread in parentheses.
    for i, n in enumerate(numbers):
        if units[i] is None and not n.words:
            spread = _SPREAD_PAREN.match(text, n.end)
            if spread:
                u = match_unit(text, spread.end())
                if u is not None:
                    units[i] = u
                    how[i] = "unit_after_spread"
    # "1×10^6 /kg体重" after 细胞 (cells) or "cells": a per-weight cell dose whose noun came first.
    for i, n in enumerate(numbers):
        if units[i] is None and _is_power_count(text, n):
            per_kg = _PER_KG_ONLY.match(text, n.end)
            counter = _ZH_COUNTER.match(text, n.end)
            if per_kg and _CELL_BEFORE.search(text[max(0, n.start - 30):n.start]):
                units[i] = UnitMatch("cell/kg", "cell", None, False, n.end, per_kg.end())
                how[i] = "cell_noun_before"
            elif counter and _CELL_BEFORE.search(text[max(0, n.start - 15):n.start]):
                # "干细胞数量≥2×107个": the counter 个 counts the cells named just before
                units[i] = UnitMatch("cell", "cell", None, False, n.end, counter.end())
                how[i] = "cell_noun_before"
    # A power-of-ten count without a unit takes a sibling's cell unit.
    for i, n in enumerate(numbers):
        if units[i] is None and _is_power_count(text, n):
            for j, m in enumerate(numbers):
                if j != i and units[j] is not None and units[j].kind == "cell" and abs(m.start - n.start) < 250 \
                        and _sentence_start(text, m.start) == _sentence_start(text, n.start) and _is_power_count(text, m):
                    units[i] = UnitMatch("cell", "cell", None, False, n.end, n.end)
                    how[i] = "sibling_cell_unit"
                    break
    out: list[DoseMatch] = []
    for n, u, rule in zip(numbers, units, how, strict=True):
        if u is None:
            continue
        dose = _make_dose(text, n, u, rule)
        if dose is not None:
            out.extend(dose)
    return out


def _is_flow(unit: str) -> bool:
    return unit.split("/")[-1] in ("second", "minute", "hour") and "kg" not in unit


def _is_power_count(text: str, n: Number) -> bool:
    return n.value >= 1e5 and ("10" in text[n.start:n.end]) and not n.words


def _make_dose(text: str, n: Number, u: UnitMatch, rule: str) -> list[DoseMatch] | None:
    if u.divisor <= 0 or (n.value == 0 and n.high is None):
        return None  # "cells/0 mL", "0 mg": nothing was given
    if u.concentration and u.kind != "cell":
        return None  # a lab concentration (mg/dL, ng/mL, IU/L)
    if u.kind in ("mass", "substance", "activity") and "/" not in u.unit and _SOLUTE_PER_VOLUME.match(text, u.end):
        return None  # "300 mg I/ml", "0.5 mg morphine/mL": a concentration
    if u.concentration and u.kind == "cell" and u.divisor == 1.0:
        return None  # cells per litre of blood: a count, not a dose
    if u.unit == "kilogram" or (u.kind == "mass" and u.unit.startswith("kilogram")):
        return None  # body weight
    if n.words and u.end - u.start == 1:
        return None  # "two g(roups)", "three L. rhamnosus": a word number never takes a one-letter unit
    if u.kind == "cell" and n.value < 1000:
        return None  # "3 cells", a typo'd "0.93 cells/kg": not a plausible cell dose
    if u.kind == "activity" and u.unit == "activity_unit" and n.words and "million" in text[n.start:n.end].lower():
        u = UnitMatch("international_unit", "activity", u.per, u.concentration, u.start, u.end, u.divisor)
    elif u.kind == "activity" and u.unit == "activity_unit" and (not _bare_u_ok(text, n, u) or _SCALE_AFTER.match(text, u.end)):
        return None
    warning = None
    if n.inferred_exponent:
        if u.kind not in ("cell", "count"):
            return None
        warning = f"read {text[n.start:n.end]!r} as a power of ten (superscript lost)"
    sent = _sentence_start(text, n.start)
    before = text[sent:n.start]
    if u.kind == "volume" and _TAKEN.search(before[-80:] + " " + text[u.end:u.end + 15]):
        return None
    if u.kind == "volume" and _is_flow(u.unit) and not _GIVEN.search(before[-60:]):
        return None  # mL/min, L/min: a flow (eGFR, oxygen), not an infusion rate unless said so
    if _MEASURED.search(before[-40:]):
        return None
    if u.kind not in ("cell", "count") and _THRESHOLD_BEFORE.search(before[-25:]) \
            and not _GIVING_BEFORE.search(before) and not _GIVING_AFTER.match(text, u.end):
        return None  # "in healthy subjects with MAO less than 30 mmol/h": a cut-off, not a dose
    if u.kind == "mass" and _WEIGHT_BEFORE.search(before[-80:]):
        return None  # "birth weight was 770 g in the vitamin A group and 769 g in the control group"
    if u.kind == "volume" and (_VOLUME_MEASURED.search(before[-60:]) or _COMPARED_AFTER.match(text, u.end)) \
            and not _GIVEN.search(before[-100:]):
        return None  # "hematoma volume was 12.55 mL (IQR, 0.9-23.9 mL)"
    name = pint_name(u.unit)
    if name is None:
        return None
    per = _schedule(text, u, n.start)
    agent = _agent(text, n.start, u.end)
    value, low, high, spread = _scaled(n, u.divisor)
    start, end = n.start, max(u.end, n.end)
    if low is not None and high is not None and _FROM.search(before[-12:]) and not _RANGING.search(before[-30:]):
        # "increased from 0.05 to 0.1 ml": two amounts, not a range.
        return [
            DoseMatch(low, None, None, None, name, per, agent, start, end, rule + ":from_to", warning),
            DoseMatch(high, None, None, None, name, per, agent, start, end, rule + ":from_to", warning),
        ]
    return [DoseMatch(value, low, high, spread, name, per, agent, start, end, rule, warning)]


_U_CONTEXT = regex.compile(r"\b(?:toxin|botulinum|onabotulinumtoxin\w*|abobotulinumtoxin\w*|incobotulinumtoxin\w*|"
                           r"heparin|insulin|units?\s+of|dose|doses|dosing|dosed|injection|injected|received|given|"
                           r"administered|vitamin|interferon|IFN|erythropoietin|epoetin)\b", regex.I)
_SCALE_AFTER = regex.compile(r"\s+(?:on|of)\s+(?:a|the)\s+[\w-]+(?:\s+[\w-]+)?\s+scale\b", regex.I)


def _bare_u_ok(text: str, n: Number, u: UnitMatch) -> bool:
    """"U" after a number is a unit of activity only in a dose context (botulinum toxin, heparin, insulin)."""
    window = text[max(0, n.start - 80):u.end + 40]
    return bool(_U_CONTEXT.search(window))


# Every Chinese word proved on its example: find_doses gives its ``expect``.
check_expectations(load_patterns(ZH_RULE_FILE), _ZH_SOURCE, lambda example: [[d.value, d.unit] for d in find_doses(example)])
