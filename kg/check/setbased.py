"""Validation of a built store in Oxigraph, set-based and incremental.

SHACL Core runs as compiled SPARQL (:mod:`kg.check.core_sparql`), one query per constraint over
the union of the store's graphs; SHACL-SPARQL constraints run set-based as well
(:mod:`kg.check.shacl_sparql`). Both see every graph at once, so checks across appeals need
nothing special.

**Incremental.** A run keeps beside the store (``validation-sparql-*.json``) the results, a hash
of the shapes, and what the build said about the data it checked: the build state's hashes of
the ontology, reference data, links and identity decisions, and each appeal's fingerprint (a hash
of its record, text and the identities given to its items, which decides the appeal's graph; see
:mod:`kg.store.stream`); and, beside that (``validation-sparql-*.graphs``), each appeal graph and
the derived graph as it checked them (compressed N-Triples). The next run compares them:

- nothing changed: the kept results are the answer, without a query;
- only some appeals changed (added, edited or removed): the triples added to or removed from the
  data are those of the changed appeal graphs and of the derived graph, line by line against the
  kept copies (a triple that only moves between graphs -- "one triple, one graph" moves shared
  facts to and from the reference graph -- does not change the union the shapes see). From the
  shapes, :mod:`kg.check.dependencies` works out which focus nodes could read those triples, in
  whichever graph they live (a value's type in another appeal, an inverse path, a SPARQL
  constraint's patterns), and each compiled shape and SPARQL constraint runs again, set-based,
  over its own such nodes only (a ``VALUES`` block of them joined to its targets); their results
  replace the kept ones, the others are kept;
- anything else (shapes, ontology, reference data, links, identity decisions, a build without a
  state file, a change to a class hierarchy or with blank nodes, a shape left to pyshacl):
  everything is checked. A shape or constraint whose reads cannot be traced (unbounded paths,
  SPARQL property paths with ``*``, ``+``, ``?`` or ``!``) is checked whole in an incremental
  run.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from kg.check.copies import GraphCopies, parse_lines
from kg.check.core_sparql import (
    CompiledShape,
    CoreResult,
    add_core_to_report,
    check_query,
    compile_shapes,
    count_queries,
    graph_parts,
    run_compiled,
    store_subclasses,
    validate_core,
)
from kg.check.dependencies import Read, Untraceable, query_reads, reached, shape_reads, target_reads
from kg.check.shacl_sparql import (
    SparqlConstraint,
    SparqlResult,
    add_to_report,
    copy_tree,
    load_constraints,
    run_constraints,
)
from kg.files import file_beside_store, write_atomic
from kg.record.caserecord import appeal_graph_iri
from kg.store import Store
from kg.store.store import MARKER
from kg.vocab import DERIVED_GRAPH

CACHE_VERSION = "sparql-5"  # 5: a graph written in parts copied whole; 4: property paths traced
STATE_FILE = "build-state.json"


@dataclass
class RunStats:
    """What a run did, for progress lines, the CLI and benchmarks."""

    mode: str = "full"  # full | incremental | unchanged
    reason: str = ""  # why a full run (or why nothing ran)
    graphs_changed: int = 0
    triples_changed: int = 0
    derived: str = ""  # incremental: derived changes "from the build", "from N builds", "compared"
    focus_rechecked: int = 0
    queries: int = 0
    fallback: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    # incremental: one entry per step (chain walked back, shape or constraint run), with its
    # nodes and seconds, so that a slow run says which step cost it
    steps: list[dict[str, Any]] = field(default_factory=list)
    # how the report's rows were had (kg.check.rows): "kept", "updated", or "made" and why
    rows: str = ""


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
    return None if store.path is None else file_beside_store(store.path, "validation-sparql")


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


class _Loader:
    """Results from their JSON form, each distinct term made once: the same shapes,
    components, severities, messages and often values recur across thousands of results, and
    making an rdflib term costs more than looking one up."""

    def __init__(self) -> None:
        self._terms: dict[Any, Node | None] = {}

    def term(self, data: Any) -> Any:
        key = data if data is None or isinstance(data, str) else tuple(data)
        try:
            return self._terms[key]
        except KeyError:
            node = self._terms[key] = _load_term(data)
            return node

    def result(self, d: dict[str, Any]) -> CoreResult | SparqlResult:
        t = self.term
        if d["k"] == "core":
            return CoreResult(
                shape=t(d["shape"]),
                component=t(d["component"]),
                focus=t(d["focus"]),
                path=t(d["path"]),
                value=t(d["value"]),
                severity=t(d["severity"]),
                messages=[t(m) for m in d["messages"]],
            )
        return SparqlResult(
            shape=t(d["shape"]),
            constraint=t(d["constraint"]),
            focus=t(d["focus"]),
            path=t(d["path"]),
            value=t(d["value"]),
            message=d["message"],
            severity=t(d["severity"]),
        )


def _dump_result(r: CoreResult | SparqlResult) -> dict[str, Any]:
    return _dump_core(r) if isinstance(r, CoreResult) else _dump_sparql(r)


def shape_names(shapes: Graph) -> dict[Node, str]:
    """A name for each blank node of the shapes graph that stays the same when the same shapes
    are parsed again (a hash of its description and of where it hangs), so that kept results
    point at the shapes of the next run."""
    memo: dict[Node, str] = {}

    def name(node: Node, seen: frozenset[Node]) -> str:
        if not isinstance(node, BNode):
            return node.n3()
        if node in memo:
            return memo[node]
        if node in seen:
            return "_:cycle"
        seen = seen | {node}
        tree = Graph()
        copy_tree(shapes, node, tree)
        lines = sorted(
            " ".join("_:b" if isinstance(t, BNode) else t.n3() for t in triple) for triple in tree
        )
        parents = sorted(f"{name(s, seen)} {p.n3()}" for s, p in shapes.subject_predicates(node))
        digest = hashlib.sha256("\n".join(lines + ["^"] + parents).encode("utf-8")).hexdigest()
        memo[node] = f"s{digest[:24]}"
        return memo[node]

    return {n: name(n, frozenset()) for n in set(shapes.subjects()) if isinstance(n, BNode)}


def _renamed(results: list[Any], names: dict[Node, Node]) -> list[Any]:
    """The results with their shape, path and SPARQL constraint nodes renamed by ``names``."""
    out = []
    for r in results:
        if r.shape in names or r.path in names:
            r = replace(r, shape=names.get(r.shape, r.shape), path=names.get(r.path, r.path))
        if isinstance(r, SparqlResult) and r.constraint in names:
            r = replace(r, constraint=names[r.constraint])
        out.append(r)
    return out


def derived_since(state: dict[str, Any], build: str | None) -> tuple[int, list[str]] | None:
    """How many builds led from ``build`` to the one that wrote ``state``, and the derived
    triples (N-Triples lines) any of them added or removed, from the changes each recorded
    (``derived_changes``, ``derived_history``: :func:`kg.store.stream.derived_history`); None
    when the chain back to ``build`` is not known (a build between ran the rules whole, or
    ``build`` is older than the history kept). A triple one build added and a later one
    removed is among them: it is checked again for nothing, never missed."""
    if not build:
        return None
    chain = [state.get("derived_changes"), *(state.get("derived_history") or [])]
    lines: set[str] = set()
    want = state.get("build")
    for n, entry in enumerate(chain, 1):
        if not isinstance(entry, dict) or not entry.get("base"):
            return None
        if n > 1 and entry.get("build") != want:
            return None
        lines.update(entry.get("triples") or [])
        if entry["base"] == build:
            return n, sorted(lines)
        want = entry["base"]
    return None


def copies_path(cache: Path) -> Path:
    """Where the graphs a run checked are kept (beside its results), to tell what changed."""
    return cache.with_name(cache.stem + ".graphs")


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


def _changed(cached: dict[str, Any], state: dict[str, Any]) -> set[str]:
    """The appeals added, removed or changed since the kept results' run."""
    old, new = cached.get("fingerprints", {}), state["fingerprints"]
    return {a for a in old.keys() | new.keys() if old.get(a) != new.get(a)}


