"""The HTTP service: a thin FastAPI layer over :func:`extract.api.extract`.

Endpoints::

    POST /extract        one document -> one SPEC record (JSON)
    POST /extract/batch  JSON Lines in -> JSON Lines out, one record per non-blank line
    GET  /health         liveness and whether the pipeline is loaded
    GET  /               the review page (static/review.html); /?demo=1 runs a built-in example
    GET  /docs           OpenAPI documentation (FastAPI's Swagger UI)

The document a request carries can be a plain-text body (``text/*``, XML,
``application/octet-stream``, gzip), a JSON record (``application/json``) or a
form (``multipart/form-data`` with an uploaded ``file`` part, or a ``text``
field; ``application/x-www-form-urlencoded`` with a ``text`` field). Whatever
the format, the extractor sniffs it as ``extract run`` does.

Status codes:

* 200: the record (or, for a batch, the JSON Lines; a bad line is an error
  record on its line, never a failed request).
* 413 ``too_large``: the request body exceeds ``max_bytes`` (checked while the
  body streams in, before anything is parsed), or the document exceeds
  ``MAX_DOCUMENT_CHARS``.
* 415 ``unsupported_media_type``: e.g. ``image/png``, ``application/pdf``, also
  for an uploaded file of such a type.
* 422: the single document of ``POST /extract`` could not be read
  (``invalid_json``, ``invalid_xml``, ``unsafe_xml``, ``binary_input``,
  ``empty_document``, ``unreadable``); the body is the SPEC error record, so
  the client parses one shape either way. Also 422 ``invalid_request`` for a
  malformed query parameter or form, and 422 with ``{"error": ...}`` for a
  batch body that is empty or binary as a whole (``empty_document``,
  ``binary_input``).
* 504 ``timeout``: the request took longer than ``timeout`` seconds.

Request-level errors (413, 415, 504, 404, 405, ``invalid_request``) have the
body ``{"error": {"type": ..., "message": ...}}``; a document-level error is a
full error record, which has the same ``error`` member.

Extraction runs in one worker thread per app: spaCy work is CPU-bound under
the GIL, so more threads would not go faster, and one thread never shares the
pipeline between concurrent calls. To use more cores, ``serve(workers=N)``
(``extract serve --workers N``) runs N processes, each with its own app and
pipeline, behind one listening socket (uvicorn's process manager). Requests wait their turn inside their time
limit; a request still queued when its time runs out is dropped. Python cannot
stop a running thread, so a single document that overruns keeps the worker
busy until it finishes; a batch that overruns stops at its next record (at
worst after the spaCy batch of 64 documents in progress).
"""

from __future__ import annotations

import asyncio
import codecs
import ipaddress
import json
import logging
import os
import threading
import zlib
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from extract import __version__
from extract.api import extract, extract_many, load_pipeline, pipeline_loaded
from extract.ingest.formats import MAX_DOCUMENT_CHARS, decode_bytes, file_stem, read_text
from extract.models import ErrorInfo, TrialRecord
from extract.serialize import record_to_json

log = logging.getLogger("extract.service")

STATIC_DIR = Path(__file__).parent / "static"

#: Status of a ``POST /extract`` response whose record carries this error type;
#: any other error type (a document that could not be read) is 422.
ERROR_STATUS = {"too_large": 413, "internal_error": 500}

#: Headers of the review page and its assets: nothing may load from elsewhere.
PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

_GZIP_TYPES = {"application/gzip", "application/x-gzip"}
_TEXT_TYPES = {
    "", "application/octet-stream", "application/xml", "application/x-ndjson", "application/jsonl",
    "application/json-lines", "application/jsonlines",
}
_HTTP_ERROR_TYPES = {404: "not_found", 405: "method_not_allowed", 400: "invalid_request"}

T = TypeVar("T")


class ErrorResponse(BaseModel):
    """A request-level error (413, 415, 422 ``invalid_request``, 504)."""

    error: ErrorInfo


class Health(BaseModel):
    """``GET /health``."""

    status: str
    version: str
    pipeline_loaded: bool


