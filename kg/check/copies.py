"""Copies of the graphs a validation run checked, so that the next run can tell which triples
changed.

The copies live in a folder beside the kept results (``validation-sparql-full.graphs/``), one
N-Triples (or N-Quads) file a graph. A build writes each graph of its store as N-Quads for the
exports (:mod:`kg.store.chunks`); where those files are there, a copy is a hard link to them and
costs nothing; elsewhere (a store without them) the graph is dumped from the store. A large
graph the build wrote in parts (the derived graph, the reference data) is copied as a folder of
links to every part (``<name>.parts/``), and compared part by part: a part both sides link
holds the same lines on both, and only the others are read.

The folder holds a ``token`` file written last; the results name the token they go with, and a
run that changes the folder removes the token first, so that results and copies that do not
belong together (a run stopped half way) are never compared: the next run is a full one.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import uuid
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.term import Node

from kg.files import unpack, write_atomic
from kg.store import Store
from kg.store.store import from_ox

TOKEN = "token"
PARTS = ".parts"  # the folder of a copy of a graph the build wrote in parts

Triple = tuple[Node, Node, Node]


def _file(graph: str) -> str:
    return hashlib.sha256(graph.encode("utf-8")).hexdigest()[:32] + ".nq"


STATE_FILE = "build-state.json"  # as kg.store.stream writes it


class _BuildFiles:
    """Graph -> the file the build wrote for it, where the build wrote them for this store.

    Only a graph's own file is looked at (that it is listed, is there, and that the store holds
    the graph), so that a run comparing a few changed graphs costs a read of the manifest, not
    a look at every graph and file of the store. The files are those of the public store; a
    generation with a build state was made by the streamed build, whose public store is the
    full one (records with restricted facts go through the classic build, which writes no
    state, and whose store is then always checked whole), so they hold the graphs checked.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._listed: dict[str, list[str]] | None = None

    @property
    def listed(self) -> dict[str, list[str]]:
        if self._listed is None:
            self._listed = self._read()
        return self._listed

    def _read(self) -> dict[str, list[str]]:
        from kg.store.chunks import EXPORT_DIR, files_by_graph

        if self.store.path is None:
            return {}
        generation = Path(self.store.path).parent
        if not all(
            (generation / name).exists() for name in ("full", "public", STATE_FILE, EXPORT_DIR)
        ):
            return {}
        return files_by_graph(generation / EXPORT_DIR)

    def get(self, graph: str) -> list[Path] | None:
        """The files the build wrote for ``graph`` (one, or its parts), None if not all there."""
        listed = self.listed.get(graph)
        if not listed:
            return None
        paths = [Path(p) for p in listed]
        if not all(p.is_file() for p in paths) or not self.store.has_graph(graph):
            return None
        return paths


def _lines(data: bytes, graph: str) -> set[bytes]:
    """The lines of a graph's file as N-Triples lines (without the graph of N-Quads)."""
    suffix = f" <{graph}> .".encode()
    # every line ends with a newline (the last one may not); a newline is never inside a term
    text = data.replace(suffix + b"\n", b" .\n")
    if text.endswith(suffix):
        text = text[: -len(suffix)] + b" ."
    out = set(text.split(b"\n"))
    out.discard(b"")
    return out


def parse_lines(lines: Iterable[bytes | str]) -> list[Triple]:
    """N-Triples lines as rdflib triples, parsed by Oxigraph: 5,557 lines of the 100,000-appeal
    store's graphs in 0.04 s of CPU, against 0.18 s for rdflib's parser, the same triples."""
    data = b"\n".join(x if isinstance(x, bytes) else x.encode("utf-8") for x in lines)
    if not data:
        return []
    out: list[Triple] = []
    for quad in ox.parse(data, format=ox.RdfFormat.N_TRIPLES):
        s, p, o = from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)
        assert s is not None and p is not None and o is not None
        out.append((s, p, o))
    return out


def _files_lines(paths: Iterable[Path], graph: str) -> set[bytes]:
    out: set[bytes] = set()
    for path in paths:
        try:
            out |= _lines(unpack(path.read_bytes()), graph)
        except FileNotFoundError:
            continue
    return out


