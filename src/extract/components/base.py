"""Shared helpers for the field components: turning character matches into spans."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from extract.extensions import doc_text  # noqa: F401  (declares the extensions; re-exported)


def add_mention(doc: Doc, group: str, start: int, end: int, norm: dict[str, Any], rule: str | None) -> Span | None:
    """Add one mention found by a regex on ``doc.text`` to ``doc.spans[group]``.

    Statistics are glued into single tokens by the tokenizers (``p=.036``), so
    the span is widened to whole tokens (``alignment_mode="expand"``) while
    ``span._.evidence`` keeps the exact character offsets.

    Each span gets its own ``span_id`` and its data is kept in
    ``doc._.trial_mentions`` under that id: spaCy stores span extension values
    by character offsets alone, and two mentions inside one token must not
    share them.
    """
    group_spans = doc.spans[group] if group in doc.spans else None
    key = f"{group}:{len(group_spans) if group_spans is not None else 0}"
    span = doc.char_span(start, end, label=group, alignment_mode="expand", span_id=key)
    if span is None:
        return None
    table = doc._.trial_mentions
    if table is None:
        table = doc._.trial_mentions = {}
    table[key] = {"evidence": (start, end), "norm": norm, "rule": rule}
    if group_spans is None:
        doc.spans[group] = [span]
    else:
        group_spans.append(span)
    return span


def ensure_group(doc: Doc, group: str) -> None:
    """Make sure ``doc.spans[group]`` exists, even when nothing was found."""
    if group not in doc.spans:
        doc.spans[group] = []
