"""SPARQL text prepared once per test process (tests/preparedsparql.py, installed by conftest.py)
answers as a query parsed afresh: bindings, prefixes and base each still count."""

from __future__ import annotations

import preparedsparql
import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.plugins.sparql import parser, processor

A = Namespace("http://example.org/a#")
B = Namespace("http://example.org/b#")


@pytest.fixture()
def graph() -> Graph:
    g = Graph()
    g.add((A.x, A.p, Literal(1)))
    g.add((A.y, A.p, Literal(2)))
    g.add((B.x, B.p, Literal(3)))
    return g


def test_installed_in_the_test_process() -> None:
    assert processor.SPARQLProcessor.query is preparedsparql._query


def test_each_binding_gets_its_own_answer_from_one_parse(
    graph: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[str] = []
    plain = parser.parseQuery

    def counting(text: str):  # type: ignore[no-untyped-def]
        parsed.append(text)
        return plain(text)

    monkeypatch.setattr(preparedsparql, "parseQuery", counting)
    text = "SELECT ?v WHERE { $this <http://example.org/a#p> ?v } # binding test"
    answers = [
        {row[0].toPython() for row in graph.query(text, initBindings={"this": this})}
        for this in (A.x, A.y, A.x, B.x)
    ]
    assert answers == [{1}, {2}, {1}, set()]
    assert parsed == [text]


def test_prefixes_and_base_given_with_the_text_count(graph: Graph) -> None:
    text = "SELECT ?s WHERE { ?s ns:p ?v }"
    assert {r[0] for r in graph.query(text, initNs={"ns": A})} == {A.x, A.y}
    assert {r[0] for r in graph.query(text, initNs={"ns": B})} == {B.x}
    hashless = "SELECT ?v WHERE { <a#x> <a#p> ?v }"
    assert {r[0].toPython() for r in graph.query(hashless, base="http://example.org/")} == {1}
    assert {r[0].toPython() for r in graph.query(hashless, base="http://example.org/b/")} == set()


def test_a_query_that_does_not_parse_still_raises(graph: Graph) -> None:
    for _ in range(2):
        with pytest.raises(Exception, match="Expected"):
            graph.query("SELECT ?s WHERE { ?s ")
    assert graph.query("ASK { <http://example.org/a#x> ?p ?o }").askAnswer is True


def test_prepare_query_gives_one_translation_per_text() -> None:
    from rdflib.plugins.sparql import prepareQuery

    text = "SELECT ?s WHERE { ?s ns:p ?v } # prepared twice"
    first = prepareQuery(text, initNs={"ns": A})
    assert prepareQuery(text, initNs={"ns": A}) is first
    assert prepareQuery(text, initNs={"ns": B}) is not first
    assert first._original_args == (text, {"ns": A}, None)
    g = Graph()
    g.add((A.x, A.p, Literal(1)))
    assert [r[0] for r in g.query(first)] == [A.x]
