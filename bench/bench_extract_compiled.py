"""Extraction with ``kg.extract`` compiled by Cython, by turns with the plain tree.

    .venv/bin/python bench/bench_extract_compiled.py --build DIR [--rounds 6] [--appeals 300]
        [--corpus DIR] [--skip-build] [--out FILE]

The modules of ``kg/extract`` are plain Python, and the interpreter's bytecode loop is the
largest single share of an appeal's instructions (``bench/README.md``, "Extraction speed").
Cython compiles the same files, unchanged, into extension modules. This copies this tree's
``kg`` package and ``bench`` folder to ``DIR``, compiles each module of ``DIR/kg/extract``
in place (``cythonize -i -3``; a module Cython cannot compile stays plain and is listed),
links the project's other files beside them (``kg`` reads its ontology from there), then
extracts the same varied copies of the corpus texts (``bench_extract.vary``) with each tree in
a child process, the two trees by turns, and records the CPU time and peak resident memory of
each run. Nothing in the project imports the compiled copy: it measures what compiling would
give. ``tools/dump_extract.py OUT --tree DIR`` writes its records to compare with the plain
tree's; ``bench/profile_extract.py`` run from ``DIR/bench`` counts its instructions.

Needs Cython in the interpreter that runs this (``.venv/bin/pip install cython``) and a C
compiler; compiling takes some minutes of CPU. Results go to
``bench/results/extract-compiled.json`` (commit, corpus, load before and after each round).

Exit codes: 0 measured; 2 bad arguments, no Cython, or nothing compiled.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from runinfo import commit  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
OUT = ROOT / "bench" / "results" / "extract-compiled.json"

#: Run in a child: extract ``n`` varied copies with ``kg`` imported from the tree given, print
#: the CPU seconds, the peak resident memory and which modules were extension modules.
CHILD = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
sys.path.insert(1, str(Path(sys.argv[1]) / "bench"))
from kg.extract import extract_case
from bench_extract import vary
texts = [f.read_text(encoding="utf-8") for f in sorted(Path(sys.argv[2]).glob("*.txt"))]
n = int(sys.argv[3])
inputs = [vary(texts[i % len(texts)], i) for i in range(n)]
extract_case(inputs[0], appeal_id="warmup")
cpu = time.process_time()
for i, text in enumerate(inputs):
    extract_case(text, appeal_id=f"bench-{i}")
cpu = time.process_time() - cpu
print(json.dumps({
    "cpu_seconds": round(cpu, 3),
    "appeals_per_cpu_second": round(n / cpu, 1),
    "max_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    "extension_modules": sum(
        1 for m in list(sys.modules) if m.startswith("kg.extract.")
        and str(getattr(sys.modules[m], "__file__", "")).endswith(".so")
    ),
}))
"""


def build(dest: Path) -> tuple[list[str], list[str]]:
    """Copy ``kg`` and ``bench`` to ``dest``, link the rest, compile the modules of
    ``kg/extract`` there; returns the modules compiled and those left plain."""
    try:
        import Cython  # noqa: F401
    except ImportError:
        raise ValueError("Cython is not installed here (.venv/bin/pip install cython)") from None
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    skip = shutil.ignore_patterns("__pycache__", "*.so", "*.c")
    for name in ("kg", "bench"):
        shutil.copytree(ROOT / name, dest / name, ignore=skip)
    files = sorted(
        str(p.relative_to(dest))
        for p in (dest / "kg" / "extract").glob("*.py")
        if p.name != "__init__.py"
    )
    subprocess.run(
        [sys.executable, "-m", "Cython.Build.Cythonize", "-i", "-3", "-k", "-j", "2", *files],
        cwd=dest,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    # linked only now: the compiler's build step would read the project's pyproject.toml
    for entry in sorted(ROOT.iterdir()):
        if not entry.name.startswith(".") and not (dest / entry.name).exists():
            (dest / entry.name).symlink_to(entry)
    done = [f for f in files if list(dest.glob(f[: -len(".py")] + ".*.so"))]
    return [Path(f).stem for f in done], [Path(f).stem for f in files if f not in done]


def run_tree(tree: Path, corpus: Path, n: int) -> dict:
    """One child's run over ``n`` varied copies with ``kg`` from ``tree``."""
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(tree), str(corpus), str(n)],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        last = (out.stderr.strip().splitlines() or ["no output"])[-1]
        raise ValueError(f"extraction with {tree} failed: {last}")
    return json.loads(out.stdout)


def _median(values: list[float]) -> float:
    s = sorted(values)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else round((s[mid - 1] + s[mid]) / 2, 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="Exit codes: 0 measured; 2 bad arguments, no Cython, or nothing compiled.",
    )
    parser.add_argument("--build", type=Path, required=True, help="folder for the compiled copy")
    parser.add_argument("--skip-build", action="store_true", help="measure DIR as it stands")
    parser.add_argument("--rounds", type=int, default=6, help="turns of each tree (6)")
    parser.add_argument("--appeals", type=int, default=300, help="appeals a run (300)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of appeal texts")
    parser.add_argument("--out", type=Path, default=OUT, help="results file")
    args = parser.parse_args(argv)
    if args.rounds < 1 or args.appeals < 1:
        parser.error("--rounds and --appeals must be at least 1")
    if not args.corpus.is_dir() or not any(args.corpus.glob("*.txt")):
        parser.error(f"--corpus: no appeal texts (*.txt) in {args.corpus}")
    if args.build.resolve() == ROOT or ROOT in args.build.resolve().parents:
        parser.error(f"--build: must be outside this tree: {args.build}")
    try:
        if args.skip_build:
            if not (args.build / "kg" / "extract").is_dir():
                raise ValueError(f"--build: no kg/extract in {args.build}")
            compiled = sorted(
                p.name.split(".")[0] for p in (args.build / "kg" / "extract").glob("*.so")
            )
            plain = []
        else:
            start = time.process_time()
            compiled, plain = build(args.build)
            sys.stderr.write(
                f"compiled {len(compiled)} modules ({time.process_time() - start:.0f} s CPU "
                "in this process, the compiler's own not counted)\n"
            )
        if not compiled:
            raise ValueError(f"no module of kg/extract compiled in {args.build}")
        load = [round(os.getloadavg()[0], 2)]
        runs: dict[str, list[dict]] = {"plain": [], "compiled": []}
        for _ in range(args.rounds):
            runs["plain"].append(run_tree(ROOT, args.corpus, args.appeals))
            runs["compiled"].append(run_tree(args.build, args.corpus, args.appeals))
            load.append(round(os.getloadavg()[0], 2))
    except ValueError as e:
        print(f"Error: {e}", file=sys.stderr)
        return 2
    result = {
        "command": "bench/bench_extract_compiled.py --build DIR"
        + f" --rounds {args.rounds} --appeals {args.appeals}",
        "commit": commit(ROOT, "kg") or "unknown",
        "corpus": os.path.relpath(args.corpus.resolve(), ROOT),
        "load_average_1min": load,
        "compiled_modules": compiled,
        "plain_modules": plain,
        "runs": runs,
        "median_appeals_per_cpu_second": {
            k: _median([r["appeals_per_cpu_second"] for r in v]) for k, v in runs.items()
        },
        "targets": {"appeals_per_second": 100, "max_rss_mib": 200},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(result, indent=2) + "\n")
    tmp.replace(args.out)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
