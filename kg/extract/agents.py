"""Unnamed actors read from the place they stand in: "the magistrate granted bail", "she was
questioned by the prosecutor in charge", "guards beat him", "the minister said".

The phrase rules of :mod:`kg.extract.persons` find an unnamed actor by the words of its own
description ("two masked men", "Horvat's lawyer"). Appeals name the holders of posts and the
groups who act in many more ways than such lists hold, but the place they stand in is mostly
the same: the subject of an active event verb, or the "by" of a passive one. This step reads
that place. At every event trigger of the lexicon (:mod:`kg.extract.events`) it takes the noun
phrase of the agent's slot and, when that phrase is a description with a head noun for a post
("judge", "magistrate", "prosecutor", "minister", "spokesperson", "official") or for a group
("guards", "villagers", "men"), makes an unnamed person of it, with the role the head noun
gives. The events step then reads it as the agent, as it reads a named one. A post before a verb
of speaking ("the Minister of Communication publicly called the report a lie") and people known
by who they said they were ("two men who said they were police officers") are read the same way.

A description is not taken where it names no actor of its own: a name apposed right after it
("the prosecutor, Ana Lind,"), a named person it holds, a body it holds as a group or as its
head ("officers of the X Police": the body acts), a post that a named person of the text holds
(the judge named before is the one meant), a court named after the post ("the Chief
Magistrate's Court ... the magistrate"), a definite group ("the men": told before), or a
description already read (one prosecutor, told twice, is one person).
"""

from __future__ import annotations

import bisect
import re

from kg.extract.entities import Entities, Entity
from kg.extract.events import EVENT_RULES_RX, find_triggers, frame_allowed
from kg.extract.scan import TailPattern
from kg.extract.text import Doc, clean

#: Head nouns of one holder of a post, and the role the corpus gives them.
POST_ROLES = {
    "judge": "judge",
    "magistrate": "judge",
    "prosecutor": "prosecutor",
    "procurator": "prosecutor",
    "minister": "official",
    "governor": "official",
    "wali": "official",  # a governor of a province of the Maghreb
    "prefect": "official",
    "mayor": "official",
    "ombudsman": "official",
    "ombudsperson": "official",
    "spokesperson": "official",
    "spokesman": "official",
    "spokeswoman": "official",
    "official": "official",
    "commander": "official",
    "chairperson": "official",
    "chairman": "official",
    "chairwoman": "official",
    "commissioner": "official",
    "director general": "official",
    "director-general": "official",
    "attorney general": "official",
}
#: Head nouns of a group that acts unnamed ("guards beat him", "by a group of villagers").
#: (Not "officers", "agents", "policemen", "soldiers": the corpus codes the force they serve,
#: "the police", "the armed forces", as the one who acts.)
GROUP_NOUNS = (
    "guards", "men", "gunmen", "assailants", "attackers", "villagers", "workers",
    "employees", "militiamen", "youths", "settlers", "thugs", "vigilantes", "officials",
)  # fmt: skip

#: The last word of each head noun, as the word index holds it.
HEAD_WORDS = tuple(sorted({h.replace("-", " ").split()[-1] for h in [*POST_ROLES, *GROUP_NOUNS]}))

