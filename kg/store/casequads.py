"""A case graph as N-Quads for the bulk loader, made without an rdflib graph.

The same triples as :func:`kg.store.build.case_graph` followed by
:func:`kg.store.build.defer_to_reference` and :func:`kg.store.stream.graph_nquads`, but the
record builder fills a :class:`kg.record.nquads.TripleSet`, and the reference labels are read
from the reference graph once, not looked up in it for every label of every record.
"""

from __future__ import annotations

from typing import Any

from rdflib import RDFS, Graph

from kg.record.nquads import TripleSet, defer_labels, nquads
from kg.store.localrules import Derived

Labels = dict[Any, set[Any]]


def reference_labels(reference: Graph) -> Labels:
    """Each reference subject's ``rdfs:label`` values."""
    labels: Labels = {}
    for s, label in reference.subject_objects(RDFS.label):
        labels.setdefault(s, set()).add(label)
    return labels


def case_nquads(case: Any, record: dict[str, Any], labels: Labels) -> str:
    """The N-Quads of the case graph of ``case`` (a :class:`kg.store.build.CaseSource`)."""
    return case_nquads_derived(case, record, labels, frozenset())[0]


def case_nquads_derived(
    case: Any, record: dict[str, Any], labels: Labels, rules: frozenset[str]
) -> tuple[str, Derived | None]:
    """:func:`case_nquads`, and what the local ``rules`` derive from the graph
    (:mod:`kg.store.localrules`: N-Quads of the derived graph and the first mentions to
    merge; None where they may not be derived from this graph alone)."""
    from kg.store.build import case_graph
    from kg.store.localrules import derive_local, names_shared_nodes

    name, triples = case_graph(case, record, graph=TripleSet())
    defer_labels(triples, labels)  # type: ignore[arg-type]
    text = nquads(triples, str(name))
    if not rules:
        return text, ("", {}, "", "", "")
    if names_shared_nodes(record):
        return text, None
    return text, derive_local(triples, rules)


__all__ = ["case_nquads", "case_nquads_derived", "reference_labels"]
