"""tools/org_rules.py: per rule that finds organisations, the appeals it finds a body in and how
many of its bodies the gold lists."""

from __future__ import annotations

from pathlib import Path

import pytest
from loadscript import load_script

from kg.extract import entities

org_rules = load_script("tools/org_rules.py")

TEXT = (
    "20 May 2025\n\nZembla: Activist held\n\nOn 1 May 2025, police arrested Rina Holm, a member "
    "of the Zembla Centre for Rights. The Vela District Court ordered her detention. Amnesty "
    "International condemned it.\n"
)
# the gold lists the centre and the court, not the police nor Amnesty International
GOLD = """appeal: {id: t-1, issuer: Zembla Watch, date: 2025-05-20}
persons:
  - {id: p1, name: Rina Holm, variants: [], gender: female, roles: [defender]}
organisations:
  - {id: o1, name: Zembla Centre for Rights, variants: [], kind: ngo}
  - {id: o2, name: Vela District Court, variants: [], kind: prosecution}
"""


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "t-1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "t-1.gold.yaml").write_text(GOLD, encoding="utf-8")
    return tmp_path


def test_each_body_is_put_down_to_the_rule_that_made_it(folder: Path) -> None:
    init = entities.Entity.__init__
    rules = org_rules.count_rules(folder, ["t-1"])
    by_function = {key.split(":")[0]: rule for key, rule in rules.items()}
    assert set(by_function) == {"names.classify_runs", "names.add_lower_bodies"}
    # the three runs read by their head words (Centre, Court, International) are one rule line:
    # two of its bodies listed, one with the gold's kind
    runs = by_function["names.classify_runs"]
    assert (runs.appeals, runs.found, runs.listed, runs.kind_agrees) == ({"t-1"}, 3, 2, 1)
    # the lower-case police is a rule of its own, its body not listed
    police = by_function["names.add_lower_bodies"]
    assert (police.found, police.listed, police.kind_agrees) == (1, 0, 0)
    # the patch that notes each body's rule is gone once the appeal is read
    assert entities.Entity.__init__ is init


def test_report_and_exit_codes(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert org_rules.main([str(folder), "--all"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["appeals", "found", "listed", "kind", "rule"]
    assert "names.add_lower_bodies:" in out and "[t-1]" in out
    assert out.rstrip().endswith("1 appeals")
    assert org_rules.main([str(folder / "missing")]) == 2
    assert capsys.readouterr().err.startswith("Error: ")
