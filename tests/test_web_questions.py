"""Competency questions by name over HTTP (``/query/<name>?param=value``): the rows the server
answers in each SPARQL results format are the rows ``kg query`` prints, bound or not; bad
parameters are one-line 400s; a browser still gets the page."""

from __future__ import annotations

import csv
import io
import json
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.query import neutralise_cell, write_query
from kg.web import BackgroundServer, DatasetSource, Limits

R = "https://w3id.org/appeals-kg/id/"
DEFENDER = R + "person/p-2a9f31c4"
JSON = "application/sparql-results+json"
SRX = "{http://www.w3.org/2005/sparql-results#}"


@pytest.fixture(scope="module")
def base(built_store) -> Iterator[str]:
    limits = Limits(timeout=20.0, workers=2, slow_after=20.0, max_slow=2)
    with BackgroundServer(DatasetSource.from_store(built_store.oxigraph), limits) as server:
        yield server.url.rsplit("/", 1)[0]


@pytest.fixture(scope="module")
def fact(built_store) -> str:
    """A fact of the seed with evidence, for CQ11's bound form."""
    _, rows = built_store.query(
        "SELECT ?f WHERE { ?f <https://w3id.org/appeals-kg/ontology#evidence> ?s } "
        "ORDER BY ?f LIMIT 1"
    )
    return str(rows[0][0])


def _get(url: str, accept: str | None = None) -> tuple[int, str, bytes]:
    headers = {"Accept": accept} if accept else {}
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read()


def _url(base: str, name: str, params: dict[str, str], **extra: str) -> str:
    query = urllib.parse.urlencode({**params, **extra})
    return f"{base}/query/{name}" + (f"?{query}" if query else "")


def _cli_json(store, name: str, params: dict[str, str]) -> dict[str, Any]:
    buf = io.StringIO()
    assert write_query(store, name, params, "json", buf) is None
    return json.loads(buf.getvalue())


def _key(binding: dict[str, dict[str, str]]) -> str:
    return json.dumps(binding, sort_keys=True)


def _xml_bindings(body: bytes) -> tuple[list[str], list[dict[str, dict[str, str]]]]:
    root = ET.fromstring(body)
    names = [v.get("name") for v in root.iter(SRX + "variable")]
    rows = []
    for result in root.iter(SRX + "result"):
        row: dict[str, dict[str, str]] = {}
        for b in result.findall(SRX + "binding"):
            term = b[0]
            kind = {"uri": "uri", "literal": "literal", "bnode": "bnode"}[term.tag[len(SRX) :]]
            d = {"type": kind, "value": term.text or ""}
            if term.get("datatype"):
                d["datatype"] = term.get("datatype")
            if term.get("{http://www.w3.org/XML/1998/namespace}lang"):
                d["xml:lang"] = term.get("{http://www.w3.org/XML/1998/namespace}lang")
            row[b.get("name")] = d
        rows.append(row)
    return names, rows


CASES = [
    ("cq01-defenders-organisations", {"defender": DEFENDER}),
    ("cq02-defender-timeline", {"defender": DEFENDER}),
    ("cq02-defender-timeline", {}),
    ("cq04-charges", {"defender": "akr:person/p-2a9f31c4"}),
    ("cq09-rights", {}),
    ("cq10-demands", {"defender": DEFENDER}),
    ("cq11-fact-evidence", {"fact": "FACT"}),
    ("cq16b-offences-most-used", {}),
]


