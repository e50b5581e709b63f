"""The VoID counts the build keeps (kg/store/voidcounts.py) equal the SPARQL counts of the
public store: on the gold records, after an incremental rebuild that changes a record and
removes another, with a restricted appeal and a restricted event, and on awkward terms."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import numpy as np
import pyoxigraph as ox
import pytest
import yaml
from goldcorpus import FEW, gold_data

from kg.files import current_generation
from kg.publish.describe import count_store, counts_to_json
from kg.publish.export import void_description
from kg.record.caserecord import appeal_graph_iri
from kg.store.build import build
from kg.store.chunks import EXPORT_DIR, _files_digest
from kg.store.store import Store, public_store_path
from kg.store.voidcounts import (
    COUNTS_FILE,
    TermTable,
    count_graph,
    read_graph_counts,
    union_counts,
)
from kg.store.voidtable import KeptTable


def _kept(store: Path) -> dict:
    path = current_generation(store) / EXPORT_DIR / COUNTS_FILE  # type: ignore[operator]
    return json.loads(path.read_text(encoding="utf-8"))


def _files(store: Path) -> set[str]:
    """The names of the graphs' files the current generation lists."""
    folder = current_generation(store) / EXPORT_DIR  # type: ignore[operator]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return {name for _g, _stem, _n, name in manifest["graphs"]}


def _sparql(store: Store) -> dict:
    return json.loads(json.dumps(counts_to_json(count_store(store))))


def _edit(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(record)
    path.write_text(yaml.safe_dump(record, sort_keys=False, allow_unicode=True), "utf-8")


def _graph(path: Path) -> str:
    return str(appeal_graph_iri(yaml.safe_load(path.read_text(encoding="utf-8"))["appeal"]["id"]))


@pytest.mark.parametrize(
    "first",
    [
        pytest.param(FEW, id="few-records"),
        # Every gold record (make test-slow); the few above fail on the same wrong counts.
        pytest.param(None, id="every-record", marks=pytest.mark.slow),
    ],
)
def test_kept_counts_equal_sparql_counts_of_the_public_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first: int | None
) -> None:
    import kg.store.chunks as chunks_module

    # The graphs that are not appeal graphs in parts (as at scale), so that a rebuild links
    # the counts of the parts no change reaches and counts the others again.
    monkeypatch.setattr(chunks_module, "PART_MIN", 100)
    data, _ = gold_data(tmp_path, first)
    records = sorted((data / "extracted").glob("*.yaml"))
    store = tmp_path / "kg"
    build(store, data, progress=None)
    first_files = _files(store)
    public = Store.open(public_store_path(store))
    kept = _kept(store)
    assert kept == _sparql(public)
    # The export reads the kept counts instead of counting again.
    assert f"void:triples {kept['triples']}".encode() in void_description(public)
    assert _kept(store) == kept

    # Incremental: one record changed, one removed; the other graphs' counts are linked.
    _edit(records[2], lambda r: r["events"][0].update(note="a note a curator changed"))
    records[3].unlink()
    lines: list[str] = []
    build(store, data, progress=lines.append)
    assert any("graph(s) written" in line for line in lines), lines  # it was incremental
    public = Store.open(public_store_path(store))
    again = _kept(store)
    assert again == _sparql(public)
    parts = [f for f in _files(store) if f"-{chunks_module.PARTS}-" in f]
    assert {f in first_files for f in parts} == {True, False}  # kept and counted
    assert again != kept and _graph_of(kept, records) - {g for g, _ in again["per_graph"]}

    # Restricted data (built through the public filter): an appeal and an event.
    _edit(records[0], lambda r: r["appeal"].update(access="restricted"))

    def restrict_event(r: dict) -> None:
        r["events"][0]["access"] = "restricted"

    _edit(records[1], restrict_event)
    build(store, data, progress=None)
    public, full = Store.open(public_store_path(store)), Store.open(store)
    restricted = _kept(store)
    assert restricted == _sparql(public)
    # Nothing of the restricted appeal or event is counted: the public counts are not the
    # full store's, and the restricted appeal's graph is no subset.
    graphs = {g for g, _ in restricted["per_graph"]}
    assert _graph(records[0]) not in graphs and _graph(records[1]) in graphs
    assert restricted["triples"] < _sparql(full)["triples"]
    assert restricted["triples"] < again["triples"]


def _graph_of(counts: dict, records: list[Path]) -> set[str]:
    """The appeal graphs of ``counts`` whose record is gone."""
    present = {_graph(p) for p in records if p.exists()}
    return {g for g, _ in counts["per_graph"] if "/graph/appeal/" in g and g not in present}


def test_counts_of_awkward_terms_and_shared_nodes() -> None:
    """Literals with spaces, dots and escapes, blank nodes, a node two graphs share, links."""
    store = ox.Store()
    g1, g2 = "urn:g:1", "urn:g:2"
    same = "http://www.w3.org/2002/07/owl#sameAs"
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    store.load(
        (
            f'<urn:x:a> <urn:x:says> "in <{g1}> .\\nand . x" <{g1}> .\n'
            f"<urn:x:a> <{rdf_type}> <urn:x:C> <{g1}> .\n"
            f"<urn:x:a> <{rdf_type}> <urn:x:C> <{g2}> .\n"
            f"_:b <{rdf_type}> <urn:x:C> <{g2}> .\n"
            f"<urn:x:a> <{same}> <http://www.wikidata.org/entity/Q1> <{g1}> .\n"
            f"<urn:x:b> <{same}> <http://www.wikidata.org/entity/Q1> <{g2}> .\n"
            f'<urn:x:b> <urn:x:says> "in <{g1}> .\\nand . x" <{g2}> .\n'
            f'<urn:x:b> <urn:x:n> "1"^^<http://www.w3.org/2001/XMLSchema#integer> <{g2}> .\n'
            f'<urn:x:b> <urn:x:n> "01"^^<http://www.w3.org/2001/XMLSchema#integer> <{g2}> .\n'
            f'<urn:x:b> <urn:x:n> "1"@en <{g2}> .\n'
        ).encode(),
        format=ox.RdfFormat.N_QUADS,
    )
    graphs = [
        (g, count_graph(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(g))))
        for g in (g1, g2)
    ]
    ours = union_counts(graphs)
    assert ours == _sparql(Store(store, None))  # type: ignore[arg-type]
    assert ours["subjects"] == 3 and ours["entities"] == 1
    assert ours["classes"] == [["urn:x:C", 2]]
    assert Counter({(p, o): n for p, o, n in ours["links"]}) == {
        (same, "http://www.wikidata.org/entity/Q1"): 2
    }