_HEAD = "|".join(
    sorted((re.escape(h).replace(r"\ ", r"\s+") for h in [*POST_ROLES, *GROUP_NOUNS]), key=len)[
        ::-1
    ]
)
#: A word before the head: lower case ("senior", "public", "plain-clothes") or a capitalised
#: word of a name ("the Vela Police spokesperson").
_PRE = (
    r"(?!(?i:the|an?|on|in|at|of|and|or|to|by|with|that|which|who|whom|when|after|before|"
    r"while|where|whose|then|later|same|this|that|these|those|both|such|January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b)[A-Za-z][\w’'-]*"
)
#: What follows the head and belongs to the description: "in charge", "of the Vela
#: District Court", "at the Vela Nova court", "of Communication", "of the company", and a
#: second such phrase after the first ("of Mines of Vela Province", "to the Military Court").
_POST = (
    r"(?:\s+in\s+charge(?:\s+of\s+the\s+case)?"
    r"|(?:\s+(?:of|at|in|for|to)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,5}"
    r"(?:[Cc]ourt|company|[A-Z][\w’'-]*)){1,2})?"
)
#: The description, from its determiner to the end of what follows its head.
DESCRIPTION = (
    r"(?<![\w’'-])(?P<n>(?:(?:[Tt]he|[Aa]n?|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]everal|[Ss]ome|\d{1,3}|"
    r"[Aa] group of(?:\s+(?:\d{1,3}|two|three|four|five|several))?)\s+)?"
    rf"(?:{_PRE}\s+){{0,3}}?(?P<h>(?i:{_HEAD})){_POST})"
)
#: The agent's slot before an active verb: the description, then at most an auxiliary and
#: adverbs before the verb group.
SUBJECT_BEFORE = re.compile(
    DESCRIPTION
    # "soldiers and members of the X Force raided": the first of joined subjects
    + r"(?:\s+and\s+[^,.;:()]{1,60}?)?"
    + r"(?:\s+(?:had|has|have|then|later|also|again|subsequently|themselves|himself|herself|"
    r"since|already|still|now|just|once|even|[a-z]+ly)){0,2}\s*$"
)
#: The agent's slot after a passive verb: "by" within a few words, then the description.
BY_AFTER = re.compile(r"(?:\s+[\w’'-]+){0,5}?\s+by\s+" + DESCRIPTION + r"(?![\w’'-])")
#: Words right before a subject that make the description something else's object or part:
#: "summoned to the prosecutor", "a complaint against the officers".
NOT_SUBJECT_AFTER = re.compile(
    r"(?:\b(?:of|by|to|with|for|from|against|about|at|in|on|before|told|whom|and|or|"
    r"than|as|the|a|an|his|her|their|its|same|this|these|those|both|such|other)|[’']s)\s*$"
)
#: A name right after the description: the holder is named ("the prosecutor, Ana Lind,").
NAME_APPOSED = re.compile(
    r",?\s+(?:(?:Mr|Ms|Mrs|Dr|Judge)\.?\s+)?[A-ZÀ-ÞĀ-Žİ][\w’'\-]+\s+[A-ZÀ-ÞĀ-Žİ]"
)
#: People known by who they said they were: "two men who said they were police officers", "a
#: man who did not identify himself", "three men who introduced themselves as party cadres".
SELF_DESCRIBED = re.compile(
    r"(?<![\w’'-])(?<![Tt]he )(?P<n>(?:[Aa]n?|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]everal|\d{1,2}|"
    r"[Aa] group of)\s+(?:[a-z][\w-]*\s+)?(?P<h>men|man|women|woman|persons|person|people|"
    r"individuals|individual)\s+who\s+(?:said|claimed|introduced|identified|presented|called|"
    r"did not identify|refused to identify|would not identify)(?:\s+[a-z][\w’'-]*){1,7}?)"
    r"(?=[.,;:]|\s+(?:had|and|came|approached|arrived|entered|went|stopped|visited|followed|"
    r"took|told|threatened|warned|beat|attacked|asked|arrested|searched|demanded|forced|"
    r"called|phoned|rang|assaulted|abducted|kidnapped|grabbed|shot|stabbed)\b)"
)
#: The words of :data:`SELF_DESCRIBED` after its noun, tried at each "who" of the text: the
#: pattern, read at every character of a text, is read only where one of them stands.
WHO_SAID = re.compile(
    r"who\s+(?:said|claimed|introduced|identified|presented|called|did not identify|"
    r"refused to identify|would not identify)"
)
#: Verbs of speaking whose subject a holder of a post may be.
SPEECH_WORDS = (
    "said", "told", "stated", "denied", "confirmed", "claimed", "announced", "declared",
    "alleged", "insisted", "called", "accused", "described", "dismissed",
)  # fmt: skip
#: A group noun right before the body it serves: "soldiers of the ", "guards from the ".
#: (Searched before every body's mention; most end otherwise, which a string's end tells.)
SERVING_BEFORE = TailPattern(
    re.compile(rf"\b(?P<g>(?i:{'|'.join(GROUP_NOUNS)}))\s+(?:of|from)\s+(?:the\s+)?$"),
    ends=("of", "from", "the"),
)
#: A body's people: "of" or "from" right after a group's noun.
OF_AFTER = re.compile(r"\s+(?:of|from)\s")
#: A body's acronym among the words before a group's noun.
ACRONYM_WORD = re.compile(r"\b[A-Z]{2,}\b")
#: A definite group: "the men", "the two soldiers" (not "a group of men", "soldiers").
DEFINITE = re.compile(r"(?i:the|these|those|both)\b")
#: An auxiliary right before a phrase trigger: the phrase is undergone ("was placed in").
PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+$")
#: A verb that makes a noun its event ("signed a detention order", "issued a travel ban"):
#: the one who acts is that verb's subject.
LIGHT_VERB_BEFORE = re.compile(
    r"\b(?:signed|issued|served|imposed|handed\s+down)\s+(?:an?|the)\s+(?:[\w’'-]+\s+){0,2}$"
)
#: A court a commissioner is attached to: the state's prosecutor before it, as the
#: commissaire du gouvernement of the courts of the French tradition.
COURT_ATTACHED = re.compile(r"\s+(?:to|at|before)\s+(?:the\s+)?[^,;]*?[Cc]ourt\b")
#: Words that end a subject's search backwards: the clause it may stand in.
CLAUSE_OPEN = re.compile(r"[.;:!?()\n]|,\s")


