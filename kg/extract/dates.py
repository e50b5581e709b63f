"""Dates: absolute dates in the forms appeals use, relative dates resolved against the appeal
date, with their precision (year, month, day).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass
from datetime import date, timedelta

from kg.extract.lexicon import MONTHS, NUMBER_WORDS
from kg.extract.scan import WordsAtEnd, finditer_at
from kg.extract.text import DATE_DOT, Doc

# ---------------------------------------------------------------- dates

MONTH_RE = "|".join(MONTHS)
#: "Jul 25, 2019", "25 Sept. 2020": abbreviations only next to a day number, where "Jan" or
#: "Mar" cannot be a name.
MONTH_ABBR = {m[:3]: n for m, n in MONTHS.items()} | {"Sept": 9}
MONTH_DAY_RE = (
    MONTH_RE + "|" + "|".join(rf"{a}\.?" for a in sorted(MONTH_ABBR, key=len, reverse=True))
)
#: What may stand between "in" and a bare year: "in late 2023", "in mid-2019", "in the summer
#: of 2020", "in spring 2021". The year is as precise as the text is.
YEAR_PART = (
    r"(?:(?:early|mid|late)[\s-]+|(?:the\s+)?(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?)?"
)
#: The look-ahead names the characters a match can start with (a digit, a month's capital,
#: "early", "mid", "late", "the", "In", "Since", "By"): the engine skips to them instead of
#: trying every branch at every character.
DATE_RE = re.compile(
    rf"(?=[\dJFMASONDelmtIiSsBb])"
    rf"\b(?:(?P<nd>\d{{1,2}})[./{DATE_DOT}](?P<nm>\d{{1,2}})[./{DATE_DOT}](?P<ny>(?:19|20)\d\d)\b"
    rf"|(?P<iy>(?:19|20)\d\d)(?P<isep>[-/])(?P<im>[01]?\d)(?P=isep)(?P<id>[0-3]?\d)\b"
    rf"|(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<m1>{MONTH_DAY_RE})(?![a-z])"
    rf"(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<m2>{MONTH_DAY_RE})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>\d{{4}}))?"
    rf"|(?:(?P<part>early|mid|late|the end of|the beginning of)[\s-]+)?(?P<m3>{MONTH_RE})"
    rf"(?:\s+(?P<y3>\d{{4}}))?"
    rf"|(?:[Ii]n|[Ss]ince|[Bb]y)\s+{YEAR_PART}(?P<y4>(?:19|20)\d\d)\b)"
)
#: The event nouns a relative date may count from: "ten days after his arrest", "two weeks
#: after her release", "the day after the hearing".
EVENT_NOUNS = (
    "arrest|detention|abduction|release|conviction|sentencing|sentence|verdict|judgment|trial|"
    "hearing|disappearance|transfer|summons|killing|murder|assassination|strike|raid|search|"
    # ("the day before the rally": a gathering the text dates, a count may start from)
    "vigil|rally|protest|demonstration|election|"
    # ("two days after the prosecutor's demand": the day a sentence was asked for)
    "demand"
)
#: The participles a relative date may count from, told as a clause ("the day after the
#: defenders were charged"), and the event noun each stands for.
VERB_NOUNS = {
    "arrested": "arrest", "detained": "arrest", "abducted": "abduction", "released": "release",
    "freed": "release", "convicted": "conviction", "sentenced": "sentence", "tried": "trial",
    "charged": "charge", "indicted": "charge", "summoned": "summons", "killed": "killing",
}  # fmt: skip
EVENT_VERBS = "|".join(VERB_NOUNS)
#: For each event noun, the words of the sentence that tells that event with its date.
EVENT_WORDS = {
    "arrest": r"arrest|detain|apprehend|taken into custody|picked up|taken away|handcuffed|"
    # "pushed them into an unmarked car", "forced him into a van": a seizure of the person
    r"(?:pushed|forced|bundled|dragged|shoved)\s+(?:[\w’'-]+\s+){0,6}?into\s+(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+)?(?:car|vehicle|van|truck|jeep|minibus)",
    # (custody begins with the arrest: "picked up on 5 October ... on the second day of their
    # detention")
    "detention": r"detain|detention|remand|custody|arrest|picked up|taken away|apprehend",
    "abduction": r"abduct|kidnap|disappear",
    "disappearance": r"disappear|abduct|kidnap",
    "release": r"releas|freed",
    "conviction": r"convict|guilty",
    "sentencing": r"sentenc",
    "sentence": r"sentenc",
    # "appealed on the day after the verdict": the day of the sentence or conviction
    "verdict": r"sentenced|convicted|guilty|verdict",
    "judgment": r"sentenced|convicted|guilty|judgment|verdict",
    "trial": r"trial|hearing",
    "hearing": r"hearing|trial",
    "transfer": r"transfer",
    "vigil": r"vigil",
    # ("spoke at a gathering on 2 May ... Three days after the rally": the same rally)
    "rally": r"rall(?:y|ies)|gathering",
    "protest": r"protest",
    "demonstration": r"demonstrat",
    "election": r"election",
    "summons": r"summon",
    "charge": r"charg|indict",
    "killing": r"killed|killing|murder|shot dead|assassinat",
    "murder": r"killed|killing|murder|shot dead|assassinat",
    "assassination": r"killed|killing|murder|shot dead|assassinat",
    "strike": r"hunger strike|hunger-strike|went on strike|began a strike",
    "raid": r"raid|stormed",
    "search": r"search",
    "demand": r"asked|demanded|requested|sought",
}
REL_RE = re.compile(
    r"\b(?P<rel>(?:the\s+)?(?:following|next)\s+(?:day|week|month|year|morning|afternoon|evening|night)|"
    # "on the day of her arrest", "on the night of his arrest": the day of an event the text
    # tells
    # "on the same day as the raid", "the same evening as the first court hearing": that
    # event's day, not the day told last
    r"[Tt]he\s+same\s+(?:day|night|evening|morning|afternoon)\s+as\s+(?:his|her|their|the|its)\s+"
    r"(?:[\w-]+\s+){0,2}(?P<anoun>" + EVENT_NOUNS + r")\b|"
    r"[Tt]he\s+(?:same\s+|very\s+)?(?:day|night|evening|morning|afternoon)\s+of\s+(?:his|her|their|the|its)\s+(?:[\w-]+\s+)?"
    r"(?P<dnoun>" + EVENT_NOUNS + r")\b|"
    # "on the second day of their detention": counted from the day it began
    r"[Tt]he\s+(?P<ord>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+day\s+of\s+"
    r"(?:his|her|their|the|its)\s+(?:[\w-]+\s+)?(?P<onoun>" + EVENT_NOUNS + r")\b|"
    r"[Tt]he\s+day\s+after\b(?!\s+(?:his|her|their|the|its|an?)\b)|"
    # "on the morning after his abduction": the next day, at a time of it
    r"[Tt]he\s+(?:morning|afternoon|evening|night)\s+after\s+(?:his|her|their|the|its)\s+"
    r"(?:[\w-]+\s+)?(?P<mnoun>" + EVENT_NOUNS + r")\b|"
    # "the night before the hearing": the day before an event the text tells
    r"[Tt]he\s+(?:day|morning|afternoon|evening|night)\s+before\s+(?:his|her|their|the|its)\s+"
    r"(?:[\w-]+\s+)?(?P<bnoun>" + EVENT_NOUNS + r")\b|"
    r"(?<!since\s)(?<!until\s)(?<!from\s)(?:[Tt]he\s+day\s+before\b"
    r"(?!\s+(?:his|her|their|the|its|an?|[A-Z]|\d)\b)|[Tt]he\s+previous\s+(?:day|evening|night)\b)|"
    r"(?:[Ll]ater|[Ee]arlier)\s+(?:that|the\s+same)\s+(?:month|year)|(?:that(?:\s+same)?|the\s+same)\s+(?:day|date|morning|afternoon|evening|night|week)|(?:a\s+few|several|some)\s+hours\s+later|[Ww]ithin\s+hours"
    r"|(?:(?:[Aa]bout|[Ss]ome|[Oo]ver)\s+)?(?P<n>\w+)\s+(?P<unit>days?|weeks?|months?|years?)\s+"
    r"(?P<dir>later|earlier|afterwards|after\s+(?:that|this)(?=\s*,)|"
    # "two days into the strike", "a week into her detention": counted from its start ("a
    # fortnight before her arrest", "two weeks before it": back from it)
    r"(?:after|into|before)\s+(?:his|her|their|the|its|"
    # "three days after Mr. Sand's arrest": a person's possessive
    r"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?[’']s)\s+(?:[\w-]+\s+)?"
    # ("a week after the first arrests": the plural counts from the first of them)
    r"(?P<noun>" + EVENT_NOUNS + r")(?:e?s)?|"
    # "the day after the defenders were charged", "two days after she was arrested": the count
    # starts from the step a clause tells
    r"after\s+(?:(?:he|she|they)\s+|(?:the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?"
    r"|(?:[A-Z][\w’'-]+\s+){1,3})(?:was|were|had\s+been)\s+(?P<verb>" + EVENT_VERBS + r")))\b",
    re.I,
)
#: Searched only where the words before a date end with a letter one of these words ends with.
NOT_EVENT_DATE = WordsAtEnd(
    re.compile(
        r"(?:until|till|to|dated|of|since|from|before|between|by|expiry|planned for|on or)\s*$",
        re.I,
    )
)
#: "until" or "till" right before a count: the end of a spell.
UNTIL_BEFORE = re.compile(r"\b(?:until|till)\s+$", re.I)
#: A verb of saying and its "that", before a count in what was said.
SAID_THAT = re.compile(r"\b(?:said|says|say|told\s+[\w ]{1,30}?|alleged|claimed|stated)\s+that\b")
#: "In the course of May", "over the course of 2023": the time a step took, its date ("of"
#: alone is no event's: "a law of 3 May").
COURSE_OF = re.compile(r"\bcourse\s+of\s*$", re.I)
#: When a book, a paper, a body or a law was made: "published in", "founded on", "set up in",
#: "adopted earlier in".
MADE_ON = re.compile(
    # ("a post she published on Telegram on 2 May": the platform between)
    r"\b(?:published(?:\s+on\s+(?:Facebook|Twitter|X|YouTube|Instagram|TikTok|Telegram))?|"
    r"printed|founded|established|set\s+up|adopted|enacted|promulgated|"
    # "a search warrant issued a day earlier": a warrant to search, no step of its own
    r"search\s+warrant\s+(?:was\s+|had\s+been\s+)?issued)\s+"
    r"(?:(?:earlier|later)\s+)?(?:(?:in|on)\s+(?:the\s+)?)?$"
)
#: The same with what was made between: "who founded the group in 2016", "a report she
#: co-wrote for the outlet in 2023".
MADE_IT_ON = re.compile(
    r"\b(?:(?:founded|established|set\s+up)\s+(?:the|an?|his|her|their|its)(?:\s+[\w’'-]+){1,3}?|"
    r"(?:co-?wrote|co-?authored|authored|wrote)(?:\s+(?:for|with)(?:\s+[\w’'-]+){1,3}?)?)"
    r"\s+(?:(?:in|on)\s+(?:the\s+)?)?$"
)
#: "confessed to burning down a kiosk on ": what a confession was of.
CONFESSED_TO = re.compile(r"\bconfess(?:ed|ing)?[”\"’]?\s+to\s[^.;]*$")
#: "in connection with a sit-in in May 2019", "over a march on 3 May": the day of
#: what a step was for, not of the step (a step "during" a protest is on its day).
CAUSE_DAY = re.compile(
    r"\b(?:in\s+connection\s+with|in\s+relation\s+to|over)\s+(?:an?|the|his|her|"
    r"their|its)\s+(?!(?:[\w’'-]+\s+){0,4}?(?:" + EVENT_NOUNS + r")s?\b)"
    # ("in connection with the case opened in June 2015": a participle's own day)
    r"(?:[\w’'-]+\s+){0,4}?(?<!ed\s)(?:on|in)\s+$"
)
#: "Law No. 68/2018 of 30 August 2018", "Ordinance No. 21-08 of 8 June 2021", "the decree of 3 May
#: 2020": the day an instrument was made, told in its name.
ENACTED_ON = re.compile(
    r"\b(?:[Ll]aws?|[Oo]rdinances?|[Dd]ecrees?|[Dd]ecree-[Ll]aws?|[Aa]cts?|[Rr]esolutions?|[Oo]rders?|"
    r"[Rr]egulations?|[Cc]odes?|[Pp]roclamations?)(?:\s+(?:No|Number|no|N[º°]|n[º°]|№)\.?\s*[\w./-]+)?\s+of\s+(?:the\s+)?$"
)
#: A sentence that opens by conceding, up to its first comma: "Although X had notified the police
#: eight days earlier, ...".
CONCEDED = re.compile(r"\s*(?:Although|Though|Even though|Even if)\b[^,;]*$")
#: A sentence that tells where a step came from, looking back: "The charge stems from a
#: complaint lodged in May 2023", "The charges are linked to a protest on 3 May". Its days
#: are the background's: they start no count ("the same night") and the story goes on after
#: it from the day it had reached.
BACKGROUND_OPENING = re.compile(
    r"\s*(?:The|These|This|Her|His|Their|Its)\s+(?:[\w’'-]+\s+){0,2}?"
    r"(?:accusations?|charges?|cases?|prosecution|complaint|proceedings|investigation)\s+"
    r"(?:against\s+(?:him|her|them)\s+)?"
    r"(?:stems?|stemmed|arises?|arose|relates?|related|dates?\s+back|refers?|concerns?|"
    r"(?:is|are|was|were)\s+(?:based|linked|related|connected))\b"
)
#: "(in May) of that year": the month is of the year told last, whatever the story's.
THAT_YEAR_AFTER = re.compile(r"\s+(?:of\s+)?(?:that|the\s+same)\s+year\b")
#: A year written in figures.
YEAR_WORD = re.compile(r"\b(?:19|20)\d\d\b")


def _year_told_before(flat: str, at: int) -> int | None:
    """The last year written in figures in the 300 characters before ``at``."""
    years = YEAR_WORD.findall(flat, max(0, at - 300), at)
    return int(years[-1]) if years else None


#: Dates that end a period or name a plan do not anchor "the same day" or "two days later".
NOT_ANCHOR = WordsAtEnd(
    re.compile(r"(?:before|between|expiry|(?:planned|scheduled) for|on or)\s*$", re.I)
)
#: "since" before a day: the start of a spell.
SINCE_BEFORE = re.compile(r"\bsince\s*$", re.I)
#: "until the next mention of the case, on": a day that ends a spell, named by what ends it
#: (not a clause with a verb of its own: "until the court ordered her release on 2 May" dates
#: the release).
UNTIL_ON = re.compile(
    r"\buntil\s+(?:the|a|an|his|her|their|its)\s+(?:(?![\w’'-]+ed\s)[\w’'-]+\s+){0,6}?"
    r"(?![\w’'-]+ed,?\s)[\w’'-]+,?\s+on\s*$"
    # "did not know where he was held until he was allowed to telephone his wife on 18 May":
    # the step that ended the spell, told as a clause
    r"|\buntil\s+(?:he|she|they)\s+(?:was|were|could|had)\b[^.;]{0,100}?\s+on\s*$"
)
#: "On the morning of 9 January": the time of day opens an event date, not a reference.
TIME_OF_DAY = re.compile(
    r"\b(?:morning|evening|night|afternoon|early hours|hours) of\s*$|\bfor\s+$"
)

#: "the attack of 19 September 2023", "the raid of 4 March": a step's noun with its day after
#: "of" (a law or a letter "of 3 May" is dated, no step of that day). A hearing or trial "of"
#: a day is left out: told as where another step was taken ("At the hearing of 21 August, his
#: lawyer objected"), the development gold counts it in one appeal and not in another.
STEP_OF = re.compile(
    r"\b(?:arrest|detention|abduction|disappearance|killing|murder|assassination|raid|attack|"
    r"search|eviction|beating|assault|threat|hearing|session|sitting)s?\s+of\s+$",
    re.I,
)

#: "the 4 March 2019 marches", "the 2 May elections": a day that names a gathering or a vote
#: the step is about, not the step's day (an attack or a raid so named is a step: not here).
GATHERING_AFTER = re.compile(
    # (not "the 3 May hunger strike": a step of the case)
    r"\s+(?!hunger\b)(?:[\w-]+\s+)?(?:protests?|demonstrations?|marche?s|rall(?:y|ies)|elections?|"
    r"referendum|uprising|strikes?|riots?|unrest|sit-ins?|vote|polls)\b"
)
THE_BEFORE = re.compile(r"\b[Tt]he\s+$")


def _names_a_gathering(flat: str, start: int, end: int) -> bool:
    return bool(THE_BEFORE.search(flat, max(0, start - 5), start)) and bool(
        GATHERING_AFTER.match(flat, end)
    )


#: A call for something, then words up to a count: "urged students of X to march".
CALLED_FOR = re.compile(
    r"\b(?:call(?:ed|ing|s)?\s+(?:on|upon|for)|urg(?:ed|ing|es)|invit(?:ed|ing|es))\b[^.;]*$"
)


#: "In an indictment dated 9 June 2021, the prosecutor accused him of": the day of the
#: document that brings the charge is the charge's (a letter or a law "dated" a day is no step).
CHARGE_DATED = re.compile(r"\b(?:indictment|charge\s+sheet)\s+dated\s+$", re.I)

#: "the case was heard by Judge X from 20 February": a hearing's first day is its date.
HEARD_FROM = re.compile(r"\b(?:heard|tried)\b[^.;,]{0,40}\bfrom\s*$")


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: Dates told from the day the appeal was issued, as press releases tell them: "Earlier today,
#: the court ...", "yesterday", "On Monday" (a weekday of the week up to the appeal's day, that
#: day itself where it is the weekday named, as the news tells the day of the release; "last
#: Monday" then is the week before; one followed by its date, "on Sunday, January 23", is dated
#: by that date). A bare "today" mostly dates the
#: issuer's own statement ("X said today", "calls today for the release of"), not an event:
#: it is not read.
DEICTIC_RE = re.compile(
    r"[Ee]arlier\s+(?P<deixis>today)\b|(?P<deixis2>[Yy]esterday)\b"
    r"|[Ee]arlier\s+(?P<this>this\s+(?:year|month|week))\b|(?P<morning>[Tt]his\s+morning)\b"
    # ("in the last week of May": a part of the month named, no week before the appeal)
    r"|(?<![Tt]he\s)[Ll]ast\s+(?P<last>week|month|year)\b(?!\s+of\b)"
    r"|(?:[Oo]n|[Ll]ast)\s+(?P<wd>" + "|".join(WEEKDAYS) + r")\b"
    r"(?!,?\s+(?:the\s+)?\d|,?\s+(?:" + MONTH_RE + r")\b"
    r"|\s+(?:morning|afternoon|evening|night)?\s*,?\s*\d)"
)
#: The words a match of DEICTIC_RE can start with.
DEICTIC_OPENERS = frozenset("yesterday earlier Yesterday Earlier On Last on last this This".split())


def _deictic(
    flat: str, index: dict[str, list[int]], appeal_date: date
) -> list[tuple[re.Match[str], tuple[int, int | None, int | None]]]:
    """Dates told from the appeal's own date ("earlier today", "yesterday", "on Monday")."""
    starts = sorted(a for w in DEICTIC_OPENERS for a in index.get(w, ()))
    out = []
    for m in finditer_at(DEICTIC_RE, flat, starts):
        span = m.group("this") or m.group("last") or m.group("morning")
        if span:
            # "earlier this year", "last month", "this morning": as precise as the span named
            unit = span.split()[-1]
            back = m.group("last") is not None
            if unit == "morning":
                d = appeal_date
                out.append((m, (d.year, d.month, d.day)))
            elif unit == "year":
                out.append((m, (appeal_date.year - back, None, None)))
            else:
                d = appeal_date - timedelta(weeks=back) if unit == "week" else appeal_date
                if unit == "month" and back:
                    d = d.replace(day=1) - timedelta(days=1)
                out.append((m, (d.year, d.month, None)))
            continue
        if m.group("deixis"):
            back = 0
        elif m.group("deixis2"):
            back = 1
        else:
            back = (appeal_date.weekday() - WEEKDAYS.index(m.group("wd"))) % 7
            if not back and m.group().startswith(("Last", "last")):
                back = 7  # "last Thursday" in a release of a Thursday: the week before
        d = appeal_date - timedelta(days=back)
        out.append((m, (d.year, d.month, d.day)))
    return out


