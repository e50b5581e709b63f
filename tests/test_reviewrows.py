"""The identity index's review rows, in memory and as rows of its key table's file, and the
review file ``kg build`` writes from them."""

from __future__ import annotations

import csv
import random
import sqlite3
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kg.cli import cli
from kg.files import current_generation
from kg.record.identity import ReviewRow, record_items, resolve_items
from kg.record.keytable import DiskKeys
from kg.record.reviewrows import DiskRows, MemoryRows, row_key
from kg.store.kept import kept_path


def _row(rng: random.Random, a: int, b: int) -> ReviewRow:
    return ReviewRow(
        rng.choice(["person", "organisation"]), (f"gen-{a:03d}", f"p{a % 3}"),
        (f"gen-{b:03d}", f"p{b % 5}"), f"Name {a}", f"Name {b}",
        rng.choice([0.4, 0.6, 0.85]), "same full name, but another gender",
    )  # fmt: skip


def _seen(rows: MemoryRows | DiskRows, keys: list) -> tuple:
    """Everything the rows answer: all of them in order, how many, each item's."""
    return list(rows), len(rows), {k: sorted(map(row_key, rows.of(k))) for k in keys}


def test_rows_on_disk_answer_as_rows_in_memory_after_random_changes(tmp_path: Path) -> None:
    rng = random.Random(11)
    memory = MemoryRows()
    table = DiskKeys.create(tmp_path / "k.sqlite")
    disk = DiskRows(table)
    alive: dict[tuple, ReviewRow] = {}
    for step in range(1500):
        a, b = sorted(rng.sample(range(60), 2))
        row = _row(rng, a, b)
        pair = (row.a, row.b)
        if pair in alive and rng.random() < 0.5:
            old = alive.pop(pair)
            for rows in (memory, disk):
                rows.drop([old])
        elif pair in alive:
            old = alive[pair]
            new = alive[pair] = ReviewRow(
                old.kind, old.a, old.b, f"renamed {step}", old.same_as_name, old.score, old.reason
            )
            for rows in (memory, disk):
                rows.replace(old, new)
        else:
            alive[pair] = row
            for rows in (memory, disk):
                rows.add([row])
        if step % 101 == 0:
            some = rng.sample(sorted(alive.values(), key=row_key), min(5, len(alive)))
            keys = [k for r in some for k in (r.a, r.b)]
            assert _seen(disk, keys) == _seen(memory, keys)
    keys = sorted({k for r in alive.values() for k in (r.a, r.b)})
    assert list(memory) == sorted(alive.values(), key=row_key)
    assert _seen(disk, keys) == _seen(memory, keys)
    assert disk.of_many(keys[:7]) == sorted(
        {(r.a, r.b): r for k in keys[:7] for r in memory.of(k)}.values(),
        key=lambda r: (r.a, r.b),
    )
    # Saved and closed: read from the file where it was left.
    table.save_as(tmp_path / "saved.sqlite")
    assert _seen(disk, keys) == _seen(memory, keys)
    # A row not there is an error, not a silent change.
    with pytest.raises(ValueError, match="no review row"):
        memory.drop([_row(rng, 61, 62)])
    again = DiskRows(DiskKeys.copy_of(tmp_path / "saved.sqlite", tmp_path / "again.sqlite"))
    with pytest.raises(ValueError, match="another pair"):
        first = next(iter(again))
        again.replace(first, ReviewRow(first.kind, first.b, first.a, "", "", first.score, ""))


