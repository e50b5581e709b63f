"""The derivation rules run again only around what a change touched.

A rule (``ontology/rules/*.rq``, a SPARQL CONSTRUCT over the union of the graphs) is *rooted*
when one variable of its pattern -- its root -- reaches every other variable through the
rule's triple patterns (a property path of plain steps counts one step a predicate), and any
grouping is by the root alone. What such a rule derives from one binding of its root then
depends only on the triples met by walking at most ``depth`` steps from that node along the
rule's predicates, each in the direction the rule walks it. So after a change that added and
removed the triples ``changed`` from the union of the graphs:

- the roots whose answer can differ are the nodes from which a changed triple's subject (or
  its object, for a predicate walked backward) is reached in fewer than ``depth`` steps (a
  path that the change cut starts at a changed triple, so it is among them);
- each such root's answer before and after is the rule run with the root bound
  (``substitutions``), over a small store holding the neighbourhood of those roots, read from
  the previous store and from the new one;
- a shortcut that a root no longer gives leaves the derived graph unless another root still
  gives it (the rule run with the shortcut's own terms bound), and the derived graph keeps
  leaving out what some graph states (:mod:`kg.store.partition`): a changed triple that a graph
  now states leaves it, one that no graph states any more comes back when a rule gives it.

Pattern edges between two variables are walked either way (a walk backward, from object to
subject, can fan out from a shared node, so the root chosen walks fewest edges backward).

GROUP_CONCAT joins values in the evaluation's order, so that a run with the root bound may join
them in another order than a full build: a GROUP_CONCAT whose value a shortcut's object takes
is joined again with its parts sorted wherever a rule's answer is written
(:func:`canonical_triples`, here and in the full build), and the rule stays rooted.

A rule whose whole pattern is one ``GRAPH ?g { … }`` (``?g`` nowhere in its template) is
*graph-local*: what it derives from a graph depends on that graph's triples alone, however the
nodes it meets recur in other graphs. After a change it runs again with ``?g`` bound to each
graph the change touched, in the previous store and in the new one; a shortcut one of them no
longer gives leaves unless the rule still gives it from another graph. So a rule that joins
what one appeal states about a person who recurs (his post and his part in a complaint) is
re-derived for the changed appeals only, where a rooted form of it walks from the person to
every appeal naming him.

A rule that is not rooted nor graph-local (GRAPH, SERVICE, LIMIT, a path other than plain steps or
alternatives of them, a grouping by anything but the root, or a GROUP_CONCAT whose value goes
anywhere but a shortcut's object) runs whole and its
shortcuts -- the predicates only it makes -- are replaced by its answer. When such a rule
shares a predicate with another, :func:`derive_changes` returns ``None`` and the caller runs
every rule again. ``tests/test_derive.py`` checks the analysis and the update against the
rules run over the whole store; ``tests/test_delta.py`` that an incremental build's stores
equal a full build's.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef, Variable
from rdflib.paths import AlternativePath, SequencePath
from rdflib.plugins.sparql.parserutils import CompValue

from kg.errors import DataError

_NOWHERE = ox.NamedNode("urn:x-appeals-kg:nowhere")
# Algebra nodes whose meaning does not depend on more than the solutions they are given; any
# other node (GRAPH, SERVICE, LIMIT/OFFSET) makes a rule run whole.
_UNSAFE = {"Graph", "ServiceGraphPattern", "Slice"}
# GROUP_CONCAT's order is the evaluation's: run with a root bound, over another store, it may
# join the same values in another order. A GROUP_CONCAT whose value a shortcut's object takes
# is made canonical (its parts sorted, :func:`canonical_triples`) wherever a rule's answer is
# written, so the order no longer matters; any other GROUP_CONCAT makes the rule run whole.
_CONCAT = "Aggregate_GroupConcat"


Steps = frozenset[str] | None  # the predicates one step may take; None: any (a variable)


@dataclass
class GraphAnswers:
    """What a rebuild knows of the graph-local rules' answers (:func:`derive_changes`)."""

    rules: frozenset[str]  # the graph-local rules (file names) these answers are of
    # graph -> every triple those rules give in the graph as it is now (the triples it was
    # written with: kg.store.localrules)
    now: dict[str, set[ox.Triple]]
    # rule -> its answers in the graphs ``asked`` before the change (asked of the store
    # while the workers wrote the graphs)
    before: dict[str, set[ox.Triple]] | None = None
    asked: frozenset[str] = frozenset()


@dataclass(frozen=True)
class RuleShape:
    """What :func:`rule_shape` finds in a rule."""

    name: str
    text: str
    roots: tuple[str, ...]  # the root variables, one a UNION branch; none: the rule runs whole
    depth: int = 0  # steps from a root to the farthest triple the rule reads
    forward: Steps = frozenset()  # predicates walked from subject to object
    backward: Steps = frozenset()  # predicates walked from object to subject
    template: tuple[tuple[object, object, object], ...] = ()
    subject_is_root: bool = False  # every shortcut's subject is its root: no other root gives it
    why: str = ""  # why a rule runs whole
    made: frozenset[str] | None = None  # the predicates its shortcuts can have; None: unknown
    # (predicate, separator) of each shortcut whose object is a GROUP_CONCAT's value, joined
    # again with its parts sorted wherever the rule's answer is written
    concat: tuple[tuple[str, str], ...] = ()
    graph: str = ""  # a graph-local rule's graph variable: run again per changed graph
    # Per UNION branch, the steps its root must be able to take (predicates, forward) for the
    # branch to give anything: a node that can take every step of no branch is no root.
    needs: tuple[tuple[tuple[frozenset[str], bool], ...], ...] = ()
    grouped: bool = False  # its answer for a root is an aggregate over all the root reaches


