"""What a full build's per-record checks cost, a record at a time, in CPU.

    .venv/bin/python bench/bench_record_checks.py DATA [--count 400] [--repeat 3] \\
        [--corpus-label L] --out FILE.json

Reads the first ``--count`` records of ``DATA/cases`` once, then times over all of them, in
turns within each repetition (best of ``--repeat``, ``time.process_time``): the line reader
(``parse_record_yaml(..., fast=True)``); the two walks a build made of each parsed record
before ``check_record`` (``check_record_shape``, then ``kg.store.spill.restricted``); the one
walk that replaces them (``check_record``); the date check (``check_dates``); and the whole of
``read_checked`` (bytes to checked record). Figures are milliseconds a record.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from runinfo import commit, load_average  # noqa: E402

from kg.record.datecheck import check_dates  # noqa: E402
from kg.record.recordcheck import check_record, check_record_shape, parse_record_yaml  # noqa: E402
from kg.store.spill import read_checked, restricted  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--corpus-label", help="how DATA was made (generate.py N --seed S)")
    args = parser.parse_args()
    files = sorted((args.data / "cases").glob("*.yaml"))[: args.count]
    if not files:
        raise SystemExit(f"error: {args.data / 'cases'}: no *.yaml records")
    texts = [(path, path.read_text(encoding="utf-8")) for path in files]
    records = [(path, text, parse_record_yaml(text, path, fast=True)) for path, text in texts]

    def two_walks(path: Path, text: str, record: Any) -> None:
        check_record_shape(record, path, text)
        restricted(record)

    steps: dict[str, Callable[[Path, str, Any], Any]] = {
        "parse": lambda path, text, record: parse_record_yaml(text, path, fast=True),
        "shape_then_restricted": two_walks,
        "shape": lambda path, text, record: check_record_shape(record, path, text),
        "restricted": lambda path, text, record: restricted(record),
        "check_record": lambda path, text, record: check_record(record, path, text),
        "dates": lambda path, text, record: check_dates(record, path, text),
        "read_checked": lambda path, text, record: read_checked(path, text.encode()),
    }
    load_before = load_average()
    best = {name: float("inf") for name in steps}
    for _ in range(args.repeat):
        for name, step in steps.items():
            start = time.process_time()
            for path, text, record in records:
                step(path, text, record)
            best[name] = min(best[name], (time.process_time() - start) / len(records) * 1000)
    result = {
        "commit": commit(ROOT, "kg"),
        "corpus": str(args.data),
        "corpus_label": args.corpus_label,
        "records": len(records),
        "repeat": args.repeat,
        "ms_per_record_best": {name: round(ms, 4) for name, ms in best.items()},
        "load_before": load_before,
        "load_after": load_average(),
        "python": platform.python_version(),
    }
    text = json.dumps(result, indent=2) + "\n"
    if args.out:
        tmp = args.out.with_name(args.out.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(args.out)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
