"""Bodies the head-word rules miss or cut wrongly: diplomatic missions, numbered court branches,
police forces qualified by their place, and the tidying of names that are not bodies at all.

These are patterns of the genre, not of one appeal: letters to a government are copied to its
mission or embassy; courts sit in numbered branches; a narrative names "the Zenda police" once
and "the police" after.
"""

from __future__ import annotations

import bisect
import re

from kg.extract.entities import Entities, Entity, head_of
from kg.extract.lexicon import (
    CAP_STOP,
    COUNTRIES,
    DEMONYMS,
    KNOWN_BODIES,
    LEGAL_FORM,
    MONTHS,
    ORG_HEADS,
)
from kg.extract.names import org_kind
from kg.extract.scan import finditer_indexed
from kg.extract.text import Doc, clean

_CAP = r"[A-Z][\w’'\-]*"
# bounded, so that a text of nothing but capitalised words costs linear time
_NAME = rf"{_CAP}(?:\s+(?:of\s+|the\s+|and\s+){{0,3}}{_CAP}){{0,12}}"

# Every pattern starts with a literal word and is looked back from there: a pattern that
# starts with "\b" or "\s+" is tried at every position of the text and costs ten times more.

#: "Permanent Mission of Zembla to the United Nations in Geneva", "Embassy of Zembla to the
#: European Union", "Embassy of Zembla": a state's mission, named with whom it is accredited.
MISSION = re.compile(
    rf"(?:Permanent\s+Mission|Embassy|Consulate(?:\s+General)?|High\s+Commission)\s+of\s+"
    rf"(?:the\s+)?{_NAME}(?:\s+to\s+(?:the\s+)?{_NAME}(?:\s+(?:in|at)\s+{_CAP})?)?"
)
#: "Branch 15 of the Zenda Revolutionary Court", "District Court Branch 7": a court's
#: numbered branch is the body that tried the case.
BRANCH = re.compile(rf"Branch\s+\d+\s+of\s+the\s+{_NAME}(?:\s+in\s+{_CAP})?")
BRANCH_AFTER = re.compile(r"Court\s+Branch\s+\d+\b")
#: "the Zenda police", "Zenda state police", "Zemblan criminal police", "Zenda police station".
POLICE = re.compile(r"police(?:\s+(?:station|department|post))?\b")
#: "municipal police of Juchitán", "the police of Aksy district": a police force named, in
#: lower case, by the place it serves.
POLICE_OF = re.compile(
    r"(?:(?P<q>municipal|district|city|regional|provincial|state|local|county|town|judicial|"
    r"criminal|federal|national|military|border)\s+)?"
    rf"(?P<n>police)\s+of\s+(?P<p>{_CAP}(?:\s+{_CAP})?)"
    r"(?:\s+(?:district|region|province|city|county|town|municipality|oblast|governorate)\b)?"
)
POLICE_BEFORE = re.compile(
    rf"(?<![\w’'\-])(?P<w>{_CAP})\s+"
    r"(?:(?:state|district|city|provincial|regional|municipal|criminal)\s+)?\Z"
)
#: The first of two capitalised words naming the locality of a police station, inside a
#: sentence: "at Civil Lines police station", "the Model Town police station".
STATION_PLACE = re.compile(rf"(?<=[a-z,] )(?P<w>{_CAP})\s+\Z")
#: "the Zenda court", "Zenda town court", "the Zenda party", "Zenda district administration",
#: "the Zemblan government".
LOWER_BODY = [
    re.compile(rf"(?P<noun>{w})\b")
    for w in (
        "court", "party", "administration", "government", "municipal council",
        # "the Vela regional prosecutor's office"
        "prosecutor[’']s office",
    )
]  # fmt: skip
LOWER_BODY_BEFORE = re.compile(
    rf"(?<![\w’'\-])(?P<w>{_CAP}(?:\s+{_CAP})?)\s+"
    r"(?:(?P<q>town|district|city|regional|provincial|state)\s+)?\Z"
)
#: "the" right before a place's words.
THE_BEFORE = re.compile(r"\b[Tt]he\s+\Z")
LOWER_KINDS = {"court": "court", "party": "political_party", "administration": "government",
               "government": "government", "municipal council": "government",
               "prosecutor’s office": "prosecution",
               "prosecutor's office": "prosecution"}  # fmt: skip
#: "the central government", "the federal government": a state's government named by its level.
#: A word every match of MISSION holds: without one the pattern is not run.
MISSION_WORDS = ("Mission", "Embassy", "Consulate", "Commission")
LEVEL_GOVERNMENT = re.compile(r"(?:central|federal) government\b")
NOT_PLACE = frozenset(
    """The A An This That Local Other Plainclothes Traffic Secret Riot Military Some Several Two
Three Four Five Six Ten State Ruling Opposition""".split()
)
#: A name whose words are joined by "to", "by" or "without" after a body's head word:
#: "Committee to Protect Writers", "Campaign for Step by Step Reform".
JOIN_HEAD = re.compile(
    r"(?P<h>Committee|Campaign|Coalition|Network|Alliance|Movement|Association|Foundation|"
    # "the Special Force to Fight Crime", "the Agency to Combat Corruption"
    r"Fund|Centre|Center|Force|Unit|Agency|Commission|Office)\b"
)
JOINED_REST = re.compile(
    rf"(?:\s+(?:(?:of|the|for|and|on|against)\s+){{0,3}}{_CAP}){{0,8}}\s+(?:to|by|without)\s+{_NAME}"
)
#: Lawyers' associations named for their cause: "Zemblan Lawyers for Human Rights".
LAWYERS_FOR = [
    re.compile(rf"{w}\s+for\s+{_NAME}") for w in ("Lawyers", "Jurists", "Doctors", "Journalists")
]
#: A local unit of a state body, named by its place: "the Zenda district department of the
#: Ministry of Interior", "the Vela city office of the State Security Service".
LOCAL_UNIT = re.compile(
    rf"(?<![\w’'\-])(?P<w>{_CAP})\s+(?:district|city|regional|town|municipal|provincial)\s+"
    r"(?:department|office|branch|directorate|division|unit)\s+of\s+the\s+"
    rf"(?P<body>(?:Ministry|Department|Directorate|Service|Committee|Office|(?:{_CAP}\s+){{1,3}}"
    rf"(?:Service|Committee|Directorate))(?:\s+(?:of|for)\s+(?:the\s+)?{_CAP}(?:\s+{_CAP})*)?)"
)
#: The two words every match of LOCAL_UNIT holds, each a whole word (white space on both
#: sides): the pattern opens with a look-behind and is tried at every character, so it is run
#: only on a text whose word index has a word of each.
LOCAL_UNIT_PLACES = ("district", "city", "regional", "town", "municipal", "provincial")
LOCAL_UNIT_NOUNS = ("department", "office", "branch", "directorate", "division", "unit")
INTERIOR = re.compile(r"\b(?:Interior|Internal Affairs|Home Affairs)\b")
#: The state's registrar of bodies, named by what it registers: "the Registrar of Societies",
#: "the Registrar of Non-Governmental Organisations" (not "Registrar Tom Reed", a post).
REGISTRAR = re.compile(
    r"(?<![\w’'\-])Registrar(?:-General)?\s+(?:of|for)\s+"
    r"(?!(?:the\s+)?(?:[A-Z][\w’'\-]*\s+){0,4}(?:Court|Tribunal)\b)"
    r"(?:the\s+)?[A-Z][\w’'\-]*(?:\s+(?:and\s+)?[A-Z][\w’'\-]*)*"
)
#: PEN's centres, named by their country or region after "PEN" ("PEN Norway", "PEN Central
#: Asia") or by a demonym before it ("Swedish PEN", "English PEN").
PEN_AFTER = re.compile(
    r"PEN\s+(?P<p>(?:(?:Central|South|North|East|West|Southern|Northern|Eastern|Western)\s+)?"
    r"[A-Z][a-z]+)\b"
)
PEN_BEFORE = re.compile(r"(?<![\w’'\-])(?P<d>[A-Z][a-z]+)\s+PEN\b(?!\s+(?:Centre|Center|Club))")
PEN_REGIONS = frozenset(("America", "Asia", "Africa", "Europe", "Central Asia", "South Asia",
                         "Southern Africa", "East Africa", "West Africa"))  # fmt: skip
