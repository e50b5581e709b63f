"""Addressees: the people an appeal asks its readers to write to.

Appeals end with the officials to write to, under a heading of their own ("Addresses:",
"Please write to:", "Copies to:") or, in a model letter, between the call to act ("TAKE ACTION:
... MODEL LETTER") and the salutation ("Dear Minister"). The gold conventions code an addressee
with a post as an ``official``, whatever the words of the post suggest ("Chairman of the
Sovereign Council" reads like the head of a civil body; here it is the head of state).
"""

from __future__ import annotations

import bisect
import re

from kg.countries import country_code
from kg.extract.entities import Entities, Entity
from kg.extract.text import ADDRESS_LINE, Doc, clean

#: A line that is only the heading of a list of addresses.
ADDRESS_HEADING = re.compile(
    r"(?im)^[ \t]*(?:addresses|addressees|please (?:write|send appeals) to|write to|"
    r"(?:(?:please )?send (?:your )?)?(?:appeals|letters|copies) to|copies of your appeals? to)"
    r"[ \t]*:?[ \t]*$"
)
#: The call to act that opens a model letter, on a line of its own.
MODEL_LETTER = re.compile(r"(?im)^[ \t]*take action\b[^\n]*\bmodel letter\b[^\n]*$")
#: What ends a list of addresses: the letter's salutation, a request to write to others, a
#: closing dateline or a rule of asterisks or dashes.
ADDRESS_END = re.compile(
    r"(?im)^[ \t]*(?:dear\b|please also\b|please (?:send|write)\b.*\b(?:embass|mission)|\*{3}|-{3}"
    # a dateline closing the letter, above its signatories: "Geneva-Paris, 3 August 2021"
    r"|[A-Z][\w.’'-]*(?:[ -][A-Z][\w.’'-]*){0,3},[ \t]+(?:\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Z][a-z]+|"
    r"[A-Z][a-z]+[ \t]+\d{1,2}),?[ \t]+\d{4}[ \t]*$)"
)
#: The longest stretch read as a list of addresses.
MAX_BLOCK = 2000


#: A letter's salutation, on a line of its own: it ends the addressee's block, and names them.
SALUTATION = re.compile(
    r"(?im)^[ \t]*(?:dear\b|(?:your )?(?:excellency|highness|majesty|honou?r)\b)[^\n]{0,60}$"
)
#: How far below the call to act a model letter's salutation is looked for.
MAX_LETTER_HEAD = 600
#: A blank line: without a salutation, the addressee is the first paragraph below the call.
BLANK = re.compile(r"\n[ \t]*\n")
SPACE = re.compile(r"\s*")


#: Words one of the headings above holds, in either case.
CUES = (
    "ddress", "DDRESS", "rite to", "RITE TO", "opies", "OPIES", "odel letter", "ODEL LETTER",
    "ppeals to", "PPEALS TO", "etters to", "ETTERS TO",
)  # fmt: skip


def address_blocks(doc: Doc) -> list[tuple[int, int]]:
    """The spans of the text that list addressees."""
    text = doc.text
    if not any(w in text for w in CUES):
        return []  # most texts have none: no pattern is run over them
    spans = []
    for m in ADDRESS_HEADING.finditer(text):
        limit = min(len(text), m.end() + MAX_BLOCK)
        end = ADDRESS_END.search(text, m.end(), limit)
        spans.append((m.end(), end.start() if end else limit))
    for m in MODEL_LETTER.finditer(text):
        hello = SALUTATION.search(text, m.end(), min(len(text), m.end() + MAX_LETTER_HEAD))
        if hello:
            spans.append((m.end(), hello.end()))
            continue
        space = SPACE.match(text, m.end())
        start = space.end() if space else m.end()
        gap = BLANK.search(text, start)
        spans.append((start, gap.start() if gap else len(text)))
    return spans


#: Roles an addressee loses: the defaults for someone named near an arrest, and a civil post
#: read into words such as "Council". What they did in the story (brought a complaint, acted as
#: prosecutor) stays.
DROPPED = ("defender", "other")
#: Roles a post's title gives, which an addressee named nowhere else does not keep.
POST_ROLES = ("prosecutor", "judge")


