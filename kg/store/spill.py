"""Records read once and kept on disk, not in memory, for the rest of a build.

A parsed record is a tree of Python objects several times the size of its YAML; a build that
kept every parsed record until its graph is written would grow with the corpus (about 250 kB
a record). Here each record file is parsed once (PyYAML's C loader, in worker processes when
there are many), and what the build needs of it before its graph is written -- its appeal id,
source, whether anything in it is restricted, its identity items, its stored keys and its
provisions -- is kept; the record itself is pickled into a spill folder and dropped. The worker
that writes the record's graph loads it back (a pickle loads many times faster than YAML
parses).

A mistake in a record is raised where the build would meet it had it kept the record: a
record that does not parse, in file order, as soon as the files are read; a bad key or item,
when the build asks for the items or keys of that record (:meth:`Parsed.value`).

The spill folder sits beside the store's generations; a build removes it when it ends, and
the next build removes one a killed build left behind.
"""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import DataError, InputError, KgError
from kg.files import generations_home, pid_alive
from kg.record.datecheck import check_dates
from kg.record.identity import Item, Provision, record_items, record_provisions
from kg.record.keys import record_keys
from kg.record.recordcheck import check_record, parse_record_yaml
from kg.store.workers import settle_worker

SPILL_PREFIX = ".tmp-records-"
PARALLEL_FROM = 400  # records; below this, worker processes cost more than they save

KeyList = list[tuple[str, str]]
RecordFacts = tuple[KeyList, list[Provision]]  # stored keys (key, where) and provisions


def read_record(path: Path, raw: bytes) -> dict[str, Any]:
    """A record from its bytes with PyYAML's C loader; the same checks and errors as
    :func:`kg.record.caserecord.load_record`."""
    return read_checked(path, raw)[0]


def read_checked(path: Path, raw: bytes) -> tuple[dict[str, Any], bool]:
    """:func:`read_record`, and whether anything in the record is restricted
    (:func:`restricted`), found in the walk that checks its shape."""
    from kg import limits

    limits.RECORD.check(len(raw), str(path))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: not UTF-8 text ({e.reason} at byte {e.start})") from None
    record = parse_record_yaml(text, path, fast=True)
    hidden = False
    if isinstance(record, dict):
        hidden = check_record(record, path, text)
        check_dates(record, path, text)  # 2017-02-30 is refused with its line
    if not isinstance(record, dict) or not isinstance(record.get("appeal"), dict):
        raise DataError(f"{path}: not a case record (no 'appeal' mapping at the top)")
    if not record["appeal"].get("id"):
        raise DataError(f"{path}: appeal.id is missing")
    return record, hidden


def restricted(value: Any) -> bool:
    """Whether any ``access`` in a record is other than public: the plain walk. The build asks
    :func:`kg.record.recordcheck.check_record`, which answers this in its shape walk;
    ``tests/test_recordcheck.py`` holds the two to the same answer on seed, generated, broken
    and random records, and ``bench/bench_record_checks.py`` times both."""
    if isinstance(value, dict):
        level = value.get("access")
        if level is not None and str(level) != "public":
            return True
        return any(restricted(v) for v in value.values())
    if isinstance(value, list):
        return any(restricted(v) for v in value)
    return False


@dataclass(frozen=True)
class Shelved:
    """A value pickled into a record's spill file after the record (at ``offset``): what a
    build keeps of every record until its graph is written (its identity items, its stored
    keys and provisions) is held on disk, not in memory, and loaded when asked for."""

    path: str
    offset: int
    keys: tuple[Any, ...] = ()  # the items' keys, in order (held: the build needs them all)

    def load(self) -> Any:
        with open(self.path, "rb") as f:
            f.seek(self.offset)
            return pickle.load(f)  # noqa: S301 - written by this build, in its own folder

    def pickled(self) -> bytes:
        """The value as pickled (the last thing in the file)."""
        with open(self.path, "rb") as f:
            f.seek(self.offset)
            return f.read()


