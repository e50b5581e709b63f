"""The client snippets of the docs, run against the app on loopback, and the URLs the app writes
behind a reverse proxy (``X-Forwarded-*`` headers from a trusted and an untrusted client).

Every fenced ``python`` block of ``docs/web.md`` and ``README.md`` that names the default
address ``http://127.0.0.1:7878`` is executed with the test server's address in its place;
what it leaves behind (``rows``, ``cases``, ``df``…) is compared with the same query run
through the library.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from rdflib import Graph, URIRef

from kg.web import BackgroundServer, DatasetSource, Limits

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = "http://127.0.0.1:7878"
CASES = """
PREFIX akg: <https://w3id.org/appeals-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?case ?label WHERE { ?case a akg:Case ; rdfs:label ?label }
"""
SD = "http://www.w3.org/ns/sparql-service-description#"
CASE_PATH = "/id/case/c-5d2e8a17"


def _blocks(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```", text, flags=re.S | re.M)
    return [b for b in blocks if DEFAULT in b]


DOC_BLOCKS = [
    pytest.param(block, id=f"{doc}-{n}")
    for doc in ("docs/web.md", "README.md")
    for n, block in enumerate(_blocks(ROOT / doc))
]


@pytest.fixture(scope="module")
def server(built_store) -> Iterator[BackgroundServer]:
    limits = Limits(timeout=10.0, workers=2, slow_after=10.0, max_slow=2)
    with BackgroundServer(DatasetSource.from_store(built_store.oxigraph), limits) as server:
        yield server


@pytest.fixture(scope="module")
def expected_cases(built_store) -> dict[str, str]:
    rows = built_store.oxigraph.query(CASES, use_default_graph_as_union=True)
    return {r["case"].value: r["label"].value for r in rows}


def test_the_docs_have_client_snippets() -> None:
    # SPARQLWrapper, pandas by CSV, pandas from SPARQLWrapper; and the README's example.
    assert len(DOC_BLOCKS) >= 4
    joined = "\n".join(p.values[0] for p in DOC_BLOCKS)
    assert "SPARQLWrapper" in joined and "read_csv" in joined and "DataFrame" in joined


@pytest.mark.parametrize("block", DOC_BLOCKS)
def test_doc_snippet_runs_against_the_server(
    block: str, server: BackgroundServer, expected_cases: dict[str, str]
) -> None:
    origin = server.url.rsplit("/", 1)[0]
    namespace: dict[str, object] = {}
    exec(compile(block.replace(DEFAULT, origin), "<doc snippet>", "exec"), namespace)  # noqa: S102
    assert expected_cases, "the built store has cases"
    checked = 0
    if "cases" in namespace:
        assert namespace["cases"] == expected_cases
        checked += 1
    for name in ("df", "df_by_param", "df_from_json"):
        if name in namespace:
            df = namespace[name]
            assert isinstance(df, pd.DataFrame)
            assert list(df.columns) == ["case", "label"]
            assert dict(zip(df["case"], df["label"], strict=True)) == expected_cases
            checked += 1
    if "rows" in namespace:
        assert len(namespace["rows"]) == len(expected_cases)  # type: ignore[arg-type]
        checked += 1
    if checked == 0:
        # A snippet that only shows a call (the README's): it ran without an error.
        assert "query" in block


def _get(
    server: BackgroundServer, path: str, headers: dict[str, str]
) -> tuple[int, dict[str, str], bytes]:
    origin = server.url.rsplit("/", 1)[0]
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(urllib.request.Request(origin + path, headers=headers), timeout=20) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # noqa: ANN002, ANN003
        return None


PROXIED = {
    "Host": "kg.example.org",
    "X-Forwarded-Proto": "https",
    "X-Forwarded-For": "203.0.113.7",
}


def _public_urls(server: BackgroundServer, headers: dict[str, str]) -> dict[str, str]:
    status, _, body = _get(server, "/sparql", {**headers, "Accept": "text/turtle"})
    assert status == 200
    graph = Graph().parse(data=body.decode("utf-8"), format="turtle")
    endpoints = {str(o) for o in graph.objects(None, URIRef(SD + "endpoint"))}
    assert len(endpoints) == 1
    status, _, body = _get(server, "/reconcile", headers)
    assert status == 200
    manifest = json.loads(body)
    status, answer, _ = _get(server, CASE_PATH, {**headers, "Accept": "text/html"})
    assert status == 303
    return {
        "sd": endpoints.pop(),
        "view": manifest["view"]["url"],
        "preview": manifest["preview"]["url"],
        "suggest": manifest["suggest"]["entity"]["service_url"],
        "extend": manifest["extend"]["propose_properties"]["service_url"],
        "location": answer["location"],
    }


def test_urls_behind_a_proxy_are_the_public_ones(server: BackgroundServer) -> None:
    urls = _public_urls(server, PROXIED)
    assert urls == {
        "sd": "https://kg.example.org/sparql",
        "view": "https://kg.example.org/id/{{id}}",
        "preview": "https://kg.example.org/reconcile/preview?id={{id}}",
        "suggest": "https://kg.example.org",
        "extend": "https://kg.example.org",
        # Relative: the client resolves it against the public address it asked.
        "location": "/page" + CASE_PATH,
    }
    # Without a proxy, the server's own address.
    direct = _public_urls(server, {})
    assert direct["sd"] == server.url
    assert direct["view"].startswith(server.url.rsplit("/", 1)[0] + "/id/")


def test_forwarded_headers_from_an_untrusted_client_are_ignored(
    built_store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # uvicorn trusts X-Forwarded-* only from FORWARDED_ALLOW_IPS; loopback is not in it here.
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "192.0.2.10")
    limits = Limits(timeout=10.0, workers=1, slow_after=10.0, max_slow=1)
    source = DatasetSource.from_store(built_store.oxigraph)
    with BackgroundServer(source, limits) as server:
        urls = _public_urls(server, PROXIED)
    assert urls["sd"] == "http://kg.example.org/sparql"  # Host is the client's own header
    assert urls["view"].startswith("http://kg.example.org/")
