"""Exports copied from the files the build keeps (kg/store/chunks.py, kg/publish/chunked.py):
each of the four formats holds exactly the public store's content -- on the seed data, the gold
records, a generated corpus, after an incremental rebuild and after a takedown -- and files that
do not describe the store are never used."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import yaml
from benchgen import generated_data
from benchgen import generator as _generator
from click.testing import CliRunner
from goldcorpus import buildable, gold_files
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.cli import cli
from kg.errors import StoreError
from kg.files import current_generation, read_unpacked
from kg.publish.chunked import write_chunked
from kg.publish.export import GRAPH_FORMATS, STREAMED, export, stream_to_bytes
from kg.record.caserecord import appeal_graph_iri
from kg.store.build import build
from kg.store.chunks import EXPORT_DIR, MANIFEST, store_chunks
from kg.store.state import read_shared
from kg.store.store import Store, public_store_path
from kg.vocab import DATA_DIR

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def _public(store_path: Path) -> Store:
    return Store.open(public_store_path(store_path))


def assert_exports_hold_the_store(store_path: Path, work: Path, *, chunked: bool = True) -> None:
    """Every streamed format, parsed back, is the public store: the same quads (N-Quads,
    TriG) or the same triples of the union (N-Triples, Turtle, each triple once)."""
    public = _public(store_path)
    found = store_chunks(public.oxigraph, public.path)
    assert (found is not None) == chunked
    quads = sorted(str(q) for q in public.oxigraph)
    triples = sorted(str(q.triple) for q in public.oxigraph)
    assert quads and triples
    if found is not None:
        assert found.triples == len(quads)
    for fmt, rdf_format in STREAMED.items():
        out = work / f"kg.{fmt}"
        assert export(public, fmt, output=out) == b""
        got = list(ox.parse(path=str(out), format=rdf_format))
        if fmt in GRAPH_FORMATS:
            assert sorted(str(q) for q in got) == quads, fmt
        else:
            assert sorted(str(q.triple) for q in got) == triples, fmt
        assert stream_to_bytes(public, fmt) == out.read_bytes(), fmt
        out.unlink()


def _rows(store_path: Path) -> list[tuple[str | None, str, Path]]:
    """The manifest's rows: graph, stem, its N-Quads file (in the folder the generations
    share)."""
    folder = current_generation(store_path) / EXPORT_DIR  # type: ignore[operator]
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    files = (folder / manifest["files"]).resolve()
    return [(g, stem, files / f"{name}.nq.zst") for g, stem, _n, name in manifest["graphs"]]


def _chunk_files(store_path: Path) -> dict[str, Path]:
    return {g: f for g, _stem, f in _rows(store_path) if g is not None}


def test_exports_of_a_generated_corpus_through_incremental_rebuilds(tmp_path: Path) -> None:
    """A full build, then one record changed, one added and one removed (an incremental
    build: the files of unchanged appeal graphs are the previous generation's, the same files,
    neither copied nor linked),
    then an appeal removed whose shared facts move back into another appeal's graph."""
    data = generated_data(tmp_path / "data", 14, seed=11)
    aside = tmp_path / "aside"
    aside.mkdir()
    newcomer = sorted((data / "cases").glob("*.yaml"))[-1]
    shutil.move(newcomer, aside / newcomer.name)
    store = tmp_path / "kg"
    build(store, data, progress=None)
    assert_exports_hold_the_store(store, tmp_path)
    before = _chunk_files(store)

    paths = sorted((data / "cases").glob("*.yaml"))
    gone, changed = paths[0], paths[1]
    gone.unlink()
    record = yaml.safe_load(changed.read_text(encoding="utf-8"))
    record["events"][0]["note"] = "a note a curator changed"
    record["persons"][0]["variants"] = ["a new spelling"]
    changed.write_text(yaml.safe_dump(record, sort_keys=False, allow_unicode=True), "utf-8")
    shutil.move(aside / newcomer.name, newcomer)
    lines: list[str] = []
    build(store, data, progress=lines.append)
    assert any("graph(s) written" in line for line in lines), lines  # it was incremental
    assert_exports_hold_the_store(store, tmp_path)
    after = _chunk_files(store)
    kept = {g for g, f in after.items() if before.get(g) == f}
    assert kept and kept < set(after)  # some files kept, some written again
    assert all(f.stat().st_nlink == 1 for f in after.values())
    pool = next(iter(after.values())).parent
    second = {f for _g, _s, f in _rows(store)}
    assert set(pool.glob("*.nq.zst")) == set(before.values()) | second  # both generations' files
    before = after
    assert "a note a curator changed" in export(_public(store), "ntriples").decode("utf-8")

    # Remove an appeal that shares facts with one other: they move into that other appeal's
    # graph, which no record change touched, so its files must be written again.
    full = Store.open(store)
    _, rows = full.query(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", union=False
    )
    sizes = {str(g): int(n) for g, n in rows}
    shared = read_shared(current_generation(store))
    assert shared is not None
    pairs = sorted(holders for holders in shared.values() if len(holders) == 2)
    assert pairs
    gone_graph, keeper = pairs[0]
    by_graph = {
        str(appeal_graph_iri(yaml.safe_load(p.read_text(encoding="utf-8"))["appeal"]["id"])): p
        for p in (data / "cases").glob("*.yaml")
    }
    by_graph[gone_graph].unlink()
    build(store, data, progress=None)
    assert_exports_hold_the_store(store, tmp_path)
    assert _chunk_files(store)[keeper] != before[keeper]  # written again
    # The files only the first generation listed are gone; the last two generations' remain.
    assert set(pool.glob("*.nq.zst")) == second | {f for _g, _s, f in _rows(store)}
    _, rows = Store.open(store).query(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{keeper}> {{ ?s ?p ?o }} }}", union=False
    )
    assert int(rows[0][0]) > sizes[keeper]  # the facts it now states alone came back
    # Every export after these changes holds what a build from scratch of the same records
    # exports (blank nodes aside: canonical N-Quads).
    scratch = tmp_path / "scratch"
    build(scratch, data, incremental=False, progress=None)
    for fmt in STREAMED:
        assert _canonical(_public(store), fmt) == _canonical(_public(scratch), fmt), fmt


