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

Labels = dict[Any, set[Any]]


def reference_labels(reference: Graph) -> Labels:
    """Each reference subject's ``rdfs:label`` values."""
    labels: Labels = {}
    for s, label in reference.subject_objects(RDFS.label):
        labels.setdefault(s, set()).add(label)
    return labels


def case_nquads(case: Any, record: dict[str, Any], labels: Labels) -> str:
    """The N-Quads of the case graph of ``case`` (a :class:`kg.store.build.CaseSource`)."""
    from kg.store.build import case_graph

    name, triples = case_graph(case, record, graph=TripleSet())
    defer_labels(triples, labels)  # type: ignore[arg-type]
    return nquads(triples, str(name))


__all__ = ["case_nquads", "reference_labels"]
