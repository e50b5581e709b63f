"""The public store's serialisation, written by the build graph by graph, for exports that copy.

Reading a store back costs what decoding every term from RocksDB costs (about 100--180k quads
a second on this project's machines, whichever Oxigraph call reads it), so an export that
reads the store can never reach the speed of a file copy. The build therefore writes, with each
generation of the stores (:func:`kg.files.replacing_folder`), each graph of the public store
once, with Oxigraph's serialisers:

- ``<hash>_<token>.nq.zst``: the graph's quads as N-Quads (one line a quad, every line ending
  in the graph's IRI, `` .`` and a newline, so that N-Triples is the same lines without the
  graph), packed (:func:`kg.files.pack`: a Zstandard frame, 18 times smaller for an appeal
  graph);
- ``<hash>_<token>.ttl.zst``: the same triples as Turtle, without the prefix lines, packed;
- ``<hash>_<token>.void``: what the graph adds to the store's VoID counts
  (:mod:`kg.store.voidcounts`);

in one folder beside the generations, shared by them (``export-files/``; ``<token>`` is the
build that wrote the file, so a name is never written twice), and in the generation's own
``export/``: ``header.ttl``, the prefix lines, once; ``manifest.json``, the graphs in order,
each with its file and triple count, and the store's total; ``void-table.json``, the list of
the shared folder's segments that keep the VoID counts per term (:mod:`kg.store.voidtable`),
and ``void-counts.json``, the counts of the store.

:mod:`kg.publish.chunked` writes the four formats from these files. A generation lists only
files written for the stores it holds, so a takedown (a new generation) can never leave a stale
file in an export, and an export checks that the manifest names exactly the store's graphs
before it uses them. An incremental build lists again the files of the appeal graphs it did
not change and writes the others (the graphs that are not appeal graphs, reference, derived,
links, ontology, are written again unless the build names them as kept): a 1% change writes
1% of the files and touches none of the others, and the shared folder then keeps only the
files the new generation and the one it started from list (the older generations' files and
what a failed build left are removed).

Appeal graphs (one record's facts each) are serialised in memory; the other graphs grow with
the corpus and are written through a file in blocks of lines, never whole in memory, in
parts by their subjects (``<hash>-NNN-KKK_<token>.*``, one manifest row each, lines sorted;
:func:`part_count` parts, more for a larger graph, so that a part holds about as many
triples at any size of the corpus): when the caller knows what such a graph gained and lost
(``others``), only the parts a changed triple's subject falls in are written again, from the
previous part and the change, and the others are kept, so that a small change does not
rewrite the derived graph, and what it writes again does not grow with the corpus.

Blank nodes keep the labels the store gives them, the same in every file, so a blank node
shared by two graphs stays one node in the union.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pyoxigraph as ox

from kg.files import (
    PACKED,
    current_generation,
    packing,
    read_lines,
    read_unpacked,
    write_packed,
)
from kg.store.voidcounts import (
    COUNTS_FILE,
    SUFFIX,
    GraphCounter,
    GraphCounts,
    TermTable,
    count_graph,
    read_graph_counts,
    write_graph_counts,
)
from kg.store.voidtable import SEGMENT, SEGMENT_SUFFIX, KeptTable, segment_names
from kg.store.workers import PARALLEL_FROM
from kg.vocab import prefixes

EXPORT_DIR = "export"
# Bytes Oxigraph's N-Triples writer escapes and kg.record.nquads.term_text leaves raw (a
# newline is only ever a line's end there: term_text escapes it, as it does a carriage return).
_RAW_CONTROL = bytes([*range(0x0A), *range(0x0B, 0x20), 0x7F])
READY_DIR = ".export-ready"  # appeal graphs' files written before the store (write_chunks' ready)
MANIFEST = "manifest.json"
HEADER = "header.ttl"
VERSION = 4  # 3: the files not packed; 2: also inside the generation's export folder (read)
POOL_DIR = "export-files"  # beside the generations: the graphs' files, shared between them
APPEAL_GRAPHS = "https://w3id.org/appeals-kg/graph/appeal/"
PARTS = 256  # the fewest parts a large graph other than an appeal graph is written in
PART_MIN = 1 << 16  # triples from which such a graph is written in parts (else in one)
# Triples a part holds at most on average when its graph was written whole: a larger graph is
# written in more parts (a power of two times PARTS), so that the parts a small change
# reaches, and the bytes written again for them, do not grow with the corpus.
PART_TRIPLES = 1 << 11
_SMALL_PART = 25  # appeal graphs whose files go to a worker at a time (_write_small_many)
GROUP_PARTS = 64  # consecutive parts whose lines share one file before they are split (_spread)

NQ, TTL = f".nq{PACKED}", f".ttl{PACKED}"  # the suffixes of the files this code writes
_PROBE = ox.Triple(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), ox.NamedNode("urn:x:o"))


@dataclass(frozen=True)
class Chunk:
    """One graph's files: ``graph`` is its IRI (None for the default graph)."""

    graph: str | None
    stem: Path
    triples: int
    packed: bool = True  # False: written by a version that did not pack them

    @property
    def nquads(self) -> Path:
        return self.stem.with_name(self.stem.name + (NQ if self.packed else ".nq"))

    @property
    def turtle(self) -> Path:
        return self.stem.with_name(self.stem.name + (TTL if self.packed else ".ttl"))


@dataclass(frozen=True)
class Chunks:
    """The files of one public store, as :func:`store_chunks` finds them."""

    folder: Path
    header: bytes
    chunks: list[Chunk]
    triples: int


def export_prefixes() -> dict[str, str]:
    """The prefixes an export declares (those of ``ontology/prefixes.ttl``)."""
    return {p: ns for p, ns in prefixes().items() if p}


def turtle_header(pm: dict[str, str]) -> bytes:
    """The prefix lines Oxigraph opens a Turtle text with: those of a one-triple text."""
    one = ox.serialize([_PROBE], format=ox.RdfFormat.TURTLE, prefixes=pm) or b""
    return one[: one.rindex(b"<urn:x:s>")]


def _stem(graph: str | None) -> str:
    if graph is None:
        return "default"
    return hashlib.sha256(graph.encode("utf-8")).hexdigest()[:32]


def pool_folder(folder: Path) -> Path:
    """Where the graphs' files of the generation ``folder`` live: one folder beside the
    generations, shared by all of them (:data:`POOL_DIR`)."""
    return folder.parent / POOL_DIR


