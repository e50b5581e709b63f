"""Per-graph validation gives the verdicts of one whole-graph pyshacl run.

Each shape fixture of tests/shapes/ is loaded as a dataset whose files are separate named graphs
(the broken part, the conforming case it adds to, the ontology), so that nodes and values cross
graph boundaries as in a corpus; the seed store is checked the same way. The per-graph path
(SHACL Core per unit in pyshacl, SPARQL constraints set-based in Oxigraph) and the default engine
(SHACL Core compiled to SPARQL, kg.check.setbased) must each report exactly the results of pyshacl
over the union of the graphs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from test_shapes import (
    FIXTURES,
    MF,
    SHT,
    load_fixture,
    ontology_graph,
    reachable,
    result_key,
    shapes_graph,
    top_results,
)

from kg.check.pergraph import validate_units
from kg.check.setbased import validate_set_based
from kg.check.shacl_sparql import run_constraints
from kg.store import Store
from kg.vocab import ONTOLOGY_GRAPH


def fixture_store(path: Path) -> Store:
    """The fixture's data graph as a store: one named graph per file, plus the ontology."""
    g = Graph()
    g.parse(path, format="turtle")
    test = next(g.subjects(RDF.type, SHT.Validate))
    manifest = reachable(g, test)
    own = Graph()
    for t in g:
        if t[0] not in manifest:
            own.add(t)
    store = Store.memory()
    store.add_graph(own, URIRef(f"urn:test:{path.stem}"))
    action = g.value(test, MF.action)
    for extra in g.objects(action, SHT.dataGraph):
        if extra != test:
            other = Graph()
            other.parse(str(extra), format="turtle")
            store.add_graph(other, URIRef(f"urn:test:{Path(str(extra)).stem}"))
    store.add_graph(ontology_graph(), ONTOLOGY_GRAPH)
    return store


