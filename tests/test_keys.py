"""Stable IRIs (kg.record.keys, kg.record.mint): items keep their IRIs when a record is edited."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from rdflib import Graph, URIRef

from kg.cli import cli
from kg.errors import DataError
from kg.record.caserecord import dump_record, load_record, record_to_graph
from kg.record.identity import resolve_identities
from kg.record.keys import derived_key, keyed_items, mint_keys, new_key
from kg.store.build import build_dataset
from kg.vocab import AKR

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "data" / "cases").glob("*.yaml"))


def _text(record: dict[str, Any]) -> str:
    return (ROOT / "data" / "appeals" / record["appeal"]["source"]).read_text(encoding="utf-8")


def _local_ids(record: dict[str, Any]) -> set[str]:
    ids = set()
    for _, item in keyed_items(record):
        if item.get("id"):
            ids.add(str(item["id"]))
        for prov in item.get("provisions") or []:
            if isinstance(prov, dict):
                ids.add(str(prov["id"]))
    return ids


def _renumber(node: Any, mapping: dict[str, str]) -> Any:
    """Every local id, where it is defined and wherever it is referred to, renamed."""
    if isinstance(node, dict):
        return {k: _renumber(v, mapping) for k, v in node.items()}
    if isinstance(node, list):
        return [_renumber(v, mapping) for v in node]
    if isinstance(node, str) and node in mapping:
        return mapping[node]
    return node


def _reorder(record: dict[str, Any]) -> None:
    """Every section (but the demands, whose order is the appeal's), every person's positions
    and every event's actors in reverse order."""
    for name, value in record.items():
        if isinstance(value, list) and name != "demands":
            value.reverse()
    for p in record.get("persons") or []:
        (p.get("positions") or []).reverse()
    for e in record.get("events") or []:
        for side in ("agents", "targets"):
            (e.get(side) or []).reverse()


def _iris(g: Graph) -> set[URIRef]:
    return {n for t in g for n in t if isinstance(n, URIRef) and str(n).startswith(str(AKR))}


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_curated_records_store_a_key_for_every_item(path: Path) -> None:
    record = load_record(path)
    missing = [where for where, item in keyed_items(record) if not item.get("key")]
    assert not missing, f"run 'kg mint {path.relative_to(ROOT)}': {missing[:5]}"


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_renumbering_reordering_and_adding_items_keep_every_iri(path: Path) -> None:
    record = load_record(path)
    text = _text(record)
    before = record_to_graph(record, text)[1]

    edited = copy.deepcopy(record)
    edited = _renumber(edited, {i: f"x{n}" for n, i in enumerate(sorted(_local_ids(record)))})
    _reorder(edited)
    edited["persons"].append({"id": "new-p", "name": "Added Person", "roles": ["witness"]})
    edited["events"].append({"id": "new-e", "type": "threat", "targets": ["new-p"]})
    mint_keys(edited)
    after = record_to_graph(edited, text)[1]

    lost = _iris(before) - _iris(after)
    assert not lost, f"{len(lost)} IRI(s) moved, e.g. {sorted(lost)[:3]}"
    added = _iris(after) - _iris(before)
    assert added and all(
        re.search(r"/(person|event|involvement)/[a-z]-[0-9a-f]{16}(/participant-[0-9a-f]+)?$", a)
        for a in added
    ), sorted(added)
    # Every fact stated before is stated the same way after.
    missing = set(before) - set(after)
    assert not missing, sorted(missing, key=str)[:5]


def test_without_keys_renumbering_moves_iris() -> None:
    """The reason for keys: a provisional IRI follows the local id."""
    record = {"appeal": {"id": "t-1"}, "persons": [{"id": "p1", "name": "A B"}]}
    renumbered = _renumber(copy.deepcopy(record), {"p1": "p2"})
    assert _iris(record_to_graph(record)[1]) != _iris(record_to_graph(renumbered)[1])
    mint_keys(record)
    renumbered = _renumber(copy.deepcopy(record), {"p1": "p2"})
    assert _iris(record_to_graph(record)[1]) == _iris(record_to_graph(renumbered)[1])


def test_random_keys_do_not_collide() -> None:
    taken: set[str] = set()
    keys = [new_key(taken) for _ in range(200_000)]
    assert len(set(keys)) == len(keys) == len(taken)
    assert all(re.fullmatch(r"[0-9a-f]{16}", k) for k in keys)
    assert len({k[:4] for k in keys}) > 0.9 * 16**4, "keys spread over the whole space"


def test_derived_keys_do_not_collide() -> None:
    keys = {derived_key("sha", "persons", str(n)) for n in range(200_000)}
    assert len(keys) == 200_000
    assert all(re.fullmatch(r"[0-9a-f]{16}", k) for k in keys)


def test_mint_keeps_existing_keys_and_never_reuses_one() -> None:
    record = {
        "appeal": {"id": "t-2"},
        "persons": [{"id": "p1", "key": "00000000000000aa"}, {"id": "p2"}],
        "rights": [{"name": "freedom of expression"}],
    }
    taken = {"00000000000000bb"}
    assert mint_keys(record, taken) == 2
    keys = [item["key"] for _, item in keyed_items(record)]
    assert keys[0] == "00000000000000aa" and len(set(keys)) == 3
    assert "00000000000000bb" not in keys and set(keys) <= taken
    assert list(record["persons"][1]) == ["id", "key"], "the key follows the id"
    assert mint_keys(record, taken) == 0


def test_extracted_drafts_carry_reproducible_keys() -> None:
    from kg.extract import extract_case

    path = ROOT / "data" / "appeals" / "seed-dauletbayev-2017.txt"
    text = path.read_text(encoding="utf-8")
    first = extract_case(text, appeal_id="seed", source=path.name)
    second = extract_case(text, appeal_id="seed", source=path.name)
    keys = [item.get("key") for _, item in keyed_items(first)]
    assert keys and all(keys), "every drafted item has a key"
    assert len(set(keys)) == len(keys)
    assert keys == [item.get("key") for _, item in keyed_items(second)]


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("XYZ", r"cases/bad\.yaml: p1: key 'XYZ' is not 16 to 32 lower-case hex"),
        ("abc", r"key 'abc' is not 16 to 32"),
    ],
)
def test_bad_keys_are_refused(key: str, message: str, tmp_path: Path) -> None:
    record = {"appeal": {"id": "t-3"}, "persons": [{"id": "p1", "key": key}]}
    with pytest.raises(DataError, match=message):
        record_to_graph(record, origin="cases/bad.yaml")


