"""Serve the app with uvicorn on a socket bound here, with a chosen listen backlog.

``serve`` runs in the foreground until Ctrl-C (``kg serve``); :class:`BackgroundServer` runs the
same stack in a thread, for tests and notebooks, and stops cleanly.
"""

from __future__ import annotations

import asyncio
import copy
import socket
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import uvicorn
from starlette.applications import Starlette
from uvicorn.config import LOGGING_CONFIG

from kg.errors import KgError
from kg.web.app import ROUTE_MODULES, ServeSettings, create_app
from kg.web.local import view_of
from kg.web.runner import DatasetSource, Limits, QueryRunner
from kg.web.watch import StoreWatch, StoreWatcher

__all__ = ["BackgroundServer", "Listen", "bind", "is_loopback_host", "public_source", "serve"]


@dataclass(frozen=True)
class Listen:
    """Where and how the server listens."""

    host: str = "127.0.0.1"
    port: int = 7878
    backlog: int = 1024
    max_connections: int = 256  # open connections; past it uvicorn answers 503
    quiet: bool = False


def bind(host: str, port: int, backlog: int) -> socket.socket:
    """A listening socket (IPv6 when ``host`` has a colon); KgError naming the address."""
    if not 0 <= port <= 65535:
        raise KgError(f"--port {port}: a port is a number from 0 to 65535")
    if backlog < 1:
        raise KgError(f"--backlog {backlog}: must be at least 1")
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP explicitly: asyncio turns Nagle off only on sockets that say they are TCP,
    # and with Nagle on, each keep-alive answer waits for the client's delayed ACK (40 ms).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((host, port))
        sock.listen(backlog)
    except (OSError, OverflowError) as exc:
        sock.close()
        reason = getattr(exc, "strerror", None) or str(exc)
        raise KgError(f"cannot listen on {host}:{port}: {reason}") from None
    sock.setblocking(False)
    return sock


def url_of(sock: socket.socket, path: str = "/sparql") -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}{path}"


def public_source(store_path: Path, include_restricted: bool = False) -> DatasetSource:
    """The dataset ``kg serve`` serves: the build's public store unless told otherwise.

    The store is copied into the serving processes' memory, so a rebuild that swaps the store
    folder under a running server cannot pull files from under it.
    """
    from kg.store import Store, store_location

    store = Store.open(store_location(store_path, public=not include_restricted))
    return DatasetSource.from_store(store.oxigraph)


def _log_config() -> dict[str, Any]:
    """uvicorn's logging, with the access log on stderr too: stdout is for results."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["handlers"]["access"]["stream"] = "ext://sys.stderr"
    return config


def _config(app: Starlette, listen: Listen) -> uvicorn.Config:
    return uvicorn.Config(
        app,
        log_config=_log_config(),
        http="h11",
        lifespan="off",
        backlog=listen.backlog,
        limit_concurrency=listen.max_connections,
        timeout_keep_alive=5,
        h11_max_incomplete_event_size=64 * 1024,
        access_log=not listen.quiet,
        log_level="warning" if listen.quiet else "info",
        server_header=False,
    )


def serve(
    source: DatasetSource,
    listen: Listen,
    limits: Limits,
    settings: ServeSettings | None = None,
    *,
    allow_update: bool = False,
    watch: StoreWatch | None = None,
) -> None:
    """Serve until interrupted, printing the endpoint URL on stderr once it answers.

    With ``watch``, each new generation of that store is served as soon as a build makes it
    (:mod:`kg.web.watch`); not with ``allow_update``, whose updates the server keeps itself.
    """
    settings = settings or ServeSettings()
    update_store = None
    if allow_update:
        if not settings.update_token:
            raise KgError("--allow-update needs --update-token (or KG_UPDATE_TOKEN)")
        if not is_loopback_host(listen.host):
            raise KgError(f"--allow-update serves on loopback only, not on {listen.host}")
        update_store = ox.Store()
        if source.path is not None:
            update_store.bulk_load(
                ox.Store.read_only(source.path).dump(format=ox.RdfFormat.N_QUADS) or b"",
                format=ox.RdfFormat.N_QUADS,
            )
        elif source.nquads:
            update_store.bulk_load(source.nquads, format=ox.RdfFormat.N_QUADS)
    sock = bind(listen.host, listen.port, listen.backlog)
    runner = QueryRunner(source, limits).start()
    watcher = StoreWatcher(runner, watch).start() if watch and not allow_update else None
    try:
        app = create_app(runner, settings, update_store=update_store)
        view_of(runner, settings.union_default_graph).warm()  # the pages' copy and tables
        print(f"SPARQL endpoint at {url_of(sock)}", file=sys.stderr, flush=True)
        uvicorn.Server(_config(app, listen)).run(sockets=[sock])
    finally:
        if watcher is not None:
            watcher.stop()
        runner.close()
        sock.close()


def is_loopback_host(host: str) -> bool:
    """True for localhost and loopback addresses (127.0.0.0/8, ::1); False for anything else."""
    import ipaddress

    if host in ("localhost", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class BackgroundServer:
    """The app under uvicorn in a daemon thread, on loopback; ``stop()`` ends it.

    Example::

        with BackgroundServer(DatasetSource.from_store(store)) as server:
            SPARQLWrapper(server.url)...
    """

    def __init__(
        self,
        source: DatasetSource,
        limits: Limits | None = None,
        settings: ServeSettings | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        backlog: int = 1024,
        update_store: ox.Store | None = None,
        modules: Sequence[str] = ROUTE_MODULES,
        watch: StoreWatch | None = None,
    ) -> None:
        self.runner = QueryRunner(source, limits or Limits()).start()
        self.watcher = StoreWatcher(self.runner, watch).start() if watch else None
        self.sock = bind(host, port, backlog)
        self.url = url_of(self.sock)
        self.port = self.sock.getsockname()[1]
        app = create_app(self.runner, settings, update_store=update_store, modules=modules)
        view_of(self.runner, (settings or ServeSettings()).union_default_graph).warm()
        listen = Listen(host=host, port=self.port, backlog=backlog, quiet=True)
        self._server = uvicorn.Server(_config(app, listen))
        self._thread = threading.Thread(target=self._run, name="kg-web", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 30
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                self.stop()
                raise KgError("the web server did not start")
            time.sleep(0.01)

    def _run(self) -> None:
        asyncio.run(self._server.serve(sockets=[self.sock]))

    def stop(self) -> None:
        """Stop serving and stop the query workers."""
        self._server.should_exit = True
        self._thread.join(10)
        if self.watcher is not None:
            self.watcher.stop()
        self.runner.close()
        self.sock.close()

    def __enter__(self) -> BackgroundServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
