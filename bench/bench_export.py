"""Export throughput and peak memory per format, beside Oxigraph reading the store and rdflib's
Turtle writer.

    .venv/bin/python bench/bench_export.py --appeals 300 --budget 600  # generate and build first
    .venv/bin/python bench/bench_export.py --store /tmp/kg-1k  # -> results/export-kg-1k.json

For each streamed format (N-Quads, TriG, N-Triples, Turtle, JSON-LD), ``kg export --store S
--format F --no-void -o FILE`` runs as a user runs it (interpreter start and store opening
included), ``--repeat`` times, in a child process whose wall time, CPU time (user + system) and
peak memory are recorded (the median run by wall time, and every run), with triples per second
over the public store's quads; ``library_seconds`` is the :func:`kg.publish.export.export` call
alone, timed inside another child. The export copies what the build wrote beside the public
store (``kg/store/chunks.py``); writing those files again from the store (``write_chunks``: what
the build pays for them) is timed too, whole and as after a 1% change (the other appeal graphs'
files hard-linked), and ``kg export -o`` of N-Quads with its ``void.ttl``: first with the VoID
counts the build kept (``kg/store/voidcounts.py``), then with those counts removed, so that the
export counts them by SPARQL aggregates over the store (as every first export of a build did
before the build counted them), then again; ``void_counts`` is what counting adds to the build
(each graph's N-Triples read and hashed, and the union merged), timed alone. Beside them, on the
same store: Oxigraph's own ``Store.dump`` of N-Quads from the store on disk (the floor of any
export that reads the store) and from an in-memory copy (the serialiser alone), and rdflib's
Turtle writer over the store's dataset (the naive stack) with ``--budget`` seconds and
``--memory-gb`` of resident memory (stopped past either, and recorded so); with
``--jsonld-budget``, the rdflib JSON-LD writer the export used before JSON-LD was streamed, the
same way. The load average before and after is recorded: on a machine shared with other work,
times are slower than the code is.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FORMATS = {
    "nquads": ".nq",
    "trig": ".trig",
    "ntriples": ".nt",
    "turtle": ".ttl",
    "jsonld": ".jsonld",
}


def step(name: str, args: list[str]) -> dict[str, Any]:
    """A baseline, run in this (child) process; returns its own figures."""
    import pyoxigraph as ox

    from kg.store.store import Store

    if name == "build":  # generate and build here, so the parent stays small (see run())
        sys.path.insert(0, str(ROOT / "bench"))
        from generate import generate

        from kg.store.stream import build_streaming

        data = generate(int(args[1]), Path(args[0]) / "data")
        started = time.perf_counter()
        build_streaming(Path(args[0]) / "kg", data, progress=None)
        return {"seconds": round(time.perf_counter() - started, 3)}
    store = Store.open(args[0])
    if name == "count":
        return {"quads": len(store)}
    started = time.perf_counter()
    if name == "library-export":
        from kg.publish.export import export

        export(store, args[2], output=Path(args[1]))
    elif name == "write-chunks":
        from kg.store.chunks import write_chunks

        Path(args[1]).mkdir()
        write_chunks(store.oxigraph, Path(args[1]))
    elif name == "write-chunks-1pct":  # as after a 1% change: the rest hard-linked
        from kg.store.chunks import APPEAL_GRAPHS, write_chunks

        Path(args[1]).mkdir()
        appeals = sorted(g.value for g in store.oxigraph.named_graphs())
        appeals = [g for g in appeals if g.startswith(APPEAL_GRAPHS)]
        changed = appeals[:: max(1, len(appeals) // max(1, len(appeals) // 100))]
        started = time.perf_counter()
        write_chunks(store.oxigraph, Path(args[1]), previous=Path(args[0]).parent, changed=changed)
        return {"seconds": round(time.perf_counter() - started, 3), "changed": len(changed)}
    elif name == "void-counts":  # what the build adds to write_chunks: count, merge
        from kg.files import read_unpacked
        from kg.store.chunks import store_chunks
        from kg.store.voidcounts import count_graph, union_counts

        chunks = store_chunks(store.oxigraph, store.path)
        if chunks is None:
            raise SystemExit("no export files")
        graphs = []
        for chunk in chunks.chunks:
            data = read_unpacked(chunk.nquads)
            if chunk.graph is not None:
                data = data.replace(f" <{chunk.graph}> .\n".encode(), b" .\n")
            graphs.append((chunk.graph, count_graph(data)))
        union_counts(graphs)
    elif name == "oxigraph-dump":
        store.oxigraph.dump(args[1], format=ox.RdfFormat.N_QUADS)
    elif name == "oxigraph-memory-dump":
        memory = ox.Store()
        memory.bulk_extend(store.oxigraph.quads_for_pattern(None, None, None, None))
        started = time.perf_counter()  # the serialiser alone
        memory.dump(args[1], format=ox.RdfFormat.N_QUADS)
    elif name == "rdflib-turtle":
        from kg.publish.export import serialize

        Path(args[1]).write_bytes(serialize(store.to_dataset(), "turtle"))
    elif name == "rdflib-jsonld":  # the JSON-LD export before it was streamed
        from kg.publish.jsonld import serialize_jsonld
        from kg.vocab import bind_prefixes

        Path(args[1]).write_bytes(serialize_jsonld(bind_prefixes(store.to_dataset())))
    else:
        raise SystemExit(f"unknown step {name}")
    return {"seconds": round(time.perf_counter() - started, 3)}


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run(
    cmd: list[str], budget: float | None = None, memory_gb: float | None = None
) -> dict[str, Any]:
    """A child process: wall time, peak memory, its JSON answer if any; stopped at ``budget``
    seconds or when its resident memory passes ``memory_gb``.

    The parent never imports the project: a child's peak memory as the kernel counts it starts
    from its parent's size when forked."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = None if budget is None else started + budget
    polls = 0
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        polls += 1
        # (read every fifth poll, from the first: a child that finishes within half a second
        # of starting was missed when only every 25th was read)
        over_memory = memory_gb is not None and (polls == 1 or polls % 5 == 0)
        over_memory = over_memory and _rss_mb(proc.pid) > memory_gb * 1024  # type: ignore[operator]
        if over_memory or (deadline is not None and time.perf_counter() > deadline):
            proc.kill()
            _, _, usage = os.wait4(proc.pid, 0)
            return {
                "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3),
                "timeout": budget,
                "memory_limit_gb": memory_gb,
                "stopped_by": "memory" if over_memory else "time",
                "stopped_after_seconds": round(time.perf_counter() - started, 1),
                "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
            }
        time.sleep(0.02)
    wall = time.perf_counter() - started
    cpu = usage.ru_utime + usage.ru_stime
    stdout, stderr = proc.stdout.read(), proc.stderr.read()  # type: ignore[union-attr]
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{stderr[-2000:]}")
    out: dict[str, Any] = {}
    if stdout.strip().startswith("{"):
        out = json.loads(stdout.strip().splitlines()[-1])
    out["wall_seconds"] = round(wall, 3)
    out["cpu_seconds"] = round(cpu, 3)  # user + system, of the child and what it waited for
    out["peak_rss_mb"] = round(usage.ru_maxrss / 1024, 1)  # Linux: kilobytes
    return out


