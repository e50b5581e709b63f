"""Competency questions at scale: every ``queries/cq*.rq`` bound and corpus-wide, beside Virtuoso.

    .venv/bin/python bench/bench_queries.py --appeals 1000        # -> results/queries-1000.json
    .venv/bin/python bench/bench_queries.py --store .kg --no-virtuoso   # a store already built

On a synthetic corpus from ``bench/generate.py`` (built with ``kg build``'s library call), or on
a built store, every competency question runs on the public store (the dataset ``kg serve``
answers from and ``kg push`` sends):

- corpus-wide: its parameters unbound;
- bound: its parameter set to one value found in its corpus-wide rows (``?defender``: of
  those, the one named in the most appeals, whose questions meet the most data; ``?fact``: the
  first), so that the bound form has rows too; when the corpus-wide form gives none (or times
  out), the defender named in the most appeals and an event targeting him;
- a further parameter bound alone (``bound_<name>``; CQ11's ``?appeal``, CQ4's and CQ9's
  ``?case``, a page of the corpus-wide answer): the first value of the corpus-wide rows, else
  the appeal stating that event;
- a page of the bound form (``bound_page``; CQ2's and CQ10's ``?defender`` with ``?appeal``,
  CQ4's and CQ9's with ``?case``, CQ6's with ``?organisation``): the bound value with the
  ``?appeal``, ``?case`` or ``?organisation`` of the most rows of the bound answer, its largest
  page;

each ``--repeats`` times in a child process killed at ``--query-timeout``, with p50/p99 and the
row count, and for the embedded store the child's CPU time (p50), which moves less than the wall
time with the machine's load. ``--breakdown cq02 cq11`` splits those questions' corpus-wide time
into Oxigraph's evaluation, Oxigraph's CSV writer, the rows only counted, a floor (as many cells
from one triple pattern), ``run_query`` and the CSV text ``kg query --format csv`` prints
(``--breakdown-oxigraph-only``: the first four); ``--breakdown-bound cq02`` splits the bound
form's time so, the value bound as the bound run bound it. With ``virtuoso-t`` installed
(``scripts/virtuoso.sh install``), the public store is pushed into a fresh Virtuoso on loopback
with ``kg push``'s code (or, with ``--virtuoso-load bulk``, its N-Quads loaded by Virtuoso's
bulk loader, timed) and the same questions run there through ``kg query --endpoint``'s code
(``--no-embedded``: only there). For Virtuoso the server process's CPU time per run is recorded
too (``server_cpu_p50_ms``, from /proc, in 10 ms ticks), to set beside the embedded child's CPU
time when the load moves. ``--http`` also times every question as a client of ``kg serve`` asks
it: ``GET /query/<name>?param=value`` with ``Accept: text/csv``, bound as the embedded run bound
it, over the same public store (answer cache off). The load average before and after is
recorded: on a machine shared with other work, times are slower than the code is.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import multiprocessing
import os
import platform
import queue
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from generate import generate  # noqa: E402
from rdflib import URIRef  # noqa: E402

from kg.query import QueryResult, list_queries, run_query, write_query  # noqa: E402
from kg.store import Store, public_store_path  # noqa: E402
from kg.store.build import build  # noqa: E402

PREFIXES = """
PREFIX akg: <https://w3id.org/appeals-kg/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX role: <https://w3id.org/appeals-kg/vocab/role/>
"""
# Defenders by the number of appeals that name them, and a fact about a defender.
DEFENDER_APPEALS = (
    PREFIXES
    + """
SELECT ?defender (COUNT(DISTINCT ?appeal) AS ?appeals) WHERE {
  ?involvement akg:agent ?defender ; akg:role role:defender ;
      akg:reportedIn|akg:evidence/oa:hasSource ?appeal .
} GROUP BY ?defender
"""
)
FACT_OF_DEFENDER = (
    PREFIXES
    + """
SELECT ?fact ?defender WHERE {
  ?fact akg:participation ?part ; akg:evidence ?span .
  ?part akg:role role:target ; akg:participant ?defender .
} ORDER BY STR(?fact) LIMIT 1
"""
)
# The appeal that states that fact (CQ11's ?appeal, when its corpus-wide form gives no rows).
APPEAL_OF_FACT = (
    PREFIXES
    + """
