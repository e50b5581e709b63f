"""CPU of some derivation rules run alone as SPARQL over a built store, read-only.

    .venv/bin/python bench/time_rules.py STORE RULE.rq [RULE.rq ...]

Opens the full store of ``STORE`` (a ``kg build --store`` folder) read-only and runs each
named rule of ``ontology/rules/`` over the union of the graphs as the build's ``_derive``
does, counting its answers; prints each rule's answers, CPU (``time.process_time``), wall and
the load average. What a rule costs a full build when it runs as SPARQL after the load, set
against what deriving it as the graphs are written costs (``bench_local_rules.py``).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _fail(message: str) -> None:
    print(f"Error: {message}", file=sys.stderr)
    sys.exit(2)


def main() -> None:
    if len(sys.argv) < 3:
        _fail("usage: time_rules.py STORE RULE.rq [RULE.rq ...]")
    import pyoxigraph as ox

    from kg.store.build import rules
    from kg.store.store import store_location
    from kg.vocab import ONTOLOGY_DIR

    where = Path(sys.argv[1])
    if not where.is_dir():
        _fail(f"{where}: no such store folder")
    store = ox.Store.read_only(str(store_location(where)))
    texts = dict(rules(ONTOLOGY_DIR))
    for name in sys.argv[2:]:
        if name not in texts:
            _fail(f"{name}: no such rule in {ONTOLOGY_DIR / 'rules'}")
        cpu, wall = time.process_time(), time.perf_counter()
        n = sum(1 for _ in store.query(texts[name], use_default_graph_as_union=True))
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        load = os.getloadavg()[0]
        print(f"{name}: {n} triples, {cpu:.2f} s CPU, {wall:.1f} s wall, load {load:.1f}")


if __name__ == "__main__":
    main()
