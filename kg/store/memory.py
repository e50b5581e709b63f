"""Memory a build has freed given back to the system, and what it holds kept out of the
cyclic collector's walks.

Python frees small objects into arenas it keeps while any object in them lives, and glibc's
``malloc`` keeps freed blocks of larger ones for reuse: after identity resolution and the
writing of the graphs, which make and drop millions of objects, the build process kept its
peak size (about 1.2 GB at 10,000 appeals) through the bulk load and the rules, though
Python then held about 11 MB of live objects. ``malloc_trim`` hands the free pages of the C
heap back; elsewhere than glibc this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager


def release_freed_memory() -> bool:
    """Collect garbage, then ask the C library to return free heap pages to the system.
    True if the library was asked (Linux with glibc), False where it cannot be."""
    gc.collect()
    if not sys.platform.startswith("linux"):
        return False
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    try:
        libc = ctypes.CDLL(name)
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # musl and others have no malloc_trim
        return False
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    trim(0)
    return True


@contextmanager
def held_apart() -> Iterator[Callable[[], None]]:
    """A function that moves every object the process holds so far out of the cyclic
    collector's reach (``gc.freeze``) until the block ends.

    A rebuild reads what the previous build kept -- record entries, item keys, the identity
    index: millions of small objects, none in a cycle, that live to its end -- and then makes
    a change-sized amount of garbage. Each full pass of the collector walks every tracked
    object, so with those held its cost grew with the corpus (0.27 of 1.5 s of CPU at 3,000
    appeals went to the collector). Frozen objects are still freed when their last reference
    goes; only a cycle among them would wait for the block's end. Nothing is frozen when
    something else froze objects already (the fork of :mod:`kg.store.apart`), so that its
    freeze is not undone here."""
    mine = gc.get_freeze_count() == 0

    def hold() -> None:
        if mine:
            gc.freeze()

    try:
        yield hold
    finally:
        if mine:
            gc.unfreeze()


__all__ = ["held_apart", "release_freed_memory"]
