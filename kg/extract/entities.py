"""Entities: the people, bodies, places and instruments found so far, each with its mentions
in the text, and the head-word rules that tell them apart.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
from dataclasses import dataclass, field
from typing import Any

from kg.extract.lexicon import (
    CAP_STOP,
    CAUSE_NOUNS,
    COUNTRIES,
    DEMONYMS,
    HONORIFICS,
    INSTRUMENT_HEADS,
    KNOWN_BODIES,
    MERE_SITE_HEADS,
    MONTHS,
    ORG_HEADS,
    SITE_HEADS,
    TITLE_STOP,
)
from kg.extract.text import NON_WORD, Run


@dataclass(slots=True)
class Entity:
    """A person, organisation, place or instrument found in the text."""

    kind: str
    name: str | None
    start: int
    end: int
    variants: list[str] = field(default_factory=list)
    attrs: dict[str, Any] = field(default_factory=dict)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    id: str = ""


def head_of(words: list[str]) -> tuple[str, str] | None:
    """The word that tells what a run names: an instrument, a body or a site.

    English names put the head last before their complement: ``Open Data Initiative``
    is an initiative, ``Zenda Law Courts`` a court, ``Code of Civil Procedure`` a code. So
    the last head word before the first ``of``/``on``/``for`` wins; else the first head anywhere.
    """
    return _head_of(tuple(words))


#: Words that make a body's head word a place of custody: "Correctional Centre", "Detention
#: Centre", "Remand Home".
CUSTODY_WORDS = frozenset(("Correctional", "Detention", "Remand"))


@functools.lru_cache(maxsize=8192)
def _head_of(words: tuple[str, ...]) -> tuple[str, str] | None:
    """:func:`head_of`, read once for each run of words: a name is classified again at each of
    its mentions, and by several rules."""
    if words and words[-1] in POST_TAILS:
        return None  # "the Vela Regional Police Commander": a post, held by a person
    first = next(
        (i for i, w in enumerate(words) if w in ("of", "on", "for", "against", "in")), len(words)
    )
    for k in range(first - 1, -1, -1):
        bare = words[k].strip('“”"')
        bare = bare[:-2] if bare.endswith(("’s", "'s")) else bare
        if bare in INSTRUMENT_HEADS:
            return "instrument", bare
        if bare in ORG_HEADS:
            if k > 0 and words[k - 1] in CUSTODY_WORDS:
                return "place", bare  # "Vela Correctional Centre", "X Detention Centre": a jail
            return "organisation", bare
        if bare in SITE_HEADS:
            if k > 0 and ORG_HEADS.get(words[k - 1]) in STATE_KINDS and bare not in MERE_SITE_HEADS:
                return "organisation", words[k - 1]  # "Zenda Police Station" is a body's post
            return "place", bare
    for w in words:
        if w.strip('“”"') in INSTRUMENT_HEADS:
            return "instrument", w.strip('“”"')
    for k, w in enumerate(words):
        bare = w.strip('“”"').rstrip("’'s") if w.endswith(("’s", "'s")) else w.strip('“”"')
        if bare in ORG_HEADS:
            return "organisation", bare
        if bare in SITE_HEADS:
            if k + 1 < len(words) and words[k + 1] in ORG_HEADS:
                # "Writers in Prison Committee": a body named for the place it works on
                return "organisation", words[k + 1]
            later = next((x for x in words[k + 1 : _phrase_end(words, k)] if x in ORG_HEADS), None)
            if later is not None:
                # "A B of the Vela Road Magistrates Court": the name after "of" puts its head
                # last too, and a site word before it names where the body sits
                return "organisation", later
            return "place", bare
    return None


def _phrase_end(words: tuple[str, ...], k: int) -> int:
    """Where the noun phrase of ``words[k]`` ends: at the next "of", "on", "for", "against"
    or "in", or with the run."""
    return next(
        (i for i in range(k + 1, len(words)) if words[i] in ("of", "on", "for", "against", "in")),
        len(words),
    )


#: Words that end the name of a post, not of a body: "Police Commander", "Police Chief".
POST_TAILS = frozenset(("Commander", "Chief", "Spokesperson", "Spokesman", "Spokeswoman"))


#: Common nouns written in capitals, which open a run before the name they describe: "the NGO
#: Open Voices" names a body, the noun telling its kind (but "NGO Registration Bureau" is a name).
COMMON_NOUNS_IN_CAPITALS = frozenset({"NGO", "NGOs"})


#: Plural nouns for people of a body, capitalised where they open a sentence: "Officers of the
#: Zenda Police", "Agents from the State Security Service".
PEOPLE_OF = frozenset(
    "Officials Officers Agents Members Employees Staff Soldiers Guards Investigators Inspectors "
    "Men Women People Representatives Delegates Lawyers Judges Prosecutors".split()
)


#: The head words that "Appeal" opens a body's name before: "Appeal Chamber", "Appeals Court".
APPEAL_BODY_HEADS = (["Chamber"], ["Court"], ["Division"], ["Tribunal"], ["Board"], ["Panel"])


#: A capitalised word of seven letters or more ending in "-ing": a gerund, not a given name
#: ("Jing", "Ming" are shorter).
GERUND = re.compile(r"[A-Z][a-z]{3,}ing")


def strip_leading(words: list[str], toks: list[tuple[str, int, int]]) -> int:
    """Index of the first token that is not a capitalised function word or honorific."""
    i = 0
    while i < len(words) and (
        words[i] in CAP_STOP
        or words[i].rstrip(".") in HONORIFICS
        or words[i] in MONTHS
        or (words[i] in COMMON_NOUNS_IN_CAPITALS and head_of(words[i + 1 :]) is None)
    ):
        if words[i] == "A" and words[i + 1 : i + 2] == ["."]:
            break  # "A. Novak": an initial, not the article
        if words[i] in ("Appeal", "Appeals") and words[i + 1 : i + 2] in APPEAL_BODY_HEADS:
            break  # "the Appeal Chamber of the X Court": the word names the body
        i += 1
    if 0 < i < len(words) - 1 and words[i] in ("for", "from", "of"):
        i += 1  # "Except for A B", "Apart from A B": the function word's own preposition
    if (
        i + 2 < len(words)
        and words[i] in PEOPLE_OF
        and words[i + 1] in ("of", "from", "at", "with")
        and (words[i + 2][:1].isupper() or words[i + 2] == "the")
    ):
        i += 2  # "Officials from the Ministry of X" opening a sentence: the people, then the body
    return i


def strip_titles(words: list[str], i: int) -> int:
    """Skip descriptive words before a person's name: ``Russian President``, ``Judge``."""
    if len(words) - i >= 3 and GERUND.fullmatch(words[i]) and words[i] not in COUNTRIES:
        i += 1  # "Sending A B C to prison ... is": a gerund opening a sentence before the name
    while i < len(words) and (
        words[i] in TITLE_STOP
        or words[i].rstrip(".") in HONORIFICS
        or words[i] in DEMONYMS
        # the full stop of an abbreviated title read as a word of its own: "H.E. A B"
        or (words[i] == "." and i > 0 and words[i - 1] in TITLE_STOP)
    ):  # "Russian President A B", "Cameroonian A B"
        i += 1
    return i


