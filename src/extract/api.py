"""The library API behind ``extract.extract`` and friends.

One document flows: ingest -> clean -> language segmentation -> spaCy
pipeline -> serialize. Any failure of one document becomes that document's
error record; nothing here raises for bad input.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from spacy.language import Language

from extract.ingest.clean import clean
from extract.ingest.document import Document
from extract.ingest.formats import MAX_DOCUMENT_CHARS, read_path, read_text
from extract.ingest.language import languages, segment
from extract.models import TrialRecord
from extract.pipeline import build_pipeline
from extract.serialize import doc_to_record

#: Documents per spaCy batch in :func:`extract_documents`.
BATCH_SIZE = 64

#: Documents the shared pipeline reads before a fresh one replaces it.
#: spaCy's vocabulary keeps every distinct string it has ever tokenized, so
#: one pipeline over a PubMed baseline would grow without bound (measured:
#: +23 MiB per 1,000 abstracts that each bring 40 unseen strings). A rebuild
#: costs about 0.3 s, under 1 % of the time of this many documents.
REFRESH_EVERY = 5_000


class _SharedPipeline:
    """The process's pipeline: built on first use, replaced after
    :data:`REFRESH_EVERY` documents. A caller still holding the old one can
    go on using it; nothing in it is changed."""

    def __init__(self) -> None:
        self._nlp: Language | None = None
        self._used = 0
        self._lock = threading.Lock()  # the service calls in from threads

    def get(self, documents: int = 0) -> Language:
        """The current pipeline, counting ``documents`` more read with it."""
        with self._lock:
            if self._nlp is None or self._used >= REFRESH_EVERY:
                self._nlp = build_pipeline()
                self._used = 0
            self._used += documents
            return self._nlp

    @property
    def loaded(self) -> bool:
        return self._nlp is not None


_SHARED = _SharedPipeline()


def load_pipeline() -> Language:
    """The shared pipeline, built on first use (see :data:`REFRESH_EVERY`)."""
    return _SHARED.get()


def pipeline_loaded() -> bool:
    """True once the shared pipeline has been built in this process."""
    return _SHARED.loaded


def _prepare(document: Document) -> tuple[str, dict] | TrialRecord:
    """Clean one read document; an error record when there is nothing to run."""
    if document.error is not None:
        return TrialRecord.failure(document.id, *document.error)
    cleaned = clean(document.text, title_hint=document.title)
    segs = segment(cleaned.text)
    ctx = {
        "id": document.id,
        "segments": segs,
        "languages": languages(segs),
        "title": cleaned.title,
        "warnings": list(document.warnings) + cleaned.warnings,
    }
    if not cleaned.text.strip():
        ctx["warnings"].append("no text left after setting page furniture aside")
    return cleaned.text, ctx


def extract_documents(documents: Iterable[Document], with_text: bool = False,
                      nlp: Language | None = None) -> Iterator[TrialRecord]:
    """Process read documents in order, streaming, one record per document."""
    own = nlp
    it = iter(documents)
    while True:
        batch = list(islice(it, BATCH_SIZE))
        if not batch:
            return
        prepared: list[tuple[str, dict] | TrialRecord] = []
        for document in batch:
            try:
                prepared.append(_prepare(document))
            except Exception as exc:  # one bad document must not stop the batch
                prepared.append(TrialRecord.failure(document.id, "internal_error", f"cleaning failed: {type(exc).__name__}: {exc}"))
        todo = [(p[0], p[1]) for p in prepared if not isinstance(p, TrialRecord)]
        nlp = own or _SHARED.get(len(todo))
        results: list[TrialRecord] = []
        try:
            # A generator: each Doc is made as spaCy reaches it, so one batch's
            # Docs are not all alive at once (~20 MiB of peak RSS).
            docs = ((_make_doc(nlp, text), ctx) for text, ctx in todo)
            results = [_to_record(doc, ctx, with_text) for doc, ctx in nlp.pipe(docs, as_tuples=True)]
        except Exception:
            # Find the failing document(s) one by one so the others still come out.
            results = [_run_one(nlp, text, ctx, with_text) for text, ctx in todo]
        done = iter(results)
        for p in prepared:
            yield p if isinstance(p, TrialRecord) else next(done)


def _make_doc(nlp: Language, text: str):
    """Tokenize ``text``, keeping it as the Doc's text.

    spaCy's tokenization is non-destructive, so ``doc.text == text``; keeping
    the string saves the components one rebuild of ``doc.text`` from every
    token (see :func:`extract.extensions.doc_text`).
    """
    doc = nlp.make_doc(text)
    doc.user_data["trial_text"] = text
    return doc


def _set_context(doc, ctx: dict) -> None:
    doc._.trial_id = ctx["id"]
    doc._.segments = ctx["segments"]
    doc._.languages = ctx["languages"]
    doc._.title = ctx["title"]
    doc._.trial_warnings = ctx["warnings"]


def _to_record(doc, ctx: dict, with_text: bool) -> TrialRecord:
    _set_context(doc, ctx)
    return doc_to_record(doc, with_text=with_text)


def _run_one(nlp: Language, text: str, ctx: dict, with_text: bool) -> TrialRecord:
    try:
        return _to_record(nlp(_make_doc(nlp, text)), ctx, with_text)
    except Exception as exc:
        return TrialRecord.failure(ctx["id"], "internal_error", f"extraction failed: {type(exc).__name__}: {exc}")


def extract(text: str, id: str | None = None, with_text: bool = False) -> TrialRecord:  # noqa: A002
    """Extract one document given as a string (any supported format: text, HTML, JSON, XML).

    A string that holds several records (JSON Lines, a PubMed set) gives the
    first record's result; use :func:`extract_many` for batches.
    """
    if not isinstance(text, str):
        return TrialRecord.failure(id, "unsupported_format", f"expected a string, got {type(text).__name__}")
    docs = list(read_text(text, stem=id))
    if len(docs) > 1:
        docs[0].warnings.append(f"the input holds {len(docs)} documents; only the first was extracted")
    for document in docs[:1]:
        if len(docs) > 1 or id is not None:
            document.id = id if id is not None else document.id
        return next(extract_documents([document], with_text=with_text))
    return TrialRecord.failure(id, "empty_document", "the document is empty or only whitespace")


def extract_file(path: str | os.PathLike[str], with_text: bool = False) -> list[TrialRecord]:
    """Extract every document in a file or directory (one record each)."""
    return list(extract_documents(read_path(path), with_text=with_text))


def extract_many(items: Iterable[str | tuple[str | None, str] | os.PathLike[str] | Document],
                 with_text: bool = False) -> Iterator[TrialRecord]:
    """Stream records for many inputs.

    Each item is a text, an ``(id, text)`` pair, a :class:`pathlib.Path` (all
    its documents) or a read :class:`Document`. Output order is input order.
    """
    def documents() -> Iterator[Document]:
        for n, item in enumerate(items, 1):
            if isinstance(item, Document):
                yield item
            elif isinstance(item, Path):
                yield from read_path(item)
            elif isinstance(item, tuple) and len(item) == 2:
                doc_id, text = item
                yield from _from_string(text, doc_id)
            elif isinstance(item, str):
                yield from _from_string(item, None)
            else:
                yield Document.failed(None, "unsupported_format", f"item {n}: expected str, (id, text), Path or Document, got {type(item).__name__}")

    return extract_documents(documents(), with_text=with_text)


def _from_string(text: object, doc_id: str | None) -> Iterator[Document]:
    if not isinstance(text, str):
        yield Document.failed(doc_id, "unsupported_format", f"expected text, got {type(text).__name__}")
        return
    if len(text) > MAX_DOCUMENT_CHARS * 20:
        yield Document.failed(doc_id, "too_large", f"the input has {len(text):,} characters")
        return
    for document in read_text(text, stem=doc_id):
        yield document
