"""The identity index's review rows: in memory, or rows of its key table's file.

A review row (:class:`kg.record.identity.ReviewRow`) is a pair of items that may be one entity,
left for a curator. A corpus of many recurring names has many of them (at 100,000 generated
appeals, 1.8 million, nearly all of the index's pickle), and a rebuild after a change drops,
adds or renames only the rows of the items it reaches. Both kinds here answer the same
questions: the rows of one item (:meth:`of`), every row in the order a resolution sorts them
(iteration), how many; and take the same changes (:meth:`add`, :meth:`drop`, :meth:`replace`).

:class:`MemoryRows` keeps the sorted list and each item's rows (small indexes, tests).
:class:`DiskRows` keeps them as rows of the key table's SQLite file
(:class:`kg.record.keytable.DiskKeys`), written in the transaction of the key table's own
changes (journalled there when the file is changed in place), so that a rebuild reads and
writes the rows of what it touches and the pickle holds none of them. Read after the build
(to write the review file), it opens the file where the build left it, read-only.

Both note whether a change was made since they were read (:attr:`changed`): a rebuild that
changed no row need not write the review file again.
"""

from __future__ import annotations

import marshal
import sqlite3
from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from kg.record.identity import Key, ReviewRow

if TYPE_CHECKING:
    from kg.record.keytable import DiskKeys

# The table, in the key table's file (kg.record.keytable's schema makes it): the pair as text
# (each key "appeal\x1flocal", which sorts as the key's tuple does: ids hold no character
# below \x1f), what the order reads, and the row marshalled.
TABLE = "review"
_ORDER = "ORDER BY score DESC, kind, a, b"  # as row_key: -score, kind, a, b
_BATCH = 900  # keys bound in one query (SQLite's default limit is 999 parameters)


def row_key(r: ReviewRow) -> tuple[float, str, Key, Key]:
    """The order of review rows: best score first, then kind, then the pair."""
    return (-r.score, r.kind, r.a, r.b)


def key_text(key: Key) -> str:
    return f"{key[0]}\x1f{key[1]}"


#: A row as the table keeps it: the pair as text, its score and kind, the row marshalled.
Packed = tuple[str, str, float, str, bytes]


def packed_row(r: ReviewRow) -> Packed:
    """``r`` as :class:`DiskRows` keeps it (:meth:`DiskRows.stage` takes rows so packed)."""
    blob = marshal.dumps((r.kind, r.a, r.b, r.name, r.same_as_name, r.score, r.reason))
    return key_text(r.a), key_text(r.b), r.score, r.kind, blob


def _unpacked(blob: bytes) -> ReviewRow:
    kind, a, b, name, same_as_name, score, reason = marshal.loads(blob)  # noqa: S302 - own rows
    return ReviewRow(kind, tuple(a), tuple(b), name, same_as_name, score, reason)