#: The words besides numbers and months a match of DATE_RE can start with.
DATE_OPENERS = frozenset("early mid late the In in Since since By by".split())
#: The first three letters of every month's name and abbreviation ("Sept." of "Sep").
MONTH_HEADS = frozenset(m[:3] for m in MONTHS)
#: The words met in the texts read so far that cannot open a match of DATE_RE.
_NOT_DATE: set[str] = set()


def _date_starts(flat: str, index: dict[str, list[int]]) -> list[int]:
    """The places where a match of DATE_RE may begin, in text order: the starts of the words
    (:attr:`kg.extract.text.Doc.word_index`) that open with a digit or a month's first three
    letters, or are one of DATE_OPENERS. A match opens where a word does (``\\b`` before a
    letter or digit), and every branch of the pattern starts with one of these. "the" and the
    words before a bare year are kept only where what follows them can go on as the pattern
    needs (:data:`THE_PARTS`, :func:`_year_after`): "the" alone opens some fifty words an
    appeal, of which a date hardly ever."""
    out: list[int] = []
    if len(_NOT_DATE) > 50_000:
        _NOT_DATE.clear()
    for w in itertools.filterfalse(_NOT_DATE.__contains__, index):
        if w[0].isdigit() or w[:3] in MONTH_HEADS:
            out.extend(index[w])
        elif w == "the":
            out.extend(a for a in index[w] if flat.startswith(THE_PARTS, a))
        elif w in YEAR_OPENERS:
            out.extend(a for a in index[w] if _year_after(flat, a + len(w)))
        elif w in DATE_OPENERS:
            out.extend(index[w])
        else:
            _NOT_DATE.add(w)
    out.sort()
    return out


