"""The build's export files packed (kg.files.pack, kg/store/chunks.py): packed and unpacked
again to the same bytes, every file a build lists is packed, exports are the same bytes as
those written from the store, and a store whose files a version before packing wrote (not
packed) is still exported and has its files packed by the next build."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import yaml
from benchgen import generated_data

from kg.errors import StoreError
from kg.files import (
    LINE_BLOCK,
    ZSTD_MAGIC,
    is_packed,
    pack,
    packing,
    read_lines,
    read_unpacked,
    unpack,
    write_packed,
)
from kg.publish.export import STREAMED, export, stream_to_bytes
from kg.publish.listed import export_listed, find_listing
from kg.store.build import build
from kg.store.chunks import EXPORT_DIR, MANIFEST, store_chunks
from kg.store.store import Store, public_store_path


def _lines(n: int) -> bytes:
    return b"".join(f'<urn:x:s{i}> <urn:x:p> "{i} \u00e9" <urn:x:g> .\n'.encode() for i in range(n))


def test_packed_files_read_back_the_same_bytes(tmp_path: Path) -> None:
    data = _lines(200_000)  # several blocks of read_lines
    assert len(data) > 2 * LINE_BLOCK
    one = tmp_path / "one.nq.zst"
    write_packed(one, data)
    assert one.read_bytes().startswith(ZSTD_MAGIC) and one.stat().st_size < len(data) // 5
    streamed = tmp_path / "streamed.nq.zst"
    with packing(streamed) as out:
        for k in range(0, len(data), 100_003):  # blocks that cut lines
            out.write(data[k : k + 100_003])
    plain = tmp_path / "plain.nq"
    plain.write_bytes(data)
    for path in (one, streamed, plain):
        assert read_unpacked(path) == data, path
        blocks = list(read_lines(path))
        assert b"".join(blocks) == data, path
        assert all(b.endswith(b"\n") for b in blocks), path
    assert len(list(read_lines(plain))) > 2
    assert is_packed(one) and not is_packed(plain)
    assert unpack(pack(data)) == data and unpack(data) == data  # not packed: as is
    empty = tmp_path / "empty.ttl.zst"
    write_packed(empty, b"")
    assert read_unpacked(empty) == b"" and list(read_lines(empty)) == []


def _corpus(tmp_path: Path, n: int = 8) -> Path:
    data = generated_data(tmp_path / "data", n, seed=5)
    return data


def _exports(store_path: Path) -> dict[str, bytes]:
    public = Store.open(public_store_path(store_path))
    return {fmt: export(public, fmt) or b"" for fmt in STREAMED}


def _unpack_generation(store_path: Path) -> None:
    """Turn the current generation's export files into those of version 3: the same names
    without ``.zst``, not packed, and the manifest's version 3."""
    folder = store_path.resolve() / EXPORT_DIR
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["version"] == 4
    pool = (folder / manifest["files"]).resolve()
    for *_, name in manifest["graphs"]:
        for ext in (".nq", ".ttl"):
            packed = pool / f"{name}{ext}.zst"
            (pool / f"{name}{ext}").write_bytes(read_unpacked(packed))
            packed.unlink()
    manifest["version"] = 3
    (folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


def test_a_build_packs_its_files_and_reads_those_of_an_earlier_version(tmp_path: Path) -> None:
    data = _corpus(tmp_path)
    store = tmp_path / "kg"
    build(store, data, progress=None)
    public = Store.open(public_store_path(store))
    chunks = store_chunks(public.oxigraph, public.path)
    assert chunks is not None and chunks.chunks
    for c in chunks.chunks:
        for path in (c.nquads, c.turtle):
            assert path.name.endswith(".zst") and path.read_bytes().startswith(ZSTD_MAGIC)
    # What the copy writes is what the store's own serialisation gives, byte for byte.
    exported = _exports(store)
    for fmt, text in exported.items():
        assert text and text == stream_to_bytes(public, fmt), fmt
    listing = find_listing(store)
    assert listing is not None
    for fmt in exported:
        out = tmp_path / f"listed.{fmt}"
        assert export_listed(store, fmt, out) is not None
        assert out.read_bytes() == exported[fmt], fmt
    del public

    # The files of a version before packing: still exported, the same bytes.
    _unpack_generation(store)
    public = Store.open(public_store_path(store))
    old = store_chunks(public.oxigraph, public.path)
    assert old is not None and not any(c.nquads.name.endswith(".zst") for c in old.chunks)
    assert _exports(store) == exported
    for fmt in exported:
        out = tmp_path / f"old.{fmt}"
        assert export_listed(store, fmt, out) is not None
        assert out.read_bytes() == exported[fmt], fmt
    del public

    # One record changed: the incremental build packs every file it lists, the unchanged
    # appeal graphs' too, and exports what a build from scratch exports.
    changed = sorted((data / "cases").glob("*.yaml"))[2]
    record = yaml.safe_load(changed.read_text(encoding="utf-8"))
    record["events"][0]["note"] = "a note changed after the files were unpacked"
    changed.write_text(yaml.safe_dump(record, sort_keys=False, allow_unicode=True), "utf-8")
    lines: list[str] = []
    build(store, data, progress=lines.append)
    assert any("graph(s) written" in line for line in lines), lines  # incremental
    manifest = json.loads((store.resolve() / EXPORT_DIR / MANIFEST).read_text("utf-8"))
    assert manifest["version"] == 4
    public = Store.open(public_store_path(store))
    new = store_chunks(public.oxigraph, public.path)
    assert new is not None
    for c in new.chunks:
        assert c.nquads.read_bytes().startswith(ZSTD_MAGIC), c
        assert c.turtle.read_bytes().startswith(ZSTD_MAGIC), c
    scratch = tmp_path / "scratch"
    build(scratch, data, incremental=False, progress=None)
    after = _exports(store)
    assert b"a note changed after the files were unpacked" in after["nquads"]
    fresh = _exports(scratch)
    for fmt in exported:
        assert _canonical(after[fmt], fmt) == _canonical(fresh[fmt], fmt), fmt


def _canonical(text: bytes, fmt: str) -> list[str]:
    """An export as canonical N-Quads lines (RDFC-1.0: blank nodes aside), sorted."""
    dataset = ox.Dataset(ox.parse(text, format=STREAMED[fmt]))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return sorted(str(q) for q in dataset)


@pytest.mark.parametrize("fmt", ["nquads", "turtle"])
def test_a_damaged_packed_file_is_an_error_not_a_wrong_export(tmp_path: Path, fmt: str) -> None:
    """A packed file cut short fails the export with a line naming it; it never writes a
    truncated graph silently."""
    data = _corpus(tmp_path, 3)
    store = tmp_path / "kg"
    build(store, data, progress=None)
    public = Store.open(public_store_path(store))
    chunks = store_chunks(public.oxigraph, public.path)
    assert chunks is not None
    victim = max(chunks.chunks, key=lambda c: c.triples)
    path = victim.nquads if fmt == "nquads" else victim.turtle
    text = path.read_bytes()
    path.write_bytes(text[: len(text) // 2])
    with pytest.raises(StoreError, match=f"{path.name}: the packed file ends inside a frame"):
        export(public, fmt)
