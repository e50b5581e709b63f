"""Rules whose answer each appeal's own triples give, applied as its case graph is written.

A full build runs each rule of ``ontology/rules/`` as SPARQL over the union of every graph once
the bulk load is done (:func:`kg.store.stream._derive`). For the rules named in :data:`RULES`
every solution joins only triples that one case record states together, about nodes that record
mints: an event with its participations (whose IRIs are the event's), an involvement (the hash
of its case, agent and role), an evidence span (the appeal's hash and offsets), a right claim, a
post or a membership (their keys, unique across records), and the appeal that reports them
(``akg:reportedIn`` and ``oa:hasSource`` always name the record's own appeal; a record states its
case's ``akg:hasAppeal`` of that appeal and the appeal's date). The union of the
rule over each case graph alone is then its answer over the union of the graphs, so a full
build derives these triples in the workers that write the case graphs, from the record's
triples before they become text, and the rule is not run after the load. The rules whose
whole pattern is one ``GRAPH ?g { … }`` (``complainant-position.rq``, ``complaint-target.rq``,
``official-named.rq``, ``official-post.rq``: :mod:`kg.store.derive`'s graph-local rules) join
within one graph by their own text, so their answer is the union of each graph's answers
whatever the graphs share; as SPARQL after the load at 100,000 appeals they took some 48 s of
CPU and grew as N^1.13-1.26 from 10,000.

Two things would break that equality, and each makes the build run these rules as SPARQL as
before: another graph (ontology, reference, links) stating a triple whose predicate the rule
reads (:func:`usable`), and a record naming a node by an explicit ``iri`` where two records
could then state triples about the same node (:func:`names_shared_nodes`: any ``iri`` on an
event, or one under a namespace the rules' nodes are minted in). A blank node in an answer also
makes the build fall back (an answer file's blank nodes are not its case graph's).

``acting-body.rq`` reads one thing no record alone gives: whether an event's authority or agent
is typed ``akg:Organisation`` (an authority may be a person), which another record or the
reference data may state (a participant named by a CURIE). An event's authority and agents are
its record's, so each graph gives each authority as a candidate, and each agent with the event's
authorities (:func:`acting_candidates`); the build keeps the authorities the loaded store types
so, and the agents it types so whose event has no authority it types so
(:func:`acting_body_lines`). ``appeal-count.rq`` is an aggregate over every graph (the appeals
that report an entity) whose entities are those the whole store types ``akg:Person`` or
``akg:Organisation``: each graph gives (entity, appeal, the appeal's identifier) rows
(:func:`appeal_rows`), which the build merges by entity and keeps by the loaded store's types
(:func:`appeal_count_lines`).

``first-mention.rq`` is an aggregate (each fact's smallest evidence offset) over facts that
several records may give evidence for: each graph gives its facts' smallest offsets
(:func:`first_mentions`), an event's as its line (its IRI is its record's), every other fact's
to the build, which keeps the smallest over the graphs.

``concerns-defender.rq`` joins across appeals: the defenders (agents of an involvement with
the role ``role:defender``, of any appeal), the organisations each person holds a post in or
belongs to (as any appeal states it), and each event's participants and authorities (its
record's). Each graph gives what it states of the three as rows (:func:`defender_rows`); the
build gathers the defenders and their organisations from every graph's rows, then reads the
events' rows once more and writes, for each event, the defenders among its participants and
authorities and those whose organisation is among them (:func:`concerns_defender_lines`).

A rebuild keeps deriving changes by SPARQL (:mod:`kg.store.derive`); ``tests/test_localrules.py``
compares each rule here with its SPARQL answer on built stores, and the stores of full builds
with and without this step.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import DCTERMS, XSD

from kg.record.nquads import TripleSet, term_text
from kg.vocab import AKG, AKR, DERIVED_GRAPH, EVTYPE, OA, ORG, ROLE

_AUTHORITY, _PARTICIPATION = str(AKG.authority), str(AKG.participation)
_ROLE, _PARTICIPANT, _AGENT = str(AKG.role), str(AKG.participant), str(AKG.agent)
_EVENT_TYPE, _REPORTED_IN = str(AKG.eventType), str(AKG.reportedIn)
_EVIDENCE, _HAS_SOURCE, _ABOUT_CASE = str(AKG.evidence), str(OA.hasSource), str(AKG.aboutCase)
_HELD_BY, _POST_IN = str(ORG.heldBy), str(ORG.postIn)
_MEMBER, _ORGANIZATION = str(ORG.member), str(ORG.organization)
_RIGHT, _CASE, _GUARANTEED_BY = str(AKG.right), str(AKG.case), str(AKG.guaranteedBy)
_CHAIN = [
    str(AKG[p])
    for p in ("appealAgainst", "orderedBy", "promptedBy", "reclassificationOf", "releaseUnder")
]
_START, _FIRST_MENTION = str(OA.start), str(AKG.firstMention)
_HAS_APPEAL, _ISSUED = str(AKG.hasAppeal), str(DCTERMS.issued)
_IS_FINAL, _OPEN_TO_APPEAL = str(AKG.isFinal), str(AKG.openToAppeal)
_IDENTIFIER = str(DCTERMS.identifier)
_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_AGENT_ROLE, _TARGET_ROLE, _DEFENDER = ROLE.agent, ROLE.target, ROLE.defender
_OFFICIAL = ROLE.official
_COMPLAINT, _BAN = EVTYPE.complaint, EVTYPE.ban
_REPORTED = (_REPORTED_IN, _EVIDENCE, _HAS_SOURCE)
_POSITIONS = (_HELD_BY, _POST_IN, _MEMBER, _ORGANIZATION)

#: The rule whose answer is an aggregate over every graph (:func:`first_mentions`).
FIRST_MENTION = "first-mention.rq"
#: The rule whose answer needs the types of the whole store (:func:`acting_candidates`).
ACTING_BODY = "acting-body.rq"
#: The aggregate over every graph that needs the types of the whole store (:func:`appeal_rows`).
APPEAL_COUNT = "appeal-count.rq"
#: The rule joining each event with the defenders and organisations of every graph
#: (:func:`defender_rows`).
CONCERNS_DEFENDER = "concerns-defender.rq"

#: Rule file -> the predicates its query reads.
RULES: dict[str, tuple[str, ...]] = {
    ACTING_BODY: (_AUTHORITY, _PARTICIPATION, _ROLE, _PARTICIPANT),  # and rdf:type, anywhere
    APPEAL_COUNT: (*_REPORTED, _IDENTIFIER),  # and rdf:type, anywhere
    CONCERNS_DEFENDER: (_ROLE, _AGENT, _PARTICIPANT, _PARTICIPATION, _AUTHORITY, *_POSITIONS),
    "acted-by.rq": (_AUTHORITY, _PARTICIPATION, _ROLE, _PARTICIPANT),
    "banned-by.rq": (_EVENT_TYPE, _AUTHORITY, _PARTICIPATION, _ROLE, _PARTICIPANT),
    "case-role.rq": (_AGENT, _ROLE, *_REPORTED, _ABOUT_CASE),
    "complained-against.rq": (_EVENT_TYPE, _PARTICIPATION, _ROLE, _PARTICIPANT),
    "defender-in.rq": (_AGENT, _ROLE, *_REPORTED, _ABOUT_CASE),
    "event-stated-in.rq": (_EVENT_TYPE, *_REPORTED),
    "final-decision.rq": (_IS_FINAL, _OPEN_TO_APPEAL, _EVENT_TYPE, *_REPORTED, _ABOUT_CASE),
    "follows.rq": tuple(_CHAIN),
    "has-target.rq": (_PARTICIPATION, _ROLE, _PARTICIPANT),
    "involvement-reported-in.rq": (_AGENT, *_REPORTED),
    "member-of.rq": _POSITIONS,
    "position-reported-in.rq": (_MEMBER, _HELD_BY, *_REPORTED),
    "right-claim.rq": (_RIGHT, _CASE),
    "right-guaranteed-by.rq": (_RIGHT, _GUARANTEED_BY),
    "appeal-year.rq": (_HAS_APPEAL, _ISSUED),
    # graph-local as written (one GRAPH pattern): the union of each case graph's answers
    "complainant-position.rq": (_EVENT_TYPE, _PARTICIPATION, _ROLE, _PARTICIPANT, *_POSITIONS),
    "complaint-target.rq": (_EVENT_TYPE, _PARTICIPATION, _ROLE, _PARTICIPANT),
    "official-named.rq": (_ROLE, _AGENT, *_REPORTED),
    "official-post.rq": (_ROLE, _AGENT, *_REPORTED, _HELD_BY),
    FIRST_MENTION: (_EVIDENCE, _START),
}

_READ = frozenset(p for ps in RULES.values() for p in ps)

# Namespaces of the nodes the rules above join on: a record naming a node there by an
# explicit ``iri`` could state triples about another record's node.
_MINTED = tuple(
    str(AKR[kind])
    for kind in ("event/", "involvement/", "evidence/", "post/", "membership/", "right-claim/",
                 "appeal/", "charge/")
)  # fmt: skip


# The first 16 hex digits of the SHA-256 of each rule file this module was written for: a rule
# file changed in any way (or another ontology folder's) is run as SPARQL.
TEXTS = {
    ACTING_BODY: "6e2e95ac960268c2",
    APPEAL_COUNT: "89177344db0d172d",
    CONCERNS_DEFENDER: "bd520e88d275c8fe",
    "acted-by.rq": "fde80b4e9b131673",
    "banned-by.rq": "6e8ec802b8a90bf7",
    "case-role.rq": "54d95660768e2412",
    "complained-against.rq": "6bf2712cc50dd21c",
    "defender-in.rq": "644965c171f45755",
    "event-stated-in.rq": "834b42c4956c4a62",
    "final-decision.rq": "515cc31cf738d95c",
    "follows.rq": "1438b5a68bebf7fc",
    "has-target.rq": "4d46f19010391eb5",
    "involvement-reported-in.rq": "850bd71d16d3a2e7",
    "member-of.rq": "bf0fa461efeebc09",
    "position-reported-in.rq": "12cd12375944958d",
    "right-claim.rq": "b2f5f2121dcf86a3",
    "right-guaranteed-by.rq": "e586769d58da131b",
    "appeal-year.rq": "9e391f5a99331a7e",
    "complainant-position.rq": "376b034197e9f7b6",
    "complaint-target.rq": "a2cabc64579bcbc8",
    "official-named.rq": "81843269620350ea",
    "official-post.rq": "68d1904e9d90b055",
    FIRST_MENTION: "bcd0acecf733716a",
}


def usable(rules: Iterable[tuple[str, str]], other_predicates: set[str]) -> frozenset[str]:
    """The rules among ``rules`` ((file name, text), as :func:`kg.store.build.rules` gives
    them) that :func:`derive_local` applies: the text it was written for, and predicates no
    graph other than the case graphs states (``other_predicates``)."""
    return frozenset(
        name
        for name, text in rules
        if name in RULES
        and hashlib.sha256(text.encode("utf-8")).hexdigest()[:16] == TEXTS[name]
        and not other_predicates.intersection(RULES[name])
    )


def names_shared_nodes(record: dict[str, Any]) -> bool:
    """Whether a record names, by an explicit ``iri``, an event or a node in a namespace the
    local rules' nodes are minted in (then two records may state triples about one node).
    An ``iri`` counts where the record builder reads one: on an item of a section, on a
    provision of an instrument, on the appeal's case."""
    for event in record.get("events") or []:
        if isinstance(event, dict) and event.get("iri"):
            return True
    appeal = record.get("appeal")
    if isinstance(appeal, dict) and _minted_iri(appeal.get("case")):
        return True
    for items in record.values():
        if not isinstance(items, list):
            continue
        for item in items:
            if not isinstance(item, dict):
                continue
            if _minted_iri(item):
                return True
            for provision in item.get("provisions") or ():
                if _minted_iri(provision):
                    return True
    return False


