"""SHACL validation of the built graph: conforms, the report graph, and rows a curator can act on.

The data graph is the union of every named graph (ontology, vocabularies and reference data
included, so that shapes can check scheme membership). Each violation is traced back to the
case record that states its focus node.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SH

from kg.check.pergraph import cache_path, validate_units
from kg.check.shacl_sparql import add_to_report, run_constraints, without_sparql
from kg.errors import KgError
from kg.store import Store
from kg.store.build import parse_turtle
from kg.vocab import PREFIXES_FILE, SHAPES_DIR, bind_prefixes


@dataclass
class Violation:
    """One SHACL result, flattened for people."""

    severity: str
    focus: str
    path: str | None
    message: str
    shape: str | None
    component: str | None
    value: str | None
    source: str | None  # the record file that states the focus node


@dataclass
class Report:
    """The outcome of a validation run."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    graph: Graph = field(default_factory=Graph, repr=False)
    notes: list[str] = field(default_factory=list)  # how the run went, for stderr

    def to_text(self) -> str:
        if self.conforms and not self.violations:
            return "Conforms: the graph satisfies every shape."
        if self.conforms:
            lines = [f"Conforms, with {len(self.violations)} warning(s)."]
        else:
            lines = [f"Does not conform: {len(self.violations)} result(s)."]
        for v in self.violations:
            where = f" [{v.source}]" if v.source else ""
            path = f" {v.path}" if v.path else ""
            lines.append(f"{v.severity}: {v.focus}{path}: {v.message}{where}")
        return "\n".join(lines)

    def to_json(self) -> str:
        data = {"conforms": self.conforms, "results": [asdict(v) for v in self.violations]}
        return json.dumps(data, indent=2, ensure_ascii=False)

    def to_turtle(self) -> str:
        return bind_prefixes(self.graph).serialize(format="turtle")


def shapes_graph(shapes_dir: Path = SHAPES_DIR) -> Graph:
    """Every shape file, plus the prefix declarations the SPARQL constraints use."""
    g = Graph()
    parse_turtle(PREFIXES_FILE, g)
    for path in sorted(Path(shapes_dir).glob("*.ttl")):
        parse_turtle(path, g)
    return g


def _short(g: Graph, node: object) -> str | None:
    if node is None:
        return None
    if isinstance(node, URIRef):
        try:
            return g.namespace_manager.normalizeUri(node)
        except Exception:
            return str(node)
    return str(node)


