"""The command line: one record per document, formats, exit codes, eval output."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extract.cli import main

ROOT = Path(__file__).resolve().parents[1]


def _lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_run_directory_one_record_per_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text("Pain fell (P = 0.03). ISRCTN86750102.")
    (d / "empty.txt").write_text("")
    (d / "bad.json").write_text("{nope")
    (d / "set.jsonl").write_text('{"id": "r1", "text": "p<.001"}\n{"id": "r2", "text": "no stats"}\n')
    assert main(["run", str(d)]) == 0
    recs = _lines(capsys.readouterr().out)
    assert [r["id"] for r in recs] == ["bad", "empty", "good", "r1", "r2"]
    by_id = {r["id"]: r for r in recs}
    assert by_id["bad"]["error"]["type"] == "invalid_json"
    assert by_id["empty"]["error"]["type"] == "empty_document"
    assert by_id["good"]["p_values"][0]["value"] == 0.03 and "error" not in by_id["good"]
    assert by_id["r1"]["p_values"][0]["comparator"] == "<"


def test_run_with_text_and_output_file(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    assert main(["run", str(ROOT / "seeds" / "002_68877ee8deb5136e.txt"), "-o", str(out), "--with-text"]) == 0
    (rec,) = _lines(out.read_text())
    for p in rec["p_values"] + rec["registrations"]:
        assert rec["text"][p["start"]:p["end"]] == p["text"]


def test_run_output_dash_is_standard_output(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Pain fell (P = 0.03).")
    assert main(["run", "a.txt", "-o", "-", "-q"]) == 0
    (rec,) = _lines(capsys.readouterr().out)
    assert rec["id"] == "a" and rec["p_values"][0]["value"] == 0.03
    assert not (tmp_path / "-").exists()
    assert main(["run", "a.txt", "-o", "-", "--resume"]) == 2  # resuming needs a file


def test_run_csv_one_row_per_mention(tmp_path: Path) -> None:
    out = tmp_path / "o.csv"
    src = tmp_path / "a.txt"
    src.write_text("FVC (P = 0.014) and ALSFRS-R (P < 0.001). NCT02116634")
    assert main(["run", str(src), str(src), "--format", "csv", "-o", str(out)]) == 0
    rows = [r for r in csv.DictReader(out.open()) if r["field"] in ("p_values", "registrations")]
    assert [r["field"] for r in rows] == ["p_values", "p_values", "registrations"] * 2
    assert rows[0]["value"] == "= 0.014" and rows[0]["text"] == "P = 0.014"


def test_run_missing_path_is_a_run_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "/nonexistent/path/x"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_eval_prints_table_json_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.json").write_text(json.dumps({
        "id": "a", "sample_sizes": [], "doses": [], "routes": [], "outcomes": [],
        "p_values": [{"comparator": "=", "value": 0.03, "outcome": None}, {"comparator": "<", "value": 0.01, "outcome": None}],
        "registrations": [{"registry": "ISRCTN", "id": "ISRCTN86750102"}]}))
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Pain fell (P = 0.03) and (P = 0.5). ISRCTN86750102.")
    assert main(["eval", "--gold", str(gold), str(docs)]) == 0
    out = capsys.readouterr().out
    assert "p_values" in out and "overall (micro)" in out
    assert main(["eval", "--gold", str(gold), str(docs), "--json", "--errors"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["fields"]["p_values"] == {"tp": 1, "fp": 1, "fn": 1, "precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert data["fields"]["registrations"]["f1"] == 1.0
    assert data["errors"]["a"]["p_values"] == {"false_positives": [["=", 0.5]], "misses": [["<", 0.01]]}
    pred = tmp_path / "pred.jsonl"
    main(["run", str(docs), "-o", str(pred)])
    capsys.readouterr()
    assert main(["eval", "--gold", str(gold), "--pred", str(pred), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["overall"]["tp"] == 2


def test_console_script_is_installed() -> None:
    exe = shutil.which("extract", path=str(Path(sys.executable).parent))
    assert exe, "the `extract` console script is not installed next to this Python"
    res = subprocess.run([exe, "run", str(ROOT / "seeds" / "003_f69a525beeeb3bd6.txt")], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0
    (rec,) = _lines(res.stdout)
    assert rec["id"] == "003_f69a525beeeb3bd6" and rec["registrations"][0]["id"] == "NCT02116634"


def test_eval_by_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "--gold", str(ROOT / "gold"), str(ROOT / "seeds"), "--lang", "zh", "--json"]) == 0
    zh = json.loads(capsys.readouterr().out)
    assert main(["eval", "--gold", str(ROOT / "gold"), str(ROOT / "seeds"), "--exclude-lang", "zh", "--json"]) == 0
    en = json.loads(capsys.readouterr().out)
    assert zh["documents"] >= 8 and en["documents"] >= 30
    assert zh["documents"] + en["documents"] == len(list((ROOT / "gold").glob("*.json")))