def _canonical(store: Store, fmt: str) -> list[str]:
    """The export ``fmt`` of ``store`` as canonical N-Quads lines (RDFC-1.0), sorted."""
    dataset = ox.Dataset(ox.parse(stream_to_bytes(store, fmt), format=STREAMED[fmt]))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return sorted(str(q) for q in dataset)


def test_exports_of_the_gold_records(tmp_path: Path) -> None:
    if not CORPUS.is_dir():
        pytest.fail(f"the development corpus is not at {CORPUS}")
    data = tmp_path / "data"
    (data / "extracted").mkdir(parents=True)
    for sub in ("reference", "links"):
        shutil.copytree(DATA_DIR / sub, data / sub)
    for path, record in gold_files():
        # As in test_cq_corpus: records naming a country the build does not know stay out.
        if buildable(record):
            (data / "extracted" / path.name.replace(".gold", "")).write_text(
                yaml.safe_dump(record, sort_keys=False, allow_unicode=True), encoding="utf-8"
            )
    build(tmp_path / "kg", data, progress=None)
    assert len(_public(tmp_path / "kg").graph_names()) > 40
    assert_exports_hold_the_store(tmp_path / "kg", tmp_path)


def test_exports_after_a_takedown_hold_only_the_new_public_store(
    seed_built, tmp_path: Path
) -> None:
    data_copy, store = seed_built.copy()
    assert "Dauletbayev" in export(_public(store), "turtle").decode("utf-8")
    before = set(_chunk_files(store).values())
    result = CliRunner().invoke(
        cli, ["takedown", "seed-dauletbayev-2017", "--store", str(store), "--data", str(data_copy)]
    )
    assert result.exit_code == 0, result.output
    assert_exports_hold_the_store(store, tmp_path)
    for fmt in STREAMED:
        out = tmp_path / f"after.{fmt}"
        run = CliRunner().invoke(
            cli, ["export", "--store", str(store), "--format", fmt, "-o", str(out)]
        )
        assert run.exit_code == 0, run.output
        text = out.read_text(encoding="utf-8")
        assert "Dauletbayev" not in text and "/graph/appeal/" not in text, fmt
    # The files are the generation's own: none is shared with the generation before it.
    assert not before & set(_chunk_files(store).values())


def test_files_that_do_not_describe_the_store_are_not_used(tmp_path: Path) -> None:
    """Standard output (a pipe) gets the same bytes as a file. A manifest naming a graph the
    store does not have (or missing one it has), or a missing file, sends the export back to
    reading the store, which still gives its content; the full store never uses the public
    store's files."""
    store = tmp_path / "kg"
    build(store, progress=None)
    # Into a pipe (standard output of the command), the files are copied by the kernel.
    kg = str(Path(sys.executable).parent / "kg")
    for fmt in STREAMED:
        piped = subprocess.run(
            [kg, "export", "--store", str(store), "--format", fmt], capture_output=True, check=True
        ).stdout
        assert piped == stream_to_bytes(_public(store), fmt), fmt
    folder = current_generation(store) / EXPORT_DIR  # type: ignore[operator]
    manifest_path = folder / MANIFEST
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest_path.write_text(
        json.dumps({**manifest, "graphs": manifest["graphs"][1:]}), encoding="utf-8"
    )
    assert_exports_hold_the_store(store, tmp_path, chunked=False)
    extra = [["https://example.org/graph/withdrawn", "withdrawn", 1]]
    manifest_path.write_text(
        json.dumps({**manifest, "graphs": manifest["graphs"] + extra}), encoding="utf-8"
    )
    assert_exports_hold_the_store(store, tmp_path, chunked=False)
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    assert_exports_hold_the_store(store, tmp_path)
    # A file removed after the export checked the files (newer builds replaced the store):
    # a one-line error, then the next export reads the store.
    public = _public(store)
    found = store_chunks(public.oxigraph, public.path)
    assert found is not None
    found.chunks[-1].turtle.unlink()
    with pytest.raises(StoreError, match="removed while exporting"):
        write_chunked(found, "turtle", io.BytesIO())
    assert_exports_hold_the_store(store, tmp_path, chunked=False)
    full = Store.open(store)
    assert store_chunks(full.oxigraph, full.path) is None


