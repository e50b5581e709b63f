"""bench/bench_extract_compiled.py: its arguments and errors (a real build takes minutes of a
C compiler and is not run here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from loadscript import load_script

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "bench" / "bench_extract_compiled.py"

bench_extract_compiled = load_script("bench/bench_extract_compiled.py")


def run(*args: str, prelude: str = "") -> subprocess.CompletedProcess[str]:
    code = (
        f"import runpy, sys\n{prelude}\nsys.argv = [{str(SCRIPT)!r}, *{list(args)!r}]\n"
        f"runpy.run_path({str(SCRIPT)!r}, run_name='__main__')"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT
    )


def test_help_names_arguments_and_exit_codes() -> None:
    res = run("--help")
    assert res.returncode == 0
    for word in ("--build", "--skip-build", "--rounds", "--appeals", "--corpus", "Exit codes"):
        assert word in res.stdout


def _one_error_line(res: subprocess.CompletedProcess[str], words: str) -> None:
    assert res.returncode == 2
    assert "Traceback" not in res.stderr
    assert words in res.stderr.strip().splitlines()[-1]


def test_bad_arguments_are_one_line(tmp_path: Path) -> None:
    _one_error_line(run("--build", str(tmp_path / "b"), "--rounds", "0"), "at least 1")
    _one_error_line(
        run("--build", str(tmp_path / "b"), "--corpus", str(tmp_path / "none")), "--corpus"
    )
    _one_error_line(run("--build", str(ROOT / "bench" / "x")), "outside this tree")
    assert not (ROOT / "bench" / "x").exists()


def test_a_build_folder_without_the_package_is_one_line(tmp_path: Path) -> None:
    _one_error_line(run("--build", str(tmp_path), "--skip-build"), f"no kg/extract in {tmp_path}")


def test_without_cython_it_says_how_to_install_it(tmp_path: Path) -> None:
    res = run("--build", str(tmp_path / "b"), prelude="sys.modules['Cython'] = None")
    _one_error_line(res, "Cython is not installed")
    assert not (tmp_path / "b").exists()  # nothing copied before the check


def test_a_compiled_folder_with_no_extension_module_is_refused(tmp_path: Path) -> None:
    (tmp_path / "kg" / "extract").mkdir(parents=True)
    (tmp_path / "kg" / "extract" / "text.py").write_text("")
    _one_error_line(run("--build", str(tmp_path), "--skip-build"), "no module of kg/extract")


def test_median_of_odd_and_even_counts() -> None:
    assert bench_extract_compiled._median([3.0, 1.0, 2.0]) == 2.0
    assert bench_extract_compiled._median([4.0, 1.0, 2.0, 3.0]) == 2.5
