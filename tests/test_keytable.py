"""The identity index's keys in a SQLite file (kg.record.keytable) resolve as those in memory,
and a build that stops half way leaves the previous build's file usable."""

from __future__ import annotations

import hashlib
import random
import shutil
from pathlib import Path

import pytest
import yaml
from goldcorpus import CORPUS, gold_records

from kg.record.identity import record_items, resolve_items
from kg.record.identity_index import (
    KEYS_FILE,
    IdentityIndex,
    read_index,
    resolve_with_index,
    write_index,
)
from kg.record.keytable import DiskKeys, MemoryKeys, joined_keys

ROOT = Path(__file__).resolve().parents[1]
DECISIONS = ROOT / "data" / "identities.csv"


def _decisions(resolution) -> tuple:
    clusters = [
        (c.kind, c.members, str(c.iri), c.label, c.variants, c.reasons) for c in resolution.clusters
    ]
    return clusters, [r.as_dict() for r in resolution.review_rows]


def _stamps(records: dict[str, dict]) -> dict[str, str]:
    return {aid: yaml.safe_dump(r, sort_keys=True) for aid, r in records.items()}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class _Builds:
    """Successive builds' identity, each in a generation folder of its own, as ``kg build``
    keeps it: the index read from the last generation (its keys copied to a work file), the
    resolution, the index written into the new generation."""

    def __init__(self, root: Path, decisions: Path | None) -> None:
        self.root, self.decisions, self.n = root, decisions, 0
        self.last: Path | None = None

    def build(self, records: dict[str, dict], *, finish: bool = True) -> tuple:
        self.n += 1
        work = self.root / f"work-{self.n}"
        work.mkdir(parents=True)
        index = None
        if self.last is not None:
            index = read_index(self.last / "identity-index.pickle", work / "kept.sqlite")
            assert index is not None and isinstance(index.table, DiskKeys)
        items = record_items(records)
        resolution, index = resolve_with_index(
            items, self.decisions, _stamps(records), index, "ctx", work / "keys.sqlite"
        )
        assert isinstance(index.table, DiskKeys)
        if finish:
            generation = self.root / f"g-{self.n}"
            generation.mkdir()
            write_index(index, generation / "identity-index.pickle")
            assert (generation / KEYS_FILE).is_file()
            self.last = generation
        return _decisions(resolution)


def _memory(records: dict[str, dict], index: IdentityIndex | None) -> tuple[tuple, IdentityIndex]:
    resolution, index = resolve_with_index(
        record_items(records), DECISIONS, _stamps(records), index, "ctx"
    )
    assert isinstance(index.table, MemoryKeys)
    return _decisions(resolution), index


def _full(records: dict[str, dict]) -> tuple:
    return _decisions(resolve_items(record_items(records), DECISIONS))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="development corpus not present")
def test_keys_on_disk_give_the_merges_of_keys_in_memory_on_the_gold_corpus(
    tmp_path: Path,
) -> None:
    records = gold_records()
    aids = sorted(records)
    rng = random.Random(9)
    builds = _Builds(tmp_path, DECISIONS)
    # A first build of most of the corpus, then rounds that add, remove and edit records.
    now = {a: records[a] for a in aids[:40]}
    memory, index = _memory(now, None)
    assert builds.build(now) == memory
    assert any(len(c[1]) > 1 for c in memory[0]), "the gold corpus has merges"
    for round_ in range(1):
        now = dict(now)
        for a in aids[40 + 3 * round_ : 43 + 3 * round_]:
            now[a] = records[a]
        del now[rng.choice(sorted(now))]
        edited = rng.choice(sorted(now))
        record = yaml.safe_load(yaml.safe_dump(now[edited]))
        if record.get("persons"):
            record["persons"][0]["name"] = record["persons"][0]["name"] + "a"
        now[edited] = record
        memory, index = _memory(now, index)
        assert builds.build(now) == memory, round_
    assert memory == _full(now)  # (the index in memory is checked by test_identity_index)


def test_keys_on_disk_give_the_merges_of_keys_in_memory_on_a_generated_corpus(
    tmp_path: Path,
) -> None:
    from benchgen import generated_cases, generator, load_cases

    gen = generator()
    out, extra = generated_cases(tmp_path, 24, keep=20, seed=7)

    def load() -> dict[str, dict]:
        return load_cases(out)

    builds = _Builds(tmp_path / "builds", DECISIONS)
    memory, index = _memory(load(), None)
    assert builds.build(load()) == memory
    for round_ in (1,):
        gen.mutate(out, 0.2, seed=7, round_=round_)
        for path in extra[:3]:
            shutil.copy(tmp_path / "all" / "cases" / path.name, path)
        sorted((out / "cases").glob("*.yaml"))[7].unlink()
        memory, index = _memory(load(), index)
        assert builds.build(load()) == memory, round_
    assert memory == _full(load())


