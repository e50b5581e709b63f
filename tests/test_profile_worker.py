"""The worker steps' profile (bench/profile_worker.py): a tiny run, and a data folder without
records refused in one line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from benchgen import generated_data

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "bench" / "profile_worker.py"
STEPS = {"parse_record", "yaml", "items", "unpickle", "case_nquads", "chunk_lines", "export_files"}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=300
    )


def test_a_run_times_each_step_of_each_record(tmp_path: Path) -> None:
    data = generated_data(tmp_path / "data", 3, seed=2)
    out = tmp_path / "steps.json"
    res = run(str(data), "--records", "5", "--repeat", "2", "--out", str(out))
    assert res.returncode == 0, res.stderr
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["ms_per_record"] == json.loads(res.stdout)
    assert result["records"] == 3 and len(result["ms_per_record"]) == 2
    for took in result["ms_per_record"]:
        assert set(took) == STEPS
        assert took["case_nquads"] > 0 and took["yaml"] > 0


def test_the_steps_are_timed_with_the_collector_settled_as_in_a_worker(tmp_path: Path) -> None:
    from kg.store.workers import WORKER_GEN0

    data = generated_data(tmp_path / "data", 2, seed=3)
    got = {}
    for flag in ("", "--unsettled"):
        out = tmp_path / f"steps{flag}.json"
        flags = [flag] if flag else []
        res = run(str(data), "--records", "2", "--repeat", "1", "--out", str(out), *flags)
        assert res.returncode == 0, res.stderr
        got[flag] = json.loads(out.read_text(encoding="utf-8"))
    assert got[""]["settled"] is True and got[""]["collector_gen0"] == WORKER_GEN0
    assert got["--unsettled"]["settled"] is False
    assert got["--unsettled"]["collector_gen0"] != WORKER_GEN0


def test_a_folder_without_records_is_refused(tmp_path: Path) -> None:
    (tmp_path / "cases").mkdir()
    res = run(str(tmp_path))
    assert res.returncode != 0
    assert "no *.yaml record" in res.stderr and "Traceback" not in res.stderr
