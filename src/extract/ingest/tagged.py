"""Tagged bibliographic exports: PubMed's MEDLINE format (``.nbib``, "PubMed"
format in PubMed's Save dialog) and RIS (``.ris``, EndNote/Zotero/journal
exports).

Both are lines of ``TAG  - value``, one field per tag, a record after another;
a reviewer's search export holds hundreds. Read as plain text, the tags leak
into the extraction ("PT  - " is read as prothrombin time, MeSH headings as
outcomes, author addresses as furniture at best), so each record becomes a
document of its own, holding only what the extraction should read: the title,
the abstract (and another-language abstract), and the registry ids the
record's secondary-source field lists.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from extract.ingest.document import Document

# "PMID- 38000001", "TI  - Effect of ...", "AB  - BACKGROUND: ...": a tag of
# two to four capitals or digits, padded to four, then "- ".
_MEDLINE_FIELD = regex.compile(r"^(?P<tag>[A-Z][A-Z0-9]{1,3}) {0,3}- ?(?P<value>.*)$")
# RIS: "TY  - JOUR", "T1  - ...", "ER  - ": exactly two characters, two spaces.
_RIS_FIELD = regex.compile(r"^(?P<tag>[A-Z][A-Z0-9])  - ?(?P<value>.*)$")
_MEDLINE_START = regex.compile(r"\APMID- ?\d+[ \t]*$", regex.M)
_RIS_START = regex.compile(r"\ATY  - ", regex.M)
# MEDLINE's OAB of a record whose abstract only the publisher has.
_NO_ABSTRACT = regex.compile(r"^(?:Publisher:\s*)?Abstract available from the publisher\.?$", regex.I)


def looks_tagged(head: str) -> str | None:
    """``"medline"`` or ``"ris"`` when a text's first line opens such a record."""
    if _MEDLINE_START.match(head.split("\n", 1)[0].rstrip("\r")):
        return "medline"
    if _RIS_START.match(head):
        return "ris"
    return None


def _fields(lines: list[str], field_re: regex.Pattern[str]) -> list[tuple[str, str]]:
    """``(tag, value)`` pairs; a line without a tag continues the field before it."""
    fields: list[tuple[str, str]] = []
    for line in lines:
        m = field_re.match(line)
        if m is not None:
            fields.append((m.group("tag"), m.group("value").strip()))
        elif fields and line.strip():
            tag, value = fields[-1]
            fields[-1] = (tag, f"{value} {line.strip()}".strip())
    return fields


def _records(text: str, kind: str) -> list[list[tuple[str, str]]]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    records: list[list[str]] = []
    if kind == "medline":
        for line in lines:
            if _MEDLINE_START.match(line.rstrip()):
                records.append([])
            if records:
                records[-1].append(line)
        return [_fields(r, _MEDLINE_FIELD) for r in records]
    current: list[str] | None = None
    for line in lines:
        if line.startswith("TY  -"):
            current = []
            records.append(current)
        if current is not None:
            current.append(line)
            if line.startswith("ER  -"):
                current = None
    return [_fields(r, _RIS_FIELD) for r in records]


def _first(fields: list[tuple[str, str]], *tags: str) -> str | None:
    for want in tags:
        for tag, value in fields:
            if tag == want and value:
                return value
    return None


def _all(fields: list[tuple[str, str]], *tags: str) -> list[str]:
    return [value for tag, value in fields if tag in tags and value]


def _medline_document(fields: list[tuple[str, str]], doc_id: str | None, source: str | None) -> Document:
    title = _first(fields, "TI", "BTI", "TT")
    parts = [title] if title else []
    parts += [a for a in _all(fields, "AB", "OAB") if not _NO_ABSTRACT.match(a)]
    registries = _all(fields, "SI")  # secondary source ids: "ClinicalTrials.gov/NCT01234567"
    if registries:
        parts.append("Trial registration: " + "; ".join(registries))
    if not parts:
        return Document.failed(doc_id, "empty_document", "the MEDLINE record has no title (TI) or abstract (AB)", source=source)
    return Document(id=doc_id, format="medline", text="\n\n".join(parts), title=title, source=source)


def _ris_document(fields: list[tuple[str, str]], doc_id: str | None, source: str | None) -> Document:
    title = _first(fields, "TI", "T1", "CT", "BT")
    parts = [title] if title else []
    parts += _all(fields, "AB", "N2")
    if not parts:
        return Document.failed(doc_id, "empty_document", "the RIS record has no title (TI/T1) or abstract (AB/N2)", source=source)
    return Document(id=doc_id, format="ris", text="\n\n".join(parts), title=title, source=source)


def read_tagged(text: str, kind: str, stem: str | None, source: str | None) -> Iterator[Document]:
    """The documents of a MEDLINE or RIS export (``kind`` from :func:`looks_tagged`).

    One record is named by the file's stem; several by their id (MEDLINE's
    PMID; RIS's ID, else a numeric accession number AN, else the DOI), else
    ``STEM:N`` (SPEC section 1).
    """
    records = _records(text, kind)
    if not records:
        yield Document.failed(stem, "empty_document", f"no {kind.upper()} record in the text", source=source)
        return
    for n, fields in enumerate(records, 1):
        if len(records) == 1:
            doc_id = stem
        elif kind == "medline":
            doc_id = _first(fields, "PMID") or f"{stem}:{n}"
        else:
            accession = _first(fields, "AN")
            doc_id = (_first(fields, "ID") or (accession if accession and accession.isdigit() else None)
                      or _first(fields, "DO") or f"{stem}:{n}")
        if kind == "medline":
            yield _medline_document(fields, doc_id, source)
        else:
            yield _ris_document(fields, doc_id, source)
