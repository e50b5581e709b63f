"""Run a command and sample, each second, how many cores the machine keeps busy and the resident
memory of the command's processes: where a build leaves a core idle, and its peak summed over
its processes at once (``/usr/bin/time`` gives the largest single process only), both as
resident memory and, every five seconds, as proportional set size (PSS: a page that processes
forked from one another share counts once over them, where their resident sizes count it in
each).

    .venv/bin/python bench/sample_cores.py --out F -- \
        .venv/bin/python bench/profile_build.py DATA STORE --out P

Writes ``F`` (JSON): the command, its exit code and wall time, ``busy_cores`` (one value a
second: the machine's busy jiffies over the second, in cores; other work on the machine counts
too, so run it on an idle machine), ``idle_stretches`` (runs of at least ten seconds with under
1.3 cores busy: start second, length, mean cores), the resident memory and the PSS of the
command and the processes below it, summed, at their peaks and when, and the largest processes'
own resident peaks.
Linux only (reads ``/proc``). Exit codes: the command's; 2 when no command is given.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from runinfo import proc_kb, process_tree  # noqa: E402

IDLE_BELOW = 1.3  # cores: a second with less busy counts toward an idle stretch
STRETCH = 10  # seconds: the shortest stretch reported
PSS_EVERY = 5  # seconds between PSS samples (smaps_rollup walks a process's pages), first at 1


def _jiffies() -> tuple[int, int]:
    with open("/proc/stat", encoding="ascii") as f:
        values = [int(v) for v in f.readline().split()[1:]]
    return sum(values), values[3] + values[4]  # all, idle + iowait


def idle_stretches(busy: list[float]) -> list[dict[str, float]]:
    """Runs of :data:`STRETCH` seconds or more with under :data:`IDLE_BELOW` cores busy."""
    out, start = [], None
    for n, cores in enumerate([*busy, IDLE_BELOW]):
        if cores < IDLE_BELOW and n < len(busy):
            start = n if start is None else start
            continue
        if start is not None and n - start >= STRETCH:
            part = busy[start:n]
            out.append(
                {"start": start, "seconds": n - start, "cores": round(sum(part) / len(part), 2)}
            )
        start = None
    return out


def sample(command: list[str], cores: int | None = None) -> dict[str, Any]:
    cores = cores or os.cpu_count() or 1
    started = time.perf_counter()
    child = subprocess.Popen(command)  # noqa: S603 - the caller's own command
    busy: list[float] = []
    own: dict[int, int] = {}
    peak_sum, peak_at = 0, 0
    peak_pss, pss_at = 0, 0
    before = _jiffies()
    while child.poll() is None:
        time.sleep(1)
        now = _jiffies()
        total, idle = now[0] - before[0], now[1] - before[1]
        busy.append(round(cores * (total - idle) / max(total, 1), 2))
        before = now
        summed = 0
        for pid in process_tree(child.pid):
            rss = proc_kb(pid, "VmRSS")
            summed += rss
            own[pid] = max(own.get(pid, 0), rss)
        if summed > peak_sum:
            peak_sum, peak_at = summed, len(busy)
        if len(busy) % PSS_EVERY == 1 % PSS_EVERY:
            pss = sum(proc_kb(pid, "Pss", "smaps_rollup") for pid in process_tree(child.pid))
            if pss > peak_pss:
                peak_pss, pss_at = pss, len(busy)
    return {
        "command": command,
        "exit_code": child.returncode,
        "wall_seconds": round(time.perf_counter() - started, 1),
        "busy_cores": busy,
        "idle_stretches": idle_stretches(busy),
        "peak_summed_rss_mb": round(peak_sum / 1024),
        "peak_summed_at_second": peak_at,
        "peak_summed_pss_mb": round(peak_pss / 1024),
        "peak_pss_at_second": pss_at,
        "process_peaks_mb": sorted((round(v / 1024) for v in own.values()), reverse=True)[:8],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command to run (give it after --)")
    found = sample(command)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(args.out.suffix + ".tmp")
    tmp.write_text(json.dumps(found, indent=1) + "\n", encoding="utf-8")
    tmp.replace(args.out)
    print(
        f"{found['wall_seconds']} s; idle stretches {found['idle_stretches']}; summed peak "
        f"{found['peak_summed_rss_mb']} MB resident, {found['peak_summed_pss_mb']} MB PSS"
    )
    sys.exit(found["exit_code"])


if __name__ == "__main__":
    main()
