"""The build process's part of a rebuild's per-record cost, two versions side by side: a
changed graph's text taken in, its previous triples read from the export files, and
`kg.store.delta.apply_changes`.

    .venv/bin/python bench/bench_apply_lines.py STORE OTHER_ROOT [--graphs 1000] [--repeat 2]
        [--scratch DIR] [--out FILE.json]

``STORE`` is a built store (``kg build``) with export files and a kept build state.
``OTHER_ROOT`` is a checkout of another commit (``git worktree add DIR REV``) whose
``kg/store/delta.py`` takes triples (``pyoxigraph.Triple``), as before written graphs were
taken as lines. The bench picks ``--graphs`` appeal graphs, and writes each again with what
it states (its own triples and its shared ones) and one triple changed, as a rebuild after a
note edit does, given as N-Quads text, as the build's workers give a graph. Then, ``--repeat``
times and by turns, on a fresh copy of the store (``Store.backup``) and of the build state:

- this code: each text cut into lines (:func:`kg.store.stream._chunk_lines`), the previous
  triples as lines (:func:`kg.store.chunks.graph_lines`), ``apply_changes`` on lines;
- the other: each text parsed into triples (as its ``_graph_triples`` did), the previous
  triples parsed from the same files (its ``graph_triples``), its ``apply_changes``.

CPU is this process's (``time.process_time``), the three steps apart; the load average is
recorded before and after. Both must leave the same quads (a hash of the sorted N-Triples of
the graphs written and of the reference graph) and the same shared index rows for them.
"""

from __future__ import annotations

import argparse
import hashlib
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
    parser.add_argument("other", type=Path, help="a checkout of the commit to compare with")
    parser.add_argument("--graphs", type=int, default=1000, help="appeal graphs written again")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--out", type=Path, help="results JSON")
    parser.add_argument("--scratch", type=Path, help="folder for the copies (default: temp)")
    args = parser.parse_args()
    other_delta = args.other / "kg" / "store" / "delta.py"
    if not other_delta.is_file():
        raise SystemExit(f"error: {other_delta}: no such file")

    import pyoxigraph as ox

    import kg.store.delta as this
    from kg.files import current_generation
    from kg.store.chunks import graph_lines
    from kg.store.kept import kept_path
    from kg.store.state import BuildState
    from kg.store.stream import _chunk_lines

    other = load_module(other_delta, "delta_other")
    generation = current_generation(args.store)
    state_file = kept_path(generation, "state") if generation is not None else None
    if generation is None or state_file is None:
        raise SystemExit(f"error: {args.store}: no built store with a kept build state")
    source = ox.Store.read_only(str(generation / "full"))
    graphs = [g.value for g in source.named_graphs() if g.value.startswith(this.APPEAL_GRAPHS)]
    chosen = sorted(graphs[:: max(1, len(graphs) // args.graphs)][: args.graphs])
    del source
    held = graph_lines(generation, chosen)
    state = BuildState(state_file, readonly=True)
    rows = state.shared_rows()
    texts: list[str] = []  # one N-Quads text per graph, as a worker gives it
    for g in chosen:
        keys = [*held[g], *rows.held_by([g])]
        subject = keys[0].split(" ", 1)[0]
        keys[0] = f'{subject} <http://www.w3.org/2000/01/rdf-schema#comment> "a note changed"'
        texts.append("".join(f"{k} <{g}> .\n" for k in keys))
    state.close()

    def lines_way(store: ox.Store, shared: Any, cpu: dict[str, float]) -> None:
        t = time.process_time()
        written: dict[str, list[str]] = {}
        for text in texts:
            for g, lines in _chunk_lines(text).items():
                written.setdefault(g, []).extend(lines)
        cpu["graphs"] = time.process_time() - t
        t = time.process_time()
        before = graph_lines(generation, written)
        cpu["previous"] = time.process_time() - t
        t = time.process_time()
        this.apply_changes(store, shared, written, [], before)
        shared.flush()
        cpu["apply_changes"] = time.process_time() - t

    def triples_way(store: ox.Store, shared: Any, cpu: dict[str, float]) -> None:
        t = time.process_time()
        written: dict[str, list[ox.Triple]] = {}
        for text in texts:
            for q in ox.parse(input=text.encode("utf-8"), format=ox.RdfFormat.N_QUADS):
                written.setdefault(str(q.graph_name.value), []).append(q.triple)
        cpu["graphs"] = time.process_time() - t
        t = time.process_time()
        before: dict[str, list[ox.Triple]] = {}
        for g, lines in graph_lines(generation, written).items():
            nt = "".join(f"{k} .\n" for k in lines).encode("utf-8")
            before[g] = [q.triple for q in ox.parse(input=nt, format=ox.RdfFormat.N_TRIPLES)]
        cpu["previous"] = time.process_time() - t
        t = time.process_time()
        other.apply_changes(store, shared, written, [], before)
        shared.flush()
        cpu["apply_changes"] = time.process_time() - t

    results: dict[str, list[dict[str, float]]] = {"this": [], "other": []}
    outcome: dict[str, set[str]] = {"this": set(), "other": set()}
    load_before = load_average()
    with tempfile.TemporaryDirectory(prefix="bench-lines-", dir=args.scratch) as tmp:
        for _ in range(args.repeat):
            for name, way in (("this", lines_way), ("other", triples_way)):
                where = Path(tmp) / name
                shutil.rmtree(where, ignore_errors=True)
                where.mkdir()
                ox.Store.read_only(str(generation / "full")).backup(str(where / "store"))
                shutil.copyfile(state_file, where / "state.sqlite")
                store = ox.Store(str(where / "store"))
                copy = BuildState.create(where)  # opens where/state.sqlite (the copy)
                cpu: dict[str, float] = {}
                way(store, copy.shared_rows(), cpu)
                cpu = {k: round(v, 3) for k, v in cpu.items()}
                cpu["total"] = round(sum(cpu.values()), 3)
                results[name].append(cpu)
                digest = hashlib.sha256()
                for g in [*chosen, this._REF.value]:
                    nt = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(g))
                    digest.update(b"".join(sorted((nt or b"").splitlines(keepends=True))))
                touched = copy.shared_rows().held_by(chosen)
                digest.update(
                    json.dumps(sorted((k, sorted(h)) for k, h in touched.items())).encode()
                )
                outcome[name].add(digest.hexdigest())
                copy.abandon()
                del store
                print(f"{name}: {cpu}", file=sys.stderr, flush=True)
    if outcome["this"] != outcome["other"] or len(outcome["this"]) != 1:
        raise SystemExit(f"error: the versions leave different stores or rows: {outcome}")
    out = {
        "commit": commit(ROOT),
        "other_commit": commit(args.other),
        "store": str(args.store),
        "graphs": len(chosen),
        "lines_written": sum(text.count("\n") for text in texts),
        "cpu_seconds": results,
        "same_result_sha256": next(iter(outcome["this"])),
        "load_before": load_before,
        "load_after": load_average(),
        "command": f"python bench/bench_apply_lines.py STORE OTHER_ROOT --graphs {args.graphs} "
        f"--repeat {args.repeat}",
    }
    print(json.dumps(out, indent=1))
    if args.out:
        args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
