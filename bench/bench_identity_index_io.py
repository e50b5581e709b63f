"""The identity index's read and write alone, on a copy of a store's kept index, for this
checkout's code or another's: what a rebuild pays for the index besides resolving.

    python bench/bench_identity_index_io.py STORE --out FILE.json [--root OTHER] [--repeat 3]

``STORE`` is a store made by ``kg build``; it is only read. Its current generation's
``identity-index.pickle`` and the identity keys file it names in the kept folder are copied
to a scratch folder beside ``--out``, and then, ``--repeat`` times, on a fresh copy each time
(the copy not timed):

- ``read``: ``read_index`` as a rebuild calls it (the keys file changed in place, its changes
  journalled from the generation's build, ``kg.store.kept``), with ``hold=gc.freeze`` where
  the code takes it (what ``kg.store.memory.held_apart`` does in a build);
- ``collect``: the cyclic collector's passes the objects just read would meet before they
  reach its oldest generation (``gc.collect`` of generations 0, 1 and 2, as the rebuild's
  next allocations start them), each walking all of them unless they were frozen;
- ``touch``: what a rebuild whose change adds or removes an item asks of the index besides
  resolving: one item's number and one appeal's marks;
- ``write``: ``write_index`` as a rebuild's end calls it (the keys file sealed as a new build's
  and committed, the pickle written).

CPU is ``time.process_time`` of this process, which runs nothing else. ``--root`` runs the
``kg`` package of another checkout (its code before a change, say), so that two versions are
timed by turns, each on a store its own code kept.

With ``--from-data DATA``, ``STORE`` is instead a folder holding an index resolved from scratch
from ``DATA``'s records (``identity-index.pickle`` and ``identity-keys.sqlite`` as
``write_index`` leaves them), made there by the first run that finds none: an index of any
size without a build, read and written as above but with no journal of the keys' changes.
"""

from __future__ import annotations

import argparse
import gc
import inspect
import json
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path, help="a store made by kg build (only read)")
    parser.add_argument("--out", type=Path, required=True, help="results JSON")
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout whose kg runs")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--from-data", type=Path, help="STORE: an index resolved from DATA")
    args = parser.parse_args(argv)
    if args.from_data is not None:
        if not (args.from_data / "cases").is_dir():
            print(f"Error: {args.from_data}: no cases folder", file=sys.stderr)
            return 2
    elif not (args.store / "build-state.json").is_file():
        print(f"Error: {args.store}: not a store made by kg build", file=sys.stderr)
        return 2
    sys.path.insert(0, str(args.root.resolve()))
    from kg.record.identity_index import read_index, write_index
    from kg.store.kept import begin_changes, kept_path, seal

    holds = "hold" in inspect.signature(read_index).parameters

    generation = args.store.resolve()
    if args.from_data is not None:
        keys, token = _index_from_data(args.from_data, generation), "-"
    else:
        summary = json.loads((generation / "build-state.json").read_text(encoding="utf-8"))
        token = summary.get("build")
        keys = kept_path(generation, "keys")
    if keys is None or not token:
        print(f"Error: {args.store}: its build kept no identity keys file", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT / "bench"))
    from runinfo import commit as checkout_commit

    commit = checkout_commit(args.root)
    res: dict = {
        "command": "bench/bench_identity_index_io.py " + " ".join(argv or sys.argv[1:]),
        "commit": commit,
        "store": str(args.store),
        "from_data": str(args.from_data) if args.from_data else None,
        "pickle_bytes": (generation / "identity-index.pickle").stat().st_size,
        "keys_bytes": keys.stat().st_size,
        "cpu": "time.process_time of this process",
        "held": holds,
        "runs": [],
    }
    scratch = args.out.parent / f".index-io-{os.getpid()}"
    try:
        for _ in range(args.repeat):
            shutil.rmtree(scratch, ignore_errors=True)
            (scratch / "out").mkdir(parents=True)
            pickle_path = scratch / "identity-index.pickle"
            shutil.copyfile(generation / "identity-index.pickle", pickle_path)
            work = scratch / keys.name
            shutil.copyfile(keys, work)
            load = os.getloadavg()[0]
            gc.collect()
            hold = {"hold": gc.freeze} if holds else {}
            c = time.process_time()
            journal = None if args.from_data else lambda db: begin_changes(db, token)
            index = read_index(pickle_path, work, journal or (lambda _db: None), **hold)
            read = time.process_time() - c
            c = time.process_time()
            for level in (0, 1, 2):
                gc.collect(level)
            collect = time.process_time() - c
            if index is None:
                message = f"Error: {args.store}: its identity index is not this code's"
                print(message, file=sys.stderr)
                return 2
            c = time.process_time()
            appeal = next(iter(index.stamps))
            item = next(iter(index.appeal_items.get(appeal) or [("", "")]))
            _ = item in index.id_of, index.marks.get(appeal)
            touch = time.process_time() - c
            c = time.process_time()
            if not args.from_data and getattr(index.table, "db", None) is not None:
                seal(index.table.db, "bench")
            write_index(index, scratch / "out" / "identity-index.pickle", work)
            write = time.process_time() - c
            total = read + collect + touch + write
            run = {"load": round(load, 2), "read": round(read, 3), "collect": round(collect, 3)}
            run |= {"touch": round(touch, 3), "write": round(write, 3), "total": round(total, 3)}
            res["runs"].append(run)
            print(json.dumps(run), file=sys.stderr)
            del index
            gc.unfreeze()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    totals = sorted(r["total"] for r in res["runs"])
    res["median_total"] = totals[len(totals) // 2]
    args.out.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    return 0


def _index_from_data(data: Path, folder: Path) -> Path:
    """The keys file of an index resolved from scratch from ``data``'s records in ``folder``,
    made there if it holds none."""
    import hashlib

    import yaml

    from kg.record.identity import record_items
    from kg.record.identity_index import resolve_with_index, write_index

    keys = folder / "identity-keys.sqlite"
    if (folder / "identity-index.pickle").is_file() and keys.is_file():
        return keys
    folder.mkdir(parents=True, exist_ok=True)
    records, stamps = {}, {}
    for path in sorted((data / "cases").glob("*.yaml")):
        text = path.read_bytes()
        record = yaml.load(text, Loader=yaml.CSafeLoader)
        appeal = str(record["appeal"]["id"])
        records[appeal], stamps[appeal] = record, hashlib.sha256(text).hexdigest()
    work = folder / "identity-keys-work.sqlite"
    _, index = resolve_with_index(record_items(records), None, stamps, None, "bench", work)
    write_index(index, folder / "identity-index.pickle", keys)
    return keys


if __name__ == "__main__":
    sys.exit(main())
