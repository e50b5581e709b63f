"""What the load benchmarks share: a ``kg serve`` to load, the gold corpus store, clients that
time each request by kind, and the results file.

Used by ``serve_load.py`` (questions under attack), ``pages_load.py`` (pages) and
``web_load.py`` (questions and pages together, the issue's load run).
"""

from __future__ import annotations

import http.client
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
CORPUS = ROOT.parent / "shared" / "corpus"
R = "https://w3id.org/appeals-kg/id/"


# -- the server and its data -------------------------------------------------------------------


def start_server(store: Path, *args: str) -> tuple[subprocess.Popen[bytes], int]:
    """Run ``kg serve`` on a free loopback port; return the process and its port."""
    kg = Path(sys.executable).with_name("kg")
    command = [str(kg), "serve", "--store", str(store), "--port", "0", "--quiet", *args]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    deadline = time.monotonic() + 120
    said = []
    for line in proc.stderr:
        said.append(line.decode("utf-8", "replace").strip())
        match = re.search(rb"SPARQL endpoint at http://127\.0\.0\.1:(\d+)/", line)
        if match:
            threading.Thread(target=proc.stderr.read, daemon=True).start()  # keep draining
            return proc, int(match.group(1))
        if time.monotonic() > deadline:
            break
    proc.kill()
    raise RuntimeError("kg serve did not start: " + " / ".join(said[-3:]))


