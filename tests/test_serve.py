"""The SPARQL 1.1 Protocol at /sparql, served by uvicorn on loopback.

SPARQLWrapper in its default mode (it sends ``format=``/``output=`` beside its Accept header) is
the client for every query form and return format; raw HTTP covers what it cannot send.
"""

from __future__ import annotations

import gzip
import json
import socket
import sys
import types
import urllib.error
import urllib.parse
import urllib.request
import xml.dom.minidom
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDFXML, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from kg.errors import QueryError
from kg.web import BackgroundServer, DatasetSource, Limits, ServeSettings
from kg.web.app import ROUTE_MODULES, WebContext
from kg.web.formats import choose_format, negotiate

FIXTURE = Path(__file__).parent / "fixtures" / "wikidata" / "items.ttl"
GRAPH = "https://w3id.org/appeals-kg/graph/wikidata-fixture"
OTHER = "https://w3id.org/appeals-kg/graph/other"
WD = "http://www.wikidata.org/entity/"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
TOKEN = "s3cret-token"


def _dataset() -> ox.Store:
    store = ox.Store()
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(GRAPH))
    for n in range(3):
        store.add(
            ox.Quad(
                ox.NamedNode(f"urn:x:{n}"),
                ox.NamedNode(RDFS_LABEL),
                ox.Literal(f"other {n}"),
                ox.NamedNode(OTHER),
            )
        )
    return store


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return _dataset()


@pytest.fixture(scope="module")
def endpoint(store: ox.Store) -> Iterator[BackgroundServer]:
    limits = Limits(timeout=10.0, workers=2, slow_after=10.0, max_slow=2)
    settings = ServeSettings(max_body=10_000)
    with BackgroundServer(DatasetSource.from_store(store), limits, settings) as server:
        yield server


def _client(server: BackgroundServer, query: str, fmt: str) -> SPARQLWrapper:
    client = SPARQLWrapper(server.url, agent="appeals-kg-tests/0.1")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setTimeout(20)
    return client


def _http(
    server: BackgroundServer,
    *,
    method: str = "GET",
    params: dict[str, str] | list[tuple[str, str]] | None = None,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], bytes]:
    url = server.url + ("?" + urllib.parse.urlencode(params) if params else "")
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        # Generous: at load 30+ on two cores a small update has taken over 20 s to answer.
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def _count(server: BackgroundServer, query: str, **params: str) -> int:
    status, _, body = _http(server, params={"query": query, **params})
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


LABELS = f"SELECT ?label WHERE {{ <{WD}Q232> <{RDFS_LABEL}> ?label }} ORDER BY ?label"
KAZAKH = {"Kazakhstan", "Казахстан", "Қазақстан"}
ASK = f"ASK {{ <{WD}Q232> ?p ?o }}"
CONSTRUCT = f"CONSTRUCT {{ <{WD}Q232> <{RDFS_LABEL}> ?l }} WHERE {{ <{WD}Q232> <{RDFS_LABEL}> ?l }}"
DESCRIBE = f"DESCRIBE <{WD}Q232>"


def _expected_labels_graph() -> Graph:
    g = Graph()
    for text, lang in [("Kazakhstan", "en"), ("Казахстан", "ru"), ("Қазақстан", "kk")]:
        g.add((URIRef(WD + "Q232"), URIRef(RDFS_LABEL), Literal(text, lang=lang)))
    return g


# -- SPARQLWrapper, default mode, every form and return format -----------------------------


@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_select_every_result_format(endpoint: BackgroundServer, fmt: str) -> None:
    result = _client(endpoint, LABELS, fmt).query()
    ctype = result.info()["content-type"]
    converted = result.convert()
    if fmt == JSON:
        assert ctype.startswith("application/sparql-results+json")
        labels = {b["label"]["value"] for b in converted["results"]["bindings"]}
    elif fmt == XML:
        assert ctype.startswith("application/sparql-results+xml")
        labels = {n.firstChild.data for n in converted.getElementsByTagName("literal")}
    elif fmt == CSV:
        assert ctype.startswith("text/csv")
        lines = converted.decode("utf-8").splitlines()
        assert lines[0] == "label"
        labels = set(lines[1:])
    else:
        assert ctype.startswith("text/tab-separated-values")
        lines = converted.decode("utf-8").splitlines()
        assert lines[0] == "?label"
        labels = {line.split("@")[0].strip('"') for line in lines[1:]}
    assert labels == KAZAKH


@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_ask_every_result_format(endpoint: BackgroundServer, fmt: str) -> None:
    result = _client(endpoint, ASK, fmt).query()
    converted = result.convert()
    if fmt == JSON:
        assert converted["boolean"] is True
    elif fmt == XML:
        assert converted.getElementsByTagName("boolean")[0].firstChild.data == "true"
    else:
        assert converted.decode("utf-8").strip().splitlines()[-1] == "true"