def _slot_before(flat: str, g: int) -> re.Match[str] | None:
    """The description right before the verb group at ``g``, opening its clause (after the
    clause's start, a comma or a date) rather than standing as another word's object; or the
    one a relative clause opened by "who" hangs on ("brought before the public prosecutor at the
    X court, who charged them"), whatever its place in the clause before."""
    who = WHO_BEFORE.search(flat, max(0, g - 30), g)
    end = who.start() if who else g
    c0 = _clause_start(flat, end)
    m = SUBJECT_BEFORE.search(flat, c0, end)
    if m is None:
        return None
    if who is None and NOT_SUBJECT_AFTER.search(flat[c0 : m.start("n")]):
        return None
    return m


#: A relative pronoun opening the clause of the verb: "..., who charged them".
WHO_BEFORE = re.compile(r",\s+who\s+(?:(?:had|has|then|later|also|[a-z]+ly)\s+){0,2}$")


def _clause_start(flat: str, g: int) -> int:
    """Where the clause that ends at ``g`` opens: after the last stop, colon, bracket, line
    end or comma within 160 characters."""
    lo = max(0, g - 160)
    last = lo
    for m in CLAUSE_OPEN.finditer(flat, lo, g):
        last = m.end()
    return last


def _starts_of(doc: Doc, words: tuple[str, ...]) -> list[int]:
    """Where the words start in the text, lower case or capitalised, in text order."""
    index = doc.word_index
    out: list[int] = []
    for w in words:
        for form in (w, w.capitalize()):
            out.extend(index.get(form, ()))
    return sorted(out)


def _any_in(starts: list[int], lo: int, hi: int) -> bool:
    k = bisect.bisect_left(starts, lo)
    return k < len(starts) and starts[k] < hi


def add_unnamed_agents(doc: Doc, ents: Entities) -> None:
    """An unnamed person for each description that stands in an event's agent slot."""
    flat = doc.flat
    # the slots are read only where a head noun stands near: most triggers have none
    heads = _starts_of(doc, HEAD_WORDS)
    if not heads:
        return
    spans = sorted((a, b) for e in ents.items for a, b in e.mentions)
    people = [(a, b) for e in ents.of("person") for a, b in e.mentions]
    named_posts = {
        word
        for p in ents.of("person")
        if p.name
        for word in (
            *p.attrs.get("roles", ()),
            *(
                " ".join(str(pos.get("title") or "").lower().split())
                for pos in p.attrs.get("positions", [])
            ),
        )
    }
    # "soldiers of the X Armed Forces ... soldiers beat him": a group told as a body's people
    # once stands for that body each time
    serving = (
        {
            m.group("g").lower()
            for o in ents.of("organisation")
            for x, _y in o.mentions
            if (m := SERVING_BEFORE.search(flat, max(0, x - 40), x))
        }
        if _starts_of(doc, GROUP_NOUNS)
        else set()
    )

    def take(m: re.Match[str] | None) -> None:
        if m is not None:
            _take(doc, ents, m, spans, people, named_posts, serving)

    found = find_triggers(flat, len(flat), doc.word_index)
    for (etype, _), matches in zip(EVENT_RULES_RX, found, strict=True):
        for t in matches:
            framed = frame_allowed(flat, t.start(), t.end(), etype)
            if framed is None:
                continue
            frame, g = framed
            if frame == "perfect":
                # "has arrested" is done by its subject, "had been arrested" to it
                frame = "passive" if "been" in flat[g : t.start()] else "active"
            if frame == "phrase":
                # "placed her in pre-trial detention", "was placed in": by the words before it
                frame = "passive" if PASSIVE_BEFORE.search(flat, max(0, g - 12), g) else "active"
                if frame == "active" and (lv := LIGHT_VERB_BEFORE.search(flat, max(0, g - 50), g)):
                    g = lv.start()
            if frame == "active" and _any_in(heads, g - 200, g):
                take(_slot_before(flat, g))
            elif frame == "passive" and _any_in(heads, t.end(), t.end() + 120):
                m = BY_AFTER.match(flat, t.end())
                if m is None or not CLAUSE_OPEN.search(flat, t.end(), m.start("n")):
                    take(m)
    # "two men who said they were police officers came to the house": people the text knows
    # only by who they said they were, or would not say, act in what follows
    if any(WHO_SAID.match(flat, w) for w in doc.word_index.get("who", ())):
        for m in SELF_DESCRIBED.finditer(flat):
            take(m)
    # "the Minister of Communication publicly called the report a lie": a holder of a post who
    # speaks of the case is an actor of it, though no event; a group that speaks is not
    for v in _starts_of(doc, SPEECH_WORDS):
        if _any_in(heads, v - 200, v):
            m = _slot_before(flat, v)
            if m is not None and " ".join(m.group("h").lower().split()) in POST_ROLES:
                take(m)


