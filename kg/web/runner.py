"""Run served queries in worker processes that can be stopped.

A thread cannot be stopped in Python, and Oxigraph does not check a deadline while it evaluates,
so a query run in a thread keeps its core busy long after its client got a timeout. Here each
query runs in one of ``workers`` processes, each holding its own read-only copy of the dataset:

- at the deadline the worker is killed (SIGKILL) and a fresh one takes its place, so a
  timed-out query frees its CPU at once;
- a query still running after ``slow_after`` seconds is *long*: its worker leaves the pool
  (a fresh one is forked in its place, so quick questions keep ``workers`` processes), drops
  to the lowest CPU priority (nice 19) and is retired when the query ends; at most
  ``max_slow`` long queries run at a time (a further one is stopped with 503);
- a request waits at most ``queue_timeout`` seconds for a free worker, and at most
  ``max_pending`` requests wait at all; the others get 503 at once;
- a query whose client disconnects is stopped the same way;
- answers are serialised inside the worker into a buffer capped at ``max_result_bytes``, and a
  worker's address space may grow by ``worker_memory`` bytes at most.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection

import pyoxigraph as ox

from kg.errors import KgError
from kg.web.answers import AnswerCache
from kg.web.execute import Answer, Job
from kg.web.guard import CheckedQuery

__all__ = ["DatasetSource", "Limits", "Prepared", "QueryRunner"]


@dataclass(frozen=True)
class DatasetSource:
    """Where workers find the served dataset: a store folder (opened read-only) or N-Quads."""

    path: str | None = None
    nquads: bytes | None = None

    @classmethod
    def from_store(cls, store: ox.Store) -> DatasetSource:
        """A copy of an in-memory (or any) store, shipped to the workers as N-Quads."""
        return cls(nquads=store.dump(format=ox.RdfFormat.N_QUADS) or b"")


@dataclass(frozen=True)
class Limits:
    """How much one query and all queries together may take."""

    timeout: float = 30.0
    workers: int = 4
    max_result_bytes: int = 16 * 2**20
    queue_timeout: float = 10.0
    max_pending: int = 64
    slow_after: float = 1.0
    max_slow: int = 2
    worker_memory: int = 2 * 2**30  # bytes a worker may allocate beyond the dataset; 0: no cap
    answer_cache: int = 32 * 2**20  # bytes of answers kept per generation; 0: none kept

    def check(self) -> None:
        """Raise KgError for limits that cannot work."""
        if self.timeout <= 0:
            raise KgError("--timeout must be more than 0 seconds")
        if self.workers < 1:
            raise KgError("--workers must be at least 1")
        if self.max_result_bytes < 1024:
            raise KgError("--max-result-bytes must be at least 1024")
        if self.max_pending < 1:
            raise KgError("--max-pending must be at least 1")
        if self.max_slow < 1 or self.max_slow > self.workers:
            raise KgError("--max-slow must be between 1 and --workers")
        if self.worker_memory < 0:
            raise KgError("--worker-memory must be 0 (no cap) or more")
        if self.answer_cache < 0:
            raise KgError("the answer cache size must be 0 (none kept) or more")


class _Zygote:
    """The ``kg.web.zygote`` process: loads the dataset once, forks workers on demand."""

    def __init__(self, source: DatasetSource, memory: int = 0) -> None:
        self.control, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        argv = [sys.executable, "-m", "kg.web.zygote", "--control", str(theirs.fileno())]
        argv += ["--memory", str(memory)]
        if source.path is not None:
            argv += ["--path", source.path]
        self.proc = subprocess.Popen(
            argv,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            pass_fds=[theirs.fileno()],
        )
        theirs.close()
        assert self.proc.stdin is not None and self.proc.stdout is not None
        with contextlib.suppress(BrokenPipeError):
            self.proc.stdin.write(source.nquads or b"")
        self.proc.stdin.close()
        line = self.proc.stdout.readline()
        try:
            message = json.loads(line) if line else {"failed": "it exited"}
        except ValueError:
            message = {"failed": line.decode("utf-8", "replace").strip()}
        if "ready" not in message:
            self.close()
            raise KgError(f"cannot open the served dataset: {message.get('failed')}")
        self.graphs: list[str] = message["ready"]
        self.size: int = message["size"]
        self.lock = threading.Lock()

    def fork(self, generation: int) -> _Worker:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            with self.lock:
                socket.send_fds(self.control, [b"w"], [theirs.fileno()])
        finally:
            theirs.close()
        conn = Connection(ours.detach())
        if not conn.poll(30):
            conn.close()
            raise KgError("a query worker did not start within 30 s")
        try:
            _, pid = conn.recv()
        except (EOFError, OSError):
            conn.close()
            raise KgError("a query worker exited while starting") from None
        return _Worker(conn, pid, generation)

    def close(self) -> None:
        self.control.close()
        with contextlib.suppress(ProcessLookupError):
            self.proc.kill()
        self.proc.wait(10)


class _Worker:
    def __init__(self, conn: Connection, pid: int, generation: int) -> None:
        self.conn = conn
        self.pid = pid
        self.generation = generation
        self.reniced = False

    def set_priority(self, nice: int) -> None:
        """Renice every thread of the worker (Linux keeps a nice value per thread)."""
        try:
            tids = [int(t) for t in os.listdir(f"/proc/{self.pid}/task")]
        except OSError:
            tids = [self.pid]
        for tid in tids:
            with contextlib.suppress(ProcessLookupError):
                os.setpriority(os.PRIO_PROCESS, tid, nice)
        self.reniced = nice > 0

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError, OSError):
            os.kill(self.pid, signal.SIGKILL)
        self.conn.close()


@dataclass(frozen=True)
class Prepared:
    """A dataset loaded for the workers, not served yet (:meth:`QueryRunner.prepare`)."""

    source: DatasetSource
    zygote: _Zygote


class QueryRunner:
    """A pool of query worker processes; ``await runner.run(job)`` answers one query."""

    def __init__(self, source: DatasetSource, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()
        self.limits.check()
        self._source = source
        self._zygote: _Zygote | None = None
        self._retired: dict[int, _Zygote] = {}  # older generations' zygotes, kept for their workers
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: set[_Worker] = set()
        self._slow_workers: set[_Worker] = set()
        self._lock = threading.Lock()
        self._slow = 0
        self._pending = 0
        self._generation = 0
        self._closed = False
        self._executor = ThreadPoolExecutor(
            max_workers=self.limits.max_pending, thread_name_prefix="sparql-wait"
        )
        self.graphs: list[str] = []
        self.size = 0
        self.killed = 0  # workers stopped at a deadline, for tests and logs
        self.cancelled = 0  # workers stopped because their client went away
        self._checked: OrderedDict[str, CheckedQuery] = OrderedDict()
        self.answers = AnswerCache(size=self.limits.answer_cache)

    # -- life cycle --------------------------------------------------------------------------
    def start(self) -> QueryRunner:
        """Load the dataset, fork every worker, and return once all can answer."""
        self._zygote = _Zygote(self._source, self.limits.worker_memory)
        self.graphs, self.size = self._zygote.graphs, self._zygote.size
        for _ in range(self.limits.workers):
            self._add(self._zygote.fork(self._generation))
        return self

    def _add(self, worker: _Worker) -> None:
        with self._lock:
            self._workers.add(worker)
            stale = worker.generation != self._generation
        if stale:  # forked from the previous dataset while another one came in
            self._replace(worker)
            return
        self._idle.put(worker)

    def close(self) -> None:
        """Stop every worker and the process that forks them."""
        self._closed = True
        with self._lock:
            workers = list(self._workers | self._slow_workers)
            self._workers.clear()
        for worker in workers:
            worker.kill()
        if self._zygote is not None:
            self._zygote.close()
        for zygote in list(self._retired.values()):
            zygote.close()
        self._retired.clear()
        self._executor.shutdown(wait=False, cancel_futures=True)

    def process_ids(self) -> list[int]:
        """The process ids of the workers and of the process that forks them."""
        with self._lock:
            pids = [w.pid for w in self._workers | self._slow_workers]
        return pids + ([self._zygote.proc.pid] if self._zygote else [])

    @property
    def pending(self) -> int:
        """How many queries are being answered or waiting for a worker now."""
        with self._lock:
            return self._pending

    @property
    def generation(self) -> int:
        """How many times the runner was given another dataset (0 for the one it started with)."""
        return self._generation

    @property
    def source(self) -> DatasetSource:
        """The dataset the runner's workers serve now."""
        return self._source

    def served(self) -> tuple[int, DatasetSource]:
        """The generation and its dataset, read together."""
        with self._lock:
            return self._generation, self._source

    def reload(self, source: DatasetSource) -> None:
        """Serve another dataset: a query that starts after this returns runs on it.

        Queries already running finish on the old dataset: their workers are retired when they
        answer, and the old dataset's process stays until its last worker has gone (workers
        die with the process they were forked from).
        """
        self.switch(self.prepare(source))

    def prepare(self, source: DatasetSource) -> Prepared:
        """Load ``source`` for the workers, to be served by :meth:`switch` (the slow half of
        :meth:`reload`: the dataset is read and checked in a new process)."""
        return Prepared(source, _Zygote(source, self.limits.worker_memory))

    def discard(self, prepared: Prepared) -> None:
        """Free a prepared dataset that will not be served."""
        prepared.zygote.close()

    def switch(self, prepared: Prepared) -> None:
        """Serve a prepared dataset from now on (the quick half of :meth:`reload`)."""
        source, zygote = prepared.source, prepared.zygote
        with self._lock:
            old, self._zygote = self._zygote, zygote
            if old is not None:
                self._retired[self._generation] = old
            self._source = source
            self._generation += 1
            self.graphs, self.size = zygote.graphs, zygote.size
            self._checked.clear()  # a query's check depends on the graphs the dataset has
        drained: list[_Worker] = []
        while True:
            try:
                drained.append(self._idle.get_nowait())
            except queue.Empty:
                break
        for worker in drained:
            self._replace(worker)
        self._close_retired()

    def _close_retired(self) -> None:
        """Stop the zygotes of older generations once none of their workers is left."""
        with self._lock:
            alive = {w.generation for w in self._workers | self._slow_workers}
            done = [g for g in self._retired if g not in alive]
            zygotes = [self._retired.pop(g) for g in done]
        for zygote in zygotes:
            zygote.close()

    # -- answering ---------------------------------------------------------------------------
    async def run(self, job: Job, cancel: threading.Event | None = None) -> Answer:
        """Answer one query within the limits; never raises for what the query does.

        Setting ``cancel`` (the client went away) stops the query: its worker is killed. An
        answer already given for the same job on the same generation is given again
        (:mod:`kg.web.answers`).
        """
        generation = self._generation
        return await self.answers.get(generation, job, lambda: self._run(job, cancel))

    async def _run(self, job: Job, cancel: threading.Event | None) -> Answer:
        with self._lock:
            if self._pending >= self.limits.max_pending:
                return _busy(f"{self.limits.max_pending} queries are already waiting")
            self._pending += 1
        try:
            with self._lock:
                checked = self._checked.get(job.query)
                generation = self._generation
            job = replace(job, max_bytes=self.limits.max_result_bytes, checked=checked)
            deadline = time.monotonic() + self.limits.timeout
            loop = asyncio.get_running_loop()
            answer = await loop.run_in_executor(
                self._executor, self.run_blocking, job, deadline, cancel
            )
            if answer.checked is not None and checked is None:
                with self._lock:
                    if generation != self._generation:
                        return answer  # checked against the graphs of a dataset now gone
                    self._checked[job.query] = answer.checked
                    while len(self._checked) > 1024:
                        self._checked.popitem(last=False)
            return answer
        finally:
            with self._lock:
                self._pending -= 1

    def run_blocking(
        self, job: Job, deadline: float, cancel: threading.Event | None = None
    ) -> Answer:
        """Answer one query, blocking the calling thread until the answer or the deadline."""
        wait = min(self.limits.queue_timeout, deadline - time.monotonic())
        until = time.monotonic() + max(wait, 0.0)
        while True:
            try:
                worker = self._idle.get(timeout=max(until - time.monotonic(), 0.0))
            except queue.Empty:
                return _busy(
                    f"all {self.limits.workers} query workers stayed busy for {wait:.1f} s"
                )
            if worker.generation == self._generation:
                break
            self._replace(worker)  # taken from the pool while another dataset came in
        try:
            worker.conn.send(job)
        except OSError:
            self._replace(worker)
            return _busy("a query worker was restarting")
        slow_at = time.monotonic() + self.limits.slow_after
        if self._wait(worker, min(slow_at, deadline), cancel):
            return self._collect(worker)
        if cancel is not None and cancel.is_set():
            return self._cancel(worker)
        if time.monotonic() >= deadline:
            return self._stop(worker)
        with self._lock:
            admitted = self._slow < self.limits.max_slow
            if admitted:
                self._slow += 1
        if not admitted:
            self._replace(worker)
            return _busy(
                f"the endpoint is already running {self.limits.max_slow} long "
                f"quer{'y' if self.limits.max_slow == 1 else 'ies'}; this one was stopped "
                f"after {self.limits.slow_after:g} s. Try again later, or add LIMIT"
            )
        # The worker leaves the pool: a fresh one takes its place for quick questions, and this
        # one is retired once its query ends, so no priority ever needs raising again.
        with self._lock:
            self._workers.discard(worker)
            self._slow_workers.add(worker)
        self._respawn_soon()
        stopped = ""  # why the worker was killed before it answered, counted once it is gone
        try:
            worker.set_priority(19)
            if self._wait(worker, deadline, cancel):
                try:
                    return worker.conn.recv()
                except (EOFError, OSError):
                    return _died()
            if cancel is not None and cancel.is_set():
                stopped = "cancelled"
                return _gone()
            stopped = "killed"
            return _timeout(self.limits.timeout)
        finally:
            worker.kill()
            with self._lock:
                self._slow -= 1
                self._slow_workers.discard(worker)
            self._close_retired()
            self._count(stopped)

    @staticmethod
    def _wait(worker: _Worker, until: float, cancel: threading.Event | None) -> bool:
        """True once the worker has answered; False at ``until`` or when cancelled."""
        while True:
            left = until - time.monotonic()
            if left <= 0:
                return False
            if worker.conn.poll(min(left, 0.1) if cancel is not None else left):
                return True
            if cancel is not None and cancel.is_set():
                return False

    def _cancel(self, worker: _Worker) -> Answer:
        self._replace(worker)
        self._count("cancelled")
        return _gone()

    def _count(self, stopped: str) -> None:
        """Count a worker stopped before it answered. Counted only once the worker has left
        the pool, so whoever sees the count change also sees the worker gone."""
        with self._lock:
            if stopped == "cancelled":
                self.cancelled += 1
            elif stopped == "killed":
                self.killed += 1

    def _collect(self, worker: _Worker) -> Answer:
        try:
            answer = worker.conn.recv()
        except (EOFError, OSError):
            self._replace(worker)
            return _died()
        self._release(worker)
        return answer

    def _stop(self, worker: _Worker) -> Answer:
        self._replace(worker)
        self._count("killed")
        return _timeout(self.limits.timeout)

    def _release(self, worker: _Worker) -> None:
        if worker.generation != self._generation:
            self._replace(worker)
            return
        self._idle.put(worker)

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker now and start its successor in the background."""
        worker.kill()
        with self._lock:
            self._workers.discard(worker)
        if self._retired:
            self._close_retired()
        self._respawn_soon()

    def _respawn_soon(self) -> None:
        if not self._closed:
            threading.Thread(target=self._respawn, name="sparql-respawn", daemon=True).start()

    def _respawn(self) -> None:
        delay = 0.5
        while not self._closed:
            with self._lock:
                zygote, generation = self._zygote, self._generation
            try:
                assert zygote is not None
                worker = zygote.fork(generation)
            except (KgError, OSError) as exc:
                if self._closed:
                    return
                print(f"warning: cannot restart a query worker: {exc}", file=sys.stderr)
                time.sleep(delay)
                delay = min(delay * 2, 30.0)
                continue
            if self._closed:
                worker.kill()
                return
            self._add(worker)
            return


def _timeout(limit: float) -> Answer:
    return Answer.error(503, f"Query exceeded the {limit:g} s timeout and was stopped")


def _gone() -> Answer:
    return Answer.error(499, "The client closed the connection; the query was stopped")


def _died() -> Answer:
    return Answer.error(
        500,
        "The query worker died while answering, most likely over its memory cap "
        "(--worker-memory); add LIMIT or avoid ORDER BY over large results",
    )


def _busy(reason: str) -> Answer:
    answer = Answer.error(503, f"Endpoint busy: {reason}")
    return Answer(answer.status, answer.media, answer.body, {"Retry-After": "1"})
