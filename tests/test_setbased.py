"""The default validation engine over a store (kg.check.setbased): incremental runs give the
results of a full run, and check again only what a change can reach."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SH

from kg.check.setbased import cache_path, validate_set_based
from kg.record.caserecord import appeal_graph_iri
from kg.store import Store

PREFIXES = """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://ex/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

SHAPES = (
    PREFIXES
    + """
ex:PersonShape a sh:NodeShape ; sh:targetClass ex:Person ;
    sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:message "needs a name" ] ;
    sh:property [ sh:path ex:org ; sh:class ex:Org ; sh:message "org must be an ex:Org" ] .
"""
)

FIRST = PREFIXES + 'ex:p1 a ex:Person ; ex:name "P" ; ex:org ex:o1 .'
SECOND = PREFIXES + 'ex:o1 a ex:Org . ex:p2 a ex:Person ; ex:name "Q" .'
# The second appeal's graph loses the Org type of o1 (which p1, in the first, points at) and
# p2's name: one result in each graph, the first one's graph unchanged.
SECOND_BROKEN = PREFIXES + "ex:o1 ex:note 1 . ex:p2 a ex:Person ."


def _shapes() -> Graph:
    return Graph().parse(data=SHAPES, format="turtle")


def _store(root: Path, graphs: dict[str, str]) -> Store:
    """A store as a build leaves it: the store in ``<generation>/full``, the build state file
    with each appeal's fingerprint beside it."""
    (root / "gen").mkdir(parents=True, exist_ok=True)
    store = Store(ox.Store(str(root / "gen" / "full")), root / "gen" / "full")
    _write(store, graphs)
    return store


def _write(store: Store, graphs: dict[str, str]) -> None:
    """Replace the appeals' graphs and write their fingerprints (a hash of their text)."""
    state = {"version": 1, "globals": {"ontology": "o", "reference": "r"}, "fingerprints": {}}
    for aid, ttl in graphs.items():
        name = appeal_graph_iri(aid)
        store.oxigraph.remove_graph(ox.NamedNode(str(name))) if name in store.graph_names() else 0
        store.add_graph(Graph().parse(data=ttl, format="turtle"), name)
        state["fingerprints"][aid] = hashlib.sha256(ttl.encode()).hexdigest()
    assert store.path is not None
    state_file = Path(store.path).parent / "build-state.json"
    state_file.write_text(json.dumps(state), encoding="utf-8")


def _keys(report: Graph) -> set[tuple]:
    root = report.value(predicate=RDF.type, object=SH.ValidationReport)
    return {
        (
            report.value(r, SH.focusNode),
            report.value(r, SH.resultPath),
            report.value(r, SH.sourceConstraintComponent),
        )
        for r in report.objects(root, SH.result)
    }


def test_change_in_one_graph_reaches_a_node_of_another(tmp_path: Path) -> None:
    store = _store(tmp_path, {"a1": FIRST, "a2": SECOND})
    cache = cache_path(store)
    assert cache is not None
    conforms, report, stats = validate_set_based(store, _shapes(), cache=cache)
    assert (conforms, stats.mode) == (True, "full") and not _keys(report)

    conforms, report, stats = validate_set_based(store, _shapes(), cache=cache)
    assert (conforms, stats.mode, stats.queries) == (True, "unchanged", 0)

    _write(store, {"a2": SECOND_BROKEN, "a1": FIRST})
    conforms, report, stats = validate_set_based(store, _shapes(), cache=cache)
    assert stats.mode == "incremental" and stats.graphs_changed == 1
    ex = "http://ex/"
    expected = {
        (URIRef(ex + "p1"), URIRef(ex + "org"), SH.ClassConstraintComponent),
        (URIRef(ex + "p2"), URIRef(ex + "name"), SH.MinCountConstraintComponent),
    }
    assert conforms is False
    assert _keys(report) == expected
    # The same as a run from nothing.
    _, full, full_stats = validate_set_based(store, _shapes())
    assert full_stats.mode == "full" and _keys(full) == expected

    # Repaired: the results go away again, incrementally.
    _write(store, {"a2": SECOND, "a1": FIRST})
    conforms, report, stats = validate_set_based(store, _shapes(), cache=cache)
    assert (conforms, stats.mode) == (True, "incremental") and not _keys(report)