def _minted_iri(item: Any) -> bool:
    iri = item.get("iri") if isinstance(item, dict) else None
    if not isinstance(iri, str):
        return False
    from kg.errors import KgError
    from kg.record.caserecord import expand

    try:
        return str(expand(iri)).startswith(_MINTED)
    except KgError:
        return False  # the record builder reports it


class _Index:
    """A case graph's triples by predicate (text) and by subject and predicate."""

    __slots__ = ("by_p", "by_sp")

    def __init__(self, triples: TripleSet) -> None:
        self.by_p: dict[str, list[tuple[Any, Any]]] = {}
        self.by_sp: dict[tuple[Any, str], list[Any]] = {}
        for s, p, o in triples._triples:  # the evidence spans' offsets and quotes: not read
            key = str(p)
            if key in _READ:
                self.by_p.setdefault(key, []).append((s, o))
                self.by_sp.setdefault((s, key), []).append(o)

    def pairs(self, p: str) -> list[tuple[Any, Any]]:
        return self.by_p.get(p, [])

    def objects(self, s: Any, p: str) -> list[Any]:
        return self.by_sp.get((s, p), [])

    def reported_in(self, s: Any) -> list[Any]:
        """``akg:reportedIn|akg:evidence/oa:hasSource``"""
        found = list(self.objects(s, _REPORTED_IN))
        for span in self.objects(s, _EVIDENCE):
            found.extend(self.objects(span, _HAS_SOURCE))
        return found

    def with_role(self, event: Any, role: URIRef) -> list[Any]:
        """The participants of ``event``'s participations with ``role``."""
        return [
            who
            for part in self.objects(event, _PARTICIPATION)
            if role in self.objects(part, _ROLE)
            for who in self.objects(part, _PARTICIPANT)
        ]


