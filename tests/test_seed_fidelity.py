"""The seed graph states what the seed appeal states, and nothing it does not.

Each test asks the store built from ``data/`` (SPARQL over the union of its graphs) about one
point where the record once said more, or other, than the text; ``data/appeals/`` holds the text.
"""

from __future__ import annotations

import re

import pytest

from kg.record.caserecord import _countries_in
from kg.store import Store
from kg.vocab import DATA_DIR, sparql_prologue

SEED_TEXT = DATA_DIR / "appeals" / "seed-dauletbayev-2017.txt"
PREFIXES = [
    "akg",
    "akr",
    "evtype",
    "eli",
    "org",
    "rdfs",
    "role",
    "schema",
    "skos",
    "xsd",
]


def rows(store: Store, query: str) -> list[tuple[str, ...]]:
    _, result = store.query(sparql_prologue(PREFIXES) + query)
    return sorted(tuple("" if t is None else str(t) for t in row) for row in result)


def ask(store: Store, query: str) -> bool:
    return bool(store.query(sparql_prologue(PREFIXES) + query))


def test_notice_of_further_investigation_is_a_court_order_notified_on_17_november(
    built_store: Store,
) -> None:
    found = rows(
        built_store,
        """SELECT DISTINCT ?type ?court ?date WHERE {
             ?e akg:notifiedOn "2017-11-17"^^xsd:date ; akg:eventType ?type ;
                akg:authority/rdfs:label ?court .
             OPTIONAL { ?e akg:date ?date }
           }""",
    )
    assert found == [
        (
            "https://w3id.org/appeals-kg/vocab/event-type/court_decision",
            "Kyzylorda Criminal Court",
            "",
        )
    ]
    # The Prosecutor's Office is where the case went back to, not an actor the text names.
    assert not ask(
        built_store,
        """ASK { ?e akg:participation/akg:participant ?o .
                 ?o rdfs:label "Prosecutor's Office" }""",
    )
    assert not ask(built_store, "ASK { ?e akg:eventType evtype:investigation }")


def test_case_opening_is_dated_by_its_notification_only(built_store: Store) -> None:
    found = rows(
        built_store,
        """SELECT DISTINCT ?notified ?date WHERE {
             ?e akg:eventType evtype:case_opened ; akg:notifiedOn ?notified .
             OPTIONAL { ?e akg:date ?date }
           }""",
    )
    assert found == [("2017-09-21", "")]


def test_complaint_states_no_legal_basis_authority_or_place(built_store: Store) -> None:
    assert ask(built_store, "ASK { ?c akg:eventType evtype:complaint }")
    for prop in ("akg:legalBasis", "akg:authority", "akg:place"):
        assert not ask(built_store, f"ASK {{ ?c akg:eventType evtype:complaint ; {prop} ?x }}"), (
            prop
        )


def test_earlier_sentence_and_amnesty_form_their_own_proceeding(built_store: Store) -> None:
    found = rows(
        built_store,
        """SELECT DISTINCT ?type ?proceeding WHERE {
             ?e akg:eventType ?type ; akg:proceeding ?proceeding .
             VALUES ?type { evtype:sentence evtype:amnesty evtype:charge_reclassified
                            evtype:case_opened }
           }""",
    )
    by_type = {t.rsplit("/", 1)[-1]: p for t, p in found}
    assert set(by_type) == {"sentence", "amnesty", "charge_reclassified", "case_opened"}
    assert by_type["sentence"] == by_type["amnesty"]
    assert by_type["charge_reclassified"] == by_type["case_opened"]
    assert by_type["sentence"] != by_type["case_opened"]
    # Both proceedings belong to the one case.
    cases = rows(built_store, "SELECT DISTINCT ?case WHERE { ?case akg:hasProceeding ?p }")
    assert len(cases) == 1
    assert len(rows(built_store, "SELECT DISTINCT ?p WHERE { ?case akg:hasProceeding ?p }")) == 2


