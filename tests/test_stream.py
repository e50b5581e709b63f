"""The streaming, incremental build (kg/store/stream.py) against the dataset build."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from benchgen import generated_data
from builtonce import BuiltOnce
from rdfcompare import assert_same_datasets

from kg.files import current_generation
from kg.store.build import build, build_classic
from kg.store.store import Store, store_location
from kg.vocab import DATA_DIR

ROOT = Path(__file__).resolve().parents[1]


def _dump(store_path: Path, *, public: bool = False) -> str:
    store = Store.open(store_location(store_path, public=public))
    return store.dump("nquads").decode("utf-8")


def _nquads(store_path: Path, *, public: bool = False) -> list[str]:
    """The store's N-Quads, sorted, blank node labels masked (the loader picks them);
    :func:`_same_dataset` checks the blank-node structure."""
    return sorted(re.sub(r"_:\S+", "_:_", line) for line in _dump(store_path).splitlines())


def _same_dataset(a: Path, b: Path) -> None:
    assert_same_datasets(*(Store.open(store_location(p)).dump("nquads") for p in (a, b)))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = generated_data(tmp_path_factory.mktemp("corpus"), 8, seed=5)
    return out


@pytest.fixture(scope="module")
def built(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> BuiltOnce:
    """The corpus built once; the tests that start from that build change a copy."""
    return BuiltOnce(tmp_path_factory.mktemp("built"), corpus)


def test_streaming_build_equals_the_dataset_build_on_the_seed(tmp_path: Path) -> None:
    build(tmp_path / "stream", DATA_DIR, progress=None)
    build_classic(tmp_path / "classic", DATA_DIR)
    _same_dataset(tmp_path / "stream", tmp_path / "classic")
    assert _nquads(tmp_path / "stream", public=True) == _nquads(tmp_path / "stream")


def test_a_moved_data_folder_is_not_built_again(built: BuiltOnce, tmp_path: Path) -> None:
    """Where the data folder is does not change the graphs: after a move nothing is read or
    written again, and a record changed in the moved folder is still the only graph written."""
    data, store = built.copy()
    before = _nquads(store)
    moved = tmp_path / "elsewhere" / "data"
    moved.parent.mkdir()
    data.rename(moved)
    lines: list[str] = []
    build(store, moved, progress=lines.append)
    assert any(line.endswith("record file(s), 0 read") for line in lines), lines
    assert any(line.startswith("build: 0 graph(s) to write, 0 to remove") for line in lines)
    assert _nquads(store) == before

    path = sorted((moved / "cases").glob("*.yaml"))[2]
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record["events"][0]["note"] = "changed after the move"
    path.write_text(yaml.safe_dump(record, sort_keys=False, allow_unicode=True), encoding="utf-8")
    lines.clear()
    build(store, moved, progress=lines.append)
    assert any(line.startswith("build: 1 graph(s) to write") for line in lines), lines
    build(tmp_path / "full", moved, incremental=False, progress=None)
    assert _nquads(store) == _nquads(tmp_path / "full")


def test_incremental_rebuild_equals_a_full_rebuild(built: BuiltOnce, tmp_path: Path) -> None:
    data, store = built.copy()  # the corpus's first build, made once for the module
    first = built.result
    assert first.triples > 0 and any("bulk loading" in line for line in built.lines)
    lines: list[str] = []

    # Nothing changed: nothing is read, the store stays where it is.
    generation = current_generation(store)
    lines.clear()
    again = build(store, data, progress=lines.append)
    assert current_generation(store) == generation
    assert any("nothing changed" in line for line in lines)
    assert again.triples == first.triples

    # One record changes: one graph is written, and the result is what a full build gives.
    path = sorted((data / "cases").glob("*.yaml"))[3]
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record["events"][0]["note"] = "a note a curator changed"
    record["persons"][0]["variants"] = ["a new spelling"]
    path.write_text(yaml.safe_dump(record, sort_keys=False, allow_unicode=True), encoding="utf-8")
    lines.clear()
    build(store, data, progress=lines.append)
    assert any(line.startswith("build: 1 graph(s) to write") for line in lines), lines
    build(tmp_path / "full", data, incremental=False, progress=None)
    assert _nquads(store) == _nquads(tmp_path / "full")
    assert "a note a curator changed" in "\n".join(_nquads(store))

    # A record removed: its graph goes.
    path.unlink()
    build(store, data, progress=None)
    build(tmp_path / "full2", data, incremental=False, progress=None)
    assert _nquads(store) == _nquads(tmp_path / "full2")
    _same_dataset(store, tmp_path / "full2")

    # The links change: the links graph is written again, nothing else.
    links = sorted((data / "links").glob("*.csv"))[0]
    rows = links.read_text(encoding="utf-8").splitlines()
    links.write_text("\n".join(rows[:2]) + "\n", encoding="utf-8")
    lines.clear()
    build(store, data, progress=lines.append)
    assert "build: links changed" in lines and any("0 graph(s) to write" in x for x in lines)
    build(tmp_path / "full3", data, incremental=False, progress=None)
    assert _nquads(store) == _nquads(tmp_path / "full3")
    _same_dataset(store, _classic(data, tmp_path / "classic"))


def _classic(data: Path, where: Path) -> Path:
    build_classic(where, data)
    return where


def test_a_failed_incremental_build_leaves_the_previous_store(built: BuiltOnce) -> None:
    data, store = built.copy()
    before = _nquads(store)
    path = sorted((data / "cases").glob("*.yaml"))[0]
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record["events"][0]["evidence"][0]["start"] += 1  # offsets no longer give the quote
    path.write_text(yaml.safe_dump(record, sort_keys=False), encoding="utf-8")
    with pytest.raises(Exception, match="do not reproduce"):
        build(store, data, progress=None)
    assert _nquads(store) == before


def test_restricted_data_goes_through_the_public_filter(corpus: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(corpus, data)
    path = sorted((data / "cases").glob("*.yaml"))[1]
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record["appeal"]["access"] = "restricted"
    path.write_text(yaml.safe_dump(record, sort_keys=False), encoding="utf-8")
    lines: list[str] = []
    build(tmp_path / "kg", data, progress=lines.append)
    assert any("public filter" in line for line in lines)
    title = record["appeal"]["title"]
    assert title in _dump(tmp_path / "kg")
    assert title not in _dump(tmp_path / "kg", public=True)


def test_views_made_from_an_appeals_items_equal_those_made_for_every_item() -> None:
    """A rebuild makes the identity view of each appeal it writes from that appeal's item keys
    (``keys_of``); the views equal those made by going over every cluster's members: the same
    clusters, one per member, in the order of the clusters and of their members."""
    import random

    from rdflib import URIRef

    from kg.record.identity import Cluster, Resolution
    from kg.store.stream import _views

    rng = random.Random(4)
    aids = [f"a-{n}" for n in range(30)]
    keys = {aid: [(aid, f"p{k}") for k in range(rng.randrange(1, 6))] for aid in aids}
    pool = [key for aid in aids for key in keys[aid]]
    rng.shuffle(pool)
    clusters = []
    while len(pool) > 1:
        members = [pool.pop() for _ in range(min(len(pool), rng.randrange(2, 6)))]
        if rng.random() < 0.3:
            continue  # these items stay unmerged
        iri = URIRef(f"https://example.org/e/{len(clusters)}")
        clusters.append(Cluster("person", members, iri, f"L{len(clusters)}", ["v"], ["why"]))
    canon = {(str(c.iri), "art-1"): {"article": "1"} for c in clusters[::2]}
    resolution = Resolution(clusters, [], {})
    whole = _views(resolution, canon)
    own = _views(resolution, canon, keys.__getitem__)
    assert any(len(whole(aid)[0]) > 1 for aid in aids)  # type: ignore[index]
    for aid in aids:
        assert own(aid) == whole(aid), aid


def _edit_record(path: Path, change: object) -> None:
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(record)  # type: ignore[operator]
    path.write_text(yaml.safe_dump(record, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _facts_read(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many records' facts each read of the previous state's ``facts`` rows asked for."""
    from kg.store.state import BuildState

    counts: list[int] = []
    load = BuildState.load

    def counted(self: BuildState, table: str, shas: object) -> object:
        wanted = list(shas)  # type: ignore[call-overload]
        if table == "facts":
            counts.append(len(wanted))
        return load(self, table, wanted)

    monkeypatch.setattr(BuildState, "load", counted)
    return counts


