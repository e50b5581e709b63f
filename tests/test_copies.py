"""The graph copies an incremental validation compares (kg.check.copies): the build's export
files are looked up graph by graph, trusted only where the build wrote them for the store
checked, and what changed is found line by line whichever way a copy was made."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from benchgen import generator
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from kg.check.copies import GraphCopies, _BuildFiles, _file, _lines
from kg.files import unpack
from kg.store import Store
from kg.store.build import build
from kg.store.chunks import EXPORT_DIR, files_by_graph

APPEAL = "https://w3id.org/appeals-kg/graph/appeal/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A streamed build of six generated appeals (its store folder; not to be changed)."""
    root = tmp_path_factory.mktemp("copies")
    data = generator().generate(6, root / "data", seed=2, jobs=1)
    build(root / "store", data)
    return root / "store"


def _copy(built: Path, tmp_path: Path, *, read_only: bool = True) -> Store:
    """A private copy of the built store folder (the generations and shared files), opened."""
    shutil.copytree(built.parent, tmp_path / "c", symlinks=True)
    return Store.open(tmp_path / "c" / built.name, read_only=read_only)


def _appeals(store: Store) -> list[str]:
    return [str(g) for g in store.graph_names() if str(g).startswith(APPEAL)]


def test_each_graph_has_the_file_its_build_wrote(built: Path) -> None:
    store = Store.open(built)
    files = _BuildFiles(store)
    appeals = _appeals(store)
    assert len(appeals) == 6
    for g in appeals:
        paths = files.get(g)
        assert paths is not None and len(paths) == 1 and paths[0].is_file()
        (path,) = paths
        # the file holds exactly the graph's triples, as N-Quads in that graph
        lines = unpack(path.read_bytes()).decode("utf-8").splitlines()
        assert lines and all(line.endswith(f" <{g}> .") for line in lines)
        assert len(lines) == store.count(URIRef(g))
    assert files.get(APPEAL + "a-not-built") is None


def test_files_are_not_trusted_without_a_build_state(built: Path, tmp_path: Path) -> None:
    """A generation without the streamed build's state (the classic build's, whose public
    store may differ from the full one) gives no files: copies are dumped from the store."""
    store = _copy(built, tmp_path)
    (Path(store.path).parent / "build-state.json").unlink()
    files = _BuildFiles(store)
    assert files.listed == {}
    assert all(files.get(g) is None for g in _appeals(store))


