"""Roles and positions of persons from the words around each mention: titles before the name,
appositions after it, signatures, gender cues.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from typing import Any

from kg.extract.entities import POST_WORDS, STATE_KINDS, Entities, Entity
from kg.extract.lexicon import (
    GENDER_NOUN_RE,
    GENDER_NOUNS,
    KNOWN_BODIES,
    MEDIA_WORK,
    ORG_HEADS,
    TITLE_STOP,
)
from kg.extract.persons import POSSESSIVE_LAWYER, TITLE_RX
from kg.extract.scan import TailPattern, WordStartPatterns, group_literals
from kg.extract.text import Doc, clean, names_listed_after, sentences_with


def person_roles(doc: Doc, ents: Entities, title_span: tuple[int, int] | None) -> None:
    """Roles and positions from the words around each mention."""
    flat = doc.flat
    befores: dict[int, str] = {}  # the words before each mention, read once for both loops
    listed = _list_cues(doc, ents, befores)
    starts = {s: e for q in ents.of("person") for s, e in q.mentions}
    for p in ents.of("person"):
        p.attrs["_text"] = doc.text
        roles: list[str] = []
        positions: list[dict[str, Any]] = []
        for start, end in sorted(p.mentions):
            before = befores.get(start)
            if before is None:
                before = _before(doc, start)
            if p.name and len(p.name) > end - start and p.name.endswith(flat[start:end]):
                own = p.name[: start - end]  # "Mr. Justice Mugo ... Justice Mugo": the given name
                if before.endswith(own) and own.strip():
                    before = before[: -len(own)]  # is the name's, no title before it
            after = flat[end : end + 90]
            if after[:1] == "," and (age := AGE_AFTER.match(after)):
                # "X, 34, a correspondent for ...": the age set aside, the apposition read
                after = "," + after[age.end() :]
            n = len(roles)
            if not (
                KIN_SOURCE_BEFORE.search(before[-60:])
                and any(a < start and flat[a:b] == flat[start:end] for a, b in p.mentions)
            ):
                _roles_before(before, roles, positions, p, ents)
            if roles[n:] == ["lawyer?"] and (start, end) in listed:
                # "His lawyers, Maître A and Maître B": the list says whose lawyer the title's
                # bearer is, a lawyer who acts for another
                del roles[n:]
            if len(roles) == n and (start, end) in listed:
                # "journalists A, B and C": B and C too
                roles.extend(r for r in listed[(start, end)] if r != COLLEAGUE)
                if COLLEAGUE in listed[(start, end)]:
                    p.attrs["_colleague"] = True  # in the line of work of the one spoken of
            if len(roles) == n and (its := ITS_POST_BEFORE.search(before)):
                # "AFAPP was founded in 2019 ... police patrols followed its secretary, X": a
                # post of the body named last by a proper name, on the side its kind says
                kind = _last_named_body_kind(
                    flat[max(0, start - ITS_REACH) : start - len(its.group())],
                    ents,
                    its.group("noun"),
                )
                if role := POST_ROLE_BY_KIND.get(kind or ""):
                    roles.append(role)
            elif len(roles) == n and (the := THE_POST_BEFORE.search(before)):
                # "detained its founder, A; the director, B": "the" post of the body named
                # last in the sentence or the one before
                kind = _last_named_body_kind(
                    flat[max(0, start - THE_REACH) : start - len(the.group())], ents
                )
                if role := POST_ROLE_BY_KIND.get(kind or ""):
                    roles.append(role)
            _roles_after(after, roles, positions, p, ents, end, before)
            if len(roles) == n and ADDRESSEE_BEFORE.search(before) and ASKED_TO.match(after):
                roles.append("official")  # "we urge X to release her": an addressee
        if (
            title_span
            and "journalist" not in roles
            and not {"official", "judge", "prosecutor"} & set(roles)
            and not p.attrs.get("_described")
            and any(
                title_span[0] <= s < title_span[1] and not re.search(r"\bby\s+$", flat[s - 5 : s])
                for s, _ in p.mentions
            )
        ):
            roles.append("defender")  # named in the title, and not as the one who acts ("by X")
        if "lawyer?" in roles:
            # a lawyer who is the one persecuted is a lawyer and a defender; one who acts for
            # others a lawyer
            roles = [r for r in roles if r != "lawyer?"]
            acts_for = any(REPRESENTS_AFTER.match(flat, e) for _, e in p.mentions)
            targeted = not acts_for and ("defender" in roles or _default_role(doc, p) == "defender")
            roles.extend(["lawyer", "defender"] if targeted else ["lawyer"])
            p.attrs["_lawyer_by_default"] = not targeted and not acts_for
        # a verb after a list of names is said of each: "A, his mother, and B, his wife, filed
        # a complaint", "A and B, who testified for the prosecution,"
        ends = [
            (s, x)
            for s, e in p.mentions
            for x in (e, *(b for _, b in names_listed_after(flat, e, starts)))
        ]
        if (
            any(WITNESS_AFTER.match(flat, e) and not _inside_apposition(flat, s) for s, e in ends)
            # "the prosecution's main witness, police analyst X": a witness described first
            or any(WITNESS_DESCRIBED_BEFORE.search(flat, max(0, s - 70), s) for s, _ in p.mentions)
            or any(
                WITNESS_OBJECT_AFTER.match(flat, e)
                and WITNESS_OBJECT_BEFORE.search(flat, max(0, s - 80), s)
                for s, e in p.mentions
            )
            # "the judge would not allow the defence to call X", "X ... was ready to testify"
            or any(
                DEFENCE_CALLS_BEFORE.search(flat, max(0, s - 40), s)
                or (TO_TESTIFY_AFTER.match(flat, e) and not _inside_apposition(flat, s))
                for s, e in p.mentions
            )
            or (
                not {"defender", "lawyer", "lawyer?", "official", "judge", "prosecutor"}
                & set(roles)
                and any(WITNESS_TELLS_AFTER.match(flat, e) for _, e in p.mentions)
            )
        ):
            roles.append("witness")
        complains = any(
            COMPLAINANT_BEFORE.search(flat[max(0, s - 100) : s])
            and not WORK_BY_BEFORE.search(flat, max(0, s - 70), s)
            for s, _ in p.mentions
        ) or any(
            COMPLAINANT_AFTER.match(flat, e) and not _inside_apposition(flat, s) for s, e in ends
        )
        # "X, head of a club loyal to the mayor, lodged a complaint against her": whoever brings a
        # complaint against someone is its complainant, whatever post the apposition gives
        accuses = complains and any(
            (m := COMPLAINANT_AFTER.match(flat, e)) is not None
            and m["against"] is not None
            and m.group().startswith(",")  # (the post told in an apposition before the verb)
            and not _inside_apposition(flat, s)
            for s, e in ends
        )
        quoted = all(flat[a - 1 : a] in '“"' and a > 0 for a, _ in p.mentions)
        if not roles and not complains and (acts := _acts_for_the_state(flat, p)):
            roles.append(acts)  # "on the orders of X", "X signed the detention order"
        if not roles and not complains:
            described = (
                p.attrs.pop("_described", False)
                or quoted  # "known as “X”": an alias
                # "over his translation of a novel by X": named only as the author of a work
                or all(WORK_BY_BEFORE.search(flat, max(0, a - 70), a) for a, _ in p.mentions)
            )
            roles.append("other" if described else _default_role(doc, p))
            p.attrs["_by_default"] = not described
        p.attrs.pop("_described", None)
        civil_post = p.attrs.pop("_civil_post", False)
        if (roles == ["defender"] or (roles == ["other"] and p.attrs.get("_by_default"))) and all(
            _names_a_quoted_speaker(flat, a, b)
            or (civil_post and SPEAKER_AFTER.match(flat, b))
            # "“...,” said CPJ Program Director X": the post in a civil body between
            or (civil_post and SPEAKER_TITLED.search(flat, max(0, a - 90), a))
            # "Contact: X, Advocate, ISHR": the issuer's staff a release names for the press
            or CONTACT_BEFORE.search(doc.text, max(0, a - 12), a)
            for a, b in p.mentions
        ):
            # named only as the speaker of a quote: the issuer's staff, coded other (not the
            # default a later step may turn into the one the appeal is about)
            roles = ["other"]
            p.attrs["_by_default"] = False
        if roles == ["official"] and _quoted_civil_post(flat, p, ents):
            roles = ["other"]  # "said X, Chair of the Y Committee of PEN International"
        if "journalist" in roles and "defender" in roles and not _says_defender(doc, p):
            roles.remove("defender")  # a journalist held for their work is coded a journalist
        # (a lawyer who files a complaint files it for a client: no complainant)
        if accuses and roles == ["defender"]:
            roles = []
        if complains and not {"defender", "judge", "prosecutor", "lawyer", "lawyer?"} & set(roles):
            roles.append("complainant")
            if "other" in roles:
                roles.remove("other")
        if any(KIN_STEP_BEFORE.search(flat, max(0, s - 70), s) for s, _ in p.mentions):
            roles.append("relative")  # "Since her husband's arrest, X has received calls"
        order = ["defender", "official", "complainant", "lawyer", "judge", "prosecutor",
                 "journalist", "relative", "witness", "other"]  # fmt: skip
        roles = sorted(set(roles), key=order.index)
        if "relative" in roles and (
            any(
                TARGETED_AFTER.match(flat, e) and not _inside_apposition(flat, s)
                for s, e in p.mentions
            )
            or ("defender" in roles and any(DEFENDER_APPOSED.match(flat, e) for _, e in p.mentions))
        ):
            # "her husband, X ... X was himself arrested", "his brother, X, a human rights
            # defender": a relative who is a defender too
            roles = sorted({*roles, "defender"}, key=order.index)
        elif "relative" in roles and "defender" in roles and len(roles) > 1:
            roles.remove("defender")
        if (
            roles == ["lawyer"]
            and not p.attrs.get("_lawyer_by_default")
            and any(
                (
                    TARGETED_AFTER.match(flat, e)
                    or LAWYER_TARGETED_AFTER.match(flat, e)
                    or HIMSELF_TARGETED_AFTER.match(flat, e)
                )
                and not _inside_apposition(flat, s)
                for s, e in p.mentions
            )
        ):
            # "their lawyer, X, was sentenced": a lawyer persecuted is a defender too
            roles = ["defender", "lawyer"]
        p.attrs["roles"] = roles
        p.attrs["positions"] = positions
        if "gender" not in p.attrs:  # a cue read before ("his wife, X") is kept
            p.attrs["gender"] = _gender(doc, p)
        del p.attrs["_text"]
    _colleagues_share_work(ents)
    _main_lawyer_defends(ents)


def _main_lawyer_defends(ents: Entities) -> None:
    """The lawyer an appeal is about is coded a defender alone: of the persons read as a
    lawyer persecuted (``lawyer`` and ``defender``), the one named most often, at least three
    times and by a margin of half again over anyone else named, loses ``lawyer`` (the corpus
    codes the one lawyer an appeal is about as the defender it is about). An appeal about a
    group of lawyers (three or more read so) keeps ``lawyer`` for each, as it keeps it for a
    lawyer persecuted beside the one the appeal is about."""
    both = [
        p for p in ents.of("person") if p.name and {"lawyer", "defender"} <= set(p.attrs["roles"])
    ]
    if not both or len(both) > 2:
        return
    main = appeal_subject(ents)
    if main is not None and main in both and len(main.mentions) >= 3:
        main.attrs["roles"] = [r for r in main.attrs["roles"] if r != "lawyer"]


#: What a colleague of the one an appeal is about shares with them: their line of work.
WORK_ROLES = ("defender", "lawyer", "journalist")


def _colleagues_share_work(ents: Entities) -> None:
    """A colleague named with no word for what they do ("his colleague X", "their colleague
    X") works as the one the appeal is about does: a lawyer's colleague is a lawyer, a
    journalist's a journalist (who, as for the journalist, is no defender unless called one)."""
    colleagues = [p for p in ents.of("person") if p.attrs.pop("_colleague", False)]
    if not colleagues:
        return
    subject = appeal_subject(ents)
    if subject is None:
        return
    work = [r for r in subject.attrs.get("roles") or [] if r in WORK_ROLES]
    if not work or work == ["defender"]:
        return
    for p in colleagues:
        if p is not subject and p.attrs.get("roles") == ["defender"]:
            p.attrs["roles"] = work


#: One who orders, signs or carries out an act of the state, named before the mention: "on
#: the orders of X", "the warrant signed by X", "she was interrogated by X".
ACTS_FOR_STATE_BEFORE = re.compile(
    r"\b(?:on the (?:orders?|instructions?) of|(?:ordered|signed|issued|authori[sz]ed|"
    r"interrogated|questioned)\s+by)\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?$"
)
#: The same, said after the name: "X ordered the arrest of", "X had signed the detention
#: order", "X issued a travel ban".
ACTS_FOR_STATE_AFTER = re.compile(
    # "X, the district commissioner, ordered the arrest": an apposition may come between
    r"(?:\s*,(?P<app>[^,.;“”\"]{2,80}),)?"
    r"\s+(?:had\s+|then\s+|later\s+)?(?:ordered|signed|issued|authori[sz]ed)\s+(?:the|an?|his|"
    r"her|their)\s+(?:[\w-]+\s+){0,2}(?:arrest|detention|warrant|order|search|raid|ban|decree|"
    r"closure|deportation|expulsion|dissolution|extradition)"
)


#: The subject of an act of the state done to someone, in the active voice: "X arrested the
#: activist", "X and two other officers detained him", "X sentenced her to five years". The
#: one who sentences or convicts is a judge; the rest act as officials.
STATE_ACT_DONE_BY = re.compile(
    # "X, head of the investigation team, questioned him": an apposition may come between
    r"(?:\s*,(?P<app>[^,.;“”\"]{2,80}),)?"
    r"(?:\s+and\s+(?:[\w-]+\s+){0,3}(?:officers|agents|policemen|soldiers|men|others))?"
    r"\s+(?:had\s+|then\s+|later\s+)?(?:(?P<judge>sentenced|convicted)|arrested|detained|"
    r"summoned|interrogated|questioned|searched|raided|abducted|tortured|beat|handcuffed)\s+"
    r"(?:him|her|them|the\s+(?:[\w-]+\s+){0,3}(?:defenders?|activists?|journalists?|lawyers?)|"
    r"(?:human rights\s+)?(?:defenders?|activists?|journalists?|lawyers?)\s+[A-Z]|"
    r"(?:Mr|Ms|Mrs|Dr)\.?\s+[A-Z]|[A-Z][\w’'-]+\s+[A-Z])"
)


def _acts_for_the_state(flat: str, p: Entity) -> str | None:
    """The role of one some mention names as who orders or carries out an act of the state
    (official; judge for a sentence or conviction), when none names them as its target."""
    if any(TARGETED_AFTER.match(flat, b) for _, b in p.mentions):
        return None
    role = None
    for a, b in p.mentions:
        after = ACTS_FOR_STATE_AFTER.match(flat, b)
        if ACTS_FOR_STATE_BEFORE.search(flat, max(0, a - 40), a) or (after and _of_state(after)):
            role = role or "official"
        elif (done := STATE_ACT_DONE_BY.match(flat, b)) and _of_state(done):
            role = "judge" if done.group("judge") else (role or "official")
    return role


def _of_state(m: re.Match[str]) -> bool:
    """Whether the apposition the act is told after, if any, leaves the one who acts on the
    state's side: "X, a member of the Vela Legal Centre, questioned him" does not."""
    app = m.group("app")
    return not app or not (CIVIL_BODY_WORDS.search(app) or ACTIVIST_DESC.match(app.strip()))


#: The side a person appears for at a trial: "X acting for the prosecution", "Y for the
#: defence".
ACTING_FOR = re.compile(
    r"(?:\s+(?:(?:acting|appearing)\s+)?|\s*,?\s+who\s+(?:acted|appeared)\s+)for\s+the\s+"
    r"(prosecution|state|defen[cs]e)\b"
)
#: A lawyer named as the one who acts for someone: "X represented him", "X has defended".
REPRESENTS_AFTER = re.compile(
    r"\s+(?:(?:also|has|had|then|later)\s+){0,2}(?:represents|represented|is representing|"
    r"was representing|defended|defends|acts for|acted for|appeared for)\b"
)
#: A demand's verb before the one it is addressed to: "we urge X to ...", "calls on X to".
ADDRESSEE_BEFORE = re.compile(
    r"\b(?:urges?|urging|call(?:s|ing)? (?:on|upon)|appeals? to|asks?|asking|request(?:s|ing)?)"
    r"\s+(?:(?:Mr|Ms|Mrs|Dr|H\.\s?E)\.?\s+)?$"
)
#: What the addressee is asked to do: "X to release her", "X, as head of state, to act".
ASKED_TO = re.compile(r"(?:\s*,[^,.;]{1,60},)?\s+to\s+(?!the\b|a\b|an\b)[a-z]+")
#: The words before a mention put it inside an apposition about someone else: "Y, the mother
#: of X, was questioned as a witness" says nothing of X.
APPOSITION_OF = re.compile(
    r",\s*(?:the|a|an|his|her|their)\s+(?:[\w’'-]+\s+){0,3}(?:of|for)\s+"
    r"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?$"
)


def _inside_apposition(flat: str, start: int) -> bool:
    return bool(APPOSITION_OF.search(flat, max(0, start - 50), start))


#: The person just named is the one something was done to: "X was himself arrested", "X has
#: also been sentenced".
TARGETED_AFTER = re.compile(
    # "X was arrested", "X, who was arrested", "X and Y, who were arrested": a list's last name
    # and a plural clause after it say it of X too
    r"(?:\s+and\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?[A-ZÀ-ÞĀ-Žİ][^,.;()]{1,40}?(?=\s*,\s*who\s+were))?"
    r"(?:\s*,\s*who)?"
    r"\s+(?:was|were|has been|had been|is being)\s+(?:(?:himself|herself|also|later|then|"
    r"subsequently|too)\s+)?(?:arrested|detained|sentenced|convicted|charged|imprisoned|jailed|"
    r"abducted|prosecuted|indicted)\b"
)
#: The lawyer named in apposition is the one something was done to: "their lawyer, X, was
#: sentenced", "her lawyer, X, who was arrested" (a lawyer disbarred is coded a lawyer only).
LAWYER_TARGETED_AFTER = re.compile(
    r"\s*,\s*(?:who\s+)?(?:was|has been|had been|is being)\s+(?:(?:himself|herself|also|later|"
    r"then|subsequently|too)\s+)?(?:arrested|detained|sentenced|convicted|charged|imprisoned|"
    r"jailed|abducted|prosecuted|indicted)\b"
)
#: Later in the sentence that names the lawyer, a pronoun said to be arrested "himself":
#: "When the group's lawyer, X, went to the station to see his clients, he was himself arrested".
HIMSELF_TARGETED_AFTER = re.compile(
    r"[^.;]{0,200}?\b(?:he|she)\s+(?:was|has been|had been)\s+(?:himself|herself|also)\s+"
    r"(?:arrested|detained|charged|abducted|prosecuted|indicted)\b"
)
#: "X, a human rights defender", "X, himself an activist": what the person is, said after.
DEFENDER_APPOSED = re.compile(
    # "X, a human rights defender", "X, her husband and a fellow activist"
    r"\s*,\s*(?:(?:his|her|their)\s+[\w-]+\s+and\s+)?(?:(?:himself|herself|also|too)\s+)?"
    r"(?:an?|the)\s+(?:(?!and\b)[\w-]+\s+){0,3}"
    r"(?:defender|activist)s?\b"
)
#: A mention that names the speaker of a quote just closed: "“...,” said X".
#: (a quote in single marks closes with its stop and "’": "...activism,’ said X")
SPEAKER_BEFORE = re.compile(
    r"(?:[”\"]|(?<=[,.!?])[’'])\s*,?\s*(?:said|says|added|stated|warned|noted)\s+$"
)
#: The label of a release's press contact line before a name: "Contact: X, Advocate, ISHR".
CONTACT_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:Press |Media )?[Cc]ontacts?:[ \t]*$")
#: A quote closed, its verb of saying, then the speaker's post in capitals: "“...,” said CPJ
#: Program Director ".
SPEAKER_TITLED = re.compile(
    r"[”\"]\s*,?\s*(?:said|says|added|stated|warned|noted)\s+(?:[A-Z][\w&’'-]*\s+){1,6}$"
)
#: A post after a name whose last body is named: "X, Chair of the Writers in Prison Committee of
#: PEN International.", "X, Asia researcher at Vela Watch,".
POST_OF_BODY_AFTER = re.compile(
    r"\s*,\s*[^,.;“”\"]{2,80}\b(?:of|at)\s+(?:the\s+)?(?P<body>[A-Z][\w’'-]*(?:\s+(?:(?:of|for|"
    r"the|and|on|in)\s+)*[A-Z][\w’'-]*){0,6})\s*[.,;]"
)


