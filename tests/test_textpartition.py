"""One triple, one graph decided on the build's N-Quads text (kg.store.textpartition) against
the partition of the loaded store it replaces in the full build (kg.store.delta.partition_store),
and the appeal graphs' export files written from that text (kg.store.chunks.appeal_files_writer)
against the store's own graphs."""

from __future__ import annotations

import pickle
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pyoxigraph as ox
import pytest
from benchgen import generator as _generator
from goldcorpus import gold_data

import kg.store.stream as stream
import kg.store.textpartition as textpartition
from kg.files import read_unpacked
from kg.store.chunks import READY_DIR, _stem, appeal_files_writer, export_prefixes, turtle_header
from kg.store.delta import APPEAL_GRAPHS, partition_store
from kg.store.textpartition import partition_nquads
from kg.store.voidcounts import count_graph, read_graph_counts
from kg.vocab import DATA_DIR, ONTOLOGY_GRAPH, REFERENCE_GRAPH

EX = "https://example.org/"
ONTO, REF = f"<{ONTOLOGY_GRAPH}>", f"<{REFERENCE_GRAPH}>"


def _graph(name: str, *triples: str) -> str:
    return "".join(f"{t} {name} .\n" for t in triples)


def _a(name: str) -> str:
    return f"<{APPEAL_GRAPHS}{name}>"


def _canonical(store: ox.Store) -> list[str]:
    ds = ox.Dataset(store.quads_for_pattern(None, None, None, None))
    ds.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return sorted(str(q) for q in ds)


def _both(ontology: str, reference: str, cases: list[str], tmp: Path) -> tuple[Any, Any]:
    """(store partitioned after the load, its index), (store of the text partition, its
    index and the export counts)."""
    tmp.mkdir(parents=True, exist_ok=True)
    old = ox.Store(str(tmp / "old"))  # on disk: partition_store reads its index order
    old.load(input=(ontology + reference + "".join(cases)).encode(), format=ox.RdfFormat.N_QUADS)
    old_index = partition_store(old)
    written: list[str] = []
    found = partition_nquads(
        ontology, reference, cases, tmp / "work.nq", written.append, appeal_files_writer(tmp)
    )
    assert not (tmp / "work.nq").exists()
    new = ox.Store()
    new.load(input="".join(written).encode(), format=ox.RdfFormat.N_QUADS)
    _same_void_counts(new, tmp)
    return (old, old_index), (new, found)


def _same_void_counts(store: ox.Store, tmp: Path) -> None:
    """Each appeal graph's VoID counts, written from the build's text, are those of the text
    Oxigraph writes of the graph as the store holds it."""
    for graph in store.named_graphs():
        if not graph.value.startswith(APPEAL_GRAPHS):
            continue
        got = read_graph_counts(tmp / READY_DIR / _stem(graph.value))
        nt = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph) or b""
        want = count_graph(nt)
        assert (got.triples, got.properties, got.links) == (
            want.triples,
            want.properties,
            want.links,
        ), graph
        for name in ("subjects", "objects", "entities"):
            assert getattr(got, name).tolist() == getattr(want, name).tolist(), (graph, name)
        assert {c: v.tolist() for c, v in got.classes.items()} == {
            c: v.tolist() for c, v in want.classes.items()
        }, graph


_S1 = f"<{EX}s1> <{EX}p> <{EX}o>"
_S2 = f'<{EX}s2> <{EX}p> "x"'
_S3 = f'<{EX}s3> <{EX}q> "x"'
_S4 = f"<{EX}s4> <{EX}q> <{EX}o>"
_S5 = f"<{EX}s5> <{EX}p> <{EX}o>"
_S6 = [f'<{EX}s6> <{EX}q> "{n}"' for n in (1, 2, 3)]
_CASES = [
    _graph(_a("a"), _S1, _S2, _S4, _S6[0]),
    _graph(_a("b"), _S1, _S2, _S4, _S5, _S6[1]),
    _graph(_a("c"), _S2, _S3, _S6[2]),
]


