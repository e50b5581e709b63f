"""Linked-data pages: every entity IRI of the dataset dereferences, as Pubby and LodView do.

IRI ``https://w3id.org/appeals-kg/id/<path>`` is served at ``/id/<path>`` (and ``.../vocab/<path>``
at ``/vocab/<path>``). That address answers ``303 See Other``: to ``/page/id/<path>`` for a
browser (HTML), to ``/id/<path>.ttl`` / ``.jsonld`` / ``.nt`` for an RDF client, by the Accept
header. The suffixed addresses answer the description directly. Selectors and other hash IRIs
(``<span>#quote``) are described in their document's description.

Pages read the served (public) dataset only: the runner's dataset, opened in this process for
their fixed, bounded queries (``kg/web/local.py``). Evidence is shown from
the public store's spans: the quote, highlighted at its offsets, inside the context the
public store keeps around it (``oa:prefix``/``oa:suffix``, which the public build cuts where a
withheld span begins) trimmed to its sentence. Appeal files are never read here, so no text of
a restricted span can reach a page.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from kg.vocab import IMPLIED_TYPES
from kg.web.app import WebContext
from kg.web.formats import GRAPH_FORMATS, negotiate
from kg.web.local import LocalDataset, current_view, derive, reader
from kg.web.pagecache import PageCache
from kg.web.templating import STATIC_DIR, render

__all__ = ["BASE", "EXTENSIONS", "iri_of_path", "local_path", "routes"]

BASE = "https://w3id.org/appeals-kg/"
ROOTS = ("id", "vocab")
EXTENSIONS = {
    "ttl": "text/turtle",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
}
HTML = "text/html"
_OFFERS = [HTML, "application/xhtml+xml", *EXTENSIONS.values()]
_SAFE_PATH = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~\-]*(/[A-Za-z0-9][A-Za-z0-9._~\-]*)*$")
LABEL_PREDICATES = (
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://xmlns.com/foaf/0.1/name",
    "http://purl.org/dc/terms/title",
)
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
LINK_PREDICATES = {
    "http://www.w3.org/2002/07/owl#sameAs",
    "http://www.w3.org/2004/02/skos/core#exactMatch",
    "http://www.w3.org/2004/02/skos/core#closeMatch",
    "http://www.w3.org/2004/02/skos/core#broadMatch",
    "http://www.w3.org/2004/02/skos/core#narrowMatch",
    "http://www.w3.org/2000/01/rdf-schema#seeAlso",
}
_PREFIXES = (
    ("akg", "https://w3id.org/appeals-kg/ontology#"),
    ("akr", "https://w3id.org/appeals-kg/id/"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("foaf", "http://xmlns.com/foaf/0.1/"),
    ("dcterms", "http://purl.org/dc/terms/"),
    ("schema", "https://schema.org/"),
    ("org", "http://www.w3.org/ns/org#"),
    ("oa", "http://www.w3.org/ns/oa#"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("wd", "http://www.wikidata.org/entity/"),
    ("vocab", "https://w3id.org/appeals-kg/vocab/"),
)
PAGE_LIMIT = 500  # facts or incoming links shown on one page


def iri_of_path(root: str, path: str) -> str | None:
    """The dataset IRI a local path names; None for a path that cannot name one."""
    if root not in ROOTS or not _SAFE_PATH.match(path) or ".." in path.split("/"):
        return None
    return f"{BASE}{root}/{path}"


def local_path(iri: str) -> str | None:
    """The local address (``/id/...``) of a dataset IRI; None for an IRI outside the dataset."""
    if not iri.startswith(BASE):
        return None
    rest = iri[len(BASE) :].split("#", 1)[0]
    root = rest.split("/", 1)[0]
    return f"/{rest}" if root in ROOTS and "/" in rest else None


def short_name(iri: str) -> str:
    """A compact form of an IRI for display (``akg:Person``)."""
    for prefix, ns in _PREFIXES:
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


@dataclass
class Term:
    """A value shown on a page: an IRI (with its label and local link) or a literal."""

    value: str
    kind: str  # "uri", "literal", "bnode"
    label: str = ""
    datatype: str = ""
    lang: str = ""
    href: str | None = None

    @property
    def text(self) -> str:
        if self.kind == "uri":
            return self.label or short_name(self.value)
        return self.value


def term_of(binding: dict[str, Any] | None, label: dict[str, Any] | None = None) -> Term | None:
    """A Term from a SPARQL JSON binding."""
    if not binding:
        return None
    kind = {"uri": "uri", "bnode": "bnode"}.get(binding["type"], "literal")
    term = Term(binding["value"], kind, label["value"] if label else "")
    term.datatype = binding.get("datatype", "")
    term.lang = binding.get("xml:lang", "")
    if kind == "uri":
        term.href = local_path(term.value) or term.value
    return term


@dataclass
class Evidence:
    """One evidence span, with the context the public store keeps, trimmed to its sentence."""

    iri: str
    source: str
    start: int
    end: int
    exact: str
    before: str
    after: str

    @property
    def source_href(self) -> str:
        return (local_path(self.source) or self.source) + f"#span-{self.start}-{self.end}"


_SENTENCE_END = re.compile(r"(?:[.!?][\"'’”)]?\s+|\n\s*\n)")


def sentence_context(prefix: str, suffix: str) -> tuple[str, str]:
    """The part of ``prefix`` after its last sentence end, and of ``suffix`` up to its first."""
    before = prefix
    ends = list(_SENTENCE_END.finditer(prefix))
    if ends:
        before = prefix[ends[-1].end() :]
    after = suffix
    first = _SENTENCE_END.search(suffix)
    if first:
        after = suffix[: first.start() + 1].rstrip()
    return before.lstrip(), after


@dataclass
class Description:
    """Everything a page shows about one IRI."""

    iri: str
    labels: list[Term] = field(default_factory=list)
    types: list[Term] = field(default_factory=list)
    facts: list[tuple[Term, Term]] = field(default_factory=list)
    incoming: list[tuple[Term, Term]] = field(default_factory=list)
    links: list[Term] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.labels[0].value if self.labels else short_name(self.iri)

    def has(self, type_iri: str) -> bool:
        return any(t.value == type_iri for t in self.types)


def _q(iri: str) -> str:
    # Only IRIs built by iri_of_path (a checked character set) or read from the store reach here.
    if any(c in iri for c in '<>"{}|^`\\ \n'):
        raise ValueError(f"not an IRI for a query: {iri!r}")
    return f"<{iri}>"


def _describe_query(iri: str) -> str:
    """One query for everything a page shows: facts, incoming links and evidence spans (one
    round trip to the query runner per page)."""
    s = _q(iri)
    return f"""PREFIX oa: <http://www.w3.org/ns/oa#>
        PREFIX akg: <https://w3id.org/appeals-kg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?part ?p ?o ?ol ?s ?sl ?ev ?src ?start ?end ?exact ?prefix ?suffix WHERE {{
          {{ BIND("fact" AS ?part) {s} ?p ?o . OPTIONAL {{ ?o rdfs:label ?ol }} }}
          UNION {{ BIND("in" AS ?part) ?s ?p {s} . OPTIONAL {{ ?s rdfs:label ?sl }} }}
          UNION {{
            BIND("ev" AS ?part)
            {{ {s} akg:evidence ?ev }} UNION {{ ?ev oa:hasSource {s} }}
            UNION {{ BIND({s} AS ?ev) }}
            ?ev oa:hasSource ?src ; oa:start ?start ; oa:end ?end ; oa:exact ?exact .
            OPTIONAL {{ ?ev oa:prefix ?prefix }}
            OPTIONAL {{ ?ev oa:suffix ?suffix }}
          }}
        }} LIMIT {4 * PAGE_LIMIT}"""


async def describe(ctx: WebContext, iri: str) -> Description | None:
    """The description of ``iri`` from the served dataset; None when the dataset never names it."""
    return await asyncio.to_thread(describe_now, reader(ctx), iri)


def describe_now(dataset: LocalDataset, iri: str) -> Description | None:
    """:func:`describe` in the calling thread."""
    rows = dataset.select_now(_describe_query(iri))
    d = Description(iri)
    seen: set[tuple[str, ...]] = set()
    spans: dict[tuple[str, int, int], Evidence] = {}
    for row in rows:
        part = row["part"]["value"]
        if part == "fact":
            key = ("fact", row["p"]["value"], row["o"]["type"], row["o"]["value"])
            if key in seen:
                continue
            seen.add(key)
            p, o = term_of(row["p"]), term_of(row["o"], row.get("ol"))
            assert p is not None and o is not None
            if p.value in (*LABEL_PREDICATES, SKOS_ALT) and o.kind == "literal":
                if all(o.value != known.value for known in d.labels):
                    d.labels.append(o)
            if p.value == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type":
                if not d.has(o.value):
                    d.types.append(o)
            elif p.value in _IMPLIED:
                _add_type(d, _IMPLIED[p.value])
            if p.value in LINK_PREDICATES and o.kind == "uri":
                d.links.append(o)
            d.facts.append((p, o))
        elif part == "in":
            key = ("in", row["s"]["value"], row["p"]["value"])
            if key in seen:
                continue
            seen.add(key)
            subj, p = term_of(row["s"], row.get("sl")), term_of(row["p"])
            assert subj is not None and p is not None
            d.incoming.append((subj, p))
        else:
            ev = _evidence(row)
            spans.setdefault((ev.source, ev.start, ev.end), ev)
    if not d.facts and not d.incoming:
        return None
    order = (*LABEL_PREDICATES, SKOS_ALT)
    d.labels.sort(key=lambda t: (order.index(_label_pred(d, t)), t.value))
    d.facts.sort(key=lambda f: (short_name(f[0].value), f[1].text))
    d.facts, d.incoming = d.facts[:PAGE_LIMIT], d.incoming[:PAGE_LIMIT]
    d.incoming.sort(key=lambda f: (short_name(f[1].value), f[0].text))
    d.evidence = [spans[k] for k in sorted(spans)][:PAGE_LIMIT]
    return d


_IMPLIED = {str(p): str(c) for p, c in IMPLIED_TYPES.items()}


def _add_type(d: Description, iri: str) -> None:
    """Show ``iri`` among the page's types once, whether stored or implied by a property."""
    if not d.has(iri):
        d.types.append(Term(iri, "uri", href=local_path(iri) or iri))


