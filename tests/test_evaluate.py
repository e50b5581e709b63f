"""Scoring: name folding, article numbers, date precision and the report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.extract.evaluate import (
    _match,
    dates_match,
    evaluate,
    fold_name,
    fold_spread,
    instrument_key,
    issuer_spread,
    load_record,
    load_test_split,
    main_article,
    score_case,
    select_cases,
)

CORPUS = Path(__file__).parents[2] / "shared" / "corpus"

GOLD = {
    "appeal": {"id": "g1"},
    "persons": [
        {"id": "p1", "name": "Oyub Titiev", "variants": ["Titiev"], "roles": ["defender"]},
        {"id": "p2", "name": None, "variants": ["his lawyer"], "roles": ["lawyer"]},
    ],
    "organisations": [
        {"id": "o1", "name": "Shali City Court", "variants": [], "kind": "court"},
        {
            "id": "o2",
            "name": "Human Rights Centre “Memorial”",
            "variants": ["HRC Memorial"],
            "kind": "ngo",
        },
    ],  # fmt: skip
    "instruments": [
        {"name": "Criminal Code", "provisions": [{"article": "228, Part 2"}, {"article": "353¹"}]}
    ],
    "events": [
        {"type": "arrest", "date": "2018-01-09", "agents": ["o1"], "targets": ["p1"]},
        {"type": "threat", "date": "2018-01", "agents": [], "targets": ["p1"]},
    ],
    "demands": [{"summary": "release Oyub Titiev immediately"}],
}


def test_fold_name_merges_transliterations_and_honorifics() -> None:
    assert fold_name("Mr Titiyev") == fold_name("Titiev")
    assert fold_name("Maks Bokaev") == fold_name("Max Bokayev")
    assert fold_name("Anatoliy Petrenko") == fold_name("Anatoly Petrenko")
    assert fold_name("Özlem Dalkıran") == fold_name("Ozlem Dalkiran")
    assert fold_name("Ales Bialiatski") != fold_name("Valiantsin Stefanovich")


def test_main_article() -> None:
    assert main_article("174, Part 2") == "174"
    assert main_article("227(2)") == "227"
    assert main_article("353¹") == "353-1"
    assert main_article("5 § 1(c)") == "5"


def test_instrument_key_drops_what_appeals_name_an_instrument_with_and_without() -> None:
    key = instrument_key("Cyber Safety Act")
    for name in ("Cyber Safety Act, 2018", "the Cyber Safety Act 2018",
                 "Cyber Safety Act (2018)"):  # fmt: skip
        assert instrument_key(name) == key
    assert instrument_key("Criminal Code of Kazakhstan") == instrument_key("Criminal Code")
    # a year that is not the act's own stays: another law, or a number of its name
    assert instrument_key("Law No. 12 of 2014") != instrument_key("Law No. 12")
    assert instrument_key("Vision 2030") == "vision 2030"
    # a law's number in brackets after its name, or its Buddhist-era year, names the same law
    for plain, numbered in (
        ("Penal Code", "Penal Code (Law No. 318)"),
        ("Public Order Act", "Public Order Act [Chapter 4:17]"),
        ("Press Act", "Press Act B.E. 2551 (2008)"),
    ):
        assert instrument_key(numbered) == instrument_key(plain)
    # near miss: words in brackets inside a name are the name's own
    assert instrument_key("Unlawful Activities (Prevention) Act") != instrument_key(
        "Unlawful Activities Act"
    )


def test_dates_match_at_gold_precision() -> None:
    assert dates_match("2018-01", "2018-01-25")
    assert not dates_match("2018-01-09", "2018-01")
    assert not dates_match("2018", "2018-05-01")
    assert dates_match(None, None) and not dates_match(None, "2018")


def test_perfect_prediction_scores_one() -> None:
    score = score_case(GOLD, GOLD)
    for name, t in score.tallies.items():
        assert (t.fp, t.fn) == (0, 0), name


def test_variants_and_partial_prediction() -> None:
    pred = {
        "persons": [
            {"id": "x", "name": "Oyub Titiyev", "roles": ["defender", "journalist"]},
            {"id": "y", "name": None, "variants": ["Titiev’s lawyer"], "roles": ["lawyer"]},
            {"id": "z", "name": "Someone Else", "roles": ["other"]},
        ],
        "organisations": [{"id": "c", "name": "HRC Memorial", "kind": "other"}],
        "instruments": [
            {
                "name": "Criminal Code of the Russian Federation",
                "provisions": [{"article": "228(2)"}],
            },
        ],  # fmt: skip
        "events": [
            {"type": "arrest", "date": "2018-01-09", "agents": [], "targets": ["x"]},
            {"type": "threat", "date": "2018-01-23", "targets": ["x"]},
            {"type": "search", "date": "2018-01-19"},
        ],
        "demands": [{"summary": "immediately release Oyub Titiev and drop all charges"}],
    }
    t = score_case(GOLD, pred).tallies
    assert (t["persons"].tp, t["persons"].fp, t["persons"].fn) == (2, 1, 0)
    assert t["persons"].false_hits == ["Someone Else"]
    assert (t["person_roles"].tp, t["person_roles"].fp) == (2, 2)
    assert (t["organisations"].tp, t["organisations"].fn) == (1, 1)
    assert t["organisations"].misses == ["Shali City Court"]
    assert (t["organisation_kinds"].tp, t["organisation_kinds"].fn) == (0, 2)
    assert (t["legal_provisions"].tp, t["legal_provisions"].fn) == (1, 1)
    assert (t["events"].tp, t["events"].fp, t["events"].fn) == (2, 1, 0)
    assert t["event_participants"].tp == 2
    assert "arrest 2018-01-09 agent:o1" in t["event_participants"].misses
    assert t["demands"].tp == 1


def test_events_pair_the_same_date_first_then_the_most_participants() -> None:
    """A gold month and a gold day of one type, and one predicted event on that day: the day
    pairs with the day, so its participants count; of two predictions on one day, the one
    with the gold's participants is taken."""
    persons = [{"id": "p1", "name": "Lida Morven"}, {"id": "p2", "name": "Ossi Karhu"}]
    gold = {
        "persons": persons,
        "events": [
            {"type": "complaint", "date": "2031-04", "agents": ["p2"]},
            {"type": "complaint", "date": "2031-04-06", "agents": ["p1"]},
            {"type": "arrest", "date": "2031-04-08", "targets": ["p2"]},
        ],
    }
    pred = {
        "persons": persons,
        "events": [
            {"type": "complaint", "date": "2031-04-06", "agents": ["p1"]},
            {"type": "arrest", "date": "2031-04-08", "targets": ["p1"]},
            {"type": "arrest", "date": "2031-04-08", "targets": ["p2"]},
        ],
    }
    t = score_case(gold, pred).tallies
    assert (t["events"].tp, t["events"].fp, t["events"].fn) == (2, 1, 1)
    assert t["events"].misses == ["complaint 2031-04"]
    assert t["event_participants"].misses == ["complaint 2031-04 agent:p2"]
    assert t["event_participants"].false_hits == ["arrest 2031-04-08 target:p1"]
    assert t["event_participants"].tp == 2


