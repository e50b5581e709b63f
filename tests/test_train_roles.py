"""tools/train_roles.py: the learned role step's trainer and its judgement against the rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from loadscript import load_script

from kg.errors import KgError
from kg.extract.evaluate import load_test_split
from kg.extract.rolemodel import choose_roles

train_roles = load_script("tools/train_roles.py")

APPEALS = {
    "a-1": (
        "20 May 2025\n\nZembla: Activist held\n\nOn 1 May 2025, police arrested activist Rina "
        "Holm. Judge Ivo Sand ordered her detention. Her lawyer, Teo Varga, appealed.\n",
        [("Rina Holm", "defender"), ("Ivo Sand", "judge"), ("Teo Varga", "lawyer")],
    ),
    "a-2": (
        "3 June 2025\n\nVela: Journalist charged\n\nOn 2 June 2025, the prosecutor Lena Dorn "
        "charged the journalist Omar Pell with libel. His wife, Sara Pell, was questioned.\n",
        [("Lena Dorn", "prosecutor"), ("Omar Pell", "journalist"), ("Sara Pell", "relative")],
    ),
    "a-3": (
        "9 July 2025\n\nZembla: Defender detained\n\nOn 8 July 2025, police detained the human "
        "rights defender Mika Tal. Her lawyer, Jon Ree, said she was beaten.\n",
        [("Mika Tal", "defender"), ("Jon Ree", "lawyer")],
    ),
}


def _write(folder: Path, names: list[str]) -> None:
    for name in names:
        text, persons = APPEALS[name]
        gold = {
            "appeal": {"id": name, "issuer": "Zembla Watch"},
            "persons": [
                {"id": f"p{i}", "name": n, "variants": [], "roles": [r]}
                for i, (n, r) in enumerate(persons, 1)
            ],
        }
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        (folder / f"{name}.gold.yaml").write_text(json.dumps(gold), encoding="utf-8")


@pytest.fixture()
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """A corpus folder holding the test split's case names (whose files must never be read)
    and three development appeals, and an invented folder of the same three."""
    corpus, invented = tmp_path / "corpus", tmp_path / "invented"
    corpus.mkdir()
    invented.mkdir()
    for name in load_test_split():
        (corpus / f"{name}.txt").write_text("never read", encoding="utf-8")
        (corpus / f"{name}.gold.yaml").write_text("never: read", encoding="utf-8")
    _write(corpus, list(APPEALS))
    _write(invented, list(APPEALS))
    return corpus, invented


def test_examples_are_matched_persons_with_gold_roles(folders: tuple[Path, Path]) -> None:
    cases = train_roles.read_cases(folders[0], ["a-1", "a-2"])
    got = sorted(tuple(gold) for _, _, gold in train_roles.examples(cases))
    assert got == [("defender",), ("journalist",), ("judge",), ("lawyer",), ("prosecutor",),
                   ("relative",)]  # fmt: skip


def test_training_is_deterministic(folders: tuple[Path, Path]) -> None:
    cases = train_roles.read_cases(folders[0], list(APPEALS))
    data = train_roles.examples(cases)
    first, second = train_roles.train(data), train_roles.train(list(data))
    assert first == second and first["weights"]
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)


def test_the_model_learns_where_the_gold_differs_from_the_rules(
    folders: tuple[Path, Path],
) -> None:
    cases = train_roles.read_cases(folders[0], list(APPEALS))
    rules = {p["name"]: p["roles"] for c in cases for p in c["record"]["persons"]}
    assert rules["Teo Varga"] == rules["Jon Ree"] == ["lawyer"]
    for c in cases:  # a gold that codes a client's lawyer as other, as some coders do
        c["labels"] = {k: ["other"] if v == ["lawyer"] else v for k, v in c["labels"].items()}
    model = train_roles.train(train_roles.examples(cases))
    chosen = {
        p["name"]: choose_roles(model, c["features"][p["id"]], p["roles"])
        for c in cases
        for p in c["record"]["persons"]
    }
    assert chosen == {**rules, "Teo Varga": ["other"], "Jon Ree": ["other"]}
    assert train_roles.role_tally(cases, {"weights": {}}).f1 < 0.5  # no weights: every role


def test_the_test_split_is_never_read(folders: tuple[Path, Path]) -> None:
    corpus, _ = folders
    test_name = load_test_split()[0]
    with pytest.raises(KgError, match="test-split"):
        train_roles.read_cases(corpus, [test_name])


def test_main_judges_and_writes_the_model_file(
    folders: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, invented = folders
    out = tmp_path / "model.json"
    args = [str(corpus), str(invented), "--folds", "3", "--write", "--output", str(out)]
    assert train_roles.main(args) == 0
    text = capsys.readouterr().out
    assert "dev, 3 folds pooled" in text and "invented, trained on dev" in text
    assert "invented, 3 folds, + other set" in text
    model = json.loads(out.read_text(encoding="utf-8"))
    assert set(model) == {"_generated", "judged", "threshold", "use", "weights"}
    assert model["use"] == model["judged"]["beats_rules"]
    first = out.read_bytes()
    assert train_roles.main(args) == 0
    assert out.read_bytes() == first  # the same weights, to the byte
    assert train_roles.main([str(tmp_path / "missing"), str(invented)]) == 2
    assert capsys.readouterr().err.startswith("Error: ")


def test_a_batch_held_out_is_scored_and_never_trained_on(
    folders: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, invented = folders
    out, whole = tmp_path / "held.json", tmp_path / "whole.json"
    base = [str(corpus), str(invented), "--folds", "2", "--write"]
    assert train_roles.main([*base, "--held-from", "a-3", "--output", str(out)]) == 0
    text = capsys.readouterr().out
    assert "held batch (1), trained on both" in text
    model = json.loads(out.read_text(encoding="utf-8"))
    assert set(model["judged"]["held_batch"]) == {"rules", "model"}
    # trained without a-3: the weights differ from a model trained on every invented appeal
    assert train_roles.main([*base, "--output", str(whole)]) == 0
    assert json.loads(whole.read_text(encoding="utf-8"))["weights"] != model["weights"]
    capsys.readouterr()
    assert train_roles.main([str(corpus), str(invented), "--held-from", "z"]) == 2
    assert capsys.readouterr().err.startswith("Error: --held-from z: ")