def _label_pred(d: Description, term: Term) -> str:
    order = (*LABEL_PREDICATES, SKOS_ALT)
    preds = [p.value for p, o in d.facts if o.kind == "literal" and o.value == term.value]
    known = [p for p in preds if p in order]
    if known:
        return min(known, key=order.index)
    return LABEL_PREDICATES[0]


def _evidence(row: dict[str, Any]) -> Evidence:
    before, after = sentence_context(
        row.get("prefix", {}).get("value", ""), row.get("suffix", {}).get("value", "")
    )
    return Evidence(
        row["ev"]["value"],
        row["src"]["value"],
        int(row["start"]["value"]),
        int(row["end"]["value"]),
        row["exact"]["value"],
        before,
        after,
    )


async def data_of(ctx: WebContext, iri: str, media: str) -> bytes | None:
    """The description of ``iri`` (its triples and those of its hash IRIs) in ``media``."""
    s = _q(iri)
    query = f"""CONSTRUCT {{ {s} ?p ?o . ?h ?hp ?ho . }} WHERE {{
          {{ {s} ?p ?o }}
          UNION {{ {s} ?x ?h . FILTER(isIRI(?h) && STRSTARTS(STR(?h), "{iri}#")) ?h ?hp ?ho }}
        }}"""
    body = await reader(ctx).construct(query, GRAPH_FORMATS[media])
    return body if body.strip() else None


