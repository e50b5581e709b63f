"""The development corpus's gold records as the corpus-scale tests read them.

Reading the 49 gold files takes over a second with PyYAML's pure-Python loader (0.2 s with its C
loader, which makes the same values), and a dozen test files read them: each test process reads
them once (:func:`gold_files`) and hands out copies."""

from __future__ import annotations

import copy
import functools
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from kg.countries import country_code
from kg.vocab import DATA_DIR

#: The development corpus, beside the repository.
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

#: The record keys whose values name a country.
COUNTRY_KEYS = {"country", "jurisdiction", "sovereign", "administered_by", "applicable_law"}


def record_countries(node: Any) -> list[str]:
    """Every country a gold record (or a part of it) names, in reading order."""
    if isinstance(node, dict):
        here = [str(v) for k, v in node.items() if k in COUNTRY_KEYS and isinstance(v, str)]
        return here + [c for v in node.values() for c in record_countries(v)]
    if isinstance(node, list):
        return [c for v in node for c in record_countries(v)]
    return []


def buildable(record: dict[str, Any]) -> bool:
    """Whether the build knows every country the record names (records naming another fail
    the build, so the corpus-scale tests leave them out)."""
    return all(country_code(c) for c in record_countries(record))


@functools.cache
def _read_gold() -> tuple[tuple[Path, dict[str, Any]], ...]:
    if not CORPUS.is_dir():
        pytest.fail(f"the development corpus is not at {CORPUS}")
    return tuple(
        (path, yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader))
        for path in sorted(CORPUS.glob("*.gold.yaml"))
    )


def gold_files() -> list[tuple[Path, dict[str, Any]]]:
    """Every gold file of the development corpus (sorted by path) with its record: a copy
    the caller may change, of what this process read once."""
    return [(path, copy.deepcopy(record)) for path, record in _read_gold()]


def gold_records() -> dict[str, dict[str, Any]]:
    """Every gold record of the development corpus by appeal id (copies, see
    :func:`gold_files`)."""
    return {str(record["appeal"]["id"]): record for _path, record in gold_files()}


#: How the gold records are written: PyYAML's C dumper writes the text of ``yaml.safe_dump``
#: with these options (the same bytes for the 49 gold files) in a third of the time.
_DUMP = {"sort_keys": False, "allow_unicode": True}


@functools.cache
def _buildable_texts() -> tuple[tuple[str, str], ...]:
    """(appeal id, YAML text) of each gold record the build accepts."""
    return tuple(
        (str(record["appeal"]["id"]), yaml.dump(record, Dumper=yaml.CSafeDumper, **_DUMP))
        for _path, record in _read_gold()
        if buildable(record)
    )


#: How many gold records the corpus-scale tests of ``make test`` build (``gold_data(root,
#: FEW)``): the first twelve by appeal id share persons, courts and laws among them, and a build
#: and check of them costs about a quarter of the whole corpus's. The slow run builds them all.
FEW = 12


def gold_data(root: Path, first: int | None = None) -> tuple[Path, int]:
    """``root/data`` with the project's reference data and, as extracted records, the gold
    records the build accepts (only the ``first`` of them by appeal id, if given); and how
    many records were written."""
    data = root / "data"
    (data / "extracted").mkdir(parents=True)
    shutil.copytree(DATA_DIR / "reference", data / "reference")
    texts = sorted(_buildable_texts())
    assert len(texts) >= 40
    texts = texts[:first] if first is not None else texts
    for aid, text in texts:
        (data / "extracted" / f"{aid}.yaml").write_text(text, encoding="utf-8")
    return data, len(texts)
