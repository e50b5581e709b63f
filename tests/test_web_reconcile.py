"""Reconciliation at /reconcile, with requests shaped as OpenRefine 3.x sends them.

The app runs under uvicorn on loopback over the graph built from data/. OpenRefine posts
``queries=<JSON>`` form-encoded, asks the manifest with ``callback=`` (JSONP), previews with
``?id=``, suggests with ``?prefix=``, and extends with ``extend=<JSON>``.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest

from kg.web import BackgroundServer, DatasetSource, Limits
from kg.web.names import fold_name, name_score
from kg.web.reconcile import ID_SPACE

DEFENDER = "person/p-2a9f31c4"


@pytest.fixture(scope="module")
def base(built_store) -> Iterator[str]:
    limits = Limits(timeout=10.0, workers=2, slow_after=10.0, max_slow=2)
    with BackgroundServer(DatasetSource.from_store(built_store.oxigraph), limits) as server:
        yield server.url.rsplit("/", 1)[0]


def _get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=20) as r:
            return r.status, r.headers.get("content-type", ""), r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("content-type", ""), exc.read()


def _post_form(url: str, fields: dict[str, str]) -> tuple[int, bytes]:
    data = urllib.parse.urlencode(fields).encode()
    req = urllib.request.Request(
        url, data, {"Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"}
    )
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _queries(base: str, queries: dict) -> dict:
    status, body = _post_form(f"{base}/reconcile", {"queries": json.dumps(queries)})
    assert status == 200, body
    return json.loads(body)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Dauletbayev", "Dauletbaev"),
        ("Yevgeniy Zhovtis", "Evgeny Zhovtis"),
        ("Марат Даулетбаев", "Marat Dauletbayev"),
        ("Iuliia", "Yulia"),
        ("Mikhail Khodorkovsky", "Mihail Hodorkovskiy"),
    ],
)
def test_fold_name_joins_transliteration_variants(a: str, b: str) -> None:
    assert fold_name(a) == fold_name(b)
    assert name_score(a, b) == 100.0


def test_fold_name_keeps_different_names_apart() -> None:
    assert fold_name("Marat") != fold_name("Murat")
    assert name_score("Putin", "Marat Dauletbayev") < 50


def test_manifest_as_openrefine_reads_it(base: str) -> None:
    status, ctype, body = _get(f"{base}/reconcile")
    assert status == 200 and ctype.startswith("application/json")
    manifest = json.loads(body)
    assert manifest["identifierSpace"] == ID_SPACE
    assert manifest["schemaSpace"].startswith("https://w3id.org/appeals-kg/ontology")
    assert {t["id"] for t in manifest["defaultTypes"]} == {
        "Person",
        "Organisation",
        "Court",
        "LegalProvision",
        "Place",
    }
    assert manifest["view"]["url"] == f"{base}/id/{{{{id}}}}"
    assert manifest["preview"]["url"].startswith(f"{base}/reconcile/preview?id=")
    assert manifest["suggest"]["entity"]["service_path"] == "/reconcile/suggest/entity"
    assert manifest["extend"]["propose_properties"]["service_path"]


def test_manifest_jsonp(base: str) -> None:
    status, ctype, body = _get(f"{base}/reconcile?callback=jsonp123")
    assert status == 200 and "javascript" in ctype
    text = body.decode()
    assert text.startswith("/**/jsonp123(") and text.endswith(");")
    assert json.loads(text[len("/**/jsonp123(") : -2])["identifierSpace"] == ID_SPACE


def test_jsonp_callback_must_be_an_identifier(base: str) -> None:
    cb = urllib.parse.quote("alert(1);//")
    status, _, body = _get(f"{base}/reconcile?callback={cb}")
    assert status == 400 and b"alert" not in body


def test_batch_finds_both_spellings_and_flags_the_match(base: str) -> None:
    answer = _queries(
        base,
        {
            "q0": {"query": "Marat Dauletbaev", "type": "Person", "type_strict": "should"},
            "q1": {"query": "Marat Dauletbayev", "type": "Person"},
            "q2": {"query": "Марат Даулетбаев", "limit": 3},
            "q3": {"query": "Nobody Atallevich", "type": "Person"},
        },
    )
    for key in ("q0", "q1", "q2"):
        top = answer[key]["result"][0]
        assert top["id"] == DEFENDER, key
        assert top["score"] == 100.0 and top["match"] is True
        assert {"id": "Person", "name": "Person"} in top["type"]
    assert len(answer["q2"]["result"]) <= 3
    assert all(not r["match"] for r in answer["q3"]["result"])
    # Only the best and clearly ahead candidate is a match.
    assert [r["match"] for r in answer["q0"]["result"]].count(True) == 1


def test_type_and_country_constraints(base: str) -> None:
    answer = _queries(
        base,
        {
            "court_kz": {
                "query": "Baikonur City Court",
                "type": "Court",
                "properties": [{"pid": "country", "v": "Kazakhstan"}],
            },
            "court_ru": {
                "query": "Baikonur City Court",
                "type": "Court",
                "properties": [{"pid": "country", "v": {"id": "country/RU"}}],
            },
            "as_place": {"query": "Baikonur City Court", "type": "Place"},
            "by_code": {
                "query": "Dauletbaev",
                "type": "Person",
                "properties": [{"pid": "country", "v": "KZ"}],
            },
        },
    )
    assert answer["court_kz"]["result"][0]["id"] == "org/kz-baikonur-city-court"
    assert answer["court_kz"]["result"][0]["match"] is True
    assert all(r["id"] != "org/kz-baikonur-city-court" for r in answer["court_ru"]["result"])
    assert all(r["id"].startswith("place/") for r in answer["as_place"]["result"])
    assert answer["by_code"]["result"][0]["id"] == DEFENDER


def test_single_query_and_json_body(base: str) -> None:
    status, _, body = _get(f"{base}/reconcile?query=Dauletbaev")
    assert status == 200 and json.loads(body)["result"][0]["id"] == DEFENDER
    req = urllib.request.Request(
        f"{base}/reconcile",
        json.dumps({"queries": [{"query": "Dauletbaev", "type": "Person"}]}).encode(),
        {"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=20) as r:
        results = json.loads(r.read())["results"]
    assert results[0]["result"][0]["id"] == DEFENDER


@pytest.mark.parametrize(
    ("fields", "needle"),
    [
        ({"queries": "{not json"}, b"'queries' is not JSON"),
        ({"queries": json.dumps({"q0": {"query": "x", "type": "Spaceship"}})}, b"Spaceship"),
        ({"queries": json.dumps({"q0": {"query": 5}})}, b"q0"),
        (
            {"queries": json.dumps({"q0": {"query": "x", "properties": [{"pid": "shoe"}]}})},
            b"shoe",
        ),
        ({"extend": json.dumps({"ids": ["x"], "properties": [{"id": "shoe"}]})}, b"shoe"),
    ],
)
def test_bad_requests_get_400_naming_the_problem(base: str, fields: dict, needle: bytes) -> None:
    status, body = _post_form(f"{base}/reconcile", fields)
    assert status == 400
    assert needle in body


def test_preview_escapes_and_names_the_entity(base: str) -> None:
    status, ctype, body = _get(f"{base}/reconcile/preview?id={DEFENDER}")
    assert status == 200 and ctype.startswith("text/html")
    assert b"Marat Dauletbayev" in body and f"/id/{DEFENDER}".encode() in body
    status, _, body = _get(f"{base}/reconcile/preview?id=%3Cscript%3Ealert(1)%3C/script%3E")
    assert status == 404
    assert b"<script>" not in body and b"&lt;script&gt;" in body


def test_suggest_entity_type_property(base: str) -> None:
    status, _, body = _get(f"{base}/reconcile/suggest/entity?prefix=daulet")
    assert status == 200
    assert DEFENDER in [r["id"] for r in json.loads(body)["result"]]
    _, _, body = _get(f"{base}/reconcile/suggest/entity?prefix=baikonur&type=Court")
    assert [r["id"] for r in json.loads(body)["result"]] == ["org/kz-baikonur-city-court"]
    _, _, body = _get(f"{base}/reconcile/suggest/type?prefix=co")
    assert [r["id"] for r in json.loads(body)["result"]] == ["Court"]
    _, _, body = _get(f"{base}/reconcile/suggest/property?prefix=coun&callback=cb")
    assert body.startswith(b"/**/cb(") and b'"country"' in body


def test_data_extension(base: str) -> None:
    _, _, body = _get(f"{base}/reconcile/propose_properties?type=Person")
    assert {p["id"] for p in json.loads(body)["properties"]} == {"country", "wikidata", "posts"}
    extend = {
        "ids": [DEFENDER, "place/baikonur", "person/p-nothere"],
        "properties": [{"id": "country"}, {"id": "wikidata"}, {"id": "posts"}],
    }
    status, body = _post_form(f"{base}/reconcile", {"extend": json.dumps(extend)})
    assert status == 200
    answer = json.loads(body)
    assert [m["id"] for m in answer["meta"]] == ["country", "wikidata", "posts"]
    rows = answer["rows"]
    assert {"id": "country/KZ", "name": "Kazakhstan"} in rows[DEFENDER]["country"]
    assert [p["name"] for p in rows[DEFENDER]["posts"]] == ["Chairman, Baikonur for Civil Rights"]
    assert rows["place/baikonur"]["wikidata"] == [{"str": "Q165413"}]
    assert rows["person/p-nothere"] == {"country": [], "wikidata": [], "posts": []}
