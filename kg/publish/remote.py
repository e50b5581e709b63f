"""The named queries of ``queries/``, run on a remote SPARQL endpoint through SPARQLWrapper.

Parameters are bound as RDF terms in a ``VALUES`` block placed first in the query's outer
``WHERE`` group (bound early, as the embedded store's substitution does), so a value never
changes the query's shape. Results come back as a :class:`kg.query.QueryResult` of rdflib terms,
comparable with the embedded store's.
"""

from __future__ import annotations

import re
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryError, RemoteError
from kg.query import QueryFile, QueryResult, bind_params, find_query


def with_values(text: str, bindings: dict[str, Node]) -> str:
    """The query with ``VALUES ?p { term }`` for each binding, first in its outer WHERE."""
    if not bindings:
        return text
    code = re.sub(r"#[^\n]*", lambda m: " " * len(m.group(0)), text)
    m = re.search(r"\bWHERE\s*\{", code, re.I)
    if m is None:
        raise QueryError("cannot bind parameters: the query has no WHERE group")
    values = " ".join(f"VALUES ?{k} {{ {v.n3()} }}" for k, v in bindings.items())
    return text[: m.end()] + f"\n  {values}\n" + text[m.end() :]


def _term(cell: dict[str, Any]) -> Node:
    kind, value = cell["type"], cell["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    lang = cell.get("xml:lang")
    datatype = cell.get("datatype")
    if lang:
        return Literal(value, lang=lang)
    if datatype and datatype != "http://www.w3.org/2001/XMLSchema#string":
        return Literal(value, datatype=URIRef(datatype))
    return Literal(value)


def run_remote_query(
    endpoint: str,
    query: str | QueryFile,
    params: dict[str, str] | None = None,
    *,
    user: str | None = None,
    password: str | None = None,
    timeout: int = 300,
) -> QueryResult | bool:
    """Run a named query (or QueryFile) on ``endpoint``; SELECT gives a QueryResult."""
    from SPARQLWrapper import JSON, POST, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    qf = query if isinstance(query, QueryFile) else find_query(query)
    bindings = bind_params(qf, params or {}, None)
    client = SPARQLWrapper(endpoint)
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    client.setTimeout(timeout)
    if user is not None:
        client.setCredentials(user, password or "")
    client.setQuery(with_values(qf.text, bindings))
    try:
        doc = client.queryAndConvert()
    except SPARQLWrapperException as e:
        msg = " ".join(str(e).split())[:300]
        raise RemoteError(f"{qf.name}: {endpoint} refused the query: {msg}") from None
    except OSError as e:
        raise RemoteError(f"{qf.name}: cannot reach {endpoint}: {e}") from None
    if not isinstance(doc, dict):
        raise RemoteError(f"{qf.name}: {endpoint} did not answer SPARQL JSON")
    if "boolean" in doc:
        return bool(doc["boolean"])
    variables = list(doc["head"]["vars"])
    rows = [
        tuple(_term(b[v]) if v in b else None for v in variables)
        for b in doc["results"]["bindings"]
    ]
    return QueryResult(variables, rows)
