"""Runs read as persons that the words around them show to be bodies or places.

A person's name takes the context of a person (a title, a verb of which people are agents,
a pronoun after it); the name of a firm, a journal or a network takes the context of a body:
a common noun of a body right before it ("the construction firm X", "the literary journal X"),
an apposition with one after it ("X, an independent publishing house that ..."), a line of its
own among the lines of a list of bodies. Such a run becomes a body, or joins the body of that
name. A run that starts after a lower-case article or particle ("contra la X", "Collectif des
X") is the tail of a longer name in another language, never a person's name.
"""

from __future__ import annotations

import re

from kg.extract.entities import POST_WORDS, Entities, Entity
from kg.extract.lexicon import CAP_STOP, COUNTRIES, MONTHS
from kg.extract.names import _kind_by_name
from kg.extract.scan import TailPattern
from kg.extract.text import Doc, Run

#: Common nouns of bodies, by the kind of body each names.
BODY_NOUN_KINDS = {
    "firm": "company", "company": "company", "corporation": "company", "house": "company",
    "newspaper": "media", "journal": "media", "magazine": "media", "weekly": "media",
    "daily": "media", "outlet": "media", "website": "media", "portal": "media",
    "broadcaster": "media", "channel": "media",
    "organisation": "ngo", "organization": "ngo", "NGO": "ngo", "group": "ngo",
    "collective": "ngo", "network": "ngo", "coalition": "ngo", "association": "ngo",
    "platform": "ngo", "movement": "other",
    # "X, a women's rights union", "X, a local charity", "X, an indigenous community"
    "union": "ngo", "charity": "ngo", "foundation": "ngo", "federation": "ngo",
    "alliance": "ngo", "initiative": "ngo", "community": "other",
    # "the Asayish, the security forces of the region"
    "security forces": "security_service",
    # "the Dalaku, the youth league of the ruling party", "X, a militia loyal to ...", "X, an
    # opposition party"
    "youth league": "other", "youth wing": "other", "militia": "other", "league": "ngo",
    "party": "political_party",
}  # fmt: skip
_NOUN = "|".join(sorted(BODY_NOUN_KINDS, key=len, reverse=True))
#: Lower-case words that may stand between an article and the body's noun ("the independent
#: news outlet"): not a preposition, conjunction or pronoun, which would start another phrase.
_FUNCTION_WORDS = "of|for|at|with|in|on|from|by|to|and|or|who|whose|which|that"
#: ("women's", "Kenyan", "Rarámuri")
_MODIFIER = rf"(?:(?!(?:{_FUNCTION_WORDS})\b)[^\W\d_][\w’'-]*\s+)"
#: "the construction firm ", "a literary journal ": the noun right before the name.
#: Searched only where the words end with one of the nouns (:class:`TailPattern`): most
#: names follow none, and the pattern would be tried at every position to find that out.
BODY_NOUN_BEFORE = TailPattern(
    re.compile(rf"\b(?:the|a|an|its|their|his|her)\s+{_MODIFIER}{{0,3}}(?P<noun>{_NOUN})\s+$"),
    ends=tuple(BODY_NOUN_KINDS),
)
#: What a person does to a body named right before it: "the newspaper X Y edits" names both.
PERSON_VERB_AFTER = re.compile(
    r"\s+(?:co-)?(?:founded|founds|runs|ran|edits|edited|owns|owned|leads|led|heads|headed|"
    r"set up|created|established|started|works|worked|chairs|chaired|directs|directed|joined)\b"
)
#: ", an independent house that ...": an apposition whose head is a body's noun.
BODY_APPOSED_AFTER = re.compile(
    rf"\s*,\s+(?:an?|the)\s+{_MODIFIER}{{0,3}}?(?:publishing\s+)?(?P<noun>{_NOUN})"
    r"(?=\s*(?:[,.;:()]|that\b|which\b|whose\b|based\b|in\b|of\b|for\b|from\b|founded\b|"
    r"run\b|owned\b|with\b|where\b|$))"
)
#: "owner of X", "editor-in-chief of X": the business or the outlet a person holds a post in.
HOLDER_OF_BEFORE = TailPattern(
    re.compile(r"\b(?:(?P<company>owners?|proprietors?)|(?P<media>editors?(?:-in-chief)?)) of\s+$"),
    ends=("of",),
)
#: The people or the posts of a body after its name in the possessive: "X’s coordinator",
#: "X’s members": no person has members or a coordinator (a person has an office: "Rina
#: Holm's office").
BODY_PEOPLE_AFTER = re.compile(
    r"[’']s\s+(?:(?:executive|programme|program|national|regional)\s+)?(?:coordinators?|"
    r"members|staff|volunteers|employees|board|secretariat|headquarters)\b"
)
#: "known as" after a body's name (and its acronym in brackets), before another name: "the X
#: Centre (XC), known in Urdu as Y", "the X Centre, also known as Y".
KNOWN_AS_BEFORE = re.compile(
    r"(?:\s*\([^()]{1,30}\))?,?\s+(?:also\s+|locally\s+)?known\s+(?:locally\s+|in\s+[A-Z][a-z]+\s+)?"
    r"as\s+[“\"]?$"
)
#: A lower-case article or particle right before a run: the run is the tail of a longer name
#: ("Collectif des X", "contra la X", "Consejo de Comunidades de X").
PARTICLE_BEFORE = re.compile(
    r"(?<![\w’'-])(?:de|des|du|del|della|la|las|los|les|da|das|do|dos)[ \t]*\n?[ \t]*$"
)
#: An acronym right before a run, which a person's name drops as a title would ("the
#: association SOS X Y"): the body's name opens with it, and the noun stands before it.
ACRONYM_BEFORE = re.compile(r"(?<![\w’'-])[A-Z]{2,}[ \t]*\n?[ \t]*$")
#: A list item's marker at the start of a line: "5. ", "- ", "• ".
ITEM_MARKER = re.compile(r"^[ \t]*(?:\d{1,2}[.)]|[-•*–])?[ \t]*")
#: The plural a partnership of lawyers or consultants is named with: "A & B Advocates".
FIRM_WORDS = frozenset("Advocates Associates Partners Solicitors Attorneys Chambers".split())
#: A partner's name and an ampersand before the rest of a firm's name: "Nansubuga & ".
FIRM_PARTNER_BEFORE = re.compile(r"(?:[A-Z][\w’'-]+\s*(?:&|and)\s*)+$")
#: A house number at a line's start: "8 Place X" is an address, not a name.
ADDRESS_NUMBER = re.compile(r"(?:^|\n)[ \t]*\d{1,4}[A-Za-z]?,?[ \t]+$")


