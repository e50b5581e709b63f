"""Choose the embedded store by measurement: rdflib's in-memory Dataset against Oxigraph.

The seed case is replicated N times under different appeal ids (so IRIs differ), loaded into
each backend, and the same SPARQL queries run on both. Results go to bench/results/store.json.

Run: .venv/bin/python bench/bench_store.py [--copies 200]
"""

from __future__ import annotations

import argparse
import copy
import json
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Dataset

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.record.caserecord import load_record, record_to_graph  # noqa: E402
from kg.store import Store  # noqa: E402
from kg.store.build import ontology_graph, reference_graph  # noqa: E402
from kg.vocab import ONTOLOGY_GRAPH, REFERENCE_GRAPH  # noqa: E402

QUERIES = {
    "timeline (join, filter, order)": """
        PREFIX akg: <https://w3id.org/appeals-kg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?event ?type ?date ?actor WHERE {
          ?event akg:eventType ?type ; akg:date ?date ;
                 akg:participation ?p .
          ?p akg:participant ?actor .
          FILTER(STR(?date) >= "2017")
        } ORDER BY ?date""",
    "counts per event type (aggregate)": """
        PREFIX akg: <https://w3id.org/appeals-kg/ontology#>
        SELECT ?type (COUNT(?e) AS ?n) WHERE { ?e akg:eventType ?type } GROUP BY ?type""",
    "evidence of one fact (point lookup)": """
        PREFIX akg: <https://w3id.org/appeals-kg/ontology#>
        PREFIX oa: <http://www.w3.org/ns/oa#>
        SELECT ?exact ?start WHERE {
          ?fact akg:evidence ?ev . ?ev oa:exact ?exact ; oa:start ?start .
          FILTER(?fact = <https://w3id.org/appeals-kg/id/person/p-2a9f31c4>)
        }""",
}


def replicated_dataset(copies: int) -> Dataset:
    record = load_record(ROOT / "data" / "cases" / "seed-dauletbayev-2017.yaml")
    text = (ROOT / "data" / "appeals" / "seed-dauletbayev-2017.txt").read_text(encoding="utf-8")
    ds = Dataset()
    ds.graph(ONTOLOGY_GRAPH).__iadd__(ontology_graph())
    ds.graph(REFERENCE_GRAPH).__iadd__(reference_graph())
    for n in range(copies):
        r = copy.deepcopy(record)
        r["appeal"]["id"] = f"bench-{n:05d}"
        r["appeal"]["case"] = {}
        for section in ("persons", "organisations"):
            for item in r.get(section) or []:
                if str(item.get("iri", "")).startswith(("akr:person/", "akr:org/o-")):
                    item.pop("iri")
        name, g = record_to_graph(r, text)
        ds.graph(name).__iadd__(g)
    return ds


def timed(fn, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--copies", type=int, default=200)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "store.json")
    args = ap.parse_args()

    ds = replicated_dataset(args.copies)
    quads = sum(len(g) for g in ds.graphs())
    nquads = ds.serialize(format="nquads")
    results: dict = {"copies": args.copies, "quads": quads, "python": platform.python_version()}

    t = time.perf_counter()
    mem = Dataset()
    mem.parse(data=nquads, format="nquads")
    results["rdflib_load_s"] = round(time.perf_counter() - t, 3)
    union = mem  # default_union
    mem.default_union = True

    with tempfile.TemporaryDirectory() as tmp:
        import pyoxigraph as ox

        t = time.perf_counter()
        backend = ox.Store(tmp)
        backend.load(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        backend.flush()
        results["oxigraph_load_s"] = round(time.perf_counter() - t, 3)
        store = Store(backend, Path(tmp))
        results["queries"] = {}
        for name, q in QUERIES.items():
            r_rdflib = timed(lambda q=q: list(union.query(q)), repeat=3)
            r_ox = timed(lambda q=q: store.query(q), repeat=5)
            n_rdflib = len(list(union.query(q)))
            n_ox = len(store.query(q)[1])
            assert n_rdflib == n_ox, (name, n_rdflib, n_ox)
            results["queries"][name] = {
                "rows": n_ox,
                "rdflib_s": round(r_rdflib, 4),
                "oxigraph_s": round(r_ox, 4),
                "speedup": round(r_rdflib / r_ox, 1) if r_ox else None,
            }
    results["peak_rss_mib"] = round(rss_mib(), 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