def store_bytes(store: Path) -> dict[str, int]:
    """Bytes on disk of the store's parts: the full and public stores, the export files (the
    generation's ``export/`` and the graphs' files it lists in the folder the generations
    share), and all of it with each file counted once (the public store hard-links the full
    store's files when they are the same)."""
    from kg.store.chunks import listed_files

    sizes, seen = {"all": 0}, set()
    for path in [*store.rglob("*"), *listed_files(store)]:
        if path.is_file() and not path.is_symlink():
            stat = path.stat()
            size = stat.st_size
            if (stat.st_dev, stat.st_ino) not in seen:
                seen.add((stat.st_dev, stat.st_ino))
                sizes["all"] += size
            part = path.relative_to(store).parts[0] if path.is_relative_to(store) else "export"
            if part in ("full", "public", "export"):
                sizes[part] = sizes.get(part, 0) + size
    return sizes


def bench(
    store_path: Path,
    work: Path,
    budget: float,
    memory_gb: float | None = None,
    repeat: int = 3,
    jsonld_budget: float = 0,
    exports_only: bool = False,
) -> dict[str, Any]:
    public = Path(store_path).resolve() / "public"
    me = [sys.executable, str(Path(__file__).resolve()), "--step"]
    quads = run([*me, "count", str(public)])["quads"]
    res: dict[str, Any] = {"store": str(store_path), "quads": quads, "exports": {}}
    res["store_bytes"] = store_bytes(Path(store_path).resolve())
    res["load_before"] = os.getloadavg()
    kg = str(Path(sys.executable).parent / "kg")
    for fmt, ext in FORMATS.items():
        out = work / f"export{ext}"
        cmd = [kg, "export", "--store", str(store_path), "--format", fmt, "--no-void", "-o"]
        runs = []
        for _ in range(max(1, repeat)):  # the median of `repeat` runs; each run recorded
            runs.append(run([*cmd, str(out)]))
            size = out.stat().st_size
            out.unlink()
        r = dict(sorted(runs, key=lambda x: x["wall_seconds"])[len(runs) // 2])
        r["runs"] = [
            {k: x[k] for k in ("wall_seconds", "cpu_seconds", "peak_rss_mb")} for x in runs
        ]
        r["bytes"] = size
        r["triples_per_second"] = round(quads / r["wall_seconds"])
        r["triples_per_cpu_second"] = round(quads / max(r["cpu_seconds"], 1e-6))
        inside = run([*me, "library-export", str(public), str(out), fmt])
        r["library_seconds"] = inside["seconds"]
        r["library_triples_per_second"] = round(quads / max(inside["seconds"], 1e-6))
        out.unlink()
        res["exports"][fmt] = r
        print(f"  {fmt}: {r}", file=sys.stderr)
    if exports_only:  # nothing written into the store or beside it (another's store, say)
        res["load_after"] = os.getloadavg()
        return res
    # void.ttl: the counts the build kept; then counted in the store by SPARQL (the kept
    # counts removed first, as before the build counted them), which keeps them again.
    from kg.files import current_generation
    from kg.store.voidcounts import COUNTS_FILE

    kept = current_generation(Path(store_path)) / "export" / COUNTS_FILE  # type: ignore[operator]
    out = work / "with-void" / "export.nq"
    for key in ("nquads_with_void", "nquads_with_void_sparql_counts", "nquads_with_void_again"):
        if key == "nquads_with_void_sparql_counts":
            kept.unlink()
        r = run([kg, "export", "--store", str(store_path), "--format", "nquads", "-o", str(out)])
        r["triples_per_second"] = round(quads / r["wall_seconds"])
        res[key] = r
        print(f"  {key}: {r}", file=sys.stderr)
    r = run([*me, "void-counts", str(public)])
    r["triples_per_second"] = round(quads / r["seconds"])
    res["void_counts"] = r
    print(f"  void_counts: {r}", file=sys.stderr)
    r = run([*me, "write-chunks", str(public), str(work / "chunks")])
    r["triples_per_second"] = round(quads / r["seconds"])
    res["write_chunks"] = r
    print(f"  write_chunks: {r}", file=sys.stderr)
    r = run([*me, "write-chunks-1pct", str(public), str(work / "chunks-1pct")])
    res["write_chunks_after_1pct_change"] = r
    print(f"  write_chunks after a 1% change: {r}", file=sys.stderr)
    for name in ("oxigraph-dump", "oxigraph-memory-dump"):
        r = run([*me, name, str(public), str(work / "dump.nq")])
        r["triples_per_second"] = round(quads / r["seconds"])
        res[name.replace("-", "_")] = r
        print(f"  {name}: {r}", file=sys.stderr)
    if budget <= 0:  # rdflib's writer not run
        res["load_after"] = os.getloadavg()
        return res
    cmd = [*me, "rdflib-turtle", str(public), str(work / "rdflib.ttl")]
    r = run(cmd, budget=budget, memory_gb=memory_gb)
    res["rdflib_turtle"] = r
    if "stopped_by" not in r:
        r["triples_per_second"] = round(quads / r["wall_seconds"])
        res["turtle_speedup_over_rdflib"] = round(
            r["wall_seconds"] / res["exports"]["turtle"]["wall_seconds"], 1
        )
    else:  # a lower bound: the time it ran before it was stopped
        res["turtle_speedup_over_rdflib"] = (
            f"> {round(r['stopped_after_seconds'] / res['exports']['turtle']['wall_seconds'], 1)}"
        )
    print(f"  rdflib-turtle: {r}", file=sys.stderr)
    if jsonld_budget > 0:  # JSON-LD as it was written before it was streamed
        cmd = [*me, "rdflib-jsonld", str(public), str(work / "rdflib.jsonld")]
        r = run(cmd, budget=jsonld_budget, memory_gb=memory_gb)
        res["rdflib_jsonld"] = r
        mine = res["exports"]["jsonld"]["wall_seconds"]
        if "stopped_by" not in r:
            res["jsonld_speedup_over_rdflib"] = round(r["wall_seconds"] / mine, 1)
        else:
            res["jsonld_speedup_over_rdflib"] = f"> {round(r['stopped_after_seconds'] / mine, 1)}"
        (work / "rdflib.jsonld").unlink(missing_ok=True)
        print(f"  rdflib-jsonld: {r}", file=sys.stderr)
    res["load_after"] = os.getloadavg()
    return res


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--step"]:
        sys.path.insert(0, str(ROOT))
        print(json.dumps(step(argv[1], argv[2:])))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="a built store (else --appeals are built)")
    parser.add_argument("--appeals", type=int, default=1000)
    parser.add_argument("--budget", type=float, default=300, help="seconds for rdflib (0: none)")
    parser.add_argument(
        "--memory-gb", type=float, default=8.0, help="rdflib stopped past this resident memory"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of each kg export (median)")
    parser.add_argument(
        "--jsonld-budget", type=float, default=0, help="seconds for rdflib's JSON-LD (0: none)"
    )
    parser.add_argument(
        "--exports-only",
        action="store_true",
        help="only the kg export runs and library calls: nothing written into the store",
    )
    parser.add_argument(
        "--work",
        type=Path,
        help="folder for the outputs (default: a temporary one); on the store's file system "
        "unless --exports-only (write_chunks after a 1%% change hard-links the kept files)",
    )
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-bench-export-", dir=args.work) as tmp:
        work = Path(tmp)
        store_path = args.store
        if store_path is None:
            me = [sys.executable, str(Path(__file__).resolve()), "--step"]
            print(f"  build: {run([*me, 'build', str(work), str(args.appeals)])}", file=sys.stderr)
            store_path = work / "kg"
        label = args.store.name if args.store else str(args.appeals)
        res = bench(
            store_path,
            work,
            args.budget,
            args.memory_gb,
            args.repeat,
            args.jsonld_budget,
            args.exports_only,
        )
        # no path of this machine in the results
        res["store"] = (
            args.store.name
            if args.store
            else f"{args.appeals} appeals from bench/generate.py (seed 1), built by kg build"
        )
    out = args.out or ROOT / "bench" / "results" / f"export-{label}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
