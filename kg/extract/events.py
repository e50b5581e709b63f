"""Events: event phrases by type, with hypothetical and adjectival uses filtered out; one event
per phrase and clause, merged when a lead and the narrative tell the same event.
"""

from __future__ import annotations

import re
from typing import Any

from kg.extract.arguments import (
    AGENT_ROLES,
    event_date,
    gapped_dates,
    main_targets,
    make_event,
    mention_index,
    tight_date,
)
from kg.extract.dates import DateMention, format_date
from kg.extract.entities import Entities
from kg.extract.lexicon import MONTHS
from kg.extract.penalties import add_penalties, merge_convictions
from kg.extract.scan import Scanner
from kg.extract.text import Doc
from kg.extract.triggers import TRIGGERS

# ---------------------------------------------------------------- events


def _past_forms(lemma: str) -> list[str]:
    """Past forms of a regular verb: "arrest" -> "arrested", "torture" -> "tortured",
    "kidnap" -> "kidnapped" (and "kidnaped"), "rule" -> "ruled"."""
    if lemma.endswith("e"):
        return [lemma + "d"]
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return [lemma[:-1] + "ied"]
    forms = [lemma + "ed"]
    if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", lemma):
        forms.append(lemma + lemma[-1] + "ed")
    return forms


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def trigger_pattern(entry: dict[str, Any]) -> str:
    """One regular expression for a lexicon entry: its phrases, the past forms of its verbs in
    any voice ("arrested X", "X was arrested by", "had been arrested"), and its nouns after a
    determiner and before a date ("his arrest on 3 May", "a hearing on 12 June", "her release in
    May"), not before other names ("announced the release on Facebook")."""
    alts = list(entry.get("phrases") or [])
    forms = [f for lemma in entry.get("lemmas") or [] for f in _past_forms(lemma)]
    forms += entry.get("irregular") or []
    if forms:
        alts.append(r"\b(?:" + "|".join(map(re.escape, forms)) + r")\b")
    nouns = entry.get("nouns") or []
    if nouns:
        alts.append(
            r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]he|[Aa]n?) (?:[a-z-]+ )?(?:"
            + "|".join(map(re.escape, nouns))
            + r") (?:on|in) (?=\d|(?:(?:early|mid|late)[\s-]+)?(?:"
            + "|".join([*MONTHS, *WEEKDAYS])
            + r")\b)"
        )
    return "|".join(alts)


_EV = [(entry["type"], trigger_pattern(entry)) for entry in TRIGGERS]


def _event_rx(rx: str) -> re.Pattern[str]:
    """Compile an event pattern for speed: a space matches any run of white space (wrapped lines
    keep a trailing space), and a leading ``\\b`` is dropped so the engine can skip ahead on the
    first letters; :data:`EVENT_SCANNER` tries word starts only."""
    rx = rx.replace(" ", r"\s+")
    rx = re.sub(r"(^|\||\(\?:)\\b", r"\1", rx)
    return re.compile(rx)


