"""Scoring against gold files, exactly as SPEC.md section 5 defines it.

Per document and field, predictions and gold are compared as sets of keys;
counts are summed over documents (micro-average). Keys:

- sample_sizes: the integer value;
- doses: the quantity in base units (same dimensionality, magnitude within
  1 % relative); a daily amount matches either way it is written (``mg`` with
  ``per`` day, or ``mg/day``);
- routes: the route name;
- outcomes: a prediction matches a gold outcome when its normalized name
  equals the gold's normalized name or any alias (normalization: NFKC,
  casefold, Greek letters to names, keep only letters and digits);
- p_values: (comparator, value), values equal to 1e-9;
- registrations: the upper-cased id.

Sets are matched one-to-one: each gold item is matched by at most one
prediction, so two predicted names for one outcome give one TP and one FP.

Linking accuracy: among gold p-values with a non-null outcome that were found
(some prediction has the same pair), the share for which a prediction with
that pair names the outcome (by the outcome rule).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


from extract.models import FIELDS
from extract.normalize.outcomes import normalize_key
from extract.normalize.units import parse_unit_string

_TIME_PER = {"day": "day", "daily": "day", "d": "day", "week": "week", "weekly": "week", "month": "month",
             "monthly": "month", "hour": "hour", "h": "hour", "year": "year", "minute": "minute", "min": "minute"}


def normalize_name(name: str) -> str:
    """SPEC outcome-name normalization: NFKC, casefold, Greek to names, letters and digits only."""
    return normalize_key(name)


# --------------------------------------------------------------------------- keys

def _dose_keys(d: dict[str, Any]) -> list[tuple[str, float]]:
    """The base-unit quantities a dose may be compared as (written, and per time)."""
    unit = d.get("unit")
    value = d.get("value")
    if not isinstance(unit, str) or not isinstance(value, (int, float)):
        return []
    keys = []
    parsed = parse_unit_string(unit)
    if parsed is None:
        return []
    base = (value * parsed).to_base_units()
    keys.append((str(base.dimensionality), float(base.magnitude)))
    per = str(d.get("per") or "").strip().lower()
    per_unit = _TIME_PER.get(per.removeprefix("per ").removeprefix("1 "))
    if per_unit:
        per_q = parse_unit_string(per_unit)
        if per_q is not None:
            rate = (value * parsed / per_q).to_base_units()
            keys.append((str(rate.dimensionality), float(rate.magnitude)))
    return keys


def _dose_match(a: list[tuple[str, float]], b: list[tuple[str, float]]) -> bool:
    for da, ma in a:
        for db, mb in b:
            if da == db and abs(ma - mb) <= 0.01 * max(abs(ma), abs(mb)) + 1e-30:
                return True
    return False


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def _dedupe(items: list[Any], same: Callable[[Any, Any], bool]) -> list[Any]:
    out: list[Any] = []
    for it in items:
        if not any(same(it, o) for o in out):
            out.append(it)
    return out


def _match(pred: list[Any], gold: list[Any], same: Callable[[Any, Any], bool]) -> tuple[list[tuple[Any, Any]], list[Any], list[Any]]:
    """Maximum one-to-one matching (augmenting paths); returns pairs, unmatched pred, unmatched gold."""
    adj = [[j for j, g in enumerate(gold) if same(p, g)] for p in pred]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(pred)):
        augment(i, set())
    matched_p = set(owner.values())
    pairs = [(pred[i], gold[j]) for j, i in owner.items()]
    return pairs, [p for i, p in enumerate(pred) if i not in matched_p], [g for j, g in enumerate(gold) if j not in owner]


@dataclass
class FieldResult:
    counts: Counts
    false_positives: list[Any]
    misses: list[Any]


def _outcome_names(o: dict[str, Any]) -> set[str]:
    names = {normalize_name(o.get("name", ""))}
    names.update(normalize_name(a) for a in o.get("aliases", []) or [])
    names.discard("")
    return names


def score_field(fieldname: str, pred: list[dict[str, Any]], gold: list[Any]) -> FieldResult:
    """Compare one field of one document."""
    if fieldname == "sample_sizes":
        p = sorted({int(x["value"]) for x in pred if isinstance(x.get("value"), (int, float))})
        g = sorted({int(x["value"]) for x in gold})
        same: Callable[[Any, Any], bool] = lambda a, b: a == b
    elif fieldname == "routes":
        p = sorted({x["route"] for x in pred})
        g = sorted({x if isinstance(x, str) else x["route"] for x in gold})
        same = lambda a, b: a == b
    elif fieldname == "registrations":
        p = sorted({str(x["id"]).upper() for x in pred})
        g = sorted({str(x["id"]).upper() for x in gold})
        same = lambda a, b: a == b
    elif fieldname == "p_values":
        pv = lambda a, b: a[0] == b[0] and abs(a[1] - b[1]) <= 1e-9
        p = _dedupe([(x["comparator"], float(x["value"])) for x in pred], pv)
        g = _dedupe([(x["comparator"], float(x["value"])) for x in gold], pv)
        same = pv
    elif fieldname == "outcomes":
        p = sorted({normalize_name(x["name"]) for x in pred} - {""})
        g = _dedupe([(o["name"], frozenset(_outcome_names(o))) for o in gold], lambda a, b: a[0] == b[0])
        same = lambda a, b: a in b[1]
    elif fieldname == "doses":
        p_items = [(x, _dose_keys(x)) for x in pred]
        g_items = [(x, _dose_keys(x)) for x in gold]
        dm = lambda a, b: _dose_match(a[1], b[1])
        p = _dedupe([it for it in p_items if it[1]], dm)
        g = _dedupe(g_items, dm)
        same = dm
    else:
        raise ValueError(f"unknown field {fieldname!r}")
    pairs, fps, fns = _match(p, g, same)
    return FieldResult(Counts(len(pairs), len(fps), len(fns)), [_show(fieldname, x) for x in fps], [_show(fieldname, x) for x in fns])


def _show(fieldname: str, item: Any) -> Any:
    if fieldname == "doses":
        d = item[0]
        return {"value": d.get("value"), "unit": d.get("unit"), "per": d.get("per"), "text": d.get("text")}
    if fieldname == "outcomes" and isinstance(item, tuple):
        return item[0]
    if isinstance(item, tuple):
        return list(item)
    return item


@dataclass
class Report:
    fields: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in FIELDS})
    linking_found: int = 0
    linking_correct: int = 0
    documents: int = 0
    missing_predictions: list[str] = field(default_factory=list)
    unscored_predictions: int = 0
    errors: dict[str, dict[str, dict[str, list[Any]]]] = field(default_factory=dict)

    @property
    def overall(self) -> Counts:
        total = Counts()
        for c in self.fields.values():
            total.add(c)
        return total

    @property
    def linking_accuracy(self) -> float | None:
        return self.linking_correct / self.linking_found if self.linking_found else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "fields": {f: c.as_dict() for f, c in self.fields.items()},
            "overall": self.overall.as_dict(),
            "linking": {"found_with_outcome": self.linking_found, "correct": self.linking_correct,
                        "accuracy": None if self.linking_accuracy is None else round(self.linking_accuracy, 4)},
            "missing_predictions": self.missing_predictions,
            "unscored_predictions": self.unscored_predictions,
        }


def _linking(pred: list[dict[str, Any]], gold_p: list[dict[str, Any]], gold_outcomes: list[dict[str, Any]]) -> tuple[int, int]:
    names_by_canon: dict[str, set[str]] = {}
    for o in gold_outcomes:
        names_by_canon.setdefault(o.get("name", ""), set()).update(_outcome_names(o))
    found = correct = 0
    seen: list[tuple[str, float, str]] = []
    for g in gold_p:
        if not g.get("outcome"):
            continue
        key = (g["comparator"], float(g["value"]), g["outcome"])
        if any(k[0] == key[0] and abs(k[1] - key[1]) <= 1e-9 and k[2] == key[2] for k in seen):
            continue
        seen.append(key)
        same_pair = [p for p in pred if p["comparator"] == g["comparator"] and abs(float(p["value"]) - float(g["value"])) <= 1e-9]
        if not same_pair:
            continue
        found += 1
        targets = names_by_canon.get(g["outcome"]) or {normalize_name(g["outcome"])}
        if any(p.get("outcome") and normalize_name(p["outcome"]) in targets for p in same_pair):
            correct += 1
    return found, correct


def evaluate(predictions: Iterable[dict[str, Any]], gold: dict[str, dict[str, Any]], keep_errors: bool = False) -> Report:
    """Score prediction records (dicts shaped like the output record) against gold."""
    report = Report()
    by_id: dict[str, dict[str, Any]] = {}
    for rec in predictions:
        rid = rec.get("id")
        if rid in gold:
            by_id[rid] = rec
        else:
            report.unscored_predictions += 1
    for gid, g in sorted(gold.items()):
        rec = by_id.get(gid)
        if rec is None:
            report.missing_predictions.append(gid)
            rec = {}
        report.documents += 1
        doc_errors: dict[str, dict[str, list[Any]]] = {}
        for f in FIELDS:
            res = score_field(f, rec.get(f, []) or [], g.get(f, []) or [])
            report.fields[f].add(res.counts)
            if keep_errors and (res.false_positives or res.misses):
                doc_errors[f] = {"false_positives": res.false_positives, "misses": res.misses}
        found, correct = _linking(rec.get("p_values", []) or [], g.get("p_values", []) or [], g.get("outcomes", []) or [])
        report.linking_found += found
        report.linking_correct += correct
        if keep_errors and doc_errors:
            report.errors[gid] = doc_errors
    return report


def load_gold(directory: str | Path) -> dict[str, dict[str, Any]]:
    """All ``*.json`` gold files in a directory, by id (the file stem)."""
    gold: dict[str, dict[str, Any]] = {}
    for path in sorted(Path(directory).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        gid = data.get("id") or path.stem
        if gid != path.stem:
            raise ValueError(f"{path}: id {gid!r} does not match the file name")
        gold[gid] = data
    return gold


def format_report(report: Report) -> str:
    """The human-readable table `extract eval` prints."""
    lines = [f"documents scored: {report.documents}", "",
             f"{'field':<15}{'TP':>6}{'FP':>6}{'FN':>6}{'P':>8}{'R':>8}{'F1':>8}"]
    for f, c in report.fields.items():
        lines.append(f"{f:<15}{c.tp:>6}{c.fp:>6}{c.fn:>6}{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}")
    o = report.overall
    lines.append(f"{'overall (micro)':<15}{o.tp:>6}{o.fp:>6}{o.fn:>6}{o.precision:>8.3f}{o.recall:>8.3f}{o.f1:>8.3f}")
    acc = report.linking_accuracy
    lines.append("")
    lines.append(f"p-value linking: {report.linking_correct}/{report.linking_found} gold p-values with an outcome, "
                 f"found and linked = " + ("n/a" if acc is None else f"{acc:.3f}"))
    if report.missing_predictions:
        lines.append(f"gold documents with no prediction: {', '.join(report.missing_predictions)}")
    return "\n".join(lines)