#: How a match of DATE_RE that opens with "the" goes on: "the end of May".
THE_PARTS = ("the end of", "the beginning of")
#: The words of DATE_RE's bare year ("in 2019", "since 2016", "by 2018").
YEAR_AFTER = re.compile(r"\s+" + YEAR_PART + "(?:19|20)")
YEAR_OPENERS = frozenset("In in Since since By by".split())


def _year_after(flat: str, i: int) -> bool:
    """Whether white space and then "19" or "20" follow ``i``: a year after "in", "since" or
    "by", as ``\\s+(?:19|20)`` reads it."""
    return YEAR_AFTER.match(flat, i) is not None


#: The words a match of REL_RE can start with, in lower case, besides the number before a unit.
REL_OPENERS = frozenset(
    "the following next that a several some within about over later earlier".split()
)
REL_UNITS = frozenset("day days week weeks month months year years".split())


#: The words met in the texts read so far that neither open a match of REL_RE nor are one of
#: its units.
_NOT_REL: set[str] = set()


def _rel_starts(flat: str, index: dict[str, list[int]]) -> list[int]:
    """The places where a match of REL_RE may begin: a word of REL_OPENERS (any case; a word
    with letters outside ASCII is kept, as case-blind matching may fold it), and the start of
    the word before a unit ("five days later"). ``index`` holds each distinct word of ``flat``
    with its starts (:attr:`kg.extract.text.Doc.word_index`)."""
    out = []
    neither = _NOT_REL
    if len(neither) > 50_000:
        neither.clear()
    # most words neither open a match nor are a unit; the index's words are looked up in the
    # set one by one (``keys() - neither`` would copy the keys and go over the larger set)
    for w in itertools.filterfalse(neither.__contains__, index):
        low = w.lower()
        odd = not w.isascii()
        opens = odd or low in REL_OPENERS
        unit = odd or low in REL_UNITS
        if not (opens or unit):
            neither.add(w)
            continue
        starts = index[w]
        if opens and low == "the" and not odd:
            out.extend(a for a in starts if _rel_after_the(flat, a + 3))
        elif opens:
            out.extend(starts)
        if not unit:
            continue
        for a in starts:
            i = a
            while i > 0 and flat[i - 1].isspace():
                i -= 1
            if i == a:
                continue  # "(?P<n>\w+)\s+" needs white space before the unit
            j = i
            while j > 0 and (flat[j - 1].isalnum() or flat[j - 1] == "_"):
                j -= 1
            if j < i:
                out.append(j)
    return sorted(set(out))