EVENT_RULES_RX = [(t, _event_rx(rx)) for t, rx in _EV]
#: All trigger patterns tried in one reading of the text, at the words their prefixes fit.
EVENT_SCANNER = Scanner([rx for _, rx in EVENT_RULES_RX])
HYPOTHETICAL = re.compile(
    r"\b(?:could|would|might|may|[Ii]f|[Uu]nless|[Ww]hether|should|must|will|shall|"
    r"in case of conviction|urges?|calls? on|asks?|"
    r"cannot|not|never|considers? that|believes? that|fears? that|is concerned that|"
    r"[Nn]one of|[Nn]o one|[Nn]obody|"
    # the issuer's own comment on what it told: "we express concern that he has been sentenced"
    r"concern(?:ed)? (?:that|by|about|at|over)|condemns?|welcomes?|deplores?|denounces?)\b"
)
#: A negation right before the trigger, whatever its type: "cannot be appealed", "was not
#: charged", "has never been summoned".
NEGATED = re.compile(
    r"\b(?:cannot|can\s+not|could\s+not|not|never)\s+(?:\w+ly\s+)?(?:(?:be|been|have|has|had)\s+)*$"
)
#: "visitors are searched", "ensure that she is released": the present tense tells a habit, a
#: state or a wish, not an event.
PRESENT_PASSIVE = re.compile(r"\b(?:is|are)\s+(?:\w+ly\s+|still\s+|being\s+)?$")
#: "he is charged with": a present passive that reports the standing charge.
STATES = frozenset({"charge"})
#: "convicted persons", "detained activists": a participle before its noun.
PRENOMINAL = re.compile(
    r"\s+(?:persons|people|prisoners|detainees|activists|defenders|journalists|men|women)\b"
)
#: A plural reference to the defenders: "them", "both men", "all four", "the three activists".
#: Clause boundaries inside a sentence: a date governs the clause it stands in.
CLAUSE_END = re.compile(r";|:|,\s+(?:and|but|while|whereas)\s+|\s+and\s+(?=on\s+\d)")
#: An undated sentence that says it looks back does not take the paragraph's date.
LOOKS_BACK = re.compile(
    r"\b(?:had|has|have|previously|already|earlier|formerly|since|before|ago|in the past|"
    r"is|are|will|would|could)\b"
)
#: "granted him protection several years ago": an undated time long before the narrative, told
#: after the verb; such a sentence does not take the paragraph's date.
VAGUE_PAST = re.compile(
    r"\b(?:(?:several|some|many|a few|few|two|three|four|five|\d+) (?:years|months) ago|"
    r"long ago)\b"
)
#: "the disappeared activist", "those acquitted": a participle used as an adjective.
ADJECTIVAL = re.compile(r"\b(?:[Tt]he|[Tt]hose|an?|[Aa]mong)\s+$")
ADJOURNED = re.compile(r"adjourned|postponed")
#: "adjourned the case once again to", "postponed until": the words before the new date.
ADJOURNED_TO = re.compile(
    r"(?:\s+(?:the\s+)?(?:case|trial|hearing|it|them))?(?:\s+once\s+again)?"
    r"\s+(?:to|until|till)\s+"
)
#: A hearing named as the occasion of another event: "at the close of the fourth hearing".
OCCASION = re.compile(r"\b(?:close|end|conclusion) of (?:an?|the)\s+(?:\w+\s+)?$")
#: A date right after the event phrase belongs to it: "revoked its registration on 20 August".
VERB_BEFORE_DATE = re.compile(r"\b[a-z]+ed\s+(?:(?:on|in)\s+)?$")


def _since_date(flat: str, dates: list[DateMention], a: int, b: int) -> Any:
    """The date a custody began, for "detained since 3 May", "held since January"."""
    if not flat[a:b].endswith("since"):
        return None
    return next((d.value for d in dates if b < d.start <= b + 3), None)


def _gap_spans(
    sdates: list[DateMention], values: list[Any], start: int, end: int
) -> dict[Any, tuple[int, int]]:
    """For a verb with several dates ("A was killed on D1, B on D2 and C on D3"), the stretch of
    the sentence that belongs to each date: from the date before it to the date itself."""
    marks = sorted((d.start, d.value) for d in sdates if d.value in values)
    spans: dict[Any, tuple[int, int]] = {}
    lo = start
    for pos, value in marks:
        spans.setdefault(value, (lo, pos))
        lo = pos
    return spans


def _people_within(mentions: list[tuple[int, int, Any]], lo: int, hi: int) -> list[str]:
    """The people named between two positions, but officials and others acting on them."""
    return list(
        dict.fromkeys(
            e.id for ma, _mb, e in mentions
            if lo <= ma < hi and e.kind == "person"
            and not AGENT_ROLES.intersection(e.attrs.get("roles", []))
        )
    )  # fmt: skip


def _looks_back(flat: str, start: int, a: int) -> bool:
    """The words before the trigger tell of an earlier time ("had", "previously", "since"); "had
    no information" is "had" with an object, no past perfect."""
    return any(
        not (m.group() == "had" and HAD_OBJECT.match(flat, m.end()))
        for m in LOOKS_BACK.finditer(flat, start, a)
    )


