"""Turn the text of an appeal into a case record, by general rules.

Appeals are written to a house style: a dated header, a title ``Country: what happened``, a
narrative of dated legal steps ("On 7 November 2017, the X Court ..."), a paragraph on the
instruments at stake and a numbered list of demands. The rules here read that style: capitalised
runs of words become people, bodies, places or instruments according to their head word; sentences
with an event verb become dated events; the numbered list becomes demands. Nothing is specific to
one appeal. Every item carries the span of text that states it, so a reviewer can check it.

The record follows the corpus gold format (see ``docs/extraction.md``) and adds evidence spans,
confidences and an ``extraction`` block.
"""

from __future__ import annotations

import bisect
import gc
import hashlib
import itertools
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import yaml

from kg import __version__
from kg.extract.addressees import add_unnamed_addressees, mark_addressees, trim_address_lines
from kg.extract.agents import add_unnamed_agents
from kg.extract.arguments import mention_index
from kg.extract.bodies import (
    add_bodies_listed_with_bodies,
    add_numbered_units,
    add_pattern_bodies,
    drop_headline_bodies,
    drop_venues,
    extend_court_jurisdiction,
    extend_court_matters,
    extend_court_seat,
    extend_frequency,
    extend_place_level,
    extend_place_unit,
    kind_organs_of_international_bodies,
    kind_units_by_parent,
    mark_state_enterprises,
    merge_bare_prosecution,
    merge_possessed_bodies,
    tidy_organisations,
)
from kg.extract.charges import add_case_charges, add_finding_articles, drop_procedure_articles
from kg.extract.dates import find_dates
from kg.extract.demands import find_demands, find_rights
from kg.extract.entities import Entities, Entity, country_in
from kg.extract.eventmodel import add_learned_events, step_inputs
from kg.extract.events import find_events
from kg.extract.layout import (
    country_mentions,
    find_countries,
    find_issuer,
    find_main_country,
    read_header,
)
from kg.extract.lexicon import GENDER_NOUN_RE, GENDER_NOUNS, HONORIFICS, NON_NAME, TITLE_STOP
from kg.extract.names import (
    add_acronyms,
    add_lower_bodies,
    add_news_sites,
    add_numbered_bodies,
    add_platform_x,
    add_quoted_orgs,
    add_spelled_bodies,
    classify_runs,
)
from kg.extract.nonpersons import bodies_by_apposition, bodies_read_as_persons, kinds_by_apposition
from kg.extract.persons import (
    NAME_PARTICLES,
    add_capital_surname_persons,
    add_crowds_undergoing,
    add_honorific_mentions,
    add_kin_names,
    add_nicknamed_persons,
    add_spelling_variants,
    add_unnamed,
    add_unnamed_by_part,
    add_unnamed_posts,
    drop_headline_persons,
    drop_places_and_bodies,
    drop_quoted_titles,
    instruments_named_as_persons,
    merge_persons,
    merge_transliterations,
    named_by_kin,
    split_head_from_person,
)
from kg.extract.provisions import add_known_instruments, add_provisions
from kg.extract.review import mark_draft, rate_facts
from kg.extract.rolemodel import decide_roles
from kg.extract.roles import person_roles, roles_from_events, witnesses_from_events
from kg.extract.scan import find_words
from kg.extract.shortforms import (
    bodies_named_in_brackets,
    link_common_noun_bodies,
    link_org_short_forms,
    merge_acronym_heads,
    merge_initials,
    merge_line_glosses,
    own_shared_acronyms,
    quoted_short_names,
    split_bracketed_acronyms,
    widen_to_acronym,
)
from kg.extract.text import (
    ARTICLE_PREFIX,
    Doc,
    clean,
    evidence,
    find_runs,
    make_doc,
    single_spaced,
    without_page_lines,
)
from kg.read.appeal import normalise_newlines
from kg.record.keys import mint_keys


