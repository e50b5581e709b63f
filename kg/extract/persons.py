"""Persons: candidates from runs and honorifics, merged mentions, spelling variants the text
gives, and unnamed actors ("his lawyer", "unknown men").
"""

from __future__ import annotations

import functools
import re
import unicodedata

from kg.extract.entities import POST_WORDS, Entities, Entity, head_of
from kg.extract.entities import holds as _holds
from kg.extract.events import VERB_FRAMES, WEEKDAYS
from kg.extract.lexicon import (
    CAP_STOP,
    COUNTRIES,
    DEMONYMS,
    FOREIGN_BODY_WORDS,
    FORM_WORDS,
    GENDER_NOUN_RE,
    GENDER_NOUNS,
    HONORIFICS,
    LEGAL_FORM,
    MONTHS,
    NAME_TITLES,
    NON_NAME,
    NOT_NAME_WORDS,
    NUMBER_WORDS,
    ORG_HEADS,
    PARTICLE_NAME_HEADS,
    PERSON_TITLES,
    PLURAL_TITLES,
    TITLE_STOP,
)
from kg.extract.scan import (
    LiteralPlaces,
    TailPattern,
    find_words,
    finditer_around,
    finditer_at,
    finditer_indexed,
    finditer_prefixed,
    finditer_words,
    holds_any,
    occurrences,
    opens_with_literal,
)
from kg.extract.text import (
    ARTICLE_PREFIX,
    CONNECTORS,
    DIGRAPH_INITIALS,
    INITIAL,
    LINE_OPENERS,
    NAME_PARTICLES,
    PATRONYMIC_ENDS,
    Doc,
    Run,
    clean,
)

#: "la" after "de" inside a name ("Ana María de la Cruz"), "y" between a Spanish name's two
#: surnames ("Ana María López y Cruz"); runs join them only there.
NAME_PARTICLES = NAME_PARTICLES | {"la", "y"}

# ---------------------------------------------------------------- persons

#: Vietnamese letters end a name's word too: "Thị", "Hương" ("Nguyễn Thị Lan").
NAME_WORD = re.compile(
    r"^[A-ZÀ-ÞĀ-Žİ][\w’'\-]*[a-zà-ÿā-žđơưạ-ỹ]$|^[A-ZÀ-ÞĀ-Žİ][a-zà-ÿā-žđơưạ-ỹ]$"
    r"|^(?:al|el|as|ash|ad|an|ar|at|az|ul)-[A-ZÀ-ÞĀ-Žİ][\w’'\-]*[a-zà-ÿā-ž]$"
    r"|^d['’][A-ZÀ-ÞĀ-Žİ][\w’'\-]*[a-zà-ÿā-ž]$"  # "d'Almeida": an elided "de"
    r"|^[A-ZÀ-Þ](?:\.[A-ZÀ-Þ])*$"  # an initial
    r"|^[A-Z]/[A-Z][a-z]+$"  # "W/Michael": a first part shortened to a letter and a stroke
)
TITLE_RX = [(re.compile(rf"\b(?:{t})s?,?\s*$"), r1, r2) for t, r1, r2 in PERSON_TITLES]
#: A lawyer who acts for someone: "his lawyer", "the defence counsel", "a state-appointed lawyer".
POSSESSIVE_LAWYER = re.compile(
    # "the journalists' lawyer", "the defender's lawyer": a possessive of any noun
    # ("the defence – lawyers A and B –": the defence set off by a dash)
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Dd]efen[cs]e(?:\s+[–—-])?|[A-Za-z][\w’'\-]+[’']s|[\w-]+s[’']|[Ss]tate|"
    r"[Ll]egal aid|"
    r"(?:[Ss]tate|[Cc]ourt|[Gg]overnment)-appointed|appointed (?:a|an|the))\s+(?:\w+\s+)?"
    r"(?:lawyer|counsel|attorney|advocate)s?,?\s*$"
)


#: Words that never stand right before a person's name: a place follows "in", a name with
#: "the" before it is a body, a region or a thing ("the Sierra Madre", "the Zenda Valley").
PLACE_BEFORE = re.compile(r"\b(?:the|in|at|near|outside)\s*$")
#: A way to or from a place: "on the road to Vela Nova", "a flight from Zenda".
ROUTE_BEFORE = re.compile(
    r"\b(?:road|highway|motorway|route|flights?|trains?|buses?)\s+(?:to|from)\s+$"
)
#: A part of a place after the place's possessive: "(in Vela Nova's) Kastra district",
#: "(in Vela's) outskirts".
PART_OF_PLACE_AFTER = re.compile(
    r"(?:[’']s)?\s+(?:[A-ZÀ-ÞĀ-Žİ][\w’'-]*\s+){0,3}(?:district|province|region|suburbs?|"
    r"neighbou?rhood|quarter|outskirts|old town|city cent(?:re|er)|port|harbou?r)\b"
)
#: A place told by what it is, in apposition after its name: "Ostra Bela, a military camp in
#: the north", "Vela, a village near the border".
PLACE_APPOSED = re.compile(
    r",\s+an?\s+(?:[a-z][\w-]*\s+)?(?:village|town|city|district|camp|suburb|province|"
    r"neighbou?rhood|island|settlement|municipality)\b(?![-\w])(?!\s+(?:leader|chief|head|official))"
)


def _post_or_body_word(w: str) -> bool:
    """A word of a post or of a body's name, which a person's name follows."""
    return w in CONNECTORS or w in NON_NAME or w in ORG_HEADS or w in TITLE_STOP or w in POST_WORDS


def _is_acronym(w: str) -> bool:
    return len(w) >= 2 and w.isupper() and w.isalpha()


def _opens_a_body(doc: Doc, toks: list[tuple[str, int, int]]) -> bool:
    """Whether the words open a body's name the text tells in full ("Kastra Vela" of "the
    Kastra Vela Legal Aid Association")."""
    words = [t for t, _, _ in toks]
    if len(words) < 2:
        return False
    named = re.compile(r"\b" + r"\s+".join(map(re.escape, words)) + r"((?:\s+[A-Z][\w’'-]*){1,4})")
    for m in named.finditer(doc.flat):
        if any(w in ORG_HEADS for w in m.group(1).split()):
            return True
    return False


#: Verbs a headline opens with to call for someone: "Free A B", "Release A B".
HEADLINE_CALLS = frozenset({"Free", "Release", "Save", "Protect"})
#: The start of a line or of what follows a headline's colon or dash.
HEADLINE_START = re.compile(r"(?:^|\n|[:|–—-])[ \t]*$")
#: A quoted title, then a bracket: what the bracket opens with is the title in its own language.
QUOTED_TITLE_BRACKET = re.compile(r"[”\"]\s*\($")
#: Possessive pronouns, capitalised in a title's words: no word of a name.
POSSESSIVE_PRONOUNS = frozenset({"Her", "His", "Their", "Its", "Our", "Your", "My"})
#: What ``[’']s?$`` finds at the end of a token (which holds no line break).
POSSESSIVE_ENDS = ("’", "'", "’s", "'s")


#: Last words of a minister's portfolio ("of Foreign Affairs", "for Public Security"), which
#: no personal name ends with.
PORTFOLIO_WORDS = frozenset(
    """Affairs Security Defence Defense Interior Finance Health Education Labour Labor
Information Communications Trade Industry Agriculture Environment Culture Welfare
Administration Planning Resources Works Transport Energy Development Justice Rights""".split()
)


POSSESSIVE_END = re.compile(r"[’']s$")
#: The possessive of a name that ends in "s", written with the mark alone: "Ríos’".
BARE_POSSESSIVE = re.compile(r"(?<=s)[’']$")


#: The words a post and its body open with: a title, a post, a connector (one set, made once).
_POST_OPENERS = TITLE_STOP | POST_WORDS | CONNECTORS


def add_person_candidate(
    doc: Doc, ents: Entities, run: Run, first: int, last: int | None = None
) -> None:
    """A run of two to four name-shaped words that is not a body, place or instrument."""
    toks = run.tokens[first : None if last is None else last + 1]
    # the rules below only take tokens away, and a name needs two words: most runs are one
    # capitalised word, told at once
    if len(toks) < 2 or sum(t not in NAME_PARTICLES and t != "." for t, _, _ in toks) < 2:
        return
    if (
        toks[0][0] in ("of", "for", "on")
        and toks[-1][0] in PORTFOLIO_WORDS
        and first > 0
        and _post_or_body_word(run.tokens[first - 1][0])
    ):
        return  # "the Minister of Foreign Affairs": the post's portfolio, not a name
    if (
        len(toks) >= 3
        and toks[0][0] in HEADLINE_CALLS
        and HEADLINE_START.search(doc.text, max(0, toks[0][1] - 3), toks[0][1])
    ):
        toks = toks[1:]  # "Zembla: Free A B": a headline's call, not a word of the name
    # "Justice A B of the X High Court": the name stands before its complement
    cut = next((k for k, t in enumerate(toks) if t[0] in CONNECTORS), len(toks))
    if cut < len(toks) and any(t[0] in TITLE_STOP or t[0] in POST_WORDS for t in toks[:cut]):
        # "UN High Commissioner for Human Rights A B": the name follows the post and its body
        k = max(i for i, t in enumerate(toks) if _post_or_body_word(t[0]))
        if len(toks) - k - 1 in (2, 3):
            toks, cut = toks[k + 1 :], len(toks) - k - 1
    if cut >= 2:
        toks = toks[:cut]
    # "Special NIA Judge A B", "DCI Director A B": the name follows the last title word
    titles = [
        k
        for k, t in enumerate(toks[:-2])
        if t[0] in TITLE_STOP or t[0] in PLURAL_TITLES or _is_acronym(t[0])
    ]
    if titles:
        if _is_acronym(toks[titles[-1]][0]) and _opens_a_body(doc, toks[titles[-1] + 1 :]):
            return  # "(LBH Kastra Vela)" after "the Kastra Vela Legal Aid Association": the
            # body's short form, its acronym and the words its full name opens with
        toks = toks[titles[-1] + 1 :]
    if cut <= 1 and len(toks) >= 3 and toks[0][0] in _POST_OPENERS:
        # "Minister of Interior A B", "Head of the Border Service A B": the name follows the
        # post and the body, after the last word that belongs to a body's name
        k = max(i for i, t in enumerate(toks) if _post_or_body_word(t[0]))
        if len(toks) - k - 1 in (2, 3):
            toks = toks[k + 1 :]
        elif (line := _last_line_start(doc, toks)) and len(toks) - line in (2, 3):
            # "... Leader of the Islamic Republic of Zembla" above "A B C, Head of the
            # Judiciary": an address list's post line runs on; the name opens the next line
            toks = toks[line:]
        if len(toks) >= 3 and toks[0][0] in COUNTRIES and "\n" in doc.text[toks[0][2] : toks[1][1]]:
            # "President of the Republic of Moldova" over "A B, Minister of ...": an address
            # list's lines run on; the name opens the next line
            toks = toks[1:]
    while toks and (
        toks[-1][0] in CONNECTORS or (toks[-1][0] in CAP_STOP and not _given_an(doc, toks))
    ):
        toks = toks[:-1]
    if toks and DATELINE_AFTER.match(doc.flat, toks[-1][2]):
        # "... of Mr. A B" above "Paris-Geneva, May 12, 2021": a heading, then the dateline's
        # place on the next line, which is no part of the name
        k = next((k for k in range(len(toks) - 1, 0, -1)
                  if "\n" in doc.text[toks[k - 1][2] : toks[k][1]]), None)  # fmt: skip
        if k is not None:
            toks = toks[:k]
    if (
        toks
        and (
            not toks[-1][0].endswith(POSSESSIVE_ENDS)
            # "in Vela Nova's Kastra district": a place's part after a possessive
            or PART_OF_PLACE_AFTER.match(doc.flat, toks[-1][2])
        )
        and (
            PLACE_BEFORE.search(doc.flat[max(0, toks[0][1] - 8) : toks[0][1]])
            or ROUTE_BEFORE.search(doc.flat, max(0, toks[0][1] - 20), toks[0][1])
        )
    ):
        k = next(
            (k for k, t in enumerate(toks) if t[0].endswith(POSSESSIVE_ENDS)),
            len(toks) - 1 if doc.flat.startswith(("’s", "'s"), toks[-1][2]) else None,
        )
        if k is not None and PART_OF_PLACE_AFTER.match(doc.flat, toks[k][2]):
            # "in Vela Nova's Kastra district": "Vela Nova", named again, is that place
            place = HYPHEN_GAP.sub("-", clean(doc.flat[toks[0][1] : toks[k][2]]))
            ents.not_persons.add(POSSESSIVE_END.sub("", place))
        if PLACE_NOUN_AFTER.match(doc.flat, toks[-1][2]):
            # "to the Kora Dal army camp": the place, named alone elsewhere too
            ents.not_persons.add(HYPHEN_GAP.sub("-", clean(doc.flat[toks[0][1] : toks[-1][2]])))
        return  # "in the Sierra Madre", "in Amira Kadal": people are not "in" or "the"
    if toks and PLACE_APPOSED.match(doc.flat, toks[-1][2]):
        _told_apart(doc, ents, toks)
        return  # "Ostra Bela, a military camp": a place, told by what it is
    if (
        toks
        and QUOTED_BEFORE_NOUN.match(doc.flat, toks[-1][2])
        and doc.flat[toks[0][1] - 1 : toks[0][1]] in ('"', "“")
    ):
        _told_apart(doc, ents, toks)
        return  # 'the "Woman Life Freedom" uprising': a quoted name of a movement or campaign
    if toks and QUOTED_TITLE_BRACKET.search(doc.flat, max(0, toks[0][1] - 4), toks[0][1]):
        _told_apart(doc, ents, toks)
        return  # '“Song of the River” (Wimbo wa Mto)': a quoted title in its own language
    if toks and WORK_BEFORE.search(doc.flat, max(0, toks[0][1] - 40), toks[0][1]):
        _told_apart(doc, ents, toks)
        return  # "his novel The Greedy X", "the film Y": the title of a work
    if toks and MEMBER_OF_BEFORE.search(doc.flat, max(0, toks[0][1] - 40), toks[0][1]):
        _told_apart(doc, ents, toks)
        return  # "a member of Open Dialog", "the founder of Vela Voices": a body
    while toks and (
        (toks[-1][0] in NAME_PARTICLES and toks[-1][0] not in PATRONYMIC_ENDS) or toks[-1][0] == "."
    ):
        toks = toks[:-1]
    if toks and toks[0][0] in NAME_PARTICLES:
        return
    if toks and toks[0][0] in PARTICLE_NAME_HEADS and any(t[0] in NAME_PARTICLES for t in toks):
        return  # "Plaza de la Libertad": a place or body whose name a particle joins
    # particles and an initial's full stop belong to the name but are not words of it
    words = [t for t, _, _ in toks if t not in NAME_PARTICLES and t != "."]
    if not 2 <= len(words) <= (5 if len(words) < len(toks) else 4):
        return
    if INITIAL.match(words[-1]) and not (
        # "Ivo Ram K.D.", "Rina K.D.": a surname written as initials run together
        "." in words[-1] and not INITIAL.match(words[-2])
    ):
        # a name ends with a surname, not an initial; a run of initials alone ("U. S.") ends
        # with one too, so its words need no test of their own
        return
    if any(w.lower() in FORM_WORDS for w in words) and (
        re.match(r"[ \t]*:", doc.flat[toks[-1][2] : toks[-1][2] + 3])
        or all(w.lower() in FORM_WORDS for w in words)
    ):
        return  # a form label ("Initial Date:", "Event Description:"), not a person
    if any(
        w in CONNECTORS
        or w in MONTHS
        or w in WEEKDAYS  # "Last Friday, 9 May, she was ..."
        or w in POSSESSIVE_PRONOUNS  # "Drop the Case Against Her Staff": a title's words
        or (
            w in COUNTRIES
            and not (k == len(words) - 1 and _country_surname(doc, words, toks))
            and not _country_word_in_name(words, k)
        )
        or w in DEMONYMS
        or (
            (w in NON_NAME or (w in TITLE_STOP and not (k > 0 and w in NAME_TITLES)))
            and not _chinese_given_name(words)
        )
        for k, w in enumerate(words)
    ):
        return
    if not all(
        NAME_WORD.match(w.rstrip("’s").rstrip("'s") or w)
        or (k == len(words) - 1 and REGNAL.match(w))  # "Rudolf IV"
        for k, w in enumerate(words)
    ):
        return
    if not_a_name(words) and not (
        # "Mr. El Mansouri": after an honorific, "El" opens a person's name, not a place's
        words[0] in PLACE_ARTICLE
        and len(words) >= 2
        and HONORIFIC_BEFORE_RUN.search(doc.flat, max(0, toks[0][1] - 6), toks[0][1])
        and not not_a_name(words[1:])
    ):
        return
    end = toks[-1][2]
    if INITIAL.match(words[-1]) and doc.flat.startswith(".", end):
        end += 1  # "K.D.": the initials' last stop is the surname's
    wrap = HYPHEN_WRAP.match(doc.text, end)
    if wrap:  # "Lee Wai-" at a line's end, "kwong" on the next: one name, written whole
        end = wrap.end()
    name = HYPHEN_GAP.sub("-", clean(doc.flat[toks[0][1] : end]))
    if POSSESSIVE_END.search(name):
        name, end = name[:-2], end - 2
    if name in COUNTRIES or name in DEMONYMS:
        return  # "Viet Nam", "Sri Lankan": a state's name or demonym of two words
    if _country_follows(doc, end):
        return  # "Vela Nova, Chile", an address block's town line above "Chile": a place
    if PLACE_NOUN_AFTER.match(doc.flat, end):
        ents.not_persons.add(name)
        return  # "Wadi Vela prison", "Kara Tepe district": the name of a place
    if words[-1].rstrip(".") in STREET_HEADS:
        ents.not_persons.add(name)
        return  # "Vela Blvd", "Kastra Rd": a street
    if ADDRESS_AFTER.match(doc.flat, end):
        ents.not_persons.add(name)
        return  # "Unit 4, Vela Mill, 12-14 Kastra Street": a building on an address line
    a = toks[0][1]
    # (an address line is short: looked for in the 120 characters before, so that a text of
    # one long line costs no scan back to its start for each run)
    lo = max(0, a - 120)
    nl = doc.text.rfind("\n", lo, a)
    if ADDRESS_BEFORE.search(doc.text, nl if nl >= 0 else lo, a):
        return  # "44 Vela Nua, Kastra Dol" in an address block: a street or a quarter
    if DESK_POST_AFTER.match(doc.flat, end):
        return  # "Great Lakes researcher at Human Rights Watch": a region or a desk
    if PLACE_OF_BEFORE.search(doc.flat, max(0, a - 20), a) or PLACES_LISTED_BEFORE.search(
        doc.flat, max(0, a - 60), a
    ):
        ents.not_persons.add(name)
        return  # "the port of Tanger Med", "the towns of Kora and Lido Nua": a place
    if THING_KNOWN_AS_BEFORE.search(doc.flat, max(0, a - 40), a):
        ents.not_persons.add(name)
        return  # 'a villa known as the “Blue House”': a place's nickname
    if QUESTION_WORDS.intersection(words):
        return  # "Reporter Who Covered the Case Detained": a headline's clause
    ents.add(Entity("person", name, toks[0][1], end))


