"""Instructions an appeal of extraction, counted by cachegrind, for one tree or several by turns.

    .venv/bin/python bench/count_extract.py [--tree DIR ...] [--corpus DIR] [--split dev]
        [--passes 1] [--out FILE]

CPU time on a shared machine moves with what the other cores run; the number of instructions
does not. For each tree (this checkout by default; another, such as a ``git worktree`` of main,
to compare against), ``valgrind --tool=cachegrind --cache-sim=no`` runs a child that imports
that tree's ``kg.extract`` and extracts the corpus texts once as a warm-up, then again with
``--passes`` more passes; the second count less the first, over the texts extracted, is the
figure per appeal (``PYTHONHASHSEED=0``, so that both runs hash alike). The import and the
warm-up, which fill the caches kept across appeals, are so left out. Two counts of one tree may
differ by some 0.5M an appeal (where the tree's files lie, the order of dictionary growth), so a
step under that needs several counts.

Results are printed and, with ``--out``, written as JSON with each tree's commit and the raw
counts. Exit codes: 0 counted; 2 bad arguments, no appeal texts, or a run that failed (valgrind
missing, a tree that cannot be imported).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from runinfo import add_split_option, appeal_texts, commit, load_average  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
#: The child each count runs: the tree's ``kg.extract`` over the texts, ``1 + passes`` times.
CHILD = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import kg.extract
from kg.extract import extract_case
if not Path(kg.extract.__file__).resolve().is_relative_to(Path(sys.argv[1]).resolve()):
    sys.exit(f"kg.extract is not the tree's: {kg.extract.__file__}")
texts = [Path(p).read_text(encoding="utf-8") for p in sys.argv[3:]]
for _ in range(1 + int(sys.argv[2])):
    for i, text in enumerate(texts):
        extract_case(text, appeal_id=f"count-{i}")
"""
REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def count(tree: Path, files: list[Path], passes: int, valgrind: str = "valgrind") -> int:
    """Instructions of a child extracting ``files`` ``1 + passes`` times with ``tree``'s code."""
    cmd = [
        valgrind, "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
        sys.executable, "-c", CHILD, str(tree), str(passes), *map(str, files),
    ]  # fmt: skip
    try:
        done = subprocess.run(
            cmd, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"}
        )
    except OSError as e:
        raise RuntimeError(f"cannot run {valgrind}: {e.strerror}") from None
    found = REFS.findall(done.stderr)
    if done.returncode != 0 or not found:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"{tree}: the count failed (exit {done.returncode}): {last}")
    return int(found[-1].replace(",", ""))


def measure(
    trees: list[Path], files: list[Path], passes: int, valgrind: str = "valgrind"
) -> dict[str, Any]:
    """Each tree counted with no pass and with ``passes`` passes after the warm-up, one after
    the other; the figure per appeal is the difference over ``passes * len(files)``."""
    counts = []
    for tree in trees:
        warm = count(tree, files, 0, valgrind)
        more = count(tree, files, passes, valgrind)
        counts.append(
            {
                # this checkout, or another one named by its commit alone (its folder is
                # this machine's)
                "tree": "." if tree == ROOT else "another checkout",
                "commit": commit(tree, "kg") or "unknown",
                "instructions_warm_up": warm,
                "instructions_with_passes": more,
                "instructions_per_appeal_M": round((more - warm) / passes / len(files) / 1e6, 3),
            }
        )
    return {"passes": passes, "appeals_per_pass": len(files), "counts": counts}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="Exit codes: 0 counted; 2 bad arguments, no appeal texts, or a failed run.",
    )
    parser.add_argument(
        "--tree",
        type=Path,
        action="append",
        help="checkout whose kg.extract is counted (this one); give it again for more trees",
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of *.txt appeals")
    add_split_option(parser)
    parser.add_argument("--passes", type=int, default=1, help="passes after the warm-up (1)")
    parser.add_argument("--valgrind", default="valgrind", help="the valgrind to run (valgrind)")
    parser.add_argument("--out", type=Path, default=None, help="write the results here (JSON)")
    args = parser.parse_args(argv)
    if args.passes < 1:
        parser.error(f"--passes: must be at least 1: {args.passes}")
    trees = [t.resolve() for t in args.tree or [ROOT]]
    for tree in trees:
        if not (tree / "kg" / "extract").is_dir():
            parser.error(f"--tree: no kg/extract in {tree}")
    if not args.corpus.is_dir():
        parser.error(f"--corpus: not a folder: {args.corpus}")
    try:
        files = [f.resolve() for f in appeal_texts(args.corpus, args.split)]
        if not files:
            raise RuntimeError(f"no appeal texts (*.txt) in {args.corpus}")
        result = {
            "command": "bench/count_extract.py"
            + ("" if args.split == "all" else f" --split {args.split}")
            + f" --passes {args.passes}",
            "load_average_1min": load_average()[0],
            "corpus": os.path.relpath(args.corpus.resolve(), ROOT),
            "split": args.split,
            **measure(trees, files, args.passes, args.valgrind),
        }
    except (RuntimeError, ValueError, OSError) as e:
        print(f"Error: {e}", file=sys.stderr)
        return 2
    text = json.dumps(result, indent=2) + "\n"
    if args.out:
        tmp = args.out.with_suffix(".json.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(args.out)
    print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