def _steps(path: object) -> list[frozenset[str] | None] | None:
    """A predicate or property path as steps (each a set of predicates, None for a variable);
    None when the path is anything but plain steps and alternatives of IRIs."""
    if isinstance(path, Variable):
        return [None]
    if isinstance(path, URIRef):
        return [frozenset({str(path)})]
    if isinstance(path, SequencePath):
        out: list[frozenset[str] | None] = []
        for part in path.args:
            sub = _steps(part)
            if sub is None:
                return None
            out += sub
        return out
    if isinstance(path, AlternativePath):
        # Alternatives of plain steps (``akg:reportedIn|akg:evidence/oa:hasSource``): as many
        # steps as the longest, each the union of the alternatives' predicates at that step.
        # Only the union of a rule's predicates and its depth are used, so this reads at
        # least every triple an alternative does.
        subs = [_steps(a) for a in path.args]
        if any(sub is None for sub in subs):
            return None
        steps: list[frozenset[str] | None] = []
        for i in range(max(len(sub) for sub in subs)):  # type: ignore[arg-type]
            at = [sub[i] for sub in subs if i < len(sub)]  # type: ignore[arg-type]
            steps.append(None if any(a is None for a in at) else frozenset().union(*at))  # type: ignore[arg-type]
        return steps
    return None


def _walk(node: object, patterns: list, groups: list, unsafe: list) -> None:
    if isinstance(node, CompValue):
        if node.name in _UNSAFE:
            unsafe.append(node.name)
        if node.name == "Group":
            groups.append(node.get("expr"))
        triples = node.get("triples") if "triples" in node else None
        if triples:
            patterns.extend(tuple(t) for t in triples)
        for key, value in node.items():
            if key != "triples":
                _walk(value, patterns, groups, unsafe)
    elif isinstance(node, (list, tuple)):
        for value in node:
            _walk(value, patterns, groups, unsafe)


def _branches(node: CompValue) -> list[CompValue]:
    """The rule's pattern split at its outermost UNIONs (each branch may have its own root)."""
    if node.name == "Project" and "p" in node:
        return _branches(node["p"])
    if node.name == "Union":
        return [*_branches(node["p1"]), *_branches(node["p2"])]
    return [node]


Edge = tuple[str, str, int, list[Steps]]  # from, to, steps, the steps' predicates in order


def _union_steps(steps: Iterable[Steps]) -> Steps:
    out: set[str] = set()
    for step in steps:
        if step is None:
            return None
        out |= step
    return frozenset(out)


def _branch_root(node: CompValue, prefer: list[str]) -> tuple[str, int, Steps, Steps, set, str]:
    """(root, depth, forward and backward predicates, variables, why not) of one branch.

    A pattern between two variables is an edge walked either way; a pattern from a variable to
    a constant is read from the variable (forward), one from a constant to a variable from the
    variable (backward). The root is a variable from which every pattern is reached, the one
    walking fewest edges backward (a backward step can fan out from a shared node)."""
    patterns: list[tuple] = []
    groups: list = []
    unsafe: list[str] = []
    _walk(node, patterns, groups, unsafe)
    fail = ("", 0, frozenset(), frozenset(), set())
    if unsafe:
        return *fail, f"uses {', '.join(sorted(set(unsafe)))}"
    if not patterns:
        return *fail, "no triple pattern"
    edges: list[Edge] = []
    reads: list[tuple[str, int, Steps, bool]] = []  # variable, steps, predicates, forward
    variables: set[str] = set()
    for s, p, o in patterns:
        steps = _steps(p)
        if steps is None:
            return *fail, f"property path {p}"
        sv, ov = isinstance(s, Variable), isinstance(o, Variable)
        variables |= {str(t) for t in (s, o, p) if isinstance(t, Variable)}
        if sv and ov:
            edges.append((str(s), str(o), len(steps), steps))
        elif sv:
            reads.append((str(s), len(steps), _union_steps(steps), True))
        elif ov:
            reads.append((str(o), len(steps), _union_steps(steps), False))
        else:
            return *fail, f"a pattern with no variable ({s} {p} {o})"
    ends = {e[0] for e in edges} | {e[1] for e in edges} | {r[0] for r in reads}
    best = None
    for candidate in [*prefer, *sorted(ends - set(prefer))]:
        if candidate not in ends:
            continue
        walked = _walks(candidate, edges)
        if walked is None or not ends <= walked[0].keys():
            continue
        dist, fwd, bwd, backward_edges = walked
        if best is None or backward_edges < best[-1]:
            best = (candidate, dist, fwd, bwd, backward_edges)
        if backward_edges == 0:
            break
    if best is None:
        return *fail, "no variable reaches every pattern"
    root, dist, fwd, bwd, _ = best
    for expr in groups:
        if not expr or [str(v) for v in expr] != [root]:
            return *fail, f"groups by something other than ?{root}"
    depth = max([dist[v] + n for v, n, _, _ in reads] + list(dist.values()))
    forward = _union_steps([fwd, *(r[2] for r in reads if r[3])])
    backward = _union_steps([bwd, *(r[2] for r in reads if not r[3])])
    return root, depth, forward, backward, variables, ""


def _walks(root: str, edges: list[Edge]) -> tuple[dict[str, int], Steps, Steps, int] | None:
    """Every simple walk from ``root`` along the edges, either way: the most steps any walk
    takes to each variable, the predicates walked forward and backward, and how many edges
    some walk takes backward."""
    dist = {root: 0}
    fwd: list[Steps] = []
    bwd: list[Steps] = []
    backward_edges: set[int] = set()
    stack = [(root, 0, frozenset({root}))]
    while stack:
        node, d, seen = stack.pop()
        for i, (a, b, n, steps) in enumerate(edges):
            for here, there, forward in ((a, b, True), (b, a, False)):
                if here != node or there in seen:
                    continue
                dist[there] = max(dist.get(there, 0), d + n)
                (fwd if forward else bwd).extend(steps)
                if not forward:
                    backward_edges.add(i)
                stack.append((there, d + n, seen | {there}))
    return dist, _union_steps(fwd), _union_steps(bwd), len(backward_edges)


