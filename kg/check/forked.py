"""Worker processes for validation, forked from the process that holds the store.

A fork copies the parent's objects, Oxigraph stores included, but not the threads RocksDB runs
behind them. If the child's cyclic collector frees such an inherited store (one left for the
collector in the parent before the fork), the store is closed in the child without its threads
and the child aborts. With ``multiprocessing.Pool`` an aborted worker is replaced and its task
is never answered: the parent waits for ever. Here, as the build's forked step does
(:mod:`kg.store.apart`), the parent's garbage is collected and what is left frozen
(``gc.freeze``) while the workers are forked, and the pool is a
:class:`~concurrent.futures.ProcessPoolExecutor`, which reports a worker that died
(:class:`BrokenProcessPool`) instead of waiting; :func:`run_all` then runs what was not
answered in this process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def forked_pool(
    workers: int, initializer: Callable[..., None] | None = None, initargs: tuple = ()
) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes forked now, with nothing inherited left to collect."""
    context = multiprocessing.get_context("fork")
    gc.collect()
    gc.freeze()
    try:
        pool = ProcessPoolExecutor(
            workers, mp_context=context, initializer=initializer, initargs=initargs
        )
        # A forking pool starts all its workers at the first submit: do it while frozen.
        pool.submit(os.getpid).result()
    finally:
        gc.unfreeze()
    return pool


def run_all(
    task: Callable[[T], R],
    items: Iterable[T],
    workers: int,
    *,
    initializer: Callable[..., None] | None = None,
    initargs: tuple = (),
    here: Callable[[T], R] | None = None,
    broken: Callable[[str], None] | None = None,
) -> Iterator[tuple[T, R]]:
    """``(item, task(item))`` for every item, in the order they end, from ``workers`` forked
    processes. If a worker dies, the items not yet answered are run here, one after another,
    by ``here`` (default: ``task`` after ``initializer``); ``broken`` is told why. A run so
    ends with every answer, or with the task's own error."""
    todo = list(items)
    if here is None:
        here = _initialised(task, initializer, initargs)
    answered: set[int] = set()
    try:
        pool = forked_pool(workers, initializer, initargs)
    except BrokenProcessPool as error:
        if broken:
            broken(f"worker processes could not start ({error}); running here")
        yield from _here(here, todo, answered)
        return
    try:
        pending: dict[Future[R], int] = {pool.submit(task, item): i for i, item in enumerate(todo)}
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                index = pending.pop(future)
                result = future.result()  # a task's own error is raised as it is
                answered.add(index)
                yield todo[index], result
    except BrokenProcessPool:
        if broken:
            broken(f"a worker process died; {len(todo) - len(answered)} jobs run here")
        pool.shutdown(wait=False, cancel_futures=True)
        yield from _here(here, todo, answered)
        return
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _initialised(
    task: Callable[[T], R], initializer: Callable[..., None] | None, initargs: tuple
) -> Callable[[T], R]:
    ready: list[bool] = []

    def run(item: T) -> R:
        if initializer is not None and not ready:
            initializer(*initargs)
            ready.append(True)
        return task(item)

    return run


def _here(task: Callable[[T], R], todo: list[T], answered: set[int]) -> Iterator[tuple[T, R]]:
    for index, item in enumerate(todo):
        if index not in answered:
            yield item, task(item)


def run_aside(task: Callable[[], R], here: Callable[[], R]) -> Any:
    """``task()`` started in one forked process; :func:`aside_result` waits for it and
    runs ``here()`` in this process instead if that process died."""
    try:
        pool = forked_pool(1)
        return pool, pool.submit(task), here
    except BrokenProcessPool:
        return None, None, here


def aside_result(pending: Any, broken: Callable[[str], None] | None = None) -> Any:
    """What the task of :func:`run_aside` returned; run here if its process died."""
    pool, future, here = pending
    if pool is None:
        return here()
    try:
        return future.result()
    except BrokenProcessPool:
        if broken:
            broken("the worker process died; running its job here")
        return here()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


__all__ = ["aside_result", "forked_pool", "run_aside", "run_all"]