SELECT ?appeal ?fact WHERE { ?fact akg:evidence/oa:hasSource ?appeal } ORDER BY STR(?appeal) LIMIT 1
"""
)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[k]


class BoundValues:
    """Chooses the value a question's parameter is bound to (see the module docstring)."""

    def __init__(self, store: Store) -> None:
        _, rows = store.query(DEFENDER_APPEALS)
        self.appeals = {str(d): int(n) for d, n in rows}
        self.fallback: dict[str, str] = {}
        if self.appeals:
            busiest = min(self.appeals, key=lambda d: (-self.appeals[d], d))
            self.fallback["defender"] = busiest
            _, rows = store.query(FACT_OF_DEFENDER, {"defender": URIRef(busiest)})
            if rows:
                self.fallback["fact"] = str(rows[0][0])
                _, rows = store.query(APPEAL_OF_FACT, {"fact": rows[0][0]})
                if rows:
                    self.fallback["appeal"] = str(rows[0][0])

    def choose(self, name: str, seen: list[str]) -> str | None:
        if seen:
            return (
                max(seen, key=lambda v: (self.appeals.get(v, 0), v))
                if name == "defender"
                else seen[0]
            )
        return self.fallback.get(name)


def _query_child(
    target: str,
    name: str,
    params: dict[str, str],
    repeats: int,
    want: list[str],
    out: Any,
    as_csv: bool = False,
    server_pid: int | None = None,
) -> None:
    from kg.publish.remote import run_remote_query

    times, cpu, rows, seen, most = [], [], 0, {}, {}
    server_cpu: list[float] = []
    store = None if target.startswith("http") else Store.open(target)
    for _ in range(repeats):
        server_started = _process_cpu(server_pid) if server_pid else None
        started, cpu_started = time.perf_counter(), _cpu()
        if store is None:
            result = run_remote_query(target, name, params)
        elif as_csv:  # what `kg query --format csv` does, its text written to a sink
            sink = _RowSink()
            result = write_query(store, name, params, "csv", sink)
        else:
            result = run_query(store, name, params)
        times.append(time.perf_counter() - started)
        cpu.append(_cpu() - cpu_started)
        if server_started is not None:
            server_ended = _process_cpu(server_pid)
            if server_ended is not None:
                server_cpu.append(server_ended - server_started)
        if result is None:
            rows = sink.rows - 1  # the header
        else:
            rows = len(result.rows) if isinstance(result, QueryResult) else int(bool(result))
        # each run as it ends, so that a run stopped at its timeout keeps the runs before it
        out.put(("run", times[-1], cpu[-1], server_cpu[-1] if server_cpu else None, rows))
    if result is None and want:  # the values to bind, outside the timed runs
        result = run_query(store, name, params)
    if isinstance(result, QueryResult):
        for var in want:
            if var in result.variables:
                k = result.variables.index(var)
                # counted in one pass: max(..., key=values.count) counted the whole column once
                # per distinct value, quadratic in the rows (CQ11's 617,000 rows at 10,000
                # appeals, some 300,000 facts: the child ran for minutes after its timed runs)
                counts = Counter(str(r[k]) for r in result.rows if r[k] is not None)
                seen[var] = list(counts)
                if counts:  # the value of the most rows (the first of those, on a tie)
                    most[var] = max(counts, key=counts.__getitem__)
    out.put(("done", seen, most))


AS_CSV = False  # --as-csv: the embedded store's questions timed as `kg query --format csv`


class _RowSink:
    """Where write_query's CSV goes: counted (the csv module writes one string a row), not kept."""

    def __init__(self) -> None:
        self.rows = 0

    def write(self, text: str) -> int:
        self.rows += 1
        return len(text)


SERVER_PID: int | None = None  # the Virtuoso server whose CPU time a remote question costs


