"""Where extraction spends its time: CPU share and pattern calls of each pipeline stage.

    .venv/bin/python bench/profile_extract.py [--passes 4] [--corpus DIR] [--out FILE]
    valgrind --tool=cachegrind --cache-sim=no .venv/bin/python bench/profile_extract.py \
        --passes N --only-extract

The appeal texts of the corpus (``../shared/corpus`` by default) are extracted once as a
warm-up, then ``--passes`` times more. Two readings are taken, on separate passes so that
neither disturbs the other:

- **CPU share**: a sampling profiler on CPU time (``ITIMER_PROF``, one sample about every
  5 ms of the process's CPU) records, at each sample, which stage of ``extract_case`` (the
  function it calls directly: ``find_events``, ``classify_runs``, ...) was running. A sample
  costs a few microseconds, so the shares are those of the code as it runs.
- **Pattern calls**: every compiled pattern at module level in ``kg.extract`` (and the
  patterns inside its ``TailPattern`` objects) is wrapped to count its ``search``, ``match``,
  ``fullmatch``, ``finditer``, ``findall``, ``sub`` and ``split`` calls, per stage and per
  pattern. Patterns held in lists or scanners made at import are not wrapped (the trigger
  lexicon's scanner, the unnamed-actor anchors), so the counts are a floor.

``--only-extract`` runs the passes and nothing else (no sampling, no counting): the workload
``valgrind --tool=cachegrind`` counts instructions of, once with ``--passes 0`` (the import and
the warm-up) and once with ``--passes 1``; the difference over the number of texts is the
figure per appeal the README gives.

Results are printed and, with ``--out``, written as JSON with the commit and the load average.
Exit codes: 0 measured; 2 bad arguments or no appeal texts to read.
"""

from __future__ import annotations

import argparse
import collections
import importlib
import json
import os
import pkgutil
import re
import signal
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from runinfo import add_split_option, appeal_texts, commit  # noqa: E402

sys.path.insert(0, str(ROOT))

import kg.extract as extract_pkg  # noqa: E402
from kg.extract import extract_case  # noqa: E402
from kg.extract.scan import TailPattern  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
#: CPU time between two samples.
INTERVAL = 0.005
METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "split")


#: The pipeline's functions whose callees are the stages: ``extract_case`` and the body it
#: runs with the cyclic collector paused.
PIPELINE_BODIES = frozenset(("extract_case", "_extract_case"))


def _stage(frame: Any) -> str:
    """The stage of ``extract_case`` running in ``frame``'s stack: the function the pipeline's
    body called, or ``extract_case`` itself (its own lines, the record's assembly)."""
    child = None
    while frame is not None:
        if frame.f_code.co_name in PIPELINE_BODIES and frame.f_code.co_filename.endswith(
            "pipeline.py"
        ):
            return child or "extract_case"
        child = frame.f_code.co_name
        frame = frame.f_back
    return "(outside extract_case)"


class _Counted:
    """A compiled pattern whose calls are counted by stage and by name."""

    __slots__ = ("_rx", "_name", "_counts")

    def __init__(self, rx: re.Pattern[str], name: str, counts: collections.Counter) -> None:
        self._rx, self._name, self._counts = rx, name, counts

    def __getattr__(self, attr: str) -> Any:
        value = getattr(self._rx, attr)
        if attr in METHODS:
            self._counts[_stage(sys._getframe(1)), self._name] += 1
        return value

    def __hash__(self) -> int:
        return hash(self._rx)

    def __eq__(self, other: object) -> bool:
        return self._rx == (other._rx if isinstance(other, _Counted) else other)


def _wrap_patterns(counts: collections.Counter) -> list[tuple[Any, str, Any]]:
    """Put counting wrappers in place of the module-level patterns; returns what to restore."""
    undo = []
    for info in pkgutil.iter_modules(extract_pkg.__path__):
        module = importlib.import_module(f"kg.extract.{info.name}")
        for name, value in list(vars(module).items()):
            if isinstance(value, re.Pattern):
                setattr(module, name, _Counted(value, f"{info.name}.{name}", counts))
                undo.append((module, name, value))
            elif isinstance(value, TailPattern):
                undo.append((value, "rx", value.rx))
                value.rx = _Counted(value.rx, f"{info.name}.{name}", counts)  # type: ignore
    return undo