def test_a_build_that_stops_half_way_leaves_the_last_keys_usable(tmp_path: Path) -> None:
    from test_identity_index import _appeal, _person

    records = {
        "a01": _appeal("a01", "Kazakhstan", [_person("p1", "Anna Smirnova")], []),
        "a02": _appeal("a02", "Kazakhstan", [_person("p1", "Anna Smirnova")], []),
        "a03": _appeal("a03", "Belarus", [_person("p1", "Ivan Petrov")], []),
    }
    builds = _Builds(tmp_path, None)
    builds.build(records)
    assert builds.last is not None
    kept = builds.last / KEYS_FILE
    before = _digest(kept)
    # A build that changes the index (a02's person renamed: a01's cluster splits) and is
    # stopped before it writes its generation.
    changed = dict(records)
    changed["a02"] = _appeal("a02", "Kazakhstan", [_person("p1", "Boris Ivanov")], [])
    split = builds.build(changed, finish=False)
    assert split != builds.build(records, finish=False)
    assert _digest(kept) == before
    # The next build starts again from the last generation and resolves as a full run.
    assert builds.build(changed) == _decisions(resolve_items(record_items(changed), None))


def test_the_key_table_answers_as_dictionaries_do(tmp_path: Path) -> None:
    rng = random.Random(4)
    memory, disk = MemoryKeys(), DiskKeys.create(tmp_path / "k.sqlite")
    alive: set[int] = set()
    for step in range(3000):
        n = rng.randrange(400)
        if n in alive and rng.random() < 0.4:
            memory.drop(n)
            disk.drop(n)
            alive.discard(n)
        elif n not in alive:
            keys = [f"k{rng.randrange(60)}" for _ in range(rng.randrange(5))]
            memory.put(n, keys)
            disk.put(n, keys)
            alive.add(n)
        if step % 97 == 0:
            key = f"k{rng.randrange(60)}"
            assert sorted(disk.members(key)) == sorted(set(memory.members(key)))
            assert disk.keys_of(n) == memory.keys_of(n)
    disk.save_as(tmp_path / "saved.sqlite")
    again = DiskKeys.copy_of(tmp_path / "saved.sqlite", tmp_path / "again.sqlite")
    for n in range(400):
        assert again.keys_of(n) == memory.keys_of(n)
    for k in range(60):
        assert sorted(again.members(f"k{k}")) == sorted(set(memory.members(f"k{k}")))


def test_a_new_table_keeps_keys_that_its_lists_escape(tmp_path: Path) -> None:
    """A new table gives SQLite each item's keys as one JSON list (made by SQLite from the
    joined keys, or bound one posting at a time when they would need escapes): quotes, backslashes,
    control characters, letters outside ASCII and outside the Basic Multilingual Plane come
    back as they went in, a key given twice is one posting, and an item with no keys has
    none; the table then answers as dictionaries do (less their postings given twice),
    before and after it is saved."""
    rows = {
        0: ['o:"quoted"', "i:back\\slash", "p:tab\there", "acronym:ÖDP", "p~kıyıcı"],
        1: ["acronym:ÖDP", "x:\x00\x1e", "p:😀 smile", "p:😀 smile", "[1, 2]"],
        2: [],
        3: ['o:"quoted"', "d:7", "\\", '"'],
        4: ["acronym:ÖDP", "p:plain words", "p~plainwords"],  # no escapes: listed by SQLite
    }
    memory, disk = MemoryKeys(), DiskKeys.create(tmp_path / "k.sqlite")
    for n, keys in rows.items():
        memory.put(n, keys)
        disk.put(n, keys)
    expected = sorted({(k, n) for n, keys in rows.items() for k in keys})
    assert list(disk.postings_in_order()) == expected
    assert sorted(set(memory.postings_in_order())) == expected
    assert sorted(disk.members("acronym:ÖDP")) == [0, 1, 4]
    assert disk.members("p:😀 smile") == [1]
    assert disk.members("p~plainwords") == [4]
    assert _groups(disk) == {frozenset({0, 1, 4}), frozenset({0, 3})}
    disk.save_as(tmp_path / "saved.sqlite")
    again = DiskKeys.copy_of(tmp_path / "saved.sqlite", tmp_path / "again.sqlite")
    assert list(again.postings_in_order()) == expected
    for n, keys in rows.items():
        assert again.keys_of(n) == keys
    again.close()


def _groups(table: MemoryKeys | DiskKeys) -> set[frozenset[int]]:
    return {frozenset(g) for g in table.linked()}


def test_the_groups_a_key_links_are_the_same_in_memory_and_on_disk(tmp_path: Path) -> None:
    """A key of several items links them; a key of one item, nothing; a hub key links its
    first item with the members of the same key; member keys link nothing among themselves,
    nor without a hub."""
    rows = {
        0: ["k:a", "*h:smith", "o:one"],
        1: ["k:a", "*m:smith", "*m:jones"],
        2: ["*m:smith", "k:b"],
        3: ["*h:smith", "k:c"],
        4: ["*m:jones", "k:d"],  # jones has no hub: 1 and 4 are not linked
        5: ["k:b", "k:e"],
    }
    memory, disk = MemoryKeys(), DiskKeys.create(tmp_path / "k.sqlite")
    for n, keys in rows.items():
        memory.put(n, keys)
        disk.put(n, keys)
    expected = {frozenset({0, 1}), frozenset({0, 3}), frozenset({0, 1, 2}), frozenset({2, 5})}
    assert _groups(memory) == expected
    assert _groups(disk) == expected
    disk.close()


