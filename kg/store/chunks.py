"""The public store's serialisation, written by the build graph by graph, for exports that copy.

Reading a store back costs what decoding every term from RocksDB costs (about 100--180k quads
a second on this project's machines, whichever Oxigraph call reads it), so an export that
reads the store can never reach the speed of a file copy. The build therefore writes, beside
the public store and inside the same generation (:func:`kg.files.replacing_folder`), each graph
of the public store once, with Oxigraph's serialisers:

- ``export/<hash>.nq``: the graph's quads as N-Quads (one line a quad, every line ending in
  the graph's IRI, `` .`` and a newline, so that N-Triples is the same lines without the
  graph);
- ``export/<hash>.ttl``: the same triples as Turtle, without the prefix lines;
- ``export/header.ttl``: the prefix lines, once; ``export/manifest.json``: the graphs in order,
  each with its file and triple count, and the store's total;
- ``export/<hash>.void`` (beside each graph's or part's files): what it adds to the
  store's VoID counts, and
  ``export/void-counts.json``: those counts, merged (:mod:`kg.store.voidcounts`).

:mod:`kg.publish.chunked` writes the four formats from these files. The files belong to the
generation of the stores they describe, so a takedown (a new generation) can never leave a
stale file behind, and an export checks that the manifest names exactly the store's graphs
before it uses them. An incremental build hard-links the files of the appeal graphs it did not
change from the previous generation and writes the others again; the graphs that are not appeal
graphs (reference, derived, links, ontology) are written again unless the build names them as
kept.

Appeal graphs (one record's facts each) are serialised in memory; the other graphs grow with
the corpus and are written through a file in blocks of lines, never whole in memory, in
:data:`PARTS` parts by their subjects (``export/<hash>-NNN.*``, one manifest row each, lines
sorted): when the caller knows what such a graph gained and lost (``others``), only the parts
a changed triple's subject falls in are written again, from the previous part and the change,
and the others are hard-linked, so that a small change does not rewrite the derived graph.

Blank nodes keep the labels the store gives them, the same in every file, so a blank node
shared by two graphs stays one node in the union.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.store.voidcounts import (
    COUNTS_FILE,
    SUFFIX,
    GraphCounter,
    GraphCounts,
    count_graph,
    read_graph_counts,
    union_counts,
    write_graph_counts,
)
from kg.vocab import prefixes

EXPORT_DIR = "export"
READY_DIR = ".export-ready"  # appeal graphs' files written before the store (write_chunks' ready)
MANIFEST = "manifest.json"
HEADER = "header.ttl"
VERSION = 2
APPEAL_GRAPHS = "https://w3id.org/appeals-kg/graph/appeal/"
BLOCK = 1 << 22  # bytes a large graph's text is read in
PARTS = 256  # parts a large graph other than an appeal graph is written in, by its subjects
PART_MIN = 1 << 16  # triples from which such a graph is written in parts (else in one)
SPILL = 1 << 25  # bytes of lines held before they are appended to their parts' files

_PROBE = ox.Triple(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), ox.NamedNode("urn:x:o"))


@dataclass(frozen=True)
class Chunk:
    """One graph's files: ``graph`` is its IRI (None for the default graph)."""

    graph: str | None
    stem: Path
    triples: int

    @property
    def nquads(self) -> Path:
        return self.stem.with_suffix(".nq")

    @property
    def turtle(self) -> Path:
        return self.stem.with_suffix(".ttl")


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


