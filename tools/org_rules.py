"""Which rules find organisations, in how many appeals, and how many of their bodies the gold lists.

A rule that finds a body in one appeal only was probably written for that appeal's wording, or
has not been tried on others; this report finds such rules, as ``tools/role_rules.py`` does for
roles and ``tools/kind_rules.py`` for kinds. Each organisation the extractor outputs is put down
to the rule that made it: the function of ``kg/extract`` that created the entity, named with its
module and the line of the call (the helpers every rule goes through, ``add_organisation``,
``Entities.add`` and ``_to_body``, are passed over to the rule that called them). A body merged
into another counts for the rule that made the body kept. For each rule the report gives the
appeals it found a body in, the bodies, how many the gold lists (matched as ``kg eval`` matches
organisations) and how many of those with the gold's kind; a rule that found bodies in one appeal
is printed with that appeal's name, first.

    python tools/org_rules.py ../shared/corpus            # the dev split
    python tools/org_rules.py FOLDER --all                 # every case of a folder

The test split (``data/corpus-test-split.txt``) is never read: its cases are left out of a
folder read with ``--all`` too.

Exit codes: 0 report printed, 2 could not run.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import kg.extract
from kg.extract import entities, pipeline
from kg.extract.evaluate import _match, _same_org, load_record
from kg.extract.ruletools import run_rule_tool

EXTRACT_DIR = str(Path(kg.extract.__file__).parent)
#: Helpers every rule goes through to make a body: the rule is the function that called them.
HELPERS = frozenset({"__init__", "add", "add_organisation", "_to_body"})


@dataclass
class OrgRule:
    rule: str
    appeals: set[str] = field(default_factory=set)
    found: int = 0
    listed: int = 0
    kind_agrees: int = 0


def _rule_of(frame: Any) -> str:
    """The first function of ``kg/extract`` up the stack that is no helper, with the line."""
    while frame is not None:
        code = frame.f_code
        if code.co_filename.startswith(EXTRACT_DIR) and code.co_name not in HELPERS:
            module = Path(code.co_filename).stem
            return f"{module}.{code.co_name}:{frame.f_lineno}"
        frame = frame.f_back
    return "unknown"


@contextmanager
def _origins() -> Iterator[dict[int, str]]:
    """While open, every organisation entity created is noted with the rule that made it."""
    made: dict[int, str] = {}
    init = entities.Entity.__init__

    def noting(self: Any, kind: str, *args: Any, **kwargs: Any) -> None:
        init(self, kind, *args, **kwargs)
        if kind == "organisation":
            made[id(self)] = _rule_of(sys._getframe(1))

    entities.Entity.__init__ = noting  # type: ignore[method-assign]
    try:
        yield made
    finally:
        entities.Entity.__init__ = init  # type: ignore[method-assign]


def _extract(text: str, name: str) -> tuple[dict[str, Any], dict[str, str]]:
    """The record of one appeal and, per organisation id of it, the rule that made the body."""
    by_id: dict[str, str] = {}
    org_out = pipeline._org_out

    def out(doc: Any, o: Any) -> dict[str, Any]:
        item = org_out(doc, o)
        by_id[item["id"]] = made.get(id(o), "unknown")
        return item

    with _origins() as made:
        pipeline._org_out = out
        try:
            record = pipeline.extract_case(text, appeal_id=name)
        finally:
            pipeline._org_out = org_out
    return record, by_id


def count_rules(folder: Path, cases: list[str]) -> dict[str, OrgRule]:
    """Per rule, the appeals and bodies it found and how many of them the gold lists."""
    rules: dict[str, OrgRule] = {}
    for name in cases:
        gold = load_record(folder / f"{name}.gold.yaml")
        text = (folder / f"{name}.txt").read_text(encoding="utf-8")
        record, by_id = _extract(text, name)
        go, po = gold.get("organisations") or [], record["organisations"]
        pairs = {pi: gi for gi, pi in _match(go, po, _same_org)}
        for pi, o in enumerate(po):
            key = by_id.get(o["id"], "unknown")
            rule = rules.setdefault(key, OrgRule(key))
            rule.appeals.add(name)
            rule.found += 1
            if pi in pairs:
                rule.listed += 1
                rule.kind_agrees += go[pairs[pi]].get("kind") == o["kind"]
    return rules


def format_report(rules: dict[str, OrgRule]) -> str:
    rows = sorted(rules.values(), key=lambda r: (len(r.appeals), r.rule))
    out = [f"{'appeals':>7} {'found':>5} {'listed':>6} {'kind':>5}  rule"]
    for r in rows:
        only = f"  [{next(iter(r.appeals))}]" if len(r.appeals) == 1 else ""
        out.append(
            f"{len(r.appeals):7d} {r.found:5d} {r.listed:6d} {r.kind_agrees:5d}  {r.rule}{only}"
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    return run_rule_tool(argv, __doc__, count_rules, format_report)


if __name__ == "__main__":
    sys.exit(main())
