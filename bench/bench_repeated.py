"""CPU and traced memory of finding the repeated line hashes of a full build's text partition
(``_HashFile.repeated`` in :mod:`kg.store.textpartition`), on made-up hashes; by turns
between trees.

    .venv/bin/python bench/bench_repeated.py --lines 70000000 [--repeats 0.15] \\
        [--tree OLD --tree .] [--rounds 2] --work DIR --out F

A full build of 100,000 generated appeals hashes some 70 million lines. The hashes here are
random 64-bit numbers, ``--repeats`` of them drawn from a pool a third their number (each met
about three times; a seeded generator, the same for every tree), written through the tree's
``_HashFile`` into ``DIR``; each tree's ``repeated()`` then runs in a child process of its
own, timed by ``time.process_time`` with its peak of traced allocations (numpy reports its
arrays to ``tracemalloc``). Every tree must give the same positions: their count and a digest
are recorded. Rounds go by turns (each tree once, then again). Exit codes: 0 measured; 1 the
trees disagree; 2 bad arguments.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from runinfo import commit, load_average  # noqa: E402

#: The child: builds the hash file with the tree's ``_HashFile`` and times ``repeated()``.
CHILD = """
import hashlib, json, sys, time, tracemalloc
from pathlib import Path
import numpy as np
sys.path.insert(0, sys.argv[1])
from kg.store.textpartition import _HashFile
lines, repeats, work = int(sys.argv[2]), float(sys.argv[3]), Path(sys.argv[4])
rng = np.random.default_rng(7)
hashes = _HashFile(work / "lines.hashes")
# the triples several graphs state: a pool a third the size of the copies, met about 3 times
pool = rng.integers(-(2**63), 2**63 - 1, size=max(1, int(lines * repeats / 3)), dtype=np.int64)
block = 1 << 20
for start in range(0, lines, block):
    values = rng.integers(-(2**63), 2**63 - 1, size=min(block, lines - start), dtype=np.int64)
    copies = rng.random(len(values)) < repeats
    values[copies] = pool[rng.integers(0, len(pool), size=int(copies.sum()))]
    hashes.extend(values.tolist())
tracemalloc.start()
cpu = time.process_time()
found = hashes.repeated()
cpu = time.process_time() - cpu
peak = tracemalloc.get_traced_memory()[1]
hashes.path.unlink()
print(json.dumps({
    "cpu_seconds": round(cpu, 2),
    "traced_peak_mb": round(peak / 2**20, 1),
    "repeated": int(len(found)),
    "digest": hashlib.sha256(np.ascontiguousarray(found, dtype=np.int64).tobytes()).hexdigest(),
    "left_in_work": sorted(p.name for p in work.iterdir()),
}))
"""


def run_tree(tree: Path, lines: int, repeats: float, work: Path) -> dict[str, Any]:
    work.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(tree), str(lines), str(repeats), str(work)],
        capture_output=True, text=True,
    )  # fmt: skip
    if done.returncode:
        raise SystemExit(f"error: {tree}: {done.stderr.strip().splitlines()[-1]}")
    return json.loads(done.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lines", type=int, required=True)
    ap.add_argument("--repeats", type=float, default=0.15, help="share of lines copied")
    ap.add_argument("--tree", type=Path, action="append", help="a checkout (default: this one)")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--work", type=Path, required=True, help="a folder for the hash files")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    if args.lines < 1 or not 0 <= args.repeats < 1 or args.rounds < 1:
        ap.error("--lines and --rounds must be positive, --repeats in [0, 1)")
    trees = [t.resolve() for t in (args.tree or [ROOT])]
    for tree in trees:
        if not (tree / "kg" / "store" / "textpartition.py").is_file():
            ap.error(f"--tree {tree}: no kg/store/textpartition.py there")
    result: dict[str, Any] = {
        "lines": args.lines,
        "repeats": args.repeats,
        "load_average_at_start": load_average(),
        "trees": {},
    }
    for _ in range(args.rounds):
        for tree in trees:
            run = run_tree(tree, args.lines, args.repeats, args.work)
            print(json.dumps({"tree": commit(tree, "kg") or str(tree), **run}), flush=True)
            result["trees"].setdefault(commit(tree, "kg") or tree.name, []).append(run)
    result["load_average_at_end"] = load_average()
    digests = {run["digest"] for runs in result["trees"].values() for run in runs}
    if args.out:
        args.out.write_text(json.dumps(result, indent=1) + "\n")
    if len(digests) != 1:
        print("error: the trees found different repeated lines", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
