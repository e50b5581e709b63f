"""tools/role_errors.py: the persons whose extracted roles differ from the gold's, in context."""

from __future__ import annotations

from pathlib import Path

import pytest
import rolecase
from loadscript import load_script

role_errors = load_script("tools/role_errors.py")

# the shared gold, and a witness the text never names
GOLD = (
    rolecase.GOLD + "  - {id: p4, name: Ada Brun, variants: [], gender: female, roles: [witness]}\n"
)


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    return rolecase.write_case(tmp_path, GOLD)


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