def _keys_read(monkeypatch: pytest.MonkeyPatch) -> list[set[str]]:
    """The record hashes each read of the previous state's item keys asked for."""
    from kg.store.state import BuildState

    asked: list[set[str]] = []
    load_keys = BuildState.load_keys

    def counted(self: BuildState, shas: object) -> object:
        wanted = set(shas)  # type: ignore[call-overload]
        asked.append(wanted)
        return load_keys(self, wanted)

    monkeypatch.setattr(BuildState, "load_keys", counted)
    return asked


def test_a_rebuild_takes_the_item_keys_of_unchanged_records_from_the_identity_index(
    built: BuiltOnce, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The identity index lists each record's item keys by appeal with the hash it resolved
    it with: a rebuild reads from the state the keys of no record the index lists with the
    same hash, and the keys of every unchanged record when there is no index."""
    from kg.store.stream import IDENTITY_FILE

    data, store = built.copy()
    asked = _keys_read(monkeypatch)
    records = sorted((data / "cases").glob("*.yaml"))

    def spell(record: dict) -> None:
        record["persons"][0]["variants"] = ["a spelling a curator added"]

    _edit_record(records[1], spell)
    lines: list[str] = []
    build(store, data, progress=lines.append)
    assert any(line.startswith("build: 1 graph(s) to write") for line in lines), lines
    assert asked == [set()]
    build(tmp_path / "full", data, incremental=False, progress=None)
    assert _nquads(store) == _nquads(tmp_path / "full")

    # Without an index every unchanged record's keys come from the state, and the store is
    # still what a full build makes.
    generation = current_generation(store)
    assert generation is not None
    (generation / IDENTITY_FILE).unlink()
    _edit_record(records[4], spell)
    asked.clear()
    build(store, data, progress=None)
    assert [len(shas) for shas in asked] == [len(records) - 1]
    build(tmp_path / "full2", data, incremental=False, progress=None)
    assert _nquads(store) == _nquads(tmp_path / "full2")


def _error_of(store: Path, data: Path, *, incremental: bool = True) -> str:
    from kg.errors import DataError

    with pytest.raises(DataError) as caught:
        build(store, data, incremental=incremental, progress=None)
    return str(caught.value)


def test_a_rebuild_reads_the_changed_records_facts_and_still_finds_a_key_used_twice(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The unique-key check of a rebuild reads the stored keys of the records it read (and the
    state's key rows), not every record's facts; a key a changed record takes from a kept
    record, or two changed records share, is refused with the message of a full build, and
    the store stays as it was."""
    data = tmp_path / "data"
    shutil.copytree(corpus, data)
    paths = sorted((data / "cases").glob("*.yaml"))
    key = "0123456789abcdef0123"
    _edit_record(paths[1], lambda r: r["persons"][0].update(key=key))
    store = tmp_path / "kg"
    build(store, data, progress=None)
    counts = _facts_read(monkeypatch)

    _edit_record(paths[3], lambda r: r["events"][0].update(note="a changed note"))
    build(store, data, progress=None)
    assert counts and max(counts) <= 1, counts  # the changed record's earlier facts at most
    build(tmp_path / "full", data, incremental=False, progress=None)
    assert _nquads(store) == _nquads(tmp_path / "full")
    before = _nquads(store)

    # A changed record takes the key of a kept one.
    _edit_record(paths[5], lambda r: r["persons"][0].update(key=key))
    counts.clear()
    message = _error_of(store, data)
    assert f"key {key} is already used by" in message
    assert message == _error_of(tmp_path / "scratch", data, incremental=False)
    assert max(counts) >= len(paths) - 1  # the whole check ran, for its message
    assert _nquads(store) == before

    # Two changed records share a new key; no kept record holds it.
    other = "fedcba9876543210fedc"
    _edit_record(paths[5], lambda r: r["persons"][0].update(key=other))
    _edit_record(paths[6], lambda r: r["persons"][0].update(key=other))
    message = _error_of(store, data)
    assert f"key {other} is already used by" in message
    assert message == _error_of(tmp_path / "scratch", data, incremental=False)
    assert _nquads(store) == before

    # The key given back: the rebuild goes through and equals a full build.
    _edit_record(paths[6], lambda r: r["persons"][0].pop("key"))
    build(store, data, progress=None)
    build(tmp_path / "full2", data, incremental=False, progress=None)
    assert _nquads(store) == _nquads(tmp_path / "full2")


def test_a_rebuild_keeps_the_canonical_provisions_unless_a_change_reaches_them(
    built: BuiltOnce, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The canonical article texts and offence labels (the first appeal's) are kept by a
    rebuild whose changed records give the provisions they gave; a changed label of the first
    appeal makes them again, and either way the store is that of a full build."""
    import json

    from kg.store import stream

    data, store = built.copy()
    kept: list[object] = []
    canon_kept = stream._canon_kept

    def spied(*a: object, **k: object) -> object:
        kept.append(canon_kept(*a, **k))  # type: ignore[arg-type]
        return kept[-1]

    monkeypatch.setattr(stream, "_canon_kept", spied)

    def canon() -> list[object]:
        state = json.loads((current_generation(store) / "build-state.json").read_text("utf-8"))
        return state["canon"]

    first = canon()
    assert first  # the corpus merges instruments with provisions
    paths = sorted((data / "cases").glob("*.yaml"))
    _edit_record(paths[2], lambda r: r["events"][0].update(note="another note"))
    build(store, data, progress=None)
    assert kept[-1] is not None and canon() == first
    build(tmp_path / "full", data, incremental=False, progress=None)
    assert _nquads(store) == _nquads(tmp_path / "full")

    # Every provision label of every record changed, one record at a time: the first
    # appeal's label is new wherever the canonical one came from it.
    def relabel(record: dict) -> None:
        for inst in record.get("instruments") or []:
            for prov in inst.get("provisions") or []:
                prov["label"] = f"{prov.get('label') or 'offence'} (as charged)"

    for path in paths:
        _edit_record(path, relabel)
        build(store, data, progress=None)
        assert kept[-1] is None or canon() == first
    assert canon() != first
    build(tmp_path / "full2", data, incremental=False, progress=None)
    assert _nquads(store) == _nquads(tmp_path / "full2")
    state = json.loads(
        (current_generation(tmp_path / "full2") / "build-state.json").read_text("utf-8")
    )
    assert canon() == state["canon"]


def test_a_rebuild_keeps_the_rules_analysis_when_derive_changes_is_wrapped(
    built: BuiltOnce, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rules' analysis is kept while kg/store/derive.py and the rules are the same, even
    when something (a profiler's timer) wraps ``derive_changes``: its wrapper's file is not
    the code that analyses the rules."""
    import kg.store.stream as stream

    data, store = built.copy()
    inner = stream.derive_changes

    def wrapped(*args: object, **kwargs: object) -> object:
        return inner(*args, **kwargs)

    def analysed(*_args: object) -> object:
        raise AssertionError("the rules were analysed again")

    monkeypatch.setattr(stream, "derive_changes", wrapped)
    monkeypatch.setattr(stream, "shapes_of", analysed)
    _edit_record(
        sorted((data / "cases").glob("*.yaml"))[1],
        lambda r: r["events"][0].update(note="a note edited under a wrapper"),
    )
    lines: list[str] = []
    build(store, data, progress=lines.append)
    assert any(line.startswith("build: 1 graph(s) to write") for line in lines), lines
    monkeypatch.undo()
    build(tmp_path / "full", data, incremental=False, progress=None)
    assert _nquads(store) == _nquads(tmp_path / "full")


def test_the_recipe_covers_the_code_that_decides_what_a_build_writes(tmp_path: Path) -> None:
    """A change to the rules derived as graphs are written, to the SPARQL rules' code, to the
    public filter or to the export files' writer makes the next build write every graph (else
    a rebuild would keep what the old code wrote); a change to the code that keeps the
    build's state does not."""
    from kg.store.stream import recipe_hash, recipe_sources

    names = {p.name for p in recipe_sources()}
    assert {"localrules.py", "derive.py", "public.py", "chunks.py", "casequads.py"} <= names
    assert {"state.py", "kept.py", "workers.py"}.isdisjoint(names)

    shutil.copytree(ROOT / "kg", tmp_path / "kg")
    before = recipe_hash(tmp_path)
    assert recipe_hash(tmp_path) == before
    for name, counts in (("state.py", False), ("localrules.py", True), ("public.py", True)):
        path = tmp_path / "kg" / "store" / name
        original = path.read_bytes()
        path.write_bytes(original + b"\n# changed\n")
        assert (recipe_hash(tmp_path) != before) is counts, name
        path.write_bytes(original)
    (tmp_path / "kg" / "store" / "newstep.py").write_text("STEP = 1\n", encoding="utf-8")
    assert recipe_hash(tmp_path) != before


def test_a_case_graphs_lines_are_as_oxigraph_writes_them() -> None:
    """A rebuild compares a written graph's triples with its previous ones as N-Triples lines:
    the N-Quads text a record gives is cut into lines where it is as Oxigraph writes it, and
    parsed and written again where it is not (a tab or another control character in a
    literal, which Oxigraph writes escaped; a blank node), so that each line is the text
    Oxigraph gives the same triple."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    from kg.record.nquads import nquads
    from kg.store.delta import _key
    from kg.store.stream import _chunk_lines

    g = "https://w3id.org/appeals-kg/graph/appeal/a-1"
    s, p = URIRef("https://example.org/s"), URIRef("https://example.org/p")

    def oxigraph_lines(text: str) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for q in ox.parse(input=text.encode("utf-8"), format=ox.RdfFormat.N_QUADS):
            out.setdefault(str(q.graph_name.value), []).append(_key(q))
        return out

    plain = [(s, p, Literal('a "quoted"\nline')), (s, p, Literal("x", lang="EN")), (s, p, s)]
    cases = {
        "plain": plain,
        "tab": [*plain, (s, p, Literal("a\tb"))],
        "control": [*plain, (s, p, Literal("bell\x07"))],
        "blank": [*plain, (BNode("b1"), p, Literal("y"))],
    }
    for name, triples in cases.items():
        text = nquads(triples, g)
        got = _chunk_lines(text)
        assert got == oxigraph_lines(text), name
        assert len(got[g]) == len(triples), name
    # the tab is written escaped, as Oxigraph writes it, not as the record's text has it
    assert (
        '<https://example.org/s> <https://example.org/p> "a\\tb"'
        in _chunk_lines(nquads(cases["tab"], g))[g]
    )
    # lines of two graphs in one text: each graph's own
    two = nquads(plain, g) + nquads([(s, p, Literal("z"))], g + "-2")
    assert _chunk_lines(two) == oxigraph_lines(two)
    assert _chunk_lines("") == {}


def _swap(value: object, old: str, new: str) -> object:
    if isinstance(value, str):
        return value.replace(old, new)
    if isinstance(value, list):
        return [_swap(v, old, new) for v in value]
    if isinstance(value, dict):
        return {k: _swap(v, old, new) for k, v in value.items()}
    return value


def test_a_rebuild_equals_a_full_build_when_a_shared_literal_holds_a_tab(
    corpus: Path, tmp_path: Path
) -> None:
    """A literal two appeals state with a control character in it is one line of the shared
    index however it was written: the full build's text escapes it as Oxigraph does, so the
    rebuild, which reads Oxigraph's text, finds it shared (else it lands in the appeal graph
    it was already taken out of)."""
    data = tmp_path / "data"
    shutil.copytree(corpus, data)
    records = sorted((data / "cases").glob("*.yaml"))
    holders: dict[str, set[Path]] = {}
    for path in records:
        for org in yaml.safe_load(path.read_text(encoding="utf-8")).get("organisations") or []:
            holders.setdefault(org["name"], set()).add(path)
    name = next(n for n, paths in sorted(holders.items()) if len(paths) >= 2 and " " in n)
    tabbed = name.replace(" ", "\t", 1)
    for path in data.rglob("*"):
        if not path.is_file() or name not in path.read_text(encoding="utf-8"):
            continue
        if path.suffix == ".yaml":
            swapped = _swap(yaml.safe_load(path.read_text(encoding="utf-8")), name, tabbed)
            path.write_text(yaml.safe_dump(swapped, sort_keys=False), encoding="utf-8")
        else:
            path.write_text(path.read_text(encoding="utf-8").replace(name, tabbed), "utf-8")
    store = tmp_path / "kg"
    build(store, data, progress=None)
    assert any(tabbed.replace("\t", "\\t") in line for line in _nquads(store))

    path = sorted(holders[name])[0]
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record["events"][0]["note"] = "a note changed"
    path.write_text(yaml.safe_dump(record, sort_keys=False), encoding="utf-8")
    build(store, data, progress=None)
    build(tmp_path / "full", data, incremental=False, progress=None)
    assert _nquads(store) == _nquads(tmp_path / "full")


def test_rebuilds_keep_two_generations_whose_store_files_are_links_and_no_stale_files(
    built: BuiltOnce,
) -> None:
    """Each rebuild starts its store from a checkpoint of the previous one: the store's data
    files are the previous generation's, hard-linked (no bytes copied). Afterwards the store's
    folder holds the new generation and the one it replaced, nothing older, and the shared
    folder of export files holds only the files their manifests list. A build that fails
    leaves all of that as it was."""
    import json

    from kg.files import GENERATION_PREFIX
    from kg.store.chunks import EXPORT_DIR, MANIFEST, POOL_DIR, WRITING
    from kg.store.voidtable import segment_names

    data, store = built.copy()
    home = current_generation(store).parent  # type: ignore[union-attr]
    first = current_generation(store)
    cases = sorted((data / "cases").glob("*.yaml"))
    made = []
    for n, path in enumerate(cases[:2]):
        _edit_record(path, lambda r, n=n: r["events"][0].__setitem__("note", f"note {n}"))
        before = current_generation(store)
        build(store, data, progress=None)
        made.append(current_generation(store))
        assert made[-1] != before
        full = {p.name: p.stat() for p in (before / "full").glob("*.sst")}  # type: ignore[operator]
        shared = [
            p.name
            for p in (made[-1] / "full").glob("*.sst")  # type: ignore[operator]
            if p.name in full and p.stat().st_ino == full[p.name].st_ino
        ]
        assert shared, "the rebuilt store's data files are copies, not links"

    def generations() -> set[Path]:
        return {p for p in home.iterdir() if p.name.startswith(GENERATION_PREFIX)}

    assert first not in generations()
    assert generations() == set(made)

    def listed(generation: Path) -> set[str]:
        manifest = json.loads((generation / EXPORT_DIR / MANIFEST).read_text(encoding="utf-8"))
        return {row[3] for row in manifest["graphs"]} | set(segment_names(generation / EXPORT_DIR))

    def pool() -> set[str]:
        return {p.name.split(".", 1)[0] for p in (home / POOL_DIR).iterdir()} - {""}

    assert (home / POOL_DIR / WRITING).is_file()
    assert pool() == listed(made[0]) | listed(made[1])

    # A build that fails on the third record leaves the two generations and the files whole.
    files = sorted(p.name for p in (home / POOL_DIR).iterdir())
    dataset = _nquads(store)
    _edit_record(cases[2], lambda r: r["events"][0]["evidence"][0].__setitem__("start", 10**6))
    with pytest.raises(Exception, match="do not reproduce"):
        build(store, data, progress=None)
    assert generations() == set(made) and current_generation(store) == made[1]
    assert sorted(p.name for p in (home / POOL_DIR).iterdir()) == files
    assert not [p for p in home.iterdir() if p.name.startswith(".") and p.name != ".lock"]
    assert _nquads(store) == dataset


def test_a_rebuilt_store_is_closed_in_the_folder_it_was_opened_in(built: BuiltOnce) -> None:
    """A rebuild's store is closed before its generation's folder is renamed into place:
    RocksDB's last writes on closing (its MANIFEST, the files its compactions replaced
    removed) go to the path it opened, so its log in the new generation records no error.
    Closed after the rename, the log holds "MANIFEST verification on Close ... failed"."""
    data, store = built.copy()
    case = sorted((data / "cases").glob("*.yaml"))[0]
    _edit_record(case, lambda r: r["events"][0].__setitem__("note", "a note closed cleanly"))
    before = current_generation(store)
    build(store, data, progress=None)
    after = current_generation(store)
    assert after is not None and after != before
    log = (after / "full" / "LOG").read_text(encoding="utf-8", errors="replace")
    assert "DB pointer" in log  # the store's own log, opened in this generation
    errors = [line for line in log.splitlines() if "[ERROR]" in line]
    assert not errors, errors[:3]


def test_a_full_builds_compaction_runs_while_its_export_files_are_written(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """RocksDB's compaction after a full build's load shares the machine with the export
    files: it is still running when they are written, and the build waits for it before the
    public store (a checkpoint of the compacted files) is made. The entities are counted on
    the compacted store by the compaction's thread, so that the count runs beside what is
    left of the export files. Run one after the other, the compaction would wait for export
    files that are only written after it."""
    import threading

    from kg.store import build as kg_build
    from kg.store import chunks, stream

    writing, done, counted_in = threading.Event(), [], []

    def compact(store: object) -> None:
        assert writing.wait(20), "the export files were not written during the compaction"
        original_compact(store)
        done.append("compacted")

    def write_files(*args: object, **kwargs: object) -> int:
        writing.set()
        total = original_write(*args, **kwargs)
        done.append("files")
        return total

    def count(*args: object, **kwargs: object) -> int:
        done.append("counted")
        counted_in.append(threading.current_thread().name)
        return original_count(*args, **kwargs)

    original_compact, original_write = stream._compact, chunks.write_chunks
    original_count = kg_build.count_entities
    monkeypatch.setattr(stream, "_compact", compact)
    monkeypatch.setattr(chunks, "write_chunks", write_files)
    monkeypatch.setattr(kg_build, "count_entities", count)
    result = build(tmp_path / "store", corpus, progress=None)
    assert sorted(done) == ["compacted", "counted", "files"]
    # the entities are counted on the compacted store (read beside the compaction, slowly),
    # in the compaction's thread, not after the export files in the build's own
    assert done.index("compacted") < done.index("counted")
    assert len(counted_in) == 1 and counted_in[0].startswith("compaction"), counted_in
    assert result.entities == original_count(Store.open(tmp_path / "store")) > 0
    assert result.triples == len(_nquads(tmp_path / "store"))
    assert _nquads(tmp_path / "store", public=True) == _nquads(tmp_path / "store")


def test_a_failed_compaction_fails_the_build_and_keeps_the_previous_store(
    built: BuiltOnce, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An error of the compaction is the build's, raised once the export files are
    written; the generation it was building is not made current."""
    from kg.store import stream

    data, store = built.copy()
    before, generation = _nquads(store), current_generation(store)

    def compact(store: object) -> None:
        raise OSError("No space left on device")

    monkeypatch.setattr(stream, "_compact", compact)
    with pytest.raises(OSError, match="No space left"):
        build(store, data, incremental=False, progress=None)
    assert current_generation(store) == generation
    assert _nquads(store) == before


def test_a_full_build_says_each_step_after_the_bulk_load(corpus: Path, tmp_path: Path) -> None:
    """The steps after the graphs are made take minutes at 100,000 appeals: each is
    announced, in the order it runs; a rebuild, which compacts nothing, does not say it
    compacts."""
    said: list[str] = []
    build(tmp_path / "store", corpus, progress=said.append)
    steps = [
        next(i for i, line in enumerate(said) if line.startswith(step))
        for step in (
            "build: graphs made",
            "build: bulk loading",
            "build: rules",
            "build: compacting the store; export files and state",
            "build: state:",
        )
    ]
    assert steps == sorted(steps), said
    case = sorted((corpus / "cases").glob("*.yaml"))[0]
    data = tmp_path / "data"
    shutil.copytree(corpus, data)
    _edit_record(
        data / "cases" / case.name,
        lambda r: r["events"][0].__setitem__("note", "a note for the rebuild"),
    )
    said.clear()
    build(tmp_path / "store", data, progress=said.append)
    assert not any("compacting" in line for line in said), said


def test_a_rebuild_with_compact_compacts_the_store_even_when_nothing_changed(
    built: BuiltOnce, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``compact``: a rebuild compacts the new generation's store as a full build does; with
    nothing changed it still makes a generation, of the same data, and compacts it (without
    it nothing is done)."""
    from kg.store import stream

    data, store = built.copy()
    before, public = _nquads(store), _nquads(store, public=True)
    generation = current_generation(store)
    ran: list[str] = []
    original = stream._compact

    def compact(s: object) -> None:
        ran.append("compacted")
        original(s)

    monkeypatch.setattr(stream, "_compact", compact)
    build(store, data, progress=None)
    assert not ran and current_generation(store) == generation
    result = stream.build_streaming(store, data, progress=None, compact=True)
    assert ran == ["compacted"] and current_generation(store) != generation
    assert _nquads(store) == before and _nquads(store, public=True) == public
    assert result.triples == len(before)


def test_a_changed_rebuild_with_compact_equals_a_full_build(
    built: BuiltOnce, tmp_path: Path
) -> None:
    from kg.store.stream import build_streaming

    data, store = built.copy()
    case = sorted((data / "cases").glob("*.yaml"))[0]
    _edit_record(case, lambda r: r["events"][0].__setitem__("note", "a note, then compacted"))
    build_streaming(store, data, progress=None, compact=True)
    build(tmp_path / "full", data, incremental=False, progress=None)
    _same_dataset(store, tmp_path / "full")
