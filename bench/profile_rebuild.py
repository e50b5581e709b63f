"""Where a rebuild after a 1% change spends its time and its bytes, phase by phase.

    .venv/bin/python bench/profile_rebuild.py STORE DATA --round 6 --out FILE.json
    .venv/bin/python bench/profile_rebuild.py STORE DATA --round 7 --profile OUT.prof

``STORE`` is a store built from ``DATA`` (``generate.py N DATA``, then ``kg build``).
``--round N`` first changes 1% of the records (``generate.py N DATA --mutate 0.01 --round N``;
``--edit facts`` also a date and a spelling, ``--edit hub`` names one issuing organisation in
each changed record, as ``generate.py --edit``; ``--fraction F`` another share);
``--no-mutate`` rebuilds as it is (a no-op).
``--keep-recipe`` takes the recipe hash (:func:`kg.store.stream.recipe_hash`) from the store's
current build instead of the code's: a change to the code that places triples but not to what
a graph holds (``kg/store/delta.py``) then does not make the rebuild a full one, so that the
code before and after it are measured on one store. Only for measuring: the graphs of such a
store are what the new code gives only if the change leaves them as they were.
``--ontology DIR`` rebuilds with the ontology and rules in ``DIR`` (say, the store's build's,
``git archive COMMIT ontology``) rather than the repository's: a store built before the
ontology changed is then rebuilt incrementally instead of in full. Also only for measuring.
The rebuild runs in this process; each phase below is timed where it is called (wall, CPU of
this process and of the workers it waited for, and the bytes this process read and wrote,
from ``/proc/self/io``: ``rchar``/``wchar`` count every read and write call, page cache
included; ``read_bytes``/``write_bytes`` what reached the disk; ``thread_cpu_seconds`` the
CPU of the calling thread alone, without Oxigraph's background threads, which flush and
compact while the phase runs and whose CPU and bytes the process's figures include). A phase
called inside another counts in both. With ``--profile`` the whole rebuild is also run under
cProfile, timed in CPU seconds of this process (``time.process_time``: on a loaded machine
wall time says little).

The phases are the build's steps named in ``kg/store/stream.py`` and the modules it calls;
``total`` is the whole of ``build_streaming``. Comparing the figures of two corpus sizes says
which phases grow with the corpus rather than with the change (``--compare A.json B.json``).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import importlib
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# (module, attribute path): the steps of an incremental build, in the order they run.
PHASES = [
    ("kg.store.stream", "_scan"),
    ("kg.store.state", "BuildState.entries"),
    ("kg.store.stream", "recipe_hash"),
    ("kg.store.state", "BuildState.load_keys"),
    ("kg.record.identity_index", "read_index"),
    ("kg.record.keytable", "DiskKeys.copy_of"),
    ("kg.record.identity_index", "resolve_with_index"),
    ("kg.store.stream", "_facts_by_sha"),
    ("kg.store.stream", "check_unique_keys_changed"),
    ("kg.store.stream", "check_unique_keys_kept"),
    ("kg.store.stream", "_canon_kept"),
    ("kg.store.stream", "_Facts.everything"),
    ("kg.record.identity", "canonical_provisions"),
    ("kg.store.stream", "_to_fingerprint"),
    ("kg.store.stream", "_fingerprint"),
    ("kg.store.state", "BuildState.create"),
    ("kg.store.stream", "checkpoint_store"),
    ("kg.store.state", "BuildState.write_shared"),
    ("kg.store.stream", "_graph_lines"),
    ("kg.store.chunks", "graph_lines"),
    ("kg.store.state", "SharedRows.prefetch"),
    ("kg.store.state", "SharedRows.held_by"),
    ("kg.store.state", "SharedRows.holders"),
    ("kg.store.delta", "apply_changes"),
    ("kg.store.derive", "derive_changes"),
    ("kg.store.counts", "count_entities_after"),
    ("kg.store.stream", "_finish"),
    ("kg.store.chunks", "write_chunks"),
    ("kg.store.chunks", "_write_small"),
    ("kg.store.chunks", "_write_large"),
    ("kg.store.chunks", "_write_parts"),
    ("kg.store.chunks", "_update_parts"),
    ("kg.store.chunks", "_read_manifest"),
    ("kg.store.chunks", "_write_void"),
    ("kg.store.chunks", "_collect"),
    ("kg.store.chunks", "_remove_files"),
    ("kg.files", "remove_generations"),
    ("kg.store.state", "SharedRows.flush"),
    ("kg.store.stream", "_write_kept"),
    ("kg.store.state", "BuildState.keep_only"),
    ("kg.record.identity_index", "write_index"),
    ("kg.store.state", "BuildState.write_entries"),
    ("kg.store.state", "BuildState.commit"),
    ("kg.store.stream", "build_streaming"),
]


def _cpu() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _cpu_apart() -> tuple[float, float]:
    """CPU seconds of this process and of the children it waited for (the build's workers)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def _io() -> dict[str, int]:
    out = {}
    with open("/proc/self/io", encoding="ascii") as f:
        for line in f:
            k, v = line.split(":")
            out[k] = int(v)
    return out


def _instrument(times: dict[str, dict[str, float]]) -> None:
    """Wrap each phase's function so that its calls add to ``times``."""
    for module_name, path in PHASES:
        module = importlib.import_module(module_name)
        owner: Any = module
        *parents, name = path.split(".")
        for p in parents:
            owner = getattr(owner, p)
        fn = getattr(owner, name, None)
        if fn is None:
            continue
        label = path.split(".")[-1] if not parents else path
        if path == "build_streaming":
            label = "total"

        def timed(*a: Any, _fn: Any = fn, _label: str = label, **k: Any) -> Any:
            wall, cpu, io = time.perf_counter(), _cpu(), _io()
            own = time.thread_time()
            try:
                return _fn(*a, **k)
            finally:
                t = times.setdefault(
                    _label,
                    {"calls": 0, "seconds": 0.0, "cpu_seconds": 0.0, "thread_cpu_seconds": 0.0,
                     "rchar": 0, "wchar": 0, "read_bytes": 0, "write_bytes": 0},
                )  # fmt: skip
                now = _io()
                t["calls"] += 1
                t["seconds"] += time.perf_counter() - wall
                t["cpu_seconds"] += _cpu() - cpu
                t["thread_cpu_seconds"] += time.thread_time() - own
                for key in ("rchar", "wchar", "read_bytes", "write_bytes"):
                    t[key] += now[key] - io[key]

        setattr(owner, name, timed)
        # A module that imported the function by name holds its own reference.
        if not parents:
            for other in list(sys.modules.values()):
                if getattr(other, "__name__", "").startswith("kg.") and (
                    getattr(other, name, None) is fn
                ):
                    setattr(other, name, timed)


def _records(data: Path) -> int:
    return sum(1 for _ in (data / "cases").glob("*.yaml")) + sum(
        1 for _ in (data / "extracted").glob("*.yaml")
    )


def mutate(data: Path, round_: int, edit: str, fraction: float = 0.01) -> int:
    n = _records(data)
    cmd = [sys.executable, str(ROOT / "bench" / "generate.py"), str(n), str(data),
           "--mutate", str(fraction), "--round", str(round_)]  # fmt: skip
    if edit != "note":
        cmd += ["--edit", edit]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("data", type=Path)
    parser.add_argument("--round", type=int, help="mutation round (generate.py --mutate 0.01)")
    parser.add_argument("--fraction", type=float, default=0.01, help="records changed")
    parser.add_argument("--edit", choices=("note", "facts", "spelling", "hub"), default="note")
    parser.add_argument("--no-mutate", action="store_true", help="rebuild without a change")
    parser.add_argument(
        "--mutated", action="store_true",
        help="DATA already has --round R applied (another store of the same data was rebuilt "
        "after it): record the change, do not make it again",
    )  # fmt: skip
    parser.add_argument("--out", type=Path, help="results JSON")
    parser.add_argument("--profile", type=Path, help="also write a cProfile file")
    parser.add_argument(
        "--keep-recipe", action="store_true", help="the recipe hash of the store's build"
    )
    parser.add_argument(
        "--ontology", type=Path, help="the ontology folder to build with (the store's build's)"
    )
    parser.add_argument("--compare", type=Path, nargs=2, metavar=("SMALL", "LARGE"),
                        help="print each phase's growth between two results files")  # fmt: skip
    args = parser.parse_args()
    if args.compare:
        compare(*args.compare)
        return
    appeals = None
    if not args.no_mutate:
        if args.round is None:
            raise SystemExit("error: --round N (or --no-mutate) is needed")
        if args.mutated:
            appeals = _records(args.data)
        else:
            appeals = mutate(args.data, args.round, args.edit, args.fraction)
    from kg.store.stream import build_streaming

    times: dict[str, dict[str, float]] = {}
    _instrument(times)
    import kg.store.stream as stream

    lines: list[dict[str, Any]] = []
    start, cpu0 = time.perf_counter(), _cpu()

    def progress(message: str) -> None:
        lines.append(
            {"at": round(time.perf_counter() - start, 3), "cpu": round(_cpu() - cpu0, 3),
             "message": message}
        )  # fmt: skip
        print(f"{lines[-1]['at']:8.2f}s  {message}", file=sys.stderr, flush=True)

    with open("/proc/loadavg", encoding="ascii") as f:
        load_before = [float(x) for x in f.read().split()[:3]]
    recipe = None
    if args.keep_recipe:
        recipe = _stored_recipe(args.store)
        stream.recipe_hash = lambda: recipe  # type: ignore[assignment]
    collected = {"collections": [0, 0, 0], "cpu_seconds": [0.0, 0.0, 0.0]}
    gc_started: list[float] = []

    def gc_timer(phase: str, info: dict[str, int]) -> None:
        # The cyclic collector's passes: how many of each generation, and their CPU.
        if phase == "start":
            gc_started[:] = [time.process_time()]
        elif gc_started:
            g = info["generation"]
            collected["collections"][g] += 1
            collected["cpu_seconds"][g] += time.process_time() - gc_started[0]

    gc.callbacks.append(gc_timer)
    profiler = cProfile.Profile(time.process_time) if args.profile else None
    apart0 = _cpu_apart()
    if profiler:
        profiler.enable()
    if args.ontology is not None:
        stream.build_streaming(args.store, args.data, args.ontology, progress=progress)
    else:
        stream.build_streaming(args.store, args.data, progress=progress)
    if profiler:
        profiler.disable()
        profiler.dump_stats(str(args.profile))
    apart = [round(b - a, 3) for a, b in zip(apart0, _cpu_apart(), strict=True)]
    del build_streaming
    with open("/proc/loadavg", encoding="ascii") as f:
        load_after = [float(x) for x in f.read().split()[:3]]
    out = {
        "commit": _commit(),
        "corpus": f"generate.py {appeals} (seed 1)" if appeals else None,
        "store": str(args.store.name),
        "appeals": appeals,
        "round": args.round,
        "edit": None if args.no_mutate else args.edit,
        "changed": None if args.no_mutate else round((appeals or 0) * args.fraction),
        "recipe_kept": recipe is not None,
        "load_before": load_before,
        "load_after": load_after,
        # The rebuild's CPU in this process and in its workers (the part that ran beside it).
        "cpu_self_s": apart[0],
        "cpu_workers_s": apart[1],
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "phases": {
            k: {kk: round(vv, 3) if isinstance(vv, float) else vv for kk, vv in v.items()}
            for k, v in times.items()
        },
        "progress": lines,
        "gc": {
            "collections": collected["collections"],
            "cpu_seconds": [round(x, 3) for x in collected["cpu_seconds"]],
        },
        "command": "python bench/profile_rebuild.py STORE DATA " + _options(sys.argv[3:]),
    }
    _print(out["phases"])
    print(f"cyclic collector: {out['gc']}")
    print(f"CPU s: this process {apart[0]}, workers {apart[1]}")
    if args.out:
        args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


def _stored_recipe(store: Path) -> str:
    """The recipe hash the store's current generation was built with."""
    from kg.files import current_generation

    generation = current_generation(store)
    if generation is None:
        raise SystemExit(f"error: {store}: no built store")
    summary = json.loads((generation / "build-state.json").read_text(encoding="utf-8"))
    return str(summary["globals"]["recipe"])


def _commit() -> str | None:
    """The commit of the code measured (with ``+changes`` when the work tree differs)."""

    def git(*words: str) -> str:
        done = subprocess.run(["git", "-C", str(ROOT), *words], capture_output=True, text=True,
                              check=True)  # fmt: skip
        return done.stdout.strip()

    try:
        head, dirty = git("rev-parse", "--short", "HEAD"), git("status", "--porcelain", "kg")
    except (OSError, subprocess.CalledProcessError):
        return None
    return head + ("+changes" if dirty else "")


def _options(argv: list[str]) -> str:
    """The command's options, files named by their role (no path of this machine)."""
    out, hide = [], False
    for word in argv:
        out.append("FILE" if hide else word)
        hide = word in ("--out", "--profile")
    return " ".join(out)


def _print(phases: dict[str, dict[str, Any]]) -> None:
    print(f"{'phase':32} {'calls':>5} {'wall s':>8} {'cpu s':>8} {'read MB':>9} {'written MB':>10}")
    for name, t in phases.items():
        print(
            f"{name:32} {t['calls']:5} {t['seconds']:8.2f} {t['cpu_seconds']:8.2f} "
            f"{t['rchar'] / 1e6:9.1f} {t['wchar'] / 1e6:10.1f}"
        )


def compare(small: Path, large: Path) -> None:
    """Each phase's CPU, and bytes read and written, at two sizes, and the exponent of its
    growth (1: in proportion to the corpus; 0: not at all)."""
    import math

    a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (small, large))
    ratio = math.log(b["appeals"] / a["appeals"])
    print(f"{'phase':32} {'cpu s':>14} {'exp':>5} {'read+written MB':>20} {'exp':>5}")
    for name, tb in b["phases"].items():
        ta = a["phases"].get(name)
        if ta is None:
            continue
        ca, cb = ta["cpu_seconds"], tb["cpu_seconds"]
        ba, bb = (ta["rchar"] + ta["wchar"]) / 1e6, (tb["rchar"] + tb["wchar"]) / 1e6
        ec = math.log(cb / ca) / ratio if ca > 0.005 and cb > 0.005 else float("nan")
        eb = math.log(bb / ba) / ratio if ba > 0.05 and bb > 0.05 else float("nan")
        print(f"{name:32} {ca:6.2f}→{cb:6.2f} {ec:5.2f} {ba:9.1f}→{bb:9.1f} {eb:5.2f}")


if __name__ == "__main__":
    main()
