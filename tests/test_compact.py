"""What an appeal graph does not store, and the queries of ``ontology/compact/`` that give it back.

Each query is run over the graph of a record made for it, whose every branch the expected table
below names by hand (the rule as the record builder applied it before the value stopped being
stored), so a query that loses or invents a value fails here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import FOAF, ORG, RDFS

from kg.record.caserecord import record_to_graph
from kg.vocab import AKG, ROLE

ROOT = Path(__file__).resolve().parent.parent
COMPACT = ROOT / "ontology" / "compact"


def _run(name: str, g: Graph) -> Graph:
    out = Graph()
    for triple in g.query((COMPACT / f"{name}.rq").read_text(encoding="utf-8")):
        out.add(triple)  # type: ignore[arg-type]
    return out


ROLES_RECORD: dict[str, Any] = {
    "appeal": {"id": "compact-roles"},
    "persons": [
        {"id": "p1", "name": "Defender One", "roles": ["defender"]},
        {"id": "p2", "name": "Lawyer Two", "roles": ["lawyer", "relative"]},
        {"id": "p3", "name": "Judge Three", "roles": ["judge"]},
        {"id": "p4", "name": "Witness Four", "roles": ["witness"]},
    ],
    "organisations": [
        {"id": "o1", "name": "District Court", "kind": "court"},
        {"id": "o2", "name": "Prosecutor's Office", "kind": "prosecution"},
        {"id": "o3", "name": "City Police", "kind": "police"},
        {"id": "o4", "name": "Rights Group", "kind": "ngo"},
    ],
    "events": [
        {"id": "e1", "type": "complaint", "agents": ["p4", "o4"], "targets": ["p1"]},
        {"id": "e2", "type": "case_opened", "authority": "o2", "targets": ["p1", "o4"]},
        {"id": "e3", "type": "arrest", "agents": ["o3"], "targets": ["p1", "p2"]},
        {"id": "e4", "type": "conviction", "agents": ["p3", "o1"], "targets": ["p1"]},
        {"id": "e5", "type": "appeal_filed", "agents": ["p2"], "targets": ["o1"]},
    ],
}

# (event, participant, side) -> every role the participation has, stored or computed.
ROLES_EXPECTED = {
    ("e1", "p4", "agent"): {"agent", "complainant"},
    ("e1", "o4", "agent"): {"agent", "complainant"},
    ("e1", "p1", "target"): {"target", "defender"},
    ("e2", "o2", "authority"): {"authority", "prosecutor"},
    ("e2", "p1", "target"): {"target", "defender", "defendant"},
    ("e2", "o4", "target"): {"target"},  # an organisation is no defendant
    ("e3", "o3", "agent"): {"agent", "police"},
    ("e3", "p1", "target"): {"target", "defender"},  # an arrest makes no defendant
    ("e3", "p2", "target"): {"target", "lawyer"},  # relative is a case role only
    ("e4", "p3", "agent"): {"agent", "judge"},
    ("e4", "o1", "agent"): {"agent", "court"},
    ("e4", "p1", "target"): {"target", "defender", "defendant"},
    ("e5", "p2", "agent"): {"agent", "lawyer", "appellant"},
    ("e5", "o1", "target"): {"target", "court"},
}


SIDES = ("agent", "target", "authority")


def _participations(g: Graph, ids: dict[URIRef, str]) -> dict[tuple[str, str, str], URIRef]:
    out = {}
    for event, part in g.subject_objects(AKG.participation):
        who = g.value(part, AKG.participant)
        sides = [r for r in g.objects(part, AKG.role) if str(r).rsplit("/", 1)[-1] in SIDES]
        assert len(sides) == 1, f"{part} has sides {sides}"
        out[(ids[event], ids[who], str(sides[0]).rsplit("/", 1)[-1])] = part
    return out


def _graph_and_ids(record: dict[str, Any] = ROLES_RECORD) -> tuple[Graph, dict[URIRef, str]]:
    from kg.record.caserecord import _Builder

    builder = _Builder(record, None, "<test>")
    g = builder.build()
    return g, {iri: local for local, iri in builder.ids.items()}


def test_participations_store_their_side_only() -> None:
    g, ids = _graph_and_ids()
    parts = _participations(g, ids)
    # the authority's is not stored either (akg:authority says it)
    assert set(parts) == {k for k in ROLES_EXPECTED if k[2] != "authority"}
    for part in parts.values():
        assert len(list(g.objects(part, AKG.role))) == 1


def test_participation_roles_query_gives_back_every_role() -> None:
    g, ids = _graph_and_ids()
    computed = _run("participation-roles", g)
    assert set(computed.predicates()) == {AKG.role}
    g += _run("authority-participations", g)
    got = {
        key: {
            str(r).rsplit("/", 1)[-1]
            for r in (*g.objects(part, AKG.role), *computed.objects(part, AKG.role))
        }
        for key, part in _participations(g, ids).items()
    }
    assert got == ROLES_EXPECTED


@pytest.mark.parametrize("broken", ["involvement", "kind", "type"])
def test_participation_roles_follow_the_facts_they_are_read_from(broken: str) -> None:
    """Each branch reads a stored fact: change the fact and the computed role changes."""
    record = {**ROLES_RECORD}
    if broken == "involvement":  # no longer the case's defender: no role:defender anywhere
        record["persons"] = [
            {**p, "roles": []} if p["id"] == "p1" else p for p in record["persons"]
        ]
        gone = ROLE.defender
    elif broken == "kind":  # no longer a court
        record["organisations"] = [
            {**o, "kind": "ngo"} if o["id"] == "o1" else o for o in record["organisations"]
        ]
        gone = ROLE.court
    else:  # a conviction read as an arrest: no defendant in it
        record["events"] = [
            {**e, "type": "arrest"} if e["type"] in ("conviction", "case_opened") else e
            for e in record["events"]
        ]
        gone = ROLE.defendant
    _, g = record_to_graph(record)
    assert (None, AKG.role, gone) not in _run("participation-roles", g)
    _, full = record_to_graph(ROLES_RECORD)
    assert (None, AKG.role, gone) in _run("participation-roles", full)


NAMES_RECORD: dict[str, Any] = {
    "appeal": {"id": "compact-names"},
    "persons": [
        {
            "id": "p1",
            "name": "Ana Lee",
            "variants": ["A. Lee"],
            "positions": [{"title": "director", "organisation": "o1"}, {"title": "member"}],
        },
        {"id": "p2", "name": "", "variants": ["her brother"]},
        {
            "id": "p3",
            "name": "Eva Hart",
            "positions": [{"title": "employee", "organisation": "o1"}],
        },
    ],
    "organisations": [{"id": "o1", "name": "Rights Group", "kind": "ngo"}],
}


def test_person_names_query_gives_the_label_of_named_persons_only() -> None:
    g, ids = _graph_and_ids(NAMES_RECORD)
    assert not list(g.triples((None, FOAF.name, None)))
    names = {(ids[s], str(o)) for s, _, o in _run("person-names", g)}
    assert names == {("p1", "Ana Lee"), ("p3", "Eva Hart")}


def test_posts_held_query_gives_the_inverse_of_held_by() -> None:
    g, ids = _graph_and_ids(NAMES_RECORD)
    assert not list(g.triples((None, ORG.holds, None)))
    held = {(ids[s], str(g.value(o, AKG.title))) for s, _, o in _run("posts-held", g)}
    # a membership (employee) is no post
    assert held == {("p1", "director"), ("p1", "member")}
    assert Literal("member") in set(g.objects(None, AKG.title))


def test_event_labels_query_makes_type_and_date() -> None:
    record = {
        "appeal": {"id": "compact-events"},
        "events": [
            {"id": "e1", "type": "arrest", "date": "2017-09-21"},
            {"id": "e2", "type": "court_decision", "notified_on": "2018-01"},
            {"id": "e3", "type": "case_opened", "date": "2016", "notified_on": "2016-02-03"},
            {"id": "e4", "type": "travel_ban"},
        ],
    }
    g, ids = _graph_and_ids(record)
    assert not list(g.triples((None, RDFS.label, None)))
    labels = {(ids[s], str(o)) for s, _, o in _run("event-labels", g)}
    assert labels == {
        ("e1", "arrest (2017-09-21)"),
        ("e2", "court decision (notified 2018-01)"),
        ("e3", "case opened (2016)"),
        ("e4", "travel ban"),
    }


def test_types_query_types_what_has_an_event_type_an_agent_a_made_in_or_a_right() -> None:
    from rdflib import RDF

    record = {
        **ROLES_RECORD,
        "rights": [{"name": "freedom of expression"}],
        "demands": [{"summary": "Release him"}, {"summary": "Drop the charges"}],
    }
    g, ids = _graph_and_ids(record)
    typed = _run("types", g)
    for cls in (AKG.Event, AKG.Involvement, AKG.Demand, AKG.RightClaim):
        assert not list(g.triples((None, RDF.type, cls)))
    events = set(typed.subjects(RDF.type, AKG.Event))
    assert {ids[e] for e in events} == {"e1", "e2", "e3", "e4", "e5"}
    involvements = set(typed.subjects(RDF.type, AKG.Involvement))
    # one involvement per person and case role (p2 has two), none for the organisations
    assert len(involvements) == 5 and involvements == set(g.subjects(AKG.agent, None))
    assert {ids[g.value(i, AKG.agent)] for i in involvements} == {"p1", "p2", "p3", "p4"}
    demands = set(typed.subjects(RDF.type, AKG.Demand))
    assert {str(g.value(d, RDFS.label)) for d in demands} == {"Release him", "Drop the charges"}
    claims = set(typed.subjects(RDF.type, AKG.RightClaim))
    assert [str(g.value(c, RDFS.label)) for c in claims] == ["freedom of expression"]
    assert len(typed) == 13


def test_types_query_types_memberships_and_keeps_employments() -> None:
    from rdflib import RDF
    from rdflib.namespace import ORG

    record = {
        "appeal": {"id": "compact-members"},
        "persons": [
            {
                "id": "p1",
                "name": "Member One",
                "positions": [
                    {"title": "member", "organisation": "o1"},
                    {"title": "employee", "organisation": "o1"},
                    {"title": "director", "organisation": "o1"},  # a post, no membership
                ],
            }
        ],
        "organisations": [{"id": "o1", "name": "Rights Group", "kind": "ngo"}],
    }
    g, _ = _graph_and_ids(record)
    assert (None, RDF.type, ORG.Membership) not in g
    assert len(list(g.subjects(RDF.type, AKG.Employment))) == 1  # the subclass stays
    typed = set(_run("types", g).subjects(RDF.type, ORG.Membership))
    assert typed == set(g.subjects(ORG.member, None)) and len(typed) == 2


def test_event_cases_query_gives_the_case_of_the_reporting_appeal() -> None:
    record = {
        "appeal": {"id": "compact-cases", "case": {"iri": "akr:case/c-shared", "label": "X"}},
        "events": [
            {"id": "e1", "type": "arrest", "evidence": [{"quote": "q", "start": 0, "end": 1}]},
            {"id": "e2", "type": "release"},  # no evidence: akg:reportedIn
        ],
    }
    g, ids = _graph_and_ids(record)
    case = URIRef("https://w3id.org/appeals-kg/id/case/c-shared")
    assert (None, AKG.case, None) not in g
    assert {(ids[s], o) for s, _, o in _run("event-cases", g)} == {("e1", case), ("e2", case)}


def test_involvement_cases_query_gives_the_case_of_the_reporting_appeal() -> None:
    record = {
        "appeal": {"id": "compact-inv", "case": {"iri": "akr:case/c-shared", "label": "X"}},
        "persons": [
            {
                "id": "p1",
                "name": "Defender One",
                "roles": ["defender", "journalist"],
                "evidence": [{"quote": "q", "start": 0, "end": 1}],
            },
            {"id": "p2", "name": "Lawyer Two", "roles": ["lawyer"]},  # no evidence: reportedIn
        ],
    }
    g, ids = _graph_and_ids(record)
    case = URIRef("https://w3id.org/appeals-kg/id/case/c-shared")
    assert (None, AKG.case, None) not in g
    got = {(ids[g.value(s, AKG.agent)], str(g.value(s, AKG.role)).rsplit("/", 1)[-1], o)
           for s, _, o in _run("involvement-cases", g)}  # fmt: skip
    assert got == {("p1", "defender", case), ("p1", "journalist", case), ("p2", "lawyer", case)}


def test_authority_participations_query_gives_back_the_stored_form() -> None:
    """The authority's participation, with the IRI the build gave it, and its roles."""
    from kg.record.caserecord import short_hash

    g, ids = _graph_and_ids()
    event = next(iri for iri, local in ids.items() if local == "e2")
    authority = next(iri for iri, local in ids.items() if local == "o2")
    assert (event, AKG.authority, authority) in g
    assert not [
        p for p in g.objects(event, AKG.participation) if (p, AKG.participant, authority) in g
    ]
    part = URIRef(f"{event}/participant-{short_hash('authority', str(authority))}")
    back = _run("authority-participations", g)
    assert set(back) == {
        (event, AKG.participation, part),
        (part, AKG.participant, authority),
        (part, AKG.role, ROLE.authority),
    }


def test_implied_types_constant_is_the_types_query() -> None:
    """``kg.vocab.IMPLIED_TYPES``, which pages read, says what types.rq does."""
    from rdflib.plugins.sparql import prepareQuery

    from kg.vocab import IMPLIED_TYPES

    query = (COMPACT / "types.rq").read_text(encoding="utf-8")
    algebra = prepareQuery(query).algebra
    rows: list[dict[Any, Any]] = []

    def walk(node: Any) -> None:
        if getattr(node, "name", None) == "values":
            rows.extend(node["res"])
        if isinstance(node, dict):
            for value in node.values():
                walk(value)

    walk(algebra)
    pairs = {
        (
            row[next(k for k in row if str(k) == "property")],
            row[next(k for k in row if str(k) == "class")],
        )
        for row in rows
    }
    assert pairs == set(IMPLIED_TYPES.items())
