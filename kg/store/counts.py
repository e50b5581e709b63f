"""The build report's entity count brought up to date from what a change touched.

:func:`kg.store.build.count_entities` counts the distinct persons, organisations, places and
legal instruments some appeal reports (by ``akg:reportedIn`` or the source of their evidence)
with one query over the whole store: 7 s of a 1% rebuild at 10,000 appeals. Whether a node is
counted depends only on its own type, its ``akg:reportedIn`` and ``akg:evidence`` triples and
the ``oa:hasSource`` of its evidence, so after a change only the nodes that are the subject of
such a changed triple (or whose evidence is) can enter or leave the count: each is asked of
the store before and after the change.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

AKG = "https://w3id.org/appeals-kg/ontology#"
OA = "http://www.w3.org/ns/oa#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
CLASSES = frozenset(
    ox.NamedNode(AKG + c) for c in ("Person", "Organisation", "Place", "Country", "LegalInstrument")
)
REPORTED_IN = ox.NamedNode(AKG + "reportedIn")
EVIDENCE = ox.NamedNode(AKG + "evidence")
HAS_SOURCE = ox.NamedNode(OA + "hasSource")

# The same definition as kg.store.build.count_entities, for one node.
_COUNTED = f"""
ASK {{
  VALUES ?c {{ {" ".join(str(c) for c in sorted(CLASSES, key=str))} }}
  ?e a ?c ; <{AKG}reportedIn>|<{AKG}evidence>/<{OA}hasSource> ?appeal .
}}"""

Node = ox.NamedNode | ox.BlankNode


def entities_reached(stores: Iterable[ox.Store], changed: Iterable[ox.Triple]) -> set[Node]:
    """The nodes whose place in the count ``changed`` (triples added or removed) may alter."""
    out: set[Node] = set()
    sources: list[Node] = []
    for t in changed:
        p = t.predicate
        if (p == RDF_TYPE and t.object in CLASSES) or p in (REPORTED_IN, EVIDENCE):
            out.add(t.subject)  # type: ignore[arg-type]
        elif p == HAS_SOURCE:
            sources.append(t.subject)  # type: ignore[arg-type]
    for store in stores:
        for node in sources:
            out.update(q.subject for q in store.quads_for_pattern(None, EVIDENCE, node))  # type: ignore[misc]
    return out


def is_counted(store: ox.Store, node: Node) -> bool:
    """Whether ``node`` is among the entities :func:`kg.store.build.count_entities` counts."""
    answer = store.query(
        _COUNTED, use_default_graph_as_union=True, substitutions={ox.Variable("e"): node}
    )
    return bool(answer)


def count_entities_after(
    before: ox.Store, after: ox.Store, changed: Iterable[ox.Triple], previous: int
) -> int:
    """The entity count of ``after``, given that of ``before`` (``previous``) and every
    triple the union of the graphs (the derived graph included) gained or lost."""
    count = previous
    for node in entities_reached((before, after), changed):
        count += is_counted(after, node) - is_counted(before, node)
    return count


__all__ = ["count_entities_after", "entities_reached", "is_counted"]
