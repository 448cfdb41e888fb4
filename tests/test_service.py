"""The HTTP service: every endpoint and status code, in process and on a real socket."""

from __future__ import annotations

import gzip
import inspect
import json
import socket
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

import extract.service as service
from extract.cli import build_parser
from extract.models import TrialRecord
from extract.service import create_app, serve

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_b5a3d23ea323b22b.txt"
MAX_BYTES = 200_000
GOOD = "Forty-eight patients were randomized. FVC declined less (p < 0.001). Registered as NCT02116634."

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>&lol2;</ArticleTitle>
</Article></MedlineCitation></PubmedArticle></PubmedArticleSet>"""


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(max_bytes=MAX_BYTES)) as c:  # runs start-up: the pipeline loads once
        yield c


def _ndjson(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


# --------------------------------------------------------------------------- POST /extract: 200

def test_plain_text_gives_the_spec_record(client: TestClient) -> None:
    r = client.post("/extract", content=GOOD, headers={"Content-Type": "text/plain; charset=utf-8"})
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/json"
    rec = r.json()
    # The shape of an `extract run` line: no `text` unless asked, no `error` on success.
    assert "text" not in rec and "error" not in rec
    assert rec["id"] is None and rec["languages"] == ["en"]
    assert [(p["comparator"], p["value"], p["outcome"]) for p in rec["p_values"]] == [("<", 0.001, "FVC")]
    assert [g["id"] for g in rec["registrations"]] == ["NCT02116634"]
    assert [s["value"] for s in rec["sample_sizes"]] == [48]


def test_with_text_returns_the_cleaned_text_offsets_point_into(client: TestClient) -> None:
    r = client.post("/extract", params={"with_text": "true", "id": "doc-7"},
                    content="<p>FVC improved (<i>P</i>=0.036); NCT02116634.</p>", headers={"Content-Type": "text/html"})
    assert r.status_code == 200
    rec = r.json()
    assert rec["id"] == "doc-7"
    assert rec["text"] == "FVC improved (P=0.036); NCT02116634."
    mentions = [m for f in ("outcomes", "p_values", "registrations") for m in rec[f]]
    assert len(mentions) == 3
    for m in mentions:
        assert rec["text"][m["start"]:m["end"]] == m["text"]


def test_a_missing_content_type_is_read_as_text(client: TestClient) -> None:
    r = client.post("/extract", content=GOOD.encode(), headers={"Content-Type": ""})
    assert r.status_code == 200 and r.json()["registrations"][0]["id"] == "NCT02116634"


def test_json_record_body_uses_the_record_id(client: TestClient) -> None:
    body = {"id": "s2-1", "title": "MSCs in ALS", "abstract": "<p>The ALSFRS-R slope improved (<i>P</i> = 0.02).</p>"}
    r = client.post("/extract", json=body)
    assert r.status_code == 200
    rec = r.json()
    assert rec["id"] == "s2-1" and rec["title"] == "MSCs in ALS"
    assert [(p["value"], p["outcome"]) for p in rec["p_values"]] == [(0.02, "ALSFRS-R")]
    # The id query parameter wins over the record's own.
    assert client.post("/extract", params={"id": "mine"}, json=body).json()["id"] == "mine"


def test_uploaded_file_gets_its_stem_as_id(client: TestClient) -> None:
    r = client.post("/extract", files={"file": (SEED.name, SEED.read_bytes(), "text/plain")})
    assert r.status_code == 200
    rec = r.json()
    assert rec["id"] == SEED.stem
    assert ("=", 0.036) in {(p["comparator"], p["value"]) for p in rec["p_values"]}
    assert "intrathecal" in {x["route"] for x in rec["routes"]}


def test_uploaded_gzip_file_is_decompressed(client: TestClient) -> None:
    r = client.post("/extract", files={"file": ("abs.txt.gz", gzip.compress(GOOD.encode()), "application/gzip")})
    assert r.status_code == 200
    assert r.json()["id"] == "abs" and r.json()["registrations"][0]["id"] == "NCT02116634"


def test_form_text_field_multipart_and_urlencoded(client: TestClient) -> None:
    multipart = client.post("/extract", files={"text": (None, GOOD)})
    urlencoded = client.post("/extract", data={"text": GOOD})
    assert multipart.status_code == urlencoded.status_code == 200
    assert multipart.json() == urlencoded.json()


def test_declared_charset_is_honoured(client: TestClient) -> None:
    body = "Pain fell (P = 0.03) in the Zürich arm.".encode("latin-1")
    r = client.post("/extract", params={"with_text": "1"}, content=body, headers={"Content-Type": "text/plain; charset=iso-8859-1"})
    assert r.status_code == 200 and "Zürich" in r.json()["text"] and r.json()["warnings"] == []


# --------------------------------------------------------------------------- POST /extract: 422 (the error record)

@pytest.mark.parametrize(
    ("body", "content_type", "error_type", "message_part"),
    [
        ('{"id": "a",\n "text": "x" "y"}', "application/json", "invalid_json", "line 2, column 14"),
        ("not json at all", "application/json", "invalid_json", "line 1, column 1"),
        ("[1, 2]", "application/json", "invalid_json", "must hold objects"),
        ('"a string"', "application/json", "invalid_json", "got str"),
        ('{"id": "x1", "year": 2020}', "application/json", "empty_document", "no text"),
        ("", "text/plain", "empty_document", "empty"),
        (" \n\t  \n", "text/plain", "empty_document", "empty"),
        (b"GIF89a\x00\x01\x00\x00binary", "application/octet-stream", "binary_input", "NUL"),
        ("<PubmedArticleSet><PubmedArticle><MedlineCitation>", "application/xml", "invalid_xml", "line 1"),
        (BILLION_LAUGHS, "text/xml", "unsafe_xml", "entities"),
        (b"\x1f\x8b\x08\x00broken", "application/gzip", "unreadable", "gzip"),
    ],
)
def test_a_document_that_cannot_be_read_is_422_with_its_error_record(
    client: TestClient, body: str | bytes, content_type: str, error_type: str, message_part: str
) -> None:
    r = client.post("/extract", content=body, headers={"Content-Type": content_type})
    assert r.status_code == 422
    rec = r.json()
    assert rec["error"]["type"] == error_type
    assert message_part in rec["error"]["message"]
    # The body is the SPEC error record: every list empty.
    assert all(rec[f] == [] for f in ("sample_sizes", "doses", "routes", "outcomes", "p_values", "registrations"))


def test_bad_query_parameter_is_422_invalid_request(client: TestClient) -> None:
    r = client.post("/extract", params={"with_text": "maybe"}, content=GOOD)
    assert r.status_code == 422
    assert r.json()["error"]["type"] == "invalid_request" and "with_text" in r.json()["error"]["message"]


def test_form_without_a_document_is_422(client: TestClient) -> None:
    r = client.post("/extract", files={"comment": (None, "hello")})
    assert r.status_code == 422 and r.json()["error"]["type"] == "invalid_request"
    assert "'file'" in r.json()["error"]["message"]


# --------------------------------------------------------------------------- 413, 415

def test_body_over_the_limit_is_413(client: TestClient) -> None:
    r = client.post("/extract", content=b"a" * (MAX_BYTES + 1), headers={"Content-Type": "text/plain"})
    assert r.status_code == 413
    assert r.json() == {"error": {"type": "too_large", "message": r.json()["error"]["message"]}}
    assert f"{MAX_BYTES:,}" in r.json()["error"]["message"]
    # The limit is inclusive: exactly max_bytes is served.
    small = TestClient(create_app(max_bytes=2_000))
    assert small.post("/extract", content=(GOOD + " ").encode().ljust(2_000, b"x")).status_code == 200
    assert small.post("/extract", content=(GOOD + " ").encode().ljust(2_001, b"x")).status_code == 413


def test_chunked_body_over_the_limit_is_413_without_content_length(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(5):
            yield b"x" * (MAX_BYTES // 4)

    r = client.post("/extract", content=chunks(), headers={"Content-Type": "text/plain"})
    assert r.status_code == 413 and r.json()["error"]["type"] == "too_large"


def test_upload_and_batch_over_the_limit_are_413(client: TestClient) -> None:
    big = b"y" * (MAX_BYTES + 10)
    assert client.post("/extract", files={"file": ("big.txt", big, "text/plain")}).status_code == 413
    assert client.post("/extract/batch", content=big).status_code == 413


@pytest.mark.parametrize("content_type", ["image/png", "application/pdf", "audio/mpeg", "application/zip"])
def test_media_type_that_is_not_a_document_is_415(client: TestClient, content_type: str) -> None:
    r = client.post("/extract", content=b"\x89PNG\r\n\x1a\n", headers={"Content-Type": content_type})
    assert r.status_code == 415
    assert r.json()["error"]["type"] == "unsupported_media_type" and content_type in r.json()["error"]["message"]


def test_uploaded_image_is_415(client: TestClient) -> None:
    r = client.post("/extract", files={"file": ("scan.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png")})
    assert r.status_code == 415 and "scan.png" in r.json()["error"]["message"]
    assert client.post("/extract/batch", content=b"x", headers={"Content-Type": "image/png"}).status_code == 415


# --------------------------------------------------------------------------- 504

def test_extraction_over_the_time_limit_is_504(monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(*args: Any, **kwargs: Any) -> None:
        time.sleep(1.0)

    monkeypatch.setattr(service, "extract", slow)
    monkeypatch.setattr(service, "extract_many", slow)
    c = TestClient(create_app(timeout=0.2))
    t0 = time.monotonic()
    r = c.post("/extract", content=GOOD)
    assert r.status_code == 504
    assert r.json()["error"]["type"] == "timeout" and "0.2 s" in r.json()["error"]["message"]
    assert time.monotonic() - t0 < 0.9  # answered at the limit, not when the work ended
    assert c.post("/extract/batch", content='{"text": "P = 0.1"}\n').status_code == 504
    assert c.get("/health").status_code == 200  # never waits for the worker


def test_a_timed_out_batch_stops_at_its_next_document(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []

    def slow_records(documents: Iterator[Any]) -> Iterator[TrialRecord]:
        for n, _doc in enumerate(documents):
            seen.append(n)
            time.sleep(0.1)
            yield TrialRecord()

    monkeypatch.setattr(service, "extract_many", slow_records)
    c = TestClient(create_app(timeout=0.15))
    assert c.post("/extract/batch", content="".join('{"text": "x"}\n' for _ in range(30))).status_code == 504
    time.sleep(0.4)
    assert len(seen) < 6


# --------------------------------------------------------------------------- POST /extract/batch

def test_batch_keeps_one_line_per_input_line_in_order(client: TestClient) -> None:
    lines = [
        '{"id": "a", "text": "FVC fell (P = 0.04)."}',
        '{"id": "b", "text": "oops"',                      # invalid JSON in the middle
        "[1, 2]",                                           # JSON, not a record
        '{"id": "c", "text": "   "}',                       # empty document
        "",                                                 # blank: not a document
        '{"pmid": "12345", "abstract": "Registered as NCT02116634."}',
        '{"text": "p < 0.01"}',                             # no id: NAME:N
    ]
    r = client.post("/extract/batch", content="\n".join(lines) + "\n", headers={"Content-Type": "application/x-ndjson"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/x-ndjson")
    recs = _ndjson(r.text)
    assert [x["id"] for x in recs] == ["a", "line:2", "line:3", "c", "12345", "line:7"]
    assert [(x.get("error") or {}).get("type") for x in recs] == [None, "invalid_json", "invalid_json", "empty_document", None, None]
    assert "line 2" in recs[1]["error"]["message"]
    assert recs[0]["p_values"][0]["value"] == 0.04 and recs[4]["registrations"][0]["id"] == "NCT02116634"
    assert all("text" not in x for x in recs)


def test_batch_name_and_upload(client: TestClient) -> None:
    body = b'{"text": "P = 0.2"}\n{"text": "P = 0.3"}\n'
    r = client.post("/extract/batch", params={"id": "trial-set"}, files={"file": ("set.jsonl", body, "application/x-ndjson")})
    assert r.status_code == 200
    assert [(x["id"], x["p_values"][0]["value"]) for x in _ndjson(r.text)] == [("trial-set:1", 0.2), ("trial-set:2", 0.3)]


@pytest.mark.parametrize(("body", "error_type"), [(b"", "empty_document"), (b"\n \n", "empty_document"), (b"\x00\x01\x02", "binary_input")])
def test_batch_body_that_cannot_be_read_at_all_is_422(client: TestClient, body: bytes, error_type: str) -> None:
    r = client.post("/extract/batch", content=body)
    assert r.status_code == 422 and r.json()["error"]["type"] == error_type


# --------------------------------------------------------------------------- GET endpoints

def test_health(client: TestClient) -> None:
    r = client.get("/health")
    assert r.status_code == 200
    assert r.json() == {"status": "ok", "version": "0.1.0", "pipeline_loaded": True}


def test_docs_and_openapi(client: TestClient) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
    spec = client.get("/openapi.json")
    assert spec.status_code == 200
    paths = spec.json()["paths"]
    assert {"/extract", "/extract/batch", "/health"} <= set(paths)
    body = paths["/extract"]["post"]["requestBody"]["content"]
    assert {"text/plain", "application/json", "multipart/form-data"} <= set(body)
    assert {"200", "413", "415", "422", "504"} <= set(paths["/extract"]["post"]["responses"])


def test_unknown_path_and_wrong_method_are_json_errors(client: TestClient) -> None:
    r = client.get("/nope")
    assert r.status_code == 404 and r.json()["error"]["type"] == "not_found"
    r = client.get("/extract")
    assert r.status_code == 405 and r.json()["error"]["type"] == "method_not_allowed"


def test_binds_to_loopback_by_default() -> None:
    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.max_bytes, args.timeout) == ("127.0.0.1", 8000, 5_000_000, 30.0)


def test_serve_fails_cleanly_when_the_port_is_taken() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        assert serve(port=taken.getsockname()[1]) == 2


# --------------------------------------------------------------------------- a real server under concurrent load



def _raw_request(url: str, data: bytes) -> bytes:
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(data)
        return s.recv(4096)


def test_real_server_under_concurrent_good_malformed_and_oversized_requests(uvicorn_server) -> None:
    limit = 100_000
    good_batch = '{"id": "a", "text": "P = 0.01"}\n{broken\n{"id": "c", "text": "NCT02116634"}\n'

    def big_chunks() -> Iterator[bytes]:
        for _ in range(4):
            yield b"z" * (limit // 3)

    # (method, path, request kwargs, expected status)
    cases: list[tuple[str, str, dict[str, Any], int]] = [
        *[("POST", "/extract", {"content": f"Trial {n}: {GOOD}", "headers": {"Content-Type": "text/plain"}}, 200) for n in range(6)],
        *[("POST", "/extract", {"json": {"id": f"j{n}", "abstract": "FVC fell (P = 0.03)."}}, 200) for n in range(2)],
        *[("POST", "/extract", {"content": '{"id": "x", "text": }', "headers": {"Content-Type": "application/json"}}, 422) for _ in range(2)],
        ("POST", "/extract", {"content": "", "headers": {"Content-Type": "text/plain"}}, 422),
        *[("POST", "/extract", {"content": b"q" * (limit + 50_000), "headers": {"Content-Type": "text/plain"}}, 413) for _ in range(2)],
        ("POST", "/extract", {"content": big_chunks(), "headers": {"Content-Type": "text/plain"}}, 413),
        *[("POST", "/extract", {"content": b"\x89PNG\r\n\x1a\n", "headers": {"Content-Type": "image/png"}}, 415) for _ in range(2)],
        *[("POST", "/extract/batch", {"content": good_batch, "headers": {"Content-Type": "application/x-ndjson"}}, 200) for _ in range(2)],
        ("POST", "/extract", {"files": {"file": ("up.txt", GOOD.encode(), "text/plain")}}, 200),
        ("GET", "/health", {}, 200),
    ]
    assert len(cases) == 20

    with uvicorn_server(create_app(max_bytes=limit, timeout=20)) as url:
        def send(case: tuple[str, str, dict[str, Any], int]) -> tuple[int, httpx.Response]:
            method, path, kwargs, _ = case
            with httpx.Client(base_url=url, timeout=30, trust_env=False) as http:
                return case[3], http.request(method, path, **kwargs)

        with ThreadPoolExecutor(max_workers=10) as pool:
            results = list(pool.map(send, cases))
        assert [r.status_code for _, r in results] == [expected for expected, _ in results]
        for (_, path, _, status), (_, r) in zip(cases, results, strict=True):
            if path == "/extract/batch":
                assert [x["id"] for x in _ndjson(r.text)] == ["a", "line:2", "c"]
            elif status != 200:
                assert r.json()["error"]["type"]  # every failure says what went wrong
        # Not even HTTP: uvicorn answers 400 and the server stays up.
        assert _raw_request(url, b"GARBAGE\x00\r\n\r\n").startswith(b"HTTP/1.1 400")
        with httpx.Client(base_url=url, timeout=10, trust_env=False) as http:
            health = http.get("/health")
            assert health.status_code == 200 and health.json()["status"] == "ok"
            again = http.post("/extract", content=GOOD)
            assert again.status_code == 200 and again.json()["registrations"][0]["id"] == "NCT02116634"


# --------------------------------------------------------------------------- several server processes


def _children(pid: int) -> set[int]:
    """Process ids whose parent is ``pid`` (Linux /proc)."""
    out = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.add(int(entry.name))
    return out


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_serve_with_two_worker_processes(tmp_path) -> None:
    """`extract serve --workers 2`: two processes answer behind one port, the limits reach them,
    and a worker that is killed is replaced."""
    import os
    import signal
    import subprocess
    import sys

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    cli = Path(sys.executable).with_name("extract")
    proc = subprocess.Popen([str(cli), "serve", "--port", str(port), "--workers", "2", "--max-bytes", "1000"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=url, timeout=30, trust_env=False) as http:
            deadline = time.monotonic() + 90
            while True:
                try:
                    if http.get("/health").json()["pipeline_loaded"] and len(_children(proc.pid)) >= 2:
                        break
                except httpx.HTTPError:
                    pass
                assert time.monotonic() < deadline and proc.poll() is None, "the service did not start"
                time.sleep(0.2)
            workers = _children(proc.pid)
            assert len(workers) >= 2

            def send(n: int) -> httpx.Response:
                with httpx.Client(base_url=url, timeout=60, trust_env=False) as h:
                    return h.post("/extract", content=f"Trial {n}: {GOOD}", headers={"Content-Type": "text/plain"})

            with ThreadPoolExecutor(max_workers=8) as pool:
                answers = list(pool.map(send, range(16)))
            assert [a.status_code for a in answers] == [200] * 16
            assert all(a.json()["registrations"][0]["id"] == "NCT02116634" for a in answers)
            assert http.post("/extract", content=b"q" * 5000).status_code == 413  # --max-bytes reached the workers

            victim = sorted(workers)[0]
            os.kill(victim, signal.SIGKILL)
            deadline = time.monotonic() + 90
            while not (len(_children(proc.pid) - {victim}) >= 2):
                assert time.monotonic() < deadline, "the killed worker was not replaced"
                time.sleep(0.2)
            assert send(99).status_code == 200
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)
