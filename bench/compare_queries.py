"""Query files compared on one store, alternated, in CPU time, as ``kg query --format csv`` writes
them:

    .venv/bin/python bench/compare_queries.py STORE/public --runs 5 \
        -p defender=IRI [-p appeal=IRI] BEFORE.rq AFTER.rq [--out results/X.json]

Each run writes every file's answer once, in turn, in this one process (the same cache and the
same load for all of them), through :func:`kg.query.write_query` to CSV in memory; the CPU time
of each (``time.process_time``) and its wall time are kept, and the rows and a hash of the CSV
text, so that two texts said to give the same answer are seen to (same hash: same rows in the
same order). ``--out`` appends one JSON line with the figures and the load average.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.query import find_query, write_query  # noqa: E402
from kg.store import Store  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path, help="an Oxigraph store (e.g. a build's public/)")
    parser.add_argument("files", nargs="+", help="query files or names")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("-p", "--param", action="append", default=[], help="NAME=VALUE")
    parser.add_argument("--out", type=Path, help="append the figures to this file as JSON")
    args = parser.parse_args(argv)
    params = dict(p.split("=", 1) for p in args.param)
    store = Store.open(args.store)
    queries = [find_query(f) for f in args.files]
    cpu: dict[str, list[float]] = {f: [] for f in args.files}
    wall: dict[str, list[float]] = {f: [] for f in args.files}
    answer: dict[str, tuple[int, str]] = {}
    load_start = os.getloadavg()
    for _ in range(args.runs):
        for f, qf in zip(args.files, queries, strict=True):
            buf = io.StringIO()
            started, cpu_started = time.perf_counter(), time.process_time()
            write_query(store, qf, params, "csv", buf)
            cpu[f].append((time.process_time() - cpu_started) * 1000)
            wall[f].append((time.perf_counter() - started) * 1000)
            text = buf.getvalue()
            answer[f] = (text.count("\n") - 1, hashlib.sha1(text.encode()).hexdigest()[:12])
    figures = {
        f: {
            "cpu_p50_ms": round(statistics.median(cpu[f]), 2),
            "cpu_min_ms": round(min(cpu[f]), 2),
            "wall_p50_ms": round(statistics.median(wall[f]), 1),
            "rows": answer[f][0],
            "csv_sha1": answer[f][1],
        }
        for f in args.files
    }
    record = {
        "store": str(args.store),
        "params": params,
        "runs": args.runs,
        "load_average_start": load_start[:2],
        "load_average_end": os.getloadavg()[:2],
        "files": figures,
    }
    for f, fig in figures.items():
        print(
            f"{f}: CPU p50 {fig['cpu_p50_ms']} ms, wall p50 {fig['wall_p50_ms']} ms, "
            f"{fig['rows']} rows, csv {fig['csv_sha1']}"
        )
    if args.out:
        with args.out.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(record) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
