"""The project's scripts under ``tools/`` and ``bench/`` as modules, for the tests that call
their functions.

A script is no module of a package, so it is loaded from its path: ``load_script(
"tools/role_rules.py")``. Each test process loads a script once and registers it in
``sys.modules`` under its file's stem (or ``name``), where its dataclasses and pickled functions
look their module up and where a sibling script that imports it by name finds it."""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def load_script(relative: str, name: str | None = None) -> ModuleType:
    """The script at ``relative`` (to the repository) as a module named ``name`` (its file's stem
    by default), loaded on the first call in a process and the same module on every later one."""
    path = (ROOT / relative).resolve()
    if not path.is_file():
        raise FileNotFoundError(f"no script at {relative}")
    return _load(path, name or path.stem)


@functools.cache
def _load(path: Path, name: str) -> ModuleType:
    known = sys.modules.get(name)
    if known is not None:
        known_file = getattr(known, "__file__", None)
        if known_file and Path(known_file).resolve() == path:
            return known  # imported by name already (a sibling script's import)
        raise ValueError(f"module name {name!r} is {known_file or known!r}'s, not {path.name}'s")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module