def _process_cpu(pid: int) -> float | None:
    """CPU seconds (user and system, every thread) another process has used so far, from
    /proc: what a question costs the server, which its client's wall time mixes with the
    machine's load. In clock ticks (10 ms here), so only the larger questions tell."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _cpu() -> float:
    """CPU seconds of this process so far (user and system)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(
    target: str,
    name: str,
    params: dict[str, str],
    repeats: int,
    timeout: float,
    want: list[str] | None = None,
) -> dict:
    """One question ``repeats`` times in a child process: p50/p99 in ms and its row count (and,
    under ``"seen"``, the values of the variables ``want`` names in its rows, and under
    ``"most"`` the value of each in the most rows)."""
    # Spawned, not forked: a fork copies the parent's open store without RocksDB's background
    # threads, and children forked so died now and then with SIGSEGV (exit code -11).
    ctx = multiprocessing.get_context("spawn")
    remote_pid = SERVER_PID if target.startswith("http") else None
    out = ctx.Queue()
    proc = ctx.Process(
        target=_query_child,
        args=(target, name, params, repeats, want or [], out, AS_CSV, remote_pid),
    )
    proc.start()
    return collect_runs(out, proc, repeats, timeout, remote=remote_pid is not None)


def collect_runs(
    out: Any, proc: Any, repeats: int, timeout: float, *, remote: bool = False
) -> dict[str, Any]:
    """The figures of a question's runs as the child process ``proc`` sends them on ``out``
    (``("run", wall, cpu, server_cpu, rows)`` per run, then ``("done", seen, most)``)."""
    # Read before joining: a child cannot exit while its answer is still in the pipe. The
    # timeout is for all the runs together, or with TIMEOUT_PER_RUN for each run (and for the
    # values read after them); a stopped run keeps the runs that ended before it.
    times: list[float] = []
    cpu: list[float] = []
    rows, seen, most, stopped = 0, {}, {}, False
    deadline = time.monotonic() + timeout
    while True:
        if TIMEOUT_PER_RUN:
            deadline = time.monotonic() + timeout
        try:
            said = out.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            alive = proc.is_alive()
            proc.kill()
            proc.join()
            if not alive:
                return {"error": f"exit code {proc.exitcode}"}
            if len(times) < repeats:
                stopped = True
            if not times:
                return {"timed_out": True, "timeout_seconds": timeout, **_per_run()}
            break
        if said[0] == "done":
            seen, most = said[1], said[2]
            proc.join()
            break
        times.append(said[1])
        # a remote engine's work is done in its server: the client's CPU says nothing of it
        if (c := said[2] if not remote else said[3]) is not None:
            cpu.append(c)
        rows = said[4]
    figures = {
        "p50_ms": round(statistics.median(times) * 1000, 2),
        "p99_ms": round(percentile(times, 0.99) * 1000, 2),
        "runs": len(times),
        "rows": rows,
        "seen": seen,
        "most": most,
    }
    if stopped:  # the next run passed its timeout
        figures.update(stopped_run=True, timeout_seconds=timeout, **_per_run())
    if cpu:
        key = "server_cpu_p50_ms" if remote else "cpu_p50_ms"
        figures[key] = round(statistics.median(cpu) * 1000, 2)
    return figures


TIMEOUT_PER_RUN = False  # --timeout-per-run: --query-timeout is each run's, not all runs'


def _per_run() -> dict[str, bool]:
    return {"timeout_per_run": True} if TIMEOUT_PER_RUN else {}


def questions(
    target: str,
    values: BoundValues,
    args: argparse.Namespace,
    out: dict[str, Any] | None = None,
    measured: Any = None,
) -> dict[str, Any]:
    """Every competency question, corpus-wide and (when it takes a parameter) bound, into
    ``out``; ``measured()`` is called after each question (the run saves what it has, so that
    a run stopped midway keeps the questions it measured)."""
    out = {} if out is None else out
    for qf in [q for q in list_queries() if q.name.startswith("cq")]:
        if args.only and not any(qf.name.startswith(o) for o in args.only):
            continue
        names = [p.name for p in qf.params]
        wide = measure(target, qf.name, {}, args.repeats, args.query_timeout, names)
        seen = wide.pop("seen", {})
        wide.pop("most", None)
        entry: dict[str, Any] = {"corpus_wide": wide}
        # the first parameter is the question's bound form ("bound"); each further one is
        # bound alone ("bound_<name>": CQ11's ?appeal, a page of its corpus-wide answer)
        pages = (
            [n for n in names[1:] if n in ("appeal", "case", "organisation")]
            if names[:1] == ["defender"]
            else []
        )
        for i, n in enumerate(names):
            if (v := values.choose(n, seen.get(n, []))) is None:
                continue
            form = "bound" if i == 0 else f"bound_{n}"
            entry[form] = measure(
                target, qf.name, {n: v}, args.repeats, args.query_timeout, pages if i == 0 else []
            )
            entry[form].pop("seen", None)
            most = entry[form].pop("most", {})
            entry[form]["params"] = {n: v}
            # a page of the bound answer ("bound_page": CQ2's and CQ10's defender with one
            # appeal, CQ4's and CQ9's with one case), the one of the most rows of that answer:
            # its largest page
            if i == 0 and pages and pages[0] in most:
                page = {n: v, pages[0]: most[pages[0]]}
                entry["bound_page"] = measure(
                    target, qf.name, page, args.repeats, args.query_timeout
                )
                entry["bound_page"].pop("seen", None)
                entry["bound_page"].pop("most", None)
                entry["bound_page"]["params"] = page
        out[qf.name] = entry
        if measured is not None:
            measured()
        print(f"  {qf.name}: {entry}", file=sys.stderr)
    return out


