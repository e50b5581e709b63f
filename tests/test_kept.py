"""Kept files changed in place (kg/store/kept.py): a rebuild changes the build state and the
identity keys where they are, and a rebuild stopped at any point -- before its commits, between
them, or after both and before its generation is swapped in -- leaves the previous build's
files as they were (its journal run backwards), so that the next build starts from them."""

from __future__ import annotations

import json
import random
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import yaml
from benchgen import generated_data
from builtonce import BuiltOnce

import kg.files
import kg.store.chunks
import kg.store.stream
import kg.store.workers
from kg.files import current_generation
from kg.store.build import build
from kg.store.kept import (
    begin_changes,
    connect,
    kept_folder,
    kept_names,
    kept_path,
    recover,
    recover_file,
    seal,
)
from kg.store.state import BuildState
from kg.store.store import Store

# --- the journal, on a file of its own -------------------------------------------------------


def _dump(db: sqlite3.Connection) -> dict[str, list[Any]]:
    return {
        t: sorted(db.execute(f"SELECT * FROM {t}").fetchall())  # noqa: S608
        for t in ("plain", "pairs", "blobs")
    }


def _file(path: Path, token: str) -> sqlite3.Connection:
    db = connect(path)
    db.executescript(
        """
        CREATE TABLE plain (id INTEGER PRIMARY KEY, name TEXT, score REAL);
        CREATE TABLE pairs (a TEXT NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID;
        CREATE TABLE blobs (sha TEXT PRIMARY KEY, data BLOB NOT NULL, other BLOB);
        """
    )
    rng = random.Random(1)
    db.execute("BEGIN")
    for i in range(50):
        db.execute("INSERT INTO plain VALUES (?, ?, ?)", (i, f"n'{i}", rng.random()))
        db.execute("INSERT INTO pairs VALUES (?, ?)", (f"k{i % 7}", i))
        db.execute("INSERT INTO blobs VALUES (?, ?, ?)", (f"s{i}", rng.randbytes(20), None))
    seal(db, token)
    db.execute("COMMIT")
    return db


def _change(db: sqlite3.Connection, rng: random.Random, commits: int) -> None:
    """Inserts, deletes, updates and replacements over several transactions."""
    for _ in range(commits):
        db.execute("BEGIN")
        for _ in range(40):
            i = rng.randrange(80)
            kind = rng.randrange(6)
            if kind == 0:
                db.execute("INSERT OR REPLACE INTO plain VALUES (?, ?, ?)", (i, "new", 1.5))
            elif kind == 1:
                db.execute("DELETE FROM plain WHERE id = ?", (i,))
            elif kind == 2:
                db.execute("UPDATE plain SET name = ?, score = NULL WHERE id = ?", ("x\x00y", i))
            elif kind == 3:
                db.execute("INSERT OR IGNORE INTO pairs VALUES (?, ?)", (f"k{i % 5}", i))
            elif kind == 4:
                db.execute("DELETE FROM pairs WHERE a = ? AND b = ?", (f"k{i % 7}", i))
            else:
                db.execute(
                    "INSERT OR REPLACE INTO blobs VALUES (?, ?, ?)",
                    (f"s{i}", rng.randbytes(9), b"\x00\x01"),
                )
        db.execute("COMMIT")


@pytest.mark.parametrize("sealed", [False, True], ids=["stopped-before-seal", "sealed"])
def test_the_journal_undoes_every_change_of_a_rebuild(tmp_path: Path, sealed: bool) -> None:
    path = tmp_path / "kept.sqlite"
    db = _file(path, "build-a")
    before = _dump(db)
    begin_changes(db, "build-a")
    _change(db, random.Random(2), commits=3)
    if sealed:  # committed as build b's state, and then the swap did not happen
        db.execute("BEGIN")
        seal(db, "build-b")
        db.execute("COMMIT")
    changed = _dump(db)
    assert changed != before
    db.close()

    again = connect(path)
    # Another build's generation cannot use it; the build it started from gets it back.
    assert recover(again, "build-c") is False
    assert _dump(again) == changed
    assert recover(again, "build-a") is True
    assert _dump(again) == before
    assert again.execute("SELECT COUNT(*) FROM kept_undo").fetchone()[0] == 0
    assert recover(again, "build-a") is True  # nothing more to undo
    again.close()