def _data_dir(tmp_path: Path, records: dict[str, dict[str, Any]]) -> Path:
    data = tmp_path / "data"
    (data / "cases").mkdir(parents=True)
    for name, rec in records.items():
        (data / "cases" / f"{name}.yaml").write_text(dump_record(rec), encoding="utf-8")
    return data


def test_a_key_used_in_two_records_is_refused(tmp_path: Path) -> None:
    key = "0123456789abcdef"
    data = _data_dir(
        tmp_path,
        {
            "one": {"appeal": {"id": "one"}, "persons": [{"id": "p1", "key": key, "name": "A"}]},
            "two": {"appeal": {"id": "two"}, "persons": [{"id": "p9", "key": key, "name": "B"}]},
        },
    )
    with pytest.raises(DataError, match=r"two\.yaml: persons p9: key 0123456789abcdef is alread"):
        build_dataset(data)
    record = {"appeal": {"id": "t"}, "persons": [{"id": "a", "key": key}, {"id": "b", "key": key}]}
    with pytest.raises(DataError, match=r"used twice \(persons a and persons b\)"):
        mint_keys(record)


def test_merged_items_keep_the_iri_of_the_earliest_appeal() -> None:
    def rec(aid: str, date: str, key: str) -> dict[str, Any]:
        org = {"id": "o1", "key": key, "name": "Baikonur for Civil Rights", "kind": "ngo"}
        return {"appeal": {"id": aid, "date": date}, "organisations": [org]}

    records = {"b": rec("b", "2017-01-01", "00000000000000b1")}
    records["c"] = rec("c", "2018-01-01", "00000000000000c1")
    iri = resolve_identities(records).iri_for("b", "o1")
    assert iri == AKR["org/o-00000000000000b1"], "the earliest member's own IRI"
    records["d"] = rec("d", "2020-01-01", "00000000000000d1")
    assert resolve_identities(records).iri_for("d", "o1") == iri, "a later appeal joins it"


