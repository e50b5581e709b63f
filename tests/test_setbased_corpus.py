"""The compiled engine against one whole-graph pyshacl run on corpora (slow: pyshacl takes
tens of minutes on the 49-gold build): the graph built from the development corpus's gold
records, and a generated 20-appeal corpus, before and after 10% of its records change
(the incremental run must equal both a run from nothing and pyshacl)."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchgen import generator as _generator
from goldcorpus import gold_data
from rdflib import RDF
from rdflib.namespace import SH
from test_pergraph import whole_graph_keys
from test_shapes import result_key, shapes_graph

from kg.check.setbased import cache_path, validate_set_based
from kg.store import Store
from kg.store.build import build

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"

pytestmark = pytest.mark.slow


def _keys(store: Store, **kwargs: object) -> tuple[bool, set[tuple], object]:
    conforms, report, stats = validate_set_based(store, shapes_graph(), **kwargs)  # type: ignore[arg-type]
    root = report.value(predicate=RDF.type, object=SH.ValidationReport)
    return conforms, {result_key(report, r) for r in report.objects(root, SH.result)}, stats


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the development corpus (../shared) is not here")
def test_gold_build_same_verdicts_as_whole_graph_pyshacl(tmp_path: Path) -> None:
    data, _ = gold_data(tmp_path)
    build(tmp_path / "store", data)
    store = Store.open(tmp_path / "store")
    expected_conforms, expected = whole_graph_keys(store)
    conforms, found, _ = _keys(store)
    assert found == expected
    assert conforms == expected_conforms
    assert found, (
        "the gold build has results (warnings at least), so the comparison means something"
    )


def test_generated_corpus_same_verdicts_and_incremental_equals_full(tmp_path: Path) -> None:
    gen = _generator()
    data = gen.generate(20, tmp_path / "data", seed=5, jobs=1)
    build(tmp_path / "store", data)
    store = Store.open(tmp_path / "store")
    expected_conforms, expected = whole_graph_keys(store)
    conforms, found, stats = _keys(store, cache=cache_path(store))
    assert stats.mode == "full"  # type: ignore[attr-defined]
    assert (conforms, found) == (expected_conforms, expected)
    del store

    gen.mutate(data, 0.1, seed=5)
    build(tmp_path / "store", data)
    store = Store.open(tmp_path / "store")
    conforms, found, stats = _keys(store, cache=cache_path(store))
    assert stats.mode == "incremental" and stats.graphs_changed == 2  # type: ignore[attr-defined]
    _, from_nothing, _ = _keys(store)
    assert found == from_nothing
