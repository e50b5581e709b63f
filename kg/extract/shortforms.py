"""Short forms of a body named in full earlier: "the Centre", "the Association", "the Centre's
director" refer back to the one body of the text with that head word ("Lorvik Centre for Legal
Aid"), and are mentions of it, not bodies of their own.
"""

from __future__ import annotations

import re

from kg.extract.entities import Entities, Entity, head_of, holds
from kg.extract.lexicon import ORG_HEADS
from kg.extract.text import Doc, clean

#: After a head word: not a longer name ("the Centre for ...", "the Court of Appeal", "the
#: Centre Party"); an optional possessive.
SHORT_FORM_END = re.compile(r"(?:[’']s)?(?![\w’'-])(?!\s+(?:of|for|on)\b)(?!\s+[A-Z])")
#: Before a head word: "the " or "The ".
THE_BEFORE = ("the ", "The ")


def link_org_short_forms(doc: Doc, ents: Entities) -> None:
    """Fold a body named by its head word alone into the one body of the text with that head,
    and add each later "the <Head>" as a mention of it. A head shared by two bodies ("the
    Court" after two courts) is left alone: which one is meant is not plain."""
    _merge_named_variants(doc, ents)
    orgs = ents.of("organisation")
    by_head: dict[str, list[Entity]] = {}
    for o in orgs:
        words = (o.name or "").split()
        if len(words) < 2:
            continue
        h = head_of(words)
        if h and h[0] == "organisation":
            by_head.setdefault(h[1], []).append(o)
    if not by_head:
        return
    for o in orgs:  # "Centre" read alone (from "the Centre's director"): the body named in full
        if o.name in by_head and len(by_head[o.name]) == 1:
            full = by_head[o.name][0]
            full.mentions.extend(o.mentions)
            ents.items.remove(o)
    taken = {a for e in ents.items for a, _ in e.mentions}
    flat = doc.flat
    for h, bodies in by_head.items():
        if len(bodies) != 1 or h not in ORG_HEADS:
            continue
        full = bodies[0]
        first = min(s for s, _ in full.mentions)
        a = flat.find(h, first)  # said before the full name, it refers to nothing yet
        while a >= 0:
            b = a + len(h)
            if (
                a not in taken
                and flat.endswith(THE_BEFORE, 0, a)
                and (a < 5 or not flat[a - 5].isalnum())
                and SHORT_FORM_END.match(flat, b)
            ):
                full.mentions.append((a, b))
            a = flat.find(h, b)


#: Brackets right after a body's name, their last item after a dash or comma, or all of it:
#: "(Federación Unitaria - FUA)", "(Zentra)".
BRACKET_AFTER = re.compile(
    r"[”\"’]?\s*\((?:[^()]{0,100}?\s*[,–—-]\s*)?(?P<last>[^()\s,–—-][^(),–—]{0,60}?)\s*\)"
)


def _merge_named_variants(doc: Doc, ents: Entities) -> None:
    """A body read on its own under a name another body already has as a variant, or given in
    brackets right after another body's name ("Zentra Centre for Space Facilities (Zentra)",
    "Unitary Farmers' Federation (Federación Unitaria - FUA)"), is that other body."""
    flat = doc.flat
    orgs = ents.of("organisation")
    by_name = {o.name: o for o in orgs if o.name}
    gone: set[int] = set()
    for full in orgs:
        if id(full) in gone:
            continue
        short = [by_name.get(v) for v in full.variants]
        for _, b in full.mentions:
            if "(" in flat[b : b + 4]:  # most names have no brackets after them
                m = BRACKET_AFTER.match(flat, b)
                if m:
                    short.append(by_name.get(m.group("last")))
                if opens := BRACKET_OPENS.match(flat, b):
                    short.append(_first_in_bracket(orgs, full, opens.end()))
        for o in short:
            if o is None or o is full or id(o) in gone:
                continue
            if o.name not in full.variants:
                full.variants.append(o.name or "")
            full.mentions.extend(o.mentions)
            gone.add(id(o))
    if gone:
        ents.items = [e for e in ents.items if id(e) not in gone]


