"""`kg export` of a build's public store from the files its manifest lists, started light.

At a million triples the copy itself (:mod:`kg.publish.chunked`) takes a fraction of a second;
what a whole command paid besides was mostly importing: the store package brings rdflib and
numpy, several hundred modules read before the first byte is copied (about 0.25 s of CPU, and
seconds of wall time on a busy machine). This module reads what the export needs with the
standard library and pyoxigraph alone: the generation's manifest (``export/manifest.json``,
written by :mod:`kg.store.chunks`), its prefix lines, checked against those of
``ontology/prefixes.ttl`` (read here by Oxigraph's parser, not rdflib), and the public store's
graph names, which must be exactly the manifest's. Whatever it does not recognise (another
manifest version, other prefixes, a missing file, graphs that differ, a store that is not the
public store of a build) makes it decline, and the caller takes the ordinary path
(:func:`kg.publish.export.export`), which reads the same files or the store. ``void.ttl`` is
made the same way, by Oxigraph, from the VoID counts the build kept (:mod:`kg.publish.voidturtle`),
when they describe exactly the listed files.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.files import PACKED, write_atomic
from kg.publish.chunked import write_chunked

# The layout of kg.store.store and kg.store.chunks, repeated here so that reading it imports
# neither (tests/test_listed.py checks that both readings agree).
MARKER = "appeals-kg-store"
FULL, PUBLIC = "full", "public"
EXPORT_DIR, MANIFEST, HEADER = "export", "manifest.json", "header.ttl"
COUNTS = "void-counts.json"  # kg.store.voidcounts.COUNTS_FILE
VERSIONS = (2, 3, 4)  # 4: the files packed (kg.files.PACKED)
PREFIXES_FILE = Path(__file__).resolve().parents[2] / "ontology" / "prefixes.ttl"
COPIED = ("nquads", "ntriples", "turtle", "trig", "jsonld")
_SH = "http://www.w3.org/ns/shacl#"
_PROBE = ox.Triple(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), ox.NamedNode("urn:x:o"))


@dataclass(frozen=True)
class Listed:
    """One row of the manifest: a graph (None: the default graph) or a part of one."""

    graph: str | None
    nquads: Path
    turtle: Path
    triples: int


@dataclass(frozen=True)
class Listing:
    """The files of one public store, in the manifest's order."""

    header: bytes
    chunks: list[Listed]
    triples: int
    folder: Path  # the generation's export folder (manifest, kept VoID counts)


@cache
def read_prefixes() -> dict[str, str]:
    """The prefix map of ``ontology/prefixes.ttl`` (as :func:`kg.vocab.prefixes`), read by
    Oxigraph's Turtle parser."""
    prefix: dict[object, str] = {}
    namespace: dict[object, str] = {}
    declared = []
    for t in ox.parse(path=str(PREFIXES_FILE), format=ox.RdfFormat.TURTLE):
        if t.predicate.value == f"{_SH}declare":
            declared.append(t.object)
        elif t.predicate.value == f"{_SH}prefix":
            prefix.setdefault(t.subject, t.object.value)
        elif t.predicate.value == f"{_SH}namespace":
            namespace.setdefault(t.subject, t.object.value)
    out = {prefix[d]: namespace[d] for d in declared if d in prefix and d in namespace}
    return dict(sorted(out.items()))


@cache
def prefix_lines() -> bytes:
    """The prefix lines Oxigraph opens a Turtle text with, for the project's prefixes (what
    the build wrote as ``header.ttl``)."""
    pm = {p: ns for p, ns in read_prefixes().items() if p}
    one = ox.serialize([_PROBE], format=ox.RdfFormat.TURTLE, prefixes=pm) or b""
    return one[: one.rindex(b"<urn:x:s>")]


