"""The build in bounded memory: records spilled to disk after one parse (kg.store.spill), the
partition read predicate by predicate (kg.store.delta.partition_store), the rules' answers
written as they come (kg.store.stream._derive)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from benchgen import generator as _generator

from kg.errors import DataError
from kg.files import current_generation, generations_home
from kg.store.delta import APPEAL_GRAPHS, partition_store
from kg.store.spill import SPILL_PREFIX, parse_record
from kg.store.stream import build_streaming
from kg.vocab import DATA_DIR, ONTOLOGY_GRAPH, REFERENCE_GRAPH

EX = "https://example.org/"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = _generator().generate(4, tmp_path_factory.mktemp("corpus"), seed=3, jobs=1)
    shutil.copytree(DATA_DIR / "reference", out / "reference", dirs_exist_ok=True)
    return out


def test_a_build_leaves_no_spilled_records_and_removes_a_killed_builds(
    corpus: Path, tmp_path: Path
) -> None:
    store = tmp_path / "kg"
    home = generations_home(store)
    home.mkdir(parents=True)
    # A killed build's folder (its process is gone) and one of a build still running (this
    # process stands for it).
    dead = home / f"{SPILL_PREFIX}{2**22 + 12345}-x"
    (dead / "sub").mkdir(parents=True)
    (dead / "a.pickle").write_bytes(b"x")
    running = home / f"{SPILL_PREFIX}{os.getppid()}-y"
    running.mkdir()
    result = build_streaming(store, corpus, progress=None)
    assert result.triples > 0
    left = sorted(p.name for p in home.iterdir() if p.name.startswith(SPILL_PREFIX))
    assert left == [running.name]


def _canonical(store_path: Path) -> list[str]:
    from kg.store.store import Store

    ds = ox.Dataset(Store.open(store_path).oxigraph.quads_for_pattern(None, None, None, None))
    ds.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return sorted(str(q) for q in ds)


def test_loading_graph_by_graph_files_gives_the_same_store(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.store.stream as stream

    build_streaming(tmp_path / "one", corpus, incremental=False, progress=None)
    said: list[str] = []
    monkeypatch.setattr(stream, "BATCH_BYTES", 1)  # a file per graph
    build_streaming(tmp_path / "many", corpus, incremental=False, progress=said.append)
    assert any("bulk loading (7 file(s))" in line for line in said), said
    assert _canonical(tmp_path / "many") == _canonical(tmp_path / "one")


def test_a_full_build_holds_no_identity_item_while_it_loads_and_keeps_the_shared_index(
    corpus: Path, tmp_path: Path
) -> None:
    # Every record's identity items are made before the graphs are written and needed no
    # longer once the graphs and the state are written: the bulk load, the rules and the
    # export files must not carry them (a number that grows with the corpus).
    import gc

    from kg.record.identity import Item
    from kg.store.state import BuildState, SharedRows

    held: dict[str, int] = {}

    def census(line: str) -> None:
        if line.startswith("build: bulk loading"):
            gc.collect()
            objects = gc.get_objects()
            held["items"] = sum(1 for o in objects if isinstance(o, Item))
            held["shared rows"] = sum(1 for o in objects if isinstance(o, SharedRows))

    result = build_streaming(tmp_path / "kg", corpus, incremental=False, progress=census)
    assert held == {"items": 0, "shared rows": 1}, held
    # The shared index, written before the bulk load, is the one the next build reads.
    again = build_streaming(tmp_path / "kg", corpus, progress=None)
    assert again.triples == result.triples
    state = BuildState.read(current_generation(tmp_path / "kg"))
    try:
        assert state.has_shared() and len(state.shared_rows()) > 0
    finally:
        state.close()


def _rules_store(rules: dict[str, str], tmp_path: Path) -> tuple[ox.Store, Path]:
    onto = tmp_path / "ontology"
    (onto / "rules").mkdir(parents=True)
    for name, text in rules.items():
        (onto / "rules" / name).write_text(text, encoding="utf-8")
    store = ox.Store(str(tmp_path / "store"))
    for i in range(6):
        store.add(ox.Quad(_n(f"s{i}"), _n("p"), _n(f"o{i}"), _g(f"a{i}")))
        store.add(ox.Quad(_n(f"s{i}"), _n("label"), ox.Literal(f"x_:{i}"), _g(f"a{i}")))
    return store, onto


def _derived(store: ox.Store) -> list[str]:
    from kg.vocab import DERIVED_GRAPH

    graph = ox.NamedNode(str(DERIVED_GRAPH))
    ds = ox.Dataset(store.quads_for_pattern(None, None, None, graph))
    ds.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return sorted(str(q) for q in ds)


def test_the_rules_answers_are_loaded_in_bounded_files_with_blank_nodes_kept_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.store.stream as stream

    rules = {
        "a-plain.rq": f"CONSTRUCT {{ ?o <{EX}back> ?s }} WHERE {{ ?s <{EX}p> ?o }}",
        # a blank node per answer, named on two lines: split across files, it would be two
        "b-blank.rq": f"CONSTRUCT {{ ?s <{EX}q> [ <{EX}r> ?o ] }} WHERE {{ ?s <{EX}p> ?o }}",
        "c-label.rq": f"CONSTRUCT {{ ?s <{EX}named> ?l }} WHERE {{ ?s <{EX}label> ?l }}",
    }
    store, onto = _rules_store(rules, tmp_path / "one")
    assert stream._derive(store, onto, tmp_path / "one") == 24
    expected = _derived(store)

    files: list[list[str]] = []

    class Recorded(stream._BatchFiles):
        def close(self) -> None:
            if self.out is not None:
                path = self.paths[-1]
                super().close()
                files.append(path.read_text(encoding="utf-8").splitlines())

    monkeypatch.setattr(stream, "BATCH_BYTES", 1)  # a new file wherever one may begin
    monkeypatch.setattr(stream, "_BatchFiles", Recorded)
    store, onto = _rules_store(rules, tmp_path / "many")
    assert stream._derive(store, onto, tmp_path / "many") == 24
    assert _derived(store) == expected
    # The plain answer is cut wherever a block ends; each answer naming a blank node (or a
    # literal that looks like one) is one file of its own.
    assert len(files) >= 3
    blank = [f for f in files if any("_:" in line for line in f)]
    assert [len(f) for f in blank] == [12, 6]
    assert all("_:" not in line for f in files if f not in blank for line in f)
    joined = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s <{EX}q> ?b . ?b <{EX}r> ?o }} }}"
    assert int(next(iter(store.query(joined)))["n"].value) == 6


def test_a_record_is_spilled_and_its_mistakes_wait_for_their_turn(tmp_path: Path) -> None:
    bad_key = (
        "appeal:\n  id: a-1\n  title: T\npersons:\n"
        "  - id: p1\n    name: Ann Example\n    key: not a key\n"
    )
    found = parse_record(str(tmp_path / "a-1.yaml"), bad_key.encode(), tmp_path)
    assert found.appeal == "a-1" and not found.restricted
    assert found.record()["persons"][0]["name"] == "Ann Example"
    assert Path(found.spill).parent == tmp_path
    # Parsing succeeded; the bad key is raised when the build asks for the record's keys.
    with pytest.raises(DataError, match="not a key"):
        found.value(found.facts)
    with pytest.raises(DataError, match="not a key"):
        found.checked(found.facts)
    with pytest.raises(DataError, match="appeal"):
        parse_record(str(tmp_path / "b.yaml"), b"title: no appeal\n", tmp_path)


def _n(local: str) -> ox.NamedNode:
    return ox.NamedNode(EX + local)


def _g(name: str) -> ox.NamedNode:
    return ox.NamedNode(APPEAL_GRAPHS + name)


def test_the_partition_places_each_triple_once() -> None:
    onto, ref = ox.NamedNode(str(ONTOLOGY_GRAPH)), ox.NamedNode(str(REFERENCE_GRAPH))
    p, q = _n("p"), _n("q")
    lit = ox.Literal("x")
    quads = [
        # stated by two appeals: moves to the reference graph, indexed
        ox.Quad(_n("s1"), p, _n("o"), _g("a")),
        ox.Quad(_n("s1"), p, _n("o"), _g("b")),
        # stated by three appeals and the reference data: reference only, not indexed
        ox.Quad(_n("s2"), p, lit, _g("a")),
        ox.Quad(_n("s2"), p, lit, _g("b")),
        ox.Quad(_n("s2"), p, lit, _g("c")),
        ox.Quad(_n("s2"), p, lit, ref),
        # one appeal and the reference data: reference only
        ox.Quad(_n("s3"), q, lit, _g("c")),
        ox.Quad(_n("s3"), q, lit, ref),
        # what the ontology states leaves the appeal graphs, however many state it
        ox.Quad(_n("s4"), q, _n("o"), _g("a")),
        ox.Quad(_n("s4"), q, _n("o"), _g("b")),
        ox.Quad(_n("s4"), q, _n("o"), onto),
        # one appeal alone: stays; the same triple in the default graph changes nothing
        ox.Quad(_n("s5"), p, _n("o"), _g("b")),
        ox.Quad(_n("s5"), p, _n("o"), ox.DefaultGraph()),
        # same subject and predicate, other objects: three triples, each in one graph
        ox.Quad(_n("s6"), q, ox.Literal("1"), _g("a")),
        ox.Quad(_n("s6"), q, ox.Literal("2"), _g("b")),
        ox.Quad(_n("s6"), q, ox.Literal("3"), _g("c")),
    ]
    store = ox.Store()
    store.extend(quads)
    index = partition_store(store)
    assert index == {f"<{EX}s1> <{EX}p> <{EX}o>": [APPEAL_GRAPHS + "a", APPEAL_GRAPHS + "b"]}
    expected = {
        ox.Quad(_n("s1"), p, _n("o"), ref),
        ox.Quad(_n("s2"), p, lit, ref),
        ox.Quad(_n("s3"), q, lit, ref),
        ox.Quad(_n("s4"), q, _n("o"), onto),
        ox.Quad(_n("s5"), p, _n("o"), _g("b")),
        ox.Quad(_n("s5"), p, _n("o"), ox.DefaultGraph()),
        ox.Quad(_n("s6"), q, ox.Literal("1"), _g("a")),
        ox.Quad(_n("s6"), q, ox.Literal("2"), _g("b")),
        ox.Quad(_n("s6"), q, ox.Literal("3"), _g("c")),
    }
    assert set(store) == expected


@pytest.mark.parametrize("on_disk", [False, True])
def test_the_partition_does_not_rely_on_the_order_of_quads(tmp_path: Path, on_disk: bool) -> None:
    """The same triples stated by several appeal graphs, in a store on disk and in one held in
    memory (which gives a predicate's quads in no particular order): each shared triple moves to
    the reference graph and is indexed, whatever order the store gives the quads in."""
    p = ox.NamedNode(EX + "p")
    ref = ox.NamedNode(REFERENCE_GRAPH)
    quads, graphs_of = [], {}
    for i in range(60):
        s, o = ox.NamedNode(f"{EX}s{i % 4}"), ox.NamedNode(f"{EX}o{(i * 7) % 13}")
        g = _g(f"g{(i * 5) % 9}")
        quads.append(ox.Quad(s, p, o, g))
        graphs_of.setdefault(ox.Triple(s, p, o), set()).add(g.value)
    store = ox.Store(str(tmp_path / "store")) if on_disk else ox.Store()
    store.extend(quads)
    index = partition_store(store)
    shared = {t: gs for t, gs in graphs_of.items() if len(gs) > 1}
    assert len(shared) >= 8
    assert index == {
        f"{t.subject} {t.predicate} {t.object}": sorted(gs) for t, gs in shared.items()
    }
    assert set(store) == {
        ox.Quad(*t, ref) if len(gs) > 1 else ox.Quad(*t, ox.NamedNode(next(iter(gs))))
        for t, gs in graphs_of.items()
    }


def test_a_records_items_are_kept_on_disk_and_loaded_a_few_at_a_time(tmp_path: Path) -> None:
    """The items of every record stay in the spill folder (not in memory) until asked for;
    the build's map of every item loads them back, keeping only the last few loaded."""
    import kg.store.state as state
    from kg.record.identity import record_items
    from kg.store.spill import Shelved, read_record

    parsed = []
    for n in range(12):
        text = (
            f"appeal:\n  id: a-{n:02}\n  title: T\npersons:\n"
            f"  - id: p1\n    name: Ann Example{n}\n  - id: p2\n    name: Bo Other\n"
        )
        path = tmp_path / f"a-{n:02}.yaml"
        path.write_text(text, encoding="utf-8")
        found = parse_record(str(path), text.encode(), tmp_path)
        assert isinstance(found.items, Shelved)
        assert found.checked(found.items) is found.items  # no mistake: not loaded
        made = list(record_items({found.appeal: read_record(path, text.encode())}).values())
        assert found.value(found.items) == made  # loaded back, equal
        assert found.record()["appeal"]["id"] == f"a-{n:02}"  # the record before them
        parsed.append(found)
    order = [(p.appeal, p.sha, [i.key for i in p.value(p.items)]) for p in parsed]
    items = state.RecordItems(order, {p.sha: p.items for p in parsed}, None)
    assert len(items) == 24 and items.loaded() == 12
    assert items[("a-03", "p1")].name == "Ann Example3"
    assert [k for k in items] == [k for _a, _s, keys in order for k in keys]
    # Membership by the record's own keys: an item it lacks, an appeal not chosen, no key.
    assert ("a-03", "p2") in items and ("a-03", "p3") not in items
    assert ("b-03", "p1") not in items and "a-03" not in items and () not in items
    with pytest.raises(KeyError):
        items[("a-03", "p3")]
    state.RECENT, recent = 4, state.RECENT
    try:
        names = [items[k].name for k in items]
        assert names == [n for p in parsed for n in (i.name for i in p.value(p.items))]
        assert len(items._recent) <= 4 and len(items._by_key) <= 4
    finally:
        state.RECENT = recent
    # A record whose items could not be made keeps its mistake in memory, raised when asked.
    bad = "appeal:\n  id: b-1\n  title: T\npersons:\n  - id: p1\n    name: A B\n    key: x\n"
    found = parse_record(str(tmp_path / "b-1.yaml"), bad.encode(), tmp_path)
    assert not isinstance(found.items, Shelved)
    with pytest.raises(DataError, match="key"):
        found.checked(found.items)


def test_items_read_from_the_state_stay_loaded_for_the_last_records_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record the build did not read has its items read from the previous build's state
    when asked for; only the last few records read so stay loaded (a rebuild resolving every
    item asks for all of them and held them all), and each is read again, equal, when asked
    for after it was let go. Every record read counts once in ``loaded``."""
    import kg.store.state as state
    from kg.record.identity import record_items
    from kg.store.spill import read_record

    records = {}
    for n in range(10):
        text = f"appeal:\n  id: a-{n}\n  title: T\npersons:\n  - id: p1\n    name: Ann Example{n}\n"
        path = tmp_path / f"a-{n}.yaml"
        path.write_text(text, encoding="utf-8")
        records[f"sha-{n}"] = list(
            record_items({f"a-{n}": read_record(path, text.encode())}).values()
        )
    db = state.BuildState(tmp_path / "state.sqlite")
    db.keep_only("items", records, records.__getitem__)
    db.db.commit()
    order = [(f"a-{n}", f"sha-{n}", [i.key for i in records[f"sha-{n}"]]) for n in range(10)]
    monkeypatch.setattr(state, "FROM_STATE", 3)
    items = state.RecordItems(order, {}, db)
    for _round in range(2):
        names = [items[k].name for k in items]
        assert names == [f"Ann Example{n}" for n in range(10)]
        assert len(items._from_state) <= 3
    assert items.loaded() == 10
    assert items.of("sha-9") is items.of("sha-9")  # the last read stays loaded
