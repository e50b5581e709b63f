"""Derived triples that some other graph states already, taken out of the derived graph.

A shortcut a graph states is not derived again (:mod:`kg.store.partition`). Looking each derived
triple up in the other graphs is a join over the whole derived graph (about 1 s of CPU for
134,000 derived triples at 1,000 appeals); but a derived triple can only be stated elsewhere if
its predicate is used elsewhere, and the rules' predicates (``akg:firstMention``,
``akg:appealCount`` ...) normally are not. So each predicate of the derived graph is first
asked for in the other graphs (one index scan each, stopping at the first hit), and the join
runs only when one is found: the same triples are removed.
"""

from __future__ import annotations

import pyoxigraph as ox


def drop_stated(store: ox.Store, derived: ox.NamedNode) -> int:
    """Remove from ``derived`` every triple another named graph of ``store`` states; returns
    how many were removed."""
    predicates = [
        row["p"]
        for row in store.query(f"SELECT DISTINCT ?p WHERE {{ GRAPH {derived} {{ ?s ?p ?o }} }}")
    ]
    used = [
        p
        for p in predicates
        if store.query(f"ASK {{ GRAPH ?g {{ ?s {p} ?o }} FILTER(?g != {derived}) }}")
    ]
    if not used:
        return 0
    values = " ".join(str(p) for p in used)
    stated = (
        f"VALUES ?p {{ {values} }} GRAPH {derived} {{ ?s ?p ?o }} "
        f"GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {derived})"
    )
    count = next(iter(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {stated} }}")))["n"]
    if int(count.value):
        store.update(f"DELETE {{ GRAPH {derived} {{ ?s ?p ?o }} }} WHERE {{ {stated} }}")
    return int(count.value)


__all__ = ["drop_stated"]
