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
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

import regex
from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

from extract.ingest.document import Document

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
    read as such; anything else falls back to latin-1 with a warning. NUL
    bytes in what is not UTF-16 mean binary content.

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
        text = data.decode("latin-1")
        warnings.append(f"not valid UTF-8 (byte {exc.start}); read as latin-1")
    if _control_ratio(text) > 0.05:
        return None, warnings, ("binary_input", "the content is mostly control characters: binary, not a text document")
    return text, warnings, None


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
                doc = _jsonl_line(raw, n, stem, source)
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


def _jsonl_line(raw: bytes, n: int, stem: str, source: str) -> Document:
    fallback = f"{stem}:{n}"
    if len(raw) > MAX_DOCUMENT_CHARS * 4:
        return Document.failed(fallback, "too_large", f"line {n} has {len(raw):,} bytes; the limit for one document is {MAX_DOCUMENT_CHARS:,} characters", source=source)
    warnings: list[str] = []
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        line = raw.decode("latin-1")
        warnings.append(f"line {n} is not valid UTF-8; read as latin-1")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return Document.failed(fallback, "invalid_json", f"line {n}: {_json_error(exc)}", source=source)
    if not isinstance(obj, dict):
        return Document.failed(fallback, "invalid_json", f"line {n}: expected a JSON object, got {type(obj).__name__}", source=source)
    doc = _record_to_document(obj, _record_id(obj) or fallback, source, fmt="jsonl")
    doc.warnings[:0] = warnings
    return doc


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
        for doc in _read_jsonl_lines(text, stem, source):
            doc.id = stem  # a file holding one document is named by its stem (SPEC section 1)
            yield doc
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
        yield _record_to_document(obj, _record_id(obj) or fallback, source, fmt="jsonl")


def _read_json(stripped: str, stem: str | None, source: str | None) -> Iterator[Document]:
    decoder = json.JSONDecoder()
    try:
        obj, end = decoder.raw_decode(stripped)
    except json.JSONDecodeError as exc:
        yield Document.failed(stem, "invalid_json", _json_error(exc), source=source)
        return
    trailing = stripped[end:].strip()
    if isinstance(obj, list):
        records = [r for r in obj if isinstance(r, dict)]
        if len(records) != len(obj):
            yield Document.failed(stem, "invalid_json", "a JSON array must hold objects (records)", source=source)
            return
        if len(records) == 1:
            yield _record_to_document(records[0], stem, source, fmt="json", trailing=trailing)
            return
        if not records:
            yield Document.failed(stem, "empty_document", "the JSON array is empty", source=source)
            return
        for n, rec in enumerate(records, 1):
            yield _record_to_document(rec, _record_id(rec) or f"{stem}:{n}", source, fmt="json")
        return
    if not isinstance(obj, dict):
        yield Document.failed(stem, "invalid_json", f"expected a JSON object, got {type(obj).__name__}", source=source)
        return
    yield _record_to_document(obj, stem, source, fmt="json", trailing=trailing)


def _record_id(obj: dict[str, Any]) -> str | None:
    for key in ("id", "pmid", "PMID", "doi", "DOI"):
        val = obj.get(key)
        if isinstance(val, (str, int)) and str(val).strip():
            return str(val).strip()
    ident = obj.get("protocolSection", {}).get("identificationModule", {}) if isinstance(obj.get("protocolSection"), dict) else {}
    if isinstance(ident, dict) and ident.get("nctId"):
        return str(ident["nctId"])
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
    if isinstance(obj.get("protocolSection"), dict):
        return _ctgov_json_to_document(obj, doc_id, source)
    title = _first_str(obj, _JSON_TITLE_KEYS)
    body = _first_str(obj, _JSON_TEXT_KEYS)
    parts = [p for p in (title, body) if p]
    if trailing:
        parts.append(trailing)
    if not parts:
        return Document.failed(
            doc_id, "empty_document",
            "the JSON record has no text: expected a 'title', 'abstract' or 'text' field", source=source,
        )
    return Document(id=doc_id, format=fmt, text="\n\n".join(parts), title=title, source=source)


