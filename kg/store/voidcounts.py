"""The VoID counts of the public store, counted by the build as it writes each graph's files.

A VoID description gives the store's triples, its distinct subjects, objects and properties,
its typed entities per class, the triples of each named graph and the links to other datasets
(:mod:`kg.publish.describe`). Counted by SPARQL aggregates over the whole store, the distinct
counts grow faster than the store (N^1.23 between 1,000 and 10,000 appeals); but the build
already holds each graph's N-Triples text while it writes the export files
(:mod:`kg.store.chunks`), so it counts them there:

- per graph, :func:`count_graph` reads the text once and keeps what the union needs: the
  triples, the properties, the links, and the distinct subjects, objects, typed entities and
  members of each class as sorted 64-bit hashes of their N-Triples text (Oxigraph writes one
  text per term, so equal text is the same term). They go into ``export/<stem>.void``
  beside the graph's other files, and an incremental build hard-links them with the files of
  the graphs it did not change;
- :func:`union_counts` merges the graphs' counts into those of the store (a term two graphs
  share counted once) and the build writes them as ``export/void-counts.json``, which
  :func:`kg.publish.export.void_description` reads instead of counting.

Only the public store has export files, so restricted data never enters these counts. Two
distinct terms whose hashes collide would be counted once: with 64 bits, about one chance in
10^5 at a hundred million distinct terms.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

LINK_PREDICATES = (
    "http://www.w3.org/2002/07/owl#sameAs",
    "http://www.w3.org/2004/02/skos/core#exactMatch",
    "http://www.w3.org/2004/02/skos/core#closeMatch",
)
COUNTS_FILE = "void-counts.json"
SUFFIX = ".void"
_TYPE = b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_LINKS = {f"<{p}>".encode() for p in LINK_PREDICATES}
_EMPTY = np.zeros(0, dtype=np.uint64)


def term_hash(term: bytes) -> int:
    """A term's 64-bit hash, the same in every process (``hash()`` is salted per process)."""
    return int.from_bytes(hashlib.blake2b(term, digest_size=8).digest(), "little")


def _hashes(terms: Iterable[bytes]) -> np.ndarray:
    """The terms' :func:`term_hash` values, sorted (the digests joined and read as one array)."""
    b2 = hashlib.blake2b
    digests = b"".join([b2(t, digest_size=8).digest() for t in terms])
    arr = np.frombuffer(digests, dtype="<u8").astype(np.uint64)
    arr.sort()
    return arr


@dataclass
class GraphCounts:
    """What one graph adds to the store's VoID counts."""

    triples: int = 0
    properties: set[str] = field(default_factory=set)
    links: Counter = field(default_factory=Counter)  # (predicate, object IRI) -> triples
    subjects: np.ndarray = field(default_factory=lambda: _EMPTY)
    objects: np.ndarray = field(default_factory=lambda: _EMPTY)
    entities: np.ndarray = field(default_factory=lambda: _EMPTY)
    classes: dict[str, np.ndarray] = field(default_factory=dict)


class GraphCounter:
    """One graph's counts, fed its N-Triples text (Oxigraph's: one space between terms,
    `` .`` at the end) in blocks of whole lines."""

    def __init__(self) -> None:
        self.triples = 0
        self.subjects: set[bytes] = set()
        self.objects: set[bytes] = set()
        self.properties: set[bytes] = set()
        self.typed: dict[bytes, set[bytes]] = {}
        self.links: Counter = Counter()

    def add(self, block: bytes) -> None:
        for line in block.split(b"\n"):
            if not line:
                continue
            s, p, rest = line.split(b" ", 2)
            o = rest[:-2]  # " ."
            self.triples += 1
            self.subjects.add(s)
            self.properties.add(p)
            self.objects.add(o)
            if p == _TYPE and o[:1] == b"<":
                self.typed.setdefault(o, set()).add(s)
            elif p in _LINKS and o[:1] == b"<":
                self.links[(p[1:-1].decode(), o[1:-1].decode())] += 1

    def counts(self) -> GraphCounts:
        return GraphCounts(
            triples=self.triples,
            properties={p[1:-1].decode() for p in self.properties},
            links=self.links,
            subjects=_hashes(self.subjects),
            objects=_hashes(self.objects),
            entities=_hashes(
                {s for members in self.typed.values() for s in members if s[:1] == b"<"}
            ),
            classes={c[1:-1].decode(): _hashes(members) for c, members in self.typed.items()},
        )