def _to_body(ents: Entities, p: Entity, kind: str, name: str | None = None) -> None:
    """Turn person ``p`` into a body of ``kind``, or add its mentions to the body of its name."""
    name = name or p.name
    same = next((o for o in ents.of("organisation") if name in (o.name, *o.variants)), None)
    if same is not None:
        same.mentions.extend(p.mentions)
    else:
        (a, b), *rest = sorted(p.mentions)
        body = ents.add(Entity("organisation", name, a, b, attrs={"kind": kind}))
        body.mentions.extend(rest)
    ents.items.remove(p)


def _open_with_acronym(flat: str, p: Entity, acronym: str) -> None:
    """The person ``p`` is a body whose name opens with ``acronym``: each mention of the whole
    name right after the acronym takes it in, and the name does too; a mention of fewer words
    (the name's last word alone, read as a surname) is no mention of the body."""
    words = len((p.name or "").split())
    mentions = []
    for a, b in p.mentions:
        if len(flat[a:b].split()) < words:
            continue
        acr = ACRONYM_BEFORE.search(flat, max(0, a - 12), a)
        if acr is not None and acr.group().strip() == acronym:
            a = acr.start()
        mentions.append((a, b))
    if mentions:
        p.mentions = mentions
        p.name = f"{acronym} {p.name}"


def _line_of(flat: str, a: int, b: int) -> tuple[int, int]:
    """The start and end of the line that holds ``flat[a:b]``."""
    start = flat.rfind("\n", 0, a) + 1
    end = flat.find("\n", b)
    return start, len(flat) if end < 0 else end


def _item(flat: str, start: int, end: int) -> str:
    """A line's text without its list marker and white space."""
    line = flat[start:end]
    return line[ITEM_MARKER.match(line).end() :].strip()  # type: ignore[union-attr]


#: The complement a body's name ends with, which a person's name stops before: " for
#: Democracy in Africa", " of Southern Africa".
COMPLEMENT = re.compile(r" (?:for|of|on|in|against) (?:the )?[A-ZÀ-ÞĀ-Žİ][^,;:()]*$")


