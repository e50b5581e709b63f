"""The learned event step (kg/extract/eventmodel.py) and its trainer (tools/train_events.py).

Made-up sentences and hand-made models: each test shows one gate or one property of the step;
the shipped model is checked for its form and, end to end, on one wording no trigger reads.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from kg.extract import extract_case
from kg.extract.dates import DateMention, find_dates
from kg.extract.eventmodel import (
    LEARNED_NOTE,
    MODEL_FILE,
    EventModel,
    add_learned_events,
    mention_features,
)
from kg.extract.review import find_doubts, rate_event
from kg.extract.text import make_doc

ROOT = Path(__file__).resolve().parent.parent
GOLD_TYPES = set(
    """complaint case_opened charge charge_reclassified court_decision investigation summons
    interrogation arrest detention search raid seizure trial_hearing conviction sentence fine
    release acquittal appeal_filed amnesty travel_ban ban deregistration threat attack killing
    disappearance other""".split()
)


def _train_events() -> Any:
    spec = importlib.util.spec_from_file_location(
        "train_events", ROOT / "tools" / "train_events.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_events"] = module
    spec.loader.exec_module(module)
    return module


def _read(text: str) -> tuple[Any, list[DateMention]]:
    from datetime import date

    doc = make_doc(text)
    return doc, find_dates(doc, date(2024, 7, 5))


#: A model that reads a night in a cell as a detention, and nothing else.
CELL = EventModel(
    {
        "use": True,
        "cut": 0.5,
        "bias": {"detention": -3.0},
        "weights": {"s=cell": {"detention": 5.0}},
    }
)


def _mention(dates: list[DateMention], value: tuple[int, int | None, int | None]) -> DateMention:
    return next(m for m in dates if m.value == value)


def test_features_are_the_words_around_the_date_and_never_a_persons_name() -> None:
    text = "Zenda officers kept Ana Lee in a cell on 3 May 2024 and sent her home."
    doc, dates = _read(text)
    m = _mention(dates, (2024, 5, 3))
    name = (text.index("Ana Lee"), text.index("Ana Lee") + len("Ana Lee"))
    feats = mention_features(doc, m, [name])
    assert {"b=cell", "b=kept", "a=sent", "a=home", "s=officers", "evdate"} <= feats
    assert not any(f.endswith(("=ana", "=lee")) for f in feats)
    # without the name's span its words are features like any other
    assert "b=lee" in mention_features(doc, m, [])
    # a month alone says so
    doc, dates = _read("Ana Lee was kept in a cell in May 2024.")
    assert "noday" in mention_features(doc, _mention(dates, (2024, 5, None)), [])


def test_the_step_adds_an_event_at_a_date_the_rules_left_silent() -> None:
    text = "Zembla: news\n\nOn 3 May 2024, Ana Lee spent the night in a cell.\n"
    doc, dates = _read(text)
    out = add_learned_events(doc, dates, [], ["p1"], [], model=CELL)
    assert [(e["type"], e["date"], e["targets"], e["note"]) for e in out] == [
        ("detention", "2024-05-03", ["p1"], LEARNED_NOTE)
    ]
    ev = out[0]["evidence"][0]
    assert text[ev["start"] : ev["end"]] == ev["quote"]
    assert ev["quote"].startswith("On 3 May 2024") and ev["quote"].endswith("cell.")
    # half the model's probability: below every rule's confidence
    assert out[0]["confidence"] == round(CELL.probabilities({"s=cell"})["detention"] / 2, 2)
    assert out[0]["confidence"] < 0.5
    # a type not done to a person has no target
    seized = EventModel(
        {"use": True, "bias": {"seizure": -3.0}, "weights": {"s=cell": {"seizure": 5.0}}}
    )
    assert add_learned_events(doc, dates, [], ["p1"], [], model=seized)[0]["targets"] == []


@pytest.mark.parametrize(
    ("kind", "agents", "authority", "targets"),
    [
        ("trial_hearing", ["o1"], "o1", ["p1"]),  # a court hears and decides
        ("detention", ["o2"], "o1", ["p1"]),  # the police hold, the court orders it
        ("arrest", ["o2"], None, ["p1"]),
        ("ban", ["o1"], "o1", ["o3"]),  # a civil body named is what is banned
        ("other", [], None, []),
    ],
)
def test_an_added_event_takes_the_bodies_its_sentence_names_by_their_kinds(
    kind: str, agents: list[str], authority: str | None, targets: list[str]
) -> None:
    text = "On 3 May 2024, the Vela Court and the Zenda Police kept the Kastra Trust in a cell."
    doc, dates = _read(text)
    bodies = [
        (text.index(name), text.index(name) + len(name), oid, k)
        for name, oid, k in (
            ("Vela Court", "o1", "court"),
            ("Zenda Police", "o2", "police"),
            ("Kastra Trust", "o3", "ngo"),
        )
    ]
    model = EventModel({"use": True, "bias": {kind: -3.0}, "weights": {"s=cell": {kind: 5.0}}})
    (ev,) = add_learned_events(doc, dates, [], ["p1"], [], bodies, model=model)
    assert (ev["type"], ev["agents"], ev["authority"], ev["targets"]) == (
        kind,
        agents,
        authority,
        targets,
    )
    # a body of another sentence takes no part
    far = [(a + 1000, b + 1000, oid, k) for a, b, oid, k in bodies]
    (ev,) = add_learned_events(doc, dates, [], ["p1"], [], far, model=model)
    assert ev["agents"] == [] and ev["authority"] is None


def test_the_step_leaves_a_date_the_rules_dated_an_event_on() -> None:
    doc, dates = _read("On 3 May 2024, Ana Lee spent the night in a cell.")
    rules = [{"type": "other", "date": "2024-05-03", "evidence": [{"start": 0, "end": 5}]}]
    assert add_learned_events(doc, dates, rules, ["p1"], [], model=CELL) == rules
    # a day inside a month the rules dated an event in is that event's too; a year is not
    rules[0]["date"] = "2024"
    assert len(add_learned_events(doc, dates, rules, ["p1"], [], model=CELL)) == 2


@pytest.mark.parametrize(
    "sentence",
    [
        # a trigger matched: the rules read the clause and found no step (negated, possible)
        "On 3 May 2024, Ana Lee was not arrested but spent the night in a cell.",
        "On 3 May 2024, Ana Lee could be arrested and kept in a cell.",
    ],
)
def test_the_step_reads_no_sentence_a_trigger_matched_in(sentence: str) -> None:
    doc, dates = _read(sentence)
    assert add_learned_events(doc, dates, [], ["p1"], [], model=CELL) == []


def test_the_step_reads_no_date_the_date_rules_take_for_no_events() -> None:
    # a dateline's date and a day that names a gathering date no step
    for text in (
        "ZENDA, 3 May 2024 - Ana Lee spent the night in a cell.",
        "After the 3 May 2024 protests in a cell block, Ana Lee spoke out.",
    ):
        doc, dates = _read(text)
        assert dates and not any(m.event_date for m in dates)
        assert add_learned_events(doc, dates, [], ["p1"], [], model=CELL) == []


def test_an_added_event_goes_in_text_order_and_the_rules_order_stands() -> None:
    text = "On 3 May 2024, Ana Lee spent the night in a cell. On 9 May 2024, she was freed."
    doc, dates = _read(text)
    at = text.index("On 9 May")
    rules = [
        {"type": "other", "date": None, "evidence": [{"start": 0, "end": 5}]},
        {"type": "release", "date": "2024-05-09", "evidence": [{"start": at, "end": len(text)}]},
    ]
    out = add_learned_events(doc, dates, rules, ["p1"], [], model=CELL)
    assert [e["type"] for e in out] == ["other", "detention", "release"]
    assert out[0] is rules[0] and out[2] is rules[1]


def test_a_model_switched_off_or_absent_adds_nothing(tmp_path: Path) -> None:
    doc, dates = _read("On 3 May 2024, Ana Lee spent the night in a cell.")
    off = EventModel({"use": False, "bias": {"detention": 9.0}})
    assert add_learned_events(doc, dates, [], ["p1"], [], model=off) == []
    from kg.extract.eventmodel import load_model

    assert load_model(tmp_path / "none.json") is None
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    assert load_model(tmp_path / "bad.json") is None


def test_review_keeps_the_learned_steps_confidence() -> None:
    learned = {"type": "detention", "date": "2024-05-03", "targets": ["p1"], "note": LEARNED_NOTE}
    assert rate_event({**learned, "confidence": 0.31}) == 0.31
    # the same event from the rules is rated by its date and participants
    assert rate_event({**learned, "note": "held", "confidence": 0.31}) == 0.75


def test_the_shipped_model_is_general_words_and_gold_types() -> None:
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert isinstance(data["use"], bool) and 0 < data["cut"] < 1
    assert set(data["bias"]) <= GOLD_TYPES and set(data["types"]) == set(data["bias"])
    for feature, row in data["weights"].items():
        kind, _, word = feature.partition("=")
        assert feature in ("evdate", "noday") or (kind in "sba" and word == word.lower()), feature
        assert set(row) <= GOLD_TYPES and all(abs(w) >= 0.1 for w in row.values())
    assert data["trained_on"]["batches"] > 0


def test_the_shipped_step_reads_a_custody_told_with_no_trigger() -> None:
    text = (
        "5 July 2024\n\nZembla: Poet held\n\nOn 3 May 2024, the Zenda Regional Court kept Ana Lee "
        "in pre-trial custody for two more months.\n"
    )
    rec = extract_case(text, appeal_id="t")
    learned = [e for e in rec["events"] if e["note"] == LEARNED_NOTE]
    assert [(e["type"], e["date"]) for e in learned] == [("detention", "2024-05-03")]
    assert learned[0]["confidence"] < 0.5
    assert learned[0]["targets"] == [p["id"] for p in rec["persons"] if p["name"] == "Ana Lee"]
    court = [o["id"] for o in rec["organisations"] if o["name"] == "Zenda Regional Court"]
    assert [learned[0]["authority"]] == court
    ev = learned[0]["evidence"][0]
    assert text[ev["start"] : ev["end"]] == ev["quote"]
    # the report lists it among the doubts, with why
    doubts = [d for d in find_doubts(rec) if d.section == "event"]
    assert any(
        d.item.endswith("detention 2024-05-03") and "learned step" in d.reason for d in doubts
    )


def test_training_learns_a_word_met_in_three_appeals_and_not_one_met_in_two() -> None:
    te = _train_events()

    def case(name: str, feats: list[str], labels: list[str]) -> dict[str, Any]:
        return {"case": name, "samples": [(feats, labels), (["s=said"], [])]}

    cases = [case(f"a{i}", ["b=cell", "s=said"], ["detention"]) for i in range(3)]
    cases += [case(f"b{i}", ["b=only", "s=said"], ["threat"]) for i in range(2)]
    data = te.train(cases)
    assert data["types"] == ["detention", "threat"]
    assert "b=cell" in data["weights"] and "b=only" not in data["weights"]
    model = EventModel({**data, "use": True})
    assert model.probabilities({"b=cell", "s=said"})["detention"] > 0.5
    assert model.probabilities({"s=said"})["detention"] < 0.5
    # the same cases give the same model
    assert te.train(cases) == data


def test_the_trainer_refuses_a_test_split_appeal_and_a_missing_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    te = _train_events()
    from kg.extract.evaluate import load_test_split

    held = load_test_split()[0]
    (tmp_path / f"{held}.txt").write_text("text", encoding="utf-8")
    (tmp_path / f"{held}.gold.yaml").write_text("appeal: {id: x}\n", encoding="utf-8")
    from kg.errors import KgError

    with pytest.raises(KgError, match="test-split appeal"):
        te.read_folder(tmp_path)
    code = te.main([str(tmp_path / "nowhere"), str(tmp_path), str(tmp_path)])
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and "nowhere" in err and "\n" not in err
