"""A data folder and the store built from it, made once per test module and handed to each test
that starts from it as a fresh copy.

A build of a few generated appeals costs one to two seconds of CPU; the incremental-build tests
each start from the same first build and change it. The copy (``cp -a``: file times to the
nanosecond, the store's relative generation link) is put back at the very paths the build was
made at, so that the next build sees the data folder and the store as a build left them, not a
moved folder (``test_stream.py::test_a_moved_data_folder_is_not_built_again`` covers that)."""

from __future__ import annotations

import gc
import shutil
import subprocess
from pathlib import Path
from typing import Any

from kg.store.build import build


class BuiltOnce:
    """``data`` copied to ``root/tree/data`` and built into ``root/tree/kg``, kept aside; the
    build's result is :attr:`result`. Tests of one module run one at a time (pytest-xdist deals
    a module whole to one process), so each copy may take the same place."""

    def __init__(self, root: Path, data: Path) -> None:
        self._root = root
        work = root / "tree"
        shutil.copytree(data, work / "data")
        #: What the build said as it went (``progress``), for the tests that check it.
        self.lines: list[str] = []
        self.result: Any = build(work / "kg", work / "data", progress=self.lines.append)
        work.rename(root / "template")

    def copy(self) -> tuple[Path, Path]:
        """A fresh copy of the data folder and of the store built from it: (data, store)."""
        gc.collect()  # a store the previous test left open is closed before its files go
        work = self._root / "tree"
        if work.exists():
            shutil.rmtree(work)
        subprocess.run(["cp", "-a", str(self._root / "template"), str(work)], check=True)
        return work / "data", work / "kg"
