"""Identity resolution kept between builds: a changed record meets only its candidates.

:func:`kg.record.identity.resolve_items` decides over every item. Its rules act on a pair only
when the two share a blocking key (:mod:`kg.record.blocking`), and a union or a review row joins
only items of one *component*: the items linked, directly or through others, by shared keys (or
by a curated decision). A cluster is made only by unions of items sharing a *merge key*
(:func:`merges`: a full name, an organisation's or instrument's name, a curated decision); the
other keys give review rows only. So a build that keeps the previous resolution and the key
index resolves again only the *merge components* a change reaches, each with the items a rule
may pair with one of its items (:func:`_resolve_around`), and keeps the rest:

- the merge components, in the previous index, of the items of changed and removed records (a
  change can split one: its unchanged items are resolved again);
- the merge components, in the index brought up to date, of the items of changed and added
  records, and of those unchanged items;
- persons read the clusters of their organisations ("same organisation"): organisations and
  instruments are resolved first, and the persons of a record whose organisation's cluster
  changed (among unchanged items) are resolved again with their merge components.

An item changed only in fields no rule reads (:data:`LABEL_FIELDS`) keeps its decisions: its
cluster's label, spellings and IRI are made again from the cluster's :data:`LabelState` (the
other members are not read), and its review rows' names from its own. The index keeps each
item's cluster and review rows, and its clusters and rows sorted, so that a change takes out
and puts in what it touches by key, not by a pass over every cluster and row.

Each part is resolved with the items in the order a full resolution takes them, so that its
unions and review rows are the ones the full resolution makes; ``tests/test_identity_index.py``
compares the two after changes that add, remove, split and join clusters. A resolution of
everything in parts solves the parts of each phase in processes forked for it, on the cores
the build's workers leave idle while this process resolves.

The index (:class:`IdentityIndex`) is kept beside the stores; one of another version or another
context (the code that makes items, the curated decisions) is not used: the build resolves
everything and writes a new one.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import itertools
import marshal
import multiprocessing
import operator
import os
import pickle
import sqlite3
import tempfile
from array import array
from bisect import bisect_left, insort
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Self, TypeVar

from rdflib import URIRef

from kg.record.blocking import deletion_variants
from kg.record.identity import (
    KIND_PATH,
    ORG_PHASE,
    PERSON_PHASE,
    Cluster,
    Decision,
    Item,
    Key,
    Resolution,
    ReviewRow,
    check_decisions,
    fullest_counted,
    load_decisions,
    person_block_keys,
    person_hub_keys,
    person_member_keys,
    resolve_part,
)
from kg.record.keytable import HUB, MEMBER, DiskKeys, MemoryKeys, joined_keys, load_keys
from kg.record.reviewrows import DiskRows, MemoryRows, ReviewRows, load_rows, packed_row
from kg.vocab import AKR

K = TypeVar("K")
V = TypeVar("V")

# 5: the keys and postings in a table of their own (kg.record.keytable); 6: each appeal's
# marks and the item numbers kept as marshalled bytes, read when asked for (IdentityIndex);
# 7: a mark's digest in two, what the rules read and what only a cluster's label reads;
# 8: each item's cluster, each item's review rows and each cluster's label state kept;
# 9: with the key table on disk, the marks, label states and item numbers are rows of its
# file, read and written by key (_Packed.attach, _Numbers), not pickled; 10: a person's mark
# with a third digest, of the fields the rules read but its merge keys (a lone key, _rekeyed);
# 11: the review rows kept as rows of the key table's file (kg.record.reviewrows), each item's
# cluster and each cluster by its first member made again from the clusters, not pickled;
# 12: with the key table on disk, each clustered item's cluster a row of its file (ClusterOf)
INDEX_VERSION = 12
KEYS_FILE = "identity-keys.sqlite"  # beside the index's pickle, when on disk
# An item as a record gives it: its key, kind, place among the record's items of that kind,
# a digest of the fields the rules read and one of the others (:data:`LABEL_FIELDS`). An item
# whose mark is unchanged is the same item in the same order relative to every other item it
# may meet (those of its kind), so a changed record resolves again only the components of its
# items that changed, came or went; an item whose mark differs in the second digest alone is
# decided as before (its cluster's label, spellings and IRI made again, its review rows given
# its name). A person's mark has a third digest, of the fields the rules read but its merge
# keys (``keys``): one whose mark differs in its merge keys alone, all of them added or removed
# held by no other item, is decided as before too (:func:`_rekeyed`).
Mark = tuple[Key, str, int, str, str] | tuple[Key, str, int, str, str, str]
# Fields of an item that no rule reads: its cluster's label, spellings and IRI, and its review
# rows' names, do (kg.record.identity: _cluster, resolve_part's propose).
LABEL_FIELDS = frozenset({"name", "spellings", "own_key", "since"})
# HUB, MEMBER: star keys (kg.record.keytable): a hub meets every member, members do not meet


class _Packed(MutableMapping[K, V]):
    """Values saved marshalled apart, and read back as those bytes: a value is made again
    only when asked for, so that a build that changes a few records loads only theirs.

    Attached to a key table kept on disk (:meth:`attach`), the values are rows of its file,
    read by key when asked for: the map then holds only what this build read or set, and
    what it deleted, and :meth:`save_to` writes those rows back (the others are not read)."""

    TABLE = ""  # its table in a key table's file (kg.record.keytable.VALUE_TABLES)

    def __init__(self, values: Mapping[K, V] | None = None) -> None:
        self._raw: dict[K, V | bytes] = dict(values or {})
        self._disk: DiskKeys | None = None
        self._gone: set[K] = set()  # deleted since read from the disk

    @staticmethod
    def _text(key: K) -> str:
        return key  # type: ignore[return-value]

    @staticmethod
    def _key(text: str) -> K:
        return text  # type: ignore[return-value]

    def attach(self, disk: DiskKeys) -> None:
        """Read the values not set in this map from ``disk``'s file, by key."""
        self._disk = disk

    def _read(self, key: K) -> bytes | None:
        if self._disk is None or key in self._gone:
            return None
        return self._disk.value(self.TABLE, self._text(key))

    def __getitem__(self, key: K) -> V:
        found = self._raw.get(key)
        if found is None:
            found = self._read(key)
            if found is None:
                raise KeyError(key)
        if isinstance(found, bytes):
            found = self._raw[key] = marshal.loads(found)  # noqa: S302 - the index's own
        return found  # type: ignore[return-value]

    def __setitem__(self, key: K, value: V) -> None:
        self._raw[key] = value
        self._gone.discard(key)

    def __delitem__(self, key: K) -> None:
        if key not in self:
            raise KeyError(key)
        self._raw.pop(key, None)
        if self._disk is not None:
            self._gone.add(key)

    def _keys(self) -> dict[K, None]:
        keys = dict.fromkeys(self._raw)
        if self._disk is not None:
            for text, _v in self._disk.values(self.TABLE):
                key = self._key(text)
                if key not in self._gone:
                    keys[key] = None
        return keys

    def __iter__(self) -> Iterator[K]:
        return iter(self._keys() if self._disk is not None else self._raw)

    def __len__(self) -> int:
        return len(self._keys()) if self._disk is not None else len(self._raw)

    def __contains__(self, key: object) -> bool:
        if key in self._raw:
            return True
        if self._disk is None or key in self._gone:
            return False
        return self._disk.has_value(self.TABLE, self._text(key))  # type: ignore[arg-type]

    def saved(self) -> dict[K, bytes]:
        """Each value as bytes (those never read are the bytes they were read as)."""
        return {k: v if isinstance(v, bytes) else marshal.dumps(v) for k, v in self._raw.items()}

    def save_to(self, disk: DiskKeys) -> None:
        """The values this map holds (every one, for a map not attached) and the deletions
        since it was attached written as rows of ``disk``'s file."""
        disk.drop_values(self.TABLE, (self._text(k) for k in self._gone))
        disk.put_values(self.TABLE, ((self._text(k), v) for k, v in self.saved().items()))
        self._gone.clear()

    @classmethod
    def from_saved(cls, raw: dict[K, bytes]) -> Self:
        packed = cls()
        packed._raw = dict(raw)  # type: ignore[arg-type]
        return packed


def _packed_clusters(clusters: list[Cluster]) -> bytes:
    return marshal.dumps(
        [(c.kind, c.members, str(c.iri), c.label, c.variants, c.reasons) for c in clusters]
    )


def _unpacked_clusters(data: bytes) -> list[Cluster]:
    rows = marshal.loads(data)  # noqa: S302 - the index's own
    return [Cluster(k, m, URIRef(i), label, v, r) for k, m, i, label, v, r in rows]


def _key_text(key: Key) -> str:
    """An item's key as one string (neither part holds the separator: both are ids)."""
    return f"{key[0]}\x1f{key[1]}"


def _text_key(text: str) -> Key:
    appeal, _sep, local = text.partition("\x1f")
    return (appeal, local)


class Marks(_Packed[str, tuple[Mark, ...]]):
    """Appeal -> the marks of its items, each appeal's made tuples again only when asked for
    (loading every record's was about a fifth of the index's loading time at 10,000
    appeals)."""

    TABLE = "mark"


# What a cluster's label, spellings and IRI are made from (kg.record.identity._cluster), kept
# so that an item changed in fields no rule reads changes its cluster without the other
# members being read: each member's (name, spellings, stored key, appeal date, pin); how often
# each name is a member's (and a pinned member's); the members by (appeal date, key, stored
# key), the first giving the IRI; and where each spelling is given, (member, place in its
# name and spellings), in order, the first placing the spelling among the cluster's.
LabelState = tuple[
    dict[Key, tuple[str, tuple[str, ...], str, str, str | None]],
    dict[str, int],
    dict[str, int],
    list[tuple[str, Key, str]],
    dict[str, list[tuple[Key, int]]],
]


class ClusterOf(_Packed[Key, Key]):
    """Clustered item -> its cluster's first member, as rows of the key table's file: a
    change reads the rows of the items it reaches (at 100,000 appeals, 1.7 million items are
    clustered; making the map from every cluster took 1.6 s of each rebuild)."""

    TABLE = "cluster_of"
    _text = staticmethod(_key_text)  # type: ignore[assignment]
    _key = staticmethod(_text_key)  # type: ignore[assignment]


class LabelStates(_Packed[Key, LabelState]):
    """Cluster (its first member) -> its :data:`LabelState`, made again only when its
    cluster is labelled again."""

    TABLE = "label"
    _text = staticmethod(_key_text)  # type: ignore[assignment]
    _key = staticmethod(_text_key)  # type: ignore[assignment]

    def put_packed(self, first: Key, state: LabelState) -> None:
        """``state`` kept as the bytes it is saved as: a full resolution makes one for every
        cluster, which held as objects until the index is written would add to its peak
        memory."""
        self._raw[first] = marshal.dumps(state)


# What a union of a cluster reads of its members (kg.record.identity._Clusters' summary): its
# pins, its values of each attribute of _Clusters.ATTRS, and the maximum penalties of each
# article, each sorted.
Summary = tuple[
    tuple[str, ...], tuple[tuple[str, ...], ...], tuple[tuple[str, tuple[str, ...]], ...]
]
SUMMARY_ATTRS = ("country", "gender", "date", "subkind")


