"""The kg command through click's CliRunner: exit codes, outputs and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "store"
    result = CliRunner().invoke(cli, ["build", "--store", str(path)])
    assert result.exit_code == 0, result.output
    assert "1 case(s)" in result.output
    return path


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def one_line_error(result, *needles: str) -> None:
    err = result.stderr if hasattr(result, "stderr") else result.output
    lines = [line for line in err.strip().splitlines() if line]
    # progress lines may come first; the error is one line, the last
    assert [line for line in lines if line.startswith("Error")] == lines[-1:], err
    for needle in needles:
        assert needle in lines[-1], err
    assert "Traceback" not in result.output


def test_every_command_has_help() -> None:
    for name, command in cli.commands.items():
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert command.help and len(command.help) > 20, name


def test_validate_seed_conforms(store: Path) -> None:
    result = run("validate", "--store", str(store))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Conforms")
    result = run("validate", "--store", str(store), "--format", "json")
    assert json.loads(result.output)["conforms"] is True


def test_validate_reports_violations_with_exit_1(tmp_path: Path, data_copy: Path) -> None:
    record = data_copy / "cases" / "seed-dauletbayev-2017.yaml"
    text = record.read_text(encoding="utf-8")
    # an event dated after the appeal that reports it
    record.write_text(
        text.replace("date: '2017-11-17'", "date: '2018-01-17'")
        .replace("date: 2017-11-17", "date: 2018-01-17")
        .replace("notified_on: 2017-11-17", "notified_on: 2018-01-17"),
        encoding="utf-8",
    )
    assert run("build", "--store", str(tmp_path / "s"), "--data", str(data_copy)).exit_code == 0
    result = run("validate", "--store", str(tmp_path / "s"), "--format", "json")
    assert result.exit_code == 1, result.output
    report = json.loads(result.output)
    assert report["conforms"] is False
    assert any(
        r["source"] and r["source"].endswith("seed-dauletbayev-2017.yaml")
        for r in report["results"]
    )
    # The pyshacl engine (per graph) finds the same results as the default, compiled one.
    other = run(
        "validate", "--store", str(tmp_path / "s"), "--format", "json", "--engine", "pyshacl"
    )
    assert other.exit_code == 1, other.output

    def rows(out: str) -> set[tuple]:
        return {(r["focus"], r["path"], r["component"]) for r in json.loads(out)["results"]}

    assert rows(other.output) == rows(result.output)


def test_query_list_and_named_query(store: Path) -> None:
    result = run("query", "--list")
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.output.splitlines()]
    assert any(n.startswith("cq01") for n in names)


def test_query_by_file_with_label_parameter(store: Path, tmp_path: Path) -> None:
    rq = tmp_path / "who.rq"
    rq.write_text(
        "# title: Labels\n# question: What is it called?\n# params: ?x (IRI)\n"
        "# returns: ?x ?label\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?x ?label WHERE { ?x rdfs:label ?label }\n",
        encoding="utf-8",
    )
    result = run(
        "query", "--store", str(store), str(rq), "-p", "x=Marat Dauletbayev", "--format", "csv"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "x,label",
        "https://w3id.org/appeals-kg/id/person/p-2a9f31c4,Marat Dauletbayev",
    ]
    # a value that tries to change the query is just a label that matches nothing
    result = run(
        "query", "--store", str(store), str(rq), "-p", 'x=x" } UNION { ?x ?p ?o', "--format", "csv"
    )
    assert result.exit_code == 2
    one_line_error(result, "nothing in the graph is labelled")


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (["query", "cq99-nothing"], ["unknown query 'cq99-nothing'"]),
        (["query", "missing.rq"], ["missing.rq: no such query file"]),
        (["query", "cq01", "-p", "nosuch=1"], ["has no parameter 'nosuch'"]),
        (["query", "cq01", "-p", "broken"], ["NAME=VALUE"]),
        (["export", "--format", "xml"], ["--format"]),
        (["export", "--graph", "https://example.org/none"], ["no such named graph"]),
        (["validate", "--store", "/nonexistent/store"], ["no store here"]),
    ],
)
def test_user_mistakes_are_one_clean_line(store: Path, args: list[str], needles: list[str]) -> None:
    if "--store" not in args and args[0] != "query" or args[:2] == ["query", "cq01"]:
        args = [args[0], "--store", str(store), *args[1:]]
    result = run(*args)
    assert result.exit_code == 2, result.output
    one_line_error(result, *needles)


def test_sparql_syntax_error_names_the_file(store: Path, tmp_path: Path) -> None:
    rq = tmp_path / "bad.rq"
    rq.write_text("SELECT ?x WHERE { ?x ?p }\n", encoding="utf-8")
    result = run("query", "--store", str(store), str(rq))
    assert result.exit_code == 2
    one_line_error(result, "bad.rq", "SPARQL syntax error")


def test_turtle_syntax_error_names_file_and_line(tmp_path: Path, data_copy: Path) -> None:
    (data_copy / "reference" / "oops.ttl").write_text(
        "@prefix x: <http://x/> .\n\nx:a x:b x:e .\nx:c x:d x:e x:f .\nx:g x:h x:i .\n",
        encoding="utf-8",
    )
    result = run("build", "--store", str(tmp_path / "s"), "--data", str(data_copy))
    assert result.exit_code == 2
    one_line_error(result, "oops.ttl", "line 4")


def test_export_writes_file_atomically_and_stats(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "kg.trig"
    result = run("export", "--store", str(store), "--format", "trig", "-o", str(out))
    assert result.exit_code == 0
    assert (
        out.read_text(encoding="utf-8").count("GRAPH") + out.read_text(encoding="utf-8").count("{")
        >= 4
    )
    result = run("stats", "--store", str(store), "--json")
    stats = json.loads(result.stdout)
    assert stats["classes"]["akg:Person"] >= 6 and stats["triples"] > 0


def test_export_to_dash_writes_stdout_not_a_file(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    plain = run("export", "--store", str(store), "--format", "nquads")
    dash = run("export", "--store", str(store), "--format", "nquads", "-o", "-")
    assert plain.exit_code == dash.exit_code == 0
    assert dash.stdout_bytes == plain.stdout_bytes and b"<https://w3id.org/" in dash.stdout_bytes
    assert not (tmp_path / "-").exists() and not (tmp_path / "void.ttl").exists()


def test_console_script_prints_no_traceback(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "kg.cli", "query", "--store", str(tmp_path / "none"), "cq01"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and proc.stderr.startswith("Error: ")


def test_run_writes_dist(tmp_path: Path) -> None:
    result = run("run", "--store", str(tmp_path / "s"), "--dist", str(tmp_path / "dist"))
    assert result.exit_code == 0, result.output
    assert "conforms:  yes" in result.output
    assert (tmp_path / "dist" / "kg.ttl").stat().st_size > 10000
    assert (tmp_path / "dist" / "kg.trig").stat().st_size > 10000
    import pyoxigraph as ox

    from kg.store import Store, public_store_path

    public = Store.open(public_store_path(tmp_path / "s")).oxigraph
    trig = ox.parse(path=str(tmp_path / "dist" / "kg.trig"), format=ox.RdfFormat.TRIG)
    assert sorted(str(q) for q in trig) == sorted(str(q) for q in public)
    ttl = ox.parse(path=str(tmp_path / "dist" / "kg.ttl"), format=ox.RdfFormat.TURTLE)
    assert sorted(str(t) for t in ttl) == sorted(str(q.triple) for q in public)
    from rdflib import Graph, URIRef

    void = Graph().parse(tmp_path / "dist" / "void.ttl", format="turtle")
    linksets = set(void.subjects(None, URIRef("http://rdfs.org/ns/void#Linkset")))
    same_as = [
        ls
        for ls in linksets
        if void.value(ls, URIRef("http://rdfs.org/ns/void#linkPredicate"))
        == URIRef("http://www.w3.org/2002/07/owl#sameAs")
    ]
    assert len(same_as) == 1  # the one confirmed identity of the seed (a person, by sameAs)


def test_link_against_loopback_fixture_then_cached(store: Path, tmp_path: Path) -> None:
    """kg link with the real client against kg.web's endpoint loaded with the Wikidata fixture."""
    import csv

    import pyoxigraph as ox

    from kg.web import BackgroundServer, DatasetSource, Limits

    backend = ox.Store()
    backend.load(
        path=str(ROOT / "tests" / "fixtures" / "wikidata" / "items.ttl"), format=ox.RdfFormat.TURTLE
    )
    limits = Limits(timeout=5.0, slow_after=5.0, max_slow=2)
    server = BackgroundServer(DatasetSource.from_store(backend), limits)
    try:
        args = [
            "link",
            "--store",
            str(store),
            "--endpoint",
            server.url,
            "--links",
            str(tmp_path / "links"),
            "--cache",
            str(tmp_path / "cache"),
            "--min-interval",
            "0",
            "--review",
            str(tmp_path / "review.csv"),
        ]
        first = run(*args)
        assert first.exit_code == 0, first.output
        with open(tmp_path / "links" / "auto.csv", encoding="utf-8") as f:
            auto = {(r["subject"], r["target"]) for r in csv.DictReader(f)}
        assert ("akr:country/KZ", "wd:Q232") in auto
        assert ("akr:place/baikonur-cosmodrome", "wd:Q990403") in auto
        assert not any(s.startswith("akr:person/") for s, _ in auto)  # people: review only
        assert ("akr:place/baikonur", "wd:Q990402") not in auto  # the village namesake
        with open(tmp_path / "review.csv", encoding="utf-8") as f:
            review = {(r["subject"], r["target"]) for r in csv.DictReader(f)}
        assert ("akr:person/p-7c1e4b90", "wd:Q7747") in review
        # the auto links now skip their subjects, so the second run asks about fewer names;
        # from then on the cache answers everything, offline too
        assert run(*args).exit_code == 0
        third = run(*args, "--offline")
        assert third.exit_code == 0, third.output
        assert "requests sent: 0" in third.output
    finally:
        server.stop()


