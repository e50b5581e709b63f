"""Disk use of a build, byte by byte: what each part of a store takes per appeal, what the
previous generation kept beside the current one adds, and the peak during a build.

    .venv/bin/python bench/generate.py 1000 /tmp/disk/data-1000
    .venv/bin/python bench/bench_disk.py /tmp/disk/data-1000 --store /tmp/disk/kg-1000
    # -> bench/results/disk-1000.json (--label L: disk-1000-L.json)

Three builds of the same data, each ``kg build`` in a child process while this process walks
the store's folder (``.<store>.d``, where every generation, the shared export files, the
spill files and the build's temporary files live) every ``--interval`` seconds and records
the largest total it saw (allocated blocks, each inode once, so that hard-linked files count
once):

1. ``full``: a build into an empty store (one generation);
2. ``incremental``: ``--mutate`` of the records changed (``bench/generate.py --mutate``,
   in a copy of the data unless ``--in-place``), then ``kg build``: the new generation
   hard-links what it did not change, and the previous generation is kept for readers;
3. ``rebuild``: ``kg build --full`` over that: every graph written again, the previous
   generation kept beside it: the most a store takes between builds.

After each, the store is accounted part by part: in the current generation, ``full/`` (the
store), ``public/`` (what it does not share with ``full/`` by hard links), ``export/``
(manifest, VoID table), each SQLite file, pickle and JSON file; the SQLite files kept beside
the generations (``kept/``, by the role the current generation names them with); the shared
export files the current generation lists, by suffix (``.nq``, ``.ttl``, ``.void``, VoID
segments); then what only the previous generation holds (its store files and its export
files), and anything else (temporary files a killed build left). Bytes are allocated bytes
(``st_blocks``), as ``du`` counts them; ``apparent`` gives the files' sizes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
KG = [str(Path(sys.executable).with_name("kg"))]


def _walk(path: Path) -> list[tuple[Path, os.stat_result]]:
    """Every file under ``path`` (not following links) with its stat; vanished files skipped."""
    out: list[tuple[Path, os.stat_result]] = []
    todo = [path]
    while todo:
        folder = todo.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for e in entries:
            try:
                if e.is_dir(follow_symlinks=False):
                    todo.append(Path(e.path))
                elif e.is_file(follow_symlinks=False):
                    out.append((Path(e.path), e.stat(follow_symlinks=False)))
            except OSError:
                continue
    return out


def disk_total(path: Path) -> tuple[int, dict[str, int]]:
    """Allocated bytes under ``path``, each inode once, and by top-level entry."""
    seen: set[tuple[int, int]] = set()
    total = 0
    top: dict[str, int] = {}
    for p, st in _walk(path):
        key = (st.st_dev, st.st_ino)
        if key in seen:
            continue
        seen.add(key)
        size = st.st_blocks * 512
        total += size
        name = p.relative_to(path).parts[0]
        kind = name.split("-", 1)[0] if name.startswith((".new-", "g-")) else name
        top[kind] = top.get(kind, 0) + size
    return total, top


class Sampler:
    """Walks ``path`` every ``interval`` seconds in a thread; keeps the largest total seen."""

    def __init__(self, path: Path, interval: float) -> None:
        self.path, self.interval = path, interval
        self.peak, self.peak_parts, self.samples = 0, {}, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def sample(self) -> None:
        total, parts = disk_total(self.path)
        self.samples += 1
        if total > self.peak:
            self.peak, self.peak_parts = total, parts

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()


def _manifest_files(generation: Path) -> set[str]:
    """The shared export files' names (without suffix) a generation's manifest lists, and its
    VoID table segments."""
    names: set[str] = set()
    try:
        manifest = json.loads((generation / "export" / "manifest.json").read_text())
        names |= {str(row[3]) for row in manifest["graphs"] if len(row) > 3}
    except (OSError, ValueError, KeyError):
        pass
    try:
        table = json.loads((generation / "export" / "void-table.json").read_text())
        names |= {str(s).split(".", 1)[0] for s in table["segments"]}
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return names


def account(store: Path) -> dict[str, Any]:
    """Every byte of the store ``store`` (a generation pointer) in one part, each inode once:
    the current generation's parts first, then the export files it lists, then what only the
    previous generation holds, then the rest."""
    home = store.parent / f".{store.name}.d"
    current = store.resolve()
    files = _walk(home)
    seen: set[tuple[int, int]] = set()
    parts: dict[str, dict[str, int]] = {}
    listed = _manifest_files(current)
    try:  # the SQLite files kept beside the generations (kg/store/kept.py), by role
        summary = json.loads((current / "build-state.json").read_text()).get("kept", {})
        roles = {str(name): str(role) for role, name in summary.items()}
    except (OSError, ValueError, AttributeError):
        roles = {}

    def put(part: str, st: os.stat_result) -> None:
        key = (st.st_dev, st.st_ino)
        if key in seen:
            return
        seen.add(key)
        row = parts.setdefault(part, {"bytes": 0, "apparent": 0, "files": 0})
        row["bytes"] += st.st_blocks * 512
        row["apparent"] += st.st_size
        row["files"] += 1

    def rank(item: tuple[Path, os.stat_result]) -> tuple[int, str]:
        rel = item[0].relative_to(home)
        top = rel.parts[0]
        if item[0].is_relative_to(current):
            sub = rel.parts[1] if len(rel.parts) > 2 else ""
            return (0 if sub == "full" else 1 if sub != "public" else 2), str(rel)
        if top == "export-files":
            return 3 if item[0].name.split(".", 1)[0] in listed else 5, str(rel)
        if top.startswith("g-"):
            return 4, str(rel)
        return 6, str(rel)

    for p, st in sorted(files, key=rank):
        rel = p.relative_to(home)
        top = rel.parts[0]
        if p.is_relative_to(current):
            part = rel.parts[1]
            parts_key = f"generation/{part}/" if len(rel.parts) > 2 else f"generation/{part}"
            put(parts_key, st)
        elif top == "export-files":
            stem, _, suffix = p.name.partition(".")
            if stem in listed:
                put(f"export-files/.{suffix}", st)
            else:
                put("previous/export-files", st)
        elif top.startswith("g-"):
            put("previous/" + (rel.parts[1] + "/" if len(rel.parts) > 2 else rel.parts[1]), st)
        elif top == "kept":
            base = p.name.split("-wal")[0].split("-shm")[0].split("-journal")[0]
            put(f"kept/{roles[base]}" if base in roles else "kept/not the current's", st)
        else:
            put("other/" + top, st)
    total = sum(r["bytes"] for r in parts.values())
    return {"bytes": total, "parts": dict(sorted(parts.items()))}


def run_build(store: Path, data: Path, interval: float, *extra: str) -> dict[str, Any]:
    """``kg build`` in a child process, the store's folder sampled meanwhile."""
    home = store.parent / f".{store.name}.d"
    home.mkdir(parents=True, exist_ok=True)
    before, _ = disk_total(home)
    cmd = [*KG, "build", "--store", str(store), "--data", str(data), *extra]
    started = time.perf_counter()
    with Sampler(home, interval) as sampler:
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    after = account(store)
    return {
        "command": " ".join(["kg build --store STORE --data DATA", *extra]),  # no machine path
        "wall_seconds": round(wall, 1),
        "bytes_before": before,
        "peak_bytes": sampler.peak,
        "peak_parts": dict(sorted(sampler.peak_parts.items())),
        "samples": sampler.samples,
        "after": after,
    }


