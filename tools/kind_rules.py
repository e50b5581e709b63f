"""Which rules give organisations their kinds, in how many appeals, and how often the gold agrees.

A kind read from one head word or one hint pattern that decides a body in one appeal only was
probably written for that appeal's wording, or has not been tried on others; this report finds
such rules, as ``tools/role_rules.py`` does for roles. Each organisation the extractor outputs is
put down to the rule its kind agrees with, tried in the order ``kg.extract.names.org_kind`` tries
them: a well-known body or platform, a hint pattern of ``ORG_KIND_HINTS`` (by its index and its
first characters), the department or agency rules, the first head word of the name; a kind no rule
of the name gives was set by the words around the body or by a pattern of ``kg/extract/bodies.py``
("context"). For each rule the report gives the appeals it decided a body in, the bodies, how many
of them the gold lists (matched as ``kg eval`` matches organisations) and how many of those the
gold gives the same kind; a rule that decided bodies in one appeal is printed with that appeal's
name, first. A summary of kind confusions (gold kind -> extracted kind) closes the report.

    python tools/kind_rules.py ../shared/corpus            # the dev split
    python tools/kind_rules.py FOLDER --all                 # every case of a folder

The test split (``data/corpus-test-split.txt``) is never read: its cases are left out of a
folder read with ``--all`` too.

Exit codes: 0 report printed, 2 could not run.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.extract import extract_case
from kg.extract.evaluate import _match, _same_org, load_record
from kg.extract.lexicon import KNOWN_BODIES, ORG_HEADS, ORG_KIND_HINTS, PLATFORMS
from kg.extract.names import AGENCY_OR_COMMITTEE, DEPARTMENT_WORD, INVESTIGAT
from kg.extract.ruletools import run_rule_tool

QUOTES = '“”"'


@dataclass
class KindRule:
    rule: str
    appeals: set[str] = field(default_factory=set)
    given: int = 0
    listed: int = 0
    agrees: int = 0


def kind_rule(name: str, kind: str) -> str:
    """The rule of the name that gives ``kind``, in the order the extractor tries them, or
    "context" when none of the name's rules gives it."""
    if name in PLATFORMS:
        return "platform" if kind == "media" else "context"
    if name in KNOWN_BODIES:
        return "known body" if KNOWN_BODIES[name] == kind else "context"
    for i, (rx, hint) in enumerate(ORG_KIND_HINTS):
        if rx.search(name):
            return f"hint {i} ({hint}): {rx.pattern[:40]}" if hint == kind else "context"
    if DEPARTMENT_WORD.search(name) and INVESTIGAT.search(name):
        return "department of investigation" if kind in ("police", "prosecution") else "context"
    if AGENCY_OR_COMMITTEE.search(name) and "Security" in name:
        return "security agency or committee" if kind == "security_service" else "context"
    for w in name.split():
        word = w.strip(QUOTES)
        head = ORG_HEADS.get(word)
        if head:
            return f"head word {word} ({head})" if head == kind else "context"
    return "no rule (other)" if kind == "other" else "context"


def count_rules(folder: Path, cases: list[str]) -> tuple[dict[str, KindRule], Counter[Any]]:
    """Per rule, the appeals and bodies it decided and the gold's agreement; and the counts of
    (gold kind, extracted kind) over the bodies both list with different kinds."""
    rules: dict[str, KindRule] = {}
    confusions: Counter[Any] = Counter()
    for name in cases:
        gold = load_record(folder / f"{name}.gold.yaml")
        text = (folder / f"{name}.txt").read_text(encoding="utf-8")
        record = extract_case(text, appeal_id=name)
        go, po = gold.get("organisations") or [], record["organisations"]
        pairs = {pi: gi for gi, pi in _match(go, po, _same_org)}
        for pi, o in enumerate(po):
            key = kind_rule(o["name"] or "", o["kind"])
            rule = rules.setdefault(key, KindRule(key))
            rule.appeals.add(name)
            rule.given += 1
            if pi in pairs:
                rule.listed += 1
                gold_kind = go[pairs[pi]].get("kind")
                rule.agrees += gold_kind == o["kind"]
                if gold_kind != o["kind"]:
                    confusions[(gold_kind, o["kind"])] += 1
    return rules, confusions


def format_report(rules: dict[str, KindRule], confusions: Counter[Any], width: int = 60) -> str:
    rows = sorted(rules.values(), key=lambda r: (len(r.appeals), r.rule))
    out = [f"{'appeals':>7} {'bodies':>6} {'listed':>6} {'agrees':>6}  rule"]
    for r in rows:
        only = f"  [{next(iter(r.appeals))}]" if len(r.appeals) == 1 else ""
        out.append(
            f"{len(r.appeals):7d} {r.given:6d} {r.listed:6d} {r.agrees:6d}  {r.rule[:width]}{only}"
        )
    out.append("kinds the gold gives otherwise (gold -> extracted):")
    for (g, p), n in sorted(confusions.items(), key=lambda c: (-c[1], c[0])):
        out.append(f"{n:7d}  {g} -> {p}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    return run_rule_tool(argv, __doc__, count_rules, lambda found: format_report(*found))


if __name__ == "__main__":
    sys.exit(main())