def _told_apart(doc: Doc, ents: Entities, toks: list) -> None:
    """Keep the words of ``toks`` as a name the text shows is no person's, so that a mention
    of the same words with nothing around it to tell is not read as one ("his novel X" and
    later "the ban on X"). A possessive's ending is left out ("X's")."""
    if not toks[-1][0].endswith(POSSESSIVE_ENDS):
        ents.not_persons.add(HYPHEN_GAP.sub("-", clean(doc.flat[toks[0][1] : toks[-1][2]])))


#: What may follow a name that ends in the given name "An", never an article: a stop, or a
#: verb or pronoun an article never stands before ("Tran Thi Mai An did", "Mai An, who").
AFTER_GIVEN_AN = re.compile(
    r"[ \t]*(?:[,.;:)”’]|(?:was|is|did|does|has|had|have|who|were|said|says|told|remains)\b)"
)


def _given_an(doc: Doc, toks: list[tuple[str, int, int]]) -> bool:
    """Whether a run's last word "An" is a given name after two name words, not an article
    opening what follows ("Tran Thi Mai An, who", not "... An activist")."""
    return (
        toks[-1][0] == "An"
        and len(toks) >= 3
        and toks[-2][0][:1].isupper()
        and AFTER_GIVEN_AN.match(doc.flat, toks[-1][2]) is not None
    )


def _last_line_start(doc: Doc, toks: list) -> int | None:
    """The index of the last token of a run that opens a line, if any but the first does."""
    return next(
        (k for k in range(len(toks) - 1, 0, -1) if "\n" in doc.text[toks[k - 1][2] : toks[k][1]]),
        None,
    )


def _country_word_in_name(words: list[str], k: int) -> bool:
    """A one-word country's name between a given name and a surname is a family name ("Ana
    Chad Reed", "Ivo Montenegro Sand"): neither the run's first word nor its last (a body's
    name may end with one: "Equitable Zembla"), no other word of the run a country's or a
    demonym, and no two words around it a country's longer name ("Equatorial Guinea")."""
    if not 0 < k < len(words) - 1 or any(
        w in COUNTRIES or w in DEMONYMS for j, w in enumerate(words) if j != k
    ):
        return False
    return not any(
        " ".join(words[i : j + 1]) in COUNTRIES
        for i in range(k + 1)
        for j in range(k, len(words))
        if j > i
    )


def _country_surname(doc: Doc, words: list[str], toks: list) -> bool:
    """A country's name is a surname where it ends a name of three or four words that fills
    its line, as an address block names its addressee ("A B Montenegro" over the office's
    name): no other word of it is a country's, a demonym or a place's."""
    if len(words) < 3 or any(w in COUNTRIES or w in DEMONYMS for w in words[:-1]):
        return False
    start, end = toks[0][1], toks[-1][2]
    line_start = doc.text.rfind("\n", 0, start) + 1
    line_end = doc.text.find("\n", end)
    line_end = len(doc.text) if line_end < 0 else line_end
    return not doc.text[line_start:start].strip() and not doc.text[end:line_end].strip()


def add_given_name_sharing(doc: Doc, ents: Entities, given: Run, full: Run) -> None:
    """A lone given name before "and" and a full name shares its family name: "his brothers,
    Ivo and Tom Sand" names Ivo Sand and Tom Sand. Only where the full name is two words (a
    given name and a family name) and the lone word could be a given name."""
    if len(given.tokens) != 1 or len(full.tokens) != 2:
        return
    word, a, b = given.tokens[0]
    if doc.flat[b : full.tokens[0][1]] != " and " or not NAME_WORD.match(word):
        return
    if (
        word in TITLE_STOP
        or word in LINE_OPENERS  # "He and Tom Sand": a pronoun
        or word in NON_NAME
        or word in COUNTRIES
        or word in DEMONYMS
        or word in MONTHS
        or word in CONNECTORS
        or not_a_name([word, full.tokens[1][0]])
        # "Nationality, Passports and Residence Affairs": the words of a body, not a name
        or any(t[0] in NON_NAME or t[0] in ORG_HEADS for t in full.tokens)
        or any(word in (p.name or "").split() for p in ents.of("person"))
        or PLACE_NOUN_AFTER.match(doc.flat, full.tokens[-1][2])
        # "the towns of Kora and Lido Nua": two places after a plural of places
        or PLACES_OF_BEFORE.search(doc.flat, max(0, a - 40), a)
        # "at her home in Vela and Tom Sand at his": a place, then the next person
        or PLACE_PREPOSITION_BEFORE.search(doc.flat, max(0, a - 8), a)
    ):
        # "Judge and Tom Sand", "Zembla and Tom Sand", "Lee and Tom Lee" (Lee named), "the
        # Kora and Vela Nua communities" (two peoples)
        return
    family = full.tokens[1][0]
    ents.add(Entity("person", f"{word} {family}", a, b))


#: A lower-case noun for a place, a thing or a people right after a run: the run names the
#: place, the thing or the people ("Wadi Vela prison", "a Morning Star flag", "the Vela Nua
#: people").
PLACE_NOUN_AFTER = re.compile(
    r" (?:prison|jail|detention (?:centre|center|facility)|penal colony|"
    r"(?:(?:military|army|detention|refugee|prison|labou?r) )?camp|district|"
    r"province|region|village|town|city|square|neighbou?rhood|governorate|county|"
    r"municipality|highlands|valley|river|port|harbou?r|dam|mine|highway|bridge|flag|"
    # "the destruction of Vela Nua lake", "Vela Nua airport": a lake, a mountain, an airport
    r"lake|lagoon|wetlands?|forest|mountains?|hills?|bay|airport|"
    r"settlement|hamlet|island|regency|prefecture|commune|canton|department|"
    # "the Vela Nua people", "eleven Kora and Vela Nua communities": a people's name
    r"communit(?:y|ies)|peoples?|tribes?|clans?|"
    # "in Ha Tay and Quang Binh provinces": the plural after two places joined by "and"
    r"districts|provinces|regions|villages|towns|governorates|counties|municipalities)\b"
)
#: A staff post a rights group names by its region or desk: "said A B, Great Lakes researcher
#: at Human Rights Watch" (the run names the region, not a person).
DESK_POST_AFTER = re.compile(
    r" (?:(?:senior|deputy|associate|acting)\s+)?(?:researcher|director|campaigner|analyst|"
    r"programme director|program director|desk officer|specialist)\s+(?:at|for|with)\b"
)
#: "the port of X", "the town of X": the run after names a place.
PLACE_OF_BEFORE = re.compile(
    r"\b(?:port|town|city|village|island|district|province|region|municipality|"
    r"communit(?:y|ies)|settlement|hamlet|neighbou?rhood|suburb|commune|township|locality)"
    r"\s+of\s+$"
)
#: "in X", "near X": the run after names a place.
PLACE_PREPOSITION_BEFORE = re.compile(r"\b(?:in|near)\s+$")
#: "the cities of X and Y", "the towns of X and Y": the runs after name places.
PLACES_OF_BEFORE = re.compile(
    r"\b(?:ports|towns|cities|villages|islands|districts|provinces|regions|municipalities|"
    r"communities|settlements|neighbou?rhoods|suburbs|communes|localities|states)\s+of\s+$"
)
#: "the towns of Kora and " before a run: the second of the places listed.
PLACES_LISTED_BEFORE = re.compile(
    PLACES_OF_BEFORE.pattern.removesuffix("$") + r"(?:[A-ZÀ-ÞĀ-Žİ][\w’'-]*\s+){1,3}(?:and|or)\s+$"
)
#: Before a run on the same line of an address block: the line opens with a house number
#: ("44 Vela Nua, Kastra Dol") or a street's abbreviation ("ul. Bolshaya Vela"), or a
#: street's name and a comma come right before ("Vela Road, Lak Dol, Zembla 10210"): the
#: run is a street or a quarter.
_MONTH_NAMES = "|".join(MONTHS)
ADDRESS_BEFORE = re.compile(
    rf"(?:^|\n)[ \t]*(?:\d{{1,5}}[A-Za-z]?(?:[/-]\d{{1,4}})?[ \t]+(?!(?:{_MONTH_NAMES})\b)"
    r"(?=[A-ZÀ-ÞĀ-Ž])|"
    r"(?:ul|pr|prosp|pl|per|str|Jl|Av|Avda)\.[ \t]*)[^\n]*$"
    r"|\b(?:Road|Street|Avenue|Boulevard|Lane|Highway|Rd|St|Ave|Blvd)\.?,[ \t]*$"
    r"|\bNo\.[ \t]*\d{1,5}[A-Za-z]?,[ \t]*$"
)
#: A house number and a street right after a run: "(Vela Mill), 12-14 Kastra Street".
ADDRESS_AFTER = re.compile(
    r",[ \t]*\d{1,5}[A-Za-z]?(?:[/-]\d{1,5}[A-Za-z]?)?[ \t]+(?:[A-ZÀ-ÞĀ-Ž][\w’'-]*[ \t]+){1,3}"
    r"(?:Street|St|Avenue|Ave|Boulevard|Blvd|Road|Rd|Lane|Highway|Hwy|Square|Place)\b"
)
#: The last word of a street's name, written out or cut short; a run that ends in one names
#: the street, not a person ("Lane" is left out: it is a surname as often).
STREET_HEADS = frozenset("Street St Avenue Ave Boulevard Blvd Road Rd Highway Hwy".split())
#: "known as the “X”", "the land known as X": the nickname of a place or a thing, not a
#: person's alias.
THING_KNOWN_AS_BEFORE = re.compile(
    r"\bknown\s+as\s+the\s*[“\"]$|\b(?:village|town|area|land|lands|place|site|district|"
    r"neighbou?rhood|settlement|camp|facility|estate|farm|territory|region)\s+"
    r"(?:(?:locally|commonly|now|formerly)\s+)?known\s+as\s+[“\"]?$"
)
#: Words that ask or relate, which a headline's clause holds ("Reporter Who Covered the Case
#: Detained"), never a name.
QUESTION_WORDS = frozenset("Who Whose Which What Where Why".split())


#: A country name right after a run, as a town is written: after a comma, or alone on the next
#: line of an address block. ``[^\W\d_]`` and spaces: the words of a country's name.
COUNTRY_AFTER = re.compile(
    r"[ \t]*(?:,[ \t]*|\r?\n[ \t]*)(?P<c>[A-Z][^\W\d_’']*(?:[ -][^\W\d_’']+){0,4})"
)


def _country_follows(doc: Doc, end: int) -> bool:
    m = COUNTRY_AFTER.match(doc.text, end)
    if not m:
        return False
    words = m.group("c").split()
    # the longest run of words at the start that names a country, ended by the line or a stop
    for k in range(len(words), 0, -1):
        name = " ".join(words[:k])
        if name in COUNTRIES:
            rest = doc.text[m.start("c") + len(name) : m.start("c") + len(name) + 3]
            return bool(re.match(r"[ \t]*(?:[\r\n.;]|$)", rest))
    return False


#: A two-syllable given name written with a hyphen, after a one-word surname ("Law Ka-ming",
#: "Lam Siu-fan"): the run is a person's name even where a word of it is a common noun.
CHINESE_GIVEN = re.compile(r"^[A-Z][a-z]{1,5}-[a-z]{2,6}$")
#: The same given name first, no prefix of a word ("Co-op Bank", "Ex-con Group").
GIVEN_FIRST = re.compile(
    r"^(?!(?:Co|Ex|Anti|Pro|Non|Pre|Post|Re|Sub|Mid|Self)-)[A-Z][a-z]{1,5}-[a-z]{2,6}$"
)


