"""The command line shared by the tools that trace the extractor's rules over a corpus folder
(`tools/role_rules.py`, `tools/org_rules.py`, `tools/kind_rules.py`,
`tools/gold_conventions.py`): a folder of ``<case>.txt`` and ``<case>.gold.yaml``, the dev
split by default or with ``--all`` every case but the test split's, a count over those cases
and its report on stdout; a mistake is one line on stderr and exit code 2."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from kg.errors import KgError
from kg.extract.evaluate import load_test_split, select_cases

T = TypeVar("T")


def cases_but_test(folder: Path, every: bool) -> list[str]:
    """The dev split of ``folder``, or with ``every`` each case of it the test split does not
    list; an error when there is none."""
    if every:
        test = set(load_test_split())
        names = [g.name[: -len(".gold.yaml")] for g in sorted(folder.glob("*.gold.yaml"))]
        cases = [n for n in names if n not in test]
    else:
        cases = select_cases(folder, "dev")
    if not cases:
        raise KgError(f"{folder}: no *.gold.yaml files")
    return cases


def run_rule_tool(
    argv: list[str] | None,
    doc: str | None,
    count: Callable[[Path, list[str]], T],
    report: Callable[[T], str],
) -> int:
    """Parse ``argv``, count over the chosen cases and print the report and the case count."""
    parser = argparse.ArgumentParser(description=(doc or "").split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="folder of <case>.txt and <case>.gold.yaml")
    parser.add_argument(
        "--all", action="store_true", help="read every case of the folder but the test split's"
    )
    args = parser.parse_args(argv)
    try:
        cases = cases_but_test(args.folder, args.all)
        found = count(args.folder, cases)
    except (KgError, OSError) as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    print(report(found))
    print(f"{len(cases)} appeals")
    return 0