def named_iris(dataset: LocalDataset) -> frozenset[str]:
    """Every IRI of the dataset's own namespace that is a subject or an object: built once per
    generation, it answers :func:`exists` without a query."""
    rows = dataset.select_now(
        f"""SELECT DISTINCT ?x WHERE {{ {{ ?x ?p ?o }} UNION {{ ?s ?p ?x }}
              FILTER(isIRI(?x) && STRSTARTS(STR(?x), "{BASE}")) }}"""
    )
    return frozenset(row["x"]["value"] for row in rows)


derive("named", named_iris)


async def exists(ctx: WebContext, iri: str) -> bool:
    """Whether the served dataset names ``iri`` as a subject or an object."""
    if iri.startswith(BASE):
        return iri in await current_view(ctx).derived("named", named_iris)
    s = _q(iri)
    rows = await reader(ctx).select(
        f"SELECT * WHERE {{ {{ {s} ?p ?o }} UNION {{ ?x ?p {s} }} }} LIMIT 1"
    )
    return bool(rows)


def page_html(dataset: LocalDataset, root: str, path: str) -> str | None:
    """The HTML page of the IRI that ``/<root>/<path>`` names, made in the calling thread (its
    queries and its template in one go, off the event loop); None when nothing names it."""
    iri = iri_of_path(root, path)
    d = describe_now(dataset, iri) if iri else None
    if d is None:
        return None
    from kg.web.casepage import case_extras_now  # casepage builds on this module

    return render(
        "entity.html",
        d=d,
        short_name=short_name,
        data_links={e: f"/{root}/{path}.{e}" for e in EXTENSIONS},
        **case_extras_now(dataset, d),
    )