Out = set[tuple[Any, URIRef, Any]]
#: :data:`ACTING_BODY`'s candidates: (event, body, the event's authorities), see
#: :func:`acting_candidates`.
Candidates = set[tuple[Any, Any, tuple[Any, ...]]]


def _acted_by(ix: _Index, out: Out) -> None:
    for event, actor in ix.pairs(_AUTHORITY):
        out.add((event, AKG.actedBy, actor))
    for event in {e for e, _part in ix.pairs(_PARTICIPATION)}:
        for actor in ix.with_role(event, _AGENT_ROLE):
            out.add((event, AKG.actedBy, actor))


def _banned_by(ix: _Index, out: Out) -> None:
    for event, kind in ix.pairs(_EVENT_TYPE):
        if kind != _BAN:
            continue
        for actor in ix.objects(event, _AUTHORITY) or ix.with_role(event, _AGENT_ROLE):
            out.add((event, AKG.bannedBy, actor))


def _involvements(ix: _Index) -> list[tuple[Any, Any, Any]]:
    """(agent, role, case) of each involvement: ``?inv akg:agent ?agent ; akg:role ?role ;
    akg:reportedIn|akg:evidence/oa:hasSource ?appeal . ?appeal akg:aboutCase ?case``."""
    found = []
    for inv, agent in ix.pairs(_AGENT):
        roles = ix.objects(inv, _ROLE)
        if not roles:
            continue
        for appeal in ix.reported_in(inv):
            for case in ix.objects(appeal, _ABOUT_CASE):
                found.extend((agent, role, case) for role in roles)
    return found