def http_questions(public: Path, embedded: dict[str, Any], args: argparse.Namespace) -> dict:
    """Every question measured through HTTP, as a client of ``kg serve`` asks it:
    ``GET /query/<name>?param=value`` with ``Accept: text/csv`` (the parameters bound as the
    embedded run bound them), answered by the server's query runner over the same public store,
    ``--repeats`` times each; the answer cache is off, so every run is evaluated."""
    from kg.web import BackgroundServer, DatasetSource, Limits

    limits = Limits(
        timeout=args.query_timeout,
        workers=1,
        max_slow=1,
        max_result_bytes=2**30,
        slow_after=args.query_timeout,
        answer_cache=0,
    )
    out: dict[str, Any] = {}
    with BackgroundServer(DatasetSource(path=str(public)), limits) as server:
        base = server.url.rsplit("/", 1)[0]
        for name, entry in embedded.items():
            forms = {"corpus_wide": {}}
            for form, figures in entry.items():
                if form.startswith("bound"):
                    forms[form] = figures.get("params", {})
            out[name] = {}
            for form, params in forms.items():
                query = urllib.parse.urlencode(params)
                url = f"{base}/query/{name}" + (f"?{query}" if query else "")
                request = urllib.request.Request(url, headers={"Accept": "text/csv"})
                times, rows, failed = [], 0, None
                for _ in range(args.repeats):
                    started = time.perf_counter()
                    try:
                        with urllib.request.urlopen(request, timeout=args.query_timeout + 30) as r:
                            body = r.read()
                    except urllib.error.HTTPError as exc:
                        failed = f"HTTP {exc.code}: {exc.read().decode('utf-8', 'replace')[:200]}"
                        break
                    times.append(time.perf_counter() - started)
                    text = io.StringIO(body.decode("utf-8"), newline="")
                    rows = sum(1 for _ in csv.reader(text)) - 1  # after the header
                if failed:
                    out[name][form] = {"error": failed.strip()}
                else:
                    out[name][form] = {
                        "p50_ms": round(statistics.median(times) * 1000, 2),
                        "p99_ms": round(percentile(times, 0.99) * 1000, 2),
                        "runs": len(times),
                        "rows": rows,
                    }
            print(f"  http {name}: {out[name]}", file=sys.stderr)
    return out


