"""Where a full build spends its CPU, phase by phase, and how each phase grows with the corpus.

    .venv/bin/python bench/profile_build.py DATA STORE --out FILE.json [--profile OUT.prof]
    .venv/bin/python bench/profile_build.py --compare SMALL.json LARGE.json

Runs ``kg build --full`` of ``DATA`` into the new folder ``STORE`` in this process, each phase
below timed where it is called: wall, and CPU of this process and of its worker processes --
those still running counted from ``/proc`` (a build's worker pool lives through most of the
build, so the usual ``RUSAGE_CHILDREN`` would give their CPU only at its end). A phase called
inside another counts in both. Oxigraph's bulk load and ``optimize`` are methods of a compiled
class and cannot be wrapped: they are the gaps between the progress line that announces the
bulk load and ``_derive``, and between ``_finish`` and its first timed step (``gaps`` in the
results); where ``optimize`` runs in a thread of its own (``_compact``) it is timed as a phase,
whose CPU is the whole process's while it runs. With ``--profile`` the build process also
runs under cProfile (the workers do not).

A full build runs its first half (records, identity, the graphs written) in a forked child
(:mod:`kg.store.apart`): the phases timed there are written by the child to a file beside
the results and added to this process's when the child is done. ``--in-process`` builds in
one process instead (``FRONT_APART`` off), so that cProfile sees the first half too.

``--compare`` prints each phase's CPU at two corpus sizes and the exponent of its growth
(1: in proportion to the corpus).
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import json
import math
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# (module, attribute path): the steps of a full build, about in the order they run. Only
# functions called a few times: a wrapper reads /proc twice a call (about 0.1 ms).
PHASES = [
    ("kg.store.stream", "_scan"),
    ("kg.store.spill", "parse_files"),
    ("kg.store.stream", "_choose"),
    ("kg.store.stream", "recipe_hash"),
    ("kg.record.identity_index", "resolve_with_index"),
    ("kg.record.identity", "resolve_identities"),
    ("kg.record.identity", "resolve_part"),
    ("kg.record.identity", "_resolve_persons"),
    ("kg.record.identity", "_resolve_organisations"),
    ("kg.record.identity", "_resolve_instruments"),
    ("kg.record.identity", "apply_resolution"),
    ("kg.store.stream", "_facts_by_sha"),
    ("kg.store.stream", "check_unique_keys_kept"),
    ("kg.record.identity", "canonical_provisions"),
    ("kg.store.stream", "_to_fingerprint"),
    ("kg.store.derive", "shapes_of"),
    ("kg.store.state", "BuildState.create"),
    ("kg.store.build", "links_graph"),
    ("kg.store.build", "ontology_graph"),
    ("kg.store.build", "reference_graph"),
    ("kg.store.textpartition", "partition_nquads"),
    ("kg.store.textpartition", "_oxigraph_keys"),
    ("kg.store.stream", "_views"),
    ("kg.store.stream", "_write_kept"),
    ("kg.store.state", "BuildState.keep_only"),
    ("kg.record.identity_index", "write_index"),
    ("kg.store.stream", "_derive"),
    ("kg.store.stream", "drop_stated"),
    ("kg.store.stream", "_finish"),
    ("kg.store.stream", "_compact"),
    ("kg.store.build", "count_entities"),
    ("kg.store.chunks", "write_chunks"),
    ("kg.store.chunks", "_write_void"),
    ("kg.store.chunks", "_collect"),
    ("kg.store.state", "BuildState.write_shared"),
    ("kg.store.state", "BuildState.write_entries"),
    ("kg.store.state", "BuildState.commit"),
    ("kg.store.stream", "build_streaming"),
]


def _ticks(pid: int | str) -> int:
    """User + system clock ticks of a live process (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, IndexError, ValueError):
        return 0


def _children() -> list[str]:
    out: list[str] = []
    for task in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{task}/children", encoding="ascii") as f:
                out.extend(f.read().split())
        except OSError:
            pass
    return out


_HZ = os.sysconf("SC_CLK_TCK")