def write_chunks(
    store: ox.Store,
    folder: Path,
    *,
    previous: Path | None = None,
    changed: Iterable[str] = (),
    kept: Iterable[str] = (),
    ready: dict[str, int] | None = None,
    others: dict[str, set[ox.Triple]] | None = None,
    contents: Mapping[str, list[ox.Triple] | list[str]] | None = None,
    maybe: Iterable[str] | None = None,
    texts: dict[str, tuple[list[Path], int]] | None = None,
    workers: Executor | None = None,
    ahead: FilesAhead | None = None,
) -> int:
    """Write ``folder/export`` for the public store ``store``; returns the triples written.

    ``folder`` is the generation being built. The graphs' files go into the folder the
    generations share (:func:`pool_folder`), each under a name no other build uses; the
    generation's manifest lists the names. With ``previous`` (the generation the build
    started from) each appeal graph that is not in ``changed``, and each other graph named in
    ``kept`` (the caller knows it did not change: the ontology on an incremental build, say),
    keeps the previous generation's files: the manifest names them again, nothing is copied or
    linked. ``ready`` names the appeal graphs (IRI -> triples) whose files
    :func:`appeal_files_writer` wrote into the folder already, from the text the full build
    loaded. ``others`` gives, for graphs that are not appeal graphs, every triple each gained
    or lost since ``previous`` (an empty set: unchanged): only the parts those reach are
    written again. ``contents`` gives every triple of some appeal graphs (those an incremental
    build wrote; as triples or as N-Triples lines without the final dot): their files are
    made from them rather than read from the store. The VoID
    counts are the previous generation's table updated by the files dropped and added, one new
    segment of the changed terms (:mod:`kg.store.voidtable`). ``maybe`` (with ``previous``)
    names the graphs, besides ``changed`` and ``others``, that may have come or gone since
    ``previous``: the store's graphs are then the previous manifest's with those looked up,
    not a listing of every graph of the store. ``texts`` gives, for graphs other than the
    appeal graphs, the N-Quads files the store took each one's triples from and how many it
    holds: their parts are written from those files (:func:`_write_parts_from`: the same
    files, without reading the graph back from the store), else from the store. With
    ``workers`` (worker processes), the files of the appeal graphs ``contents`` gives are
    made there (:class:`_SmallFiles`) when they are enough to pay; ``ahead`` gives those
    files started there before (:class:`FilesAhead`), under its token. The
    manifest and counts are filled beside the folder's final name and renamed into place at
    the end; then the shared
    folder keeps only the files of this generation and of the one it started from (the
    current one)."""
    pm = export_prefixes()
    header = turtle_header(pm)
    kept = set(kept)
    pool = pool_folder(folder)
    pool.mkdir(exist_ok=True)
    if ahead is not None:  # its files are being made under its token already
        token, began = ahead.token, ahead.began
    else:
        token = _new_token()
        began = _begin_writing(pool, token)
    skip = set(changed)
    # graph -> (stem, triples, file name) of the previous generation's files it may keep
    reusable: dict[str, tuple[str, int, str]] = {}
    parted: dict[str, list[tuple[str, int, Path]]] = {}  # graph -> its previous parts
    old_files: set[str] | None = None  # the previous generation's files, when in this pool
    old_packed = True
    old_pool = pool
    old_graphs: list[str] | None = None  # the previous manifest's named graphs, in order
    old_dropped: list[str] | None = None  # what the shared folder kept beside the previous
    if previous is not None:
        old = _read_manifest(previous / EXPORT_DIR, header, keep=True)
        _let_go_manifest()
        if old is not None:
            if began is not None and old.get("token") == began and "dropped" in old:
                old_dropped = [str(name) for name in old["dropped"]]
            old_packed = _packed(old)
            # Rows as names in one folder: no path made per graph (the graphs grow with the
            # corpus; a rebuild keeps almost all of them as they are).
            old_pool, named = _named_rows(old, previous / EXPORT_DIR)
            reusable = {
                g: (stem, n, name)
                for g, stem, n, name in named
                if g in kept or (g and g.startswith(APPEAL_GRAPHS) and g not in skip)
            }
            for g, stem, n, name in named:
                if g and (g in kept or g in (others or {})) and stem.startswith(f"{_stem(g)}-"):
                    parted.setdefault(g, []).append((stem, n, old_pool / name))
            if old_pool.resolve() == pool.resolve():
                old_files = {name for *_, name in named}
            old_graphs = list(dict.fromkeys(g for g, *_ in named if g is not None))
    final = folder / EXPORT_DIR
    tmp = folder / f".{EXPORT_DIR}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    place = _Placer(pool, token, old_packed)
    graphs: list[str | None]
    if maybe is not None and old_graphs is not None:
        graphs = _graphs_after(store, old_graphs, {*maybe, *skip, *(others or {})})
    else:
        graphs = sorted(g.value for g in store.named_graphs())
    if next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
        graphs.insert(0, None)
    rows: list[list[object]] = []
    total = 0
    same_pool = old_packed and old_files is not None
    made: dict[str, int] = {}  # appeal graph -> triples, its files made in the workers
    if ahead is not None:
        made = ahead.counts()
        # files made for a graph the store no longer holds (every triple moved out), or not
        # changed by the build, are not listed: removed
        unused = {g for g in made if g not in skip} | (set(made) - set(graphs))
        _remove_files(pool, {place.name(_stem(g)) for g in unused})
        made = {g: n for g, n in made.items() if g not in unused}
    elif workers is not None and contents:
        wanted = [g for g in graphs if g is not None and g in contents and g in skip]
        if len(wanted) >= PARALLEL_FROM:
            made = _SmallFiles(workers, pool, place, wanted, contents).counts()
    for iri in graphs:
        stem = _stem(iri)
        kept_row = reusable.get(iri) if iri is not None else None
        if kept_row is not None and same_pool and kept_row[0] == stem:
            # files of the previous generation, in this pool: listed again as they were
            rows.append([iri, stem, kept_row[1], kept_row[2]])
            total += kept_row[1]
            continue
        graph = ox.NamedNode(iri) if iri is not None else ox.DefaultGraph()
        if kept_row is not None and kept_row[0] == stem:
            _, count, old_name = kept_row
            name = place.keep(old_pool / old_name, iri)
        elif ready and iri in ready:
            name = place.name(stem)
            for ext in (NQ, TTL, SUFFIX):
                os.rename(folder / READY_DIR / f"{stem}{ext}", pool / f"{name}{ext}")
            count = ready[iri]
        elif iri is not None and iri in made:
            name = place.name(stem)
            count = made[iri]
        elif iri is not None and iri.startswith(APPEAL_GRAPHS):
            name = place.name(stem)
            known = contents.get(iri) if contents else None
            count, void = _write_small(store, graph, pool / name, header, pm, known)
            write_graph_counts(pool / name, void)
        elif iri is None:
            name = place.name(stem)
            count, void = _write_large(store, graph, pool / name, header, pm)
            write_graph_counts(pool / name, void)
        else:
            change = set() if iri in kept else (others or {}).get(iri)
            if iri in parted and change is not None and not _blank(change):
                parts = _update_parts(store, graph, change, parted[iri], place, header, pm)  # type: ignore[arg-type]
            else:
                parts = None
                if texts and iri in texts:  # from the text the store was loaded from
                    paths, expected = texts[iri]
                    parts = _write_parts_from(paths, expected, graph, place, header, pm)  # type: ignore[arg-type]
                if parts is None:
                    parts = _write_parts(store, graph, place, header, pm)  # type: ignore[arg-type]
            for part, n, name in parts:
                rows.append([iri, part, n, name])
                total += n
            continue
        rows.append([iri, stem, count, name])
        total += count
    files = [str(r[3]) for r in rows]
    written = _write_void(tmp, pool, rows, previous, old_files, place.name(SEGMENT))
    (tmp / HEADER).write_bytes(header)
    current = _current_files(folder, header, previous, old_files)
    listed = set(files) | set(segment_names(tmp))
    keep = listed | (old_files or set()) | current
    if previous is not None:
        keep.update(segment_names(previous / EXPORT_DIR))
    manifest = {
        "version": VERSION,
        "triples": total,
        "graphs": rows,
        "files": os.path.relpath(pool, final),
        # The build that wrote the files, and the files the shared folder keeps beside them
        # (the generation this one started from, the current one): the next build removes
        # those by name rather than listing the folder (_collect).
        "token": token,
        "dropped": sorted(keep - listed),
    }
    (tmp / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    shutil.rmtree(final, ignore_errors=True)
    os.rename(tmp, final)
    shutil.rmtree(folder / READY_DIR, ignore_errors=True)
    # By name when the folder is known to hold only the files of the previous generation
    # and those it kept beside them (no build wrote into it since, and the previous
    # generation is the current one); else by a listing of the folder.
    if old_dropped is not None and old_files is not None and _is_current(folder, previous):
        _remove_files(pool, (set(old_dropped) | set(written)) - keep)
    else:
        _collect(pool, keep)
    return total


def _files_digest(files: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(sorted(files)).encode("utf-8")).hexdigest()


def _write_void(
    tmp: Path, pool: Path, rows: list[list[object]], previous: Path | None,
    old_files: set[str] | None, segment: str,
) -> list[str]:  # fmt: skip
    """The VoID counts of the files ``rows`` lists: the previous generation's kept table
    (:mod:`kg.store.voidtable`) updated by the files it dropped and the files added when there
    is one that counts exactly its files, else every file's counts merged; ``segment`` names
    the segment this build writes. Returns the segments written (those merged among them)."""
    files = {str(r[3]) for r in rows}
    table = None
    if previous is not None and old_files is not None:
        table = KeptTable.read(previous / EXPORT_DIR, pool, _files_digest(old_files))
    if table is not None:
        try:
            table.update(
                (read_graph_counts(pool / f) for f in sorted(files - old_files)),  # type: ignore[operator]
                (read_graph_counts(pool / f) for f in sorted(old_files - files)),  # type: ignore[operator]
                segment,
            )
        except (OSError, ValueError):
            table.close()
            table = None
    if table is None:
        whole = TermTable.from_counts(read_graph_counts(pool / f) for f in sorted(files))
        table = KeptTable.from_table(whole, pool, segment)
    per_graph: dict[str, int] = {}
    for g, _stem, n, _name in rows:
        if g is not None:  # a large graph's parts add up
            per_graph[str(g)] = per_graph.get(str(g), 0) + int(n)  # type: ignore[call-overload]
    table.write(tmp, _files_digest(files))
    table.close()
    (tmp / COUNTS_FILE).write_text(json.dumps(table.to_json(per_graph)), encoding="utf-8")
    return table.written


class _Placer:
    """Names of the files a build writes into the shared folder, and the previous files it
    keeps: those of the same shared folder by their name; those elsewhere (another store's, or
    a generation of the layout that kept the files inside it) hard-linked in under a new
    name, with their VoID counts made if they have none. Files of a generation that did not
    pack them (``packed`` False) are packed under a new name, once."""

    def __init__(self, pool: Path, token: str, packed: bool = True) -> None:
        self.pool, self.token, self.packed = pool, token, packed
        self._here: dict[Path, bool] = {}  # folder -> whether it is the pool

    def name(self, stem: str) -> str:
        return f"{stem}_{self.token}"

    def keep(self, at: Path, graph: str | None, stem: str | None = None) -> str:
        here = self._here.get(at.parent)
        if here is None:
            here = self._here[at.parent] = at.parent.resolve() == self.pool.resolve()
        if here and self.packed:
            return at.name
        name = self.name(stem or at.name.split("_", 1)[0])
        for ext in (".nq", ".ttl"):
            if self.packed:
                os.link(at.with_name(at.name + ext + PACKED), self.pool / f"{name}{ext}{PACKED}")
            else:
                text = at.with_name(at.name + ext).read_bytes()
                write_packed(self.pool / f"{name}{ext}{PACKED}", text)
        if at.with_name(at.name + SUFFIX).is_file():
            os.link(at.with_name(at.name + SUFFIX), self.pool / f"{name}{SUFFIX}")
        else:  # a generation from before the counts were kept
            text = read_unpacked(at.with_name(at.name + (NQ if self.packed else ".nq")))
            if graph is not None:
                text = text.replace(f" <{graph}> .\n".encode(), b" .\n")
            write_graph_counts(self.pool / name, count_graph(text))
        return name


_Row = tuple[str | None, str, int, str]  # graph, stem, triples, file name without suffix


def _named_rows(manifest: dict, folder: Path) -> tuple[Path, list[_Row]]:
    """The folder of the files a manifest lists, and its rows (graph, stem, triples, file name
    without suffix in that folder): :func:`_located` without a path per row."""
    if manifest["version"] == 2:  # the files were inside the generation's export folder
        return folder, [(g, stem, int(n), stem) for g, stem, n in manifest["graphs"]]
    return folder / manifest["files"], [
        (g, stem, int(n), name) for g, stem, n, name in manifest["graphs"]
    ]


def _graphs_after(store: ox.Store, before: list[str], maybe: set[str]) -> list[str]:
    """The store's named graphs, in order, given that they are those of ``before`` (the
    previous generation's, in order) but for the graphs of ``maybe``, looked up in the store."""
    there = [g for g in maybe if store.contains_named_graph(ox.NamedNode(g))]
    return sorted([*(g for g in before if g not in maybe), *there])


def _packed(manifest: dict) -> bool:
    """Whether the files a manifest lists are packed (those of versions before 4 are not)."""
    return int(manifest["version"]) >= 4


def _located(manifest: dict, folder: Path) -> list[tuple[str | None, str, int, Path]]:
    """The manifest's rows (graph, stem, triples, where its files are, without suffix)."""
    if manifest["version"] == 2:  # the files were inside the generation's export folder
        return [(g, stem, int(n), folder / stem) for g, stem, n in manifest["graphs"]]
    pool = folder / manifest["files"]
    return [(g, stem, int(n), pool / name) for g, stem, n, name in manifest["graphs"]]


def _current_files(
    folder: Path, header: bytes, previous: Path | None = None, known: set[str] | None = None
) -> set[str]:
    """The files the current generation of the store ``folder`` is a generation of lists
    (kept: readers may be using them), when there is one; ``known``: the files of the
    generation ``previous`` lists, not read again when it is the current one (as on every
    rebuild)."""
    home = folder.parent
    if not (home.name.startswith(".") and home.name.endswith(".d")):
        return set()
    generation = current_generation(home.parent / home.name[1:-2])
    if generation is None or generation == folder:
        return set()
    if known is not None and previous is not None and generation == previous:
        return known | set(segment_names(generation / EXPORT_DIR))
    old = _read_manifest(generation / EXPORT_DIR, header)
    if old is None:
        return set()
    segments = segment_names(generation / EXPORT_DIR)
    return {at.name for *_, at in _located(old, generation / EXPORT_DIR)} | set(segments)


WRITING = ".writing"  # in the shared folder: the last build that began to write into it
# The suffixes of the files a name in the shared folder stands for (graphs' files, packed or
# not, their VoID counts, a VoID segment).
_SUFFIXES = (NQ, TTL, SUFFIX, ".nq", ".ttl", SEGMENT_SUFFIX)


def _begin_writing(pool: Path, token: str) -> str | None:
    """Name build ``token`` the last to write into the shared folder ``pool``; returns the
    build named before (None: none, or unreadable). A build that finds its predecessor's
    name there knows no other build wrote into the folder since that one."""
    marker = pool / WRITING
    try:
        began: str | None = marker.read_text(encoding="ascii").strip()
    except (OSError, ValueError):
        began = None
    marker.write_text(token, encoding="ascii")
    return began or None


def _is_current(folder: Path, previous: Path | None) -> bool:
    """Whether ``previous`` is the current generation of the store ``folder`` is built for."""
    home = folder.parent
    if previous is None:
        return False
    if not (home.name.startswith(".") and home.name.endswith(".d")):
        return False
    generation = current_generation(home.parent / home.name[1:-2])
    return generation is not None and generation.resolve() == previous.resolve()


def _remove_files(pool: Path, names: set[str]) -> None:
    """Remove the files of ``names`` (file names without suffix) from the shared folder."""
    for name in sorted(names):
        for suffix in _SUFFIXES:
            try:
                os.unlink(pool / f"{name}{suffix}")
            except OSError:  # not there: a name stands for some of these suffixes only
                pass


def _collect(pool: Path, keep: set[str]) -> None:
    """Remove from the shared folder the files no kept generation lists (those of older
    generations, and what a failed build left)."""
    with os.scandir(pool) as entries:
        for entry in entries:
            if entry.name == WRITING:
                continue
            if entry.name.split(".", 1)[0] not in keep:
                try:
                    os.unlink(entry.path)
                except OSError:
                    pass


def appeal_files_writer(folder: Path) -> Callable[[str, str], int]:
    """A function that writes an appeal graph's files into ``folder``'s ready files from the
    graph's N-Quads text as the store will hold it (each line ending in the graph's IRI), and
    returns its triple count: the full build has that text before the store, which it would
    otherwise read back graph by graph (see :func:`write_chunks`' ``ready``)."""
    pm = export_prefixes()
    header = turtle_header(pm)
    ready = folder / READY_DIR
    ready.mkdir(exist_ok=True)

    def write(graph: str, text: str) -> int:
        data = text.encode("utf-8")
        # The triples as N-Triples (every line ends in the graph, and only a line's end is a
        # newline), parsed straight into the Turtle writer: no Python object per triple. The
        # parse does not check the IRIs again (lenient: a third of its CPU): this code wrote
        # them, a record's own IRIs were checked when its graph was made
        # (kg.record.caserecord.expand), and the bulk load parses the same lines strictly.
        tail = f" <{graph}> .\n".encode()
        nt = data.replace(tail, b" .\n")
        if len(data) - len(nt) != data.count(b"\n") * (len(tail) - 3):
            raise RuntimeError(f"a line of <{graph}> is not in that graph")
        triples = ox.parse(input=nt, format=ox.RdfFormat.N_TRIPLES, lenient=True)
        ttl = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=pm)
        ttl = ttl or b""
        if ttl and not ttl.startswith(header):
            raise RuntimeError(f"Turtle of <{graph}> does not open with the prefix lines")
        stem = ready / _stem(graph)
        write_packed(stem.with_name(stem.name + NQ), data)
        write_packed(stem.with_name(stem.name + TTL), ttl[len(header) :])
        # Counted from Oxigraph's own N-Triples, whose text is the store's for each term. The
        # build's text (kg.record.nquads.term_text) is that text already unless a literal holds
        # a control character, which it leaves as it is and Oxigraph escapes, or the graph a
        # blank node, which a parse may name anew: only then is it parsed and written again.
        if b"_:" in nt or len(nt.translate(None, _RAW_CONTROL)) != len(nt):
            canonical = ox.parse(input=nt, format=ox.RdfFormat.N_TRIPLES)
            nt = ox.serialize(canonical, format=ox.RdfFormat.N_TRIPLES) or b""
        write_graph_counts(stem, count_graph(nt))
        return data.count(b"\n")

    return write


