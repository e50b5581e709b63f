"""The web application: one Starlette app whose routes come from the modules of ``kg/web``.

Each module that serves something has ``routes(ctx) -> list[BaseRoute]``; :func:`create_app`
asks every module named in ``ROUTE_MODULES`` for its routes, so a new area (linked-data pages,
reconciliation) is one module and one line here. Every route reads through the same
:class:`WebContext`: the query runner over the public dataset, and the settings.
"""

from __future__ import annotations

import asyncio
import importlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute

from kg.errors import QueryError
from kg.web.execute import Job
from kg.web.local import PinView
from kg.web.runner import QueryRunner

__all__ = ["ROUTE_MODULES", "ServeSettings", "WebContext", "create_app"]

ROUTE_MODULES: tuple[str, ...] = (
    "kg.web.sparql",
    "kg.web.reconcile",
    "kg.web.index",
    "kg.web.querypage",
    "kg.web.pages",
)


@dataclass(frozen=True)
class ServeSettings:
    """What the app needs to know beyond its dataset."""

    max_body: int = 1_000_000  # bytes; a query longer than this is a mistake, not a question
    union_default_graph: bool = True
    update_token: str | None = None


@dataclass
class WebContext:
    """Shared by every route: the runner, the settings, and the update target if any."""

    runner: QueryRunner
    settings: ServeSettings = field(default_factory=ServeSettings)
    update_store: ox.Store | None = None
    update_lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def select(self, query: str) -> list[dict[str, Any]]:
        """Run a SELECT through the runner (same checks and limits as /sparql) and return its
        bindings as SPARQL JSON terms; raises QueryError with the endpoint's message."""
        answer = await self.runner.run(Job(query, accept="application/sparql-results+json"))
        if answer.status != 200:
            raise QueryError(answer.body.decode("utf-8", "replace").strip())
        bindings: list[dict[str, Any]] = json.loads(answer.body)["results"]["bindings"]
        return bindings


async def _plain_error(request: Request, exc: Exception) -> Response:
    status = getattr(exc, "status_code", 500)
    detail = getattr(exc, "detail", None) or "Internal error"
    return PlainTextResponse(f"{detail}\n", status_code=status)


def create_app(
    runner: QueryRunner,
    settings: ServeSettings | None = None,
    *,
    update_store: ox.Store | None = None,
    modules: Sequence[str] = ROUTE_MODULES,
) -> Starlette:
    """Assemble the app from the route modules; the runner must be started by the caller."""
    ctx = WebContext(runner, settings or ServeSettings(), update_store)
    routes: list[BaseRoute] = []
    for name in modules:
        routes += importlib.import_module(name).routes(ctx)
    middleware = [
        Middleware(
            CORSMiddleware,
            allow_origins=["*"],
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["Accept", "Content-Type", "Authorization"],
            max_age=86400,
        ),
        Middleware(GZipMiddleware, minimum_size=1024),
        Middleware(PinView, ctx=ctx),  # one generation of the dataset per request
    ]
    app = Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={404: _plain_error, 405: _plain_error},
    )
    app.state.ctx = ctx
    return app
