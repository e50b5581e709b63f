"""The store's VoID term table kept on disk in segments, so that a rebuild reads and writes what
its change reaches, not the whole table.

:class:`kg.store.voidcounts.TermTable` holds, per table (subjects, objects, typed entities, each
class's members), every distinct term hash of the union with the number of graph files it
occurs in. Read and written whole by every build, it grows with the store (35 MB at 10,000
appeals, about a second to read, update and write). Here the same table is a list of
**segments**, immutable files in the folder the generations share (:mod:`kg.store.chunks`):

- a segment holds, per table, sorted term hashes and each one's count (``void-segment_<token>``,
  the layout of :meth:`TermTable.write`); the first segment (the *base*) holds every term of
  the union, each later one the terms whose count changed since the segments before it, with
  the new count (0: the term left the union). The newest segment holding a term gives its
  count;
- the generation's ``export/void-table.json`` lists its segments, oldest first, with the set
  of files they count (checked before use), the triples, properties and links, and the
  distinct count of each table;
- a rebuild looks up the counts of the terms its added and dropped files hold (a binary search
  in each memory-mapped segment: only the pages it touches are read), writes one new segment
  of the changed counts and a new ``void-table.json``; the distinct counts change by the terms
  that reached or left zero. Then, while the newest segment is at least half the size of the
  one before it, the two are merged into one (into the base: terms at zero dropped), so that a
  generation lists a handful of segments and each term is rewritten a logarithmic number of
  times over many rebuilds.

Nothing is changed in place: a generation's segments stay as they are while a generation lists
them (:func:`kg.store.chunks.write_chunks` keeps the files of this generation and of the one it
started from), so an interrupted build leaves the previous generation's table as it was.
"""

from __future__ import annotations

import json
import mmap
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from kg.store.voidcounts import GraphCounts, TermTable, _keyed

TABLE_JSON = "void-table.json"
SEGMENT = "void-segment"  # a segment's file name: void-segment_<token>.bin in the shared folder
SEGMENT_SUFFIX = ".bin"
VERSION = 1
MERGE_RATIO = 2  # merge the newest segment into the one before once it is 1/MERGE_RATIO its size

_EMPTY_KEYS = np.zeros(0, dtype=np.uint64)
_EMPTY_COUNTS = np.zeros(0, dtype=np.int64)


