"""Benchmark: the cost of the public store, next to the dataset it is made from.

Generates N synthetic appeals (``bench/generate.py``), marks every tenth appeal restricted and
one person in every seventh restricted, then times ``build_dataset`` (records -> dataset) and
``public_quads`` (dataset -> public facts) and counts what the filter kept. Writes
``bench/results/public.json``.
Run: ``.venv/bin/python bench/bench_public.py [N]`` (default 100).
"""

from __future__ import annotations

import json
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg import __version__  # noqa: E402
from kg.store.build import build_dataset  # noqa: E402
from kg.store.public import public_quads  # noqa: E402


def restrict(data: Path) -> tuple[int, int]:
    """Every tenth appeal restricted; the first person of every seventh made restricted."""
    appeals = persons = 0
    for n, path in enumerate(sorted((data / "cases").glob("*.yaml"))):
        text = path.read_text(encoding="utf-8")
        if n % 10 == 9:
            text = text.replace("access: public", "access: restricted", 1)
            appeals += 1
        elif n % 7 == 6:
            text, k = re.subn(r"(?m)^(persons:\n- )", r"\1access: restricted\n  ", text, count=1)
            persons += k
        path.write_text(text, encoding="utf-8")
    return appeals, persons


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "generate.py"), str(n), str(data)], check=True
        )
        appeals, persons = restrict(data)
        started = time.perf_counter()
        ds, _ = build_dataset(data)
        built = time.perf_counter() - started
        started = time.perf_counter()
        quads = public_quads(ds, b"benchmark key")
        filtered = time.perf_counter() - started
    result = {
        "appeals": n,
        "restricted_appeals": appeals,
        "restricted_persons": persons,
        "dataset_quads": sum(len(g) for g in ds.graphs()),
        "public_quads": len(quads),
        "build_dataset_seconds": round(built, 2),
        "public_quads_seconds": round(filtered, 2),
        "version": __version__,
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    out = ROOT / "bench" / "results" / "public.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