def _breakdown_child(
    target: str,
    name: str,
    repeats: int,
    out: Any,
    oxigraph_only: bool = False,
    params: dict[str, str] | None = None,
) -> None:
    import pyoxigraph as ox

    from kg.query import bind_params, find_query, format_result, with_values

    store = Store.open(target)
    qf = find_query(name)
    params = params or {}
    text = qf.text
    if params:  # the text run_query evaluates: the parameters as a VALUES clause
        bound = with_values(qf.text, bind_params(qf, params, store))
        assert bound is not None, (name, params)
        text = bound

    def engine() -> int:  # Oxigraph's evaluation, every term read from the store
        res = store.oxigraph.query(text, use_default_graph_as_union=True)
        return sum(1 for _ in res)

    def serialised() -> int:  # Oxigraph's own CSV writer: no Python term made
        res = store.oxigraph.query(text, use_default_graph_as_union=True)
        return len(res.serialize(format=ox.QueryResultsFormat.CSV) or b"")

    def library() -> int:  # run_query: rows of rdflib terms
        result = run_query(store, name, params)
        return len(result.rows) if isinstance(result, QueryResult) else 0

    def cli_csv() -> int:  # what `kg query NAME --format csv` computes before printing
        result = run_query(store, name, params)
        return len(format_result(result, "csv")) if isinstance(result, QueryResult) else 0

    # the same rows counted: the joins, filters and DISTINCT without reading a term of the answer
    start = re.search(r"^SELECT\b", text, re.MULTILINE)
    assert start is not None, name
    prologue, select = text[: start.start()], text[start.start() :]
    counted_text = prologue + "SELECT (COUNT(*) AS ?rows) WHERE { " + select + "\n}"
    first = store.oxigraph.query(text, use_default_graph_as_union=True)
    columns = len(first.variables)
    rows = sum(1 for _ in first)
    # the floor: as many cells as the answer has, from one triple pattern (rows of three terms,
    # every stored term kind among them), written by the same CSV writer: what reading and
    # writing that many terms costs with no join at all
    floor_text = f"SELECT ?s ?p ?o WHERE {{ ?s ?p ?o }} LIMIT {max(1, rows * columns // 3)}"

    def counted() -> int:
        res = store.oxigraph.query(counted_text, use_default_graph_as_union=True)
        return sum(1 for _ in res)

    def floor() -> int:
        res = store.oxigraph.query(floor_text, use_default_graph_as_union=True)
        return len(res.serialize(format=ox.QueryResultsFormat.CSV) or b"")

    figures: dict[str, Any] = {"rows": rows, "columns": columns, "floor_query": floor_text}
    if params:
        figures["params"] = params
    steps = [
        ("engine", engine),
        ("oxigraph_csv", serialised),
        ("counted", counted),
        ("floor_same_cells_one_pattern", floor),
        ("run_query", library),
        ("run_query_csv", cli_csv),
    ]
    for label, step in steps[:4] if oxigraph_only else steps:
        wall, cpu = [], []
        for _ in range(repeats):
            started, cpu_started = time.perf_counter(), _cpu()
            step()
            wall.append(time.perf_counter() - started)
            cpu.append(_cpu() - cpu_started)
        figures[label] = {
            "p50_ms": round(statistics.median(wall) * 1000, 1),
            "cpu_p50_ms": round(statistics.median(cpu) * 1000, 1),
        }
    out.put(figures)


def breakdown(
    target: str,
    names: list[str],
    args: argparse.Namespace,
    bound: dict[str, dict[str, str]] | None = None,
) -> dict[str, Any]:
    """Where a corpus-wide answer's time goes: Oxigraph's evaluation with its rows read,
    Oxigraph's CSV writer, the same rows only counted (no term of the answer read), the floor
    (as many cells from one triple pattern, written by Oxigraph's CSV writer), ``run_query``
    (rdflib terms) and ``run_query`` plus the CSV text ``kg query --format csv`` prints; wall
    and CPU time, p50 of ``--repeats``. With ``bound`` (question name to parameters), the same
    split of the bound form; a question with no parameters there is left out."""
    out: dict[str, Any] = {}
    ctx = multiprocessing.get_context("spawn")  # as in measure()
    for qf in [q for q in list_queries() if q.name.startswith("cq")]:
        if not any(qf.name.startswith(n) for n in names):
            continue
        params = None if bound is None else bound.get(qf.name)
        if bound is not None and not params:
            continue
        answer = ctx.Queue()
        proc = ctx.Process(
            target=_breakdown_child,
            args=(target, qf.name, args.repeats, answer, args.breakdown_oxigraph_only, params),
        )
        proc.start()
        try:
            out[qf.name] = answer.get(timeout=args.query_timeout * 4)
        except queue.Empty:
            proc.kill()
            out[qf.name] = {"timed_out": True}
        proc.join()
        print(f"  breakdown {qf.name}: {out[qf.name]}", file=sys.stderr)
    return out


def _bound_params(figures: dict[str, Any], values: BoundValues) -> dict[str, dict[str, str]]:
    """Each question's bound parameters: those its bound run used, else its first parameter
    chosen as that run would choose it with no corpus-wide rows."""
    out: dict[str, dict[str, str]] = {}
    for qf in [q for q in list_queries() if q.name.startswith("cq") and q.params]:
        used = figures.get("questions", {}).get(qf.name, {}).get("bound", {}).get("params")
        if used:
            out[qf.name] = used
        elif (v := values.choose(qf.params[0].name, [])) is not None:
            out[qf.name] = {qf.params[0].name: v}
    return out