def test_void_counts_are_kept_once_per_generation(tmp_path: Path) -> None:
    """``void.ttl`` beside an export is the description counted in the store; the build keeps
    the counts in the generation (tests/test_voidcounts.py) and exports read them back; kept
    counts that do not match the build's files are counted again."""
    from kg.publish.describe import describe_store
    from kg.publish.export import VOID_COUNTS, void_description

    store = tmp_path / "kg"
    build(store, progress=None)
    public = _public(store)
    fresh = describe_store(public)
    kept = current_generation(store) / EXPORT_DIR / VOID_COUNTS  # type: ignore[operator]
    assert kept.exists()  # counted by the build
    run = CliRunner().invoke(cli, ["export", "--store", str(store), "-o", str(tmp_path / "o.nq")])
    assert run.exit_code == 0, run.output
    assert isomorphic(Graph().parse(tmp_path / "void.ttl"), fresh)
    endpoint = "https://example.org/sparql"
    assert isomorphic(
        _parsed(void_description(public, endpoint=endpoint)),
        describe_store(public, endpoint=endpoint),
    )
    counts = json.loads(kept.read_text(encoding="utf-8"))
    kept.write_text(json.dumps({**counts, "triples": counts["triples"] + 1}), encoding="utf-8")
    assert isomorphic(_parsed(void_description(public)), fresh)
    assert json.loads(kept.read_text(encoding="utf-8")) == counts  # counted and kept again
    kept.write_text(json.dumps({**counts, "entities": 7}), encoding="utf-8")
    assert b"void:entities 7" in void_description(public)  # read back, not counted


def _parsed(turtle: bytes) -> Graph:
    return Graph().parse(data=turtle.decode("utf-8"), format="turtle")


def test_awkward_terms_and_the_default_graph_survive_every_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Literals that spell a graph IRI, a dot or a line break, a blank node two graphs share,
    triples in the default graph, and graphs read in blocks smaller than a line."""
    import kg.files as files_module
    import kg.store.chunks as chunks_module
    from kg.store.store import MARKER

    # the build's counts and the export's N-Triples both read the files line by line
    monkeypatch.setattr(files_module, "LINE_BLOCK", 7)
    folder = tmp_path / "generation"
    folder.mkdir()
    backend = ox.Store(str(folder / "public"))
    g1 = "https://w3id.org/appeals-kg/graph/appeal/a-1"
    g2 = "https://w3id.org/appeals-kg/graph/reference"
    backend.load(
        (
            f'<urn:x:a> <urn:x:says> "in <{g1}> .\\nand . <{g2}> ." <{g1}> .\n'
            f"<urn:x:a> <urn:x:knows> _:shared <{g1}> .\n"
            f'_:shared <urn:x:name> "shared"@en <{g2}> .\n'
            f"<urn:x:b> <urn:x:in> <{g1}> <{g2}> .\n"
            '<urn:x:c> <urn:x:value> "3"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
        ).encode(),
        format=ox.RdfFormat.N_QUADS,
    )
    assert chunks_module.write_chunks(backend, folder) == 5
    (folder / "public" / MARKER).write_text("built by appeals-kg: public\n", encoding="utf-8")
    store = Store(backend, folder / "public")
    found = store_chunks(backend, store.path)
    assert found is not None and [c.graph for c in found.chunks] == [None, g1, g2]
    quads = sorted(str(q) for q in backend)
    for fmt, rdf_format in STREAMED.items():
        got = list(ox.parse(stream_to_bytes(store, fmt), format=rdf_format))
        if fmt in GRAPH_FORMATS:
            assert sorted(str(q) for q in got) == quads, fmt
        else:
            assert sorted(str(q.triple) for q in got) == sorted(str(q.triple) for q in backend)


def test_files_are_linked_only_for_graphs_that_did_not_change(tmp_path: Path) -> None:
    """From a previous generation: an appeal graph's files unless it changed; another graph's
    only when the caller names it as kept."""
    from kg.store.chunks import write_chunks
    from kg.vocab import DERIVED_GRAPH, REFERENCE_GRAPH

    store = tmp_path / "kg"
    build(store, progress=None)
    generation = current_generation(store)
    assert generation is not None
    public = _public(store).oxigraph
    appeals = [g for g in _chunk_files(store) if "/graph/appeal/" in g]
    assert appeals

    def links(folder: Path) -> dict[str, int]:
        return {g: f.stat().st_nlink for g, f in _chunk_files(folder).items()}

    again = tmp_path / "again"
    (again / ".kg.d" / "g-1").mkdir(parents=True)
    (again / "kg").symlink_to(".kg.d/g-1")
    write_chunks(public, again / ".kg.d" / "g-1", previous=generation, kept=[str(REFERENCE_GRAPH)])
    counted = links(again / "kg")
    assert all(counted[g] > 1 for g in appeals)
    assert counted[str(REFERENCE_GRAPH)] > 1 and counted[str(DERIVED_GRAPH)] == 1
    write_chunks(public, again / ".kg.d" / "g-1", previous=generation, changed=appeals[:1])
    counted = links(again / "kg")
    assert counted[appeals[0]] == 1 and counted[str(REFERENCE_GRAPH)] == 1
    assert_exports_hold_the_store(store, tmp_path)


def _graph_texts(store_path: Path) -> dict[str | None, list[tuple[str, bytes]]]:
    """Each graph's parts (stem, N-Quads text), in manifest order."""
    out: dict[str | None, list[tuple[str, bytes]]] = {}
    for g, stem, f in _rows(store_path):
        out.setdefault(g, []).append((stem, read_unpacked(f)))
    return out


