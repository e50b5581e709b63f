"""JSON-LD writer: flattened, expanded JSON-LD 1.1, one node object per subject and graph.

rdflib's JSON-LD serialiser embeds blank nodes in the objects that refer to them and, doing so,
drops a blank node that refers to itself (``_:b <p> _:b``): the export was not the graph. This
writer does no embedding and no compaction, so every triple is written exactly once and any
JSON-LD processor reads back an isomorphic dataset (``tests/test_properties.py``). It needs no
``@context``, so a reader fetches nothing.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from rdflib import XSD, BNode, Dataset, Graph, Literal
from rdflib.term import Node


def _id(term: Node) -> str:
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def _value(term: Node) -> dict[str, str]:
    if isinstance(term, Literal):
        out = {"@value": str(term)}
        if term.language:
            out["@language"] = term.language
        elif term.datatype is not None and term.datatype != XSD.string:
            out["@type"] = str(term.datatype)
        return out
    return {"@id": _id(term)}


def _sort_key(value: dict[str, str]) -> tuple[str, ...]:
    return tuple(f"{k}={v}" for k, v in sorted(value.items()))


def node_objects(graph: Graph) -> list[dict[str, Any]]:
    """The graph's triples as node objects, sorted by subject, property and value."""
    nodes: dict[str, dict[str, list[dict[str, str]]]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in graph:
        nodes[_id(s)][str(p)].append(_value(o))
    out = []
    for subject in sorted(nodes):
        obj: dict[str, Any] = {"@id": subject}
        for prop in sorted(nodes[subject]):
            obj[prop] = sorted(nodes[subject][prop], key=_sort_key)
        out.append(obj)
    return out


def serialize_jsonld(ds: Dataset) -> bytes:
    """A dataset as JSON-LD: the default graph's nodes at the top, each named graph as a node
    with ``@graph``."""
    doc: list[dict[str, Any]] = []
    named = []
    for ctx in ds.graphs():
        if not len(ctx):
            continue
        if ctx.identifier == ds.default_graph.identifier:
            doc.extend(node_objects(ctx))
        else:
            named.append(ctx)
    for ctx in sorted(named, key=lambda c: _id(c.identifier)):
        doc.append({"@id": _id(ctx.identifier), "@graph": node_objects(ctx)})
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


__all__ = ["node_objects", "serialize_jsonld"]
