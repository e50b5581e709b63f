"""Which role rules fire in how many appeals, and how often the role they give is the gold's.

A rule that fires in one appeal only was probably written for that appeal's wording; this
report finds such rules so that they can be generalised or removed. Every line of
``kg/extract/roles.py`` that appends a role to a person is a rule; the script traces the
extraction of each development appeal, and for each rule counts the appeals it fired in, the
roles it gave, how many of them the gold gives the same person (matched as ``kg eval`` matches
persons) and how many survived to the output. (Roles set after the events stage,
``roles_from_events``, are not lines of that form and are not counted.)

    python tools/role_rules.py ../shared/corpus            # the dev split
    python tools/role_rules.py FOLDER --all                 # every case of a folder

The test split (``data/corpus-test-split.txt``) is never read: its cases are left out of a
folder traced with ``--all`` too.

Exit codes: 0 report printed, 2 could not run.
"""

from __future__ import annotations

import linecache
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from kg.extract import pipeline
from kg.extract import roles as roles_module
from kg.extract.evaluate import (
    _match,
    _same_person,
    load_record,
)
from kg.extract.ruletools import run_rule_tool

#: A rule: a line that appends or extends a person's roles; the argument is evaluated in the
#: traced frame to learn which role it gives.
ROLE_LINE = re.compile(r"\broles\.(?:append|extend)\((?P<arg>.*?)\)\s*(?:#.*)?$")


@dataclass
class RuleCount:
    line: int
    source: str
    appeals: set[str] = field(default_factory=set)
    given: int = 0
    in_gold: int = 0
    kept: int = 0


def _trace_case(text: str, name: str) -> list[tuple[int, Any, list[str]]]:
    """Extract one appeal, noting each rule line that runs, for which person, with which roles."""
    fired: list[tuple[int, Any, list[str]]] = []
    path = roles_module.__file__

    def local(frame: FrameType, event: str, _arg: Any) -> Any:
        if event == "line":
            m = ROLE_LINE.search(linecache.getline(path, frame.f_lineno))
            if m:
                try:
                    value = eval(m.group("arg"), frame.f_globals, dict(frame.f_locals))  # noqa: S307
                except Exception:  # noqa: BLE001 (a name not yet bound: the role is unknown)
                    value = []
                given = [value] if isinstance(value, str) else list(value or [])
                fired.append((frame.f_lineno, frame.f_locals.get("p"), given))
        return local

    def tracer(frame: FrameType, _event: str, _arg: Any) -> Any:
        return local if frame.f_code.co_filename == path else None

    sys.settrace(tracer)
    try:
        record = pipeline.extract_case(text, appeal_id=name)
    finally:
        sys.settrace(None)
    return [(line, (p, record), given) for line, p, given in fired]


def count_rules(folder: Path, cases: list[str]) -> dict[int, RuleCount]:
    """Per rule line, the appeals it fired in and how its roles compare with the gold."""
    counts: dict[int, RuleCount] = {}
    path = roles_module.__file__
    for name in cases:
        gold = load_record(folder / f"{name}.gold.yaml")
        text = (folder / f"{name}.txt").read_text(encoding="utf-8")
        fired = _trace_case(text, name)
        if not fired:
            continue
        record = fired[0][1][1]
        gp, pp = gold.get("persons") or [], record["persons"]
        pairs = {pi: gi for gi, pi in _match(gp, pp, _same_person)}
        index = {p["id"]: i for i, p in enumerate(pp)}
        for line, (entity, _), given in fired:
            rule = counts.setdefault(line, RuleCount(line, linecache.getline(path, line).strip()))
            rule.appeals.add(name)
            pi = index.get(getattr(entity, "id", None))
            gold_roles = set(gp[pairs[pi]].get("roles") or []) if pi in pairs else set()
            final = set(pp[pi]["roles"]) if pi is not None else set()
            for role in given:
                role = role.rstrip("?")
                rule.given += 1
                rule.in_gold += role in gold_roles
                rule.kept += role in final
    return counts


def format_report(counts: dict[int, RuleCount], width: int = 70) -> str:
    rows = sorted(counts.values(), key=lambda r: (len(r.appeals), r.line))
    out = [f"{'line':>5} {'appeals':>7} {'given':>5} {'gold':>5} {'kept':>5}  rule"]
    for r in rows:
        only = f"  [{next(iter(r.appeals))}]" if len(r.appeals) == 1 else ""
        out.append(
            f"{r.line:5d} {len(r.appeals):7d} {r.given:5d} {r.in_gold:5d} {r.kept:5d}  "
            f"{r.source[:width]}{only}"
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    return run_rule_tool(argv, __doc__, count_rules, format_report)


if __name__ == "__main__":
    sys.exit(main())
