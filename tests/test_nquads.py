"""The record -> N-Quads writer without rdflib graphs (kg/record/nquads.py, kg/store/casequads.py)
against the rdflib path it replaces in the build: case graph, labels deferred to the reference
data, N-Quads written term by term."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from benchgen import generator as _generator
from goldcorpus import gold_data
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef

from kg.record.caserecord import load_record, record_to_graph
from kg.record.identity import apply_resolution, resolve_identities
from kg.record.nquads import TripleSet, nquads, term_text
from kg.store.build import (
    IDENTITIES_FILE,
    CaseSource,
    case_graph,
    defer_to_reference,
    find_cases,
    reference_graph,
)
from kg.store.casequads import case_nquads, reference_labels
from kg.store.stream import graph_nquads
from kg.vocab import DATA_DIR


def _quads(text: str) -> list[ox.Quad]:
    return list(ox.parse(input=text.encode("utf-8"), format=ox.RdfFormat.N_QUADS))


def _rdflib_nquads(case: CaseSource, record: dict[str, Any], reference: Graph) -> str:
    name, g = case_graph(case, record)
    defer_to_reference(g, reference)
    return graph_nquads(g, name)


def _compare_cases(data: Path) -> int:
    """Both writers over every case of ``data`` (identities resolved as the build does);
    returns the quads compared."""
    cases, _ = find_cases(data)
    records = {c.appeal_id: load_record(c.record_path) for c in cases}
    apply_resolution(records, resolve_identities(records, data / IDENTITIES_FILE))
    reference = reference_graph(data)
    labels = reference_labels(reference)
    total = 0
    for case in cases:
        expected = _quads(_rdflib_nquads(case, records[case.appeal_id], reference))
        got = _quads(case_nquads(case, records[case.appeal_id], labels))
        assert len(got) == len(set(got)), case.appeal_id  # each triple once
        assert set(got) == set(expected), case.appeal_id
        total += len(got)
    return total


def test_same_quads_on_the_seed() -> None:
    assert _compare_cases(DATA_DIR) > 100


def test_same_quads_on_a_generated_corpus(tmp_path: Path) -> None:
    data = _generator().generate(30, tmp_path / "corpus", seed=11, jobs=1)
    shutil.copytree(DATA_DIR / "reference", data / "reference", dirs_exist_ok=True)
    assert _compare_cases(data) > 30 * 300


def test_same_quads_on_the_gold_corpus(tmp_path: Path) -> None:
    data, n = gold_data(tmp_path)
    assert _compare_cases(data) > n * 20


# Records the corpora may not hold: charges derived from events (``Graph.set`` and ``value``
# on the builder's graph), a sub-national jurisdiction, every kind of literal.
_RECORDS: list[dict[str, Any]] = [
    {
        "appeal": {"id": "t-2", "title": 'A "quoted" \\ title\nover two lines\r', "date": "2017"},
        "persons": [
            {"id": "p1", "name": "Ayşe Öz", "roles": ["defender"], "confidence": 0.75},
            {"id": "p2", "name": "Б. В.", "variants": ["B. V.", "B V"], "roles": ["judge"]},
        ],
        "instruments": [
            {
                "id": "i1",
                "name": "Criminal Code",
                "kind": "criminal_code",
                "provisions": [{"id": "a1", "article": "130"}, {"id": "a2", "article": "419"}],
            }
        ],
        "events": [
            {
                "id": "e1",
                "type": "case_opened",
                "date": "2017-09",
                "targets": ["p1"],
                "provisions": ["a1"],
            },
            {
                "id": "e2",
                "type": "charge_reclassified",
                "date": "2017-11-07",
                "targets": ["p1"],
                "provisions": ["a1", "a2"],
            },
            {
                "id": "e3",
                "type": "conviction",
                "date": "2018-01-02",
                "targets": ["p1"],
                "provisions": ["a2"],
            },
        ],
    },
    {
        "appeal": {"id": "t-law", "date": "2020-01-01", "countries": ["Indonesia", "Turkey"]},
        "places": [{"id": "l1", "name": "Aceh Province of Indonesia", "kind": "region"}],
        "instruments": [
            {
                "id": "i1",
                "name": "Qanun No. 6",
                "kind": "law",
                "jurisdiction": "Aceh province of Indonesia",
            }
        ],
    },
]


@pytest.mark.parametrize("record", _RECORDS, ids=lambda r: r["appeal"]["id"])
def test_same_quads_on_records_with_other_field_kinds(record: dict[str, Any]) -> None:
    reference = reference_graph(DATA_DIR)
    case = CaseSource(record["appeal"]["id"], Path("cases/x.yaml"), None, True)
    expected = _quads(_rdflib_nquads(case, record, reference))
    got = _quads(case_nquads(case, record, reference_labels(reference)))
    assert set(got) == set(expected) and len(got) == len(expected)


def test_charges_follow_the_events() -> None:
    """The writer's graph answers ``value`` and ``set`` as rdflib's: the conviction marks the
    charge convicted, the reclassified one superseded."""
    _, g = record_to_graph(_RECORDS[0], graph=TripleSet())
    statuses = sorted(str(o).rsplit("/", 1)[-1] for s, p, o in g if str(p).endswith("Status"))
    assert statuses == ["convicted", "superseded"]


_LITERALS = [
    Literal('a "b" \\ c\nd\re\tf'),
    Literal("ünïcødé ✓ \U0001f600"),
    Literal("chat", lang="fr"),
    Literal("x", lang="en-GB"),
    Literal(12, datatype=XSD.integer),
    Literal("0.5", datatype=XSD.decimal),
    Literal("2017-09", datatype=XSD.gYearMonth),
    Literal("2017-09-21", datatype=XSD.date),
    Literal("plain", datatype=XSD.string),
]


@pytest.mark.parametrize("literal", _LITERALS, ids=repr)
def test_literals_are_written_as_rdflib_writes_them(literal: Literal) -> None:
    s, p = URIRef("urn:x:s"), URIRef("urn:x:p")
    g = Graph()
    g.add((s, p, literal))
    expected = {
        ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode("urn:x:g"))
        for q in ox.parse(input=g.serialize(format="nt").encode(), format=ox.RdfFormat.N_TRIPLES)
    }
    assert set(_quads(nquads([(s, p, literal)], "urn:x:g"))) == expected


def test_terms() -> None:
    assert term_text(URIRef("urn:x:a")) == "<urn:x:a>"
    assert term_text(BNode("b1")) == "_:b1"
    assert term_text(RDF.type) == "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    with pytest.raises(TypeError):
        term_text("not a term")


def test_triple_set_keeps_each_triple_once_and_answers_like_a_graph() -> None:
    s, o1, o2 = URIRef("urn:x:s"), Literal("one"), Literal("two")
    ts, g = TripleSet(), Graph()
    for target in (ts, g):
        target.add((s, RDFS.label, o1))
        target.add((s, RDFS.label, o1))
        target.set((s, RDFS.comment, o1))
        target.set((s, RDFS.comment, o2))
        target.add((s, RDFS.label, o2))
        target.remove((s, RDFS.label, o1))
    assert set(ts) == set(g) and len(ts) == len(g) == 2
    assert ts.value(s, RDFS.comment) == g.value(s, RDFS.comment) == o2
    assert (s, RDFS.label, o2) in ts and (s, RDFS.label, o1) not in ts
    assert sorted(ts.subject_objects(RDFS.label)) == sorted(g.subject_objects(RDFS.label))


def test_evidence_spans_written_from_their_values() -> None:
    """A TripleSet keeps a span's offsets and quote as values and writes them as text: the
    same quads as rdflib's literals, quotes that need escaping included; iterating the set
    gives them as rdflib terms."""
    quotes = ['say "no" \\ twice\nthen\r', "ünïcødé ✓ \U0001f600", "plain"]
    record = {
        "appeal": {"id": "t-spans", "date": "2020-01-01", "countries": ["Turkey"]},
        "persons": [
            {
                "id": f"p{n}",
                "name": f"Person {n}",
                "evidence": [{"start": 10 * n, "end": 10 * n + 5, "quote": q}],
            }
            for n, q in enumerate(quotes)
        ]
        + [  # the same span twice, and offsets that are not plain ints (the rdflib path)
            {"id": "p9", "name": "P", "evidence": [{"start": 0, "end": 5, "quote": "say "}]},
            {"id": "p8", "name": "Q", "evidence": [{"start": True, "end": 7, "quote": "x"}]},
        ],
    }
    reference = reference_graph(DATA_DIR)
    case = CaseSource("t-spans", Path("cases/x.yaml"), None, True)
    expected = _quads(_rdflib_nquads(case, record, reference))
    text = case_nquads(case, record, reference_labels(reference))
    got = _quads(text)
    assert set(got) == set(expected) and len(got) == len(expected)
    exact = {q.object.value for q in got if q.predicate.value.endswith("#exact")}
    assert exact == {*quotes, "x"}  # the second statement of a span adds no triple
    _, ts = record_to_graph(record, graph=TripleSet())
    _, g = record_to_graph(record)
    assert set(ts) == set(g) and len(ts) == len(g)