@pytest.mark.parametrize(("name", "params"), CASES)
def test_rows_over_http_are_those_kg_query_prints(
    base: str, built_store, fact: str, name: str, params: dict[str, str]
) -> None:
    params = {k: fact if v == "FACT" else v for k, v in params.items()}
    expected = _cli_json(built_store, name, params)
    want = [_key(b) for b in expected["results"]["bindings"]]
    assert want, f"{name} {params}: no rows on the seed, nothing compared"

    status, ctype, body = _get(_url(base, name, params), JSON)
    assert status == 200, body
    assert ctype.startswith(JSON)
    got = json.loads(body)
    assert got["head"]["vars"] == expected["head"]["vars"]
    # The same text on the same data: the same rows in the same order.
    assert [_key(b) for b in got["results"]["bindings"]] == want

    status, ctype, body = _get(_url(base, name, params), "application/sparql-results+xml")
    assert status == 200 and ctype.startswith("application/sparql-results+xml")
    names, rows = _xml_bindings(body)
    assert names == expected["head"]["vars"]
    assert [_key(b) for b in rows] == want

    # CSV by the format= parameter (SPARQL CSV: plain values, \r\n); kg query --format csv
    # prints the same values, neutralised for spreadsheets.
    status, ctype, body = _get(_url(base, name, params, format="csv"))
    assert status == 200 and ctype.startswith("text/csv")
    http_rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    buf = io.StringIO()
    write_query(built_store, name, params, "csv", buf)
    cli_rows = list(csv.reader(io.StringIO(buf.getvalue())))
    assert [[neutralise_cell(c) for c in r] for r in http_rows] == cli_rows
    assert len(cli_rows) == len(want) + 1

    status, ctype, body = _get(_url(base, name, params), "text/tab-separated-values")
    assert status == 200 and ctype.startswith("text/tab-separated-values")
    assert len(body.decode("utf-8").splitlines()) == len(want) + 1


def test_bound_rows_match_the_command_line(base: str, built_store) -> None:
    """Against the ``kg query`` command itself, not only the library call it makes."""
    path = str(built_store.path)
    out = CliRunner().invoke(
        cli,
        ["query", "cq02", "--store", path, "-p", f"defender={DEFENDER}", "--format", "json"],
    )
    assert out.exit_code == 0, out.output
    printed = json.loads(out.stdout)
    status, _, body = _get(_url(base, "cq02-defender-timeline", {"defender": DEFENDER}), JSON)
    assert status == 200
    served = json.loads(body)
    assert served["results"]["bindings"] == printed["results"]["bindings"]
    assert len(served["results"]["bindings"]) > 1
    # the parameter reaches the query: another defender has none of these rows
    nobody = {"defender": R + "person/p-nobody"}
    status, _, body = _get(_url(base, "cq02-defender-timeline", nobody), JSON)
    assert status == 200 and json.loads(body)["results"]["bindings"] == []


def test_bad_parameters_are_one_line_400s(base: str) -> None:
    status, ctype, body = _get(_url(base, "cq02-defender-timeline", {"person": DEFENDER}), JSON)
    assert status == 400 and ctype.startswith("text/plain")
    text = body.decode()
    assert text.count("\n") == 1 and "person" in text and "defender" in text
    status, _, body = _get(_url(base, "cq02-defender-timeline", {"defender": "not an iri"}), JSON)
    assert status == 400 and "defender" in body.decode()
    status, _, body = _get(
        f"{base}/query/cq02-defender-timeline?defender={DEFENDER}&defender={DEFENDER}", JSON
    )
    assert status == 400 and "twice" in body.decode()
    status, _, _ = _get(_url(base, "cq99-nothing", {}), JSON)
    assert status == 404


def test_a_browser_gets_the_page_bound_too(base: str) -> None:
    accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    status, ctype, body = _get(_url(base, "cq02-defender-timeline", {"defender": DEFENDER}), accept)
    assert status == 200 and ctype.startswith("text/html")
    bound = body.decode()
    assert 'href="/id/person/p-2a9f31c4"' in bound
    nobody = {"defender": R + "person/p-nobody"}
    status, _, body = _get(_url(base, "cq02-defender-timeline", nobody), accept)
    assert status == 200
    assert "/id/person/p-2a9f31c4" not in body.decode()
    status, _, body = _get(_url(base, "cq02-defender-timeline", {"person": "x"}), accept)
    assert status == 200 and "has no parameter &#39;person&#39;" in body.decode()
    # nothing acceptable: refused as at /sparql, not answered with HTML
    status, _, _ = _get(_url(base, "cq02-defender-timeline", {}), "image/png")
    assert status == 406
