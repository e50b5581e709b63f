"""The entity count brought up to date after a change equals the count of the whole store."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.store.build import count_entities
from kg.store.counts import count_entities_after, entities_reached
from kg.store.store import Store

AKG = "https://w3id.org/appeals-kg/ontology#"
OA = "http://www.w3.org/ns/oa#"
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _q(s: str, p: str, o: str, g: str = "a1") -> ox.Quad:
    node = ox.NamedNode
    return ox.Quad(node(f"urn:x:{s}"), node(p), node(o if ":" in o else f"urn:x:{o}"),
                   node(f"urn:x:g-{g}"))  # fmt: skip


BASE = [
    _q("p", TYPE, AKG + "Person"),
    _q("p", AKG + "reportedIn", "ap1"),
    _q("o", TYPE, AKG + "Organisation"),
    _q("o", AKG + "evidence", "span"),
    _q("span", OA + "hasSource", "ap1"),
    _q("e", TYPE, AKG + "Event"),  # not an entity
    _q("e", AKG + "reportedIn", "ap1"),
    _q("l", TYPE, AKG + "LegalInstrument", "a2"),  # typed in one graph, reported in another
    _q("l", AKG + "reportedIn", "ap2", "a3"),
]


def _count(quads: list[ox.Quad]) -> int:
    store = ox.Store()
    store.extend(quads)
    return count_entities(Store(store))


@pytest.mark.parametrize(
    ("remove", "add"),
    [
        ([_q("span", OA + "hasSource", "ap1")], []),  # o's evidence loses its source
        ([], [_q("span2", OA + "hasSource", "ap2"), _q("q", AKG + "evidence", "span2"),
              _q("q", TYPE, AKG + "Person")]),  # a new person, by evidence
        ([_q("l", TYPE, AKG + "LegalInstrument", "a2")], []),  # the type goes
        ([_q("p", AKG + "reportedIn", "ap1")], [_q("p", AKG + "reportedIn", "ap2", "a2")]),
        ([_q("e", TYPE, AKG + "Event")], [_q("e", TYPE, AKG + "Place")]),  # an event now a place
        ([q for q in BASE if q.graph_name.value.endswith("a1")], []),  # a whole graph goes
    ],
)  # fmt: skip
def test_the_count_after_a_change_is_the_count_of_the_whole_store(remove, add) -> None:
    after = [q for q in BASE if q not in remove] + add
    before_store, after_store = ox.Store(), ox.Store()
    before_store.extend(BASE)
    after_store.extend(after)
    union = {q.triple for q in BASE}
    changed = {q.triple for q in after} ^ union
    expected = _count(after)
    assert expected != _count(BASE) or remove == [_q("p", AKG + "reportedIn", "ap1")]
    got = count_entities_after(before_store, after_store, changed, _count(BASE))
    assert got == expected


def test_only_the_nodes_a_change_reaches_are_asked() -> None:
    store = ox.Store()
    store.extend(BASE)
    changed = [_q("span", OA + "hasSource", "ap9").triple, _q("x", AKG + "note", "n").triple]
    assert entities_reached([store], changed) == {ox.NamedNode("urn:x:o")}


def test_the_count_is_of_typed_nodes_some_appeal_names_each_once() -> None:
    """A person, an organisation named by evidence, an instrument typed in one graph and
    reported in another; an event is not counted, nor a person no appeal names; a node typed
    twice and named by two appeals and two spans counts once."""
    assert _count(BASE) == 3
    twice = [
        _q("p", TYPE, AKG + "Place", "a2"),
        _q("p", AKG + "reportedIn", "ap2", "a2"),
        _q("p", AKG + "evidence", "span"),
        _q("p", AKG + "evidence", "span2"),
        _q("span2", OA + "hasSource", "ap2"),
        _q("unnamed", TYPE, AKG + "Person"),
    ]
    assert _count(BASE + twice) == 3
