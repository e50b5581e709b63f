"""The index: cases and defenders, filtered by country, year and event type, searched by any
spelling of a name (the query page is ``querypage``)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Route

from kg.web.app import WebContext
from kg.web.local import LocalDataset, current_view, derive
from kg.web.names import fold_name
from kg.web.pagecache import PageCache
from kg.web.pages import local_path, short_name
from kg.web.templating import render

__all__ = ["CaseRow", "IndexTables", "PersonRow", "index_tables", "load_index", "routes"]

_CASES = """
PREFIX akg: <https://w3id.org/appeals-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?case ?what ?value ?valueLabel WHERE {
  ?case a akg:Case .
  { ?case rdfs:label ?value . BIND("label" AS ?what) }
  UNION { ?case akg:country ?value . BIND("country" AS ?what)
          OPTIONAL { ?value rdfs:label ?valueLabel } }
  UNION { ?case akg:hasAppeal/dcterms:issued ?value . BIND("issued" AS ?what) }
  UNION { ?case akg:hasAppeal ?appeal .
          ?e akg:reportedIn|akg:evidence/oa:hasSource ?appeal ; akg:eventType ?value .
          BIND("event" AS ?what) }
  UNION { ?value akg:involvedInCase ?case ;
                 akg:hasCaseRole <https://w3id.org/appeals-kg/vocab/role/defender> .
          BIND("defender" AS ?what) OPTIONAL { ?value rdfs:label ?valueLabel } }
}
"""
_PERSONS = """
PREFIX akg: <https://w3id.org/appeals-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
SELECT ?p ?name ?case WHERE {
  ?p akg:hasCaseRole <https://w3id.org/appeals-kg/vocab/role/defender> .
  { ?p rdfs:label ?name } UNION { ?p foaf:name ?name } UNION { ?p skos:altLabel ?name }
  OPTIONAL { ?p akg:involvedInCase ?case }
}
"""


@dataclass
class CaseRow:
    iri: str
    label: str = ""
    countries: dict[str, str] = field(default_factory=dict)
    years: set[str] = field(default_factory=set)
    events: set[str] = field(default_factory=set)
    defenders: dict[str, str] = field(default_factory=dict)

    @property
    def href(self) -> str:
        return local_path(self.iri) or self.iri


@dataclass
class PersonRow:
    iri: str
    names: set[str] = field(default_factory=set)
    cases: set[str] = field(default_factory=set)
    label: str = ""

    @property
    def href(self) -> str:
        return local_path(self.iri) or self.iri


def _value(row: dict[str, Any], key: str) -> str:
    return str(row.get(key, {}).get("value", ""))


@dataclass
class IndexTables:
    """What the index shows, derived once per generation of the dataset: the sorted cases and
    defenders, the filter options, and every searchable name already folded."""

    cases: list[CaseRow]
    persons: list[PersonRow]
    options: dict[str, list[Any]]
    case_keys: dict[str, list[str]]  # case IRI -> folded label and defenders' names
    person_keys: dict[str, list[str]]  # person IRI -> folded names


def index_tables(dataset: LocalDataset) -> IndexTables:
    """Cases with their countries, years, event types and defenders; defenders with every
    spelling of their names (two queries, then Python)."""
    cases: dict[str, CaseRow] = {}
    for row in dataset.select_now(_CASES):
        case = cases.setdefault(_value(row, "case"), CaseRow(_value(row, "case")))
        what, value = _value(row, "what"), _value(row, "value")
        if what == "label":
            case.label = case.label or value
        elif what == "country":
            case.countries[value] = _value(row, "valueLabel") or short_name(value)
        elif what == "issued":
            case.years.add(value[:4])
        elif what == "event":
            case.events.add(value.rsplit("/", 1)[-1])
        elif what == "defender":
            case.defenders[value] = _value(row, "valueLabel") or short_name(value)
    persons: dict[str, PersonRow] = {}
    for row in dataset.select_now(_PERSONS):
        person = persons.setdefault(_value(row, "p"), PersonRow(_value(row, "p")))
        person.names.add(_value(row, "name"))
        if _value(row, "case"):
            person.cases.add(_value(row, "case"))
    for person in persons.values():
        person.label = min(person.names, key=lambda n: (-len(n), n)) if person.names else ""
    case_list = sorted(cases.values(), key=lambda c: (c.label.lower(), c.iri))
    person_list = sorted(persons.values(), key=lambda p: (p.label.lower(), p.iri))
    names_of = {p.iri: sorted(p.names) for p in person_list}
    person_keys = {p.iri: [fold_name(n) for n in sorted(p.names)] for p in person_list}
    case_keys = {
        c.iri: [
            fold_name(n)
            for n in [
                c.label,
                *[n for d in c.defenders for n in names_of.get(d, [])],
                *c.defenders.values(),
            ]
        ]
        for c in case_list
    }
    options: dict[str, list[Any]] = {
        "country": sorted(
            {(i, n) for c in case_list for i, n in c.countries.items()}, key=lambda x: x[1]
        ),
        "year": sorted({y for c in case_list for y in c.years}),
        "event": sorted({e for c in case_list for e in c.events}),
    }
    return IndexTables(case_list, person_list, options, case_keys, person_keys)


derive("index", index_tables)


async def load_index(ctx: WebContext) -> tuple[list[CaseRow], list[PersonRow]]:
    """The index's cases and defenders (see :func:`index_tables`)."""
    tables = await current_view(ctx).derived("index", index_tables)
    return tables.cases, tables.persons


def _matches(keys: list[str], query: str) -> bool:
    """Whether the folded ``query`` occurs in one of the folded names ``keys``."""
    return not query or any(query in k for k in keys)


def index_html(tables: IndexTables, country: str, year: str, event: str, text: str) -> str:
    """The index page for one choice of filters and search text."""
    key = fold_name(text)
    shown = [
        c
        for c in tables.cases
        if (not country or country in c.countries or country in c.countries.values())
        and (not year or year in c.years)
        and (not event or event in c.events)
        and _matches(tables.case_keys[c.iri], key)
    ]
    shown_iris = {c.iri for c in shown}
    filtered = bool(country or year or event)
    people = [
        p
        for p in tables.persons
        if _matches(tables.person_keys[p.iri], key) and (not filtered or p.cases & shown_iris)
    ]
    return render(
        "index.html",
        cases=shown,
        persons=people,
        options=tables.options,
        chosen={"country": country, "year": year, "event": event, "q": text},
        total=len(tables.cases),
    )


def routes(ctx: WebContext) -> list[BaseRoute]:
    """``/``, the index."""

    cache = PageCache(lambda: current_view(ctx).generation, entries=512)

    async def index(request: Request) -> Response:
        q = request.query_params
        key = "index " + "&".join(f"{k}={q.get(k, '')}" for k in ("country", "year", "event", "q"))
        return await cache.get(key, lambda: _index(q))

    async def _index(q: Any) -> Response:
        country, year, event, text = (
            q.get(k, "").strip() for k in ("country", "year", "event", "q")
        )
        tables = await current_view(ctx).derived("index", index_tables)
        html = await asyncio.to_thread(index_html, tables, country, year, event, text)
        return HTMLResponse(html)

    return [
        Route("/", index, methods=["GET", "HEAD"]),
    ]
