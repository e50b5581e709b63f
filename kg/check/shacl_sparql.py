"""SHACL-SPARQL constraints (``sh:sparql``), evaluated by Oxigraph.

pyshacl runs each SPARQL constraint once per focus node through rdflib's query engine, which on a
corpus-sized graph costs tens of milliseconds a node (most of ``kg validate``'s time). Here each
constraint is parsed once and run per focus node with ``$this`` substituted as an RDF term
(pre-binding, SHACL §5.2), in Oxigraph. SHACL Core stays with pyshacl.

Supported: SPARQL constraints on node and property shapes with ``sh:targetClass`` (with
``rdfs:subClassOf*``), ``sh:targetNode``, ``sh:targetSubjectsOf`` and ``sh:targetObjectsOf``;
``$PATH`` for property shapes with a predicate path; ``sh:prefixes``/``sh:declare``;
``sh:message`` templates; ``sh:severity``; ``sh:deactivated``. Not supported (reported, never
silently passed): ``$currentShape``, ``$shapesGraph``, complex property paths in ``$PATH``, and
SPARQL-based constraint components. ``tests/test_shacl_sparql.py`` runs the W3C SHACL test suite's
SPARQL tests against this path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from kg.errors import KgError
from kg.store import Store

UNSUPPORTED_VARS = ("$currentShape", "$shapesGraph", "?currentShape", "?shapesGraph")


@dataclass
class SparqlConstraint:
    """One ``sh:sparql`` constraint of one shape, ready to run."""

    shape: Node
    constraint: Node
    query: str
    messages: list[Literal]
    severity: URIRef
    path: URIRef | None


@dataclass
class SparqlResult:
    """One validation result of a SPARQL constraint."""

    shape: Node
    constraint: Node
    focus: Node
    path: Node | None
    value: Node | None
    message: str
    severity: URIRef


def _prefix_lines(shapes: Graph, constraint: Node) -> str:
    lines = []
    holders = list(shapes.objects(constraint, SH.prefixes))
    seen: set[Node] = set()
    while holders:  # sh:prefixes, and what those nodes owl:import
        holder = holders.pop()
        if holder in seen:
            continue
        seen.add(holder)
        holders.extend(shapes.objects(holder, OWL.imports))
        for decl in shapes.objects(holder, SH.declare):
            prefix, ns = shapes.value(decl, SH.prefix), shapes.value(decl, SH.namespace)
            if prefix is not None and ns is not None:
                lines.append(f"PREFIX {prefix}: <{ns}>")
    return "\n".join(sorted(set(lines)))


# SHACL §5.2.1: what a constraint query must not use, so that pre-binding stays well defined.
FORBIDDEN = (
    (re.compile(r"\bVALUES\b", re.I), "a VALUES clause"),
    (re.compile(r"\bMINUS\b", re.I), "a MINUS clause"),
    (re.compile(r"\bSERVICE\b", re.I), "a federated SERVICE"),
    (
        re.compile(r"(?i:\bAS)\s*[?$](this|PATH|currentShape|shapesGraph)\b"),
        "AS on a pre-bound variable",
    ),
)


def _check_syntax(text: str, shape: Node) -> None:
    code = re.sub(r'"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"|#[^\n]*', " ", text)
    for pattern, what in FORBIDDEN:
        if pattern.search(code):
            raise KgError(f"shape {shape}: a SPARQL constraint must not use {what}")


def _is_path_iri(shapes: Graph, shape: Node) -> URIRef | None:
    path = shapes.value(shape, SH.path)
    return path if isinstance(path, URIRef) else None


def load_constraints(shapes: Graph) -> list[SparqlConstraint]:
    """Every active SPARQL constraint of the shapes graph."""
    out = []
    for shape, constraint in shapes.subject_objects(SH.sparql):
        if shapes.value(constraint, SH.deactivated) == Literal(True):
            continue
        if shapes.value(shape, SH.deactivated) == Literal(True):
            continue
        select = shapes.value(constraint, SH.select)
        if select is None:
            raise KgError(f"shape {shape}: SPARQL constraint {constraint} has no sh:select")
        text = str(select)
        _check_syntax(text, shape)
        for var in UNSUPPORTED_VARS:
            if var in text:
                raise KgError(f"shape {shape}: {var} in a SPARQL constraint is not supported")
        path = _is_path_iri(shapes, shape)
        if "$PATH" in text:
            if path is None:
                raise KgError(f"shape {shape}: $PATH needs a predicate path (sh:path <iri>)")
            text = text.replace("$PATH", f"<{path}>")
        # $this and ?this are one variable in SPARQL; name it plainly for substitution.
        text = re.sub(r"\$(\w+)", r"?\1", text)
        query = _prefix_lines(shapes, constraint) + "\n" + text
        messages = list(shapes.objects(constraint, SH.message)) or list(
            shapes.objects(shape, SH.message)
        )
        severity = shapes.value(shape, SH.severity) or SH.Violation
        out.append(SparqlConstraint(shape, constraint, query, messages, severity, path))  # type: ignore[arg-type]
    return out


def focus_nodes(store: Store, shapes: Graph, shape: Node) -> list[Node]:
    """The focus nodes of a shape's targets in the data."""
    nodes: set[Node] = set()
    for node in shapes.objects(shape, SH.targetNode):
        nodes.add(node)
    classes = list(shapes.objects(shape, SH.targetClass))
    if (shape, RDF.type, RDFS.Class) in shapes:
        classes.append(shape)
    q_class = (
        "SELECT DISTINCT ?x ?c WHERE { ?x a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* ?c }"
    )
    for cls in classes:
        _, rows = store.query(q_class, {"c": cls})
        nodes.update(r[0] for r in rows)
    for pred in shapes.objects(shape, SH.targetSubjectsOf):
        _, rows = store.query("SELECT DISTINCT ?x ?p WHERE { ?x ?p ?o }", {"p": pred})
        nodes.update(r[0] for r in rows)
    for pred in shapes.objects(shape, SH.targetObjectsOf):
        _, rows = store.query("SELECT DISTINCT ?x ?p WHERE { ?s ?p ?x }", {"p": pred})
        nodes.update(r[0] for r in rows)
    return sorted(nodes, key=str)


