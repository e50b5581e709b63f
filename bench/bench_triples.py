"""Where the triples go: a predicate histogram of a built store, per kind of graph and per appeal.

Builds a store from the development corpus's gold records or from a generated corpus
(bench/generate.py), then counts triples per predicate in the appeal graphs, the derived graph,
the reference, links and ontology graphs, divided by the number of appeals. This is the measure
behind "triples per appeal" in bench/README.md: what an appeal costs, and which predicates are
worth storing more compactly.

    python bench/bench_triples.py --gold ../shared/corpus    # -> bench/results/triples-gold.json
    python bench/bench_triples.py --generate 1000            # -> bench/results/triples-1000.json

``--out DIR`` writes elsewhere; ``--work DIR`` keeps the corpus and store there (default: a
temporary folder, removed at the end).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

APPEAL_GRAPHS = "https://w3id.org/appeals-kg/graph/appeal/"
COUNTRY_KEYS = {"country", "jurisdiction", "sovereign", "administered_by", "applicable_law"}


def _countries(node: Any) -> list[str]:
    if isinstance(node, dict):
        here = [str(v) for k, v in node.items() if k in COUNTRY_KEYS and isinstance(v, str)]
        return here + [c for v in node.values() for c in _countries(v)]
    if isinstance(node, list):
        return [c for v in node for c in _countries(v)]
    return []


def gold_data(corpus: Path, data: Path) -> int:
    """A data folder with the gold records the build accepts (as tests/test_cq_corpus.py makes)."""
    from kg.countries import country_code

    (data / "extracted").mkdir(parents=True)
    shutil.copytree(ROOT / "data" / "reference", data / "reference")
    n = 0
    for path in sorted(corpus.glob("*.gold.yaml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        if all(country_code(c) for c in _countries(record)):
            text = yaml.safe_dump(record, sort_keys=False, allow_unicode=True)
            (data / "extracted" / f"{record['appeal']['id']}.yaml").write_text(text, "utf-8")
            n += 1
    return n


def histogram(store_dir: Path, appeals: int) -> dict[str, Any]:
    """Triples per kind of graph and predicate, in total and per appeal."""
    from kg.store.store import Store, store_location

    store = Store.open(store_location(store_dir))
    _, rows = store.query(
        "SELECT ?g ?p (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ?p"
    )
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for g, p, n in rows:
        kind = "appeal" if str(g).startswith(APPEAL_GRAPHS) else str(g).rsplit("/", 1)[-1]
        kinds[kind][str(p)] += int(n)
    _, rows = store.query(
        "PREFIX oa: <http://www.w3.org/ns/oa#> "
        "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s oa:hasSource ?a }"
    )
    spans = int(rows[0][0])
    out: dict[str, Any] = {
        "appeals": appeals,
        "evidence_spans_per_appeal": round(spans / appeals, 1),
    }
    out["graphs"] = {
        kind: {
            "triples": sum(c.values()),
            "per_appeal": round(sum(c.values()) / appeals, 1),
            "predicates": {p: round(n / appeals, 2) for p, n in c.most_common()},
        }
        for kind, c in sorted(kinds.items())
    }
    out["triples_per_appeal"] = out["graphs"].get("appeal", {}).get("per_appeal", 0)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--gold", type=Path, help="folder of *.gold.yaml records")
    src.add_argument("--generate", type=int, metavar="N", help="generate N appeals (seed 1)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    ap.add_argument("--work", type=Path, help="keep the corpus and the store here")
    args = ap.parse_args(argv)

    from kg.store.stream import build_streaming

    work = args.work or Path(tempfile.mkdtemp(prefix="kg-triples-"))
    data, store = work / "data", work / "kg"
    for p in (data, store):
        shutil.rmtree(p, ignore_errors=True)
    try:
        if args.gold:
            n, name = gold_data(args.gold, data), "gold"
        else:
            from generate import generate

            generate(args.generate, data, seed=1)
            n, name = args.generate, str(args.generate)
        started = time.perf_counter()
        build_streaming(store, data, incremental=False, progress=None)
        res = {"command": "python bench/bench_triples.py " + " ".join(argv or sys.argv[1:])}
        res["build_seconds"] = round(time.perf_counter() - started, 1)
        res.update(histogram(store, n))
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"triples-{name}.json"
    path.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    print(f"{path}: {res['triples_per_appeal']} triples per appeal in appeal graphs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