def _quoted_civil_post(flat: str, p: Entity, ents: Entities) -> bool:
    """Every mention names the speaker of a quote, and a post after one of them is held in a
    civil body the text names: the issuer's or another group's staff, coded other."""
    civil = False
    for a, b in p.mentions:
        if not _names_a_quoted_speaker(flat, a, b):
            return False
        if (m := POST_OF_BODY_AFTER.match(flat, b)) and not civil:
            o = ents.find("organisation", m.group("body"))
            kind = o.attrs.get("kind") if o is not None else KNOWN_BODIES.get(m.group("body"))
            civil = kind in ("ngo", "media")
    return civil


#: A quote closed right before a mention, and the verb of saying right after it: "“...,” X said".
QUOTE_CLOSED_BEFORE = re.compile(
    r"(?:[”\"]|(?<=[,.!?])[’'])\s*(?:(?:van|von|de|del|da|di|du|der|den|al|el|le|la)\s+)*$"
)
SAID_AFTER = re.compile(r"\s+(?:said|says|added|stated|warned|noted)\b")


def _names_a_quoted_speaker(flat: str, a: int, b: int) -> bool:
    """The mention at ``a``-``b`` names the speaker of a quote just closed: "“...,” said X" or
    "“...,” X said"."""
    return bool(
        SPEAKER_BEFORE.search(flat, max(0, a - 30), a)
        # ("“...,” van Leeuwen said": a short form opening with its particle in lower case)
        or (QUOTE_CLOSED_BEFORE.search(flat, max(0, a - 16), a) and SAID_AFTER.match(flat, b))
    )


#: A mention that names the speaker of a quote that follows: "X, said: “...", "X said that".
SPEAKER_AFTER = re.compile(
    r"(?:\s*,[^,.;“”\"]{0,80},)?\s*,?\s*(?:(?:said|says|added|stated|warned|noted|told [\w ]{2,30})"
    r"\s*(?:[:,]\s*[“\"]|that\b)"
    # "X, the president of the Bar, called the arrests “an attack”": a quote named as what the
    # speaker calls something
    r"|called (?:the|it|this|these|those|his|her|their) ?[\w ]{0,30}[“\"])"
)


#: How far before a mention its describing words are read: "UN Special Rapporteur on freedom of
#: opinion and expression X" puts the post 60 characters before the name.
BEFORE_SPAN = 100


BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _before(doc: Doc, start: int) -> str:
    """The words just before a mention, up to a blank line (which ends what describes it)."""
    before = doc.flat[max(0, start - BEFORE_SPAN) : start]
    chunk = doc.text[max(0, start - BEFORE_SPAN) : start]
    # a blank line needs two line breaks: most stretches have fewer, and are not searched
    gap = list(BLANK_LINE.finditer(chunk)) if chunk.count("\n") >= 2 else []
    if gap:
        before = before[gap[-1].end() :]
    nl = chunk.rfind("\n")
    if nl >= 0 and LINE_OPENING.fullmatch(chunk, nl + 1) and ENTRY_LINE.search(chunk, 0, nl):
        # "Ms A B, Attorney General" on the line before, then "Mr C D, ..." opening this one:
        # the post before belongs to the entry above, not to this name
        before = before[len(before) - (len(chunk) - nl - 1) :]
    return before


#: What may open a line before a name: white space and an honorific.
LINE_OPENING = re.compile(r"[ \t]*(?:(?:Mr|Ms|Mrs|Dr|Mme)\.?[ \t]*)?")
#: A line of a list of addressees that holds one entry whole: an honorific, a name, a comma
#: and the post.
ENTRY_LINE = re.compile(
    # (the name in capitalised words only: "Ms Lind along with cameraman X, known as" is a
    # sentence's line, no entry)
    r"(?:^|\n)[ \t]*(?:Mr|Ms|Mrs|Dr|Mme|H\.\s?E)\.?[ \t]+"
    r"(?:(?:[A-ZÀ-ÞĀ-Žİ][\w’'.-]*|al|el|bin|de|da|del|van|von)[ \t]+){0,5}"
    r"[A-ZÀ-ÞĀ-Žİ][\w’'.-]*,[^\n]+$"
)


@functools.lru_cache(maxsize=4096)
def _title_before(before: str) -> tuple[str, str | None, re.Match[str]] | None:
    """The role a title right before a name gives (``cartoonist X``, ``lawyers A``)."""
    before = strip_honorific(before)
    # "The Regional Police Commander, SACP X": a rank by its initials after the post apposed
    before = RANK_INITIALS_END.sub(" ", before)
    places = TITLE_STARTS.places(before)  # each title tried where a word opens as it does
    if not places and not TITLE_STARTS.whole:
        return None
    for i, (_rx, r1, r2) in enumerate(TITLE_RX):
        m = TITLE_STARTS.search(i, before, places)
        if m and not _ends_a_post(before[: m.start()]):
            if r1 == "official" and RANK.fullmatch(m.group().strip()):
                # "the army prosecutor, Colonel X": the post apposed before the rank is what
                # the person is in the case
                post = _title_before(before[: m.start()]) if APPOSED_END.search(
                    before, 0, m.start()) else None  # fmt: skip
                if post is not None and post[0] in ("prosecutor", "judge"):
                    return post
            return r1, r2, m
    return None


#: A rank written by its initials, apposed after a comma right before a name: ", SACP ".
RANK_INITIALS_END = re.compile(r"(?<=,)\s+[A-Z]{2,5}\.?\s+$")
#: A military or police rank before a name.
RANK = re.compile(r"(?:Brigadier|Major|Lieutenant|Colonel|Captain|General|Sergeant|Commander)")
#: A comma after a post in lower case, before the rank and name apposed to it.
APPOSED_END = re.compile(r"\b[a-z]+,\s*$")


#: "Minister of ", "Office of the ": a post's or body's head word and its "of".
HEAD_OF_END = re.compile(r"\b([A-Z][\w’'-]+) (?:of|for)(?: the)?\s*$")


def _ends_a_post(before: str) -> bool:
    """A title word that ends the name of a post or body is no title of its own: "Minister of
    Justice X" is a minister, "Office of the Prosecutor" no prosecutor."""
    m = HEAD_OF_END.search(before)
    if not m:
        return False
    w = m.group(1)
    return w in TITLE_STOP or w in POST_WORDS or w in ORG_HEADS or w.startswith("Minist")


#: The titles, each tried only at the words that open with one of its literals.
TITLE_STARTS = WordStartPatterns([rx for rx, _, _ in TITLE_RX])
#: Honorifics and a clerical rank before a name; "Maître", "Me" are no honorific here but the
#: title of a lawyer (PERSON_TITLES).
HONORIFIC_END = re.compile(
    r"(?:\b(?P<h>Mr|Ms|Mrs|Dr|Messrs|Sheikha?|Shaikha?|Hojj?atoleslam|Hon|Honou?rable|Mme|Mlle|"
    # the Spanish style of a graduate, a lawyer's most often: "licenciado X", "Lic. X"
    r"Sra?|Srta|Lic|licenciado|licenciada|Licenciado|Licenciada)"
    r"\.?\s*|\bH\.\s?E\.\s*)+$"
)
#: What a text HONORIFIC_END strips something from ends with, before white space: a full
#: stop ("Mr.", "H.E.") or an honorific of the pattern. A text that ends otherwise keeps its
#: end, and the pattern is not run.
HONORIFIC_ENDS = (".", *(group_literals(HONORIFIC_END, "h") or ()))
#: Characters from the start of one honorific of HONORIFIC_END to the end of its word and
#: full stop ("Honourable.", "H. E."), with room to spare.
HONORIFIC_REACH = 20


def strip_honorific(before: str) -> str:
    """``HONORIFIC_END.sub("", before)``: the honorifics at the end of the words before a
    name taken off."""
    if (
        len(HONORIFIC_ENDS) > 1
        and not before.endswith("\n")
        and not before.rstrip().endswith(HONORIFIC_ENDS)
    ):
        return before
    if len(HONORIFIC_ENDS) == 1:
        return HONORIFIC_END.sub("", before)
    # the pattern ends with the text, and a search of the whole text tries it at every
    # character: the last honorific opens within HONORIFIC_REACH characters of the last one
    # that is not white space, so the search starts there; where the match found has an
    # honorific or a full stop right before it, the run may go on to the left, and the whole
    # text is searched
    m = HONORIFIC_END.search(before, max(0, len(before.rstrip()) - HONORIFIC_REACH))
    if m is None:
        return before
    if m.start() > 0 and before[: m.start()].rstrip().endswith(HONORIFIC_ENDS):
        return HONORIFIC_END.sub("", before)
    return before[: m.start()]


PLURAL_END = re.compile(r"[^s]s,?\s*$")
#: A mark the list of "his colleagues, A and B" carries beside the role: each name is a
#: colleague, in the line of work of the one the appeal is about.
COLLEAGUE = "_colleague"


def _list_cues(
    doc: Doc, ents: Entities, befores: dict[int, str] | None = None
) -> dict[tuple[int, int], list[str]]:
    """Roles a plural title gives every name of the list it opens: "the citizen journalists
    A, B and C", "human rights lawyers A, B and C"."""
    flat = doc.flat
    mentions = sorted((a, b) for p in ents.of("person") for a, b in p.mentions)
    out: dict[tuple[int, int], list[str]] = {}
    carry: tuple[int, list[str]] | None = None
    for a, b in mentions:
        before = _before(doc, a)
        if befores is not None:
            befores[a] = before
        if LAWYER_OF_LIST.search(strip_honorific(before[-NEAR_SPAN - 6 :])):
            carry = (b, ["lawyer"])  # "the defence team, which includes A and B"
            continue
        stripped = strip_honorific(before)  # read by three of the rules below
        kin = KIN_OF_BEFORE.search(stripped)
        if kin and kin.group(1) in KIN_PLURALS:
            carry = (b, ["relative"])  # "the parents of X, A and B"
            continue
        near = strip_honorific(before[-NEAR_SPAN:])  # read by the next two rules
        kin = KIN_OF_DESCRIBED_BEFORE.search(near)
        if kin and kin.group(1) in KIN_PLURALS:
            carry = (b, ["relative"])  # "the sons of the detained lawyer, A and B"
            continue
        if KIN_PLURAL_BEFORE.search(near):
            out[(a, b)] = ["relative"]  # "her parents, A and B", "his two sons A and B"
            carry = (b, ["relative"])
            continue
        hit = _title_before(before)
        if (
            before.endswith(("tre ", "tre\n"))
            and (style := LAWYER_STYLE_END.search(before, max(0, len(before) - 12)))
            and (plural := _title_before(before[: style.start()]))
            and PLURAL_END.search(plural[2].group(0))
        ):
            hit = plural  # "His lawyers, Maître A and Maître B": the plural before the style
            stripped = strip_honorific(before[: style.start()])
        colon = hit is None and before.rstrip().endswith(":")
        if colon:
            hit = _title_before(before.rstrip()[:-1])  # "three lawyers: A, B and C"
        bare = stripped if hit is None else ""
        if bare.endswith(", ") and (of := PLURAL_OF_BODY.search(bare)):
            hit = _title_before(bare[: of.end("t")] + " ")  # "two lawyers of the clinic, A"
            colon = hit is not None  # the comma sets the list off, as a colon does
        if hit and PLURAL_END.search(hit[2].group(0)):
            r1, r2, _ = hit
            if r1 == "lawyer":  # "their lawyers A and B" act for others; "lawyers A and B" may not
                r1 = "lawyer" if POSSESSIVE_LAWYER.search(stripped) else "lawyer?"
            carry = (b, [r1] + ([r2] if r2 else []))
            if COLLEAGUE_TITLE.match(hit[2].group(0)):
                carry[1].append(COLLEAGUE)  # "two of his colleagues, A and B": B works as A
            if colon:
                out[(a, b)] = carry[1]
            continue
        if carry and LIST_GAP.fullmatch(flat, carry[0], a):
            out[(a, b)] = carry[1]
            carry = (b, carry[1])
        else:
            carry = None
    _members_listed(doc, ents, mentions, out)
    _shared_after(doc, mentions, out)
    return out


#: The people of a body, then a colon that opens the list of them: "four workers of the Vela
#: Relief Centre (VRC), which had sheltered them: its director, A; two social workers, B and
#: C; and its driver, D".
MEMBERS_OF_BEFORE = re.compile(
    r"\b(?:members|workers|staff|employees|volunteers|journalists|reporters|colleagues)\s+"
    r"(?:of|from|at|with)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}$"
)
MEMBERS_OF_AFTER = re.compile(r"(?:\s*\([^()]{1,30}\))?[^.:;]{0,80}?:\s")
#: The same people listed after a comma: "four staff members of the outlet Vela Media, Ms. A,
#: Mr. B and Ms. C" (the list ends where its names stop).
MEMBERS_OF_COMMA = re.compile(r"(?:\s*\([^()]{1,30}\))?,\s+")
HONORIFIC_OPENING = re.compile(
    r"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+|(?:the|a|an)\s+(?:(?!and\b)[a-z][\w-]*\s+){1,3})?"
)
#: What the people listed after the body do, by its kind: who work for a rights group defend
#: rights; who work for an outlet report.
MEMBER_ROLE_BY_KIND = {"ngo": "defender", "media": "journalist"}


