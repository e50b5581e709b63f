"""Load under attack: 20 clients ask the competency questions while an attacker sends heavy and
hostile queries to a running ``kg serve``; then the server's CPU must fall back to idle.

The clients send each ``queries/cq*.rq`` unchanged (parameters unbound, which every question
treats as "all"), over keep-alive connections, and count every answer that is not 200 as an
error. The attackers loop over: a four-way cartesian COUNT (runs into the time limit), a
``SELECT *`` cartesian product (runs into the answer cap), SERVICE and FROM pointing at a
loopback port, LOAD, LATERAL (which the checker cannot read), ``Content-Length: abc``, a
non-UTF-8 body and an oversized body; an attacker's answer is an error only if it is 200 or a
dropped connection. After the attack, the CPU time of the server and all its processes is
measured over one second.

The 60 s run writes bench/results/serve-load.json:

    .venv/bin/python bench/serve_load.py [--store .kg] [--seconds 60] [--clients 20]

``tests/test_serve_load.py`` runs the same code for a few seconds and asserts 0 client errors
and the idle CPU, not latencies.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from loadlib import (  # noqa: E402
    RESULTS,
    Request,
    Tally,
    competency_questions,
    run_clients,
    start_server,
    write_results,
)
from runinfo import process_tree  # noqa: E402

__all__ = ["competency_questions", "run_load", "start_server"]

TICK = os.sysconf("SC_CLK_TCK")


def hostile_requests(port: int, decoy_port: int) -> list[tuple[str, bytes]]:
    """Raw HTTP requests an attacker sends, by name."""

    def get(query: str) -> bytes:
        q = urllib.parse.urlencode({"query": query})
        return f"GET /sparql?{q} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()

    def post(ctype: str, body: bytes, length: str | None = None) -> bytes:
        head = (
            f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            f"Content-Type: {ctype}\r\nContent-Length: {length or len(body)}\r\n\r\n"
        )
        return head.encode() + body

    decoy = f"http://127.0.0.1:{decoy_port}/sparql"
    return [
        (
            "heavy-count",
            get("SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"),
        ),
        ("cartesian-select", get("SELECT * { ?a ?b ?c . ?d ?e ?f }")),
        ("service-loopback", get(f"SELECT * {{ SERVICE <{decoy}> {{ ?s ?p ?o }} }}")),
        ("from-loopback", get(f"SELECT * FROM <{decoy}> {{ ?s ?p ?o }}")),
        (
            "lateral-service",
            get(f"SELECT * {{ ?s ?p ?o LATERAL {{ SERVICE <{decoy}> {{ ?x ?y ?z }} }} }}"),
        ),
        ("load", post("application/sparql-update", f"LOAD <{decoy}>".encode())),
        ("content-length-abc", post("application/sparql-query", b"SELECT", "abc")),
        ("non-utf8-body", post("application/sparql-query", b"\xff\xfe\xfd")),
        ("oversized-body", post("application/sparql-query", b"#" * 2_000_000)),
    ]


@dataclass
class Attacks:
    """The attackers' answers by request name and status, and those that are errors."""

    errors: list[str] = field(default_factory=list)
    statuses: dict[str, dict[str, int]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


def cq_requests(queries: list[tuple[str, str]]) -> list[Request]:
    """Each question as a GET of ``/sparql`` asking for SPARQL JSON."""
    headers = {"Accept": "application/sparql-results+json"}
    return [
        Request(
            "cq",
            name,
            "/sparql?" + urllib.parse.urlencode({"query": text}),
            headers,
            visit=False,
        )
        for name, text in queries
    ]


def _attacker(port: int, requests: list[tuple[str, bytes]], stop: float, tally: Attacks) -> None:
    n = 0
    while time.monotonic() < stop:
        name, raw = requests[n % len(requests)]
        n += 1
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
                sock.sendall(raw)
                head = sock.recv(64)
            match = re.match(rb"HTTP/1\.[01] (\d{3})", head)
            status = match.group(1).decode() if match else "no-answer"
        except OSError as exc:
            status = type(exc).__name__
        with tally.lock:
            tally.statuses.setdefault(name, {}).setdefault(status, 0)
            tally.statuses[name][status] += 1
            if status == "200" or not status.isdigit():
                tally.errors.append(f"attack {name}: {status}")


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of the processes (those still alive)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / TICK


def idle_cpu(server_pid: int, window: float = 1.0) -> float:
    """CPU seconds the server's process tree used over ``window`` seconds."""
    pids = process_tree(server_pid)
    before = cpu_seconds(pids)
    time.sleep(window)
    return cpu_seconds(pids) - before


def run_load(
    port: int,
    server_pid: int,
    *,
    seconds: float,
    clients: int = 20,
    attackers: int = 2,
    queries: list[tuple[str, str]] | None = None,
) -> dict:
    """Run clients and attackers for ``seconds``, then measure the idle CPU; return figures."""
    queries = queries or competency_questions()
    with socket.socket() as decoy_sock:
        decoy_sock.bind(("127.0.0.1", 0))  # a port that nobody serves: a reach-out would fail
        decoy_port = decoy_sock.getsockname()[1]
    requests = hostile_requests(port, decoy_port)
    attack_tally, timings = Attacks(), Tally()
    asked = cq_requests(queries)
    stop = time.monotonic() + seconds
    attack = [
        threading.Thread(
            target=_attacker, args=(port, requests[n:] + requests[:n], stop, attack_tally)
        )
        for n in range(attackers)
    ]
    for t in attack:
        t.start()
    elapsed = run_clients(port, clients, seconds, lambda n, rng: rng.choice(asked), timings)
    for t in attack:
        t.join()
    time.sleep(0.5)  # the last killed worker is replaced
    idle = idle_cpu(server_pid)
    figures = timings.figures(elapsed)
    return {
        "clients": clients,
        "attackers": attackers,
        "seconds": round(elapsed, 1),
        **{k: figures[k] for k in ("requests", "throughput_rps", "p50_ms", "p99_ms")},
        **{k: figures[k] for k in ("max_ms", "mean_ms")},
        "client_errors": figures["errors"],
        "client_error_samples": figures["error_examples"],
        "attack_answers": attack_tally.statuses,
        "attack_errors": sorted(set(attack_tally.errors))[:10],
        "idle_cpu_seconds_per_second": round(idle, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, help="a built store (default: build data/ afresh)")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--attackers", type=int, default=2)
    parser.add_argument("--output", type=Path, default=RESULTS / "serve-load.json")
    parser.add_argument("serve_args", nargs="*", help="extra kg serve options, after --")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store
        if store is None:
            store = Path(tmp) / "store"
            kg = Path(sys.executable).with_name("kg")
            subprocess.run([str(kg), "build", "--store", str(store)], check=True)
        proc, port = start_server(store, "--timeout", "5", *args.serve_args)
        try:
            figures = run_load(
                port, proc.pid, seconds=args.seconds, clients=args.clients, attackers=args.attackers
            )
        finally:
            proc.terminate()
            proc.wait(30)
    write_results(
        args.output,
        figures,
        "serve_load.py",
        store="given" if args.store else "built from data/",
        serve_args=["--timeout", "5", *args.serve_args],
    )


if __name__ == "__main__":
    main()
