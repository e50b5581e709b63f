"""Shapes: each fixture in tests/shapes/ yields exactly the results it declares, the seed case
conforms, and every property shape tells a curator what it checks and what to fix.

The fixture format is described in tests/shapes/README.md.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

ROOT = Path(__file__).resolve().parent.parent
SHAPES_DIR = ROOT / "shapes"
ONTOLOGY_DIR = ROOT / "ontology"
FIXTURES_DIR = Path(__file__).resolve().parent / "shapes"
SEED = "seed-dauletbayev-2017"

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
SHT = Namespace("http://www.w3.org/ns/shacl-test#")

FIXTURES = sorted(FIXTURES_DIR.glob("*.ttl"))


@cache
def shapes_graph() -> Graph:
    """All shape files plus prefixes.ttl, whose sh:declare the SPARQL constraints use."""
    g = Graph()
    g.parse(ONTOLOGY_DIR / "prefixes.ttl", format="turtle")
    for path in sorted(SHAPES_DIR.glob("*.ttl")):
        g.parse(path, format="turtle")
    return g


@cache
def ontology_graph() -> Graph:
    """The ontology and vocabularies: scheme membership and subclass axioms live there."""
    g = Graph()
    for path in sorted(ONTOLOGY_DIR.glob("*.ttl")):
        g.parse(path, format="turtle")
    return g


def run_shacl(data: Graph) -> tuple[bool, Graph]:
    conforms, report, _ = validate(
        data, shacl_graph=shapes_graph(), inference="none", advanced=True, allow_warnings=True
    )
    return bool(conforms), report


def top_results(report: Graph) -> list:
    """The report's own results; pyshacl also types the nested ones behind sh:node (sh:detail)."""
    return list(report.objects(None, SH.result))


def path_key(g: Graph, path: object) -> object:
    """A path comparable across graphs: IRIs as they are, blank-node paths spelt out."""
    if path is None or isinstance(path, URIRef):
        return path
    inverse = g.value(path, SH.inversePath)
    if inverse is not None:
        return ("^", path_key(g, inverse))
    alternatives = g.value(path, SH.alternativePath)
    if alternatives is not None:
        return ("|", path_key(g, alternatives))
    if g.value(path, RDF.first) is not None:
        return tuple(path_key(g, p) for p in Collection(g, path))
    return ("?", str(path))


def result_key(g: Graph, res: object) -> tuple:
    """(focus, path, component, severity, SPARQL constraint or None)."""
    component = g.value(res, SH.sourceConstraintComponent)
    constraint = (
        g.value(res, SH.sourceConstraint) if component == SH.SPARQLConstraintComponent else None
    )
    return (
        g.value(res, SH.focusNode),
        path_key(g, g.value(res, SH.resultPath)),
        component,
        g.value(res, SH.resultSeverity) or SH.Violation,
        constraint,
    )


def reachable(g: Graph, start: object) -> set:
    """The node and every blank node hanging from it: the manifest part of a fixture."""
    seen, todo = {start}, [start]
    while todo:
        for o in g.objects(todo.pop(), None):
            if isinstance(o, BNode) and o not in seen:
                seen.add(o)
                todo.append(o)
    return seen


def load_fixture(path: Path) -> tuple[Graph, bool, set[tuple]]:
    """The data graph, the expected conformance and the expected result keys of a fixture."""
    g = Graph()
    g.parse(path, format="turtle")
    tests = list(g.subjects(RDF.type, SHT.Validate))
    assert len(tests) == 1, f"{path.name}: needs exactly one sht:Validate entry"
    test = tests[0]
    manifest = reachable(g, test)
    own = Graph()
    for t in g:
        if t[0] not in manifest:
            own.add(t)
    data = Graph()
    data += own
    action = g.value(test, MF.action)
    for extra in g.objects(action, SHT.dataGraph) if action is not None else []:
        if extra != test:
            data.parse(str(extra), format="turtle")  # resolved against the fixture's own IRI
    data += ontology_graph()
    report = g.value(test, MF.result)
    conforms = g.value(report, SH.conforms)
    assert isinstance(conforms, Literal), f"{path.name}: mf:result needs sh:conforms"
    expected = {result_key(g, r) for r in g.objects(report, SH.result)}
    return data, bool(conforms.toPython()), expected


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_fixture_gives_expected_results(path: Path) -> None:
    data, conforms, expected = load_fixture(path)
    conformed, report = run_shacl(data)
    results = top_results(report)
    found = {result_key(report, r) for r in results}
    messages = {result_key(report, r): str(report.value(r, SH.resultMessage)) for r in results}
    missing, extra = expected - found, found - expected
    detail = "\n".join(
        [f"missing: {k}" for k in sorted(missing, key=str)]
        + [f"unexpected: {k} -- {messages[k]}" for k in sorted(extra, key=str)]
    )
    assert found == expected, f"{path.name}:\n{detail}"
    assert conformed == conforms, f"{path.name}: conforms is {conformed}"


def test_every_fixture_named_after_a_shape_file() -> None:
    shapes = {p.stem for p in SHAPES_DIR.glob("*.ttl")} | {"conforming"}
    for path in FIXTURES:
        stem, _, number = path.stem.rpartition("-")
        assert stem in shapes and number.isdigit() and len(number) == 3, path.name


def test_every_shape_file_has_a_broken_fixture() -> None:
    broken = {p.stem.rpartition("-")[0] for p in FIXTURES if not p.stem.startswith("conforming")}
    missing = {p.stem for p in SHAPES_DIR.glob("*.ttl")} - broken
    assert not missing, f"shape files without a broken fixture: {sorted(missing)}"


def test_seed_case_conforms() -> None:
    from kg.record.caserecord import load_record, record_to_graph
    from kg.store.build import reference_graph

    record = load_record(ROOT / "data" / "cases" / f"{SEED}.yaml")
    text = (ROOT / "data" / "appeals" / f"{SEED}.txt").read_text(encoding="utf-8")
    data = record_to_graph(record, text)[1] + ontology_graph() + reference_graph()
    _, report = run_shacl(data)
    lines = [
        f"{report.value(r, SH.focusNode)} {report.value(r, SH.resultPath)}: "
        f"{report.value(r, SH.resultMessage)}"
        for r in top_results(report)
    ]
    assert not lines, "\n".join(sorted(lines))


def test_every_property_shape_has_name_and_message() -> None:
    g = shapes_graph()
    for shape in set(g.subjects(SH.path, None)):
        label = g.value(shape, SH.name) or shape
        assert g.value(shape, SH.name) is not None, f"property shape {shape} has no sh:name"
        assert g.value(shape, SH.message) is not None, f"property shape {label} has no sh:message"
    for constraint in g.objects(None, SH.sparql):
        assert g.value(constraint, SH.message) is not None, f"{constraint} has no sh:message"
        assert g.value(constraint, SH.prefixes) is not None, f"{constraint} has no sh:prefixes"


def test_every_shape_file_opens_with_a_header_comment() -> None:
    for path in sorted(SHAPES_DIR.glob("*.ttl")):
        assert path.read_text(encoding="utf-8").startswith("# "), path.name