def extract_case(text: str, *, appeal_id: str, source: str | None = None) -> dict[str, Any]:
    """Read one appeal into a case record in the corpus gold format, with evidence spans.

    A text that is not an appeal yields a record with empty lists rather than an error: finding
    nothing is an honest answer, and the caller can decide what to do with it.

    Line ends may be CRLF or CR (a text pasted from another platform): the rules read lines, so
    the text is read with LF line ends and every evidence offset is then moved back onto
    ``text`` as given, its quote taken from there.

    The cyclic garbage collector is paused while the text is read: the rules make some
    thousands of small objects an appeal (tokens, word places, matches), none in a cycle, each
    freed when its last reference goes; the collector's passes over them found nothing and
    took some 4% of the time.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        return _extract_case(text, appeal_id=appeal_id, source=source)
    finally:
        if was:
            gc.enable()


def _extract_case(text: str, *, appeal_id: str, source: str | None) -> dict[str, Any]:
    """:func:`extract_case` with the collector paused."""
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    given = text
    if "\r" in text:
        text = normalise_newlines(text)
    part = _read_part(text)
    uncut, cuts = without_page_lines(part)
    read = single_spaced(uncut)
    doc = make_doc(read)
    header = read_header(doc)
    named = country_mentions(doc)
    main_country = find_main_country(doc, header["title"], named)
    ents = Entities()
    runs = find_runs(doc)
    classify_runs(doc, runs, ents, main_country)
    add_lower_bodies(doc, ents, main_country)
    add_quoted_orgs(doc, ents, main_country)
    add_acronyms(doc, ents)
    add_numbered_bodies(doc, ents)
    add_news_sites(doc, ents, main_country)
    add_platform_x(doc, ents)
    add_pattern_bodies(doc, ents, main_country)
    add_spelled_bodies(doc, ents, main_country)
    tidy_organisations(ents)
    drop_headline_bodies(doc, ents, header["title_span"])
    add_numbered_units(doc, ents)
    add_known_instruments(doc, ents)
    _drop_person_overlaps(ents)
    trim_address_lines(doc, ents)
    split_head_from_person(doc, ents)
    instruments_named_as_persons(ents)
    drop_places_and_bodies(doc, ents)
    drop_venues(doc, ents)
    bodies_named_in_brackets(doc, ents)
    bodies_read_as_persons(doc, ents)
    bodies_by_apposition(doc, ents, runs)
    kinds_by_apposition(doc, ents)
    add_bodies_listed_with_bodies(doc, ents)
    add_nicknamed_persons(doc, ents)
    add_capital_surname_persons(doc, ents)
    merge_persons(doc, ents)
    add_kin_names(doc, ents)
    add_honorific_mentions(doc, ents)
    _add_short_mentions(doc, ents)
    add_spelling_variants(doc, ents)  # after the short forms: "Naser (also spelt Nasser)"
    merge_transliterations(ents)
    drop_headline_persons(doc, ents)
    drop_quoted_titles(doc, ents)
    person_roles(doc, ents, header["title_span"])
    add_unnamed(doc, ents)
    add_unnamed_by_part(doc, ents)
    add_unnamed_posts(doc, ents)
    add_crowds_undergoing(doc, ents)
    add_unnamed_agents(doc, ents)
    add_unnamed_addressees(doc, ents)
    _merge_short_orgs(ents)
    link_org_short_forms(doc, ents)
    merge_line_glosses(doc, ents)
    split_bracketed_acronyms(ents)
    merge_acronym_heads(ents)
    merge_initials(ents)
    own_shared_acronyms(ents)
    widen_to_acronym(doc, ents)
    quoted_short_names(doc, ents)
    link_common_noun_bodies(doc, ents, main_country)
    mark_state_enterprises(doc, ents)
    kind_units_by_parent(doc, ents)
    kind_organs_of_international_bodies(doc, ents)
    merge_possessed_bodies(ents)
    merge_bare_prosecution(ents)
    extend_court_seat(doc, ents)
    extend_court_jurisdiction(doc, ents)
    extend_court_matters(doc, ents)
    extend_frequency(doc, ents)
    extend_place_level(doc, ents)
    extend_place_unit(doc, ents)
    _add_repeated_body_names(doc, ents)
    _assign_ids(ents)
    provs = add_provisions(doc, ents)
    _drop_unused_instruments(ents)
    demands, demands_start = find_demands(doc, main_country, ents)
    dates = find_dates(doc, header["date"], header["issued"])
    # the whole text is read: background after the demands (an urgent action's ADDITIONAL
    # INFORMATION) tells events too; only the demand list itself is skipped
    demand_spans = [(ev["start"], ev["end"]) for d in demands for ev in d["evidence"]]
    # the items of a list of demands (confidence 0.8, not asks in prose, whose sentence may
    # tell what happened: "calls for the release of X, who is due to stand trial on 3 May")
    item_spans = [
        (ev["start"], ev["end"])
        for d in demands
        if d.get("confidence", 0) >= 0.8
        for ev in d["evidence"]
    ]
    # the issuer, known before the events: "the group's office" is not the issuer's
    issuer = find_issuer(doc, ents)
    if (issuer_org := ents.find("organisation", issuer) if issuer else None) is not None:
        issuer_org.attrs["issuer"] = True
    # every mention of a person or body, read once for the rules' events and the learned step
    mentions = mention_index(ents, doc.flat, doc.word_index)
    events = find_events(
        doc,
        ents,
        dates,
        provs,
        len(doc.flat),
        header["title_span"],
        demand_spans,
        item_spans,
        mentions,
    )
    # the learned step reads the dates the rules left without an event (where in use)
    events = add_learned_events(doc, dates, events, *step_inputs(doc, ents, mentions))
    # an event after the day the appeal was issued is no event; a narrative's first date ("On
    # 21 August 2025, ...") standing in for an unstated issue date bounds nothing
    events, future = _drop_future(events, header["issued"])
    add_finding_articles(doc, events, provs)
    add_case_charges(doc, ents, events, provs)
    drop_procedure_articles(ents, events)
    roles_from_events(ents, events)
    witnesses_from_events(doc, ents, events)
    mark_addressees(doc, ents)  # after every rule: an addressee is an official
    decide_roles(doc, ents, events, header["title_span"])  # the learned step, where in use
    for i, ev in enumerate(events, 1):
        ev["id"] = f"e{i}"
    countries = find_countries(doc, main_country, named)
    _issuer_of_no_country(ents, issuer)
    record = {
        "appeal": {
            "id": appeal_id,
            "issuer": issuer,
            "date": header["date"].isoformat() if header["date"] else None,
            "title": header["title"],
            "countries": countries,
            "sha256": sha,
            "source": source,
            "access": "public",
        },
        "persons": [_person_out(doc, p) for p in ents.of("person")],
        "organisations": [_org_out(doc, o) for o in ents.of("organisation")],
        "places": [_place_out(doc, pl) for pl in ents.of("place")],
        "instruments": [_inst_out(doc, i) for i in ents.of("instrument")],
        "events": events,
        "rights": find_rights(doc, ents),
        "demands": demands,
        "extraction": {
            "tool": "appeals-kg",
            "version": __version__,
            "time": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "input_sha256": sha,
        },
    }
    if len(part) < len(text):
        record["extraction"]["read_chars"] = len(part)
    if future:
        record["extraction"]["future_events_left_out"] = future
    if not header["title"]:
        # a letter without a heading: its first line stands in, flagged for the reviewer
        first = next((clean(line) for line in read.splitlines() if line.strip()), "")
        if first:
            record["appeal"]["title"] = first[:200]
            record["extraction"]["title_from"] = "first line"
    record = rate_facts(mark_draft(record))
    if cuts:
        _offsets_past_cuts(record, text, cuts)
    if given is not text:
        _offsets_onto(record, given)
    mint_keys(record, derive_from=sha)  # stable IRIs once the draft is curated (kg.record.keys)
    return record


def _offsets_onto(record: dict[str, Any], given: str) -> None:
    """Move evidence offsets read on the LF text back onto ``given``, whose line ends are CRLF or
    CR. Only a CRLF pair shortens the text (a lone CR becomes one LF): an offset moves right by
    the number of pairs that end before it, so a span ending after a line end keeps the CR."""
    # LF-text offset of the LF each CRLF pair became: its CRLF offset less the pairs before it
    pairs = [m.start() - k for k, m in enumerate(re.finditer("\r\n", given))]

    def onto(at: int, _end: bool) -> int:
        return at + bisect.bisect_left(pairs, at)

    _move_spans(record, given, onto)


def _move_spans(node: Any, text: str, onto: Callable[[int, bool], int]) -> None:
    """Every evidence span of ``node`` (a record, or any part of one) moved by ``onto``
    (offset, whether it ends a span) onto ``text``, its quote taken from there."""
    if isinstance(node, dict):
        if "quote" in node and "start" in node and "end" in node:
            start, end = onto(node["start"], False), onto(node["end"], True)
            node.update(quote=text[start:end], start=start, end=end)
        for value in node.values():
            _move_spans(value, text, onto)
    elif isinstance(node, list):
        for value in node:
            _move_spans(value, text, onto)


def _offsets_past_cuts(record: dict[str, Any], text: str, cuts: list[tuple[int, int]]) -> None:
    """Move evidence offsets read on the text without its page lines back onto ``text``: an
    offset moves right by the length of the lines cut before it (a span that starts where a
    line was cut starts after it; one that ends there ends before it), its quote taken from
    ``text`` (a span across a page break quotes the page line with it)."""
    at = [c for c, _ in cuts]
    moved = list(itertools.accumulate(n for _, n in cuts))

    def onto(offset: int, end: bool) -> int:
        k = bisect.bisect_left(at, offset) if end else bisect.bisect_right(at, offset)
        return offset + (moved[k - 1] if k else 0)

    _move_spans(record, text, onto)


def _drop_future(
    events: list[dict[str, Any]], appeal_date: Any
) -> tuple[list[dict[str, Any]], int]:
    """An appeal reports what happened before it was issued. A hearing dated after it is one
    set for a later day, kept and marked ``scheduled`` (the gold convention); any other event
    dated after it is a misread date or a plan, and no event of the record."""
    if appeal_date is None:
        return events, 0
    day = appeal_date.isoformat()
    kept = []
    for e in events:
        if not e["date"] or str(e["date"]) <= day[: len(str(e["date"]))]:
            kept.append(e)
        elif e["type"] == "trial_hearing":
            e["scheduled"] = True
            kept.append(e)
    return kept, len(events) - len(kept)


#: Appeals run to a few thousand characters; a text a hundred times longer is not one appeal
#: (a dump, a book, a corrupted file). Only its first part is read, so that extraction stays
#: fast and bounded; the record says how much was read and the report flags it.
READ_LIMIT = 300_000


def _read_part(text: str) -> str:
    if len(text) <= READ_LIMIT:
        return text
    cut = text.rfind("\n", 0, READ_LIMIT)
    return text[: cut if cut > READ_LIMIT // 2 else READ_LIMIT]


def _drop_person_overlaps(ents: Entities) -> None:
    """A "person" inside an organisation or instrument name is part of that name."""
    spans = sorted((a, b) for e in ents.items if e.kind != "person" for a, b in e.mentions)
    starts = [x for x, _ in spans]
    reach = list(itertools.accumulate((y for _, y in spans), max))  # furthest end so far

    def inside(a: int, b: int) -> bool:
        i = bisect.bisect_right(starts, a) - 1
        return i >= 0 and reach[i] >= b

    for p in ents.of("person"):
        p.mentions = [(a, b) for a, b in p.mentions if not inside(a, b)]
        if not p.mentions:
            ents.items.remove(p)


#: A capitalised word (not an initial, not "Mr.") right before a surname: part of a full name.
AFTER_NAME_WORD = re.compile(r"(?<![\w’'-])[A-ZÀ-ÞĀ-Žİ][\w’'-]*[a-zà-ÿā-ž][\w’'-]*\s+$")
#: Honorifics of either sex written without a stop: the word after them may be the first
#: word of a name standing alone ("Dr Zorat"); "Mr" and "Ms" tell a sex, which
#: :func:`kg.extract.persons.add_honorific_mentions` reads.
HONORIFIC_WORDS = frozenset(("Dr", "Prof"))


def _add_repeated_body_names(doc: Doc, ents: Entities) -> None:
    """A body named by the noun before it once ("the outlet Vela Now") is that body
    wherever its name stands again alone ("searched the offices of Vela Now"): a name with no
    head word is read as a body only where a noun or an apposition says so, so its other
    mentions are looked up here. Each must stand outside every other mention and as whole
    words."""
    bodies = [
        o for o in ents.of("organisation")
        if o.name and len(o.name) >= 4 and o.name[0].isupper() and " " in o.name and o.mentions
    ]  # fmt: skip
    if not bodies:
        return
    taken = sorted((a, b) for e in ents.items for a, b in e.mentions)
    starts = [a for a, _b in taken]
    flat = doc.flat
    for o in bodies:
        name = o.name or ""
        i = flat.find(name)
        while i >= 0:
            j = i + len(name)
            k = bisect.bisect_right(starts, j - 1) - 1
            inside = k >= 0 and taken[k][1] > i
            whole = (i == 0 or not flat[i - 1].isalnum()) and (
                j == len(flat) or not (flat[j].isalnum() or flat[j] in "-’'")
            )
            if whole and not inside:
                o.mentions.append((i, j))
            i = flat.find(name, j)


def _add_short_mentions(doc: Doc, ents: Entities) -> None:
    """Bare surnames (``Bialiatski``) are mentions, and variants, of the one person so named."""
    persons = ents.of("person")
    # a relative introduced by kin ("his brother, A B") shares the surname of the one the text
    # is about, and is named in full: a bare surname is the other's
    kin = {id(q) for q in persons if named_by_kin(doc, q)}
    counts: dict[str, int] = {}
    for q in persons:
        for w in _surname_words(q.name)[-1:]:
            counts[w] = counts.get(w, 0) + (id(q) not in kin)
    owners = {}
    for p in persons:
        words = _surname_words(p.name)
        if len(words) >= 2 and counts[words[-1]] == 1 and id(p) not in kin:
            owners[words[-1]] = p
    if not owners:
        return
    tails = _surname_tails(doc, persons)
    hits: dict[str, list[tuple[int, int]]] = {}
    # "al-Harbi" opens a sentence as "Al-Harbi": the article prefix capitalised
    opening = {w[0].upper() + w[1:]: w for w in owners if ARTICLE_PREFIX.match(w)}
    for start, end in find_words(doc.flat, [*owners, *opening], doc.word_index):
        word = doc.flat[start:end]
        hits.setdefault(opening.get(word, word), []).append((start, end))
    for last, p in owners.items():
        for start, end in hits.get(last, []):
            if any(a <= start < b for a, b in p.mentions):
                continue
            word = AFTER_NAME_WORD.search(doc.flat, max(0, start - 40), start)
            if word and word.group().strip() not in TITLE_STOP:
                continue  # "Ines Kovacs": a given name comes first; "Minister X" is X
            if any(a <= start < b for q in persons if q is not p for a, b in q.mentions):
                continue  # "Lee Mei-ling": the word opens another person's name
            if any(a <= start < b for a, b, _ in tails):
                continue  # "Ms. Huamán de la Cruz": the word opens another's surnames
            p.mentions.append((start, end))
            if last not in p.variants:
                p.variants.append(last)
    _add_first_word_mentions(doc, ents, persons)
    _add_first_surname_mentions(doc, persons)


def _add_first_surname_mentions(doc: Doc, persons: list[Entity]) -> None:
    """A name with two surnames ("Ana Ruiz Vela", "Luis Tomás Ortega Paz")
    is shortened to the first of them ("Ruiz was arrested"): where a person's last word
    is never used alone and the word before it is, alone, no other name's word, that word is a
    mention of the person."""
    flat = doc.flat
    words_of = [_surname_words(q.name) for q in persons]
    taken = [(a, b) for q in persons for a, b in q.mentions]
    # a relative introduced by kin ("her brother, A B C") is named in full, as for bare last
    # words: the shortened name is the other's
    kin = [named_by_kin(doc, q) for q in persons]
    shared: dict[str, int] = {}
    for words, by_kin in zip(words_of, kin, strict=True):
        for w in set(words):
            shared[w] = shared.get(w, 0) + (not by_kin)
    for p, words, by_kin in zip(persons, words_of, kin, strict=True):
        if len(words) < 3 or by_kin:
            continue
        first, last = words[-2], words[-1]
        if (
            shared.get(first, 0) != 1
            or first in NAME_PARTICLES
            or first in TITLE_STOP
            or not first[:1].isupper()
            or first.endswith(".")
            or len(first) < 3
            or last in p.variants
            or any(v.split()[-1:] == [first] for v in p.variants if v != p.name)
        ):
            continue
        found = []
        for start, end in find_words(flat, [first], doc.word_index):
            if not BARE_AFTER.match(flat, end):
                continue
            if any(a <= start < b for a, b in taken):
                continue  # the word inside a full mention
            word = AFTER_NAME_WORD.search(flat, max(0, start - 40), start)
            if word and word.group().strip() not in TITLE_STOP:
                continue  # "Eva Ruiz": another's given name before it
            found.append((start, end))
        if found:
            p.mentions.extend(found)
            p.variants.append(first)


#: An honorific of one gender right before a name: "Ms. ", "Sra. " (the lexicon's).
GENDERED_HONORIFIC = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(h) for h in sorted((h for h, g in HONORIFICS.items() if g), key=len)[::-1])
    + r")\.?\s+$"
)


def _cue_before(flat: str, start: int) -> str:
    """The gender an honorific or kin noun right before ``start`` tells ("Ms. ", "her
    brother, "), else "unknown"."""
    lo = max(0, start - 24)
    if m := GENDERED_HONORIFIC.search(flat, lo, start):
        return HONORIFICS[m.group(1)] or "unknown"
    if m := GENDER_NOUN_RE.search(flat, lo, start):
        return GENDER_NOUNS[m.group(1)]
    return "unknown"


def _gender_cue(doc: Doc, p: Entity) -> str:
    """The gender the honorifics and kin nouns before a person's mentions tell, where they
    agree."""
    told = {_cue_before(doc.flat, a) for a, _ in p.mentions} - {"unknown"}
    return told.pop() if len(told) == 1 else "unknown"


def _honorific_tail(
    doc: Doc,
    persons: list[Entity],
    q: Entity,
    words: list[str],
    found: list[tuple[int, int, Entity]],
) -> None:
    """ "Ms de la Vega" of "Ana María de la Vega Ruiz": a particle and the first surname after
    an honorific, where the honorific's gender tells the person from everyone else whose
    name holds the same words (a brother "Ivo de la Vega Ruiz", told as "her brother"); with
    no one else, the other rules read the tail."""
    if len(words) < 2 or words[0] not in NAME_PARTICLES:
        return
    others = [
        r for r in persons
        if r is not q and _holds((r.name or "").split(), words)
    ]  # fmt: skip
    if not others:
        return
    own = _gender_cue(doc, q)
    told = {_gender_cue(doc, r) for r in others}
    if "unknown" in told or len(told) > 1 or own in told:
        return
    flat = doc.flat
    tail = re.compile(r"\s+".join(re.escape(w) for w in words) + r"(?![\w’'-])")
    for start, _ in find_words(flat, [words[0]], doc.word_index):
        m = tail.match(flat, start)
        if (
            m
            and (cue := _cue_before(flat, start)) != "unknown"
            and cue not in told
            and own in ("unknown", cue)
            and HONORIFIC_BEFORE.search(flat, max(0, start - 6), start)
            and not any(a <= start < b for r in persons for a, b in r.mentions)
        ):
            found.append((start, m.end(), q))


def _holds(words: list[str], part: list[str]) -> bool:
    """Whether ``part`` is a run of ``words``."""
    n = len(part)
    return any(words[i : i + n] == part for i in range(len(words) - n + 1))


def _surname_tails(doc: Doc, persons: list[Entity]) -> list[tuple[int, int, Entity]]:
    """Where a person's surnames joined by particles are written without the given names
    ("Ms. A de la B" of "C A de la B"): the span and its person. Each such tail is that
    person's mention, and a word of it is no bare surname of someone else ("A" of "D A")."""
    flat = doc.flat
    found: list[tuple[int, int, Entity]] = []
    for q in persons:
        words = (q.name or "").split()
        if len(words) < 4:
            continue
        # the tail from the first surname that a particle follows: "A de la B", "A y B"
        k = next(
            (i for i in range(1, len(words) - 1)
             if words[i] not in NAME_PARTICLES and not words[i].endswith(".")
             and words[i + 1] in NAME_PARTICLES),
            None,
        )  # fmt: skip
        if k is None:
            continue
        tail = re.compile(r"\s+".join(re.escape(w) for w in words[k:]) + r"(?![\w’'-])")
        for start, _ in find_words(flat, [words[k]], doc.word_index):
            m = tail.match(flat, start)
            if m and not any(a <= start < b for a, b in q.mentions):
                found.append((start, m.end(), q))
        # "Ms. de León Barrios" of "Ana Lucía de León Barrios": the surnames from their
        # particle on, after an honorific, where no one else's name ends with them
        ends = words[k + 1 :]
        _honorific_tail(doc, persons, q, words[k + 1 : -1], found)
        if any(r is not q and (r.name or "").split()[-len(ends) :] == ends for r in persons):
            continue
        tail = re.compile(r"\s+".join(re.escape(w) for w in ends) + r"(?![\w’'-])")
        for start, _ in find_words(flat, [words[k + 1]], doc.word_index):
            m = tail.match(flat, start)
            if (
                m
                and HONORIFIC_BEFORE.search(flat, max(0, start - 6), start)
                and not any(a <= start < b for a, b in q.mentions)
            ):
                found.append((start, m.end(), q))
    for a, b, q in found:
        q.mentions = [(x, y) for x, y in q.mentions if not a <= x < b]
        q.mentions.append((a, b))
    return found


#: An honorific right before a name: "Ms. ", "Mr ".
HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|Mme|Sra?)\.?\s+$")
#: What follows a bare surname used alone: a lower-case word or punctuation, not more of a name.
BARE_AFTER = re.compile(r"(?:[’']s)?(?:\s+[a-zà-ÿā-ž]|\s*[,.;:)”\"])")