def _commit() -> str | None:
    """The commit of the questions and code measured (None outside a git checkout)."""
    run = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    )
    return run.stdout.strip() or None if run.returncode == 0 else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _PushBudget(Exception):
    """The push into Virtuoso ran past ``--push-budget``."""


def dump_nquads(public: Path, path: Path) -> dict[str, Any]:
    """The public store's N-Quads written to ``path`` by Oxigraph: the file both bulk loaders
    read. Wall and CPU time of this process, and the file's size."""
    import pyoxigraph as ox

    t0, cpu = time.perf_counter(), _cpu()
    ox.Store.read_only(str(public)).dump(output=str(path), format=ox.RdfFormat.N_QUADS)
    return {
        "dump_seconds": round(time.perf_counter() - t0, 3),
        "dump_cpu_seconds": round(_cpu() - cpu, 3),
        "nquads_bytes": path.stat().st_size,
    }


def _children_cpu() -> float:
    """CPU seconds (user and system) of this process's children that have ended."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def load_nquads_virtuoso(nquads: Path, sql_port: str, server_pid: int | None) -> dict[str, Any]:
    """Virtuoso's own bulk loader (``ld_dir`` and ``rdf_loader_run``, then a checkpoint) on an
    N-Quads file in a folder the server may read (``DirsAllowed``). Besides the wall time, the
    CPU time the server process spent in it (user and system over all its threads, from /proc
    before and after, the checkpoint included) and that of the ``isql`` client, which only
    sends the commands: the load's work is the server's."""

    def quads() -> int | None:  # every quad in the database, its own system graphs included
        said = subprocess.run(
            ["isql-vt", f"127.0.0.1:{sql_port}", "dba", "dba"],
            input="SPARQL SELECT COUNT(*) WHERE { GRAPH ?g { ?s ?p ?o } };\n",
            capture_output=True, text=True, check=False,
        ).stdout  # fmt: skip
        numbers = [int(w) for line in said.splitlines() for w in line.split() if w.isdigit()]
        return max(numbers) if numbers else None

    before = quads()
    script = (
        f"ld_dir('{nquads.parent}', '{nquads.name}', 'urn:x-default');\n"
        "rdf_loader_run();\ncheckpoint;\n"
        "SELECT COUNT(*) FROM DB.DBA.LOAD_LIST WHERE ll_state = 2 AND ll_error IS NULL;\n"
    )
    load_before = os.getloadavg()
    server_before = _process_cpu(server_pid) if server_pid else None
    t0, client_before = time.perf_counter(), _children_cpu()
    run = subprocess.run(
        ["isql-vt", f"127.0.0.1:{sql_port}", "dba", "dba"],
        input=script, capture_output=True, text=True, check=False,
    )  # fmt: skip
    seconds = time.perf_counter() - t0
    client = _children_cpu() - client_before
    server_after = _process_cpu(server_pid) if server_pid else None
    if run.returncode != 0 or "Error" in run.stdout + run.stderr:
        raise RuntimeError(f"Virtuoso's bulk load failed: {(run.stdout + run.stderr)[-800:]}")
    after = quads()
    server = (
        round(server_after - server_before, 2)
        if server_before is not None and server_after is not None
        else None
    )
    return {
        "load": "bulk (ld_dir, rdf_loader_run, checkpoint)",
        "bulk_load_seconds": round(seconds, 3),
        "server_cpu_seconds": server,
        "client_cpu_seconds": round(client, 3),
        "load_average": [round(load_before[0], 2), round(os.getloadavg()[0], 2)],
        "quads_loaded": after - before if after is not None and before is not None else None,
    }


def bulk_load_virtuoso(
    public: Path,
    folder: Path,
    sql_port: str,
    server_pid: int | None = None,
    nquads: Path | None = None,
) -> dict[str, Any]:
    """The public store's N-Quads, dumped by Oxigraph into the database's folder (timed apart),
    through Virtuoso's bulk loader (``load_nquads_virtuoso``): the baseline the issue's
    "Virtuoso load" column names, beside ``kg push``. With ``nquads``, a dump of the same
    store made before is linked into the folder instead (a 10,000-appeal dump takes minutes)."""
    dump = folder / "public.nq"
    if nquads is None:
        dumped = dump_nquads(public, dump)
    else:
        try:
            os.link(nquads, dump)  # the server may read only its own folder (DirsAllowed)
        except OSError:
            shutil.copyfile(nquads, dump)
        dumped = {"nquads_given": str(nquads), "nquads_bytes": dump.stat().st_size}
    try:
        loaded = load_nquads_virtuoso(dump, sql_port, server_pid)
    finally:
        dump.unlink(missing_ok=True)
    return {**loaded, **dumped}


def virtuoso(public: Path, values: BoundValues, args: argparse.Namespace, work: Path) -> dict:
    """Push the public store into a fresh Virtuoso on loopback, then the same questions there."""
    if shutil.which("virtuoso-t") is None:
        return {"skipped": "virtuoso-t not installed (scripts/virtuoso.sh install)"}
    from kg.publish.push import Remote, push_store

    env = dict(
        os.environ,
        VIRTUOSO_DIR=str(work / "virtuoso"),
        VIRTUOSO_HTTP_PORT=str(_free_port()),
        VIRTUOSO_SQL_PORT=str(_free_port()),
    )
    script = str(ROOT / "scripts" / "virtuoso.sh")
    started = subprocess.run(["bash", script, "start"], env=env, capture_output=True, text=True)
    if started.returncode != 0:
        return {"skipped": f"could not start: {started.stderr.strip()[-300:]}"}
    endpoint = started.stdout.strip().splitlines()[-1]
    global SERVER_PID
    pid_file = Path(env["VIRTUOSO_DIR"]) / "pid"
    SERVER_PID = int(pid_file.read_text().strip()) if pid_file.is_file() else None
    try:
        if args.virtuoso_load == "bulk":
            folder, port = Path(env["VIRTUOSO_DIR"]), env["VIRTUOSO_SQL_PORT"]
            loaded = bulk_load_virtuoso(public, folder, port, SERVER_PID, args.virtuoso_nquads)
            loaded["questions"] = questions(endpoint, values, args)
            return loaded
        t0 = time.perf_counter()
        pushed = {"graphs": 0, "of": 0}

        def progress(i: int, total: int, name: str, action: str) -> None:
            pushed.update(graphs=i, of=total)
            if args.push_budget and time.perf_counter() - t0 > args.push_budget:
                raise _PushBudget

        try:
            result = push_store(
                Store.open(public), Remote(endpoint, endpoint + "-graph-crud"), progress=progress
            )
        except _PushBudget:
            return {
                "push_stopped_after_seconds": round(time.perf_counter() - t0, 1),
                "push_budget_seconds": args.push_budget,
                "graphs_pushed": pushed["graphs"],
                "graphs_to_push": pushed["of"],
                "questions": "not run: the push did not finish within --push-budget",
            }
        load = time.perf_counter() - t0
        return {
            "push_seconds": round(load, 3),
            "graphs": len(result.pushed),
            "questions": questions(endpoint, values, args),
        }
    finally:
        SERVER_PID = None
        subprocess.run(["bash", script, "stop"], env=env, capture_output=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--appeals", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--store", type=Path, help="a built store: measure it, build nothing")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--query-timeout", type=float, default=60.0)
    parser.add_argument("--only", nargs="*", help="only the questions whose name starts so")
    parser.add_argument("--no-virtuoso", action="store_true")
    parser.add_argument(
        "--breakdown",
        nargs="*",
        default=[],
        metavar="NAME",
        help="questions whose corpus-wide time is split into evaluation, serialisation and "
        "conversion (e.g. cq02 cq11)",
    )
    parser.add_argument(
        "--breakdown-bound",
        nargs="*",
        default=[],
        metavar="NAME",
        help="questions whose bound form (the value the bound run used, else the defender "
        "named in the most appeals) is split as --breakdown splits a corpus-wide one",
    )
    parser.add_argument(
        "--corpus",
        default=None,
        help="what the store was built from, recorded as given (e.g. 'generate.py 10000 --seed 1')",
    )
    parser.add_argument(
        "--breakdown-oxigraph-only",
        action="store_true",
        help="--breakdown without the run_query steps (rdflib terms), which take minutes on an "
        "answer of tens of thousands of rows",
    )
    parser.add_argument(
        "--push-budget",
        type=float,
        default=0,
        help="stop the push into Virtuoso after this many seconds (0: no limit) and record it",
    )
    parser.add_argument(
        "--virtuoso-load",
        choices=("push", "bulk"),
        default="push",
        help="how the public store reaches Virtuoso: kg push's code, or Virtuoso's bulk loader "
        "on its N-Quads",
    )
    parser.add_argument(
        "--virtuoso-nquads",
        type=Path,
        default=None,
        metavar="FILE",
        help="with --virtuoso-load bulk: load this N-Quads dump of the same public store, made "
        "before, instead of dumping it again",
    )
    parser.add_argument(
        "--no-embedded", action="store_true", help="the questions in Virtuoso only, not Oxigraph"
    )
    parser.add_argument(
        "--as-csv",
        action="store_true",
        help="time the embedded store's questions as `kg query --format csv` writes them "
        "(rows written as the store gives them) instead of run_query's rdflib rows",
    )
    parser.add_argument(
        "--http",
        action="store_true",
        help="also time every question through kg serve's /query/<name> (Accept: text/csv) over "
        "the same public store, after the embedded runs",
    )
    parser.add_argument(
        "--timeout-per-run",
        action="store_true",
        help="--query-timeout is each run's, not that of all --repeats runs together; a run "
        "stopped keeps the runs before it (recorded with stopped_run)",
    )
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.out is not None and args.out.is_dir():
        parser.error(f"--out {args.out}: is a folder; give the results file to write")
    if args.store is not None and not args.store.is_dir():
        parser.error(f"--store {args.store}: no such store")
    if args.virtuoso_nquads is not None:
        if not args.virtuoso_nquads.is_file():
            parser.error(f"--virtuoso-nquads {args.virtuoso_nquads}: no such file")
        if args.virtuoso_load != "bulk":
            parser.error("--virtuoso-nquads needs --virtuoso-load bulk")
    global AS_CSV, TIMEOUT_PER_RUN
    AS_CSV, TIMEOUT_PER_RUN = args.as_csv, args.timeout_per_run
    label = args.store.name if args.store else str(args.appeals)
    out = args.out or ROOT / "bench" / "results" / f"queries-{label}.json"
    work = Path(tempfile.mkdtemp(prefix="kg-bench-queries-"))
    try:
        figures: dict[str, Any] = {
            "commit": _commit(),
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
            "load_average_at_start": os.getloadavg()[0],
            "query_timeout_seconds": args.query_timeout,
            "timeout_per_run": args.timeout_per_run,
            "embedded_measured_as": "kg query --format csv (write_query)"
            if args.as_csv
            else "run_query (rdflib rows)",
        }
        if args.store:
            store_path = args.store
            figures["corpus"] = args.corpus
        else:
            data, store_path = work / "data", work / "store"
            generate(args.appeals, data, args.seed)
            t0 = time.perf_counter()
            build(store_path, data)
            figures.update(appeals=args.appeals, build_seconds=round(time.perf_counter() - t0, 1))
        public = public_store_path(store_path)
        store = Store.open(public)
        values = BoundValues(store)
        figures.update(quads=len(store), graphs=len(store.graph_names()))

        def save() -> None:  # after each stage, so that a stopped run keeps what it measured
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")

        save()
        if not args.no_embedded:
            figures["questions"] = {}
            questions(str(public), values, args, figures["questions"], save)
            figures["load_average_after_embedded"] = os.getloadavg()[0]
            save()
        if args.http and "questions" in figures:
            figures["http"] = http_questions(public, figures["questions"], args)
            figures["http_measured_as"] = "GET /query/<name>?params, Accept: text/csv"
            figures["load_average_after_http"] = os.getloadavg()[0]
            save()
        if args.breakdown:
            figures["breakdown"] = breakdown(str(public), args.breakdown, args)
            save()
        if args.breakdown_bound:
            figures["breakdown_bound"] = breakdown(
                str(public), args.breakdown_bound, args, _bound_params(figures, values)
            )
            save()
        if not args.no_virtuoso:
            figures["virtuoso"] = virtuoso(public, values, args, work)
        figures["load_average_at_end"] = os.getloadavg()[0]
        save()
        print(f"wrote {out}", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