PEN_DEMONYMS = frozenset(("English", "Scottish", "Welsh", "Irish", "Catalan", "Basque", "Flemish",
                          "Slovene", "Croatian", "Serbian", "Czech", "Slovak", "Austrian", "Swiss",
                          "Canadian", "American", "Australian", "Danish", "Icelandic"))  # fmt: skip
#: Capitalised words and a space right before a position: the name a tail belongs to.
CAPS_BEFORE = re.compile(rf"(?<![\w’'\-]){_CAP}(?:\s+{_CAP})*\s+\Z")
CAP1_BEFORE = re.compile(rf"(?<![\w’'\-]){_CAP}\s+\Z")
#: A company's name before its legal form, with the particles of Spanish, Portuguese and French
#: names: "Aguas del Valle S.A.", "Minera de la Sierra S.A.C.".
COMPANY_BEFORE = re.compile(
    rf"(?<![\w’'\-]){_CAP}(?:\s+(?:(?:de|del|do|da|dos|das|du|des)\s+(?:(?:la|las|los|el)\s+)?)?"
    rf"{_CAP})*\s+\Z"
)
#: The same name with a comma before its legal form: "Aguas del Valle, S.A.".
COMPANY_BEFORE_COMMA = re.compile(COMPANY_BEFORE.pattern.replace(r"\s+\Z", r",\s+\Z"))
CAPS3_BEFORE = re.compile(rf"(?<![\w’'\-])(?:{_CAP}\s+){{1,3}}\Z")
#: A one-word gloss that belongs to the name: "Zemblan Communist Party (Maoist)".
NAME_GLOSS = re.compile(r"\s*\((?P<g>[A-Z][a-z]+)\)")
#: "the Vela " before a place's last word: its first word, after "the".
PLACE_AFTER_THE = re.compile(r"\bthe\s+(?P<w>[A-Z][\w’'-]+)\s+$")
#: "Police accused him": the bare capitalised word at a sentence's start is the police.
BARE_POLICE = re.compile(r"Police(?![\w’'\-])(?!\s+[A-Z])")

#: "Your Excellency’s Government": the addressee's government, not a named body.
ADDRESSEE_BODY = re.compile(r"^(?:Your\s+)?Excellency[’']s\b")
#: A post ("Minister of Justice"), a state ("Zembla Republic of ...", "Russian Federation for
#: ...") is no body.
NOT_BODY_NAME = re.compile(
    r"^(?:Minister|Deputy Minister|Vice-Minister)\s|^[A-Z][\w\-]*\s+Republic\s+of\s"
    # "Commissioner of Police for Ikeja" (a post), "Police from Kundli police station arrived"
    # (the police, then the station they came from): the police of a place has no name so
    r"|^Police\s+(?:for|from)\s"
    # "Superintendent of Police of Vela", "Inspector-General of Police": a police officer's post
    r"|^(?:(?:Deputy|Senior|Additional|Assistant)\s+)?(?:Superintendent|Commissioner|"
    r"Inspector(?:[\s\-]General)?|Director[\s\-]General)\s+of\s+Police\b"
)
#: A document is not a body, though its name is capitalised and defines an acronym: "First
#: Information Report (FIR)", "the Exit Control List", "Red Notice".
DOCUMENT_END = re.compile(
    r"\b(?:Report|Reports|List|Warrant|Notice|Verdict|Judgment|Judgement|"
    # a day kept or a work built is no body either: "International Workers' Day", "the Vela
    # Crude Oil Pipeline"
    r"Day|Pipeline)$"
)
#: Prizes and awards are not bodies: "the Zenda Prize for Courage".
NOT_A_BODY = re.compile(r"\b(?:Prize|Award|Awards|Medal)\b")
#: A seat after a name: "... in Strelsau", "... in the United Kingdom".
SEAT = re.compile(r"^(.+?)\s+in\s+(?:the\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,2}$")
#: Words a name never ends with: "Government of", "Zenda Group in September".
TRAILING = frozenset(("of", "the", "and", "in"))
#: The owner of a prize: "European Parliament’s Sakharov Prize" names the European Parliament.
OWNER = re.compile(r"^(?P<o>.+?)[’']s\s+")
#: The post a person holds in a body, ending a name after the body's possessive: "Zenda
#: Network's Africa Programme Manager", "the Centre's Executive Director".
STAFF_POST_END = re.compile(
    r"\b(?:Manager|Director|Coordinator|Officer|Head|Chair|Chairperson|President|Secretary|"
    r"Spokesperson|Adviser|Advisor|Researcher|Editor|Editor-in-Chief|Founder)$"
)


def _caps_before(flat: str, pos: int, rx: re.Pattern[str] = CAPS_BEFORE) -> int | None:
    """Where the capitalised words that end (with a space) at ``pos`` start, or None."""
    m = rx.search(flat, max(0, pos - 120), pos)
    return m.start() if m else None


def _starts_word(flat: str, i: int) -> bool:
    return i == 0 or not (flat[i - 1].isalnum() or flat[i - 1] in "’'-_")


#: An article that opens a sentence before a name: "The Committee to Protect ...".
ARTICLE_AT = re.compile(r"(?:The|A|An)\s+")
#: "and" in a joined name, and the words after it up to its end.
AND_REST = re.compile(r"\s+and\s+(?:the\s+)?(?P<r>.*?)(?=\s+and\s|$)", re.S)


def _joined_end(flat: str, rest: re.Match[str]) -> int:
    """Where a name joined by "to", "by" or "without" ends: at an "and" after which another
    body is named, known or by a head word of its own ("the Committee to Protect Journalists
    and Reporters Without Borders", "... and the Zenda Bar Association" are two bodies), else at
    the end of the match ("Coalition to Defend Land and Water" is one)."""
    tail = flat[rest.start() : rest.end()]
    for m in re.finditer(r"\s+and\s+", tail):
        after = AND_REST.match(tail, m.start())
        words = after.group("r").split() if after else []
        if " ".join(words) in KNOWN_BODIES or any(w in ORG_HEADS for w in words):
            return rest.start() + m.start()
    return rest.end()


#: A party named in an apposition after the noun: "the ruling party, the Zemblan Dawn,", "the
#: main opposition party, ZDP-FDD,".
PARTY_APPOSITION = re.compile(
    r"\b(?:ruling|governing|opposition) party,\s+(?:the\s+)?"
    r"(?P<n>[A-Z][\w’'&-]*(?:\s+(?:(?:of|for|the|and)\s+)?[A-Z][\w’'&-]*){0,5})(?=\s*[,;.)])"
)