#: An opening bracket right after a body's name: "the State Security Service (".
BRACKET_OPENS = re.compile(r"[”\"’]?[ \t]*\([ \t]*")


def _first_in_bracket(orgs: list[Entity], full: Entity, at: int) -> Entity | None:
    """The body whose name opens the bracket at ``at``, right after the name of ``full``, and
    which the text names nowhere else: the name in the other language, before its acronym or
    alone ("the Special Force to Fight Crime (Fuerza Especial de Lucha Contra el Crimen,
    FELCC)"), a name of the same body."""
    for o in orgs:
        if o is not full and o.mentions and all(a == at for a, _ in o.mentions):
            return o
    return None


#: The end of a name that opens a bracket: the bracket closes, or only an acronym follows
#: ("(Davlat Xizmati Bolim, DXB)"); not another name ("(Ana Lee, Ivo Sand)").
BRACKET_ITEM_END = re.compile(r"[ \t]*(?:\)|[,;–—-][ \t]*[A-Z]{2,}[ \t]*\))")
_BRACKET_WORD = r"(?:[A-ZÀ-ÞĀ-Žİ][\w’'\-]*|[a-zà-ÿ]{1,4})"
#: A bracket that holds a name alone: capitalised words and the short words of another
#: language that join them ("Servicio de Vigilancia e Inteligencia de Vela"), an acronym after
#: a dash or comma at most ("– SVIV"). Its ``n`` group is the name.
NAME_BRACKET = re.compile(
    rf"(?P<n>[A-ZÀ-ÞĀ-Žİ][\w’'\-]*(?:(?:[ \t]+\n?|\n)[ \t]*{_BRACKET_WORD}(?![\w’'\-]))*)"
    r"[ \t]*(?:[,;–—-][ \t]*[A-Z]{2,}[ \t]*)?\)"
)


def bodies_named_in_brackets(doc: Doc, ents: Entities) -> None:
    """A "person" read first in brackets right after a body's name, and nowhere else, is that
    body's name in its own language: "the State Security Service (Davlat Xizmati Bolim, DXB)",
    "the National Security Agency (Qita al-Amn al-Dakhili)". It becomes a variant of the body."""
    flat = doc.flat
    opened: dict[int, Entity] = {}  # where a bracket after a body's name opens: that body
    named: list[tuple[int, int, str, Entity]] = []  # brackets that hold a name alone
    for o in ents.of("organisation"):
        for _, b in o.mentions:
            if "(" in flat[b : b + 4] and (m := BRACKET_OPENS.match(flat, b)):
                opened[m.end()] = o
                if (whole := NAME_BRACKET.match(flat, m.end())) is not None:
                    named.append((m.end(), whole.end("n"), clean(whole.group("n")), o))
    if not opened:
        return
    gone = []
    for p in ents.of("person"):
        if not p.name or not p.mentions:
            continue
        inside = {
            (name, id(o)): o
            for a, b in p.mentions
            for lo, hi, name, o in named
            if lo <= a and b <= hi
        }
        if len(inside) == 1 and all(
            any(lo <= a and b <= hi for lo, hi, _, _ in named) for a, b in p.mentions
        ):
            # "the State Security Service (Servicio de Vigilancia e Inteligencia de Vela –
            # SVIV)": a part of the body's name in its own language, no person
            (name, _), body = next(iter(inside.items()))
            if name not in body.variants and name != body.name:
                body.variants.append(name)
            gone.append(id(p))
            continue
        bodies = {id(o): o for a, _ in p.mentions if (o := opened.get(a)) is not None}
        if len(bodies) != 1 or any(a not in opened for a, _ in p.mentions):
            continue
        if not all(BRACKET_ITEM_END.match(flat, b) for _, b in p.mentions):
            continue
        body = next(iter(bodies.values()))
        if p.name not in body.variants:
            body.variants.append(p.name)
        gone.append(id(p))
    if gone:
        ents.items = [e for e in ents.items if id(e) not in gone]


