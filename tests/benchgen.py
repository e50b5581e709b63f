"""The corpus generator of the benchmarks (``bench/generate.py``), loaded once for the tests."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml
from loadscript import load_script


@functools.cache
def generator() -> ModuleType:
    """``bench/generate.py`` as a module (registered as ``generate``, which its workers import)."""
    return load_script("bench/generate.py")


def generated_data(folder: Path, appeals: int, seed: int) -> Path:
    """``appeals`` generated appeals in ``folder``, with the project's reference data and
    links beside them, as a data folder to build."""
    from kg.vocab import DATA_DIR

    out = generator().generate(appeals, folder, seed=seed, jobs=1)
    for sub in ("reference", "links"):
        if (DATA_DIR / sub).is_dir():
            shutil.copytree(DATA_DIR / sub, out / sub, dirs_exist_ok=True)
    return out


def generated_cases(folder: Path, appeals: int, keep: int, seed: int) -> tuple[Path, list[Path]]:
    """``appeals`` generated appeals in ``folder / "all"``, and a copy in ``folder / "data"``
    holding the first ``keep`` of them; the paths the others would take in the copy come
    back, so that a test can add them one round at a time."""
    generator().generate(appeals, folder / "all", seed=seed, jobs=1)
    out = folder / "data"
    shutil.copytree(folder / "all", out)
    extra = sorted((out / "cases").glob("*.yaml"))[keep:]
    for path in extra:
        path.unlink()
    return out, extra


def load_cases(data: Path) -> dict[str, dict[str, Any]]:
    """The case records of a data folder, by appeal id. PyYAML's C loader (libyaml) makes the
    same values as its pure-Python safe loader in a fifth of the time: tests read a generated
    corpus again after each round of changes."""
    recs = {}
    for path in sorted((data / "cases").glob("*.yaml")):
        rec = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        recs[str(rec["appeal"]["id"])] = rec
    return recs
