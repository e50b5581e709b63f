"""Arguments of an event: its date (bound to its clause), agents, targets, authority,
provisions, penalty and place from the words around the trigger.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Collection
from typing import Any

from kg.extract.dates import REL_RE, DateMention, format_date
from kg.extract.entities import STATE_KINDS, Entities, Entity
from kg.extract.lexicon import MONTHS, NUMBER_WORDS, PLATFORMS
from kg.extract.scan import finditer_indexed, finditer_prefixed, holds_any
from kg.extract.text import Doc, Span, clean, evidence, names_listed_after


def tight_date(
    flat: str, sdates: list[DateMention], end: int, own_on: bool = True
) -> DateMention | None:
    """A date right after an event phrase, introduced by "on" or "in", belongs to it; with
    ``own_on``, also a date right after a phrase that ends in "on" itself ("a first hearing
    on 5 May")."""
    for d in sdates:
        if end <= d.start <= end + 30:
            gap = flat[end : d.start]
            if (
                (
                    TIGHT_DATE.fullmatch(gap)
                    or (own_on and not gap and flat[end - 1 : end].isspace())
                )
                and (
                    # (the phrase may end in "on" itself: "a first hearing on 5 May")
                    re.search(r"\b(?:on|in)\s+$", flat[max(0, end - 4) : d.start])
                    # a phrase that ends in "for", the day a step is set for ("set the next
                    # hearing for 17 May", "rescheduled for 3 July")
                    or (gap.isspace() and flat.endswith("for", 0, end))
                    # an event noun's day named by "of" ("the attack of 19 September")
                    or (not gap.strip() and re.search(r"\sof\s+$", flat[max(0, end - 4) : d.start]))
                    or re.match(r"[Ii]n\s", flat[d.start : d.end])
                    or REL_RE.fullmatch(flat, d.start, d.end)  # "released two days later"
                )
            ):
                return d
    return None


def event_date(
    sdates: list[DateMention], pos: int, clauses: list[int], others: list[int], flat: str = ""
) -> Any:
    """The date of the clause the event phrase stands in, else the nearest before it. Of days
    listed before the phrase ("On 5 and 6 May, police dispersed ..."), the first."""
    k = next((i for i in range(len(clauses) - 1) if clauses[i] <= pos < clauses[i + 1]), 0)
    c0, c1 = clauses[k], clauses[k + 1]
    in_clause = [d for d in sdates if c0 <= d.start < c1]
    before = [d for d in in_clause if d.start < pos]
    after = [d for d in in_clause if d.start >= pos]
    if (
        before
        and after
        and flat
        and any(
            VERB_ON.fullmatch(flat, h, before[-1].start) or c0 <= h < before[-1].start
            for h in others
        )
        and not any(pos < h < after[0].start for h in others)
    ):
        # "arrested on 3 May and charged with hooliganism on 5 May", "stripped of his
        # nationality in 2015 and sentenced to ten years in 2017": a date after another event
        # phrase of the clause is that phrase's; this one has its own after it
        return after[0].value
    if before:
        i = len(before) - 1
        while i > 0 and flat and LISTED_AND.fullmatch(flat, before[i - 1].end, before[i].start):
            i -= 1
        return before[i].value
    if (
        after
        and not any(pos < h < after[0].start for h in others)
        # "indicted since he addressed the panel in May": a day in the clause "since" opens
        # dates what the state began after, not the step
        and not (flat and SINCE_WORD.search(flat, pos, after[0].start))
    ):
        return after[0].value
    before = [d for d in sdates if d.start < pos]
    later = [d for d in sdates if d.start >= pos]
    if (
        not before
        and len(later) == 1
        and flat
        and not any(pos < h < later[0].end for h in others)
        and not CLAUSE_BETWEEN.search(flat, pos, later[0].start)
    ):
        # "arrested A, chair of X, and B, its treasurer, at the premises on the afternoon of
        # 27 February": the sentence's one date, after the people listed in
        # clauses of their own, with no other step between
        return later[0].value
    if before and before[0].start - clauses[0] <= OPENING_GAP and before[0].value[2] is not None:
        # "On 3 May 2024, the court convicted him for a speech of 2020, and sentenced him":
        # a date that opens the sentence governs its clauses that give no date of their own
        return before[0].value
    if before:
        return before[-1].value
    return None


#: Between a step and a later date of its sentence, a sign that the date is another clause's:
#: a semicolon, a contrast ("filed a complaint, but a year later nobody ..."),
#: "since" ("indicted since he spoke out in May"), "and on", a finite verb ("did not show",
#: "was told").
CLAUSE_BETWEEN = re.compile(
    r";|,\s+(?:but|yet|whereas)\b|\bsince\b|\band\s+(?:on|in|then|later)\b|\b(?:was|were|is|are|had|has|have|did|does|do)\b"
)
#: "since" opening a clause between a step and a date.
SINCE_WORD = re.compile(r"\bsince\b")
#: A verb and the date right after it: "arrested on ", "detained in ".
VERB_ON = re.compile(r"[a-z]+ed\s+(?:on|in)\s+")
#: The words between two days listed together: "5 and 6 May".
LISTED_AND = re.compile(r"\s+and\s+")
#: How far into its sentence a date may stand and still open it ("On 3 May 2024, ...").
OPENING_GAP = 6


def gapped_dates(sdates: list[DateMention], end: int, flat: str) -> list[Any]:
    """``X was killed on D1, Y on D2, and Z on D3``: the dates that share one verb."""
    after = [d for d in sdates if d.start >= end]
    out = []
    prev = end
    for d in after:
        lead = flat[max(end, d.start - 8) : d.start]
        if OWN_VERB_DATE.search(flat, max(end, d.start - 30), d.start):
            continue  # "and that court had decided on 9 July": the date of another verb
        if FINITE_BETWEEN.search(flat, prev, d.start):
            break  # "The verdict, issued on 31 May, was communicated to her lawyer, X, on 6
            # June": the later dates are the main verb's, the first one the apposition's
        if NOUN_PHRASE_DATE.search(flat, max(end, d.start - 60), d.start):
            continue  # "sentenced on 20 May for a protest on 3 March": the protest's date
        if TO_APPEAR.search(flat, prev, d.start):
            continue  # "received on 2 May a summons to appear on 9 May": the appearance's day
        if PERIOD_END.search(flat, max(end, d.start - 20), d.start):
            continue  # "would not say where she was held until 4 March": the day it ended
        if SET_OFF_BEFORE_VERB.search(flat, max(end, d.start - 12), d.start) and (
            VERB_AFTER_SET_OFF.match(flat, d.end)
        ):
            continue  # "got a summons in May and, on 9 June, went to the police"
        if GAPPED_DATE.search(lead) and (
            d.value[2] is not None
            # "A was arrested on 28 July, and B and C in September": a month goes with the
            # verb when new names stand before it
            or (d.value[1] is not None and NAMES_JOINED.search(flat, prev, d.start))
            # "was extended in July and again in October": the step told once more, by its
            # month
            or (
                d.value[1] is not None
                and AGAIN_DATE.search(flat, max(prev, d.start - 20), d.start) is not None
            )
        ):
            out.append(d.value)
        prev = d.end
    return out


#: A date set off by commas before a verb of its own: "and, on 9 June, appeared at": the day
#: of that verb, not one more day of the step told before.
SET_OFF_BEFORE_VERB = re.compile(r",\s+on\s+$")
VERB_AFTER_SET_OFF = re.compile(r",\s+[a-z]{3,}ed\b")
#: A finite verb in the passive or the perfect ("was communicated", "has been told"): the
#: dates after it are its own, not more dates of a step told before it.
FINITE_BETWEEN = re.compile(r"\b(?:was|were|is|are|has|have|had)\s+(?:been\s+)?[a-z]{3,}ed\b")

#: "to appear", "to report": the day after it is when the person is to appear, not one more day
#: of the step told before ("received a summons on 2 May to appear before the judge on 9 May").
TO_APPEAR = re.compile(r"\bto\s+(?:appear|report|attend)\b")

#: "only on", "not until", "until": the day a state told before came to an end, not one more day
#: of the step.
PERIOD_END = re.compile(r"\b(?:only|not\s+until|until|till)\s+(?:on\s+|in\s+)?$")

#: "and again in October", "and once more on 4 May": the same step of the same people once more.
AGAIN_DATE = re.compile(r"\band\s+(?:once\s+)?(?:again|once\s+more)\s+(?:on|in)\s+$")

#: ", and Tom Reed", "and A, B": names joined to the list of a verb already told.
NAMES_JOINED = re.compile(r"\band\s+(?:[A-Z][\w’'-]+\s+){1,3}")


def mention_index(
    ents: Entities, flat: str = "", index: dict[str, list[int]] | None = None
) -> list[tuple[int, int, Entity]]:
    """Every mention of a person or body, in text order; with the text, a body's acronym
    defined in it ("the Zembla Security Service (ZSS)") counts wherever it stands alone later
    ("the ZSS renewed his detention"); ``index`` is the word index of the text
    (:attr:`kg.extract.text.Doc.word_index`), read where given."""
    idx = []
    for e in ents.items:
        if e.kind in ("person", "organisation"):
            for a, b in e.mentions:
                idx.append((a, b, e))
    if flat:
        idx += _acronym_mentions(ents, flat, idx)
        idx += _titled_mentions(ents, flat, idx)
        idx.sort(key=lambda x: x[0])
        idx += _described_mentions(flat, idx, index)
    return sorted(idx, key=lambda x: x[0])


#: A variant that is an honorific and a surname: "Mr Khan", "Ms. Lee".
TITLED_VARIANT = re.compile(r"(Mr|Ms|Mrs|Dr)\.?\s+([^\W\d_][\w’'-]+)")


def _titled_mentions(
    ents: Entities, flat: str, known: list[tuple[int, int, Entity]]
) -> list[tuple[int, int, Entity]]:
    """ "Mr. Khan" where two people share the surname (the defender and a rapporteur): a bare
    surname is no one's, but with the honorific of a variant only one person has it is that
    person's, wherever it stands outside another mention."""
    owners: dict[tuple[str, str], list[Entity]] = {}
    for e in ents.of("person"):
        for v in e.variants:
            m = TITLED_VARIANT.fullmatch(v)
            if m and e not in owners.get(m.groups(), []):
                owners.setdefault(m.groups(), []).append(e)
    if not owners:
        return []
    spans = sorted((a, b) for a, b, _e in known)
    starts = [a for a, _b in spans]
    out = []
    for (title, surname), people in owners.items():
        if len(people) != 1:
            continue
        # the surname is found by str.find, the honorific read back from it
        title_before = re.compile(rf"(?<![\w-]){title}\.?\s+$")
        for a, end in _standalone(flat, surname):
            t = title_before.search(flat, max(0, a - len(title) - 8), a)
            if t is None:
                continue
            i = bisect.bisect_right(starts, end - 1) - 1
            if i >= 0 and spans[i][1] > t.start():
                continue  # already a mention ("Mr Khan" named in full, or the surname)
            out.append((t.start(), end, people[0]))
    return out


#: "the agency", "the regional prosecutor's office": a body named before, told again by the
#: head word of its name (or its kind), perhaps with a word or two before it. The head is found
#: first (it is rare), then the determiner before it.
DESCRIBED_HEAD = re.compile(
    r"(?:agency|prosecutor[’']s\s+office|prosecution|ministry|bureau|directorate|commission)"
    r"(?![\w-])"
)
DESCRIBED_LEAD = re.compile(
    r"(?<![\w-])(?:[Tt]he|[Tt]his|[Tt]hat|[Ss]ame)\s+(?P<mod>(?:[\w’'-]+\s+){0,2}?)$"
)
#: Heads that name a kind of body rather than a word of its name.
HEAD_KINDS = {"court": "court", "tribunal": "court", "prosecution": "prosecution"}


def _outermost(known: list[tuple[int, int, Entity]], i: int) -> Entity:
    """The body of the longest name that holds mention ``i`` ("the Zembla Court" in "the
    Criminal Chamber of the Zembla Court" stands for the chamber)."""
    a, b, e = known[i]
    for xa, xb, x in known[max(0, i - 4) : i]:
        if xa <= a and b <= xb and (xa, xb) != (a, b) and x.kind == e.kind:
            return x
    return e


def _described_mentions(
    flat: str, known: list[tuple[int, int, Entity]], index: dict[str, list[int]] | None = None
) -> list[tuple[int, int, Entity]]:
    """Definite descriptions of bodies named before ("the agency filed a charge sheet" after
    "the Zembla Investigation Agency"): each is a mention of the last body named before it
    whose name has that head word (a court or prosecution by its kind); a capitalised word
    before the head must be in the name too ("the Zenda court")."""
    starts = [a for a, _b, _e in known]
    out = []
    # its words looked up in the word index, or else found by str.find
    heads = (
        finditer_prefixed(DESCRIBED_HEAD, flat)
        if index is None
        else finditer_indexed(DESCRIBED_HEAD, flat, index)
    )
    for h in heads:
        if h.start() and (flat[h.start() - 1].isalnum() or flat[h.start() - 1] in "-_"):
            continue
        m = DESCRIBED_LEAD.search(flat, max(0, h.start() - 60), h.start())
        if m is None:
            continue
        head = re.sub(r"\s+", " ", h.group().lower()).replace("’", "'")
        a, b = m.start("mod") if m.group("mod") else h.start(), h.end()
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and known[i][1] > h.start():
            continue  # part of a name already known ("the Zembla Investigation Agency")
        caps = [w for w in m.group("mod").split() if w[:1].isupper()]
        kind = HEAD_KINDS.get(head) or ("prosecution" if "prosecutor" in head else None)
        while i >= 0:
            e = _outermost(known, i)
            name = (e.name or "").lower()
            if (
                e.kind == "organisation"
                and (e.attrs.get("kind") == kind if kind else head in name)
                and all(w.lower() in name for w in caps)
            ):
                out.append((a, b, e))
                break
            i -= 1
    return out


ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}")


def _acronym_mentions(
    ents: Entities, flat: str, known: list[tuple[int, int, Entity]]
) -> list[tuple[int, int, Entity]]:
    """The later uses of acronyms that bodies' names define, outside any other mention. An
    acronym two bodies share names neither."""
    owners: dict[str, list[Entity]] = {}
    for e in ents.of("organisation"):
        for v in e.variants:
            if ACRONYM.fullmatch(v) and e not in owners.get(v, []):
                owners.setdefault(v, []).append(e)
    if not owners:
        return []
    spans = sorted((a, b) for a, b, _e in known)
    starts = [a for a, _b in spans]
    out = []
    for acr, bodies in owners.items():
        if len(bodies) != 1:
            continue
        first = min(a for a, _b in bodies[0].mentions) if bodies[0].mentions else 0
        for a, b in _standalone(flat, acr):
            if a < first:
                continue
            i = bisect.bisect_right(starts, a) - 1
            if i >= 0 and spans[i][1] > a:
                continue  # inside a longer name ("the NIA court")
            if flat.startswith(")", b) and flat[max(0, a - 1) : a] == "(":
                continue  # the definition itself
            out.append((a, b, bodies[0]))
    return out


def _standalone(flat: str, word: str) -> list[tuple[int, int]]:
    r"""The spans ``re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", flat)`` gives, found
    by ``str.find`` without a pattern compiled for each acronym of each text."""
    out = []
    i = flat.find(word)
    while i >= 0:
        end = i + len(word)
        if (i == 0 or not _joins(flat[i - 1])) and (end == len(flat) or not _joins(flat[end])):
            out.append((i, end))
            i = flat.find(word, end)
        else:
            i = flat.find(word, i + 1)
    return out


def _joins(c: str) -> bool:
    r"""``[\w-]``: a character that makes a word go on."""
    return c.isalnum() or c in "_-"


#: Roles of the people an appeal is about: defenders, and journalists held for their work
#: (coded ``journalist`` without ``defender``, by the gold conventions).
TARGET_ROLES = frozenset({"defender", "journalist"})


#: "together with his lawyer, Ana Lee", "along with Tom Reed": people who underwent the step
#: beside its target, whatever their role.
TOGETHER_WITH = re.compile(r"\b(?:together|along)\s+with\s+(?:[\w’'-]+,?\s+){0,3}?$")
#: "A and his lawyer B were arrested": a name joined by "and" to the subject of a passive.
AND_SUBJECT = re.compile(r"\s+and\s+(?:[\w’'-]+,?\s+){0,3}?$")
#: "the husband of", "the mother of": the person named next is a relative's anchor.
#: A possessive naming the kin of the one named just before: "Tom Reed, Ms Lee's brother".
KIN_AFTER = re.compile(
    r"[’']s?\s+(?:husband|wife|son|daughter|mother|father|brother|sister|nephew|niece|cousin|"
    r"widow|uncle|aunt|relative|child)\b"
)
KIN_OF = re.compile(
    r"\b(?:husband|wife|son|daughter|mother|father|brother|sister|nephew|niece|cousin|widow|"
    r"uncle|aunt|relative|child)\s+of\s+(?:(?:(?:the|an?)\s+)?(?:[\w-]+,?\s+){0,3}?)"
    r"(?:(?:Mr|Ms|Mrs|Mme|Dr)\.?\s+)?$"
)


#: "in the presence of his wife, Ms. Ana Lee", "in front of her son, Ivo Lee": who saw the
#: step, not who underwent it.
PRESENT_AT = re.compile(
    r"\bin\s+(?:(?:the\s+)?(?:full\s+)?(?:presence|view)\s+of|front\s+of)\s+"
    r"(?:[\w’'.-]+,?\s+){0,4}?$"
)


#: Between two people who saw a step: ", and his mother, Ms. ", ", her son ".
PRESENT_MORE = re.compile(r",?\s+(?:and\s+)?(?:[\w’'.-]+,?\s+){0,4}?")
#: "whose lawyer Ana Lee", "whose wife, Ana Lee,": a person named in a relative's phrase.
WHOSE_NP = re.compile(r"\bwhose\s+(?:[\w’'-]+,?\s+){1,3}?$")


def _companions(
    flat: str,
    near: list[tuple[int, int, Entity]],
    a: int,
    b: int,
    c0: int,
    c1: int,
    passive: bool,
) -> list[Entity]:
    """People of the trigger's clause who underwent the step with its target: named after
    "together with" / "along with", or, before a passive verb, joined by "and" to its
    subject ("Tom Reed and his lawyer Ana Lee were arrested")."""
    found = []
    for ma, _mb, e in near:
        if e.kind != "person" or not e.name or not c0 <= ma < c1:
            continue
        if TOGETHER_WITH.search(flat, max(c0, ma - 50), ma) and ma > a - 200:
            found.append(e)
        elif passive and ma < a and AND_SUBJECT.search(flat, max(c0, ma - 40), ma):
            prev = [x for x in near if x[1] <= ma and x[0] >= c0 and x[2].kind == "person"]
            tail = flat[ma:a]
            if prev and not re.search(r"[;:]|\b(?:who|which|whose)\b", tail):
                found.append(e)
    return found


#: A relative clause opened after a comma and still open at a mention: ", where the case was
#: heard by", ", who had".
RELATIVE_AT = re.compile(r",\s+(?:where|which|who|whom|whose)\b[^,;()]*$")


def _in_closed_relative(flat: str, c0: int, ma: int, a: int) -> bool:
    """Whether a mention before the trigger stands in a relative clause that closes before it
    ("The X Court, where the case was heard by Judge Y from 3 May, upheld the verdict"): one
    named there acts in that clause, not in the trigger's."""
    return bool(RELATIVE_AT.search(flat, max(c0, ma - 120), ma)) and "," in flat[ma:a]


def _targeted(e: Entity) -> bool:
    # a co-defendant coded other (kg.extract.roles) is still tried with the others
    return bool(TARGET_ROLES.intersection(e.attrs.get("roles", []))) or "accused" in e.attrs


#: A subject that undergoes what its verb tells: "... Ivo Sand was stopped at the airport".
UNDERWENT_AFTER = re.compile(
    r"\s+(?:was|were|had\s+been|has\s+been)\s+(?:\w+ly\s+)?(?:[a-z]+ed|[a-z]+en|brought|"
    r"caught|held|kept|sent|put|led|shot|hit)\b"
)


def _underwent_before(
    doc: Doc, mentions: list[tuple[int, int, Entity]], person: Entity, start: int
) -> bool:
    """Whether the sentence before the one at ``start`` names ``person`` as the subject of a
    passive ("On 12 September, his brother Ivo Sand was stopped at the airport. He was
    told that he was banned from travel": "he" is the one stopped, not the defender)."""
    k = bisect.bisect_left(doc.sentence_starts, start) - 1
    if k < 0:
        return False
    prev = doc.sentences[k]
    lo = bisect.bisect_left(mentions, prev.start, key=lambda m: m[0])
    hi = bisect.bisect_left(mentions, prev.end, key=lambda m: m[0])
    return any(
        e is person and mb <= prev.end and UNDERWENT_AFTER.match(doc.flat, mb)
        for _ma, mb, e in mentions[lo:hi]
    )


def main_targets(ents: Entities) -> list[str]:
    return [p.id for p in ents.of("person") if _targeted(p)][:2]