def _unwrapping_compile(original: Any) -> Any:
    """``re._compile`` that takes a wrapped pattern as the pattern it wraps (``re.match(P,
    s)`` with a module-level P)."""

    def compile_(pattern: Any, flags: Any) -> Any:
        if isinstance(pattern, _Counted):
            pattern = pattern._rx
        return original(pattern, flags)

    return compile_


def _run(texts: list[str], passes: int) -> float:
    cpu = time.process_time()
    for _ in range(passes):
        for i, text in enumerate(texts):
            extract_case(text, appeal_id=f"profile-{i}")
    return time.process_time() - cpu


def profile(texts: list[str], passes: int) -> dict[str, Any]:
    """CPU share and pattern calls per stage over ``passes`` passes of ``texts`` (after a
    warm-up pass)."""
    _run(texts, 1)
    samples: collections.Counter[str] = collections.Counter()

    def on_sample(_sig: int, frame: Any) -> None:
        samples[_stage(frame)] += 1

    previous = signal.signal(signal.SIGPROF, on_sample)
    signal.setitimer(signal.ITIMER_PROF, INTERVAL, INTERVAL)
    try:
        cpu = _run(texts, passes)
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, previous)
    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    undo = _wrap_patterns(counts)
    original = re._compile  # type: ignore[attr-defined]
    re._compile = _unwrapping_compile(original)  # type: ignore[attr-defined]
    try:
        _run(texts, passes)
    finally:
        re._compile = original  # type: ignore[attr-defined]
        for holder, name, value in undo:
            setattr(holder, name, value)
    n = passes * len(texts)
    total = sum(samples.values()) or 1
    by_stage: collections.Counter[str] = collections.Counter()
    by_pattern: collections.Counter[str] = collections.Counter()
    for (stage, name), c in counts.items():
        by_stage[stage] += c
        by_pattern[name] += c
    stages = [
        {
            "stage": stage,
            "cpu_share": round(samples[stage] / total, 4),
            "pattern_calls_per_appeal": round(by_stage[stage] / n, 1),
        }
        for stage in sorted(set(samples) | set(by_stage), key=lambda s: -samples[s])
    ]
    return {
        "appeals": n,
        "cpu_ms_per_appeal": round(cpu / n * 1000, 2),
        "samples": total,
        "pattern_calls_per_appeal": round(sum(by_stage.values()) / n, 1),
        "stages": stages,
        "patterns": [
            {"pattern": name, "calls_per_appeal": round(c / n, 1)}
            for name, c in by_pattern.most_common(40)
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="Exit codes: 0 measured; 2 bad arguments or no appeal texts to read.",
    )
    parser.add_argument("--passes", type=int, default=4, help="passes after the warm-up (4)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of *.txt appeals")
    add_split_option(parser)
    parser.add_argument("--out", type=Path, default=None, help="write the results here (JSON)")
    parser.add_argument(
        "--only-extract",
        action="store_true",
        help="extract once as a warm-up and then --passes times, nothing else (for valgrind)",
    )
    args = parser.parse_args(argv)
    if args.passes < 0:
        parser.error(f"--passes: must be 0 or more: {args.passes}")
    if not args.corpus.is_dir():
        parser.error(f"--corpus: not a folder: {args.corpus}")
    try:
        texts = [f.read_text(encoding="utf-8") for f in appeal_texts(args.corpus, args.split)]
    except (ValueError, OSError) as e:
        print(f"Error: {e}", file=sys.stderr)
        return 2
    if not texts:
        print(f"Error: no appeal texts (*.txt) in {args.corpus}", file=sys.stderr)
        return 2
    if args.only_extract:
        _run(texts, 1 + args.passes)
        return 0
    if args.passes < 1:
        parser.error("--passes: must be at least 1 to profile")
    load = os.getloadavg()[0]
    result = {
        "command": "bench/profile_extract.py --passes "
        + str(args.passes)
        + ("" if args.split == "all" else f" --split {args.split}"),
        "commit": commit(ROOT, "kg") or "unknown",
        "load_average_1min": round(load, 2),
        "corpus": os.path.relpath(args.corpus.resolve(), ROOT),
        "corpus_texts": len(texts),
        "split": args.split,
        **profile(texts, args.passes),
    }
    text = json.dumps(result, indent=2) + "\n"
    if args.out:
        tmp = args.out.with_suffix(".json.tmp")
        tmp.write_text(text)
        tmp.replace(args.out)
    print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
