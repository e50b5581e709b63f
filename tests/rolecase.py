"""A made-up appeal and its gold for the tests of the role tools (``tools/role_rules.py``,
``tools/role_errors.py``): an activist, a judge and a lawyer the gold codes as other."""

from __future__ import annotations

from pathlib import Path

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


def write_case(folder: Path, gold: str = GOLD) -> Path:
    """``folder`` holding the appeal ``t-1`` (:data:`TEXT`) and ``gold`` as its gold record."""
    (folder / "t-1.txt").write_text(TEXT, encoding="utf-8")
    (folder / "t-1.gold.yaml").write_text(gold, encoding="utf-8")
    return folder
