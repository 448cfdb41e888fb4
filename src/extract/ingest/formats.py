"""Read every input format into :class:`Document` objects.

Formats (SPEC.md section 1): plain text, HTML, a JSON record (possibly
followed by plain text), JSON Lines, a JSON array of records, PubMed XML
(``PubmedArticleSet`` or a bare ``PubmedArticle``, ``.gz`` too),
ClinicalTrials.gov legacy XML (``clinical_study``) and API v2 JSON, and
directories of any of these, recursively.

Reading never raises for a bad document: it yields a failed Document with an
error type and a message a user can act on, so a batch always goes on and
every input document yields exactly one record.
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

import regex
from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

from extract.ingest.document import Document
from extract.ingest.tagged import looks_tagged, read_tagged

#: Largest single document accepted (bytes of decoded text). Bigger input is
#: not a trial abstract; refusing it keeps memory flat.
MAX_DOCUMENT_CHARS = 5_000_000

_JSON_TEXT_KEYS = ("abstract", "Abstract", "AbstractText", "abstractText", "text", "body", "content")
_JSON_TITLE_KEYS = ("title", "Title", "ArticleTitle", "articleTitle")
# A JSON array of records starts "[{" or is "[]"; "[Effect of X on Y]. We ..." is a
# MEDLINE translated title in plain text.
_JSON_ARRAY_START = regex.compile(r"\[\s*(?:\{|\])")
_HTML_HINT = regex.compile(r"<(?:html|body|p|div|span|br|sup|sub|i|b|em|strong|table|h[1-6])\b", regex.I)


# --------------------------------------------------------------------------- decoding

def decode_bytes(data: bytes) -> tuple[str | None, list[str], tuple[str, str] | None]:
    """Decode raw bytes to text.

    UTF-8 (with or without BOM) and UTF-16 (BOM, or NUL-interleaved ASCII) are
    read as such; anything else falls back to Windows-1252 (latin-1's
    superset) with a warning. NUL bytes in what is not UTF-16 mean binary
    content.

    Returns:
        ``(text, warnings, error)``; ``text`` is None when ``error`` is set.
    """
    warnings: list[str] = []
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), warnings, None
        except UnicodeDecodeError as exc:
            return None, warnings, ("binary_input", f"UTF-16 byte-order mark but undecodable content: {exc.reason}")
    elif len(data) >= 4 and _looks_utf16(data):
        enc = "utf-16-le" if data[1] == 0 else "utf-16-be"
        try:
            return data.decode(enc), ["read as UTF-16 without a byte-order mark"], None
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        return None, warnings, ("binary_input", "the file contains NUL bytes: binary content, not a text document")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = _decode_windows_1252(data)
        warnings.append(f"not valid UTF-8 (byte {exc.start}); read as Windows-1252 (latin-1)")
    if _control_ratio(text) > 0.05:
        return None, warnings, ("binary_input", "the content is mostly control characters: binary, not a text document")
    return text, warnings, None


#: The five bytes Windows-1252 leaves undefined, as surrogateescape decodes them,
#: mapped to what latin-1 reads there (C1 controls, which cleaning removes).
_CP1252_UNDEFINED = {0xDC00 + b: b for b in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def _decode_windows_1252(data: bytes) -> str:
    """Bytes that are not UTF-8, read as Windows-1252.

    Text that is not UTF-8 is nearly always Windows-1252, latin-1's superset
    (web browsers read a "latin-1" label so too): bytes 0x80-0x9F are its dashes,
    quotes, ellipsis and bullet ("50 \x96 60 mg" is a range), where latin-1 has
    C1 control characters. Bytes 0xA0-0xFF read the same in both.
    """
    return data.decode("cp1252", errors="surrogateescape").translate(_CP1252_UNDEFINED)


def _looks_utf16(data: bytes) -> bool:
    head = data[:200]
    even_nuls = head[0::2].count(0)
    odd_nuls = head[1::2].count(0)
    half = len(head) // 2
    return max(even_nuls, odd_nuls) > 0.4 * half and min(even_nuls, odd_nuls) < 0.05 * half


#: C0 control characters other than the whitespace ones (\t \n \v \f \r).
_CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f]")


def _control_ratio(text: str) -> float:
    """The share of control characters in the first 4,000 characters."""
    sample = text[:4000]
    if not sample:
        return 0.0
    return len(_CONTROL.findall(sample)) / len(sample)


# --------------------------------------------------------------------------- entry points

def read_path(path: str | os.PathLike[str]) -> Iterator[Document]:
    """Yield the documents in a file or, recursively, a directory.

    Directory entries are read in sorted order so runs are reproducible;
    hidden files and folders are skipped.
    """
    p = Path(path)
    if p.is_dir():
        for child in sorted(p.rglob("*")):
            rel = child.relative_to(p)
            if any(part.startswith(".") for part in rel.parts) or not child.is_file():
                continue
            yield from read_file(child)
        return
    yield from read_file(p)


def read_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Document]:
    """Yield the documents of several files or directories, in order."""
    for path in paths:
        yield from read_path(path)


def file_stem(path: Path) -> str:
    """The id stem of a file: its name without ``.gz`` and the format suffix."""
    name = path.name
    if name.endswith(".gz"):
        name = name[:-3]
    return Path(name).stem


#: XML files larger than this are read article by article (PubMed baseline files).
STREAM_XML_BYTES = 5_000_000


def read_file(path: str | os.PathLike[str]) -> Iterator[Document]:
    """Yield the documents in one file (one, or many for JSONL/XML sets).

    JSON Lines files, and XML files above :data:`STREAM_XML_BYTES`, are
    streamed: memory holds one record at a time whatever the file's size.
    """
    p = Path(path)
    stem = file_stem(p)
    lower = p.name.lower()
    try:
        if lower.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")):
            yield from _stream_jsonl(p, stem)
            return
        if lower.endswith((".xml", ".xml.gz")) and p.stat().st_size > STREAM_XML_BYTES:
            yield from _stream_xml(p, stem)
            return
    except OSError as exc:
        yield Document.failed(stem, "unreadable", f"cannot read {p}: {exc.strerror or exc}", source=str(p))
        return
    try:
        data = p.read_bytes()
    except OSError as exc:
        yield Document.failed(stem, "unreadable", f"cannot read {p}: {exc.strerror or exc}", source=str(p))
        return
    if p.suffix == ".gz" or data[:2] == b"\x1f\x8b":
        try:
            data = _gunzip(data)
        except (OSError, EOFError, zlib.error) as exc:
            yield Document.failed(stem, "unreadable", f"{p.name}: not a readable gzip file: {exc}", source=str(p))
            return
    yield from read_bytes(data, stem=stem, source=str(p), suffix=Path(p.name.removesuffix(".gz")).suffix.lower())


def _open_binary(p: Path):
    return gzip.open(p, "rb") if p.name.lower().endswith(".gz") else p.open("rb")


def _stream_jsonl(p: Path, stem: str) -> Iterator[Document]:
    """JSON Lines, one record per line, read line by line.

    A file with a single record gets the file's stem as id (SPEC section 1),
    so one record is held back until the next one (or the end) is seen.
    """
    source = str(p)
    pending: Document | None = None
    count = 0
    try:
        with _open_binary(p) as fh:
            for n, raw in enumerate(fh, 1):
                if n == 1:
                    raw = raw.removeprefix(codecs.BOM_UTF8)
                if not raw.strip():
                    continue
                for doc in _jsonl_line(raw, n, stem, source):
                    count += 1
                    if pending is not None:
                        yield pending
                    pending = doc
    except (OSError, EOFError, zlib.error) as exc:
        if pending is not None:
            yield pending
            pending = None
        yield Document.failed(f"{stem}:{count + 1}", "unreadable", f"{p.name}: reading stopped: {exc}", source=source)
    if pending is not None:
        if count == 1:
            pending.id = stem  # a file holding one document is named by its stem (SPEC section 1)
        yield pending


def _jsonl_line(raw: bytes, n: int, stem: str, source: str) -> list[Document]:
    """The documents of one line: one, or each study of a saved search response."""
    fallback = f"{stem}:{n}"
    if len(raw) > MAX_DOCUMENT_CHARS * 4:
        return [Document.failed(fallback, "too_large", f"line {n} has {len(raw):,} bytes; the limit for one document is {MAX_DOCUMENT_CHARS:,} characters", source=source)]
    warnings: list[str] = []
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        line = raw.decode("latin-1")
        warnings.append(f"line {n} is not valid UTF-8; read as latin-1")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return [Document.failed(fallback, "invalid_json", f"line {n}: {_json_error(exc)}", source=source)]
    if not isinstance(obj, dict):
        return [Document.failed(fallback, "invalid_json", f"line {n}: expected a JSON object, got {type(obj).__name__}", source=source)]
    docs = _jsonl_records(obj, n, stem, source)
    for doc in docs:
        doc.warnings[:0] = warnings
    return docs


def _jsonl_records(obj: dict[str, Any], n: int, stem: str | None, source: str | None) -> list[Document]:
    """The documents of the JSON object on line ``n``: the record, or each study of a search response.

    A study without an NCT id on line ``n`` is ``STEM:n.k``, k its position in the response.
    """
    if not _is_ctgov_search_response(obj):
        return [_record_to_document(obj, _record_id(obj) or f"{stem}:{n}", source, fmt="jsonl")]
    studies = obj["studies"]
    if not studies:
        return [Document.failed(f"{stem}:{n}", "empty_document", f"line {n}: the ClinicalTrials.gov search response holds no studies", source=source)]
    docs = []
    for k, study in enumerate(studies, 1):
        fallback = f"{stem}:{n}.{k}"
        if isinstance(study, dict):
            docs.append(_ctgov_json_to_document(study, _record_id(study) or fallback, source))
        else:
            docs.append(Document.failed(fallback, "invalid_json", f"line {n}: studies[{k - 1}]: expected a JSON object (a study), got {_json_type(study)}", source=source))
    return docs


def _stream_xml(p: Path, stem: str) -> Iterator[Document]:
    """A large PubMed XML file, article by article (elements are cleared once read)."""
    source = str(p)
    n = 0
    try:
        with _open_binary(p) as fh:
            root = None
            for event, el in SafeET.iterparse(fh, events=("start", "end"), forbid_dtd=False,
                                              forbid_entities=True, forbid_external=True):
                if event == "start":
                    if root is None:
                        root = el
                    continue
                if _local(el.tag) in ("PubmedArticle", "PubmedBookArticle"):
                    n += 1
                    yield _pubmed_to_document(el, None, n, stem, source)
                    el.clear()
                    if root is not None:
                        root.clear()  # drop the references the root keeps to read articles
    except DefusedXmlException as exc:
        yield Document.failed(f"{stem}:{n + 1}", "unsafe_xml", f"the XML declares entities or external references, which are refused: {exc}", source=source)
    except SafeET.ParseError as exc:
        line, col = getattr(exc, "position", (0, 0))
        yield Document.failed(f"{stem}:{n + 1}", "invalid_xml", f"line {line}, column {col + 1}: {_xml_reason(exc)} (after {n} articles)", source=source)
    except (OSError, EOFError, zlib.error) as exc:
        yield Document.failed(f"{stem}:{n + 1}", "unreadable", f"{p.name}: reading stopped after {n} articles: {exc}", source=source)


def _gunzip(data: bytes) -> bytes:
    # Decompress in bounded steps: a gzip bomb must not exhaust memory.
    d = zlib.decompressobj(wbits=31)
    out = d.decompress(data, MAX_DOCUMENT_CHARS * 40)
    if d.unconsumed_tail:
        raise OSError("decompressed size exceeds the limit")
    if not d.eof:
        raise OSError("the compressed stream is truncated")
    return out


def read_bytes(data: bytes, stem: str | None, source: str | None = None, suffix: str = "") -> Iterator[Document]:
    """Yield the documents held in raw bytes (a file's content)."""
    text, warnings, error = decode_bytes(data)
    if error is not None:
        yield Document.failed(stem, error[0], error[1], source=source)
        return
    assert text is not None
    for doc in read_text(text, stem=stem, source=source, suffix=suffix):
        doc.warnings[:0] = warnings
        yield doc


def read_text(text: str, stem: str | None, source: str | None = None, suffix: str = "") -> Iterator[Document]:
    """Yield the documents in decoded text, sniffing the format."""
    text = text.lstrip("\ufeff")
    stripped = text.strip()
    if not stripped:
        yield Document.failed(stem, "empty_document", "the document is empty or only whitespace", source=source)
        return
    if "\x00" in text or _control_ratio(text) > 0.05:
        yield Document.failed(stem, "binary_input", "the text contains NUL or control characters: binary content, not a document", source=source)
        return
    tagged = looks_tagged(stripped[:200])
    if tagged is not None:
        # A MEDLINE or RIS export: many records, each its own document (no size limit on the file).
        yield from read_tagged(stripped, tagged, stem, source)
        return
    if len(text) > MAX_DOCUMENT_CHARS and suffix not in (".jsonl", ".xml"):
        yield Document.failed(
            stem, "too_large",
            f"the document has {len(text):,} characters; the limit for one document is {MAX_DOCUMENT_CHARS:,}",
            source=source,
        )
        return
    head = stripped[:2000]
    if suffix == ".jsonl" or (head.startswith("{") and _is_jsonl(stripped)):
        yield from _read_jsonl(text, stem, source)
    elif head.startswith("{") or _JSON_ARRAY_START.match(head) or suffix == ".json":
        yield from _read_json(stripped, stem, source)
    elif head.startswith("<") and regex.search(r"<(?:PubmedArticle|PubmedBookArticle|clinical_study)\b", head + stripped[2000:20000]):
        yield from _read_xml(stripped, stem, source)
    elif suffix == ".xml" or head.startswith("<?xml"):
        yield from _read_xml(stripped, stem, source)
    else:
        fmt = "html" if _HTML_HINT.search(head) else "text"
        yield Document(id=stem, format=fmt, text=text, source=source)


# --------------------------------------------------------------------------- JSON

def _is_jsonl(stripped: str) -> bool:
    """True when the text is several JSON objects, one per line."""
    lines = [ln for ln in stripped.splitlines()[:5] if ln.strip()]
    if len(lines) < 2:
        return False
    try:
        return all(isinstance(json.loads(ln), dict) for ln in lines[:2])
    except ValueError:
        return False


def _json_error(exc: json.JSONDecodeError) -> str:
    return f"line {exc.lineno}, column {exc.colno}: {exc.msg}"


def _read_jsonl(text: str, stem: str | None, source: str | None) -> Iterator[Document]:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) == 1 and stem is not None:
        docs = list(_read_jsonl_lines(text, stem, source))
        if len(docs) == 1:
            docs[0].id = stem  # a file holding one document is named by its stem (SPEC section 1)
        yield from docs
        return
    yield from _read_jsonl_lines(text, stem, source)


