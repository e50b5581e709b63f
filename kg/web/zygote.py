"""The process that holds the served dataset and forks query workers from it.

Started by :class:`kg.web.runner.QueryRunner` as ``python -m kg.web.zygote``. It loads the
dataset once, stays single-threaded, and forks a worker whenever the runner sends it one end of
a socket pair. A fork shares the loaded dataset copy-on-write, so replacing a worker killed at
its deadline costs milliseconds, not a reload. Protocol: the dataset's N-Quads arrive on stdin
(or ``--path`` names a store folder); one JSON line on stdout says ``ready`` with the graph
names and the size, or ``failed`` with a reason; then each message on the control socket
(file descriptor in ``--control``) carries a socket for a new worker, whose address space may
grow by ``--memory`` bytes at most.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import json
import os
import resource
import signal
import socket
import sys
from multiprocessing.connection import Connection

import pyoxigraph as ox

from kg.web.execute import Answer, execute, open_dataset
from kg.web.guard import QueryRefused, check_query

_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies, whatever the cause."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def _limit_memory(extra: int) -> None:
    """Cap the worker's address space at what it has now plus ``extra`` bytes: a query that
    materialises too much (ORDER BY over a cartesian product) fails to allocate and the worker
    dies, instead of taking the machine's memory until its deadline."""
    if extra <= 0:
        return
    with open("/proc/self/statm", encoding="ascii") as f:
        size = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    resource.setrlimit(resource.RLIMIT_AS, (size + extra, size + extra))


def _worker(fd: int, store: ox.Store, graphs: frozenset[str], memory: int) -> None:
    die_with_parent()
    _limit_memory(memory)
    conn = Connection(fd)
    conn.send(("ready", os.getpid()))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            answer = execute(store, graphs, job)
        except BaseException as exc:  # an engine panic too: answer, then let the runner decide
            answer = Answer.error(500, f"Query failed: {type(exc).__name__}")
        conn.send(answer)


def warm_checker(graphs: frozenset[str]) -> None:
    """Check the project's own queries once here, so that every forked worker starts with
    them in the checker's cache: the parser takes up to a second on a long query."""
    from kg.vocab import QUERIES_DIR

    for path in sorted(QUERIES_DIR.glob("*.rq")):
        with contextlib.suppress(QueryRefused, OSError, UnicodeDecodeError):
            check_query(path.read_text(encoding="utf-8"), graphs)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m kg.web.zygote")
    parser.add_argument("--control", type=int, required=True)
    parser.add_argument("--path")
    parser.add_argument("--memory", type=int, default=0, help="bytes a worker may add")
    args = parser.parse_args()
    die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # workers are reaped by the kernel
    control = socket.socket(fileno=args.control)
    try:
        store = open_dataset(args.path, None if args.path else sys.stdin.buffer.read())
    except Exception as exc:  # reported to the runner, which says it in one line
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        print(json.dumps({"failed": reason}), flush=True)
        return
    graphs = frozenset(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    warm_checker(graphs)
    print(json.dumps({"ready": sorted(graphs), "size": len(store)}), flush=True)
    while True:
        try:
            _, fds, _, _ = socket.recv_fds(control, 16, 1)
        except OSError:
            return
        if not fds:
            return  # the runner closed the control socket: shut down
        if os.fork() == 0:
            control.close()
            try:
                _worker(fds[0], store, graphs, args.memory)
            finally:
                os._exit(0)
        os.close(fds[0])


if __name__ == "__main__":
    main()
