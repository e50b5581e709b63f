"""Oxigraph's bulk loader: peak memory and CPU against the size of the files it is given.

    .venv/bin/python bench/bench_bulkload.py DUMP.nq --total-mb 400 --chunk-mb 200 50 32 16

``DUMP.nq`` is any N-Quads file (a built store's dump, say: ``Store.dump`` of its ``full``
folder). For each chunk size, a child process loads the first ``--total-mb`` of it into a new
store, cut at line ends into files of about that size, one ``Store.bulk_load`` each (as
:class:`kg.store.stream._BatchFiles` does), then calls ``optimize()``; it reports its peak
resident memory (``ru_maxrss``) and CPU time. Writes ``results/bulkload-<total>.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _child(source: str, total_mb: int, chunk_mb: float, work: str) -> dict[str, Any]:
    import pyoxigraph as ox

    store = ox.Store(os.path.join(work, "store"))
    limit, chunk = total_mb << 20, int(chunk_mb * (1 << 20))
    started, loaded, files = time.perf_counter(), 0, 0
    batch = os.path.join(work, "batch.nq")
    with open(source, "rb") as f:
        while loaded < limit:
            data = f.read(min(chunk, limit - loaded))
            if not data:
                break
            data += f.readline()  # to the end of the line
            loaded += len(data)
            with open(batch, "wb") as out:
                out.write(data)
            store.bulk_load(path=batch, format=ox.RdfFormat.N_QUADS)
            files += 1
    load_s = time.perf_counter() - started
    store.optimize()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "chunk_mb": chunk_mb,
        "files": files,
        "loaded_mb": round(loaded / 2**20, 1),
        "quads": len(store),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
        "load_wall_s": round(load_s, 1),
        "optimize_wall_s": round(time.perf_counter() - started - load_s, 1),
    }


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        print(json.dumps(_child(argv[1], int(argv[2]), float(argv[3]), argv[4])))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="an N-Quads file")
    parser.add_argument("--total-mb", type=int, default=400)
    parser.add_argument("--chunk-mb", type=float, nargs="+", default=[200, 50, 32, 16])
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    if not args.source.is_file():
        parser.error(f"{args.source}: no such file")
    out = args.out or ROOT / "bench" / "results" / f"bulkload-{args.total_mb}.json"
    runs = []
    for chunk in args.chunk_mb:
        work = tempfile.mkdtemp(prefix="kg-bench-bulkload-")
        try:
            cmd = [sys.executable, __file__, "--child", str(args.source), str(args.total_mb),
                   str(chunk), work]  # fmt: skip
            done = subprocess.run(cmd, capture_output=True, text=True, check=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        runs.append(json.loads(done.stdout))
        print(json.dumps(runs[-1]), file=sys.stderr)
    figures = {
        "total_mb": args.total_mb,
        "load_average": os.getloadavg(),
        "runs": runs,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