def _listed_among_bodies(flat: str, a: int, b: int, bodies: set[str]) -> bool:
    """The name fills its line, and the lines right above and below (no blank line between)
    each name a body and nothing else: an item of a list of bodies, such as the signatories of
    a joint statement."""
    start, end = _line_of(flat, a, b)
    item = _item(flat, start, end)
    if item != flat[a:b] and not (item.startswith(flat[a:b]) and COMPLEMENT.match(item, b - a)):
        return False
    if start < 2 or end + 1 >= len(flat):
        return False
    above = _line_of(flat, start - 1, start - 1)
    below = _line_of(flat, end + 1, end + 1)
    return all(_item(flat, s, e) in bodies for s, e in (above, below))


def bodies_read_as_persons(doc: Doc, ents: Entities) -> None:
    """Make a body of each "person" whose mention stands where a body's name does; drop each
    mention that is the tail of a longer name, and the person with no mention left."""
    flat = doc.flat
    bodies = {n for o in ents.of("organisation") for n in (o.name, *o.variants) if n}
    for p in list(ents.of("person")):
        if not p.name or not p.mentions:
            continue
        kept = []
        for a, b in p.mentions:
            if PARTICLE_BEFORE.search(flat, max(0, a - 12), a) or ADDRESS_NUMBER.search(
                doc.text, max(0, a - 8), a
            ):
                continue
            kept.append((a, b))
        if not kept:
            ents.items.remove(p)
            continue
        p.mentions = kept
        kind = None
        gloss = None
        acronym = None
        if p.name.split()[-1] in FIRM_WORDS:
            a, b = kept[0]
            m = FIRM_PARTNER_BEFORE.search(flat, max(0, a - 60), a)
            if m:
                p.mentions = [(m.start(), b), *kept[1:]]
            _to_body(ents, p, "company", " ".join(flat[m.start() if m else a : b].split()))
            continue
        for a, b in kept:
            before = flat[max(0, a - 80) : a]
            m = BODY_NOUN_BEFORE.search(before)
            if m is None and (acr := ACRONYM_BEFORE.search(flat, max(0, a - 12), a)):
                if f"{acr.group().strip()} {p.name}" in bodies:
                    # "the dissolution of SOS X Y" after "the association SOS X Y"
                    _open_with_acronym(flat, p, acr.group().strip())
                    kind = "ngo"  # the body of that name takes the mentions
                    break
                m = BODY_NOUN_BEFORE.search(flat[max(0, acr.start() - 80) : acr.start()])
                if m is not None:
                    _open_with_acronym(flat, p, acr.group().strip())
            if m and not PERSON_VERB_AFTER.match(flat, b):
                kind = BODY_NOUN_KINDS[m.group("noun")]
                break
            if m := HOLDER_OF_BEFORE.search(before):
                kind = "company" if m.group("company") else "media"
                break
            if BODY_PEOPLE_AFTER.match(flat, b):
                kind = "ngo"  # "X's coordinator, Y", "X's members"
                break
            if m := BODY_APPOSED_AFTER.match(flat, b):
                kind = BODY_NOUN_KINDS[m.group("noun")]
                break
            if (g := _quoted_gloss(flat, b)) and (m := BODY_APPOSED_AFTER.match(flat, g.end())):
                kind = BODY_NOUN_KINDS[m.group("noun")]
                gloss = g
                break
            if BRACKET_BEFORE.search(flat, max(0, a - 4), a) and (
                acr := ACRONYM_CLOSES.match(flat, b)
            ):
                # "the Mobile Squadron (Escuadrón Móvil – ESMAD)": a name that a bracket
                # defines an acronym for is a body's, in its own language; no person has one
                kind = _parent_kind(ents, flat, acr.end()) or "other"
                acronym = acr.group("acr")
                break
            if _listed_among_bodies(doc.text, a, b, bodies):
                kind = "ngo"
                start, end = _line_of(doc.text, a, b)
                whole = _item(doc.text, start, end)
                if whole != p.name:  # the name with its complement: "X Y for Democracy"
                    p.name = whole
                    p.mentions = [(a, a + len(whole))]
                break
        if kind is not None:
            _to_body(ents, p, kind)
            if acronym is not None:
                body = next(o for o in ents.of("organisation") if p.name in (o.name, *o.variants))
                if acronym not in body.variants:
                    body.variants.append(acronym)
            if gloss is not None:
                body = next(o for o in ents.of("organisation") if p.name in (o.name, *o.variants))
                _take_gloss(ents, body, gloss)
    _bodies_known_as(flat, ents)
    # a body just made may open a bracket too: "Kuzey Kitap (North Books)"
    ends = {b: o for o in ents.of("organisation") for _, b in o.mentions}
    for p in list(ents.of("person")):
        if p.name and (body := _glossed_body(flat, p.mentions, ends)) is not None:
            o, gloss = body
            if gloss not in o.variants and gloss != o.name:
                o.variants.append(gloss)
            ents.items.remove(p)


