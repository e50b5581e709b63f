"""The build that streams: each record read once (PyYAML's C loader) and spilled to disk
(:mod:`kg.store.spill`), its graph written as N-Quads into Oxigraph's bulk loader, the partition
of :mod:`kg.store.partition` and the derivation rules run over the store without holding its
triples in Python; a build with nothing changed does nothing, and a build after some records
changed changes only their graphs.

A build keeps, beside its stores:

- ``build-state.json``: for every appeal the fingerprint of the graph made from it (record,
  text, the identities and provision labels given to its items, the reference data and the
  code that makes graphs); the hashes of the ontology, the reference data, the links and the
  curated identity decisions; and ``touched``, the appeal graphs whose content this build
  changed (every graph on a full build) -- what validation can check again;
- ``state-….sqlite`` (:mod:`kg.store.state`, in the ``kept/`` folder beside the generations,
  changed in place by each rebuild: :mod:`kg.store.kept`; the generation's
  ``build-state.json`` names it): for every record file its size, time and content
  hash, and per record hash its identity items, stored keys and provisions -- rows read and
  written by record, so that a rebuild after a few changes touches only theirs; and the shared
  index of :mod:`kg.store.delta`, read and written by triple and graph;
- ``identity-index.pickle`` (:mod:`kg.record.identity_index`: the last resolution, so that a
  change resolves only what it reaches) and ``identity-keys-….sqlite`` in ``kept/`` (its
  blocking keys, :mod:`kg.record.keytable`, read and changed in place only where a change
  reaches);
- ``rule-shapes.pickle`` (the rules' analysis, :mod:`kg.store.derive`).

Then:

- nothing changed (same files, same hashes): nothing is read and the store stays as it is;
- records changed, added or removed (same code, ontology, reference data and decisions): the
  previous store is copied (hard links) and changed by :func:`kg.store.delta.apply_changes`;
  the links graph is replaced when the links changed; the derived graph is derived again
  around what changed (:mod:`kg.store.derive`);
- anything else: every graph is written and bulk-loaded again. When that is known before
  the records are read (no previous state, or the code, ontology, reference data or decisions
  changed), the first half -- records parsed, identity resolution, graphs written, identity's
  state -- runs in a child process (:mod:`kg.store.apart`) that exits before the bulk load, so
  the process that loads the store and runs the rules does not keep the memory identity
  resolution reached (it grows with the corpus).

The new stores are made in a new generation and swapped in at once
(:func:`kg.files.replacing_folder`): a failed build leaves the previous one.

Restricted data (any ``access`` other than public, an access level in the reference data or
links, or takedowns) goes through the dataset build of :mod:`kg.store.build`, whose public store
is made by :mod:`kg.store.public`; for public-only data the public store is the full one,
checkpointed.
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import json
import multiprocessing
import os
import pickle
import shutil
import sqlite3
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, overload

import pyoxigraph as ox
from rdflib import Graph, URIRef

import kg.store.derive as _derive_module
from kg.errors import DataError, StoreError
from kg.files import current_generation, replacing_folder
from kg.record.caserecord import appeal_graph_iri
from kg.record.identity import (
    Canon,
    Cluster,
    Item,
    Provision,
    Resolution,
    apply_resolution,
    canonical_provisions,
)
from kg.record.identity_index import read_index, resolve_with_index, write_index
from kg.record.keytable import DiskKeys
from kg.record.nquads import term_text
from kg.record.takedown import TAKEDOWNS_FILE
from kg.store.apart import run_apart
from kg.store.chunks import AppealFilesInWorkers, FilesAhead, appeal_files_writer, graph_lines
from kg.store.counts import count_entities_after
from kg.store.delta import SHARED_FILE, SharedIndex, _keys, apply_changes
from kg.store.derive import (
    GraphAnswers,
    canonical_triples,
    derive_changes,
    rule_shape,
    shapes_of,
)
from kg.store.kept import (
    KEPT_DIR,
    begin_changes,
    kept_lock,
    kept_path,
    new_token,
    recover_file,
    remove_unnamed,
    seal,
)
from kg.store.localrules import Derived, usable
from kg.store.memory import held_apart, release_freed_memory
from kg.store.spill import (
    Parsed,
    RecordFacts,
    Shelved,
    parse_files,
    parse_record,
    read_record,
    spill_folder,
)
from kg.store.state import BuildState, RecordItems, SharedRows
from kg.store.stated import drop_stated
from kg.store.textpartition import partition_nquads
from kg.store.workers import WorkerPool
from kg.vocab import (
    AKG,
    DATA_DIR,
    DERIVED_GRAPH,
    LINKS_GRAPH,
    ONTOLOGY_DIR,
    ONTOLOGY_GRAPH,
    REFERENCE_GRAPH,
    ROOT,
)

STATE_FILE = "build-state.json"
IDENTITY_FILE = "identity-index.pickle"  # kg.record.identity_index
SHAPES_FILE = "rule-shapes.pickle"  # kg.store.derive's analysis of the rules
STATE_VERSION = 3  # 3: record entries, items and keys in state.sqlite (kg.store.state)
# The derived triples the builds before this one changed (newest first, each with the build it
# started from and its own token), kept for a validation run that checked an older build: at
# most this many builds, and no more lines than this in all (a longer history is cut short;
# the run then compares the derived graph with its copy, as without one).
DERIVED_HISTORY_BUILDS = 16
DERIVED_HISTORY_LINES = 50_000  # some 6 MB of the state file at most
PART = 32  # records sent to a worker at a time
AHEAD = 4  # parts in flight per worker
BATCH_BYTES = 32 << 20  # N-Quads text per bulk-loaded file (about 150,000 quads)
DERIVED_TEXT_DIR = ".derived-text"  # the rules' answers kept for the export files (_derive)
# A full build's first half in a process of its own (_build_apart); False: in this process.
FRONT_APART = True

Progress = Callable[[str], None]


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def content_hash(raw: bytes) -> str:
    """The hash the build state keeps of a record file's bytes."""
    return _sha(raw)