def _case_role(ix: _Index, out: Out) -> None:
    for agent, role, case in _involvements(ix):
        out.add((agent, AKG.hasCaseRole, role))
        out.add((agent, AKG.involvedInCase, case))


def _defender_in(ix: _Index, out: Out) -> None:
    for agent, role, case in _involvements(ix):
        if role == _DEFENDER:
            out.add((agent, AKG.defenderIn, case))


def _complained_against(ix: _Index, out: Out) -> None:
    targets: dict[Any, list[Any]] = {}
    for complaint, _part, target in _complaint_participations(ix, _TARGET_ROLE):
        targets.setdefault(complaint, []).append(target)
    for complaint, _part, complainant in _complaint_participations(ix, _AGENT_ROLE):
        for target in targets.get(complaint, ()):
            out.add((complainant, AKG.complainedAgainst, target))


def _event_stated_in(ix: _Index, out: Out) -> None:
    for event in {e for e, _type in ix.pairs(_EVENT_TYPE)}:
        for appeal in ix.reported_in(event):
            out.add((event, AKG.statedIn, appeal))


_TRUE = Literal(True)


def _final_decision(ix: _Index, out: Out) -> None:
    for decision, final in ix.pairs(_IS_FINAL):
        if final != _TRUE or _TRUE in ix.objects(decision, _OPEN_TO_APPEAL):
            continue
        if not ix.objects(decision, _EVENT_TYPE):
            continue
        for appeal in ix.reported_in(decision):
            for case in ix.objects(appeal, _ABOUT_CASE):
                out.add((decision, AKG.finalDecisionIn, case))


def _follows(ix: _Index, out: Out) -> None:
    for p in _CHAIN:
        for later, earlier in ix.pairs(p):
            out.add((later, AKG.follows, earlier))


def _has_target(ix: _Index, out: Out) -> None:
    for event in {e for e, _part in ix.pairs(_PARTICIPATION)}:
        for target in ix.with_role(event, _TARGET_ROLE):
            out.add((event, AKG.hasTarget, target))


def _involvement_reported_in(ix: _Index, out: Out) -> None:
    for involvement in {i for i, _agent in ix.pairs(_AGENT)}:
        for appeal in ix.reported_in(involvement):
            out.add((involvement, AKG.involvementReportedIn, appeal))


def _member_of(ix: _Index, out: Out) -> None:
    for link, where in ((_HELD_BY, _POST_IN), (_MEMBER, _ORGANIZATION)):
        for position, person in ix.pairs(link):
            for organisation in ix.objects(position, where):
                out.add((person, AKG.memberOf, organisation))


def _position_reported_in(ix: _Index, out: Out) -> None:
    for position in {p for link in (_MEMBER, _HELD_BY) for p, _person in ix.pairs(link)}:
        for appeal in ix.reported_in(position):
            out.add((position, AKG.positionReportedIn, appeal))


def _right_claim(ix: _Index, out: Out) -> None:
    for claim in {c for c, _right in ix.pairs(_RIGHT)}:
        for case in ix.objects(claim, _CASE):
            out.add((case, AKG.hasRightClaim, claim))


