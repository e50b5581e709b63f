"""The Oxigraph path for SHACL-SPARQL constraints, checked against the W3C SHACL test suite.

Every test of the suite's ``sparql/`` folder that uses only what kg.check.shacl_sparql supports is
run, and its SPARQL-constraint results are compared with the expected report. The others are listed
in SKIPPED with the reason, as the suite's README asks.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SH
from recordingstore import RecordingStore

from kg.check.shacl_sparql import run_constraints
from kg.errors import KgError
from kg.store import Store

SUITE = Path(__file__).resolve().parents[2] / "shared" / "w3c-shacl-tests" / "sparql"
MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
SHT = "http://www.w3.org/ns/shacl-test#"

# test file (relative to sparql/) -> why it is not run
SKIPPED = {
    "component/validator-001.ttl": "SPARQL-based constraint components are not supported",
    "component/optional-001.ttl": "SPARQL-based constraint components are not supported",
    "component/propertyValidator-select-001.ttl": (
        "SPARQL-based constraint components are not supported"
    ),
    "component/nodeValidator-001.ttl": "SPARQL-based constraint components are not supported",
    "pre-binding/shapesGraph-001.ttl": "$shapesGraph is not supported",
    "pre-binding/unsupported-sparql-006.ttl": (
        "uses a SPARQL-based constraint component (ASK validator); these are refused as a whole"
    ),
}

TESTS = (
    sorted(str(p.relative_to(SUITE)) for p in SUITE.rglob("*.ttl") if p.name != "manifest.ttl")
    if SUITE.is_dir()
    else []
)


def _rows(results: list) -> list[tuple]:
    """A run's results as sorted (focus, message) pairs."""
    return sorted((str(r.focus), r.message) for r in results)


def _expected(g: Graph) -> tuple[bool, set[tuple]]:
    result = next(g.objects(None, URIRef_MF("result")))
    conforms = g.value(result, SH.conforms)
    rows = set()
    for r in g.objects(result, SH.result):
        if g.value(r, SH.sourceConstraintComponent) != SH.SPARQLConstraintComponent:
            continue
        rows.add(
            (
                g.value(r, SH.focusNode),
                g.value(r, SH.resultPath),
                g.value(r, SH.value),
                g.value(r, SH.sourceShape),
            )
        )
    return conforms == Literal(True), rows


def URIRef_MF(local: str):  # noqa: N802 - a namespace helper
    from rdflib import URIRef

    return URIRef(MF + local)


@pytest.mark.skipif(not SUITE.is_dir(), reason="the W3C SHACL test suite (../shared) is not here")
@pytest.mark.parametrize("mode", ["auto", "per-node", "restricted"])
@pytest.mark.parametrize("name", TESTS)
def test_w3c_sparql_suite(name: str, mode: str) -> None:
    """Every path: set-based where safe (auto), the focus IRI written into each query, and
    set-based limited to focus nodes (restricted, as an incremental run is: every focus node
    of each constraint's shape named, its BINDs moved last where they can be)."""
    if name in SKIPPED:
        pytest.skip(SKIPPED[name])
    g = Graph()
    g.parse(SUITE / name, format="turtle")
    store = Store.memory()
    store.add_graph(g, None)
    action = next(g.objects(None, URIRef_MF("action")))
    assert action is not None
    only = None
    if mode == "restricted":
        from kg.check.shacl_sparql import focus_nodes, load_constraints

        with suppress(KgError):  # (a query the engine refuses: refused again below)
            only = {
                (c.shape, c.constraint): set(focus_nodes(store, g, c.shape))
                for c in load_constraints(g)
            }
    run_mode = "auto" if mode == "restricted" else mode
    if next(g.objects(None, URIRef_MF("result"))) == URIRef(SHT + "Failure"):
        # The suite expects a failure: a query the engine must refuse.
        with pytest.raises(KgError):
            run_constraints(store, g, mode=run_mode, only=only)
        return
    expected_conforms, expected = _expected(g)
    results = run_constraints(store, g, mode=run_mode, only=only)
    got = {(r.focus, r.path, r.value, r.shape) for r in results}
    assert got == expected
    assert (not results) == expected_conforms or not expected_conforms