@functools.lru_cache(maxsize=64)
def rule_shape(name: str, text: str) -> RuleShape:
    """Analyse a CONSTRUCT rule: its roots, depth and predicates, or why it runs whole.
    Remembered by name and text (a :class:`RuleShape` is frozen): a full build asks for each
    rule's shape twice (the analysis kept for rebuilds, then the rules' run), and rdflib's
    parse of a rule costs more than Oxigraph's answer to a small one."""
    from rdflib.plugins.sparql import prepareQuery

    try:
        query = prepareQuery(text)
    except Exception as e:  # a rule file is project code: say which one and why
        raise DataError(f"rule {name}: {e}") from None
    algebra = query.algebra
    template = tuple(tuple(t) for t in (algebra.get("template") or ()))
    made = _made(algebra, template)
    concat, unsure = _concats(algebra, template)
    whole = RuleShape(name, text, (), template=template, made=made, concat=concat)  # type: ignore[arg-type]
    if algebra.name != "ConstructQuery":
        return _why(whole, "not a CONSTRUCT")
    if unsure:
        return _why(whole, f"uses {_CONCAT} whose value is not a shortcut's object")
    graph = _graph_local(algebra["p"], template)
    if graph:
        return RuleShape(
            name, text, (), template=template, made=made, concat=concat, graph=graph
        )  # fmt: skip
    # Prefer the template's subject as the root: then no other root gives its shortcuts.
    prefer = [str(t[0]) for t in template if isinstance(t[0], Variable)]
    roots: list[str] = []
    depth = 0
    forward: list[Steps] = []
    backward: list[Steps] = []
    seen_in: list[tuple[str, set[str]]] = []  # each branch's root and variables
    needs: list[tuple[tuple[frozenset[str], bool], ...]] = []
    for branch in _branches(algebra["p"]):
        root, d, fwd, bwd, variables, why = _branch_root(branch, prefer)
        if why:
            return _why(whole, why)
        needs.append(_root_needs(branch, root))
        if root not in roots:
            roots.append(root)
        depth = max(depth, d)
        forward.append(fwd)
        backward.append(bwd)
        seen_in.append((root, variables))
    for root, _ in seen_in:  # another root is bound to nowhere: it must not occur here
        for other, variables in seen_in:
            if other != root and root in variables:
                return _why(whole, f"?{root} is a root in one branch and not in another")
    groups: list[CompValue] = []
    _find(algebra["p"], "Group", groups.append)
    subject_is_root = len(roots) == 1 and all(
        isinstance(t[0], Variable) and str(t[0]) == roots[0] for t in template
    )
    return RuleShape(
        name,
        text,
        tuple(roots),
        depth,
        _union_steps(forward),
        _union_steps(backward),
        template,  # type: ignore[arg-type]
        subject_is_root,
        made=made,
        concat=concat,
        needs=tuple(needs),
        grouped=bool(groups),
    )


# Algebra nodes whose solutions are each a solution of their first (or only) pattern joined
# with more: a triple pattern met through these alone must match for the branch to give an
# answer. Any other node (UNION, OPTIONAL's right side, MINUS's, FILTER's expressions, a
# subquery not projecting the root) adds no need.
_NEEDED_IN = {
    "BGP": (),
    "Join": ("p1", "p2"),
    "Filter": ("p",),
    "Extend": ("p",),
    "Distinct": ("p",),
    "Reduced": ("p",),
    "Group": ("p",),
    "AggregateJoin": ("p",),
    "ToMultiSet": ("p",),
    "OrderBy": ("p",),
    "LeftJoin": ("p1",),
    "Minus": ("p1",),
}


def _root_needs(node: object, root: str) -> tuple[tuple[frozenset[str], bool], ...]:
    """The steps ``root`` must take in every solution of ``node``: (predicates, forward) of
    each triple pattern joined at the top of the pattern with the root at one end and an IRI
    (or plain steps) between. Asking a node for them is cheap; walking from a node that
    lacks them (an organisation for a rule over involvements) can reach every appeal."""
    out: list[tuple[frozenset[str], bool]] = []
    stack = [node]
    while stack:
        n = stack.pop()
        if not isinstance(n, CompValue):
            continue
        if n.name == "Project":
            if root in {str(v) for v in n.get("PV") or ()}:
                stack.append(n["p"])
            continue
        if n.name not in _NEEDED_IN:
            continue
        if n.name == "BGP":
            for s, p, o in n.get("triples") or ():
                steps = _steps(p)
                if not steps or (s == o):
                    continue
                if isinstance(s, Variable) and str(s) == root and steps[0] is not None:
                    out.append((steps[0], True))
                elif isinstance(o, Variable) and str(o) == root and isinstance(p, URIRef):
                    out.append((frozenset({str(p)}), False))
        stack.extend(n[k] for k in _NEEDED_IN[n.name] if k in n)
    return tuple(sorted(set(out), key=lambda x: (sorted(x[0]), x[1])))


def _graph_local(node: CompValue, template: tuple) -> str:
    """The graph variable of a pattern that is one ``GRAPH ?g { … }`` with nothing unsafe
    inside and ``?g`` not in the template; "" for any other pattern."""
    while node.name == "Project" and "p" in node:
        node = node["p"]
    term = node.get("term") if node.name == "Graph" else None
    if not isinstance(term, Variable) or any(term in t for t in template):
        return ""
    unsafe: list[str] = []
    _walk(node["p"], [], [], unsafe)
    return "" if unsafe else str(term)


def _why(shape: RuleShape, why: str) -> RuleShape:
    return RuleShape(
        shape.name, shape.text, (), template=shape.template, why=why, made=shape.made,
        concat=shape.concat,
    )  # fmt: skip


def _concats(algebra: CompValue, template: tuple) -> tuple[tuple[tuple[str, str], ...], bool]:
    """The (predicate, separator) of each template triple whose object is a GROUP_CONCAT's
    value, and whether some GROUP_CONCAT's value goes anywhere else (then its order would
    matter: the rule runs whole)."""
    aggregates: dict[object, str] = {}  # the aggregate's own variable -> separator

    def note(node: CompValue) -> None:
        sep = node.get("separator")
        aggregates.setdefault(node.get("res"), " " if sep is None else str(sep))

    _find(algebra, "Aggregate_GroupConcat", note)
    if not aggregates:
        return (), False
    named: dict[object, object] = {}  # SELECT's variable -> the aggregate's
    _find(
        algebra,
        "Extend",
        lambda n: (
            named.setdefault(n.get("var"), n.get("expr"))
            if isinstance(n.get("expr"), Variable)
            else None
        ),
    )
    values = {v: aggregates[e] for v, e in named.items() if e in aggregates}
    out: list[tuple[str, str]] = []
    used: set[object] = set()
    for _s, p, o in template:
        if o in values:
            if not isinstance(p, URIRef):
                return (), True
            out.append((str(p), values[o]))
            used.add(named[o])
    # an aggregate read by anything else (a FILTER, an expression) or by no shortcut
    reads = [e for v, e in named.items() if e in aggregates]
    unsure = len(reads) != len(aggregates) or set(reads) != used or len(values) != len(reads)
    filters: list[str] = []  # a FILTER (or HAVING) reading the joined value
    _find(algebra, "Filter", lambda n: filters.append(repr(n.get("expr"))))
    names = [*values, *aggregates]
    unsure |= any(repr(v) in f for f in filters for v in names)
    return tuple(sorted(set(out))), unsure