def validate_graph(
    data: Graph,
    shapes: Graph | None = None,
    sources: dict[URIRef, str] | None = None,
    store: Store | None = None,
) -> Report:
    """Validate an rdflib graph against the project's shapes (or the given ones).

    SHACL Core runs in pyshacl; SPARQL constraints run in Oxigraph (:mod:`kg.check.shacl_sparql`),
    over ``store`` when given (it must hold the same data), else over a copy of ``data``.
    """
    shapes = shapes if shapes is not None else shapes_graph()
    conforms, report_graph, _ = shacl_validate(
        data,
        shacl_graph=without_sparql(shapes),
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    if not isinstance(report_graph, Graph):  # pyshacl's ValidationFailure: the shapes are broken
        raise KgError(f"{SHAPES_DIR}: could not run SHACL: {report_graph}")
    if store is None:
        store = Store.memory()
        store.add_graph(data, None)
    sparql_results = run_constraints(store, shapes)
    add_to_report(report_graph, sparql_results)
    # As with pyshacl's allow_warnings: warnings and infos are reported but do not fail.
    conforms = bool(conforms) and not any(r.severity == SH.Violation for r in sparql_results)
    return report_from_graph(bool(conforms), report_graph, sources)


def report_from_graph(
    conforms: bool, report_graph: Graph, sources: dict[URIRef, str] | None = None
) -> Report:
    """A SHACL report graph as a :class:`Report` with rows a curator can act on."""
    bind_prefixes(report_graph)
    nm = bind_prefixes(Graph())
    rows = []
    # Top-level results only: pyshacl also types the nested results behind sh:node.
    reports = list(report_graph.subjects(RDF.type, SH.ValidationReport))
    for res in (r for rep in reports for r in report_graph.objects(rep, SH.result)):
        focus = report_graph.value(res, SH.focusNode)
        sev = report_graph.value(res, SH.resultSeverity)
        msgs = sorted(str(m) for m in report_graph.objects(res, SH.resultMessage))
        rows.append(
            Violation(
                severity=str(sev).rsplit("#", 1)[-1] if sev else "Violation",
                focus=_short(nm, focus) or "",
                path=_short(nm, report_graph.value(res, SH.resultPath)),
                message=msgs[0] if msgs else "",
                shape=_short(nm, report_graph.value(res, SH.sourceShape)),
                component=_short(nm, report_graph.value(res, SH.sourceConstraintComponent)),
                value=_short(nm, report_graph.value(res, SH.value)),
                source=(sources or {}).get(focus) if focus is not None else None,
            )
        )
    rows.sort(key=lambda v: (v.source or "", v.focus, v.path or "", v.message))
    return Report(conforms=bool(conforms), violations=rows, graph=report_graph)


def record_sources(store: Store, nodes: Iterable[object] | None = None) -> dict[URIRef, str]:
    """Focus node -> the record file whose appeal graph states it; for ``nodes`` only (the
    focus nodes of a report: looking up every subject of a large store takes a while)."""
    q = """
    PREFIX akg: <https://w3id.org/appeals-kg/ontology#>
    SELECT DISTINCT ?s ?file WHERE {
      %s GRAPH ?g { ?s ?p ?o . ?appeal akg:recordFile ?file . }
    }"""
    if nodes is None:
        _, rows = store.query(q % "", union=False)
    else:
        iris = sorted({n for n in nodes if isinstance(n, URIRef)})
        rows = []
        for i in range(0, len(iris), 1000):
            values = "VALUES ?s { " + " ".join(n.n3() for n in iris[i : i + 1000]) + " }"
            rows.extend(store.query(q % values, union=False)[1])
    out: dict[URIRef, str] = {}
    for s, file in rows:
        out.setdefault(s, str(file))
    return out


def _focus_nodes(report: Graph) -> set[object]:
    return set(report.objects(None, SH.focusNode))


ENGINES = ("sparql", "pyshacl", "pyshacl-whole")


def validate_store(
    store: Store,
    shapes: Graph | None = None,
    *,
    engine: str = "sparql",
    incremental: bool = True,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Validate everything in a built store.

    ``engine`` ``sparql`` (the default): SHACL Core compiled to SPARQL and SPARQL constraints,
    set-based in Oxigraph, re-checking only what changed when ``incremental``
    (:mod:`kg.check.setbased`); ``pyshacl``: SHACL Core by pyshacl per named graph in parallel
    (:mod:`kg.check.pergraph`); ``pyshacl-whole``: one pyshacl run over the union graph.
    """
    shapes = shapes if shapes is not None else shapes_graph()
    if engine == "sparql":
        from kg.check import setbased

        cache = setbased.cache_path(store) if incremental else None
        conforms, report_graph, stats = setbased.validate_set_based(store, shapes, cache=cache)
        sources = record_sources(store, _focus_nodes(report_graph))
        report = report_from_graph(conforms, report_graph, sources)
        report.notes = [
            f"note: shape {shape} is checked by pyshacl: {why}"
            for shape, why in stats.fallback.items()
        ]
        return report
    if engine == "pyshacl-whole":
        return validate_store_whole(store, shapes)
    if engine != "pyshacl":
        raise KgError(f"unknown validation engine '{engine}': use one of {', '.join(ENGINES)}")
    cache = cache_path(store) if incremental else None
    conforms, report_graph, _ = validate_units(
        store, shapes, cache=cache, workers=workers, progress=progress
    )
    return report_from_graph(
        conforms, report_graph, record_sources(store, _focus_nodes(report_graph))
    )


def validate_store_whole(store: Store, shapes: Graph | None = None) -> Report:
    """One pyshacl run over the union of every graph (the reference the per-graph path is
    tested against; slow on a corpus)."""
    return validate_graph(store.to_graph(), shapes, record_sources(store), store=store)
