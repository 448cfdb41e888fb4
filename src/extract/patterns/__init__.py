"""Rules as data: load and validate the pattern files shipped in this folder.

Every ``*.jsonl`` file here holds one rule per line, shaped like spaCy's
``{"id", "label", "pattern"}`` plus an ``example`` that the rule must match.
Files are validated when loaded: a malformed line, a missing key or a
duplicate id fails loudly at start-up, never silently at match time.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

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
