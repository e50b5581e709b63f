"""The development corpus's gold records as the corpus-scale tests read them."""

from __future__ import annotations

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


def gold_data(root: Path) -> tuple[Path, int]:
    """``root/data`` with the project's reference data and, as extracted records, the gold
    records the build accepts; and how many records were written."""
    if not CORPUS.is_dir():
        pytest.fail(f"the development corpus is not at {CORPUS}")
    data = root / "data"
    (data / "extracted").mkdir(parents=True)
    shutil.copytree(DATA_DIR / "reference", data / "reference")
    n = 0
    for path in sorted(CORPUS.glob("*.gold.yaml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        if buildable(record):
            (data / "extracted" / f"{record['appeal']['id']}.yaml").write_text(
                yaml.safe_dump(record, sort_keys=False, allow_unicode=True), encoding="utf-8"
            )
            n += 1
    assert n >= 40
    return data, n