# SPARQLWrapper warns that it sends Accept: */* for JSON on a graph form; that is the case tested.
@pytest.mark.filterwarnings("ignore:Sending Accept header:RuntimeWarning")
@pytest.mark.parametrize("form", ["CONSTRUCT", "DESCRIBE"])
@pytest.mark.parametrize(
    ("fmt", "media"),
    [
        (TURTLE, "text/turtle"),
        (N3, "text/turtle"),
        (XML, "application/rdf+xml"),
        (RDFXML, "application/rdf+xml"),
        (JSONLD, "application/ld+json"),
        (JSON, "application/ld+json"),
    ],
)
def test_graph_forms_every_format(
    endpoint: BackgroundServer, store: ox.Store, form: str, fmt: str, media: str
) -> None:
    query = CONSTRUCT if form == "CONSTRUCT" else DESCRIBE
    result = _client(endpoint, query, fmt).query()
    ctype = result.info()["content-type"]
    assert ctype.startswith(media), ctype
    body = result.response.read()
    parser = {"text/turtle": "turtle", "application/rdf+xml": "xml"}.get(media, "json-ld")
    got = Graph().parse(data=body, format=parser)
    if form == "CONSTRUCT":
        assert isomorphic(got, _expected_labels_graph())
    else:
        expected = Graph()
        for q in store.quads_for_pattern(ox.NamedNode(WD + "Q232"), None, None):
            obj = q.object
            term = (
                URIRef(obj.value)
                if isinstance(obj, ox.NamedNode)
                else Literal(obj.value, lang=obj.language)
                if obj.language
                else Literal(obj.value, datatype=URIRef(obj.datatype.value))
                if obj.datatype.value != "http://www.w3.org/2001/XMLSchema#string"
                else Literal(obj.value)
            )
            expected.add((URIRef(WD + "Q232"), URIRef(q.predicate.value), term))
        assert isomorphic(got, expected)


def test_construct_as_ntriples_by_accept(endpoint: BackgroundServer) -> None:
    status, headers, body = _http(
        endpoint, params={"query": CONSTRUCT}, headers={"Accept": "application/n-triples"}
    )
    assert status == 200 and headers["content-type"].startswith("application/n-triples")
    assert isomorphic(Graph().parse(data=body, format="nt"), _expected_labels_graph())


def test_post_form_and_direct(endpoint: BackgroundServer) -> None:
    client = _client(endpoint, LABELS, JSON)
    client.setMethod("POST")
    assert len(client.queryAndConvert()["results"]["bindings"]) == 3
    status, headers, body = _http(
        endpoint,
        method="POST",
        body=LABELS.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"},
    )
    assert status == 200 and headers["content-type"].startswith("text/csv")
    assert set(body.decode().splitlines()[1:]) == KAZAKH


def test_malformed_query_is_400_with_parse_error(endpoint: BackgroundServer) -> None:
    with pytest.raises(QueryBadFormed) as err:
        _client(endpoint, "SELECT * WHERE { ?s ?p }", JSON).query()
    assert "cannot parse" in str(err.value)


def test_not_acceptable(endpoint: BackgroundServer) -> None:
    status, _, body = _http(endpoint, params={"query": LABELS}, headers={"Accept": "image/png"})
    assert status == 406 and b"offered" in body


# -- dataset clauses -------------------------------------------------------------------------

COUNT = "SELECT (COUNT(*) AS ?n) {from} WHERE {{ ?s ?p ?o }}"


def test_from_is_a_dataset_clause(endpoint: BackgroundServer, store: ox.Store) -> None:
    in_graph = len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(GRAPH))))
    assert _count(endpoint, COUNT.format(**{"from": ""})) == len(store) == in_graph + 3
    assert _count(endpoint, COUNT.format(**{"from": f"FROM <{OTHER}>"})) == 3
    assert _count(endpoint, COUNT.format(**{"from": f"FROM <{GRAPH}>"})) == in_graph
    both = COUNT.format(**{"from": f"FROM <{GRAPH}> FROM <{OTHER}>"})
    assert _count(endpoint, both) == in_graph + 3
    # FROM NAMED alone: an empty default graph, the named graph reachable with GRAPH
    named = f"SELECT (COUNT(*) AS ?n) FROM NAMED <{OTHER}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert _count(endpoint, named) == 3
    assert _count(endpoint, COUNT.format(**{"from": f"FROM NAMED <{OTHER}>"})) == 0


def test_protocol_graph_parameters_override_from(endpoint: BackgroundServer) -> None:
    query = COUNT.format(**{"from": f"FROM <{GRAPH}>"})
    assert _count(endpoint, query, **{"default-graph-uri": OTHER}) == 3
    status, _, body = _http(endpoint, params={"query": query, "default-graph-uri": "not an iri"})
    assert status == 400 and b"default-graph-uri" in body