def add_pattern_bodies(doc: Doc, ents: Entities, main_country: str | None) -> None:
    """Missions, court branches, joined names, companies and police, by pattern."""
    flat = doc.flat
    found: list[tuple[int, int, str, str | None]] = []  # start, end, kind, country
    missions = MISSION.finditer(flat) if any(w in flat for w in MISSION_WORDS) else ()
    for m in missions:
        if _starts_word(flat, m.start()):
            found.append((m.start(), m.end(), "government", None))
    for m in BRANCH.finditer(flat):
        if _starts_word(flat, m.start()):
            found.append((m.start(), m.end(), "court", main_country))
    for m in BRANCH_AFTER.finditer(flat):
        a = _caps_before(flat, m.start())
        if a is not None:
            found.append((a, m.end(), "court", main_country))
    for m in finditer_indexed(JOIN_HEAD, flat, doc.word_index):  # at its head words
        rest = JOINED_REST.match(flat, m.end()) if _starts_word(flat, m.start()) else None
        if rest:
            a = _caps_before(flat, m.start(), CAPS3_BEFORE)
            if a is not None and (art := ARTICLE_AT.match(flat, a)):
                a = None if art.end() >= m.start() else art.end()  # a sentence's "The"
            kind = ORG_HEADS.get(m.group("h"), "other")
            found.append((m.start() if a is None else a, _joined_end(flat, rest), kind, None))
    for m in (m for rx in LAWYERS_FOR for m in rx.finditer(flat)):
        if _starts_word(flat, m.start()):
            a = _caps_before(flat, m.start(), CAP1_BEFORE)
            found.append((m.start() if a is None else a, m.end(), "ngo", None))
    index = doc.word_index
    units = (
        LOCAL_UNIT.finditer(flat)
        if " of the " in flat
        and any(w in index for w in LOCAL_UNIT_PLACES)
        and any(w in index for w in LOCAL_UNIT_NOUNS)
        else ()
    )
    for m in units:
        if m.group("w") in NOT_PLACE or m.group("w") in MONTHS:
            continue
        body = m.group("body")
        # a local unit of a ministry of the interior is the police of that place
        kind = "police" if INTERIOR.search(body) else org_kind(body, "")
        found.append((m.start(), m.end(), kind, main_country))
    if "PEN" in flat:
        for m in PEN_AFTER.finditer(flat):
            if _starts_word(flat, m.start()) and (
                m.group("p") in COUNTRIES or m.group("p") in PEN_REGIONS
            ):
                found.append((m.start(), m.end(), "ngo", None))
        for m in PEN_BEFORE.finditer(flat):
            if m.group("d") in DEMONYMS or m.group("d") in PEN_DEMONYMS:
                found.append((m.start(), m.end(), "ngo", None))
    if "Registrar" in flat:
        for m in REGISTRAR.finditer(flat):
            found.append((m.start(), m.end(), "government", main_country))
    if " party, " in flat:
        for m in PARTY_APPOSITION.finditer(flat):
            found.append((m.start("n"), m.end("n"), "political_party", main_country))
    for m in finditer_indexed(LEGAL_FORM, flat, doc.word_index):
        a = None
        if _starts_word(flat, m.start()):
            a = _caps_before(flat, m.start(), COMPANY_BEFORE)
            a = _caps_before(flat, m.start(), COMPANY_BEFORE_COMMA) if a is None else a
        if a is not None:
            found.append((a, m.end(), "company", main_country))
    spans = []
    short = doc.short_line(60) if found else 60
    for a, b, kind, country in found:
        b = _line_end(doc.text, a, b, short)
        while b > a and flat[b - 1] in ".," and kind != "company":
            b -= 1
        e = ents.add(Entity("organisation", clean(flat[a:b]), a, b))
        e.attrs["kind"] = kind
        e.attrs.setdefault("country", country)
        spans.append((e, a, b))
    for m in BARE_POLICE.finditer(flat):
        if not _starts_word(flat, m.start()):
            continue
        prev = flat[max(0, m.start() - 30) : m.start()].split()
        # "Zenda Police" is a name; after a full stop or a lower-case word it is the police
        # "(National Police)": the bracket opens a name, and the word after it names the force
        word = prev[-1].lstrip("(“\"‘'[") if prev else ""
        if not word or prev[-1][-1] in '.:;!?"“”' or not word[:1].isupper():
            e = ents.add(Entity("organisation", "police", m.start(), m.end()))
            e.attrs.setdefault("kind", "police")
            e.attrs.setdefault("country", main_country)
    for m in POLICE.finditer(flat):
        w = POLICE_BEFORE.search(flat, max(0, m.start() - 60), m.start())
        if not _starts_word(flat, m.start()) or w is None:
            continue
        if w.group("w") in NOT_PLACE or w.group("w") in MONTHS or w.group("w") in CAP_STOP:
            continue  # ("When police came": a clause's first word, no place)
        a = w.start()
        # (a level before "police" names a force by its region: "the Vela Nova regional police")
        level = flat[w.end("w") : w.end()].strip() != ""
        two = (
            STATION_PLACE.search(flat, max(0, a - 40), a)
            if m.group().endswith("n") or level
            else None
        )
        if two and two.group("w") not in NOT_PLACE | CAP_STOP and two.group("w") not in MONTHS:
            a = two.start("w")  # "Civil Lines police station": a station named by its locality
        elif (
            (pair := PLACE_AFTER_THE.search(flat, max(0, a - 30), a))
            and pair.group("w") not in NOT_PLACE | CAP_STOP
            and pair.group("w") not in MONTHS
        ):
            a = pair.start("w")  # "the Vela Nova police": a province of two words
        e = ents.add(Entity("organisation", clean(flat[a : m.end()]), a, m.end()))
        e.attrs.setdefault("kind", "police")
        e.attrs.setdefault("country", main_country)
    for m in POLICE_OF.finditer(flat) if "police of " in flat else ():
        # "municipal police of Juchitán", "the police of Aksy district": a force by its place
        a = m.start("q") if m.group("q") else m.start("n")
        if not _starts_word(flat, a) or m.group("p") in NOT_PLACE or m.group("p") in MONTHS:
            continue
        e = ents.add(Entity("organisation", clean(flat[a : m.end()]), a, m.end()))
        e.attrs.setdefault("kind", "police")
        e.attrs.setdefault("country", main_country)
    for m in sorted((m for rx in LOWER_BODY for m in rx.finditer(flat)), key=lambda m: m.start()):
        noun = m.group("noun")
        w = LOWER_BODY_BEFORE.search(flat, max(0, m.start() - 60), m.start())
        if not _starts_word(flat, m.start()) or w is None:
            continue
        if noun == "administration" and not w.group("q"):
            continue  # "the Zenda administration" is a government's term, not a body
        place = w.group("w")
        if (
            noun not in ("government", "municipal council", "party")
            and " " in place
            # "the Vela Nova court", "the Sidi Kastra court": a town of two words after "the"
            and not (noun == "court" and THE_BEFORE.search(flat, max(0, w.start() - 5), w.start()))
        ):
            place = place.split()[-1]
        if noun == "party" and " " in place and (place.split()[0] in NOT_PLACE or w.group("q")):
            place = place.split()[-1]  # a party's name may be two words: "the Zemblan Dawn party"
        if place.split()[0] in NOT_PLACE or place in MONTHS:
            continue
        a = w.end("w") - len(place)
        named = [
            o for o in ents.of("organisation")
            if o.attrs.get("kind") == LOWER_KINDS[noun]
            and (place in (o.name or "") if " " in place else place in (o.name or "").split())
        ]  # fmt: skip
        if named:  # "the Zenda court" after "the Zenda District Court": that court
            named[0].mentions.append((a, m.end()))
            continue
        e = ents.add(Entity("organisation", clean(flat[a : m.end()]), a, m.end()))
        e.attrs.setdefault("kind", LOWER_KINDS[noun])
        e.attrs.setdefault("country", main_country)
        if noun == "party" and " " in place and place not in e.variants:
            e.variants.append(place)  # "the Zemblan Dawn party" is the party Zemblan Dawn
    for m in LEVEL_GOVERNMENT.finditer(flat) if "l government" in flat else ():
        if _starts_word(flat, m.start()):
            e = ents.add(Entity("organisation", m.group(), m.start(), m.end()))
            e.attrs.setdefault("kind", "government")
            e.attrs.setdefault("country", main_country)
    if "embassy" in flat or "consulate" in flat:
        _add_lower_embassies(flat, ents)
    add_name_glosses(doc, ents)
    merge_glossed_names(doc, ents)
    _merge_bare_police(ents)
    # the capitalised runs inside a mission or branch ("United Nations in Geneva") are part of it
    if not spans:
        return
    spans.sort(key=lambda x: (x[1], -x[2]))
    starts = [a for _, a, _ in spans]
    # for each span, the furthest end reached by any span that starts no later (with its owner)
    reach: list[tuple[int, Entity]] = []
    for p, _, b in spans:
        reach.append(max(reach[-1], (b, p), key=lambda r: r[0]) if reach else (b, p))

    def inside(o: Entity, x: int, y: int) -> bool:
        i = bisect.bisect_right(starts, x) - 1
        if i < 0:
            return False
        b, owner = reach[i]
        if owner is not o:
            return b >= y
        # the furthest span is the body's own: look for another that holds the mention
        return any(p is not o and a <= x and y <= bb for p, a, bb in spans[: i + 1][-8:])

    gone = set()
    for o in ents.of("organisation"):
        kept = [(x, y) for x, y in o.mentions if not inside(o, x, y)]
        if len(kept) < len(o.mentions):
            o.mentions = kept
            if not kept:
                gone.add(id(o))
    if gone:
        ents.items = [e for e in ents.items if id(e) not in gone]


