"""The full build beside Virtuoso's and Oxigraph's bulk loads of the same N-Quads, in one run.

    nice -n 5 .venv/bin/python bench/bench_baseline.py --corpus DATA --work DIR --out FILE
    nice -n 5 .venv/bin/python bench/bench_baseline.py --store STORE --work DIR --out FILE

One after the other, on one machine at the load there is (recorded before and after each step):

1. ``kg build`` of ``--corpus`` (a folder ``bench/generate.py N DIR`` made) into a new store
   under ``--work``, run under ``/usr/bin/time -v``: its wall time, its CPU time (user and
   system of the command, its child and its workers, all waited for) and its peak memory; with
   ``--store`` instead, a store built before is read and no build is timed;
2. the store's public N-Quads written to one file by Oxigraph (timed apart; not part of any
   load);
3. Oxigraph's own bulk load of that file into a new store (a child process under
   ``/usr/bin/time -v``, as the build);
4. Virtuoso's bulk load of the same file (``ld_dir``, ``rdf_loader_run``, a checkpoint) into a
   fresh database on loopback (``scripts/virtuoso.sh``): its wall time, and the CPU time its
   server process spent (every thread, read from /proc before and after, the checkpoint
   included) beside its ``isql`` client's.

The build makes more than the loaders do (case records read, identity resolved, rules derived,
the full and the public store, export files): the issue's target sets it against the load of
what it publishes. Ratios are given in CPU and in wall time; on a shared machine the wall time
is mostly the load's. Virtuoso is stopped and its folder, the N-Quads file and Oxigraph's store
deleted at the end (the built store too, unless ``--keep-store``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
TIME = "/usr/bin/time"


def parse_time_v(text: str) -> dict[str, float]:
    """Wall, CPU (user + system) and peak memory from the report of GNU ``time -v``."""
    fields: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, value = line.strip().rpartition(": ")
        if sep:
            fields[key] = value.strip()
    try:
        user = float(fields["User time (seconds)"])
        system = float(fields["System time (seconds)"])
        elapsed = fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"]
        peak_kb = int(fields["Maximum resident set size (kbytes)"])
    except (KeyError, ValueError) as e:
        raise ValueError(f"not a report of GNU time -v (no {e})") from None
    wall = 0.0
    for part in elapsed.split(":"):
        wall = wall * 60 + float(part)
    return {
        "wall_seconds": round(wall, 2),
        "cpu_seconds": round(user + system, 2),
        "user_seconds": user,
        "system_seconds": system,
        "peak_rss_mb": round(peak_kb / 1024, 1),
    }


def timed(cmd: list[str], report: Path) -> dict[str, Any]:
    """``cmd`` under ``/usr/bin/time -v`` (its report written to ``report``); its figures and
    the load average before and after. A failed command stops the benchmark with its stderr."""
    load = os.getloadavg()[0]
    run = subprocess.run(
        [TIME, "-v", "-o", str(report), *cmd], capture_output=True, text=True, check=False
    )
    if run.returncode != 0:
        raise SystemExit(
            f"Error: {' '.join(cmd[:3])} failed ({run.returncode}):\n{run.stderr[-2000:]}"
        )
    out: dict[str, Any] = parse_time_v(report.read_text(encoding="utf-8"))
    out["load_average"] = [round(load, 2), round(os.getloadavg()[0], 2)]
    report.unlink()
    return out


def oxigraph_load(nquads: str, folder: str) -> None:
    """The step run in a child process: Oxigraph's bulk load of one N-Quads file."""
    import pyoxigraph as ox

    store = ox.Store(folder)
    store.bulk_load(path=nquads, format=ox.RdfFormat.N_QUADS)
    store.flush()


def count_quads(folder: Path, *, read_only: bool = True) -> int:
    import pyoxigraph as ox

    store = ox.Store.read_only(str(folder)) if read_only else ox.Store(str(folder))
    return len(store)


def _remove_store(store: Path) -> None:
    """A store ``kg build`` made: its pointer and the generation folder beside it."""
    for p in (store, store.with_name(f".{store.name}.d")):
        if p.is_symlink():
            p.unlink()
        shutil.rmtree(p, ignore_errors=True)


def _commit() -> str | None:
    run = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    )
    return run.stdout.strip() or None if run.returncode == 0 else None


def ratios(res: dict[str, Any]) -> dict[str, Any]:
    """The build's CPU and wall time over each loader's (where both were measured)."""
    build = res.get("build")
    out: dict[str, Any] = {}
    if not build:
        return out
    virtuoso, oxigraph = res.get("virtuoso_bulk_load") or {}, res.get("oxigraph_bulk_load") or {}
    if virtuoso.get("server_cpu_seconds"):
        out["build_over_virtuoso_cpu"] = round(
            build["cpu_seconds"] / virtuoso["server_cpu_seconds"], 2
        )
    if virtuoso.get("bulk_load_seconds"):
        out["build_over_virtuoso_wall"] = round(
            build["wall_seconds"] / virtuoso["bulk_load_seconds"], 2
        )
    if oxigraph.get("cpu_seconds"):
        out["build_over_oxigraph_cpu"] = round(build["cpu_seconds"] / oxigraph["cpu_seconds"], 2)
    if oxigraph.get("wall_seconds"):
        out["build_over_oxigraph_wall"] = round(build["wall_seconds"] / oxigraph["wall_seconds"], 2)
    return out


