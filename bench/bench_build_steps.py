"""Steps of a full build's end timed alone on a built store, for one tree of the code or another.

    .venv/bin/python bench/bench_build_steps.py shared STORE [--code DIR] [--out F]
    .venv/bin/python bench/bench_build_steps.py void STORE [--code DIR] [--out F]
    .venv/bin/python bench/bench_build_steps.py parts STORE [--code DIR] [--out F]
    .venv/bin/python bench/bench_build_steps.py optimize STORE --queries cq01 cq05 [--out F]

Each reads what a build of ``STORE`` (a ``kg build`` folder, read only) left and times one
step as a full build runs it, in CPU (``time.process_time``) and wall time, with a SHA-256 of
what the step made, so that two trees shown to give the same output are seen to:

- ``shared``: :meth:`kg.store.state.BuildState.write_shared` of the store's shared index (read
  from its kept state) into a new state file, committed; the hash covers the tables' rows and
  the schema;
- ``void``: the VoID term table of every export file the generation lists, merged at once as a
  build with no table to start from merges it (:meth:`kg.store.voidcounts.TermTable.from_counts`);
- ``parts``: the derived graph's export parts written from its N-Quads
  (``kg.store.chunks._write_parts_from``), the graph dumped once into ``--work``;
- ``optimize``: the full store's quads bulk-loaded into a new store in ``--batches`` files (as a
  build loads its batch files), Oxigraph's ``optimize()`` on a copy, the SST files of each, and
  the ``--queries`` run in turn on both, CPU per run. The store left unoptimized is opened for
  writing like any other, so RocksDB's own compactions may run in it meanwhile: its SST files
  are counted again at the end.

``--code DIR`` imports ``kg`` from another checkout (main at some commit, say), so that two
trees are timed one after the other on the same input at about the same load.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _generation(store: Path) -> Path:
    from kg.store.store import store_location

    return store_location(store).parent


def shared(store: Path, work: Path) -> dict[str, Any]:
    from kg.store.state import BuildState

    generation = _generation(store)
    kept = json.loads((generation / "build-state.json").read_text(encoding="utf-8"))["kept"]
    db = sqlite3.connect(f"file:{generation.parent / 'kept' / kept['state']}?mode=ro", uri=True)
    index: dict[str, list[str]] = {}
    query = """SELECT k.key, g.graph FROM shared_row r JOIN shared_key k ON k.id = r.key
               JOIN shared_graph g ON g.id = r.graph ORDER BY k.key, g.graph"""
    for key, graph in db.execute(query):
        index.setdefault(key, []).append(graph)
    db.close()
    state = BuildState.create(work)
    cpu, wall = _cpu(), time.perf_counter()
    state.write_shared(index)
    state.db.execute("COMMIT")
    cpu, wall = _cpu() - cpu, time.perf_counter() - wall
    sha = hashlib.sha256()
    for q in (
        "SELECT id, graph FROM shared_graph ORDER BY id",
        "SELECT id, key FROM shared_key ORDER BY id",
        "SELECT graph, key FROM shared_row ORDER BY graph, key",
        "SELECT key, holders FROM shared_count ORDER BY key",
        "SELECT name, sql FROM sqlite_master ORDER BY name",
    ):
        for row in state.db.execute(q):
            sha.update(repr(row).encode())
    state.db.close()
    rows = sum(len(h) for h in index.values())
    return {"rows": rows, "cpu_seconds": round(cpu, 2), "wall_seconds": round(wall, 2),
            "sha256": sha.hexdigest()}  # fmt: skip


def void(store: Path, work: Path) -> dict[str, Any]:
    import numpy as np

    from kg.store.voidcounts import TermTable, read_graph_counts

    export = _generation(store) / "export"
    manifest = json.loads((export / "manifest.json").read_text(encoding="utf-8"))
    pool = export / manifest["files"]
    files = sorted({str(r[3]) for r in manifest["graphs"]})
    counts = [read_graph_counts(pool / f) for f in files]
    cpu, wall = _cpu(), time.perf_counter()
    table = TermTable.from_counts(counts)
    cpu, wall = _cpu() - cpu, time.perf_counter() - wall
    sha = hashlib.sha256()
    for name in sorted(table.keys):
        sha.update(name.encode())
        sha.update(np.asarray(table.keys[name], "<u8").tobytes())
        sha.update(np.asarray(table.counts[name], "<i8").tobytes())
    return {"files": len(files), "entries": sum(len(k) for k in table.keys.values()),
            "cpu_seconds": round(cpu, 2), "wall_seconds": round(wall, 2),
            "sha256": sha.hexdigest()}  # fmt: skip


def parts(store: Path, work: Path) -> dict[str, Any]:
    import pyoxigraph as ox

    import kg.store.chunks as chunks
    from kg.store.store import store_location
    from kg.vocab import DERIVED_GRAPH

    graph = ox.NamedNode(str(DERIVED_GRAPH))
    nq = work / "derived.nq"
    if not nq.exists():
        full = ox.Store.read_only(str(store_location(store)))
        text = full.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph) or b""
        del full
        nq.write_bytes(text.replace(b" .\n", f" {graph} .\n".encode()))
    expected = nq.read_bytes().count(b"\n")
    pool = work / "pool"
    shutil.rmtree(pool, ignore_errors=True)
    pool.mkdir()
    pm = chunks.export_prefixes()
    header = chunks.turtle_header(pm)
    place = chunks._Placer(pool, "bench")
    cpu, wall = _cpu(), time.perf_counter()
    rows = chunks._write_parts_from([nq], expected, graph, place, header, pm)
    cpu, wall = _cpu() - cpu, time.perf_counter() - wall
    if rows is None:
        raise SystemExit("the derived graph's text was refused")
    sha = hashlib.sha256()
    for stem, _n, name in rows:
        for ext in (chunks.NQ, chunks.TTL, chunks.SUFFIX):
            sha.update(stem.encode())
            sha.update((pool / f"{name}{ext}").read_bytes())
    shutil.rmtree(pool)
    return {"triples": expected, "parts": len(rows), "cpu_seconds": round(cpu, 2),
            "wall_seconds": round(wall, 2), "sha256": sha.hexdigest()}  # fmt: skip


def optimize(store: Path, work: Path, batches: int, queries: list[str], runs: int) -> dict:
    import pyoxigraph as ox

    from kg.query import find_query, write_query
    from kg.store import Store
    from kg.store.store import store_location

    def ssts(path: Path) -> int:
        return sum(1 for f in os.listdir(path) if f.endswith(".sst"))

    full = ox.Store.read_only(str(store_location(store)))
    lines = (full.dump(format=ox.RdfFormat.N_QUADS) or b"").splitlines(keepends=True)
    del full
    step = len(lines) // batches + 1
    files = []
    for k in range(batches):
        f = work / f"batch-{k}.nq"
        f.write_bytes(b"".join(lines[k * step : (k + 1) * step]))
        files.append(f)
    quads = len(lines)
    del lines
    plain, optimized = work / "plain", work / "optimized"
    loaded = ox.Store(str(plain))
    cpu, wall = _cpu(), time.perf_counter()
    for f in files:
        loaded.bulk_load(path=str(f), format=ox.RdfFormat.N_QUADS)
    loaded.flush()
    out: dict[str, Any] = {"quads": quads, "batches": batches,
                           "bulk_load_cpu_seconds": round(_cpu() - cpu, 2),
                           "bulk_load_wall_seconds": round(time.perf_counter() - wall, 2),
                           "sst_after_load": ssts(plain)}  # fmt: skip
    del loaded
    for f in files:
        f.unlink()
    shutil.copytree(plain, optimized)
    other = ox.Store(str(optimized))
    cpu, wall = _cpu(), time.perf_counter()
    other.optimize()
    other.flush()
    out.update(optimize_cpu_seconds=round(_cpu() - cpu, 2),
               optimize_wall_seconds=round(time.perf_counter() - wall, 2),
               sst_after_optimize=ssts(optimized))  # fmt: skip
    del other
    stores = {"plain": Store(ox.Store(str(plain)), plain),
              "optimized": Store(ox.Store(str(optimized)), optimized)}  # fmt: skip
    found = {q: find_query(q) for q in queries}
    cpu_ms: dict[str, dict[str, list[float]]] = {k: {q: [] for q in queries} for k in stores}
    answers: dict[str, set[str]] = {q: set() for q in queries}
    for run in range(runs):
        order = list(stores) if run % 2 == 0 else list(stores)[::-1]
        for q in queries:
            for k in order:
                buf = io.StringIO()
                started = time.process_time()
                write_query(stores[k], found[q], {}, "csv", buf)
                cpu_ms[k][q].append((time.process_time() - started) * 1000)
                answers[q].add(hashlib.sha256(buf.getvalue().encode()).hexdigest())
    out["query_cpu_p50_ms"] = {
        k: {q: round(statistics.median(v), 1) for q, v in d.items()} for k, d in cpu_ms.items()
    }
    out["same_answers"] = all(len(v) == 1 for v in answers.values())
    out["sst_plain_at_end"] = ssts(plain)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("step", choices=["shared", "void", "parts", "optimize"])
    parser.add_argument("store", type=Path, help="a built store (kg build's folder)")
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout to import kg from")
    parser.add_argument("--work", type=Path, help="scratch folder (default: a new temporary one)")
    parser.add_argument("--batches", type=int, default=11)
    parser.add_argument("--queries", nargs="*", default=[])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, help="append the figures to this file as JSON")
    args = parser.parse_args()
    sys.path.insert(0, str(args.code.resolve()))
    if not (args.store.is_dir()):
        parser.error(f"{args.store}: no store there")
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-steps-"))
    work.mkdir(parents=True, exist_ok=True)
    load = [round(x, 2) for x in os.getloadavg()]
    try:
        if args.step == "optimize":
            figures = optimize(args.store, work, args.batches, args.queries, args.runs)
        else:
            figures = {"shared": shared, "void": void, "parts": parts}[args.step](args.store, work)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    commit = subprocess.run(["git", "-C", str(args.code), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()  # fmt: skip
    dirty = subprocess.run(["git", "-C", str(args.code), "status", "--porcelain", "kg"],
                           capture_output=True, text=True).stdout.strip()  # fmt: skip
    commit += "+changes" if dirty else ""
    record = {"step": args.step, "store": str(args.store), "code": commit,
              "load_before": load, "load_after": [round(x, 2) for x in os.getloadavg()],
              **figures}  # fmt: skip
    print(json.dumps(record))
    if args.out:
        with args.out.open("a", encoding="utf-8") as f:
            f.write(json.dumps(record) + "\n")


if __name__ == "__main__":
    main()