def _group_before(
    mentions: list[tuple[int, int, Entity]],
    pos: int,
    group: re.Match[str],
    exclude: tuple[str, ...] | list[str] = (),
    flat: str = "",
    recent: list[str] | None = None,
    episode: list[str] | None = None,
) -> list[str]:
    """The people a plural reference points back to: those named together last before it, as
    many as its number says ("all four", "both men"). A counted group takes any named person
    who is not an official acting on others (relatives and co-defendants count), of the gender
    "men" or "women" gives; "them" without a number takes the defenders only. With no list
    named before it, a counted group as large as ``episode`` (the people of the last step done
    to several) is that group, whoever was named since ("A, B and C were arrested. D, who was
    with them, was released. The three men were charged")."""
    text = group.group().lower()
    word = (group.group("n") or ("two" if text.startswith("both") else "")).lower()
    n = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
    pronoun = text in ("them", "they", "their")
    listed = (
        [x for x in _last_list(mentions, pos, flat) if x not in exclude]
        if flat and (pronoun or n)
        else []
    )
    if len(listed) >= 2 and (n == len(listed) or (pronoun and not n)):
        # "A, B, C and D were taken to ... Judge X ordered their detention": the people the
        # text last named together, whatever roles they also have (a lawyer held with them)
        return sorted(listed, key=lambda i: int(i[1:]) if i[1:].isdigit() else 0)
    if n and len(listed) >= 2 and n > len(listed) and recent:
        # "arrested A, B and C. Their lawyer, D, was arrested the next day. The four were
        # charged": the list named last, with the people the events after it were told of
        extra = [x for x in recent if x not in listed and x not in exclude][: n - len(listed)]
        if len(listed) + len(extra) == n:
            return sorted([*listed, *extra], key=lambda i: int(i[1:]) if i[1:].isdigit() else 0)
    group = [x for x in episode or () if x not in exclude]
    if n and len(listed) < 2 and len(group) == n:
        return sorted(group, key=lambda i: int(i[1:]) if i[1:].isdigit() else 0)
    gender = "female" if text.endswith("women") else "male" if text.endswith("men") else None
    found: list[str] = []
    last = None
    for a, _b, e in reversed(mentions):
        if a >= pos or e.kind != "person" or e.id in exclude:
            continue
        if gender and e.attrs.get("gender", "unknown") not in ("unknown", gender):
            continue
        if n and n >= 3:
            if not e.name or AGENT_ROLES.intersection(e.attrs.get("roles", [])):
                continue
        elif not _targeted(e):
            continue
        if last is not None and not n and last - a > 300:
            break  # without a number: only the defenders named together last
        if e.id not in found:
            found.append(e.id)
        last = a
        if n and len(found) >= n:
            break
    if n and len(found) < n and recent:
        # fewer named than counted: the people the last events were told of make up the count
        found += [x for x in recent if x not in found and x not in exclude][: n - len(found)]
    if not n and len(found) < 2:
        return []
    return sorted(found, key=lambda i: int(i[1:]) if i[1:].isdigit() else 0)


#: What joins the names of a list: "A, B and C", "Ms. A, Mr. B and Mr. C", "A, the lawyer B
#: and the poet C" (a title or a description in small words before a name).
LIST_JOIN = re.compile(
    r"(?:,\s+(?:and\s+)?|\s+and\s+)"
    r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+|(?:the|a|an)\s+(?:(?!and\b)[a-z][\w-]*\s+){1,3})?"
    # "its spokesperson, A; its treasurer, B; and five volunteers: C, D": items of one list
    # set off by semicolons, each with its post
    r"|;\s+(?:and\s+)?(?:(?:[a-z][\w’'-]*\s+){0,4}?[a-z][\w’'-]*\s*[:,]\s+)?"
    r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?"
)
#: How far back a plural pronoun looks for the list it stands for.
LIST_REACH = 400
#: Roles of people who act on others: a list with one of them is no group of people done to.
ACTING_ROLES = frozenset({"official", "judge", "prosecutor"})


def _last_list(mentions: list[tuple[int, int, Entity]], pos: int, flat: str) -> list[str]:
    """The people of the last list of names before ``pos`` ("A, B and C", nothing but commas,
    "and" and titles between the names), within LIST_REACH; none if the list holds an
    official, a judge or a prosecutor, or no defender or journalist."""
    i = bisect.bisect_left(mentions, pos, key=_start) - 1
    run: list[Entity] = []
    end = None  # where the run's earliest mention starts
    while i >= 0 and pos - mentions[i][0] <= LIST_REACH:
        a, b, e = mentions[i]
        i -= 1
        if e.kind != "person" or not e.name or flat.startswith(("'", "’"), b):
            # (not "Ana Lee's niece": a possessor names whose kin the next one is)
            if run and end is not None and a < end <= b:
                continue  # a body named inside the person's mention
            if len(run) >= 2:
                break
            run, end = [], None
            continue
        if run and end is not None and not LIST_JOIN.fullmatch(flat, b, end):
            if len(run) >= 2:
                break
            run = []
        run.append(e)
        end = a
    if len(run) < 2:
        return []
    if any(ACTING_ROLES.intersection(e.attrs.get("roles", [])) for e in run):
        return []
    if not any(_targeted(e) for e in run):
        return []
    return list(dict.fromkeys(e.id for e in reversed(run)))


#: A counted group of bodies not of the state: "the three companies", "both organisations".
BODY_GROUP = re.compile(
    r"\b(?:the|all|both)\s+(?:(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?"
    r"(?:companies|organi[sz]ations|outlets|newspapers|associations|NGOs|groups|unions|media)\b"
)
#: One of these is in every match of BODY_GROUP: a clause without any is not searched.
BODY_GROUP_NOUNS = ("companies", "organi", "outlets", "newspapers", "associations", "NGOs",
                    "groups", "unions", "media")  # fmt: skip
#: Kinds of bodies such a group is made of.
GROUP_KINDS = frozenset({"ngo", "media", "company", "other", "union", "party"})


def _bodies_before(
    mentions: list[tuple[int, int, Entity]], pos: int, group: re.Match[str]
) -> list[str]:
    """The bodies a counted group points back to: as many as its number says ("both" is
    two), named last before ``pos``, not of the state; none if fewer are named."""
    word = group.group("n") or ("two" if group.group().lower().startswith("both") else "")
    n = int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower())
    if not n or n < 2:
        return []
    found: list[str] = []
    for a, _b, e in reversed(mentions):
        if a >= pos or e.kind != "organisation" or e.attrs.get("kind") not in GROUP_KINDS:
            continue
        if e.id not in found:
            found.append(e.id)
        if len(found) >= n:
            return found[::-1]
    return []


#: Roles of people who act on others (their names in the clause are not targets).
AGENT_ROLES = frozenset({"official", "judge", "prosecutor", "lawyer"})
#: Who a ban strikes for their work, though they act for others elsewhere: "disbarred lawyer
#: Ana Lee", "suspended the licence of lawyer Ana Lee".
BANNED_ROLES = frozenset({"lawyer"})
#: Events done to an organisation as much as to a person: its office searched, it is banned, a
#: newspaper or a company fined.
BODY_EVENTS = frozenset(
    "search raid seizure attack threat ban deregistration case_opened investigation fine".split()
)
#: Events only people undergo: custody and its end.
CUSTODY_EVENTS = frozenset({"detention", "release"})
#: Events whose targets, unnamed, are those of the event told before them.
CARRIED_EVENTS = frozenset(
    "sentence conviction acquittal trial_hearing court_decision fine ban travel_ban detention "
    "release charge appeal_filed".split()
)
#: Events that are always done to someone (the corpus gold never leaves them without a target).
DONE_TO_SOMEONE = frozenset(
    "arrest detention charge charge_reclassified sentence conviction acquittal trial_hearing "
    "court_decision release fine travel_ban search seizure raid disappearance summons "
    "interrogation".split()
)
#: "was arrested", "were later detained", "had been sentenced": the subject is the target.
PASSIVE = re.compile(
    r"\b(?:was|were|been|being|be)\s+(?:(?:\w+ly|then|also|again|later|first|both|all|each|"
    r"himself|herself|themselves|itself|subsequently|once|twice)\s+){0,2}$"
)
#: "was arrested, beaten and charged", "was stopped at the airport and prevented from": a
#: participle joined by "and" or a comma to a passive one shares its auxiliary, and its voice.
COORDINATED_PASSIVE = re.compile(
    r"\b(?:was|were|been|being)\s+(?:(?:\w+ly|then|also|first|later|both|all)\s+){0,2}"
    r"[a-z]+(?:ed|en|wn|ht|ld|ung|ut)\b([^.;:()]{0,80}?)"
    r"(?:,\s+(?:and\s+)?|\s+and\s+)(?:(?:then|later|also|subsequently|eventually)\s+)?$"
)
#: "from" right before a name: whom a step received came from.
FROM_END = re.compile(r"\bfrom\s+$")
#: A verb of receiving opening a step told by its object, or just before it: "received death
#: threats", "has received phone calls warning her".
RECEIVED = re.compile(
    r"\b(?:received|receives|receive|receiving|got|gets)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:threats?|calls?|messages?|letters?|texts?|e-?mails?|notes?|SMS)\b"
)
#: In the words between the two participles, a subject or a finite verb of a clause of its own.
OWN_CLAUSE = re.compile(
    r"\b(?:he|she|they|it|we|who|which|whom|whose|that|was|were|is|are|has|have|had|did|"
    r"but|while|when|after|before|police)\b"
)


def coordinated_passive(flat: str, a: int) -> bool:
    """Whether the verb at ``a`` shares the passive auxiliary of a participle before it ("Ana
    Lee was arrested at her home and beaten": she was beaten, no one she beat)."""
    m = COORDINATED_PASSIVE.search(flat, max(0, a - 140), a)
    return m is not None and not OWN_CLAUSE.search(m.group(1))


#: Between the subject of a passive verb and the verb: "Tom Reed was also arrested".
PASSIVE_SUBJECT = re.compile(
    # an apposition may stand between: "Ana Lee, a member of the Bar, was summoned"
    r"(?:,\s+(?:an?|the|his|her|their)\s+[^,;.()]{1,80},)?"
    r"\s+(?:(?:has|have|had)\s+)?(?:was|were|been|being)\s+"
    r"(?:(?:\w+ly|then|also|again|later|first|both|all|subsequently|himself|herself)\s+){0,2}"
)
#: The same, where the subject is itself set off by commas: "A paralegal, Mr. Justice Mugo, was".
SET_OFF_SUBJECT = re.compile(",?" + PASSIVE_SUBJECT.pattern)
#: A phrase that opens with its own auxiliary: "the Centre was banned", "were granted bail".
AUX_OPENS = re.compile(
    r"(?:(?:had|has|have)\s+(?:(?:\w+ly|already|also)\s+)?been|was|were|been|being)\s+"
    r"(?:(?:\w+ly|already|also)\s+)?[a-z]+(?:ed|en|wn)\b"
)
#: A day, month or year told between a "by" agent and a later verb: "arrested by police on 3 May
#: and charged on 5 May" tells two occasions.
NEW_DAY = re.compile(r"\d|\b(?:later|next|following|then|after|subsequently)\b")
#: A day told right after the participle: "and questioned on 5 May", "and charged in court on
#: 5 May".
DAY_AFTER = re.compile(r"[^.;:,]{0,40}?\bon\s+(?:\d|[A-Z][a-z]+\s+\d)")
#: The words of a new occasion between a "by" agent and a later verb: "later", "the next day".
NEW_DAY_WORDS = re.compile(r"\b(?:later|next|following|then|after|subsequently)\b")


def _new_occasion(flat: str, ma: int, a: int, b: int) -> bool:
    """Whether the participle at ``flat[a:b]`` tells another occasion than the "by" agent at
    ``ma`` of the participle before it: words of a later time between, or a day between and one
    of its own after it ("arrested by police on 3 May and questioned on 5 May"); a day told only
    with the first ("summoned by the ministry on 3 May and questioned for six hours") dates one
    visit."""
    if NEW_DAY_WORDS.search(flat, ma, a):
        return True
    return bool(re.search(r"\d", flat[ma:a])) and DAY_AFTER.match(flat, b) is not None


#: "by police", "by agents of the security service": who acted, after a passive verb.
BY_AGENT = re.compile(r"\bby\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}(?:of\s+(?:the\s+)?)?$")
#: "by" right after a verb, or after a short phrase of its own: "charged by", "charged with
#: treason by".
BY_AFTER = re.compile(r"(?:\s+[^\s,;.()]+){0,4}?\s+by\b")
#: A participle of another noun right before the "by": "during a march organised in Vela ",
#: "at a rally called ".
OTHER_PARTICIPLE_END = re.compile(
    r"\b(?:organi[sz]ed|called|convened|sponsored|staged|coordinated|hosted|initiated)"
    r"(?:\s+(?:in|at|on)\s+[\w’'-]+(?:\s+[\w’'-]+)?)?\s*$"
)
#: A clause of when, set off by commas: ", as she was leaving for the market,".
TIME_ASIDE = re.compile(r",\s+(?:as|while|when|just\s+as)\s[^,;.]*,")
#: An auxiliary opens another passive verb: "detained by A on 3 May, was sentenced by B".
AUX_BETWEEN = re.compile(r"\b(?:was|were|is|are|been|being)\b")


def _by_agent(flat: str, a: int, b: int, ma: int, others: list[int] | None = None) -> bool:
    """The mention at ``ma`` is the "by X" of the trigger at ``flat[a:b]``, not of a later
    passive verb of the clause ("Ana Lee, detained by police on 3 May, was sentenced by the
    Zenda court": the court sentenced, the police detained; "was arrested by police and
    charged by the prosecutor": the prosecutor charged)."""
    m = BY_AGENT.search(flat, max(a, ma - 40), ma)
    if not m:
        return False
    between = flat[b : max(b, m.start())]
    if OTHER_PARTICIPLE_END.search(between):
        return False  # "arrested during a march organised in Vela by the X": the march's makers
    if "," in between:
        # "was stopped in the street, as she was leaving work, by agents": the auxiliary of a
        # clause set off by commas opens no passive verb of its own
        between = TIME_ASIDE.sub(" ", between)
    return not AUX_BETWEEN.search(between) and not any(b <= o < m.start() for o in others or ())


#: The possessive of a person whose kin, lawyers or colleagues are the subject of the verb that
#: follows: "Ana Lee's family filed", "Tom Reed’s lawyers have appealed".
SUBJECT_OWNER = re.compile(
    r"[’']s\s+(?:[a-z-]+\s+)?(?:lawyers?|attorneys?|counsel|defen[cs]e(?:\s+team)?|legal\s+team|"
    r"family|relatives|wife|husband|mother|father|parents|son|daughter|brother|sister|"
    r"colleagues?|employer|organi[sz]ation)\s+(?:(?:\w+ly|also|then|later|have|has|had)\s+)*"
)
#: A clause that sets another person's lot against the step's: ", but C remains".
CONTRAST = re.compile(r",\s+(?:but|while|whereas|although|though)\s")
#: Steps whose complement says what they were about: "questioned about X", "summoned over X".
ASKED_ABOUT = frozenset({"interrogation", "summons"})
#: The complement that says what a questioning or summons was about, up to the person named.
ABOUT = re.compile(r"\b(?:about|concerning|regarding|over)\s[^.;:]*\Z")
#: A clause set against the one before it, told with its own subject: ", while C was released".
CONTRAST_WHILE = re.compile(r",\s+(?:while|whereas)\s")
#: Steps the same agents take in one visit, which participles joined by "and" share a "by" for
#: ("detained and questioned by the police"); a charge or a court's step is another's.
ONE_VISIT = frozenset(
    "arrest interrogation summons search seizure raid attack threat disappearance".split()
)
#: Between a participle and the next one it shares its "by" with: "detained at the airport on 3
#: May and questioned for eleven hours by X" (no comma, auxiliary or new subject between).
JOINED_TO_NEXT = re.compile(r"[^.;:,()]{0,80}?\s+and\s+(?:then\s+|later\s+)?$")


def _shared_by(flat: str, a: int, b: int, ma: int, others: list[int] | None) -> bool:
    """The mention at ``ma`` is the "by X" of the next passive participle, joined to the trigger
    at ``flat[a:b]`` by "and", which has no "by" of its own: X did both ("Ana Lee was detained
    at the airport and questioned for hours by the police": the police detained her too)."""
    if not others or BY_AFTER.match(flat, b) is not None:
        return False
    nxt = [o for o in others if b < o < ma]
    if len(nxt) != 1 or not JOINED_TO_NEXT.fullmatch(flat, b, nxt[0]):
        return False
    if AUX_BETWEEN.search(flat, b, nxt[0]) or NEW_DAY.search(flat, nxt[0], ma):
        return False  # "arrested on 3 May and charged on 5 May by the prosecutor": two occasions
    return _by_agent(flat, nxt[0], nxt[0], ma, [o for o in others if o != nxt[0]])


#: ``;|:|,\s+(?:and|but|...)\s+|\s+and\s+(?=on\s+\d)``, opening with the class of the
#: characters a break starts with and reading its look-behinds after it, as CLAUSE_END in
#: :mod:`kg.extract.events` does: the engine skips to those characters instead of trying every
#: branch at every position (the same matches; some 38% less time for the pattern alone).
CLAUSE_BREAK = re.compile(
    r"[;:,\s](?:(?<=[;:])|(?<=,)\s+(?:and|but|while|whereas|where|when|after|before)\s+"
    r"|(?<=\s)\s*and\s+(?=on\s+\d))"
)


#: Events whose subject acts for itself: who complains or appeals is their agent.
SUBJECT_ACTS = frozenset({"complaint", "appeal_filed", "other"})
SUBJECT_PRONOUN = re.compile(
    r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Bb]oth(?:\s+(?:men|women))?|[Tt]he\s+two\s+(?:men|women))\b"
)
#: A charge told as the ground of another step: "(remanded him) on charges of smuggling".
CHARGE_AS_GROUND = re.compile(r"on\s+(?:the\s+)?charges?\s+(?:of|under)\b")

#: Events brought before a body, which is their authority: appeals, complaints, indictments.
ADDRESSED_EVENTS = frozenset({"appeal_filed", "complaint", "charge"})
ADDRESSED_TO = re.compile(r"\b(?:to|with|before|in|at)\s+(?:the\s+)?$")
ADDRESSEE_KINDS = frozenset(
    {"court", "international_org", "prosecution", "government", "police", "ministry"}
)


def _hearing_court(
    flat: str, mentions: list[tuple[int, int, Entity]], a: int, b: int
) -> Entity | None:
    """The court a hearing phrase names after "before" ("a hearing before the X Court is
    scheduled"), inside the phrase itself; the longest name where bodies nest."""
    found = None
    i = bisect.bisect_left(mentions, a, key=lambda m: m[0])
    while i < len(mentions) and mentions[i][0] < b:
        ma, mb, e = mentions[i]
        if (
            e.kind == "organisation"
            and e.attrs.get("kind") == "court"
            and BEFORE_COURT.search(flat, max(a, ma - 12), ma)
            and (found is None or mb - ma > found[1] - found[0])
        ):
            found = (ma, mb, e)
        i += 1
    return found[2] if found else None


#: "before" and its article right before a court's name.
BEFORE_COURT = re.compile(r"before\s+(?:the\s+)?$")


def addressed_body(
    flat: str, mentions: list[tuple[int, int, Entity]], b: int, c1: int
) -> Entity | None:
    """The court or body an appeal, complaint or charge is brought to ("to the Supreme Court",
    "with the European Court of Human Rights", "before the Zenda Court"), in the clause after
    the trigger, or the body it names ("petitioned the High Court")."""
    i = bisect.bisect_left(mentions, b, key=lambda m: m[0])
    while i < len(mentions) and mentions[i][0] < min(c1, b + 80):
        ma, _mb, e = mentions[i]
        if (
            e.kind == "organisation"
            and e.attrs.get("kind") in ADDRESSEE_KINDS
            and (ADDRESSED_TO.search(flat, max(b, ma - 12), ma) or not flat[b:ma].strip(" the"))
        ):
            return e
        i += 1
    return None


def _court_after(mentions: list[tuple[int, int, Entity]], b: int, end: int) -> Entity | None:
    """The first court the text names between ``b`` and ``end``."""
    i = bisect.bisect_left(mentions, b, key=lambda m: m[0])
    while i < len(mentions) and mentions[i][0] < end:
        e = mentions[i][2]
        if e.kind == "organisation" and e.attrs.get("kind") == "court":
            return e
        i += 1
    return None


def _subject_start(flat: str, c0: int, a: int) -> int:
    """Where the subject of the verb at ``a`` may begin: after the last comma of its clause; a
    comma right before the verb closes an apposition ("their lawyer, Tom Reed, filed"), whose
    name is the subject too."""
    comma = flat.rfind(",", c0, a)
    if comma >= 0 and AUX_ONLY.fullmatch(flat, comma + 1, a):
        # (also with an auxiliary or an adverb between: "their lawyer, Tom Reed, has filed")
        comma = flat.rfind(",", c0, comma)
    return max(c0, comma + 1)


def _receiver_start(flat: str, c0: int, r: int) -> int:
    """Where the subject of a verb of receiving at ``r`` may begin, as ``_subject_start`` reads
    it, a comma inside brackets passed over ("her lawyer, A of the X (Centre for Y, CY),
    received a threatening message")."""
    seg = BRACKETED.sub(lambda m: "x" * len(m.group()), flat[c0:r])
    return c0 + _subject_start(seg, 0, len(seg))


#: A bracketed aside of one line: its commas part no clause.
BRACKETED = re.compile(r"\([^()]{0,120}\)")


#: What may stand between an apposition's closing comma and its verb: an active auxiliary and
#: adverbs ("has filed", "had already lodged", "then filed").
AUX_ONLY = re.compile(
    r"\s*(?:(?:has|have|had|also|then|later|already|again|subsequently|\w+ly)\s+){0,3}"
)


def clause_of(flat: str, s: Span, a: int) -> tuple[int, int]:
    """The bounds of the clause of the sentence ``s`` that holds position ``a``."""
    c0, c1 = s.start, s.end
    for start, end in _clause_breaks(flat, s.start, s.end):
        if end <= a:
            c0 = end
        elif start >= a:
            c1 = start
            break
    return c0, c1


