"""bench/count_extract.py: instructions an appeal, the warm-up's count taken off."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "bench" / "count_extract.py"

APPEAL = """12 March 2021

Zembla: Human rights defender Tomas Vela arrested

On 9 March 2021, police in Vela Nova arrested Tomas Vela, director of the Zenda Rights Centre.
"""

#: Stands in for valgrind: runs the command it is given (the options before the interpreter
#: left out) and reports 5M instructions plus 2M for each appeal extracted.
STUB = """#!{python}
import subprocess, sys
args = sys.argv[1:]
while args[0].startswith("--"):
    args.pop(0)
done = subprocess.run(args)
passes, files = int(args[4]), args[5:]
refs = 5_000_000 + 2_000_000 * (1 + passes) * len(files)
sys.stderr.write("==1== I   refs:      {{:,}}\\n".format(refs))
sys.exit(done.returncode)
"""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=300
    )


def _stub(tmp_path: Path) -> Path:
    stub = tmp_path / "valgrind"
    stub.write_text(STUB.format(python=sys.executable), encoding="utf-8")
    stub.chmod(0o755)
    return stub


def test_a_count_takes_the_warm_up_off(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a", "b"):
        (corpus / f"{name}.txt").write_text(APPEAL, encoding="utf-8")
    out = tmp_path / "count.json"
    res = run("--corpus", str(corpus), "--passes", "3", "--valgrind", str(_stub(tmp_path)),
              "--out", str(out))  # fmt: skip
    assert res.returncode == 0, res.stderr
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result == json.loads(res.stdout)
    assert result["appeals_per_pass"] == 2 and result["passes"] == 3
    (one,) = result["counts"]
    assert one["tree"] == "."
    assert one["instructions_warm_up"] == 5_000_000 + 2_000_000 * 2
    assert one["instructions_with_passes"] == 5_000_000 + 2_000_000 * 8
    assert one["instructions_per_appeal_M"] == 2.0


def test_a_failed_run_or_bad_arguments_are_one_line(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(APPEAL, encoding="utf-8")
    res = run("--corpus", str(corpus), "--valgrind", str(tmp_path / "no-valgrind"))
    assert res.returncode == 2 and res.stderr.startswith("Error: cannot run")
    broken = tmp_path / "broken"
    (broken / "kg" / "extract").mkdir(parents=True)  # no package to import
    res = run("--corpus", str(corpus), "--tree", str(broken), "--valgrind", str(_stub(tmp_path)))
    assert res.returncode == 2 and "the count failed (exit 1)" in res.stderr
    for args, said in [
        (["--passes", "0"], "--passes: must be at least 1"),
        (["--tree", str(tmp_path)], "--tree: no kg/extract in"),
        (["--corpus", str(tmp_path / "none")], "--corpus: not a folder"),
        (["--corpus", str(tmp_path / "broken")], "no appeal texts (*.txt) in"),
    ]:
        res = run(*args)
        assert res.returncode == 2, args
        assert said in res.stderr.strip().splitlines()[-1], (args, res.stderr)
        assert "Traceback" not in res.stderr
