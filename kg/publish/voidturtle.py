"""The VoID/DCAT description of a dataset from its counts, as Oxigraph terms and Turtle.

:func:`kg.publish.describe.describe_counts` gives the same triples as an rdflib graph; both are
made here, so that `kg export` of a build's public store can write ``void.ttl`` from the
counts the build kept (``void-counts.json``) without importing rdflib (:mod:`kg.publish.listed`).
The counts are in the JSON form :func:`kg.publish.describe.counts_to_json` writes.
"""

from __future__ import annotations

from collections import Counter
from typing import Any
from urllib.parse import urlsplit

import pyoxigraph as ox

from kg.publish.listed import read_prefixes

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_VOID = "http://rdfs.org/ns/void#"
_DCAT = "http://www.w3.org/ns/dcat#"
_DCTERMS = "http://purl.org/dc/terms/"
_FOAF = "http://xmlns.com/foaf/0.1/"

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
FORMATS = (
    ("text/turtle", "Turtle"),
    ("application/trig", "TriG"),
    ("application/n-quads", "N-Quads"),
)


def dataset_iri() -> str:
    """The description's subject: the dataset itself."""
    return f"{read_prefixes()['akr']}dataset"


def target_of(iri: str) -> tuple[str, str, str, str | None] | None:
    """The dataset an object IRI belongs to, or None when it is one of our own IRIs."""
    own = read_prefixes()
    if any(iri.startswith(ns) for p, ns in own.items() if p in ("akr", "akg", "akgraph")):
        return None
    for ns, target in TARGET_DATASETS.items():
        if iri.startswith(ns):
            return target
    parts = urlsplit(iri)
    if not parts.scheme.startswith("http") or not parts.netloc:
        return None
    host = parts.netloc.lower()
    return (host.replace(".", "-"), f"{parts.scheme}://{host}/", host, None)