def _read_jsonl_lines(text: str, stem: str | None, source: str | None) -> Iterator[Document]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        fallback = f"{stem}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Document.failed(fallback, "invalid_json", f"line {n}: {_json_error(exc)}", source=source)
            continue
        if not isinstance(obj, dict):
            yield Document.failed(fallback, "invalid_json", f"line {n}: expected a JSON object, got {type(obj).__name__}", source=source)
            continue
        yield from _jsonl_records(obj, n, stem, source)


def _read_json(stripped: str, stem: str | None, source: str | None) -> Iterator[Document]:
    decoder = json.JSONDecoder()
    try:
        obj, end = decoder.raw_decode(stripped)
    except json.JSONDecodeError as exc:
        yield Document.failed(stem, "invalid_json", _json_error(exc), source=source)
        return
    trailing = stripped[end:].strip()
    if isinstance(obj, list):
        yield from _read_records(obj, "the JSON array", stem, source, trailing)
        return
    if not isinstance(obj, dict):
        yield Document.failed(stem, "invalid_json", f"expected a JSON object, got {type(obj).__name__}", source=source)
        return
    if _is_ctgov_search_response(obj):
        yield from _read_ctgov_studies(obj["studies"], stem, source)
        return
    envelope = _envelope(obj)
    if envelope is not None:
        where, records = envelope
        yield from _read_records(records, where, stem, source, trailing)
        return
    yield _record_to_document(obj, stem, source, fmt="json", trailing=trailing)