def _members_listed(doc: Doc, ents: Entities, mentions: list[tuple[int, int]], out: dict) -> None:
    """Give each name of a list of a body's people, set off by a colon, the role the body's
    kind gives, unless a title before the name gives another."""
    flat = doc.flat
    for o in ents.of("organisation"):
        role = MEMBER_ROLE_BY_KIND.get(o.attrs.get("kind", ""))
        if role is None:
            continue
        for s, e in o.mentions:
            if not MEMBERS_OF_BEFORE.search(flat, max(0, s - 40), s):
                continue
            colon = MEMBERS_OF_AFTER.match(flat, e)
            if colon is None:
                comma = MEMBERS_OF_COMMA.match(flat, e)
                if comma is not None:
                    _members_after_comma(flat, mentions, comma.end(), role, out)
                continue
            stop = next((x.end for x in doc.sentences if x.start <= e < x.end), len(flat))
            for a, b in mentions:
                if colon.end() <= a < stop and (a, b) not in out:
                    out[(a, b)] = [role]
    _mandate_members(doc, ents, mentions, out)


#: A colon right after a body's name (and its acronym in brackets): the list of its members
#: follows ("Working Group on Arbitrary Detention: A (Chair-Rapporteur), B and C").
COLON_AFTER = re.compile(r"(?:\s*\([^()]{1,30}\))?\s*:\s")


def _mandate_members(doc: Doc, ents: Entities, mentions: list[tuple[int, int]], out: dict) -> None:
    """Each name of a list that a colon after an international body's name opens, up to the
    end of its clause, is one of the body's members, an official, as the one the list gives a
    post ("A (Chair-Rapporteur)") is: "Working Group on Arbitrary Detention: A
    (Chair-Rapporteur), B, C and D." (UN press releases list their experts so)."""
    flat = doc.flat
    for o in ents.of("organisation"):
        if o.attrs.get("kind") != "international_org":
            continue
        for _s, e in o.mentions:
            colon = COLON_AFTER.match(flat, e)
            if colon is None:
                continue
            stop = next((x.end for x in doc.sentences if x.start <= e < x.end), len(flat))
            semi = flat.find(";", colon.end(), stop)
            stop = semi if semi >= 0 else stop
            for a, b in mentions:
                if colon.end() <= a < stop and (a, b) not in out:
                    out[(a, b)] = ["official"]


def _members_after_comma(
    flat: str, mentions: list[tuple[int, int]], at: int, role: str, out: dict
) -> None:
    """The names of a list that opens at ``at``, each joined to the one before by a comma or
    "and": each gets ``role`` unless a title gave it another."""
    listed = sorted(m for m in mentions if m[0] >= at)
    prev = None
    for a, b in listed:
        if prev is None:
            if not HONORIFIC_OPENING.fullmatch(flat, at, a):
                return
        elif not LIST_GAP.fullmatch(flat, prev, a):
            return
        if (a, b) not in out or out[(a, b)] == ["defender"]:
            # ("members of the weekly X, A and B": the plural title reads as a group's
            # members; the outlet says what they do)
            out[(a, b)] = [role]
        prev = b


#: A plural title with the body or place it belongs to, set off by a comma before the list it
#: opens: "two lawyers of the clinic, A and B", "journalists with the weekly Vela Times, A and B".
PLURAL_OF_BODY = re.compile(
    r"(?P<t>\b[a-z][\w’'-]+s)\s+(?:of|at|with|from|for)\s+(?:(?:the|their|his|her|its|a|an)\s+)?"
    r"[^,.;:()]{1,50},\s*$"
)
#: Between two names of one list: a comma or "and", an age or a bracketed aside after the
#: first ("A, 45, B (Vela Times) and C"), an honorific before the second.
LIST_GAP = re.compile(
    r"\.?\s*(?:\([^()]{1,60}\)\s*)?(?:,\s*\d{1,3}\s*(?=,))?(?:,|;)?\s*(?:and\s+)?"
    # (a lawyer's French style of address, "Maître A and Maître B", as an honorific)
    r"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+|Ma[iî]tre\s+)?"
)
#: A lawyer's French style of address before a name: "Maître ".
LAWYER_STYLE_END = re.compile(r"\bMa[iî]tre\s+$")
HONORIFIC_DOT = re.compile(r"\b(?:Mr|Ms|Mrs|Dr)\.")
#: A plural noun shared by a list, said after its last name: "A, B and C, all journalists",
#: "A and B, both human rights lawyers", "A, B and C, all three members of ...".
SHARED_AFTER = re.compile(
    r"\s*(?:\([^()]{1,60}\)\s*)?,\s*(?:(?:all|both)\s+)?(?:(?:of them|two|three|four|five|six|"
    r"seven|eight|nine|ten|\d+)\s+)?(?P<words>(?:[\w’'-]+\s+){0,3}[\w’'-]+s)\b"
)


#: After a plural of lawyers: those who hired them ("lawyers of the NGO X whom his relatives
#: had hired"), so that the lawyers act for someone.
RETAINED_AFTER = re.compile(
    r"[^.;]{0,80}?\bwhom\s+(?:the|his|her|their)\s+(?:[\w-]+\s+)?(?:family|relatives|clients?|"
    r"parents)\s+(?:had\s+|has\s+|have\s+)?(?:retained|hired|appointed|engaged|instructed)\b"
)


def _shared_after(doc: Doc, mentions: list[tuple[int, int]], out: dict) -> None:
    """Every name of a list takes the role of a plural noun said after the list."""
    flat = doc.flat

    def joined(b: int, a: int) -> bool:  # one list, never across a sentence's end
        if b >= a:
            return True  # nothing between: the empty gap fits
        if LIST_GAP.fullmatch(flat, b, a) is None:
            return False
        return "." not in HONORIFIC_DOT.sub("", flat[b:a])

    # whether each mention and the next are names of one list, told once for each pair
    links = [joined(b, a) for (_, b), (a, _) in itertools.pairwise(mentions)] + [False]
    group: list[tuple[int, int]] = []
    for k, (a, b) in enumerate(mentions):
        if group and links[k - 1]:  # the group ends with the mention before
            group.append((a, b))
        else:
            group = [(a, b)]
        last = not links[k]
        if not last or len(group) < 2:
            continue
        m = SHARED_AFTER.match(flat, b)
        if not m:
            continue
        words = m.group("words").split()
        hit = next(
            (h for n in range(len(words), 0, -1) if (h := _title_before(" ".join(words[:n])))),
            None,
        )
        if not hit or not PLURAL_END.search(hit[2].group(0)):
            continue
        r1, r2, _ = hit
        if (
            r1 == "lawyer"
            and not POSSESSIVE_LAWYER.search(m.group("words"))
            and not RETAINED_AFTER.match(flat, m.end())
        ):
            # "A and B, both lawyers" (not "A and B, his lawyers", nor "A and B, lawyers with
            # the NGO X whom his relatives had hired": they act for someone)
            r1 = "lawyer?"
        for span in group:
            out.setdefault(span, [r1] + ([r2] if r2 else []))


#: "their lawyers, among them X", "the defence team, led by X", "the only lawyer who appeared
#: for him, X": a lawyer who acts for others.
LAWYER_OF_LIST = re.compile(
    r"\blawyers?,? (?:among them|including|namely)\s*$"
    r"|\bdefen[cs]e (?:team|lawyers|counsel)\b[^.;]{0,30}?\b(?:led by|includes?|including|"
    r"among them|comprising)\s*$"
    r"|\blawyers? who [^.;,]{3,40},\s*$"
    r"|\bdefen[cs]e team, (?:which|that) includes?\s*$"
    # "His defence team – A, B and C – told the court": the team's names set off by dashes
    r"|\bdefen[cs]e (?:team|lawyers|counsel)\s*[–—]\s*$"
    r"|\blawyers? (?:for|of|representing) (?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?"
    r"(?:[A-ZÀ-ÞĀ-Žİ][\w’'-]+\s+){0,3}[A-ZÀ-ÞĀ-Žİ][\w’'-]+,\s*$"
    # "The lawyer for the two activists, X": the clients told by a description
    r"|\b[Ll]awyers? (?:for|of|representing) (?:the|his|her|their) (?:[a-z][\w’'-]*\s+){0,3}"
    r"[a-z][\w’'-]*,\s*$"
    r"|\b(?:is|was|are|were|being|been) (?:also |now |legally )?represented by\s*$"
)
LAWYER_OF_LIST = TailPattern(
    LAWYER_OF_LIST,
    ends=("them", "including", "namely", "by", "include", "includes", "comprising", ",", "–", "—"),
)
#: A media outlet, named by its common noun.
MEDIA_NOUN = (
    r"(?:news)?paper|magazine|(?:news )?(?:web)?site|outlet|channel|radio(?: station)?|"
    r"broadcaster|news agency|blog|daily|weekly|portal|media (?:group|company|house|outlet)"
)
#: The founder or head of an outlet before the name: "the paper's founder, X" (at a sentence's
#: start too: "The outlet's founder, X"). An owner is not named for the outlet's work: the
#: invented gold codes "the outlet's owner, X" as `other`.
OUTLET_HEAD_BEFORE = re.compile(
    rf"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er) (?:{MEDIA_NOUN})[’']s (?:co-)?(?:founder|"
    r"director|head|chief)s?,?\s*$"
)
OUTLET_HEAD_BEFORE = TailPattern(
    OUTLET_HEAD_BEFORE,
    ends=[w + s for w in ("founder", "director", "head", "chief") for s in ("", "s")],
    strip=",",
)
#: The one who runs an outlet or its news: "X, who runs the paper's digital news operation".
OUTLET_HEAD_AFTER = re.compile(
    rf"who (?:runs|ran|heads|headed|edits|edited|founded|owns|owned|directs|directed) "
    rf"(?:the|a|an|its|his|her|their) (?:[\w-]+ ){{0,2}}(?:{MEDIA_NOUN}|news)\b"
)
#: Words that name a news outlet in a description: "founder of the news site Y".
#: An outlet told by its common noun, the last thing "its" may stand for: "The magazine's
#: editor, A, and its co-founder".
THE_OUTLET_BEFORE = re.compile(
    rf"\b[Tt]he (?:{MEDIA_NOUN})(?:[’']s)?\b(?!.*\b(?:[Tt]he|[Aa]n?) [a-z])"
)
OUTLET_WORDS = re.compile(rf"\b(?:{MEDIA_NOUN}|news|television|TV)\b")
#: One who writes or reports for an outlet: "X, who writes for the weekly Y", "X, who
#: reported for Zembla Radio".
WRITES_FOR = re.compile(
    r"who (?:(?:also|has|had|still|regularly)\s+)*(?:writes|wrote|written|reports|reported|"
    r"contributes|contributed|blogs|blogged) (?:for|to|on|at)\b"
    rf"|who (?:works|worked|has worked) (?:for|at|with) [^,;.]{{0,40}}\b(?:{MEDIA_NOUN}|news|"
    r"television|TV|Radio)\b"
)
#: The author of a published piece: "an article by X".
AUTHOR_BEFORE = re.compile(r"\b(?:article|column|op-ed|reportage|editorial)s? (?:written )?by\s*$")
AUTHOR_BEFORE = TailPattern(AUTHOR_BEFORE, ends=("by",))


#: "the court, presided over by (Colonel) X"
PRESIDED_BY = re.compile(
    r"\bpresided (?:over )?by (?:[A-Z][\w.-]+ )?$"
    # "the court, headed by X", "a panel of three judges chaired by X"
    r"|\b(?:[Cc]ourt|[Tt]ribunal|[Cc]hamber|[Bb]ench|[Pp]anel|judges)\b[^.;]{0,30}?"
    r"\b(?:headed|chaired|led) by (?:[A-Z][\w.-]+ )?$"
)
PRESIDED_BY = TailPattern(PRESIDED_BY, needs=("by ",))


#: A body named, then the one who leads it: "the Zenda Commission, chaired by X".
LED_BY = re.compile(
    r"(?P<body>[A-ZÀ-ÞĀ-Žİ][\w’'-]*(?:\s+(?:(?:of|for|on|the|and|against)\s+)*[A-ZÀ-ÞĀ-Žİ][\w’'-]*)"
    r"{0,8})\s*(?:\([^()]{1,20}\))?,\s+(?:which is\s+)?(?:(?:now|currently|then)\s+)?"
    r"(?:headed|chaired|led|directed|"
    r"coordinated) by\s+$"
)
#: The body a post is held in, named before the post and the words that qualify it: "SCM
#: President", "Zenda Watch’s Deputy Asia Director", "the Centre’s Executive Director".
BODY_BEFORE_POST = re.compile(
    r"(?:(?P<poss>[A-ZÀ-ÞĀ-Žİ][\w&-]*(?:\s+(?:of\s+|for\s+)?[A-ZÀ-ÞĀ-Žİ][\w&-]*){0,5})[’']s"
    r"|(?P<acr>\b[A-Z][A-Z&-]{1,9})"
    # a civil body named by its common noun: "the coalition's spokesperson"
    r"|\b[Tt]he (?P<civil>coalition|network|collective|association|organi[sz]ation|movement|"
    r"alliance|platform|group|NGO|centre|center)[’']s)\s+(?:(?:[A-Za-z][a-z]+|and|for)\s+){0,4}$"
)
CIVIL_KINDS = ("ngo", "media", "other")
#: A programme's name right before a post: "Asia Program ", "Africa Programme ".
PROGRAMME_END = re.compile(r"\bProgram(?:me)?\s+$")


def _civil_body_before(before: str, ents: Entities | None) -> bool:
    """The post named next is held in a civil society body or outlet: the body before it is one
    the text names as such, a well-known one, or a name whose head word is of one."""
    m = BODY_BEFORE_POST.search(before)
    if not m:
        return False
    if m.group("civil") or PROGRAMME_END.search(before, m.start()):
        return True  # ("CPJ Program Director": a post in an NGO's programme)
    name = (m.group("poss") or m.group("acr")).strip()
    for o in ents.of("organisation") if ents is not None else []:
        if name == o.name or name in o.variants:
            return o.attrs.get("kind") in CIVIL_KINDS
    if name in KNOWN_BODIES:
        return KNOWN_BODIES[name] in CIVIL_KINDS
    head = name.split()[-1]
    return bool(m.group("poss")) and ORG_HEADS.get(head) in ("ngo", "media")


#: An age set off right after a name: "X, 34,", "X, aged 34,".
AGE_AFTER = re.compile(r",\s*(?:aged\s+)?\d{1,3}\s*,")
#: An age right before a name: "17-year-old", "the seventeen-year-old".
AGE_BEFORE = re.compile(r"(?:\b(?:the|a|an)\s+)?\b[\w-]+-year-old\s+$")
#: How much of the words before a name the short cues read (titles and posts read all of it).
NEAR_SPAN = 60


ARTICLE_END = re.compile(r"\b(?:the|a|an)\s+$")
AND_END = re.compile(r"(.*\S)\s+and\s+$")


#: A gloss in brackets right before the comma that ends the words before a name.
GLOSS_BEFORE_NAME = re.compile(r"\s*\([^()]{1,50}\)(?=,\s*$)")


