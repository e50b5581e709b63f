"""Model terms beyond the gold format: chains of events, time limits, dated posts, proceedings,
representation, employment, who asserts a claim, organisation functions, population statuses,
nationality, the event-type hierarchy, and the ELI/ORG super-properties that plain ELI and ORG
queries rely on.

Record-level tests build small records; graph-level tests ask the store built from ``data/``.
"""

from __future__ import annotations

from typing import Any

import pytest
from rdflib import RDF, XSD, Literal

from kg.errors import DataError
from kg.record.caserecord import record_to_graph
from kg.store import Store
from kg.vocab import AKG, AKR, ORG, ORGFUNCTION, SCHEMA, sparql_prologue

PREFIXES = ["akg", "eli", "evtype", "org", "orgfunction", "orgkind", "rdfs", "skos", "xsd"]


def rows(store: Store, query: str) -> list[tuple[str, ...]]:
    _, result = store.query(sparql_prologue(PREFIXES) + query)
    return sorted({tuple("" if t is None else str(t) for t in row) for row in result})


def tail(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


# --------------------------------------------------------------------------------------------
# On the built seed graph


def test_plain_eli_query_finds_articles_codes_and_dates(built_store: Store) -> None:
    """Written with ELI terms only: no akg: property in the query."""
    found = rows(
        built_store,
        """SELECT ?number ?type WHERE {
             ?article eli:number ?number ; eli:is_part_of ?code .
             ?code eli:type_document ?type .
             FILTER (?number IN ("130", "419"))
           }""",
    )
    assert found == [
        ("130", "https://w3id.org/appeals-kg/vocab/instrument-kind/criminal_code"),
        ("419", "https://w3id.org/appeals-kg/vocab/instrument-kind/criminal_code"),
    ]
    dated = rows(
        built_store,
        """SELECT ?date WHERE {
             ?treaty eli:date_document ?date ; eli:type_document ?type .
             FILTER (STRENDS(STR(?type), "/treaty"))
           }""",
    )
    assert dated == [("1995",)]
    jurisdictions = rows(
        built_store, "SELECT DISTINCT ?j WHERE { ?law eli:jurisdiction ?j ; eli:type_document ?t }"
    )
    assert ("https://w3id.org/appeals-kg/id/country/KZ",) in jurisdictions


def test_plain_org_query_finds_kind_and_function(built_store: Store) -> None:
    found = rows(
        built_store,
        """SELECT ?c WHERE {
             ?court rdfs:label "Kyzylorda Criminal Court" ; org:classification ?c .
           }""",
    )
    assert {tail(c) for (c,) in found} == {"court", "criminal_court", "appeal_court"}


def test_typed_chain_links_are_also_plain_follows(built_store: Store) -> None:
    found = rows(
        built_store,
        """SELECT ?laterType ?earlierType WHERE {
             ?later akg:follows ?earlier ;
                 akg:eventType ?laterType .
             ?earlier akg:eventType ?earlierType .
           }""",
    )
    pairs = {(tail(a), tail(b)) for a, b in found}
    assert pairs == {
        ("case_opened", "complaint"),  # prompted by the private complaint
        ("appeal_filed", "case_opened"),  # the lawyer's appeal against the decision
        ("charge_reclassified", "case_opened"),  # reclassification of the charge it brought
        ("court_decision", "charge_reclassified"),  # further investigation ordered on it
        ("release", "amnesty"),  # released under the amnesty
    }
    typed = rows(
        built_store,
        """SELECT ?p WHERE {
             ?later ?p ?earlier . ?p rdfs:subPropertyOf akg:follows .
           }""",
    )
    assert {tail(p.replace("#", "/")) for (p,) in typed} == {
        "appealAgainst",
        "promptedBy",
        "reclassificationOf",
        "releaseUnder",
    }


def test_time_limit_is_a_typed_duration(built_store: Store) -> None:
    found = rows(
        built_store,
        """SELECT ?limit WHERE { ?e akg:eventType evtype:appeal_filed ; akg:timeLimit ?limit .
                                 FILTER (DATATYPE(?limit) = xsd:duration) }""",
    )
    assert found == [("P15D",)]


def test_population_status_is_data(built_store: Store) -> None:
    found = rows(
        built_store,
        """SELECT ?citizens ?status ?territory ?instrument WHERE {
             ?arrangement akg:grantsStatus ?s .
             ?s akg:citizensOf ?citizens ; akg:statusLabel ?status ;
                akg:territory/rdfs:label ?territory ; akg:establishedBy/rdfs:label ?instrument .
           }""",
    )
    assert found == [
        (
            "https://w3id.org/appeals-kg/id/country/KZ",
            "foreign citizens",
            "Baikonur",
            "Status of Baikonur Agreement",
        )
    ]


def test_representation_employment_and_who_asserts(built_store: Store) -> None:
    represented = rows(
        built_store,
        """SELECT ?client WHERE { ?lawyer akg:represents ?c . ?c rdfs:label ?client }""",
    )
    assert represented == [("Marat Dauletbayev",)]
    employees = rows(
        built_store,
        """SELECT ?name ?employer WHERE {
             ?m a akg:Employment ; org:member/rdfs:label ?name ;
                org:organization ?employer .
           }""",
    )
    assert [n for n, _ in employees] == ["Ahmed Eyubov", "Sergey Kalnik"]
    # The chairmanship is a post, not an employment.
    assert not rows(
        built_store,
        """SELECT ?m WHERE { ?m a akg:Employment ; org:member/rdfs:label "Marat Dauletbayev" }""",
    )
    asserted = rows(
        built_store,
        """SELECT ?kind ?who WHERE {
             { ?claim akg:right ?right . BIND ("right claim" AS ?kind) }
             UNION { ?claim a akg:Statement . BIND ("statement" AS ?kind) }
             ?claim akg:assertedBy/rdfs:label ?who .
           }""",
    )
    assert asserted == [("right claim", "Marat Dauletbayev"), ("statement", "Front Line Defenders")]


def test_charges_concern_the_statements_they_relate_to(built_store: Store) -> None:
    found = rows(
        built_store,
        """SELECT ?charge ?about WHERE {
             ?charge a akg:Charge ; akg:concernsStatement ?s .
             ?s akg:about/rdfs:label ?about .
           }""",
    )
    assert len(found) == 2
    assert {a for _, a in found} == {
        "Roscosmos Center for the Operation of Ground-Based Space Infrastructure Facilities"
    }


def test_event_types_form_a_hierarchy(built_store: Store) -> None:
    judicial = rows(
        built_store,
        """SELECT ?type WHERE {
             ?e akg:eventType ?t . ?t skos:broader+ evtype:judicial .
             BIND (STRAFTER(STR(?t), "/event-type/") AS ?type)
           }""",
    )
    assert {t for (t,) in judicial} == {
        "complaint",
        "case_opened",
        "appeal_filed",
        "charge_reclassified",
        "court_decision",
        "sentence",
    }
    narrower = rows(
        built_store, "SELECT ?n WHERE { evtype:deprivation_of_liberty skos:narrower ?n }"
    )
    assert {tail(n) for (n,) in narrower} == {"arrest", "detention", "disappearance"}


# --------------------------------------------------------------------------------------------
# On small records


def minimal(**sections: Any) -> dict[str, Any]:
    record: dict[str, Any] = {"appeal": {"id": "test-model", "date": "2020-05-01"}}
    record.update(sections)
    return record


def test_old_records_without_new_keys_still_build() -> None:
    record = minimal(
        persons=[{"id": "p1", "name": "A Defender", "roles": ["defender"]}],
        events=[{"id": "e1", "type": "arrest", "date": "2020-04-01", "targets": ["p1"]}],
    )
    _, g = record_to_graph(record)
    assert not list(g.subjects(RDF.type, AKG.Proceeding))
    assert not list(g.triples((None, AKG.notifiedOn, None)))


def test_dated_positions_nationality_and_function() -> None:
    record = minimal(
        persons=[
            {
                "id": "p1",
                "name": "A Defender",
                "nationality": "Kazakhstan",
                "positions": [
                    {"title": "Director", "organisation": "o1", "start": "2012", "end": "2019-06"},
                    {"title": "employee", "organisation": "o1", "start": "2009-03-01"},
                ],
            }
        ],
        organisations=[
            {"id": "o1", "name": "An NGO", "kind": "ngo", "function": "human_rights_ngo"}
        ],
    )
    _, g = record_to_graph(record)
    person = next(g.subjects(RDF.type, AKG.Person))
    assert g.value(person, AKG.nationality) == AKR["country/KZ"]
    post = next(g.subjects(RDF.type, ORG.Post))
    assert g.value(post, SCHEMA.startDate) == Literal("2012", datatype=XSD.gYear)
    assert g.value(post, SCHEMA.endDate) == Literal("2019-06", datatype=XSD.gYearMonth)
    job = next(g.subjects(RDF.type, AKG.Employment))
    # A membership is what has an org:member (its domain): the type is not stored.
    assert (job, RDF.type, ORG.Membership) not in g
    assert g.value(job, ORG.member) == person
    assert g.value(job, SCHEMA.startDate) == Literal("2009-03-01", datatype=XSD.date)
    org = next(g.subjects(RDF.type, AKG.Organisation))
    assert g.value(org, ORG.classification) == ORGFUNCTION.human_rights_ngo


@pytest.mark.parametrize(
    ("sections", "message"),
    [
        (
            {"events": [{"id": "e1", "type": "appeal_filed", "time_limit": "15 days"}]},
            "time limit '15 days' is not an ISO 8601 duration",
        ),
        (
            {"organisations": [{"id": "o1", "name": "X", "function": "criminal_courts"}]},
            "organisation function 'criminal_courts' is not known",
        ),
        (
            {"events": [{"id": "e1", "type": "release", "released_under": "e9"}]},
            "released_under 'e9' is not an id defined in this record",
        ),
        (
            {"proceedings": [{"id": "pr1"}]},
            "a proceeding has no label",
        ),
        (
            {
                "instruments": [{"id": "i1", "name": "Treaty", "kind": "treaty"}],
                "places": [{"id": "l1", "name": "Town", "kind": "city"}],
                "arrangements": [
                    {
                        "id": "j1",
                        "instrument": "i1",
                        "territory": "l1",
                        "population_statuses": [{"status": "foreign citizens"}],
                    }
                ],
            },
            "population status 1 needs 'citizens_of' and 'status'",
        ),
    ],
)
def test_bad_new_keys_are_reported_with_the_record(sections: dict, message: str) -> None:
    with pytest.raises(DataError, match="^rec.yaml") as info:
        record_to_graph(minimal(**sections), origin="rec.yaml")
    assert message in str(info.value)
