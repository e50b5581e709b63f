"""How a folder's gold codes the choices the corpus README leaves open, counted from the gold.

The hidden appeals are coded as the development corpus is; where the README is silent, its
gold's habits are the convention. This counts, per choice, what the gold files of a folder do,
so that the development gold and the invented gold can be set side by side:

    python tools/gold_conventions.py ../shared/corpus          # the dev split
    python tools/gold_conventions.py tests/data/invented --all  # every case of a folder

A person "called" a lawyer, journalist or blogger is one whose name (or a variant) stands next
to the word in the text: "lawyer X", "X, a human rights lawyer", "X, lawyer"; a "client" so
too ("his client X"). A court counts in a detention if it is an agent or the authority; a
national human rights institution is a body whose name or variant reads as one ("Human Rights
Commission", "Ombudsman", "Defensoría del Pueblo", "Public Defender"). The test split
(``data/corpus-test-split.txt``) is never read, with ``--all`` neither.

Exit codes: 0 report printed, 2 could not run.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from kg.extract.evaluate import load_record
from kg.extract.ruletools import run_rule_tool

PROSECUTOR_GENERAL = re.compile(
    r"\b(?:prosecutor|procurator|attorney)[- ]general\b|\bgeneral (?:prosecutor|procurator)",
    re.IGNORECASE,
)
NHRI = re.compile(
    r"human rights (?:commission|institution|ombudsman)|\bombuds|defensor[ií]a|"
    r"defensor del pueblo|people'?s advocate|public defender|commissioner for human rights|"
    r"national (?:commission|council) (?:for|on) human rights",
    re.IGNORECASE,
)
CUSTODY = ("arrest", "detention")
PLURAL_GROUP = re.compile(
    r"(?:men|people|persons|officers|officials|agents|lawyers|students|members|relatives|"
    r"attackers|individuals|colleagues|activists|journalists|defenders|accused|others|"
    r"investigators|guards|soldiers|workers|women|children|assailants|family)\b",
    re.IGNORECASE,
)


def _names(p: dict[str, Any]) -> list[str]:
    names = [p.get("name")] + list(p.get("variants") or [])
    return [n for n in names if n and n[:1].isupper() and len(n) > 3]


def _called(text: str, p: dict[str, Any], words: str) -> bool:
    """Whether the text puts one of ``words`` right before or in apposition after a name."""
    for name in _names(p):
        n = re.escape(name)
        # "lawyer X", "lawyers A, B and X" (a list of capitalised names), "X, a lawyer"
        before = rf"\b(?:{words})s?,?\s+(?:(?:[A-Z][\w.’'-]*|and),?\s+){{0,12}}?{n}"
        after = (
            rf"{n}\s*,\s+(?:(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){{0,4}}?)?(?:{words})\b"
        )
        if re.search(before, text) or re.search(after, text):
            return True
    return False


def _roles(p: dict[str, Any]) -> str:
    return "+".join(sorted(p.get("roles") or [])) or "-"


def count_conventions(folder: Path, cases: list[str]) -> dict[str, Counter[str]]:
    """Per choice, a tally of how the gold codes it (keys name the coding)."""
    out: dict[str, Counter[str]] = {}

    def tally(point: str, key: str) -> None:
        out.setdefault(point, Counter())[key] += 1

    for name in cases:
        gold = load_record(folder / f"{name}.gold.yaml")
        text = (folder / f"{name}.txt").read_text(encoding="utf-8")
        text = re.sub(r"\s+", " ", text)
        persons = gold.get("persons") or []
        orgs = {o["id"]: o for o in gold.get("organisations") or []}
        events = gold.get("events") or []
        acting = {a for e in events for a in (e.get("agents") or [])}
        targeted = {t for e in events for t in (e.get("targets") or [])}
        roles_of = {p["id"]: list(p.get("roles") or []) for p in persons}
        held = {t for e in events if e.get("type") in CUSTODY for t in (e.get("targets") or [])}
        for p in persons:
            roles = set(p.get("roles") or [])
            if p.get("name") and _called(text, p, "lawyer|attorney|advocate|barrister"):
                if p["id"] in targeted or "defender" in roles:
                    tally("1 persecuted person called a lawyer", _roles(p))
            posts = " ".join(
                [p.get("name") or ""]
                + list(p.get("variants") or [])
                + [(x or {}).get("title") or "" for x in p.get("positions") or []]
            )
            if PROSECUTOR_GENERAL.search(posts):
                tally("2 prosecutor general (person)", _roles(p))
            if not p.get("name"):
                label = " ".join(p.get("variants") or [])
                if PLURAL_GROUP.search(label) or re.match(r"\s*(?:two|three|four|five|\d)", label):
                    side = "target" if p["id"] in targeted else "-"
                    side = "agent" if p["id"] in acting else side
                    tally("3 unnamed group (person, name null)", f"listed, {side}")
            if p.get("name") and _called(text, p, "journalist|blogger|reporter|editor"):
                tally("8 person called a journalist or blogger", _roles(p))
            if "relative" in roles and p["id"] in held:
                tally("9 relative arrested or detained", _roles(p))
            if p.get("name") and _called(text, p, "client"):
                side = "target" if p["id"] in targeted else "-"
                tally("10 person called a client", f"{_roles(p)}, {side}")
        for o in orgs.values():
            if PROSECUTOR_GENERAL.search(o.get("name") or ""):
                tally("2 prosecutor general (body)", str(o.get("kind")))
            names = " ".join([o.get("name") or ""] + list(o.get("variants") or []))
            if NHRI.search(names) and not re.search(r"\bU\.?N\b|United Nations", names):
                tally("13 national human rights institution", str(o.get("kind")))
            if (o.get("name") or "x")[:1].islower():
                side = "agent" if o["id"] in acting else "-"
                tally("4 body in lower case", f"{o.get('kind')}, {side}")
        for e in events:
            typ = e.get("type")
            if typ in ("arrest", "summons"):
                auth = orgs.get(e.get("authority") or "")
                police = [
                    a for a in e.get("agents") or [] if (orgs.get(a) or {}).get("kind") == "police"
                ]
                key = f"authority {auth.get('kind') if auth else 'none'}"
                section = "5 arrest" if typ == "arrest" else "11 summons"
                tally(section, key + (", police agent" if police else ""))
            if typ == "detention":
                courts = {i for i, o in orgs.items() if o.get("kind") == "court"}
                agent = bool(courts & set(e.get("agents") or []))
                auth = e.get("authority") in courts
                if agent or auth:
                    key = {
                        (True, True): "court agent and authority",
                        (True, False): "court agent only",
                        (False, True): "court authority only",
                    }[(agent, auth)]
                    officers = {
                        r
                        for a in e.get("agents") or []
                        for r in roles_of.get(a, [])
                        if r in ("judge", "prosecutor")
                    }
                    key += "".join(f", {r} agent" for r in sorted(officers))
                    tally("12 detention ordered by a court", key)
            note = (e.get("note") or "").lower()
            if "bail" in note:
                tally("6 event noted as bail", str(typ))
            if typ in ("conviction", "sentence"):
                pen = "penalty" if e.get("penalty") else "no penalty"
                tally("7 conviction or sentence", f"{typ}, {pen}")
    return out


def format_report(counts: dict[str, Counter[str]]) -> str:
    lines = []
    for point in sorted(counts, key=lambda k: int(k.split()[0])):
        lines.append(point)
        for key, n in counts[point].most_common():
            lines.append(f"  {n:4d}  {key}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    return run_rule_tool(argv, __doc__, count_conventions, format_report)


if __name__ == "__main__":
    sys.exit(main())