_WRITERS: dict[str, Callable[[str, str], int]] = {}  # a worker's appeal_files_writer, by folder


def _appeal_files(folder: str, part: list[tuple[str, str]]) -> None:
    """:func:`appeal_files_writer`'s files of a few appeal graphs (IRI, N-Quads text), in a
    worker process; the writer of the folder a build last sent is kept, no other."""
    write = _WRITERS.get(folder)
    if write is None:
        _WRITERS.clear()
        write = _WRITERS[folder] = appeal_files_writer(Path(folder))
    for graph, text in part:
        write(graph, text)


class AppealFilesInWorkers:
    """:func:`appeal_files_writer` with the files made in ``workers``: a full build hands the
    appeal graphs' final texts over one at a time after their partition, which until then
    made every graph's files (Oxigraph's Turtle, the VoID counts, the packing) in the build
    process while the workers that wrote the graphs waited. Called like the writer, it returns
    a graph's triple count at once (its lines) and sends the graphs to the workers
    :data:`_SMALL_PART` at a time, at most ``ahead`` parts in flight; :meth:`wait` waits for
    the rest and raises the first error a worker met."""

    def __init__(self, folder: Path, workers: Executor, ahead: int) -> None:
        (folder / READY_DIR).mkdir(exist_ok=True)
        self.folder, self.workers, self.ahead = str(folder), workers, max(1, ahead)
        self.part: list[tuple[str, str]] = []
        self.pending: deque[Future[None]] = deque()

    def __call__(self, graph: str, text: str) -> int:
        self.part.append((graph, text))
        if len(self.part) >= _SMALL_PART:
            self._send()
        return text.count("\n")

    def _send(self) -> None:
        self.pending.append(self.workers.submit(_appeal_files, self.folder, self.part))
        self.part = []
        while len(self.pending) > self.ahead:
            self.pending.popleft().result()

    def wait(self) -> None:
        if self.part:
            self._send()
        while self.pending:
            self.pending.popleft().result()


