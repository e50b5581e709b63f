"""Memory of a full build, phase by phase: ``results/memory-N.json``.

    .venv/bin/python bench/generate.py 1000 /tmp/corpus-1k
    .venv/bin/python bench/bench_memory.py --corpus /tmp/corpus-1k             # -> memory-1000.json
    .venv/bin/python bench/bench_memory.py --corpus /tmp/corpus-1k --tracemalloc --out FILE

The build (``build_streaming``, full, into a new store) runs in a child process; this process
samples the child and its worker processes every ``--interval`` seconds from ``/proc``: the
child's resident memory (RSS), that of the largest process of the tree (the build's first
half runs in a process of its own, :mod:`kg.store.apart`), the resident memory of the whole
process tree, and its
proportional set size (PSS: a page shared by the forked workers and their parent is counted
once, split between them; the sum of RSS counts it in each). Each sample belongs to the phase
the build was in, known from its progress lines and from the build's steps, wrapped in the child
to say when they start (identity resolution, graphs written and split, bulk load, rules, counts,
public store and export files, the state kept for the next build). The build process's RSS is
also split into its own memory (RssAnon) and the pages of files it maps (RssFile: the file
cache, not memory the build holds).

Stopped (Ctrl-C, or SIGTERM to this process) before the build ends, it interrupts the build,
lets it clean up, and writes the phases reached, with ``"complete": false``.

With ``--tracemalloc`` the child also traces Python's allocations and records, at the start of
each phase, the memory Python objects hold and the peak since the previous phase, with the
source lines that allocated the most of what is live (slow: for 1,000 or 3,000 appeals).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from runinfo import proc_kb, process_tree  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
STOP_SECONDS = 120  # given to a stopped build to clean up before it is killed


def _short(filename: str) -> str:
    """A source file named from the project's folder, or by its last two parts (no path of the
    machine in the results)."""
    path = Path(filename)
    if path.is_relative_to(ROOT):
        path = path.relative_to(ROOT)
        if "site-packages" in path.parts:
            path = Path(*path.parts[path.parts.index("site-packages") + 1 :])
        return str(path)
    return str(Path(*path.parts[-2:]))


# --------------------------------------------------------------------------------------------
# The child: the build, saying when each phase starts.


def _child(store: str, data: str, trace: bool) -> None:
    sys.path.insert(0, str(ROOT))
    import tracemalloc

    import kg.store.build
    import kg.store.chunks
    import kg.store.stream as stream

    if trace:
        tracemalloc.start(1)

    marked: set[str] = set()

    def mark(phase: str) -> None:  # a phase's first start only
        if phase in marked:
            return
        marked.add(phase)
        line: dict[str, Any] = {"phase": phase, "t": time.time()}
        if trace:
            current, peak = tracemalloc.get_traced_memory()
            top = tracemalloc.take_snapshot().statistics("lineno")[:8]
            line["python_mb"] = round(current / 2**20, 1)
            line["python_peak_mb"] = round(peak / 2**20, 1)
            line["top"] = [
                {"where": f"{_short(s.traceback[0].filename)}:{s.traceback[0].lineno}",
                 "mb": round(s.size / 2**20, 1), "blocks": s.count}
                for s in top
            ]  # fmt: skip
            tracemalloc.reset_peak()
        print(json.dumps(line), flush=True)

    def wrap(module: Any, name: str, phase: str) -> None:
        inner = getattr(module, name)

        def wrapped(*args: Any, **kwargs: Any) -> Any:
            mark(phase)
            return inner(*args, **kwargs)

        setattr(module, name, wrapped)

    wrap(stream, "parse_files", "records parsed")
    wrap(stream, "resolve_with_index", "identity resolution")
    wrap(stream, "_facts_by_sha", "keys and provisions")
    wrap(stream, "partition_nquads", "graphs written and split")
    wrap(stream, "_derive", "rules")
    wrap(stream, "_finish", "counts and public store")
    wrap(kg.store.chunks, "write_chunks", "export files")
    wrap(stream, "_write_kept", "identity and rules' state written")

    def progress(message: str) -> None:
        if message.startswith("build: bulk loading"):
            mark("bulk load")
        print(json.dumps({"progress": message, "t": time.time()}), flush=True)

    started = time.perf_counter()
    result = stream.build_streaming(Path(store), Path(data), incremental=False, progress=progress)
    mark("end")
    print(
        json.dumps(
            {"done": True, "seconds": round(time.perf_counter() - started, 1),
             "cpu_seconds": round(time.process_time(), 1),
             "triples": result.triples, "graphs": result.graphs}
        ),
        flush=True,
    )  # fmt: skip


# --------------------------------------------------------------------------------------------
# The parent: samples the child's process tree.


def _status(pid: int) -> dict[str, str]:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            return dict(line.split(":", 1) for line in f if ":" in line)
    except OSError:
        return {}


def _anon_file_kb(pid: int) -> tuple[int, int]:
    """(RssAnon, RssFile) of a process in kB: memory of its own, and pages of files it
    maps (the store's files read through a mapping are counted in its RSS, but are the
    system's file cache, given back when memory is short)."""
    fields = _status(pid)
    return tuple(int(fields.get(k, "0 kB").split()[0]) for k in ("RssAnon", "RssFile"))  # type: ignore[return-value]


def measure(store: Path, data: Path, *, interval: float, trace: bool) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(store), str(data)]
    if trace:
        cmd.append("--tracemalloc")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    marks: list[dict[str, Any]] = []
    progress: list[dict[str, Any]] = []
    done: dict[str, Any] = {}

    def read() -> None:
        for line in proc.stdout:  # type: ignore[union-attr]
            if not line.startswith("{"):
                continue
            try:
                item = json.loads(line)
            except ValueError:  # two processes' lines run together (the build's forked child)
                continue
            if "phase" in item:
                # A phase's first start: a step met again in another process of the build
                # (the state written by the first half, then by the end) does not begin one.
                if all(m["phase"] != item["phase"] for m in marks):
                    marks.append(item)
            elif "progress" in item:
                progress.append(item)
            elif item.get("done"):
                done.update(item)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    # t, main rss, tree rss, tree pss, processes, the largest process's rss, main's anon, file
    samples: list[tuple[float, int, int, int, int, int, int, int]] = []
    loads: list[float] = []
    stopped = False
    try:
        while proc.poll() is None:
            loads.append(os.getloadavg()[0])
            pids = process_tree(proc.pid)
            main = proc_kb(proc.pid, "VmRSS")
            each = [proc_kb(p, "VmRSS") for p in pids]
            pss = sum(proc_kb(p, "Pss", "smaps_rollup") for p in pids)
            anon, mapped = _anon_file_kb(proc.pid)
            samples.append(
                (time.time(), main, sum(each), pss, len(pids), max(each, default=0), anon, mapped)
            )
            time.sleep(interval)
    except KeyboardInterrupt:
        # Stopped before the build ended (a run too long for the time there is): the build is
        # interrupted, cleans up, and the phases it reached are written, marked incomplete.
        stopped = True
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    reader.join(timeout=10)
    if proc.returncode != 0 and not stopped:
        raise SystemExit(f"the build failed (exit code {proc.returncode})")
    if not samples:
        raise SystemExit("stopped before the first sample")
    phases: list[dict[str, Any]] = []
    starts = [(m["t"], m["phase"]) for m in marks]
    for i, (t0, name) in enumerate(starts):
        t1 = starts[i + 1][0] if i + 1 < len(starts) else float("inf")
        inside = [s for s in samples if t0 <= s[0] < t1]
        phase: dict[str, Any] = {"phase": name, "seconds": round(min(t1, time.time()) - t0, 1)}
        if inside:
            phase.update(
                main_rss_mb=round(max(s[1] for s in inside) / 1024, 1),
                tree_rss_mb=round(max(s[2] for s in inside) / 1024, 1),
                tree_pss_mb=round(max(s[3] for s in inside) / 1024, 1),
                processes=max(s[4] for s in inside),
                largest_process_rss_mb=round(max(s[5] for s in inside) / 1024, 1),
                main_rss_anon_mb=round(max(s[6] for s in inside) / 1024, 1),
                main_rss_file_mb=round(max(s[7] for s in inside) / 1024, 1),
            )
        for key in ("python_mb", "python_peak_mb", "top"):
            if key in marks[i]:
                phase[f"{key}_at_start"] = marks[i][key]
        phases.append(phase)
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        # False: stopped before the build ended; its last phase ends where it was stopped.
        "complete": not stopped,
        "build": done,
        # The build process's CPU is in "build"; this adds its workers' (every process waited).
        "cpu_seconds_with_workers": round(used.ru_utime + used.ru_stime, 1),
        "load_average_1min_during": [round(min(loads), 1), round(max(loads), 1)] if loads else None,
        "phases": phases,
        "peak_main_rss_mb": round(max(s[1] for s in samples) / 1024, 1),
        "peak_tree_rss_mb": round(max(s[2] for s in samples) / 1024, 1),
        "peak_tree_pss_mb": round(max(s[3] for s in samples) / 1024, 1),
        # Any one process of the build (since the first half of a full build runs in a child
        # of the build process, the build process alone no longer holds its peak).
        "peak_largest_process_rss_mb": round(max(s[5] for s in samples) / 1024, 1),
        "progress": [p["progress"] for p in progress],
    }


