"""The blocking keys of the identity index, in memory or in a SQLite file.

:class:`kg.record.identity_index.IdentityIndex` numbers the items it has met and keeps, per
item, the keys on which a rule may pair it with another, and per key the items that have it
(its *postings*). Those two maps are nearly all of the index (at 10,000 appeals 150 of its
160 MB pickled, about 0.8 GB of Python objects once loaded), and a build after a change reads
only the keys its changed items reach. :class:`DiskKeys` keeps them in a SQLite file, so that
neither a full build nor a rebuild holds them whole; :class:`MemoryKeys` keeps them in
dictionaries (small indexes, tests). Both answer the same four questions.

The same file holds the index's other parts that grow with the corpus and are read by key
(the item numbers, each appeal's marks, each cluster's label state, each clustered item's
cluster: :meth:`DiskKeys.value`,
:meth:`DiskKeys.items_of`; the review rows, :class:`kg.record.reviewrows.DiskRows`), so that a
rebuild reads and writes their rows, not all of them.

A full build writes a new file, filled row by row, its key index made at the end; a rebuild
changes the previous build's file where it is (:meth:`DiskKeys.in_place`), its changes
journalled by the caller (:mod:`kg.store.kept`), so that an interrupted rebuild leaves the
previous build's table as it was.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Protocol

_SEP = "\x1f"  # between the keys of an item (no key holds it: keys are folded names)
_SCHEMA = """
CREATE TABLE IF NOT EXISTS item (n INTEGER PRIMARY KEY, keys TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS posting (key TEXT NOT NULL, n INTEGER NOT NULL,
                                    PRIMARY KEY (key, n)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS number (n INTEGER PRIMARY KEY, item TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS mark (k TEXT PRIMARY KEY, v BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS label (k TEXT PRIMARY KEY, v BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS cluster_of (k TEXT PRIMARY KEY, v BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS review (a TEXT NOT NULL, b TEXT NOT NULL, score REAL NOT NULL,
                                   kind TEXT NOT NULL, v BLOB NOT NULL,
                                   PRIMARY KEY (a, b)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS review_b ON review (b);
"""
# The tables of values the index keeps by key (kg.record.identity_index: each appeal's marks,
# each cluster's label state, each clustered item's cluster), read and written a row at a time.
VALUE_TABLES = ("mark", "label", "cluster_of")
_BUFFER = 50_000  # rows written at a time
_CACHE_KB = 65_536  # SQLite's pages in memory (and what its sorter holds before it spills)
# What a key may not hold for its item's keys to be made a JSON list by SQLite from the joined
# text (no escapes: a quote, a backslash, a control character; _SEP is the list's comma).
_ODD = re.compile(r'[\x00-\x1e"\\]')
# Star keys (kg.record.identity_index): a hub key's items meet every item of the member key of
# the same name; the items of a member key do not meet one another.
HUB, MEMBER = "*h:", "*m:"


class KeyTable(Protocol):
    """Items' keys and keys' items."""

    def put(self, n: int, keys: list[str]) -> None:
        """Give item ``n`` (not in the table) its ``keys``."""

    def put_joined(self, first: int, rows: list[tuple[str, bool, int]]) -> None:
        """Give items ``first``, ``first + 1``, ... (not in the table) their keys, each as
        :func:`joined_keys` gives them."""

    def drop(self, n: int) -> None:
        """Remove item ``n`` and its postings."""

    def keys_of(self, n: int) -> list[str]:
        """The keys of item ``n`` (none if it is not in the table)."""

    def members(self, key: str) -> list[int]:
        """The items that have ``key``."""

    def postings_in_order(self) -> Iterator[tuple[str, int]]:
        """Every (key, item) pair, by key then item."""

    def linked(self) -> Iterator[list[int]]:
        """Groups of items a key links, each item of a group with every other: the items of
        each key two or more items have (member keys aside), and per hub key that has
        members, its first item and those members. A key of one item links nothing, and is
        not read out."""


class MemoryKeys:
    """The key table in two dictionaries."""

    def __init__(self) -> None:
        self.keys: dict[int, list[str]] = {}
        self.postings: dict[str, list[int]] = {}

    def put(self, n: int, keys: list[str]) -> None:
        self.keys[n] = keys
        for k in keys:
            members = self.postings.get(k)
            if members is None:
                self.postings[k] = [n]
            else:
                members.append(n)

    def drop(self, n: int) -> None:
        for k in self.keys.pop(n, ()):
            members = self.postings.get(k)
            if members is not None:
                members.remove(n)
                if not members:
                    del self.postings[k]

    def keys_of(self, n: int) -> list[str]:
        return self.keys.get(n, [])

    def members(self, key: str) -> list[int]:
        return self.postings.get(key, [])

    def postings_in_order(self) -> Iterator[tuple[str, int]]:
        for key in sorted(self.postings):
            for n in sorted(self.postings[key]):
                yield key, n

    def put_joined(self, first: int, rows: list[tuple[str, bool, int]]) -> None:
        for n, (joined, odd, _count) in enumerate(rows, first):
            self.put(n, _split(joined, odd))

    def linked(self) -> Iterator[list[int]]:
        for key, items in self.postings.items():
            if key.startswith(MEMBER):
                continue
            if len(items) > 1:
                yield items
            if key.startswith(HUB):
                members = self.postings.get(MEMBER + key[len(HUB) :])
                if members:
                    yield [min(items), *members]


class DiskKeys:
    """The key table in a SQLite file. Rows are buffered and written a batch at a time. The
    postings are one table ordered by key (each pair stored once, no separate index); a new
    file (:meth:`create`) makes the postings from the item rows in key order once filled
    (:meth:`finish`), which SQLite does by sorting, far quicker than inserting them in the
    order they come; and SQLite splits each item's keys (its joined text made a JSON list,
    read by ``json_each``), so that the postings, some twenty an item, are never Python
    tuples bound one row at a time, nor each item's keys encoded again. An item whose keys
    would need escapes in JSON (:data:`_ODD`) has its postings bound one at a time, and its
    number in a temporary table that the fill passes over."""

    def __init__(
        self,
        path: Path,
        *,
        fresh: bool,
        prepare: Callable[[sqlite3.Connection], None] | None = None,
    ) -> None:
        self.path = Path(path)
        self.prepare = prepare
        self.db: sqlite3.Connection | None = None
        self.fresh = fresh
        self._items: list[tuple[int, str]] = []
        self._postings: list[tuple[str, int]] = []
        self._odd: list[tuple[int]] = []  # a new table's items whose postings are bound
        self._buffered = 0  # postings buffered
        self._open()

    def _open(self) -> None:
        self.db = sqlite3.connect(str(self.path), isolation_level=None)
        if self.prepare is None:
            # A new file, or a copy, that no build names yet: no journal (a crashed build's
            # file is thrown away).
            self.db.execute("PRAGMA journal_mode=OFF")
            self.db.execute("PRAGMA synchronous=OFF")
        else:  # changed in place: the caller's journal (kg.store.kept) undoes a stopped build
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute(f"PRAGMA cache_size=-{_CACHE_KB}")
        self.db.execute("PRAGMA temp_store=FILE")  # sorting for the index: on disk
        self.db.executescript(_SCHEMA)
        if self.fresh:
            self.db.execute("CREATE TEMP TABLE odd (n INTEGER PRIMARY KEY)")
        if self.prepare is not None:
            self.prepare(self.db)
        self.db.execute("BEGIN")

    def _indexed(self) -> None:
        """The collected postings moved into the table, in key order."""
        assert self.db is not None
        if self.fresh:
            self.db.execute(
                "INSERT OR IGNORE INTO posting (key, n) SELECT k.value, l.n "
                "FROM item AS l, json_each('[\"' || replace(l.keys, char(31), '\",\"') || '\"]')"
                " AS k WHERE l.keys != '' AND l.n NOT IN temp.odd ORDER BY 1, 2"
            )
            self.db.execute("DELETE FROM temp.odd")
            self.fresh = False

    @classmethod
    def create(cls, path: Path) -> DiskKeys:
        """A new, empty table at ``path`` (a file there is replaced)."""
        path.unlink(missing_ok=True)
        return cls(path, fresh=True)

    @classmethod
    def copy_of(cls, source: Path, path: Path) -> DiskKeys:
        """A table at ``path`` made from a copy of the file at ``source`` (left as it is)."""
        shutil.copyfile(source, path)
        return cls(path, fresh=False)

    @classmethod
    def in_place(cls, path: Path, prepare: Callable[[sqlite3.Connection], None]) -> DiskKeys:
        """The table of the file at ``path``, changed where it is; ``prepare`` is given the
        connection before the first change (to journal the changes, say)."""
        return cls(path, fresh=False, prepare=prepare)

    # ---- the four questions ------------------------------------------------------------

    def put(self, n: int, keys: list[str]) -> None:
        joined = _SEP.join(keys)
        self._items.append((n, joined))
        if not self.fresh or _ODD.search(joined) is not None or (keys and not joined):
            if self.fresh:  # (keys == [""]: its joined text is no list)
                self._odd.append((n,))
            self._postings.extend((k, n) for k in keys)
        self._buffered += len(keys)
        if self._buffered >= _BUFFER:
            self._write()

    def put_joined(self, first: int, rows: list[tuple[str, bool, int]]) -> None:
        """Give items ``first``, ``first + 1``, ... their keys as :func:`joined_keys` gives
        them (made where the keys are made, in another process, say): a new table takes the
        joined texts as they are, a batch at a time."""
        odd = [i for i, (_joined, is_odd, _count) in enumerate(rows) if is_odd]
        if not self.fresh or odd:
            for n, (joined, is_odd, _count) in enumerate(rows, first):
                self.put(n, _split(joined, is_odd))
            return
        self._items.extend(zip(range(first, first + len(rows)), (r[0] for r in rows), strict=True))
        self._buffered += sum(r[2] for r in rows)
        if self._buffered >= _BUFFER:
            self._write()

    def drop(self, n: int) -> None:
        keys = self.keys_of(n)
        assert self.db is not None
        self._indexed()
        self.db.executemany("DELETE FROM posting WHERE key = ? AND n = ?", [(k, n) for k in keys])
        self.db.execute("DELETE FROM item WHERE n = ?", (n,))

    def keys_of(self, n: int) -> list[str]:
        self._write()
        assert self.db is not None
        row = self.db.execute("SELECT keys FROM item WHERE n = ?", (n,)).fetchone()
        return row[0].split(_SEP) if row and row[0] else []

    def members(self, key: str) -> list[int]:
        self._write()
        assert self.db is not None
        self._indexed()  # (a new table being read: its postings moved in now)
        return [n for (n,) in self.db.execute("SELECT n FROM posting WHERE key = ?", (key,))]

    def postings_in_order(self) -> Iterator[tuple[str, int]]:
        """Every (key, item) pair, by key then item: read from the table as it is ordered,
        a few rows at a time."""
        self._write()
        assert self.db is not None
        self._indexed()
        yield from self.db.execute("SELECT key, n FROM posting ORDER BY key, n")

    def linked(self) -> Iterator[list[int]]:
        """Grouped by SQLite: only keys of two or more items come out (most keys are one
        item's), as one string of item numbers each, and each such string once: the items of
        one recurring name share all of their keys (some twenty), and a group read again
        links nothing new (at 3,000 appeals, 65,398 groups of 489,610 numbers are 3,897
        distinct groups of 45,921)."""
        self._write()
        assert self.db is not None
        self._indexed()
        stars = (MEMBER, MEMBER[:-1] + chr(ord(MEMBER[-1]) + 1))  # the member keys' range
        # (Each string once by a set here: SQLite's DISTINCT sorts every string into a
        # temporary table, three fifths of the query's time at 100,000 appeals.)
        seen: set[str] = set()
        for (numbers,) in self.db.execute(
            "SELECT group_concat(n) FROM posting WHERE key < ? OR key >= ? "
            "GROUP BY key HAVING count(*) > 1",
            stars,
        ):
            if numbers not in seen:
                seen.add(numbers)
                yield list(map(int, numbers.split(",")))
        del seen
        for first, numbers in self.db.execute(
            "SELECT h.first, group_concat(m.n) FROM "
            "(SELECT key, min(n) AS first FROM posting WHERE key >= ? AND key < ? GROUP BY key)"
            " AS h JOIN posting AS m ON m.key = ? || substr(h.key, ?) GROUP BY h.key",
            (HUB, HUB[:-1] + chr(ord(HUB[-1]) + 1), MEMBER, len(HUB) + 1),
        ):
            yield [first, *map(int, numbers.split(","))]

    # ---- the index's other parts, by key ---------------------------------------------------
    # Item numbers (number -> the item, as text) and the values of VALUE_TABLES, which
    # kg.record.identity_index reads and writes by key: a rebuild reads the rows of what its
    # change reaches and writes those it changed, in the transaction its key changes are in.

    def _db(self) -> sqlite3.Connection:
        if self.db is None:
            raise ValueError(f"{self.path}: the identity key table is closed")
        return self.db

    def value(self, table: str, k: str) -> bytes | None:
        """The value of ``k`` in ``table`` (one of :data:`VALUE_TABLES`), None if none."""
        row = self._db().execute(f"SELECT v FROM {_table(table)} WHERE k = ?", (k,)).fetchone()  # noqa: S608
        return None if row is None else row[0]

    def has_value(self, table: str, k: str) -> bool:
        row = self._db().execute(f"SELECT 1 FROM {_table(table)} WHERE k = ?", (k,)).fetchone()  # noqa: S608
        return row is not None

    def values(self, table: str) -> Iterator[tuple[str, bytes]]:
        """Every (key, value) of ``table``."""
        yield from self._db().execute(f"SELECT k, v FROM {_table(table)}")  # noqa: S608

    def put_values(self, table: str, rows: Iterable[tuple[str, bytes]]) -> None:
        self._db().executemany(f"INSERT OR REPLACE INTO {_table(table)} (k, v) VALUES (?, ?)", rows)  # noqa: S608

    def drop_values(self, table: str, ks: Iterable[str]) -> None:
        self._db().executemany(f"DELETE FROM {_table(table)} WHERE k = ?", ((k,) for k in ks))  # noqa: S608

    def item_of(self, n: int) -> str | None:
        """The item numbered ``n`` (as text), None if the number is free."""
        row = self._db().execute("SELECT item FROM number WHERE n = ?", (n,)).fetchone()
        return None if row is None else row[0]

    def items_of(self, numbers: list[int]) -> Iterator[tuple[int, str]]:
        """(number, item) of each of ``numbers`` that is not free, in one query a thousand."""
        db = self._db()
        for at in range(0, len(numbers), 1000):
            chunk = ",".join(map(str, numbers[at : at + 1000]))
            yield from db.execute(
                "SELECT n, item FROM number WHERE n IN (SELECT value FROM json_each(?))",
                (f"[{chunk}]",),
            )

    def number_of(self, item: str) -> int | None:
        row = self._db().execute("SELECT n FROM number WHERE item = ?", (item,)).fetchone()
        return None if row is None else row[0]

    def numbers(self) -> Iterator[tuple[int, str]]:
        """Every (number, item), by number."""
        yield from self._db().execute("SELECT n, item FROM number ORDER BY n")

    def put_numbers(self, dropped: Iterable[int], rows: Iterable[tuple[int, str]]) -> None:
        """Free the numbers ``dropped``, then give each number of ``rows`` its item."""
        db = self._db()
        db.executemany("DELETE FROM number WHERE n = ?", ((n,) for n in dropped))
        db.executemany("INSERT OR REPLACE INTO number (n, item) VALUES (?, ?)", rows)

    # ---- writing -------------------------------------------------------------------------

    def _write(self) -> None:
        if self.db is None:
            raise ValueError(f"{self.path}: the identity key table is closed")
        if self._items:
            self.db.executemany("INSERT INTO item (n, keys) VALUES (?, ?)", self._items)
            self._items = []
        if self._odd:
            self.db.executemany("INSERT INTO temp.odd (n) VALUES (?)", self._odd)
            self._odd = []
        if self._postings:
            self.db.executemany(
                "INSERT OR IGNORE INTO posting (key, n) VALUES (?, ?)", self._postings
            )
            self._postings = []
        self._buffered = 0

    def finish(self, helpers: int = 0) -> None:
        """Write what is buffered, make the key index, commit. A new table's postings are
        sorted with ``helpers`` threads of SQLite's beside this one (cores otherwise idle),
        the pages each thread sorts in memory as many fewer, so that the sorter holds what
        it held alone (``bench/README.md``, "Identity's one-core steps")."""
        self._write()
        assert self.db is not None
        if helpers > 0 and self.fresh:
            self.db.execute(f"PRAGMA threads = {int(helpers)}")
            self.db.execute(f"PRAGMA cache_size = -{_CACHE_KB // (int(helpers) + 1)}")
            try:
                self._indexed()
            finally:
                self.db.execute("PRAGMA threads = 0")
                self.db.execute(f"PRAGMA cache_size = -{_CACHE_KB}")
        self._indexed()
        self.db.execute("COMMIT")
        self.db.execute("BEGIN")

    def close(self) -> None:
        if self.db is not None:
            self.finish()
            self.db.execute("COMMIT")
            self.db.close()
            self.db = None

    def abandon(self) -> None:
        """Drop what was not committed and close (a build that failed or was stopped)."""
        if self.db is not None:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            self.db.close()
            self.db = None

    def save_as(self, path: Path) -> None:
        """Close the table and move its file to ``path``."""
        self.close()
        if self.prepare is None:  # a new file: changed in place by the next build
            db = sqlite3.connect(str(self.path))
            db.execute("PRAGMA journal_mode=WAL")
            db.close()
        if Path(path) != self.path:
            shutil.move(str(self.path), str(path))
            self.path = Path(path)

    def __getstate__(self) -> dict[str, object]:  # pickled with the index: its file's name
        return {"name": self.path.name}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.path, self.db, self.fresh = Path(str(state["name"])), None, False
        self.prepare = None
        self._items, self._postings, self._odd, self._buffered = [], [], [], 0


def joined_keys(keys: list[str]) -> tuple[str, bool, int]:
    """An item's keys as :meth:`DiskKeys.put_joined` takes them: joined, whether a new table
    must bind them one posting at a time (see :class:`DiskKeys`), and how many."""
    joined = _SEP.join(keys)
    return joined, _ODD.search(joined) is not None or bool(keys and not joined), len(keys)


def _split(joined: str, odd: bool) -> list[str]:
    """The keys :func:`joined_keys` joined (an empty text is no key, unless odd: one empty
    key)."""
    return joined.split(_SEP) if joined or odd else []


def _table(name: str) -> str:
    if name not in VALUE_TABLES:
        raise ValueError(f"no kept table {name!r}")
    return name


def load_keys(path: Path) -> MemoryKeys:
    """The table of the file at ``path``, read into memory (the file is only read)."""
    out = MemoryKeys()
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        for n, keys in db.execute("SELECT n, keys FROM item ORDER BY n"):
            out.put(n, keys.split(_SEP) if keys else [])
    finally:
        db.close()
    return out


__all__ = [
    "HUB",
    "MEMBER",
    "VALUE_TABLES",
    "DiskKeys",
    "KeyTable",
    "MemoryKeys",
    "joined_keys",
    "load_keys",
]
