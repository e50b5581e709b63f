"""The extraction benchmark (bench/bench_extract.py): its arguments and a tiny run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from loadscript import load_script

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "bench" / "bench_extract.py"

APPEAL = """12 March 2021

Zembla: Human rights defender Tomas Vela arrested

On 9 March 2021, police in Vela Nova arrested Tomas Vela, director of the Zenda Rights Centre.
On 11 March 2021, the Vela Nova District Court charged him under Article 12 of the Criminal Code.

We urge the authorities to:
1. Release Tomas Vela immediately and unconditionally.
"""


def run(*args: str, nice: int = 0) -> subprocess.CompletedProcess[str]:
    prefix = ["nice", "-n", str(nice)] if nice else []
    return subprocess.run(
        [*prefix, sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=300
    )


def test_help_names_arguments_and_exit_codes() -> None:
    res = run("--help")
    assert res.returncode == 0
    assert "--corpus" in res.stdout and "--out" in res.stdout and "Exit codes" in res.stdout


def test_bad_arguments_give_one_line_and_exit_2(tmp_path: Path) -> None:
    for args, said in [
        (["many"], "not a whole number: 'many'"),
        (["0"], "must be at least 1: 0"),
        (["5", "--corpus", str(tmp_path / "none")], "--corpus: not a folder"),
        (["5", "--corpus", str(tmp_path)], "no appeal texts (*.txt) in"),
    ]:
        res = run(*args)
        assert res.returncode == 2, args
        assert said in res.stderr, (args, res.stderr)
        assert "Traceback" not in res.stderr
        assert res.stdout == ""


def test_tiny_run_writes_its_figures(tmp_path: Path) -> None:
    corpus, out = tmp_path / "texts", tmp_path / "extract.json"
    corpus.mkdir()
    (corpus / "vela-2021.txt").write_text(APPEAL, encoding="utf-8")
    res = run("3", "--corpus", str(corpus), "--out", str(out))
    assert res.returncode == 0, res.stderr
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures == json.loads(res.stdout)
    assert figures["appeals"] == 3 and figures["corpus_texts"] == 1
    assert figures["appeals_per_cpu_second"] > 0 and figures["max_rss_mib"] > 0
    assert figures["command"].endswith(f"bench_extract.py 3 --corpus {corpus}")
    assert figures["niceness"] == os.nice(0)


def test_a_niced_run_says_so(tmp_path: Path) -> None:
    corpus, out = tmp_path / "texts", tmp_path / "extract.json"
    corpus.mkdir()
    (corpus / "vela-2021.txt").write_text(APPEAL, encoding="utf-8")
    res = run("1", "--corpus", str(corpus), "--out", str(out), nice=3)
    assert res.returncode == 0, res.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["niceness"] == min(19, os.nice(0) + 3)


def test_no_corpus_beside_the_project_is_said_not_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bench = load_script("bench/bench_extract.py")
    monkeypatch.setattr(bench, "CORPUS", tmp_path / "no-corpus")
    figures = bench.measure(2, None, tmp_path / "extract.json")
    err = capsys.readouterr().err
    assert f"no corpus at {tmp_path / 'no-corpus'}" in err
    assert f"the {figures['corpus_texts']} text(s) of data/appeals" in err
    assert figures["corpus"] == "data/appeals"


def test_split_dev_leaves_out_the_test_split(tmp_path: Path) -> None:
    """``--split dev`` reads no text of a case the test split lists; ``all`` reads every one."""
    lines = (ROOT / "data" / "corpus-test-split.txt").read_text(encoding="utf-8").splitlines()
    listed = next(n for n in (line.split("#", 1)[0].strip() for line in lines) if n)
    corpus, out = tmp_path / "texts", tmp_path / "extract.json"
    corpus.mkdir()
    (corpus / "vela-2021.txt").write_text(APPEAL, encoding="utf-8")
    (corpus / f"{listed}.txt").write_text(APPEAL, encoding="utf-8")
    res = run("2", "--corpus", str(corpus), "--split", "dev", "--out", str(out))
    assert res.returncode == 0, res.stderr
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["corpus_texts"] == 1 and figures["split"] == "dev"
    assert figures["command"].endswith(f"--corpus {corpus} --split dev")
    res = run("2", "--corpus", str(corpus), "--out", str(out))
    assert json.loads(out.read_text(encoding="utf-8"))["corpus_texts"] == 2
    (corpus / "vela-2021.txt").unlink()
    res = run("2", "--corpus", str(corpus), "--split", "dev")
    assert res.returncode == 2 and "no appeal texts (*.txt) in" in res.stderr
    assert "Traceback" not in res.stderr