def _ctgov_json_to_document(obj: dict[str, Any], doc_id: str | None, source: str | None) -> Document:
    """ClinicalTrials.gov API v2 JSON: the protocol's text fields as labelled lines."""
    ps = obj["protocolSection"]
    lines: list[str] = []
    ident = ps.get("identificationModule", {})
    title = ident.get("officialTitle") or ident.get("briefTitle")
    for key in ("briefTitle", "officialTitle"):
        if ident.get(key):
            lines.append(str(ident[key]))
    if ident.get("nctId"):
        lines.append(f"Registration Number: {ident['nctId']}")
    for sec in ident.get("secondaryIdInfos", []) or []:
        if isinstance(sec, dict) and sec.get("id"):
            lines.append(f"Secondary ID: {sec['id']}")
    desc = ps.get("descriptionModule", {})
    for key, label in (("briefSummary", "Brief Summary"), ("detailedDescription", "Detailed Description")):
        if desc.get(key):
            lines.append(f"{label}: {desc[key]}")
    design = ps.get("designModule", {})
    enroll = design.get("enrollmentInfo") or {}
    if isinstance(enroll, dict) and enroll.get("count") is not None:
        kind = str(enroll.get("type", "")).title()
        lines.append(f"Enrollment: {enroll['count']}" + (f" ({kind})" if kind else ""))
    arms = ps.get("armsInterventionsModule", {})
    for grp in arms.get("armGroups", []) or []:
        if isinstance(grp, dict):
            lines.append(f"Arm: {grp.get('label', '')}: {grp.get('description', '')}".strip())
    for itv in arms.get("interventions", []) or []:
        if isinstance(itv, dict):
            lines.append(f"Intervention: {itv.get('type', '')}: {itv.get('name', '')}: {itv.get('description', '')}")
    out = ps.get("outcomesModule", {})
    for key, label in (("primaryOutcomes", "Primary Outcome Measure"), ("secondaryOutcomes", "Secondary Outcome Measure")):
        for o in out.get(key, []) or []:
            if isinstance(o, dict):
                lines.append(f"{label}: {o.get('measure', '')}. {o.get('description', '')} [Time Frame: {o.get('timeFrame', '')}]")
    if not lines:
        return Document.failed(doc_id, "empty_document", "the ClinicalTrials.gov record has no text fields", source=source)
    return Document(id=doc_id, format="ctgov_json", text="\n".join(lines), title=title, source=source)


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


def _ctgov_xml_to_document(root: Element, stem: str | None, source: str | None) -> Document:
    """ClinicalTrials.gov legacy XML (``clinical_study``) as labelled lines."""
    lines: list[str] = []
    brief = (root.findtext("brief_title") or "").strip()
    official = (root.findtext("official_title") or "").strip()
    title = official or brief or None
    for t in (brief, official):
        if t:
            lines.append(t)
    nct = (root.findtext("id_info/nct_id") or "").strip()
    if nct:
        lines.append(f"Registration Number: {nct}")
    for sec in root.findall("id_info/secondary_id"):
        if sec.text and sec.text.strip():
            lines.append(f"Secondary ID: {sec.text.strip()}")
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
    for tag, label in (("primary_outcome", "Primary Outcome Measure"), ("secondary_outcome", "Secondary Outcome Measure")):
        for o in root.findall(tag):
            lines.append(
                f"{label}: {o.findtext('measure', '').strip()}. {' '.join((o.findtext('description') or '').split())} "
                f"[Time Frame: {o.findtext('time_frame', '').strip()}]"
            )
    if not lines:
        return Document.failed(stem, "empty_document", "the clinical_study record has no text fields", source=source)
    return Document(id=stem, format="ctgov_xml", text="\n".join(lines), title=title, source=source)