#: Words that name a body's building as where a thing happened: "a rally outside the Vela
#: Press Club", "a sit-in in front of the X".
VENUE_BEFORE = re.compile(r"\b(?:outside|in front of)\s+(?:the\s+)?\Z")


def drop_venues(doc: Doc, ents: Entities) -> None:
    """A club or a civil body named only as the building outside which a protest was held
    ("a rally outside the Vela Press Club") is a place in the story, not a body in it."""
    flat = doc.flat
    for e in list(ents.of("organisation")):
        if e.attrs.get("kind") not in ("ngo", "other") or not e.mentions:
            continue
        if all(VENUE_BEFORE.search(flat, max(0, a - 20), a) for a, _ in e.mentions):
            ents.items.remove(e)


#: A state's embassy or consulate named in lower case after its demonym, with its seat: "the
#: Zemblan embassy in London".
LOWER_EMBASSY = re.compile(
    rf"(?<![\w’'\-])(?P<d>{_CAP})\s+(?:embassy|consulate)(?:\s+in\s+{_CAP}(?:\s+{_CAP})?)?"
)


def _add_lower_embassies(flat: str, ents: Entities) -> None:
    """A state's embassy named in lower case after its demonym ("the Zemblan embassy in
    London"): a body of that state's government, its seat part of its name."""
    for m in LOWER_EMBASSY.finditer(flat):
        country = DEMONYMS.get(m.group("d"))
        if country is None:
            continue
        e = ents.add(Entity("organisation", clean(m.group()), m.start(), m.end()))
        e.attrs.setdefault("kind", "government")
        e.attrs.setdefault("country", country)


def _merge_bare_police(ents: Entities) -> None:
    """A narrative that names one police force ("the Zenda police", "the Zemblan National
    Police") and then says "the police" means that force; with two forces named, or none,
    "the police" stays a body of its own."""
    bare = ents.find("organisation", "police")
    if bare is None:
        return
    forces = [
        e for e in ents.of("organisation")
        if e is not bare and e.attrs.get("kind") == "police" and "police" in (e.name or "").lower()
        and not (e.name or "").lower().endswith("station") and " from " not in (e.name or "")
    ]  # fmt: skip
    if len(forces) == 1:
        forces[0].mentions.extend(bare.mentions)
        ents.items = [e for e in ents.items if e is not bare]


def merge_bare_prosecution(ents: Entities) -> None:
    """ "The prosecution" acting, in a story that names one prosecution body of its own ("the
    Public Prosecution", "the Prosecutor General's Office", with or without units of it), is
    that body; with two such bodies named, or none, it stays a body of its own."""
    bare = ents.find("organisation", "prosecution")
    if bare is None:
        return
    bodies = [
        e for e in ents.of("organisation")
        if e is not bare and e.attrs.get("kind") == "prosecution" and "part_of" not in e.attrs
    ]  # fmt: skip
    if len(bodies) == 1:
        bodies[0].mentions.extend(bare.mentions)
        ents.items = [e for e in ents.items if e is not bare]


def _line_end(text: str, a: int, b: int, short: int = 60) -> int:
    """Cut a match at the end of a short line: an address block puts one item a line."""
    nl = text.find("\n", a, b)
    if nl < 0:
        return b
    line_start = text.rfind("\n", 0, a) + 1
    return nl if nl - line_start < short else b


FOR_OR_OF = re.compile(r"\s+(?:for|of)\s+")
BRANCH_END = re.compile(r" Branch \d+$")


#: A quoted name ending a body's name: 'Public Foundation "Zenda Legal Clinic"'.
QUOTED_END = re.compile(r"\s[“\"](?P<q>[^”\"]{2,80})[”\"]$")


def _in_a_country(name: str) -> bool:
    """The name ends "in" a country's name ("... in Zembla"), not a city's."""
    at = name.rfind(" in ")
    return at > 0 and name[at + 4 :].removeprefix("the ") in COUNTRIES


def _owner_before_place(owned: re.Match[str], name: str) -> bool:
    """ "Vela Circuit Court’s Lido": a body's name in the possessive before a name
    that heads no body (its branch or seat, told with a common noun after the run)."""
    owner_words, rest = owned.group("o").split(), name[owned.end() :].split()
    return (
        len(owner_words) >= 2
        and owner_words[-1] in ORG_HEADS
        and 0 < len(rest) <= 2
        and rest[-1] not in ORG_HEADS
    )


