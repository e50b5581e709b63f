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
import http.client
import json
import os
import platform
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
TICK = os.sysconf("SC_CLK_TCK")


def competency_questions(queries_dir: Path = ROOT / "queries") -> list[tuple[str, str]]:
    """(name, text) of every competency question."""
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(queries_dir.glob("cq*.rq"))]


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
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    statuses: dict[str, dict[str, int]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _client(
    port: int, queries: list[tuple[str, str]], stop: float, tally: Tally, seed: int
) -> None:
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Accept": "application/sparql-results+json"}
    paths = [(n, "/sparql?" + urllib.parse.urlencode({"query": q})) for n, q in queries]
    while time.monotonic() < stop:
        name, path = rng.choice(paths)
        start = time.perf_counter()
        try:
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException) as exc:
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            with tally.lock:
                tally.errors.append(f"{name}: {type(exc).__name__}")
            continue
        elapsed = time.perf_counter() - start
        with tally.lock:
            tally.latencies.append(elapsed)
            if status != 200:
                tally.errors.append(f"{name}: HTTP {status}")


def _attacker(port: int, requests: list[tuple[str, bytes]], stop: float, tally: Tally) -> None:
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


def process_tree(pid: int) -> list[int]:
    """``pid`` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    tree, todo = [], [pid]
    while todo:
        p = todo.pop()
        tree.append(p)
        todo += children.get(p, [])
    return tree


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
    clients_tally, attack_tally = Tally(), Tally()
    stop = time.monotonic() + seconds
    threads = [
        threading.Thread(target=_client, args=(port, queries, stop, clients_tally, n))
        for n in range(clients)
    ] + [
        threading.Thread(
            target=_attacker, args=(port, requests[n:] + requests[:n], stop, attack_tally)
        )
        for n in range(attackers)
    ]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    time.sleep(0.5)  # the last killed worker is replaced
    idle = idle_cpu(server_pid)
    lat = sorted(clients_tally.latencies)

    def pct(p: float) -> float | None:
        return round(lat[min(len(lat) - 1, int(p * len(lat)))] * 1000, 1) if lat else None

    return {
        "clients": clients,
        "attackers": attackers,
        "seconds": round(elapsed, 1),
        "requests": len(lat),
        "throughput_rps": round(len(lat) / elapsed, 1),
        "p50_ms": pct(0.50),
        "p99_ms": pct(0.99),
        "max_ms": round(lat[-1] * 1000, 1) if lat else None,
        "mean_ms": round(statistics.fmean(lat) * 1000, 1) if lat else None,
        "client_errors": len(clients_tally.errors),
        "client_error_samples": sorted(set(clients_tally.errors))[:10],
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
    figures["command"] = " ".join([".venv/bin/python bench/serve_load.py", *sys.argv[1:]])
    figures["store"] = "given" if args.store else "built from data/"
    figures["serve_args"] = ["--timeout", "5", *args.serve_args]
    figures["machine"] = {"cpus": os.cpu_count(), "python": platform.python_version()}
    figures["load_average_1min_after"] = round(os.getloadavg()[0], 2)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(figures, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