def _add_first_word_mentions(doc: Doc, ents: Entities, persons: list[Entity]) -> None:
    """A name written surname first ("Hao Lanfeng", "Tran Van Binh") is shortened to its
    first word ("Hao was arrested"): where a person's last word is never used alone and the
    first word is, alone, many times over no other name's, the first word is a mention."""
    flat = doc.flat
    firsts: dict[str, list[Entity]] = {}
    for q in persons:
        words = (q.name or "").split()
        if 2 <= len(words) <= 3 and words[0] not in TITLE_STOP:
            firsts.setdefault(words[0], []).append(q)
    lasts = {w for q in persons for w in _surname_words(q.name)[-1:]}
    for first, owners in firsts.items():
        p = owners[0]
        if len(owners) > 1 or first in lasts or p.name in [first] or len(first) < 2:
            continue
        if any(v == _surname_words(p.name)[-1] for v in p.variants):
            continue  # the last word is the short form ("Sand" of "Ivo Sand")
        found = []
        for start, end in find_words(flat, [first], doc.word_index):
            if not BARE_AFTER.match(flat, end):
                continue
            if any(a <= start < b for q in persons for a, b in q.mentions):
                continue  # the word opens a full mention
            word = AFTER_NAME_WORD.search(flat, max(0, start - 40), start)
            if word and word.group().strip() not in TITLE_STOP | HONORIFIC_WORDS:
                continue  # ("Dr" without its stop opens the short form: "Dr Zorat")
            found.append((start, end))
        if found:
            p.mentions.extend(found)
            p.variants.append(first)


