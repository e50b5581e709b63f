"""A running ``kg serve`` serves each new store generation (``kg build``, ``kg takedown``)
without a restart, never mixes generations, and a query in flight survives the swap.

The end-to-end test runs ``kg serve`` and ``kg takedown`` as a user would: a person whose
page and name are served disappears from every answer after the takedown; a person taken down
before the server started (the canary) never appears in any answer in between; answers never
fail while generations come and go, even when a later build deletes the generation the server
started with.
"""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.store.build import build
from kg.web.execute import Job
from kg.web.runner import DatasetSource, Limits, QueryRunner

PERSON = "https://w3id.org/appeals-kg/id/person/p-2a9f31c4"
NAME = "Dauletbayev"
CANARY = "Eyubov"  # taken down before the server starts: restricted in every generation
EX = "http://example.org/"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def _source(n: int) -> DatasetSource:
    store = ox.Store()
    store.extend(
        ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(str(i)))
        for i in range(n)
    )
    return DatasetSource.from_store(store)


def _count(runner: QueryRunner) -> int:
    answer = asyncio.run(runner.run(Job(COUNT, accept="application/sparql-results+json")))
    assert answer.status == 200, answer.body
    return int(json.loads(answer.body)["results"]["bindings"][0]["n"]["value"])


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_query_in_flight_finishes_on_its_generation() -> None:
    big, small = 150, 3  # 150**3 rows to count: long enough to be running during the swap
    runner = QueryRunner(_source(big), Limits(timeout=120, workers=2, slow_after=120)).start()
    try:
        old_zygote = runner.process_ids()[-1]
        new = runner.prepare(_source(small))  # loaded before: the swap itself is quick
        answers: list[int] = []
        running = threading.Thread(target=lambda: answers.append(_count(runner)))
        running.start()
        deadline = time.monotonic() + 30
        while runner._idle.qsize() != 1:  # the long query holds one of the two workers
            assert time.monotonic() < deadline
            time.sleep(0.01)
        runner.switch(new)
        assert runner.generation == 1
        assert _count(runner) == small**3  # a query after the swap reads the new dataset
        assert running.is_alive(), "the long query ended before the swap; make it longer"
        running.join(120)
        assert answers == [big**3]  # the old one was not killed with its dataset
        deadline = time.monotonic() + 30
        while _alive(old_zygote):  # and the old dataset's process goes once it is unused
            assert time.monotonic() < deadline, "the old generation's process stayed"
            time.sleep(0.05)
        assert _count(runner) == small**3
    finally:
        runner.close()


# -- kg serve, kg takedown, kg build ---------------------------------------------------------


def _kg(*args: str) -> subprocess.CompletedProcess[str]:
    kg = Path(sys.executable).with_name("kg")
    return subprocess.run([str(kg), *args], capture_output=True, text=True, timeout=600)


