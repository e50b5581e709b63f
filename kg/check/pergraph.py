"""SHACL Core per named graph, in parallel and incrementally; SPARQL constraints set-based.

One whole-graph pyshacl run over a corpus grows faster than the corpus. Here the store is cut
into *units*, one per named graph (each appeal graph, the reference, links and ontology graphs):

- a unit's **focus nodes** are the IRIs its graph states something about (subjects);
- its **data** is its graph, plus what the derived graph says about its subjects, plus what
  any other graph says about the nodes it points to (an evidence span stated in another appeal's
  graph, with its source; an entity merged across appeals), plus the kind of every node it
  mentions and what the shared graphs (ontology and vocabularies, reference data) say of them;
- pyshacl checks SHACL Core on each unit with ``focus_nodes`` set, so shapes are applied only to
  the unit's own nodes; units run in worker processes;
- each unit's report is cached under a hash of the shapes and of the unit's data (sorted
  N-Triples), so a rerun after a change re-checks only the units whose data changed;
- SPARQL constraints, which may look across appeals, run once over the whole store, set-based
  (:mod:`kg.check.shacl_sparql`).

Results for a node stated in several graphs come from each of its units with the same data, and
are merged. ``tests/test_pergraph.py`` checks that the verdicts equal one whole-graph pyshacl run.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import RDF, RDFS, BNode, Graph, URIRef
from rdflib.namespace import SH

from kg.check.forked import run_all
from kg.check.shacl_sparql import add_to_report, copy_tree, run_constraints, without_sparql
from kg.errors import KgError
from kg.files import file_beside_store, write_atomic
from kg.store import Store
from kg.vocab import AKG, DERIVED_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH

SHARED_GRAPHS = (ONTOLOGY_GRAPH, REFERENCE_GRAPH)
CACHE_VERSION = "1"


@dataclass
class Unit:
    """One named graph to check: its focus nodes and its data, as sorted N-Triples lines."""

    name: URIRef
    focus: list[URIRef]
    ntriples: str

    @property
    def key(self) -> str:
        h = hashlib.sha256(_stable(self.ntriples).encode("utf-8"))
        h.update("\n".join(self.focus).encode("utf-8"))
        return h.hexdigest()


def _stable(ntriples: str) -> str:
    """Blank-node labels change from build to build; the hash must not (lines sorted after
    the labels are blanked, so that their order does not depend on the labels either)."""
    return "\n".join(sorted(re.sub(r"_:[A-Za-z0-9_.-]+", "_:b", ntriples).splitlines()))


@dataclass
class UnitStats:
    """What a run did, for progress lines and benchmarks."""

    units: int = 0
    checked: int = 0
    cached: int = 0


def _nt_lines(store: Store, query: str, *, union: bool = False) -> list[str]:
    """N-Triples lines of a SELECT ?s ?p ?o query, run as a CONSTRUCT."""
    head, _, where = query.partition("WHERE")
    variables = head.replace("SELECT", "").split()
    template = " ".join(v if v.startswith("?") else v for v in variables)
    return store.construct_lines(f"CONSTRUCT {{ {template} . }} WHERE{where}", union=union)


def schema_ntriples(store: Store) -> str:
    """What every unit needs whatever it mentions: the class hierarchy (targets and sh:class
    follow rdfs:subClassOf), as N-Triples."""
    q = f"SELECT ?s <{RDFS.subClassOf}> ?o WHERE {{ ?s <{RDFS.subClassOf}> ?o }}"
    return "\n".join(sorted(set(_nt_lines(store, q, union=True))))


# Nodes stated in more than one graph (the derived graph aside): checked in the cross unit.
_SHARED_NODES = f"""{{ SELECT ?n WHERE {{
    GRAPH ?g {{ ?n ?p ?o }} FILTER(isIRI(?n) && ?g != <{DERIVED_GRAPH}>)
  }} GROUP BY ?n HAVING (COUNT(DISTINCT ?g) > 1) }}"""

_SHARED_GRAPHS = ", ".join(f"<{g}>" for g in SHARED_GRAPHS)


# What tells a node's kind, from any graph: its rdf:type (sh:class reads it), and the property
# that stands for the type of a node stored without one (an event is what has an akg:eventType;
# links to events are checked by it, shapes/event.ttl).
KIND_PREDICATES = (RDF.type, AKG.eventType)
_KINDS = " ".join(f"<{p}>" for p in KIND_PREDICATES)


def _with_context(store: Store, lines: list[str], mentions: str) -> list[str]:
    """Add, for every node the unit mentions (``mentions`` binds ?v): its kind from any graph
    (:data:`KIND_PREDICATES`) and what the shared graphs (ontology, vocabularies, reference)
    say about it (a concept's scheme, a country's codes)."""
    nodes = f"{{ SELECT DISTINCT ?v WHERE {{ {mentions} FILTER(!isLiteral(?v)) }} }}"
    types = _nt_lines(
        store,
        f"SELECT ?v ?k ?t WHERE {{ {nodes} VALUES ?k {{ {_KINDS} }} GRAPH ?h {{ ?v ?k ?t }} }}",
    )
    shared = _nt_lines(
        store,
        f"""SELECT ?v ?p ?o WHERE {{ {nodes} GRAPH ?h {{ ?v ?p ?o }}
          FILTER (?h IN ({_SHARED_GRAPHS})) }}""",
    )
    return sorted(set(lines + types + shared))


def _graph_unit(store: Store, name: URIRef) -> Unit:
    own = _nt_lines(store, f"SELECT ?s ?p ?o WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
    derived = _nt_lines(
        store,
        f"""SELECT ?n ?p ?o WHERE {{
          {{ SELECT DISTINCT ?n WHERE {{ GRAPH <{name}> {{ ?n ?x ?y }} }} }}
          GRAPH <{DERIVED_GRAPH}> {{ ?n ?p ?o }}
        }}""",
    )
    # What the other graphs state about the nodes this graph points to: a fact's evidence span
    # may be stated in another appeal's graph, and a path through it (akg:evidence/oa:hasSource)
    # must see it as the union graph does.
    pointed = _nt_lines(
        store,
        f"""SELECT ?n ?p ?o WHERE {{
          {{ SELECT DISTINCT ?n WHERE {{ GRAPH <{name}> {{ ?x ?y ?n }} FILTER(isIRI(?n)) }} }}
          GRAPH ?h {{ ?n ?p ?o }} FILTER(?h != <{name}>)
        }}""",
    )
    mentions = f"""{{ GRAPH <{name}> {{ {{ ?v ?p ?o }} UNION {{ ?s ?p ?v }} }} }} UNION {{
      GRAPH <{name}> {{ ?x ?y ?n }} FILTER(isIRI(?n)) GRAPH ?h {{ ?n ?q ?v }}
      FILTER(?h != <{name}>) }}"""
    lines = _with_context(store, own + derived + pointed, mentions)
    _, rows = store.query(
        f"""SELECT DISTINCT ?s WHERE {{
          GRAPH <{name}> {{ ?s ?p ?o }} FILTER(isIRI(?s))
          FILTER NOT EXISTS {{
            GRAPH ?h {{ ?s ?q ?r }} FILTER(?h != <{name}> && ?h != <{DERIVED_GRAPH}>)
          }}
        }}""",
        union=False,
    )
    return Unit(name, sorted(r[0] for r in rows), "\n".join(lines))


def _cross_unit(store: Store) -> Unit | None:
    """Nodes stated in several graphs (an entity merged across appeals, a reference entity an
    appeal adds evidence to) or only in the derived graph: checked once, with every graph's
    statements about them."""
    _, rows = store.query(
        f"""SELECT DISTINCT ?n WHERE {{
          {{ {_SHARED_NODES} }} UNION {{
            GRAPH <{DERIVED_GRAPH}> {{ ?n ?p ?o }} FILTER(isIRI(?n))
            FILTER NOT EXISTS {{ GRAPH ?h {{ ?n ?q ?r }} FILTER(?h != <{DERIVED_GRAPH}>) }}
          }}
        }}""",
        union=False,
    )
    if not rows:
        return None
    focus = sorted(r[0] for r in rows)
    values = "VALUES ?n { " + " ".join(f"<{n}>" for n in focus) + " }"
    about = _nt_lines(store, f"SELECT ?n ?p ?o WHERE {{ {values} GRAPH ?h {{ ?n ?p ?o }} }}")
    mentions = f"{values} GRAPH ?h {{ {{ ?n ?p ?v }} UNION {{ BIND(?n AS ?v) }} }}"
    lines = _with_context(store, about, mentions)
    return Unit(URIRef("urn:appeals-kg:cross-graph"), focus, "\n".join(lines))


def validation_units(store: Store) -> list[Unit]:
    """One unit per named graph (the derived one aside), plus the cross-graph unit."""
    units = [_graph_unit(store, g) for g in store.graph_names() if g != DERIVED_GRAPH]
    cross = _cross_unit(store)
    return [u for u in units if u.focus] + ([cross] if cross else [])


# --- workers ---------------------------------------------------------------------------------

_WORKER: dict[str, Graph] = {}


def _init_worker(shapes_nt: str, schema_nt: str) -> None:
    shapes = Graph()
    shapes.parse(data=shapes_nt, format="nt")
    schema = Graph()
    schema.parse(data=schema_nt, format="nt")
    _WORKER["shapes"] = shapes
    _WORKER["schema"] = schema


def _check_unit(args: tuple[str, list[str], str]) -> tuple[str, str]:
    """SHACL Core on one unit; returns (unit key, report as N-Triples) with the results about
    the unit's own focus nodes only.

    pyshacl's ``focus_nodes`` option is not used: it also filters the values that nested
    shapes (sh:node, qualified shapes) check, which changes verdicts.
    """
    key, focus, ntriples = args
    data = Graph()
    for t in _WORKER["schema"]:
        data.add(t)
    data.parse(data=ntriples, format="nt")
    _, report, _ = shacl_validate(
        data,
        shacl_graph=_WORKER["shapes"],
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    if not isinstance(report, Graph):
        raise KgError(f"could not run SHACL: {report}")
    own = {URIRef(f) for f in focus}
    kept = Graph()
    root = BNode()
    kept.add((root, RDF.type, SH.ValidationReport))
    for rep in report.subjects(RDF.type, SH.ValidationReport):
        for res in report.objects(rep, SH.result):
            if report.value(res, SH.focusNode) in own:
                kept.add((root, SH.result, res))
                copy_tree(report, res, kept)
    return key, kept.serialize(format="nt")


def _shapes_key(shapes_nt: str, schema_nt: str) -> str:
    h = hashlib.sha256(CACHE_VERSION.encode())
    h.update(_stable(shapes_nt).encode("utf-8"))
    h.update(_stable(schema_nt).encode("utf-8"))
    return h.hexdigest()


def cache_path(store: Store) -> Path | None:
    """Where the unit reports are kept between builds: outside the store folder, which a build
    replaces. A built store lives in ``<generations>.d/<generation>/full``; the cache goes in
    the generations folder, shared by every generation. A single store folder gets it beside."""
    return None if store.path is None else file_beside_store(store.path, "validation")


def _load_cache(path: Path | None, shapes_key: str) -> dict[str, str]:
    if path is None or not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # a damaged cache only costs time
    if data.get("shapes") != shapes_key:
        return {}
    return dict(data.get("units", {}))


def check_units(
    units: list[Unit],
    shapes: Graph,
    schema_nt: str,
    *,
    cache: Path | None = None,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[str], UnitStats]:
    """Each unit's SHACL Core report (N-Triples), from the cache where its data is unchanged."""
    core = without_sparql(shapes)
    shapes_nt = core.serialize(format="nt")
    skey = _shapes_key(shapes_nt, schema_nt)
    cached = _load_cache(cache, skey)
    stats = UnitStats(units=len(units))
    todo = [(u.key, [str(f) for f in u.focus], u.ntriples) for u in units if u.key not in cached]
    todo = list({t[0]: t for t in todo}.values())
    reports: dict[str, str] = {u.key: cached[u.key] for u in units if u.key in cached}
    stats.cached = len(reports)
    workers = workers or min(len(todo), os.cpu_count() or 1)
    done = 0
    if workers > 1 and len(todo) > 1:
        answers = run_all(
            _check_unit, todo, workers, initializer=_init_worker, initargs=(shapes_nt, schema_nt)
        )
        for _, (key, nt) in answers:
            reports[key] = nt
            done += 1
            if progress:
                progress(done, len(todo))
    else:
        _init_worker(shapes_nt, schema_nt)
        for item in todo:
            key, nt = _check_unit(item)
            reports[key] = nt
            done += 1
            if progress:
                progress(done, len(todo))
    stats.checked = len(todo)
    if cache is not None and todo:
        keep = {u.key: reports[u.key] for u in units}
        payload = {"shapes": skey, "units": keep}
        write_atomic(cache, json.dumps(payload).encode("utf-8"))
    return [reports[u.key] for u in units], stats