def tidy_organisations(ents: Entities) -> None:
    """Drop names that are no bodies; keep the owner of a prize; trim a trailing "of" or
    month."""
    for e in list(ents.of("organisation")):
        name = e.name or ""
        if name.endswith(("’s", "'s")) and len(name) > 3:
            # "Zenda Daily’s editors": the possessive is not part of the name
            name = e.name = name[:-2]
            same = next((x for x in ents.of("organisation") if x is not e and x.name == name), None)
            if same is not None:
                same.mentions.extend(e.mentions)
                ents.items = [x for x in ents.items if x is not e]
                continue
        owned = OWNER.match(name)
        if owned and (STAFF_POST_END.search(name) or _owner_before_place(owned, name)):
            # "Zenda Network's Africa Programme Manager": a post in the body, which is named
            # before the possessive
            owner = owned.group("o")
            same = next(
                (
                    x
                    for x in ents.of("organisation")
                    if x is not e and owner in (x.name, *x.variants)
                ),
                None,
            )
            mentions = [(a, a + len(owner)) for a, _ in e.mentions]
            if same is not None:
                same.mentions.extend(mentions)
                ents.items = [x for x in ents.items if x is not e]
            else:
                e.name, e.mentions, e.end = owner, mentions, e.start + len(owner)
                e.attrs["kind"] = org_kind(owner, "")
            continue
        if owned and owned.group("o") in COUNTRIES and len(name) > owned.end() + 3:
            # "Kenya’s Directorate of Criminal Investigations": the state is said before the
            # body's name, not in it
            e.attrs["country"] = e.attrs.get("country") or owned.group("o")
            name = e.name = name[owned.end() :]
            e.mentions = [(a + owned.end(), b) for a, b in e.mentions]  # each read in full
            e.start += owned.end()
            same = next((x for x in ents.of("organisation") if x is not e and x.name == name), None)
            if same is not None:
                same.mentions.extend(e.mentions)
                ents.items = [x for x in ents.items if x is not e]
                continue
        state = FOR_OR_OF.split(name, maxsplit=1)[0]
        if (
            ADDRESSEE_BODY.match(name)
            or state in COUNTRIES
            or NOT_BODY_NAME.match(name)
            or DOCUMENT_END.search(name)
        ):
            ents.items.remove(e)
            continue
        if NOT_A_BODY.search(name):
            owner = OWNER.match(name)
            ents.items.remove(e)
            if owner and not NOT_A_BODY.search(owner.group("o")):
                a = e.start
                kept = ents.add(Entity("organisation", owner.group("o"), a, a + owner.end("o")))
                kept.attrs.setdefault("kind", e.attrs.get("kind", "other"))
                kept.attrs.setdefault("country", e.attrs.get("country"))
            continue
        seat = SEAT.match(name)
        if seat and e.attrs.get("kind") == "international_org" and _in_a_country(name):
            seat = None  # "UN Mission in Zembla": an international body's office in a state
        if (
            seat
            and (
                e.attrs.get("kind") in ("other", "company", "media", "international_org")
                # "the centre Vela Nova in Kastra": an NGO named by words of its own, not by what
                # it works for, sits in a town (its "in Zembla" after "Human Rights" often is a
                # part of the name)
                or (
                    e.attrs.get("kind") == "ngo"
                    and not _in_a_country(name)
                    and len(seat.group(1).split()) >= 2
                    and all(w[:1].isupper() for w in seat.group(1).split())
                    and not set(name.split()) & set(ORG_HEADS)
                )
            )
        ):
            # "Zenda University in Strelsau": where a university or a company sits is not
            # part of its name (an NGO's "in Zembla" often is)
            name = seat.group(1)
            e.name = name
        words = name.split()
        cut = len(words)
        while cut > 1 and (words[cut - 1] in TRAILING or words[cut - 1] in MONTHS):
            cut -= 1
            if words[cut - 1] == "in":
                cut -= 1
        if cut < len(words):
            short = " ".join(words[:cut])
            if cut == 1 and short in ORG_HEADS:
                ents.items.remove(e)  # "Government of": a bare head word names no body
                continue
            e.variants = [v for v in e.variants if v != short]
            e.name = short
    # "Branch 2 of the Zenda Court" and "Branch 2 of the Zenda Court in Strelsau" are one body
    orgs = ents.of("organisation")
    by_name = {e.name: e for e in orgs if e.name}
    gone = set()
    for full in orgs:
        name = full.name or ""
        cut = name.rfind(" in ")
        branch = BRANCH_END.search(name)
        if (
            branch
            and sum(
                1 for o in orgs if (o.name or "").startswith(name[: branch.start()] + " Branch ")
            )
            == 1
        ):
            cut = branch.start()  # "the Zenda Court" when the text names one branch of it
        short = by_name.get(name[:cut]) if cut > 0 else None
        if short is None or short is full or id(short) in gone or id(full) in gone:
            continue
        full.mentions.extend(short.mentions)
        if short.name not in full.variants:
            full.variants.append(short.name or "")
        gone.add(id(short))
    # 'Public Foundation "Zenda Legal Clinic"' and "Zenda Legal Clinic" (or "Zenda Legal Clinic
    # in Vela", where it sits): a legal form before a quoted name, and the quoted name used
    # alone, are one body
    for full in orgs:
        quoted = QUOTED_END.search(full.name or "")
        if quoted is None or quoted.start() == 0 or id(full) in gone:
            continue
        q = quoted.group("q")
        for short in orgs:
            if short is full or id(short) in gone:
                continue
            if not any(
                n == q or n.startswith(q + " in ") for n in (short.name or "", *short.variants)
            ):
                continue
            full.mentions.extend(short.mentions)
            for v in (short.name, *short.variants):
                if v and v != full.name and v not in full.variants:
                    full.variants.append(v)
            gone.add(id(short))
    if gone:
        ents.items = [e for e in ents.items if id(e) not in gone]


def add_name_glosses(doc: Doc, ents: Entities) -> None:
    """A one-word capitalised gloss in brackets after a body's name is part of it: "Zemblan
    Communist Party (Maoist)"; an acronym or a country is not."""
    for e in ents.of("organisation"):
        a, b = min(e.mentions)
        g = NAME_GLOSS.match(doc.flat, b)
        if g and g.group("g") not in COUNTRIES and e.name and doc.flat[a:b] == e.name:
            if g.group("g") in {w.strip("“”\"’'") for w in e.name.split()}:
                continue  # "Human Rights Center “Viasna” (Viasna)": its short name, no gloss
            e.name = e.name + " (" + g.group("g") + ")"


#: The opening of a bracket that glosses the name before it: "X (", "“X” (In the ".
GLOSS_OPEN = re.compile(r"[”\"’]?\s*\(\s*(?:[Ii]n\s+)?(?:[Tt]he\s+)?\Z")
GLOSS_CLOSE = re.compile(r"\s*(?:(?:,|\s[-–])\s*(?P<acr>[A-Z][A-Za-z\-]{1,12}))?\)")


#: The opening of a bracket and the words of a translation before a body read at its end:
#: "(Land and " of "(Land and Water Corporation)".
GLOSS_CUT = re.compile(r"\s*\(\s*(?P<w>(?:[A-Z][\w’'-]*\s+){1,3}and\s+)\Z")


def merge_glossed_names(doc: Doc, ents: Entities) -> None:
    """A body's name in another language or in translation, in brackets right after its name,
    is a variant of it: "Zemblan Writers' Union (Unia Pisarzy Zemblanskich, UPZ)", "Unia
    Pisarzy (Writers' Union)". The name the text gives first is the name."""
    flat = doc.flat
    orgs = ents.of("organisation")
    ends = {b: o for o in orgs for _, b in o.mentions}
    gone = set()
    for o in orgs:
        for a, b in o.mentions:
            close = GLOSS_CLOSE.match(flat, b)
            opened = GLOSS_OPEN.search(flat, max(0, a - 16), a) if close else None
            whole = None
            if close and opened is None and (cut := GLOSS_CUT.search(flat, max(0, a - 60), a)):
                # "(Land and Water Corporation)": a translation cut at its "and" is whole
                opened, whole = cut, clean(flat[cut.start("w") : b])
            first = ends.get(opened.start()) if opened else None
            if first is None or first is o or id(first) in gone:
                continue
            if whole:
                o.name = whole
            first.variants.extend(v for v in [o.name or "", *o.variants] if v)
            if first.attrs.get("kind") == "other" and o.attrs.get("kind") not in (None, "other"):
                first.attrs["kind"] = o.attrs["kind"]  # what the translation's head word says
            if close and close.group("acr"):
                first.variants.append(close.group("acr"))
            first.mentions.extend(o.mentions)
            gone.add(id(o))
            break
    if gone:
        ents.items = [e for e in ents.items if id(e) not in gone]