def _right_guaranteed_by(ix: _Index, out: Out) -> None:
    for claim, right in ix.pairs(_RIGHT):
        for instrument in ix.objects(claim, _GUARANTEED_BY):
            out.add((right, AKG.rightGuaranteedBy, instrument))


# What Oxigraph's cast of a string to xsd:integer reads: digits, a sign before them (no
# space around: " 7  " is no integer to it).
_INTEGER_TEXT = re.compile(r"([+-]?[0-9]+)")


def _appeal_year(ix: _Index, out: Out) -> None:
    """``xsd:integer(SUBSTR(STR(?issued), 1, 4))`` of each appeal of a case, on the case."""
    for case, appeal in ix.pairs(_HAS_APPEAL):
        for issued in ix.objects(appeal, _ISSUED):
            if isinstance(issued, BNode):
                continue
            found = _INTEGER_TEXT.fullmatch(str(issued)[:4])
            if found:
                out.add((case, AKG.appealYear, Literal(int(found[1]), datatype=XSD.integer)))


def _officials(ix: _Index) -> set[tuple[Any, Any]]:
    """(appeal, official) of each involvement with the role ``role:official`` and the appeal
    reporting it."""
    return {
        (appeal, agent)
        for involvement, agent in ix.pairs(_AGENT)
        if _OFFICIAL in ix.objects(involvement, _ROLE)
        for appeal in ix.reported_in(involvement)
    }


def _official_named(ix: _Index, out: Out) -> None:
    for appeal, official in _officials(ix):
        out.add((appeal, AKG.officialNamed, official))


def _official_post(ix: _Index, out: Out) -> None:
    officials = _officials(ix)
    if not officials:
        return
    for post, holder in ix.pairs(_HELD_BY):
        for appeal in ix.reported_in(post):
            if (appeal, holder) in officials:
                out.add((appeal, AKG.officialPost, post))


def _complaint_participations(ix: _Index, role: URIRef) -> Iterator[tuple[Any, Any, Any]]:
    """(complaint, participation, participant) of each participation with ``role`` in an
    event of the type complaint."""
    for event, kind in ix.pairs(_EVENT_TYPE):
        if kind != _COMPLAINT:
            continue
        for part in ix.objects(event, _PARTICIPATION):
            if role in ix.objects(part, _ROLE):
                for who in ix.objects(part, _PARTICIPANT):
                    yield event, part, who


def _complaint_target(ix: _Index, out: Out) -> None:
    for complaint, _part, target in _complaint_participations(ix, _TARGET_ROLE):
        out.add((complaint, AKG.complaintTarget, target))


def _complainant_position(ix: _Index, out: Out) -> None:
    found = list(_complaint_participations(ix, _AGENT_ROLE))
    if not found:
        return
    positions: dict[Any, set[Any]] = {}  # person -> posts and memberships in an organisation
    for link, where in ((_HELD_BY, _POST_IN), (_MEMBER, _ORGANIZATION)):
        for position, person in ix.pairs(link):
            if ix.objects(position, where):
                positions.setdefault(person, set()).add(position)
    for _complaint, part, complainant in found:
        for position in positions.get(complainant, ()):
            out.add((part, AKG.complainantPosition, position))


_APPLY = {
    "complainant-position.rq": _complainant_position,
    "complaint-target.rq": _complaint_target,
    "official-named.rq": _official_named,
    "official-post.rq": _official_post,
    "acted-by.rq": _acted_by,
    "banned-by.rq": _banned_by,
    "case-role.rq": _case_role,
    "complained-against.rq": _complained_against,
    "defender-in.rq": _defender_in,
    "event-stated-in.rq": _event_stated_in,
    "final-decision.rq": _final_decision,
    "follows.rq": _follows,
    "has-target.rq": _has_target,
    "involvement-reported-in.rq": _involvement_reported_in,
    "member-of.rq": _member_of,
    "position-reported-in.rq": _position_reported_in,
    "right-claim.rq": _right_claim,
    "right-guaranteed-by.rq": _right_guaranteed_by,
    "appeal-year.rq": _appeal_year,
}


def derive_triples(triples: TripleSet, rules: Iterable[str]) -> Out:
    """What the ``rules`` other than :data:`FIRST_MENTION` and :data:`ACTING_BODY` give over
    one case graph's triples."""
    return _derive(_Index(triples), rules)


def _derive(ix: _Index, rules: Iterable[str]) -> Out:
    out: Out = set()
    for name in sorted(rules):
        if name in _APPLY:
            _APPLY[name](ix, out)
    return out


