"""The served dataset opened in the web process itself, for the pages' own fixed queries.

Pages, the index and reconciliation ask small queries of a fixed shape (one IRI, bounded by
LIMIT), written here, never by a user: sending each through the query runner's worker
processes costs a process round trip per query, which under load is most of a page's time.
They read the same dataset the runner serves (its ``DatasetSource``: the public store unless
``kg serve`` was told otherwise). Queries from users (``/sparql``, ``/query``) still go through
the runner, with its limits.

A :class:`View` is one generation of that dataset in this process, with the tables derived
from it (the index, the reconciliation candidates), built once per generation, before the
generation is served (at start, and by :mod:`kg.web.watch` for each new one). Each request
reads one view from start to end (:class:`PinView`), so an answer never mixes two
generations, even when a new store generation comes in while it is being made.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

import pyoxigraph as ox

from kg.web.runner import DatasetSource, QueryRunner

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Receive, Scope, Send

    from kg.web.app import WebContext

__all__ = [
    "LocalDataset",
    "PinView",
    "View",
    "current_view",
    "derive",
    "prepare",
    "reader",
    "view_of",
]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
T = TypeVar("T")


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


def load_store(source: DatasetSource) -> ox.Store:
    """A read-only copy of ``source`` for this process."""
    if source.path is not None:
        return ox.Store.read_only(source.path)
    store = ox.Store()
    if source.nquads:
        store.bulk_load(source.nquads, format=ox.RdfFormat.N_QUADS)
    return store


class LocalDataset:
    """A read-only copy of the runner's dataset in this process."""

    def __init__(self, source: DatasetSource, union_default_graph: bool = True) -> None:
        self.store = load_store(source)
        self.union = union_default_graph

    def select_now(self, query: str) -> list[dict[str, dict[str, str]]]:
        """A SELECT's rows as SPARQL JSON bindings (unbound variables left out)."""
        result = self.store.query(query, use_default_graph_as_union=self.union)
        assert isinstance(result, ox.QuerySolutions)
        try:
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
        finally:
            # Oxigraph's result iterators belong to the thread that made them: one kept alive
            # by an error's traceback would be dropped in the event loop's thread, which
            # pyoxigraph refuses (the iterator leaks and an error is printed).
            del result

    def construct_now(self, query: str, fmt: ox.RdfFormat) -> bytes:
        """A CONSTRUCT's triples serialised in ``fmt``."""
        result = self.store.query(query, use_default_graph_as_union=self.union)
        assert isinstance(result, ox.QueryTriples)
        try:
            return ox.serialize(result, format=fmt) or b""
        finally:
            del result  # dropped in this thread, as in select_now

    async def construct(self, query: str, fmt: ox.RdfFormat) -> bytes:
        """``construct_now`` in a worker thread."""
        return await asyncio.to_thread(self.construct_now, query, fmt)

    async def select(self, query: str) -> list[dict[str, dict[str, str]]]:
        """``select_now`` in a worker thread, so the event loop keeps serving."""
        return await asyncio.to_thread(self.select_now, query)


@dataclass
class View:
    """One generation of the served dataset in this process, and what is derived from it."""

    generation: int
    dataset: LocalDataset
    _derived: dict[str, Any] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def derived_now(self, name: str, build: Callable[[LocalDataset], T]) -> T:
        """The table ``name``, built by ``build(dataset)`` the first time it is asked for."""
        with self._lock:
            if name not in self._derived:
                self._derived[name] = build(self.dataset)
            value: T = self._derived[name]
            return value

    def warm(self) -> View:
        """Build every table registered with :func:`derive` (a bounded warm-up: one table per
        name, never pages), so that no request waits for one."""
        for name, build in list(_DERIVED.items()):
            self.derived_now(name, build)
        return self

    async def derived(self, name: str, build: Callable[[LocalDataset], T]) -> T:
        """``derived_now`` in a worker thread."""
        with self._lock:
            if name in self._derived:
                known: T = self._derived[name]
                return known
        return await asyncio.to_thread(self.derived_now, name, build)


_LOCK = threading.Lock()
_VIEWS: dict[int, View] = {}  # id(runner) -> its current view
_PREPARED: dict[int, tuple[DatasetSource, View]] = {}  # id(source) -> its loaded, warm view
_DERIVED: dict[str, Callable[[LocalDataset], Any]] = {}


def derive(name: str, build: Callable[[LocalDataset], Any]) -> None:
    """Register a table that :meth:`View.warm` builds for each generation before it is
    served (the route modules register theirs when the app is made)."""
    _DERIVED[name] = build


def prepare(source: DatasetSource, union_default_graph: bool = True) -> None:
    """Load ``source`` here and build its tables before a runner serves it, so that no
    request waits for either."""
    view = View(-1, LocalDataset(source, union_default_graph)).warm()
    with _LOCK:
        _PREPARED[id(source)] = (source, view)


def view_of(runner: QueryRunner, union_default_graph: bool = True) -> View:
    """The runner's dataset in this process, reopened when the runner serves another one."""
    generation, source = runner.served()
    with _LOCK:
        view = _VIEWS.get(id(runner))
        if view is not None and view.generation == generation:
            return view
        prepared = _PREPARED.pop(id(source), None)
        if (
            prepared is not None
            and prepared[0] is source
            and prepared[1].dataset.union == union_default_graph
        ):
            view = prepared[1]
            view.generation = generation
        else:
            view = View(generation, LocalDataset(source, union_default_graph))
        _VIEWS[id(runner)] = view
        return view


class _Pin:
    """The view one request reads, chosen the first time the request reads the dataset."""

    def __init__(self, ctx: WebContext) -> None:
        self.ctx = ctx
        self.view: View | None = None


_PINNED: ContextVar[_Pin | None] = ContextVar("kg_web_view", default=None)


def current_view(ctx: WebContext) -> View:
    """The view the current request reads (the same one for all of the request)."""
    pin = _PINNED.get()
    if pin is None or pin.ctx is not ctx:
        return view_of(ctx.runner, ctx.settings.union_default_graph)
    if pin.view is None:
        pin.view = view_of(ctx.runner, ctx.settings.union_default_graph)
    return pin.view


def reader(ctx: WebContext) -> LocalDataset:
    """The in-process dataset the current request reads."""
    return current_view(ctx).dataset


class PinView:
    """ASGI middleware: every request of ``ctx``'s app reads one view from start to end."""

    def __init__(self, app: ASGIApp, ctx: WebContext) -> None:
        self.app, self.ctx = app, ctx

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        token = _PINNED.set(_Pin(self.ctx))
        try:
            await self.app(scope, receive, send)
        finally:
            _PINNED.reset(token)