#: Points of the compass and the parts of a continent they join into one region's name.
COMPASS = frozenset("East West North South Central".split())
REGION_PARTS = COMPASS | frozenset("Horn Southern Northern Eastern Western".split())


def split_and(run: Run, joined: frozenset[tuple[str, str]] = frozenset()) -> list[Run]:
    """Split ``A and B`` unless ``and`` joins two adjectives inside one name, or joins the two
    words it joins in a name the text spells out with its abbreviation (``joined``, from
    :func:`names_with_and`)."""
    words = run.words
    if "and" not in words and "or" not in words:
        return [run]  # most runs: the run itself, not a copy of it
    out, last = [], 0
    for i, w in enumerate(words):
        if w not in ("and", "or") or i == 0:
            continue
        opened = max((k for k in range(i) if words[k] == "("), default=-1)
        if opened >= 0 and ")" not in words[opened:i]:
            continue  # "Criminal Law (Codification and Reform) Act": inside the name's bracket
        if joined and i + 1 < len(words) and (words[i - 1], words[i + 1]) in joined:
            continue  # "National Intelligence and Security Service", spelled out once
        if words[i - 1] in COMPASS and words[i + 1 : i + 2] and words[i + 1] in REGION_PARTS:
            continue  # "East and Horn of Africa", "Middle East and North Africa": one region
        cites = words[i + 1 : i + 2] in (["Article"], ["Articles"], ["Section"], ["Sections"])
        if (
            i >= 2
            and (
                words[i - 2] in ("on", "of", "for", "against", "from")
                # "League for the Promotion and Defense of Human Rights": after "for the" too,
                # where what follows "and" names no body of its own
                or (
                    i >= 3
                    and words[i - 2] == "the"
                    and words[i - 3] in ("of", "for")
                    and not head_of(words[i + 1 :])
                    and not head_of(words[i - 1 : i])
                )
            )
            and not cites
            and words[i + 1 : i + 2] != ["the"]  # "... against Torture and the Zenda Code"
            and not (w == "and" and _given_and_family_name(words[i + 1 :]))
        ):
            continue
        again = words[i + 1 : i + 2] == ["of"]  # "the Declaration ... and of the ICCPR": two
        if not cites and not again and _one_instrument(words[last:i], words[i + 1 :]):
            continue
        if _one_ministry(words[last:i], words[i + 1 :]):
            continue
        if _two_places_one_body(words, last, i):
            continue  # "Jammu and Kashmir Police": a body of a region named by two words
        if _one_body_for_causes(words[last:i], words[i + 1 :]):
            continue
        if _one_body_of_two_fields(words[last:i], words[i + 1 :]):
            continue
        if (
            ADJECTIVE_END.search(words[i - 1])
            and ADJECTIVE_END.search(words[i + 1] if i + 1 < len(words) else "")
            and (head_of(words[i + 2 :]) or ("",))[0] == "organisation"
        ):
            continue  # "Economic and Social Council": two adjectives of one body's head
        if (
            not cites  # "... Lawyers and Article 4": a citation starts, the name has ended
            and words[i + 1 : i + 2] != ["the"]  # "the Ministry of X and the Zenda office"
            and any(c in words[last:i] for c in ("of", "for", "on"))
            and (
                len(words) - i - 1 <= 2
                # "... for Fighting Smuggling and Transnational Organised Crime": words no
                # person's name holds
                or (len(words) - i - 1 <= 4 and any(_no_name_word(w) for w in words[i + 1 :]))
            )
            and not head_of(words[i + 1 :])
            and not any(w.rstrip(".") in HONORIFICS or w in TITLE_STOP for w in words[i + 1 :])
            and not (w == "and" and _given_and_family_name(words[i + 1 :]))
        ):
            continue  # "Protection of Human Rights Defenders and Journalists"
        out.append(
            Run(run.tokens[last][1], run.tokens[i - 1][2], run.tokens[last:i], run.words[last:i])
        )
        last = i + 1 + (words[i + 1 : i + 2] == ["the"] and i + 2 < len(words))
    if last < len(words):  # a run cut at a line's end may end with its "and": nothing after it
        out.append(Run(run.tokens[last][1], run.tokens[-1][2], run.tokens[last:], run.words[last:]))
    return [r for r in out if r.tokens]


