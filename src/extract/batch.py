"""Batch runs: parallel workers with ordered output, resumable output files, run summaries.

Used by ``extract run``. Documents stream through in order: memory holds one
batch per worker in flight, whatever the size of the input.

- ``run_records(documents, workers=N)``: records in input order. With N > 1,
  documents go to N processes in batches (each loads the pipeline once) and
  come back in the order they were sent (``Pool.imap``), so the output of a
  parallel run is the same as a serial one.
- ``resume_state(path)``: the ids already written to an output file, after
  cutting off a half-written last line (a run killed mid-write).
- ``Summary``: documents, errors by type, mentions per field, time.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing import get_context

from extract.ingest.document import Document
from extract.models import FIELDS, TrialRecord

#: Documents per task sent to a worker process.
WORKER_BATCH = 32


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(documents)
    while batch := list(islice(it, size)):
        yield batch


def _worker_init() -> None:
    from extract.api import load_pipeline

    load_pipeline()


def _worker_run(batch: list[Document], with_text: bool) -> list[TrialRecord]:
    from extract.api import extract_documents

    return list(extract_documents(batch, with_text=with_text))


def _worker_task(args: tuple[list[Document], bool]) -> list[TrialRecord]:
    return _worker_run(*args)


@dataclass(frozen=True, slots=True)
class Line:
    """One output line, made where the record was made (in the worker)."""

    json: str
    error: str | None
    mentions: tuple[int, ...]  # per field, in FIELDS order


def _line(record: TrialRecord) -> Line:
    from extract.serialize import record_to_json

    return Line(record_to_json(record), record.error.type if record.error else None,
                tuple(len(getattr(record, f)) for f in FIELDS))


def _worker_lines(args: tuple[list[Document], bool]) -> list[Line]:
    return [_line(r) for r in _worker_run(*args)]


def run_lines(documents: Iterable[Document], workers: int = 1, with_text: bool = False) -> Iterator[Line]:
    """JSON lines in input order; workers serialize, so only short strings cross processes."""
    if workers <= 1:
        for record in run_records(documents, 1, with_text):
            yield _line(record)
        return
    ctx = get_context("spawn")
    with ctx.Pool(workers, initializer=_worker_init) as pool:
        tasks = ((batch, with_text) for batch in _batches(documents, WORKER_BATCH))
        for lines in pool.imap(_worker_lines, tasks):
            yield from lines


def run_records(documents: Iterable[Document], workers: int = 1, with_text: bool = False) -> Iterator[TrialRecord]:
    """One record per document, in input order, using ``workers`` processes."""
    if workers <= 1:
        from extract.api import extract_documents

        yield from extract_documents(documents, with_text=with_text)
        return
    # "spawn" keeps workers independent of whatever the parent imported or set.
    ctx = get_context("spawn")
    with ctx.Pool(workers, initializer=_worker_init) as pool:
        tasks = ((batch, with_text) for batch in _batches(documents, WORKER_BATCH))
        for records in pool.imap(_worker_task, tasks):
            yield from records


def resume_state(path: str | os.PathLike[str]) -> set[str]:
    """Ids of the complete records in a JSONL output file; a torn last line is cut off.

    A run killed mid-write leaves at most one partial line at the end; it is
    removed so that appending starts on a fresh line.
    """
    import json

    done: set[str] = set()
    try:
        fh = open(path, "r+b")
    except FileNotFoundError:
        return done
    with fh:
        data = fh.read()
        cut = data.rfind(b"\n") + 1
        if cut < len(data):
            fh.truncate(cut)
        for line in data[:cut].splitlines():
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except ValueError:
                continue  # a corrupt complete line: its document is run again
            if isinstance(rec, dict) and rec.get("id") is not None:
                done.add(str(rec["id"]))
    return done


@dataclass
class Summary:
    """What a run did, for the end-of-run report."""

    documents: int = 0
    skipped: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    mentions: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.perf_counter)

    def add(self, record: TrialRecord) -> None:
        self.add_counts(record.error.type if record.error else None,
                        tuple(len(getattr(record, f)) for f in FIELDS))

    def add_counts(self, error: str | None, mentions: tuple[int, ...]) -> None:
        self.documents += 1
        if error is not None:
            self.errors[error] += 1
        for f, n in zip(FIELDS, mentions, strict=True):
            self.mentions[f] += n

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    def lines(self) -> list[str]:
        rate = self.documents / self.seconds if self.seconds > 0 else 0.0
        out = [f"documents: {self.documents}" + (f" (+{self.skipped} already in the output, skipped)" if self.skipped else ""),
               f"time: {self.seconds:.1f} s ({rate:.1f} documents/s)"]
        errs = sum(self.errors.values())
        out.append(f"errors: {errs}" + (" (" + ", ".join(f"{k}: {v}" for k, v in sorted(self.errors.items())) + ")" if errs else ""))
        out.append("mentions: " + ", ".join(f"{f} {self.mentions[f]}" for f in FIELDS))
        return out
