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
- :class:`TermTable` keeps, for the store, a count per distinct term hash (in how many of the
  graphs' files the term occurs) for the subjects, the objects, the typed entities and each
  class's members, beside the properties and links; the build writes it into each generation
  (``export/void-table.bin``). A rebuild reads the previous generation's table and adds the
  counts of the files it wrote and subtracts those of the files it dropped (a term leaves the
  union when its count falls to zero), so a 1% change reads 1% of the graphs' counts; a build
  with no table to start from merges every file's (:meth:`TermTable.from_counts`);
- the table (or :func:`union_counts`, the same figures from the graphs' counts at once) gives
  ``export/void-counts.json``, which :func:`kg.publish.export.void_description` reads instead
  of counting.

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
TABLE_FILE = "void-table.bin"
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


_TABLES = ("subjects", "objects", "entities")  # then "class " + IRI, one table per class


def _keyed(graph: GraphCounts) -> dict[str, np.ndarray]:
    """A graph's distinct term hashes, by table."""
    out = {"subjects": graph.subjects, "objects": graph.objects, "entities": graph.entities}
    out.update({f"class {c}": members for c, members in graph.classes.items()})
    return out


class TermTable:
    """The store's VoID counts kept per term: for each table (subjects, objects, typed
    entities, each class's members) the sorted distinct hashes of the terms in the union and,
    beside each, the number of graph files it occurs in; the properties (files using each),
    links and triples likewise. A term is distinct in the union while its count is above zero,
    so adding and removing files changes only their own terms' entries."""

    def __init__(self) -> None:
        self.triples = 0
        self.properties: Counter = Counter()
        self.links: Counter = Counter()
        self.keys: dict[str, np.ndarray] = {}
        self.counts: dict[str, np.ndarray] = {}

    @classmethod
    def from_counts(cls, graphs: Iterable[GraphCounts]) -> TermTable:
        """The table of the files whose counts are ``graphs``, merged at once."""
        table = cls()
        table.update(graphs, ())
        return table

    def update(self, added: Iterable[GraphCounts], removed: Iterable[GraphCounts]) -> None:
        """Add the counts of the files ``added`` and subtract those of ``removed`` (files the
        table counted before). Raises ValueError when ``removed`` holds what the table never
        counted: it does not describe those files."""
        plus: dict[str, list[np.ndarray]] = {}
        minus: dict[str, list[np.ndarray]] = {}
        for sign, graphs, into in ((1, added, plus), (-1, removed, minus)):
            for g in graphs:
                self.triples += sign * g.triples
                for prop in g.properties:
                    self.properties[prop] += sign
                for link, n in g.links.items():
                    self.links[link] += sign * n
                for name, hashes in _keyed(g).items():
                    if len(hashes):
                        into.setdefault(name, []).append(hashes)
        if self.triples < 0 or any(n < 0 for n in self.properties.values()):
            raise ValueError("removed counts the table does not hold")
        self.properties = +self.properties
        self.links = +self.links
        for name in sorted(set(plus) | set(minus)):
            self._apply(name, plus.get(name, []), minus.get(name, []))

    def _apply(self, name: str, plus: list[np.ndarray], minus: list[np.ndarray]) -> None:
        if not minus and name not in self.keys:
            self._fill(name, plus)
            return
        ups = np.concatenate(plus) if plus else _EMPTY
        downs = np.concatenate(minus) if minus else _EMPTY
        terms, where = np.unique(np.concatenate([ups, downs]), return_inverse=True)
        signs = np.concatenate([np.ones(len(ups), np.int64), -np.ones(len(downs), np.int64)])
        delta = np.bincount(where, weights=signs, minlength=len(terms)).astype(np.int64)
        keys = self.keys.get(name, _EMPTY)
        counts = self.counts.get(name, np.zeros(0, dtype=np.int64)).astype(np.int64)
        at = np.searchsorted(keys, terms)
        held = at < len(keys)
        held[held] = keys[at[held]] == terms[held]
        counts[at[held]] += delta[held]
        fresh = ~held & (delta != 0)
        if (delta[fresh] < 0).any() or (counts < 0).any():
            raise ValueError(f"removed counts of {name} the table does not hold")
        # New terms go in at their places (one copy of the table); terms at zero leave it.
        keys = np.insert(keys, at[fresh], terms[fresh])
        counts = np.insert(counts, at[fresh], delta[fresh])
        alive = counts > 0
        if not alive.all():
            keys, counts = keys[alive], counts[alive]
        if len(keys):
            self.keys[name], self.counts[name] = keys, counts
        else:
            self.keys.pop(name, None)
            self.counts.pop(name, None)

    def _fill(self, name: str, plus: list[np.ndarray]) -> None:
        """A table the graphs' hashes alone make (a build with no table to start from): each
        graph's array is sorted already, so a stable sort (Timsort) of them end to end merges
        runs rather than sorting the whole anew, and the count of a term is the length of its
        run of equal hashes."""
        ups = np.concatenate(plus) if plus else _EMPTY
        if not len(ups):
            return
        ups.sort(kind="stable")
        first = np.empty(len(ups), dtype=bool)
        first[0] = True
        np.not_equal(ups[1:], ups[:-1], out=first[1:])
        starts = np.flatnonzero(first)
        self.keys[name] = ups[starts]
        self.counts[name] = np.diff(np.append(starts, len(ups))).astype(np.int64)

    def distinct(self, name: str) -> int:
        return len(self.keys.get(name, _EMPTY))

    def to_json(self, per_graph: dict[str, int]) -> dict[str, Any]:
        """The store's counts as :func:`union_counts` gives them; ``per_graph``: the triples
        of each named graph (from the manifest, which lists each graph's files)."""
        classes = [n for n in self.keys if n.startswith("class ")]
        return {
            "triples": self.triples,
            "entities": self.distinct("entities"),
            "properties": len(self.properties),
            "subjects": self.distinct("subjects"),
            "objects": self.distinct("objects"),
            "classes": sorted([n[len("class ") :], self.distinct(n)] for n in classes),
            "per_graph": sorted([g, n] for g, n in per_graph.items() if n),
            "links": sorted([p, o, n] for (p, o), n in self.links.items()),
        }

    def write(self, path: Path, files: str) -> None:
        """The table into ``path`` (a JSON header, then each table's hashes and counts);
        ``files`` names the set of files it counts, checked by :meth:`read`."""
        names = sorted(self.keys)
        meta = {
            "files": files,
            "triples": self.triples,
            "properties": sorted([p, n] for p, n in self.properties.items()),
            "links": sorted([p, o, n] for (p, o), n in self.links.items()),
            "tables": [[n, len(self.keys[n])] for n in names],
        }
        head = json.dumps(meta).encode("utf-8")
        with open(path, "wb") as f:
            f.write(len(head).to_bytes(8, "little") + head)
            for n in names:
                f.write(np.asarray(self.keys[n], dtype="<u8").tobytes())
                f.write(np.asarray(self.counts[n], dtype="<u4").tobytes())

    @classmethod
    def read(cls, path: Path, files: str) -> TermTable | None:
        """The table at ``path`` if it counts the set of files named ``files``, else None."""
        try:
            data = path.read_bytes()
            size = int.from_bytes(data[:8], "little")
            meta = json.loads(data[8 : 8 + size].decode("utf-8"))
            if meta.get("files") != files:
                return None
            table = cls()
            table.triples = int(meta["triples"])
            table.properties = Counter({p: int(n) for p, n in meta["properties"]})
            table.links = Counter({(p, o): int(n) for p, o, n in meta["links"]})
            at = 8 + size
            for name, n in meta["tables"]:
                table.keys[name] = np.frombuffer(data, "<u8", n, at).astype(np.uint64)
                at += 8 * n
                table.counts[name] = np.frombuffer(data, "<u4", n, at).astype(np.int64)
                at += 4 * n
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return table


__all__ = [
    "COUNTS_FILE",
    "TABLE_FILE",
    "TermTable",
    "LINK_PREDICATES",
    "SUFFIX",
    "GraphCounter",
    "GraphCounts",
    "count_graph",
    "read_graph_counts",
    "union_counts",
    "write_graph_counts",
]