def _take(
    doc: Doc,
    ents: Entities,
    m: re.Match[str],
    spans: list[tuple[int, int]],
    people: list[tuple[int, int]],
    named_posts: set[str],
    serving: set[str],
) -> None:
    """Make the description ``m`` an unnamed person, or a mention of the one it tells again,
    unless it names no actor of its own."""
    a, b = m.span("n")
    h0, h1 = m.span("h")
    head = " ".join(m.group("h").lower().split())
    role = POST_ROLES.get(head, "other")
    if head == "commissioner" and COURT_ATTACHED.match(doc.flat, h1, b):
        role = "prosecutor"  # "the Government Commissioner to the Military Court"
    # a post may name the body it serves ("the Vela Police spokesperson", "a senior police
    # official"), not a person; its head noun may not stand inside a body's name ("the Office
    # of the Prosecutor"); a group may hold neither
    if role == "other" or any(x < h1 and h0 < y for x, y in spans):
        if any(x < h1 and a < y for x, y in spans):
            return  # a named person or body, or an actor read already
    elif any(x < b and a < y for x, y in people):
        return  # a named person inside it ("the High Commissioner for Human Rights Ana Lind")
    if NAME_APPOSED.match(doc.flat, b):
        return  # "the prosecutor, Ana Lind,": named
    if role == "other" and ACRONYM_WORD.search(doc.flat, a, h0):
        return  # "SEBIN officials", "three ANR agents": the body the acronym names acts
    if role == "other" and DEFINITE.match(m.group("n")):
        return  # "the men", "the two men": people the text has told of already
    if role == "other" and (
        head in serving
        or (OF_AFTER.match(doc.flat, h1) and any(x < b and h1 < y for x, y in spans))
    ):
        return  # "soldiers of the X Armed Forces": the body they serve acts
    if role != "other" and (role in named_posts and role != "official" or head in named_posts):
        return  # "Judge Ana Lind ... the judge ordered": the named judge
    if any(
        head in (o.name or "").lower() and o.attrs.get("kind") == "court"
        for o in ents.of("organisation")
    ):
        return  # "the Vela Chief Magistrate's Court ... The magistrate remanded her": the court
    label = clean(m.group("n"))
    for e in ents.of("person"):
        if e.name is None and e.variants and _head(e.variants[0]) == head:
            # "the public prosecutor ... the prosecutor": one prosecutor, told twice
            if label not in e.variants:
                e.variants.append(label)
            e.mentions.append((a, b))
            spans.append((a, b))
            people.append((a, b))
            return
    e = Entity("person", None, a, b, variants=[label])
    e.mentions.append((a, b))
    e.attrs.update(roles=[role], positions=[], gender="male" if head == "men" else "unknown")
    ents.items.append(e)
    spans.append((a, b))
    people.append((a, b))


#: A head noun anywhere in a description read before.
HEAD_IN = re.compile(rf"(?i:\b(?:{_HEAD})\b)")


def _head(label: str) -> str | None:
    m = HEAD_IN.search(label)
    return " ".join(m.group().lower().split()) if m else None
