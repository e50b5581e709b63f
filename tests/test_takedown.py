"""kg takedown: one person or case restricted everywhere in one step, and the rebuild shows it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.store import Store, public_store_path

DEFENDER = "https://w3id.org/appeals-kg/id/person/p-2a9f31c4"


@pytest.fixture()
def built(seed_built) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    data, store = seed_built.copy()
    return store, data


def _run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args))


def _public(store: Path) -> str:
    return Store.open(public_store_path(store)).dump("nquads").decode("utf-8")


def test_takedown_of_a_person_leaves_only_a_pseudonym(built: tuple[Path, Path]) -> None:
    store, data = built
    assert "Dauletbayev" in _public(store)
    result = _run("takedown", "akr:person/p-2a9f31c4", "--store", str(store), "--data", str(data))
    assert result.exit_code == 0, result.output
    assert DEFENDER in (data / "takedowns.csv").read_text(encoding="utf-8")
    public = _public(store)
    assert "Dauletbayev" not in public and "p-2a9f31c4" not in public
    assert '"Person A-' in public
    # The appeal stays public (its id, which spells the name, does not); the full store keeps
    # the person, now marked restricted.
    assert "/graph/appeal/" in public and "seed-dauletbayev-2017" not in public
    full = Store.open(store)
    assert "Dauletbayev" in full.dump("nquads").decode("utf-8")
    _, rows = full.query(
        f"SELECT ?l WHERE {{ <{DEFENDER}> <https://w3id.org/appeals-kg/ontology#accessLevel> ?l }}"
    )
    assert {str(r[0]).rsplit("/", 1)[-1] for r in rows} == {"restricted"}
    # Once recorded, the same takedown only rebuilds.
    again = _run("takedown", DEFENDER, "--store", str(store), "--data", str(data))
    assert again.exit_code == 0 and "already recorded" in again.output
    assert (data / "takedowns.csv").read_text(encoding="utf-8").count(DEFENDER) == 1


def test_takedown_of_a_case_by_appeal_id_removes_its_graphs(built: tuple[Path, Path]) -> None:
    store, data = built
    result = _run("takedown", "seed-dauletbayev-2017", "--store", str(store), "--data", str(data))
    assert result.exit_code == 0, result.output
    public = _public(store)
    assert "/graph/appeal/" not in public
    assert "Dauletbayev" not in public and "Eyubov" not in public


def test_unknown_target_is_one_line_and_changes_nothing(built: tuple[Path, Path]) -> None:
    store, data = built
    result = _run("takedown", "Marat Dauletbaev", "--store", str(store), "--data", str(data))
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: no person or case 'Marat Dauletbaev'")
    assert "Did you mean 'Marat Dauletbayev'" in lines[0]
    assert not (data / "takedowns.csv").exists()