#: A state body named by its common noun: "the parliament", "Vela's parliament" (not "the
#: parliament of" another body). ("the prosecution" is not read so: it is as often the side
#: of a trial, "acting for the prosecution", as a body.)
COMMON_NOUN_BODIES = [
    ("parliament", re.compile(r"\b(?:[Tt]he|[A-Z][\w-]+[’']s) (?P<n>parliament)\b(?!\s+of\b)")),
]


def link_common_noun_bodies(doc: Doc, ents: Entities, main_country: str | None) -> None:
    """A "parliament" named by its noun alone is a mention of the one body of that kind the text
    names, or, where it names none, a body of its own under that noun (as the gold codes it);
    where it names two, which one is meant is not plain and nothing is added."""
    flat = doc.flat
    for kind, rx in COMMON_NOUN_BODIES:
        if kind not in flat:
            continue
        bodies = [o for o in ents.of("organisation") if o.attrs.get("kind") == kind]
        if len(bodies) > 1:
            continue
        body = bodies[0] if bodies else None
        for m in rx.finditer(flat):
            a, b = m.span("n")
            if body is None:
                body = ents.add(Entity("organisation", kind, a, b))
                body.attrs["kind"] = kind
                body.attrs["country"] = main_country
            elif (a, b) not in body.mentions:
                body.mentions.append((a, b))


#: Between a body's short name and its full name on a line of their own: "CIVICUS – World
#: Alliance for Citizen Participation", "CIVICUS: World Alliance ...".
LINE_GLOSS_SEP = re.compile(r"[^\S\n]*(?:[–—:]|\s-)[^\S\n]*")


def merge_line_glosses(doc: Doc, ents: Entities) -> None:
    """Two bodies that make a line alone, joined by a dash or a colon, are one body named twice:
    an issuer's header or signature "ACRONYM – Full Name". The first is its name, the second a
    variant."""
    text = doc.text
    orgs = ents.of("organisation")
    if len(orgs) < 2:
        return
    starts = {a: (e, b) for e in orgs for a, b in e.mentions}
    for first in list(orgs):
        if not holds(ents.items, first):
            continue
        for a, b in list(first.mentions):
            line_start = text.rfind("\n", 0, a) + 1
            if text[line_start:a].strip():
                continue
            sep = LINE_GLOSS_SEP.match(text, b)
            if sep is None or sep.end() == b:
                continue
            nxt = starts.get(sep.end())
            if nxt is None or nxt[0] is first or not holds(ents.items, nxt[0]):
                continue
            second, end = nxt
            line_end = text.find("\n", end)
            if text[end : len(text) if line_end < 0 else line_end].strip(" .\t"):
                continue
            if second.name and second.name not in first.variants and second.name != first.name:
                first.variants.append(second.name)
            first.variants.extend(v for v in second.variants if v not in first.variants)
            first.mentions.extend(second.mentions)
            ents.items.remove(second)
            break


#: A body's name with its acronym in brackets, read as one run: "Vela Rights Network (VRN)".
NAME_WITH_ACRONYM = re.compile(r"^(?P<name>.*[^\s(])\s*\((?P<acr>[A-Z][\w\-’']{1,15})\)$")


def split_bracketed_acronyms(ents: Entities) -> None:
    """A body named with its acronym in brackets is the body of that name, the acronym a variant;
    merged into the body of the same name where the text names it apart too."""
    orgs = ents.of("organisation")
    for e in list(orgs):
        m = NAME_WITH_ACRONYM.match(e.name or "")
        if m is None or not any(c.isupper() for c in m.group("acr")[1:]):
            continue
        name, acr = m.group("name"), m.group("acr")
        same = next((o for o in orgs if o is not e and o.name == name and o in ents.items), None)
        keep = same or e
        keep.name = name
        if acr not in keep.variants:
            keep.variants.append(acr)
        if same is not None:
            same.variants.extend(v for v in e.variants if v not in same.variants)
            same.mentions.extend(e.mentions)
            ents.items.remove(e)


#: A body's acronym with its head word after it: "the CEDAW Committee", "the ZHRC Commission".
ACRONYM_HEAD = re.compile(r"^(?P<acr>[A-Z][A-Z0-9\-]{1,9})\s+(?P<head>[A-Z][a-z]+)$")