#: "... was arrested on 3 May and Tom Reed was beaten": "and" before a subject of its own (a
#: name, a pronoun, "his colleague X") and its auxiliary opens a clause, where the clause
#: before already has a finite verb (not "Ana Lee and Tom Reed were arrested").
AND_NEW_SUBJECT = re.compile(
    r"\s+and\s+(?=(?:(?:his|her|their|its|the)\s+(?:[a-z-]+\s+){0,2})?(?:[A-Z][\w’'-]+\s+){1,4}"
    r"(?:was|were|had|has|is|are)\b|(?:he|she|they)\s+(?:was|were|had|has|is|are)\b)"
)
CLAUSE_VERB = re.compile(r"\b(?:was|were|had|has|is|are)\b")


#: ", and his brothers, Tom and Ivo Reed.": a list's last item, a noun phrase that names
#: people (words of kin or post, names, ages), with no verb of its own.
NAMES_TAIL = re.compile(
    r"(?:(?:his|her|their|the|two|three|four|five|and|[a-z]+(?:s|er|or|ist|ian|ant|ent)|"
    r"[A-Z][\w’'.-]*|\d+)(?:,\s*|\s+|(?=[.;:]|$)))+?"
)
NAMES_TAIL_VERB = re.compile(
    r"\b(?:him|them|it|was|were|is|are|had|has|have)\b|\bher(?![ ]+[a-z])|\w+ed\b"
)


#: Where a list's last item ends: a stop that closes no honorific or initial ("while Mr. Tom
#: Reed was questioned" goes on past "Mr."), or a clause's ", and".
NAMES_TAIL_STOP = re.compile(
    r"[;:]|(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr))(?<!\bMrs)(?<!\b[A-Z])\.|,\s+(?:and|but)\s+"
)


def _names_follow(flat: str, at: int, end: int) -> bool:
    """The words from ``at`` to the sentence's next break or end are a list's last noun phrase
    with a name in it, not a clause ("A, 71, and his brothers, B and C": no clause break)."""
    m = NAMES_TAIL_STOP.search(flat, at, end)
    stop = m.start() if m else end
    tail = flat[at:stop]
    return (
        bool(re.search(r"[A-Z]", tail))
        and NAMES_TAIL_VERB.search(tail) is None
        and NAMES_TAIL.fullmatch(tail.strip()) is not None
    )


#: A word that makes what stands before a ", and" a clause, not a noun phrase: an auxiliary, a
#: past form, a pronoun subject.
VERB_LIKE = re.compile(
    r"\b(?:was|were|had|has|have|is|are|been|being|did|does|do|said|says|told|took|went|"
    r"he|she|they|we|it)\b|\b[a-z]+(?:ed|en)\b"
)


def _subjects_listed(flat: str, start: int, m: re.Match[str]) -> bool:
    """The ", and" after a noun phrase that opens the sentence with no verb of its own ("Her
    husband, the engineer Tom Reed, and her colleague, Ivo Marsh, were arrested"): subjects
    listed together, not two clauses."""
    head = flat[start : m.start()]
    return (
        m.group().lstrip(", ").startswith("and")
        and bool(re.search(r"[A-Z][a-z]", head[1:]))
        and VERB_LIKE.search(head) is None
        and CLAUSE_BREAK.search(head) is None
    )