#: How the word after "the" opens where a match of REL_RE opens with "the" ("the following
#: day", "the same day", "the days after": a unit counted by "the" as ``(?P<n>\\w+)`` reads
#: it), in lower case: the pattern is case-blind.
REL_AFTER_THE = (
    "following", "next", "same", "day", "week", "month", "year", "previous",
    "morning", "afternoon", "evening", "night",
    "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
)  # fmt: skip
#: The day an ordinal counts ("the third day of ..."): that many days from the first, less one.
ORDINAL_DAYS = {w: k for k, w in enumerate(REL_AFTER_THE[12:], start=1)}


def _rel_after_the(flat: str, i: int) -> bool:
    """Whether a match of REL_RE may open with the "the" that ends at ``i``: white space, then
    a word that opens as :data:`REL_AFTER_THE` (or one with letters outside ASCII, which
    case-blind matching may fold); or no white space at all (``\\w+`` reads on past an
    underscore), where the pattern is simply tried."""
    if i >= len(flat) or not flat[i].isspace():
        return True
    while i < len(flat) and flat[i].isspace():
        i += 1
    word = flat[i : i + 9]
    return not word.isascii() or word.lower().startswith(REL_AFTER_THE)


@dataclass(slots=True)
class DateMention:
    """A date expression and its value: ``(year, month, day)`` with ``None`` for unknown parts."""

    start: int
    end: int
    value: tuple[int, int | None, int | None]
    event_date: bool
    approx: bool = False


def format_date(value: tuple[int, int | None, int | None] | None) -> str | None:
    if not value:
        return None
    y, m, d = value
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


FOR_END = re.compile(r"\bfor\s+$")
#: What stands between a count from an event noun and the day of that event: "three days
#: after her release on 3 May".
OWN_DAY = re.compile(r"\s+(?:on|in)\s+")
#: What stands between a date and a count from an event told in apposition to it ("3 May, a
#: week after her arrest").
APPOSED_REL = re.compile(r"\s*,\s*")