def _render(template: str, row: dict[str, Node | None]) -> str:
    def sub(m: re.Match[str]) -> str:
        value = row.get(m.group(1))
        return "" if value is None else str(value)

    return re.sub(r"\{[?$](\w+)\}", sub, template)


def run_constraints(store: Store, shapes: Graph) -> list[SparqlResult]:
    """Evaluate every SPARQL constraint over the store's union graph."""
    results: list[SparqlResult] = []
    focus_cache: dict[Node, list[Node]] = {}
    for c in load_constraints(shapes):
        if c.shape not in focus_cache:
            focus_cache[c.shape] = focus_nodes(store, shapes, c.shape)
        for focus in focus_cache[c.shape]:
            if isinstance(focus, BNode):
                continue  # blank focus nodes cannot be pre-bound across engines
            try:
                res: Any = store.query(c.query, {"this": focus})
            except KgError as e:
                raise KgError(f"shape {c.shape}: constraint {c.constraint}: {e}") from None
            variables, rows = res
            for values in rows:
                row = dict(zip(variables, values, strict=True))
                if row.get("failure") == Literal(True):
                    raise KgError(f"shape {c.shape}: constraint {c.constraint} reported a failure")
                path = row.get("path") or c.path
                value = row.get("value") if "value" in row else None
                if value is None and c.path is None:
                    value = focus
                text = str(c.messages[0]) if c.messages else ""
                results.append(
                    SparqlResult(
                        c.shape, c.constraint, focus, path, value, _render(text, row), c.severity
                    )
                )
    return results


def add_to_report(report: Graph, results: list[SparqlResult], messages: bool = True) -> None:
    """Add results to a SHACL report graph (one sh:ValidationReport node expected)."""
    root = report.value(predicate=RDF.type, object=SH.ValidationReport)
    if root is None:
        root = BNode()
        report.add((root, RDF.type, SH.ValidationReport))
    for r in results:
        node = BNode()
        report.add((root, SH.result, node))
        report.add((node, RDF.type, SH.ValidationResult))
        report.add((node, SH.focusNode, r.focus))
        report.add((node, SH.resultSeverity, r.severity))
        report.add((node, SH.sourceShape, r.shape))
        report.add((node, SH.sourceConstraint, r.constraint))
        report.add((node, SH.sourceConstraintComponent, SH.SPARQLConstraintComponent))
        if r.path is not None:
            report.add((node, SH.resultPath, r.path))
        if r.value is not None:
            report.add((node, SH.value, r.value))
        if messages and r.message:
            report.add((node, SH.resultMessage, Literal(r.message)))
    if any(r.severity == SH.Violation for r in results):
        report.set((root, SH.conforms, Literal(False)))


def without_sparql(shapes: Graph) -> Graph:
    """A copy of the shapes graph without its sh:sparql links (left to this module)."""
    g = Graph()
    for t in shapes:
        if t[1] != SH.sparql:
            g.add(t)
    return g
