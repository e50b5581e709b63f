"""Canaries: restricted strings planted everywhere the model allows must reach no public output.

Every canary contains ``qxcanary`` (any case): names, quotes, notes, titles, IRIs, link
decisions and identity decisions, in

- a restricted appeal about a public person (the seed defender), whose charge would give a
  derived ``akg:chargedUnder`` shortcut;
- a public appeal with a restricted event (its participations, note and quote) right before a
  public quote, so that the public quote's context reaches into it;
- a restricted person in that public appeal, who must appear under a pseudonym only;
- link decisions about restricted persons and an identity decision about a restricted appeal.

Then every public output is searched: each export format, ``void.ttl``, ``dist/``, ``kg query
--public``, ``kg stats --public``, every answer of ``kg serve`` (SELECT of everything, DESCRIBE,
CONSTRUCT, the service description), every linked-data page and description of the public
store's persons, cases, appeals, events and charges and of the planted IRIs, the reconciliation
service asked for the restricted names, the names ``kg link`` sends, log lines and error
messages.
The full store must hold the canaries, so that the search can fail.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kg.cli import cli
from kg.publish.export import FORMATS
from kg.store import Store, public_store_path

CANARY = "qxcanary"
RESTRICTED_PERSON = "Boris Qxcanaryperson"
SEED_DEFENDER = "https://w3id.org/appeals-kg/id/person/p-2a9f31c4"
LINKED_ITEMS = ("Q123456789", "Q987654321")  # Wikidata ids only restricted decisions name

PUBLIC_TEXT = """Kazakhstan: harassment of human rights defender Ana Kovalenko

Ana Kovalenko is a human rights defender based in Baikonur.
On 3 March 2020 police arrested Ana Kovalenko and Boris Qxcanaryperson in Baikonur.
Boris Qxcanaryperson, her lawyer, was held for two days.
On 4 March 2020 investigators interrogated Ana Kovalenko about QXCANARY-EVENT-QUOTE. On 5 March 2020 the court fined Ana Kovalenko for taking part in a peaceful protest.
Both were released on 7 March 2020.
"""  # noqa: E501 - the two event quotes must be neighbours on one line

RESTRICTED_TEXT = """Kazakhstan: QXCANARY-TITLE new charge against Marat Dauletbayev

