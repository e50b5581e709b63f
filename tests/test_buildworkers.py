"""The workers that write the case graphs of a full build (kg.store.stream._nquads): spawned,
each record sent with its own share of identity resolution, in a bounded window."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from benchgen import generator as _generator

import kg.store.stream as stream
from kg.record.identity import (
    Resolution,
    apply_resolution,
    canonical_provisions,
    record_items,
    record_provisions,
    resolve_items,
)
from kg.store.build import build_classic
from kg.store.spill import read_record
from kg.store.store import Store
from kg.vocab import DATA_DIR


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = _generator().generate(24, tmp_path_factory.mktemp("corpus"), seed=5, jobs=1)
    shutil.copytree(DATA_DIR / "reference", out / "reference", dirs_exist_ok=True)
    return out


def _canonical(store_path: Path) -> list[str]:
    ds = ox.Dataset(Store.open(store_path).oxigraph.quads_for_pattern(None, None, None, None))
    ds.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return sorted(str(q) for q in ds)


def test_spawned_workers_in_small_parts_give_the_dataset_builds_store(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    methods: list[str] = []
    real = stream.ProcessPoolExecutor

    def pool(workers: int, **kwargs: Any) -> Any:
        methods.append(kwargs["mp_context"].get_start_method())
        return real(workers, **kwargs)

    monkeypatch.setattr(stream, "ProcessPoolExecutor", pool)
    monkeypatch.setattr(stream, "PARALLEL_FROM", 1)
    monkeypatch.setattr(stream, "PART", 3)  # 24 records: 8 parts, 2 in flight at a time
    monkeypatch.setattr(stream, "AHEAD", 1)
    said: list[str] = []
    result = stream.build_streaming(
        tmp_path / "workers", corpus, incremental=False, jobs=2, progress=said.append
    )
    assert methods == ["spawn"]
    assert result.identity_clusters, "the corpus must merge items across records"
    assert any("build: 24/24 graphs" in line for line in said), said
    build_classic(tmp_path / "classic", corpus)
    assert _canonical(tmp_path / "workers") == _canonical(tmp_path / "classic")


def test_a_records_view_resolves_it_as_the_whole_resolution_does(corpus: Path) -> None:
    records = {}
    for path in sorted((corpus / "cases").glob("*.yaml")):
        record = read_record(path, path.read_bytes())
        records[str(record["appeal"]["id"])] = record
    resolution = resolve_items(record_items(records))
    canon = canonical_provisions(
        {aid: record_provisions(r) for aid, r in records.items()}, resolution
    )
    view = stream._views(resolution, canon)
    merged = 0
    for aid, record in records.items():
        whole, alone = copy.deepcopy(record), copy.deepcopy(record)
        apply_resolution({aid: whole}, resolution, canon)
        clusters, provisions = view(aid)  # type: ignore[misc]
        merged += apply_resolution({aid: alone}, Resolution(clusters, [], {}), provisions)
        assert alone == whole, aid
    assert merged > 0
