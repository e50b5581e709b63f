"""What a build keeps for the next one, in one SQLite file keyed by record.

The state of a build is per record: a record file's size, time and hashes (its *entry*), and,
per record content hash, the identity items and the stored keys and provisions its record
gives. A rebuild after a few records changed reads and writes the rows of those records only;
the whole-corpus pickles it replaces were read and written whole by every build (about 10 s of
a 1% rebuild at 10,000 appeals).

The file (``state-<build>.sqlite``) lives in the ``kept/`` folder beside the store's
generations, named by the ``build-state.json`` of the generation it is the state of. A rebuild
changes it in place, the rows that changed in one transaction, journalled so that a rebuild
stopped before its new generation is swapped in is undone by the next build
(:mod:`kg.store.kept`); a full build writes a new file. (A store built before kept the file
inside its generation; the next rebuild copies it into ``kept/`` once.)

Tables:

- ``meta(name, value)``: the format version (a file of another version is not used: the build
  then builds everything);
- ``files(path, entry)``: one row per record file, its entry as JSON;
- ``items(sha, data, keys)``: a record's identity items (pickled), by the hash of its bytes,
  and their keys alone (what identity resolution walks without reading every item);
- ``facts(sha, data)``: a record's stored keys and provisions (pickled), by the same hash;
- ``stored_key(key, sha)``: each stored key of those records, by key, so that a rebuild checks
  that the keys of the records it read are used by no other record without reading every
  record's facts (filled once for a state made before it was: meta ``stored_keys``);
- ``shared_row(graph, key)``, with ``shared_graph(id, graph)`` and ``shared_key(id, key)``:
  the shared index of :mod:`kg.store.delta` (a triple two or more appeal graphs state -> those
  graphs), one row of two ids per triple and graph, looked up by graph (its key) and by triple
  (an index), so that a rebuild reads the rows of the triples its changed graphs state and of
  those graphs, and writes only the rows that came or went: a triple every appeal states (a
  court's name, say) is not written again whole when one appeal changes (:class:`SharedRows`);
  ``shared_count(key, holders)``: how many graphs state each of those triples, kept with the
  rows, so that a rebuild placing a triple its changed graphs state reads one number, not the
  thousands of holders a court's or a country's label has (layout 4; a state of layout 3 is
  given its counts, counted from the rows, the first time a rebuild asks for them).
  The earlier layouts (``shared`` and ``shared_by``, the triple's text and the graph's IRI in
  every row: 308 MB at 10,000 appeals) are read once by the next rebuild and dropped.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from pathlib import Path
from typing import Any

import numpy as np

from kg.store.spill import Shelved

STATE_DB = "state.sqlite"
DB_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, entry TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS items (sha TEXT PRIMARY KEY, data BLOB NOT NULL, keys BLOB);
CREATE TABLE IF NOT EXISTS facts (sha TEXT PRIMARY KEY, data BLOB NOT NULL, keys BLOB);
CREATE TABLE IF NOT EXISTS shared_key (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS shared_graph (id INTEGER PRIMARY KEY, graph TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS shared_row (graph INTEGER NOT NULL, key INTEGER NOT NULL,
                                       PRIMARY KEY (graph, key)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS shared_row_key ON shared_row (key);
CREATE TABLE IF NOT EXISTS shared_count (key INTEGER PRIMARY KEY, holders INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS stored_key (key TEXT NOT NULL, sha TEXT NOT NULL,
                                       PRIMARY KEY (key, sha)) WITHOUT ROWID;
"""
# meta "shared": 1 and 2 the earlier layouts (tables ``shared`` and ``shared_by``, a triple's
# text and a graph's IRI in every row), 3 rows of ids, 4 this one (rows of ids and a count of
# holders per triple).
_SHARED_LAYOUT = 4
_SHARED_ROWS = """SELECT k.key, g.graph FROM shared_row r JOIN shared_key k ON k.id = r.key
                  JOIN shared_graph g ON g.id = r.graph"""