def _read_records(records: list[Any], where: str, stem: str | None, source: str | None,
                  trailing: str = "") -> Iterator[Document]:
    """The records of a JSON array or an API response: one is named by the file's
    stem, several by their own id, else ``STEM:N`` (SPEC section 1)."""
    if not all(isinstance(r, dict) for r in records):
        yield Document.failed(stem, "invalid_json", f"{where} must hold objects (records)", source=source)
        return
    if not records:
        yield Document.failed(stem, "empty_document", f"{where} is empty", source=source)
        return
    if len(records) == 1:
        yield _record_to_document(records[0], stem, source, fmt="json", trailing=trailing)
        return
    for n, rec in enumerate(records, 1):
        yield _record_to_document(rec, _record_id(rec) or f"{stem}:{n}", source, fmt="json")


def _envelope(obj: dict[str, Any]) -> tuple[str, list[Any]] | None:
    """The records inside a bibliographic API's response, when ``obj`` is one.

    Crossref wraps one work as ``{"message": {...}}`` and a search as
    ``{"message": {"items": [...]}}``; Europe PMC as ``{"resultList":
    {"result": [...]}}``; Semantic Scholar's and OpenAlex's searches as
    ``{"data": [...]}`` and ``{"results": [...]}``. An object with a title or
    text of its own is a record, whatever else it holds.
    """
    if _first_str(obj, _JSON_TEXT_KEYS) or _first_str(obj, _JSON_TITLE_KEYS) or _inverted_abstract(obj):
        return None
    message = obj.get("message")
    if isinstance(message, dict):
        items = message.get("items")
        return ("message.items", items) if isinstance(items, list) else ("message", [message])
    result_list = obj.get("resultList")
    if isinstance(result_list, dict) and isinstance(result_list.get("result"), list):
        return "resultList.result", result_list["result"]
    for key in ("data", "results"):
        if isinstance(obj.get(key), list):
            return key, obj[key]
    return None


def _inverted_abstract(obj: dict[str, Any]) -> str | None:
    """OpenAlex's ``abstract_inverted_index`` (each word with its positions) as text."""
    index = obj.get("abstract_inverted_index")
    if not isinstance(index, dict) or not index:
        return None
    at: dict[int, str] = {}
    for word, positions in index.items():
        if isinstance(word, str) and isinstance(positions, list):
            for pos in positions:
                if isinstance(pos, int) and not isinstance(pos, bool) and 0 <= pos < 1_000_000:
                    at[pos] = word
    return " ".join(at[pos] for pos in sorted(at)) or None


def _is_ctgov_study(obj: dict[str, Any]) -> bool:
    """An API v2 study: it has a ``protocolSection`` or a ``resultsSection`` (of any type: a wrong
    type is reported by the CT.gov reader, not taken for a record without text)."""
    return "protocolSection" in obj or "resultsSection" in obj


def _is_ctgov_search_response(obj: dict[str, Any]) -> bool:
    """An API v2 search response saved to a file: ``{"studies": [...], "nextPageToken": ...}``."""
    return (isinstance(obj.get("studies"), list) and not _is_ctgov_study(obj)
            and not _first_str(obj, _JSON_TEXT_KEYS) and not _first_str(obj, _JSON_TITLE_KEYS))


def _read_ctgov_studies(studies: list[Any], stem: str | None, source: str | None) -> Iterator[Document]:
    """Each study of a search response is its own document (SPEC section 1: one study in the
    file is named by the file's stem, several by their NCT id, else ``STEM:N``)."""
    if not studies:
        yield Document.failed(stem, "empty_document", "the ClinicalTrials.gov search response holds no studies", source=source)
        return
    single = len(studies) == 1
    for n, study in enumerate(studies, 1):
        fallback = stem if single else f"{stem}:{n}"
        if not isinstance(study, dict):
            yield Document.failed(fallback, "invalid_json",
                                  f"studies[{n - 1}]: expected a JSON object (a study), got {_json_type(study)}", source=source)
            continue
        doc_id = stem if single else (_record_id(study) or fallback)
        yield _ctgov_json_to_document(study, doc_id, source)


