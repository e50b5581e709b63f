"""Memory of two steps of a build on a store already built: ``results/kept-memory-N.json``.

    .venv/bin/python bench/bench_kept_memory.py derive FULL_STORE     # the rules, into a copy
    .venv/bin/python bench/bench_kept_memory.py index GENERATION      # the identity index

``derive`` runs the rules (``kg.store.stream._derive``, as a full build does after its bulk
load) over the store folder ``FULL_STORE`` (a generation's ``full``; the derived graph is
loaded again into it, so give it a copy) and records the process's peak RSS before the first
bulk load of the answers and at the end, and the sizes of the files loaded.

``index`` reads the identity index a build kept in ``GENERATION`` (``kg.record.identity_index
.read_index``, its keys copied to a work file when they are kept on disk) and walks the
components of the items of 1% of the appeals (what a rebuild after a 1% change walks), and
records the memory and CPU of each part. Each runs in a process of its own.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        return int(f.read().split("VmRSS:")[1].split()[0]) / 1024


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _derive(store_dir: str) -> dict[str, Any]:
    import pyoxigraph as ox

    import kg.store.stream as stream

    out: dict[str, Any] = {"files_mb": []}
    store = ox.Store(store_dir)

    class Watched:  # the store, its bulk loads noted
        def bulk_load(self, *, path: str, format: Any) -> None:
            out.setdefault("peak_before_loading_mb", round(_peak_mb(), 1))
            out["files_mb"].append(round(os.path.getsize(path) / 2**20, 1))
            store.bulk_load(path=path, format=format)

        def __getattr__(self, name: str) -> Any:
            return getattr(store, name)

    started = time.process_time()
    out["derived"] = stream._derive(Watched(), ROOT / "ontology", Path(store_dir).parent)  # type: ignore[arg-type]
    out["cpu_seconds"] = round(time.process_time() - started, 1)
    out["peak_rss_mb"] = round(_peak_mb(), 1)
    return out


def _index(generation: str) -> dict[str, Any]:
    from kg.record.identity_index import read_index
    from kg.store.stream import IDENTITY_FILE

    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(dir=generation) as work:
        before, cpu, wall = _rss_mb(), time.process_time(), time.time()
        path = Path(generation) / IDENTITY_FILE
        if "work" in inspect.signature(read_index).parameters:
            index = read_index(path, Path(work) / "kept.sqlite")
        else:  # the code before the keys had a file of their own
            index = read_index(path)
        if index is None:
            raise SystemExit(f"{generation}: no identity index of this version")
        out["read"] = {
            "rss_added_mb": round(_rss_mb() - before, 1),
            "cpu_seconds": round(time.process_time() - cpu, 2),
            "wall_seconds": round(time.time() - wall, 2),
            "keys": type(index.table).__name__ if hasattr(index, "table") else "in memory",
        }
        appeals = sorted(index.appeal_items)
        chosen = random.Random(1).sample(appeals, max(1, len(appeals) // 100))
        seeds = [k for a in chosen for k in index.appeal_items[a]]
        cpu, wall = time.process_time(), time.time()
        reached = index.component(seeds)
        out["component"] = {
            "appeals": len(chosen),
            "seeds": len(seeds),
            "items_reached": len(reached),
            "items": len(index.id_of),
            "cpu_seconds": round(time.process_time() - cpu, 2),
            "wall_seconds": round(time.time() - wall, 2),
        }
        out["peak_rss_mb"] = round(_peak_mb(), 1)
    return out


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        sys.path.insert(0, str(ROOT))
        step = _derive if argv[1] == "derive" else _index
        print(json.dumps(step(argv[2])))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=["derive", "index"])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    load = os.getloadavg()
    run = subprocess.run(
        [sys.executable, __file__, "--child", args.step, str(args.folder)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if run.returncode != 0:
        sys.stderr.write(run.stderr)
        return 1
    figures = {
        "step": args.step,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "load_average_at_start": load,
        **json.loads(run.stdout.splitlines()[-1]),
        "load_average_at_end": os.getloadavg(),
    }
    out = args.out or ROOT / "bench" / "results" / f"kept-memory-{args.step}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