def _sha(*chunks: bytes | str) -> str:
    h = hashlib.sha256()
    for chunk in chunks:
        h.update(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
        h.update(b"\x1e")
    return h.hexdigest()


def _files_hash(paths: Iterable[Path]) -> str:
    return _sha(*(f"{p.name}\x1f".encode() + p.read_bytes() for p in sorted(paths)))


# The modules of kg.store that only plan a build, run its steps or keep its state for the
# next one: a change to them changes no graph. Every other module of kg.store decides what the
# stores or their files hold (the graphs, the rules derived as they are written, the public
# store, the export files), so a change to it makes the next build write every graph: a module
# added later counts unless it is named here. Of this module, the functions named below count.
_PLANNING_MODULES = frozenset(
    {"apart.py", "kept.py", "memory.py", "spill.py", "state.py", "stream.py", "workers.py"}
)
_RECIPE_FUNCTIONS = ("graph_nquads", "_init_worker", "_case_nquads")


def recipe_sources(root: Path = ROOT) -> list[Path]:
    """The files whose code turns records into what a build writes (:func:`recipe_hash`)."""
    store = sorted(
        p for p in (root / "kg" / "store").glob("*.py") if p.name not in _PLANNING_MODULES
    )
    return [*sorted((root / "kg" / "record").glob("*.py")), root / "kg" / "countries.py", *store]


def recipe_hash(root: Path = ROOT) -> str:
    """The code that turns records into graphs: a change to it rebuilds every graph."""
    import inspect

    import pycountry

    here = sys.modules[__name__]
    functions = (inspect.getsource(getattr(here, name)) for name in _RECIPE_FUNCTIONS)
    sources = (p for p in recipe_sources(root) if p.exists())
    return _sha(_files_hash(sources), *functions, pycountry.__version__)


# --------------------------------------------------------------------------------------------
# Records on disk


def _marks_access(data_dir: Path) -> bool:
    """Whether reference data or links set an access level (a restricted entity, say)."""
    files = [*(data_dir / "reference").glob("*.ttl"), *(data_dir / "links").glob("*.csv")]
    return any(
        word in path.read_text(encoding="utf-8", errors="replace")
        for path in files
        for word in ("restricted", "confidential")
    )


class _Entry(dict):
    """What the state keeps of one record file (a dict, so that it goes to JSON as it is)."""


def _scan(
    data_dir: Path, previous: dict[str, Any], spill_dir: Path, workers: WorkerPool | None = None
) -> tuple[dict[str, _Entry], dict[str, Parsed]]:
    """Every record file with its size, time and hash; a file whose size and time are those
    the previous build saw keeps its entry without being read. Returns (entries by path,
    records parsed now by path; :mod:`kg.store.spill` keeps the records themselves)."""
    from kg.store.build import CURATED_DIR, EXTRACTED_DIR

    old = _files_here(previous, data_dir)
    entries: dict[str, _Entry] = {}
    read: dict[str, Parsed] = {}
    to_parse: list[tuple[str, bool, os.stat_result]] = []
    for sub, curated in ((CURATED_DIR, True), (EXTRACTED_DIR, False)):
        folder = data_dir / sub
        if not folder.is_dir():
            continue
        with os.scandir(folder) as it:
            names = sorted(e.name for e in it if e.name.endswith(".yaml") and e.is_file())
        base = str(folder) + os.sep
        for name in names:
            key = base + name  # str(folder / name), without a Path or a join per file
            st = os.stat(key)
            prev = old.get(key)
            if prev and prev["size"] == st.st_size and prev["mtime"] == st.st_mtime_ns:
                entries[key] = _Entry(prev)
                continue
            if prev and prev["sha"] == content_hash(Path(key).read_bytes()):
                entries[key] = _Entry(prev, size=st.st_size, mtime=st.st_mtime_ns)
            else:
                entries[key] = _Entry()  # keeps the order; filled below
                to_parse.append((key, curated, st))
    # The build's workers, forked now (small) with the reference labels read, parse the
    # records and later write their graphs (kg.store.workers).
    pool = None
    if workers is not None:
        pool = workers.get(len(to_parse), fork=True, before=lambda: _init_worker(str(data_dir)))
    parsed = parse_files([key for key, *_ in to_parse], spill_dir, pool)
    for (key, curated, st), found in zip(to_parse, parsed, strict=True):
        read[key] = found
        entries[key] = _Entry(
            size=st.st_size, mtime=st.st_mtime_ns, sha=found.sha, curated=curated,
            appeal=found.appeal, source=found.source, restricted=found.restricted,
        )  # fmt: skip
    texts = _Texts(data_dir)
    for key, entry in entries.items():
        source = entry.get("source")
        text = texts.find(key, source) if source else None
        entry["text"] = text
        entry["text_sha"], entry["text_stamp"] = (
            _text_sha(text, old.get(key)) if text else (None, None)
        )
    return entries, read


class _Cases(Sequence[Any]):
    """The chosen records as :class:`kg.store.build.CaseSource`, each made when asked for:
    a rebuild's caller mostly counts them, and a path object per record for every build
    costs what the corpus costs."""

    def __init__(self, chosen: dict[str, str], entries: dict[str, _Entry]) -> None:
        self.chosen, self.entries = list(chosen.items()), entries

    def __len__(self) -> int:
        return len(self.chosen)

    @overload
    def __getitem__(self, i: int) -> Any: ...
    @overload
    def __getitem__(self, i: slice) -> list[Any]: ...
    def __getitem__(self, i: int | slice) -> Any:
        if isinstance(i, slice):
            return [self._case(aid, key) for aid, key in self.chosen[i]]
        return self._case(*self.chosen[i])

    def _case(self, aid: str, key: str) -> Any:
        from kg.store.build import CaseSource

        entry = self.entries[key]
        text = entry["text"]
        return CaseSource(aid, Path(key), Path(text) if text else None, entry["curated"])


def _files_here(previous: dict[str, Any], data_dir: Path) -> dict[str, Any]:
    """The previous build's record entries, keyed by where the files are now: a data folder
    moved or copied since (same records under another path) keeps its entries, so that its
    records are not read again nor their graphs written again."""
    old: dict[str, Any] = previous.get("files", {})
    before = previous.get("data_dir")
    if before is None or before == str(data_dir):
        return old
    prefix = before.rstrip(os.sep) + os.sep
    return {
        str(data_dir / key[len(prefix) :]) if key.startswith(prefix) else key: entry
        for key, entry in old.items()
    }


def _text_file(data_dir: Path, record_path: Path, source: str | None) -> Path | None:
    from kg.store.build import _text_path

    return _text_path(data_dir, record_path, source) if source else None


class _Texts:
    """The appeal text a record's ``source`` names, found where
    :func:`kg.store.build._text_path` looks (beside the record, then in ``appeals/``), in each
    folder's listing, read once, rather than by a file-system call per candidate and record."""

    def __init__(self, data_dir: Path) -> None:
        from kg.store.build import APPEALS_DIR

        self.data_dir = data_dir
        self.appeals = str(data_dir / APPEALS_DIR)
        self.listings: dict[str, set[str]] = {}

    def _names(self, folder: str) -> set[str]:
        if folder not in self.listings:
            try:
                with os.scandir(folder) as it:
                    self.listings[folder] = {e.name for e in it if e.is_file()}
            except OSError:
                self.listings[folder] = set()
        return self.listings[folder]

    def find(self, record: str, source: str) -> str:
        if os.sep not in source and (os.altsep is None or os.altsep not in source):
            # (the record's folder as os.path.dirname gives it, for a path without a
            # trailing separator, at a tenth of its cost over 100,000 records)
            for folder in (record[: record.rindex(os.sep)] or os.sep, self.appeals):
                if source in self._names(folder):
                    return folder + os.sep + source if folder != os.sep else folder + source
        text = _text_file(self.data_dir, Path(record), source)  # a path, or the build's error
        return str(text)


def _text_sha(text: str, prev: dict[str, Any] | None) -> tuple[str, list[int]]:
    """An appeal text's hash and stamp (size, time); the hash is the previous one when the
    stamp is."""
    st = os.stat(text)
    stamp = [st.st_size, st.st_mtime_ns]
    if prev and prev.get("text") == text and prev.get("text_stamp") == stamp:
        return str(prev["text_sha"]), stamp
    return _sha(Path(text).read_bytes()), stamp


def _choose(entries: dict[str, _Entry], shadowed: list[str] | None = None) -> dict[str, str]:
    """appeal id -> record path: a curated record wins over an extracted one (as find_cases);
    the extracted records it shadows are added to ``shadowed``."""
    chosen: dict[str, str] = {}
    for key, entry in entries.items():
        aid = entry["appeal"]
        if aid in chosen:
            other = entries[chosen[aid]]
            if other["curated"] and not entry["curated"]:
                if shadowed is not None:
                    shadowed.append(key)
                continue
            raise DataError(f"{key}: appeal id '{aid}' is already used by {chosen[aid]}")
        chosen[aid] = key
    return dict(sorted(chosen.items()))


# --------------------------------------------------------------------------------------------
# Graphs as N-Quads


def graph_nquads(graph: Graph, name: URIRef) -> str:
    """One graph's triples as N-Quads lines in the named graph ``name``."""
    g = f"<{name}>"
    return "".join(f"{term_text(s)} {term_text(p)} {term_text(o)} {g} .\n" for s, p, o in graph)


_WORKER: dict[str, Any] = {}


def _init_worker(data_dir: str) -> None:
    from kg.store.build import reference_graph
    from kg.store.casequads import reference_labels

    if _WORKER.get("data_dir") != data_dir:
        _WORKER["reference"] = reference_labels(reference_graph(Path(data_dir)))
        _WORKER["data_dir"] = data_dir


# A record to write: appeal id, record file, text file, curated, and the spilled record (or
# None: read from the record file).
Job = tuple[str, str, str | None, bool, str | None]
# What identity resolution gives one record: its merged items' clusters (members of this
# record only) and the canonical provisions of its merged instruments. A worker gets this
# with each record, not the whole resolution, so it holds nothing that grows with the corpus.
View = tuple[list[Cluster], Canon] | None


def _views(
    resolution: Resolution, canon: Canon, keys_of: Callable[[str], list[Any]] | None = None
) -> Callable[[str], View]:
    """The :data:`View` of each appeal, looked up by appeal id. With ``keys_of`` (an appeal's
    item keys) each view is made from the appeal's own items when asked for, so that a rebuild
    that writes a few graphs does not make one for every item of the corpus."""
    by_iri: dict[str, list[tuple[tuple[str, str], dict[str, Any]]]] = {}
    for key, value in canon.items():
        by_iri.setdefault(key[0], []).append((key, value))
    if keys_of is not None:
        rank = {id(c): n for n, c in enumerate(resolution.clusters)}

        def own(aid: str) -> View:
            found: list[tuple[int, int, Cluster, Any]] = []
            for key in keys_of(aid):
                c = resolution.cluster_of(*key)
                if c is not None:  # in the order of the clusters, then of their members
                    found.append((rank[id(c)], 0, c, (str(key[0]), str(key[1]))))
            if len({f[0] for f in found}) < len(found):
                # Two items of the record in one cluster (a union keeps one item a record,
                # a curated decision may not): their places in it order them. Only then, as
                # a cluster of thousands of members (a court) is met by many records.
                found = [(r, c.members.index(m), c, m) for r, _i, c, m in found]
            clusters = [Cluster(c.kind, [m], c.iri, c.label, c.variants, [])
                        for _r, _i, c, m in sorted(found, key=lambda f: f[:2])]  # fmt: skip
            provisions = {k: v for c in clusters for k, v in by_iri.get(str(c.iri), [])}
            return clusters, provisions

        return own
    by_aid: dict[str, list[Cluster]] = {}
    for c in resolution.clusters:
        for aid, local in c.members:
            by_aid.setdefault(aid, []).append(
                Cluster(c.kind, [(aid, local)], c.iri, c.label, c.variants, [])
            )

    def view(aid: str) -> View:
        clusters = by_aid.get(aid, [])
        provisions = {k: v for c in clusters for k, v in by_iri.get(str(c.iri), [])}
        return clusters, provisions

    return view


def _case_nquads(
    job: Job, view: View, rules: frozenset[str] = frozenset()
) -> tuple[str, str, Derived | None]:
    """A case graph as N-Quads (in a worker process, or in the caller): the record loaded from
    the spill folder (or read), its items given their identities, its graph made; with what
    the local ``rules`` derive from it (:mod:`kg.store.localrules`; None: they may not)."""
    from kg.store.build import CaseSource
    from kg.store.casequads import case_nquads_derived

    aid, record_path, text_path, curated, spill = job
    if spill is not None:
        with open(spill, "rb") as f:
            record = pickle.load(f)  # noqa: S301 - written by this build (kg.store.spill)
    else:
        record = read_record(Path(record_path), Path(record_path).read_bytes())
    if view is not None:
        clusters, provisions = view
        apply_resolution({aid: record}, Resolution(clusters, [], {}), provisions)
    case = CaseSource(aid, Path(record_path), Path(text_path) if text_path else None, curated)
    text, derived = case_nquads_derived(case, record, _WORKER["reference"], rules)
    return aid, text, derived


def _cases_nquads(
    data_dir: str, part: list[tuple[Job, View]], rules: frozenset[str] = frozenset()
) -> list[tuple[str, Derived | None]]:
    """:func:`_case_nquads` of a few records, in a worker process."""
    _init_worker(data_dir)
    return [_case_nquads(job, view, rules)[1:] for job, view in part]


def _cases_lines(
    data_dir: str, part: list[tuple[Job, View]], rules: frozenset[str] = frozenset()
) -> list[tuple[dict[str, list[str]], Derived | None]]:
    """:func:`_cases_nquads`, each graph's text cut into its lines (:func:`_chunk_lines`) in
    the worker: an incremental build takes the lines, and cutting them was some 0.7 ms of the
    build process's CPU per written graph, besides a larger text to send back."""
    return [(_chunk_lines(text), derived) for text, derived in _cases_nquads(data_dir, part, rules)]


# --------------------------------------------------------------------------------------------
# The build


def build_streaming(
    store_path: Path | str,
    data_dir: Path = DATA_DIR,
    ontology_dir: Path = ONTOLOGY_DIR,
    *,
    incremental: bool = True,
    jobs: int | None = None,
    progress: Progress | None = _stderr,
    compact: bool = False,
) -> Any:
    """Build (or bring up to date) the stores at ``store_path``; returns a BuildResult. With
    ``compact``, a rebuild also compacts the new generation's store (RocksDB's compaction, as
    every full build does), even when nothing changed: queries on a store that many rebuilds
    changed read fewer files."""
    from kg.store.store import check_replaceable

    check_replaceable(store_path)
    with spill_folder(store_path) as spill_dir, WorkerPool(jobs) as workers:
        return _build(
            store_path, Path(data_dir), Path(ontology_dir), spill_dir,
            incremental=incremental, workers=workers, progress=progress, compact=compact,
        )  # fmt: skip


def _build(
    store_path: Path | str,
    data_dir: Path,
    ontology_dir: Path,
    spill_dir: Path,
    *,
    incremental: bool,
    workers: WorkerPool,
    progress: Progress | None,
    compact: bool = False,
) -> Any:
    from kg.store.public import pseudonym_key

    say = progress or (lambda _m: None)
    started = time.perf_counter()
    # Made by every build, as the dataset build does, so the data folder's state does not
    # depend on which way a build went (the key matters once something is restricted).
    pseudonym_key(data_dir)
    with kept_lock(store_path):  # one build at a time changes the kept files (kg.store.kept)
        remove_unnamed(store_path)
        if (
            FRONT_APART
            and "fork" in multiprocessing.get_all_start_methods()
            and _every_graph(store_path, data_dir, ontology_dir, incremental)
        ):
            return _build_apart(
                store_path, data_dir, ontology_dir, spill_dir,
                incremental=incremental, jobs=workers.workers, say=say, started=started,
            )  # fmt: skip
        return _build_kept(
            store_path, data_dir, ontology_dir, spill_dir,
            incremental=incremental, workers=workers, say=say, started=started, compact=compact,
        )  # fmt: skip


def _build_kept(
    store_path: Path | str,
    data_dir: Path,
    ontology_dir: Path,
    spill_dir: Path,
    *,
    incremental: bool,
    workers: WorkerPool,
    say: Progress,
    started: float,
    into: Path | None = None,
    compact: bool = False,
) -> Any:
    """The build; with ``into`` (the new generation's folder, in the process of
    :func:`_build_apart`), only up to the bulk load: returns its :class:`_Front`, or None
    when the data is restricted (built through :mod:`kg.store.build` instead)."""
    generation = current_generation(store_path)
    previous: dict[str, Any] = {}
    old_state: BuildState | None = None
    if incremental and generation is not None and (generation / STATE_FILE).exists():
        previous = json.loads((generation / STATE_FILE).read_text(encoding="utf-8"))
        old_state = (
            BuildState.read(generation) if previous.get("version") == STATE_VERSION else None
        )
        if old_state is None:
            say("build: the store's build state is of an older version: building everything")
            previous = {}
        else:
            previous["files"] = old_state.entries()
    opened: list[Any] = []  # kept files open for writing: abandoned if the build fails
    try:
        with held_apart() as hold:
            if old_state is not None:
                hold()  # the record entries, kept to the end
            return _build_from(
                store_path, data_dir, ontology_dir, spill_dir, generation, previous, old_state,
                workers=workers, say=say, started=started, opened=opened, into=into,
                hold=hold if old_state is not None else None, compact=compact,
            )  # fmt: skip
    except BaseException:
        for kept in opened:  # their changes rolled back; a journal undoes what was committed
            try:
                kept.abandon()
            except sqlite3.Error:
                pass
        raise
    finally:
        if old_state is not None:
            old_state.close()


def _build_from(
    store_path: Path | str,
    data_dir: Path,
    ontology_dir: Path,
    spill_dir: Path,
    generation: Path | None,
    previous: dict[str, Any],
    old_state: BuildState | None,
    *,
    workers: WorkerPool,
    say: Progress,
    started: float,
    opened: list[Any],
    into: Path | None = None,
    hold: Callable[[], None] | None = None,
    compact: bool = False,
) -> Any:
    """The build from the previous generation's state (``previous``, ``old_state``); with
    ``hold``, what it reads of them is put out of the cyclic collector's walks once read
    (:func:`kg.store.memory.held_apart`)."""
    from kg.store.build import (
        IDENTITIES_FILE,
        BuildResult,
        CaseSource,
        build_classic,
        links_graph,
        ontology_graph,
        reference_graph,
        rules,
    )

    token = new_token()  # this build's name, in its state and its kept files
    entries, read = _scan(data_dir, previous, spill_dir, workers)
    shadowed: list[str] = []
    chosen = _choose(entries, shadowed)
    say(f"build: {len(entries)} record file(s), {len(read)} read")
    takedowns = data_dir / TAKEDOWNS_FILE
    if (
        any(entries[k]["restricted"] for k in chosen.values())
        or takedowns.exists()
        or _marks_access(data_dir)
    ):
        say("build: restricted data or takedowns: building through the public filter")
        if into is not None:
            return None  # built by the caller, outside the folder it made for this build
        return build_classic(store_path, data_dir, ontology_dir)

    decisions = data_dir / IDENTITIES_FILE
    globals_ = _globals(data_dir, ontology_dir)
    # The links graph depends on the link files alone: a change to them rewrites that graph.
    old_globals = previous.get("globals") or {}
    same_globals = _same_globals(old_globals, globals_)
    links_changed = old_globals.get("links") != globals_["links"]
    unchanged = (
        same_globals
        and not links_changed
        and previous.get("data_dir") == str(data_dir)
        and previous.get("files", {}).keys() == entries.keys()
        and all(
            (previous["files"][k]["sha"], previous["files"][k]["text_sha"])
            == (e["sha"], e["text_sha"])
            for k, e in entries.items()
        )
    )
    result = BuildResult(store_path=Path(store_path))
    # A sequence made as it is read, where a list is declared: the build's callers count and
    # walk it (kg/store/build.py is left as it is: a change to it is a change of recipe).
    result.cases = _Cases(chosen, entries)  # type: ignore[assignment]
    result.shadowed = [
        CaseSource(entries[k]["appeal"], Path(k), None, entries[k]["curated"]) for k in shadowed
    ]
    if (unchanged or previous and same_globals) and into is not None:
        # _every_graph decided otherwise: the data changed while the build started
        raise StoreError(f"{store_path}: the data changed as the build began; build again")
    if unchanged and not compact:
        result.triples = int(previous.get("triples", 0))
        result.graphs = int(previous.get("graphs", 0))
        result.derived = int(previous.get("derived", 0))
        result.entities = int(previous.get("entities", 0))
        result.seconds = time.perf_counter() - started
        say("build: nothing changed; the store is up to date")
        return result

    # The identity index the last build kept (read first: it holds the item keys of the
    # records it resolved). Its keys are kept in a SQLite file, changed in place
    # (kg.record.keytable).
    index = None
    if previous and generation:
        index = _read_index(generation, previous.get("build"), spill_dir, hold)
        if index is None:
            say(
                "build: the identity index the last build kept is missing, damaged or of "
                "another version: resolving every item"
            )
        elif isinstance(index.table, DiskKeys):
            opened.append(index.table)
    # Identity: items of records read now; the item keys of the others, whose items are read
    # from the state only where identity resolution or a fingerprint needs them. A record
    # the index resolved with the same content hash has the keys the index lists for it:
    # only the others' keys are read from the state (none, when the index stands).
    kept_keys: dict[str, list[Any]] = {}
    if index is not None:
        stamps, listed = index.stamps, index.appeal_items
        for aid, key in chosen.items():
            sha = entries[key]["sha"]
            if key not in read and stamps.get(aid) == sha:
                kept_keys[sha] = listed.get(aid, [])
    if old_state is not None:
        kept_keys.update(
            old_state.load_keys(
                {entries[k]["sha"] for k in chosen.values() if k not in read} - kept_keys.keys()
            )
        )
    fresh: dict[str, list[Item]] = {}
    order: list[tuple[str, str, list[Any]]] = []
    for aid, key in chosen.items():
        sha = entries[key]["sha"]
        if sha not in kept_keys or key in read:
            # kept where they are (on disk, kg.store.spill): loaded here for their keys only
            fresh[sha] = Parsed.checked(_parsed(read, key, spill_dir).items)
        order.append((aid, sha, kept_keys[sha] if sha not in fresh else _item_keys(fresh[sha])))
    items = RecordItems(order, fresh, old_state)
    del kept_keys, fresh
    # Identity: only what the changed records reach, with the index the last build kept.
    before_clusters = list(index.clusters) if index is not None else None
    resolution, index = resolve_with_index(
        items, decisions if decisions.exists() else None,
        {aid: entries[key]["sha"] for aid, key in chosen.items()}, index,
        _sha(globals_["recipe"], globals_["identities"]), spill_dir / "identity-keys.sqlite",
        items.by_appeal(), jobs=workers.workers,
    )  # fmt: skip
    if isinstance(index.table, DiskKeys):
        opened.append(index.table)
    if hold is not None:
        hold()  # the item keys, the identity index and the resolution
    result.identity_clusters = resolution.clusters
    result.identity_review = resolution.review_rows
    result.identity_review_changed = getattr(resolution.review_rows, "changed", True)
    say(
        f"build: identity: {len(resolution.clusters)} cluster(s) over {len(items)} item(s), "
        f"{index.resolved} resolved"
        + (f", {index.relabelled} labelled again" if index.relabelled else "")
    )

    facts = _facts_by_sha(chosen, entries, read, spill_dir, old_state)
    check_unique_keys_changed(chosen, entries, facts, old_state)
    canon = _canon_kept(
        previous if same_globals else {}, chosen, entries, data_dir, facts, old_state,
        before_clusters, resolution.clusters,
    )  # fmt: skip
    if canon is None:
        every = facts.everything()
        canon = canonical_provisions(
            {aid: every[entries[key]["sha"]][1] for aid, key in chosen.items()}, resolution
        )

    # Which graphs to write: those whose fingerprint changed (record, text, the identities and
    # canonical provision labels other records give its items, reference data, code). It is
    # made again only for the appeals whose inputs may have changed (_to_fingerprint).
    old_prints = previous.get("fingerprints", {}) if same_globals else {}
    again = _to_fingerprint(
        chosen, entries, _files_here(previous, data_dir), read, old_prints,
        before_clusters, resolution.clusters, canon, previous.get("canon"),
    )  # fmt: skip
    fingerprints = {}
    keys_of = {aid: keys for aid, _sha, keys in order}  # each record's item keys, in order
    facts.fetch(entries[chosen[aid]]["sha"] for aid in again)
    for aid, key in chosen.items():
        if aid not in again:
            fingerprints[aid] = old_prints[aid]
            continue
        sha = entries[key]["sha"]
        assigned = _assignments(resolution, aid, keys_of[aid])
        assigned.append(_canon_of(resolution, canon, aid, facts[sha][1]))
        fingerprints[aid] = _fingerprint(globals_, entries[key], assigned)
    say(f"build: {len(again)} fingerprint(s) made again, items of {items.loaded()} record(s) read")
    to_write = [aid for aid in chosen if old_prints.get(aid) != fingerprints[aid]]
    removed = sorted(set(old_prints) - set(chosen))
    say(f"build: {len(to_write)} graph(s) to write, {len(removed)} to remove")

    if links_changed and previous:
        say("build: links changed")
    # The shared index: kept as rows of the state (read where the change reaches), or in the
    # pickle of a store built before it was (read whole once, then kept as rows).
    shared: SharedIndex | SharedRows | None = None
    if previous and same_globals and generation is not None and old_state is not None:
        shared = {} if old_state.has_shared() else _load_pickle(generation / SHARED_FILE)
    # The rules' analysis, kept while the rules and the code analysing them are the same. The
    # module's file, not the function's: a wrapper around the function (a profiler's) would
    # name another file and make every rebuild analyse the rules again.
    analysis = _sha(_files_hash([Path(_derive_module.__file__ or "")]), globals_["ontology"])
    kept_shapes = _load_pickle(generation / SHAPES_FILE) if generation is not None else None
    if kept_shapes and kept_shapes[0] == analysis:
        shapes = kept_shapes[1]
    else:
        shapes = shapes_of(ontology_dir)
    shas = {entries[key]["sha"] for key in chosen.values()}
    state_extra = {
        "keys": (shas, facts.__getitem__), "items": (shas, items.stored),
        "shapes": (analysis, shapes), "identity": index, "canon": _canon_rows(canon),
        "identity_from": generation / IDENTITY_FILE if generation is not None else None,
    }  # fmt: skip
    if shared is not None and (generation / "full").is_dir():
        # Incremental: a copy of the previous store, changed where the changed records change it.
        todo = _jobs(to_write, chosen, entries, read)
        with replacing_folder(store_path) as folder:
            state = BuildState.create(folder, old_state, token)
            opened.append(state)
            if not state.has_shared():
                state.write_shared(shared)
            shared = state.shared_rows()
            full_dir = folder / "full"
            before = ox.Store.read_only(str(generation / "full"))
            checkpoint_store(before, full_dir)
            store = ox.Store(str(full_dir))
            # The graphs that may come or go, as they were: the count of named graphs is the
            # previous one changed by theirs (not a walk over every graph of the store).
            writing = [str(appeal_graph_iri(a)) for a in to_write]
            gone = [str(appeal_graph_iri(a)) for a in removed]
            maybe = {*writing, *gone}
            maybe |= {str(LINKS_GRAPH), str(DERIVED_GRAPH), str(REFERENCE_GRAPH)}
            existed = {g: before.contains_named_graph(ox.NamedNode(g)) for g in maybe}
            keys_by_aid = {aid: keys for aid, _sha, keys in order}
            # The graph-local rules' answers in each written graph, derived in the workers
            # from the record's triples as a full build does (kg.store.localrules), so that
            # the rules ask the changed store only about the other graphs (kg.store.derive).
            graph_rules = usable([(s.name, s.text) for s in shapes if s.graph], set())
            found: dict[str, str] = {}
            # The changed graphs' previous triples from the previous build's export files
            # where they are there, rather than read from the store term by term: read in a
            # thread of this process while the workers write the graphs.
            pool = workers.get(len(todo))
            with ThreadPoolExecutor(1) as asker:
                # The graph-local rules' answers before the change, asked of the store (not
                # changed yet) while the workers write the graphs (no fork comes while a
                # thread runs: the workers are started).
                early = (
                    asker.submit(_answers_in, shapes, graph_rules, store, writing)
                    if pool is not None else None
                )  # fmt: skip
                written, held = _lines_and_held(
                    generation, writing, gone,
                    partial(
                        _graph_lines, todo, data_dir, (resolution, canon), workers, say,
                        keys_by_aid.__getitem__, graph_rules, found,
                    ),
                    pool,
                )  # fmt: skip
                answered = early.result() if early is not None else None
            delta = apply_changes(store, shared, written, gone, held)
            del held
            _moved_contents(generation, delta)
            # The written graphs' export files, made in the workers while this process runs
            # the rules over the changed store and writes its state (kg.store.chunks).
            files_pool = workers.get(len(delta.contents))
            ahead = (
                FilesAhead(files_pool, folder, delta.contents, delta.touched)
                if files_pool is not None
                else None
            )
            say(
                f"build: {delta.graphs_written} graph(s) written, {delta.graphs_removed} "
                f"removed, {delta.moved} triple(s) moved between other graphs"
            )
            derived = None
            derived_changes: list[ox.Triple] = []  # what validation checks again
            added: set[ox.Triple] | None = None  # made only when asked for
            if links_changed:
                added = delta.added | _replace_graph(store, LINKS_GRAPH, links_graph(data_dir))
            else:  # only around what changed (kg.store.derive); the links: all again
                derived = derive_changes(
                    store, before, shapes, ox.NamedNode(str(DERIVED_GRAPH)),
                    delta.union_added, delta.union_removed, int(previous.get("derived", 0)),
                    derived_changes, graphs={*delta.touched, *([str(REFERENCE_GRAPH)]
                                                               if delta.reference else [])},
                    known=GraphAnswers(
                        graph_rules, _local_answers(found), answered, frozenset(writing)
                    ),
                )  # fmt: skip
            entities = None  # counted again unless every change is known
            if derived is not None and "entities" in previous:
                entities = count_entities_after(
                    before, store, [*delta.union_added, *delta.union_removed, *derived_changes],
                    int(previous["entities"]),
                )  # fmt: skip
            del before
            if derived is None:
                derived = _derive_again(
                    store, ontology_dir, delta.added if added is None else added
                )
            else:
                state_extra["derived_changes"] = {
                    "base": previous.get("build"),
                    "triples": sorted(
                        {f"{t.subject} {t.predicate} {t.object} ." for t in derived_changes}
                    ),
                }
                state_extra["derived_history"] = derived_history(previous)
            result.derived = derived
            # What each graph other than the appeal graphs gained or lost, where it is known:
            # their export files are written again only where that reaches.
            others = {str(ONTOLOGY_GRAPH): set(), str(REFERENCE_GRAPH): delta.reference}
            if not links_changed:
                others[str(LINKS_GRAPH)] = set()
            if "derived_changes" in state_extra:
                others[str(DERIVED_GRAPH)] = set(derived_changes)
            _finish(store, folder, result, globals_, entries, fingerprints, shared, state_extra,
                    sorted(delta.touched), state, previous.get("files", {}), optimize=compact,
                    previous=generation, entities=entities, others=others,
                    contents=delta.contents,
                    graphs=(int(previous["graphs"]), existed) if "graphs" in previous else None,
                    data_dir=data_dir, progress=say, workers=files_pool,
                    ahead=ahead)  # fmt: skip
            # Closed before the swap renames its folder: RocksDB then records its last state
            # under the path it opened (its MANIFEST, the files its compactions replaced
            # removed), not after the rename, when those writes fail. Something still holding
            # it (a frame kept by a caught exception, say) is let go by the collector first.
            held_elsewhere = sys.getrefcount(store) > 2  # this name and the call's argument
            del store
            if held_elsewhere:
                gc.collect()
        result.seconds = time.perf_counter() - started
        return result

    # Every graph is written: records not read yet (a change to the code, say) are read by the
    # workers that write their graphs.
    todo = _jobs(list(chosen), chosen, entries, read)
    del read
    with nullcontext(into) if into is not None else replacing_folder(store_path) as folder:
        state = BuildState.create(folder, token=token)
        opened.append(state)
        batches = _BatchFiles(folder)
        links = links_graph(data_dir)
        if len(links):
            batches.write(graph_nquads(links, LINKS_GRAPH))
        ontology, reference = ontology_graph(ontology_dir), reference_graph(data_dir)
        # The rules each case graph alone answers, derived as the graphs are written
        # (kg.store.localrules); the others run after the bulk load (_derive).
        local = _LocalRules(
            folder, rules(ontology_dir),
            {str(p) for g in (links, ontology, reference) for p in g.predicates(unique=True)},
        )  # fmt: skip
        # One triple, one graph, decided on the text (kg.store.textpartition); the appeal
        # graphs' export files are written from it too, by the workers that wrote the
        # graphs when there are any (kg.store.chunks.AppealFilesInWorkers).
        pool = workers.get(len(todo))
        export = (
            AppealFilesInWorkers(folder, pool, AHEAD * workers.workers) if pool is not None
            else appeal_files_writer(folder)
        )  # fmt: skip
        index_of_shared, ready = partition_nquads(
            graph_nquads(ontology, ONTOLOGY_GRAPH),
            graph_nquads(reference, REFERENCE_GRAPH),
            _nquads(todo, data_dir, (resolution, canon), workers, say,
                    local=(local.rules, local.write) if local.rules else None,
                    keep=pool is not None),
            folder / "cases.nq",
            batches.write,
            export,
        )  # fmt: skip
        if isinstance(export, AppealFilesInWorkers):
            export.wait()
        workers.close()
        batches.close()
        local.close()
        del ontology, reference
        # What identity resolution made (every record's items among it) and the shared index
        # are not needed in memory past this point: written for the next build and dropped,
        # they are not held while the loader, the rules and the export files take theirs.
        state.write_shared(index_of_shared)
        _write_kept(folder, state_extra, state)
        del facts, index, canon, resolution, todo, items, order, index_of_shared, keys_of
        front = _Front(
            token=token, state=state.path, names=dict(state.names), rows=state.rows_written,
            result=result, entries=entries, fingerprints=fingerprints, globals_=globals_,
            kept=state_extra, touched=[str(appeal_graph_iri(a)) for a in chosen],
            ready=ready, batches=batches.paths, local=local.rules, local_batches=local.paths,
            local_candidates=local.candidates, local_counts=local.counts,
            local_defenders=local.defenders,
        )  # fmt: skip
        if into is not None:  # the rest in the process that asked for this one
            state.hand_over()
            opened.remove(state)
            return front
        _build_back(folder, state, front, ontology_dir, data_dir, say)
    result.seconds = time.perf_counter() - started
    return result


@dataclass
class _Front:
    """What the first half of a full build (records, identity, graphs written, the state
    of identity) leaves for the second (bulk load, rules, counts, export files, state)."""

    token: str
    state: Path  # the state file, its rows so far written (BuildState.hand_over)
    names: dict[str, str]  # the kept files named so far (BuildState.names)
    rows: int  # state rows written so far
    result: Any  # the BuildResult so far
    entries: dict[str, _Entry]
    fingerprints: dict[str, str]
    globals_: dict[str, str]
    kept: dict[str, Any]  # what is left of the state to write (_write_kept)
    touched: list[str]
    ready: dict[str, int]
    batches: list[Path]
    local: frozenset[str] = frozenset()  # rules derived as the graphs were written
    local_batches: list[Path] = field(default_factory=list)  # what they derived, to load
    local_candidates: Path | None = None  # acting-body's, kept by the loaded store's types
    local_counts: list[Path] = field(default_factory=list)  # appeal-count's rows, merged after
    local_defenders: Path | None = None  # concerns-defender's rows, joined after the load


def _build_back(
    folder: Path,
    state: BuildState,
    front: _Front,
    ontology_dir: Path,
    data_dir: Path,
    say: Progress,
) -> None:
    """The second half of a full build into the new generation ``folder``: the graphs'
    N-Quads bulk-loaded, the rules, then counts, public store, export files and state."""
    store = ox.Store(str(folder / "full"))
    shared = state.shared_rows()
    _WORKER.clear()
    release_freed_memory()  # freed, but kept by the process until handed back
    say(f"build: bulk loading ({len(front.batches)} file(s))")
    for batch in front.batches:
        store.bulk_load(path=str(batch), format=ox.RdfFormat.N_QUADS)
        batch.unlink()
    # The derived graph's text (the local rules' files, then the rules' answers) is kept
    # until its export files are written from it, rather than read back from the store.
    derived_text: list[Path] = []
    try:
        for batch in front.local_batches:
            store.bulk_load(path=str(batch), format=ox.RdfFormat.N_QUADS)
            derived_text.append(batch)
        release_freed_memory()  # what the loader freed
        result = front.result
        say("build: rules")
        result.derived = _derive(
            store, ontology_dir, folder, done=front.local, candidates=front.local_candidates,
            counts=front.local_counts, defenders=front.local_defenders, keep=derived_text,
        )  # fmt: skip
        texts = {str(DERIVED_GRAPH): (derived_text, result.derived)} if derived_text else None
        _finish(store, folder, result, front.globals_, front.entries, front.fingerprints,
                shared, front.kept, front.touched, state, {}, optimize=True, ready=front.ready,
                data_dir=data_dir, progress=say, texts=texts)  # fmt: skip
    finally:
        for path in derived_text:
            path.unlink(missing_ok=True)
        shutil.rmtree(folder / DERIVED_TEXT_DIR, ignore_errors=True)


# --------------------------------------------------------------------------------------------
# A full build's first half in a process of its own


class _Restricted(Exception):
    """The first half found restricted data: the build goes through :mod:`kg.store.build`."""


def _globals(data_dir: Path, ontology_dir: Path) -> dict[str, str]:
    """The hashes of what every graph depends on beside its record (:func:`_build_from`)."""
    from kg.store.build import IDENTITIES_FILE

    decisions = data_dir / IDENTITIES_FILE
    return {
        "recipe": recipe_hash(),
        "ontology": _files_hash([*ontology_dir.glob("*.ttl"), *ontology_dir.glob("rules/*.rq")]),
        "reference": _files_hash((data_dir / "reference").glob("*.ttl")),
        "links": _files_hash((data_dir / "links").glob("*.csv")),
        "identities": _files_hash([decisions] if decisions.exists() else []),
    }


def _same_globals(old: dict[str, Any], new: dict[str, str]) -> bool:
    """Whether a build with globals ``new`` may keep graphs of one with ``old`` (the links
    graph depends on the link files alone: a change to them rewrites that graph only)."""
    return {k: v for k, v in old.items() if k != "links"} == {
        k: v for k, v in new.items() if k != "links"
    }


def _every_graph(
    store_path: Path | str, data_dir: Path, ontology_dir: Path, incremental: bool
) -> bool:
    """Whether this build will write every graph whatever the records say (no usable
    previous state, or the code, ontology, reference data or decisions changed): then
    :func:`_build_kept` takes the path that needs no previous store."""
    generation = current_generation(store_path)
    if not incremental or generation is None or not (generation / STATE_FILE).is_file():
        return True
    try:
        previous = json.loads((generation / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False  # as the build in this process finds it
    if not isinstance(previous, dict) or previous.get("version") != STATE_VERSION:
        return True
    return not _same_globals(previous.get("globals") or {}, _globals(data_dir, ontology_dir))


def _build_apart(
    store_path: Path | str,
    data_dir: Path,
    ontology_dir: Path,
    spill_dir: Path,
    *,
    incremental: bool,
    jobs: int,
    say: Progress,
    started: float,
) -> Any:
    """A full build whose first half -- records parsed, identity resolution, the graphs
    written as N-Quads, identity's state written -- runs in a child process that exits before
    the bulk load. What identity resolution holds grows with the corpus (every record's
    items, the index, the resolution), and a process keeps the memory it reached (Python's
    arenas are not given back), so the process that loads the store and runs the rules
    would carry it; here it never holds it. The child is forked while this process is
    small; it reports progress and its result (or its error) through a pipe."""
    from kg.store.build import build_classic

    try:
        with replacing_folder(store_path) as folder:
            front = run_apart(
                lambda tell: _front_apart(
                    store_path, data_dir, ontology_dir, spill_dir, folder, incremental, jobs,
                    tell,
                ),
                say,
            )  # fmt: skip
            if front is None:
                raise _Restricted
            state = BuildState.resume(front.state, front.token, front.names, front.rows)
            try:
                _build_back(folder, state, front, ontology_dir, data_dir, say)
            except BaseException:
                state.abandon()
                raise
    except _Restricted:
        return build_classic(store_path, data_dir, ontology_dir)
    result = front.result
    result.seconds = time.perf_counter() - started
    return result


def _front_apart(
    store_path: Path | str,
    data_dir: Path,
    ontology_dir: Path,
    spill_dir: Path,
    folder: Path,
    incremental: bool,
    jobs: int,
    say: Progress,
) -> _Front | None:
    """In the child: the build up to the bulk load, into ``folder``."""
    with WorkerPool(jobs) as workers:
        return _build_kept(
            store_path, data_dir, ontology_dir, spill_dir, incremental=incremental,
            workers=workers, say=say, started=time.perf_counter(), into=folder,
        )  # fmt: skip


class _LocalRules:
    """The triples the local rules (:mod:`kg.store.localrules`) derive from each case graph,
    as N-Quads of the derived graph in files of the bulk loader's size. A graph they may not
    be derived from alone (``write(None)``) makes them all go back to SPARQL after the load:
    their files are removed and :attr:`rules` emptied.

    ``acting-body.rq``'s candidates go to one file (:attr:`candidates`), kept or not after
    the bulk load (:func:`_derive`); ``concerns-defender.rq``'s rows to another
    (:attr:`defenders`), joined after the load; ``appeal-count.rq``'s rows to
    :data:`MERGE_PARTS` files by the hash of the entity (:attr:`counts`), each merged after
    the load. The first mentions a graph gives of facts other graphs may also have evidence
    for are merged here (the smallest start of each fact): written as they come into one of
    :data:`MERGE_PARTS` files by the hash of the fact, each file then read into a dict of its
    facts alone, so what is held is about a part's facts, not the corpus's."""

    def __init__(self, folder: Path, rules: list[tuple[str, str]], predicates: set[str]) -> None:
        self.rules = usable(rules, predicates)
        self.batches = _BatchFiles(folder, "local")
        self.paths: list[Path] = []
        self.folder = folder
        self.parts: list[Any] = []
        self.pending: Any = None  # acting-body's candidates (kg.store.localrules)
        self.candidates: Path | None = None
        self.defending: Any = None  # concerns-defender's rows (kg.store.localrules)
        self.defenders: Path | None = None
        self.counted: list[Any] = []  # appeal-count's rows, by the hash of the entity
        self.counts: list[Path] = []

    def _open_parts(self, prefix: str) -> list[Any]:
        """The :data:`MERGE_PARTS` files rows keyed by a hash are spread over."""
        return [
            open(self.folder / f"{prefix}-{n:02d}.tsv", "w", encoding="utf-8")  # noqa: SIM115
            for n in range(MERGE_PARTS)
        ]  # fmt: skip

    def write(self, derived: Derived | None) -> None:
        if not self.rules:
            return
        if derived is None:
            self.rules = frozenset()
            self.close()
            return
        text, merged, pending, counted, defended = derived
        if text:
            self.batches.write(text)
        if pending:
            if self.pending is None:
                path = self.folder / "acting-candidates.tsv"
                self.pending = open(path, "w", encoding="utf-8")  # noqa: SIM115
            self.pending.write(pending)
        if defended:
            if self.defending is None:
                path = self.folder / "defender-rows.tsv"
                self.defending = open(path, "w", encoding="utf-8")  # noqa: SIM115
            self.defending.write(defended)
        if counted:
            if not self.counted:
                self.counted = self._open_parts("count")
            for row in counted.split("\n")[:-1]:  # not splitlines(): an IRI may hold U+2028
                self.counted[hash(row[: row.index("\t")]) % MERGE_PARTS].write(row + "\n")
        if merged:
            if not self.parts:
                self.parts = self._open_parts("first")
            for fact, start in merged.items():
                self.parts[hash(fact) % MERGE_PARTS].write(f"{fact}\t{start}\n")

    def _merge(self) -> None:
        """Each merged fact's first mention, a part file at a time, into the batches."""
        from kg.store.localrules import first_mention_line

        for out in self.parts:
            out.close()
            if self.rules:
                first: dict[str, int] = {}
                with open(out.name, encoding="utf-8") as f:
                    for line in f:
                        fact, _tab, start = line.rpartition("\t")
                        n = int(start)
                        if first.get(fact, n) >= n:
                            first[fact] = n
                self.batches.write("".join(first_mention_line(k, v) for k, v in first.items()))
            Path(out.name).unlink(missing_ok=True)
        self.parts = []

    def close(self) -> None:
        self._merge()
        self.batches.close()
        if self.pending is not None:
            self.pending.close()
            self.candidates = Path(self.pending.name)
            self.pending = None
        if self.defending is not None:
            self.defending.close()
            self.defenders = Path(self.defending.name)
            self.defending = None
        for out in self.counted:
            out.close()
            self.counts.append(Path(out.name))
        self.counted = []
        if not self.rules:
            for path in self.batches.paths:
                path.unlink(missing_ok=True)
            self.batches.paths.clear()
            if self.candidates is not None:
                self.candidates.unlink(missing_ok=True)
                self.candidates = None
            if self.defenders is not None:
                self.defenders.unlink(missing_ok=True)
                self.defenders = None
            for path in self.counts:
                path.unlink(missing_ok=True)
            self.counts = []
        self.paths = list(self.batches.paths)


MERGE_PARTS = 16  # files the merged first mentions are spread over


class _BatchFiles:
    """N-Quads for the bulk loader in files of about :data:`BATCH_BYTES`, each a whole number
    of graphs: Oxigraph's bulk loader takes memory that grows with the file it loads (about
    five times its size: 1.1 GB for a file of 200 MB, 0.3 GB for 50 MB, 0.16 GB for 16 MB, and
    no more CPU for the smaller files), so a corpus is loaded file by file. A file never
    splits a graph, and blank node labels are the graph's own (the loader renames them per
    file), so the files load to the same dataset as one file would. Text is written whole:
    a new file is begun only before a write (or after :meth:`cut`), never inside one."""

    def __init__(self, folder: Path, name: str = "batch") -> None:
        self.folder, self.name, self.size = folder, name, 0
        self.paths: list[Path] = []
        self.out: Any = None

    def write(self, text: str | bytes, *, whole: bool = False) -> None:
        """Write ``text`` (a whole number of graphs); with ``whole``, in the current file
        whatever its size (a text that must not be split across files)."""
        if self.out is None or (self.size >= BATCH_BYTES and not whole):
            self.close()
            self.paths.append(self.folder / f"{self.name}-{len(self.paths):05d}.nq")
            self.out, self.size = open(self.paths[-1], "wb"), 0  # noqa: SIM115
        data = text.encode("utf-8") if isinstance(text, str) else text
        self.out.write(data)
        self.size += len(data)

    def cut(self) -> None:
        """Begin a new file at the next write."""
        self.close()

    def close(self) -> None:
        if self.out is not None:
            self.out.close()
            self.out = None


def _parsed(read: dict[str, Parsed], key: str, spill_dir: Path) -> Parsed:
    """A record file parsed now (kept in ``read``), if it was not already."""
    if key not in read:
        read[key] = parse_record(key, Path(key).read_bytes(), spill_dir)
    return read[key]


def _item_keys(items: list[Item] | Shelved) -> list[Any]:
    """A record's item keys, in order (those of items kept on disk without loading them)."""
    if isinstance(items, Shelved):
        return list(items.keys)
    return [i.key for i in items]


def _load_pickle(path: Path) -> Any:
    if not path.exists():
        return None
    with open(path, "rb") as f:
        return pickle.load(f)


class _Facts:
    """The stored keys (key, where) and the provisions to unify of the chosen records, by
    record hash: those of the records read now at once, the others kept from the previous
    build and read from its state only when asked for (:meth:`fetch`, :meth:`everything`),
    so that a rebuild after a few changes reads the facts of those records, not of every
    record. A record whose facts the state lacks is read now (added to ``read``)."""

    def __init__(
        self,
        chosen: dict[str, str],
        entries: dict[str, _Entry],
        read: dict[str, Parsed],
        spill_dir: Path,
        old_state: BuildState | None,
    ) -> None:
        self.old_state = old_state
        have = old_state.shas("facts") if old_state is not None else set()
        self.fresh: dict[str, RecordFacts] = {}  # of the records read now
        self.kept_shas: set[str] = set()  # of the others, in the previous state
        for key in chosen.values():
            sha = entries[key]["sha"]
            if key not in read and sha in have:
                self.kept_shas.add(sha)
            else:
                self.fresh[sha] = Parsed.value(_parsed(read, key, spill_dir).facts)
        self.kept: dict[str, RecordFacts] = {}

    def fetch(self, shas: Iterable[str]) -> None:
        """Read the kept facts of ``shas`` (those not read yet) in one pass."""
        wanted = {s for s in shas if s in self.kept_shas and s not in self.kept}
        if wanted and self.old_state is not None:
            self.kept.update(self.old_state.load("facts", wanted))

    def __getitem__(self, sha: str) -> RecordFacts:
        if sha in self.fresh:
            return self.fresh[sha]
        if sha not in self.kept:
            self.fetch([sha])
        return self.kept[sha]

    def everything(self) -> dict[str, RecordFacts]:
        """The facts of every chosen record (all kept ones read)."""
        self.fetch(self.kept_shas)
        return {**self.kept, **self.fresh}


def _facts_by_sha(
    chosen: dict[str, str],
    entries: dict[str, _Entry],
    read: dict[str, Parsed],
    spill_dir: Path,
    old_state: BuildState | None,
) -> _Facts:
    """The facts of every chosen record (:class:`_Facts`): the check of unique keys and the
    provisions' canonical labels need no unchanged record unless a change reaches it."""
    return _Facts(chosen, entries, read, spill_dir, old_state)


def check_unique_keys_changed(
    chosen: dict[str, str],
    entries: dict[str, _Entry],
    facts: _Facts,
    old_state: BuildState | None,
) -> None:
    """:func:`check_unique_keys_kept` reading only the keys of the records read now: the kept
    records' keys were unique when the previous build kept them, so a key used twice is one
    of a record read now, used again by one of them or held by a kept record (the state's
    ``stored_key`` rows). Only when one is found, or the state does not keep keys by key,
    is every record's keys read, for the message the whole check gives."""
    held = None
    if old_state is not None:
        held = old_state.holders_of_keys(k for f in facts.fresh.values() for k, _w in f[0])
    if held is not None:
        seen: set[str] = set()
        clash = False
        for f in facts.fresh.values():
            for key, _where in f[0]:
                if key in seen or held.get(key, set()) & facts.kept_shas:
                    clash = True
                seen.add(key)
        if not clash:
            return
    check_unique_keys_kept(chosen, entries, facts.everything())


def check_unique_keys_kept(
    chosen: dict[str, str], entries: dict[str, _Entry], facts: dict[str, RecordFacts]
) -> None:
    """:func:`kg.record.keys.check_unique_keys` over the kept keys, with the same message."""
    seen: dict[str, str] = {}
    for origin in chosen.values():
        for key, where in facts[entries[origin]["sha"]][0]:
            if key in seen:
                raise DataError(
                    f"{origin}: {where}: key {key} is already used by {seen[key]}; "
                    "give this item a new key (delete the line and run 'kg mint')"
                )
            seen[key] = f"{origin}: {where}"


def _canon_kept(
    previous: dict[str, Any],
    chosen: dict[str, str],
    entries: dict[str, _Entry],
    data_dir: Path,
    facts: _Facts,
    old_state: BuildState | None,
    before: list[Cluster] | None,
    clusters: list[Cluster],
) -> Canon | None:
    """The previous build's canonical provision labels when no change can reach them, else
    None (they are made again from every record's provisions). They are the first appeal's
    article and label per merged instrument and article, so they stand when no instrument
    cluster was made or undone (identity resolution keeps the cluster objects it did not
    touch) and every appeal read now, added or removed gives the same provisions as before
    (none, if it is new or gone): the rebuild then reads the facts of those records only."""
    rows = previous.get("canon")
    if rows is None or before is None or old_state is None:
        return None
    kept, now = {id(c) for c in before}, {id(c) for c in clusters}
    if any(c.kind == "instrument" for c in before if id(c) not in now) or any(
        c.kind == "instrument" for c in clusters if id(c) not in kept
    ):
        return None
    old = _files_here(previous, data_dir)
    was = _choose(old) if old else {}
    read_now = {sha for sha in facts.fresh}
    olds: dict[str, str] = {}  # appeal -> the hash its record had, for the appeals to compare
    for aid, key in chosen.items():
        sha = entries[key]["sha"]
        if sha not in read_now:
            continue
        if aid not in was:
            if facts[sha][1]:
                return None
            continue
        olds[aid] = old[was[aid]]["sha"]
    gone = [old[k]["sha"] for aid, k in was.items() if aid not in chosen]
    before_facts = old_state.load("facts", [*olds.values(), *gone])
    if any(sha not in before_facts or before_facts[sha][1] for sha in gone):
        return None
    for aid, sha in olds.items():
        if sha not in before_facts:
            return None
        then = [tuple(p) for p in before_facts[sha][1]]
        if then != [tuple(p) for p in facts[entries[chosen[aid]]["sha"]][1]]:
            return None
    return {(iri, article): value for iri, article, value in rows}


def _jobs(
    aids: list[str], chosen: dict[str, str], entries: dict[str, _Entry], read: dict[str, Parsed]
) -> list[Job]:
    out: list[Job] = []
    for aid in aids:
        key = chosen[aid]
        spill = read[key].spill if key in read else None
        out.append((aid, key, entries[key]["text"], entries[key]["curated"], spill))
    return out


# The control characters Oxigraph writes escaped in a literal and
# :func:`kg.record.nquads.term_text` leaves as they are (every one but the line feed, which
# both escape): deleted from a graph's text by ``bytes.translate``, a length that changes
# finds one (a fifth of the CPU of a regular expression's search of the text).
_CONTROL = bytes([*range(0x0A), *range(0x0B, 0x20), 0x7F])


def _graph_lines(
    jobs_list: list[Job],
    data_dir: Path,
    identity: tuple[Resolution, Canon],
    workers: WorkerPool,
    say: Progress,
    keys_of: Callable[[str], list[Any]] | None = None,
    rules: frozenset[str] = frozenset(),
    found: dict[str, str] | None = None,
) -> dict[str, list[str]]:
    """The triples of each case graph (graph IRI -> its N-Triples lines without the final
    dot), as the record gives them (``keys_of``: see :func:`_views`). A graph's N-Quads are
    cut into lines, not parsed: where its text is not as Oxigraph writes it (a control
    character in a literal, a blank node) it is parsed and written again. The workers, if
    started, are left running: the export files of the graphs are made in them too
    (:func:`kg.store.chunks.write_chunks`). With ``rules`` (local rules,
    :mod:`kg.store.localrules`) and ``found``, what they derive from each graph a record
    alone gives is put in ``found`` (graph IRI -> N-Quads of the derived graph), where they
    may derive it."""
    out: dict[str, list[str]] = {}
    given: list[Derived | None] = []
    local = (rules, given.append) if rules and found is not None else None
    for cut in _nquads(
        jobs_list, data_dir, identity, workers, say, keys_of, local=local, keep=True, cut=True
    ):
        for g, lines in cut.items():
            out.setdefault(g, []).extend(lines)
        if local is not None and found is not None:
            derived = given.pop()
            if derived is not None and len(cut) == 1:
                found[next(iter(cut))] = derived[0]
    return out


def _local_answers(found: dict[str, str]) -> dict[str, set[ox.Triple]]:
    """Each graph's local rules' answers (:func:`_graph_lines`'s ``found``) as triples."""
    return {
        g: {q.triple for q in ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS)}
        for g, text in found.items()
    }


def _answers_in(
    shapes: list[Any], rules: frozenset[str], store: ox.Store, graphs: list[str]
) -> dict[str, set[ox.Triple]]:
    """The answers of each graph-local rule among ``rules`` in ``graphs`` of ``store``."""
    from kg.store.derive import _graph_answers

    return {s.name: _graph_answers(s, store, graphs) for s in shapes if s.graph and s.name in rules}


def _lines_and_held(
    generation: Path,
    writing: list[str],
    gone: list[str],
    lines: Callable[[], dict[str, list[str]]],
    pool: Executor | None,
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The written graphs' lines (``lines()``: made by the workers) and the previous lines of
    the graphs changed (``writing``, the graphs the records being written name, and
    ``gone``) from the previous build's export files (:func:`kg.store.chunks.graph_lines`).
    With ``pool`` (the workers are started: no fork of this process comes while the thread
    runs), the previous lines are read in a thread while this one waits on the workers; a
    graph written that ``writing`` did not name is read after."""
    if pool is None:
        written = lines()
        return written, graph_lines(generation, [*written, *gone], keep=True)
    with ThreadPoolExecutor(1) as reader:
        early = reader.submit(graph_lines, generation, [*writing, *gone], keep=True)
        written = lines()
        held = early.result()
    named = set(writing)
    late = [g for g in written if g not in named]
    if late:
        held.update(graph_lines(generation, late, keep=True))
    return written, held


def _moved_contents(generation: Path, delta: Any) -> None:
    """Add to ``delta.contents`` the triples of each appeal graph the change did not write but
    moved a triple into or out of: its previous export file's lines less those it lost, with
    those it gained. Its export files are then made with the written graphs' (in the build's
    workers when there are enough), not from a read of the store in this process (some 12 ms
    a graph at 10,000 appeals). A graph whose file is not there, or whose change names a blank
    node, is left out: its files are made from the store, as before."""
    moved = {g: m for g, m in delta.moved_keys.items() if g not in delta.contents}
    if not moved:
        return
    before = graph_lines(generation, moved, keep=True)
    for g, (lost, gained) in moved.items():
        lines = before.get(g)
        if lines is None or any("_:" in k for k in (*lost, *gained)):
            continue
        had = set(lines)
        if not lost <= had or gained & had:  # not the graph the change was weighed on
            continue
        delta.contents[g] = [k for k in lines if k not in lost] + sorted(gained)


def _chunk_lines(chunk: str) -> dict[str, list[str]]:
    """One case graph's N-Quads text as graph IRI -> its triples' N-Triples lines without the
    final dot, as Oxigraph writes them."""
    end = chunk.find("\n")
    if end < 0:
        return {}
    graph = chunk[chunk.rfind(" ", 0, end - 2) + 1 : end - 2]  # "<iri>" before " ."
    tail = f" {graph} .\n"
    lines = chunk.split(tail)
    if (
        graph.startswith("<")
        and not lines[-1]
        and len(lines) - 1 == chunk.count("\n")
        and "_:" not in chunk  # a blank node: its label a line keeps and a parse may not
        and _as_oxigraph(chunk)
    ):
        lines.pop()
        return {graph[1:-1]: lines}
    out: dict[str, list[ox.Triple]] = {}
    for q in ox.parse(input=chunk.encode("utf-8"), format=ox.RdfFormat.N_QUADS):
        out.setdefault(str(q.graph_name.value), []).append(q.triple)
    return {g: _keys(triples) for g, triples in out.items()}


def _as_oxigraph(text: str) -> bool:
    """Whether ``text`` holds none of the control characters Oxigraph writes escaped."""
    raw = text.encode("utf-8")
    return len(raw.translate(None, _CONTROL)) == len(raw)


def _replace_graph(store: ox.Store, name: URIRef, graph: Graph) -> set[ox.Triple]:
    """Replace a named graph; returns its new triples."""
    node = ox.NamedNode(str(name))
    if store.contains_named_graph(node):
        store.remove_graph(node)
    text = graph_nquads(graph, name)
    quads = list(ox.parse(input=text.encode("utf-8"), format=ox.RdfFormat.N_QUADS))
    store.extend(quads)
    return {q.triple for q in quads}


def checkpoint_store(store: ox.Store, into: Path) -> None:
    """Oxigraph's checkpoint of ``store`` into the new folder ``into``: its data files
    hard-linked where ``into`` is on the same file system, the small files that say which of
    them make the store copied."""
    store.backup(str(into))


def derived_history(previous: dict[str, Any]) -> list[dict[str, Any]]:
    """The derived changes of the builds up to ``previous`` (its build state), newest first,
    for the state of the build that starts from it: ``previous``'s own (with its token) and
    those it kept, as many as :data:`DERIVED_HISTORY_BUILDS` and
    :data:`DERIVED_HISTORY_LINES` allow. Empty when ``previous`` ran the rules whole (its
    derived changes are not known, nor those before it)."""
    last, token = previous.get("derived_changes"), previous.get("build")
    if not isinstance(last, dict) or not last.get("base") or not token:
        return []
    entries = [{"base": last["base"], "build": token, "triples": last.get("triples") or []}]
    entries += [e for e in previous.get("derived_history") or [] if isinstance(e, dict)]
    kept: list[dict[str, Any]] = []
    lines = 0
    for entry in entries[:DERIVED_HISTORY_BUILDS]:
        lines += len(entry.get("triples") or [])
        if lines > DERIVED_HISTORY_LINES:
            break
        kept.append(entry)
    return kept


def _finish(
    store: ox.Store,
    folder: Path,
    result: Any,
    globals_: dict[str, str],
    entries: dict[str, _Entry],
    fingerprints: dict[str, str],
    shared: SharedIndex | SharedRows,
    kept: dict[str, Any],
    touched: list[str],
    state: BuildState,
    state_entries: dict[str, Any],
    *,
    optimize: bool,
    previous: Path | None = None,
    ready: dict[str, int] | None = None,
    entities: int | None = None,
    others: dict[str, set[ox.Triple]] | None = None,
    data_dir: Path | None = None,
    progress: Progress | None = None,
    graphs: tuple[int, dict[str, bool]] | None = None,
    contents: dict[str, list[str]] | None = None,
    texts: dict[str, tuple[list[Path], int]] | None = None,
    workers: Executor | None = None,
    ahead: FilesAhead | None = None,
) -> None:
    """Counts (``entities``: the entity count, when the caller brought it up to date;
    ``graphs``: the previous count of named graphs and whether each graph that may have come
    or gone was there; ``contents``: every triple of each graph the build wrote, for its
    export files, made in ``workers`` if given; ``texts``: the N-Quads files some other
    graphs were loaded from, with their triple counts, for theirs:
    :func:`kg.store.chunks.write_chunks`), the public store
    (public-only data: the same dataset, hard-linked), markers, and what the next build keeps:
    the state files (``state`` holds ``state_entries``, the record entries it was copied with:
    only the entries that changed are written), identity items, record keys, shared index."""
    from kg.store.build import count_entities
    from kg.store.chunks import write_chunks
    from kg.store.store import MARKER, Store

    full_dir, public_dir = folder / "full", folder / "public"
    store.flush()
    # RocksDB's compaction (a full build's, or a rebuild's asked to compact) runs in a thread
    # while the export files and the state are made (they read files more than the store):
    # Oxigraph lets go of the interpreter while it compacts, so the two share the machine's
    # cores; reads see the same data before, during and after it. The entities are counted
    # once it is done (a count that reads the store while it compacts takes four times as
    # long), by the same thread: the count's query lets go of the interpreter too, so it
    # runs beside what is left of the export files (the VoID table, in Python) rather than
    # after them. The public store is a checkpoint of the compacted files.
    say = progress or (lambda _m: None)
    compacting = ThreadPoolExecutor(1, "compaction") if optimize else None
    compacted = (
        compacting.submit(_compact_then_count, store, None if entities is not None else full_dir)
        if compacting is not None else None
    )  # fmt: skip
    if compacted is not None:
        say("build: compacting the store; export files and state")
    try:
        if graphs is None:
            result.graphs = sum(1 for _ in store.named_graphs())
        else:
            count, existed = graphs
            result.graphs = count + sum(
                store.contains_named_graph(ox.NamedNode(g)) - was for g, was in existed.items()
            )
        if ahead is not None or compacted is not None:
            # The workers are making the written graphs' export files, or the store is being
            # compacted: what the next build keeps is written meanwhile (the export files do
            # not read it, nor it them).
            _write_state(shared, state, folder, kept)
        total = write_chunks(
            store, folder, previous=previous, changed=touched, ready=ready, others=others,
            contents=contents, maybe=None if graphs is None else list(graphs[1]), texts=texts,
            workers=workers, ahead=ahead,
        )  # fmt: skip
    finally:
        if compacting is not None:
            compacting.shutdown(wait=True)  # never left compacting a store that is let go
    counted = compacted.result() if compacted is not None else None  # its error is the build's
    if entities is None:
        entities = counted if counted is not None else count_entities(Store(store, full_dir))
    result.entities = entities
    checkpoint_store(store, public_dir)  # public-only data: the public store is the same dataset
    # The export files hold every quad of the store once (each graph's file counts its
    # lines): a build takes the store's size from them, not from len(), which reads every
    # quad (10 s of a 1% rebuild at 10,000 appeals on a loaded machine).
    result.triples = total
    for sub in (full_dir, public_dir):
        (sub / MARKER).write_text(f"built by appeals-kg: {sub.name}\n", encoding="utf-8")
    (folder / MARKER).write_text("built by appeals-kg\n", encoding="utf-8")
    if ahead is None and compacted is None:
        _write_state(shared, state, folder, kept)
    summary = {
        "version": STATE_VERSION,
        "globals": globals_,
        "data_dir": None if data_dir is None else str(data_dir),
        "fingerprints": fingerprints,
        "triples": result.triples,
        "graphs": result.graphs,
        "derived": result.derived,
        "entities": result.entities,
        "touched": touched,
        # Which build this is, and after an incremental one the derived triples it added or
        # removed since the build it started from ``base`` (validation checks again what they
        # reach; None when the rules ran whole).
        "build": state.token,
        "kept": state.names,  # the kept files that are this build's (kg.store.kept)
        "derived_changes": kept.get("derived_changes"),
        "derived_history": kept.get("derived_history") or [],
        "canon": kept.get("canon"),
    }
    (folder / STATE_FILE).write_text(json.dumps(summary), encoding="utf-8")
    state.write_entries(entries, state_entries)
    state.commit()
    say(f"build: state: {state.rows_written} record row(s) written")


def _compact(store: ox.Store) -> None:
    """RocksDB's compaction of ``store``'s files (after a full build's bulk load and rules,
    the store's queries read fewer, larger files)."""
    store.optimize()


def _compact_then_count(store: ox.Store, count_in: Path | None) -> int | None:
    """:func:`_compact`; then, with ``count_in`` (the store's folder), the compacted store's
    entities counted (:func:`kg.store.build.count_entities`), else None."""
    from kg.store.build import count_entities
    from kg.store.store import Store

    _compact(store)
    return None if count_in is None else count_entities(Store(store, count_in))


def _write_state(
    shared: SharedIndex | SharedRows, state: BuildState, folder: Path, kept: dict[str, Any]
) -> None:
    """The shared index's rows and what the next build keeps (:func:`_write_kept`)."""
    if isinstance(shared, SharedRows):
        shared.flush()
    else:
        state.write_shared(shared)
    _write_kept(folder, kept, state)


def _write_kept(folder: Path, kept: dict[str, Any], state: BuildState) -> None:
    """Write what the next build keeps of identity and the rules (identity items and record
    keys by record in ``state``, the rules' analysis, the identity index) and drop it from
    ``kept``; what was written before (a full build does so before its bulk load) is not
    written again."""
    for table, key in (("items", "items"), ("facts", "keys")):
        if key in kept:
            state.keep_only(table, *kept.pop(key))
    if "shapes" in kept:
        with open(folder / SHAPES_FILE, "wb") as f:
            pickle.dump(kept.pop("shapes"), f, protocol=pickle.HIGHEST_PROTOCOL)
    source = kept.pop("identity_from", None)
    if "identity" in kept:
        index = kept.pop("identity")
        keys = None
        if isinstance(index.table, DiskKeys):
            # Changed in place, or a new file named for this build, in the kept folder.
            keys = index.table.path
            if index.table.prepare is None:
                keys = folder.parent / KEPT_DIR / f"identity-keys-{state.token}.sqlite"
            if index.table.db is not None and state.token is not None:
                seal(index.table.db, state.token)
            state.names["keys"] = keys.name
        in_place = keys is not None and keys == index.table.path
        if getattr(index, "unchanged", False) and in_place and source and source.is_file():
            # Nothing but stamps changed (an event's note edited, say): the previous build's
            # index stands for this one (a link, not a pickle of every item written again).
            index.table.save_as(keys)
            os.link(source, folder / IDENTITY_FILE)
        else:
            write_index(index, folder / IDENTITY_FILE, keys)


def _read_index(
    generation: Path, base: str | None, spill_dir: Path, hold: Callable[[], None] | None
) -> Any:
    """The identity index the generation kept, its keys changed in place in the kept folder
    (made the state of build ``base`` again first if a stopped rebuild changed them), or, for
    a generation that kept them inside it, in a copy; with ``hold``, put out of the cyclic
    collector's walks as soon as it is read (:func:`kg.record.identity_index.read_index`)."""
    keys = kept_path(generation, "keys")
    if keys is None:
        return read_index(
            generation / IDENTITY_FILE, spill_dir / "identity-keys-kept.sqlite", hold=hold
        )
    if base is None or not recover_file(keys, base):
        return None

    def journal(db: Any) -> None:
        begin_changes(db, base)

    return read_index(generation / IDENTITY_FILE, keys, prepare=journal, hold=hold)


def _to_fingerprint(
    chosen: dict[str, str],
    entries: dict[str, _Entry],
    old: dict[str, Any],
    read: dict[str, Parsed],
    old_prints: dict[str, str],
    before: list[Any] | None,
    clusters: list[Any],
    canon: Canon,
    old_canon: Any,
) -> set[str]:
    """The appeals whose fingerprint may differ from ``old_prints``: those without one, whose
    record file or text changed or was read now, whose record is another file than before,
    whose items joined or left a cluster or are in one the resolution made again with another
    IRI or label (identity resolution keeps the very cluster objects it did not touch), or every
    one when the canonical provision labels changed or no earlier clusters are known. ``old``:
    the previous entries by path."""
    if before is None or old_canon != _canon_rows(canon):
        return set(chosen)
    previous_choice = _choose(old) if old else {}
    out: set[str] = set()
    for aid, key in chosen.items():
        was = previous_choice.get(aid)
        if (
            aid not in old_prints
            or was != key
            or key in read
            or (old[was]["sha"], old[was].get("text_sha"))
            != (entries[key]["sha"], entries[key]["text_sha"])
        ):
            out.add(aid)
    # A fingerprint reads of the clusters only the IRI and label of each item's cluster
    # (_assignments, _canon_of): of the members of a cluster the resolution made or undid,
    # only those whose cluster's IRI or label changed, or that joined or left a cluster, may
    # have another one. A new spelling that joins a large cluster or block then remakes the
    # fingerprints of the appeals whose items it gives another IRI or label, not of them all.
    kept, now = {id(c) for c in before}, {id(c) for c in clusters}
    was: dict[Any, tuple[str, str]] = {}
    for c in before:
        if id(c) not in now:
            for m in c.members:
                was[m] = (str(c.iri), c.label)
    for c in clusters:
        if id(c) in kept:
            continue
        for m in c.members:
            if was.pop(m, None) != (str(c.iri), c.label):
                out.add(str(m[0]))
    out.update(str(m[0]) for m in was)  # in no cluster now
    return out & set(chosen)


def _canon_rows(canon: Canon) -> list[Any]:
    """The canonical provision labels as the state keeps them (JSON)."""
    return sorted([iri, article, value] for (iri, article), value in canon.items())


def _canon_of(
    resolution: Resolution, canon: Canon, aid: str, provisions: list[Provision]
) -> list[Any]:
    """The article texts and offence labels a record's provisions take from the first appeal."""
    from kg.record.caserecord import slug

    out = []
    for inst, article, _label in provisions:
        cluster = resolution.cluster_of(aid, inst)
        if cluster is not None:
            out.append([inst, article, canon[(str(cluster.iri), slug(article))]])
    return out


def _assignments(resolution: Resolution, aid: str, keys: list[Any]) -> list[Any]:
    """The cluster of each of a record's items (by their keys, in the record's order)."""
    out = []
    for key in keys:
        cluster = resolution.cluster_of(aid, key[1])
        if cluster is not None:
            # Not the cluster's spellings: a graph states its own (kg.record.caserecord).
            out.append([key[1], str(cluster.iri), cluster.label])
    return out


def _fingerprint(globals_: dict[str, str], entry: dict[str, Any], assigned: list[Any]) -> str:
    return _sha(
        globals_["recipe"],
        globals_["ontology"],
        globals_["reference"],
        entry["sha"],
        str(entry.get("text_sha")),  # the text's content, not where it is
        json.dumps(assigned, sort_keys=True),
    )


def _nquads(
    jobs_list: list[Job],
    data_dir: Path,
    identity: tuple[Resolution, Canon] | tuple[None, None],
    workers: WorkerPool,
    say: Progress,
    keys_of: Callable[[str], list[Any]] | None = None,
    local: tuple[frozenset[str], Callable[[Derived | None], None]] | None = None,
    keep: bool = False,
    cut: bool = False,
) -> Iterator[Any]:
    """N-Quads of each case graph, in order, in worker processes when there are enough of
    them: the build's workers (:mod:`kg.store.workers`, forked before the records were
    parsed), or, when none were started, workers spawned now (a new interpreter each, not a
    fork of this process, whose memory grows with the corpus). Each record goes to them with
    its own :data:`View`; at most :data:`AHEAD` parts of :data:`PART` records are in flight,
    so neither the workers nor the queue between them and this process grow with the corpus.
    With ``local`` (rules, sink), what those rules derive from each graph is given to the
    sink (:mod:`kg.store.localrules`). The workers end with this step, unless ``keep``. With
    ``cut``, each graph comes as its lines (:func:`_chunk_lines`), cut where it was made."""
    rules, sink = local if local is not None else (frozenset(), None)
    total = len(jobs_list)
    step = max(1, total // 10)
    resolution, canon = identity
    view = (
        _views(resolution, canon, keys_of) if resolution is not None and canon is not None
        else (lambda _aid: None)
    )  # fmt: skip
    pool = workers.get(total)
    if pool is not None:
        try:
            pending: deque[Future[list[Any]]] = deque()
            make: Callable[..., list[Any]] = _cases_lines if cut else _cases_nquads
            done = 0
            for start in range(0, total, PART):
                part = [(job, view(job[0])) for job in jobs_list[start : start + PART]]
                pending.append(pool.submit(make, str(data_dir), part, rules))
                while len(pending) >= AHEAD * workers.workers or (
                    pending and start + PART >= total
                ):
                    for text, derived in pending.popleft().result():
                        done += 1
                        if done % step == 0:
                            say(f"build: {done}/{total} graphs")
                        if sink is not None:
                            sink(derived)
                        yield text
            say(_GRAPHS_MADE)
        finally:
            if not keep:
                workers.close()
        return
    if not keep:
        workers.close()  # started for the records, too few graphs to write for them to pay
    _init_worker(str(data_dir))
    for n, job in enumerate(jobs_list, 1):
        if n % step == 0:
            say(f"build: {n}/{total} graphs")
        _aid, text, derived = _case_nquads(job, view(job[0]), rules)
        if sink is not None:
            sink(derived)
        yield _chunk_lines(text) if cut else text
    say(_GRAPHS_MADE)


#: Said when every graph's text is made: what follows reads them all again (minutes at
#: 100,000 appeals before the bulk load begins).
_GRAPHS_MADE = "build: graphs made; moving the triples several appeals state, writing the files"


def _rule_triples(store: ox.Store, ontology_dir: Path) -> set[ox.Triple]:
    """What the rules give over the union of the graphs. No rule reads what a rule derives
    (``tests/test_delta.py`` checks it), so the derived graph in the union changes nothing."""
    from kg.store.build import rules

    triples: set[ox.Triple] = set()
    for name, text in rules(ontology_dir):
        concat = rule_shape(name, text).concat
        try:
            found = store.query(text, use_default_graph_as_union=True)
            triples.update(canonical_triples(found, concat))  # type: ignore[arg-type]
        except (SyntaxError, OSError) as e:
            raise DataError(f"{ontology_dir / 'rules' / name}: {e}") from None
    return triples


def _stated(store: ox.Store, t: ox.Triple, derived: ox.NamedNode) -> bool:
    return any(
        q.graph_name != derived for q in store.quads_for_pattern(t.subject, t.predicate, t.object)
    )


def _derive(
    store: ox.Store,
    ontology_dir: Path,
    folder: Path | None = None,
    done: Iterable[str] = (),
    candidates: Path | None = None,
    counts: Iterable[Path] = (),
    defenders: Path | None = None,
    keep: list[Path] | None = None,
) -> int:
    """Run the rules over the union of the graphs into the derived graph (empty, or holding
    what the rules ``done`` derived as the case graphs were written: :class:`_LocalRules`);
    returns its size. Oxigraph writes each rule's answer as N-Triples into a file (in
    ``folder``, else in the system's temporary folder), whose lines, made N-Quads of the
    derived graph a block at a time, are bulk-loaded in files of about :data:`BATCH_BYTES`
    (the loader holds about five times the file it is given: one file of the whole derived
    graph, 253 MB at 10,000 appeals, took the build from 0.4 to 1.35 GB): no Python object
    per derived triple, and memory does not grow with what the rules derive. No rule reads
    what a rule derives (``tests/test_delta.py`` checks it), and a query reads the store as
    it was when it began. ``candidates``: acting-body's (:class:`_LocalRules`), kept where
    the store types the body ``akg:Organisation``; ``counts``: appeal-count's rows
    (:class:`_LocalRules`), kept for what it types ``akg:Person`` or ``akg:Organisation``;
    ``defenders``: concerns-defender's rows (:class:`_LocalRules`), joined here; the files are
    removed. With ``keep`` (the files the derived graph was loaded from so far, with
    ``folder``), the files loaded here are moved into ``folder``'s :data:`DERIVED_TEXT_DIR`
    and added to it, so that it lists every file of the derived graph's triples; emptied
    (its files removed) if a triple loaded is then taken out as stated elsewhere."""
    from kg.files import read_lines
    from kg.store.build import rules

    derived = ox.NamedNode(str(DERIVED_GRAPH))
    tail = f" {derived} .\n".encode()
    with tempfile.TemporaryDirectory(prefix=".derive-", dir=folder) as work:
        answer = Path(work) / "rule.nt"
        batches = _BatchFiles(Path(work), "derived")
        if candidates is not None:
            _write_acting_body(store, candidates, batches)
        _write_appeal_counts(store, list(counts), batches)
        if defenders is not None:
            _write_concerns_defender(defenders, batches)
        for name, text in rules(ontology_dir):
            if name in done:
                continue
            concat = rule_shape(name, text).concat
            try:
                found = store.query(text, use_default_graph_as_union=True)
                if concat:  # GROUP_CONCAT's parts in one order (kg.store.derive)
                    triples = canonical_triples(found, concat)  # type: ignore[arg-type]
                    ox.serialize(triples, str(answer), format=ox.RdfFormat.N_TRIPLES)
                else:
                    found.serialize(str(answer), format=ox.RdfFormat.N_TRIPLES)
            except (SyntaxError, OSError) as e:
                raise DataError(f"{ontology_dir / 'rules' / name}: {e}") from None
            # The loader names a file's blank nodes apart from every other file's: an answer
            # that may hold one is kept whole in one file.
            whole = _may_hold_blank(answer)
            if whole:
                batches.cut()
            for block in read_lines(answer):
                batches.write(block.replace(b" .\n", tail), whole=whole)
            if whole:
                batches.cut()
        batches.close()
        kept_in = None
        if keep is not None and folder is not None:
            kept_in = folder / DERIVED_TEXT_DIR
            kept_in.mkdir(exist_ok=True)
        elif keep:  # nowhere to keep this step's files: the text would be incomplete
            for path in keep:
                path.unlink(missing_ok=True)
            keep.clear()
        for batch in batches.paths:
            store.bulk_load(path=str(batch), format=ox.RdfFormat.N_QUADS)
            if kept_in is not None and keep is not None:
                keep.append(batch.rename(kept_in / batch.name))
            else:
                batch.unlink()
    # A shortcut some graph states already is not derived again (kg.store.partition).
    if drop_stated(store, derived) and keep:
        for path in keep:
            path.unlink(missing_ok=True)
        keep.clear()
    size = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {derived} {{ ?s ?p ?o }} }}"
    return int(next(iter(store.query(size)))["n"].value)


def _typed(store: ox.Store, *kinds: str) -> set[str]:
    """N-Quads terms of what some graph types as one of ``kinds``: each subject once, written
    by Oxigraph as a results table (its TSV writes a term as N-Quads does), not a Python quad
    for each graph that types it (23,919 subjects of 3,000 appeals: 0.2-0.5 s -> 0.1 s)."""
    values = " ".join(f"<{kind}>" for kind in kinds)
    query = f"SELECT DISTINCT ?s WHERE {{ VALUES ?k {{ {values} }} ?s a ?k }}"
    found = store.query(query, use_default_graph_as_union=True)
    text = found.serialize(format=ox.QueryResultsFormat.TSV) or b""  # type: ignore[union-attr]
    return set(text.decode("utf-8").split("\n")[1:-1])


def _write_appeal_counts(store: ox.Store, parts: list[Path], batches: _BatchFiles) -> None:
    """appeal-count's answer from its rows, a part file at a time, for what some graph types
    ``akg:Person`` or ``akg:Organisation``
    (:func:`kg.store.localrules.appeal_count_lines`)."""
    from kg.store.localrules import appeal_count_lines

    if not parts:
        return
    entities = _typed(store, str(AKG.Person), str(AKG.Organisation))
    for part in parts:
        with open(part, encoding="utf-8") as f:
            batches.write("".join(appeal_count_lines(f, entities)))
        part.unlink(missing_ok=True)


def _write_acting_body(store: ox.Store, candidates: Path, batches: _BatchFiles) -> None:
    """acting-body's candidates whose body some graph types ``akg:Organisation``, as lines of
    the derived graph (:func:`kg.store.localrules.acting_body_lines`)."""
    from kg.store.localrules import acting_body_lines

    organisations = _typed(store, str(AKG.Organisation))
    with open(candidates, encoding="utf-8") as f:
        lines = list(acting_body_lines(f, organisations))
    del organisations
    for start in range(0, len(lines), 50_000):
        batches.write("".join(lines[start : start + 50_000]))
    candidates.unlink(missing_ok=True)


def _write_concerns_defender(rows: Path, batches: _BatchFiles) -> None:
    """concerns-defender's answer from every graph's rows: the defenders and the
    organisations that lead to them, then each event's (two reads of the file,
    :func:`kg.store.localrules.concerns_defender_lines`)."""
    from kg.store.localrules import concerns_defender_lines, defenders_reached

    with open(rows, encoding="utf-8") as f:
        reached = defenders_reached(f)
    with open(rows, encoding="utf-8") as f:
        lines = concerns_defender_lines(f, reached)
        while block := "".join(itertools.islice(lines, 50_000)):
            batches.write(block)
    rows.unlink(missing_ok=True)


def _may_hold_blank(path: Path) -> bool:
    """Whether an N-Triples file may name a blank node (``_:`` anywhere, literals included)."""
    from kg.files import read_lines

    return any(b"_:" in block for block in read_lines(path))


def _derive_again(store: ox.Store, ontology_dir: Path, added: set[ox.Triple]) -> int:
    """The derived graph brought up to date after :func:`kg.store.delta.apply_changes`: the
    rules run again over the union, and only the difference is written. A shortcut derived
    before was stated by no graph then; it is stated now only if the change ``added`` it, so
    only shortcuts new to the rules' answer are looked up in the store. Returns its size."""
    derived = ox.NamedNode(str(DERIVED_GRAPH))
    old = {q.triple for q in store.quads_for_pattern(None, None, None, derived)}
    triples = _rule_triples(store, ontology_dir)
    kept = {t for t in triples if (t not in added if t in old else not _stated(store, t, derived))}
    for t in old - kept:
        store.remove(ox.Quad(t.subject, t.predicate, t.object, derived))
    store.extend(ox.Quad(t.subject, t.predicate, t.object, derived) for t in kept - old)
    return len(kept)


__all__ = ["build_streaming", "graph_nquads", "recipe_hash"]