def _clause(clauses: list[int], pos: int) -> tuple[int, int]:
    """The bounds of the clause that holds ``pos``, from the list of clause starts."""
    k = next((i for i in range(len(clauses) - 1) if clauses[i] <= pos < clauses[i + 1]), 0)
    return clauses[k], clauses[k + 1]


def _after_verb(flat: str, d: DateMention, start: int = 0) -> bool:
    """The date follows a past participle of its sentence (from ``start``) directly:
    "abducted in 2021", "held on 3 May"."""
    m = VERB_BEFORE_DATE.search(flat, max(start, d.start - 30), d.start)
    if not m:
        return False
    return bool(re.search(r"(?:on|in)\s+$", m.group())) or flat.startswith(("in ", "In "), d.start)


#: "a complaint lodged by the minister": a noun and its participle, told in passing, undated.
BACKGROUND_BY = re.compile(r"\s+by\b")
NOUN_PARTICIPLE = re.compile(r"[a-z]+s?\s+(?:filed|lodged|submitted|brought)")
#: "and later remanded": the event comes after the date of its sentence.
LATER = re.compile(r"\b(?:later|subsequently|eventually|afterwards)\s+$")
#: "Tom Reed was arrested subsequently.": the same, told after the verb.
LATER_AFTER = re.compile(r"\s+(?:later|subsequently|eventually|afterwards)\s*[.;,]")
#: Charges told as standing ("faces charges of", "is on trial for", "pleaded not guilty to the
#: charges"): the text does not say when they were brought.
STANDING_CHARGE = re.compile(r"fac|plead|(?:is|are)\s|includ")
#: Lines that point to another document: "Read more: ...", "LINK TO PREVIOUS UA: ...".
OTHER_DOCUMENT = re.compile(
    r"\s*(?:read more|see also|related|link to previous|previous (?:ua|urgent action|appeal))\b",
    re.I,
)
#: A participle right after a plural noun and before a preposition modifies the noun ("other
#: detainees arrested in connection with the protests", "devices seized from the newsroom"):
#: it names people or things by an event, it does not tell one.
REDUCED_RELATIVE = re.compile(
    r"(?<![\w’'-])(?!(?:was|has|is|this|his|its|us|thus|always|sometimes|times|days|weeks|"
    r"months|years|hours|afterwards|towards|officers|agents|forces|authorities|police)\s)"
    r"[a-z]{2,}[^s\W]s\s+$"
)
AFTER_PARTICIPLE = re.compile(r"\s+(?:in|from|at|during|on|under|for|with|by|over)\b")
#: "acting on a complaint by", "based on a private complaint of": a complaint named as the
#: ground of another step, not dated by that step's date.
IN_PASSING = re.compile(r"\b(?:on|upon|following)\s+(?:a|the)\s+$")
#: "11 and " before "15 February": a day listed with the next.
DAYS_AND = re.compile(r"\d\s+and\s+$")
#: "initially sentenced", "originally charged": an earlier stage the narrative does not date.
FIRST_STAGE = re.compile(r"\b(?:initially|originally)\s+$")
#: A relative clause on a place of custody: "..., where several of them were tortured".
WHERE_CLAUSE = re.compile(r",\s+where\b[^;.]*$")
PAST_PERFECT = re.compile(r"\bhad (?:already |previously )?(?:been )?$")
#: "had no information on": "had" with an object, no past perfect.
HAD_OBJECT = re.compile(r"\s*no\b")
#: "was arrested on 3 May by police, and taken to": the same subject and verb phrase go on.
CONTINUES = re.compile(r",\s+and\s+(?:then\s+)?$")