_BATCH = 500  # values bound in one query (SQLite allows 32,766; fewer keep each query short)
_SCAN_FROM = 5000  # rows wanted from which one pass over the table is cheaper than lookups
_TABLES = ("items", "facts")


class BuildState:
    """A build's state file, open for reading (the previous generation's) or for writing (the
    new generation's). Rows are read on demand and written as the build changes them; nothing
    is written to disk before :meth:`commit`."""

    def __init__(self, path: Path, *, readonly: bool = False, changing: str | None = None) -> None:
        """Open the file at ``path``: to read it, to fill it (a new file, or a copy no
        generation names: nothing to undo), or, with ``changing`` (the build whose state the
        kept file is), to change it in place with an undo journal (:mod:`kg.store.kept`)."""
        from kg.store.kept import begin_changes, connect

        self.path = Path(path)
        self.rows_written = 0  # rows written or deleted since opened (for progress lines)
        self.token: str | None = None  # the build this file is made the state of on commit
        self.base: str | None = changing  # the build whose state the file was when opened
        self.kept = False  # whether the file is in the kept folder (else in a generation)
        self.names = {"state": self.path.name}  # kept files, for build-state.json
        if readonly or changing is not None:
            self.db = connect(self.path, readonly=readonly)
        else:
            self.db = sqlite3.connect(str(self.path), isolation_level=None)
            # A new file no generation names yet: no journal to keep on disk (a crashed
            # build's file is thrown away).
            self.db.execute("PRAGMA journal_mode=OFF")
            self.db.execute("PRAGMA synchronous=OFF")
        if not readonly:
            self.db.executescript(_SCHEMA)
            if changing is not None:
                begin_changes(self.db, changing)
            self.db.execute("BEGIN")

    # ---- opening -----------------------------------------------------------------------

    @classmethod
    def read(cls, generation: Path | None) -> BuildState | None:
        """The state a generation kept (in the kept folder beside the generations, or, as
        built before, inside it); None if it has none or one of another version. A kept file
        that a stopped rebuild changed is first made this generation's state again."""
        from kg.store.kept import kept_path, recover_file

        if generation is None:
            return None
        path = kept_path(generation, "state")
        if path is not None:
            if not recover_file(path, _build_of(generation)):
                return None
        elif (generation / STATE_DB).is_file():
            path = generation / STATE_DB
        else:
            return None
        try:
            state = cls(path, readonly=True)
            if state.meta("version") != DB_VERSION:
                state.close()
                return None
        except sqlite3.Error:
            return None
        state.kept = path.parent != generation
        state.token = _build_of(generation)
        return state

    @classmethod
    def create(
        cls, folder: Path, previous: BuildState | None = None, token: str | None = None
    ) -> BuildState:
        """The state of a new generation ``folder`` of a store, to be made the state of build
        ``token``: the kept file of ``previous``, changed in place; else a new file in the
        kept folder beside ``folder`` (:mod:`kg.store.kept`), a copy of ``previous`` (a state
        kept inside its generation, as built before) or empty. Without ``token``, a file of
        its own in ``folder`` (a copy of ``previous``, or empty)."""
        from kg.store.kept import KEPT_DIR

        if token is not None and previous is not None and previous.kept and previous.token:
            state = cls(previous.path, changing=previous.token)
        else:
            if token is None:
                path = folder / STATE_DB
            else:
                (folder.parent / KEPT_DIR).mkdir(exist_ok=True)
                path = folder.parent / KEPT_DIR / f"state-{token}.sqlite"
            if previous is not None:
                shutil.copyfile(previous.path, path)
            state = cls(path)
            state.base = previous.token if previous is not None else None
        state.token = token
        state.set_meta("version", DB_VERSION)
        return state

    @classmethod
    def resume(cls, path: Path, token: str, names: dict[str, str], rows: int) -> BuildState:
        """A new state file another process began and :meth:`hand_over`-ed (the first half
        of a full build), open to go on filling it for build ``token``: ``names`` the kept
        files named so far, ``rows`` the rows written so far."""
        state = cls(path)
        state.token = token
        state.names = dict(names)
        state.rows_written = rows
        return state

    def hand_over(self) -> None:
        """Write the rows so far and close, not yet the state of any build (no seal): a new
        file no generation names, which :meth:`resume` opens again, or the next build removes
        if this one fails (:func:`kg.store.kept.remove_unnamed`)."""
        self.db.execute("COMMIT")
        self.db.close()

    def close(self) -> None:
        self.db.close()

    def abandon(self) -> None:
        """Drop what was not committed and close (a build that failed or was stopped)."""
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")
        self.db.close()

    def commit(self) -> None:
        """Write the changes and close; the file is complete, and the state of the build
        :attr:`token`, once this returns."""
        from kg.store.kept import seal

        if self.token is not None:
            seal(self.db, self.token)
        self.db.execute("COMMIT")
        self.db.execute("PRAGMA journal_mode=WAL")  # a new file: changed in place from now on
        if self.meta("compact"):  # tables of an earlier layout were dropped: give back room
            self.db.execute("DELETE FROM meta WHERE name = 'compact'")
            self.db.execute("VACUUM")
        self.db.close()

    # ---- rows --------------------------------------------------------------------------

    def meta(self, name: str) -> Any:
        row = self.db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return None if row is None else json.loads(row[0])

    def set_meta(self, name: str, value: Any) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)", (name, json.dumps(value))
        )

    def entries(self) -> dict[str, dict[str, Any]]:
        """Every record file's entry, by path. The rows are decoded as one JSON array: one
        call of the decoder, not one per record (a tenth of a no-op rebuild at 100,000)."""
        rows = self.db.execute("SELECT path, entry FROM files").fetchall()
        if not rows:
            return {}
        decoded = json.loads("[" + ",".join(e for _p, e in rows) + "]")
        return dict(zip((p for p, _e in rows), decoded, strict=True))

    def write_entries(
        self, entries: Mapping[str, Mapping[str, Any]], before: Mapping[str, Any]
    ) -> int:
        """Make the files table ``entries``, given that it holds ``before``: only the rows
        that differ are written. Returns how many were written or deleted."""
        gone = [(p,) for p in before if p not in entries]
        changed = [(p, json.dumps(e)) for p, e in entries.items() if before.get(p) != e]
        self.db.executemany("DELETE FROM files WHERE path = ?", gone)
        self.db.executemany("INSERT OR REPLACE INTO files (path, entry) VALUES (?, ?)", changed)
        self.rows_written += len(gone) + len(changed)
        return len(gone) + len(changed)

    def shas(self, table: str) -> set[str]:
        """The record hashes ``table`` (items or facts) has rows for."""
        return {sha for (sha,) in self.db.execute(f"SELECT sha FROM {_table(table)}")}  # noqa: S608

    def load(self, table: str, shas: Iterable[str]) -> dict[str, Any]:
        """The rows of ``table`` for ``shas`` (those it has), unpickled."""
        return self._rows(_table(table), "data", shas)

    def load_keys(self, shas: Iterable[str]) -> dict[str, Any]:
        """The item keys of the records ``shas`` (those it has), without their items."""
        return self._rows("items", "keys", shas)

    def _rows(self, table: str, column: str, shas: Iterable[str]) -> dict[str, Any]:
        """Column ``column`` of the rows of ``shas``, unpickled (rows without it are left
        out): by batches of hashes, or in one pass over the table when most rows are wanted
        (one query per row cost seven times as much as one pass at 10,000 records)."""
        wanted = set(shas)
        out: dict[str, Any] = {}
        rows: Iterable[tuple[str, bytes | None]]
        if len(wanted) > _SCAN_FROM:
            rows = self.db.execute(f"SELECT sha, {column} FROM {table}")  # noqa: S608
        else:
            rows = self._batches(table, column, sorted(wanted))
        for sha, data in rows:
            if data is not None and sha in wanted:
                out[sha] = pickle.loads(data)  # noqa: S301 - written by this build
        return out

    def _batches(
        self, table: str, column: str, shas: list[str]
    ) -> Iterator[tuple[str, bytes | None]]:
        for start in range(0, len(shas), _BATCH):
            part = shas[start : start + _BATCH]
            marks = ",".join("?" * len(part))
            query = f"SELECT sha, {column} FROM {table} WHERE sha IN ({marks})"  # noqa: S608
            yield from self.db.execute(query, part)

    def keep_only(self, table: str, shas: Iterable[str], value: Callable[[str], Any]) -> int:
        """Make ``table`` hold exactly the records ``shas``: rows of other hashes are deleted,
        rows of new hashes written with ``value(sha)``; a row already there is not written
        again (its hash is that of the record it was made from), nor its value asked for.
        Returns rows changed. Items are lists of :class:`kg.record.identity.Item`, whose keys
        are kept beside them."""
        name = _table(table)
        have = self.shas(table)
        wanted = set(shas)
        gone = [(sha,) for sha in have if sha not in wanted]
        new = []
        for sha in sorted(wanted - have):
            v = value(sha)
            if isinstance(v, Shelved):  # items kept on disk: copied as they were pickled
                data, keys = v.pickled(), list(v.keys)
            else:
                data = pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL)
                keys = [i.key for i in v] if name == "items" else None
            new.append(
                (
                    sha,
                    data,
                    None if keys is None else pickle.dumps(keys, protocol=pickle.HIGHEST_PROTOCOL),
                )
            )
        self.db.executemany(f"DELETE FROM {name} WHERE sha = ?", gone)  # noqa: S608
        insert = f"INSERT INTO {name} (sha, data, keys) VALUES (?, ?, ?)"  # noqa: S608
        self.db.executemany(insert, new)
        written = len(gone) + len(new)
        if name == "facts":
            written += self._keep_stored_keys(gone, new, bool(have))
        self.rows_written += written
        return written

    def _keep_stored_keys(
        self, gone: list[tuple[str]], new: list[tuple[Any, ...]], had: bool
    ) -> int:
        """The ``stored_key`` rows of the facts rows deleted and added (``had``: whether there
        were rows before); of all of them when the rows are not those of the build the file
        was the state of (meta ``stored_keys`` names the build that last kept them: a state
        made, or last changed, by a version that did not keep them)."""
        if self.meta("stored_keys") != (self.base or "") or not had:
            self.db.execute("DELETE FROM stored_key")
            if had:
                new = list(self.db.execute("SELECT sha, data FROM facts"))
            gone = []
        self.set_meta("stored_keys", self.token or "")
        for start in range(0, len(gone), _BATCH):
            part = [sha for (sha,) in gone[start : start + _BATCH]]
            marks = ",".join("?" * len(part))
            self.db.execute(f"DELETE FROM stored_key WHERE sha IN ({marks})", part)  # noqa: S608
        rows = [
            (key, row[0])
            for row in new
            for key, _where in pickle.loads(row[1])[0]  # noqa: S301 - written by this build
        ]
        self.db.executemany("INSERT OR IGNORE INTO stored_key (key, sha) VALUES (?, ?)", rows)
        return len(rows)

    def holders_of_keys(self, keys: Iterable[str]) -> dict[str, set[str]] | None:
        """key -> the record hashes (of the facts table) whose stored keys hold it, for
        ``keys``; None when this state does not keep them by key, or they were not kept by
        the build whose state it is (see :meth:`_keep_stored_keys`)."""
        if self.meta("stored_keys") != (self.token or ""):
            return None
        wanted = sorted(set(keys))
        out: dict[str, set[str]] = {}
        for start in range(0, len(wanted), _BATCH):
            part = wanted[start : start + _BATCH]
            marks = ",".join("?" * len(part))
            query = f"SELECT key, sha FROM stored_key WHERE key IN ({marks})"  # noqa: S608
            for key, sha in self.db.execute(query, part):
                out.setdefault(key, set()).add(sha)
        return out

    # ---- the shared index ----------------------------------------------------------------

    def has_shared(self) -> bool:
        """Whether the shared index is kept here (a state from before it was is not)."""
        return bool(self.meta("shared"))

    def shared_rows(self) -> SharedRows:
        """The shared index, read and changed row by row (see :class:`SharedRows`)."""
        layout = self.meta("shared")
        if layout in (1, 2):  # an earlier layout: read whole once, kept as ids
            self.write_shared(_earlier_shared(self.db))
            self.set_meta("compact", 1)  # its rows' room is given back on commit
        elif layout == 3:  # rows without counts: counted once from the rows
            self.db.execute("DELETE FROM shared_count")
            self.db.execute(
                "INSERT INTO shared_count (key, holders) SELECT key, COUNT(*) FROM shared_row"
                " GROUP BY key"
            )
            self.set_meta("shared", _SHARED_LAYOUT)
        return SharedRows(self)

    def write_shared(self, index: Mapping[str, list[str]]) -> None:
        """Make the shared index ``index`` (a full build's, whole)."""
        for table in ("shared", "shared_by"):  # the earlier layouts'
            self.db.execute(f"DROP TABLE IF EXISTS {table}")
        for table in ("shared_row", "shared_key", "shared_graph", "shared_count"):
            self.db.execute(f"DELETE FROM {table}")  # noqa: S608
        graphs = {g: n for n, g in enumerate(sorted({g for h in index.values() for g in h}), 1)}
        ordered = sorted(index)
        self.db.executemany(
            "INSERT INTO shared_graph (id, graph) VALUES (?, ?)",
            ((n, g) for g, n in graphs.items()),
        )
        self.db.executemany("INSERT INTO shared_key (id, key) VALUES (?, ?)", enumerate(ordered, 1))
        # Rows in the order of their primary key, and the index by key made once after them:
        # inserted in the index's order instead, each row lands at a random page of the
        # table, and the pages touched outgrow SQLite's cache as the corpus grows.
        sizes = np.fromiter((len(index[k]) for k in ordered), np.int64, len(ordered))
        key_ids = np.repeat(np.arange(1, len(ordered) + 1, dtype=np.int64), sizes)
        graph_ids = np.fromiter(
            (graphs[g] for k in ordered for g in index[k]), np.int64, int(sizes.sum())
        )
        order = np.lexsort((key_ids, graph_ids))
        self.db.execute("DROP INDEX IF EXISTS shared_row_key")
        self.db.executemany(
            "INSERT INTO shared_row (graph, key) VALUES (?, ?)",
            zip(graph_ids[order].tolist(), key_ids[order].tolist(), strict=True),
        )
        self.db.execute("CREATE INDEX shared_row_key ON shared_row (key)")
        self.db.executemany(
            "INSERT INTO shared_count (key, holders) VALUES (?, ?)",
            zip(range(1, len(ordered) + 1), sizes.tolist(), strict=True),
        )
        self.set_meta("shared", _SHARED_LAYOUT)