@functools.lru_cache(maxsize=256)
def _clause_breaks(flat: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The spans of CLAUSE_BREAK in ``flat[start:end]``, and of "and" before a new subject
    with its auxiliary, read once for the several events of a sentence."""
    spans = [
        m.span() for m in CLAUSE_BREAK.finditer(flat, start, end)
        if not (m.group().startswith(",") and _names_follow(flat, m.end(), end))
        and not _subjects_listed(flat, start, m)
    ]  # fmt: skip
    if " and " not in flat[start:end]:
        return tuple(spans)
    for m in AND_NEW_SUBJECT.finditer(flat, start, end):
        # (not ``max([start, *(...)])``: Cython cannot compile a starred generator in a list)
        before = max(start, max((e for _s, e in spans if e <= m.start()), default=start))
        if CLAUSE_VERB.search(flat, before, m.start()) and not any(
            x <= m.start() < y for x, y in spans
        ):
            spans.append(m.span())
    return tuple(sorted(spans))


@functools.lru_cache(maxsize=256)
def _says_court(flat: str, start: int, end: int) -> bool:
    """``COURT_WORD`` in ``flat[start:end]``, read once for the several events of a sentence.
    Most sentences name no court: the pattern, which the engine tries at every "t" and "s", is
    searched only where the lower-case copy holds one of its nouns (:data:`COURT_NOUNS`)."""
    part = flat[start:end]
    if "ı" not in part and "İ" not in part:
        low = part.lower()
        for noun in COURT_NOUNS:  # a loop, not ``any`` over a generator
            if noun in low:
                break
        else:
            return False
    return COURT_WORD.search(flat, start, end) is not None


#: The nouns every match of COURT_WORD ends with. Case-blind matching folds only two characters
#: outside ASCII onto their letters, the dotless ı and the dotted İ (whose lower-case copy is
#: two characters): a text holding either is searched whatever its lower-case copy holds.
COURT_NOUNS = ("court", "tribunal", "judge", "chamber", "magistrate")


#: Between two bodies listed together: "the police, other units of the army and", "A and B",
#: "officers of A and of B".
LISTED_BODY = re.compile(
    # (", the agency that looks into grave offences,": an apposition on the first body)
    r"\s*(?:\([^()]{1,40}\)\s*)?(?:,\s+(?:the|an?)\s+[a-z][^,;()]{1,60}(?=,))?"
    r"(?:,\s*(?:and\s+)?|\s+and\s+)(?:of\s+)?(?:the\s+)?"
    r"(?:(?:other\s+)?(?:units?|officers?|members?|agents?|soldiers?)\s+of\s+(?:the\s+)?)?"
)


def _passive_voice(flat: str, a: int, c0: int, voice: str | None) -> bool:
    """Whether the trigger at ``a`` is passive: by its frame, else by the words before it."""
    if voice in ("active", "passive", "perfect", "state"):
        return voice != "active"
    return bool(PASSIVE.search(flat, max(c0, a - 25), a) or AUX_OPENS.match(flat, a))


#: Between a body and the larger body it is a unit of: "the Crime Unit (CU) of the Zenda police".
UNIT_OF = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?of\s+(?:the\s+)?")
#: "the court refused her bail on 3 May, but Judge X granted it on 9 May": the sentence turns
#: to another step; the judges named after the turn sit at that one.
TURN = re.compile(r",\s+but\b")


#: Events a court decides or holds: with no court named in the sentence, the court last named
#: before it in the paragraph (or anywhere before, if the sentence says "the court") acts.
COURT_EVENTS = frozenset("sentence conviction acquittal trial_hearing court_decision fine".split())
#: "on his behalf", "on behalf of Ana Lee": the one a complaint or appeal is brought for.
BEHALF = re.compile(r"\bon\s+(?:(his|her|their)\s+behalf|behalf\s+of\b)", re.I)
#: What a party brings to a court or an authority: the court it is told with decides it.
FILED_EVENTS = frozenset({"complaint", "appeal_filed"})
#: Events only the state does: who acts in them is a state body or a person.
STATE_ACTS = frozenset(
    "sentence conviction acquittal trial_hearing court_decision fine detention release charge "
    "case_opened charge_reclassified summons interrogation travel_ban amnesty".split()
)
#: Administrative steps a state body both takes and decides: a ban, a deregistration, an
#: investigation opened.
DECIDED_BY_BODY = frozenset(
    "ban deregistration investigation travel_ban case_opened seizure".split()
)
#: The bodies that decide such steps (the police and security services carry steps out).
DECIDING_KINDS = frozenset({"ministry", "government", "parliament", "other"})
#: Steps a named official may decide himself: those above, and a pardon or release, an
#: amnesty, a remand in custody.
DECIDED_BY_OFFICIAL = DECIDED_BY_BODY | {"release", "amnesty", "detention"}
#: The posts whose holder decides such a step ("President X pardoned him", "the Minister of the
#: Interior, Y, banned the association"): heads of state and government, ministers and
#: secretaries of state, governors, prosecutors general. Police ranks carry steps out; a judge
#: sits in a court, which the corpus gives as the authority where the text names it.
DECIDING_POST = re.compile(
    r"\b(?:president|(?:prime )?minister|secretary|governor|chief executive|head of state|"
    r"king|emir|sultan|prosecutor general|attorney[- ]general|procurator general)\b",
    re.I,
)
#: Steps carried out in the street or at the door, never by a court.
STREET_WORK = frozenset("arrest search raid attack threat disappearance killing".split())


#: "by order of", "a warrant", "the court's decision": the clause says a court ordered the step.
ORDER_WORD = re.compile(r"\b(?:order|orders|warrant|decision)\b")


#: Arrests, searches, raids: the police act, but no authority decides.
POLICE_WORK = frozenset("arrest search raid seizure attack threat disappearance".split())
#: "the court" as the subject right before the trigger: "and the court remanded him".
COURT_SUBJECT = re.compile(r"\b[Tt]he (?:court|tribunal|judge)\s+(?:(?:then|also|later)\s+)?$")
#: The look-ahead names the letters a match can open with (any case): the engine then passes
#: over the other characters of a clause without trying the words one by one.
COURT_WORD = re.compile(
    r"(?=[ts])\b(?:the|this|that|same) (?:court|tribunal|judge|chamber|magistrate)\b", re.I
)


def _entity(ents: Entities, eid: str) -> Entity | None:
    return next((x for x in ents.items if x.id == eid), None)


def _deciding_official(ents: Entities, eid: str) -> bool:
    """Whether ``eid`` is a person the text gives a post whose holder decides (an event's
    authority may be a person: shapes/event.ttl)."""
    e = _entity(ents, eid)
    if e is None or e.kind != "person":
        return False
    if "official" not in e.attrs.get("roles", []):
        return False
    return any(DECIDING_POST.search(p.get("title") or "") for p in e.attrs.get("positions", []))


def _kind(ents: Entities, eid: str) -> str | None:
    e = _entity(ents, eid)
    return e.attrs.get("kind") if e is not None and e.kind == "organisation" else None


#: The word before a court's name that makes it the body of a post or a place, not the subject
#: of the verb after it: "the investigating judge of the X Court", "appeared before the X Court".
COURT_OF_BEFORE = re.compile(r"\b(?:of|at|before|to|in|from)\s+(?:the\s+)?$")
PASSIVE_WORD = re.compile(r"\b(?:was|were|been|being)\b")


def _court_subject(
    flat: str, near: list[tuple[int, int, Entity]], eid: str, c0: int, a: int, voice: str | None
) -> bool:
    """Whether the court ``eid`` is the subject of the verb at ``a``, told active: named in its
    clause before the verb, not as the body of a post or a place ("the X Court charged him", not
    "the judge of the X Court charged him" or "before the X Court, and there he was charged")."""
    if voice not in ("active", "perfect", "phrase"):
        return False
    for ma, mb, e in near:
        if e.id != eid or not c0 <= ma < a:
            continue
        between = flat[mb:a]
        if "," in between or PASSIVE_WORD.search(between):
            continue  # "before the X Court, and there she was charged", "the X Court was told"
        if COURT_OF_BEFORE.search(flat, max(0, ma - 12), ma):
            continue
        return True
    return False


def _platform(ents: Entities, eid: str) -> bool:
    """Whether ``eid`` is a social network ("Facebook", "X"), not an outlet of its own."""
    e = _entity(ents, eid)
    return e is not None and e.kind == "organisation" and (e.name in PLATFORMS or e.name == "X")


def last_court(
    doc: Doc, mentions: list[tuple[int, int, Entity]], s: Span, a: int, says_court: bool
) -> Entity | None:
    """The court a court event without a named court refers to: the last court named before
    the trigger, in the same paragraph, or anywhere before where the sentence says "the court".
    A court named inside a longer name ("the Appeals Chamber of the Zenda Court") stands for
    the body that longer name gives."""
    para = next((p for p in doc.paragraphs if p.start <= a < p.end), None)
    lo = 0 if says_court else (para.start if para else s.start)
    i = bisect.bisect_left(mentions, a, key=lambda m: m[0]) - 1
    while i >= 0 and mentions[i][0] >= lo:
        ma, mb, e = mentions[i]
        if (
            e.kind == "organisation"
            and e.attrs.get("kind") == "court"
            and not (ma < s.start and _intended_at(doc, ma))
        ):
            # (a court named in what someone would or will do, "they would challenge the
            # order in the High Court", is not the one a later "the court" points back to)
            outer = [
                x for xa, xb, x in mentions[max(0, i - 4) : i]
                if x.kind == "organisation" and xa <= ma and mb <= xb and (xa, xb) != (ma, mb)
                and x.attrs.get("kind") == "court"
            ]  # fmt: skip
            return outer[-1] if outer else e
        i -= 1
    return None


#: Bodies that question people a paragraph brings before them (the police too added a wrong
#: participant on held-out development issuers).
QUESTIONING_KINDS = frozenset({"prosecution"})


def _last_questioner(doc: Doc, mentions: list[tuple[int, int, Entity]], a: int) -> Entity | None:
    """The prosecution body named last before ``a`` in its paragraph."""
    para = next((p for p in doc.paragraphs if p.start <= a < p.end), None)
    if para is None:
        return None
    i = bisect.bisect_left(mentions, a, key=lambda m: m[0]) - 1
    while i >= 0 and mentions[i][0] >= para.start:
        e = mentions[i][2]
        if e.kind == "organisation" and e.attrs.get("kind") in QUESTIONING_KINDS:
            return e
        i -= 1
    return None


#: What someone would, will or means to do: "said they would challenge the order in".
INTENDED = re.compile(
    r"\b(?:would|will|could|might|plans?\s+to|planned\s+to|intends?\s+to|intended\s+to)\b"
)


def _intended_at(doc: Doc, pos: int) -> bool:
    """Whether the sentence holding ``pos`` says, before it, what someone would or will do."""
    i = bisect.bisect_right(doc.sentences, pos, key=lambda x: x.start) - 1
    return i >= 0 and INTENDED.search(doc.flat, doc.sentences[i].start, pos) is not None


#: "opened before the Zenda Court", "heard by the Court of Appeal": a court after the trigger.
BEFORE_COURT = re.compile(r"\b(?:before|by|at|in)\s+(?:the\s+)?$")
#: ", who was arrested", ", an Italian researcher who disappeared": a relative clause whose
#: subject is the person named before it; ", which was banned in 2016": one whose subject is
#: the body named before it.
WHO_CLAUSE = re.compile(
    r",\s+(?:(?:an?|the)\s+[^,;()]{0,50}?\s+)?(?P<rel>who|which)\s+(?P<aux>[^,;]*)$"
)
WHO_PASSIVE = re.compile(r"(?:was|were|had been|has been|have been)\s+")
WHO_PASSIVE_END = re.compile(r"\b(?:was|were|been)\s+(?:(?:\w+ly|later|then|also)\s+)?$")
#: The words before a person someone asks to be freed: "calling for the release of (Mr.) X".
ASKED_RELEASE_OF = re.compile(
    r"\b(?:call|calls|calling|called|demand|demands|demanding|demanded|ask|asks|asking|asked)"
    r"\s+for\s+(?:the\s+)?(?:immediate\s+)?(?:and\s+unconditional\s+)?(?:release|freedom)\s+of\s+"
    r"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?$"
)
#: Verbs whose subject undergoes the event: "Tom Reed disappeared", "Ana Lee died" (and the
#: whereabouts, unknown, of whoever owns them).
INTRANSITIVE = re.compile(
    r"(?:disappeared|died|went missing|(?:has|have|had) been missing|whereabouts|"
    # "Tom Reed was last seen at a checkpoint": the one seen last is the one gone
    r"(?:was|were|had been|has been) last seen)\b"
)
#: "left the office and never reached her home": who set out is who never arrived, the subject
#: of the verb before "and".
NEVER_ARRIVED = re.compile(
    r"(?:never|did not|failed to) "
    r"(?:reached|reach|arrived|arrive|returned|return|made it|make it)\b"
)


#: The bodies that act on others (a ruling "which was upheld" is theirs, not done to them).
ACTING_KINDS = frozenset({"court", "prosecution", "police", "security_service"})


def _relative_subject(
    flat: str, mentions: list[tuple[int, int, Entity]], s: Span, a: int, etype: str
) -> Entity | None:
    """The person a trigger's clause is about when the sentence says so by its shape: the
    antecedent of ", who was arrested", or the subject right before an intransitive verb
    ("His son, Tom Reed, disappeared"); the body, not of the state, that ", which was banned"
    follows ("the Zembla Press Club, which was dissolved in 2016")."""
    who = WHO_CLAUSE.search(flat, s.start, a)
    body = who is not None and who.group("rel") == "which"
    if who is not None and not (
        WHO_PASSIVE.match(who.group("aux"))
        or WHO_PASSIVE_END.search(who.group("aux"))
        or (not who.group("aux") and WHO_PASSIVE.match(flat, a))  # a phrase "was banned"
        or INTRANSITIVE.match(flat, a)
        or NEVER_ARRIVED.match(flat, a)
    ):
        who = None
    end = who.start() if who is not None else None
    if end is None and (INTRANSITIVE.match(flat, a) or NEVER_ARRIVED.match(flat, a)):
        end = a
    if end is None:
        return None
    i = bisect.bisect_left(mentions, end, key=lambda m: m[0]) - 1
    while i >= 0 and mentions[i][0] >= s.start:
        ma, mb, e = mentions[i]
        if body and mb <= end:
            # the antecedent of "which" ends right before its comma: a body not of the state
            # ("the Zembla Bar, which was suspended"), not a court whose ruling "was upheld"
            if e.kind == "organisation" and e.attrs.get("kind") not in ACTING_KINDS:
                return e if not flat[mb:end].strip(" ”’\"')") else None
            return None
        if (
            e.kind == "person"
            and mb <= end
            and not AGENT_ROLES.intersection(e.attrs.get("roles", []))
        ):
            between = flat[mb:end]
            # the person ends the noun phrase before the clause: only an apposition, an age or
            # a parenthesis may stand between ("Tom Reed (also spelt Tom Read), who ...")
            if len(between) <= 60 and not re.search(r"[;:]|\b(?:and|but|was|were)\b", between):
                return e
            if (
                NEVER_ARRIVED.match(flat, a)
                and len(between) <= 80
                and not re.search(r"[;:]", between)
            ):
                return e  # "Ana Lee left the office in the evening and never reached her home"
            return None
        i -= 1
    return None


#: "It banned", "it also ordered": a body named before is the subject.
#: "they detained", "they then searched": a plural subject pronoun right before an active verb.
THEY_SUBJECT = re.compile(
    r"\b(?:[Tt]hey|[Tt]he\s+(?:(?:police|security|plain-?clothes?|same)\s+)?(?:officers|agents|"
    r"policemen)|"
    # "Officers searched her house", "said that officers pushed her": staff with no article,
    # opening the sentence or the clause of what was said
    r"(?:Police\s+|Plain-?clothes\s+)?(?:Officers|Agents|Policemen)|"
    r"(?<=\bthat\s)(?:police\s+)?(?:officers|agents|policemen))"
    r"\s+(?:(?:also|then|later|further|\w+ly)\s+)?$"
)
IT_SUBJECT = re.compile(r"(?:^|(?<=[.;]\s)|\b)[Ii]t\s+(?:(?:also|then|later|further)\s+)?$")


#: "prosecutors ", "the prosecutors then ": the staff of the prosecution named before.
PROSECUTORS_SUBJECT = re.compile(
    r"(?:^|(?<=[.;,]\s)|(?<=\b[Tt]he\s))[Pp]rosecutors\s+(?:(?:also|then|later|\w+ly)\s+)?$"
)
PROSECUTION = frozenset({"prosecution"})
#: "The officers ", "the plain-clothes agents ": those the text told of before as a body's.
OFFICERS_SUBJECT = re.compile(
    r"\b(?:[Tt]he\s+(?:[\w-]+\s+)?(?:officers|agents|policemen)|(?:Police\s+)?(?:Officers|Agents)|"
    r"(?<=\bthat\s)(?:police\s+)?(?:officers|agents|policemen))\s+(?:\w+\s+)?$"
)
#: "agents of the ", "officers from ": what stands before the body whose staff act.
STAFF_OF = re.compile(
    r"\b(?:officers|agents|policemen|members|officials)\s+(?:of|from)\s+(?:the\s+)?$"
)


def _last_body(
    doc: Doc,
    mentions: list[tuple[int, int, Entity]],
    a: int,
    staff: bool = False,
    kinds: frozenset[str] = STATE_KINDS,
) -> Entity | None:
    """The last state body named before ``a`` in its paragraph; with ``staff``, the last one
    the text named as the body whose officers or agents act ("about fifteen members of the
    Vela Police, with a prosecutor beside them, ... The officers searched his farmhouse": the
    police, not the prosecution)."""
    para = next((p for p in doc.paragraphs if p.start <= a < p.end), None)
    lo = para.start if para else 0
    i = bisect.bisect_left(mentions, a, key=lambda m: m[0]) - 1
    while i >= 0 and mentions[i][0] >= lo:
        ma, _mb, e = mentions[i]
        if (
            e.kind == "organisation"
            and e.attrs.get("kind") in kinds
            and (not staff or STAFF_OF.search(doc.flat, max(lo, ma - 30), ma))
        ):
            if (
                i > 0
                and (unit := mentions[i - 1][2]).kind == "organisation"
                and unit.attrs.get("kind") in kinds
                and UNIT_OF_GAP.fullmatch(doc.flat, mentions[i - 1][1], ma)
            ):
                # "officers of the Terrorism Investigation Division of the Vela Police": the
                # unit whose officers they are, named before the body it belongs to
                return unit
            return e
        i -= 1
    return None


#: Between a unit and the body it belongs to: " (TID) of the ", " of the ".
UNIT_OF_GAP = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?of\s+(?:the\s+)?")


#: Events done to a place: its searched, raided or attacked premises stand for their body.
PREMISES_EVENTS = frozenset({"search", "raid", "seizure", "attack"})
#: "raided a workshop", "searched a house in Zenda": a place or thing the text brings in new,
#: not one of those the story told of before.
INDEFINITE_OBJECT = re.compile(r"\s+an?\s+(?!number\b|total\b|group\b)")
#: An object that is a counted group of people the text does not name: "arrested five community
#: members", "detained dozens of protesters", "beat at least 20 students".
COUNTED_OBJECT = re.compile(
    r"\s+(?:at\s+least\s+|some\s+|about\s+|around\s+|more\s+than\s+|over\s+|nearly\s+)?"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|dozens\s+of|hundreds\s+of|scores\s+of|several|many|numerous)\s+"
    r"(?:[a-z-]+\s+){0,2}?(?:members|protesters|demonstrators|students|villagers|residents|"
    r"workers|people|persons|men|women|activists|farmers|supporters|youths|participants|"
    r"community\s+members|locals|citizens|worshippers|miners|fishermen|teachers)\b"
)
PREMISES = re.compile(
    r"\b(?:office|offices|premises|headquarters|newsroom)\b"
    # (not "inside the premises of the city police department": where the step was done)
    r"(?!\s+of\s+(?:the\s+|a\s+)?(?:[\w’'-]+\s+){0,3}?(?:police|department|prosecutor|"
    r"prosecution|court|ministry|station|security|intelligence|investigat\w*|gendarmerie)\b)"
)
#: "searched his home", "seized her phone", "fired at Ana Lee's car": a thing of someone's that
#: a search, raid, seizure or attack was done to; its owner is the one it was done to.
OWNED_THING = re.compile(
    r"\b(?:(?P<pron>his|her)|(?<=\w)['’]s)\s+(?:(?:own|family|private|personal|mobile|new)\s+)?"
    r"(?:home|house|flat|apartment|residence|car|vehicle|office|phones?|laptops?|computers?|"
    r"belongings|property|passport)\b"
)


def _owners(doc: Doc, mentions: list[tuple[int, int, Entity]], b: int, c1: int) -> list[Entity]:
    """The people whose home, car, office or phone the clause after a trigger names: the person
    a "his"/"her" points back to, or the person named right before "'s"."""
    found: list[Entity] = []
    for m in OWNED_THING.finditer(doc.flat, b, c1):
        if m.group("pron"):
            said = m.group("pron").lower()
            # "They took him to his office" opening a paragraph that names no one: the person
            # named last before it
            person = last_person(doc, mentions, m.start(), said) or last_person(
                doc, mentions, m.start(), said, anywhere=True
            )
        else:
            i = bisect.bisect_left(mentions, m.start(), key=lambda x: x[0]) - 1
            person = None
            if i >= 0:
                ma, mb, e = mentions[i]
                if e.kind == "person" and m.start() - mb <= 2 and mb <= m.start() + 1:
                    person = e
                elif e.kind == "person" and doc.flat[mb : m.start()].strip() == "":
                    person = e
        if person is not None and _targeted(person) and person not in found:
            found.append(person)
    return found


#: " the house" right after a search: the home the text told before.
THE_HOME = re.compile(r"\s+the\s+(?:house|home|flat|apartment|residence)\b(?!\s+of\b)")
#: A thing of a group's: "the journalists' phones", "the couple's flat".
GROUP_OWNED = re.compile(
    r"\b(?:the\s+(?:[a-z-]+\s+)?(?:journalists|activists|defenders|lawyers|men|women|brothers|"
    r"sisters|reporters|members|detainees)['’]|the\s+couple['’]s)\s+"
    r"(?:(?:own|family|private|personal|mobile|new)\s+)?(?:homes?|houses?|flats?|apartments?|"
    r"cars?|vehicles?|offices?|phones?|laptops?|computers?|belongings|property|passports?|"
    r"equipment|devices)\b"
)
#: "set it on fire", "searched it": the trigger's object is a thing named before.
IT_OBJECT = re.compile(r"\sit\b")
#: Bodies of civil society, whose premises an appeal tells of.
CIVIL_KINDS = frozenset({"ngo", "media"})


def _last_civil_body(mentions: list[tuple[int, int, Entity]], a: int) -> Entity | None:
    """The NGO or outlet named last before ``a``, not the issuer (or right after it, "the
    office of X")."""
    i = bisect.bisect_left(mentions, a, key=lambda m: m[0])
    j = i
    while j < len(mentions) and mentions[j][0] < a + 40:
        e = mentions[j][2]
        if e.kind == "organisation" and e.attrs.get("kind") in CIVIL_KINDS:
            return e
        j += 1
    i -= 1
    while i >= 0 and a - mentions[i][0] < 1500:
        e = mentions[i][2]
        # (named before, the issuer is the one who reports: "Human Rights Watch interviewed
        # 14 people. ... officers raided the group's office")
        if (
            e.kind == "organisation"
            and e.attrs.get("kind") in CIVIL_KINDS
            and not e.attrs.get("issuer")
        ):
            return e
        i -= 1
    return None


#: Steps done to a body whose object may be the body named again by a common noun or "its":
#: "suspended the league", "blocked the outlet's website", "froze its accounts".
DESCRIBED_EVENTS = frozenset({"ban", "deregistration", "seizure", "search", "raid"})
#: A body of civil society named again by a common noun ("the network's office", "the
#: league") or by "its" before a thing of a body's. The noun is group ``noun``.
BODY_DESCRIPTION = re.compile(
    r"(?<![\w’'])(?:(?:the|this|that)\s+(?:[a-z-]+\s+)?(?P<noun>organi[sz]ation|group|NGO|"
    r"association|foundation|network|clinic|cent(?:re|er)|league|coalition|union|alliance|"
    r"committee|council|movement|collective|institute|forum|society|federation|outlet|"
    r"newspaper|magazine|website|channel|broadcaster|publication|portal)\b(?!\s+of\b)"
    r"|(?P<its>its)\s+(?:[a-z-]+\s+)?(?:office|offices|premises|headquarters|accounts?|"
    r"registration|licen[cs]e|website|assets|bank\s+accounts?|activities|newsroom)\b)"
)
#: Nouns that name any body of civil society, not one by the head word of its name.
GENERIC_BODY_NOUNS = frozenset({"organisation", "organization", "group", "ngo"})
#: Nouns that name an outlet, whatever the head word of its name.
MEDIA_NOUNS = frozenset(
    {
        "outlet",
        "newspaper",
        "magazine",
        "website",
        "channel",
        "broadcaster",
        "publication",
        "portal",
    }
)


def _described_body(
    doc: Doc, mentions: list[tuple[int, int, Entity]], lo: int, hi: int, since: int
) -> Entity | None:
    """The body of civil society a common noun or "its" in ``flat[lo:hi]`` names again ("blocked
    the outlet's website", "suspended the league", "froze its accounts"): the last one named
    before it whose name holds the noun, or, for a noun that names any body ("the
    organisation", "the group") or an outlet ("the outlet"), the last one of that kind; for
    "its", the body named last before it, bodies of the state named since ``since`` (the
    sentence's start) passed over, if that is one of civil society."""
    m = BODY_DESCRIPTION.search(doc.flat, lo, hi)
    if m is None:
        return None
    i = bisect.bisect_left(mentions, m.start(), key=lambda x: x[0]) - 1
    if i >= 0 and mentions[i][0] >= lo and mentions[i][2].kind == "organisation":
        # "suspended the X Network, the local group ...": the body is named, the noun is its
        # apposition
        return None
    if m.group("its"):
        # (past the bodies of the state the sentence names: "the prosecutor's office froze its
        # accounts" is not its own)
        while i >= 0 and (
            mentions[i][2].kind != "organisation"
            or (mentions[i][0] >= since and mentions[i][2].attrs.get("kind") in STATE_KINDS)
        ):
            i -= 1
        if i < 0 or m.start() - mentions[i][0] > 600:
            return None
        e = mentions[i][2]
        return e if e.attrs.get("kind") in CIVIL_KINDS else None
    noun = m.group("noun").lower()
    word = "cent" if noun in ("centre", "center") else noun
    while i >= 0 and m.start() - mentions[i][0] < 3000:
        e = mentions[i][2]
        # (not the issuer, named last for its research: "Human Rights Watch interviewed 14
        # people ... police raided the group's office")
        if (
            e.kind == "organisation"
            and e.attrs.get("kind") in CIVIL_KINDS
            and not e.attrs.get("issuer")
        ):
            names = [e.name or "", *e.variants]
            if (
                noun in GENERIC_BODY_NOUNS
                or (noun in MEDIA_NOUNS and e.attrs.get("kind") == "media")
                or any(word in str(n).lower() for n in names)
            ):
                return e
        i -= 1
    return None


#: "ordered the seizure of", "ordered the banks to freeze", "ordered his arrest".
ORDERED = re.compile(r"\bordered\s+(?:[\w’'-]+\s+){0,4}?(?:to\s+)?$")
#: Steps one person or body may order others to carry out.
ORDERED_EVENTS = frozenset("seizure search raid arrest ban travel_ban deregistration".split())


def _orderer(flat: str, mentions: list[tuple[int, int, Entity]], c0: int, a: int) -> Entity | None:
    """Who "ordered" the step named by the trigger: the last official, judge, prosecutor or
    state body named before "ordered" in the clause."""
    m = ORDERED.search(flat, max(c0, a - 50), a)
    if m is None:
        return None
    i = bisect.bisect_left(mentions, m.start(), key=lambda x: x[0]) - 1
    while i >= 0 and mentions[i][0] >= c0:
        e = mentions[i][2]
        if (e.kind == "person" and AGENT_ROLES.intersection(e.attrs.get("roles", []))) or (
            e.kind == "organisation" and e.attrs.get("kind") in STATE_KINDS
        ):
            return e
        i -= 1
    return None


#: "on the orders of", "at the request of", "by order of", "on the instructions of": who
#: is named next ordered or asked for the step, and is never one it was done to.
ORDERS_OF = re.compile(
    r"\b(?:on\s+(?:the\s+)?(?:orders?|instructions?|request)\s+(?:of|from)|"
    r"at\s+the\s+(?:request|behest|instigation|demand)\s+of|"
    r"by\s+(?:an?\s+|the\s+)?(?:orders?|decision|decree)\s+of|"
    r"under\s+(?:the\s+)?orders?\s+(?:of|from))\s+"
)
#: One of these is in every match of ORDERS_OF: a sentence without any is not searched.
ORDERS_OF_WORDS = ("order", "instruction", "request", "behest", "instigation", "demand", "decision",
                   "decree")  # fmt: skip


#: The words before "at the request of" that say who granted the request: "a warrant issued by a
#: judge at the request of the prosecution" — the one who asked took no part in the step itself.
GRANTED_BY = re.compile(
    r"\b(?:issued|signed|ordered|granted|approved|authori[sz]ed)\s+by\s+[^,;.()]{1,40}\Z"
)


@functools.lru_cache(maxsize=256)
def _orders_of_ends(flat: str, start: int, end: int) -> tuple[int, ...]:
    """Where each match of ORDERS_OF in ``flat[start:end]`` ends, read once for the several
    events of a sentence. A request granted by someone the text names just before it is left
    out: the one who asked neither acted nor decided."""
    if not holds_any(flat, ORDERS_OF_WORDS, start, end):
        return ()
    return tuple(
        m.end()
        for m in ORDERS_OF.finditer(flat, start, end)
        if not (
            "request" in m.group()
            and GRANTED_BY.search(flat, max(start, m.start() - 60), m.start())
        )
    )


#: The words of a request before the one who made it: "at the request of the ", "on the
#: request from".
REQUEST_OF = re.compile(
    r"\b(?:request|behest|instigation|demand)\s+(?:of|from)\s+[^,;:.()]{0,40}\Z"
)


def _requested_by(flat: str, mentions: list[tuple[int, int, Entity]], s: Span, e: Entity) -> bool:
    """Whether ``e`` is named in the sentence ``s`` only as the one who asked for a step."""
    named = [ma for ma, _mb, x in mentions if x is e and s.start <= ma < s.end]
    return bool(named) and all(
        REQUEST_OF.search(flat, max(s.start, ma - 60), ma) is not None for ma in named
    )


def _ordered_by(flat: str, mentions: list[tuple[int, int, Entity]], s: Span) -> list[Entity]:
    """Those named right after "on the orders of" / "at the request of" in the sentence
    ``s`` ("police arrested Ana Lee on the orders of the Zenda governor"): the name or the
    list of names ("of A and B") that opens the words after the phrase."""
    found: list[Entity] = []
    for pos in _orders_of_ends(flat, s.start, s.end):
        i = bisect.bisect_left(mentions, pos, key=lambda x: x[0])
        # "of the Prosecutor General Tom Reed", "of the Zenda governor": skip a few words
        lo = pos
        while i < len(mentions) and mentions[i][0] < s.end:
            ma, mb, e = mentions[i]
            gap = flat[lo:ma]
            if ma < lo:
                i += 1
                continue
            if lo == pos:
                if len(gap) > 40 or re.search(r"[,;:.()]", gap):
                    break
            elif not re.fullmatch(r"\s*(?:,\s*)?(?:and\s+)?(?:the\s+)?", gap):
                break
            found.append(e)
            lo = mb
            i += 1
    return found


#: "on a complaint of", "acting on complaints filed by": the people named next complained.
COMPLAINT_BY = re.compile(r"\bcomplaints?\s+(?:(?:filed|lodged|made|brought)\s+)?(?:of|by|from)\s+")
#: Words that may stand between the names of a list of complainants.
LIST_GAP = re.compile(r"(?:[\s,]|\band\b|\b[A-Z][\w’'.-]*)*")


def _complainants(flat: str, mentions: list[tuple[int, int, Entity]], s: Span) -> set[str]:
    """The people named as those who complained, in the sentence ``s``."""
    out: set[str] = set()
    if flat.find("complaint", s.start, s.end) < 0:
        return out  # every match of COMPLAINT_BY holds the word
    for m in COMPLAINT_BY.finditer(flat, s.start, s.end):
        for ma, _mb, e in mentions:
            if e.kind == "person" and m.end() <= ma < m.end() + 120:
                if LIST_GAP.fullmatch(flat, m.end(), ma):
                    out.add(e.id)
    return out


#: "a complaint of Tom Reed and Eva Hart": who complained.
COMPLAINT_OF = re.compile(r"[\w ]*complaint\s+(?:of|from)\s+(?:[A-Z][\w’'-]*\s+(?:and\s+)?)*")
#: "Ana Lee, 81, whom the court released": the person is the object of the verb that follows.
WHOM = re.compile(r"(?:,\s*\d+)?,\s*whom\b")
BY_COURT = re.compile(r"\b(?:by|from)\s+(?:the\s+)?$")


#: Events a person undergoes at the hands of the body they are brought to or held by.
HELD_BY_EVENTS = frozenset("summons interrogation arrest detention".split())
#: "to the", "at", "into": the words between a verb and the body it brings someone to.
TOWARDS = re.compile(r"\b(?:to|at|into|before)\s+(?:the\s+)?$")
#: "in the custody of the X", "held at the central office of the X": the body that holds.
HELD_AT = re.compile(
    r"\b(?:in(?:to)?\s+the\s+custody\s+of|(?:at|in|to)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+)?"
    r"(?:office|offices|headquarters|premises|building|cells?|station)\s+of)\s+(?:the\s+)?$"
)


#: A relative clause of place right before a passive verb: ", where he was", ", where they
#: were later".
WHERE_BEFORE = re.compile(
    r",\s+where\s+(?:he|she|they|[A-Z][\w’'-]+)\s+(?:was|were|had\s+been)\s+(?:\w+ly\s+)?$"
)
#: Kinds of body that hold or question no one.
NOT_HOLDING = frozenset({"ngo", "media", "company", "political_party", "international_org"})
#: The verbs that bring someone to a place, before "to the X" or "at the office of the X".
BROUGHT = re.compile(r"\b(?:taken|brought|transferred|driven|escorted|held|detained|summoned)\b")


def _place_of(
    flat: str, mentions: list[tuple[int, int, Entity]], lo: int, hi: int
) -> Entity | None:
    """The body whose place a person was brought to or held at in ``flat[lo:hi]`` ("taken to
    the X", "held at the offices of the X"), the last named, a state body or one of no civil
    kind (a unit whose kind its name does not tell); None if none."""
    i = bisect.bisect_left(mentions, hi, key=lambda m: m[0]) - 1
    while i >= 0 and mentions[i][0] >= lo:
        ma, _mb, e = mentions[i]
        i -= 1
        if e.kind != "organisation" or e.attrs.get("kind") in NOT_HOLDING:
            continue
        if (
            TOWARDS.search(flat, max(lo, ma - 12), ma) or HELD_AT.search(flat, max(lo, ma - 60), ma)
        ) and BROUGHT.search(flat, max(lo, ma - 80), ma):
            return e
    return None


def destination_body(
    flat: str, mentions: list[tuple[int, int, Entity]], b: int, c1: int, held_only: bool = False
) -> Entity | None:
    """The state body a passive verb's subject is brought to or held at, in its clause after
    the verb ("summoned to the Zenda Police Department", "taken to the Zenda police station"):
    the body follows the preposition directly, or the words of custody or of its premises
    ("in the custody of the X", "held at the central office of the X"), which alone count
    with ``held_only`` (a phrase that ends inside the body's name: "held at the X")."""
    i = bisect.bisect_left(mentions, b, key=lambda m: m[0])
    while i < len(mentions) and mentions[i][0] < min(c1, b + 80):
        ma, _mb, e = mentions[i]
        i += 1
        if e.kind != "organisation" or e.attrs.get("kind") not in STATE_KINDS:
            continue
        if any(c in flat[b:ma] for c in ",;()") or not (
            (not held_only and TOWARDS.search(flat, max(b, ma - 12), ma))
            or HELD_AT.search(flat, max(b, ma - 60), ma)
        ):
            continue
        return e
    return None


def _first_at(mentions: list[tuple[int, int, Entity]], eid: str, lo: int, hi: int) -> int | None:
    """Where ``eid`` is first named in ``[lo, hi)``, if it is."""
    i = bisect.bisect_left(mentions, lo, key=lambda m: m[0])
    while i < len(mentions) and mentions[i][0] < hi:
        if mentions[i][2].id == eid:
            return mentions[i][0]
        i += 1
    return None


#: "the decision of the X Court (, taken on D,) to reject": the court is named in the noun's
#: "of" phrase.
DECISION_NOUN = re.compile(r".*\b(?:[Dd]ecision|ruling|judge?ment)")
OF_COURT = re.compile(r"\s+of\s+(?:the\s+)?")


def court_after(
    flat: str,
    mentions: list[tuple[int, int, Entity]],
    inner: set[tuple[int, int]],
    b: int,
    c1: int,
    hearing: bool = True,
) -> Entity | None:
    """The court a hearing is held before or a judgment given by, named in the clause after the
    trigger: "opened before the X Court", "was sentenced by the X Court" (for a judgment only
    "by": "merged the case pending before the X Court" names another court)."""
    i = bisect.bisect_left(mentions, b, key=lambda m: m[0])
    while i < len(mentions) and mentions[i][0] < min(c1, b + 80):
        ma, mb, e = mentions[i]
        if (
            (ma, mb) not in inner
            and e.kind == "organisation"
            and e.attrs.get("kind") == "court"
            and (
                (BEFORE_COURT if hearing else BY_COURT).search(flat, max(b, ma - 12), ma)
                or (DECISION_NOUN.fullmatch(flat, b - 9, b) and OF_COURT.fullmatch(flat, b, ma))
            )
        ):
            return e
        i += 1
    return None


def _nested_bodies(mentions: list[tuple[int, int, Entity]], s: Span) -> set[tuple[int, int]]:
    """Spans of bodies named inside a longer body's name in the sentence ("the Zenda Court" in
    "the Criminal Division of the Zenda Court"): the longer name is the one that acts.
    ``mentions`` may be those of the sentence only."""
    spans = [
        (ma, mb) for ma, mb, e in mentions if s.start <= ma < s.end and e.kind == "organisation"
    ]
    return {
        (ma, mb) for ma, mb in spans
        if any(xa <= ma and mb <= xb and (xa, xb) != (ma, mb) for xa, xb in spans)
    }  # fmt: skip


#: "’s lawyer, ", "'s husband ": between a person and the one named as theirs right after.
#: The nouns for a person of someone's: "Ana Lee's lawyer", "her husband".
RELATION_NOUN = (
    r"(?:lawyers?|husband|wife|sons?|daughters?|brothers?|sisters?|mother|father|colleagues?|"
    r"assistant|driver|relatives?|nephew|niece|cousin|partner|fianc[ée]e?|friend|deputy)"
)
POSSESSED = re.compile(
    r"[’']s?\s+(?:[\w-]+\s+){0,2}?" + RELATION_NOUN + r"\s*,?\s*"
    # "Ana Lee's colleague, researcher Tom Reed": a post or trade before the name
    r"(?:(?:the\s+|a\s+)?(?:(?!(?:who|whom|which|that|was|were|is|are|had|has|and)\b)"
    r"[a-z][\w-]*\s+){1,3})?"
    # "Ms. Vela's husband, Mr. Ivo Sand": kin set off by commas, with a title before the name
    r"|[’']s?\s+(?:husband|wife|sons?|daughters?|brothers?|sisters?|mother|father|nephew|niece|"
    r"cousin),\s+(?:Mr|Ms|Mrs|Mme|Dr)\.?\s+"
)


def _possessed(
    flat: str, near: list[tuple[int, int, Entity]], c0: int, a: int
) -> list[tuple[Entity, Entity]]:
    """Pairs (owner, person) of "Ana Lee's lawyer, Tom Reed" before the trigger in its clause:
    the step told after it is done to the lawyer."""
    people = [(ma, mb, e) for ma, mb, e in near if e.kind == "person" and c0 <= ma < a]
    return [
        (e1, e2)
        for (_a1, b1, e1), (a2, _b2, e2) in zip(people, people[1:], strict=False)
        if e1.id != e2.id and POSSESSED.fullmatch(flat, b1, a2)
    ]


#: "'s lawyer", "’s wife": a possessive before a noun for a person of the possessor's.
OWNER_OF = re.compile(r"[’']s?\s+(?:[\w-]+\s+){0,2}?" + RELATION_NOUN + r"\b")


def _owners_only(flat: str, near: list[tuple[int, int, Entity]], lo: int, hi: int) -> set[str]:
    """The people of the sentence (``near``) named between ``lo`` and ``hi``, and nowhere else in
    it, only as whose lawyer, kin or colleague another is ("Tom Reed's lawyer")."""
    owners: set[str] = set()
    other: set[str] = set()
    for ma, mb, e in near:
        if e.kind != "person":
            continue
        if lo <= ma < hi and OWNER_OF.match(flat, mb):
            owners.add(e.id)
        else:
            other.add(e.id)
    return owners - other


def _told_elsewhere(flat: str, s: Span, a: int, ma: int, others: list[int] | None) -> bool:
    """The mention at ``ma`` stands in another clause of the sentence than the trigger at ``a``,
    a clause with an event verb of its own: "A was sentenced on 3 May, and B was sentenced on 9
    May" (B is no target of the first sentence, nor A of the second)."""
    if not others:
        return False
    here = clause_of(flat, s, a)
    there = clause_of(flat, s, ma)
    if there == here or not any(there[0] <= o < there[1] for o in others):
        return False
    # "A was arrested on 3 May, and was charged on 9 May", "police detained A, and confiscated
    # their phones": a clause without a subject of its own goes on with the one before
    return not (ma < a and SUBJECTLESS.fullmatch(flat, here[0], a))


#: Before the subject of a clause: a time or date phrase and its comma ("In the early hours
#: of 3 May, ", "Later that day, ") or nothing.
BEFORE_SUBJECT = re.compile(r"(?:(?:[Oo]n|[Ii]n|[Aa]t|[Ll]ater|[Tt]hat|[Tt]he)\b[^,;]{0,60},)?\s*")
#: A verb right after a subject: a lower-case word (not "of", "and", a relative pronoun).
AFTER_SUBJECT = re.compile(r"\s+(?!of\b|and\b|or\b|who\b|which\b|whose\b|from\b)[a-z]{3,}")


def _shared_subject(
    flat: str, near: list[tuple[int, int, Entity]], s: Span, c0: int
) -> list[Entity]:
    """The persons who are the subject of the clause before the one starting at ``c0``: named
    first in it, after at most a time phrase, and followed by a verb. Only people not
    persecuted in the appeal (attackers, officers, unnamed men): a defender subject of the
    clause before ("Ana Lee went to the station, and ...") acts for herself elsewhere."""
    breaks = [(x, y) for x, y in _clause_breaks(flat, s.start, s.end) if y <= c0]
    if not breaks:
        return []
    lo = breaks[-2][1] if len(breaks) > 1 else s.start
    hi = breaks[-1][0]
    found: list[Entity] = []
    for ma, mb, e in near:
        if not lo <= ma < hi:
            continue
        if (
            not found
            and e.kind == "person"
            and not _targeted(e)
            and BEFORE_SUBJECT.fullmatch(flat, lo, ma)
            and AFTER_SUBJECT.match(flat, mb)
        ):
            found.append(e)
        break
    return found


#: The words before a verb in a clause without a subject: "and was", "and then", "".
SUBJECTLESS = re.compile(
    r"[\s,]*(?:(?:and|but|then|later|also|subsequently|was|were|is|are|has|have|had|been|"
    r"being|\w+ly|on|in|the|next|following|same|day|days|weeks?|months?|two|three|four|five|"
    r"\d+\w*|" + "|".join(MONTHS) + r")[\s,]+)*"
)


#: "led by", "founded by human rights defender", "its director,": a person named as the one who
#: leads a body the sentence names.
LED_BY = re.compile(
    r"\b(?:(?:led|headed|founded|co-founded|chaired|run|directed|coordinated)\s+by|"
    r"its\s+(?:director|head|founder|chair\w*|president|leader|coordinator)\s*,?)\s+"
    r"(?:[\w’'-]+\s+){0,4}?$"
)


#: A verb of saying and "that": what follows is reported, by whoever is named before.
REPORTED = re.compile(
    r"\b(?:said|says|stated|states|reported|confirmed|claimed|alleged|announced|added|noted|"
    r"testified|recalled|explained)\s*,?\s+that\s+|"
    # ("told X that": the words of X end with their own space, so "that" follows at once)
    r"\btold\s+(?:[\w’'-]+,?\s+){1,6}?that\s+"
)

#: The issuer's words of judgment on a step it names as their object: "X condemns the killing
#: of A on 4 May", "the experts expressed concern about the arrest of A": who speaks did not
#: take the step.
COMMENTED = re.compile(
    r"\b(?:condemn(?:s|ed)?|deplor(?:es|ed)|denounc(?:es|ed)|"
    r"(?:express(?:es|ed)?|voic(?:es|ed)|rais(?:es|ed)) (?:[\w-]+ ){0,2}?concerns? "
    r"(?:about|at|over|regarding)|concerned (?:about|at|over|by|regarding)|"
    r"alarm(?:ed)? (?:at|by|over))\s"
)


#: A word every match of COMMENTED holds: most sentences hold none, and a search for them
#: by ``str.find`` spares trying the pattern's branches at every position.
COMMENTED_WORDS = ("condemn", "deplor", "denounc", "concern", "alarm")


def _commented_from(flat: str, start: int, a: int) -> int | None:
    """Where the object of the issuer's comment begins, if the trigger at ``a`` is told as
    that object: the end of the last words of judgment before it in the sentence."""
    if not holds_any(flat, COMMENTED_WORDS, start, a):
        return None
    last = None
    for m in COMMENTED.finditer(flat, start, a):
        last = m.end()
    return last


def _official(e: Entity) -> bool:
    """A state body, or a person acting for one (an official, judge or prosecutor)."""
    if e.kind == "organisation":
        return e.attrs.get("kind") in STATE_KINDS
    return bool({"official", "judge", "prosecutor"} & set(e.attrs.get("roles", [])))


#: The bodies that carry out arrests, searches and seizures themselves: a ministry that
#: "announced that he was detained" reports what the police or security service did.
STREET_KINDS = frozenset({"police", "security_service", "prosecution"})


def _reports_own_act(e: Entity, etype: str) -> bool:
    """Whether ``e``, named before "said that", "announced that", may be telling of its own
    act of type ``etype``: a state body or official, and for police work (arrests, searches,
    seizures, raids) only a police, security or prosecution body or a person acting for one."""
    if not _official(e):
        return False
    if etype in POLICE_WORK and e.kind == "organisation":
        return e.attrs.get("kind") in STREET_KINDS
    return True


#: A possessive before a platform's name and what is on it: "his Twitter account", "its
#: website, Facebook page and YouTube channel".
PLATFORM_OWNER = re.compile(r"\b(?P<pos>his|her|their|its)\s+(?:(?:[\w-]+,?\s+){0,3}(?:and\s+)?)?$")
#: The kinds of body that own a page or an account a step shuts.
OWNER_KINDS = frozenset({"ngo", "media", "political_party", "company", "other"})


def _platform_owner(
    doc: Doc,
    ents: Entities,
    mentions: list[tuple[int, int, Entity]],
    platform: str,
    s: Span,
    people: list[str],
) -> str | None:
    """Whose page, account or channel on a platform a step shut, told by a possessive before
    the platform's first name in the sentence: "his" or "her" the person it points back to
    (else the first of ``people``, those the story is about, the latest first), "their" the
    first of ``people``, "its" the last civil body named before it, not a platform."""
    at = _first_at(mentions, platform, s.start, s.end)
    if at is None:
        return None
    m = PLATFORM_OWNER.search(doc.flat, max(s.start, at - 40), at)
    if m is None:
        return None
    if m["pos"] in ("his", "her"):
        person = last_person(doc, mentions, m.start(), m["pos"], victims=people)
        return person.id if person is not None else (people[0] if people else None)
    if m["pos"] == "their":
        return people[0] if people else None
    i = bisect.bisect_left(mentions, at, key=_start) - 1
    while i >= 0 and mentions[i][0] >= s.start - 400:
        e = mentions[i][2]
        if (
            e.kind == "organisation"
            and not _platform(ents, e.id)
            and e.attrs.get("kind") in OWNER_KINDS
        ):
            return e.id
        i -= 1
    return None


#: The source of an account the sentence opens with, and the name set after it: "According to
#: his lawyer, Ivo Sand, ".
SOURCE_OPENING = re.compile(
    r"\s*(?:According\s+to|As\s+reported\s+by|Citing)\s[^,;:]{1,60},"
    r"(?:\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4},)?"
)
#: The source of an account named after the step: ", according to his wife, A, and a copy of
#: the receipt" (to the end of the sentence or of its clause).
SOURCE_AFTER = re.compile(
    r",\s+(?:according to|as reported by|citing)\s[^;:]*"
    # ", his brother, Ivo Reed, told the Vela Group.": the teller named after the step
    r"|,\s+(?:(?:his|her|their)\s+[a-z-]+,\s+)?(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?"
    r"[A-Z][\w’'.-]+(?:\s+(?:(?:al|el|ad|as|bin|ibn|abu|de|da|del|van|von)[-\s])?[A-Z][\w’'.-]+)"
    r"{0,3},?\s*(?:told|informed)\s+(?:the\s+)?[A-Z][^;:.]*\.?$"
)


def _reported_from(flat: str, start: int, a: int) -> int | None:
    """Where the reported clause that holds the trigger at ``a`` begins, if the sentence reports
    it ("Her lawyer said that she had been charged"): the end of the last "said that"."""
    last = None
    if flat.find("that", start, a) < 0:
        return last  # every match of REPORTED holds the word
    for m in REPORTED.finditer(flat, start, a):
        last = m.end()
    return last


#: "... and arrested", "..., and then charged": a verb joined by "and" to the one before it,
#: with no subject of its own.
JOINED_VERB = re.compile(r"(?:,\s*|\s+)and\s+(?:(?:then|later|also|subsequently)\s+)?$")


def _next_joined_verb(flat: str, b: int, c1: int, others: list[int] | None) -> int | None:
    """Where the next event verb of the clause starts, if it is joined by "and" to this one
    and this one has an object of its own before it ("raided the offices of the Forum and
    arrested its director, A": A is the arrest's, not the raid's). "arrested and charged A"
    has no object between the two verbs: A is both verbs' object."""
    nxt = min((o for o in others or () if b <= o < c1), default=None)
    if nxt is None:
        return None
    m = JOINED_VERB.search(flat, b, nxt)
    if m is None or not re.search(r"[A-Za-z]", flat[b : m.start()]):
        return None
    return nxt


def _joined_to_verb_before(flat: str, c0: int, a: int, others: list[int] | None) -> int | None:
    """Where the event verb before this one starts, if this one is joined to it by "and" and
    has no subject of its own: what is named between the two is the first verb's object."""
    prev = max((o for o in others or () if c0 <= o < a), default=None)
    if prev is None or JOINED_VERB.search(flat, prev, a) is None:
        return None
    return prev


#: A mention's start, the key mentions are bisected by (in C, not a Python call per step).
_start = operator.itemgetter(0)


#: "who were arrested", "which had been raided": a passive trigger in a relative clause.
RELATIVE_PASSIVE = re.compile(
    r"\b(?:who|which|that)\s+(?:(?:had|has|have)\s+been|was|were)\s+(?:\w+ly\s+)?$"
)


def make_event(
    doc: Doc,
    ents: Entities,
    mentions: list[tuple[int, int, Entity]],
    provs: list[tuple[int, int, dict[str, Any]]],
    s: Span,
    a: int,
    b: int,
    etype: str,
    value: Any,
    prev_targets: list[str],
    carried: list[str] | None = None,
    recent: list[str] | None = None,
    voice: str | None = None,
    others: list[int] | None = None,
    episode: list[str] | None = None,
) -> dict[str, Any]:
    """One event record: its participants read from the sentence and the clause of the trigger.

    ``voice`` is the frame the lexicon matched it in: after a ``passive``, ``perfect`` or
    ``state`` verb the subject is the target and "by X" the agent; after an ``active`` one the
    subject is the agent. Other frames (nouns, phrases) tell the voice by the words before.

    ``others`` are where the sentence's other event verbs start: a defender named in another
    clause with a verb of its own is that verb's target, not this one's.

    ``prev_targets`` are the defenders a pronoun points back to; ``carried`` the targets of the
    last event told before, which a court or custody event without named targets goes on with;
    ``episode`` the people of the last event done to several, the group "them" or "the three
    men" may stand for."""
    agents, targets = [], []
    # the mentions inside the sentence (``mentions`` is in text order): the loops below read
    # only these, not every mention of the appeal once per event
    near = mentions[
        bisect.bisect_left(mentions, s.start, key=_start) : bisect.bisect_left(
            mentions, s.end, key=_start
        )
    ]
    told = _reported_from(doc.flat, s.start, a)
    if told is not None:
        # "a lawyer for Ana Lee said that both men had appealed": who reports the step, or is
        # named with the one who does, takes no part in it (a state body that "announced
        # that" it acted did act)
        near = [m for m in near if m[0] >= told or _reports_own_act(m[2], etype)]
    said = _commented_from(doc.flat, s.start, a)
    if said is not None:
        near = [m for m in near if m[0] >= said]
        told = said if told is None else max(told, said)
    opening = SOURCE_OPENING.match(doc.flat, s.start, a)
    if opening is not None:
        # "According to his lawyer, Ivo Sand, the officers hit the defender": the source the
        # sentence opens with only reports the step
        near = [m for m in near if not s.start <= m[0] < opening.end()]
    source = SOURCE_AFTER.search(doc.flat, b, s.end)
    if source is not None:
        # "police arrested Tom Reed at his home, according to his wife, Ana Reed": who is
        # named as the source of the account, after the step it tells, takes no part in it
        near = [m for m in near if not source.start() <= m[0] < source.end()]
    inner = _nested_bodies(near, s)
    units: dict[str, str] = {}  # a body named as the unit of the body after it: unit -> parent
    listed: dict[str, str] = {}  # a body listed after another: "A, B and C raided": B -> A
    last_body: tuple[int, str] | None = None
    rel = RELATIVE_PASSIVE.search(doc.flat, max(s.start, a - 40), a)
    for ma, _mb, e in near:
        if not s.start <= ma < s.end or (ma, _mb) in inner:
            continue
        if rel is not None and ma < rel.start():
            # "calls on the Government to release the members who were arrested": who is
            # named before a passive relative clause did not do what the clause tells
            continue
        is_state = e.kind == "organisation" and e.attrs.get("kind") in STATE_KINDS
        if e.kind == "person" and ma < a and _in_closed_relative(doc.flat, s.start, ma, a):
            continue  # "The X Court, where the case was heard by Judge Y, upheld": Y did not
        if (
            e.kind == "person"
            and ma < a
            and voice in ("passive", "perfect")
            and etype in DONE_TO_SOMEONE
            and SET_OFF_SUBJECT.fullmatch(doc.flat, _mb, a)
        ):
            # "A paralegal, Mr. Justice Mugo, was arrested": the subject right before a passive
            # verb undergoes it, whatever title or role the text gives them
            if not _told_elsewhere(doc.flat, s, a, ma, others):
                targets.append(e.id)
        elif ma < a and (is_state or "judge" in e.attrs.get("roles", [])
                         or "prosecutor" in e.attrs.get("roles", [])):  # fmt: skip
            if is_state and last_body and UNIT_OF.fullmatch(doc.flat, last_body[0], ma):
                units[e.id] = last_body[1]
            elif is_state and last_body and LISTED_BODY.fullmatch(doc.flat, last_body[0], ma):
                listed[e.id] = last_body[1]
            agents.append(e.id)
            if is_state:
                last_body = (_mb, e.id)
        elif e.kind == "person" and _targeted(e):
            if ma > b and CONTRAST.search(doc.flat, b, ma):
                continue  # "A and B were released, but C remains in detention": not C
            if ma < a and CONTRAST_WHILE.search(doc.flat, _mb, a):
                continue  # "ordered the detention of A and B, while C was released": not A, B
            if not _told_elsewhere(doc.flat, s, a, ma, others):
                targets.append(e.id)
    person_starts = {ma: mb for ma, mb, e in near if e.kind == "person"}
    state_at = [
        ma for ma, mb, e in near
        if s.start <= ma < a and (ma, mb) not in inner and e.kind == "organisation"
        and e.attrs.get("kind") in STATE_KINDS
    ]  # fmt: skip
    c0, c1 = clause_of(doc.flat, s, a)
    if told is not None:
        c0 = max(c0, told)
    if voice in ("active", "passive", "perfect", "state"):
        # "was arrested by police and charged by the prosecutor": a verb the lexicon reads as
        # active shares the auxiliary of a participle it is joined to
        passive = voice != "active" or (
            # (a step always done to someone needs no "by": "were summoned to the police and
            # questioned for hours")
            (BY_AFTER.match(doc.flat, b) is not None or etype in DONE_TO_SOMEONE)
            and coordinated_passive(doc.flat, a)
        )
    else:
        passive = bool(PASSIVE.search(doc.flat, max(c0, a - 25), a) or AUX_OPENS.match(doc.flat, a))
        # "was stopped at the airport and prevented from boarding": a step always done to
        # someone, joined to a passive participle, is undergone by the subject too
        passive = passive or (etype in DONE_TO_SOMEONE and coordinated_passive(doc.flat, a))
    # "Ana Lee received death threats", "she has received calls warning her": the person who
    # receives a step told by its object undergoes it, as the subject of a passive does
    receipt = None if passive else RECEIVED.search(doc.flat, max(c0, a - 40), b)
    received = receipt is not None
    receivers: set[str] = set()
    if receipt is not None:
        # "Her lawyer, Eva Gold, received a threatening message": who receives it undergoes
        # it, whatever their role, as the subject of a passive does
        r0 = _receiver_start(doc.flat, c0, receipt.start())
        receivers = {
            e.id for ma, _mb, e in near if e.kind == "person" and r0 <= ma < receipt.start()
        }
    if passive and others:
        # "was arrested by the police and charged by the prosecutor": a body named as the "by"
        # of an earlier verb of the sentence did that verb's step, not this one's
        earlier_by = {
            e.id for ma, _mb, e in near
            if s.start <= ma < a and BY_AGENT.search(doc.flat, max(s.start, ma - 40), ma)
            and any(o < ma for o in others)
            # "was summoned by the State Security Service and questioned about her client":
            # a participle with no "by" of its own, joined to the one before it with no date
            # between, shares its "by" (the same visit)
            and not (
                etype in ONE_VISIT
                and e.attrs.get("kind") != "court"
                and BY_AFTER.match(doc.flat, b) is None
                and coordinated_passive(doc.flat, a)
                and not _new_occasion(doc.flat, ma, a, b)
            )
        }  # fmt: skip
        agents = [x for x in agents if x not in earlier_by]
    joined_before = None
    if not passive:
        cut = _next_joined_verb(doc.flat, b, c1, others)
        if cut is not None:
            # "raided the offices of the Forum and arrested its director, A, and four members":
            # the people named after the next verb are its objects, not this one's
            c1 = cut
            named_before = {e.id for ma, _mb, e in near if ma < cut}
            targets = [x for x in targets if x in named_before]
        joined_before = _joined_to_verb_before(doc.flat, c0, a, others)
    actors: list[str] = []
    for ma, _mb, e in near:
        if not c0 <= ma < c1 or e.id in targets or e.id in agents or (ma, _mb) in inner:
            continue
        if (
            (ma < a and not passive and not (received and e.kind == "person"))
            or _by_agent(doc.flat, a, b, ma, others)
            or (
                passive
                and etype in ONE_VISIT
                and e.attrs.get("kind") != "court"
                and _shared_by(doc.flat, a, b, ma, others)
            )
            or (etype == "complaint" and ma >= b and COMPLAINT_OF.fullmatch(doc.flat, a, ma))
            # "received phone calls from anonymous callers": whom the step came from did it
            or (received and FROM_END.search(doc.flat, max(c0, ma - 8), ma))
        ):
            # the subject of an active verb, or "by X" after a passive one: who acted
            if e.kind == "person" and ma < a and WHOM.match(doc.flat, _mb):
                targets.append(e.id)  # "Ana Lee, 81, whom the court released": its object
            elif (
                ma < a
                and e.kind == "person"
                and not AGENT_ROLES.intersection(e.attrs.get("roles", []))
                and any(s.start <= xa < ma for xa in state_at)
            ):
                # "the court convicted A, B and C, sentenced them ...": named after the body
                # that acted, they are the objects of its first verb, and of this one
                targets.append(e.id)
            elif joined_before is not None and joined_before < ma < a:
                pass  # "raided the offices of the Forum and arrested": the raid's object
            elif e.kind == "person" and ma < a and SUBJECT_OWNER.fullmatch(doc.flat, _mb, a):
                pass  # "Ana Lee's lawyers filed a complaint": the lawyers did, not Ana Lee
            elif ma >= a or ma >= (subject_at := _subject_start(doc.flat, c0, a)):
                actors.append(e.id)
            elif e.kind == "person" and any(
                subject_at <= la < a for la, _ in names_listed_after(doc.flat, _mb, person_starts)
            ):
                # "his mother, A, and his wife, B, filed a complaint": the list is the subject
                actors.append(e.id)
            continue
        if e.kind == "person" and (
            not (AGENT_ROLES - BANNED_ROLES if etype == "ban" else AGENT_ROLES).intersection(
                e.attrs.get("roles", [])
            )
            # "her lawyer Tom Reed was also arrested": the subject right before a passive
            # verb undergoes it, whatever the role the text gives them elsewhere
            or (
                passive and etype in DONE_TO_SOMEONE and SET_OFF_SUBJECT.fullmatch(doc.flat, _mb, a)
            )
            or e.id in receivers
            # "Ms. A, Mr. B, Ms. C and Mr. D were taken to": every name of the list that ends
            # right before the passive undergoes it
            or (
                passive
                and etype in DONE_TO_SOMEONE
                and ma < a
                and any(
                    SET_OFF_SUBJECT.fullmatch(doc.flat, lb, a)
                    for _la, lb in names_listed_after(doc.flat, _mb, person_starts)
                )
            )
        ):
            targets.append(e.id)  # a relative, a colleague, a victim named in the clause
        elif (
            e.kind == "organisation"
            and etype in BODY_EVENTS
            and e.attrs.get("kind") not in STATE_KINDS
            and e.attrs.get("kind") != "international_org"
        ):
            targets.append(e.id)  # the office searched, the group banned
    if not passive and not actors and c0 > s.start and SUBJECTLESS.fullmatch(doc.flat, c0, a):
        # "two masked men climbed into his home, and beat him": a clause without a subject of
        # its own goes on with the subject of the clause before
        actors += [
            e.id for e in _shared_subject(doc.flat, near, s, c0)
            if e.id not in targets and e.id not in agents
        ]  # fmt: skip
    if etype in DONE_TO_SOMEONE:
        for e in _companions(doc.flat, near, a, b, c0, c1, passive):
            if e.id not in targets and e.id not in agents:
                # "was arrested together with his lawyer, Ana Lee": a lawyer held is a target
                targets.append(e.id)
    owned = {
        e.id for ma, _mb, e in near
        if ma > b and WHOSE_NP.search(doc.flat, max(b, ma - 40), ma)
    }  # fmt: skip
    if owned and any(x not in owned for x in targets):
        # "arrested Tom Reed, whose lawyer Ana Lee protested": the one in the "whose" phrase
        targets = [x for x in targets if x not in owned]
    kin = {
        e.id
        for ma, mb, e in near
        if c0 <= ma < c1
        and (
            KIN_OF.search(doc.flat, max(c0, ma - 40), ma)
            # "Tom Reed, Ms Lee's brother": the one whose kin the person named is
            or (ma > a and KIN_AFTER.match(doc.flat, mb) and ", " in doc.flat[ma - 12 : ma])
        )
    }
    seen_end = None  # where the last person who saw the step is named
    witnesses: set[str] = set()  # who saw the step: "in the presence of", "in front of"
    for ma, mb, e in near:
        if not (c0 <= ma < c1 and ma > b):
            continue
        if PRESENT_AT.search(doc.flat, max(b, ma - 60), ma) or (
            # "in the presence of his partner, Ms. A, and his mother, Ms. B": the list goes on
            seen_end is not None and PRESENT_MORE.fullmatch(doc.flat, seen_end, ma)
        ):
            witnesses.add(e.id)
            seen_end = mb
        elif e.kind == "person":
            seen_end = None
    if witnesses:
        # "went through the flat in front of his sister, Ms. A": who saw the step did not
        # undergo it, even where the clause names no one else
        targets = [x for x in targets if x not in witnesses]
    if etype in ASKED_ABOUT:
        # "questioned about her sources and her contacts with Tom Reed": who the questions
        # were about is not who was questioned
        about = {
            e.id for ma, _mb, e in near
            if ma > b and e.kind == "person" and ABOUT.search(doc.flat, b, ma)
        }  # fmt: skip
        targets = [x for x in targets if x not in about]
    if kin and any(x not in kin for x in targets):
        # "arrested Tom Reed, the husband of Ana Lee": the one named after "husband of" is not
        targets = [x for x in targets if x not in kin]
    pron_subject = (
        SUBJECT_PRONOUN_BEFORE.search(doc.flat, max(c0, a - 60), a)
        if voice in ("passive", "perfect")
        else None
    )
    if pron_subject is not None:
        # "after demanding that four men, abducted in 2020, be returned, she was prosecuted":
        # "she" is what the passive is done to; people named before her are not
        said = pron_subject.start(1)
        earlier = {e.id for ma, _mb, e in near if e.kind == "person" and ma < said}
        targets = [x for x in targets if x not in earlier]
    for owner, named in _possessed(doc.flat, near, c0, a):
        # "Ana Lee's lawyer, Tom Reed, was arrested": the lawyer was, not Ana Lee
        if owner.id in targets and named.id not in agents:
            targets = [named.id if x == owner.id else x for x in targets]
            if named.id not in targets:
                targets.append(named.id)
    # (to the next event verb: a list of objects runs on over ", and")
    c2 = min((o for o in others or () if o > a), default=s.end)
    if etype in DONE_TO_SOMEONE and ("'" in doc.flat[b:c2] or "’" in doc.flat[b:c2]):
        for owner, named in _possessed(doc.flat, near, b, c2):
            # "police arrested Lee's husband, Karl Hess, and Reed's brother, Ivan Reed": the
            # kin named are the objects; the one whose kin they are, named only so, is not
            once = sum(1 for ma, _mb, e in near if e.id == owner.id and c0 <= ma < c2) == 1
            if named.id in agents:
                continue
            if once and owner.id in targets:
                targets = [x for x in targets if x != owner.id]
            if named.id not in targets:
                targets.append(named.id)
    if targets and ("'" in doc.flat[c1 : s.end] or "’" in doc.flat[c1 : s.end]):
        # "The trial opened on 3 May, after the judge ruled that ...: Tom Reed's lawyer did not
        # speak Uzbek": one named after the trigger's clause only to say whose lawyer or kin
        # another is takes no part in the step
        owners_only = _owners_only(doc.flat, near, c1, s.end)
        targets = [x for x in targets if x not in owners_only]
    subject = _relative_subject(doc.flat, mentions, s, a, etype)
    if subject is not None:
        # "Ana Lee, who was arrested on 3 May", "her son, Tom Reed, disappeared": the person the
        # clause is about is the target, not the others the sentence names
        targets = [subject.id]
        agents = [x for x in agents if x != subject.id]
    if etype in BODY_EVENTS and any(_kind(ents, x) in CIVIL_KINDS for x in targets):
        # "suspended the Zembla Rights Centre, led by Ana Lee": the body was banned; who leads
        # it is named to say whose body it is
        leaders = {
            e.id for ma, _mb, e in near
            if e.kind == "person" and LED_BY.search(doc.flat, max(s.start, ma - 50), ma)
        }  # fmt: skip
        targets = [x for x in targets if x not in leaders]
    # "climbed into the organisation's office and set it on fire", "took him to his office and
    # searched it": "it" after the trigger is the premises an earlier clause named
    p0 = s.start if etype in PREMISES_EVENTS and IT_OBJECT.search(doc.flat, a, b + 3) else b
    owners = _owners(doc, mentions, p0, c1) if etype in PREMISES_EVENTS else []
    if etype in ("search", "raid") and not owners and THE_HOME.match(doc.flat, b):
        # "arrested X at his home ... The officers searched the house": the home told before,
        # of the person the last step was done to
        owners = [
            e for x in prev_targets[:1] if (e := _entity(ents, x)) is not None
            and e.kind == "person"
        ]  # fmt: skip
    for person in owners:
        # "police searched his home and his office": the defender whose home it was
        if person.id not in targets and person.id not in agents:
            targets.append(person.id)
    if etype in PREMISES_EVENTS and episode and GROUP_OWNED.search(doc.flat, p0, c1):
        # "Police seized the journalists' phones", "searched the couple's flat": the people of
        # the last step done to several
        targets += [x for x in episode if x not in targets and x not in agents]
    if (
        etype in PREMISES_EVENTS
        and PREMISES.search(doc.flat, min(c0, p0), c1)
        and not any(_kind(ents, x) in CIVIL_KINDS for x in targets)
    ):
        # "police searched the organisation's office": the body whose premises they were;
        # "took him to his office at the Zenda Hub and searched it": his, and the body's
        body = _last_civil_body(mentions, a)
        if body is not None and (
            not owners or any(e is body for ma, _mb, e in mentions if min(c0, p0) <= ma < c1)
        ):
            targets.append(body.id)
    orderers = _ordered_by(doc.flat, mentions, s)
    if orderers:
        # "arrested Ana Lee on the orders of the governor": who ordered it acts, never a target
        ids = {e.id for e in orderers}
        targets = [x for x in targets if x not in ids]
    if etype != "complaint":
        # "initiated a case against him based on a complaint of Tom Reed": who complained is
        # no target of what followed
        plaintiffs = _complainants(doc.flat, mentions, s)
        targets = [x for x in targets if x not in plaintiffs]
    if (
        etype in DESCRIBED_EVENTS
        and not any(_kind(ents, x) in CIVIL_KINDS for x in targets)
        and not any(c0 <= ma < c1 and e.id in targets for ma, _mb, e in near)
    ):
        # "blocked the outlet's website", "the league was suspended", "froze its accounts": the
        # body named again by a common noun, as the object (or a passive's subject)
        body = _described_body(doc, mentions, c0 if passive else a, c1 if passive else c2, s.start)
        if body is not None and body.id not in agents:
            targets.append(body.id)
    bodies = (
        BODY_GROUP.search(doc.flat, c0, c1)
        if holds_any(doc.flat, BODY_GROUP_NOUNS, c0, c1)
        else None
    )
    if bodies is not None:
        # "charged A and B, together with the three companies": the bodies named last before
        targets += [x for x in _bodies_before(mentions, s.start, bodies) if x not in targets]
    group = _group_target(doc.flat[s.start : s.end])
    others_of = (
        _group_before(mentions, s.start, group, exclude=tuple(carried or ()), flat=doc.flat)
        if group is not None
        and group.group("other")
        and carried
        # (in the trigger's clause, which names no one itself: not "charged A, B and C,
        # asking for the other eight to be discharged")
        and c0 <= s.start + group.start() < c1
        and not any(c0 <= ma < c1 and e.kind == "person" for ma, _mb, e in near)
        else []
    )
    if group is not None and group.group("other") and not others_of:
        group = None  # ("asking for the other eight to be discharged": not this step's)
    if others_of:
        # "A and B were charged. The other three activists were released": the rest of the
        # list told before, without those the last step was done to
        targets = others_of
    elif not targets and group:
        if PAIR.fullmatch(group.group()) and recent and len(recent) >= 2:
            # "both men", "the two": the last two people events were told of
            targets = list(recent[:2])
        else:
            targets = _group_before(
                mentions, s.start, group, flat=doc.flat, recent=recent, episode=episode
            ) or (
                # "both men were remanded ...; indictments against them": with no two defenders
                # named together, the people the last events were told of
                list(recent[:2])
                if group.group().lower() in ("them", "they", "their")
                and recent
                and len(recent) >= 2
                else list(prev_targets)
            )
            if not group.group("n") and len(targets) >= 2 and set(targets) < set(episode or ()):
                # "A, director of X, and two members of her team, B and C, were arrested. ...
                # The prosecutor charged them": some of a group the story went on with stand
                # for all of it
                targets = sorted(episode or (), key=lambda i: int(i[1:]) if i[1:].isdigit() else 0)
    elif (
        targets
        and group
        and group.group("n")
        and c0 <= s.start + group.start() < c1
        # "the seven others, among them A and B": the names that follow are the group
        and not any(s.start + group.start() < ma < c1 for ma, _mb, e in mentions if e.id in targets)
    ):
        # "sentenced Ana Lee to three years and the four others to two": the others too
        rest = _group_before(mentions, s.start, group, exclude=targets, flat=doc.flat)
        if rest:
            # the group is those people, not an unnamed actor of its own
            g0, g1 = s.start + group.start(), s.start + group.end()
            unnamed = {
                e.id for ma, mb, e in mentions
                if e.kind == "person" and not e.name and ma < g1 and g0 < mb
            }  # fmt: skip
            targets = [x for x in targets if x not in unnamed] + rest
    elif not targets and (relative := _kin_named_before(doc.flat, mentions, c0, a, b, passive)):
        # "Her son was detained the next day": the son the text has named, "her son, Tom Reed"
        targets = [relative.id]
    elif (
        not targets
        # (a pronoun of an earlier clause is that clause's: "raided the office of the Centre,
        # the organisation she founded, and seized computers" takes no "she")
        and (pron := PRONOUN_TARGET.search(doc.flat, c0, s.end))
        and not (etype in FILED_EVENTS and _only_whose_step(doc.flat, pron, s.end))
    ):
        word, at = pron.group().lower(), a
        person = last_person(doc, mentions, a, word, victims=recent or ())
        victim = person is not None and (
            _targeted(person)
            or person.id in (recent or ())
            or _underwent_before(doc, mentions, person, s.start)
            # "Ana Barrios worked at the office. She was arrested": the subject of a passive
            # step told by a pronoun, where no words give the one it points back to a role
            or (passive and _unplaced(person))
            # "Ms. Lee chaired the bench. She was arrested": the only one of the pronoun's
            # gender, a judge or an official, is what a passive step is done to
            or (
                passive
                and person.attrs.get("gender") == PRONOUN_GENDER.get(word)
                and bool(AGENT_ROLES.intersection(person.attrs.get("roles", [])))
            )
        )
        own = _trigger_pronoun(doc.flat, a, b, c0)
        if own is not None and own.start(1) > pron.start():
            # "Her husband, Ivo Sand, said that police questioned him": the pronoun the
            # trigger takes, not the first of the sentence ("her" of "her husband"), and the
            # person the sentence named before it, whatever their role
            word, at = own.group(1).lower(), own.start(1)
            person = last_person(doc, mentions, at, word, victims=recent or ())
            victim = person is not None and (
                _targeted(person)
                or person.id in (recent or ())
                or _first_at(mentions, person.id, s.start, at) is not None
            )
        targets = [person.id] if person is not None and victim else prev_targets[:1]
        said = PRONOUN_GENDER.get(word)
        main = _entity(ents, targets[0]) if targets else None
        if main is not None and said and main.attrs.get("gender") not in (None, "unknown", said):
            # "Three cases were registered against her" at the head of a paragraph: not the
            # defender the appeal is about if "her" cannot be him, but the woman last named
            person = person or last_person(doc, mentions, at, word, anywhere=True)
            if person is not None:
                targets = [person.id]
    elif not targets and etype in CARRIED_EVENTS and carried:
        targets = list(carried)  # "the court sentenced the men": those the story is about
        if etype in CUSTODY_EVENTS:
            # (a company charged with them is not held or released with them)
            people = [x for x in targets if getattr(_entity(ents, x), "kind", None) == "person"]
            targets = people or targets
    elif targets and etype not in SUBJECT_ACTS:
        # "sentenced him and Ana Lee", "he was arrested, and the next day Ana Lee": a pronoun
        # next to the trigger names one more target beside those the clause names
        pron = (
            OBJECT_PRONOUN.match(doc.flat, b)
            or SUBJECT_PRONOUN_BEFORE.search(doc.flat, max(c0, a - 60), a)
            or POSSESSIVE_BEFORE.search(doc.flat, max(c0, a - 30), a)
            or SUBJECT_PAIR_BEFORE.search(doc.flat, max(c0, a - 100), a)
        )
        if pron:
            person = last_person(doc, mentions, pron.start(1), pron.group(1).lower())
            if person is None and prev_targets:
                # "His trial opened" at the head of a paragraph: the defender told of before
                person = _entity(ents, prev_targets[0])
            if person is not None and person.id not in targets and person.id not in agents:
                targets.append(person.id)
        desc = OBJECT_DESCRIPTION.match(doc.flat, b)
        if desc and not any(desc.end() <= ma <= desc.end() + 2 for ma, _mb, _e in mentions):
            # "police detained the human rights defender together with Tom Reed": the
            # description names the defender the appeal was about, not a new unnamed person
            person = _last_targeted(mentions, a)
            if person is not None and person.id not in targets and person.id not in agents:
                targets.insert(0, person.id)
    reflexive = REFLEXIVE_BEFORE.search(doc.flat, max(c0, a - 30), a)
    if reflexive and voice != "active":
        # "their lawyer, A, went to see his clients, and he was himself arrested": the
        # reflexive turns the step on the one who acted for others, whatever their role
        anyone = {e.id for e in ents.of("person")}
        word = reflexive.group(1).lower()
        person = last_person(doc, mentions, reflexive.start(), word, victims=anyone)
        if person is not None:
            targets = [person.id]
    if voice == "active" and others:
        # "the court acquitted Tom Reed but sentenced Ana Lee": an active verb with an object
        # of its own (up to the next verb) does not take the objects of the verbs beside it
        hi = min((o for o in others if o > a), default=s.end)
        own = {e.id for ma, _mb, e in near if e.kind == "person" and b <= ma < hi}
        elsewhere = {e.id for ma, _mb, e in near if e.kind == "person" and not b <= ma < hi}
        if own & set(targets):
            targets = [x for x in targets if x in own or x not in elsewhere]
    if targets and "release of" in doc.flat[b:c1]:
        # "were arrested at a gathering calling for the release of A": A is who the gathering
        # spoke for, not one arrested
        asked = {
            e.id for ma, _mb, e in near
            if b <= ma < c1 and ASKED_RELEASE_OF.search(doc.flat, max(b, ma - 70), ma)
        }  # fmt: skip
        told = {e.id for ma, _mb, e in near if c0 <= ma < c1 and e.id not in asked}
        targets = [x for x in targets if x not in asked or x in told]
    if (
        not targets
        and etype in DONE_TO_SOMEONE
        and not (etype in PREMISES_EVENTS and INDEFINITE_OBJECT.match(doc.flat, b))
        # "police dispersed the meeting and arrested five community members": the group it was
        # done to is there, unnamed, and not the people the story was about
        and not (voice == "active" and COUNTED_OBJECT.match(doc.flat, b))
    ):
        # "The trial opened on 3 May", "the court upheld the verdict": an act of the state is
        # done to someone; told without them, to those the story is about
        targets = list(carried or prev_targets[:1])
    if not targets and voice == "active" and COUNTED_OBJECT.match(doc.flat, b):
        # "have detained dozens of people at protests. Among them are A; B; and C": the
        # group is named in the sentence after
        targets = [x for x in _named_next(doc, mentions, s) if x not in agents]
    if etype in DONE_TO_SOMEONE and voice != "state":
        listed_group, besides = _counted_then_named(doc, near, mentions, s, c0, c1)
        if listed_group and besides:
            # "he was arrested together with four other activists: A, B, C and D": the group
            # is arrested with him
            targets += [x for x in listed_group if x not in targets and x not in agents]
        elif listed_group and (
            not targets
            or set(targets) <= set(listed_group)
            or not any(c0 <= ma < c1 and e.id in targets for ma, _mb, e in near)
        ):
            # "charged five members of the council - its coordinator, A, her son B, and
            # community leaders C, D and E - with ...", "called for the release of seven
            # members of the coalition arrested on 3 May. Those arrested are A; B; ...": the
            # group counted is the people named right after it, as many as it says
            targets = [x for x in listed_group if x not in agents]
    judges = [x for x in agents if getattr(_entity(ents, x), "kind", None) == "person"]
    bodies = [x for x in agents if x not in judges]
    agents = bodies[-1:]
    if agents and agents[0] in units:
        # "officers of the Crime Unit of the Zenda police beat him": the unit acted
        agents = [units[agents[0]]]
    elif agents and agents[0] in listed and not _passive_voice(doc.flat, a, c0, voice):
        # "the police and the army raided the office": the bodies listed as subject all acted
        while agents[0] in listed and listed[agents[0]] not in agents:
            agents.insert(0, listed[agents[0]])
    if not agents and (
        IT_SUBJECT.search(doc.flat, max(c0, a - 30), a)
        or (
            voice == "active"
            and etype in POLICE_WORK | STATE_ACTS
            and THEY_SUBJECT.search(doc.flat, max(c0, a - 30), a)
        )
    ):
        # "It banned Ana Lee from leaving the country", "they detained Tom Reed", "The
        # officers searched his farmhouse": the body the paragraph was about (people "they"
        # act for themselves: appeals, complaints)
        body = None
        if OFFICERS_SUBJECT.search(doc.flat, max(c0, a - 30), a):
            body = _last_body(doc, mentions, a, staff=True)  # "The officers": of the body named so
        body = body or _last_body(doc, mentions, a)
        if body is not None:
            agents = [body.id]
    if (
        not agents
        and voice == "active"
        and PROSECUTORS_SUBJECT.search(doc.flat, max(c0, a - 30), a)
        and (body := _last_body(doc, mentions, a, kinds=PROSECUTION)) is not None
    ):
        # "brought before the Vela State Prosecution ... prosecutors interrogated her": the
        # prosecution the paragraph named
        agents = [body.id]
    says_court = _says_court(doc.flat, s.start, s.end)
    if etype in COURT_EVENTS and not any(
        _kind(ents, x) == "court" and _first_at(mentions, x, s.start, c0) is None for x in agents
    ):
        # (a court named in an earlier clause of the sentence gives way to the one this clause
        # names after its trigger: "A was sentenced by the X Court, and B received three years
        # from the Y Court")
        court = court_after(doc.flat, mentions, inner, b, c1, etype == "trial_hearing")
        if court is not None:
            agents = [court.id]  # "the trial opened before the Zenda City Court"
        elif doc.flat.startswith("which", a):
            # "an appeal ..., which the Zenda Court of Appeal dismissed": the court the
            # relative clause names, inside the trigger, disposed of it
            named = [e for ma, _mb, e in near if a <= ma < b and _kind(ents, e.id) == "court"]
            if named:
                agents = [named[0].id]
    # "the agency filed a charge sheet, and the court remanded him": a court told in another
    # clause decides a court event of the sentence, not what the agency did
    court_clause = etype in COURT_EVENTS or (
        says_court and bool(COURT_WORD.search(doc.flat, c0, c1))
    )
    if court_clause and not any(_kind(ents, x) == "court" for x in agents):
        # "Judge Tom Reed rejected the plea": a judge acts for a court, the last one the text
        # named, even paragraphs before
        court = last_court(doc, mentions, s, a, says_court or bool(judges))
        if (
            court is not None
            and etype == "sentence"
            and voice in ("state", "phrase")
            and not says_court
            and not judges
            and _first_at(mentions, court.id, s.start, s.end) is None
        ):
            # "she is already serving a two-year sentence handed down in 2023": a sentence
            # told as a state or a noun, with no court in its sentence, is not one the court
            # the paragraph last named handed down
            court = None
        if court is not None:
            agents = [court.id]
        elif COURT_SUBJECT.search(doc.flat, max(c0, a - 30), a):
            # "the agency filed a charge sheet, and the court remanded him": with no court
            # known, the body of the other clause still did not do what "the court" did
            agents = [x for x in agents if _first_at(mentions, x, c0, c1) is not None]
    if etype in COURT_EVENTS:
        # "with Judge X presiding and Y acting for the prosecution": they sit at the hearing
        turn = TURN.search(doc.flat, b, s.end)
        upto = turn.start() if turn else s.end
        judges += [
            e.id for ma, mb, e in mentions
            if a <= ma < upto and (ma, mb) not in inner and e.kind == "person"
            and {"judge", "prosecutor"} & set(e.attrs.get("roles", []))
        ]  # fmt: skip
    if etype not in POLICE_WORK:
        # the judges who sat and prosecutors who spoke act with their court
        agents += [x for x in dict.fromkeys(judges) if x not in agents]
    authors = COMPLAINT_OF.match(doc.flat, a) if etype == "complaint" else None
    if (
        etype in SUBJECT_ACTS
        and not passive
        and not (authors and authors.end() > b)
        # (not "he died in custody": the subject of an intransitive verb undergoes it)
        and not INTRANSITIVE.match(doc.flat, a)
        and not NEVER_ARRIVED.match(doc.flat, a)
    ):
        # (not "a complaint of Tom Reed against Ana Lee": its authors are named after it)
        # "she filed a complaint", "both men appealed": the subject acts for itself
        lo = _subject_start(doc.flat, c0, a)
        subjects = {e.id for ma, _mb, e in mentions if lo <= ma < a}
        if SUBJECT_PRONOUN.search(doc.flat, lo, a) and not any(
            lo <= ma < a for ma, _mb, _e in mentions
        ):
            subjects |= set(targets)  # "she went on hunger strike": the one "she" points to
        actors += [x for x in targets if x in subjects]
        targets = [x for x in targets if x not in subjects]
    if etype in STATE_ACTS:
        # a court, a prosecutor or the police sentence, charge and hold people: an NGO or a
        # company named before the verb ("X of the Y Association was sentenced") does not
        actors = [x for x in actors if _kind(ents, x) in STATE_KINDS or _kind(ents, x) is None]
    agents += [x for x in dict.fromkeys(actors) if x not in agents and x not in targets]
    if (
        etype in HELD_BY_EVENTS
        and (
            voice in ("passive", "perfect", "state") or (voice == "phrase" and etype == "detention")
        )
        and not agents
    ):
        # "was summoned to the Investigation Department", "was taken to the Zenda police
        # station": the body a person is brought before or held by is the one that acts
        # (a phrase may end inside the body's name: "was held at the offices of the Z")
        body = destination_body(
            doc.flat, mentions, a if voice == "phrase" else b, c1, held_only=voice == "phrase"
        )
        if body is not None:
            agents = [body.id]
    if etype in HELD_BY_EVENTS and not agents and voice in ("passive", "perfect"):
        where = WHERE_BEFORE.search(doc.flat, max(s.start, a - 40), a)
        if where is not None:
            # "was taken to the headquarters of the X in Vela, where he was questioned": the
            # body of the place the clause before names acts in it
            body = _place_of(doc.flat, mentions, s.start, where.start())
            if body is not None:
                agents = [body.id]
    if etype == "interrogation" and not agents and voice in ("passive", "perfect"):
        # "He was brought to the X Prosecutor's Office ... He was questioned about": who
        # questions is the prosecution body the paragraph last named
        body = _last_questioner(doc, mentions, a)
        if body is not None:
            agents = [body.id]
    if etype in STREET_WORK and not ORDER_WORD.search(doc.flat, c0, c1):
        # "arrested on leaving the Zenda City Court", "after the court hearing, police detained
        # him": a court named beside an arrest is where or after what it happened; courts do
        # not arrest (unless the clause says it ordered the step)
        agents = [x for x in agents if _kind(ents, x) != "court"]
    behalf = BEHALF.search(doc.flat, c0, c1) if etype in FILED_EVENTS else None
    if behalf is not None:
        # "a petition was filed on his behalf": the one it is filed for is no target of it
        if behalf.group(1):
            person = last_person(doc, mentions, behalf.start(), behalf.group(1).lower())
            for_whom = [person.id] if person is not None else prev_targets[:1]
        else:
            for_whom = [e.id for ma, _mb, e in near if behalf.end() <= ma < behalf.end() + 40]
        targets = [x for x in targets if x not in for_whom[:1]]
    # "on trial before the X Court on a complaint lodged by Y": the court decides what is
    # brought before it, it files nothing
    if etype == "charge" and CHARGE_AS_GROUND.match(doc.flat, a):
        # "the court remanded him in custody on charges of smuggling": the charge is the ground
        # a court holds, tries or sentences on; the court neither brought nor decided it, nor
        # did its judge ("Judge X ordered their detention on charges of"); an investigating
        # judge, who brings the charges in the systems that have one, did
        agents = [x for x in agents if _kind(ents, x) != "court" and not _trial_judge(ents, x)]
    bodies_to = [
        x
        for x in agents
        if _kind(ents, x) == "court"
        and (
            etype in FILED_EVENTS
            or (etype == "charge" and not _court_subject(doc.flat, near, x, c0, a, voice))
        )
    ]
    agents = [x for x in agents if x not in bodies_to]
    authority = bodies_to[0] if bodies_to else None
    for ag in agents:
        kind = _kind(ents, ag)
        if kind == "court" or (kind == "prosecution" and etype not in POLICE_WORK):
            authority = ag
        # (the police or a security service that summons, questions or charges acts; the gold
        # gives no authority there: a body that decides is a court, a prosecutor or the like)
        elif kind == "international_org" and etype == "other":
            authority = ag  # "the Inter-American Commission granted precautionary measures"
        elif authority is None and etype in DECIDED_BY_BODY and kind in DECIDING_KINDS:
            # "the Ministry of Justice suspended the Centre", "the ministry opened an
            # investigation": the body that takes an administrative step decides it
            authority = ag
    if authority is None and etype in DECIDED_BY_OFFICIAL and len(agents) == 1:
        # "the Minister of the Interior, Y, banned the association", "President X pardoned
        # him": an official whose post decides the step, and who alone acts, is its authority
        authority = agents[0] if _deciding_official(ents, agents[0]) else None
    if authority is None and etype in JUDGED_STEPS and any(_judge(ents, x) for x in agents):
        # "Judge X of the Y Court ordered her pre-trial detention", "Magistrate X released him
        # on bail": a judge decides for a court, the one the text last named before the step
        # in its paragraph ("an investigating judge of the X Pole" sits in a body of their own)
        court = None if _judge_of_unread(ents, agents) else last_court(doc, mentions, s, a, False)
        if court is not None:
            authority = court.id
    orderer = _orderer(doc.flat, mentions, c0, a)
    if orderer is not None and etype in ORDERED_EVENTS:
        # "the Prosecutor General ordered the banks to freeze its accounts": who ordered it acts
        # and decides, whoever carried it out (a body, or an official whose post decides)
        agents = [orderer.id, *[x for x in agents if x != orderer.id]]
        if orderer.kind == "organisation" or _deciding_official(ents, orderer.id):
            authority = orderer.id
    deciders = [x for x in agents if _kind(ents, x) in STATE_KINDS]
    for e in orderers:
        if any(x != e.id for x in deciders) and _requested_by(doc.flat, mentions, s, e):
            # "the court extended his remand at the request of the police": the body that
            # granted the request took the step; the one who asked did not
            agents = [x for x in agents if x != e.id]
            continue
        if e.id not in agents and e.id not in targets:
            agents.insert(0, e.id)
        if authority is None and e.kind == "organisation" and e.attrs.get("kind") in STATE_KINDS:
            authority = e.id  # "at the request of the Ministry of Justice": the body decided
    if etype in ADDRESSED_EVENTS:
        body = addressed_body(doc.flat, mentions, b, c1)
        if body is not None:
            authority = body.id  # "appealed to the Supreme Court", "lodged with the ECtHR"
    if etype == "appeal_filed" and authority is None:
        # "Her appeal, which the Vela High Court is yet to hear, was lodged", "appealed in June,
        # and the Regional Court has set no date": the court the sentence names after
        # the appeal hears it
        court = _court_after(mentions, b, s.end)
        if court is not None:
            authority = court.id
    if etype == "trial_hearing" and (court := _hearing_court(doc.flat, mentions, a, b)):
        # "a hearing before the Appeals Chamber of X is scheduled for": the court the phrase
        # names, not the one the story named last
        agents = [court.id if _kind(ents, x) == "court" else x for x in agents]
        agents = list(dict.fromkeys(agents))
        authority = court.id
    if etype == "appeal_filed" and any(
        "lawyer" in getattr(_entity(ents, x), "attrs", {}).get("roles", []) for x in agents
    ):
        # "their lawyer filed an appeal": the lawyer appeals for the clients, who are no
        # targets of the appeal
        targets = []
    if etype == "attack" and doc.flat.startswith("dispersed", a):
        # "crowds gathered ... police dispersed them with tear gas": what is dispersed is a
        # gathering; "them" there is the crowd, not the defenders last named
        named = {e.id for ma, _mb, e in near if c0 <= ma < c1}
        targets = [x for x in targets if x in named]
    if etype == "ban":
        # "blocked the website of Dainik News", "access to the Ledger was blocked", "ordered
        # the Haber website blocked": the outlet whose site, account or office is shut is the
        # target, not a person the sentence names beside it
        outlet = [
            e.id for ma, mb, e in near
            if c0 <= ma < c1 and e.kind == "organisation"
            and e.attrs.get("kind") not in STATE_KINDS | {"international_org"}
            and not _platform(ents, e.id)
            and (
                OUTLET_OF.search(doc.flat, max(c0, ma - 40), ma)
                or OUTLET_AFTER.match(doc.flat, mb)
            )
        ]  # fmt: skip
        if outlet:
            targets = list(dict.fromkeys(outlet))
            agents = [x for x in agents if x not in outlet]
    if len(targets) > 1:
        # "fined him and closed his account on X", "over his posts on Facebook": the platform is
        # where the account or the posts are, not whom the step is done to
        targets = [x for x in targets if not _platform(ents, x)] or targets
    if targets and all(_platform(ents, x) for x in targets):
        owner = _platform_owner(doc, ents, mentions, targets[0], s, recent or prev_targets)
        if owner is not None:
            # "the court ordered the closure of his Twitter account", "its website, Facebook
            # page and YouTube channel were blocked": whose page or account it is
            targets = [owner]
    provisions = [p["id"] for pa, _pb, p in provs if s.start <= pa < s.end]
    penalty = None
    if etype in ("sentence", "fine", "ban", "detention"):
        m = re.search(r"(?:sentenced (?:him |her |them )?to|fined( \w+)*?)\s+(?P<p>[^,;.]{3,60})",
                      doc.flat[a : s.end])  # fmt: skip
        if m and etype in ("sentence", "fine"):
            penalty = clean(m.group("p"))
    record = {
        "id": "",
        "type": etype,
        "date": format_date(value),
        "agents": agents,
        "targets": list(dict.fromkeys(targets)),
        "authority": authority,
        "provisions": list(dict.fromkeys(provisions)),
        "penalty": penalty,
        "place": None,
        "note": clean(doc.flat[a:b]),
        "confidence": 0.6 if value else 0.4,
        "evidence": evidence(doc, s.start, s.end),
    }
    if others_of or any(
        AGENT_ROLES & set(getattr(_entity(ents, x), "attrs", {}).get("roles", []))
        for x in receivers & set(targets)
    ):
        # (a lawyer or an official who receives threats is no one the story goes on with)
        record["_aside"] = True  # the story goes on with the people before, not these
    return record


#: An unnamed judge told with a body's name: "an investigating judge of the X Pole".
JUDGE_OF_NAME = re.compile(r"\b(?:of|at)\s+(?:the\s+)?[A-Z]")


def _judge_of_unread(ents: Entities, agents: list[str]) -> bool:
    """Whether an unnamed judge among ``agents`` is told with a body of their own the rules did
    not read ("an investigating judge of the X Pole"): not the court the text named last."""
    return any(
        _judge(ents, x) and not e.name and any(JUDGE_OF_NAME.search(v) for v in e.variants)
        for x in agents
        if (e := _entity(ents, x)) is not None
    )


#: Steps outside a trial a judge may decide in person: custody, release, a travel ban.
JUDGED_STEPS = frozenset({"detention", "release", "travel_ban"})


def _judge(ents: Entities, eid: str) -> bool:
    """Whether the entity is a person the text gives the role of a judge."""
    e = _entity(ents, eid)
    return e is not None and e.kind == "person" and "judge" in e.attrs.get("roles", [])


def _trial_judge(ents: Entities, eid: str) -> bool:
    """Whether the entity is a judge who does not investigate: one who holds, tries or
    sentences, not an investigating judge (who charges)."""
    e = _entity(ents, eid)
    if e is None or "judge" not in e.attrs.get("roles", []):
        return False
    return not any("investigat" in v.lower() for v in [e.name or "", *e.variants])


#: What of an outlet a ban shuts, before its name: "the website of", "access to the".
OUTLET_OF = re.compile(
    r"\b(?:(?:web)?sites?|accounts?|pages?|channels?|licen[cs]e|offices?|premises|access\s+to)"
    r"\s+(?:of\s+)?(?:the\s+)?$"
)
#: The same after the name: "the Ceylan Haber website", "Nasha Niva's account".
OUTLET_AFTER = re.compile(r"(?:[’']s)?\s+(?:(?:web)?sites?|accounts?|pages?|channels?)\b")


#: "his disappearance", "her arrest": a possessive before a step done to that person.
WHOSE_STEP = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:disappearance|arrest|detention|abduction|death|killing|torture|"
    r"ill-treatment|treatment|beating|prosecution|conviction|sentence|case)\b"
)


#: "his family", "her lawyer": a possessive before those who act for the person.
WHOSE_KIN = re.compile(
    r"\s+(?:family|families|wife|husband|mother|father|son|daughter|brother|sister|parents|"
    r"relatives|lawyers?|colleagues)\b"
)


def _only_whose_step(flat: str, pron: re.Match[str], end: int) -> bool:
    """Whether every pronoun of the sentence from ``pron`` on is the possessive of a step done
    to that person ("reported his disappearance to the police", "complained about her
    arrest"): who a complaint or appeal is about is no target of it."""
    m: re.Match[str] | None = pron
    while m is not None:
        if m.group().lower() not in ("his", "her", "their") or not (
            WHOSE_STEP.match(flat, m.end()) or WHOSE_KIN.match(flat, m.end())
        ):
            return False
        m = PRONOUN_TARGET.search(flat, m.end(), end)
    return True


PRONOUN_TARGET = re.compile(
    r"\b(?:him|he|his|she|her|them|they|their|the two men|the human rights defender|"
    r"the defendants)\b",
    re.I,
)
#: "arrested him and ...", "sentenced her to": a pronoun object right after the trigger (not
#: the possessive of "her lawyer").
OBJECT_PRONOUN = re.compile(
    r"\s+(him|her)(?=\s*[,.;]|\s+(?:and|to|in|on|at|for|with|of|from|under|without|as|after|"
    r"before|over|until|because|while|when|into|again)\b)"
)
#: "detained the human rights defender", "sentenced the journalist": a description of the person
#: the appeal is about, as the object right after the trigger.
OBJECT_DESCRIPTION = re.compile(
    r"\s+the\s+(?:(?:woman|women's|female|young|prominent|well-known|veteran)\s+)?"
    r"(?:human\s+rights\s+)?(?:defender|activist|journalist|blogger|reporter)\b"
)


def _unplaced(e: Entity) -> bool:
    """Whether no words give the person a role yet (none, or only "other")."""
    return e.name is not None and set(e.attrs.get("roles") or []) <= {"other"}


def _last_targeted(mentions: list[tuple[int, int, Entity]], a: int) -> Entity | None:
    """The defender or journalist named last before ``a``."""
    i = bisect.bisect_left(mentions, a, key=lambda m: m[0]) - 1
    while i >= 0:
        e = mentions[i][2]
        if e.kind == "person" and _targeted(e):
            return e
        i -= 1
    return None


def _trigger_pronoun(flat: str, a: int, b: int, c0: int) -> re.Match[str] | None:
    """The pronoun a trigger takes: its object right after it ("questioned him for hours") or
    the subject of its passive right before it ("he was arrested"); group 1 is the pronoun."""
    return OBJECT_PRONOUN.match(flat, b) or SUBJECT_PRONOUN_BEFORE.search(flat, max(c0, a - 60), a)


#: "he was arrested", "she had also been detained": a pronoun subject of a passive trigger.
SUBJECT_PRONOUN_BEFORE = re.compile(
    r"\b([Hh]e|[Ss]he)\s+(?:(?:was|were|had|has|been|being|also|then|later|again|himself|"
    r"herself|\w+ly)\s+){1,4}$"
)
#: "she and her brother, Tom Reed, were detained", "he and Ana Lee were arrested": a pronoun
#: joined to the named subject of a passive trigger.
SUBJECT_PAIR_BEFORE = re.compile(
    r"(?<![\w’'])([Hh]e|[Ss]he) and (?:(?:his|her) [\w-]+(?:,\s+[^,;.]{1,60},)?|"
    r"(?:[A-Z][\w’'.-]*\s+){1,4}?)\s*(?:were|had been|have been)\s+(?:\w+ly\s+)?$"
)
#: "his trial", "her arrest", "his second trial": a possessive right before a noun trigger
#: names the one it was done to.
POSSESSIVE_BEFORE = re.compile(r"(?<![\w’'])([Hh]is|[Hh]er)\s+(?:[\w-]+\s+)?$")
PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}


