"""Answers of the served dataset's queries, kept for as long as the dataset is the same.

The served dataset is read-only: between two generations (a new build, a takedown, an update)
the same query with the same protocol parameters has the same answer, byte for byte. The query
runner keeps successful answers here, by generation and by everything that shapes the answer
(text, dataset parameters, format parameters, Accept), least recently used out, bounded in
entries and bytes; and when several clients ask the same question at once, one worker
answers it and the others wait for that answer (*single flight*) instead of each taking a
worker for seconds. They get its error too (the time limit, the answer cap, the memory cap
hold for the same query whoever asks), except when it was about the first asker alone (its
client went away, or no worker was free): then each runs its own query. An error answer is
never kept.
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable

from kg.web.execute import Answer, Job

__all__ = ["AnswerCache", "job_key"]


def job_key(job: Job) -> Hashable:
    """Everything in a job that shapes its answer (not the limits the runner sets)."""
    return (
        job.query,
        job.default_graph_uris,
        job.named_graph_uris,
        job.format_params,
        job.accept,
        job.union_default_graph,
    )


def _shareable(answer: Answer) -> bool:
    """Whether an answer is the query's own, whoever asked: not one about the first asker's
    circumstances (its client went away; the endpoint was busy and said when to retry)."""
    return answer.status != 499 and "Retry-After" not in answer.headers


class AnswerCache:
    """Successful answers by (generation, job key), and the answers being computed now."""

    def __init__(self, entries: int = 512, size: int = 32 * 2**20) -> None:
        self.entries, self.size = entries, size
        self._items: OrderedDict[tuple[int, Hashable], Answer] = OrderedDict()
        self._bytes = 0
        self._running: dict[tuple[int, Hashable], asyncio.Future[Answer]] = {}
        self._lock = threading.Lock()  # a runner may be used from several event loops
        self.hits = self.shared = self.misses = 0

    @property
    def enabled(self) -> bool:
        return self.entries > 0 and self.size > 0

    def clear(self) -> None:
        """Forget every kept answer."""
        with self._lock:
            self._items.clear()
            self._bytes = 0

    async def get(
        self, generation: int, job: Job, answer: Callable[[], Awaitable[Answer]]
    ) -> Answer:
        """The kept answer of ``job``, the one being computed for the same job, or
        ``answer()``'s (kept when it is a 200 small enough)."""
        if not self.enabled:
            return await answer()
        key = (generation, job_key(job))
        loop = asyncio.get_running_loop()
        with self._lock:
            kept = self._items.get(key)
            if kept is not None:
                self._items.move_to_end(key)
                self.hits += 1
                return kept
            running = self._running.get(key)
            if running is not None and running.get_loop() is not loop:
                running = None  # asked from another event loop: no sharing across loops
            future: asyncio.Future[Answer] | None = None
            if running is None and key not in self._running:
                future = loop.create_future()
                self._running[key] = future
                self.misses += 1
        if running is not None:
            shared = await asyncio.shield(running)
            if _shareable(shared):
                self.shared += 1
                return shared
            return await answer()  # the first asker's client went away, or no worker was free
        if future is None:
            return await answer()
        result = Answer.error(500, "Query not answered")
        try:
            result = await answer()
        finally:
            with self._lock:
                del self._running[key]
            future.set_result(result)
        if result.status == 200 and len(result.body) <= self.size // 16:
            self._keep(key, result)
        return result

    def _keep(self, key: tuple[int, Hashable], answer: Answer) -> None:
        with self._lock:
            stale = [k for k in self._items if k[0] < key[0]]
            for k in stale:  # answers of an older generation
                self._bytes -= len(self._items.pop(k).body)
            if any(k[0] > key[0] for k in self._items):
                return  # a newer generation is served already
            self._items[key] = answer
            self._bytes += len(answer.body)
            while len(self._items) > self.entries or self._bytes > self.size:
                _, dropped = self._items.popitem(last=False)
                self._bytes -= len(dropped.body)
