"""Validation at scale, beside whole-graph pyshacl.

    .venv/bin/python bench/bench_check.py --appeals 1000          # -> results/check-1000.json
    .venv/bin/python bench/bench_check.py --appeals 200 --pyshacl-timeout 120
    .venv/bin/python bench/bench_check.py --store DIR --corpus DATA --out FILE  # built before

With ``--store``, a store built before is measured and nothing is generated or built; with
``--corpus`` (the data folder that store was built from) 1% of its records are changed in place
(``generate.py --mutate 0.01 --round ROUND --edit EDIT``) and the store rebuilt incrementally
before the incremental run; without it that stage is left out.

On a synthetic corpus from ``bench/generate.py`` (built with ``kg build``'s library call):

Each validation stage records ``cpu_seconds`` beside its wall time: the CPU of the stage's
process and of the workers it waited for (on a shared machine, what the code costs).

- ``validate``: ``kg validate``'s path (SHACL Core compiled to SPARQL and SPARQL constraints,
  set-based in Oxigraph: ``kg/check/setbased.py``), from no earlier results;
- ``validate_noop``: again, nothing changed (the kept results, no query);
- ``validate_1pct``: after 1% of the records changed and a rebuild (only the focus nodes the
  changed triples reach are checked again, each shape and SPARQL constraint over its own);
- ``pergraph_*``: the same three for ``kg validate --engine pyshacl`` (SHACL Core by pyshacl per
  named graph in 2 worker processes), with ``--with-pergraph``;
- ``pyshacl_whole``: one pyshacl run (SHACL Core and SHACL-SPARQL) over the union graph, in a
  child process killed at ``--pyshacl-timeout`` or when its resident memory passes
  ``--pyshacl-memory-gb`` (recorded as stopped, with the time its graph took to load).

Each stage runs in a child process of its own; ``peak_rss_mb`` is that process's peak resident
memory and ``workers_peak_rss_mb`` the largest of the processes it waited for (the validation's
workers, the build's).

The competency questions at scale, embedded and in Virtuoso, are measured by
``bench/bench_queries.py``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import queue
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from full_check import _commit  # noqa: E402
from generate import MUTATIONS, generate, mutate  # noqa: E402
from rdflib.namespace import SH  # noqa: E402

from kg.check.pergraph import cache_path, validate_units  # noqa: E402
from kg.check.setbased import cache_path as sparql_cache_path  # noqa: E402
from kg.check.setbased import validate_set_based  # noqa: E402
from kg.check.validate import shapes_graph  # noqa: E402
from kg.store import Store  # noqa: E402
from kg.store.build import build  # noqa: E402


def _keys(report: Any) -> set[tuple]:
    return {
        (report.value(r, SH.focusNode), report.value(r, SH.sourceConstraintComponent))
        for r in report.objects(None, SH.result)
    }


def _peak_rss() -> dict[str, float]:
    """This process's peak resident memory and its waited-for children's, in MB (Linux: KB)."""
    return {
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "workers_peak_rss_mb": round(
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1
        ),
    }


def _cpu_seconds() -> float:
    """CPU time of this process and of the children it waited for (the validation's workers):
    on a loaded machine the figure that wall time hides."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _child_target(fn: Callable[..., dict[str, Any]], args: tuple, out: Any) -> None:
    figures = fn(*args)
    figures.update(_peak_rss())
    out.put(figures)


def in_child(fn: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
    """``fn(*args)`` in a child process: its figures and its peak memory. Spawned, not forked:
    RocksDB, once opened in this process, leaves a forked child without its background threads
    (a write there waits for a flush forever)."""
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    proc = ctx.Process(target=_child_target, args=(fn, args, out))
    proc.start()
    while True:  # read before joining: a child cannot exit while its answer is in the pipe
        try:
            figures = out.get(timeout=1.0)
            break
        except queue.Empty:
            if not proc.is_alive():
                raise RuntimeError(f"{fn.__name__} failed (exit code {proc.exitcode})") from None
    proc.join()
    return figures


def _timed_sparql(store_path: Path) -> dict[str, Any]:
    """kg validate's default engine, with the results it keeps between runs."""
    store = Store.open(store_path)
    started, cpu = time.perf_counter(), _cpu_seconds()
    conforms, report, stats = validate_set_based(
        store, shapes_graph(), cache=sparql_cache_path(store)
    )
    return {
        "seconds": round(time.perf_counter() - started, 3),
        "cpu_seconds": round(_cpu_seconds() - cpu, 3),
        "mode": stats.mode,
        "reason": stats.reason,
        "graphs_changed": stats.graphs_changed,
        "triples_changed": stats.triples_changed,
        "focus_rechecked": stats.focus_rechecked,
        "queries": stats.queries,
        "steps": stats.steps,
        "fallback_shapes": len(stats.fallback),
        "conforms": conforms,
        "results": len(list(report.objects(None, SH.result))),
    }


def _timed_validation(store_path: Path) -> dict[str, Any]:
    store = Store.open(store_path)
    started = time.perf_counter()
    conforms, report, stats = validate_units(store, shapes_graph(), cache=cache_path(store))
    return {
        "seconds": round(time.perf_counter() - started, 3),
        "units": stats.units,
        "units_checked": stats.checked,
        "units_from_cache": stats.cached,
        "conforms": conforms,
        "results": len(list(report.objects(None, SH.result))),
    }


def _timed_build(store_path: Path, data: Path) -> dict[str, Any]:
    """The incremental rebuild after the change, as ``kg build`` runs it."""
    started, cpu = time.perf_counter(), _cpu_seconds()
    build(store_path, data)
    return {
        "seconds": round(time.perf_counter() - started, 3),
        "cpu_seconds": round(_cpu_seconds() - cpu, 3),
    }


def _same_as_full_run(store_path: Path) -> dict[str, Any]:
    """The incremental run must find what a run from nothing finds (the latter timed too)."""
    full = Store.open(store_path)
    _, inc_report, _ = validate_set_based(full, shapes_graph(), cache=sparql_cache_path(full))
    started = time.perf_counter()
    _, report, stats = validate_set_based(full, shapes_graph())
    return {
        "same": _keys(inc_report) == _keys(report),
        "full_run_seconds": round(time.perf_counter() - started, 3),
        "full_run_mode": stats.mode,
        "results": len(list(report.objects(None, SH.result))),
    }


def _whole_child(store_path: str, out: Any, loaded: Any) -> None:
    """The naive stack: pyshacl over the union graph, SPARQL constraints included."""
    from pyshacl import validate

    started = time.perf_counter()
    data = Store.open(store_path).to_graph()
    loaded.value = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    conforms, report, _ = validate(
        data, shacl_graph=shapes_graph(), inference="none", advanced=True, allow_warnings=True
    )
    results = len(list(report.objects(None, SH.result)))
    out.put((time.perf_counter() - started, time.process_time() - cpu, bool(conforms), results))


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _pyshacl_whole(store_path: Path, timeout: float, memory_gb: float) -> dict[str, Any]:
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    loaded = ctx.Value("d", -1.0)
    proc = ctx.Process(target=_whole_child, args=(str(store_path), out, loaded))
    started = time.perf_counter()
    proc.start()
    peak, stopped = 0.0, None
    while proc.is_alive():
        try:
            seconds, cpu, conforms, results = out.get(timeout=0.5)
            break
        except queue.Empty:
            pass
        peak = max(peak, _rss_mb(proc.pid))
        if time.perf_counter() - started > timeout:
            stopped = "time"
        elif peak > memory_gb * 1024:
            stopped = "memory"
        if stopped:
            proc.kill()
            proc.join()
            return {
                "timed_out": stopped == "time",
                "stopped_by": stopped,
                "timeout_seconds": timeout,
                "memory_limit_gb": memory_gb,
                "stopped_after_seconds": round(time.perf_counter() - started, 1),
                "graph_load_seconds": round(loaded.value, 1) if loaded.value >= 0 else None,
                "peak_rss_mb_seen": round(peak, 1),
            }
    else:
        try:
            seconds, cpu, conforms, results = out.get(timeout=5)
        except queue.Empty:
            return {"error": f"exit code {proc.exitcode}", "peak_rss_mb_seen": round(peak, 1)}
    proc.join()
    return {
        "timed_out": False,
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu, 3),
        "wall_seconds": round(time.perf_counter() - started, 3),
        "graph_load_seconds": round(loaded.value, 1),
        "peak_rss_mb_seen": round(peak, 1),
        "conforms": conforms,
        "results": results,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--appeals", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--store", type=Path, help="a built store: measure it, build nothing")
    parser.add_argument(
        "--corpus", type=Path, help="the data folder --store was built from (changed in place)"
    )
    parser.add_argument("--round", type=int, default=1, help="mutation round of --corpus")
    parser.add_argument(
        "--edit",
        choices=MUTATIONS,
        default="note",
        help="what the 1%% change edits (generate.py --edit): an event's note, or also a date "
        "and a spelling of a person's name",
    )
    parser.add_argument("--pyshacl-timeout", type=float, default=600.0)
    parser.add_argument("--pyshacl-memory-gb", type=float, default=8.0)
    # accepted for the commands recorded with earlier results; the questions are in bench_queries.py
    parser.add_argument("--no-questions", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-virtuoso", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--with-pergraph", action="store_true", help="also --engine pyshacl")
    parser.add_argument(
        "--no-full-again",
        action="store_true",
        help="after the incremental run, do not run from nothing again to compare its results",
    )
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.corpus and not args.store:
        parser.error("--corpus needs --store (the store built from it)")
    label = args.store.name if args.store else str(args.appeals)
    out = args.out or ROOT / "bench" / "results" / f"check-{label}.json"
    work = Path(tempfile.mkdtemp(prefix="kg-bench-check-"))
    try:
        figures: dict[str, Any] = {}
        if args.store:
            store_path, data = args.store, args.corpus
            figures["store"] = "built before (--store)"
        else:
            data, store_path = work / "data", work / "store"
            generate(args.appeals, data, args.seed)
            t0 = time.perf_counter()
            build(store_path, data)
            figures.update(appeals=args.appeals, build_seconds=round(time.perf_counter() - t0, 1))
        store = Store.open(store_path)
        figures.update(
            quads=len(store),
            graphs=len(store.graph_names()),
            machine={"cpus": os.cpu_count(), "python": platform.python_version()},
            commit=_commit(),
            load_average_at_start=os.getloadavg(),
        )
        del store

        def save() -> None:  # after each stage, so that a stopped run keeps what it measured
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")

        save()
        print(f"store {figures}", file=sys.stderr)
        figures["validate"] = in_child(_timed_sparql, store_path)
        figures["load_average_after_validate"] = os.getloadavg()
        save()
        print(f"validation {figures['validate']}", file=sys.stderr)
        figures["validate_noop"] = in_child(_timed_sparql, store_path)
        if args.with_pergraph:
            figures["pergraph_validate"] = in_child(_timed_validation, store_path)
            figures["pergraph_validate_noop"] = in_child(_timed_validation, store_path)
        save()
        if data is not None:
            changed = mutate(data, 0.01, args.seed, args.round, args.edit)
            figures["records_changed"] = len(changed)
            figures["edit"] = args.edit
            figures["rebuild_1pct"] = in_child(_timed_build, store_path, data)
            figures["rebuild_1pct_seconds"] = figures["rebuild_1pct"]["seconds"]
            save()
            figures["validate_1pct"] = in_child(_timed_sparql, store_path)
            if args.with_pergraph:
                figures["pergraph_validate_1pct"] = in_child(_timed_validation, store_path)
            save()
            print(f"incremental {figures['validate_1pct']}", file=sys.stderr)
            figures["load_average_after_incremental"] = os.getloadavg()
            if not args.no_full_again:
                same = in_child(_same_as_full_run, store_path)
                figures["validate_1pct"]["same_as_full_run"] = same["same"]
                figures["validate_full_after_1pct"] = same
            save()
        figures["pyshacl_whole"] = _pyshacl_whole(
            store_path, args.pyshacl_timeout, args.pyshacl_memory_gb
        )
        whole = figures["pyshacl_whole"]
        mine = figures["validate"]["seconds"]
        if "seconds" in whole:
            figures["speedup_vs_pyshacl"] = round(whole["seconds"] / mine, 1)
            # CPU against CPU: the wall ratio depends on the load and on the worker processes
            figures["speedup_vs_pyshacl_cpu"] = round(
                whole["cpu_seconds"] / figures["validate"]["cpu_seconds"], 1
            )
        elif whole.get("stopped_by"):  # a lower bound only
            figures["speedup_vs_pyshacl"] = f"> {round(whole['stopped_after_seconds'] / mine, 1)}"
        figures["load_average_at_end"] = os.getloadavg()
        save()
        print(f"wrote {out}", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