@pytest.mark.parametrize("how", ["hashes", "every-hash-equal", "many-buckets"])
def test_each_triple_is_placed_as_the_store_partition_places_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    if how == "every-hash-equal":  # every line meets every other: the text alone decides
        monkeypatch.setattr(textpartition, "hash", lambda _s: 7, raising=False)
    if how == "many-buckets":  # 15 hashes in blocks of 2, sorted in 8 buckets
        monkeypatch.setattr(textpartition, "BLOCK", 2)
        monkeypatch.setattr(textpartition, "BUCKET", 2)
    ontology, reference = _graph(ONTO, _S4), _graph(REF, _S2, _S3)
    (old, old_index), (new, found) = _both(ontology, reference, _CASES, tmp_path)
    assert found.shared == old_index == {_S1: [APPEAL_GRAPHS + "a", APPEAL_GRAPHS + "b"]}
    assert _canonical(new) == _canonical(old)
    expected = {
        f"{_S1} {REF}",
        f"{_S2} {REF}",
        f"{_S3} {REF}",
        f"{_S4} {ONTO}",
        f"{_S5} {_a('b')}",
        *(f"{t} {_a(g)}" for t, g in zip(_S6, "abc", strict=True)),
    }
    assert {str(q) for q in new} == expected
    assert found.exported == {APPEAL_GRAPHS + g: n for g, n in zip("abc", (1, 2, 1), strict=True)}


@pytest.mark.parametrize(
    ("block", "bucket"), [(1 << 20, 1 << 22), (7, 16), (1000, 64)], ids=["one", "few", "many"]
)
def test_repeated_hashes_are_found_whatever_the_buckets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block: int, bucket: int
) -> None:
    """Every position whose hash is met anywhere else, the first too, and no other, in line
    order, when the hashes are written and sorted in one bucket, a few or many (the hashes
    spread over the whole range of 64-bit numbers, negative ones too); no bucket file left."""
    monkeypatch.setattr(textpartition, "BLOCK", block)
    monkeypatch.setattr(textpartition, "BUCKET", bucket)
    rng = np.random.default_rng(3)
    values = rng.integers(-(2**63), 2**63 - 1, size=5000, dtype=np.int64)
    values[rng.integers(0, 5000, 900)] = values[rng.integers(0, 5000, 900)]
    values[[10, 4999, 0]] = values[1234]  # the first and the last line repeat too
    hashes = textpartition._HashFile(tmp_path / "lines.hashes")
    hashes.extend(values[:2500].tolist())
    hashes.extend(values[2500:].tolist())
    found = hashes.repeated()
    seen = Counter(values.tolist())
    expected = [n for n, v in enumerate(values.tolist()) if seen[v] > 1]
    assert 1000 < len(expected) < 2000 and {0, 10, 1234, 4999} <= set(expected)
    assert found.tolist() == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lines.hashes"]


def test_repeated_hashes_of_no_line_and_of_lines_all_distinct(tmp_path: Path) -> None:
    empty = textpartition._HashFile(tmp_path / "none.hashes")
    assert empty.repeated().tolist() == []
    distinct = textpartition._HashFile(tmp_path / "distinct.hashes")
    distinct.extend(range(-50, 50))
    assert distinct.repeated().tolist() == []


def test_literals_with_characters_that_end_lines_elsewhere(tmp_path: Path) -> None:
    """A quote may hold U+2028, a form feed or NEL, which ``str.splitlines`` takes for line
    ends and N-Quads writes as they are: a line is only ever cut at a newline."""
    odd = [f'<{EX}s7> <{EX}q> "a\u2028b"', f'<{EX}s8> <{EX}q> "c\x0cd\x85e\x1cf"']
    own = f'<{EX}s9> <{EX}q> "g\u2028h\u2029"'
    # A tab and a control character Oxigraph escapes: the export counts are still its text's.
    tab = f'<{EX}s10> <{EX}q> "i\tj\x7fk" .\n'
    cases = [
        _graph(_a("a"), _S1, *odd, own, tab[:-3]),
        _graph(_a("d"), f'<{EX}s11> <{EX}q> "x\x01"'),
        _graph(_a("b"), _S1, odd[1]),
        _graph(_a("c"), odd[0]),
    ]
    ontology, reference = _graph(ONTO, _S4), _graph(REF, _S2)
    (old, old_index), (new, found) = _both(ontology, reference, cases, tmp_path)
    assert _canonical(new) == _canonical(old)
    assert found.shared == old_index and len(old_index) == 3
    # Every other line is stated by two appeals, so it lives in the reference graph.
    assert found.exported == {
        APPEAL_GRAPHS + g: n for g, n in zip("adbc", (2, 1, 0, 0), strict=True)
    }


