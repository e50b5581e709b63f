"""tools/role_rules.py: per role rule, the appeals it fires in and how often the gold agrees."""

from __future__ import annotations

from pathlib import Path

import pytest
from loadscript import load_script
from rolecase import write_case

role_rules = load_script("tools/role_rules.py")


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    return write_case(tmp_path)


def test_each_rule_counts_its_appeals_and_agreement_with_the_gold(folder: Path) -> None:
    counts = role_rules.count_rules(folder, ["t-1"])
    # the three titles before the names ("activist", "Judge", "Her lawyer") are one rule line
    assert [(r.source, r.appeals, r.given, r.in_gold, r.kept) for r in counts.values()] == [
        ("roles.append(r1)", {"t-1"}, 3, 2, 3)  # the gold codes the lawyer as other
    ]


def test_report_and_exit_codes(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert role_rules.main([str(folder), "--all"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[:5] == ["line", "appeals", "given", "gold", "kept"]
    assert "[t-1]" in out and out.rstrip().endswith("1 appeals")
    assert role_rules.main([str(folder / "missing")]) == 2
    assert capsys.readouterr().err.startswith("Error: ")
