"""Names: entities from capitalised runs, classified by their head word into people, bodies,
places and instruments; organisations with their kind, country and acronyms.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re

from kg.extract.entities import (
    ACRONYM_DEF,
    DEMONYM_BEFORE_RE,
    DEMONYM_RE,
    POST_WORDS,
    REGION_PARTS,
    STATE_KINDS,
    Entities,
    Entity,
    country_in,
    head_of,
    names_with_and,
    split_and,
    strip_leading,
    strip_titles,
)
from kg.extract.lexicon import (
    CAUSE_NOUNS,
    COUNTRIES,
    DEMONYMS,
    KNOWN_BODIES,
    MONTHS,
    NON_NAME,
    ORG_HEADS,
    ORG_KIND_HINTS,
    PLATFORMS,
    TITLE_STOP,
)
from kg.extract.persons import _chinese_given_name, add_given_name_sharing, add_person_candidate
from kg.extract.provisions import add_instrument
from kg.extract.scan import (
    TailPattern,
    finditer_around,
    finditer_indexed,
    finditer_prefixed,
    group_literals,
)
from kg.extract.text import NAME_PARTICLES, Doc, Run, clean

# ---------------------------------------------------------------- entities


# ---------------------------------------------------------------- entities from runs

#: Each starts with its literal word (a leading "\b" makes Python try every position of the
#: text); the word boundary before it is checked by ``add_lower_bodies``.
#: "police custody", "police patrols", "a police spokesperson": the word names a thing of the
#: police, not the police acting.
POLICE_THING = (
    r"(?!\s+(?:stations?|custody|vans?|cars?|vehicles?|patrols?|spokes(?:person|man|woman)|"
    r"reports?|records?|files?|brutality|accountability|violence|cells?|protection|escorts?|"
    # a post or one member ("the national police chief", "a police officer"), a place or an
    # action of the police ("a police camp", "a police operation", "released on police bond")
    r"chiefs?|commanders?|inspectors?|superintendents?|officer|"
    r"camps?|posts?|headquarters|operations?|bond|bail|raids?)\b)"
)
#: A police force in lower case named by the service it does: "border police", "riot police".
POLICE_SERVICES = ("border", "riot", "traffic", "military", "secret", "tourist", "judicial")
LOWER_BODIES = [
    (
        re.compile(
            r"(?P<n>(?:" + "|".join(POLICE_SERVICES) + r") police)(?: officers)?\b" + POLICE_THING
        ),
        None,
        "police",
    ),
    (
        re.compile(
            "".join(rf"(?<!\b{w} )" for w in POLICE_SERVICES)
            + r"(?P<n>police)(?: officers)?\b"
            + POLICE_THING
        ),
        "police",
        "police",
    ),
    (re.compile(r"(?P<n>armed forces)\b"), None, "security_service"),
    (re.compile(r"(?P<n>gendarmes)\b"), "gendarmes", "police"),
    (re.compile(r"(?P<n>security (?:officers|forces|services))\b"), None, "security_service"),
    # a court of a kind in lower case: "a special court in Srinagar", "the investigating court
    # of Erbil", "a magistrate's court"
    (
        re.compile(
            r"(?P<n>(?:administrative|military|special|investigating|magistrate[’']s|"
            r"magistrates[’']) (?:court|tribunal))\b"
        ),
        None,
        "court",
    ),
    # "the prosecution asked for ...": the prosecuting side acting, a body though unnamed; "the
    # prosecution of X" and "the prosecution was opened" are the proceedings
    (
        re.compile(
            r"(?P<n>prosecution)(?<=\b[Tt]he prosecution)(?=\s+(?:(?:[a-z]+ly|later|then|also|"
            r"again)\s+)?(?:[a-z]+ed|sought|brought|took|gave)\b)"
        ),
        "prosecution",
        "prosecution",
    ),
]
#: A quoted name, in English marks or in guillemets ("«Vela Prava»", as Russian and French
#: texts quote a body's name).
QUOTED = re.compile(r"[“\"«](?P<q>[A-Z][^”\"»]{1,80})[”\"»]")
ORG_NOUNS = re.compile(
    r"(?:non-governmental organi[sz]ation|organi[sz]ation|NGO|association|group|campaign|"
    r"movement|union|foundation|"
    # an outlet: "his blog “Vela Voice”", "the YouTube channel “Vela Now”"
    r"(?P<media>newspaper|magazine|weekly|daily|blog|channel|website|news site|portal|"
    r"outlet|radio station))\s*$"
)


#: The words a citation of a law opens with, which name no body or person however a noun before
#: them reads ("the right to freedom of association (Articles 21 and 22 of the Covenant)").
CITATION_WORDS = frozenset(("Article", "Articles", "Section", "Sections", "Paragraph", "Rule"))


def run_text(doc: Doc, run: Run, first: int = 0) -> tuple[str, int, int]:
    start = run.tokens[first][1]
    return clean(doc.flat[start : run.end]), start, run.end


def classify_runs(doc: Doc, runs: list[Run], ents: Entities, main_country: str | None) -> None:
    """Sort capitalised runs into organisations, instruments, places and person candidates."""
    joined = names_with_and(doc.flat, runs)
    for big in runs:
        pieces = split_and(big, joined)
        for given, full in itertools.pairwise(pieces):
            add_given_name_sharing(doc, ents, given, full)  # "Ivo and Tom Sand"
        for run in pieces:
            i = strip_leading(run.words, run.tokens)
            if i >= len(run.words):
                continue
            if (
                0 < i
                and run.words[i] in ("and", "of")
                and (head_of(run.words) or ("",))[0] == "instrument"
            ):
                i -= 1  # "Press and Publications Act": the word is the name's
            elif (
                0 < i
                and run.words[i - 1] == "New"
                and (head_of(run.words[i:]) or ("",))[0] == "organisation"
            ):
                i -= 1  # "New Unity Movement": the adjective opens the body's name
            while i < len(run.words) - 1 and run.words[i].endswith("-based"):
                i += 1  # "the Kastra-based Radio X": where the body is, not its name
            words = run.words[i:]
            text, start, end = run_text(doc, run, i)
            stripped = text.rstrip(".")
            end -= len(text) - len(stripped)  # the run's end in the text: a name wrapped
            text = stripped  # across lines is cleaned shorter than it stands there
            if text.endswith("-based"):
                continue  # "the Vela-based weekly X": where a body is, no name of its own
            head = head_of(words)
            if head and head[0] == "organisation" and _staff_post(words, head[1]):
                continue  # "Programme Officer for Central Asia": a post, no body of its own
            if head and head[0] == "organisation" and _unit_of_body_after(doc, words, end):
                continue  # "A B, East Asia Programme, Vela Forum": the body's unit, in a contact
            if _address_unit(words):
                continue  # "Unit A, 12 Vela Street": part of an address, no body
            if text in COUNTRIES or text in ("Russia",):
                ents.add(Entity("place", text, start, end, attrs={"kind": "country"}))
                continue
            if head and _chinese_given_name(words):
                head = None  # "Law Ka-ming": a surname that is also a head word
            if head and head[0] == "instrument" and len(words) == 1:
                continue
            if head and head[0] == "instrument" and (body := _body_after_person(run, i)):
                head = body  # "A B of the Vela Law Society": a person of a body, no law
            if head and head[0] == "instrument":
                add_instrument(doc, ents, text, start, end, head[1], main_country)
            elif head and head[0] == "organisation" and (k := _title_then_name(words)):
                # "Police Inspector-General A B", "Supreme Court Judge A B": a body's post, then
                # the person who holds it
                add_person_candidate(doc, ents, run, i + k + 1)
                named = words[: k + 1] if words[k] in ORG_HEADS else words[:k]
                if len(named) > 1 and named[-1] in PROGRAMME_WORDS:
                    named = named[:-1]  # "CPJ Program Director A B": a post at CPJ
                if k > 1 and head_of(named):
                    text, start, end = run_text(doc, run, i)
                    body = _org_bounds(doc, named, start)
                    if body is not None:
                        add_organisation(doc, ents, *body, main_country)
            elif head and head[0] == "organisation":
                cut = _org_bounds(doc, words, start)
                if cut is None:
                    continue
                if len(cut[0].split()) == 1 and cut[0] in TITLE_STOP:
                    # "the Special Rapporteur on X of the Y Commission": a post's first word is
                    # no body; the body after "of the" is
                    of = next(
                        (k for k in range(len(words) - 2) if words[k : k + 2] == ["of", "the"]),
                        None,
                    )
                    if of is not None and head_of(words[of + 2 :]):
                        tail = run_text(doc, run, i + of + 2)
                        body = _org_bounds(doc, words[of + 2 :], tail[1])
                        if body is not None:
                            add_organisation(doc, ents, *body, main_country)
                    continue
                text, start, end = cut
                left = _person_before_of(run, i)
                if left is not None:
                    add_person_candidate(doc, ents, run, strip_titles(run.words, i), left)
                    skip = 3 if run.words[left + 2] == "the" else 2
                    text, start, end = run_text(doc, run, left + skip)
                    # "Judge A B of the Vela Court in the Kastra Hills town of X": the body's name
                    # ends where it would without the person before it
                    body = _org_bounds(doc, run.words[left + skip :], start)
                    if body is not None:
                        text, start, end = body
                add_organisation(doc, ents, text, start, end, main_country)
            elif (
                head
                and head[0] == "place"
                and (cue := _named_by_noun(doc, start, len(words))) in ("media", "company")
            ):
                # "the news website The Valley Ledger": the noun says what the name is
                e = add_organisation(doc, ents, text, start, end, main_country)
                e.attrs["kind"] = cue
            elif head and head[0] == "place":
                ents.add(Entity("place", text, start, end, attrs={"kind": "site"}))
            elif text in KNOWN_BODIES or text in PLATFORMS:
                if (
                    text.isupper()
                    and len(text) <= 6
                    and ATTRIBUTIVE_AFTER.match(doc.flat, end)
                    and not any(full in doc.flat for full in SPELLED_OUT.get(text, ()))
                ):
                    # "UN experts", "UN staff": the experts, not the body, are meant (where the
                    # text names the body in full, the acronym stays its short form)
                    continue
                add_organisation(doc, ents, text, start, end, main_country)
            elif text in CITATION_WORDS:
                continue  # "freedom of association (Articles 9 and 22 ...)": a citation opens
            elif (cue := _named_by_noun(doc, start, len(words))) is not None:
                if cue == "company" and ABBREVIATED_FORM.fullmatch(words[-1]):
                    if doc.flat[end : end + 1] == ".":
                        end += 1  # "the mining company Zenda Mining S.R.L.": its full stop
                        text = doc.flat[start:end]
                e = add_organisation(doc, ents, text, start, end, main_country)
                e.attrs["kind"] = cue
            elif 2 <= len(words) <= 5 and words[-1] == "FM" and words[0] not in ("The", "A"):
                # "Vela FM", "Radio Kitara FM": a radio station by its band
                e = add_organisation(doc, ents, text, start, end, main_country)
                e.attrs["kind"] = "media"
            elif (
                len(words) <= 5
                and (
                    MEDIA_NOUN_AFTER.match(doc.flat, end)
                    or MEDIA_APPOSED_AFTER.match(doc.flat, end)  # "X, the news website he runs"
                )
                and not all(w in DEMONYMS or w in LANGUAGES for w in words)  # "the Zemblan daily X"
                and not text.endswith("-language")  # "the Kurdish-language news site X"
            ):
                # "editor of The Meridian magazine", "the Vela Voice news website": an outlet
                e = add_organisation(doc, ents, text, start, end, main_country)
                e.attrs["kind"] = "media"
            elif (
                text.startswith("Public Defender")
                and PUBLIC_DEFENDER.match(text)
                and country_in(text)
            ):
                # "the Public Defender of Ruritania": an ombudsman's office, not a lawyer
                e = add_organisation(doc, ents, text, start, end, main_country)
                e.attrs["kind"] = "government"
            elif _named_for_a_cause(words):
                # "Vela for Civil Rights", "Citizens for Justice": a group named for its cause,
                # unless a hint of the name tells another kind ("National Institution for Human
                # Rights": a body of the state)
                e = add_organisation(doc, ents, text, start, end, main_country)
                e.attrs["kind"] = _kind_by_name(text) or "ngo"
            elif (after := _abbreviated(doc, words, start, end)) is not None:
                e = add_organisation(doc, ents, text, start, end, main_country)
                if e.attrs["kind"] == "other":
                    e.attrs["kind"] = "police" if POLICE_AFTER.match(doc.flat, after) else "ngo"
            elif (bar := _city_bar(doc, run, i)) is not None:
                # "a member of the Vela Bar", "the Bâtonnier of the Vela Bar": the bar of a city
                # or a state by its noun alone ("Ivo Bar", with no article, is a person)
                e = add_organisation(doc, ents, *bar, main_country)
                e.attrs["kind"] = "other"
            else:
                add_person_candidate(doc, ents, run, strip_titles(run.words, i))


#: Languages an outlet is said to write or broadcast in ("the Hindi daily X"), whose names are
#: not the demonyms of a state.
LANGUAGES = frozenset(
    """Hindi Urdu Bengali Bangla Tamil Telugu Marathi Punjabi Gujarati Kannada Malayalam Pashto
