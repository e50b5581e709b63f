"""Instruments and their provisions: articles, parts and sections with the instrument they
belong to and the offence label the text gives them.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from kg.extract.entities import ACRONYM_DEF, DEMONYM_RE, Entities, Entity, country_in, head_of
from kg.extract.lexicon import CAP_STOP, INSTRUMENT_HEADS, KNOWN_BODIES, WELL_KNOWN_INSTRUMENTS
from kg.extract.scan import finditer_indexed, finditer_words
from kg.extract.text import Doc, Span, clean

# ---------------------------------------------------------------- instruments and provisions

#: An article's number with its parts: "314(2)", "207.3", "353¹", "5 § 1", "174, Part 2", and a
#: part after a slash as Turkish law numbers them ("314/2", "8/A").
ARTICLE_NUM = (
    r"\d+(?:-?[A-Z](?![a-z])|-\d+)?(?:\.\d+)*[¹²³⁴⁵⁶⁷⁸⁹]?(?:/(?:\d{1,2}|[A-Z])(?![\w/]))?"
    r"(?:\s*§\s*\d+)?(?:\s*\(\w{1,3}\))*"
    r"(?:,?\s*(?:[Pp]art|[Pp]aragraph|para\.)\s+\d+)?"
)
#: A law's number: "No. 7/2020", "No. 2021-17", "No. 121-FZ", "11/2021" (a number alone is
#: no law's).
LAW_NUMBER = r"(?:No\.\s*\d+(?:[/\-]\d+)*(?:-[A-Z]{1,4})?|\d+(?:[/\-]\d+)+)\b"
#: Lower-case words of a code named in French, Spanish, Portuguese or Italian: "Code pénal".
FOREIGN_CODE_WORDS = (
    r"(?<=Code\s)(?:de\s+procédure\s+pénale|pénal|civil)"
    r"|(?<=Código\s)(?:[Pp]rocesal\s+[Pp]enal|[Pp]enal|[Cc]ivil)"
    r"|(?<=Codice\s)(?:[Pp]enale|[Cc]ivile)"
)
#: Bracketed capitalised words inside a law's name, before its head word: "Cybercrimes
#: (Prohibition, Prevention, etc.) Act", "Public Order (Amendment) Act".
BRACKET_IN_NAME = (
    r"\([A-Z][\w’'\-]*(?:(?:,?\s+(?:and\s+)?|,\s*)(?:[A-Z][\w’'\-]*|etc\.))*\)"
    r"(?=\s+(?:Act|Law|Code|Ordinance|Decree|Bill|Regulations)\b)"
)
#: A law's title in quotes after its head word: the Federal Law “On Public Broadcasting, Cable
#: Networks and the Licensing of Stations”.
QUOTED_TITLE = r"(?:(?<=Law\s)|(?<=Code\s)|(?<=Act\s))[“\"][A-Z][^”\"\n]{2,150}[”\"]"
#: A quoted title that ends a name.
QUOTED_TAIL = re.compile(r"\s+[“\"][^”\"]+[”\"]$")
_LISTED = (
    rf"(?P<list>{ARTICLE_NUM}(?:\s*(?:\([a-z][^()]{{2,120}}\))?"
    rf"(?:\s*,\s*|\s+and\s+|\s*&\s*|\s+(?:to|through)\s+|\s*[–—]\s*){ARTICLE_NUM})*)"
    rf"(?P<label>\s*\((?!Art)[a-z][^()]{{2,120}}\))?"
)
_OF_INSTRUMENT = (
    rf"(?P<of>\s+of\s+(?:the\s+|its\s+)?(?P<inst>[A-Z][\w’'\-]*(?:\s+(?:of|on|the|against|and|for|"
    rf"from|(?:(?<=Protocol\s)|(?<=Convention\s))to|{LAW_NUMBER}|{FOREIGN_CODE_WORDS}|(?<=of\s)\d{{4}}\b|"
    rf"{BRACKET_IN_NAME}|{QUOTED_TITLE}|"
    rf"(?!Articles?\b|Sections?\b|Rules?\b)[A-Z][\w’'\-]*))*))"
)
ARTICLES_RE = re.compile(
    # the look-ahead names the first letters a match can have: the engine skips to them
    r"(?=[AaSsPpR])"
    rf"\b(?:[Aa]rt(?:icles?|s?\.)|Arts?(?=\s+\d)|[Ss]ections?|[Ss]s?\.|[Pp]rinciples?|Rules?)\s+"
    rf"{_LISTED}{_OF_INSTRUMENT}?"
)
#: More numbers of another instrument after "and" closes a citation: "sections 153A of the IPC
#: and 66 of the IT Act".
CITED_NEXT = re.compile(rf"\s+{_LISTED}{_OF_INSTRUMENT}")
#: The words a match of ARTICLES_RE opens with ("Art.", "ss.", "Principles").
ARTICLE_WORDS = [
    w
    for head in "art arts article articles section sections s ss principle principles".split()
    for w in (head, head.capitalize())
] + ["Rule", "Rules"]
INST_BEFORE = re.compile(r"(?:^|[\s,(])(?P<i>[A-Z]{2,6}|(?:[A-Z][\w’'\-]*\s+)*(?:Code|Act))\s+$")
NUM_IN_LIST = re.compile(rf"(?P<num>{ARTICLE_NUM})(?P<lab>\s*\([a-z][^()]{{2,120}}\))?")


def add_instrument(
    doc: Doc, ents: Entities, text: str, start: int, end: int, head: str, country: str | None
) -> Entity:
    owner = None
    cite = CITE_AT_END.search(doc.flat, start, end)
    if cite and NUMBER_NEXT.match(doc.flat, end):
        # "Criminal Code Article 5", "the Penal Code's Article 505": the run ran on into the
        # citation
        end = cite.start()
        text = clean(doc.flat[start:end])
    lost = WORD_BEFORE.search(doc.flat, max(0, start - 40), start)
    if lost and lost.group("w") in CAP_STOP and lost.group("w") not in INSTRUMENT_LEAD_STOP:
        # "the Information Technology Act": a word the runs take for a heading's opens the name
        start = lost.start("w")
        text = clean(doc.flat[start:end])
    lead = ARTICLE_LETTER.match(doc.flat, start, end)
    if lead and ARTICLE_LETTER_BEFORE.search(doc.flat, max(0, start - 12), start):
        # "Section 295-C of the Pakistan Penal Code": the letter is the article's
        start = lead.end()
        text = clean(doc.flat[start:end])
    pos = POSSESSOR.match(doc.flat, start, end)
    if pos:
        # "Zembla’s Code of Civil Procedure": the owner is the jurisdiction, not the name
        owner, start = pos.group("owner"), pos.end()
        text = clean(doc.flat[start:end])
    num = LAW_NUMBER_AFTER.match(doc.flat, end) if NUMBER_OPEN.search(text) else None
    if num:
        # "Law | 11/2021", "Decree-Law No. 7 | /2020": the number is the law's name
        end = num.end()
        text = clean(doc.flat[start:end])
        subject = LAW_SUBJECT.match(doc.flat, end)
        if subject:
            end = subject.end()  # "Organic Law 4/2015 | on the Protection of Citizen Security"
            text = clean(doc.flat[start:end])
    more = NAME_GOES_ON.match(doc.flat, end) if NUMBERED.search(text) else None
    if more and not more.group("subject"):
        # "Law No. 5 of 2014 on the suppression of acts of terrorism": a subject in lower case
        # up to a stop, a few words with no clause in them
        subject = LOWER_SUBJECT.match(doc.flat, more.end())
        if subject and not CLAUSE_WORDS.intersection(subject.group("words").split()):
            more = subject
    elif not more and NUMBERED.search(text):
        # "Law No. 5651 on internet publications": a numbered law's subject in lower case
        subject = LOWER_SUBJECT.match(doc.flat, end)
        if subject and not CLAUSE_WORDS.intersection(subject.group("words").split()):
            more = subject
    if head == "Act" and text.endswith("Act"):
        more = more or ACT_YEAR.match(doc.flat, end)  # "the Zenda Act of 2012"
    more = more or NAME_AFTER_COMMA.match(doc.flat, end)
    if text.endswith(("Protocol", "Convention")):
        more = more or NAME_AFTER_TO.match(doc.flat, end)  # "Optional Protocol to the CAT"
    more = more or FOREIGN_CODE.match(doc.flat, end) if head in ("Code", "Código") else more
    if more:
        end = more.end()
        text = clean(doc.flat[start:end])
    number = LAW_NUMBER_TAIL.match(doc.flat, end)
    if number:
        # "the Criminal Code (Law No. 318)", "the Act [Chapter 4:17]", "the Press Act B.E.
        # 2551 (2008)": the number the text gives the law is part of its name
        end = number.end()
        text = clean(doc.flat[start:end])
    acr = ACRONYM_DEF.match(doc.flat[end : end + 24])
    kind = INSTRUMENT_HEADS.get(head, "law")
    if (
        head in ("Code", "Código", "Codice")
        and re.search(r"\b(?:Criminal|[Pp][ée]nale?)\b", text)
        and not re.search(r"Procedur|[Pp]roc[ée]d|[Pp]rocesal", text)
    ):
        kind = "criminal_code"  # a code of criminal procedure defines no offence: a law
    elif head in ("Act", "Law") and re.search(r"\b(?:Criminal|Penal) (?:Act|Law)$", text):
        kind = "criminal_code"  # "the Criminal Act", "the Penal Law": a statute of offences
    before = doc.flat[max(0, start - 6) : start]
    if head == "Agreement" and before.endswith(("“", '"')):
        text = text.strip('“”"')
    e = ents.add(Entity("instrument", text, start, end))
    e.attrs.setdefault("kind", kind)
    if acr and acr.group("acr") not in e.variants:
        e.variants.append(acr.group("acr"))
    juris = None
    if kind in ("criminal_code", "law", "constitution", "decree"):
        juris = country_in(owner or text) or country
    e.attrs.setdefault("jurisdiction", juris)
    e.attrs.setdefault("provisions", [])
    return e


WORD_BEFORE = re.compile(r"\b(?:the|The)\s+(?P<w>[A-Z][a-z]+)\s+\Z")
#: A law's number or chapter after its name: " No. 4 of 2022", "(Royal Decree 3/2019)",
#: "(No. 112/2015)", "(Cap. 21)", "(Chapter 40 of the Laws of Zembla)". A bracket of a bare
#: number ("(2018)") or of words is no part of the name.
QUALIFIER = re.compile(
    r"(?P<number>,?\s+No\.\s*\d+(?:[/\-]\d+)*(?:\s+of\s+(?:19|20)\d\d)?\b)"
    r"|\s+\((?:(?:(?:Royal|Federal|Presidential|Legislative|Ministerial)\s+)?"
    r"(?:Decree(?:-Law)?|Law|Ordinance|Proclamation|Act|Order)\s+(?:No\.\s*)?|No\.\s*)"
    r"\d+(?:[/\-]\d+)*(?:-[A-Z]{1,4})?\)"
    r"|\s+\((?:Cap\.|Chapter)\s*\d+[A-Z]?"
    r"(?:\s+of\s+the\s+Laws\s+of\s+[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*)?\)"
)
#: Words of CAP_STOP that do not open an instrument's name after "the".
INSTRUMENT_LEAD_STOP = frozenset("Two Three Four Five Six Seven Eight Nine Ten Both All".split())
CITE_AT_END = re.compile(r"(?:[’']s)?\s+(?:Articles?|Sections?|Art\.|Arts\.|Rules?|Principles?)\Z")
NUMBER_NEXT = re.compile(r"\s*\d")
ARTICLE_LETTER = re.compile(r"[A-Z]\s+of\s+(?:the\s+)?(?=[A-Z])")
ARTICLE_LETTER_BEFORE = re.compile(r"\d-?\Z")


#: The owner before an instrument's name: "Iran’s", "Hong Kong’s".
POSSESSOR = re.compile(r"(?P<owner>(?:[A-Z][\w\-]*\s+){0,2}[A-Z][\w\-]*)[’']s\s+(?=[A-Z])")
#: A numbered law's date and subject: "Law No. 5 | of 2012 on Combating Cybercrimes".
#: (a number may hold letters between its strokes: "Law No. 012/PR/2020")
NUMBERED = re.compile(
    r"(?:\bNo\.\s*\d+(?:[/\-](?:\d+|[A-Z]{1,4}(?=/)))*(?:-[A-Z]{1,4})?|\s\d+(?:[/\-]\d+)+)$"
)
_CAP_WORDS = r"[A-Z][\w’'\-]*(?:\s+(?:(?:of|and|the|for|on)\s+)*[A-Z][\w’'\-]*)*"
NAME_GOES_ON = re.compile(
    # ("of 30/08/2018": a date in figures)
    rf"\s+of\s+(?:\d{{1,2}}\s+[A-Z][a-z]+\s+|\d{{1,2}}[/.]\d{{1,2}}[/.])?\d{{4}}\b"
    rf"(?P<subject>\s+(?:on|against|for)\s+(?:the\s+)?{_CAP_WORDS})?"
)
LOWER_SUBJECT = re.compile(
    # ("determining offences and penalties in general", "governing the press": a law's title
    # told by what it does)
    r"\s+(?:on|against|for|relating\s+to|concerning|determining|governing|establishing|"
    r"regulating)\s+(?P<words>(?:the\s+)?[a-z][\w\-]*"
    # "... on the suppression of acts of terrorism in Zembla": the state it applies in ends it
    r"(?:\s+[a-z][\w\-]*){0,7}(?:\s+in\s+[A-Z][\w\-]+)?)"
    # ("... online platforms on 2 May 2021": the day it was made ends it too)
    r"(?=\s*[,.;:()]|\s+(?:on|in)\s+\d)"
)
CLAUSE_WORDS = frozenset(
    """that which who whom whose because after before when while since she he they it we was
