"""SQLite files a build keeps for the next one, changed in place rather than copied.

The build state (:mod:`kg.store.state`) and the identity keys (:mod:`kg.record.keytable`) grow
with the corpus (333 MB at 10,000 appeals), while a rebuild after a small change touches a few
of their rows. Copied into every new generation, they cost a rebuild what the corpus costs; so
they live in one folder beside the generations (``kept/``), each named in the
``build-state.json`` of the generation it belongs to, and a rebuild changes them where they are.

Atomicity stays that of :func:`kg.files.replacing_folder` -- a killed or failed rebuild leaves
the previous generation usable, its kept files included -- through an undo journal kept inside
each file:

- a file holds, in ``kept_meta``, the build it is the state of (``token``: the ``build`` of the
  generation's ``build-state.json``);
- a rebuild first records, in one transaction, that it starts from that build (``from``) and
  that the file is no longer any build's state (``token`` empty); from then on, triggers of its
  own connection write, for every row it inserts, deletes or updates, the statement that undoes
  it into ``kept_undo``, in the same transactions as the change (SQLite's write-ahead log makes
  each commit whole, or nothing after a kill);
- its last transaction names the file the state of the new build, and only then is the new
  generation swapped in;
- a build that opens a file whose ``token`` is not its current generation's, but whose
  ``from`` is, runs the journal backwards (a rebuild stopped before the swap) and the file is
  the current generation's state again; a file that is neither is not used (everything is
  built again).

The journal's size is that of the change (the rows a rebuild writes), not of the file. A full
build writes new files under new names (nothing to undo: a failed full build's files are not
named by any generation and are removed by the next build).
"""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.files import current_generation, folder_lock, generations_home