On 2 February 2021 Marat Dauletbayev was charged under Article 99 of the Qxcanary Code for his reports on Gulnara Qxcanaryonly.
Gulnara Qxcanaryonly is a journalist.
"""  # noqa: E501


def _ev(text: str, quote: str) -> list[dict[str, object]]:
    start = text.index(quote)
    return [{"quote": quote, "start": start, "end": start + len(quote)}]


def _public_record() -> dict[str, object]:
    t = PUBLIC_TEXT
    return {
        "appeal": {
            "id": "zz-public-2020",
            "issuer": "Test Issuer",
            "date": "2020-03-10",
            "title": "Kazakhstan: harassment of human rights defender Ana Kovalenko",
            "countries": ["Kazakhstan"],
            "source": "zz-public-2020.txt",
            "access": "public",
        },
        "persons": [
            {
                "id": "p1",
                "name": "Ana Kovalenko",
                "gender": "female",
                "roles": ["defender"],
                "evidence": _ev(t, "Ana Kovalenko is a human rights defender based in Baikonur"),
            },
            {
                "id": "p2",
                "iri": "akr:person/p-qxcanaryboris",
                "name": RESTRICTED_PERSON,
                "variants": ["Qxcanaryperson"],
                "gender": "male",
                "roles": ["lawyer"],
                "access": "restricted",
                "evidence": _ev(t, "Boris Qxcanaryperson, her lawyer, was held for two days."),
            },
        ],
        "events": [
            {
                "id": "e1",
                "type": "arrest",
                "date": "2020-03-03",
                "targets": ["p1", "p2"],
                "evidence": _ev(
                    t, "On 3 March 2020 police arrested Ana Kovalenko and Boris Qxcanaryperson"
                ),
            },
            {
                "id": "e2",
                "type": "interrogation",
                "date": "2020-03-04",
                "targets": ["p1"],
                "access": "restricted",
                "note": "QXCANARY-EVENT-NOTE",
                "evidence": _ev(
                    t,
                    "On 4 March 2020 investigators interrogated Ana Kovalenko about "
                    "QXCANARY-EVENT-QUOTE.",
                ),
            },
            {
                "id": "e3",
                "type": "fine",
                "date": "2020-03-05",
                "targets": ["p1"],
                "evidence": _ev(t, "On 5 March 2020 the court fined Ana Kovalenko"),
            },
            {
                "id": "e4",
                "type": "release",
                "date": "2020-03-07",
                "targets": ["p1", "p2"],
                "evidence": _ev(t, "Both were released on 7 March 2020."),
            },
        ],
    }


def _restricted_record() -> dict[str, object]:
    t = RESTRICTED_TEXT
    return {
        "appeal": {
            "id": "qxcanary-restricted-2021",
            "issuer": "Test Issuer",
            "date": "2021-02-10",
            "title": "Kazakhstan: QXCANARY-TITLE new charge against Marat Dauletbayev",
            "countries": ["Kazakhstan"],
            "source": "qxcanary-restricted-2021.txt",
            "access": "restricted",
            "case": {"iri": "akr:case/c-qxcanarycase", "label": "QXCANARY-CASE-LABEL"},
        },
        "persons": [
            {
                "id": "p1",
                "iri": "akr:person/p-2a9f31c4",
                "name": "Marat Dauletbayev",
                "variants": ["Qxcanary-Spelling Dauletbayev"],
                "gender": "male",
                "roles": ["defender"],
                "evidence": _ev(t, "Marat Dauletbayev was charged under Article 99"),
            },
            {
                "id": "p2",
                "iri": "akr:person/p-qxcanarygulnara",
                "name": "Gulnara Qxcanaryonly",
                "gender": "female",
                "roles": ["journalist"],
                "evidence": _ev(t, "Gulnara Qxcanaryonly is a journalist."),
            },
        ],
        "instruments": [
            {
                "id": "i1",
                "iri": "akr:law/qxcanary-code",
                "name": "Qxcanary Code",
                "kind": "criminal_code",
                "jurisdiction": "Kazakhstan",
                "provisions": [
                    {
                        "id": "a99",
                        "article": "99",
                        "label": "QXCANARY-OFFENCE",
                        "evidence": _ev(t, "Article 99 of the Qxcanary Code"),
                    }
                ],
                "evidence": _ev(t, "the Qxcanary Code"),
            }
        ],
        "events": [
            {
                "id": "e1",
                "type": "charge",
                "date": "2021-02-02",
                "targets": ["p1"],
                "provisions": ["a99"],
                "note": "QXCANARY-CHARGE-NOTE",
                "evidence": _ev(
                    t,
                    "On 2 February 2021 Marat Dauletbayev was charged under Article 99 of the "
                    "Qxcanary Code",
                ),
            }
        ],
    }


def plant_canaries(data: Path) -> None:
    """Add the canary appeals, link decisions and identity decision to a copy of data/."""
    for record, text in ((_public_record(), PUBLIC_TEXT), (_restricted_record(), RESTRICTED_TEXT)):
        aid = record["appeal"]["id"]  # type: ignore[index]
        (data / "appeals" / f"{aid}.txt").write_text(text, encoding="utf-8")
        (data / "cases" / f"{aid}.yaml").write_text(
            yaml.safe_dump(record, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )
    header = (data / "links" / "seed.csv").read_text(encoding="utf-8").splitlines()[0]
    (data / "links" / "canary.csv").write_text(
        header + "\nakr:person/p-qxcanaryboris,wd:Q123456789,sameAs,curated,1.0,QXCANARY-CURATOR,"
        "2026-11-25,accepted,QXCANARY-LINK-NOTE about the lawyer\n"
        "akr:person/p-qxcanarygulnara,wd:Q987654321,sameAs,curated,1.0,maintainers,"
        "2026-11-25,accepted,QXCANARY-LINK-NOTE about the journalist\n",
        encoding="utf-8",
    )
    with (data / "identities.csv").open("a", encoding="utf-8") as f:
        f.write(
            "qxcanary-restricted-2021,p1,zz-public-2020,p1,different,QXCANARY-CURATOR,"
            "QXCANARY-IDENTITY-NOTE\n"
        )


def leaks(text: str | bytes, *, ignore: str = "") -> list[str]:
    """The canaries found in one output (``ignore``: what the user typed, echoed back)."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    if ignore:
        text = text.replace(ignore, "")
    low = text.lower()
    found = [CANARY] if CANARY in low else []
    found += [q for q in LINKED_ITEMS if q in text]
    return found


def run(*args: str) -> object:
    result = CliRunner().invoke(cli, list(args))
    return result