@pytest.mark.parametrize("fewest, per_part", [(16, 1 << 11), (4, 8)])
def test_a_large_graph_is_written_again_only_in_the_parts_a_change_reaches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fewest: int, per_part: int
) -> None:
    """The derived graph in parts (made small here): an incremental build that changes some
    derived triples writes again only their parts, keeps the rest, and every part is the
    file a build from scratch writes. With few triples a part, the graph is written in more
    parts than the fewest, and a rebuild keeps their number."""
    from kg.store import chunks as chunks_module
    from kg.vocab import DERIVED_GRAPH

    monkeypatch.setattr(chunks_module, "PART_MIN", 1)
    monkeypatch.setattr(chunks_module, "PARTS", fewest)
    monkeypatch.setattr(chunks_module, "PART_TRIPLES", per_part)
    data = _generator().generate(14, tmp_path / "data", seed=11, jobs=1)
    store = tmp_path / "kg"
    build(store, data, progress=None)
    derived = str(DERIVED_GRAPH)
    first = _graph_texts(store)
    first_files = {f for g, _stem, f in _rows(store) if g == derived}
    assert len(first[derived]) > 8  # in parts
    (number,) = {int(stem.rsplit("-", 2)[1]) for stem, _ in first[derived]}
    size = sum(t.count(b"\n") for _, t in first[derived])
    assert number == chunks_module.part_count(size)
    assert number > fewest if size > fewest * per_part else number == fewest
    # One appeal fewer: the counts of the entities it reported change, little else.
    sorted((data / "cases").glob("*.yaml"))[3].unlink()
    lines: list[str] = []
    build(store, data, progress=lines.append)
    assert any("graph(s) written" in line for line in lines), lines  # it was incremental
    parts = _graph_texts(store)[derived]
    kept = [f in first_files for g, _stem, f in _rows(store) if g == derived]
    assert any(kept) and not all(kept), kept
    assert parts != first[derived]
    scratch = tmp_path / "scratch"
    build(scratch, data, incremental=False, progress=None)
    again, fresh = _graph_texts(store), _graph_texts(scratch)
    assert again.keys() == fresh.keys()
    assert b"_:" not in b"".join(t for _, t in again[derived])
    assert {int(stem.rsplit("-", 2)[1]) for stem, _ in again[derived]} == {number}  # kept
    if {int(stem.rsplit("-", 2)[1]) for stem, _ in fresh[derived]} == {number}:
        assert again[derived] == fresh[derived]  # the same files, byte for byte
    else:  # the graph crossed a size at which a build from scratch makes more or fewer parts
        assert _masked(again[derived]) == _masked(fresh[derived])
    for g in again:  # the others hold the same lines (blank node labels are each build's)
        assert _masked(again[g]) == _masked(fresh[g]), g
    assert_exports_hold_the_store(store, tmp_path)


def test_part_count_grows_with_the_graph_past_the_fewest() -> None:
    from kg.store.chunks import PART_MIN, PART_TRIPLES, PARTS, part_count

    assert part_count(PART_MIN - 1) == 1
    assert part_count(PART_MIN) == PARTS
    assert part_count(PARTS * PART_TRIPLES) == PARTS
    assert part_count(PARTS * PART_TRIPLES + 1) == 2 * PARTS
    for size in (10**6, 10**7, 6 * 10**7):
        n = part_count(size)
        assert size / n <= PART_TRIPLES < 2 * size / n, (size, n)


def _masked(parts: list[tuple[str, bytes]]) -> list[bytes]:
    import re

    text = b"".join(t for _, t in parts)
    return sorted(re.sub(rb"_:[A-Za-z0-9]+", b"_:b", line) for line in text.splitlines())


