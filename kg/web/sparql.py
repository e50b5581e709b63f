"""The SPARQL 1.1 Protocol at ``/sparql``: requests in, answers from the query runner out.

GET with ``query=``, POST form-encoded, POST ``application/sparql-query``; ``default-graph-uri``
and ``named-graph-uri``; the Accept header or ``format=``/``output=`` (see :mod:`kg.web.formats`);
a Service Description when no query is given. Malformed requests get 4xx with a one-line
message: a body that is not UTF-8, an oversized body (413), a repeated ``query``. Updates are
refused (403) unless the server was started with ``--allow-update`` and a token, and even then
only from loopback.
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import threading
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl

import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from kg.web.execute import Answer, Job
from kg.web.formats import format_iris, negotiate
from kg.web.guard import QueryRefused, check_update, graph_iri_ok
from kg.web.runner import DatasetSource

if TYPE_CHECKING:
    from kg.web.app import WebContext

__all__ = ["ENDPOINT_PATH", "routes"]

ENDPOINT_PATH = "/sparql"
SD_FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
_READ_ONLY = "This endpoint is read-only: updates are refused"


class _BadRequest(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.answer = Answer.error(status, message)


def routes(ctx: WebContext) -> list[BaseRoute]:
    """The protocol's routes, for :func:`kg.web.app.create_app`."""

    async def endpoint(request: Request) -> Response:
        try:
            answer = await _handle(ctx, request)
        except _BadRequest as bad:
            answer = bad.answer
        headers = {"Vary": "Accept, Accept-Encoding, Origin", **answer.headers}
        return Response(answer.body, answer.status, headers=headers, media_type=answer.media)

    return [Route(ENDPOINT_PATH, endpoint, methods=["GET", "POST"])]


