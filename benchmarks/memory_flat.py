"""Does memory stay flat over a long run? RSS every N documents, side by side.

spaCy's vocabulary keeps every distinct string it tokenizes, so a long run
over unseen text grows unless the pipeline is replaced now and then
(``extract.api.REFRESH_EVERY``). This script streams documents made from the
1,999 EBM-NLP abstracts, each given ``--unseen`` never-seen strings (new
identifiers and decimals, as a PubMed baseline keeps bringing), through
``extract_many`` in two fresh processes: with the shipped refresh interval,
and with refreshing turned off (the baseline). It prints RSS in both, at the
same document counts.

    .venv/bin/python benchmarks/memory_flat.py --docs 20000
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
import warnings
from pathlib import Path

ABSTRACTS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ebm_nlp_rct_abstracts.jsonl"


def _rss_mib() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) // 1024
    return -1


def child(docs: int, unseen: int, every: int, refresh: int | None) -> None:
    warnings.simplefilter("ignore")
    import extract.api as api
    from extract.ingest.document import Document

    if refresh is not None:
        api.REFRESH_EVERY = refresh
    texts = [json.loads(line)["text"] for line in ABSTRACTS.open()]
    rng = random.Random(0)

    def gen():
        for i in range(docs):
            words = texts[i % len(texts)].split()
            for _ in range(unseen // 2):
                words.insert(rng.randrange(len(words)), f"X{rng.randrange(10**9)}")
                words.insert(rng.randrange(len(words)), f"{rng.randrange(10**6) / 1000:.3f}")
            yield Document(id=str(i), format="text", text=" ".join(words))

    start = time.perf_counter()
    for i, _ in enumerate(api.extract_many(gen()), 1):
        if i % every == 0 or i == docs:
            print(json.dumps({"docs": i, "rss": _rss_mib(), "s": round(time.perf_counter() - start, 1)}), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=20_000)
    ap.add_argument("--unseen", type=int, default=40, help="never-seen strings added to each document")
    ap.add_argument("--every", type=int, default=2_500, help="print RSS every this many documents")
    ap.add_argument("--child", choices=["shipped", "off"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.docs, args.unseen, args.every, None if args.child == "shipped" else 10**12)
        return
    import extract.api as api

    rows: dict[str, dict[int, tuple[int, float]]] = {}
    for mode in ("shipped", "off"):
        out = subprocess.run(
            [sys.executable, __file__, "--child", mode, "--docs", str(args.docs), "--unseen", str(args.unseen),
             "--every", str(args.every)], capture_output=True, text=True, check=True)
        rows[mode] = {}
        for line in out.stdout.splitlines():
            r = json.loads(line)
            rows[mode][r["docs"]] = (r["rss"], r["s"])
    print(f"RSS (MiB) over {args.docs:,} documents with {args.unseen} unseen strings each")
    print(f"{'documents':>10}  {'refresh every ' + format(api.REFRESH_EVERY, ','):>22}  {'no refresh (baseline)':>22}")
    for n in sorted(rows["shipped"]):
        a, b = rows["shipped"][n], rows["off"].get(n, (-1, 0))
        print(f"{n:>10,}  {a[0]:>16} ({a[1]:>5}s)  {b[0]:>16} ({b[1]:>5}s)")


if __name__ == "__main__":
    main()