def test_link_to_a_closed_port_is_one_clean_error(store: Path, tmp_path: Path) -> None:
    result = run(
        "link",
        "--store",
        str(store),
        "--endpoint",
        "http://127.0.0.1:9/sparql",
        "--links",
        str(tmp_path / "links"),
        "--cache",
        str(tmp_path / "c"),
        "--min-interval",
        "0",
        "--types",
        "country",
        "--review",
        str(tmp_path / "r.csv"),
    )
    assert result.exit_code == 2
    one_line_error(result, "127.0.0.1:9")


def test_federated_query_needs_allow_network(store: Path) -> None:
    result = run("query", "--store", str(store), "fed-place-coordinates")
    assert result.exit_code == 2
    one_line_error(result, "--allow-network")


def test_extract_bad_inputs_leave_the_output_folder_untouched(tmp_path: Path) -> None:
    out = tmp_path / "extracted"
    out.mkdir()
    keep = out / "bad.yaml"
    keep.write_text("appeal: {id: kept}\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(
        "3 May 2024\n\nFarland: Journalist A B detained\n\n"
        "On 2 May 2024, police in Farland detained journalist Ann Bell.\n",
        encoding="utf-8",
    )
    result = run(
        "extract", str(tmp_path / "bad.txt"), str(tmp_path / "empty.txt"), str(good), "-o", str(out)
    )
    assert result.exit_code == 2
    assert "2 of 3 file(s) failed" in result.output
    assert keep.read_text(encoding="utf-8") == "appeal: {id: kept}\n"
    assert (out / "good.yaml").exists() and not (out / "empty.yaml").exists()
    assert "Traceback" not in result.output


