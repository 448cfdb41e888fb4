"""p-values: trial-extract side by side with statcheck, measured in one run.

Both tools read the same cleaned text of every gold document (our ingest and
cleaning, so statcheck is not penalised for HTML or encodings), and both are
scored with the SPEC section 5 p-value rule against ``gold/``. statcheck's
``extract_p_value`` is its widest p-value extractor (every "p =/</> number",
not only complete APA test results), i.e. the most generous reading of it.

Speed is measured on the 1,999 EBM-NLP abstracts: the p-value finders alone,
on the same texts, in the same process.

Run in the benchmark environment (statcheck and pandas stay out of the
package's dependencies)::

    python3 -m venv .bench-venv
    .bench-venv/bin/pip install -e . "statcheck==0.0.7" "pandas<3"
    .bench-venv/bin/python benchmarks/peer_pvalues.py
"""

from __future__ import annotations

import json
import platform
import sys
import time
from pathlib import Path

from extract.evaluate import Counts, load_gold, score_field
from extract.ingest.clean import clean
from extract.ingest.formats import read_path
from extract.normalize.pvalues import find_p_values

ROOT = Path(__file__).resolve().parents[1]
EBM = ROOT.parent / "shared" / "corpus" / "ebm_nlp_rct_abstracts.jsonl"
STATCHECK_CRASHES: list[str] = []


def statcheck_p_values(text: str) -> list[dict]:
    from statcheck.helpers_parse_stats import extract_p_value

    try:
        df = extract_p_value(text)
    except (ValueError, TypeError, IndexError) as exc:  # statcheck raises on some real abstracts
        STATCHECK_CRASHES.append(f"{type(exc).__name__}: {exc}")
        return []
    out = []
    for comp, value in zip(df.get("p_comp", []), df.get("p_value", []), strict=False):
        comp = {"≤": "<=", "≥": ">="}.get(str(comp), str(comp))
        try:
            v = float(value)
        except (TypeError, ValueError):
            continue
        if comp in {"=", "<", ">", "<=", ">="} and 0 <= v <= 1:
            out.append({"comparator": comp, "value": v})
    return out


def ours_p_values(text: str) -> list[dict]:
    return [{"comparator": m.comparator, "value": m.value} for m in find_p_values(text)]


def main() -> int:
    gold = load_gold(ROOT / "gold")
    texts: dict[str, str] = {}
    for doc in read_path(ROOT / "seeds"):
        if doc.id in gold and doc.error is None:
            texts[doc.id] = clean(doc.text, doc.title).text
    results = {"trial-extract": Counts(), "statcheck": Counts()}
    for doc_id, text in texts.items():
        gp = gold[doc_id]["p_values"]
        results["trial-extract"].add(score_field("p_values", ours_p_values(text), gp).counts)
        results["statcheck"].add(score_field("p_values", statcheck_p_values(text), gp).counts)
    print(f"machine: {platform.machine()}, Python {platform.python_version()}, {platform.platform()}")
    print(f"p-values on gold/ ({len(texts)} documents, {sum(len(gold[d]['p_values']) for d in texts)} gold p-values)")
    print(f"{'tool':<15}{'TP':>5}{'FP':>5}{'FN':>5}{'P':>8}{'R':>8}{'F1':>8}")
    for name, c in results.items():
        print(f"{name:<15}{c.tp:>5}{c.fp:>5}{c.fn:>5}{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}")

    if EBM.exists():
        abstracts = [json.loads(line)["text"] for line in EBM.open(encoding="utf-8")]
        speeds = {}
        for name, fn in (("trial-extract", ours_p_values), ("statcheck", statcheck_p_values)):
            t0 = time.perf_counter()
            found = sum(len(fn(t)) for t in abstracts)
            dt = time.perf_counter() - t0
            speeds[name] = len(abstracts) / dt
            print(f"{name:<15} {len(abstracts)} abstracts in {dt:6.2f} s = {speeds[name]:8.0f} docs/s, {found} p-values found")
        print(f"statcheck raised on {len(STATCHECK_CRASHES)} documents (counted as finding nothing)")
        print(f"speed ratio trial-extract / statcheck: {speeds['trial-extract'] / speeds['statcheck']:.1f}x")
    else:
        print(f"(speed skipped: {EBM} not found)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