#: A relative by a kin noun with no name of their own: "her son was detained", "questioned his
#: wife". The kin noun is group 1.
KIN_NOUN = (
    r"(?<![\w’'])(?:[Hh]is|[Hh]er|[Tt]heir)\s+(wife|husband|spouse|mother|father|son|daughter|"
    r"brother|sister)"
)
KIN_SUBJECT = re.compile(
    KIN_NOUN + r"\s+(?:(?:was|were|had|has|been|being|also|then|later|again|\w+ly)\s+){1,4}$"
)
KIN_OBJECT = re.compile(
    r"\s+" + KIN_NOUN + r"(?=\s*[,.;]|\s+(?:and|in|on|at|for|with|over|about)\b)"
)


def _kin_named_before(
    flat: str, mentions: list[tuple[int, int, Entity]], c0: int, a: int, b: int, passive: bool
) -> Entity | None:
    """The person a bare kin noun stands for, when the trigger is done to that relative (the
    subject of a passive, the object of an active verb): the one the text named before in
    apposition with the same noun ("her son, Mr. Tom Reed"), the last such."""
    m = KIN_SUBJECT.search(flat, max(c0, a - 50), a) if passive else KIN_OBJECT.match(flat, b)
    if m is None:
        return None
    named = re.compile(
        rf"(?<![\w’'])(?:[Hh]is|[Hh]er|[Tt]heir)\s+{m.group(1)},\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?"
    )
    starts = {x.end(): x for x in named.finditer(flat, 0, a)}
    found = None
    for ma, _mb, e in mentions:
        if ma >= a:
            break
        if ma in starts and e.kind == "person" and e.name:
            found = e
    return found