# -- service description ---------------------------------------------------------------------

SD = "http://www.w3.org/ns/sparql-service-description#"


@pytest.mark.parametrize(
    ("accept", "parser"),
    [
        (None, "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
    ],
)
def test_service_description(
    endpoint: BackgroundServer, store: ox.Store, accept: str | None, parser: str
) -> None:
    status, _, body = _http(endpoint, headers={"Accept": accept} if accept else {})
    assert status == 200
    g = Graph().parse(data=body, format=parser)
    service = URIRef(endpoint.url)
    assert (service, URIRef(SD + "endpoint"), service) in g
    formats = {str(o) for o in g.objects(service, URIRef(SD + "resultFormat"))}
    for name in ["JSON-LD", "RDF_XML", "Turtle", "N-Triples", "SPARQL_Results_CSV"]:
        assert f"http://www.w3.org/ns/formats/{name}" in formats
    names = {str(o) for o in g.objects(None, URIRef(SD + "name"))}
    assert names == {GRAPH, OTHER}
    sizes = [int(o) for o in g.objects(None, URIRef("http://rdfs.org/ns/void#triples"))]
    assert sizes == [len(store)]


# -- CORS, gzip ------------------------------------------------------------------------------


def test_cors_preflight_and_headers(endpoint: BackgroundServer) -> None:
    status, headers, _ = _http(
        endpoint,
        method="OPTIONS",
        headers={
            "Origin": "https://yasgui.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Content-Type",
        },
    )
    assert status == 200
    assert headers["access-control-allow-origin"] == "*"
    assert "POST" in headers["access-control-allow-methods"]
    status, headers, _ = _http(
        endpoint, params={"query": LABELS}, headers={"Origin": "https://yasgui.example"}
    )
    assert status == 200 and headers["access-control-allow-origin"] == "*"


def test_gzip_when_asked(endpoint: BackgroundServer) -> None:
    query = "CONSTRUCT WHERE { ?s ?p ?o }"
    status, headers, body = _http(
        endpoint,
        params={"query": query},
        headers={"Accept": "text/turtle", "Accept-Encoding": "gzip"},
    )
    assert status == 200 and headers["content-encoding"] == "gzip"
    plain = _http(endpoint, params={"query": query}, headers={"Accept": "text/turtle"})[2]
    assert gzip.decompress(body) == plain


# -- malformed requests ----------------------------------------------------------------------


def _raw(server: BackgroundServer, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", server.port), timeout=20) as sock:
        sock.sendall(request)
        chunks = []
        while True:
            data = sock.recv(65536)
            if not data:
                break
            chunks.append(data)
            if b"\r\n\r\n" in b"".join(chunks):
                break
    return b"".join(chunks)


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\nSELECT", b"400"),
        (
            b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
            b"Content-Length: 4\r\nConnection: close\r\n\r\n\xff\xfe\xfd\xfc",
            b"400",
        ),
        (
            b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
            b"Content-Length: 99999999\r\nConnection: close\r\n\r\nSELECT",
            b"413",
        ),
        (b"GET /sparql?query=%FF%FE HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", b"400"),
    ],
    ids=["content-length-abc", "non-utf8-body", "oversized-body", "non-utf8-query-string"],
)
def test_malformed_requests_get_an_http_answer(
    endpoint: BackgroundServer, request_bytes: bytes, status: bytes
) -> None:
    answer = _raw(endpoint, request_bytes)
    assert answer.startswith(b"HTTP/1.1 " + status), answer[:200]


def test_oversized_body_without_length_is_413(endpoint: BackgroundServer) -> None:
    status, _, body = _http(
        endpoint,
        method="POST",
        body=b"SELECT * { ?s ?p ?o } # " + b"x" * 20_000,
        headers={"Content-Type": "application/sparql-query"},
    )
    assert status == 413 and b"limit" in body


