"""Writers: one per format, same interface, and never a restricted fact in a public output.

Public outputs read the public store that ``kg build`` writes beside the full one
(:mod:`kg.store.public`). Given any other store, an export keeps only public facts the same way
(without pseudonyms or derived shortcuts, which only a build makes). ``include_restricted=True``
lifts this for internal use only.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from kg.errors import InputError
from kg.publish.bundle import write_together
from kg.store import Store
from kg.store.public import public_dataset
from kg.vocab import bind_prefixes

FORMATS = {
    "turtle": ("turtle", ".ttl"),
    "trig": ("trig", ".trig"),
    "nquads": ("nquads", ".nq"),
    "ntriples": ("nt", ".nt"),
    "jsonld": ("json-ld", ".jsonld"),
}
GRAPH_FORMATS = {"trig", "nquads", "jsonld"}


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
) -> bytes:
    """Export in one format; written atomically to ``output`` when given, returned always.

    ``void_output`` also writes a VoID/DCAT description of exactly what was exported (triples,
    classes, subsets per named graph, one void:Linkset per target dataset).
    """
    ds = dataset_for_export(store, graph, include_restricted)
    data = serialize(ds, fmt)
    files: dict[Path, bytes] = {}
    if output is not None:
        files[Path(output)] = data
    if void_output is not None:
        files[Path(void_output)] = _describe(ds, endpoint)
    write_together(files)
    return data


def void_description(
    store: Store, include_restricted: bool = False, endpoint: str | None = None
) -> bytes:
    """The VoID/DCAT description (Turtle) of what an export of ``store`` holds."""
    return _describe(dataset_for_export(store, None, include_restricted), endpoint)


def _describe(ds: Dataset, endpoint: str | None) -> bytes:
    from kg.publish.describe import describe_dataset

    description = bind_prefixes(describe_dataset(ds, endpoint=endpoint))
    return description.serialize(format="turtle", encoding="utf-8")
