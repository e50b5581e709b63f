"""Bodies the head-word rules miss or cut wrongly: diplomatic missions, numbered court branches,
police forces qualified by their place, and the tidying of names that are not bodies at all.

These are patterns of the genre, not of one appeal: letters to a government are copied to its
mission or embassy; courts sit in numbered branches; a narrative names "the Zenda police" once
and "the police" after.
"""

from __future__ import annotations

import re

from kg.extract.entities import Entities, Entity
from kg.extract.lexicon import MONTHS, ORG_HEADS
from kg.extract.text import Doc, clean

_CAP = r"[A-Z][\w’'\-]*"
_NAME = rf"{_CAP}(?:\s+(?:of\s+|the\s+|and\s+)*{_CAP})*"

#: "Permanent Mission of Zembla to the United Nations in Geneva", "Embassy of Zembla to the
#: European Union", "Embassy of Zembla": a state's mission, named with whom it is accredited.
MISSION = re.compile(
    rf"\b(?:Permanent\s+Mission|Embassy|Consulate(?:\s+General)?|High\s+Commission)\s+of\s+"
    rf"(?:the\s+)?{_NAME}(?:\s+to\s+(?:the\s+)?{_NAME}(?:\s+(?:in|at)\s+{_CAP})?)?"
)
#: "Branch 15 of the Zenda Revolutionary Court", "Regional Trial Court Branch 45": a court's
#: numbered branch is the body that tried the case.
BRANCH = re.compile(
    rf"\bBranch\s+\d+\s+of\s+the\s+{_NAME}(?:\s+in\s+{_CAP})?|"
    rf"\b{_CAP}(?:\s+{_CAP})*\s+Court\s+Branch\s+\d+\b"
)
#: "the Zenda police", "Zenda state police", "Zemblan criminal police", "Zenda police station".
PLACE_POLICE = re.compile(
    r"(?<![\w’'])(?P<n>(?!(?:The|A|An|This|That|Local|Other|Plainclothes|Traffic|Secret|Riot|"
    r"Military|Some|Several|Two|Three|Four|Five|Six|Ten)\b)[A-Z][\w’'\-]*"
    r"(?:\s+(?:state|district|city|provincial|regional|municipal|criminal))?\s+police"
    r"(?:\s+station)?)\b"
)
#: "Your Excellency’s Government": the addressee's government, not a named body.
ADDRESSEE_BODY = re.compile(r"^(?:Your\s+)?Excellency[’']s\b")
#: Prizes and awards are not bodies: "the Zenda Prize for Courage".
NOT_A_BODY = re.compile(r"\b(?:Prize|Award|Awards|Medal)\b")
#: Words a name never ends with: "Government of", "Zenda Group in September".
TRAILING = frozenset(("of", "the", "and", "in"))
#: The owner of a prize: "European Parliament’s Sakharov Prize" names the European Parliament.
OWNER = re.compile(r"^(?P<o>.+?)[’']s\s+")


def add_pattern_bodies(doc: Doc, ents: Entities, main_country: str | None) -> None:
    """Missions, court branches and place-qualified police, by pattern."""
    flat = doc.flat
    spans = []
    for rx in (MISSION, BRANCH):
        for m in rx.finditer(flat):
            a, b = m.start(), _line_end(doc.text, m.start(), m.end())
            text = clean(flat[a:b]).rstrip(".,")
            e = ents.add(Entity("organisation", text, a, a + len(flat[a:b].rstrip(".,"))))
            e.attrs["kind"] = "court" if rx is BRANCH else "government"
            e.attrs.setdefault("country", main_country if rx is BRANCH else None)
            spans.append((e, a, b))
    for m in PLACE_POLICE.finditer(flat):
        if m.group("n").split()[0] in MONTHS:
            continue
        e = ents.add(Entity("organisation", clean(m.group("n")), m.start("n"), m.end("n")))
        e.attrs.setdefault("kind", "police")
        e.attrs.setdefault("country", main_country)
    # the capitalised runs inside a mission or branch ("United Nations in Geneva") are part of it
    for o in list(ents.of("organisation")):
        inside = [
            (x, y) for x, y in o.mentions
            if any(p is not o and a <= x and y <= b for p, a, b in spans)
        ]  # fmt: skip
        if inside:
            o.mentions = [mm for mm in o.mentions if mm not in inside]
            if not o.mentions:
                ents.items.remove(o)


def _line_end(text: str, a: int, b: int) -> int:
    """Cut a match at the end of a short line: an address block puts one item a line."""
    nl = text.find("\n", a, b)
    if nl < 0:
        return b
    line_start = text.rfind("\n", 0, a) + 1
    return nl if nl - line_start < 60 else b


def tidy_organisations(ents: Entities) -> None:
    """Drop names that are no bodies; keep the owner of a prize; trim a trailing "of" or
    month."""
    for e in list(ents.of("organisation")):
        name = e.name or ""
        if ADDRESSEE_BODY.match(name):
            ents.items.remove(e)
            continue
        if NOT_A_BODY.search(name):
            owner = OWNER.match(name)
            ents.items.remove(e)
            if owner and not NOT_A_BODY.search(owner.group("o")):
                a = e.start
                kept = ents.add(Entity("organisation", owner.group("o"), a, a + owner.end("o")))
                kept.attrs.setdefault("kind", e.attrs.get("kind", "other"))
                kept.attrs.setdefault("country", e.attrs.get("country"))
            continue
        words = name.split()
        cut = len(words)
        while cut > 1 and (words[cut - 1] in TRAILING or words[cut - 1] in MONTHS):
            cut -= 1
            if words[cut - 1] == "in":
                cut -= 1
        if cut < len(words):
            short = " ".join(words[:cut])
            if cut == 1 and short in ORG_HEADS:
                ents.items.remove(e)  # "Government of": a bare head word names no body
                continue
            e.variants = [v for v in e.variants if v != short]
            e.name = short
    # "Branch 2 of the Zenda Court" and "Branch 2 of the Zenda Court in Strelsau" are one body
    orgs = ents.of("organisation")
    for short in orgs:
        for full in orgs:
            if (
                full is not short
                and full in ents.items
                and short in ents.items
                and (full.name or "").startswith((short.name or "") + " in ")
            ):
                full.mentions.extend(short.mentions)
                if short.name and short.name not in full.variants:
                    full.variants.append(short.name)
                ents.items.remove(short)
