"""Routes of administration: find every route mention in a text.

The rules are data (``patterns/routes.jsonl``, one rule per line); this module
only compiles them and applies them. Each rule has the loader's keys (``id``,
``label``, ``pattern``, ``example``) plus:

- ``expect`` (required): the list of route names, in order, that
  :func:`find_routes` gives for ``example``; checked at import.
- ``cues`` (required): literal strings, one of which occurs in every match
  (in the match itself or in its context). A cue in lower case is looked for
  in the lower-cased text; a cue holding an upper-case letter is looked for
  as written, and only case-sensitive rules may have one (``IV`` is rare in
  a text, ``iv`` is in every "give"). A rule runs only on texts that hold one
  of its cues: this runs on millions of abstracts, and a substring test is
  far cheaper than a regex scan.
- ``case_sensitive`` (optional, default false): compile ``pattern``,
  ``context`` and ``not_context`` without IGNORECASE. Abbreviation rules
  (``IV``, ``IT``, ``i.v.``) are case-sensitive; they use scoped ``(?i:...)``
  for the words around the abbreviation.
- ``abbrev`` (optional, default false): the match counts only when the same
  text defines it for the same route, e.g. a bare ``IT`` counts after
  ``intrathecal (IT)``. A definition is any match of a rule whose pattern has
  a named group ``abbr`` (``intrathecally\\s*\\((?P<abbr>IT)\\)``); the
  group's text, whitespace removed, is what it defines.
- ``context`` / ``not_context`` (optional): a regex that must / must not occur
  in the ``window`` characters (default 60) before the match. Anchor it with
  ``$`` to mean "right before the match", e.g. ``stage\\s*$``.
- ``window`` (optional): see above; only with ``context`` or ``not_context``.
- ``comment`` (optional): free text, e.g. why a word maps to a route.

A pattern may hold a named group ``route``: the evidence (``start``/``end``)
is then that group, not the whole match, so that ``administered IV`` gives
the evidence ``IV``. Groups may repeat a name across alternatives (the
``regex`` package allows it); no other capturing groups are allowed.

Patterns may use the macros in :data:`MACROS`, written ``{{NAME}}``: word
lists that many rules share (administration nouns, dose shapes, the words
that make ``IV`` a Roman numeral). They are expanded before compiling.

Everything is compiled and checked once, at import: a bad pattern, an unknown
key or macro, a label outside SPEC section 4, or an example that does not
yield its ``expect`` raises :class:`~extract.patterns.PatternError` at
start-up, never at match time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import regex

from extract.patterns import PatternError, load_patterns

__all__ = ["MACROS", "ROUTES", "RULE_FILE", "RouteMatch", "find_routes"]

RULE_FILE = "routes"
#: Chinese and Japanese rules, kept apart as patterns/zh/routes.jsonl.
ZH_RULE_FILE = "zh/routes"


def _rule_data() -> tuple[dict, ...]:
    return load_patterns(RULE_FILE) + load_patterns(ZH_RULE_FILE)

#: The controlled route names of SPEC.md section 4 (FDA route names, lower case).
ROUTES: frozenset[str] = frozenset(
    {
        "intravenous",
        "intrathecal",
        "intraspinal",
        "intramuscular",
        "subcutaneous",
        "oral",
        "intranasal",
        "intra-arterial",
        "intracerebroventricular",
        "intracerebral",
        "intracranial",
        "intracisternal",
        "intradermal",
        "intraperitoneal",
        "intravitreal",
        "epidural",
        "intralesional",
        "intratumoral",
        "intracoronary",
        "intracardiac",
        "intramyocardial",
        "intra-articular",
        "intravesical",
        "topical",
        "transdermal",
        "sublingual",
        "buccal",
        "rectal",
        "vaginal",
        "ophthalmic",
        "respiratory",
    }
)

#: Shared regex fragments, written ``{{NAME}}`` in a pattern. Each is a
#: non-capturing group, usable wherever a group is.
MACROS: dict[str, str] = {
    # Nouns of giving a drug; an adjective followed by one of these is a route
    # ("intratumoral injection"), and they extend a route word's evidence.
    "ADMIN": (
        r"(?:infusions?|injections?|injectables?|administrations?|bolus(?:es)?|deliver(?:y|ies)|routes?"
        r"|instillations?|transplantations?|implantations?|applications?|dos(?:e|es|ing)|push(?:es)?"
        r"|drips?|inoculations?|vaccinations?|immuni[sz]ations?|therapy|therapies|treatments?"
        r"|formulations?|preparations?|regimens?|supplementation|medications?|use|grafts?|grafting)"
    ),
    # A word that looks like a drug name by its ending (misoprostol, mesalamine,
    # indomethacin, diclofenac, progesterone...). At least three letters
    # before the ending, so that "tone", "cone", "line" are not drugs.
    "DRUG": (
        r"(?:[a-z][a-z0-9-]{2,}(?:ines?|ols?|ones?|ides?|am|ac|ins?|ates?|fen|phen|zole|pril|sartan|mab"
        r"|gens?|sone|azine|mycin|cillin|floxacin|tidine|prazole|parin|dipine|statin|oids?|il|vir|cept"
        r"|xel|tide|yl|ics)\b)"
    ),
    # An amount right before an abbreviated route: "300 mg IV", "0.5 mg/kg IV",
    # "500 mg/m\^2 IV", "5000 IU, IM", "75 IU/day SC".
    "DOSE": (
        r"(?:\d(?:[.,]\d+)?\s*(?:[mµμnk]?g|mcg|I?U|units?|M?IU|MU|mmol|mEq|m[lL]|[lL]|cc)\b"
        r"(?:\s*(?:/|per)\s*(?:kg|m\\?\^?2|m²|d|day|h|hr|hour|dose|wk|week|min))*"
        r"(?:\s*(?:b\.i\.d\.|t\.i\.d\.|q\.i\.d\.|q\.d\.|once|twice|daily|bid|tid))?)"
    ),
    # Verbs and prepositions that open a route slot: "administered IV", "via IV".
    "VERB": (
        r"(?i:given|administered|administrated|administer|injected|infused|delivered|received|receive"
        r"|receiving|dosed|applied|route|routes|via)"
    ),
    # Another route, for coordinated forms: "(IT + IV)", "IV and IT", "oral or IV".
    "PARTNER": (
        r"(?:(?-i:IV|IT|IM|SC|SQ|PO|ID|IP|ICV)(?![\w])|(?-i:i\.v\.|i\.m\.|s\.c\.|p\.o\.|i\.t\.)"
        r"|(?i:(?<![\w-])(?:oral(?:ly)?|per\s+os|topical(?:ly)?|inhal\w*|nebuli\w*|epidural(?:ly)?"
        r"|sub-?cutaneous(?:ly)?|sub-?lingual(?:ly)?|rectal(?:ly)?|trans-?dermal(?:ly)?"
        r"|intra-?(?:venous|thecal|muscular|nasal|arterial|dermal|peritoneal|vitreal|lesional|tumou?ral"
        r"|coronary|cardiac|myocardial|articular|vesical|cerebral|cerebroventricular|spinal|cranial"
        r"|cisternal)\w*)\b))"
    ),
    # Right before "IV": the words that make it a Roman numeral ("stage IV",
    # "grade III-IV", "Phase IV", "type IV", "class IV", "DSM-IV", "III or IV").
    "ROMAN": (
        r"(?:(?:(?i:\b(?:stages?|grades?|phases?|types?|class(?:es)?|stud(?:y|ies)|scores?|groups?|arms?"
        r"|levels?|categor(?:y|ies)|tiers?|criteria|trials?|parts?|cycles?|strat(?:um|a)|complex(?:es)?"
        r"|factors?|collagen|platinum|cohorts?|sections?|chapters?|tables?|figures?|appendix|patterns?"
        r"|degrees?|zones?|steps?|periods?|visits?|sessions?|version|edition|vol(?:ume)?|no|generation"
        r"|schedules?|lead|DSM|WISC|WAIS|NYHA|ADHD|Brooker|Fredrickson|Baker|Tanner|Dukes|FIGO|Killip|Clavien"
        r"|Kellgren|Lawrence|KL|Outerbridge|Hunt|Hess|Fisher|Fontaine|Rutherford|Wagner|Hurley|Child"
        r"|Mallampati|Cormack|ASA|CCS|WHO|Enneking|Gustilo|Hinchey|Schatzker|Garden|Neer))"
        r"|\b[IVX]+[a-cA-C]?|[-/–—])[\s(\[:]*(?:(?:,|&|\b(?i:and|or|to|through|until|versus|vs))[\s(\[]*)*$)"
    ),
    # Any capitalized word right before ("Excyte IV", "ENDEAVOR IV", "CASE IV"):
    # added to ROMAN by the rules that rest on the abbreviation alone.
    "ROMAN_CAP": (
        r"(?:(?:\b[A-Z][\w-]*)[\s(\[:]*(?:(?:,|&|\b(?i:and|or|to|through|until|versus|vs))[\s(\[]*)*$)"
    ),
}

_KEYS = frozenset(
    {
        "id",
        "label",
        "pattern",
        "example",
        "expect",
        "cues",
        "case_sensitive",
        "abbrev",
        "context",
        "not_context",
        "window",
        "comment",
    }
)
_DEFAULT_WINDOW = 60
_MACRO_RE = regex.compile(r"\{\{([A-Z_]+)\}\}")
_ALLOWED_GROUPS = frozenset({"route", "abbr"})
_SPACE_RE = regex.compile(r"[\s\\\[\]()]+")


@dataclass(frozen=True, slots=True)
class RouteMatch:
    """One mention of a route of administration.

    Attributes:
        route: a route name from SPEC.md section 4, e.g. ``"intravenous"``.
        start: offset of the evidence in the text passed in.
        end: end offset of the evidence; ``text[start:end]`` is the evidence,
            e.g. ``"intrathecally (IT)"`` or ``"IV infusion"``.
        rule: id of the rule that matched.
    """

    route: str
    start: int
    end: int
    rule: str


@dataclass(frozen=True, slots=True)
class _Rule:
    """A compiled route rule."""

    order: int
    id: str
    label: str
    pattern: regex.Pattern[str]
    cues: tuple[str, ...]
    abbrev: bool
    context: regex.Pattern[str] | None
    not_context: regex.Pattern[str] | None
    window: int
    has_route: bool
    has_abbr: bool


def _fail(rid: str, message: str) -> PatternError:
    return PatternError(f"{RULE_FILE}.jsonl: rule {rid!r}: {message}")


def _expand(rid: str, source: str) -> str:
    """Replace every ``{{NAME}}`` in ``source`` with its macro.

    Raises:
        PatternError: on an unknown macro name.
    """

    def sub(m: regex.Match[str]) -> str:
        name = m.group(1)
        if name not in MACROS:
            raise _fail(rid, f"unknown macro {{{{{name}}}}}")
        return MACROS[name]

    return _MACRO_RE.sub(sub, source)


def _compile(raw: Mapping[str, Any], order: int) -> _Rule:
    """Check one rule from the pattern file and compile it.

    Args:
        raw: the rule as loaded.
        order: its position in the file; earlier rules win ties.

    Returns:
        The compiled rule.

    Raises:
        PatternError: on unknown keys, wrong types, a label outside SPEC
            section 4 or a regex that does not compile.
    """
    rid = str(raw["id"])
    unknown = set(raw) - _KEYS
    if unknown:
        raise _fail(rid, f"unknown keys {sorted(unknown)}")
    for key in ("id", "label", "pattern", "example"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise _fail(rid, f"{key!r} must be a non-empty string")
    if raw["label"] not in ROUTES:
        raise _fail(rid, f"label {raw['label']!r} is not a route of SPEC section 4")
    expect = raw.get("expect")
    if not isinstance(expect, list) or not expect or not all(e in ROUTES for e in expect):
        raise _fail(rid, "'expect' must be a non-empty list of SPEC section 4 route names")
    if raw["label"] not in expect:
        raise _fail(rid, "'expect' must hold the rule's own label")
    for key in ("context", "not_context", "comment"):
        if key in raw and (not isinstance(raw[key], str) or not raw[key]):
            raise _fail(rid, f"{key!r} must be a non-empty string")
    for key in ("case_sensitive", "abbrev"):
        if key in raw and not isinstance(raw[key], bool):
            raise _fail(rid, f"{key!r} must be true or false")
    window = raw.get("window", _DEFAULT_WINDOW)
    if not isinstance(window, int) or isinstance(window, bool) or window <= 0:
        raise _fail(rid, "'window' must be a positive integer")
    if "window" in raw and "context" not in raw and "not_context" not in raw:
        raise _fail(rid, "'window' without 'context' or 'not_context'")
    cues = raw.get("cues")
    if not isinstance(cues, list) or not cues or not all(isinstance(c, str) and c for c in cues):
        raise _fail(rid, "'cues' must be a non-empty list of non-empty strings")
    case_sensitive = raw.get("case_sensitive", False)
    if not case_sensitive and any(c != c.lower() for c in cues):
        raise _fail(rid, "a cue with upper-case letters needs 'case_sensitive': true")
    flags = 0 if case_sensitive else regex.IGNORECASE

    def build(key: str, source: str) -> regex.Pattern[str]:
        try:
            return regex.compile(_expand(rid, source), flags)
        except regex.error as exc:
            raise _fail(rid, f"bad {key}: {exc}") from exc

    pattern = build("pattern", raw["pattern"])
    names = set(pattern.groupindex)
    if names - _ALLOWED_GROUPS or pattern.groups != len(names):
        raise _fail(rid, "only the named groups 'route' and 'abbr' may capture; use (?:...)")
    return _Rule(
        order=order,
        id=rid,
        label=raw["label"],
        pattern=pattern,
        cues=tuple(cues),
        abbrev=raw.get("abbrev", False),
        context=build("context", raw["context"]) if "context" in raw else None,
        not_context=build("not_context", raw["not_context"]) if "not_context" in raw else None,
        window=window,
        has_route="route" in names,
        has_abbr="abbr" in names,
    )


_RULES: tuple[_Rule, ...] = tuple(_compile(raw, i) for i, raw in enumerate(_rule_data()))
_ALL_CUES: tuple[str, ...] = tuple(sorted({c for r in _RULES for c in r.cues}))
# Cues split by how they are looked for: (lower-cased text or as written) and
# (ASCII or not). An ASCII text (str.isascii() is O(1)) cannot hold a non-ASCII cue.
_ASCII_LOWER = tuple(c for c in _ALL_CUES if c.isascii() and c == c.lower())
_ASCII_CASED = tuple(c for c in _ALL_CUES if c.isascii() and c != c.lower())
_OTHER_LOWER = tuple(c for c in _ALL_CUES if not c.isascii() and c == c.lower())
_OTHER_CASED = tuple(c for c in _ALL_CUES if not c.isascii() and c != c.lower())


def _present_cues(text: str) -> set[str]:
    """The cues that occur in ``text`` (lower-case cues in its lower-cased form)."""
    low = text.lower()
    present = {c for c in _ASCII_LOWER if c in low}
    present.update(c for c in _ASCII_CASED if c in text)
    if not text.isascii():
        present.update(c for c in _OTHER_LOWER if c in low)
        present.update(c for c in _OTHER_CASED if c in text)
    return present


# A candidate: (start, end, rule).
_Candidate = tuple[int, int, _Rule]


def _abbr_key(label: str, abbr: str) -> tuple[str, str]:
    """The key under which a definition is stored and a bare abbreviation looked up."""
    return label, _SPACE_RE.sub("", abbr)


def _candidates(text: str, rules: tuple[_Rule, ...]) -> list[_Candidate]:
    """Every match of ``rules`` in ``text`` that its context allows.

    Bare abbreviations (``abbrev`` rules) are kept only when some match in the
    text defines them for the same route.
    """
    found: list[_Candidate] = []
    pending: list[_Candidate] = []
    defined: set[tuple[str, str]] = set()
    for rule in rules:
        for m in rule.pattern.finditer(text):
            mstart = m.start()
            if rule.context is not None or rule.not_context is not None:
                before = text[max(0, mstart - rule.window) : mstart]
                if rule.context is not None and not rule.context.search(before):
                    continue
                if rule.not_context is not None and rule.not_context.search(before):
                    continue
            start, end = m.span("route") if rule.has_route and m.start("route") >= 0 else m.span()
            if start == end:
                continue
            if rule.has_abbr and m.start("abbr") >= 0:
                defined.add(_abbr_key(rule.label, m.group("abbr")))
            (pending if rule.abbrev else found).append((start, end, rule))
    for start, end, rule in pending:
        if _abbr_key(rule.label, text[start:end]) in defined:
            found.append((start, end, rule))
    return found


def _resolve(found: list[_Candidate]) -> list[RouteMatch]:
    """Drop overlaps: the earliest start wins, then the longest, then the earlier rule."""
    found.sort(key=lambda c: (c[0], c[0] - c[1], c[2].order))
    out: list[RouteMatch] = []
    last_end = -1
    for start, end, rule in found:
        if start >= last_end:
            out.append(RouteMatch(route=rule.label, start=start, end=end, rule=rule.id))
            last_end = end
    return out


def find_routes(text: str) -> list[RouteMatch]:
    """Find every route of administration mentioned in ``text``.

    Args:
        text: cleaned text (HTML stripped, NFKC applied), typically a
            document's whole text: abbreviations count only where the text
            defines them or uses them in a route slot, so pass whole
            documents, not sentences.

    Returns:
        One :class:`RouteMatch` per mention, sorted by ``start``, without
        overlaps. Where candidates overlap, the one that starts first wins,
        then the longer one, then the earlier rule in the file.
    """
    if not text:
        return []
    present = _present_cues(text)
    if not present:
        return []
    rules = tuple(r for r in _RULES if not present.isdisjoint(r.cues))
    return _resolve(_candidates(text, rules))


def _find_without_cues(text: str) -> list[RouteMatch]:
    """:func:`find_routes` with every rule run: the reference the cues must not change."""
    return _resolve(_candidates(text, _RULES))


def _check_examples() -> None:
    """Prove every rule on its own example: rules are data, examples are their tests.

    Raises:
        PatternError: when a rule's example lacks the rule's cues, is not
            matched by the rule, or does not yield exactly its ``expect``.
    """
    for rule, raw in zip(_RULES, _rule_data(), strict=True):
        example = raw["example"]
        if _present_cues(example).isdisjoint(rule.cues):
            raise _fail(rule.id, f"none of the cues {list(rule.cues)} occurs in the example")
        found = find_routes(example)
        routes = [m.route for m in found]
        if routes != raw["expect"]:
            raise _fail(rule.id, f"example yields {routes}, not {raw['expect']} ({found})")
        if not any(m.rule == rule.id for m in found):
            raise _fail(rule.id, f"the rule itself does not match its example ({found})")


_check_examples()
