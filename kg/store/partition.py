"""One triple, one graph: which named graph states a fact that several would.

The default graph of a query is the union of the named graphs, so a triple stated in two graphs
is two rows of a plain ``SELECT`` (without DISTINCT). Each fact therefore lives in exactly one
graph:

- a fact of the reference data (or the ontology) stays there; an appeal graph that states it
  too drops it (the appeal keeps what only it says: evidence, ``akg:reportedIn``, its wording);
- a fact that several appeal graphs state (the name of a person or body merged across appeals,
  the authorities a demand addresses) is shared: it moves to the reference graph when a public
  appeal states it (so it is public anyway), else it stays in the first of those graphs only, so
  that a fact only withheld appeals state never becomes public;
- a derived shortcut that some graph already states is not derived again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rdflib import RDF, Graph, URIRef
from rdflib.term import Node

from kg.vocab import ACCESS, AKG

Triple = tuple[Node, Node, Node]


def is_public_appeal_graph(graph: Graph) -> bool:
    """Whether the appeal a graph holds is public (its appeal node says so)."""
    return any(
        (appeal, AKG.accessLevel, ACCESS.public) in graph
        for appeal in graph.subjects(RDF.type, AKG.Appeal)
    )


def partition_triples(
    shared: Iterable[Graph], reference: Graph, appeals: dict[URIRef, Graph]
) -> int:
    """Make every triple of the appeal graphs live in one graph, in place (see the module's
    docstring); ``shared`` are graphs whose facts appeal graphs drop (ontology, reference).
    Returns how many triples were dropped or moved."""
    changed = 0
    for graph in appeals.values():
        for base in [reference, *shared]:
            for triple in [t for t in graph if t in base]:
                graph.remove(triple)
                changed += 1
    stated_by: dict[Triple, list[URIRef]] = defaultdict(list)
    for name in sorted(appeals):
        for triple in appeals[name]:
            stated_by[triple].append(name)
    public = {name for name, g in appeals.items() if is_public_appeal_graph(g)}
    for triple, names in stated_by.items():
        if len(names) < 2:
            continue
        keep_in = None if public.intersection(names) else names[0]
        if keep_in is None:
            reference.add(triple)
        for name in names:
            if name != keep_in:
                appeals[name].remove(triple)
                changed += 1
    return changed


def without_stated(derived: Graph, stated: Iterable[Triple]) -> Graph:
    """The derived triples that no other graph states already."""
    seen = set(stated)
    out = Graph(namespace_manager=derived.namespace_manager)
    for triple in derived:
        if triple not in seen:
            out.add(triple)
    return out


__all__ = ["is_public_appeal_graph", "partition_triples", "without_stated"]
