"""The project's one Pint registry, and reading the unit written after a number.

Pint's default registry plus ``patterns/units.txt`` (a superset of the SPEC's
``units.txt``: cells, IU, CFU, vector genomes, activity units, dosage forms).
Pint gets several dose surface forms wrong or lacks them (``h`` is Planck's
constant in some contexts, ``U`` is enzyme_unit, ``mcg`` and ``cc`` need care,
"cells/kg BW" and "per kilogram of body weight" are prose), so surface forms
go through the explicit alias table below and only canonical strings reach
Pint. Parsed units are cached: building a Quantity from a string costs
~0.3 ms, a cached unit times a float is cheap.

The Chinese unit words are data, in ``patterns/zh/units.jsonl``: each line
maps one word to the unit it is an alias of, in one slot of the reader
(``numerator``: ``毫克`` is ``milligram``, ``粒`` is ``tablet``; ``cell``:
``细胞``; ``body_weight``: ``体重`` after ``kg``; ``per``: ``/次`` is per
dose). They are appended to the English alternatives at import, and checked
there: an unknown slot, key or unit (every unit must be one the English
table already has), a duplicate id or word, or an example that
:func:`match_unit` does not read as the word's unit raises
:class:`~extract.patterns.PatternError` at start-up.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pint
import regex

from extract.patterns import UNITS_FILE, PatternError, check_rules, load_patterns

#: Where Pint keeps its parsed definitions between runs; ``TRIAL_EXTRACT_CACHE``
#: overrides the base directory, and ``off`` (or empty) turns the cache off.
CACHE_ENV = "TRIAL_EXTRACT_CACHE"


def _cache_folder() -> str | None:
    base = os.environ.get(CACHE_ENV)
    if base is not None:
        return None if base.strip().lower() in ("", "off", "0", "false") else os.path.join(base, "pint")
    xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(xdg, "trial-extract", "pint")


def _build_registry() -> pint.UnitRegistry:
    """Pint's default registry plus ours.

    Parsing Pint's definition files is most of a cold start's unit cost
    (~0.13 s); Pint's own disk cache (``cache_folder``) brings a later start
    down to ~0.02 s. A cache that cannot be written or read (read-only home,
    two workers writing it at once) is skipped, never fatal.
    """
    folder = _cache_folder()
    if folder is not None:
        try:
            cached = pint.UnitRegistry(on_redefinition="raise", cache_folder=folder)
            cached.load_definitions(str(UNITS_FILE))
            return cached
        except Exception:  # noqa: BLE001 - any cache trouble falls back to parsing
            pass
    registry = pint.UnitRegistry(on_redefinition="raise")
    registry.load_definitions(str(UNITS_FILE))
    return registry


ureg = _build_registry()


@lru_cache(maxsize=4096)
def parse_unit_string(unit: str) -> pint.Quantity | None:
    """Parse a Pint unit string (``"cell/kg"``, ``"mg/m**2"``) to a unit quantity.

    Returns:
        ``1 <unit>`` as a Quantity, or None when Pint cannot parse it.
    """
    try:
        q = ureg.Quantity(1, unit) if unit.strip() else None
    except Exception:  # noqa: BLE001 - Pint's parser raises many kinds (TokenError, AssertionError, ...) on junk
        return None
    return q


@lru_cache(maxsize=4096)
def pint_name(unit: str) -> str | None:
    """Pint's own spelling of a unit string (``"mg/kg/day"`` -> ``"milligram / day / kilogram"``)."""
    q = parse_unit_string(unit)
    return None if q is None else str(q.units)


# --------------------------------------------------------------------------- surface forms