def find_events(
    doc: Doc,
    ents: Entities,
    dates: list[DateMention],
    provs: list[tuple[int, int, dict[str, Any]]],
    stop: int,
    skip: tuple[int, int] | None = None,
    skip_spans: list[tuple[int, int]] | None = None,
) -> list[dict[str, Any]]:
    """One event per event phrase and sentence, dated by the date that governs its clause.

    An undated sentence takes the date of the last dated sentence of its paragraph (the
    narrative goes on), unless it looks back (``had``, ``previously``, ``since``); a verb with
    several dates after it (``A was killed on D1, B on D2``) is one event per date.
    """
    events: list[dict[str, Any]] = []
    mentions = mention_index(ents, doc.flat)
    para_date = None
    told = False  # whether para_date is the date of an event the paragraph told
    para_i = 0
    paras = doc.paragraphs
    prev_targets: list[str] = main_targets(ents)
    carried: list[str] = []
    recent: list[str] = []  # people events were told of, the latest first
    person_ids = {p.id for p in ents.of("person")}
    flat = doc.flat
    all_hits = []
    found = EVENT_SCANNER.finditer(flat, stop, index=doc.word_index)  # at word starts only
    for (etype, _), matches in zip(EVENT_RULES_RX, found, strict=True):
        all_hits.extend((m.start(), m.end(), etype) for m in matches)
    all_hits.sort()
    event_dates = [d for d in dates if d.event_date]
    hi = di = 0
    for s in doc.sentences:
        if s.start >= stop:
            break
        while para_i < len(paras) and paras[para_i].end <= s.start:
            para_i += 1
            if not told or (
                para_i < len(paras)
                and any(paras[para_i].start <= d.start < paras[para_i].end for d in dates)
            ):
                para_date = None
            # a paragraph without any date goes on with the story of the one before, if that
            # story told a dated event (a header's date tells none)
            told = False
        while di < len(event_dates) and event_dates[di].start < s.start:
            di += 1
        sdates = []
        while di < len(event_dates) and event_dates[di].start < s.end:
            sdates.append(event_dates[di])
            di += 1
        while hi < len(all_hits) and all_hits[hi][0] < s.start:
            hi += 1
        hits = []
        while hi < len(all_hits) and all_hits[hi][0] < s.end:
            hits.append(all_hits[hi])
            hi += 1
        if skip and skip[0] <= s.start < skip[1]:
            continue
        if skip_spans and any(x <= s.start < y for x, y in skip_spans):
            continue  # the demands: what the issuer asks for, not what happened
        text = flat[s.start : s.end]
        if OTHER_DOCUMENT.match(text):
            continue  # "Read more: ..." names another appeal, it tells no event of this one
        clauses = [s.start, *(s.start + c.end() for c in CLAUSE_END.finditer(text)), s.end]
        seen: set[tuple[str, str | None]] = set()
        sent_values: list[Any] = []
        bound = {a: tight_date(flat, sdates, b) for a, b, _ in hits}
        for k, (a, b, etype) in enumerate(hits):
            pre = flat[max(s.start, a - 40) : a]
            if HYPOTHETICAL.search(pre) and etype not in ("appeal_filed",):
                continue
            if NEGATED.search(pre):
                continue  # "is final and cannot be appealed", "was never charged"
            if re.fullmatch(r"\w+ed", flat[a:b]) and (
                (PRESENT_PASSIVE.search(pre) and etype not in STATES) or PRENOMINAL.match(flat, b)
            ):
                continue
            if (
                REDUCED_RELATIVE.search(pre)
                and re.fullmatch(r"[a-z]+ed", flat[a:b])
                and (AFTER_PARTICIPLE.match(flat, b))
            ):
                continue  # "detainees arrested in the raid", "material seized from": told before
            if etype == "trial_hearing" and OCCASION.search(pre):
                continue  # "at the close of the first hearing, the court released": no new event
            if ADJECTIVAL.search(pre) and re.match(r"\w+ed\b", flat[a:b]):
                continue  # "the disappeared activist", "those acquitted": a participle, no event
            others = [h[0] for h in hits if h[0] != a]
            # a date bound to another verb before a comma ("men, abducted in 2020, be returned,
            # she was prosecuted") is not this event's date
            taken = [
                d for d in sdates
                if d.end <= a and "," in flat[d.end : a]
                and (d in bound.values() or _after_verb(flat, d, s.start))
            ]  # fmt: skip
            # "whose father has been detained since January, was arrested": that date is the
            # start of the other custody, not this event's
            taken += [
                d for d in sdates
                for ha, hb, _t in hits
                if ha != a and flat[ha:hb].endswith("since") and hb < d.start <= hb + 3
            ]  # fmt: skip
            value = event_date([d for d in sdates if d not in taken], a, clauses, others, flat)
            if BACKGROUND_BY.match(flat, b) and NOUN_PARTICIPLE.fullmatch(flat, a, b):
                value = None  # "acting on a petition filed by his father": told in passing
            elif etype == "detention" and (began := _since_date(flat, dates, a, b)) is not None:
                value = began  # "detained since January": the custody began then
            elif etype == "complaint" and IN_PASSING.search(pre):
                value = None  # "acting on a complaint by X": told in passing, undated
            elif etype == "charge" and STANDING_CHARGE.match(flat, a):
                value = None  # "the accused face charges under": charges standing, not when laid
            elif bound[a] is not None:
                value = bound[a].value  # "revoked its registration on 20 August 2003"
            elif LATER.search(pre) or LATER_AFTER.match(flat, b):
                value = None  # "were detained and later remanded": after the date, not on it
            elif (
                CONTINUES.search(pre)
                and sent_values
                and sent_values[-1] is not None
                and not any(c0 <= d.start < c1 for d in sdates for c0, c1 in [_clause(clauses, a)])
            ):
                value = sent_values[-1]  # "was arrested on 3 May ..., and taken to a prison"
            resumes = None
            if etype == "trial_hearing" and ADJOURNED.match(flat, a):
                # "adjourned the case to 18 January": a hearing that day, and one set for then
                nxt = [d for d in dates if b <= d.start <= b + 40 and ADJOURNED_TO.fullmatch(
                    flat, b, d.start)]  # fmt: skip
                resumes = nxt[0].value if nxt else None
            # an appeal comes after the decision it attacks, never on its date
            inherit = (
                etype not in ("appeal_filed", "complaint")
                and not (etype == "charge" and STANDING_CHARGE.match(flat, a))
                and not (etype == "complaint" and IN_PASSING.search(pre))
                and not LATER.search(pre)
                and not LATER_AFTER.match(flat, b)
                and not FIRST_STAGE.search(pre)
                # "held at X, where he was beaten": what happened there, over the stay
                and not WHERE_CLAUSE.search(flat, s.start, a)
            )
            inherited = False
            perfect = bool(PAST_PERFECT.search(pre)) and not HAD_OBJECT.match(flat, a)
            if (
                value is None
                and inherit
                and para_date
                and not _looks_back(flat, s.start, a)
                and not VAGUE_PAST.search(flat, b, s.end)
            ):
                if not perfect:
                    value, inherited = para_date, True
            if value is None and perfect:
                continue
            sent_values.append(value)
            values = [v for v in (value, resumes) if v is not None] or [None]
            if k == len(hits) - 1 and value is not None:
                values += [v for v in gapped_dates(sdates, b, flat) if v != value]
            elif value is not None:
                # "granted bail on 11 and 15 February, but ...": days listed with "and" share the
                # verb even when another event phrase follows in the sentence
                own = [
                    d for d in sdates
                    if b <= d.start < hits[k + 1][0] and DAYS_AND.search(flat, d.start - 8, d.start)
                ]  # fmt: skip
                values += [v for v in gapped_dates(own, b, flat) if v != value]
            spans = _gap_spans(sdates, values, s.start, s.end) if len(values) > 2 else {}
            for v in values:
                key = (etype, format_date(v))
                if key in seen:
                    continue
                seen.add(key)
                ev = make_event(
                    doc, ents, mentions, provs, s, a, b, etype, v, prev_targets, carried, recent
                )
                if v in spans:
                    # "A was killed on D1, B on D2": each date goes with the people before it
                    gap_lo, gap_hi = spans[v]
                    own = _people_within(mentions, gap_lo, gap_hi)
                    ev["targets"] = own or ev["targets"]
                carried = ev["targets"] or carried
                people = [x for x in ev["targets"] if x in person_ids]
                recent = list(dict.fromkeys([*people, *recent]))
                if inherited:
                    ev["_inherited"] = True
                events.append(ev)
        if sdates:
            # the narrative goes on from the date of the sentence's last event, else its last date
            dated = [v for v in sent_values if v is not None]
            para_date = dated[-1] if dated else sdates[-1].value
            told = told or bool(dated)
    _judgment_provisions(events)
    _share_operation_agents(events, doc)
    _appeal_courts(events)
    events = _implied_appeals(events, doc)
    return _corefer(add_penalties(merge_convictions(events, doc), doc), doc)