def test_rows_staged_in_any_order_are_the_rows_added_and_cross_processes_as_a_path(
    tmp_path: Path,
) -> None:
    """A new table's rows set aside as they come, packed and in no order (:meth:`stage`),
    then settled are the rows :meth:`add` puts there sorted (in order, by item, the index by
    second item there); pickled, the rows are the saved file's path and read from it; a
    table with rows takes no staged rows, rows not settled do not pickle, and rows read
    from a path take no change."""
    import pickle

    from kg.record.reviewrows import packed_row

    rng = random.Random(5)
    rows = list(
        {
            (r.a, r.b): r
            for r in (_row(rng, *sorted(rng.sample(range(80), 2))) for _ in range(600))
        }.values()
    )
    added = DiskRows(DiskKeys.create(tmp_path / "added.sqlite"))
    added.add(sorted(rows, key=lambda r: (r.a, r.b)))
    table = DiskKeys.create(tmp_path / "staged.sqlite")
    staged = DiskRows(table)
    shuffled = rows[:]
    rng.shuffle(shuffled)
    staged.stage(packed_row(r) for r in shuffled[:250])
    with pytest.raises(ValueError, match="before they were settled"):
        pickle.dumps(staged)
    staged.stage(map(packed_row, shuffled[250:]))
    staged.settle(helpers=1)
    keys = sorted({k for r in rows for k in (r.a, r.b)})
    assert _seen(staged, keys) == _seen(added, keys)
    assert list(staged) == sorted(rows, key=row_key)
    assert staged.changed
    assert table.db is not None
    indexed = table.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()
    assert ("review_b",) in indexed
    assert table.db.execute("PRAGMA threads").fetchone() == (0,)
    with pytest.raises(ValueError, match="has rows"):
        DiskRows(table).stage([packed_row(rows[0])])
    (tmp_path / "kept").mkdir()
    table.save_as(tmp_path / "kept" / "keys.sqlite")
    crossed = pickle.loads(pickle.dumps(staged))
    assert crossed.disk is None and crossed.path == str(tmp_path / "kept" / "keys.sqlite")
    assert _seen(crossed, keys) == _seen(added, keys)
    with pytest.raises(ValueError, match="not changed"):
        crossed.drop(rows[:1])


def _recurring(data: Path) -> tuple[Path, int, str]:
    """A record's person whose full name, and gender, another record of the same country
    gives too: (the record, the person's place, the gender)."""
    seen: dict[tuple, Path] = {}
    for path in sorted((data / "cases").glob("*.yaml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        for n, person in enumerate(record.get("persons", [])):
            if person.get("gender") not in ("female", "male"):
                continue
            key = (person["name"], person["gender"], tuple(record["appeal"]["countries"]))
            if key in seen and seen[key] != path:
                return path, n, person["gender"]
            seen[key] = path
    raise AssertionError("the generated corpus has no recurring person")


def _change(
    path: Path, person: int | None = None, gender: str | None = None, note: str = ""
) -> None:
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    if person is not None:
        record["persons"][person]["gender"] = gender
    if note:
        record["appeal"]["title"] = record["appeal"]["title"] + note
    path.write_text(yaml.safe_dump(record, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _build(store: Path, data: Path) -> str:
    result = CliRunner().invoke(cli, ["build", "--store", str(store), "--data", str(data)])
    assert result.exit_code == 0, result.output
    return result.output


def _expected(data: Path) -> list[dict[str, str]]:
    """The review rows a resolution of every record gives, as the review file has them."""
    from benchgen import load_cases

    rows = resolve_items(record_items(load_cases(data))).review_rows
    return [r.as_dict() for r in rows]


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_the_review_file_is_written_when_its_rows_change(tmp_path: Path) -> None:
    """``kg build`` writes ``identity-review.csv`` from the review rows the index keeps on disk:
    again when a rebuild changes them, or when the file is gone; not when they stay the same;
    and removes it when no row is left."""
    from benchgen import generated_data

    data = generated_data(tmp_path / "gen", 24, seed=5)
    store = tmp_path / "kg"
    review = data / "identity-review.csv"
    path, person, original = _recurring(data)
    other = "female" if original == "male" else "male"
    _build(store, data)
    assert not review.exists()

    _change(path, person, other)  # one name, two genders: a pair to review
    out = _build(store, data)
    rows = _read(review)
    assert rows and rows == _expected(data)
    assert f"identity: {len(rows)} uncertain merge(s) to review" in out
    # The rows are in the store's kept key table, not in the index's pickle.
    kept = kept_path(current_generation(store), "keys")
    assert kept is not None
    db = sqlite3.connect(kept)
    try:
        assert db.execute("SELECT count(*) FROM review").fetchone()[0] == len(rows)
    finally:
        db.close()

    stamp = review.stat()
    _change(path, note=" (a title edited)")  # no review row changes: the file stands
    out = _build(store, data)
    assert (review.stat().st_ino, review.stat().st_mtime_ns) == (stamp.st_ino, stamp.st_mtime_ns)
    assert f"identity: {len(rows)} uncertain merge(s) to review" in out
    review.unlink()
    _change(path, note=" (again)")  # gone: written again, the same
    _build(store, data)
    assert _read(review) == rows

    _change(path, person, original)  # the pair is one entity again: nothing to review
    _build(store, data)
    assert not review.exists()