def write_chunks(
    store: ox.Store,
    folder: Path,
    *,
    previous: Path | None = None,
    changed: Iterable[str] = (),
    kept: Iterable[str] = (),
    ready: dict[str, int] | None = None,
    others: dict[str, set[ox.Triple]] | None = None,
) -> int:
    """Write ``folder/export`` for the public store ``store``; returns the triples written.

    ``folder`` is the generation being built. With ``previous`` (the generation the build
    started from) the files of each appeal graph that is not in ``changed``, and of each other
    graph named in ``kept`` (the caller knows it did not change: the ontology on an
    incremental build, say), that the previous generation has are hard-linked from it instead
    of written again. ``ready`` names the appeal graphs (IRI -> triples) whose files
    :func:`appeal_files_writer` wrote into the folder already, from the text the full build
    loaded. ``others`` gives, for graphs that are not appeal graphs, every triple each gained
    or lost since ``previous`` (an empty set: unchanged): only the parts those reach are
    written again. The folder is filled beside its final name and renamed into place at the
    end."""
    pm = export_prefixes()
    header = turtle_header(pm)
    kept = set(kept)
    reusable: dict[str, tuple[str, int]] = {}
    parted: dict[str, list[tuple[str, int]]] = {}  # graph -> its parts in the previous files
    if previous is not None:
        old = _read_manifest(previous / EXPORT_DIR, header)
        if old is not None:
            skip = set(changed)
            reusable = {
                g: (stem, n)
                for g, stem, n in old["graphs"]
                if g in kept or (g and g.startswith(APPEAL_GRAPHS) and g not in skip)
            }
            for g, stem, n in old["graphs"]:
                if g and (g in kept or g in (others or {})) and stem.startswith(f"{_stem(g)}-"):
                    parted.setdefault(g, []).append((stem, int(n)))
    final = folder / EXPORT_DIR
    tmp = folder / f".{EXPORT_DIR}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    graphs: list[ox.NamedNode | ox.DefaultGraph] = sorted(
        store.named_graphs(), key=lambda g: g.value
    )
    if next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
        graphs.insert(0, ox.DefaultGraph())
    rows: list[list[object]] = []
    total = 0
    counted: list[tuple[str | None, GraphCounts]] = []
    for graph in graphs:
        iri = graph.value if isinstance(graph, ox.NamedNode) else None
        stem = _stem(iri)
        void: GraphCounts | None = None
        if iri in reusable and reusable[iri][0] == stem:
            old = previous / EXPORT_DIR / stem  # type: ignore[operator]
            for ext in (".nq", ".ttl", SUFFIX):
                if ext == SUFFIX and not old.with_name(stem + SUFFIX).is_file():
                    continue  # a generation from before the counts were kept: counted below
                os.link(old.with_name(stem + ext), tmp / f"{stem}{ext}")
            count = reusable[iri][1]
        elif ready and iri in ready:
            for ext in (".nq", ".ttl", SUFFIX):
                os.rename(folder / READY_DIR / f"{stem}{ext}", tmp / f"{stem}{ext}")
            count = ready[iri]
        elif iri is not None and iri.startswith(APPEAL_GRAPHS):
            count, void = _write_small(store, graph, tmp / stem, header, pm)
        elif iri is None:
            count, void = _write_large(store, graph, tmp / stem, header, pm)
        else:
            change = set() if iri in kept else (others or {}).get(iri)
            if iri in parted and change is not None and not _blank(change):
                assert previous is not None
                parts = _update_parts(
                    store, graph, change, parted[iri], previous / EXPORT_DIR, tmp, header, pm
                )  # type: ignore[arg-type]
            else:
                parts = _write_parts(store, graph, tmp, header, pm)  # type: ignore[arg-type]
            for part, n in parts:
                rows.append([iri, part, n])
                total += n
                counted.append((iri, read_graph_counts(tmp / part)))  # each part's own
            continue
        if void is None and not (tmp / f"{stem}{SUFFIX}").is_file():
            void = count_graph(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph) or b"")
        if void is not None:
            write_graph_counts(tmp / stem, void)
        else:
            void = read_graph_counts(tmp / stem)
        counted.append((iri, void))
        rows.append([iri, stem, count])
        total += count
    (tmp / HEADER).write_bytes(header)
    manifest = {"version": VERSION, "triples": total, "graphs": rows}
    (tmp / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    (tmp / COUNTS_FILE).write_text(json.dumps(union_counts(counted)), encoding="utf-8")
    shutil.rmtree(final, ignore_errors=True)
    os.rename(tmp, final)
    shutil.rmtree(folder / READY_DIR, ignore_errors=True)
    return total


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
        # newline), parsed straight into the Turtle writer: no Python object per triple.
        tail = f" <{graph}> .\n".encode()
        nt = data.replace(tail, b" .\n")
        if len(data) - len(nt) != data.count(b"\n") * (len(tail) - 3):
            raise RuntimeError(f"a line of <{graph}> is not in that graph")
        triples = ox.parse(input=nt, format=ox.RdfFormat.N_TRIPLES)
        ttl = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=pm)
        ttl = ttl or b""
        if ttl and not ttl.startswith(header):
            raise RuntimeError(f"Turtle of <{graph}> does not open with the prefix lines")
        stem = ready / _stem(graph)
        stem.with_suffix(".nq").write_bytes(data)
        stem.with_suffix(".ttl").write_bytes(ttl[len(header) :])
        # Counted from Oxigraph's own N-Triples, whose text is the store's for each term.
        canonical = ox.parse(input=nt, format=ox.RdfFormat.N_TRIPLES)
        write_graph_counts(
            stem, count_graph(ox.serialize(canonical, format=ox.RdfFormat.N_TRIPLES) or b"")
        )
        return data.count(b"\n")

    return write