def run(args: argparse.Namespace) -> dict[str, Any]:
    from bench_queries import _free_port, dump_nquads, load_nquads_virtuoso

    from kg.store.store import public_store_path, store_location

    work: Path = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    res: dict[str, Any] = {
        "commit": _commit(),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "load_average_at_start": round(os.getloadavg()[0], 2),
        "measured_as": "CPU and wall of each step; Virtuoso's CPU is its server process's",
    }

    def save() -> None:
        res["ratios"] = ratios(res)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")

    built = None
    if args.corpus is not None:
        cases = len(list((args.corpus / "cases").glob("*.yaml")))
        res["corpus"] = {"appeals": cases, "made_by": args.corpus_label}
        built = work / "store"
        for p in (built, work / ".store.d"):
            shutil.rmtree(p, ignore_errors=True)
        kg = str(Path(sys.executable).with_name("kg"))
        cmd = [kg, "build", "--store", str(built), "--data", str(args.corpus.resolve())]
        res["build"] = {"command": "kg build --store S --data DATA", **timed(cmd, work / "t")}
        store = built
        save()
    else:
        store = args.store
        res["corpus"] = {"store": args.corpus_label}
    public = public_store_path(store)
    res["quads"] = {
        "public": count_quads(public),
        "full": count_quads(store_location(store)),
    }
    save()

    env = dict(
        os.environ,
        VIRTUOSO_DIR=str(work / "virtuoso"),
        VIRTUOSO_HTTP_PORT=str(_free_port()),
        VIRTUOSO_SQL_PORT=str(_free_port()),
    )
    script = str(ROOT / "scripts" / "virtuoso.sh")
    ox_store = work / "oxigraph"
    try:
        started = subprocess.run(["bash", script, "start"], env=env, capture_output=True, text=True)
        if started.returncode != 0:
            raise SystemExit(f"Error: Virtuoso did not start: {started.stderr.strip()[-300:]}")
        pid = int((Path(env["VIRTUOSO_DIR"]) / "pid").read_text().strip())
        # the file both loaders read, in a folder Virtuoso may read (its own)
        nquads = Path(env["VIRTUOSO_DIR"]) / "public.nq"
        res["dump"] = dump_nquads(public, nquads)
        save()
        if built is not None and not args.keep_store:  # not needed past here: room on disk
            _remove_store(built)
        shutil.rmtree(ox_store, ignore_errors=True)
        cmd = [sys.executable, str(Path(__file__).resolve()), "--oxigraph-load"]
        cmd += [str(nquads), str(ox_store)]
        res["oxigraph_bulk_load"] = timed(cmd, work / "t")
        res["oxigraph_bulk_load"]["quads"] = count_quads(ox_store)
        shutil.rmtree(ox_store, ignore_errors=True)
        save()
        res["virtuoso_bulk_load"] = load_nquads_virtuoso(nquads, env["VIRTUOSO_SQL_PORT"], pid)
        save()
    finally:
        subprocess.run(["bash", script, "stop"], env=env, capture_output=True)
        shutil.rmtree(ox_store, ignore_errors=True)
        if built is not None and not args.keep_store:
            _remove_store(built)
    res["load_average_at_end"] = round(os.getloadavg()[0], 2)
    save()
    return res


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--oxigraph-load"]:
        oxigraph_load(argv[1], argv[2])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--corpus", type=Path, help="build this corpus (generate.py N DIR)")
    where.add_argument("--store", type=Path, help="a store built before: no build timed")
    parser.add_argument("--corpus-label", default=None, help="what the corpus is, as recorded")
    parser.add_argument("--work", type=Path, required=True, help="scratch folder")
    parser.add_argument("--out", type=Path, required=True, help="results file (JSON)")
    parser.add_argument("--keep-store", action="store_true", help="keep the store built")
    args = parser.parse_args(argv)
    if args.corpus is not None and not (args.corpus / "cases").is_dir():
        parser.error(f"--corpus {args.corpus}: no cases/ folder (make one with generate.py)")
    if args.store is not None and not args.store.exists():
        parser.error(f"--store {args.store}: no such store")
    if args.out.is_dir():
        parser.error(f"--out {args.out}: is a folder; give the results file to write")
    if shutil.which("virtuoso-t") is None:
        parser.error("virtuoso-t is not installed (scripts/virtuoso.sh install)")
    if not Path(TIME).exists():
        parser.error(f"{TIME} is not installed (GNU time)")
    sys.path.insert(0, str(ROOT))
    res = run(args)
    print(json.dumps(res.get("ratios", {})), file=sys.stderr)
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
