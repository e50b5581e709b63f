"""What ``kg build --compact`` costs and what it buys: questions timed on a store before and
after the rebuild that compacts it.

    .venv/bin/python bench/bench_compact.py STORE DATA --out FILE.json [--repeats 5]

``STORE`` is a store built from ``DATA`` and rebuilt a few times since (``profile_rebuild.py
--round N``): RocksDB compacts in the background as it goes, but not whole, which a full
build's compaction does. The questions (corpus-wide, the default graph the union of the
public store's graphs, as ``bench_queries.py`` asks them) are each timed ``--repeats`` times in
this process before and after ``kg build --compact`` with nothing changed, whose wall and CPU
(its own process's) are measured; so are the store folder's bytes before and after (a build
keeps the generation it started from beside the new one: the compacted files share none with
it until the next build removes it). The results file records the row counts: a question must
answer the same rows after the compaction.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

QUESTIONS = (
    "cq01-defenders-organisations",
    "cq05-final-decisions",
    "cq12-banned-organisations",
    "cq13-amnesty-releases",
    "cq16-cases-by-country-and-year",
)


def _bytes(folder: Path) -> int:
    """Bytes of the files under ``folder``, each file counted once (generations share files
    through hard links)."""
    seen: set[tuple[int, int]] = set()
    total = 0
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            st = os.lstat(os.path.join(dirpath, name))
            if (st.st_dev, st.st_ino) not in seen:
                seen.add((st.st_dev, st.st_ino))
                total += st.st_size
    return total


def _questions(store: Path, repeats: int) -> dict[str, dict[str, Any]]:
    """CPU p50 and rows of each question, in a child process (the store let go after)."""
    code = (
        "import json, sys, time, pyoxigraph as ox\n"
        "from kg.files import current_generation\n"
        "g = current_generation(sys.argv[1])\n"
        "store = ox.Store.read_only(str(g / 'public'))\n"
        "out = {}\n"
        "for name in sys.argv[3:]:\n"
        "    q = open(f'queries/{name}.rq', encoding='utf-8').read()\n"
        "    cpu = []\n"
        "    for _ in range(int(sys.argv[2])):\n"
        "        t = time.process_time()\n"
        "        rows = sum(1 for _ in store.query(q, use_default_graph_as_union=True))\n"
        "        cpu.append(time.process_time() - t)\n"
        "    cpu.sort()\n"
        "    out[name] = {'rows': rows, 'cpu_p50_ms': round(cpu[len(cpu) // 2] * 1000, 1),\n"
        "                 'cpu_ms': [round(c * 1000, 1) for c in cpu]}\n"
        "print(json.dumps(out))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(store), str(repeats), *QUESTIONS],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(done.stdout)


def _kg_build(store: Path, data: Path, *extra: str) -> dict[str, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", "--store", str(store), "--data", str(data),
         *extra],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "wall_seconds": round(time.perf_counter() - wall, 2),
        "cpu_seconds": round(
            after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 2
        ),
    }


def _commit() -> str:
    done = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    )
    return done.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("data", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    folder = args.store.parent / f".{args.store.name}.d"
    out: dict[str, Any] = {"commit": _commit(), "load_before": list(os.getloadavg())}
    out["bytes_before"] = _bytes(folder)
    out["before"] = _questions(args.store, args.repeats)
    out["compact"] = _kg_build(args.store, args.data, "--compact")
    out["bytes_after"] = _bytes(folder)
    out["after"] = _questions(args.store, args.repeats)
    out["load_after"] = list(os.getloadavg())
    for name in QUESTIONS:
        b, a = out["before"][name], out["after"][name]
        if a["rows"] != b["rows"]:
            raise SystemExit(f"{name}: {b['rows']} rows before the compaction, {a['rows']} after")
        before, after = b["cpu_p50_ms"], a["cpu_p50_ms"]
        print(f"{name:34s} rows {a['rows']:7d}  {before:8.1f} -> {after:8.1f} ms")
    print(f"kg build --compact: {out['compact']}; bytes {out['bytes_before']:,} -> "
          f"{out['bytes_after']:,}")  # fmt: skip
    args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
