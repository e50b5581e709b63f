"""Made-up sentences of the genre as pytest parameters: one per case, its key the test id, and
the cases a known failure names marked as strict expected failures (each entry goes once the
extractor reads its construction, since a strict xfail that passes fails the run)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pytest


def genre_params(cases: Iterable[tuple[str, Any, Any]], known: Mapping[str, str]) -> list[Any]:
    """``(key, text, expected)`` cases as ``pytest.param(text, expected, id=key)``."""
    return [
        pytest.param(
            text,
            expected,
            id=key,
            marks=[pytest.mark.xfail(reason=known[key], strict=True)] if key in known else [],
        )
        for key, text, expected in cases
    ]
