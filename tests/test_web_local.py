"""The web process's own copy of the dataset (kg/web/local.py): its queries run in worker
threads, and what Oxigraph makes in a thread is dropped in that thread, even on an error."""

from __future__ import annotations

import asyncio
import gc
import sys
from typing import Any

import pyoxigraph as ox
import pytest

from kg.web import DatasetSource
from kg.web.local import LocalDataset

#: Fails while its answer is read, not when it is asked (the service is called for the row the
#: store has, in a named graph: the served dataset's default graph is their union). Oxigraph
#: refuses the port before any connection is tried, so nothing leaves the machine.
FAILS_LATE = "{form} WHERE {{ ?s ?p ?o SERVICE <http://127.0.0.1:9/sparql> {{ ?s ?p ?o }} }}"


@pytest.fixture
def dataset() -> LocalDataset:
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/b"),
                      ox.Literal("c"), ox.NamedNode("http://example.org/g")))  # fmt: skip
    return LocalDataset(DatasetSource.from_store(store))


@pytest.fixture
def unraisable(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda u: seen.append(repr(u.exc_value)))
    return seen


def _fail(call: Any) -> None:
    async def run() -> None:
        with pytest.raises(OSError, match="port 9"):
            await call()

    asyncio.run(run())
    gc.collect()


def test_a_construct_that_fails_is_dropped_in_its_thread(
    dataset: LocalDataset, unraisable: list[str]
) -> None:
    query = FAILS_LATE.format(form="CONSTRUCT { ?s ?p ?o }")
    _fail(lambda: dataset.construct(query, ox.RdfFormat.N_TRIPLES))
    assert unraisable == []


def test_both_still_answer(dataset: LocalDataset) -> None:
    rows = asyncio.run(dataset.select("SELECT ?o { ?s ?p ?o }"))
    assert rows == [{"o": {"type": "literal", "value": "c"}}]
    body = asyncio.run(dataset.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
                                         ox.RdfFormat.N_TRIPLES))  # fmt: skip
    assert body == b'<http://example.org/a> <http://example.org/b> "c" .\n'
