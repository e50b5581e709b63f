"""Penalties told with a sentence: a fine, a ban, a travel ban or a confiscation that a judgment
imposes together with the prison term is an event of its own (the corpus convention), dated by
the sentence; and a conviction told with its penalty is the sentence, not a second event.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from kg.extract.text import Doc, clean, evidence

#: Penalties a judgment imposes beside the prison term, by event type. Each pattern is read in
#: the sentence of the judgment and the sentence after it ("The court also ordered ...").
ADD_ONS: list[tuple[str, re.Pattern[str]]] = [
    ("fine", re.compile(r"\b(?:an?|the)\s+fines?\s+of\b|\bpay\s+(?:an?\s+)?fines?\b|\bfined\b")),
    (
        "travel_ban",
        re.compile(
            r"\btravel\s+ban\b|\bban(?:ned)?\s+(?:on|from)\s+(?:travell?ing|leaving\s+the\s+country)"
        ),
    ),
    (
        "ban",
        re.compile(
            r"\bban(?:ned)?\s+(?:on|from)\s+(?!travell?ing|leaving)\w"
            r"|\bdeprived\s+of\s+(?:\w+\s+){0,2}political\s+rights"
            r"|\bdeprivation\s+of\s+(?:\w+\s+){0,2}political\s+rights"
            r"|\bclosure\s+of\s+(?:\w+\s+){0,4}?(?:accounts?|websites?|pages?|newspaper|outlet)\b"
            r"|\bdisqualified\s+from\b"
        ),
    ),
    ("seizure", re.compile(r"\b(?:confiscation|forfeiture)\s+of\b")),
]
#: A sentence that only says what the law allows ("punishes ... with a fine of up to") or what
#: the issuer asks ("quash ... the travel ban") imposes nothing.
NOT_IMPOSED = re.compile(
    r"\bup\s+to\b|\bpunish|\bprovides?\s+for\b|\bquash|\blift\b|\burge|\bcall\s+on\b|\bshould\b"
    r"|\bcould\b|\bmay\b|\bfaces?\b",
    re.I,
)
JUDGMENTS = ("sentence",)


def _sentence_index(doc: Doc, pos: int) -> int:
    for i, s in enumerate(doc.sentences):
        if s.start <= pos < s.end:
            return i
    return -1


def _same_paragraph(doc: Doc, a: int, b: int) -> bool:
    return any(p.start <= a < p.end and p.start <= b < p.end for p in doc.paragraphs)


#: "who were fined", "which was confiscated": a relative clause that names people or things by
#: a penalty, not a penalty of the judgment told.
WHO_WERE = re.compile(r"\b(?:who|which|that)\s+(?:were|was|had\s+been|have\s+been)\s+$")


def add_penalties(events: list[dict[str, Any]], doc: Doc) -> list[dict[str, Any]]:
    """Add the fines, bans, travel bans and confiscations imposed with each dated sentence.

    The penalty takes the sentence's date and participants; one already found with the same
    type and date is not added again. The next sentence is read only if it gives no date of its
    own (it goes on about the same judgment)."""
    have = {(e["type"], e["date"]) for e in events}
    out: list[dict[str, Any]] = []
    for ev in events:
        out.append(ev)
        if ev["type"] not in JUDGMENTS or not ev["date"]:
            continue
        i = _sentence_index(doc, ev["evidence"][0]["start"])
        if i < 0:
            continue
        spans = [doc.sentences[i]]
        if i + 1 < len(doc.sentences):
            nxt = doc.sentences[i + 1]
            body = doc.flat[nxt.start : nxt.end]
            if _same_paragraph(doc, nxt.start, spans[0].start) and not re.search(
                r"\b(?:19|20)\d\d\b|\bon\s+\d", body
            ):
                spans.append(nxt)
        for s in spans:
            body = doc.flat[s.start : s.end]
            for etype, rx in ADD_ONS:
                m = rx.search(body)
                if not m or (etype, ev["date"]) in have:
                    continue
                if NOT_IMPOSED.search(body[max(0, m.start() - 60) : m.start()]):
                    continue
                if WHO_WERE.search(body, max(0, m.start() - 30), m.start()):
                    continue  # "participants who were fined under ...": others, told in passing
                pen = copy.deepcopy(ev)
                pen.update(
                    type=etype,
                    penalty=None,
                    note=clean(m.group()),
                    provisions=list(ev["provisions"]),
                    evidence=evidence(doc, s.start, s.end),
                )
                have.add((etype, ev["date"]))
                out.append(pen)
    return out


#: "sentenced to ten days of administrative detention": a custody a court orders, no sentence.
ADMINISTRATIVE_CUSTODY = re.compile(r"\badministrative\s+(?:detention|arrest)\b", re.I)


def drop_custody_sentences(events: list[dict[str, Any]], doc: Doc) -> list[dict[str, Any]]:
    """A court that "sentenced" a person to days of administrative detention ordered custody:
    the convention makes it a ``detention`` (court-ordered custody), told by the detention
    event of the same date, not a sentence beside it."""
    custody = {e["date"] for e in events if e["type"] == "detention" and e["date"]}
    out = []
    for e in events:
        if e["type"] == "sentence" and e["date"] in custody:
            start = e["evidence"][0]["start"]
            end = e["evidence"][0]["end"]
            m = re.search(r"\bsentenced\b", doc.flat[start:end])
            if m and ADMINISTRATIVE_CUSTODY.search(
                doc.flat, start + m.end(), min(end, start + m.end() + 120)
            ):
                continue
        out.append(e)
    return out


def merge_convictions(events: list[dict[str, Any]], doc: Doc) -> list[dict[str, Any]]:
    """ "Found guilty and sentenced to": one ``sentence`` event; a ``conviction`` stands alone
    only where no penalty is told with it. A conviction is dropped when a sentence of the same
    date was found, or, undated, when a sentence is told in the same paragraph or a dated
    sentence of the same person anywhere (the lead dates the sentence, the narrative tells the
    guilt: "X was convicted of Y under Article 5")."""
    sentences = [e for e in events if e["type"] == "sentence"]
    dated = {e["date"] for e in sentences if e["date"]}
    starts = {e["evidence"][0]["start"] for e in sentences}
    out = []
    for e in events:
        if e["type"] == "conviction":
            pos = e["evidence"][0]["start"]
            if pos in starts or (e["date"] and e["date"] in dated):
                continue
            if not e["date"] and any(
                _same_paragraph(doc, pos, s["evidence"][0]["start"]) for s in sentences
            ):
                continue
            same = [s for s in sentences if s["date"] and set(e["targets"]) & set(s["targets"])]
            if (e.get("_inherited") or not e["date"]) and same:
                # "She was convicted of usurpation" with no date of its own (or only the
                # paragraph's), after a lead that dates her sentence: the guilt of that sentence,
                # not a step of its own; the articles it cites are the sentence's
                for s in same[:1]:
                    s["provisions"] += [a for a in e["provisions"] if a not in s["provisions"]]
                continue
        out.append(e)
    convictions = [e for e in out if e["type"] == "conviction" and e["date"]]
    if len(convictions) == 1 and not sentences and _term_told(doc):
        # "condemns the sentencing of X to three years ... On 4 February the court convicted
        # him": the one judgment of the story, its term told apart from its date, is the sentence
        convictions[0]["type"] = "sentence"
    return out


#: A prison term a court gave, told without the day: "the sentencing of X to three years",
#: "upheld a ten-year sentence against X", "sentenced to five years in prison".
TERM_GIVEN = re.compile(
    r"\bsentenc(?:ed|ing)\b(?:\s+(?:of\s+)?[\w’'-]+){0,8}?\s+to\s+(?:[\w-]+\s+){1,3}?(?:years?|months?)\b"
    r"|\b[\w]+[- ](?:year|month)\s+(?:prison\s+|jail\s+)?(?:sentence|term)\b"
)
#: Words before a term that make it no term given: a request, a threat, a law's maximum.
TERM_NOT_GIVEN = re.compile(
    r"\b(?:asked|asking|seeks?|seeking|sought|requested|demanded|faces?|facing|could|may|"
    r"risks?|up\s+to|punishable|carries|would)\b[^.;]*$"
)


def _term_told(doc: Doc) -> bool:
    """Whether the text tells a prison term given (not asked for, risked or allowed)."""
    for m in TERM_GIVEN.finditer(doc.flat):
        lo = max(0, m.start() - 60)
        if not TERM_NOT_GIVEN.search(doc.flat, lo, m.start()):
            return True
    return False