#: The endings of adjectives a body's name joins with "and": "Economic", "Social", "Cultural".
ADJECTIVE_END = re.compile(r"[a-z](?:ic|al|ary|ive)$")
#: An abbreviation in brackets right after a name: "(NISS)".
ABBREVIATION_AFTER = re.compile(r"\s*\(([A-Z]{3,8})\)")


def names_with_and(flat: str, runs: list[Run]) -> frozenset[tuple[str, str]]:
    """The words on either side of "and" in names that the abbreviation in brackets after
    them spells whole: "National Intelligence and Security Service (NISS)" gives
    ("Intelligence", "Security"), so that the name is not split there, nor where the text
    names the body again without the brackets."""
    pairs = set()
    for run in runs:
        words = run.words
        if "and" not in words:
            continue
        acr = ABBREVIATION_AFTER.match(flat, run.end)
        if acr is None:
            continue
        for j in range(len(words)):
            if not words[j][:1].isupper():
                continue  # the spelled-out name opens with its first letter's word, not "and"
            if "".join(w[0] for w in words[j:] if w[:1].isupper()) == acr.group(1):
                pairs.update(
                    (words[k - 1], words[k + 1])
                    for k in range(j + 1, len(words) - 1)
                    if words[k] == "and"
                )
                break
    return frozenset(pairs)


def _two_places_one_body(words: list[str], last: int, i: int) -> bool:
    """ "A and B Police", "A and B High Court": one word, "and", one word and a state body's
    head word that ends the run; neither side's word a head, a title or an honorific."""
    left, right = words[last:i], words[i + 1 :]
    if len(left) != 1 or len(right) != 2 or words[i] != "and":
        return False
    if right[-1].endswith(("'s", "’s")):
        right = [right[0], right[-1][:-2]]  # "A and B Police's unit"
    head = head_of(right)
    return (
        head is not None
        and head[0] == "organisation"
        and head[1] == right[-1]
        and ORG_HEADS.get(head[1]) in ("police", "court")
        and left[0][:1].isupper()
        and right[0][:1].isupper()
        and head_of(left) is None
        and head_of(right[:1]) is None
        and left[0] not in TITLE_STOP
        and left[0].rstrip(".") not in HONORIFICS
    )