@dataclass
class Parsed:
    """What a build keeps of one parsed record; the record itself is in ``spill``, and so
    are its items when they were made without a mistake (:class:`Shelved`)."""

    key: str  # the record file's path
    sha: str  # the hash of the bytes parsed (kg.store.stream's)
    appeal: str
    source: str | None
    restricted: bool
    spill: str
    items: list[Item] | Shelved | KgError
    facts: RecordFacts | KgError

    @staticmethod
    def value(found: Any) -> Any:
        """``items`` or ``facts``, raising the mistake found while making them (items kept
        on disk are loaded)."""
        if isinstance(found, KgError):
            raise found
        if isinstance(found, Shelved):
            return found.load()
        return found

    @staticmethod
    def checked(found: Any) -> Any:
        """``items`` or ``facts`` as kept (on disk or not), raising the mistake found while
        making them."""
        if isinstance(found, KgError):
            raise found
        return found

    def record(self) -> dict[str, Any]:
        """The record, loaded back from the spill folder."""
        with open(self.spill, "rb") as f:
            return pickle.load(f)  # noqa: S301 - written by this build, in its own folder


def parse_record(key: str, raw: bytes, spill_dir: Path) -> Parsed:
    """Parse one record file's bytes, spill the record, keep what the build needs of it."""
    from kg.store.stream import content_hash

    record, hidden = read_checked(Path(key), raw)
    aid = str(record["appeal"]["id"])
    items: list[Item] | Shelved | KgError
    facts: RecordFacts | KgError
    try:
        items = list(record_items({aid: record}).values())
    except KgError as e:
        items = e
    try:
        facts = (list(record_keys(record, key).items()), record_provisions(record))
    except KgError as e:
        facts = e
    fd, spill = tempfile.mkstemp(suffix=".pickle", dir=spill_dir)
    with os.fdopen(fd, "wb") as f:
        pickle.dump(record, f, protocol=pickle.HIGHEST_PROTOCOL)
        if not isinstance(items, KgError):
            # about 1.2 kB an item as Python objects, 0.2 kB pickled: held by the build for
            # every record, they grew with the corpus (kg.store.state.RecordItems)
            shelved = Shelved(spill, f.tell(), tuple(i.key for i in items))
            pickle.dump(items, f, protocol=pickle.HIGHEST_PROTOCOL)
            items = shelved
    source = record["appeal"].get("source")
    return Parsed(key, content_hash(raw), aid, source, hidden, spill, items, facts)


def _read_job(job: tuple[str, str]) -> Parsed:
    return parse_record(job[0], Path(job[0]).read_bytes(), Path(job[1]))


def parse_files(
    keys: list[str], spill_dir: Path, pool: ProcessPoolExecutor | None = None
) -> Iterator[Parsed]:
    """:func:`parse_record` of each file (read again here: the caller keeps no bytes), in
    order, in ``pool`` if given (the build's workers, :mod:`kg.store.workers`), else in 2
    worker processes when there are many; the first file that does not parse, in this order,
    raises."""
    workers = min(2, os.cpu_count() or 1)
    jobs = [(key, str(spill_dir)) for key in keys]
    if pool is not None:
        yield from pool.map(_read_job, jobs, chunksize=16)
        return
    if workers > 1 and len(jobs) >= PARALLEL_FROM:
        with ProcessPoolExecutor(workers, initializer=settle_worker) as own:
            yield from own.map(_read_job, jobs, chunksize=16)
        return
    for job in jobs:
        yield _read_job(job)


def _remove_leftovers(home: Path) -> None:
    """Spill folders of builds that are no longer running (killed)."""
    if not home.is_dir():
        return
    for entry in home.iterdir():
        if not entry.name.startswith(SPILL_PREFIX):
            continue
        pid = entry.name[len(SPILL_PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and pid_alive(int(pid)):
            continue
        shutil.rmtree(entry, ignore_errors=True)


@contextmanager
def spill_folder(store_path: Path | str) -> Iterator[Path]:
    """A folder for the build's parsed records, removed when the block ends."""
    home = generations_home(store_path)
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise InputError(
            f"{store_path}: cannot write here ({e.strerror or e}); check the folder's permissions"
        ) from None
    _remove_leftovers(home)
    folder = Path(tempfile.mkdtemp(prefix=f"{SPILL_PREFIX}{os.getpid()}-", dir=home))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


__all__ = [
    "Parsed",
    "RecordFacts",
    "Shelved",
    "parse_files",
    "parse_record",
    "read_record",
    "restricted",
    "spill_folder",
]
