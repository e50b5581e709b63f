"""The workers of a full build (kg.store.workers): forked once, they parse the records and
write the case graphs (kg.store.stream._nquads), each record sent with its own share of
identity resolution, in a bounded window; spawned when the graphs are written with no record
read."""

from __future__ import annotations

import copy
import dataclasses
import gc
import json
import multiprocessing
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from benchgen import generator as _generator

import kg.store.chunks as chunks
import kg.store.spill as spill
import kg.store.stream as stream
import kg.store.workers as workers_module
from kg.files import current_generation, read_unpacked
from kg.record.identity import (
    Resolution,
    apply_resolution,
    canonical_provisions,
    record_items,
    record_provisions,
    resolve_items,
)
from kg.store.build import build_classic
from kg.store.chunks import EXPORT_DIR, MANIFEST, NQ, TTL
from kg.store.spill import read_record
from kg.store.store import Store
from kg.store.voidcounts import SUFFIX
from kg.vocab import DATA_DIR, ONTOLOGY_GRAPH


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = _generator().generate(24, tmp_path_factory.mktemp("corpus"), seed=5, jobs=1)
    shutil.copytree(DATA_DIR / "reference", out / "reference", dirs_exist_ok=True)
    return out


def _canonical(store_path: Path) -> list[str]:
    ds = ox.Dataset(Store.open(store_path).oxigraph.quads_for_pattern(None, None, None, None))
    ds.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return sorted(str(q) for q in ds)


@pytest.fixture(scope="module")
def classic(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The rdflib-dataset build of the corpus, canonical: what each build of the unchanged
    corpus must give (about 7 s of CPU a build, so made once for the tests that compare)."""
    path = tmp_path_factory.mktemp("classic") / "classic"
    build_classic(path, corpus)
    return _canonical(path)


def _pool_methods(monkeypatch: pytest.MonkeyPatch, log: Path) -> Path:
    """The start method of each process pool the build's workers make, a line each in
    ``log`` as made (in whichever process of the build makes it: a full build's first half
    runs in a child, kg.store.apart)."""
    real = workers_module.ProcessPoolExecutor

    def pool(workers: int, **kwargs: Any) -> Any:
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"{kwargs['mp_context'].get_start_method()}\n")
        return real(workers, **kwargs)

    monkeypatch.setattr(workers_module, "ProcessPoolExecutor", pool)
    monkeypatch.setattr(workers_module, "PARALLEL_FROM", 1)
    monkeypatch.setattr(stream, "PART", 3)  # 24 records: 8 parts, 2 in flight at a time
    monkeypatch.setattr(stream, "AHEAD", 1)
    return log


def _made(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").split() if log.exists() else []


def _noting_pid(module: Any, name: str, log: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``module.name`` note the process it runs in (a forked worker inherits the
    patched module; the wrapper is found by name when a job is sent to it)."""
    real = getattr(module, name)

    def noted(*args: Any) -> Any:
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()}\n")
        return real(*args)

    noted.__module__, noted.__qualname__ = module.__name__, name
    monkeypatch.setattr(module, name, noted)


def _pids(log: Path) -> set[int]:
    return {int(x) for x in log.read_text(encoding="utf-8").split()}