def _record_id(obj: dict[str, Any]) -> str | None:
    external = obj.get("externalIds")  # Semantic Scholar: {"PubMed": ..., "DOI": ...}
    external = external if isinstance(external, dict) else {}
    for val in (obj.get("id"), obj.get("pmid"), obj.get("PMID"), external.get("PubMed"),
                obj.get("doi"), obj.get("DOI"), external.get("DOI")):
        if isinstance(val, (str, int)) and not isinstance(val, bool) and str(val).strip():
            return str(val).strip()
    ps = obj.get("protocolSection")
    ident = ps.get("identificationModule") if isinstance(ps, dict) else None
    nct = ident.get("nctId") if isinstance(ident, dict) else None
    if isinstance(nct, str) and nct.strip():
        return nct.strip()  # a ClinicalTrials.gov API v2 study
    return None


def _first_str(obj: dict[str, Any], keys: Iterable[str]) -> str | None:
    for key in keys:
        val = obj.get(key)
        if isinstance(val, str) and val.strip():
            return val
        if isinstance(val, list) and val and all(isinstance(v, str) for v in val):
            return "\n".join(val)
    return None


def _record_to_document(obj: dict[str, Any], doc_id: str | None, source: str | None,
                        fmt: str, trailing: str = "") -> Document:
    """Turn one JSON record into a Document (Semantic Scholar-like or CT.gov v2)."""
    if _is_ctgov_study(obj):
        return _ctgov_json_to_document(obj, doc_id, source)
    title = _first_str(obj, _JSON_TITLE_KEYS)
    body = _first_str(obj, _JSON_TEXT_KEYS) or _inverted_abstract(obj)
    parts = [p for p in (title, body) if p]
    if trailing:
        parts.append(trailing)
    if not parts:
        return Document.failed(
            doc_id, "empty_document",
            "the JSON record has no text: expected a 'title', 'abstract' or 'text' field", source=source,
        )
    return Document(id=doc_id, format=fmt, text="\n\n".join(parts), title=title, source=source)


# --------------------------------------------------------------------------- ClinicalTrials.gov
#
# A registry record is turned into labelled lines that the extraction rules
# read like a registry page (seeds 003 and d37 show the layouts they know):
# ``Enrollment: 80 (Actual)``, participant-flow rows ``Started 40 40``, and one
# line per outcome measure with its statistical analyses right after it, so
# that each analysis p-value is linked to that measure.
#
# Left out on purpose, because they would mostly add false positives under
# ANNOTATION.md:
# - eligibility criteria: ages, lab thresholds, washout periods and doses of
#   prior or forbidden drugs ("prednisone > 10 mg/day") are neither sample
#   sizes nor doses of the study's intervention;
# - keywords: search terms, not statements; an outcome word there is not a
#   measure the study reports, and the outcome measures are listed anyway;
# - baseline measures (age, sex, race tables) and outcome-measure values:
#   ages, subgroup counts and measured values, not sample sizes; only the
#   participant denominators of baseline and outcome measures are kept;
# - the adverse-event term tables: counts of events or of affected people
#   (not sample sizes, SPEC section 2), at-risk counts that repeat the arm
#   sizes, and hundreds of MedDRA terms; one line says which adverse-event
#   tables the record reports, which names the outcome a reviewer records;
# - free-text comments of analyses (group description, estimate and
#   statistical comments): they state hypotheses, margins and alpha levels
#   ("two-sided alpha of 0.05") that read as p-values; the p-value comment is
#   kept, next to its p-value;
# - design info (allocation, masking): no field the rules extract uses it.

#: Secondary-id types of the API v2 (``secondaryIdInfos[].type``), in words.
_CTGOV_ID_TYPES = {
    "EUDRACT_NUMBER": "EudraCT Number", "CTIS": "EU CT Number", "REGISTRY": "Registry Identifier",
    "NIH": "NIH Grant", "FDA": "FDA", "VA": "VA", "CDC": "CDC", "AHRQ": "AHRQ", "SAMHSA": "SAMHSA",
    "OTHER_GRANT": "Other Grant/Funding Number", "OTHER": "Other Identifier",
}
#: Participant-flow milestones the rules read as table rows (``Started 16 18``).
_FLOW_ROW_LABELS = {"STARTED": "Started", "COMPLETED": "Completed", "NOT COMPLETED": "Not Completed"}
_OUTCOME_KINDS = {"PRIMARY": "Primary", "SECONDARY": "Secondary", "OTHER_PRE_SPECIFIED": "Other Pre-specified",
                  "POST_HOC": "Post-Hoc"}
_COUNT = regex.compile(r"\d{1,7}")
# "<0.001", "= 0.03", "p<.05", "0.016": a comparator and a number; anything else is kept as written.
_P_TEXT = regex.compile(r"(?i)^\s*(?:p\s*(?:-?\s*value)?\s*)?(?P<op><=|>=|≤|≥|<|>|=)?\s*(?P<num>\d*\.?\d+(?:[eE]-?\d+)?)\s*$")


class _Reader:
    """Typed access to one parsed JSON record.

    A field of the wrong type (a list where an object is expected, null, a
    number where text is expected) gives an empty value and a warning; it
    never raises, so every record yields its one output record.
    """

    def __init__(self) -> None:
        self.warnings: list[str] = []

    def _wrong(self, path: str, value: Any, expected: str) -> None:
        if value is not None:
            self.warnings.append(f"ClinicalTrials.gov record: {path} is {_json_type(value)}, expected {expected}; skipped")

    def obj(self, parent: dict[str, Any], key: str, path: str) -> dict[str, Any]:
        val = parent.get(key)
        if isinstance(val, dict):
            return val
        self._wrong(f"{path}.{key}" if path else key, val, "an object")
        return {}

    def objs(self, parent: dict[str, Any], key: str, path: str) -> list[dict[str, Any]]:
        """A list of objects; items of another type are skipped with a warning."""
        val = parent.get(key)
        where = f"{path}.{key}" if path else key
        if not isinstance(val, list):
            self._wrong(where, val, "a list")
            return []
        out = []
        for i, item in enumerate(val):
            if isinstance(item, dict):
                out.append(item)
            else:
                self._wrong(f"{where}[{i}]", item, "an object")
        return out

    def text(self, parent: dict[str, Any], key: str, path: str = "") -> str:
        """A text field; numbers are written as text (v2 writes counts and p-values as strings)."""
        val = parent.get(key)
        if isinstance(val, str):
            return val.strip()
        if isinstance(val, (int, float)) and not isinstance(val, bool):
            return _number_text(val)
        self._wrong(f"{path}.{key}" if path else key, val, "text")
        return ""

    def texts(self, parent: dict[str, Any], key: str, path: str = "") -> list[str]:
        """A list of text values (conditions); a single string counts as a list of one."""
        val = parent.get(key)
        if isinstance(val, str):
            return [val.strip()] if val.strip() else []
        if not isinstance(val, list):
            self._wrong(f"{path}.{key}" if path else key, val, "a list of text")
            return []
        return [v.strip() for v in val if isinstance(v, str) and v.strip()]


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return {dict: "an object", list: "a list", str: "text"}.get(type(value), type(value).__name__)


