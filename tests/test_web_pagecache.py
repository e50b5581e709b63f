"""The page cache: answers are kept per dataset generation, bounded, least recently used out."""

from __future__ import annotations

import asyncio

from starlette.responses import Response

from kg.web.pagecache import PageCache


def _run(cache: PageCache, key: str, body: bytes, status: int = 200) -> bytes:
    async def make() -> Response:
        return Response(body, status, media_type="text/html")

    return bytes(asyncio.run(cache.get(key, make)).body)


def test_a_kept_answer_is_served_until_the_dataset_changes() -> None:
    served = [0]
    cache = PageCache(lambda: served[0])
    assert _run(cache, "a", b"first") == b"first"
    assert _run(cache, "a", b"second") == b"first"
    assert (cache.hits, cache.misses) == (1, 1)
    served[0] = 1  # the server reads another generation of the dataset
    assert _run(cache, "a", b"third") == b"third"
    assert _run(cache, "a", b"fourth") == b"third"
    assert len(cache._items) == 1  # the older generation's answers are gone


def test_a_request_of_an_older_generation_is_answered_but_not_kept() -> None:
    served = [1]
    cache = PageCache(lambda: served[0])
    assert _run(cache, "a", b"new") == b"new"
    served[0] = 0  # a request that began before the change
    assert _run(cache, "a", b"old") == b"old"
    assert _run(cache, "b", b"old") == b"old"
    served[0] = 1
    assert _run(cache, "a", b"newer") == b"new"
    assert _run(cache, "b", b"new b") == b"new b"


def test_errors_are_not_kept_and_size_is_bounded() -> None:
    cache = PageCache(lambda: 0, entries=2)
    assert _run(cache, "e", b"busy", 503) == b"busy"
    assert _run(cache, "e", b"ok") == b"ok"
    _run(cache, "b", b"b")
    _run(cache, "c", b"c")  # pushes out "e", the least recently used
    assert _run(cache, "e", b"new") == b"new"
    assert len(cache._items) == 2
