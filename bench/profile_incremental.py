"""Where an incremental ``kg validate`` spends its time, on a large store, without a rebuild.

    .venv/bin/python bench/profile_incremental.py STORE --change 100 --seed 1   # then:
    .venv/bin/python bench/profile_incremental.py STORE --profile OUT.prof      # cProfile (CPU)
    .venv/bin/python bench/profile_incremental.py STORE --out FILE.json         # wall and CPU

``STORE`` is a built store that ``kg validate`` (or ``bench_check.py``) has already validated,
so that its kept results and graph copies are there. ``--change N`` simulates N appeals
changed as ``generate.py --mutate`` changes them (an event's ``rdfs:comment``): in the kept
copy of each chosen appeal graph one comment line is altered (the copy is rewritten, not the
build's file it was linked to) and its kept fingerprint marked, so that the next run is an
incremental one that finds two changed triples per appeal, as after a real edit and rebuild.
The store itself is not changed, so the next run's results must equal the kept ones (the
``--out`` figures say whether they do). What is measured is the validator's own work after a
1% change, without the rebuild that ``bench_check.py --corpus`` runs first: the check
(``check_set_based``), the report's rows (``report_rows``: kept rows updated, or made) and the
JSON report, CPU of each part in ``--out``.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import os
import random
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.check.setbased import cache_path, check_set_based, copies_path  # noqa: E402
from kg.check.validate import Report, report_rows, shapes_graph  # noqa: E402
from kg.files import unpack  # noqa: E402
from kg.record.caserecord import appeal_graph_iri  # noqa: E402
from kg.store import Store  # noqa: E402

COMMENT = b"<http://www.w3.org/2000/01/rdf-schema#comment>"
LITERAL = re.compile(rb'"(?:[^"\\]|\\.)*"')  # an N-Triples string, escapes and all


def _cpu() -> float:
    me, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def change(store: Store, count: int, seed: int) -> list[str]:
    """Alter one comment in the kept copies of ``count`` appeal graphs; returns the appeals."""
    cache = cache_path(store)
    if cache is None or not cache.exists():
        raise SystemExit(f"error: {store.path}: no kept validation results; validate it first")
    data = json.loads(cache.read_text(encoding="utf-8"))
    folder = copies_path(cache)
    rng = random.Random(seed)
    chosen: list[str] = []
    for aid in rng.sample(sorted(data["fingerprints"]), len(data["fingerprints"])):
        if len(chosen) == count:
            break
        graph = str(appeal_graph_iri(aid))
        path = folder / (hashlib.sha256(graph.encode("utf-8")).hexdigest()[:32] + ".nq")
        lines = unpack(path.read_bytes()).splitlines() if path.exists() else []
        at = next(
            (i for i, line in enumerate(lines) if f" {COMMENT.decode()} ".encode() in line), None
        )
        if at is None:
            continue
        lines[at] = LITERAL.sub(b'"an earlier note"', lines[at], count=1)
        path.unlink()  # a hard link to the build's file: write a file of its own
        path.write_bytes(b"\n".join(lines) + b"\n")
        data["fingerprints"][aid] = "changed-" + data["fingerprints"][aid]
        chosen.append(aid)
    tmp = cache.with_suffix(".tmp")
    tmp.write_text(json.dumps(data), encoding="utf-8")
    os.replace(tmp, cache)
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--change", type=int, help="simulate this many appeals changed")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--profile", type=Path, help="write a cProfile (CPU time) here")
    parser.add_argument("--out", type=Path, help="write wall and CPU seconds here (JSON)")
    args = parser.parse_args(argv)
    if not args.store.exists():
        parser.error(f"{args.store}: no such store")
    store = Store.open(args.store)
    if args.change:
        chosen = change(store, args.change, args.seed)
        print(f"changed {len(chosen)} appeals' kept copies", file=sys.stderr)
        return 0
    cache = cache_path(store)
    before = json.loads(cache.read_text(encoding="utf-8")) if cache and cache.exists() else {}
    profile = cProfile.Profile(time.process_time) if args.profile else None
    started, cpu = time.perf_counter(), _cpu()
    if profile:
        profile.enable()
    run = check_set_based(store, shapes_graph(), cache=cache)
    checked = _cpu()
    conforms, rows = report_rows(store, run)
    done = _cpu()
    text = Report(conforms=conforms, violations=rows).to_json()
    if profile:
        profile.disable()
        profile.dump_stats(args.profile)
    stats = run.stats
    figures = {
        "seconds": round(time.perf_counter() - started, 3),
        "cpu_seconds": round(_cpu() - cpu, 3),
        "cpu_seconds_check": round(checked - cpu, 3),
        "cpu_seconds_rows": round(done - checked, 3),
        "profiled": bool(profile),
        "mode": stats.mode,
        "reason": stats.reason,
        "rows": stats.rows,
        "graphs_changed": stats.graphs_changed,
        "triples_changed": stats.triples_changed,
        "derived": stats.derived,  # the derived changes: from the build(s), or compared
        "focus_rechecked": stats.focus_rechecked,
        "queries": stats.queries,
        "steps": stats.steps,
        "conforms": conforms,
        "results": len(rows),
        "report_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "load_average": os.getloadavg(),
    }
    if before and cache is not None:
        after = json.loads(cache.read_text(encoding="utf-8"))

        def keys(d: dict) -> set[str]:
            return {json.dumps(r, sort_keys=True) for r in d.get("results", [])}

        figures["same_results_as_kept"] = keys(before) == keys(after)
    text = json.dumps(figures, indent=2)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