def drop_headline_bodies(doc: Doc, ents: Entities, title_span: tuple[int, int] | None) -> None:
    """A headline in title case ("Court Jails Zenda Editor, Orders Paper Shut") makes every
    word a capital: a body named there and nowhere else in the text is no body."""
    if title_span is None:
        return
    a, b = title_span
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", doc.flat[a:b]) if len(w) > 3]
    if len(words) < 4 or sum(w[0].isupper() for w in words) < 0.8 * len(words):
        return
    for e in list(ents.of("organisation")):
        if e.mentions and all(a <= s < b for s, _ in e.mentions):
            ents.items.remove(e)


#: A unit named by its parent body's acronym and a number: "RAB-3", "OMON-2".
NUMBERED_UNIT = re.compile(r"\b(?P<acr>[A-Z]{2,6})-\d{1,3}\b(?![-/.]\d)")


def add_numbered_units(doc: Doc, ents: Entities) -> None:
    """A unit named by the acronym of a body the text names, and a number, is a body of its
    own, of the same kind and country, part of that body."""
    parents = {
        a: o
        for o in ents.of("organisation")
        for a in (o.name, *o.variants)
        if a and 2 <= len(a) <= 6 and a.isupper() and a.isalpha()
    }
    # most texts hold no acronym followed by a hyphen: told by a plain search per acronym
    if not any(f"{a}-" in doc.flat for a in parents):
        return
    for m in NUMBERED_UNIT.finditer(doc.flat):
        parent = parents.get(m.group("acr"))
        if parent is None:
            continue
        attrs = {
            "kind": parent.attrs.get("kind", "other"),
            "country": parent.attrs.get("country"),
            "part_of": parent,
        }
        ents.add(Entity("organisation", m.group(), m.start(), m.end(), attrs=attrs))


#: An item of a list of bodies: a capitalised name or an acronym, at most eight words, an
#: acronym in brackets after it allowed ("ZRW", "Ligue Vela", "SOS-Torture/Zembla").
LISTED_BODY = re.compile(
    r"(?P<name>[A-ZÀ-Þ][\w’'&/.-]*(?:[ \t\n]+[\w’'&/.-]+){0,7}?)"
    r"(?:[ \t\n]*\((?P<short>[^()]{1,80})\))?[ \t\n]*$"
)
#: Words that end a list's lead-in before its first item: "Signatories (partial list):".
LIST_LEAD = re.compile(r"^.*:\s*", re.S)


def add_bodies_listed_with_bodies(doc: Doc, ents: Entities) -> None:
    """A paragraph that lists names split by semicolons, at least three of them bodies the text
    names, lists bodies: each other item shaped as a name is a body too (the signatories of a
    joint statement, "ACAT-Zembla; ZRW; Ligue Vela; ...")."""
    flat = doc.flat
    for para in doc.paragraphs:
        text = flat[para.start : para.end]
        if text.count(";") < 3:
            _add_bodies_in_item_lines(doc, ents, para.start, para.end)
            continue
        known, people = _names_of(ents, "organisation"), _names_of(ents, "person")
        items = []
        at = para.start
        for k, raw in enumerate(text.split(";")):
            start = at
            at += len(raw) + 1
            if k == 0 and (lead := LIST_LEAD.match(raw)):
                start += lead.end()
                raw = raw[lead.end() :]
            lead_ws = len(raw) - len(raw.lstrip())
            m = LISTED_BODY.fullmatch(raw.strip())
            if m is None:
                items.append(None)
                continue
            name = " ".join(m.group("name").split())
            if name.startswith("and "):
                items.append(None)
                continue
            items.append((name, start + lead_ws, start + lead_ws + len(m.group("name"))))
        _add_list_items(ents, items, known, people)


def _names_of(ents: Entities, kind: str) -> set[str]:
    """Every name and variant of the entities of ``kind`` found so far."""
    return {n for e in ents.of(kind) for n in (e.name, *e.variants) if n}


def _lists_bodies(items: list[tuple[str, int, int] | None], known: set[str]) -> bool:
    """Whether a list's items are bodies: at least three of them bodies the text names, and
    every item but one shaped as a name (``None`` for one that is not)."""
    names = [it[0] for it in items if it]
    return sum(n in known for n in names) >= 3 and len(names) >= len(items) - 1


def _add_list_items(
    ents: Entities,
    items: list[tuple[str, int, int] | None],
    known: set[str],
    people: set[str],
    *,
    capitalised: bool = False,
) -> None:
    """Where a list's items are bodies (:func:`_lists_bodies`), each item shaped as a name that
    is neither a body nor a person known already, nor opens with "and" or "the", nor holds a
    figure, is a body too (an NGO); with ``capitalised``, only where every word is capitalised
    or a small word of an acronym's name (a list one item a line holds other lines too)."""
    if not _lists_bodies(items, known):
        return
    for it in items:
        if it is None or it[0] in known or it[0] in people:
            continue
        name, a, b = it
        words = name.split()
        if words[0] in ("and", "the", "The") or any(w[:1].isdigit() for w in words):
            continue
        if capitalised and not all(w[:1].isupper() or w.lower() in ACRONYM_SMALL for w in words):
            continue
        ents.add(Entity("organisation", name, a, b, attrs={"kind": "ngo"}))


#: The marker that opens an item of a list written one item a line: "1.", "2)", "-", "•".
ITEM_LINE = re.compile(r"^[ \t]*(?:\d{1,3}[.)]|[-•▪◦●*–])[ \t]+(?=\S)", re.M)


def _add_bodies_in_item_lines(doc: Doc, ents: Entities, start: int, end: int) -> None:
    """A list written one item a line ("Signatories:\n1. Vela Rights Network (VRN)\n2. ..."),
    at least three of its items bodies the text names and every item but one shaped as a name,
    lists bodies: each other item shaped as a name, and no person's, is a body too."""
    text = doc.text
    marks = list(ITEM_LINE.finditer(text, start, end))
    if len(marks) < 4:
        _add_bodies_in_bare_lines(doc, ents, start, end)
        return
    known, people = _names_of(ents, "organisation"), _names_of(ents, "person")
    items = []
    for k, m in enumerate(marks):
        stop = marks[k + 1].start() if k + 1 < len(marks) else end
        raw = text[m.end() : stop]
        if "\n" in raw.rstrip():
            raw = raw[: raw.index("\n")]  # the item's own line: a list of names, a name a line
        body = LINE_BODY.fullmatch(raw.strip())
        if body is None:
            items.append(None)
            continue
        items.append(
            (" ".join(body.group("name").split()), m.end(), m.end() + len(body.group("name")))
        )
    _add_list_items(ents, items, known, people, capitalised=True)