def _number_text(value: float) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _count(text: str) -> int | None:
    """A participant count written as text ("40", " 40 "), else None."""
    text = text.strip()
    return int(text) if _COUNT.fullmatch(text) else None


def _p_value_text(raw: str) -> str:
    """A registry p-value as the rules read it: "<0.001" -> "P < 0.001", "0.016" -> "P = 0.016"."""
    m = _P_TEXT.match(raw)
    if not m:
        return f"P-value: {_one_line(raw)}"
    op = {"<=": "≤", ">=": "≥"}.get(m.group("op") or "=", m.group("op") or "=")
    return f"P {op} {m.group('num')}"


# Results in a neutral shape, read from either format and written by one renderer.
# A group is (id, title); counts map a group id to a participant count (as text).
_Groups = list[tuple[str, str]]
_Counts = dict[str, str]


@dataclass(slots=True)
class _Analysis:
    """One statistical analysis of an outcome measure (the fields the rules can use)."""

    group_ids: list[str]
    method: str
    param_type: str
    param_value: str
    ci_pct: str
    ci_low: str
    ci_high: str
    p_value: str
    p_comment: str


@dataclass(slots=True)
class _Measure:
    """One outcome measure with results."""

    kind: str
    title: str
    description: str
    time_frame: str
    groups: _Groups
    analyzed: _Counts
    analyses: list[_Analysis]


@dataclass(slots=True)
class _Period:
    """One period of the participant flow: milestone rows and reasons not completed."""

    title: str
    milestones: list[tuple[str, _Counts]]
    reasons: list[tuple[str, _Counts]]


@dataclass(slots=True)
class _Results:
    """A record's results, read from either format."""

    flow_details: list[tuple[str, str]] = field(default_factory=list)
    flow_groups: _Groups = field(default_factory=list)
    periods: list[_Period] = field(default_factory=list)
    baseline_groups: _Groups = field(default_factory=list)
    baseline_counts: _Counts = field(default_factory=dict)
    measures: list[_Measure] = field(default_factory=list)
    #: (the adverse-event tables reported, time frame, description), when the record has the module
    adverse: tuple[list[str], str, str] | None = None


def _protocol_outcome_line(label: str, measure: str, description: str, time_frame: str) -> str:
    line = f"{label}: {measure}"
    if description:
        line += f". {description}"
    return line + (f" [Time Frame: {time_frame}]" if time_frame else "")


def _norm_title(text: str) -> str:
    return " ".join(text.casefold().split())


def _titles(groups: _Groups, ids: Iterable[str]) -> list[str]:
    names = dict(groups)
    return [names.get(g) or g for g in ids]


def _render_results(res: _Results) -> list[str]:
    """The labelled lines of a record's results (see the comment at the top of this section)."""
    lines: list[str] = []
    for label, text in res.flow_details:
        lines.append(f"{label}: {text}")
    for period in res.periods:
        lines.extend(_flow_lines(res.flow_groups, period))
    if res.baseline_counts:
        groups = res.baseline_groups
        # The per-group counts repeat the Started row; the total, when stated, is the new fact.
        total = [(gid, title) for gid, title in groups if title.casefold() == "total"]
        parts = [f"{title} {res.baseline_counts[gid]} participants"
                 for gid, title in (total or groups) if _count(res.baseline_counts.get(gid, "")) is not None]
        if parts:
            lines.append("Baseline Analysis Population: " + "; ".join(parts))
    seen_analyzed: set[str] = set()
    for m in res.measures:
        if not (m.title or m.analyses or m.description):
            continue
        head = f"{m.kind + ' ' if m.kind else ''}Outcome Measure: {m.title or '(title not given)'}"
        lines.append(head + (f" [Time Frame: {m.time_frame}]" if m.time_frame else ""))
        # The analyses come right after the measure's title: its p-values are linked to the
        # outcome the title names (SPEC section 2, p_values[].outcome).
        rendered = [a for a in (_analysis_text(m, a) for a in m.analyses) if a]
        if rendered:
            lines.append(("Statistical Analysis: " if len(rendered) == 1 else "Statistical Analyses: ") + " | ".join(rendered))
        if m.description:
            lines.append(f"Description: {m.description}")
        parts = [f"{title} {m.analyzed[gid]} participants analyzed"
                 for gid, title in m.groups if _count(m.analyzed.get(gid, "")) is not None]
        analyzed = "Participants Analyzed: " + "; ".join(parts)
        if parts and analyzed not in seen_analyzed:  # the same denominators under every measure: said once
            seen_analyzed.add(analyzed)
            lines.append(analyzed)
    if res.adverse is not None:
        tables, time_frame, description = res.adverse
        if tables or time_frame or description:
            line = "Reported Adverse Events" + (f": {'; '.join(tables)}" if tables else "")
            line += f" [Time Frame: {time_frame}]" if time_frame else ""
            lines.append(line + (f". {description}" if description else ""))
    return lines


def _flow_lines(groups: _Groups, period: _Period) -> list[str]:
    """One period of the participant flow as the table rows the rules read (``Started 40 40``)."""
    if not groups:  # no group list: the ids the counts use stand for the groups
        groups = [(gid, gid) for gid in dict.fromkeys(gid for _, counts in period.milestones for gid in counts)]
    ids = [gid for gid, _ in groups]
    head = f"Participant Flow, {period.title or 'Overall Study'}: " + " | ".join(title for _, title in groups)
    rows: dict[str, str] = {}
    other: list[str] = []
    for label, counts in period.milestones:
        values = [_count(counts.get(gid, "")) for gid in ids]
        key = label.upper()
        if ids and key in _FLOW_ROW_LABELS and None not in values and key not in rows:
            rows[key] = f"{_FLOW_ROW_LABELS[key]} " + " ".join(str(v) for v in values)
        else:
            cells = [f"{title} {counts[gid]}" for gid, title in groups if counts.get(gid, "").strip()]
            if cells:
                other.append(f"Milestone {label.title() if label.isupper() else label}: " + ", ".join(cells))
    lines = [head] if ids else []
    if "STARTED" in rows:
        lines.append(rows["STARTED"])
    lines.extend(other)
    if period.reasons:
        cells = []
        for label, counts in period.reasons:
            cells.append(f"{label} (" + " | ".join(counts.get(gid, "").strip() or "-" for gid in ids) + ")")
        # Between the Started and Completed rows on purpose: a count right before a line
        # that starts with "Completed" is read as a completed count.
        lines.append("Reasons Not Completed: " + "; ".join(cells))
    lines.extend(rows[k] for k in ("COMPLETED", "NOT COMPLETED") if k in rows)
    return lines if len(lines) > 1 else []


