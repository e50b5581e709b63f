"""Where a full ``kg validate`` spends its time: every query of the compiled engine, one by one.

    .venv/bin/python bench/profile_full.py STORE --out FILE.json [--top 20] [--only sparql]
        [--memory] [--part-graphs N]

Runs, in this process and one after the other, each query of the compiled SHACL Core shapes
(a shape's batch, :func:`kg.check.core_sparql.batch_query`, or a check several shapes share,
:class:`kg.check.core_sparql.Shared`, as ``kg validate`` sends them to its workers)
and each SPARQL constraint set-based over every focus node, and records each one's wall and
CPU seconds and rows; the slowest are printed. The store is only read. What one full run costs
is the sum, less what its two worker processes overlap.

With ``--memory`` each query runs in a forked process of its own, with its own handle on the
store, and its peak resident memory is recorded (``peak_mb``: the largest resident set of that
process, ``grown_mb``: what it grew by from the store's opening to the end of the query), so that
the query that holds most is named; the CPU figures are then those of that process.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rdflib import BNode, Graph, URIRef  # noqa: E402
from rdflib.namespace import SH  # noqa: E402
from rdflib.term import Node  # noqa: E402

from kg.check.core_sparql import (  # noqa: E402
    Part,
    Shared,
    _jobs,
    _run_job,
    compile_shapes,
    graph_parts,
    store_subclasses,
)
from kg.check.shacl_sparql import load_constraints, run_constraints  # noqa: E402
from kg.check.validate import shapes_graph  # noqa: E402
from kg.store import Store  # noqa: E402


def _short(node: object) -> str:
    return str(node).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _check_name(shapes: Graph, shape: Node, component: Node) -> str:
    """A property shape by its path (its blank node's label says nothing), then the component."""
    path = shapes.value(shape, SH.path) if isinstance(shape, BNode) else None
    where = f"[{_short(path)}]" if isinstance(path, URIRef) else _short(shape)
    return f"{where}:{_short(component).removesuffix('ConstraintComponent')}"


def _status_mb(field: str) -> float:
    """A field of /proc/self/status (VmRSS, VmHWM, ...) in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def _measured(store: Store, work: Callable[[Store], list], memory: bool) -> tuple[int, dict]:
    """Rows of ``work(store)`` and its figures; with ``memory`` run in a forked process that
    opens the store again (as a worker of ``kg validate`` does) and reports its peak."""
    if not memory:
        wall, cpu = time.perf_counter(), time.process_time()
        rows = len(work(store))
        return rows, {
            "seconds": round(time.perf_counter() - wall, 3),
            "cpu_seconds": round(time.process_time() - cpu, 3),
        }
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: measure, write one JSON line, leave without cleaning up
        os.close(read)
        code = 0
        try:
            path = store.path
            wall, cpu = time.perf_counter(), time.process_time()
            own = Store.open(path)
            base = _status_mb("VmRSS")
            rows = len(work(own))
            figures = {
                "rows": rows,
                "seconds": round(time.perf_counter() - wall, 3),
                "cpu_seconds": round(time.process_time() - cpu, 3),
                "peak_mb": round(_status_mb("VmHWM")),
                "grown_mb": round(_status_mb("VmHWM") - base),
            }
            os.write(write, json.dumps(figures).encode())
        except BaseException as e:  # noqa: BLE001 - said to the parent, which fails
            os.write(write, json.dumps({"error": repr(e)}).encode())
            code = 1
        finally:
            os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    figures = json.loads(data)
    if "error" in figures:
        raise RuntimeError(figures["error"])
    return figures.pop("rows"), figures


def profile(
    store: Store,
    kinds: tuple[str, ...] = ("core", "sparql"),
    memory: bool = False,
    part_graphs: int | None = None,
) -> list[dict]:
    shapes = shapes_graph()
    compiled, _ = compile_shapes(shapes, store_subclasses(store))
    parts = None if part_graphs == 0 else graph_parts(store, compiled, part_graphs)
    out: list[dict] = []
    for job in _jobs(compiled, True, parts) if "core" in kinds else []:
        rows, figures = _measured(
            store, lambda s, job=job: _run_job(s, shapes, job, "", True), memory
        )
        if isinstance(job, Shared):  # one query for a check of several shapes
            owners, batch = [c for c, _ in job.members], [k for _, k in job.members]
        elif isinstance(job, Part):  # one part of the store's graphs
            owners, batch = [job.shape], job.batch
        else:
            owners, batch = [job[0]], job[1]
        out.append(
            {
                "kind": "core",
                "shape": " ".join(sorted({_short(c.shape) for c in owners})),
                "checks": sorted({_check_name(shapes, k.shape, k.component) for k in batch}),
                **({"graphs": len(job.graphs)} if isinstance(job, Part) else {}),
                **figures,
                "results": rows,
            }
        )
        print(json.dumps(out[-1]), file=sys.stderr)
    for sc in load_constraints(shapes) if "sparql" in kinds else []:
        rows, figures = _measured(
            store,
            lambda s, sc=sc: run_constraints(s, shapes, only={(sc.shape, sc.constraint): None}),
            memory,
        )
        out.append(
            {
                "kind": "sparql",
                "shape": _short(sc.shape),
                "checks": [_short(sc.constraint)],
                **figures,
                "results": rows,
            }
        )
        print(json.dumps(out[-1]), file=sys.stderr)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument(
        "--only", choices=["core", "sparql"], help="only the compiled shapes or the constraints"
    )
    parser.add_argument(
        "--memory", action="store_true", help="each query in a process of its own, its peak kept"
    )
    parser.add_argument(
        "--part-graphs",
        type=int,
        help="graphs per part of a batch with hash joins (0: the whole store in one query)",
    )
    args = parser.parse_args(argv)
    if not args.store.exists():
        parser.error(f"{args.store}: no such store")
    store = Store.open(args.store)
    started, load = time.perf_counter(), os.getloadavg()
    kinds = (args.only,) if args.only else ("core", "sparql")
    steps = profile(store, kinds, args.memory, args.part_graphs)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    figures = {
        "commit": commit,
        "store": str(args.store.name),
        "quads": len(store),
        "queries": len(steps),
        "seconds": round(time.perf_counter() - started, 1),
        "cpu_seconds": round(sum(s["cpu_seconds"] for s in steps), 1),
        "load_average_at_start": load,
        "load_average_at_end": os.getloadavg(),
        "memory": args.memory,
        "part_graphs": args.part_graphs,
        "steps": sorted(steps, key=lambda s: -s.get("peak_mb", s["cpu_seconds"])),
    }
    if args.out:
        args.out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    for s in figures["steps"][: args.top]:
        peak = f"{s['peak_mb']:6} MB " if "peak_mb" in s else ""
        print(
            f"{peak}{s['cpu_seconds']:8.1f} s CPU {s['seconds']:8.1f} s  {s['kind']:6} "
            f"{s['shape']} {' '.join(s['checks'])[:90]} ({s['results']} results)"
        )
    print(f"{figures['queries']} queries, {figures['seconds']} s, {figures['cpu_seconds']} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
