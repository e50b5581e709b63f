"""tools/role_errors.py: the persons whose extracted roles differ from the gold's, in context."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("role_errors", ROOT / "tools" / "role_errors.py")
assert spec and spec.loader
role_errors = importlib.util.module_from_spec(spec)
sys.modules["role_errors"] = role_errors
spec.loader.exec_module(role_errors)

TEXT = (
    "20 May 2025\n\nZembla: Activist held\n\nOn 1 May 2025, police arrested activist Rina Holm. "
    "Judge Ivo Sand ordered her detention. Her lawyer, Teo Varga, appealed.\n"
)
GOLD = """appeal: {id: t-1, issuer: Zembla Watch, date: 2025-05-20}
persons:
  - {id: p1, name: Rina Holm, variants: [], gender: female, roles: [defender]}
  - {id: p2, name: Ivo Sand, variants: [], gender: unknown, roles: [judge]}
  - {id: p3, name: Teo Varga, variants: [], gender: unknown, roles: [other]}
  - {id: p4, name: Ada Brun, variants: [], gender: female, roles: [witness]}
"""


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "t-1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "t-1.gold.yaml").write_text(GOLD, encoding="utf-8")
    return tmp_path


def test_each_person_whose_roles_differ_is_listed_with_its_context(folder: Path) -> None:
    found = role_errors.count_errors(folder, ["t-1"])
    assert found.lines[0] == "t-1 (half 1)"
    assert "  Teo Varga: gold other -> lawyer" in found.lines  # the gold codes the lawyer other
    assert any("Her lawyer, [[Teo Varga]], appealed" in line for line in found.lines)
    assert "  Ada Brun: gold witness -> not found" in found.lines
    assert not any("Rina Holm" in line and "gold" in line for line in found.lines)  # right
    assert found.pairs == {("other", "lawyer"): 1, ("witness", "not found"): 1}
    assert dict(found.halves[1]) == {"tp": 2, "fn": 2, "fp": 1}


def test_report_and_exit_codes(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert role_errors.main([str(folder), "--all"]) == 0
    out = capsys.readouterr().out
    assert "half 1: roles tp 2 fp 1 fn 2, F1 0.5714" in out
    assert out.rstrip().endswith("1 appeals")
    assert role_errors.main([str(folder / "missing")]) == 2
    assert capsys.readouterr().err.startswith("Error: ")