def test_a_sealed_file_is_the_new_builds_state(tmp_path: Path) -> None:
    path = tmp_path / "kept.sqlite"
    db = _file(path, "build-a")
    begin_changes(db, "build-a")
    _change(db, random.Random(3), commits=2)
    db.execute("BEGIN")
    seal(db, "build-b")
    db.execute("COMMIT")
    changed = _dump(db)
    db.close()
    again = connect(path)
    assert recover(again, "build-b") is True
    assert _dump(again) == changed
    again.close()


def test_a_transaction_cut_off_leaves_nothing(tmp_path: Path) -> None:
    """What a killed rebuild had not committed is not in the file (write-ahead log)."""
    path = tmp_path / "kept.sqlite"
    db = _file(path, "build-a")
    before = _dump(db)
    begin_changes(db, "build-a")
    db.execute("BEGIN")
    db.execute("DELETE FROM plain")
    other = connect(path)  # what the file holds for anyone else: the last commit
    assert _dump(other) == before
    other.close()
    db.close()  # without a commit
    again = connect(path)
    assert recover(again, "build-a") is True
    assert _dump(again) == before
    again.close()


# --- in a build --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = generated_data(tmp_path_factory.mktemp("corpus"), 8, seed=11)
    return out


@pytest.fixture(scope="module")
def built(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> BuiltOnce:
    """The corpus built once; the tests that start from that build change a copy."""
    return BuiltOnce(tmp_path_factory.mktemp("built"), corpus)


def _nquads(store: Path) -> list[str]:
    text = Store.open(store).dump("nquads").decode("utf-8")
    return sorted(re.sub(r"_:\S+", "_:_", line) for line in text.splitlines())


def _state_rows(store: Path) -> dict[str, Any]:
    state = BuildState.read(current_generation(store))
    assert state is not None
    try:
        return {
            t: sorted(state.db.execute(f"SELECT * FROM {t}").fetchall())  # noqa: S608
            for t in (
                "files",
                "items",
                "facts",
                "shared_row",
                "shared_key",
                "shared_graph",
                "shared_count",
            )
        }
    finally:
        state.close()


def _key_rows(store: Path) -> dict[str, Any]:
    """The rows of the identity index's kept file, made the current generation's state first
    (its journal run backwards if a stopped rebuild changed it, as the next build does)."""
    generation = current_generation(store)
    path = kept_path(generation, "keys")
    assert path is not None and generation is not None
    token = json.loads((generation / "build-state.json").read_text(encoding="utf-8"))["build"]
    assert recover_file(path, token)
    db = sqlite3.connect(path)
    try:
        tables = ("item", "posting", "number", "mark", "label", "review", "cluster_of")
        return {t: sorted(db.execute(f"SELECT * FROM {t}")) for t in tables}  # noqa: S608
    finally:
        db.close()


def _edit(path: Path, note: str) -> None:
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record["events"][0]["note"] = note
    # A spelling too, so that identity resolution changes keys.
    for person in record.get("persons", [])[:1]:
        person["name"] = str(person["name"]) + " Jr"
    path.write_text(yaml.safe_dump(record, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _noted(real: Any, calls: list[str]) -> Any:
    def call(*args: Any, **kwargs: Any) -> Any:
        calls.append("called")
        return real(*args, **kwargs)

    return call


def _stop(*_args: Any, **_kwargs: Any) -> None:
    raise KeyboardInterrupt


# Where a rebuild is stopped: just after identity resolution (the identity index changed, not
# yet written), before its state is committed (the identity index is already), and after both
# are committed, before the new generation is swapped in.
STOPS = {
    "after-identity": (kg.store.stream, "_facts_by_sha"),
    # with the workers making the export files, the kept files are written before them
    "export-after-kept": (kg.store.chunks, "write_chunks"),
    "state-commit": (BuildState, "commit"),
    "swap": (kg.files, "point_to"),
}


@pytest.mark.parametrize("where", sorted(STOPS))
def test_a_rebuild_stopped_leaves_the_previous_kept_files(
    built: BuiltOnce, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    data, store = built.copy()
    generation = current_generation(store)
    names = kept_names(generation)
    assert set(names) == {"state", "keys"}, names
    state_file, keys_file = (kept_folder(store) / names[k] for k in ("state", "keys"))
    inodes = (state_file.stat().st_ino, keys_file.stat().st_ino)
    quads, state_rows, key_rows = _nquads(store), _state_rows(store), _key_rows(store)

    records = sorted((data / "cases").glob("*.yaml"))
    _edit(records[3], "a note written while the build was stopped")
    owner, name = STOPS[where]
    monkeypatch.setattr(owner, name, _stop)
    stops: list[str] = []
    if where == "export-after-kept":
        monkeypatch.setattr(kg.store.workers, "PARALLEL_FROM", 1)
        written = kg.store.stream._write_state
        monkeypatch.setattr(kg.store.stream, "_write_state", _noted(written, stops))
    with pytest.raises(KeyboardInterrupt):
        build(store, data, progress=None)
    monkeypatch.undo()
    if where == "export-after-kept":
        assert stops == ["called"]  # the kept files were written, then the build stopped
    assert current_generation(store) == generation
    assert _nquads(store) == quads
    # The previous build's files, as they were (read back through their journal).
    assert _state_rows(store) == state_rows
    assert _key_rows(store) == key_rows

    # The next build starts from them, changes them in place, and equals a build from nothing.
    lines: list[str] = []
    build(store, data, progress=lines.append)
    assert any(line.startswith("build: 1 graph(s) to write") for line in lines), lines
    assert (state_file.stat().st_ino, keys_file.stat().st_ino) == inodes
    assert kept_names(current_generation(store)) == names
    build(tmp_path / "full", data, incremental=False, progress=None)
    assert _nquads(store) == _nquads(tmp_path / "full")
    assert _key_rows(store)["item"] == _key_rows(tmp_path / "full")["item"]
    # Only the files the current generation names are left.
    left = {p.name for p in kept_folder(store).iterdir() if p.name.endswith(".sqlite")}
    assert left == set(names.values())


def test_a_full_build_writes_new_kept_files(built: BuiltOnce, tmp_path: Path) -> None:
    data, store = built.copy()
    first = kept_names(current_generation(store))
    build(store, data, incremental=False, progress=None)
    second = kept_names(current_generation(store))
    assert set(first.values()).isdisjoint(second.values())
    lines: list[str] = []
    build(store, data, progress=lines.append)  # the next build: the new files, and nothing else
    assert any("nothing changed" in line for line in lines), lines
    left = {p.name for p in kept_folder(store).iterdir() if p.name.endswith(".sqlite")}
    assert left == set(second.values())


def _note(path: Path, note: str) -> None:
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record["events"][0]["note"] = note
    path.write_text(yaml.safe_dump(record, sort_keys=False, allow_unicode=True), encoding="utf-8")


def test_counts_and_identity_index_follow_the_change(corpus: Path, tmp_path: Path) -> None:
    """A rebuild counts the named graphs from the previous count and the graphs that came or
    went; an edit that changes no identity item keeps the previous identity index (linked);
    each step gives the store and counts a build from nothing gives."""
    from kg.store.stream import IDENTITY_FILE

    data = tmp_path / "data"
    shutil.copytree(corpus, data)
    records = sorted((data / "cases").glob("*.yaml"))
    aside = tmp_path / records[0].name
    shutil.move(records[0], aside)  # held back: added later
    store = tmp_path / "kg"
    build(store, data, progress=None)

    def check(result: Any, name: str) -> None:
        full = build(tmp_path / name, data, incremental=False, progress=None)
        assert _nquads(store) == _nquads(tmp_path / name)
        assert result.graphs == full.graphs == len(Store.open(store).graph_names())
        assert result.triples == full.triples

    # A note: no identity item changed, the index file is the previous one.
    before = current_generation(store)
    assert before is not None
    _note(records[2], "a note only")
    result = build(store, data, progress=None)
    after = current_generation(store)
    assert after is not None
    assert (after / IDENTITY_FILE).stat().st_ino == (before / IDENTITY_FILE).stat().st_ino
    check(result, "full-1")

    # A record added and another removed: graphs come and go; the index is written again.
    shutil.move(aside, records[0])
    records[5].unlink()
    result = build(store, data, progress=None)
    now = current_generation(store)
    assert now is not None
    assert (now / IDENTITY_FILE).stat().st_ino != (after / IDENTITY_FILE).stat().st_ino
    check(result, "full-2")

    # A spelling after notes: the stamps the linked index kept are only a shortcut.
    _edit(records[2], "a note and a spelling")
    result = build(store, data, progress=None)
    check(result, "full-3")


def test_a_kept_folder_that_cannot_be_made_is_an_input_error(tmp_path: Path) -> None:
    from kg.errors import InputError
    from kg.store.kept import kept_lock

    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    with pytest.raises(InputError, match="cannot write here"):  # noqa: SIM117
        with kept_lock(tmp_path / "file" / "kg"):
            pass
