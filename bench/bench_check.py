"""Validation at scale, beside whole-graph pyshacl.

    .venv/bin/python bench/bench_check.py --appeals 1000          # -> results/check-1000.json
    .venv/bin/python bench/bench_check.py --appeals 200 --pyshacl-timeout 120

On a synthetic corpus from ``bench/generate.py`` (built with ``kg build``'s library call):

- ``validate``: ``kg validate``'s path (SHACL Core compiled to SPARQL and SPARQL constraints,
  set-based in Oxigraph: ``kg/check/setbased.py``), from no earlier results;
- ``validate_noop``: again, nothing changed (the kept results, no query);
- ``validate_1pct``: after 1% of the records changed and a rebuild (only the focus nodes the
  changed triples reach are checked again, each shape and SPARQL constraint over its own);
- ``pergraph_*``: the same three for ``kg validate --engine pyshacl`` (SHACL Core by pyshacl per
  named graph in 2 worker processes), with ``--with-pergraph``;
- ``pyshacl_whole``: one pyshacl run (SHACL Core and SHACL-SPARQL) over the union graph, in a
  child process killed at ``--pyshacl-timeout`` (recorded as timed out);

The competency questions at scale, embedded and in Virtuoso, are measured by
``bench/bench_queries.py``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from generate import generate, mutate  # noqa: E402
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


def _timed_sparql(store_path: Path) -> dict[str, Any]:
    """kg validate's default engine, with the results it keeps between runs."""
    store = Store.open(store_path)
    started = time.perf_counter()
    conforms, report, stats = validate_set_based(
        store, shapes_graph(), cache=sparql_cache_path(store)
    )
    return {
        "seconds": round(time.perf_counter() - started, 3),
        "mode": stats.mode,
        "reason": stats.reason,
        "graphs_changed": stats.graphs_changed,
        "triples_changed": stats.triples_changed,
        "focus_rechecked": stats.focus_rechecked,
        "queries": stats.queries,
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


def _whole_child(store_path: str, out: Any) -> None:
    """The naive stack: pyshacl over the union graph, SPARQL constraints included."""
    from pyshacl import validate

    data = Store.open(store_path).to_graph()
    started = time.perf_counter()
    conforms, report, _ = validate(
        data, shacl_graph=shapes_graph(), inference="none", advanced=True, allow_warnings=True
    )
    results = len(list(report.objects(None, SH.result)))
    out.put((time.perf_counter() - started, bool(conforms), results))


def _pyshacl_whole(store_path: Path, timeout: float) -> dict[str, Any]:
    ctx = multiprocessing.get_context("fork")
    out = ctx.Queue()
    proc = ctx.Process(target=_whole_child, args=(str(store_path), out))
    started = time.perf_counter()
    proc.start()
    proc.join(timeout)
    if proc.is_alive():
        proc.kill()
        proc.join()
        return {"timed_out": True, "timeout_seconds": timeout}
    seconds, conforms, results = out.get()
    return {
        "timed_out": False,
        "seconds": round(seconds, 3),
        "wall_seconds": round(time.perf_counter() - started, 3),
        "conforms": conforms,
        "results": results,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--appeals", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pyshacl-timeout", type=float, default=600.0)
    # accepted for the commands recorded with earlier results; the questions are in bench_queries.py
    parser.add_argument("--no-questions", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-virtuoso", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--with-pergraph", action="store_true", help="also --engine pyshacl")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    out = args.out or ROOT / "bench" / "results" / f"check-{args.appeals}.json"
    work = Path(tempfile.mkdtemp(prefix="kg-bench-check-"))
    try:
        data, store_path = work / "data", work / "store"
        generate(args.appeals, data, args.seed)
        t0 = time.perf_counter()
        build(store_path, data)
        build_s = time.perf_counter() - t0
        store = Store.open(store_path)
        figures: dict[str, Any] = {
            "appeals": args.appeals,
            "quads": len(store),
            "graphs": len(store.graph_names()),
            "build_seconds": round(build_s, 1),
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
            "load_average_at_start": os.getloadavg()[0],
        }
        del store

        def save() -> None:  # after each stage, so that a stopped run keeps what it measured
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")

        save()
        print(f"built {figures}", file=sys.stderr)
        figures["validate"] = _timed_sparql(store_path)
        save()
        figures["validate_noop"] = _timed_sparql(store_path)
        if args.with_pergraph:
            figures["pergraph_validate"] = _timed_validation(store_path)
            figures["pergraph_validate_noop"] = _timed_validation(store_path)
        save()
        mutate(data, 0.01, args.seed)
        t0 = time.perf_counter()
        build(store_path, data)
        figures["rebuild_1pct_seconds"] = round(time.perf_counter() - t0, 1)
        figures["validate_1pct"] = _timed_sparql(store_path)
        if args.with_pergraph:
            figures["pergraph_validate_1pct"] = _timed_validation(store_path)
        # The incremental run must find what a run from nothing finds.
        full = Store.open(store_path)
        _, inc_report, _ = validate_set_based(full, shapes_graph(), cache=sparql_cache_path(full))
        _, report, _ = validate_set_based(full, shapes_graph())
        figures["validate_1pct"]["same_as_full_run"] = _keys(inc_report) == _keys(report)
        del full
        save()
        print(f"validation {figures['validate']}", file=sys.stderr)
        figures["pyshacl_whole"] = _pyshacl_whole(store_path, args.pyshacl_timeout)
        whole = figures["pyshacl_whole"]
        figures["speedup_vs_pyshacl"] = (
            round(whole["seconds"] / figures["validate"]["seconds"], 1)
            if not whole.get("timed_out")
            else f"> {round(args.pyshacl_timeout / figures['validate']['seconds'], 1)}"
        )
        save()
        figures["load_average_at_end"] = os.getloadavg()[0]
        save()
        print(f"wrote {out}", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
