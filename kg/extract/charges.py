"""Charges an appeal states apart from any dated event.

Appeals often tell the charges once, in a sentence of their own ("The charges were brought
under articles 12 (fraud) and 15 (forgery)", "He is accused under Article 7 of the Penal
Code"), and then tell the dated steps of the case (the charge, the hearings, the sentence)
without repeating the articles. The articles of such a sentence are the case's charges: they
go to the first step of the case that charges the people it names and cites no article, so
that the record says who is charged under what (``docs/case-record.md``: charges are read from
charging events).
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from kg.extract.entities import Entities
from kg.extract.text import Doc

#: A sentence that speaks of charges, an accusation or a prosecution.
CHARGE_CUE = re.compile(
    r"\b(?:[Cc]harg(?:e|es|ed|ing)|accus(?:ed|ation|ations)|suspected|suspicion|"
    r"indict(?:ed|ment)|prosecut(?:ed|ion)|on trial|tried|convicted)\b"
)
#: Instruments whose articles are charges: statutes, not treaties or constitutions.
CHARGING_LAWS = frozenset({"criminal_code", "law", "decree"})
#: Steps of a case whose articles are charges (``docs/case-record.md``).
CHARGED = frozenset(
    "case_opened charge charge_reclassified trial_hearing court_decision conviction sentence "
    "fine acquittal".split()
)
#: A code of procedure: how a case is run (who may defend, how long custody lasts), never what
#: a person is charged with; a court may decide under it ("refused bail under section 148 of
#: the Criminal Procedure Code"), a charge, a trial or a judgment does not cite it as a charge.
PROCEDURE_CODE = re.compile(r"\bProcedur(?:e|al)\b")
#: Steps whose articles are the offences charged: all of CHARGED but a court's decision.
OFFENCE_STEPS = CHARGED - {"court_decision"}
#: Steps of a case that charge people, then those that judge them, in order of preference.
CHARGING_STEPS = (("charge", "case_opened"), ("trial_hearing", "conviction", "sentence"))


def add_case_charges(
    doc: Doc,
    ents: Entities,
    events: list[dict[str, Any]],
    provs: list[tuple[int, int, dict[str, Any]]],
) -> None:
    """Give the articles cited in a sentence about charges, which no event carries, to the
    first charging step of the case that has targets and no article."""
    # an article an arrest or an inquiry carries ("arrested on suspicion of X under Article 5")
    # is no charge yet: only steps of the case count
    carried = {p for e in events if e["type"] in CHARGED for p in e.get("provisions") or []}
    kind = {
        str(p["id"]): inst.attrs.get("kind")
        for inst in ents.of("instrument")
        for p in inst.attrs.get("provisions", [])
    }
    named = sorted((a, p.id) for p in ents.of("person") for a, _ in p.mentions)
    loose: dict[int, list[str]] = {}  # sentence -> its articles no step carries
    taken: set[str] = _procedural(ents)  # no charge, never handed to a step
    for start, _end, prov in provs:
        pid = str(prov["id"])
        if pid in carried or pid in taken or kind.get(pid) not in CHARGING_LAWS:
            continue
        i = bisect.bisect_right(doc.sentence_starts, start) - 1
        if i < 0:
            continue
        s = doc.sentences[i]
        if CHARGE_CUE.search(doc.flat, s.start, s.end):
            loose.setdefault(i, []).append(pid)
            taken.add(pid)
    for i, pids in loose.items():
        s = doc.sentences[i]
        lo = bisect.bisect_left(named, (s.start, ""))
        hi = bisect.bisect_left(named, (s.end, ""))
        who = {pid for _, pid in named[lo:hi]}
        step = _first_step(events, who)
        if step is not None:
            step["provisions"] = [*step["provisions"], *pids]


#: A sentence that tells what a court or a treaty body found, after the sentence that told its
#: decision: "The judges found unanimously that Zembla had violated ... (Article 3 ...)".
FINDING = re.compile(
    r"\s*(?:The|Its)\s+(?:judges|[Cc]ourt|[Cc]ommittee|[Ww]orking\s+[Gg]roup|[Cc]hamber|[Pp]anel)"
    r"\s+(?:\w+\s+){0,2}?(?:found|held|ruled|concluded|declared)\b"
)


def add_finding_articles(
    doc: Doc, events: list[dict[str, Any]], provs: list[tuple[int, int, dict[str, Any]]]
) -> None:
    """A court's decision told without articles ("On 20 September 2018, the European Court of
    Human Rights delivered its judgment in the case of A") rests on the articles the next
    sentence says it found violated or applied, where that sentence tells no step itself."""
    stepped = {bisect.bisect_right(doc.sentence_starts, e["evidence"][0]["start"]) - 1
               for e in events if e.get("evidence")}  # fmt: skip
    for e in events:
        if e["type"] != "court_decision" or e["provisions"] or not e.get("evidence"):
            continue
        i = bisect.bisect_right(doc.sentence_starts, e["evidence"][0]["start"]) - 1
        if i < 0 or i + 1 >= len(doc.sentences) or i + 1 in stepped:
            continue
        nxt = doc.sentences[i + 1]
        if any(p.start <= doc.sentences[i].start < p.end <= nxt.start for p in doc.paragraphs):
            continue  # the finding told in another paragraph
        if FINDING.match(doc.flat, nxt.start):
            found = [str(p["id"]) for a, _b, p in provs if nxt.start <= a < nxt.end]
            e["provisions"] = list(dict.fromkeys(found))


def _procedural(ents: Entities) -> set[str]:
    """The ids of the articles of codes of procedure."""
    return {
        str(p["id"])
        for inst in ents.of("instrument")
        if PROCEDURE_CODE.search(inst.name or "")
        for p in inst.attrs.get("provisions", [])
    }


def drop_procedure_articles(ents: Entities, events: list[dict[str, Any]]) -> None:
    """A charge, trial or judgment whose sentence also cites a code of procedure ("after a
    trial on 30 December at which no lawyer of her choosing was present: under Article 48 of
    the Code of Criminal Procedure ...") is not charged under it."""
    procedural = _procedural(ents)
    if not procedural:
        return
    for e in events:
        if e["type"] in OFFENCE_STEPS and e.get("provisions"):
            e["provisions"] = [p for p in e["provisions"] if p not in procedural]


def _first_step(events: list[dict[str, Any]], who: set[str]) -> dict[str, Any] | None:
    """The first charging step, by :data:`CHARGING_STEPS`, that cites no article and targets
    one of ``who`` (anyone, when the sentence names no one: "He was charged under ...")."""
    for types in CHARGING_STEPS:
        for e in events:
            if e["type"] not in types or e["provisions"] or not e.get("targets"):
                continue
            if not who or who & set(e["targets"]):
                return e
    return None