def test_changed_shapes_check_everything(tmp_path: Path) -> None:
    store = _store(tmp_path, {"a1": FIRST, "a2": SECOND})
    cache = cache_path(store)
    validate_set_based(store, _shapes(), cache=cache)
    stricter = _shapes()
    stricter.parse(
        data=PREFIXES + "ex:OrgShape sh:targetClass ex:Org ; sh:property [ sh:path ex:name ; "
        'sh:minCount 1 ; sh:message "org needs a name" ] .',
        format="turtle",
    )
    conforms, report, stats = validate_set_based(store, stricter, cache=cache)
    assert (stats.mode, stats.reason) == ("full", "the shapes changed")
    assert _keys(report) == {
        (URIRef("http://ex/o1"), URIRef("http://ex/name"), SH.MinCountConstraintComponent)
    }


def test_report_names_a_shape_checked_by_pyshacl() -> None:
    """A shape the compiler refuses (recursive) is checked by pyshacl, and the report says so."""
    from kg.check.validate import validate_store

    store = Store.memory()
    store.add_graph(Graph().parse(data=FIRST, format="turtle"), appeal_graph_iri("a1"))
    shapes = _shapes().parse(
        data=PREFIXES + "ex:Loop a sh:NodeShape ; sh:targetClass ex:Person ; sh:property "
        '[ sh:path ex:org ; sh:node ex:Loop ; sh:message "loop" ] , '
        '[ sh:path ex:name ; sh:minCount 1 ; sh:message "name" ] .',
        format="turtle",
    )
    report = validate_store(store, shapes)
    assert len(report.notes) == 1 and "ex/Loop" in report.notes[0]
    assert "pyshacl" in report.notes[0] and "recursive" in report.notes[0]
    # o1 has no type (the compiled PersonShape finds it) and no name, so it does not conform
    # to the loop shape (pyshacl finds that).
    assert sorted((v.focus, v.component) for v in report.violations) == [
        ("<http://ex/p1>", "sh:ClassConstraintComponent"),
        ("<http://ex/p1>", "sh:NodeConstraintComponent"),
    ]


# --- incremental equals a run from nothing ----------------------------------------------------

CROSS_SHAPES = (
    PREFIXES
    + """
ex:ChargeShape a sh:NodeShape ; sh:targetClass ex:Charge ;
    sh:property [ sh:path ex:person ; sh:class ex:Person ; sh:message "person" ] ;
    sh:property [ sh:path [ sh:inversePath ex:charge ] ; sh:maxCount 1 ; sh:message "one event" ] ;
    sh:sparql [ a sh:SPARQLConstraint ; sh:message "superseded by nothing" ;
        sh:select '''SELECT ?this WHERE { ?this <http://ex/status> <http://ex/superseded> .
            FILTER NOT EXISTS { ?new <http://ex/supersedes> ?this } }''' ] .
ex:EventShape a sh:NodeShape ; sh:targetClass ex:Event ;
    sh:property [ sh:path ex:charge ; sh:node ex:PersonCharge ;
        sh:message "charge of a named person" ] .
ex:PersonCharge a sh:NodeShape ;
    sh:property [ sh:path ( ex:person ex:name ) ; sh:minCount 1 ] .
"""
)


def _full_keys(report: Graph) -> set[tuple]:
    root = report.value(predicate=RDF.type, object=SH.ValidationReport)
    out = set()
    for r in report.objects(root, SH.result):
        shape = report.value(r, SH.sourceShape)
        out.add(
            (
                report.value(r, SH.focusNode),
                report.value(r, SH.resultPath),
                report.value(r, SH.sourceConstraintComponent),
                report.value(r, SH.value),
                report.value(r, SH.resultSeverity),
                shape if isinstance(shape, URIRef) else None,
                tuple(sorted(str(m) for m in report.objects(r, SH.resultMessage))),
            )
        )
    return out


def _replace_all(store: Store, graphs: dict[str, str]) -> None:
    """The appeals are exactly ``graphs``: the others' graphs are dropped."""
    keep = {appeal_graph_iri(a) for a in graphs}
    for name in store.graph_names():
        if name not in keep:
            store.oxigraph.remove_graph(ox.NamedNode(str(name)))
    _write(store, graphs)


def _same_as_from_nothing(store: Store, shapes: Graph, cache: Path) -> tuple[str, set[tuple]]:
    _, report, stats = validate_set_based(store, shapes, cache=cache)
    _, full, _ = validate_set_based(store, shapes)
    assert _full_keys(report) == _full_keys(full), stats
    return stats.mode, _full_keys(report)


