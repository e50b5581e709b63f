"""Answers of the page routes kept in memory, for as long as the served dataset is the same.

A page's answer only changes when the server reads another generation of the dataset (a new
build, a takedown, an update): the cache holds the answers of one generation, and is emptied
when a request of a newer generation comes in. A request still reading an older generation
(it began before the change) is answered but not kept. Bounded by entry count and total bytes
(least recently used go first).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable

from starlette.responses import Response

__all__ = ["PageCache"]

_KEPT = (200, 303, 404, 406)


class PageCache:
    """LRU of (status, body, media type, headers) by route key, for one dataset generation.

    ``generation()`` says which generation the current request reads.
    """

    def __init__(
        self, generation: Callable[[], int], entries: int = 4096, size: int = 64 * 2**20
    ) -> None:
        self.generation = generation
        self.entries, self.size = entries, size
        self._items: OrderedDict[str, tuple[int, bytes, str | None, dict]] = OrderedDict()
        self._bytes = 0
        self._of = -1  # the generation the kept answers belong to
        self.hits = self.misses = 0

    def clear(self) -> None:
        """Forget every kept answer."""
        self._items.clear()
        self._bytes = 0

    async def get(self, key: str, make: Callable[[], Awaitable[Response]]) -> Response:
        """The cached answer for ``key``, or ``make()``'s, kept when it is a final answer."""
        generation = self.generation()
        if generation > self._of:
            self.clear()
            self._of = generation
        item = self._items.get(key) if generation == self._of else None
        if item is not None:
            self._items.move_to_end(key)
            self.hits += 1
            status, body, media, headers = item
            return Response(body, status, headers=headers, media_type=media)
        self.misses += 1
        response = await make()
        body = bytes(response.body)
        if (
            generation == self._of
            and response.status_code in _KEPT
            and len(body) <= self.size // 16
        ):
            headers = {
                k: v
                for k, v in response.headers.items()
                if k.lower() not in ("content-length", "content-type")
            }
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= len(old[1])
            self._items[key] = (response.status_code, body, response.media_type, headers)
            self._bytes += len(body)
            while len(self._items) > self.entries or self._bytes > self.size:
                _, (_, dropped, _, _) = self._items.popitem(last=False)
                self._bytes -= len(dropped)
        return response
