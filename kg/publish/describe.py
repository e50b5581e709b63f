"""VoID and DCAT description of a built dataset, for catalogues and for federating clients.

A SPARQL client deciding whether to send a sub-query here, and a catalogue listing the data,
both read the same few numbers: how many triples, entities and classes, which named graphs, the
licence, the endpoint, and which other datasets we link to with which predicate. Everything is
counted from the dataset itself, so the description cannot drift from the data.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Any

from rdflib import RDF, Dataset, Graph, URIRef

from kg.publish.voidturtle import TARGET_DATASETS, description_triples
from kg.store.voidcounts import LINK_PREDICATES as STORE_LINK_PREDICATES
from kg.vocab import AKR, bind_prefixes

__all__ = [
    "LINK_PREDICATES",
    "TARGET_DATASETS",
    "count_store",
    "counts_from_json",
    "counts_to_json",
    "describe_counts",
    "describe_dataset",
    "describe_store",
]

DATASET_IRI = AKR["dataset"]
# owl:sameAs, skos:exactMatch, skos:closeMatch (the build counts them as well)
LINK_PREDICATES = tuple(URIRef(p) for p in STORE_LINK_PREDICATES)


def describe_dataset(
    dataset: Dataset,
    *,
    endpoint: str | None = None,
    title: str = "appeals-kg: human-rights urgent appeals",
    licence: str = "https://creativecommons.org/licenses/by/4.0/",
    publisher: str = "appeals-kg contributors",
    description: str | None = None,
    dataset_iri: URIRef = DATASET_IRI,
) -> Graph:
    """Describe ``dataset`` as a void:Dataset and dcat:Dataset, with subsets and linksets.

    Counts are over all quads: ``void:triples`` counts a triple once per graph it is in, the
    distinct counts are over the union. Each named graph is a ``void:subset`` (its IRI is the
    subset's), and each (target dataset, link predicate) pair a ``void:Linkset`` whose
    ``void:triples`` is the number of such links.
    """
    triples = 0
    subjects: set = set()
    objects: set = set()
    properties: set = set()
    class_members: dict[URIRef, set] = defaultdict(set)
    per_graph: Counter = Counter()
    links: Counter = Counter()
    for s, p, o, ctx in dataset.quads((None, None, None, None)):
        triples += 1
        subjects.add(s)
        objects.add(o)
        properties.add(p)
        graph_id = getattr(ctx, "identifier", ctx)
        per_graph[graph_id] += 1
        if p == RDF.type and isinstance(o, URIRef):
            class_members[o].add(s)
        if p in LINK_PREDICATES and isinstance(o, URIRef):
            links[(p, o)] += 1
    counts = Counts(
        triples=triples,
        entities=len(
            {s for members in class_members.values() for s in members if isinstance(s, URIRef)}
        ),
        classes={cls: len(members) for cls, members in class_members.items()},
        properties=len(properties),
        subjects=len(subjects),
        objects=len(objects),
        per_graph={g: n for g, n in per_graph.items() if isinstance(g, URIRef)},
        links=dict(links),
    )
    return describe_counts(
        counts,
        endpoint=endpoint,
        title=title,
        licence=licence,
        publisher=publisher,
        description=description,
        dataset_iri=dataset_iri,
    )


@dataclass
class Counts:
    """What a description counts: quads, distinct terms of the union, entities per class,
    quads per graph, and links per (predicate, object)."""

    triples: int
    entities: int
    classes: dict[URIRef, int]
    properties: int
    subjects: int
    objects: int
    per_graph: dict[URIRef, int]
    links: dict[tuple[URIRef, URIRef], int]


_LINKS = " ".join(f"<{p}>" for p in LINK_PREDICATES)
STORE_COUNTS = {
    "union": """SELECT (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?p) AS ?properties)
                (COUNT(DISTINCT ?o) AS ?objects) WHERE { ?s ?p ?o }""",
    "classes": """SELECT ?class (COUNT(DISTINCT ?s) AS ?n)
                  WHERE { ?s a ?class FILTER (isIRI(?class)) } GROUP BY ?class""",
    "entities": """SELECT (COUNT(DISTINCT ?s) AS ?n)
                   WHERE { ?s a ?class FILTER (isIRI(?class) && isIRI(?s)) }""",
    "graphs": "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    "links": f"""SELECT ?p ?o (COUNT(*) AS ?n)
                 WHERE {{ VALUES ?p {{ {_LINKS} }} GRAPH ?g {{ ?s ?p ?o }} FILTER (isIRI(?o)) }}
                 GROUP BY ?p ?o""",
}


def describe_store(store: Any, *, endpoint: str | None = None, **options: Any) -> Graph:
    """:func:`describe_dataset` of a whole store (a :class:`kg.store.Store`), counted by SPARQL
    aggregates inside it instead of reading every quad into Python."""
    return describe_counts(count_store(store), endpoint=endpoint, **options)


def counts_to_json(counts: Counts) -> dict[str, Any]:
    """``counts`` as plain JSON values (:func:`counts_from_json` reads them back)."""
    return {
        "triples": counts.triples,
        "entities": counts.entities,
        "properties": counts.properties,
        "subjects": counts.subjects,
        "objects": counts.objects,
        "classes": sorted([str(c), n] for c, n in counts.classes.items()),
        "per_graph": sorted([str(g), n] for g, n in counts.per_graph.items()),
        "links": sorted([str(p), str(o), n] for (p, o), n in counts.links.items()),
    }


def counts_from_json(data: dict[str, Any]) -> Counts:
    return Counts(
        triples=int(data["triples"]),
        entities=int(data["entities"]),
        classes={URIRef(c): int(n) for c, n in data["classes"]},
        properties=int(data["properties"]),
        subjects=int(data["subjects"]),
        objects=int(data["objects"]),
        per_graph={URIRef(g): int(n) for g, n in data["per_graph"]},
        links={(URIRef(p), URIRef(o)): int(n) for p, o, n in data["links"]},
    )


def count_store(store: Any) -> Counts:
    """The counts a description gives, by SPARQL aggregates inside the store."""
    _, rows = store.query(STORE_COUNTS["union"])
    subjects, properties, objects = (int(v) for v in rows[0])
    _, rows = store.query(STORE_COUNTS["entities"])
    entities = int(rows[0][0])
    classes = {c: int(n) for c, n in store.query(STORE_COUNTS["classes"])[1]}
    per_graph = {g: int(n) for g, n in store.query(STORE_COUNTS["graphs"], union=False)[1]}
    links = {(p, o): int(n) for p, o, n in store.query(STORE_COUNTS["links"], union=False)[1]}
    _, default = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", union=False)
    counts = Counts(
        triples=sum(per_graph.values()) + int(default[0][0]),
        entities=entities,
        classes=classes,
        properties=properties,
        subjects=subjects,
        objects=objects,
        per_graph=per_graph,
        links=links,
    )
    return counts


def describe_counts(
    counts: Counts,
    *,
    endpoint: str | None = None,
    title: str = "appeals-kg: human-rights urgent appeals",
    licence: str = "https://creativecommons.org/licenses/by/4.0/",
    publisher: str = "appeals-kg contributors",
    description: str | None = None,
    dataset_iri: URIRef = DATASET_IRI,
) -> Graph:
    """The description of :func:`describe_dataset` from its counts (the triples of
    :func:`kg.publish.voidturtle.description_triples`, which `kg export` also writes without
    rdflib)."""
    from kg.store.store import from_ox

    public_graphs = {g: n for g, n in counts.per_graph.items() if isinstance(g, URIRef)}
    data = counts_to_json(replace(counts, per_graph=public_graphs))
    g = bind_prefixes(Graph())
    for t in description_triples(
        data,
        endpoint=endpoint,
        title=title,
        licence=licence,
        publisher=publisher,
        description=description,
        dataset=str(dataset_iri),
    ):
        g.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))  # type: ignore[arg-type]
    return g
