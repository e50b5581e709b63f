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


TEXT_2 = (
    "1 June 2025\n\nOn 2 May 2025, police arrested lawyer Ana Roa and her brother Teo Roa, and "
    "her client Lia Mor. Her sister Eva Roa was not held. The City Court ordered Ana Roa's "
    "detention; judge Uno Vik of the Regional Court later extended it. Police summoned Mor. "
    "The Human Rights Commission and the UN Human Rights Commission were told.\n"
)
GOLD_2 = """appeal: {id: t-2, issuer: Zembla Watch, date: 2025-06-01}
persons:
  - {id: p1, name: Ana Roa, variants: [], gender: female, roles: [defender]}
  - {id: p2, name: Teo Roa, variants: [], gender: male, roles: [relative]}
  - {id: p3, name: Lia Mor, variants: [Mor], gender: female, roles: [other]}
  - {id: p4, name: Eva Roa, variants: [], gender: female, roles: [relative]}
  - {id: p5, name: Uno Vik, variants: [], gender: male, roles: [judge]}
organisations:
  - {id: o1, name: police, variants: [], kind: police}
  - {id: o2, name: City Court, variants: [], kind: court}
  - {id: o3, name: Regional Court, variants: [], kind: court}
  - {id: o4, name: Human Rights Commission, variants: [], kind: government}
  - {id: o5, name: UN Human Rights Commission, variants: [], kind: international_org}
events:
  - {id: e1, type: arrest, date: 2025-05-02, agents: [o1], targets: [p1, p2, p3]}
  - {id: e2, type: detention, date: null, agents: [o2], targets: [p1], authority: o2}
  - {id: e3, type: detention, date: null, agents: [p5], targets: [p1], authority: o3}
  - {id: e4, type: detention, date: null, agents: [o1], targets: [p1]}
  - {id: e5, type: summons, date: null, agents: [o1], targets: [p3], authority: o1}
  - {id: e6, type: attack, date: null, agents: [o1], targets: [p4]}
"""


def test_the_choices_of_relatives_clients_summonses_custody_and_commissions(
    tmp_path: Path,
) -> None:
    (tmp_path / "t-2.txt").write_text(TEXT_2, encoding="utf-8")
    (tmp_path / "t-2.gold.yaml").write_text(GOLD_2, encoding="utf-8")
    counts = gold_conventions.count_conventions(tmp_path, ["t-2"])
    # the arrested brother counts; the sister, attacked but not held, does not
    assert dict(counts["9 relative arrested or detained"]) == {"relative": 1}
    # the client; the lawyer herself is no client
    assert dict(counts["10 person called a client"]) == {"other, target": 1}
    assert dict(counts["11 summons"]) == {"authority police, police agent": 1}
    # a detention with no court (e4) is left out
    assert dict(counts["12 detention ordered by a court"]) == {
        "court agent and authority": 1,
        "court authority only, judge agent": 1,
    }
    # the UN body is no national institution
    assert dict(counts["13 national human rights institution"]) == {"government": 1}
