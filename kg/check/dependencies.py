"""Which focus nodes a change to the data can reach, worked out from the shapes.

A constraint judges a focus node by reading triples around it: the triples of its path, the type
of a value (``sh:class``), the values' own triples (``sh:node``, logical shapes, nested
properties), the triple patterns of a SPARQL constraint joined to ``$this``. Each such read is a
:class:`Read`: a chain of steps from the focus node (predicate, and whether it is walked
backwards) to the node where the read happens, and the predicate read there (forwards: triples
with that node as subject; backwards: as object). A target is a read too (``sh:targetClass``
reads ``rdf:type`` at the focus node).

A triple that was added or removed, ``(s, p, o)``, can change the verdict of focus node ``f``
only if some read of a shape ends at ``s`` reading ``p`` forwards or at ``o`` reading ``p``
backwards, with ``f`` at the start of the read's chain. :func:`reached` finds those nodes: for
each chain, one query walks it back from the nodes the changed triples touch. A chain whose own
triples changed is found through the shorter read that ends at the changed triple, so walking the
current data is enough. Hub nodes (a country, a court) are passed through only where a shape
reads backwards at them, so a change beside a hub does not reach everything that points at it.

What this does not follow (paths with ``*``, ``+``, ``?``, negated property sets; ``GRAPH``,
``SERVICE``; triple patterns not joined to ``$this``) raises :class:`Untraceable`: the caller
checks that shape or constraint whole.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef, Variable
from rdflib.namespace import SH
from rdflib.paths import AlternativePath, InvPath, SequencePath
from rdflib.term import Node

from kg.store import Store

Step = tuple[URIRef | None, bool]  # (predicate, None for any; walked backwards)
Triple = tuple[Node, Node, Node]

MAX_CHAIN = 4  # steps from ``$this`` a SPARQL constraint's reads are followed
MAX_CHAINS = 64  # chains of one triple pattern (patterns with many cycles run whole)
BATCH = 1000  # nodes per VALUES block


class Untraceable(Exception):
    """A shape or constraint whose reads cannot be worked out (it is checked whole)."""


@dataclass(frozen=True)
class Read:
    """Triples with predicate ``predicate`` (None: any) read at the node ``chain`` leads to
    from a focus node; as subject, or as object when ``inverse``."""

    chain: tuple[Step, ...]
    predicate: URIRef | None
    inverse: bool


# --- SHACL Core ----------------------------------------------------------------------------


def _items(g: Graph, head: Node) -> list[Node]:
    return list(g.items(head))


def _path_chains(g: Graph, node: Node) -> list[tuple[Step, ...]]:
    """The step sequences a SHACL path walks (one per branch of an alternative)."""
    if isinstance(node, URIRef):
        return [((node, False),)]
    if (node, RDF.first, None) in g:
        out: list[tuple[Step, ...]] = [()]
        for part in _items(g, node):
            out = [a + b for a in out for b in _path_chains(g, part)]
        return out
    inner = g.value(node, SH.inversePath)
    if isinstance(inner, URIRef):
        return [((inner, True),)]
    alt = g.value(node, SH.alternativePath)
    if alt is not None:
        return [c for part in _items(g, alt) for c in _path_chains(g, part)]
    raise Untraceable(f"path {node} is not made of predicates, inverses, sequences, alternatives")


def _core_reads(
    g: Graph, shape: Node, chain: tuple[Step, ...], stack: tuple[Node, ...]
) -> set[Read]:
    if shape in stack:
        raise Untraceable(f"recursive shape {shape}")
    stack = (*stack, shape)
    out: set[Read] = set()
    path = g.value(shape, SH.path)
    if path is None:
        value_chains = [chain]
    else:
        value_chains = []
        for steps in _path_chains(g, path):
            for i, (pred, inverse) in enumerate(steps):
                out.add(Read(chain + steps[:i], pred, inverse))
            value_chains.append(chain + steps)
    for pred in (SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals):
        for other in g.objects(shape, pred):
            if isinstance(other, URIRef):
                out.add(Read(chain, other, False))
    nested: list[Node] = []
    for pred in (SH.node, SH.property, SH["not"], SH.qualifiedValueShape):
        nested.extend(g.objects(shape, pred))
    for pred in (SH["and"], SH["or"], SH.xone):
        for head in g.objects(shape, pred):
            nested.extend(_items(g, head))
    if g.value(shape, SH.qualifiedValueShapesDisjoint) == Literal(True):
        for parent in g.subjects(SH.property, shape):  # the siblings' shapes are read too
            for sibling in g.objects(parent, SH.property):
                nested.extend(g.objects(sibling, SH.qualifiedValueShape))
    for vc in value_chains:
        if any(True for _ in g.objects(shape, SH["class"])):
            out.add(Read(vc, RDF.type, False))
        if g.value(shape, SH.closed) == Literal(True):
            out.add(Read(vc, None, False))
        for other in nested:
            out |= _core_reads(g, other, vc, stack)
    return out


def target_reads(g: Graph, shape: Node) -> set[Read]:
    """What deciding that a node is a focus node of ``shape`` reads."""
    out: set[Read] = set()
    if any(True for _ in g.objects(shape, SH.targetClass)) or (shape, RDF.type, RDFS.Class) in g:
        out.add(Read((), RDF.type, False))
    for p in g.objects(shape, SH.targetSubjectsOf):
        out.add(Read((), p, False))  # type: ignore[arg-type]
    for p in g.objects(shape, SH.targetObjectsOf):
        out.add(Read((), p, True))  # type: ignore[arg-type]
    return out


def shape_reads(shapes: Graph, shape: Node) -> set[Read]:
    """Every read of a shape's SHACL Core constraints and targets, from its focus nodes."""
    return target_reads(shapes, shape) | _core_reads(shapes, shape, (), ())