def _find(node: object, name: str, seen: object) -> None:
    if isinstance(node, CompValue):
        if node.name == name:
            seen(node)  # type: ignore[operator]
        for value in node.values():
            _find(value, name, seen)
    elif isinstance(node, (list, tuple)):
        for value in node:
            _find(value, name, seen)


def _literal_like(o: ox.Literal, value: str) -> ox.Literal:
    """``value`` with ``o``'s language tag, or else its datatype: a joined value made again."""
    if o.language:
        return ox.Literal(value, language=o.language)
    return ox.Literal(value, datatype=o.datatype)


def canonical_triples(
    triples: Iterable[ox.Triple], concat: Iterable[tuple[str, str]]
) -> Iterable[ox.Triple]:
    """``triples`` with each GROUP_CONCAT value of ``concat`` (predicate, separator) joined
    again with its parts in sorted order: the same value whatever order a run joined them in."""
    by_predicate = dict(concat)
    if not by_predicate:
        yield from triples
        return
    for t in triples:
        sep = by_predicate.get(t.predicate.value)
        if sep is not None and isinstance(t.object, ox.Literal):
            o = t.object
            joined = sep.join(sorted(o.value.split(sep))) if sep else "".join(sorted(o.value))
            t = ox.Triple(t.subject, t.predicate, _literal_like(o, joined))
        yield t


def _made(algebra: CompValue, template: tuple) -> frozenset[str] | None:
    """The predicates a rule's shortcuts can have: the template's, and for a variable there the
    IRIs it is bound to (``BIND (eli:number AS ?super)``); None if anything else binds it."""
    out: set[str] = set()
    for _s, p, _o in template:
        if isinstance(p, URIRef):
            out.add(str(p))
            continue
        binds: list[object] = []
        patterns: list[tuple] = []
        _extends(algebra, p, binds)
        _walk(algebra, patterns, [], [])
        if not binds or any(not isinstance(b, URIRef) for b in binds):
            return None
        if any(p in t for t in patterns):
            return None
        out |= {str(b) for b in binds}
    return frozenset(out)


def _extends(node: object, var: object, out: list[object]) -> None:
    if isinstance(node, CompValue):
        if node.name == "Extend" and node.get("var") == var:
            out.append(node.get("expr"))
        for value in node.values():
            _extends(value, var, out)
    elif isinstance(node, (list, tuple)):
        for value in node:
            _extends(value, var, out)


# --------------------------------------------------------------------------------------------
# Running the rules around a change


def _predicate_nodes(predicates: Steps) -> list[ox.NamedNode | None]:
    return [None] if predicates is None else [ox.NamedNode(p) for p in sorted(predicates)]


Node = ox.NamedNode | ox.BlankNode


def _reads(shape: RuleShape, predicate: str) -> bool:
    """Whether the rule's pattern can read a triple with this predicate."""
    return any(steps is None or predicate in steps for steps in (shape.forward, shape.backward))


def _start(shape: RuleShape, changed: set[ox.Triple]) -> set[Node]:
    """The nodes from which the rule reads a changed triple: its subject (a forward step) or,
    for a predicate walked backward, its object. A triple whose predicate the rule never reads
    (a new spelling, a note, for a rule over participations) changes none of its answers, and
    a recurring person's new spelling would otherwise reach every event of every appeal that
    names him."""
    back = shape.backward
    out: set[Node] = set()
    for t in changed:
        if not _reads(shape, str(t.predicate.value)):
            continue
        out.add(t.subject)  # type: ignore[arg-type]
        if (back is None or str(t.predicate.value) in back) and not isinstance(
            t.object, ox.Literal
        ):
            out.add(t.object)  # type: ignore[arg-type]
    return out


def _steps_from(
    store: ox.Store, node: Node, forward: Steps, backward: Steps, skip: ox.NamedNode
) -> Iterable[ox.Quad]:
    """The quads one step from ``node``: forward along ``forward``, backward along ``backward``."""
    for p in _predicate_nodes(forward) if forward != frozenset() else []:
        for q in store.quads_for_pattern(node, p, None, None):
            if q.graph_name != skip:
                yield q
    for p in _predicate_nodes(backward) if backward != frozenset() else []:
        for q in store.quads_for_pattern(None, p, node, None):
            if q.graph_name != skip:
                yield q


def _roots(
    shape: RuleShape,
    store: ox.Store,
    start: set[Node],
    skip: ox.NamedNode,
    limit: int | None = None,
) -> set[Node]:
    """Nodes from which a node of ``start`` is reached in fewer than ``depth`` steps of the
    rule (``start`` included): the rule's steps walked the other way. The walk stops once it
    has found more than ``limit`` (the caller then runs the rule whole)."""
    found = set(start)
    frontier = set(start)
    for _ in range(shape.depth - 1):
        if limit is not None and len(found) > limit:
            break
        nxt: set[Node] = set()
        for node in frontier:
            # a forward step x -p-> node, walked back, is a backward step from node
            for q in _steps_from(store, node, shape.backward, shape.forward, skip):
                other = q.subject if q.object == node else q.object
                if not isinstance(other, ox.Literal) and other not in found:
                    nxt.add(other)  # type: ignore[arg-type]
        found |= nxt
        frontier = nxt
        if not frontier:
            break
    return found


def _has_step(shape: RuleShape, stores: Iterable[ox.Store], node: Node, skip: ox.NamedNode) -> bool:
    """Whether the rule can take a first step from ``node`` (else it is no root)."""
    return any(
        next(iter(_steps_from(store, node, shape.forward, shape.backward, skip)), None) is not None
        for store in stores
    )


def _can_root(shape: RuleShape, stores: Iterable[ox.Store], node: Node, skip: ox.NamedNode) -> bool:
    """Whether ``node`` takes every step some branch of the rule needs of its root, in one of
    ``stores`` (else the rule gives nothing from it, before or after the change)."""
    if not shape.needs:
        return True

    def takes(store: ox.Store, predicates: frozenset[str], forward: bool) -> bool:
        for p in sorted(predicates):
            pattern = (node, ox.NamedNode(p), None) if forward else (None, ox.NamedNode(p), node)
            if any(q.graph_name != skip for q in store.quads_for_pattern(*pattern, None)):
                return True
        return False

    return any(
        all(takes(store, predicates, forward) for predicates, forward in needs)
        for store in stores
        for needs in shape.needs
    )


