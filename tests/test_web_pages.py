"""Linked-data pages served by uvicorn on loopback: dereferencing, content negotiation, 303s,
extensions, 404s, the case picture and timeline, evidence highlights, XSS and path traversal."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef

from kg.web import BackgroundServer, DatasetSource, Limits
from kg.web.casepage import span_of
from kg.web.pages import iri_of_path, local_path, sentence_context

R = "https://w3id.org/appeals-kg/id/"
DEFENDER = R + "person/p-2a9f31c4"
CASE = R + "case/c-5d2e8a17"
EVIL = R + "person/p-evil"
EVIL_SPAN = R + "evidence/a-evil-10-31"
SCRIPT = "<script>alert('x')</script>"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
AKG = "https://w3id.org/appeals-kg/ontology#"
OA = "http://www.w3.org/ns/oa#"


def _hostile(store: ox.Store) -> ox.Store:
    """The built dataset plus a person whose label and evidence hold markup."""
    out = ox.Store()
    out.extend(store)
    g = ox.NamedNode(R.replace("/id/", "/graph/") + "hostile")
    n = ox.NamedNode

    def add(s: str, p: str, o: ox.NamedNode | ox.Literal) -> None:
        out.add(ox.Quad(n(s), n(p), o, g))

    add(EVIL, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", n(AKG + "Person"))
    add(EVIL, RDFS_LABEL, ox.Literal(SCRIPT))
    add(EVIL, AKG + "note", ox.Literal('" onmouseover="alert(1)'))
    add(EVIL, AKG + "evidence", n(EVIL_SPAN))
    add(EVIL_SPAN, OA + "hasSource", n(R + "appeal/a-evil"))
    add(EVIL_SPAN, OA + "start", ox.Literal("10", datatype=n(XSD_INT)))
    add(EVIL_SPAN, OA + "end", ox.Literal("31", datatype=n(XSD_INT)))
    add(EVIL_SPAN, OA + "exact", ox.Literal("<img src=x onerror=y>"))
    add(EVIL_SPAN, OA + "prefix", ox.Literal("Old news. Said <b>"))
    add(EVIL_SPAN, OA + "suffix", ox.Literal("</b> today. Later"))
    return out


XSD_INT = "http://www.w3.org/2001/XMLSchema#integer"


@pytest.fixture(scope="module")
def base(built_store) -> Iterator[str]:
    limits = Limits(timeout=10.0, workers=2, slow_after=10.0, max_slow=2)
    source = DatasetSource.from_store(_hostile(built_store.oxigraph))
    with BackgroundServer(source, limits) as server:
        yield server.url.rsplit("/", 1)[0]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # noqa: ANN002, ANN003
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def _get(url: str, accept: str | None = None) -> tuple[int, dict[str, str], bytes]:
    headers = {"Accept": accept} if accept else {}
    try:
        with _OPENER.open(urllib.request.Request(url, headers=headers), timeout=20) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_iri_mapping_both_ways() -> None:
    assert iri_of_path("id", "person/p-2a9f31c4") == DEFENDER
    assert local_path(DEFENDER) == "/id/person/p-2a9f31c4"
    assert local_path(DEFENDER + "#quote") == "/id/person/p-2a9f31c4"
    assert local_path("http://www.wikidata.org/entity/Q1") is None
    for bad in ("../etc/passwd", "person/../../x", "a//b", "%2e%2e/x", "a b", ".hidden"):
        assert iri_of_path("id", bad) is None, bad
    assert iri_of_path("static", "x") is None


def test_sentence_context_cuts_at_sentence_ends() -> None:
    assert sentence_context("Old news. Said ", " today. Later") == ("Said ", " today.")
    assert sentence_context("para one\n\nNew ", "") == ("New ", "")


@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [
        ("2016-12", "month", ("2016-12", "2016-12-01", "2016-12-31")),
        ("2017-02-09", "day", ("2017-02-09", "2017-02-09", "2017-02-09")),
        ("2017-02-09", "month", ("2017-02", "2017-02-01", "2017-02-28")),
        ("2016", "year", ("2016", "2016-01-01", "2016-12-31")),
    ],
)
def test_dates_keep_their_precision(value: str, precision: str, expected: tuple) -> None:
    shown, first, last = span_of(value, precision)
    assert (shown, first.isoformat(), last.isoformat()) == expected


@pytest.mark.parametrize(
    ("accept", "location"),
    [
        ("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8", "/page/id/person/p-2a9f31c4"),
        ("text/turtle", "/id/person/p-2a9f31c4.ttl"),
        ("application/ld+json", "/id/person/p-2a9f31c4.jsonld"),
        ("application/n-triples", "/id/person/p-2a9f31c4.nt"),
        ("text/turtle;q=0.5, application/ld+json", "/id/person/p-2a9f31c4.jsonld"),
        (None, "/page/id/person/p-2a9f31c4"),
    ],
)
def test_entity_iri_answers_303_by_accept(base: str, accept: str | None, location: str) -> None:
    status, headers, _ = _get(f"{base}/id/person/p-2a9f31c4", accept)
    assert status == 303
    assert headers["location"] == location
    assert "Accept" in headers.get("vary", "")


def test_unacceptable_type_is_406(base: str) -> None:
    status, _, _ = _get(f"{base}/id/person/p-2a9f31c4", "image/png")
    assert status == 406


@pytest.mark.parametrize(("ext", "fmt"), [("ttl", "turtle"), ("jsonld", "json-ld"), ("nt", "nt")])
def test_extensions_serve_the_description(base: str, ext: str, fmt: str) -> None:
    status, headers, body = _get(f"{base}/id/person/p-2a9f31c4.{ext}")
    assert status == 200
    g = Graph().parse(data=body, format=fmt)
    assert (URIRef(DEFENDER), URIRef(RDFS_LABEL), None) in g
    assert set(g.subjects()) == {URIRef(DEFENDER)}


def test_span_document_holds_its_source_quote_and_offsets(base: str) -> None:
    span = URIRef(R + "evidence/a-4ce1dfc38e7a4e28-565-651")
    status, _, body = _get(f"{base}/id/evidence/a-4ce1dfc38e7a4e28-565-651.nt")
    assert status == 200
    g = Graph().parse(data=body, format="nt")
    assert str(g.value(span, URIRef(OA + "hasSource"))).startswith(R + "appeal/")
    start, end = g.value(span, URIRef(OA + "start")), g.value(span, URIRef(OA + "end"))
    assert (int(start), int(end)) == (565, 651)
    assert len(str(g.value(span, URIRef(OA + "exact")))) == 651 - 565


@pytest.mark.parametrize(
    "path",
    [
        "/id/person/p-00000000",
        "/id/person/p-00000000.ttl",
        "/page/id/person/p-00000000",
        "/vocab/nothing/here",
        "/page/static/style.css",
    ],
)
def test_unknown_iris_are_404(base: str, path: str) -> None:
    status, _, _ = _get(base + path, "text/html")
    assert status == 404


@pytest.mark.parametrize(
    "path",
    [
        "/id/../../../etc/passwd",
        "/id/%2e%2e/%2e%2e/etc/passwd",
        "/id/person/..%2f..%2fetc%2fpasswd",
        "/page/id/..%2F..%2F..%2Fetc%2Fpasswd",
        "/static/../../../../etc/passwd",
        "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/static/..%2f..%2f..%2fpages.py",
        "/id/person/p-2a9f31c4%3E%20%3Fp%20%3Fo%20%7D%20%23",
        "/id/person/p-2a9f31c4%00.ttl",
    ],
)
def test_path_traversal_and_iri_injection_are_refused(base: str, path: str) -> None:
    status, _, body = _get(base + path)
    assert status in (400, 404)
    assert b"root:" not in body and b"import" not in body


def test_static_assets_are_served_by_the_app(base: str) -> None:
    status, headers, body = _get(f"{base}/static/style.css")
    assert status == 200 and headers["content-type"].startswith("text/css")
    assert b"mark" in body


class _Collect(HTMLParser):
    """Tags with their attributes, and the text inside <mark> and <title>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.marks: list[str] = []
        self.title = ""
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self._in and self._in.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if "mark" in self._in:
            self.marks.append(data)
        if self._in and self._in[-1] == "title" and "svg" not in self._in:
            self.title += data