def find_dates(doc: Doc, appeal_date: date | None, issued: date | None = None) -> list[DateMention]:
    """Absolute and relative dates in text order, each resolved against the narrative so far.

    A day without a year takes the year of the last dated sentence; "the following day" and
    "two weeks later" count from the last full date mentioned; both are how a reader does it.
    ``issued`` is the day the appeal states it was issued, where it does (``appeal_date`` may
    stand in for it with the narrative's first date): no step it tells as done falls after it.
    """
    flat = doc.flat
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for m in finditer_at(DATE_RE, flat, _date_starts(flat, doc.word_index)):
        found.append((m.start(), m.end(), "abs", m))
    starts = [a for a, *_ in found]
    # tried only where a match can start, not at every character
    for m in finditer_at(REL_RE, flat, _rel_starts(flat, doc.word_index)):
        i = bisect.bisect_right(starts, m.start()) - 1
        if not (i >= 0 and m.start() < found[i][1]):
            found.append((m.start(), m.end(), "rel", m))
    told_from_issue = _deictic(flat, doc.word_index, appeal_date) if appeal_date else []
    for m, _value in told_from_issue:
        i = bisect.bisect_right(starts, m.start()) - 1
        if not (i >= 0 and m.start() < found[i][1]):
            found.append((m.start(), m.end(), "deictic", m))
    deictic = {m.start(): v for m, v in told_from_issue}
    found.sort(key=lambda x: x[0])
    year = appeal_date.year if appeal_date else None
    anchor: date | None = None
    anchor_sent = -1  # the sentence the anchor was told in
    latest = appeal_date  # the latest day told with its year, the appeal's own at least
    told_month: tuple[int, int] | None = None  # the month of the last date told with its year
    # a month a step was told in ("In June 2021, she was detained") after the last day that
    # anchors counts: "the same evening" then falls in that month, on a day not told
    month_only: tuple[int, int, int] | None = None  # (year, month, sentence)
    last_day: date | None = None  # the last day told with its year
    days: list[tuple[int, date]] = []  # the full dates read so far, with where they stand
    out: list[DateMention] = []
    yearless: set[int] = set()
    sent_ends = [s.end for s in doc.sentences]
    sent_i = -1
    sent_year: int | None = None  # the year of the first full date of the current sentence
    opened: int | None = None  # the bare year the current sentence opens with ("In 2024, ...")
    background = False  # the current sentence tells where a step came from
    for k, (start, end, kind, m) in enumerate(found):
        i = bisect.bisect_right(sent_ends, start)
        if i != sent_i:
            # the narrative's year is the one its sentences open with: "On 3 May 2023, the court
            # convicted him for a speech of 2020" leaves the story in 2023
            year = sent_year or year
            sent_i, sent_year, opened = i, None, None
            background = i < len(doc.sentences) and bool(
                BACKGROUND_OPENING.match(flat, doc.sentences[i].start)
            )
        before = flat[max(0, start - 25) : start]
        is_event = (
            (not NOT_EVENT_DATE.search(before) or COURSE_OF.search(before) is not None)
            # "40 copies of a collection published in February 2012": when a thing was made,
            # which no step of the appeal is
            and not MADE_ON.search(before)
            and not MADE_IT_ON.search(flat, max(0, start - 60), start)
            # "a paper on which she “confessed” to burning down a kiosk on 2 March": the
            # day of what was confessed, no step of the appeal's
            and not (
                flat.find("onfess", max(0, start - 100), start) >= 0
                and CONFESSED_TO.search(flat, max(0, start - 100), start)
            )
            and not CAUSE_DAY.search(flat, max(0, start - 70), start)
            # "remanded until the next mention of the case, on 27 January": the end of a
            # custody, the day of the step that ends it
            and not UNTIL_ON.search(flat, max(0, start - 130), start)
            or bool(TIME_OF_DAY.search(before))
            or bool(HEARD_FROM.search(flat, max(0, start - 60), start))
            or bool(STEP_OF.search(before))
            or bool(CHARGE_DATED.search(flat, max(0, start - 40), start))
        )
        if kind == "abs" and m.group("y4") and m.group(0)[:1] in "Ss":
            is_event = False  # "since 2016" opens a period
        gathering = kind == "abs" and _names_a_gathering(flat, start, end)
        if gathering:
            is_event = False  # "who marched in the 4 March 2019 protests"
        if kind == "abs" and _dateline(doc.text, start, end, first=not out):
            is_event = False  # "Paris, 6 July 2021 – ...": when the text was issued
        if kind == "abs" and _alone_on_line(doc.text, start, end):
            is_event = False  # "12 October 2023" over an update's title: when it was issued
        # (nor does the day of a gathering named in passing start a count)
        anchors = (
            not NOT_ANCHOR.search(before)
            and not background
            and not gathering
            # ("a post she published on 2 May, urging a march three days later")
            and not MADE_ON.search(before)
            and not MADE_IT_ON.search(flat, max(0, start - 60), start)
        )
        if kind == "rel" and FOR_END.search(before):
            continue  # "for three years after release" is a duration
        if kind == "abs" and PLACE_NAMED.match(flat, end):
            continue  # "6th of October City", "9 de Julio Avenue": a place named for a day
        if kind == "abs":
            value = absolute(m, year)
            if value is None:
                continue
            if (
                m.group("m3")
                and not m.group("y3")
                and THAT_YEAR_AFTER.match(flat, end)
                and (told := _year_told_before(flat, start))
            ):
                value = (told, value[1], None)  # "in May of that year": the year told
            no_year = not (m.group("y1") or m.group("y2") or m.group("y3") or m.group("ny"))
            if m.group("y4") and _opens_sentence(doc, i, start, m):
                opened = value[0]
            if no_year and value[2] is not None and opened is not None:
                # "In 2023, the court fined her twice: on 9 May and on 30 October": the days
                # of a sentence that opens with its year are of that year
                value = _valid(opened, value[1], value[2]) or value
            elif no_year and value[2] is not None:
                # "On January 19, four days before she was killed": a day counted from an
                # event whose day was told takes the year that makes the count come out
                counted = _counted_year(flat, end, value, days)
                if counted is not None and counted != value[0]:
                    value = (counted, value[1], value[2])
                    year = counted
                elif counted is None and latest and _long_after(value, latest):
                    # "On 20 December, police arrested her" in an appeal of February: the
                    # December before it, not one more than half a year after the appeal (or
                    # after the latest day told with its year: an update's "adjourned to
                    # September 29")
                    value = _valid(value[0] - 1, value[1], value[2]) or value
                elif counted is None and _turned_year(value, told_month, appeal_date):
                    # "In October 2025, the court ... On January 12, police arrested her" in an
                    # appeal of February 2026: the story went on into the next year, which the
                    # appeal's day still allows
                    value = (value[0] + 1, value[1], value[2])
                elif counted is None and _back_to_story(value, told_month, last_day, appeal_date):
                    # "On 14 March 2024, the court ... banned in June 2021. On 20 March, ...":
                    # a month told in passing, before the story's last day, does not take the
                    # story back to its year
                    assert last_day is not None
                    value = (last_day.year, value[1], value[2])
                    year = last_day.year
                elif counted is None and _told_as_past(
                    doc, i, start, value, issued and max(issued, latest or issued)
                ):
                    # "police took her away on 20 March, after the march" in an appeal of
                    # 9 March 2022: a step told as done falls in the year before, not after the
                    # day the appeal was issued (or the latest day told with its year, where an
                    # update goes on past it)
                    value = _valid(value[0] - 1, value[1], value[2]) or value
            enacted = bool(ENACTED_ON.search(flat, max(0, start - 60), start))
            if no_year and value[2] is not None and is_event and anchors:
                # "the charge, laid on 9 February, ... a march on 2 May 2019. On 6 April":
                # the sentence's first day keeps the story in its year, not the look back after it
                sent_year = sent_year or value[0]
            if not no_year and not enacted:
                # a bare "in 2019" is background, and so is the day a law was made ("as amended
                # by Ordinance No. 21-08 of 8 June 2021"): neither sets the narrative's year
                year = value[0]
                sent_year = sent_year or year
                if value[1] is not None:
                    told_month = (value[0], value[1])
                if value[2] is not None and (latest is None or date(*value) > latest):  # type: ignore[arg-type]
                    latest = date(*value)  # type: ignore[arg-type]
                if value[2] is not None:
                    last_day = date(*value)  # type: ignore[arg-type]
            if (
                value[2] is not None
                and anchors
                and not enacted
                # "remanded until the next mention, on 27 January" in an appeal of 20 January:
                # a day still to come starts no count of the story ("The following day")
                and (appeal_date is None or date(*value) <= appeal_date)  # type: ignore[arg-type]
            ):
                day = date(*value)  # type: ignore[arg-type]
                days.append((start, day))
                if not (anchor_sent == i and SINCE_BEFORE.search(before)) and not (
                    # "carried out a warrant signed on 4 March 2019. Three days later":
                    # the day a paper was made, told in passing, starts no count of the story
                    anchor is not None and THING_DATED.search(before)
                ):
                    # "On 4 June, the court extended the custody of X, held since 12
                    # May. The next morning ...": the count goes on from the day the
                    # sentence tells, not from the start of a spell told in passing
                    anchor, anchor_sent = day, (i if is_event else -1)  # (not a dateline)
                    month_only = None
            elif (
                value[2] is None
                and value[1] is not None
                and is_event
                and not enacted
                and i < len(doc.sentences)
                and MONTH_OPENS.fullmatch(flat, doc.sentences[i].start, start)
            ):
                month_only = (value[0], value[1], i)
            listed = DAY_LISTED.search(flat, max(0, start - 12), start) if m.group("d1") else None
            # "from 1 to 9 April 2024": the first day of a span that names its month once, the
            # day the span began (the day after "to" is no event's)
            span = FROM_DAY_TO.search(flat, max(0, start - 20), start) if m.group("d1") else None
            listed = listed or span
            night = NIGHT_OF.search(flat, max(0, start - 30), start) if m.group("d1") else None
            if night and value[2] is not None:
                # "on the night of 3 to 4 May": the night began on the first day, the event's
                day = _valid(value[0], value[1] or 1, int(night.group(1)))
                if day is not None and day < value:
                    if no_year:
                        yearless.add(len(out))
                    out.append(DateMention(night.start(1), night.end(1), day, True))
            elif listed and value[2] is not None:
                # "on 11 and 15 February": the first day shares the month (and year) given once
                day = _valid(value[0], value[1] or 1, int(listed.group(1)))
                if day is not None and day < value:
                    if no_year:
                        yearless.add(len(out))
                    a0 = listed.start(1)
                    out.append(DateMention(a0, listed.end(1), day, is_event or span is not None))
            if no_year:
                yearless.add(len(out))
            out.append(DateMention(start, end, value, is_event))
        elif kind == "deictic":
            value = deictic[start]
            out.append(DateMention(start, end, value, is_event))
            if value[2] is not None and anchors and is_event:
                # "on Tuesday evening ... released the following morning": a day told from the
                # appeal's own is one a later count goes on from, as a day told in full is
                anchor, anchor_sent = date(*value), i  # type: ignore[arg-type]
                days.append((start, anchor))
        elif anchor is not None:
            noun = (
                m.group("noun")
                or m.group("mnoun")
                or m.group("dnoun")
                or m.group("onoun")
                or m.group("anoun")
                or m.group("bnoun")
                or VERB_NOUNS.get((m.group("verb") or "").lower())
            )
            if out and found[k - 1][2] == "abs" and APPOSED_REL.fullmatch(flat, out[-1].end, start):
                # "On 3 May, a week after her arrest, she was charged", "on 24 August, six days
                # later": the count restates the day just given; it is no date of its own
                continue
            told = (
                _event_day(doc, sent_ends, days, noun.lower(), start, first=" first " in m.group(0))
                if noun
                else None
            )
            if (
                noun
                and told is None
                and (m.group("dir") or "").lower().startswith("after")
                and k > 0
                and found[k - 1][2] == "abs"
                and bisect.bisect_right(sent_ends, found[k - 1][0]) == i
            ):
                # "On 9 May, the judge freed her, ten days after she was detained": a count
                # from a step the text has not dated yet restates the day its sentence gives
                continue
            if noun and k + 1 < len(found) and found[k + 1][2] == "abs":
                # "three days after her release on 3 May": the count starts from the day the
                # event noun is given right after it
                nxt = found[k + 1]
                own = absolute(nxt[3], year) if OWN_DAY.fullmatch(flat, end, nxt[0]) else None
                if own is not None and own[2] is not None:
                    told = date(*own)  # type: ignore[arg-type]
            if (m.group("dnoun") or m.group("bnoun") or m.group("onoun")) and told is None:
                continue  # "on the day of her arrest", an arrest whose day is not told
            if (
                month_only
                and told is None
                and i - month_only[2] <= 1
                and (SAME_DAY_REL.fullmatch(m.group("rel")) or _days_later(m))
            ):
                # "In June 2021, she was detained ... freed the same evening", "In April 2023 he
                # was taken ... left by a road four days later": the month told, the day not
                out.append(DateMention(start, end, (month_only[0], month_only[1], None), True))
                continue
            value, approx = _relative(m, told or anchor)
            if (
                told is not None
                and value is not None
                and appeal_date is not None
                and value[2] is not None
                and date(*value) > appeal_date  # type: ignore[arg-type]
            ):
                # "Three days after the abduction" where the last sentence to name abductions is
                # the lead's call, dated by the release: a count cannot run past the appeal's
                # day, so it goes on from an earlier sentence that tells the event
                told = _event_day(
                    doc, sent_ends, [d for d in days if d[1] < told], noun.lower(), start
                )
                value, approx = _relative(m, told or anchor)
            if value is None:
                continue
            # "Although CBW had notified the police of the forum eight days earlier, officers
            # arrested them": the count dates the clause that concedes, not the steps after it
            s0 = doc.sentences[i].start if i < len(doc.sentences) else 0
            conceded = CONCEDED.match(flat, s0, start) is not None
            # "a search warrant issued a day earlier": when a thing was made, no step's day,
            # and no day the story goes on from
            # "in which she urged students to march three days later": the day of what
            # was called for, no step's, and no day the story goes on from
            made = (
                MADE_ON.search(before) is not None or CALLED_FOR.search(flat, s0, start) is not None
            )
            # "had no news of her until four days later": the day a spell ended, told
            # with the spell; no step of its own
            ended = UNTIL_BEFORE.search(before) is not None
            out.append(
                DateMention(start, end, value, not conceded and not made and not ended, approx)
            )
            # "miners who said that a flood three days before was due to neglect": a day
            # looked back to inside what someone said, no day the story goes on from
            reported_back = (m.group("dir") or "").lower().startswith(
                ("earlier", "before")
            ) and bool(SAID_THAT.search(flat, s0, start))
            if value[2] is not None and not m.group("bnoun") and not made and not reported_back:
                # ("the night before the hearing" looks back from a day the story has reached:
                # a count after it goes on from that day, not from the one before)
                anchor, anchor_sent = date(*value), i  # type: ignore[arg-type]
                month_only = None
                if not approx:
                    # "On the morning after his abduction, police arrested her. ... two days
                    # after her arrest": a day counted is one a later count may start from
                    days.append((start, anchor))
    _share_years(flat, out, yearless)
    return out