def _write_small(
    store: ox.Store, graph: ox.NamedNode, stem: Path, header: bytes, pm: dict[str, str]
) -> tuple[int, GraphCounts]:
    """One appeal graph's files, made in memory (an appeal graph is one record's facts); its
    triple count and VoID counts."""
    nt = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph) or b""
    triples = ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)
    ttl = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=pm) or b""
    if ttl and not ttl.startswith(header):
        raise RuntimeError(f"Turtle of {graph} does not open with the prefix lines")
    stem.with_suffix(".nq").write_bytes(nt.replace(b" .\n", f" {graph} .\n".encode()))
    stem.with_suffix(".ttl").write_bytes(ttl[len(header) :] if ttl else b"")
    return nt.count(b"\n"), count_graph(nt)


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
    with open(stem.with_suffix(".ttl"), "wb") as out:
        skipping = _SkipHeader(out, header)
        triples = ox.parse(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
        ox.serialize(triples, skipping, format=ox.RdfFormat.TURTLE, prefixes=pm)
        skipping.close()
    count = 0
    void = GraphCounter()
    with open(stem.with_suffix(".nq"), "wb") as out:
        new = f" {graph} .\n".encode() if isinstance(graph, ox.NamedNode) else b" .\n"
        for block in read_lines(nt):
            count += block.count(b"\n")
            out.write(block.replace(b" .\n", new))
            void.add(block)
    nt.unlink()
    return count, void.counts()


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
    stem.with_suffix(".nq").write_bytes(data.replace(b" .\n", f" {graph} .\n".encode()))
    stem.with_suffix(".ttl").write_bytes(ttl[len(header) :] if ttl else b"")
    write_graph_counts(stem, count_graph(data))
    return len(lines)


def _write_parts(
    store: ox.Store, graph: ox.NamedNode, tmp: Path, header: bytes, pm: dict[str, str]
) -> list[tuple[str, int]]:
    """Every part of a graph of any size: its lines spread over one file a part, a block at a
    time (never the whole graph in memory), then each part sorted and written."""
    nt = tmp / f"{_stem(graph.value)}.nt"
    store.dump(str(nt), format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
    size = sum(block.count(b"\n") for block in read_lines(nt))
    n = PARTS if size >= PART_MIN else 1
    base = f"{_stem(graph.value)}-{n}"  # the number of parts in the name: kept by updates
    spread: dict[int, list[bytes]] = {}
    held = 0

    def spill() -> None:
        for k, lines in spread.items():
            with open(tmp / f"{base}-{k:03d}.part", "ab") as f:
                f.write(b"".join(lines))
        spread.clear()

    for block in read_lines(nt):
        for line in block.splitlines(keepends=True):
            spread.setdefault(_part_of(line, n), []).append(line)
        held += len(block)
        if held > SPILL:
            spill()
            held = 0
    spill()
    nt.unlink()
    out: list[tuple[str, int]] = []
    for k in range(n):
        part = tmp / f"{base}-{k:03d}.part"
        if not part.exists():
            continue
        lines = sorted(part.read_bytes().splitlines(keepends=True))
        part.unlink()
        stem = f"{base}-{k:03d}"
        out.append((stem, _write_part(lines, graph, tmp / stem, header, pm)))
    return out


def _update_parts(
    store: ox.Store,
    graph: ox.NamedNode,
    change: set[ox.Triple],
    parts: list[tuple[str, int]],
    before: Path,
    tmp: Path,
    header: bytes,
    pm: dict[str, str],
) -> list[tuple[str, int]]:
    """The parts of a graph after ``change`` (triples it gained or lost: whichever the store
    now holds, it gained): the parts no changed triple falls in hard-linked from ``before``,
    the others made from their previous lines and the change."""
    base = parts[0][0].rsplit("-", 1)[0]  # <hash>-<number of parts>
    n = int(base.rsplit("-", 1)[1])
    gone: dict[int, set[bytes]] = {}
    come: dict[int, set[bytes]] = {}
    for t in change:
        line = ox.serialize([t], format=ox.RdfFormat.N_TRIPLES) or b""
        held = ox.Quad(t.subject, t.predicate, t.object, graph) in store
        (come if held else gone).setdefault(_part_of(line, n), set()).add(line)
    tail = f" {graph} .\n".encode()
    old = {int(stem.rsplit("-", 1)[1]): (stem, count) for stem, count in parts}
    out: list[tuple[str, int]] = []
    for k in sorted(set(old) | set(come)):
        stem = f"{base}-{k:03d}"
        if k not in come and k not in gone:
            for ext in (".nq", ".ttl"):
                os.link(before / f"{stem}{ext}", tmp / f"{stem}{ext}")
            if (before / f"{stem}{SUFFIX}").is_file():
                os.link(before / f"{stem}{SUFFIX}", tmp / f"{stem}{SUFFIX}")
            else:  # a generation from before the counts were kept
                text = (before / f"{stem}.nq").read_bytes()
                write_graph_counts(tmp / stem, count_graph(text.replace(tail, b" .\n")))
            out.append(old[k])
            continue
        lines: set[bytes] = set()
        if k in old:
            text = (before / f"{stem}.nq").read_bytes()
            lines = {line[: -len(tail)] + b" .\n" for line in text.splitlines(keepends=True)}
        lines = (lines - gone.get(k, set())) | come.get(k, set())
        if lines:
            out.append((stem, _write_part(sorted(lines), graph, tmp / stem, header, pm)))
    return out


def read_lines(path: Path) -> Iterator[bytes]:
    """The file at ``path`` in blocks of whole lines (about :data:`BLOCK` bytes each)."""
    with open(path, "rb") as f:
        rest = b""
        while block := f.read(BLOCK):
            block = rest + block
            cut = block.rfind(b"\n") + 1
            rest = block[cut:]
            if cut:
                yield block[:cut]
        if rest:
            yield rest


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


def _read_manifest(folder: Path, header: bytes) -> dict | None:
    """The manifest of ``folder`` if it is one this code wrote with the same prefixes."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        same_header = (folder / HEADER).read_bytes() == header
    except (OSError, ValueError):
        return None
    if manifest.get("version") != VERSION or not same_header:
        return None
    return manifest


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
    named = {g.value for g in store.named_graphs()}
    listed = {g for g, _stem, _n in manifest["graphs"] if g is not None}
    if named != listed:
        return None
    chunks = [Chunk(g, folder / stem, int(n)) for g, stem, n in manifest["graphs"]]
    if not all(c.nquads.is_file() and c.turtle.is_file() for c in chunks):
        return None
    return Chunks(folder, header, chunks, int(manifest["triples"]))


__all__ = [
    "EXPORT_DIR",
    "Chunk",
    "Chunks",
    "appeal_files_writer",
    "store_chunks",
    "turtle_header",
    "write_chunks",
]
