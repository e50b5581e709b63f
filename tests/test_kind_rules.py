"""tools/kind_rules.py: per rule that gives a body its kind, the appeals it decides a body in and
how often the gold agrees."""

from __future__ import annotations

from pathlib import Path

import pytest
from loadscript import load_script

kind_rules = load_script("tools/kind_rules.py")

TEXT = (
    "20 May 2025\n\nZembla: Activist held\n\nOn 1 May 2025, officers of the Vela Police arrested "
    "Rina Holm, a member of the Zembla Hub for Rights. The Vela District Court ordered her "
    "detention. The Human Rights Commission of Zembla visited her.\n"
)
# the gold lists the police and the court with the kinds the rules give, the hub as "other" and
# the commission not at all
GOLD = """appeal: {id: t-1, issuer: Zembla Watch, date: 2025-05-20}
persons:
  - {id: p1, name: Rina Holm, variants: [], gender: female, roles: [defender]}
organisations:
  - {id: o1, name: Vela Police, variants: [], kind: police}
  - {id: o2, name: Zembla Hub for Rights, variants: [], kind: other}
  - {id: o3, name: Vela District Court, variants: [], kind: court}
"""


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "t-1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "t-1.gold.yaml").write_text(GOLD, encoding="utf-8")
    return tmp_path


def test_each_body_is_put_down_to_the_rule_of_its_name_that_gives_its_kind() -> None:
    assert kind_rules.kind_rule("Zembla Hub for Rights", "ngo") == "head word Hub (ngo)"
    assert kind_rules.kind_rule("Vela District Court", "court").startswith("hint ")
    assert kind_rules.kind_rule("FIDH", "ngo") == "known body"
    # a kind the name's rules do not give was set by the words around the body
    assert kind_rules.kind_rule("Zembla Hub for Rights", "media") == "context"
    assert kind_rules.kind_rule("Zendavox", "other") == "no rule (other)"


def test_each_rule_counts_its_appeals_bodies_and_agreement_with_the_gold(folder: Path) -> None:
    rules, confusions = kind_rules.count_rules(folder, ["t-1"])
    hub = rules["head word Hub (ngo)"]
    assert (hub.appeals, hub.given, hub.listed, hub.agrees) == ({"t-1"}, 1, 1, 0)
    court = next(r for k, r in rules.items() if "(court)" in k)
    assert (court.given, court.listed, court.agrees) == (1, 1, 1)
    # the commission is a body the gold does not list: counted, not listed
    commission = next(r for k, r in rules.items() if "(government)" in k)
    assert (commission.given, commission.listed, commission.agrees) == (1, 0, 0)
    assert confusions == {("other", "ngo"): 1}


def test_report_and_exit_codes(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert kind_rules.main([str(folder), "--all"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["appeals", "bodies", "listed", "agrees", "rule"]
    assert "head word Hub (ngo)  [t-1]" in out
    assert "      1  other -> ngo" in out
    assert out.rstrip().endswith("1 appeals")
    assert kind_rules.main([str(folder / "missing")]) == 2
    assert capsys.readouterr().err.startswith("Error: ")