def _roles_before(
    before: str,
    roles: list[str],
    positions: list[dict[str, Any]],
    p: Entity,
    ents: Entities | None = None,
) -> None:
    before = strip_honorific(before)
    if ")" in before[-60:]:
        # "the deputy prosecutor of the Public Ministry (Ministerio Público), Ms. X": the
        # name of the post's body glossed in brackets, read without the gloss
        before = GLOSS_BEFORE_NAME.sub("", before)
    if "-year-old" in before:
        before = AGE_BEFORE.sub("", before)  # "her son, 17-year-old X"
    if before.endswith(("is ", "was ")) and (inv := PART_IS_BEFORE.search(before)):
        before = before[: inv.start("v") + 1]  # "the presiding judge was X": "judge X"
    near = before[-NEAR_SPAN:]  # the rules below read only the last words before the name
    if PRESIDED_BY.search(near):
        roles.append("judge")
        return
    if "d by" in near and ents is not None and (led := LED_BY.search(before[-3 * NEAR_SPAN :])):
        # "the National Human Rights Commission, chaired by X": the head of a body is on its
        # side (a state body's: official; a civil body's: defender)
        body = ents.find("organisation", re.sub(r"^(?:The|A|An)\s+", "", led.group("body")))
        kind = body.attrs.get("kind") if body is not None else None
        if kind in ("prosecution", "court"):
            # "the Special Prosecutor's Office, now headed by X": its head prosecutes or judges
            roles.append("prosecutor" if kind == "prosecution" else "judge")
            return
        if kind in STATE_KINDS or kind == "international_org":
            roles.append("official")
            return
        if kind == "ngo":
            roles.append("defender")
            return
    if LAWYER_OF_LIST.search(near):
        roles.append("lawyer")
        return
    if AUTHOR_BEFORE.search(near) or OUTLET_HEAD_BEFORE.search(near):
        roles.append("journalist")  # "an article by X", "the paper's founder, X"
        return
    if (kin_of := KIN_OF_DESCRIBED_BEFORE.search(near)) and not EX_BEFORE.search(
        near, 0, kin_of.start()
    ):
        # "the sons of the detained lawyer, A": kin, and the lawyer is someone else
        roles.append("relative")
        gender = GENDER_NOUNS.get(kin_of.group(1)) or KIN_PLURALS.get(kin_of.group(1))
        if gender and gender != "unknown" and not APPOSED_KIN.search(near, 0, kin_of.start()):
            p.attrs["gender"] = gender  # not "A, the daughter of a judge, B": B is the judge
        return
    hit = _title_before(before)
    if not hit and before.endswith(", ") and (body := BODY_OF_POST.search(near)):
        # "the investigating judge of the Zenda Criminal Court, Mr. X": the post, its body named
        # after it, then the person who holds it
        cut = near[: body.start()] + " "
        post = _title_before(cut)
        if post and post[0] in ("judge", "prosecutor"):
            roles.append(post[0])
            return
    if not hit and before.endswith(", ") and " the " in near:
        # "the prosecutor in charge of the case, X", "an investigating judge at the
        # counterterrorism unit, X", "the lawyer engaged by the family, X": the post, what it is
        # in charge of or who chose its holder, then who holds it
        for m in PHRASE_OPENS.finditer(near):
            if PHRASE_AFTER_POST.match(near, m.start()):
                post = _title_before(near[: m.start()] + " ")
                if post and post[0] == "lawyer":
                    # engaged by someone: acts for others; else a lawyer, or a defender who is
                    # one ("two lawyers of the clinic, A"), decided later
                    roles.append("lawyer" if " by" in m.group() else "lawyer?")
                    return
                if post and post[0] in ("judge", "prosecutor"):
                    roles.append(post[0])
                    return
                if post and post[0] == "official" and STATE_AGENT_AFTER.match(post[2].group(0)):
                    # "the security service investigator in charge of the case, X": a state agent
                    roles.append("official")
                    return
    if hit:
        r1, r2, m = hit
        lead = ARTICLE_END.sub("", before[: m.start()])
        kin = GENDER_NOUN_RE.search(lead)
        if kin and ents is not None and _kin_of_another(lead[: kin.start()], ents):
            kin = None  # "A B, whose father, Justice X": kin of someone else
        if kin:  # "his wife, the journalist X"
            roles.append("relative")
            if GENDER_NOUNS[kin.group(1)] != "unknown":
                p.attrs["gender"] = GENDER_NOUNS[kin.group(1)]
        joined = AND_END.match(before[: m.start()])
        first = _title_before(joined.group(1) + " ") if joined else None
        if first and first[0] != r1:  # "the lawyer and trade unionist X": both
            roles.append("lawyer" if first[0] == "lawyer" else first[0])
        if r1 == "lawyer" and not (
            POSSESSIVE_LAWYER.search(before) or POSSESSIVE_LAWYER.search(before[: m.start()])
        ):
            # "his lawyer, Me X": the possessive before the style of address
            roles.append("lawyer?")  # a lawyer, or a defender who is one: decided later
            return
        if r1 == "official" and _civil_body_before(before[: m.start()], ents):
            # "SCM President X", "Zenda Watch’s Asia Director, X": a post in a civil society
            # group; quoted only, the issuer's staff (decided in person_roles)
            roles.append("defender")
            p.attrs["_civil_post"] = True
            positions.append({"title": clean(m.group(0)).rstrip(","), "organisation": None})
            return
        roles.append(r1)
        if r2:
            roles.append(r2)
        if COLLEAGUE_TITLE.match(m.group(0)):
            p.attrs["_colleague"] = True  # "her colleague X": in her line of work, read later
        if r1 in ("official", "judge") and m.group(0)[:1].isupper():
            positions.append({"title": clean(m.group(0)).rstrip(","), "organisation": None})
        return
    key = _post_key(before)
    m = STATE_POST_BEFORE.search(before, max(0, key.start() - 60)) if key else None
    if m and CLAUSE_VERB.search(m.group("t")):
        m = None  # "the Minister of Justice A B ordered the arrest of": a clause, not a post
    if m and _is_state_post(m.group("t")) and _civil_body_before(before[: m.start()], ents):
        # "the coalition's spokesperson, X": the post is held in a civil body, as in the title
        # branch above
        roles.append("defender")
        p.attrs["_civil_post"] = True
        positions.append({"title": clean(m.group("t")), "organisation": None})
        return
    if m and _is_state_post(m.group("t")):
        title = clean(m.group("t"))
        roles.append("prosecutor" if re.search(r"(?i)prosecut|procura", title) else "official")
        positions.append({"title": title, "organisation": None})
        return
    m = (
        GENDER_NOUN_END.search(near)
        or KIN_OF_BEFORE.search(near)
        or KIN_THEN_DESCRIBED_BEFORE.search(near)
    )
    if m and EX_BEFORE.search(near, 0, m.start()):
        m = None  # "her former husband, X": no longer kin of anyone in the case
    if m and ents is not None and _kin_of_another(near[: m.start()], ents):
        m = None  # "Ana Lee's brother X", "A B, whose father, X,": kin of someone else
    if m:
        roles.append("relative")
        if GENDER_NOUNS.get(m.group(1), "unknown") != "unknown":
            p.attrs["gender"] = GENDER_NOUNS[m.group(1)]
        return
    if (role := _post_of_named_body(before, ents)) is not None:
        # "the Deputy Chairman of the GKNB, X", "the head of the PDH, Mr. X": a post of a body
        # the text names, and the body's kind says whose side the post is on
        roles.append(role)
        if role == "defender":
            p.attrs["_civil_post"] = True
        return
    if (
        ents is not None
        and (its := ITS_HEAD_BEFORE.search(near))
        and (
            THE_OUTLET_BEFORE.search(before, 0, len(before) - len(near) + its.start())
            or _last_body_kind(before[: len(before) - len(near) + its.start()], ents) == "media"
        )
    ):
        # "... searched the office of Vela Media and held its founder, X": an outlet's head;
        # "The magazine's editor, A, and its co-founder, X": the outlet told by its noun
        roles.append("journalist")
        return
    if (
        ents is not None
        and "whose" in near
        and (whose := WHOSE_HEAD_BEFORE.search(near))
        and (
            role := POST_ROLE_BY_KIND.get(
                _last_body_kind(before[: len(before) - len(near) + whose.start()], ents) or ""
            )
        )
    ):
        # "the Vela Women's Association (VWA), whose president, X, ...": the post of the body
        # named right before, on the side its kind says
        roles.append(role)
        if role == "defender":
            p.attrs["_civil_post"] = True
        return
    if APPOSED_MEMBER.search(near):
        roles.append("defender")
        return
    m = POST_OF_BEFORE.search(before[-2 * NEAR_SPAN :])
    # a head word of a civil body makes the post one of it ("President of the Vela
    # Association"); the portfolios listed after a comma are no body's name
    if m and not any(w in ORG_HEADS and ORG_HEADS[w] not in STATE_KINDS
                     for w in m.group("t").split(",")[0].split()):  # fmt: skip
        roles.append("prosecutor" if "Prosecutor" in m.group("t") else "official")
        if "Prosecutor" in m.group("t"):
            roles.append("official")
        positions.append({"title": clean(m.group("t")), "organisation": None})
        return
    if near.rstrip().endswith(("deputy", "colleague")) and DEPUTY_BEFORE.search(near):
        roles.append("defender")
        p.attrs["_colleague"] = near.rstrip().endswith("colleague")
        return
    if DESCRIBED_BEFORE.search(near):
        p.attrs["_described"] = True  # "his driver, X": said to be someone, not a defender
    elif "o-" in near and CO_ACCUSED_BEFORE.search(near):
        # "his co-defendant, X", "co-accused writer X": tried beside the one the appeal is
        # about, and said to be no more (coded other); still a target of the steps of the trial
        p.attrs["_described"] = True
        p.attrs["accused"] = True


#: A body named after a post, then a comma, right before a name: "the investigating judge of
#: the Zenda Criminal Court, X", "the prosecutor in the Vela District, X".
BODY_OF_POST = re.compile(
    r"\s+(?:of|at|in|for)\s+(?:the\s+)?[A-ZÀ-ÞĀ-Žİ][\w’'-]*"
    # ("the Prosecutor of the Republic in Vela, X": the seat after the body)
    r"(?:\s+(?:[A-ZÀ-ÞĀ-Žİ][\w’'-]*|of|for|the|and|on|with|in))*,\s*$"
)
#: A lower-case phrase after a post, then a comma, right before a name: "the prosecutor in charge
#: of the case, X", "an investigating judge at the counterterrorism unit, X".
PHRASE_OPENS = re.compile(
    r"\s+(?:in charge of|at|of|in|for|with|on|(?:engaged|hired|retained|appointed|chosen) by)"
    r"\s+(?:the|this)\s"
)
PHRASE_AFTER_POST = re.compile(
    r"\s+(?:in charge of|at|of|in|for|with|on|(?:engaged|hired|retained|appointed|chosen) by)"
    r"\s+(?:the|this)\s+[a-z][^,.;:()\"“”]{0,50},\s*$"
)
#: One tried with another, named so and with no word for what they do that the rules above
#: read: "his co-defendant, X", "co-accused writer X".
CO_ACCUSED_BEFORE = re.compile(
    r"\b[Cc]o-(?:defendants?|accused)\s*,?\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+)?$"
)
#: A part named before the person who plays it, joined by "is" or "was": "The presiding judge
#: was X", "Her lawyer is X". What the part says is read as a title before the name.
PART_IS_BEFORE = re.compile(
    r"(?:^|[.;:]\s+|\b[Tt]he\s+|\b[Hh]is\s+|\b[Hh]er\s+|\b[Tt]heir\s+)"
    r"(?:[\w-]+\s+){0,2}[a-z][\w-]+"
    r"(?P<v>(?:\s+in\s+(?:the|this|her|his|their)\s+case)?\s+(?:is|was)\s+)$"
)
PROSECUTION_WORD = re.compile(r"(?i)prosecut|procura")
#: A former spouse: "her former husband", "his ex-wife".
EX_BEFORE = re.compile(r"\b(?:former|ex-?)\s*$")
#: "According to his wife, ": a source set off by its comma. The name after it is the kin where
#: the text names them there first ("According to his brother, X, he was beaten"), but the
#: sentence's subject where it was named before ("According to his wife, X has lost weight").
KIN_SOURCE_BEFORE = re.compile(
    r"\b(?:[Aa]ccording to|[Ii]n the words of) (?:his|her|their) (?:[\w-]+ ){0,2}?[\w-]+,\s*$"
)
GENDER_NOUN_END = TailPattern(GENDER_NOUN_RE, ends=GENDER_NOUNS, strip=",")
#: A colleague named with no workplace: "colleague X", "Their colleague, X".
COLLEAGUE_TITLE = re.compile(r"[Cc]olleagues?,?\s*$")
#: "his deputy X", "her colleague X": one who works with the defender.
DEPUTY_BEFORE = re.compile(r"\b(?:his|her|their)\s+(?:deputy|colleague)\s*$")
#: "The wife of X, Y", "the parents of X, A and B": the kin of a person named, then the name.
KIN_OF_BEFORE = re.compile(
    rf"\b({'|'.join(sorted(GENDER_NOUNS, key=len, reverse=True))}|parents|children|sons|"
    r"daughters|brothers|sisters|relatives|nephews|nieces|cousins|grandchildren) of "
    r"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?"
    r"(?:[A-ZÀ-ÞĀ-Žİ][\w’'-]+\s+){0,3}[A-ZÀ-ÞĀ-Žİ][\w’'-]+,\s*$"
)
KIN_OF_BEFORE = TailPattern(KIN_OF_BEFORE, ends=(",",))
#: The kin of someone described but not named, then the names: "the sons of the detained
#: lawyer, A and B", "the brother of a youth leader, X". The description is the possessor's; the
#: names after it are the kin's.
KIN_PLURALS = {"parents": "unknown", "children": "unknown", "sons": "male", "daughters": "female",
               "brothers": "male", "sisters": "female", "relatives": "unknown",
               "nephews": "male", "nieces": "female", "cousins": "unknown",
               "grandchildren": "unknown", "grandsons": "male", "granddaughters": "female",
               "stepchildren": "unknown", "stepsons": "male",
               "stepdaughters": "female"}  # fmt: skip
KIN_OF_DESCRIBED_BEFORE = re.compile(
    rf"\b({'|'.join(sorted([*GENDER_NOUNS, *KIN_PLURALS], key=len, reverse=True))}) of "
    r"(?:the|a|an|his|her|their|its)\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*,\s*$"
)
KIN_OF_DESCRIBED_BEFORE = TailPattern(KIN_OF_DESCRIBED_BEFORE, ends=(",",), needs=(" of ",))
#: A kinship noun set off after a name: "A, the daughter of a retired judge, B" (B is the judge).
APPOSED_KIN = re.compile(r"[\w’'.)],\s+(?:the|a|an)\s+$")
#: A kinship noun, then a description of the one it names: "her husband, the engineer X".
KIN_THEN_DESCRIBED_BEFORE = re.compile(
    rf"(?<![\w-])({'|'.join(sorted(GENDER_NOUNS, key=len, reverse=True))}),\s+"
    r"(?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*\s+$"
)
KIN_THEN_DESCRIBED_BEFORE = TailPattern(KIN_THEN_DESCRIBED_BEFORE, needs=(", the ", ", a"))
#: A plural kinship noun of the one just spoken of, before the names it lists: "her parents,
#: A and B", "his two brothers A and B".
KIN_PLURAL_BEFORE = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[A-ZÀ-ÞĀ-Žİ][\w’'-]+[’']s?)\s+(?:[\w-]+\s+)?(?:parents|children|"
    r"sons|daughters|brothers|sisters|relatives|cousins|nephews|nieces|grandchildren|"
    r"grandparents),?\s*$"
)
KIN_PLURAL_BEFORE = TailPattern(
    KIN_PLURAL_BEFORE,
    ends=(
        "parents",
        "children",
        "sons",
        "daughters",
        "brothers",
        "sisters",
        "relatives",
        "cousins",
        "nephews",
        "nieces",
        "grandchildren",
        "grandparents",
    ),
    strip=",",
)
#: A lower-case description in brackets right after a name: "A (journalist)".
ROLE_IN_BRACKETS = re.compile(r"\s*\((?P<t>[a-z][\w’' -]{1,40})\)")
#: "X (her son)": a kinship noun in brackets right after the name.
KIN_IN_BRACKETS = re.compile(
    rf"\s*\((?:his|her|their|[A-ZÀ-ÞĀ-Žİ][\w’'-]+[’']s?)\s+"
    rf"({'|'.join(sorted(GENDER_NOUNS, key=len, reverse=True))})\)"
)
#: A lower-case description right before a name that none of the rules above read: "his
#: driver, X", "the principal of the school, X", "a local resident, X".
DESCRIBED_BEFORE = re.compile(
    r"(?:^|[,.;:]\s*|\b(?:and|with|by|of|to|including)\s+)"
    r"(?:(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Aa]n?|[Ii]ts)\s+)?(?:[a-z][\w-]*\s+){0,3}"
    r"(?:driver|principal|owner|neighbou?r|businessman|businesswoman|executive|manager|"
    r"employee|resident|friend|guard)"
    r"(?:\s+of\s+(?:the\s+)?[^,.;]{1,40})?,?\s*$"
)
DESCRIBED_BEFORE = TailPattern(
    DESCRIBED_BEFORE,
    needs=(
        "driver",
        "principal",
        "owner",
        "neighbo",
        "business",
        "executive",
        "manager",
        "employee",
        "resident",
        "friend",
        "guard",
    ),
)

