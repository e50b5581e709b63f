"""Case records: loading, evidence anchoring and offsets, and the RDF they become."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Literal, URIRef

from kg.errors import DataError, InputError
from kg.record.caserecord import (
    anchor_evidence,
    anchor_quote,
    check_evidence,
    date_literal,
    demand_type,
    load_record,
    quote_context,
    record_to_graph,
    text_literal,
)
from kg.vocab import AKG, EVTYPE, OA, PRECISION

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "data" / "cases").glob("*.yaml"))


def _text(record: dict) -> str:
    return (ROOT / "data" / "appeals" / record["appeal"]["source"]).read_text(encoding="utf-8")


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_every_evidence_offset_pair_reproduces_its_quote(path: Path) -> None:
    record = load_record(path)
    text = _text(record)
    assert check_evidence(record, text) == []
    # and the RDF carries the same exact quotes at the same offsets
    _, g = record_to_graph(record, text)
    spans = set(g.objects(None, AKG.evidence))
    assert spans and spans == set(g.subjects(OA.hasSource, None))
    for span in spans:
        # four triples, on the span itself: source, offsets and the quote they reproduce
        assert {p for p, _ in g.predicate_objects(span)} == {
            OA.hasSource,
            OA.start,
            OA.end,
            OA.exact,
        }
        assert len(list(g.predicate_objects(span))) == 4
        exact = str(g.value(span, OA.exact))
        start, end = int(g.value(span, OA.start)), int(g.value(span, OA.end))
        assert text[start:end] == exact


def test_check_evidence_catches_shifted_offsets() -> None:
    record = load_record(CASES[0])
    text = _text(record)
    record["events"][0]["evidence"][0]["start"] += 1
    problems = check_evidence(record, text)
    assert len(problems) == 1 and "do not" not in problems[0] and "offsets" in problems[0]
    with pytest.raises(DataError, match="do not reproduce the quote"):
        record_to_graph(record, text)


def test_anchor_quote_tolerates_line_wraps_and_quote_marks() -> None:
    text = "He said “libel”\nunder Article 130 of the\nCriminal Code."
    span = anchor_quote(text, 'said "libel" under Article 130 of the Criminal Code')
    assert span is not None and text[span.start : span.end] == span.quote
    assert span.quote.startswith("said “libel”\nunder")
    assert anchor_quote(text, "Article 131") is None


def test_anchor_evidence_fills_offsets_and_reports_missing() -> None:
    text = "On 1 May 2020 the court ruled.\nNothing else."
    record = {
        "appeal": {"id": "x"},
        "events": [{"evidence": [{"quote": "the court ruled."}, {"quote": "absent"}]}],
    }
    missing = anchor_evidence(record, text)
    assert missing == ["absent"]
    span = record["events"][0]["evidence"][0]
    assert (span["start"], span["end"]) == (14, 30)


@pytest.mark.parametrize(
    ("value", "datatype", "precision"),
    [
        ("2017-11-07", "date", PRECISION.day),
        ("2016-12", "gYearMonth", PRECISION.month),
        ("2009", "gYear", PRECISION.year),
    ],
)
def test_date_literal_keeps_precision(value: str, datatype: str, precision: URIRef) -> None:
    lit, prec = date_literal(value)
    assert str(lit.datatype).endswith(datatype) and str(lit) == value and prec == precision


def test_date_literal_rejects_other_forms() -> None:
    with pytest.raises(DataError, match="not YYYY"):
        date_literal("7 November 2017")


def test_date_literal_remembered_is_the_same_and_errors_are_not_remembered() -> None:
    import datetime as dt

    for value in ("2017-11-07", "2017-11-07", dt.date(2017, 11, 7), "2016-12", "2016-12"):
        lit, prec = date_literal(value)
        again = Literal(str(value), datatype=lit.datatype)
        assert (
            lit == again and lit.value == again.value and prec in (PRECISION.day, PRECISION.month)
        )
    for _ in range(2):  # a date that does not exist is refused each time it is met
        with pytest.raises(DataError):
            date_literal("2017-02-30")
    when = dt.datetime(2017, 11, 7, 10, 30)
    assert str(date_literal(when)[0]) == "2017-11-07"


@pytest.mark.parametrize(
    "value",
    [
        "plain",
        "",
        'with "quotes" and \\ and\nlines',
        "\ud800 lone surrogate",
        "ünïcode",
        12,
        1.5,
        True,
    ],
)
def test_text_literal_equals_rdflib_literal(value: object) -> None:
    made, expected = text_literal(value), Literal(value)
    assert type(made) is Literal and made == expected and hash(made) == hash(expected)
    assert (str(made), made.language, made.datatype, made.value, made.ill_typed) == (
        str(expected),
        expected.language,
        expected.datatype,
        expected.value,
        expected.ill_typed,
    )


def test_seed_event_types_and_dates() -> None:
    record = load_record(CASES[0])
    _, g = record_to_graph(record, _text(record))
    dated = {
        (str(g.value(e, AKG.eventType)).rsplit("/", 1)[-1], str(g.value(e, AKG.date)))
        for e in g.subjects(AKG.eventType, None)
    }
    assert ("charge_reclassified", "2017-11-07") in dated
    assert ("ban", "2016-12") in dated
    assert ("release", "2017-02-09") in dated  # under the amnesty of the same day
    assert len(dated) == 9
    reclass = next(g.subjects(AKG.eventType, EVTYPE.charge_reclassified))
    assert g.value(reclass, AKG.isFinal) == Literal(True)


def test_people_get_opaque_iris() -> None:
    record = load_record(CASES[0])
    _, g = record_to_graph(record, _text(record))
    for person in g.subjects(RDF.type, AKG.Person):
        label = str(g.value(person, URIRef("http://www.w3.org/2000/01/rdf-schema#label")))
        assert not any(
            part.lower() in str(person).lower() for part in label.split() if len(part) > 3
        )


def test_minted_iris_are_stable_without_pinned_iris() -> None:
    record = {
        "appeal": {"id": "t-1", "date": "2020-01-02"},
        "persons": [{"id": "p1", "name": "A B"}],
    }
    first = record_to_graph(record)[1]
    second = record_to_graph(record)[1]
    assert set(first.subjects(RDF.type, AKG.Person)) == set(second.subjects(RDF.type, AKG.Person))


def test_extracted_records_get_charges_with_supersession() -> None:
    record = {
        "appeal": {"id": "t-2"},
        "persons": [{"id": "p1", "name": "A B", "roles": ["defender"]}],
        "instruments": [
            {
                "id": "i1",
                "name": "Criminal Code",
                "kind": "criminal_code",
                "provisions": [{"id": "a1", "article": "130"}, {"id": "a2", "article": "419"}],
            }
        ],
        "events": [
            {
                "id": "e1",
                "type": "case_opened",
                "date": "2017-09-21",
                "targets": ["p1"],
                "provisions": ["a1"],
            },
            {
                "id": "e2",
                "type": "charge_reclassified",
                "date": "2017-11-07",
                "targets": ["p1"],
                "provisions": ["a1", "a2"],
            },
        ],
    }
    _, g = record_to_graph(record)
    charges = list(g.subjects(RDF.type, AKG.Charge))
    assert len(charges) == 2
    new = next(c for c in charges if (c, AKG.supersedes, None) in g)
    old = g.value(new, AKG.supersedes)
    assert str(g.value(old, AKG.chargeStatus)).endswith("superseded")
    assert str(g.value(new, AKG.provision)).endswith("art-419")


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (
            {"appeal": {"id": "x"}, "events": [{"id": "e1", "type": "arest"}]},
            "Did you mean 'arrest'",
        ),
        (
            {"appeal": {"id": "x"}, "events": [{"id": "e1", "type": "arrest", "targets": ["p9"]}]},
            "'p9' is not an id",
        ),
        ({"appeal": {"id": "x"}, "persons": [{"id": "p1"}, {"id": "p1"}]}, "used twice"),
        (
            {
                "appeal": {"id": "x"},
                "organisations": [{"id": "o1", "name": "X", "country": "Atlantis"}],
            },
            "unknown country",
        ),
        ({"appeal": {"id": "x", "access": "secret"}}, "access 'secret'"),
    ],
)
def test_bad_records_give_one_line_errors(record: dict, message: str) -> None:
    with pytest.raises(DataError, match=message) as info:
        record_to_graph(record, origin="case.yaml")
    assert "\n" not in str(info.value) and "case.yaml" in str(info.value)


def test_load_record_names_file_and_line_on_yaml_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("appeal:\n  id: x\n  title: [unclosed\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.yaml:\d+:\d+: YAML syntax error"):
        load_record(bad)
    with pytest.raises(InputError, match="no such file"):
        load_record(tmp_path / "missing.yaml")
    (tmp_path / "list.yaml").write_text("- 1\n", encoding="utf-8")
    with pytest.raises(DataError, match="not a case record"):
        load_record(tmp_path / "list.yaml")


def test_demand_types_follow_wording() -> None:
    assert demand_type("Immediately drop all charges against X") == "drop_charges"
    assert demand_type("Release X immediately and unconditionally") == "release"
    assert demand_type("Cease all further harassment of X") == "end_harassment"
    assert demand_type("Plant more trees") == "other"


def _law_record(jurisdiction: str, places: list[dict]) -> dict:
    return {
        "appeal": {"id": "t-law", "date": "2020-01-01", "countries": ["Indonesia"]},
        "places": places,
        "instruments": [
            {"id": "i1", "name": "Qanun No. 6", "kind": "law", "jurisdiction": jurisdiction}
        ],
    }


def test_subnational_jurisdiction_is_the_region_the_record_lists() -> None:
    region = {"id": "l1", "name": "Aceh Province of Indonesia", "kind": "region"}
    _, g = record_to_graph(_law_record("Aceh province of Indonesia", [region]))
    law = next(g.subjects(RDF.type, AKG.LegalInstrument))
    place = g.value(law, AKG.jurisdiction)
    assert (place, RDF.type, AKG.Place) in g and (place, RDF.type, AKG.Country) not in g
    assert str(g.value(place, AKG.placeKind)).endswith("/region")
    assert g.value(place, AKG.country) == URIRef("https://w3id.org/appeals-kg/id/country/ID")


def test_unknown_jurisdiction_not_listed_as_a_place_is_refused() -> None:
    with pytest.raises(DataError, match=r"i1: unknown country 'Acehh'.*list it under 'places'"):
        record_to_graph(_law_record("Acehh", [{"id": "l1", "name": "Aceh", "kind": "region"}]))


def test_quote_context_is_computed_from_the_text() -> None:
    text = "0123456789abcdefghij"
    assert quote_context(text, 10, 12, width=3) == ("789", "cde")
    assert quote_context(text, 1, 2, width=5) == ("0", "23456")