def _commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        )
    except OSError:
        return None
    return out.stdout.strip() or None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        _child(argv[1], argv[2], "--tracemalloc" in argv)
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True, help="a data folder (generate.py)")
    parser.add_argument("--store", type=Path, help="where to build (default: a temporary folder)")
    parser.add_argument("--interval", type=float, default=0.25, help="seconds between samples")
    parser.add_argument("--tracemalloc", action="store_true", help="trace Python's allocations")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    # SIGTERM as Ctrl-C: either stops the build and writes the phases it reached.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    appeals = sum(1 for _ in (args.corpus / "cases").glob("*.yaml"))
    out = args.out or ROOT / "bench" / "results" / f"memory-{appeals}.json"
    work = Path(tempfile.mkdtemp(prefix="kg-bench-memory-"))
    try:
        store = args.store or work / "store"
        figures: dict[str, Any] = {
            "appeals": appeals,
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
            "commit": _commit(),
            "corpus": args.corpus.name,
            "load_average_at_start": os.getloadavg(),
            "tracemalloc": args.tracemalloc,
        }
        figures.update(measure(store, args.corpus, interval=args.interval, trace=args.tracemalloc))
        figures["load_average_at_end"] = os.getloadavg()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    for phase in figures["phases"]:
        print(json.dumps({k: v for k, v in phase.items() if k != "top_at_start"}), file=sys.stderr)
    print(f"wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
