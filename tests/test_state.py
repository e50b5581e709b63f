"""The build state kept by record in SQLite (kg/store/state.py): a rebuild changes only the rows
of the records that changed, an interrupted one leaves the previous state usable, and an older
state makes the build start again from nothing."""

from __future__ import annotations

import json
import pickle
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

from kg.files import current_generation, generations_home
from kg.store.build import build
from kg.store.delta import SHARED_FILE
from kg.store.kept import kept_path
from kg.store.state import STATE_DB, BuildState, read_shared
from kg.store.store import Store


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = generated_data(tmp_path_factory.mktemp("corpus"), 8, seed=7)
    return out


@pytest.fixture(scope="module")
def built(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> BuiltOnce:
    """The corpus built once; the tests that start from that build change a copy."""
    return BuiltOnce(tmp_path_factory.mktemp("built"), corpus)


def _nquads(store: Path) -> list[str]:
    """Canonical N-Quads: sorted lines, blank node labels masked."""
    text = Store.open(store).dump("nquads").decode("utf-8")
    return sorted(re.sub(r"_:\S+", "_:_", line) for line in text.splitlines())


def _rows(store: Path) -> dict[str, Any]:
    """Every row of the current generation's state: entries by path, item and fact hashes."""
    state = BuildState.read(current_generation(store))
    assert state is not None
    try:
        return {
            "files": state.entries(),
            "items": state.shas("items"),
            "facts": state.shas("facts"),
        }
    finally:
        state.close()


def _change(path: Path, note: str) -> None:
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record["events"][0]["note"] = note
    path.write_text(yaml.safe_dump(record, sort_keys=False, allow_unicode=True), encoding="utf-8")


def test_a_rebuild_changes_only_the_rows_of_the_changed_record(
    built: BuiltOnce, tmp_path: Path
) -> None:
    data, store = built.copy()
    first_generation = current_generation(store)
    assert first_generation is not None
    before = _rows(store)
    records = sorted((data / "cases").glob("*.yaml"))
    assert set(before["files"]) == {str(p) for p in records}
    assert len(before["items"]) == len(before["facts"]) == len(records)
    kept = kept_path(first_generation, "state")
    assert kept is not None and not (first_generation / STATE_DB).exists()

    changed = records[2]
    _change(changed, "a note a curator changed")
    lines: list[str] = []
    build(store, data, progress=lines.append)
    # Its entry, and its items and facts: the old rows deleted, the new ones written.
    assert "build: state: 5 record row(s) written" in lines, lines
    after = _rows(store)
    # One entry differs (its hash), the others are the rows the previous build wrote.
    differ = {p for p in after["files"] if after["files"][p] != before["files"][p]}
    assert differ == {str(changed)}
    assert after["files"][str(changed)]["sha"] != before["files"][str(changed)]["sha"]
    assert len(after["items"] - before["items"]) == 1
    assert len(before["items"] - after["items"]) == 1
    assert after["facts"] - before["facts"] == after["items"] - before["items"]
    # The rebuild changed the kept file in place (no copy), journalling only its own rows,
    # and named it the state of the new generation's build.
    generation = current_generation(store)
    assert generation is not None and generation != first_generation
    assert kept_path(generation, "state") == kept
    db = sqlite3.connect(kept)
    try:
        undo = [row[0] for row in db.execute("SELECT statement FROM kept_undo")]
        token = db.execute("SELECT value FROM kept_meta WHERE name = 'token'").fetchone()[0]
    finally:
        db.close()
    summary = json.loads((generation / "build-state.json").read_text(encoding="utf-8"))
    assert token == summary["build"]
    assert 5 <= len(undo) < 40, undo
    assert sum(str(changed) in statement for statement in undo) == 2, undo  # its entry
    # Same store as a build from nothing, and a build from nothing keeps the same rows.
    build(tmp_path / "full", data, incremental=False, progress=None)
    assert _nquads(store) == _nquads(tmp_path / "full")
    assert _rows(tmp_path / "full") == after


def test_an_interrupted_rebuild_leaves_the_previous_state_usable(
    built: BuiltOnce, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, store = built.copy()
    generation = current_generation(store)
    before, rows = _nquads(store), _rows(store)

    # The build stops after its new state rows are written, before they are committed.
    path = sorted((data / "cases").glob("*.yaml"))[4]
    _change(path, "a note written while the build was stopped")

    def stop(*_args: Any, **_kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(BuildState, "commit", stop)
    with pytest.raises(KeyboardInterrupt):
        build(store, data, progress=None)
    monkeypatch.undo()
    assert current_generation(store) == generation
    assert _nquads(store) == before and _rows(store) == rows
    assert not list(generations_home(store).glob(".new-*"))

    # The next build starts from that state: only the changed record's graph is written.
    lines: list[str] = []
    build(store, data, progress=lines.append)
    assert any(line.startswith("build: 1 graph(s) to write") for line in lines), lines
    build(tmp_path / "full", data, incremental=False, progress=None)
    assert _nquads(store) == _nquads(tmp_path / "full")


def test_a_state_of_an_older_version_builds_everything_again(
    built: BuiltOnce, tmp_path: Path
) -> None:
    from kg.store.stream import STATE_FILE

    data, store = built.copy()
    expected = _nquads(store)
    generation = current_generation(store)
    assert generation is not None
    # A store of the previous format: entries in the JSON file, no state.sqlite.
    summary = json.loads((generation / STATE_FILE).read_text(encoding="utf-8"))
    summary["version"] = 2
    (generation / STATE_FILE).write_text(json.dumps(summary), encoding="utf-8")
    kept = kept_path(generation, "state")
    assert kept is not None
    kept.unlink()
    _change(sorted((data / "cases").glob("*.yaml"))[0], "changed after the format changed")
    lines: list[str] = []
    build(store, data, progress=lines.append)
    assert any("older version: building everything" in line for line in lines), lines
    assert any("bulk loading" in line for line in lines)
    assert _nquads(store) != expected
    build(tmp_path / "full", data, incremental=False, progress=None)
    assert _nquads(store) == _nquads(tmp_path / "full")
    # ... and the state it writes is of this version: the next build has nothing to do.
    lines.clear()
    build(store, data, progress=lines.append)
    assert any("nothing changed" in line for line in lines)


def test_fingerprints_are_made_again_only_where_a_change_reaches(
    built: BuiltOnce, tmp_path: Path
) -> None:
    data, store = built.copy()
    first = built.result
    records = sorted((data / "cases").glob("*.yaml"))

    # A note: one record's fingerprint, and its items alone, read.
    _change(records[1], "another note")
    lines: list[str] = []
    build(store, data, progress=lines.append)
    assert "build: 1 fingerprint(s) made again, items of 1 record(s) read" in lines, lines

    # A record removed whose entity another appeal shares: that cluster changes, so the other
    # appeal's fingerprint is made again and its graph written (with one spelling fewer).
    shared = [c for c in first.identity_clusters if len({m[0] for m in c.members}) > 1]
    assert shared, "the corpus has no entity shared by two appeals"
    gone, other = sorted({str(m[0]) for m in shared[0].members})[:2]
    by_appeal = {
        str(yaml.safe_load(p.read_text(encoding="utf-8"))["appeal"]["id"]): p for p in records
    }
    by_appeal[gone].unlink()
    lines.clear()
    build(store, data, progress=lines.append)
    made = next(line for line in lines if "fingerprint(s) made again" in line)
    assert int(made.split()[1]) >= 1, made
    assert not any(line.startswith("build: 0 graph(s) to write") for line in lines), lines
    build(tmp_path / "full", data, incremental=False, progress=None)
    assert _nquads(store) == _nquads(tmp_path / "full")
    assert other in by_appeal


def _count_rows(path: Path) -> tuple[dict[int, int], dict[int, int]]:
    """The holder counts a state file keeps, and the counts of its rows, by key id."""
    db = sqlite3.connect(path)
    try:
        kept = dict(db.execute("SELECT key, holders FROM shared_count"))
        rows = dict(db.execute("SELECT key, COUNT(*) FROM shared_row GROUP BY key"))
    finally:
        db.close()
    return kept, rows


def test_shared_rows_change_as_the_dictionary_does(tmp_path: Path) -> None:
    """The shared index kept as rows: reads, writes and removals give what the same operations
    give on a dictionary, :meth:`SharedRows.held_by` what a scan by graph finds (those of the
    graphs asked for that state each triple), :meth:`SharedRows.count` the number of holders,
    and the rows and counts written and read back from the file are the dictionary's."""
    rng = random.Random(3)
    graphs = [f"urn:g:{i}" for i in range(12)]
    index = {f"<urn:s:{i}> <urn:p> <urn:o:{i}>": sorted(rng.sample(graphs, 2)) for i in range(60)}
    state = BuildState.create(tmp_path)
    state.write_shared(index)
    rows = state.shared_rows()
    for step in range(200):
        key = f"<urn:s:{rng.randrange(80)}> <urn:p> <urn:o:{rng.randrange(80)}>"
        kind = rng.random()
        if kind < 0.4:
            assert (key in rows) == (key in index)
            assert rows.get(key) == index.get(key)
        elif kind < 0.7:
            holders = sorted(rng.sample(graphs, rng.randrange(2, 4)))
            rows[key] = holders
            index[key] = holders
        elif kind < 0.9:
            assert rows.pop(key, None) == index.pop(key, None)
        else:
            some = set(rng.sample(graphs, 3))
            assert rows.held_by(some) == {
                k: some & set(h) for k, h in sorted(index.items()) if not some.isdisjoint(h)
            }, step
        assert rows.count(key) == len(index.get(key, ())), step
        if step % 50 == 49:
            rows.flush()
    rows.flush()
    state.commit()
    assert read_shared(tmp_path) == index
    kept, counted = _count_rows(tmp_path / STATE_DB)
    assert kept == counted and len(kept) == len(index)
    db = sqlite3.connect(tmp_path / STATE_DB)
    try:  # the rows' index by key, made again after the rows were written
        plan = db.execute(
            "EXPLAIN QUERY PLAN SELECT graph FROM shared_row WHERE key = 1"
        ).fetchall()
    finally:
        db.close()
    assert "shared_row_key" in str(plan)


def test_shared_rows_change_by_count(tmp_path: Path) -> None:
    """What a rebuild tells the rows: holders gone and come, by count. A triple left with
    one holder leaves the index whole (its last row too); one that comes back takes every
    holder it is given; the counts and rows read back are those of the holders."""
    hub = "<urn:s:court> <urn:p> <urn:o:court>"
    pair = "<urn:s:pair> <urn:p> <urn:o:pair>"
    graphs = [f"urn:g:{i}" for i in range(50)]
    state = BuildState.create(tmp_path)
    state.write_shared({hub: graphs, pair: ["urn:g:1", "urn:g:2"]})
    state.commit()
    state = BuildState(tmp_path / STATE_DB)
    rows = state.shared_rows()
    rows.prefetch([hub, pair, "<urn:s:none> <urn:p> <urn:o:none>"])
    assert (rows.count(hub), rows.count(pair)) == (50, 2)
    assert rows.count("<urn:s:none> <urn:p> <urn:o:none>") == 0
    assert rows.held_by({"urn:g:2", "urn:g:7"}) == {hub: {"urn:g:2", "urn:g:7"}, pair: {"urn:g:2"}}
    rows.change(hub, {"urn:g:2", "urn:g:7"}, {"urn:g:60"})
    rows.change(pair, {"urn:g:2"}, ())  # one holder left: out of the index
    assert (rows.count(hub), rows.count(pair)) == (49, 0)
    assert pair not in rows and rows.holders(pair) == []
    assert rows.held_by({"urn:g:1", "urn:g:2", "urn:g:60"}) == {hub: {"urn:g:1", "urn:g:60"}}
    rows.flush()
    rows.change(pair, (), {"urn:g:3", "urn:g:4"})  # back, with new holders
    rows.change(hub, {"urn:g:60"}, ())
    rows.flush()
    state.commit()
    expected = {hub: sorted(set(graphs) - {"urn:g:2", "urn:g:7"}), pair: ["urn:g:3", "urn:g:4"]}
    assert read_shared(tmp_path) == expected
    kept, counted = _count_rows(tmp_path / STATE_DB)
    assert kept == counted and sorted(kept.values()) == [2, 48]


def test_a_state_of_layout_3_is_given_its_counts(tmp_path: Path) -> None:
    """A state whose shared index is rows of ids without counts (layout 3): the first
    rebuild that asks for its rows counts them once, and the counts follow the rows after."""
    index = {
        "<urn:s:1> <urn:p> <urn:o:1>": ["urn:g:1", "urn:g:2"],
        "<urn:s:2> <urn:p> <urn:o:2>": ["urn:g:1", "urn:g:2", "urn:g:3"],
    }
    state = BuildState.create(tmp_path)
    state.write_shared(index)
    state.db.execute("DELETE FROM shared_count")
    state.set_meta("shared", 3)
    state.commit()
    state = BuildState(tmp_path / STATE_DB)
    rows = state.shared_rows()
    assert rows.count("<urn:s:2> <urn:p> <urn:o:2>") == 3
    rows.change("<urn:s:2> <urn:p> <urn:o:2>", {"urn:g:3"}, ())
    rows.flush()
    state.commit()
    kept, counted = _count_rows(tmp_path / STATE_DB)
    assert kept == counted and sorted(kept.values()) == [2, 2]
    assert read_shared(tmp_path) == {k: ["urn:g:1", "urn:g:2"] for k in index}


def test_a_store_that_kept_the_shared_index_in_a_pickle_is_brought_to_rows(
    built: BuiltOnce, tmp_path: Path
) -> None:
    """A store built when the shared index was a pickle beside the stores: the next rebuild
    reads the pickle once, keeps the index as rows, and gives the store a full build gives."""
    data, store = built.copy()
    generation = current_generation(store)
    assert generation is not None
    index = read_shared(generation)
    assert index
    with open(generation / SHARED_FILE, "wb") as f:
        pickle.dump(index, f)
    db = sqlite3.connect(kept_path(generation, "state"))  # type: ignore[arg-type]
    for table in ("shared_row", "shared_key", "shared_graph"):
        db.execute(f"DELETE FROM {table}")  # noqa: S608
    db.execute("DELETE FROM meta WHERE name = 'shared'")
    db.commit()
    db.close()
    assert read_shared(generation) is None

    _change(sorted((data / "cases").glob("*.yaml"))[2], "a note after the layout changed")
    lines: list[str] = []
    build(store, data, progress=lines.append)
    assert any(line.startswith("build: 1 graph(s) to write") for line in lines), lines
    build(tmp_path / "full", data, incremental=False, progress=None)
    assert _nquads(store) == _nquads(tmp_path / "full")
    assert read_shared(current_generation(store)) == read_shared(
        current_generation(tmp_path / "full")
    )


def test_a_state_of_the_earlier_row_layout_is_read_and_brought_to_ids(tmp_path: Path) -> None:
    """A state whose shared index is rows of text (``shared_by``, the earlier layouts): read
    as it is, and moved to rows of ids the first time a rebuild asks for its rows."""
    index = {
        "<urn:s:1> <urn:p> <urn:o:1>": ["urn:g:1", "urn:g:2"],
        "<urn:s:2> <urn:p> <urn:o:2>": ["urn:g:1", "urn:g:2", "urn:g:3"],
    }
    state = BuildState.create(tmp_path)
    state.db.execute("CREATE TABLE shared_by (graph TEXT, key TEXT, PRIMARY KEY (graph, key))")
    state.db.executemany(
        "INSERT INTO shared_by (graph, key) VALUES (?, ?)",
        [(g, k) for k, h in index.items() for g in h],
    )
    state.set_meta("shared", 2)
    state.commit()
    assert read_shared(tmp_path) == index
    state = BuildState(tmp_path / STATE_DB)
    rows = state.shared_rows()
    assert rows.held_by({"urn:g:3"}) == {"<urn:s:2> <urn:p> <urn:o:2>": {"urn:g:3"}}
    assert rows.count("<urn:s:2> <urn:p> <urn:o:2>") == 3
    rows["<urn:s:1> <urn:p> <urn:o:1>"] = ["urn:g:2", "urn:g:4"]
    rows.flush()
    state.commit()
    index["<urn:s:1> <urn:p> <urn:o:1>"] = ["urn:g:2", "urn:g:4"]
    assert read_shared(tmp_path) == index
    db = sqlite3.connect(tmp_path / STATE_DB)
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    db.close()
    assert "shared_by" not in tables


def _holders(store: Path, *keys: str) -> dict[str, set[str]] | None:
    state = BuildState.read(current_generation(store))
    assert state is not None
    try:
        return state.holders_of_keys(keys)
    finally:
        state.close()


def _set_key(path: Path, key: str | None) -> None:
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    if key is None:
        record["persons"][0].pop("key", None)
    else:
        record["persons"][0]["key"] = key
    path.write_text(yaml.safe_dump(record, sort_keys=False, allow_unicode=True), encoding="utf-8")


def test_stored_key_rows_follow_the_records_and_are_used_only_from_their_build(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The state's key rows (key -> record hash) are those of the records' stored keys after a
    full build, a rebuild and an interrupted rebuild; rows a build did not keep (a version
    that did not know them changed the file) are not used, and the next rebuild makes them
    again."""
    from kg.errors import DataError

    data = tmp_path / "data"
    shutil.copytree(corpus, data)
    paths = sorted((data / "cases").glob("*.yaml"))
    one, two = "a" * 20, "b" * 20
    _set_key(paths[2], one)
    store = tmp_path / "kg"
    build(store, data, progress=None)

    def sha(path: Path) -> str:
        return str(_rows(store)["files"][str(path)]["sha"])

    assert _holders(store, one, two) == {one: {sha(paths[2])}}
    _set_key(paths[2], two)
    build(store, data, progress=None)
    assert _holders(store, one, two) == {two: {sha(paths[2])}}

    # Stopped before its state is committed: the rows are the previous build's.
    _set_key(paths[2], one)

    def stop(*_args: Any, **_kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(BuildState, "commit", stop)
    with pytest.raises(KeyboardInterrupt):
        build(store, data, progress=None)
    monkeypatch.undo()
    assert _holders(store, one, two) == {two: {sha(paths[2])}}
    build(store, data, progress=None)
    assert _holders(store, one, two) == {one: {sha(paths[2])}}

    # Rows another build left (meta names another build): not used; a clash is still found.
    kept = kept_path(current_generation(store), "state")
    assert kept is not None
    db = sqlite3.connect(str(kept))
    db.execute("DELETE FROM stored_key")
    db.execute("UPDATE meta SET value = ? WHERE name = 'stored_keys'", (json.dumps("other"),))
    db.commit()
    db.close()
    assert _holders(store, one) is None
    _set_key(paths[5], one)
    with pytest.raises(DataError, match=f"key {one} is already used by"):
        build(store, data, progress=None)
    _set_key(paths[5], None)
    _change(paths[5], "a note once the key was given back")
    build(store, data, progress=None)
    assert _holders(store, one, two) == {one: {sha(paths[2])}}


def test_a_new_spelling_joining_a_large_cluster_remakes_only_the_fingerprints_it_changes() -> None:
    """A cluster the resolution made again (a new object) with the IRI and label it had: only
    the appeals whose items joined or left a cluster, or whose cluster's IRI or label changed,
    have their fingerprints made again, not every member's."""
    from rdflib import URIRef

    from kg.record.identity import Cluster
    from kg.store.stream import _to_fingerprint

    def cluster(members: list[tuple[str, str]], iri: str, label: str) -> Cluster:
        return Cluster("person", members, URIRef(iri), label, [label], ["same name"])

    appeals = [f"a{i}" for i in range(40)]
    entries = {f"cases/{a}.yaml": {"sha": f"s-{a}", "text_sha": None} for a in appeals}
    chosen = {a: f"cases/{a}.yaml" for a in appeals}
    old = {path: {**entry, "appeal": path[6:-5]} for path, entry in entries.items()}
    prints = {a: f"p-{a}" for a in appeals}
    big = [(a, "p1") for a in appeals[:30]]
    other = cluster([("a30", "p1"), ("a31", "p1")], "urn:p:other", "Ana Lima")
    kept = cluster([("a32", "p1"), ("a33", "p1")], "urn:p:kept", "Rui Costa")
    before = [cluster(big, "urn:p:big", "Maria da Silva"), other, kept]

    def again(clusters: list[Cluster]) -> set[str]:
        return _to_fingerprint(chosen, entries, old, {}, prints, before, clusters, {}, [])

    # The same clusters made again as new objects: nothing changes.
    same = [
        cluster(big, "urn:p:big", "Maria da Silva"),
        cluster(other.members, "urn:p:other", "Ana Lima"),
        kept,
    ]
    assert again(same) == set()
    # A new spelling of a34 joins the large cluster (its IRI and label as they were).
    joined = [cluster([*big, ("a34", "p1")], "urn:p:big", "Maria da Silva"), other, kept]
    assert again(joined) == {"a34"}
    # ... and gives it another label: every member's fingerprint may change.
    relabelled = [cluster([*big, ("a34", "p1")], "urn:p:big", "Maria da Silva Santos"), other, kept]
    assert again(relabelled) == {*appeals[:30], "a34"}
    # An item leaves a cluster (in none now), another moves to a cluster of another IRI.
    moved = [
        cluster(big[:-2], "urn:p:big", "Maria da Silva"),
        cluster([("a28", "p1"), ("a30", "p1"), ("a31", "p1")], "urn:p:other", "Ana Lima"),
        kept,
    ]
    assert again(moved) == {"a28", "a29"}
    # A cluster undone: each of its appeals.
    assert again([before[0], kept]) == {"a30", "a31"}


def test_validation_files_are_kept_in_the_generations_folder_or_beside_a_plain_store(
    tmp_path: Path,
) -> None:
    """Both validation paths keep their file where every build's generation finds it: in the
    generations folder of a built store, beside a plain store folder; never inside a
    generation, which the next build replaces."""
    from kg.check import pergraph, setbased
    from kg.files import file_beside_store

    class _At:
        def __init__(self, path: Path | None) -> None:
            self.path = path

    built = generations_home(tmp_path / "kg") / "g-1" / "full"
    plain = tmp_path / "store"
    assert file_beside_store(built, "validation") == built.parent.parent / "validation-full.json"
    assert file_beside_store(plain, "validation") == tmp_path / "store.validation.json"
    for module, kind in ((pergraph, "validation"), (setbased, "validation-sparql")):
        for folder in (built, plain):
            path = module.cache_path(_At(folder))  # type: ignore[arg-type]
            assert path == file_beside_store(folder, kind)
            assert built.parent not in path.parents
        assert module.cache_path(_At(None)) is None  # type: ignore[arg-type]