def _issuer_of_no_country(ents: Entities, issuer: str | None) -> None:
    """The body that issues an appeal writes about a country, not from it: an international
    or foreign organisation, of no country unless its name says one."""
    org = ents.find("organisation", issuer) if issuer else None
    if org is not None and org.attrs.get("kind") in ("ngo", "other"):
        if not country_in(org.name or ""):
            org.attrs["country"] = None


def _surname_words(name: str | None) -> list[str]:
    """The words of a name without a generational suffix: the surname of "A B Jr." is B."""
    words = (name or "").split()
    while len(words) > 2 and words[-1].rstrip(".") in ("Jr", "Sr", "II", "III", "IV"):
        words = words[:-1]
    return words


def _assign_ids(ents: Entities) -> None:
    prefix = {"person": "p", "organisation": "o", "place": "l", "instrument": "i"}
    for kind, pre in prefix.items():
        for i, e in enumerate(ents.of(kind), 1):
            e.id = f"{pre}{i}"


def _merge_short_orgs(ents: Entities) -> None:
    """``European Court`` and ``Legal Aid Society`` are short forms of ``European Court of
    Human Rights`` and ``Zenda Legal Aid Society`` when such a longer name is in the text."""
    orgs = sorted(ents.of("organisation"), key=lambda e: -len(e.name or ""))
    words = [(e.name or "").split() for e in orgs]
    merged: set[int] = set()  # id() of the bodies merged away, instead of scanning ents.items
    for i, short in enumerate(orgs):
        sw = words[i]
        if (tail := _tail_of_one(orgs, words, i)) is not None and id(tail) not in merged:
            # "Appeals Tribunal" after "Federal Appeals Tribunal" (and no other name ends so)
            _merge_org(ents, short, tail, merged)
            continue
        for j, full in enumerate(orgs):
            fw = words[j]
            if full is short or len(fw) <= len(sw) or id(full) in merged:
                continue
            prefix = len(sw) >= 2 and fw[: len(sw)] == sw and fw[len(sw)] in ("of", "on", "for")
            quoted = len(sw) == 1 and any(w.strip('“”"') == sw[0] and w != sw[0] for w in fw)
            # "Office of the High Commissioner for Human Rights" after "UN Office of the ..."
            un = fw[0] == "UN" and fw[1:] == sw
            if prefix or quoted or un or _office_of(sw, fw):
                _merge_org(ents, short, full, merged)
                break


