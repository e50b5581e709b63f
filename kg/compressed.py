"""Compressed output for files whose name ends in ``.gz`` or ``.zst`` (``kg export -o
dist/kg.nq.gz``).

A dump of 100,000 appeals is some 17 GB of N-Quads: written plain it is bound by the disk's
writes (about 134 MB/s on the machine the benchmarks ran on). Compressed as it is written, the
disk gets a tenth of the bytes or less. The text is cut in blocks of :data:`BLOCK` bytes, each
compressed by a thread of its own (zlib and Zstandard let go of the interpreter while they
compress) into a complete gzip member or Zstandard frame, written in order: both formats read
a file of several members or frames as the concatenation of their texts (RFC 1952; RFC 8878),
and ``zcat``, ``zstd -d``, Python's ``gzip``, Jena's ``riot`` and Virtuoso's bulk loader read
them so.

``.zst`` has one more way: the build keeps its export files packed as Zstandard frames
(:func:`kg.files.pack`), and a frame copied as it is needs no compression at all, so the
exporters hand those files to :meth:`CompressingWriter.write_frames` whole. gzip is the
format every tool reads; Zstandard the faster one. Both at level 1: the fastest, and for
N-Quads still a tenth of the size or less.
"""

from __future__ import annotations

import io
import os
import shutil
import zlib
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import BinaryIO

from kg.files import COMPRESSED

GZIP, ZSTD = COMPRESSED
BLOCK = 4 << 20  # bytes of text per member or frame
LEVEL = 1


def kind(path: Path | str) -> str | None:
    """How a file at ``path`` is written: :data:`GZIP` or :data:`ZSTD` by its name's end,
    else None (plain)."""
    name = Path(path).name
    return next((k for k in (GZIP, ZSTD) if name.endswith(k)), None)


def gzip_member(block: bytes, level: int = LEVEL) -> bytes:
    """``block`` as one complete gzip member (header, deflate stream, trailer)."""
    c = zlib.compressobj(level, zlib.DEFLATED, 31)  # 31: the gzip header and trailer
    return c.compress(block) + c.flush()


def zstd_frame(block: bytes, level: int = LEVEL) -> bytes:
    """``block`` as one Zstandard frame, its size and checksum written in it (as
    :func:`kg.files.pack` writes the build's files)."""
    import zstandard

    return zstandard.ZstdCompressor(level=level, write_checksum=True).compress(block)


class CompressingWriter:
    """A binary file-like object that writes what it is given to ``out`` as gzip members
    (``kind`` :data:`GZIP`) or Zstandard frames (:data:`ZSTD`), compressed by ``threads``
    threads (default: one per CPU); :meth:`close` writes the last and waits for all of them.
    It has no ``fileno``: writers that would copy into a file by the system's calls
    (``sendfile``) write through it instead."""

    def __init__(
        self, out: BinaryIO, kind: str = GZIP, threads: int | None = None, block: int = BLOCK
    ) -> None:
        self._out = out
        self.kind = kind
        self._compress: Callable[[bytes], bytes] = gzip_member if kind == GZIP else zstd_frame
        self._block = block
        self._parts: list[bytes] = []
        self._size = 0
        self._threads = max(1, threads or os.cpu_count() or 1)
        self._pool: ThreadPoolExecutor | None = ThreadPoolExecutor(
            self._threads, thread_name_prefix="compress"
        )
        self._pending: deque[Future[bytes]] = deque()
        self.written = 0  # bytes of text taken (frames copied whole not counted)
        self.copied = 0  # bytes of frames copied as they were

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

    def write_frames(self, path: Path | str) -> bool:
        """Append the Zstandard frames of the file at ``path`` as they are (True), after the
        text given before them; False (nothing done) when this writer makes gzip."""
        if self.kind != ZSTD:
            return False
        self._submit()
        self._drain()
        with open(path, "rb") as f:
            self.copied += os.fstat(f.fileno()).st_size
            shutil.copyfileobj(f, self._out, 1 << 20)
        return True

    def _submit(self) -> None:
        if not self._parts:
            return
        block = b"".join(self._parts)
        self._parts, self._size = [], 0
        assert self._pool is not None
        self._pending.append(self._pool.submit(self._compress, block))
        # at most two blocks a thread in flight: memory stays a few blocks whatever the size
        while len(self._pending) > 2 * self._threads:
            self._out.write(self._pending.popleft().result())

    def _drain(self) -> None:
        while self._pending:
            self._out.write(self._pending.popleft().result())

    def flush(self) -> None:
        """Nothing is forced out before :meth:`close`: a member per flush would cut the text
        in small pieces and compress it worse."""

    def close(self) -> None:
        """Compress what is left, write every member or frame in order, and stop the threads
        (the file given is left open). An empty text is one empty member or frame."""
        if self._pool is None:
            return
        try:
            if not self.written and not self.copied:
                self._pending.append(self._pool.submit(self._compress, b""))
            self._submit()
            self._drain()
            self._out.flush()
        finally:
            self._stop()

    def _stop(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> CompressingWriter:
        return self

    def __exit__(self, failed: object, *_rest: object) -> None:
        if failed is None:
            self.close()
        else:  # the threads stop, nothing more is written
            self._stop()


def writing(
    path: Path | str, data: bytes | Callable[[BinaryIO], None]
) -> Callable[[BinaryIO], None]:
    """What writes ``data`` (bytes, or a function writing to a file) into the file of
    ``path`` opened for it: compressed as :func:`kind` says, else as it is; a compressed
    file is synced to the disk once written, before a caller renames it into place."""

    def write(f: BinaryIO) -> None:
        how = kind(path)
        if how is None:
            if callable(data):
                data(f)
            else:
                f.write(data)
            return
        with CompressingWriter(f, how) as z:
            if callable(data):
                data(z)  # type: ignore[arg-type]
            else:
                z.write(data)
        f.flush()
        os.fsync(f.fileno())

    return write


__all__ = [
    "BLOCK",
    "GZIP",
    "LEVEL",
    "ZSTD",
    "CompressingWriter",
    "gzip_member",
    "kind",
    "writing",
    "zstd_frame",
]