def summary_of(group: Iterable[Item]) -> Summary:
    """The :data:`Summary` of a cluster of ``group``."""
    pins: set[str] = set()
    attrs: list[set[str]] = [set() for _ in SUMMARY_ATTRS]
    penalties: dict[str, set[str]] = {}
    for item in group:
        if item.pinned:
            pins.add(item.pinned)
        for values, attr in zip(attrs, SUMMARY_ATTRS, strict=True):
            value = getattr(item, attr)
            if value is not None:
                values.add(value)
        for art, pen in item.penalties.items():
            penalties.setdefault(art, set()).add(pen)
    return (
        tuple(sorted(pins)),
        tuple(tuple(sorted(v)) for v in attrs),
        tuple((art, tuple(sorted(p))) for art, p in sorted(penalties.items())),
    )


class _Numbers:
    """The item numbers of an index whose key table is on disk (:class:`DiskKeys`): rows of
    its file, read by number or by item when asked for; what this build read or changed is
    held, and the changed numbers written back (:meth:`save_to`). Seen as ``ids`` (number ->
    item, None where free) and ``id_of`` (item -> number) through :class:`_Ids` and
    :class:`_IdOf`."""

    def __init__(self, disk: DiskKeys, size: int) -> None:
        self.disk = disk
        self.size = size  # one past the highest number given
        self.item: dict[int, Key | None] = {}
        self.number: dict[Key, int | None] = {}
        self.changed: set[int] = set()

    def item_of(self, n: int) -> Key | None:
        if n not in self.item:
            text = self.disk.item_of(n)
            self._seen(n, None if text is None else _text_key(text))
        return self.item[n]

    def items_of(self, numbers: Iterable[int]) -> list[Key | None]:
        wanted = list(numbers)
        missing = [n for n in wanted if n not in self.item]
        if missing:
            found = dict(self.disk.items_of(missing))
            for n in missing:
                text = found.get(n)
                self._seen(n, None if text is None else _text_key(text))
        return [self.item[n] for n in wanted]

    def _seen(self, n: int, key: Key | None) -> None:
        self.item[n] = key
        if key is not None:
            self.number.setdefault(key, n)

    def number_of(self, key: Key) -> int | None:
        if key not in self.number:
            n = self.disk.number_of(_key_text(key))
            self.number[key] = n
            if n is not None:
                self.item.setdefault(n, key)
        return self.number[key]

    def give(self, n: int, key: Key | None) -> None:
        """Number ``n`` given to ``key`` (None: freed)."""
        self.item[n] = key
        if key is not None:
            self.number[key] = n
        self.changed.add(n)
        self.size = max(self.size, n + 1)

    def drop(self, key: Key) -> int | None:
        n = self.number_of(key)
        if n is not None:
            self.number[key] = None
            if self.item.get(n) == key:
                self.give(n, None)
        return n

    def every(self) -> list[Key | None]:
        """Every number's item, read whole (tests, a full look)."""
        out: list[Key | None] = [None] * self.size
        for n, text in self.disk.numbers():
            out[n] = _text_key(text)
        for n in self.changed:
            out[n] = self.item[n]
        return out

    def save_to(self, disk: DiskKeys) -> None:
        items = {n: self.item[n] for n in sorted(self.changed)}
        disk.put_numbers(
            [n for n, k in items.items() if k is None],
            [(n, _key_text(k)) for n, k in items.items() if k is not None],
        )
        self.changed.clear()


class _Ids:
    """``IdentityIndex.ids`` over :class:`_Numbers`: number -> item (None: free)."""

    def __init__(self, numbers: _Numbers) -> None:
        self.numbers = numbers

    def __getitem__(self, n: int) -> Key | None:
        return self.numbers.item_of(n)

    def __setitem__(self, n: int, key: Key | None) -> None:
        if key is None:
            old = self.numbers.item_of(n)
            if old is not None and self.numbers.number.get(old) == n:
                self.numbers.number[old] = None
        self.numbers.give(n, key)

    def append(self, key: Key) -> None:
        self.numbers.give(self.numbers.size, key)

    def __len__(self) -> int:
        return self.numbers.size

    def __iter__(self) -> Iterator[Key | None]:
        return iter(self.numbers.every())

    def __eq__(self, other: object) -> bool:
        return list(self) == list(other)  # type: ignore[call-overload]

    def many(self, numbers: Iterable[int]) -> list[Key | None]:
        return self.numbers.items_of(numbers)


class _IdOf(MutableMapping[Key, int]):
    """``IdentityIndex.id_of`` over :class:`_Numbers`: item -> number."""

    def __init__(self, numbers: _Numbers) -> None:
        self.numbers = numbers

    def __getitem__(self, key: Key) -> int:
        n = self.numbers.number_of(key)
        if n is None:
            raise KeyError(key)
        return n

    def __contains__(self, key: object) -> bool:
        return self.numbers.number_of(key) is not None  # type: ignore[arg-type]

    def __setitem__(self, key: Key, n: int) -> None:
        self.numbers.give(n, key)

    def __delitem__(self, key: Key) -> None:
        if self.numbers.drop(key) is None:
            raise KeyError(key)

    def _every(self) -> dict[Key, int]:
        return {k: n for n, k in enumerate(self.numbers.every()) if k is not None}

    def __iter__(self) -> Iterator[Key]:
        return iter(self._every())

    def __len__(self) -> int:
        return len(self._every())


def _items_of(index: IdentityIndex, numbers: Iterable[int]) -> list[Key | None]:
    """The items of item ``numbers`` (None where free): from the list, or a few queries."""
    ids = index.ids
    if isinstance(ids, _Ids):
        return ids.many(numbers)
    return [ids[n] for n in numbers]


def _digest(*chunks: Iterable[bytes]) -> bytes:
    h = hashlib.blake2b(digest_size=16)
    for chunk in chunks:
        for part in chunk:
            h.update(len(part).to_bytes(8, "little"))
            h.update(part)
    return h.digest()


