"""The served dataset opened in the web process itself, for the pages' own fixed queries.

Pages, the index and reconciliation ask small queries of a fixed shape (one IRI, bounded by
LIMIT), written here, never by a user: sending each through the query runner's worker
processes costs a process round trip per query, which under load is most of a page's time.
They read the same dataset the runner serves (its ``DatasetSource``: the public store unless
``kg serve`` was told otherwise), loaded once per runner generation. Queries from users
(``/sparql``, ``/query``) still go through the runner, with its limits.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pyoxigraph as ox

from kg.web.app import WebContext
from kg.web.runner import DatasetSource, QueryRunner

__all__ = ["LocalDataset", "local_dataset", "reader"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _binding(term: Any) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != _XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


class LocalDataset:
    """A read-only copy of the runner's dataset in this process."""

    def __init__(self, source: DatasetSource, union_default_graph: bool = True) -> None:
        if source.path is not None:
            self.store = ox.Store.read_only(source.path)
        else:
            self.store = ox.Store()
            if source.nquads:
                self.store.bulk_load(source.nquads, format=ox.RdfFormat.N_QUADS)
        self.union = union_default_graph

    def select_now(self, query: str) -> list[dict[str, dict[str, str]]]:
        """A SELECT's rows as SPARQL JSON bindings (unbound variables left out)."""
        result = self.store.query(query, use_default_graph_as_union=self.union)
        assert isinstance(result, ox.QuerySolutions)
        names = [v.value for v in result.variables]
        rows = []
        for solution in result:
            row = {}
            for name in names:
                term = solution[name]
                if term is not None:
                    row[name] = _binding(term)
            rows.append(row)
        return rows

    def construct_now(self, query: str, fmt: ox.RdfFormat) -> bytes:
        """A CONSTRUCT's triples serialised in ``fmt``."""
        result = self.store.query(query, use_default_graph_as_union=self.union)
        assert isinstance(result, ox.QueryTriples)
        return ox.serialize(result, format=fmt) or b""

    async def construct(self, query: str, fmt: ox.RdfFormat) -> bytes:
        """``construct_now`` in a worker thread."""
        return await asyncio.to_thread(self.construct_now, query, fmt)

    async def select(self, query: str) -> list[dict[str, dict[str, str]]]:
        """``select_now`` in a worker thread, so the event loop keeps serving."""
        return await asyncio.to_thread(self.select_now, query)


_LOCK = threading.Lock()
_OPEN: dict[int, tuple[int, LocalDataset]] = {}


def local_dataset(runner: QueryRunner, union_default_graph: bool = True) -> LocalDataset:
    """The runner's dataset in this process, reopened when the runner serves another one."""
    generation = int(getattr(runner, "_generation", 0))
    with _LOCK:
        known = _OPEN.get(id(runner))
        if known is None or known[0] != generation:
            source: DatasetSource = runner._source  # the dataset the runner's workers load
            known = (generation, LocalDataset(source, union_default_graph))
            _OPEN[id(runner)] = known
        return known[1]


def reader(ctx: WebContext) -> LocalDataset:
    """The in-process dataset of a web context."""
    return local_dataset(ctx.runner, ctx.settings.union_default_graph)
