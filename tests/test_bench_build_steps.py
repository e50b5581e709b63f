"""The build-steps benchmark times each step on a small built store and reports what it made:
the same hash for a step run twice, and the counts of the store it read."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
from benchgen import generated_data

from kg.store.build import build
from kg.vocab import DERIVED_GRAPH

ROOT = Path(__file__).resolve().parents[1]
BENCH = str(ROOT / "bench" / "bench_build_steps.py")


def _step(*args: str, out: Path) -> dict:
    subprocess.run([sys.executable, BENCH, *args, "--out", str(out)], check=True,
                   capture_output=True, timeout=600)  # fmt: skip
    return json.loads(out.read_text(encoding="utf-8").splitlines()[-1])


def test_each_step_reports_its_time_and_what_it_made(tmp_path: Path) -> None:
    data = generated_data(tmp_path / "data", 6, seed=5)
    store = tmp_path / "kg"
    build(store, data, incremental=False, progress=None)
    out = tmp_path / "steps.jsonl"
    derived = sum(
        1
        for _ in ox.Store.read_only(str(store / "full")).quads_for_pattern(
            None, None, None, ox.NamedNode(str(DERIVED_GRAPH))
        )
    )
    for step in ("shared", "void", "parts"):
        first = _step(step, str(store), out=out)
        again = _step(step, str(store), out=out)
        assert first["step"] == step and first["cpu_seconds"] >= 0
        assert first["sha256"] == again["sha256"] and len(first["sha256"]) == 64
    assert _step("parts", str(store), out=out)["triples"] == derived > 0
    assert _step("void", str(store), out=out)["entries"] > 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 8
    done = subprocess.run([sys.executable, BENCH, "shared", str(tmp_path / "none")],
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 2 and "no store there" in done.stderr