def test_sparql_and_core_constraints_across_graphs_introduced_and_fixed(tmp_path: Path) -> None:
    shapes = Graph().parse(data=CROSS_SHAPES, format="turtle")
    a1 = PREFIXES + "ex:c1 a ex:Charge ; ex:status ex:superseded ; ex:person ex:p1 ."
    a2 = PREFIXES + 'ex:c2 a ex:Charge ; ex:supersedes ex:c1 . ex:p1 a ex:Person ; ex:name "P" .'
    a3 = PREFIXES + "ex:e1 a ex:Event ; ex:charge ex:c1 ."
    store = _store(tmp_path, {"a1": a1, "a2": a2, "a3": a3})
    cache = cache_path(store)
    assert cache is not None
    assert _same_as_from_nothing(store, shapes, cache) == ("full", set())

    # a2 no longer supersedes c1, nor types or names p1: c1 (in a1) breaks the SPARQL constraint
    # and sh:class, e1 (in a3) the nested shape -- three results in graphs that did not change.
    _replace_all(store, {"a1": a1, "a2": PREFIXES + "ex:c2 a ex:Charge .", "a3": a3})
    mode, keys = _same_as_from_nothing(store, shapes, cache)
    assert mode == "incremental"
    assert {(k[0], k[2]) for k in keys} == {
        (URIRef("http://ex/c1"), SH.SPARQLConstraintComponent),
        (URIRef("http://ex/c1"), SH.ClassConstraintComponent),
        (URIRef("http://ex/e1"), SH.NodeConstraintComponent),
    }
    # a new appeal's event also charges c1: its inverse path now has two values
    a4 = PREFIXES + "ex:e2 a ex:Event ; ex:charge ex:c1 ."
    _replace_all(store, {"a1": a1, "a2": PREFIXES + "ex:c2 a ex:Charge .", "a3": a3, "a4": a4})
    mode, keys = _same_as_from_nothing(store, shapes, cache)
    assert mode == "incremental" and (
        URIRef("http://ex/c1"),
        SH.MaxCountConstraintComponent,
    ) in {(k[0], k[2]) for k in keys}
    # fixed again from other graphs: a2 restored, a4 removed
    _replace_all(store, {"a1": a1, "a2": a2, "a3": a3})
    assert _same_as_from_nothing(store, shapes, cache) == ("incremental", set())


PATH_SHAPES = (
    PREFIXES
    + """
ex:EventShape a sh:NodeShape ; sh:targetClass ex:Event ;
    sh:sparql [ a sh:SPARQLConstraint ; sh:message "after its appeal" ;
        sh:select '''SELECT ?this ?value WHERE { ?this <http://ex/date> ?value .
            ?this <http://ex/reportedIn>|<http://ex/evidence>/<http://ex/source> ?appeal .
            ?appeal <http://ex/issued> ?issued . FILTER (?value > ?issued) }''' ] .
"""
)


def test_sparql_constraint_with_a_property_path_is_checked_again_where_it_reads(
    tmp_path: Path,
) -> None:
    """A SPARQL constraint reading the appeal through ``reportedIn|evidence/source`` runs
    again only at the events whose appeal changed, across graphs: the event in a1, its span and
    appeal in a2; an event of a3 with its own appeal is not checked again."""
    shapes = Graph().parse(data=PATH_SHAPES, format="turtle")
    a1 = PREFIXES + 'ex:e1 a ex:Event ; ex:date "2020-05-01" ; ex:evidence ex:span1 .'
    a2 = PREFIXES + 'ex:span1 ex:source ex:ap2 . ex:ap2 ex:issued "2020-06-01" .'
    late = PREFIXES + 'ex:span1 ex:source ex:ap2 . ex:ap2 ex:issued "2020-04-01" .'
    a3 = PREFIXES + 'ex:e3 a ex:Event ; ex:date "2020-05-01" ; ex:reportedIn ex:ap3 .'
    a3 += ' ex:ap3 ex:issued "2020-06-01" .'
    store = _store(tmp_path, {"a1": a1, "a2": a2, "a3": a3})
    cache = cache_path(store)
    assert cache is not None
    assert _same_as_from_nothing(store, shapes, cache) == ("full", set())
    # a2's appeal is now dated before e1 (in a1): a new violation where nothing changed
    _replace_all(store, {"a1": a1, "a2": late, "a3": a3})
    _, report, stats = validate_set_based(store, shapes, cache=cache)
    assert (stats.mode, stats.focus_rechecked) == ("incremental", 1)  # e1 only, not whole
    assert {k[0] for k in _full_keys(report)} == {URIRef("http://ex/e1")}
    _, full, _ = validate_set_based(store, shapes)
    assert _full_keys(report) == _full_keys(full)
    # and fixed from a2 again
    _replace_all(store, {"a1": a1, "a2": a2, "a3": a3})
    _, report, stats = validate_set_based(store, shapes, cache=cache)
    assert (stats.mode, stats.focus_rechecked, _full_keys(report)) == ("incremental", 1, set())