def _small_files(part: list[tuple[str, str, bytes]]) -> list[int]:
    """:func:`_write_small` of a few appeal graphs, in a worker process, each given as its
    IRI, the stem of its files and its triples as N-Triples lines (in any order); their
    triple counts."""
    pm = export_prefixes()
    header = turtle_header(pm)
    out = []
    for iri, stem, nt in part:
        count, void = _small_from_lines(nt, ox.NamedNode(iri), Path(stem), header, pm)
        write_graph_counts(Path(stem), void)
        out.append(count)
    return out


class _SmallFiles:
    """The files of the appeal graphs ``graphs`` from their triples in ``contents``, sent to
    ``workers`` a part at a time as soon as this is made: sorting the lines, the Turtle,
    packing and the VoID counts are most of what an incremental build spends on a graph's
    files; here each graph's triples are only joined as N-Triples. :meth:`counts` waits for
    them and gives their triple counts (it raises the first error a worker met)."""

    def __init__(
        self,
        workers: Executor,
        pool: Path,
        place: _Placer,
        graphs: list[str],
        contents: Mapping[str, list[ox.Triple] | list[str]],
    ) -> None:
        self._sent: list[tuple[list[str], Future[list[int]]]] = []
        for start in range(0, len(graphs), _SMALL_PART):
            iris = graphs[start : start + _SMALL_PART]
            part = [(i, str(pool / place.name(_stem(i))), _nt_text(contents[i])) for i in iris]
            self._sent.append((iris, workers.submit(_small_files, part)))

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for iris, future in self._sent:
            out.update(zip(iris, future.result(), strict=True))
        return out


