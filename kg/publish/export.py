"""Writers: one per format, same interface, and never a restricted fact in a public output.

Access levels: a case or appeal marked ``restricted`` or ``confidential`` keeps its whole named
graph out of exports; any single node so marked is dropped with every triple that mentions it
(and its evidence spans). ``include_restricted=True`` lifts this for internal use only.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from kg.errors import InputError
from kg.files import write_atomic
from kg.store import Store
from kg.vocab import ACCESS, AKG, DERIVED_GRAPH, LINKS_GRAPH, bind_prefixes

FORMATS = {
    "turtle": ("turtle", ".ttl"),
    "trig": ("trig", ".trig"),
    "nquads": ("nquads", ".nq"),
    "ntriples": ("nt", ".nt"),
    "jsonld": ("json-ld", ".jsonld"),
}
GRAPH_FORMATS = {"trig", "nquads", "jsonld"}
PUBLIC = ACCESS.public


def withheld_nodes(union: Graph) -> set[URIRef]:
    """Every node whose access level is not public."""
    return {
        s
        for s, level in union.subject_objects(AKG.accessLevel)
        if level != PUBLIC and isinstance(s, URIRef)
    }


def public_dataset(ds: Dataset) -> Dataset:
    """A copy of the dataset without anything marked restricted or confidential."""
    union = Graph()
    for ctx in ds.graphs():
        union += ctx
    withheld = withheld_nodes(union)
    # An appeal or case that is withheld takes its whole graph with it.
    dropped_graphs = {
        ctx.identifier
        for ctx in ds.graphs()
        if any(
            (node, AKG.accessLevel, None) in ctx and node in withheld
            for node in set(ctx.subjects(AKG.accessLevel, None))
            if (node, None, AKG.Appeal) in ctx or (node, None, AKG.Case) in ctx
        )
    }
    # What only a withheld graph states is withheld everywhere else too (derived shortcuts,
    # links); shared entities that another kept graph states stay.
    dropped_subjects: set[URIRef] = set()
    kept_subjects: set[URIRef] = set()
    for ctx in ds.graphs():
        if ctx.identifier in (DERIVED_GRAPH, LINKS_GRAPH):
            continue
        target = dropped_subjects if ctx.identifier in dropped_graphs else kept_subjects
        target.update(s for s in ctx.subjects(unique=True) if isinstance(s, URIRef))
    withheld |= dropped_subjects - kept_subjects
    # Evidence spans of withheld nodes are withheld too.
    for node in list(withheld):
        withheld.update(o for o in union.objects(node, AKG.evidence) if isinstance(o, URIRef))
    out = bind_prefixes(Dataset())
    for ctx in ds.graphs():
        if ctx.identifier in dropped_graphs:
            continue
        target = out.graph(ctx.identifier)
        for s, p, o in ctx:
            if s in withheld or o in withheld or _selector_of(s, withheld):
                continue
            target.add((s, p, o))
    return out


def _selector_of(s: object, withheld: set[URIRef]) -> bool:
    text = str(s)
    return "#" in text and URIRef(text.split("#", 1)[0]) in withheld


def dataset_for_export(
    store: Store, graph: URIRef | None = None, include_restricted: bool = False
) -> Dataset:
    """The store (or one named graph) as a Dataset, filtered by access level."""
    if graph is not None and graph not in store.graph_names():
        raise InputError(f"--graph {graph}: no such named graph (kg stats lists them)")
    ds = store.to_dataset([graph] if graph is not None else None)
    return bind_prefixes(ds if include_restricted else public_dataset(ds))


def serialize(ds: Dataset, fmt: str) -> bytes:
    """Serialise a dataset; triple formats (turtle, ntriples) get the union of its graphs."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")
    rdflib_fmt = FORMATS[fmt][0]
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
    if output is not None:
        write_atomic(output, data)
    if void_output is not None:
        from kg.publish.describe import describe_dataset

        description = bind_prefixes(describe_dataset(ds, endpoint=endpoint))
        write_atomic(void_output, description.serialize(format="turtle", encoding="utf-8"))
    return data