@pytest.fixture(scope="module")
def canary_build(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Plant the canaries, run ``kg run`` (build, validate, dist/) and keep its log lines."""
    import shutil

    root = tmp_path_factory.mktemp("canary")
    data = root / "data"
    shutil.copytree(Path(__file__).resolve().parent.parent / "data", data)
    (data / "pseudonym.key").unlink(missing_ok=True)
    plant_canaries(data)
    store, dist = root / "store", root / "dist"
    result = run("run", "--store", str(store), "--data", str(data), "--dist", str(dist))
    assert result.exit_code in (0, 1), result.output  # type: ignore[attr-defined]
    return {"root": root, "data": data, "store": store, "dist": dist, "log": result.output}  # type: ignore[attr-defined]


def test_the_full_store_holds_every_canary(canary_build: dict[str, object]) -> None:
    full = Store.open(canary_build["store"])  # type: ignore[arg-type]
    nquads = full.dump("nquads").decode("utf-8")
    for needle in (
        RESTRICTED_PERSON,
        "p-qxcanaryboris",
        "p-qxcanarygulnara",
        "QXCANARY-EVENT-QUOTE",
        "QXCANARY-EVENT-NOTE",
        "QXCANARY-TITLE",
        "QXCANARY-CASE-LABEL",
        "QXCANARY-LINK-NOTE",
        "qxcanary-code/art-99",
        *LINKED_ITEMS,
    ):
        assert needle in nquads, needle
    # The derived shortcut from the restricted appeal is in the full store.
    assert f"<{SEED_DEFENDER}> <https://w3id.org/appeals-kg/ontology#chargedUnder> " in nquads
    assert "QXCANARY-IDENTITY-NOTE" in (canary_build["data"] / "identities.csv").read_text()  # type: ignore[operator]


def test_the_public_store_keeps_public_facts_and_a_pseudonym(
    canary_build: dict[str, object],
) -> None:
    public = Store.open(public_store_path(canary_build["store"]))  # type: ignore[arg-type]
    nquads = public.dump("nquads").decode("utf-8")
    assert leaks(nquads) == []
    assert "Ana Kovalenko" in nquads and "Marat Dauletbayev" in nquads
    # The restricted lawyer took part in the release, under a pseudonym.
    _, rows = public.query(
        """PREFIX akg: <https://w3id.org/appeals-kg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT DISTINCT ?p ?label WHERE {
          ?e akg:eventType ?t ; akg:participation/akg:participant ?p . ?p rdfs:label ?label .
          FILTER(STRSTARTS(?label, "Person A-")) }"""
    )
    assert len(rows) == 1 and "/person/x-" in str(rows[0][0])
    # The quote after the restricted one keeps its context, cut where the restricted one ends.
    _, rows = public.query(
        """PREFIX oa: <http://www.w3.org/ns/oa#>
        SELECT ?prefix WHERE { ?s oa:exact "On 5 March 2020 the court fined Ana Kovalenko" ;
                                  oa:prefix ?prefix }"""
    )
    assert [str(r[0]) for r in rows] in ([" "], [])
    # The restricted interrogation is gone with its participations.
    _, rows = public.query(
        """PREFIX akg: <https://w3id.org/appeals-kg/ontology#>
        SELECT ?e ?part WHERE { ?e akg:eventType ?t .
          OPTIONAL { ?e akg:participation ?part } FILTER(STRENDS(STR(?t), "interrogation")) }"""
    )
    assert rows == []
    _, rows = public.query(
        """PREFIX akg: <https://w3id.org/appeals-kg/ontology#>
        SELECT ?part WHERE { ?part akg:participant ?who ;
                             FILTER NOT EXISTS { ?e akg:participation ?part } }"""
    )
    assert rows == []


def test_every_export_format_and_dist_is_clean(
    canary_build: dict[str, object], tmp_path: Path
) -> None:
    store = str(canary_build["store"])
    for fmt in FORMATS:
        out = tmp_path / fmt / f"kg{FORMATS[fmt][1]}"
        result = run("export", "--store", store, "--format", fmt, "-o", str(out))
        assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
        assert leaks(out.read_bytes()) == [], fmt
        assert leaks((out.parent / "void.ttl").read_bytes()) == [], fmt
        assert leaks(result.output) == []  # type: ignore[attr-defined]
        stdout = run("export", "--store", store, "--format", fmt)
        assert leaks(stdout.output) == [], fmt  # type: ignore[attr-defined]
    dist = Path(canary_build["dist"])  # type: ignore[arg-type]
    assert sorted(p.name for p in dist.iterdir()) == ["kg.trig", "kg.ttl", "void.ttl"]
    for path in dist.iterdir():
        assert leaks(path.read_bytes()) == [], path.name
        # No path of this machine either: record files are named relative to the data folder.
        assert str(canary_build["root"]).encode() not in path.read_bytes(), path.name
    assert b'"cases/zz-public-2020.yaml"' in (dist / "kg.ttl").read_bytes()
    assert leaks(canary_build["log"]) == []  # type: ignore[arg-type]
    # The restricted export does hold them (the switch works, so the checks above can fail).
    inside = run("export", "--store", store, "--format", "nquads", "--include-restricted")
    assert CANARY in inside.stdout.lower()  # type: ignore[attr-defined]


def test_query_and_stats_on_the_public_store_are_clean(
    canary_build: dict[str, object], tmp_path: Path
) -> None:
    store = str(canary_build["store"])
    everything = tmp_path / "everything.rq"
    everything.write_text(
        "# title: Everything\n# question: All quads?\n# params: none\n# returns: ?g ?s ?p ?o\n"
        "SELECT * WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }\n",
        encoding="utf-8",
    )
    result = run("query", "--store", store, "--public", str(everything), "--format", "csv")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert "store:" in result.stderr and "public" in result.stderr  # type: ignore[attr-defined]
    assert leaks(result.output) == []  # type: ignore[attr-defined]
    full = run("query", "--store", store, str(everything), "--format", "csv")
    assert CANARY in full.stdout.lower()  # type: ignore[attr-defined]
    for args in (["stats", "--public"], ["stats", "--public", "--json"]):
        result = run(*args, "--store", store)
        assert result.exit_code == 0 and leaks(result.output) == []  # type: ignore[attr-defined]
    for name in ("cq01", "cq02", "cq04", "cq15"):
        result = run("query", "--store", store, "--public", name, "--format", "json")
        assert leaks(result.output) == [], name  # type: ignore[attr-defined]


def test_error_messages_name_no_restricted_entity(canary_build: dict[str, object]) -> None:
    store = str(canary_build["store"])
    typed = "Boris Qxcanaryperso"  # one letter short: a suggestion would name the person
    result = run("query", "--store", store, "--public", "cq02", "-p", f"defender={typed}")
    assert result.exit_code == 2
    assert leaks(result.output, ignore=typed) == []  # type: ignore[attr-defined]
    graph = "https://w3id.org/appeals-kg/graph/appeal/a-qxcanary"
    result = run("export", "--store", store, "--graph", graph)
    assert result.exit_code == 2
    assert leaks(result.output, ignore=graph) == []  # type: ignore[attr-defined]


# --- served answers ------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve_command(store: Path, port: int) -> list[str]:
    """How the endpoint is started; the one place to change when ``kg serve`` changes."""
    return [sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--port", str(port)]


def served_answers(base: str, iris: list[str]) -> Iterator[tuple[str, bytes]]:
    """Every answer a visitor can get: everything as SELECT and CONSTRUCT, DESCRIBE of each
    IRI, and the service description."""
    everything = "{ { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
    queries = {
        "select": f"SELECT * WHERE {everything}",
        "construct": f"CONSTRUCT {{ ?s ?p ?o }} WHERE {everything}",
        "graphs": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
    }
    for iri in iris:
        queries[f"describe {iri}"] = f"DESCRIBE <{iri}>"
    for name, q in queries.items():
        for accept in ("application/sparql-results+json", "text/csv", "text/turtle"):
            url = f"{base}?{urllib.parse.urlencode({'query': q})}"
            request = urllib.request.Request(url, headers={"Accept": accept})
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    yield f"{name} {accept}", response.read()
            except urllib.error.HTTPError as e:
                yield f"{name} {accept} ({e.code})", e.read()
    with urllib.request.urlopen(base, timeout=30) as response:
        yield "service description", response.read()


def _get(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return bytes(response.read())
    except urllib.error.HTTPError as e:
        return bytes(e.read())


def served_pages(root: str, iris: list[str], typed: list[str]) -> Iterator[tuple[str, bytes]]:
    """The index and query pages, the linked-data pages and descriptions of each IRI, and the
    index search and reconciliation service asked for each ``typed`` name (what a visitor may
    type, not what the data says)."""
    for iri in iris:
        path = iri.removeprefix("https://w3id.org/appeals-kg/")
        for url in (f"{root}/page/{path}", f"{root}/{path}.ttl", f"{root}/{path}.jsonld"):
            yield url, _get(url)
    for url in (f"{root}/", f"{root}/query", f"{root}/query/cq01", f"{root}/query/cq04"):
        yield url, _get(url)
    for name in typed:
        for text in (name, name.split()[0]):
            yield f"search {text}", _get(f"{root}/?{urllib.parse.urlencode({'q': text})}")
    queries = {f"q{n}": {"query": name} for n, name in enumerate(typed)}
    yield (
        "reconcile",
        _get(f"{root}/reconcile?{urllib.parse.urlencode({'queries': json.dumps(queries)})}"),
    )
    for name in typed:
        for prefix in (name, name.split()[0], name.split()[-1][:5]):
            url = f"{root}/reconcile/suggest/entity?{urllib.parse.urlencode({'prefix': prefix})}"
            yield f"suggest {prefix}", _get(url)


def test_every_served_answer_is_clean(canary_build: dict[str, object]) -> None:
    port = _free_port()
    proc = subprocess.Popen(
        serve_command(canary_build["store"], port),  # type: ignore[arg-type]
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    iris = [
        SEED_DEFENDER,
        "https://w3id.org/appeals-kg/id/person/p-qxcanaryboris",
        "https://w3id.org/appeals-kg/id/person/p-qxcanarygulnara",
        "https://w3id.org/appeals-kg/id/case/c-qxcanarycase",
    ]
    try:
        base = f"http://127.0.0.1:{port}/sparql"
        _wait_for(base, proc)
        answers = list(served_answers(base, iris))
        assert len(answers) > 10
        for name, body in answers:
            assert leaks(body, ignore=name.split(" ")[1] if "describe" in name else "") == [], name
        assert any(b"Marat Dauletbayev" in body for _, body in answers)
        public = Store.open(public_store_path(canary_build["store"]))  # type: ignore[arg-type]
        _, rows = public.query(
            """PREFIX akg: <https://w3id.org/appeals-kg/ontology#>
            SELECT DISTINCT ?s WHERE {
              { ?s a ?c VALUES ?c { akg:Person akg:Case akg:Appeal akg:Charge } }
              UNION { ?s akg:eventType [] } }"""
        )
        typed = [RESTRICTED_PERSON, "Gulnara Qxcanaryonly"]
        pages = list(
            served_pages(base.removesuffix("/sparql"), iris + [str(r[0]) for r in rows], typed)
        )
        for name, body in pages:
            ignore = next((t for t in typed + ["qxcanary", "Qxcan"] if t in name), "")
            assert leaks(body, ignore=ignore) == [], name
        assert any(b"Person A-" in body for _, body in pages)  # the pseudonym's page
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    # The access log echoes each request line: what the visitor (this test) asked, not data.
    log = re.sub(r'"(GET|POST|HEAD) [^"]*"', '"<request>"', err.decode("utf-8", "replace"))
    assert log.count('"<request>"') > 10  # the access log was read
    assert leaks(log) == []


def _wait_for(url: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(proc.stderr.read().decode() if proc.stderr else "serve died")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("kg serve did not start")


# --- what kg link sends --------------------------------------------------------------------


class _Recorder(BaseHTTPRequestHandler):
    sent: list[bytes] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        self.sent.append(urllib.parse.unquote_plus(self.path).encode())
        self._empty()

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.sent.append(urllib.parse.unquote_plus(body.decode("utf-8", "replace")).encode())
        self._empty()

    def _empty(self) -> None:
        data = json.dumps({"head": {"vars": []}, "results": {"bindings": []}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        return None


def _link_requests(store: str, tmp: Path, *extra: str) -> list[bytes]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    _Recorder.sent = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        run(
            "link",
            "--store",
            store,
            "--endpoint",
            f"http://127.0.0.1:{server.server_address[1]}/sparql",
            "--types",
            "person",
            "--min-interval",
            "0",
            "--cache",
            str(tmp / "cache"),
            "--links",
            str(tmp / "links"),
            "--review",
            str(tmp / "review.csv"),
            *extra,
        )
    finally:
        server.shutdown()
        server.server_close()
    return list(_Recorder.sent)


def test_link_sends_no_restricted_name(canary_build: dict[str, object], tmp_path: Path) -> None:
    store = str(canary_build["store"])
    sent = _link_requests(store, tmp_path / "public")
    assert sent, "kg link sent nothing; the check would prove nothing"
    assert all(leaks(body) == [] for body in sent)
    assert any(b"Kovalenko" in body for body in sent)
    told = _link_requests(store, tmp_path / "all", "--include-restricted")
    assert any(CANARY in body.decode().lower() for body in told)