def _plan(
    shapes_hash: str,
    cached: dict[str, Any],
    state: dict[str, Any] | None,
    copies: GraphCopies | None,
) -> tuple[str, str, list[str], set[str]]:
    """(mode, reason, changed graph IRIs, those of them the build state still has) for this
    run."""
    if state is None:
        return "full", "the store has no build state to compare with", [], set()
    if not cached or copies is None or copies.token() != cached.get("copies"):
        return "full", "no earlier results", [], set()
    if cached.get("shapes") != shapes_hash:
        return "full", "the shapes changed", [], set()
    if cached.get("globals") != state["globals"]:
        why = "the ontology, reference data, links or identity decisions changed"
        return "full", why, [], set()
    changed = sorted(_changed(cached, state))
    if not changed:
        return "unchanged", "nothing changed since the last run", [], set()
    iris = {a: str(appeal_graph_iri(a)) for a in changed}
    built = {iris[a] for a in changed if a in state["fingerprints"]}
    return "incremental", f"{len(changed)} appeal(s) changed", sorted(set(iris.values())), built


def _reads(
    shapes: Graph,
    compiled: list[CompiledShape],
    constraints: list[SparqlConstraint],
    kept: dict[str, Any],
    names: dict[Node, str],
) -> tuple[dict[Any, set[Read]], set[Any]]:
    """What each compiled shape and SPARQL constraint reads, and those whose reads cannot be
    traced (they run whole). They depend on the shapes alone: ``kept`` (the encoded reads of
    an earlier run with the same shapes, updated here) spares parsing the SPARQL again."""

    def name(node: Node) -> str:
        return names.get(node, str(node))

    reads: dict[Any, set[Read]] = {}
    whole: set[Any] = set()
    keys: list[tuple[Any, Callable[[], set[Read]]]] = [
        (("core", c.shape), lambda c=c: shape_reads(shapes, c.shape)) for c in compiled
    ]
    keys += [
        (
            ("sparql", sc.shape, sc.constraint),
            lambda sc=sc: target_reads(shapes, sc.shape) | query_reads(sc.query),
        )
        for sc in constraints
    ]
    for key, work in keys:
        code = json.dumps([key[0], *(name(n) for n in key[1:])])
        if code not in kept:
            try:
                kept[code] = [
                    [[[p, inv] for p, inv in r.chain], r.predicate, r.inverse] for r in work()
                ]
            except Untraceable:
                kept[code] = None
        if kept[code] is None:
            whole.add(key)
        else:
            reads[key] = {
                Read(
                    tuple((URIRef(p) if p else None, inv) for p, inv in chain),
                    URIRef(pred) if pred else None,
                    inverse,
                )
                for chain, pred, inverse in kept[code]
            }
    return reads, whole


