"""Benchmark: extract 1,000 appeals on one core and record throughput and peak memory.

The corpus texts are repeated with light variation (personal names swapped, years shifted) so
that no two inputs are identical. Writes ``bench/results/extract.json``.
Run on one core: ``taskset -c 0 .venv/bin/python bench/bench_extract.py [N]``. The results
state the commit, the corpus and the load of the machine at the start.

Exit codes: 0 measured; 2 bad arguments or no appeal texts to read.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from runinfo import add_split_option, appeal_texts, commit  # noqa: E402

sys.path.insert(0, str(ROOT))

from kg import __version__  # noqa: E402
from kg.extract import extract_case  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
FALLBACK = ROOT / "data" / "appeals"
FIRST = ["Anna", "Boris", "Carmen", "Dmitri", "Elena", "Farid", "Gulnara", "Hassan"]
LAST = ["Kowalski", "Ivanova", "Mendoza", "Osei", "Rahimov", "Santos", "Tanaka", "Yilmaz"]


def vary(text: str, i: int) -> str:
    """Shift years and rename the first person-like name so every input differs."""
    shift = i % 5
    text = re.sub(r"\b(19[5-9]\d|20[0-2]\d)\b", lambda m: str(int(m.group()) + shift), text)
    m = re.search(r"\b([A-Z][a-z]+) ([A-Z][a-z]{3,})\b(?= (?:is|was|received|has))", text)
    if m:
        text = text.replace(m.group(2), LAST[i % len(LAST)]).replace(
            m.group(1) + " ", FIRST[(i // 8) % len(FIRST)] + " "
        )
    return text


def measure(
    n: int = 1000, folder: Path | None = None, out: Path | None = None, split: str = "all"
) -> dict:
    """Extract ``n`` varied copies of the texts in ``folder`` and write the figures to ``out``
    (``bench/results/extract.json`` by default); ``split="dev"`` leaves out the texts of the
    corpus's test split."""
    if folder is None:
        folder = CORPUS if CORPUS.is_dir() else FALLBACK
    texts = [f.read_text(encoding="utf-8") for f in appeal_texts(folder, split)]
    if folder == FALLBACK:
        # the figures of a few texts repeated are not the corpus's: say so where it is seen
        sys.stderr.write(
            f"bench_extract: no corpus at {CORPUS}; measuring the {len(texts)} text(s) of "
            f"{_where(FALLBACK)} (give --corpus to choose)\n"
        )
    if not texts:
        raise ValueError(f"no appeal texts (*.txt) in {folder}")
    inputs = [vary(texts[i % len(texts)], i) for i in range(n)]
    extract_case(inputs[0], appeal_id="warmup")
    start, cpu_start = time.perf_counter(), time.process_time()
    for i, text in enumerate(inputs):
        extract_case(text, appeal_id=f"bench-{i}")
    elapsed = time.perf_counter() - start
    # CPU time of this process: on a shared, loaded machine the wall clock also counts the
    # time the core spent on other processes
    cpu = time.process_time() - cpu_start
    tracemalloc.start()
    for i, text in enumerate(inputs[: len(texts)]):
        extract_case(text, appeal_id=f"mem-{i}")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    result = {
        "command": "taskset -c 0 .venv/bin/python bench/bench_extract.py "
        + str(n)
        + ("" if folder in (CORPUS, FALLBACK) else f" --corpus {_where(folder)}")
        + ("" if split == "all" else f" --split {split}"),
        "commit": commit(ROOT, "kg") or "unknown",
        "cpus_allowed": len(os.sched_getaffinity(0)),
        "load_average_1min": round(os.getloadavg()[0], 2),
        # a niced run gets a smaller share of a loaded core: wall figures are not comparable
        "niceness": os.nice(0),
        "appeals": n,
        "seconds": round(elapsed, 3),
        "appeals_per_second": round(n / elapsed, 1),
        "cpu_seconds": round(cpu, 3),
        "appeals_per_cpu_second": round(n / cpu, 1),
        "mean_chars": round(sum(map(len, inputs)) / n),
        "peak_traced_mib_per_extraction": round(peak / 2**20, 2),
        "max_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "python": platform.python_version(),
        "version": __version__,
        "corpus": _where(folder),
        "split": split,
        "corpus_texts": len(texts),
        "targets": {"appeals_per_second": 100, "max_rss_mib": 200},
    }
    out = out or ROOT / "bench" / "results" / "extract.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(result, indent=2) + "\n")
    tmp.replace(out)
    return result


def _where(folder: Path) -> str:
    """The corpus as the results name it: relative to the project when beside or inside it
    (``../shared/corpus``, ``data/appeals``), else as given."""
    full = folder.resolve()
    if full.is_relative_to(ROOT.parent):
        return os.path.relpath(full, ROOT)
    return str(folder)


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {n}")
    return n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="Exit codes: 0 measured; 2 bad arguments or no appeal texts to read.",
    )
    parser.add_argument(
        "appeals", nargs="?", type=_positive, default=1000, help="appeals to extract (1000)"
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="folder of appeal texts (*.txt); default ../shared/corpus, else data/appeals",
    )
    add_split_option(parser)
    parser.add_argument(
        "--out", type=Path, default=None, help="results file (bench/results/extract.json)"
    )
    args = parser.parse_args(argv)
    if args.corpus is not None and not args.corpus.is_dir():
        parser.error(f"--corpus: not a folder: {args.corpus}")
    try:
        result = measure(args.appeals, args.corpus, args.out, args.split)
    except (ValueError, OSError) as e:
        print(f"Error: {e}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
