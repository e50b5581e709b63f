"""Instruments and their provisions: articles, parts and sections with the instrument they
belong to and the offence label the text gives them.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from kg.extract.entities import ACRONYM_DEF, Entities, Entity, country_in
from kg.extract.lexicon import INSTRUMENT_HEADS, WELL_KNOWN_INSTRUMENTS
from kg.extract.text import Doc, Span, clean

# ---------------------------------------------------------------- instruments and provisions

ARTICLE_NUM = (
    r"\d+[A-Z]?(?:\.\d+)*[¹²³⁴⁵⁶⁷⁸⁹]?(?:\s*§\s*\d+)?(?:\s*\(\w{1,3}\))*"
    r"(?:,?\s*(?:[Pp]art|[Pp]aragraph|para\.)\s+\d+)?"
)
ARTICLES_RE = re.compile(
    rf"\b(?:[Aa]rt(?:icles?|s?\.)|[Ss]ections?|[Ss]s?\.)\s+(?P<list>{ARTICLE_NUM}(?:\s*(?:\([a-z][^()]{{2,60}}\))?"
    rf"(?:\s*,\s*|\s+and\s+|\s*&\s*){ARTICLE_NUM})*)"
    rf"(?P<label>\s*\((?!Art)[a-z][^()]{{2,60}}\))?"
    rf"(?P<of>\s+of\s+(?:the\s+|its\s+)?(?P<inst>[A-Z][\w’'\-]*(?:\s+(?:of|on|the|against|and|for|"
    rf"from|[A-Z][\w’'\-]*))*))?"
)
INST_BEFORE = re.compile(r"(?:^|[\s,(])(?P<i>[A-Z]{2,6}|(?:[A-Z][\w’'\-]*\s+)*(?:Code|Act))\s+$")
NUM_IN_LIST = re.compile(rf"(?P<num>{ARTICLE_NUM})(?P<lab>\s*\([a-z][^()]{{2,60}}\))?")


def add_instrument(
    doc: Doc, ents: Entities, text: str, start: int, end: int, head: str, country: str | None
) -> Entity:
    text = re.sub(r"^(?:UN|United Nations)\s+(?=Declaration)", lambda m: m.group(0), text)
    acr = ACRONYM_DEF.match(doc.flat[end : end + 12])
    kind = INSTRUMENT_HEADS.get(head, "law")
    if head == "Code" and re.search(r"\b(?:Criminal|Penal)\b", text):
        kind = "criminal_code"
    before = doc.flat[max(0, start - 6) : start]
    if head == "Agreement" and before.endswith(("“", '"')):
        text = text.strip('“”"')
    e = ents.add(Entity("instrument", text, start, end))
    e.attrs.setdefault("kind", kind)
    if acr and acr.group("acr") not in e.variants:
        e.variants.append(acr.group("acr"))
    juris = None
    if kind in ("criminal_code", "law", "constitution", "decree"):
        juris = country_in(text) or country
    e.attrs.setdefault("jurisdiction", juris)
    e.attrs.setdefault("provisions", [])
    return e


KNOWN_INSTRUMENT_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(a) for a in WELL_KNOWN_INSTRUMENTS) + r")\b"
)


def add_known_instruments(doc: Doc, ents: Entities) -> None:
    found: dict[str, list[re.Match[str]]] = {}
    for m in KNOWN_INSTRUMENT_RE.finditer(doc.flat):
        found.setdefault(m.group(), []).append(m)
    for acr, name in WELL_KNOWN_INSTRUMENTS.items():
        for m in found.get(acr, []):
            e = ents.find("instrument", name)
            if e is None:
                e = add_instrument(doc, ents, name, m.start(), m.end(), name.split()[1], None)
            e.mentions.append((m.start(), m.end()))


def resolve_instrument(ents: Entities, ref: str | None, pos: int) -> Entity | None:
    """The instrument an article belongs to: named after it, else the one last mentioned."""
    insts = ents.of("instrument")
    if ref:
        ref = clean(ref)
        for name in (ref, WELL_KNOWN_INSTRUMENTS.get(ref, ""), WELL_KNOWN_INSTRUMENTS.get(
                "the " + ref, "")):  # fmt: skip
            if name:
                for e in insts:
                    if name == e.name or name in e.variants or (e.name or "").startswith(name):
                        return e
        word = ref.split()[0]
        cands = [e for e in insts if word in (e.name or "").split()]
        cands = [e for e in cands if any(a <= pos for a, _ in e.mentions)] or cands
        if cands:
            return max(cands, key=lambda e: max(a for a, _ in e.mentions if a <= pos)
                       if any(a <= pos for a, _ in e.mentions) else -1)  # fmt: skip
    best, best_pos = None, -1
    for e in insts:
        for a, _ in e.mentions:
            if best_pos < a <= pos:
                best, best_pos = e, a
    if best is None:
        later = [(a, e) for e in insts for a, _ in e.mentions if a > pos]
        if later:
            return min(later, key=lambda x: x[0])[1]
    return best


def add_provisions(doc: Doc, ents: Entities) -> list[tuple[int, int, dict[str, Any]]]:
    """Articles with their parts, attached to their instrument; returns (start, end, provision)."""
    found = []
    # provision ids are unique in the record: the same article number of two instruments gets
    # a suffix in the second
    used = {e.id for e in ents.items if e.id}
    used |= {p["id"] for e in ents.of("instrument") for p in e.attrs.get("provisions", [])}
    for m in ARTICLES_RE.finditer(doc.flat):
        inst_ref = m.group("inst")
        inst = None
        lead = INST_BEFORE.search(doc.flat, max(0, m.start() - 60), m.start())
        if lead and not inst_ref:
            # "IPC Sections 120B and 121", "Criminal Code Article 5": named just before
            inst = resolve_instrument(ents, lead.group("i"), m.start())
        if inst_ref:
            inst_ref = re.sub(r"\s+(?:and|of|on|the|for|from|against)$", "", inst_ref)
            inst = resolve_instrument(ents, inst_ref, m.start())
        if inst is None:
            sent = _sentence_at(doc, m.start())
            nxt = [
                e for e in ents.of("instrument")
                if sent and any(m.end() <= a < sent.end for a, _ in e.mentions)
            ]  # fmt: skip
            inst = (
                nxt[0]
                if nxt and not re.search(r"\bits\s+Art", doc.flat[m.start() - 6 : m.end()])
                else None
            )
            inst = inst or resolve_instrument(ents, None, m.start())
        if inst is None:
            continue
        for n in NUM_IN_LIST.finditer(m.group("list")):
            article = clean(n.group("num"))
            label = n.group("lab") or (
                m.group("label") if n.end() == len(m.group("list")) else None
            )
            label = label or _label_before(doc, m.start())
            if not label and n.end() == len(m.group("list")):
                after = LABEL_AFTER.match(doc.flat, m.end())
                label = after.group("lab") if after else None
            prov = _provision(inst, article, label, used)
            found.append((m.start(), m.end(), prov))
    return found


def _sentence_at(doc: Doc, pos: int) -> Span | None:
    i = bisect.bisect_right(doc.sentence_starts, pos) - 1
    if i >= 0 and pos < doc.sentences[i].end:
        return doc.sentences[i]
    return None


#: Where an offence named before its article starts: after "charged with", "guilty of", a
#: comma or "and" of a list of offences.
LABEL_START = re.compile(
    r"(?:\b(?:charged|accused|suspected|convicted|guilty|charges?|counts?)\s+(?:\w+\s+)?"
    r"(?:with|of)|\bwith|\band|[,;:])\s+"
)
#: The offence named before its article: "tax evasion under Article 5", "theft (Article 5".
LABEL_TAIL = re.compile(
    r"(?:(?:the|a|an)\s+)?(?P<lab>[a-z][a-z’'\- ]{2,80}?)\s*(?:\s+under|\()\s*$"
)
#: The offence named after its article: "charged under Article 5 of the Code with theft".
LABEL_AFTER = re.compile(r"\s+with\s+(?P<lab>[a-z][a-z’'\- ]{2,60}?)\s*(?=[,.;(]|$)")
NOT_LABEL = re.compile(r"\b(?:contrary|pursuant|according|in line|violation|breach)\b")


def _label_before(doc: Doc, pos: int) -> str | None:
    before = doc.flat[max(0, pos - 90) : pos]
    m = re.search(r"[“\"]([^”\"]{3,80})[”\"]\s*(?:\(|under\s+|\s*)$", before)
    if m:
        return m.group(1)
    # the offence after the last list boundary: "X under Article 1, Y under Article 2 and Z (..."
    for b in reversed(list(LABEL_START.finditer(before))):
        t = LABEL_TAIL.fullmatch(before, b.end())
        if t:
            lab = clean(t.group("lab"))
            return None if NOT_LABEL.search(lab) else lab
    return None


def _provision(inst: Entity, article: str, label: str | None, used: set[str]) -> dict[str, Any]:
    provs = inst.attrs["provisions"]
    for p in provs:
        if p["article"] == article:
            if not p.get("label") and label:
                p["label"] = _cap(label.strip(' ()“”"'))
            return p
    base = "a" + re.sub(r"\W+", "_", article).strip("_")
    pid, n = base, 1
    while pid in used:
        n += 1
        pid = f"{base}_{n}"
    used.add(pid)
    prov = {"id": pid, "article": article,
            "label": _cap(label.strip(" ()“”\"")) if label else None}  # fmt: skip
    provs.append(prov)
    return prov


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]
