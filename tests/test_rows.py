"""The report's rows (kg.check.rows): made from the results as they are read from a report
graph, kept beside the results, reused when nothing changed, updated after a change, and made
again, never trusted, when the kept rows are stale or damaged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph
from test_setbased import _store, _write

from kg.check import validate as validate_mod
from kg.check.rows import KeptRows, read_rows, rows_path, write_rows
from kg.check.setbased import cache_path, check_set_based
from kg.check.validate import record_sources, report_from_graph, report_rows, validate_store
from kg.store import Store

PREFIXES = """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://ex/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix akg: <https://w3id.org/appeals-kg/ontology#> .
"""

# Two property shapes with the same path and message: their rows are equal in record file,
# focus node, path and message, and are ordered by the other columns. A SPARQL constraint too.
SHAPES = (
    PREFIXES
    + """
ex:PersonShape a sh:NodeShape ; sh:targetClass ex:Person ;
    sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:message "needs a name" ] ;
    sh:property [ sh:path ex:name ; sh:datatype xsd:integer ; sh:message "bad name" ] ;
    sh:property [ sh:path ex:name ; sh:maxLength 1 ; sh:message "bad name" ] ;
    sh:property [ sh:path ex:org ; sh:class ex:Org ; sh:message "org must be an ex:Org" ] ;
    sh:sparql [ sh:message "a nickname without a name" ; sh:select '''SELECT $this WHERE {
        $this <http://ex/nick> ?n . FILTER NOT EXISTS { $this <http://ex/name> ?x } }''' ] .