def test_matching_re_pairs_to_match_a_later_gold_item() -> None:
    """The first gold item may take either prediction, the second only the first: both pair."""
    gold = [{"k": {"a", "b"}}, {"k": {"a"}}]
    pred = [{"k": "a"}, {"k": "b"}]
    assert _match(gold, pred, lambda g, p: p["k"] in g["k"]) == [(0, 1), (1, 0)]


def test_evaluate_folder_report_text_and_json(tmp_path: Path) -> None:
    import yaml

    gold_dir, pred_dir = tmp_path / "gold", tmp_path / "pred"
    gold_dir.mkdir()
    pred_dir.mkdir()
    (gold_dir / "case-1.gold.yaml").write_text(yaml.safe_dump(GOLD, allow_unicode=True))
    (gold_dir / "case-2.gold.yaml").write_text(yaml.safe_dump(GOLD, allow_unicode=True))
    (pred_dir / "case-1.yaml").write_text(yaml.safe_dump(GOLD, allow_unicode=True))
    report = evaluate(gold_dir, pred_dir)
    assert report.missing == ["case-2"]
    assert report.totals["persons"].tp == 2 and report.totals["persons"].fn == 2
    assert report.totals["persons"].precision == 1.0
    assert report.totals["persons"].recall == 0.5
    text = report.to_text()
    assert text.splitlines()[1].split()[:4] == ["persons", "1.000", "0.500", "0.667"]
    assert "no prediction for: case-2" in text
    data = json.loads(report.to_json())
    assert data["categories"]["legal_provisions"]["f1"] == 0.6667
    assert data["cases"]["case-1"]["events"]["fn"] == 0