def _add_bodies_in_bare_lines(doc: Doc, ents: Entities, start: int, end: int) -> None:
    """A paragraph of four or more short lines with no marker, one name a line (the
    signatories of a joint statement under "Signatories:"), read as a list one item a line:
    where at least three lines are bodies the text names and every line but one is shaped as
    a name, each other line shaped as a name, and no person's, is a body too."""
    lines = doc.text[start:end].rstrip().split("\n")
    if len(lines) < 4 or any(not ln.strip() or len(ln) > 80 for ln in lines):
        return
    known, people = _names_of(ents, "organisation"), _names_of(ents, "person")
    items: list[tuple[str, int, int] | None] = []
    at = start
    for ln in lines:
        body = LINE_BODY.fullmatch(ln.strip())
        lead = len(ln) - len(ln.lstrip())
        if body is None:
            items.append(None)
        else:
            a = at + lead
            items.append((" ".join(body.group("name").split()), a, a + len(body.group("name"))))
        at += len(ln) + 1
    _add_list_items(ents, items, known, people, capitalised=True)


#: An item of a list written one item a line: a name of at most fifteen words, an acronym in
#: brackets after it allowed.
LINE_BODY = re.compile(
    r"(?P<name>[A-ZÀ-Þ][\w’'&/.-]*(?:[ \t]+[\w’'&/.-]+){0,14}?)"
    r"(?:[ \t]*\((?P<short>[^()\n]{1,80})\))?[ \t]*[.;,]?"
)
#: The small words a listed body's name may hold in lower case.
ACRONYM_SMALL = frozenset(
    "of the for and on in against at to a an de des du la le les et pour del y".split()
)


#: Words that say a business belongs to the state, right before its name or before the noun for
#: a business that names it: "the state-owned Vela Port Company", "the state oil company X".
STATE_OWNED_BEFORE = re.compile(
    r"\b(?:state|state-owned|state-run|government-owned|government-run|publicly[ -]owned)\s+"
    r"(?:[a-z][\w\-]*\s+){0,2}?(?:(?:company|firm|corporation|enterprise)\s+)?\Z"
)
#: Kinds a business named after such words may have been given by its head word or noun.
BUSINESS_KINDS = frozenset(("company", "other"))


def mark_state_enterprises(doc: Doc, ents: Entities) -> None:
    """A body the text calls state-owned right before its name is a state enterprise, whatever
    its head word made it ("Company": a company)."""
    flat = doc.flat
    for e in ents.of("organisation"):
        if e.attrs.get("kind") not in BUSINESS_KINDS:
            continue
        for a, _ in e.mentions:
            before = flat[max(0, a - 50) : a]
            m = STATE_OWNED_BEFORE.search(before)
            if m and not re.search(r"[.;:!?]", before[m.start() :]):
                e.attrs["kind"] = "state_enterprise"
                break


#: Head words of a unit of a larger body: "the Cyber Crime Division of the Vela Police".
UNIT_HEADS = frozenset(("Unit", "Division", "Department", "Branch", "Squad", "Section", "Bureau"))
#: Kinds a unit takes from the body it belongs to.
PARENT_KINDS = frozenset(("police", "security_service", "prosecution"))
#: Between a unit's name and its parent's: an acronym, then "of the".
UNIT_OF = re.compile(r"\s*(?:\([A-Z][\w\-]{1,9}\)\s*)?,?\s*of\s+(?:the\s+)?")
#: Before a unit's name: the parent's possessive ("its", "the police's") or the parent as a
#: modifier ("the police National Security Department").
UNIT_ITS = re.compile(r"\bits\s+\Z")
UNIT_POLICE = re.compile(r"\bpolice(?:[’']s)?\s+\Z", re.IGNORECASE)


def kind_units_by_parent(doc: Doc, ents: Entities) -> None:
    """A unit of the police, a security service or a prosecution ("the Cyber Crime Division
    (CCD) of the Vela Police", "the Vela Police Service and its Support Unit", "the police
    Rapid Response Department") is of its parent's kind, whatever its head word ("Division"
    names a court's chamber elsewhere)."""
    flat = doc.flat
    orgs = ents.of("organisation")
    starts = {a: e for e in orgs for a, _ in e.mentions}
    for e in orgs:
        words = (e.name or "").split()
        if not words or words[-1] not in UNIT_HEADS or e.attrs.get("kind") in PARENT_KINDS:
            continue
        for a, b in e.mentions:
            of = UNIT_OF.match(flat, b)
            parent = starts.get(of.end()) if of else None
            if parent is None and UNIT_ITS.search(flat, max(0, a - 6), a):
                sent = max(flat.rfind(". ", 0, a), 0)
                before = [
                    (x, o) for o in orgs for x, _ in o.mentions if sent <= x < a and o is not e
                ]
                parent = max(before, key=lambda t: t[0])[1] if before else None
            kind = parent.attrs.get("kind") if parent is not None else None
            if kind is None and UNIT_POLICE.search(flat, max(0, a - 12), a):
                kind = "police"
            if kind in PARENT_KINDS:
                e.attrs["kind"] = kind
                break


#: What a court's name goes on with in Latin American usage: "Third Control Court with
#: jurisdiction over terrorism cases" (a "tribunal con competencia en ...").
COURT_JURISDICTION = re.compile(
    r"[^\S\n]*\n?[^\S\n]*with\s+jurisdiction\s+(?:over|in|for)\s+(?:[a-z][\w\-]*\s+){0,3}"
    r"(?:cases|matters|offences|offenses|crimes)\b"
)


def extend_court_jurisdiction(doc: Doc, ents: Entities) -> None:
    """A court's name runs on over "with jurisdiction over ... cases": that is the court's
    name, which tells it apart from the other courts of its number."""
    for e in ents.of("organisation"):
        if e.attrs.get("kind") == "court":
            _run_on(doc.flat, e, COURT_JURISDICTION)


#: The rest of a court's list of matters after a comma, up to the place it sits for: ", Drug
#: Trafficking and Crimes against the Environment of Alta Verapaz".
MATTERS_LIST = re.compile(
    r",[ \t\n]+[A-Z][\w’'-]*(?:[ \t\n]+[\w’'-]+){0,4}?[ \t\n]+and[ \t\n]+[A-Z][\w’'-]*"
    r"(?:[ \t\n]+[\w’'-]+){0,5}?[ \t\n]+of[ \t\n]+[A-Z][\w’'-]*(?:[ \t\n]+[A-Z][\w’'-]*){0,2}"
)


def extend_court_matters(doc: Doc, ents: Entities) -> None:
    """A court named for the matters it tries runs on over the rest of their list and the
    place it sits for ("the Sentencing Court for Criminal Matters, Drug Trafficking and Crimes
    against the Environment of Alta Verapaz"): that is the court's name, not a court for
    criminal matters alone."""
    for e in ents.of("organisation"):
        if e.attrs.get("kind") == "court" and (e.name or "").endswith("Matters"):
            _run_on(doc.flat, e, MATTERS_LIST)


def _run_on(flat: str, e: Entity, tail: re.Pattern[str]) -> None:
    """Each mention of ``e`` followed by ``tail`` runs on over it, and so does the name where
    the mention gave it."""
    for i, (a, b) in enumerate(e.mentions):
        m = tail.match(flat, b)
        if m:
            e.mentions[i] = (a, m.end())
            if (a, b) == (e.start, e.end):
                e.end = m.end()
            if e.name == clean(flat[a:b]):
                e.name = clean(flat[a : m.end()])


