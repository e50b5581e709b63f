"""Identity resolution at scale: every item resolved, then 1% of the records changed and
resolved again with the index kept between builds (``kg.record.identity_index``).

    python bench/generate.py 10000 /tmp/corpus-10k
    python bench/bench_identity.py /tmp/corpus-10k        # -> bench/results/identity-10000.json

Records are read with PyYAML's C loader, their identity items made (``record_items``), then:
the full resolution with its index (what a full build does), the index saved and read back
(what the next build does), 1% of the records marked changed (their content hash changes, as
``generate.py --mutate`` changes an event's note; their items are the same) and resolved again
with the index; then the same records changed in their items (each one's first person gains a
spelling) and resolved again. Each result is compared with a full resolution (clusters and
review rows). Times are wall seconds of this process; the load average before and after is
recorded.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.record.identity import record_items  # noqa: E402
from kg.record.identity_index import read_index, resolve_with_index, write_index  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a data directory made by generate.py")
    parser.add_argument("--fraction", type=float, default=0.01)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args(argv)

    paths = sorted((args.corpus / "cases").glob("*.yaml"))
    res: dict = {"appeals": len(paths), "load_before": list(os.getloadavg())}
    res["command"] = "bench/bench_identity.py DIR"
    t = time.perf_counter()
    records = {}
    where: dict[str, Path] = {}
    for path in paths:
        record = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        records[str(record["appeal"]["id"])] = record
        where[str(record["appeal"]["id"])] = path
    items = record_items(records)
    del records
    res["read_items_seconds"] = round(time.perf_counter() - t, 2)
    res["items"] = len(items)

    stamps = {aid: "0" for aid in sorted({k[0] for k in items})}
    t = time.perf_counter()
    full, index = resolve_with_index(items, None, stamps, None, "bench")
    res["full_seconds"] = round(time.perf_counter() - t, 2)
    res["clusters"], res["review_rows"] = len(full.clusters), len(full.review_rows)
    res["index_keys"] = len(index.table.postings)  # an index in memory (no keys_file)
    res["index_postings"] = sum(len(v) for v in index.table.postings.values())

    path = args.out / f".identity-index-{os.getpid()}.pickle"
    args.out.mkdir(parents=True, exist_ok=True)
    try:
        t = time.perf_counter()
        write_index(index, path)
        res["index_write_seconds"] = round(time.perf_counter() - t, 2)
        res["index_bytes"] = path.stat().st_size
        del index
        t = time.perf_counter()
        index = read_index(path)
        res["index_read_seconds"] = round(time.perf_counter() - t, 2)
    finally:
        path.unlink(missing_ok=True)

    rng = random.Random(1)
    changed = rng.sample(sorted(stamps), max(1, round(len(stamps) * args.fraction)))
    for aid in changed:
        stamps[aid] = "1"
    t = time.perf_counter()
    again, index = resolve_with_index(items, None, stamps, index, "bench")
    res["changed_records"] = len(changed)
    res["incremental_seconds"] = round(time.perf_counter() - t, 2)
    res["incremental_items_resolved"] = index.resolved
    res["same_as_full"] = [(c.members, str(c.iri), c.label) for c in again.clusters] == [
        (c.members, str(c.iri), c.label) for c in full.clusters
    ] and [r.as_dict() for r in again.review_rows] == [r.as_dict() for r in full.review_rows]

    # The same records changed again, now in their items: each one's first person gains a
    # spelling with an initial for the first name ("A. Smirnova"), as a curator might add;
    # the result is compared with a full resolution of the changed items.
    items = _with_a_spelling(items, changed, where)
    for aid in changed:
        stamps[aid] = "2"
    t = time.perf_counter()
    again, index = resolve_with_index(items, None, stamps, index, "bench")
    res["items_changed_seconds"] = round(time.perf_counter() - t, 2)
    res["items_changed_items_resolved"] = index.resolved
    t = time.perf_counter()
    full, _ = resolve_with_index(items, None, stamps, None, "bench")
    res["items_changed_full_seconds"] = round(time.perf_counter() - t, 2)
    res["items_changed_same_as_full"] = [
        (c.members, str(c.iri), c.label, c.variants) for c in again.clusters
    ] == [(c.members, str(c.iri), c.label, c.variants) for c in full.clusters] and [
        r.as_dict() for r in again.review_rows
    ] == [r.as_dict() for r in full.review_rows]
    res["same_as_full"] = res["same_as_full"] and res["items_changed_same_as_full"]
    res["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    res["load_after"] = list(os.getloadavg())
    out = args.out / f"identity-{len(paths)}.json"
    out.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(res, indent=2))
    return 0 if res["same_as_full"] else 1


def _with_a_spelling(items: dict, changed: list[str], where: dict[str, Path]) -> dict:
    """``items`` with those of the ``changed`` appeals made again from their records, each
    record's first named person given one more spelling; in the order a build gives them."""
    by_appeal: dict[str, list] = {}
    for key, item in items.items():
        by_appeal.setdefault(key[0], []).append(item)
    for aid in changed:
        record = yaml.load(where[aid].read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        for person in record.get("persons") or []:
            words = str(person.get("name") or "").split()
            if len(words) >= 2:
                person["variants"] = [*(person.get("variants") or []),
                                      f"{words[0][0]}. {' '.join(words[1:])}"]  # fmt: skip
                break
        by_appeal[aid] = list(record_items({aid: record}).values())
    return {i.key: i for aid in sorted(by_appeal) for i in by_appeal[aid]}


if __name__ == "__main__":
    sys.exit(main())
