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
  each with its file and triple count, and the store's total.

:mod:`kg.publish.chunked` writes the four formats from these files. The files belong to the
generation of the stores they describe, so a takedown (a new generation) can never leave a
stale file behind, and an export checks that the manifest names exactly the store's graphs
before it uses them. An incremental build hard-links the files of the appeal graphs it did not
change from the previous generation and writes the others again; the graphs that are not appeal
graphs (reference, derived, links, ontology) are written again unless the build names them as
kept.

Appeal graphs (one record's facts each) are serialised in memory; the other graphs grow with
the corpus and are written through a file in blocks of lines, never whole in memory.

Blank nodes keep the labels the store gives them, the same in every file, so a blank node
shared by two graphs stays one node in the union.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.vocab import prefixes

EXPORT_DIR = "export"
READY_DIR = ".export-ready"  # appeal graphs' files written before the store (write_chunks' ready)
MANIFEST = "manifest.json"
HEADER = "header.ttl"
VERSION = 2
APPEAL_GRAPHS = "https://w3id.org/appeals-kg/graph/appeal/"
BLOCK = 1 << 22  # bytes a large graph's text is read in

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
) -> int:
    """Write ``folder/export`` for the public store ``store``; returns the triples written.

    ``folder`` is the generation being built. With ``previous`` (the generation the build
    started from) the files of each appeal graph that is not in ``changed``, and of each other
    graph named in ``kept`` (the caller knows it did not change: the ontology on an
    incremental build, say), that the previous generation has are hard-linked from it instead
    of written again. ``ready`` names the appeal graphs (IRI -> triples) whose files
    :func:`appeal_files_writer` wrote into the folder already, from the text the full build
    loaded. The folder is filled beside its final name and renamed into place at the end."""
    pm = export_prefixes()
    header = turtle_header(pm)
    reusable: dict[str, tuple[str, int]] = {}
    if previous is not None:
        old = _read_manifest(previous / EXPORT_DIR, header)
        if old is not None:
            skip, others = set(changed), set(kept)
            reusable = {
                g: (stem, n)
                for g, stem, n in old["graphs"]
                if g in others or (g and g.startswith(APPEAL_GRAPHS) and g not in skip)
            }
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
    for graph in graphs:
        iri = graph.value if isinstance(graph, ox.NamedNode) else None
        stem = _stem(iri)
        if iri in reusable and reusable[iri][0] == stem:
            for ext in (".nq", ".ttl"):
                os.link(previous / EXPORT_DIR / f"{stem}{ext}", tmp / f"{stem}{ext}")  # type: ignore[operator]
            count = reusable[iri][1]
        elif ready and iri in ready:
            for ext in (".nq", ".ttl"):
                os.rename(folder / READY_DIR / f"{stem}{ext}", tmp / f"{stem}{ext}")
            count = ready[iri]
        elif iri is not None and iri.startswith(APPEAL_GRAPHS):
            count = _write_small(store, graph, tmp / stem, header, pm)
        else:
            count = _write_large(store, graph, tmp / stem, header, pm)
        rows.append([iri, stem, count])
        total += count
    (tmp / HEADER).write_bytes(header)
    manifest = {"version": VERSION, "triples": total, "graphs": rows}
    (tmp / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
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
        return data.count(b"\n")

    return write


def _write_small(
    store: ox.Store, graph: ox.NamedNode, stem: Path, header: bytes, pm: dict[str, str]
) -> int:
    """One appeal graph's files, made in memory (an appeal graph is one record's facts)."""
    nt = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph) or b""
    triples = ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)
    ttl = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=pm) or b""
    if ttl and not ttl.startswith(header):
        raise RuntimeError(f"Turtle of {graph} does not open with the prefix lines")
    stem.with_suffix(".nq").write_bytes(nt.replace(b" .\n", f" {graph} .\n".encode()))
    stem.with_suffix(".ttl").write_bytes(ttl[len(header) :] if ttl else b"")
    return nt.count(b"\n")


def _write_large(
    store: ox.Store,
    graph: ox.NamedNode | ox.DefaultGraph,
    stem: Path,
    header: bytes,
    pm: dict[str, str],
) -> int:
    """A graph of any size (reference, derived ...) through files, never whole in memory."""
    nt = stem.with_suffix(".nt")
    store.dump(str(nt), format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
    with open(stem.with_suffix(".ttl"), "wb") as out:
        skipping = _SkipHeader(out, header)
        triples = ox.parse(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
        ox.serialize(triples, skipping, format=ox.RdfFormat.TURTLE, prefixes=pm)
        skipping.close()
    count = 0
    with open(stem.with_suffix(".nq"), "wb") as out:
        new = f" {graph} .\n".encode() if isinstance(graph, ox.NamedNode) else b" .\n"
        for block in read_lines(nt):
            count += block.count(b"\n")
            out.write(block.replace(b" .\n", new))
    nt.unlink()
    return count


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