def acting_candidates(triples: TripleSet, ix: _Index | None = None) -> Candidates:
    """What :data:`ACTING_BODY` reads of one case graph, as candidates (event, body,
    authorities) that the store's types decide (:func:`acting_body_lines`): each event's
    authority, an answer if the store types it ``akg:Organisation`` (a person who decided is
    not a body); and each agent of an event, an answer if the store types it
    ``akg:Organisation`` and none of the event's authorities (the third part). An event's
    authority and participations are its record's (its IRI comes from its key), so no other
    graph adds an authority."""
    ix = ix or _Index(triples)
    candidates: Candidates = set()
    authorities: dict[Any, list[Any]] = {}
    for event, body in ix.pairs(_AUTHORITY):
        candidates.add((event, body, ()))
        authorities.setdefault(event, []).append(body)
    for event in {e for e, _part in ix.pairs(_PARTICIPATION)}:
        deciding = tuple(sorted(authorities.get(event, ()), key=str))
        for body in ix.with_role(event, _AGENT_ROLE):
            candidates.add((event, body, deciding))
    return candidates


def appeal_rows(triples: TripleSet, ix: _Index | None = None) -> list[tuple[Any, Any, str]] | None:
    """What :data:`APPEAL_COUNT` reads of one case graph: (entity, appeal, the appeal's
    identifier) for each ``?entity akg:reportedIn|akg:evidence/oa:hasSource ?appeal . ?appeal
    dcterms:identifier ?appealId``, whatever the entity's type (the store's types decide,
    :func:`appeal_count_lines`). An appeal and its identifier are its record's. None if an
    entity is a blank node or an identifier is not a plain string (then the rule runs as
    SPARQL)."""
    ix = ix or _Index(triples)
    rows = []
    named: dict[Any, list[str] | None] = {}  # each appeal's identifiers (None: not plain)
    subjects = {s for p in (_REPORTED_IN, _EVIDENCE) for s, _o in ix.pairs(p)}
    for entity in subjects:
        for appeal in set(ix.reported_in(entity)):
            ids = named.get(appeal, [])
            if appeal not in named:
                ids = named[appeal] = _plain(ix.objects(appeal, _IDENTIFIER))
            if ids is None:
                return None
            if ids and (isinstance(entity, BNode) or isinstance(appeal, BNode)):
                return None
            rows.extend((entity, appeal, i) for i in ids)
    return rows


def _plain(values: list[Any]) -> list[str] | None:
    """The values as strings if each is a literal with neither language nor datatype."""
    out = []
    for v in values:
        if type(v) is not Literal and not isinstance(v, Literal):
            return None
        if v.language or (v.datatype and str(v.datatype) != _XSD_STRING):
            return None
        out.append(str(v))
    return out


def _row_text(identifier: str) -> str:
    """An identifier as the last field of a row: as it is, or as JSON where it could be
    mistaken for JSON or hold a character that ends a line."""
    if identifier.isascii() and identifier.isprintable() and not identifier.startswith('"'):
        return identifier
    return json.dumps(identifier)


def appeal_count_lines(rows: Iterable[str], entities: set[str]) -> Iterator[str]:
    """The derived graph's N-Quads lines of :data:`APPEAL_COUNT` from the rows of
    :func:`derive_local` (``entity-term\tappeal-term\tidentifier`` lines, the identifier as
    JSON where it must be, every row of an entity among them) for the entities among
    ``entities`` (N-Quads terms of what the store types ``akg:Person`` or
    ``akg:Organisation``): the count of distinct appeals, and the distinct identifiers joined
    with " | " in sorted order, as the build's canonical form of the rule's GROUP_CONCAT
    (:func:`kg.store.derive.canonical_triples`)."""
    found: dict[str, tuple[set[str], set[str]]] = {}
    for line in rows:
        entity, appeal, identifier = line.rstrip("\n").split("\t", 2)
        if entity not in entities:
            continue
        appeals, ids = found.setdefault(entity, (set(), set()))
        appeals.add(appeal)
        ids.add(json.loads(identifier) if identifier.startswith('"') else identifier)
    tail = f" <{DERIVED_GRAPH}> .\n"
    count, joined = f" <{AKG.appealCount}> ", f" <{AKG.appealIdentifiers}> "
    sep = " | "
    for entity, (appeals, ids) in found.items():
        value = sep.join(sorted(sep.join(ids).split(sep)))
        yield f'{entity}{count}"{len(appeals)}"^^<{_INTEGER}>{tail}'
        yield f"{entity}{joined}{term_text(Literal(value))}{tail}"


