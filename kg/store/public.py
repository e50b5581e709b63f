"""The public dataset: what may be shown to anyone, made before any engine sees it.

``kg build`` writes two stores side by side (:mod:`kg.store.store`): the full one, for curators,
and the public one, which every public output reads (exports, ``dist/``, ``void.ttl``, the
endpoint). :func:`public_dataset` makes the public one from the built dataset:

- an appeal or case marked ``restricted`` or ``confidential`` takes its whole named graph with
  it, and what only such graphs state (people, organisations, evidence) goes too;
- a fact marked so (an event, a charge, an organisation ...) goes with everything that hangs off
  it: participations, involvements, charges, memberships, statements, demands, evidence spans and
  their selectors, link decisions;
- a person marked so inside a public appeal stays as a pseudonym: a new IRI and a label
  ``Person A-xxxx`` made with a keyed hash (the key is ``pseudonym.key`` in the data folder, so
  the pseudonym is stable across builds and cannot be computed from the real IRI without it);
  the roles the pseudonym plays stay, the person's names, evidence, posts, memberships and links
  do not;
- a literal that contains the name of someone withheld is dropped (an evidence span whose quote
  does goes as a whole), unless public data states that name itself;
- the context (``oa:prefix`` / ``oa:suffix``) of a public quote is cut where a withheld quote
  begins or ends, and a quote that overlaps a withheld one goes;
- the derived shortcuts are not copied: the build computes them again inside the public store,
  from public facts only.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import FOAF
from rdflib.term import Node

from kg.errors import DataError
from kg.files import write_atomic
from kg.vocab import ACCESS, AKG, AKR, DERIVED_GRAPH, LINKS_GRAPH, OA, ORG, bind_prefixes

KEY_FILE = "pseudonym.key"
PUBLIC = ACCESS.public

# Nodes that exist only to say something about other nodes: they go when they touch a withheld one.
DEPENDENT_CLASSES = {
    AKG.Participation,
    AKG.Involvement,
    AKG.Charge,
    AKG.Statement,
    AKG.Demand,
    AKG.RightClaim,
    AKG.EvidenceSpan,
    AKG.LinkDecision,
    ORG.Membership,
    OA.TextQuoteSelector,
    OA.TextPositionSelector,
}
# The roles a pseudonymous person may keep: who took part, was charged, is concerned.
PSEUDONYM_KEEPS = {
    AKG.participant,
    AKG.agent,
    AKG.chargedPerson,
    AKG.concerns,
    AKG.rightHolder,
    AKG.author,
    AKG.about,
    AKG.addressedTo,
}
NAME_PREDICATES = (RDFS.label, FOAF.name, SKOS.altLabel)
CONTEXT_PREDICATES = (OA.prefix, OA.suffix)
MIN_NAME = 3  # shorter names would match inside ordinary words


def pseudonym_key(data_dir: Path | str, *, create: bool = True) -> bytes:
    """The secret behind the pseudonyms, ``<data>/pseudonym.key``; made once when missing."""
    path = Path(data_dir) / KEY_FILE
    if path.exists():
        try:
            text = path.read_text(encoding="ascii", errors="replace").strip()
        except OSError as e:
            raise DataError(f"{path}: cannot read the pseudonym key ({e.strerror or e})") from None
        if not re.fullmatch(r"[0-9a-f]{32,}", text):
            raise DataError(f"{path}: not a pseudonym key (hex digits expected)")
        return bytes.fromhex(text[: len(text) // 2 * 2])
    if not create:
        raise DataError(f"{path}: no pseudonym key; run 'kg build' once")
    key = secrets.token_hex(32)
    write_atomic(path, (key + "\n").encode("ascii"))
    return bytes.fromhex(key)


def pseudonym(node: URIRef, key: bytes) -> tuple[URIRef, str]:
    """The pseudonymous IRI and label of a withheld person (a keyed hash of the real IRI)."""
    digest = hmac.new(key, str(node).encode("utf-8"), hashlib.sha256).hexdigest()
    return AKR[f"person/x-{digest[:16]}"], f"Person A-{digest[16:20].upper()}"


def is_pseudonym(node: object) -> bool:
    """True for the IRI of a pseudonymous person."""
    return str(node).startswith(str(AKR["person/x-"]))


def withheld_nodes(union: Graph) -> set[URIRef]:
    """Every node whose own access level is not public."""
    return {
        s
        for s, level in union.subject_objects(AKG.accessLevel)
        if level != PUBLIC and isinstance(s, URIRef)
    }


Triple = tuple[Node, Node, Node]
Quad = tuple[Node, Node, Node, Node]


class _Index:
    """The dataset's triples per graph, and the lookups the filter needs, as plain dicts (an
    rdflib Graph copy of a large dataset costs more than the whole filter)."""

    def __init__(self, ds: Dataset) -> None:
        self.graphs: dict[Node, list[Triple]] = {}
        self.types: dict[Node, set[Node]] = defaultdict(set)
        self.levels: dict[Node, set[Node]] = defaultdict(set)
        self.names: dict[Node, list[str]] = defaultdict(list)
        self.values: dict[tuple[Node, Node], Node] = {}
        for ctx in ds.graphs():
            triples = list(ctx.triples((None, None, None)))
            if not triples:
                continue
            self.graphs.setdefault(ctx.identifier, []).extend(triples)
            for s, p, o in triples:
                if p == RDF.type:
                    self.types[s].add(o)
                elif p == OA.hasSource:
                    # Spans carry no type: what has a source is one.
                    self.types[s].add(AKG.EvidenceSpan)
                elif p == AKG.participation:
                    # Nor do participations: what an event's akg:participation points to is one.
                    self.types[o].add(AKG.Participation)
                elif p == AKG.agent:
                    # Nor involvements (what has an akg:agent is one), demands (akg:madeIn)
                    # and right claims (akg:right).
                    self.types[s].add(AKG.Involvement)
                elif p == AKG.madeIn:
                    self.types[s].add(AKG.Demand)
                elif p == AKG.right:
                    self.types[s].add(AKG.RightClaim)
                elif p == ORG.member:
                    # Nor memberships: what has an org:member is one.
                    self.types[s].add(ORG.Membership)
                elif p == AKG.accessLevel:
                    self.levels[s].add(o)
                elif p in NAME_PREDICATES:
                    self.names[s].append(str(o))
                elif p in SPAN_PREDICATES:
                    self.values[(s, p)] = o

    def value(self, s: Node, p: Node) -> Node | None:
        return self.values.get((s, p))


SPAN_PREDICATES = {OA.hasSource, OA.start, OA.end, OA.prefix, OA.suffix, OA.exact}


def public_dataset(ds: Dataset, key: bytes | None = None) -> Dataset:
    """A copy of ``ds`` with only public facts (see the module docstring).

    Without ``key``, persons withheld inside public appeals are left out instead of being
    pseudonymised.
    """
    out = bind_prefixes(Dataset())
    for s, p, o, g in public_quads(ds, key):
        out.graph(g).add((s, p, o))
    return out


def public_quads(ds: Dataset, key: bytes | None = None) -> list[Quad]:
    """The quads of :func:`public_dataset`, for loading straight into a store."""
    ix = _Index(ds)
    marked = {n for n, levels in ix.levels.items() if isinstance(n, URIRef) and levels - {PUBLIC}}
    containers = {AKG.Appeal, AKG.Case}
    dropped = {DERIVED_GRAPH} | {
        g
        for g, triples in ix.graphs.items()
        if any(s in marked and p == RDF.type and o in containers for s, p, o in triples)
    }
    kept = {g: t for g, t in ix.graphs.items() if g not in dropped}
    # What only a dropped graph states goes with it (a link decision states nothing of its own).
    stated = {
        s
        for g, triples in kept.items()
        if g != LINKS_GRAPH
        for s, _, _ in triples
        if isinstance(s, URIRef)
    }
    only_dropped = {
        s
        for g, triples in ix.graphs.items()
        if g in dropped
        for s, _, _ in triples
        if isinstance(s, URIRef) and s not in stated
    }
    out_edges: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)
    in_edges: dict[Node, list[Node]] = defaultdict(list)
    for triples in kept.values():
        for s, p, o in triples:
            out_edges[s].append((p, o))
            if not isinstance(o, Literal):
                in_edges[o].append(s)
    persons = {n for n, types in ix.types.items() if AKG.Person in types}
    pseudo = (marked & persons & stated) if key is not None else set()
    hard = (marked - pseudo) | only_dropped
    hard |= _dependents(ix, out_edges, in_edges, hard, pseudo)
    # Names to scrub: withheld persons', and those of whatever is itself marked restricted
    # (not of every organisation or place a restricted appeal happens to name).
    named = {n for n in hard | pseudo if n in persons} | {
        n for n in marked if not ix.types.get(n, set()) & containers
    }
    public_names = {
        name
        for n, names in ix.names.items()
        if n in stated and n not in hard and n not in pseudo
        for name in names
    }
    names = {
        name.strip()
        for n in named
        if not any(p == AKG.unnamed for p, _ in out_edges.get(n, ()))
        for name in ix.names.get(n, ())
        if len(name.strip()) >= MIN_NAME
    } - public_names
    pattern = _names_pattern(names)
    if pattern is not None:
        for (selector, p), quote in ix.values.items():
            if p == OA.exact and pattern.search(str(quote)):
                span = URIRef(str(selector).split("#", 1)[0])
                if span not in hard:
                    hard.add(span)
    cuts = _context_cuts(ix, stated, hard)
    aliases = {n: pseudonym(n, key) for n in pseudo} if key is not None else {}

    quads: list[Quad] = []
    for g, triples in kept.items():
        typed: set[Node] = set()
        reported: list[tuple[Node, Node]] = []
        for s, p, o in triples:
            if s in aliases:
                if p == RDF.type:
                    typed.add(s)
                elif p == AKG.reportedIn and o not in hard:
                    reported.append((s, o))
                elif p == AKG.evidence:
                    # The pseudonym loses the evidence but keeps the appeal that reports it.
                    source = ix.value(o, OA.hasSource)
                    if source is not None and source not in hard:
                        reported.append((s, source))
                continue
            if s in hard or o in hard or _selector_of(s, hard):
                continue
            if o in aliases:
                if p not in PSEUDONYM_KEEPS:
                    continue
                o = aliases[o][0]
            if isinstance(o, Literal) and pattern is not None and pattern.search(str(o)):
                continue
            if (s, p) in cuts:
                o = cuts[(s, p)]
                if not str(o):
                    continue
            quads.append((s, p, o, g))
        for node in typed:
            alias, label = aliases[node]
            quads.append((alias, RDF.type, AKG.Person, g))
            quads.append((alias, RDFS.label, Literal(label), g))
        quads.extend(
            (aliases[node][0], AKG.reportedIn, a, g) for node, a in dict.fromkeys(reported)
        )
    return quads


def _selector_of(s: Node, withheld: set[URIRef]) -> bool:
    text = str(s)
    return "#" in text and URIRef(text.split("#", 1)[0]) in withheld


def _dependents(
    ix: _Index,
    out_edges: dict[Node, list[tuple[Node, Node]]],
    in_edges: dict[Node, list[Node]],
    hard: set[URIRef],
    pseudo: set[URIRef],
) -> set[URIRef]:
    """Dependent nodes that touch a withheld node, until nothing more goes."""
    dependent = {
        n for n, types in ix.types.items() if types & DEPENDENT_CLASSES and isinstance(n, URIRef)
    }
    gone: set[URIRef] = set()

    def touches(node: URIRef) -> bool:
        for p, o in out_edges.get(node, ()):
            if o in hard or o in gone or (o in pseudo and p not in PSEUDONYM_KEEPS):
                return True
        for s in in_edges.get(node, ()):
            if s in hard or s in gone or s in pseudo:
                return True
        return _selector_of(node, hard) or _selector_of(node, gone)

    todo = set(dependent)
    while todo:
        newly = {node for node in todo if touches(node)}
        if not newly:
            break
        gone |= newly
        todo -= newly
        # Only neighbours of what just went can go next.
        near: set[Node] = set()
        for node in newly:
            near.update(o for _, o in out_edges.get(node, ()))
            near.update(in_edges.get(node, ()))
            near.update(URIRef(f"{node}#{part}") for part in ("quote", "position"))
        todo &= near  # type: ignore[operator]
    return gone


def _names_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    names = sorted(set(names), key=len, reverse=True)
    if not names:
        return None
    alternatives = "|".join(r"\s+".join(map(re.escape, n.split())) for n in names)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _selector_value(ix: _Index, span: Node, pred: Node) -> Node | None:
    """An offset of a span: on the span itself, or on a selector of the earlier layouts (one
    selector per span, or a position and a quote selector)."""
    value = ix.value(span, pred)
    if value is not None:
        return value
    for part in ("selector", "position"):
        value = ix.value(URIRef(f"{span}#{part}"), pred)
        if value is not None:
            return value
    return None


def _context_cuts(
    ix: _Index, stated: set[URIRef], withheld: set[URIRef]
) -> dict[tuple[Node, Node], Literal]:
    """New prefix/suffix values of public quotes whose context reaches a withheld quote.

    A public quote that overlaps a withheld one is added to ``withheld`` (it goes as a whole).
    """
    spans_by_source: dict[Node, list[tuple[URIRef, int, int]]] = defaultdict(list)
    for span, types in ix.types.items():
        if AKG.EvidenceSpan not in types or not isinstance(span, URIRef):
            continue
        source = ix.value(span, OA.hasSource)
        start = _selector_value(ix, span, OA.start)
        end = _selector_value(ix, span, OA.end)
        if source is None or start is None or end is None:
            continue
        spans_by_source[source].append((span, int(start), int(end)))
    cuts: dict[tuple[Node, Node], Literal] = {}
    for spans in spans_by_source.values():
        secret = [(a, b) for span, a, b in spans if span in withheld]
        if not secret:
            continue
        for span, start, end in spans:
            if span in withheld or span not in stated:
                continue
            if any(a < end and start < b for a, b in secret):
                withheld.add(span)
                continue
            # Builds store no quote context; data that carries one, on the span or on a quote
            # selector of an earlier layout, has it cut here.
            selector = span if ix.value(span, OA.exact) is not None else URIRef(f"{span}#quote")
            prefix = ix.value(selector, OA.prefix)
            if prefix is not None:
                begin = start - len(str(prefix))
                cut = max((b for a, b in secret if b > begin and a < start), default=None)
                if cut is not None:
                    cuts[(selector, OA.prefix)] = Literal(str(prefix)[cut - begin :])
            suffix = ix.value(selector, OA.suffix)
            if suffix is not None:
                stop = end + len(str(suffix))
                cut = min((a for a, b in secret if a < stop and b > end), default=None)
                if cut is not None:
                    cuts[(selector, OA.suffix)] = Literal(str(suffix)[: cut - end])
    return cuts