@dataclass
class IdentityIndex:
    """What the next build needs to resolve only what a change reaches. Items are numbered, so
    that the postings are lists of small integers (quick to save and to load).

    With its key table on disk (:class:`DiskKeys`, a build's), the marks of each appeal, the
    label state of each cluster and the item numbers are rows of that table's file, read by
    key as a change asks for them and written back where it changed them, in the
    transaction of the key table's own changes (:meth:`attach`, :meth:`save_parts`); the
    pickle holds the rest. Otherwise (keys in memory) all is pickled, the marks, label states
    and item numbers as marshalled bytes (:class:`Marks`; ``ids``, ``id_of`` made again from
    them when first read) with a digest of those bytes, checked as the index is read: a
    build that changes no item reads neither, and damaged bytes make the index unreadable
    (the build resolves everything), not a wrong resolution."""

    context: str  # what the keys and the resolution depend on besides the items
    version: int = INDEX_VERSION
    stamps: dict[str, str] = field(default_factory=dict)  # appeal -> stamp of its record
    marks: Marks = field(default_factory=Marks)  # appeal -> its items' marks
    appeal_items: dict[str, list[Key]] = field(default_factory=dict)
    ids: list[Key | None] = field(default_factory=list)  # number -> item (None: free)
    id_of: dict[Key, int] = field(default_factory=dict)
    # number -> the item's keys, key -> item numbers: in memory or in a file of their own
    table: MemoryKeys | DiskKeys = field(default_factory=MemoryKeys)
    free: list[int] = field(default_factory=list)
    clusters: list[Cluster] = field(default_factory=list)
    # In memory, or rows of the key table's file (kg.record.reviewrows): found by item.
    review_rows: ReviewRows = field(default_factory=MemoryRows)
    # Kept so that a change finds what it touches by key, not by a pass over every cluster:
    # each clustered item's cluster (by its first member) and each cluster by its first
    # member (None: not made yet; made from the clusters, not saved), each cluster's label
    # state (:data:`LabelState`; one missing is made from its members).
    # ``clusters`` and ``review_rows`` are kept sorted as a resolution sorts them, and changed
    # in place.
    of: dict[Key, Key] | ClusterOf | None = None  # rows of the key table's file, if on disk
    by_id: dict[Key, Cluster] | None = None
    labels: LabelStates = field(default_factory=LabelStates)
    # Cluster (its first member) -> its :data:`Summary`, for the organisations' and
    # instruments' clusters a resolution made with their items at hand (one missing is made
    # from its members when a new item would join it: _join_fresh).
    summaries: dict[Key, Summary] = field(default_factory=dict)
    resolved: int = 0  # items the last build resolved (again)
    relabelled: int = 0  # items the last build only labelled again (see Mark)
    # Whether the last build changed nothing but stamps (no item changed, came or went): the
    # index it read may then stand for this one, its stamps being only a shortcut (an appeal
    # whose stamp differs has its items' marks compared, and they are the same).
    unchanged: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.marks, Marks):
            self.marks = Marks(self.marks)
        if not isinstance(self.labels, LabelStates):
            self.labels = LabelStates(self.labels)

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state.pop("id_of", None)
        # Made again from the clusters (_index_tables), or rows of the key table's file.
        state["of"] = state["by_id"] = None
        # Marshalled: millions of small tuples, which pickle writes and reads several times
        # slower (at 100,000 appeals 2.0 and 1.2 s of a rebuild after a 1% change).
        # (A value marshal refuses, a subclass of str say, leaves its part pickled.)
        with suppress(ValueError):
            state["clusters"] = _packed_clusters(self.clusters)
        for name in ("appeal_items", "stamps"):
            with suppress(ValueError):
                state[name] = marshal.dumps(state[name])
        ids = state.pop("ids", None)
        if isinstance(self.table, DiskKeys):
            # Kept as rows of the key table's file (:func:`write_index` wrote them there):
            # the pickle keeps how many numbers were given.
            state["marks"], state["labels"], state["_ids_saved"] = {}, {}, b""
            state["_on_disk"] = len(ids) if ids is not None else state.get("_on_disk", 0)
            state["_saved_digest"] = _digest([b""])
            return state
        state.pop("_on_disk", None)
        packed = state.pop("_ids_saved", None) if ids is None else marshal.dumps(list(ids))
        marks = self.marks.saved()
        labels = self.labels.saved()
        state["marks"] = marks
        state["labels"] = labels
        state["_ids_saved"] = packed
        state["_saved_digest"] = _digest([packed or b""], marks.values(), labels.values())
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        marks = state.pop("marks")
        labels = state.pop("labels", None)  # none in an index of version 7
        packed = state.get("_ids_saved")
        if not isinstance(marks, dict) or not isinstance(packed, bytes):
            raise pickle.UnpicklingError("an identity index of another layout")
        chunks = [[packed], marks.values()]
        if isinstance(labels, dict):
            chunks.append(labels.values())
        if state.pop("_saved_digest", None) != _digest(*chunks):
            raise pickle.UnpicklingError("the identity index's marks or item numbers are damaged")
        if "_on_disk" in state:  # the parts are rows of the key table's file (attach)
            del state["_ids_saved"]
        for name in ("appeal_items", "stamps"):
            if isinstance(state.get(name), bytes):
                state[name] = marshal.loads(state[name])  # noqa: S302 - the index's own
        if isinstance(state.get("clusters"), bytes):
            state["clusters"] = _unpacked_clusters(state["clusters"])  # type: ignore[arg-type]
        self.__dict__.update(state)
        self.__dict__.setdefault("summaries", {})  # none in an index saved before them
        self.marks = Marks.from_saved(marks)
        self.labels = LabelStates.from_saved(labels or {})

    def __getattr__(self, name: str) -> object:
        # ``ids`` and ``id_of`` of an index read from disk: made from its bytes when first read.
        packed = self.__dict__.get("_ids_saved") if name in ("ids", "id_of") else None
        if packed is None:
            raise AttributeError(name)
        ids: list[Key | None] = marshal.loads(packed)  # noqa: S302 - the index's own
        self.ids = ids
        self.id_of = {k: n for n, k in enumerate(ids) if k is not None}
        del self.__dict__["_ids_saved"]
        return self.__dict__[name]

    def attach(self, disk: DiskKeys) -> None:
        """Read the marks, label states and item numbers from ``disk``'s file by key, as a
        change asks for them (an index saved with its key table on disk keeps them there)."""
        numbers = _Numbers(disk, int(self.__dict__.pop("_on_disk", 0)))
        self.ids, self.id_of = _Ids(numbers), _IdOf(numbers)  # type: ignore[assignment]
        self.marks.attach(disk)
        self.labels.attach(disk)
        self.review_rows = DiskRows(disk)
        self.of = ClusterOf()
        self.of.attach(disk)
        self.by_id = {c.members[0]: c for c in self.clusters}

    def load_parts(self, path: Path) -> None:
        """The marks, label states and item numbers kept in the key table's file at ``path``
        read whole into this index (its keys read into memory too: :func:`load_keys`)."""
        size = int(self.__dict__.pop("_on_disk", 0))
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            self.marks = Marks.from_saved(dict(db.execute("SELECT k, v FROM mark")))
            self.labels = LabelStates.from_saved(
                {_text_key(k): v for k, v in db.execute("SELECT k, v FROM label")}
            )
            ids: list[Key | None] = [None] * size
            for n, text in db.execute("SELECT n, item FROM number"):
                ids[n] = _text_key(text)
        finally:
            db.close()
        self.review_rows = load_rows(path)
        self.ids = ids
        self.id_of = {k: n for n, k in enumerate(ids) if k is not None}

    def save_parts(self, disk: DiskKeys) -> None:
        """The marks, label states and item numbers this build read or changed (all of them
        for a new index) written as rows of ``disk``'s file, in its open transaction."""
        self.marks.save_to(disk)
        self.labels.save_to(disk)
        if isinstance(self.of, ClusterOf):
            self.of.save_to(disk)
        elif self.of is not None:  # a new index: every clustered item
            disk.put_values(
                ClusterOf.TABLE, ((_key_text(k), marshal.dumps(v)) for k, v in self.of.items())
            )
        ids = self.ids
        if isinstance(ids, _Ids):
            ids.numbers.save_to(disk)
        else:
            disk.put_numbers([], ((n, _key_text(k)) for n, k in enumerate(ids) if k is not None))

    def add(self, key: Key, keys: list[str]) -> None:
        if self.free:
            n = self.free.pop()
            self.ids[n] = key
        else:
            n = len(self.ids)
            self.ids.append(key)
        self.id_of[key] = n
        self.table.put(n, keys)

    def add_joined(self, keys: list[Key], rows: list[tuple[str, bool, int]]) -> int:
        """:meth:`add` each of ``keys``, its keys as :func:`joined_keys` gives them (made in
        another process), to an index with no free numbers: they take the next numbers, one
        after another, the first of which is returned."""
        if self.free or type(self.ids) is not list or type(self.id_of) is not dict:
            raise ValueError("items added in a batch to an index with numbers to reuse")
        first = len(self.ids)
        self.ids.extend(keys)
        self.id_of.update(zip(keys, range(first, first + len(keys)), strict=True))
        self.table.put_joined(first, rows)
        return first

    def remove(self, key: Key) -> None:
        n = self.id_of.pop(key, None)
        if n is None:
            return
        self.table.drop(n)
        self.ids[n] = None
        self.free.append(n)

    def component(
        self, seeds: Iterable[Key], *, merging: bool = False, walks: _MergeWalks | None = None
    ) -> set[Key]:
        """The items linked to ``seeds`` by shared keys (stars: through a hub only); with
        ``merging``, by shared merge keys only (:func:`merges`): the items whose clusters
        may depend on those of ``seeds``. ``walks`` (merge keys only) keeps what the key
        table gave for the next walk of the same rebuild."""
        seen = {self.id_of[s] for s in seeds if s in self.id_of}
        done: set[str] = set()
        todo = list(seen)
        if walks is not None:
            while todo:
                for k in walks.keys_of(todo.pop()):
                    if k in done:
                        continue
                    done.add(k)
                    for nxt in walks.reach(k):
                        if nxt not in seen:
                            seen.add(nxt)
                            todo.append(nxt)
            return set(_items_of(self, seen))  # type: ignore[arg-type]
        while todo:
            n = todo.pop()
            for k in self.table.keys_of(n):
                if merging and not merges(k):
                    continue
                for nxt in self._neighbours(k, done):
                    if nxt not in seen:
                        seen.add(nxt)
                        todo.append(nxt)
        return set(_items_of(self, seen))  # type: ignore[arg-type]

    def around(self, keys: Iterable[Key]) -> set[Key]:
        """``keys`` and every item a rule may pair with one of them: those sharing a key with
        one (stars: a hub's hubs and members, a member's hubs; members do not meet)."""
        seen = {self.id_of[s] for s in keys if s in self.id_of}
        found = set(seen)
        done: set[str] = set()
        for n in seen:
            for k in self.table.keys_of(n):
                if k in done:
                    continue
                done.add(k)
                if k.startswith(MEMBER):
                    found.update(self.table.members(HUB + k[len(MEMBER) :]))
                    continue
                found.update(self.table.members(k))
                if k.startswith(HUB):
                    found.update(self.table.members(MEMBER + k[len(HUB) :]))
        return set(_items_of(self, found))  # type: ignore[arg-type]

    def _neighbours(self, key: str, done: set[str]) -> Iterator[int]:
        if key.startswith(MEMBER):  # a member reaches the hubs of its key, if any
            key = HUB + key[len(MEMBER) :]
        if key in done:
            return
        done.add(key)
        hubs = self.table.members(key)
        yield from hubs
        if key.startswith(HUB) and hubs:  # a hub reaches every member
            yield from self.table.members(MEMBER + key[len(HUB) :])


def item_marks(items: list[Item]) -> tuple[Mark, ...]:
    """The marks of a record's items, in record order (see :data:`Mark`)."""
    seen: dict[str, int] = {}
    out = []
    for item in items:
        kind = item.kind
        place = seen.get(kind, 0)
        seen[kind] = place + 1
        plain = _plain(item)
        picks = _mark_picks(type(item))
        if picks is not None and isinstance(plain, tuple):
            rules, label, unkeyed = picks
            if kind == "person":
                out.append(
                    (item.key, kind, place, _hex(rules(plain)), _hex(label(plain)),
                     _hex(unkeyed(plain)))
                )  # fmt: skip
            else:
                out.append((item.key, kind, place, _hex(rules(plain)), _hex(label(plain))))
        else:  # not a dataclass: every field counted as read by the rules
            out.append((item.key, kind, place, _hex(plain), _hex(())))
    return tuple(out)


_Pick = Callable[[tuple[object, ...]], tuple[object, ...]]
_PICKS: dict[type, tuple[_Pick, _Pick, _Pick] | None] = {}


def _picker(places: list[int]) -> _Pick:
    """The values at ``places`` of a tuple, as a tuple (one place or none too)."""
    if len(places) > 1:
        return operator.itemgetter(*places)  # type: ignore[return-value]
    if places:
        (at,) = places
        return lambda values: (values[at],)
    return lambda values: ()


def _mark_picks(kind: type) -> tuple[_Pick, _Pick, _Pick] | None:
    """For a dataclass, what :func:`item_marks` hashes of its plain fields (in field order):
    the fields the rules read, the label fields, and the fields the rules read but its keys;
    None for any other type."""
    try:
        return _PICKS[kind]
    except KeyError:
        read = _label_fields(kind)
        picks = None
        if read is not None:
            names = _field_names(kind)
            picks = (
                _picker([n for n, label in enumerate(read) if not label]),
                _picker([n for n, label in enumerate(read) if label]),
                _picker([n for n, label in enumerate(read) if not label and names[n] != "keys"]),
            )
        _PICKS[kind] = picks
        return picks


_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(kind: type) -> tuple[str, ...]:
    if kind not in _NAMES:
        _NAMES[kind] = tuple(f.name for f in dataclasses.fields(kind))
    return _NAMES[kind]


def _hex(value: object) -> str:
    return hashlib.blake2b(repr(value).encode("utf-8"), digest_size=8).hexdigest()


_LABELS: dict[type, tuple[bool, ...] | None] = {}


def _label_fields(kind: type) -> tuple[bool, ...] | None:
    """For each field of a dataclass, in order, whether it is one of :data:`LABEL_FIELDS`."""
    if kind not in _LABELS:
        _LABELS[kind] = (
            tuple(f.name in LABEL_FIELDS for f in dataclasses.fields(kind))
            if dataclasses.is_dataclass(kind)
            else None
        )
    return _LABELS[kind]


