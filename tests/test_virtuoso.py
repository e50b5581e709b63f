"""A real remote store: Virtuoso on loopback, filled by ``kg push``, asked every question.

``scripts/virtuoso.sh`` installs Debian's virtuoso-opensource (CI does it in ``.ci/run``) and
starts a throw-away database on 127.0.0.1 and a private port. The development corpus (the gold
case records of ``../shared/corpus``) is built, pushed, and every competency question is asked
both of Virtuoso and of the embedded public store: the answers must be the same. A second push
changes nothing; a push interrupted half-way resumes where it stopped.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from goldcorpus import buildable, gold_files
from rdflib import Literal, URIRef

from kg.cli import cli
from kg.errors import RemoteError
from kg.publish.push import MANIFEST_GRAPH, Remote, push_store
from kg.publish.remote import run_remote_query
from kg.query import QueryResult, list_queries, run_query
from kg.store import Store, public_store_path
from kg.store.build import build
from kg.vocab import DATA_DIR

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SCRIPT = ROOT / "scripts" / "virtuoso.sh"

pytestmark = pytest.mark.virtuoso


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """(SPARQL endpoint, Graph Store endpoint) of a fresh Virtuoso; stopped afterwards."""
    if shutil.which("virtuoso-t") is None:
        if os.geteuid() != 0 and os.environ.get("CI") != "true":
            pytest.skip("Virtuoso is not installed: run scripts/virtuoso.sh install (as root)")
        subprocess.run(["bash", str(SCRIPT), "install"], check=True)
    env = dict(
        os.environ,
        VIRTUOSO_DIR=str(tmp_path_factory.mktemp("virtuoso") / "db"),
        VIRTUOSO_HTTP_PORT=str(_free_port()),
        VIRTUOSO_SQL_PORT=str(_free_port()),
        VIRTUOSO_BUFFERS="20000",
        VIRTUOSO_DIRTY_BUFFERS="15000",
    )
    started = subprocess.run(
        ["bash", str(SCRIPT), "start"], env=env, capture_output=True, text=True, timeout=300
    )
    assert started.returncode == 0, started.stderr
    endpoint = started.stdout.strip().splitlines()[-1]
    try:
        yield endpoint, endpoint + "-graph-crud"
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop"], env=env, capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The gold case records of the development corpus, built; returns the store path."""
    if not CORPUS.is_dir():
        pytest.fail(f"the development corpus is not at {CORPUS}")
    tmp = tmp_path_factory.mktemp("corpus")
    data = tmp / "data"
    (data / "extracted").mkdir(parents=True)
    shutil.copytree(DATA_DIR / "reference", data / "reference")
    n = 0
    for _path, record in gold_files():
        if not buildable(record):
            continue
        (data / "extracted" / f"{record['appeal']['id']}.yaml").write_text(
            yaml.safe_dump(record, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )
        n += 1
    assert n >= 40, f"only {n} gold records can be built"
    build(tmp / "store", data)
    return tmp / "store"


def _cell(term: Any) -> str:
    """A cell comparable across engines: numbers by value, concatenations as sorted parts."""
    if term is None:
        return ""
    if isinstance(term, Literal) and term.datatype is not None:
        try:
            return str(Decimal(str(term)).normalize())
        except InvalidOperation:
            pass
    text = str(term)
    if " | " in text:
        return " | ".join(sorted(text.split(" | ")))
    return text


def _rows(result: Any) -> set[tuple[str, ...]]:
    """Rows as a set (STYLE: compare as sets): Virtuoso's default graph is the bag of all
    graphs, so a triple stated in several appeal graphs matches once per graph there, once in
    Oxigraph's union; counts (COUNT DISTINCT) are compared by value in the cells."""
    assert isinstance(result, QueryResult)
    return {tuple(_cell(t) for t in row) for row in result.rows}


def _remote_quads(endpoint: str) -> Counter[tuple[str, ...]]:
    remote = Remote(endpoint)
    rows = remote.select(
        "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } "
        "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/appeals-kg/graph/') "
        f"&& ?g != <{MANIFEST_GRAPH}>) }}",
        "reading back",
    )
    return Counter((r["g"], r["s"], r["p"], r["o"]) for r in rows)


QUESTIONS = [q for q in list_queries() if q.name.startswith("cq")]


def test_push_then_every_question_answers_as_the_embedded_store(
    virtuoso: tuple[str, str], corpus_store: Path
) -> None:
    endpoint, graph_store = virtuoso
    runner = CliRunner()
    first = runner.invoke(
        cli,
        [
            "push",
            "--store",
            str(corpus_store),
            "--endpoint",
            endpoint,
            "--graph-store",
            graph_store,
        ],
    )
    assert first.exit_code == 0, first.output
    public = Store.open(public_store_path(corpus_store))
    graphs = len(public.graph_names())
    assert f"Pushed {graphs} graph(s), 0 unchanged" in first.stdout
    before = _remote_quads(endpoint)
    assert sum(before.values()) == len(public)  # every quad of the public store, no more

    # Every question, corpus-wide and bound to one defender, gives the same rows.
    defenders = run_query(public, "cq01")
    assert isinstance(defenders, QueryResult) and defenders.rows
    defender = str(sorted(str(r[0]) for r in defenders.rows)[0])
    compared = 0
    for qf in QUESTIONS:
        for params in ({}, {"defender": defender}):
            if params and "defender" not in {p.name for p in qf.params}:
                continue
            local = _rows(run_query(public, qf, params))
            remote = _rows(run_remote_query(endpoint, qf, params))
            assert remote == local, f"{qf.name} {params}: Virtuoso differs from the store"
            compared += 1
    assert compared >= len(QUESTIONS)

    # Pushing again skips every graph and leaves the remote as it was.
    second = runner.invoke(
        cli,
        [
            "push",
            "--store",
            str(corpus_store),
            "--endpoint",
            endpoint,
            "--graph-store",
            graph_store,
        ],
    )
    assert second.exit_code == 0, second.output
    assert f"Pushed 0 graph(s), {graphs} unchanged" in second.stdout
    assert _remote_quads(endpoint) == before


def test_interrupted_push_resumes(virtuoso: tuple[str, str], corpus_store: Path) -> None:
    endpoint, graph_store = virtuoso
    public = Store.open(public_store_path(corpus_store))
    remote = Remote(endpoint)
    # Start from an empty remote, through SPARQL Update this time (no Graph Store endpoint).
    for g in public.graph_names() + [MANIFEST_GRAPH]:
        remote.update(f"DROP SILENT GRAPH <{g}>", "clearing")
    names = public.graph_names()

    class Interrupted(Exception):
        pass

    def stop_half_way(i: int, total: int, name: str, action: str) -> None:
        if i == total // 2:
            raise Interrupted

    with pytest.raises(Interrupted):
        push_store(public, remote, progress=stop_half_way)
    resumed = push_store(public, Remote(endpoint))
    assert len(resumed.skipped) == len(names) // 2
    assert len(resumed.pushed) == len(names) - len(names) // 2
    assert sum(_remote_quads(endpoint).values()) == len(public)
    # And the Graph Store path agrees it is all there.
    again = push_store(public, Remote(endpoint, graph_store))
    assert again.pushed == [] and len(again.skipped) == len(names)


def test_changed_graph_is_replaced_whole(virtuoso: tuple[str, str], corpus_store: Path) -> None:
    endpoint, graph_store = virtuoso
    public = Store.open(public_store_path(corpus_store))
    remote = Remote(endpoint, graph_store)
    push_store(public, remote)
    victim = next(g for g in public.graph_names() if "/appeal/" in str(g))
    # Someone adds a triple on the remote and changes the recorded hash: the next push must
    # put the graph back exactly as the store has it.
    remote.update(
        f"INSERT DATA {{ GRAPH <{victim}> {{ <urn:x> <urn:y> 'stray' }} }} ; "
        f"DELETE WHERE {{ GRAPH <{MANIFEST_GRAPH}> {{ <{victim}> ?p ?h }} }}",
        "tampering",
    )
    result = push_store(public, remote)
    assert result.pushed == [str(victim)]
    quads = _remote_quads(endpoint)
    assert not any(q[1] == "urn:x" for q in quads)
    assert sum(quads.values()) == len(public)


def test_unreachable_endpoint_is_one_line(tmp_path: Path, corpus_store: Path) -> None:
    port = _free_port()  # nothing listens there
    result = CliRunner().invoke(
        cli,
        [
            "push",
            "--store",
            str(corpus_store),
            "--endpoint",
            f"http://127.0.0.1:{port}/sparql",
            "--retries",
            "2",
        ],
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and "cannot reach" in result.stderr
    assert "after 3 attempts" in result.stderr  # retried twice, with backoff
    assert len(result.stderr.strip().splitlines()) == 1


def test_bad_endpoint_url_and_refused_query(virtuoso: tuple[str, str]) -> None:
    with pytest.raises(RemoteError, match="http:// or https://"):
        Remote("ftp://127.0.0.1/sparql")
    endpoint, _ = virtuoso
    with pytest.raises(RemoteError, match="HTTP 4"):
        Remote(endpoint).select("SELECT WHERE {", "a broken query")
    assert URIRef(endpoint)
