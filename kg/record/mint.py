"""``kg mint``: write a key into every item of a case record that lacks one (kg.record.keys)."""

from __future__ import annotations

from pathlib import Path

from kg.files import write_atomic
from kg.record.caserecord import dump_record, load_record
from kg.record.keys import mint_keys, record_keys


def keys_in_use(data_dir: Path) -> set[str]:
    """Every key stored by a record under ``data_dir`` (curated and extracted)."""
    taken: set[str] = set()
    for folder in ("cases", "extracted"):
        for path in sorted((Path(data_dir) / folder).glob("*.yaml")):
            taken.update(record_keys(load_record(path), str(path)))
    return taken


def write_record(path: Path, record: dict) -> None:  # type: ignore[type-arg]
    """Write a record back atomically, keeping a comment line at its head."""
    head = ""
    original = path.read_text(encoding="utf-8")
    if original.startswith("#"):
        head = original.splitlines(keepends=True)[0]
    write_atomic(path, (head + dump_record(record)).encode("utf-8"))


def mint_file(path: Path, taken: set[str]) -> int:
    """Give every keyless item of the record at ``path`` a new random key, unique against
    ``taken`` (which grows); write the record back atomically if any was added."""
    record = load_record(path)
    minted = mint_keys(record, taken)
    if minted:
        write_record(path, record)
    return minted


__all__ = ["keys_in_use", "mint_file", "write_record"]