Dari Farsi Persian Kurdish Arabic Amharic Oromo Tigrinya Swahili Hausa Yoruba Igbo Berber
Tamazight Uyghur Tibetan Mongolian Russian English French Spanish Portuguese""".split()
)

#: "the" right before a run: the article of a body's name ("the Vela Bar").
CITY_BAR_BEFORE = re.compile(r"\b[Tt]he $")


def _city_bar(doc: Doc, run: Run, i: int) -> tuple[str, int, int] | None:
    """The bar of a city or a state named by its noun alone, after "the" ("the Vela Bar"), also
    after a post of it ("the Bâtonnier of the Vela Bar"): its name and where it stands."""
    words = run.words
    if words[-1] != "Bar":
        return None
    if "of" in words[i:]:
        k = len(words) - 1 - words[::-1].index("of")
        if words[k + 1 : k + 2] != ["the"] or not all(w in POST_WORDS for w in words[i:k]):
            return None
        i = k + 2
    if not 1 < len(words) - i <= 4:
        return None
    text, start, end = run_text(doc, run, i)
    if CITY_BAR_BEFORE.search(doc.flat, max(0, start - 5), start) is None:
        return None
    return text, start, end


#: Posts of a body's staff written after the body's head word: "Programme Officer",
#: "Project Manager", "Campaign Coordinator".
STAFF_POSTS = frozenset(
    "Officer Officers Manager Managers Coordinator Coordinators Assistant Adviser Advisor "
    "Associate Specialist Lead".split()
)


def _staff_post(words: list[str], head: str) -> bool:
    """A run whose body's head word has a staff post right after it, and ends there or goes on
    with what the post is for, names the post ("Project Officer A B" names A B; "Americas
    Programme Coordinator", "Senior Programme Officer for Asia": a post at the issuer, no body
    of its own)."""
    for k, w in enumerate(words[:-1]):
        if (
            w == head
            and (words[k + 1] in STAFF_POSTS or (k > 0 and words[k + 1] in PROGRAMME_POSTS))
            and (len(words) == k + 2 or words[k + 2] in ("for", "of", "on", "in"))
            # ("the Vela Network's Africa Programme Manager": the body before its possessive)
            and not any(x.endswith(("’s", "'s")) for x in words[:k])
        ):
            return True
    return False


#: Words of the world's regions an NGO's programmes are named for, besides countries and
#: acronyms ("Europe and Central Asia Programme", "MENA Programme").
REGION_WORDS = REGION_PARTS | frozenset(
    "Asia Africa America Americas Europe Pacific Middle Caribbean Caucasus Balkans Gulf Arab "
    "Latin Southeast Sub-Saharan and the".split()
)
#: A comma and a capitalised word: the body a unit named before it belongs to.
BODY_AFTER_COMMA = re.compile(r",[ \t]+[A-Z]")


def _unit_of_body_after(doc: Doc, words: list[str], end: int) -> bool:
    """A run "<region> Programme" followed by a comma and a name: in a contact line ("A B,
    East Asia Programme, Vela Forum") the programme is a unit of the body named after it, and
    a staff member's post there, no body of its own. A programme named for anything else (a
    "Development Programme") is a body."""
    if len(words) < 2 or words[-1] not in PROGRAMME_WORDS:
        return False
    if not all(w in REGION_WORDS or w in COUNTRIES or w.isupper() for w in words[:-1]):
        return False
    return BODY_AFTER_COMMA.match(doc.flat, end, end + 4) is not None


#: A unit of a building, and its letter: part of an address ("Unit A, 12 Vela Street").
ADDRESS_UNIT = frozenset(("Unit", "Suite", "Flat", "Floor", "Block", "Building"))


def _address_unit(words: list[str]) -> bool:
    """A run "Unit A": a building's unit and its letter (a unit numbered may be a body's:
    "Unit 8200")."""
    return (
        len(words) == 2 and words[0] in ADDRESS_UNIT and len(words[1]) == 1 and words[1].isupper()
    )


#: Posts that follow a programme's name in a staff title, besides :data:`STAFF_POSTS`:
#: "Asia Program Director", "Americas Programme Researcher".
PROGRAMME_POSTS = frozenset("Director Researcher Head".split())


def _named_for_a_cause(words: list[str]) -> bool:
    """A run "A for B" whose last word is a cause, the words before "for" capitalised and
    none of them a post's or title's ("Minister for Justice" is a post)."""
    if "for" not in words[1:-1] or len(words) > 8:
        return False
    lead = words[: words.index("for")]
    cause = " ".join(words[len(lead) + 1 :])
    # "Justice for Colombia", "Lawyers for Ukraine": a group named for a country's cause
    if words[-1] not in CAUSE_NOUNS and cause not in COUNTRIES:
        return False
    # a cause is no title: "Justice for Colombia" (no judge), "Minister for Justice" (a post)
    return all(w[:1].isupper() for w in lead) and not any(
        (w in TITLE_STOP and w not in CAUSE_NOUNS) or w in POST_WORDS or w in MONTHS for w in lead
    )


#: The ombudsman's office some states call their Public Defender (of a country named after).
PUBLIC_DEFENDER = re.compile(r"Public Defender(?:[’']s Office)? of (?:the )?[A-Z]")
#: An abbreviation in brackets right after a name: "Zenda Rights Watch (ZRW)".
ABBREVIATION_AFTER = re.compile(r"\s*\((?P<acr>[A-Z]{2,8})\)")


#: "the Special Branch (SB) of police": a unit of the police.
POLICE_AFTER = re.compile(r"\s+of\s+(?:the\s+)?(?:[a-z]+\s+)?police\b")


def _abbreviated(doc: Doc, words: list[str], start: int, end: int) -> int | None:
    """Where the brackets end, when a name of three or more capitalised words, or of two after
    "the", is followed by the abbreviation of their initials ("Zenda Rights Watch (ZRW)", "the
    Tierra Viva (TV)"): a body's name (a law has its head word: "Press Act (PA)"; a person of
    two names with initials, "Ana Lee (AL)", is left to the person rules). Such a body with no
    word telling its kind is most often a civil-society group (``ngo``)."""
    near = doc.flat[end : end + 40].lstrip()
    if near and not near.startswith("("):
        return None  # the bracket ``\s*\(`` needs is not the next character after white space
    m = ABBREVIATION_AFTER.match(doc.flat, end)
    if m is None:
        return None
    caps = [w for w in words if w[:1].isupper()]
    the = doc.flat[max(0, start - 4) : start].lower() == "the "
    ok = len(caps) >= (2 if the else 3) and m.group("acr") == "".join(w[0] for w in caps)
    return m.end() if ok else None


def _title_then_name(words: list[str]) -> int | None:
    """The index of the post word in "<body> <post> <two or three name words>", or None."""
    n = len(words)
    for k in range(n - 3, max(0, n - 7), -1):
        w = words[k]
        post = w in TITLE_STOP or w in POST_WORDS or w.startswith("Inspector-")
        # "Member of Parliament A B", "Head of the Border Service A B": post, body, then name
        of_body = w in ORG_HEADS and words[0] in POST_WORDS and "of" in words[1:k]
        name = words[k + 1 :]
        # ("Program Director Lucía Ferrer de la Cruz": particles inside the name)
        inner = [x for x in name[1:-1] if x in NAME_PARTICLES or x in NAME_ARTICLES]
        if (post or of_body) and all(
            (x[:1].isupper() or x in inner)
            and x not in TITLE_STOP
            and x not in POST_WORDS
            and x not in NON_NAME
            and x not in ORG_HEADS
            for x in name
        ):
            return k if 2 <= len(name) - len(inner) <= 3 and k >= 1 else None
    return None


#: The units of an NGO's staff a post is named for: "Asia Programme Director".
PROGRAMME_WORDS = frozenset("Program Programme Programs Programmes Project Projects".split())
#: The articles of a Spanish, French or Dutch surname's particle: "de la", "van der".
NAME_ARTICLES = frozenset("la las los le der den".split())


#: A noun after a body's acronym that makes the acronym a modifier: "UN experts", "UN staff",
#: "a UN treaty body".
ATTRIBUTIVE_AFTER = re.compile(
    r"\*?[ \t]+(?:experts?|staff|officials?|personnel|treaty|bodies|body|mechanisms?|agency|"
    r"agencies|member|system|rapporteurs?|investigators?|envoys?|monitors?|observers?|"
    r"peacekeepers?|human rights (?:experts?|mechanisms?|bodies|system|officials?))\b"
)
#: Well-known bodies by the initials of their names' capitalised words: "UN" -> "United
#: Nations".
SPELLED_OUT: dict[str, list[str]] = {}
for _name in KNOWN_BODIES:
    if " " in _name:
        SPELLED_OUT.setdefault("".join(w[0] for w in _name.split() if w[:1].isupper()), []).append(
            _name
        )
#: A lower-case noun that says what the name after it is: "the newspaper Zenda Courier",
#: "the human rights alliance Solidaria"; and a name glossed in brackets after a lower-case
#: body noun: "its communal land authority (Tierras Comunes)".
NAMED_BY_NOUN = re.compile(
    r"\b(?P<n>newspapers?|magazine|weekly|daily|monthly|news agency|"
    r"news (?:website|site|portal|outlet)|website|portal|outlet|publishing house|tabloid|"
    r"(?:online |news |media )?platform|radio station|channel|"
    r"(?:television|TV) (?:channel|station)|(?:community |local |private )?station|broadcaster|"
    r"organi[sz]ation|NGO|association|alliance|network|coalition|movement|group|union|"
    r"federation|foundation|party|trade union|collective|cooperative|initiative|charity|"
    r"rights centre|rights center|legal aid centre|legal aid center|society|"
    # "the mining company Zen Gold Resources", "the security firm Black Shield Services"
    r"company|firm|corporation|conglomerate|multinational)"
    r"[^\S\n]*\n?[^\S\n]*\Z"
)
GLOSSED_BODY = re.compile(
    r"\b(?P<n>authority|body|council|committee|assembly|organi[sz]ation|association|union|"
    r"agency|office|group|network|alliance|cooperative)\s*\($"
)
#: The nouns of the two patterns spelled out, longest first (None if a pattern is ever no
#: longer a list of words): a noun ending where a name starts is looked up, not searched for
#: at every character before the name.
NAMING_NOUNS = group_literals(NAMED_BY_NOUN, "n")
GLOSSING_NOUNS = group_literals(GLOSSED_BODY, "n")


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _by_ending(nouns: list[str] | None) -> dict[str, list[str]] | None:
    """The nouns (longest first) by their last three characters: the nouns that may end at a
    place are looked up by the three characters before it, not each tried there. None when
    the nouns are not a list or one is shorter (the pattern is then searched)."""
    if nouns is None or any(len(n) < 3 for n in nouns):
        return None
    index: dict[str, list[str]] = {}
    for n in nouns:
        index.setdefault(n[-3:], []).append(n)
    return index


NAMING_ENDS = _by_ending(NAMING_NOUNS)
GLOSSING_ENDS = _by_ending(GLOSSING_NOUNS)


def _noun_ending(text: str, lo: int, i: int, ends: dict[str, list[str]]) -> str | None:
    """The longest noun of ``ends`` (:func:`_by_ending`; every noun at least three characters
    long) that ends at ``i``, starts at ``lo`` or after, and starts a word (``\\b`` before it,
    the text before ``lo`` seen as a search sees it)."""
    for n in ends.get(text[max(0, i - 3) : i], ()):
        a = i - len(n)
        if a >= lo and text.startswith(n, a) and (a == 0 or not _word_char(text[a - 1])):
            return n
    return None


def _glossed(before: str) -> bool:
    """GLOSSED_BODY.search(before): a body noun, white space, "(" at the end."""
    if GLOSSING_ENDS is None:
        return bool(GLOSSED_BODY.search(before))
    if before.endswith("\n"):
        return bool(GLOSSED_BODY.search(before))  # "$" before a final line break: as searched
    if not before.endswith("("):
        return False
    head = before[:-1].rstrip()
    return _noun_ending(head, 0, len(head), GLOSSING_ENDS) is not None


def _naming_noun(text: str, lo: int, start: int) -> str | None:
    """NAMED_BY_NOUN.search(text, lo, start).group("n"), or None: a noun, then white space
    with at most one line break, then the name."""
    if NAMING_ENDS is None:
        m = NAMED_BY_NOUN.search(text, lo, start)
        return m.group("n") if m else None
    i = start
    while i > lo and text[i - 1] != "\n" and text[i - 1].isspace():
        i -= 1
    if i > lo and text[i - 1] == "\n":
        i -= 1
        while i > lo and text[i - 1] != "\n" and text[i - 1].isspace():
            i -= 1
    return _noun_ending(text, lo, i, NAMING_ENDS)


#: A company's legal form abbreviated, whose full stop a run leaves out: "S.R.L", "Ltd".
ABBREVIATED_FORM = re.compile(r"(?:[A-Z]\.)+[A-Z]|Ltd|Inc|Co|Corp")
#: The nouns of NAMED_BY_NOUN that name a business.
COMPANY_NOUNS = frozenset(
    # (not "operator", "contractor": "camera operator X" is a person)
    "company firm corporation conglomerate multinational".split()
)
#: The nouns of NAMED_BY_NOUN that name a news outlet, by how they start.
MEDIA_NOUN_START = re.compile(
    r"news|magazine|weekly|daily|monthly|website|portal|outlet|publish|radio|television|TV|broad|"
    r"online|media|channel|tabloid|station|community station|local station|private station"
)


#: A lower-case noun for a news outlet right after a name: "The Meridian magazine".
MEDIA_NOUN_AFTER = re.compile(
    r"[ \t]+(?:(?:online |weekly |daily |independent )?(?:magazine|newspaper|news ?paper|"
    r"news (?:website|site|portal|agency|outlet)|website|news agency|radio station|TV channel|"
    r"television (?:channel|station))|weekly|daily)\b"
)


#: The article a name opens with, which the run leaves out: "The Zenda Ledger". (Both are
#: searched before every run that may be named by a noun; most words before one end
#: otherwise, which a string's end tells without the engine.)
ARTICLE_BEFORE = TailPattern(re.compile(r"\bThe[ \t]+\Z"), ends=("The",))


PARENT_COMPANY_BEFORE = TailPattern(
    re.compile(r"\b(?:parent|holding)\s+(?:company|firm|group),\s*\Z"), ends=(",",)
)
#: An outlet named in an apposition: "the tabloid, Vela Daily"; not after "of" ("the editor of
#: the newspaper, A B": the post's holder) nor a publisher ("her publisher, A B" may publish).
MEDIA_APPOSED_BEFORE = TailPattern(
    re.compile(
        r"(?<!\bof )(?<!\bfor )(?<!\bat )\b(?:the|its|his|her|their)[ \t]+(?:[a-z][\w-]*[ \t]+)?"
        r"(?:newspaper|news (?:website|site|portal)|tabloid|magazine|broadcaster|radio station|"
        r"(?:TV|television) (?:channel|station)),\s*\Z"
    ),
    ends=(",",),
)
#: An outlet's noun in an apposition after its name: "Vela Voice, the news website he edits".
#: Not a person's post ("A B, the newspaper's editor", "A B, a radio station manager").
MEDIA_APPOSED_AFTER = re.compile(
    r",[ \t]*\n?[ \t]*the[ \t]+(?:[a-z][\w-]*[ \t]+)?(?:newspaper|news (?:website|site|portal|"
    r"agency)|website|tabloid|magazine|weekly|daily|radio station|(?:TV|television) "
    r"(?:channel|station))\b(?![’'-])"
    r"(?![ \t]+(?:editor|journalist|reporter|columnist|owner|founder|director|manager|"
    r"correspondent|presenter|staff|employee|worker|photographer|contributor)s?\b)"
)


def _named_by_noun(doc: Doc, start: int, n_words: int) -> str | None:
    """The organisation kind a lower-case noun before a name gives it, or None."""
    if n_words > 5:
        return None
    before = doc.flat[max(0, start - 40) : start]
    if _glossed(before):
        # "the state attorney general's office (FGE)": what the words before the brackets say
        # of the body, where they say more than "office"
        return org_kind(re.split(r"[,.;:]", before[:-1])[-1], "")
    # "the news website The Zenda Ledger": the article opens the name, the noun is before it
    the = ARTICLE_BEFORE.search(doc.flat, max(0, start - 4), start)
    at = the.start() if the else start
    # on the text, not the flat copy: a noun before a blank line does not name what follows
    n = _naming_noun(doc.text, max(0, at - 40), at)
    if n is None:
        if MEDIA_APPOSED_BEFORE.search(before):
            return "media"  # "her publisher, Vela Books": an outlet named in an apposition
        # "its parent company, Vela Digital": a business's owner named in an apposition
        return "company" if PARENT_COMPANY_BEFORE.search(before) else None
    if re.match(MEDIA_NOUN_START, n):
        return "media"
    if n == "party":
        return "political_party"
    if n in COMPANY_NOUNS:
        return "company"
    if n in ("movement", "group", "collective"):
        # "the rights group X", "the Vela-based group X" campaign; "the armed group X" does not
        return "ngo" if NGO_WORD_END.search(before) else "other"
    return "ngo"


#: Words for a post held in a body: ``Vice-President of the X``, ``X Commissioner for ...``.
ORG_TAIL_PLACE = re.compile(r"\s+(?:region|province|district|oblast|county|state|municipality)\b")


def _post_of_body(toks: list[tuple[str, int]], i: int) -> bool:
    """The post word at ``i`` is the complement of a body's head: "Office of the High
    Commissioner for Human Rights", "Office of the Prosecutor General" (but "Zenda Centre
    Director A B" names the post of a person after the body)."""
    words = [w for w, _ in toks]
    j = max((k for k in range(i) if words[k] == "of"), default=-1)
    if j < 1 or words[j - 1] not in ORG_HEADS or words[j + 1 : j + 2] != ["the"]:
        return False
    between = words[j + 2 : i]
    if len(between) > 3 or not all(x[:1].isupper() for x in between):
        return False
    return i == len(words) - 1 or words[i + 1] in ("for", "of", "on")