def _one_ministry(left: list[str], right: list[str]) -> bool:
    """A ministry's portfolios joined by "and" are one name: "Ministry of Foreign Affairs and
    International Cooperation"; "Ministry of Justice and the Zenda Police" are two bodies. A
    sentence's first "The" may lead the run."""
    if left[:1] == ["The"]:
        left = left[1:]
    if not left or left[0] != "Ministry" or "of" not in left or not right or len(right) > 3:
        return False
    rh = head_of(right)
    return right[0] != "the" and (rh is None or ORG_HEADS.get(rh[1]) not in STATE_KINDS)


def _given_and_family_name(words: list[str]) -> bool:
    """Two capitalised words, neither a plural, a cause nor an abstract noun, read as a
    person's name: "the Centre for Civil Rights and Ana Lee" names a body and a person; "...
    Defenders and Journalists", "... Justice and Human Rights", "... of Archives and
    Internal Security" continue one name."""
    return len(words) == 2 and all(
        w[:1].isupper() and not COMMON_PLURAL.search(w) and not _no_name_word(w) for w in words
    )


#: Endings of abstract nouns ("Security", "Cooperation", "Terrorism"), which no given or
#: family name has.
ABSTRACT_END = re.compile(r"(?:tions?|sions?|ities|ity|isms?|ness)$")
#: Common nouns of bodies' fields that no person's name holds.
FIELD_NOUNS = frozenset("Crime Crimes Security Affairs Intelligence Immigration Passports".split())


def _no_name_word(w: str) -> bool:
    """A word of a body's field or cause, no given or family name: "Security", "Crime"."""
    return w in CAUSE_NOUNS or w in FIELD_NOUNS or (len(w) >= 6 and bool(ABSTRACT_END.search(w)))


def _one_body_of_two_fields(left: list[str], right: list[str]) -> bool:
    """A field before "and" (one word with no head of its own, or ending with a field's noun),
    then words with a body's head: the two fields of one body ("Passports and Residence
    Directorate", "Fraud and Digital Evidence Protection Bureau", "Border
    Intelligence and Security Service"). A known body ("Amnesty and Human Rights Watch"), a
    place, an acronym, a title or two words of a name before "and" name something of their
    own."""
    # the words after the last lower-case one: "Officers of the Passports", "The Passports"
    k = max((j + 1 for j, x in enumerate(left) if not x[:1].isupper() or x == "The"), default=0)
    if k and (head_of(left[:k]) or ("",))[0] == "organisation":
        return False  # "Ministry of Justice and Security Service": a complement of a body's head
    left = left[k:]
    if not 1 <= len(left) <= 2 or len(right) < 2 or not right[0][:1].isupper():
        return False
    w = left[-1]
    if len(left) == 2 and not _no_name_word(w):
        return False  # "Ana Lee and Vela Police": a person, then a body
    if (
        w.isupper()
        or left[0] in COUNTRIES
        or left[0] in DEMONYMS
        or any(x in TITLE_STOP or x.rstrip(".") in HONORIFICS for x in left)
        or any(k.split()[0] == left[0] for k in KNOWN_BODIES)
        or (head_of(left) is not None and w not in FIELD_NOUNS)
        or (head_of(right[:1]) is not None and right[0] not in FIELD_NOUNS)
    ):
        return False
    rh = head_of(right)
    return rh is not None and rh[0] == "organisation" and rh[1] not in FIELD_NOUNS


#: Plural endings of the common nouns a body's name lists ("Workers", "Journalists",
#: "Communities"), which given and family names do not have ("Tomas", "Reyes").
COMMON_PLURAL = re.compile(
    r"(?:ers|ors|ists|ants|ents|ians|ies|ees|tions|ities|ships|ments|ances|ences|ings)$"
)