KEPT_DIR = "kept"  # beside the generations
SUMMARY_KEY = "kept"  # in build-state.json: role -> file name in KEPT_DIR
_META = "kept_meta"
_UNDO = "kept_undo"
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS {_META} (name TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS {_UNDO} (seq INTEGER PRIMARY KEY, statement TEXT NOT NULL);
"""


def kept_folder(store_path: Path | str) -> Path:
    """The folder of the kept files of the store at ``store_path``."""
    return generations_home(store_path) / KEPT_DIR


def new_token() -> str:
    """A build's name, as its ``build-state.json`` and its kept files give it."""
    return uuid.uuid4().hex


def kept_names(generation: Path | None) -> dict[str, str]:
    """The kept files (role -> file name) the generation's ``build-state.json`` names."""
    if generation is None:
        return {}
    try:
        summary = json.loads((generation / "build-state.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    names = summary.get(SUMMARY_KEY)
    return dict(names) if isinstance(names, dict) else {}


def kept_path(generation: Path | None, role: str) -> Path | None:
    """Where the kept file ``role`` of ``generation`` is (None if it names none, or the file is
    gone)."""
    name = kept_names(generation).get(role)
    if generation is None or not name:
        return None
    path = generation.parent / KEPT_DIR / name
    return path if path.is_file() else None


@contextmanager
def kept_lock(store_path: Path | str) -> Iterator[Path]:
    """One build at a time changes the kept files of a store (an advisory lock, released by
    the kernel when the process dies); yields the kept folder."""
    with folder_lock(kept_folder(store_path), store_path) as folder:
        yield folder


def remove_unnamed(store_path: Path | str) -> list[Path]:
    """Remove the kept files that neither the current generation nor the one it replaced
    names (those of failed full builds, of older generations). Call under :func:`kept_lock`."""
    folder = kept_folder(store_path)
    current = current_generation(store_path)
    if not folder.is_dir() or current is None:
        return []
    keep = set(kept_names(current).values())
    removed = []
    for entry in folder.iterdir():
        base = entry.name.split(".sqlite", 1)[0] + ".sqlite"
        if entry.name.startswith(".") or base in keep:
            continue
        entry.unlink(missing_ok=True)
        removed.append(entry)
    return removed


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection to a kept file in write-ahead-log mode (readers see the last commit while
    a rebuild changes the file; a killed writer's transaction is dropped on the next open)."""
    db = sqlite3.connect(str(path), isolation_level=None)
    if readonly:
        db.execute("PRAGMA query_only=1")
    else:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
    return db


def recover_file(path: Path | None, token: str | None) -> bool:
    """:func:`recover` on the file at ``path`` (False if there is none)."""
    if path is None or not path.is_file():
        return False
    db = connect(path)
    try:
        return recover(db, token)
    except sqlite3.Error:
        return False
    finally:
        db.close()


def recover(db: sqlite3.Connection, token: str | None) -> bool:
    """Make the file the state of build ``token`` again if a rebuild that started from it
    changed it and was not swapped in; returns whether the file is that build's state."""
    if not token or not _has_meta(db):
        return False
    at, was = _meta(db, "token"), _meta(db, "from")
    if at == token:
        return True
    if was != token:
        return False
    db.execute("BEGIN IMMEDIATE")
    try:
        undo = db.execute(f"SELECT statement FROM {_UNDO} ORDER BY seq DESC").fetchall()  # noqa: S608
        for (statement,) in undo:
            db.execute(statement)
        db.execute(f"DELETE FROM {_UNDO}")  # noqa: S608
        _set_meta(db, "token", token)
        _set_meta(db, "from", None)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return True


def begin_changes(db: sqlite3.Connection, token: str) -> None:
    """Start changing, in place, the file that is the state of build ``token``: from now on,
    every row changed through ``db`` is journalled (see the module's docstring). No
    transaction may be open."""
    db.execute("PRAGMA recursive_triggers=ON")  # INSERT OR REPLACE's deletions are journalled
    db.execute("BEGIN IMMEDIATE")
    for statement in _SCHEMA.strip().split(";"):
        if statement.strip():
            db.execute(statement)
    db.execute(f"DELETE FROM {_UNDO}")  # noqa: S608
    _set_meta(db, "from", token)
    _set_meta(db, "token", "")
    db.execute("COMMIT")
    for table, columns, key in _tables(db):
        _journal_table(db, table, columns, key)


def seal(db: sqlite3.Connection, token: str) -> None:
    """Name the file the state of build ``token``, in the transaction open on ``db`` (whose
    commit is the caller's): the last write of a build to the file."""
    for statement in _SCHEMA.strip().split(";"):
        if statement.strip():
            db.execute(statement)
    _set_meta(db, "token", token)


def _tables(db: sqlite3.Connection) -> list[tuple[str, list[str], list[str]]]:
    out = []
    rows = db.execute(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    for (table,) in rows:
        if table in (_META, _UNDO):
            continue
        info = db.execute(f"PRAGMA main.table_info({_quote(table)})").fetchall()
        columns = [str(r[1]) for r in info]
        key = [str(r[1]) for r in sorted((r for r in info if r[5]), key=lambda r: r[5])]
        if not key:
            raise ValueError(f"kept table {table} has no primary key: its changes cannot be undone")
        out.append((table, columns, key))
    return out


def _journal_table(db: sqlite3.Connection, table: str, columns: list[str], key: list[str]) -> None:
    """Temporary triggers (of this connection only) that journal the undoing statement of
    every change to ``table``."""
    t = _quote(table)

    def where(row: str) -> str:
        return " || ' AND ' || ".join(f"'{_quote(k)} = ' || quote({row}.{_quote(k)})" for k in key)

    values = " || ',' || ".join(f"quote(OLD.{_quote(c)})" for c in columns)
    names = ",".join(_quote(c) for c in columns)
    sets = " || ',' || ".join(f"'{_quote(c)} = ' || quote(OLD.{_quote(c)})" for c in columns)
    undo = _UNDO  # (a trigger may not qualify the table it writes)
    triggers = {
        "i": f"AFTER INSERT ON main.{t} BEGIN INSERT INTO {undo} (statement) VALUES "
        f"('DELETE FROM {t} WHERE ' || {where('NEW')}); END",
        "d": f"AFTER DELETE ON main.{t} BEGIN INSERT INTO {undo} (statement) VALUES "
        f"('INSERT INTO {t} ({names}) VALUES (' || {values} || ')'); END",
        "u": f"AFTER UPDATE ON main.{t} BEGIN INSERT INTO {undo} (statement) VALUES "
        f"('UPDATE {t} SET ' || {sets} || ' WHERE ' || {where('NEW')}); END",
    }
    for kind, body in triggers.items():
        name = _quote(f"kept_{table}_{kind}")
        db.execute(f"DROP TRIGGER IF EXISTS temp.{name}")
        db.execute(f"CREATE TEMP TRIGGER {name} {body}")


def _quote(name: str) -> str:
    if not name.replace("_", "").isalnum():
        raise ValueError(f"unexpected SQL name {name!r}")
    return name


def _has_meta(db: sqlite3.Connection) -> bool:
    row = db.execute(
        "SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = ?", (_META,)
    ).fetchone()
    return row is not None


def _meta(db: sqlite3.Connection, name: str) -> str | None:
    row = db.execute(f"SELECT value FROM {_META} WHERE name = ?", (name,)).fetchone()  # noqa: S608
    return None if row is None else row[0]


def _set_meta(db: sqlite3.Connection, name: str, value: str | None) -> None:
    db.execute(f"INSERT OR REPLACE INTO {_META} (name, value) VALUES (?, ?)", (name, value))  # noqa: S608


def file_bytes(path: Path) -> int:
    """A kept file's size with its write-ahead log."""
    return sum(os.path.getsize(p) for p in (path, Path(f"{path}-wal")) if os.path.exists(p))


__all__ = [
    "KEPT_DIR",
    "begin_changes",
    "connect",
    "kept_folder",
    "kept_lock",
    "kept_names",
    "kept_path",
    "new_token",
    "recover",
    "recover_file",
    "remove_unnamed",
    "seal",
]
