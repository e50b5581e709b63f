"""The rows of a validation report, made from the results and kept beside them between runs.

A row (severity, focus node, path, message, shape, component, value, record file) is what
``kg validate`` prints for one result, and the rows are printed in one order: by record file,
focus node, path, message, then the other columns, so that rows equal in the first four have an
order too. A row is made from its result directly, as :func:`kg.check.validate.report_from_graph`
reads it from a report graph (``tests/test_rows.py`` compares them); the report graph itself is
made only for Turtle output.

**Kept.** A run of the ``sparql`` engine that keeps its results (:mod:`kg.check.setbased`) keeps
its rows beside them (``validation-sparql-*.rows``), with the id of the results file they were
made from, each row with the place of its result there, and a SHA-256 of the rows. The next run:

- nothing changed: the kept rows are the report, without reading the results or the store;
- some appeals changed: the rows of the results kept are kept; the rows of the results checked
  again are made, and the record file looked up in the store for their focus nodes and for the
  kept rows' focus nodes that are the subject of a changed triple (a node's record file is that
  of an appeal graph stating a triple about it, so it changes only with such a triple; when a
  ``akg:recordFile`` triple changed, every row's is looked up again);
- a rows file that is missing, of other results (a run stopped between the two writes), damaged
  or of another format is never used: every row is made again, and the reason is said in
  :attr:`kg.check.setbased.RunStats.rows`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from kg.check.core_sparql import CoreResult
from kg.check.shacl_sparql import SparqlResult
from kg.files import write_atomic
from kg.vocab import AKG, bind_prefixes

ROWS_VERSION = "rows-1"
FIELDS = ("severity", "focus", "path", "message", "shape", "component", "value", "source")


@dataclass
class Violation:
    """One SHACL result, flattened for people."""

    severity: str
    focus: str
    path: str | None
    message: str
    shape: str | None
    component: str | None
    value: str | None
    source: str | None  # the record file that states the focus node


def row_order(v: Violation) -> tuple[str, ...]:
    """The order rows are printed in; rows equal in it are equal in every column."""
    return (
        v.source or "",
        v.focus,
        v.path or "",
        v.message,
        v.severity,
        v.shape or "",
        v.component or "",
        v.value or "",
    )


def short_name(g: Graph, node: object) -> str | None:
    """A node as a row shows it: an IRI by its prefixed name where the project has a prefix."""
    if node is None:
        return None
    if isinstance(node, URIRef):
        try:
            return g.namespace_manager.normalizeUri(node)
        except Exception:
            return str(node)
    return str(node)


class _Short:
    """:func:`short_name` with the project's prefixes, once per node; a blank node of the
    shapes (a property shape, a complex path) by its name in ``names``, which stays the same
    from one parse of the shapes to the next."""

    def __init__(self, names: dict[Node, str]) -> None:
        self.graph = bind_prefixes(Graph())
        self.names = names
        self.memo: dict[Node, str | None] = {}

    def __call__(self, node: Node | None) -> str | None:
        if node is None:
            return None
        found = self.memo.get(node)
        if found is None:
            if isinstance(node, BNode) and node in self.names:
                found = self.names[node]
            else:
                found = short_name(self.graph, node)
            self.memo[node] = found
        return found


def _row(r: CoreResult | SparqlResult, short: _Short) -> Violation:
    if isinstance(r, CoreResult):
        messages = sorted(str(m) for m in r.messages)
        message = messages[0] if messages else ""
        component = short(r.component)
    else:
        message = r.message or ""
        component = short(SH.SPARQLConstraintComponent)
    return Violation(
        severity=str(r.severity).rsplit("#", 1)[-1] if r.severity else "Violation",
        focus=short(r.focus) or "",
        path=short(r.path),
        message=message,
        shape=short(r.shape),
        component=component,
        value=short(r.value),
        source=None,
    )


def _reported(results: list[CoreResult | SparqlResult]) -> Iterable[int]:
    """The places of the results that are reported: a SHACL Core result once for its shape,
    component, focus node, path, value and severity (the first of equal ones, as in the
    report graph)."""
    seen: set[tuple] = set()
    for i, r in enumerate(results):
        if isinstance(r, CoreResult):
            key = (r.shape, r.component, r.focus, r.path, r.value, r.severity)
            if key in seen:
                continue
            seen.add(key)
        yield i


def result_rows(
    results: list[CoreResult | SparqlResult],
    names: dict[Node, str],
    sources: Callable[[Iterable[Node]], dict[URIRef, str]],
) -> list[tuple[int, Violation]]:
    """(place of the result, row) for every reported result, in the printed order;
    ``sources`` gives the record file of focus nodes."""
    short = _Short(names)
    places = list(_reported(results))
    found = sources({results[i].focus for i in places})
    rows = [
        (i, replace(_row(results[i], short), source=found.get(results[i].focus))) for i in places
    ]  # type: ignore[call-overload]
    rows.sort(key=lambda row: row_order(row[1]))
    return rows


def updated_rows(
    results: list[CoreResult | SparqlResult],
    kept: list[int],
    earlier: dict[int, Violation],
    changed: list[tuple[Node, Node, Node]],
    names: dict[Node, str],
    sources: Callable[[Iterable[Node]], dict[URIRef, str]],
) -> list[tuple[int, Violation]]:
    """The rows of an incremental run: ``results[: len(kept)]`` are earlier results kept
    (``kept`` their earlier places), whose rows ``earlier`` has by those places; the others
    are made. Record files are looked up for the new rows and for the kept rows whose focus
    node is the subject of a ``changed`` triple (all of them when a record file changed)."""
    short = _Short(names)
    if any(p == AKG.recordFile for _, p, _ in changed):
        touched: set[Node] | None = None
    else:
        touched = {s for s, _, _ in changed}
    rows: list[tuple[int, Violation]] = []
    again: list[int] = []  # places in rows whose record file is looked up
    for i in _reported(results):
        row = earlier.get(kept[i]) if i < len(kept) else None
        made = row is None
        if row is None:
            row = _row(results[i], short)
        if made or touched is None or results[i].focus in touched:
            again.append(len(rows))
        rows.append((i, row))
    if again:
        found = sources({results[rows[k][0]].focus for k in again})
        for k in again:
            i, row = rows[k]
            rows[k] = (i, replace(row, source=found.get(results[i].focus)))  # type: ignore[call-overload]
    rows.sort(key=lambda row: row_order(row[1]))
    return rows


# --- kept beside the results ---------------------------------------------------------------


def rows_path(cache: Path) -> Path:
    """Where the rows of the results kept in ``cache`` are kept."""
    return cache.with_name(cache.stem + ".rows")


@dataclass
class KeptRows:
    conforms: bool
    rows: list[tuple[int, Violation]]  # (place of the result, row), in the printed order


def write_rows(
    path: Path, results_id: str, conforms: bool, rows: list[tuple[int, Violation]]
) -> None:
    """Keep ``rows`` (made from the results file ``results_id``): a header line, then the rows."""
    body = json.dumps(
        [[i, *(getattr(v, f) for f in FIELDS)] for i, v in rows], ensure_ascii=False
    ).encode("utf-8")
    header = {
        "version": ROWS_VERSION,
        "results": results_id,
        "conforms": conforms,
        "count": len(rows),
        "sha256": hashlib.sha256(body).hexdigest(),
    }
    write_atomic(path, json.dumps(header).encode("utf-8") + b"\n" + body)


def read_rows(path: Path, results_id: str | None) -> KeptRows | str:
    """The rows kept in ``path`` if they are whole and were made from the results file
    ``results_id``; else why not."""
    if results_id is None:
        return "the results kept have no id"
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return "no rows kept"
    except OSError as e:
        return f"the rows kept cannot be read ({e.strerror or e})"
    head, _, body = data.partition(b"\n")
    try:
        header: dict[str, Any] = json.loads(head)
    except ValueError:
        return "the rows kept are damaged (header)"
    if not isinstance(header, dict) or header.get("version") != ROWS_VERSION:
        return "the rows kept are of another format"
    if header.get("results") != results_id:
        return "the rows kept are of other results"
    if hashlib.sha256(body).hexdigest() != header.get("sha256"):
        return "the rows kept are damaged (checksum)"
    try:
        raw = json.loads(body)
    except ValueError:
        return "the rows kept are damaged (rows)"
    conforms = header.get("conforms")
    if (
        not isinstance(raw, list)
        or len(raw) != header.get("count")
        or not isinstance(conforms, bool)
    ):
        return "the rows kept are damaged (count)"
    rows = []
    for item in raw:
        if (
            not isinstance(item, list)
            or len(item) != len(FIELDS) + 1
            or not isinstance(item[0], int)
            or not all(x is None or isinstance(x, str) for x in item[1:])
            or not all(isinstance(item[k], str) for k in (1, 2, 4))  # severity, focus, message
        ):
            return "the rows kept are damaged (a row)"
        rows.append((item[0], Violation(*item[1:])))
    return KeptRows(conforms=conforms, rows=rows)


__all__ = [
    "FIELDS",
    "KeptRows",
    "Violation",
    "read_rows",
    "result_rows",
    "row_order",
    "rows_path",
    "short_name",
    "updated_rows",
    "write_rows",
]
