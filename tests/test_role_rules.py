"""tools/role_rules.py: per role rule, the appeals it fires in and how often the gold agrees."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("role_rules", ROOT / "tools" / "role_rules.py")
assert spec and spec.loader
role_rules = importlib.util.module_from_spec(spec)
sys.modules["role_rules"] = role_rules
spec.loader.exec_module(role_rules)

TEXT = (
    "20 May 2025\n\nZembla: Activist held\n\nOn 1 May 2025, police arrested activist Rina Holm. "
    "Judge Ivo Sand ordered her detention. Her lawyer, Teo Varga, appealed.\n"
)
GOLD = """appeal: {id: t-1, issuer: Zembla Watch, date: 2025-05-20}
persons:
  - {id: p1, name: Rina Holm, variants: [], gender: female, roles: [defender]}
  - {id: p2, name: Ivo Sand, variants: [], gender: unknown, roles: [judge]}
  - {id: p3, name: Teo Varga, variants: [], gender: unknown, roles: [other]}
"""


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "t-1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "t-1.gold.yaml").write_text(GOLD, encoding="utf-8")
    return tmp_path


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