def find_listing(store_path: Path) -> Listing | None:
    """The files the build wrote for the public store of the build at ``store_path`` (what
    ``--store`` names), or None when there is nothing this module trusts (see the module's
    docstring)."""
    generation = Path(store_path).resolve()
    public = generation / PUBLIC
    try:
        if not (generation / FULL / MARKER).exists():
            return None
        if not (public / MARKER).read_text(encoding="utf-8").strip().endswith(PUBLIC):
            return None
        folder = generation / EXPORT_DIR
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if (folder / HEADER).read_bytes() != prefix_lines():
            return None
        if manifest.get("version") not in VERSIONS:
            return None
        rows = manifest["graphs"]
        if manifest["version"] == 2:  # the files inside the generation's export folder
            located = [(g, n, folder / stem) for g, stem, n in rows]
        else:
            pool = folder / manifest["files"]
            located = [(g, n, pool / name) for g, _stem, n, name in rows]
        z = PACKED if manifest["version"] >= 4 else ""
        chunks = [
            Listed(g, at.with_name(f"{at.name}.nq{z}"), at.with_name(f"{at.name}.ttl{z}"), int(n))
            for g, n, at in located
        ]
        triples = int(manifest["triples"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if not all(c.nquads.is_file() and c.turtle.is_file() for c in chunks):
        return None
    try:
        store = ox.Store.read_only(str(public))
        named = {g.value for g in store.named_graphs()}
    except (OSError, RuntimeError):
        return None
    if named != {c.graph for c in chunks if c.graph is not None}:
        return None
    return Listing(prefix_lines(), chunks, triples, folder)


def export_listed(
    store_path: Path,
    fmt: str,
    output: Path | None,
    stream: BinaryIO | None = None,
    void_output: Path | None = None,
    endpoint: str | None = None,
) -> Listing | None:
    """Write ``fmt`` (one of :data:`COPIED`) of the public store of the build at
    ``store_path`` from its files, atomically into ``output`` (synced before the rename),
    else into ``stream``; returns what was copied, or None (nothing written) when the files
    are not there to trust.

    With ``void_output`` (and ``output``), its VoID/DCAT description too, changed together
    with it (:func:`kg.publish.bundle.write_together`), made from the counts the build kept
    when they describe exactly the listed files (else None: the ordinary path counts them)."""
    if fmt not in COPIED:
        return None
    listing = find_listing(store_path)
    if listing is None:
        return None
    if void_output is not None and output is not None:
        description = kept_description(listing, endpoint)
        if description is None:
            return None
        from kg.publish.bundle import write_together

        write_together({Path(output): _synced(listing, fmt), Path(void_output): description})
        return listing
    if output is None:
        if stream is None:
            raise ValueError("an output file or a stream is needed")
        write_chunked(listing, fmt, stream)
        stream.flush()
        return listing
    write_atomic(output, _synced(listing, fmt))
    return listing


def kept_description(listing: Listing, endpoint: str | None = None) -> bytes | None:
    """``void.ttl`` of the listed store from the counts the build kept beside its files
    (``void-counts.json``, :mod:`kg.store.voidcounts`), or None when there are none or they
    do not match the files (graphs and triples), as :func:`kg.publish.export.void_description`
    checks before it uses them."""
    from kg.publish.voidturtle import description_turtle

    per_graph: dict[str, int] = {}
    for c in listing.chunks:  # a large graph's files are in several parts
        if c.graph is not None and c.triples:  # SPARQL sees no empty graph
            per_graph[c.graph] = per_graph.get(c.graph, 0) + c.triples
    try:
        counts = json.loads((listing.folder / COUNTS).read_text(encoding="utf-8"))
        kept = {str(g): int(n) for g, n in counts["per_graph"]}
        if kept != per_graph or int(counts["triples"]) != listing.triples:
            return None
        return description_turtle(counts, endpoint=endpoint)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _synced(listing: Listing, fmt: str) -> Callable[[BinaryIO], None]:
    def write(f: BinaryIO) -> None:
        write_chunked(listing, fmt, f)
        f.flush()
        try:
            fd = f.fileno()
        except (AttributeError, OSError, io.UnsupportedOperation):
            return  # a compressing writer (kg.compressed): its file is synced when it closes
        os.fsync(fd)

    return write


__all__ = [
    "COPIED",
    "Listed",
    "Listing",
    "export_listed",
    "find_listing",
    "kept_description",
    "read_prefixes",
]
