"""Doc -> TrialRecord. The only module that reads the span extensions (or the table behind them)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from spacy.tokens import Doc, Span

import extract.extensions  # noqa: F401
from extract.extensions import doc_text
from extract.models import Dose, Outcome, PValue, Registration, Route, SampleSize, TrialRecord

_MODELS: dict[str, type[BaseModel]] = {
    "sample_sizes": SampleSize,
    "doses": Dose,
    "routes": Route,
    "outcomes": Outcome,
    "p_values": PValue,
    "registrations": Registration,
}


def _mention(text: str, table: dict[str, dict[str, Any]], span: Span, model: type[BaseModel]) -> BaseModel:
    # The table behind span._.evidence/norm/rule (extensions.py), read directly:
    # three extension lookups per mention cost more than the model itself.
    entry = table.get(span.id_) if span.id_ else None
    if entry is None:
        start, end, fields, rule = span.start_char, span.end_char, {}, None
    else:
        (start, end), fields, rule = entry["evidence"], dict(entry["norm"] or {}), entry["rule"]
    return model(text=text[start:end], start=start, end=end, rule=rule, **fields)


def doc_to_record(doc: Doc, with_text: bool = False) -> TrialRecord:
    """Serialize a processed Doc to the SPEC output record.

    Mentions come out in text order, per field.
    """
    record: dict[str, Any] = {
        "id": doc._.trial_id,
        "languages": list(doc._.languages or []),
        "title": doc._.title,
        "warnings": list(doc._.trial_warnings or []),
    }
    text = doc_text(doc)
    table = doc._.trial_mentions or {}
    for group, model in _MODELS.items():
        spans = list(doc.spans[group]) if group in doc.spans else []
        mentions = [_mention(text, table, s, model) for s in spans]
        mentions.sort(key=lambda m: (m.start, m.end))  # type: ignore[attr-defined]
        record[group] = mentions
    if with_text:
        record["text"] = doc_text(doc)
    return TrialRecord(**record)


def record_to_json(record: TrialRecord) -> str:
    """One JSON line: ``text`` only when it was asked for, ``error`` only on failure."""
    exclude = set()
    if record.text is None:
        exclude.add("text")
    if record.error is None:
        exclude.add("error")
    return record.model_dump_json(exclude=exclude)