# --- SHACL-SPARQL --------------------------------------------------------------------------


def _pattern_triples(algebra: Any) -> list[Triple]:
    """Every triple pattern of a parsed query, EXISTS and sub-selects included."""
    out: list[Triple] = []
    todo = [algebra]
    seen: set[int] = set()
    while todo:
        node = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, dict):  # rdflib's CompValue
            name = getattr(node, "name", "")
            if name in (
                "Graph",
                "GraphGraphPattern",
                "ServiceGraphPattern",
                "ServiceGraphPatternSub",
            ):
                raise Untraceable(f"a SPARQL constraint uses {name}")
            for key, value in node.items():
                if key == "triples":
                    for group in value:
                        group = list(group)
                        if len(group) % 3:
                            raise Untraceable("a triple pattern the parser left nested")
                        for i in range(0, len(group), 3):
                            out.append(tuple(group[i : i + 3]))  # type: ignore[arg-type]
                elif not key.startswith("_"):
                    todo.append(value)
        elif isinstance(node, list | tuple):
            todo.extend(node)
    return out


def _path_edges(
    s: Node, path: Any, o: Node, fresh: Callable[[], Variable]
) -> list[tuple[Node, URIRef | None, Node]]:
    """The edges a property path walks from ``s`` to ``o``: a predicate, its inverse (``^``),
    a sequence (``/``, through fresh variables) and an alternative (``|``, every branch: the
    reads of all branches are a superset of those of the one that matches)."""
    if isinstance(path, URIRef):
        return [(s, path, o)]
    if isinstance(path, InvPath):
        return _path_edges(o, path.arg, s, fresh)
    if isinstance(path, AlternativePath):
        return [e for branch in path.args for e in _path_edges(s, branch, o, fresh)]
    if isinstance(path, SequencePath):
        out: list[tuple[Node, URIRef | None, Node]] = []
        here: Node = s
        for i, step in enumerate(path.args):
            there: Node = o if i == len(path.args) - 1 else fresh()
            out.extend(_path_edges(here, step, there, fresh))
            here = there
        return out
    raise Untraceable(f"a SPARQL constraint uses the property path {path}")


def _edges(t: Triple, fresh: Callable[[], Variable]) -> list[tuple[Node, URIRef | None, Node]]:
    s, p, o = t
    for x in (s, o):
        if not isinstance(x, Variable | URIRef | Literal | BNode):
            raise Untraceable(f"a SPARQL constraint has a pattern term {x!r}")
    if isinstance(p, Variable | BNode):
        return [(s, None, o)]
    return _path_edges(s, p, o, fresh)


def _check_binds(algebra: Any, edges: list[tuple[Node, URIRef | None, Node]]) -> None:
    """A variable of the patterns that BIND (or a sub-select's AS) sets from other variables
    joins them without a triple pattern: not followed."""
    nodes = {n for s, _, o in edges for n in (s, o)}
    todo, seen = [algebra], set()
    while todo:
        node = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, dict):
            if getattr(node, "name", "") == "Extend" and node.get("var") in nodes:
                if not isinstance(node.get("expr"), URIRef | Literal):
                    raise Untraceable(f"a SPARQL constraint binds ?{node['var']} by BIND")
            todo.extend(v for k, v in node.items() if not k.startswith("_"))
        elif isinstance(node, list | tuple):
            todo.extend(node)


