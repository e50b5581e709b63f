"""Drafts are drafts: restricted and unreviewed, each fact rated, doubtful facts listed."""

from __future__ import annotations

from kg.extract import extract_case
from kg.extract.review import find_doubts, format_report, mark_draft, rate_event, rate_facts

APPEAL = """4 June 2024

Borduria: Lawyer Ivan Petrov arrested

On 2 June 2024, police arrested lawyer Ivan Petrov in Szohod. Mr Petrov was charged under
Article 12 of the Criminal Code. He was also fined under Article 12 of the Code of
Administrative Offences. Later, someone was questioned.

Initial Date: 2 June 2024

The Borduria Watch calls on the authorities of Borduria to:

1. Release Ivan Petrov immediately;
2. Drop all charges against him.
"""


def test_every_draft_is_restricted_unreviewed_and_rated() -> None:
    rec = extract_case(APPEAL, appeal_id="t-r1")
    assert rec["appeal"]["access"] == "restricted"
    assert rec["appeal"]["reviewed"] is False
    facts = rec["persons"] + rec["organisations"] + rec["events"] + rec["demands"]
    facts += [p for i in rec["instruments"] for p in i["provisions"]]
    assert facts and all(0 < f["confidence"] < 1 for f in facts)
    petrov = next(p for p in rec["persons"] if p["name"] == "Ivan Petrov")
    assert petrov["confidence"] >= 0.8  # full name, second mention, role cue, gender


def test_the_same_article_of_two_instruments_gets_two_ids() -> None:
    rec = extract_case(APPEAL, appeal_id="t-r2")
    ids = [p["id"] for i in rec["instruments"] for p in i["provisions"]]
    assert len(ids) == len(set(ids)) == 2
    ids_everywhere = [x["id"] for k in ("persons", "organisations", "events") for x in rec[k]]
    assert len(ids_everywhere + ids) == len(set(ids_everywhere + ids))


def test_confidence_follows_the_cues() -> None:
    full = {"date": "2024-06-02", "targets": ["p1"], "agents": ["o1"]}
    assert (
        rate_event(full)
        > rate_event({**full, "date": "2024-06"})
        > rate_event({**full, "date": None})
    )
    assert rate_event({**full, "targets": []}) < rate_event(full)
    record = mark_draft(
        {
            "appeal": {"id": "x", "date": "2024-06-04"},
            "persons": [
                {"id": "p1", "name": "Ivan Petrov", "roles": ["lawyer"], "gender": "male"},
                {"id": "p2", "name": "Initial Date", "roles": ["other"]},
                {"id": "p3", "name": "Petrov", "roles": ["other"]},
            ],
        }
    )
    rate_facts(record)
    conf = {p["name"]: p["confidence"] for p in record["persons"]}
    assert conf["Ivan Petrov"] > conf["Petrov"] > conf["Initial Date"]


def test_doubts_name_the_weak_facts_weakest_first() -> None:
    record = {
        "appeal": {"id": "x", "date": "2024-06-04", "title": "T", "issuer": None},
        "persons": [{"id": "p1", "name": "Event Description", "roles": ["other"]}],
        "organisations": [{"id": "o1", "name": "Blue Group", "kind": "other"}],
        "events": [
            {"id": "e1", "type": "arrest", "date": None, "targets": ["p1"]},
            {"id": "e2", "type": "arrest", "date": "2025-01-01", "targets": ["p1"]},
            {"id": "e3", "type": "trial_hearing", "date": "2025-01-01", "targets": ["p1"]},
        ],
        "demands": [{"summary": "release him", "addressees": []}],
    }
    rate_facts(record)
    doubts = find_doubts(record)
    reasons = {(d.section, d.reason) for d in doubts}
    assert ("appeal", "no issuer") in reasons
    assert ("person", "contains a form or heading word") in reasons
    assert ("organisation", "kind unknown") in reasons
    assert ("event", "no date") in reasons
    assert ("event", "dated after the appeal") in reasons
    assert ("demand", "no addressee") in reasons
    # a hearing scheduled after the appeal is not doubtful for its date
    assert not [d for d in doubts if d.item.startswith("e3") and "after" in d.reason]
    assert [d.confidence for d in doubts] == sorted(d.confidence for d in doubts)
    text = format_report(record, doubts)
    assert text.splitlines()[0].startswith("x: 2024-06-04, issuer unknown; 1 persons")
    assert f"doubtful ({len(doubts)}):" in text


