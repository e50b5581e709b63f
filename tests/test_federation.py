"""Federated queries: which need the network, and one run against an endpoint on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib.namespace import RDF, SKOS

from kg.federation import needs_network
from kg.web import BackgroundServer, DatasetSource, Limits

FIXTURE = Path(__file__).parent / "fixtures" / "wikidata" / "items.ttl"
GRAPH = "https://w3id.org/appeals-kg/graph/wikidata-fixture"


@pytest.fixture(scope="module")
def endpoint() -> Iterator[BackgroundServer]:
    store = ox.Store()
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(GRAPH))
    limits = Limits(timeout=10.0, workers=1, slow_after=10.0, max_slow=1)
    with BackgroundServer(DatasetSource.from_store(store), limits) as server:
        yield server


QUERIES = Path(__file__).parents[1] / "queries"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", False),
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:8000/sparql> { ?s ?p ?o } }", False),
        ("SELECT * WHERE { SERVICE <http://localhost/sparql> { ?s ?p ?o } }", False),
        ("SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }", True),
        ("SELECT * WHERE { SERVICE SILENT <http://10.0.0.1/sparql> { ?s ?p ?o } }", True),
        ("SELECT * WHERE { ?svc a ?t . SERVICE ?svc { ?s ?p ?o } }", True),
        ("# SERVICE <https://example.org/> in a comment only\nSELECT * WHERE { ?s ?p ?o }", False),
    ],
)
def test_needs_network(query: str, expected: bool) -> None:
    assert needs_network(query) is expected


@pytest.mark.parametrize("name", ["fed-official-offices.rq", "fed-place-coordinates.rq"])
def test_federation_queries_declare_and_need_network(name: str) -> None:
    text = (QUERIES / name).read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("# ")]
    keys = [line[2:].split(":", 1)[0] for line in header]
    assert keys[:5] == ["title", "question", "params", "returns", "network"]
    assert "# network: yes" in header
    assert needs_network(text)


def test_federated_query_runs_against_loopback_endpoint(endpoint: BackgroundServer) -> None:
    """The coordinates query, pointed at the fixture endpoint instead of Wikidata."""
    text = (QUERIES / "fed-place-coordinates.rq").read_text(encoding="utf-8")
    text = text.replace("https://query.wikidata.org/sparql", endpoint.url)
    assert not needs_network(text)
    ours = ox.Store()
    place = ox.NamedNode("https://w3id.org/appeals-kg/id/place/baikonur-cosmodrome")
    for p, o in [
        (str(RDF.type), ox.NamedNode("https://w3id.org/appeals-kg/ontology#Place")),
        ("http://www.w3.org/2000/01/rdf-schema#label", ox.Literal("Baikonur Cosmodrome")),
        (str(SKOS.exactMatch), ox.NamedNode("http://www.wikidata.org/entity/Q990403")),
    ]:
        ours.add(ox.Quad(place, ox.NamedNode(p), o))
    rows = [(s["place"].value, s["coordinates"].value) for s in ours.query(text)]
    assert rows == [(place.value, "Point(63.305 45.965)")]