def test_eval_folds_and_split_errors(tmp_path: Path) -> None:
    import yaml

    text = (
        "3 May 2024\n\nFarland: Journalist detained\n\n"
        "On 2 May 2024, police in Farland detained journalist Ann Bell.\n"
    )
    gold = {
        "appeal": {"id": "x", "issuer": "Somebody"},
        "persons": [{"id": "p1", "name": "Ann Bell", "roles": ["journalist"]}],
        "events": [{"type": "arrest", "date": "2024-05-02", "targets": ["p1"]}],
    }
    for name in ("case-a", "case-b"):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        (tmp_path / f"{name}.gold.yaml").write_text(yaml.safe_dump(gold), encoding="utf-8")
    result = run("eval", str(tmp_path), "--folds", "2")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "F1 per fold" in out and "F1 per issuer" in out
    fold_rows = [line.split() for line in out.splitlines() if line.startswith(("fold 1", "fold 2"))]
    assert [row[:3] for row in fold_rows] == [["fold", "1", "1"], ["fold", "2", "1"]]
    assert fold_rows[0][3] == "1.000"  # Ann Bell found in each appeal
    data = json.loads(run("eval", str(tmp_path), "--folds", "2", "--json").output)
    assert data["issuers"]["groups"]["Somebody"]["cases"] == 2
    # the committed test split names corpus cases this folder does not have
    result = run("eval", str(tmp_path), "--split", "test")
    assert result.exit_code == 2
    one_line_error(result, "corpus-test-split.txt", "not in")
    result = run("eval", str(tmp_path), "--folds", "3")
    assert result.exit_code == 2
    one_line_error(result, "--folds", "at most")


def test_extract_report_lists_findings_and_doubts(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(
        "3 May 2024\n\nFarland: Journalist detained\n\n"
        "On 2 May 2024, police in Farland detained journalist Ann Bell. Someone was arrested.\n",
        encoding="utf-8",
    )
    result = run("extract", str(good), "-o", str(tmp_path / "out"), "--report")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("good: 2024-05-03,")
    assert "1 persons" in lines[0]
    assert any("no issuer" in line for line in lines[1:])
    record = (tmp_path / "out" / "good.yaml").read_text(encoding="utf-8")
    assert "access: restricted" in record and "reviewed: false" in record


def test_build_compact_compacts_a_store_with_nothing_changed(store: Path) -> None:
    result = run("build", "--store", str(store), "--compact")
    assert result.exit_code == 0, result.output
    assert "Built" in result.output and "1 case(s)" in result.output
    assert "--compact" in run("build", "--help").output