def items_digest(items: list[Item]) -> str:
    """A digest of a record's items, in order, that is equal for equal items (sets and
    mappings sorted; every field of :class:`Item` counted, so a new field is too)."""
    h = hashlib.sha256()
    for item in items:
        h.update(repr(_plain(item)).encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()


# Types whose values :func:`_plain` gives back as they are (never a dataclass instance).
_AS_THEY_ARE = frozenset({str, int, float, bool, bytes, type(None)})
# A dataclass's fields read at once (None: not a dataclass).
_FIELDS: dict[type, Callable[[object], tuple[object, ...]] | None] = {}


def _field_values(kind: type) -> Callable[[object], tuple[object, ...]] | None:
    try:
        return _FIELDS[kind]
    except KeyError:
        names = (
            [f.name for f in dataclasses.fields(kind)] if dataclasses.is_dataclass(kind) else None
        )
        values: Callable[[object], tuple[object, ...]] | None = None
        if names is not None and len(names) > 1:
            values = operator.attrgetter(*names)
        elif names is not None:  # attrgetter gives one name's value bare, not in a tuple
            values = lambda v, names=names: tuple(getattr(v, n) for n in names)  # noqa: E731
        _FIELDS[kind] = values
        return values


def _plain(value: object) -> object:
    """``value`` as tuples, sorted sets and mappings and scalars, for :func:`repr`. Every
    record's items go through this on a full build: the exact types met there (strings, sets,
    tuples, :class:`Item`) are told by ``type()``, a collection of scalars is taken as it is
    (a scalar's plain form is itself) and a dataclass's fields are read at once; anything else
    (a subclass) takes the general tests, which give the same values."""
    kind = type(value)
    if kind in _AS_THEY_ARE:
        return value
    if kind is frozenset or kind is set:
        if _AS_THEY_ARE.issuperset(map(type, value)):
            return ("set", sorted(value, key=repr))
        return ("set", sorted(map(_plain, value), key=repr))
    if kind is tuple or kind is list:
        if _AS_THEY_ARE.issuperset(map(type, value)):
            return tuple(value)
        return tuple(map(_plain, value))
    if kind is dict:
        return ("map", sorted(((_plain(k), _plain(v)) for k, v in value.items()), key=repr))
    values = _field_values(kind)
    if values is not None:
        return tuple([v if type(v) in _AS_THEY_ARE else _plain(v) for v in values(value)])
    if isinstance(value, (set, frozenset)):
        return ("set", sorted((_plain(v) for v in value), key=repr))
    if isinstance(value, dict):
        return ("map", sorted(((_plain(k), _plain(v)) for k, v in value.items()), key=repr))
    if isinstance(value, (list, tuple)):
        return tuple(_plain(v) for v in value)
    return value


# Keys on which a rule may join two items in one cluster (a merge key of persons, any key of
# organisations and instruments but their names one edit apart, a curated decision); the
# other keys (a person's first and last name, two of its words, names one edit apart, the
# stars of one-word names) pair items only for review rows.
_MERGING = ("p:k:", "o:", "i:", "d:")
# ... and the same as the hub or a member of a star (HUB and MEMBER are of one length).
_MERGING_ANY = (*_MERGING, *(side + m for side in (HUB, MEMBER) for m in _MERGING))


def merges(key: str) -> bool:
    """Whether two items sharing ``key`` (a key of :func:`component_keys`, or of a decision)
    may be joined in one cluster by a rule: clusters are made within the components of these
    keys alone."""
    return key.startswith(_MERGING_ANY)


class _MergeWalks:
    """What the walks of one rebuild's merge components (:meth:`IdentityIndex.component`
    with ``merging``) read from the key table, kept for the next walk: each item's merge keys
    (a member's key given as its star's hub's) and the items each such key reaches. A
    rebuild walks the same components up to three times (before its change, after it, and
    for the persons it reaches), a recurring name's hundreds of members each time;
    :meth:`forget` drops what an item taken out of the table or put in changes."""

    def __init__(self, index: IdentityIndex) -> None:
        self.table = index.table
        self._keys: dict[int, list[str]] = {}
        self._reach: dict[str, list[int]] = {}

    def keys_of(self, n: int) -> list[str]:
        found = self._keys.get(n)
        if found is None:
            found = self._keys[n] = [_hub_side(k) for k in self.table.keys_of(n) if merges(k)]
        return found

    def reach(self, key: str) -> list[int]:
        """The items ``key`` (as :meth:`keys_of` gives it) links: a star's hub reaches its
        hubs and, when there is one, every member."""
        found = self._reach.get(key)
        if found is None:
            found = self.table.members(key)
            if key.startswith(HUB) and found:
                found = found + self.table.members(MEMBER + key[len(HUB) :])
            self._reach[key] = found
        return found

    def forget(self, n: int, keys: Iterable[str]) -> None:
        """Item ``n``, whose keys are ``keys``, taken out of the table or put in."""
        self._keys.pop(n, None)
        for k in keys:
            self._reach.pop(_hub_side(k), None)


def _hub_side(key: str) -> str:
    return HUB + key[len(MEMBER) :] if key.startswith(MEMBER) else key


def component_keys(item: Item, variants: dict[str, set[str]]) -> list[str]:
    """Every key on which a rule of :mod:`kg.record.identity` may pair ``item`` with another
    (a superset of its blocks; ``variants`` caches deletion neighbourhoods by name).

    Organisations and instruments meet only within one country: an instrument of another
    jurisdiction, or an organisation of another country, is never paired, so that a court
    named in every appeal makes one component per country. An organisation of no stated
    country meets those of every country (it is a hub of a star)."""
    if item.kind == "instrument":
        return [f"i:{k}|{item.country or ''}" for k in item.keys]
    if item.kind == "organisation":
        keys = [f"o:{k}" for k in item.keys]
        if item.tier == "specific" and len(item.full) >= 7:
            keys += [f"o~{v}" for v in _variants(variants, item.full)]
        if item.country is None:
            return [f"{HUB}{k}" for k in keys]
        return [f"{k}|{item.country}" for k in keys] + [f"{MEMBER}{k}" for k in keys]
    out = [f"p:{k}" for k in person_block_keys(item)]
    if len(item.full) >= 6:
        out += [f"p~{v}" for v in _variants(variants, item.full)]
    out += [f"{HUB}{k}" for k in person_hub_keys(item)]
    out += [f"{MEMBER}{k}" for k in person_member_keys(item)]
    return out


# Names whose deletion variants are kept for the next item of the same name: a recurring
# person or organisation costs one neighbourhood while it recurs, and the cache stays bounded
# (kept for every name, it held about 60% of identity resolution's Python memory at its peak,
# and grew with the corpus).
VARIANT_CACHE = 8192


def _variants(cache: dict[str, set[str]], name: str) -> set[str]:
    found = cache.get(name)
    if found is None:
        if len(cache) >= VARIANT_CACHE:
            cache.clear()
        found = cache[name] = deletion_variants(name)
    return found


def _decision_keys(curated: list[Decision]) -> dict[Key, list[str]]:
    """A curated decision links its two items whether or not both exist yet."""
    out: dict[Key, list[str]] = {}
    for d in curated:
        for side in (d.a, d.b):
            out.setdefault(side, []).append(f"d:{d.line}")
    return out


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off: the index and a resolution are millions of small
    objects, none in a cycle, and each collection would walk them all (at 1,000 appeals,
    loading the index took three times as long with it on)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def read_index(
    path: Path,
    work: Path | None = None,
    prepare: Callable[[sqlite3.Connection], None] | None = None,
    hold: Callable[[], None] | None = None,
) -> IdentityIndex | None:
    """The index a build kept at ``path``; None if there is none or it cannot be read (the
    build then resolves everything). Keys kept in a file of their own (:data:`KEYS_FILE`
    beside ``path``) are used from a copy of it at ``work``, which the build changes and
    saves; with ``prepare``, ``work`` is that file itself, changed in place
    (:meth:`kg.record.keytable.DiskKeys.in_place`); without ``work``, they are read into
    memory.

    ``hold`` (:func:`kg.store.memory.held_apart`'s) is called once the index is read, before
    the collector is on again: the objects just loaded would otherwise all be in its youngest
    generation, and its next three passes would each walk every one of them (0.07 s a pass at
    10,000 appeals) before they reached the oldest."""
    if not path.exists():
        return None
    with _collector_paused():
        index = _load_index(path, work, prepare)
        if index is not None and hold is not None:
            hold()
    return index


def _load_index(
    path: Path, work: Path | None, prepare: Callable[[sqlite3.Connection], None] | None
) -> IdentityIndex | None:
    try:
        with open(path, "rb") as f:
            index = pickle.load(f)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, TypeError, ValueError):
        return None
    if not isinstance(index, IdentityIndex) or index.version != INDEX_VERSION:
        return None
    if isinstance(index.table, DiskKeys):
        source = path.parent / index.table.path.name
        if not source.exists():  # kept beside the generations (kg.store.kept's KEPT_DIR)
            source = path.parent.parent / "kept" / index.table.path.name
        try:
            if work is None:
                index.table = load_keys(source)
                index.load_parts(source)
            elif prepare is not None:
                index.table = DiskKeys.in_place(work, prepare)
            else:
                index.table = DiskKeys.copy_of(source, work)
            if isinstance(index.table, DiskKeys):
                index.attach(index.table)
        except (OSError, sqlite3.Error):
            return None
    return index


def write_index(index: IdentityIndex, path: Path, keys: Path | None = None) -> None:
    """Save ``index`` at ``path`` (inside the build's new generation, swapped in whole); keys
    kept on disk are moved to ``keys`` (by default :data:`KEYS_FILE` beside ``path``)."""
    if isinstance(index.table, DiskKeys):
        index.save_parts(index.table)  # committed with the keys, as one transaction
        index.table.save_as(keys or path.parent / KEYS_FILE)
    with _collector_paused(), open(path, "wb") as f:
        pickle.dump(index, f, protocol=pickle.HIGHEST_PROTOCOL)


def resolve_with_index(
    items: dict[Key, Item],
    decisions: Path | None,
    stamps: dict[str, str],
    previous: IdentityIndex | None,
    context: str,
    keys_file: Path | None = None,
    by_appeal: dict[str, list[Key]] | None = None,
    jobs: int = 1,
) -> tuple[Resolution, IdentityIndex]:
    """The resolution of ``items`` (equal to :func:`kg.record.identity.resolve_items`'s) and the
    index for the next build. ``stamps`` gives, per appeal, a value that changes whenever its
    record's items may (its content hash); ``previous`` is the last build's index, which this
    changes and returns (None, or one of another version or context: everything is resolved).
    A new index keeps its keys in a SQLite file at ``keys_file`` if given (else in memory).
    ``by_appeal``: the item keys of each appeal that has items, in the order of ``items``, when
    the caller has them (:meth:`kg.store.state.RecordItems.by_appeal`): a change then walks
    the items it reaches, not every item. ``jobs``: processes a resolution of everything in
    parts may solve its parts in (:func:`_resolve_in_parts`)."""
    with _collector_paused():
        return _resolve_with_index(
            items, decisions, stamps, previous, context, keys_file, by_appeal, jobs
        )


#: Records a process forked by :func:`_read_records` reads at a time, and the batches of them
#: sent out ahead of the one this process takes in (each worker's next batch is waiting).
RECORD_BATCH = 250
RECORDS_AHEAD = 2
#: What :func:`_read_batch` reads, set before the processes that read it are forked (they
#: inherit it): the items, the curated decisions' keys and whether items are kept for parts.
_RECORDS: tuple[object, ...] | None = None


#: What :func:`_read_batch` makes of a record: its items' marks, each item's keys as
#: :func:`joined_keys` gives them, and, for a resolution in parts, its items as
#: :class:`_ItemFile` keeps them, one after another, with each one's length (else none).
_Read = tuple[tuple[Mark, ...], list[tuple[str, bool, int]], bytes, list[int]]


def _read_batch(batch: list[tuple[str, list[Key]]]) -> list[_Read]:
    """For each record of ``batch`` (appeal id, its item keys), its :data:`_Read`: the keys
    of an item are :func:`component_keys` and its curated decisions'."""
    assert _RECORDS is not None
    items, dkeys, in_parts, variants = _RECORDS  # type: ignore[misc]
    out = []
    for _a, keys in batch:
        its = [items[k] for k in keys]
        joined = [
            joined_keys(component_keys(item, variants) + dkeys.get(key, []))
            for key, item in zip(keys, its, strict=True)
        ]
        data = [_ItemFile.encode(item) for item in its] if in_parts else []
        out.append((item_marks(its), joined, b"".join(data), [len(d) for d in data]))
    return out