#: "of the " after a unit's name and its bracket, before the body it is a unit of.
OF_THE_AFTER = re.compile(r"\s+of\s+(?:the\s+)?")
#: Kinds a unit takes from the state body it is named a unit of.
UNIT_PARENT_KINDS = frozenset(("police", "security_service", "prosecution"))


def _parent_kind(ents: Entities, flat: str, end: int) -> str | None:
    """The kind of the police, security service or prosecution named right after ``end`` with
    "of the" ("(... – ESMAD) of the National Police"), or None."""
    m = OF_THE_AFTER.match(flat, end)
    if m is None:
        return None
    for o in ents.of("organisation"):
        if o.attrs.get("kind") in UNIT_PARENT_KINDS and any(a == m.end() for a, _ in o.mentions):
            return o.attrs["kind"]
    return None


#: A bracket opened right before a run, and the acronym that closes it after the run: "(X Y –
#: XY)", "(X Y, XY)".
BRACKET_BEFORE = re.compile(r"\([ \t]*\Z")
ACRONYM_CLOSES = re.compile(r"[ \t]*(?:,|[ \t][–-])[ \t]*(?P<acr>[A-Z][A-Za-z]{1,9})\)")


#: A bracket opened right after a body's name, then at most two words before the run: "the
#: National Security Agency (Qita' X Y)".
GLOSS_OPENS = re.compile(r"[”\"’]?[ \t]*\((?P<lead>(?:[\w’'-]+\s+){0,2})$")
#: The rest of the bracket after the run, up to an acronym or the bracket's end.
GLOSS_REST = re.compile(r"(?P<rest>(?:\s+[\w’'-]+){0,3})\s*(?:\)|,\s*[A-Z]{2,}\s*\))")


def _glossed_body(
    flat: str, mentions: list[tuple[int, int]], ends: dict[int, Entity]
) -> tuple[Entity, str] | None:
    """The body whose name in another language each mention is part of, as a bracket right
    after the body's name gives it ("the Nile Centre (Markaz X Y)"), and that name."""
    found = None
    for a, b in mentions:
        opens = flat.rfind("(", max(0, a - 40), a)
        m = GLOSS_OPENS.search(flat, max(0, opens - 3), a) if opens >= 0 else None
        rest = GLOSS_REST.match(flat, b)
        if m is None or rest is None or "," in m.group("lead"):
            return None
        body = ends.get(len(flat[: m.start()].rstrip('”"’ \t')))
        if body is None or (found is not None and found[0] is not body):
            return None
        gloss = " ".join((m.group("lead") + flat[a:b] + rest.group("rest")).split())
        found = (body, gloss)
    return found


#: A translation quoted in brackets right after a name: ' ("Open Field")'.
QUOTED_GLOSS_AFTER = re.compile(
    # the name quoted or not, its translation in brackets quoted or not: 'X ("Voice of Vela")',
    # '"X" (Voice of Vela)'
    r"[”\"]?[ \t]?\((?:[“\"](?P<g>[A-Z][^”\"()\n]{1,60})[”\"]|(?P<u>[A-Z][^”\"()\n]{1,60}))\)"
)


def _fold_apposed_noun(ents: Entities, body: Entity, m: re.Match[str]) -> None:
    """A body read from the apposition's noun in lower case ("security forces") is the body
    the apposition names: its mentions inside the apposition go to that body."""
    a, b = m.span("noun")
    for o in list(ents.of("organisation")):
        if o is body or o.name != m.group("noun"):
            continue
        inside = [(x, y) for x, y in o.mentions if a <= x and y <= b]
        if not inside:
            continue
        o.mentions = [mm for mm in o.mentions if mm not in inside]
        body.mentions.extend(inside)
        if not o.mentions:
            ents.items.remove(o)


