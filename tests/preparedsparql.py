"""rdflib's SPARQL queries parsed once per test process, then reused as prepared queries.

pySHACL, the reference the shape and validation tests compare against, runs each SPARQL-based
constraint once per focus node, as the same query text with ``$this`` given in ``initBindings``,
and rdflib parses that text again every time: in ``tests/test_shapes.py`` some 90% of a fixture's
validation was pyparsing the 13 constraint queries again (236 runs). The per-graph and incremental
validators (``kg.check.dependencies.query_reads``) prepare each constraint once per run, and the
tests run them hundreds of times. rdflib's own answer to repeated queries is a prepared query
(``prepareQuery``: parsed and translated once, evaluated with any bindings); :func:`install`
makes every query given as text, and every ``prepareQuery`` looked up at call time, take one
translation kept per text, prefixes given with it and base. What a query answers does not
change: the same translation is evaluated with the same bindings, and a query that does not
parse raises as before.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import rdflib.plugins.sparql
from rdflib.plugins.sparql import processor
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.sparql import Query

_plain_query = processor.SPARQLProcessor.query
_prepared: dict[tuple[str, str | None, tuple[tuple[str, str], ...]], Query] = {}


def prepared(text: str, init_ns: Mapping[str, Any] | None, base: str | None) -> Query:
    """The query ``text`` parsed and translated with these prefixes and base, once."""
    ns = tuple(sorted((str(k), str(v)) for k, v in (init_ns or {}).items()))
    key = (text, base, ns)
    query = _prepared.get(key)
    if query is None:
        query = translateQuery(parseQuery(text), base, dict(init_ns or {}))
        query._original_args = (text, dict(init_ns or {}), base)  # as prepareQuery keeps them
        _prepared[key] = query
    return query


def _prepare_query(queryString, initNs=None, base=None):  # noqa: N803
    return prepared(queryString, initNs, base)


def _query(self, strOrQuery, initBindings=None, initNs=None, base=None, DEBUG=False):  # noqa: N803
    if isinstance(strOrQuery, str):
        strOrQuery = prepared(strOrQuery, initNs, base)
    return _plain_query(self, strOrQuery, initBindings, initNs, base, DEBUG)


def install() -> None:
    """Every SPARQL query given to rdflib as text, in this process, is prepared once."""
    processor.SPARQLProcessor.query = _query  # type: ignore[method-assign]
    rdflib.plugins.sparql.prepareQuery = _prepare_query  # type: ignore[assignment]
