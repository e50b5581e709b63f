"""The page cache: answers are kept per dataset generation, bounded, least recently used out."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

from starlette.responses import Response

from kg.web.pagecache import PageCache


def _run(cache: PageCache, key: str, body: bytes, status: int = 200) -> bytes:
    async def make() -> Response:
        return Response(body, status, media_type="text/html")

    return bytes(asyncio.run(cache.get(key, make)).body)


def test_a_kept_answer_is_served_until_the_dataset_changes() -> None:
    runner = SimpleNamespace(_generation=0)
    cache = PageCache(runner)  # type: ignore[arg-type]
    assert _run(cache, "a", b"first") == b"first"
    assert _run(cache, "a", b"second") == b"first"
    assert (cache.hits, cache.misses) == (1, 1)
    runner._generation = 1  # the runner serves another dataset
    assert _run(cache, "a", b"third") == b"third"


def test_errors_are_not_kept_and_size_is_bounded() -> None:
    cache = PageCache(SimpleNamespace(_generation=0), entries=2)  # type: ignore[arg-type]
    assert _run(cache, "e", b"busy", 503) == b"busy"
    assert _run(cache, "e", b"ok") == b"ok"
    _run(cache, "b", b"b")
    _run(cache, "c", b"c")  # pushes out "e", the least recently used
    assert _run(cache, "e", b"new") == b"new"
    assert len(cache._items) == 2