class RequestError(Exception):
    """A request that cannot be served; becomes ``{"error": ...}`` with ``status``."""

    def __init__(self, status: int, type_: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.type = type_
        self.message = message


def _error(status: int, type_: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"type": type_, "message": message}}, status_code=status, headers=headers)


# --------------------------------------------------------------------------- body size

class BodyLimit:
    """ASGI middleware: refuse a request body over ``max_bytes`` with 413.

    A declared Content-Length is checked before reading; a chunked body is
    counted as it streams in. The excess is read and discarded (up to a
    bound) before answering, so the client is not reset mid-upload and can
    read the 413.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.drain_limit = max(16 * max_bytes, 64 * 1024 * 1024)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        limit = f"{self.max_bytes:,}"
        if declared is not None and declared > self.max_bytes:
            if declared <= self.drain_limit:
                await self._drain(receive, 0)
            msg = f"the request body is {declared:,} bytes; the limit is {limit} (split the input, or use `extract run`)"
            await _error(413, "too_large", msg, {"Connection": "close"})(scope, receive, send)
            return
        chunks: list[bytes] = []
        total = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            total += len(chunk)
            more = message.get("more_body", False)
            if total > self.max_bytes:
                if more:
                    await self._drain(receive, total)
                msg = f"the request body has more than {limit} bytes, the limit (split the input, or use `extract run`)"
                await _error(413, "too_large", msg, {"Connection": "close"})(scope, receive, send)
                return
            chunks.append(chunk)
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _drain(self, receive: Receive, seen: int) -> None:
        while seen <= self.drain_limit:
            message = await receive()
            if message["type"] != "http.request":
                return
            seen += len(message.get("body", b""))
            if not message.get("more_body", False):
                return


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


# --------------------------------------------------------------------------- reading the body

@dataclass(slots=True)
class Payload:
    """The raw document of a request: bytes plus what the request said about them."""

    data: bytes
    kind: str  # "text", "json" (declared application/json) or "gzip"
    charset: str | None = None
    filename: str | None = None


def _media_type(content_type: str) -> tuple[str, str | None]:
    """``(media type, charset)`` of a Content-Type header, lower-cased."""
    parts = [p.strip() for p in content_type.split(";")]
    charset = None
    for p in parts[1:]:
        key, _, val = p.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip('"')
    return parts[0].lower(), charset


def _kind(media: str) -> str | None:
    """How to read a body of this media type; None when it is not a document."""
    if media == "application/json" or media.endswith("+json"):
        return "json"
    if media in _GZIP_TYPES:
        return "gzip"
    if media.startswith("text/") or media in _TEXT_TYPES or media.endswith("+xml"):
        return "text"
    return None


def _unsupported(media: str, where: str = "request body") -> RequestError:
    return RequestError(
        415, "unsupported_media_type",
        f"the {where} is {media}; send a document as text/plain (text, HTML, XML), application/json "
        "(a JSON record), or as a form: multipart/form-data with a 'file' part or a 'text' field",
    )


async def read_payload(request: Request) -> Payload:
    """The request's document, from a plain body, a JSON body or a multipart upload.

    Raises:
        RequestError: 415 for a media type that is not a document, 422 for a
            malformed multipart body.
    """
    media, charset = _media_type(request.headers.get("content-type", ""))
    if media in ("multipart/form-data", "application/x-www-form-urlencoded"):
        return await _read_form(request)
    kind = _kind(media)
    if kind is None:
        raise _unsupported(media)
    return Payload(await request.body(), kind, charset)


async def _read_form(request: Request) -> Payload:
    try:
        form = await request.form(max_files=1, max_fields=8, max_part_size=MAX_DOCUMENT_CHARS)
    except Exception as exc:  # starlette reports parse failures as HTTPException(400)
        detail = getattr(exc, "detail", None) or str(exc) or type(exc).__name__
        raise RequestError(422, "invalid_request", f"unreadable form body: {detail}") from exc
    try:
        upload = form.get("file")
        if isinstance(upload, UploadFile):
            media, charset = _media_type(upload.content_type or "")
            kind = _kind(media)
            if kind is None:
                raise _unsupported(media or "untyped", f"uploaded file {upload.filename!r}" if upload.filename else "uploaded file")
            data = await upload.read()
            if kind == "text" and (upload.filename or "").endswith(".gz"):
                kind = "gzip"
            return Payload(data, kind, charset, filename=upload.filename)
        text = form.get("text")
        if isinstance(text, str):
            return Payload(text.encode("utf-8"), "text", "utf-8")
        raise RequestError(422, "invalid_request", "the form has neither a 'file' part nor a 'text' field")
    finally:
        await form.close()


def _gunzip(data: bytes, limit: int) -> bytes:
    # Bounded steps: a gzip bomb must not exhaust memory.
    d = zlib.decompressobj(wbits=31)
    out = d.decompress(data, limit)
    if d.unconsumed_tail:
        raise ValueError(f"the decompressed document exceeds {limit:,} bytes")
    if not d.eof:
        raise ValueError("the compressed stream is truncated")
    return out


def decode_payload(payload: Payload) -> tuple[str | None, list[str], tuple[str, str] | None]:
    """Bytes to text as ``extract run`` reads a file; ``(text, warnings, error)``.

    An explicit, non-UTF charset in the Content-Type is honoured; otherwise the
    bytes are sniffed (UTF-8, UTF-16, Windows-1252 fallback, NUL means binary).
    """
    data = payload.data
    if payload.kind == "gzip" or data[:2] == b"\x1f\x8b":
        try:
            data = _gunzip(data, 4 * MAX_DOCUMENT_CHARS)
        except (ValueError, zlib.error) as exc:
            return None, [], ("unreadable", f"not a readable gzip stream: {exc}")
    if payload.charset:
        try:
            name = codecs.lookup(payload.charset).name
        except LookupError:
            return None, [], ("unreadable", f"unknown charset {payload.charset!r} in the Content-Type")
        if name not in ("utf-8", "ascii", "utf-8-sig"):
            try:
                return data.decode(name), [], None
            except UnicodeDecodeError as exc:
                return None, [], ("unreadable", f"the body is not valid {name}: byte {exc.start}: {exc.reason}")
    return decode_bytes(data)


def _json_error(text: str) -> str | None:
    """Why a body declared as JSON is not a JSON record (or array of records), else None.

    Checked here rather than left to format sniffing: a declared JSON body must
    be JSON, even where the same text would pass for plain text.
    """
    try:
        value, _end = json.JSONDecoder().raw_decode(text.strip())  # text may follow, as in a file
    except json.JSONDecodeError as exc:
        return f"line {exc.lineno}, column {exc.colno}: {exc.msg}"
    if isinstance(value, list):
        return None if all(isinstance(v, dict) for v in value) else "a JSON array must hold objects (records)"
    if not isinstance(value, dict):
        return f"expected a JSON object (a record), got {type(value).__name__}"
    return None


def _json_record_id(text: str) -> str | None:
    """The ``id`` (else ``pmid``, else ``doi``) of a JSON record body, as batch lines are named."""
    try:
        obj, _ = json.JSONDecoder().raw_decode(text.strip())
    except ValueError:
        return None
    if not isinstance(obj, dict):
        return None
    for key in ("id", "pmid", "PMID", "doi", "DOI"):
        val = obj.get(key)
        if isinstance(val, (str, int)) and not isinstance(val, bool) and str(val).strip():
            return str(val).strip()
    return None


# --------------------------------------------------------------------------- the work (worker thread)

def extract_payload(payload: Payload, doc_id: str | None, with_text: bool) -> TrialRecord:
    """One request's document to its record. Never raises for bad input."""
    if doc_id is None and payload.filename:
        doc_id = file_stem(Path(payload.filename))
    text, warnings, error = decode_payload(payload)
    if error is not None:
        return TrialRecord.failure(doc_id, *error)
    assert text is not None
    if payload.kind == "json" and text.strip():
        problem = _json_error(text)
        if problem is not None:
            return TrialRecord.failure(doc_id, "invalid_json", problem)
    if doc_id is None and text.lstrip().startswith("{"):
        doc_id = _json_record_id(text)
    record = extract(text, id=doc_id, with_text=with_text)
    record.warnings[:0] = warnings
    return record