class _TooWide(Exception):
    """A change reaches more of the store than the derivation around it should read."""


def _neighbourhood(
    store: ox.Store,
    wanted: list[tuple[RuleShape, set[Node]]],
    skip: ox.NamedNode,
    limit: int | None = None,
) -> ox.Store:
    """A store in memory with the triples met walking ``depth`` steps of each rule from its
    roots (the derived graph ``skip`` left out); :class:`_TooWide` past ``limit`` triples."""
    out = ox.Store()
    quads: set[ox.Quad] = set()
    for shape, roots in wanted:
        seen: set[Node] = set()
        frontier = set(roots)
        for _ in range(shape.depth):
            nxt: set[Node] = set()
            for node in frontier - seen:
                seen.add(node)
                for q in _steps_from(store, node, shape.forward, shape.backward, skip):
                    quads.add(ox.Quad(q.subject, q.predicate, q.object))
                    other = q.object if q.subject == node else q.subject
                    if not isinstance(other, ox.Literal):
                        nxt.add(other)  # type: ignore[arg-type]
                if limit is not None and len(quads) > limit:
                    raise _TooWide
            frontier = nxt
    out.extend(quads)
    return out


def _answers(
    shape: RuleShape,
    store: ox.Store,
    roots: Iterable[ox.NamedNode | ox.BlankNode],
    union: bool = False,
) -> set[ox.Triple]:
    """The rule's answers for each root bound in turn (one UNION branch's root at a time, the
    others' bound to a node no triple has); ``union``: over the union of the store's graphs
    (a whole store rather than a neighbourhood)."""
    out: set[ox.Triple] = set()
    for var in shape.roots:
        others = {ox.Variable(v): _NOWHERE for v in shape.roots if v != var}
        for root in roots:
            subs = {ox.Variable(var): root, **others}
            found = store.query(shape.text, substitutions=subs, use_default_graph_as_union=union)
            out.update(canonical_triples(found, shape.concat))  # type: ignore[arg-type]
    return out


# Graphs a graph-local rule is asked for in one query (as ``VALUES``).
GRAPHS_A_QUERY = 1000
# The head of a rule's WHERE clause, on a line of its own (a comment line starts with "#").
_WHERE = re.compile(r"^[ \t]*WHERE[ \t]*\{", re.MULTILINE | re.IGNORECASE)


def _graph_answers(shape: RuleShape, store: ox.Store, graphs: Iterable[str]) -> set[ox.Triple]:
    """A graph-local rule's answers with its graph variable bound to each of ``graphs``: the
    graphs given as ``VALUES`` at the head of its pattern, :data:`GRAPHS_A_QUERY` a query.
    A graph-local rule has no grouping (its pattern is the one ``GRAPH`` pattern), so that
    this is the union of its answers for each graph alone; a query a graph spent most of its
    time parsing and planning the rule (1,000 graphs of a 3,000-appeal store: 0.19-0.38 s of
    CPU against 0.03-0.06 s). A rule whose WHERE clause does not open a line is asked a
    graph at a time."""
    out: set[ox.Triple] = set()
    names = sorted(graphs)
    head = _WHERE.search(shape.text)
    if head is None:
        var = ox.Variable(shape.graph)
        for g in names:
            node = ox.NamedNode(g)
            if store.contains_named_graph(node):
                found = store.query(shape.text, substitutions={var: node})
                out.update(canonical_triples(found, shape.concat))  # type: ignore[arg-type]
        return out
    before, after = shape.text[: head.end()], shape.text[head.end() :]
    for start in range(0, len(names), GRAPHS_A_QUERY):
        values = " ".join(str(ox.NamedNode(g)) for g in names[start : start + GRAPHS_A_QUERY])
        found = store.query(f"{before} VALUES ?{shape.graph} {{ {values} }}\n{after}")
        out.update(canonical_triples(found, shape.concat))  # type: ignore[arg-type]
    return out


def _still_given(shape: RuleShape, store: ox.Store, t: ox.Triple) -> bool:
    """Whether the rule, run over the whole store with the shortcut's terms bound, gives it."""
    terms = (t.subject, t.predicate, t.object)
    for pattern in shape.template:
        subs: dict[ox.Variable, object] = {}
        fits = True
        for term, value in zip(pattern, terms, strict=True):
            if isinstance(term, Variable):
                subs[ox.Variable(str(term))] = value
            elif str(term) != str(getattr(value, "value", value)):
                fits = False
        if not fits:
            continue
        try:
            answer = store.query(shape.text, use_default_graph_as_union=True, substitutions=subs)
        except (SyntaxError, OSError):
            # A variable the rule assigns itself (BIND) cannot be substituted: bind the rest.
            subs = {k: v for k, v in subs.items() if k != ox.Variable(str(pattern[1]))}
            answer = store.query(shape.text, use_default_graph_as_union=True, substitutions=subs)
        if t in set(canonical_triples(answer, shape.concat)):
            return True
    return False


def _stated(store: ox.Store, t: ox.Triple, derived: ox.NamedNode) -> bool:
    return any(
        q.graph_name != derived for q in store.quads_for_pattern(t.subject, t.predicate, t.object)
    )


_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_AKG = "https://w3id.org/appeals-kg/ontology#"
_COUNTED_CLASSES = (ox.NamedNode(_AKG + "Person"), ox.NamedNode(_AKG + "Organisation"))
_REPORTED_IN, _EVIDENCE = ox.NamedNode(_AKG + "reportedIn"), ox.NamedNode(_AKG + "evidence")
_HAS_SOURCE = ox.NamedNode("http://www.w3.org/ns/oa#hasSource")
_IDENTIFIER = ox.NamedNode("http://purl.org/dc/terms/identifier")
_APPEAL_COUNT = ox.NamedNode(_AKG + "appealCount")
_APPEAL_IDENTIFIERS = ox.NamedNode(_AKG + "appealIdentifiers")
_JOINED = " | "  # appeal-count.rq's GROUP_CONCAT separator