def mark_addressees(doc: Doc, ents: Entities) -> None:
    """A named person with a mention in a list of addressees is an official."""
    spans = address_blocks(doc)
    if not spans:
        return
    for p in ents.of("person"):
        if p.name is None:
            continue
        inside = [any(a <= s < b for a, b in spans) for s, _ in p.mentions]
        if any(inside):
            # named only as an addressee, a post's title is all there is: no act of the story
            # makes a prosecutor or a judge of them ("Prosecutor General X" above "Dear ...")
            dropped = DROPPED + POST_ROLES if all(inside) else DROPPED
            roles = [r for r in p.attrs.get("roles", []) if r not in dropped]
            p.attrs["roles"] = ["official", *(r for r in roles if r != "official")]


#: A number next to a name on its line: a street and its house number ("Bolshaya Ulitsa 15a"),
#: or a number before the street ("15 Vela Road").
HOUSE_NUMBER_AFTER = re.compile(r"[ \t]+\d")
HOUSE_NUMBER_BEFORE = re.compile(r"\d[\w/-]*[ \t]+$")


#: A telephone number on a line: the line is a contact address.
PHONE = re.compile(r"\b(?:Tel|Phone|Fax)\b\.?:?\s*\+?\d|\+\d{1,3}[ \t]*\(?\d")
#: A house number after a name and its comma: "Vela House, 12/14 ...".
NUMBER_AFTER_COMMA = re.compile(r",[ \t]*\d")


def _on_contact_line(text: str, s: int, e: int) -> bool:
    """Whether the name at ``s:e`` is a building or a street of a contact address: on a line
    with a telephone number, with a house number before it or after its comma."""
    head = text.rfind("\n", 0, s) + 1
    tail = text.find("\n", e)
    line_end = len(text) if tail < 0 else tail
    if not PHONE.search(text, head, line_end):
        return False
    return bool(
        HOUSE_NUMBER_BEFORE.search(text, head, s)
        or NUMBER_AFTER_COMMA.match(text, e)
        or HOUSE_NUMBER_AFTER.match(text, e)
    )


def trim_address_lines(doc: Doc, ents: Entities) -> None:
    """In a list of addresses, a line ends what it says: a name on a short line does not run on
    into the next ("Prosecutor General, Ivo Sand" above "Ul. Vela 15": not "Ivo Sand Ul"), and a
    street with its house number names no one."""
    spans = address_blocks(doc)
    if not spans and not PHONE.search(doc.text):
        return
    text, short = doc.text, doc.short_line(ADDRESS_LINE)
    bodies = sorted(a for o in ents.of("organisation") for a, _ in o.mentions)
    for p in ents.of("person"):
        if p.name is None:
            continue
        kept = []
        for s, e in p.mentions:
            if not any(a <= s < b for a, b in spans):
                if _on_contact_line(text, s, e):
                    continue  # "Vela House, 12/14 Kings Row, ... Tel: +44": a building, a street
                kept.append((s, e))
                continue
            head, tail = text.rfind("\n", 0, s) + 1, text.find("\n", s, e)
            if _town_after_body(text, bodies, head, s, e):
                continue  # "Ministry of Public Security, Vela Nova": the town of its address
            if tail >= 0 and tail - head < short:
                e = len(text[:tail].rstrip())  # the name ends with its short line
            if HOUSE_NUMBER_AFTER.match(text, e) or HOUSE_NUMBER_BEFORE.search(text, head, s):
                continue  # "Bolshaya Dmitrovka 15a": a street, not a person
            if _place_of_address(text, head, s, e):
                continue  # "Vela Square, Nova 1, Zembla": a square, not a person
            if len(text[s:e].split()) < 2:
                continue
            kept.append((s, e))
        if not kept:
            ents.items.remove(p)
            continue
        if kept != p.mentions:
            first = min(kept)
            name = clean(text[first[0] : first[1]])
            if p.name.startswith(name) and name != p.name:
                p.name, p.start, p.end = name, first[0], first[1]
            p.mentions = kept


#: What follows a place that opens an address line: a town (with a postcode or a district
#: number, no word in lower case), then the country: ", Nova 1, Zembla".
TOWN_THEN_COUNTRY = re.compile(
    r",[ \t]*[A-Z][\w’'.-]*(?:[ \t]+(?:[A-Z][\w’'.-]*|\d[\w-]*))*,[ \t]*(?P<c>[^,\n]+?)[ \t.]*$",
    re.M,
)


