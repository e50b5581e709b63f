"""bench/bench_repeated.py: the repeated hashes of made-up lines found by a tree's
``_HashFile``, by turns; its results written, bad arguments refused with one line (exit 2)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "bench" / "bench_repeated.py"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False
    )


def test_two_rounds_find_the_same_repeated_lines(tmp_path: Path) -> None:
    out = tmp_path / "repeated.json"
    ran = _run("--lines", "30000", "--repeats", "0.2", "--rounds", "2",
               "--work", str(tmp_path / "work"), "--out", str(out))  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    result = json.loads(out.read_text(encoding="utf-8"))
    (runs,) = result["trees"].values()
    assert len(runs) == 2 and runs[0]["digest"] == runs[1]["digest"]
    # a fifth of the lines are copies drawn from a pool a third their number: each copy and,
    # now and then, a line that happens to equal one
    assert 0.15 * 30000 < runs[0]["repeated"] < 0.25 * 30000
    assert runs[0]["left_in_work"] == [] and runs[0]["cpu_seconds"] >= 0
    assert result["lines"] == 30000 and len(result["load_average_at_start"]) == 3


def test_bad_arguments_are_one_line_and_exit_2(tmp_path: Path) -> None:
    for args, said in (
        (["--lines", "0"], "--lines and --rounds must be positive"),
        (["--lines", "10", "--repeats", "1.5"], "--repeats in [0, 1)"),
        (["--lines", "10", "--tree", str(tmp_path)], "no kg/store/textpartition.py there"),
    ):
        ran = _run(*args, "--work", str(tmp_path / "work"))
        assert ran.returncode == 2, ran
        assert said in ran.stderr.strip().splitlines()[-1]
        assert "Traceback" not in ran.stderr
