"""The read-only endpoint, exercised with the real SPARQLWrapper client over loopback."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib.namespace import RDF, SKOS
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.federation import needs_network
from kg.web.serve import SparqlServer, make_server, negotiate

FIXTURE = Path(__file__).parent / "fixtures" / "wikidata" / "items.ttl"
GRAPH = "https://w3id.org/appeals-kg/graph/wikidata-fixture"


def _start(store: ox.Store, **kwargs: object) -> SparqlServer:
    server = make_server(store, **kwargs)  # type: ignore[arg-type]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def endpoint() -> Iterator[SparqlServer]:
    store = ox.Store()
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(GRAPH))
    server = _start(store, query_timeout=1.0)
    yield server
    server.shutdown()
    server.server_close()


def _client(server: SparqlServer, query: str, fmt: str = JSON) -> SPARQLWrapper:
    client = SPARQLWrapper(server.url, agent="appeals-kg-tests/0.1")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setTimeout(5)
    return client


def _http(
    server: SparqlServer,
    *,
    method: str = "GET",
    params: dict[str, str] | None = None,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], bytes]:
    url = server.url + ("?" + urllib.parse.urlencode(params) if params else "")
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


LABEL_QUERY = """
PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?label WHERE { wd:Q232 rdfs:label ?label } ORDER BY ?label
"""


def test_binds_loopback_on_a_free_port(endpoint: SparqlServer) -> None:
    assert endpoint.server_address[0] == "127.0.0.1"
    assert endpoint.server_address[1] > 0
    assert endpoint.url == f"http://127.0.0.1:{endpoint.server_address[1]}/sparql"


def test_select_json_through_sparqlwrapper(endpoint: SparqlServer) -> None:
    result = _client(endpoint, LABEL_QUERY).queryAndConvert()
    labels = {(b["label"]["value"], b["label"]["xml:lang"]) for b in result["results"]["bindings"]}
    assert labels == {("Kazakhstan", "en"), ("Казахстан", "ru"), ("Қазақстан", "kk")}


def test_select_xml_and_csv(endpoint: SparqlServer) -> None:
    xml = _client(endpoint, LABEL_QUERY, XML).queryAndConvert()
    literals = [n.firstChild.data for n in xml.getElementsByTagName("literal")]
    assert sorted(literals) == sorted(["Kazakhstan", "Казахстан", "Қазақстан"])
    csv_text = _client(endpoint, LABEL_QUERY, CSV).queryAndConvert().decode("utf-8")
    assert csv_text.splitlines()[0] == "label"
    assert "Қазақстан" in csv_text


def test_post_form_and_direct(endpoint: SparqlServer) -> None:
    client = _client(endpoint, LABEL_QUERY)
    client.setMethod(POST)
    assert len(client.queryAndConvert()["results"]["bindings"]) == 3
    status, headers, body = _http(
        endpoint,
        method="POST",
        body=LABEL_QUERY.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": "text/tab-separated-values"},
    )
    assert status == 200
    assert headers["Content-Type"].startswith("text/tab-separated-values")
    assert body.decode().splitlines()[0] == "?label"


def test_ask_and_construct(endpoint: SparqlServer) -> None:
    ask = "PREFIX wd: <http://www.wikidata.org/entity/> ASK { wd:Q7747 ?p ?o }"
    assert _client(endpoint, ask).queryAndConvert()["boolean"] is True
    construct = """
    PREFIX wd: <http://www.wikidata.org/entity/>
    PREFIX wdt: <http://www.wikidata.org/prop/direct/>
    CONSTRUCT { ?p wdt:P39 ?o } WHERE { ?p wdt:P39 ?o }
    """
    graph = _client(endpoint, construct, TURTLE).queryAndConvert()
    assert b"Q218295" in graph
    status, headers, body = _http(
        endpoint, params={"query": construct}, headers={"Accept": "application/n-triples"}
    )
    assert status == 200 and headers["Content-Type"].startswith("application/n-triples")
    assert body.decode().strip().count("\n") == 0  # exactly one triple, one line


def test_malformed_query_is_400_with_parse_error(endpoint: SparqlServer) -> None:
    with pytest.raises(QueryBadFormed) as err:
        _client(endpoint, "SELECT * WHERE { ?s ?p }").query()
    assert "parse error" in str(err.value).lower()


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"params": {"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}},
        {"params": {"update": "DELETE WHERE { ?s ?p ?o }"}},
        {
            "method": "POST",
            "body": b"CLEAR ALL",
            "headers": {"Content-Type": "application/sparql-update"},
        },
        {"method": "PUT", "body": b"<urn:a> <urn:b> <urn:c> ."},
    ],
)
def test_updates_are_refused(endpoint: SparqlServer, request_kwargs: dict) -> None:
    before = len(endpoint.store)
    status, _, body = _http(endpoint, **request_kwargs)
    assert status == 403
    assert b"read-only" in body
    assert len(endpoint.store) == before


def test_remote_service_is_refused(endpoint: SparqlServer) -> None:
    query = "SELECT * { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }"
    status, _, body = _http(endpoint, params={"query": query})
    assert status == 403 and b"allow-network" in body


def test_cors_preflight_and_headers(endpoint: SparqlServer) -> None:
    status, headers, _ = _http(
        endpoint,
        method="OPTIONS",
        headers={"Origin": "https://yasgui.example", "Access-Control-Request-Method": "POST"},
    )
    assert status == 204
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in headers["Access-Control-Allow-Methods"]
    status, headers, _ = _http(endpoint, params={"query": LABEL_QUERY})
    assert status == 200 and headers["Access-Control-Allow-Origin"] == "*"


def test_service_description_without_query(endpoint: SparqlServer) -> None:
    status, headers, body = _http(endpoint)
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    quads = list(ox.parse(body, format=ox.RdfFormat.TURTLE))
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert any(
        q.predicate.value == sd + "endpoint" and q.object.value == endpoint.url for q in quads
    )
    assert any(q.predicate.value == sd + "name" and q.object.value == GRAPH for q in quads)


def test_not_acceptable(endpoint: SparqlServer) -> None:
    status, _, body = _http(
        endpoint, params={"query": LABEL_QUERY}, headers={"Accept": "image/png"}
    )
    assert status == 406 and b"offered" in body


def test_default_graph_uri_restricts_the_dataset(endpoint: SparqlServer) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    _, _, inside = _http(endpoint, params={"query": count, "default-graph-uri": GRAPH})
    _, _, outside = _http(endpoint, params={"query": count, "default-graph-uri": "urn:empty"})
    n_inside = int(json.loads(inside)["results"]["bindings"][0]["n"]["value"])
    n_outside = int(json.loads(outside)["results"]["bindings"][0]["n"]["value"])
    assert n_inside == len(endpoint.store) and n_outside == 0


def test_query_timeout_answers_503(endpoint: SparqlServer) -> None:
    slow = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    status, _, body = _http(endpoint, params={"query": slow})
    assert status == 503 and b"timeout" in body
    # the endpoint still answers afterwards
    assert _http(endpoint, params={"query": LABEL_QUERY})[0] == 200


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "application/sparql-results+json"),
        ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/*;q=0.9, */*;q=0.1", "text/csv"),
        ("image/png", None),
    ],
)
def test_negotiate(accept: str | None, expected: str | None) -> None:
    offers = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv"]
    assert negotiate(accept, offers) == expected


# -- federation -------------------------------------------------------------------------------

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


def test_federated_query_runs_against_loopback_endpoint(endpoint: SparqlServer) -> None:
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
