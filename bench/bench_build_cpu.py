"""CPU of a full build beside Oxigraph's own bulk load of the same quads.

On a machine shared with other work, wall time says more about the neighbours than about the
code; the CPU time a step takes (user + system, its worker processes included) does not. This
runs, each in a child process:

1. ``kg build --full`` of a generated corpus into a new store (wall and CPU time, peak memory);
2. Oxigraph's ``bulk_load`` of that store's N-Quads (dumped beforehand, not timed) into a new
   store -- the floor the build is compared with;

and writes ``bench/results/build-cpu-<N>.json`` (or ``--out FILE``) with both, their ratio and
the load average before and after. ``--repo DIR`` runs the ``kg`` package of another checkout
(an older commit, say) on the same corpus, for a before/after with the same command.

    python bench/bench_build_cpu.py --size 1000 --corpus /tmp/corpus-1k
    python bench/bench_build_cpu.py --size 1000 --corpus /tmp/corpus-1k --repo ../old --out X.json
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

_BUILD = "import sys; from kg.cli import main; sys.argv = ['kg', *sys.argv[1:]]; main()"
_BULK = (
    "import sys, pyoxigraph as ox; "
    "ox.Store(sys.argv[1]).bulk_load(path=sys.argv[2], format=ox.RdfFormat.N_QUADS)"
)


def timed(args: list[str], cwd: Path) -> dict[str, Any]:
    """Run a child process; its wall time, CPU time (its own children included) and peak RSS."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args[:4])}...: exit {done.returncode}\n{done.stderr[-2000:]}")
    return {
        "wall_s": round(wall, 2),
        "cpu_s": round((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), 2),
        "peak_mb": round(after.ru_maxrss / 1024),  # the largest child so far
    }


def run(size: int, corpus: Path, repo: Path, seed: int) -> dict[str, Any]:
    if not (corpus / "cases").is_dir():
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "generate.py"), str(size), str(corpus),
             "--seed", str(seed)],
            check=True,
        )  # fmt: skip
    appeals = sum(1 for _ in (corpus / "cases").glob("*.yaml"))
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bench-build-cpu-") as tmp:
        store = Path(tmp) / "store"
        build = timed(
            [sys.executable, "-c", _BUILD, "build", "--full", "--data", str(corpus),
             "--store", str(store)],
            repo,
        )  # fmt: skip
        import pyoxigraph as ox

        full = next(p for p in store.rglob("full") if p.is_dir())
        nq = Path(tmp) / "full.nq"
        source = ox.Store.read_only(str(full))
        source.dump(str(nq), format=ox.RdfFormat.N_QUADS)
        quads = len(source)
        del source
        bulk = timed([sys.executable, "-c", _BULK, str(Path(tmp) / "bulk"), str(nq)], ROOT)
        shutil.rmtree(store, ignore_errors=True)
    return {
        "appeals": appeals,
        "quads": quads,
        "repo": repo.name,
        "build": build,
        "bulk_load": bulk,
        "ratio_cpu": round(build["cpu_s"] / bulk["cpu_s"], 2),
        "ratio_wall": round(build["wall_s"] / bulk["wall_s"], 2),
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in os.getloadavg()],
        "cpus": os.cpu_count(),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--corpus", type=Path, help="corpus folder (generated when it has none)")
    ap.add_argument("--repo", type=Path, default=ROOT, help="checkout whose kg package builds")
    ap.add_argument("--out", type=Path)
    a = ap.parse_args()
    corpus = a.corpus or Path(tempfile.gettempdir()) / f"bench-corpus-{a.size}-{a.seed}"
    result = run(a.size, corpus, a.repo.resolve(), a.seed)
    out = a.out or ROOT / "bench" / "results" / f"build-cpu-{a.size}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
