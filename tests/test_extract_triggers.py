"""The trigger lexicon is data: every entry is well formed and each of its examples triggers it."""

from __future__ import annotations

import re

import pytest

from kg.extract import extract_case
from kg.extract.events import _past_forms, trigger_pattern
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
        assert set(entry) == {
            "type", "lemmas", "irregular", "nouns", "frame", "phrases", "examples",
        }  # fmt: skip
        re.compile(trigger_pattern(entry))


def test_past_forms() -> None:
    assert _past_forms("arrest") == ["arrested"]
    assert _past_forms("torture") == ["tortured"]
    assert "kidnapped" in _past_forms("kidnap")
    assert _past_forms("deny") == ["denied"]


@pytest.mark.parametrize(
    ("etype", "example"),
    [(t["type"], ex) for t in TRIGGERS for ex in t["examples"]],
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
