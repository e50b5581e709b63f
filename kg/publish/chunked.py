"""The four streamed formats written from the files the build keeps (:mod:`kg.store.chunks`).

Each graph's N-Quads and Turtle were written once by Oxigraph's serialisers when the store was
built, packed (:func:`kg.files.pack`); an export only unpacks and copies them, a few megabytes at
a time (files of a build that did not pack them are copied by the kernel, without the text
passing through Python):

- N-Quads: the graphs' N-Quads files one after the other;
- N-Triples: the same lines without the graph's IRI (a line ends in the graph's IRI, `` .`` and
  a newline, and no newline occurs inside a term); each triple is in one graph
  (:mod:`kg.store.partition`), so this is the union with each triple once;
- Turtle: the prefix lines once, then the graphs' Turtle texts;
- TriG: the prefix lines once, then each named graph's Turtle text inside ``<graph> { … }``;
- JSON-LD: the graphs' N-Quads files read in turn by Oxigraph's parser into one JSON-LD
  serialiser (expanded, flattened, no ``@context``), which writes each run of quads of one
  graph and subject as it reads them: a graph written in parts is two node objects with the
  same ``@id``, which JSON-LD merges. Nothing but the serialiser's current node is held.
"""

from __future__ import annotations

import errno
import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from kg.errors import StoreError
from kg.files import is_packed, open_unpacked, read_lines, unpacked_blocks

if TYPE_CHECKING:  # not imported at run time: `kg export` starts without the store package
    from kg.publish.listed import Listing
    from kg.store.chunks import Chunks

BUFFER = 1 << 20


def write_chunked(chunks: Chunks | Listing, fmt: str, out: BinaryIO) -> None:
    """Write ``fmt`` (nquads, ntriples, turtle, trig) of the store ``chunks`` describes.

    Two builds finishing during the export remove the generation it reads: that is a
    :class:`StoreError` (the export, written atomically, leaves the previous file)."""
    if fmt not in ("nquads", "ntriples", "turtle", "trig", "jsonld"):
        raise ValueError(f"format '{fmt}' is not written from the build's files")
    try:
        if fmt == "jsonld":
            _write_jsonld(chunks, out)
        else:
            _write(chunks, fmt, out)
    except FileNotFoundError as e:
        raise StoreError(
            f"{e.filename}: removed while exporting (newer builds replaced the store); "
            "run the export again"
        ) from None


def _write(chunks: Chunks | Listing, fmt: str, out: BinaryIO) -> None:
    if fmt in ("turtle", "trig"):
        out.write(chunks.header)
    for chunk in chunks.chunks:
        if fmt == "nquads" or (fmt == "ntriples" and chunk.graph is None):
            _copy(chunk.nquads, out)  # the default graph's lines are the same in both
        elif fmt == "ntriples":
            graph = f" <{chunk.graph}> .\n".encode()
            for block in read_lines(chunk.nquads):
                out.write(block.replace(graph, b" .\n"))
        elif fmt == "turtle" or chunk.graph is None:
            _copy(chunk.turtle, out)
        else:
            out.write(f"<{chunk.graph}> {{\n".encode())
            _copy(chunk.turtle, out)
            out.write(b"}\n")


def _write_jsonld(chunks: Chunks | Listing, out: BinaryIO) -> None:
    import pyoxigraph as ox

    def quads() -> Iterator[ox.Quad]:
        for chunk in chunks.chunks:  # the default graph's file has triples: they stay there
            with open_unpacked(chunk.nquads) as f:
                yield from ox.parse(f, format=ox.RdfFormat.N_QUADS)

    ox.serialize(quads(), out, format=ox.RdfFormat.JSON_LD)


def _copy(path: Path, out: BinaryIO) -> None:
    """Append the file at ``path`` to ``out``: a packed one as its frames into a Zstandard
    output, else unpacked; by ``sendfile`` when ``out`` is a file or pipe of the system, else
    through a buffer."""
    if is_packed(path):
        copy_frames = getattr(out, "write_frames", None)
        if copy_frames is not None and copy_frames(path):
            return  # into a Zstandard output: the packed frames as they are (kg.compressed)
        for block in unpacked_blocks(path):
            out.write(block)
        return
    try:
        fd = out.fileno()
    except (AttributeError, OSError, io.UnsupportedOperation):
        fd = None
    with open(path, "rb") as f:
        if fd is None:
            shutil.copyfileobj(f, out, BUFFER)
            return
        out.flush()
        size, offset = os.fstat(f.fileno()).st_size, 0
        while offset < size:
            try:
                sent = os.sendfile(fd, f.fileno(), offset, size - offset)
            except OSError as e:
                if e.errno not in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EAGAIN):
                    raise
                f.seek(offset)  # an output sendfile cannot write to (a terminal, say)
                shutil.copyfileobj(f, out, BUFFER)
                return
            if sent == 0:
                raise OSError(f"{path}: the output took no more bytes")
            offset += sent


__all__ = ["write_chunked"]