def _chinese_given_name(words: list[str]) -> bool:
    """The run is a name of that shape: two or three words, the last a hyphenated given name,
    or two, the first ("Min-seo Park": the given name first, the surname a head word)."""
    return (
        len(words) in (2, 3)
        and bool(CHINESE_GIVEN.match(words[-1]))
        or (len(words) == 2 and bool(GIVEN_FIRST.match(words[0])))
    )


#: A noun for a work right before its title: "his novel The Long Night", "the documentary X".
WORK_NOUNS = (
    "novel book poem song film movie documentary play album memoir collection story essay "
    "report campaign petition hashtag slogan blog"
).split()
WORK_BEFORE = re.compile(
    r"\b(?:novel|book|poem|song|film|movie|documentary|play|album|memoir|collection|"
    r"short story|essay|report|campaign|petition|hashtag|slogan|blog)s?,?\s+"
    r"(?:(?:titled|entitled|called)\s+)?[“\"#]?(?:The\s+)?$"
    # a broadcast or column by its quoted name: 'the morning programme "X"'
    r"|\b(?:programme|program|podcast|(?:talk|radio|TV|television) show|column)s?,?\s+[“\"]$"
    # a photograph's credit line: "Photo: A B/Agency", "© A B"
    r"|\b(?:Photo(?:graph)?|Image|Credit|Picture)s?(?: credit)?\s*:\s*(?:[^/:.]{1,40}/)?$|©\s*$"
)
WORK_BEFORE = TailPattern(
    WORK_BEFORE,
    ends=[
        *(w + s for w in WORK_NOUNS for s in ("", "s")),
        *("titled", "entitled", "called", "“", '"', "#", "The", ":", "/", "©"),
    ],
    strip=",",
)


#: A post or membership in a body, right before the body's name: what follows is no person.
MEMBER_OF_BEFORE = re.compile(
    r"\b(?:members?|(?:co-)?founders?|leaders?|head|director|chair(?:man|woman|person)?|"
    r"coordinator|president|secretary|staff|employees?|volunteers?|activists?) "
    r"(?:of|at|with) (?:the )?$"
)
MEMBER_OF_BEFORE = TailPattern(MEMBER_OF_BEFORE, ends=("of", "at", "with", "the"))
#: A date right after a place, as a dateline gives it: ", May 12, 2021", ", 12 May 2021".
DATELINE_AFTER = re.compile(
    r"[ \t]*,[ \t]*(?:\d{1,2}(?:st|nd|rd|th)?[ \t]+)?(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December|\d{1,2}[./]\d{1,2}[./]\d{2,4})"
)
#: A regnal or generational number after a name.
REGNAL = re.compile(r"^(?:II|III|IV|VI|VII|VIII)$")
#: A hyphenated name broken at a line's end: the hyphen, the break, a lower-case remainder.
HYPHEN_WRAP = re.compile(r"-[ \t]*\r?\n[ \t]*[a-zà-ÿā-ž]+\b")
HYPHEN_GAP = re.compile(r"-\s+(?=[a-zà-ÿā-ž])")


#: Endings of abstract nouns ("Abolition", "Solidarity", "Terrorism", "Freedoms") and verbs
#: in "-ing" that open the name of a law or campaign ("Combating", "Countering").
ABSTRACT_NOUN = re.compile(r"(?:tions?|sions?|ities|ity|isms?|ness|ships?|doms)$")
#: The endings of ABSTRACT_NOUN: a word that ends with none of them (nor with a line break,
#: before which "$" also matches) is not searched.
ABSTRACT_ENDS = (*"tion tions sion sions ities ity ism isms ness ship ships dom doms".split(), "\n")
GERUND = re.compile(r"^[A-Z][a-z]{3,}(?:ating|ering|ecting|enting|ssing)$")
#: A compound adjective made with a name: "Zenda-based", "Potter-themed", "state-owned".
COMPOUND_ADJ = re.compile(
    r"-(?:themed|based|led|backed|owned|run|linked|affiliated|born|style|era|funded|controlled)$"
)
#: An honorific right before a run of capitalised words: "Mr. ", "Ms ".
HONORIFIC_BEFORE_RUN = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+$")
#: The first word of a law's or a code's name in Spanish, Portuguese or French.
LAW_HEADS_ABROAD = frozenset("Ley Lei Loi Código Codigo Decreto Décret Reglamento".split())
#: Articles of Spanish, Arabic or French place names: "El Fasher", "La Picota".
PLACE_ARTICLE = frozenset("El La Los Las Le Les".split())


#: A web page's calls to its reader, copied with an appeal's text: "Read More Here".
WEB_CALLS = frozenset("Read Follow Click Share Subscribe Donate Download Sign Join Visit".split())
WEB_CALL_ENDS = frozenset(
    "More Us Here Now Online Today Up Page Petition Updates Story Link PDF".split()
)


#: A word with a glottal stop inside it and at its end: the names of the Mayan peoples and
#: their languages ("K’iche’", "Q’eqchi’"), which no personal name is written like.
GLOTTAL_WORD = re.compile(r"[A-Z][a-z]{0,2}['’][a-z]+['’]")


#: The predicates a headline tells of the person it names, capitalised as a title writes
#: them ("A B Denied Bail", "A B Faces Trial", "A B Sentenced"): the trigger lexicon's past
#: forms, and the verbs headlines tell a decision or a prospect with, which no name holds.
HEADLINE_PREDICATES = frozenset(
    f[:1].upper() + f[1:] for fr in VERB_FRAMES.values() for f in fr if " " not in f
) | frozenset("Denied Refused Faces Face Facing Handed Given Gets Wins Loses Remains".split())


def not_a_name(words: list[str]) -> bool:
    """Words that say a capitalised run names a thing, a body or a place, not a person."""
    if (words[0] in PLACE_ARTICLE and not (words[0] == "Le" and len(words) >= 3)) or GERUND.match(
        words[0]
    ):
        return True  # "Le Havre" is a place, "Le Van Duc" (a Vietnamese surname first) a person
    if words[0] in LAW_HEADS_ABROAD and len(words) >= 2:
        return True  # "Ley de Comunicaciones", "Código Penal": a law's name in its language
    if any(w.endswith(("’s", "'s")) for w in words[:-1]):
        return True  # "Zenda’s Old Prison": a possessive inside is no name
    if words[0] in WEB_CALLS and any(w in WEB_CALL_ENDS for w in words[1:]):
        return True  # "Read More Here", "Follow Us On Twitter": a web page's calls
    if any("-" in w and COMPOUND_ADJ.search(w) for w in words):
        return True  # "Harry Potter-themed", "Zenda-based"
    if len(words[0]) >= 6 and words[0].endswith("ean"):
        return True  # "Crimean Tatars", "European Union": an adjective of a place
    if any(GLOTTAL_WORD.fullmatch(w) for w in words):
        return True  # "K’iche’ Maya", "Q'eqchi' Maya": a Mayan people's name, no person's
    return any(
        w in NOT_NAME_WORDS
        or w in HEADLINE_PREDICATES
        or w in FOREIGN_BODY_WORDS
        or (len(w) >= 6 and w.endswith(ABSTRACT_ENDS) and ABSTRACT_NOUN.search(w))
        for w in map(_strip_possessive, words)
    )


def _strip_possessive(word: str) -> str:
    """``re.sub(r"[’']s?$", "", word)`` for a word without a line break."""
    if word.endswith(("’s", "'s")):
        return word[:-2]
    return word[:-1] if word.endswith(("’", "'")) else word


#: A relative named by one word in apposition: "his father, Rajan," (a single name is read
#: only where a kinship noun introduces it).
KIN_SINGLE_NAME = re.compile(
    # the look-ahead names the first letters a match can have, and the possessive "++" does
    # not give back letters of a word that [’'] cannot follow: both spare the engine work
    r"(?=[HhTtA-ZÀ-ÞĀ-Žİ])\b(?:[Hh]is|[Hh]er|[Tt]heir|[A-ZÀ-ÞĀ-Žİ][\w-]++[’']s)\s+"
    r"(?:(?:younger|elder|older|youngest|eldest|late)\s+)?(?:wife|husband|father|mother|son|"
    r"daughter|brother|sister|uncle|aunt|cousin|nephew|niece),?\s+"
    r"(?P<n>[A-ZÀ-ÞĀ-Žİ][a-zà-ÿā-ž]{2,})"
    r"(?=\s*[,.;]|\s+(?:was|is|has|had|have|were|are|remains?|said|says|told|and)\b)"
)
#: The kinship nouns of KIN_SINGLE_NAME: a whole word of every match (white space before, a
#: comma or white space after).
KIN_SINGLE_NOUNS = (
    "wife husband father mother son daughter brother sister uncle aunt cousin nephew niece".split()
)
#: The words that may stand between the owner and the kinship noun: "his younger brother".
KIN_ADJECTIVES = frozenset("younger elder older youngest eldest late".split())
#: What the words before a kinship noun in KIN_SINGLE_NAME are made of besides letters and
#: digits: "Ana's", "Abu-Ali’s".
_KIN_OWNER_CHARS = frozenset("’'-_")


def _kin_single_names(doc: Doc) -> list[re.Match[str]]:
    """``KIN_SINGLE_NAME.finditer(doc.flat)``, tried only where a match may start: in the word
    right before a kinship noun of the word index, at any of its characters (the pattern is
    run at every character of the text otherwise)."""
    flat = doc.flat
    starts: set[int] = set()
    for noun in KIN_SINGLE_NOUNS:
        for k in doc.word_index.get(noun, ()):
            i, j = _word_before(flat, k)
            if flat[i:j] in KIN_ADJECTIVES:
                i, j = _word_before(flat, i)  # "his younger brother": the owner is before it
            if i < j < k:
                starts.update(range(i, j))
    return finditer_at(KIN_SINGLE_NAME, flat, sorted(starts))


def _word_before(flat: str, k: int) -> tuple[int, int]:
    """The span of the word before offset ``k``, across the white space between (letters,
    digits and the characters of an owner's name: "Ana's", "Abu-Ali’s")."""
    j = k
    while j > 0 and flat[j - 1].isspace():
        j -= 1
    i = j
    while i > 0 and (flat[i - 1].isalnum() or flat[i - 1] in _KIN_OWNER_CHARS):
        i -= 1
    return i, j


#: What one known by a single name does, said right before the name: "activist Sukarno was
#: arrested", "the journalist Ravi, who ...". Read only where the text names them so again.
SINGLE_NAME_NOUNS = (
    "activist journalist defender lawyer blogger reporter photographer unionist student "
    "farmer poet writer leader".split()
)
ROLE_SINGLE_NAME = re.compile(
    rf"(?:{'|'.join(f'[{w[0].upper()}{w[0]}]{w[1:]}' for w in SINGLE_NAME_NOUNS)})\s+"
    r"(?P<n>[A-ZÀ-ÞĀ-Žİ][a-zà-ÿā-ž]{2,})"
    r"(?=\s*[,.;]|\s+(?:was|is|has|had|have|were|are|remains?|said|says|told|and)\b)"
)
#: The nouns as the word index holds them, in lower case and capitalised.
SINGLE_NAME_WORDS = (*SINGLE_NAME_NOUNS, *(w.capitalize() for w in SINGLE_NAME_NOUNS))


def add_kin_names(doc: Doc, ents: Entities) -> None:
    """Relatives the text names by a single word after a kinship noun; others by a single
    word after what they do, where the word names them again on its own."""
    singles = []
    for m in finditer_words(ROLE_SINGLE_NAME, doc.flat, doc.word_index, SINGLE_NAME_WORDS):
        n = m.group("n")
        again = re.findall(rf"(?<![\w’'-]){re.escape(n)}(?![\w’'-])(?!\s+[A-ZÀ-ÞĀ-Žİ])", doc.flat)
        if len(again) >= 2:
            singles.append(m)
    for m in [*_kin_single_names(doc), *singles]:
        n = m.group("n")
        if n in CAP_STOP or n in NON_NAME or n in COUNTRIES or n in MONTHS or n in HONORIFICS:
            continue  # "his wife Mrs. A B": the honorific opens a full name read elsewhere
        if not_a_name([n]):
            continue
        if any(n in (p.name or "").split() for p in ents.of("person")):
            continue  # a short form of a name already found
        ents.add(Entity("person", n, m.start("n"), m.end("n")))


def split_head_from_person(doc: Doc, ents: Entities) -> None:
    """ "members of Parliament A B": a body's head word run into a person's name found
    elsewhere is no body; the rest is a mention of that person."""
    people = {p.name: p for p in ents.of("person") if p.name}
    for o in ents.of("organisation"):
        first, _, rest = (o.name or "").partition(" ")
        p = people.get(rest)
        if first in ORG_HEADS and p is not None and len(rest.split()) >= 2:
            for a, b in o.mentions:
                p.mentions.append((a + len(first) + 1, b))
            ents.items.remove(o)


def instruments_named_as_persons(ents: Entities) -> None:
    """ "Kevin Law" where "Kevin Law Ka-ming" is a person: the head word "Law" is a surname
    here, and the run is a short form of that person's name, not an instrument."""
    people = [p for p in ents.of("person") if p.name and _chinese_given_name(p.name.split())]
    for i in list(ents.of("instrument")):
        for p in people:
            if (p.name or "").startswith((i.name or "") + " ") and len((i.name or "").split()) == 2:
                p.mentions.extend(i.mentions)
                p.variants.append(i.name or "")
                ents.items.remove(i)
                break


#: Words after which a capitalised run names a place: "arrested in X Y", "the state of X Y".
PLACE_LEAD = (
    r"(?:\b(?:in|at|near)|\b(?:state|province|region|district|city|town|village|county|"
    r"department|municipality|governorate|oblast|prison|jail|camp) of)\s+"
)


PLACE_LEAD_RE = re.compile(PLACE_LEAD)
#: The words a match of PLACE_LEAD_RE starts with.
PLACE_LEAD_WORDS = (
    "in at near state province region district city town village county department "
    "municipality governorate oblast prison jail camp"
).split()
#: A place's name after a lead, then a comma: the name after it, up to the sentence's end, is
#: the larger place the first lies in ("in the municipality of X, Y Z.", "near X, Y.").
_PLACE_WORD = r"[A-ZÀ-ÞĀ-Žİ][\w’'-]*"
PLACE_IN_PLACE = re.compile(
    rf"{_PLACE_WORD}(?:[ \t]+{_PLACE_WORD}){{0,3}},[ \t]*\n?[ \t]*"
    rf"(?={_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,3}}[ \t]*[.;])"
)
#: What may follow a place's name: not more of a word, not another capitalised word.
PLACE_END = re.compile(r"(?![\w’'-])(?!\s+[A-ZÀ-ÞĀ-Žİ])")


def drop_places_and_bodies(doc: Doc, ents: Entities) -> None:
    """A run the text uses as a place ("in X Y") or names as a body is no person where it
    stands alone elsewhere ("the usurpation of X Y", "X Y members")."""
    bodies = {n for o in ents.of("organisation") for n in (o.name, *o.variants) if n}
    # "the company Vela Waters S.A. de C.V.", later "Vela Waters filed a complaint": the
    # company's name without its legal form
    bodies |= {m.group(1) for n in list(bodies) if (m := LEGAL_FORM_END.match(n))}
    leads = place_leads(doc.flat, doc.word_index)
    # a people's noun the text holds, at all (most texts name no people)
    peoples = any(w in doc.word_index for w in PEOPLE_NOUNS)
    for p in list(ents.of("person")):
        name = p.name or ""
        if len(name.split()) < 2 or p.variants:
            continue
        if (
            name in bodies
            or name in ents.not_persons
            or used_as_place(doc.flat, leads, name)
            or REGION.fullmatch(name)
            or (peoples and _names_a_people(doc.flat, name))
            or _dateline_place(doc.text, name)
        ):
            ents.items.remove(p)


