"""The CPU of `kg.store.delta.apply_changes` alone, for two versions of `delta.py` side by side.

    .venv/bin/python bench/bench_apply_changes.py STORE OTHER_DELTA.py [--graphs 30] [--repeat 3]
        [--scratch DIR] [--out FILE.json]

``STORE`` is a built store (``kg build``; its build state must keep the shared index as counted
rows). ``OTHER_DELTA.py`` is another version of ``kg/store/delta.py`` (``git show REV:kg/store/
delta.py > FILE``) taking the same shared index (:class:`kg.store.state.SharedRows`). The
bench picks ``--graphs`` appeal graphs of the store and writes each again with what it
states (its own triples and its shared ones) and one triple changed, as a rebuild after a
note edit does; then, ``--repeat`` times and by turns, each version applies that change to a
fresh copy of the store (``Store.backup``) and of the build state. CPU is this process's
(``time.process_time``); the machine's load is recorded before and after, as on a shared
machine it moves CPU times too (turns spread it over both versions). Both versions must leave
the same number of quads.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from runinfo import commit, load_average, load_module  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("other", type=Path, help="another version of kg/store/delta.py")
    parser.add_argument("--graphs", type=int, default=30, help="appeal graphs written again")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, help="results JSON")
    parser.add_argument("--scratch", type=Path, help="folder for the copies (default: temp)")
    args = parser.parse_args()
    if not args.other.is_file():
        raise SystemExit(f"error: {args.other}: no such file")

    import pyoxigraph as ox

    import kg.store.delta as this
    from kg.files import current_generation
    from kg.store.kept import kept_path
    from kg.store.state import BuildState

    other = load_module(args.other, "delta_other")
    generation = current_generation(args.store)
    state_file = kept_path(generation, "state")
    if generation is None or state_file is None:
        raise SystemExit(f"error: {args.store}: no built store with a kept build state")
    source = ox.Store.read_only(str(generation / "full"))
    graphs = [g for g in source.named_graphs() if g.value.startswith(this.APPEAL_GRAPHS)]
    chosen = graphs[:: max(1, len(graphs) // args.graphs)][: args.graphs]
    state = BuildState(state_file, readonly=True)
    rows = state.shared_rows()
    written: dict[str, list[Any]] = {}
    for g in chosen:
        triples = [q.triple for q in source.quads_for_pattern(None, None, None, g)]
        triples += [this._triple(k) for k in rows.held_by([g.value])]
        first = triples[0]
        triples[0] = ox.Triple(first.subject, first.predicate, ox.Literal("a note changed"))
        written[g.value] = triples
    state.close()
    del source

    results: dict[str, list[float]] = {"this": [], "other": []}
    quads: dict[str, set[int]] = {"this": set(), "other": set()}
    load_before = load_average()
    with tempfile.TemporaryDirectory(prefix="bench-apply-", dir=args.scratch) as tmp:
        for _ in range(args.repeat):
            for name, module in (("this", this), ("other", other)):
                where = Path(tmp) / name
                shutil.rmtree(where, ignore_errors=True)
                where.mkdir()
                ox.Store.read_only(str(generation / "full")).backup(str(where / "store"))
                shutil.copyfile(state_file, where / "state.sqlite")
                store = ox.Store(str(where / "store"))
                copy = BuildState.create(where)  # opens where/state.sqlite (the copy)
                shared = copy.shared_rows()
                cpu = time.process_time()
                module.apply_changes(store, shared, written, [])
                shared.flush()
                results[name].append(round(time.process_time() - cpu, 3))
                quads[name].add(len(store))
                copy.abandon()
                del store
                print(f"{name}: {results[name][-1]:.3f} s CPU", file=sys.stderr, flush=True)
    if quads["this"] != quads["other"] or len(quads["this"]) != 1:
        raise SystemExit(f"error: the versions leave different stores: {quads}")
    out = {
        "commit": commit(ROOT, "kg"),
        "store": args.store.name,
        "graphs": len(written),
        "triples_written": sum(len(t) for t in written.values()),
        "cpu_seconds": results,
        "load_before": load_before,
        "load_after": load_average(),
        "command": f"python bench/bench_apply_changes.py STORE OTHER --graphs {args.graphs} "
        f"--repeat {args.repeat}",
    }
    print(json.dumps(out, indent=1))
    if args.out:
        args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
