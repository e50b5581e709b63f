"""Memory and CPU of a full build's first half, and a hash of what it wrote:
``results/memory-front-N-COMMIT.json``.

    .venv/bin/python bench/bench_front_memory.py --corpus DIR --store STORE --out FILE

The first half (records parsed, identity resolution, the graphs written as N-Quads, identity's
state: what :mod:`kg.store.apart` runs in a child process of the build) runs here, in this
process, as in that child, with the build's two workers forked from it. Resident memory is
sampled every 0.5 s from ``/proc`` with the progress line it came under; the peak (and
``ru_maxrss``), the CPU of this process and of its workers, and the load average are written
before the output is hashed. The hashes (the N-Quads files to load, sorted, blank node labels
masked; the clusters and review rows; the fingerprints, with the code's own hash fixed) let two
codes be compared: equal hashes, the same first half. The store is not kept (the second half
does not run).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _rss_mb() -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) // 1024
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--store", type=Path, required=True, help="a folder that is not a store")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from identitylib import identity_sha256

    import kg.store.stream as stream
    from kg.files import replacing_folder
    from kg.store.build import ONTOLOGY_DIR
    from kg.store.workers import WorkerPool

    stream.recipe_hash = lambda: "fixed"  # fingerprints compared across codes
    phase, peak = ["start"], {"rss_mb": 0, "phase": "start"}
    samples: list[tuple[float, int, str]] = []

    def sample() -> None:
        while True:
            rss = _rss_mb()
            if rss > peak["rss_mb"]:
                peak.update(rss_mb=rss, phase=phase[0])
            if not samples or samples[-1][2] != phase[0]:
                samples.append((round(time.process_time(), 1), rss, phase[0]))
            time.sleep(0.5)

    def say(line: str) -> None:
        phase[0] = line
        print(line, file=sys.stderr, flush=True)

    threading.Thread(target=sample, daemon=True).start()
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    out: dict[str, object] = {"corpus": args.corpus.name, "commit": commit}
    out["load_average_at_start"] = os.getloadavg()
    wall, cpu = time.time(), time.process_time()
    with stream.spill_folder(args.store) as spill, WorkerPool(2) as workers:
        with replacing_folder(args.store) as folder:
            front = stream._build_kept(
                args.store, args.corpus, ONTOLOGY_DIR, spill, incremental=False,
                workers=workers, say=say, started=time.perf_counter(), into=folder,
            )  # fmt: skip
            children = resource.getrusage(resource.RUSAGE_CHILDREN)
            out.update(
                cpu_seconds=round(time.process_time() - cpu, 1),
                workers_cpu_seconds=round(children.ru_utime + children.ru_stime, 1),
                wall_seconds=round(time.time() - wall, 1),
                load_average_at_end=os.getloadavg(),
                peak_rss_mb=peak["rss_mb"], peak_phase=peak["phase"],
                ru_maxrss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                phases=[{"cpu_seconds": c, "rss_mb": r, "from": p} for c, r, p in samples],
            )  # fmt: skip
            masked = folder / "masked.nq"
            with open(masked, "w", encoding="utf-8") as f:
                for batch in front.batches:
                    with open(batch, encoding="utf-8") as lines:
                        for line in lines:
                            f.write(re.sub(r"_:\S+", "_:_", line))
            ordered = subprocess.run(
                ["sort", str(masked)], capture_output=True, env={**os.environ, "LC_ALL": "C"},
                check=True,
            ).stdout  # fmt: skip
            out["quads"] = ordered.count(b"\n")
            out["nquads_sha256"] = hashlib.sha256(ordered).hexdigest()
            r = front.result
            out["identity_sha256"] = identity_sha256(r.identity_clusters, r.identity_review)
            out["fingerprints_sha256"] = hashlib.sha256(
                json.dumps(front.fingerprints, sort_keys=True).encode()
            ).hexdigest()
            args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
            print(json.dumps({k: v for k, v in out.items() if k != "phases"}))
            raise SystemExit(0)  # the new generation is not kept


if __name__ == "__main__":
    main()