#: A station's frequency and band after its name: " 101.3 FM", " 1089 AM".
FREQUENCY_AFTER = re.compile(r"[ \t]+\d{2,4}(?:[.,]\d{1,2})?[ \t]+(?:FM|AM)\b")


def extend_frequency(doc: Doc, ents: Entities) -> None:
    """A radio station's name runs on over its frequency and band ("Radio Vela 101.3 FM"):
    the name the station goes by."""
    for e in ents.of("organisation"):
        if e.attrs.get("kind") in ("media", "other") and e.name and not e.name.endswith("FM"):
            _run_on(doc.flat, e, FREQUENCY_AFTER)


#: A body's name that ends with the place it serves: "... for the Vela", "... of Kastra".
PLACE_SERVED_END = re.compile(r"\s(?:of|for)\s+(?:the\s+)?[A-ZÀ-ÞĀ-Žİ][\w’'\-]*$")
#: The level of that place, in lower case after it: " region", " province".
LEVEL_AFTER = re.compile(r"[ \t]+(?:region|province|oblast|governorate|district|county)\b")


def extend_place_level(doc: Doc, ents: Entities) -> None:
    """A body's name that ends with the place it serves runs on over the level of the place in
    lower case ("the Investigative Committee for the Vela region"): the level is part of it."""
    for e in ents.of("organisation"):
        if e.name and PLACE_SERVED_END.search(e.name):
            _run_on(doc.flat, e, LEVEL_AFTER)


#: The place a state body serves and its level in lower case, before its name: "the Vela
#: provincial Public Security Department", "the Kastra regional National Preventive Mechanism".
PLACE_UNIT_BEFORE = re.compile(
    rf"(?<![\w’'\-])(?P<w>{_CAP}(?:[ \t]+{_CAP})?)[ \t]+"
    r"(?:provincial|regional|district|city|municipal|oblast|state|county)[ \t]+\Z"
)


def extend_place_unit(doc: Doc, ents: Entities) -> None:
    """A body's name told after the place it serves and the place's level in lower case runs
    back over them: "the Vela provincial Public Security Department" is the body of that
    province, told apart from those of the others. The place is a word or two in capitals that
    do not open the sentence ("The", "In") and name no person."""
    flat = doc.flat
    people = sorted(a for p in ents.of("person") for a, _b in p.mentions)
    for e in ents.of("organisation"):
        if not e.name or not e.name[0].isupper():
            continue
        for i, (a, b) in enumerate(e.mentions):
            m = PLACE_UNIT_BEFORE.search(flat, max(0, a - 60), a)
            if m is None:
                continue
            words = m.group("w").split()
            start = m.start()
            if words[0] in NOT_PLACE:  # "The Kastra regional ...": the place after "The"
                if len(words) == 1:
                    continue
                start = flat.index(words[1], start + len(words[0]))
            j = bisect.bisect_left(people, start)
            if j < len(people) and people[j] < a:
                continue
            e.mentions[i] = (start, b)
            if (a, b) == (e.start, e.end):
                e.start = start
            if e.name == clean(flat[a:b]):
                e.name = clean(flat[start:b])


#: The town a court or a prosecutor's office sits in, after its name: "... in Novi Sad"; a
#: court of a kind named in lower case may take it after "of": "the investigating court of Erbil".
COURT_SEAT_AFTER = re.compile(
    r"\s+(?P<w>in|of)\s+(?P<p>[A-ZÀ-ÞĀ-Žİ][\w’'\-]*(?:[ \t]+[A-ZÀ-ÞĀ-Žİ][\w’'\-]*){0,2})"
    r"(?![\w’'\-])"
)


def extend_court_seat(doc: Doc, ents: Entities) -> None:
    """A court or prosecutor's office named with the town it sits in ("the Court of First
    Instance in Al Hoceima", "the Misdemeanour Court in Novi Sad") is known by that longer name
    too, which tells it apart from the courts of its name elsewhere: a variant (the name stays
    without the seat). A month ("in May"), a body or a person after "in" is no seat."""
    flat = doc.flat
    others = {
        n for o in ents.items if o.kind in ("organisation", "person") for n in (o.name, *o.variants)
    }
    for e in ents.of("organisation"):
        if e.attrs.get("kind") not in ("court", "prosecution") or not e.name or " in " in e.name:
            continue
        seats: dict[str, list[tuple[int, int]]] = {}  # each seat the name is given, its mentions
        for a, b in sorted(e.mentions):
            m = COURT_SEAT_AFTER.match(flat, b)
            if m is None or (m.group("w") == "of" and not e.name[:1].islower()):
                continue
            place = m.group("p")
            if place.split()[0] in MONTHS or place in others or place.split()[0] in CAP_STOP:
                if not seats:
                    break
                continue
            seats.setdefault(f"{e.name} {m.group('w')} {place}", []).append((a, b))
        for k, (seated, at) in enumerate(seats.items()):
            if k == 0:
                if seated not in e.variants:
                    e.variants.append(seated)
                continue
            # "the Court of First Instance in X" and, later, "... in Y": two courts of one name
            e.mentions = [x for x in e.mentions if x not in at]
            other = Entity("organisation", seated, at[0][0], at[0][1], attrs=dict(e.attrs))
            other.mentions.extend(at)
            ents.items.append(other)


#: Head words of an office or organ of a body of states: "Office for Democratic Institutions and
#: Human Rights (ODIHR) of the OSCE", "Commission ... of the Council of Europe".
ORGAN_HEADS = frozenset(("Office", "Commission", "Committee", "Secretariat", "Mission", "Bureau"))


def kind_organs_of_international_bodies(doc: Doc, ents: Entities) -> None:
    """An office or organ named with the body of states it belongs to right after it ("the
    Office for Democratic Institutions and Human Rights (ODIHR) of the Organization for Security
    and Co-operation in Europe") is itself a body of states, not a state's office."""
    flat = doc.flat
    orgs = ents.of("organisation")
    starts = {a: e for e in orgs for a, _ in e.mentions}
    for e in orgs:
        words = (e.name or "").split()
        head = head_of(words)
        if head is None or head[1] not in ORGAN_HEADS or e.attrs.get("kind") != "government":
            continue
        for _a, b in e.mentions:
            of = UNIT_OF.match(flat, b)
            parent = starts.get(of.end()) if of else None
            if parent is not None and parent.attrs.get("kind") == "international_org":
                e.attrs["kind"] = "international_org"
                e.attrs["country"] = None
                break


#: A body's name after the possessive of another's: "PEN International's Writers in Prison
#: Committee", "the Centre's Legal Unit".
POSSESSED = re.compile(r"^(?P<o>.+?)[’']s\s+(?P<rest>[A-Z].*)$")


def merge_possessed_bodies(ents: Entities) -> None:
    """A committee, programme or office named after the possessive of a body the text names
    ("PEN International's Writers in Prison Committee", "GCHR's Advisory Board") is a part of
    that body, told to say who in it acts: its mentions are the body's, and it is no body of
    its own."""
    orgs = ents.of("organisation")
    names = {n: o for o in orgs for n in (o.name, *o.variants) if n}
    gone = []
    for e in orgs:
        m = POSSESSED.match(e.name or "")
        if m is None:
            continue
        owner = names.get(m.group("o"))
        if owner is None or owner is e:
            continue
        owner.mentions.extend(e.mentions)
        gone.append(e)
    if gone:
        ents.items = [x for x in ents.items if not any(x is g for g in gone)]
