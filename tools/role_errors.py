"""Every person whose extracted roles differ from the gold's, with the words around the mentions.

The role errors are read by mechanism (a title read wrong, a cue that is no apposition, a post
with no title word next to the name, a person not found) before any rule is written; this lists
them. Each case of the folder is extracted, its persons matched to the gold as ``kg eval``
matches them, and each person whose roles differ is printed with the gold's roles, the
extracted ones and the text around the first three mentions; then a person not found or found
falsely, and at the end the count of each (gold roles -> extracted roles) pairing, with the
roles' tp/fp/fn per half (cases dealt in name order, as ``kg eval --folds 2`` deals them).

    python tools/role_errors.py ../shared/corpus              # the dev split
    python tools/role_errors.py FOLDER --all                  # every case but the test split's

The test split (``data/corpus-test-split.txt``) is never read.

Exit codes: 0 report printed, 2 could not run.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.extract.batch import extract_corpus
from kg.extract.evaluate import _match, _same_person, load_record
from kg.extract.ruletools import run_rule_tool

#: Characters of text shown on either side of a mention.
CONTEXT = 60
#: Mentions shown for one person.
MENTIONS = 3
SPACES = re.compile(r"\s+")


@dataclass
class RoleErrors:
    lines: list[str] = field(default_factory=list)
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)
    halves: dict[int, Counter[str]] = field(default_factory=dict)


def _label(person: dict[str, Any]) -> str:
    return str(person.get("name") or "(" + ", ".join(person.get("variants") or []) + ")")


def _shown(roles: set[str]) -> str:
    return ",".join(sorted(roles)) or "-"


def _context(text: str, person: dict[str, Any]) -> list[str]:
    out = []
    for ev in (person.get("evidence") or [])[:MENTIONS]:
        a, b = ev["start"], ev["end"]
        before = SPACES.sub(" ", text[max(0, a - CONTEXT) : a])
        after = SPACES.sub(" ", text[b : b + CONTEXT])
        out.append(f"      ...{before}[[{text[a:b]}]]{after}...")
    return out


def count_errors(folder: Path, cases: list[str]) -> RoleErrors:
    """Extract each case and list its persons whose roles differ from the gold's."""
    found = RoleErrors()
    records = extract_corpus(folder, cases)
    for i, case in enumerate(cases):
        half = found.halves.setdefault(i % 2 + 1, Counter())
        gold = load_record(folder / f"{case}.gold.yaml")
        text = (folder / f"{case}.txt").read_text(encoding="utf-8")
        gp = gold.get("persons") or []
        pp = (records.get(case) or {}).get("persons") or []
        pairs = dict(_match(gp, pp, _same_person))
        lines = []
        for gi, g in enumerate(gp):
            groles = set(g.get("roles") or [])
            p = pp[pairs[gi]] if gi in pairs else None
            proles = set((p or {}).get("roles") or [])
            half["tp"] += len(groles & proles)
            half["fn"] += len(groles - proles)
            half["fp"] += len(proles - groles)
            if groles == proles:
                continue
            shown = _shown(proles) if p else "not found"
            found.pairs[(_shown(groles), shown)] += 1
            lines.append(f"  {_label(g)}: gold {_shown(groles)} -> {shown}")
            if p:
                lines += _context(text, p)
        for pi, p in enumerate(pp):
            if pi not in pairs.values():
                roles = set(p.get("roles") or [])
                half["fp"] += len(roles)
                found.pairs[("no such person", _shown(roles))] += 1
                lines.append(f"  {_label(p)}: not in the gold -> {_shown(roles)}")
        if lines:
            found.lines += [f"{case} (half {i % 2 + 1})", *lines]
    return found


def _f1(c: Counter[str]) -> float:
    return 2 * c["tp"] / (2 * c["tp"] + c["fp"] + c["fn"]) if c["tp"] else 0.0


def format_report(found: RoleErrors) -> str:
    out = list(found.lines)
    out.append("")
    out.append(f"{'persons':>7}  gold -> extracted")
    for (gold, pred), n in sorted(found.pairs.items(), key=lambda kv: (-kv[1], kv[0])):
        out.append(f"{n:>7}  {gold} -> {pred}")
    for h, c in sorted(found.halves.items()):
        out.append(f"half {h}: roles tp {c['tp']} fp {c['fp']} fn {c['fn']}, F1 {_f1(c):.4f}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    return run_rule_tool(argv, __doc__, count_errors, format_report)


if __name__ == "__main__":
    sys.exit(main())