class MemoryRows:
    """The rows in a list sorted by :func:`row_key` (no two rows share a key: one row a pair),
    and each item's rows."""

    def __init__(self, rows: Iterable[ReviewRow] = (), *, changed: bool = True) -> None:
        self._rows = sorted(rows, key=row_key)
        self._of: dict[Key, list[ReviewRow]] = {}
        for r in self._rows:
            self._of.setdefault(r.a, []).append(r)
            self._of.setdefault(r.b, []).append(r)
        self.changed = changed

    def __iter__(self) -> Iterator[ReviewRow]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def of(self, key: Key) -> list[ReviewRow]:
        """The rows of which ``key`` is one side."""
        return list(self._of.get(key, ()))

    def of_many(self, keys: Iterable[Key]) -> list[ReviewRow]:
        """The rows of which one of ``keys`` is a side, each once."""
        found: dict[tuple[Key, Key], ReviewRow] = {}
        for key in keys:
            for r in self._of.get(key, ()):
                found[(r.a, r.b)] = r
        return list(found.values())

    def add(self, rows: Iterable[ReviewRow]) -> None:
        for r in rows:
            insort(self._rows, r, key=row_key)
            self._of.setdefault(r.a, []).append(r)
            self._of.setdefault(r.b, []).append(r)
            self.changed = True

    def drop(self, rows: Iterable[ReviewRow]) -> None:
        for r in rows:
            at = self._place(r)
            gone = self._rows.pop(at)
            for side in (r.a, r.b):
                left = [x for x in self._of[side] if x is not gone]
                if left:
                    self._of[side] = left
                else:
                    del self._of[side]
            self.changed = True

    def replace(self, old: ReviewRow, new: ReviewRow) -> None:
        """``new`` in the place of ``old`` (the same pair, kind and score; other names)."""
        at = self._place(old)
        gone, self._rows[at] = self._rows[at], new
        for side in (old.a, old.b):
            self._of[side] = [new if x is gone else x for x in self._of[side]]
        self.changed = True

    def _place(self, r: ReviewRow) -> int:
        at = bisect_left(self._rows, row_key(r), key=row_key)
        if at == len(self._rows) or (self._rows[at].a, self._rows[at].b) != (r.a, r.b):
            raise ValueError(f"no review row of {r.a} and {r.b}")
        return at

    def __getstate__(self) -> dict[str, object]:  # each item's rows are made again
        return {"rows": self._rows}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["rows"], changed=False)  # type: ignore[misc, arg-type]


