"""The VoID term table kept in segments (kg/store/voidtable.py): after any sequence of files
added and dropped it holds the counts of a table merged from scratch, a rebuild writes only the
terms its change reaches (the base segment stays as it was), and an interrupted rebuild leaves
the previous generation's table usable."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from benchgen import generated_data

import kg.store.chunks as chunks
from kg.files import current_generation
from kg.store.build import build
from kg.store.chunks import EXPORT_DIR, _files_digest, pool_folder
from kg.store.voidcounts import COUNTS_FILE, GraphCounts, TermTable, count_graph, read_graph_counts
from kg.store.voidtable import TABLE_JSON, KeptTable

TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
SAME = "<http://www.w3.org/2002/07/owl#sameAs>"


def _arrays(table: TermTable) -> dict:
    return {n: (table.keys[n].tolist(), table.counts[n].tolist()) for n in sorted(table.keys)}


def _random_graph(rng: random.Random, n: int) -> GraphCounts:
    """A graph of ``n`` triples over a small vocabulary, so that graphs share terms."""
    lines = []
    for _ in range(n):
        s = f"<urn:x:s{rng.randrange(60)}>"
        kind = rng.random()
        if kind < 0.3:
            lines.append(f"{s} {TYPE} <urn:x:C{rng.randrange(4)}> .\n")
        elif kind < 0.4:
            lines.append(f"{s} {SAME} <http://www.wikidata.org/entity/Q{rng.randrange(5)}> .\n")
        else:
            o = rng.choice([f'"v{rng.randrange(40)}"', f"<urn:x:s{rng.randrange(60)}>"])
            lines.append(f"{s} <urn:x:p{rng.randrange(6)}> {o} .\n")
    return count_graph("".join(sorted(set(lines))).encode("utf-8"))


def test_a_table_kept_in_segments_equals_one_counted_from_scratch(tmp_path: Path) -> None:
    """Forty rounds of graphs added and dropped: after each, the kept table (read back from
    its folder) holds every term's count as a table merged from the graphs left; each round
    writes one segment of the terms it changed, segments merge so that few are listed, and
    dropping counts the table never held fails without changing it."""
    rng = random.Random(5)
    graphs = {i: _random_graph(rng, rng.randrange(1, 40)) for i in range(30)}
    live = set(range(20))
    pool, folder = tmp_path / "pool", tmp_path / "gen"
    pool.mkdir()
    folder.mkdir()
    kept = KeptTable.from_table(
        TermTable.from_counts(graphs[i] for i in sorted(live)), pool, "void-segment_0"
    )
    kept.write(folder, "round 0")
    most = 1
    for r in range(1, 41):
        table = KeptTable.read(folder, pool, f"round {r - 1}")
        assert table is not None
        drop = set(rng.sample(sorted(live), rng.randrange(0, 3)))
        add = set(rng.sample(sorted(set(graphs) - live), rng.randrange(0, 3)))
        before = len(table.segment_names)
        table.update([graphs[i] for i in sorted(add)], [graphs[i] for i in sorted(drop)],
                     f"void-segment_{r}")  # fmt: skip
        live = (live - drop) | add
        table.write(folder, f"round {r}")
        table.close()
        if add or drop:  # a new segment, of at most the terms of the changed graphs
            changed: dict[str, set[int]] = {"subjects": set(), "objects": set()}
            for i in add | drop:
                changed["subjects"].update(graphs[i].subjects.tolist())
                changed["objects"].update(graphs[i].objects.tolist())
            assert len(table.segment_names) <= before + 1
            fresh = KeptTable.read(folder, pool, f"round {r}")
            assert fresh is not None
            if table.segment_names[-1] == f"void-segment_{r}":  # not merged away
                newest = fresh.segments()[-1]
                for name in ("subjects", "objects"):
                    assert set(newest.table(name)[0].tolist()) <= changed[name]
            fresh.close()
        most = max(most, len(table.segment_names))
        scratch = TermTable.from_counts(graphs[i] for i in sorted(live))
        again = KeptTable.read(folder, pool, f"round {r}")
        assert again is not None
        assert _arrays(again.whole()) == _arrays(scratch), r
        assert again.to_json({}) == scratch.to_json({})
        again.close()
    assert most <= 6  # merged as they come, not one segment a round

    table = KeptTable.read(folder, pool, "round 40")
    assert table is not None
    listed = list(table.segment_names)
    stranger = _random_graph(random.Random(99), 30)
    with pytest.raises(ValueError):
        table.update([], [stranger, *[graphs[i] for i in sorted(live)], stranger], "void-x")
    assert table.segment_names == listed
    assert not (pool / "void-x.bin").exists()
    assert KeptTable.read(folder, pool, "another set of files") is None


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = generated_data(tmp_path_factory.mktemp("corpus"), 8, seed=11)
    return out


def _change(path: Path, note: str) -> None:
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record["events"][0]["note"] = note
    path.write_text(yaml.safe_dump(record, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _table(store: Path) -> tuple[KeptTable, dict[str, Any]]:
    folder = current_generation(store) / EXPORT_DIR  # type: ignore[operator]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    names = sorted({name for _g, _stem, _n, name in manifest["graphs"]})
    table = KeptTable.read(folder, pool_folder(folder.parent), _files_digest(names))
    assert table is not None
    counts = json.loads((folder / COUNTS_FILE).read_text(encoding="utf-8"))
    return table, {"names": names, "counts": counts}


def test_rebuilds_keep_the_base_segment_and_an_interrupted_one_leaves_the_table(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    shutil.copytree(corpus, data)
    store = tmp_path / "kg"
    build(store, data, progress=None)
    first, _ = _table(store)
    base = first.segment_path(first.segment_names[0])
    base_bytes = base.read_bytes()
    first.close()
    records = sorted((data / "cases").glob("*.yaml"))
    _change(records[1], "a note a curator changed")
    build(store, data, progress=None)
    table, info = _table(store)
    assert table.segment_names[0] == base.stem  # the base is listed again, not rewritten
    assert base.read_bytes() == base_bytes
    scratch = TermTable.from_counts(read_graph_counts(table.pool / n) for n in info["names"])
    assert _arrays(table.whole()) == _arrays(scratch)
    table.close()
    generation = current_generation(store)

    # A rebuild stopped after its segment and counts were written, before the new generation
    # is in place: the current generation's table, counts and segments are as they were.
    _change(records[3], "a note written while the build was stopped")

    def stop(*_args: Any, **_kwargs: Any) -> None:
        raise KeyboardInterrupt

    # (the older files are then removed by name or by a listing of the shared folder)
    monkeypatch.setattr(chunks, "_collect", stop)
    monkeypatch.setattr(chunks, "_remove_files", stop)
    with pytest.raises(KeyboardInterrupt):
        build(store, data, progress=None)
    monkeypatch.undo()
    assert current_generation(store) == generation
    again, info_again = _table(store)
    assert info_again == info and again.segment_names == table.segment_names
    assert _arrays(again.whole()) == _arrays(scratch)
    again.close()

    # The next build starts from that table; its counts are those of a build from scratch.
    build(store, data, progress=None)
    after, info_after = _table(store)
    assert (current_generation(store) / EXPORT_DIR / TABLE_JSON).is_file()  # type: ignore[operator]
    after.close()
    fresh = tmp_path / "fresh"
    build(fresh, data, incremental=False, progress=None)
    _, info_fresh = _table(fresh)
    assert info_after["counts"] == info_fresh["counts"]
