"""Memory of each rule a full build runs over the union: ``results/rule-memory-N.json``.

    .venv/bin/python bench/bench_rule_memory.py STORE/full --out FILE [--trim]

Opens a built store's full dataset read-only in this process and runs, one after another, the
rules :func:`kg.store.stream._derive` runs over the union (those not derived while the graphs
are written, :data:`kg.store.localrules.RULES`), each answer written as N-Triples to a
temporary file as the build writes it. After each rule it records the process's resident
memory (VmRSS), the part of it that is the process's own (RssAnon) and the highest so far
(VmHWM), and the CPU the rule took; with ``--trim`` the C library is asked to give freed
memory back after each rule (:func:`kg.store.memory.release_freed_memory`), and the memory
is recorded again.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _memory_mb() -> dict[str, int]:
    with open("/proc/self/status", encoding="ascii") as f:
        fields = dict(line.split(":", 1) for line in f if ":" in line)
    return {k: int(fields[k].split()[0]) // 1024 for k in ("VmRSS", "RssAnon", "VmHWM")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path, help="a built store's full dataset (STORE/full)")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--trim", action="store_true", help="malloc_trim after each rule")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    import pyoxigraph as ox

    from kg.store.build import rules
    from kg.store.derive import canonical_triples, rule_shape
    from kg.store.localrules import RULES
    from kg.store.memory import release_freed_memory

    if not args.store.is_dir():
        raise SystemExit(f"Error: {args.store}: no such folder (give a built store's 'full')")
    store = ox.Store.read_only(str(args.store))
    out: dict[str, object] = {
        "store": args.store.parent.name,
        "load_average_at_start": os.getloadavg(),
        "trim": args.trim,
        "start": _memory_mb(),
    }
    each = []
    started = time.process_time()
    with tempfile.TemporaryDirectory() as work:
        answer = str(Path(work) / "rule.nt")
        for name, text in rules():
            if name in RULES:
                continue
            cpu = time.process_time()
            found = store.query(text, use_default_graph_as_union=True)
            concat = rule_shape(name, text).concat
            if concat:
                triples = canonical_triples(found, concat)  # type: ignore[arg-type]
                ox.serialize(triples, answer, format=ox.RdfFormat.N_TRIPLES)
            else:
                found.serialize(answer, format=ox.RdfFormat.N_TRIPLES)  # type: ignore[union-attr]
            del found
            row = {"rule": name, "cpu_seconds": round(time.process_time() - cpu, 2)}
            row["after"] = _memory_mb()
            if args.trim:
                release_freed_memory()
                row["trimmed"] = _memory_mb()
            row["answer_mb"] = round(os.path.getsize(answer) / 2**20, 1)
            each.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
    out.update(
        rules=each,
        cpu_seconds=round(time.process_time() - started, 1),
        end=_memory_mb(),
        load_average_at_end=os.getloadavg(),
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