def _analysis_text(m: _Measure, a: _Analysis) -> str:
    parts: list[str] = []
    measure_ids = [gid for gid, _ in m.groups]
    if a.group_ids and set(a.group_ids) != set(measure_ids):
        parts.append(" vs ".join(_titles(m.groups, a.group_ids)))  # only when not all the measure's groups
    if a.method:
        parts.append(_one_line(a.method))
    if a.param_type or a.param_value:
        est = _one_line(f"{a.param_type} {a.param_value}")
        if a.ci_low and a.ci_high:
            est += f" ({a.ci_pct or '95'}% CI {a.ci_low} to {a.ci_high})"
        parts.append(est)
    if a.p_value:
        p = _p_value_text(a.p_value)
        parts.append(p + (f" ({_one_line(a.p_comment)})" if a.p_comment else ""))
    return ", ".join(parts)


def _ctgov_json_to_document(obj: dict[str, Any], doc_id: str | None, source: str | None) -> Document:
    """ClinicalTrials.gov API v2 JSON: protocol and results as labelled lines.

    Wrong-typed fields are skipped with a warning (see :class:`_Reader`).
    """
    r = _Reader()
    ps = r.obj(obj, "protocolSection", "")
    lines: list[str] = []
    ident = r.obj(ps, "identificationModule", "protocolSection")
    brief, official = r.text(ident, "briefTitle"), r.text(ident, "officialTitle")
    title = official or brief or None
    lines.extend(t for t in dict.fromkeys((brief, official)) if t)
    nct = r.text(ident, "nctId")
    if nct:
        lines.append(f"Registration Number: {nct}")
    org = r.obj(ident, "orgStudyIdInfo", "identificationModule")
    org_id = r.text(org, "id", "orgStudyIdInfo")
    if org_id:
        lines.append(f"Org Study ID: {org_id}")
    if ident.get("secondaryIdInfos") is not None:
        for sec in r.objs(ident, "secondaryIdInfos", "identificationModule"):
            sid = r.text(sec, "id", "secondaryIdInfos")
            if not sid:
                continue
            # The registry's name before the id: the registry rules look for it there (EudraCT).
            kind = sec.get("domain") if isinstance(sec.get("domain"), str) and sec["domain"].strip() else None
            kind = kind or _CTGOV_ID_TYPES.get(str(sec.get("type", "")), "")
            lines.append(f"Secondary ID ({_one_line(kind)}): {sid}" if kind else f"Secondary ID: {sid}")
    if ps.get("conditionsModule") is not None:
        conditions = r.texts(r.obj(ps, "conditionsModule", "protocolSection"), "conditions", "conditionsModule")
        if conditions:
            lines.append("Conditions: " + "; ".join(conditions))
    desc = r.obj(ps, "descriptionModule", "protocolSection")
    for key, label in (("briefSummary", "Brief Summary"), ("detailedDescription", "Detailed Description")):
        txt = r.text(desc, key, "descriptionModule")
        if txt:
            lines.append(f"{label}: {txt}")
    design = r.obj(ps, "designModule", "protocolSection")
    enroll = r.obj(design, "enrollmentInfo", "designModule")
    count = r.text(enroll, "count", "enrollmentInfo")
    if count:
        kind = r.text(enroll, "type", "enrollmentInfo").title()
        lines.append(f"Enrollment: {count}" + (f" ({kind})" if kind else ""))
    arms = r.obj(ps, "armsInterventionsModule", "protocolSection")
    if arms.get("armGroups") is not None:
        for grp in r.objs(arms, "armGroups", "armsInterventionsModule"):
            lines.append(f"Arm: {r.text(grp, 'label', 'armGroups')}: {r.text(grp, 'description', 'armGroups')}".strip())
    if arms.get("interventions") is not None:
        for itv in r.objs(arms, "interventions", "armsInterventionsModule"):
            kind = r.text(itv, "type", "interventions").replace("_", " ").title()  # DIETARY_SUPPLEMENT -> Dietary Supplement
            lines.append(f"Intervention: {kind}: {r.text(itv, 'name', 'interventions')}: "
                         f"{r.text(itv, 'description', 'interventions')}")
    res = _json_results(r, obj) if obj.get("resultsSection") is not None else None
    posted = {_norm_title(m.title) for m in res.measures} if res else set()
    out = r.obj(ps, "outcomesModule", "protocolSection")
    for key, label in (("primaryOutcomes", "Primary Outcome Measure"), ("secondaryOutcomes", "Secondary Outcome Measure"),
                       ("otherOutcomes", "Other Outcome Measure")):
        if out.get(key) is None:
            continue
        for o in r.objs(out, key, "outcomesModule"):
            measure = r.text(o, "measure", key)
            if _norm_title(measure) in posted:
                continue  # said once, with its results, below
            lines.append(_protocol_outcome_line(label, measure, r.text(o, "description", key), r.text(o, "timeFrame", key)))
    if res is not None:
        lines.extend(_render_results(res))
    if not lines:
        why = "; ".join(r.warnings) if r.warnings else "no title, summary, arms or outcome measures"
        return Document.failed(doc_id, "empty_document", f"the ClinicalTrials.gov record has no text fields ({why})", source=source)
    return Document(id=doc_id, format="ctgov_json", text="\n".join(lines), title=title, source=source,
                    warnings=list(dict.fromkeys(r.warnings)))


def _json_groups(r: _Reader, module: dict[str, Any], path: str) -> _Groups:
    groups = []
    for g in r.objs(module, "groups", path):
        gid = r.text(g, "id", f"{path}.groups")
        if gid:
            groups.append((gid, _one_line(r.text(g, "title", f"{path}.groups")) or gid))
    return groups


def _json_counts(r: _Reader, items: list[dict[str, Any]], key: str, path: str) -> _Counts:
    counts: _Counts = {}
    for item in items:
        gid = r.text(item, "groupId", path)
        if gid:
            counts[gid] = r.text(item, key, path)
    return counts


def _json_denoms(r: _Reader, parent: dict[str, Any], path: str) -> _Counts:
    """The participant denominators (``denoms`` whose units are participants)."""
    if parent.get("denoms") is None:
        return {}
    for d in r.objs(parent, "denoms", path):
        units = r.text(d, "units", f"{path}.denoms")
        if units and units.casefold() not in ("participants", "participant"):
            continue  # eyes, knees, lesions: not counts of people
        if d.get("counts") is not None:
            return _json_counts(r, r.objs(d, "counts", f"{path}.denoms"), "value", f"{path}.denoms.counts")
    return {}