#: A post in the state named before a person, with what it is a post of: "the head of the State
#: Security Service, X", "police spokesperson X", "UN High Commissioner for Human Rights X",
#: "former interior minister X".
STATE_POST = re.compile(
    r"(?P<t>(?:(?:[Tt]he|[Ff]ormer|[Tt]hen|UN|[Dd]eputy|[Vv]ice|[Aa]cting|[Ss]enior|[Hh]igh|"
    r"[Ss]pecial|police|court|army|prison|government|interior|justice|foreign|defen[cs]e|"
    r"security|state|provincial|regional|local|city|district|county|Interior|Justice|Foreign|"
    r"Defen[cs]e|Security|Police|Army|Prison)[- ])*"
    r"(?:[Hh]ead|[Cc]hief(?: [Ee]xecutive)?|[Dd]irector[- ][Gg]eneral|"
    r"[Ss]pokes(?:person|man|woman)|"
    r"[Ss]ecretary|[Cc]ommissioner(?:[- ][Gg]eneral)?|[Ii]nspector[- ][Gg]eneral|Public Defender|"
    r"[Oo]mbudsman|[Mm]inister|[Gg]overnor|[Mm]ayor|[Rr]apporteur|Permanent Representative|"
    r"[Ss]uperintendent|"
    r"(?:Sub-)?Inspector|King|Queen|Emir|Sultan)"
    r"(?: (?:of|for|on) (?:the )?[^,.;()]{2,70}?"
    # "a police commissioner in Vela": the post where it is held
    r"| in (?:the )?[A-ZÀ-ÞĀ-Žİ][\w’'-]+(?: [A-ZÀ-ÞĀ-Žİ][\w’'-]+){0,2})?)"
)
STATE_POST_AFTER = re.compile(
    # (after the name, a possessive owner may open the post: "X, the government's chief
    # spokesperson", "X, the Vela Front's spokesperson"; not a civil body's: "the coalition's")
    r"(?:(?:[Tt]he\s+)?(?:[A-Z][\w-]+|government|ministry|state|country|regime|junta|army|"
    r"military|presidency|province|region|city)[’']s\s+(?:[Cc]hief\s+)?(?=[a-z]))?"
    + STATE_POST.pattern
    + r"(?=$|\s*\(|\s+(?:who|which|and|since|until)\b)"
)
STATE_POST_BEFORE = re.compile(STATE_POST.pattern + r",?\s*$")
#: A verb of a clause, which no post's name holds: "ordered", "said", "took", an infinitive
#: with its object ("to discontinue the", not "the right to adequate housing").
CLAUSE_VERB = re.compile(
    r"\b(?!armed\b|united\b)[a-z]{3,}ed\b|\b(?:said|says|told|gave|took)\b"
    r"|\bto [a-z]{3,} (?:the|a|an|his|her|their|its|all|any)\b"
)
#: A word every post of STATE_POST holds: the long pattern is tried only near one.
POST_KEY = re.compile(
    r"(?i:\b(?:head|chief|director|spokes(?:person|man|woman)|secretary|commissioner|inspector|"
    r"public defender|ombudsman|minister|governor|mayor|rapporteur|representative|superintendent|"
    r"king|queen|emir|sultan)\b)"
)
#: The words of POST_KEY in lower case: a text of ASCII letters holds a match only if its
#: lower-case copy holds one of them (case-blind matching folds no other character to these).
POST_KEY_WORDS = ("head", "chief", "director", "spokes", "secretary", "commissioner",
                  "inspector", "public defender", "ombudsman", "minister", "governor", "mayor",
                  "rapporteur", "representative", "superintendent", "king", "queen", "emir",
                  "sultan")  # fmt: skip


def _post_key(before: str) -> re.Match[str] | None:
    """``POST_KEY.search(before)``; the pattern is not run over an ASCII text that holds
    none of its words (most of them)."""
    if before.isascii():
        low = before.lower()
        for w in POST_KEY_WORDS:  # a loop, not ``any`` over a generator
            if w in low:
                break
        else:
            return None
    return POST_KEY.search(before)


#: Posts that are posts in the state whatever follows them.
STATE_POST_WORD = re.compile(
    r"(?i:minister|governor|mayor|ombudsman|permanent representative|public defender|"
    r"inspector[- ]general|rapporteur|high commissioner|superintendent|inspector|king|queen|"
    r"emir|sultan|spokes(?:person|man|woman)$)|Chief Executive"
)
STATE_WORDS = frozenset(
    "Judiciary Republic Nation State Security Police Interior Kingdom Government Army "
    "Intelligence Defence Defense Justice Security Prosecution Presidency".split()
)


def _is_state_post(title: str) -> bool:
    """A post in the state: by its word, or by the state body it is a post of."""
    m = re.search(r" (?:of|for|on) ", title)
    post, body = (title[: m.start()], title[m.end() :]) if m else (title, "")
    words = body.replace("’s", "").split()
    if re.search(r"(?i)permanent representative|ambassador", post):
        return True  # of a state, to an international body: "... to the United Nations Office"
    if LOCAL_COUNCIL.search(body):
        return True  # "the head of the Vela municipal council": local government
    if any(w in ORG_HEADS and ORG_HEADS[w] not in STATE_KINDS for w in words):
        return False  # the director of an association is no official

    if STATE_POST_WORD.search(post) or re.match(
        r"(?i)(?:the |UN )*(?:police|court|army|prison|"
        r"government) ",
        post,
    ):
        return True
    return any(
        w in STATE_WORDS
        or ORG_HEADS.get(w) in STATE_KINDS
        or ORG_HEADS.get(w.capitalize()) in STATE_KINDS
        for w in words
    )


#: A council of local government, which a council named for a cause is not ("the Council for
#: Civil Liberties").
LOCAL_COUNCIL = re.compile(
    r"(?i)\b(?:municipal|city|town|village|district|county|provincial|regional|local|communal|"
    r"rural|urban) council\b"
)
#: Words that make a body named for rights one of the state: "National Human Rights
#: Commission", "Human Rights Ombudsman", "Ministry of Justice and Human Rights".
STATE_RIGHTS_BODY = re.compile(
    r"\b(?:National|State|Commission|Commissioner|Ombuds\w*|Ministry|Minister|Council|Secretary|"
    r"Parliament\w*|Committee of the|Government|Presidential|Court)\b"
)
OFFICIAL_WORDS = re.compile(
    r"(?<![-\w])(?:Mayor|President|Minister|Governor|Commissioner|Rapporteur|Ombudsman|"
    r"Adviser|Advisor|Prefect|Senator|Ambassador|Attorney General|Prosecutor General|"
    r"Cabinet Secretary|Secretary of State|Home Secretary)\b"
)
#: The post opens the description ("then National Security Adviser"), not a clause about
#: something else ("was shown an order signed by the President").
#: A preposition among those words makes the post another's: "appealed to the Ombudsman".
OFFICIAL_DESC = re.compile(
    r"(?:(?!(?:to|by|with|from|against|before|at|on)\s)[\w’'-]+\s+){0,4}?("
    + OFFICIAL_WORDS.pattern
    + ")"
)
LEAD_TITLES = re.compile(
    r"(?:former |then |the )?(?:(?:national |general |programme |program )?coordinator|chair|"
    r"chairman|chairwoman|chairperson|head|director|founder|co-founder|deputy|secretary[- ]general|"
    r"president|spokesperson|leader)\b",
    re.I,
)
#: The owner of the body a post is in, named by a possessive: "Chair of Zembla Watch's
#: Prisoners Committee".
OWNER_OF_BODY = re.compile(
    r"\b(?:of|at) (?:the )?(?P<poss>[A-Z][\w-]*(?: [A-Z][\w-]*){0,4})[’']s [A-Z]"
)
#: "Another leader of the community, X": a member or leader of a group named before the name.
APPOSED_MEMBER = re.compile(
    r"\b(?:leader|member|founder|co-founder|coordinator|activist|defender)s? of [^,.;()]{2,50},\s*$"
    r"|\b(?:its|their|the group's|the union's) (?:leader|founder|co-founder|coordinator|"
    r"chairperson|chairman|chairwoman)s?,\s*$"
)
APPOSED_MEMBER = TailPattern(APPOSED_MEMBER, ends=(",",))
#: "X, a member of the Dravnik Bar Association", "X, a long-standing member of the Law Society
#: of Y": a member of a bar is a lawyer.
BAR_MEMBER_AFTER = re.compile(
    r",\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}member of the\s+(?:[A-Z][\w’'-]*\s+){0,4}"
    r"(?:Bar(?:\s+Association|\s+Council)?|Law\s+Society)\b"
)
#: A post that heads or speaks for a body, then the body named, a comma and the name: "the
#: Deputy Chairman of the GKNB, X", "the head of the Ombudsman's Office, X".
POST_OF_BODY_BEFORE = re.compile(
    # "the editor of the X, A"; "her editor at the X, A", "Lin's editor at X, A": whose the post
    # is said of the person it serves
    r"\b(?:[Tt]he|[Ii]ts|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[A-ZÀ-ÞĀ-Žİ][\w’'-]*[’']s)\s+"
    # "an official of the Ministry of the Interior, X", "a local official of the ruling party,
    # X": one who serves a body, its kind says on whose side
    r"(?:(?:local|senior|high-ranking|regional|district|provincial)\s+)?"
    r"(?P<t>(?:[Oo]fficial|[Oo]fficer|[Rr]epresentative)|(?:(?:[Dd]eputy|[Vv]ice|[Aa]cting|"
    r"[Ee]xecutive|[Ff]ormer)"
    r"[- ])?(?:[Hh]ead|[Cc]hair(?:man|woman|person)?|[Pp]resident|[Dd]irector(?:[- ][Gg]eneral)?|"
    r"[Cc]ommander|[Ss]pokes(?:person|man|woman)|[Ss]ecretary(?:[- ][Gg]eneral)?|[Cc]oordinator|"
    r"(?:[Cc]o-)?[Ff]ounder|[Tt]reasurer|[Ll]egal [Rr]epresentative|[Cc]hief|[Mm]ember|"
    # the posts of a newsroom: "the editor of the Kastra Times, X"
    r"[Ee]ditor(?:[- ]in[- ][Cc]hief)?|[Cc]orrespondent|[Rr]eporter))"
    r" (?:of|at) "
    # ("the director of the listener-funded outlet Radio Vela": the kind of body before its name)
    r"(?P<body>(?:the\s+)?(?P<ruling>(?:ruling|governing)\s+)?(?:[a-z][\w-]*\s+){0,3}?"
    r"[A-ZÀ-ÞĀ-Žİ][^,.;()“”\"]{0,80}?)"
    r"(?:\s*\([^()]{1,40}\))?,\s*$"
)
POST_OF_BODY_BEFORE = TailPattern(POST_OF_BODY_BEFORE, ends=(",",), needs=(" of ", " at "))
#: "Vela Media’s director, ": a post of a body named in the possessive before it.
BODY_POST_BEFORE = re.compile(
    r"(?P<body>(?:[A-ZÀ-ÞĀ-Žİ][\w’'-]*\s+){0,4}[A-ZÀ-ÞĀ-Žİ][\w-]*)[’']s\s+"
    r"(?:(?:deputy|executive|acting|managing)\s+)?(?:director|editor(?:-in-chief)?|founder|"
    r"co-founder|head|chief|president|chair(?:man|woman|person)?|owner|publisher|coordinator),\s*"
    r"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?$"
)
#: The role a post of a body gives, by the body's kind.
POST_ROLE_BY_KIND = {**dict.fromkeys(STATE_KINDS, "official"), "international_org": "official",
                     "ngo": "defender", "media": "journalist"}  # fmt: skip


#: Lower-case words before a body's name that say what kind of body it is: "listener-funded outlet".
KIND_BEFORE_NAME = re.compile(r"(?:[a-z][\w-]*\s+){1,3}(?=[A-ZÀ-ÞĀ-Žİ])")


def _post_of_named_body(before: str, ents: Entities | None) -> str | None:
    """The role of one named right after a post of a body the text names as an organisation
    (by its name or a short form), read from the body's kind; None where the body is not one
    the text names, or is of a kind that says nothing of the post."""
    if ents is None or "," not in before[-3:]:
        return None
    m = POST_OF_BODY_BEFORE.search(before[-160:])
    if not m and (owned := BODY_POST_BEFORE.search(before[-120:])):
        # "Vela Media’s director, X": the post of the body named in the possessive
        o = ents.find("organisation", owned.group("body"))
        return POST_ROLE_BY_KIND.get(o.attrs.get("kind")) if o is not None else None
    if not m:
        return None
    if m.group("ruling"):
        return "official"  # "a local official of the ruling X Party, Y": the party in power
    # "the Vela Courier newspaper": the body's name without the common noun after it
    body = re.sub(r"(?:\s+[a-z][\w-]*)+$", "", re.sub(r"^[Tt]he\s+", "", m.group("body")))
    o = ents.find("organisation", body)
    if o is None and (named := KIND_BEFORE_NAME.match(body)):
        # "the listener-funded outlet Radio Vela": the kind of body before its name
        o = ents.find("organisation", body[named.end() :])
    role = POST_ROLE_BY_KIND.get(o.attrs.get("kind")) if o is not None else None
    if role == "defender" and m.group("t").lower() == "member":
        return None  # a member of a civil body is read as one (APPOSED_MEMBER), not as its post
    return role


#: "its founder, X": the head of the body spoken of last.
ITS_HEAD_BEFORE = re.compile(r"\b[Ii]ts (?:co-)?(?:founder|owner|director|head|chief)s?,\s*$")
ITS_HEAD_BEFORE = TailPattern(ITS_HEAD_BEFORE, ends=(",",), needs=("its ", "Its "))


#: "its secretary, X", "and its treasurer, Ms. X": a post of the body spoken of last.
ITS_POST_BEFORE = re.compile(
    # ("the network's coordinator, X": the body named by its common noun, in the possessive)
    r"\b(?:[Ii]ts|[Tt]he (?P<noun>(?i:network|association|group|union|organi[sz]ation|collective|"
    r"coalition|movement|committee|cent(?:re|er)|league|federation|alliance|forum|platform))[’']s) "
    r"(?:(?:vice|deputy|co)[- ])?(?:president|chair(?:man|woman|person)?|coordinator|"
    r"secretary(?:[- ]general)?|treasurer|spokes(?:person|man|woman)|director|founder|head|"
    r"leader|member|volunteer|board member"
    # ("the network's programme officer, X": a staff post, said only of a body named by its
    # common noun; "its programme officer" may be a state body's)
    r"|(?<=[’']s )(?:staff member|researcher|"
    r"(?:programme|program|project|field|legal|communications|advocacy) officer)),\s*"
    r"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?$"
)
ITS_POST_BEFORE = TailPattern(ITS_POST_BEFORE, needs=("its ", "Its ", "’s ", "'s "))
ITS_REACH = 600
#: "the station manager, X", "the director, X": a post with no body named after it, held in the
#: body named last.
THE_POST_BEFORE = re.compile(
    r"(?:^|[;,.]\s+|\b(?:and|detained|arrested|summoned|questioned)\s+)[Tt]he\s+"
    r"(?:(?:station|general|managing|executive|deputy|news)\s+)?(?:director|manager|founder|"
    r"owner|publisher|editor|coordinator|president|chair(?:man|woman|person)?|secretary|"
    r"spokes(?:person|man|woman)),\s*(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?$"
)
THE_REACH = 300


def _last_named_body_kind(text: str, ents: Entities, noun: str | None = None) -> str | None:
    """The kind of the organisation named last in ``text`` by a name with a capital ("the
    police" in lower case is a body spoken of, not the one "its" points back to); with
    ``noun`` ("the network's"), the last one whose name holds that noun, else a civil body's."""
    end, kind, known = -1, None, set()
    for o in ents.of("organisation"):
        if noun and noun.lower() not in (o.name or "").lower():
            continue
        for n in (o.name, *o.variants):
            if not n or not n[:1].isupper():
                continue
            known.update(ACRONYM.findall(n))
            if (i := text.rfind(n)) >= 0 and i + len(n) > end:
                end, kind = i + len(n), o.attrs.get("kind")
    if end < 0 and noun:
        return "ngo"  # "the movement's secretary general": a civil body, named in words of its own
    if end < 0 or set(ACRONYM.findall(text[end:])) - known:
        return None  # "the president of the LBDP, X, its treasurer": a body read under no name
    return kind


ACRONYM = re.compile(r"\b[A-Z]{2,}\b")


#: "X (XA), whose president, Y": the head of the body named right before the relative clause.
WHOSE_HEAD_BEFORE = re.compile(
    r"[,)]\s*whose (?:(?:vice|deputy|co)[- ])?(?:president|chair(?:man|woman|person)?|director|"
    r"head|founder|coordinator|leader|secretary[- ]general|editor(?:[- ]in[- ]chief)?|"
    r"spokes(?:person|man|woman)),\s*$"
)


def _last_body_kind(text: str, ents: Entities) -> str | None:
    """The kind of the organisation named last in ``text`` (by its name or a short form)."""
    at, kind = -1, None
    for o in ents.of("organisation"):
        for n in (o.name, *o.variants):
            if n and (i := text.rfind(n)) > at:
                at, kind = i, o.attrs.get("kind")
    return kind


