"""Read-only SPARQL 1.1 Protocol endpoint over a pyoxigraph store.

Researchers point YASGUI or SPARQLWrapper at it, and the link tests run the real SPARQL client
against it, so it follows the protocol rather than a convenient subset: ``GET ?query=``, ``POST``
form-encoded or ``application/sparql-query``, ``default-graph-uri``/``named-graph-uri``, content
negotiation, CORS. It only ever reads: updates get 403, and so does a query whose SERVICE would
reach another host (the engine would fetch it, making the endpoint an open proxy). It is built on
the standard library's ``http.server`` so serving needs nothing beyond the store.
"""

from __future__ import annotations

import re
import socket
import sys
import threading
import time
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kg.errors import QueryError
from kg.federation import needs_network

__all__ = ["SparqlServer", "make_server", "negotiate", "serve_forever"]

ENDPOINT_PATH = "/sparql"
MAX_BODY = 1_000_000  # bytes; a query longer than this is a mistake, not a question

RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}
# Short names for the ``format=`` / ``output=`` parameter some clients send instead of Accept.
FORMAT_ALIASES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "ntriples": "application/n-triples",
    "nt": "application/n-triples",
    "nquads": "application/n-quads",
    "nq": "application/n-quads",
    "rdfxml": "application/rdf+xml",
    "jsonld": "application/ld+json",
}
RESULT_FORMAT_IRIS = {
    "http://www.w3.org/ns/formats/SPARQL_Results_JSON",
    "http://www.w3.org/ns/formats/SPARQL_Results_XML",
    "http://www.w3.org/ns/formats/SPARQL_Results_CSV",
    "http://www.w3.org/ns/formats/SPARQL_Results_TSV",
    "http://www.w3.org/ns/formats/Turtle",
    "http://www.w3.org/ns/formats/N-Triples",
    "http://www.w3.org/ns/formats/N-Quads",
}
UPDATE_KEYWORDS = {
    "INSERT",
    "DELETE",
    "LOAD",
    "CLEAR",
    "CREATE",
    "DROP",
    "COPY",
    "MOVE",
    "ADD",
    "WITH",
}
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Content-Type",
    "Access-Control-Max-Age": "86400",
}


class SparqlServer(ThreadingHTTPServer):
    """A ThreadingHTTPServer that knows its store, its limits and its public URL."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        address: tuple[str, int],
        store: ox.Store,
        *,
        query_timeout: float = 30.0,
        union_default_graph: bool = True,
        quiet: bool = True,
    ) -> None:
        super().__init__(address, SparqlHandler)
        self.store = store
        self.query_timeout = query_timeout
        self.union_default_graph = union_default_graph
        self.quiet = quiet
        host, port = self.server_address[:2]
        shown = f"[{host}]" if ":" in str(host) else host
        self.url = f"http://{shown}:{port}{ENDPOINT_PATH}"


class _SparqlServer6(SparqlServer):
    address_family = socket.AF_INET6


def make_server(
    store: ox.Store,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    query_timeout: float = 30.0,
    union_default_graph: bool = True,
    quiet: bool = True,
) -> SparqlServer:
    """Bind an endpoint (port 0 picks a free port); call ``serve_forever()`` on it to serve.

    It binds loopback by default because the store may hold unpublished case material; serving
    to a network is an explicit choice of ``host``. With ``union_default_graph`` the default
    graph is the union of all named graphs, which is what a researcher typing a query expects
    of a dataset that keeps one named graph per case.
    """
    cls = _SparqlServer6 if ":" in host else SparqlServer
    return cls(
        (host, port),
        store,
        query_timeout=query_timeout,
        union_default_graph=union_default_graph,
        quiet=quiet,
    )


def serve_forever(
    store: ox.Store,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    query_timeout: float = 30.0,
    union_default_graph: bool = True,
    quiet: bool = False,
    on_ready: Callable[[SparqlServer], None] | None = None,
) -> None:
    """Serve until interrupted (Ctrl-C), printing the endpoint URL on stderr first."""
    server = make_server(
        store,
        host,
        port,
        query_timeout=query_timeout,
        union_default_graph=union_default_graph,
        quiet=quiet,
    )
    with server:
        print(f"SPARQL endpoint at {server.url}", file=sys.stderr)
        if on_ready is not None:
            on_ready(server)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


def negotiate(accept: str | None, offers: list[str]) -> str | None:
    """Pick the offer the Accept header likes best (RFC 9110 q-values); None if none is acceptable.

    Ties go to the earlier offer, so the server's preferred format wins for ``*/*``.
    """
    if not accept or not accept.strip():
        return offers[0]
    ranges: list[tuple[str, str, float]] = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if "/" not in media:
            continue
        q = 1.0
        for param in fields[1:]:
            if param.lower().startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        main, _, sub = media.partition("/")
        ranges.append((main, sub, q))
    best, best_q = None, 0.0
    for offer in offers:
        main, _, sub = offer.partition("/")
        quality, specificity = 0.0, -1
        for r_main, r_sub, q in ranges:
            if r_main == main and r_sub == sub:
                spec = 2
            elif r_main == main and r_sub == "*":
                spec = 1
            elif r_main == "*" and r_sub == "*":
                spec = 0
            else:
                continue
            if spec > specificity:
                quality, specificity = q, spec
        if quality > best_q:
            best, best_q = offer, quality
    return best


class _Cancelled(Exception):
    """Raised inside the result writer once the handler has given up waiting."""


class _Sink:
    """A write target that stops the serializer as soon as the query has run out of time."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.cancelled = threading.Event()
        self.chunks: list[bytes] = []

    def write(self, data: bytes) -> int:
        if self.cancelled.is_set() or time.monotonic() > self.deadline:
            raise _Cancelled
        self.chunks.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


