"""Batch runs: ordered parallel output, resume after a kill, progress and summary."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract.batch import resume_state
from extract.cli import main

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [
    "We randomized {n} patients to drug 20 mg daily or placebo (P = 0.0{k}). NCT0{i:07d}.",
    "Twenty-one patients received 1 × 10^6 cells/kg intrathecally; FVC improved (p<.001).",
    "",
    "{{broken json",
]


def _corpus(path: Path, n: int) -> list[str]:
    ids = []
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text = TEXTS[i % 2].format(n=40 + i % 50, k=1 + i % 9, i=i)
            ids.append(f"doc{i}")
            fh.write(json.dumps({"id": f"doc{i}", "text": text}) + "\n")
    return ids


def _exe() -> str:
    exe = shutil.which("extract", path=str(Path(sys.executable).parent))
    assert exe
    return exe


def test_workers_keep_input_order_and_results(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    ids = _corpus(src, 120)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["run", str(src), "-o", str(one), "-q"]) == 0
    assert main(["run", str(src), "-o", str(two), "-q", "--workers", "2"]) == 0
    assert one.read_text() == two.read_text()
    assert [json.loads(line)["id"] for line in two.read_text().splitlines()] == ids


def test_resume_state_cuts_a_torn_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "a"}\n{"id": "b"}\n{"id": "c", "p_val')
    assert resume_state(out) == {"a", "b"}
    assert out.read_text() == '{"id": "a"}\n{"id": "b"}\n'
    assert resume_state(tmp_path / "missing.jsonl") == set()


def test_resume_after_sigkill_gives_every_document_exactly_once(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    ids = _corpus(src, 600)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([_exe(), "run", str(src), "-o", str(out), "-q"], stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and (not out.exists() or out.stat().st_size < 20_000):
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = out.read_text(encoding="utf-8").count("\n")
    assert 0 < partial < len(ids), "the run should have been killed part-way"
    res = subprocess.run([_exe(), "run", str(src), "-o", str(out), "--resume"], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0
    assert "already in the output, skipped" in res.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    got = [json.loads(line)["id"] for line in lines]
    assert sorted(got) == sorted(ids) and len(got) == len(set(got))


def test_resume_needs_an_output_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    _corpus(src, 2)
    assert main(["run", str(src), "--resume"]) == 2
    assert "--resume needs -o FILE" in capsys.readouterr().err


def test_summary_on_stderr_and_no_progress_bar_when_not_a_terminal(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    with src.open("w") as fh:
        fh.write(json.dumps({"id": "ok", "text": "P = 0.01"}) + "\n{broken\n" + json.dumps({"id": "e", "text": ""}) + "\n")
    res = subprocess.run([_exe(), "run", str(src)], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0 and len(res.stdout.splitlines()) == 3
    assert "documents: 3" in res.stderr
    assert "errors: 2 (empty_document: 1, invalid_json: 1)" in res.stderr
    assert "p_values 1" in res.stderr
    assert "\r" not in res.stderr  # no progress bar: stderr is not a terminal
    quiet = subprocess.run([_exe(), "run", str(src), "-q"], capture_output=True, text=True, timeout=120)
    assert "documents:" not in quiet.stderr
