"""Rules as data: load and validate the pattern files shipped in this folder.

Every ``*.jsonl`` file here holds one rule per line, shaped like spaCy's
``{"id", "label", "pattern"}`` plus an ``example`` that the rule must match.
Files are validated when loaded: a malformed line, a missing key or a
duplicate id fails loudly at start-up, never silently at match time.

Chinese rules live in ``zh/``: ``zh/routes.jsonl`` (routes of
administration), ``zh/sample_sizes.jsonl`` (count classifiers, arm, event and
rank words), ``zh/units.jsonl`` (unit words and the English unit each is an
alias of) and ``zh/doses.jsonl`` (the counter 个 and the cell noun read before
a number). The module that uses a file checks what only it can know (labels,
extra keys, each example matched by its own entry); :func:`check_rules` is
the shared part of that check, usable on rules built in memory.
"""

from __future__ import annotations

import json
from functools import lru_cache
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

import regex

PATTERN_DIR = Path(__file__).resolve().parent
UNITS_FILE = PATTERN_DIR / "units.txt"

REQUIRED_KEYS = ("id", "label", "pattern", "example")


class PatternError(ValueError):
    """A pattern file is malformed; raised at load time."""


@lru_cache(maxsize=None)
def load_patterns(name: str) -> tuple[dict[str, Any], ...]:
    """Load ``NAME.jsonl`` from the pattern folder and validate it.

    Args:
        name: file name without the ``.jsonl`` suffix, e.g. ``"registries"``
            or ``"zh/routes"``.

    Returns:
        The rules, in file order, as read-only tuple of dicts.

    Raises:
        PatternError: on unreadable JSON, missing keys or duplicate ids.
    """
    path = PATTERN_DIR / f"{name}.jsonl"
    rules: list[dict[str, Any]] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                rule = json.loads(line)
            except json.JSONDecodeError as exc:
                raise PatternError(f"{path.name}:{lineno}: not JSON: {exc}") from exc
            if not isinstance(rule, dict):
                raise PatternError(f"{path.name}:{lineno}: a rule must be a JSON object")
            missing = [k for k in REQUIRED_KEYS if k not in rule]
            if missing:
                raise PatternError(f"{path.name}:{lineno}: missing {', '.join(missing)}")
            if rule["id"] in seen:
                raise PatternError(f"{path.name}:{lineno}: duplicate id {rule['id']!r}")
            seen.add(rule["id"])
            rules.append(rule)
    if not rules:
        raise PatternError(f"{path.name}: no rules")
    return tuple(rules)


def check_rules(rules: Sequence[Mapping[str, Any]], source: str, *, optional: Collection[str] = ()) -> None:
    """Check rules that are already read (from a file or built in memory).

    The checks :func:`load_patterns` makes on a file, on data in memory, plus
    the ones every rule-reading module needs: the required keys
    (``id``, ``label``, ``pattern``, ``example``) are non-empty strings, no key
    is outside ``REQUIRED_KEYS`` and ``optional``, ids are unique, and there
    is at least one rule.

    Args:
        rules: the rules, in file order.
        source: the file they come from (e.g. ``"zh/units.jsonl"``), for the
            error messages.
        optional: the keys a rule may have besides the required ones.

    Raises:
        PatternError: naming the file and the rule, on the first bad rule.
    """
    if not rules:
        raise PatternError(f"{source}: no rules")
    allowed = set(REQUIRED_KEYS) | set(optional)
    seen: set[str] = set()
    for i, rule in enumerate(rules, 1):
        if not isinstance(rule, Mapping):
            raise PatternError(f"{source}: rule #{i}: a rule must be a JSON object")
        rid = rule.get("id")
        name = f"rule {rid!r}" if isinstance(rid, str) and rid else f"rule #{i}"
        missing = [k for k in REQUIRED_KEYS if k not in rule]
        if missing:
            raise PatternError(f"{source}: {name}: missing {', '.join(missing)}")
        unknown = sorted(set(rule) - allowed)
        if unknown:
            raise PatternError(f"{source}: {name}: unknown keys {unknown}")
        for key in REQUIRED_KEYS:
            if not isinstance(rule[key], str) or not rule[key].strip():
                raise PatternError(f"{source}: {name}: {key!r} must be a non-empty string")
        if rid in seen:
            raise PatternError(f"{source}: {name}: duplicate id")
        seen.add(rid)


def literal_alternation(words: Sequence[str]) -> str:
    """Words as a regex alternation of literals, longest first (so file order
    never decides which of two overlapping words wins); ``(?!)`` (never
    matches) when there are none."""
    if not words:
        return "(?!)"
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


def check_expectations(rules: Sequence[Mapping[str, Any]], source: str,
                       run: Callable[[str], list[list[Any]]]) -> None:
    """Prove each rule on its example: ``run(example)`` must give the rule's ``expect``.

    Raises:
        PatternError: naming the rule (and ``source``) whose example yields something else.
    """
    for rule in rules:
        got = run(rule["example"])
        if got != rule["expect"]:
            raise PatternError(f"{source}: rule {rule['id']!r}: example {rule['example']!r} yields {got}, "
                               f"not {rule['expect']}")