#: What may open a sentence before its subject: one or two phrases up to a comma ("On 3 May,",
#: "Two days later,"), not a source ("According to his brother, X, he was beaten": X is no
#: subject), and an honorific.
SUBJECT_OPENING = re.compile(
    r"\s*(?:(?!According\b)(?:[A-Z][\w’'-]*|[a-z]+|\d+)(?:\s+[\w’'-]+){0,5},\s*){0,2}"
    r"(?:(?:Mr|Ms|Mrs|Dr|Me|Mme)\.?\s+)?"
)


def _subject_before(
    doc: Doc, mentions: list[tuple[int, int, Entity]], a: int, i: int, lo: int
) -> Entity | None:
    """The subject of the sentence a pronoun points back to, where the pronoun's sentence names
    no person before it: the person who opens the last sentence of the paragraph that names a
    person ("Ms. A, a reporter, was arrested a day after she interviewed B. The police seized
    her phone. She was released": A, not B named last), or None where that sentence opens
    otherwise."""
    k = bisect.bisect_right(doc.sentence_starts, a) - 1
    if k < 0:
        return None
    here = doc.sentences[k].start
    while i >= 0 and mentions[i][2].kind != "person":
        i -= 1
    if i >= 0 and mentions[i][0] >= here:
        said = SOURCE_THEN_PRONOUN.match(doc.flat, here, doc.sentences[k].end)
        if said is None or said.end() <= a or mentions[i][0] >= said.end():
            return None  # (the sentence names someone before the pronoun)
        # "According to his brother, Tom Reed, he was beaten": the source only reports
        before = bisect.bisect_left(mentions, here, key=lambda m: m[0]) - 1
        return _subject_before(doc, mentions, here, before, lo)
    if i < 0 or mentions[i][0] < lo:
        return None
    j = bisect.bisect_right(doc.sentence_starts, mentions[i][0]) - 1
    start = doc.sentences[j].start
    source = SOURCE_THEN_PRONOUN.match(doc.flat, start, doc.sentences[j].end)
    if source is not None and j > 0 and doc.sentences[j - 1].start >= lo:
        # "A was arrested by X. According to his brother, B, he was beaten. The court extended
        # his detention": B only reports; "he" goes on with A, the subject before
        before = bisect.bisect_left(mentions, start, key=lambda m: m[0]) - 1
        return _subject_before(doc, mentions, start, before, lo)
    first = bisect.bisect_left(mentions, start, key=lambda m: m[0])
    while first <= i and mentions[first][2].kind != "person":
        first += 1
    ma, _mb, e = mentions[first]
    m = SUBJECT_OPENING.match(doc.flat, start, ma)
    return e if m is not None and m.end() == ma else None