def _office_of(sw: list[str], fw: list[str]) -> bool:
    """ "Attorney General's Office" is "Office of the Attorney General" (of the Nation): the head
    word with the post it belongs to, said the other way round."""
    if len(sw) < 2 or sw[-2][-2:] not in ("'s", "’s"):
        return False
    post = [*sw[:-2], sw[-2][:-2]]
    return fw[:2] == [sw[-1], "of"] and fw[2 + (fw[2:3] == ["the"]) :][: len(post)] == post


def _merge_org(ents: Entities, short: Entity, into: Entity, merged: set[int]) -> None:
    """Fold the body named by `short` into `into`: its name a variant, its mentions added."""
    if short.name not in into.variants:
        into.variants.append(short.name or "")
    into.mentions.extend(short.mentions)
    ents.items.remove(short)
    merged.add(id(short))


def _tail_of_one(orgs: list[Entity], words: list[list[str]], i: int) -> Entity | None:
    """The one body whose name ends with the two or more words of body ``i``'s name after
    words that qualify a body and never name a place or a state ("Federal Appeals Tribunal" for
    "Appeals Tribunal"), or None when none or several do. Capitalised words of another kind name
    which body ("Vela Military Tribunal", "Russian Prosecutor's Office"): the short name is
    that body only where the text uses it first after the full one ("the Military Tribunal"
    refers back; "the Prosecutor's Office" said before "the Russian Prosecutor's Office" is
    another office). "Chamber of the Federal Appeals Tribunal" names the court as another body."""
    sw = words[i]
    if len(sw) < 2 or not sw[0][:1].isupper():
        return None
    found = None
    for j, fw in enumerate(words):
        n = len(fw) - len(sw)
        if j == i or n < 1 or fw[n:] != sw:
            continue
        if not all(w in NON_NAME for w in fw[:n]) and not (
            # "Vela and Tosk High Court": places joined by "and" say which body too
            all(w[:1].isupper() or (w == "and" and 0 < k < n - 1) for k, w in enumerate(fw[:n]))
            and min(orgs[i].mentions)[0] > min(orgs[j].mentions)[0]
        ):
            continue  # a place before the name says which body: only a later mention is it
        if found is not None:
            return None
        found = orgs[j]
    return found