def _read_records(
    items: Mapping[Key, Item],
    records: list[tuple[str, list[Key]]],
    dkeys: dict[Key, list[str]],
    in_parts: bool,
    jobs: int,
) -> Iterator[tuple[str, list[Key], _Read]]:
    """Each record's appeal id, item keys and :data:`_Read`, in the
    order of ``records``: read here, or, with ``jobs`` over one and more than a batch of
    records, by ``jobs`` processes forked now, a batch (:data:`RECORD_BATCH`) at a time and
    at most :data:`RECORDS_AHEAD` batches a process ahead of this one, which adds each item
    to the key table in order (the items' numbers are a resolution's order)."""
    global _RECORDS
    batches = [records[i : i + RECORD_BATCH] for i in range(0, len(records), RECORD_BATCH)]
    _RECORDS = (items, dkeys, in_parts, {})
    try:
        if jobs < 2 or len(batches) < 2:
            for batch in batches:
                for (a, keys), read in zip(batch, _read_batch(batch), strict=True):
                    yield a, keys, read
            return
        workers = min(jobs, len(batches))
        pool = ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("fork"),
            initializer=_settle_part_worker,
        )  # fmt: skip
        try:
            waiting: deque[Future[Any]] = deque()
            todo = iter(batches)
            for batch in itertools.islice(todo, workers * RECORDS_AHEAD):
                waiting.append(pool.submit(_read_batch, batch))
            for batch in batches:
                read = waiting.popleft().result()
                following = next(todo, None)
                if following is not None:
                    waiting.append(pool.submit(_read_batch, following))
                for (a, keys), (marks, *made) in zip(batch, read, strict=True):
                    # each mark with the item's key as this process holds it, not the copy sent
                    # back: the marks outlive the step (2 million items at 100,000 appeals)
                    own = tuple((k, *m[1:]) for k, m in zip(keys, marks, strict=True))
                    yield a, keys, (own, *made)  # type: ignore[misc]
        finally:  # (a batch that failed stops the others)
            pool.shutdown(wait=True, cancel_futures=True)
    finally:
        _RECORDS = None


def _resolve_with_index(
    items: dict[Key, Item],
    decisions: Path | None,
    stamps: dict[str, str],
    previous: IdentityIndex | None,
    context: str,
    keys_file: Path | None,
    by_appeal: dict[str, list[Key]] | None = None,
    jobs: int = 1,
) -> tuple[Resolution, IdentityIndex]:
    curated = load_decisions(decisions)
    check_decisions(items, curated, decisions)
    dkeys = _decision_keys(curated)
    variants: dict[str, set[str]] = {}
    grouped = by_appeal is not None  # each appeal's items one after another in ``items``
    if by_appeal is None:
        by_appeal, grouped = _by_appeal(items)

    if previous is None or previous.version != INDEX_VERSION or previous.context != context:
        index = IdentityIndex(context, stamps=dict(stamps), appeal_items=by_appeal)
        if keys_file is not None:
            index.table = DiskKeys.create(keys_file)
        on_disk = isinstance(index.table, DiskKeys)
        in_parts = len(items) > PART_ITEMS
        with _ItemFile(keys_file.parent if keys_file is not None else None) as kept:
            # One pass over the records, each one's items read once (items kept on disk are
            # loaded from there): their marks, their keys, and, for a resolution in parts,
            # each item where a part reads it back alone.
            read = _read_records(items, list(by_appeal.items()), dkeys, in_parts, jobs)
            for a, keys, (marks, joined, data, sizes) in read:
                index.marks[a] = marks
                first = index.add_joined(keys, joined)
                if in_parts:
                    kept.append_many(first, data, sizes)
            if on_disk:
                index.table.finish(helpers=jobs - 1)
            rows = DiskRows(index.table, changed=True) if on_disk else None
            if in_parts:
                resolution = _resolve_in_parts(items, index, curated, decisions, kept, jobs, rows)
            else:
                resolution = resolve_part(items, curated, decisions)
                for c in resolution.clusters:
                    group = [items[m] for m in c.members]
                    index.labels.put_packed(c.members[0], label_state(group))
                    if c.kind in ORG_PHASE:
                        index.summaries[c.members[0]] = summary_of(group)
        index.clusters = resolution.clusters
        if rows is not None:
            if not in_parts:
                rows.add(sorted(resolution.review_rows, key=lambda r: (r.a, r.b)))
            # the rows are the table's, read from it when asked for (a full resolution's
            # 1.8 million at 100,000 appeals are not held, nor pickled with the build's result)
            index.review_rows = resolution.review_rows = rows
        else:
            index.review_rows = MemoryRows(resolution.review_rows)
        _index_tables(index)
        index.resolved = len(items)
        return resolution, index

    index = previous
    index.review_rows.changed = False  # (noted again by this build's changes)
    # A record whose stamp changed but whose items are the same (an event's note edited, say)
    # changes nothing identity reads; of a record whose items changed, only the items that
    # changed, came or went (by their marks) are resolved again with what they reach.
    changed = set(index.stamps) - set(stamps)
    gone: list[Key] = []  # items of the previous index that changed or went
    fresh: list[Key] = []  # items that changed or came
    relabelled: set[Key] = set()  # items changed in fields no rule reads only
    for a in sorted(changed):
        gone += [m[0] for m in index.marks.pop(a, ())]
    # (An appeal of the same stamp has its marks, () if it has no items: kept as rows on disk,
    # they are not looked up one appeal at a time.)
    on_disk = isinstance(index.table, DiskKeys)
    for a, stamp in stamps.items():
        if index.stamps.get(a) == stamp and (on_disk or a in index.marks):
            continue
        marks = item_marks([items[k] for k in by_appeal.get(a, [])])
        old = index.marks.get(a, ())
        if old == marks and a in index.stamps:
            continue
        changed.add(a)
        now, then = {m[:4] for m in marks}, {m[:4] for m in old}
        # A person whose merge keys alone changed, each key it gains or loses held by no
        # other item, keeps its place in its cluster and its review rows (_rekey).
        was = {(m[0], m[2], m[5]) for m in old if len(m) > 5 and m[:4] not in now}
        rekeyed = {
            m[0]
            for m in marks
            if len(m) > 5
            and m[:4] not in then
            and (m[0], m[2], m[5]) in was
            and _rekey(index, m[0], component_keys(items[m[0]], variants) + dkeys.get(m[0], []))
        }
        gone += [m[0] for m in old if m[:4] not in now and m[0] not in rekeyed]
        fresh += [m[0] for m in marks if m[:4] not in then and m[0] not in rekeyed]
        relabelled.update(m[0] for m in set(marks) - set(old) if m[:4] in then)
        relabelled |= rekeyed
        index.marks[a] = marks
    if not changed:
        index.stamps = dict(stamps)
        index.resolved = index.relabelled = 0
        index.unchanged = True
        of = _cluster_getter(index) if index.of is not None else None
        return Resolution(index.clusters, index.review_rows, items, of), index
    index.unchanged = False

    # The clusters the change may alter: the merge components (:func:`merges`), in the
    # previous index, of the items that changed or went (a change can split one: its other
    # items are resolved again), and, in the index brought up to date, of those items and of
    # the items that changed or came.
    walks = _MergeWalks(index)
    before = index.component(gone, merging=True, walks=walks)
    for key in gone:
        if key in index.id_of:
            n = index.id_of[key]
            walks.forget(n, walks.keys_of(n))
        index.remove(key)
    for key in fresh:
        keys = component_keys(items[key], variants) + dkeys.get(key, [])
        index.add(key, keys)
        walks.forget(index.id_of[key], keys)
    touched_items = set(gone) | set(fresh)
    kept = [k for k in before if k in items and k not in touched_items]
    if index.of is None or index.by_id is None:  # an index made by hand, or read whole
        _index_tables(index)
    # New organisations and instruments that only join one cluster (_joins) are added to it
    # without resolving its merge component again, unless the change reaches that component
    # through another item: then it is resolved whole, with them.
    joins = _joins(index, items, fresh, curated) if grouped else {}
    joined = {x for xs in joins.values() for x in xs}
    again = index.component(
        [*(k for k in fresh if k not in joined), *kept], merging=True, walks=walks
    )
    while reached := [f for f, xs in joins.items() if f in again or again.intersection(xs)]:
        for first in reached:
            again |= index.component(joins.pop(first), merging=True, walks=walks)
    joining = {x: first for first, xs in joins.items() for x in xs}

    def chosen(keys: set[Key]) -> Iterable[Key]:
        """The keys of ``keys`` that are items, in the order of ``items``."""
        if not grouped:
            return (k for k in items if k in keys)
        return _in_order(keys, by_appeal)

    old_of = _ClusterOf(_cluster_getter(index))
    # Organisations and instruments: their clusters made again with every item a rule may
    # pair with one of them (see _resolve_around).
    again_o = {k for k in again if items[k].kind in ORG_PHASE}
    orgs, rows_o, orgs_part = _resolve_around(
        index, items, again_o, ORG_PHASE, chosen, curated, decisions, None
    )

    # Persons of records whose organisation's cluster changed, among unchanged items.
    new_of = {m: c for c in orgs.clusters for m in c.members}
    moved = _moved({k: items[k] for k in again_o}, touched_items, old_of, new_of)
    # ... and persons whose own organisation changed, came or went.
    moved |= {k for k in touched_items if k in items and items[k].kind == "organisation"}
    moved |= {k for k in gone if k not in items}
    seeds = [k for k in again if items[k].kind == "person"]
    for appeal in sorted({k[0] for k in moved}):
        seeds += [k for k in by_appeal.get(appeal, []) if items[k].orgs & moved]
    again_p = {
        k for k in index.component(seeds, merging=True, walks=walks) if items[k].kind == "person"
    }

    def org_cluster(org: Key) -> object:
        if org in joining:
            return ("old", id(old_of[joining[org]]))
        if org in again_o:
            return ("new", id(new_of[org])) if org in new_of else org
        if org in old_of:
            return ("old", id(old_of[org]))
        return org if org in items else None

    people, rows_p, people_part = _resolve_around(
        index, items, again_p, PERSON_PHASE, chosen, curated, decisions, org_cluster
    )

    touched = again_o | again_p | set(gone)
    _drop_touched(index, touched)
    # Decided as before, an item changed in fields no rule reads leaves its cluster's members
    # and its review rows' pairs as they were: their labels, spellings and names made again,
    # from what the index keeps of the other members (_relabel).
    relabelled -= touched
    _relabel(index, items, relabelled)
    _add_resolved(index, orgs.clusters, rows_o, orgs_part)
    _add_resolved(index, people.clusters, rows_p, people_part)
    for first, xs in joins.items():
        _join(index, items, first, xs)

    index.stamps = dict(stamps)
    index.appeal_items = by_appeal
    index.resolved = len(orgs_part) + len(people_part) + len(joining)
    index.relabelled = len(relabelled)
    return Resolution(index.clusters, index.review_rows, items, _cluster_getter(index)), index