def whole_graph_keys(store: Store) -> tuple[bool, set[tuple]]:
    """One pyshacl run (SHACL Core and SPARQL constraints) over the union of every graph."""
    conforms, report, _ = validate(
        store.to_graph(),
        shacl_graph=shapes_graph(),
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    return bool(conforms), {result_key(report, r) for r in top_results(report)}


def sparql_engine_keys(store: Store) -> tuple[bool, set[tuple]]:
    """The default engine: SHACL Core compiled to SPARQL, SPARQL constraints, in Oxigraph."""
    conforms, report, stats = validate_set_based(store, shapes_graph())
    assert stats.fallback == {}, "every project shape compiles"
    root = report.value(predicate=RDF.type, object=SH.ValidationReport)
    return conforms, {result_key(report, r) for r in report.objects(root, SH.result)}


def per_graph_keys(store: Store, **kwargs: object) -> tuple[bool, set[tuple]]:
    conforms, report, _ = validate_units(store, shapes_graph(), **kwargs)  # type: ignore[arg-type]
    root = report.value(predicate=RDF.type, object=SH.ValidationReport)
    return conforms, {result_key(report, r) for r in report.objects(root, SH.result)}


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_fixture_same_verdicts_as_whole_graph_pyshacl(path: Path) -> None:
    """Both engines give the fixture's expected results. Those are what one whole-graph pyshacl
    run gives on the same triples: test_shapes.py::test_fixture_gives_expected_results runs it
    on each fixture, and test_fixture_store_holds_the_triples_pyshacl_checks below shows that
    the store here holds those triples, so pyshacl is not run a second time per fixture."""
    store = fixture_store(path)
    _, expected_conforms, expected = load_fixture(path)
    conforms, found = per_graph_keys(store, workers=1)
    missing, extra = expected - found, found - expected
    detail = [f"missing: {k}" for k in missing] + [f"unexpected: {k}" for k in extra]
    assert found == expected, "\n".join(map(str, detail))
    assert conforms == expected_conforms
    if not path.stem.startswith("conforming"):
        assert found, f"{path.name}: a broken fixture must give results"
    # The compiled engine, against the same results.
    conforms, found = sparql_engine_keys(store)
    missing, extra = expected - found, found - expected
    detail = [f"missing: {k}" for k in missing] + [f"unexpected: {k}" for k in extra]
    assert found == expected, "\n".join(map(str, detail))
    assert conforms == expected_conforms


def _ground(graph: Graph) -> set[tuple]:
    """The triples without blank nodes, literals by value (Oxigraph writes 1.0 as 1)."""

    def term(t: object) -> object:
        return (t.datatype, t.language, t.toPython()) if isinstance(t, Literal) else t

    return {tuple(map(term, t)) for t in graph if not any(isinstance(x, BNode) for x in t)}


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_fixture_store_holds_the_triples_pyshacl_checks(path: Path) -> None:
    """The union of the fixture store's graphs is the data graph test_shapes.py gives pyshacl:
    the same number of triples, the same triples without blank nodes."""
    union = fixture_store(path).to_graph()
    data, _, _ = load_fixture(path)
    assert len(union) == len(data)
    assert _ground(union) == _ground(data)


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_set_based_sparql_equals_per_node(path: Path) -> None:
    store = fixture_store(path)

    def keys(mode: str) -> list[tuple]:
        results = run_constraints(store, shapes_graph(), mode=mode)
        return sorted(
            (str(r.focus), str(r.path), str(r.value), str(r.constraint), r.message) for r in results
        )

    assert keys("auto") == keys("per-node")


def test_seed_store_same_verdicts_as_whole_graph_pyshacl(built_store) -> None:
    store = built_store
    expected_conforms, expected = whole_graph_keys(store)
    conforms, found = per_graph_keys(store, workers=2)
    assert found == expected
    assert conforms == expected_conforms is True
    assert sparql_engine_keys(store) == (expected_conforms, expected)


def test_incremental_rechecks_only_changed_graphs(tmp_path: Path) -> None:
    path = next(p for p in FIXTURES if p.stem == "person-001")
    store = fixture_store(path)
    conforming = next(p for p in FIXTURES if p.stem == "conforming-002")
    extra = Graph()
    extra.parse(conforming, format="turtle")
    store.add_graph(extra, URIRef("urn:test:second"))
    cache = tmp_path / "validation.json"
    conforms1, keys1 = per_graph_keys(store, cache=cache, workers=1)
    _, _, stats = validate_units(store, shapes_graph(), cache=cache, workers=1)
    assert stats.checked == 0 and stats.cached == stats.units > 1
    # Break the conforming graph: only its unit is checked again, and the break is found.
    bad = URIRef("urn:test:broken-person")
    akg = "https://w3id.org/appeals-kg/ontology#"
    broken = Graph()
    broken.add((bad, RDF.type, URIRef(akg + "Person")))
    store.add_graph(broken, URIRef("urn:test:second"))
    conforms2, report, stats = validate_units(store, shapes_graph(), cache=cache, workers=1)
    assert stats.checked == 1
    assert conforms2 is False
    assert bad in set(report.objects(None, SH.focusNode))
    assert bad not in {k[0] for k in keys1}


def test_rebuild_of_unchanged_data_checks_nothing(seed_built) -> None:
    """Unit hashes do not depend on the blank-node labels a build happens to mint."""
    from kg.check.pergraph import cache_path
    from kg.store.build import build

    data, path = seed_built.copy()  # the seed as a build left it, built once per process
    store = Store.open(path)
    _, _, first = validate_units(store, shapes_graph(), cache=cache_path(store), workers=1)
    assert first.checked == first.units
    del store
    build(path, data)
    store = Store.open(path)
    _, _, second = validate_units(store, shapes_graph(), cache=cache_path(store), workers=1)
    assert second.checked == 0 and second.cached == second.units


def test_unit_sees_the_evidence_spans_its_nodes_point_to() -> None:
    """A fact whose evidence span lives in another graph is reported in that span's source:
    its unit must see the span, not only the fact's own graph (no akg:reportedIn needed)."""
    akg = "https://w3id.org/appeals-kg/ontology#"
    path = next(p for p in FIXTURES if p.stem == "conforming-002")
    full = fixture_store(path)
    own = URIRef(f"urn:test:{path.stem}")
    _, rows = full.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{own}> {{ ?s ?p ?o }} }}", union=False)
    graph = Graph()
    for t in rows:
        graph.add(tuple(t))
    # Facts whose spans are all stated in another graph lose their akg:reportedIn.
    facts = {
        s
        for s, _, o in graph.triples((None, URIRef(akg + "evidence"), None))
        if not any(graph.triples((o, None, None)))
    }
    removed = [t for f in facts for t in graph.triples((f, URIRef(akg + "reportedIn"), None))]
    assert removed, "the fixture has facts whose only span is in another graph"
    for t in removed:
        graph.remove(t)
    store = Store.memory()
    for name in full.graph_names():
        if name != own:
            _, rows = full.query(
                f"SELECT ?s ?p ?o WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}", union=False
            )
            other = Graph()
            for t in rows:
                other.add(tuple(t))
            store.add_graph(other, name)
    store.add_graph(graph, own)
    assert whole_graph_keys(store) == (True, set())
    assert per_graph_keys(store, workers=1) == (True, set())
    assert sparql_engine_keys(store) == (True, set())
