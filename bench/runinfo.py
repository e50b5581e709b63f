"""What a side-by-side benchmark records about its run and loads from another checkout: the
machine's load average, a tree's commit, a module taken from a file of another version, and a
process's descendants and memory as Linux's ``/proc`` gives them."""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from typing import Any


def load_module(path: Path, name: str) -> Any:
    """The Python module in ``path`` (another version of one of ours), registered as ``name``."""
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"error: {path}: not a Python module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def load_average() -> list[float]:
    """The 1-, 5- and 15-minute load averages."""
    with open("/proc/loadavg", encoding="ascii") as f:
        return [float(x) for x in f.read().split()[:3]]


def commit(root: Path, changed: str | None = None) -> str | None:
    """The short commit of the checkout at ``root``, with ``+changes`` when files under
    ``changed`` (a path in it) differ from it; None outside a git checkout."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        dirty = changed is not None and subprocess.run(
            ["git", "-C", str(root), "status", "--porcelain", changed],
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return None
    return done.stdout.strip() + ("+changes" if dirty else "")


#: The fixed test split of the development corpus (one case name a line, ``#`` a comment).
TEST_SPLIT = Path(__file__).resolve().parents[1] / "data" / "corpus-test-split.txt"


def appeal_texts(folder: Path, split: str = "all") -> list[Path]:
    """The ``*.txt`` appeals of ``folder`` in name order; with ``split="dev"`` without those of
    the test split (:data:`TEST_SPLIT`), which a speed measurement need not read: the dev
    split's texts are as long and as varied. ``ValueError`` for another split or an unreadable
    split file."""
    files = sorted(folder.glob("*.txt"))
    if split == "all":
        return files
    if split != "dev":
        raise ValueError(f"--split: unknown split {split!r}; use 'dev' or 'all'")
    try:
        lines = TEST_SPLIT.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise ValueError(f"{TEST_SPLIT}: cannot read the test split ({e.strerror})") from None
    test = {line.split("#", 1)[0].strip() for line in lines}
    return [f for f in files if f.stem not in test]


def add_split_option(parser: argparse.ArgumentParser, what: str = "the corpus") -> None:
    """The ``--split`` option the extraction scripts share: ``dev`` leaves the test split's
    texts out of ``what``; ``all`` (the default) reads every text, as the recorded runs did."""
    parser.add_argument(
        "--split",
        choices=("all", "dev"),
        default="all",
        help=f"'dev': leave the texts of the corpus's test split out of {what} (all)",
    )


def process_tree(root: int) -> list[int]:
    """``root`` and every process below it, ``root`` first (from ``/proc``; a process that
    ends while it is read is left out)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8", errors="replace") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    tree, todo = [], [root]
    while todo:
        p = todo.pop()
        tree.append(p)
        todo += children.get(p, [])
    return tree


def proc_kb(pid: int, field: str, file: str = "status") -> int:
    """A field of ``/proc/PID/FILE`` in kB (``VmRSS`` of ``status``, ``Pss`` of
    ``smaps_rollup``); 0 once the process is gone or where the field is not."""
    try:
        with open(f"/proc/{pid}/{file}", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except (OSError, IndexError, ValueError):
        pass
    return 0
