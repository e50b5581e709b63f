"""tools/gold_conventions.py: how a folder's gold codes the choices the corpus README leaves
open."""

from __future__ import annotations

from pathlib import Path

import pytest
from loadscript import load_script

gold_conventions = load_script("tools/gold_conventions.py")

TEXT = (
    "20 May 2025\n\nZembla: Lawyer held\n\nOn 1 May 2025, police arrested human rights lawyer "
    "Rina Holm. Two masked men beat her colleague Ola Berg, a lawyer. The Prosecutor General, "
    "Ivo Dan, charged her. Ema Sol, a blogger, was found guilty and sentenced to a fine.\n"
)
GOLD = """appeal: {id: t-1, issuer: Zembla Watch, date: 2025-05-20}
persons:
  - {id: p1, name: Rina Holm, variants: [], gender: female, roles: [defender]}
  - {id: p2, name: Ola Berg, variants: [], gender: unknown, roles: [defender, lawyer]}
  - {id: p3, name: null, variants: [two masked men], gender: male, roles: [other]}
  - {id: p4, name: Ivo Dan, variants: [], gender: unknown, roles: [prosecutor],
     positions: [{title: Prosecutor General, organisation: null}]}
  - {id: p5, name: Ema Sol, variants: [], gender: female, roles: [defender]}
organisations:
  - {id: o1, name: police, variants: [], kind: police}
events:
  - {id: e1, type: arrest, date: 2025-05-01, agents: [o1], targets: [p1]}
  - {id: e2, type: attack, date: 2025-05-01, agents: [p3], targets: [p2]}
  - {id: e3, type: sentence, date: null, targets: [p5], penalty: a fine}
"""


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "t-1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "t-1.gold.yaml").write_text(GOLD, encoding="utf-8")
    return tmp_path


def test_each_choice_is_counted_as_the_gold_codes_it(folder: Path) -> None:
    counts = gold_conventions.count_conventions(folder, ["t-1"])
    lawyers = counts["1 persecuted person called a lawyer"]
    assert dict(lawyers) == {"defender": 1, "defender+lawyer": 1}
    assert dict(counts["2 prosecutor general (person)"]) == {"prosecutor": 1}
    assert dict(counts["3 unnamed group (person, name null)"]) == {"listed, agent": 1}
    assert dict(counts["4 body in lower case"]) == {"police, agent": 1}
    assert dict(counts["5 arrest"]) == {"authority none, police agent": 1}
    assert dict(counts["7 conviction or sentence"]) == {"sentence, penalty": 1}
    # the blogger; neither lawyer is called a journalist
    assert dict(counts["8 person called a journalist or blogger"]) == {"defender": 1}


def test_report_and_exit_codes(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert gold_conventions.main([str(folder), "--all"]) == 0
    out = capsys.readouterr().out
    assert "     1  defender+lawyer" in out and out.rstrip().endswith("1 appeals")
    assert gold_conventions.main([str(folder / "absent")]) == 2
    assert capsys.readouterr().err.startswith("Error: ")