def merge_acronym_heads(ents: Entities) -> None:
    """ "The CEDAW Committee" is the committee whose acronym the text defines as CEDAW: a
    variant of that body, not a body of its own."""
    orgs = ents.of("organisation")
    for e in list(orgs):
        m = ACRONYM_HEAD.match(e.name or "")
        if m is None or m.group("head") not in ORG_HEADS:
            continue
        acr, head = m.group("acr"), m.group("head")
        owners = [
            o
            for o in orgs
            if o is not e
            and holds(ents.items, o)
            and (acr in o.variants or o.name == acr)
            and head in (o.name or "").split()
        ]
        if len(owners) != 1:
            continue
        owner = owners[0]
        if e.name not in owner.variants:
            owner.variants.append(e.name or "")
        owner.mentions.extend(e.mentions)
        ents.items.remove(e)


def merge_initials(ents: Entities) -> None:
    """A body named by capitals alone that are the initials of one other body's capitalised
    words ("UN" beside "United Nations", no bracket defining it) is a variant of that body."""
    orgs = ents.of("organisation")
    initials: dict[str, list[Entity]] = {}
    for o in orgs:
        caps = [w for w in (o.name or "").split() if w[:1].isupper()]
        if len(caps) >= 2:
            initials.setdefault("".join(w[0] for w in caps), []).append(o)
    for e in list(orgs):
        name = e.name or ""
        if not (2 <= len(name) <= 6 and name.isalpha() and name.isupper()):
            continue
        owners = [o for o in initials.get(name, []) if o is not e]
        if len(owners) != 1:
            continue
        owner = owners[0]
        if name not in owner.variants:
            owner.variants.append(name)
        owner.mentions.extend(e.mentions)
        ents.items.remove(e)


def own_shared_acronyms(ents: Entities) -> None:
    """An acronym two bodies hold as a variant ("the Appeals Chamber of the Vela Criminal Court
    (VCC)" read as a chamber and as its court, both "VCC") stays only with the body whose
    capitalised words it spells, where one does: the chamber is not "the VCC"."""
    orgs = ents.of("organisation")
    holders: dict[str, list[Entity]] = {}
    for o in orgs:
        for v in o.variants:
            if 2 <= len(v) <= 8 and v.isalpha() and v.isupper():
                holders.setdefault(v, []).append(o)
    for acr, held in holders.items():
        if len(held) < 2:
            continue
        spelt = [
            o for o in held
            if "".join(w[0] for w in (o.name or "").split() if w[:1].isupper()) == acr
        ]  # fmt: skip
        if len(spelt) != 1:
            continue
        for o in held:
            if o is not spelt[0]:
                o.variants.remove(acr)


#: The small words a body's name holds between its capitalised words, in the languages the
#: appeals write names in ("Action pour la Dignité Humaine au Katanga", "Red de Defensoras").
NAME_LINKS = frozenset(
    """of for the and on in against to pour la le les au aux de du des del et y e da do dos
das para por en contra sur à l’ d’ l' d'""".split()
)
#: A word of a name as the look back reads it.
NAME_WORD = re.compile(r"[\w’'-]+")


def widen_to_acronym(doc: Doc, ents: Entities) -> None:
    """A body whose acronym in brackets spells more capitalised words than its name holds
    ("Katanga (ADHK)" read off "Action pour la Dignité Humaine au Katanga (ADHK)", its head
    word unknown) is named by the words before it that the acronym spells."""
    flat = doc.flat
    for o in ents.of("organisation"):
        _run_on_to_acronym(flat, ents, o)
        name = o.name or ""
        for acr in [v for v in o.variants if 2 <= len(v) <= 8 and v.isalpha() and v.isupper()]:
            if "".join(w[0] for w in name.split() if w[:1].isupper()) == acr:
                continue
            for a, b in list(o.mentions):
                if not re.match(r"[ \t]*\(" + acr + r"\)", flat[b : b + len(acr) + 4]):
                    continue
                start = _spelt_start(flat, a, b, acr)
                if start is None or start >= a:
                    continue
                if any(start <= x < a for e in ents.items if e is not o for x, _ in e.mentions):
                    continue  # another name in between: not one name
                wide = clean(flat[start:b])
                # (the fragment read before is no name of it: "Katanga" is the province)
                o.mentions = [(x, y) for x, y in o.mentions if (x, y) != (a, b)] + [(start, b)]
                o.name = wide
                break