def _page(base: str, path: str) -> tuple[str, _Collect]:
    status, headers, body = _get(base + path)
    assert status == 200, path
    assert headers["content-type"].startswith("text/html")
    parsed = _Collect()
    parsed.feed(body.decode())
    return body.decode(), parsed


def test_person_page_shows_labels_facts_incoming_and_evidence(base: str) -> None:
    html, parsed = _page(base, "/page/id/person/p-2a9f31c4")
    assert parsed.title.startswith("Marat Dauletbayev")
    assert "Dauletbayev</span>" in html  # the alternative label
    assert 'href="/id/case/c-5d2e8a17"' in html  # a fact linking to the case, locally
    assert "Linked from" in html and 'href="/id/statement/' in html
    assert parsed.marks == [
        "Marat Dauletbayev is a human rights defender and Chairman of Baikonur for Civil Rights"
    ]
    mark = next(a for t, a in parsed.tags if t == "mark")
    assert (mark["data-start"], mark["data-end"]) == ("565", "651")
    assert 'href="/id/appeal/a-4ce1dfc38e7a4e28#span-565-651"' in html


def test_event_and_membership_pages_show_the_type_their_property_implies(
    base: str, built_store
) -> None:
    # Appeal graphs store no rdf:type for events or memberships (ontology/compact/types.rq):
    # the page shows the class the property implies, once (an employment keeps its own type too).
    for prop, shown in (
        (AKG + "eventType", "akg:Event"),
        ("http://www.w3.org/ns/org#member", "org:Membership"),
    ):
        rows = built_store.oxigraph.query(
            f"SELECT ?n WHERE {{ GRAPH ?g {{ ?n <{prop}> ?v }} }} ORDER BY ?n LIMIT 1"
        )
        node = next(iter(rows))[0].value
        html, _ = _page(base, "/page/" + node.removeprefix("https://w3id.org/appeals-kg/"))
        assert html.count(f">{shown}</a></span>") == 1, node


