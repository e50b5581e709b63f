"""The answer cache of the query runner: kept per generation, shared while being computed,
errors never kept, bounded."""

from __future__ import annotations

import asyncio

from kg.web.answers import AnswerCache
from kg.web.execute import Answer, Job

JOB = Job("SELECT * { ?s ?p ?o }", accept="application/sparql-results+json")


def _ok(body: bytes) -> Answer:
    return Answer(200, "application/sparql-results+json", body)


class Asker:
    """Counts how often the query really runs; each run takes ``delay`` seconds."""

    def __init__(self, answers: list[Answer], delay: float = 0.0) -> None:
        self.answers, self.delay, self.runs = answers, delay, 0

    async def __call__(self) -> Answer:
        self.runs += 1
        await asyncio.sleep(self.delay)
        return self.answers[min(self.runs, len(self.answers)) - 1]


def test_an_answer_is_kept_for_its_generation_only() -> None:
    cache = AnswerCache()
    ask = Asker([_ok(b"first"), _ok(b"second"), _ok(b"third")])

    async def go() -> list[bytes]:
        return [
            (await cache.get(0, JOB, ask)).body,
            (await cache.get(0, JOB, ask)).body,  # kept
            (await cache.get(1, JOB, ask)).body,  # another generation is served
            (await cache.get(1, JOB, ask)).body,
            (await cache.get(1, Job(JOB.query, accept="text/csv"), ask)).body,  # other format
        ]

    assert asyncio.run(go()) == [b"first", b"first", b"second", b"second", b"third"]
    assert ask.runs == 3 and len(cache._items) == 2  # the older generation's answer is gone


def test_the_same_question_asked_at_once_runs_once() -> None:
    cache = AnswerCache()
    ask = Asker([_ok(b"answer")], delay=0.2)

    async def go() -> list[bytes]:
        answers = await asyncio.gather(*(cache.get(0, JOB, ask) for _ in range(5)))
        return [a.body for a in answers]

    assert asyncio.run(go()) == [b"answer"] * 5
    assert ask.runs == 1 and cache.shared == 4


def test_errors_are_not_kept_and_a_lost_client_is_not_shared() -> None:
    cache = AnswerCache()
    timeout = Answer.error(503, "Query exceeded the 2 s timeout and was stopped")
    gone = Answer.error(499, "The client closed the connection; the query was stopped")
    ask = Asker([timeout, _ok(b"fine")], delay=0.1)

    async def shared_timeout() -> list[int]:
        answers = await asyncio.gather(*(cache.get(0, JOB, ask) for _ in range(3)))
        return [a.status for a in answers]

    assert asyncio.run(shared_timeout()) == [503, 503, 503]  # the same query, the same limit
    assert ask.runs == 1
    assert asyncio.run(cache.get(0, JOB, ask)).body == b"fine"  # the error was not kept
    ask2 = Asker([gone, _ok(b"mine")], delay=0.1)

    async def after_gone() -> list[bytes]:
        answers = await asyncio.gather(*(cache.get(1, JOB, ask2) for _ in range(2)))
        return [a.body for a in answers]

    leader, follower = asyncio.run(after_gone())
    assert b"closed the connection" in leader and follower == b"mine"
    assert ask2.runs == 2


def test_size_is_bounded() -> None:
    cache = AnswerCache(entries=2)
    ask = Asker([_ok(b"x" * 10)])

    async def go() -> None:
        for n in range(4):
            await cache.get(0, Job(f"ASK {{ ?s ?p {n} }}"), ask)

    asyncio.run(go())
    assert len(cache._items) == 2
    disabled = AnswerCache(size=0)
    assert asyncio.run(disabled.get(0, JOB, ask)).status == 200
    assert asyncio.run(disabled.get(0, JOB, ask)).status == 200 and not disabled._items