class Served:
    """``kg serve`` on a free loopback port, its stderr kept."""

    def __init__(self, store: Path) -> None:
        kg = Path(sys.executable).with_name("kg")
        command = [str(kg), "serve", "--store", str(store), "--port", "0", "--quiet"]
        self.proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
        assert self.proc.stderr is not None
        self.said: list[str] = []
        for line in self.proc.stderr:
            self.said.append(line)
            match = re.search(r"SPARQL endpoint at http://127\.0\.0\.1:(\d+)/", line)
            if match:
                self.port = int(match.group(1))
                break
        else:
            raise AssertionError("kg serve did not start: " + "".join(self.said))
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.said.append(line)

    def get(self, path: str, accept: str = "text/html") -> tuple[int, str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            conn.request("GET", path, headers={"Accept": accept})
            answer = conn.getresponse()
            return answer.status, answer.read().decode("utf-8", "replace")
        finally:
            conn.close()

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(30)


def _requests() -> list[tuple[str, str]]:
    """What a browser, a SPARQL client and a reconciliation client ask about the person."""
    sparql = urllib.parse.urlencode(
        {
            "query": "SELECT ?s ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l . "
            f'FILTER(CONTAINS(?l, "{NAME}") || CONTAINS(?l, "{CANARY}")) }}'
        }
    )
    reconcile = urllib.parse.urlencode(
        {"queries": json.dumps({"q0": {"query": NAME}, "q1": {"query": CANARY}})}
    )
    return [
        ("/page/id/person/p-2a9f31c4", "text/html"),
        ("/id/person/p-2a9f31c4.ttl", "text/turtle"),
        (f"/sparql?{sparql}", "application/sparql-results+json"),
        (f"/?q={NAME}", "text/html"),
        (f"/reconcile?{reconcile}", "application/json"),
    ]


def _shows(path: str, status: int, body: str) -> bool:
    """Whether an answer shows the person: its IRI or its name (the index repeats the name
    searched for, so there only its IRI counts)."""
    named = NAME in body and not path.startswith("/?")
    return status == 200 and (named or "p-2a9f31c4" in body)


@pytest.fixture()
def built(seed_built) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    data, store = seed_built.copy()
    return store, data


def test_takedown_and_rebuilds_are_served_without_restart(built: tuple[Path, Path]) -> None:
    store, data = built
    first = _kg("takedown", f"Ahmed {CANARY}", "--store", str(store), "--data", str(data))
    assert first.returncode == 0, first.stderr
    generation = store.resolve()
    server = Served(store)
    seen: list[tuple[float, float, str, int, bool]] = []  # start, end, path, status, shows
    problems: list[str] = []
    stop = threading.Event()

    def browse() -> None:
        while not stop.is_set():
            for path, accept in _requests():
                t0 = time.monotonic()
                try:
                    status, body = server.get(path, accept)
                except OSError as exc:
                    problems.append(f"{path}: {type(exc).__name__}")
                    continue
                seen.append((t0, time.monotonic(), path, status, _shows(path, status, body)))
                if status not in (200, 404):
                    problems.append(f"{path}: HTTP {status}")
                if CANARY in body:
                    problems.append(f"{path}: the canary is served")

    try:
        for path, accept in _requests():
            status, body = server.get(path, accept)
            assert _shows(path, status, body), (path, status, body[:300])
        browsers = [threading.Thread(target=browse) for _ in range(3)]
        for b in browsers:
            b.start()
        taken = _kg("takedown", PERSON, "--store", str(store), "--data", str(data))
        assert taken.returncode == 0, taken.stderr
        deadline = time.monotonic() + 120
        while any(_shows(p, *server.get(p, a)) for p, a in _requests()):
            assert time.monotonic() < deadline, "the takedown was not served: " + "".join(
                server.said[-5:]
            )
            time.sleep(0.2)
        swapped = time.monotonic()
        # A later build deletes the generation the server started with; answers go on.
        rebuilt = _kg("build", "--store", str(store), "--data", str(data))
        assert rebuilt.returncode == 0, rebuilt.stderr
        assert not generation.exists()
        deadline = time.monotonic() + 120
        while sum("serving store generation" in line for line in server.said) < 2:
            assert time.monotonic() < deadline, "".join(server.said[-5:])
            time.sleep(0.2)
        time.sleep(1.5)
        served = [line.split()[-1] for line in server.said if "serving store generation" in line]
        assert served[1:] == [store.resolve().name]  # one swap per new generation, no other
    finally:
        stop.set()
        for b in browsers:
            b.join(60)
        after = [server.get(p, a) for p, a in _requests()]
        server.stop()
    assert problems == [], problems[:10]
    assert len(seen) > 20
    # Once the takedown was served, no request begun later showed the person again.
    assert [s for s in seen if s[0] > swapped and s[4]] == []
    assert [
        p
        for (p, _), (status, body) in zip(_requests(), after, strict=True)
        if status not in (200, 404)
    ] == []
    assert [
        p for (p, _), answer in zip(_requests(), after, strict=True) if _shows(p, *answer)
    ] == []
    assert server.proc.returncode is not None


def test_a_generation_that_cannot_be_read_leaves_the_served_one(
    seed_built, capsys: pytest.CaptureFixture[str]
) -> None:
    from kg.store import Store, store_location
    from kg.web.local import view_of
    from kg.web.watch import StoreWatch, StoreWatcher

    data, store = seed_built.copy()  # the seed as its build left it, built once
    served = store_location(store, public=True)
    source = DatasetSource.from_store(Store.open(served).oxigraph)
    runner = QueryRunner(source, Limits(workers=1, max_slow=1)).start()
    try:
        watcher = StoreWatcher(runner, StoreWatch(store, served))
        assert watcher.check() is False  # the link names the served generation
        # A generation whose public store holds no data (as a damaged one would).
        broken = served.parent.parent / "g-broken"
        (broken / "full").mkdir(parents=True)
        (broken / "public").mkdir()
        for part in ("full", "public"):
            shutil.copy(served.parent / part / "appeals-kg-store", broken / part)
        link = store.parent / ".store-link"
        link.symlink_to(broken.relative_to(store.parent))
        link.replace(store)
        assert watcher.check() is False and watcher.check() is False
        assert runner.generation == 0
        warned = capsys.readouterr().err
        assert warned.count("cannot serve this store generation") == 1, warned  # said once
        build(store, data)  # a good generation again
        assert watcher.check() is True and runner.generation == 1 and watcher.swaps == 1
        assert "serving store generation" in capsys.readouterr().err
        rows = view_of(runner).dataset.select_now("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
        assert int(rows[0]["n"]["value"]) > 0
    finally:
        runner.close()