#: A company's name, then its legal form at the end ("Vela Waters S.A. de C.V.").
LEGAL_FORM_END = re.compile(rf"^(.+?),?\s+(?:{LEGAL_FORM.pattern})$")
#: A region of the world: a compass word and a continent ("South America", "Southeast Asia").
REGION = re.compile(
    r"(?:South|North|East|West|Central|Southern|Northern|Eastern|Western|Latin|Southeast|"
    r"South-East|Northeast|North-East|Sub-Saharan)\s+(?:America|Africa|Asia|Europe|Pacific|"
    r"Caribbean|Balkans|Caucasus)"
)
#: A noun after a name that makes the name a people's: "the Vela Nua people", "Vela Nua land
#: defenders", "Vela Nua communities".
PEOPLE_NOUN_AFTER = re.compile(
    r" (?:peoples?|communit(?:y|ies)|tribes?|clans?|lands?|territor(?:y|ies))\b"
)
#: The words of :data:`PEOPLE_NOUN_AFTER`, as the word index holds them.
PEOPLE_NOUNS = (
    "people", "peoples", "community", "communities", "tribe", "tribes", "clan", "clans", "land",
    "lands", "territory", "territories",
)  # fmt: skip


def _names_a_people(flat: str, name: str) -> bool:
    """Whether a mention of ``name`` anywhere in the text stands before a people's noun: then
    each of its mentions names that people ("an Ava Nua leader", "the Ava Nua people")."""
    at = flat.find(name)
    while at >= 0:
        if PEOPLE_NOUN_AFTER.match(flat, at + len(name)):
            return True
        at = flat.find(name, at + 1)
    return False


def _dateline_place(text: str, name: str) -> bool:
    """Whether ``name`` opens a line as the place of a dateline: "Kuala Lumpur, 3 March 2026",
    "Vela Nova/Strelsau, May 3, 2026 –"."""
    if text.startswith(name) and DATELINE_REST.match(text, len(name)):
        return True
    at = text.find("\n" + name)
    while at >= 0:
        if DATELINE_REST.match(text, at + 1 + len(name)):
            return True
        at = text.find("\n" + name, at + 1)
    return False


#: What follows a dateline's place: another place after a slash, a comma, then a date.
DATELINE_REST = re.compile(
    r"(?:\s*/\s*[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})?,\s+(?:\d{1,2}\s+[A-Z][a-z]+|"
    r"[A-Z][a-z]+\s+\d{1,2}),?\s+\d{4}\b"
)


def place_leads(flat: str, index: dict[str, list[int]] | None = None) -> dict[str, list[int]]:
    """Where a place lead ("in ", "the province of ") ends, by the character after it. The
    text is read once, not once per name: a lead's white space runs to the next word, so a
    name after a lead starts where a match of the lead ends. With ``index``, the starts of
    each word of ``flat`` (:attr:`kg.extract.text.Doc.word_index`), the lead is tried only
    where one of its words starts, not at every character."""
    leads: dict[str, list[int]] = {}
    if index is None:
        found = PLACE_LEAD_RE.finditer(flat)
    else:
        starts = sorted(a for w in PLACE_LEAD_WORDS for a in index.get(w, ()))
        found = iter(finditer_at(PLACE_LEAD_RE, flat, starts))
    for m in found:
        leads.setdefault(flat[m.end() : m.end() + 1], []).append(m.end())
        inner = PLACE_IN_PLACE.match(flat, m.end())
        if inner and flat[m.end() : inner.end()].split()[0].rstrip(",") not in MONTHS:
            leads.setdefault(flat[inner.end() : inner.end() + 1], []).append(inner.end())
    return leads


def used_as_place(flat: str, leads: dict[str, list[int]], name: str) -> bool:
    """Whether ``name`` (no white space at its ends) stands alone after a place lead."""
    return any(
        flat.startswith(name, a) and PLACE_END.match(flat, a + len(name)) is not None
        for a in leads.get(name[:1], ())
    )


_NICK_WORD = r"[A-ZÀ-ÞĀ-Žİ][a-zà-ÿā-ž][\w’'\-]*"
_NICK_PARTICLE = r"(?:de|del|dela|da|das|dos|du|la|van|von|der|den|bin|ibn)"
#: A nickname in quotes between the given name and the surname: 'Tomas "Ka Tomas" Lind',
#: 'Juan "Chito" Ruiz'. The name is the words around the quotes; the nickname a variant.
NICKNAMED = re.compile(
    rf"\b(?P<g>{_NICK_WORD}(?:\s+{_NICK_WORD})?)\s+[\"“](?P<n>{_NICK_WORD}(?:\s+{_NICK_WORD})?)"
    rf"[\"”]\s+(?P<s>(?:{_NICK_PARTICLE}\s+)?{_NICK_WORD}"
    rf"(?:\s+(?:{_NICK_PARTICLE}\s+)?{_NICK_WORD})?)"
)


OPENING_QUOTE = re.compile(r"\s[\"“][A-ZÀ-ÞĀ-Žİ]")
#: The quotation marks OPENING_QUOTE holds.
OPENING_MARKS = ('"', "“")


def opening_quotes(flat: str) -> list[re.Match[str]]:
    """``OPENING_QUOTE.finditer(flat)``, tried only at the character before each quotation mark
    (a text holds a dozen), found by ``str.find``: the pattern opens with ``\\s``, which gives
    the engine no literal to skip to, so a search tries every character of the text. Two
    matches cannot overlap (a match's second and third characters are no white space)."""
    starts = [i - 1 for mark in OPENING_MARKS for i in occurrences(flat, mark, 1)]
    return finditer_at(OPENING_QUOTE, flat, sorted(starts))


def add_nicknamed_persons(doc: Doc, ents: Entities) -> None:
    """A person named with a nickname in quotes inside the name: the words around it. Tried
    only at an opening quote before a capital, for speed."""
    flat = doc.flat
    for q in opening_quotes(flat):
        at = q.end() - 1
        lo = max(0, q.start() - 70)
        m = next((m for m in NICKNAMED.finditer(flat, lo, at + 90) if m.start("n") == at), None)
        if m is None:
            continue
        words = (m.group("g") + " " + m.group("s")).split()
        names = [w for w in words if w.lower() not in NAME_PARTICLES]
        if len(names) > 4 or PLACE_BEFORE.search(doc.flat, max(0, m.start() - 8), m.start()):
            continue
        if (
            not_a_name(names)
            or head_of(names) is not None  # 'Radio "Libre" Vela': a body's name
            or any(_post_or_body_word(w) for w in names)
            or any(
                w in NON_NAME or w in TITLE_STOP or w in COUNTRIES or w in MONTHS or w in DEMONYMS
                for w in names + m.group("n").split()
            )
        ):
            continue
        name = " ".join(words)
        p = ents.add(Entity("person", name, m.start(), m.end()))
        if m.group("n") not in p.variants:
            p.variants.append(m.group("n"))


#: A line that holds only a name whose surname is written in capitals, as case lists head an
#: entry ("Ana LEE-VARGA*"): given names, then the surname, and a footnote's star.
CAPITAL_SURNAME_LINE = re.compile(
    r"^(?P<g>[A-ZÀ-Þ][a-zß-ÿ’'-]+(?: [A-ZÀ-Þ][a-zß-ÿ’'-]+){0,2}) "
    r"(?P<s>[A-ZÀ-Þ][A-ZÀ-Þ’'-]+(?: [A-ZÀ-Þ][A-ZÀ-Þ’'-]+)?)\*?[ \t]*$",
    re.M,
)


def add_capital_surname_persons(doc: Doc, ents: Entities) -> None:
    """A person heading a case list's entry, the surname in capitals ("Ana LEE-VARGA*"): named
    with the surname as the text writes it elsewhere ("Ana Lee-Varga"), so that the surname
    alone later is a mention of the same person."""
    if "\n" not in doc.text:
        return
    for m in CAPITAL_SURNAME_LINE.finditer(doc.text):
        given, surname = m.group("g"), m.group("s")
        if len(surname.replace("-", "").replace("’", "").replace("'", "")) < 3:
            continue
        words = [*given.split(), *(w.title() for w in surname.split())]
        if (
            not_a_name(words)
            or head_of(words) is not None
            or any(w in NON_NAME or w in TITLE_STOP or w in COUNTRIES or w in MONTHS for w in words)
        ):
            continue
        if any(a < m.end("s") and m.start("g") < b for e in ents.items for a, b in e.mentions):
            continue  # a body or a person read there already
        ents.add(Entity("person", " ".join(words), m.start("g"), m.end("s")))


def merge_persons(doc: Doc, ents: Entities) -> None:
    """Short forms (``Anna Kovacs``, ``Ms Kovacs``) become variants of the full name."""
    persons = sorted(ents.of("person"), key=lambda e: -len((e.name or "").split()))
    words = [(e.name or "").split() for e in persons]
    merged: set[int] = set()  # id() of the persons merged away, instead of scanning ents.items
    for i, short in enumerate(persons):
        sw = words[i]
        # "De los Santos Ríos" opening a sentence is "de los Santos Ríos" of "Guadalupe de los
        # Santos Ríos": a particle capitalised only because it comes first
        lowered = _particle_lowered(sw)
        for j, full in enumerate(persons):
            fw = words[j]
            if full is short or id(full) in merged:
                continue
            if (
                lowered
                and len(fw) > len(sw)
                and (
                    fw[-len(sw) :] == lowered
                    # "De Vela" of "Julio César de Vela Mairena": the first of two surnames
                    or (len(fw) > len(sw) + 1 and fw[-len(sw) - 1 : -1] == lowered)
                )
            ):
                full.variants.append(short.name or "")
                full.mentions.extend(short.mentions)
                ents.items.remove(short)
                merged.add(id(short))
                break
            if _initials_of(sw, fw):  # "A. Novak" of "Anna Novak"
                full.variants.append(short.name or "")
                full.mentions.extend(short.mentions)
                ents.items.remove(short)
                merged.add(id(short))
                break
            if len(fw) <= len(sw):
                continue
            if (
                fw[-len(sw) :] == sw
                or (len(sw) >= 2 and fw[: len(sw)] == sw)
                # "Anna Kovacs" of "Anna Maria Kovacs": the middle names left out
                or (len(sw) == 2 and fw[0] == sw[0] and fw[-1] == sw[1])
                # "Tomás Ferrer" or "Lucía Ramos de Almeida" of "Tomás Ignacio Ferrer Quintana"
                # and "Lucía Beatriz Ramos de Almeida": the given name and some of the rest in
                # order, where no other name holds them
                or (
                    _given_and_part_of(sw, fw)
                    and not any(
                        k != j and k != i and _given_and_part_of(sw, words[k])
                        for k in range(len(persons))
                        if id(persons[k]) not in merged and len(words[k]) > len(sw)
                    )
                )
            ):
                if named_by_kin(doc, short) and not named_by_kin(doc, full):
                    continue  # "Hassan Ali Salem ... his father Ali Salem": a patronymic
                if _titled_other_gender(doc, short, full):
                    continue  # "Mr. Lind" is not "his widow, Anna Lind"

                full.variants.append(short.name or "")
                full.mentions.extend(short.mentions)
                ents.items.remove(short)
                merged.add(id(short))
                break


def _particle_lowered(words: list[str]) -> list[str] | None:
    """The words with their first in lower case, where it is a name particle or an article
    prefix written capitalised ("De los Santos", "Al-Harthi"), else None."""
    if len(words) < 2 or not words[0][:1].isupper():
        return None
    low = words[0][:1].lower() + words[0][1:]
    if low in NAME_PARTICLES or ARTICLE_PREFIX.match(low):
        return [low, *words[1:]]
    return None


TITLE_BEFORE = re.compile(r"\b(Mr|Ms|Mrs|Miss)\.?\s*$")


def _titled_other_gender(doc: Doc, short: Entity, full: Entity) -> bool:
    """Whether ``short`` is named after an honorific of the other gender than the one a cue
    gives ``full`` (a kinship noun or an honorific before one of its mentions)."""
    titled = {
        HONORIFICS[m.group(1)]
        for a, _ in short.mentions
        if (m := TITLE_BEFORE.search(doc.flat, max(0, a - 8), a))
    }
    if not titled:
        return False
    known = _gender_cue(doc, full) or next(
        (
            HONORIFICS[m.group(1)]
            for a, _ in full.mentions
            if (m := TITLE_BEFORE.search(doc.flat, max(0, a - 8), a))
        ),
        None,
    )  # "Ms. Salma Bakr Nour": her own honorific, read before the honorifics' step
    return known in ("male", "female") and known not in titled


def _in_order(part: list[str], whole: list[str]) -> bool:
    """Whether the words of ``part`` occur in ``whole`` in the same order, gaps allowed."""
    it = iter(whole)
    return all(w in it for w in part)


def _given_and_part_of(short: list[str], full: list[str]) -> bool:
    """A short form that keeps the given name and drops middle names, a second surname or a
    patronymic: "Gabriel Rondón", "Youssef al-Amri" of "Gabriel Alejandro Rondón Pérez",
    "Youssef bin Khalid al-Amri". It ends on a name word, not a particle ("Carmen de")."""
    return (
        2 <= len(short) < len(full)
        and short[0] == full[0]
        and short[-1] not in NAME_PARTICLES
        and _in_order(short[1:], full[1:])
    )


#: A kinship noun of someone's right before a name: "his father, X", "Salem's son X".
KIN_BEFORE = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[A-ZÀ-ÞĀ-Žİ][\w’'-]+[’']s?)\s+"
    rf"(?:{'|'.join(sorted(GENDER_NOUNS, key=len, reverse=True))}),?\s+$"
)


def named_by_kin(doc: Doc, p: Entity) -> bool:
    """The person's first mention follows a kinship noun: a relative introduced by kin ("her
    sister, Mariela Vela", named in full again later: "according to Mariela Vela")."""
    if not p.mentions:
        return False
    a = min(p.mentions)[0]
    return KIN_BEFORE.search(doc.flat, max(0, a - 40), a) is not None


INITIALS = re.compile(r"(?:[A-ZÀ-Þ]\.?)+")


def _initials_of(short: list[str], full: list[str]) -> bool:
    """ "A. Novak", "A.B. Novak" or "Anna K. Novak" is a short form of "Anna Karin Novak": the
    same surname, and each initial the first letter of a given name in the same order."""
    if len(short) < 2 or short[-1] != full[-1] or len(full) < 2 or short == full:
        return False
    given = [w for w in short[:-1]]
    if not any(INITIALS.fullmatch(w) or _digraph(w) for w in given):
        return False
    letters = []  # each initial's letters, marked as such; a given name whole
    for w in given:
        if INITIALS.fullmatch(w):
            letters.extend((c, True) for c in w if c != ".")
        elif _digraph(w):
            letters.append((w[:-1], True))  # "Ts." of "Tsendiin"
        else:
            letters.append((w, False))
    names = full[:-1]
    if len(letters) > len(names):
        return False
    return all(
        (initial and n.startswith(x)) or x == n
        for (x, initial), n in zip(letters, names, strict=False)
    )


def _digraph(word: str) -> bool:
    """Whether ``word`` is an initial of two letters with its stop: "Ts.", "Kh."."""
    return word.endswith(".") and word[:-1] in DIGRAPH_INITIALS


