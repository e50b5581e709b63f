"""A built store's quads as one hash, to show that two builds made the same store.

    .venv/bin/python bench/store_digest.py STORE [STORE ...]

For each store (``--store`` folder of ``kg build``): its full store's quads as N-Quads, blank
node labels masked (``_:_``: the loader names them per file), sorted as bytes, and the SHA-256
of that text, with the quad count; also the count of its export files' lines and of the
build state's triples, graphs, derived triples and entities. Two builds that made the same
store print the same line.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_BLANK = re.compile(rb"_:\S+")


def digest(store_path: Path) -> dict[str, object]:
    """The quad count and SHA-256 of the store's sorted, blank-masked N-Quads, and the counts
    the build wrote into its state."""
    import pyoxigraph as ox

    from kg.store.store import store_location
    from kg.store.stream import STATE_FILE

    full = store_location(store_path)
    store = ox.Store.read_only(str(full))
    lines = _BLANK.sub(b"_:_", store.dump(format=ox.RdfFormat.N_QUADS)).splitlines()
    del store
    lines.sort()
    sha = hashlib.sha256()
    for line in lines:
        sha.update(line + b"\n")
    state = json.loads((full.parent / STATE_FILE).read_text(encoding="utf-8"))
    return {
        "store": str(store_path),
        "quads": len(lines),
        "sha256": sha.hexdigest(),
        **{k: state.get(k) for k in ("triples", "graphs", "derived", "entities")},
    }


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description="A built store's quads as one hash.")
    parser.add_argument("stores", nargs="+", type=Path, metavar="STORE")
    args = parser.parse_args()
    for path in args.stores:
        if not path.exists():
            parser.exit(2, f"store_digest.py: error: STORE {path}: no such folder\n")
        try:
            print(json.dumps(digest(path)))
        except (OSError, ValueError) as exc:  # not a built store: no CURRENT, no state file
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            parser.exit(2, f"store_digest.py: error: STORE {path}: not a built store ({first})\n")


if __name__ == "__main__":
    main()
