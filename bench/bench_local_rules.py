"""CPU that the rules derived as each case graph is written add to the workers, per graph.

    .venv/bin/python bench/bench_local_rules.py DATA [--graphs 400] [--repeat 5] [--out F]

Builds the case graphs of the first ``--graphs`` records of ``DATA`` (without identity
resolution: the same shape of graph), then times :func:`kg.store.localrules.derive_local`
over them with every local rule, and with every local rule but each of the ones named in
:data:`WITHOUT` in turn (``time.process_time``, best of ``--repeat``), so that the cost of one
rule in the workers can be set against what its SPARQL cost after the load; and the join
concerns-defender's rows take after the load (:func:`kg.store.localrules.defenders_reached`),
per graph.
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

WITHOUT = ["concerns-defender.rq", "appeal-count.rq", "acting-body.rq"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--graphs", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if not (args.data / "cases").is_dir():
        parser.error(f"{args.data}: no cases/ folder")

    from kg.record.nquads import TripleSet, defer_labels
    from kg.store import localrules
    from kg.store.build import CaseSource, case_graph, reference_graph
    from kg.store.casequads import reference_labels
    from kg.store.stream import read_record

    labels = reference_labels(reference_graph(args.data))
    graphs = []
    for path in sorted((args.data / "cases").glob("*.yaml"))[: args.graphs]:
        record = read_record(path, path.read_bytes())
        case = CaseSource(str(record["appeal"]["id"]), path, None, False)
        _name, triples = case_graph(case, record, graph=TripleSet())
        defer_labels(triples, labels)  # type: ignore[arg-type]
        graphs.append(triples)

    def best(rules: frozenset[str]) -> float:
        times = []
        for _ in range(args.repeat):
            start = time.process_time()
            for triples in graphs:
                localrules.derive_local(triples, rules)
            times.append(time.process_time() - start)
        return min(times) / len(graphs) * 1000

    every = frozenset(localrules.RULES)
    ms = {"every local rule": round(best(every), 3)}
    for name in WITHOUT:
        ms[f"without {name}"] = round(best(every - {name}), 3)
    # concerns-defender's join after the load, over the rows of these graphs
    rows = []
    for triples in graphs:
        rows.extend((localrules.defender_rows(triples) or "").splitlines(keepends=True))
    joins = []
    for _ in range(args.repeat):
        start = time.process_time()
        reached = localrules.defenders_reached(rows)
        answer = sum(1 for _ in localrules.concerns_defender_lines(rows, reached))
        joins.append(time.process_time() - start)
    ms["concerns-defender join after the load"] = round(min(joins) / len(graphs) * 1000, 3)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True, check=False).stdout.strip()  # fmt: skip
    result = {
        "command": " ".join(["bench/bench_local_rules.py", *sys.argv[1:]]),
        "commit": commit,
        "graphs": len(graphs),
        "how": f"derive_local over each graph, time.process_time, best of {args.repeat}",
        "load_average_1min": round(os.getloadavg()[0], 1),
        "ms_a_graph": ms,
        "concerns_defender_triples": answer,
    }
    print(json.dumps(result, indent=1))
    if args.out:
        args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
