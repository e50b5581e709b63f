"""The query page and the requests YASGUI sends, over HTTP against the app under uvicorn.

YASGUI (the ``@zazuko/yasgui`` build that ``scripts/install-yasgui.sh`` installs) sends every
query as ``POST`` with a form body ``query=…`` (``Content-Type:
application/x-www-form-urlencoded``) and one Accept header chosen by the query form: a tab
asks ``application/sparql-results+json`` for SELECT/ASK and ``text/turtle`` for
CONSTRUCT/DESCRIBE; a bare Yasqe editor asks ``application/sparql-results+json,*/*;q=0.9`` and
``application/n-triples,*/*;q=0.9``; the tab's settings menu offers other result types, and
``default-graph-uri``/``named-graph-uri`` form fields. Each request here is one of those, and
each answer is parsed and compared with the same query run through the library.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import os
import subprocess
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

import kg.web.querypage as querypage
from kg.query import find_query
from kg.web import BackgroundServer, DatasetSource, Limits

CASE_CLASS = "https://w3id.org/appeals-kg/ontology#Case"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SELECT = f"SELECT ?case ?label WHERE {{ ?case a <{CASE_CLASS}> ; <{LABEL}> ?label }}"
ASK = f"ASK {{ ?case a <{CASE_CLASS}> }}"
CONSTRUCT = (
    f"CONSTRUCT {{ ?case <{LABEL}> ?label }} WHERE {{ ?case a <{CASE_CLASS}> ; <{LABEL}> ?label }}"
)
DESCRIBE = "DESCRIBE <https://w3id.org/appeals-kg/id/case/c-5d2e8a17>"
# What a YASGUI tab sends by default, and what a bare Yasqe editor sends.
TAB_SELECT, TAB_GRAPH = "application/sparql-results+json", "text/turtle"
YASQE_SELECT = "application/sparql-results+json,*/*;q=0.9"
YASQE_GRAPH = "application/n-triples,*/*;q=0.9"
RDFLIB_FORMAT = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
    "application/n-quads": "nquads",
}


@pytest.fixture(scope="module")
def base(built_store) -> Iterator[str]:
    limits = Limits(timeout=10.0, workers=2, slow_after=10.0, max_slow=2)
    with BackgroundServer(DatasetSource.from_store(built_store.oxigraph), limits) as server:
        yield server.url.rsplit("/", 1)[0]


@pytest.fixture(scope="module")
def store(built_store) -> ox.Store:
    return built_store.oxigraph


def _library(store: ox.Store, query: str):  # noqa: ANN202
    # The endpoint's default graph is the union of the store's graphs.
    return store.query(query, use_default_graph_as_union=True)


def _yasgui_post(
    base: str,
    query: str,
    accept: str,
    extra: list[tuple[str, str]] | None = None,
    origin: str | None = None,
) -> tuple[int, dict[str, str], bytes]:
    """One request as YASGUI's executeQuery builds it (fetch with a form body)."""
    body = urllib.parse.urlencode([("query", query), *(extra or [])]).encode()
    request = urllib.request.Request(
        base + "/sparql",
        data=body,
        method="POST",
        headers={
            "Accept": accept,
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": origin or base,
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read()


def _media(headers: dict[str, str]) -> str:
    return headers["content-type"].split(";")[0].strip()


def _rows(media: str, body: bytes) -> list[tuple[str, ...]]:
    """SELECT rows from an answer in any of the result formats, as sorted value tuples."""
    text = body.decode("utf-8")
    if media == "application/sparql-results+json":
        doc = json.loads(text)
        names = doc["head"]["vars"]
        rows = [tuple(b[n]["value"] for n in names) for b in doc["results"]["bindings"]]
    elif media == "application/sparql-results+xml":
        ns = {"r": "http://www.w3.org/2005/sparql-results#"}
        root = ET.fromstring(body)
        rows = [
            tuple("".join(b.itertext()) for b in sorted(r.findall("r:binding", ns), key=_by_name))
            for r in root.iter("{http://www.w3.org/2005/sparql-results#}result")
        ]
    elif media == "text/csv":
        rows = [tuple(r) for r in list(csv.reader(io.StringIO(text)))[1:]]
    elif media == "text/tab-separated-values":
        lines = text.splitlines()[1:]
        rows = [
            tuple(c.strip("<>").rsplit('"', 1)[0].strip('"') for c in ln.split("\t"))
            for ln in lines
        ]
    else:
        raise AssertionError(media)
    return sorted(rows)


def _by_name(binding: ET.Element) -> str:
    # ?case sorts before ?label, as in the query's projection.
    return binding.get("name", "")


def _expected_rows(store: ox.Store) -> list[tuple[str, ...]]:
    return sorted((s["case"].value, s["label"].value) for s in _library(store, SELECT))


@pytest.mark.parametrize(
    "accept",
    [
        TAB_SELECT,
        YASQE_SELECT,
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
    ],
)
def test_select_as_yasgui_sends_it(base: str, store: ox.Store, accept: str) -> None:
    status, headers, body = _yasgui_post(base, SELECT, accept)
    assert status == 200, body
    media = _media(headers)
    assert media == accept.split(",")[0]
    assert headers["access-control-allow-origin"] == "*"
    rows = _rows(media, body)
    assert rows == _expected_rows(store)
    assert len(rows) >= 1


@pytest.mark.parametrize("accept", [TAB_SELECT, YASQE_SELECT, "application/sparql-results+xml"])
def test_ask_as_yasgui_sends_it(base: str, accept: str) -> None:
    status, headers, body = _yasgui_post(base, ASK, accept)
    assert status == 200, body
    media = _media(headers)
    assert media == accept.split(",")[0]
    if media.endswith("json"):
        assert json.loads(body)["boolean"] is True
    else:
        root = ET.fromstring(body)
        assert root.find("{http://www.w3.org/2005/sparql-results#}boolean").text == "true"
    status, _, body = _yasgui_post(base, ASK.replace("Case", "NoSuchClass"), accept)
    assert status == 200
    assert b"false" in body


@pytest.mark.parametrize("query", [CONSTRUCT, DESCRIBE], ids=["construct", "describe"])
@pytest.mark.parametrize(
    "accept",
    [TAB_GRAPH, YASQE_GRAPH, "application/rdf+xml", "application/n-triples", "application/n-quads"],
)
def test_graph_forms_as_yasgui_sends_them(
    base: str, store: ox.Store, query: str, accept: str
) -> None:
    status, headers, body = _yasgui_post(base, query, accept)
    assert status == 200, body
    media = _media(headers)
    assert media == accept.split(",")[0]
    graph = Graph().parse(data=body.decode("utf-8"), format=RDFLIB_FORMAT[media])
    expected = {
        (t.subject.value, t.predicate.value, t.object.value) for t in _library(store, query)
    }
    got = {(str(s), str(p), str(o)) for s, p, o in graph}
    assert len(got) == len(expected) > 0
    assert got == expected


@pytest.mark.parametrize(
    "accept", ["application/rdf+json", "application/trig", "text/csv", "text/tab-separated-values"]
)
def test_graph_types_not_offered_get_406(base: str, accept: str) -> None:
    # The tab's menu lists these for CONSTRUCT; the endpoint does not produce them and says so
    # (YASGUI shows the message).
    status, _, body = _yasgui_post(base, CONSTRUCT, accept)
    assert status == 406
    assert b"text/turtle" in body


def test_graph_fields_of_the_tab_settings(base: str, store: ox.Store) -> None:
    """The tab's "default graphs" field becomes ``default-graph-uri`` form fields."""
    graph = "https://w3id.org/appeals-kg/graph/reference"
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    status, _, body = _yasgui_post(base, count, TAB_SELECT, [("default-graph-uri", graph)])
    assert status == 200, body
    got = int(json.loads(body)["results"]["bindings"][0]["n"]["value"])
    expected = len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(graph))))
    assert got == expected > 0
    whole = int(
        json.loads(_yasgui_post(base, count, TAB_SELECT)[2])["results"]["bindings"][0]["n"]["value"]
    )
    assert whole > got


