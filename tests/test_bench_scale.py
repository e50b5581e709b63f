"""The scale benchmark runs at a tiny size and writes its results file (CI's smoke run)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_scale_benchmark_writes_its_results(tmp_path: Path) -> None:
    cmd = [sys.executable, str(ROOT / "bench" / "bench_scale.py"), "--sizes", "6"]
    cmd += ["--budget", "120", "--out", str(tmp_path / "out"), "--work", str(tmp_path / "w")]
    subprocess.run(cmd, check=True, capture_output=True, timeout=900)
    res = json.loads((tmp_path / "out" / "scale-6.json").read_text(encoding="utf-8"))
    assert res["appeals"] == 6 and len(res["load_before"]) == 3
    assert res["build"]["triples"] == res["triples"]["store_triples"] > 0
    assert res["noop_rebuild"]["triples"] == res["build"]["triples"]
    assert res["mutate"]["changed"] == 1
    assert res["oxigraph_bulk_load"]["quads"] == res["build"]["triples"]
    assert res["triples_per_appeal"] < res["triples_per_appeal_before"]
    for fmt in ("nquads", "ntriples", "trig", "turtle"):
        assert res["exports"][fmt]["bytes"] > 0
    assert res["peak_rss_mb"] > 0
