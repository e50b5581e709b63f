"""Pages under load: 20 clients browse the linked-data pages of the development-corpus graph.

The graph is the gold build of the development corpus (``../shared/corpus/*.gold.yaml`` built
with the project's reference data, no appeal texts), served by ``kg serve`` (its public store)
on a free loopback port. Each client walks, over one keep-alive connection and with no pause,
a shuffled list of: every case page, every person and organisation page, their ``/id/``
addresses (303, not followed), their ``.ttl`` descriptions, the index with and without
filters, and a name search. Any answer other than 200/303, or a failed connection, is an error.
The server keeps answers per address (``kg/web/pagecache.py``), so after the first visit of an
address its answer is a cache hit: ``first_visit`` gives the figures of the first requests for
each address alone (a cold cache).

The 60 s run writes bench/results/pages-load.json:

    .venv/bin/python bench/pages_load.py [--store DIR] [--seconds 60] [--clients 20]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve_load import start_server  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
CORPUS = ROOT.parent / "shared" / "corpus"
R = "https://w3id.org/appeals-kg/id/"


def build_gold(tmp: Path, corpus: Path = CORPUS) -> Path:
    """The gold records of the corpus built into a store under ``tmp``; its path."""
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


def select(port: int, query: str) -> list[dict]:
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
    """The addresses the clients visit."""
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


def run_clients(port: int, urls: list[str], seconds: float, clients: int) -> dict:
    """Clients walk ``urls`` for ``seconds``; latencies and errors."""
    latencies: list[float] = []
    errors: list[str] = []
    by_kind: dict[str, list[float]] = {"page": [], "case": [], "303": [], "ttl": [], "index": []}
    first_visits: list[float] = []  # the first request for each address: the cache is cold
    visited: set[str] = set()
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def kind(url: str) -> str:
        if url.startswith("/page/id/case/"):
            return "case"
        if url.startswith("/page/"):
            return "page"
        if url.endswith(".ttl"):
            return "ttl"
        return "303" if url.startswith("/id/") else "index"

    def client(seed: int) -> None:
        rng = random.Random(seed)
        order = urls[:]
        rng.shuffle(order)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        i = 0
        while time.monotonic() < stop:
            url = order[i % len(order)]
            i += 1
            t0 = time.perf_counter()
            try:
                conn.request("GET", url, headers={"Accept": "text/html"})
                answer = conn.getresponse()
                answer.read()
                ok = answer.status in (200, 303)
                status = str(answer.status)
            except (OSError, http.client.HTTPException) as exc:
                ok, status = False, type(exc).__name__
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            elapsed = time.perf_counter() - t0
            with lock:
                latencies.append(elapsed)
                by_kind[kind(url)].append(elapsed)
                if url not in visited:
                    visited.add(url)
                    first_visits.append(elapsed)
                if not ok:
                    errors.append(f"{status} {url}")
        conn.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - started

    def pct(values: list[float], q: float) -> float | None:
        if not values:
            return None
        ordered = sorted(values)
        return round(1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1)

    return {
        "seconds": round(wall, 1),
        "clients": clients,
        "requests": len(latencies),
        "throughput_rps": round(len(latencies) / wall, 1),
        "p50_ms": pct(latencies, 0.50),
        "p99_ms": pct(latencies, 0.99),
        "max_ms": pct(latencies, 1.0),
        "mean_ms": round(1000 * statistics.fmean(latencies), 1) if latencies else None,
        "first_visit": {
            "requests": len(first_visits),
            "p50_ms": pct(first_visits, 0.5),
            "p99_ms": pct(first_visits, 0.99),
        },
        "errors": len(errors),
        "error_examples": errors[:10],
        "by_kind": {
            k: {"requests": len(v), "p50_ms": pct(v, 0.5), "p99_ms": pct(v, 0.99)}
            for k, v in by_kind.items()
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, help="a built store (default: the gold build)")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--output", type=Path, default=RESULTS / "pages-load.json")
    parser.add_argument("serve_args", nargs="*", help="extra kg serve options, after --")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store or build_gold(Path(tmp))
        proc, port = start_server(store, *args.serve_args)
        try:
            urls = page_urls(port)
            for url in urls[:3]:  # warm: the first page loads the templates
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                conn.request("GET", url)
                conn.getresponse().read()
                conn.close()
            figures = run_clients(port, urls, args.seconds, args.clients)
        finally:
            proc.terminate()
            proc.wait(30)
    figures["addresses"] = len(urls)
    figures["command"] = " ".join([".venv/bin/python bench/pages_load.py", *sys.argv[1:]])
    figures["store"] = "given" if args.store else "gold build of ../shared/corpus"
    figures["serve_args"] = list(args.serve_args)
    figures["machine"] = {"cpus": os.cpu_count(), "python": platform.python_version()}
    figures["load_average_1min_after"] = round(os.getloadavg()[0], 2)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(figures, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
