"""Benchmark: extract 1,000 appeals on one core and record throughput and peak memory.

The corpus texts are repeated with light variation (personal names swapped, years shifted) so
that no two inputs are identical. Writes ``bench/results/extract.json``.
Run: ``.venv/bin/python bench/bench_extract.py [N]``.
"""

from __future__ import annotations

import json
import platform
import re
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
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


def main(n: int = 1000) -> dict:
    folder = CORPUS if CORPUS.is_dir() else FALLBACK
    texts = [f.read_text(encoding="utf-8") for f in sorted(folder.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no appeal texts in {folder}")
    inputs = [vary(texts[i % len(texts)], i) for i in range(n)]
    extract_case(inputs[0], appeal_id="warmup")
    start = time.perf_counter()
    for i, text in enumerate(inputs):
        extract_case(text, appeal_id=f"bench-{i}")
    elapsed = time.perf_counter() - start
    tracemalloc.start()
    for i, text in enumerate(inputs[: len(texts)]):
        extract_case(text, appeal_id=f"mem-{i}")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    result = {
        "appeals": n,
        "seconds": round(elapsed, 3),
        "appeals_per_second": round(n / elapsed, 1),
        "mean_chars": round(sum(map(len, inputs)) / n),
        "peak_traced_mib_per_extraction": round(peak / 2**20, 2),
        "max_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "python": platform.python_version(),
        "version": __version__,
        "corpus": str(folder.name),
    }
    out = ROOT / "bench" / "results" / "extract.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(result, indent=2) + "\n")
    tmp.replace(out)
    return result


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000), indent=2))