were is are has have had be been grounds basis charges charge""".split()
)
ACT_YEAR = re.compile(r"\s+of\s+\d{4}\b")
#: A law's number in brackets right after its name, or its year of the Buddhist era: "(Law No.
#: 318)", "[Chapter 4:17]", "(Cap. 21)", "B.E. 2551 (2008)".
LAW_NUMBER_TAIL = re.compile(
    r"\s*[(\[](?:Law|Chapter|Cap\.?|No\.)\s*(?:No\.\s*)?\d[\w:./-]*(?:\s+of\s+\d{4})?[)\]]"
    r"|\s+B\.\s?E\.\s+\d{4}(?:\s+\(\d{4}\))?|(?<=B\.E)\.\s+\d{4}(?:\s+\(\d{4}\))?"
)
#: A law's name that a number goes on: "Law", "Decree-Law No. 7".
NUMBER_OPEN = re.compile(r"(?:\b(?:Law|Decree|Decree-Law|Ordinance|Proclamation)|\bNo\.\s*\d+)$")
LAW_NUMBER_AFTER = re.compile(
    r"(?<=\d)(?:[/\-](?:\d+|[A-Z]{1,4}(?=/\d)))+(?:-[A-Z]{1,4})?\b|(?<=\d)-[A-Z]{1,4}\b|\s+"
    + LAW_NUMBER
)
LAW_SUBJECT = re.compile(rf"\s+on\s+(?:the\s+)?{_CAP_WORDS}")
FOREIGN_CODE_NAME = re.compile(r"(?:Code|Código|Codice)\s+(?:" + FOREIGN_CODE_WORDS + r")")
FOREIGN_CODE = re.compile(r"\s+(?:" + FOREIGN_CODE_WORDS + r")\b")
#: A protocol's or convention's name that goes on with "to": "Optional Protocol to the
#: Convention against Torture", "Convention to Prevent and Punish Torture".
NAME_AFTER_TO = re.compile(
    r"\s+to\s+(?:the\s+)?[A-Z][\w’'\-]*(?:\s+(?:(?:of|and|the|for|on|against)\s+)*"
    # (not into another treaty: "... to Prevent and Punish Torture and the UN Declaration")
    r"(?!(?:[A-Z][\w’'\-]*\s+){0,2}(?:Convention|Covenant|Declaration|Charter|Treaty|Protocol)\b)"
    r"[A-Z][\w’'\-]*)*"
)
#: A name that goes on after a comma with a preposition: "Law against Hatred, for Peace".
NAME_AFTER_COMMA = re.compile(rf",\s+(?:for|on|against)\s+(?:the\s+)?{_CAP_WORDS}")

#: One pattern per acronym, each starting with its literal (fast); the word boundary before it
#: is checked in ``add_known_instruments``.
KNOWN_INSTRUMENT_RES = {a: re.compile(re.escape(a) + r"\b") for a in WELL_KNOWN_INSTRUMENTS}


#: Formal titles too long for the capitalised-run rules (they hold lower-case words and
#: commas): the UN Declaration on Human Rights Defenders.
#: So are the UN treaties and standards whose titles hold a comma, "or", "with" or "under".
FORMAL_TITLES = re.compile(
    "|".join(
        r"\s+".join(title.split())
        for title in (
            r"Declaration on the Right and Responsibility of Individuals, Groups and Organs of"
            r" Society to Promote and Protect Universally Recogni[sz]ed Human Rights and"
            r" Fundamental Freedoms",
            r"International Covenant on Economic, Social and Cultural Rights",
            r"Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or"
            r" Punishment",
            r"Convention on the Rights of Persons with Disabilities",
            r"Body of Principles for the Protection of All Persons under Any Form of Detention or"
            r" Imprisonment",
        )
    )
)


UN_BEFORE = re.compile(r"(?:United\s+Nations|UN)\s+\Z")


def add_known_instruments(doc: Doc, ents: Entities) -> None:
    """Instruments known by acronym ("ICCPR") or by a formal title the run rules cannot read;
    a body or instrument named inside a formal title is part of it."""
    # found at the titles' opening words (the word index): the engine otherwise tries the
    # alternation at every capital D, I, C and B of the text
    for m in finditer_indexed(FORMAL_TITLES, doc.flat, doc.word_index):
        un = UN_BEFORE.search(doc.flat, max(0, m.start() - 20), m.start())
        a, b = (un.start() if un else m.start()), m.end()
        ents.items = [
            e for e in ents.items
            if e.kind not in ("organisation", "instrument")
            or not all(a <= x and y <= b for x, y in e.mentions)
        ]  # fmt: skip
        head = next(w for w in m.group().split() if w in INSTRUMENT_HEADS)
        add_instrument(doc, ents, clean(doc.flat[a:b]), a, b, head, None)
    found: dict[str, list[re.Match[str]]] = {}
    for acr, rx in KNOWN_INSTRUMENT_RES.items():
        for m in rx.finditer(doc.flat):
            if m.start() == 0 or not (
                doc.flat[m.start() - 1].isalnum() or doc.flat[m.start() - 1] == "_"
            ):
                found.setdefault(acr, []).append(m)
    for acr, name in WELL_KNOWN_INSTRUMENTS.items():
        for m in found.get(acr, []):
            e = ents.find("instrument", name)
            if e is None:
                e = add_instrument(doc, ents, name, m.start(), m.end(), name.split()[1], None)
            e.mentions.append((m.start(), m.end()))


def _named(ents: Entities, ref: str) -> Entity | None:
    """The instrument a name given in the text refers to: the same name or a variant (the
    longest leading part of ``ref`` that is one), else a longer name ending with it ("the Penal
    Code" after "the Zendan Penal Code"), else one starting with it."""
    insts = ents.of("instrument")
    words = ref.split()
    for n in range(len(words), 0, -1):
        part = " ".join(words[:n])
        if n < len(words) and (n < 2 or words[n - 1] in ("of", "on", "the", "and", "for")):
            continue
        for name in (part, WELL_KNOWN_INSTRUMENTS.get(part, ""),
                     WELL_KNOWN_INSTRUMENTS.get("the " + part, "")):  # fmt: skip
            if name:
                for e in insts:
                    if name == e.name or name in e.variants:
                        return e
    for e in insts:
        if len(words) >= 2 and (e.name or "").endswith(" " + ref):
            return e
    if len(words) < 2:
        return None  # "the Convention": the one of that kind named last, see resolve_instrument
    for e in insts:
        if (e.name or "").startswith(ref):
            return e
    return None


def resolve_instrument(ents: Entities, ref: str | None, pos: int) -> Entity | None:
    """The instrument an article belongs to: named after it, else the one last mentioned."""
    insts = ents.of("instrument")
    if ref:
        ref = clean(ref)
        named = _named(ents, ref)
        if named is not None:
            return _fuller_form(ents, named, pos)
        word = ref.split()[0]
        cands = [e for e in insts if word in (e.name or "").split()]
        cands = [e for e in cands if any(a <= pos for a, _ in e.mentions)] or cands
        if cands:
            return max(cands, key=lambda e: max(a for a, _ in e.mentions if a <= pos)
                       if any(a <= pos for a, _ in e.mentions) else -1)  # fmt: skip
    best = _last_before(insts, pos)
    if best is None:
        later = [(a, e) for e in insts for a, _ in e.mentions if a > pos]
        if later:
            return min(later, key=lambda x: x[0])[1]
    return best


def _fuller_form(ents: Entities, inst: Entity, pos: int) -> Entity:
    """ "the Criminal Code" after "the Criminal Code of Zembla" (or "the Zemblan Criminal Code"),
    "the Vela Charter" after "the Vela Charter on Press Freedom", is a short form of the fuller
    name last mentioned before it."""
    short = inst.name or ""
    if not short:
        return inst
    fuller = [
        e for e in ents.of("instrument")
        if e is not inst and (e.name or "").startswith((short + " of ", short + " on "))
        or e is not inst and (e.name or "").endswith(" " + short)
        and DEMONYM_RE.fullmatch((e.name or "")[: -len(short) - 1])
    ]  # fmt: skip
    here = [e for e in fuller if any(pos <= a <= pos + 60 for a, _ in e.mentions)]
    # ("article 25 of Law No. 8 of 7 May 2018 on ...": the fuller name is the one told there)
    return _last_before(fuller, pos) or (here[0] if here else inst)


def _last_before(insts: list[Entity], pos: int, since: int = -1) -> Entity | None:
    """The instrument mentioned last before ``pos`` (and after ``since``)."""
    best, best_pos = None, since
    for e in insts:
        for a, _ in e.mentions:
            if best_pos < a <= pos:
                best, best_pos = e, a
    return best


#: An article that points back at the instrument just named: "its Article 6", "whose Article
#: 29", "Article 19 of which", "Article 5 thereof", "Article 2 of the same Code", "of the law".
BACK_BEFORE = re.compile(r"\b(?:its|whose|their)\s+$")
BACK_AFTER = re.compile(
    r"\s*(?:of\s+which|thereof|of\s+(?:the\s+)?(?:same|said|this|that)\s+\w+|"
    r"of\s+the\s+(?:law|code|act|decree|constitution|convention|covenant|declaration)\b)"
)


#: A constitution named by its head word alone as the subject of the clause whose "its Article
#: N" points back: "and that the 2011 Constitution protects the freedom of expression in its
#: Article 25".
SUBJECT_CONSTITUTION = re.compile(
    r"\b(?:[Tt]he|[A-Z][a-z]+’s|[A-Z][a-z]+'s)\s+(?:(?:\d{4}|new|current|national)\s+)?"
    r"(?P<name>[Cc]onstitution)\b(?!\s+of\b)(?=[^.;,]{0,120}\Z)"
)


def _subject_constitution(doc: Doc, ents: Entities, pos: int, last: Entity | None) -> Entity | None:
    """The constitution a clause names by its head word as the subject of the "its Article N"
    at ``pos``, when no instrument is named between it and the article: the text's instrument
    called "Constitution" if it has one, else a new one."""
    sent = _sentence_at(doc, pos)
    if sent is None:
        return None
    lo = max(sent.start, pos - 160)
    hit = next(reversed(list(SUBJECT_CONSTITUTION.finditer(doc.flat, lo, pos))), None)
    if hit is None:
        return None
    if last is not None and any(hit.start() <= a < pos for a, _ in last.mentions):
        return None  # the clause names its instrument in full
    for e in ents.of("instrument"):
        if (e.name or "").split(" of ")[0] == "Constitution":
            e.mentions.append(hit.span("name"))
            return e
    a, b = hit.span("name")
    return add_instrument(doc, ents, "Constitution", a, b, "Constitution", None)


#: A code named in lower case after an article: "Article 217 of the penal code" is the article of
#: the penal code the text named, in whatever form ("the Zemblan Penal Code").
GENERIC_CODE = re.compile(r"\s+of\s+the\s+(?P<code>(?:penal|criminal)\s+code)\b(?!\s+of\b)")


def resolve_instrument_among(insts: list[Entity], pos: int) -> Entity | None:
    """The one of ``insts`` named first after ``pos``."""
    later = [(a, e) for e in insts for a, _ in e.mentions if a > pos]
    return min(later, key=lambda x: x[0])[1] if later else None


#: "in" just before an article cited without its instrument: "guarantees ... in article 38".
IN_ARTICLE = re.compile(r"\bin\s+\Z")


def _seen_key(m: re.Match[str], article: str) -> str:
    """The key an article cited by ``m`` is known by again: its number, and "s" for a section
    ("s. 9", "section 9"), which is no article of the same number."""
    word = m.group()[:1]
    return ("s" if word in "Ss" else "a") + cited_number(clean(article))


def _implicit_instrument(
    doc: Doc,
    ents: Entities,
    m: re.Match[str],
    seen: dict[str, Entity],
    later: dict[str, list[tuple[int, Entity]]] | None = None,
) -> Entity | None:
    """The instrument of an article cited without naming one.

    In order: an article that points back ("its Article 6") takes the instrument last named;
    an article number already cited with an instrument ("charged under Section 112" after
    "Section 112 of the Criminal Code") keeps it; else the instrument named last before it in
    the same sentence, else the first one named after it in the sentence, else the last one
    named anywhere before it.
    """
    insts = ents.of("instrument")
    flat = doc.flat
    generic = GENERIC_CODE.match(flat, m.end())
    if generic:
        # the code of that name the text gave, else a code of offences by its other name ("the
        # Criminal Code" ... "of the penal code"), else the code as the text names it
        said = " ".join(generic.group("code").casefold().split())
        for tails in ((said,), ("penal code", "criminal code")):
            codes = [e for e in insts if any(t in (e.name or "").casefold() for t in tails)]
            code = _last_before(codes, m.start()) or resolve_instrument_among(codes, m.start())
            if code is not None:
                return code
        a, b = generic.span("code")
        code = add_instrument(doc, ents, clean(flat[a:b]), a, b, "Code", None)
        code.attrs["kind"] = "criminal_code"
        return code
    if BACK_BEFORE.search(flat, max(0, m.start() - 8), m.start()) or BACK_AFTER.match(
        flat, m.end()
    ):
        last = _last_before(insts, m.start())
        own = _subject_constitution(doc, ents, m.start(), last)
        return own or last or resolve_instrument(ents, None, m.start())
    first = NUM_IN_LIST.match(m.group("list"))
    if first and _seen_key(m, first.group("num")) in seen:
        # (a section of an act is no article of a treaty: "under section 7(2) of the Press
        # Act ... the Covenant protects speech (Articles 7 and 19)")
        return seen[_seen_key(m, first.group("num"))]
    if first and later:
        # "charged under Article 318. Article 318 of the Criminal Code punishes ...": the same
        # number cited with its instrument further on
        after = [
            e for a, e in later.get(cited_number(clean(first.group("num"))), []) if a > m.start()
        ]
        if after:
            return after[0]
    if IN_ARTICLE.search(flat, max(0, m.start() - 4), m.start()):
        # "Rwanda's constitution guarantees the freedom of the press in article 38": the article
        # of the constitution its clause has for subject, not of a treaty named after it
        own = _subject_constitution(doc, ents, m.start(), _last_before(insts, m.start()))
        if own is not None:
            return own
    sent = _sentence_at(doc, m.start())
    if sent is not None and (paired := _respectively(doc, insts, m, sent)) is not None:
        return paired
    if sent is not None:
        before = _last_before(insts, m.start(), sent.start - 1)
        if before is not None:
            return before
        nxt = sorted(
            (a, i) for i, e in enumerate(insts) for a, _ in e.mentions if m.end() <= a < sent.end
        )
        if nxt:
            return insts[nxt[0][1]]
    return resolve_instrument(ents, None, m.start())


def _respectively(doc: Doc, insts: list[Entity], m: re.Match[str], sent: Span) -> Entity | None:
    """The instrument of a group of articles cited with "respectively": "The Covenant and the
    Charter protect belief and speech in Articles 18 and 19 and Articles 6 and 7 respectively".
    The instruments named in the sentence before its first group of articles are paired with
    the groups in order, where the sentence says "respectively" after them and names as many
    instruments as it cites groups."""
    flat = doc.flat
    if RESPECTIVELY.search(flat, m.end(), sent.end) is None:
        return None
    groups = [
        g.start() for g in ARTICLES_RE.finditer(flat, sent.start, sent.end) if not g.group("inst")
    ]
    if len(groups) < 2 or m.start() not in groups:
        return None
    named = sorted(
        (a, i) for i, e in enumerate(insts) for a, _ in e.mentions if sent.start <= a < groups[0]
    )
    order: list[Entity] = []
    for _a, i in named:
        if insts[i] not in order:
            order.append(insts[i])
    if len(order) != len(groups):
        return None
    return order[groups.index(m.start())]


RESPECTIVELY = re.compile(r"\brespectively\b")
ARTICLE_NUMBER = re.compile(r"\d+(?:-?[A-Z]|-\d+)?")


def main_article(article: str) -> str:
    """The article number without its parts: ``314(2)`` and ``314, Part 2`` are ``314``."""
    n = ARTICLE_NUMBER.match(article)
    return n.group() if n else article


CITED_NUMBER = re.compile(r"\d+(?:-?[A-Z]|-\d+)?(?:\.\d+)*")


def cited_number(article: str) -> str:
    """The number an article is cited by again: its parts dropped (``314(2)`` is ``314``), a
    dotted number whole (``20.3`` is an article of its own, not article 20)."""
    n = CITED_NUMBER.match(article)
    return n.group() if n else article


CONNECTOR_END = re.compile(r"\s+(?:and|of|on|the|for|from|against)$")


def add_provisions(doc: Doc, ents: Entities) -> list[tuple[int, int, dict[str, Any]]]:
    """Articles with their parts, attached to their instrument; returns (start, end, provision)."""
    found = []
    # provision ids are unique in the record: the same article number of two instruments gets
    # a suffix in the second
    used = {e.id for e in ents.items if e.id}
    used |= {p["id"] for e in ents.of("instrument") for p in e.attrs.get("provisions", [])}
    _merge_numbered(doc, ents)
    _merge_titled(ents)
    _merge_qualified(doc, ents)
    seen: dict[str, Entity] = {}
    matches = list(finditer_words(ARTICLES_RE, doc.flat, doc.word_index, ARTICLE_WORDS))
    later = _cited_with_instrument(ents, matches)
    work = list(reversed(matches))
    while work:
        m = work.pop()
        if m.group("inst") and m.group("inst").endswith(" and"):
            nxt = CITED_NEXT.match(doc.flat, m.end())
            if nxt:
                work.append(nxt)
        inst_ref = m.group("inst")
        inst = None
        lead = INST_BEFORE.search(doc.flat, max(0, m.start() - 60), m.start())
        if lead and not inst_ref:
            # "IPC Sections 120B and 121", "Criminal Code Article 5": named just before
            inst = resolve_instrument(ents, lead.group("i"), m.start())
        also = None
        if inst_ref:
            inst_ref = CONNECTOR_END.sub("", inst_ref)
            both = AND_OF.match(inst_ref)
            if both:
                # "article 19 of the Universal Declaration and of the ICCPR": one article of two
                inst_ref, also = both.group(1), _named(ents, both.group(2))
            two = re.match(r"(.*?\b(?:" + "|".join(INSTRUMENT_HEADS) + r"))\s+and\s", inst_ref)
            if two:
                inst_ref = two.group(1)  # "the Constitution and the ICCPR": the first of two
            _grow_name(ents, inst_ref, m.start("inst"))
            head = _new_head(ents, inst_ref)
            if head:
                # "Article 9 of the Constitution" names an instrument no run gave yet
                a = m.start("inst")
                add_instrument(doc, ents, inst_ref, a, a + len(inst_ref), head, None)
            inst = resolve_instrument(ents, inst_ref, m.start())
        if (
            m.group().casefold() in BODIES_NAMED_AS_CITATIONS
            and BODY_AS_SUBJECT.match(doc.flat, m.end())
            and (
                _sentence_opens_at(doc, m.start())
                or BODY_POSITION.search(doc.flat, max(0, m.start() - 40), m.start())
            )
        ):
            continue  # "Article 19 condemned the arrest": the body of that name
        if (inst is None or inst_ref) and _of_a_thing(doc.flat, m.end("list")):
            continue  # "held in section 4 of the women's prison": a part of a place
        if inst is None:
            inst = _implicit_instrument(doc, ents, m, seen, later)
        if inst is None:
            continue
        if also is not None and also is not inst:
            for article, _ in _numbers(m.group("list")):
                found.append((m.start(), m.end(), _provision(also, article, None, used)))
        for article, n in _numbers(m.group("list")):
            label = n.group("lab") or (
                m.group("label") if n.end() == len(m.group("list")) else None
            )
            label = label or _label_before(doc, m.start())
            if not label and n.end() == len(m.group("list")):
                after = LABEL_AFTER.match(doc.flat, m.end())
                if after is None and m.group("inst"):
                    after = OFFENCE_AFTER_INSTRUMENT.match(doc.flat, m.end())
                label = after.group("lab") if after else None
            repealed = REPEAL_BEFORE.search(doc.flat, max(0, m.start() - 110), m.start())
            prov = _provision(inst, article, label, used, repealed is not None)
            seen[_seen_key(m, article)] = inst
            found.append((m.start(), m.end(), prov))
    return found


#: "of" and lower-case words up to a stop: what the number is part of when no instrument is
#: named ("section 4 of the women's prison").
OF_LOWER = re.compile(
    r"\s+of\s+(?:(?:the|a|an|its|her|his|their)\s+)?"
    r"(?P<words>[\w’'\-]+(?:\s+[\w’'\-]+){0,4})(?=\s*[.,;:)]|\s*$)"
)
INSTRUMENT_NOUNS = frozenset(
    """law laws code act decree constitution convention covenant declaration statute charter
ordinance regulations regulation rules principles protocol treaty legislation bill amendment
decree-law proclamation agreement directive same said above aforementioned aforesaid latter
former""".split()
)


def _of_a_thing(flat: str, end: int) -> bool:
    """Whether the words after an article's number name a thing, not an instrument: lower-case
    words with no instrument noun among them ("of the women's prison", "of Vela prison"), or a
    place or body by its head word ("of Evin Prison")."""
    if BACK_AFTER.match(flat, end):
        return False  # "Article 7 of which", "of the said law"
    m = OF_LOWER.match(flat, end)
    if m is None:
        return False
    words = m.group("words").split()
    if INSTRUMENT_NOUNS.intersection(w.lower() for w in words):
        return False
    if any(w[:1].islower() for w in words):
        return not any(w.isupper() and len(w) > 1 for w in words)
    head = head_of(words)
    return head is not None and head[0] != "instrument"


#: Well-known bodies whose names read as a citation ("ARTICLE 19"), folded: such a name is the
#: body, not a provision, where :data:`BODY_AS_SUBJECT` follows it in a subject's place.
BODIES_NAMED_AS_CITATIONS = frozenset(
    name.casefold()
    for name in KNOWN_BODIES
    if re.fullmatch(r"(?:article|section|rule|part)\s+\d+", name, re.IGNORECASE)
)
#: What follows a body's name written like a citation: a verb it is the subject of, "and other
#: groups", or an apposition calling it a group.
BODY_AS_SUBJECT = re.compile(
    r"(?:’s|'s)?\s+(?:and\s+(?:other|partner|several|many)\b|(?:has|have|had|is|was|said|says|"
    r"calls?|called|urges?|urged|condemns?|condemned|welcomes?|welcomed|demands?|demanded|"
    r"notes?|noted|documented|reported|wrote|joined|and\s+its\s+partners)\b)"
    r"|,\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,2}(?:group|organi[sz]ation|NGO)\b"
)
#: Where a body's name stands as a subject (besides a sentence's start): after a stop, a quote,
#: or another body's name and "and" or a comma.
BODY_POSITION = re.compile(r"(?:[.!?:;]\s+|[“\"]|[A-Z][\w’'\-]*(?:,|\s+and)\s+)\Z")


def _sentence_opens_at(doc: Doc, pos: int) -> bool:
    i = bisect.bisect_left(doc.sentence_starts, pos)
    return i < len(doc.sentence_starts) and doc.sentence_starts[i] == pos


def _cited_with_instrument(
    ents: Entities, matches: list[re.Match[str]]
) -> dict[str, list[tuple[int, Entity]]]:
    """Each article number cited with the name of an instrument the record already has, with
    where it is cited: an earlier citation of the number alone refers to it."""
    out: dict[str, list[tuple[int, Entity]]] = {}
    for m in matches:
        ref = m.group("inst")
        if not ref:
            continue
        inst = _named(ents, CONNECTOR_END.sub("", clean(ref)))
        if inst is None:
            continue
        inst = _fuller_form(ents, inst, m.start())  # as resolve_instrument reads it there
        for n in NUM_IN_LIST.finditer(m.group("list")):
            out.setdefault(cited_number(clean(n.group("num"))), []).append((m.start(), inst))
    return out


RANGE_TO = re.compile(r"\s+(?:to|through)\s+|\s*[–—]\s*")
AND_OF = re.compile(r"(.+?)\s+and\s+of\s+(?:the\s+)?(.+)$")


def _numbers(listed: str) -> list[tuple[str, re.Match[str]]]:
    """The articles of a list, a range ("articles 5 to 7") read as each article in it."""
    out: list[tuple[str, re.Match[str]]] = []
    prev = None
    for n in NUM_IN_LIST.finditer(listed):
        article = clean(n.group("num"))
        if prev is not None and RANGE_TO.fullmatch(listed, prev.end(), n.start()):
            a, b = prev.group("num"), article
            if a.isdigit() and b.isdigit() and 0 < int(b) - int(a) <= 20:
                out.extend((str(k), n) for k in range(int(a) + 1, int(b)))
        out.append((article, n))
        prev = n
    return out


APPOSITION = re.compile(r",\s+(?:the\s+)?")


def _merge_qualified(doc: Doc, ents: Entities) -> None:
    """A law named once with its number and once without ("the Press Act No. 4 of 2022", "the
    Press Act") is one instrument, known by the fuller name. A law's number in brackets after
    its name ("the Media Law (Royal Decree 3/2019)", "the Penal Code (Cap. 21)") is a
    variant of the law, no instrument of its own: the corpus names the law without it."""
    insts = ents.of("instrument")
    ends = [(b, e) for e in insts for _, b in e.mentions]
    for inner in insts:
        outer = None
        for x, y in inner.mentions:
            outer = next(
                (e for b, e in ends if e is not inner and e in ents.items and b < x <= b + 3
                 and (q := QUALIFIER.match(doc.flat, b)) and not q.group("number")
                 and q.end() >= y),
                None,
            )  # fmt: skip
            if outer is None:
                break
        if outer is not None:
            if inner.name and inner.name not in outer.variants:
                outer.variants.append(inner.name)
            ents.items = [e for e in ents.items if e is not inner]
    insts = ents.of("instrument")
    for short in insts:
        name = short.name or ""
        if len(name.split()) < 2:
            continue
        fuller = [
            e for e in insts
            if e is not short and (e.name or "").startswith(name)
            and QUALIFIER.fullmatch(e.name or "", len(name))
        ]  # fmt: skip
        if len(fuller) == 1 and short in ents.items:
            fuller[0].mentions.extend(short.mentions)
            for v in [name, *short.variants]:
                if v not in fuller[0].variants:
                    fuller[0].variants.append(v)
            for p in short.attrs.get("provisions", []):
                fuller[0].attrs.setdefault("provisions", []).append(p)
            ents.items = [e for e in ents.items if e is not short]


def _merge_numbered(doc: Doc, ents: Entities) -> None:
    """A numbered law and the name in apposition after it ("Republic Act No. 5, the Zenda
    Press Act") are one instrument, known by the name; the number is a variant."""
    insts = ents.of("instrument")
    starts = {a: e for e in insts for a, _ in e.mentions}
    for num in insts:
        if not NUMBERED.search(num.name or ""):
            continue
        for _, b in num.mentions:
            app = APPOSITION.match(doc.flat, b)
            named = starts.get(app.end()) if app else None
            if named is not None and named is not num and named in ents.items:
                named.mentions.extend(num.mentions)
                named.variants.extend(v for v in [num.name or "", *num.variants] if v)
                ents.items = [e for e in ents.items if e is not num]
                break


def _merge_titled(ents: Entities) -> None:
    """A numbered law cited by its number ("Article 31 of Decree-Law No. 2021-17") and named
    elsewhere with its title ("Decree-Law No. 2021-17 on offences committed through ...")
    is one instrument, known by its whole title; the number alone is a variant."""
    insts = ents.of("instrument")
    for num in insts:
        name = num.name or ""
        if not NUMBERED.search(name):
            continue
        titled = next(
            (e for e in insts if e is not num and (e.name or "").startswith(name + " ")),
            None,
        )
        if titled is not None and titled in ents.items and num in ents.items:
            titled.mentions.extend(num.mentions)
            titled.variants.extend(v for v in [name, *num.variants] if v)
            ents.items = [e for e in ents.items if e is not num]


def _grow_name(ents: Entities, ref: str, start: int) -> None:
    """An instrument read without the first words of its name ("Technology Act" where the text
    says "the Information Technology Act": the run lost a word it also reads as a heading's) is
    named whole when an article cites it by the whole name at the same place. So is one whose
    title in quotes the run left out ("the Federal Law “On Broadcasting ...”")."""
    title = QUOTED_TAIL.search(ref)
    if title is not None:
        short = ref[: title.start()]
        for e in ents.of("instrument"):
            if e.name == short and any(a == start for a, _ in e.mentions):
                e.name = ref
                e.variants = [*e.variants, short]
                e.mentions.append((start, start + len(ref)))
                return
    if _named(ents, ref) is not None:
        return
    for e in ents.of("instrument"):
        name = e.name or ""
        if len(name.split()) < 2 or not ref.endswith(" " + name):
            continue
        lost = ref[: -len(name) - 1]
        at = start + len(lost) + 1
        if (
            any(a == at for a, _ in e.mentions)
            and all(w[:1].isupper() for w in lost.split())
            and not lost.endswith(("’s", "'s"))  # "Zembla's Penal Code": the owner
        ):
            e.name = ref
            e.mentions.append((start, start + len(ref)))
            return


def _new_head(ents: Entities, ref: str) -> str | None:
    """The head word of an instrument named after an article when no instrument of the record
    has that head word yet: "the Constitution" before any constitution was found."""
    words = clean(ref).split()
    if words and re.search(rf"\b{LAW_NUMBER}", ref) and _named(ents, ref) is None:
        # "Law 11/2021", "Decree No. 7/2020 on Assemblies": a law's number names one law
        head = head_of(words)
        if head and head[0] == "instrument":
            return head[1]
    if FOREIGN_CODE_NAME.fullmatch(ref) and _named(ents, ref) is None:
        return words[0]  # "the Code pénal", "the Código Penal"
    if not words or words[-1] not in INSTRUMENT_HEADS or _named(ents, ref) is not None:
        return None
    if ref in WELL_KNOWN_INSTRUMENTS or "the " + ref in WELL_KNOWN_INSTRUMENTS:
        return None
    if any(words[-1] in (e.name or "").split() for e in ents.of("instrument")):
        return None
    return words[-1]


def _sentence_at(doc: Doc, pos: int) -> Span | None:
    i = bisect.bisect_right(doc.sentence_starts, pos) - 1
    if i >= 0 and pos < doc.sentences[i].end:
        return doc.sentences[i]
    return None


#: Where an offence named before its article starts: after "charged with", "guilty of", a
#: comma or "and" of a list of offences.
LABEL_START = re.compile(
    r"(?:\b(?:charged|accused|suspected|convicted|guilty|charges?|counts?)\s+(?:\w+\s+)?"
    r"(?:with|of)|\bwith|\band|[,;:])\s+"
)
#: The offence named before its article: "tax evasion under Article 5", "theft (Article 5".
LABEL_TAIL = re.compile(
    r"(?:(?:the|a|an)\s+)?(?P<lab>[a-z][a-z’'\- ]{2,80}?)\s*(?:\s+under|\()\s*$"
)
#: The offence named after its article: "charged under Article 5 of the Code with theft".
LABEL_AFTER = re.compile(r"\s+with\s+(?P<lab>[a-z][a-z’'\- ]{2,60}?)\s*(?=[,.;(]|$)")
#: The offence in brackets after the instrument: "Article 12 of the Criminal Code (fraud)".
#: Lower case, a few words, no citation or gloss ("(hereinafter ...)", "(as amended)").
OFFENCE_AFTER_INSTRUMENT = re.compile(
    r"\s*\((?!hereinafter|as amended|in force|the |art|sec)(?P<lab>[a-z][a-z’'\- ]{2,60})\)"
)
NOT_LABEL = re.compile(
    r"\b(?:contrary|pursuant|according|in line|violation|breach)\b|^(?:s?he|they|it|we|i)\b"
)


QUOTED_NAME_END = re.compile(r"[“\"]([^”\"]{3,80})[”\"]\s*(?:\(|under\s+|\s*)$")


def _label_before(doc: Doc, pos: int) -> str | None:
    before = doc.flat[max(0, pos - 90) : pos]
    m = QUOTED_NAME_END.search(before)
    if m:
        return m.group(1)
    # the offence after the last list boundary: "X under Article 1, Y under Article 2 and Z (..."
    for b in reversed(list(LABEL_START.finditer(before))):
        t = LABEL_TAIL.fullmatch(before, b.end())
        if t:
            lab = clean(t.group("lab"))
            return None if NOT_LABEL.search(lab) else lab
    return None


NON_WORD_RUN = re.compile(r"\W+")


#: An article's parts after its number: "(3)", "§ 1", ", Part 2", "/2" ("207.3, Part 2" is a
#: part of article 207.3; "207.3" itself is an article, not a part of 207).
ARTICLE_PARTS = re.compile(
    r"(?:\s*\(\w{1,3}\)|\s*§\s*\d+|,?\s*(?:[Pp]art|[Pp]aragraph|para\.)\s+\d+|/\w{1,2})+$"
)


#: An ask to repeal or amend a law just before the articles it names: "Amend or repeal Section
#: 14 of", "calling for the repeal of Articles 207.3 and 280.3".
REPEAL_BEFORE = re.compile(
    r"\b(?:repeal(?:ed|ing)?|amend(?:ed|ing)?|abolish(?:ed|ing)?|revok(?:e|ed|ing)|"
    r"(?:the\s+)?(?:repeal|amendment|abolition)\s+of)\s+(?:the\s+)?[^.;]{0,80}$",
    re.IGNORECASE,
)


def _provision(
    inst: Entity, article: str, label: str | None, used: set[str], repealed: bool = False
) -> dict[str, Any]:
    provs = inst.attrs["provisions"]
    whole = ARTICLE_PARTS.sub("", article)
    for p in provs:
        same = p["article"] == article
        if not same and repealed and article == whole and p["article"] != whole:
            # an article asked to be repealed or amended whole after one of its parts was cited
            # ("charged under Section 14(3) of the Act" ... "repeal Section 14 of the Act"): the
            # law the case was brought under, one provision, the one with the part
            same = ARTICLE_PARTS.sub("", p["article"]) == whole
        if same:
            if not p.get("label") and label:
                p["label"] = _cap(label.strip(' ()“”"'))
            return p
    base = "a" + NON_WORD_RUN.sub("_", article).strip("_")
    pid, n = base, 1
    while pid in used:
        n += 1
        pid = f"{base}_{n}"
    used.add(pid)
    prov = {"id": pid, "article": article,
            "label": _cap(label.strip(" ()“”\"")) if label else None}  # fmt: skip
    provs.append(prov)
    return prov


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]