class DiskRows:
    """The rows as rows of a key table's file: read by item, written as they change.

    While the build's key table is open its connection is used (its transaction holds the
    changes until the build commits them); once it is closed, the file at its path is read.
    Pickled, they are that path (a full build's first half hands its rows on so, not as
    objects), read by the process that unpickles them; attached to a table again
    (:meth:`kg.record.identity_index.IdentityIndex.attach`), they read that table.

    A new table takes a full resolution's rows as they come (:meth:`stage`, packed in the
    processes that found them), sorted into the table once all have come (:meth:`settle`)."""

    def __init__(self, disk: DiskKeys | None, *, changed: bool = False) -> None:
        self.disk = disk
        self.changed = changed
        self.path: str | None = None  # the file read, when no table is attached (unpickled)
        self._staged = False

    def _read(self) -> tuple[sqlite3.Connection, bool]:
        """A connection to read with, and whether it is one of ours to close."""
        if self.disk is not None and self.disk.db is not None:
            return self.disk.db, False
        if self.disk is None and self.path is None:
            raise ValueError("review rows of no identity key table")
        path = Path(self.disk.path if self.disk is not None else self.path)  # type: ignore[arg-type]
        if not path.is_file():
            raise FileNotFoundError(f"{path}: the identity key table is not there")
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True), True

    def __iter__(self) -> Iterator[ReviewRow]:
        db, own = self._read()
        try:
            for (blob,) in db.execute(f"SELECT v FROM {TABLE} {_ORDER}"):  # noqa: S608
                yield _unpacked(blob)
        finally:
            if own:
                db.close()

    def __len__(self) -> int:
        db, own = self._read()
        try:
            return int(db.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0])  # noqa: S608
        finally:
            if own:
                db.close()

    def of(self, key: Key) -> list[ReviewRow]:
        return self.of_many([key])

    def of_many(self, keys: Iterable[Key]) -> list[ReviewRow]:
        texts = sorted({key_text(k) for k in keys})
        db, own = self._read()
        found: dict[tuple[str, str], bytes] = {}
        try:
            for at in range(0, len(texts), _BATCH):
                chunk = texts[at : at + _BATCH]
                marks = ",".join("?" * len(chunk))
                for a, b, blob in db.execute(
                    f"SELECT a, b, v FROM {TABLE} WHERE a IN ({marks}) "  # noqa: S608
                    f"UNION ALL SELECT a, b, v FROM {TABLE} WHERE b IN ({marks})",
                    chunk + chunk,
                ):
                    found[(a, b)] = blob
        finally:
            if own:
                db.close()
        return [_unpacked(blob) for _pair, blob in sorted(found.items())]

    def _db(self) -> sqlite3.Connection:
        if self.disk is None:
            raise ValueError(f"{self.path}: review rows read from a file are not changed")
        if self.disk.db is None:
            raise ValueError(f"{self.disk.path}: the identity key table is closed")
        return self.disk.db

    def add(self, rows: Iterable[ReviewRow]) -> None:
        packed = [packed_row(r) for r in rows]
        if packed:
            self._db().executemany(
                f"INSERT INTO {TABLE} (a, b, score, kind, v) VALUES (?, ?, ?, ?, ?)",  # noqa: S608
                packed,
            )
            self.changed = True

    def stage(self, rows: Iterable[Packed]) -> None:
        """Rows of a new table (none kept yet), packed (:func:`packed_row`), in any order:
        set aside in a temporary table, unsorted, until :meth:`settle`."""
        db = self._db()
        if not self._staged:
            if db.execute(f"SELECT 1 FROM {TABLE} LIMIT 1").fetchone() is not None:  # noqa: S608
                raise ValueError("review rows staged for a table that has rows")
            db.execute("CREATE TEMP TABLE staged (a, b, score, kind, v)")
            self._staged = True
        db.executemany("INSERT INTO temp.staged VALUES (?, ?, ?, ?, ?)", rows)
        self.changed = True

    def settle(self, helpers: int = 0) -> None:
        """The rows :meth:`stage` set aside put into the table by pair, in one sorted pass
        (with ``helpers`` of SQLite's sorter threads), the index by second item made after
        them, not row by row."""
        if not self._staged:
            return
        db = self._db()
        db.execute(f"PRAGMA threads = {int(helpers)}")
        try:
            db.execute("DROP INDEX IF EXISTS review_b")
            db.execute(
                f"INSERT INTO {TABLE} (a, b, score, kind, v) "  # noqa: S608
                "SELECT a, b, score, kind, v FROM temp.staged ORDER BY a, b"
            )
            db.execute(f"CREATE INDEX review_b ON {TABLE} (b)")
            db.execute("DROP TABLE temp.staged")
        finally:
            db.execute("PRAGMA threads = 0")
        self._staged = False

    def drop(self, rows: Iterable[ReviewRow]) -> None:
        pairs = [(key_text(r.a), key_text(r.b)) for r in rows]
        if pairs:
            self._db().executemany(f"DELETE FROM {TABLE} WHERE a = ? AND b = ?", pairs)  # noqa: S608
            self.changed = True

    def replace(self, old: ReviewRow, new: ReviewRow) -> None:
        if (old.a, old.b, old.kind, old.score) != (new.a, new.b, new.kind, new.score):
            raise ValueError(f"a review row of {old.a} and {old.b} replaced by another pair")
        a, b, _score, _kind, blob = packed_row(new)
        self._db().execute(f"UPDATE {TABLE} SET v = ? WHERE a = ? AND b = ?", (blob, a, b))  # noqa: S608
        self.changed = True

    def __getstate__(self) -> dict[str, object]:  # rows of the file: its path, no row
        if self._staged:
            raise ValueError("review rows pickled before they were settled")
        return {"path": str(self.disk.path) if self.disk is not None else self.path}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.disk, self.changed, self._staged = None, False, False
        self.path = state.get("path")  # type: ignore[assignment] - or attached when read


ReviewRows = MemoryRows | DiskRows


def load_rows(path: Path) -> MemoryRows:
    """The rows kept in the key table's file at ``path``, read into memory."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return MemoryRows(
            (_unpacked(blob) for (blob,) in db.execute(f"SELECT v FROM {TABLE}")),  # noqa: S608
            changed=False,
        )
    finally:
        db.close()


__all__ = [
    "TABLE",
    "DiskRows",
    "MemoryRows",
    "Packed",
    "ReviewRows",
    "load_rows",
    "packed_row",
    "row_key",
]
