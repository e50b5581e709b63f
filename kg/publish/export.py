"""Writers: one per format, same interface, and never a restricted fact in a public output.

Public outputs read the public store that ``kg build`` writes beside the full one
(:mod:`kg.store.public`). Given any other store, an export keeps only public facts the same way
(without pseudonyms or derived shortcuts, which only a build makes). ``include_restricted=True``
lifts this for internal use only.

N-Quads, TriG, N-Triples, Turtle and JSON-LD of a whole store that is already public are
written by Oxigraph's serialisers straight from the store (:func:`stream_export`), in bounded
memory; the triple formats get the union of the graphs, each triple once, written graph after
graph. Their VoID description is counted in the store by SPARQL. One named graph and exports
that must filter go through rdflib (JSON-LD then by :mod:`kg.publish.jsonld`).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from kg.errors import InputError, KgError
from kg.files import COMPRESSED, write_atomic
from kg.publish.bundle import write_together
from kg.publish.chunked import write_chunked
from kg.store import Store
from kg.store.chunks import store_chunks
from kg.store.public import public_dataset
from kg.store.voidcounts import COUNTS_FILE
from kg.vocab import bind_prefixes, prefixes

if TYPE_CHECKING:
    from kg.publish.describe import Counts

VOID_COUNTS = COUNTS_FILE  # written by the build (kg.store.voidcounts), else by the first export

FORMATS = {
    "turtle": ("turtle", ".ttl"),
    "trig": ("trig", ".trig"),
    "nquads": ("nquads", ".nq"),
    "ntriples": ("nt", ".nt"),
    "jsonld": ("json-ld", ".jsonld"),
}
GRAPH_FORMATS = {"trig", "nquads", "jsonld"}
STREAMED = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def stream_export(store: Store, fmt: str, output: BinaryIO | Path) -> None:
    """Write the whole store in ``fmt`` with Oxigraph's serialisers, without copying it into
    Python: quad formats as they are; triple formats as the union of the graphs, one graph
    after the other. Each triple lives in exactly one graph (:mod:`kg.store.partition`), so
    the graphs written in turn are the union with each triple once, and nothing but one
    graph's text is ever held in memory (no union CONSTRUCT, which keeps every triple to
    remove duplicates).

    The public store of a build is not read at all: the build wrote each of its graphs'
    serialisations beside it (:mod:`kg.store.chunks`), and the export copies them
    (:mod:`kg.publish.chunked`), at the speed of a file copy."""
    if fmt not in STREAMED:
        raise InputError(f"format '{fmt}' is not streamed; choose one of {', '.join(STREAMED)}")
    chunks = store_chunks(store.oxigraph, store.path) if store.is_public else None
    if chunks is not None:
        if isinstance(output, (str, Path)):
            with open(output, "wb") as f:
                write_chunked(chunks, fmt, f)
        else:
            write_chunked(chunks, fmt, output)
        return
    pm = {p: ns for p, ns in prefixes().items() if p}
    backend = store.oxigraph
    if fmt in GRAPH_FORMATS:
        backend.dump(output, format=STREAMED[fmt], prefixes=pm)
        return
    if isinstance(output, (str, Path)):
        with open(output, "wb") as f:
            _write_union(backend, STREAMED[fmt], pm, f)
    else:
        _write_union(backend, STREAMED[fmt], pm, output)


def _write_union(backend: ox.Store, fmt: ox.RdfFormat, pm: dict[str, str], out: BinaryIO) -> None:
    """Every graph's triples in turn, the prefix lines written once at the top."""
    # the prefix lines Oxigraph opens each graph's text with: those of a one-triple text
    probe = ox.Triple(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), ox.NamedNode("urn:x:o"))
    one = ox.serialize([probe], format=fmt, prefixes=pm) or b""
    header = one[: one.rindex(b"<urn:x:s>")]
    out.write(header)
    for graph in [ox.DefaultGraph(), *backend.named_graphs()]:
        text = backend.dump(format=fmt, from_graph=graph, prefixes=pm) or b""
        out.write(text[len(header) :] if text.startswith(header) else text)


