"""A full ``kg validate`` of a built store, as a command, from no earlier results.

    .venv/bin/python bench/full_check.py STORE --corpus NAME --out results/check-N-full-C.json

Moves the store's kept validation results aside (so that the run checks everything, as after a
change of shapes), runs ``kg validate --store STORE --format json`` in a child process, and
records its wall time, its CPU (user and system, with the worker processes it waited for), the
largest resident memory of it or one of its workers, the load average before and after, the
number of results and a hash of them (sorted), and the commit. The kept results are put back
afterwards, so that the store's next incremental run is not changed by the measurement.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _kept(store: Path) -> list[Path]:
    """The kept results of the compiled engine beside a built store: in its generations
    folder, where the store's link points (see :func:`kg.check.setbased.cache_path`)."""
    return sorted(store.resolve().parent.glob("validation-sparql-*"))


def _commit() -> str:
    out = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    )
    return out.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--corpus", required=True, help="what the store was built from")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--report", type=Path, help="keep the JSON report here")
    args = parser.parse_args(argv)
    if not args.store.exists():
        parser.error(f"{args.store}: no such store")
    aside = Path(str(args.store) + ".kept-aside")
    aside.mkdir(exist_ok=True)
    moved = []
    for path in _kept(args.store):
        target = aside / path.name
        shutil.move(str(path), target)
        moved.append((target, path))
    report = args.report or aside / "report.json"
    load_before = os.getloadavg()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    try:
        with report.open("wb") as out:
            done = subprocess.run(
                [str(ROOT / ".venv/bin/kg"), "validate", "--store", str(args.store)]
                + ["--format", "json"],
                stdout=out,
            )
        wall = time.perf_counter() - wall
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        load_after = os.getloadavg()
    finally:
        for path in _kept(args.store):  # what this run kept: dropped, the earlier put back
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
        for target, path in moved:
            shutil.move(str(target), path)
    results = json.loads(report.read_text(encoding="utf-8"))["results"]
    lines = sorted(json.dumps(r, sort_keys=True) for r in results)
    figures = {
        "command": f"kg validate --store {args.store.name} --format json (kept results aside)",
        "commit": _commit(),
        "corpus": args.corpus,
        "exit_code": done.returncode,
        "wall_seconds": round(wall, 1),
        "user_seconds": round(after.ru_utime - before.ru_utime, 1),
        "system_seconds": round(after.ru_stime - before.ru_stime, 1),
        "cpu_seconds": round(
            after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, 1
        ),
        "peak_rss_mb": round(after.ru_maxrss / 1024),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in load_after],
        "results": len(results),
        "results_sha256": hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest(),
    }
    text = json.dumps(figures, indent=2) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0 if done.returncode in (0, 1) else 1


if __name__ == "__main__":
    sys.exit(main())
