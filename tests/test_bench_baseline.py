"""bench/bench_baseline.py: the build beside Virtuoso's and Oxigraph's bulk loads of one file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from loadscript import load_script

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "bench" / "bench_baseline.py"

baseline = load_script("bench/bench_baseline.py")

REPORT = """\
\tCommand being timed: "kg build --store S"
\tUser time (seconds): 412.37
\tSystem time (seconds): 37.75
\tPercent of CPU this job got: 32%
\tElapsed (wall clock) time (h:mm:ss or m:ss): 1:23:26.91
\tMaximum resident set size (kbytes): 763904
\tExit status: 0
"""


def test_time_report_read() -> None:
    figures = baseline.parse_time_v(REPORT)
    assert figures["cpu_seconds"] == 450.12
    assert figures["wall_seconds"] == 5006.91  # 1 h 23 min 26.91 s
    assert figures["peak_rss_mb"] == 746.0


def test_time_report_in_minutes() -> None:
    report = REPORT.replace("1:23:26.91", "2:05.50")
    assert baseline.parse_time_v(report)["wall_seconds"] == 125.5


@pytest.mark.parametrize(
    "broken",
    [
        "",
        REPORT.replace("\tUser time (seconds): 412.37\n", ""),
        REPORT.replace("763904", "lots"),
    ],
)
def test_time_report_broken(broken: str) -> None:
    with pytest.raises(ValueError, match="GNU time -v"):
        baseline.parse_time_v(broken)


def test_ratios_of_build_over_each_loader() -> None:
    res = {
        "build": {"cpu_seconds": 150.0, "wall_seconds": 300.0},
        "virtuoso_bulk_load": {"server_cpu_seconds": 60.0, "bulk_load_seconds": 100.0},
        "oxigraph_bulk_load": {"cpu_seconds": 30.0, "wall_seconds": 40.0},
    }
    assert baseline.ratios(res) == {
        "build_over_virtuoso_cpu": 2.5,
        "build_over_virtuoso_wall": 3.0,
        "build_over_oxigraph_cpu": 5.0,
        "build_over_oxigraph_wall": 7.5,
    }
    # the server's CPU unknown (no /proc): no CPU ratio rather than a wrong one
    res["virtuoso_bulk_load"]["server_cpu_seconds"] = None
    assert "build_over_virtuoso_cpu" not in baseline.ratios(res)
    assert baseline.ratios({"oxigraph_bulk_load": {"cpu_seconds": 1.0}}) == {}


def test_corpus_without_cases_is_refused(tmp_path: Path) -> None:
    cmd = [sys.executable, str(SCRIPT), "--corpus", str(tmp_path), "--work", str(tmp_path)]
    run = subprocess.run([*cmd, "--out", str(tmp_path / "b.json")], capture_output=True, text=True)
    assert run.returncode == 2
    assert "no cases/ folder" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "b.json").exists()


@pytest.mark.virtuoso
def test_build_and_both_loads_of_one_file(tmp_path: Path) -> None:
    """A small corpus built, its public N-Quads loaded by Oxigraph and by Virtuoso: every quad
    arrives in both, each step has its CPU and wall time, and nothing is left behind."""
    corpus = tmp_path / "corpus"
    generate = [sys.executable, str(ROOT / "bench" / "generate.py"), "5", str(corpus)]
    subprocess.run(generate, check=True, capture_output=True, timeout=300)
    work, out = tmp_path / "work", tmp_path / "baseline.json"
    cmd = [sys.executable, str(SCRIPT), "--corpus", str(corpus), "--work", str(work)]
    subprocess.run([*cmd, "--out", str(out)], check=True, capture_output=True, timeout=900)
    res = json.loads(out.read_text(encoding="utf-8"))
    public = res["quads"]["public"]
    assert public > 0 and res["quads"]["full"] >= public
    assert res["oxigraph_bulk_load"]["quads"] == public
    assert res["virtuoso_bulk_load"]["quads_loaded"] == public
    assert res["build"]["cpu_seconds"] > 0 and res["build"]["wall_seconds"] > 0
    assert res["oxigraph_bulk_load"]["wall_seconds"] > 0
    assert res["virtuoso_bulk_load"]["server_cpu_seconds"] is not None
    assert res["dump"]["nquads_bytes"] > 0
    assert set(res["ratios"]) >= {"build_over_virtuoso_wall", "build_over_oxigraph_wall"}
    assert sorted(p.name for p in work.iterdir()) == []  # store, database, file: all removed
