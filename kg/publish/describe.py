"""VoID and DCAT description of a built dataset, for catalogues and for federating clients.

A SPARQL client deciding whether to send a sub-query here, and a catalogue listing the data,
both read the same few numbers: how many triples, entities and classes, which named graphs, the
licence, the endpoint, and which other datasets we link to with which predicate. Everything is
counted from the dataset itself, so the description cannot drift from the data.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from rdflib import RDF, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, XSD

from kg.store.voidcounts import LINK_PREDICATES as STORE_LINK_PREDICATES
from kg.vocab import AKR, DCAT, VOID, bind_prefixes, prefixes

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
# Known link targets: namespace -> (slug, dataset IRI, title, SPARQL endpoint or None).
TARGET_DATASETS: dict[str, tuple[str, str, str, str | None]] = {
    "http://www.wikidata.org/entity/": (
        "wikidata",
        "https://www.wikidata.org/",
        "Wikidata",
        "https://query.wikidata.org/sparql",
    ),
    "https://www.iso.org/obp/ui/#iso:code:3166:": (
        "iso3166",
        "https://www.iso.org/iso-3166-country-codes.html",
        "ISO 3166 country codes",
        None,
    ),
    "https://sws.geonames.org/": ("geonames", "https://www.geonames.org/", "GeoNames", None),
}


def _target_of(iri: str) -> tuple[str, str, str, str | None] | None:
    """The dataset an object IRI belongs to, or None when it is one of our own IRIs."""
    if any(iri.startswith(ns) for p, ns in prefixes().items() if p in ("akr", "akg", "akgraph")):
        return None
    for ns, target in TARGET_DATASETS.items():
        if iri.startswith(ns):
            return target
    parts = urlsplit(iri)
    if not parts.scheme.startswith("http") or not parts.netloc:
        return None
    host = parts.netloc.lower()
    return (host.replace(".", "-"), f"{parts.scheme}://{host}/", host, None)


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
    """The description of :func:`describe_dataset` from its counts."""
    g = bind_prefixes(Graph())
    ds = dataset_iri
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, RDF.type, DCAT.Dataset))
    g.add((ds, DCTERMS.title, Literal(title, lang="en")))
    if description:
        g.add((ds, DCTERMS.description, Literal(description, lang="en")))
    g.add((ds, DCTERMS.license, URIRef(licence)))
    agent = BNode()
    g.add((ds, DCTERMS.publisher, agent))
    g.add((agent, RDF.type, FOAF.Organization))
    g.add((agent, FOAF.name, Literal(publisher)))
    g.add((ds, VOID.uriSpace, Literal(prefixes()["akr"])))
    g.add((ds, VOID.vocabulary, URIRef(prefixes()["akg"])))
    for fmt in ("text/turtle", "application/trig", "application/n-quads"):
        g.add((ds, VOID.feature, URIRef(f"http://www.w3.org/ns/formats/{_format_name(fmt)}")))
    if endpoint:
        g.add((ds, VOID.sparqlEndpoint, URIRef(endpoint)))
        service = URIRef(f"{dataset_iri}/sparql-service")
        g.add((ds, DCAT.distribution, URIRef(f"{dataset_iri}/sparql")))
        g.add((URIRef(f"{dataset_iri}/sparql"), RDF.type, DCAT.Distribution))
        g.add((URIRef(f"{dataset_iri}/sparql"), DCAT.accessService, service))
        g.add((URIRef(f"{dataset_iri}/sparql"), DCAT.accessURL, URIRef(endpoint)))
        g.add((service, RDF.type, DCAT.DataService))
        g.add((service, DCAT.endpointURL, URIRef(endpoint)))
        g.add((service, DCAT.servesDataset, ds))

    links: Counter = Counter()
    targets: dict[str, tuple[str, str, str, str | None]] = {}
    for (p, o), n in counts.links.items():
        target = _target_of(str(o))
        if target is not None:
            links[(target[0], p)] += n
            targets[target[0]] = target
    class_members = counts.classes
    per_graph = counts.per_graph
    g.add((ds, VOID.triples, Literal(counts.triples, datatype=XSD.integer)))
    g.add((ds, VOID.entities, Literal(counts.entities, datatype=XSD.integer)))
    g.add((ds, VOID.classes, Literal(len(class_members), datatype=XSD.integer)))
    g.add((ds, VOID.properties, Literal(counts.properties, datatype=XSD.integer)))
    g.add((ds, VOID.distinctSubjects, Literal(counts.subjects, datatype=XSD.integer)))
    g.add((ds, VOID.distinctObjects, Literal(counts.objects, datatype=XSD.integer)))
    for cls in sorted(class_members):
        part = BNode()
        g.add((ds, VOID.classPartition, part))
        g.add((part, VOID["class"], cls))
        g.add((part, VOID.entities, Literal(class_members[cls], datatype=XSD.integer)))
    for graph_id, count in sorted(per_graph.items(), key=lambda kv: str(kv[0])):
        if not isinstance(graph_id, URIRef) or str(graph_id).startswith("urn:x-rdflib:"):
            continue  # the default graph is not a subset of its own
        g.add((ds, VOID.subset, graph_id))
        g.add((graph_id, RDF.type, VOID.Dataset))
        g.add((graph_id, VOID.triples, Literal(count, datatype=XSD.integer)))
    for (slug, predicate), count in sorted(links.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
        _, target_iri, target_title, target_endpoint = targets[slug]
        local = str(predicate).rsplit("#", 1)[-1]
        linkset = URIRef(f"{dataset_iri}/linkset/{slug}-{local}")
        target = URIRef(target_iri)
        g.add((ds, VOID.subset, linkset))
        g.add((linkset, RDF.type, VOID.Linkset))
        g.add((linkset, VOID.subjectsTarget, ds))
        g.add((linkset, VOID.objectsTarget, target))
        g.add((linkset, VOID.target, ds))
        g.add((linkset, VOID.target, target))
        g.add((linkset, VOID.linkPredicate, predicate))
        g.add((linkset, VOID.triples, Literal(count, datatype=XSD.integer)))
        g.add((target, RDF.type, VOID.Dataset))
        g.add((target, DCTERMS.title, Literal(target_title)))
        if target_endpoint:
            g.add((target, VOID.sparqlEndpoint, URIRef(target_endpoint)))
    return g


def _format_name(media_type: str) -> str:
    return {"text/turtle": "Turtle", "application/trig": "TriG", "application/n-quads": "N-Quads"}[
        media_type
    ]
