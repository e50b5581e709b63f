"""VoID/DCAT description counted from a small dataset with links to Wikidata and GeoNames."""

from __future__ import annotations

from pathlib import Path

from rdflib import RDF, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, SKOS, XSD

from kg.link import load_links
from kg.publish.describe import DATASET_IRI, describe_dataset
from kg.vocab import AKG, AKR, DCAT, GRAPH, LINKS_GRAPH, VOID

WD = "http://www.wikidata.org/entity/"
CASE = GRAPH["case/test-1"]


def _dataset(tmp_path: Path) -> Dataset:
    ds = Dataset()
    case = ds.graph(CASE)
    case.add((AKR["person/p-1"], RDF.type, AKG.Person))
    case.add(
        (AKR["person/p-1"], URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("A"))
    )
    case.add((AKR["person/p-2"], RDF.type, AKG.Person))
    case.add((AKR["place/x"], RDF.type, AKG.Place))
    (tmp_path / "seed.csv").write_text(
        "subject,target,relation,method,score,decided_by,decided_on,status,note\n"
        "akr:person/p-1,wd:Q1,sameAs,curated,1,M,2024-01-01,accepted,\n"
        "akr:place/x,wd:Q2,exactMatch,curated,1,M,2024-01-01,accepted,\n"
        "akr:place/y,wd:Q3,exactMatch,curated,1,M,2024-01-01,accepted,\n"
        "akr:place/x,https://sws.geonames.org/1538318/,closeMatch,curated,,M,2024-01-01,accepted,\n"
        "akr:place/z,wd:Q4,exactMatch,curated,1,M,2024-01-01,rejected,\n",
        encoding="utf-8",
    )
    links = ds.graph(LINKS_GRAPH)
    for triple in load_links(tmp_path):
        links.add(triple)
    return ds


def _int(g: Graph, s: URIRef, p: URIRef) -> int:
    value = g.value(s, p)
    assert value is not None and value.datatype == XSD.integer, (s, p, value)
    return int(value)


def test_counts_and_partitions(tmp_path: Path) -> None:
    ds = _dataset(tmp_path)
    g = describe_dataset(ds, endpoint="http://127.0.0.1:8000/sparql")
    total = len(list(ds.quads((None, None, None, None))))
    assert (DATASET_IRI, RDF.type, VOID.Dataset) in g and (DATASET_IRI, RDF.type, DCAT.Dataset) in g
    assert _int(g, DATASET_IRI, VOID.triples) == total
    # persons p-1, p-2, place x, and five decision nodes
    assert _int(g, DATASET_IRI, VOID.entities) == 8
    partitions = {
        g.value(part, VOID["class"]): _int(g, part, VOID.entities)
        for part in g.objects(DATASET_IRI, VOID.classPartition)
    }
    assert partitions == {AKG.Person: 2, AKG.Place: 1, AKG.LinkDecision: 5}
    assert _int(g, DATASET_IRI, VOID.classes) == 3
    subjects = {s for s, _, _, _ in ds.quads((None, None, None, None))}
    assert _int(g, DATASET_IRI, VOID.distinctSubjects) == len(subjects)
    assert g.value(DATASET_IRI, DCTERMS.license) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/"
    )
    assert g.value(DATASET_IRI, VOID.sparqlEndpoint) == URIRef("http://127.0.0.1:8000/sparql")
    assert _int(g, CASE, VOID.triples) == 4
    assert {CASE, LINKS_GRAPH} <= set(g.objects(DATASET_IRI, VOID.subset))


def test_linksets_per_target_and_predicate(tmp_path: Path) -> None:
    g = describe_dataset(_dataset(tmp_path))
    found = {}
    for linkset in g.subjects(RDF.type, VOID.Linkset):
        key = (str(g.value(linkset, VOID.objectsTarget)), g.value(linkset, VOID.linkPredicate))
        found[key] = _int(g, linkset, VOID.triples)
        assert (linkset, VOID.target, DATASET_IRI) in g
    assert found == {
        ("https://www.wikidata.org/", OWL.sameAs): 1,
        ("https://www.wikidata.org/", SKOS.exactMatch): 2,  # the rejected Q4 is no link
        ("https://www.geonames.org/", SKOS.closeMatch): 1,
    }
    wikidata = URIRef("https://www.wikidata.org/")
    assert g.value(wikidata, VOID.sparqlEndpoint) == URIRef("https://query.wikidata.org/sparql")


def test_no_endpoint_no_service_and_turtle_round_trip(tmp_path: Path) -> None:
    g = describe_dataset(_dataset(tmp_path), title="Test")
    assert g.value(DATASET_IRI, VOID.sparqlEndpoint) is None
    assert not list(g.subjects(RDF.type, DCAT.DataService))
    again = Graph().parse(data=g.serialize(format="turtle"), format="turtle")
    assert len(again) == len(g)
    assert str(again.value(DATASET_IRI, DCTERMS.title)) == "Test"


def test_counted_in_the_store_as_in_the_dataset(tmp_path: Path, built_store) -> None:
    """describe_store counts by SPARQL inside the store what describe_dataset counts by
    reading every quad: the same description, on the small dataset and on the seed's store."""
    from rdflib.compare import isomorphic

    from kg.publish.describe import describe_store
    from kg.store import Store

    small = Store.memory()
    small.add_dataset(_dataset(tmp_path))
    for store in (small, built_store):
        expected = describe_dataset(store.to_dataset(), endpoint="http://127.0.0.1:1/sparql")
        counted = describe_store(store, endpoint="http://127.0.0.1:1/sparql")
        assert isomorphic(counted, expected)
    assert _int(describe_store(small), DATASET_IRI, VOID.triples) == len(small)
