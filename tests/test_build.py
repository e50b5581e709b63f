"""Building the store: named graphs, derived shortcuts, curated-over-extracted, atomicity."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import URIRef

from kg.errors import InputError, KgError
from kg.store import Store
from kg.store.build import build, find_cases
from kg.vocab import AKG, DERIVED_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH

SEED_DEFENDER = URIRef("https://w3id.org/appeals-kg/id/person/p-2a9f31c4")


def test_build_makes_one_graph_per_appeal_and_the_fixed_graphs(built_store: Store) -> None:
    names = built_store.graph_names()
    assert ONTOLOGY_GRAPH in names and REFERENCE_GRAPH in names and DERIVED_GRAPH in names
    appeal_graphs = [n for n in names if "/graph/appeal/" in n]
    assert len(appeal_graphs) == len(
        list((Path(__file__).parents[1] / "data" / "cases").glob("*.yaml"))
    )


def test_derived_shortcuts_are_materialised_in_their_own_graph(built_store: Store) -> None:
    q = """PREFIX akg: <https://w3id.org/appeals-kg/ontology#>
    SELECT ?d ?prov WHERE {
      GRAPH <https://w3id.org/appeals-kg/graph/derived> { ?d akg:chargedUnder ?prov }
    }"""
    _, rows = built_store.query(q, {"d": SEED_DEFENDER}, union=False)
    assert {str(r[1]).rsplit("/", 1)[-1] for r in rows} == {"art-130", "art-419"}
    q = """PREFIX akg: <https://w3id.org/appeals-kg/ontology#>
    SELECT ?who ?d WHERE { ?who akg:complainedAgainst ?d }"""
    _, rows = built_store.query(q, {"d": SEED_DEFENDER})
    assert len(rows) == 2


def test_every_case_record_states_facts_with_evidence(built_store: Store) -> None:
    q = """PREFIX akg: <https://w3id.org/appeals-kg/ontology#>
    SELECT ?e WHERE { ?e ?p ?o . VALUES ?p { akg:eventType akg:chargedPerson akg:madeIn akg:right }
                      FILTER NOT EXISTS { ?e akg:evidence ?ev } }"""
    _, rows = built_store.query(q)
    assert rows == []


def test_failed_build_leaves_previous_store_untouched(tmp_path: Path, data_copy: Path) -> None:
    store_path = tmp_path / "store"
    first = build(store_path, data_copy)
    before = len(Store.open(store_path))
    assert before == first.triples
    (data_copy / "reference" / "broken.ttl").write_text(
        "@prefix x: <http://x/> .\nx:a x:b\n", encoding="utf-8"
    )
    with pytest.raises(InputError, match=r"broken\.ttl: Turtle syntax error"):
        build(store_path, data_copy)
    assert len(Store.open(store_path)) == before
    assert not [p for p in tmp_path.rglob("*") if p.name.startswith((".new-", ".store.new-"))]


def test_build_refuses_to_replace_a_folder_that_is_not_a_store(
    tmp_path: Path, data_copy: Path
) -> None:
    target = tmp_path / "precious"
    target.mkdir()
    (target / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(KgError, match="not an appeals-kg store"):
        build(target, data_copy)
    assert (target / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_curated_record_wins_over_extracted(data_copy: Path) -> None:
    extracted = data_copy / "extracted"
    extracted.mkdir(exist_ok=True)
    shutil.copy(data_copy / "cases" / "seed-dauletbayev-2017.yaml", extracted / "seed.yaml")
    cases, shadowed = find_cases(data_copy)
    assert [c.curated for c in cases] == [True]
    assert [c.record_path.name for c in shadowed] == ["seed.yaml"]


def test_two_records_with_one_appeal_id_are_an_error(data_copy: Path) -> None:
    shutil.copy(
        data_copy / "cases" / "seed-dauletbayev-2017.yaml", data_copy / "cases" / "again.yaml"
    )
    with pytest.raises(KgError, match="already used by"):
        find_cases(data_copy)


def test_missing_appeal_text_is_named(data_copy: Path, tmp_path: Path) -> None:
    (data_copy / "appeals" / "seed-dauletbayev-2017.txt").unlink()
    with pytest.raises(InputError, match="appeal text 'seed-dauletbayev-2017.txt' not found"):
        build(tmp_path / "s", data_copy)


def test_access_level_is_on_every_case_and_appeal(built_store: Store) -> None:
    q = """PREFIX akg: <https://w3id.org/appeals-kg/ontology#>
    SELECT ?x WHERE {
      ?x a ?c . VALUES ?c { akg:Case akg:Appeal } FILTER NOT EXISTS { ?x akg:accessLevel ?l }
    }"""
    assert built_store.query(q)[1] == []
    assert AKG.accessLevel


def test_an_appeal_wording_of_a_reference_entity_becomes_an_alternative_label() -> None:
    from rdflib import Graph, Literal
    from rdflib.namespace import RDFS, SKOS

    from kg.countries import country_iri
    from kg.store.build import defer_to_reference

    tr = country_iri("TR")
    reference = Graph()
    reference.add((tr, RDFS.label, Literal("Türkiye")))
    case = Graph()
    case.add((tr, RDFS.label, Literal("Turkey")))
    defer_to_reference(case, reference)
    assert (tr, RDFS.label, Literal("Turkey")) not in case
    assert (tr, SKOS.altLabel, Literal("Turkey")) in case
