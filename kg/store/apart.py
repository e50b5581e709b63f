"""A step of a build run in a process of its own, so that the memory it reaches is given back
to the system when it ends.

CPython keeps the arenas its small objects lived in, and glibc the heap its larger ones
took, for the life of the process: a build that resolves identities across the whole corpus
(every record's items, the index, the resolution) kept that size through the bulk load and
the rules that followed, though it then held little of it. :func:`run_apart` forks a child
(while the caller is still small), runs the step there and hands back what the step returns.

The child's progress lines come back through a pipe and are said by the caller, in order.
An error in the child is raised again in the caller, the same exception (a mistake in a record
keeps its one line naming the file and line; anything else carries the child's traceback as a
note). Ctrl-C reaches both processes from a terminal; when only the caller is interrupted it
interrupts the child, waits for it to clean up, then goes on raising.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from kg.errors import KgError, StoreError

T = TypeVar("T")
Say = Callable[[str], None]
STOP_SECONDS = 60.0  # given to an interrupted child to clean up before it is killed
POLL_SECONDS = 1.0  # between looks at whether the child is still alive


def run_apart(step: Callable[[Say], T], say: Say) -> T:
    """``step(tell)`` in a forked child process; ``tell(line)`` there is ``say(line)`` here.
    Returns what the step returned (pickled across), or raises what it raised."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    for stream in (sys.stdout, sys.stderr):  # not written twice by the child's copy
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    child = context.Process(target=_child, args=(step, send), name="kg-build-step")
    # What this process holds is collected here, then frozen (gc.freeze) while the child is
    # forked, so that the child's collector never frees what it inherited: a store of
    # Oxigraph's left to the collector in this process would be closed in the child, whose
    # RocksDB threads are not there (the child aborts).
    gc.collect()
    gc.freeze()
    try:
        child.start()
    finally:
        gc.unfreeze()
    send.close()
    outcome: tuple[str, Any] | None = None
    try:
        while True:
            # Polled: the child's own workers hold the pipe too, so a child that dies
            # without a word may leave it open.
            if not receive.poll(POLL_SECONDS):
                if child.is_alive():
                    continue
                if not receive.poll(0):
                    break
            try:
                kind, value = receive.recv()
            except EOFError:
                break
            if kind == "say":
                say(value)
                continue
            outcome = (kind, value)
            break
        child.join()
    except BaseException:
        _stop(child)
        raise
    finally:
        receive.close()
    if outcome is None:
        raise StoreError(
            f"build: the process writing the graphs ended without a result (exit code "
            f"{child.exitcode}); the store is unchanged"
        )
    kind, value = outcome
    if kind == "error":
        raise value
    return value  # type: ignore[no-any-return]


def _child(step: Callable[[Say], Any], send: Connection) -> None:
    def tell(line: str) -> None:
        send.send(("say", line))

    # The caller stops the child with SIGINT (see _stop): whatever the caller did with that
    # signal (ignored it, as a server does, or blocked it in the forking thread), the child
    # raises KeyboardInterrupt on it and cleans up.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    try:
        value = step(tell)
    except BaseException as e:  # noqa: BLE001 - every outcome goes to the caller
        send.send(("error", _portable(e)))
        send.close()
        os._exit(130 if isinstance(e, KeyboardInterrupt) else 1)
    send.send(("done", value))
    send.close()


def _portable(error: BaseException) -> BaseException:
    """``error`` as it can cross to the caller: a mistake of the user's as it is; anything
    else with the child's traceback as a note (or, if it does not pickle, as a bug)."""
    import pickle

    if not isinstance(error, (KgError, KeyboardInterrupt)):
        where = "".join(traceback.format_exception(error))
        error.add_note(f"in the build's child process:\n{where}")
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:  # noqa: BLE001 - an exception that does not cross
        where = "".join(traceback.format_exception(error))
        return RuntimeError(f"in the build's child process:\n{where}")
    return error


def _stop(child: Any) -> None:
    """Interrupt the child (it cleans up what it made, as the build does on Ctrl-C), wait for
    it, kill it if it does not end."""
    if child.is_alive() and child.pid is not None:
        try:
            os.kill(child.pid, signal.SIGINT)
        except ProcessLookupError:
            pass
    child.join(STOP_SECONDS)
    if child.is_alive():
        child.kill()
        child.join()


__all__ = ["run_apart"]