def _cpu() -> float:
    """CPU seconds of this process, of its children waited for, and of those still running."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    live = sum(_ticks(p) for p in _children()) / _HZ
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime + live


def _instrument(times: dict[str, dict[str, float]], start: float) -> None:
    """Wrap each phase's function so that its calls add to ``times``."""
    for module_name, path in PHASES:
        module = importlib.import_module(module_name)
        owner: Any = module
        *parents, name = path.split(".")
        for p in parents:
            owner = getattr(owner, p)
        fn = getattr(owner, name, None)
        if fn is None:
            print(f"no {module_name}.{path}: not timed", file=sys.stderr)
            continue
        label = "total" if path == "build_streaming" else path

        def timed(*a: Any, _fn: Any = fn, _label: str = label, **k: Any) -> Any:
            wall, cpu = time.perf_counter(), _cpu()
            try:
                return _fn(*a, **k)
            finally:
                t = times.setdefault(
                    _label,
                    {"calls": 0, "seconds": 0.0, "cpu_seconds": 0.0,
                     "first_at": round(wall - start, 3)},
                )  # fmt: skip
                t["calls"] += 1
                t["seconds"] += time.perf_counter() - wall
                t["cpu_seconds"] += _cpu() - cpu

        setattr(owner, name, timed)
        # A module that imported the function by name holds its own reference.
        if not parents:
            for other in list(sys.modules.values()):
                if getattr(other, "__name__", "").startswith("kg.") and (
                    getattr(other, name, None) is fn
                ):
                    setattr(other, name, timed)


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def _commit() -> str:
    done = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    )
    return done.stdout.strip()


def _gaps(lines: list[dict[str, Any]], phases: dict[str, Any]) -> dict[str, dict[str, float]]:
    """Bulk load and optimize, from the progress lines and the phases' first calls' marks."""
    out: dict[str, dict[str, float]] = {}
    bulk = next((x for x in lines if "bulk loading" in x["message"]), None)
    derive = marks.get("_derive")
    if bulk is not None and derive is not None:
        out["bulk_load"] = {
            "seconds": round(derive[0] - bulk["at"], 3),
            "cpu_seconds": round(derive[1] - bulk["cpu"], 3),
        }
    finish, counted = marks.get("_finish"), marks.get("count_entities")
    if finish is not None and counted is not None:
        # where optimize() runs in a thread of its own (``_compact``, timed as a
        # phase: its CPU is the process's, the main thread's beside it included), the
        # entities are counted once it ends: the gap is then the wait for the compaction, the
        # export files written beside it (its name kept from the runs that counted graphs)
        out["graph_count" if "_compact" in phases else "optimize_and_graph_count"] = {
            "seconds": round(counted[0] - finish[0], 3),
            "cpu_seconds": round(counted[1] - finish[1], 3),
        }
    return out