def _drop_unused_instruments(ents: Entities) -> None:
    for e in ents.of("instrument"):
        if e.name and len(e.name.split()) == 1 and not e.attrs.get("provisions"):
            ents.items.remove(e)


def _ev(doc: Doc, e: Entity) -> list[dict[str, Any]]:
    out = []
    for a, b in sorted(set(e.mentions))[:3]:
        out.extend(evidence(doc, a, b))
    return out


def _person_out(doc: Doc, p: Entity) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "variants": list(dict.fromkeys(v for v in p.variants if v and v != p.name)),
        "gender": p.attrs.get("gender", "unknown"),
        "roles": p.attrs.get("roles", ["other"]),
        # a post's body is kept as its entity until the ids are given (kg.extract.roles)
        "positions": [
            {**pos, "organisation": getattr(pos["organisation"], "id", pos["organisation"])}
            for pos in p.attrs.get("positions", [])
        ],
        "confidence": 0.8 if p.name else 0.6,
        "evidence": _ev(doc, p),
    }


def _org_out(doc: Doc, o: Entity) -> dict[str, Any]:
    parent = o.attrs.get("part_of")
    return {
        "id": o.id,
        "name": o.name,
        "variants": list(dict.fromkeys(v for v in o.variants if v and v != o.name)),
        "kind": o.attrs.get("kind", "other"),
        "country": o.attrs.get("country"),
        "founded": _founded(doc, o),
        "part_of": parent.id if isinstance(parent, Entity) else None,
        "confidence": 0.7,
        "evidence": _ev(doc, o),
    }