"""
)


def _shapes() -> Graph:
    return Graph().parse(data=SHAPES, format="turtle")


def _appeal(name: str, body: str) -> str:
    return PREFIXES + f'ex:{name} akg:recordFile "cases/{name}.yaml" . ' + body


A1 = _appeal("a1", 'ex:p1 a ex:Person ; ex:name "Pete" ; ex:org ex:o1 . ex:o1 a ex:Org .')
A2 = _appeal("a2", "ex:p2 a ex:Person ; ex:nick 'Q' . ex:p3 a ex:Person ; ex:name 17 .")
A2_EDITED = _appeal("a2", "ex:p2 a ex:Person ; ex:name 'Quentin' . ex:p3 a ex:Person ; ex:name 1 .")
# a0 states a triple about p1 too, in a file whose name comes first: p1's record file becomes it.
A0 = _appeal("a0", "ex:p1 ex:note 'also here' .")


def _json(store: Store, *, incremental: bool = True) -> str:
    return validate_store(store, _shapes(), incremental=incremental).to_json()


def _rows(store: Store) -> tuple[str, str]:
    """(how the rows were had, the JSON report) of a run that keeps its results."""
    run = check_set_based(store, _shapes(), cache=cache_path(store))
    conforms, rows = report_rows(store, run)
    report = validate_mod.Report(conforms=conforms, violations=rows)
    return run.stats.rows, report.to_json()


def _kept(store: Store) -> Path:
    cache = cache_path(store)
    assert cache is not None
    return rows_path(cache)


def test_rows_are_those_read_from_the_report_graph(tmp_path: Path) -> None:
    store = _store(tmp_path, {"a1": A1, "a2": A2})
    run = check_set_based(store, _shapes())
    _, rows = report_rows(store, run)
    graph = run.report_graph()
    by_graph = report_from_graph(run.conforms, graph, record_sources(store)).violations
    # A blank node of the shapes is shown by its name that stays the same between parses;
    # the report graph shows this parse's label.
    labels = {str(node): name for node, name in run.names.items()}
    for v in by_graph:
        v.shape = labels.get(v.shape or "", v.shape)
    assert sorted(map(validate_mod.row_order, rows)) == sorted(
        map(validate_mod.row_order, by_graph)
    )
    found = {(v.focus, v.message, v.component, v.source) for v in rows}
    assert found == {
        ("<http://ex/p1>", "bad name", "sh:DatatypeConstraintComponent", "cases/a1.yaml"),
        ("<http://ex/p1>", "bad name", "sh:MaxLengthConstraintComponent", "cases/a1.yaml"),
        ("<http://ex/p2>", "needs a name", "sh:MinCountConstraintComponent", "cases/a2.yaml"),
        (
            "<http://ex/p2>",
            "a nickname without a name",
            "sh:SPARQLConstraintComponent",
            "cases/a2.yaml",
        ),
        ("<http://ex/p3>", "bad name", "sh:MaxLengthConstraintComponent", "cases/a2.yaml"),
    }
    # Rows equal in record file, focus, path and message come in one order, whatever the
    # order of the results.
    run._results = list(reversed(run.results))
    _, again = report_rows(store, run)
    assert again == rows


def test_nothing_changed_prints_the_kept_rows_without_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _store(tmp_path, {"a1": A1, "a2": A2})
    how, first = _rows(store)
    assert how == "made" and first == _json(store, incremental=False)
    assert isinstance(
        read_rows(_kept(store), json.loads(cache_path(store).read_text())["id"]), KeptRows
    )  # type: ignore[union-attr]

    def no_lookup(*_a: object, **_k: object) -> dict:
        raise AssertionError("record files looked up on a run with nothing changed")

    monkeypatch.setattr(validate_mod, "record_sources", no_lookup)
    how, again = _rows(store)
    assert (how, again) == ("kept", first)


def test_rows_after_a_change_equal_a_full_run(tmp_path: Path) -> None:
    store = _store(tmp_path, {"a1": A1, "a2": A2})
    _rows(store)
    _write(store, {"a1": A1, "a2": A2_EDITED})
    how, report = _rows(store)
    assert how == "updated"
    assert report == _json(store, incremental=False)
    assert "nickname" not in report and '"<http://ex/p3>"' not in report
    # and kept for the next run
    assert _rows(store) == ("kept", report)


def test_a_kept_row_gets_the_record_file_that_now_states_its_focus_node(tmp_path: Path) -> None:
    store = _store(tmp_path, {"a1": A1, "a2": A2})
    _, before = _rows(store)
    assert '"source": "cases/a1.yaml"' in before
    _write(store, {"a0": A0, "a1": A1, "a2": A2})  # p1's results are kept, its record file not
    how, report = _rows(store)
    assert how == "updated"
    assert report == _json(store, incremental=False)
    assert '"source": "cases/a1.yaml"' not in report and '"source": "cases/a0.yaml"' in report


def test_record_file_is_the_first_by_name(tmp_path: Path) -> None:
    store = _store(tmp_path, {"a1": A1, "a0": A0})
    from rdflib import URIRef

    assert record_sources(store, [URIRef("http://ex/p1")]) == {
        URIRef("http://ex/p1"): "cases/a0.yaml"
    }


def _damage_checksum(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data.replace(b"bad name", b"bad nom", 1))


def _damage_truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 20])


def _damage_header(path: Path) -> None:
    path.write_bytes(b"{not json\n" + path.read_bytes().partition(b"\n")[2])


def _damage_row(path: Path) -> None:
    """A body whose checksum matches but whose row is not one (a focus node that is a number)."""
    import hashlib

    head, _, body = path.read_bytes().partition(b"\n")
    rows = json.loads(body)
    rows[0][2] = 7
    body = json.dumps(rows).encode()
    header = json.loads(head) | {"sha256": hashlib.sha256(body).hexdigest()}
    path.write_bytes(json.dumps(header).encode() + b"\n" + body)


def _damage_format(path: Path) -> None:
    head, _, body = path.read_bytes().partition(b"\n")
    path.write_bytes(json.dumps(json.loads(head) | {"version": "rows-0"}).encode() + b"\n" + body)


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (_damage_checksum, "damaged (checksum)"),
        (_damage_truncate, "damaged (checksum)"),
        (_damage_header, "damaged (header)"),
        (_damage_row, "damaged (a row)"),
        (_damage_format, "of another format"),
        (lambda p: p.unlink(), "no rows kept"),
    ],
)
@pytest.mark.parametrize("changed", [False, True])
def test_damaged_rows_are_made_again(tmp_path: Path, damage, reason: str, changed: bool) -> None:  # type: ignore[no-untyped-def]
    store = _store(tmp_path, {"a1": A1, "a2": A2})
    _rows(store)
    damage(_kept(store))
    if changed:
        _write(store, {"a1": A1, "a2": A2_EDITED})
    how, report = _rows(store)
    assert how.startswith("made: ") and reason in how
    assert report == _json(store, incremental=False)
    assert _rows(store) == ("kept", report)  # written whole again


def test_rows_of_other_results_are_made_again(tmp_path: Path) -> None:
    """Rows left from an earlier run (as when a run stops between writing the results and the
    rows) are of other results: not used."""
    store = _store(tmp_path, {"a1": A1, "a2": A2})
    _rows(store)
    old = _kept(store).read_bytes()
    _write(store, {"a1": A1, "a2": A2_EDITED})
    _rows(store)
    _kept(store).write_bytes(old)
    how, report = _rows(store)
    assert how == "made: the rows kept are of other results"
    assert report == _json(store, incremental=False)


def test_rows_written_for_given_results_are_read_back(tmp_path: Path) -> None:
    from kg.check.rows import Violation

    rows = [(3, Violation("Violation", "<x>", None, "m", "s1", "sh:C", "1", "f.yaml"))]
    write_rows(tmp_path / "r.rows", "id1", False, rows)
    kept = read_rows(tmp_path / "r.rows", "id1")
    assert isinstance(kept, KeptRows) and (kept.conforms, kept.rows) == (False, rows)
    assert read_rows(tmp_path / "r.rows", "id2") == "the rows kept are of other results"
    assert read_rows(tmp_path / "r.rows", None) == "the results kept have no id"


def test_the_report_graph_is_made_for_turtle_only(tmp_path: Path) -> None:
    store = _store(tmp_path, {"a1": A1, "a2": A2})
    report = validate_store(store, _shapes())
    assert report.make_graph is not None and len(report.graph) == 0
    report.to_json()
    assert report.make_graph is not None
    turtle = Graph().parse(data=report.to_turtle(), format="turtle")
    sh = "http://www.w3.org/ns/shacl#"
    from rdflib import URIRef

    assert len(set(turtle.objects(None, URIRef(sh + "result")))) == len(report.violations)


@pytest.mark.parametrize("conforms", [True, False])
def test_json_report_is_json_dumps_byte_for_byte(conforms: bool) -> None:
    from dataclasses import asdict

    from kg.check.rows import Violation

    rows = [
        Violation(
            "Violation",
            "<http://ex/p1>",
            "ex:name",
            'a "quoted"\nline',
            "s1",
            "sh:C",
            "é ✓ \x01",
            "a.yaml",
        ),
        Violation("Warning", "_:b", None, "", None, None, None, None),
        Violation("Info", "\\", "</>", "\u2028\ud7ff", "x", "y", "z", "dir/ü.yaml"),
    ]
    for have in ([], rows):
        report = validate_mod.Report(conforms=conforms, violations=have)
        data = {"conforms": conforms, "results": [asdict(v) for v in have]}
        assert report.to_json() == json.dumps(data, indent=2, ensure_ascii=False)