def test_an_appeal_graphs_triples_are_read_back_from_its_files_only_when_whole(
    tmp_path: Path,
) -> None:
    """What a rebuild takes as a changed graph's previous triples: each appeal graph's file
    gives the store's triples of that graph; a file that lost a line (its count no longer the
    manifest's), one with a blank node, a graph not listed and a graph that is not an appeal
    graph are left out (the caller reads those from the store)."""
    from kg.files import write_packed
    from kg.store.chunks import graph_lines, graph_triples
    from kg.vocab import REFERENCE_GRAPH

    store = tmp_path / "kg"
    build(store, generated_data(tmp_path / "data", 6, seed=5), progress=None)
    generation = current_generation(store)
    assert generation is not None
    public = _public(store).oxigraph
    appeals = sorted(g for g in _chunk_files(store) if "/graph/appeal/" in g)
    assert len(appeals) >= 3
    missing = f"{appeals[0]}-not-listed"
    got = graph_triples(generation, [*appeals, str(REFERENCE_GRAPH), missing])
    assert set(got) == set(appeals)
    for g in appeals:
        held = {q.triple for q in public.quads_for_pattern(None, None, None, ox.NamedNode(g))}
        assert held and sorted(map(str, got[g])) == sorted(map(str, held)), g
        assert len(got[g]) == len(held)

    files = _chunk_files(store)
    short, blank = appeals[1], appeals[2]
    lines = read_unpacked(files[short]).splitlines(keepends=True)
    write_packed(files[short], b"".join(lines[:-1]))
    lines = read_unpacked(files[blank]).splitlines(keepends=True)
    lines[0] = b"_:b1 " + lines[0].split(b" ", 1)[1]
    write_packed(files[blank], b"".join(lines))
    other = appeals[3] if len(appeals) > 3 else None
    if other is not None:  # a line of another graph in its place: the count is the manifest's
        lines = read_unpacked(files[other]).splitlines(keepends=True)
        lines[0] = lines[0].replace(f"<{other}>".encode(), f"<{appeals[0]}>".encode())
        write_packed(files[other], b"".join(lines))
    broken = {short, blank, other} - {None}
    got = graph_triples(generation, appeals)
    assert set(got) == set(appeals) - broken
    assert graph_triples(generation, [missing]) == {}
    assert set(graph_lines(generation, appeals)) == set(appeals) - broken


def test_graph_lines_are_the_stores_triples_as_oxigraph_writes_them(tmp_path: Path) -> None:
    """What an incremental build compares a changed graph's previous triples by: each appeal
    graph's lines from its export file, the N-Triples text of each of the store's triples
    without the final dot, nothing parsed."""
    from kg.store.chunks import graph_lines
    from kg.store.delta import _key

    store = tmp_path / "kg"
    build(store, generated_data(tmp_path / "data", 6, seed=5), progress=None)
    generation = current_generation(store)
    assert generation is not None
    public = _public(store).oxigraph
    appeals = sorted(g for g in _chunk_files(store) if "/graph/appeal/" in g)
    got = graph_lines(generation, appeals)
    assert set(got) == set(appeals)
    for g in appeals:
        held = [_key(q) for q in public.quads_for_pattern(None, None, None, ox.NamedNode(g))]
        assert held and all(isinstance(k, str) for k in got[g])
        assert sorted(got[g]) == sorted(held), g


def test_a_rebuild_parses_the_previous_manifest_once_and_reads_a_changed_one_again(
    tmp_path: Path,
) -> None:
    """The manifest a rebuild's graph_lines and write_chunks both read (``keep``) is parsed
    once while the file stays as it is; a manifest written since (same path, other content)
    is read again, write_chunks lets the kept one go, and a read without ``keep`` keeps
    nothing."""
    import kg.store.chunks as chunks
    from kg.store.chunks import graph_lines, turtle_header

    store = tmp_path / "kg"
    build(store, generated_data(tmp_path / "data", 4, seed=5), progress=None)
    generation = current_generation(store)
    assert generation is not None
    folder = generation / EXPORT_DIR
    header = turtle_header(chunks.export_prefixes())
    appeals = sorted(g for g in _chunk_files(store) if "/graph/appeal/" in g)
    chunks._let_go_manifest()
    assert chunks._read_manifest(folder, header) is not None
    assert chunks._kept_manifest is None
    assert set(graph_lines(generation, appeals, keep=True)) == set(appeals)
    first = chunks._read_manifest(folder, header, keep=True)
    assert first is not None and chunks._kept_manifest is not None
    assert chunks._kept_manifest[1] is first
    assert chunks._read_manifest(folder, header, keep=True) is first
    changed = dict(first, triples=int(first["triples"]) + 1)
    (folder / MANIFEST).write_text(json.dumps(changed) + " ", encoding="utf-8")
    again = chunks._read_manifest(folder, header, keep=True)
    assert again is not first and again == changed
    (folder / MANIFEST).write_text(json.dumps(first), encoding="utf-8")
    into = tmp_path / ".x.d" / "g-1"
    into.mkdir(parents=True)
    chunks.write_chunks(_public(store).oxigraph, into, previous=generation)
    assert chunks._kept_manifest is None