def test_an_external_yasgui_gets_a_cors_answer(base: str, store: ox.Store) -> None:
    """yasgui.triply.cc-style: another origin; a form POST with these Accept values is a
    CORS-simple request (no preflight), so the answer's header is all it needs."""
    status, headers, body = _yasgui_post(
        base, SELECT, YASQE_SELECT, origin="https://yasgui.example.org"
    )
    assert status == 200
    assert headers["access-control-allow-origin"] == "*"
    assert _rows(_media(headers), body) == _expected_rows(store)


def test_a_syntax_error_is_400_with_the_parser_message(base: str) -> None:
    status, headers, body = _yasgui_post(base, "SELECT ?x WHERE { ?x ", TAB_SELECT)
    assert status == 400
    assert body.strip()  # YASGUI shows the response text as the error
    assert headers["access-control-allow-origin"] == "*"


def _page(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=20) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def test_query_page_without_yasgui_is_the_plain_form(
    base: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(querypage, "YASGUI_DIR", tmp_path / "absent")
    status, page = _page(base + "/query")
    assert status == 200
    assert 'action="/sparql"' in page and 'id="yasgui"' not in page
    assert "yasgui.min.js" not in page
    assert "scripts/install-yasgui.sh" in page
    # A competency question by name, preloaded in the form.
    status, page = _page(base + "/query?cq=cq04-charges")
    assert status == 200
    textarea = page.split("<textarea", 1)[1].split("</textarea>", 1)[0]
    assert html.unescape(textarea.split(">", 1)[1]) == find_query("cq04-charges").text
    assert 'href="/query?cq=cq01-defenders-organisations"' in page
    status, page = _page(base + "/query?cq=cq99-nothing")
    assert status == 404


def test_query_page_with_yasgui_loads_it_from_this_server(
    base: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("yasgui.min.js", "yasgui.min.css"):
        (tmp_path / name).write_text("/* stand-in */")
    monkeypatch.setattr(querypage, "YASGUI_DIR", tmp_path)
    status, page = _page(base + "/query?cq=cq04-charges")
    assert status == 200
    assert '<script src="/static/yasgui/yasgui.min.js" defer></script>' in page
    assert '<div id="yasgui" data-endpoint="/sparql" data-opened="cq04-charges">' in page
    texts = json.loads(page.split('id="questions">', 1)[1].split("</script>", 1)[0])
    assert texts["cq04-charges"] == find_query("cq04-charges").text
    assert not any(name.startswith("fed-") for name in texts)  # SERVICE is refused here
    assert "install-yasgui.sh" not in page
    # Every script and stylesheet the page names is this server's own.
    for ref in ("src=", "href="):
        for part in page.split(ref)[1:]:
            target = part.split(part[0], 2)[1]
            assert not target.startswith(("http:", "https:", "//")), target


def test_yasgui_files_are_served_by_the_app(base: str) -> None:
    if not querypage.yasgui_installed():
        pytest.fail("YASGUI is not installed: run scripts/install-yasgui.sh (make test does)")
    for path, media in [
        ("/static/yasgui/yasgui.min.js", "javascript"),
        ("/static/yasgui/yasgui.min.css", "text/css"),
        ("/static/query.js", "javascript"),
    ]:
        with urllib.request.urlopen(base + path, timeout=20) as r:
            assert r.status == 200
            assert media in r.headers["content-type"]
            assert len(r.read()) > 1000


def test_yasgui_is_pinned_and_the_installed_copy_matches() -> None:
    web = Path(__file__).resolve().parent.parent / "web"
    wanted = json.loads((web / "package.json").read_text())["dependencies"]["@zazuko/yasgui"]
    assert wanted[0].isdigit(), "pin an exact version, not a range"
    lock = json.loads((web / "package-lock.json").read_text())
    assert lock["packages"]["node_modules/@zazuko/yasgui"]["version"] == wanted
    assert lock["packages"]["node_modules/@zazuko/yasgui"]["integrity"].startswith("sha512-")
    if not querypage.yasgui_installed():
        pytest.fail("YASGUI is not installed: run scripts/install-yasgui.sh (make test does)")
    installed = json.loads((querypage.YASGUI_DIR / "package.json").read_text())
    assert installed["version"] == wanted


def test_install_script_does_nothing_when_up_to_date() -> None:
    """``make test`` runs the script each time: once installed, it must not reach the registry."""
    if not querypage.yasgui_installed():
        pytest.fail("YASGUI is not installed: run scripts/install-yasgui.sh (make test does)")
    root = Path(__file__).resolve().parent.parent
    lock = hashlib.sha256((root / "web" / "package-lock.json").read_bytes()).hexdigest()
    assert (querypage.YASGUI_DIR / ".lock-sha256").read_text().strip() == lock
    before = {p.name: p.stat().st_mtime_ns for p in querypage.YASGUI_DIR.iterdir()}
    done = subprocess.run(
        ["bash", str(root / "scripts" / "install-yasgui.sh")],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PATH": "/usr/bin:/bin", "npm_config_offline": "true"},
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert {p.name: p.stat().st_mtime_ns for p in querypage.YASGUI_DIR.iterdir()} == before