#: A word of a name after an honorific, with an article prefix ("al-Bashir"); particles may
#: stand between the words ("Acuña Atalaya de Chaupe", "Salman bin Hadi").
_HON_WORD = r"(?:(?:al|el|as|ash|ad|an|ar|at|az|ul)-)?[A-ZÀ-ÞĀ-Žİ][\w’'\-]+"
_PARTICLE = r"(?:bin|ibn|bint|abu|de|del|della|di|da|dos|das|du|van|von|der|den)"
#: An article after a particle: "de la", "de los", "van der".
_ARTICLE = r"(?:(?:la|las|los|le|der|den)\s+)"
#: An initial inside a name after an honorific, one or two letters and a stop, with a word of
#: the name after it: "Mr. Timur Zh. Omarov", "Ms. Anna K. Novak".
_HON_INITIAL = (
    r"[A-ZÀ-ÞĀ-Žİ][a-z]?\.(?=\s+(?!(?:The|An?|In|On|He|She|It|They|This|These|Their|His|Her)\b)"
    r"[A-ZÀ-ÞĀ-Žİ])"
)
#: A Turkic "son of" or "daughter of" that ends a name after an honorific: "Mr. Timur Asan uulu".
_PATRONYMIC = "|".join(sorted(PATRONYMIC_ENDS))
HONORIFIC_NAME = re.compile(
    rf"\b(?P<h>Mr|Ms|Mrs|Miss|Dr|Messrs)\.?\s+(?P<n>(?:{_PARTICLE}\s+{_ARTICLE}?)?{_HON_WORD}"
    rf"(?:\s+(?:{_PARTICLE}\s+{_ARTICLE}?)?"
    rf"(?:{_HON_INITIAL}|{_HON_WORD})){{0,4}}(?:\s+(?:{_PATRONYMIC})\b)?)(?P<more>(?:,?\s+(?:and\s+)?(?!(?:Mr|Ms|Mrs|Miss|Dr|Messrs)\b)"
    r"[A-ZÀ-ÞĀ-Žİ][\w’'\-]+)*)"
)


def add_honorific_mentions(doc: Doc, ents: Entities) -> None:
    """``Ms Kovacs``, ``Messrs. Hall and Brandt``: short forms and gender cues."""
    for m in finditer_indexed(HONORIFIC_NAME, doc.flat, doc.word_index):
        gender = HONORIFICS.get(m.group("h"))
        names = [_one_line(doc, m.start("h"), m.start("n"), m.end("n"))]
        if m.group("h") == "Messrs":
            names += re.findall(r"[A-ZÀ-ÞĀ-Žİ][\w’'\-]+", m.group("more"))
        for n in names:
            n = BARE_POSSESSIVE.sub("", POSSESSIVE_END.sub("", n))  # "Ms. de la Vega Ríos’ trial"
            p = resolve_person(ents, n, gender, doc)
            if p is None:
                if len(n.split()) < 2 or not_a_name(n.split()):
                    continue
                start = doc.flat.index(n, m.start())
                p = ents.add(Entity("person", n, start, start + len(n)))
            short = f"{m.group('h')} {n}" if m.group("h") != "Messrs" else n
            if short != p.name and short not in p.variants:
                p.variants.append(short)
            if gender:
                p.attrs["gender"] = gender


BLANK_LINE = re.compile(r"[ \t]*\n[ \t]*\n")
NEXT_WORD = re.compile(r"\S")


def _one_line(doc: Doc, line_at: int, start: int, end: int) -> str:
    """The name after an honorific up to the end of a short line: in an address block
    ("Mr A B" over "Presidential Palace") the next line is no part of the name; in running
    text a name wrapped at a line's end is written whole."""
    gap = BLANK_LINE.search(doc.text, start, end)
    if gap:  # a name never runs across paragraphs ("... of Ms A B" over a dateline)
        end = gap.start()
    nl = doc.text.find("\n", start, end)
    if nl >= 0 and DATELINE_AFTER.match(doc.flat, end):
        return doc.flat[start:nl].rstrip()  # the next line is a dateline: "Paris, May 12, ..."
    if nl < 0:
        return doc.flat[start:end]
    if nl - (doc.text.rfind("\n", 0, line_at) + 1) >= doc.short_line(50):
        after = NEXT_WORD.search(doc.text, nl)
        if not (after and doc.authored_break(nl, after.start())):
            return doc.flat[start:end]
    return doc.flat[start:nl].rstrip()


def resolve_person(
    ents: Entities, name: str, gender: str | None = None, doc: Doc | None = None
) -> Entity | None:
    """The person a short form refers to: same name, or the full name ends with it. Where two
    people share the surname, the honorific's gender tells them apart ("Ms Lind" is the one
    of "Boris Lind" and "his wife, Anna Lind" who is not male)."""
    words = name.split()
    hits = [
        p
        for p in ents.of("person")
        if p.name == name
        or (p.name or "").split()[-len(words) :] == words
        or (len(words) >= 2 and (p.name or "").split()[: len(words)] == words)
        # "Mr. ASM A B" where "A B" was found without the initials the title rules strip
        or (len(words) > len(pw := (p.name or "").split()) >= 2 and words[-len(pw) :] == pw)
    ]
    if not hits:  # "Ms Ramos" of "Lucía Beatriz Ramos de Almeida": a surname not the last word
        hits = [
            p
            for p in ents.of("person")
            if len(pw := (p.name or "").split()) > len(words) >= 1
            and words[-1] not in NAME_PARTICLES
            and _in_order(words, pw[1:])
        ]
    if len(hits) > 1 and gender in ("male", "female") and doc is not None:
        cues = [_gender_cue(doc, p) for p in hits]
        same = [p for p, c in zip(hits, cues, strict=True) if c == gender]
        hits = (
            same
            if len(same) == 1
            else [p for p, c in zip(hits, cues, strict=True) if c in (gender, None)]
        )
    elif len(hits) == 1 and gender in ("male", "female") and doc is not None:
        if _gender_cue(doc, hits[0]) in ("male", "female") and _gender_cue(doc, hits[0]) != gender:
            return None  # "Mr. Lind" where only "his widow, Anna Lind" was found
    return hits[0] if len(hits) == 1 else None


def _gender_cue(doc: Doc, p: Entity) -> str | None:
    """The gender a cue read so far gives the person: an honorific, or a kinship noun right
    before a mention ("his wife, X")."""
    known = p.attrs.get("gender")
    if known in ("male", "female"):
        return known
    for a, _ in p.mentions:
        m = GENDER_NOUN_RE.search(doc.flat, max(0, a - 30), a)
        if m and GENDER_NOUNS[m.group(1)] in ("male", "female"):
            return GENDER_NOUNS[m.group(1)]
    return None


#: Another form of a name that the text gives right after it: "(also spelt X)", "(his name is
#: also transliterated as X or Y)", "(or X)", "(X)", "(pen name X)", ", who writes under the pen
#: name X".
VARIANT_GLOSS = re.compile(
    r"\s*\((?:(?:his|her|the) (?:name|surname) is )?(?:also |sometimes |often )?"
    r"(?:spelled|spelt|written|transliterated|rendered|known|called|a\.k\.a\.|or\b|"
    # "(pen name X)", "(alias X)": a name the person goes by
    r"pen[ -]name|alias|nickname|nom de plume|stage name|real name)"
    r"(?:\s+as)?\s+(?P<v>[^()]{2,120})\)"
    r"|\s*\((?P<bare>[A-ZÀ-ÞĀ-Žİ][\w’'\-]*[a-zà-ÿā-ž](?:\s+[A-ZÀ-ÞĀ-Žİ][\w’'\-]*[a-zà-ÿā-ž]){0,3})\)"
    r"|[^.;()]{0,80}?\b(?:(?:under|by) (?:the|his|her|their) (?:pen )?name|also known as|nicknamed)"
    r"\s+[“\"]?"
    r"(?P<pen>[A-ZÀ-ÞĀ-Žİ][\w’'\-]+(?:\s+[A-ZÀ-ÞĀ-Žİ][\w’'\-]+){0,3})"
    # ... and its gloss in brackets: 'the pen name Sen Vela (“White Lotus”)'
    r"(?:\s*\(\s*[“\"](?P<gloss>[^()”\"]{2,40})[”\"]\s*\))?"
    # ", known as X", ", better known to her readers as X": right after the name
    r"|,\s*(?:(?:also|better|widely|popularly)\s+)?known(?:\s+to\s+(?:his|her|their)\s+[a-z]+)?"
    r"\s+as\s+[“\"]?(?P<known>[A-ZÀ-ÞĀ-Žİ][\w’'\-]+(?:\s+[A-ZÀ-ÞĀ-Žİ][\w’'\-]+){0,3})"
)
#: The words the third and fourth forms of VARIANT_GLOSS open their gloss with, at most 80
#: characters on.
GLOSS_WORDS = ("under the", "by the", "under his", "by his", "under her", "by her", "under their",
               "by their", "known", "nicknamed")  # fmt: skip


def _variant_gloss(flat: str, b: int) -> re.Match[str] | None:
    """``VARIANT_GLOSS.match(flat, b)``, tried only where it can match: a bracket after the
    white space at ``b``, or one of GLOSS_WORDS within reach. After most mentions there is
    neither, and the pattern's third form would try each of the next 80 characters."""
    i, n = b, len(flat)
    while i < n and flat[i].isspace():
        i += 1
    if flat.startswith("(", i) or holds_any(flat, GLOSS_WORDS, b, b + 93):
        return VARIANT_GLOSS.match(flat, b)
    return None


_WORD = r"[A-ZÀ-ÞĀ-Žİ][\w’'\-]*[a-zà-ÿā-ž]"
_NAME_FORM = re.compile(rf"^{_WORD}(?:\s+(?:[a-z]{{1,3}}[ -])?{_WORD}){{0,4}}$")


def add_spelling_variants(doc: Doc, ents: Entities) -> None:
    """Forms of a name the text itself gives right after one of its mentions."""
    for p in list(ents.of("person")):
        if not _holds(ents.items, p):
            continue
        for _, b in sorted(p.mentions):
            m = _variant_gloss(doc.flat, b)
            if not m:
                continue
            raw = m.group("v") or m.group("bare") or m.group("pen") or m.group("known")
            if m.group("gloss"):
                raw += ", " + m.group("gloss")
            for v in re.split(r",\s*|\s+or\s+", clean(raw)):
                v = v.strip().rstrip(".")
                if not _NAME_FORM.match(v) or not_a_name(v.split()) or v == p.name:
                    continue
                if any(w in POST_WORDS or w in TITLE_STOP for w in re.split(r"[\s-]", v)):
                    continue  # "X (Chair-Rapporteur)": a post in brackets, not another name
                if m.group("bare") and any(w in ORG_HEADS for w in v.split()):
                    continue  # "X (Radio Vela)": the body a person works for, not a name
                if v not in p.variants:
                    p.variants.append(v)
                for q in ents.of("person"):
                    if q is not p and (q.name == v or v in q.variants and len(q.mentions) == 1):
                        p.mentions.extend(q.mentions)
                        ents.items.remove(q)


@functools.lru_cache(maxsize=4096)
def _skeleton(word: str) -> str:
    """A word's consonants, folded, doubles once: transliterations of one name share it
    ("Ahmed"/"Ahmad" -> "hmd", "Qadoor"/"Qadour" -> "qdr", "Petriev"/"Petriyev")."""
    w = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    return SKELETON_DOUBLE.sub(r"\1", SKELETON_DROP.sub("", w))


SKELETON_DROP = re.compile(r"[aeiouyw’'\-]")
SKELETON_DOUBLE = re.compile(r"(.)\1")


def merge_transliterations(ents: Entities) -> None:
    """A longer name whose first words spell a person's name (or a variant of it) another
    way is that person ("Ahmad Qadour Al Zemi" after "Ahmed Qadoor"): every word of the
    shorter form matches by its consonants, and the given name's consonants are three or more
    or the same word ("Ali Sand" and "Ola Sand" stay two people)."""
    persons = [p for p in ents.of("person") if p.name]
    longer = [q for q in persons if len((q.name or "").split()) >= 3]
    if not longer or len(persons) < 2:
        return
    forms = {
        id(p): [f.split() for f in [p.name or "", *p.variants] if len(f.split()) >= 2]
        for p in persons
    }
    gone: set[int] = set()  # by id(): entities compare by value, and slowly
    for q in sorted(longer, key=lambda e: -len((e.name or "").split())):
        qw = (q.name or "").split()
        if id(q) in gone:
            continue
        for p in persons:
            if p is q or id(p) in gone or len((p.name or "").split()) >= len(qw):
                continue
            if any(f[0][:1] == qw[0][:1] and _same_spoken(f, qw[: len(f)]) for f in forms[id(p)]):
                p.variants.append(q.name or "")
                p.variants.extend(v for v in q.variants if v not in p.variants)
                p.mentions.extend(q.mentions)
                gone.add(id(q))
                break
    if gone:
        ents.items = [e for e in ents.items if id(e) not in gone]


def _same_spoken(short: list[str], long: list[str]) -> bool:
    if len(short) != len(long) or short == long:
        return False
    for a, b in zip(short, long, strict=True):
        if a == b:
            continue
        if a[:1] != b[:1]:
            return False
        sa = _skeleton(a)
        if len(sa) < 3 or sa != _skeleton(b):
            return False
    return True


_NUM = (
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|several|a dozen|"
    r"dozens of|some|about [\w-]+|at least [\w-]+)"
)
_CAP = r"[A-ZÀ-ÞĀ-Žİ][\w’'\-]+"
#: Nouns for a group of co-accused and the role they take: "six other accused", "22 other
#: lawyers".
GROUP_ROLES = {"lawyers": "lawyer", "defenders": "defender", "activists": "defender",
               "journalists": "journalist", "prosecutors": "prosecutor"}  # fmt: skip
