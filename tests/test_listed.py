"""`kg export` from the build's files without the store package (kg/publish/listed.py): it reads
the same files as kg/store/chunks.py, writes the same bytes as the library's export, imports
neither rdflib nor numpy, and declines (the ordinary path then answers) whenever the files do
not describe the public store."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.publish.export import STREAMED, stream_to_bytes
from kg.publish.listed import COPIED, export_listed, find_listing, prefix_lines, read_prefixes
from kg.store import Store
from kg.store.chunks import (
    EXPORT_DIR,
    HEADER,
    MANIFEST,
    export_prefixes,
    store_chunks,
    turtle_header,
)
from kg.store.store import public_store_path
from kg.vocab import prefixes


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from kg.store.build import build

    path = tmp_path_factory.mktemp("listed") / "kg"
    build(path, progress=None)
    return path


def _public(store_path: Path) -> Store:
    return Store.open(public_store_path(store_path))


def test_the_prefixes_are_those_of_the_vocabulary() -> None:
    assert read_prefixes() == prefixes()
    assert prefix_lines() == turtle_header(export_prefixes())


def test_the_listing_is_the_files_the_store_package_finds(store_path: Path) -> None:
    public = _public(store_path)
    found = store_chunks(public.oxigraph, public.path)
    listing = find_listing(store_path)
    assert found is not None and listing is not None
    assert listing.header == found.header
    assert listing.triples == found.triples == len(public)
    assert [(c.graph, c.nquads, c.turtle, c.triples) for c in listing.chunks] == [
        (c.graph, c.nquads, c.turtle, c.triples) for c in found.chunks
    ]


def test_every_format_is_byte_equal_to_the_library_export(store_path: Path, tmp_path: Path) -> None:
    public = _public(store_path)
    assert set(COPIED) == set(STREAMED)
    for fmt in COPIED:
        expected = stream_to_bytes(public, fmt)
        assert expected
        out = tmp_path / "out" / f"kg.{fmt}"
        assert export_listed(store_path, fmt, out) is not None
        assert out.read_bytes() == expected, fmt
        buffer = io.BytesIO()
        assert export_listed(store_path, fmt, None, buffer) is not None
        assert buffer.getvalue() == expected, fmt
        run = CliRunner().invoke(
            cli,
            ["export", "--store", str(store_path), "--format", fmt, "--no-void", "-o", str(out)],
        )
        assert run.exit_code == 0, run.output
        assert out.read_bytes() == expected, fmt
        assert f"wrote {out} ({len(expected)} bytes)" in run.output


_EXPORT = ["export", "--no-void", "--store"]
_PROBE = """
import sys
from kg.cli import main
sys.argv = ["kg", "export", "--store", sys.argv[1], "--format", sys.argv[2], "--no-void",
            "-o", sys.argv[3]]
try:
    main()
except SystemExit as e:
    assert not e.code, e.code