def _place_of_address(text: str, head: int, s: int, e: int) -> bool:
    """Whether the mention at ``s``..``e`` opens an address line whose rest is a town and a
    country: a street, a square or a building, not a person. A post on the line ("Ivo Sand,
    Minister of the Interior, Zembla") has words in lower case and is no town."""
    if text[head:s].strip():
        return False
    m = TOWN_THEN_COUNTRY.match(text, e)
    return m is not None and country_code(m.group("c")) is not None


#: A comma right before a mention, the line's end right after it.
COMMA_BEFORE = re.compile(r",[ \t]+$")
LINE_END_AFTER = re.compile(r"[ \t]*(?:\n|$)")


def _town_after_body(text: str, bodies: list[int], head: int, s: int, e: int) -> bool:
    """Whether the mention at ``s``..``e`` ends an address line after a comma, with a body
    named before it on the line: the town the body sits in, not a person."""
    if not COMMA_BEFORE.search(text, head, s) or not LINE_END_AFTER.match(text, e):
        return False
    k = bisect.bisect_left(bodies, head)
    return k < len(bodies) and bodies[k] < s


#: A post an addressee may be written to by, with no name: "President of the Republic of Vela",
#: "• Prosecutor General of Vela, 7 Vela St.", "His Majesty the King of Vela". The post opens
#: its line (after a bullet or a number) and ends at the line's end or its first comma.
POST_LINE = re.compile(
    r"(?m)^[ \t]*(?:(?:[•·*▪–-]|\d{1,2}[.)])[ \t]+)?"
    r"(?P<n>(?:(?:H\.\s?E\.|His|Her)[ \t]+(?:Excellency|Majesty|Highness)[ \t]+)?(?:the[ \t]+)?"
    r"(?P<p>(?:Vice[- ])?President|(?:Deputy[ \t]+)?(?:Prime[ \t]+)?Minister|"
    r"(?:Prosecutor|Procurator|Attorney)[- ]General|Chief[ \t]+Justice|Governor|Ombudsman|"
    r"King|Emir|Sultan|Crown[ \t]+Prince|Speaker|Head[ \t]+of[ \t]+State|"
    r"(?:(?:High|Chief)[ \t]+)?Commissioner|Public[ \t]+Defender|Chairman|Chairperson)"
    r"(?:[ \t]+(?:of|for|to)[ \t]+[^,\n]{3,80})?)[ \t]*(?:,[^\n]*)?$"
)
#: A bulleted or numbered line: in a list of them, each line is an addressee of its own.
BULLET_LINE = re.compile(r"(?m)^[ \t]*(?:[•·*▪–-]|\d{1,2}[.)])[ \t]+")


def add_unnamed_addressees(doc: Doc, ents: Entities) -> None:
    """An addressee known only by their post ("President of the Republic of Vela" above the
    palace's address) is an unnamed official. A post with a name in its entry, on its line or
    the lines of its paragraph ("Minister of Justice" above "Mr. Ivo Sand"), is the named
    person's."""
    spans = address_blocks(doc)
    if not spans:
        return
    text = doc.text
    people = sorted(a for p in ents.of("person") if p.name for a, _ in p.mentions)
    for lo, hi in spans:
        bulleted = len(BULLET_LINE.findall(text, lo, hi)) >= 2
        for m in POST_LINE.finditer(text, lo, hi):
            if bulleted and BULLET_LINE.match(text, m.start()):
                a, b = m.start(), m.end()  # the entry is the bullet's line
            else:
                a, b = _paragraph(text, m.start(), lo, hi)
            k = bisect.bisect_left(people, a)
            if k < len(people) and people[k] < b:
                continue  # a named person's post
            s, e = m.span("n")
            label = clean(m.group("n"))
            if any(label in p.variants for p in ents.of("person") if p.name is None):
                continue
            p = Entity("person", None, s, e, variants=[label])
            p.mentions.append((s, e))
            title = clean(text[m.start("p") : e])
            p.attrs.update(
                roles=["official"], positions=[{"title": title, "organisation": None}],
                gender="unknown",
            )  # fmt: skip
            ents.items.append(p)


def _paragraph(text: str, at: int, lo: int, hi: int) -> tuple[int, int]:
    """The lines around ``at`` up to blank lines, within ``lo``..``hi``."""
    a = lo
    for g in BLANK.finditer(text, lo, at):
        a = g.end()
    gap = BLANK.search(text, at, hi)
    return a, gap.start() if gap else hi
