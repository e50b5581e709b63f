"""CQ11's corpus-wide evaluation taken apart, in Oxigraph only (rows iterated, their terms made
by pyoxigraph, no CSV and no rdflib), on a built public store:

    .venv/bin/python bench/eval_stages.py STORE/public [--stages spans plain distinct full] \
        [--out results/X.json]

- ``spans``: the fact's evidence spans with their source, quote and offsets (five patterns);
- ``plain``: the whole question without ``DISTINCT`` and ``ORDER BY`` (the appeal's title,
  date, issuer and sort key read per row);
- ``distinct``: with ``DISTINCT``, without ``ORDER BY``;
- ``full``: the question as it is in ``queries/``.

Each stage is run once, in this process, in turn; its CPU time (``time.process_time``), wall
time, rows and the process's peak resident memory so far are printed and, with ``--out``,
written as JSON with the commit and the load average. The difference between two stages is what
the later one adds, so that a cost that grows faster than the rows shows where it is.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
CQ11 = ROOT / "queries" / "cq11-fact-evidence.rq"
ORDER = "ORDER BY ?order ?start ?end"
SPANS = """PREFIX akg: <https://w3id.org/appeals-kg/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?fact ?appeal ?quote ?start ?end
WHERE {
  ?fact akg:evidence ?span .
  ?span oa:hasSource ?appeal ; oa:exact ?quote ; oa:start ?start ; oa:end ?end .
}
"""


def stages() -> dict[str, str]:
    full = CQ11.read_text(encoding="utf-8")
    if ORDER not in full or "SELECT DISTINCT" not in full:
        raise SystemExit(f"{CQ11}: no '{ORDER}' or 'SELECT DISTINCT' to take out")
    distinct = full.replace(ORDER, "")
    return {
        "spans": SPANS,
        "plain": distinct.replace("SELECT DISTINCT", "SELECT", 1),
        "distinct": distinct,
        "full": full,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path, help="an Oxigraph store (a build's public/)")
    parser.add_argument("--stages", nargs="+", default=["spans", "plain", "distinct", "full"])
    parser.add_argument("--out", type=Path, help="write the figures to this file as JSON")
    args = parser.parse_args(argv)
    texts = stages()
    unknown = [s for s in args.stages if s not in texts]
    if unknown:
        parser.error(f"--stages: unknown {', '.join(unknown)} (one of {', '.join(texts)})")
    store = ox.Store.read_only(str(args.store))
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    record: dict = {"commit": commit, "store": str(args.store), "stages": {}}
    for name in args.stages:
        load = os.getloadavg()[:2]
        started, cpu_started = time.perf_counter(), time.process_time()
        rows = sum(1 for _ in store.query(texts[name], use_default_graph_as_union=True))
        cpu = time.process_time() - cpu_started
        fig = {
            "rows": rows,
            "cpu_s": round(cpu, 2),
            "wall_s": round(time.perf_counter() - started, 2),
            "cpu_us_a_row": round(cpu * 1e6 / max(rows, 1), 1),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "load_average_start": load,
            "load_average_end": os.getloadavg()[:2],
        }
        record["stages"][name] = fig
        print(f"{name}: {fig}", flush=True)
        if args.out:
            args.out.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