def test_a_rebuild_lists_the_graphs_of_the_previous_manifest_and_those_that_came_or_went(
    tmp_path: Path,
) -> None:
    """With ``maybe``, the graphs come from the previous manifest, the changed ones and those
    named looked up in the store: the same rows as a listing of every graph of the store,
    the files of an unchanged graph kept under their name."""
    from kg.store.chunks import APPEAL_GRAPHS, write_chunks
    from kg.vocab import LINKS_GRAPH

    home = tmp_path / ".kg.d"
    first, listed, looked_up = home / "g-0", home / "g-1", home / "g-2"
    for folder in (first, listed, looked_up):
        folder.mkdir(parents=True)
    a, b, c, d = (f"{APPEAL_GRAPHS}{x}" for x in "abcd")
    store = ox.Store()

    def add(graph: str, n: int) -> None:
        node = ox.NamedNode(f"urn:x:{n}")
        store.add(ox.Quad(node, ox.NamedNode("urn:x:p"), ox.Literal(str(n)), ox.NamedNode(graph)))

    for n, g in enumerate((a, b, c)):
        add(g, n)
    write_chunks(store, first)
    # b goes, a changes, d comes, and so does the links graph (named only as one that may)
    store.remove_graph(ox.NamedNode(b))
    add(a, 10)
    add(d, 11)
    add(str(LINKS_GRAPH), 12)
    write_chunks(store, listed, previous=first, changed=[a, b, d])
    write_chunks(store, looked_up, previous=first, changed=[a, b, d], maybe=[str(LINKS_GRAPH)])

    def rows(folder: Path) -> list[list]:
        return json.loads((folder / EXPORT_DIR / MANIFEST).read_text(encoding="utf-8"))["graphs"]

    assert [r[0] for r in rows(looked_up)] == sorted([a, c, d, str(LINKS_GRAPH)])
    assert [r[:3] for r in rows(looked_up)] == [r[:3] for r in rows(listed)]
    kept = {r[0]: r[3] for r in rows(first)}[c]
    assert {r[0]: r[3] for r in rows(looked_up)}[c] == kept
    # a graph that came, not named as one that may: not listed (the caller names them all)
    write_chunks(store, looked_up, previous=first, changed=[a, b, d], maybe=[])
    assert str(LINKS_GRAPH) not in [r[0] for r in rows(looked_up)]


