"""CPU of a full build's text partition in the build process, and of what crosses between it
and the workers, for the case graphs' texts of a corpus; by turns between two trees.

    .venv/bin/python bench/bench_partition.py capture DATA TEXTS.pickle STORE
    .venv/bin/python bench/bench_partition.py run TEXTS.pickle WORK [--tree TREE] [--no-files]

``capture`` builds ``DATA`` into the new folder ``STORE`` and keeps the texts the build hands
to :func:`kg.store.textpartition.partition_nquads` (ontology, reference, every case graph) as
strings. ``run`` times (``time.process_time``) one call of the ``partition_nquads`` of
``TREE`` (default: this tree) on them, in this process, with the steps between processes
that a build runs elsewhere done here: each case graph sent as a worker sends it (pickled
and unpickled; as bytes, encoded first, where the tree's ``partition_nquads`` takes bytes),
the bulk loader's file written, and each appeal graph's final text sent to an export worker
(pickled and unpickled) and its export files written (the tree's ``appeal_files_writer``;
with ``--no-files`` only its text encoded as the writer does first, and its lines counted).
Prints one JSON line.
"""

from __future__ import annotations

import argparse
import inspect
import json
import pickle
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def capture(data: Path, out: Path, store: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from kg.store import stream
    from kg.store.textpartition import partition_nquads

    def kept(ontology: str, reference: str, cases: Any, *rest: Any) -> Any:
        texts = [t.decode("utf-8") if isinstance(t, bytes) else t for t in cases]
        with open(out, "wb") as f:
            pickle.dump((ontology, reference, texts), f, protocol=pickle.HIGHEST_PROTOCOL)
        return partition_nquads(ontology, reference, texts, *rest)

    stream.partition_nquads = kept  # type: ignore[assignment]
    stream.build_streaming(store, data, incremental=False, progress=None)


def run(texts_path: Path, work: Path, tree: Path, files: bool) -> dict[str, Any]:
    sys.path.insert(0, str(tree))
    from kg.store.chunks import appeal_files_writer
    from kg.store.textpartition import partition_nquads

    as_bytes = "bytes" in str(inspect.signature(partition_nquads).parameters["cases"])
    with open(texts_path, "rb") as f:
        ontology, reference, cases = pickle.load(f)  # noqa: S301 - written by capture
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)

    def sent(texts: list[str]) -> Iterator[Any]:
        for t in texts:
            made = t.encode("utf-8") if as_bytes else t
            yield pickle.loads(pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL))  # noqa: S301

    out = open(work / "batch.nq", "wb")  # noqa: SIM115 - closed below

    def write(text: str | bytes) -> None:
        out.write(text.encode("utf-8") if isinstance(text, str) else text)

    writer = appeal_files_writer(work)

    def export(graph: str, text: str | bytes) -> int:
        g, t = pickle.loads(pickle.dumps((graph, text), protocol=pickle.HIGHEST_PROTOCOL))  # noqa: S301
        if not files:
            data = t.encode("utf-8") if isinstance(t, str) else t
            return data.count(b"\n")
        return writer(g, t)

    began = time.process_time()
    found = partition_nquads(ontology, reference, sent(cases), work / "cases.nq", write, export)
    cpu = time.process_time() - began
    out.close()
    shutil.rmtree(work, ignore_errors=True)
    return {
        "tree": str(tree),
        "bytes": as_bytes,
        "files": files,
        "graphs": len(cases),
        "cpu_seconds": round(cpu, 3),
        "exported_triples": sum(found.exported.values()),
        "shared": len(found.shared),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="step", required=True)
    c = sub.add_parser("capture")
    c.add_argument("data", type=Path)
    c.add_argument("texts", type=Path)
    c.add_argument("store", type=Path)
    r = sub.add_parser("run")
    r.add_argument("texts", type=Path)
    r.add_argument("work", type=Path)
    r.add_argument("--tree", type=Path, default=ROOT)
    r.add_argument("--no-files", action="store_true")
    args = parser.parse_args()
    if args.step == "capture":
        capture(args.data, args.texts, args.store)
    else:
        print(json.dumps(run(args.texts, args.work, args.tree.resolve(), not args.no_files)))


if __name__ == "__main__":
    main()