#: Numerator units: (kind, Pint string, regex), English; the Chinese words of
#: patterns/zh/units.jsonl are appended to them in :data:`_NUMERATORS`. Order
#: matters only for readability: the combined pattern takes the longest match
#: at a position.
_EN_NUMERATORS: list[tuple[str, str, str]] = [
    # mass
    ("mass", "microgram", r"(?:µg|μg|ug|mcg|micrograms?|microgrammes?|microg|micro\s?g)"),
    ("mass", "milligram", r"(?:mg|milligrams?|milligrammes?)"),
    ("mass", "nanogram", r"(?:ng|nanograms?)"),
    ("mass", "gram", r"(?:g|gm|grams?|grammes?)"),
    ("mass", "kilogram", r"(?:kg)"),
    # volume ("cc" is mL, per SPEC section 4)
    ("volume", "milliliter", r"(?:mL|ml|ML|millilit(?:er|re)s?|cc|cm3|cm\^3)"),
    ("volume", "microliter", r"(?:µL|μL|µl|μl|uL|microlit(?:er|re)s?)"),
    ("volume", "liter", r"(?:L|lit(?:er|re)s?)"),
    # biological activity
    ("activity", "international_unit", r"(?:IU|I\.U\.|UI|iu|international\s+units?)"),
    ("activity", "megainternational_unit", r"(?:MIU|MU|million\s+(?:international\s+)?units?)"),
    ("activity", "activity_unit", r"(?:U|units?)"),
    ("activity", "milliactivity_unit", r"(?:mU|milliunits?)"),  # insulin clamps: "40 mU/m2/min"
    # absorbed radiation (radiotherapy doses: "20 Gy", "5040 cGy")
    ("radiation", "gray", r"(?:Gy|gray)"),
    ("radiation", "centigray", r"(?:cGy|centigray)"),
    # radioactivity of a radiopharmaceutical ("1 mCi of Tc-99m sulfur colloid", "3.7 GBq of 131I");
    # no bare "Ci", which is too close to "CI"
    ("radioactivity", "millicurie", r"(?:mCi|millicuries?)"),
    ("radioactivity", "microcurie", r"(?:µCi|μCi|uCi|microcuries?)"),
    ("radioactivity", "megabecquerel", r"(?:MBq|megabecquerels?)"),
    ("radioactivity", "gigabecquerel", r"(?:GBq|gigabecquerels?)"),
    ("radioactivity", "kilobecquerel", r"(?:kBq|kilobecquerels?)"),
    # amounts of substance
    ("substance", "millimole", r"(?:mmol|millimoles?)"),
    ("substance", "micromole", r"(?:µmol|μmol|umol|micromoles?)"),
    ("substance", "nanomole", r"(?:nmol|nanomoles?)"),  # peptide infusions: "GLP-1 0.9 pmol/kg/min"
    ("substance", "picomole", r"(?:pmol|picomoles?)"),
    # counts
    ("count", "colony_forming_unit", r"(?:CFUs?|cfu|colony[\s-]forming[\s-]units?)"),
    ("count", "vector_genome", r"(?:vg|VG|vector\s+genomes?|viral\s+genomes?|genome\s+copies|GC)"),
    ("count", "tablet", r"(?:tablets?|tabs?|pills?)"),
    ("count", "capsule", r"(?:capsules?|caps|soft\s?gels?|softgels?)"),
    ("count", "sachet", r"(?:sachets?|packets?)"),
    ("count", "puff", r"(?:puffs?|inhalations?)"),
    ("count", "spray", r"(?:sprays?)"),
]

# Nouns that make a number a count of cells ("30 × 10^6 autologous bone marrow MSCs"),
# English; with the Chinese ones in CELL_NOUNS.
_EN_CELL_NOUNS = (
    r"(?:cells?|MSCs?|MSC|hMSCs?|[A-Z]{1,4}-?MSCs?|MNCs?|[A-Z]{1,3}-?MNCs?|PBMCs?|EPCs?|HSCs?|HSPCs?|"
    r"CAR-?T(?:\s+cells)?|Tregs?|NK\s+cells|DCs|fibroblasts|keratinocytes|chondrocytes|myoblasts|hepatocytes|"
    r"islet\s+equivalents|IEQ|viable\s+cells|MSCS)"
)
# Up to four modifier words between the number and the cell noun; never a
# verb, a preposition or a count word that would start a new phrase.
_CELL_MODIFIER = r"(?:(?!(?:of|in|to|and|or|with|were|was|per|patients?|subjects?|at|for|from|by)\b)[A-Za-z][\w+-]*\s+){0,4}"