heavy = sorted(m for m in ("rdflib", "numpy", "kg.store", "kg.vocab") if m in sys.modules)
print(",".join(heavy))
"""


def test_the_command_imports_neither_rdflib_nor_numpy(store_path: Path, tmp_path: Path) -> None:
    """Nor with ``void.ttl``, made from the counts the build kept: the same description as
    the one counted in the store. Kept counts that do not match the files send the command to
    the ordinary path, which counts them again (and imports rdflib)."""
    import shutil

    from rdflib import Graph
    from rdflib.compare import isomorphic

    from kg.publish.describe import describe_store

    expected = stream_to_bytes(_public(store_path), "nquads")
    out = tmp_path / "kg.nq"
    run = subprocess.run(
        [sys.executable, "-c", _PROBE, str(store_path), "nquads", str(out)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert run.stdout.strip() == ""
    assert out.read_bytes() == expected
    assert not (tmp_path / "void.ttl").exists()
    with_void = _PROBE.replace('"--no-void",', "")
    run = subprocess.run(
        [sys.executable, "-c", with_void, str(store_path), "nquads", str(out)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert run.stdout.strip() == ""
    assert out.read_bytes() == expected
    counted = describe_store(_public(store_path))
    assert isomorphic(Graph().parse(tmp_path / "void.ttl", format="turtle"), counted)
    # kept counts that no longer match the files
    shutil.copytree(store_path.parent, tmp_path / "copy", symlinks=True)
    copy = tmp_path / "copy" / store_path.name
    kept = copy.resolve() / EXPORT_DIR / "void-counts.json"
    counts = json.loads(kept.read_text(encoding="utf-8"))
    kept.write_text(json.dumps({**counts, "triples": counts["triples"] + 1}), encoding="utf-8")
    (tmp_path / "void.ttl").unlink()
    run = subprocess.run(
        [sys.executable, "-c", with_void, str(copy), "nquads", str(out)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "rdflib" in run.stdout
    assert out.read_bytes() == expected
    assert isomorphic(Graph().parse(tmp_path / "void.ttl", format="turtle"), counted)
    assert json.loads(kept.read_text(encoding="utf-8")) == counts  # counted and kept again


def test_the_description_is_that_of_the_store(store_path: Path) -> None:
    """``void.ttl`` from the kept counts, with and without an endpoint, is the description
    counted in the store by SPARQL (:func:`kg.publish.describe.describe_store`)."""
    from rdflib import Graph
    from rdflib.compare import isomorphic

    from kg.publish.describe import describe_store
    from kg.publish.listed import kept_description

    listing = find_listing(store_path)
    assert listing is not None
    for endpoint in (None, "https://example.org/sparql"):
        made = kept_description(listing, endpoint)
        assert made is not None
        counted = describe_store(_public(store_path), endpoint=endpoint)
        assert isomorphic(Graph().parse(data=made.decode("utf-8"), format="turtle"), counted)


def _break(store_path: Path, tmp_path: Path, how: str) -> None:
    folder = Path(store_path).resolve() / EXPORT_DIR
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    if how == "graph missing":
        manifest["graphs"] = manifest["graphs"][1:]
    elif how == "graph extra":
        manifest["graphs"] = [*manifest["graphs"], ["https://example.org/graph/x", "x", 1, "x"]]
    elif how == "other version":
        manifest["version"] = 99
    elif how == "other prefixes":
        (folder / HEADER).write_bytes(b"@prefix x: <urn:x:> .\n")
    elif how == "file missing":
        listing = find_listing(store_path)
        assert listing is not None
        listing.chunks[-1].turtle.rename(tmp_path / "moved.ttl")
    (folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


@pytest.mark.parametrize(
    "how", ["graph missing", "graph extra", "other version", "other prefixes", "file missing"]
)
def test_files_that_do_not_describe_the_store_are_declined(
    store_path: Path, tmp_path: Path, how: str
) -> None:
    import shutil

    # a copy of the built store (its pointer, generations and shared files, linked relatively)
    shutil.copytree(store_path.parent, tmp_path / "copy", symlinks=True)
    store_path = tmp_path / "copy" / store_path.name
    expected = {fmt: stream_to_bytes(_public(store_path), fmt) for fmt in ("nquads", "turtle")}
    _break(store_path, tmp_path, how)
    assert find_listing(store_path) is None
    assert export_listed(store_path, "nquads", tmp_path / "kg.nq") is None
    assert not (tmp_path / "kg.nq").exists()
    for fmt in ("nquads", "turtle"):  # the command still answers, from the store
        out = tmp_path / f"kg.{fmt}"
        run = CliRunner().invoke(
            cli,
            ["export", "--store", str(store_path), "--format", fmt, "--no-void", "-o", str(out)],
        )
        assert run.exit_code == 0, run.output
        assert _statements(out.read_bytes(), fmt) == _statements(expected[fmt], fmt)


def _statements(data: bytes, fmt: str) -> list[str]:
    import pyoxigraph as ox

    return sorted(str(s) for s in ox.parse(data, format=STREAMED[fmt]))


def test_other_stores_are_declined(store_path: Path, tmp_path: Path) -> None:
    generation = Path(store_path).resolve()
    assert find_listing(generation / "full") is None  # a single store folder
    assert find_listing(generation / "public") is None
    assert find_listing(tmp_path / "nothing") is None
    assert export_listed(store_path, "rdfxml", tmp_path / "x.rdf") is None


def test_an_output_under_a_file_is_one_error_line(store_path: Path, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    out = tmp_path / "file" / "kg.nq"
    run = CliRunner().invoke(
        cli, ["export", "--store", str(store_path), "--format", "nquads", "--no-void",
              "-o", str(out)],
    )  # fmt: skip
    assert run.exit_code == 2
    assert run.output.strip().splitlines()[-1] == (
        f"Error: {out}: a parent of this path is a file, not a folder"
    )