#: A paper and the participle that made it, before its date: "a warrant signed on", "a
#: complaint filed in".
THING_DATED = re.compile(
    r"\b(?:complaint|warrant|order|decree|letter|report|petition|decision|summons|indictment)s?"
    r"\s+(?:(?:first|originally|already)\s+)?(?:filed|lodged|issued|signed|dated|submitted)"
    r"\s+(?:(?:in|on)\s+)?$"
)


def _days_later(m: re.Match[str]) -> bool:
    """Whether a count is a few days or hours on ("three days later", "two days after"): from a
    month told without its day, it stays in that month as far as the text tells."""
    unit = (m.group("unit") or "").lower()
    way = (m.group("dir") or "").lower()
    n_word = (m.group("n") or "").lower()
    n = int(n_word) if n_word.isdigit() else NUMBER_WORDS.get(n_word, 0)
    return (
        unit.rstrip("s") in ("day", "hour", "night")
        and way.startswith(("later", "after"))
        and 0 < n <= 7
        and not m.group("noun")
        and not m.group("verb")
    )


#: A month that opens its sentence, the time of what the sentence tells: "In November 2019, ".
MONTH_OPENS = re.compile(r"\s*(?:[Ii]n|[Ee]arly\s+in|[Ll]ate\s+in)\s+(?:(?:early|late|mid-?)\s*)?")
#: "the same evening", "that night": the day of the step told last, whatever its precision.
SAME_DAY_REL = re.compile(
    r"(?i)(?:that(?:\s+same)?|the\s+same)\s+(?:day|date|morning|afternoon|evening|night|week)"
)


#: "In 2024," opening a sentence: a plain year, no part of it, before a comma.
OPENING_YEAR = re.compile(r"In\s+(?:19|20)\d\d\s*,")


def _opens_sentence(doc: Doc, i: int, start: int, m: re.Match[str]) -> bool:
    """Whether the bare year ``m`` ("In 2024,") is what sentence ``i`` opens with."""
    if i >= len(doc.sentences) or not OPENING_YEAR.match(doc.flat, start):
        return False
    return not doc.flat[doc.sentences[i].start : start].strip(' \n"“')


#: ", four days before" after a day: the day counted from an event told after it.
COUNTED_FROM = re.compile(
    r"\s*,\s*(?P<n>\w+)\s+(?P<unit>days?|weeks?)\s+(?P<dir>before|after)\s", re.I
)


def _counted_year(
    flat: str, end: int, value: tuple[int, int | None, int | None], days: list[tuple[int, date]]
) -> int | None:
    """The year of a day without one that a count from an event follows ("January 19, four
    days before she was killed"): the year in which the day, moved by the count, falls on a
    day told before it (the event's), the latest such; None if no day told fits."""
    m = COUNTED_FROM.match(flat, end)
    if m is None or value[1] is None or value[2] is None:
        return None
    word = m.group("n").lower()
    n = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
    if not n or n > 31:
        return None
    if m.group("unit").lower().startswith("week"):
        n *= 7
    step = timedelta(days=n if m.group("dir").lower() == "before" else -n)
    for _start, told in reversed(days):
        for y in (told.year, told.year - 1, told.year + 1):
            try:
                day = date(y, value[1], value[2])
            except ValueError:
                continue
            if day + step == told:
                return y
    return None


#: How far after the appeal's date (or the latest day told with its year) a day given without
#: a year may fall (a hearing set for a coming month); one further is of the year before.
AHEAD = timedelta(days=183)


#: A place's head noun right after a date: the date names the place ("6th of October City",
#: "25 de Mayo Square", "the 17 July Bridge").
PLACE_NAMED = re.compile(
    r"\s+(?:City|Town|Street|St\.|Square|Avenue|Road|Bridge|Stadium|Camp|District|"
    r"Neighbou?rhood|Park|Prison|Hospital|University|School|Airport)\b"
)
#: How many months a day without a year may fall before the last month told with its year and
#: still be of that year: a story told in order turns the year rather than go back that far.
TURN_BACK = 3
#: How far back of the appeal's day the year turned to may fall: the story runs up to it.
YEAR = timedelta(days=365)


def _turned_year(
    value: tuple[int, int | None, int | None],
    told: tuple[int, int] | None,
    appeal_date: date | None,
) -> bool:
    """Whether a day without a year falls well before the last month told with its year, in
    the same year, while the same day a year on falls in the year before the appeal's day."""
    if told is None or appeal_date is None or value[1] is None or value[2] is None:
        return False
    if value[0] != told[0] or told[1] - value[1] < TURN_BACK:
        return False
    later = _valid(value[0] + 1, value[1], value[2])
    if later is None:
        return False
    day = date(*later)  # type: ignore[arg-type]
    return appeal_date - YEAR < day <= appeal_date


