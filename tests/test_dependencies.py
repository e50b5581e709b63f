"""What a shape reads from its focus nodes, and which focus nodes a change reaches
(kg.check.dependencies)."""

from __future__ import annotations

import pytest
from rdflib import RDF, Graph, Literal, URIRef

from kg.check.dependencies import Read, Untraceable, query_reads, reached, shape_reads
from kg.store import Store

EX = "http://ex/"
PREFIXES = "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://ex/> .\n"


def ex(name: str) -> URIRef:
    return URIRef(EX + name)


def _shapes(ttl: str) -> Graph:
    return Graph().parse(data=PREFIXES + ttl, format="turtle")


def test_class_reads_the_type_of_the_value() -> None:
    g = _shapes("ex:S sh:targetClass ex:A ; sh:property [ sh:path ex:org ; sh:class ex:Org ] .")
    assert shape_reads(g, ex("S")) == {
        Read((), RDF.type, False),  # the target
        Read((), ex("org"), False),  # the path
        Read(((ex("org"), False),), RDF.type, False),  # the value's type
    }


def test_nested_inverse_and_sequence_paths() -> None:
    g = _shapes(
        "ex:S sh:targetNode ex:a ; sh:property [ sh:path ( ex:p [ sh:inversePath ex:q ] ) ;"
        " sh:node [ sh:property [ sh:path ex:r ; sh:minCount 1 ] ] ] ."
    )
    p, q, r = ex("p"), ex("q"), ex("r")
    assert shape_reads(g, ex("S")) == {
        Read((), p, False),
        Read(((p, False),), q, True),
        Read(((p, False), (q, True)), r, False),
    }


def test_alternative_path_reads_each_branch_and_closed_reads_everything() -> None:
    g = _shapes(
        "ex:S sh:targetClass ex:A ; sh:closed true ; sh:property [ sh:path [ sh:alternativePath"
        " ( ex:p ex:q ) ] ; sh:equals ex:r ] ."
    )
    reads = shape_reads(g, ex("S"))
    assert Read((), None, False) in reads  # sh:closed: any predicate of the focus node
    assert {Read((), ex("p"), False), Read((), ex("q"), False), Read((), ex("r"), False)} <= reads


@pytest.mark.parametrize(
    "ttl",
    [
        "ex:S sh:targetClass ex:A ; sh:property [ sh:path [ sh:zeroOrMorePath ex:p ] ;"
        " sh:minCount 1 ] .",
        "ex:S sh:targetClass ex:A ; sh:property [ sh:path ex:p ; sh:node ex:S ] .",
    ],
    ids=["unbounded path", "recursive shape"],
)
def test_what_cannot_be_traced_says_so(ttl: str) -> None:
    with pytest.raises(Untraceable):
        shape_reads(_shapes(ttl), ex("S"))


def test_sparql_reads_follow_the_patterns_joined_to_this() -> None:
    reads = query_reads(
        "SELECT ?this WHERE { ?this <http://ex/p> ?v . ?v <http://ex/q> ?w . "
        "FILTER NOT EXISTS { ?new <http://ex/s> ?this } "
        "BIND (EXISTS { ?v ?any ?w } AS ?x) }"
    )
    p, q, s = ex("p"), ex("q"), ex("s")
    assert Read((), p, False) in reads
    assert Read(((p, False),), q, False) in reads
    assert Read((), s, True) in reads  # ?new s ?this: read backwards at the focus node
    assert Read(((p, False),), None, False) in reads  # a variable predicate reads any
    # ?w is reached two ways; the q pattern is read there only through the other one
    assert Read(((p, False), (q, False)), q, True) not in reads
    assert Read(((p, False), (None, False)), q, True) in reads


def test_sparql_sequence_alternative_and_inverse_paths_are_followed() -> None:
    """``$this akg:reportedIn|akg:evidence/oa:hasSource ?appeal`` reads every branch: the
    appeal's date through the direct link and through the evidence span."""
    reads = query_reads(
        "SELECT ?this WHERE { ?this <http://ex/r>|<http://ex/e>/<http://ex/s> ?a . "
        "?a <http://ex/issued> ?d . ?this ^<http://ex/about> ?c . }"
    )
    r, e, s, issued, about = ex("r"), ex("e"), ex("s"), ex("issued"), ex("about")
    assert Read((), r, False) in reads
    assert Read((), e, False) in reads
    assert Read(((e, False),), s, False) in reads  # the span's source
    assert Read(((r, False),), issued, False) in reads
    assert Read(((e, False), (s, False)), issued, False) in reads
    assert Read((), about, True) in reads  # ^about: read backwards at the focus node


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?this WHERE { ?this <http://ex/p> ?v . ?a <http://ex/q> ?b }",
        "SELECT ?this WHERE { ?this <http://ex/p>+ ?v }",
        "SELECT ?this WHERE { ?this !<http://ex/p> ?v }",
        "SELECT ?this WHERE { GRAPH ?g { ?this <http://ex/p> ?v } }",
        "SELECT ?this WHERE { ?this <http://ex/p> ?v . BIND (?v AS ?w) ?w <http://ex/q> ?x }",
    ],
    ids=["pattern not joined", "unbounded path", "negated path", "graph", "bind"],
)
def test_sparql_that_cannot_be_traced_says_so(query: str) -> None:
    with pytest.raises(Untraceable):
        query_reads(query)


def _store(ttl: str) -> Store:
    store = Store.memory()
    store.add_graph(Graph().parse(data=PREFIXES + ttl, format="turtle"), ex("g"))
    return store


HUB = """
ex:country a ex:Country .
ex:e1 a ex:Event ; ex:country ex:country ; ex:org ex:o1 .
ex:e2 a ex:Event ; ex:country ex:country ; ex:org ex:o2 .
ex:o1 a ex:Org . ex:o2 a ex:Org .
"""


def test_change_beside_a_hub_reaches_only_what_reads_it() -> None:
    store = _store(HUB)
    g = _shapes(
        "ex:E sh:targetClass ex:Event ; sh:property [ sh:path ex:country ; sh:class ex:Country ]"
        " , [ sh:path ex:org ; sh:class ex:Org ] ."
    )
    reads = {"E": shape_reads(g, ex("E"))}
    # e1's country changes: e1 only, not e2, although both point at the same country
    assert reached(store, reads, [(ex("e1"), ex("country"), ex("country"))]) == {"E": {ex("e1")}}
    # a note no shape reads reaches nothing
    assert reached(store, reads, [(ex("e1"), ex("note"), Literal("x"))]) == {"E": set()}
    # o2 loses its type: the event pointing at it
    assert reached(store, reads, [(ex("o2"), RDF.type, ex("Org"))]) == {"E": {ex("o2"), ex("e2")}}
    # the country's type: both events
    found = reached(store, reads, [(ex("country"), RDF.type, ex("Country"))])
    assert found["E"] == {ex("country"), ex("e1"), ex("e2")}


def test_inverse_read_reaches_the_node_pointed_at() -> None:
    store = _store(HUB)
    g = _shapes(
        "ex:C sh:targetClass ex:Country ; sh:property [ sh:path [ sh:inversePath ex:country ] ;"
        " sh:maxCount 1 ] ."
    )
    reads = {"C": shape_reads(g, ex("C"))}
    found = reached(store, reads, [(ex("e3"), ex("country"), ex("country"))])
    assert found == {"C": {ex("country")}}
    assert reached(store, reads, [(ex("e1"), ex("org"), ex("o9"))]) == {"C": set()}
