"""Shared test fixtures: where the shared corpus is, and its texts by source id."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import pytest

#: ../shared beside the repository (CI lays a copy there).
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ABSTRACTS = SHARED / "corpus" / "ebm_nlp_rct_abstracts.jsonl"


def load_sources() -> dict[str, str]:
    """Every real text a table test may quote, by source id.

    Seeds are ``seed000``..., corpus documents ``d01``..., abstracts their
    EBM-NLP id (``pmid_N``). Missing files give a smaller dict, never an error.
    """
    out: dict[str, str] = {}
    for p in sorted((SHARED / "seeds").glob("*")):
        out["seed" + p.name[:3]] = p.read_text(encoding="utf-8", errors="replace")
    for p in sorted((SHARED / "corpus" / "docs").glob("d*")):
        out[p.name[:3]] = p.read_text(encoding="utf-8", errors="replace")
    if ABSTRACTS.exists():
        with ABSTRACTS.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    rec = json.loads(line)
                    out[rec["id"]] = rec["text"]
    return out


@pytest.fixture(scope="session")
def sources() -> dict[str, str]:
    """The real texts table strings are copied from (see :func:`load_sources`)."""
    return load_sources()


@contextmanager
def running_server(app: Any) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free 127.0.0.1 port in a background thread."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(15)
        sock.close()
        assert not thread.is_alive(), "the server did not shut down"


@pytest.fixture(scope="session")
def uvicorn_server() -> Callable[[Any], AbstractContextManager[str]]:
    """A factory: ``with uvicorn_server(app) as url:`` serves ``app`` on 127.0.0.1 for the block."""
    return running_server