def _result_key(g: Graph, res: object) -> tuple:
    return tuple(
        g.value(res, p)
        for p in (SH.focusNode, SH.sourceShape, SH.sourceConstraintComponent, SH.resultSeverity)
    ) + (
        _path_text(g, g.value(res, SH.resultPath)),
        g.value(res, SH.value),
        tuple(sorted(str(m) for m in g.objects(res, SH.resultMessage))),
    )


def _path_text(g: Graph, path: object) -> str | None:
    if path is None or not isinstance(path, BNode):
        return None if path is None else str(path)
    return " ".join(sorted(f"{p} {o}" for p, o in g.predicate_objects(path)))


def merge_reports(unit_reports: Iterable[str]) -> tuple[bool, Graph]:
    """One report graph from the units' reports, each result once."""
    report = Graph()
    root = BNode()
    report.add((root, RDF.type, SH.ValidationReport))
    seen: set[tuple] = set()
    conforms = True
    for nt in unit_reports:
        g = Graph()
        g.parse(data=nt, format="nt")
        for rep in g.subjects(RDF.type, SH.ValidationReport):
            for res in g.objects(rep, SH.result):
                key = _result_key(g, res)
                if key in seen:
                    continue
                seen.add(key)
                if g.value(res, SH.resultSeverity) == SH.Violation:
                    conforms = False
                report.add((root, SH.result, res))
                copy_tree(g, res, report)
    return conforms, report


def validate_units(
    store: Store,
    shapes: Graph,
    *,
    cache: Path | None = None,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[bool, Graph, UnitStats]:
    """SHACL Core per unit and SPARQL constraints over the store: (conforms, report, stats)."""
    schema_nt = schema_ntriples(store)
    units = validation_units(store)
    reports, stats = check_units(
        units, shapes, schema_nt, cache=cache, workers=workers, progress=progress
    )
    conforms, report = merge_reports(reports)
    sparql_results = run_constraints(store, shapes)
    add_to_report(report, sparql_results)
    conforms = conforms and not any(r.severity == SH.Violation for r in sparql_results)
    from rdflib import Literal

    root = report.value(predicate=RDF.type, object=SH.ValidationReport)
    report.set((root, SH.conforms, Literal(conforms)))
    return conforms, report, stats