def _json_results(r: _Reader, obj: dict[str, Any]) -> _Results:
    res = _Results()
    rs = r.obj(obj, "resultsSection", "")
    if rs.get("participantFlowModule") is not None:
        pf = r.obj(rs, "participantFlowModule", "resultsSection")
        for key, label in (("recruitmentDetails", "Recruitment Details"), ("preAssignmentDetails", "Pre-assignment Details")):
            txt = r.text(pf, key, "participantFlowModule")
            if txt:
                res.flow_details.append((label, _one_line(txt)))
        res.flow_groups = _json_groups(r, pf, "participantFlowModule")
        for per in r.objs(pf, "periods", "participantFlowModule"):
            path = "participantFlowModule.periods"
            milestones = []
            for ms in r.objs(per, "milestones", path):
                label = _one_line(r.text(ms, "type", f"{path}.milestones"))
                if label and ms.get("achievements") is not None:
                    items = r.objs(ms, "achievements", f"{path}.milestones")
                    milestones.append((label, _json_counts(r, items, "numSubjects", f"{path}.milestones.achievements")))
            reasons = []
            for dw in r.objs(per, "dropWithdraws", path):
                label = _one_line(r.text(dw, "type", f"{path}.dropWithdraws"))
                if label and dw.get("reasons") is not None:
                    items = r.objs(dw, "reasons", f"{path}.dropWithdraws")
                    reasons.append((label, _json_counts(r, items, "numSubjects", f"{path}.dropWithdraws.reasons")))
            res.periods.append(_Period(_one_line(r.text(per, "title", path)), milestones, reasons))
    if rs.get("baselineCharacteristicsModule") is not None:
        bl = r.obj(rs, "baselineCharacteristicsModule", "resultsSection")
        res.baseline_groups = _json_groups(r, bl, "baselineCharacteristicsModule")
        res.baseline_counts = _json_denoms(r, bl, "baselineCharacteristicsModule")
    if rs.get("outcomeMeasuresModule") is not None:
        om = r.obj(rs, "outcomeMeasuresModule", "resultsSection")
        path = "outcomeMeasuresModule.outcomeMeasures"
        for m in r.objs(om, "outcomeMeasures", "outcomeMeasuresModule"):
            analyses = []
            for a in r.objs(m, "analyses", path):
                ap = f"{path}.analyses"
                group_ids = r.texts(a, "groupIds", ap)
                analyses.append(_Analysis(
                    group_ids, r.text(a, "statisticalMethod", ap), r.text(a, "paramType", ap), r.text(a, "paramValue", ap),
                    r.text(a, "ciPctValue", ap), r.text(a, "ciLowerLimit", ap), r.text(a, "ciUpperLimit", ap),
                    r.text(a, "pValue", ap), r.text(a, "pValueComment", ap)))
            kind = r.text(m, "type", path)
            res.measures.append(_Measure(
                _OUTCOME_KINDS.get(kind.upper(), kind.title()), _one_line(r.text(m, "title", path)),
                _one_line(r.text(m, "description", path)), _one_line(r.text(m, "timeFrame", path)),
                _json_groups(r, m, path), _json_denoms(r, m, path), analyses))
    if rs.get("adverseEventsModule") is not None:
        ae = r.obj(rs, "adverseEventsModule", "resultsSection")
        tables = [name for key, name in (("seriousEvents", "Serious Adverse Events"),
                                         ("otherEvents", "Other (Not Including Serious) Adverse Events"))
                  if isinstance(ae.get(key), list) and ae[key]]
        res.adverse = (tables, _one_line(r.text(ae, "timeFrame", "adverseEventsModule")),
                       _one_line(r.text(ae, "description", "adverseEventsModule")))
    return res


# --------------------------------------------------------------------------- XML

def _parse_xml(text: str) -> Element:
    # defusedxml refuses entity declarations (billion laughs) and external
    # entities; a plain DOCTYPE with an external DTD id (PubMed's) is allowed
    # but never fetched.
    return SafeET.fromstring(text.encode("utf-8"), forbid_dtd=False, forbid_entities=True, forbid_external=True)


def _read_xml(stripped: str, stem: str | None, source: str | None) -> Iterator[Document]:
    try:
        root = _parse_xml(stripped)
    except DefusedXmlException as exc:
        yield Document.failed(stem, "unsafe_xml", f"the XML declares entities or external references, which are refused: {exc}", source=source)
        return
    except SafeET.ParseError as exc:
        line, col = getattr(exc, "position", (0, 0))
        yield Document.failed(stem, "invalid_xml", f"line {line}, column {col + 1}: {_xml_reason(exc)}", source=source)
        return
    tag = _local(root.tag)
    if tag == "clinical_study":
        yield _ctgov_xml_to_document(root, stem, source)
        return
    if tag in ("PubmedArticle", "PubmedBookArticle"):
        articles = [root]
    else:
        articles = [el for el in root if _local(el.tag) in ("PubmedArticle", "PubmedBookArticle")]
    if not articles:
        yield Document(id=stem, format="xml", text=_all_text(root), source=source,
                       warnings=[f"unknown XML root <{tag}>: read its text content"])
        return
    single = len(articles) == 1
    for n, art in enumerate(articles, 1):
        yield _pubmed_to_document(art, stem if single else None, n, stem, source)


def _xml_reason(exc: Exception) -> str:
    msg = str(exc)
    return msg.split(":")[0] if ": line" in msg else msg


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _all_text(el: Element) -> str:
    return " ".join(t.strip() for t in el.itertext() if t and t.strip())


def _inner_text(el: Element | None) -> str:
    """Text of an element with inline markup (<i>, <sup>) kept as HTML for cleaning."""
    if el is None:
        return ""
    parts: list[str] = [el.text or ""]
    for child in el:
        name = _local(child.tag)
        inner = _inner_text(child)
        if name in ("sup", "sub"):
            parts.append(f"<{name}>{inner}</{name}>")
        else:
            parts.append(inner)
        parts.append(child.tail or "")
    return "".join(parts)


def _find(el: Element, path: str) -> Element | None:
    return el.find(path)


def _pubmed_to_document(art: Element, doc_id: str | None, n: int, stem: str | None, source: str | None) -> Document:
    """One PubmedArticle: title, labelled abstract sections, DataBankList ids."""
    pmid_el = art.find(".//MedlineCitation/PMID")
    if pmid_el is None:
        pmid_el = art.find(".//PMID")
    pmid = (pmid_el.text or "").strip() if pmid_el is not None else ""
    doi = ""
    for el in art.iter():
        if _local(el.tag) in ("ELocationID", "ArticleId") and el.get("EIdType", el.get("IdType")) == "doi":
            doi = (el.text or "").strip()
            break
    if doc_id is None:
        doc_id = pmid or doi or f"{stem}:{n}"
    title_el = art.find(".//ArticleTitle")
    if title_el is None:
        title_el = art.find(".//BookTitle")
    title = _inner_text(title_el).strip() or None
    lines: list[str] = []
    if title:
        lines.append(title)
    abstract = art.find(".//Abstract")
    if abstract is not None:
        for sec in abstract.findall("AbstractText"):
            label = sec.get("Label")
            body = _inner_text(sec).strip()
            lines.append(f"{label.upper()}: {body}" if label else body)
    other = art.findall(".//OtherAbstract")
    for oa in other:
        for sec in oa.findall("AbstractText"):
            lines.append(_inner_text(sec).strip())
    for bank in art.iter("DataBank"):
        name = (bank.findtext("DataBankName") or "").strip()
        for acc in bank.iter("AccessionNumber"):
            if acc.text and acc.text.strip():
                lines.append(f"Trial registration: {name} {acc.text.strip()}".replace("  ", " "))
    if not any(line.strip() for line in lines):
        return Document.failed(doc_id, "empty_document", "the PubMed article has no title or abstract", source=source)
    return Document(id=doc_id, format="pubmed_xml", text="\n".join(lines), title=title, source=source)