def _stream_to_file(store: Store, fmt: str, output: Path) -> None:
    """:func:`stream_export` into a temporary file beside ``output``, renamed over it at the
    end: a failed export leaves the previous file."""
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            if output.name.endswith(COMPRESSED):  # written compressed (kg.compressed)
                from kg.compressed import writing

                writing(output, lambda g: stream_export(store, fmt, g))(f)
            else:
                stream_export(store, fmt, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def dataset_for_export(
    store: Store, graph: URIRef | None = None, include_restricted: bool = False
) -> Dataset:
    """The store (or one named graph) as a Dataset, filtered by access level."""
    if graph is not None and graph not in store.graph_names():
        raise InputError(f"--graph {graph}: no such named graph (kg stats lists them)")
    ds = store.to_dataset([graph] if graph is not None else None)
    if include_restricted or store.is_public:
        return bind_prefixes(ds)
    return bind_prefixes(public_dataset(ds))


def serialize(ds: Dataset, fmt: str) -> bytes:
    """Serialise a dataset; triple formats (turtle, ntriples) get the union of its graphs."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")
    rdflib_fmt = FORMATS[fmt][0]
    if fmt == "jsonld":
        from kg.publish.jsonld import serialize_jsonld

        return serialize_jsonld(ds)
    if fmt in GRAPH_FORMATS:
        return ds.serialize(format=rdflib_fmt, encoding="utf-8")
    union = bind_prefixes(Graph())
    for ctx in ds.graphs():
        union += ctx
    return union.serialize(format=rdflib_fmt, encoding="utf-8")


def export(
    store: Store,
    fmt: str = "turtle",
    graph: URIRef | None = None,
    output: Path | None = None,
    include_restricted: bool = False,
    void_output: Path | None = None,
    endpoint: str | None = None,
    stream: BinaryIO | None = None,
) -> bytes:
    """Export in one format; written atomically to ``output`` when given, else returned.

    A streamed export (see the module docstring) written to ``output`` returns ``b""``: the
    file is written as the store is read, never held in memory; so does one written to
    ``stream`` (standard output, say) when no ``output`` is given.

    ``void_output`` also writes a VoID/DCAT description of exactly what was exported (triples,
    classes, subsets per named graph, one void:Linkset per target dataset).
    """
    if fmt in STREAMED and graph is None and (store.is_public or include_restricted):
        if output is None and stream is not None:
            stream_export(store, fmt, stream)
        elif output is None:
            return stream_to_bytes(store, fmt)
        elif void_output is None:
            _stream_to_file(store, fmt, Path(output))
        else:
            write_together(
                {
                    Path(output): lambda f: stream_export(store, fmt, f),
                    Path(void_output): void_description(store, include_restricted, endpoint),
                }
            )
        if void_output is not None and output is None:
            write_together({Path(void_output): void_description(store, True, endpoint)})
        return b""
    ds = dataset_for_export(store, graph, include_restricted)
    data = serialize(ds, fmt)
    files: dict[Path, bytes] = {}
    if output is not None:
        files[Path(output)] = data
    if void_output is not None:
        files[Path(void_output)] = _describe(ds, endpoint)
    write_together(files)
    return data


def stream_to_bytes(store: Store, fmt: str) -> bytes:
    """:func:`stream_export` into memory (for standard output and small stores)."""
    import io

    buffer = io.BytesIO()
    stream_export(store, fmt, buffer)
    return buffer.getvalue()


def void_description(
    store: Store, include_restricted: bool = False, endpoint: str | None = None
) -> bytes:
    """The VoID/DCAT description (Turtle) of what an export of ``store`` holds; counted in
    the store by SPARQL when the export is the store as it is (no copy into rdflib)."""
    if store.is_public or include_restricted:
        from kg.publish.describe import describe_counts

        description = bind_prefixes(describe_counts(_store_counts(store), endpoint=endpoint))
        return description.serialize(format="turtle", encoding="utf-8")
    return _describe(dataset_for_export(store, None, include_restricted), endpoint)


def _store_counts(store: Store) -> Counts:
    """The description's counts of ``store``. For the public store of a build they are kept
    beside the build's export files (``void-counts.json``), which the build counts as it
    writes them (:mod:`kg.store.voidcounts`): the store of a generation never changes, so an
    export only reads them back. Kept counts that do not match the export files (graphs,
    triples), or none kept, are counted by SPARQL and kept; when the folder cannot be written
    the counts are simply not kept."""
    from kg.publish.describe import count_store, counts_from_json, counts_to_json

    chunks = store_chunks(store.oxigraph, store.path) if store.is_public else None
    if chunks is None:
        return count_store(store)
    kept = chunks.folder / VOID_COUNTS
    per_graph: dict[URIRef, int] = {}
    for c in chunks.chunks:  # a large graph's files are in several parts
        if c.graph is not None and c.triples:  # SPARQL sees no empty graph
            per_graph[URIRef(c.graph)] = per_graph.get(URIRef(c.graph), 0) + c.triples
    try:
        counts = counts_from_json(json.loads(kept.read_text(encoding="utf-8")))
        if counts.per_graph == per_graph and counts.triples == chunks.triples:
            return counts
    except (OSError, ValueError, KeyError, TypeError):
        pass
    counts = count_store(store)
    try:
        write_atomic(kept, json.dumps(counts_to_json(counts)).encode("utf-8"))
    except (OSError, KgError):
        pass
    return counts


def _describe(ds: Dataset, endpoint: str | None) -> bytes:
    from kg.publish.describe import describe_dataset

    description = bind_prefixes(describe_dataset(ds, endpoint=endpoint))
    return description.serialize(format="turtle", encoding="utf-8")
