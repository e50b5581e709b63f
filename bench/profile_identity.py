"""CPU of a full build's identity resolution, in place: ``results/identity-cpu-N-COMMIT.json``.

    nice -n 5 .venv/bin/python bench/profile_identity.py --corpus DIR --store S --out FILE
    nice -n 5 .venv/bin/python bench/profile_identity.py ... --profile P   # under cProfile

A full build's first half runs in this process (as :mod:`kg.store.apart`'s child runs it, with
the build's two workers) up to identity resolution: the records parsed, their identity items
kept on disk. Then :func:`kg.record.identity_index.resolve_with_index` runs as the build runs
it (items read back from the spill files, the key table in SQLite) and its CPU time
(``time.process_time``), wall time and the load average are written with a hash of the clusters
and review rows, and the run stops there (nothing is built). With ``--profile``, cProfile
times it by CPU (not wall, which the load would fill) and its statistics go to ``P``; the
CPU written is then the profiled run's.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


class _Stop(Exception):
    """Raised once identity is resolved: the build goes no further."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--store", type=Path, required=True, help="a folder that is not a store")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--profile", type=Path, help="cProfile statistics (CPU time) to here")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from identitylib import identity_sha256

    import kg.store.stream as stream
    from kg.files import replacing_folder
    from kg.store.build import ONTOLOGY_DIR
    from kg.store.workers import WorkerPool

    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    out: dict[str, Any] = {"corpus": args.corpus.name, "commit": commit}
    resolve = stream.resolve_with_index

    def measured(*a: Any, **k: Any) -> Any:
        profile = cProfile.Profile(time.process_time) if args.profile else None
        out["load_average_at_start"] = os.getloadavg()
        cpu, wall = time.process_time(), time.time()
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        if profile is not None:
            profile.enable()
        resolution, index = resolve(*a, **k)
        if profile is not None:
            profile.disable()
            profile.dump_stats(str(args.profile))
        reaped = resource.getrusage(resource.RUSAGE_CHILDREN)
        out.update(
            cpu_seconds=round(time.process_time() - cpu, 2),
            # the processes that solved parts (forked and reaped inside the call; the build's
            # workers are still running, so none of theirs is counted)
            children_cpu_seconds=round(
                reaped.ru_utime + reaped.ru_stime - children.ru_utime - children.ru_stime, 2
            ),
            wall_seconds=round(time.time() - wall, 1),
            load_average_at_end=os.getloadavg(),
            profiled=profile is not None,
            items=len(a[0]),
            clusters=len(resolution.clusters),
            review_rows=len(resolution.review_rows),
            ru_maxrss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
            # the largest of the processes reaped so far (the ones that solved parts)
            children_maxrss_mb=reaped.ru_maxrss // 1024,
        )
        out["identity_sha256"] = identity_sha256(resolution.clusters, resolution.review_rows)
        raise _Stop

    stream.resolve_with_index = measured
    say = lambda line: print(line, file=sys.stderr, flush=True)  # noqa: E731
    try:
        with stream.spill_folder(args.store) as spill, WorkerPool(2) as workers:
            with replacing_folder(args.store) as folder:
                stream._build_kept(
                    args.store, args.corpus, ONTOLOGY_DIR, spill, incremental=False,
                    workers=workers, say=say, started=time.perf_counter(), into=folder,
                )  # fmt: skip
    except _Stop:
        pass
    args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(out))


if __name__ == "__main__":
    main()