#: "rejected his appeal", "dismissed their final appeal", "upheld ... on appeal": a decision on
#: an appeal the text tells of only through that decision.
DECIDED_APPEAL = re.compile(
    r"[^.;]{0,40}?\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w-]+\s+)?appeals?\b(?!\s+(?:court|chamber))"
)
#: How far back (characters) an appeal told in its own words still covers a decision on it.
APPEAL_TOLD_WITHIN = 600


def _implied_appeals(events: list[dict[str, Any]], doc: Doc) -> list[dict[str, Any]]:
    """A court that "rejected his appeal" decided an appeal he filed: the appeal is an event of
    its own (undated, the appellant its agent, the court its authority) unless the text told it
    shortly before in its own words."""
    out: list[dict[str, Any]] = []
    last_appeal = -(10**9)
    for ev in events:
        pos = ev["evidence"][0]["start"]
        if ev["type"] == "appeal_filed":
            last_appeal = pos
        elif (
            ev["type"] == "court_decision"
            and pos - last_appeal > APPEAL_TOLD_WITHIN
            and DECIDED_APPEAL.match(doc.flat, _trigger_end(ev, doc))
        ):
            out.append(
                {
                    **ev,
                    "type": "appeal_filed",
                    "date": None,
                    "agents": list(ev["targets"]),
                    "targets": [],
                    "provisions": [],
                    "penalty": None,
                    "note": "appeal told through the decision on it",
                    "confidence": 0.4,
                }
            )
        out.append(ev)
    return out


