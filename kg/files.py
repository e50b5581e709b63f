"""Atomic file writes: readers see the old content or the new, never a partial file.

Sits under everything (like ``vocab`` and ``errors``) so that every writer shares one way.
"""

from __future__ import annotations

import csv
import fcntl
import gc
import io
import os
import secrets
import shutil
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

from kg.errors import InputError, StoreError

# Names written compressed, gzip or Zstandard (kg.compressed; here, where every writer looks,
# without importing its threads)
COMPRESSED = (".gz", ".zst")


def write_atomic(path: Path | str, data: bytes | Callable[[BinaryIO], None]) -> Path:
    """Write bytes to ``path`` through a temporary file in the same folder and a rename;
    ``data`` may also be a function that writes them to the file it is given (a streamed
    export, never held in memory). A name ending in ``.gz`` or ``.zst`` is written compressed
    (:mod:`kg.compressed`)."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give a file name")
    if path.name.endswith(COMPRESSED):  # written compressed (kg.compressed)
        from kg.compressed import writing

        data = writing(path, data)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.tmp-{os.getpid()}-", dir=path.parent)
    except (FileExistsError, NotADirectoryError):
        raise InputError(f"{path}: a parent of this path is a file, not a folder") from None
    except OSError as e:
        raise InputError(f"{path}: cannot write here ({e.strerror or e})") from None
    try:
        with os.fdopen(fd, "wb") as f:
            if callable(data):
                data(f)
            else:
                f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def remove_stale_temps(path: Path | str) -> list[Path]:
    """Remove the temporary files that killed writers of ``path`` left (their process is gone)."""
    path = Path(path)
    removed = []
    for tmp in path.parent.glob(f".{path.name}.tmp-*"):
        pid = tmp.name[len(path.name) + 6 :].split("-", 1)[0]
        if pid.isdigit() and not pid_alive(int(pid)):
            tmp.unlink(missing_ok=True)
            removed.append(tmp)
    return removed


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs (one of another user counts as running)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def write_csv_atomic(
    path: Path | str, columns: Sequence[str], rows: Iterable[dict[str, str]]
) -> Path:
    """A CSV with a header row, missing cells empty, written atomically."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row.get(k, "") for k in columns})
    return write_atomic(path, buf.getvalue().encode("utf-8"))


# Folders that change as one: a pointer (symlink) to the current generation ---------------------
#
# ``path`` is a symlink to ``.<name>.d/g-<stamp>``; a new generation is filled in
# ``.<name>.d/.new-<random>``, renamed to ``g-<stamp>`` once complete, and ``path`` is then
# replaced by a new symlink in one ``rename(2)``: at every instant ``path`` names a complete
# generation, the old one or the new one. The generation before the current one is kept for
# readers that opened it; older ones and the temporary folders of killed runs are removed by the
# next run.

GENERATION_PREFIX = "g-"
TEMP_PREFIX = ".new-"
LINK_TEMP = ".link-"


def generations_home(path: Path | str) -> Path:
    """The folder that holds the generations behind ``path``."""
    path = Path(path).absolute()
    return path.parent / f".{path.name}.d"


def file_beside_store(store_path: str | Path, kind: str) -> Path:
    """Where a file of ``kind`` about the store folder ``store_path`` is kept between runs: in
    the generations folder of a built store (``<generations>.d/<generation>/full`` gives
    ``<generations>.d/<kind>-full.json``, shared by every generation, which each build replaces
    inside), else beside the folder (``<folder>.<kind>.json``)."""
    path = Path(store_path)
    if path.parent.parent.name.endswith(".d"):
        return path.parent.parent / f"{kind}-{path.name}.json"
    return path.parent / f"{path.name}.{kind}.json"


def current_generation(path: Path | str) -> Path | None:
    """The generation ``path`` points to, or None when it is not a generation pointer."""
    path = Path(path).absolute()
    if not path.is_symlink():
        return None
    target = path.resolve()
    return target if target.parent == generations_home(path).resolve() else None


def remove_leftovers(path: Path | str) -> list[Path]:
    """Remove what a killed run left behind: temporary generations and pointer links."""
    path = Path(path).absolute()
    home = generations_home(path)
    removed: list[Path] = []
    if home.is_dir():
        for entry in home.iterdir():
            if entry.name.startswith(TEMP_PREFIX):
                shutil.rmtree(entry, ignore_errors=True)
                removed.append(entry)
    if path.parent.is_dir():
        for entry in path.parent.glob(f".{path.name}{LINK_TEMP}*"):
            entry.unlink(missing_ok=True)
            removed.append(entry)
    return removed