def _back_to_story(
    value: tuple[int, int | None, int | None],
    told: tuple[int, int] | None,
    last_day: date | None,
    appeal_date: date | None,
) -> bool:
    """Whether a day without a year follows a month told with its year before the story's last
    day ("banned in June 2021" after "On 14 March 2024"), and the day in the last day's year falls
    between that day and the appeal's: the story goes on, the month was a look back."""
    if told is None or last_day is None or appeal_date is None or value[1] is None:
        return False
    if value[0] == last_day.year or told >= (last_day.year, last_day.month):
        return False
    day = _valid(last_day.year, value[1], value[2])
    return day is not None and last_day <= date(*day) <= appeal_date  # type: ignore[arg-type]


#: Words before a day, in its sentence, that tell of a step still to come: "the hearing is set
#: for 12 July", "due to appear on 3 May", "will be tried on 9 June", or ask for one: "we call on
#: observers to attend the hearing on 30 July".
AHEAD_OF_ISSUE = re.compile(
    r"\b(?:will|would|shall|scheduled|set|due|next|adjourned|postponed|deferred|until|till|"
    r"expected|planned|to\s+be|to\s+appear|to\s+stand|is\s+to|are\s+to|call\s+on|calls\s+on|"
    r"urges?|attend|observe|monitor|"
    # the present of a timetable: "the summit, which opens on 17 August", "the order expires on
    # 10 April"
    r"opens|begins|starts|convenes|takes\s+place|expires|lapses|runs\s+out|upcoming|"
    r"forthcoming)\b",
    re.I,
)


def _told_as_past(
    doc: Doc,
    sent: int,
    start: int,
    value: tuple[int, int | None, int | None],
    appeal_date: date | None,
) -> bool:
    """Whether a day without a year falls after the appeal's day while its sentence tells of
    no step to come before it: the story's day is a year earlier."""
    if appeal_date is None or value[1] is None or value[2] is None:
        return False
    if date(*value) <= appeal_date:  # type: ignore[arg-type]
        return False
    opens = doc.sentences[sent].start if sent < len(doc.sentences) else max(0, start - 200)
    return not AHEAD_OF_ISSUE.search(doc.flat, max(opens, start - 200), start)


def _long_after(value: tuple[int, int | None, int | None], latest: date) -> bool:
    """Whether a day falls more than half a year after the latest day told."""
    day = _valid(value[0], value[1] or 1, value[2] or 1)
    return day is not None and date(*day) > latest + AHEAD  # type: ignore[arg-type]


#: "night of 3 to " before "4 May": a night across two days, told from the first.
NIGHT_OF = re.compile(r"\bnight\s+of\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:to|-|–|and)\s+$")
#: "11 and " before "15 February": a day listed with the next date, which names the month.
DAY_LISTED = re.compile(r"(?<![\w.,/-])(\d{1,2})(?:st|nd|rd|th)?\s+and\s+$")
#: "from 1 to " before "9 April 2024": the first day of a span, the month named once.
FROM_DAY_TO = re.compile(r"\b[Ff]rom\s+(\d{1,2})(?:st|nd|rd|th)?\s+(?:to|until|till|-|–)\s+$")
#: "on April 16 and May 28, 2021", "from 10 to 12 September 2017": two dates, one year.
YEAR_SHARED = re.compile(r"\s*,?\s*(?:and|to|or|until|-|–|—)\s*")


def _share_years(flat: str, out: list[DateMention], yearless: set[int]) -> None:
    """A day without a year joined to a date with one takes that date's year."""
    for i in sorted(yearless, reverse=True):
        if i + 1 >= len(out) or i + 1 in yearless:
            continue
        d, nxt = out[i], out[i + 1]
        if d.value[1] is None or not YEAR_SHARED.fullmatch(flat, d.end, nxt.start):
            continue
        y = nxt.value[0]
        if (d.value[1], d.value[2] or 1) > (nxt.value[1] or 12, nxt.value[2] or 31):
            y -= 1  # "from 28 December to 3 January 2020"
        out[i] = DateMention(d.start, d.end, (y, d.value[1], d.value[2]), d.event_date, d.approx)


#: What opens a dateline before its date ("NAIROBI,", "Paris, Caracas,", "(Berlin,", "GENEVA
#: (": the place of a press release with its date in brackets) and what follows it ("–", ") –").
DATELINE_LEAD = re.compile(
    r"[ \t]*\(?[A-Z][\w’'.-]*(?:[ ,-]+[A-Z][\w’'.-]*){0,4}(?:,[ \t]*|[ \t]+\()"
)
DATELINE_DASH = re.compile(r"\)?(?:\s*[–—]|\s+-\s)")
#: A line that opens on its date, with no place before it.
LINE_OPENING = re.compile(r"[ \t]*")


#: A full date standing alone on its line.
ALONE_BEFORE = re.compile(r"[ \t]*")
ALONE_AFTER = re.compile(r"[ \t]*(?:\n|\Z)")


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """A date with nothing else on its line: the day a text or one of its updates was issued
    (a case history's "27 October 2022" over "Defender detained"), not the day of an event."""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(ALONE_BEFORE.fullmatch(text, line_start, start) and ALONE_AFTER.match(text, end))


def _dateline(text: str, start: int, end: int, first: bool = False) -> bool:
    """The date of a dateline: first on its line after place names, then a dash. The text's
    first date may stand with no place ("14 October 2025 – X condemns ..."); a later one opening
    its line before a dash is a chronology's entry, the day of an event."""
    line_start = text.rfind("\n", 0, start) + 1
    if not DATELINE_DASH.match(text, end):
        return False
    if DATELINE_LEAD.fullmatch(text, line_start, start):
        return True
    return first and bool(LINE_OPENING.fullmatch(text, line_start, start))


def absolute(m: re.Match[str], year: int | None) -> tuple[int, int | None, int | None] | None:
    g = m.groupdict()
    if g["y4"]:
        return (int(g["y4"]), None, None)
    if g["m3"]:
        y = g["y3"] or year
        if y is None or (not g["y3"] and not g["part"] and not _month_context(m)):
            return None
        return (int(y), MONTHS[g["m3"]], None)
    if g["iy"]:
        return _valid(int(g["iy"]), int(g["im"]), int(g["id"]))
    if g["nd"]:
        a, b, y = int(g["nd"]), int(g["nm"]), int(g["ny"])
        # (a date with full stops, "05.08.2026", is day first wherever it is written; one
        # with slashes follows the text's way of writing dates)
        dotted = m.string[m.end("nd") : m.start("nm")] in (".", DATE_DOT)
        if b > 12 or (a <= 12 and not dotted and month_first(m.string)):
            a, b = b, a
        return _valid(y, b, a)
    day = int(g["d1"] or g["d2"])
    month = month_number(g["m1"] or g["m2"])
    y = g["y1"] or g["y2"] or year
    if y is None or not 1 <= day <= 31:
        return None
    try:
        date(int(y), month, day)
    except ValueError:
        return None
    return (int(y), month, day)


def month_number(name: str) -> int:
    """1-12 for a month name or its abbreviation ("Sept.", "Jul")."""
    name = name.rstrip(".")
    return MONTHS.get(name) or MONTH_ABBR[name]


def _valid(y: int, month: int, day: int) -> tuple[int, int | None, int | None] | None:
    try:
        date(y, month, day)
    except ValueError:
        return None
    return (y, month, day)


_MONTH_FIRST = re.compile(rf"\b(?:{MONTH_RE}) \d{{1,2}}, \d{{4}}")
_DAY_FIRST = re.compile(rf"\b\d{{1,2}} (?:{MONTH_RE}),? \d{{4}}")


@functools.lru_cache(maxsize=8)
def month_first(text: str) -> bool:
    """Whether the text writes dates month first ("March 3, 2021"), as US issuers do; then an
    ambiguous "03/04/2021" is read month first too. Otherwise day first."""
    return len(_MONTH_FIRST.findall(text)) > len(_DAY_FIRST.findall(text))