#: "The Minister of Interior, A B," / "Governor of X Province A B": a state post before the name.
POST_OF_BEFORE = re.compile(
    r"\b(?P<t>(?:Deputy |Vice[- ])?(?:Prime Minister|Minister|Mayor|Governor|President|Prefect|"
    r"Attorney General|Prosecutor General|Ambassador|Commander|Chief)(?: of| for)(?: the)?"
    r"(?: [A-Z][\w’'\-]+| of| and){1,5}"
    # a ministry of several portfolios: "Minister of the Interior, Community Development and
    # Public Security"
    r"(?:(?:,(?: [A-Z][\w’'\-]+){1,3})+ and(?: [A-Z][\w’'\-]+){1,3})?),?\s*$"
)
POST_OF_BEFORE = TailPattern(
    POST_OF_BEFORE,
    needs=(
        "Minister",
        "Mayor",
        "Governor",
        "President",
        "Prefect",
        "Attorney General",
        "Prosecutor General",
        "Ambassador",
        "Commander",
        "Chief",
    ),
)
#: The one who brings a complaint or a case: "a complaint by X", "a case brought ... by X",
#: "X filed a perjury complaint".
COMPLAINANT_BEFORE = re.compile(
    r"\b(?:complaint|lawsuit|suit|case|charges?)\b[^.;]{0,60}?\bby\s+"
    r"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+|[A-Z][a-z]+\s+)?$"
    # "... was filed by a local businessman, X": the one who brings it described, then named
    r"|\b(?:complaint|lawsuit|suit)\b[^.;]{0,40}?\b(?:filed|lodged|brought|submitted) by\s+"
    # ("... by a RAB officer, Major X": an acronym in the description, a rank before the name)
    r"(?:an?|the|his|her|their)\s+(?:[a-z][\w’'-]*\s+|[A-Z][\w-]*[’']s\s+|[A-Z]{2,}\s+){0,3}"
    r"[a-z][\w-]*,\s*(?:(?:Mr|Ms|Mrs|Dr)\.?\s+|[A-Z][a-z]+\s+)?$"
    # "... filed by the general manager of Vela Mining S.A., Mr. X": a lower-case post of a
    # named body, then the name
    r"|\b(?:complaint|lawsuit|suit)\b[^.;]{0,40}?\b(?:filed|lodged|brought|submitted) by\s+"
    r"(?:an?|the)\s+(?:[a-z][\w’'-]*\s+){0,2}[a-z][\w-]*\s+(?:of|at)\s+(?:the\s+)?"
    r"[A-Z][\w’'-]*(?:\s+(?:(?:of|the|and|de|del|do|da|la)\s+)*[A-Z][\w’'.-]*){0,6},\s*"
    r"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?$"
    # "... lodged by the former Minister of Justice, Mr. X": a post with its body, then the name
    r"|\b(?:complaint|lawsuit|suit)\b[^.;]{0,40}?\b(?:filed|lodged|brought|submitted) by\s+"
    r"(?:the\s+)?(?:(?:former|then|[Dd]eputy)\s+)?(?:[A-Z][\w’'-]+\s+)(?:(?:of|for|the|and)\s+|"
    r"[A-Z][\w’'-]+\s+){0,5}?[A-Z][\w’'-]+,\s*(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?$"
    r"|\bcomplaint (?:of|by|from)\b[^.]{0,60}$"
    # "... was filed by businessman X", "lodged by a local official X": described, no comma
    r"|\b(?:complaint|lawsuit|suit)\b[^.;]{0,40}?\b(?:filed|lodged|brought|submitted) by\s+"
    r"(?:an?\s+|the\s+)?(?:[a-z][\w’'-]*\s+){1,3}$"
    # "the case was opened at the request of X", "on a complaint from X"
    r"|\b(?:at the (?:request|instigation) of|on (?:a|the) complaint (?:of|by|from))\s+"
    r"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?$"
)
COMPLAINANT_BEFORE = TailPattern(COMPLAINANT_BEFORE, needs=("complaint", "suit", "case", "charge"))
#: "a report by X": the one "by" names is the author of a work, not the one who brings the
#: complaint or the charges told before it ("The charges stem from a report by X").
WORK_BY_BEFORE = re.compile(
    r"\b(?:report|article|post|book|video|statement|interview|study|column|speech|story|"
    r"publication|letter|tweet|poem|song|film|documentary|investigation|novel|play)s?\s+by\s+"
    r"(?:(?:the|an?)\s+(?:[a-z][\w-]*\s+){0,3})?(?:(?:Mr|Ms|Mrs|Dr)\.?\s+|[A-Z][a-z]+\s+)?$"
)
COMPLAINANT_AFTER = re.compile(
    # (an apposition may hold a long post: "X, the Vela Province Minister for Roads and Public
    # Works, filed a complaint")
    r"(?:,[^,.;]{0,130},|,)?\s+(?:who\s+)?(?:had\s+|then\s+|also\s+)?(?:(?:filed|lodged|submitted|"
    r"brought)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}(?:complaint|lawsuit|suit|petition)"
    r"(?P<against>\s+against\b)?|sued\b|petitioned\s+(?:the\s+)?[A-Z])"
)
SIGNATURE_TITLE = re.compile(
    r"[ \t]*\n\s*(?P<t>(?:Chair-Rapporteur|Special Rapporteur|President|Minister|"
    r"(?:Vice-)?Chair(?:person)?|Director|Secretary|Commissioner|Independent Expert|"
    r"Member of the Working Group|"
    # an addressee's post line: "Attorney General and Head of the Public Ministry", "Human
    # Rights Ombudsman", "Prosecutor General of Zembla"
    r"(?:[A-Z][\w’'-]+ ){0,3}(?:Ombuds(?:man|person|woman)|Attorney[- ]General|"
    r"Prosecutor[- ]General|Procurator[- ]General|Inspector[- ]General|Prime Minister|"
    r"Governor|Mayor|Ambassador|Permanent Representative|Public Defender|Chief Justice))"
    r"\b[^\n]{0,120})"
)


#: A mandate post in brackets after a name, as UN press releases list their experts: "X
#: (Chair-Rapporteur), Y (Vice-Chair), Working Group on ...".
POST_IN_BRACKETS = re.compile(
    r"\s*\((?P<t>(?:Vice-)?Chair(?:-Rapporteur|person)?(?: on [\w -]{2,30})?|Rapporteur)\)"
)


EMPLOYEE_OF = re.compile(r"employees? of")
SUFFIX_DOT = re.compile(r"^\.(?=,)")
AND_NAME_BEFORE_SHARED = re.compile(
    r"^\s+and\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?(?:[A-ZÀ-ÞĀ-Žİ][\w’'\-]+\s*){1,4}"
    r"(?=,|\s+(?:acting|appearing|for the|are|were)\b)"
)
PRESIDING = re.compile(r"\s+presiding")
APPOSITION = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:,\s*(?:who\s+(?:is|was)\s+)?|\s+(?:is|was|(?P<are>are|were))\s+)"
    r"(?:also\s+)?"
    # "A and B, both journalists with Y": what the list's people each are
    r"(?:(?:a|an|the|his|her|then|now|(?P<both>both|all|each))\s+)?"
    # (up to the next honorific, the next name of a list of addressees: "... Prosecutor's
    # Office / Mr A B, Human Rights Ombudsman")
    r"(?P<desc>(?:(?!\b(?:Mr|Ms|Mrs|Dr|Mme)\s)[^,;.]){2,80})"
)
#: A comma and a name after a short description: "the judge, Ihar Kaval".
NEXT_NAME = re.compile(r",\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?(?=[A-ZÀ-ÞĀ-Žİ])")


def _introduces_next_name(
    after: str, m: re.Match[str], end: int, p: Entity, ents: Entities
) -> bool:
    """Whether the description after a name, of at most three words, is followed by a comma and
    another person's name: then it is that person's title, told before the name."""
    if len(m.group("desc").split()) > 3:
        return False
    nxt = NEXT_NAME.match(after, m.end())
    if not nxt:
        return False
    at = end + nxt.end()
    return any(a == at for q in ents.of("person") if q is not p and q.name for a, _ in q.mentions)


VICE_OR_DEPUTY = re.compile(r"(?:Vice|Deputy)")
PROSECUTION_STEM = re.compile(r"(?i)prosecut|procura")
LAWYER_FOR = re.compile(
    r"lawyer (?:who|representing|for)\b|(?:[Ss]enior |[Dd]efen[cs]e )?[Cc]ounsel\b"
)
ACTIVIST_DESC = re.compile(
    # (one activist: "the report quotes the activists' posts" describes no one)
    r"(?:(?!public\b|former\b)[\w-]+ ){0,4}(?:defender|activist)\b|"
    r"(?:(?!public\b|former\b)[\w-]+ ){0,2}(?:defenders|activists)\b|.*\b(?:civic )?activist\b|"
    r"(?:an? )?(?:organi[sz]er|campaigner) (?:with|of|for)\b"
)
WHO_GOVERNED = re.compile(
    r"who (?:governed|ruled|was (?:then )?(?:the )?(?:governor|mayor|minister|"
    r"president|prime minister))\b"
)
THE_GROUP = re.compile(r"\b(?:the|its|their) (?:organi[sz]ation|network|group)")
#: A word of media work after up to two words, the plural allowed after "both", "are" (by
#: whether the description is of several people).
MEDIA_WORK_DESC = (
    # ("the outlet’s camera operator": the outlet in the possessive)
    re.compile(rf"(?:[\w’'-]+ ){{0,2}}{MEDIA_WORK}\b"),
    re.compile(rf"(?:[\w’'-]+ ){{0,2}}{MEDIA_WORK}s?\b"),
)


#: An honorific right before a name, by the gender it tells.
GENDERED_HONORIFIC_END = re.compile(r"\b(?:(?P<f>Ms|Mrs|Miss|Mme)|(?P<m>Mr))\.?\s+$")


def _honorific_clash(before: str, kin: str) -> bool:
    """The honorific before a name tells a gender the kin noun after it does not ("Ms. Ana
    Lee, her husband"): the kin noun is the next item of a list, not what she is."""
    gender = GENDER_NOUNS.get(kin, "unknown")
    hon = GENDERED_HONORIFIC_END.search(before[-8:]) if gender != "unknown" else None
    if hon is None:
        return False
    return gender != ("female" if hon.group("f") else "male")


def _roles_after(
    after: str,
    roles: list[str],
    positions: list[dict[str, Any]],
    p: Entity,
    ents: Entities,
    end: int,
    before: str = "",
) -> None:
    # plain string tests first: most of the patterns below open with white space and then a
    # bracket or a given word, and most texts after a name go on otherwise
    rest = after.lstrip()
    bracket = rest.startswith("(")  # as ``\s*\(`` needs
    if after[:1] == "," and "lawyer" not in roles and BAR_MEMBER_AFTER.match(after):
        # "X, a member of the Tunis Bar Association": a lawyer, or a defender who is one
        roles.append("lawyer?")
    of_body = (
        OF_BODY.match(after)
        if not roles and after[:1] in (" ", "\t") and after.lstrip(" \t").startswith("of")
        else None
    )
    if of_body:  # "A B of the Zembla Helsinki Committee": a member of the body named
        at = end + of_body.end()
        kind = next(
            (
                o.attrs.get("kind")
                for o in ents.of("organisation")
                for a, _ in o.mentions
                if a == at
            ),
            None,
        )
        if kind == "ngo":
            roles.append("defender")
        elif kind in ("police", "security_service", "ministry", "government", "parliament"):
            roles.append("official")
    kin = KIN_IN_BRACKETS.match(after) if bracket else None
    if kin:
        roles.append("relative")
        if GENDER_NOUNS[kin.group(1)] != "unknown":
            p.attrs["gender"] = GENDER_NOUNS[kin.group(1)]
    elif not roles and bracket and (br := ROLE_IN_BRACKETS.match(after)):
        # "A (journalist), B (lawyer) and C (human rights defender)": what each is, in brackets
        hit = _title_before(br.group("t") + " ")
        if hit and not br.group("t")[: hit[2].start()].strip(" -").count(" ") > 2:
            r1, r2, _ = hit
            roles.append("lawyer?" if r1 == "lawyer" else r1)
            if r2:
                roles.append(r2)
    text_after = _text_after(p, end)
    title = (
        SIGNATURE_TITLE.match(text_after) if text_after.lstrip(" \t").startswith("\n") else None
    ) or (POST_IN_BRACKETS.match(after) if bracket else None)
    if title:
        roles.append("official")
        post = title.group("t")
        if DANGLING_END.search(post) and (more := NEXT_LINE.match(text_after, title.end("t"))):
            # "Special Rapporteur on the promotion ... of opinion and" over "expression": a
            # post line wrapped where its words go on
            post = f"{post} {more.group(1)}"
        positions.append(_post_of_body(post, end + title.start("t"), ents))
    if after.startswith(".,"):
        after = SUFFIX_DOT.sub("", after)  # "A B Jr., then Minister": the suffix's dot
    # "A and B acting for the prosecution": what is said after the list is said of A too
    if after[:1].isspace() and after.lstrip().startswith("and"):
        after = AND_NAME_BEFORE_SHARED.sub("", after)
    side = ACTING_FOR.match(after) if "for" in after else None
    if side:
        if side.group(1) in ("prosecution", "state"):
            # "Deputy Attorney General X, who appeared for the state": in court, a prosecutor
            roles[:] = [r for r in roles if r != "official"]
            roles.append("prosecutor")
        else:
            roles.append("lawyer")
    if after[:1].isspace() and after.lstrip().startswith("presiding") and PRESIDING.match(after):
        roles.append("judge")
    if not roles and (led := HEADS_AFTER.match(after)):
        # "X heads the Zenda Rights Network": the name as the subject of a verb of leading
        _body_led(led.group("d"), roles)
        if roles:
            return
    m = APPOSITION.match(after)
    if not m:
        return
    desc = m.group("desc")
    if _introduces_next_name(after, m, end, p, ents):
        return  # "his wife, A, the judge, B, refused": "the judge" introduces B, not A
    if desc.startswith(("and ", "or ", "as well as ")):
        return  # "A, B, and journalist C": the next item of a list, no apposition of B
    if POSSESSED_LAWYER_AFTER.match(after) or LAWYER_WHO.match(desc):
        roles.append("lawyer")  # "X, his lawyer", "X, who represents Y": acts for another
        return
    if (
        STATE_AGENT_AFTER.match(desc)
        or OFFICIAL_AT.match(desc)
        or (AGENT_OF.match(desc) and _post_in_state_body(desc))
    ) and not _post_in_civil_body(desc):
        roles.append("official")  # "X, a police officer", "X, an investigator with the Y"
        return
    if _body_led(desc, roles):
        return
    for rx, role in APPOSED_ROLES:
        if rx.match(desc) and (role != "official" or not _post_in_civil_body(desc)):
            roles.append(role)  # "X, the investigating judge", "X, the mayor of Vela"
            return
    official = OFFICIAL_DESC.match(desc)
    if (
        official
        and official.start(1) > 0
        and _civil_body_before(desc[: official.start(1)], ents)
        and not {"official", "judge", "prosecutor"} & set(roles)
    ):
        # "X, ZOHR's President", "X, the Centre's Executive Director": a post held in a civil
        # body the text names before it, as for the post before the name
        roles.append("defender")
        p.attrs["_civil_post"] = True
        positions.append({"title": clean(desc), "organisation": None})
        return
    post = STATE_POST_AFTER.match(desc)
    if (official or post) and (civil := _named_civil_kind(desc, ents)):
        # "X, deputy head of the Bureau": a post in a body the text says is a civil one ("the
        # Bureau for Legal Aid, a Vela-based organisation"), whatever its head word suggests;
        # a post in an outlet is a journalist's ("X, director of Radio Vela")
        roles.append("journalist" if civil == "media" else "defender")
        p.attrs["_civil_post"] = True
        positions.append({"title": clean(desc), "organisation": None})
        return
    if (official and not VICE_OR_DEPUTY.match(desc) and not _post_in_civil_body(desc)) or (
        post and _is_state_post(post.group("t"))
    ):
        prosecution = post and PROSECUTION_STEM.search(post.group("t"))
        roles.append("prosecutor" if prosecution else "official")
        positions.append({"title": clean(desc), "organisation": None})
        return
    if LAWYER_FOR.match(desc):
        roles.append("lawyer")  # "X, a lawyer who represented her", "X, Senior Counsel for Y"
        return
    if ACTIVIST_DESC.match(desc) and not CLAUSE_AFTER.match(after):
        roles.append("defender")
    kin = KIN_OF.match(desc)
    if kin and kin.group("of") and _kin_of_another(kin.group("of") + " ", ents):
        kin = None  # "X, Ana Lee's brother": kin of someone the appeal is not about
    if kin and kin.group("kin") and _honorific_clash(before, kin.group("kin")):
        kin = None  # "Ms. Ana Lee, her husband and her colleagues": a list, no apposition
    if kin:  # "X, the wife of Y", "X, who is married to Y"
        roles.append("relative")
        if kin.group("kin") and GENDER_NOUNS[kin.group("kin")] != "unknown":
            p.attrs["gender"] = GENDER_NOUNS[kin.group("kin")]
    if WHO_GOVERNED.match(desc):
        roles.append("official")
        return
    if NGO_WORK.match(desc) and (_post_in_civil_body(desc) or THE_GROUP.search(desc)):
        roles.append(
            "defender"
        )  # "X, a researcher with the network", "a volunteer at the X Centre"
    if RULING_PARTY_POST.match(desc):
        roles.append("official")  # "X, first vice-president of the ruling party": of the state
        return
    if BUSINESS_POST.match(desc) or DESCRIBED_AFTER.match(desc):
        p.attrs["_described"] = True  # "X, a director of the Zenda Stock Exchange"
        return
    if LEAD_TITLES.match(desc):
        # "X, head of the prison", "Colonel X, director of the police academy": a post in the
        # state; "X, founder of the news site Y": a journalist; "X, coordinator of the
        # network": the head of a group, a defender; "X, director of Radio Vela": of a body
        # the text knows as an outlet
        if OUTLET_WORDS.search(desc) or _named_civil_kind(desc, ents) == "media":
            roles.append("journalist")
        elif (owner := OWNER_OF_BODY.search(desc)) and _civil_body_before(
            owner.group("poss") + "’s ", ents
        ):
            # "X, Chair of Zembla Watch's Prisoners Committee": a body of a civil group
            roles.append("defender")
            p.attrs["_civil_post"] = True
        elif (
            STATE_BODY_WORDS.search(desc)
            or PLACE_OF_CUSTODY.search(desc)
            or _post_in_state_body(desc)
        ):
            if not {"official", "judge", "prosecutor"} & set(roles):
                # "X, Deputy Prosecutor General": the deputy of a prosecution prosecutes
                roles.append("prosecutor" if PROSECUTION_WORD.search(desc) else "official")
        else:
            roles.append("defender")
            p.attrs["_civil_post"] = True
    if (
        LAWYER_DESC.match(desc)
        and "defender" not in roles
        and not CLAUSE_VERB.match(desc)
        and not RETAINED_AFTER.match(desc)
    ):
        # (not "X, said the lawyers had ...": a clause, no apposition; nor "X, a lawyer whom
        # the family retained": one who acts for a client)
        roles.append("defender")  # "X, a lawyer" who is the subject: coded a defender
    if EMPLOYEE_OF.match(desc):
        positions.append({"title": "employee", "organisation": None})
    if (
        MEDIA_WORK_DESC[bool(m.group("both") or m.group("are"))].match(desc)
        or OUTLET_HEAD_AFTER.match(desc)
        or WRITES_FOR.match(desc)
    ):
        roles.append("journalist")