def test_the_groups_on_disk_are_those_in_memory_after_random_changes(tmp_path: Path) -> None:
    rng = random.Random(9)
    memory, disk = MemoryKeys(), DiskKeys.create(tmp_path / "k.sqlite")
    alive: set[int] = set()
    prefixes = ("k:", "*h:", "*m:")
    for _ in range(2000):
        n = rng.randrange(300)
        if n in alive and rng.random() < 0.3:
            memory.drop(n)
            disk.drop(n)
            alive.discard(n)
        elif n not in alive:
            keys = list({f"{rng.choice(prefixes)}{rng.randrange(40)}" for _ in range(4)})
            memory.put(n, keys)
            disk.put(n, keys)
            alive.add(n)
    assert _groups(memory) == _groups(disk)
    assert any(len(g) > 2 for g in _groups(disk))
    disk.close()


def test_a_new_table_sorted_with_a_helper_thread_is_the_table_sorted_alone(
    tmp_path: Path,
) -> None:
    """The postings a new table sorts with SQLite's helper threads (:meth:`DiskKeys.finish`)
    are those it sorts alone, in the same order, and its groups the same, each given once
    though every key of a recurring name links the same items; the connection has no
    helpers once the table is finished."""
    rng = random.Random(12)
    rows = {
        n: sorted({f"k:{rng.randrange(300)}" for _ in range(6)} | {f"p~{n % 50}", f"q~{n % 50}"})
        for n in range(3000)
    }
    tables = []
    for helpers in (0, 1):
        disk = DiskKeys.create(tmp_path / f"k{helpers}.sqlite")
        for n, keys in rows.items():
            disk.put(n, keys)
        disk.finish(helpers=helpers)
        assert disk.db is not None
        assert disk.db.execute("PRAGMA threads").fetchone() == (0,)
        assert disk.db.execute("PRAGMA cache_size").fetchone() == (-65_536,)
        tables.append(disk)
    alone, helped = tables
    assert list(helped.postings_in_order()) == list(alone.postings_in_order())
    groups = list(helped.linked())
    assert groups == list(alone.linked())
    assert len(groups) == len({tuple(g) for g in groups})
    assert [n for n in range(3000) if n % 50 == 7] in groups  # p~7 and q~7: one group
    for disk in tables:
        disk.close()


def test_keys_given_joined_a_batch_at_a_time_are_the_keys_given_one_by_one(
    tmp_path: Path,
) -> None:
    """:meth:`DiskKeys.put_joined` (keys joined in another process) fills a new table, a table
    changed in place and a table in memory as :meth:`DiskKeys.put` does, keys that need
    escapes, an empty key and an item with no keys included."""
    rows = {
        0: ['o:"quoted"', "acronym:ÖDP", "p~kıyıcı"],
        1: ["acronym:ÖDP", "p:plain"],
        2: [],
        3: [""],
        4: ["p:plain", "x:\x00\x1e"],
        5: ["acronym:ÖDP", "k:5"],
    }
    empty = DiskKeys.create(tmp_path / "empty.sqlite")
    empty.save_as(tmp_path / "saved.sqlite")
    made = {
        "new": (DiskKeys.create(tmp_path / "a.sqlite"), DiskKeys.create(tmp_path / "b.sqlite")),
        "in place": (
            DiskKeys.copy_of(tmp_path / "saved.sqlite", tmp_path / "c.sqlite"),
            DiskKeys.copy_of(tmp_path / "saved.sqlite", tmp_path / "d.sqlite"),
        ),
        "memory": (MemoryKeys(), MemoryKeys()),
    }
    for one_by_one, joined in made.values():
        for n, keys in rows.items():
            one_by_one.put(n, keys)
        joined.put_joined(0, [joined_keys(rows[n]) for n in range(3)])
        joined.put_joined(3, [joined_keys(rows[n]) for n in range(3, 6)])
    for how, (one_by_one, joined) in made.items():
        assert list(joined.postings_in_order()) == list(one_by_one.postings_in_order()), how
        assert _groups(joined) == _groups(one_by_one) == {frozenset({0, 1, 5}), frozenset({1, 4})}
        for n, keys in rows.items():
            assert joined.keys_of(n) == one_by_one.keys_of(n), (how, n)
            assert (
                n == 3 or joined.keys_of(n) == keys
            )  # (on disk, no keys and one empty key read alike)
    assert joined_keys(["a", "b"]) == ("a\x1fb", False, 2)
    assert joined_keys([""])[1] and joined_keys(['"'])[1] and not joined_keys([])[1]