def test_defamation_charge_has_an_offence_and_no_article(built_store: Store) -> None:
    found = rows(
        built_store,
        """SELECT DISTINCT ?offence ?status WHERE {
             ?c a akg:Charge ; akg:offenceLabel ?offence ; akg:chargeStatus ?status ;
                akg:proceeding ?p .
             FILTER NOT EXISTS { ?c akg:provision ?any }
             ?sentence akg:eventType evtype:sentence ; akg:proceeding ?p .
           }""",
    )
    assert found == [("defamation", "https://w3id.org/appeals-kg/vocab/charge-status/convicted")]


@pytest.mark.parametrize("name", ["Vladimir Putin", "Anatoliy Petrenko"])
def test_officials_have_no_gender_the_text_does_not_give(built_store: Store, name: str) -> None:
    assert ask(built_store, f'ASK {{ ?p a akg:Person ; rdfs:label "{name}" }}')
    assert not ask(
        built_store, f'ASK {{ ?p a akg:Person ; rdfs:label "{name}" ; schema:gender ?g }}'
    )


def test_mayor_post_is_not_said_to_be_kazakh(built_store: Store) -> None:
    assert ask(built_store, 'ASK { ?post a org:Post ; rdfs:label "Mayor of Baikonur" }')
    assert not ask(
        built_store, 'ASK { ?post rdfs:label "Mayor of Baikonur" ; akg:country ?country }'
    )


def test_roscosmos_is_one_organisation(built_store: Store) -> None:
    found = rows(
        built_store,
        """SELECT DISTINCT ?o WHERE {
             ?o a akg:Organisation .
             { ?o rdfs:label ?l } UNION { ?o skos:altLabel ?l }
             FILTER (STR(?l) = "Roscosmos")
           }""",
    )
    assert found == [("https://w3id.org/appeals-kg/id/org/roscosmos-ground-infrastructure-center",)]
    assert not ask(
        built_store,
        "ASK { <https://w3id.org/appeals-kg/id/org/roscosmos-ground-infrastructure-center> "
        "org:subOrganizationOf ?parent }",
    )


def test_charged_articles_are_not_tied_to_a_country_the_text_does_not_name(
    built_store: Store,
) -> None:
    found = rows(
        built_store,
        """SELECT DISTINCT ?article ?jurisdiction WHERE {
             ?charge a akg:Charge ; akg:provision ?provision .
             ?provision akg:articleNumber ?article ; eli:is_part_of ?code .
             OPTIONAL { ?code akg:jurisdiction ?jurisdiction }
           }""",
    )
    assert found == [("130", ""), ("419", "")]


def test_demand_addressees_are_worded_as_the_appeal_words_them(built_store: Store) -> None:
    text = re.sub(r"\s+", " ", SEED_TEXT.read_text(encoding="utf-8"))
    labels = rows(built_store, "SELECT DISTINCT ?l WHERE { ?d akg:addresseeLabel ?l }")
    assert labels
    for (label,) in labels:
        assert label in text, label
    addressees = rows(built_store, "SELECT DISTINCT ?a WHERE { ?d akg:addressee ?a }")
    assert addressees == [
        ("https://w3id.org/appeals-kg/id/authorities/KZ",),
        ("https://w3id.org/appeals-kg/id/authorities/RU",),
    ]


@pytest.mark.parametrize(
    ("phrase", "codes"),
    [
        ("the authorities in Kazakhstan and the Russian Federation", ["KZ", "RU"]),
        ("authorities of the Russian Federation", ["RU"]),
        ("the authorities of Belarus, Russia and Kazakhstan", ["BY", "RU", "KZ"]),
        ("Kazakh authorities", ["KZ"]),
        ("the international community", []),
    ],
)
def test_countries_in_an_addressee_phrase(phrase: str, codes: list[str]) -> None:
    assert _countries_in(phrase) == codes