def test_person_page_lists_its_stored_type_once(base: str) -> None:
    html, _ = _page(base, "/page/id/person/p-2a9f31c4")
    assert html.count(">akg:Person</a></span>") == 1


def test_case_page_draws_actors_and_timeline(base: str) -> None:
    html, parsed = _page(base, "/page/id/case/c-5d2e8a17")
    nodes = [a for t, a in parsed.tags if t == "g" and "node" in (a.get("class") or "")]
    # The case, its six persons and the two organisations its defender is a member of.
    assert len(nodes) == 9
    assert sum("person" in a["class"] for a in nodes) == 6
    events = [a for t, a in parsed.tags if t == "g" and (a.get("class") or "").startswith("event")]
    assert sorted((a["data-date"], a["data-precision"]) for a in events) == [
        ("2016-12", "month"),
        ("2017-02-09", "day"),
        ("2017-02-09", "day"),
        ("2017-02-09", "day"),
        ("2017-11-07", "day"),
    ]
    # The month-only ban is a bar over December, not a point on a day.
    ban = html.split('data-date="2016-12"', 1)[1].split("</g>", 1)[0]
    assert "<rect" in ban and "<circle" not in ban
    assert "relation" in html  # at least one actor-to-actor relation drawn


def test_markup_in_the_data_is_shown_as_text(base: str) -> None:
    html, parsed = _page(base, "/page/id/person/p-evil")
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert 'onmouseover="alert' not in html
    assert parsed.title.startswith(SCRIPT)
    assert parsed.marks == ["<img src=x onerror=y>"]
    # The context is cut to the quote's sentence.
    evidence = html.split('class="evidence"', 1)[1]
    assert "Old news" not in evidence and "Later" not in evidence
    assert not [t for t, _ in parsed.tags if t in ("script", "img", "b")]


def test_evil_label_is_escaped_on_incoming_and_reconcile_preview(base: str) -> None:
    _, _, body = _get(f"{base}/reconcile/preview?id=person/p-evil")
    assert b"<script>" not in body and b"&lt;script&gt;" in body


def test_no_string_built_html_in_pages() -> None:
    """Templates render every value; the Python modules carry no markup of their own."""
    from pathlib import Path

    import kg.web

    for name in ("pages.py", "casepage.py", "reconcile.py", "index.py"):
        path = Path(kg.web.__file__).parent / name
        if path.exists():
            text = path.read_text()
            assert not re.search(r"['\"]<(div|span|a|p|li|tr|td|svg|g|text)[ >]", text), name


def _count(html: str, cls: str) -> int:
    return html.count(f'class="{cls}"')


@pytest.mark.parametrize(
    ("query", "cases", "persons"),
    [
        ("", 1, 1),
        ("?q=Dauletbaev", 1, 1),
        ("?q=%D0%94%D0%B0%D1%83%D0%BB%D0%B5%D1%82%D0%B1%D0%B0%D0%B5%D0%B2", 1, 1),  # Cyrillic
        ("?q=Nobody+Atallevich", 0, 0),
        ("?country=https%3A%2F%2Fw3id.org%2Fappeals-kg%2Fid%2Fcountry%2FKZ", 1, 1),
        ("?country=Kazakhstan&year=2017", 1, 1),
        ("?country=https%3A%2F%2Fw3id.org%2Fappeals-kg%2Fid%2Fcountry%2FFR", 0, 0),
        ("?year=2017&event=amnesty", 1, 1),
        ("?year=1999", 0, 0),
        ("?event=no_such_event", 0, 0),
    ],
)
def test_index_filters_and_searches(base: str, query: str, cases: int, persons: int) -> None:
    html, _ = _page(base, "/" + query)
    assert _count(html, "case") == cases
    assert _count(html, "person") == persons
    if cases:
        assert 'href="/id/case/c-5d2e8a17"' in html


def test_index_escapes_the_search_text(base: str) -> None:
    html, _ = _page(base, "/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html


def test_query_page_lists_and_runs_questions_by_name(base: str) -> None:
    html, _ = _page(base, "/query")
    assert 'href="/query/cq01-defenders-organisations"' in html
    assert 'action="/sparql"' in html
    html, _ = _page(base, "/query/cq01-defenders-organisations")
    assert 'href="/id/person/p-2a9f31c4"' in html  # the defender, linked to his page
    status, _, _ = _get(f"{base}/query/cq99-nothing")
    assert status == 404