def test_load_record_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("persons: [unclosed\n")
    with pytest.raises(InputError, match=r"bad\.yaml:\d+: not valid YAML"):
        load_record(bad)
    listy = tmp_path / "list.yaml"
    listy.write_text("- a\n- b\n")
    with pytest.raises(InputError, match="expected a case record"):
        load_record(listy)
    with pytest.raises(InputError, match="no such file"):
        load_record(tmp_path / "missing.yaml")
    with pytest.raises(InputError, match="no \\*.gold.yaml files"):
        evaluate(tmp_path, {})


def _gold_folder(tmp_path: Path, names: list[str], issuers: list[str]) -> Path:
    import yaml

    folder = tmp_path / "gold"
    folder.mkdir()
    for name, issuer in zip(names, issuers, strict=True):
        gold = {**GOLD, "appeal": {"id": name, "issuer": issuer}}
        (folder / f"{name}.gold.yaml").write_text(yaml.safe_dump(gold, allow_unicode=True))
    return folder


def test_split_file_selects_test_and_dev_cases(tmp_path: Path) -> None:
    names = ["a-1", "a-2", "a-3", "a-4", "a-5"]
    folder = _gold_folder(tmp_path, names, ["X"] * 5)
    split = tmp_path / "split.txt"
    split.write_text("# header comment\na-2\na-4  # trailing comment\n\n")
    assert load_test_split(split) == ["a-2", "a-4"]
    assert select_cases(folder, "test", split) == ["a-2", "a-4"]
    assert select_cases(folder, "dev", split) == ["a-1", "a-3", "a-5"]
    assert select_cases(folder, "all", split) == names
    report = evaluate(folder, {}, select_cases(folder, "test", split))
    assert [c.case for c in report.cases] == ["a-2", "a-4"]
    assert report.missing == ["a-2", "a-4"]


def test_split_naming_a_case_the_folder_lacks_is_an_error(tmp_path: Path) -> None:
    folder = _gold_folder(tmp_path, ["a-1", "a-2"], ["X", "X"])
    split = tmp_path / "split.txt"
    split.write_text("a-2\nb-9\n")
    with pytest.raises(InputError, match=r"split\.txt: 1 test case\(s\) not in .*b-9"):
        select_cases(folder, "test", split)
    with pytest.raises(InputError, match="unknown split 'train'"):
        select_cases(folder, "train", split)


def test_committed_test_split_is_every_fourth_case_in_name_order() -> None:
    from kg.extract.evaluate import SPLIT_FILE

    names = load_test_split()
    assert len(names) == len(set(names)) == 12
    assert names == sorted(names)
    if CORPUS.is_dir():
        all_names = sorted(p.name[: -len(".gold.yaml")] for p in CORPUS.glob("*.gold.yaml"))
        assert names == all_names[3::4], f"{SPLIT_FILE} no longer follows its stated rule"