def _table_arrays(table: TermTable) -> dict:
    return {n: (table.keys[n].tolist(), table.counts[n].tolist()) for n in sorted(table.keys)}


@pytest.mark.parametrize(
    "first",
    [
        pytest.param(FEW, id="few-records"),
        # Every gold record (make test-slow); the few above fail on the same wrong counts.
        pytest.param(None, id="every-record", marks=pytest.mark.slow),
    ],
)
def test_the_table_kept_by_rebuilds_is_the_table_counted_from_scratch(
    tmp_path: Path, first: int | None
) -> None:
    """After a record changed, one added and one removed (incremental builds that update the
    previous generation's table by the files dropped and added), the kept table holds the same
    counts per term as one merged from every listed file, and the store's counts equal those
    of a build from scratch of the same records."""
    data, _ = gold_data(tmp_path, first)
    records = sorted((data / "extracted").glob("*.yaml"))
    aside = tmp_path / "aside.yaml"
    records[5].rename(aside)
    store = tmp_path / "kg"
    build(store, data, progress=None)
    _edit(records[2], lambda r: r["events"][0].update(note="a note a curator changed"))
    records[3].unlink()
    aside.rename(records[5])
    lines: list[str] = []
    build(store, data, progress=lines.append)
    assert any("graph(s) written" in line for line in lines), lines  # it was incremental
    folder = current_generation(store) / EXPORT_DIR  # type: ignore[operator]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    pool = folder / manifest["files"]
    names = sorted({name for _g, _stem, _n, name in manifest["graphs"]})
    table = KeptTable.read(folder, pool, _files_digest(names))
    assert table is not None
    kept = table.whole()
    table.close()
    scratch = TermTable.from_counts(read_graph_counts(pool / n) for n in names)
    assert _table_arrays(kept) == _table_arrays(scratch)
    assert kept.properties == scratch.properties and kept.links == scratch.links
    assert kept.triples == scratch.triples
    fresh = tmp_path / "fresh"
    build(fresh, data, incremental=False, progress=None)
    assert _kept(store) == _kept(fresh) == _sparql(Store.open(public_store_path(store)))


def test_a_table_updated_file_by_file_equals_one_merged_at_once() -> None:
    """Adding and removing graphs' counts in any order gives the table of what is left; a
    term two graphs share stays until both are gone; removing what was never added fails."""
    g1 = count_graph(
        b"<urn:x:a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:x:C> .\n"
        b'<urn:x:a> <urn:x:p> "v" .\n'
    )
    g2 = count_graph(
        b"<urn:x:a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:x:C> .\n"
        b"<urn:x:b> <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q1> .\n"
    )
    g3 = count_graph(b'<urn:x:c> <urn:x:q> "w" .\n')
    table = TermTable.from_counts([g1, g2])
    assert table.to_json({})["subjects"] == 2 and table.to_json({})["classes"] == [["urn:x:C", 1]]
    table.update([g3], [g1])
    assert _table_arrays(table) == _table_arrays(TermTable.from_counts([g2, g3]))
    assert table.to_json({}) == union_counts([("g2", g2), ("g3", g3)]) | {"per_graph": []}
    assert table.to_json({})["classes"] == [["urn:x:C", 1]]  # g2 still types it
    table.update([], [g2])
    assert table.to_json({})["classes"] == [] and table.to_json({})["links"] == []
    with pytest.raises(ValueError):
        table.update([], [g1])


def test_a_table_merged_at_once_counts_each_term_by_the_files_holding_it() -> None:
    """A table made from the graphs' counts alone (no table to start from) holds each distinct
    hash of every table once, with the number of graphs whose counts hold it: the same as the
    table grown graph by graph, and as counted by hand."""
    rng = random.Random(5)
    terms = [f"<urn:x:t{i}>".encode() for i in range(300)]
    typ = b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    graphs = []
    for _ in range(40):
        lines = [
            b"%s <urn:x:p> %s .\n" % (rng.choice(terms), rng.choice(terms))
            for _ in range(rng.randrange(1, 30))
        ]
        lines.append(b"%s %s <urn:x:C%d> .\n" % (rng.choice(terms), typ, rng.randrange(3)))
        graphs.append(count_graph(b"".join(lines)))
    graphs.append(count_graph(b""))  # a graph with no triples adds nothing
    whole = TermTable.from_counts(graphs)
    grown = TermTable.from_counts(graphs[:1])
    for g in graphs[1:]:
        grown.update([g], [])
    assert _table_arrays(whole) == _table_arrays(grown)
    by_hand = Counter(h for g in graphs for h in g.subjects.tolist())
    assert dict(zip(*_table_arrays(whole)["subjects"], strict=True)) == dict(by_hand)
    assert all(bool(np.all(k[1:] > k[:-1])) for k in whole.keys.values())  # sorted, distinct
