"""Identity resolution after an edit, alone: what a rebuild's ``resolve_with_index`` reaches
and costs, for this checkout's code or another's, compared with resolving everything again.

    python bench/generate.py 3000 EDITED --mutate 0.01 --round 1 --edit facts   # on a copy
    python bench/bench_identity_rebuild.py DATA EDITED [EDITED ...] --out FILE.json
    python bench/bench_identity_rebuild.py DATA EDITED --root /path/to/other/checkout ...

``DATA`` is a corpus made by ``generate.py``; each ``EDITED`` a copy of its ``cases/`` (a folder
holding ``cases/``) changed by ``generate.py --mutate``. The records of ``DATA`` are read
(PyYAML's C loader), their identity items made and resolved with an index (what a full build
does); the index is saved. Then, for each ``EDITED``, the index is read back, the records
whose file differs are read from there, and ``resolve_with_index`` runs with that index (what
a rebuild does): its CPU time (``time.process_time``, this process only), the items it
resolved again (``IdentityIndex.resolved``: the code of ``--root`` counts them its own way)
and a SHA-256 of its clusters and review rows, compared with a resolution of every item of the
edited corpus from scratch. ``--root`` runs the ``kg`` package of another checkout (its code
before a change, say), so that two versions are measured on the same inputs by turns.

Each edit's items are given by appeal, as a build's state gives them (``by_appeal``).
``--disk`` keeps the index's keys, marks, label states and item numbers in its SQLite file, as
a build does (a copy of the saved file is changed for each edit: rows read by key), not in
memory. ``--profile PREFIX`` runs each edit's ``resolve_with_index`` under cProfile (CPU
time) and writes its statistics to ``PREFIX-K.prof`` (K: the edit's number from 1); the CPU
written is then the profiled run's.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import resource
import shutil
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _records(paths: list[Path]) -> dict[str, dict]:
    out = {}
    for path in paths:
        record = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        out[str(record["appeal"]["id"])] = record
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="a data directory made by generate.py")
    parser.add_argument("edited", type=Path, nargs="+", help="copies with cases/ edited")
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout whose kg runs")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--no-check", action="store_true", help="no resolution from scratch")
    parser.add_argument("--disk", action="store_true", help="keys and rows on disk, as a build")
    parser.add_argument("--profile", help="cProfile statistics of each edit to PREFIX-K.prof")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(args.root.resolve()))
    from kg.record.identity import record_items
    from kg.record.identity_index import read_index, resolve_with_index, write_index

    sys.path.insert(0, str(ROOT / "bench"))
    from identitylib import identity_sha256
    from runinfo import commit as checkout_commit

    commit = checkout_commit(args.root)
    res: dict = {
        "command": "bench/bench_identity_rebuild.py " + " ".join(argv or sys.argv[1:]),
        "commit": commit,
        "data": str(args.data),
        "load_before": [round(x, 2) for x in os.getloadavg()],
        "cpu": "time.process_time of this process",
    }
    paths = sorted((args.data / "cases").glob("*.yaml"))
    res["appeals"] = len(paths)
    records = _records(paths)
    items = record_items(records)
    res["items"] = len(items)
    stamps = {aid: "0" for aid in records}
    work = args.out.parent / f".identity-index-{os.getpid()}"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    saved = work / "identity-index.pickle"
    keys = work / "identity-keys.sqlite" if args.disk else None
    res["disk"] = args.disk
    t, c = time.perf_counter(), time.process_time()
    full, index = resolve_with_index(items, None, stamps, None, "bench", keys)
    res["full_cpu"] = round(time.process_time() - c, 2)
    res["full_wall"] = round(time.perf_counter() - t, 2)
    write_index(index, saved)
    del index, full
    res["edits"] = []
    try:
        for edited in args.edited:
            changed = [
                p for p in paths if (edited / "cases" / p.name).read_bytes() != p.read_bytes()
            ]
            now = dict(records)
            now.update(_records([edited / "cases" / p.name for p in changed]))
            new_items = record_items(now)
            new_stamps = dict(stamps)
            for aid in _records([edited / "cases" / p.name for p in changed]):
                new_stamps[aid] = "1"
            by_appeal: dict[str, list] = {}  # as the build's state gives them
            for key in new_items:
                by_appeal.setdefault(key[0], []).append(key)
            index = read_index(saved, work / "edit.sqlite" if args.disk else None)
            profile = cProfile.Profile(time.process_time) if args.profile else None
            load = os.getloadavg()[0]
            t, c = time.perf_counter(), time.process_time()
            if profile is not None:
                profile.enable()
            again, index = resolve_with_index(
                new_items, None, new_stamps, index, "bench", None, by_appeal
            )
            if profile is not None:
                profile.disable()
                profile.dump_stats(f"{args.profile}-{len(res['edits']) + 1}.prof")
            step = {
                "edited": str(edited),
                "records_changed": len(changed),
                "resolve_cpu": round(time.process_time() - c, 3),
                "resolve_wall": round(time.perf_counter() - t, 3),
                "load": round(load, 2),
                "items_resolved": index.resolved,
                "sha256": identity_sha256(again.clusters, again.review_rows),
            }
            if not args.no_check:
                scratch, _ = resolve_with_index(new_items, None, new_stamps, None, "bench")
                step["sha256_from_scratch"] = identity_sha256(scratch.clusters, scratch.review_rows)
                step["same_as_from_scratch"] = step["sha256"] == step["sha256_from_scratch"]
            res["edits"].append(step)
            print(json.dumps(step), file=sys.stderr)
            close = getattr(index.table, "close", None)
            if close is not None:
                close()
            del index, again
    finally:
        shutil.rmtree(work, ignore_errors=True)
    res["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    res["load_after"] = [round(x, 2) for x in os.getloadavg()]
    args.out.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    ok = all(e.get("same_as_from_scratch", True) for e in res["edits"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