def not_found(what: str) -> Response:
    return HTMLResponse(render("notfound.html", what=what), 404)


def routes(ctx: WebContext) -> list[BaseRoute]:
    """Entity routes (``/id/…``, ``/vocab/…``, ``/page/…``) and the static assets."""

    cache = PageCache(lambda: current_view(ctx).generation)

    async def resource(request: Request) -> Response:
        root, path = request.path_params["root"], request.path_params["path"]
        choice = negotiate(request.headers.get("accept"), _OFFERS)
        return await cache.get(f"{root}/{path} {choice}", lambda: _resource(root, path, choice))

    async def _resource(root: str, path: str, choice: str | None) -> Response:
        stem, dot, ext = path.rpartition(".")
        if dot and ext in EXTENSIONS:
            iri = iri_of_path(root, stem)
            body = await data_of(ctx, iri, EXTENSIONS[ext]) if iri else None
            if body is None:
                return not_found(iri or path)
            return Response(body, media_type=EXTENSIONS[ext], headers={"Vary": "Accept"})
        iri = iri_of_path(root, path)
        if iri is None or not await exists(ctx, iri):
            return not_found(iri or path)
        if choice is None:
            offered = ", ".join([HTML, *EXTENSIONS.values()])
            return Response(f"Not Acceptable: offered {offered}\n", 406, media_type="text/plain")
        if choice in (HTML, "application/xhtml+xml"):
            target = f"/page/{root}/{path}"
        else:
            ext = next(e for e, m in EXTENSIONS.items() if m == choice)
            target = f"/{root}/{path}.{ext}"
        return RedirectResponse(target, 303, headers={"Vary": "Accept"})

    async def page(request: Request) -> Response:
        root, path = request.path_params["root"], request.path_params["path"]
        return await cache.get(f"page {root}/{path}", lambda: _page(root, path))

    async def _page(root: str, path: str) -> Response:
        iri = iri_of_path(root, path)
        html = await asyncio.to_thread(page_html, reader(ctx), root, path) if iri else None
        if html is None:
            return not_found(iri or path)
        return HTMLResponse(html)

    out: list[BaseRoute] = [
        Mount("/static", app=StaticFiles(directory=STATIC_DIR), name="static"),
        Route("/page/{root:str}/{path:path}", page, methods=["GET", "HEAD"]),
    ]
    # One route per root; any other first segment is not ours (and answers 404 elsewhere).
    out += [
        Route("/{root:str}/{path:path}", resource, methods=["GET", "HEAD"]),
    ]
    return out