marks: dict[str, tuple[float, float]] = {}  # phase -> (wall, CPU) at its first call


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, nargs="?")
    parser.add_argument("store", type=Path, nargs="?")
    parser.add_argument("--out", type=Path, help="results JSON")
    parser.add_argument("--profile", type=Path, help="also write a cProfile file")
    parser.add_argument("--compare", type=Path, nargs=2, metavar=("SMALL", "LARGE"))
    parser.add_argument(
        "--in-process", action="store_true", help="no child process for the first half"
    )
    args = parser.parse_args()
    if args.compare:
        compare(*args.compare)
        return
    if args.data is None or args.store is None:
        parser.error("DATA and STORE are needed")
    if not (args.data / "cases").is_dir():
        parser.error(f"{args.data}: no cases/ folder")
    if args.store.exists():
        parser.error(f"{args.store}: exists; a full build is measured into a new folder")
    appeals = sum(1 for _ in (args.data / "cases").glob("*.yaml"))

    import kg.store.stream as stream

    times: dict[str, dict[str, float]] = {}
    commit = _commit()  # the code that runs (a commit made while it runs is not it)
    start, cpu0 = time.perf_counter(), _cpu()
    _instrument(times, start)
    _mark_first_calls(start, cpu0)
    if args.in_process:
        stream.FRONT_APART = False
    else:
        _time_child(times, args.store.parent / f".{args.store.name}-child-times.json")
    lines: list[dict[str, Any]] = []

    def progress(message: str) -> None:
        lines.append(
            {"at": round(time.perf_counter() - start, 3), "cpu": round(_cpu() - cpu0, 3),
             "message": message}
        )  # fmt: skip
        print(f"{lines[-1]['at']:8.2f}s {lines[-1]['cpu']:8.2f}s CPU  {message}", file=sys.stderr)

    load_before = _load()
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    stream.build_streaming(args.store, args.data, incremental=False, progress=progress)
    if profiler:
        profiler.disable()
        profiler.dump_stats(str(args.profile))
    wall, cpu = time.perf_counter() - start, _cpu() - cpu0
    phases = {
        k: {kk: round(vv, 3) if isinstance(vv, float) else vv for kk, vv in v.items()}
        for k, v in times.items()
    }
    out = {
        "commit": commit,
        "appeals": appeals,
        "load_before": load_before,
        "load_after": _load(),
        "wall_seconds": round(wall, 1),
        "cpu_seconds": round(cpu, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "profiled": profiler is not None,
        "first_half": "in process" if args.in_process else "child process",
        "phases": phases,
        "gaps": _gaps(lines, phases),
        "progress": lines,
        "command": "python bench/profile_build.py DATA STORE"
        + (" --profile FILE" if args.profile else "")
        + (" --in-process" if args.in_process else ""),
    }
    _print(out)
    if args.out:
        args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


def _mark_first_calls(start: float, cpu0: float) -> None:
    """Record, for the phases whose start the gaps need, the wall and CPU at their first call."""
    import kg.store.build as build
    import kg.store.stream as stream

    for owner, name in ((stream, "_derive"), (stream, "_finish"), (build, "count_entities")):
        fn = getattr(owner, name)

        def first(*a: Any, _fn: Any = fn, _name: str = name, **k: Any) -> Any:
            marks.setdefault(_name, (time.perf_counter() - start, _cpu() - cpu0))
            return _fn(*a, **k)

        setattr(owner, name, first)


def _time_child(times: dict[str, dict[str, float]], side: Path) -> None:
    """Phases timed in the build's child process (its first half) added to ``times``: the
    child writes what it added to its copy of ``times`` to ``side``, read once it is done."""
    import kg.store.stream as stream

    front, apart = stream._front_apart, stream.run_apart

    def in_child(*a: Any, **k: Any) -> Any:
        before = {name: dict(t) for name, t in times.items()}
        try:
            return front(*a, **k)
        finally:
            added = {}
            for name, t in times.items():
                b = before.get(name, {"calls": 0, "seconds": 0.0, "cpu_seconds": 0.0})
                if t["calls"] != b["calls"]:
                    added[name] = {
                        "calls": t["calls"] - b["calls"],
                        "seconds": t["seconds"] - b["seconds"],
                        "cpu_seconds": t["cpu_seconds"] - b["cpu_seconds"],
                        "first_at": t.get("first_at") if name not in before else b["first_at"],
                    }
            side.write_text(json.dumps(added), encoding="utf-8")

    def run(*a: Any, **k: Any) -> Any:
        try:
            return apart(*a, **k)
        finally:
            if side.exists():
                for name, t in json.loads(side.read_text(encoding="utf-8")).items():
                    mine = times.setdefault(
                        name, {"calls": 0, "seconds": 0.0, "cpu_seconds": 0.0,
                               "first_at": t["first_at"]},
                    )  # fmt: skip
                    for key in ("calls", "seconds", "cpu_seconds"):
                        mine[key] += t[key]
                side.unlink()

    stream._front_apart, stream.run_apart = in_child, run


def _print(out: dict[str, Any]) -> None:
    print(f"{out['appeals']} appeals: {out['wall_seconds']} s wall, {out['cpu_seconds']} s CPU")
    print(f"{'phase':34} {'calls':>6} {'wall s':>8} {'cpu s':>8}")
    for name, t in [*out["phases"].items(), *out["gaps"].items()]:
        print(f"{name:34} {t.get('calls', 1):6} {t['seconds']:8.2f} {t['cpu_seconds']:8.2f}")


def compare(small: Path, large: Path) -> None:
    a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (small, large))
    ratio = math.log(b["appeals"] / a["appeals"])
    print(f"{'phase':34} {a['appeals']:>8} {b['appeals']:>8} {'exp':>5}")
    rows = [("total (process + workers)", a["cpu_seconds"], b["cpu_seconds"])]
    for name, tb in [*b["phases"].items(), *b["gaps"].items()]:
        ta = a["phases"].get(name) or a["gaps"].get(name)
        if ta is not None:
            rows.append((name, ta["cpu_seconds"], tb["cpu_seconds"]))
    for name, ca, cb in rows:
        e = math.log(cb / ca) / ratio if ca > 0.01 and cb > 0.01 else float("nan")
        print(f"{name:34} {ca:8.2f} {cb:8.2f} {e:5.2f}")


if __name__ == "__main__":
    main()
