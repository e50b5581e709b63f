"""Serve each new generation of a build's store without a restart.

``kg build`` and ``kg takedown`` write a new generation of the store and swap the ``.kg`` link to
it in one rename (``docs/public-store.md``). A running ``kg serve`` looks at the link once a
second (one ``readlink`` and one ``stat``); when it names another generation, the server
copies that generation's store (the public one unless it serves the full one) into memory,
loads it in this process for the pages, and hands it to the query runner, whose workers are
replaced as they become free. Until the copy is ready, the previous generation is served whole;
from the moment it is swapped in, every new request reads the new one, and a request already
running finishes on the generation it began with (``kg/web/local.py``). The served copies live
in memory, so a later build may delete the old generation's folder at any time.

A generation that cannot be read (a build removed it already, or it is damaged) is reported
once on stderr and the current one stays served; the next look tries again.
"""

from __future__ import annotations

import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError
from kg.web.local import prepare
from kg.web.runner import DatasetSource, QueryRunner

__all__ = ["StoreWatch", "StoreWatcher"]


@dataclass(frozen=True)
class StoreWatch:
    """Which store to follow: the ``--store`` link, the store folder served now, and whether
    the public store (True) or the full one of each generation is served."""

    pointer: Path
    served: Path
    public: bool = True
    interval: float = 1.0  # seconds between two looks at the link


def _served_folder(pointer: Path, public: bool) -> Path:
    from kg.store import store_location

    return store_location(pointer, public=public).resolve()


def _copy_of(folder: Path) -> DatasetSource:
    from kg.store import Store

    store = Store.open(folder)
    try:
        return DatasetSource.from_store(store.oxigraph)
    finally:
        del store


class StoreWatcher:
    """Follows a store link for a runner: :meth:`check` looks once, :meth:`start` every
    ``interval`` seconds in a daemon thread until :meth:`stop`."""

    def __init__(self, runner: QueryRunner, watch: StoreWatch) -> None:
        self.runner = runner
        self.watch = watch
        self.served = watch.served.resolve()
        self.swaps = 0
        self._warned: Path | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def check(self) -> bool:
        """Look at the link once; True when another generation is served from now on."""
        with self._lock:
            try:
                folder = _served_folder(self.watch.pointer, self.watch.public)
            except (KgError, OSError):
                return False  # no store behind the link at this instant: keep what we serve
            if folder == self.served:
                return False
            try:
                source = _copy_of(folder)
            except (KgError, OSError, RuntimeError) as exc:
                self._warn(folder, str(exc))
                return False
            try:
                loaded = self.runner.prepare(source)
            except KgError as exc:
                self._warn(folder, str(exc))
                return False
            try:
                prepare(source)  # the pages' copy and tables, before any request asks for them
            except Exception as exc:
                self.runner.discard(loaded)
                self._warn(folder, str(exc) or type(exc).__name__)
                return False
            self.runner.switch(loaded)
            self.served = folder
            self.swaps += 1
            print(f"serving store generation {folder.parent.name}", file=sys.stderr, flush=True)
            return True

    def _warn(self, folder: Path, reason: str) -> None:
        if self._warned != folder:
            self._warned = folder
            line = reason.splitlines()[0] if reason else "unreadable"
            print(
                f"warning: {folder}: cannot serve this store generation ({line}); "
                "still serving the previous one",
                file=sys.stderr,
                flush=True,
            )

    def start(self) -> StoreWatcher:
        """Look every ``interval`` seconds in a daemon thread."""
        self._thread = threading.Thread(target=self._loop, name="kg-store-watch", daemon=True)
        self._thread.start()
        return self

    def _loop(self) -> None:
        while not self._stop.wait(self.watch.interval):
            try:
                self.check()
            except Exception as exc:  # the server keeps serving what it has
                print(f"warning: watching the store failed: {exc}", file=sys.stderr, flush=True)

    def stop(self) -> None:
        """Stop looking (a check under way ends first)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(60)