class _HttpError(Exception):
    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def looks_like_update(text: str) -> bool:
    """True when the first keyword after the prologue is a SPARQL Update operation."""
    stripped = re.sub(r"<[^<>\s]*>", "<>", text)
    stripped = re.sub(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'", '""', stripped)
    stripped = re.sub(r"#[^\n]*", " ", stripped)
    stripped = re.sub(r"(?is)^\s*((PREFIX\s+[^\s:]*:\s*<>|BASE\s+<>)\s*)*", "", stripped)
    word = re.match(r"\s*([A-Za-z]+)", stripped)
    return bool(word) and word.group(1).upper() in UPDATE_KEYWORDS


class SparqlHandler(BaseHTTPRequestHandler):
    """One request: parse the protocol, run the query with a deadline, negotiate the answer."""

    server: SparqlServer
    protocol_version = "HTTP/1.1"
    server_version = "appeals-kg-sparql/0.1"

    # -- HTTP verbs ------------------------------------------------------------------------
    def do_OPTIONS(self) -> None:  # noqa: N802 - http.server naming
        self._send(HTTPStatus.NO_CONTENT, b"", None)

    def do_GET(self) -> None:  # noqa: N802
        self._dispatch("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch("POST")

    def do_HEAD(self) -> None:  # noqa: N802
        self._send(HTTPStatus.METHOD_NOT_ALLOWED, b"", None, extra={"Allow": "GET, POST, OPTIONS"})

    def do_PUT(self) -> None:  # noqa: N802
        self._refuse_write()

    def do_DELETE(self) -> None:  # noqa: N802
        self._refuse_write()

    def do_PATCH(self) -> None:  # noqa: N802
        self._refuse_write()

    # -- protocol --------------------------------------------------------------------------
    def _dispatch(self, method: str) -> None:
        try:
            parts = urlsplit(self.path)
            if parts.path not in (ENDPOINT_PATH, "/"):
                raise _HttpError(
                    HTTPStatus.NOT_FOUND, f"No such path; the endpoint is {ENDPOINT_PATH}"
                )
            params = parse_qs(parts.query, keep_blank_values=True)
            query: str | None = None
            if method == "POST":
                query = self._read_post(params)
            if "update" in params:
                raise _HttpError(
                    HTTPStatus.FORBIDDEN, "This endpoint is read-only: updates are refused"
                )
            if query is None:
                queries = params.get("query", [])
                if len(queries) > 1:
                    raise _HttpError(HTTPStatus.BAD_REQUEST, "Give exactly one 'query' parameter")
                query = queries[0] if queries else None
            if query is None:
                if method == "POST":
                    raise _HttpError(HTTPStatus.BAD_REQUEST, "Missing 'query' parameter")
                self._service_description()
                return
            self._answer(query, params)
        except _HttpError as err:
            self._send_text(err.status, err.message)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _read_post(self, params: dict[str, list[str]]) -> str | None:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise _HttpError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"Body over {MAX_BODY} bytes")
        body = self.rfile.read(length) if length else b""
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype == "application/sparql-update":
            raise _HttpError(
                HTTPStatus.FORBIDDEN, "This endpoint is read-only: updates are refused"
            )
        if ctype == "application/sparql-query":
            return body.decode("utf-8")
        if ctype in ("application/x-www-form-urlencoded", ""):
            for key, values in parse_qs(body.decode("utf-8"), keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
            return None
        raise _HttpError(
            HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
            f"Unsupported Content-Type {ctype!r}: use application/x-www-form-urlencoded "
            "or application/sparql-query",
        )

    def _accept(self, params: dict[str, list[str]]) -> str | None:
        for key in ("format", "output"):
            if params.get(key):
                value = params[key][0].strip().lower()
                return FORMAT_ALIASES.get(value, value)
        return self.headers.get("Accept")

    def _answer(self, query: str, params: dict[str, list[str]]) -> None:
        try:
            if needs_network(query):
                raise _HttpError(
                    HTTPStatus.FORBIDDEN,
                    "SERVICE to a remote host is refused here; run federated queries with "
                    "kg query --allow-network",
                )
        except QueryError:
            pass  # let the store report the syntax error with its own position
        kwargs: dict[str, Any] = {}
        try:
            if params.get("default-graph-uri"):
                kwargs["default_graph"] = [ox.NamedNode(i) for i in params["default-graph-uri"]]
            elif self.server.union_default_graph:
                kwargs["use_default_graph_as_union"] = True
            if params.get("named-graph-uri"):
                kwargs["named_graphs"] = [ox.NamedNode(i) for i in params["named-graph-uri"]]
        except ValueError as exc:
            raise _HttpError(HTTPStatus.BAD_REQUEST, f"Bad graph IRI: {exc}") from exc
        accept = self._accept(params)
        outcome: dict[str, Any] = {}
        sink = _Sink(time.monotonic() + self.server.query_timeout)

        def run() -> None:
            try:
                result = self.server.store.query(query, **kwargs)
                if isinstance(result, ox.QueryBoolean | ox.QuerySolutions):
                    media = negotiate(accept, list(RESULT_FORMATS))
                    if media is None:
                        outcome["error"] = (
                            HTTPStatus.NOT_ACCEPTABLE,
                            _not_acceptable(RESULT_FORMATS),
                        )
                        return
                    result.serialize(sink, RESULT_FORMATS[media])
                else:
                    media = negotiate(accept, list(GRAPH_FORMATS))
                    if media is None:
                        outcome["error"] = (
                            HTTPStatus.NOT_ACCEPTABLE,
                            _not_acceptable(GRAPH_FORMATS),
                        )
                        return
                    result.serialize(sink, GRAPH_FORMATS[media])
                outcome["media"] = media
            except SyntaxError as exc:
                if looks_like_update(query):
                    outcome["error"] = (
                        HTTPStatus.FORBIDDEN,
                        "This endpoint is read-only: updates are refused",
                    )
                else:
                    outcome["error"] = (HTTPStatus.BAD_REQUEST, f"Query parse error: {exc}")
            except _Cancelled:
                outcome["timeout"] = True
            except Exception as exc:  # evaluation errors belong in the response, not the log
                if sink.cancelled.is_set() or time.monotonic() > sink.deadline:
                    outcome["timeout"] = True
                else:
                    line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                    outcome["error"] = (HTTPStatus.INTERNAL_SERVER_ERROR, f"Query failed: {line}")

        worker = threading.Thread(target=run, name="sparql-query", daemon=True)
        worker.start()
        worker.join(self.server.query_timeout)
        if worker.is_alive() or outcome.get("timeout"):
            sink.cancelled.set()
            raise _HttpError(
                HTTPStatus.SERVICE_UNAVAILABLE,
                f"Query exceeded the {self.server.query_timeout:g} s timeout",
            )
        if "error" in outcome:
            raise _HttpError(*outcome["error"])
        self._send(HTTPStatus.OK, b"".join(sink.chunks), _with_charset(outcome["media"]))

    def _service_description(self) -> None:
        """Describe the endpoint (SPARQL 1.1 Service Description) for clients that look."""
        url = self.server.url
        lines = [
            "@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .",
            "@prefix void: <http://rdfs.org/ns/void#> .",
            "",
            f"<{url}> a sd:Service ;",
            f"    sd:endpoint <{url}> ;",
            "    sd:supportedLanguage sd:SPARQL11Query ;",
        ]
        if self.server.union_default_graph:
            lines.append("    sd:feature sd:UnionDefaultGraph ;")
        lines.append(
            "    sd:resultFormat " + ", ".join(f"<{f}>" for f in sorted(RESULT_FORMAT_IRIS))
        )
        graphs = sorted(g.value for g in self.server.store.named_graphs() if hasattr(g, "value"))
        lines[-1] += " ;"
        named = "".join(f"\n        sd:namedGraph [ sd:name <{g}> ] ;" for g in graphs)
        size = len(self.server.store)
        lines.append(
            f"    sd:defaultDataset [ a sd:Dataset ;{named}\n"
            f"        sd:defaultGraph [ a sd:Graph ; void:triples {size} ] ] ."
        )
        text = "\n".join(lines) + "\n"
        media = negotiate(self.headers.get("Accept"), ["text/turtle", "application/n-triples"])
        if media == "application/n-triples":
            quads = ox.parse(text.encode(), format=ox.RdfFormat.TURTLE)
            body = ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES) or b""
        else:
            media, body = "text/turtle", text.encode()
        self._send(HTTPStatus.OK, body, _with_charset(media))

    # -- responses -------------------------------------------------------------------------
    def _refuse_write(self) -> None:
        self._send_text(HTTPStatus.FORBIDDEN, "This endpoint is read-only: updates are refused")

    def _send_text(self, status: HTTPStatus, message: str) -> None:
        self._send(
            status, (message.replace("\n", " ") + "\n").encode(), "text/plain; charset=utf-8"
        )

    def _send(
        self,
        status: HTTPStatus,
        body: bytes,
        ctype: str | None,
        extra: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        for key, value in CORS_HEADERS.items():
            self.send_header(key, value)
        self.send_header("Vary", "Accept, Origin")
        if ctype:
            self.send_header("Content-Type", ctype)
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - base signature
        if not self.server.quiet:
            super().log_message(format, *args)


def _with_charset(media: str) -> str:
    return media if "charset" in media else f"{media}; charset=utf-8"


def _not_acceptable(formats: dict[str, Any]) -> str:
    return "None of the Accept types is available; offered: " + ", ".join(formats)