def _earlier_shared(db: sqlite3.Connection) -> dict[str, list[str]]:
    """The shared index of a state of an earlier layout (both kept ``shared_by``)."""
    out: dict[str, list[str]] = {}
    for k, graph in db.execute("SELECT key, graph FROM shared_by ORDER BY key, graph"):
        out.setdefault(k, []).append(graph)
    return out


class SharedRows(MutableMapping[str, list[str]]):
    """The shared index of :mod:`kg.store.delta` as rows of a build state: a triple's key -> the
    appeal graphs stating it (two or more), and how many they are.

    A rebuild asks, for each triple its changed graphs state, only how many graphs state it
    (:meth:`count`; :meth:`prefetch` reads many in a few queries), which of the changed graphs
    do (:meth:`held_by`, through the ``shared_row`` table's key by graph), and, for the few
    triples left with one holder, who that is (:meth:`holders`); it tells what changed with
    :meth:`change`. What it reads and writes is then the size of the change: a triple thousands
    of appeals state (a court's name) costs one count, not its thousands of rows. Changes are
    held until :meth:`flush` writes them. It is also a mapping (triple -> its holders, read
    when asked; iterating reads every row), for tests and checks."""

    def __init__(self, state: BuildState) -> None:
        self.state = state
        self._count: dict[str, int] = {}  # read or changed (0: no entry, fewer than 2 holders)
        # changed: (every stored row dropped first, stored rows gone, rows come)
        self._pending: dict[str, tuple[bool, set[str], set[str]]] = {}

    def prefetch(self, keys: Iterable[str]) -> None:
        """Read the counts of ``keys`` not read yet, in batches."""
        todo = sorted({k for k in keys if k not in self._count})
        for start in range(0, len(todo), _BATCH):
            part = todo[start : start + _BATCH]
            marks = ",".join("?" * len(part))
            query = (
                "SELECT k.key, c.holders FROM shared_key k JOIN shared_count c ON c.key = k.id"
                f" WHERE k.key IN ({marks})"  # noqa: S608
            )
            found = dict(self.state.db.execute(query, part))
            for k in part:
                self._count[k] = int(found.get(k, 0))

    def count(self, key: str) -> int:
        """How many appeal graphs state ``key`` (0 when it is not in the index: one or none)."""
        if key not in self._count:
            self.prefetch([key])
        return self._count[key]

    def held_by(self, graphs: Iterable[str]) -> dict[str, set[str]]:
        """The triples ``graphs`` state, each with those of ``graphs`` that state it (as the
        rows are now, changes included); their counts are read too."""
        graphs = sorted(set(graphs))
        wanted = set(graphs)
        out: dict[str, set[str]] = {}
        for start in range(0, len(graphs), _BATCH):
            part = graphs[start : start + _BATCH]
            marks = ",".join("?" * len(part))
            query = f"{_SHARED_ROWS} WHERE g.graph IN ({marks})"  # noqa: S608
            for k, g in self.state.db.execute(query, part):
                out.setdefault(k, set()).add(g)
        for k, (reset, gone, came) in self._pending.items():
            now = (set() if reset else out.get(k, set()) - gone) | (came & wanted)
            if now:
                out[k] = now
            else:
                out.pop(k, None)
        self.prefetch(out)
        return {k: out[k] for k in sorted(out)}

    def holders(self, key: str) -> list[str]:
        """Every appeal graph stating ``key`` (all its rows: for a triple with few)."""
        if self.count(key) < 2:
            return []
        reset, gone, came = self._pending.get(key, (False, set(), set()))
        stored: set[str] = set()
        if not reset:
            query = f"{_SHARED_ROWS} WHERE r.key = (SELECT id FROM shared_key WHERE key = ?)"
            stored = {g for _k, g in self.state.db.execute(query, (key,))}
        return sorted((stored - gone) | came)

    def change(self, key: str, gone: Iterable[str], came: Iterable[str]) -> None:
        """The graphs ``gone`` (holders now) no longer state ``key``, the graphs ``came`` (not
        holders now) do; left with fewer than two holders, it leaves the index (``came`` is
        then every holder if it comes back)."""
        gone, came = set(gone), set(came)
        now = self.count(key) - len(gone) + len(came)
        if now < 2:
            if self._count[key] or key in self._pending:
                self._pending[key] = (True, set(), set())
                self._count[key] = 0
            return
        reset, was_gone, was_came = self._pending.get(key, (False, set(), set()))
        for g in gone:
            if g in was_came:
                was_came.discard(g)
            elif not reset:
                was_gone.add(g)
        for g in came:
            if g in was_gone:
                was_gone.discard(g)
            else:
                was_came.add(g)
        self._pending[key] = (reset, was_gone, was_came)
        self._count[key] = now

    def __getitem__(self, key: str) -> list[str]:
        found = self.holders(key)
        if not found:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.count(key) > 1

    def __setitem__(self, key: str, holders: list[str]) -> None:
        old, new = set(self.holders(key)), set(holders)
        if self.count(key) < 2:
            self.change(key, (), new)
        else:
            self.change(key, old - new, new - old)

    def __delitem__(self, key: str) -> None:
        if key not in self:
            raise KeyError(key)
        self.change(key, self.holders(key), ())

    def __iter__(self) -> Iterator[str]:
        self.flush()
        query = "SELECT key FROM shared_key WHERE id IN (SELECT key FROM shared_count) ORDER BY key"
        return iter([k for (k,) in self.state.db.execute(query)])

    def __len__(self) -> int:
        self.flush()
        return int(self.state.db.execute("SELECT COUNT(*) FROM shared_count").fetchone()[0])

    def flush(self) -> int:
        """Write the changed rows and counts; returns how many triples changed."""
        db = self.state.db
        changed = sorted(self._pending)
        dropped = [(k,) for k in changed if self._pending[k][0]]
        gone, came = [], []
        for k in changed:  # only the holders that went or came, not the whole list again
            _reset, went, come = self._pending[k]
            gone += [(g, k) for g in sorted(went)]
            came += [(g, k) for g in sorted(come)]
        key_id = "(SELECT id FROM shared_key WHERE key = ?)"
        db.executemany(f"DELETE FROM shared_row WHERE key = {key_id}", dropped)  # noqa: S608
        db.executemany(f"DELETE FROM shared_count WHERE key = {key_id}", dropped)  # noqa: S608
        db.executemany(
            "DELETE FROM shared_row WHERE graph = (SELECT id FROM shared_graph WHERE graph = ?)"
            f" AND key = {key_id}",  # noqa: S608
            gone,
        )
        db.executemany(
            "INSERT OR IGNORE INTO shared_graph (graph) VALUES (?)", ((g,) for g, _ in came)
        )
        db.executemany("INSERT OR IGNORE INTO shared_key (key) VALUES (?)", ((k,) for _, k in came))
        db.executemany(
            "INSERT INTO shared_row (graph, key) VALUES ((SELECT id FROM shared_graph"
            f" WHERE graph = ?), {key_id})",  # noqa: S608
            came,
        )
        db.executemany(
            f"INSERT OR REPLACE INTO shared_count (key, holders) VALUES ({key_id}, ?)",  # noqa: S608
            ((k, self._count[k]) for k in changed if self._count[k] > 1),
        )
        self._pending.clear()
        return len(changed)


