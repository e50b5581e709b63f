"""Compressed output (kg/compressed.py): a file named ``*.gz`` or ``*.zst`` is written
compressed, in members or frames that decompress to exactly the text the plain file holds, by
every way ``kg export`` writes."""

from __future__ import annotations

import gzip
import io
import random
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.compressed import GZIP, ZSTD, CompressingWriter, writing
from kg.files import write_atomic


def _unzstd(data: bytes) -> bytes:
    import zstandard

    reader = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data), read_across_frames=True)
    return reader.read()


def _unpack(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else _unzstd(data)


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
    with CompressingWriter(out, threads=3, block=4096) as z:
        for p in pieces:
            z.write(p)
        z.write(b"")
    text = b"".join(pieces)
    assert gzip.decompress(out.getvalue()) == text
    assert _members(out.getvalue()) > 3  # cut in blocks, each its own member
    assert z.written == len(text)


def test_zstandard_frames_decompress_to_the_text_and_packed_files_are_copied_as_they_are(
    tmp_path: Path,
) -> None:
    from kg.files import pack

    packed = tmp_path / "g.nq.zst"
    quads = b"<http://ex/g> <http://ex/p> 1 .\n" * 100
    packed.write_bytes(pack(quads))
    out = io.BytesIO()
    with CompressingWriter(out, ZSTD, threads=2, block=1000) as z:
        z.write(b"head\n" * 500)
        assert z.write_frames(packed)
        z.write(b"tail\n" * 3)
    data = out.getvalue()
    assert (
        _unzstd(data)
        == b"head\n" * 500 + b"<http://ex/g> <http://ex/p> 1 .\n" * 100 + b"tail\n" * 3
    )
    assert packed.read_bytes() in data  # the frame copied, not compressed again
    assert z.copied == packed.stat().st_size
    with CompressingWriter(io.BytesIO(), GZIP) as g:
        assert not g.write_frames(packed)  # a gzip output unpacks it instead


def test_an_empty_text_is_an_empty_gzip_file_and_there_is_no_system_file() -> None:
    out = io.BytesIO()
    with CompressingWriter(out) as z:
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


def test_only_names_ending_in_gz_or_zst_are_compressed(tmp_path: Path) -> None:
    paths = [tmp_path / "a.nq", tmp_path / "a.nq.gz", tmp_path / "a.nq.zst"]
    for path in paths:
        with open(path, "wb") as f:
            writing(path, b"text\n")(f)
    assert paths[0].read_bytes() == b"text\n"
    assert _unpack(paths[1]) == _unpack(paths[2]) == b"text\n"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from kg.store.build import build

    path = tmp_path_factory.mktemp("gz") / "store"
    build(path)
    return path


def _export(store_path: Path, *args: str) -> None:
    run = CliRunner().invoke(cli, ["export", "--store", str(store_path), *args])
    assert run.exit_code == 0, run.output


@pytest.mark.parametrize("suffix", [".gz", ".zst"])
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
def test_kg_export_to_a_compressed_name_writes_the_plain_export_compressed(
    store_path: Path, tmp_path: Path, args: list[str], suffix: str
) -> None:
    plain, packed = tmp_path / "plain" / "kg.out", tmp_path / "packed" / f"kg.out{suffix}"
    _export(store_path, *args, "-o", str(plain))
    _export(store_path, *args, "-o", str(packed))
    text = plain.read_bytes()
    assert text and _unpack(packed) == text
    assert len(packed.read_bytes()) < len(text)
    if suffix == ".zst" and args == ["--format", "nquads"]:
        # the build's packed files copied as their frames, not unpacked and packed again
        from kg.publish.listed import find_listing

        listing = find_listing(store_path)
        assert listing is not None
        files = [c.nquads for c in listing.chunks if str(c.nquads).endswith(".zst")]
        assert files and all(f.read_bytes() in packed.read_bytes() for f in files)
    from rdflib import Graph
    from rdflib.compare import isomorphic

    described = [Graph().parse(p.parent / "void.ttl", format="turtle") for p in (plain, packed)]
    assert isomorphic(*described)  # the same description (its blank nodes named anew)