MEMBERS_HELD = re.compile(
    rf"\b(?P<n>{_NUM} (?:other )?(?:members|activists|staff members|employees|"
    r"volunteers) of (?:the )?(?:(?:organi[sz]ation|association|NGO|group|network|"
    rf"collective|union|movement) )?(?:{_CAP} ){{0,4}}{_CAP})(?=(?:,[^,.;]{{0,90}},)?"
    r"\s+(?:were|had been|have been)\s+(?:\w+\s+)?(?:detained|arrested|summoned|"
    r"charged|sentenced|abducted|questioned|interrogated|held|beaten|attacked|"
    r"threatened|prosecuted|convicted)\b)"
)
_FEW = r"(?:two|three|four|five|six|seven|eight|nine|ten|several)"
_AGENT_SERVICE = r"(?:police|security|prison|immigration|intelligence|customs|border)"
#: A small group of state agents told by their number, sex or service: "five male security
#: agents", "two police officers", "male police officers", "immigration officers", "warders".
_AGENTS = (
    rf"(?<![Tt]he )(?<![\w-])(?P<n>(?:{_FEW}\s+(?:(?:male|female|plain-?clothes|uniformed)\s+)?"
    rf"(?:{_AGENT_SERVICE}\s+)?|(?:[Mm]ale|[Ff]emale)\s+(?:(?:police|security|prison)\s+)?"
    r"|(?:[Ii]mmigration|[Cc]ustoms|[Bb]order)\s+)(?:officers|agents|officials|guards|warders)"
    r"|[Ww]arders)"
)
#: One state agent told by sex or service: "a female officer", "an investigator".
_AGENT = (
    r"(?<![\w-])(?P<n>(?:[Aa]n?)\s+(?:(?:male|female|plain-?clothes|uniformed)\s+)?"
    rf"(?:{_AGENT_SERVICE}\s+)?(?:officer|agent|investigator|interrogator|guard|warder))"
)
#: A passive verb and the words up to "by" before the agents: "was slapped and dragged on the
#: ground by".
_PASSIVE_BY = r"\b(?:was|were|been|being)\s+(?:[\w’'-]+\s+){1,8}?by\s+"
UNNAMED = [
    # "Horvat's lawyer" (not "Horvat's lawyer, Olga Sand": the lawyer is named)
    (re.compile(rf"\b(?P<n>(?:{_CAP} ){{0,2}}{_CAP}[’']s lawyer)\b(?!,? [A-Z])"), "lawyer"),
    # "a lawyer for Anna Kovacs said": a lawyer named only by the client
    (
        re.compile(
            rf"\b(?P<n>(?:[Aa]n?|[Tt]he) lawyer (?:for|of|representing) (?:{_CAP} ){{0,2}}{_CAP})"
            rf"(?![’']s)(?!\w)(?!,? (?:{_CAP}|who is|is)\b)"
        ),
        "lawyer",
    ),  # fmt: skip
    (re.compile(rf"\b(?P<n>(?:{_CAP} ){{0,2}}{_CAP}[’']s relatives)\b"), "relative"),
    # "His family reported his disappearance", "several of her relatives were detained": the
    # family as the subject of what it did or what was done to it (not "his family's home")
    (
        re.compile(
            r"\b(?P<n>(?:(?i:several|some|two|three|four|members|many) of )?(?:[Hh]is|[Hh]er|"
            # "Reza Karimi's brother was dismissed": a named person's kin, as "his brother"
            rf"[Tt]heir|(?:{_CAP} ){{0,2}}{_CAP}[’']s) "
            r"(?:family(?: members)?|relatives|parents|children|(?:two |three |four )?"
            r"(?:sons|daughters|brothers|sisters)|wife|husband|mother|father|son|daughter|brother|"
            r"sister|spouse))\s+(?:(?:had|have|has|were|was|"
            r"also|later|then|subsequently|been|reportedly|allegedly|repeatedly)\s+){0,3}"
            r"(?:reported|filed|lodged|complained|appealed|petitioned|sued|submitted|left|fled|"
            # "Her relatives went from one police station to another": the family acting on
            # what befell the person (not "Her family fears that": the gold is split on the
            # family's words)
            r"went|visited|searched|"
            r"arrested|detained|threatened|taken|summoned|questioned|interrogated|harassed|beaten|"
            r"attacked|abducted|intimidated|evicted|dismissed|fired|sacked|expelled|killed|shot|"
            r"charged|sentenced|convicted|deported|kidnapped)\b"
        ),
        "relative",
    ),  # fmt: skip
    (
        re.compile(
            rf"(?<!the )\b(?P<n>(?:{_NUM}\s+)?(?:unknown|unidentified|masked|armed|hooded|"
            # (not "masked officers": state agents, whom the text names by their force)
            r"plain-?clothes?d?)\s+(?:men|women|persons|people|assailants|individuals|attackers|"
            r"gunmen|callers)"
            # "calls from anonymous callers": people known only by the calls they made
            r"|\b(?:anonymous|unknown|unidentified)\s+callers"
            r"|\b[Aa]n?\s+(?:unknown|unidentified|masked|hooded)\s+(?:man|woman|person|"
            r"assailant|individual|attacker|gunman)"
            # "an anonymous caller told her daughter": one caller, as "anonymous callers"
            r"|\b[Aa]n?\s+(?:anonymous|unknown|unidentified)\s+caller"
            # "a group of twenty men in civilian clothes": unnamed, by their dress
            rf"|(?:\b[Aa] group of (?:{_NUM}\s+)?|\b{_NUM}\s+)?(?:men|persons|people|officers) in "
            r"(?:civilian|plain) clothes)\b"
        ),
        "other",
    ),
    # "two men on a motorcycle", "a group of men armed with sticks", "three men in a grey
    # pick-up truck": a group the text knows by what they rode or carried
    (
        re.compile(
            rf"(?<![Tt]he )(?<!\w)(?P<n>(?:[Aa] group of (?:{_NUM}\s+)?|(?:[Tt]wo|[Tt]hree|"
            rf"[Ff]our|[Ff]ive|[Ss]ix|[Ss]everal|\d+)\s+)(?:men|persons|people|individuals|"
            r"assailants|attackers|gunmen) (?:armed with (?:[a-z-]+ ){0,2}?[a-z-]+s\b|"
            r"on (?:an? |two )?(?:motorcycles?|motorbikes?)\b|"
            r"in an? (?:[a-z-]+ ){0,2}(?:car|truck|pick-up truck|"
            r"pick-up|vehicle|van|SUV)\b))"
        ),
        "other",
    ),
    # "four young Farland men": a counted group the text does not name ("the two men" refers
    # back to people already named)
    (
        re.compile(
            rf"(?<![Tt]he )(?<!\w)(?P<n>{_NUM} (?:(?:young|elderly|local|{_CAP}) ){{1,2}}"
            r"(?:men|women|youths|boys|girls|farmers|students))\b"
        ),
        "other",
    ),  # fmt: skip
    # "Men wearing the uniforms of the Zenda police", "people dressed in camouflage": a group
    # the text knows by their dress (not "officers wearing ...": the force names them)
    (
        re.compile(
            rf"\b(?P<n>(?:{_NUM}\s+)?(?:[Mm]en|[Pp]ersons|[Pp]eople|[Ii]ndividuals)\s+(?:wearing|"
            r"dressed in)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:uniforms?|masks|balaclavas|camouflage|"
            r"civilian clothes|plain clothes)(?:\s+of\s+(?:the\s+)?(?:(?!and\b)[\w-]+\s+){0,3}"
            r"(?!and\b)[\w-]+)?)"
        ),
        "other",
    ),
    # "two men on a motorcycle", "three men in a grey pick-up truck": a counted group the text
    # knows by what they ride, as by their dress (uncounted after "by": "followed by men on
    # motorcycles")
    (
        re.compile(
            # uncounted as the agent of a passive verb: "followed by men on motorcycles"
            rf"\b(?P<n>(?:(?:{_NUM}|[Aa] group of(?: {_NUM})?)\s+|(?<=\bby )(?=[a-z]))"
            r"(?:(?:armed|young|masked)\s+)?"
            r"(?:men|women|persons|people|individuals|assailants|attackers|gunmen)\s+"
            r"(?:on|riding|in|aboard)\s+(?:(?:an?|two|three|their)\s+)?(?:[\w-]+\s+){0,2}?"
            r"(?:motorcycles?|motorbikes?|cars?|vehicles?|pick-?ups?(?:\s+trucks?)?|trucks?|vans?|"
            r"SUVs?|jeeps?))\b"
        ),
        "other",
    ),
    # "Private security guards of the company X, evicted the families", "company security
    # guards and soldiers fired": guards no state employs, told as they act
    (
        re.compile(
            rf"\b(?P<n>(?:{_NUM}\s+)?(?:[Pp]rivate|[Cc]ompany|[Mm]ine|[Pp]lantation)\s+security\s+"
            r"guards)(?=(?:\s+(?:of|employed by|hired by)\s+[^,;]{1,60}?,?)?"
            r"(?:\s+and\s+[^,.;]{1,40}?)?\s+(?:[a-z]+ed|beat|shot|fired|threw|struck|took|set)\b)"
        ),
        "other",
    ),
    # "some twenty security guards employed by Zenda Mining": people a company or a person
    # sends, counted and unnamed
    (
        re.compile(
            rf"\b(?P<n>{_NUM}\s+(?:[a-z-]+\s+)?(?:security\s+guards|guards|employees|"
            r"workers|men)\s+(?:employed|hired|sent|paid)\s+by\s+(?:the\s+)?"
            rf"(?:{_CAP}\s+){{0,3}}{_CAP})"
        ),
        "other",
    ),
    # "Neighbours who heard the shots found her": unnamed people who saw or heard what happened
    (
        re.compile(
            r"\b(?P<n>(?:(?:[Ss]ome|[Ss]everal|[Tt]wo|[Tt]hree|[Mm]any) )?(?:[Nn]eighbou?rs|"
            r"[Rr]esidents|[Pp]assers-?by|[Bb]ystanders|(?:[Ee]ye)?[Ww]itnesses|[Pp]eople|"
            # "A neighbour who witnessed the arrest told us": one of them
            r"(?:[Aa]n?|[Oo]ne) (?:[Nn]eighbou?r|[Rr]esident|[Pp]asser-?by|[Bb]ystander)) who "
            r"(?:had )?(?:heard|saw|witnessed) (?:the |his |her |their |an? )?[\w-]+)"
        ),
        "witness",
    ),
    # "members of an alleged criminal gang": an armed group's members
    (
        re.compile(
            r"\b(?P<n>members of (?:an?|the) (?:alleged |suspected )?(?:[\w-]+ ){0,3}"
            r"(?:group|gang|cartel|militia|paramilitar(?:y|ies)))\b"
        ),
        "other",
    ),  # fmt: skip
    # "five members of the organisation Zenda Positiva, which ..., were detained": a counted
    # group of a named body's people, told as the target of an act of persecution
    (MEMBERS_HELD, "defender"),
    # "an officer of the Zenda Rapid Unit filed a case against him": one who complains unnamed
    (
        re.compile(
            r"\b(?P<n>(?:[Aa]n?|[Tt]he) (?:police )?(?:officer|official|agent|inspector|"
            r"investigator) of (?:the )?[A-Z][\w-]*(?: [A-Z][\w-]*){0,4})(?= (?:had |has |then |"
            r"later |also )?(?:filed|lodged|registered) (?:a|the|another) (?:case|complaint|"
            r"criminal complaint|first information report)\b)"
        ),
        "complainant",
    ),
    # "The prosecutor objected", "the public prosecutor indicted her", "The prosecutor had
    # requested five years"
    (
        re.compile(
            r"\b(?P<n>[Tt]he (?:(?:area|regional|provincial|city|county) )?"
            r"(?:public |state |military |district )?prosecutor)"
            r"(?= (?:had |has |then |later |also )?[a-z]+ed\b)"
        ),
        "prosecutor",
    ),
    # "released on bail by a magistrate in Bijapur", "summoned by the public prosecutor at the
    # Dixinn court": a judge or prosecutor who acts unnamed, known by the place or court they
    # sit at (not "brought before a magistrate", nor a month: "by a judge in March")
    (
        re.compile(
            r"\bby (?P<n>(?:an?|the) (?:(?:public|state|district|military|local) )?"
            r"(?:judge|magistrate|prosecutor) (?:in|at|of) (?:the )?"
            rf"(?!(?:{'|'.join(MONTHS)})\b)[A-ZÀ-ÞĀ-Žİ][\w’'\-]+(?: [A-ZÀ-ÞĀ-Žİ][\w’'\-]+){{0,3}}"
            r"(?: [Cc]ourt)?)(?![\w’'-])"
        ),
        "by post",
    ),
    # "six other accused", "22 other lawyers" (not when named next: "among them X")
    (
        re.compile(
            # "thirteen other young activists", "two other former detainees"
            rf"\b(?P<n>(?i:{_NUM})\s+(?:other (?:(?:young|former|fellow|local) )?"
            r"(?:accused|defendants|detainees|suspects|lawyers|"
            r"defenders|activists|journalists|prosecutors)|co-defendants|co-accused))\b"
            r"(?!,? (?:among|including|namely)\b|\s*[:—–])"  # named next: "four others: A, B"
        ),
        "group",
    ),  # fmt: skip
    # "The six others are members of X": the rest of a list just given
    (re.compile(rf"\b(?P<n>[Tt]he {_NUM} others)\b(?!,? (?:among|including)\b)"), "list"),
    # "an investigating judge of the Vela court", "an examining magistrate of the Vela Military
    # Court": a judge of the pre-trial stage, known by the court alone
    (
        re.compile(
            r"\b(?P<n>(?:[Aa]n?|[Tt]he) (?:investigating|examining) (?:judge|magistrate) of "
            r"(?:the )?(?:[A-Z][\w’'\-]+ ){0,4}(?:[Cc]ourt|[A-Z][\w’'\-]+)"
            r"(?: (?:of|in) [A-Z][\w’'\-]+)?)"
        ),
        "judge",
    ),
    (
        re.compile(
            r"\b(?P<n>(?:the |a |an )?(?:[A-Z][\w’'\-]+ ){0,4}(?:and [A-Z][\w’'\-]+ )?"
            r"(?:Judge|Magistrate)(?: of [A-Z][\w’'\-]+)?)(?![\w’'-]| [A-Z])"
        ),
        "judge",
    ),
    # "investigators searched the office", "interrogators had slapped her", "warders had beaten
    # him": state agents of an inquiry or of custody who act unnamed (not "citing
    # investigators", "the investigators alleged", "investigators should establish")
    (
        re.compile(
            r"(?<![\w ]of )\b(?P<n>investigators|interrogators|warders)\s+"
            r"(?:(?:had|have|then|also|later|repeatedly)\s+)?"
            r"(?:searched|raided|arrested|detained|questioned|interrogated|seized|confiscated|"
            r"summoned|beat|beaten|slapped|kicked|hit|took|forced|threatened|tortured)\b"
        ),
        "other",
    ),
    # "an investigator poured boiling water over him": one state agent who acts unnamed
    (
        re.compile(
            r"\b(?P<n>(?:[Aa]n?|[Tt]he) (?:police )?(?:investigator|interrogator|prison guard|"
            # "a female officer slapped her": one told apart by sex
            r"police officer|(?:fe)?male (?:police |security |prison )?officer))"
            r"(?=\s+(?:had\s+|has\s+|then\s+|allegedly\s+)?(?:[a-z]+ed|beat|hit|"
            r"took|threw|told|struck|forced|brought)\b)"
        ),
        "official",
    ),
    # "encouraged other detainees to harass him", "his fellow prisoners": held with the person
    (re.compile(r"\b(?P<n>(?:[Oo]ther|[Ff]ellow) (?:detainees|prisoners|inmates))\b"), "other"),
    # "prison guards beat him", "detention officers shaved his head": agents of custody
    (
        re.compile(
            r"\b(?P<n>(?:prison|detention|jail|penitentiary) (?:guards|officers|officials|staff))"
            r"\b(?! of\b)"
        ),
        "official",
    ),
    (re.compile(r"\b(?P<n>[Aa] public defender)\b"), "lawyer"),
    # "stopped at the airport by immigration officers", "served by two police officers": a
    # small group of state agents who act unnamed, named as the agent of a passive verb (a force
    # named bare, "police officers", is the body; a large one, "some 500 officers", the force)
    (re.compile(rf"{_PASSIVE_BY}{_AGENTS}\b(?! of\b| from\b)"), "other"),
    # "slapped and dragged by a female officer": one state agent, the same way
    (re.compile(rf"{_PASSIVE_BY}{_AGENT}\b(?! of\b| from\b)"), "official"),
    # "she was attacked by three men outside her home": men the text counts and does not name,
    # as the agent of a passive verb (not "by the two men": people named before)
    (
        re.compile(
            rf"{_PASSIVE_BY}(?P<n>(?:two|three|four|five|six|seven|eight|several|\d{{1,2}})\s+"
            r"(?:(?:young|armed|masked)\s+)?men)\b"
        ),
        "other",
    ),
    # "she was attacked with machetes by workers of the company": people a company employs,
    # unnamed, as the agent of a passive verb
    (
        re.compile(
            rf"{_PASSIVE_BY}(?P<n>(?:workers|employees|staff|guards|men)\s+(?:of|from|hired by|"
            r"working for)\s+(?:the\s+|a\s+)?(?:[a-z]+\s+)?(?:company|firm|mine|plantation|"
            r"landowner))\b"
        ),
        "other",
    ),
    # "A spokesperson for the Vela Commission said", "signed by the Authority's Director
    # General,": the holder of a post of a body the text names, who is not named
    (
        re.compile(
            rf"\b(?P<n>(?:[Aa]n?|[Tt]he) spokes(?:person|man|woman) (?:for|of) (?:the )?"
            rf"(?:{_CAP} ){{0,4}}{_CAP}|[Tt]he (?:{_CAP} ){{0,3}}{_CAP}[’']s "
            r"(?:Director[- ]General|[Hh]ead|[Cc]hief|[Ss]pokes(?:person|man|woman)|"
            r"[Cc]hair(?:man|woman|person)?))"
            r"(?=\s+(?:had\s+)?(?:said|told|stated|denied|confirmed|claimed|added|wrote)\b"
            r"|,(?!\s+(?:(?:Mr|Ms|Mrs|Dr)\b|[A-ZÀ-ÞĀ-Žİ]))|\.)"
        ),
        "official",
    ),
    # "visited her parents at their farm", "warned his eldest son": kin as the object of
    # what was done to them
    (
        re.compile(
            r"\b(?:visited|threatened|warned|harassed|questioned|interrogated|summoned|"
            r"beat|attacked|intimidated|arrested|detained|abducted)\s+"
            r"(?P<n>(?:his|her|their)\s+(?:eldest\s+|youngest\s+|elder\s+|younger\s+|"
            r"(?:two|three|four)\s+)?(?:family(?:\s+members)?|relatives|parents|children|sons?|"
            r"daughters?|brothers?|sisters?|wife|husband|mother|father|spouse))\b(?![’']|,\s+[A-Z])"
        ),
        "relative",
    ),
    # "searched the flat in the presence of her young son", "detained him in front of his
    # wife": kin who saw what was done
    (
        re.compile(
            r"\b(?:in\s+(?:the\s+)?presence\s+of|in\s+front\s+of)\s+"
            r"(?P<n>(?:his|her|their)\s+(?:elderly\s+|young\s+|(?:two|three|four)\s+)?"
            r"(?:family|parents|children|sons?|daughters?|wife|husband|mother|father))\b"
            r"(?![’']|,\s+[A-Z])"
        ),
        "relative",
    ),
    # "told his daughter that her mother would soon be in a cell": menace said to kin
    (
        re.compile(
            r"\btold\s+(?P<n>(?:his|her|their)\s+(?:eldest\s+|youngest\s+)?(?:family|parents|"
            r"sons?|daughters?(?:-in-law)?|brothers?|sisters?|wife|husband|mother|father))\s+that\b"
            r"(?=[^.;]{0,80}?\b(?:would|will|should|must|had better)\b)"
        ),
        "relative",
    ),
]


