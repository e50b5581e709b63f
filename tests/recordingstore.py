"""An in-memory store that keeps the text of every query it is sent, for tests of what a
check asks the engine."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from kg.store import Store


class RecordingStore(Store):
    """A :class:`kg.store.Store` in memory whose ``sent`` lists the queries, in order."""

    def __init__(self) -> None:
        super().__init__(ox.Store())
        self.sent: list[str] = []

    def query(self, text: str, bindings: Any = None, *, union: bool = True) -> Any:
        self.sent.append(text)
        return super().query(text, bindings, union=union)