#: A sentence that opens with its source and goes on with a pronoun subject: "According to his
#: brother, Tom Reed, he was beaten".
SOURCE_THEN_PRONOUN = re.compile(
    r"\s*According\s+to\s+[^,;]{1,60},(?:\s+[^,;]{1,60},)?\s+(?:he|she|they)\b"
)


#: Where the head of an unnamed person's description ends: "men in plain clothes", "two men
#: who followed her".
DESCRIPTION_HEAD_END = re.compile(r"\s+(?:in|of|on|with|from|at|who|that|wearing|driving)\s")
#: Plural heads that do not end in "s".
PLURAL_HEADS = frozenset("men women people police children youths".split())


def _unnamed_group(e: Entity) -> bool:
    """Whether an unnamed person stands for several people: the head of its description is
    plural ("unknown men", "two men in a car", "masked assailants"); a singular pronoun does
    not point back to it."""
    if e.name or not e.variants:
        return False
    words = DESCRIPTION_HEAD_END.split(e.variants[0], maxsplit=1)[0].split()
    head = words[-1].lower() if words else ""
    return head in PLURAL_HEADS or (
        len(head) > 3 and head.endswith("s") and not head.endswith("ss")
    )


#: "he was himself arrested", "she herself was summoned": a reflexive right before the step.
REFLEXIVE_BEFORE = re.compile(
    r"\b(he|she)\s+(?:(?:was|is|had been|has been)\s+)?(?:him|her)self\s+"
    r"(?:(?:was|is|had been|has been)\s+)?$",
    re.I,
)