def count_appeals(data: Path) -> int:
    return sum(1 for _ in (data / "cases").glob("*.yaml")) + sum(
        1 for _ in (data / "extracted").glob("*.yaml")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="data folder (bench/generate.py output)")
    parser.add_argument("--store", type=Path, required=True, help="store to build (replaced)")
    parser.add_argument("--mutate", type=float, default=0.01, help="fraction changed (step 2)")
    parser.add_argument("--in-place", action="store_true", help="mutate the data folder itself")
    parser.add_argument("--interval", type=float, default=0.5, help="seconds between samples")
    parser.add_argument("--steps", default="full,incremental,rebuild")
    parser.add_argument("--label", default="")
    parser.add_argument("--out", type=Path, help="results file (default bench/results/...)")
    args = parser.parse_args(argv)
    data = args.data.resolve()
    store = args.store.absolute()
    n = count_appeals(data)
    home = store.parent / f".{store.name}.d"
    steps = args.steps.split(",")
    if "full" in steps:
        shutil.rmtree(home, ignore_errors=True)
        store.unlink(missing_ok=True)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    res: dict[str, Any] = {"appeals": n, "commit": commit, "load_before": os.getloadavg()}
    name = f"disk-{n}" + (f"-{args.label}" if args.label else "") + ".json"
    out = args.out or ROOT / "bench" / "results" / name

    def save() -> None:
        out.write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")

    for step in steps:
        if step == "full":
            res["full"] = run_build(store, data, args.interval)
        elif step == "incremental":
            if not args.in_place:
                copy = store.parent / f"{store.name}-data"
                shutil.rmtree(copy, ignore_errors=True)
                shutil.copytree(data, copy)
                data = copy
            subprocess.run(
                [sys.executable, str(ROOT / "bench" / "generate.py"), str(n), str(data),
                 "--mutate", str(args.mutate)],
                check=True, capture_output=True,
            )  # fmt: skip
            res["incremental"] = run_build(store, data, args.interval)
            res["incremental"]["mutate"] = args.mutate
        elif step == "rebuild":
            res["rebuild"] = run_build(store, data, args.interval, "--full")
        else:
            parser.error(f"unknown step {step!r}")
        row = res[step]
        print(
            f"{step}: {row['wall_seconds']} s, peak {row['peak_bytes'] / 1e6:.0f} MB, after "
            f"{row['after']['bytes'] / 1e6:.0f} MB ({row['after']['bytes'] / n / 1e3:.0f} kB "
            "per appeal)",
            file=sys.stderr,
        )
        save()
    res["load_after"] = os.getloadavg()
    save()
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
