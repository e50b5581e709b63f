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
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from loadlib import (  # noqa: E402
    RESULTS,
    Request,
    Tally,
    build_gold,
    page_urls,
    run_clients,
    start_server,
    url_kind,
    write_results,
)

__all__ = ["page_requests", "run_pages", "warm_templates"]


def page_requests(urls: list[str]) -> list[Request]:
    """Each address as a browser asks for it (303 is an answer: not followed)."""
    headers = {"Accept": "text/html"}
    return [Request(url_kind(url), url, url, headers, ok=(200, 303)) for url in urls]


def walks(requests: list[Request], clients: int) -> list[list[Request]]:
    """For each client, every request in its own shuffled order."""
    out = []
    for n in range(clients):
        order = requests[:]
        random.Random(n).shuffle(order)
        out.append(order)
    return out


def warm_templates(port: int, urls: list[str]) -> None:
    """Ask for a few addresses once: the first page loads the templates."""
    for url in urls[:3]:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request("GET", url)
        conn.getresponse().read()
        conn.close()


def run_pages(port: int, urls: list[str], seconds: float, clients: int) -> dict:
    """Clients walk ``urls`` for ``seconds``; latencies and errors."""
    orders = walks(page_requests(urls), clients)
    steps = [0] * clients

    def next_request(n: int, rng: random.Random) -> Request:
        steps[n] += 1
        return orders[n][(steps[n] - 1) % len(orders[n])]

    tally = Tally()
    wall = run_clients(port, clients, seconds, next_request, tally)
    return {"seconds": round(wall, 1), "clients": clients, **tally.figures(wall)}


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
            warm_templates(port, urls)
            figures = run_pages(port, urls, args.seconds, args.clients)
        finally:
            proc.terminate()
            proc.wait(30)
    figures["addresses"] = len(urls)
    write_results(
        args.output,
        figures,
        "pages_load.py",
        store="given" if args.store else "gold build of ../shared/corpus",
        serve_args=list(args.serve_args),
    )


if __name__ == "__main__":
    main()