def test_constraint_without_select_is_an_error() -> None:
    g = Graph()
    g.parse(
        data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://ex/> .
        ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:sparql [ sh:message "x" ] .
    """,
        format="turtle",
    )
    with pytest.raises(KgError, match="has no sh:select"):
        run_constraints(Store.memory(), g)
    assert (None, RDF.type, SH.NodeShape) in g


@pytest.mark.parametrize(
    ("where", "safe"),
    [
        ("?this ex:p ?v . FILTER (?v != ?this)", True),
        ("?this ex:p ?v . FILTER NOT EXISTS { ?x ex:q ?this }", True),
        ("?this ex:p ?v . { ?this ex:q ?w FILTER NOT EXISTS { ?this ex:r ?w } }", True),
        ("?this ex:p ?v . { BIND (1 AS ?k) FILTER NOT EXISTS { ?this ex:r ?w } }", False),
        ("?this ex:p ?v . { FILTER (?this = ex:a) }", False),
        ("{ ?this ex:p ?v } UNION { ?this ex:q ?v }", True),
        # A sub-select binding ?this in its own triple pattern gives the pre-bound rows joined.
        ("?this ex:p ?v . { SELECT ?this WHERE { ?this ex:q ?w } }", True),
        ("?this ex:p ?v . { SELECT ?this ?w WHERE { ?this ex:q ?w FILTER (?w != ?this) } }", True),
        ("?this ex:p ?v . OPTIONAL { { SELECT ?this ?w WHERE { ?this ex:q ?w } } }", True),
        # A row leaving ?this unbound would join with every focus node.
        ("?this ex:p ?v . { SELECT ?this WHERE { OPTIONAL { ?this ex:q ?w } } }", False),
        ("?this ex:p ?v . { SELECT ?this ?w WHERE { ?x ex:q ?w } }", False),
        ("?this ex:p ?v . { SELECT ?this WHERE { ?w ex:q ?x . { FILTER (?this = ?w) } } }", False),
        # Aggregates and slices act across all focus nodes at once.
        (
            "?this ex:p ?v . "
            "{ SELECT ?this (COUNT(?w) AS ?n) WHERE { ?this ex:q ?w } GROUP BY ?this }",
            False,
        ),
        ("?this ex:p ?v . { SELECT ?this WHERE { ?this ex:q ?w } LIMIT 1 }", False),
        ("?this ex:p ?v . { SELECT ?this WHERE { ?this ex:q ?w } ORDER BY ?w OFFSET 1 }", False),
        # Nested sub-selects and sub-selects in EXISTS stay per node.
        (
            "?this ex:p ?v . { SELECT ?this WHERE { ?this ex:q ?w "
            "{ SELECT ?this WHERE { ?this ex:r ?u } } } }",
            False,
        ),
        ("?this ex:p ?v . FILTER EXISTS { { SELECT ?this WHERE { ?this ex:q ?w } } }", False),
    ],
)
def test_set_based_only_where_join_equals_pre_binding(where: str, safe: bool) -> None:
    from kg.check.shacl_sparql import set_based_safe

    assert set_based_safe(f"SELECT ?this WHERE {{ {where} }}") is safe


def test_restricted_run_starts_from_its_focus_nodes_and_equals_the_full_run() -> None:
    """Limited to some focus nodes, a constraint's query joins them at the top of its WHERE
    group (where the engine starts from them), not only inside the targets' sub-select; its
    results are the full run's at those nodes."""
    from kg.check.shacl_sparql import compile_set_based, load_constraints

    shapes = Graph().parse(
        data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://ex/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:E ; sh:sparql [
            sh:message "{?value} after {?limit}" ;
            sh:select \"\"\"SELECT $this ?value ?limit WHERE {
                { $this <http://ex/date> ?value } UNION { $this <http://ex/notified> ?value }
                $this <http://ex/in>/<http://ex/issued> ?limit .
                FILTER (?value > ?limit) }\"\"\" ] .
        """,
        format="turtle",
    )
    data = "\n".join(
        f"<http://ex/e{i}> a <http://ex/E> ; <http://ex/date> {i} ; <http://ex/in> <http://ex/a> ."
        for i in range(10)
    )
    store = Store.memory()
    turtle = data + "\n<http://ex/a> <http://ex/issued> 4 ."
    store.add_graph(Graph().parse(data=turtle, format="turtle"), URIRef("http://ex/g"))
    full = {r.focus for r in run_constraints(store, shapes)}
    assert full == {URIRef(f"http://ex/e{i}") for i in range(5, 10)}
    only_nodes = {URIRef("http://ex/e3"), URIRef("http://ex/e7"), URIRef("http://ex/e9")}
    (key,) = {(c.shape, c.constraint) for c in load_constraints(shapes)}
    some = {r.focus for r in run_constraints(store, shapes, only={key: only_nodes})}
    assert some == full & only_nodes

    restrict = "VALUES ?this { <http://ex/e3> }"
    text = compile_set_based("SELECT $this WHERE { $this <http://ex/p> ?v }", "{ T }", restrict)
    assert text is not None
    where = text[text.index("WHERE {") + len("WHERE {") :].lstrip()
    assert where.startswith(restrict)


def test_sub_select_runs_set_based_with_the_rows_of_pre_binding() -> None:
    """A sub-select binding $this runs set-based, joined on ?this: the rows of the per-node run
    (pre-binding by substitution), none for a node outside the targets that breaks the same rule;
    limited to some focus nodes, the sub-select is limited to them too."""
    from kg.check.shacl_sparql import compile_set_based, load_constraints

    shapes = Graph().parse(
        data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://ex/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:E ; sh:sparql [
            sh:message "{?start} not before {?end}" ;
            sh:select \"\"\"SELECT $this ?start ?end WHERE {
                $this <http://ex/start> ?start .
                { SELECT $this ?end WHERE { $this <http://ex/end> ?end } }
                FILTER (!(?start < ?end)) }\"\"\" ] .
        """,
        format="turtle",
    )
    data = """
        @prefix ex: <http://ex/> .
        ex:ok a ex:E ; ex:start 1 ; ex:end 5 .
        ex:backwards a ex:E ; ex:start 9 ; ex:end 5 .
        ex:empty a ex:E ; ex:start 5 ; ex:end 5 .
        ex:two-ends a ex:E ; ex:start 4 ; ex:end 3 , 8 .
        ex:no-end a ex:E ; ex:start 4 .
        ex:not-a-target ex:start 9 ; ex:end 1 .
    """
    store = Store.memory()
    store.add_graph(Graph().parse(data=data, format="turtle"), URIRef("http://ex/g"))

    auto = _rows(run_constraints(store, shapes))
    assert auto == _rows(run_constraints(store, shapes, mode="per-node"))
    assert auto == [
        ("http://ex/backwards", "9 not before 5"),
        ("http://ex/empty", "5 not before 5"),
        ("http://ex/two-ends", "4 not before 3"),
    ]
    (c,) = load_constraints(shapes)
    only = {URIRef("http://ex/two-ends"), URIRef("http://ex/ok")}
    some = _rows(run_constraints(store, shapes, only={(c.shape, c.constraint): only}))
    assert some == [("http://ex/two-ends", "4 not before 3")]

    restrict = "VALUES ?this { <http://ex/ok> }"
    text = compile_set_based(c.query, "{ T }", restrict)
    assert text is not None
    sub = text[text.index("SELECT ?this ?end") :]
    assert sub[sub.index("{") + 1 :].lstrip().startswith(restrict)


@pytest.mark.parametrize(
    ("where", "first"),
    [
        ("?this ex:p ?v . FILTER (?v != ?this)", True),
        ("\n  ?this ex:p/ex:q ?v . BIND (STR(?this) AS ?s)", True),
        # a UNION whose branches all start so binds it too, but is left joined to the targets
        ("{ ?this ex:p ?v } UNION { ?this ex:q ?v . BIND (1 AS ?k) } ?v ex:r ?w", False),
        # the first element does not bind ?this in every row
        ("?v ex:p ?this", False),
        ("BIND (ex:a AS ?k) ?this ex:p ?k", False),
        ("OPTIONAL { ?this ex:p ?v } FILTER (!BOUND(?v))", False),
        ("{ ?this ex:p ?v } UNION { ?x ex:q ?v }", False),
        ("{ ?this ex:p ?v } UNION { BIND (ex:a AS ?v) }", False),
        ("?this ex:p ?v OPTIONAL { ?this ex:q ?w }", True),
        ("?thisOne ex:p ?v", False),
        ("{ SELECT ?this ?v WHERE { ?this ex:p ?v } } ?this ex:q ?w", False),
        ("FILTER (?this != ex:a) ?this ex:p ?v", False),
        ('"?this" ex:p ?v', False),
    ],
)
def test_body_binds_this_first(where: str, first: bool) -> None:
    from kg.check.shacl_sparql import binds_this_first

    assert binds_this_first(where) is first


def test_full_run_tests_the_rows_nodes_against_the_targets_with_the_rows_of_pre_binding() -> None:
    """Over every focus node, a constraint whose first pattern binds $this runs alone and each
    row's node is tested against the targets (one EXISTS), not joined to a table of every focus
    node; the rows are the per-node run's: none for a node outside the targets, a target by
    class through a subclass, by sh:targetNode, by subject and object of a predicate. A first
    element that does not bind $this in every row (OPTIONAL), or a group that uses the test's
    variable names, keeps the join."""
    from kg.check.shacl_sparql import (
        compile_set_based,
        load_constraints,
        target_membership,
        target_pattern,
    )

    shapes = Graph().parse(
        data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://ex/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:E ; sh:targetNode ex:named ;
            sh:targetSubjectsOf ex:flag ; sh:targetObjectsOf ex:points ;
            sh:sparql [ sh:message "{?start} not before {?end}" ;
            sh:select \"\"\"SELECT $this ?start ?end WHERE {
                $this <http://ex/start> ?start .
                { SELECT $this ?end WHERE { $this <http://ex/end> ?end } }
                BIND (STR($this) AS ?name)
                FILTER (!(?start < ?end) && ?name != "http://ex/spared") }\"\"\" ] ,
            [ sh:message "no end" ;
            sh:select \"\"\"SELECT $this WHERE {
                OPTIONAL { $this <http://ex/end> ?end }
                FILTER (!BOUND(?end)) }\"\"\" ] ,
            [ sh:message "{?_member_o}" ;
            sh:select \"\"\"SELECT $this ?_member_o WHERE {
                $this <http://ex/start> ?_member_o .
                FILTER (?_member_o > 8) }\"\"\" ] .
        """,
        format="turtle",
    )
    data = """
        @prefix ex: <http://ex/> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        ex:Sub rdfs:subClassOf ex:E .
        ex:ok a ex:E ; ex:start 1 ; ex:end 5 .
        ex:backwards a ex:Sub ; ex:start 9 ; ex:end 5 .
        ex:named ex:start 5 ; ex:end 5 .
        ex:flagged ex:flag true ; ex:start 4 ; ex:end 3 , 8 .
        ex:x ex:points ex:pointed . ex:pointed ex:start 7 ; ex:end 6 .
        ex:spared a ex:E ; ex:start 9 ; ex:end 1 .
        ex:not-a-target ex:start 9 ; ex:end 1 .
        ex:no-end a ex:E ; ex:start 4 .
    """
    store = Store.memory()
    store.add_graph(Graph().parse(data=data, format="turtle"), URIRef("http://ex/g"))

    auto = _rows(run_constraints(store, shapes))
    assert auto == _rows(run_constraints(store, shapes, mode="per-node"))
    assert auto == [
        ("http://ex/backwards", "9"),
        ("http://ex/backwards", "9 not before 5"),
        ("http://ex/flagged", "4 not before 3"),
        ("http://ex/named", "5 not before 5"),
        ("http://ex/no-end", "no end"),
        ("http://ex/pointed", "7 not before 6"),
        ("http://ex/spared", "9"),
    ]
    forms = {}
    for c in load_constraints(shapes):
        text = compile_set_based(
            c.query, target_pattern(shapes, c.shape), "", target_membership(shapes, c.shape)
        )
        assert text is not None
        forms[str(c.messages[0])] = "FILTER EXISTS" in text and "SELECT DISTINCT" not in text
    assert forms == {"{?start} not before {?end}": True, "no end": False, "{?_member_o}": False}


PARTS_SHAPES = """
    @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://ex/> .
    ex:Span a sh:NodeShape ; sh:targetObjectsOf ex:evidence ; sh:sparql [
        sh:message "{?length} not {?start}-{?end}" ;
        sh:select \"\"\"SELECT $this ?length ?start ?end WHERE {
            $this <http://ex/exact> ?exact .
            { SELECT $this ?start WHERE { $this <http://ex/start> ?start } }
            { SELECT $this ?end WHERE { $this <http://ex/end> ?end } }
            BIND (STRLEN(?exact) AS ?length)
            FILTER (?length != ?end - ?start) }\"\"\" ] .
    ex:Event a sh:NodeShape ; sh:targetSubjectsOf ex:date ; sh:sparql [
        sh:message "{?value} after {?issued}" ;
        sh:select \"\"\"SELECT $this ?value ?issued WHERE {
            $this <http://ex/date> ?value .
            $this <http://ex/in>/<http://ex/issued> ?issued .
            FILTER (?value > ?issued) }\"\"\" ] .
"""

# one graph each: a span whose offsets are stated in two graphs (so in two parts of one graph),
# another stated twice with two ends, a span pointed at from another graph, one that no fact
# points at, and an event dated after its appeal, stated in another graph
PARTS_DATA = {
    "urn:g:1": """ex:f ex:evidence ex:ok , ex:bad , ex:split , ex:split-ok , ex:twice , ex:far .
        ex:ok ex:exact "abc" ; ex:start 0 ; ex:end 3 .
        ex:bad ex:exact "abc" ; ex:start 0 ; ex:end 5 .
        ex:split ex:exact "abc" ; ex:start 0 .
        ex:late ex:date 9 ; ex:in ex:appeal .""",
    "urn:g:2": """ex:split ex:end 5 .
        ex:split-ok ex:exact "ab" ; ex:start 1 .
        ex:appeal ex:issued 5 .""",
    "urn:g:3": """ex:split-ok ex:end 3 .
        ex:twice ex:exact "abc" ; ex:start 0 ; ex:end 3 .
        ex:untargeted ex:exact "abc" ; ex:start 0 ; ex:end 9 .""",
    "urn:g:4": """ex:twice ex:end 4 .
        ex:far ex:exact "a" ; ex:start 0 ; ex:end 2 .""",
}


def _parts_store() -> Store:
    store = Store.memory()
    for name, text in PARTS_DATA.items():
        g = Graph().parse(data="@prefix ex: <http://ex/> . " + text, format="turtle")
        store.add_graph(g, URIRef(name))
    return store


def test_full_run_in_parts_of_the_graphs_has_the_rows_of_the_whole_run(monkeypatch) -> None:
    """A constraint that reads only triples at $this runs over one part of the store's graphs at
    a time; a node whose triples sit in graphs of two parts (offsets stated in two graphs) is
    checked again over every graph, a node pointed at from another part is still a focus node,
    and the rows equal those of the run over every graph and of the per-node run. A constraint
    that reads a chain (an event dated in one part, its appeal's date in another) runs whole."""
    import kg.check.shacl_sparql as ss

    shapes = Graph().parse(data=PARTS_SHAPES, format="turtle")
    store = _parts_store()
    expected = [
        ("http://ex/bad", "3 not 0-5"),
        ("http://ex/far", "1 not 0-2"),
        ("http://ex/late", "9 after 5"),
        ("http://ex/split", "3 not 0-5"),
        ("http://ex/twice", "3 not 0-4"),
    ]
    whole = _rows(run_constraints(store, shapes))
    assert whole == expected
    assert _rows(run_constraints(store, shapes, mode="per-node")) == expected
    monkeypatch.setattr(ss, "PART_NODES", 0)
    for size, parts in ((1, 4), (2, 2), (3, 2)):
        monkeypatch.setattr(ss, "PART_GRAPHS", size)
        timings: list = []
        assert _rows(run_constraints(store, shapes, timings=timings)) == expected
        by = {t["shape"]: t for t in timings}
        assert by["http://ex/Span"]["parts"] == parts
        assert "parts" not in by["http://ex/Event"]  # a chain: read whole
        # in two parts: ex:split, ex:split-ok, ex:twice (graphs 1|2, 2|3, 3|4) as the parts fall
        split = {1: 3, 2: 1, 3: 1}[size]
        assert by["http://ex/Span"]["split"] == split


def test_full_run_in_parts_only_past_its_thresholds(monkeypatch) -> None:
    """Parts are used where the store has more graphs than a part holds and each predicate the
    constraint reads has more triples than PART_NODES, and never where the default graph itself
    holds triples (no dataset could name them); each way, the same rows."""
    import kg.check.shacl_sparql as ss

    shapes = Graph().parse(data=PARTS_SHAPES, format="turtle")
    store = _parts_store()
    expected = _rows(run_constraints(store, shapes))

    def parts_used() -> int | None:
        timings: list = []
        assert _rows(run_constraints(store, shapes, timings=timings)) == expected
        return {t["shape"]: t for t in timings}["http://ex/Span"].get("parts")

    monkeypatch.setattr(ss, "PART_NODES", 0)
    monkeypatch.setattr(ss, "PART_GRAPHS", 4)  # the store's 4 graphs: one part
    assert parts_used() is None
    monkeypatch.setattr(ss, "PART_GRAPHS", 3)
    assert parts_used() == 2
    monkeypatch.setattr(ss, "PART_NODES", 7)  # ex:exact's and ex:start's triples: 7 each
    assert parts_used() is None
    monkeypatch.setattr(ss, "PART_NODES", 6)
    assert parts_used() == 2
    store.add_graph(Graph().parse(data="<http://ex/d> <http://ex/p> 1 .", format="turtle"), None)
    assert parts_used() is None


NOT_AFTER = """
    { $this <http://ex/date> ?value . BIND (<http://ex/date> AS ?path)
      FILTER NOT EXISTS { $this <http://ex/scheduled> true } }
    UNION
    { $this <http://ex/notified> ?value . BIND (<http://ex/notified> AS ?path) }
    BIND (STR(?value) AS ?d)
    BIND (IF(STRLEN(?d) = 4, CONCAT(?d, "-01-01"), ?d) AS ?earliest)
    $this <http://ex/in> ?appeal .
    ?appeal <http://ex/issued> ?issued .
    BIND (STR(?issued) AS ?latest)
    FILTER (?earliest > ?latest && regex(?d, "^[0-9]"))
"""


def test_binds_last_moves_the_groups_own_binds_after_its_patterns() -> None:
    from kg.check.shacl_sparql import binds_last

    moved = binds_last(NOT_AFTER)
    lines = [line.strip() for line in moved.strip().splitlines()]
    assert lines[-3:] == [
        "BIND (STR(?value) AS ?d)",
        'BIND (IF(STRLEN(?d) = 4, CONCAT(?d, "-01-01"), ?d) AS ?earliest)',
        "BIND (STR(?issued) AS ?latest)",
    ]
    # the BINDs inside the union's branches and the FILTERs stay where they are
    assert moved.count("AS ?path)") == 2 and moved.index("AS ?path") < moved.index("UNION")
    assert moved.index("?appeal <http://ex/issued>") < moved.index("AS ?d)")
    assert "FILTER (?earliest > ?latest" in moved


@pytest.mark.parametrize(
    "body",
    [
        # the bound variable read by a later pattern: the BIND joins, it cannot move
        "$this <http://ex/p> ?v . BIND (STR(?v) AS ?s) ?x <http://ex/label> ?s .",
        # ... or by an OPTIONAL after it
        "$this <http://ex/p> ?v . BIND (1 AS ?n) OPTIONAL { $this <http://ex/q> ?n }",
        # brackets that do not close
        "$this <http://ex/p> ?v . BIND (STR(?v) AS ?s",
        # no BIND of the group's own
        "{ $this <http://ex/p> ?v . BIND (1 AS ?n) } UNION { $this <http://ex/q> ?v }",
    ],
)
def test_binds_last_leaves_a_group_whose_binds_cannot_move(body: str) -> None:
    from kg.check.shacl_sparql import binds_last

    assert binds_last(body) == body


def test_a_restricted_run_with_its_binds_moved_gives_the_full_runs_results() -> None:
    """Events dated or notified after their appeal (years, full dates, a scheduled one): the
    run limited to some events, with its BINDs last, finds what the full run finds there."""
    from kg.check.shacl_sparql import load_constraints

    shapes = Graph().parse(
        data=f"""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <http://ex/S> a sh:NodeShape ; sh:targetSubjectsOf <http://ex/in> ; sh:sparql [
            sh:message "{{?value}} after {{?appeal}}" ;
            sh:select \"\"\"SELECT $this ?path ?value ?appeal WHERE {{ {NOT_AFTER} }}\"\"\" ] .
        """,
        format="turtle",
    )
    lines = ['<http://ex/a> <http://ex/issued> "2020-06-01" .']
    events = [
        ("2019", None, False), ("2021", None, False), ("2020-07-01", None, True),
        ("2020-05-01", "2020-08-01", False), ("2020-06-01", None, False),
        ("2022-01-01", None, False),
    ]  # fmt: skip
    for i, (date, notified, scheduled) in enumerate(events):
        event = f"<http://ex/e{i}>"
        lines.append(f'{event} <http://ex/in> <http://ex/a> ; <http://ex/date> "{date}" .')
        if notified:
            lines.append(f'{event} <http://ex/notified> "{notified}" .')
        if scheduled:
            lines.append(f"{event} <http://ex/scheduled> true .")
    store = Store.memory()
    store.add_graph(Graph().parse(data="\n".join(lines), format="turtle"), URIRef("http://ex/g"))
    full = _rows(run_constraints(store, shapes))
    assert [focus for focus, _m in full] == ["http://ex/e1", "http://ex/e3", "http://ex/e5"]
    (key,) = {(c.shape, c.constraint) for c in load_constraints(shapes)}
    nodes = {URIRef(f"http://ex/e{i}") for i in (0, 1, 2, 3)}
    some = _rows(run_constraints(store, shapes, only={key: nodes}))
    assert some == [row for row in full if URIRef(row[0]) in nodes]
    assert some == _rows(run_constraints(store, shapes, only={key: nodes}, mode="per-node"))


def test_a_restricted_run_lists_its_focus_nodes_instead_of_joining_the_targets() -> None:
    """Limited to some nodes, a constraint's targets are looked up first and the query lists
    the focus nodes found (a node that is not one is left out); its targets are not joined as
    a sub-select, which the engine evaluated alone and then joined with the constraint's
    patterns read over the whole store. With no focus node left, the constraint is not run."""
    from kg.check.shacl_sparql import load_constraints

    shapes = Graph().parse(
        data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://ex/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:E ; sh:sparql [
            sh:message "late" ;
            sh:select \"\"\"SELECT $this ?value WHERE { $this <http://ex/date> ?value .
                FILTER (?value > 4) }\"\"\" ] ;
            sh:sparql [ sh:message "odd" ;
            sh:select \"\"\"SELECT $this ?value WHERE { $this <http://ex/date> ?value .
                FILTER (?value = 3) }\"\"\" ] .
        """,
        format="turtle",
    )
    store = RecordingStore()
    data = "\n".join(f"<http://ex/e{i}> a <http://ex/E> ; <http://ex/date> {i} ." for i in range(8))
    data += "\n<http://ex/x> <http://ex/date> 9 ."  # a late node that is no focus node
    store.add_graph(Graph().parse(data=data, format="turtle"), URIRef("http://ex/g"))
    keys = sorted({(c.shape, c.constraint) for c in load_constraints(shapes)})
    some = {URIRef("http://ex/e2"), URIRef("http://ex/e6"), URIRef("http://ex/x")}
    found = {r.focus for r in run_constraints(store, shapes, only=dict.fromkeys(keys, some))}
    assert found == {URIRef("http://ex/e6")}
    lookup, *checks = store.sent  # the two constraints' targets looked up once
    assert "<http://ex/x>" in lookup and len(checks) == 2
    for check in checks:
        assert "VALUES ?this { <http://ex/e2> <http://ex/e6> }" in check
        assert "<http://ex/x>" not in check and "SELECT DISTINCT ?this" not in check

    store.sent.clear()
    assert run_constraints(store, shapes, only=dict.fromkeys(keys, {URIRef("http://ex/x")})) == []
    assert len(store.sent) == 1  # the lookup alone
