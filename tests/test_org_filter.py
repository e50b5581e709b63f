"""tools/org_filter.py: a learned filter for organisation candidates, judged, never written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from loadscript import load_script

from kg.errors import KgError
from kg.extract.evaluate import load_test_split

org_filter = load_script("tools/org_filter.py")

TEXT = (
    "20 May 2025\n\nZembla: Activist held\n\nOn 1 May 2025, the Zembla Police arrested Rina "
    "Holm, director of the Vela Rights Centre (VRC). The Zembla Regional Court ordered her "
    "detention. Holm had spoken at the Open Skies Festival.\n"
)
GOLD = {
    "appeal": {"id": "a-1", "issuer": "Zembla Watch"},
    "persons": [{"id": "p1", "name": "Rina Holm", "variants": [], "roles": ["defender"]}],
    "organisations": [
        {"id": "o1", "name": "Zembla Police", "variants": [], "kind": "police"},
        {"id": "o2", "name": "Vela Rights Centre", "variants": ["VRC"], "kind": "ngo"},
        {"id": "o3", "name": "Zembla Regional Court", "variants": [], "kind": "court"},
    ],
}


@pytest.fixture()
def folders(tmp_path: Path) -> tuple[Path, Path]:
    corpus, invented = tmp_path / "corpus", tmp_path / "invented"
    for folder in (corpus, invented):
        folder.mkdir()
        for name in ("a-1", "a-2"):
            (folder / f"{name}.txt").write_text(TEXT, encoding="utf-8")
            gold = {**GOLD, "appeal": {"id": name, "issuer": "Zembla Watch"}}
            (folder / f"{name}.gold.yaml").write_text(json.dumps(gold), encoding="utf-8")
    for name in load_test_split():
        (corpus / f"{name}.txt").write_text("never read", encoding="utf-8")
        (corpus / f"{name}.gold.yaml").write_text("never: read", encoding="utf-8")
    return corpus, invented


def test_candidates_are_labelled_by_the_gold_and_described_without_names(
    folders: tuple[Path, Path],
) -> None:
    (case,) = org_filter.read_cases(folders[0], ["a-1"])
    names = {o["id"]: o["name"] for o in case["record"]["organisations"]}
    labels = {names[o]: ok for o, ok in case["labels"].items()}
    assert labels["Vela Rights Centre"] and labels["Zembla Police"]
    feats = case["features"][next(o for o, n in names.items() if n == "Vela Rights Centre")]
    assert "has_acronym" in feats and "kind=ngo" in feats
    words = {f.split(":", 1)[1] for fs in case["features"].values() for f in fs if ":" in f}
    assert not words & {"zembla", "vela", "rights", "centre", "police", "court", "regional"}


def test_training_is_deterministic_and_a_low_cut_keeps_every_candidate(
    folders: tuple[Path, Path],
) -> None:
    cases = org_filter.read_cases(folders[0], ["a-1", "a-2"])
    weights = org_filter.train(cases)
    assert weights == org_filter.train(cases) and weights
    rules = org_filter.score(cases, None, 0.0)
    assert org_filter.score(cases, weights, 0.0)["organisations"].f1 == rules["organisations"].f1
    # a cut above every probability drops every candidate
    assert org_filter.score(cases, weights, 1.01)["organisations"].tp == 0


def test_main_and_the_test_split(
    folders: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, invented = folders
    assert org_filter.main([str(corpus), str(invented), "--folds", "2"]) == 0
    out = capsys.readouterr().out
    assert "dev, 2 folds, rules alone" in out and "invented from dev, cut 0.5" in out
    with pytest.raises(KgError, match="test-split"):
        org_filter.read_cases(corpus, [load_test_split()[0]])
    assert org_filter.main([str(corpus / "missing"), str(invented)]) == 2
    assert capsys.readouterr().err.startswith("Error: ")