def _counted_by_difference(shape: RuleShape) -> bool:
    """Whether ``shape`` is the appeal-count rule this module keeps by difference
    (:func:`_count_answers`): its text the one :mod:`kg.store.localrules` was written for."""
    from kg.store.localrules import APPEAL_COUNT, TEXTS

    digest = hashlib.sha256(shape.text.encode("utf-8")).hexdigest()[:16]
    return shape.name == APPEAL_COUNT and digest == TEXTS[APPEAL_COUNT]


class _Appeals:
    """Which entities an appeal reports in one store (``akg:reportedIn``, or the source of
    their evidence) and its identifiers, read once an appeal."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self._reported: dict[Node, set[Node]] = {}
        self._ids: dict[Node, frozenset[ox.Literal]] = {}

    def read(self, appeals: Iterable[Node]) -> None:
        """Read the entities each of ``appeals`` reports, in one query (Oxigraph walks from
        each appeal to its spans and their facts, about three times less CPU than as many
        lookups from Python)."""
        wanted = sorted({a for a in appeals if a not in self._reported}, key=str)
        for a in wanted:
            self._reported[a] = set()
        quads = self.store.quads_for_pattern
        for a in [a for a in wanted if isinstance(a, ox.BlankNode)]:  # not a query's constant
            self._reported[a] = {q.subject for q in quads(None, _REPORTED_IN, a, None)}  # type: ignore[misc]
            for span in {q.subject for q in quads(None, _HAS_SOURCE, a, None)}:
                self._reported[a].update(q.subject for q in quads(None, _EVIDENCE, span, None))  # type: ignore[misc]
        wanted = [a for a in wanted if isinstance(a, ox.NamedNode)]
        for start in range(0, len(wanted), 500):
            values = " ".join(str(a) for a in wanted[start : start + 500])
            query = (
                f"SELECT ?a ?e WHERE {{ VALUES ?a {{ {values} }} {{ ?e {_REPORTED_IN} ?a }} "
                f"UNION {{ ?s {_HAS_SOURCE} ?a . ?e {_EVIDENCE} ?s }} }}"
            )
            for row in self.store.query(query, use_default_graph_as_union=True):  # type: ignore[union-attr]
                self._reported[row["a"]].add(row["e"])  # type: ignore[index]

    def entities(self, appeal: Node) -> set[Node]:
        if appeal not in self._reported:
            self.read([appeal])
        return self._reported[appeal]

    def ids(self, appeal: Node) -> frozenset[ox.Literal]:
        found = self._ids.get(appeal)
        if found is None:
            found = frozenset(
                q.object  # type: ignore[misc]
                for q in self.store.quads_for_pattern(appeal, _IDENTIFIER, None, None)
                if isinstance(q.object, ox.Literal)
            )
            self._ids[appeal] = found
        return found

    def counted(self, entity: Node, appeal: Node) -> bool:
        """Whether the rule counts ``appeal`` for ``entity``: it reports it and has an
        identifier."""
        return bool(self.ids(appeal)) and entity in self.entities(appeal)

    def typed(self, entity: Node) -> bool:
        return any(
            next(iter(self.store.quads_for_pattern(entity, _TYPE, c, None)), None) is not None
            for c in _COUNTED_CLASSES
        )


def _count_pairs(
    changed: set[ox.Triple], stores: tuple[_Appeals, _Appeals]
) -> tuple[dict[Node, set[Node]], set[Node]]:
    """The (entity, appeal) pairs whose counting a change can alter, by entity, and the
    entities whose type as a person or organisation changed (counted again whole)."""
    pairs: dict[Node, set[Node]] = {}
    retyped: set[Node] = set()
    nodes = (ox.NamedNode, ox.BlankNode)
    for t in changed:
        p, s, o = t.predicate, t.subject, t.object
        if p == _REPORTED_IN and isinstance(o, nodes):
            pairs.setdefault(s, set()).add(o)  # type: ignore[arg-type]
        elif p == _EVIDENCE and isinstance(o, nodes):
            for st in stores:
                for q in st.store.quads_for_pattern(o, _HAS_SOURCE, None, None):  # type: ignore[arg-type]
                    if isinstance(q.object, nodes):
                        pairs.setdefault(s, set()).add(q.object)  # type: ignore[arg-type]
        elif p == _HAS_SOURCE and isinstance(o, nodes):
            for st in stores:
                for q in st.store.quads_for_pattern(None, _EVIDENCE, s, None):
                    pairs.setdefault(q.subject, set()).add(o)  # type: ignore[arg-type]
        elif p == _IDENTIFIER:
            for st in stores:
                for entity in st.entities(s):  # type: ignore[arg-type]
                    pairs.setdefault(entity, set()).add(s)  # type: ignore[arg-type]
        elif p == _TYPE and o in _COUNTED_CLASSES:
            retyped.add(s)  # type: ignore[arg-type]
    return pairs, retyped


def _stored_count(store: ox.Store, entity: Node, derived_graph: ox.NamedNode) -> int | None:
    """The entity's one ``akg:appealCount`` in the derived graph, or None (none, several, or
    not an integer: the count is then asked of the stores)."""
    values = [q.object for q in store.quads_for_pattern(entity, _APPEAL_COUNT, None, derived_graph)]
    if len(values) != 1 or not isinstance(values[0], ox.Literal):
        return None
    if values[0].datatype != _XSD_INTEGER or not values[0].value.isdigit():
        return None
    return int(values[0].value)


def _stored_joined(store: ox.Store, entity: Node, derived_graph: ox.NamedNode) -> ox.Literal | None:
    """The entity's one ``akg:appealIdentifiers`` in the derived graph, or None (none or
    several: the rule's answer is then asked of the stores)."""
    values = [
        q.object for q in store.quads_for_pattern(entity, _APPEAL_IDENTIFIERS, None, derived_graph)
    ]
    if len(values) != 1 or not isinstance(values[0], ox.Literal):
        return None
    return values[0]