def build_gold(tmp: Path, corpus: Path = CORPUS) -> Path:
    """The gold records of the corpus built (with ``data/reference``) into a store under
    ``tmp``; its path."""
    import yaml

    from kg.store.build import build

    data = tmp / "data"
    (data / "extracted").mkdir(parents=True)
    (data / "appeals").mkdir()
    shutil.copytree(ROOT / "data" / "reference", data / "reference")
    for path in sorted(corpus.glob("*.gold.yaml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        aid = record["appeal"]["id"]
        (data / "extracted" / f"{aid}.yaml").write_text(
            yaml.safe_dump(record, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )
    build(tmp / "store", data)
    return tmp / "store"


def competency_questions(queries_dir: Path = ROOT / "queries") -> list[tuple[str, str]]:
    """(name, text) of every competency question."""
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(queries_dir.glob("cq*.rq"))]


def select(port: int, query: str) -> list[dict]:
    """A SELECT's bindings from the server (for listing what to visit; not timed)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    body = urllib.parse.urlencode({"query": query})
    conn.request(
        "POST",
        "/sparql",
        body,
        {
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json",
        },
    )
    answer = conn.getresponse()
    data = answer.read()
    conn.close()
    if answer.status != 200:
        raise RuntimeError(f"listing query failed: {answer.status} {data[:200]!r}")
    return json.loads(data)["results"]["bindings"]


def page_urls(port: int) -> list[str]:
    """Every case, person and organisation page of the served dataset, their ``/id/``
    addresses and ``.ttl`` descriptions, and the index with each filter and a name search."""
    rows = select(
        port,
        """PREFIX akg: <https://w3id.org/appeals-kg/ontology#>
           SELECT DISTINCT ?s WHERE {
             VALUES ?c { akg:Case akg:Person akg:Organisation } ?s a ?c }""",
    )
    paths = sorted(r["s"]["value"][len(R) :] for r in rows if r["s"]["value"].startswith(R))
    countries = select(
        port,
        "PREFIX akg: <https://w3id.org/appeals-kg/ontology#> "
        "SELECT DISTINCT ?k WHERE { ?c a akg:Case ; akg:country ?k }",
    )
    urls = []
    for path in paths:
        urls += [f"/page/id/{path}", f"/id/{path}", f"/id/{path}.ttl"]
    urls += ["/", "/?q=Dauletbaev", "/?year=2019", "/?event=arrest"]
    urls += ["/?country=" + urllib.parse.quote(r["k"]["value"], safe="") for r in countries]
    return urls


def url_kind(url: str) -> str:
    """The kind of a page address: case, page, ttl, 303 or index."""
    if url.startswith("/page/id/case/"):
        return "case"
    if url.startswith("/page/"):
        return "page"
    if url.endswith(".ttl"):
        return "ttl"
    return "303" if url.startswith("/id/") else "index"


# -- timing ------------------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float | None:
    """The ``q`` quantile of seconds, in milliseconds (nearest rank), None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return round(1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1)


def summary(values: list[float], wall: float | None = None) -> dict[str, Any]:
    """Count, p50, p99, max and mean (ms) of request times in seconds; throughput over
    ``wall`` seconds when given."""
    out: dict[str, Any] = {"requests": len(values)}
    if wall:
        out["throughput_rps"] = round(len(values) / wall, 1)
    out |= {
        "p50_ms": percentile(values, 0.50),
        "p99_ms": percentile(values, 0.99),
        "max_ms": percentile(values, 1.0),
        "mean_ms": round(1000 * statistics.fmean(values), 1) if values else None,
    }
    return out


@dataclass
class Tally:
    """Request times by kind, errors, and the first request of each address."""

    by_kind: dict[str, list[float]] = field(default_factory=dict)
    all: list[float] = field(default_factory=list)
    first_visits: list[float] = field(default_factory=list)
    visited: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)
    statuses: dict[str, dict[str, int]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(
        self,
        kind: str | Callable[[bool], str],
        address: str,
        elapsed: float,
        error: str | None,
        *,
        visit: bool = True,
    ) -> bool:
        """Keep one request's time under ``kind`` (or ``kind(first_visit)``); True when it was
        the first request for ``address``, which counts as a first visit when ``visit``."""
        with self.lock:
            first = address not in self.visited
            name = kind(first) if callable(kind) else kind
            self.all.append(elapsed)
            self.by_kind.setdefault(name, []).append(elapsed)
            if first:
                self.visited.add(address)
                if visit:
                    self.first_visits.append(elapsed)
            if error is not None:
                self.errors.append(error)
            return first

    def figures(self, wall: float) -> dict[str, Any]:
        """Overall, first-visit and per-kind figures, and the errors."""
        return {
            **summary(self.all, wall),
            "first_visit": summary(self.first_visits),
            "errors": len(self.errors),
            "error_examples": sorted(set(self.errors))[:10],
            "by_kind": {k: summary(v) for k, v in sorted(self.by_kind.items())},
        }


@dataclass(frozen=True)
class Request:
    """One request a client sends: its kind, the address that identifies it for first
    visits, method, path, headers, body, the statuses that are not errors, and whether its
    first request counts as a first visit of a page (not for questions)."""

    kind: str
    address: str
    path: str
    headers: dict[str, str]
    ok: tuple[int, ...] = (200,)
    method: str = "GET"
    body: bytes | None = None
    visit: bool = True


def run_clients(
    port: int,
    clients: int,
    seconds: float,
    next_request: Callable[[int, random.Random], Request],
    tally: Tally,
    *,
    classify: Callable[[Request, bool], str] | None = None,
) -> float:
    """``clients`` threads, each over one keep-alive connection, send ``next_request(n, rng)``
    one after another with no pause for ``seconds``; times go to ``tally`` under the kind
    ``classify(request, first_visit)`` gives (the request's own kind by default). Returns the
    wall time."""
    stop = time.monotonic() + seconds

    def client(n: int) -> None:
        rng = random.Random(n)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < stop:
            request = next_request(n, rng)
            t0 = time.perf_counter()
            try:
                conn.request(request.method, request.path, request.body, request.headers)
                answer = conn.getresponse()
                answer.read()
                error = None if answer.status in request.ok else f"HTTP {answer.status}"
            except (OSError, http.client.HTTPException) as exc:
                error = type(exc).__name__
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            elapsed = time.perf_counter() - t0
            kind: str | Callable[[bool], str] = request.kind
            if classify is not None:
                kind = partial(classify, request)
            failed = f"{error} {request.address}" if error else None
            tally.record(kind, request.address, elapsed, failed, visit=request.visit)
        conn.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.monotonic() - started


# -- results -----------------------------------------------------------------------------------


def write_results(
    output: Path, figures: dict[str, Any], script: str, **about: Any
) -> dict[str, Any]:
    """Add the command, the machine and its load average to ``figures``, write them as JSON
    to ``output`` and print them."""
    figures = dict(figures)
    figures["command"] = " ".join([f".venv/bin/python bench/{script}", *sys.argv[1:]])
    figures |= about
    figures["machine"] = {"cpus": os.cpu_count(), "python": platform.python_version()}
    figures["load_average_1min_after"] = round(os.getloadavg()[0], 2)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    return figures