# After kg: "kg BW", "kg of body weight" (English; the Chinese ones join in _KG).
_EN_BODY_WEIGHT = r"(?:BW|bw|b\.w\.|of\s+(?:the\s+)?body[\s-]?weight|body[\s-]?weight)"
# "m?" is m² whose superscript an encoding lost ("20 mU/m?/min", "200 mg/m?").
_M2 = r"(?:m\^?2|m²|m\*\*2|m\s?\(2\)|sq\.?\s?m|square\s+met(?:er|re)s?|m\^?-2|m-2|m\s?\(-2\)|m\?(?![\p{L}\d]))"
_TIME = {
    "day": r"(?:days?|d|24\s?h|24\s?hours?)",
    "hour": r"(?:hours?|hrs?|h)",
    "minute": r"(?:minutes?|mins?)",
    # "mL/sec", "ml/s": a flow (urine flow, contrast injection rate), never an amount in mL
    "second": r"(?:seconds?|secs?|s)",
    "week": r"(?:weeks?|wks?)",
    "month": r"(?:months?)",
}
_EN_PER_NOUNS = r"(?:injections?|infusions?|doses?|administrations?|sessions?|treatments?|nostrils?|eyes?|knees?|joints?|patients?|subjects?|application|time)"
# The English per nouns whose name is another word's; every other one is named by itself, singular.
_EN_PER_ALIASES = {"time": "dose", "application": "dose", "subject": "patient"}
# The names _per_name gives the English per nouns: a Chinese per word must take one of them.
_EN_PER_NAMES = frozenset(
    {"injection", "infusion", "dose", "administration", "session", "treatment", "nostril", "eye", "knee", "joint",
     "patient"}
)
_CONC = r"(?:mL|ml|dL|dl|L|l|µL|μL|uL|mm3|mm\^3|lit(?:er|re)s?|millilit(?:er|re)s?|decilit(?:er|re)s?|\d+\s?g)"


# --------------------------------------------------------------------------- Chinese: rules as data

#: The Chinese unit words, one per line: patterns/zh/units.jsonl.
ZH_UNIT_FILE = "zh/units"
_ZH_SOURCE = f"{ZH_UNIT_FILE}.jsonl"
#: Where a Chinese word goes in the reader (the ``slot`` of its line).
ZH_SLOTS = ("numerator", "cell", "body_weight", "per")
# Keys besides id, label, pattern and example ("slot" is required: checked below).
_ZH_EXTRA_KEYS = ("slot", "comment", "source")


@dataclass(frozen=True, slots=True)
class ZhUnits:
    """The Chinese unit words of :data:`ZH_UNIT_FILE`, by slot.

    Attributes:
        numerators: English numerator (Pint name) -> its Chinese words.
        cells: the Chinese cell nouns.
        body_weight: the Chinese words for "body weight" after ``kg``.
        per: Chinese per word -> the name it gets (``"次"`` -> ``"dose"``).
    """

    numerators: Mapping[str, tuple[str, ...]]
    cells: tuple[str, ...]
    body_weight: tuple[str, ...]
    per: Mapping[str, str]


def _zh_fail(rid: object, message: str) -> PatternError:
    return PatternError(f"{_ZH_SOURCE}: rule {rid!r}: {message}")


def _zh_units(rules: Sequence[Mapping[str, Any]]) -> ZhUnits:
    """Check the Chinese unit words and sort them by slot.

    Args:
        rules: the lines of :data:`ZH_UNIT_FILE` (or rules built in memory).

    Returns:
        The words by slot, in file order.

    Raises:
        PatternError: naming the rule, on a missing, unknown or ill-typed
            key, a duplicate id, a slot outside :data:`ZH_SLOTS`, a unit the
            English table does not have, a word listed twice, or an example
            that does not hold the word.
    """
    check_rules(rules, _ZH_SOURCE, optional=_ZH_EXTRA_KEYS)
    english = {name for _, name, _ in _EN_NUMERATORS}
    allowed = {"numerator": english, "cell": {"cell"}, "body_weight": {"kilogram"}, "per": _EN_PER_NAMES}
    numerators: dict[str, list[str]] = {}
    cells: list[str] = []
    body_weight: list[str] = []
    per: dict[str, str] = {}
    seen: dict[str, str] = {}
    for rule in rules:
        rid, slot, unit, word = rule["id"], rule.get("slot"), rule["label"], rule["pattern"]
        if slot not in ZH_SLOTS:
            raise _zh_fail(rid, f"'slot' must be one of {list(ZH_SLOTS)}, not {slot!r}")
        if unit not in allowed[slot]:
            raise _zh_fail(rid, f"unknown unit {unit!r} for slot {slot!r}: the English table has "
                                f"{sorted(allowed[slot])}")
        if word != word.strip():
            raise _zh_fail(rid, f"the word {word!r} has spaces around it")
        if slot == "per" and word != word.lower().rstrip("s"):
            raise _zh_fail(rid, f"the per word {word!r} must be lower case, without a final s "
                                "(as _per_name looks it up)")
        if word in seen:
            raise _zh_fail(rid, f"the word {word!r} is already rule {seen[word]!r}")
        seen[word] = rid
        if word not in rule["example"]:
            raise _zh_fail(rid, f"its example {rule['example']!r} does not hold {word!r}")
        for key in ("comment", "source"):
            if key in rule and (not isinstance(rule[key], str) or not rule[key].strip()):
                raise _zh_fail(rid, f"{key!r} must be a non-empty string")
        if slot == "numerator":
            numerators.setdefault(unit, []).append(word)
        elif slot == "cell":
            cells.append(word)
        elif slot == "body_weight":
            body_weight.append(word)
        else:
            per[word] = unit
    return ZhUnits({k: tuple(v) for k, v in numerators.items()}, tuple(cells), tuple(body_weight), per)