def test_random_edits_incremental_equals_from_nothing(tmp_path: Path) -> None:
    """Rounds of random edits, additions and removals of small appeals over shared nodes: each
    incremental run gives the results of a run from nothing."""
    import random

    rng = random.Random(7)
    shapes = Graph().parse(data=CROSS_SHAPES, format="turtle")
    nodes = [f"ex:c{i}" for i in range(3)] + [f"ex:p{i}" for i in range(3)] + ["ex:e1", "ex:e2"]
    facts = [
        "{c} a ex:Charge .",
        "{c} ex:status ex:superseded .",
        "{c} ex:person {p} .",
        "{c} ex:supersedes {c2} .",
        "{p} a ex:Person .",
        '{p} ex:name "N" .',
        "{e} a ex:Event .",
        "{e} ex:charge {c} .",
        "{e} ex:charge {c} .",
    ]

    def appeal() -> str:
        lines = []
        for _ in range(rng.randrange(1, 5)):
            lines.append(
                rng.choice(facts).format(
                    c=rng.choice(nodes[:3]),
                    c2=rng.choice(nodes[:3]),
                    p=rng.choice(nodes[3:6]),
                    e=rng.choice(nodes[6:]),
                )
            )
        return PREFIXES + "\n".join(lines)

    appeals = {f"a{i}": appeal() for i in range(5)}
    store = _store(tmp_path, appeals)
    cache = cache_path(store)
    assert cache is not None
    modes, seen = [], set()
    assert _same_as_from_nothing(store, shapes, cache)[0] == "full"
    for _ in range(25):
        for _ in range(rng.randrange(1, 3)):
            aid = f"a{rng.randrange(7)}"
            if aid in appeals and rng.random() < 0.3:
                del appeals[aid]
            else:
                appeals[aid] = appeal()
        _replace_all(store, appeals)
        mode, keys = _same_as_from_nothing(store, shapes, cache)
        modes.append(mode)
        seen |= {k[2] for k in keys}
    assert modes.count("incremental") >= 20
    # the rounds met every kind of result the shapes give
    assert {
        SH.SPARQLConstraintComponent,
        SH.ClassConstraintComponent,
        SH.MaxCountConstraintComponent,
        SH.NodeConstraintComponent,
    } <= seen


def test_kept_results_of_a_blank_node_sparql_constraint_are_checked_again(tmp_path: Path) -> None:
    """A SPARQL constraint without an IRI is named between runs (each parsing the shapes
    afresh) as blank-node shapes are, so that its kept results at a changed node are replaced,
    not kept beside the new ones."""
    select = (
        'ex:PersonShape sh:sparql [ sh:message "a nickname without a name" ; sh:select "'
        "SELECT $this WHERE { $this <http://ex/nick> ?n . "
        'FILTER NOT EXISTS { $this <http://ex/name> ?x } }" ] .'
    )

    def shapes() -> Graph:
        return _shapes().parse(data=PREFIXES + select, format="turtle")

    nick = PREFIXES + 'ex:o1 a ex:Org . ex:p2 a ex:Person ; ex:nick "Q" .'
    store = _store(tmp_path, {"a1": FIRST, "a2": nick})
    cache = cache_path(store)
    _, report, _ = validate_set_based(store, shapes(), cache=cache)
    assert (URIRef("http://ex/p2"), None, SH.SPARQLConstraintComponent) in _keys(report)
    _write(store, {"a1": FIRST, "a2": SECOND})
    _, report, stats = validate_set_based(store, shapes(), cache=cache)
    assert stats.mode == "incremental"
    assert not _keys(report)
