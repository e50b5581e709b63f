"""A short run of the load-under-attack benchmark (bench/serve_load.py) against ``kg serve``.

20 clients ask the competency questions for a few seconds while two attackers send heavy and
hostile requests. Asserted: no client sees an error, no attack gets a 200 or a dropped
connection, and the server's processes fall back to idle once the attack stops. Latencies are
measured by the 60 s benchmark (bench/README.md), not asserted here.
"""

from __future__ import annotations

from types import ModuleType

from loadscript import load_script


def _bench() -> ModuleType:
    return load_script("bench/serve_load.py")


def test_clients_unharmed_by_an_attacker(seed_built) -> None:
    bench = _bench()
    _, store = seed_built.copy()  # full and public store, as kg build makes them
    # The two attackers can hold both default long-query slots; a third keeps a client's
    # question that a busy machine slows past --slow-after running (reniced) instead of
    # stopping it, so the test measures the endpoint, not the machine's other load.
    proc, port = bench.start_server(store, "--timeout", "2", "--max-slow", "3")
    try:
        figures = bench.run_load(port, proc.pid, seconds=4, clients=20, attackers=2)
    finally:
        proc.terminate()
        proc.wait(30)
    assert figures["requests"] > 0
    assert figures["client_errors"] == 0, figures["client_error_samples"]
    assert figures["attack_errors"] == [], figures["attack_answers"]
    refused = {name: set(answers) for name, answers in figures["attack_answers"].items()}
    assert refused.get("service-loopback") == {"403"}
    assert refused.get("lateral-service") == {"400"}
    assert figures["idle_cpu_seconds_per_second"] < 0.1


def _load(name: str) -> ModuleType:
    return load_script(f"bench/{name}.py")


def test_questions_and_pages_together(seed_built) -> None:
    """A short run of bench/web_load.py on the seed store: every kind of request is timed
    and none fails (latencies are the 60 s run's business)."""
    _bench()
    web = _load("web_load")
    _, store = seed_built.copy()
    proc, port = web.start_server(store)
    try:
        urls = web.page_urls(port)
        figures = web.run_web(port, urls, seconds=4, clients=8)
    finally:
        proc.terminate()
        proc.wait(30)
    assert figures["errors"] == 0, figures["error_examples"]
    kinds = figures["by_kind"]
    assert {"cq_first", "cq_repeat", "page_first", "ttl", "303", "index"} <= set(kinds)
    assert kinds["cq"]["requests"] == kinds["cq_first"]["requests"] + kinds["cq_repeat"]["requests"]
    assert kinds["cq_first"]["requests"] <= len(web.competency_questions())
    assert figures["first_visit"]["requests"] <= len(urls)
    pages = {u for u in urls if u.startswith("/page/")}
    assert 0 < kinds["page_first"]["requests"] <= len(pages)