class FilesAhead:
    """The export files of the appeal graphs an incremental build wrote, started in the
    build's ``workers`` as soon as the graphs' triples are known (``contents``, each graph
    of ``graphs`` it gives), before the rules run over the changed store and its state is
    written: the build process takes those steps while the workers make the files, and
    :func:`write_chunks` (given this as ``ahead``) lists what they made. The files are
    named for this build (its token) in the folder the generations share, which is marked
    as being written by it first, as :func:`write_chunks` marks it."""

    def __init__(
        self,
        workers: Executor,
        folder: Path,
        contents: Mapping[str, list[ox.Triple] | list[str]],
        graphs: Iterable[str],
    ) -> None:
        self.pool = pool_folder(folder)
        self.pool.mkdir(exist_ok=True)
        self.token = _new_token()
        self.began = _begin_writing(self.pool, self.token)
        wanted = sorted(g for g in graphs if g in contents and g.startswith(APPEAL_GRAPHS))
        self._files = _SmallFiles(
            workers, self.pool, _Placer(self.pool, self.token), wanted, contents
        )

    def counts(self) -> dict[str, int]:
        """Each graph's triple count, once the workers made its files."""
        return self._files.counts()


def _new_token() -> str:
    """A name for one build's files in the shared folder, which no other build uses."""
    return f"{time.time_ns():x}{secrets.token_hex(3)}"


def _nt_text(triples: list[ox.Triple] | list[str]) -> bytes:
    """N-Triples text of a graph's triples, given as triples or as their lines without the
    final dot (as Oxigraph writes them: joined, not written again)."""
    if triples and isinstance(triples[0], str):
        return "".join(f"{k} .\n" for k in triples).encode("utf-8")  # type: ignore[union-attr]
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""  # type: ignore[arg-type]


def _small_from_lines(
    nt: bytes, graph: ox.NamedNode, stem: Path, header: bytes, pm: dict[str, str]
) -> tuple[int, GraphCounts]:
    """:func:`_write_small` from a graph's N-Triples lines (in any order)."""
    lines = nt.split(b"\n")  # sorted, so that the Turtle groups each subject's triples
    nt = b"".join(line + b"\n" for line in sorted(lines[:-1]))
    return _files_from_nt(nt, graph, stem, header, pm)


