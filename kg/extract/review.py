"""Drafts are drafts: mark an extracted record for review, rate each fact, list what looks doubtful.

A record the rules drafted is not a record a person has checked. Until someone reviews it, it is
``access: restricted`` (it names people at risk and may be wrong about them) and
``reviewed: false``. Each fact gets a confidence from simple, stated cues (a full name, a
second mention, a role cue, an own date) so a reviewer can start with the weakest facts; the
doubts say in words why a fact is weak.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kg.extract.eventmodel import LEARNED_NOTE
from kg.extract.lexicon import COUNTRIES, DEMONYMS, FORM_WORDS, MONTHS

PLACE_WORDS = frozenset(c.lower() for c in COUNTRIES if " " not in c) | frozenset(
    d.lower() for d in DEMONYMS
)
MONTH_WORDS = frozenset(m.lower() for m in MONTHS)


@dataclass(frozen=True)
class Doubt:
    """One fact that looks doubtful, and why."""

    section: str
    item: str
    confidence: float
    reason: str

    def __str__(self) -> str:
        return f"{self.confidence:.2f} {self.section} {self.item}: {self.reason}"


def mark_draft(record: dict[str, Any]) -> dict[str, Any]:
    """Restrict the record and flag it unreviewed; returns the same record."""
    appeal = record.setdefault("appeal", {})
    appeal["access"] = "restricted"
    appeal["reviewed"] = False
    return record


def _clamp(x: float) -> float:
    return round(min(0.95, max(0.05, x)), 2)


NAME_WORD_RUN = re.compile(r"[^\W\d_][\w’'\-]*")


def _name_words(name: str) -> list[str]:
    return NAME_WORD_RUN.findall(name)


def person_doubts(p: dict[str, Any]) -> list[str]:
    """Why a person entry may not be a person, or may be wrongly read."""
    out = []
    name = p.get("name")
    if not name:
        return ["unnamed: check who the text means"]
    words = [w.lower() for w in _name_words(name)]
    if len(words) == 1:
        out.append("one word only: a surname, or not a name")
    if any(w in FORM_WORDS for w in words):
        out.append("contains a form or heading word")
    if any(w in PLACE_WORDS for w in words):
        out.append("contains a place or nationality word")
    if any(w in MONTH_WORDS for w in words):
        out.append("contains a month name")
    if (p.get("roles") or ["other"]) == ["other"]:
        out.append("no role cue")
    return out


def rate_person(p: dict[str, Any]) -> float:
    if not p.get("name"):
        return _clamp(0.4 + (0.1 if p.get("roles") not in (None, [], ["other"]) else 0.0))
    words = _name_words(p["name"])
    c = 0.5 + (0.2 if len(words) >= 2 else -0.1)
    c += 0.1 if len(p.get("evidence") or []) >= 2 or p.get("variants") else 0.0
    c += 0.1 if (p.get("roles") or ["other"]) != ["other"] else 0.0
    c += 0.05 if p.get("gender") in ("male", "female") else 0.0
    if _holds_label([w.lower() for w in words]):
        c = min(c, 0.3)  # a label, a place or a month taken for a name
    return _clamp(c)


def _holds_label(words: list[str]) -> bool:
    """Whether a name's words in lower case hold a form word, a place or a month: the doubts
    of :func:`person_doubts` that open with "contains", without making its list."""
    return not (
        FORM_WORDS.isdisjoint(words)
        and PLACE_WORDS.isdisjoint(words)
        and MONTH_WORDS.isdisjoint(words)
    )


def rate_organisation(o: dict[str, Any]) -> float:
    c = 0.5 + (0.2 if o.get("kind") not in (None, "other") else 0.0)
    c += 0.1 if len(o.get("evidence") or []) >= 2 else 0.0
    c += 0.1 if o.get("variants") else 0.0
    c -= 0.1 if len(_name_words(o.get("name") or "")) < 2 else 0.0
    return _clamp(c)


def rate_event(e: dict[str, Any]) -> float:
    if e.get("note") == LEARNED_NOTE:
        # the learned step's own confidence (half its probability): below every rule's
        return _clamp(float(e.get("confidence") or 0.25))
    date = str(e.get("date") or "")
    c = 0.4 + {10: 0.25, 7: 0.15, 4: 0.05}.get(len(date), 0.0)
    c += 0.1 if e.get("targets") else 0.0
    c += 0.1 if e.get("agents") or e.get("authority") else 0.0
    return _clamp(c)


def rate_provision(inst: dict[str, Any], prov: dict[str, Any]) -> float:
    c = 0.6 + (0.2 if len(_name_words(inst.get("name") or "")) >= 2 else 0.0)
    c += 0.1 if prov.get("label") else 0.0
    return _clamp(c)


def rate_facts(record: dict[str, Any]) -> dict[str, Any]:
    """Give every fact a confidence from the cues above; returns the same record."""
    for p in record.get("persons") or []:
        p["confidence"] = rate_person(p)
    for o in record.get("organisations") or []:
        o["confidence"] = rate_organisation(o)
    for pl in record.get("places") or []:
        pl["confidence"] = _clamp(0.6 + (0.1 if pl.get("kind") == "country" else 0.0))
    for inst in record.get("instruments") or []:
        inst["confidence"] = _clamp(0.6 + (0.2 if inst.get("kind") != "law" else 0.0))
        for prov in inst.get("provisions") or []:
            prov["confidence"] = rate_provision(inst, prov)
    for e in record.get("events") or []:
        e["confidence"] = rate_event(e)
    for r in record.get("rights") or []:
        r["confidence"] = _clamp(0.6 + (0.1 if r.get("guaranteed_by") else 0.0))
    for d in record.get("demands") or []:
        d["confidence"] = _clamp(float(d.get("confidence") or 0.6))
    return record


def find_doubts(record: dict[str, Any]) -> list[Doubt]:
    """Facts a reviewer should look at first, weakest first."""
    out: list[Doubt] = []
    appeal = record.get("appeal") or {}
    for key, what in (("date", "no appeal date"), ("title", "no title"), ("issuer", "no issuer")):
        if not appeal.get(key):
            out.append(Doubt("appeal", str(appeal.get("id") or "?"), 0.0, what))
    if (record.get("extraction") or {}).get("title_from") == "first line":
        out.append(
            Doubt(
                "appeal", str(appeal.get("id") or "?"), 0.0, "no heading: title is the first line"
            )
        )
    future = (record.get("extraction") or {}).get("future_events_left_out")
    if future:
        out.append(
            Doubt(
                "appeal",
                str(appeal.get("id") or "?"),
                0.0,
                f"{future} event(s) dated after the appeal left out",
            )
        )
    read = (record.get("extraction") or {}).get("read_chars")
    if read:
        out.append(
            Doubt(
                "appeal",
                str(appeal.get("id") or "?"),
                0.0,
                f"only the first {read} characters read",
            )
        )
    for p in record.get("persons") or []:
        label = repr(p.get("name") or ", ".join(p.get("variants") or ["unnamed"]))
        for reason in person_doubts(p):
            out.append(Doubt("person", label, float(p.get("confidence") or 0), reason))
    for o in record.get("organisations") or []:
        if o.get("kind") in (None, "other"):
            out.append(
                Doubt(
                    "organisation",
                    repr(o.get("name")),
                    float(o.get("confidence") or 0),
                    "kind unknown",
                )
            )
    appeal_date = str(appeal.get("date") or "")
    for e in record.get("events") or []:
        label = f"{e.get('id')} {e.get('type')} {e.get('date')}"
        conf = float(e.get("confidence") or 0)
        if not e.get("date"):
            out.append(Doubt("event", label, conf, "no date"))
        elif appeal_date and str(e["date"]) > appeal_date and e.get("type") != "trial_hearing":
            out.append(Doubt("event", label, conf, "dated after the appeal"))
        if not e.get("targets"):
            out.append(Doubt("event", label, conf, "no target"))
        if e.get("note") == LEARNED_NOTE:
            out.append(Doubt("event", label, conf, "read by the learned step, not by a rule"))
    for d in record.get("demands") or []:
        if not d.get("addressees"):
            out.append(
                Doubt(
                    "demand",
                    repr(d.get("summary")),
                    float(d.get("confidence") or 0),
                    "no addressee",
                )
            )
    return sorted(out, key=lambda d: (d.confidence, d.section, d.item))


def format_report(record: dict[str, Any], doubts: list[Doubt] | None = None) -> str:
    """What was found in one appeal, then what looked doubtful."""
    doubts = find_doubts(record) if doubts is None else doubts
    appeal = record.get("appeal") or {}
    n_prov = sum(len(i.get("provisions") or []) for i in record.get("instruments") or [])
    counts = [
        f"{len(record.get('persons') or [])} persons",
        f"{len(record.get('organisations') or [])} organisations",
        f"{len(record.get('instruments') or [])} instruments ({n_prov} provisions)",
        f"{len(record.get('events') or [])} events",
        f"{len(record.get('demands') or [])} demands",
    ]
    head = (
        f"{appeal.get('id')}: {appeal.get('date') or 'undated'}, "
        f"{appeal.get('issuer') or 'issuer unknown'}; " + ", ".join(counts)
    )
    lines = [head]
    if doubts:
        lines.append(f"  doubtful ({len(doubts)}):")
        lines += [f"    {d}" for d in doubts]
    else:
        lines.append("  nothing doubtful")
    return "\n".join(lines)
