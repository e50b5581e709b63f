"""Where a corpus-wide answer of CQ1, CQ5 and CQ12 spends its CPU, part by part, in Oxigraph.

    .venv/bin/python bench/profile_cq_parts.py STORE [--repeats 5] [--only cq05] --out FILE

Each question is cut into the patterns its ``WHERE`` adds one after the other (the first
pattern alone, then with the next, ...), and each cumulative part is run as ``SELECT (COUNT(*)
...)``: the joins and filters with no term of the answer read out of the store. Then the whole
question: counted the same way (``counted``, the joins, filters and ``DISTINCT``), its rows
iterated with every term read (``engine``, which adds the terms' decoding: an IRI or long
literal is a lookup in the store's string table), the same without its ``ORDER BY``
(``engine_unsorted``) and written by Oxigraph's CSV writer (``oxigraph_csv``). CPU time
(``time.process_time``) p50 of ``--repeats`` runs, over the public store of ``STORE`` opened
read-only, with the union of the graphs as the default graph as ``kg query`` does. The same
parts at two sizes give what grows faster than N (the results name the rows of each part).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.runinfo import commit, load_average  # noqa: E402
from kg.errors import StoreError  # noqa: E402
from kg.query import find_query  # noqa: E402
from kg.store.store import store_location  # noqa: E402

# each question's patterns in the order its WHERE adds them; a part is the patterns up to it
PARTS: dict[str, list[tuple[str, str]]] = {
    "cq01-defenders-organisations": [
        ("defenders", "?defender akg:hasCaseRole role:defender ."),
        ("label", "?defender rdfs:label ?defenderLabel ."),
        ("posts", "OPTIONAL { ?post org:heldBy ?defender }"),
    ],
    "cq05-final-decisions": [
        ("final", "?decision akg:isFinal true ."),
        ("final_in_case", "?decision akg:finalDecisionIn ?case ."),
        ("type", "?decision akg:eventType ?decisionType ."),
        ("acted_by", "?decision akg:actedBy ?court ."),
        (
            "courts",
            "{ SELECT ?court ?courtLabel WHERE { ?court akg:organisationKind orgkind:court ."
            " OPTIONAL { ?court rdfs:label ?courtLabel } } }",
        ),
    ],
    "cq12-banned-organisations": [
        ("bans_organisation", "?event akg:bansOrganisation ?organisation ."),
        ("appeal", "?event akg:statedIn ?appeal ."),
        ("label", "OPTIONAL { ?organisation rdfs:label ?organisationLabel }"),
        (
            "date_ground",
            "OPTIONAL { ?event akg:date ?date } OPTIONAL { ?event akg:ground ?ground }",
        ),
        (
            "place",
            "OPTIONAL { ?event akg:place ?place . OPTIONAL { ?place rdfs:label ?placeLabel } }",
        ),
        (
            "banned_by",
            "OPTIONAL { ?event akg:bannedBy ?by . OPTIONAL { ?by rdfs:label ?byLabel } }",
        ),
    ],
}


def _cpu_ms(store: ox.Store, text: str, repeats: int, run: str = "iterate") -> tuple[float, int]:
    took, n = [], 0
    for _ in range(repeats):
        started = time.process_time()
        res = store.query(text, use_default_graph_as_union=True)
        if run == "csv":
            n = len(res.serialize(format=ox.QueryResultsFormat.CSV) or b"")
        else:
            n = sum(1 for _ in res)
        took.append(time.process_time() - started)
    return round(statistics.median(took) * 1000, 1), n


def _count(store: ox.Store, text: str) -> int:
    (row,) = list(store.query(text, use_default_graph_as_union=True))
    return int(row[0].value)


def profile(store: ox.Store, name: str, repeats: int) -> dict:
    text = find_query(name).text
    select = text.index("\nSELECT") + 1
    prologue, body = text[:select], text[select:]
    order = body.rfind("\nORDER BY")
    unsorted = prologue + (body[:order] if order >= 0 else body)
    figures: dict = {"parts": []}
    patterns = ""
    for part, pattern in PARTS[name]:
        patterns += pattern + "\n"
        counted = prologue + "SELECT (COUNT(*) AS ?n) WHERE {\n" + patterns + "}"
        cpu, _ = _cpu_ms(store, counted, repeats)
        figures["parts"].append({"part": part, "rows": _count(store, counted), "cpu_p50_ms": cpu})
    inner = unsorted[len(prologue) :]
    whole_counted = prologue + "SELECT (COUNT(*) AS ?n) WHERE {\n" + inner + "\n}"
    figures["rows"] = _count(store, whole_counted)
    figures["counted_cpu_p50_ms"], _ = _cpu_ms(store, whole_counted, repeats)
    figures["engine_cpu_p50_ms"], _ = _cpu_ms(store, text, repeats)
    figures["engine_unsorted_cpu_p50_ms"], _ = _cpu_ms(store, unsorted, repeats)
    figures["oxigraph_csv_cpu_p50_ms"], size = _cpu_ms(store, text, repeats, "csv")
    figures["csv_bytes"] = size
    return figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path, help="a built store (its public store is read)")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--only", nargs="*", default=list(PARTS), help="question names (prefixes)")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    try:
        public = store_location(args.store, public=True)
    except StoreError as e:
        ap.error(str(e))
    store = ox.Store.read_only(str(public))
    out: dict = {
        "commit": commit(ROOT, "queries"),
        "store": str(args.store),
        "repeats": args.repeats,
        "load_before": load_average(),
        "questions": {},
    }
    for name in PARTS:
        if any(name.startswith(p) for p in args.only):
            out["questions"][name] = profile(store, name, args.repeats)
            print(name, json.dumps(out["questions"][name]), file=sys.stderr, flush=True)
    out["load_after"] = load_average()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    tmp.replace(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