def _count_answers(
    shape: RuleShape,
    store: ox.Store,
    before: ox.Store,
    derived_graph: ox.NamedNode,
    changed: set[ox.Triple],
    tally: dict[str, int] | None = None,
) -> tuple[set[ox.Triple], set[ox.Triple]]:
    """The appeal-count rule's answers before and after a change for the entities the change
    touches, kept by difference: an entity's new count is its stored count plus the appeals
    the change made it counted in less those it made it no longer counted in, and its
    ``akg:appealIdentifiers`` (the identifiers joined with " | " in sorted order, the build's
    canonical form of the rule's GROUP_CONCAT) is the stored value's parts less the
    identifiers of the appeals it left (one kept while another appeal with it still reports the
    entity) and with those of the appeals it is counted in now. So a change to the appeals
    naming an issuer shared by thousands reads those appeals, not the thousands; the joined
    value is split and joined again in memory. An entity without one stored count and one
    stored joined value, whose type as a person or organisation changed, or whose identifiers
    the stored value cannot tell apart (one containing the separator, a part twice) is asked of
    the stores whole, root bound (:func:`_answers`). ``tally`` (for measuring) gets how many
    entities were counted by difference and how many whole."""
    old_st, new_st = _Appeals(before), _Appeals(store)
    pairs, whole = _count_pairs(changed, (old_st, new_st))
    counted = 0
    for st in (old_st, new_st):
        st.read(a for appeals in pairs.values() for a in appeals)
    old: set[ox.Triple] = set()
    new: set[ox.Triple] = set()
    for entity, appeals in pairs.items():
        if entity in whole:
            continue
        typed = new_st.typed(entity)
        if typed != old_st.typed(entity):
            whole.add(entity)
            continue
        if not typed:
            continue
        was = {a for a in appeals if old_st.counted(entity, a)}
        now = {a for a in appeals if new_st.counted(entity, a)}
        if was == now and all(old_st.ids(a) == new_st.ids(a) for a in now):
            continue
        count = _stored_count(store, entity, derived_graph)
        joined = _stored_joined(store, entity, derived_graph)
        if count is None or joined is None:
            whole.add(entity)
            continue
        after = count - len(was) + len(now)
        ids = {i for a in now for i in new_st.ids(a)}
        left = set()
        for i in {i for a in was for i in old_st.ids(a)} - ids:
            # another appeal with the same identifier may still report the entity
            if not any(
                new_st.counted(entity, q.subject)  # type: ignore[arg-type]
                for q in store.quads_for_pattern(None, _IDENTIFIER, i, None)
            ):
                left.add(i.value)
        parts = joined.value.split(_JOINED)
        values = {i.value for i in ids}
        kept = (set(parts) - left) | values
        if len(set(parts)) != len(parts) or any(_JOINED in v for v in values | left):
            whole.add(entity)
            continue
        if bool(kept) != bool(after):  # the stored values disagree: asked whole
            whole.add(entity)
            continue
        counted += 1
        old.add(ox.Triple(entity, _APPEAL_COUNT, ox.Literal(str(count), datatype=_XSD_INTEGER)))
        old.add(ox.Triple(entity, _APPEAL_IDENTIFIERS, joined))
        if after:
            literal = ox.Literal(str(after), datatype=_XSD_INTEGER)
            new.add(ox.Triple(entity, _APPEAL_COUNT, literal))
            value = _JOINED.join(sorted(kept))
            new.add(ox.Triple(entity, _APPEAL_IDENTIFIERS, _literal_like(joined, value)))
    if tally is not None:
        tally.update(by_difference=counted, whole=len(whole))
    if whole:
        roots = sorted(whole, key=str)
        old |= _answers(shape, before, roots, union=True)
        new |= _answers(shape, store, roots, union=True)
    return old, new


# Bounds of the derivation around a change. Each root costs one query over the neighbourhood,
# so a change that reaches more roots than this (all rules together), or more triples around
# them, is derived by running the rules whole. At 1,000 generated appeals a 1% edit of dates
# and names reaches about 2,900 roots and 5,500 triples; 100 random persons of 10,000 appeals
# reach about 4,900 roots; a 1% edit of dates and names at 10,000 appeals ran for over 14
# minutes around the change.
MAX_ROOTS = 20_000
MAX_NEIGHBOURHOOD = 1_000_000


