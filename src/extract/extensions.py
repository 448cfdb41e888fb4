"""Every Doc and Span extension trial-extract uses, declared once, at import.

Doc:
    ``doc._.trial_id``: the document id (or None).
    ``doc._.segments``: language segments of the text (``ingest.language.Segment``).
    ``doc._.languages``: ISO 639-1 codes, main language first.
    ``doc._.title``: the title, when known.
    ``doc._.trial_warnings``: what the pipeline noticed but could not resolve.

    ``doc._.trial_mentions``: the data behind the span extensions below, keyed
        by span id (spaCy keys span extension values by character offsets
        only, and two mentions can share a token: ``(P>0.05),(P=0.013)``
        glued in Chinese text).

Span (every mention in a ``doc.spans[FIELD]`` group; read-only getters):
    ``span._.evidence``: ``(start, end)`` character offsets of the exact
        evidence; the span itself is widened to whole tokens.
    ``span._.norm``: the mention's normalized fields as a dict, the same keys
        as the field's output model (``{"comparator": "<", "value": 0.001,
        "outcome": None}`` for a p-value).
    ``span._.rule``: id of the rule that fired (provenance).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

#: ``doc.spans`` group names, one per SPEC field, in output order.
SPAN_GROUPS = ("sample_sizes", "doses", "routes", "outcomes", "p_values", "registrations")


def _register() -> None:
    doc_ext = {"trial_id": None, "segments": None, "languages": None, "title": None, "trial_warnings": None,
               "trial_mentions": None}
    for name, default in doc_ext.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in ("evidence", "norm", "rule"):
        if not Span.has_extension(name):
            Span.set_extension(name, getter=_mention_getter(name))


def _mention_getter(key: str):
    def get(span: Span):
        table = span.doc._.trial_mentions
        if not table or not span.id_:
            return None
        entry = table.get(span.id_)
        return None if entry is None else entry[key]

    return get



def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc: spaCy rebuilds it from the tokens on every access."""
    text = doc.user_data.get("trial_text")
    if text is None:
        text = doc.text
        doc.user_data["trial_text"] = text
    return text


_register()