# -- updates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("request_kwargs", "expected"),
    [
        ({"params": {"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}}, 403),
        ({"method": "POST", "params": {"update": "DELETE WHERE { ?s ?p ?o }"}}, 403),
        (
            {
                "method": "POST",
                "body": b"CLEAR ALL",
                "headers": {"Content-Type": "application/sparql-update"},
            },
            403,
        ),
        ({"method": "PUT", "body": b"<urn:a> <urn:b> <urn:c> ."}, 405),
    ],
)
def test_updates_are_refused(
    endpoint: BackgroundServer, store: ox.Store, request_kwargs: dict, expected: int
) -> None:
    status, _, _ = _http(endpoint, **request_kwargs)
    assert status == expected
    assert _count(endpoint, COUNT.format(**{"from": ""})) == len(store)


def test_updates_with_token_on_loopback() -> None:
    store = _dataset()
    limits = Limits(timeout=10.0, workers=1, slow_after=10.0, max_slow=1)
    target = ox.Store()
    target.extend(store)
    with BackgroundServer(
        DatasetSource.from_store(store),
        limits,
        ServeSettings(update_token=TOKEN),
        update_store=target,
    ) as server:
        insert = f"INSERT DATA {{ GRAPH <{OTHER}> {{ <urn:new> <{RDFS_LABEL}> 'new' }} }}"
        form = urllib.parse.urlencode({"update": insert}).encode()
        ctype = {"Content-Type": "application/x-www-form-urlencoded"}
        status, _, _ = _http(server, method="POST", body=form, headers=ctype)
        assert status == 403
        wrong = {**ctype, "Authorization": "Bearer wrong"}
        assert _http(server, method="POST", body=form, headers=wrong)[0] == 403
        right = {**ctype, "Authorization": f"Bearer {TOKEN}"}
        status, _, body = _http(server, method="POST", body=form, headers=right)
        assert status == 200, body
        assert _count(server, COUNT.format(**{"from": f"FROM <{OTHER}>"})) == 4
        load = urllib.parse.urlencode({"update": "LOAD <http://127.0.0.1:9/x.ttl>"}).encode()
        status, _, body = _http(server, method="POST", body=load, headers=right)
        assert status == 403 and b"LOAD" in body


# -- negotiation and the format parameter -----------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "application/sparql-results+json"),
        ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/*;q=0.9, */*;q=0.1", "text/csv"),
        ("text/csv;q=0, */*", "application/sparql-results+json"),
        ("image/png", None),
    ],
)
def test_negotiate(accept: str | None, expected: str | None) -> None:
    offers = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv"]
    assert negotiate(accept, offers) == expected


@pytest.mark.parametrize(
    ("graph_result", "params", "accept", "expected"),
    [
        (True, ["xml", "xml"], "application/rdf+xml", "application/rdf+xml"),
        (False, ["xml"], None, "application/sparql-results+xml"),
        (True, ["json"], "*/*", "application/ld+json"),
        (False, ["json"], "*/*", "application/sparql-results+json"),
        (False, ["tsv", "text/tab-separated-values"], None, "text/tab-separated-values"),
        (
            True,
            ["json-ld", "application/ld+json,application/x-json+ld"],
            None,
            "application/ld+json",
        ),
        (True, ["csv"], "text/turtle", "text/turtle"),
        (False, ["nonsense"], "text/csv", "text/csv"),
        (True, [], "image/png", None),
    ],
)
def test_choose_format(
    graph_result: bool, params: list[str], accept: str | None, expected: str | None
) -> None:
    choice = choose_format(graph_result, params, accept)
    assert (choice.media if choice else None) == expected


def test_sd_parses_as_xml_too(endpoint: BackgroundServer) -> None:
    _, _, body = _http(endpoint, headers={"Accept": "application/rdf+xml"})
    assert xml.dom.minidom.parseString(body).documentElement.tagName == "rdf:RDF"


def test_route_modules_extend_the_app(store: ox.Store) -> None:
    """A module with routes(ctx) adds its routes; they query through the same runner."""
    module = types.ModuleType("kg_test_extra_routes")

    def routes(ctx: WebContext) -> list[Route]:
        async def labels(request: Request) -> PlainTextResponse:
            rows = await ctx.select(LABELS)
            return PlainTextResponse("\n".join(sorted(r["label"]["value"] for r in rows)))

        async def refused(request: Request) -> PlainTextResponse:
            try:
                await ctx.select("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
            except QueryError as exc:
                return PlainTextResponse(str(exc), status_code=403)
            return PlainTextResponse("ran")

        return [Route("/labels", labels), Route("/refused", refused)]

    module.routes = routes  # type: ignore[attr-defined]
    sys.modules[module.__name__] = module
    limits = Limits(workers=1, max_slow=1)
    try:
        with BackgroundServer(
            DatasetSource.from_store(store), limits, modules=(*ROUTE_MODULES, module.__name__)
        ) as server:
            base = server.url.rsplit("/", 1)[0]
            with urllib.request.urlopen(base + "/labels", timeout=20) as response:
                assert set(response.read().decode().splitlines()) == KAZAKH
            with pytest.raises(urllib.error.HTTPError) as err:
                urllib.request.urlopen(base + "/refused", timeout=20)
            assert err.value.code == 403 and b"SERVICE" in err.value.read()
            assert _count(server, COUNT.format(**{"from": f"FROM <{OTHER}>"})) == 3
    finally:
        del sys.modules[module.__name__]
