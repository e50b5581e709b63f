"""The compaction benchmark on a small store rebuilt once: the same rows before and after
``kg build --compact``, the rebuild timed, the store's bytes counted."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from benchgen import generated_data

from kg.files import current_generation
from kg.store.build import build

ROOT = Path(__file__).resolve().parents[1]


def test_the_compaction_benchmark_reports_the_same_rows_before_and_after(
    tmp_path: Path,
) -> None:
    data = generated_data(tmp_path / "data", 6, seed=5)
    store = tmp_path / "kg"
    build(store, data, progress=None)
    case = sorted((data / "cases").glob("*.yaml"))[0]
    case.write_text(case.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    build(store, data, progress=None)
    generation = current_generation(store)
    out = tmp_path / "compact.json"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_compact.py"), str(store), str(data),
         "--out", str(out), "--repeats", "1"],
        check=True, capture_output=True, cwd=ROOT, timeout=600,
    )  # fmt: skip
    got = json.loads(out.read_text(encoding="utf-8"))
    assert current_generation(store) != generation  # a generation made by the compaction
    assert got["before"].keys() == got["after"].keys()
    assert any(q["rows"] > 0 for q in got["after"].values())
    for name, q in got["after"].items():
        assert q["rows"] == got["before"][name]["rows"], name
    assert got["compact"]["wall_seconds"] > 0 and got["bytes_after"] > 0
