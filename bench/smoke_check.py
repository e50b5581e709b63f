"""Whether a scale benchmark's results file shows a run that reached its end.

CI runs ``bench_scale.py`` at 1,000 appeals (``make bench-smoke``) only to show that every
step still runs at that size; the figures of a shared CI machine are not compared with
anything. A step past its budget is a figure (``{"timeout": s}``), not a failure; a step that
failed, or a run that stopped part-way, is.

    python bench/smoke_check.py RESULTS.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def problems(res: dict[str, Any]) -> list[str]:
    """What keeps the results from showing a whole run: one line each."""
    out = []
    if not res.get("finished"):
        out.append("the run did not reach its end (finished is not true)")
    for key in ("build", "noop_rebuild", "rebuild_1pct", "oxigraph_bulk_load", "triples"):
        step = res.get(key)
        if not isinstance(step, dict):
            out.append(f"no {key} step")
        elif "timeout" in step:
            out.append(f"{key} stopped at its budget of {step['timeout']} s")
    exports = res.get("exports") or {}
    for fmt in ("nquads", "ntriples", "trig", "turtle"):
        r = exports.get(fmt)
        if not isinstance(r, dict) or not (r.get("bytes") or "timeout" in r):
            out.append(f"no {fmt} export")
    if not (res.get("triples") or {}).get("store_triples"):
        out.append("the store holds no triples")
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python bench/smoke_check.py RESULTS.json", file=sys.stderr)
        return 2
    path = Path(args[0])
    try:
        res = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"error: {path}: no results to read ({exc.__class__.__name__})", file=sys.stderr)
        return 2
    if not isinstance(res, dict):
        print(f"error: {path}: not a results object", file=sys.stderr)
        return 2
    found = problems(res)
    for line in found:
        print(f"{path}: {line}", file=sys.stderr)
    if not found:
        print(f"{path}: {res.get('appeals')} appeals, every step ran")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