def test_folds_deal_cases_round_robin_and_issuers_group(tmp_path: Path) -> None:
    names = ["c-1", "c-2", "c-3", "c-4", "c-5"]
    folder = _gold_folder(tmp_path, names, ["Beta", "Alpha", "Beta", "Alpha", "Beta"])
    pred = {n: {**GOLD, "appeal": {"id": n}} for n in ("c-1", "c-3", "c-5")}
    report = evaluate(folder, pred)
    folds = fold_spread(report, 2)
    assert folds.sizes == {"fold 1": 3, "fold 2": 2}
    # fold 1 = c-1, c-3, c-5 (all predicted perfectly); fold 2 = c-2, c-4 (no prediction)
    assert folds.f1("fold 1", "persons") == 1.0
    assert folds.f1("fold 2", "persons") == 0.0
    assert folds.low_high("persons") == (0.0, 1.0)
    issuers = issuer_spread(report)
    assert list(issuers.groups) == ["Alpha", "Beta"]
    assert issuers.sizes == {"Alpha": 2, "Beta": 3}
    assert issuers.f1("Beta", "events") == 1.0 and issuers.f1("Alpha", "events") == 0.0
    text = folds.to_text("fold").splitlines()
    assert text[1].split()[:4] == ["fold", "1", "3", "1.000"]
    assert text[-2].split()[:2] == ["lowest", "0.000"]
    assert fold_spread(report, 2).to_dict()["groups"]["fold 2"]["cases"] == 2
    with pytest.raises(InputError, match="at most"):
        fold_spread(report, 6)
    with pytest.raises(InputError, match="at least 2"):
        fold_spread(report, 1)


def _gold_and_pred(tmp_path: Path, pred: dict) -> tuple[Path, Path]:
    import yaml

    gold_dir, pred_dir = tmp_path / "gold", tmp_path / "pred"
    gold_dir.mkdir(exist_ok=True)
    pred_dir.mkdir(exist_ok=True)
    (gold_dir / "case-1.gold.yaml").write_text(yaml.safe_dump(GOLD, allow_unicode=True))
    (pred_dir / "case-1.yaml").write_text(yaml.safe_dump(pred, allow_unicode=True))
    return gold_dir, pred_dir


def test_eval_against_a_saved_report_lists_what_was_fixed_and_what_is_new(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import cli

    run = CliRunner().invoke
    worse = {**GOLD, "persons": GOLD["persons"][:1], "demands": []}
    gold_dir, pred_dir = _gold_and_pred(tmp_path, worse)
    saved = run(cli, ["eval", str(gold_dir), "--pred", str(pred_dir), "--json"])
    assert saved.exit_code == 0, saved.output
    before = tmp_path / "before.json"
    before.write_text(saved.output)
    # the extractor gets better at persons and worse at events
    better = {**GOLD, "events": GOLD["events"][:1]}
    _gold_and_pred(tmp_path, better)
    out = run(cli, ["eval", str(gold_dir), "--pred", str(pred_dir), "--against", str(before)])
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    assert lines[1].split() == ["persons", "0.6667", "1.0000", "+"]
    assert lines[6].split() == ["events", "1.0000", "0.6667", "-"]
    assert "fixed case-1: persons miss  (his lawyer)" in out.output
    assert "new   case-1: events miss  threat 2018-01" in out.output
    as_json = run(
        cli, ["eval", str(gold_dir), "--pred", str(pred_dir), "--against", str(before), "--json"]
    )
    data = json.loads(as_json.output)
    assert data["categories"]["demands"] == {"before": 0.0, "after": 1.0}
    assert {"case": "case-1", "category": "demands", "kind": "miss", "change": "fixed",
            "item": "release Oyub Titiev immediately"} in data["changes"]  # fmt: skip
    assert not [c for c in data["changes"] if c["category"] == "organisations"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "before.json: no such file"),
        ("{not json", "before.json:1: not JSON"),
        ('{"categories": {}, "cases": {}}', "before.json: not a report of kg eval --json"),
    ],
)
def test_eval_against_what_is_no_saved_report_is_a_one_line_error(
    tmp_path: Path, content: str | None, message: str
) -> None:
    from click.testing import CliRunner

    from kg.cli import cli

    gold_dir, pred_dir = _gold_and_pred(tmp_path, GOLD)
    before = tmp_path / "before.json"
    if content is not None:
        before.write_text(content)
    out = CliRunner().invoke(
        cli, ["eval", str(gold_dir), "--pred", str(pred_dir), "--against", str(before)]
    )
    assert out.exit_code == 2
    assert message in out.output
    assert "Traceback" not in out.output and len(out.output.strip().splitlines()) == 1
