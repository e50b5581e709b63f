"""SHACL validation of the built graph: conforms, the report graph, and rows a curator can act on.

The data graph is the union of every named graph (ontology, vocabularies and reference data
included, so that shapes can check scheme membership). Each violation is traced back to the
case record that states its focus node.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pyshacl import validate as shacl_validate
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SH

from kg.check.pergraph import cache_path, validate_units
from kg.check.rows import (
    FIELDS,
    KeptRows,
    Violation,
    read_rows,
    result_rows,
    row_order,
    rows_path,
    short_name,
    updated_rows,
    write_rows,
)
from kg.check.shacl_sparql import add_to_report, run_constraints, without_sparql
from kg.errors import KgError
from kg.store import Store
from kg.store.build import parse_turtle
from kg.vocab import PREFIXES_FILE, SHAPES_DIR, bind_prefixes

if TYPE_CHECKING:
    from kg.check.setbased import SetBasedRun

_JSON = json.JSONEncoder(ensure_ascii=False)


@dataclass
class Report:
    """The outcome of a validation run."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    graph: Graph = field(default_factory=Graph, repr=False)
    notes: list[str] = field(default_factory=list)  # how the run went, for stderr
    # Makes :attr:`graph` when it is first asked for (Turtle output), where the rows were had
    # without it.
    make_graph: Callable[[], Graph] | None = field(default=None, repr=False)

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
        """``json.dumps`` of the report with ``indent=2``, byte for byte, written row by row
        with the encoder's C string escaping (the indenting encoder is pure Python)."""
        if not self.violations:
            return json.dumps({"conforms": self.conforms, "results": []}, indent=2)
        enc = _JSON.encode
        rows = [
            "    {\n" + ",\n".join(f'      "{f}": {enc(getattr(v, f))}' for f in FIELDS) + "\n    }"
            for v in self.violations
        ]
        head = '{\n  "conforms": ' + enc(self.conforms) + ',\n  "results": [\n'
        return head + ",\n".join(rows) + "\n  ]\n}"

    def to_turtle(self) -> str:
        if self.make_graph is not None:
            self.graph, self.make_graph = self.make_graph(), None
        return bind_prefixes(self.graph).serialize(format="turtle")


def shapes_graph(shapes_dir: Path = SHAPES_DIR) -> Graph:
    """Every shape file, plus the prefix declarations the SPARQL constraints use."""
    g = Graph()
    parse_turtle(PREFIXES_FILE, g)
    for path in sorted(Path(shapes_dir).glob("*.ttl")):
        parse_turtle(path, g)
    return g


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
                focus=short_name(nm, focus) or "",
                path=short_name(nm, report_graph.value(res, SH.resultPath)),
                message=msgs[0] if msgs else "",
                shape=short_name(nm, report_graph.value(res, SH.sourceShape)),
                component=short_name(nm, report_graph.value(res, SH.sourceConstraintComponent)),
                value=short_name(nm, report_graph.value(res, SH.value)),
                source=(sources or {}).get(focus) if focus is not None else None,
            )
        )
    rows.sort(key=row_order)
    return Report(conforms=bool(conforms), violations=rows, graph=report_graph)


def record_sources(store: Store, nodes: Iterable[object] | None = None) -> dict[URIRef, str]:
    """Focus node -> the record file whose appeal graph states it (the first by name, where
    several do); for ``nodes`` only (the focus nodes of a report: looking up every subject of a
    large store takes a while)."""
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
        if s not in out or str(file) < out[s]:
            out[s] = str(file)
    return out


def _focus_nodes(report: Graph) -> set[object]:
    return set(report.objects(None, SH.focusNode))


def report_rows(store: Store, run: SetBasedRun) -> tuple[bool, list[Violation]]:
    """(conforms, rows) of a run of the ``sparql`` engine: the rows kept beside its results
    where they are of them, updated where the run checked some focus nodes again, else made
    (:mod:`kg.check.rows`); kept for the next run wherever its results are."""

    def sources(nodes: Iterable[object]) -> dict[URIRef, str]:
        return record_sources(store, nodes)

    stats = run.stats
    path = rows_path(run.cache) if run.cache is not None else None
    kept: KeptRows | str = "results not kept"
    if path is not None and stats.mode in ("unchanged", "incremental"):
        kept = read_rows(path, run.results_id if stats.mode == "unchanged" else run.earlier_id)
    if isinstance(kept, KeptRows) and stats.mode == "unchanged":
        stats.rows = "kept"
        return kept.conforms, [v for _, v in kept.rows]
    if isinstance(kept, KeptRows):
        earlier = dict(kept.rows)
        rows = updated_rows(run.results, run.kept, earlier, run.changed, run.names, sources)
        stats.rows = "updated"
    else:
        rows = result_rows(run.results, run.names, sources)
        stats.rows = "made" if stats.mode == "full" else f"made: {kept}"
    conforms = run.conforms
    if path is not None and run.results_id is not None:
        write_rows(path, run.results_id, conforms, rows)
    return conforms, [v for _, v in rows]


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
        run = setbased.check_set_based(store, shapes, cache=cache)
        conforms, rows = report_rows(store, run)
        report = Report(conforms=conforms, violations=rows, make_graph=run.report_graph)
        report.notes = [
            f"note: shape {shape} is checked by pyshacl: {why}"
            for shape, why in run.stats.fallback.items()
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