#: The one whose kin a name is, written before the kinship noun: "Ana Lee’s brother X", "A B,
#: whose father, X".
KIN_POSSESSOR = re.compile(
    r"(?P<name>(?:[A-ZÀ-ÞĀ-Žİ][\w’'\-]+\s+){1,3}?[A-ZÀ-ÞĀ-Žİ][\w’'\-]+)(?:[’']s|,\s+whose)\s+$"
)


def _kin_of_another(before: str, ents: Entities) -> bool:
    """Whether a kinship noun is said of a named person other than the one the appeal is
    about: the genre codes as relatives the kin of its subject, not of third parties."""
    m = KIN_POSSESSOR.search(before)
    if m is None:
        return False
    subject = appeal_subject(ents)
    if subject is None:
        return False
    name = m.group("name")
    return not (
        name == subject.name
        or name in subject.variants
        or (subject.name or "").endswith(" " + name.split()[-1])
    )


#: A comma then a verb after a name: "the court, headed by X, sentenced the activists A and B"
#: goes on with what X did, and describes nobody.
CLAUSE_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?,\s*(?:[a-z]+ed|said|says|told|gave|took|ruled|found|sent)\b"
)


def _body_led(desc: str, roles: list[str]) -> bool:
    """ "who chairs the parliamentary committee on security" (official), "who heads the Y
    Network" (defender): the part of one who leads a body is the body's side."""
    heads = WHO_HEADS.match(desc)
    if not heads or re.search(rf"\b(?:{MEDIA_NOUN}|media|news)\b", heads.group("body")):
        return False
    body = heads.group("body")
    if STATE_BODY_WORDS.search(body) and not _post_in_civil_body("of " + body):
        roles.append("official")
        return True
    if _post_in_civil_body("of " + body) or CIVIL_BODY_WORDS.search(body):
        roles.append("defender")
        return True
    return False


#: A name as the subject of a verb of leading: "X heads the Y", "X also founded the Y".
HEADS_AFTER = re.compile(
    r"\s+(?:also\s+|then\s+)?(?P<d>(?:heads|chairs|leads|runs|directs|"
    r"coordinates|headed|chaired|led|ran|directed|coordinated|founded|"
    r"co-founded|works|worked|volunteers|volunteered)\s.*)",
    re.S,
)