def _inode(path: Path) -> tuple[int, int]:
    try:
        st = path.stat()
    except FileNotFoundError:
        return (-1, hash(str(path)))
    return (st.st_dev, st.st_ino)


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


class GraphCopies:
    """The copies folder of one store's kept results."""

    def __init__(self, folder: Path, store: Store) -> None:
        self.folder = folder
        self.store = store
        # Looked up on first use only: a run with nothing changed (the token alone) reads no
        # manifest.
        self._built = _BuildFiles(store)

    def token(self) -> str | None:
        try:
            return (self.folder / TOKEN).read_text(encoding="utf-8").strip() or None
        except OSError:
            return None

    def _now(self, graph: str) -> set[bytes]:
        """The graph's lines now: from the build's files, else dumped from the store."""
        paths = self._built.get(graph)
        if paths is not None:  # the build's files, packed (kg.store.chunks)
            return _files_lines(paths, graph)
        if not self.store.has_graph(graph):
            return set()
        return _lines(self.store.dump("ntriples", URIRef(graph)), graph)

    def _kept(self, graph: str) -> list[Path] | None:
        """The files of the copy of ``graph`` (None: no copy)."""
        parts = self.folder / (_file(graph) + PARTS)
        if parts.is_dir():
            return sorted(parts.iterdir())
        kept = self.folder / _file(graph)
        return [kept] if kept.exists() else None

    def _drop(self, folder: Path, graph: str) -> None:
        (folder / _file(graph)).unlink(missing_ok=True)
        shutil.rmtree(folder / (_file(graph) + PARTS), ignore_errors=True)

    def _place(self, folder: Path, graph: str) -> None:
        """Copy the graph's current content into ``folder`` (hard links where possible)."""
        self._drop(folder, graph)
        paths = self._built.get(graph)
        if paths is not None:
            if len(paths) == 1:
                _link(paths[0], folder / _file(graph))
                return
            parts = folder / (_file(graph) + PARTS)
            parts.mkdir()
            for n, path in enumerate(paths):
                _link(path, parts / f"{n:06d}-{path.name}")
            return
        if self.store.has_graph(graph):
            data = self.store.dump("ntriples", URIRef(graph))
            if data:
                (folder / _file(graph)).write_bytes(data)

    def take(self, graphs: Iterable[str]) -> str:
        """Copy every graph of ``graphs`` afresh (the others are dropped); returns the token."""
        tmp = self.folder.with_name(self.folder.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        for g in graphs:
            self._place(tmp, g)
        if self.folder.is_dir():
            shutil.rmtree(self.folder)
        else:
            self.folder.unlink(missing_ok=True)
        os.rename(tmp, self.folder)
        return self._seal()

    def changed(self, graphs: Iterable[str]) -> list[Triple]:
        """The triples added to or removed from ``graphs`` since their copies were taken."""
        lines: set[bytes] = set()
        for g in graphs:
            kept, built = self._kept(g) or [], self._built.get(g)
            if built is not None:
                # A file both sides link holds the same lines on both (a graph's parts hold
                # no line twice): only the others are read.
                same = {_inode(p) for p in kept} & {_inode(p) for p in built}
                old = [p for p in kept if _inode(p) not in same]
                now = [p for p in built if _inode(p) not in same]
                if not old and not now:
                    continue  # the build kept the files: the graph is the same
                lines |= _files_lines(old, g) ^ _files_lines(now, g)
            else:
                lines |= _files_lines(kept, g) ^ self._now(g)
        return parse_lines(sorted(lines))

    def update(self, graphs: Iterable[str], drop: Iterable[str]) -> str:
        """Copy ``graphs`` again and remove the copies of ``drop``; returns the new token."""
        (self.folder / TOKEN).unlink(missing_ok=True)
        for g in graphs:
            self._place(self.folder, g)
        for g in drop:
            self._drop(self.folder, g)
        return self._seal()

    def _seal(self) -> str:
        token = uuid.uuid4().hex
        write_atomic(self.folder / TOKEN, token.encode("utf-8"))
        return token


__all__ = ["GraphCopies"]
