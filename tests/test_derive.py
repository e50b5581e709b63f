"""Derivation around a change (kg/store/derive.py): which rules are rooted, and the derived graph
an incremental update gives against the one the rules give over the whole store."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.store.build import rules
from kg.store.derive import derive_changes, rule_shape, shapes_of
from kg.store.stream import _derive
from kg.vocab import DERIVED_GRAPH, ONTOLOGY_DIR

AKG = "https://w3id.org/appeals-kg/ontology#"
ORG = "http://www.w3.org/ns/org#"
OA = "http://www.w3.org/ns/oa#"
DCT = "http://purl.org/dc/terms/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
ID = "https://w3id.org/appeals-kg/id/"
G = "https://w3id.org/appeals-kg/graph/appeal/"
DERIVED = ox.NamedNode(str(DERIVED_GRAPH))
PREFIX = f"PREFIX akg: <{AKG}>\nPREFIX org: <{ORG}>\n"


def test_the_project_rules_are_rooted_or_run_whole_alone() -> None:
    shapes = {s.name: s for s in shapes_of(ONTOLOGY_DIR)}
    assert shapes.keys() == {name for name, _ in rules(ONTOLOGY_DIR)}
    whole = {n: s.why for n, s in shapes.items() if not s.roots and not s.graph}
    assert whole == {}, whole
    # one GRAPH pattern, its graph not in the template: run again per changed graph
    assert {n: s.graph for n, s in shapes.items() if s.graph} == {
        "complainant-position.rq": "appeal",
        "complaint-target.rq": "graph",
        "official-named.rq": "graph",
        "official-post.rq": "graph",
    }
    # GROUP_CONCAT's value is a shortcut's object, made canonical: the rule is rooted
    assert shapes["appeal-count.rq"].roots == ("entity",)
    assert shapes["appeal-count.rq"].depth == 3  # evidence, source, identifier
    assert shapes["appeal-count.rq"].concat == ((AKG + "appealIdentifiers", " | "),)
    # a rule run whole replaces its own shortcuts: no other rule may make their predicates
    for name in whole:
        others = [s.made for n, s in shapes.items() if n != name]
        assert shapes[name].made and all(
            m is not None and not m & shapes[name].made for m in others
        )
    assert shapes["eli-org-terms.rq"].made == {
        "http://data.europa.eu/eli/ontology#" + p
        for p in ("number", "date_document", "jurisdiction", "type_document")
    } | {ORG + "classification"}
    assert shapes["acting-body.rq"].roots == ("event",)
    assert shapes["acting-body.rq"].depth == 3  # event, participation, participant, type
    assert shapes["first-mention.rq"].roots == ("fact",)
    assert shapes["first-mention.rq"].depth == 2  # the path's two steps
    assert shapes["member-of.rq"].roots == ("post", "m")  # one root a UNION branch
    assert shapes["first-mention.rq"].subject_is_root
    # the defender is reached from the event, then his involvement backward from him
    assert shapes["concerns-defender.rq"].roots == ("event",)
    assert AKG + "agent" in (shapes["concerns-defender.rq"].backward or ())
    assert not shapes["case-role.rq"].subject_is_root


@pytest.mark.parametrize(
    ("where", "why"),
    [
        ("GRAPH ?b { ?a akg:p ?c }", "uses Graph"),  # the graph in the template
        ("GRAPH <urn:x:g> { ?a akg:p ?b }", "uses Graph"),
        ("GRAPH ?g { ?a akg:p ?b } ?a akg:q ?c", "uses Graph"),  # a pattern outside it
        ("<urn:x:a> akg:p <urn:x:b> . ?a akg:q ?b", "a pattern with no variable"),
        ("?a ^akg:p ?b", "property path"),
        ("?a akg:p* ?b", "property path"),
        ("?a akg:p ?b . ?c akg:q ?d", "no variable reaches every pattern"),
        ("{ SELECT ?b (COUNT(?a) AS ?n) WHERE { ?a akg:p ?b } GROUP BY ?b } ?a akg:q ?b",
         "groups by something other"),
        ("?a akg:p ?b } LIMIT 5 #", "uses Slice"),
        ("?a akg:p ?b . { SELECT ?a (GROUP_CONCAT(?c) AS ?j) WHERE { ?a akg:q ?c } GROUP BY ?a }"
         " FILTER(STRSTARTS(?j, 'x'))", "Aggregate_GroupConcat"),
        ("{ SELECT ?a (GROUP_CONCAT(?c) AS ?b) WHERE { ?a akg:q ?c } GROUP BY ?a }"
         " FILTER(STRENDS(?b, 'x'))", "Aggregate_GroupConcat"),
        ("{ SELECT ?a (CONCAT(GROUP_CONCAT(?c), '.') AS ?b) WHERE { ?a akg:q ?c } GROUP BY ?a }",
         "Aggregate_GroupConcat"),
    ],
)  # fmt: skip
def test_a_rule_that_is_not_rooted_runs_whole(where: str, why: str) -> None:
    shape = rule_shape("x.rq", f"{PREFIX}CONSTRUCT {{ ?a akg:x ?b }} WHERE {{ {where} }}")
    assert shape.roots == () and shape.graph == ""
    assert why in shape.why


def test_a_rule_in_one_graph_pattern_is_graph_local() -> None:
    where = "GRAPH ?g { ?a akg:p ?c . { ?c akg:q ?b } UNION { ?c akg:r ?b } }"
    shape = rule_shape("x.rq", f"{PREFIX}CONSTRUCT {{ ?a akg:x ?b }} WHERE {{ {where} }}")
    assert shape.roots == () and shape.graph == "g" and shape.why == ""
    assert shape.made == {AKG + "x"}
    # without the graphs a change touched, a graph-local rule cannot be updated
    store = ox.Store()
    assert derive_changes(store, store, [shape], DERIVED, set(), set(), 0) is None
    assert derive_changes(store, store, [shape], DERIVED, set(), set(), 0, graphs=set()) == 0


def test_a_group_concat_a_shortcut_takes_is_joined_in_sorted_order() -> None:
    from kg.store.derive import canonical_triples

    text = (
        f"{PREFIX}CONSTRUCT {{ ?a akg:x ?j ; akg:n ?n }} WHERE {{ SELECT ?a (COUNT(?c) AS ?n)"
        " (GROUP_CONCAT(?c; separator=', ') AS ?j) WHERE { ?a akg:p|akg:q/akg:r ?c } GROUP BY ?a }"
    )
    shape = rule_shape("x.rq", text)
    assert shape.roots == ("a",) and shape.depth == 2
    assert shape.concat == ((AKG + "x", ", "),)
    s, x, n = ox.NamedNode("urn:x:s"), ox.NamedNode(AKG + "x"), ox.NamedNode(AKG + "n")
    given = [
        ox.Triple(s, x, ox.Literal("b, c, a")),
        ox.Triple(s, x, ox.Literal("b, a", language="en")),
        ox.Triple(s, n, ox.Literal("b, a")),  # not a GROUP_CONCAT's value: as it was
    ]
    assert list(canonical_triples(given, shape.concat)) == [
        ox.Triple(s, x, ox.Literal("a, b, c")),
        ox.Triple(s, x, ox.Literal("a, b", language="en")),
        ox.Triple(s, n, ox.Literal("b, a")),
    ]


def test_a_rule_run_whole_that_shares_a_predicate_makes_everything_run_whole() -> None:
    """A rule that is not rooted and makes a predicate another rule makes: derive_changes
    changes nothing and says so (the caller runs every rule)."""
    store = ox.Store()
    whole = rule_shape("x.rq", f"{PREFIX}CONSTRUCT {{ ?a akg:x ?b }} WHERE {{ ?a akg:p* ?b }}")
    rooted = rule_shape("y.rq", f"{PREFIX}CONSTRUCT {{ ?a akg:x ?b }} WHERE {{ ?a akg:q ?b }}")
    other = rule_shape("z.rq", f"{PREFIX}CONSTRUCT {{ ?a akg:z ?b }} WHERE {{ ?a akg:q ?b }}")
    assert derive_changes(store, store, [whole, rooted], DERIVED, set(), set(), 0) is None
    assert derive_changes(store, store, [whole, other], DERIVED, set(), set(), 0) == 0


def _n(local: str) -> ox.NamedNode:
    return ox.NamedNode(local if ":" in local else ID + local)


def _quads(spec: list[tuple[str, str, object, str]]) -> list[ox.Quad]:
    out = []
    for s, p, o, g in spec:
        obj = o if isinstance(o, ox.Literal) else _n(str(o))
        out.append(ox.Quad(_n(s), ox.NamedNode(p), obj, ox.NamedNode(G + g)))
    return out


def _span(fact: str, span: str, start: int, graph: str) -> list[tuple[str, str, object, str]]:
    num = ox.Literal(str(start), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    return [
        (fact, AKG + "evidence", span, graph),
        (span, OA + "start", num, graph),
    ]


BASE = [
    # a1: an event whose agent is a body typed in a2's graph only (a join across graphs)
    ("e1", AKG + "participation", "pt1", "a1"),
    ("pt1", AKG + "role", "https://w3id.org/appeals-kg/vocab/role/agent", "a1"),
    ("pt1", AKG + "participant", "body", "a1"),
    ("body", RDF_TYPE, AKG + "Organisation", "a2"),
    # p is a member of o twice over: a post (a1) and a membership (a2)
    ("post", ORG + "heldBy", "p", "a1"),
    ("post", ORG + "postIn", "o", "a1"),
    ("m", RDF_TYPE, ORG + "Membership", "a2"),
    ("m", ORG + "member", "p", "a2"),
    ("m", ORG + "organization", "o", "a2"),
    # a3 states a shortcut the rules also give
    ("post3", ORG + "heldBy", "q", "a3"),
    ("post3", ORG + "postIn", "o", "a3"),
    ("q", AKG + "memberOf", "o", "a3"),
    # p is a defender (a5) and o, where he holds a post, takes part in e2 (a1)
    ("inv", AKG + "role", "https://w3id.org/appeals-kg/vocab/role/defender", "a5"),
    ("inv", AKG + "agent", "p", "a5"),
    ("e2", AKG + "participation", "pt2", "a1"),
    ("pt2", AKG + "participant", "o", "a1"),
    *_span("p", "s1", 40, "a1"),
    *_span("p", "s2", 10, "a2"),
    # p is a person reported in one appeal (appeal-count.rq)
    ("p", RDF_TYPE, AKG + "Person", "a1"),
    ("p", AKG + "reportedIn", "ap1", "a1"),
    ("ap1", DCT + "identifier", ox.Literal("ap-1"), "a1"),
    # c1 (a9) is a complaint by r, who holds post9 in a9 and post10 in a10, where he takes
    # part in no complaint (complainant-position.rq: only post9 is his complaint's)
    ("c1", AKG + "eventType", "https://w3id.org/appeals-kg/vocab/event-type/complaint", "a9"),
    ("c1", AKG + "participation", "cp1", "a9"),
    ("cp1", AKG + "role", "https://w3id.org/appeals-kg/vocab/role/agent", "a9"),
    ("cp1", AKG + "participant", "r", "a9"),
    ("post9", ORG + "heldBy", "r", "a9"),
    ("post9", ORG + "postIn", "o9", "a9"),
    ("post10", ORG + "heldBy", "r", "a10"),
    ("post10", ORG + "postIn", "o10", "a10"),
]


def _union(store: ox.Store) -> set[ox.Triple]:
    return {q.triple for q in store if q.graph_name != DERIVED}


def _derived(store: ox.Store) -> set[ox.Triple]:
    return {q.triple for q in store.quads_for_pattern(None, None, None, DERIVED)}


def _touched(before: ox.Store, after: ox.Store) -> set[str]:
    """The graphs whose quads differ (as a build's delta names them)."""
    old = {q for q in before if q.graph_name != DERIVED}
    new = {q for q in after if q.graph_name != DERIVED}
    return {str(q.graph_name.value) for q in old ^ new}


@pytest.mark.parametrize(
    ("remove", "add", "changes"),
    [
        # the body's type goes: the event's acting body goes with it
        ([("body", RDF_TYPE, AKG + "Organisation", "a2")], [], True),
        # an authority comes: it is the acting body, the agent no longer is (NOT EXISTS)
        ([], [("e1", AKG + "authority", "court", "a1")], True),
        # a person (typed in a1) as authority comes: he acted, the agent stays the acting body
        ([], [("e1", AKG + "authority", "p", "a3")], True),
        # a person as authority, then typed an organisation in another graph: the body goes
        (
            [],
            [("e1", AKG + "authority", "p", "a3"), ("p", RDF_TYPE, AKG + "Organisation", "a4")],
            True,
        ),
        # the post goes, the membership stays: p is still a member of o
        ([("post", ORG + "heldBy", "p", "a1")], [], False),
        # both go: p is no longer a member
        ([("post", ORG + "heldBy", "p", "a1"), ("m", ORG + "member", "p", "a2")], [], True),
        # a3 no longer states the shortcut: the rules' answer comes back into the derived graph
        ([("q", AKG + "memberOf", "o", "a3")], [], True),
        # a graph now states a derived shortcut: it leaves the derived graph
        ([], [("p", AKG + "memberOf", "o", "a1")], True),
        # p is no longer a defender: e2 no longer concerns him (found walking backward)
        ([("inv", AKG + "agent", "p", "a5")], [], True),
        # the earliest span goes: the first mention moves to the other
        ([t for t in BASE if t[3] == "a2" and t[0] in ("p", "s2", "s2-sel")], [], True),
        # p is reported in a second appeal: his count and identifiers change
        (
            [],
            [
                ("p", AKG + "reportedIn", "ap2", "a6"),
                ("ap2", DCT + "identifier", ox.Literal("ap-2"), "a6"),
            ],
            True,
        ),
        # p is reported in two more appeals, whose identifiers sort before and after his
        # first: the identifiers are joined in sorted order, whatever order a run met them in
        (
            [],
            [
                ("p", AKG + "reportedIn", "ap3", "a7"),
                ("ap3", DCT + "identifier", ox.Literal("ap-3"), "a7"),
                ("p", AKG + "reportedIn", "ap0", "a8"),
                ("ap0", DCT + "identifier", ox.Literal("ap-0"), "a8"),
            ],
            True,
        ),
        # a new, earlier span in a new graph
        ([], _span("p", "s0", 3, "a4"), True),
        # the complainant's post in his complaint's appeal goes: so does the shortcut to it
        ([("post9", ORG + "heldBy", "r", "a9")], [], True),
        # a membership in his complaint's appeal comes: a second shortcut
        (
            [],
            [("m9", ORG + "member", "r", "a9"), ("m9", ORG + "organization", "o", "a9")],
            True,
        ),
        # another complaint by r in a10: his post there is that complaint's, not c1's
        (
            [],
            [
                (
                    "c2",
                    AKG + "eventType",
                    "https://w3id.org/appeals-kg/vocab/event-type/complaint",
                    "a10",
                ),
                ("c2", AKG + "participation", "cp2", "a10"),
                ("cp2", AKG + "role", "https://w3id.org/appeals-kg/vocab/role/agent", "a10"),
                ("cp2", AKG + "participant", "r", "a10"),
            ],
            True,
        ),
        # a10 goes: r is no longer a member of o10; c1's shortcut stays
        ([t for t in BASE if t[3] == "a10"], [], True),
        # a9 goes: the shortcut with it
        ([t for t in BASE if t[3] == "a9"], [], True),
    ],
)
def test_the_update_gives_what_the_rules_give_over_the_whole_store(
    remove: list, add: list, changes: bool, tmp_path: Path
) -> None:
    # On disk, as in a build: a store in memory gives GROUP_CONCAT's values in the order they
    # were added, one on disk in the order of its index, the same for the same triples.
    before = ox.Store(str(tmp_path / "before"))
    before.extend(_quads(BASE))
    size = _derive(before, ONTOLOGY_DIR)

    after = ox.Store(str(tmp_path / "after"))
    after.extend(before)
    for q in _quads(remove):
        after.remove(q)
    after.extend(_quads(add))
    added, removed = _union(after) - _union(before), _union(before) - _union(after)
    assert added or removed
    new_size = derive_changes(
        after, before, shapes_of(ONTOLOGY_DIR), DERIVED, added, removed, size,
        graphs=_touched(before, after),
    )  # fmt: skip

    expected = ox.Store(str(tmp_path / "expected"))
    expected.extend(q for q in after if q.graph_name != DERIVED)
    expected_size = _derive(expected, ONTOLOGY_DIR)
    assert _derived(after) == _derived(expected)
    assert new_size == expected_size == len(_derived(after))
    assert (_derived(after) != _derived(before)) == changes


def test_a_change_past_either_bound_leaves_the_derived_graph_alone(tmp_path: Path) -> None:
    """Past ``max_roots`` or ``max_neighbourhood`` nothing is changed and None asks the caller
    to run the rules whole; within them the same change is derived around it."""
    before = ox.Store(str(tmp_path / "before"))
    before.extend(_quads(BASE))
    size = _derive(before, ONTOLOGY_DIR)
    after = ox.Store(str(tmp_path / "after"))
    after.extend(before)
    for q in _quads([("inv", AKG + "agent", "p", "a5")]):
        after.remove(q)
    added, removed = _union(after) - _union(before), _union(before) - _union(after)
    shapes = shapes_of(ONTOLOGY_DIR)
    kept = _derived(after)
    touched = _touched(before, after)
    for bound in ({"max_roots": 0}, {"max_neighbourhood": 0}):
        assert (
            derive_changes(
                after, before, shapes, DERIVED, added, removed, size, graphs=touched, **bound
            )
            is None
        )
        assert _derived(after) == kept
    assert (
        derive_changes(after, before, shapes, DERIVED, added, removed, size, graphs=touched)
        is not None
    )
    assert _derived(after) != kept


def test_a_change_the_rules_do_not_read_reaches_no_roots(tmp_path: Path) -> None:
    """A recurring defender's new spelling and an event's new note and date are read by no
    rule: the update stays within a bound of 5 roots although the defender takes part in 40
    events (before, his every event was a root of each rule over participations), and it
    gives what the rules give over the whole store. A change a rule reads still counts."""
    spec = list(BASE)
    for i in range(40):
        spec += [
            (f"ev{i}", AKG + "participation", f"pp{i}", f"b{i}"),
            (f"pp{i}", AKG + "participant", "p", f"b{i}"),
            (f"pp{i}", AKG + "role", "https://w3id.org/appeals-kg/vocab/role/agent", f"b{i}"),
            (f"ev{i}", AKG + "date", ox.Literal(f"2020-01-{i % 28 + 1:02d}"), f"b{i}"),
        ]
    before = ox.Store(str(tmp_path / "before"))
    before.extend(_quads(spec))
    size = _derive(before, ONTOLOGY_DIR)
    after = ox.Store(str(tmp_path / "after"))
    after.extend(before)
    after.remove(_quads([("ev3", AKG + "date", ox.Literal("2020-01-04"), "b3")])[0])
    after.extend(
        _quads(
            [
                ("p", "http://www.w3.org/2004/02/skos/core#altLabel", ox.Literal("Pp"), "b7"),
                ("ev3", AKG + "date", ox.Literal("2020-01-03"), "b3"),
                ("ev5", "http://www.w3.org/2000/01/rdf-schema#comment", ox.Literal("n"), "b5"),
            ]
        )
    )
    added, removed = _union(after) - _union(before), _union(before) - _union(after)
    shapes = shapes_of(ONTOLOGY_DIR)
    new_size = derive_changes(
        after, before, shapes, DERIVED, added, removed, size, max_roots=5,
        graphs=_touched(before, after),
    )  # fmt: skip
    expected = ox.Store(str(tmp_path / "expected"))
    expected.extend(q for q in after if q.graph_name != DERIVED)
    assert new_size == _derive(expected, ONTOLOGY_DIR) == len(_derived(after))
    assert _derived(after) == _derived(expected)

    # p typed an organisation is read by the rule over acting bodies: his 40 events are its
    # roots again, past the bound
    more = _quads([("p", RDF_TYPE, AKG + "Organisation", "b0")])
    after.extend(more)
    typed = {more[0].triple}
    touched = _touched(before, after)
    assert (
        derive_changes(
            after, before, shapes, DERIVED, typed, set(), size, max_roots=5, graphs=touched
        )
        is None
    )
    assert derive_changes(
        after, before, shapes, DERIVED, typed, set(), size, max_roots=900, graphs=touched
    )


def test_a_rule_is_parsed_once_for_its_analysis_and_its_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full build asks for each rule's shape before and while it runs the rules: rdflib
    parses each rule once; a changed text is parsed again, and a rule that does not parse
    is refused every time it is asked for."""
    import rdflib.plugins.sparql as rdflib_sparql

    from kg.errors import DataError

    parsed: list[str] = []
    real = rdflib_sparql.prepareQuery

    def counting(text: str, *a: object, **k: object) -> object:
        parsed.append(text)
        return real(text, *a, **k)

    monkeypatch.setattr(rdflib_sparql, "prepareQuery", counting)
    rule_shape.cache_clear()
    project = rules(ONTOLOGY_DIR)
    first = shapes_of(ONTOLOGY_DIR)
    store = ox.Store(str(tmp_path / "store"))
    _derive(store, ONTOLOGY_DIR, tmp_path)
    assert sorted(parsed) == sorted(text for _name, text in project)
    assert shapes_of(ONTOLOGY_DIR) == first
    name, text = project[0]
    changed = text.replace("CONSTRUCT", "# changed\nCONSTRUCT", 1)
    assert rule_shape(name, changed).text == changed
    assert parsed[-1] == changed and len(parsed) == len(project) + 1
    for _ in range(2):
        with pytest.raises(DataError, match="rule broken.rq"):
            rule_shape("broken.rq", "CONSTRUCT { ?s ?p ?o } WHERE {")
    assert len(parsed) == len(project) + 3


def test_a_complainant_position_is_the_one_his_complaint_appeal_states(tmp_path: Path) -> None:
    """complainant-position.rq links the complaint's agent participation to the post its
    person holds in the complaint's appeal (a9), not to his post in another appeal (a10)."""
    store = ox.Store(str(tmp_path / "s"))
    store.extend(_quads(BASE))
    _derive(store, ONTOLOGY_DIR)
    found = {
        (q.subject, q.object)
        for q in store.quads_for_pattern(None, ox.NamedNode(AKG + "complainantPosition"), None)
    }
    assert found == {(_n("cp1"), _n("post9"))}


def test_a_root_must_take_the_steps_its_rule_needs() -> None:
    """The steps a rule needs of its root, per UNION branch: those joined at the top of the
    pattern, not those of an OPTIONAL's right side, a MINUS or a FILTER NOT EXISTS."""
    shapes = {shape.name: shape for shape in shapes_of(ONTOLOGY_DIR)}
    case_role = shapes["case-role.rq"].needs
    assert case_role == (
        (
            (frozenset({AKG + "agent"}), True),
            (frozenset({AKG + "evidence", AKG + "reportedIn"}), True),
            (frozenset({AKG + "role"}), True),
        ),
    )
    assert shapes["first-mention.rq"].needs == (((frozenset({AKG + "evidence"}), True),),)
    shape = rule_shape(
        "t.rq",
        PREFIX + "CONSTRUCT { ?e akg:x ?b } WHERE { ?e akg:authority ?b . akg:c akg:agent ?e . "
        "OPTIONAL { ?e akg:date ?d } MINUS { ?e akg:role ?r } "
        "FILTER NOT EXISTS { ?e akg:isFinal true } }",
    )
    assert shape.needs == (
        ((frozenset({AKG + "agent"}), False), (frozenset({AKG + "authority"}), True)),
    )


def test_a_new_mention_of_a_hub_reaches_only_the_rules_it_can_root(tmp_path: Path) -> None:
    """An organisation 40 appeals name (an issuer) gets a new mention in a new appeal: of the
    rules that read evidence and the appeals it points at, only those whose root it can be
    (its count of appeals, its first mention) start from it, so the update stays within 4
    roots (before, each rule over involvements, events and positions took it as a root and
    walked into every appeal naming it), and gives what the rules give over the whole store."""
    spec = list(BASE)
    spec.append(("hub", RDF_TYPE, AKG + "Organisation", "h0"))
    for i in range(40):
        spec += [
            *_span("hub", f"hs{i}", 100 + i, f"h{i}"),
            (f"hs{i}", OA + "hasSource", f"hap{i}", f"h{i}"),
            (f"hap{i}", DCT + "identifier", ox.Literal(f"h-{i:02d}"), f"h{i}"),
            (f"hap{i}", AKG + "aboutCase", f"hc{i}", f"h{i}"),
            (f"hi{i}", AKG + "agent", "p", f"h{i}"),
            (f"hi{i}", AKG + "role", "https://w3id.org/appeals-kg/vocab/role/defender", f"h{i}"),
            (f"hi{i}", AKG + "reportedIn", f"hap{i}", f"h{i}"),
        ]
    before = ox.Store(str(tmp_path / "before"))
    before.extend(_quads(spec))
    size = _derive(before, ONTOLOGY_DIR)
    after = ox.Store(str(tmp_path / "after"))
    after.extend(before)
    after.extend(
        _quads(
            [
                *_span("hub", "hsNew", 7, "hNew"),
                ("hsNew", OA + "hasSource", "hapNew", "hNew"),
                ("hapNew", DCT + "identifier", ox.Literal("h-new"), "hNew"),
                ("hapNew", AKG + "aboutCase", "hcNew", "hNew"),
            ]
        )
    )
    added, removed = _union(after) - _union(before), _union(before) - _union(after)
    new_size = derive_changes(
        after, before, shapes_of(ONTOLOGY_DIR), DERIVED, added, removed, size, max_roots=4,
        graphs=_touched(before, after),
    )  # fmt: skip
    expected = ox.Store(str(tmp_path / "expected"))
    expected.extend(q for q in after if q.graph_name != DERIVED)
    assert new_size == _derive(expected, ONTOLOGY_DIR) == len(_derived(after))
    assert _derived(after) == _derived(expected)
    count = ox.NamedNode(AKG + "appealCount")
    assert [q.object.value for q in after.quads_for_pattern(_n("hub"), count, None, DERIVED)] == [
        "41"
    ]
    first = ox.NamedNode(AKG + "firstMention")
    assert [q.object.value for q in after.quads_for_pattern(_n("hub"), first, None, DERIVED)] == [
        "7"
    ]


def _hub_spec(n: int) -> list[tuple[str, str, object, str]]:
    """An organisation ``n`` appeals name: by evidence in even ones, by akg:reportedIn in odd
    ones; appeals 0 and 1 share an identifier."""
    spec = list(BASE)
    spec.append(("hub", RDF_TYPE, AKG + "Organisation", "h0"))
    for i in range(n):
        if i % 2:
            spec.append(("hub", AKG + "reportedIn", f"hap{i}", f"h{i}"))
        else:
            spec += [
                *_span("hub", f"hs{i}", 100 + i, f"h{i}"),
                (f"hs{i}", OA + "hasSource", f"hap{i}", f"h{i}"),
            ]
        identifier = "h-shared" if i < 2 else f"h-{i:02d}"
        spec.append((f"hap{i}", DCT + "identifier", ox.Literal(identifier), f"h{i}"))
    return spec


@pytest.mark.parametrize(
    ("remove", "add", "whole"),
    [
        # a new appeal names the hub, by evidence
        ([], [*_span("hub", "hsN", 7, "hN"), ("hsN", OA + "hasSource", "hapN", "hN"),
              ("hapN", DCT + "identifier", ox.Literal("h-new"), "hN")], False),
        # an appeal naming it by akg:reportedIn goes, graph and all
        ([("hub", AKG + "reportedIn", "hap3", "h3"),
          ("hap3", DCT + "identifier", ox.Literal("h-03"), "h3")], [], False),
        # one of two appeals sharing an identifier goes: the identifier stays, the count drops
        ([*_span("hub", "hs0", 100, "h0"), ("hs0", OA + "hasSource", "hap0", "h0")], [], False),
        # an appeal's identifier changes
        ([("hap4", DCT + "identifier", ox.Literal("h-04"), "h4")],
         [("hap4", DCT + "identifier", ox.Literal("h-04b"), "h4")], False),
        # a span's source moves to an appeal with no identifier: that appeal is not counted
        ([("hs6", OA + "hasSource", "hap6", "h6")], [("hs6", OA + "hasSource", "hapX", "h6")],
         False),
        # an appeal gains a second identifier
        ([], [("hap5", DCT + "identifier", ox.Literal("h-05-bis"), "h5")], False),
        # its type goes: no count and no identifiers, asked of the stores whole
        ([("hub", RDF_TYPE, AKG + "Organisation", "h0")], [], True),
    ],
)  # fmt: skip
def test_a_hub_count_is_kept_by_difference(
    remove: list, add: list, whole: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An organisation 30 appeals name gains or loses one (or an appeal's identifier or a
    span's source changes): its akg:appealCount and akg:appealIdentifiers change by what the
    changed appeals give, its other appeals not read (the rule is not run with it as root,
    which reads every appeal naming it), and the derived graph is what the rules give over the
    whole store. Only a change of its type has it counted whole."""
    from kg.store import derive

    before = ox.Store(str(tmp_path / "before"))
    before.extend(_quads(_hub_spec(30)))
    size = _derive(before, ONTOLOGY_DIR)
    count = ox.NamedNode(AKG + "appealCount")
    assert [q.object.value for q in before.quads_for_pattern(_n("hub"), count, None)] == ["30"]
    after = ox.Store(str(tmp_path / "after"))
    after.extend(before)
    for q in _quads(remove):
        after.remove(q)
    after.extend(_quads(add))
    added, removed = _union(after) - _union(before), _union(before) - _union(after)
    asked: list[str] = []
    real = derive._answers

    def answers(shape, store, roots, union=False):  # type: ignore[no-untyped-def]
        roots = list(roots)
        if shape.name == "appeal-count.rq":
            asked.extend(str(r.value) for r in roots)
        return real(shape, store, roots, union)

    monkeypatch.setattr(derive, "_answers", answers)
    new_size = derive_changes(
        after, before, shapes_of(ONTOLOGY_DIR), DERIVED, added, removed, size,
        graphs=_touched(before, after),
    )  # fmt: skip
    expected = ox.Store(str(tmp_path / "expected"))
    expected.extend(q for q in after if q.graph_name != DERIVED)
    assert new_size == _derive(expected, ONTOLOGY_DIR) == len(_derived(after))
    assert _derived(after) == _derived(expected)
    assert _derived(after) != _derived(before)
    assert (ID + "hub" in asked) == whole


def test_a_graph_local_rule_is_asked_for_many_graphs_at_once(monkeypatch) -> None:
    """_graph_answers binds the graphs as VALUES, a few a query: the union of the rule's
    answers for each graph alone, and nothing from a graph it was not given."""
    import kg.store.derive as derive

    where = "GRAPH ?g {\n  ?a akg:p ?c .\n  { ?c akg:q ?b } UNION { ?c akg:r ?b }\n}"
    comment = "# a comment: WHERE { ?x ?y ?z }\n"
    text = f"{PREFIX}{comment}CONSTRUCT {{ ?a akg:x ?b }}\nWHERE {{\n{where}\n}}\n"
    shape = rule_shape("x.rq", text)
    assert shape.graph == "g"
    inline = rule_shape("y.rq", text.replace("\nWHERE", " WHERE"))  # asked a graph at a time
    assert inline.graph == "g"
    p, q, r = (ox.NamedNode(AKG + n) for n in "pqr")
    store = ox.Store()
    for n in range(7):
        g = ox.NamedNode(f"{G}a{n}")
        a, c, b = (ox.NamedNode(f"{ID}{x}{n}") for x in "acb")
        store.add(ox.Quad(a, p, c, g))
        if n % 3 != 2:  # a graph with no answer
            store.add(ox.Quad(c, q if n % 2 else r, b, g))
    # its parts in two graphs: no answer in either alone
    store.add(ox.Quad(ox.NamedNode(ID + "s"), p, ox.NamedNode(ID + "t"), ox.NamedNode(G + "a0")))
    store.add(ox.Quad(ox.NamedNode(ID + "t"), q, ox.NamedNode(ID + "u"), ox.NamedNode(G + "a1")))
    asked = [f"{G}a{n}" for n in (0, 1, 2, 3, 5)] + [f"{G}absent"]

    def alone(g: str) -> set[ox.Triple]:
        found = store.query(text, substitutions={ox.Variable("g"): ox.NamedNode(g)})
        return set(found)  # type: ignore[arg-type]

    expected = set().union(*(alone(g) for g in asked))
    assert len(expected) == 3  # a0, a1, a3 (a2 and a5 have none; a4 and a6 not asked)
    monkeypatch.setattr(derive, "GRAPHS_A_QUERY", 2)
    assert derive._graph_answers(shape, store, asked) == expected
    assert derive._graph_answers(inline, store, asked) == expected
    assert derive._graph_answers(shape, store, []) == set()


@pytest.mark.parametrize("beyond", [False, True])
def test_answers_known_before_a_change_stand_only_for_graphs_it_touched(
    beyond: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild may bring the graph-local rules' answers before the change (asked while its
    workers wrote the graphs): they stand for the previous store's when the graphs they were
    asked for are all among those the change touched; asked for one more (here a graph the
    change left alone), the previous store is asked again for every touched graph. The
    derived graph is the rules' whole answer either way."""
    import kg.store.derive as derive

    before = ox.Store(str(tmp_path / "before"))
    before.extend(_quads(BASE))
    size = _derive(before, ONTOLOGY_DIR)
    after = ox.Store(str(tmp_path / "after"))
    after.extend(before)
    for q in _quads([t for t in BASE if t[3] == "a10"]):
        after.remove(q)
    added, removed = _union(after) - _union(before), _union(before) - _union(after)
    touched = _touched(before, after)
    untouched = {str(q.graph_name.value) for q in before if q.graph_name != DERIVED} - touched
    asked = touched | ({sorted(untouched)[0]} if beyond else set())
    shapes = shapes_of(ONTOLOGY_DIR)
    local = [s for s in shapes if s.graph]
    known = derive.GraphAnswers(
        frozenset(), {}, {s.name: derive._graph_answers(s, before, asked) for s in local},
        frozenset(asked),
    )  # fmt: skip
    seen: list[list[str]] = []
    answers = derive._graph_answers

    def noting(shape: object, store: ox.Store, graphs: object) -> set[ox.Triple]:
        if store is before:
            seen.append(sorted(graphs))  # type: ignore[call-overload]
        return answers(shape, store, graphs)  # type: ignore[arg-type]

    monkeypatch.setattr(derive, "_graph_answers", noting)
    new_size = derive_changes(
        after, before, shapes, DERIVED, added, removed, size, graphs=touched, known=known
    )
    expected = ox.Store(str(tmp_path / "expected"))
    expected.extend(q for q in after if q.graph_name != DERIVED)
    expected_size = _derive(expected, ONTOLOGY_DIR)
    assert _derived(after) == _derived(expected) != _derived(before)
    assert new_size == expected_size
    assert seen == [sorted(touched) if beyond else []] * len(local)
