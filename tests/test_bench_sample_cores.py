"""bench/sample_cores.py: a command run with its cores and memory sampled each second; its exit
code passed on, the idle stretches found in the samples, no command refused (exit 2)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "sample_cores.py"
HOLD = "import sys, time; b = b'x' * (64 << 20); time.sleep(2.5); sys.exit(3)"


def _module():
    spec = importlib.util.spec_from_file_location("sample_cores", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_idle_stretches_are_runs_of_ten_seconds_under_the_bar() -> None:
    stretches = _module().idle_stretches
    busy = [2.0] * 5 + [1.0] * 12 + [1.9] * 3 + [1.5] * 9 + [0.4] * 10
    assert stretches(busy) == [
        {"start": 5, "seconds": 12, "cores": 1.0},
        {"start": 29, "seconds": 10, "cores": 0.4},  # at the end of the samples too
    ]
    assert stretches([1.0] * 9) == []  # nine seconds: too short
    assert stretches([]) == []


def test_a_command_is_sampled_and_its_exit_code_passed_on(tmp_path: Path) -> None:
    out = tmp_path / "cores.json"
    ran = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out), "--",
         sys.executable, "-c", HOLD],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert ran.returncode == 3, ran.stderr
    found = json.loads(out.read_text(encoding="utf-8"))
    assert found["exit_code"] == 3 and found["command"][-1].endswith("sys.exit(3)")
    assert len(found["busy_cores"]) >= 2 and all(c >= 0 for c in found["busy_cores"])
    assert found["peak_summed_rss_mb"] >= 64  # the child's bytearray, paged in
    assert found["process_peaks_mb"][0] >= 64


def test_no_command_is_refused_in_one_line(tmp_path: Path) -> None:
    ran = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(tmp_path / "x.json")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert ran.returncode == 2
    assert "no command to run" in ran.stderr and "Traceback" not in ran.stderr
    assert not (tmp_path / "x.json").exists()
