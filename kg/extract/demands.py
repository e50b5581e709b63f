"""Rights at stake and demands: numbered and prose demands with their addressees."""

from __future__ import annotations

import re
from typing import Any

from kg.extract.entities import Entities, Entity
from kg.extract.text import Doc, clean, evidence, sentences_with

# ---------------------------------------------------------------- rights and demands

RIGHT_RE = re.compile(
    r"\b(?P<r>(?:the )?(?:right to (?:liberty and security|liberty|a fair trial|peaceful assembly|"
    r"privacy|life|respect for private life, home and correspondence|communicate freely with "
    r"international bodies|[a-z]+)|freedom of (?:expression|association|assembly|peaceful assembly|"
    r"movement|religion|the press)|freedoms of expression and association|prohibition of "
    r"(?:torture|inhuman or degrading treatment)))"
)
DEMAND_INTRO = re.compile(
    r"(?:urges?|calls? (?:up)?on|asks?|asking them|requests?|following matters)[^.:]{0,200}:\s*$"
)
ITEM_RE = re.compile(r"^\s*(?:(?:\d{1,2}|[ivx]{1,4}|[a-h])[.)]|[•▪◦*–-])\s+", re.M)


def find_rights(doc: Doc, ents: Entities) -> list[dict[str, Any]]:
    rights, seen = [], set()
    in_sentence: dict[int, list[Entity]] = {}
    for e in ents.of("instrument"):
        for s in sentences_with(doc, [a for a, _ in e.mentions]):
            in_sentence.setdefault(s.start, []).append(e)
    for s in doc.sentences:
        text = doc.flat[s.start : s.end]
        insts = in_sentence.get(s.start, [])
        for m in RIGHT_RE.finditer(text):
            names = [m.group("r").removeprefix("the ")]
            if names[0] == "freedoms of expression and association":
                names = ["freedom of expression", "freedom of association"]
            for name in names:
                for inst in insts or [None]:
                    key = (name, inst.id if inst else None)
                    if key in seen:
                        continue
                    seen.add(key)
                    rights.append({"name": name, "guaranteed_by": key[1],
                                   "evidence": evidence(doc, s.start, s.end)})  # fmt: skip
    return rights


def find_demands(doc: Doc, country: str | None) -> tuple[list[dict[str, Any]], int]:
    """The numbered list after "urges ... to:", with its addressees; returns (demands, start)."""
    text = doc.text
    for para in doc.paragraphs:
        intro = text[para.start : para.end]
        if not DEMAND_INTRO.search(clean(intro)):
            continue
        addressees = _addressees(clean(intro), country)
        items = []
        pos = para.end
        for m in ITEM_RE.finditer(text, pos):
            gap = text[pos : m.start()]
            if items and re.search(r"\n\s*\n\s*[^\s\d]", gap) and not gap.strip() == "":
                break
            if not items and text[pos : m.start()].strip():
                break
            items.append(m)
            pos = m.end()
        if not items:
            continue
        demands = []
        for i, m in enumerate(items):
            end = items[i + 1].start() if i + 1 < len(items) else _item_end(text, m.end())
            raw = text[m.end() : end].rstrip()
            summary = clean(raw).rstrip(";.,")
            summary = re.sub(r"^(?:Please|and)\s+", "", summary)
            demands.append({
                "addressees": addressees, "summary": summary[:1].lower() + summary[1:],
                "confidence": 0.8, "evidence": evidence(doc, m.end(), m.end() + len(raw)),
            })  # fmt: skip
        after = text[_item_end(text, items[-1].end()) : _item_end(text, items[-1].end()) + 600]
        um = re.search(r"(?:Meanwhile, )?we (?:urge|call on)[^.]{5,300}\.", after)
        if um:
            off = _item_end(text, items[-1].end()) + um.start()
            span = evidence(doc, off, off + len(um.group(0)))
            demands.append(
                {"addressees": addressees, "summary": clean(um.group(0)), "confidence": 0.6,
                 "evidence": span}
            )  # fmt: skip
        return demands, para.start
    return [], len(text)


def _item_end(text: str, pos: int) -> int:
    m = re.compile(r"\n\s*\n").search(text, pos)
    return m.start() if m else len(text)


def _addressees(intro: str, country: str | None) -> list[str]:
    m = re.search(r"the authorities (?P<p>in|of) (?P<a>(?:the )?[A-Z][\w ]+?)"
                  r"(?: and (?:the )?(?P<b>[A-Z][\w ]+?))?\s+(?:to|,|asking)", intro)  # fmt: skip
    if m:
        out = [f"authorities {m.group('p')} {m.group('a')}"]
        if m.group("b"):
            out.append(f"authorities of the {m.group('b')}" if not m.group("b").startswith("the")
                       else f"authorities of {m.group('b')}")  # fmt: skip
        return out
    if re.search(r"Government|Excellency|following matters", intro) and country:
        return [f"Government of {country}"]
    return [f"authorities of {country}"] if country else []