FOUNDED_IN = re.compile(r"[^.]{0,40}?\bfounded in (\d{4})")


def _founded(doc: Doc, o: Entity) -> str | None:
    a, b = min(o.mentions)
    m = FOUNDED_IN.match(doc.flat[b : b + 80])
    return m.group(1) if m else None


def _place_out(doc: Doc, pl: Entity) -> dict[str, Any]:
    return {"id": pl.id, "name": pl.name, "kind": pl.attrs.get("kind", "site"),
            "evidence": _ev(doc, pl)}  # fmt: skip


def _inst_out(doc: Doc, i: Entity) -> dict[str, Any]:
    kind = i.attrs.get("kind", "law")
    return {
        "id": i.id,
        "name": i.name,
        "kind": kind,
        "jurisdiction": i.attrs.get("jurisdiction"),
        "parties": [],
        "date": None,
        "provisions": [{**p, "evidence": _ev(doc, i)[:1]} for p in i.attrs.get("provisions", [])],
        "evidence": _ev(doc, i),
    }


class _Dumper(yaml.SafeDumper):
    """Block style for records, flow style for short lists of plain values."""


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    flow = all(isinstance(x, str | int | float) for x in data) and len(data) < 12
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _represent_list)


def dump_record(record: dict[str, Any]) -> str:
    """YAML with keys in the order of the gold format, so records diff cleanly."""
    return yaml.dump(record, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
