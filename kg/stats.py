"""Counts per class and per named graph, and the store's size on disk."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from kg.store import Store, store_size
from kg.vocab import prefixes


@dataclass
class Stats:
    triples: int
    graphs: dict[str, int]
    classes: dict[str, int]
    size_bytes: int | None

    def to_text(self) -> str:
        lines = [f"triples: {self.triples}"]
        if self.size_bytes is not None:
            lines.append(f"store size: {self.size_bytes / 1024:.0f} KiB")
        lines.append("\nnamed graph                                                triples")
        lines += [f"  {g:56} {n:>8}" for g, n in self.graphs.items()]
        lines.append("\nclass                                  instances")
        lines += [f"  {c:36} {n:>8}" for c, n in self.classes.items()]
        return "\n".join(lines)

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2)


def _curie(iri: str) -> str:
    for p, ns in sorted(prefixes().items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns):
            return f"{p}:{iri[len(ns) :]}"
    return iri


def collect_stats(store: Store, path: Path | None = None) -> Stats:
    """Gather the numbers ``kg stats`` shows."""
    _, rows = store.query(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
        union=False,
    )
    graphs = {_curie(str(g)): int(n) for g, n in rows}
    _, rows = store.query(
        "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY DESC(?n) ?c"
    )
    classes = {_curie(str(c)): int(n) for c, n in rows}
    size = store_size(path) if path is not None and Path(path).is_dir() else None
    return Stats(triples=len(store), graphs=graphs, classes=classes, size_bytes=size)