def _rekey(index: IdentityIndex, key: Key, keys: list[str]) -> bool:
    """Give person ``key``, whose mark changed in its merge keys alone, its ``keys`` in the
    key table, when every key it gains or loses is a merge key held by no other item (in the
    table as the change finds it): whether it did.

    Then every pair the item makes shares the same merge keys as before (a rule reads a
    person's ``keys`` only as those shared with the other item, and a key of one item blocks
    no pair), so a resolution from scratch makes the same pairs in the same order, the same
    unions with the same reasons and the same review rows: only its cluster's label and
    spellings and its rows' names may differ (:func:`_relabel`). A key it loses that another
    item holds may have joined the two, a key it gains that another holds may join them: its
    merge component is then resolved again. An item of the rebuild that comes or changes
    later and takes one of its new keys reaches it through that key, and resolves it again."""
    n = index.id_of.get(key)
    if n is None:
        return False
    had = index.table.keys_of(n)
    gained, lost = set(keys) - set(had), set(had) - set(keys)
    if not all(k.startswith("p:k:") for k in gained | lost):
        return False
    if any(index.table.members(k) != [n] for k in lost) or any(
        index.table.members(k) for k in gained
    ):
        return False
    index.table.drop(n)
    index.table.put(n, keys)
    return True


# Review rows of a union a rule tried on a shared name and refused (_resolve_instruments,
# _resolve_organisations).
_REFUSED = ("same organisation name, but", "same instrument name, but")


def _joins(
    index: IdentityIndex, items: Mapping[Key, Item], fresh: list[Key], curated: list[Decision]
) -> dict[Key, list[Key]]:
    """The new or changed organisations and instruments that a resolution of every item puts
    into one cluster of the previous index, found without resolving that cluster's merge
    component: cluster (its first member) -> those items. Such an item ``x`` (of a set ``X``
    joining the cluster ``K``)

    - meets only items of ``K`` and ``X`` (:meth:`IdentityIndex.around`: every item a rule may
      pair with it), and shares with an item of ``K`` of another record the one name ``k``
      whose rule made every union of ``K`` (its reasons are that rule's one reason:
      "organisation name 'k'" or "instrument name 'k', same jurisdiction"), and no other
      name with an item of another record; it is not a generic organisation;
    - is in no curated decision, nor is any item of ``K``; and ``K`` has no review row of a
      union refused on a shared name (its items were never refused one of another cluster);
    - keeps ``K`` and ``X`` consistent as one cluster: one item per record, one pin (``K``'s),
      one value of each attribute a union compares, one maximum penalty per article.

    Then a resolution of every item makes ``K`` and ``X`` one cluster, with the same reason,
    and nothing else changes. Its pairs of two items of neither ``K`` nor ``X`` are tried
    with the same clusters as without ``X``. A pair of an item of ``K`` with an item ``b``
    outside it is tried on a shared merge key only where the union is refused (a union makes
    ``b`` a member of ``K``), which leaves a review row (the pair is in no curated decision):
    there is none, so no such pair meets ``K``, whose clusters while it is made can take in
    items of ``X`` without a union of ``K`` being refused or its outcome changed. A pair with an
    item of ``X`` is one of ``K`` and ``X`` (the items it meets), on ``k`` by the same rule (``K``'s
    items are not generic either: each joined ``K`` in a pair of its own, which would have had
    another reason): every union it tries succeeds or finds the two in one cluster already,
    and gives the reason ``K`` has; names one edit apart within a cluster give no review row.
    So the clusters are those without ``X``, ``K`` with ``X`` added, its reasons the same, and
    the review rows the same: ``K``'s label, spellings and IRI follow from its label state.
    Persons read ``X``'s cluster as ``K``'s."""
    decided = {k for d in curated for k in (d.a, d.b)}
    of = index.of
    assert of is not None
    fresh_set = set(fresh)
    target: dict[Key, Key] = {}
    met: dict[Key, set[Key]] = {}
    # Items of the same keys (an issuer named in many new records) meet the same items.
    seen: dict[tuple[str, ...], tuple[set[Key | None], set[Key]]] = {}
    for x in fresh:
        item = items[x]
        if item.kind not in ORG_PHASE or x in decided or item.tier == "generic":
            continue
        keys = tuple(sorted(index.table.keys_of(index.id_of[x])))
        if keys not in seen:
            near = index.around([x])
            seen[keys] = ({of.get(m) for m in near if m not in fresh_set}, near & fresh_set)
        firsts, new = seen[keys]
        if len(firsts) != 1 or None in firsts:
            continue
        target[x] = next(iter(firsts))  # type: ignore[assignment]
        met[x] = new - {x}
    while dropped := [x for x in target if any(target.get(f) != target[x] for f in met[x])]:
        for x in dropped:
            del target[x]
    groups: dict[Key, list[Key]] = {}
    for x, first in target.items():
        groups.setdefault(first, []).append(x)
    decided_clusters = {of.get(k) for k in decided}
    return {
        first: sorted(xs)
        for first, xs in groups.items()
        if first not in decided_clusters and _joinable(index, items, first, xs)
    }


def _joinable(index: IdentityIndex, items: Mapping[Key, Item], first: Key, xs: list[Key]) -> bool:
    """Whether ``xs`` join the cluster ``first`` as :func:`_joins` says (what is left to see
    once each meets only that cluster and the others of ``xs``)."""
    by_id = index.by_id
    assert by_id is not None
    cluster = by_id[first]
    if len(cluster.reasons) != 1:
        return False
    appeals = {m[0] for m in cluster.members}
    theirs = {x[0] for x in xs}
    if len(theirs) != len(xs) or appeals & theirs:
        return False
    if any(r.reason.startswith(_REFUSED) for r in index.review_rows.of_many(cluster.members)):
        return False
    postings: dict[tuple[str, str | None, str], list[Key]] = {}
    for x in xs:
        item = items[x]
        name = next((k for k in item.keys if cluster.reasons[0] == _union_reason(item, k)), None)
        if name is None:
            return False
        for k in item.keys:
            place = (item.kind, item.country, k)
            if place not in postings:
                found = _items_of(index, _postings(index, item, k))
                postings[place] = [o for o in found if o is not None]
            others = (o for o in postings[place] if o[0] != x[0])
            if k == name and not any(index.of.get(o) == first for o in others):  # type: ignore[union-attr]
                return False
            if k != name and any(True for _ in others):
                return False
    summary = index.summaries.get(first)
    if summary is None:
        summary = index.summaries[first] = summary_of(items[m] for m in cluster.members)
    together = summary_with(summary, [items[x] for x in xs])
    return together is not None and together[0] == summary[0]


def _union_reason(item: Item, key: str) -> str | None:
    """The reason a union of ``item`` on its name ``key`` gives where neither item is generic
    (None for an acronym, whose rule gives another)."""
    if item.kind == "instrument":
        return f"instrument name '{key}', same jurisdiction"
    if item.kind == "organisation" and not key.startswith("acronym:"):
        return f"organisation name '{key}'"
    return None


def _postings(index: IdentityIndex, item: Item, key: str) -> list[int]:
    """The items sharing the name ``key`` with ``item`` where a rule pairs them (see
    :func:`component_keys`): one of no stated country meets every country's."""
    if item.kind == "instrument":
        wanted = [f"i:{key}|{item.country or ''}"]
    elif item.country is None:
        wanted = [f"{HUB}o:{key}", f"{MEMBER}o:{key}"]
    else:
        wanted = [f"o:{key}|{item.country}", f"{HUB}o:{key}"]
    return [n for k in wanted for n in index.table.members(k)]


def summary_with(summary: Summary, group: list[Item]) -> Summary | None:
    """``summary`` with the items of ``group`` added; None if that makes two pins, two values
    of an attribute or two maximum penalties of an article."""
    pins, attrs, penalties = summary_of(group)
    both_pins = tuple(sorted({*summary[0], *pins}))
    both_attrs = tuple(tuple(sorted({*a, *b})) for a, b in zip(summary[1], attrs, strict=True))
    joined: dict[str, set[str]] = {art: set(p) for art, p in summary[2]}
    for art, p in penalties:
        joined.setdefault(art, set()).update(p)
    if len(both_pins) > 1 or any(len(a) > 1 for a in both_attrs):
        return None
    if any(len(p) > 1 for p in joined.values()):
        return None
    return both_pins, both_attrs, tuple((a, tuple(sorted(p))) for a, p in sorted(joined.items()))


def _join(index: IdentityIndex, items: Mapping[Key, Item], first: Key, xs: list[Key]) -> None:
    """``xs`` put into the cluster ``first`` (see :func:`_joins`): its label, spellings and IRI
    from its label state with them added, its place among the clusters, each member's
    cluster (by the first member, which may be one of ``xs``)."""
    of, by_id = index.of, index.by_id
    assert of is not None and by_id is not None
    old = by_id.pop(first)
    members = sorted([*old.members, *xs])
    if first in index.labels:
        state = index.labels.pop(first)
    else:
        state = label_state([items[m] for m in old.members])
    own, names, pinned, firsts, spelt = state
    for x in xs:
        item = items[x]
        _add_label(own, names, pinned, spelt, x, _label_of(item))
        insort(firsts, (item.since, x, item.own_key))
    new = cluster_of_state(dataclasses.replace(old, members=members), state)
    del index.clusters[_place(index.clusters, old, _cluster_key)]
    insort(index.clusters, new, key=_cluster_key)
    head = members[0]
    by_id[head] = new
    of.update(dict.fromkeys(members if head != first else xs, head))
    index.labels[head] = state
    summary = index.summaries.pop(first, None)
    if summary is None:
        summary = summary_of(items[m] for m in old.members)
    together = summary_with(summary, [items[x] for x in xs])
    assert together is not None
    index.summaries[head] = together


def _drop_touched(index: IdentityIndex, touched: set[Key]) -> None:
    """The clusters and review rows of ``touched`` (items resolved again, or gone) out of
    ``index``, found by key."""
    of, by_id = index.of, index.by_id
    assert of is not None and by_id is not None
    for first in {of[m] for m in touched if m in of}:
        c = by_id.pop(first)
        del index.clusters[_place(index.clusters, c, _cluster_key)]
        for m in c.members:
            del of[m]
        index.labels.pop(first, None)
        index.summaries.pop(first, None)
    index.review_rows.drop(index.review_rows.of_many(touched))