def query_reads(query: str) -> set[Read]:
    """The reads of a SHACL-SPARQL constraint (``?this`` for ``$this``): every chain of triple
    patterns from ``?this`` (up to :data:`MAX_CHAIN` steps) to each triple pattern."""
    from rdflib.plugins.sparql import prepareQuery

    try:
        algebra = prepareQuery(query).algebra
    except Exception as e:  # the parser's own exception types
        raise Untraceable(f"the SPARQL constraint does not parse here: {e}") from None
    made = iter(range(1_000_000))

    def fresh() -> Variable:
        return Variable(f"_step{next(made)}")  # not a SPARQL name: no clash with the query's

    edges = [e for t in _pattern_triples(algebra) for e in _edges(t, fresh)]
    _check_binds(algebra, edges)
    this = Variable("this")
    # Every simple chain from ?this to each node of the pattern graph, with the pattern it
    # ends with.
    chains: dict[Node, list[tuple[tuple[Step, ...], int]]] = defaultdict(list)
    chains[this].append(((), -1))
    todo: list[tuple[Node, tuple[Step, ...], frozenset[Node]]] = [(this, (), frozenset({this}))]
    while todo:
        at, chain, visited = todo.pop()
        if len(chain) >= MAX_CHAIN:
            continue
        for i, (s, p, o) in enumerate(edges):
            for here, there, inverse in ((s, o, False), (o, s, True)):
                if here != at or there in visited or isinstance(there, Literal):
                    continue
                step = (*chain, (p, inverse))
                chains[there].append((step, i))
                if len(chains[there]) > MAX_CHAINS:
                    raise Untraceable("a SPARQL constraint's patterns join in too many ways")
                todo.append((there, step, visited | {there}))
    # A pattern's triple is read at its subject or at its object, through a chain that does
    # not end with that pattern (the shortest way from ?this to either end is such a chain).
    out: set[Read] = set()
    for i, (s, p, o) in enumerate(edges):
        if s not in chains and o not in chains:
            raise Untraceable("a SPARQL constraint reads triples not joined to $this")
        for chain, last in chains.get(s, []):
            if last != i:
                out.add(Read(chain, p, False))
        for chain, last in chains.get(o, []):
            if last != i:
                out.add(Read(chain, p, True))
    return out


# --- from changed triples to focus nodes ---------------------------------------------------


def _term(node: Node) -> str:
    return node.n3() if isinstance(node, URIRef | Literal) else ""


def _walk_back(store: Store, chain: tuple[Step, ...], ends: set[Node]) -> dict[Node, set[Node]]:
    """End node -> the nodes from which ``chain`` leads to it, in the current data."""
    if not chain:
        return {n: {n} for n in ends}
    parts, prev = [], "?f"
    for i, (pred, inverse) in enumerate(chain):
        nxt = "?x" if i == len(chain) - 1 else f"?m{i}"
        p = f"<{pred}>" if pred is not None else f"?p{i}"
        parts.append(f"{nxt} {p} {prev} ." if inverse else f"{prev} {p} {nxt} .")
        prev = nxt
    out: dict[Node, set[Node]] = defaultdict(set)
    terms = sorted(t for t in (_term(n) for n in ends) if t)
    for i in range(0, len(terms), BATCH):
        values = " ".join(terms[i : i + BATCH])
        walk = " ".join(reversed(parts))
        _, rows = store.query(f"SELECT DISTINCT ?f ?x WHERE {{ VALUES ?x {{ {values} }} {walk} }}")
        for f, x in rows:
            out[x].add(f)
    return out


def reached(
    store: Store,
    reads: dict[Any, set[Read]],
    changed: Iterable[Triple],
    timings: list[dict[str, Any]] | None = None,
) -> dict[Any, set[Node]]:
    """For each key of ``reads`` (a shape, a constraint), the nodes whose verdict the
    ``changed`` triples (added or removed) may have changed. Blank nodes in the changed triples
    are the caller's to refuse (they cannot be written into a query). ``timings``, when given,
    gets one entry per chain walked: its steps, the nodes it started from and found, seconds."""
    subjects: dict[URIRef, set[Node]] = defaultdict(set)  # predicate -> subjects of changes
    objects: dict[URIRef, set[Node]] = defaultdict(set)
    for s, p, o in changed:
        subjects[p].add(s)  # type: ignore[index]
        objects[p].add(o)  # type: ignore[index]
    every_s = set().union(*subjects.values()) if subjects else set()
    every_o = set().union(*objects.values()) if objects else set()

    def ends(r: Read) -> set[Node]:
        if r.predicate is None:
            return every_o if r.inverse else every_s
        return (objects if r.inverse else subjects).get(r.predicate, set())

    wanted: dict[tuple[Step, ...], set[Node]] = defaultdict(set)
    for rs in reads.values():
        for r in rs:
            wanted[r.chain] |= ends(r)
    walked: dict[tuple[Step, ...], dict[Node, set[Node]]] = {}
    for chain, nodes in wanted.items():
        if not nodes:
            continue
        started = time.perf_counter()
        walked[chain] = _walk_back(store, chain, nodes)
        if timings is not None:
            timings.append(
                {
                    "step": "reach",
                    "chain": " / ".join(("^" if inv else "") + str(p) for p, inv in chain),
                    "from": len(nodes),
                    "found": len({f for fs in walked[chain].values() for f in fs}),
                    "seconds": round(time.perf_counter() - started, 4),
                }
            )
    out: dict[Any, set[Node]] = {}
    for key, rs in reads.items():
        found: set[Node] = set()
        for r in rs:
            back = walked.get(r.chain, {})
            for n in ends(r):
                found |= back.get(n, set())
        out[key] = found
    return out


__all__ = ["Read", "Untraceable", "query_reads", "reached", "shape_reads", "target_reads"]
