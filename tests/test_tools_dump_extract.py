"""tools/dump_extract.py: records of fixed sets of appeals, to compare two trees byte for byte."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from loadscript import load_script

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "tools" / "dump_extract.py"

APPEAL = """12 March 2021

Zembla: Human rights defender Tomas Vela arrested

On 9 March 2021, police in Vela Nova arrested Tomas Vela, director of the Zenda Rights Centre.
"""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, cwd=ROOT
    )


def test_two_runs_of_one_tree_write_the_same_records(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "zembla-vela.txt").write_text(APPEAL, encoding="utf-8")
    common = ["--corpus", str(corpus), "--varied", "4", "--generated", "0"]
    first, second = tmp_path / "a", tmp_path / "b"
    assert run(str(first), *common).returncode == 0
    assert run(str(second), *common).returncode == 0
    written = sorted(p.relative_to(first).as_posix() for p in first.rglob("*.yaml"))
    invented = len(list((ROOT / "tests" / "data" / "invented").glob("*.txt")))
    assert "corpus/zembla-vela.yaml" in written
    assert [w for w in written if w.startswith("varied/")] == [
        f"varied/{i:04d}.yaml" for i in range(4)
    ]
    assert len(written) == 1 + 4 + invented
    for name in written:
        text = (first / name).read_text(encoding="utf-8")
        assert (second / name).read_text(encoding="utf-8") == text, name
        assert "\n  time:" not in text, "the extraction time is left out"
    assert "Tomas Vela" in (first / "corpus" / "zembla-vela.yaml").read_text(encoding="utf-8")
    # the fourth copy is read with CRLF line ends
    vary = load_script("bench/bench_extract.py").vary
    crlf = vary(APPEAL, 3).replace("\n", "\r\n").encode("utf-8")
    assert hashlib.sha256(crlf).hexdigest() in (first / "varied" / "0003.yaml").read_text()


def test_bad_arguments_are_one_line(tmp_path: Path) -> None:
    done = run(str(tmp_path / "out"), "--tree", str(tmp_path))
    assert done.returncode == 2
    assert "--tree: no kg/extract in" in done.stderr.splitlines()[-1]
    done = run(str(tmp_path / "out"), "--corpus", str(tmp_path / "none"))
    assert done.returncode == 2
    assert "--corpus: not a folder" in done.stderr.splitlines()[-1]


def test_split_dev_writes_no_record_of_the_test_split(tmp_path: Path) -> None:
    lines = (ROOT / "data" / "corpus-test-split.txt").read_text(encoding="utf-8").splitlines()
    listed = next(n for n in (line.split("#", 1)[0].strip() for line in lines) if n)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "zembla-vela.txt").write_text(APPEAL, encoding="utf-8")
    (corpus / f"{listed}.txt").write_text(APPEAL.replace("Tomas", "Ivo"), encoding="utf-8")
    common = ["--corpus", str(corpus), "--varied", "3", "--generated", "0"]
    out = tmp_path / "dev"
    assert run(str(out), *common, "--split", "dev").returncode == 0
    assert sorted(p.name for p in (out / "corpus").glob("*.yaml")) == ["zembla-vela.yaml"]
    for p in (out / "varied").glob("*.yaml"):  # copies of the dev text alone
        assert "Ivo Vela" not in p.read_text(encoding="utf-8")
    out = tmp_path / "all"
    assert run(str(out), *common).returncode == 0
    assert len(list((out / "corpus").glob("*.yaml"))) == 2