def _with_zh(english: str, words: Sequence[str]) -> str:
    """An English alternation with Chinese words after it, longest first (as literals)."""
    if not words:
        return english
    return "(?:" + english + "|" + "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


#: The Chinese unit words, checked (their examples are checked at the end of the module).
ZH_UNITS = _zh_units(load_patterns(ZH_UNIT_FILE))
_NUMERATORS: list[tuple[str, str, str]] = [
    (kind, name, _with_zh(pattern, ZH_UNITS.numerators.get(name, ()))) for kind, name, pattern in _EN_NUMERATORS
]
#: Nouns that make a number a count of cells ("30 × 10^6 autologous bone marrow MSCs", "个细胞").
CELL_NOUNS = _with_zh(_EN_CELL_NOUNS, ZH_UNITS.cells)
_KG = r"(?:kg|Kg|KG|kilograms?)(?:\s*" + _with_zh(_EN_BODY_WEIGHT, ZH_UNITS.body_weight) + ")?"
_PER_NOUNS = _with_zh(_EN_PER_NOUNS, tuple(ZH_UNITS.per))
_PER_NAME_OF = {**_EN_PER_ALIASES, **ZH_UNITS.per}

_NUMERATOR_RE = regex.compile(
    "(?:" + "|".join(f"(?P<n{i}>{pat})" for i, (_, _, pat) in enumerate(_NUMERATORS)) + r")(?![\p{L}\d])"
)
# After a one-letter unit: "L. rhamnosus" (a genus), "573L/1" (a strain code).
_NOT_AFTER_LETTER_UNIT = regex.compile(r"\.\s+\p{Ll}|/\d")
_TIMES_TIME = regex.compile(r"\s?[.·*×x]?\s?(?:h|hr|min)\b\s?(?:/|mL|ml|L\b|l\b)")
_CELL_RE = regex.compile(r"(?:\s*,)?\s*" + _CELL_MODIFIER + r"(?P<cell>" + CELL_NOUNS + r")(?![\p{L}])")
# A denominator: "/kg", " per kg", "kg-1", "/m2", "/day", " per day", "h-1", "/injection".
# Token-rebuilt text writes kg^-1 as "kg (-1)" or ".kg (-1)", and x L^-1 as "x L (-1)".
_DENOM_RE = regex.compile(
    r"(?:\s?/\s?|\s+per\s+|\s?[.·x×]?\s?(?=(?:kg|m|h|d|min|day|L|l|mL|ml|dL|dl)\s?(?:\^?-1\b|\(-1\))|m\s?(?:\^?-2\b|\(-2\)))|\s?·\s?)"
    r"(?:(?:a|one|each|1)\s+)?"
    r"(?:(?P<kg>" + _KG + r")|(?P<m2>" + _M2 + r")|"
    + "|".join(f"(?P<t_{k}>{v})" for k, v in _TIME.items())
    + r"|(?P<per>" + _PER_NOUNS + r")|(?P<conc>\d*\s?" + _CONC + r"))"
    r"(?:\^?-1|\s?\(-1\))?(?![\p{L}\d])"
)
_GAP = regex.compile(r"[ \t]?[-–]?[ \t]?")


@dataclass(frozen=True, slots=True)
class UnitMatch:
    """A unit read after a number.

    Attributes:
        unit: Pint string (``"mg/kg/day"``, ``"cell/kg"``), parseable by ``ureg``.
        kind: what the numerator measures: mass, volume, activity, substance,
            count, cell.
        per: what one dose is counted against when written as a denominator
            that is not a unit (``"injection"``, ``"infusion"``), else None.
        concentration: True when the denominator is a volume (``mg/dL``):
            a lab value, not an amount given.
        start, end: offsets of the unit text.
        divisor: a number inside the denominator (``2 × 10^7 cells/20 mL``
            is ``cell/mL`` with divisor 20): divide the value by it.
    """

    unit: str
    kind: str
    per: str | None
    concentration: bool
    start: int
    end: int
    divisor: float = 1.0