def _trigger_end(ev: dict[str, Any], doc: Doc) -> int:
    """Where the trigger phrase of an event ends in the text (its note is the phrase)."""
    start = ev["evidence"][0]["start"]
    words = ev["note"].split()
    i = doc.flat.find(words[0], start) if words else -1
    return start if i < 0 else i + len(words[0])


#: How far (characters) the decision on an appeal may be told after the appeal.
APPEAL_DECIDED_WITHIN = 600


def _appeal_courts(events: list[dict[str, Any]]) -> None:
    """An appeal told without the court it went to ("she appealed") went to the court whose
    decision the text tells next, shortly after: "... appealed. On 3 May the Supreme Court
    rejected the appeal" (the corpus gives an appeal the court that hears it as authority)."""
    for i, ev in enumerate(events):
        if ev["type"] != "appeal_filed" or ev["authority"]:
            continue
        pos = ev["evidence"][0]["start"]
        nxt = next(
            (
                x for x in events[i + 1 :]
                if x["type"] == "court_decision" and x["authority"]
                and x["evidence"][0]["start"] >= pos
            ),
            None,
        )  # fmt: skip
        if nxt is not None and nxt["evidence"][0]["start"] - pos <= APPEAL_DECIDED_WITHIN:
            ev["authority"] = nxt["authority"]


CHARGE_TYPES = ("case_opened", "charge", "charge_reclassified")