def test_one_forked_pool_parses_the_records_and_writes_their_graphs(
    corpus: Path, classic: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    methods = _pool_methods(monkeypatch, tmp_path / "pools")
    _noting_pid(spill, "_read_job", tmp_path / "parsed", monkeypatch)
    _noting_pid(stream, "_cases_nquads", tmp_path / "written", monkeypatch)
    said: list[str] = []
    result = stream.build_streaming(
        tmp_path / "workers", corpus, incremental=False, jobs=2, progress=said.append
    )
    assert _made(methods) == ["fork"]  # one pool, for both steps
    parsed, written = _pids(tmp_path / "parsed"), _pids(tmp_path / "written")
    assert os.getpid() not in parsed | written
    assert written <= parsed and len(parsed) == 2
    assert result.identity_clusters, "the corpus must merge items across records"
    assert any("build: 24/24 graphs" in line for line in said), said
    assert _canonical(tmp_path / "workers") == classic


def test_graphs_written_without_records_read_go_to_spawned_workers(
    corpus: Path, classic: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stream.build_streaming(tmp_path / "kg", corpus, incremental=False, progress=None)
    methods = _pool_methods(monkeypatch, tmp_path / "pools")
    # A change to the code that makes graphs: every graph is written again, no record read.
    monkeypatch.setattr(stream, "recipe_hash", lambda: "another recipe")
    said: list[str] = []
    stream.build_streaming(tmp_path / "kg", corpus, progress=said.append)
    assert any("24 record file(s), 0 read" in line for line in said), said
    assert any("24 graph(s) to write" in line for line in said), said
    assert _made(methods) == ["spawn"]
    assert _canonical(tmp_path / "kg") == classic


@pytest.mark.parametrize("by", ["whole", "own items"])
def test_a_records_view_resolves_it_as_the_whole_resolution_does(corpus: Path, by: str) -> None:
    """Each record's view, made from the whole resolution or (as a rebuild makes it) from the
    record's own items."""
    records, resolution, canon, keys = _resolved(corpus)
    view = stream._views(resolution, canon, None if by == "whole" else keys.__getitem__)
    merged = 0
    for aid, record in records.items():
        whole, alone = copy.deepcopy(record), copy.deepcopy(record)
        apply_resolution({aid: whole}, resolution, canon)
        clusters, provisions = view(aid)  # type: ignore[misc]
        merged += apply_resolution({aid: alone}, Resolution(clusters, [], {}), provisions)
        assert alone == whole, aid
    assert merged > 0


def _resolved(corpus: Path) -> tuple[dict, Resolution, dict, dict]:
    records = {}
    for path in sorted((corpus / "cases").glob("*.yaml")):
        record = read_record(path, path.read_bytes())
        records[str(record["appeal"]["id"])] = record
    resolution = resolve_items(record_items(records))
    canon = canonical_provisions(
        {aid: record_provisions(r) for aid, r in records.items()}, resolution
    )
    keys = {aid: [i.key for i in record_items({aid: r}).values()] for aid, r in records.items()}
    return records, resolution, canon, keys


def test_a_view_orders_two_items_of_one_record_in_one_cluster_by_their_places(
    corpus: Path,
) -> None:
    """A cluster may hold two items of one record (a curated decision may say so): a view
    made from the record's own items gives them in the cluster's order of members, as the
    view made from the whole resolution does."""
    _records, resolution, canon, keys = _resolved(corpus)
    # A cluster of several members, one of a record that has an item of another cluster
    # (or of none) after it: that item is moved into the cluster, before it.
    big, taken = next(
        (c, k)
        for c in sorted(resolution.clusters, key=lambda c: -len(c.members))
        for k in keys[c.members[0][0]][keys[c.members[0][0]].index(c.members[0]) + 1 :]
        if resolution.cluster_of(*k) is not c
    )
    aid = big.members[0][0]
    clusters = []
    for c in resolution.clusters:
        members = [m for m in c.members if m != taken]
        if c is big:  # the record's other item first (it comes after the other in the record)
            members = [taken, *members]
        if members:
            clusters.append(dataclasses.replace(c, members=members))
    changed = Resolution(clusters, [], {})
    whole = stream._views(changed, canon)(aid)
    own = stream._views(changed, canon, keys.__getitem__)(aid)
    assert whole is not None and own is not None
    assert [(c.members, c.iri) for c in own[0]] == [(c.members, c.iri) for c in whole[0]]
    assert [c.members[0] for c in own[0] if c.iri == big.iri] == [taken, big.members[0]]


def _export_files(store_path: Path) -> dict[str, tuple[bytes, ...]]:
    """Each graph's export files (N-Quads and Turtle unpacked, VoID counts), by graph."""
    folder = current_generation(store_path) / EXPORT_DIR  # type: ignore[operator]
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    files = (folder / manifest["files"]).resolve()
    return {
        f"{g} {stem}": (
            read_unpacked(files / f"{name}{NQ}"),
            read_unpacked(files / f"{name}{TTL}"),
            (files / f"{name}{SUFFIX}").read_bytes(),
        )
        for g, stem, _n, name in manifest["graphs"]
    }


def _built_changed_and_rebuilt_alone(corpus: Path, tmp_path: Path, seed: int) -> tuple[Path, list]:
    """The corpus built in ``tmp_path/kg``, half its records' facts changed (``seed``), and a
    copy of the store (``tmp_path/alone``) rebuilt after the change without workers: what a
    rebuild of ``kg`` with workers must equal. The data folder and the changed records."""
    data = tmp_path / "data"
    shutil.copytree(corpus, data)
    stream.build_streaming(tmp_path / "kg", data, incremental=False, progress=None)
    shutil.copytree(tmp_path / ".kg.d", tmp_path / ".alone.d", symlinks=True)
    (tmp_path / "alone").symlink_to(os.readlink(tmp_path / "kg").replace(".kg.d", ".alone.d", 1))
    changed = _generator().mutate(data, 0.5, seed=seed, round_=1, kind="facts")
    stream.build_streaming(tmp_path / "alone", data, jobs=1, progress=None)
    return data, list(changed)


def test_a_rebuild_of_many_graphs_makes_their_lines_and_export_files_in_the_workers(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, changed = _built_changed_and_rebuilt_alone(corpus, tmp_path, seed=5)
    assert len(changed) == 12

    monkeypatch.setattr(workers_module, "PARALLEL_FROM", 1)
    monkeypatch.setattr(chunks, "PARALLEL_FROM", 1)
    _noting_pid(chunks, "_small_files", tmp_path / "exported", monkeypatch)
    _noting_pid(stream, "_cases_lines", tmp_path / "cut", monkeypatch)
    said: list[str] = []
    stream.build_streaming(tmp_path / "kg", data, jobs=2, progress=said.append)
    assert any("graph(s) written" in line for line in said), said  # incremental
    exported = _pids(tmp_path / "exported")
    assert exported and os.getpid() not in exported
    # the written graphs' texts were cut into lines where they were made
    cut = _pids(tmp_path / "cut")
    assert cut and os.getpid() not in cut
    with_workers, alone = _export_files(tmp_path / "kg"), _export_files(tmp_path / "alone")
    assert with_workers == alone
    build_classic(tmp_path / "classic", data)
    assert _canonical(tmp_path / "kg") == _canonical(tmp_path / "classic")


def test_a_full_build_makes_the_appeal_graphs_export_files_in_its_workers(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After the partition, the appeal graphs' files are made by the workers that wrote the
    graphs, a few graphs at a time (here four, at most one part in flight): the same files,
    byte for byte, as a build without workers makes in its own process."""
    stream.build_streaming(tmp_path / "alone", corpus, incremental=False, jobs=1, progress=None)
    methods = _pool_methods(monkeypatch, tmp_path / "pools")
    monkeypatch.setattr(chunks, "_SMALL_PART", 4)
    _noting_pid(chunks, "_appeal_files", tmp_path / "exported", monkeypatch)
    stream.build_streaming(tmp_path / "kg", corpus, incremental=False, jobs=2, progress=None)
    assert _made(methods) == ["fork"]
    exported = _pids(tmp_path / "exported")
    assert exported and os.getpid() not in exported
    with_workers, alone = _export_files(tmp_path / "kg"), _export_files(tmp_path / "alone")
    assert sum(g.startswith(chunks.APPEAL_GRAPHS) for g in with_workers) == 24
    # The ontology graph's blank nodes are labelled anew by each build.
    ontology = [g for g in with_workers if g.startswith(f"{ONTOLOGY_GRAPH} ")]
    assert len(ontology) == 1 and set(with_workers) == set(alone)
    for g in ontology:
        del with_workers[g], alone[g]
    assert with_workers == alone
    assert _canonical(tmp_path / "kg") == _canonical(tmp_path / "alone")


def test_appeal_files_in_workers_as_the_writer_and_a_workers_error_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    graph = "https://w3id.org/appeals-kg/graph/appeal/x-1"
    other = "https://w3id.org/appeals-kg/graph/appeal/x-2"
    text = "".join(f'<urn:x:s{n}> <urn:x:p> "o {n}"@en <{graph}> .\n' for n in range(5))
    monkeypatch.setattr(chunks, "_SMALL_PART", 2)
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork")) as pool:
        (tmp_path / "pool").mkdir()
        export = chunks.AppealFilesInWorkers(tmp_path / "pool", pool, ahead=1)
        assert [export(graph, text), export(other, "")] == [5, 0]
        export.wait()
        (tmp_path / "here").mkdir()
        chunks.appeal_files_writer(tmp_path / "here")(graph, text)
        for name in (f"{chunks._stem(graph)}{NQ}", f"{chunks._stem(graph)}{TTL}"):
            made = tmp_path / "pool" / chunks.READY_DIR / name
            assert read_unpacked(made) == read_unpacked(tmp_path / "here" / chunks.READY_DIR / name)
        # A line in another graph: the worker's error is raised by wait(), not lost.
        (tmp_path / "bad").mkdir()
        export = chunks.AppealFilesInWorkers(tmp_path / "bad", pool, ahead=1)
        assert export(other, text) == 5
        with pytest.raises(RuntimeError, match="is not in that graph"):
            export.wait()


def _collector() -> tuple[int, int]:
    """In a worker: the objects kept out of the cyclic collector's walks, and the threshold
    of its youngest generation."""
    return gc.get_freeze_count(), gc.get_threshold()[0]


@pytest.mark.parametrize("fork", [True, False], ids=["forked", "spawned"])
def test_the_workers_keep_what_they_inherit_out_of_the_collectors_walks(
    fork: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A forked worker inherits the build process's objects (a few per record of the corpus):
    they are frozen in the worker, not walked by each of its full collections; the build
    process itself is left as it was."""
    monkeypatch.setattr(workers_module, "PARALLEL_FROM", 1)
    mine = gc.get_freeze_count(), gc.get_threshold()
    inherited = [{"record": n} for n in range(20_000)]  # tracked by the collector
    with workers_module.WorkerPool(2) as pool:
        running = pool.get(2, fork=fork, before=lambda: None)
        assert running is not None
        frozen, gen0 = running.submit(_collector).result()
    assert gen0 == workers_module.WORKER_GEN0 != mine[1][0]
    assert frozen > (len(inherited) if fork else 0)
    assert (gc.get_freeze_count(), gc.get_threshold()) == mine


def test_records_parsed_in_their_own_pool_are_parsed_by_settled_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """parse_files without the build's pool (many records) makes one whose workers are
    settled the same way."""
    monkeypatch.setattr(spill, "PARALLEL_FROM", 1)

    def collector(job: tuple[str, str]) -> tuple[int, int]:
        return _collector()

    collector.__module__, collector.__qualname__ = spill.__name__, "_read_job"
    monkeypatch.setattr(spill, "_read_job", collector)
    found = list(spill.parse_files(["a.yaml", "b.yaml"], tmp_path))
    assert found and all(gen0 == workers_module.WORKER_GEN0 for _frozen, gen0 in found)
    assert all(frozen > 0 for frozen, _gen0 in found)


def test_a_rebuild_reads_previous_lines_in_a_thread_and_starts_export_files_before_the_rules(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the workers write the changed graphs, a thread of the build process reads those
    graphs' previous lines from the export files; the written graphs' new export files are
    started in the workers before the rules run over the changed store, and the export step
    takes them as made: the same files and store as a rebuild without workers."""
    import threading

    data, changed = _built_changed_and_rebuilt_alone(corpus, tmp_path, seed=7)

    monkeypatch.setattr(workers_module, "PARALLEL_FROM", 1)
    events: list[tuple[Any, ...]] = []
    main = threading.get_ident()

    def noted(name: str, real: Any) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            if name == "lines":
                args = (args[0], list(args[1]))
                events.append((name, threading.get_ident() == main, len(args[1])))
            else:
                events.append((name, kwargs.get("ahead") is not None))
            return real(*args, **kwargs)

        return call

    monkeypatch.setattr(stream, "graph_lines", noted("lines", stream.graph_lines))
    monkeypatch.setattr(stream, "FilesAhead", noted("ahead", stream.FilesAhead))
    monkeypatch.setattr(stream, "derive_changes", noted("rules", stream.derive_changes))
    monkeypatch.setattr(chunks, "write_chunks", noted("export", chunks.write_chunks))
    stream.build_streaming(tmp_path / "kg", data, jobs=2, progress=None)
    names = [e[0] for e in events]
    assert names.index("ahead") < names.index("rules") < names.index("export"), events
    assert ("export", True) in events  # given the files started ahead
    # the changed graphs' previous lines, read first, in another thread
    assert events[0] == ("lines", False, len(changed)), events
    assert _export_files(tmp_path / "kg") == _export_files(tmp_path / "alone")
    assert _canonical(tmp_path / "kg") == _canonical(tmp_path / "alone")


def test_previous_lines_of_a_graph_written_but_not_named_are_read_after(
    corpus: Path, tmp_path: Path
) -> None:
    """The previous lines read in a thread are those of the graphs the records being written
    name; a graph the workers wrote that was not named is read after them: every written
    graph's previous lines, as read in one go."""
    stream.build_streaming(tmp_path / "kg", corpus, incremental=False, progress=None)
    generation = current_generation(tmp_path / "kg")
    assert generation is not None
    rows = json.loads((generation / EXPORT_DIR / MANIFEST).read_text(encoding="utf-8"))["graphs"]
    named, other, gone = [g for g, *_ in rows if g and g.startswith(chunks.APPEAL_GRAPHS)][:3]
    written = {named: ["<urn:x:a> <urn:x:p> <urn:x:b>"], other: []}
    whole = chunks.graph_lines(generation, [named, other, gone])
    assert len(whole) == 3 and all(whole.values())
    with ProcessPoolExecutor(1) as pool:
        for given in (pool, None):
            got = stream._lines_and_held(generation, [named], [gone], lambda: dict(written), given)
            assert got == (written, whole)