def extract_batch(payload: Payload, stem: str, cancelled: threading.Event) -> list[str] | tuple[str, str]:
    """JSON Lines to output lines (one per non-blank input line), or a body-level ``(type, message)``."""
    text, warnings, error = decode_payload(payload)
    if error is not None:
        return error
    assert text is not None
    if not text.strip():
        return ("empty_document", "the batch is empty: send one JSON record per line")
    documents = read_text(text, stem=stem, suffix=".jsonl")
    lines: list[str] = []
    for record in extract_many(documents):
        if cancelled.is_set():  # the request timed out: stop instead of finishing unseen work
            break
        record.warnings[:0] = warnings  # how the body was decoded concerns every line
        lines.append(record_to_json(record))
    return lines


# --------------------------------------------------------------------------- the app

def create_app(max_bytes: int = 5_000_000, timeout: float = 30.0) -> FastAPI:
    """Build the service.

    Args:
        max_bytes: largest request body accepted; larger gets 413.
        timeout: seconds one request may take, queueing included; longer gets 504.
    """
    worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="extract-worker")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Load the pipeline before the port opens, in the worker thread that will use it.
        await asyncio.get_running_loop().run_in_executor(worker, load_pipeline)
        yield
        worker.shutdown(wait=False, cancel_futures=True)

    app = FastAPI(
        title="trial-extract",
        version=__version__,
        summary="Rule-based extraction of clinical-trial facts: doses, routes, sample sizes, outcomes, p-values, registry ids.",
        lifespan=lifespan,
    )
    app.add_middleware(BodyLimit, max_bytes=max_bytes)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    async def run(fn: Callable[[threading.Event], T]) -> T:
        """Run ``fn`` in the worker thread within the request's time limit."""
        cancelled = threading.Event()
        future = asyncio.get_running_loop().run_in_executor(worker, fn, cancelled)
        try:
            return await asyncio.wait_for(future, timeout)
        except asyncio.TimeoutError:
            cancelled.set()
            raise RequestError(
                504, "timeout",
                f"extraction took longer than the {timeout:g} s limit; send smaller documents or fewer lines per batch",
            ) from None

    @app.exception_handler(RequestError)
    async def _request_error(request: Request, exc: RequestError) -> JSONResponse:
        return _error(exc.status, exc.type, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', 'invalid')}" for e in exc.errors()
        )
        return _error(422, "invalid_request", problems or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        type_ = _HTTP_ERROR_TYPES.get(exc.status_code, "http_error")
        return _error(exc.status_code, type_, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _internal_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return _error(500, "internal_error", f"{type(exc).__name__}: {exc}")

    document_body = {
        "required": True,
        "content": {
            "text/plain": {"schema": {"type": "string"}, "example": "48 patients received 1 × 10^6 cells/kg intrathecally; FVC fell less (p < 0.001). NCT02116634"},
            "application/json": {"schema": {"type": "object"}, "example": {"id": "doc1", "title": "...", "abstract": "..."}},
            "multipart/form-data": {
                "schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}, "text": {"type": "string"}}},
            },
        },
    }
    error_responses: dict[int | str, dict[str, Any]] = {
        413: {"model": ErrorResponse, "description": "body over the size limit (`too_large`)"},
        415: {"model": ErrorResponse, "description": "not a document (`unsupported_media_type`)"},
        504: {"model": ErrorResponse, "description": "over the time limit (`timeout`)"},
    }

    @app.post(
        "/extract",
        response_model=TrialRecord,
        summary="Extract one document",
        openapi_extra={"requestBody": document_body},
        responses={
            422: {"model": TrialRecord, "description": "the document could not be read: the SPEC error record "
                  "(invalid_json, invalid_xml, unsafe_xml, binary_input, empty_document, unreadable)"},
            **error_responses,
        },
    )
    async def extract_one(
        request: Request,
        with_text: bool = Query(False, description="include the cleaned `text` the offsets refer to"),
        id: str | None = Query(None, description="the document id (default: the uploaded file's stem, the JSON record's id, else null)"),  # noqa: A002
    ) -> Response:
        """One document in any supported format -> the SPEC record, as one line of `extract run`."""
        payload = await read_payload(request)
        record = await run(lambda _cancelled: extract_payload(payload, id, with_text))
        status = 200 if record.error is None else ERROR_STATUS.get(record.error.type, 422)
        return Response(record_to_json(record), status_code=status, media_type="application/json")

    @app.post(
        "/extract/batch",
        summary="Extract a batch given as JSON Lines",
        openapi_extra={"requestBody": {
            "required": True,
            "content": {
                "application/x-ndjson": {"schema": {"type": "string"}, "example": '{"id": "a", "text": "P = 0.03"}\n{"id": "b", "text": "NCT02116634"}\n'},
                "multipart/form-data": {"schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}},
            },
        }},
        responses={
            200: {"content": {"application/x-ndjson": {}}, "description": "one record per non-blank input line, in input order; a bad line is an error record"},
            422: {"model": ErrorResponse, "description": "the body as a whole is empty or binary"},
            **error_responses,
        },
    )
    async def extract_batch_endpoint(
        request: Request,
        id: str | None = Query(None, description="name of the batch: a line without its own id gets NAME:N (default line:N)"),  # noqa: A002
    ) -> Response:
        """JSON Lines (one record per line, e.g. `{"id": ..., "text": ...}`) -> JSON Lines of SPEC records."""
        payload = await read_payload(request)
        stem = id or "line"
        result = await run(lambda cancelled: extract_batch(payload, stem, cancelled))
        if isinstance(result, tuple):
            raise RequestError(422, *result)
        return Response("".join(line + "\n" for line in result), media_type="application/x-ndjson")

    @app.get("/health", response_model=Health, summary="Liveness")
    async def health() -> Health:
        """Answers while extraction is busy: it never waits for the worker."""
        return Health(status="ok", version=__version__, pipeline_loaded=pipeline_loaded())

    page = (STATIC_DIR / "review.html").read_text(encoding="utf-8")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def review_page() -> HTMLResponse:
        return HTMLResponse(page, headers=PAGE_HEADERS)

    return app


#: Settings handed to the worker processes of ``serve(workers=N)``.
_ENV_MAX_BYTES = "TRIAL_EXTRACT_SERVE_MAX_BYTES"
_ENV_TIMEOUT = "TRIAL_EXTRACT_SERVE_TIMEOUT"


def app_from_environment() -> FastAPI:
    """The app of one worker process of ``serve(workers=N)``, its limits read
    from the environment the parent set (uvicorn imports this by name)."""
    return create_app(max_bytes=int(os.environ.get(_ENV_MAX_BYTES, "5000000")),
                      timeout=float(os.environ.get(_ENV_TIMEOUT, "30")))


def serve(host: str = "127.0.0.1", port: int = 8000, max_bytes: int = 5_000_000, timeout: float = 30.0,
          workers: int = 1) -> int:
    """Run the service with uvicorn until interrupted; the exit status (2: could not start).

    The pipeline is loaded once per process, at start-up, before the port
    opens. With ``workers`` > 1, uvicorn runs that many processes behind one
    socket (each ~150 MiB) and restarts one that dies. There is no
    authentication: bind to another address than loopback only behind
    something that provides it.
    """
    import uvicorn

    if not _is_loopback(host):
        log.warning("binding to %s: the service has no authentication and will answer anyone who can reach it", host)
    if workers > 1:
        os.environ[_ENV_MAX_BYTES] = str(max_bytes)
        os.environ[_ENV_TIMEOUT] = repr(timeout)
        try:
            uvicorn.run("extract.service:app_from_environment", factory=True, workers=workers, host=host,
                        port=port, log_level="info", timeout_graceful_shutdown=5)
        except SystemExit as exc:
            return 0 if exc.code in (0, None) else 2
        return 0
    config = uvicorn.Config(create_app(max_bytes=max_bytes, timeout=timeout), host=host, port=port,
                            log_level="info", timeout_graceful_shutdown=5)
    server = uvicorn.Server(config)
    try:
        server.run()
    except SystemExit as exc:  # uvicorn exits (after logging why) when it cannot start or bind
        return 0 if exc.code in (0, None) else 2
    return 0 if server.started else 2


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


__all__ = ["ErrorResponse", "Health", "create_app", "serve"]
