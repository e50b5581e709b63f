"""gzip output (kg/gz.py): a file named ``*.gz`` is written compressed, in members that
decompress to exactly the text the plain file holds, by every way ``kg export`` writes."""

from __future__ import annotations

import gzip
import io
import random
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.files import write_atomic
from kg.gz import GzipWriter, writing


def _members(data: bytes) -> int:
    """How many gzip members ``data`` holds (each decompressed in turn)."""
    n = 0
    while data:
        d = zlib.decompressobj(31)
        d.decompress(data)
        assert d.eof, "a member is cut short"
        data = d.unused_data
        n += 1
    return n


def test_members_decompress_to_the_text_in_order() -> None:
    rng = random.Random(7)
    words = [b"<http://ex/%d>" % i for i in range(50)]
    pieces = [b" ".join(rng.choices(words, k=rng.randint(0, 40))) + b" .\n" for _ in range(900)]
    out = io.BytesIO()
    with GzipWriter(out, threads=3, block=4096) as z:
        for p in pieces:
            z.write(p)
        z.write(b"")
    text = b"".join(pieces)
    assert gzip.decompress(out.getvalue()) == text
    assert _members(out.getvalue()) > 3  # cut in blocks, each its own member
    assert z.written == len(text)


def test_an_empty_text_is_an_empty_gzip_file_and_there_is_no_system_file() -> None:
    out = io.BytesIO()
    with GzipWriter(out) as z:
        with pytest.raises(io.UnsupportedOperation):
            z.fileno()
    assert gzip.decompress(out.getvalue()) == b""
    assert _members(out.getvalue()) == 1


def test_a_failed_write_leaves_the_previous_file_and_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "kg.nq.gz"
    write_atomic(path, b"<http://ex/a> <http://ex/p> <http://ex/b> .\n")
    before = path.read_bytes()
    assert gzip.decompress(before).startswith(b"<http://ex/a>")

    def half(f) -> None:
        f.write(b"x" * 10_000)
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_atomic(path, half)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kg.nq.gz"]


def test_only_names_ending_in_gz_are_compressed(tmp_path: Path) -> None:
    plain, packed = tmp_path / "a.nq", tmp_path / "a.nq.gz"
    for path in (plain, packed):
        with open(path, "wb") as f:
            writing(path, b"text\n")(f)
    assert plain.read_bytes() == b"text\n"
    assert gzip.decompress(packed.read_bytes()) == b"text\n"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from kg.store.build import build

    path = tmp_path_factory.mktemp("gz") / "store"
    build(path)
    return path


def _export(store_path: Path, *args: str) -> None:
    run = CliRunner().invoke(cli, ["export", "--store", str(store_path), *args])
    assert run.exit_code == 0, run.output


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "nquads"],  # the build's files copied
        ["--format", "turtle"],
        ["--format", "nquads", "--include-restricted"],  # streamed from the full store
        ["--format", "turtle", "--graph", "https://w3id.org/appeals-kg/graph/reference"],
    ],
    ids=["nquads", "turtle", "restricted", "one-graph"],
)
def test_kg_export_to_a_gz_name_writes_the_plain_export_compressed(
    store_path: Path, tmp_path: Path, args: list[str]
) -> None:
    plain, packed = tmp_path / "plain" / "kg.out", tmp_path / "packed" / "kg.out.gz"
    _export(store_path, *args, "-o", str(plain))
    _export(store_path, *args, "-o", str(packed))
    text = plain.read_bytes()
    assert text and gzip.decompress(packed.read_bytes()) == text
    assert len(packed.read_bytes()) < len(text)
    from rdflib import Graph
    from rdflib.compare import isomorphic

    described = [Graph().parse(p.parent / "void.ttl", format="turtle") for p in (plain, packed)]
    assert isomorphic(*described)  # the same description (its blank nodes named anew)
