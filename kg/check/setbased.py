"""Validation of a built store in Oxigraph, set-based and incremental.

SHACL Core runs as compiled SPARQL (:mod:`kg.check.core_sparql`), one query per constraint over
the union of the store's graphs; SHACL-SPARQL constraints run set-based as well
(:mod:`kg.check.shacl_sparql`). Both see every graph at once, so checks across appeals need
nothing special.

**Incremental.** A run keeps beside the store (``validation-sparql-*.json``) the results, a hash
of the shapes, and what the build said about the data it checked: the build state's hashes of
the ontology, reference data, links and identity decisions, and each appeal's fingerprint (a hash
of its record, text and the identities given to its items, which decides the appeal's graph; see
:mod:`kg.store.stream`). The next run compares them, without reading the graphs:

- nothing changed: the kept results are the answer;
- only some appeals changed (added, edited or removed): only the focus nodes that may have
  changed verdict are checked again -- every node that the changed appeal graphs state something
  about (now, and before: the subjects of each appeal graph are kept too), the nodes that point
  at those within as many steps as the shapes look through (along the predicates the shapes'
  paths use), every object of the changed graphs (for inverse paths and ``sh:targetObjectsOf``),
  and every focus node that had a result, each by the shapes that target it; their results
  replace the kept ones. SPARQL
  constraints, which may read anything across appeals, run whole each time (set-based);
- anything else (shapes, ontology, reference data, links, identity decisions, a build without a
  state file, a shape path other than predicates, inverse predicates and sequences of them):
  everything is checked.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from kg.check.core_sparql import (
    CoreResult,
    add_core_to_report,
    check_query,
    compile_shapes,
    count_queries,
    run_compiled,
    store_subclasses,
    validate_core,
)
from kg.check.shacl_sparql import SparqlResult, add_to_report, run_constraints
from kg.files import write_atomic
from kg.record.caserecord import appeal_graph_iri
from kg.store import Store

CACHE_VERSION = "sparql-1"
STATE_FILE = "build-state.json"


@dataclass
class RunStats:
    """What a run did, for progress lines, the CLI and benchmarks."""

    mode: str = "full"  # full | incremental | unchanged
    reason: str = ""  # why a full run (or why nothing ran)
    graphs_changed: int = 0
    focus_rechecked: int = 0
    queries: int = 0
    fallback: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0


def shapes_key(shapes: Graph) -> str:
    """A hash of the shapes graph that does not depend on blank-node labels."""
    lines = sorted(
        " ".join("_:b" if isinstance(t, BNode) else t.n3() for t in triple) for triple in shapes
    )
    h = hashlib.sha256(CACHE_VERSION.encode())
    h.update("\n".join(lines).encode("utf-8"))
    return h.hexdigest()


def cache_path(store: Store) -> Path | None:
    """Where results are kept between runs: in the generations folder of a built store (which
    every build replaces inside), beside a plain store folder, nowhere for a memory store."""
    if store.path is None:
        return None
    path = Path(store.path)
    if path.parent.parent.name.endswith(".d"):
        return path.parent.parent / f"validation-sparql-{path.name}.json"
    return path.parent / f"{path.name}.validation-sparql.json"


def build_state(store: Store) -> dict[str, Any] | None:
    """The build state file of the generation a store belongs to, if the build wrote one."""
    if store.path is None:
        return None
    state = Path(store.path).parent / STATE_FILE
    try:
        data = json.loads(state.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data.get("fingerprints"), dict) or not isinstance(data.get("globals"), dict):
        return None
    return data


# --- results as JSON -----------------------------------------------------------------------


def _dump_term(node: Node | None) -> Any:
    if node is None:
        return None
    if isinstance(node, Literal):
        return ["l", str(node), node.language, str(node.datatype) if node.datatype else None]
    if isinstance(node, BNode):
        return ["b", str(node)]
    return str(node)


def _load_term(data: Any) -> Node | None:
    if data is None:
        return None
    if isinstance(data, str):
        return URIRef(data)
    if data[0] == "b":
        return BNode(data[1])
    _, text, lang, dt = data
    return Literal(text, lang=lang, datatype=URIRef(dt) if dt else None)


def _dump_core(r: CoreResult) -> dict[str, Any]:
    return {
        "k": "core",
        "shape": _dump_term(r.shape),
        "component": str(r.component),
        "focus": _dump_term(r.focus),
        "path": _dump_term(r.path),
        "value": _dump_term(r.value),
        "severity": str(r.severity),
        "messages": [_dump_term(m) for m in r.messages],
    }


def _dump_sparql(r: SparqlResult) -> dict[str, Any]:
    return {
        "k": "sparql",
        "shape": _dump_term(r.shape),
        "constraint": _dump_term(r.constraint),
        "focus": _dump_term(r.focus),
        "path": _dump_term(r.path),
        "value": _dump_term(r.value),
        "message": r.message,
        "severity": str(r.severity),
    }


def _load_result(d: dict[str, Any]) -> CoreResult | SparqlResult:
    if d["k"] == "core":
        return CoreResult(
            shape=_load_term(d["shape"]),  # type: ignore[arg-type]
            component=URIRef(d["component"]),
            focus=_load_term(d["focus"]),  # type: ignore[arg-type]
            path=_load_term(d["path"]),
            value=_load_term(d["value"]),
            severity=URIRef(d["severity"]),
            messages=[_load_term(m) for m in d["messages"]],  # type: ignore[misc]
        )
    return SparqlResult(
        shape=_load_term(d["shape"]),  # type: ignore[arg-type]
        constraint=_load_term(d["constraint"]),  # type: ignore[arg-type]
        focus=_load_term(d["focus"]),  # type: ignore[arg-type]
        path=_load_term(d["path"]),
        value=_load_term(d["value"]),
        message=d["message"],
        severity=URIRef(d["severity"]),
    )


def _dump_result(r: CoreResult | SparqlResult) -> dict[str, Any]:
    return _dump_core(r) if isinstance(r, CoreResult) else _dump_sparql(r)


# --- which focus nodes a change reaches ----------------------------------------------------


def _path_steps(shapes: Graph, node: Node) -> list[tuple[URIRef, bool]] | None:
    """The (predicate, inverse) steps of a predicate path, an inverse one or a sequence of
    those; None for other paths."""
    if isinstance(node, URIRef):
        return [(node, False)]
    inner = shapes.value(node, SH.inversePath)
    if isinstance(inner, URIRef):
        return [(inner, True)]
    if (node, RDF.first, None) in shapes:
        steps: list[tuple[URIRef, bool]] = []
        for part in shapes.items(node):
            found = _path_steps(shapes, part)
            if found is None:
                return None
            steps.extend(found)
        return steps
    return None


def reach(shapes: Graph) -> tuple[int, set[URIRef], set[URIRef]] | None:
    """How far from a focus node the shapes read (steps), and the predicates they read forward
    and backward; None when a path is not made of predicates, inverse predicates and
    sequences of them."""
    forward: set[URIRef] = set()
    backward: set[URIRef] = set()
    steps = 0
    for path in shapes.objects(None, SH.path):
        found = _path_steps(shapes, path)
        if found is None:
            return None
        for pred, inverse in found:
            (backward if inverse else forward).add(pred)
    # Steps back from a changed subject to a focus node that reads it: a path reads the focus
    # node's triples (an inverse or longer path, nodes further away); sh:class, sh:node,
    # nested and logical shapes read the value's triples (further again each level).
    nesting = (SH.node, SH.property, SH.qualifiedValueShape, SH["not"])
    lists = (SH["and"], SH["or"], SH.xone)
    memo: dict[Node, int] = {}

    def depth(shape: Node, seen: frozenset[Node]) -> int:
        if shape in memo:
            return memo[shape]
        if shape in seen:
            return 0
        seen = seen | {shape}
        children: list[Node] = [c for p in nesting for c in shapes.objects(shape, p)]
        for p in lists:
            for head in shapes.objects(shape, p):
                children.extend(shapes.items(head))
        inner = [depth(c, seen) for c in children]
        if any(shapes.objects(shape, SH["class"])):
            inner.append(0)
        path = shapes.value(shape, SH.path)
        if path is None:
            result = max(inner, default=0)
        else:
            # Step i (from 1) reads a triple whose subject is i - 1 steps away, or i for an
            # inverse step; the values are len(steps) away.
            steps_ = _path_steps(shapes, path) or []
            base = max((i if inverse else i - 1) for i, (_, inverse) in enumerate(steps_, 1))
            result = max([base] + [len(steps_) + d for d in inner])
        memo[shape] = result
        return result

    for shape in set(shapes.subjects(SH.path, None)) | set(shapes.subjects(RDF.type, SH.NodeShape)):
        steps = max(steps, depth(shape, frozenset()))
    return steps, forward, backward


def _values(nodes: list[Node]) -> str:
    return " ".join(f"<{n}>" for n in nodes if isinstance(n, URIRef))


def affected_nodes(
    store: Store,
    graphs: list[URIRef],
    old_subjects: list[URIRef],
    steps: int,
    forward: set[URIRef],
    backward: set[URIRef],
) -> set[Node]:
    """Focus nodes whose verdict a change to ``graphs`` may have changed."""
    found: set[Node] = set()
    gvals = " ".join(f"<{g}>" for g in graphs)
    if gvals:
        _, rows = store.query(
            f"SELECT DISTINCT ?n WHERE {{ VALUES ?g {{ {gvals} }} GRAPH ?g {{ ?n ?p ?o }} }}",
            union=False,
        )
        frontier = {r[0] for r in rows}
        _, rows = store.query(
            f"SELECT DISTINCT ?n WHERE {{ VALUES ?g {{ {gvals} }} GRAPH ?g {{ ?s ?p ?n }} "
            "FILTER(!isLiteral(?n)) }",
            union=False,
        )
        found.update(r[0] for r in rows)
    else:
        frontier = set()
    frontier.update(old_subjects)
    found.update(frontier)
    fwd = ", ".join(f"<{p}>" for p in sorted(forward))
    bwd = ", ".join(f"<{p}>" for p in sorted(backward))
    for _ in range(steps):
        iris = sorted(n for n in frontier if isinstance(n, URIRef))
        if not iris:
            break
        nxt: set[Node] = set()
        for i in range(0, len(iris), 2000):
            vals = _values(iris[i : i + 2000])  # type: ignore[arg-type]
            alts = []
            if fwd:
                alts.append(f"{{ ?x ?p ?n FILTER(?p IN ({fwd})) }}")
            if bwd:
                alts.append(f"{{ ?n ?p ?x FILTER(?p IN ({bwd})) }}")
            if not alts:
                break
            _, rows = store.query(
                f"SELECT DISTINCT ?x WHERE {{ VALUES ?n {{ {vals} }} {' UNION '.join(alts)} }}"
            )
            nxt.update(r[0] for r in rows)
        frontier = nxt - found
        found.update(nxt)
    return found


def _types(store: Store, iris: list[URIRef]) -> dict[Node, set[Node]]:
    """The rdf:types of each node."""
    out: dict[Node, set[Node]] = {}
    for i in range(0, len(iris), 2000):
        _, rows = store.query(
            f"SELECT ?n ?t WHERE {{ VALUES ?n {{ {_values(iris[i : i + 2000])} }} ?n a ?t }}"  # type: ignore[arg-type]
        )
        for n, t in rows:
            out.setdefault(n, set()).add(t)
    return out


def _eligible(
    shapes: Graph,
    shape: Node,
    iris: list[URIRef],
    types: dict[Node, set[Node]],
    subclasses: Callable[[Node], list[Node]],
) -> list[URIRef]:
    """The nodes among ``iris`` that a shape targets (all of them when its targets depend on
    other nodes' triples)."""
    if any(shapes.objects(shape, SH.targetSubjectsOf)) or any(
        shapes.objects(shape, SH.targetObjectsOf)
    ):
        return iris
    classes = set(shapes.objects(shape, SH.targetClass))
    if (shape, RDF.type, RDFS.Class) in shapes:
        classes.add(shape)
    wanted = {t for cls in classes for t in subclasses(cls)}
    nodes = set(shapes.objects(shape, SH.targetNode))
    return [n for n in iris if n in nodes or types.get(n, set()) & wanted]


def _graph_subjects(store: Store, graphs: list[URIRef]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {str(g): [] for g in graphs}
    for i in range(0, len(graphs), 500):
        vals = " ".join(f"<{g}>" for g in graphs[i : i + 500])
        _, rows = store.query(
            f"SELECT DISTINCT ?g ?n WHERE {{ VALUES ?g {{ {vals} }} GRAPH ?g {{ ?n ?p ?o }} "
            "FILTER(isIRI(?n)) }",
            union=False,
        )
        for g, n in rows:
            out[str(g)].append(str(n))
    return out


# --- the run -------------------------------------------------------------------------------


def _load_cache(path: Path | None) -> dict[str, Any]:
    if path is None or not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # a damaged cache only costs time
    return data if data.get("version") == CACHE_VERSION else {}


def _appeal_graphs(fingerprints: dict[str, str]) -> dict[str, str]:
    return {aid: str(appeal_graph_iri(aid)) for aid in fingerprints}


def _plan(
    store: Store, shapes_hash: str, cached: dict[str, Any], state: dict[str, Any] | None
) -> tuple[str, str, list[str], list[str]]:
    """(mode, reason, changed graph IRIs, their kept subjects) for this run."""
    if state is None:
        return "full", "the store has no build state to compare with", [], []
    if not cached:
        return "full", "no earlier results", [], []
    if cached.get("shapes") != shapes_hash:
        return "full", "the shapes changed", [], []
    if cached.get("globals") != state["globals"]:
        return "full", "the ontology, reference data, links or identity decisions changed", [], []
    old, new = cached.get("fingerprints", {}), state["fingerprints"]
    changed = sorted(a for a in set(old) | set(new) if old.get(a) != new.get(a))
    if not changed:
        return "unchanged", "nothing changed since the last run", [], []
    graphs = sorted({str(appeal_graph_iri(a)) for a in changed})
    subjects = cached.get("subjects", {})
    kept = sorted({n for g in graphs for n in subjects.get(g, [])})
    return "incremental", f"{len(changed)} appeal(s) changed", graphs, kept


def validate_set_based(
    store: Store,
    shapes: Graph,
    *,
    cache: Path | None = None,
    progress: Callable[[str], None] | None = None,
    workers: int | None = None,
) -> tuple[bool, Graph, RunStats]:
    """SHACL Core (compiled) and SPARQL constraints over the store; (conforms, report, stats).

    With ``cache``, only what changed since the run that wrote it is checked again. A full run
    shares its queries among ``workers`` processes (default: 2, or 1 on a one-core machine).
    """
    workers = workers if workers is not None else min(2, os.cpu_count() or 1)
    started = time.perf_counter()
    say = progress or (lambda _m: None)
    stats = RunStats()
    skey = shapes_key(shapes)
    cached = _load_cache(cache)
    state = build_state(store)
    mode, reason, graphs, kept_subjects = _plan(store, skey, cached, state)
    results: list[CoreResult | SparqlResult]
    reached = reach(shapes) if mode == "incremental" else None
    if mode == "incremental" and reached is None:
        mode, reason = "full", "a shape path is not a predicate or inverse predicate"
    if mode == "incremental" and any(
        not isinstance(_load_term(r["focus"]), URIRef) for r in cached.get("results", [])
    ):
        mode, reason = "full", "an earlier result has a blank or literal focus node"
    stats.mode, stats.reason, stats.graphs_changed = mode, reason, len(graphs)
    say(f"validate: {mode}: {reason}")

    if mode == "unchanged":
        results = [_load_result(r) for r in cached["results"]]
    elif mode == "incremental":
        assert reached is not None
        steps, forward, backward = reached
        earlier = [_load_result(r) for r in cached["results"]]
        nodes = affected_nodes(
            store,
            [URIRef(g) for g in graphs],
            [URIRef(n) for n in kept_subjects],
            steps,
            forward,
            backward,
        )
        nodes.update(r.focus for r in earlier)
        iris = sorted(n for n in nodes if isinstance(n, URIRef))
        stats.focus_rechecked = len(iris)
        say(f"validate: {len(iris)} focus node(s) to check again")
        fresh: list[CoreResult | SparqlResult] = []
        if iris:
            subclasses = store_subclasses(store)
            compiled, failed = compile_shapes(shapes, subclasses)
            if failed:
                mode = stats.mode = "full"
                stats.reason = "a shape falls back to pyshacl"
            else:
                types = _types(store, iris)  # type: ignore[arg-type]
                for c in compiled:
                    nodes = _eligible(shapes, c.shape, iris, types, subclasses)  # type: ignore[arg-type]
                    if not nodes:
                        continue
                    stats.queries += count_queries([c])
                    restrict = "VALUES ?this { " + _values(nodes) + " }"  # type: ignore[arg-type]
                    fresh.extend(run_compiled(store, shapes, [c], restrict=restrict))
        if mode == "incremental":
            again = set(iris)
            # SPARQL constraints read anything across appeals: they run whole, set-based.
            kept = [r for r in earlier if isinstance(r, CoreResult) and r.focus not in again]
            results = kept + fresh + list(run_constraints(store, shapes))
    if mode == "full":
        run = validate_core(store, shapes, workers=workers)
        stats.queries = run.queries
        stats.fallback = {str(k): v for k, v in run.fallback.items()}
        for shape, why in run.fallback.items():
            say(f"validate: shape {shape} checked by pyshacl: {why}")
        results = list(run.results)
        results.extend(run_constraints(store, shapes))

    report = Graph()
    root = BNode()
    report.add((root, RDF.type, SH.ValidationReport))
    core_ok = add_core_to_report(report, [r for r in results if isinstance(r, CoreResult)], shapes)
    sparql = [r for r in results if isinstance(r, SparqlResult)]
    add_to_report(report, sparql)
    conforms = core_ok and not any(r.severity == SH.Violation for r in sparql)
    report.set((root, SH.conforms, Literal(conforms)))

    if cache is not None and state is not None and mode != "unchanged":
        subjects = dict(cached.get("subjects", {})) if mode == "incremental" else {}
        names = _appeal_graphs(state["fingerprints"])
        todo = [URIRef(g) for g in (graphs if mode == "incremental" else names.values())]
        subjects.update(_graph_subjects(store, todo))
        live = set(names.values())
        payload = {
            "version": CACHE_VERSION,
            "shapes": skey,
            "globals": state["globals"],
            "fingerprints": state["fingerprints"],
            "subjects": {g: s for g, s in subjects.items() if g in live},
            "results": [_dump_result(r) for r in results],
        }
        write_atomic(cache, json.dumps(payload).encode("utf-8"))
    stats.seconds = time.perf_counter() - started
    return conforms, report, stats


__all__ = [
    "RunStats",
    "affected_nodes",
    "build_state",
    "cache_path",
    "check_query",
    "reach",
    "validate_set_based",
]
