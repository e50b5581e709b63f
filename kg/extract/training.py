"""The cases a learned step is judged on: the development split and the invented appeals.

``tools/train_roles.py`` and ``tools/org_filter.py`` both extract every case with the rules,
keep what a stand-in for the pipeline's learned step saw, and label it from the gold file. This
module does that once for both. The test split is refused: a learned step never sees it.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.extract import pipeline
from kg.extract.evaluate import _case_name, load_record, load_test_split, select_cases

#: Makes (what the stand-in keeps by item id, the stand-in for ``pipeline.decide_roles``).
Capture = Callable[[], tuple[dict[str, list[str]], Callable[..., None]]]
#: Labels each kept item from (the record, its gold, what was kept).
Label = Callable[[dict[str, Any], dict[str, Any], dict[str, list[str]]], dict[str, Any]]


def read_cases(
    folder: Path, names: list[str], capture: Capture, label: Label
) -> list[dict[str, Any]]:
    """Extract each case with ``capture``'s stand-in in place; keep its record, gold, features
    and labels. A test-split name is an error."""
    held_out = set(load_test_split())
    if held_out & set(names):
        raise KgError(f"{sorted(held_out & set(names))[0]}: a test-split appeal; never train on it")
    cases = []
    original = pipeline.decide_roles
    try:
        for name in names:
            seen, keep = capture()
            pipeline.decide_roles = keep
            text = (folder / f"{name}.txt").read_text(encoding="utf-8")
            record = pipeline.extract_case(text, appeal_id=name)
            gold = load_record(folder / f"{name}.gold.yaml")
            cases.append(
                {
                    "case": name,
                    "record": record,
                    "gold": gold,
                    "features": seen,
                    "labels": label(record, gold, seen),
                }
            )
    finally:
        pipeline.decide_roles = original
    return cases


def add_set_arguments(ap: argparse.ArgumentParser) -> None:
    """The two folders and the fold count every judging tool takes."""
    ap.add_argument("corpus", type=Path, help="the development corpus folder (dev split read)")
    ap.add_argument("invented", type=Path, help="the invented appeals folder (all read)")
    ap.add_argument("--folds", type=int, default=5)


def read_sets(
    args: argparse.Namespace, reader: Callable[[Path, list[str]], list[dict[str, Any]]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The development split and the invented set, each read by ``reader``."""
    dev_names = select_cases(args.corpus, "dev")
    inv_names = [_case_name(g) for g in sorted(args.invented.glob("*.gold.yaml"))]
    if not inv_names:
        raise KgError(f"{args.invented}: no *.gold.yaml files; point at the invented set")
    return reader(args.corpus, dev_names), reader(args.invented, inv_names)
