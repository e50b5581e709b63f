"""A record's shape check and its access check in one walk (kg.record.recordcheck.check_record)
give the verdicts, messages and answers of the two walks they replace: check_record_shape, then
kg.store.spill.restricted."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from benchgen import generator as _generator
from fuzzsettings import FUZZ
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import DataError
from kg.record.recordcheck import check_record, check_record_shape
from kg.store.spill import read_checked, restricted
from kg.vocab import DATA_DIR

SEED = DATA_DIR / "cases" / "seed-dauletbayev-2017.yaml"


def _two_walks(record: dict[str, Any], path: Path, raw: str) -> tuple[str | None, bool | None]:
    try:
        check_record_shape(record, path, raw)
    except DataError as e:
        return str(e), None
    return None, restricted(record)


def _one_walk(record: dict[str, Any], path: Path, raw: str) -> tuple[str | None, bool | None]:
    try:
        return None, check_record(record, path, raw)
    except DataError as e:
        return str(e), None


def _assert_same(record: dict[str, Any], raw: str = "") -> None:
    path = Path("case.yaml")
    assert _one_walk(record, path, raw) == _two_walks(record, path, raw)


def _seed() -> dict[str, Any]:
    return yaml.safe_load(SEED.read_text(encoding="utf-8"))


def test_seed_and_generated_records_conform_and_say_whether_restricted(tmp_path: Path) -> None:
    out = _generator().generate(6, tmp_path / "corpus", seed=5, jobs=1)
    paths = [SEED, *sorted((out / "cases").glob("*.yaml"))]
    assert len(paths) == 7
    for path in paths:
        raw = path.read_text(encoding="utf-8")
        record = yaml.safe_load(raw)
        assert check_record(record, path, raw) == restricted(record)
        assert read_checked(path, raw.encode())[1] == restricted(record)


# Where a restricted access sits, and what is not restricted.
ACCESS = [
    ({"access": "restricted"}, True),
    ({"access": "public"}, False),
    ({"access": None}, False),
    ({"access": True}, True),  # str(True) is not "public"
    ({"persons": [{"id": "p", "access": "confidential"}]}, True),
    ({"persons": [{"id": "p", "evidence": [{"quote": "q", "access": "restricted"}]}]}, True),
    ({"persons": [{"id": "p", "positions": [{"post": "x", "access": "restricted"}]}]}, True),
    ({"appeal": {"id": "a", "case": {"access": "restricted"}}}, True),
    ({"custom": [[{"access": "restricted"}]]}, True),
    ({"custom": {"deeper": {"access": "restricted"}}}, True),
    ({"persons": [{"id": "p", "note": "access: restricted"}]}, False),
]


@pytest.mark.parametrize(("extra", "hidden"), ACCESS)
def test_restricted_anywhere_in_a_record(extra: dict[str, Any], hidden: bool) -> None:
    record = {"appeal": {"id": "a-1"}, **extra}
    assert restricted(record) is hidden
    assert check_record(record, Path("case.yaml"), "") is hidden


# Broken records, each on a branch of the shape check, and the paths that read the key path
# (its first key on two-key paths, an evidence entry's offsets, appeal's None).
BROKEN: list[dict[str, Any]] = [
    {"appeal": {"id": "a"}, "persons": 42},
    {"appeal": {"id": "a"}, "persons": ["just text"]},
    {"appeal": None},
    {"appeal": {"id": "a", "appeal": None}},
    {"appeal": {"id": "a", "case": None}},
    {"appeal": {"id": "a", 3: "x"}},
    {"appeal": {"id": "a"}, "persons": [{"id": "p", "variants": [{"a": "b"}]}]},
    {"appeal": {"id": "a"}, "persons": [{"id": "p", "name": {"a": "b"}}]},
    {"appeal": {"id": "a"}, "persons": [{"id": "p", "positions": "x"}]},
    {"appeal": {"id": "a"}, "events": [{"id": "e", "positions": "x"}]},
    {"appeal": {"id": "a"}, "instruments": [{"id": "i", "provisions": "x"}]},
    {"appeal": {"id": "a"}, "charges": [{"id": "c", "provisions": [{"a": 1}]}]},
    {"appeal": {"id": "a"}, "events": [{"id": "e", "evidence": [{"start": "x"}]}]},
    {"appeal": {"id": "a"}, "events": [{"id": "e", "evidence": [{"end": 1.5}]}]},
    {"appeal": {"id": "a"}, "events": [{"id": "e", "evidence": [{"start": True}]}]},
    {"appeal": {"id": "a"}, "events": [{"id": "e", "start": "x", "end": [1, {"a": 2}]}]},
    {"appeal": {"id": "a"}, "evidence": [{"start": "x"}]},
    {"appeal": {"id": "a"}, "evidence": {"case": {"start": "x"}}},
    {"appeal": {"id": "a"}, "evidence": {"other": {"start": "x"}}},
    {"appeal": {"id": "a"}, "": [{"note": [{"a": 1}]}]},
    {"appeal": {"id": "a"}, "": [{"other": 7}]},
    {"appeal": {"id": "a"}, "custom": [[{"persons": 1}]]},
    {"appeal": {"id": "a"}, "custom": [object()]},
    {"appeal": {"id": "a"}, "custom": {"x": [{3: 1}]}},
]


@pytest.mark.parametrize("record", BROKEN)
def test_broken_records_give_the_same_verdict_and_message(record: dict[str, Any]) -> None:
    _assert_same(record)


def test_the_first_problem_is_named_with_its_line() -> None:
    raw = SEED.read_text(encoding="utf-8")
    record = _seed()
    record["persons"][0]["variants"] = [{"a": "b"}]
    with pytest.raises(DataError) as one:
        check_record(record, SEED, raw)
    with pytest.raises(DataError) as two:
        check_record_shape(record, SEED, raw)
    assert str(one.value) == str(two.value)
    assert "persons.0.variants.0: should be a plain value" in str(one.value)


KEYS = st.sampled_from(
    [
        "appeal",
        "case",
        "extraction",
        "persons",
        "instruments",
        "events",
        "evidence",
        "positions",
        "provisions",
        "charges",
        "start",
        "end",
        "access",
        "note",
        "custom",
        "",
        1,
    ]
)
SCALAR = st.sampled_from(
    [None, 0, 7, 1.5, True, "x", "public", "restricted", dt.date(2017, 3, 1), ""]
)
TREES = st.recursive(
    SCALAR,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=14,
)


@FUZZ
@given(st.dictionaries(KEYS, TREES, max_size=5))
def test_one_walk_agrees_with_two_on_random_trees(record: dict[str, Any]) -> None:
    _assert_same(record)


@FUZZ
@given(st.lists(st.tuples(st.integers(0, 10_000), TREES), min_size=1, max_size=3))
def test_one_walk_agrees_with_two_on_edited_seeds(edits: list[tuple[int, Any]]) -> None:
    """The seed record with values put at places picked among its own."""
    record = copy.deepcopy(_SEED)
    for pick, value in edits:
        places = list(_places(record))
        holder, key = places[pick % len(places)]
        holder[key] = value
    _assert_same(record)


_SEED = _seed()


def _places(value: Any) -> Any:
    """(container, key) of every value inside ``value``."""
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, item in items:
        yield value, key
        if isinstance(item, (dict, list)):
            yield from _places(item)
