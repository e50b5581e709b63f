"""gzip output for files whose name ends in ``.gz`` (``kg export -o dist/kg.nq.gz``).

A dump of 100,000 appeals is some 17 GB of N-Quads: written plain it is bound by the disk's
writes (about 134 MB/s on the machine the benchmarks ran on). Compressed as it is written, the
disk gets a fifth of the bytes. The text is cut in blocks of :data:`BLOCK` bytes, each block
compressed by a thread of its own (zlib lets go of the interpreter while it compresses) into a
complete gzip member, and the members written in order: RFC 1952 reads a file of several
members as the concatenation of their texts, and ``gzip -d``, ``zcat``, Python's ``gzip``,
Jena's ``riot``, Virtuoso's bulk loader and QLever read it so. Level 1: the fastest, and still
about a fifth of the size for N-Quads.
"""

from __future__ import annotations

import io
import os
import zlib
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import BinaryIO

SUFFIX = ".gz"
BLOCK = 4 << 20  # bytes of text per gzip member
LEVEL = 1


def wanted(path: Path | str) -> bool:
    """Whether a file at ``path`` is written gzip-compressed (its name ends in ``.gz``)."""
    return Path(path).name.endswith(SUFFIX)


def member(block: bytes, level: int = LEVEL) -> bytes:
    """``block`` as one complete gzip member (header, deflate stream, trailer)."""
    c = zlib.compressobj(level, zlib.DEFLATED, 31)  # 31: the gzip header and trailer
    return c.compress(block) + c.flush()


class GzipWriter:
    """A binary file-like object that writes gzip members of what it is given to ``out``,
    compressed by ``threads`` threads (default: one per CPU); :meth:`close` writes the last
    member and waits for all of them. It has no ``fileno``: writers that would copy into the
    file by the system's calls (``sendfile``) write through it instead."""

    def __init__(self, out: BinaryIO, threads: int | None = None, block: int = BLOCK) -> None:
        self._out = out
        self._block = block
        self._parts: list[bytes] = []
        self._size = 0
        self._threads = max(1, threads or os.cpu_count() or 1)
        self._pool = ThreadPoolExecutor(self._threads, thread_name_prefix="gzip")
        self._pending: deque[Future[bytes]] = deque()
        self.written = 0  # bytes of text taken

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        raise io.UnsupportedOperation("a compressing writer has no file of the system")

    def write(self, data: bytes | bytearray | memoryview) -> int:
        n = len(data)
        if not n:
            return 0
        self._parts.append(bytes(data))
        self._size += n
        self.written += n
        if self._size >= self._block:
            self._submit()
        return n

    def _submit(self) -> None:
        block = b"".join(self._parts)
        self._parts, self._size = [], 0
        self._pending.append(self._pool.submit(member, block))
        # at most two blocks a thread in flight: memory stays a few blocks whatever the size
        while len(self._pending) > 2 * self._threads:
            self._out.write(self._pending.popleft().result())

    def flush(self) -> None:
        """Nothing is forced out before :meth:`close`: a member per flush would cut the text
        in small members and compress it worse."""

    def close(self) -> None:
        """Compress what is left, write every member in order, and stop the threads (the
        file given is left open)."""
        if self._pool is None:
            return
        try:
            if self._size or not self.written:  # an empty text is one empty member
                self._submit()
            while self._pending:
                self._out.write(self._pending.popleft().result())
            self._out.flush()
        finally:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None  # type: ignore[assignment]

    def __enter__(self) -> GzipWriter:
        return self

    def __exit__(self, kind: object, *_rest: object) -> None:
        if kind is None:
            self.close()
        elif self._pool is not None:  # failed: the threads stop, nothing more is written
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None  # type: ignore[assignment]


def writing(
    path: Path | str, data: bytes | Callable[[BinaryIO], None]
) -> Callable[[BinaryIO], None]:
    """What writes ``data`` (bytes, or a function writing to a file) into the file of
    ``path`` opened for it: compressed when :func:`wanted` says so, else as it is."""

    def write(f: BinaryIO) -> None:
        if not wanted(path):
            if callable(data):
                data(f)
            else:
                f.write(data)
            return
        with GzipWriter(f) as z:
            if callable(data):
                data(z)  # type: ignore[arg-type]
            else:
                z.write(data)
        f.flush()
        os.fsync(f.fileno())  # whole on disk before it is renamed into place

    return write


__all__ = ["BLOCK", "LEVEL", "SUFFIX", "GzipWriter", "member", "wanted", "writing"]
