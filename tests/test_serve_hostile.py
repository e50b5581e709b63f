"""Hostile queries against the served endpoint: it never reaches out, and cannot be exhausted.

A second HTTP server on loopback stands for what an attacker would like to reach (another
``kg serve --include-restricted``, an admin page): every test checks that it received no
request. Only loopback addresses are used; private ranges are covered by the checker's tests.
"""

from __future__ import annotations

import os
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.web import BackgroundServer, DatasetSource, Limits
from kg.web.guard import QueryRefused, check_query, check_update
from kg.web.runner import QueryRunner

FIXTURE = Path(__file__).parent / "fixtures" / "wikidata" / "items.ttl"
GRAPH = "https://w3id.org/appeals-kg/graph/wikidata-fixture"
HEAVY = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
TICK = os.sysconf("SC_CLK_TCK")


class _Decoy(ThreadingHTTPServer):
    """Counts every request; answers like a SPARQL endpoint holding a secret."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _DecoyHandler)
        self.hits = 0
        self.url = f"http://127.0.0.1:{self.server_address[1]}/sparql"


class _DecoyHandler(BaseHTTPRequestHandler):
    server: _Decoy

    def _answer(self) -> None:
        self.server.hits += 1
        body = (
            b'{"head":{"vars":["s"]},"results":{"bindings":'
            b'[{"s":{"type":"literal","value":"SECRET"}}]}}'
        )
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer  # noqa: N815

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def decoy() -> Iterator[_Decoy]:
    server = _Decoy()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def endpoint() -> Iterator[BackgroundServer]:
    store = ox.Store()
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(GRAPH))
    limits = Limits(timeout=2.0, workers=2, max_result_bytes=64 * 1024, slow_after=0.5, max_slow=1)
    with BackgroundServer(DatasetSource.from_store(store), limits) as server:
        yield server


def _get(server: BackgroundServer, query: str) -> tuple[int, bytes]:
    url = server.url + "?" + urllib.parse.urlencode({"query": query})
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def _post_update(server: BackgroundServer, update: str) -> tuple[int, bytes]:
    request = urllib.request.Request(
        server.url,
        data=update.encode(),
        method="POST",
        headers={"Content-Type": "application/sparql-update"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def _reach_out_queries(url: str) -> list[str]:
    host_variants = [url, url.replace("127.0.0.1", "localhost"), url.replace("127.0.0.1", "[::1]")]
    queries = []
    for target in host_variants:
        queries += [
            f"SELECT * {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
            f"SELECT * {{ SERVICE SILENT <{target}> {{ ?s ?p ?o }} }}",
            f"SELECT * FROM <{target}> {{ ?s ?p ?o }}",
            f"SELECT * FROM NAMED <{target}> {{ GRAPH ?g {{ ?s ?p ?o }} }}",
            f"ASK {{ ?s ?p ?o . FILTER EXISTS {{ SERVICE <{target}> {{ ?s ?p ?o }} }} }}",
            f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
            f"DESCRIBE ?s WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
        ]
    return queries


def test_service_and_from_to_loopback_are_refused(
    endpoint: BackgroundServer, decoy: _Decoy
) -> None:
    for query in _reach_out_queries(decoy.url):
        status, body = _get(endpoint, query)
        assert status == 403, (query, body)
        assert b"SECRET" not in body
    assert decoy.hits == 0


def test_service_hidden_where_the_checker_cannot_read_is_refused(
    endpoint: BackgroundServer, decoy: _Decoy
) -> None:
    """LATERAL (which the engine runs and rdflib cannot parse), unicode escapes, comments."""
    for query in [
        f"SELECT * {{ ?x ?y ?z LATERAL {{ SERVICE <{decoy.url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * {{ \\u0053ERVICE <{decoy.url}> {{ ?s ?p ?o }} }}",
        f"SELECT * {{ SERVICE#comment\n<{decoy.url}> {{ ?s ?p ?o }} }}",
        f"SELECT * {{ ?s ?p ?o }} ; SELECT * {{ SERVICE <{decoy.url}> {{ ?s ?p ?o }} }}",
    ]:
        status, body = _get(endpoint, query)
        assert status in (400, 403), (query, body)
    assert decoy.hits == 0


def test_load_is_refused(endpoint: BackgroundServer, decoy: _Decoy) -> None:
    for update in [f"LOAD <{decoy.url}>", f"LOAD SILENT <{decoy.url}> INTO GRAPH <urn:g>"]:
        status, _ = _post_update(endpoint, update)
        assert status == 403
        status, _ = _get(endpoint, update)
        assert status == 403
    assert decoy.hits == 0


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * { SERVICE <http://10.0.0.1/sparql> { ?s ?p ?o } }",
        "SELECT * { SERVICE <http://192.168.1.1/sparql> { ?s ?p ?o } }",
        "SELECT * { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }",
        "SELECT * { SERVICE <file:///etc/passwd> { ?s ?p ?o } }",
        "SELECT * { ?svc a ?t . SERVICE ?svc { ?s ?p ?o } }",
        "PREFIX ex: <http://127.0.0.1/> SELECT * { SERVICE ex:sparql { ?s ?p ?o } }",
        "SELECT * { { SELECT * { SERVICE <http://127.0.0.2/> { ?s ?p ?o } } } }",
        "SELECT * { OPTIONAL { SERVICE <http://127.0.0.1/> { ?s ?p ?o } } }",
        "SELECT * { ?s ?p ?o MINUS { SERVICE <http://127.0.0.1/> { ?s ?p ?o } } }",
    ],
)
def test_checker_refuses_service_anywhere(query: str) -> None:
    with pytest.raises(QueryRefused) as err:
        check_query(query, {GRAPH})
    assert err.value.status == 403 and "SERVICE" in err.value.message


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("SELECT * { ?s ?p ?o LATERAL { SELECT ?x { ?s ?q ?x } LIMIT 1 } }", 400),
        ("SELECT * WHERE { ?s ?p }", 400),
        ("", 400),
        ("   ", 400),
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", 403),
        ("LOAD <http://127.0.0.1/x>", 403),
        (f"SELECT * FROM <{GRAPH}x> {{ ?s ?p ?o }}", 403),
        ("SELECT * FROM NAMED <http://127.0.0.1/g> { GRAPH ?g { ?s ?p ?o } }", 403),
    ],
)
def test_checker_fails_closed(query: str, status: int) -> None:
    with pytest.raises(QueryRefused) as err:
        check_query(query, {GRAPH})
    assert err.value.status == status


def test_checker_passes_the_competency_questions() -> None:
    queries = Path(__file__).parents[1] / "queries"
    for path in sorted(queries.glob("cq*.rq")):
        checked = check_query(path.read_text(encoding="utf-8"), {GRAPH})
        assert checked.form == "SELECT" and not checked.has_dataset


def test_checker_reads_dataset_clauses() -> None:
    checked = check_query(
        f"PREFIX g: <{GRAPH}> ASK FROM g: FROM NAMED <{GRAPH}> {{ ?s ?p ?o }}", {GRAPH}
    )
    assert checked.default_graphs == (GRAPH,) and checked.named_graphs == (GRAPH,)


@pytest.mark.parametrize(
    "update",
    ["LOAD <http://127.0.0.1/x.ttl>", "INSERT { ?s ?p ?o } WHERE { SERVICE <urn:x> { ?s ?p ?o } }"],
)
def test_update_checker_refuses_reaching_out(update: str) -> None:
    with pytest.raises(QueryRefused) as err:
        check_update(update)
    assert err.value.status == 403


# -- exhaustion ------------------------------------------------------------------------------


def _cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / TICK


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _all_gone(pids: set[int], wait: float = 10.0) -> bool:
    """Whether every process of ``pids`` has ended. A process killed with SIGKILL can take a
    moment to die on a busy machine (its memory is freed first), so this waits for it."""
    deadline = time.monotonic() + wait
    while any(_alive(pid) for pid in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _until_running(runner: QueryRunner, wait: float = 10.0) -> None:
    """Return once a query is in the runner's hands: a client that leaves after that is one
    whose query the runner must stop (a fixed pause can end before a busy machine got there)."""
    deadline = time.monotonic() + wait
    while runner.pending == 0:
        assert time.monotonic() < deadline, "the query never reached the runner"
        time.sleep(0.01)
    time.sleep(0.1)  # and, most likely, in a worker's


def _nice(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[16])  # field 19 of proc(5), counted from the state (field 3)


def test_cartesian_select_stops_at_the_cap(endpoint: BackgroundServer) -> None:
    status, body = _get(endpoint, "SELECT * { ?a ?b ?c . ?d ?e ?f }")
    assert status == 422 and b"cap of 65536 bytes" in body


def test_timeout_kills_the_worker_and_frees_the_cpu(endpoint: BackgroundServer) -> None:
    runner = endpoint.runner
    before = set(runner.process_ids())
    killed = runner.killed
    status, body = _get(endpoint, HEAVY)
    assert status == 503 and b"timeout" in body
    assert runner.killed == killed + 1
    gone = before - set(runner.process_ids())
    assert gone, "the worker that ran the query is still in the pool"
    assert _all_gone(gone)
    # a replacement is forked; then the endpoint idles: under 0.1 s of CPU in one second
    time.sleep(0.5)
    pids = runner.process_ids()
    assert len(pids) == runner.limits.workers + 1  # the workers and the process forking them
    start = _cpu_seconds(pids)
    time.sleep(1.0)
    assert _cpu_seconds(pids) - start < 0.1
    assert _get(endpoint, f"ASK {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }}")[0] == 200


def test_long_queries_are_bounded_and_quick_ones_still_answer(
    endpoint: BackgroundServer,
) -> None:
    """Three heavy queries at once with max_slow=1: one runs (reniced) until its timeout, the
    others are stopped at slow_after; meanwhile quick questions get their answers."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        # Three different queries: the same one asked at once runs once (kg/web/answers.py).
        heavy = [pool.submit(_get, endpoint, f"{HEAVY} # {n}") for n in range(3)]
        time.sleep(0.8)
        long_running = [
            pid for pid in endpoint.runner.process_ids() if _alive(pid) and _nice(pid) == 19
        ]
        quick = [_get(endpoint, "SELECT * { ?s ?p ?o } LIMIT 3") for _ in range(5)]
        answers = [f.result() for f in heavy]
    assert len(long_running) == 1
    assert all(status == 200 for status, _ in quick)
    assert sorted(status for status, _ in answers) == [503, 503, 503]
    assert sum(b"already running 1 long query" in body for _, body in answers) == 2


