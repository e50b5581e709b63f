"""An event's deciding authority may be a person (a minister's ban, a judge's order): a record
that says so builds, validates and reads back; the derived relations keep the person as who
acted and leave the acting body to the organisations among the agents; anything but a person
or an organisation is still refused."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner

from kg.cli import cli
from kg.store import Store
from kg.store.store import store_location
from kg.vocab import sparql_prologue

SEED = "seed-dauletbayev-2017.yaml"


def _with_authority(data: Path, authority: str) -> None:
    """The seed record with its police ban (e8, agent the police, o8) decided by
    ``authority``."""
    path = data / "cases" / SEED
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    ban = next(e for e in record["events"] if e["id"] == "e8")
    assert ban["agents"] == ["o8"]
    ban["authority"] = authority
    path.write_text(yaml.safe_dump(record, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _rows(store: Path, query: str) -> set[tuple[str, ...]]:
    _, result = Store.open(store_location(store)).query(
        sparql_prologue(["akg", "evtype", "rdfs"]) + query
    )
    return {tuple(str(t) for t in row) for row in result}


def test_a_person_as_authority_builds_validates_and_reads_back(
    tmp_path: Path, data_copy: Path
) -> None:
    _with_authority(data_copy, "p5")  # the mayor, who holds a post
    store = tmp_path / "s"
    result = CliRunner().invoke(cli, ["build", "--store", str(store), "--data", str(data_copy)])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(cli, ["validate", "--store", str(store), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["conforms"] is True
    query = """SELECT ?label ?actedBy ?body WHERE {
      ?ban akg:eventType evtype:ban ; akg:authority ?who .
      ?who a akg:Person ; rdfs:label ?label .
      OPTIONAL { ?ban akg:actedBy ?actedBy . ?actedBy rdfs:label ?actedByLabel }
      OPTIONAL { ?ban akg:actingBody ?bodyNode . ?bodyNode rdfs:label ?body }
    }"""
    found = _rows(store, query.replace("?actedBy ?body", "?actedByLabel ?body"))
    assert found == {
        ("Anatoliy Petrenko", "Anatoliy Petrenko", "police"),
        ("Anatoliy Petrenko", "police", "police"),
    }


def test_a_place_as_authority_is_refused_by_the_shape(tmp_path: Path, data_copy: Path) -> None:
    _with_authority(data_copy, "l1")
    store = tmp_path / "s"
    result = CliRunner().invoke(cli, ["build", "--store", str(store), "--data", str(data_copy)])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(cli, ["validate", "--store", str(store), "--format", "json"])
    assert result.exit_code == 1, result.output
    found = [r for r in json.loads(result.output)["results"] if r["path"] == "akg:authority"]
    assert len(found) == 1, found
    assert "akg:Organisation or akg:Person" in found[0]["message"]
    assert found[0]["source"].endswith(SEED)


def test_an_authority_that_is_no_id_of_the_record_is_a_one_line_error(
    tmp_path: Path, data_copy: Path
) -> None:
    _with_authority(data_copy, "the Minister of the Interior")
    result = CliRunner().invoke(
        cli, ["build", "--store", str(tmp_path / "s"), "--data", str(data_copy)]
    )
    assert result.exit_code == 2, result.output  # could not build
    lines = [line for line in result.output.strip().splitlines() if line.startswith("Error")]
    assert len(lines) == 1 and "Traceback" not in result.output
    assert SEED in lines[0] and "authority 'the Minister of the Interior'" in lines[0]