class Segment:
    """One segment file, memory-mapped: its tables' hashes and counts are read where looked
    at."""

    def __init__(self, path: Path) -> None:
        self.path = path
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            self._map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) if size else None
        data = self._map if self._map is not None else b""
        head = int.from_bytes(data[:8], "little")
        meta = json.loads(bytes(data[8 : 8 + head]).decode("utf-8"))
        self.tables: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        at = 8 + head
        for name, n in meta["tables"]:
            keys = np.frombuffer(data, "<u8", n, at)  # type: ignore[call-overload]
            at += 8 * n
            counts = np.frombuffer(data, "<u4", n, at)  # type: ignore[call-overload]
            at += 4 * n
            self.tables[name] = (keys, counts)
        self.entries = sum(len(k) for k, _ in self.tables.values())

    def table(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        return self.tables.get(name, (_EMPTY_KEYS, _EMPTY_COUNTS))

    def close(self) -> None:
        self.tables.clear()
        if self._map is not None:
            try:
                self._map.close()
            except BufferError:  # an array still looks at it: closed when collected
                pass


def write_segment(path: Path, tables: dict[str, tuple[np.ndarray, np.ndarray]]) -> int:
    """A segment file of ``tables`` (name -> sorted hashes, counts); returns its entries."""
    names = sorted(n for n, (keys, _c) in tables.items() if len(keys))
    meta = {"tables": [[n, len(tables[n][0])] for n in names]}
    head = json.dumps(meta).encode("utf-8")
    with open(path, "wb") as f:
        f.write(len(head).to_bytes(8, "little") + head)
        for n in names:
            keys, counts = tables[n]
            f.write(np.ascontiguousarray(keys, dtype="<u8").tobytes())
            f.write(np.ascontiguousarray(counts, dtype="<u4").tobytes())
    return sum(len(tables[n][0]) for n in names)


class KeptTable:
    """The VoID term table of one generation: its segments (in ``pool``) and summary."""

    def __init__(self, pool: Path, meta: dict[str, Any]) -> None:
        self.pool = pool
        self.files: str = meta["files"]
        self.segment_names: list[str] = list(meta["segments"])
        self.triples = int(meta["triples"])
        self.properties: Counter = Counter({p: int(n) for p, n in meta["properties"]})
        self.links: Counter = Counter({(p, o): int(n) for p, o, n in meta["links"]})
        self.distinct: dict[str, int] = {n: int(d) for n, d in meta["distinct"]}
        self._segments: list[Segment] | None = None
        # The segments this table wrote (a merge's inputs among them, which it no longer lists).
        self.written: list[str] = []

    # ---- reading and writing -----------------------------------------------------------

    @classmethod
    def read(cls, folder: Path, pool: Path, files: str) -> KeptTable | None:
        """The table a generation's export ``folder`` lists, if it counts the set of files
        named ``files`` and its segments are in ``pool``; else None."""
        try:
            meta = json.loads((folder / TABLE_JSON).read_text(encoding="utf-8"))
            if meta.get("version") != VERSION or meta.get("files") != files:
                return None
            table = cls(pool, meta)
            if not all(table.segment_path(n).is_file() for n in table.segment_names):
                return None
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return table

    @classmethod
    def from_table(cls, table: TermTable, pool: Path, name: str) -> KeptTable:
        """A kept table of one segment (written as ``name`` in ``pool``) from a whole table."""
        write_segment(
            pool / f"{name}{SEGMENT_SUFFIX}",
            {n: (table.keys[n], table.counts[n]) for n in table.keys},
        )
        kept = cls(
            pool,
            {
                "files": "",
                "segments": [name],
                "triples": table.triples,
                "properties": list(table.properties.items()),
                "links": [[p, o, n] for (p, o), n in table.links.items()],
                "distinct": [[n, len(k)] for n, k in table.keys.items()],
            },
        )
        kept.written.append(name)
        return kept

    def segment_path(self, name: str) -> Path:
        return self.pool / f"{name}{SEGMENT_SUFFIX}"

    def segments(self) -> list[Segment]:
        if self._segments is None:
            self._segments = [Segment(self.segment_path(n)) for n in self.segment_names]
        return self._segments

    def close(self) -> None:
        for s in self._segments or []:
            s.close()
        self._segments = None

    def write(self, folder: Path, files: str) -> None:
        """The generation's ``void-table.json`` (``files`` names the files it counts)."""
        self.files = files
        meta = {
            "version": VERSION,
            "files": files,
            "segments": self.segment_names,
            "triples": self.triples,
            "properties": sorted([p, n] for p, n in self.properties.items()),
            "links": sorted([p, o, n] for (p, o), n in self.links.items()),
            "distinct": sorted([n, d] for n, d in self.distinct.items() if d),
        }
        (folder / TABLE_JSON).write_text(json.dumps(meta), encoding="utf-8")

    # ---- counts ------------------------------------------------------------------------

    def lookup(self, name: str, terms: np.ndarray) -> np.ndarray:
        """The counts of ``terms`` (sorted, distinct hashes) in table ``name``: the newest
        segment holding each gives it; 0 for a term none holds."""
        counts = np.zeros(len(terms), dtype=np.int64)
        todo = np.arange(len(terms))
        for segment in reversed(self.segments()):
            if not len(todo):
                break
            keys, values = segment.table(name)
            if not len(keys):
                continue
            wanted = terms[todo]
            at = np.searchsorted(keys, wanted)
            hit = at < len(keys)
            hit[hit] = keys[at[hit]] == wanted[hit]
            counts[todo[hit]] = values[at[hit]]
            todo = todo[~hit]
        return counts

    def update(
        self, added: Iterable[GraphCounts], removed: Iterable[GraphCounts], name: str
    ) -> None:
        """Add the counts of the files ``added``, subtract those of ``removed`` (files the
        table counted), and write the changed counts as a new segment ``name`` (then merge
        segments, see the module's docstring). Raises ValueError when ``removed`` holds what
        the table never counted."""
        plus: dict[str, list[np.ndarray]] = {}
        minus: dict[str, list[np.ndarray]] = {}
        triples, properties, links = self.triples, Counter(self.properties), Counter(self.links)
        for sign, graphs, into in ((1, added, plus), (-1, removed, minus)):
            for g in graphs:
                triples += sign * g.triples
                for prop in g.properties:
                    properties[prop] += sign
                for link, n in g.links.items():
                    links[link] += sign * n
                for table, hashes in _keyed(g).items():
                    if len(hashes):
                        into.setdefault(table, []).append(hashes)
        if triples < 0 or any(n < 0 for n in properties.values()):
            raise ValueError("removed counts the table does not hold")
        changed: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        distinct = dict(self.distinct)
        for table in sorted(set(plus) | set(minus)):
            ups = np.concatenate(plus[table]) if table in plus else _EMPTY_KEYS
            downs = np.concatenate(minus[table]) if table in minus else _EMPTY_KEYS
            terms, where = np.unique(np.concatenate([ups, downs]), return_inverse=True)
            signs = np.concatenate([np.ones(len(ups), np.int64), -np.ones(len(downs), np.int64)])
            delta = np.bincount(where, weights=signs, minlength=len(terms)).astype(np.int64)
            moved = delta != 0
            terms, delta = terms[moved], delta[moved]
            old = self.lookup(table, terms)
            new = old + delta
            if (new < 0).any():
                raise ValueError(f"removed counts of {table} the table does not hold")
            distinct[table] = (
                distinct.get(table, 0) + int(((old == 0) & (new > 0)).sum())
                - int(((old > 0) & (new == 0)).sum())
            )  # fmt: skip
            if len(terms):
                changed[table] = (terms, new)
        self.triples, self.properties, self.links = triples, +properties, +links
        self.distinct = {n: d for n, d in distinct.items() if d}
        if changed:
            write_segment(self.segment_path(name), changed)
            self.written.append(name)
            self.close()
            self.segment_names.append(name)
            self._merge(name)

    def _merge(self, name: str) -> None:
        """Merge the newest segment into the one before while it is at least
        1/:data:`MERGE_RATIO` of its size; the merged segment is written under a name made
        from ``name``."""
        merges = 0
        while len(self.segment_names) >= 2:
            older, newer = self.segments()[-2:]
            if newer.entries * MERGE_RATIO < older.entries:
                break
            merges += 1
            base = len(self.segment_names) == 2
            merged_name = f"{name}-m{merges}"
            tables: dict[str, tuple[np.ndarray, np.ndarray]] = {}
            for table in sorted(set(older.tables) | set(newer.tables)):
                tables[table] = _merge_table(older.table(table), newer.table(table), base)
            write_segment(self.segment_path(merged_name), tables)
            self.written.append(merged_name)
            self.close()
            self.segment_names[-2:] = [merged_name]

    def to_json(self, per_graph: dict[str, int]) -> dict[str, Any]:
        """The store's counts as :meth:`TermTable.to_json` gives them."""
        classes = [n for n in self.distinct if n.startswith("class ")]
        return {
            "triples": self.triples,
            "entities": self.distinct.get("entities", 0),
            "properties": len(self.properties),
            "subjects": self.distinct.get("subjects", 0),
            "objects": self.distinct.get("objects", 0),
            "classes": sorted([n[len("class ") :], self.distinct[n]] for n in classes),
            "per_graph": sorted([g, n] for g, n in per_graph.items() if n),
            "links": sorted([p, o, n] for (p, o), n in self.links.items()),
        }

    def whole(self) -> TermTable:
        """The table as one :class:`TermTable` (every segment merged; for tests and checks)."""
        out = TermTable()
        out.triples, out.properties, out.links = (
            self.triples,
            Counter(self.properties),
            Counter(self.links),
        )
        segments = self.segments()
        names = sorted({n for s in segments for n in s.tables})
        for table in names:
            keys, counts = _EMPTY_KEYS, _EMPTY_COUNTS
            for s in segments:
                keys, counts = _merge_table((keys, counts), s.table(table), True)
            if len(keys):
                out.keys[table] = keys.astype(np.uint64)
                out.counts[table] = counts.astype(np.int64)
        return out


def _merge_table(
    older: tuple[np.ndarray, np.ndarray], newer: tuple[np.ndarray, np.ndarray], base: bool
) -> tuple[np.ndarray, np.ndarray]:
    """Two segments' entries of one table as one: the newer count wins; into the base, the
    terms at zero are dropped."""
    old_keys, old_counts = older
    new_keys, new_counts = newer
    keep = ~np.isin(old_keys, new_keys, assume_unique=True)
    keys = np.concatenate([old_keys[keep], new_keys]).astype(np.uint64)
    counts = np.concatenate([old_counts[keep], new_counts]).astype(np.int64)
    order = np.argsort(keys, kind="stable")
    keys, counts = keys[order], counts[order]
    if base:
        alive = counts > 0
        keys, counts = keys[alive], counts[alive]
    return keys, counts


def segment_names(folder: Path) -> list[str]:
    """The segments a generation's export ``folder`` lists (none if it has no kept table)."""
    try:
        meta = json.loads((folder / TABLE_JSON).read_text(encoding="utf-8"))
        return [str(n) for n in meta["segments"]]
    except (OSError, ValueError, KeyError, TypeError):
        return []


__all__ = ["SEGMENT", "TABLE_JSON", "KeptTable", "Segment", "segment_names", "write_segment"]