def _keep_reads(store: Store, shapes: Graph, kept: dict[str, Any], names: dict[Node, str]) -> None:
    """Work out, after a full run, what each shape and constraint reads (into ``kept``), so
    that the first incremental run after it parses no SPARQL (about 0.6 s for the project's
    shapes); a shape left to pyshacl makes every incremental run a full one, so it has none."""
    compiled, _failed = compile_shapes(shapes, store_subclasses(store))
    _reads(shapes, compiled, load_constraints(shapes), kept, names)


def _incremental(
    store: Store,
    shapes: Graph,
    earlier: list[CoreResult | SparqlResult],
    changed: list[tuple[Node, Node, Node]],
    stats: RunStats,
    say: Callable[[str], None],
    kept_reads: dict[str, Any],
    names: dict[Node, str],
) -> tuple[list[int], list[CoreResult | SparqlResult]] | str:
    """The results after ``changed``: the places in ``earlier`` of the results kept (those of
    the focus nodes no change reaches) and the results of the others checked again; or why
    everything must be checked."""
    if any(isinstance(t, BNode) for triple in changed for t in triple):
        return "a changed triple has a blank node"
    if any(p == RDFS.subClassOf for _, p, _ in changed):
        return "a class hierarchy changed"
    subclasses = store_subclasses(store)
    compiled, failed = compile_shapes(shapes, subclasses)
    if failed:
        return "a shape falls back to pyshacl"
    constraints = load_constraints(shapes)
    reads, whole = _reads(shapes, compiled, constraints, kept_reads, names)
    started = time.perf_counter()
    nodes = reached(store, reads, changed, timings=stats.steps)
    stats.steps.append({"step": "reach (all)", "seconds": round(time.perf_counter() - started, 4)})
    if any(isinstance(n, BNode) for found in nodes.values() for n in found):
        return "a change reaches a blank node"
    # A property shape nested in several shapes is checked again at the same nodes in each, and
    # whole in each if it is whole in one.
    reported = {c.shape: {k.shape for k in c.checks} for c in compiled}
    whole_core = {c.shape for c in compiled if ("core", c.shape) in whole}
    grown = True
    while grown:
        whole_reported = {s for c in compiled if c.shape in whole_core for s in reported[c.shape]}
        more = {c.shape for c in compiled if reported[c.shape] & whole_reported} - whole_core
        whole_core |= more
        grown = bool(more)
    at: dict[Node, set[Node]] = defaultdict(set)  # reported shape -> focus nodes checked again
    for c in compiled:
        for shape in reported[c.shape]:
            at[shape] |= nodes.get(("core", c.shape), set())
    again: dict[Node, set[Node] | None] = {
        c.shape: None if c.shape in whole_core else set().union(*(at[s] for s in reported[c.shape]))
        for c in compiled
    }
    only: dict[tuple[Node, Node], set[Node] | None] = {
        (sc.shape, sc.constraint): (
            None
            if ("sparql", sc.shape, sc.constraint) in whole
            else nodes.get(("sparql", sc.shape, sc.constraint), set())
        )
        for sc in constraints
    }
    stats.focus_rechecked = len(
        {n for found in again.values() if found for n in found}
        | {n for found in only.values() if found for n in found}
    )
    say(f"validate: {stats.focus_rechecked} focus node(s) to check again")
    fresh: list[CoreResult | SparqlResult] = []
    for c in compiled:
        todo = again[c.shape]
        if todo is not None and not todo:
            continue
        parts = graph_parts(store, [c]) if todo is None else {}
        stats.queries += count_queries([c], todo is None, parts)
        restrict = "" if todo is None else "VALUES ?this { " + _values(todo) + " }"
        started, before = time.perf_counter(), len(fresh)
        fresh.extend(run_compiled(store, shapes, [c], restrict=restrict, parts=parts))
        stats.steps.append(
            {
                "step": "core",
                "shape": str(c.shape),
                "queries": count_queries([c], todo is None, parts),
                "focus": None if todo is None else len(todo),
                "seconds": round(time.perf_counter() - started, 4),
                "results": len(fresh) - before,
            }
        )
    ran = [k for k, v in only.items() if v is None or v]
    stats.queries += len(ran)
    fresh.extend(run_constraints(store, shapes, only=only, timings=stats.steps))

    def stale(r: CoreResult | SparqlResult) -> bool:
        if isinstance(r, CoreResult):
            return r.shape in whole_reported or r.focus in at.get(r.shape, set())
        key = (r.shape, r.constraint)
        if key not in only:
            return False
        found = only[key]
        return found is None or r.focus in found

    return [i for i, r in enumerate(earlier) if not stale(r)], fresh


