"""The web app under load: 20 clients ask the competency questions and browse the pages of the
development-corpus graph at the same time, for 60 s.

The graph is the gold build of the development corpus (``../shared/corpus/*.gold.yaml`` built
with ``data/reference``, no appeal texts), served by ``kg serve`` (its public store) on a free
loopback port. Each client, over one keep-alive connection and with no pause, walks its own
shuffled list of every case, person and organisation page, their ``/id/`` addresses (303, not
followed) and ``.ttl`` descriptions, the index with each filter and a name search; every
fourth request (``--cq-share``) is instead a competency question (``queries/cq*.rq``
unchanged, parameters unbound, SPARQL JSON) sent to ``/sparql``. Any answer other than 200
(303 for ``/id/``), or a failed connection, is an error.

Figures, overall and per kind: ``cq`` (and apart: ``cq_first``, the first ask of each
question, which runs it; ``cq_repeat``, answered from the runner's answer cache); ``page_first``
(the first request for a page address: the page cache is cold, so this is the real cost of a
page) and ``page_repeat``; ``ttl``; ``index`` (index and search); ``303``; and ``first_visit``
(the first request of each page, ``/id/``, ``.ttl`` and index address).

The 60 s run writes bench/results/web-load.json:

    .venv/bin/python bench/web_load.py [--store DIR] [--seconds 60] [--clients 20]
"""

from __future__ import annotations

import argparse
import os
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
    competency_questions,
    page_urls,
    run_clients,
    start_server,
    summary,
    write_results,
)
from pages_load import page_requests, walks, warm_templates  # noqa: E402
from serve_load import cq_requests  # noqa: E402

__all__ = ["kind_of", "run_web"]


def kind_of(request: Request, first_visit: bool) -> str:
    """The kind a request's time is counted under: a page or a question by first request
    or repeat."""
    if request.kind in ("case", "page"):
        return "page_first" if first_visit else "page_repeat"
    if request.kind == "cq":
        return "cq_first" if first_visit else "cq_repeat"
    return request.kind


def run_web(
    port: int, urls: list[str], seconds: float, clients: int, cq_share: float = 0.25
) -> dict:
    """Clients walk the pages and ask the questions for ``seconds``; figures by kind."""
    orders = walks(page_requests(urls), clients)
    questions = cq_requests(competency_questions())
    steps = [0] * clients

    def next_request(n: int, rng: random.Random) -> Request:
        if rng.random() < cq_share:
            return rng.choice(questions)
        steps[n] += 1
        return orders[n][(steps[n] - 1) % len(orders[n])]

    tally = Tally()
    wall = run_clients(port, clients, seconds, next_request, tally, classify=kind_of)
    figures = tally.figures(wall)
    asked = tally.by_kind.get("cq_first", []) + tally.by_kind.get("cq_repeat", [])
    figures["by_kind"]["cq"] = summary(asked)
    return {"seconds": round(wall, 1), "clients": clients, "cq_share": cq_share, **figures}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, help="a built store (default: the gold build)")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--cq-share", type=float, default=0.25, help="share of questions")
    parser.add_argument("--output", type=Path, default=RESULTS / "web-load.json")
    parser.add_argument("serve_args", nargs="*", help="extra kg serve options, after --")
    args = parser.parse_args()
    load_before = round(os.getloadavg()[0], 2)
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store or build_gold(Path(tmp))
        proc, port = start_server(store, *args.serve_args)
        try:
            urls = page_urls(port)
            warm_templates(port, urls)
            figures = run_web(port, urls, args.seconds, args.clients, args.cq_share)
        finally:
            proc.terminate()
            proc.wait(30)
    figures["addresses"] = len(urls)
    figures["questions"] = len(competency_questions())
    write_results(
        args.output,
        figures,
        "web_load.py",
        store="given" if args.store else "gold build of ../shared/corpus",
        serve_args=list(args.serve_args),
        load_average_1min_before=load_before,
    )


if __name__ == "__main__":
    main()
