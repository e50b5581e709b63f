"""One triple, one graph (kg.store.partition): a plain SELECT gives each fact once."""

from __future__ import annotations

from rdflib import RDF, RDFS, Graph, Literal, URIRef

from kg.store import Store
from kg.store.partition import partition_triples, without_stated
from kg.store.store import public_store_path
from kg.vocab import ACCESS, AKG, AKR

TRIPLES_IN_SEVERAL_GRAPHS = """
SELECT ?s ?p ?o (COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g { ?s ?p ?o } }
GROUP BY ?s ?p ?o HAVING (COUNT(DISTINCT ?g) > 1) LIMIT 20
"""


def triples_in_several_graphs(store: Store) -> list[str]:
    _, rows = store.query(TRIPLES_IN_SEVERAL_GRAPHS)
    return [" ".join(str(x) for x in row) for row in rows]


def test_no_triple_in_two_graphs_of_the_seed_build(built_store: Store) -> None:
    assert triples_in_several_graphs(built_store) == []


def _appeal(name: str, level: str, *extra: tuple) -> tuple[URIRef, Graph]:
    g = Graph()
    appeal = AKR[f"appeal/{name}"]
    g.add((appeal, RDF.type, AKG.Appeal))
    g.add((appeal, AKG.accessLevel, ACCESS[level]))
    for t in extra:
        g.add(t)
    return URIRef(f"https://example.org/graph/{name}"), g


def test_shared_facts_move_to_the_reference_unless_only_withheld_appeals_state_them() -> None:
    person, country = AKR["person/p-1"], AKR["country/KZ"]
    label = (person, RDFS.label, Literal("A Person"))
    secret = (person, RDFS.comment, Literal("only withheld appeals say this"))
    known = (country, RDFS.label, Literal("Kazakhstan"))
    reference = Graph()
    reference.add(known)
    appeals = dict(
        [
            _appeal("a", "public", label, known),
            _appeal("b", "public", label),
            _appeal("c", "restricted", label, secret),
            _appeal("d", "confidential", secret),
        ]
    )
    partition_triples([], reference, appeals)
    assert label in reference and not any(label in g for g in appeals.values())
    assert known in reference and known not in appeals[URIRef("https://example.org/graph/a")]
    assert secret not in reference, "a fact only withheld appeals state stays withheld"
    holders = [name for name, g in appeals.items() if secret in g]
    assert holders == [URIRef("https://example.org/graph/c")]
    every = [t for g in [reference, *appeals.values()] for t in g]
    assert len(every) == len(set(every)), "each triple in one graph"


def test_derived_facts_already_stated_are_not_derived_again() -> None:
    g = Graph()
    a = (AKR["x"], RDFS.label, Literal("x"))
    b = (AKR["y"], RDFS.label, Literal("y"))
    g.add(a)
    g.add(b)
    assert set(without_stated(g, [a])) == {b}


def test_public_store_has_no_triple_in_two_graphs(seed_built) -> None:  # type: ignore[no-untyped-def]
    _data, store = seed_built.copy()
    public = Store.open(public_store_path(store))
    assert public.is_public
    assert triples_in_several_graphs(public) == []