@contextmanager
def folder_lock(folder: Path, owner: Path | str) -> Iterator[Path]:
    """Make ``folder`` and hold an exclusive advisory lock on its ``.lock`` file for the block
    (the kernel releases it when a process dies); yields ``folder``. A folder that cannot be
    made or written is an :class:`InputError` naming ``owner``."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        lock_file = open(folder / ".lock", "a+b")  # noqa: SIM115 - closed by the with below
    except OSError as e:
        raise InputError(
            f"{owner}: cannot write here ({e.strerror or e}); check the folder's permissions"
        ) from None
    with lock_file as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield folder


def remove_failed_folder(tmp: Path, error: BaseException) -> None:
    """Remove the folder a failed block was filling. What the block left open in it (a store,
    whose database threads may still write its files) is let go first: the frames of the
    error's traceback are cleared, so the objects they held are closed, and the removal is
    tried again while files still appear."""
    traceback.clear_frames(error.__traceback__)
    gc.collect()
    for wait in (0.0, 0.02, 0.05, 0.1, 0.2, 0.4):
        time.sleep(wait)
        shutil.rmtree(tmp, ignore_errors=True)
        if not tmp.exists():
            return


@contextmanager
def replacing_folder(path: Path | str) -> Iterator[Path]:
    """Fill a new folder and make ``path`` point to it atomically if the block succeeds.

    Yields the empty folder to fill. One run at a time per ``path`` (an advisory lock, which
    the kernel releases when a process dies). A real folder at ``path`` (an older layout) is
    moved into the generations first.
    """
    path = Path(path).absolute()
    with folder_lock(generations_home(path), path) as home:
        home = home.resolve()
        remove_leftovers(path)
        tmp = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=home))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o777 & ~umask)  # mkdtemp's 0700 would hide dist/ from a web server
        try:
            yield tmp
            final = home / f"{GENERATION_PREFIX}{time.time_ns():x}-{secrets.token_hex(3)}"
            os.rename(tmp, final)
        except BaseException as e:
            remove_failed_folder(tmp, e)
            raise
        previous = current_generation(path)
        if path.is_dir() and not path.is_symlink():
            legacy = home / f"{GENERATION_PREFIX}0-legacy-{secrets.token_hex(3)}"
            os.rename(path, legacy)
            previous = legacy
        point_to(path, final)
        remove_generations(home, (final, previous))


def remove_generations(home: Path, keep: Iterable[Path | None]) -> list[Path]:
    """Remove the generations in ``home`` other than those of ``keep`` (the new one and the
    one it replaced, which a reader may still have open); returns those removed."""
    kept = set(keep)
    removed = []
    for entry in home.iterdir():
        if entry.name.startswith(GENERATION_PREFIX) and entry not in kept:
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


def point_to(path: Path, target: Path) -> None:
    """Replace the symlink ``path`` by one to ``target`` (relative, so the tree can move)."""
    link = path.parent / f".{path.name}{LINK_TEMP}{secrets.token_hex(4)}"
    os.symlink(os.path.relpath(target, path.parent), link)
    try:
        os.replace(link, path)
    except BaseException:
        link.unlink(missing_ok=True)
        raise


LINE_BLOCK = 1 << 22  # bytes read at a time by read_lines


def read_lines(path: Path) -> Iterator[bytes]:
    """The file at ``path`` in blocks of whole lines (about :data:`LINE_BLOCK` bytes each, or
    what a block of a packed file unpacks to), unpacked if it is packed (:func:`is_packed`).

    A last line without a newline comes as the final block.
    """
    rest = b""
    for block in unpacked_blocks(path, LINE_BLOCK):
        block = rest + block
        cut = block.rfind(b"\n") + 1
        rest = block[cut:]
        if cut:
            yield block[:cut]
    if rest:
        yield rest


# Packed files: Zstandard frames, for the build's export files (kg.store.chunks) ---------------
#
# N-Quads and Turtle of one appeal graph shrink 18 and 6 times at level 1 and unpack at several
# hundred megabytes a second, a copy's speed for an export; ``.zst`` ends a packed file's name.

PACKED = ".zst"
PACK_LEVEL = 1
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"  # no N-Quads or Turtle text opens with these bytes


def is_packed(path: Path | str) -> bool:
    """Whether the file at ``path`` is packed (its name ends in :data:`PACKED`)."""
    return str(path).endswith(PACKED)


def _compressor():  # type: ignore[no-untyped-def]
    import zstandard

    # The checksum: a damaged file fails when read rather than giving other triples.
    return zstandard.ZstdCompressor(level=PACK_LEVEL, write_checksum=True)


def pack(data: bytes) -> bytes:
    """``data`` as one Zstandard frame (its size and checksum written in it)."""
    return _compressor().compress(data)


def unpack(data: bytes) -> bytes:
    """``data`` unpacked when it is packed (opens with the Zstandard magic number), else as is:
    for files whose name does not say (a hard link under another name)."""
    if not data.startswith(ZSTD_MAGIC):
        return data
    return _Unpacking(io.BytesIO(data), "packed data").readall()


def write_packed(path: Path | str, data: bytes) -> None:
    """Write ``data`` packed to ``path`` (not atomically: for files a manifest names later)."""
    Path(path).write_bytes(pack(data))


@contextmanager
def packing(path: Path | str) -> Iterator[BinaryIO]:
    """A binary file that packs what is written to it into ``path``, a block at a time."""
    import zstandard

    with open(path, "wb") as raw:
        writer = _compressor().stream_writer(raw, closefd=False)
        yield writer  # type: ignore[misc]
        writer.flush(zstandard.FLUSH_FRAME)


@contextmanager
def open_unpacked(path: Path | str) -> Iterator[BinaryIO]:
    """The file at ``path`` opened for reading, unpacked as it is read if it is packed."""
    with open(path, "rb") as f:
        if not is_packed(path):
            yield f
            return
        yield io.BufferedReader(_Unpacking(f, str(path)), UNPACK_BLOCK)  # type: ignore[misc]


def read_unpacked(path: Path | str) -> bytes:
    """The bytes of the file at ``path``, unpacked if it is packed."""
    if not is_packed(path):
        return Path(path).read_bytes()
    with open(path, "rb") as f:
        return _Unpacking(f, str(path)).readall()


UNPACK_BLOCK = 1 << 18  # packed bytes read at a time (a few megabytes unpacked)


class _Unpacking(io.RawIOBase):
    """The unpacked bytes of the frames of a packed file, read as they are unpacked; a file
    that ends inside a frame, or whose checksum fails, is a :class:`StoreError` (Zstandard's
    own stream reader returns what it unpacked of a cut file without a word)."""

    def __init__(self, raw: BinaryIO, name: str) -> None:
        self._blocks = _unpacked_blocks(raw, name)
        self._held = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._held:
            block = next(self._blocks, None)
            if block is None:
                return 0
            self._held = memoryview(block)
        n = min(len(buffer), len(self._held))
        buffer[:n] = self._held[:n]
        self._held = self._held[n:]
        return n

    def readall(self) -> bytes:
        return bytes(self._held) + b"".join(self._blocks)


def _unpacked_blocks(raw: BinaryIO, name: str) -> Iterator[bytes]:
    import zstandard

    def damaged(why: str) -> StoreError:
        return StoreError(f"{name}: {why}; build the store again (kg build --full)")

    unpacker = zstandard.ZstdDecompressor().decompressobj()
    started = False
    while data := raw.read(UNPACK_BLOCK):
        started = True
        try:
            block = unpacker.decompress(data)
            while unpacker.eof and unpacker.unused_data:  # another frame follows
                rest = unpacker.unused_data
                unpacker = zstandard.ZstdDecompressor().decompressobj()
                block += unpacker.decompress(rest)
        except zstandard.ZstdError as e:
            raise damaged(f"the packed file is damaged ({e})") from None
        if block:
            yield block
    if started and not unpacker.eof:
        raise damaged("the packed file ends inside a frame")


def unpacked_blocks(path: Path | str, size: int = UNPACK_BLOCK) -> Iterator[bytes]:
    """The unpacked bytes of the file at ``path`` a block at a time: as they are unpacked from
    blocks of :data:`UNPACK_BLOCK` packed bytes, or ``size`` bytes if it is not packed."""
    with open(path, "rb") as f:
        if is_packed(path):
            yield from _unpacked_blocks(f, str(path))
        else:
            while block := f.read(size):
                yield block