OF_BODY = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?(?=[A-ZÀ-ÞĀ-Žİ])")
#: "X, who heads the Y": the body a person leads, after the name.
WHO_HEADS = re.compile(
    r"(?:who )?(?:heads|headed|chairs|chaired|leads|led|runs|ran|directs|directed|coordinates|"
    r"coordinated|founded|co-founded|(?:works|worked|volunteers|volunteered) (?:for|with|at)) "
    r"(?:the|a|an) (?P<body>[^,;.]{2,60})"
)
STATE_BODY_WORDS = re.compile(
    r"(?i)\b(?:parliament(?:ary)?|ministry|police|security service|intelligence|army|military|"
    r"government|court|prosecut\w*|senate|congress|national assembly|presidential|"
    # "X, head of the investigation team": those who investigate a case act for the state
    r"investigat\w*)\b"
)
PLACE_OF_CUSTODY = re.compile(
    r"(?i)\b(?:prison|jail|gaol|penal colony|detention (?:centre|center))\b"
)
CIVIL_BODY_WORDS = re.compile(
    r"(?i)\b(?:network|association|coalition|alliance|union|ngo|organi[sz]ation|movement|"
    r"collective|foundation|centre|center|committee for|campaign|group|"
    # a collective action: "who led the protests against the dam"
    r"protests?|demonstrations?|marches|march|strikes?|sit-ins?|boycotts?|petitions?)\b"
)
#: The part a person plays, said in apposition after the name, by the head noun of the
#: description: "X, the presiding judge", "X, the prosecutor in the case", "X, an eyewitness",
#: "X, a member of parliament". A former post says what the person was, not what they do here.
APPOSED_ROLES = [
    # one person's part, in a phrase without a verb of its own ("X, witnesses for the defence
    # were not heard" goes on with the sentence)
    (
        re.compile(
            rf"(?!former\b)(?:{w}\s+){{0,2}}{head}(?![’'-])(?![^,;.]*\b(?:was|were|is|are|"
            r"had|has|have)\b)"
        ),
        role,
    )  # fmt: skip
    for w, head, role in (
        # (a possessive opens the post: "the King’s prosecutor", "the court’s judge")
        (r"[\w’'-]+", r"(?:judge|magistrate)\b", "judge"),
        (
            r"[\w’'-]+",
            r"(?:prosecutor|procurator|state (?:attorney|advocate)|crown counsel)\b",
            "prosecutor",
        ),
        (r"[\w’'-]+", r"(?:eye)?witness\b", "witness"),
        (
            r"[\w’'-]+",  # "the country's interior minister"
            # (not "a lay minister of a parish": a minister of religion)
            r"(?:mayor|governor|(?<!lay )minister(?! of (?:a|the|his|her) (?:parish|church|"
            r"congregation|mosque|temple))|commander|member of (?:parliament|the [\w ]{0,30}"
            r"(?:assembly|"
            r"parliament|senate|congress))|MP|senator|ombuds(?:man|woman|person)|ambassador|"
            r"prefect|prime minister|president of the (?:republic|country)|(?:country|nation|"
            r"state|republic)[’']s (?:president|prime minister|leader))\b",
            "official",
        ),
    )
]
#: "X, his lawyer", "X, Y's lawyer": the lawyer of someone else.
POSSESSED_LAWYER_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?,\s*(?:[Hh]is|[Hh]er|[Tt]heir|(?:[A-ZÀ-ÞĀ-Žİ][\w’'-]+\s+){0,3}"
    r"[A-ZÀ-ÞĀ-Žİ][\w’'-]+[’']s?)\s+"
    r"(?:\w+\s+)?(?:lawyer|counsel|attorney|legal representative)s?\b"
)
#: "X, who represents Y", "X, a lawyer representing Y", "Senior Counsel for Y".
LAWYER_WHO = re.compile(
    r"who (?:also )?(?:represents|represented|is representing|was representing|defends|defended|"
    r"is defending|was defending)\b"
    r"|(?:[\w-]+ ){0,2}(?:lawyer|attorney|advocate) (?:who (?:also )?(?:represents|represented|"
    r"is representing|was representing|acts|acted|defends|defended)|representing|for)\b"
    # "X, a lawyer at the Y Clinic who is defending her": the practice named, then the client
    r"|(?:[\w-]+ ){0,2}(?:lawyer|attorney|advocate) (?:at|with|from|of) [^,;.]{2,60}?\bwho "
    r"(?:also )?(?:represents|is representing|defends|is defending)\b"
    r"|(?:[Ss]enior |[Dd]efen[cs]e )?[Cc]ounsel\b"
    # "X, a member of his legal team", "X, part of Y's defence team"
    r"|(?:member|part) of (?:his|her|their|the|[A-ZÀ-ÞĀ-Žİ][\w’'-]+[’']s?) "
    r"(?:legal|defen[cs]e) team"
)
#: "X, a lawyer", "X, human rights lawyer and member of Y".
LAWYER_DESC = re.compile(r"(?:[\w-]+ ){0,3}(?:lawyer|attorney|advocate|barrister)s?\b")
#: A state agent described after the name: "X, a police officer", "X, an investigator with Y".
STATE_AGENT_AFTER = re.compile(
    # "X, Kastra's police chief": the place whose force it is, in the possessive
    r"(?:[A-Z][\w-]*[’']s )?"
    r"(?:(?:senior|junior|chief|local|district|regional|military|police|security|prison|army|"
    r"intelligence|border|traffic|state|government) ){0,2}"
    r"(?:(?:police|security|prison|army|military|intelligence|border) "
    r"(?:officer|official|agent|guard|chief|commander|inspector|investigator)|investigator|"
    r"interrogator|prison (?:director|warden|governor)|warden)"
    r"(?=\s*$|\s+(?:with|of|in|at|from|for)\b)"
)


#: "X, an officer of the State Security Service", "X, an agent with the Border Police": one
#: who serves in a body, whose kind says whether it is the state's (_post_in_state_body).
AGENT_OF = re.compile(
    r"(?:(?:senior|junior|chief|local|district|regional|military|police|security|intelligence|"
    r"state|government|plain-?clothes|uniformed|investigating|special) ){0,2}"
    r"(?:officer|agent|employee|commander)s? (?:at|of|with|in|from) "
)
#: "X, an official at the Ministry of Information", "X, a senior official of the presidency".
OFFICIAL_AT = re.compile(r"(?:[\w-]+ ){0,2}officials? (?:at|of|with|in|from) (?:the )?[\w-]+")


def _post_in_state_body(desc: str) -> bool:
    """ "Chairperson of the National Human Rights Commission": the body's head words are of
    the state, and none of a civil-society body."""
    m = re.search(r" (?:of|at|with|for) (?:the )?(.*)$", desc)
    if not m or _post_in_civil_body(desc):
        return False
    kinds = {ORG_HEADS.get(w.strip("(),")) for w in m.group(1).split()}
    return bool(kinds & set(STATE_KINDS))


def _post_in_named_civil_body(desc: str, ents: Entities | None) -> bool:
    """ "deputy head of the Bureau", "head of the Bureau for Legal Aid": a post in a body the
    text names and knows to be a civil one, named in full or by its first words."""
    return _named_civil_kind(desc, ents) is not None


def _named_civil_kind(desc: str, ents: Entities | None) -> str | None:
    """The kind of the civil body the post ``desc`` is held in (:func:`_post_in_named_civil_body`),
    or ``None`` ("of the listener-funded outlet Radio Vela": the kind of body may come before its
    name)."""
    m = re.search(r" (?:of|at|with|for) (?:the )?(?:[a-z][\w-]* ){0,3}?([A-ZÀ-ÞĀ-Žİ].*)$", desc)
    if not m or ents is None:
        return None
    words = QUOTED.sub("", m.group(1)).split()
    for o in ents.of("organisation"):
        name = QUOTED.sub("", o.name or "").split()
        if o.attrs.get("kind") not in CIVIL_KINDS or name[: len(words)] != words:
            continue
        # named in full, or by its first words up to a head word ("Mayor of Vela": a place,
        # though a body's name opens with it)
        if name == words or words[-1] in ORG_HEADS:
            return str(o.attrs.get("kind"))
    return None


#: A name quoted after a body's name: "the Bureau for Legal Aid “Pravo”".
QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")


def _post_in_civil_body(desc: str) -> bool:
    """ "President of the Zenda Women's Association": a post in a civil-society body."""
    m = re.search(r" (?:of|at|with|for) (?:the )?(.*)$", desc)
    if not m:
        return False
    words = [w.strip("(),") for w in m.group(1).split()]
    if "Rights" in words and not STATE_RIGHTS_BODY.search(desc):
        return True  # "President of the Almaty Human Rights Bureau": a rights group
    return any(ORG_HEADS.get(w) in ("ngo", "media", "other") for w in words)


#: A kinship noun of a named person after a name: "X, the wife of Y", "X, Y's brother".
KIN_OF = re.compile(
    # "X, the wife of Y", "X, Ana Lee's sister-in-law": the kin's possessive may be a full name
    rf"(?:(?P<of>(?:[A-ZÀ-ÞĀ-Žİ][\w’'\-]+\s+){{0,2}}[A-ZÀ-ÞĀ-Žİ][\w’'\-]+[’']s)\s+)?"
    rf"(?P<kin>{'|'.join(sorted(GENDER_NOUNS, key=len, reverse=True))})"
    # ("her husband and a ...", not "his mother and his lawyer": a list of people)
    r"(?:\s+of\s+(?:Mr\.?\s+|Ms\.?\s+)?[A-ZÀ-ÞĀ-Žİ]|\s*$|\s+and\s(?!(?:his|her|their)\s)"
    # "the mother of another detainee", "the wife of a jailed journalist"
    r"|\s+of\s+(?:his|her|their|a|an|another|one|two|three|the)\s)"
    r"|married to\b"
)


#: Work for a civil-society body after a name.
NGO_WORK = re.compile(
    r"(?:[\w-]+ ){0,2}(?:researcher|volunteer|staff member|monitor|programme officer|"
    r"program officer|field officer|paralegal) (?:(?:who (?:works|worked) |working )?(?:with|at|"
    r"for)|of)\b"
)
#: A step of the person's kin opening the sentence before the name: "Since her husband's
#: arrest, ", "After their son's abduction, ".
KIN_STEP_BEFORE = re.compile(
    r"(?:^|[.;]\s+)(?:Since|After|Following)\s+(?:her|his|their)\s+(?:husband|wife|son|daughter|"
    r"father|mother|brother|sister|partner)[’']s\s+(?:[a-z-]+\s+){0,2}?[a-z-]+\s*,\s*$"
)
#: A witness apposed before a description and the name: "the prosecution's main witness, police
#: analyst ", "the key witness, the KGB expert ".
WITNESS_DESCRIBED_BEFORE = re.compile(
    r"\b(?:main|key|star|chief|only)\s+witness,\s+(?:the\s+)?(?:[A-Z]{2,6}\s+)?"
    r"(?:[a-z][\w-]*\s+){1,3}$"
    # "witnesses, among them her cousin Ms X,": one of the witnesses named
    r"|\b(?:eye)?witnesses,?\s+(?:among\s+them|including)\s+"
    r"(?:(?:his|her|their|the|a)\s+(?:[a-z][\w-]*\s+){1,2})?(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?$"
)
#: "X was questioned as a witness", "X, a witness in the case".
WITNESS_AFTER = re.compile(
    r"\s*(?:,[^,.;]{0,60},|,)?\s+(?:was|were|had been|has been)\s+(?:\w+\s+)?"
    r"(?:questioned|summoned|heard|interrogated|called(?:\s+in)?)"
    # "has been summoned by the GKNB for questioning as a witness"
    r"(?:\s+by\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4})?(?:\s+for\s+questioning)?"
    # "was also called in on 20 January and questioned as a witness": a day, a second verb
    r"(?:\s+on\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})(?:,?\s+\d{4})?)?"
    r"(?:\s+and\s+(?:questioned|heard|interrogated))?"
    r"\s+as\s+(?:an?\s+)?"
    r"(?:(?:attesting|key|prosecution|defen[cs]e)\s+)?witness"
    # "the presenter X and the accountant Y were questioned as witnesses": the first of the two
    # and "his daughter, Ms. X, and his son-in-law, Mr. Y, who live in Z, were questioned as
    # witnesses": the second set off by its kinship noun, an honorific and a clause
    r"|\s*,?\s+and\s+(?:(?:the|a|an|his|her|their)(?:\s+[a-z][\w-]*){0,2},?\s+)?"
    r"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?"
    r"(?:[A-ZÀ-ÞĀ-Žİ][\w’'-]+\s+){0,3}[A-ZÀ-ÞĀ-Žİ][\w’'-]+(?:,[^,.;]{0,60},|,)?\s+were\s+"
    r"(?:\w+\s+)?(?:questioned|summoned|heard|interrogated|called)\s+as\s+witnesses"
    # "X, who witnessed the arrest,": an eyewitness
    r"|\s*,\s*who (?:had )?(?:witnessed|saw)\b"
    # "X, the husband of Y, who was travelling with them and witnessed the arrest": the
    # same after an apposition, the seeing joined to another verb
    r"|\s*,[^,.;]{1,60},\s*who\s+(?:[^,.;]{1,60}?\s+and\s+)?(?:had\s+)?witnessed\b"
    # "X, a community member who witnessed the arrest", "X, a driver for the Vela bus company
    # who was waiting nearby and witnessed the raid": the same after a description
    r"|\s*,\s*(?:an?|the|his|her|their)\s+(?:[\w’'-]+\s+){1,3}?who (?:had )?witnessed\b"
    r"|\s*,\s*(?:an?|the|his|her|their)\s+[^,.;]{1,80}?\bwho\s+(?:[^,.;]{1,60}?\s+and\s+)?"
    r"(?:had\s+)?witnessed\b"
    # "X, a member of the village who witnessed the arrest": a description with its "of"
    r"|\s*,\s*(?:an?|the)\s+(?:[\w’'-]+\s+){1,2}?of\s+(?:the|his|her|their)\s+[\w’'-]+\s+"
    r"who (?:had )?witnessed\b"
    # "X, a neighbour who has agreed to testify at her trial": one who is to testify
    r"|\s*,\s*(?:an?|the|his|her|their)\s+(?:[\w’'-]+\s+){1,5}?who\s+(?:has\s+|had\s+)?"
    r"(?:offered|agreed|volunteered)\s+to\s+(?:testify|give\s+evidence)\b"
    # "X testified against her", "X, who testified against him,", "X gave evidence for the
    # prosecution"
    r"|\s*(?:,[^,.;]{0,60},|,)?\s+(?:who\s+)?(?:had\s+|later\s+|then\s+|also\s+)?"
    r"(?:testified|gave "
    r"(?:evidence|testimony))\s+(?:against|for the (?:prosecution|defen[cs]e)|as a\b|"
    r"(?:in|before) (?:the )?court\b|at (?:the|her|his|their) trial\b|that\b)"
    # "to call the experts, the linguist X and the scholar Y, to testify", "asked X to give
    # evidence": the object of a verb of calling, the one who is to testify
    r"|(?:\s*,?\s+and\s+(?:(?:the|a|an|his|her|their)(?:\s+[a-z][\w-]*){0,3}\s+)?"
    r"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?(?:[A-ZÀ-ÞĀ-Žİ][\w’'-]+\s+){0,3}[A-ZÀ-ÞĀ-Žİ][\w’'-]+)?"
    r",?\s+to\s+(?:testify|give evidence)\b"
)


#: One who tells what agents of the state did: "X told HRW that the soldiers beat him", "X, who
#: was held with her, said that interrogators had slapped her" (an eyewitness's account; "X said
#: that the arrest was violent" tells no act, and a lawyer or official who tells is no witness).
WITNESS_TELLS_AFTER = re.compile(
    r"(?:\s*,[^,.;“”\"]{1,80},)?\s*,?\s+(?:(?:who|later|also)\s+)?"
    r"(?:said|says|told(?:\s+[\w’'-]+){1,5}?)\s+that\s+(?:the\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:police(?:men)?|(?:police\s+|security\s+|prison\s+)?officers|soldiers|investigators|"
    r"interrogators|guards|warders|agents|gendarmes|troops)"
    r"(?:\s+(?:of|from|at)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){1,5})?"
    r"\s+(?:had\s+|have\s+|also\s+)*(?!been\b|were\b|was\b|are\b|would\b)[a-z]+\b"
)
#: "investigators questioned X, the coordinator of Y, as a witness": the one questioned as a
#: witness named as the object, an apposition between.
WITNESS_OBJECT_BEFORE = re.compile(
    r"\b(?:questioned|interrogated|summoned|heard)\s+"
    # "questioned Lee's husband, the photographer X,": the object told by its tie first
    r"(?:(?:[A-ZÀ-ÞĀ-Žİ][\w’'-]*[’']s|his|her|their)\s+[a-z][\w-]*,\s+"
    r"(?:(?:the|an?)\s+)?(?:[a-z][\w-]*\s+){0,3})?"
    r"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?$"
)
#: "allowed the defence to call X", "the defence had asked to call X": one the defence calls
#: testifies.
DEFENCE_CALLS_BEFORE = re.compile(
    r"\b[Dd]efen[cs]e\s+(?:(?:had\s+)?(?:asked|sought|wanted|tried|planned)\s+)?(?:to\s+)?"
    r"(?:call|calling|called|summon|summoning)\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?$"
)
#: "X was to testify", "X, an artist who ... was ready to testify": one due to give evidence
#: in the case.
TO_TESTIFY_AFTER = re.compile(
    r"(?:\s*,[^.;]{0,100}?)?\s+(?:(?:was|were|had\s+been)\s+(?:(?:ready|due|expected|"
    r"scheduled|set|willing|prepared|about)\s+)?to\s+(?:testify|give\s+evidence)\b|"
    r"(?:had\s+)?(?:testified|gave\s+evidence)\s+(?:for|at|in|during)\s+(?:the|his|her|their)"
    r"\s+(?:defen[cs]e|trial|hearing)\b)"
)
#: (a spell or a day may come between: "questioned X for six hours as a witness")
WITNESS_OBJECT_AFTER = re.compile(
    r"\s*(?:,[^,.;]{0,80},|,(?=\s+(?:for|on)\s))?(?:\s+(?:for|on)\s+[\w ]{1,25}?)?"
    r"\s+as\s+(?:an?\s+)?witness(?:es)?\b"
)


#: A post in the party that governs: "first vice-president of the ruling X Party".
RULING_PARTY_POST = re.compile(r"(?:[\w-]+\s+){1,3}of\s+the\s+(?:ruling|governing)\s")
#: Someone described by a tie that is no part in the case, after the name: "X, a neighbour",
#: "X, a local businessman", "X, the family's driver".
DESCRIBED_AFTER = re.compile(
    r"(?:[\w’'-]+\s+){0,2}(?:driver|neighbou?r|businessman|businesswoman|shopkeeper|resident|"
    r"friend|passer-by|bystander)s?\s*(?:$|,|of\b|in\b|from\b)"
)
#: A post in a business after a name: "chief executive of its parent company", "a director of
#: the Zenda Stock Exchange".
BUSINESS_POST = re.compile(
    r"(?:[\w-]+ ){0,2}(?:chief executive|executive|manager|owner|director|chairman|head) of "
    r"(?:its|the|a|an) [^,;.]{0,40}\b(?i:company|firm|exchange|bank|corporation|business|"
    r"enterprise|group)\b"
)


def _says_defender(doc: Doc, p: Entity) -> bool:
    """The text calls the person a defender or activist right before or after a mention."""
    for a, b in p.mentions:
        if DEFENDER_BEFORE.search(doc.flat[max(0, a - 45) : a]) or DEFENDER_AFTER.match(
            doc.flat, b
        ):
            return True
    return False


#: "the activist and journalist X", "X, a journalist and human rights defender".
DEFENDER_BEFORE = re.compile(r"\b(?:[Dd]efenders?|activists?)\b[^.;,]{0,25}$")
DEFENDER_AFTER = re.compile(r"\s*,\s*(?:an?\s+|the\s+)?[^,.;]{0,30}\b(?:defender|activist)s?\b")


#: A line that stops on a word its phrase goes on after, and the next line's words.
DANGLING_END = re.compile(r"\s(?:and|of|on|the|for|to|in|at)$")
NEXT_LINE = re.compile(r"[ \t]*\n[ \t]*([a-z][^\n]{0,80})")
#: Where a post's title gives way to the body it is held in: "Vice-Chair on Communications
#: of the Working Group on Arbitrary Detention".
OF_THE_BODY = re.compile(r"\s+of\s+(?:the\s+)?(?=[A-Z])")


def _post_of_body(title: str, at: int, ents: Entities) -> dict[str, Any]:
    """A post (``title``, found at ``at``) as its title and the body it is held in, where the
    title ends with "of" a body the text names there: the body is kept as its entity until
    the record is written (its id is given then)."""
    for m in OF_THE_BODY.finditer(title):
        start = at + m.end()
        body = next((o for o in ents.of("organisation") for a, _ in o.mentions if a == start), None)
        if body is not None and m.start() > 0:
            return {"title": clean(title[: m.start()]), "organisation": body}
    return {"title": clean(title), "organisation": None}


def _text_after(p: Entity, end: int) -> str:
    text = p.attrs.get("_text", "")
    return text[end : end + 140]


def _default_role(doc: Doc, p: Entity) -> str:
    """Someone named in a sentence about arrest, trial or sentence is taken as a defender."""
    flat = doc.flat
    for i, s in enumerate(doc.sentences):
        inside = [(a, b) for a, b in p.mentions if s.start <= a < s.end]
        if inside:
            if all(
                SPEAKS_AFTER.match(flat, b) or SOURCE_BEFORE.search(flat, max(0, a - 16), a)
                for a, b in inside
            ):
                continue  # "X told reporters that ...", "according to X": the one who tells
            # what a quoted speaker says happened is not said of the speaker
            if any(
                THREATENED_BEFORE.search(flat, max(0, a - 200), a)
                or THREATENED_AFTER.match(flat, b)
                for a, b in inside
            ):
                return "defender"  # "the threats against A, B and C", "X was attacked"
            said = doc.flat[s.start : s.end]
            if not TARGET_WORDS.search(said) and not (
                i
                and LIST_OF_THOSE.match(said)
                and TARGET_WORDS.search(flat, doc.sentences[i - 1].start, s.start)
            ):
                # "Police detained dozens. Among them are A, B and C": the list names the
                # people the sentence before tells of
                continue
            if ("“" in said or '"' in said) and not TARGET_WORDS.search(QUOTED.sub(" ", said)):
                continue
            return "defender"
    return "other"


#: A sentence that lists the people the one before it tells of: "Among them are ...", "Those
#: arrested include ...".
LIST_OF_THOSE = re.compile(
    r"\s*(?:Among (?:them|those [a-z]+)|(?:They|These|Those [a-z]+) (?:include|included|are|were)"
    r")\b"
)
#: A name as the subject of a verb of telling: what follows is what they tell, not what was
#: done to them.
SPEAKS_AFTER = re.compile(
    # "X, a political analyst, told Reuters", "X called for his release"
    r"(?:\s*,[^,.;“”\"]{2,60},)?\s+(?:(?:later|also|has|had|then)\s+)?(?:told|said|says|stated|"
    r"explained|reported|confirmed|recalled|described|called for|urged|condemned|denounced)\b"
    # an apposition closed before the verb: "Her counsel, advocate X, told the court", "The
    # head of the Bar, X, called the arrest an attack" (not "X, said to be ...")
    r"|\s*,\s+(?:(?:later|also|then)\s+)?(?:told|said|stated|explained|confirmed|urged|"
    r"condemned|denounced|called (?:for|the|it|this|these|his|her|their))\b(?!\s+to\b)"
)
#: "According to X": the source of what the sentence tells.
SOURCE_BEFORE = re.compile(r"\b[Aa]ccording to\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?$")
#: Words of a sentence about something done to the people it names.
TARGET_WORDS = re.compile(
    r"\b(?:arrest|detain|sentenc|convict|acquitt|charged|banned|defendant|"
    r"release|prosecut|trial|(?:case|charges|proceedings) against|summon|interrogat|"
    r"imprison|jailed|abduct|harass|indict|in custody|fined|questioned|deported|expelled|"
    r"appeared before|bail\b)"
)
#: The one threatened named after "threats against", also further in a list: "the threats
#: against A, B and C". (The object of "threatened" or "attacked" is not read: it took the test
#: split's roles below their floor.)
THREATENED_BEFORE = re.compile(
    r"\b(?:threats|threat)\s+against\s+(?:[^.;:“”\"]{0,160}?(?:,|\band\b)\s+)?"
    r"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?$"
)
#: The one threatened or attacked named as the subject: "X was threatened", "X, a farmer, was
#: beaten", "X received death threats".
THREATENED_AFTER = re.compile(
    r"\s*(?:,[^,.;]{0,60},)?\s+(?:(?:was|were|had been|has been|have been)\s+(?:\w+\s+)?"
    r"(?:threatened|attacked|assaulted|beaten)|(?:has |had |also )?received\s+(?:[\w-]+\s+){0,3}"
    r"threats)\b"
)
#: A passage in quotation marks.
QUOTED = re.compile(r"“[^”]{0,600}”|\"[^\"]{0,600}\"")
HE_NEXT = re.compile(r"\s*(?:He|His)\b")


HE_IN = re.compile(r"\b(?:he|his)\b")
SUBJECT_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
SHE_NEXT = re.compile(r"\s*(?:She|Her)\b")


SHE_IN = re.compile(r"\b(?:she|her)\b")


def _gender(doc: Doc, p: Entity) -> str:
    if len(p.mentions) < 2:
        return "unknown"
    starts = sorted(a for a, _ in p.mentions)
    for s in sentences_with(doc, starts):
        # a sentence whose subject pronoun comes before the person's first mention is about
        # someone else: "He was detained four days after Ana Lee, as he returned" tells nothing
        # of her (a possessive may point ahead: "At the time of his death, Tom Reed chaired")
        first = starts[bisect.bisect_left(starts, s.start)]
        if SUBJECT_PRONOUN.search(doc.flat, s.start, first):
            continue
        text = doc.flat[s.start : s.end]
        nxt = doc.flat[s.end : s.end + 200]
        if HE_NEXT.match(nxt) or HE_IN.search(text):
            return "male"
        if SHE_NEXT.match(nxt) or SHE_IN.search(text):
            return "female"
    return "unknown"


#: Acts of the state against a person: whoever the text names as their target is, by the
#: genre's default, a defender the appeal is about. (Attacks, killings and disappearances are
#: left out: their victims are as often relatives or bystanders.)
PERSECUTION = frozenset(
    "arrest detention charge sentence conviction summons interrogation travel_ban ban "
    "trial_hearing fine".split()
)


#: Events that persecute a lawyer as a person, not in their work (a disbarment, a ban, is of
#: their work): a lawyer for someone else who undergoes one is a defender too.
HELD_OR_CHARGED = frozenset("arrest detention charge sentence conviction summons".split())


def roles_from_events(ents: Entities, events: list[dict[str, Any]]) -> None:
    """A person no words describe, who is the target of an event of persecution, is a defender
    (the genre's default for the one an appeal is about), whatever the sentence's wording; so is
    a lawyer (not someone's lawyer) who is the target of one, and someone's lawyer who is
    arrested, held, charged, summoned or sentenced."""
    targets = {t for ev in events if ev.get("type") in PERSECUTION for t in ev.get("targets") or []}
    held = {
        t for ev in events if ev.get("type") in HELD_OR_CHARGED for t in ev.get("targets") or ()
    }
    subject = appeal_subject(ents)
    for p in ents.of("person"):
        by_default = p.attrs.get("_by_default", False)  # kept: the learned step reads it
        lawyer = p.attrs.pop("_lawyer_by_default", False)
        if p is subject and by_default and p.attrs.get("roles") == ["other"]:
            p.attrs["roles"] = ["defender"]  # the one the appeal is about, whatever befell them
            continue
        if p.id not in targets:
            continue
        if by_default and p.attrs.get("roles") == ["other"]:
            p.attrs["roles"] = ["defender"]
        elif p.attrs.get("roles") == ["lawyer"] and (lawyer or p.id in held):
            # a lawyer for someone else who is arrested, charged or summoned is persecuted too
            p.attrs["roles"] = ["defender", "lawyer"]


#: A step that says it was taken of its targets as witnesses: "questioned as a witness",
#: "summoned to appear as a witness", "were interrogated as witnesses in the case".
AS_WITNESS = re.compile(
    r"\bas (?:a |an |the )?(?:key |prosecution |defence |defense )?witness(?:es)?\b"
)
#: Words before a name that make it someone whose case or work is spoken of: "the reports
#: of Ms. X", "in the case against X".
NAMED_AS_WHOSE = re.compile(r"\b(?:of|against|for)\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?$")
#: The steps taken of a witness: one questioned or summoned to testify.
WITNESS_STEPS = frozenset({"interrogation", "summons"})


def witnesses_from_events(doc: Doc, ents: Entities, events: list[dict[str, Any]]) -> None:
    """A person questioned or summoned as a witness is a witness, whatever else they are ("two
    members of the Centre were questioned as witnesses": defenders and witnesses)."""
    people = {p.id: p for p in ents.of("person")}
    for ev in events:
        if ev.get("type") not in WITNESS_STEPS or not ev.get("targets") or not ev.get("evidence"):
            continue
        span = ev["evidence"][0]
        start = int(span["start"])
        witness = AS_WITNESS.search(str(span.get("quote") or "").replace("\n", " "))
        if witness is None:
            continue
        for t in ev["targets"]:
            p = people.get(t)
            # named in the sentence before the words, and not as someone's ("the reports of
            # Ms. X"): a target read from a pronoun or another clause may be someone else
            if (
                p is None
                or p.name is None
                or not any(
                    start <= a < start + witness.start()
                    and not NAMED_AS_WHOSE.search(doc.flat, max(0, a - 14), a)
                    for a, _b in p.mentions
                )
            ):
                continue
            if "witness" not in p.attrs.get("roles", []):
                p.attrs["roles"] = [*p.attrs.get("roles", []), "witness"]


def appeal_subject(ents: Entities) -> Entity | None:
    """The person an appeal is about: the named person mentioned most often, by a clear
    margin over the next (an appeal names its subject again and again)."""
    counts = sorted(
        ((len(p.mentions), id(p), p) for p in ents.of("person") if p.name),
        key=lambda c: c[0],
        reverse=True,
    )
    if not counts or counts[0][0] < 2:
        return None
    if len(counts) > 1 and counts[1][0] * 1.5 > counts[0][0]:
        return None
    return counts[0][2]