#: People who serve a body, opening a run before its name: "Officers of the Zenda Security
#: Service" are its agents, the body is "Zenda Security Service".
STAFF_WORDS = frozenset(
    "Officers Officer Agents Agent Officials Employees Staff Soldiers Investigators Guards "
    "Personnel Operatives Representatives Members".split()
)


NON_SPACE_RUN = re.compile(r"\S+")


#: A month cut short, as dates in the US style write it: "Apr", "Sept".
SHORT_MONTHS = frozenset("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())


def _short_month_day(flat: str, tok: tuple[str, int]) -> bool:
    """Whether the token is a month cut short with a day after it ("Apr 18", "Sept. 3")."""
    word, at = tok
    if word.rstrip(".") not in SHORT_MONTHS:
        return False
    end = at + len(word)
    return bool(re.match(r"\.?\s*\d{1,2}\b", flat[end : end + 6]))


def _org_bounds(doc: Doc, words: list[str], start: int) -> tuple[str, int, int] | None:
    """Trim a body's run to its name: no post before it, no post, place or "in X" after it."""
    flat = doc.flat
    toks = [
        (m.group(), start + m.start())
        for m in NON_SPACE_RUN.finditer(_run_slice(doc, words, start))
    ]
    k = 0
    for i, (w, _) in enumerate(toks[:-1]):
        if (
            (
                w in POST_WORDS
                or w in ("General", "State", "States")
                or w in STAFF_WORDS
                # "Commissioner-General of the X Police", "Director-General of the X Service"
                or (w.endswith("-General") and w[: -len("-General")] in POST_WORDS)
            )
            and toks[i + 1][0] == "of"
            and not (w == "General" and i > 0 and toks[i - 1][0] in ORG_HEADS)
            and not _post_of_body(toks, i)
        ):  # "Director of the X Centre" (a post), not "Directorate General of Intelligence"
            # nor "Office of the Attorney General of the Nation", where the post names the body
            k = i + 2 + (toks[i + 2][0] == "the" if i + 2 < len(toks) else 0)
    toks = toks[k:]
    for i, (w, _) in enumerate(toks):
        if i > 0 and w.strip(",") in POST_WORDS and not _post_of_body(toks, i):
            toks = toks[:i]
            break
    for i, (w, _) in enumerate(toks):
        if w in ("in", "on") and i > 0:
            # "Zenda District Court in Strelsau": a state body's seat is not part of its name
            # (an NGO's "in Honduras" is); a date is never part of a name
            head = head_of([t for t, _ in toks[:i]])
            tail = [t for t, _ in toks[i + 1 :]]
            if (
                (tail and tail[0] in MONTHS)
                # "the X Court on Apr 18, 2014": a month cut short, a day after it
                or (tail and _short_month_day(doc.flat, toks[i + 1]))
                or (
                    w == "in"
                    and head
                    # a state body's seat; or a bare head word ("the Committee in Geneva"), which
                    # refers back to a body already named
                    and (
                        ORG_HEADS.get(head[1]) in STATE_KINDS
                        or (i == 1 and toks[0][0] == head[1] and len(tail) <= 2)
                    )
                    and (head_of(tail) or ("", ""))[0] != "organisation"
                    # an international body's office or mission in a state is named so: "Office of
                    # the UN High Commissioner for Human Rights in Zembla", "UN Mission in Zembla"
                    and _kind_by_name(" ".join(t for t, _ in toks[:i])) != "international_org"
                )
            ):
                toks = toks[:i]
                break
    while toks and toks[0][0] in ("of", "the", "on", "for", "and"):
        toks = toks[1:]
    if not toks:
        return None
    a, b = toks[0][1], toks[-1][1] + len(toks[-1][0])
    if tail := ORG_TAIL_PLACE.match(flat, b):
        # "the Akimat of the Kyzylorda region" (the body is the Akimat); "the People's Court
        # of Vela province" is that court's name, its place's noun too
        m = list(re.finditer(r"\s+of\s+(the\s+)?", flat[a:b]))
        if m and m[-1].group(1):
            b = a + m[-1].start()
        elif m and ORG_HEADS.get(toks[-1][0]) is None:
            b = tail.end()
    text = clean(flat[a:b]).rstrip(".,")
    bare = text[:-2] if text.endswith(("'s", "’s")) else text  # "the Committee's review"
    if len(bare.split()) == 1 and bare in ORG_HEADS and ORG_HEADS[bare] != "parliament":
        # "the Court": a bare head word refers back to a body already named; a state has one
        # "Senate" or "Parliament", which is a body by that word (merged into a parliament
        # named in full, if one is: shortforms)
        return None
    # the end in the text, not a + len(text): a name wrapped across lines is cleaned shorter
    return text, a, a + len(flat[a:b].rstrip(".,"))


def _run_slice(doc: Doc, words: list[str], start: int) -> str:
    end = start
    for w in words:
        end = doc.flat.index(w, end) + len(w)
    return doc.flat[start:end]


def _person_before_of(run: Run, first: int) -> int | None:
    """In ``Judge A B of the X Court``, the index of the name's last word before ``of``."""
    words = run.words
    if "of" not in words[first:]:
        return None
    k = words.index("of", first)
    left = words[strip_titles(words, first) : k]
    # an initial's full stop and particles are no words of a name: "Rosa E. del Carpio Vilca"
    core = [w for w in left if w != "." and w not in NAME_PARTICLES]
    if (
        2 <= len(core) <= 4
        and not head_of(left)
        and not any(w in NON_NAME for w in left)
        # "the Vela Families of the Disappeared Collective": the people a group stands for
        and core[-1] not in GROUPS_OF_PEOPLE
    ):
        return k - 1
    return None


#: Plural nouns of the people a group is named for: "Mothers of the Disappeared", "Families of
#: the Victims".
GROUPS_OF_PEOPLE = frozenset(
    "Families Mothers Fathers Parents Relatives Wives Widows Sons Daughters Friends Victims "
    "Survivors Women Children".split()
)


def _body_after_person(run: Run, first: int) -> tuple[str, str] | None:
    """The head of the body in ``A B of the X Law Society``, where no word before ``of`` is a
    head and the first head after it ("Law") is an instrument's."""
    left = _person_before_of(run, first)
    if left is None:
        return None
    rest = run.words[left + 2 :]
    rest = rest[1:] if rest[:1] == ["the"] else rest
    head = head_of(rest)
    return head if head and head[0] == "organisation" else None


OF_THE_PARENT = re.compile(r"(?P<x>.+?) of the (?P<y>.+)$")
#: The head words of a unit of a state body: what a body's possessive may name as a body of
#: its own ("the Police Service’s Internal Affairs Unit"); a post or a programme after
#: the possessive is none ("the Network's Africa Programme Manager").
STATE_UNIT_HEADS = frozenset(
    "Unit Department Division Directorate Branch Section Bureau Service Brigade Squad".split()
)
#: "Vela Police Service’s Internal Affairs Unit": a body, its possessive, a unit of it.
POSSESSIVE_PARENT = re.compile(r"(?P<y>[^’']+?)[’']s (?P<x>[A-Z].+)$")
#: The words of a name up to its complement: "UN High Commissioner" of "UN High Commissioner
#: for Human Rights".
BEFORE_COMPLEMENT = re.compile(r"^(?P<n>.+?)(?: (?:for|of|on)\b|$)")


OF_KNOWN_PARENT = re.compile(r"(?P<x>.+?) of (?P<y>[A-Z][^ ]*(?: [A-Z][^ ]*){0,3})$")


def _unit_of_known(m: re.Match[str]) -> bool:
    """Whether ``X of Y`` names a part X, with a head word of a body, of an international body
    or a well-known one Y ("Writers in Prison Committee of PEN International")."""
    y = m.group("y")
    known = y.endswith(" International") or KNOWN_BODIES.get(y) in ("ngo", "international_org")
    head = head_of(m.group("x").split())
    return known and head is not None and head[0] == "organisation"


def _names_a_post(name: str) -> bool:
    """A name whose last word before its complement is a post ("UN High Commissioner for
    Human Rights", "Special Rapporteur on ..."): a person's office, no body of its own."""
    m = BEFORE_COMPLEMENT.match(name)
    return m is not None and m.group("n").split()[-1] in POST_WORDS


#: The last words of a unit's name that name no body by themselves: "Detective Branch".
UNIT_WORDS = frozenset(("Branch", "Section", "Sections"))


def add_organisation(
    doc: Doc,
    ents: Entities,
    text: str,
    start: int,
    end: int,
    main_country: str | None,
    depth: int = 0,
) -> Entity:
    """An organisation, with its parent when named ``X of the Y`` and Y is itself a body.

    Parents are followed three levels up (a chamber of a court of a ministry); a longer chain
    is not a name but a run of capitalised words, and must not recurse without end."""
    parent = None
    own = POSSESSIVE_PARENT.match(text) if depth == 0 else None
    if (
        own is not None
        and own.group("y").split()[-1] in ORG_HEADS
        and (head_of(own.group("y").split()) or ("",))[0] == "organisation"
        and own.group("x").split()[-1] in STATE_UNIT_HEADS
    ):
        # "the Vela Police Service’s Internal Affairs Unit": a unit named after the body
        # it belongs to, in the possessive; each is a body of its own name
        parent = add_organisation(
            doc, ents, own.group("y"), start, start + own.end("y"), main_country, 1
        )
        e = add_organisation(
            doc, ents, own.group("x"), start + own.start("x"), end, main_country, 1
        )
        e.attrs.setdefault("part_of", parent)
        return e
    m = OF_THE_PARENT.match(text) if depth < 3 else None
    if m and _names_a_post(m.group("y")):
        m = None  # "Office of the UN High Commissioner for Human Rights": the office of a post
    elif m and m.group("x") == "Office" and m.group("y").startswith("Ministry "):
        # "the Office of the Ministry of Justice for the Vela Region": a ministry's local
        # office, one body (the ministry is a body where the text names it by itself)
        m = None
    if m and m.group("x").split()[-1] in GROUPS_OF_PEOPLE:
        # "the Families of the Disappeared Collective": a group of people named for those it
        # stands for, one body, no part of a body named after "of the"
        m = None
    if m and head_of(m.group("y").split()) and head_of(m.group("y").split())[0] == "organisation":
        ystart = start + m.start("y")
        parent = add_organisation(doc, ents, m.group("y"), ystart, end, main_country, depth + 1)
    elif m and m.group("y").isupper():
        # "the Internal Security Bureau of the NSS": a parent named by its acronym
        parent = ents.find("organisation", m.group("y"))
    elif depth == 0 and (n := OF_KNOWN_PARENT.match(text)) and _unit_of_known(n):
        # "the Writers in Prison Committee of PEN International": a part of an international
        # body, named with no "the"
        m = n
        ystart = start + m.start("y")
        parent = add_organisation(doc, ents, m.group("y"), ystart, end, main_country, depth + 1)
    e = ents.add(Entity("organisation", text, start, end))
    if parent is not None:
        e.attrs["part_of"] = parent
        x = m.group("x")  # type: ignore[union-attr]
        # "Fourteenth Brigade", "Detective Branch": the unit's own name, which the text may use
        # alone ("Branch" and its kin name a unit of a body, and are no head word of their own)
        if (head_of(x.split()) or x.split()[-1] in UNIT_WORDS) and x not in e.variants:
            e.variants.append(x)
    after = doc.flat[end : end + 16]
    acr = ACRONYM_DEF.match(after)
    if acr and acr.group("acr") not in e.variants:
        e.variants.append(acr.group("acr"))
    words = text.split()
    if (
        len(words) >= 3
        and main_country is not None
        and DEMONYMS.get(words[0]) == main_country
        and words[1][:1].isupper()
        and words[1] not in DEMONYMS
        and (head := head_of(words[1:]))
        and head[0] == "organisation"
    ):
        # "the Latvian State Border Service" in an appeal about Latvia: the demonym says
        # whose the body is, the name after it is what the body is called. (A body of
        # another state keeps its demonym: "the Russian Prosecutor's Office" in an appeal
        # about Kazakhstan is not "the Prosecutor's Office" of Kazakhstan.)
        bare = " ".join(words[1:])
        if bare not in e.variants:
            e.variants.append(bare)
    un = UN_FORM.match(text)
    if un:  # "UN Human Rights Council" and "United Nations Human Rights Council" are one body
        other = ("United Nations" if un.group(1) == "UN" else "UN") + text[un.end(1) :]
        if other not in e.variants:
            e.variants.append(other)
    # a body named again keeps the kind and country its first mention gave (both are read
    # only for a body met for the first time)
    if "kind" not in e.attrs:
        e.attrs["kind"] = org_kind(text, doc.flat[max(0, start - 40) : start])
    if "country" not in e.attrs:
        before = doc.flat[max(0, start - 30) : start]
        e.attrs["country"] = org_country(text, before, e.attrs["kind"], main_country)
        if e.attrs["kind"] in STATE_KINDS and not _country_by_name(text):
            # "Azerbaijan, for its part, claims that officers of the State Border Service
            # detained him": a state body the sentence tells of as its country's
            i = bisect.bisect_right(doc.sentence_starts, start) - 1
            told = STATE_OPENS.match(doc.flat, doc.sentences[i].start, start) if i >= 0 else None
            if told and not DEMONYM_BEFORE_RE.search(before):
                e.attrs["country"] = told.group("c")
    return e


#: A sentence that opens with a country as the one that acts or speaks ("Azerbaijan, for its
#: part, claims", "Zembla's government said", "The Prosecutor's Office of Zembla, for its part,
#: claims"): the state
#: whose body the sentence names after it.
STATE_OPENS = re.compile(
    r"\s*(?:(?:The\s+)?(?:authorities|government|(?:[A-Z][\w’'-]*\s+){1,4})of\s+)?(?P<c>"
    + "|".join(re.escape(c) for c in sorted(COUNTRIES, key=len, reverse=True))
    + r")(?:[’']s)?(?=[,\s])(?!\s+(?:and|or)\b)"
)


DEPARTMENT_WORD = re.compile(r"\b(?:Department|Division|Unit)\b")
INVESTIGAT = re.compile(r"Investigat")


AGENCY_OR_COMMITTEE = re.compile(r"\b(?:Agency|Committee)\b")
#: The state's security service by its name: "State Services", "State Security".
STATE_SERVICES = re.compile(r"\bState (?:Services|Security)\b")
NGO_WORD_END = re.compile(
    r"(?:non-governmental|NGO|organi[sz]ation|"
    # "the rights group X", "the Vela-based group X", "the youth-led group X" (not "the armed
    # group X")
    r"\b(?:rights|advocacy|activist|campaign|monitoring|watchdog|[A-Z][\w’'-]+-based|"
    r"[a-z]+-led) group"
    # the first named of a list such groups head: "Rights groups, including the X, have ...",
    # "NGOs such as X"
    r"|\b(?:[Rr]ights|[Aa]dvocacy|[Aa]ctivist|[Cc]ampaign|[Mm]onitoring|[Ww]atchdog) groups,?"
    r"\s+(?:including|such\s+as|among\s+them)\s+(?:the\s+)?"
    r"|\b(?:NGOs|[Nn]on-governmental\s+organi[sz]ations|[Cc]ivil\s+society\s+organi[sz]ations),?"
    r"\s+(?:including|such\s+as|among\s+them)\s+(?:the\s+)?)\s*$"
)


#: "the ruling X", "the opposition X": a body that rules or opposes is a political party.
PARTY_BEFORE = re.compile(r"\b(?:ruling|opposition|governing)\s+$")


def org_kind(name: str, before: str) -> str:
    kind = _org_kind(name, before)
    if kind in ("other", "ngo") and PARTY_BEFORE.search(before):
        return "political_party"  # a movement or front named so, not by a party word
    return kind


def _org_kind(name: str, before: str) -> str:
    kind = _kind_by_name(name)
    if kind is not None:
        return kind
    if NGO_WORD_END.search(before):
        return "ngo"
    return _kind_by_head(name)


# The kind a body's name tells, read once per name: the same courts, ministries and
# organisations are named in appeal after appeal, and some thirty hint patterns are tried on each.
@functools.lru_cache(maxsize=4096)
def _kind_by_name(name: str) -> str | None:
    """The kind a known name or a hint in the name gives, before the words around it count."""
    if name in PLATFORMS:
        return "media"
    if name in KNOWN_BODIES:
        return KNOWN_BODIES[name]
    for rx, kind in ORG_KIND_HINTS:
        if rx.search(name):
            return kind
    if DEPARTMENT_WORD.search(name) and INVESTIGAT.search(name):
        return "prosecution" if "Crimes" in name else "police"
    if AGENCY_OR_COMMITTEE.search(name) and "Security" in name:
        return "security_service"
    if STATE_SERVICES.search(name):
        return "security_service"  # "Department of State Services", "State Security Bureau"
    return None


@functools.lru_cache(maxsize=4096)
def _kind_by_head(name: str) -> str:
    """The kind of the first head noun of the name ("Court", "Ministry"), else "other"."""
    words = [w.strip('“”"') for w in name.split()]
    for i, w in enumerate(words):
        kind = ORG_HEADS.get(w)
        if w == "Community" and any(x in ORG_HEADS for x in words[i + 1 :]):
            continue  # "Vela Community Network": the word says whose the network is
        if kind:
            return kind
    if _named_for_a_cause(words):
        return "ngo"  # "Zembla Lawyers for Human Rights": a group named for its cause
    return "other"


#: A body whose name says it is international or of the UN belongs to no one country; so does
#: one named for a world region ("European Parliament", "African Union", "Gulf Centre for ...")
#: and a non-governmental one whose name ends so ("Ana Lee International").
INTERNATIONAL_NAME = re.compile(
    r"^(?:International|World|Global|UN|United Nations|European|Euro-\w+|(?:Southern |"
    r"Northern |Eastern |Western |Central |Pan-|East |West |North |South )?(?:African?|Asian?)|"
    r"Inter-American|Latin American?|Mesoamerican?|Central American?|Caribbean|Arab|Gulf|"
    r"Mediterranean|Pacific|Nordic|Balkan)\b(?! of\b)"
)
INTERNATIONAL_END = re.compile(r"\bInternational$")
UN_FORM = re.compile(r"^(UN|United Nations)\s+(?=[A-Z])")


def org_country(name: str, before: str, kind: str, main_country: str | None) -> str | None:
    """Country named in the body's name, or by a demonym before it, else the appeal's country;
    none for a body whose name says it is international."""
    c = _country_by_name(name)
    if c:
        return c
    m = DEMONYM_BEFORE_RE.search(before)
    if m:
        return DEMONYMS[m.group("d")]
    if kind in ("international_org",) or name in KNOWN_BODIES or INTERNATIONAL_NAME.match(name):
        return None
    if kind == "ngo" and INTERNATIONAL_END.search(name):
        return None
    if kind in STATE_KINDS or kind in ("ngo", "other"):
        return main_country
    return None


@functools.lru_cache(maxsize=4096)
def _country_by_name(name: str) -> str | None:
    """The country a body's name says, by its name or a demonym in it ("Kazakh"), read once
    per name as :func:`_kind_by_name` is."""
    c = country_in(name)
    if c:
        return c
    m = DEMONYM_RE.search(name)
    return DEMONYMS[m.group()] if m else None


def add_lower_bodies(doc: Doc, ents: Entities, main_country: str | None) -> None:
    for rx, name, kind in LOWER_BODIES:
        for m in finditer_indexed(rx, doc.flat, doc.word_index):
            before = doc.flat[max(0, m.start() - 4) : m.start()]
            if before[-1:].isalnum() or before[-1:] in ("_", "’", "'", "-"):
                continue
            if kind == "court" and not _one_court(doc.flat, m, before):
                continue
            text = name or m.group("n")
            e = ents.add(Entity("organisation", text, m.start("n"), m.end("n")))
            e.attrs.setdefault("kind", kind)
            e.attrs.setdefault("country", main_country)
            if m.group(0) != text and clean(m.group(0)) not in e.variants and name:
                e.variants.append(clean(m.group(0)))


#: A place after a court of a kind: "a military court in Vela", "an administrative court of
#: the Zenda region".
COURT_SEAT = re.compile(r"\s+(?:in|of|at)\s+(?:the\s+)?[A-Z]")


def _one_court(flat: str, m: re.Match[str], before: str) -> bool:
    """A court of a kind written in lower case, after "a" or "the", is one court of the story
    ("an administrative court gave each of them 15 days"), not the name of one. After "before a"
    or "to a" it may name a kind of court only ("the trial of civilians before a military
    court"): one court there only with its seat ("before a military court in Vela") or named
    again as "the military court"."""
    if not re.search(r"(?:^|\W)(?:an?|the) $", before):
        return False
    if not re.search(r"\b(?:before|to) an? $", flat[max(0, m.start() - 10) : m.start()]):
        return True
    if COURT_SEAT.match(flat, m.end()):
        return True
    return re.search(r"\b[Tt]he " + re.escape(m.group("n")) + r"\b", flat) is not None


def add_quoted_orgs(doc: Doc, ents: Entities, main_country: str | None) -> None:
    """``the organisation “Arlan”``: a quoted name after a noun that says it is a body."""
    for m in finditer_prefixed(QUOTED, doc.flat):  # at its quotation marks
        before = doc.flat[max(0, m.start() - 40) : m.start()]
        if (noun := ORG_NOUNS.search(before)) and not head_of(m.group("q").split()):
            e = add_organisation(doc, ents, m.group("q"), m.start("q"), m.end("q"), main_country)
            if noun.group("media"):
                e.attrs["kind"] = "media"
            elif re.search(r"campaign|movement\s*$", before):
                e.attrs["kind"] = "other"
            elif re.search(r"organi[sz]ation|NGO|association\s*$", before):
                e.attrs["kind"] = "ngo"


#: A news site named by its domain: "haqqin.az", "vela-news.com" (not part of an address,
#: "www.x.org", "info@x.com", "x.com/page": the issuer's or a source's, no outlet in the story;
#: ".org" names an organisation's site).
NEWS_SITE = re.compile(
    r"(?<![\w@/.\-])(?P<d>[a-z0-9][a-z0-9\-]{1,40}\.(?:[a-z]{2}|com|net|info|news))"
    r"(?![\w@/\-]|\.\w)"
)

#: The full stop of a domain, before its top-level part: a news site's name holds one, from at
#: most 41 characters before it to 7 after it (".news" and the two its look-ahead reads).
DOMAIN_DOT = re.compile(r"\.[a-z]{2}")


def add_news_sites(doc: Doc, ents: Entities, main_country: str | None) -> None:
    """A news site the text names by its domain is a media outlet."""
    if "." not in doc.flat:
        return
    for m in finditer_around(NEWS_SITE, doc.flat, DOMAIN_DOT, before=48, after=12):
        if m.group("d").split(".")[-1] in ("org", "pdf", "doc", "txt", "htm", "jpg", "png"):
            continue
        e = ents.add(Entity("organisation", m.group("d"), m.start("d"), m.end("d")))
        e.attrs.setdefault("kind", "media")
        e.attrs.setdefault("country", main_country)


#: The platform X, by its one letter, where the words before it say it is a platform: "posts
#: on X", "his account on X", "the platform X" (a letter after other words is an initial, a
#: variable, a list's item).
PLATFORM_X = re.compile(r"(?<=\bon )X(?![\w’'\-])|(?<=\bplatform )X(?![\w’'\-])")


def add_platform_x(doc: Doc, ents: Entities) -> None:
    """The social network X, named after "on" or "platform", is a platform: media."""
    if "X" not in doc.word_index:
        return
    for m in PLATFORM_X.finditer(doc.flat):
        e = ents.add(Entity("organisation", "X", m.start(), m.end()))
        e.attrs["kind"] = "media"
        e.attrs.setdefault("country", None)


#: Three to six capitals ending a word; that they start one is checked after the match (a
#: leading "\b" makes the engine try every position of the text, this only the capitals).
ACRONYM_WORD = re.compile(r"[A-Z]{3,6}\b")


#: The well-known bodies' names that ACRONYM_WORD matches whole.
KNOWN_ACRONYMS = frozenset(k for k in KNOWN_BODIES if ACRONYM_WORD.fullmatch(k))


def _acronym_words(doc: Doc) -> list[tuple[int, str]]:
    """The matches of ACRONYM_WORD that start a word and name a well-known body, in text
    order: words of the word index (:attr:`kg.extract.text.Doc.word_index`), as a match that
    starts a word and ends at ``\\b`` is a whole word, unless an underscore is next to it."""
    flat = doc.flat
    index = doc.word_index
    found = []
    for acr in index.keys() & KNOWN_ACRONYMS:
        n = len(acr)
        for a in index[acr]:
            if (a and _word_char(flat[a - 1])) or flat[a + n : a + n + 1] == "_":
                continue
            found.append((a, acr))
    found.sort()
    return found


#: Well-known bodies whose name holds a number ("ARTICLE 19"): no capitalised run covers them.
NUMBERED_BODIES = tuple(k for k in KNOWN_BODIES if any(c.isdigit() for c in k))


def add_numbered_bodies(doc: Doc, ents: Entities) -> None:
    """Well-known bodies named with a number, found by their literal name (in capitals, so
    that "Article 19 of the Covenant" stays an article)."""
    flat = doc.flat
    for name in NUMBERED_BODIES:
        at = flat.find(name)
        while at >= 0:
            end = at + len(name)
            if not (at and _word_char(flat[at - 1])) and not _word_char(flat[end : end + 1]):
                e = ents.add(Entity("organisation", name, at, end))
                e.attrs.setdefault("kind", KNOWN_BODIES[name])
                e.attrs.setdefault("country", None)
            at = flat.find(name, end)


def add_acronyms(doc: Doc, ents: Entities) -> None:
    """Standalone well-known acronyms (FIDH, OMCT) that were never spelled out."""
    for start, acr in _acronym_words(doc):
        end = start + len(acr)
        if not any(acr in e.variants for e in ents.of("organisation")):
            e = ents.add(Entity("organisation", acr, start, end))
            e.attrs.setdefault("kind", KNOWN_BODIES[acr])
            e.attrs.setdefault("country", None)


#: An abbreviation in brackets that a body's name before it spells: "(AZDH)", "(CHRDD)".
SPELLED_ACRONYM = re.compile(
    # the abbreviation alone, or after the name's translation: "(Zendarian League for Human
    # Rights, LZDH)"
    r"\((?:(?P<gloss>[A-Z][^()\n]{5,120}?(?:\n[^()\n]{1,120}?)?),\s+)?(?P<acr>[A-Z][A-Z&]{1,7})\)"
)
#: The small words a spelled name's abbreviation leaves out, in English, French, Spanish and
#: Portuguese: "Ligue zendarienne pour la défense des droits de l'homme" (LZDDH).
ACRONYM_SMALL_WORDS = frozenset(
    "of the for and on in against at to a an de des du la le les et pour sur aux au en dans "
    "y e del el los las para por contra da do das dos com".split()
)
#: The head words of civil bodies named in French, which open their names: "Ligue
#: zendarienne des droits de l'homme", "Collectif des familles de disparus". Read only for a
#: name spelled before its abbreviation: as head words of capitalised runs they found bodies
#: in English text that were none.
FRENCH_CIVIL_HEADS = {
    "Ligue": "ngo", "Collectif": "ngo", "Syndicat": "ngo", "Réseau": "ngo",
    "Observatoire": "ngo", "Fédération": "ngo", "Mouvement": "other", "Parti": "political_party",
}  # fmt: skip
#: A word of a name, with an elided article or preposition on it ("l'homme", "d’Haïti").
NAME_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
ELIDED = re.compile(r"^[ldLD][’']")
#: Where a name spelled before its abbreviation cannot start: a sentence's or clause's end.
SPELLED_STOP = re.compile(r"[.;:!?()\n“”\"]")


def _spelled_name(flat: str, bracket: int, acr: str) -> int | None:
    """Where the name that ``acr`` abbreviates starts, when the words right before the bracket
    at ``bracket`` spell it: the first letters of its words, the small words left out, make
    the abbreviation, and its first word is capitalised. None if they do not."""
    lo = max(0, bracket - 160)
    stop = max((m.end() for m in SPELLED_STOP.finditer(flat, lo, bracket)), default=lo)
    words = list(NAME_WORD.finditer(flat, stop, bracket))
    if not words or flat[words[-1].end() : bracket].strip(" ,") != "":
        return None
    letters = ""
    for w in reversed(words):
        word = ELIDED.sub("", w.group())
        if word.lower() not in ACRONYM_SMALL_WORDS:
            letters = word[0].upper() + letters
            if len(letters) > len(acr) or not acr.endswith(letters):
                return None
        if letters == acr and w.group()[0].isupper():
            return w.start()
    return None


def add_spelled_bodies(doc: Doc, ents: Entities, main_country: str | None) -> None:
    """:func:`_add_spelled_bodies`, then each body's name written again with its translation
    where no rule read it (:func:`_add_named_again`)."""
    _add_spelled_bodies(doc, ents, main_country)
    for e in ents.of("organisation"):
        if e.name and e.mentions and " " in e.name:
            a, b = min(e.mentions)
            if doc.flat[a:b] == e.name:
                _add_named_again(doc, ents, e, a, b)


def _add_spelled_bodies(doc: Doc, ents: Entities, main_country: str | None) -> None:
    """Bodies named once with their abbreviation in brackets, in whatever case or language
    the name is written: "the Association zendarienne des droits humains (AZDH)", "the
    Centre for Human Rights, Democracy and Development (CHRDD)". A body found shorter inside
    the name ("Centre for Human Rights") and named nowhere else gives way to it."""
    flat = doc.flat
    if "(" not in flat:
        return
    for m in SPELLED_ACRONYM.finditer(flat):
        acr = m.group("acr").replace("&", "")
        if len(acr) < 3 or any(acr == e.name or acr in e.variants for e in ents.items):
            continue
        start = _spelled_name(flat, m.start(), acr)
        if start is None:
            continue
        end = len(flat[: m.start()].rstrip(" ,"))
        inside = [
            e
            for e in ents.items
            if e.kind != "place" and any(a < end and start < b for a, b in e.mentions)
        ]
        if any(
            e.kind != "organisation" or not all(start <= a and b <= end for a, b in e.mentions)
            for e in inside
        ):
            continue  # a person or an instrument there, or a body named elsewhere too
        for e in inside:
            ents.items.remove(e)
        name = clean(flat[start:end])
        e = add_organisation(doc, ents, name, start, end, main_country)
        if acr not in e.variants:
            e.variants.append(acr)
        if m.group("gloss"):
            _merge_gloss(ents, e, m.start("gloss"), m.end("gloss"))
        if e.attrs.get("kind") == "other" and name.split()[0] in FRENCH_CIVIL_HEADS:
            e.attrs["kind"] = FRENCH_CIVIL_HEADS[name.split()[0]]


def _merge_gloss(ents: Entities, body: Entity, start: int, end: int) -> None:
    """The translation given in brackets after a body's name ("(Zendarian League for Human
    Rights, LZDH)") names that body: a body read there is one of its names, and its kind, read
    from English head words, is the body's."""
    for e in list(ents.of("organisation")):
        if e is body or not any(start <= a and b <= end for a, b in e.mentions):
            continue
        for v in [e.name, *e.variants]:
            if v and v != body.name and v not in body.variants:
                body.variants.append(v)
        if e.attrs.get("kind") not in (None, "other"):
            # the translation's head word tells the kind the rules know ("(National
            # Intelligence Service, SNR)" after "Service national de renseignement")
            body.attrs["kind"] = e.attrs["kind"]
        body.mentions.extend(e.mentions)
        ents.items.remove(e)


#: A bracket right after a name, holding a name: "X (Workers' Rights Organisation)".
BRACKET_AFTER = re.compile(r"[ \t]*\((?P<g>[A-Z][^()\n]{2,120})\)")


def _add_named_again(doc: Doc, ents: Entities, body: Entity, start: int, end: int) -> None:
    """A body's name written again where no rule read it (a name in another language, which no
    head word tells a body), with its translation in brackets after it ("Vela Adhikar Sangathan
    (Workers' Rights Organisation)"): the body read in the brackets is a name of that body, and
    the name there a mention of it."""
    flat = doc.flat
    name = flat[start:end]
    if " " not in name:
        return
    taken = [(a, b) for e in ents.items for a, b in e.mentions]
    i = flat.find(name)
    while i >= 0:
        j = i + len(name)
        whole = (i == 0 or not _word_char(flat[i - 1])) and (
            j == len(flat) or not _word_char(flat[j])
        )
        g = BRACKET_AFTER.match(flat, j)
        if g and i != start and whole and not any(a < j and i < b for a, b in taken):
            n = len(ents.items)
            _merge_gloss(ents, body, g.start("g"), g.end("g"))
            if len(ents.items) < n:
                body.mentions.append((i, j))
        i = flat.find(name, j)