#: A literal every match of the pattern of the same index in UNNAMED contains: the patterns are
#: run only around it, which keeps the regex engine from trying every position of the text.
UNNAMED_ANCHORS = [
    re.compile(a)
    for a in (
        r"s lawyer",
        r"lawyer (?:for|of|repr)",
        r"s relatives",
        r"(?:family|relatives|parents|children|sons|daughters|brothers|sisters|wife|husband|"
        r"mother|father|son|daughter|brother|sister|spouse)\s",
        r"(?:unknown|unidentified|masked|armed|hooded|plain-?clothes?d?|anonymous)\s|in "
        r"(?:civilian|plain) clothes",
        r"(?:men|persons|people|individuals|assailants|attackers|gunmen) (?:armed with|on|in an?) ",
        r"(?:men|women|youths|boys|girls|farmers|students)\b",
        r"wearing|dressed in",
        r"otorcycle|otorbike|ehicle|ick-?up|truck|\b(?:car|van|SUV|jeep)s?\b",
        r"security guards",
        r"(?:employed|hired|sent|paid) by",
        r"who (?:had )?(?:heard|saw|witnessed)",
        r"members of",
        r"(?:members|activists|employees|volunteers) of",
        r"(?:officer|official|agent|inspector|investigator) of",
        r"[Tt]he (?:(?:area|regional|provincial|city|county) )?"
        r"(?:public |state |military |district )?prosecutor",
        r"by (?:an?|the) (?:(?:public|state|district|military|local) )?(?:judge|magistrate|"
        r"prosecutor) (?:in|at|of) ",
        r"other |co-(?:defendants|accused)",
        r" others\b",
        r"(?:investigating|examining) (?:judge|magistrate) of",
        r"Judge|Magistrate",
        r"(?:investigators|interrogators|warders)",
        r"(?:investigator|interrogator|prison guard|police officer|male (?:[a-z]+ )?officer)",
        r"(?:ther|ellow) (?:detainees|prisoners|inmates)",
        r"(?:prison|detention|jail|penitentiary) (?:guards|officers|officials|staff)",
        r"public defender",
        r"(?:officers|agents|officials|guards|warders)\b",
        r"(?:officer|agent|investigator|interrogator|guard|warder)\b",
        r"men\b",
        r"(?:company|firm|mine|plantation|landowner)\b",
        r"spokes(?:person|man|woman) (?:for|of)"
        r"|[’']s (?:Director|[Hh]ead|[Cc]hief|[Ss]pokes|[Cc]hair)",
        r"(?:visited|threatened|warned|harassed|questioned|interrogated|summoned|beat|"
        r"attacked|intimidated|arrested|detained|abducted)\s+(?:his|her|their)\s",
        r"(?:presence of|front of)\s+(?:his|her|their)\s",
        r"told\s+(?:his|her|their)\s",
    )
]


#: Anchors that open with a class or an alternation of words ("[Tt]he prosecutor",
#: "(?:unknown|masked) ...") are found faster at their literals (:func:`kg.extract.scan.
#: finditer_prefixed`) than by trying them at every character; those that open with a literal
#: of three characters or more the regex engine finds as fast itself.
BY_LITERALS = frozenset(a for a in UNNAMED_ANCHORS if not opens_with_literal(a))
#: The longest literals the anchors of :data:`BY_LITERALS` may be found by.
ANCHOR_LITERAL = 12


#: The anchors of :data:`BY_LITERALS`, their literals found in one reading of the word index.
ANCHOR_PLACES = LiteralPlaces([a for a in UNNAMED_ANCHORS if a in BY_LITERALS], ANCHOR_LITERAL)
#: Each anchor's index in ANCHOR_PLACES.
_PLACES_OF = {a: i for i, a in enumerate(ANCHOR_PLACES.patterns)}


def _unnamed_matches(
    flat: str, rx: re.Pattern[str], anchor: re.Pattern[str], places: list[list[int]]
):
    seen = set()
    found = (
        ANCHOR_PLACES.finditer(_PLACES_OF[anchor], flat, places)
        if anchor in BY_LITERALS
        else anchor.finditer(flat)
    )
    for am in found:
        reach = 200 if rx is MEMBERS_HELD else 60  # its verb may follow a relative clause
        for m in rx.finditer(flat, max(0, am.start() - 120), min(len(flat), am.end() + reach)):
            if m.start() <= am.start() and am.end() <= m.end() and m.span() not in seen:
                seen.add(m.span())
                yield m


def add_unnamed(doc: Doc, ents: Entities) -> None:
    """Actors the text describes but does not name: "his lawyer", "two masked men"."""
    taken: list[tuple[int, int]] = []
    places = ANCHOR_PLACES.places(doc.flat, doc.word_index)
    for (rx, role), anchor in zip(UNNAMED, UNNAMED_ANCHORS, strict=True):
        for m in _unnamed_matches(doc.flat, rx, anchor, places):
            label = clean(m.group("n"))
            if any(a < m.end("n") and m.start("n") < b for a, b in taken):
                continue
            if _apposed_to_name(doc, ents, m.start("n")):
                continue  # "Ada Brun, Sand's lawyer,": the lawyer is named
            if label.split()[-1] in ONE_KIN and _kin_named(doc, ents, label.split()[-1]):
                continue  # "her son, Mr. Ivo Lind, ... Her son was detained": the son is named
            if role == "judge" and not re.match(
                r"the [A-Z][\w’'\-]+ |(?:[Aa]n?|[Tt]he) (?:investigating|examining) ", label
            ):
                continue  # only "the Principal Judge of X" stands for an unnamed judge
            if role == "judge" and NAME_APPOSED_AFTER.match(doc.flat, m.end("n")):
                continue  # "The investigating judge of the X Court, Ana Lind, ...": named
            if role == "judge" and BODY_OF_BEFORE.search(
                doc.flat, max(0, m.start("n") - 20), m.start("n")
            ):
                continue  # "the Court of the Chief Magistrate": the court's name, no person
            owner = re.match(r"(.+?)[’']s ", label) or re.match(
                r"(?:[Aa]n?|[Tt]he) lawyer (?:for|of|representing) (.+)$", label
            )
            if (
                owner
                and role != "official"
                and not any(
                    owner.group(1) == p.name
                    or owner.group(1) in p.variants
                    # "Al-Kaabi's lawyer" where two persons share the surname
                    or (role == "lawyer" and (p.name or "").endswith(" " + owner.group(1)))
                    for p in ents.of("person")
                )
            ):
                continue
            if role == "by post":
                if NAME_APPOSED_AFTER.match(doc.flat, m.end("n")):
                    continue  # "by the prosecutor at the X court, Ana Lind,": named
                role = "prosecutor" if _post_head(label) == "prosecutor" else "judge"
            if any(label in e.variants for e in ents.of("person") if e.name is None):
                continue
            told = role == "other" and next(
                (e for e in ents.of("person")
                 if e.name is None and "other" in e.attrs.get("roles", ())
                 and any(_uncounted(v) == _uncounted(label) and _uncounted(label) in (
                     v.lower(), label.lower()) for v in e.variants)),
                None,
            )  # fmt: skip
            if told:  # "men in plain clothes ... four men in plain clothes": one group told twice
                told.variants.append(label)
                told.mentions.append((m.start("n"), m.end("n")))
                continue
            if role == "list" and _names_the_others(ents, m):
                continue  # "A, B, C and D ... Mansoor and the four others": named just before
            same = role in ("group", "prosecutor") and next(
                (e for e in ents.of("person")
                 if e.name is None and _post_head(e.variants[-1]) == _post_head(label)),
                None,
            )  # fmt: skip
            # ("the public prosecutor ... the prosecutor": one prosecutor)
            if same:  # "21 co-defendants" and later "several co-defendants": one group
                same.variants.append(label)
                same.mentions.append((m.start("n"), m.end("n")))
                continue
            roles = [_group_role(doc, ents, m, role)]
            e = Entity("person", None, m.start("n"), m.end("n"), variants=[label])
            e.mentions.append((e.start, e.end))
            e.attrs.update(roles=roles, positions=[], gender="unknown")
            if "men" in label.split():
                e.attrs["gender"] = "male"
            elif GENDER_NOUNS.get(label.split()[-1], "unknown") != "unknown":
                e.attrs["gender"] = GENDER_NOUNS[label.split()[-1]]  # "her mother", "his son"
            ents.items.append(e)
            taken.append((m.start("n"), m.end("n")))


#: What opens a group's description to count it: "four", "several", "a group of", "some 20".
COUNT_OPENING = re.compile(
    rf"^(?:(?:[Aa]|[Tt]he) group of\s+)?(?:(?:{_NUM}|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|"
    r"[Ss]everal|[Ss]ome)\s+)?"
)


def _uncounted(label: str) -> str:
    """A group's description without the count that opens it: "four men in plain clothes" and
    "men in plain clothes" tell of one group ("two men on a motorcycle" and "three men on a
    motorcycle" of two: the description without a count is the one told again)."""
    return COUNT_OPENING.sub("", label).lower()


def _post_head(label: str) -> str:
    """The noun an unnamed actor's description ends with, before the place or court that
    follows it: "the public prosecutor at the Dixinn court" -> "prosecutor"."""
    words = label.split()
    for i, w in enumerate(words[1:], 1):
        if w in ("in", "at", "of") and words[i - 1] in ("judge", "magistrate", "prosecutor"):
            return words[i - 1]
    return words[-1]


#: A court or office named after the judge who sits in it: "the Court of the Chief Magistrate".
BODY_OF_BEFORE = re.compile(r"\b(?:Courts?|Office|Chambers?|Tribunal)\s+of\s+$")
#: A closing quote, then a noun for a movement or a campaign: what the quoted words name.
QUOTED_BEFORE_NOUN = re.compile(
    r"[\"”]\s+(?:uprising|movement|campaign|protests?|revolution|slogan|demonstrations?|"
    r"march|rally|strike|initiative|coalition)\b"
)
#: A name set off by a comma right after a description: "..., Ana Lind," or "..., Judge Ana Lind".
NAME_APPOSED_AFTER = re.compile(
    r",\s+(?:(?:Mr|Ms|Mrs|Dr|Judge)\.?\s+)?[A-ZÀ-ÞĀ-Žİ][\w’'\-]+\s+[A-ZÀ-ÞĀ-Žİ]"
)


#: Kin nouns for one person: an unnamed "her son" is the son the text has named, if it has.
ONE_KIN = frozenset("wife husband mother father son daughter brother sister spouse".split())


def _kin_named(doc: Doc, ents: Entities, kin: str) -> bool:
    """Whether the text names someone by the kin noun in apposition: "her son, Mr. Ivo Lind"."""
    starts = {a for p in ents.of("person") if p.name for a, _ in p.mentions}
    for m in re.finditer(rf"\b(?:[Hh]is|[Hh]er|[Tt]heir) {kin},\s+", doc.flat):
        h = HONORIFIC_AT.match(doc.flat, m.end())
        if (h.end() if h else m.end()) in starts:
            return True
    return False


#: An honorific before a name: "Mr. ", "Ms ".
HONORIFIC_AT = re.compile(r"(?:Mr|Mrs|Ms|Dr)\.?\s+")


def _names_the_others(ents: Entities, m: re.Match[str]) -> bool:
    """Whether "the N others" refers back to people the text has just named: at least N named
    persons besides the one set apart from them, in the 400 characters before."""
    count = m.group("n").split()[1].lower()
    n = int(count) if count.isdigit() else NUMBER_WORDS.get(count)
    if not n:
        return False
    lo = m.start() - 400
    named = sum(
        1 for p in ents.of("person") if p.name and any(lo <= a < m.start() for a, _ in p.mentions)
    )
    return named >= n + 1


def _apposed_to_name(doc: Doc, ents: Entities, start: int) -> bool:
    """A description that stands in apposition right after a named person's mention ("A B,
    his lawyer, said") describes that person, not someone unnamed."""
    comma = doc.flat.rfind(",", max(0, start - 3), start)
    if comma < 0 or doc.flat[comma + 1 : start].strip():
        return False
    return any(b == comma for p in ents.of("person") if p.name for _, b in p.mentions)


#: Words before a post that make its holder no actor: spoken to, asked, appeared before.
_NOT_ACTING = "".join(
    f"(?<!{w} )" for w in ("told", "before", "to", "urge", "urges", "ask", "asks", "on")
)
#: Words after a post that deny its act: "the prosecutor has never said", "did not reply".
_NOT_DONE = r"(?! (?:has |had |did |does |was |is |could )?(?:never|not)\b)"