def _relabel(index: IdentityIndex, items: Mapping[Key, Item], relabelled: set[Key]) -> None:
    """The clusters and review rows of ``relabelled`` (items changed in fields no rule reads)
    made again: a cluster from its :data:`LabelState` with those members changed (made from
    every member if the index has none), a row with the name of its changed side."""
    of, by_id = index.of, index.by_id
    assert of is not None and by_id is not None
    changed: dict[Key, list[Key]] = {}
    for m in sorted(relabelled):
        if m in of:
            changed.setdefault(of[m], []).append(m)
    for first, members in changed.items():
        old = by_id[first]
        if first in index.labels:
            state = index.labels[first]
            for m in members:
                relabel_state(state, items[m])
        else:
            state = label_state([items[m] for m in old.members])
        index.labels[first] = state
        new = by_id[first] = cluster_of_state(old, state)
        del index.clusters[_place(index.clusters, old, _cluster_key)]
        insort(index.clusters, new, key=_cluster_key)
    for r in index.review_rows.of_many(relabelled):
        new_row = dataclasses.replace(
            r,
            name=items[r.a].name if r.a in relabelled else r.name,
            same_as_name=items[r.b].name if r.b in relabelled else r.same_as_name,
        )
        if new_row != r:
            index.review_rows.replace(r, new_row)


def _add_resolved(
    index: IdentityIndex, clusters: list[Cluster], rows: list[ReviewRow], part: Mapping[Key, Item]
) -> None:
    """The clusters of a part resolved again (with their label states, made from the part's
    items) and its review rows into ``index``, each in its place."""
    of, by_id = index.of, index.by_id
    assert of is not None and by_id is not None
    for c in clusters:
        first = c.members[0]
        by_id[first] = c
        of.update(dict.fromkeys(c.members, first))
        group = [part[m] for m in c.members]
        index.labels[first] = label_state(group)
        if c.kind in ORG_PHASE:
            index.summaries[first] = summary_of(group)
        insort(index.clusters, c, key=_cluster_key)
    index.review_rows.add(rows)


def _resolve_around(
    index: IdentityIndex,
    items: Mapping[Key, Item],
    again: set[Key],
    kinds: tuple[str, ...],
    chosen: Callable[[set[Key]], Iterable[Key]],
    curated: list[Decision],
    decisions: Path | None,
    org_cluster: Callable[[Key], object] | None,
) -> tuple[Resolution, list[ReviewRow], Mapping[Key, Item]]:
    """The clusters of ``again`` (whole merge components, of ``kinds``) and the review rows of
    every pair with an item of ``again``, as a resolution of every item gives them.

    A cluster is made by unions of items sharing a merge key, each tried in the order the
    resolution of every item tries it, so a merge component's clusters are those of its items
    resolved alone, in that order. A review row reads its two items, their clusters, and the
    clusters of their organisations; a pair of an item of ``again`` with one outside it shares
    no merge key, so they are of two clusters either way. The part resolved is ``again`` and
    every item a rule may pair with one of its items (:meth:`IdentityIndex.around`): its
    pairs with an item of ``again`` are the pairs the resolution of every item takes, with
    the same outcome; the clusters it makes of the other items, and their rows with one
    another, are left out (their merge components are not all there), and stay as they were.
    A hub (a one-word name, say) is resolved with the items it meets, not with everything
    those meet in turn. Also the items resolved (the part)."""
    if not again:
        return Resolution([], [], {}), [], {}
    part = {k: items[k] for k in chosen(index.around(again)) if items[k].kind in kinds}
    found = resolve_part(part, curated, decisions, kinds=kinds, org_cluster=org_cluster)  # type: ignore[arg-type]
    clusters = [c for c in found.clusters if c.members[0] in again]
    rows = [r for r in found.review_rows if r.a in again or r.b in again]
    return Resolution(clusters, rows, part), rows, part


def _cluster_key(c: Cluster) -> tuple[str, str, list[Key]]:
    return (c.kind, c.label.lower(), c.members)


def _place(values: list, value: object, key: Callable[[object], object]) -> int:
    """Where ``value`` is in ``values``, sorted by ``key`` with no two keys equal."""
    at = bisect_left(values, key(value), key=key)
    if at == len(values) or values[at] is not value:
        raise ValueError("not in its place in a sorted list")
    return at


def label_state(group: list[Item]) -> LabelState:
    """The :data:`LabelState` of a cluster of ``group`` (its members, in order)."""
    own: dict[Key, tuple[str, tuple[str, ...], str, str, str | None]] = {}
    names: dict[str, int] = {}
    pinned: dict[str, int] = {}
    spelt: dict[str, list[tuple[Key, int]]] = {}
    for item in group:
        _add_label(own, names, pinned, spelt, item.key, _label_of(item))
    firsts = sorted((i.since, i.key, i.own_key) for i in group)
    return own, names, pinned, firsts, spelt


def _label_of(item: Item) -> tuple[str, tuple[str, ...], str, str, str | None]:
    return (item.name, tuple(item.spellings), item.own_key, item.since, item.pinned)


def _add_label(
    own: dict[Key, tuple[str, tuple[str, ...], str, str, str | None]],
    names: dict[str, int],
    pinned: dict[str, int],
    spelt: dict[str, list[tuple[Key, int]]],
    key: Key,
    label: tuple[str, tuple[str, ...], str, str, str | None],
) -> None:
    own[key] = label
    name = label[0]
    names[name] = names.get(name, 0) + 1
    if label[4]:
        pinned[name] = pinned.get(name, 0) + 1
    for n, value in enumerate((name, *label[1])):
        if value:
            insort(spelt.setdefault(value, []), (key, n))


def relabel_state(state: LabelState, item: Item) -> None:
    """``state`` with its member ``item`` given its fields as they are now."""
    own, names, pinned, firsts, spelt = state
    key = item.key
    name, spellings, own_key, since, pin = own.pop(key)
    for counts, counted in ((names, True), (pinned, pin)):
        if counted:
            counts[name] -= 1
            if not counts[name]:
                del counts[name]
    for n, value in enumerate((name, *spellings)):
        if value:
            where = spelt[value]
            del where[bisect_left(where, (key, n))]
            if not where:
                del spelt[value]
    del firsts[bisect_left(firsts, (since, key, own_key))]
    _add_label(own, names, pinned, spelt, key, _label_of(item))
    insort(firsts, (item.since, key, item.own_key))


def cluster_of_state(cluster: Cluster, state: LabelState) -> Cluster:
    """``cluster`` with the label, spellings and IRI ``state`` gives (equal to
    :func:`kg.record.identity._cluster` of its members as they are now)."""
    _own, names, pinned, firsts, spelt = state
    if pinned:  # a pin is read by the rules: the pinned IRI is the one it was
        iri, label = cluster.iri, fullest_counted(pinned)
    else:
        path, prefix = KIND_PATH[cluster.kind]
        iri, label = AKR[f"{path}/{prefix}-{firsts[0][2]}"], fullest_counted(names)
    variants = sorted(spelt, key=lambda v: spelt[v][0])
    return Cluster(cluster.kind, cluster.members, iri, label, variants, cluster.reasons)


def _index_tables(index: IdentityIndex) -> None:
    """Each clustered item's cluster and each cluster by its first member, made from every
    cluster (after a full resolution, or once an index is read): a change then finds what it
    touches by key."""
    index.by_id = {c.members[0]: c for c in index.clusters}
    if index.of is None:
        index.of = {m: c.members[0] for c in index.clusters for m in c.members}


def _cluster_getter(index: IdentityIndex) -> Callable[[Key], Cluster | None]:
    of, by_id = index.of, index.by_id
    assert of is not None and by_id is not None

    def cluster_of(key: Key) -> Cluster | None:
        first = of.get(key)
        return None if first is None else by_id[first]

    return cluster_of


def _by_appeal(items: Iterable[Key]) -> tuple[dict[str, list[Key]], bool]:
    """Each appeal's item keys, in order; and whether each appeal's items come one after
    another (as records give them), so that the order of ``items`` is that of the appeals."""
    by_appeal: dict[str, list[Key]] = {}
    grouped, last = True, None
    for key in items:
        a = key[0]
        if a != last:
            if a in by_appeal:
                grouped = False
            last = a
        by_appeal.setdefault(a, []).append(key)
    return by_appeal, grouped


def _in_order(keys: set[Key], by_appeal: dict[str, list[Key]]) -> list[Key]:
    """The keys of ``keys`` that ``by_appeal`` lists, in its order: the appeals they are of,
    placed by where ``by_appeal`` has them, each one's keys as it lists them."""
    appeals = {k[0] for k in keys if k[0] in by_appeal}
    if not appeals:
        return []
    place = {a: n for n, a in enumerate(by_appeal)} if len(appeals) > 1 else {}
    out: list[Key] = []
    for a in sorted(appeals, key=place.__getitem__) if place else appeals:
        out += [k for k in by_appeal[a] if k in keys]
    return out


# Items resolved at a time by a full resolution in parts (whole components each). A part's
# items are held as objects (about 1.2 kB each, and the resolution's own tables over them);
# the items of the corpus need not be (kg.store.state.RecordItems loads them from disk).
PART_ITEMS = 20_000


class _ItemFile:
    """Items written one at a time to an unnamed temporary file, read back by number: a
    resolution in parts reads each item once, not the whole record it came from (a record's
    items are unpickled together, and a part needs a few of them). An item is kept as its
    fields marshalled (several times quicker to load than a pickle of the dataclass), or
    pickled if a field does not marshal."""

    def __init__(self, folder: Path | None) -> None:
        self._folder = folder
        self._file: IO[bytes] | None = None
        self._at = array("q")  # item number -> where its bytes start; one more at the end
        self._first = 0

    def __enter__(self) -> _ItemFile:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def append(self, n: int, item: Item) -> None:
        """Item number ``n``; numbers come in order, one after another."""
        data = self.encode(item)
        self.append_many(n, data, [len(data)])

    @staticmethod
    def encode(item: Item) -> bytes:
        """An item as this file keeps it."""
        try:
            if type(item) is not Item:
                raise ValueError("not an Item")
            return b"M" + marshal.dumps(item.__dict__)
        except ValueError:
            return b"P" + pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)

    def append_many(self, first: int, data: bytes, sizes: list[int]) -> None:
        """Items ``first``, ``first + 1``, ... as :meth:`encode` gives them, one after another
        in ``data``, each of its size in ``sizes``; numbers come in order."""
        if not sizes:
            return
        if self._file is None:
            self._file = tempfile.TemporaryFile(dir=self._folder, prefix=".items-")
            self._first = first
            self._at.append(0)
        if first != self._first + len(self._at) - 1:
            raise ValueError(f"item {first} out of order")
        if len(data) != sum(sizes):
            raise ValueError(f"items {first} to {first + len(sizes) - 1}: sizes do not add up")
        self._file.write(data)
        ends = itertools.accumulate(sizes, initial=self._at[-1])
        self._at.extend(itertools.islice(ends, 1, None))

    def flush(self) -> None:
        """Write what is buffered: before a fork, so that no child writes it again."""
        if self._file is not None:
            self._file.flush()

    def read(self, numbers: Iterable[int]) -> Iterator[Item]:
        """The items of ``numbers`` (quickest in increasing order: the file is read onward)."""
        assert self._file is not None
        self._file.flush()
        fd, at, first = self._file.fileno(), self._at, self._first
        for n in numbers:
            start = at[n - first]
            data = os.pread(fd, at[n - first + 1] - start, start)
            if data[:1] == b"M":
                item = Item.__new__(Item)
                item.__dict__.update(marshal.loads(memoryview(data)[1:]))
                yield item
            else:
                yield pickle.loads(memoryview(data)[1:])  # noqa: S301 - written just now


