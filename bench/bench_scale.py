"""Scale benchmark: build, no-op rebuild, 1% rebuild, streamed exports, store size, peak memory and
triples per appeal on generated corpora (bench/generate.py), beside two baselines measured in the
same run on the same data:

- the naive stack: the rdflib-dataset build (``build_classic``) and rdflib's Turtle writer, each
  given a time budget; a step past its budget is recorded as ``{"timeout": seconds}``;
- Oxigraph's own bulk load of the same quads (the store's N-Quads dump, loaded into a new store).

Each step runs in a child process, so its peak memory (``ru_maxrss``) is its own. The machine's
load average is recorded before and after, since the machine may be shared.

    python bench/bench_scale.py --sizes 1000 10000 --budget 600
    python bench/bench_scale.py --sizes 20 --budget 60 --out /tmp/smoke   # smoke size

Results: ``bench/results/scale-<N>.json`` (or ``--out DIR``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ("nquads", "ntriples", "trig", "turtle")


# --------------------------------------------------------------------------------------------
# Steps, each run in a child process: ``bench_scale.py --step NAME ARGS...`` prints one JSON line.


def step(name: str, args: list[str]) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    # Imports first, so that a step's time is its work, not the interpreter's start.
    import generate  # noqa: F401

    import kg.publish.export
    import kg.store.build
    import kg.store.stream  # noqa: F401

    started = time.perf_counter()
    out: dict[str, Any] = {}
    if name == "generate":
        from generate import generate

        generate(int(args[0]), Path(args[1]), seed=1)
    elif name == "mutate":
        from generate import mutate

        kind = args[3] if len(args) > 3 else "note"
        changed = mutate(Path(args[0]), float(args[1]), seed=1, round_=int(args[2]), kind=kind)
        out["changed"] = len(changed)
    elif name in ("build", "rebuild"):
        from kg.store.stream import build_streaming

        phases = _time_phases()
        cpu = time.process_time()
        result = build_streaming(
            args[0], Path(args[1]), incremental=name == "rebuild", progress=None
        )
        out.update(triples=result.triples, graphs=result.graphs, derived=result.derived)
        out["cpu_seconds"] = round(time.process_time() - cpu, 3)  # this process, not workers
        out["phases"] = {k: {"seconds": round(w, 3), "cpu_seconds": round(c, 3), "calls": n}
                         for k, (w, c, n) in phases.items()}  # fmt: skip
    elif name == "classic":
        from kg.store.build import build_classic

        result = build_classic(args[0], Path(args[1]))
        out.update(triples=result.triples)
    elif name == "export":
        from kg.publish.export import stream_export
        from kg.store.store import Store, public_store_path

        store = Store.open(public_store_path(args[0]))
        with open(args[2], "wb") as f:
            stream_export(store, args[1], f)
    elif name == "rdflib-turtle":
        from kg.publish.export import serialize
        from kg.store.store import Store, public_store_path

        store = Store.open(public_store_path(args[0]))
        Path(args[1]).write_bytes(serialize(store.to_dataset(), "turtle"))
    elif name == "dump":  # packed (kg.files.packing): a 16th of the room on disk
        from kg.files import packing
        from kg.store.store import Store, store_location

        store = Store.open(store_location(args[0]))
        with packing(args[1]) as f:
            store.oxigraph.dump(f, format=__import__("pyoxigraph").RdfFormat.N_QUADS)
    elif name == "unpack":  # what unpacking adds to the bulk load below, timed alone
        from kg.files import unpacked_blocks

        out["bytes"] = sum(len(block) for block in unpacked_blocks(args[0]))
    elif name == "oxigraph-load":
        import pyoxigraph as ox

        from kg.files import open_unpacked

        store = ox.Store(args[1])
        with open_unpacked(args[0]) as f:
            store.bulk_load(f, format=ox.RdfFormat.N_QUADS)
        store.flush()
        out["quads"] = len(store)
    elif name == "count":
        out.update(count_triples(args[0]))
    else:
        raise SystemExit(f"unknown step {name}")
    out["seconds"] = round(time.perf_counter() - started, 3)
    return out


def _time_phases() -> dict[str, list]:
    """Time (wall and CPU of this process) the build's export phases: writing the export
    files (``write_chunks``), of which the VoID counts (``_write_void``) and the removal of
    files no generation lists (``_collect``)."""
    import kg.store.chunks as chunks

    times: dict[str, list] = {}
    for name in ("write_chunks", "_write_void", "_collect"):
        fn = getattr(chunks, name, None)
        if fn is None:
            continue

        def timed(*a: Any, _fn: Any = fn, _name: str = name, **k: Any) -> Any:
            wall, cpu = time.perf_counter(), time.process_time()
            try:
                return _fn(*a, **k)
            finally:
                t = times.setdefault(_name, [0.0, 0.0, 0])
                t[0] += time.perf_counter() - wall
                t[1] += time.process_time() - cpu
                t[2] += 1

        setattr(chunks, name, timed)
    return times


def count_triples(store_path: str) -> dict[str, Any]:
    """Triples in appeal graphs, evidence-span triples, spans, triples of the whole store."""
    from kg.store.store import Store, store_location

    store = Store.open(store_location(store_path))
    q = """
    PREFIX akg: <https://w3id.org/appeals-kg/ontology#>
    SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o }
      FILTER(STRSTARTS(STR(?g), "https://w3id.org/appeals-kg/graph/appeal/")) }"""
    appeal_triples = int(store.query(q)[1][0][0])
    q = """
    PREFIX akg: <https://w3id.org/appeals-kg/ontology#>
    PREFIX oa: <http://www.w3.org/ns/oa#>
    SELECT (COUNT(DISTINCT ?span) AS ?spans) WHERE { ?span oa:hasSource ?appeal }"""
    spans = int(store.query(q)[1][0][0])
    q = """
    PREFIX akg: <https://w3id.org/appeals-kg/ontology#>
    PREFIX oa: <http://www.w3.org/ns/oa#>
    SELECT (COUNT(*) AS ?n) WHERE { ?span oa:hasSource ?appeal ; ?p ?o }"""
    span_triples = int(store.query(q)[1][0][0])
    # What the layout before stored besides (bench/README.md, "Triples per appeal"): one
    # akg:reportedIn per fact with evidence, one rdf:type per participation, one
    # akg:datePrecision per dated event.
    q = """
    PREFIX akg: <https://w3id.org/appeals-kg/ontology#>
    SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?g ?s WHERE { GRAPH ?g { ?s akg:evidence ?e }
      FILTER(STRSTARTS(STR(?g), "https://w3id.org/appeals-kg/graph/appeal/")) } }"""
    evidenced = int(store.query(q)[1][0][0])
    q = """
    PREFIX akg: <https://w3id.org/appeals-kg/ontology#>
    SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?e akg:participation ?p }"""
    participations = int(store.query(q)[1][0][0])
    q = """
    PREFIX akg: <https://w3id.org/appeals-kg/ontology#>
    SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?e akg:date ?d }
      FILTER(STRSTARTS(STR(?g), "https://w3id.org/appeals-kg/graph/appeal/")) }"""
    dated = int(store.query(q)[1][0][0])
    return {
        "store_triples": len(store),
        "appeal_graph_triples": appeal_triples,
        "evidence_spans": spans,
        "evidence_span_triples": span_triples,
        "facts_with_evidence": evidenced,
        "participations": participations,
        "dated_events": dated,
    }


def run_step(name: str, *args: str, budget: float | None = None) -> dict[str, Any]:
    """A step in a child process: its JSON, its wall time and its peak memory."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--step", name, *map(str, args)]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = None if budget is None else started + budget
    tree_peak, sampled = 0, 0.0
    while True:
        now = time.perf_counter()
        if now - sampled >= 0.5:
            tree_peak, sampled = max(tree_peak, tree_rss_kb(proc.pid)), now
        try:
            _pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        except ChildProcessError:
            break
        if _pid:
            break
        if deadline is not None and time.perf_counter() > deadline:
            proc.kill()
            os.wait4(proc.pid, 0)
            return {"timeout": budget}
        time.sleep(0.05)
    wall = time.perf_counter() - started
    stdout, stderr = proc.stdout.read(), proc.stderr.read()  # type: ignore[union-attr]
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"step {name} failed ({code}):\n{stderr[-3000:]}")
    out = json.loads(stdout.strip().splitlines()[-1])
    out["wall_seconds"] = round(wall, 3)
    out["peak_rss_mb"] = round(usage.ru_maxrss / 1024, 1)  # Linux: kilobytes
    # The step and its worker processes together, sampled every half second (forked workers
    # share some pages with their parent, counted here in each).
    out["peak_tree_rss_mb"] = round(tree_peak / 1024, 1)
    return out


def tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and its descendants (kB), from /proc; 0 where not Linux."""
    if not Path("/proc").is_dir():
        return 0
    from runinfo import proc_kb, process_tree

    return sum(proc_kb(p, "VmRSS") for p in process_tree(pid))


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


# --------------------------------------------------------------------------------------------


def bench_size(
    n: int,
    work: Path,
    budget: float,
    save: Any = None,
    *,
    corpus: Path | None = None,
    build_only: bool = False,
    bulk_load: bool = True,
    baseline_last: bool = False,
) -> dict[str, Any]:
    """Every step at one size; ``save(res)`` is called after each, so that a run stopped
    part-way (a size too large for the time given) leaves what finished. ``corpus``: a corpus
    ``generate.py N`` made before (with the same seed), copied rather than generated again;
    ``build_only``: the build, Oxigraph's bulk load, the no-op and the 1% rebuild, no more;
    ``bulk_load`` False: without the dump and Oxigraph's bulk load (they need twice the store's
    room on disk); ``baseline_last``: the dump made right after the build, but Oxigraph's bulk
    load of it run at the end, after the project's store is removed, so that the two stores
    are never on disk together."""
    from kg.store.store import store_location

    data, store = work / f"data-{n}", work / f"kg-{n}"
    for p in (data, store, work / f".kg-{n}.d"):
        shutil.rmtree(p, ignore_errors=True)
    res: dict[str, Any] = {"appeals": n, "load_before": os.getloadavg(), "finished": False}

    def put(key: str, value: Any) -> Any:
        res[key] = value
        res["load_now"] = os.getloadavg()
        if save is not None:
            save(res)
        return value

    if corpus is None:
        put("generate", run_step("generate", n, data))
    else:
        cases = len(list((corpus / "cases").glob("*.yaml")))
        if cases != n:
            raise SystemExit(f"Error: {corpus}: {cases} case records, not {n}")
        shutil.copytree(corpus, data, symlinks=True)
        put("generate", {"copied": "a corpus generate.py made before"})
    put("build", run_step("build", store, data))
    # Oxigraph's own bulk load of the same quads (the store's N-Quads, packed, unpacked as it
    # reads them), right after the build (same machine load) unless ``baseline_last``.
    nq = work / f"dump-{n}.nq.zst"

    def baseline() -> None:
        ox_store = work / f"oxigraph-{n}"
        shutil.rmtree(ox_store, ignore_errors=True)
        load = run_step("oxigraph-load", nq, ox_store)
        load["unpack"] = run_step("unpack", nq)
        put("oxigraph_bulk_load", load)
        shutil.rmtree(ox_store, ignore_errors=True)
        nq.unlink(missing_ok=True)

    if bulk_load:
        run_step("dump", store, nq)
        if not baseline_last:
            baseline()
    put("noop_rebuild", run_step("rebuild", store, data))
    put("mutate", run_step("mutate", data, 0.01, 1))
    put("rebuild_1pct", run_step("rebuild", store, data))
    if build_only:
        res["store_bytes"] = dir_size(store_location(store))
        if bulk_load and baseline_last:
            for p in (store, work / f".kg-{n}.d"):
                shutil.rmtree(p, ignore_errors=True)
            store.unlink(missing_ok=True)
            baseline()
        if bulk_load:
            b, o = res["build"]["wall_seconds"], res["oxigraph_bulk_load"]["wall_seconds"]
            res["build_over_oxigraph_load"] = round(b / o, 2)
        res["peak_rss_mb"] = max(
            v.get("peak_rss_mb", 0) for v in res.values() if isinstance(v, dict)
        )
        res["load_after"] = os.getloadavg()
        res["finished"] = True
        return res
    res["store_bytes"] = dir_size(store_location(store))
    put("triples", run_step("count", store))
    triples = res["triples"]["store_triples"]
    spans = res["triples"]["evidence_spans"]
    appeal = res["triples"]["appeal_graph_triples"]
    res["triples_per_appeal"] = round(appeal / n, 1)
    # The layout the scale issue measured stored 11 triples per span (its type and source, two
    # typed selectors, the offsets, the quote, its prefix and suffix); spans now have 4. It also
    # stored akg:reportedIn on facts with evidence, participations' types and dates' precision.
    t = res["triples"]
    removed = 7 * spans + t["facts_with_evidence"] + t["participations"] + t["dated_events"]
    res["triples_per_appeal_before"] = round((appeal + removed) / n, 1)
    res["exports"] = {}
    for fmt in FORMATS:
        out = work / f"export-{n}.{fmt}"
        r = run_step("export", store, fmt, out, budget=budget)
        if "timeout" not in r:
            r["bytes"] = out.stat().st_size
            r["triples_per_second"] = round(triples / max(r["seconds"], 1e-9))
        out.unlink(missing_ok=True)
        res["exports"][fmt] = r
        put("exports", res["exports"])
    ttl = work / f"rdflib-{n}.ttl"
    put("naive_rdflib_turtle", run_step("rdflib-turtle", store, ttl, budget=budget))
    ttl.unlink(missing_ok=True)
    classic = work / f"classic-{n}"
    put("naive_dataset_build", run_step("classic", classic, data, budget=budget))
    shutil.rmtree(classic, ignore_errors=True)
    shutil.rmtree(work / f".classic-{n}.d", ignore_errors=True)
    b, o = res["build"]["wall_seconds"], res["oxigraph_bulk_load"]["wall_seconds"]
    res["build_over_oxigraph_load"] = round(b / o, 2)
    rdf = res["naive_rdflib_turtle"]
    if "timeout" not in rdf and "timeout" not in res["exports"]["turtle"]:
        res["turtle_speedup_over_rdflib"] = round(
            rdf["seconds"] / max(res["exports"]["turtle"]["seconds"], 1e-9), 1
        )
    res["peak_rss_mb"] = max(v.get("peak_rss_mb", 0) for v in res.values() if isinstance(v, dict))
    res["load_after"] = os.getloadavg()
    res["finished"] = True
    return res


def _figure_args(argv: list[str]) -> list[str]:
    """The arguments that change the figures (not where the work and results go, which would
    put a path of the machine into the results)."""
    out, skip = [], False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("--work", "--out"):
            skip = True
        elif arg.startswith("--corpus="):
            out.append("--corpus=DIR")
        elif out[-1:] == ["--corpus"]:
            out.append("DIR")  # a corpus generate.py made, wherever it is
        elif not arg.startswith(("--work=", "--out=")):
            out.append(arg)
    return out


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--step"]:
        print(json.dumps(step(argv[1], argv[2:])))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--budget", type=float, default=600, help="seconds per baseline step")
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / ".work")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument(
        "--again",
        type=int,
        metavar="ROUND",
        help="only change another 1%% of the records of an earlier run's corpus (mutation round "
        "ROUND) and rebuild its store, adding rebuild_1pct_round<ROUND> to scale-N.json",
    )
    parser.add_argument(
        "--edit",
        choices=("note", "facts"),
        default="note",
        help="with --again: what the 1%% change edits (generate.py --edit): an event's note, or "
        "also a date and a spelling of a person's name (adds rebuild_1pct_round<ROUND>_facts)",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        metavar="DIR",
        help="copy this corpus (made by 'generate.py N DIR', seed 1) rather than generate one; "
        "one size only",
    )
    parser.add_argument(
        "--build-only",
        action="store_true",
        help="only the build, Oxigraph's bulk load, the no-op and the 1%% rebuild",
    )
    parser.add_argument(
        "--no-bulk-load",
        action="store_true",
        help="with --build-only: without the dump and Oxigraph's bulk load of the same quads "
        "(they need twice the store's room on disk)",
    )
    parser.add_argument(
        "--baseline-last",
        action="store_true",
        help="with --build-only: Oxigraph's bulk load at the end, after the project's store is "
        "removed (the two stores never on disk together: what a 100,000-appeal run needs)",
    )
    args = parser.parse_args(argv)
    if args.no_bulk_load and not args.build_only:
        parser.error("--no-bulk-load goes with --build-only")
    if args.baseline_last and (not args.build_only or args.no_bulk_load):
        parser.error("--baseline-last goes with --build-only, without --no-bulk-load")
    if args.corpus is not None and len(args.sizes) != 1:
        parser.error("--corpus goes with one size")
    sys.path.insert(0, str(ROOT))
    args.work.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    for n in args.sizes:
        path = args.out / f"scale-{n}.json"
        if args.again is not None:
            work = args.work.resolve()
            res = json.loads(path.read_text(encoding="utf-8"))
            changed = run_step("mutate", work / f"data-{n}", 0.01, args.again, args.edit)
            load = os.getloadavg()
            step_res = run_step("rebuild", work / f"kg-{n}", work / f"data-{n}")
            step_res.update(changed=changed["changed"], load_before=load, load=os.getloadavg())
            suffix = "" if args.edit == "note" else f"_{args.edit}"
            res[f"rebuild_1pct_round{args.again}{suffix}"] = step_res
            path.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
            print(f"wrote {path}", file=sys.stderr)
            continue

        def save(res: dict[str, Any], path: Path = path) -> None:
            res["machine"] = {"cpus": os.cpu_count(), "python": platform.python_version()}
            res["command"] = "python bench/bench_scale.py " + " ".join(_figure_args(argv))
            path.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")

        corpus = args.corpus.resolve() if args.corpus is not None else None
        save(
            bench_size(
                n,
                args.work.resolve(),
                args.budget,
                save,
                corpus=corpus,
                build_only=args.build_only,
                bulk_load=not args.no_bulk_load,
                baseline_last=args.baseline_last,
            )  # fmt: skip
        )
        print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