def acting_body_lines(candidates: Iterable[str], organisations: set[str]) -> Iterator[str]:
    """The derived graph's N-Quads lines of the candidates (``event-term\tbody-term`` lines,
    then a tab and the term of each of the event's authorities for an agent, as
    :func:`derive_local` gives them) whose body is among ``organisations`` (N-Quads terms of
    what the store types ``akg:Organisation``) and whose authorities are not."""
    tail = f" <{DERIVED_GRAPH}> .\n"
    predicate = f" <{AKG.actingBody}> "
    for line in candidates:
        event, body, *authorities = line.rstrip("\n").split("\t")
        if body in organisations and not any(a in organisations for a in authorities):
            yield f"{event}{predicate}{body}{tail}"


def defender_rows(triples: TripleSet, ix: _Index | None = None) -> str | None:
    """What :data:`CONCERNS_DEFENDER` reads of one case graph, as lines of tab-separated
    N-Quads terms (an IRI holds no tab): ``d<TAB>defender`` for each agent of an involvement
    whose role is ``role:defender``; ``o<TAB>person<TAB>organisation`` for each post the
    person holds in the organisation and each membership of the person in it; and
    ``e<TAB>event<TAB>agent...`` for each event with its participants and authorities, its
    record's alone (its IRI comes from its key, and so do its participations'). None if one
    of these terms is not an IRI (then the rule runs as SPARQL)."""
    ix = ix or _Index(triples)
    rows: list[str] = []
    for involvement, agent in ix.pairs(_AGENT):
        if _DEFENDER in ix.objects(involvement, _ROLE):
            if not isinstance(agent, URIRef):
                return None
            rows.append(f"d\t<{agent}>\n")
    for link, where in ((_HELD_BY, _POST_IN), (_MEMBER, _ORGANIZATION)):
        for position, person in ix.pairs(link):
            for organisation in ix.objects(position, where):
                if not (isinstance(person, URIRef) and isinstance(organisation, URIRef)):
                    return None
                rows.append(f"o\t<{person}>\t<{organisation}>\n")
    agents: dict[Any, set[Any]] = {}
    for event, part in ix.pairs(_PARTICIPATION):
        agents.setdefault(event, set()).update(ix.objects(part, _PARTICIPANT))
    for event, body in ix.pairs(_AUTHORITY):
        agents.setdefault(event, set()).add(body)
    for event, found in agents.items():
        if not found:
            continue
        if not isinstance(event, URIRef) or not all(isinstance(a, URIRef) for a in found):
            return None
        rows.append("\t".join(["e", f"<{event}>", *sorted(f"<{a}>" for a in found)]) + "\n")
    return "".join(rows)


def defenders_reached(rows: Iterable[str]) -> dict[str, set[str]]:
    """From the rows of every graph (:func:`defender_rows`), what an event's taking part or
    authority leads to: each defender to itself, each organisation to the defenders who hold
    a post in it or belong to it (N-Quads terms)."""
    defenders: set[str] = set()
    links: list[tuple[str, str]] = []
    for line in rows:
        if line.startswith("d\t"):
            defenders.add(line[2:].rstrip("\n"))
        elif line.startswith("o\t"):
            person, _tab, organisation = line[2:].rstrip("\n").partition("\t")
            links.append((person, organisation))
    reached: dict[str, set[str]] = {d: {d} for d in defenders}
    for person, organisation in links:
        if person in defenders:
            reached.setdefault(organisation, set()).add(person)
    return reached


def concerns_defender_lines(rows: Iterable[str], reached: dict[str, set[str]]) -> Iterator[str]:
    """The derived graph's N-Quads lines of :data:`CONCERNS_DEFENDER`: for each event row of
    ``rows`` (:func:`defender_rows`), each defender its participants and authorities reach
    (:func:`defenders_reached`), once."""
    tail = f" <{DERIVED_GRAPH}> .\n"
    predicate = f" <{AKG.concernsDefender}> "
    for line in rows:
        if not line.startswith("e\t"):
            continue
        event, *agents = line[2:].rstrip("\n").split("\t")
        found: set[str] = set()
        for agent in agents:
            found.update(reached.get(agent, ()))
        for defender in sorted(found):
            yield f"{event}{predicate}{defender}{tail}"