#: Words after a body's name up to an acronym in brackets: " pour la Dignité Humaine au Katanga
#: (ADHK)".
RUN_ON = re.compile(r"((?:[ \t\n]+[\w’'-]+){1,10}?)[ \t\n]*\((?P<acr>[A-Z]{2,8})\)")


def _run_on_to_acronym(flat: str, ents: Entities, o: Entity) -> None:
    """A body read off the first words of its name ("Action" of "the organisation Action pour
    la Dignité Humaine au Katanga (ADHK)") runs on to the acronym in brackets that spells
    all its capitalised words, the small linking words between them included."""
    for a, b in sorted(o.mentions):
        m = RUN_ON.match(flat, b)
        if m is None:
            continue
        words = flat[a : m.end(1)].split()
        if not all(w[:1].isupper() or w.lower() in NAME_LINKS for w in words):
            continue
        if "".join(w[0] for w in words if w[:1].isupper()) != m.group("acr"):
            continue
        end = m.end(1)
        if any(b <= x < end for e in ents.items if e is not o for x, _ in e.mentions):
            for e in [e for e in ents.items if e is not o]:
                # what was read inside the name ("Katanga", a province) is part of it
                e.mentions = [(x, y) for x, y in e.mentions if not b <= x < end]
            ents.items[:] = [e for e in ents.items if e is o or e.mentions]
        o.mentions = [(x, y) for x, y in o.mentions if (x, y) != (a, b)] + [(a, end)]
        o.name = clean(flat[a:end])
        acr = m.group("acr")
        if acr not in o.variants:
            o.variants.append(acr)
        # the acronym the brackets define names the body wherever no other name holds it
        held = [(x, y) for e in ents.items for x, y in e.mentions]
        for n in re.finditer(r"(?<![\w-])" + acr + r"(?![\w-])", flat):
            if not any(x <= n.start() < y for x, y in held):
                o.mentions.append((n.start(), n.end()))
        return


def _spelt_start(flat: str, a: int, b: int, acr: str) -> int | None:
    """Where the run of words ending at ``b`` whose capitalised words' initials spell ``acr``
    begins (small linking words between them allowed), looking back at most a dozen words
    from ``a``; None if none does."""
    words = [(m.start(), m.group()) for m in NAME_WORD.finditer(flat, max(0, a - 160), b)]
    caps = ""
    for i in range(len(words) - 1, -1, -1):
        pos, w = words[i]
        if w[:1].isupper():
            caps = w[0] + caps
            if caps == acr:
                return pos
            if not acr.endswith(caps):
                return None
        elif w.lower() not in NAME_LINKS:
            return None
        if len(words) - i > 14:
            return None
    return None


#: A body's name that ends with the name it goes by, in quotation marks: 'Human Rights Centre
#: “Abarona”', 'Public Foundation "Kalkan Legal Initiative"'.
QUOTED_TAIL = re.compile(r"\S\s+[“\"](?P<short>[^“”\"]{2,60})[”\"]$")


def quoted_short_names(doc: Doc, ents: Entities) -> None:
    """The name in quotation marks a body's full name ends with is a name of the body ("the
    liquidation of “Abarona”" after "the Human Rights Centre “Abarona”"): a variant, and each
    place the text writes it alone is a mention of the body."""
    flat = doc.flat
    held = [(x, y) for e in ents.items for x, y in e.mentions]
    for o in ents.of("organisation"):
        m = QUOTED_TAIL.search(o.name or "")
        if m is None:
            continue
        short = m.group("short").strip()
        if short not in o.variants:
            o.variants.append(short)
        for n in re.finditer(r"(?<![\w-])" + re.escape(short) + r"(?![\w-])", flat):
            if not any(x <= n.start() < y for x, y in held):
                o.mentions.append((n.start(), n.end()))
