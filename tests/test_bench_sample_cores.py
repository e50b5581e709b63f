"""bench/sample_cores.py: a command run with its cores and memory sampled each second; its exit
code passed on, the idle stretches found in the samples, pages that forked processes share
counted once in PSS, no command refused (exit 2)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "sample_cores.py"
HOLD = "import sys, time; b = b'x' * (64 << 20); time.sleep(2.5); sys.exit(3)"
# 64 MB paged in, then shared with a forked process: resident in each, in PSS once.
SHARED = (
    "import os, time; b = b'x' * (64 << 20); pid = os.fork(); time.sleep(2.5)\n"
    "if pid == 0: os._exit(0)\n"
    "os.waitpid(pid, 0)"
)


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
    assert found["peak_summed_pss_mb"] >= 64 and found["peak_pss_at_second"] == 1


def test_pages_forked_processes_share_count_once_in_pss(tmp_path: Path) -> None:
    out = tmp_path / "cores.json"
    ran = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out), "--", sys.executable, "-c", SHARED],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    found = json.loads(out.read_text(encoding="utf-8"))
    assert found["peak_summed_rss_mb"] >= 2 * 64  # each process's resident size holds the bytes
    assert 64 <= found["peak_summed_pss_mb"] < 64 + 48  # once over the two
    assert "MB PSS" in ran.stdout


def test_no_command_is_refused_in_one_line(tmp_path: Path) -> None:
    ran = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(tmp_path / "x.json")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert ran.returncode == 2
    assert "no command to run" in ran.stderr and "Traceback" not in ran.stderr
    assert not (tmp_path / "x.json").exists()