def first_mentions(triples: TripleSet, ix: _Index | None = None) -> dict[Any, int] | None:
    """The smallest start offset of each fact's evidence spans in one case graph
    (``?fact akg:evidence/oa:start ?start``); None if the graph states an ``oa:start`` other
    than its evidence spans' integer offsets. The rule's answer over the union of the graphs
    is, for each fact, the smallest of the graphs' values: a span, minted from its appeal's
    hash and offsets, is stated by one record only, with its start, so each record's join is
    complete; a fact (a person, an involvement of a case two appeals report) may have
    evidence in several records."""
    ix = ix or _Index(triples)
    if ix.pairs(_START):
        return None
    starts = {span: start for span, start, _end, _quote in triples._spans}
    first: dict[Any, int] = {}
    for fact, span in ix.pairs(_EVIDENCE):
        start = starts.get(span)
        if start is not None and (fact not in first or start < first[fact]):
            first[fact] = start
    return first


def first_mention_line(fact: str, start: int) -> str:
    """The derived graph's N-Quads line of ``fact`` (its N-Quads term) and its first mention."""
    return f'{fact} <{_FIRST_MENTION}> "{start}"^^<{_INTEGER}> <{DERIVED_GRAPH}> .\n'


#: What one case graph gives: N-Quads of the derived graph; each fact's first mention in this
#: graph (fact term -> start offset) where another graph may state the fact's evidence; and
#: :data:`ACTING_BODY`'s candidates (:func:`candidate_line`); and :data:`APPEAL_COUNT`'s
#: rows (:func:`appeal_count_lines`); and :data:`CONCERNS_DEFENDER`'s rows
#: (:func:`defender_rows`).
Derived = tuple[str, dict[str, int], str, str, str]

# Events' IRIs come from their keys, unique across records (an event named by ``iri`` makes
# the build fall back, names_shared_nodes): an event's evidence is its record's alone.
_OWN = str(AKR["event/"])


def candidate_line(event: Any, body: Any, authorities: tuple[Any, ...]) -> str:
    """One of :data:`ACTING_BODY`'s candidates as :func:`acting_body_lines` reads it."""
    return "\t".join(term_text(t) for t in (event, body, *authorities)) + "\n"


def derive_local(triples: TripleSet, rules: Iterable[str]) -> Derived | None:
    """:func:`derive_triples` as N-Quads of the derived graph, with what
    :data:`FIRST_MENTION` (if among ``rules``) gives: an event's line, and every other fact's
    value in this graph, which the build merges over the graphs; with :data:`ACTING_BODY` its
    candidates, which the build keeps or not once the store is loaded; with
    :data:`APPEAL_COUNT` the graph's rows, merged by the build; with :data:`CONCERNS_DEFENDER`
    the graph's rows, joined by the build over every graph. None if an answer or a candidate
    holds a blank node (the build then runs the rules as SPARQL)."""
    rules = frozenset(rules)
    ix = _Index(triples)
    tail = f" <{DERIVED_GRAPH}> .\n"
    lines = []
    found = _derive(ix, rules)
    pending = ""
    if ACTING_BODY in rules:
        candidates = acting_candidates(triples, ix)
        for s, o, authorities in candidates:
            if isinstance(s, BNode) or isinstance(o, BNode):
                return None
            if any(isinstance(a, BNode) for a in authorities):
                return None
        pending = "".join(sorted(candidate_line(*c) for c in candidates))
    counted = ""
    if APPEAL_COUNT in rules:
        rows = appeal_rows(triples, ix)
        if rows is None:
            return None
        counted = "".join(f"{term_text(e)}\t{term_text(a)}\t{_row_text(i)}\n" for e, a, i in rows)
    defended = ""
    if CONCERNS_DEFENDER in rules:
        found_rows = defender_rows(triples, ix)
        if found_rows is None:
            return None
        defended = found_rows
    for s, p, o in found:
        if isinstance(s, BNode) or isinstance(o, BNode):
            return None
        lines.append(f"{term_text(s)} <{p}> {term_text(o)}{tail}")
    merged: dict[str, int] = {}
    if FIRST_MENTION in rules:
        first = first_mentions(triples, ix)
        if first is None:
            return None
        for fact, start in first.items():
            if type(fact) is not URIRef and not isinstance(fact, URIRef):
                return None
            if str.startswith(fact, _OWN):
                lines.append(first_mention_line(f"<{fact}>", start))
            else:
                merged[f"<{fact}>"] = start
    lines.sort()
    return "".join(lines), merged, pending, counted, defended


__all__ = [
    "ACTING_BODY",
    "APPEAL_COUNT",
    "CONCERNS_DEFENDER",
    "FIRST_MENTION",
    "RULES",
    "TEXTS",
    "Derived",
    "acting_body_lines",
    "acting_candidates",
    "candidate_line",
    "appeal_count_lines",
    "appeal_rows",
    "concerns_defender_lines",
    "derive_local",
    "defender_rows",
    "defenders_reached",
    "derive_triples",
    "first_mention_line",
    "first_mentions",
    "names_shared_nodes",
    "usable",
]