def test_a_listed_file_is_used_only_if_it_is_there_and_the_store_has_the_graph(
    built: Path, tmp_path: Path
) -> None:
    store = _copy(built, tmp_path)
    first, second = _appeals(store)[:2]
    files = _BuildFiles(store)
    files.get(first)[0].unlink()  # type: ignore[index]
    assert files.get(first) is None
    assert files.get(second) is not None
    # a manifest naming a graph the store does not hold: not that graph's file
    export = Path(store.path).parent / EXPORT_DIR
    manifest = json.loads((export / "manifest.json").read_text(encoding="utf-8"))
    row = next(r for r in manifest["graphs"] if r[0] == second)
    manifest["graphs"].append([APPEAL + "a-elsewhere", *row[1:]])
    (export / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    again = _BuildFiles(store)
    assert again.listed[APPEAL + "a-elsewhere"] == again.listed[second]
    assert again.get(APPEAL + "a-elsewhere") is None
    assert again.get(second) is not None


def test_lines_drop_the_graph_of_n_quads_lines_only() -> None:
    g = APPEAL + "a-1"
    quads = f'<urn:s> <urn:p> <urn:o> <{g}> .\n<urn:s> <urn:p> "x <{g}> ." <{g}> .'.encode()
    assert _lines(quads, g) == {
        b"<urn:s> <urn:p> <urn:o> .",
        f'<urn:s> <urn:p> "x <{g}> ." .'.encode(),
    }
    triples = b"<urn:s> <urn:p> <urn:o> .\n\n<urn:s> <urn:q> <urn:o> .\n"
    assert _lines(triples, g) == {b"<urn:s> <urn:p> <urn:o> .", b"<urn:s> <urn:q> <urn:o> ."}


def test_a_manifest_with_other_prefixes_or_none_lists_nothing(built: Path, tmp_path: Path) -> None:
    store = _copy(built, tmp_path)
    export = Path(store.path).parent / EXPORT_DIR
    assert len(files_by_graph(export)) == len(store.graph_names())
    (export / "header.ttl").write_bytes(b"@prefix x: <urn:x:> .\n")
    assert files_by_graph(export) == {}
    assert files_by_graph(tmp_path / "nowhere") == {}


def test_copies_link_the_build_files_and_find_what_changed(built: Path, tmp_path: Path) -> None:
    store = _copy(built, tmp_path, read_only=False)
    appeals = _appeals(store)
    copies = GraphCopies(tmp_path / "copies", store)
    token = copies.take(appeals)
    assert copies.token() == token
    files = _BuildFiles(store)
    for g in appeals:  # hard links to the build's files: nothing copied
        assert os.path.samefile(tmp_path / "copies" / _file(g), files.get(g)[0])  # type: ignore[index]
    assert copies.changed(appeals) == []

    # the store changes under one graph (as a build that rewrote its file would leave it):
    # a copy that is not the build's file is compared line by line
    g = appeals[0]
    kept = tmp_path / "copies" / _file(g)
    data = kept.read_bytes()
    kept.unlink()
    kept.write_bytes(data)  # the same bytes, no longer a link
    assert copies.changed([g]) == []
    subject = URIRef(g + "#note")
    store.add_quads([(subject, RDFS.comment, Literal("added"), URIRef(g))])
    shutil.move(str(files.get(g)[0]), str(tmp_path / "gone"))  # type: ignore[index] # stale now
    found = copies.changed([g])
    assert found == [(subject, RDFS.comment, Literal("added"))]
    # update() copies the graph again, from the store this time, and seals a new token
    assert copies.update([g], []) != token
    assert copies.changed([g]) == []


def test_a_graph_written_in_parts_is_copied_and_compared_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The derived graph written in parts (made small here): its copy links every part, and
    after a rebuild that changes some parts (an appeal fewer: the counts of what it named),
    the changes found are the triples the graph gained and lost, in whichever part they are,
    reading only the parts the build wrote again."""
    from kg.store import chunks as chunks_module
    from kg.vocab import DERIVED_GRAPH

    monkeypatch.setattr(chunks_module, "PART_MIN", 1)
    monkeypatch.setattr(chunks_module, "PARTS", 4)
    monkeypatch.setattr(chunks_module, "PART_TRIPLES", 16)
    data = generator().generate(14, tmp_path / "data", seed=11, jobs=1)
    path = tmp_path / "kg"
    build(path, data, progress=None)
    derived = str(DERIVED_GRAPH)

    def triples() -> set[bytes]:
        store = Store.open(path, read_only=True)
        return _lines(store.dump("ntriples", URIRef(derived)), derived)

    store = Store.open(path, read_only=True)
    parts = _BuildFiles(store).get(derived)
    assert parts is not None and len(parts) > 4
    copies = GraphCopies(tmp_path / "copies", store)
    copies.take([derived])
    assert copies.changed([derived]) == []
    before = triples()

    sorted((data / "cases").glob("*.yaml"))[3].unlink()
    build(path, data, progress=None)
    after = triples()
    store = Store.open(path, read_only=True)
    copies = GraphCopies(tmp_path / "copies", store)
    now = _BuildFiles(store).get(derived)
    assert now is not None
    assert {p.name for p in now} & {p.name for p in parts}  # some parts kept
    found = {f"{s.n3()} {p.n3()} {o.n3()} .".encode() for s, p, o in copies.changed([derived])}
    assert found == before ^ after and found
    copies.update([derived], [])
    assert copies.changed([derived]) == []


def test_lines_parse_as_rdflib_parses_them() -> None:
    """Changed lines parsed by Oxigraph give the triples rdflib's N-Triples parser gives:
    languages, datatypes, escapes, other scripts, numbers, and blank nodes as blank nodes; a
    string typed xsd:string is the plain literal, as the store gives it (RDF 1.1: one term)."""
    from rdflib import BNode, Graph

    from kg.check.copies import parse_lines

    lines = [
        '<urn:s> <urn:p> "plain" .',
        '<urn:s> <urn:p> "typed"^^<http://www.w3.org/2001/XMLSchema#string> .',
        '<urn:s> <urn:p> "Ана \\"Л\\"\\n\\u00e9"@ru .',
        '<urn:s> <urn:p> "2024-05-03"^^<http://www.w3.org/2001/XMLSchema#date> .',
        '<urn:s> <urn:p> "7"^^<http://www.w3.org/2001/XMLSchema#integer> .',
        "<urn:s> <urn:q> <https://example.org/a%20b#x> .",
    ]
    mine = parse_lines(lines)
    assert len(mine) == len(lines)
    assert mine[1] == mine[0][:2] + (Literal("typed"),)
    others = [line for n, line in enumerate(lines) if n != 1]
    theirs = list(Graph().parse(data="\n".join(others), format="nt"))
    assert set(parse_lines(others)) == set(theirs)
    (blank,) = parse_lines([b"_:b1 <urn:p> <urn:o> ."])
    assert isinstance(blank[0], BNode)
    assert parse_lines([]) == []
