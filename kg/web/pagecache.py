"""Answers of the page routes kept in memory, for as long as the served dataset is the same.

``kg serve`` reads its dataset once, at start, so a page's answer only changes when the query
runner is given another dataset (its generation changes): the key holds the generation, and
old entries age out. Bounded by entry count and total bytes (least recently used go first).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable

from starlette.responses import Response

from kg.web.runner import QueryRunner

__all__ = ["PageCache"]

_KEPT = (200, 303, 404, 406)


class PageCache:
    """LRU of (status, body, media type, headers) by route key and dataset generation."""

    def __init__(self, runner: QueryRunner, entries: int = 4096, size: int = 64 * 2**20) -> None:
        self.runner = runner
        self.entries, self.size = entries, size
        self._items: OrderedDict[tuple[int, str], tuple[int, bytes, str | None, dict]] = (
            OrderedDict()
        )
        self._bytes = 0
        self.hits = self.misses = 0

    def _generation(self) -> int:
        return int(getattr(self.runner, "_generation", 0))

    async def get(self, key: str, make: Callable[[], Awaitable[Response]]) -> Response:
        """The cached answer for ``key``, or ``make()``'s, kept when it is a final answer."""
        full = (self._generation(), key)
        item = self._items.get(full)
        if item is not None:
            self._items.move_to_end(full)
            self.hits += 1
            status, body, media, headers = item
            return Response(body, status, headers=headers, media_type=media)
        self.misses += 1
        response = await make()
        body = bytes(response.body)
        if response.status_code in _KEPT and len(body) <= self.size // 16:
            headers = {
                k: v
                for k, v in response.headers.items()
                if k.lower() not in ("content-length", "content-type")
            }
            self._items[full] = (response.status_code, body, response.media_type, headers)
            self._bytes += len(body)
            while len(self._items) > self.entries or self._bytes > self.size:
                _, (_, old, _, _) = self._items.popitem(last=False)
                self._bytes -= len(old)
        return response