def _values(nodes: Iterable[Node]) -> str:
    return " ".join(n.n3() for n in sorted(nodes, key=str) if isinstance(n, URIRef | Literal))


# What the constraints' process needs, set before the fork: (store path, shapes).
_ASIDE: dict[str, Any] = {}


def _constraints_job() -> list[SparqlResult]:
    return run_constraints(Store.open(_ASIDE["path"]), _ASIDE["shapes"])


def _constraints_aside(store: Store, shapes: Graph) -> Any:
    """Start the SPARQL constraints in a forked process with its own read-only handle (a
    store of a build only); None where that cannot be done."""
    from kg.check.forked import run_aside

    path = Path(store.path) if store.path is not None else None
    if path is None or not (path / MARKER).exists():
        return None
    _ASIDE.clear()
    _ASIDE.update(path=path, shapes=shapes)
    return run_aside(_constraints_job, lambda: run_constraints(store, shapes))


def _constraints_done(pending: Any) -> list[SparqlResult]:
    from kg.check.forked import aside_result

    try:
        return aside_result(pending)
    finally:
        _ASIDE.clear()


@dataclass
class SetBasedRun:
    """What :func:`check_set_based` found. A run with nothing changed reads the kept results
    only when they are asked for (:attr:`results`): a caller that kept what it made of them
    (the report's rows, :mod:`kg.check.rows`) may not need them."""

    stats: RunStats
    shapes: Graph
    names: dict[Node, str]  # the shapes' blank nodes -> names that stay the same between runs
    cache: Path | None
    # The id of the kept results file that holds these results (None: not kept), and, in an
    # incremental run, of the one it started from; things kept beside the results name the id.
    results_id: str | None = None
    earlier_id: str | None = None
    # incremental: the places, in the earlier results, of those kept: results[: len(kept)]
    kept: list[int] = field(default_factory=list)
    changed: list[tuple[Node, Node, Node]] = field(default_factory=list)  # incremental
    _results: list[CoreResult | SparqlResult] | None = field(default=None, repr=False)
    _read: Callable[[], list[CoreResult | SparqlResult]] | None = field(default=None, repr=False)

    @property
    def results(self) -> list[CoreResult | SparqlResult]:
        if self._results is None:
            assert self._read is not None
            self._results = self._read()
        return self._results

    @property
    def conforms(self) -> bool:
        return not any(r.severity == SH.Violation for r in self.results)

    def report_graph(self) -> Graph:
        """The results as a SHACL validation report graph."""
        report = Graph()
        root = BNode()
        report.add((root, RDF.type, SH.ValidationReport))
        results = self.results
        core = [r for r in results if isinstance(r, CoreResult)]
        core_ok = add_core_to_report(report, core, self.shapes)
        sparql = [r for r in results if isinstance(r, SparqlResult)]
        add_to_report(report, sparql)
        conforms = core_ok and not any(r.severity == SH.Violation for r in sparql)
        report.set((root, SH.conforms, Literal(conforms)))
        return report


