"""The extraction profile (bench/profile_extract.py): its arguments and a tiny run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "bench" / "profile_extract.py"

APPEAL = """12 March 2021

Zembla: Human rights defender Tomas Vela arrested

On 9 March 2021, police in Vela Nova arrested Tomas Vela, director of the Zenda Rights Centre.
On 11 March 2021, the Vela Nova District Court charged him under Article 12 of the Criminal Code.

We urge the authorities to:
1. Release Tomas Vela immediately and unconditionally.
"""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=300
    )


def test_a_run_counts_stages_and_patterns(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(APPEAL, encoding="utf-8")
    out = tmp_path / "profile.json"
    res = run("--passes", "2", "--corpus", str(folder), "--out", str(out))
    assert res.returncode == 0, res.stderr
    result = json.loads(out.read_text())
    assert result == json.loads(res.stdout)
    assert result["appeals"] == 2 and result["corpus_texts"] == 1
    stages = {s["stage"]: s for s in result["stages"]}
    # the event stage runs patterns (the header's date, the triggers' gate, the hedges)
    assert stages["find_events"]["pattern_calls_per_appeal"] > 0
    assert stages["make_doc"]["pattern_calls_per_appeal"] > 0
    # the pipeline's own body is no stage: time is told by the steps it calls
    assert "_extract_case" not in stages
    assert abs(sum(s["cpu_share"] for s in result["stages"]) - 1) < 0.01 or result["samples"] == 1
    calls = sum(s["pattern_calls_per_appeal"] for s in result["stages"])
    assert abs(calls - result["pattern_calls_per_appeal"]) < 1
    assert result["patterns"] and all(p["calls_per_appeal"] > 0 for p in result["patterns"])


def test_only_extract_prints_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(APPEAL, encoding="utf-8")
    res = run("--only-extract", "--passes", "0", "--corpus", str(folder))
    assert res.returncode == 0 and res.stdout == ""


def test_bad_arguments_exit_2(tmp_path: Path) -> None:
    res = run("--corpus", str(tmp_path / "missing"))
    assert res.returncode == 2 and "not a folder" in res.stderr
    res = run("--passes", "-1")
    assert res.returncode == 2 and "--passes" in res.stderr
    res = run("--passes", "0")
    assert res.returncode == 2 and "at least 1" in res.stderr
    (tmp_path / "empty").mkdir()
    res = run("--corpus", str(tmp_path / "empty"))
    assert res.returncode == 2 and "no appeal texts" in res.stderr


def test_split_dev_leaves_out_the_test_split(tmp_path: Path) -> None:
    lines = (ROOT / "data" / "corpus-test-split.txt").read_text(encoding="utf-8").splitlines()
    listed = next(n for n in (line.split("#", 1)[0].strip() for line in lines) if n)
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(APPEAL, encoding="utf-8")
    (folder / f"{listed}.txt").write_text(APPEAL, encoding="utf-8")
    out = tmp_path / "profile.json"
    res = run("--passes", "1", "--corpus", str(folder), "--split", "dev", "--out", str(out))
    assert res.returncode == 0, res.stderr
    result = json.loads(out.read_text())
    assert result["corpus_texts"] == 1 and result["split"] == "dev"
    assert result["command"].endswith("--split dev")
    res = run("--split", "test", "--corpus", str(folder))
    assert res.returncode == 2 and "invalid choice: 'test'" in res.stderr
