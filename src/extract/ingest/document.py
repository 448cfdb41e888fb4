"""The Document: what ingest hands to cleaning and the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Document:
    """One input document, read but not yet cleaned.

    Attributes:
        id: the document id per SPEC.md section 1 (file stem, record id, ...).
        format: how it was read: ``text``, ``html``, ``json``, ``jsonl``,
            ``pubmed_xml``, ``ctgov_xml``, ``ctgov_json``, ``medline``, ``ris``.
        text: the document's text, possibly still with HTML markup; cleaning
            turns it into the text every offset refers to.
        title: the title when the format states one.
        source: the path (and record position) it came from, for messages.
        warnings: what reading noticed (encoding fallback, ...).
        error: ``(type, message)`` when the document cannot be read; then
            ``text`` is empty and the pipeline is skipped.
    """

    id: str | None
    format: str = "text"
    text: str = ""
    title: str | None = None
    source: str | None = None
    warnings: list[str] = field(default_factory=list)
    error: tuple[str, str] | None = None

    @classmethod
    def failed(cls, doc_id: str | None, type_: str, message: str, source: str | None = None) -> "Document":
        """A document that could not be read."""
        return cls(id=doc_id, format="error", source=source, error=(type_, message))
