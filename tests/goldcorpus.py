"""The development corpus's gold records as the corpus-scale tests read them."""

from __future__ import annotations

from typing import Any

from kg.countries import country_code

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
