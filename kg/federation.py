"""Tell federated queries apart from local ones.

A query with ``SERVICE <https://query.wikidata.org/sparql>`` makes the engine open a connection
to another host. Nothing in appeals-kg may reach the network unless the user asked for it
(``kg query --allow-network``), and the read-only endpoint must never become an open proxy, so
both ask :func:`needs_network` before running a query. Loopback services stay allowed: the tests
federate with an endpoint they start on 127.0.0.1.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from rdflib.plugins.sparql.algebra import translateQuery, traverse
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.term import URIRef

from kg.errors import QueryError

__all__ = ["is_loopback_url", "needs_network", "service_iris"]

_LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}
_SERVICE_RE = re.compile(r"\bSERVICE\b", re.IGNORECASE)


def is_loopback_url(url: str) -> bool:
    """True for an http(s) URL whose host is this machine (localhost, 127.0.0.0/8, ::1)."""
    host = (urlsplit(url).hostname or "").lower()
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def service_iris(query_text: str) -> list[str | None]:
    """The SERVICE targets of a query, in order; ``None`` for ``SERVICE ?var`` (unknown host).

    Raises :class:`QueryError` when the query does not parse, naming the parse error.
    """
    try:
        algebra = translateQuery(parseQuery(query_text)).algebra
    except Exception as exc:  # rdflib raises pyparsing and its own errors alike
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise QueryError(f"Cannot parse query to check for SERVICE: {msg}") from exc
    found: list[str | None] = []

    def visit(node: object) -> None:
        if getattr(node, "name", None) == "ServiceGraphPattern":
            term = node["term"]  # type: ignore[index]
            found.append(str(term) if isinstance(term, URIRef) else None)

    traverse(algebra, visitPre=visit)
    return found


def needs_network(query_text: str) -> bool:
    """True when the query has a SERVICE to a host that is not loopback (or to a variable).

    A query that never mentions SERVICE is answered without parsing, so a query written in a
    dialect rdflib does not know is not rejected here; the store reports its syntax errors.
    """
    if not _SERVICE_RE.search(query_text):
        return False
    return any(iri is None or not is_loopback_url(iri) for iri in service_iris(query_text))