def read_shared(generation: Path | None) -> dict[str, list[str]] | None:
    """The shared index a generation's state keeps, whole (None if it keeps none)."""
    state = BuildState.read(generation)
    if state is None:
        return None
    try:
        if not state.has_shared():
            return None
        if state.meta("shared") in (1, 2):
            return _earlier_shared(state.db)
        out: dict[str, list[str]] = {}
        for k, graph in state.db.execute(f"{_SHARED_ROWS} ORDER BY k.key, g.graph"):
            out.setdefault(k, []).append(graph)
        return out
    finally:
        state.close()


RECENT = 64  # records whose items kept on disk (Shelved) stay loaded after they are read
# Records whose items were read from the previous build's state that stay loaded: kept all,
# a rebuild that resolves every item (its identity index of another version) held every
# record's items at once (790 MB at 10,000 appeals, 6.6 GB at 100,000)
FROM_STATE = 1024


class RecordItems(Mapping[Any, Any]):
    """Every identity item of the chosen records (item key -> item), in the order a full
    resolution takes them (records by appeal id, a record's items in its order), as
    :func:`kg.record.identity_index.resolve_with_index` wants them; the items of a record the
    build did not read are loaded from the previous build's state only when asked for (a 1%
    change asks for few). ``order``: (appeal id, record hash, the record's item keys) per
    chosen record; ``have``: the items of the records read now, by hash."""

    def __init__(
        self,
        order: list[tuple[str, str, list[Any]]],
        have: dict[str, list[Any]],
        state: BuildState | None,
    ) -> None:
        self._order = order
        self._sha = {aid: sha for aid, sha, _keys in order}
        # Each record's item keys by appeal id, for membership: an item key is (appeal id,
        # local id), so a key is looked up among its record's few (a set of every item key
        # of the corpus cost 0.27 s of each rebuild's CPU at 100,000 appeals).
        self._keys = {aid: keys for aid, _sha, keys in order}
        self._size = sum(len(keys) for _aid, _sha, keys in order)
        # A record's items, or where they are on disk (kg.store.spill.Shelved): those are
        # loaded when asked for, and only the last few loaded are kept (RECENT), so that the
        # build never holds every record's items at once.
        self._have: dict[str, Any] = dict(have)
        self._recent: dict[str, list[Any]] = {}
        self._from_state: OrderedDict[str, list[Any]] = OrderedDict()  # the last read
        self._read: set[str] = set()  # records whose items were read from the state
        self._by_key: dict[str, dict[Any, Any]] = {}
        self._path = state.path if state is not None else None
        self._db: sqlite3.Connection | None = None
        self._pid = 0

    def of(self, sha: str) -> list[Any]:
        """The items of one record, by its hash."""
        if sha not in self._have:
            return self._state_items(sha)
        found = self._have[sha]
        if not isinstance(found, Shelved):
            return found  # type: ignore[no-any-return]
        loaded = self._recent.get(sha)
        if loaded is None:
            if len(self._recent) >= RECENT:
                self._recent.clear()
            loaded = self._recent[sha] = found.load()
        return loaded

    def _state_items(self, sha: str) -> list[Any]:
        """A record's items read from the previous build's state; the last
        :data:`FROM_STATE` read stay loaded."""
        cached = self._from_state.get(sha)
        if cached is not None:
            self._from_state.move_to_end(sha)
            return cached
        if self._db is None or self._pid != os.getpid():  # a forked worker: its own
            self._db = sqlite3.connect(str(self._path), isolation_level=None)
            self._db.execute("PRAGMA query_only=1")
            self._pid = os.getpid()
        row = self._db.execute("SELECT data FROM items WHERE sha = ?", (sha,)).fetchone()
        if row is None:
            raise KeyError(sha)
        found: list[Any] = pickle.loads(row[0])  # noqa: S301 - written by this build
        self._read.add(sha)
        self._from_state[sha] = found
        if len(self._from_state) > FROM_STATE:
            self._from_state.popitem(last=False)
        return found

    def stored(self, sha: str) -> Any:
        """The items of one record as :meth:`BuildState.keep_only` writes them: where they
        are on disk if they are (not loaded), else the items."""
        found = self._have.get(sha)
        return found if isinstance(found, Shelved) else self.of(sha)

    def by_appeal(self) -> dict[str, list[Any]]:
        """The item keys of each record that has items, by appeal id, in order."""
        return {aid: keys for aid, _sha, keys in self._order if keys}

    def loaded(self) -> int:
        """Records whose items were read (now or from the state)."""
        return len(self._have) + len(self._read)

    def __getitem__(self, key: Any) -> Any:
        sha = self._sha.get(key[0]) if isinstance(key, tuple) and key else None
        if sha is None or key not in self._keys[key[0]]:
            raise KeyError(key)
        found = self._by_key.get(sha)
        if found is None:
            if len(self._by_key) >= RECENT:
                self._by_key.clear()
            found = self._by_key[sha] = {i.key: i for i in self.of(sha)}
        return found[key]

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, tuple) or not key:
            return False
        keys = self._keys.get(key[0])
        return keys is not None and key in keys

    def __iter__(self) -> Iterator[Any]:
        for _aid, _sha, keys in self._order:
            yield from keys

    def __len__(self) -> int:
        return self._size

    def __reduce__(self) -> tuple[Any, ...]:
        return (dict, (dict(self.items()),))  # to another process: the items themselves


def _build_of(generation: Path) -> str | None:
    """The ``build`` a generation's ``build-state.json`` names."""
    try:
        summary = json.loads((generation / "build-state.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    build = summary.get("build")
    return build if isinstance(build, str) else None


def _table(name: str) -> str:
    if name not in _TABLES:
        raise ValueError(f"no table {name!r} in the build state")
    return name


__all__ = ["DB_VERSION", "STATE_DB", "BuildState", "RecordItems", "SharedRows", "read_shared"]
