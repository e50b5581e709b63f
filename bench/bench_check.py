"""Validation and competency questions at scale, beside whole-graph pyshacl and Virtuoso.

    .venv/bin/python bench/bench_check.py --appeals 1000          # -> results/check-1000.json
    .venv/bin/python bench/bench_check.py --appeals 200 --no-virtuoso --pyshacl-timeout 120
    .venv/bin/python bench/bench_check.py --appeals 1000 --no-questions --no-virtuoso

On a synthetic corpus from ``bench/generate.py`` (built with ``kg build``'s library call):

- ``validate``: ``kg validate``'s path (SHACL Core compiled to SPARQL and SPARQL constraints,
  set-based in Oxigraph: ``kg/check/setbased.py``), from no earlier results;
- ``validate_noop``: again, nothing changed (the kept results, no query);
- ``validate_1pct``: after 1% of the records changed and a rebuild (only the focus nodes the
  change reaches are checked again);
- ``pergraph_*``: the same three for ``kg validate --engine pyshacl`` (SHACL Core by pyshacl per
  named graph in 2 worker processes), with ``--with-pergraph``;
- ``pyshacl_whole``: one pyshacl run (SHACL Core and SHACL-SPARQL) over the union graph, in a
  child process killed at ``--pyshacl-timeout`` (recorded as timed out);
- every ``queries/cq*.rq``: corpus-wide (parameters unbound) and bound (each parameter set to
  its value in the first corpus-wide row, so the bound form returns rows by construction),
  ``--repeats`` runs each in a child process with ``--query-timeout``; p50/p99 and row counts;
- Virtuoso (``scripts/virtuoso.sh``, when installed): ``kg push`` of the public store as its
  load time, then the same questions through ``kg query --endpoint``'s code.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import shutil
import socket
import statistics
import subprocess
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
from kg.query import QueryResult, list_queries, run_query  # noqa: E402
from kg.store import Store, public_store_path  # noqa: E402
from kg.store.build import build  # noqa: E402


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[k]


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


def _query_child(target: str, name: str, params: dict[str, str], repeats: int, out: Any) -> None:
    from kg.publish.remote import run_remote_query

    times, rows = [], 0
    store = None if target.startswith("http") else Store.open(target)
    for _ in range(repeats):
        started = time.perf_counter()
        if store is None:
            result = run_remote_query(target, name, params)
        else:
            result = run_query(store, name, params)
        times.append(time.perf_counter() - started)
        rows = len(result.rows) if isinstance(result, QueryResult) else int(bool(result))
    out.put((times, rows))


def _measure(target: str, name: str, params: dict[str, str], repeats: int, timeout: float) -> dict:
    ctx = multiprocessing.get_context("fork")
    out = ctx.Queue()
    proc = ctx.Process(target=_query_child, args=(target, name, params, repeats, out))
    proc.start()
    proc.join(timeout)
    if proc.is_alive():
        proc.kill()
        proc.join()
        return {"timed_out": True, "timeout_seconds": timeout}
    if out.empty():
        return {"error": f"exit code {proc.exitcode}"}
    times, rows = out.get()
    return {
        "p50_ms": round(statistics.median(times) * 1000, 2),
        "p99_ms": round(_percentile(times, 0.99) * 1000, 2),
        "runs": len(times),
        "rows": rows,
    }


def _bound_params(store: Store, qf: Any) -> dict[str, str]:
    """Each declared parameter set to its value in the first corpus-wide row."""
    if not qf.params:
        return {}
    result = run_query(store, qf, {})
    if not isinstance(result, QueryResult) or not result.rows:
        return {}
    first = dict(zip(result.variables, result.rows[0], strict=True))
    return {p.name: str(first[p.name]) for p in qf.params if first.get(p.name) is not None}


def _questions(target: str, store: Store, args: argparse.Namespace) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for qf in [q for q in list_queries() if q.name.startswith("cq")]:
        entry: dict[str, Any] = {
            "corpus_wide": _measure(target, qf.name, {}, args.repeats, args.query_timeout)
        }
        params = _bound_params(store, qf)
        if params:
            entry["bound"] = _measure(target, qf.name, params, args.repeats, args.query_timeout)
            entry["bound"]["params"] = params
        out[qf.name] = entry
        print(f"  {qf.name}: {entry}", file=sys.stderr)
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _virtuoso(public: Path, store: Store, args: argparse.Namespace, work: Path) -> dict:
    if shutil.which("virtuoso-t") is None:
        return {"skipped": "virtuoso-t not installed (scripts/virtuoso.sh install)"}
    from kg.publish.push import Remote, push_store

    env = dict(
        os.environ,
        VIRTUOSO_DIR=str(work / "virtuoso"),
        VIRTUOSO_HTTP_PORT=str(_free_port()),
        VIRTUOSO_SQL_PORT=str(_free_port()),
    )
    script = str(ROOT / "scripts" / "virtuoso.sh")
    started = subprocess.run(["bash", script, "start"], env=env, capture_output=True, text=True)
    if started.returncode != 0:
        return {"skipped": f"could not start: {started.stderr.strip()[-300:]}"}
    endpoint = started.stdout.strip().splitlines()[-1]
    try:
        t0 = time.perf_counter()
        result = push_store(Store.open(public), Remote(endpoint, endpoint + "-graph-crud"))
        load = time.perf_counter() - t0
        return {
            "push_seconds": round(load, 3),
            "graphs": len(result.pushed),
            "questions": _questions(endpoint, store, args),
        }
    finally:
        subprocess.run(["bash", script, "stop"], env=env, capture_output=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--appeals", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--query-timeout", type=float, default=120.0)
    parser.add_argument("--pyshacl-timeout", type=float, default=600.0)
    parser.add_argument("--no-virtuoso", action="store_true")
    parser.add_argument("--no-questions", action="store_true", help="validation only")
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
        if args.no_questions:
            figures["load_average_at_end"] = os.getloadavg()[0]
            save()
            print(f"wrote {out}", file=sys.stderr)
            return 0
        # Questions on the public store: the dataset kg serve answers from and kg push sends.
        public = public_store_path(store_path)
        store = Store.open(public)
        figures["questions"] = _questions(str(public), store, args)
        save()
        if not args.no_virtuoso:
            figures["virtuoso"] = _virtuoso(public, store, args, work)
        figures["load_average_at_end"] = os.getloadavg()[0]
        save()
        print(f"wrote {out}", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