def test_report_of_a_clean_record_says_nothing_doubtful() -> None:
    record = {"appeal": {"id": "y", "date": "2024-01-01", "title": "T", "issuer": "I"}}
    assert format_report(record).splitlines()[1] == "  nothing doubtful"


def test_events_dated_after_the_appeal_are_left_out_and_reported() -> None:
    text = (
        "4 June 2024\n\nZembla: Poet detained\n\nOn 2 June 2024, police arrested the poet Ana "
        "Lee. On 9 June 2024, police arrested the poet Ana Lee.\n"
    )
    rec = extract_case(text, appeal_id="t")
    assert all(str(e["date"] or "") <= "2024-06-04" for e in rec["events"])
    assert ("arrest", "2024-06-02") in [(e["type"], e["date"]) for e in rec["events"]]
    assert rec["extraction"]["future_events_left_out"] == 1
    assert "1 event(s) dated after the appeal left out" in format_report(rec)


def test_an_undated_appeal_opening_on_an_event_day_drops_none_of_the_later_events() -> None:
    # no header date: the first date is the day the narrative starts, not the day of issue
    text = (
        "Zembla Watch\n\nZembla: Defender attacked and office raided\n\nOn 21 August 2025, the "
        "defender Ana Lee was attacked by two men in Ostrava. Her colleague Piet Marno was "
        "threatened in a phone call on 25 August 2025. Police arrested Ana Lee on 2 September "
        "2025.\n"
    )
    rec = extract_case(text, appeal_id="t")
    assert [(e["type"], e["date"]) for e in rec["events"]] == [
        ("attack", "2025-08-21"),
        ("threat", "2025-08-25"),
        ("arrest", "2025-09-02"),
    ]
    assert "future_events_left_out" not in rec["extraction"]
    # a bare date line above it is the day of issue, and bounds the events as before
    rec = extract_case("22 August 2025\n\n" + text, appeal_id="t")
    assert [(e["type"], e["date"]) for e in rec["events"]] == [("attack", "2025-08-21")]
    assert rec["extraction"]["future_events_left_out"] == 2


def test_a_hearing_set_for_after_the_appeal_is_kept_as_scheduled() -> None:
    text = (
        "4 June 2024\n\nZembla: Poet detained\n\nOn 2 June 2024, police arrested the poet Ana "
        "Lee. The court adjourned the trial until 20 June 2024.\n"
    )
    rec = extract_case(text, appeal_id="t")
    later = [e for e in rec["events"] if str(e["date"] or "") > "2024-06-04"]
    assert [(e["type"], e["date"], e.get("scheduled")) for e in later] == [
        ("trial_hearing", "2024-06-20", True)
    ]
    assert not [e for e in rec["events"] if e.get("scheduled") and e not in later]
    assert "future_events_left_out" not in rec["extraction"]


def test_a_name_holding_a_label_place_or_month_is_rated_as_its_doubts_say() -> None:
    from kg.extract.review import person_doubts, rate_person

    for name in ["Ivan Petrov", "Initial Date", "Kazakh Petrov", "Ana Russia", "May Lee",
                 "Ana may", "Lee", "Event Description", "Tom Reed-Status"]:  # fmt: skip
        p = {"name": name, "roles": ["defender"], "evidence": [{}, {}]}
        labelled = any(d.startswith("contains") for d in person_doubts(p))
        assert (rate_person(p) == 0.3) == labelled, name
    assert rate_person({"name": "Ivan Petrov", "roles": ["defender"]}) == 0.8
    assert rate_person({"name": "Initial Date", "roles": ["defender"]}) == 0.3