def _components(index: IdentityIndex) -> array:
    """The component of each item number of a new ``index`` (its lowest item number), from
    the groups of items the key table's keys link (:meth:`kg.record.keytable.KeyTable.linked`:
    a key links its items, a hub key (stars) its hubs and the members of the same key, a
    member key without hubs nothing, as :meth:`IdentityIndex.component` walks them)."""
    parent = array("q", range(len(index.ids)))

    def find(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for group in index.table.linked():  # each item joined to the group's lowest root
        root = find(group[0])
        for n in group[1:]:
            other = find(n)
            if other < root:
                parent[root] = root = other
            elif other != root:
                parent[other] = root
    for n in range(len(parent)):
        parent[n] = find(n)
    return parent


#: What the parts of one phase of :func:`_resolve_in_parts` read, set before they are solved
#: (in this process, or in processes forked from it, which inherit it): the items (or the file
#: that keeps them), the index's item keys, the curated decisions, the phase's kinds, the
#: organisations' clusters persons read, and whether review rows are sent back packed.
_PHASE: tuple[object, ...] | None = None
#: A cluster's first member, its label state and its summary (organisations, instruments).
_Labelled = tuple[Key, LabelState, Summary | None]


def _solve_part(numbers: array) -> tuple[list[Cluster], list[ReviewRow], list[_Labelled]]:
    """:func:`resolve_part` over the items numbered ``numbers`` (:data:`_PHASE`), with the
    label state and (for organisations and instruments) the summary of each cluster it makes,
    made while its items are at hand."""
    assert _PHASE is not None
    items, ids, kept, curated, decisions, phase, org_cluster, _pack = _PHASE  # type: ignore[misc]
    if kept is not None:  # each item read alone (see _ItemFile)
        part = {ids[n]: item for n, item in zip(numbers, kept.read(numbers), strict=True)}
    else:
        part = {ids[n]: items[ids[n]] for n in numbers}
    found = resolve_part(part, curated, decisions, kinds=phase, org_cluster=org_cluster)
    labelled: list[_Labelled] = []
    for c in found.clusters:
        group = [part[m] for m in c.members]
        labelled.append(
            (c.members[0], label_state(group), summary_of(group) if c.kind in ORG_PHASE else None)
        )
    return found.clusters, found.review_rows, labelled


def _solve_part_numbered(
    numbers: array,
) -> tuple[list[Cluster], list[ReviewRow], list[tuple[int, LabelState, Summary | None]]]:
    """:func:`_solve_part` in a forked process, each item key of what it found given as the
    item's number (that of its part: what a part finds is its own items'): fewer bytes sent
    back than keys, and the resolving process takes its own key objects by number
    (:func:`_own_keys`), not by hashing each key again. Review rows bound for a table
    (:data:`_PHASE`'s last field) go back packed as the table keeps them."""
    clusters, rows, labelled = _solve_part(numbers)
    ids, pack = _PHASE[1], _PHASE[-1]  # type: ignore[index]
    number = {ids[n]: n for n in numbers}.__getitem__
    for c in clusters:
        c.members = list(map(number, c.members))
    if pack:
        sent: list[Any] = [packed_row(r) for r in rows]
    else:
        for r in rows:
            r.a, r.b = number(r.a), number(r.b)
        sent = rows
    return clusters, sent, [(number(first), state, summary) for first, state, summary in labelled]


def _settle_part_worker() -> None:
    """A process forked to solve parts leaves what it inherited out of the collector's walks
    (as the build's workers do: :func:`kg.store.workers.settle_worker`)."""
    gc.freeze()


def _solved(
    parts: list[array], jobs: int, index: IdentityIndex
) -> Iterator[tuple[list[Cluster], list[ReviewRow], list[_Labelled]]]:
    """Each part's :func:`_solve_part`, in the order of ``parts``: in this process, or, with
    ``jobs`` over one and two parts or more, in ``jobs`` processes forked now (they inherit
    :data:`_PHASE`; a part is sent as its item numbers, and its clusters, review rows and label
    states come back, their items as numbers, given ``index``'s own keys here:
    :func:`_solve_part_numbered`, :func:`_own_keys`)."""
    if jobs < 2 or len(parts) < 2:
        for numbers in parts:
            yield _solve_part(numbers)
        return
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(
        min(jobs, len(parts)), mp_context=context, initializer=_settle_part_worker
    )
    try:
        for found in pool.map(_solve_part_numbered, parts):
            yield _own_keys(index, *found)
    finally:  # (a part that failed stops the others)
        pool.shutdown(wait=True, cancel_futures=True)


def _own_keys(
    index: IdentityIndex,
    clusters: list[Cluster],
    rows: list[ReviewRow],
    labelled: list[tuple[int, LabelState, Summary | None]],
) -> tuple[list[Cluster], list[ReviewRow], list[_Labelled]]:
    """A part solved in another process (:func:`_solve_part_numbered`), its item numbers
    replaced by the index's own key objects: keys unpickled here would each be held again by
    the clusters and rows that outlive the part (1.7 million clustered items at 100,000
    appeals)."""
    own = index.ids.__getitem__
    for c in clusters:
        c.members = list(map(own, c.members))  # type: ignore[arg-type]
    for r in rows:
        if type(r) is ReviewRow:  # (else packed: its pair as text)
            r.a, r.b = own(r.a), own(r.b)  # type: ignore[call-overload,assignment]
    return clusters, rows, [(own(first), state, summary) for first, state, summary in labelled]  # type: ignore[misc]


def _resolve_in_parts(
    items: Mapping[Key, Item],
    index: IdentityIndex,
    curated: list[Decision],
    decisions: Path | None,
    kept: _ItemFile | None = None,
    jobs: int = 1,
    into: DiskRows | None = None,
) -> Resolution:
    """:func:`resolve_part` over every item, equal to it, holding about :data:`PART_ITEMS`
    items at a time: components are resolved independently of one another (the module's
    docstring), so whole components, their items in the order a full resolution takes them,
    are resolved together, organisations and instruments first, then persons, who read the
    clusters of their organisations from them. The clusters and review rows of the parts are
    sorted as one resolution sorts its own.

    With ``jobs`` over one, the parts of each phase are solved in that many processes forked
    from this one (the persons' once the organisations' clusters are known): the cores a build
    has, which wait while this process resolves alone. Only where the index's item numbers
    are a plain mapping (a new index's): a forked process reads nothing through the key
    table's SQLite connection.

    With ``into`` (the rows of a new key table), the review rows go there as each part
    finds them (packed where they were found), and the resolution's rows are those of the
    table: none is held here."""
    global _PHASE
    component = _components(index)
    codes = {kind: n for n, kind in enumerate((*ORG_PHASE, *PERSON_PHASE))}
    kind_of = bytearray(len(index.ids))  # item number -> its kind's code
    for marks in index.marks.values():
        for key, kind, *_ in marks:
            kind_of[index.id_of[key]] = codes[kind]
    clusters: list[Cluster] = []
    rows: list[ReviewRow] = []
    org_of: dict[Key, int] = {}  # an organisation in a cluster -> that cluster's number
    if type(index.id_of) is not dict:
        jobs = 1
    if kept is not None:
        kept.flush()  # (before any fork)

    def org_cluster(org: Key) -> object:
        if org in org_of:
            return ("cluster", org_of[org])
        return org if org in index.id_of else None

    for phase in (ORG_PHASE, PERSON_PHASE):
        wanted = {codes[kind] for kind in phase}
        size: dict[int, int] = {}
        for n, code in enumerate(kind_of):
            if code in wanted:
                size[component[n]] = size.get(component[n], 0) + 1
        part_of: dict[int, int] = {}  # component -> part, filled in the order items come
        parts: list[array] = []
        filled = PART_ITEMS
        for n, code in enumerate(kind_of):
            if code not in wanted:
                continue
            c = component[n]
            if c not in part_of:
                if filled + size[c] > PART_ITEMS and filled:
                    parts.append(array("q"))
                    filled = 0
                part_of[c] = len(parts) - 1
                filled += size[c]
            parts[part_of[c]].append(n)
        del size, part_of
        _PHASE = (
            items, index.ids, kept, curated, decisions, phase,
            org_cluster if phase == PERSON_PHASE else None, into is not None,
        )  # fmt: skip
        try:
            for found_clusters, found_rows, labelled in _solved(parts, jobs, index):
                for first, state, summary in labelled:
                    index.labels.put_packed(first, state)
                    if summary is not None:
                        index.summaries[first] = summary
                if phase == ORG_PHASE:
                    for c in found_clusters:
                        number = len(clusters)
                        clusters.append(c)
                        org_of.update((m, number) for m in c.members)
                else:
                    clusters += found_clusters
                if into is None:
                    rows += found_rows
                elif found_rows:  # (packed where they were found, or rows found here)
                    packed = type(found_rows[0]) is not ReviewRow
                    into.stage(found_rows if packed else map(packed_row, found_rows))
        finally:
            _PHASE = None
    clusters.sort(key=lambda c: (c.kind, c.label.lower(), c.members))
    if into is not None:
        into.settle(helpers=jobs - 1)
        return Resolution(clusters, into, items)  # type: ignore[arg-type]
    rows.sort(key=lambda r: (-r.score, r.kind, r.a, r.b))
    return Resolution(clusters, rows, items)  # type: ignore[arg-type]


class _ClusterOf:
    """Each item's cluster as the index has it before a change: looked up, not made for
    every item."""

    def __init__(self, cluster_of: Callable[[Key], Cluster | None]) -> None:
        self.get = cluster_of

    def __contains__(self, key: object) -> bool:
        return self.get(key) is not None  # type: ignore[arg-type]

    def __getitem__(self, key: Key) -> Cluster:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found


def _moved(
    part: dict[Key, Item],
    changed: set[Key],
    old_of: _ClusterOf | Mapping[Key, Cluster],
    new_of: Mapping[Key, Cluster],
) -> set[Key]:
    """Unchanged organisations whose cluster holds other unchanged items than before
    (``changed``: the items that changed, came or went)."""
    memo: dict[tuple[int, int], bool] = {}
    out: set[Key] = set()

    def unchanged(cluster: Cluster | None, o: Key) -> set[Key]:
        if cluster is None:
            return {o}
        return {m for m in cluster.members if m not in changed}

    def same(o: Key) -> bool:
        a, b = old_of.get(o), new_of.get(o)
        pair = (id(a), id(b))
        if a is None or b is None:
            return unchanged(a, o) == unchanged(b, o)
        if pair not in memo:
            memo[pair] = unchanged(a, o) == unchanged(b, o)
        return memo[pair]

    for key, item in part.items():
        if item.kind == "organisation" and key not in changed and not same(key):
            out.add(key)
    return out


__all__ = [
    "INDEX_VERSION",
    "KEYS_FILE",
    "IdentityIndex",
    "component_keys",
    "item_marks",
    "items_digest",
    "read_index",
    "resolve_with_index",
    "write_index",
]