def last_person(
    doc: Doc,
    mentions: list[tuple[int, int, Entity]],
    a: int,
    pronoun: str,
    anywhere: bool = False,
    victims: Collection[str] = (),
) -> Entity | None:
    """The person a singular pronoun points back to: the last person named before it in the
    paragraph (``anywhere``: in the text) whose gender does not contradict it and who is not
    an official, judge, prosecutor or lawyer acting on others. One of ``victims`` (people
    earlier events were done to: a lawyer arrested for her work) may be pointed back to
    whatever role they also have."""
    gender = PRONOUN_GENDER.get(pronoun)
    if gender is None:
        return None
    para = next((p for p in doc.paragraphs if p.start <= a < p.end), None)
    lo = para.start if para and not anywhere else 0
    i = bisect.bisect_left(mentions, a, key=lambda m: m[0]) - 1
    subject = _subject_before(doc, mentions, a, i, para.start if para else 0)
    if (
        subject is not None
        and subject.attrs.get("gender", "unknown") in ("unknown", gender)
        and (not AGENT_ROLES.intersection(subject.attrs.get("roles", [])) or subject.id in victims)
    ):
        return subject
    unsure = None  # the last one of unknown gender, taken if no one of the pronoun's is named
    while i >= 0 and mentions[i][0] >= lo:
        e = mentions[i][2]
        if (
            e.kind == "person"
            and not _unnamed_group(e)  # "he" is not "men in plain clothes"
            # "arrested ..., according to her editor, X. She was questioned": a source named
            # for what is told is not what a pronoun after it points back to
            and not ACCORDING_TO.search(doc.flat, max(lo, mentions[i][0] - 60), mentions[i][0])
            # (nor one named as its teller after it: "..., his brother, X, told the Group.")
            and not TOLD_AFTER.match(doc.flat, mentions[i][1])
            and e.attrs.get("gender", "unknown") in ("unknown", gender)
            and (not AGENT_ROLES.intersection(e.attrs.get("roles", [])) or e.id in victims)
        ):
            if e.attrs.get("gender") == gender:
                return e
            unsure = unsure or e
        i -= 1
    if (
        unsure is None
        and subject is not None
        and subject.attrs.get("gender") == gender
        and _pronoun_opens(doc, a, pronoun)
    ):
        # "Ms. Lee, a former prosecutor, ran the office. She was arrested": a pronoun that
        # opens its sentence goes on with the subject before, of its gender, whatever her
        # post, where the paragraph names no one else it could point back to
        return subject
    return unsure


def _pronoun_opens(doc: Doc, a: int, pronoun: str) -> bool:
    """Whether the sentence of ``a`` has ``pronoun`` for its subject, after its opening
    phrases and before ``a``."""
    k = bisect.bisect_right(doc.sentence_starts, a) - 1
    if k < 0:
        return False
    m = SUBJECT_OPENING.match(doc.flat, doc.sentences[k].start, a)
    if m is None:
        return False
    word = re.match(r"[A-Za-z]+\b", doc.flat[m.end() : a])
    return word is not None and word.group().lower() == pronoun


#: ", told the Vela Group." after a name that closes its sentence: the teller of what it told.
TOLD_AFTER = re.compile(r",?\s*(?:told|informed)\s+(?:the\s+)?[A-Z][^;:.]{0,60}\.")
#: "according to her editor, " before a name: the source of what is told.
ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?:(?:his|her|their|the)\s+)?[^.;()]{0,40}$")


#: A group of two: "both", "both men", "the two women".
PAIR = re.compile(
    r"(?i)both(?: (?:men|women))?|the two(?: (?:men|women|defenders|activists|accused))?"
)
_GROUP_NUM = r"two|three|four|five|six|seven|eight|nine|ten|\d+"


#: "both his home and his office", "both in Zenda and abroad": "both ... and" joins two
#: things or places, it names no group of people.
NOT_BOTH_AND = (
    r"(?!\s+(?:the|his|her|its|their|those|these|an?|in|from|at|on|by|for|with|to|online|"
    r"offline|inside|outside|at home)\b)"
)


GROUP_TARGET = re.compile(
    # the look-ahead names the letters a match can open with, as for COURT_WORD, read case by
    # case (no other character folds to t, b or a): a case-blind class lowers each character
    rf"(?-i:(?=[TtBbAa]))\b(?:them|they|their|the defendants|the accused|both(?: (?:men|women))?"
    rf"{NOT_BOTH_AND}|"
    rf"(?:all|the)(?P<other> other| remaining)? (?P<n>{_GROUP_NUM})"
    r"(?: (?:men|women|defenders|activists|accused))?)\b",
    re.I,
)


#: A counted group of people: "five members of the council", "seven other activists", "the
#: three students".
COUNTED_PEOPLE = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
    r"(?:other\s+|more\s+)?(?:[a-z-]+\s+){0,2}?(?:members|activists|defenders|journalists|"
    r"people|persons|men|women|students|volunteers|leaders|employees|workers|lawyers|"
    r"villagers|residents|protesters|farmers|colleagues|relatives|reporters|staff members)\b"
)
#: A sentence that opens by pointing back to a group just told: "Those arrested are", "They
#: are", "Among them are", "The seven are".
POINTS_BACK = re.compile(
    r"\s*(?:Those|They|These|Among\s+them|The\s+(?:[a-z-]+\s+){0,2}?(?:are|were|include|included))\b"
)


def _counted_then_named(
    doc: Doc,
    near: list[tuple[int, int, Entity]],
    mentions: list[tuple[int, int, Entity]],
    s: Span,
    c0: int,
    c1: int,
) -> tuple[list[str], bool]:
    """The people a counted group in the clause stands for, where the text names them right
    after it: in the rest of the sentence ("five members - A, B, C, D and E - were charged"), or,
    with none named there, in the next sentence if it points back ("seven members were
    arrested. Those arrested are A; B; ..."). Only a list of as many named people as the count
    says, none of them an official acting on others; else none. And whether the group is
    counted besides someone else ("four other activists", "together with five members")."""
    if not holds_any(doc.flat, _COUNT_WORDS, c0, c1):
        return [], False
    g = COUNTED_PEOPLE.search(doc.flat, c0, c1)
    if g is None:
        return [], False
    word = g.group("n").lower()
    n = int(word) if word.isdigit() else NUMBER_WORDS.get(word, 0)
    if n < 2:
        return [], False
    besides = (
        " other" in g.group()
        or " more" in g.group()
        or bool(TOGETHER_WITH.search(doc.flat, max(c0, g.start() - 40), g.start()))
    )
    after = [e for ma, _mb, e in near if ma >= g.end() and e.kind == "person"]
    if not after:
        i = bisect.bisect_right(doc.sentences, s.start, key=lambda x: x.start)
        if i >= len(doc.sentences) or not POINTS_BACK.match(doc.flat, doc.sentences[i].start):
            return [], False
        nxt = doc.sentences[i]
        after = [
            e
            for ma, _mb, e in mentions[
                bisect.bisect_left(mentions, nxt.start, key=_start) : bisect.bisect_left(
                    mentions, nxt.end, key=_start
                )
            ]
            if e.kind == "person"
        ]
    if any(not e.name or ACTING_ROLES.intersection(e.attrs.get("roles", [])) for e in after):
        return [], False
    ids = list(dict.fromkeys(e.id for e in after))
    return (ids, besides) if len(ids) == n else ([], False)


#: One of these is in every match of COUNTED_PEOPLE: a clause without any is not searched.
_COUNT_WORDS = (
    "members", "activists", "defenders", "journalists", "people", "persons", "men", "students",
    "volunteers", "leaders", "employees", "workers", "lawyers", "villagers", "residents",
    "protesters", "farmers", "colleagues", "relatives", "reporters",
)  # fmt: skip


#: A sentence that names the people of a counted group told just before: "Among them are A and
#: B", "Those arrested include A".
NAMED_NEXT = re.compile(
    r"\s*(?:Among\s+(?:them|those\s+\w+)\s+(?:are|were|is|was)|They\s+include(?:d)?|"
    r"Those\s+(?:arrested|detained|held|summoned|charged)\s+include(?:d)?)\b"
)


def _named_next(doc: Doc, mentions: list[tuple[int, int, Entity]], s: Span) -> list[str]:
    """The persons named in the sentence after ``s`` where it opens by naming the members of the
    group ``s`` told of ("Among them are ..."), else none."""
    m = NAMED_NEXT.match(doc.flat, s.end)
    if m is None:
        return []
    i = bisect.bisect_left(doc.sentences, s.end, key=lambda x: x.start)
    if i >= len(doc.sentences) or doc.sentences[i].start > m.end():
        return []
    nxt = doc.sentences[i]
    found: list[str] = []
    for ma, _mb, e in mentions[bisect.bisect_left(mentions, nxt.start, key=_start) :]:
        if ma >= nxt.end:
            break
        if e.kind == "person" and _targeted(e) and e.id not in found:
            found.append(e.id)
    return found


@functools.lru_cache(maxsize=256)
def _group_target(sentence: str) -> re.Match[str] | None:
    """``GROUP_TARGET.search(sentence)``, read once for the several events of a sentence;
    "they" as the subject of an active verb in a sentence that tells what was done to "him" or
    "her" ("men forced him into a car; they pulled a bag over his head") is who acted, not a
    group done to, and is passed over."""
    for m in GROUP_TARGET.finditer(sentence):
        if (
            m.group().lower() == "they"
            and not THEY_UNDERGO.match(sentence, m.end())
            and ONE_OBJECT.search(sentence)
        ):
            continue  # (with "him" or "her" done to, "they" did it)
        return m
    return None


#: A singular object pronoun: "beat him", "forced her into the car".
ONE_OBJECT = re.compile(r"\b(?:him|her)\b(?!\s+(?:lawyer|family|wife|husband|son|daughter)s?\b)")


#: "they were arrested", "they had both been charged": "they" undergoes the verb after it.
THEY_UNDERGO = re.compile(
    r"\s+(?:(?:\w+ly|all|both|then|later|also|each)\s+)*"
    r"(?:were|are|had|have|got|remain|remained|went|appeared|faced|face|stood|spent|received)\b"
)


#: (a place named between the verb and its day stays inside: "detained in Grozny on 11 January")
TIGHT_DATE = re.compile(
    r"(?:\s+(?:him|her|them|it|its \w+|the \w+))?"
    r"(?:\s+(?:in|at)\s+(?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+)?\s+(?:(?:on|in)\s+)?"
)


#: A date right after a verb of its own ("decided on", "met in") is that verb's date.
OWN_VERB_DATE = re.compile(
    r"\b(?:[a-z]{3,}ed|held|given|made|written|sent|spoken|told|won|took\s+place|began|begun)"
    r"\s+(?:on|in)\s+$"
)
#: "sentenced on 20 May for a protest on 3 March", "charged over a post of his in March": a date
#: inside a phrase that a preposition opens on a noun is that noun's (the offence's), not the
#: verb's.
NOUN_PHRASE_DATE = re.compile(
    r"\b(?:for|over|about|during|at|after|before|following)\s+(?:an?|the|his|her|their|its)\s+"
    r"(?:[\w’'-]+\s+){0,6}?(?:on|in)\s+$"
)
GAPPED_DATE = re.compile(r"(?:,|\w)\s+(?:on|in)\s+$|\d\s+and\s+$")


#: "the woman human rights defender (was) " right before a trigger: the appeal's subject told
#: by what they are (group "aux" where the trigger is passive).
DESCRIBED_SUBJECT = re.compile(
    r"(?:^|[.;:]\s+|,\s+|\b(?:later|days?|weeks?|months?),?\s+)[Tt]he\s+"
    r"(?:(?:woman|female|young|prominent|well-known|veteran)\s+)?(?:human\s+rights\s+)?"
    r"(?:defender|activist)\s+(?P<aux>(?:was|were|had\s+been|has\s+been)\s+)?"
    r"(?:(?:\w+ly|also|then|later)\s+)?"
    # "the defender was taken to the Vela court and charged": the subject of the passive goes
    # on to the participle joined by "and"
    r"(?:(?<=was\s)[^.;,]{1,90}?\s+and\s+|(?<=were\s)[^.;,]{1,90}?\s+and\s+)?$"
)
#: "officers of the brigade " before an active trigger: staff of a body named before by its
#: head word in lower case.
STAFF_OF_NOUN = re.compile(
    r"\b(?:[Oo]fficers|[Aa]gents|[Mm]embers|[Ii]nvestigators|[Oo]fficials)\s+(?:of|from)\s+the\s+"
    r"(?P<noun>[a-z]+)\s+(?:(?:then|later|also)\s+)?$"
)
#: " as a witness by the same unit" after a passive trigger: the same, told by "by".
BY_THE_NOUN = re.compile(
    r"(?:\s+(?:as\s+a\s+witness|again|also|for\s+\w+\s+hours))?\s+by\s+the\s+(?:same\s+)?"
    r"(?P<noun>[a-z]+)\b(?!\s+of\b)"
)
#: "allegations that", "claims that": what a step was said to answer for follows.
ALLEGED_THAT = re.compile(r"\b(?:allegations?|accusations?|claims?|suspicions?)\s+that\b")
#: ", accompanied by uniformed police, " right before an active trigger.
ACCOMPANIED_ASIDE = re.compile(
    r"(?:\s+\([A-Z]{2,8}\))?,\s+(?:accompanied|assisted|backed|supported)\s+by\s[^,.;]{1,60},\s+"
    r"(?:(?:then|later|also)\s+)?$"
)
#: ", backed by masked men, " anywhere before a trigger of its sentence.
ALONG = re.compile(r",\s+(?:accompanied|assisted|backed|supported)\s+by\s[^,.;]{1,60},")
#: A disappearance told by those who do not know where the person is.
NOT_KNOWING = re.compile(
    r"(?:(?:did|do|does|has|have|had)\s+not\s+know|(?:was|were|is|are)\s+unable\s+to|"
    r"could\s+not)\b"
)
#: "were handed over to the " at a custody's trigger: the keeper is named next.
HANDED_TO = re.compile(r"(?:(?:was|were|had been|has been)\s+)?handed\s+(?:\w+\s+)?over\s+to\s")


def refine_participants(
    ev: dict[str, Any],
    flat: str,
    sent: tuple[int, int],
    trigger: tuple[int, int],
    frame: str,
    etype: str,
    mentions: list[tuple[int, int, Entity]],
    ents: Entities,
    person_ids: set[str],
) -> None:
    """Participants :func:`make_event` read from the clause, mended by what the sentence says
    around the trigger: a body "accompanied by" others, "the defender" as the appeal's subject,
    those an allegation names, staff of a body named by its head word, relatives who do not
    know where someone is, the body someone is handed over to."""
    s0, s1 = sent
    a, b = trigger
    if (
        frame in ("active", "phrase")
        and flat.find(" by ", max(s0, a - 80), a) >= 0
        and (aside := ACCOMPANIED_ASIDE.search(flat, s0, a))
    ):
        # "agents of the security service, backed by riot police, stormed": the body
        # before the aside acts too, the first named
        lead = next(
            (e for ma, _mb, e in mentions
             if max(s0, aside.start() - 90) <= ma < aside.start()
             and e.kind == "organisation"),
            None,
        )  # fmt: skip
        if lead is not None and lead.id not in ev["agents"]:
            ev["agents"] = [lead.id, *ev["agents"]]
    if frame in ("active", "phrase") and (along := ALONG.search(flat, s0, a)) is not None:
        # "the police, backed by masked men, broke into the house and searched it": those who
        # came along act with them, in each step the subject takes
        came = [e.id for ma, _mb, e in mentions if along.start() <= ma < along.end()]
        ev["targets"] = [x for x in ev["targets"] if x not in came]
        ev["agents"] += [x for x in came if x not in ev["agents"]]
    described = (
        DESCRIBED_SUBJECT.search(flat, max(s0, a - 160), a)
        if frame in ("active", "passive", "perfect")
        and (
            flat.find("defender", max(s0, a - 160), a) >= 0
            or flat.find("activist", max(s0, a - 160), a) >= 0
        )
        else None
    )
    who = (
        next(
            (p for p in ents.of("person") if p.name and "defender" in p.attrs.get("roles", [])),
            None,
        )  # fmt: skip
        if described is not None
        else None
    )
    if described is not None and who is not None:
        # "the woman human rights defender was summoned", "the defender filed a
        # complaint": the one the appeal is about, named before, and no one else
        if frame == "active" and described.group("aux") is None:
            if who.id not in ev["agents"]:
                ev["agents"] = [who.id]
            ev["targets"] = [x for x in ev["targets"] if x != who.id]
        elif described.group("aux") is not None:
            # (a participle joined by "and" after the passive reads as active: "was taken to
            # court and charged")
            ev["targets"] = [who.id]
    if ev["targets"] and flat.find(" that ", b, s1) >= 0:
        alleged = ALLEGED_THAT.search(flat, b, s1)
        if alleged is not None:
            # "froze the accounts of the Centre over allegations that it had
            # channelled funds to the X": those the allegation names are no targets
            early = {e.id for ma, _mb, e in mentions if s0 <= ma < alleged.start()}
            late = {e.id for ma, _mb, e in mentions if alleged.start() <= ma < s1}
            ev["targets"] = [x for x in ev["targets"] if x in early or x not in late]
    staff = None
    if not ev["agents"] and frame == "active":
        staff = STAFF_OF_NOUN.search(flat, max(s0, a - 50), a)
    elif not ev["agents"] and frame in ("passive", "perfect"):
        # "was interviewed as a witness by the same unit"
        staff = BY_THE_NOUN.match(flat, b)
    if staff is not None:
        # "officers of the unit searched her flat": the body named before whose
        # name holds the noun
        noun = staff.group("noun")
        body = next(
            (e for ma, _mb, e in reversed(mentions)
             if ma < min(a, staff.start()) and e.kind == "organisation"
             and noun in (e.name or "").lower().split()),
            None,
        )  # fmt: skip
        if body is not None:
            ev["agents"] = [body.id]
    if etype == "disappearance" and NOT_KNOWING.match(flat, a):
        # "his family, among them his sister, X, could not learn where he was
        # held": those who did not know are no agents of the disappearance
        ev["agents"] = [x for x in ev["agents"] if x not in person_ids]
    if etype == "detention" and (to := HANDED_TO.match(flat, a)):
        # "were handed over to the directorate of the Intelligence Agency": the
        # body they were handed to holds them
        keeper = next(
            (e for ma, _mb, e in mentions
             if to.end() <= ma < to.end() + 60 and e.kind == "organisation"),
            None,
        )  # fmt: skip
        if keeper is not None:
            ev["agents"] = [keeper.id]
