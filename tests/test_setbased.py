"""The default validation engine over a store (kg.check.setbased): incremental runs give the
results of a full run, and check again only what a change can reach."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SH

from kg.check.setbased import cache_path, reach, validate_set_based
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


def test_reach_counts_the_steps_shapes_read() -> None:
    steps, forward, backward = reach(_shapes())  # type: ignore[misc]
    assert steps == 1  # sh:class reads the value's type: one step from the focus node
    assert forward == {URIRef("http://ex/name"), URIRef("http://ex/org")} and not backward
    nested = _shapes().parse(
        data=PREFIXES + "ex:S sh:targetClass ex:A ; sh:property [ sh:path [ sh:inversePath ex:r ] ;"
        " sh:node [ sh:property [ sh:path ex:q ; sh:class ex:B ] ] ] .",
        format="turtle",
    )
    steps, forward, backward = reach(nested)  # type: ignore[misc]
    assert steps == 2 and backward == {URIRef("http://ex/r")}
    sequence = _shapes().parse(
        data=PREFIXES + "ex:T sh:targetNode ex:a ; sh:property [ sh:path ( ex:p [ sh:inversePath "
        "ex:q ] ) ; sh:class ex:C ] .",
        format="turtle",
    )
    steps, forward, backward = reach(sequence)  # type: ignore[misc]
    assert steps == 2 and URIRef("http://ex/p") in forward and backward == {URIRef("http://ex/q")}
    alternative = _shapes().parse(
        data=PREFIXES + "ex:T sh:targetNode ex:a ; sh:property [ sh:path [ sh:alternativePath "
        "( ex:p ex:q ) ] ; sh:minCount 1 ] .",
        format="turtle",
    )
    assert reach(alternative) is None  # incremental runs check everything


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