def check_set_based(
    store: Store,
    shapes: Graph,
    *,
    cache: Path | None = None,
    progress: Callable[[str], None] | None = None,
    workers: int | None = None,
) -> SetBasedRun:
    """SHACL Core (compiled) and SPARQL constraints over the store.

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
    copies = GraphCopies(copies_path(cache), store) if cache is not None else None
    mode, reason, graphs, built = _plan(skey, cached, state, copies)
    # (a focus node kept as a plain string is an IRI, see _dump_term)
    if mode == "incremental" and any(
        not isinstance(r["focus"], str) for r in cached.get("results", [])
    ):
        mode, reason = "full", "an earlier result has a blank or literal focus node"
    stats.mode, stats.reason, stats.graphs_changed = mode, reason, len(graphs)
    say(f"validate: {mode}: {reason}")

    # What each shape reads depends on the shapes alone: kept while they stay the same.
    kept_reads: dict[str, Any] = (
        dict(cached.get("reads") or {}) if cached.get("shapes") == skey else {}
    )
    names = shape_names(shapes)
    current = {BNode(v): k for k, v in names.items()}
    run = SetBasedRun(stats=stats, shapes=shapes, names=names, cache=cache)

    def read_earlier() -> list[CoreResult | SparqlResult]:
        load = _Loader().result
        return _renamed([load(r) for r in cached["results"]], current)

    if mode == "unchanged":
        run._read = read_earlier
        run.results_id = cached.get("id")
        if run.results_id is None and cache is not None:
            # Results kept by an earlier version: given an id, once, so that what is made of
            # them can be kept beside them.
            cached["id"] = run.results_id = uuid.uuid4().hex
            write_atomic(cache, json.dumps(cached).encode("utf-8"))
    elif mode == "incremental":
        assert copies is not None and state is not None
        earlier = read_earlier()
        since = derived_since(state, cached.get("build"))
        if since is not None:
            # The builds since the one the last run checked each started from the one before
            # and say which derived triples they changed: the derived graph is not compared.
            builds, lines = since
            changed = copies.changed(graphs) + parse_lines(lines)
            stats.derived = "from the build" if builds == 1 else f"from {builds} builds"
        else:
            changed = copies.changed([*graphs, str(DERIVED_GRAPH)])
            stats.derived = "compared"
        say(f"validate: {len(changed)} triple(s) added or removed")
        stats.triples_changed = len(changed)
        outcome = _incremental(store, shapes, earlier, changed, stats, say, kept_reads, names)
        if isinstance(outcome, str):
            mode = stats.mode = "full"
            reason = stats.reason = outcome
            stats.queries = stats.focus_rechecked = 0
            say(f"validate: full: {outcome}")
        else:
            run.kept, fresh = outcome
            run.changed = changed
            run.earlier_id = cached.get("id")
            run._results = [earlier[i] for i in run.kept] + fresh
    if mode == "full":
        # The SPARQL constraints in a process of their own, beside the compiled shapes' workers.
        pending = _constraints_aside(store, shapes) if workers > 1 else None
        core = validate_core(store, shapes, workers=workers)
        stats.queries = core.queries
        stats.fallback = {str(k): v for k, v in core.fallback.items()}
        for shape, why in core.fallback.items():
            say(f"validate: shape {shape} checked by pyshacl: {why}")
        results: list[CoreResult | SparqlResult] = list(core.results)
        results.extend(_constraints_done(pending) if pending else run_constraints(store, shapes))
        run._results = results

    if cache is not None and copies is not None and state is not None and mode != "unchanged":
        if mode == "full":
            _keep_reads(store, shapes, kept_reads, names)
        if mode == "incremental":
            # the changed graphs still built (``built``: the build state's appeals looked up,
            # their IRIs made for the changed ones only)
            again = [g for g in graphs if g in built] + [str(DERIVED_GRAPH)]
            token = copies.update(again, [g for g in graphs if g not in built])
        else:
            live = set(_appeal_graphs(state["fingerprints"]).values()) | {str(DERIVED_GRAPH)}
            token = copies.take(sorted(live))
        run.results_id = uuid.uuid4().hex
        payload = {
            "version": CACHE_VERSION,
            "id": run.results_id,
            "shapes": skey,
            "globals": state["globals"],
            "fingerprints": state["fingerprints"],
            "copies": token,
            "build": state.get("build"),
            "reads": kept_reads,
            "results": _dumped(run, cached, names),
        }
        write_atomic(cache, json.dumps(payload).encode("utf-8"))
    stats.seconds = time.perf_counter() - started
    return run


def _dumped(run: SetBasedRun, cached: dict[str, Any], names: dict[Node, str]) -> list[Any]:
    """The run's results in their JSON form. Those an incremental run kept are written back as
    they were read (the same names for the shapes' blank nodes), only the fresh ones dumped."""
    stable: dict[Node, Node] = {k: BNode(v) for k, v in names.items()}
    results = run.results
    if run.stats.mode != "incremental":
        return [_dump_result(r) for r in _renamed(results, stable)]
    raw = cached["results"]
    kept = [raw[i] for i in run.kept]
    return kept + [_dump_result(r) for r in _renamed(results[len(kept) :], stable)]


def validate_set_based(
    store: Store,
    shapes: Graph,
    *,
    cache: Path | None = None,
    progress: Callable[[str], None] | None = None,
    workers: int | None = None,
) -> tuple[bool, Graph, RunStats]:
    """:func:`check_set_based`, its results as a SHACL report graph: (conforms, report, stats)."""
    run = check_set_based(store, shapes, cache=cache, progress=progress, workers=workers)
    return run.conforms, run.report_graph(), run.stats


__all__ = [
    "RunStats",
    "SetBasedRun",
    "build_state",
    "cache_path",
    "check_query",
    "check_set_based",
    "copies_path",
    "validate_set_based",
]
