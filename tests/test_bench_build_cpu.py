"""The full-build CPU benchmark runs at a tiny size and writes its results file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
BENCH = str(ROOT / "bench" / "bench_build_cpu.py")


def test_build_cpu_benchmark_writes_its_results(tmp_path: Path) -> None:
    out = tmp_path / "build-cpu.json"
    cmd = [sys.executable, BENCH, "--size", "6", "--corpus", str(tmp_path / "c"), "--out", str(out)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=600)
    res = json.loads(out.read_text(encoding="utf-8"))
    assert res["appeals"] == 6 and len(res["load_before"]) == 3
    assert res["build"]["cpu_s"] > 0 and res["bulk_load"]["cpu_s"] > 0
    assert res["ratio_cpu"] == round(res["build"]["cpu_s"] / res["bulk_load"]["cpu_s"], 2)
    # the quads bulk-loaded are those of a build of the same corpus
    subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", "--data", str(tmp_path / "c"), "--store",
         str(tmp_path / "s")],
        check=True, capture_output=True, timeout=600, cwd=ROOT,
    )  # fmt: skip
    assert res["quads"] == len(ox.Store.read_only(str(tmp_path / "s" / "full")))
    assert "/" not in res["repo"]  # no path of the machine in the results


def test_build_cpu_benchmark_stops_on_a_failed_build(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "generate.py"), "4", str(corpus)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    bad = sorted((corpus / "cases").glob("*.yaml"))[0]
    bad.write_text("appeal: [unclosed\n", encoding="utf-8")
    cmd = [
        sys.executable,
        BENCH,
        "--size",
        "4",
        "--corpus",
        str(corpus),
        "--out",
        str(tmp_path / "x"),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert done.returncode != 0 and bad.name in done.stderr
    assert not (tmp_path / "x").exists()