def _xml_text(el: Element | None, path: str) -> str:
    return _one_line(el.findtext(path) or "") if el is not None else ""


def _xml_groups(parent: Element | None) -> _Groups:
    if parent is None:
        return []
    groups = []
    for g in parent.findall("group_list/group"):
        gid = (g.get("group_id") or "").strip()
        if gid:
            groups.append((gid, _xml_text(g, "title") or gid))
    return groups


def _xml_counts(parent: Element | None, path: str, attr: str) -> _Counts:
    counts: _Counts = {}
    for c in parent.findall(path) if parent is not None else []:
        gid = (c.get("group_id") or "").strip()
        if gid:
            counts[gid] = (c.get(attr) or "").strip()
    return counts


def _xml_denoms(parent: Element | None) -> _Counts:
    """The participant denominators of ``analyzed_list`` (units of participants only)."""
    for an in parent.findall("analyzed_list/analyzed") if parent is not None else []:
        units = _xml_text(an, "units")
        if units and units.casefold() not in ("participants", "participant"):
            continue
        return _xml_counts(an, "count_list/count", "value")
    return {}


def _xml_results(cr: Element) -> _Results:
    res = _Results()
    pf = cr.find("participant_flow")
    if pf is not None:
        for path, label in (("recruitment_details", "Recruitment Details"), ("pre_assignment_details", "Pre-assignment Details")):
            txt = _xml_text(pf, path)
            if txt:
                res.flow_details.append((label, txt))
        res.flow_groups = _xml_groups(pf)
        for per in pf.findall("period_list/period"):
            milestones = [(_xml_text(ms, "title"), _xml_counts(ms, "participants_list/participants", "count"))
                          for ms in per.findall("milestone_list/milestone") if _xml_text(ms, "title")]
            reasons = [(_xml_text(dw, "title"), _xml_counts(dw, "participants_list/participants", "count"))
                       for dw in per.findall("drop_withdraw_reason_list/drop_withdraw_reason") if _xml_text(dw, "title")]
            res.periods.append(_Period(_xml_text(per, "title"), milestones, reasons))
    bl = cr.find("baseline")
    if bl is not None:
        res.baseline_groups = _xml_groups(bl)
        res.baseline_counts = _xml_denoms(bl)
    for o in cr.findall("outcome_list/outcome"):
        analyses = [
            _Analysis([(g.text or "").strip() for g in a.findall("group_id_list/group_id") if (g.text or "").strip()],
                      _xml_text(a, "method"), _xml_text(a, "param_type"), _xml_text(a, "param_value"),
                      _xml_text(a, "ci_percent"), _xml_text(a, "ci_lower_limit"), _xml_text(a, "ci_upper_limit"),
                      _xml_text(a, "p_value"), _xml_text(a, "p_value_desc"))
            for a in o.findall("analysis_list/analysis")
        ]
        kind = _xml_text(o, "type")
        res.measures.append(_Measure(
            _OUTCOME_KINDS.get(kind.upper().replace(" ", "_").replace("-", "_"), kind), _xml_text(o, "title"),
            _xml_text(o, "description"), _xml_text(o, "time_frame"), _xml_groups(o), _xml_denoms(o.find("measure")),
            analyses))
    ev = cr.find("reported_events")
    if ev is not None:
        tables = [name for path, name in (("serious_events", "Serious Adverse Events"),
                                          ("other_events", "Other (Not Including Serious) Adverse Events"))
                  if ev.find(path) is not None]
        res.adverse = (tables, _xml_text(ev, "time_frame"), _xml_text(ev, "desc"))
    return res


def _ctgov_xml_to_document(root: Element, stem: str | None, source: str | None) -> Document:
    """ClinicalTrials.gov legacy XML (``clinical_study``): protocol and results as labelled lines.

    The same lines as the API v2 reader (see the ClinicalTrials.gov section above).
    """
    lines: list[str] = []
    brief = (root.findtext("brief_title") or "").strip()
    official = (root.findtext("official_title") or "").strip()
    title = official or brief or None
    lines.extend(t for t in dict.fromkeys((brief, official)) if t)
    nct = (root.findtext("id_info/nct_id") or "").strip()
    if nct:
        lines.append(f"Registration Number: {nct}")
    org_id = _xml_text(root, "id_info/org_study_id")
    if org_id:
        lines.append(f"Org Study ID: {org_id}")
    for sec in root.findall("id_info/secondary_id"):
        if sec.text and sec.text.strip():
            lines.append(f"Secondary ID: {sec.text.strip()}")
    conditions = [_one_line(c.text) for c in root.findall("condition") if c.text and c.text.strip()]
    if conditions:
        lines.append("Conditions: " + "; ".join(conditions))
    for path, label in (("brief_summary/textblock", "Brief Summary"), ("detailed_description/textblock", "Detailed Description")):
        txt = root.findtext(path)
        if txt and txt.strip():
            lines.append(f"{label}: {' '.join(txt.split())}")
    enroll = root.find("enrollment")
    if enroll is not None and (enroll.text or "").strip():
        kind = enroll.get("type")
        lines.append(f"Enrollment: {enroll.text.strip()}" + (f" ({kind})" if kind else ""))
    for grp in root.findall("arm_group"):
        lines.append(f"Arm: {grp.findtext('arm_group_label', '').strip()}: {' '.join((grp.findtext('description') or '').split())}")
    for itv in root.findall("intervention"):
        lines.append(
            f"Intervention: {itv.findtext('intervention_type', '').strip()}: {itv.findtext('intervention_name', '').strip()}: "
            f"{' '.join((itv.findtext('description') or '').split())}"
        )
    cr = root.find("clinical_results")
    res = _xml_results(cr) if cr is not None else None
    posted = {_norm_title(m.title) for m in res.measures} if res else set()
    for tag, label in (("primary_outcome", "Primary Outcome Measure"), ("secondary_outcome", "Secondary Outcome Measure"),
                       ("other_outcome", "Other Outcome Measure")):
        for o in root.findall(tag):
            measure = o.findtext("measure", "").strip()
            if _norm_title(measure) in posted:
                continue  # said once, with its results, below
            lines.append(_protocol_outcome_line(label, measure, _xml_text(o, "description"), _xml_text(o, "time_frame")))
    if res is not None:
        lines.extend(_render_results(res))
    if not lines:
        return Document.failed(stem, "empty_document", "the clinical_study record has no text fields", source=source)
    return Document(id=stem, format="ctgov_xml", text="\n".join(lines), title=title, source=source)
