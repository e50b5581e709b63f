"""The worker processes of a build, started once and used by each step that runs in parallel.

A full build parses the records in worker processes, then (after identity resolution, which
needs every record) writes their graphs in worker processes. With a pool per step the second
pool was spawned -- a new interpreter each, importing the package again (about 0.55 s of CPU a
worker) and reading the reference data again -- because by then the build process holds what
identity resolution made, which a fork would copy. Here the pool is forked once, when the
build process is still small (before any record is parsed), with the reference labels the
graphs need already read, and the same workers then write the graphs. A step that finds no
pool started (a rebuild that reads few records but writes many graphs) still spawns one.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from types import TracebackType

PARALLEL_FROM = 400  # jobs; below this, worker processes cost more than they save
# A worker's youngest generation collected after this many new container objects rather than
# Python's 700: a record parses into thousands (PyYAML's nodes, the record, its graph's
# terms), nearly all freed by their counts when the record is done, so collecting them
# every 700 only walks objects about to go.
WORKER_GEN0 = 20_000


def settle_worker() -> None:
    """Run first in each worker process (the pools' initializer). What a forked worker
    inherits from the build process (the previous build's manifest and entries, a few
    objects per record of the corpus) is put out of the cyclic collector's walks
    (``gc.freeze``): the worker never frees it, and each full collection walked all of it,
    a cost that grew with the corpus for every record parsed or written. The youngest
    generation is collected less often (:data:`WORKER_GEN0`)."""
    gc.freeze()
    _gen0, *older = gc.get_threshold()
    gc.set_threshold(WORKER_GEN0, *older)


class WorkerPool:
    """At most one process pool for a build, made on first need (see the module's docstring).
    ``workers``: processes (default: two, or one on a one-core machine; one means none)."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers if workers is not None else min(2, os.cpu_count() or 1)
        self._pool: ProcessPoolExecutor | None = None
        self.forked = False

    def get(
        self, jobs: int, *, fork: bool = False, before: Callable[[], None] | None = None
    ) -> ProcessPoolExecutor | None:
        """The pool for ``jobs`` jobs, or None when they are too few (or one worker) to pay.
        The first call makes it: forked when ``fork`` (after running ``before`` here, so that
        the workers inherit what it reads), else spawned."""
        if self.workers < 2 or jobs < PARALLEL_FROM:
            return None
        if self._pool is None:
            if fork and before is not None:
                before()
            context = multiprocessing.get_context("fork" if fork else "spawn")
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=settle_worker
            )
            self.forked = fork
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


__all__ = ["PARALLEL_FROM", "WORKER_GEN0", "WorkerPool", "settle_worker"]