def _captured(data: Path, tmp: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The texts a full build of ``data`` partitions, and the store it made."""
    kept = tmp / "partitioned.pickle"  # the build's first half may run in a child process

    def capture(ontology: str, reference: str, cases: Any, *rest: Any) -> Any:
        texts = (ontology, reference, list(cases))
        with open(kept, "wb") as f:
            pickle.dump(texts, f)
        return partition_nquads(ontology, reference, texts[2], *rest)

    monkeypatch.setattr(stream, "partition_nquads", capture)
    stream.build_streaming(tmp / "kg", data, incremental=False, progress=None)
    with open(kept, "rb") as f:
        return {"texts": pickle.load(f)}  # noqa: S301 - written just above


def _compare_build(data: Path, tmp: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """Both partitions of what a full build of ``data`` loads; returns (quads, shared triples)."""
    ontology, reference, cases = _captured(data, tmp, monkeypatch)["texts"]
    (old, old_index), (new, found) = _both(ontology, reference, cases, tmp / "text")
    assert found.shared == old_index
    assert _canonical(new) == _canonical(old)
    # The export files written from the text hold each appeal graph as the store holds it.
    header = turtle_header(export_prefixes())
    appeal_graphs = [g for g in old.named_graphs() if g.value.startswith(APPEAL_GRAPHS)]
    assert sorted(found.exported) == sorted(g.value for g in appeal_graphs)
    for graph in appeal_graphs:
        stem = tmp / "text" / READY_DIR / _stem(graph.value)
        held = set(old.quads_for_pattern(None, None, None, graph))
        nq = set(ox.parse(read_unpacked(f"{stem}.nq.zst"), format=ox.RdfFormat.N_QUADS))
        ttl = {
            q.triple
            for q in ox.parse(
                input=header + read_unpacked(f"{stem}.ttl.zst"), format=ox.RdfFormat.TURTLE
            )
        }
        assert nq == held, graph
        assert ttl == {q.triple for q in held}, graph
        assert found.exported[graph.value] == len(held)
    moved = sum(len(c.splitlines()) for c in cases) - sum(found.exported.values())
    assert moved > 0  # the corpus exercises the partition
    return len(new), len(found.shared)


@pytest.mark.parametrize("buckets", [False, True], ids=["one-bucket", "many-buckets"])
def test_same_store_and_files_on_a_generated_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, buckets: bool
) -> None:
    if buckets:  # the hashes written and read in blocks of 1,000, sorted in 16 buckets or so
        monkeypatch.setattr(textpartition, "BLOCK", 1000)
        monkeypatch.setattr(textpartition, "BUCKET", 512)
    data = _generator().generate(12, tmp_path / "corpus", seed=5, jobs=1)
    shutil.copytree(DATA_DIR / "reference", data / "reference", dirs_exist_ok=True)
    quads, shared = _compare_build(data, tmp_path, monkeypatch)
    assert quads > 12 * 300 and shared > 10


def test_same_store_and_files_on_the_seed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _compare_build(DATA_DIR, tmp_path, monkeypatch)[0] > 100


def test_same_store_and_files_on_the_gold_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, n = gold_data(tmp_path)
    quads, shared = _compare_build(data, tmp_path, monkeypatch)
    assert quads > n * 300 and shared > 10
