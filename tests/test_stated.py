"""kg.store.stated: derived triples another graph states are removed, and only those."""

from __future__ import annotations

import pyoxigraph as ox

from kg.store.stated import drop_stated

EX = "https://example.org/"
D = ox.NamedNode(f"{EX}derived")


def _n(name: str) -> ox.NamedNode:
    return ox.NamedNode(EX + name)


def _store(derived: list[tuple[str, str, str]], other: list[tuple[str, str, str, str]]) -> ox.Store:
    store = ox.Store()
    store.extend(ox.Quad(_n(s), _n(p), _n(o), D) for s, p, o in derived)
    store.extend(ox.Quad(_n(s), _n(p), _n(o), _n(g)) for s, p, o, g in other)
    return store


def _derived(store: ox.Store) -> set[tuple[str, str, str]]:
    return {
        (q.subject.value[len(EX) :], q.predicate.value[len(EX) :], q.object.value[len(EX) :])
        for q in store.quads_for_pattern(None, None, None, D)
    }


def _joined(store: ox.Store) -> None:
    """The whole join, as the build ran it before."""
    stated = f"GRAPH {D} {{ ?s ?p ?o }} GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {D})"
    store.update(f"DELETE {{ GRAPH {D} {{ ?s ?p ?o }} }} WHERE {{ {stated} }}")


def test_only_triples_stated_elsewhere_are_removed() -> None:
    derived = [("a", "short", "b"), ("a", "short", "c"), ("c", "short", "d"), ("a", "rare", "b")]
    other = [
        ("a", "short", "b", "g1"),  # stated: removed
        ("c", "short", "d", "g2"),  # stated in another graph: removed
        ("x", "short", "y", "g1"),  # the predicate is used, this triple is not derived
        ("a", "other", "b", "g1"),  # same subject and object, another predicate
    ]
    store, before = _store(derived, other), _store(derived, other)
    assert drop_stated(store, D) == 2
    assert _derived(store) == {("a", "short", "c"), ("a", "rare", "b")}
    _joined(before)
    assert _derived(before) == _derived(store)
    assert len(store) == len(before) == 6  # the other graphs untouched


def test_predicates_used_nowhere_else_leave_the_graph_as_it_is() -> None:
    derived = [("a", "short", "b"), ("b", "rare", "c")]
    store = _store(derived, [("a", "other", "b", "g1"), ("b", "p", "c", "g2")])
    assert drop_stated(store, D) == 0
    assert _derived(store) == set(derived)
    assert drop_stated(ox.Store(), D) == 0  # an empty derived graph
