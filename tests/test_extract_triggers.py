"""The trigger lexicon is data: every entry is well formed and each of its examples triggers it."""

from __future__ import annotations

import re

import pytest

from kg.extract import extract_case
from kg.extract.events import FRAMES, _past_forms, frame_of, trigger_pattern
from kg.extract.triggers import TRIGGERS

GOLD_TYPES = set(
    "complaint case_opened charge charge_reclassified court_decision investigation summons "
    "interrogation arrest detention search raid seizure trial_hearing conviction sentence fine "
    "release acquittal appeal_filed amnesty travel_ban ban deregistration threat attack killing "
    "disappearance other".split()
)


def test_one_entry_per_gold_event_type() -> None:
    types = [t["type"] for t in TRIGGERS]
    assert len(types) == len(set(types))
    assert set(types) == GOLD_TYPES
    for entry in TRIGGERS:
        assert set(entry) == {"type", "slots", "lemmas", "phrases"}
        for row in entry["lemmas"]:
            assert set(row) <= {"lemma", "pos", "forms", "object", "frames", "examples"}, row
            assert row["frames"] and set(row["frames"]) <= set(FRAMES), row
            # a noun triggers after a determiner before a date, or as what a decision orders
            assert (row.get("pos") == "noun") == (row["frames"] in (["nominal"], ["ordered"])), row
            assert row["examples"], row
        for phrase in entry["phrases"]:
            assert set(phrase) == {"rx", "why", "examples"}, phrase
            assert phrase["why"], phrase
            re.compile(phrase["rx"])
        re.compile(trigger_pattern(entry))


def test_past_forms() -> None:
    assert _past_forms("arrest") == ["arrested"]
    assert _past_forms("torture") == ["tortured"]
    assert "kidnapped" in _past_forms("kidnap")
    assert _past_forms("deny") == ["denied"]
    assert "acquitted" in _past_forms("acquit")


def _examples(entry: dict) -> list[str]:
    return [ex for part in ("lemmas", "phrases") for row in entry[part] for ex in row["examples"]]


@pytest.mark.parametrize(
    ("etype", "example"),
    [(t["type"], ex) for t in TRIGGERS for ex in _examples(t)],
)
def test_each_example_triggers_its_type(etype: str, example: str) -> None:
    text = f"5 May 2024\n\nZembla: Poet detained\n\n{example}\n"
    got = {e["type"] for e in extract_case(text, appeal_id="t")["events"]}
    assert etype in got, got


@pytest.mark.parametrize(
    "sentence",
    [
        "Ana Lee could be arrested on 3 May 2024.",
        "Ana Lee was not arrested on 3 May 2024.",
        "If convicted, Ana Lee may be sentenced to ten years.",
    ],
)
def test_negated_and_possible_events_are_no_events(sentence: str) -> None:
    text = f"5 May 2024\n\nZembla: Poet detained\n\n{sentence}\n"
    assert extract_case(text, appeal_id="t")["events"] == []


def test_sentence_with_penalty_is_no_separate_conviction() -> None:
    text = (
        "5 May 2024\n\nZembla: Poet sentenced\n\nOn 3 May 2024, the court convicted Ana Lee and "
        "sentenced her to five years in prison.\n"
    )
    types = [e["type"] for e in extract_case(text, appeal_id="t")["events"]]
    assert "sentence" in types and "conviction" not in types


@pytest.mark.parametrize(
    ("sentence", "word", "frame"),
    [
        ("Police arrested Ana Lee.", "arrested", "active"),
        ("The police had arrested Ana Lee.", "arrested", "active"),
        ("Ana Lee was arrested by police.", "arrested", "passive"),
        ("Ana Lee and Tom Reed were later arrested.", "arrested", "passive"),
        ("Ana Lee had already been arrested.", "arrested", "perfect"),
        ("Ana Lee has been detained since May.", "detained", "state"),
        ("Ana Lee remained detained.", "detained", "state"),
        ("Ana Lee was detained without charge.", "detained", "state"),
        ("Ana Lee is being detained in prison.", "detained", "state"),
        ("Ana Lee has been held since her arrest on 3 May 2024.", "her arrest on ", "nominal"),
        ("The police opened a criminal case.", "opened a criminal case", "active"),
        ("A criminal case was opened.", "criminal case was opened", "passive"),
        ("A criminal case had been opened.", "criminal case had been opened", "perfect"),
    ],
)
def test_frame_of_a_trigger(sentence: str, word: str, frame: str) -> None:
    a = sentence.index(word)
    etype = "detention" if frame == "state" else "arrest"
    etype = "case_opened" if "case" in word else etype
    assert frame_of(sentence, a, a + len(word), etype) == frame


@pytest.mark.parametrize(
    ("sentence", "etype"),
    [
        # one lemma, two types: the arrest is an act, the custody a state
        ("On 3 May 2024, police detained Ana Lee.", "arrest"),
        ("Ana Lee has been detained since 3 May 2024.", "detention"),
    ],
)
def test_the_frame_decides_the_type(sentence: str, etype: str) -> None:
    text = f"5 May 2024\n\nZembla: Poet detained\n\n{sentence}\n"
    got = {e["type"] for e in extract_case(text, appeal_id="t")["events"]}
    assert got == {etype}, got


def test_a_progressive_passive_is_no_act() -> None:
    """ "are being prosecuted" tells a prosecution going on, not the day it was brought."""
    text = (
        "5 May 2024\n\nZembla: Poets prosecuted\n\n"
        "On 3 May 2024, Ana Lee and Tom Reed are being prosecuted.\n"
    )
    assert extract_case(text, appeal_id="t")["events"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "On 3 May 2024, the police opened the gates.",
        "On 3 May 2024, Ana Lee filed her tax return.",
        "On 3 May 2024, Ana Lee launched a new magazine.",
        # "withdraw" is an event only with protection as its object
        "On 3 May 2024, the police withdrew from the square.",
        "On 3 May 2024, Ana Lee withdrew her name from the list.",
        # "throw" is an attack only with a missile thrown at someone or something
        "On 3 May 2024, Ana Lee threw a party at her home.",
        # "followed" after "and" is shadowing only when people or vehicles follow
        "On 3 May 2024, the meeting ended and followed by a dinner.",
        # "dismiss" a person from work: not one waved aside "as" something
        "On 3 May 2024, the minister dismissed them as rumours.",
    ],
)
def test_a_verb_that_needs_its_object_is_no_event_without_it(sentence: str) -> None:
    text = f"5 May 2024\n\nZembla: Poet detained\n\n{sentence}\n"
    assert extract_case(text, appeal_id="t")["events"] == []