def test_kg_mint_writes_keys_once(tmp_path: Path) -> None:
    data = _data_dir(tmp_path, {"r": {"appeal": {"id": "r"}, "persons": [{"id": "p1"}]}})
    path = data / "cases" / "r.yaml"
    result = CliRunner().invoke(cli, ["mint", "--data", str(data), str(path)])
    assert result.exit_code == 0, result.output
    assert "1 new key(s)" in result.output
    key = yaml.safe_load(path.read_text(encoding="utf-8"))["persons"][0]["key"]
    assert re.fullmatch(r"[0-9a-f]{16}", key)
    again = CliRunner().invoke(cli, ["mint", "--data", str(data), str(path)])
    assert again.exit_code == 0 and "0 new key(s)" in again.output
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["persons"][0]["key"] == key


def test_kg_mint_on_a_broken_record_is_one_error_line(tmp_path: Path) -> None:
    data = _data_dir(tmp_path, {})
    path = data / "cases" / "bad.yaml"
    path.write_text("appeal: {id: x}\npersons: [{id: p1, key: nothex}]\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["mint", "--data", str(data), str(path)])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line]
    assert len(lines) == 1 and lines[0].startswith("Error: ") and "bad.yaml" in lines[0]
    assert "Traceback" not in result.output


def test_derived_keys_name_the_section_and_number_items_alike_where_they_sit() -> None:
    # the key derives from the section alone; a second item alike in every respect is
    # numbered with where it sits ("events e2", "persons p1 position 2")
    event = {"type": "arrest", "date": "2024-06-02"}
    position = {"title": "lawyer"}
    record = {
        "events": [{"id": "e1", **event}, {"id": "e2", **event}],
        "persons": [{"id": "p1", "name": "Ivan Petrov", "positions": [position, dict(position)]}],
        "rights": [{"name": "freedom of expression"}, {"name": "freedom of expression"}],
    }
    assert mint_keys(record, derive_from="sha") == 7
    sig = "None-None\x1earrest\x1e\x1e2024-06-02"
    assert record["events"][0]["key"] == derived_key("sha", "events", sig)
    assert record["events"][1]["key"] == derived_key("sha", "events e2", sig, "1")
    pos_sig = "None-None\x1e\x1elawyer\x1e"
    positions = record["persons"][0]["positions"]
    assert positions[0]["key"] == derived_key("sha", "persons", pos_sig)
    assert positions[1]["key"] == derived_key("sha", "persons p1 position 2", pos_sig, "1")
    right_sig = "None-None\x1e\x1efreedom of expression\x1e"
    assert record["rights"][1]["key"] == derived_key("sha", "rights[1]", right_sig, "1")
    assert [where for where, _ in keyed_items(record)] == [
        "persons p1",
        "persons p1 position 1",
        "persons p1 position 2",
        "events e1",
        "events e2",
        "rights[0]",
        "rights[1]",
    ]
    # the key follows the id, or comes first; an empty key is replaced in its new place
    assert list(record["events"][0]) == ["id", "key", "type", "date"]
    assert list(positions[0]) == ["key", "title"]
    blank = {"events": [{"type": "arrest", "key": None, "id": "e1"}]}
    mint_keys(blank, derive_from="sha")
    assert list(blank["events"][0]) == ["id", "key", "type"]
