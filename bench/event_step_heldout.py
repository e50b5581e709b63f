"""Judge the learned event step on a batch as it stood when no rule had been read on it.

Each batch of ``tests/data/batches`` was held out for a round before its wordings were read
for rules; once read, the rules fit it and a step that adds events at dates the rules left
silent can only add false ones there. The fair judgement runs the rules of a commit from
before the batch was read, in a worktree, and this checkout's step over them:

    git worktree add --detach ../before 24c489b
    .venv/bin/python bench/event_step_heldout.py --tree ../before --batch bls \\
        --out bench/results/event-step-heldout-bls-24c489b.json

The step is trained on everything but the batch (the development split, the invented set,
the other batches), each appeal read by the tree's rules; the batch is then scored with the
tree's events alone and with the step's added (events and participants, F1 and tp/fp/fn).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def _load(name: str, path: Path) -> object:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tree", type=Path, required=True, help="a checkout of the rules to judge")
    ap.add_argument("--batch", required=True, help="the batch's prefix (bls, blt, ...)")
    ap.add_argument("--corpus", type=Path, default=HERE.parent / "shared" / "corpus")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    tree = args.tree.resolve()
    if not (tree / "kg" / "extract" / "pipeline.py").is_file():
        print(f"error: --tree {args.tree}: no kg/extract/pipeline.py there", file=sys.stderr)
        return 2
    sys.path.insert(0, str(tree))
    import kg.extract  # noqa: F401  (the tree's package, under this checkout's step)

    _load("kg.extract.eventmodel", HERE / "kg" / "extract" / "eventmodel.py")
    te = _load("train_events", HERE / "tools" / "train_events.py")
    t0 = time.process_time()
    batches = te.read_folder(HERE / "tests" / "data" / "batches")
    group = [c for c in batches if c["case"].split("-", 1)[0] == args.batch]
    if not group:
        print(f"error: --batch {args.batch}: no such batch", file=sys.stderr)
        return 2
    others = (
        te.read_folder(args.corpus, dev_only=True)
        + te.read_folder(HERE / "tests" / "data" / "invented")
        + [c for c in batches if c not in group]
    )
    model = te.EventModel({**te.train(others), "use": True})
    rules = te.tally(group, [c["record"] for c in group])
    step = te.tally(group, [te.with_step(c, model) for c in group])
    commit = subprocess.run(
        ["git", "-C", str(tree), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    result = {
        "batch": args.batch,
        "appeals": len(group),
        "rules_commit": commit,
        "trained_on": len(others),
        "rules": rules,
        "step": step,
        "cpu_s": round(time.process_time() - t0, 1),
    }
    print(json.dumps(result))
    if args.out:
        args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
