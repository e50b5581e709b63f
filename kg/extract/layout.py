"""Layout: the parts of an appeal around the narrative: header and date line, title, issuer,
main country.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from kg.countries import country_code
from kg.extract.dates import DATE_RE, absolute
from kg.extract.entities import COUNTRY_RE, Entities
from kg.extract.lexicon import COUNTRIES, FORM_WORDS
from kg.extract.scan import Scanner, finditer_near, finditer_words
from kg.extract.text import Doc, clean

# ---------------------------------------------------------------- header


# A header line that is only a numeric date, maybe labelled: "Date: 20/09/2023", "2023-09-20",
# "Posted on 02.11.2025".
NUMERIC_HEADER_DATE = re.compile(
    r"(?:(?:Date|Dated|Issued|Published|Posted)(?:\s*:|\s+on\s*:?)\s*)?"
    r"(?:(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    r"|(?P<a>\d{1,2})[./](?P<b>\d{1,2})[./](?P<y>\d{4}))",
    re.I,
)


def _numeric_date(m: re.Match[str]) -> date | None:
    """ISO dates as they are; D/M/Y unless the first number cannot be a day-of-month reading
    of a month (second > 12 means M/D/Y). Both <= 12 reads day first, as most issuers outside
    the United States write."""
    try:
        if m.group("iy"):
            return date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        return date(y, a, b) if b > 12 else date(y, b, a)
    except ValueError:
        return None


#: A labelled date in a form-like header or footer: "Last Updated: Feb 16, 2026",
#: "UA number: UA 36/19 ... Date: 14 March 2019", "Adopted on: 27 March 2024".
DATE_LABEL = re.compile(
    r"\b(?:[Ll]ast\s+[Uu]pdated|[Uu]pdated|[Dd]ate|[Dd]ated|(?:[Ii]ssued|[Pp]ublished|[Pp]osted|"
    r"[Aa]dopted)(?:\s+on)?|[Rr]elease\s+date)\s*:\s*(?=\S)"
)
#: The words a match of DATE_LABEL opens with.
DATE_LABEL_WORDS = [
    w
    for head in "last updated date dated issued published posted adopted release".split()
    for w in (head, head.capitalize())
]
#: A dateline opening a paragraph: "NAIROBI, 4 May 2020 —", "New York, March 3, 2021—";
#: or closing a letter on a line of its own: "Paris-Geneva, July 11, 2017".
DATELINE = re.compile(
    r"^[ \t]*[A-Z][\w’'.-]{0,30}(?:[ -][A-Z][\w’'.-]{0,30}){0,3}(?:\s*\([^)\n]{1,30}\))?,"
    r"[ \t]*(?=\S)",
    re.M,
)


#: The label a header line may give its date with, no colon after it: "Posted on".
HEADER_LABEL = re.compile(r"(?:Posted|Published|Issued)\s+on\s+(?=\S)")


def _date_at(flat: str, pos: int) -> tuple[date | None, int]:
    """The full date starting at ``pos`` (with a year and a day), and where it ends."""
    m = DATE_RE.match(flat, pos)
    if m:
        value = absolute(m, None)
        if (
            value
            and value[2]
            and (m.group("y1") or m.group("y2") or m.group("ny") or m.group("iy"))
        ):
            return date(*value), m.end()  # type: ignore[arg-type]
    return None, pos


def _header_lines(doc: Doc, n: int = 25) -> list[tuple[int, str]]:
    lines, pos = [], 0
    for line in doc.text.split("\n", n)[:n]:  # the first n lines, the rest not cut up
        lines.append((pos, line))
        pos += len(line) + 1
    return lines


def find_appeal_date(doc: Doc) -> tuple[date | None, bool]:
    """The date of the appeal, and whether the narrative told it, from the most to the least
    explicit place that states it:

    1. a line of the header that is only a date ("4 June 2024", "Jul 25, 2019", "20/09/2023");
    2. a labelled date anywhere ("Date: 14 March 2019"); of several (an updated case sheet:
       "Initial Date", "Last Updated"), the latest;
    3. a dateline: a paragraph opening "NAIROBI, 4 May 2020 —", or a line of its own
       "Paris-Geneva, July 11, 2017" (a letter's place and date);
    4. the first full date in the first 300 characters. That one is marked as told by the
       narrative when a preposition opens it ("On 21 August 2025, X was attacked"): the day of an
       event, not of issue.
    """
    flat = doc.flat
    for start, line in _header_lines(doc):
        stripped = line.strip()
        if not stripped:
            continue
        numeric = NUMERIC_HEADER_DATE.fullmatch(stripped)
        if numeric and _numeric_date(numeric):
            return _numeric_date(numeric), False
        off = start + line.index(stripped)
        if label := HEADER_LABEL.match(stripped):
            off += label.end()  # "Published on 4 June 2024": the line's date, labelled
        value, end = _date_at(flat, off)
        if value and end == off + len(stripped):
            return value, False
    labels = finditer_words(DATE_LABEL, flat, doc.word_index, DATE_LABEL_WORDS)
    labelled = [d for m in labels if (d := _date_at(flat, m.end())[0])]
    if labelled:
        return max(labelled), False
    for m in DATELINE.finditer(doc.text):
        value, end = _date_at(flat, m.end())
        if value is None:
            continue
        rest = doc.text[end : end + 3]
        if re.match(r"\s*[—–-]", rest) or re.match(r"[ \t]*(?:\n|$)", rest):
            return value, False
    for m in DATE_RE.finditer(flat[:300]):
        value = absolute(m, None)
        if value and value[2] and (m.group("y1") or m.group("y2")):
            told = bool(NARRATIVE_DATE.search(flat, max(0, m.start() - 8), m.start()))
            return date(*value), told  # type: ignore[arg-type]
    return None, False


#: A paragraph that opens with its date as an update of the appeal: "Update, June 17, 2026:",
#: "UPDATE (3 May 2024):", "Update #2 – 3 May 2024".
UPDATE_LEAD = re.compile(r"^[ \t]*(?:Update|UPDATE)(?:[ \t]+#?\d+)?[ \t]*[,:(–—-][ \t]*", re.M)
#: A date opened by a preposition ("On 21 August 2025, X was attacked") is when something
#: happened, told in the narrative: no date of issue, so later events are no plans.
NARRATIVE_DATE = re.compile(r"\b(?:[Oo]n|[Ss]ince|[Uu]ntil|[Ff]rom|[Bb]etween|[Bb]y|[Ii]n)\s+$")


COUNTRY_PREFIX = re.compile(
    r"^(?:UPDATE\s*[–-]\s*|Update\s*[–-]\s*)?(?P<c>[A-Z][\w ’'()-]{1,60}?)\s*(?P<sep>:|\s\|)\s+\S"
)
#: A full stop that ends a sentence, not an abbreviation ("Mr.", "Dr.", "No.") or an initial.
#: The stop opens the pattern and the look-behinds read it with the word before it
#: ("(?<!\bMr.)" after the stop is "(?<!\bMr)" before it): a pattern that opens with a
#: look-behind is tried at every character, one that opens with a class only at its characters.
SENTENCE_BREAK = re.compile(
    r"[.!?](?<!\bMr.)(?<!\bMs.)(?<!\bDr.)(?<!\bMrs.)(?<!\bSt.)(?<!\bNo.)(?<!\bJr.)(?<!\b[A-Z].)"
    r"[”\"’)]?\s+[A-Z]"
)


def _heading_paragraphs(doc: Doc, limit: int = 1500) -> list[tuple[int, int, str]]:
    """Paragraphs near the top that read as headings: short, no sentence inside them."""
    out = []
    for p in doc.paragraphs:
        if p.start > limit:
            break
        raw = doc.text[p.start : p.end].strip()
        if not raw or len(raw) > 300 or raw.count("\n") > 2:
            continue
        if SENTENCE_BREAK.search(raw) or raw.endswith((".", ":")):
            continue  # a sentence of the narrative, not a heading
        off = p.start + doc.text[p.start : p.end].index(raw)
        out.append((off, off + len(raw), raw))
    return out


def _is_place_prefix(prefix: str, strict: bool = False) -> bool:
    """A title's lead "Kazakhstan", "CAMEROON", "Crimea (Ukraine)", "Update – Azerbaijan", or
    any short capitalised name that is no form label ("Ruritania", not "Initial Date")."""
    words = prefix.split()
    if not 1 <= len(words) <= 4 or any(w.lower().strip("()") in FORM_WORDS for w in words):
        return False
    inner = re.findall(r"\(([^)]+)\)", prefix)
    names = [re.sub(r"\s*\([^)]*\)", "", prefix).strip(), *inner]
    if any(n in COUNTRIES or n.title() in COUNTRIES or COUNTRY_RE.fullmatch(n) for n in names):
        return True
    # a made-up or unlisted country: capitalised words, no acronym ("UA"), no form label
    bare = [w.strip("()") for w in words]
    return not strict and all(w[:1].isupper() and (len(w) > 3 or w.istitle()) for w in bare)


FUNCTION_WORDS = frozenset("of the and for on in to a an at by with from or".split())


FORM_LABEL = re.compile(r"\s*([\w .’'-]{1,30}?)\s*:\s")


def _is_form_line(line: str) -> bool:
    """ "Initial Date: Feb 7, 2020", "Ref.: AL TUR 2/2022", "posted on: 2008/10/27"."""
    m = FORM_LABEL.match(line)
    if DATE_LABEL.search(line):
        return True
    return bool(m) and any(w.lower().strip(".") in FORM_WORDS for w in m.group(1).split())


def find_title(doc: Doc) -> tuple[str | None, tuple[int, int] | None]:
    """The title: a heading line that names its place first ("Kazakhstan: ...", "Crimea
    (Ukraine): ...", "Burundi | ..."), with the lines that continue it; else the first heading
    of five words or more that reads as a headline (lower-case words, or all capitals), not a
    banner or a form field. Lines are searched within the headings near the top."""
    heads = _heading_paragraphs(doc)
    for a, _b, raw in heads:
        pos = a
        lines = raw.split("\n")
        for i, line in enumerate(lines):
            m = COUNTRY_PREFIX.match(line.strip())
            if (
                m
                and not _is_form_line(line)
                and _is_place_prefix(m.group("c"), strict=m.group("sep") != ":")
            ):
                keep = [line]
                for nxt in lines[i + 1 :]:
                    if _is_form_line(nxt) or not nxt.strip():
                        break
                    keep.append(nxt)
                start = pos + len(line) - len(line.lstrip())
                text = "\n".join(keep).strip()
                return clean(text), (start, start + len(text))
            pos += len(line) + 1
    for a, b, raw in heads:
        words = re.findall(r"[^\W\d_][\w’'-]*", raw)
        if len(words) < 5 or any(_is_form_line(line) for line in raw.split("\n")):
            continue  # too short for a headline, or a form field
        if "|" in raw or "·" in raw:
            continue  # navigation or a banner with separators
        lower = [w for w in words if w[0].islower() and w not in FUNCTION_WORDS]
        shouting = raw.upper() == raw
        if shouting and sum(w.lower() in FORM_WORDS for w in words) >= len(words) // 2:
            continue  # "THE OBSERVATORY - URGENT APPEAL - NEW INFORMATION"
        if lower or shouting:
            return clean(raw), (a, b)
    return None, None


def read_header(doc: Doc) -> dict[str, Any]:
    """Appeal date and title, wherever the issuer's layout puts them."""
    title, title_span = find_title(doc)
    day, told = find_appeal_date(doc)
    issued = None if told else day
    if issued is not None:
        # "Update, June 17, 2026: At the first hearing on June 16, ...", then the original text
        # of an appeal of February: the update was issued later and tells steps up to its day
        # (most appeals hold neither word: one find each spares a scan of every line start)
        told_later = "Update" in doc.text or "UPDATE" in doc.text
        leads = UPDATE_LEAD.finditer(doc.text) if told_later else ()
        later = [d for m in leads if (d := _date_at(doc.flat, m.end())[0])]
        issued = max([issued, *later])
    return {
        "date": day,
        "issued": issued,
        "title": title,
        "title_span": title_span,
    }


# ---------------------------------------------------------------- assembly

ISSUER_RE = re.compile(
    r"(?P<o>[A-Z][\w’' ]{2,80}?) (?:urges|calls on|call on|welcomes|believes|considers|is deeply"
    r" concerned|asks for your urgent action)"
)


#: Country names tried only at the words they may start with (one reading of the text).
COUNTRY_SCANNER = Scanner([COUNTRY_RE])


def country_mentions(doc: Doc) -> list[str]:
    """The country names of the text, in text order, each time it is named."""
    return [
        m.group()
        for m in COUNTRY_SCANNER.finditer(doc.flat, len(doc.flat), index=doc.word_index)[0]
    ]


#: The head of a title that names a place and, in brackets, its country.
TITLE_PLACE_IN = re.compile(r"[A-Z][^():]{0,40}\((?P<c>[A-Z][^()]{2,40})\)")


def find_main_country(doc: Doc, title: str | None, mentions: list[str] | None = None) -> str | None:
    if title:
        m = re.match(r"(?:UPDATE\s*[–-]\s*)?(?P<c>[^:]+):", title)
        if m and m.group("c").strip() in COUNTRIES:
            return m.group("c").strip()
        # "Zenda Valley (Ruritania): ...": a region or city, then the state it lies in
        m = m and TITLE_PLACE_IN.fullmatch(m.group("c").strip())
        if m and m.group("c") in COUNTRIES:
            return m.group("c")
    counts: dict[str, int] = {}
    for name in country_mentions(doc) if mentions is None else mentions:
        counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


def find_countries(doc: Doc, main: str | None, mentions: list[str] | None = None) -> list[str]:
    """The countries of the appeal: the main one, then each other country named (by any of its
    names) at least three times and at least half as often as the main one. An abduction across
    a border or a case tried in two states is told of both; a country named in passing (where
    a relative lives, where a prize was given) is not."""
    if main is None:
        return []
    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    for name in country_mentions(doc) if mentions is None else mentions:
        code = country_code(name) or name
        counts[code] = counts.get(code, 0) + 1
        names.setdefault(code, name)
    main_code = country_code(main) or main
    out = [main]
    for code, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        if code != main_code and n >= 3 and 2 * n >= counts.get(main_code, 0):
            out.append(names[code])
    # an appeal's countries are states: a special administrative region counts as its state
    # (its laws keep their own jurisdiction)
    return list(dict.fromkeys(STATE_OF.get(c, c) for c in out))


#: Special administrative regions, which the corpus counts under their state.
STATE_OF = {"Hong Kong": "China", "Macau": "China", "Macao": "China"}


#: What an issuer says of itself after its name opens a sentence, perhaps after an apposition
#: ("X, a joint programme of Y and Z, requests your urgent intervention", "X said today").
ISSUER_SAYS = re.compile(
    r"(?:,[^.;]{0,160}?,)?\s+(?:urges|urged|calls on|called on|welcomes|condemns|is outraged|"
    r"is deeply concerned|asks for your urgent|requests your urgent|said today|has learned|"
    r"has learnt|has been informed|has received)\b"
)
#: "..., Human Rights Watch said today": the issuer speaking, wherever it stands.
ISSUER_SAID = re.compile(r",?\s+said\s+today\b")


#: The verbs of ISSUER_RE: its matches are looked for only in the stretch before each.
ISSUER_VERBS = (" urges", " calls on", " call on", " welcomes", " believes", " considers",
                " is deeply concerned", " asks for your urgent action")  # fmt: skip


def find_issuer(doc: Doc, ents: Entities) -> str | None:
    # a match is a capital, at most 80 more name characters, then a verb
    for m in finditer_near(ISSUER_RE, doc.flat, ISSUER_VERBS, before=84, after=40):
        name = re.sub(r"^(?:The|the)\s+", "", m.group("o").strip())
        org = ents.find("organisation", name)
        if org:
            return org.name
    # else the first organisation that opens a sentence saying what it asks or learned
    starts = {s.start for s in doc.sentences}
    opening = sorted(
        (a, b, o)
        for o in ents.of("organisation")
        for a, b in o.mentions
        if a in starts or (a - 4 in starts and doc.flat[a - 4 : a] in ("The ", "the "))
    )
    for _, b, o in opening:
        if ISSUER_SAYS.match(doc.flat, b):
            return o.name
    said = sorted((a, o) for o in ents.of("organisation") for a, b in o.mentions
                  if ISSUER_SAID.match(doc.flat, b))  # fmt: skip
    if said:
        return said[0][1].name
    m = re.search(r"Mandates? of (?:the )?(?P<m>[^\n]+(?:\n[^\n]+)?)", doc.text[:400])
    return clean(m.group("m")) if m else None
