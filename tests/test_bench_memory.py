"""The phase-by-phase memory benchmark (bench/bench_memory.py) at a tiny size (its smoke run)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_memory_benchmark_samples_each_phase(tmp_path: Path) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "memory.json"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "generate.py"), "5", str(corpus)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    cmd = [sys.executable, str(ROOT / "bench" / "bench_memory.py"), "--corpus", str(corpus)]
    cmd += ["--interval", "0.05", "--tracemalloc", "--out", str(out)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=600)
    res = json.loads(out.read_text(encoding="utf-8"))
    assert res["appeals"] == 5 and res["build"]["triples"] > 0
    # CPU of the build process, and with its workers; the code measured.
    assert 0 < res["build"]["cpu_seconds"] <= res["cpu_seconds_with_workers"]
    assert res["commit"] and res["corpus"] == "corpus"
    names = [p["phase"] for p in res["phases"]]
    # The build's steps, in the order it takes them (each marked once).
    expected = [
        "records parsed",
        "identity resolution",
        "keys and provisions",
        "graphs written and split",
        "identity and rules' state written",
        "bulk load",
        "rules",
        "counts and public store",
        "export files",
        "end",
    ]
    assert [n for n in names if n in expected] == expected
    assert res["peak_tree_rss_mb"] >= res["peak_main_rss_mb"] > 0
    assert res["peak_tree_pss_mb"] > 0
    traced = [p for p in res["phases"] if "top_at_start" in p]
    assert traced and all(p["python_mb_at_start"] >= 0 for p in traced)
    assert any(t["where"].startswith("kg/") for p in traced for t in p["top_at_start"])
    assert str(tmp_path) not in out.read_text(encoding="utf-8")
    assert str(ROOT) not in out.read_text(encoding="utf-8")