def _parse_params(text: str, where: str) -> list[tuple[str, str]]:
    try:
        return parse_qsl(text, keep_blank_values=True, errors="strict", max_num_fields=1000)
    except UnicodeDecodeError:
        raise _BadRequest(400, f"The {where} is not UTF-8 once percent-decoded") from None
    except ValueError as exc:
        raise _BadRequest(400, f"Malformed {where}: {exc}") from None


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            raise _BadRequest(400, f"Content-Length {declared!r} is not a number of bytes")
        if int(declared) > limit:
            raise _BadRequest(413, f"Request body over the endpoint's limit of {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _BadRequest(413, f"Request body over the endpoint's limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _decode(body: bytes, what: str) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _BadRequest(400, f"The {what} is not UTF-8 (byte {exc.start})") from None


async def _handle(ctx: WebContext, request: Request) -> Answer:
    params = _parse_params(request.url.query, "query string")
    query: str | None = None
    update: str | None = None
    if request.method == "POST":
        body = await _read_body(request, ctx.settings.max_body)
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype == "application/sparql-query":
            query = _decode(body, "query")
        elif ctype == "application/sparql-update":
            update = _decode(body, "update")
        elif ctype in ("application/x-www-form-urlencoded", ""):
            params += _parse_params(_decode(body, "form body"), "form body")
        else:
            raise _BadRequest(
                415,
                f"Unsupported Content-Type {ctype!r}: use application/x-www-form-urlencoded, "
                "application/sparql-query or application/sparql-update",
            )
    values: dict[str, list[str]] = {}
    for key, value in params:
        values.setdefault(key, []).append(value)
    if update is None and "update" in values:
        if request.method != "POST" or len(values["update"]) != 1:
            raise _BadRequest(400, "Give exactly one 'update' parameter, by POST")
        update = values["update"][0]
    if update is not None:
        return await _update(ctx, request, update)
    if query is None:
        queries = values.get("query", [])
        if len(queries) > 1:
            raise _BadRequest(400, "Give exactly one 'query' parameter")
        query = queries[0] if queries else None
    if query is None:
        if request.method == "POST":
            raise _BadRequest(400, "Missing 'query' parameter")
        return _service_description(ctx, request)
    graph_params = {}
    for key in ("default-graph-uri", "named-graph-uri"):
        graph_params[key] = tuple(values.get(key, []))
        for iri in graph_params[key]:
            if not graph_iri_ok(iri):
                raise _BadRequest(400, f"Bad {key} {iri!r}: not an absolute IRI")
    job = Job(
        query=query,
        default_graph_uris=graph_params["default-graph-uri"],
        named_graph_uris=graph_params["named-graph-uri"],
        format_params=tuple(values.get("format", []) + values.get("output", [])),
        accept=request.headers.get("accept"),
        union_default_graph=ctx.settings.union_default_graph,
    )
    return await _run_while_connected(ctx, request, job)


async def _run_while_connected(ctx: WebContext, request: Request, job: Job) -> Answer:
    """Run the query, stopping it if the client goes away before the answer."""
    cancel = threading.Event()
    task = asyncio.ensure_future(ctx.runner.run(job, cancel))
    while True:
        done, _ = await asyncio.wait({task}, timeout=0.25)
        if done:
            return task.result()
        if not cancel.is_set() and await request.is_disconnected():
            cancel.set()


def _is_loopback(host: str | None) -> bool:
    try:
        return host is not None and ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


async def _update(ctx: WebContext, request: Request, text: str) -> Answer:
    target = ctx.update_store
    if target is None or not ctx.settings.update_token:
        return Answer.error(403, _READ_ONLY)
    if not _is_loopback(request.client.host if request.client else None):
        return Answer.error(403, "Updates are accepted from loopback only")
    given = request.headers.get("authorization", "")
    expected = f"Bearer {ctx.settings.update_token}"
    if not hmac.compare_digest(given.encode(), expected.encode()):
        return Answer.error(403, "Updates need the server's token: Authorization: Bearer TOKEN")
    try:
        check_update(text)
    except QueryRefused as refused:
        return Answer.error(refused.status, refused.message)
    async with ctx.update_lock:
        try:
            await asyncio.to_thread(target.update, text)
        except SyntaxError as exc:
            return Answer.error(400, f"Update parse error: {str(exc).splitlines()[0]}")
        except Exception as exc:  # an engine error is the client's answer
            line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            return Answer.error(500, f"Update failed: {line}")
        source = await asyncio.to_thread(DatasetSource.from_store, target)
        ctx.runner.reload(source)
        ctx.runner.graphs = sorted(g.value for g in target.named_graphs())
        ctx.runner.size = len(target)
    return Answer(200, "text/plain; charset=utf-8", b"Update applied\n")


def _service_description(ctx: WebContext, request: Request) -> Answer:
    """SPARQL 1.1 Service Description of this endpoint, in any of the graph formats."""
    url = str(request.url.replace(query="", fragment=""))
    sd = "http://www.w3.org/ns/sparql-service-description#"
    void = "http://rdfs.org/ns/void#"
    service = ox.NamedNode(url)
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    triples = [
        ox.Triple(service, rdf_type, ox.NamedNode(sd + "Service")),
        ox.Triple(service, ox.NamedNode(sd + "endpoint"), service),
        ox.Triple(
            service, ox.NamedNode(sd + "supportedLanguage"), ox.NamedNode(sd + "SPARQL11Query")
        ),
    ]
    if ctx.update_store is not None:
        triples.append(
            ox.Triple(
                service,
                ox.NamedNode(sd + "supportedLanguage"),
                ox.NamedNode(sd + "SPARQL11Update"),
            )
        )
    if ctx.settings.union_default_graph:
        triples.append(
            ox.Triple(service, ox.NamedNode(sd + "feature"), ox.NamedNode(sd + "UnionDefaultGraph"))
        )
    for iri in format_iris():
        triples.append(ox.Triple(service, ox.NamedNode(sd + "resultFormat"), ox.NamedNode(iri)))
    dataset, default = ox.BlankNode("dataset"), ox.BlankNode("default")
    triples += [
        ox.Triple(service, ox.NamedNode(sd + "defaultDataset"), dataset),
        ox.Triple(dataset, rdf_type, ox.NamedNode(sd + "Dataset")),
        ox.Triple(dataset, ox.NamedNode(sd + "defaultGraph"), default),
        ox.Triple(default, rdf_type, ox.NamedNode(sd + "Graph")),
        ox.Triple(
            default,
            ox.NamedNode(void + "triples"),
            ox.Literal(
                str(ctx.runner.size),
                datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"),
            ),
        ),
    ]
    for n, graph in enumerate(ctx.runner.graphs):
        node = ox.BlankNode(f"g{n}")
        triples += [
            ox.Triple(dataset, ox.NamedNode(sd + "namedGraph"), node),
            ox.Triple(node, rdf_type, ox.NamedNode(sd + "NamedGraph")),
            ox.Triple(node, ox.NamedNode(sd + "name"), ox.NamedNode(graph)),
        ]
    media = negotiate(request.headers.get("accept"), list(SD_FORMATS))
    if media is None:
        return Answer.error(406, "Service description offered as: " + ", ".join(SD_FORMATS))
    prefixes = {"sd": sd, "void": void} if media == "text/turtle" else None
    body = ox.serialize(triples, format=SD_FORMATS[media], prefixes=prefixes) or b""
    return Answer(200, f"{media}; charset=utf-8", body)
