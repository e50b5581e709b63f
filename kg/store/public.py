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
        text = path.read_text(encoding="ascii", errors="replace").strip()
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


def _withheld_graphs(ds: Dataset, marked: set[URIRef]) -> set[Node]:
    """Named graphs of a withheld appeal or case."""
    out = set()
    for ctx in ds.graphs():
        for node in marked:
            if (node, RDF.type, AKG.Appeal) in ctx or (node, RDF.type, AKG.Case) in ctx:
                out.add(ctx.identifier)
                break
    return out


def public_dataset(ds: Dataset, key: bytes | None = None) -> Dataset:
    """A copy of ``ds`` with only public facts (see the module docstring).

    Without ``key``, persons withheld inside public appeals are left out instead of being
    pseudonymised.
    """
    union = Graph()
    for ctx in ds.graphs():
        union += ctx
    marked = withheld_nodes(union)
    dropped = _withheld_graphs(ds, marked) | {DERIVED_GRAPH}
    kept = [ctx for ctx in ds.graphs() if ctx.identifier not in dropped]
    kept_union = Graph()
    for ctx in kept:
        kept_union += ctx
    # What only a dropped graph states goes with it (a link decision states nothing of its own).
    stated = {
        s
        for ctx in kept
        if ctx.identifier != LINKS_GRAPH
        for s in ctx.subjects(unique=True)
        if isinstance(s, URIRef)
    }
    only_dropped = {
        s
        for ctx in ds.graphs()
        if ctx.identifier in dropped and ctx.identifier != DERIVED_GRAPH
        for s in ctx.subjects(unique=True)
        if isinstance(s, URIRef) and s not in stated
    }
    persons = set(kept_union.subjects(RDF.type, AKG.Person))
    pseudo = {n for n in marked & persons & stated} if key is not None else set()
    hard = (marked - pseudo) | only_dropped
    hard |= _dependents(kept_union, hard, pseudo)
    names = _withheld_names(union, hard | pseudo, kept_union)
    pattern = _names_pattern(names)
    hard |= _spans_naming(kept_union, pattern, hard)
    context_cuts = _context_cuts(union, kept_union, hard)
    aliases = {n: pseudonym(n, key) for n in pseudo} if key is not None else {}

    out = bind_prefixes(Dataset())
    for ctx in kept:
        target = out.graph(ctx.identifier)
        for s, p, o in ctx:
            if s in hard or o in hard or _selector_of(s, hard):
                continue
            if s in aliases:
                continue
            if o in aliases:
                if p not in PSEUDONYM_KEEPS:
                    continue
                o = aliases[o][0]
            if isinstance(o, Literal) and pattern is not None and pattern.search(str(o)):
                continue
            if p in CONTEXT_PREDICATES and (s, p) in context_cuts:
                o = context_cuts[(s, p)]
                if not str(o):
                    continue
            target.add((s, p, o))
        for node, (alias, label) in aliases.items():
            if (node, RDF.type, AKG.Person) in ctx:
                target.add((alias, RDF.type, AKG.Person))
                target.add((alias, RDFS.label, Literal(label)))
                for appeal in ctx.objects(node, AKG.reportedIn):
                    if appeal not in hard:
                        target.add((alias, AKG.reportedIn, appeal))
    return out


def _selector_of(s: Node, withheld: set[URIRef]) -> bool:
    text = str(s)
    return "#" in text and URIRef(text.split("#", 1)[0]) in withheld


def _dependents(g: Graph, hard: set[URIRef], pseudo: set[URIRef]) -> set[URIRef]:
    """Dependent nodes that touch a withheld node, until nothing more goes."""
    dependent = {
        s for c in DEPENDENT_CLASSES for s in g.subjects(RDF.type, c) if isinstance(s, URIRef)
    }
    # Selectors are dependent through their span (``<span>#quote``).
    gone: set[URIRef] = set()
    changed = True
    while changed:
        changed = False
        for node in dependent - gone:
            if _touches(g, node, hard | gone, pseudo):
                gone.add(node)
                changed = True
    return gone


def _touches(g: Graph, node: URIRef, gone: set[URIRef], pseudo: set[URIRef]) -> bool:
    for p, o in g.predicate_objects(node):
        if o in gone or (o in pseudo and p not in PSEUDONYM_KEEPS):
            return True
    for s in g.subjects(None, node):
        if s in gone or s in pseudo:
            return True
    return _selector_of(node, gone)


def _withheld_names(union: Graph, withheld: set[URIRef], kept_union: Graph) -> set[str]:
    """Names of withheld nodes that public data does not state for a public node itself."""
    names: set[str] = set()
    for node in withheld:
        for pred in NAME_PREDICATES:
            names.update(str(v) for v in union.objects(node, pred))
    public_names = {
        str(v)
        for pred in NAME_PREDICATES
        for s, v in kept_union.subject_objects(pred)
        if s not in withheld
    }
    return {n.strip() for n in names if len(n.strip()) >= MIN_NAME} - public_names


def _names_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    names = sorted(set(names), key=len, reverse=True)
    if not names:
        return None
    alternatives = "|".join(r"\s+".join(map(re.escape, n.split())) for n in names)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _spans_naming(g: Graph, pattern: re.Pattern[str] | None, hard: set[URIRef]) -> set[URIRef]:
    """Evidence spans whose quote names someone withheld."""
    if pattern is None:
        return set()
    out = set()
    for selector, quote in g.subject_objects(OA.exact):
        if pattern.search(str(quote)):
            out.add(URIRef(str(selector).split("#", 1)[0]))
    return out - hard


def _context_cuts(
    union: Graph, kept_union: Graph, withheld: set[URIRef]
) -> dict[tuple[Node, URIRef], Literal]:
    """New prefix/suffix values of public quotes whose context reaches a withheld quote.

    A public quote that overlaps a withheld one is added to ``withheld`` (it goes as a whole).
    """
    spans_by_source: dict[Node, list[tuple[URIRef, int, int]]] = defaultdict(list)
    for span in set(union.subjects(RDF.type, AKG.EvidenceSpan)):
        source = union.value(span, OA.hasSource)
        start = union.value(URIRef(f"{span}#position"), OA.start)
        end = union.value(URIRef(f"{span}#position"), OA.end)
        if source is None or start is None or end is None:
            continue
        spans_by_source[source].append((span, int(start), int(end)))
    cuts: dict[tuple[Node, URIRef], Literal] = {}
    for spans in spans_by_source.values():
        secret = [(a, b) for span, a, b in spans if span in withheld]
        if not secret:
            continue
        for span, start, end in spans:
            if span in withheld or (span, RDF.type, AKG.EvidenceSpan) not in kept_union:
                continue
            if any(a < end and start < b for a, b in secret):
                withheld.add(span)
                continue
            selector = URIRef(f"{span}#quote")
            prefix = kept_union.value(selector, OA.prefix)
            if prefix is not None:
                begin = start - len(str(prefix))
                cut = max((b for a, b in secret if b > begin and a < start), default=None)
                if cut is not None:
                    cuts[(selector, OA.prefix)] = Literal(str(prefix)[cut - begin :])
            suffix = kept_union.value(selector, OA.suffix)
            if suffix is not None:
                stop = end + len(str(suffix))
                cut = min((a for a, b in secret if a < stop and b > end), default=None)
                if cut is not None:
                    cuts[(selector, OA.suffix)] = Literal(str(suffix)[: cut - end])
    return cuts