def _one_body_for_causes(left: list[str], right: list[str]) -> bool:
    """A body named for several causes joined by "and" is one name: "Centre for Human Rights
    and Democracy in Africa", "Bureau for Human Rights and Rule of Law". The words after "and"
    open with a cause and name no body, title or person of their own ("the Centre for Human
    Rights and Judge A B", "the Union for Peace and the Zenda Police" are two); so does one
    with "the" before the cause ("Institute for Justice and the Environment")."""
    if right[:1] == ["the"] and right[1:2] and right[1] in CAUSE_NOUNS:
        right = right[1:]
    if not right or right[0] not in CAUSE_NOUNS:
        return False
    lh = head_of(left)
    if lh is None or lh[0] != "organisation" or not any(w in ("of", "for", "on") for w in left):
        return False
    rh = head_of(right)
    return (rh is None or rh[0] != "organisation") and not any(
        w.rstrip(".") in HONORIFICS or w in TITLE_STOP for w in right
    )


def _one_instrument(left: list[str], right: list[str]) -> bool:
    """``and`` inside one instrument's name: "Press and Publications Act"
    (the left part names nothing itself), "Law against Crime and Financing of Terrorism" (the
    right part names nothing itself). "the Criminal Code and the Press Law" are two."""
    lh, rh = head_of(left), head_of(right)
    if lh is None and rh is not None and rh[0] == "instrument":
        return not any(w.rstrip(".") in HONORIFICS or w in TITLE_STOP for w in left)
    return (
        lh is not None
        and lh[0] == "instrument"
        and rh is None
        and any(w in ("of", "on", "for", "against") for w in left)
        and not any(w.rstrip(".") in HONORIFICS or w in TITLE_STOP for w in right)
    )


ACRONYM_DEF = re.compile(
    r"(?:,\s*\d{4})?\s*\((?P<acr>[A-ZÖÜŞİ][A-Za-zÖÜŞİ]{1,9}(?: [A-Z][a-z]+)?)\)"
)


class Entities:
    """All entities of one appeal, by kind, with lookup by name."""

    def __init__(self) -> None:
        self.items: list[Entity] = []
        #: Names a mention showed to be no person's (a work's title, a place, a body): no
        #: other mention of the same words makes a person of them.
        self.not_persons: set[str] = set()

    def find(self, kind: str, name: str) -> Entity | None:
        key = _key(name)
        for e in self.items:  # a loop without a generator: this runs for every name added
            if e.kind != kind:
                continue
            if _key(e.name or "") == key:
                return e
            for v in e.variants:
                if _key(v) == key:
                    return e
        return None

    def add(self, e: Entity) -> Entity:
        old = self.find(e.kind, e.name or "") if e.name else None
        if old:
            old.mentions.append((e.start, e.end))
            for v in e.variants:
                if v not in old.variants and v != old.name:
                    old.variants.append(v)
            return old
        e.mentions.append((e.start, e.end))
        self.items.append(e)
        return e

    def of(self, kind: str) -> list[Entity]:
        return [e for e in self.items if e.kind == kind]


def holds(items: list[Entity], e: Entity) -> bool:
    """``e in items``: the entity itself is looked for first, by identity, in C. ``in`` would
    compare it field by field (the dataclass's ``__eq__``, a Python call building two tuples)
    with every item before it; only where it is not there is ``in`` asked, for an equal one."""
    return any(map(operator.is_, items, itertools.repeat(e))) or e in items


@functools.lru_cache(maxsize=8192)
def _key(name: str) -> str:
    return NON_WORD.sub(" ", name.lower().replace("’", "'")).replace(" the ", " ").strip()


POST_WORDS = frozenset(
    """Chair Chairperson Chairman Chairwoman Chair-Rapporteur President Vice-President Director
Coordinator Head Secretary Member Members Commissioner Rapporteur Founder Co-founder Deputy
Spokesperson Representative Co-Chair Co-Chairperson Vice-Chair Vice-Chairperson Speaker
Bâtonnier""".split()
)


STATE_KINDS = {"court", "prosecution", "police", "security_service", "ministry", "government",
               "parliament", "state_enterprise"}  # fmt: skip


COUNTRY_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(c) for c in sorted(COUNTRIES, key=len, reverse=True)) + r")\b"
)


DEMONYM_RE = re.compile(r"\b(?:" + "|".join(sorted(DEMONYMS, key=len, reverse=True)) + r")\b")


DEMONYM_BEFORE_RE = re.compile(
    r"\b(?P<d>" + "|".join(sorted(DEMONYMS, key=len, reverse=True)) + r")\s+(?:\w+\s+)?$"
)


def country_in(text: str) -> str | None:
    m = COUNTRY_RE.search(text)
    return m.group() if m else None
