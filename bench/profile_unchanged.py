"""What a ``kg validate`` with nothing changed costs, step by step (CPU seconds of this process).

    .venv/bin/python bench/profile_unchanged.py STORE [--repeat 3] --out FILE.json

``STORE`` is a built store that ``kg validate`` has already validated (its kept results and
graph copies are there) and that has not been built again since: every run here is an
"unchanged" one. The steps are those of ``kg.check.validate.validate_store`` with the
``sparql`` engine, timed one by one (``check_set_based``; ``report_rows``, the rows kept beside
the results or made again, :mod:`kg.check.rows`), then the JSON report; beside them, the parts
of ``check_set_based`` that read something whole (the kept results, the build state, the
build's export files behind the graph copies) timed on their own. Medians over ``--repeat``;
the first run of a store validated by an earlier version makes and keeps the rows (``rows``
in the output says how each run had them, the last run's is printed).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.check import copies as copies_mod  # noqa: E402
from kg.check import setbased  # noqa: E402
from kg.check.validate import Report, report_rows, shapes_graph  # noqa: E402
from kg.store import Store  # noqa: E402


def _timed(work: Callable[[], Any]) -> tuple[float, float, Any]:
    cpu, wall = time.process_time(), time.perf_counter()
    out = work()
    return time.process_time() - cpu, time.perf_counter() - wall, out


def one_run(store_path: Path) -> tuple[dict[str, float], dict[str, Any]]:
    steps: dict[str, float] = {}
    cpu, _, store = _timed(lambda: Store.open(store_path))
    steps["open store"] = cpu
    cpu, _, shapes = _timed(shapes_graph)
    steps["shapes"] = cpu
    cache = setbased.cache_path(store)
    cpu, _, run = _timed(lambda: setbased.check_set_based(store, shapes, cache=cache))
    steps["check_set_based"] = cpu
    cpu, _, (conforms, rows) = _timed(lambda: report_rows(store, run))
    steps["report_rows"] = cpu
    report = Report(conforms=conforms, violations=rows)
    cpu, _, text = _timed(report.to_json)
    steps["to_json"] = cpu
    # parts inside check_set_based, on their own
    assert cache is not None
    steps["  of which: kept results read and parsed"] = _timed(lambda: setbased._load_cache(cache))[
        0
    ]
    steps["  of which: build state read"] = _timed(lambda: setbased.build_state(store))[0]
    steps["  (export manifest read, only when a graph changed)"] = _timed(
        lambda: copies_mod._BuildFiles(store).listed
    )[0]
    facts = {
        "mode": run.stats.mode,
        "rows": run.stats.rows,
        "results": len(report.violations),
        "report_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "kept_results_bytes": cache.stat().st_size,
    }
    return steps, facts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    if not Path(args.store).is_dir():
        print(f"error: {args.store}: not a store directory", file=sys.stderr)
        return 2
    load_before = os.getloadavg()
    runs, facts, hows = [], {}, []
    for _ in range(args.repeat):
        steps, facts = one_run(args.store)
        if facts["mode"] != "unchanged":
            print(
                f"error: {args.store}: the run was {facts['mode']}, not unchanged", file=sys.stderr
            )
            return 2
        runs.append(steps)
        hows.append(facts["rows"])
    median = {k: round(statistics.median(r[k] for r in runs), 3) for k in runs[0]}
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    out = {
        "commit": commit,
        "store": str(args.store),
        "repeat": args.repeat,
        "cpu_seconds_median": median,
        "cpu_seconds_runs": runs,
        "rows_per_run": hows,
        "load_average_before": load_before,
        "load_average_after": os.getloadavg(),
        **facts,
    }
    print(json.dumps(out, indent=2))
    if args.out:
        args.out.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
