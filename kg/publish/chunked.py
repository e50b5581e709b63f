"""The four streamed formats written from the files the build keeps (:mod:`kg.store.chunks`).

Each graph's N-Triples and Turtle were written once by Oxigraph's serialisers when the store
was built; an export only copies them, one graph at a time (memory: the largest graph's text):

- N-Triples: the graphs' N-Triples files one after the other (each triple is in one graph,
  :mod:`kg.store.partition`, so this is the union with each triple once);
- N-Quads: the same lines with the graph's IRI written before the final dot (a line of
  N-Triples ends in `` .`` and a newline, and no newline occurs inside a term);
- Turtle: the prefix lines once, then the graphs' Turtle texts;
- TriG: the prefix lines once, then each named graph's Turtle text inside ``<graph> { … }``.
"""

from __future__ import annotations

import shutil
from typing import BinaryIO

from kg.store.chunks import Chunks

BUFFER = 1 << 20


def write_chunked(chunks: Chunks, fmt: str, out: BinaryIO) -> None:
    """Write ``fmt`` (nquads, ntriples, turtle, trig) of the store ``chunks`` describes."""
    if fmt in ("turtle", "trig"):
        out.write(chunks.header)
    for chunk in chunks.chunks:
        if fmt == "ntriples":
            _copy(chunk.ntriples, out)
        elif fmt == "nquads":
            text = chunk.ntriples.read_bytes()
            if chunk.graph is not None:
                text = text.replace(b" .\n", f" <{chunk.graph}> .\n".encode())
            out.write(text)
        elif fmt == "turtle" or chunk.graph is None:
            _copy(chunk.turtle, out)
        elif fmt == "trig":
            out.write(f"<{chunk.graph}> {{\n".encode())
            _copy(chunk.turtle, out)
            out.write(b"}\n")
        else:
            raise ValueError(f"format '{fmt}' is not written from the build's files")


def _copy(path: object, out: BinaryIO) -> None:
    with open(path, "rb") as f:  # type: ignore[call-overload]
        shutil.copyfileobj(f, out, BUFFER)


__all__ = ["write_chunked"]
