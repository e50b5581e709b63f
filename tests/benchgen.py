"""The corpus generator of the benchmarks (``bench/generate.py``), loaded once for the tests."""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


@functools.cache
def generator() -> ModuleType:
    """``bench/generate.py`` as a module (registered as ``generate``, which its workers import)."""
    spec = importlib.util.spec_from_file_location("generate", ROOT / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules.setdefault("generate", module)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module