def derive_changes(
    store: ox.Store,
    before: ox.Store,
    shapes: list[RuleShape],
    derived_graph: ox.NamedNode,
    added: set[ox.Triple],
    removed: set[ox.Triple],
    derived_size: int,
    changes: list[ox.Triple] | None = None,
    max_roots: int | None = None,
    max_neighbourhood: int | None = None,
    graphs: set[str] | None = None,
    known: GraphAnswers | None = None,
) -> int | None:
    """Bring ``derived_graph`` of ``store`` up to date after the union of its graphs gained
    ``added`` and lost ``removed`` (``before`` is the previous store, read only). Returns the
    derived graph's new size, or None (nothing changed; the caller runs the rules whole) when
    a rule that is not rooted shares a predicate it makes with another rule, so that its
    shortcuts cannot be told apart, or when the change reaches more than ``max_roots`` roots
    or ``max_neighbourhood`` triples around them (:data:`MAX_ROOTS`,
    :data:`MAX_NEIGHBOURHOOD`): past those, reading around the change would cost more than
    running the rules over the whole store. ``graphs`` names every graph whose triples the change
    touched: a graph-local rule runs again for those (None, with such a rule: None is returned).
    ``known`` gives, for some of those graphs, what graph-local rules answer there now (made
    from the graph's own triples as it was written: :mod:`kg.store.localrules`) and what
    they answered before the change: those rules are asked of ``store`` and ``before`` only
    for the other graphs."""
    max_roots = MAX_ROOTS if max_roots is None else max_roots
    max_neighbourhood = MAX_NEIGHBOURHOOD if max_neighbourhood is None else max_neighbourhood
    local = [shape for shape in shapes if shape.graph]
    if local and graphs is None:
        return None
    whole = [shape for shape in shapes if not shape.roots and not shape.graph]
    for shape in whole:
        others = [other.made for other in shapes if other is not shape]
        if shape.made is None or any(m is None or m & shape.made for m in others):
            return None
    shapes = [shape for shape in shapes if shape.roots]
    changed = added | removed
    wanted = []
    # A rule that groups by its root reads, for a root, all the root reaches: for an issuer
    # named by thousands of appeals, its count of them. Its answer is asked of the stores
    # themselves, root bound, rather than of a neighbourhood copied quad by quad, where the
    # derived graph cannot change it: the rule reads no predicate any rule makes.
    made = [shape.made for shape in shapes]
    makes = None if any(m is None for m in made) else frozenset().union(*made)  # type: ignore[misc]
    direct = {
        shape.name
        for shape in shapes
        if shape.grouped
        and makes is not None
        and shape.forward is not None
        and shape.backward is not None
        and not (shape.forward | shape.backward) & makes
    }
    counted = {
        shape.name for shape in shapes if shape.name in direct and _counted_by_difference(shape)
    }
    for shape in shapes:
        if shape.name in counted:
            wanted.append((shape, set()))
            continue
        start = _start(shape, changed)
        reached = _roots(shape, store, start, derived_graph, max_roots)
        if len(reached) > max_roots:
            return None
        roots = {
            r
            for r in reached
            if _has_step(shape, (store, before), r, derived_graph)
            and _can_root(shape, (store, before), r, derived_graph)
        }
        wanted.append((shape, roots))
    if sum(len(roots) for _, roots in wanted) > max_roots:
        return None
    near = [(shape, roots) for shape, roots in wanted if shape.name not in direct]
    try:
        old_near = _neighbourhood(before, near, derived_graph, max_neighbourhood)
        new_near = _neighbourhood(store, near, derived_graph, max_neighbourhood)
    except _TooWide:
        return None

    gone: set[ox.Triple] = set()
    given: set[ox.Triple] = set()
    for shape, roots in wanted:
        if shape.name in counted:
            old, new = _count_answers(shape, store, before, derived_graph, changed)
        elif shape.name in direct:
            old = _answers(shape, before, roots, union=True)
            new = _answers(shape, store, roots, union=True)
        else:
            old = _answers(shape, old_near, roots)
            new = _answers(shape, new_near, roots)
        given |= new
        for t in old - new:
            if shape.subject_is_root or not _still_given(shape, store, t):
                gone.add(t)
    known = known if known is not None else GraphAnswers(frozenset(), {})
    found = {g: triples for g, triples in known.now.items() if g in (graphs or ())}
    # What the known graphs give now, of every rule named: a triple one rule no longer gives
    # that another still gives is no triple gone (gone less given, below).
    now = set().union(*found.values()) if found else set()
    # The answers before the change stand for the graphs asked only when those are all among
    # the graphs the change touched: another graph's answers would each be asked of the whole
    # store again (_still_given), where they are not asked at all.
    asked = known.asked if known.asked <= (graphs or set()) else frozenset()
    for shape in local:
        if asked and known.before is not None and shape.name in known.before:
            old = set(known.before[shape.name])
            old |= _graph_answers(shape, before, (graphs or set()) - asked)
        else:
            old = _graph_answers(shape, before, graphs or ())
        if shape.name in known.rules:
            new = now | _graph_answers(shape, store, (graphs or set()) - found.keys())
        else:
            new = _graph_answers(shape, store, graphs or ())
        given |= new
        gone |= {t for t in old - new if not _still_given(shape, store, t)}
    gone -= given
    # A triple no graph states any more is derived if a rule gives it; a root the change did
    # not touch may give it, so the rules that can make its predicate are asked.
    for t in removed - given:
        if not _stated(store, t, derived_graph) and any(
            _may_give(shape, t) and _still_given(shape, store, t) for shape in [*shapes, *local]
        ):
            given.add(t)

    size = derived_size
    drop: list[ox.Quad] = []
    for t in gone | added:
        quad = ox.Quad(t.subject, t.predicate, t.object, derived_graph)
        if quad in store and (t in gone or _stated(store, t, derived_graph)):
            drop.append(quad)
    add: list[ox.Quad] = []
    for t in given:
        quad = ox.Quad(t.subject, t.predicate, t.object, derived_graph)
        stated = _stated(store, t, derived_graph)
        if quad in store:
            if stated:
                drop.append(quad)
        elif not stated:
            add.append(quad)
    drop = list(dict.fromkeys(drop))
    for quad in drop:
        store.remove(quad)
    store.extend(add)
    size += len(add) - len(drop)
    if changes is not None:  # for validation, which checks again what these reach
        changes.extend(q.triple for q in [*drop, *add])
    for shape in whole:
        size += _run_whole(store, shape, derived_graph, added, changes)
    return size


def _run_whole(
    store: ox.Store,
    shape: RuleShape,
    derived_graph: ox.NamedNode,
    added: set[ox.Triple],
    changes: list[ox.Triple] | None = None,
) -> int:
    """A rule that is not rooted, run over the whole store: its shortcuts in the derived graph
    (those with the predicates only it makes) replaced by its answer less what a graph states.
    Returns the change in the derived graph's size."""
    try:
        found = store.query(shape.text, use_default_graph_as_union=True)
        new = set(canonical_triples(found, shape.concat))  # type: ignore[arg-type]
    except (SyntaxError, OSError) as e:
        raise DataError(f"rule {shape.name}: {e}") from None
    current = {
        q.triple
        for p in sorted(shape.made or ())
        for q in store.quads_for_pattern(None, ox.NamedNode(p), None, derived_graph)
    }
    # What was derived was stated by no graph; it may be now only if the change added it.
    keep = {t for t in new & current if t not in added or not _stated(store, t, derived_graph)}
    keep |= {t for t in new - current if not _stated(store, t, derived_graph)}
    drop = current - keep
    for t in drop:
        store.remove(ox.Quad(t.subject, t.predicate, t.object, derived_graph))
    store.extend(ox.Quad(t.subject, t.predicate, t.object, derived_graph) for t in keep - current)
    if changes is not None:
        changes.extend([*drop, *(keep - current)])
    return len(keep - current) - len(drop)


def _may_give(shape: RuleShape, t: ox.Triple) -> bool:
    p = str(t.predicate.value)
    if shape.made is not None:
        return p in shape.made
    return any(not isinstance(tp[1], URIRef) or str(tp[1]) == p for tp in shape.template)


def rule_shapes(rule_files: list[tuple[str, str]]) -> list[RuleShape]:
    """:func:`rule_shape` of each (file name, text) of :func:`kg.store.build.rules`."""
    return [rule_shape(name, text) for name, text in rule_files]


def shapes_of(ontology_dir: Path) -> list[RuleShape]:
    from kg.store.build import rules

    return rule_shapes(rules(ontology_dir))


__all__ = [
    "GraphAnswers",
    "RuleShape",
    "canonical_triples",
    "derive_changes",
    "rule_shape",
    "rule_shapes",
    "shapes_of",
]