#: An actor the text names only by the part they play, taken when nobody named plays it:
#: "the judge ruled", "a judge issued a warrant", "his lawyers were not notified".
UNNAMED_BY_PART = [
    (re.compile(r"\b(?:[Tt]he|[Aa]) (?:(?:military|presiding|investigating|trial) )?judge\b"
                r"(?![’'-]| [A-Z])"), "judge"),
    (re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir) lawyers\b(?![’'])"), "lawyer"),
    # "The magistrate remanded him", "the prosecutor asked for five years": not one only
    # spoken to, asked or appeared before ("told the prosecutor that", "urge the prosecutor
    # to", "brought before a magistrate"), where the text tells of the court or the
    # prosecution as a body, nor one whose act is denied ("the prosecutor has never said")
    (re.compile(rf"{_NOT_ACTING}\b(?:[Tt]he|[Aa]) magistrate\b(?![’'-]| [A-Z]){_NOT_DONE}"),
     "judge"),
    (re.compile(rf"{_NOT_ACTING}\b(?:[Tt]he|[Aa]) (?:(?:public|state|district|military) )?"
                rf"prosecutor\b(?![’'-]| [A-Z]| general\b){_NOT_DONE}"), "prosecutor"),
]  # fmt: skip
#: The noun that ends each of :data:`UNNAMED_BY_PART`: a match opens at most 18 characters
#: before it ("The investigating judge") and ends, with what its look-aheads read, at most 22
#: after its start ("a magistrate could never"). The patterns are tried only around these nouns,
#: not at every "the" and "his".
UNNAMED_BY_PART_NOUNS = [
    re.compile(r"judge"),
    re.compile(r"lawyers"),
    re.compile(r"magistrate"),
    re.compile(r"prosecutor"),
]
#: A name told right after the part, or after the court it sits at: "the public prosecutor at
#: the Dixinn court, Ana Lind," names the prosecutor.
NAMED_AFTER_PART = re.compile(
    r"(?: (?:in|at|of) [^,.;]{1,60}?)?, (?:(?:Mr|Ms|Mrs|Dr)\.? )?[A-Z][\w’'-]+ [A-Z]"
)


#: A post-holder who acts without a name: "signed by the President", "the Attorney General
#: ordered ...". Taken once, when no person found holds a post of that name.
UNNAMED_POST = re.compile(
    r"\bby (?P<a>the (?:President|Prime Minister|Attorney General)(?: of the Republic)?)"
    r"(?![\w’'-]| of (?!the Republic)| [A-Z]|,? (?:Mr|Ms|Mrs|Dr)\b)"
    r"|\b(?P<b>[Tt]he (?:President|Prime Minister|Attorney General)) (?=(?:later )?[a-z]+ed\b)"
)


#: The holder of a post of a place or a portfolio who acts without a name: "the governor of
#: Amman ordered him held", "on the orders of the Minister of the Interior" is not one (the
#: order is told, not its maker acting), "by the Governor of Vela", not "the Governor of
#: Vela, Tom Reed," (named).
_POST_OF = r"(?:[Gg]overnor|[Mm]inister|[Mm]ayor|[Pp]refect|[Ss]peaker)"
_OF_NAME = r"of (?:the )?[A-ZÀ-ÞĀ-Žİ][\w’'-]+(?: (?:and )?[A-ZÀ-ÞĀ-Žİ][\w’'-]+){0,3}"
UNNAMED_POST_OF = re.compile(
    rf"\bby (?P<a>the {_POST_OF} {_OF_NAME})(?![\w’'-]|,? [A-Z]| of\b)"
    rf"|\b(?P<b>[Tt]he {_POST_OF} {_OF_NAME}) (?=(?:later |then |also )?[a-z]+ed\b)"
)


def add_unnamed_posts(doc: Doc, ents: Entities) -> None:
    """Unnamed holders of the highest posts who act in the text."""
    seen: set[str] = set()
    posts = ("President", "Prime Minister", "Attorney General")  # one is in every match
    # tried where "by the P", "the Prim", ... are found, not at every character
    found = (
        finditer_prefixed(UNNAMED_POST, doc.flat, ANCHOR_LITERAL)
        if any(w in doc.flat for w in posts)
        else ()
    )
    for m in found:
        label = m.group("a") or m.group("b")
        post = label.split(" ", 1)[1].replace(" of the Republic", "")
        if post in seen or any(
            post in (pos.get("title") or "")
            for p in ents.of("person")
            for pos in p.attrs.get("positions", [])
        ):
            continue
        seen.add(post)
        a, b = m.span("a") if m.group("a") else m.span("b")
        e = Entity("person", None, a, b, variants=[clean(label)])
        e.mentions.append((a, b))
        roles = ["official", "prosecutor"] if post == "Attorney General" else ["official"]
        e.attrs.update(roles=roles, positions=[{"title": post, "organisation": None}])
        e.attrs["gender"] = "unknown"
        ents.items.append(e)
    for m in finditer_around(UNNAMED_POST_OF, doc.flat, _POST_OF_WORD, before=30, after=140):
        if m.group("a") and _ONLY_IF_DONE.search(doc.flat, max(0, m.start() - 40), m.start()):
            continue  # "the Act requires such orders to be issued by the Minister of X"
        label = clean(m.group("a") or m.group("b"))
        post = label.split(" ", 1)[1]  # "Governor of Amman"
        if post.lower() in seen or any(
            post.lower() in (pos.get("title") or "").lower()
            for p in ents.of("person")
            for pos in p.attrs.get("positions", [])
        ):
            continue
        if any(p.name and p.name in label for p in ents.of("person")):
            continue  # "The Minister of Justice Ivo Sand ordered": the holder is named
        seen.add(post.lower())
        a, b = m.span("a") if m.group("a") else m.span("b")
        e = Entity("person", None, a, b, variants=[label])
        e.mentions.append((a, b))
        e.attrs.update(roles=["official"], positions=[{"title": post, "organisation": None}])
        e.attrs["gender"] = "unknown"
        ents.items.append(e)


#: A passive told of what is to be or may be done, not done: "orders to be issued by".
_ONLY_IF_DONE = re.compile(r"\b(?:to|would|should|must|may|can|could|shall) be \w+ $")
#: The noun every match of :data:`UNNAMED_POST_OF` holds, set where its post word is.
_POST_OF_WORD = re.compile(r"(?<=[Tt]he )" + _POST_OF + r" of ")


def add_unnamed_by_part(doc: Doc, ents: Entities) -> None:
    """One unnamed judge, lawyer or prosecutor where the text refers to one and names none."""
    for (rx, role), noun in zip(UNNAMED_BY_PART, UNNAMED_BY_PART_NOUNS, strict=True):
        if any(role in p.attrs.get("roles", []) for p in ents.of("person")):
            continue
        found = finditer_around(rx, doc.flat, noun, before=24, after=24)  # rx.finditer, sooner
        m = next((m for m in found if not NAMED_AFTER_PART.match(doc.flat, m.end())), None)
        if m is None:
            continue
        e = Entity("person", None, m.start(), m.end(), variants=[clean(m.group())])
        e.mentions.append((m.start(), m.end()))
        e.attrs.update(roles=[role], positions=[], gender="unknown")
        ents.items.append(e)


def _group_role(doc: Doc, ents: Entities, m: re.Match[str], role: str) -> str:
    """The role of a group: from its noun ("other lawyers"), or for "the six others" the role
    most of the people named in the sentences just before share."""
    if role == "group":
        return GROUP_ROLES.get(m.group("n").split()[-1], "other")
    if role != "list":
        return role
    lo = m.start() - 400
    counts: dict[str, int] = {}
    for p in ents.of("person"):
        if p.name and any(lo <= a < m.start() for a, _ in p.mentions):
            for r in p.attrs.get("roles", []):
                counts[r] = counts.get(r, 0) + 1
    return max(counts, key=lambda r: counts[r]) if counts else "other"


def _verb_forms(frames: frozenset[str], more: tuple[str, ...]) -> str:
    """The trigger lexicon's verb forms read in one of ``frames``, and ``more``, as one
    alternation (longest first)."""
    forms = {f for fr in VERB_FRAMES.values() for f, v in fr.items() if v & frames}
    return "|".join(sorted(forms | set(more), key=lambda f: (-len(f), f)))


#: Words a crowd is counted with: "several", "some 40", "around 80", "three".
_CROWD_COUNT = (
    r"(?:(?:some|about|around|nearly|almost|over|more than|at least|up to)\s+)?"
    r"(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|several)"
)
#: People a text counts and never names, one by one: those living on a piece of land or
#: taking part in a protest ("activists", "lawyers", "journalists" are named, as a rule).
_CROWD_NOUN = (
    r"(?:villagers|families|farmers|residents|marchers|protesters|protestors|demonstrators|"
    r"students|workers|peasants|households|inhabitants)"
)
#: A counted crowd ("several villagers", "some 40 families") or one told by its people's name
#: ("Lenca families"), with up to two words that qualify it ("around 80 young farmers").
_CROWD = (
    rf"(?P<n>(?:(?i:{_CROWD_COUNT})\s+(?:(?:other|young|local|indigenous|elderly|peaceful|"
    r"[A-ZÀ-ÞĀ-Žİ][\w’'-]+)\s+){0,2}|[A-ZÀ-ÞĀ-Žİ][a-zà-ÿā-ž’'-]+\s+)"
    rf"{_CROWD_NOUN})\b(?!,?\s+(?:among them|namely)\b|\s*:)"
)
#: A crowd as the object of an act of the event lexicon in the active ("beat several
#: villagers", "evicted some 40 families"), or as the subject of one in the simple passive
#: ("Several marchers were beaten"; not "at least 280 people have been prosecuted", a count
#: of background, nor "the marchers", who are told of before).
CROWD_UNDERGOES = (
    re.compile(
        rf"(?<![\w-])(?:{_verb_forms(frozenset({'active'}), ('beat', 'evicted', 'injured'))})\s+"
        + _CROWD
    ),
    re.compile(
        r"(?<![\w-])(?<![Tt]he )(?<!, )"
        + _CROWD
        + r"\s+(?:was|were)\s+(?:[a-z]+ly\s+)?"
        + rf"(?:{_verb_forms(frozenset({'passive'}), ('beaten', 'evicted', 'injured'))})\b"
    ),
)


#: The crowd's nouns, looked up in the word index (:func:`kg.extract.scan.find_words`), the
#: places ``\b(?:villagers|families|...)\b`` matches at, without reading the text.
CROWD_WORDS = tuple(_CROWD_NOUN[3:-1].split("|"))


def add_crowds_undergoing(doc: Doc, ents: Entities) -> None:
    """A crowd the text counts and does not name, told as undergoing an act of the event
    lexicon ("security guards beat several villagers", "Several marchers were beaten"): one
    unnamed person, ``other``, whom the events can take as their target."""
    flat = doc.flat
    found: dict[tuple[int, int], re.Match[str]] = {}
    # tried around the crowd's noun, not at every character
    for w0, w1 in find_words(flat, CROWD_WORDS, doc.word_index):
        for rx in CROWD_UNDERGOES:
            for m in rx.finditer(flat, max(0, w0 - 90), min(len(flat), w1 + 90)):
                if m.start("n") <= w0 < m.end("n"):
                    found.setdefault(m.span("n"), m)
    for _, m in sorted(found.items()):
        a, b = m.span("n")
        label = clean(m.group("n"))
        if any(x < b and a < y for q in ents.of("person") for x, y in q.mentions):
            continue
        if any(label in q.variants for q in ents.of("person") if q.name is None):
            continue
        e = Entity("person", None, a, b, variants=[label])
        e.mentions.append((a, b))
        # "fired tear gas at the marchers ... Several marchers were beaten": the crowd told
        # again by its noun after "the" is the same crowd
        noun = re.compile(rf"\b[Tt]he\s+({re.escape(label.split()[-1])})\b")
        for t in noun.finditer(doc.flat):
            if not any(x < t.end(1) and t.start(1) < y for q in ents.of("person")
                       for x, y in q.mentions):  # fmt: skip
                e.mentions.append(t.span(1))
        e.mentions.sort()
        e.attrs.update(roles=["other"], positions=[], gender="unknown")
        ents.items.append(e)


#: A word of a line, for telling a line in title case.
_LINE_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def _on_title_case_line(text: str, at: int, seen: dict[int, bool]) -> bool:
    """Whether the line that holds ``at`` is written in title case: four or more words of over
    three letters, at least four in five of them capitalised (a headline or its subtitle,
    "Vela Monitors Face Terrorism Charges; Colleague Found Dead"). ``seen`` keeps each line's
    answer by where it starts."""
    start = text.rfind("\n", 0, at) + 1
    if start not in seen:
        end = text.find("\n", at)
        words = [w for w in _LINE_WORD.findall(text, start, len(text) if end < 0 else end)
                 if len(w) > 3]  # fmt: skip
        seen[start] = len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
    return seen[start]


def drop_headline_persons(doc: Doc, ents: Entities) -> None:
    """A headline in title case capitalises common words: a "person" named only on such lines,
    one of whose words the text writes in lower case elsewhere ("Critic Faces", "Colleague Found
    Dead": "faces", "found"), is words of the headline, no one's name. A name the text gives
    only in its headline keeps its capitals everywhere, so it stays."""
    seen: dict[int, bool] = {}
    index = doc.word_index
    for p in list(ents.of("person")):
        if not p.name or not p.mentions:
            continue
        if not all(_on_title_case_line(doc.text, a, seen) for a, _ in p.mentions):
            continue
        # (words of over three letters: a particle, "Al", "Bin", is written in lower case too)
        if any(len(w) > 3 and w.lower() != w and w.lower() in index for w in p.name.split()):
            ents.items.remove(p)


#: An opening quotation mark right before a mention (a bracket may open before it): the words
#: are quoted.
QUOTE_OPENS = re.compile(r"[“\"‘]\s*$")
#: A closing quotation mark right after a mention, a comma or stop before it or not.
QUOTE_CLOSES = re.compile(r"[,.]?[”\"’]")
#: Words that introduce another name of a person in quotation marks, and the other quoted
#: names of a list they open: "known as “X”", "his pen name “X”", "commanders known as “A”,
#: “B” and “C”".
ALIAS_BEFORE = re.compile(
    r"\b(?:known as|alias|aka|a\.k\.a\.|nicknamed|dubbed|called|pen[- ]name|nickname|"
    r"pseudonym|also spelt|also spelled|or)\s*"
    r"(?:[“\"‘][^“”\"‘’]{1,40}[”\"’]\s*(?:,\s*and|,|and)\s*)*[“\"‘]\s*$"
)


def drop_quoted_titles(doc: Doc, ents: Entities) -> None:
    """A "person" named only between quotation marks, each time, and never as someone's other
    name ("known as “X”"), is the title of a work, a programme or a project ("the collection
    (“The Flood Season”)", "the programme “Voces del Llano”"), no one's name."""
    flat = doc.flat
    for p in list(ents.of("person")):
        if not p.name or not p.mentions:
            continue
        if all(
            QUOTE_OPENS.search(flat, max(0, a - 3), a)
            and QUOTE_CLOSES.match(flat, b)
            and not ALIAS_BEFORE.search(flat, max(0, a - 160), a)
            for a, b in p.mentions
        ):
            ents.items.remove(p)
            ents.not_persons.add(p.name)