def _files_from_nt(
    nt: bytes, graph: ox.NamedNode, stem: Path, header: bytes, pm: dict[str, str]
) -> tuple[int, GraphCounts]:
    """A graph's N-Quads and Turtle files from its N-Triples text, as given (written by this
    code or by Oxigraph, so parsed without checking its IRIs again); its triple count and
    VoID counts."""
    parsed = ox.parse(nt, format=ox.RdfFormat.N_TRIPLES, lenient=True)
    ttl = ox.serialize(parsed, format=ox.RdfFormat.TURTLE, prefixes=pm) or b""
    if ttl and not ttl.startswith(header):
        raise RuntimeError(f"Turtle of {graph} does not open with the prefix lines")
    write_packed(stem.with_name(stem.name + NQ), nt.replace(b" .\n", f" {graph} .\n".encode()))
    write_packed(stem.with_name(stem.name + TTL), ttl[len(header) :] if ttl else b"")
    return nt.count(b"\n"), count_graph(nt)


def _write_small(
    store: ox.Store,
    graph: ox.NamedNode,
    stem: Path,
    header: bytes,
    pm: dict[str, str],
    triples: list[ox.Triple] | list[str] | None = None,
) -> tuple[int, GraphCounts]:
    """One appeal graph's files, made in memory (an appeal graph is one record's facts); its
    triple count and VoID counts. ``triples``: the graph's, when the caller has them (else
    read from the store: a read per term, most of the cost)."""
    if triples is not None:
        return _small_from_lines(_nt_text(triples), graph, stem, header, pm)
    nt = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph) or b""
    return _files_from_nt(nt, graph, stem, header, pm)


