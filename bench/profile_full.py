"""Where a full ``kg validate`` spends its time: every query of the compiled engine, one by one.

    .venv/bin/python bench/profile_full.py STORE --out FILE.json [--top 20] [--only sparql]

Runs, in this process and one after the other, each query of the compiled SHACL Core shapes
(a shape's batch, :func:`kg.check.core_sparql.batch_query`, or a check several shapes share,
:class:`kg.check.core_sparql.Shared`, as ``kg validate`` sends them to its workers)
and each SPARQL constraint set-based over every focus node, and records each one's wall and
CPU seconds and rows; the slowest are printed. The store is only read. What one full run costs
is the sum, less what its two worker processes overlap.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rdflib import BNode, Graph, URIRef  # noqa: E402
from rdflib.namespace import SH  # noqa: E402
from rdflib.term import Node  # noqa: E402

from kg.check.core_sparql import (  # noqa: E402
    Shared,
    _jobs,
    _run_job,
    compile_shapes,
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


def profile(store: Store, kinds: tuple[str, ...] = ("core", "sparql")) -> list[dict]:
    shapes = shapes_graph()
    compiled, _ = compile_shapes(shapes, store_subclasses(store))
    out: list[dict] = []
    for job in _jobs(compiled, full=True) if "core" in kinds else []:
        wall, cpu = time.perf_counter(), time.process_time()
        rows = _run_job(store, shapes, job, "", True)
        if isinstance(job, Shared):  # one query for a check of several shapes
            owners, batch = [c for c, _ in job.members], [k for _, k in job.members]
        else:
            owners, batch = [job[0]], job[1]
        out.append(
            {
                "kind": "core",
                "shape": " ".join(sorted({_short(c.shape) for c in owners})),
                "checks": sorted({_check_name(shapes, k.shape, k.component) for k in batch}),
                "seconds": round(time.perf_counter() - wall, 3),
                "cpu_seconds": round(time.process_time() - cpu, 3),
                "results": len(rows),
            }
        )
        print(json.dumps(out[-1]), file=sys.stderr)
    for sc in load_constraints(shapes) if "sparql" in kinds else []:
        wall, cpu = time.perf_counter(), time.process_time()
        rows = run_constraints(store, shapes, only={(sc.shape, sc.constraint): None})
        out.append(
            {
                "kind": "sparql",
                "shape": _short(sc.shape),
                "checks": [_short(sc.constraint)],
                "seconds": round(time.perf_counter() - wall, 3),
                "cpu_seconds": round(time.process_time() - cpu, 3),
                "results": len(rows),
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
    args = parser.parse_args(argv)
    if not args.store.exists():
        parser.error(f"{args.store}: no such store")
    store = Store.open(args.store)
    started, load = time.perf_counter(), os.getloadavg()
    steps = profile(store, (args.only,) if args.only else ("core", "sparql"))
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
        "steps": sorted(steps, key=lambda s: -s["cpu_seconds"]),
    }
    if args.out:
        args.out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    for s in figures["steps"][: args.top]:
        print(
            f"{s['cpu_seconds']:8.1f} s CPU {s['seconds']:8.1f} s  {s['kind']:6} "
            f"{s['shape']} {' '.join(s['checks'])[:90]} ({s['results']} results)"
        )
    print(f"{figures['queries']} queries, {figures['seconds']} s, {figures['cpu_seconds']} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