def _judgment_provisions(events: list[dict[str, Any]]) -> None:
    """A judgment of guilt that cites no article ("found all four guilty") convicts on the
    charges last brought before it."""
    last: list[str] = []
    for ev in events:
        if ev["type"] in CHARGE_TYPES and ev["provisions"]:
            last = ev["provisions"]
        elif ev["type"] in ("sentence", "conviction") and not ev["provisions"] and last:
            ev["provisions"] = list(last)


def _corefer(events: list[dict[str, Any]], doc: Doc) -> list[dict[str, Any]]:
    """A dated event told again in another paragraph (a lead, then the narrative) is one event."""
    para_of: dict[tuple[str, str | None], int] = {}
    first: dict[tuple[str, str | None], dict[str, Any]] = {}
    out: list[dict[str, Any]] = []
    for ev in events:
        pos = ev["evidence"][0]["start"]
        para = next((i for i, p in enumerate(doc.paragraphs) if p.start <= pos < p.end), -1)
        key = (ev["type"], ev["date"])
        inherited = ev.pop("_inherited", False)
        if ev["date"] and key in para_of:
            if para_of[key] != para:
                _merge_participants(first[key], ev)
                continue  # told again in another paragraph
            if inherited and set(ev["targets"]) <= set(first[key]["targets"]):
                continue  # told again, without a date of its own, of the same people
        para_of.setdefault(key, para)
        first.setdefault(key, ev)
        out.append(ev)
    return _drop_undated_retellings(out, doc)


def _drop_undated_retellings(events: list[dict[str, Any]], doc: Doc) -> list[dict[str, Any]]:
    """ "X has been sentenced to 33 years" in a lead or a quote, without a date, retells the
    dated sentence told elsewhere: an undated event is dropped when an event of its type is
    dated in the text and concerns at least the same people."""
    dated: dict[str, list[tuple[set[str], str | None]]] = {}
    for e in events:
        if e["date"]:
            dated.setdefault(e["type"], []).append((set(e["targets"]), e["authority"]))
    lead = _lead_end(events, doc)
    out = []
    for e in events:
        if not e["date"] and any(
            set(e["targets"]) <= t and (not e["authority"] or e["authority"] == auth)
            for t, auth in dated.get(e["type"], [])
        ):
            # (a decision of another court is another decision: "the appeal court upheld the
            # verdict, and on 3 May the Supreme Court dismissed the final appeal")
            continue
        if not e["date"] and e["type"] in dated and e["evidence"][0]["start"] < lead:
            continue  # the lead sums up, without dates, what the narrative tells with them
        out.append(e)
    return out


def _lead_end(events: list[dict[str, Any]], doc: Doc) -> int:
    """Where the paragraph of the first event ends: the lead that sums up the appeal."""
    if not events:
        return 0
    pos = min(e["evidence"][0]["start"] for e in events)
    para = next((p for p in doc.paragraphs if p.start <= pos < p.end), None)
    return para.end if para else 0


def _merge_participants(kept: dict[str, Any], again: dict[str, Any]) -> None:
    """An event told twice (a lead, then the narrative) keeps who took part in either telling:
    the lead often names the people, the narrative the court."""
    for slot in ("agents", "targets", "provisions"):
        kept[slot] = list(dict.fromkeys([*kept[slot], *again[slot]]))
    if not kept["authority"]:
        kept["authority"] = again["authority"]


#: The steps of one police operation: a raid, the arrests, searches and seizures it made.
OPERATION = frozenset({"raid", "arrest", "search", "seizure"})


def _share_operation_agents(events: list[dict[str, Any]], doc: Doc) -> None:
    """Steps of one operation told in a paragraph on one day ("police raided the office; ten
    participants were detained; their phones were confiscated") share who carried it out."""
    last: dict[tuple[int, str | None], list[str]] = {}
    for ev in events:
        if ev["type"] not in OPERATION:
            continue
        pos = ev["evidence"][0]["start"]
        para = next((i for i, p in enumerate(doc.paragraphs) if p.start <= pos < p.end), -1)
        key = (para, ev["date"])
        if ev["agents"]:
            last[key] = ev["agents"]
        elif key in last and ev["date"]:
            ev["agents"] = list(last[key])