def _write_large(
    store: ox.Store,
    graph: ox.NamedNode | ox.DefaultGraph,
    stem: Path,
    header: bytes,
    pm: dict[str, str],
) -> tuple[int, GraphCounts]:
    """A graph of any size (reference, derived ...) through files, never whole in memory; its
    triple count and VoID counts."""
    nt = stem.with_suffix(".nt")
    store.dump(str(nt), format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
    with packing(stem.with_name(stem.name + TTL)) as out:
        skipping = _SkipHeader(out, header)
        triples = ox.parse(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
        ox.serialize(triples, skipping, format=ox.RdfFormat.TURTLE, prefixes=pm)
        skipping.close()
    count = 0
    void = GraphCounter()
    with packing(stem.with_name(stem.name + NQ)) as out:
        new = f" {graph} .\n".encode() if isinstance(graph, ox.NamedNode) else b" .\n"
        for block in read_lines(nt):
            count += block.count(b"\n")
            out.write(block.replace(b" .\n", new))
            void.add(block)
    nt.unlink()
    return count, void.counts()


def part_count(triples: int) -> int:
    """The parts a graph of ``triples`` triples other than an appeal graph is written in: one
    below :data:`PART_MIN`, else :data:`PARTS` doubled until a part holds at most
    :data:`PART_TRIPLES` on average. The count is in the parts' names, and a rebuild that
    writes some parts again keeps it."""
    if triples < PART_MIN:
        return 1
    n = PARTS
    while triples > n * PART_TRIPLES:
        n *= 2
    return n


def _part_of(line: bytes, parts: int) -> int:
    """The part of a graph's N-Triples line: by its subject (the line up to the first space)."""
    return zlib.crc32(line[: line.index(b" ")]) % parts


def _blank(triples: Iterable[ox.Triple]) -> bool:
    return any(isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)
               for t in triples)  # fmt: skip


def _write_part(
    lines: list[bytes], graph: ox.NamedNode, stem: Path, header: bytes, pm: dict[str, str]
) -> int:
    """One part's files from its N-Triples lines (sorted, so that a part written again from a
    change is the same file a full build writes)."""
    data = b"".join(lines)
    ttl = ox.serialize(ox.parse(data, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.TURTLE,
                       prefixes=pm) or b""  # fmt: skip
    if ttl and not ttl.startswith(header):
        raise RuntimeError(f"Turtle of {graph} does not open with the prefix lines")
    write_packed(stem.with_name(stem.name + NQ), data.replace(b" .\n", f" {graph} .\n".encode()))
    write_packed(stem.with_name(stem.name + TTL), ttl[len(header) :] if ttl else b"")
    write_graph_counts(stem, count_graph(data))
    return len(lines)


def _write_parts(
    store: ox.Store, graph: ox.NamedNode, place: _Placer, header: bytes, pm: dict[str, str]
) -> list[tuple[str, int, str]]:
    """Every part of a graph of any size: its lines spread over one file a part, a block at a
    time (never the whole graph in memory), then each part sorted and written; (stem, triples,
    file name) per part."""
    pool = place.pool
    nt = pool / f"{place.name(_stem(graph.value))}.nt"
    store.dump(str(nt), format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
    size = sum(block.count(b"\n") for block in read_lines(nt))
    n = part_count(size)
    base = f"{_stem(graph.value)}-{n}"  # the number of parts in the name: kept by updates
    out: list[tuple[str, int, str]] = []
    try:
        for k, lines in _spread(read_lines(nt), n, base, place):
            stem = f"{base}-{k:03d}"
            name = place.name(stem)
            lines.sort()
            out.append((stem, _write_part(lines, graph, pool / name, header, pm), name))
    finally:
        nt.unlink()
    return out


def _spread(
    blocks: Iterable[bytes], n: int, base: str, place: _Placer
) -> Iterator[tuple[int, list[bytes]]]:
    """N-Triples lines (blocks of whole lines) by their part (:func:`_part_of` of ``n``):
    each part that has lines, in order, with its lines. The lines go first into one file per
    group of :data:`GROUP_PARTS` consecutive parts (a few files, open throughout, written a
    block's lines at a time), each line's part beside it in a second file; then each group
    is read and split into its parts. A file a part, appended to each time the lines held
    passed a bound, would be opened (parts x blocks) times: as the square of the graph."""
    groups = -(-n // GROUP_PARTS)
    stems = [place.pool / place.name(f"{base}-g{j:03d}") for j in range(groups)]
    paths = [(stem.with_suffix(".part"), stem.with_suffix(".keys")) for stem in stems]
    try:
        files = [(open(a, "wb"), open(b, "wb")) for a, b in paths]  # noqa: SIM115 - closed below
        try:
            for block in blocks:
                lines = block.splitlines(keepends=True)
                ks = np.fromiter((_part_of(line, n) for line in lines), np.uint32, len(lines))
                if groups == 1:
                    files[0][0].write(block)
                    files[0][1].write(ks.tobytes())
                    continue
                of = ks // GROUP_PARTS
                for j in np.unique(of).tolist():
                    at = np.flatnonzero(of == j)
                    files[j][0].write(b"".join([lines[i] for i in at.tolist()]))
                    files[j][1].write(ks[at].tobytes())
        finally:
            for a, b in files:
                a.close()
                b.close()
        for text, keys in paths:
            lines = text.read_bytes().splitlines(keepends=True)
            ks = np.frombuffer(keys.read_bytes(), np.uint32)
            text.unlink()
            keys.unlink()
            order = np.argsort(ks, kind="stable")
            bounds = np.flatnonzero(np.diff(ks[order])) + 1
            for run in np.split(order, bounds) if len(order) else []:
                yield int(ks[run[0]]), [lines[i] for i in run.tolist()]
    finally:
        for text, keys in paths:
            text.unlink(missing_ok=True)
            keys.unlink(missing_ok=True)


def _canonical_blocks(paths: Iterable[Path], graph: ox.NamedNode) -> Iterator[bytes]:
    """The triples of N-Quads files whose every line is in ``graph``, as Oxigraph's N-Triples
    (each block parsed and written again: its text is then the store's for each term, as a
    dump writes it); raises ValueError at a line in another graph or a blank node (which the
    loader names anew)."""
    tail = f" {graph} .\n".encode()
    for path in paths:
        for block in read_lines(path):
            if b"_:" in block:
                raise ValueError(f"{path}: may name a blank node")
            nt = block.replace(tail, b" .\n")
            if len(block) - len(nt) != block.count(b"\n") * (len(tail) - 3):
                raise ValueError(f"{path}: a line is not in {graph}")
            triples = ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)
            yield ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""


def _write_parts_from(
    paths: list[Path],
    expected: int,
    graph: ox.NamedNode,
    place: _Placer,
    header: bytes,
    pm: dict[str, str],
) -> list[tuple[str, int, str]] | None:
    """:func:`_write_parts` of ``graph`` from the N-Quads files its triples were loaded from
    (a triple may be in several of them), not read back from the store: the same files, when
    the store holds ``expected`` triples in ``graph`` and nothing else took any out. None,
    with nothing written, where the text may differ from the store's: a blank node, a line in
    another graph, a line that does not parse, or other than ``expected`` distinct triples."""
    pool = place.pool
    n = part_count(expected)
    base = f"{_stem(graph.value)}-{n}"
    names = [place.name(f"{base}-{k:03d}") for k in range(n)]
    out: list[tuple[str, int, str]] = []
    try:
        for k, some in _spread(_canonical_blocks(paths, graph), n, base, place):
            lines = sorted(set(some))
            stem, name = f"{base}-{k:03d}", names[k]
            out.append((stem, _write_part(lines, graph, pool / name, header, pm), name))
        if sum(count for _stem, count, _name in out) == expected:
            return out
    except (ValueError, SyntaxError):
        pass
    for name in names:  # what was written is not the store's: none of it stays
        for ext in (NQ, TTL, SUFFIX):
            (pool / f"{name}{ext}").unlink(missing_ok=True)
    return None


def _update_parts(
    store: ox.Store,
    graph: ox.NamedNode,
    change: set[ox.Triple],
    parts: list[tuple[str, int, Path]],
    place: _Placer,
    header: bytes,
    pm: dict[str, str],
) -> list[tuple[str, int, str]]:
    """The parts of a graph after ``change`` (triples it gained or lost: whichever the store
    now holds, it gained): the parts no changed triple falls in kept from the previous
    generation, the others made from their previous lines and the change."""
    base = parts[0][0].rsplit("-", 1)[0]  # <hash>-<number of parts>
    n = int(base.rsplit("-", 1)[1])
    gone: dict[int, set[bytes]] = {}
    come: dict[int, set[bytes]] = {}
    for t in change:
        line = ox.serialize([t], format=ox.RdfFormat.N_TRIPLES) or b""
        held = ox.Quad(t.subject, t.predicate, t.object, graph) in store
        (come if held else gone).setdefault(_part_of(line, n), set()).add(line)
    tail = f" {graph} .\n".encode()
    old = {int(stem.rsplit("-", 1)[1]): (stem, count, at) for stem, count, at in parts}
    out: list[tuple[str, int, str]] = []
    for k in sorted(set(old) | set(come)):
        stem = f"{base}-{k:03d}"
        if k not in come and k not in gone:
            _, count, at = old[k]
            out.append((stem, count, place.keep(at, graph.value, stem)))
            continue
        lines: set[bytes] = set()
        if k in old:
            at = old[k][2]
            text = read_unpacked(at.with_name(at.name + (NQ if place.packed else ".nq")))
            lines = {line[: -len(tail)] + b" .\n" for line in text.splitlines(keepends=True)}
        lines = (lines - gone.get(k, set())) | come.get(k, set())
        if lines:
            name = place.name(stem)
            count = _write_part(sorted(lines), graph, place.pool / name, header, pm)
            out.append((stem, count, name))
    return out


class _SkipHeader:
    """A binary writer that drops the prefix lines Oxigraph opens a Turtle text with."""

    def __init__(self, out: BinaryIO, header: bytes) -> None:
        self.out, self.header, self.seen = out, header, b""

    def write(self, data: bytes) -> int:
        given = len(data)
        if len(self.seen) < len(self.header):
            need = len(self.header) - len(self.seen)
            self.seen += bytes(data[:need])
            data = data[need:]
        if data:
            self.out.write(data)
        return given

    def flush(self) -> None:
        self.out.flush()

    def close(self) -> None:
        """Check what was dropped: the prefix lines, or nothing for an empty graph."""
        if self.seen and self.seen != self.header:
            raise RuntimeError("a Turtle text does not open with the prefix lines")


# The manifest a rebuild reads of the generation it started from, kept parsed while the
# rebuild runs: its changed graphs' previous lines (graph_lines, once or twice) and its export
# files (write_chunks) read the same file, whose rows grow with the corpus (some 24 MB of
# JSON at 100,000 appeals, 0.3 s a parse). Keyed by the file's identity and times, so that a
# manifest written since is read again; let go by write_chunks once it has read it.
_kept_manifest: tuple[tuple[object, ...], dict] | None = None


def _read_manifest(folder: Path, header: bytes, *, keep: bool = False) -> dict | None:
    """The manifest of ``folder`` if it is one this code wrote with the same prefixes; with
    ``keep``, the one parsed last time for the same unchanged file, and kept for the next
    such call (parsed manifests are only read, never changed)."""
    global _kept_manifest
    path = folder / MANIFEST
    try:
        st = os.stat(path)
        stamp = (str(path), st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
        if _kept_manifest is not None and _kept_manifest[0] == stamp:
            manifest = _kept_manifest[1]
        else:
            manifest = json.loads(path.read_text(encoding="utf-8"))
        same_header = (folder / HEADER).read_bytes() == header
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict):
        return None
    if keep:
        _kept_manifest = (stamp, manifest)
    if manifest.get("version") not in (2, 3, VERSION) or not same_header:
        return None
    return manifest


def _let_go_manifest() -> None:
    global _kept_manifest
    _kept_manifest = None


def listed_files(generation: Path) -> list[Path]:
    """The graphs' files (N-Quads, Turtle, VoID counts) the generation's manifest lists, in the
    folder the generations share: what its exports copy, beside ``export/`` itself."""
    folder = generation / EXPORT_DIR
    manifest = _read_manifest(folder, turtle_header(export_prefixes()))
    if manifest is None:
        return []
    out = []
    exts = (NQ, TTL, SUFFIX) if _packed(manifest) else (".nq", ".ttl", SUFFIX)
    for *_, at in _located(manifest, folder):
        out += [at.with_name(at.name + ext) for ext in exts]
    return [p for p in out if p.is_file()]


def graph_lines(
    generation: Path, graphs: Iterable[str], *, keep: bool = False
) -> dict[str, list[str]]:
    """The triples of the appeal graphs ``graphs`` (IRIs) as the export files of
    ``generation`` hold them, each as its N-Triples line without the final dot (as Oxigraph
    wrote it), for those whose files are listed, whole (the count the manifest gives) and
    free of blank nodes (whose labels a parse may not keep). An incremental build takes a
    changed graph's previous triples from here: unpacking a graph's file costs a fraction of
    reading its quads from the store, a RocksDB read per term, and nothing is parsed. A graph
    left out is read from the store by the caller. With ``keep`` (a rebuild, whose
    :func:`write_chunks` reads the same manifest next), the parsed manifest is kept for it."""
    wanted = {g for g in graphs if g.startswith(APPEAL_GRAPHS)}
    if not wanted:
        return {}
    folder = generation / EXPORT_DIR
    manifest = _read_manifest(folder, turtle_header(export_prefixes()), keep=keep)
    if manifest is None or not _packed(manifest):
        return {}
    out: dict[str, list[str]] = {}
    try:  # as names in one folder: a path made only for the graphs wanted
        pool, rows = _named_rows(manifest, folder)
    except (KeyError, TypeError, ValueError):
        return {}
    for g, stem, count, name in rows:
        if g not in wanted or stem != _stem(g):
            continue
        try:
            text = read_unpacked(pool / f"{name}{NQ}").decode("utf-8")
        except (OSError, ValueError):
            continue
        tail = f" <{g}> .\n"
        lines = text.split(tail)
        # every line ends with the graph's name, no other line (nor a blank node) between
        if lines[-1] or len(lines) - 1 != count or text.count("\n") != count or "_:" in text:
            continue
        lines.pop()
        out[g] = lines
    return out


def graph_triples(generation: Path, graphs: Iterable[str]) -> dict[str, list[ox.Triple]]:
    """:func:`graph_lines` parsed: each graph's triples."""
    out: dict[str, list[ox.Triple]] = {}
    for g, lines in graph_lines(generation, graphs).items():
        nt = "".join(f"{k} .\n" for k in lines).encode("utf-8")
        try:
            triples = [q.triple for q in ox.parse(input=nt, format=ox.RdfFormat.N_TRIPLES)]
        except SyntaxError:
            continue
        if len(triples) == len(lines):
            out[g] = triples
    return out


def files_by_graph(folder: Path) -> dict[str, list[str]]:
    """Each named graph's N-Quads files (paths: one, or its parts in order) as the manifest
    of the export folder ``folder`` lists them (empty without a manifest written with today's
    prefixes). Neither the files nor the store are looked at: unlike :func:`store_chunks`,
    this costs one read of the manifest, so that a caller wanting the files of a few graphs
    checks only theirs."""
    manifest = _read_manifest(folder, turtle_header(export_prefixes()))
    if manifest is None:
        return {}
    try:
        ext = NQ if _packed(manifest) else ".nq"
        if manifest["version"] == 2:  # the files were inside the generation's export folder
            base, rows = str(folder), [(g, stem) for g, stem, _n in manifest["graphs"]]
        else:
            pool = str(folder / manifest["files"])
            base, rows = pool, [(g, name) for g, _stem, _n, name in manifest["graphs"]]
    except (KeyError, TypeError, ValueError):
        return {}
    out: dict[str, list[str]] = {}
    for g, name in rows:
        if g is not None:
            out.setdefault(g, []).append(f"{base}/{name}{ext}")
    return out


def store_chunks(store: ox.Store, store_dir: Path | None) -> Chunks | None:
    """The files the build wrote for the public store at ``store_dir`` (opened as ``store``),
    or None when there are none to trust: not a public store of a build, no files, other
    prefixes than today's, or a manifest whose graphs are not exactly the store's."""
    if store_dir is None or store_dir.name != "public":
        return None
    folder = store_dir.parent / EXPORT_DIR
    header = turtle_header(export_prefixes())
    manifest = _read_manifest(folder, header)
    if manifest is None:
        return None
    try:
        packed = _packed(manifest)
        chunks = [Chunk(g, at, n, packed) for g, _stem, n, at in _located(manifest, folder)]
    except (KeyError, TypeError, ValueError):
        return None
    named = {g.value for g in store.named_graphs()}
    if named != {c.graph for c in chunks if c.graph is not None}:
        return None
    if not all(c.nquads.is_file() and c.turtle.is_file() for c in chunks):
        return None
    return Chunks(folder, header, chunks, int(manifest["triples"]))


__all__ = [
    "EXPORT_DIR",
    "AppealFilesInWorkers",
    "Chunk",
    "Chunks",
    "FilesAhead",
    "appeal_files_writer",
    "files_by_graph",
    "graph_lines",
    "graph_triples",
    "listed_files",
    "store_chunks",
    "turtle_header",
    "write_chunks",
]
