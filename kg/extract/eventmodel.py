"""A learned step for events: at each date the rules left without an event, a linear model
over the words around the date says whether the text tells a step on that day, and which.

The event rules (:mod:`kg.extract.events`, :mod:`kg.extract.triggers`) read a trigger lexicon
and the phrases kept beside it; a step told in wording outside them is missed. Held-out
batches of appeals, read by no rule, showed that most of the events the rules miss have their
date in the text and no event of the rules on that date at all. This step reads each such
date the way the rules cannot: by the words around it, weighed by one logistic regression an
event type (one-vs-rest), trained on the gold of appeals the project may read
(``tools/train_events.py``; never the test split).

The features are general by construction: the words of the date's sentence in lower case,
the eight words before and after the date, whether the date is told as an event's and whether
it has a day. No word of a person's name is a feature, and the trainer keeps only words met in
three appeals at least, so no one appeal's people or wording is learned.

The step speaks only where the rules are silent: a date on which the rules have an event of
any type is left to them, and so is every sentence in which a trigger of the lexicon matched
(there the rules read the clause and decided, an event or none: negated, possible, someone
else's); a date the date rules do not take for an event's (a dateline, a birth date, a day
that names a gathering) is read by neither. An event the step adds has the date, the type,
the sentence as its evidence, the appeal's main person as its target where the type is done
to a person, and a confidence below every rule's (half the model's probability), so that a
reviewer meets it among the weakest facts.

The model is kept as data (``event_model.json``); where the file is absent or says
``"use": false`` the step does nothing.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kg.extract.arguments import main_targets, mention_index
from kg.extract.dates import DateMention, format_date
from kg.extract.entities import Entities, Entity
from kg.extract.events import find_triggers
from kg.extract.text import Doc

MODEL_FILE = Path(__file__).with_name("event_model.json")
#: The note of an event the step adds; :func:`kg.extract.review.rate_event` keeps its
#: confidence.
LEARNED_NOTE = "read by the learned step"

#: A word: a letter, then lower-case letters, apostrophes and hyphens.
WORD = re.compile(r"[A-Za-z][a-z'’-]+")
#: Words on either side of the date read as its near context.
NEAR = 8

#: Event types done to a person: an event of one of them added by the step targets the
#: appeal's main person, as the rules' events with no target of their own do (a ban or a
#: deregistration targets the civil body its sentence names, where it names one).
PERSON_STEPS = frozenset(
    """arrest detention summons interrogation charge charge_reclassified trial_hearing
    conviction sentence fine release acquittal appeal_filed case_opened investigation
    court_decision travel_ban attack threat disappearance killing""".split()
)


#: For each event type, the kinds of body named in the event's sentence that act in it
#: (the first named of those kinds), and those that decide it (its authority): a court
#: hears, decides and sentences; police and security services arrest, search and summon;
#: prosecutors and investigators charge; a ministry, a government or a court bans.
ACTING_KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    **dict.fromkeys(
        ("trial_hearing", "court_decision", "sentence", "conviction", "acquittal", "fine"),
        (("court",), ("court",)),
    ),
    "detention": (("police", "security_service"), ("court",)),
    **dict.fromkeys(
        ("arrest", "search", "raid", "seizure", "summons", "interrogation", "attack", "threat"),
        (("police", "security_service"), ()),
    ),
    **dict.fromkeys(
        ("charge", "case_opened", "investigation", "charge_reclassified"),
        (("prosecution", "police", "security_service"), ("court",)),
    ),
    **dict.fromkeys(
        ("ban", "deregistration", "travel_ban"),
        (("ministry", "government", "court"), ("ministry", "government", "court")),
    ),
}
#: Kinds of body a ban or a deregistration is done to.
CIVIL_KINDS = ("ngo", "media", "political_party")


def _words(flat: str, start: int, end: int, names: list[tuple[int, int]]) -> list[str]:
    """The words of ``flat[start:end]`` in lower case, but for those inside a person's name
    (``names``: the spans of the persons' mentions, in text order)."""
    out = []
    for m in WORD.finditer(flat, start, end):
        i = bisect.bisect_right(names, m.start(), key=_first) - 1
        if i >= 0 and m.start() < names[i][1]:
            continue
        out.append(m.group().lower())
    return out


def mention_features(
    doc: Doc,
    mention: DateMention,
    names: list[tuple[int, int]] = (),  # type: ignore[assignment]
    starts: list[int] | None = None,
) -> set[str]:
    """The features of one date: ``s=`` the words of its sentence, ``b=``/``a=`` the words
    just before and after it, ``evdate`` where the date rules read it as an event's, ``noday``
    for a month or a year. No word of a person's name (``names``) is a feature."""
    starts = starts if starts is not None else [s.start for s in doc.sentences]
    i = bisect.bisect_right(starts, mention.start) - 1
    if i < 0:
        return set()
    sent = doc.sentences[i]
    flat = doc.flat
    before = _words(flat, sent.start, mention.start, names)
    after = _words(flat, mention.end, max(sent.end, mention.end), names)
    feats = {"s=" + w for w in before + after}
    feats.update("b=" + w for w in before[-NEAR:])
    feats.update("a=" + w for w in after[:NEAR])
    if mention.event_date:
        feats.add("evdate")
    if mention.value[2] is None:
        feats.add("noday")
    return feats


class EventModel:
    """Weights by feature and type, a bias per type, and the probability an event needs."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.use = bool(data.get("use"))
        self.cut = float(data.get("cut", 0.5))
        self.bias: dict[str, float] = dict(data.get("bias") or {})
        self.weights: dict[str, dict[str, float]] = dict(data.get("weights") or {})

    def probabilities(self, feats: Iterable[str]) -> dict[str, float]:
        score = dict(self.bias)
        for f in feats:
            for t, w in self.weights.get(f, {}).items():
                score[t] = score.get(t, 0.0) + w
        return {t: 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, s)))) for t, s in score.items()}


def step_inputs(
    doc: Doc, ents: Entities, mentions: list[tuple[int, int, Entity]] | None = None
) -> tuple[list[str], list[tuple[int, int]], list[tuple[int, int, str, str | None]]]:
    """What the step reads of the entities: the appeal's main persons, the spans of the
    persons' mentions and those of the bodies' with their ids and kinds, in text order
    (``mentions``: :func:`mention_index` of the text, where the caller has it already)."""
    names = sorted(span for p in ents.of("person") for span in p.mentions)
    if mentions is None:
        mentions = mention_index(ents, doc.flat, doc.word_index)
    bodies = [(a, b, e.id, e.attrs.get("kind")) for a, b, e in mentions if e.kind == "organisation"]
    return main_targets(ents), names, bodies


@functools.cache
def load_model(path: Path = MODEL_FILE) -> EventModel | None:
    """The model in ``path``, or ``None`` where the file is absent or unreadable."""
    try:
        return EventModel(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


def add_learned_events(
    doc: Doc,
    dates: list[DateMention],
    events: list[dict[str, Any]],
    main: list[str],
    names: list[tuple[int, int]],
    bodies: list[tuple[int, int, str, str | None]] = (),  # type: ignore[assignment]
    model: EventModel | None = None,
) -> list[dict[str, Any]]:
    """``events`` with the model's events at the dates the rules left without one, in text
    order. ``main`` is the appeal's main person(s), the target of a step done to a person;
    ``names`` the spans of the persons' mentions, ``bodies`` those of the bodies' as (start,
    end, id, kind), both in text order."""
    model = model if model is not None else load_model()
    if model is None or not model.use:
        return events
    told = {str(e["date"]) for e in events if e.get("date")}
    told_months = {d[:7] for d in told if len(d) >= 7}
    starts = [s.start for s in doc.sentences]
    added: dict[tuple[str, str], dict[str, Any]] = {}
    # where a trigger of the lexicon matched, the rules read the sentence and decided (an
    # event, or none: negated, possible, someone else's); the step reads only the others
    triggers = sorted(
        m.start() for ms in find_triggers(doc.flat, len(doc.flat), doc.word_index) for m in ms
    )
    for m in dates:
        value = format_date(m.value)
        # a date the rules dated an event on, or a month holding a day they did (a year alone
        # covers no day: "in 2023" beside a step of 3 May 2023 is read)
        if not value or value in told or (len(value) == 7 and value in told_months):
            continue
        if not m.event_date:  # a dateline, a birth date, a day that names a gathering
            continue
        i = bisect.bisect_right(starts, m.start) - 1
        if i < 0:
            continue
        sent = doc.sentences[i]
        j = bisect.bisect_left(triggers, sent.start)
        if j < len(triggers) and triggers[j] < sent.end:
            continue
        probs = model.probabilities(mention_features(doc, m, names, starts))
        for kind, p in sorted(probs.items()):
            if p < model.cut or (kind, value) in added:
                continue
            named = [(eid, k) for a, _b, eid, k in bodies if sent.start <= a < sent.end]
            acting, deciding = ACTING_KINDS.get(kind, ((), ()))
            agent = next((eid for eid, k in named if k in acting), None)
            authority = next((eid for eid, k in named if k in deciding), None)
            civil = next((eid for eid, k in named if k in CIVIL_KINDS), None)
            if kind in ("ban", "deregistration") and civil:
                targets = [civil]
            else:
                targets = list(main[:1]) if kind in PERSON_STEPS else []
            added[(kind, value)] = {
                "type": kind,
                "date": value,
                "agents": [agent] if agent else [],
                "targets": targets,
                "authority": authority,
                "provisions": [],
                "penalty": None,
                "place": None,
                "note": LEARNED_NOTE,
                "confidence": round(p / 2, 2),
                "evidence": [
                    {"quote": doc.text[sent.start : sent.end], "start": sent.start, "end": sent.end}
                ],
            }
    out = list(events)
    for new in sorted(added.values(), key=_start):
        # after the last event told before it; the rules' own order is never changed
        j = len(out)
        while j > 0 and _start(out[j - 1]) > _start(new):
            j -= 1
        out.insert(j, new)
    return out


def _first(span: tuple[int, ...]) -> int:
    return span[0]


def _start(event: dict[str, Any]) -> int:
    return event["evidence"][0]["start"] if event.get("evidence") else 0
