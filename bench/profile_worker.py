"""CPU per record of each step a build's worker takes for a changed record, one process.

    .venv/bin/python bench/profile_worker.py DATA [--records 300] [--repeat 3] \
        [--tree DIR] --out FILE

A rebuild's workers parse each changed record (:func:`kg.store.spill.parse_record`: PyYAML's C
loader, the record's checks, its identity items, keys and provisions, the spill pickle), then
load it back and make its case graph's N-Quads (:func:`kg.store.casequads.case_nquads_derived`),
cut that text into lines (:func:`kg.store.stream._chunk_lines`), and later make the graph's
export files from its lines (sorted, Oxigraph's Turtle, both packed, the VoID counts:
:func:`kg.store.chunks._small_from_lines`). Each step is timed here alone over the first
``--records`` records of ``DATA`` (``time.process_time``, milliseconds a record), in rounds;
the record's identity is not applied (no view), which a rebuild adds. ``--tree`` times the
``kg`` package of another checkout (an older commit, say) for a comparison by turns.

The process is settled as a build's workers are (:func:`kg.store.workers.settle_worker`:
what it holds frozen out of the collector's walks, its youngest generation collected less
often) once the records are read, when the timed tree has that step; ``--unsettled`` times it
with the collector as Python sets it, as before the workers were settled.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


class _Laps:
    """CPU milliseconds a record of each step, timed one after the other."""

    def __init__(self, records: int) -> None:
        self.records = records
        self.took: dict[str, float] = {}
        self.restart()

    def restart(self) -> None:
        self.clock = time.process_time()

    def lap(self, name: str) -> None:
        now = time.process_time()
        self.took[name] = round((now - self.clock) * 1000 / self.records, 3)
        self.clock = now


def steps_of(data: Path, records: int, rounds: int, settle: bool) -> list[dict[str, float]]:
    import pyoxigraph as ox

    from kg.record.identity import record_items
    from kg.store import chunks, stream
    from kg.store.build import CaseSource
    from kg.store.casequads import case_nquads_derived
    from kg.store.spill import parse_record, read_record

    files = sorted((data / "cases").glob("*.yaml"))[:records]
    if not files:
        raise SystemExit(f"error: {data / 'cases'}: no *.yaml record")
    raws = [(str(f), f.read_bytes()) for f in files]
    stream._init_worker(str(data))
    labels = stream._WORKER["reference"]
    pm = chunks.export_prefixes()
    header = chunks.turtle_header(pm)
    if settle:
        from kg.store.workers import settle_worker

        settle_worker()
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for n in range(rounds):
            spill = work / f"spill-{n}"
            spill.mkdir()
            laps = _Laps(len(raws))
            lap = laps.lap

            parsed = [parse_record(k, r, spill) for k, r in raws]
            lap("parse_record")
            recs = [read_record(Path(k), r) for k, r in raws]
            lap("yaml")
            for r in recs:
                record_items({str(r["appeal"]["id"]): r})
            lap("items")
            recs = [p.record() for p in parsed]
            lap("unpickle")
            texts = [
                case_nquads_derived(
                    CaseSource(p.appeal, Path(p.key), None, False), r, labels, frozenset()
                )[0]
                for p, r in zip(parsed, recs, strict=True)
            ]
            lap("case_nquads")
            cut = [stream._chunk_lines(t) for t in texts]
            lap("chunk_lines")
            graphs = [next(iter(c.items())) for c in cut]
            nts = [chunks._nt_text(lines) for _g, lines in graphs]
            laps.restart()
            for i, (nt, (g, _lines)) in enumerate(zip(nts, graphs, strict=True)):
                stem = work / f"g{n}-{i}"
                chunks._small_from_lines(nt, ox.NamedNode(g), stem, header, pm)
            lap("export_files")
            print(json.dumps(laps.took), file=sys.stderr)
            out.append(laps.took)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=Path)
    ap.add_argument("--records", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--tree", type=Path, default=ROOT, help="the checkout whose kg/ is timed")
    ap.add_argument("--out", type=Path)
    ap.add_argument(
        "--unsettled", action="store_true", help="the collector as Python sets it (no freeze)"
    )
    args = ap.parse_args()
    sys.path.insert(0, str(args.tree.resolve()))
    sys.path.insert(1, str(ROOT / "bench"))
    from runinfo import commit, load_average

    load_before = load_average()
    workers = args.tree.resolve() / "kg" / "store" / "workers.py"  # settle_worker: ed6b10c
    settle = (
        not args.unsettled
        and workers.is_file()
        and "def settle_worker" in workers.read_text(encoding="utf-8")
    )
    rounds = steps_of(args.data, args.records, args.repeat, settle)
    result = {
        "commit": commit(args.tree, "kg"),
        "data": str(args.data),
        "records": min(args.records, len(list((args.data / "cases").glob("*.yaml")))),
        "load_before": load_before,
        "load_after": load_average(),
        "settled": settle,
        "collector_gen0": __import__("gc").get_threshold()[0],  # as the steps were timed
        "ms_per_record": rounds,
        "command": (
            "python bench/profile_worker.py DATA --records N --repeat R [--tree DIR] [--unsettled]"
        ),
    }
    if args.out:
        args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result["ms_per_record"]))


if __name__ == "__main__":
    main()