def test_a_rebuild_removes_the_older_files_by_name_and_lists_the_folder_after_a_failed_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shared folder keeps the files of the current generation and of the one before.
    A rebuild removes by name the files its previous generation kept beside its own (the
    manifest's ``dropped``) without listing the folder; when another build wrote into the
    folder since (a failed one, which left files no manifest lists), it lists the folder."""
    import kg.store.chunks as chunks

    listings: list[Path] = []
    collect = chunks._collect

    def listed(pool: Path, keep: set[str]) -> None:
        listings.append(pool)
        collect(pool, keep)

    monkeypatch.setattr(chunks, "_collect", listed)
    data = generated_data(tmp_path / "data", 6, seed=13)
    store = tmp_path / "kg"
    build(store, data, progress=None)
    paths = sorted((data / "cases").glob("*.yaml"))

    def names(generation: Path) -> set[str]:
        manifest = json.loads((generation / EXPORT_DIR / MANIFEST).read_text(encoding="utf-8"))
        segments = json.loads((generation / EXPORT_DIR / "void-table.json").read_text("utf-8"))
        return {row[3] for row in manifest["graphs"]} | set(segments["segments"])

    def held(pool: Path) -> set[str]:
        return {p.name.split(".", 1)[0] for p in pool.iterdir() if p.name != chunks.WRITING}

    def change(path: Path, note: str) -> None:
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        record["events"][0]["note"] = note
        path.write_text(yaml.safe_dump(record, sort_keys=False, allow_unicode=True), "utf-8")

    generation = current_generation(store)
    assert generation is not None
    pool = chunks.pool_folder(generation)
    seen = [names(generation)]  # each generation's files, while it is the current one
    listings.clear()
    for n in range(3):
        change(paths[n], f"a note changed in round {n}")
        build(store, data, progress=None)
        seen.append(names(current_generation(store)))  # type: ignore[arg-type]
        assert held(pool) == seen[-1] | seen[-2]
        if n:  # the files only an older generation listed went
            assert seen[-3] - seen[-2] - seen[-1]
    assert listings == []  # removed by name: the folder was not listed

    # A build that wrote files and failed before its generation was swapped in: they are
    # listed by no manifest, and the next build lists the folder to remove them.
    (pool / "0123abcd_feed.nq.zst").write_bytes(b"left by a failed build")
    (pool / chunks.WRITING).write_text("feed", encoding="ascii")
    change(paths[3], "a note changed after a failed build")
    build(store, data, progress=None)
    seen.append(names(current_generation(store)))  # type: ignore[arg-type]
    assert listings == [pool]
    assert held(pool) == seen[-1] | seen[-2]
    assert_exports_hold_the_store(store, tmp_path)


def _pool_files(pool: Path) -> dict[str, bytes]:
    return {p.name: read_unpacked(p) for p in sorted(pool.iterdir())}


@pytest.mark.parametrize("parts, group", [(1, 64), (4, 64), (8, 3)])
def test_a_large_graphs_parts_from_the_text_it_was_loaded_from_are_the_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parts: int, group: int
) -> None:
    """The derived graph's parts written from the N-Quads files it was loaded from are the
    files a dump of the store gives, byte for byte, with terms the files spell otherwise than
    Oxigraph writes them (a raw tab, an upper-case language tag, ``xsd:string`` spelled out)
    and a triple in two files. A blank node, a line in another graph, or a count other than
    the store's (a triple taken out after the load) give None and leave no file."""
    from kg.store import chunks as chunks_module
    from kg.store.chunks import (
        _Placer,
        _write_parts,
        _write_parts_from,
        export_prefixes,
        turtle_header,
    )
    from kg.vocab import DERIVED_GRAPH, REFERENCE_GRAPH

    monkeypatch.setattr(chunks_module, "PART_MIN", 1)
    monkeypatch.setattr(chunks_module, "PARTS", parts)
    monkeypatch.setattr(chunks_module, "GROUP_PARTS", group)  # parts spread in groups of it
    g = str(DERIVED_GRAPH)
    t = f" <{g}> .\n"
    xsd = "http://www.w3.org/2001/XMLSchema#"
    files = [tmp_path / "one.nq", tmp_path / "two.nq"]
    files[0].write_text(
        f'<urn:x:a> <urn:x:says> "tab\there"{t}'
        f'<urn:x:a> <urn:x:label> "Hi"@EN-GB{t}'
        f'<urn:x:b> <urn:x:n> "x"^^<{xsd}string>{t}'
        f'<urn:x:b> <urn:x:q> "a \\"q\\" \\\\ \u00e9"{t}'
        f"<urn:x:c> <urn:x:to> <urn:x:a>{t}",
        encoding="utf-8",
    )
    files[1].write_text(
        f"<urn:x:c> <urn:x:to> <urn:x:a>{t}"
        + "".join(f'<urn:x:s{i}> <urn:x:v> "{i}"^^<{xsd}integer>{t}' for i in range(40)),
        encoding="utf-8",
    )
    store = ox.Store()
    for f in files:
        store.bulk_load(path=str(f), format=ox.RdfFormat.N_QUADS)
    store.add(ox.Quad(ox.NamedNode("urn:x:a"), ox.NamedNode("urn:x:p"), ox.NamedNode("urn:x:o"),
                      ox.NamedNode(str(REFERENCE_GRAPH))))  # fmt: skip
    graph = ox.NamedNode(g)
    count = sum(1 for _ in store.quads_for_pattern(None, None, None, graph))
    assert count == 45
    pm = export_prefixes()
    header = turtle_header(pm)
    made = {}
    for how in ("store", "text"):
        pool = tmp_path / how
        pool.mkdir()
        place = _Placer(pool, "t")
        if how == "store":
            rows = _write_parts(store, graph, place, header, pm)
        else:
            rows = _write_parts_from(files, count, graph, place, header, pm)
        assert rows is not None
        made[how] = (rows, _pool_files(pool))
    assert made["text"] == made["store"]
    rows, written = made["text"]
    assert len(rows) == parts and sum(n for _stem, n, _name in rows) == count
    for stem, n, name in rows:  # each part holds the lines of its subjects' part, sorted
        lines = read_unpacked(tmp_path / "text" / f"{name}{chunks_module.NQ}").splitlines(True)
        k = int(stem.rsplit("-", 1)[1])
        assert len(lines) == n and lines == sorted(lines)
        assert {chunks_module._part_of(line, parts) for line in lines} == {k}, stem
    assert b"\\t" in b"".join(written.values())  # written as Oxigraph writes it
    bad = tmp_path / "bad.nq"
    for text, expected in [
        (f"_:b1 <urn:x:p> <urn:x:o>{t}", count + 1),
        ("<urn:x:z> <urn:x:p> <urn:x:o> <urn:x:elsewhere> .\n", count + 1),
        ("", count - 1),
        ("<urn:x:z> <urn:x:p> .\n", count + 1),
    ]:
        bad.write_text(text, encoding="utf-8")
        pool = tmp_path / "refused"
        pool.mkdir()
        place = _Placer(pool, "t")
        assert _write_parts_from([*files, bad], expected, graph, place, header, pm) is None, text
        assert not list(pool.iterdir()), text
        pool.rmdir()


def test_a_full_build_writes_the_derived_graphs_files_from_the_text_it_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full build writes the derived graph's export files from the files it bulk-loaded
    that graph from, not from a dump of the store, and leaves none of those files behind;
    when a derived triple is taken out after the load (stated by another graph), from the
    store: the same files either way. The build's triple count is the store's."""
    from kg.store import chunks as chunks_module
    from kg.store import stream
    from kg.vocab import DERIVED_GRAPH

    data = generated_data(tmp_path / "data", 6, seed=5)
    derived = str(DERIVED_GRAPH)
    dumped: list[str] = []
    real_parts, real_drop = chunks_module._write_parts, stream.drop_stated

    def spy(store: ox.Store, graph: ox.NamedNode, *rest: object) -> object:
        dumped.append(graph.value)
        return real_parts(store, graph, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(chunks_module, "_write_parts", spy)
    texts = {}
    for how in ("text", "store"):
        if how == "store":  # as if a derived triple had been stated elsewhere
            monkeypatch.setattr(stream, "drop_stated", lambda s, d: real_drop(s, d) or 1)
        dumped.clear()
        result = build(tmp_path / how, data, incremental=False, progress=None)
        assert (derived in dumped) == (how == "store"), dumped
        generation = current_generation(tmp_path / how)
        assert generation is not None
        assert not list(generation.rglob("*.nq"))
        assert not (generation / stream.DERIVED_TEXT_DIR).exists()
        assert result.triples == len(_public(tmp_path / how).oxigraph) > 0
        texts[how] = _graph_texts(tmp_path / how)
    assert texts["text"][derived] == texts["store"][derived]
    assert texts["text"].keys() == texts["store"].keys()
    for g in texts["text"]:
        assert _masked(texts["text"][g]) == _masked(texts["store"][g]), g


def test_files_made_ahead_in_workers_are_listed_and_those_not_listed_removed(
    tmp_path: Path,
) -> None:
    """A rebuild's changed appeal graphs may have their files started in worker processes
    before :func:`write_chunks` runs (:class:`FilesAhead`): it lists them, the same files as
    it makes in its own process, and removes those made for a graph it does not list (one
    the store no longer holds, one the build did not change)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from kg.store.chunks import (
        APPEAL_GRAPHS,
        NQ,
        SUFFIX,
        TTL,
        FilesAhead,
        _stem,
        pool_folder,
        write_chunks,
    )

    a, b, c, d = (f"{APPEAL_GRAPHS}{x}" for x in "abcd")
    store = ox.Store()

    def add(graph: str, n: int) -> None:
        node = ox.NamedNode(f"urn:x:{n}")
        store.add(ox.Quad(node, ox.NamedNode("urn:x:p"), ox.Literal(str(n)), ox.NamedNode(graph)))

    def lines(graph: str) -> list[str]:
        return [
            f"{q.subject} {q.predicate} {q.object}"
            for q in store.quads_for_pattern(None, None, None, ox.NamedNode(graph))
        ]

    homes = {name: tmp_path / name / ".kg.d" for name in ("ahead", "here")}
    for home in homes.values():
        (home / "g-0").mkdir(parents=True)
        (home / "g-1").mkdir()
    for n, g in enumerate((a, b, c)):
        add(g, n)
    for home in homes.values():
        write_chunks(store, home / "g-0")
    contents = {a: [], b: lines(b), c: lines(c), d: []}
    store.remove_graph(ox.NamedNode(b))  # b goes after its files were asked for
    add(a, 10)
    add(d, 11)
    add(d, 12)
    contents[a], contents[d] = lines(a), lines(d)
    changed = [a, b, d]
    fork = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(2, mp_context=fork) as workers:
        ahead = FilesAhead(workers, homes["ahead"] / "g-1", contents, [*changed, c])
        write_chunks(
            store, homes["ahead"] / "g-1", previous=homes["ahead"] / "g-0", changed=changed,
            contents=contents, ahead=ahead,
        )  # fmt: skip
    write_chunks(
        store, homes["here"] / "g-1", previous=homes["here"] / "g-0", changed=changed,
        contents=contents,
    )  # fmt: skip

    def rows(folder: Path) -> list[list]:
        return json.loads((folder / EXPORT_DIR / MANIFEST).read_text(encoding="utf-8"))["graphs"]

    made, here = rows(homes["ahead"] / "g-1"), rows(homes["here"] / "g-1")
    assert [r[:3] for r in made] == [r[:3] for r in here]
    assert [r[0] for r in made] == [a, c, d] and [r[2] for r in made] == [2, 1, 2]
    assert {r[0]: r[3] for r in made}[a].endswith(ahead.token)
    # c did not change: its files are the previous generation's, not those made for it
    assert {r[0]: r[3] for r in made}[c] == {r[0]: r[3] for r in rows(homes["ahead"] / "g-0")}[c]
    pool = pool_folder(homes["ahead"] / "g-1")
    ours = {
        p.name.split(".", 1)[0]
        for p in pool.iterdir()
        if ahead.token in p.name and not p.name.startswith("void-")  # the VoID table's segment
    }
    assert ours == {f"{_stem(a)}_{ahead.token}", f"{_stem(d)}_{ahead.token}"}
    for r, s in zip(made, here, strict=True):
        theirs = pool_folder(homes["here"] / "g-1")
        for ext in (NQ, TTL):
            assert read_unpacked(pool / f"{r[3]}{ext}") == read_unpacked(theirs / f"{s[3]}{ext}")
        assert (pool / f"{r[3]}{SUFFIX}").read_bytes() == (theirs / f"{s[3]}{SUFFIX}").read_bytes()
