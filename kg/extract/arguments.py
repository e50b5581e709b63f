"""Arguments of an event: its date (bound to its clause), agents, targets, authority,
provisions, penalty and place from the words around the trigger.
"""

from __future__ import annotations

import re
from typing import Any

from kg.extract.dates import REL_RE, DateMention, format_date
from kg.extract.entities import STATE_KINDS, Entities, Entity
from kg.extract.lexicon import NUMBER_WORDS
from kg.extract.text import Doc, Span, clean, evidence


def tight_date(flat: str, sdates: list[DateMention], end: int) -> DateMention | None:
    """A date right after an event phrase, introduced by "on" or "in", belongs to it."""
    for d in sdates:
        if end <= d.start <= end + 30:
            gap = flat[end : d.start]
            if TIGHT_DATE.fullmatch(gap) and (
                re.search(r"\b(?:on|in)\s+$", gap)
                or re.match(r"[Ii]n\s", flat[d.start : d.end])
                or REL_RE.fullmatch(flat, d.start, d.end)  # "released two days later"
            ):
                return d
    return None


def event_date(sdates: list[DateMention], pos: int, clauses: list[int], others: list[int]) -> Any:
    """The date of the clause the event phrase stands in, else the nearest before it."""
    k = next((i for i in range(len(clauses) - 1) if clauses[i] <= pos < clauses[i + 1]), 0)
    c0, c1 = clauses[k], clauses[k + 1]
    in_clause = [d for d in sdates if c0 <= d.start < c1]
    before = [d for d in in_clause if d.start < pos]
    if before:
        return before[-1].value
    after = [d for d in in_clause if d.start >= pos]
    if after and not any(pos < h < after[0].start for h in others):
        return after[0].value
    before = [d for d in sdates if d.start < pos]
    if before and before[0].start - clauses[0] <= OPENING_GAP and before[0].value[2] is not None:
        # "On 3 May 2024, the court convicted him for a speech of 2020, and sentenced him":
        # a date that opens the sentence governs its clauses that give no date of their own
        return before[0].value
    if before:
        return before[-1].value
    return None


#: How far into its sentence a date may stand and still open it ("On 3 May 2024, ...").
OPENING_GAP = 6


def gapped_dates(sdates: list[DateMention], end: int, flat: str) -> list[Any]:
    """``X was killed on D1, Y on D2, and Z on D3``: the dates that share one verb."""
    after = [d for d in sdates if d.start >= end]
    out = []
    for d in after:
        lead = flat[max(end, d.start - 8) : d.start]
        if GAPPED_DATE.search(lead) and d.value[2] is not None:
            out.append(d.value)
    return out


def mention_index(ents: Entities) -> list[tuple[int, int, Entity]]:
    idx = []
    for e in ents.items:
        if e.kind in ("person", "organisation"):
            for a, b in e.mentions:
                idx.append((a, b, e))
    return sorted(idx, key=lambda x: x[0])


#: Roles of the people an appeal is about: defenders, and journalists held for their work
#: (coded ``journalist`` without ``defender``, by the gold conventions).
TARGET_ROLES = frozenset({"defender", "journalist"})


def _targeted(e: Entity) -> bool:
    return bool(TARGET_ROLES.intersection(e.attrs.get("roles", [])))


def main_targets(ents: Entities) -> list[str]:
    return [p.id for p in ents.of("person") if _targeted(p)][:2]


def _group_before(
    mentions: list[tuple[int, int, Entity]], pos: int, group: re.Match[str]
) -> list[str]:
    """The defenders a plural reference points back to: those named together last before it,
    as many as its number says ("all four", "both")."""
    word = (group.group("n") or ("two" if group.group().lower().startswith("both") else "")).lower()
    n = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
    found: list[str] = []
    last = None
    for a, _b, e in reversed(mentions):
        if a >= pos or e.kind != "person" or not _targeted(e):
            continue
        if last is not None and not n and last - a > 300:
            break  # without a number: only the defenders named together last
        if e.id not in found:
            found.append(e.id)
        last = a
        if n and len(found) >= n:
            break
    if not n and len(found) < 2:
        return []
    return sorted(found, key=lambda i: int(i[1:]) if i[1:].isdigit() else 0)


def make_event(
    doc: Doc,
    ents: Entities,
    mentions: list[tuple[int, int, Entity]],
    provs: list[tuple[int, int, dict[str, Any]]],
    s: Span,
    a: int,
    b: int,
    etype: str,
    value: Any,
    prev_targets: list[str],
) -> dict[str, Any]:
    agents, targets = [], []
    for ma, _mb, e in mentions:
        if not s.start <= ma < s.end:
            continue
        is_state = e.kind == "organisation" and e.attrs.get("kind") in STATE_KINDS
        if ma < a and (is_state or "judge" in e.attrs.get("roles", [])
                       or "prosecutor" in e.attrs.get("roles", [])):  # fmt: skip
            agents.append(e.id)
        elif ma >= a and e.kind == "person" and _targeted(e):
            targets.append(e.id)
        elif ma < a and e.kind == "person" and _targeted(e):
            targets.append(e.id)
    group = GROUP_TARGET.search(doc.flat[s.start : s.end])
    if not targets and group:
        targets = _group_before(mentions, s.start, group) or list(prev_targets)
    elif not targets and PRONOUN_TARGET.search(doc.flat[s.start : s.end]):
        targets = list(prev_targets[:1])
    agents = list(dict.fromkeys(agents))[-1:] if agents else []
    authority = None
    for ag in agents:
        e = next((x for x in ents.items if x.id == ag), None)
        if e and e.attrs.get("kind") in ("court", "prosecution", "police", "security_service"):
            authority = ag
    provisions = [p["id"] for pa, _pb, p in provs if s.start <= pa < s.end]
    penalty = None
    if etype in ("sentence", "fine", "ban", "detention"):
        m = re.search(r"(?:sentenced (?:him |her |them )?to|fined( \w+)*?)\s+(?P<p>[^,;.]{3,60})",
                      doc.flat[a : s.end])  # fmt: skip
        if m and etype in ("sentence", "fine"):
            penalty = clean(m.group("p"))
    return {
        "id": "",
        "type": etype,
        "date": format_date(value),
        "agents": agents,
        "targets": list(dict.fromkeys(targets)),
        "authority": authority,
        "provisions": list(dict.fromkeys(provisions)),
        "penalty": penalty,
        "place": None,
        "note": clean(doc.flat[a:b]),
        "confidence": 0.6 if value else 0.4,
        "evidence": evidence(doc, s.start, s.end),
    }


PRONOUN_TARGET = re.compile(
    r"\b(?:him|he|his|them|they|their|the two men|the human rights defender|the defendants)\b", re.I
)


_GROUP_NUM = r"two|three|four|five|six|seven|eight|nine|ten|\d+"


GROUP_TARGET = re.compile(
    rf"\b(?:them|they|their|the defendants|the accused|both(?: (?:men|women))?|"
    rf"(?:all|the) (?P<n>{_GROUP_NUM})(?: (?:men|women|defenders|activists|accused))?)\b",
    re.I,
)


TIGHT_DATE = re.compile(r"(?:\s+(?:him|her|them|it|its \w+|the \w+))?\s+(?:(?:on|in)\s+)?")


GAPPED_DATE = re.compile(r"(?:,|\w)\s+(?:on|in)\s+$")