#: A name in another language quoted after a body's name: 'the Bureau for Legal Aid “Pravo”'.
QUOTED_NAME_AFTER = re.compile(r"[ \t]*[“\"][^”\"\n]{1,60}[”\"]")
#: The kinds a body's head word gives by default, which an apposition saying what it is
#: overrides.
HEAD_WORD_KINDS = ("government", "other")


def kinds_by_apposition(doc: Doc, ents: Entities) -> None:
    """A body whose kind came from its head word alone takes the kind an apposition after it
    gives: "the Bureau for Legal Aid, a Vela-based organisation which gives free legal aid" is
    an NGO, though a bureau is most often an office of the state."""
    flat = doc.flat
    for o in ents.of("organisation"):
        if o.attrs.get("kind") not in HEAD_WORD_KINDS or _kind_by_name(o.name or ""):
            continue
        for _s, e in o.mentions:
            q = QUOTED_NAME_AFTER.match(flat, e)
            m = BODY_APPOSED_AFTER.match(flat, q.end() if q else e)
            if m and (kind := BODY_NOUN_KINDS[m.group("noun")]) in ("ngo", "media", "company"):
                o.attrs["kind"] = kind
                break


def _quoted_gloss(flat: str, end: int) -> re.Match[str] | None:
    """The translation quoted in brackets right after a name ending at ``end``, if any."""
    return QUOTED_GLOSS_AFTER.match(flat, end) if flat[end : end + 1] in ' ("”' else None


def _take_gloss(ents: Entities, body: Entity, gloss: re.Match[str]) -> None:
    """The quoted translation is a variant of the body, and no person's name."""
    g = "g" if gloss.group("g") else "u"
    name = " ".join(gloss.group(g).split())
    if name != body.name and name not in body.variants:
        body.variants.append(name)
    a, b = gloss.span(g)
    for p in list(ents.of("person")):
        p.mentions = [(x, y) for x, y in p.mentions if not (a <= x and y <= b)]
        if not p.mentions:
            ents.items.remove(p)


#: An article that opens a sentence before a name: "The X, a rights group, ...".
ARTICLE_OPENS = re.compile(r"(?:The|A|An)\s+")


def bodies_by_apposition(doc: Doc, ents: Entities, runs: list[Run]) -> None:
    """Make a body of a capitalised run that no rule read as anything, where an apposition
    after it says it is one: "He belongs to Tamkeen, a rights group", "Amani Kenya, a local
    NGO, condemned the arrest"."""
    flat = doc.flat
    taken = sorted(span for e in ents.items for span in e.mentions)
    for run in runs:
        # "Ochiq Dala ("Open Field"), an independent group": a name with its translation quoted
        # in brackets, then the apposition
        gloss = _quoted_gloss(flat, run.end)
        after = gloss.end() if gloss else run.end
        if flat[after : after + 1] != "," or not (m := BODY_APPOSED_AFTER.match(flat, after)):
            continue
        start = run.start
        if art := ARTICLE_OPENS.match(flat, start):
            start = art.end()
        if start >= run.end or any(a < run.end and start < b for a, b in taken):
            continue
        name = " ".join(flat[start : run.end].split())
        if name in COUNTRIES or name in MONTHS or any(w in POST_WORDS for w in name.split()):
            continue  # ("on 3 May, a group of officers": the month of a day, no body)
        if " " not in name and (name in CAP_STOP or name.endswith("ly")):
            continue  # "Simultaneously, a second group of officers": an adverb opening a clause
        body = Entity(
            "organisation",
            name,
            start,
            run.end,
            attrs={"kind": BODY_NOUN_KINDS[m.group("noun")]},
        )
        body = ents.add(body)
        if gloss:
            _take_gloss(ents, body, gloss)
        _fold_apposed_noun(ents, body, m)


def _bodies_known_as(flat: str, ents: Entities) -> None:
    """A "person" named only as what a body is known as ("the X Centre (XC), known in Urdu as
    Y") is that body's other name."""
    ends = {b: o for o in ents.of("organisation") for _, b in o.mentions}
    for p in list(ents.of("person")):
        if not p.name or not p.mentions:
            continue
        bodies = []
        for a, _b in p.mentions:
            m = KNOWN_AS_BEFORE.search(flat, max(0, a - 60), a)
            body = ends.get(m.start()) if m else None
            if body is None:
                break
            bodies.append(body)
        else:
            body = bodies[0]
            if p.name not in body.variants and p.name != body.name:
                body.variants.append(p.name)
            body.mentions.extend(p.mentions)
            ents.items.remove(p)
