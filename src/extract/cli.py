"""Command line: ``extract run`` and ``extract eval``. Thin: the work is in the API.

    extract run PATH... [-o FILE] [--format jsonl|csv] [--with-text] [--workers N] [--resume] [--quiet]
    extract eval --gold DIR PATH...  |  extract eval --gold DIR --pred FILE  [--json] [--errors]

``run`` writes exactly one record per input document (an error record for a
document that cannot be read) and exits 0 unless the run itself cannot
proceed (no input path exists, the output cannot be written).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from extract.models import FIELDS, TrialRecord

CSV_COLUMNS = ("id", "field", "value", "unit", "detail", "text", "start", "end", "rule")


def _records(paths: list[str], with_text: bool) -> Iterator[TrialRecord]:
    from extract.batch import run_records
    from extract.ingest.formats import read_paths

    return run_records(read_paths(paths), with_text=with_text)


def csv_rows(record: TrialRecord) -> Iterator[dict[str, Any]]:
    """One row per mention (and one row for an error), for spreadsheets."""
    if record.error is not None:
        yield {"id": record.id, "field": "error", "value": record.error.type, "detail": record.error.message}
        return
    for m in record.sample_sizes:
        yield {"id": record.id, "field": "sample_sizes", "value": m.value, "detail": m.kind, "text": m.text, "start": m.start, "end": m.end, "rule": m.rule}
    for m in record.doses:
        detail = "; ".join(f"{k}={v}" for k, v in (("low", m.low), ("high", m.high), ("spread", m.spread), ("per", m.per), ("agent", m.agent)) if v is not None)
        yield {"id": record.id, "field": "doses", "value": m.value, "unit": m.unit, "detail": detail, "text": m.text, "start": m.start, "end": m.end, "rule": m.rule}
    for m in record.routes:
        yield {"id": record.id, "field": "routes", "value": m.route, "text": m.text, "start": m.start, "end": m.end, "rule": m.rule}
    for m in record.outcomes:
        yield {"id": record.id, "field": "outcomes", "value": m.name, "text": m.text, "start": m.start, "end": m.end, "rule": m.rule}
    for m in record.p_values:
        yield {"id": record.id, "field": "p_values", "value": f"{m.comparator} {m.value:g}", "detail": m.outcome or "", "text": m.text, "start": m.start, "end": m.end, "rule": m.rule}
    for m in record.registrations:
        yield {"id": record.id, "field": "registrations", "value": m.id, "detail": m.registry, "text": m.text, "start": m.start, "end": m.end, "rule": m.rule}


def cmd_run(args: argparse.Namespace) -> int:
    from extract.batch import Summary, resume_state, run_lines, run_records
    from extract.ingest.formats import read_paths

    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        print(f"extract run: no such file or directory: {', '.join(missing)}", file=sys.stderr)
        return 2
    if args.output == "-":  # the usual spelling of standard output, not a file named "-"
        args.output = None
    if args.resume and (not args.output or args.format != "jsonl"):
        print("extract run: --resume needs -o FILE and the jsonl format", file=sys.stderr)
        return 2
    if args.workers < 1:
        print("extract run: --workers must be at least 1", file=sys.stderr)
        return 2
    done = resume_state(args.output) if args.resume else set()
    out: IO[str]
    try:
        mode = "a" if args.resume else "w"
        out = open(args.output, mode, encoding="utf-8", newline="") if args.output else sys.stdout
    except OSError as exc:
        print(f"extract run: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
        return 2
    summary = Summary()

    def documents():
        for doc in read_paths(args.paths):
            if done and doc.id is not None and str(doc.id) in done:
                summary.skipped += 1
                continue
            yield doc

    show = not args.quiet and sys.stderr.isatty()
    bar = None
    if show:
        from tqdm import tqdm

        bar = tqdm(unit="doc", file=sys.stderr, dynamic_ncols=True, desc="extract")
    try:
        writer = None
        if args.format == "csv":
            writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
            writer.writeheader()
        if writer:
            for record in run_records(documents(), workers=args.workers, with_text=args.with_text):
                writer.writerows(csv_rows(record))
                summary.add(record)
                _tick(bar, summary)
        else:
            for line in run_lines(documents(), workers=args.workers, with_text=args.with_text):
                # One write per line, flushed: a kill leaves at most one torn line, which --resume cuts off.
                out.write(line.json + "\n")
                if args.output:
                    out.flush()
                summary.add_counts(line.error, line.mentions)
                _tick(bar, summary)
    finally:
        if bar is not None:
            bar.close()
        if out is not sys.stdout:
            out.close()
    if not args.quiet:
        for line in summary.lines():
            print(f"extract run: {line}", file=sys.stderr)
    return 0


def _tick(bar: Any, summary: Any) -> None:
    if bar is not None:
        bar.update(1)
        bar.set_postfix(errors=sum(summary.errors.values()), refresh=False)


def _read_pred(path: str) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def cmd_eval(args: argparse.Namespace) -> int:
    from extract.evaluate import evaluate, format_report, load_gold

    if not Path(args.gold).is_dir():
        print(f"extract eval: gold directory not found: {args.gold}", file=sys.stderr)
        return 2
    gold = load_gold(args.gold)
    if args.pred:
        preds: Any = _read_pred(args.pred)
    elif args.paths:
        preds = (r.model_dump() for r in _records(args.paths, False))
    else:
        print("extract eval: give document paths or --pred FILE", file=sys.stderr)
        return 2
    if args.lang or args.exclude_lang:
        # Score only the documents whose record lists (or does not list) a language.
        preds = list(preds)
        keep = {r.get("id") for r in preds
                if (not args.lang or args.lang in (r.get("languages") or []))
                and (not args.exclude_lang or args.exclude_lang not in (r.get("languages") or []))}
        preds = [r for r in preds if r.get("id") in keep]
        gold = {k: v for k, v in gold.items() if k in keep}
    report = evaluate(preds, gold, keep_errors=args.errors)
    if args.json:
        data = report.as_dict()
        if args.errors:
            data["errors"] = report.errors
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(format_report(report))
        if args.errors:
            for doc_id, fields in report.errors.items():
                print(f"\n== {doc_id}")
                for f in FIELDS:
                    if f in fields:
                        for kind in ("false_positives", "misses"):
                            for item in fields[f][kind]:
                                print(f"  {f:<14} {'FP  ' if kind == 'false_positives' else 'MISS'} {json.dumps(item, ensure_ascii=False)}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="extract", description="Extract trial facts from clinical-trial documents.")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="extract records from files or directories")
    run.add_argument("paths", nargs="+", metavar="PATH")
    run.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output ('-': standard output)")
    run.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    run.add_argument("--with-text", action="store_true", help="include the cleaned text offsets refer to")
    run.add_argument("--workers", type=int, default=1, metavar="N", help="worker processes (output order stays the input order)")
    run.add_argument("--resume", action="store_true", help="append to -o FILE, skipping documents already written there")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    run.set_defaults(func=cmd_run)
    ev = sub.add_parser("eval", help="score predictions against gold files (SPEC.md section 5)")
    ev.add_argument("--gold", required=True, metavar="DIR")
    ev.add_argument("--pred", metavar="FILE", help="JSON Lines of records instead of running the extractor")
    ev.add_argument("paths", nargs="*", metavar="PATH")
    ev.add_argument("--json", action="store_true", help="machine-readable output")
    ev.add_argument("--lang", metavar="CODE", help="score only documents whose record lists this language (e.g. zh)")
    ev.add_argument("--exclude-lang", metavar="CODE", help="score only documents whose record does not list this language")
    ev.add_argument("--errors", action="store_true", help="list false positives and misses per document")
    ev.set_defaults(func=cmd_eval)
    sv = sub.add_parser("serve", help="run the HTTP service (FastAPI + uvicorn)")
    sv.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    sv.add_argument("--port", type=int, default=8000)
    sv.add_argument("--max-bytes", type=int, default=5_000_000, help="largest request body accepted (413 beyond)")
    sv.add_argument("--timeout", type=float, default=30.0, help="seconds one request may take (504 beyond)")
    sv.add_argument("--workers", type=int, default=1, metavar="N",
                    help="server processes, each with its own pipeline (default 1; more use more cores)")
    sv.set_defaults(func=cmd_serve)
    return parser


def cmd_serve(args: argparse.Namespace) -> int:
    from extract.service import serve

    if args.workers < 1:
        print("extract serve: --workers must be at least 1", file=sys.stderr)
        return 2
    return serve(host=args.host, port=args.port, max_bytes=args.max_bytes, timeout=args.timeout,
                 workers=args.workers)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:  # `extract run ... | head`
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
