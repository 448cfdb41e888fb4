"""Trial registry identifiers: find every registration mention in a text.

The rules are data (``patterns/registries.jsonl``, one registry id shape per
line); this module only compiles them and applies them. Each rule has the
loader's keys (``id``, ``label``, ``pattern``, ``example``) plus:

- ``expect`` (required here): the id that ``example`` must yield.
- ``cues`` (required here): a list of literal strings, case-sensitive, one
  of which occurs in every text the rule can match (in the match itself or in
  its context), e.g. ``["NCT"]``. A rule runs only on texts that hold one of
  its cues, and a text that holds no cue at all costs a few substring tests:
  this runs on millions of abstracts, most of which name no registry, and
  plain substring search is far faster than any regex scan.
- ``context`` (optional): a regex searched in the ``window`` characters
  (default 80) just before the match, which must occur there (``$`` anchors
  it to the match). Used for id shapes that are ambiguous on their own, such
  as EudraCT's ``2004-002714-11``.
- ``prefix`` (optional): prepended to the id when the text leaves it out
  ("UMIN Clinical Trials Registry 000007942" gives ``UMIN000007942``).
- ``strip`` (optional): a regex of characters removed from the evidence to
  give the id (default: whitespace, ``#`` and ``:``).
- ``note`` (optional): free text, e.g. the id format.

Everything is compiled and checked once, at import: a bad pattern, an unknown
key or an example that does not yield its ``expect`` raises
:class:`~extract.patterns.PatternError` at start-up, never at match time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import regex

from extract.patterns import PatternError, load_patterns

__all__ = ["RULE_FILE", "RegistryMatch", "find_registrations"]

RULE_FILE = "registries"

_KEYS = frozenset(
    {"id", "label", "pattern", "example", "expect", "cues", "context", "window", "prefix", "strip", "note"}
)
_DEFAULT_STRIP = r"[\s#:]"
_DEFAULT_WINDOW = 80


@dataclass(frozen=True, slots=True)
class RegistryMatch:
    """One mention of a trial registry id.

    Attributes:
        registry: the rule's label, e.g. ``"ClinicalTrials.gov"``.
        id: the id as written, inner spaces and ``#``/``:`` separators removed,
            registry prefix kept (added when the text leaves it out), e.g.
            ``"NCT02116634"`` for ``"NCT 02116634"``.
        start: offset of the evidence in the text passed in.
        end: end offset of the evidence; ``text[start:end]`` is the id as it
            appears.
        rule: id of the rule that matched.
    """

    registry: str
    id: str
    start: int
    end: int
    rule: str


@dataclass(frozen=True, slots=True)
class _Rule:
    """A compiled registry rule."""

    order: int
    id: str
    label: str
    pattern: regex.Pattern[str]
    cues: frozenset[str]
    context: regex.Pattern[str] | None
    window: int
    prefix: str
    strip: regex.Pattern[str]


def _fail(rid: str, message: str) -> PatternError:
    """The error for a bad rule, naming the file and the rule."""
    return PatternError(f"{RULE_FILE}.jsonl: rule {rid!r}: {message}")


def _compile(raw: Mapping[str, Any], order: int) -> _Rule:
    """Check one rule from the pattern file and compile it.

    Args:
        raw: the rule as loaded.
        order: its position in the file; earlier rules win ties.

    Returns:
        The compiled rule.

    Raises:
        PatternError: on unknown keys, wrong types or a regex that does not
            compile.
    """
    rid = str(raw["id"])
    unknown = set(raw) - _KEYS
    if unknown:
        raise _fail(rid, f"unknown keys {sorted(unknown)}")
    for key in ("id", "label", "pattern", "example", "expect"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise _fail(rid, f"{key!r} must be a non-empty string")
    for key in ("context", "prefix", "strip", "note"):
        if key in raw and (not isinstance(raw[key], str) or not raw[key]):
            raise _fail(rid, f"{key!r} must be a non-empty string")
    window = raw.get("window", _DEFAULT_WINDOW)
    if not isinstance(window, int) or isinstance(window, bool) or window <= 0:
        raise _fail(rid, "'window' must be a positive integer")
    if "window" in raw and "context" not in raw:
        raise _fail(rid, "'window' without 'context'")

    def build(key: str, source: str) -> regex.Pattern[str]:
        try:
            return regex.compile(source)
        except regex.error as exc:
            raise _fail(rid, f"bad {key}: {exc}") from exc

    cues = raw.get("cues")
    if not isinstance(cues, list) or not cues or not all(isinstance(c, str) and c for c in cues):
        raise _fail(rid, "'cues' must be a non-empty list of non-empty strings")
    return _Rule(
        order=order,
        id=rid,
        label=raw["label"],
        pattern=build("pattern", raw["pattern"]),
        cues=frozenset(cues),
        context=build("context", raw["context"]) if "context" in raw else None,
        window=window,
        prefix=raw.get("prefix", ""),
        strip=build("strip", raw.get("strip", _DEFAULT_STRIP)),
    )


_RULES: tuple[_Rule, ...] = tuple(_compile(raw, i) for i, raw in enumerate(load_patterns(RULE_FILE)))
_ALL_CUES: tuple[str, ...] = tuple(sorted({c for r in _RULES for c in r.cues}))


def _to_match(text: str, start: int, end: int, rule: _Rule) -> RegistryMatch:
    """Build the mention for ``text[start:end]`` matched by ``rule``."""
    rid = rule.strip.sub("", text[start:end])
    if rule.prefix and not rid.upper().startswith(rule.prefix.upper()):
        rid = rule.prefix + rid
    return RegistryMatch(registry=rule.label, id=rid, start=start, end=end, rule=rule.id)


def _candidates(text: str, rules: tuple[_Rule, ...]) -> list[tuple[int, int, _Rule]]:
    """Every match of ``rules`` in ``text`` whose context (if any) is satisfied."""
    found: list[tuple[int, int, _Rule]] = []
    for rule in rules:
        for m in rule.pattern.finditer(text):
            start = m.start()
            if rule.context is not None and not rule.context.search(text[max(0, start - rule.window) : start]):
                continue
            found.append((start, m.end(), rule))
    return found


def _resolve(text: str, found: list[tuple[int, int, _Rule]]) -> list[RegistryMatch]:
    """Drop overlaps: the earliest start wins, then the longest, then the earlier rule."""
    found.sort(key=lambda c: (c[0], c[0] - c[1], c[2].order))
    out: list[RegistryMatch] = []
    last_end = -1
    for start, end, rule in found:
        if start >= last_end:
            out.append(_to_match(text, start, end, rule))
            last_end = end
    return out


def find_registrations(text: str) -> list[RegistryMatch]:
    """Find every trial registry id mentioned in ``text``.

    Args:
        text: any text, typically a document's cleaned text.

    Returns:
        One :class:`RegistryMatch` per mention, sorted by ``start``, without
        overlaps. Where candidates overlap, the one that starts first wins,
        then the longer one, then the earlier rule in the file.
    """
    if not text:
        return []
    present = {c for c in _ALL_CUES if c in text}
    if not present:
        return []
    rules = tuple(r for r in _RULES if not r.cues.isdisjoint(present))
    return _resolve(text, _candidates(text, rules))


def _find_without_cues(text: str) -> list[RegistryMatch]:
    """:func:`find_registrations` with every rule run: the reference the cues must not change."""
    return _resolve(text, _candidates(text, _RULES))


def _check_examples() -> None:
    """Prove every rule on its own example: rules are data, examples are their tests.

    Raises:
        PatternError: when a rule's example does not yield its ``expect`` id
            under that rule's label, or lacks the rule's cue.
    """
    for rule, raw in zip(_RULES, load_patterns(RULE_FILE), strict=True):
        example = raw["example"]
        if not any(c in example for c in rule.cues):
            raise _fail(rule.id, f"none of the cues {sorted(rule.cues)} occurs in the example")
        found = {(m.rule, m.registry, m.id) for m in find_registrations(example)}
        if (rule.id, rule.label, raw["expect"]) not in found:
            raise _fail(rule.id, f"example does not yield {raw['expect']!r} (found {sorted(found)})")


_check_examples()
