"""Which rules the incremental derivation walks far for, rule by rule, in one rebuild.

    .venv/bin/python bench/profile_derive_rules.py STORE DATA [--out FILE.json]

``STORE`` is a store built from ``DATA``; change ``DATA`` first (say
``generate.py N DATA --mutate 0.01 --round 1 --edit hub``). The rebuild runs in this process
(``kg.store.stream.build_streaming``, with the recipe hash of the store's build, as
``profile_rebuild.py --keep-recipe``: only for measuring). When it calls
:func:`kg.store.derive.derive_changes`, each rooted rule is first measured alone with the
same arguments, read only: the changed nodes it starts from, the roots it keeps, the quads
of their neighbourhood in the new store, and the CPU seconds (``time.process_time``) of
finding the roots, copying the neighbourhoods (old and new) and the rule's answers per root
over them (a rule grouped by its root: no neighbourhood, its answers asked of the stores, as
``derive_changes`` does; appeal-count, kept by difference: its answers for the entities the
change touches, ``by_difference`` of them counted so and ``roots`` asked of the stores whole).
Then the real ``derive_changes`` runs and is timed whole. Rules are listed by CPU, most
first. ``--ontology DIR`` rebuilds with the ontology and rules of the store's build
(``git archive COMMIT ontology``): a store built before they changed is then rebuilt
incrementally (measuring only, as ``profile_rebuild.py --ontology``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.runinfo import commit, load_average  # noqa: E402


def measure(store, before, shapes, derived_graph, added, removed) -> list[dict]:
    import pyoxigraph as ox

    from kg.store import derive

    rows = []
    changed = added | removed
    for shape in shapes:
        if not shape.roots:
            continue
        t0 = time.process_time()
        counting = getattr(derive, "_counted_by_difference", None)
        if counting is not None and counting(shape):  # kept by difference: no roots
            tally: dict[str, int] = {}
            derive._count_answers(shape, store, before, derived_graph, changed, tally)
            t3 = time.process_time()
            rows.append({
                "rule": shape.name, "depth": shape.depth, "start": 0, "roots": tally["whole"],
                "by_difference": tally["by_difference"], "quads": 0,
                "roots_s": 0.0, "neighbourhood_s": 0.0, "answers_s": round(t3 - t0, 3),
                "cpu_s": round(t3 - t0, 3),
            })  # fmt: skip
            continue
        start = derive._start(shape, changed)
        reached = derive._roots(shape, store, start, derived_graph)
        roots = {
            r
            for r in reached
            if derive._has_step(shape, (store, before), r, derived_graph)
            and getattr(derive, "_can_root", lambda *a: True)(
                shape, (store, before), r, derived_graph
            )
        }
        t1 = time.process_time()
        if getattr(shape, "grouped", False):  # asked of the stores, root bound
            new_near = ox.Store()
            t2 = time.process_time()
            derive._answers(shape, before, roots, union=True)
            derive._answers(shape, store, roots, union=True)
        else:
            old_near = derive._neighbourhood(before, [(shape, roots)], derived_graph)
            new_near = derive._neighbourhood(store, [(shape, roots)], derived_graph)
            t2 = time.process_time()
            derive._answers(shape, old_near, roots)
            derive._answers(shape, new_near, roots)
        t3 = time.process_time()
        rows.append({
            "rule": shape.name, "depth": shape.depth, "start": len(start),
            "roots": len(roots), "quads": len(new_near),
            "roots_s": round(t1 - t0, 3), "neighbourhood_s": round(t2 - t1, 3),
            "answers_s": round(t3 - t2, 3), "cpu_s": round(t3 - t0, 3),
        })  # fmt: skip
    return sorted(rows, key=lambda r: -r["cpu_s"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("data", type=Path)
    parser.add_argument("--out", type=Path, help="results JSON")
    parser.add_argument(
        "--ontology", type=Path, help="the ontology and rules of the store's build (measuring only)"
    )
    args = parser.parse_args(argv)
    if not (args.data / "cases").is_dir():
        print(f"error: {args.data}: not a data folder (no cases/)", file=sys.stderr)
        return 2

    import kg.store.stream as stream

    real = stream.derive_changes
    found: dict = {}

    def wrapped(store, before, shapes, derived_graph, added, removed, *rest, **kw):
        found["rules"] = measure(store, before, shapes, derived_graph, added, removed)
        found["added"], found["removed"] = len(added), len(removed)
        t0 = time.process_time()
        out = real(store, before, shapes, derived_graph, added, removed, *rest, **kw)
        found["derive_changes_s"] = round(time.process_time() - t0, 3)
        found["incremental"] = out is not None
        return out

    # The store's own recipe: a change to the derivation alone must not rebuild every graph.
    from bench.profile_rebuild import _stored_recipe

    try:
        recipe = _stored_recipe(args.store)
    except SystemExit as stop:  # one line naming the store
        print(stop, file=sys.stderr)
        return 2
    real_recipe = stream.recipe_hash
    stream.derive_changes = wrapped
    stream.recipe_hash = lambda: recipe  # type: ignore[assignment]
    try:
        t0 = time.process_time()
        ontology = {"ontology_dir": args.ontology} if args.ontology else {}
        stream.build_streaming(args.store, data_dir=args.data, **ontology)
    finally:  # the module as it was, for a caller in the same process
        stream.derive_changes = real
        stream.recipe_hash = real_recipe  # type: ignore[assignment]
    found["rebuild_s"] = round(time.process_time() - t0, 3)
    for r in found.get("rules", []):
        print(
            f"{r['rule']:28} start {r['start']:6} roots {r['roots']:6} quads {r['quads']:7} "
            f"cpu {r['cpu_s']:7.3f} (roots {r['roots_s']:.3f}, "
            f"neighbourhood {r['neighbourhood_s']:.3f}, answers {r['answers_s']:.3f})"
        )
    print({k: v for k, v in found.items() if k != "rules"})
    if args.out:
        args.out.write_text(
            json.dumps(
                {
                    "commit": commit(ROOT, "kg"),
                    "load": load_average(),
                    "store": str(args.store),
                    **found,
                },
                indent=1,
            )
            + "\n"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