def count_graph(ntriples: bytes | Iterable[bytes]) -> GraphCounts:
    """The counts of one graph from its N-Triples text as Oxigraph writes it (whole, or in
    blocks of whole lines)."""
    counter = GraphCounter()
    for block in [ntriples] if isinstance(ntriples, bytes) else ntriples:
        counter.add(block)
    return counter.counts()


def write_graph_counts(stem: Path, counts: GraphCounts) -> None:
    """``counts`` into ``<stem>.void``: the length of a JSON header (8 bytes, little-endian),
    the header (triples, properties, links, classes, the length of each hash array), then the
    hash arrays one after the other. One read and no archive to open: a rebuild reads back
    every graph's file."""
    classes = sorted(counts.classes)
    arrays = [counts.subjects, counts.objects, counts.entities] + [
        counts.classes[c] for c in classes
    ]
    meta = {
        "triples": counts.triples,
        "properties": sorted(counts.properties),
        "links": sorted([p, o, n] for (p, o), n in counts.links.items()),
        "classes": classes,
        "lengths": [len(a) for a in arrays],
    }
    head = json.dumps(meta).encode("utf-8")
    body = b"".join(np.asarray(a, dtype="<u8").tobytes() for a in arrays)
    stem.with_name(stem.name + SUFFIX).write_bytes(len(head).to_bytes(8, "little") + head + body)


def read_graph_counts(stem: Path) -> GraphCounts:
    """What :func:`write_graph_counts` wrote for ``stem``."""
    data = stem.with_name(stem.name + SUFFIX).read_bytes()
    size = int.from_bytes(data[:8], "little")
    meta = json.loads(data[8 : 8 + size].decode("utf-8"))
    values = np.frombuffer(data, dtype="<u8", offset=8 + size).astype(np.uint64)
    arrays, at = [], 0
    for n in meta["lengths"]:
        arrays.append(values[at : at + n])
        at += n
    return GraphCounts(
        triples=int(meta["triples"]),
        properties=set(meta["properties"]),
        links=Counter({(p, o): int(n) for p, o, n in meta["links"]}),
        subjects=arrays[0],
        objects=arrays[1],
        entities=arrays[2],
        classes=dict(zip(meta["classes"], arrays[3:], strict=True)),
    )


def _distinct(arrays: list[np.ndarray]) -> int:
    if not arrays:
        return 0
    return int(np.unique(np.concatenate(arrays)).size)


def union_counts(graphs: Iterable[tuple[str | None, GraphCounts]]) -> dict[str, Any]:
    """The store's counts from its graphs' (``None`` the default graph; a graph written in
    parts may come once a part), as the JSON that
    :func:`kg.publish.describe.counts_to_json` writes: triples of every graph, distinct terms
    of the union, entities per class, triples per non-empty named graph, links."""
    triples = 0
    properties: set[str] = set()
    links: Counter = Counter()
    per_graph: Counter = Counter()
    subjects, objects, entities = [], [], []
    classes: dict[str, list[np.ndarray]] = {}
    for graph, counts in graphs:
        triples += counts.triples
        if graph is not None and counts.triples:
            per_graph[graph] += counts.triples  # a large graph's parts add up
        properties |= counts.properties
        links.update(counts.links)
        subjects.append(counts.subjects)
        objects.append(counts.objects)
        entities.append(counts.entities)
        for cls, members in counts.classes.items():
            classes.setdefault(cls, []).append(members)
    return {
        "triples": triples,
        "entities": _distinct(entities),
        "properties": len(properties),
        "subjects": _distinct(subjects),
        "objects": _distinct(objects),
        "classes": sorted([c, _distinct(m)] for c, m in classes.items()),
        "per_graph": sorted([g, n] for g, n in per_graph.items()),
        "links": sorted([p, o, n] for (p, o), n in links.items()),
    }


__all__ = [
    "COUNTS_FILE",
    "LINK_PREDICATES",
    "SUFFIX",
    "GraphCounter",
    "GraphCounts",
    "count_graph",
    "read_graph_counts",
    "union_counts",
    "write_graph_counts",
]