def test_memory_hungry_query_hits_the_worker_cap() -> None:
    """ORDER BY over a cartesian product materialises every row before the first byte, so the
    answer cap cannot stop it; the worker's memory cap does, long before the time limit."""
    store = ox.Store()
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(GRAPH))
    limits = Limits(timeout=60.0, workers=1, slow_after=60.0, max_slow=1, worker_memory=64 * 2**20)
    with BackgroundServer(DatasetSource.from_store(store), limits) as server:
        before = set(server.runner.process_ids())
        started = time.monotonic()
        status, body = _get(server, "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i")
        assert status == 500 and b"memory cap" in body
        assert time.monotonic() - started < 30
        gone = before - set(server.runner.process_ids())
        assert gone and _all_gone(gone)
        time.sleep(0.5)
        assert _get(server, "ASK { ?s ?p ?o }")[0] == 200


@pytest.mark.parametrize("client_leaves", [True, False], ids=["cancelled", "timed-out"])
@pytest.mark.parametrize("slow_after", [5.0, 0.1], ids=["quick", "long"])
def test_a_stopped_worker_is_out_of_the_pool_once_it_is_counted(
    monkeypatch: pytest.MonkeyPatch, client_leaves: bool, slow_after: float
) -> None:
    """Killing a worker is slowed down here, so a count raised before the worker leaves the pool
    would be seen with the worker still listed; the counts must change only after. Both ways a
    query is stopped are covered: in the pool, and once moved out as a long query."""
    from kg.web import runner as runner_module

    kill = runner_module._Worker.kill

    def slow_kill(worker: object) -> None:
        kill(worker)  # type: ignore[arg-type]
        time.sleep(0.3)

    monkeypatch.setattr(runner_module._Worker, "kill", slow_kill)
    store = ox.Store()
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(GRAPH))
    limits = Limits(timeout=1.0, workers=1, slow_after=slow_after, max_slow=1)
    with BackgroundServer(DatasetSource.from_store(store), limits) as server:
        runner = server.runner
        seen: list[tuple[int, bool]] = []
        before = set(runner.process_ids())
        counter = "cancelled" if client_leaves else "killed"
        start = getattr(runner, counter)

        def watch() -> None:
            deadline = time.monotonic() + 5
            while getattr(runner, counter) == start and time.monotonic() < deadline:
                time.sleep(0.005)
            seen.append((getattr(runner, counter), bool(before - set(runner.process_ids()))))

        watcher = threading.Thread(target=watch)
        watcher.start()
        if client_leaves:
            query = urllib.parse.urlencode({"query": HEAVY})
            with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
                sock.sendall(f"GET /sparql?{query} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
                _until_running(runner)
        else:
            assert _get(server, HEAVY)[0] == 503
        watcher.join()
        assert seen == [(start + 1, True)]


def test_query_stops_when_its_client_goes_away(endpoint: BackgroundServer) -> None:
    runner = endpoint.runner
    cancelled, killed = runner.cancelled, runner.killed
    before = set(runner.process_ids())
    query = urllib.parse.urlencode({"query": HEAVY})
    with socket.create_connection(("127.0.0.1", endpoint.port), timeout=5) as sock:
        sock.sendall(f"GET /sparql?{query} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        _until_running(runner)
    deadline = time.monotonic() + 1.5  # well before the 2 s time limit
    while runner.cancelled == cancelled and time.monotonic() < deadline:
        time.sleep(0.05)
    assert runner.cancelled == cancelled + 1 and runner.killed == killed
    gone = before - set(runner.process_ids())
    assert gone and _all_gone(gone)