def description_triples(
    counts: dict[str, Any],
    *,
    endpoint: str | None = None,
    title: str = "appeals-kg: human-rights urgent appeals",
    licence: str = "https://creativecommons.org/licenses/by/4.0/",
    publisher: str = "appeals-kg contributors",
    description: str | None = None,
    dataset: str | None = None,
) -> list[ox.Triple]:
    """The description's triples: a void:Dataset and dcat:Dataset with its counts, a class
    partition per class, a subset per named graph and a void:Linkset per (target dataset,
    link predicate)."""
    out: list[ox.Triple] = []
    ds = ox.NamedNode(dataset or dataset_iri())

    def add(s: ox.NamedNode | ox.BlankNode, p: str, o: Any) -> None:
        out.append(ox.Triple(s, ox.NamedNode(p), o))

    def number(n: int) -> ox.Literal:
        return ox.Literal(str(int(n)), datatype=_XSD_INTEGER)

    rdf_type = RDF_TYPE.value
    add(ds, rdf_type, ox.NamedNode(f"{_VOID}Dataset"))
    add(ds, rdf_type, ox.NamedNode(f"{_DCAT}Dataset"))
    add(ds, f"{_DCTERMS}title", ox.Literal(title, language="en"))
    if description:
        add(ds, f"{_DCTERMS}description", ox.Literal(description, language="en"))
    add(ds, f"{_DCTERMS}license", ox.NamedNode(licence))
    agent = ox.BlankNode()
    add(ds, f"{_DCTERMS}publisher", agent)
    add(agent, rdf_type, ox.NamedNode(f"{_FOAF}Organization"))
    add(agent, f"{_FOAF}name", ox.Literal(publisher))
    add(ds, f"{_VOID}uriSpace", ox.Literal(read_prefixes()["akr"]))
    add(ds, f"{_VOID}vocabulary", ox.NamedNode(read_prefixes()["akg"]))
    for _, name in FORMATS:
        add(ds, f"{_VOID}feature", ox.NamedNode(f"http://www.w3.org/ns/formats/{name}"))
    if endpoint:
        add(ds, f"{_VOID}sparqlEndpoint", ox.NamedNode(endpoint))
        service = ox.NamedNode(f"{ds.value}/sparql-service")
        distribution = ox.NamedNode(f"{ds.value}/sparql")
        add(ds, f"{_DCAT}distribution", distribution)
        add(distribution, rdf_type, ox.NamedNode(f"{_DCAT}Distribution"))
        add(distribution, f"{_DCAT}accessService", service)
        add(distribution, f"{_DCAT}accessURL", ox.NamedNode(endpoint))
        add(service, rdf_type, ox.NamedNode(f"{_DCAT}DataService"))
        add(service, f"{_DCAT}endpointURL", ox.NamedNode(endpoint))
        add(service, f"{_DCAT}servesDataset", ds)

    links: Counter = Counter()
    targets: dict[str, tuple[str, str, str, str | None]] = {}
    for p, o, n in counts["links"]:
        target = target_of(str(o))
        if target is not None:
            links[(target[0], str(p))] += int(n)
            targets[target[0]] = target
    classes = {str(c): int(n) for c, n in counts["classes"]}
    add(ds, f"{_VOID}triples", number(counts["triples"]))
    add(ds, f"{_VOID}entities", number(counts["entities"]))
    add(ds, f"{_VOID}classes", number(len(classes)))
    add(ds, f"{_VOID}properties", number(counts["properties"]))
    add(ds, f"{_VOID}distinctSubjects", number(counts["subjects"]))
    add(ds, f"{_VOID}distinctObjects", number(counts["objects"]))
    for cls in sorted(classes):
        part = ox.BlankNode()
        add(ds, f"{_VOID}classPartition", part)
        add(part, f"{_VOID}class", ox.NamedNode(cls))
        add(part, f"{_VOID}entities", number(classes[cls]))
    for graph, n in sorted((str(g), int(n)) for g, n in counts["per_graph"]):
        if graph.startswith("urn:x-rdflib:"):
            continue  # the default graph is not a subset of its own
        subset = ox.NamedNode(graph)
        add(ds, f"{_VOID}subset", subset)
        add(subset, rdf_type, ox.NamedNode(f"{_VOID}Dataset"))
        add(subset, f"{_VOID}triples", number(n))
    for (slug, predicate), n in sorted(links.items()):
        _, target_iri, target_title, target_endpoint = targets[slug]
        local = predicate.rsplit("#", 1)[-1]
        linkset = ox.NamedNode(f"{ds.value}/linkset/{slug}-{local}")
        target = ox.NamedNode(target_iri)
        add(ds, f"{_VOID}subset", linkset)
        add(linkset, rdf_type, ox.NamedNode(f"{_VOID}Linkset"))
        add(linkset, f"{_VOID}subjectsTarget", ds)
        add(linkset, f"{_VOID}objectsTarget", target)
        add(linkset, f"{_VOID}target", ds)
        add(linkset, f"{_VOID}target", target)
        add(linkset, f"{_VOID}linkPredicate", ox.NamedNode(predicate))
        add(linkset, f"{_VOID}triples", number(n))
        add(target, rdf_type, ox.NamedNode(f"{_VOID}Dataset"))
        add(target, f"{_DCTERMS}title", ox.Literal(target_title))
        if target_endpoint:
            add(target, f"{_VOID}sparqlEndpoint", ox.NamedNode(target_endpoint))
    return out


def description_turtle(counts: dict[str, Any], *, endpoint: str | None = None) -> bytes:
    """:func:`description_triples` as Turtle with the project's prefixes."""
    pm = {p: ns for p, ns in read_prefixes().items() if p}
    triples = description_triples(counts, endpoint=endpoint)
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=pm) or b""


__all__ = [
    "TARGET_DATASETS",
    "dataset_iri",
    "description_triples",
    "description_turtle",
    "target_of",
]