def _month_context(m: re.Match[str]) -> bool:
    """A bare month name ("in May") is a date only after a preposition of time."""
    before = m.string[max(0, m.start() - 12) : m.start()]
    return bool(re.search(r"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Oo]f)\s+$", before))


def _event_day(
    doc: Doc,
    sent_ends: list[int],
    days: list[tuple[int, date]],
    noun: str,
    before: int,
    first: bool = False,
) -> date | None:
    """The day of the event a relative date counts from ("ten days after his arrest"): the last
    full date before it whose sentence tells that event, not merely the last date read; with
    ``first`` ("a week after the first arrests"), the first such date."""
    words = re.compile(EVENT_WORDS[noun], re.I)
    sentences = doc.sentences
    in_sentence: date | None = None
    for start, day in days if first else reversed(days):
        if start >= before:
            continue
        i = bisect.bisect_right(sent_ends, start)
        # (in the count's own sentence, only the words before the count: "freed on 9 May, ten
        # days after she was detained" tells no arrest on 9 May)
        upto = min(sentences[i].end, before) if i < len(sentences) else before
        said = words.search(doc.flat, sentences[i].start, upto) if i < len(sentences) else None
        if said and HAD_BEEN_BEFORE.search(doc.flat, max(0, said.start() - 12), said.start()):
            # "until the following evening, when the police said that the two had been
            # arrested": the day it was told of, not the day it was done
            continue
        if said:
            a, b = _clause(doc.flat, sentences[i].start, sentences[i].end, start)
            if words.search(doc.flat, a, min(b, upto)):
                return day
            # "lodged an appeal on 23 October, and the prosecutor appealed, asking for a heavier
            # sentence": the word is in the sentence but not in the date's clause; a day whose
            # clause tells the event, further back, is the event's
            in_sentence = in_sentence or day
    return in_sentence


#: A past perfect right before an event's word: what the clause tells had happened before.
HAD_BEEN_BEFORE = re.compile(r"\bhad\s+(?:been\s+)?$")


#: Where a clause of a sentence ends: ", and ...", ", but", ", who", a participle after a
#: comma (", asking for"), a semicolon.
CLAUSE_BREAK = re.compile(
    r",\s+(?:and|but|while|whereas|who|which|where|when)\b|,\s+[a-z]+ing\b|;", re.I
)


def _clause(flat: str, a: int, b: int, at: int) -> tuple[int, int]:
    """The span of the clause of the sentence ``flat[a:b]`` that holds offset ``at``."""
    left, right = a, b
    for m in CLAUSE_BREAK.finditer(flat, a, b):
        if m.end() <= at:
            left = m.end()
        elif m.start() >= at:
            right = m.start()
            break
    return left, right


#: Counts of no stated number: "a few days later", "several weeks later".
FEW = frozenset({"few", "several"})


def _relative(
    m: re.Match[str], anchor: date
) -> tuple[tuple[int, int | None, int | None] | None, bool]:
    rel = m.group("rel").lower()
    if m.group("dnoun") or m.group("anoun"):
        # "the day of her arrest", "the same day as the raid" (or, its day not told, the day
        # told last, as "the same day")
        return (anchor.year, anchor.month, anchor.day), False
    if m.group("onoun"):
        d = anchor + timedelta(days=ORDINAL_DAYS[m.group("ord").lower()])  # "the second day of"
        return (d.year, d.month, d.day), False
    if m.group("mnoun"):
        d = anchor + timedelta(days=1)  # "the morning after his abduction"
        return (d.year, d.month, d.day), False
    if m.group("bnoun"):
        d = anchor - timedelta(days=1)  # "the night before the hearing"
        return (d.year, d.month, d.day), False
    if rel.endswith("week"):
        # "the following week": a day the text does not give, in the month a week on; "the
        # same week", "that week": in the month of the day told
        d = anchor + timedelta(weeks=1) if ("following" in rel or "next" in rel) else anchor
        return (d.year, d.month, None), False
    if rel.startswith("the day after"):
        d = anchor + timedelta(days=1)
        return (d.year, d.month, d.day), False
    if rel.startswith("the day before") or rel.startswith("the previous"):
        d = anchor - timedelta(days=1)  # "The day before, he had been questioned"
        return (d.year, d.month, d.day), False
    if rel.endswith("month") or rel.endswith("year"):
        # "the following month", "later that year": as precise as the span it names
        step = 1 if ("following" in rel or "next" in rel) else 0
        if rel.endswith("year"):
            return (anchor.year + step, None, None), False
        y, mo = divmod(anchor.year * 12 + anchor.month - 1 + step, 12)
        return (y, mo + 1, None), False
    if "following" in rel or "next" in rel:
        d = anchor + timedelta(days=1)
        return (d.year, d.month, d.day), False
    if m.group("n") is None and (
        "same" in rel or "that" in rel or "within" in rel or "hours" in rel
    ):
        return (anchor.year, anchor.month, anchor.day), False
    n_word = m.group("n").lower()
    n = int(n_word) if n_word.isdigit() else NUMBER_WORDS.get(n_word)
    if n_word in ("a", "an") and (
        m.group("unit").lower() in ("day", "week") or not (m.group("noun") or m.group("verb"))
    ):
        # "a week later", "a month later" ("in February 2013, a year after their arrest" puts
        # a date told already in words of the story: no date of its own)
        n = 1
    if n_word in FEW:
        # "a few days later", "several weeks later": as precise as the span a few of them
        # reach, the month (of days, weeks) or the year (of months, years)
        unit = m.group("unit").lower().rstrip("s")
        sign = -1 if m.group("dir").lower().startswith(("earlier", "before")) else 1
        if unit in ("day", "week"):
            d = anchor + timedelta(days=sign * (3 if unit == "day" else 14))
            return (d.year, d.month, None), True
        months = anchor.year * 12 + anchor.month - 1 + sign * (3 if unit == "month" else 36)
        return (months // 12, None, None), True
    if (
        n_word == "the"
        and (m.group("noun") or m.group("verb"))
        and m.group("unit").lower() == "day"
    ):
        n = 1  # "the day after his arrest"
    if n is None:
        return None, False
    sign = -1 if m.group("dir").lower().startswith(("earlier", "before")) else 1
    unit = m.group("unit").lower().rstrip("s")
    approx = bool(re.match(r"(?:about|some|over)\s", rel))
    if unit == "day":
        d = anchor + timedelta(days=sign * n)
    elif unit == "week":
        d = anchor + timedelta(weeks=sign * n)
    elif unit == "month":
        months = anchor.year * 12 + anchor.month - 1 + sign * n
        y, mo = divmod(months, 12)
        return ((y, None, None) if approx else (y, mo + 1, None)), approx
    else:
        return (anchor.year + sign * n, None, None), approx
    if approx:
        return (d.year, None, None), True
    return (d.year, d.month, d.day), False


#: A footnote mark glued to a word or a mark of punctuation: "reduced.1", "arrest,1" (not a
#: decimal such as "20.2": the mark follows no digit).
FOOTNOTE_MARK = re.compile(r"(?:(?<=[^\W\d])|(?<=[^\d\s][.,;:”’\")]))(\d{1,2})(?=\s|$)")


def footnote_dates(doc: Doc, dates: list[DateMention], start: int, end: int) -> list[DateMention]:
    """The full dates of the footnotes marked in ``text[start:end]``: a footnote is a line of
    its own that opens with the mark and a space ("1 The ruling was announced on 5 June
    2023."), after the marked text."""
    out: list[DateMention] = []
    for m in FOOTNOTE_MARK.finditer(doc.text, start, end):
        note = re.compile(rf"^[ \t]*{m.group(1)}[ \t]+(?=[A-Z])(.*)$", re.M).search(doc.text, end)
        if note is None:
            continue
        out += [
            d for d in dates if note.start(1) <= d.start < note.end(1) and d.value[2] is not None
        ]
    return out