def match_unit(text: str, pos: int) -> UnitMatch | None:
    """Read the unit that starts at ``pos`` (after an optional space or hyphen).

    ``24-mL``, ``1–g``, ``10cc``, ``5 mg/kg/ day``, ``0,5 µg kg-1 h-1``,
    ``1×10^6, MSC/Kg BW per injection``, ``100x10^6 cells/infusion``,
    ``8 mg per kilogram of body weight``.
    """
    gap = _GAP.match(text, pos)
    p = gap.end() if gap else pos
    m = _NUMERATOR_RE.match(text, p)
    kind = unit = None
    if m and len(m.group()) == 1 and _NOT_AFTER_LETTER_UNIT.match(text, m.end()):
        m = None
    if m and _TIMES_TIME.match(text, m.end()):
        return None  # "ng.h/mL", "mg h L-1": an area under the curve, not an amount
    if m:
        i = int(m.lastgroup[1:]) if m.lastgroup else 0
        kind, unit, _ = _NUMERATORS[i]
        end = m.end()
    else:
        c = _CELL_RE.match(text, pos)
        if not c:
            return None
        kind, unit, end = "cell", "cell", c.end()
    # "million cells": a number word's multiplier is the caller's business.
    parts = [unit]
    per: str | None = None
    concentration = False
    divisor = 1.0
    while True:
        d = _DENOM_RE.match(text, end)
        if not d:
            break
        g = d.lastgroup
        if g == "kg":
            parts.append("kg")
        elif g == "m2":
            parts.append("m**2")
        elif g and g.startswith("t_"):
            parts.append(g[2:])
        elif g == "per":
            per = _per_name(d.group("per"))
        elif g == "conc":
            concentration = True
            vol = regex.sub(r"^\d*\s?", "", d.group("conc")).lower()
            count = regex.match(r"\d+", d.group("conc"))
            if count:
                divisor *= float(count.group())
            parts.append(_VOLUME_NAME.get(vol, "milliliter"))
        end = d.end()
        if g == "per":
            break
    return UnitMatch("/".join(parts), kind, per, concentration, p if m else pos, end, divisor)


_VOLUME_NAME = {"ml": "milliliter", "dl": "deciliter", "l": "liter", "liter": "liter", "litre": "liter",
                "liters": "liter", "litres": "liter", "milliliter": "milliliter", "millilitre": "milliliter", "g": "gram",
                "deciliter": "deciliter", "decilitre": "deciliter", "deciliters": "deciliter", "decilitres": "deciliter", "µl": "microliter", "μl": "microliter",
                "ul": "microliter", "mm3": "millimeter**3", "mm^3": "millimeter**3"}


def _per_name(word: str) -> str:
    w = word.lower().rstrip("s")
    return _PER_NAME_OF.get(w, w)


def _zh_reads(rule: Mapping[str, Any], unit: UnitMatch, at: int) -> bool:
    """Whether ``unit``, read over the word at ``at``, gives the rule's meaning."""
    if not unit.start <= at < unit.end:
        return False
    slot, label = rule["slot"], rule["label"]
    parts = unit.unit.split("/")
    if slot == "numerator":
        return parts[0] == label
    if slot == "cell":
        return unit.kind == "cell" and parts[0] == label
    if slot == "body_weight":
        return "kg" in parts[1:]
    return unit.per == label


def _check_zh_examples(rules: Sequence[Mapping[str, Any]]) -> None:
    """Prove every Chinese word on its example: right after some number, :func:`match_unit` reads it as its unit.

    Raises:
        PatternError: naming the rule whose example is not read so.
    """
    for rule in rules:
        example, word = rule["example"], rule["pattern"]
        at = [m.start() for m in regex.finditer(regex.escape(word), example)]
        ends = [m.end() for m in regex.finditer(r"\d+", example)]
        if not any((u := match_unit(example, end)) is not None and any(_zh_reads(rule, u, a) for a in at)
                   for end in ends):
            got = [match_unit(example, end) for end in ends]
            raise _zh_fail(rule["id"], f"example {example!r} is not read as {rule['slot']} {rule['label']!r} "
                                       f"after a number (read: {[u.unit for u in got if u]})")


_check_zh_examples(load_patterns(ZH_UNIT_FILE))
