"""Speed and memory: trial-extract against its floor and its peers, measured in one run.

On the 1,999 EBM-NLP RCT abstracts (``../shared/corpus/ebm_nlp_rct_abstracts.jsonl``)
this prints, side by side and with the targets of the performance issue:

- the floor: ``spacy.blank("en")`` tokenization (``nlp.pipe``, our batch size),
  and scispaCy's ``combined_rule_tokenizer`` alone (the tokenizer our pipeline
  uses);
- ours: ``extract.extract_many`` over every abstract with a warm pipeline, and
  the ratio floor / ours;
- peers on the same cleaned texts: statcheck (p-values) against our p-value
  finder, quantulum3 (quantities; on a fixed sample, it is slow) against our
  dose finder, and both against our full extraction;
- cold start: a fresh ``python -c "import extract; extract.load_pipeline()"``
  (and a first ``extract.extract("P = 0.01")``), wall clock, median of 3;
- peak RSS: of a fresh process that runs the full extraction (and of the
  tokenizer floors, for comparison);
- workers: ``extract run FILE -q --workers 1`` against ``--workers 2`` on a
  JSONL copy of the abstracts (wall clock, startup included, best of 2).

Everything that is compared is measured interleaved: the documents go in
chunks, and every chunk is run by each contender in turn (rotating who goes
first), so that a burst of other load on the machine slows all of them alike
instead of one. Wall and CPU seconds are both printed.

Ours reads every abstract as a plain-text ``Document`` (``extract_many``
accepts them), so that format sniffing cannot turn an abstract into an error
record (a translated title in "[...]" once read as JSON); the bench also
counts how many of the bare strings would be misread, and says so if any are.
Where ``extract`` is imported from, a hash of its files and the commit are
printed, and the hash is checked again at the end: the package is installed
editable, so an edit during the run would mix two versions. To measure a fixed
commit while the tree is being edited, put an exported copy first on the
path: ``git archive HEAD src | tar -x -C /tmp/snap`` and
``PYTHONPATH=/tmp/snap/src .bench-venv/bin/python benchmarks/bench.py`` (the
fresh processes and the ``extract`` console script inherit it).

Run in the benchmark environment (quantulum3, statcheck and pandas stay out of
the package's dependencies)::

    python3 -m venv .bench-venv
    .bench-venv/bin/pip install -e . "statcheck==0.0.7" "pandas<3" "quantulum3==0.10.0" "stemming==1.0.1"
    .bench-venv/bin/python benchmarks/bench.py               # everything, ~3 minutes
    .bench-venv/bin/python benchmarks/bench.py --limit 200   # quick check
    .bench-venv/bin/python benchmarks/bench.py --profile     # cProfile of our full extraction only

No network is used. quantulum3's shipped unit classifier is a pickle of an
older scikit-learn; when it cannot be loaded, the bench retrains it once from
the training set quantulum3 ships (about 10 s) into ``<venv>/share/quantulum3/``
and uses that (quantulum3's documented ``classifier_path``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "ebm_nlp_rct_abstracts.jsonl"

# The targets of the performance issue.
TARGET_RATIO = 2.5          # floor docs/s / ours docs/s (ours >= 40 % of the bare tokenizer)
TARGET_VS_QUANTULUM = 100.0  # ours docs/s / quantulum3 docs/s
TARGET_VS_STATCHECK = 4.0    # ours docs/s / statcheck docs/s
TARGET_RSS_MIB = 300.0      # peak RSS of one process
TARGET_COLD_S = 2.0         # fresh process to a loaded pipeline

QUANTULUM_SAMPLE = 200      # quantulum3 parses ~20-30 abstracts/s: a fixed sample, the first N texts
WARMUP_DOCS = 20            # documents each contender runs once before the timing
CHUNK = 128                 # documents per interleaved chunk (two of our batches)
SAMPLE_CHUNK = 64           # the same on the quantulum3 sample
COLD_RUNS = 3
WORKER_RUNS = 2


def quiet_warnings() -> None:
    # spaCy's FutureWarning on a tokenizer regex and quantulum3's fallbacks:
    # noise in a table.
    warnings.filterwarnings("ignore")


# --------------------------------------------------------------------------- inputs


def load_records(limit: int | None) -> list[dict]:
    records = []
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                records.append(json.loads(line))
            if limit is not None and len(records) >= limit:
                break
    return records


def as_documents(records: list[dict]) -> list:
    from extract.ingest.document import Document

    return [Document(id=r["id"], format="text", text=r["text"]) for r in records]


def maxrss_mib(who: int = resource.RUSAGE_SELF) -> float:
    """``ru_maxrss`` in MiB (Linux reports kilobytes).

    On Linux a process's ``ru_maxrss`` starts at its parent's peak (it
    survives fork and exec), so the fresh processes are started before this
    one has loaded anything; ``VmHWM`` (below) is the process's own peak and
    the two are printed side by side.
    """
    return resource.getrusage(who).ru_maxrss / 1024


def vm_hwm_mib() -> float:
    """Peak RSS of this process's own address space (``VmHWM``), in MiB; 0 where /proc is missing."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def code_state() -> str:
    """Where ``extract`` is imported from, a hash of its files, and the commit when that is this checkout.

    Found without importing it, so that the hash taken before the run is of
    the code the run then loads.
    """
    import importlib.util

    spec = importlib.util.find_spec("extract")
    if spec is None or spec.origin is None:
        return "extract not importable"
    pkg = Path(spec.origin).resolve().parent
    h = hashlib.sha256()
    for path in sorted(pkg.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(pkg)).encode() + b"\0" + path.read_bytes())
    where = f"{pkg}, sha256 {h.hexdigest()[:12]}"
    if ROOT in pkg.parents:
        try:
            git = ["git", "-C", str(ROOT)]
            head = subprocess.run(git + ["rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
            dirty = subprocess.run(git + ["status", "--porcelain", "--", str(pkg)], capture_output=True, text=True, check=True).stdout.strip()
            where += f", commit {head}" + (" + uncommitted changes" if dirty else "")
        except (OSError, subprocess.CalledProcessError):
            pass
    return where


def loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


# --------------------------------------------------------------------------- measurements in this process


class Timing:
    """Wall-clock and CPU seconds summed over chunks, and what was found."""

    def __init__(self, docs: int = 0) -> None:
        self.docs, self.wall, self.cpu, self.found, self.crashes = docs, 0.0, 0.0, 0, 0

    @property
    def dps(self) -> float:
        return rate(self.docs, self.wall)


def interleaved(n: int, chunk: int, contenders: dict[str, Callable[[int, int], tuple[int, int]]]) -> dict[str, Timing]:
    """Run every contender on documents [lo, hi) chunk by chunk, in rotating order.

    A contender returns (found, crashes) for its chunk.
    """
    out = {name: Timing(n) for name in contenders}
    names = list(contenders)
    for k, lo in enumerate(range(0, n, chunk)):
        hi = min(n, lo + chunk)
        for name in names[k % len(names):] + names[:k % len(names)]:
            w0, c0 = time.perf_counter(), time.process_time()
            found, crashes = contenders[name](lo, hi)
            out[name].wall += time.perf_counter() - w0
            out[name].cpu += time.process_time() - c0
            out[name].found += found
            out[name].crashes += crashes
    return out


def tokenizer_only(scispacy_tokenizer: bool):
    """``spacy.blank("en")``, with scispaCy's tokenizer when asked (what our pipeline starts with)."""
    import spacy

    nlp = spacy.blank("en")
    if scispacy_tokenizer:
        from scispacy.custom_tokenizer import combined_rule_tokenizer

        nlp.tokenizer = combined_rule_tokenizer(nlp)
    return nlp


def each(fn: Callable[[str], int], items: list[str], lo: int, hi: int) -> tuple[int, int]:
    """fn over items[lo:hi]: total found, and how many raised (a peer that raises on a real abstract finds nothing)."""
    found = crashes = 0
    for item in items[lo:hi]:
        try:
            found += fn(item)
        except Exception:
            crashes += 1
    return found, crashes


def statcheck_count(text: str) -> int:
    from statcheck.helpers_parse_stats import extract_p_value

    df = extract_p_value(text)
    n = 0
    for comp, value in zip(df.get("p_comp", []), df.get("p_value", []), strict=False):
        try:
            v = float(value)
        except (TypeError, ValueError):
            continue
        if str(comp) in {"=", "<", ">", "<=", ">=", "≤", "≥"} and 0 <= v <= 1:
            n += 1
    return n


def quantulum_classifier() -> tuple[str | None, str]:
    """The classifier_path to give quantulum3 (None: its default), and how it was obtained."""
    from quantulum3 import classifier, language

    if not classifier.USE_CLF:
        return None, "classifier extra missing: heuristic disambiguation"
    try:
        import stemming  # noqa: F401  (quantulum3's classifier cleans text with it)
    except ImportError:
        return None, "stemming missing: install stemming==1.0.1 (quantulum3[classifier])"
    import joblib

    sk = metadata.version("scikit-learn")
    shipped = language.topdir("en_US").joinpath("clf.joblib")
    try:
        obj = joblib.load(shipped)
        return None, f"shipped classifier (scikit-learn {obj.get('scikit-learn_version')})"
    except Exception as exc:  # a pickle of another scikit-learn
        why = f"{type(exc).__name__}: {exc}"
    cache = Path(sys.prefix) / "share" / "quantulum3" / f"clf-en_US-sklearn-{sk}.joblib"
    note = f"retrained from its bundled training set for scikit-learn {sk} (shipped pickle: {why})"
    if not cache.exists():
        cache.parent.mkdir(parents=True, exist_ok=True)
        print(f"quantulum3: training its unit classifier once into {cache} ...", file=sys.stderr)
        tmp = cache.with_suffix(".tmp")
        classifier.train_classifier(store=True, output_path=str(tmp), n_jobs=1)
        tmp.replace(cache)
    return str(cache), note


# --------------------------------------------------------------------------- child processes


def child(mode: str, limit: int | None) -> None:
    """Run in a fresh interpreter; print one JSON object."""
    quiet_warnings()
    records = load_records(limit)
    out: dict = {"docs": len(records), "hwm_start_mib": vm_hwm_mib()}
    if mode == "ours":
        import extract

        t0 = time.perf_counter()
        extract.load_pipeline()
        out["load_s"] = time.perf_counter() - t0
        out["hwm_loaded_mib"] = vm_hwm_mib()
        docs = as_documents(records)
        t0 = time.perf_counter()
        n = sum(1 for _ in extract.extract_many(docs))
        out["run_s"] = time.perf_counter() - t0
        out["records"] = n
    elif mode in ("floor", "floor-sci"):
        import spacy

        from extract.api import BATCH_SIZE

        nlp = spacy.blank("en")
        if mode == "floor-sci":
            from scispacy.custom_tokenizer import combined_rule_tokenizer

            nlp.tokenizer = combined_rule_tokenizer(nlp)
        out["hwm_loaded_mib"] = vm_hwm_mib()
        t0 = time.perf_counter()
        out["tokens"] = sum(len(doc) for doc in nlp.pipe([r["text"] for r in records], batch_size=BATCH_SIZE))
        out["run_s"] = time.perf_counter() - t0
    else:
        raise SystemExit(f"unknown child mode {mode!r}")
    out["hwm_peak_mib"] = vm_hwm_mib()
    out["rss_peak_mib"] = maxrss_mib()
    print(json.dumps(out))


def run_child(mode: str, limit: int | None) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode]
    if limit is not None:
        cmd += ["--limit", str(limit)]
    res = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def cold_starts(codes: list[str], runs: int = COLD_RUNS) -> list[float]:
    """Median wall-clock seconds of ``python -c code`` in a fresh interpreter, per code (the codes take turns)."""
    subprocess.run([sys.executable, "-c", codes[-1]], check=True, capture_output=True)  # page cache warm; not counted
    times: list[list[float]] = [[] for _ in codes]
    for _ in range(runs):
        for i, code in enumerate(codes):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
            times[i].append(time.perf_counter() - t0)
    return [statistics.median(t) for t in times]


# Runs a command and reports its wall clock, the CPU time of it and its descendants, and the largest
# RSS among them (this wrapper is small, so the inherited ru_maxrss does not hide anything).
_RUSAGE_WRAPPER = """
import json, resource, subprocess, sys, time
t0 = time.perf_counter()
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
dt = time.perf_counter() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": rc, "seconds": dt, "cpu": ru.ru_utime + ru.ru_stime, "maxrss_mib": ru.ru_maxrss / 1024}))
"""


def extract_cli() -> Path:
    for candidate in (Path(sys.executable).parent / "extract", ROOT / ".venv" / "bin" / "extract"):
        if candidate.exists():
            return candidate
    raise SystemExit("no `extract` console script found in the bench venv or .venv")


def workers_run(cli: Path, jsonl: Path, out: Path, workers: int) -> dict:
    cmd = [sys.executable, "-c", _RUSAGE_WRAPPER, str(cli), "run", str(jsonl), "-q", "--workers", str(workers), "-o", str(out)]
    res = subprocess.run(cmd, capture_output=True, text=True, check=True)
    info = json.loads(res.stdout.strip().splitlines()[-1])
    if info["rc"] != 0:
        raise SystemExit(f"extract run --workers {workers} exited with {info['rc']}")
    info["lines"] = sum(1 for _ in out.open(encoding="utf-8"))
    info["sha256"] = hashlib.sha256(out.read_bytes()).hexdigest()
    return info


# --------------------------------------------------------------------------- machine


def machine() -> list[tuple[str, str]]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()

    def v(pkg: str) -> str:
        try:
            return metadata.version(pkg)
        except metadata.PackageNotFoundError:
            return "not installed"

    return [
        ("CPU", cpu),
        ("cores", f"{os.cpu_count()} logical, {usable} usable by this process"),
        ("RAM", ram),
        ("OS", platform.platform()),
        ("Python", f"{platform.python_version()} ({sys.executable})"),
        ("packages", ", ".join(f"{p} {v(p)}" for p in ("trial-extract", "spacy", "scispacy", "regex", "pint",
                                                         "quantulum3", "scikit-learn", "statcheck", "pandas"))),
    ]


# --------------------------------------------------------------------------- output


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def rate(n: int, seconds: float) -> float:
    return n / seconds if seconds > 0 else float("inf")


def print_table(title: str, header: tuple[str, ...], rows: list[tuple], aligns: str) -> None:
    cells = [tuple(str(c) for c in header)] + [tuple(str(c) for c in r) for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]

    def fmt(r: tuple[str, ...]) -> str:
        return "  ".join(c.ljust(w) if a == "l" else c.rjust(w) for c, w, a in zip(r, widths, aligns, strict=True)).rstrip()

    print(f"\n{title}")
    print(fmt(cells[0]))
    print("  ".join("-" * w for w in widths))
    for r in cells[1:]:
        print(fmt(r))


# --------------------------------------------------------------------------- profile


def stage_breakdown(records: list[dict]) -> None:
    """Wall-clock seconds per stage of our pipeline, document by document (no profiler overhead).

    Mirrors ``extract.api.extract_documents`` one document at a time: cleaning
    and language segmentation (``_prepare``), the tokenizer, each pipeline
    component, then serialization to a TrialRecord.
    """
    from collections import Counter

    import extract
    from extract.api import _make_doc, _prepare, _to_record
    from extract.ingest.clean import clean
    from extract.ingest.language import segment

    nlp = extract.load_pipeline()
    quiet_warnings()
    list(extract.extract_many(as_documents(records[:WARMUP_DOCS])))
    spent: Counter[str] = Counter()
    order = ["clean", "segment (language)", "_prepare: other", "tokenizer"] + [name for name, _ in nlp.pipeline] + ["serialize"]
    total0 = time.perf_counter()
    for document in as_documents(records):
        t0 = time.perf_counter()
        cleaned = clean(document.text, title_hint=document.title)
        t1 = time.perf_counter()
        segment(cleaned.text)
        t2 = time.perf_counter()
        prepared = _prepare(document)  # the real thing (cleans and segments again): its remainder is what is left
        t3 = time.perf_counter()
        spent["clean"] += t1 - t0
        spent["segment (language)"] += t2 - t1
        spent["_prepare: other"] += max(0.0, (t3 - t2) - (t2 - t0))
        text, ctx = prepared
        t0 = time.perf_counter()
        doc = _make_doc(nlp, text)  # as the API does: the Doc keeps the cleaned text
        spent["tokenizer"] += time.perf_counter() - t0
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            spent[name] += time.perf_counter() - t0
        t0 = time.perf_counter()
        _to_record(doc, ctx, False)
        spent["serialize"] += time.perf_counter() - t0
    total = time.perf_counter() - total0 - spent["clean"] - spent["segment (language)"]  # _prepare ran both twice
    n = len(records)
    print(f"Stages of our full extraction over {n} documents, one at a time, wall clock "
          f"(cleaning and segmentation timed once; total {total:.2f} s = {n / total:.1f} docs/s)")
    print(f"{'stage':<24}{'seconds':>9}{'share':>8}{'ms/doc':>9}")
    for name in order:
        print(f"{name:<24}{spent[name]:>9.2f}{100 * spent[name] / total:>7.1f}%{1000 * spent[name] / n:>9.2f}")
    print()


def profile(records: list[dict], top: int) -> None:
    import cProfile
    import pstats

    import extract

    stage_breakdown(records)
    docs = as_documents(records)
    prof = cProfile.Profile()
    prof.enable()
    out = list(extract.extract_many(docs))
    prof.disable()
    print(f"cProfile of extract_many over {len(out)} documents (warm pipeline; the profiler itself slows Python code ~1.5x)")
    for key in ("cumulative", "tottime"):
        stats = pstats.Stats(prof)
        stats.sort_stats(key).print_stats(top)


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N abstracts (quick check)")
    ap.add_argument("--quantulum-sample", type=int, default=QUANTULUM_SAMPLE, metavar="N",
                    help=f"quantulum3 on the first N texts (default {QUANTULUM_SAMPLE}; 0 = all)")
    ap.add_argument("--profile", action="store_true", help="only profile our full extraction (stages, then cProfile top 25)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child, args.limit)
        return 0
    quiet_warnings()
    if not CORPUS.exists():
        print(f"bench: corpus not found: {CORPUS}", file=sys.stderr)
        return 2
    records = load_records(args.limit)
    texts = [r["text"] for r in records]
    n = len(records)
    if args.profile:
        profile(records, 25)
        return 0
    started = time.perf_counter()
    load_before = loadavg()
    code_before = code_state()

    def log(msg: str) -> None:
        print(f"bench: {msg}", file=sys.stderr, flush=True)

    # -- 1. fresh processes first, while this one is small (see maxrss_mib)
    log(f"{n} abstracts; peak RSS in fresh processes ...")
    rss_ours = run_child("ours", args.limit)
    rss_floor = run_child("floor", args.limit)
    rss_sci = run_child("floor-sci", args.limit)
    log(f"cold start (median of {COLD_RUNS}) ...")
    cold_python, cold_spacy, cold_load, cold_first = cold_starts([
        "pass",
        "import spacy; spacy.blank('en')",
        "import extract; extract.load_pipeline()",
        "import extract; extract.extract('P = 0.01')",
    ])
    log(f"extract run --workers 1 / 2 (best of {WORKER_RUNS}) ...")
    cli = extract_cli()
    runs: dict[int, list[dict]] = {1: [], 2: []}
    with tempfile.TemporaryDirectory(prefix="trial-extract-bench-") as tmp:
        jsonl = Path(tmp) / "abstracts.jsonl"
        with jsonl.open("w", encoding="utf-8") as fh:
            for r in records:
                fh.write(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n")
        for _ in range(WORKER_RUNS):
            for w in (1, 2):
                runs[w].append(workers_run(cli, jsonl, Path(tmp) / f"w{w}.jsonl", w))
    w1, w2 = (min(runs[w], key=lambda r: r["seconds"]) for w in (1, 2))
    same_output = len({r["sha256"] for r in runs[1] + runs[2]}) == 1

    # -- 2. in this process: floors, ours, peers, our finders alone; interleaved
    log("preparing (pipelines, cleaned texts, quantulum3's classifier) ...")
    import extract
    from extract.api import BATCH_SIZE
    from extract.ingest.clean import clean
    from extract.ingest.formats import read_text
    from extract.models import FIELDS
    from extract.normalize.doses import find_doses
    from extract.normalize.pvalues import find_p_values

    extract.load_pipeline()
    quiet_warnings()  # spaCy sets its own warning filters when it loads
    blank, sci = tokenizer_only(False), tokenizer_only(True)
    docs = as_documents(records)
    cleaned = [clean(t).text for t in texts]
    q_n = n if args.quantulum_sample <= 0 else min(n, args.quantulum_sample)
    qpath, qnote = quantulum_classifier()
    from quantulum3 import parser as qparser

    q_units = 0

    def quantulum_count(t: str) -> int:
        nonlocal q_units
        found = qparser.parse(t, classifier_path=qpath)
        q_units += sum(1 for q in found if q.unit.name != "dimensionless")
        return len(found)

    def tokens(nlp):
        return lambda lo, hi: (sum(len(d) for d in nlp.pipe(texts[lo:hi], batch_size=BATCH_SIZE)), 0)

    def ours(lo: int, hi: int) -> tuple[int, int]:
        out = list(extract.extract_many(docs[lo:hi]))
        return sum(len(getattr(r, f)) for r in out for f in FIELDS), sum(1 for r in out if r.error is not None)

    def pvalues(lo: int, hi: int) -> tuple[int, int]:
        return each(lambda t: len(find_p_values(t)), cleaned, lo, hi)

    def statcheck(lo: int, hi: int) -> tuple[int, int]:
        return each(statcheck_count, cleaned, lo, hi)

    def doses(lo: int, hi: int) -> tuple[int, int]:
        return each(lambda t: len(find_doses(t)), cleaned, lo, hi)

    def quantulum(lo: int, hi: int) -> tuple[int, int]:
        return each(quantulum_count, cleaned, lo, hi)

    warm = min(WARMUP_DOCS, n)
    t0 = time.perf_counter()
    qparser.parse("warm-up: 5 mg of drug, 10 mL twice daily", classifier_path=qpath)
    q_load_s = time.perf_counter() - t0
    for fn in (tokens(blank), tokens(sci), ours, pvalues, statcheck, doses, quantulum):
        fn(0, warm)
    q_units = 0
    log(f"floors, ours, statcheck and our finders, interleaved in chunks of {CHUNK} ...")
    main_runs = interleaved(n, CHUNK, {
        "blank": tokens(blank), "sci": tokens(sci), "ours": ours,
        "pvalues": pvalues, "statcheck": statcheck, "doses": doses,
    })
    log(f"quantulum3 against our dose finder and full extraction on {q_n} abstracts, chunks of {SAMPLE_CHUNK} ...")
    sample_runs = interleaved(q_n, SAMPLE_CHUNK, {"quantulum": quantulum, "doses": doses, "ours": ours})
    as_strings_failed = sum(1 for r in records for d in read_text(r["text"], stem=r["id"]) if d.error is not None)
    load_after = loadavg()
    code_after = code_state()

    # -- report
    fl, sf, ou = main_runs["blank"], main_runs["sci"], main_runs["ours"]
    pv, sc, do = main_runs["pvalues"], main_runs["statcheck"], main_runs["doses"]
    qq, sdo, sou = sample_runs["quantulum"], sample_runs["doses"], sample_runs["ours"]
    ratio = fl.dps / ou.dps
    w1_dps, w2_dps = rate(n, w1["seconds"]), rate(n, w2["seconds"])
    s1_dps, s2_dps = rate(n, max(w1["seconds"] - cold_load, 1e-9)), rate(n, max(w2["seconds"] - cold_load, 1e-9))
    qtag = f"first {q_n}" if q_n < n else f"all {n}"
    chars = sum(map(len, texts))

    print("trial-extract speed and memory benchmark")
    print(f"corpus:   {CORPUS} ({n} abstracts, {chars:,} characters, {chars / max(n, 1):.0f} per abstract)")
    for k, v in machine():
        print(f"{k + ':':<10}{v}")
    print(f"load:     1/5/15-min load average {load_before} before the run, {load_after} at the end")
    print(f"code:     {code_before}" + ("" if code_after == code_before else
                                         f"\n          WARNING: the package changed during the run (now {code_after}): figures mix two versions"))

    def row(what: str, t: Timing, found: str, crashes: object, digits: int = 0) -> tuple:
        return (what, t.docs, f"{t.wall:.2f}", f"{t.cpu:.2f}", f"{t.dps:,.{digits}f}", f"{1000 * t.wall / max(t.docs, 1):.3f}", found, crashes)

    print_table(
        "Throughput (one process, same texts, interleaved; docs/s = documents per wall-clock second)",
        ("what", "docs", "wall s", "CPU s", "docs/s", "ms/doc", "found", "crashes"),
        [
            row("floor: spacy.blank('en') tokenizer", fl, f"{fl.found:,} tokens", "-"),
            row("floor: scispaCy combined_rule_tokenizer", sf, f"{sf.found:,} tokens", "-"),
            row("ours: extract_many, full extraction", ou, f"{ou.found:,} mentions", f"{ou.crashes} error records", 1),
            row("ours: find_p_values alone", pv, f"{pv.found:,} p-values", pv.crashes),
            row("statcheck: extract_p_value", sc, f"{sc.found:,} p-values", sc.crashes),
            row("ours: find_doses alone", do, f"{do.found:,} doses", do.crashes),
            row(f"quantulum3: parser.parse ({qtag})", qq, f"{qq.found:,} quantities ({q_units:,} with a unit)", qq.crashes, 1),
            row(f"ours: find_doses alone ({qtag})", sdo, f"{sdo.found:,} doses", sdo.crashes),
            row(f"ours: full extraction ({qtag})", sou, f"{sou.found:,} mentions", f"{sou.crashes} error records", 1),
        ],
        "lrrrrrrl",
    )
    print(f"  interleaved: chunks of {CHUNK} documents ({SAMPLE_CHUNK} on the quantulum3 sample), each contender in turn, "
          f"after a {WARMUP_DOCS}-document warm-up each; batch size {BATCH_SIZE} (extract.api.BATCH_SIZE) for the floors too.")
    print("  the floors and ours-full read the raw abstracts; the peers and our finders read the same cleaned text (extract.ingest.clean).")
    print("  statcheck p-values: extract_p_value rows with a comparator and a value in [0, 1] (as in peer_pvalues.py).")
    print(f"  quantulum3 unit classifier: {qnote}; first parse (tables + classifier load) {q_load_s:.1f} s, not timed.")
    if q_n < n:
        print(f"  quantulum3 is measured on the first {q_n} abstracts only (~{qq.dps:.0f} docs/s); "
              "the ratios against it use ours on the same sample, interleaved with it.")
    if as_strings_failed:
        print(f"  NOTE: given as bare strings, {as_strings_failed} of {n} abstracts are misread by format sniffing "
              "and come back as error records; the bench passes plain-text Documents so all are extracted.")

    print_table(
        "Targets",
        ("measure", "value", "target", "status"),
        [
            ("floor/ours, spacy.blank floor", f"{ratio:.1f}  (ours = {100 / ratio:.1f} % of floor)", f"<= {TARGET_RATIO}", verdict(ratio <= TARGET_RATIO)),
            ("floor/ours, scispaCy-tokenizer floor", f"{sf.dps / ou.dps:.1f}", "(info)", ""),
            ("ours full / quantulum3", f"{sou.dps / qq.dps:.1f}x", f">= {TARGET_VS_QUANTULUM:.0f}x", verdict(sou.dps / qq.dps >= TARGET_VS_QUANTULUM)),
            ("ours find_doses / quantulum3", f"{sdo.dps / qq.dps:.0f}x", f">= {TARGET_VS_QUANTULUM:.0f}x (component)", verdict(sdo.dps / qq.dps >= TARGET_VS_QUANTULUM)),
            ("ours full / statcheck", f"{ou.dps / sc.dps:.3f}x", f">= {TARGET_VS_STATCHECK:.0f}x", verdict(ou.dps / sc.dps >= TARGET_VS_STATCHECK)),
            ("ours find_p_values / statcheck", f"{pv.dps / sc.dps:.2f}x", f">= {TARGET_VS_STATCHECK:.0f}x (component)", verdict(pv.dps / sc.dps >= TARGET_VS_STATCHECK)),
            ("peak RSS, full extraction, 1 process", f"{rss_ours['hwm_peak_mib']:.0f} MiB", f"<= {TARGET_RSS_MIB:.0f} MiB", verdict(rss_ours["hwm_peak_mib"] <= TARGET_RSS_MIB)),
            ("peak RSS, largest process of --workers 2", f"{w2['maxrss_mib']:.0f} MiB", f"<= {TARGET_RSS_MIB:.0f} MiB", verdict(w2["maxrss_mib"] <= TARGET_RSS_MIB)),
            ("cold start: import + load_pipeline()", f"{cold_load:.2f} s", f"<= {TARGET_COLD_S:.0f} s", verdict(cold_load <= TARGET_COLD_S)),
            ("cold start: import + first extract()", f"{cold_first:.2f} s", f"<= {TARGET_COLD_S:.0f} s", verdict(cold_first <= TARGET_COLD_S)),
        ],
        "llll",
    )

    def mem_row(what: str, r: dict, extra: str) -> tuple:
        return (what, f"{r['hwm_start_mib']:.0f}", f"{r['hwm_loaded_mib']:.0f}", f"{r['hwm_peak_mib']:.0f}", f"{r['rss_peak_mib']:.0f}", extra)

    print_table(
        "Memory (fresh process over all the abstracts; MiB; VmHWM = the process's own peak RSS)",
        ("process", "VmHWM start", "VmHWM loaded", "VmHWM peak", "ru_maxrss", "docs/s in that process"),
        [
            mem_row("ours: load_pipeline + extract_many", rss_ours,
                    f"{rate(rss_ours['docs'], rss_ours['run_s']):,.1f} (no warm-up; load {rss_ours['load_s']:.2f} s)"),
            mem_row("floor: spacy.blank('en') tokenizer", rss_floor, f"{rate(rss_floor['docs'], rss_floor['run_s']):,.0f}"),
            mem_row("floor: scispaCy tokenizer", rss_sci, f"{rate(rss_sci['docs'], rss_sci['run_s']):,.0f}"),
        ],
        "lrrrrl",
    )

    print_table(
        f"Cold start (fresh `{Path(sys.executable).name} -c ...`, wall clock, median of {COLD_RUNS}, commands in turn)",
        ("command", "seconds"),
        [
            ("pass  (interpreter alone)", f"{cold_python:.2f}"),
            ("import spacy; spacy.blank('en')", f"{cold_spacy:.2f}"),
            ("import extract; extract.load_pipeline()", f"{cold_load:.2f}"),
            ("import extract; extract.extract('P = 0.01')", f"{cold_first:.2f}"),
        ],
        "lr",
    )

    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print_table(
        f"Workers (`extract run FILE.jsonl -q -o OUT --workers N`, {n} abstracts, wall clock incl. startup, "
        f"best of {WORKER_RUNS} taking turns; {usable} usable cores)",
        ("workers", "wall s", "CPU s (all procs)", "docs/s", "scaling", "~docs/s after startup", "scaling", "largest process RSS", "output lines"),
        [
            ("1", f"{w1['seconds']:.2f}", f"{w1['cpu']:.1f}", f"{w1_dps:,.1f}", "1.00x", f"{s1_dps:,.1f}", "1.00x",
             f"{w1['maxrss_mib']:.0f} MiB", w1["lines"]),
            ("2", f"{w2['seconds']:.2f}", f"{w2['cpu']:.1f}", f"{w2_dps:,.1f}", f"{w2_dps / w1_dps:.2f}x", f"{s2_dps:,.1f}", f"{s2_dps / s1_dps:.2f}x",
             f"{w2['maxrss_mib']:.0f} MiB", w2["lines"]),
        ],
        "rrrrrrrrr",
    )
    every = "; ".join(f"--workers {w}: " + " / ".join(f"{r['seconds']:.1f} s" for r in runs[w]) for w in (1, 2))
    print(f"  every run: {every}")
    print(f"  ~docs/s after startup = docs / (wall - {cold_load:.2f} s cold start): every worker loads its own pipeline, in parallel.")
    print(f"  output identical across worker counts and runs: {'yes' if same_output else 'NO'}; cli: {cli}")
    print(f"\nbench wall time: {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
