"""The picture of a case: its actors and their relations as an SVG graph, and its timeline.

Layout is computed here (a circle of actors around the case, deterministic, in Python) and
drawn by the ``case_graph.svg``/``timeline.svg`` parts of the entity template, so every label
goes through autoescape. A date is drawn at its precision: a day as a point, a month or a year
as a bar over that month or year, never as a day.
"""

from __future__ import annotations

import asyncio
import calendar
import math
from dataclasses import dataclass
from datetime import date
from typing import Any

from kg.web.app import WebContext
from kg.web.local import LocalDataset, reader
from kg.web.pages import Description, _q, local_path, short_name

__all__ = ["CaseGraph", "Timeline", "case_extras", "layout_graph", "layout_timeline"]

AKG = "https://w3id.org/appeals-kg/ontology#"
PRECISION = "https://w3id.org/appeals-kg/vocab/date-precision/"
WIDTH, HEIGHT = 720, 440
TL_WIDTH, TL_LEFT, TL_RIGHT = 720, 40, 40


@dataclass
class Node:
    iri: str
    label: str
    kind: str  # "case", "person", "organisation", "other"
    x: float = 0.0
    y: float = 0.0

    @property
    def href(self) -> str:
        return local_path(self.iri) or self.iri


@dataclass
class Edge:
    source: Node
    target: Node
    label: str


@dataclass
class CaseGraph:
    nodes: list[Node]
    edges: list[Edge]
    width: int = WIDTH
    height: int = HEIGHT


def layout_graph(
    case: Node, actors: list[Node], relations: list[tuple[str, str, str]]
) -> CaseGraph:
    """The case in the middle, actors on a circle in label order, edges case→actor and
    actor→actor for each relation between two actors."""
    cx, cy, r = WIDTH / 2, HEIGHT / 2, min(WIDTH, HEIGHT) / 2 - 60
    case.x, case.y = cx, cy
    actors = sorted(actors, key=lambda n: (n.kind, n.label.lower(), n.iri))
    for i, node in enumerate(actors):
        angle = -math.pi / 2 + 2 * math.pi * i / max(len(actors), 1)
        node.x, node.y = round(cx + r * math.cos(angle), 1), round(cy + r * math.sin(angle), 1)
    by_iri = {n.iri: n for n in actors}
    edges = [Edge(case, n, "") for n in actors]
    seen = set()
    for s, p, o in relations:
        if s in by_iri and o in by_iri and s != o and (s, p, o) not in seen:
            seen.add((s, p, o))
            edges.append(Edge(by_iri[s], by_iri[o], short_name(p).split(":", 1)[-1]))
    return CaseGraph([case, *actors], edges)


@dataclass
class Mark:
    """One dated event on the timeline."""

    iri: str
    label: str
    event_type: str
    shown: str  # the date as written at its precision: 2017, 2017-02, 2017-02-09
    precision: str  # day, month, year
    first: date
    last: date
    x: float = 0.0
    width: float = 0.0
    row: int = 0

    @property
    def href(self) -> str:
        return local_path(self.iri) or self.iri


@dataclass
class Timeline:
    marks: list[Mark]
    undated: list[Mark]
    ticks: list[tuple[float, str]]
    width: int = TL_WIDTH
    height: int = 80


def span_of(value: str, precision: str) -> tuple[str, date, date] | None:
    """The date as shown at its precision and the first and last day it covers."""
    parts = value.split("-")
    try:
        year = int(parts[0])
        if precision == "year" or len(parts) == 1:
            return f"{year:04d}", date(year, 1, 1), date(year, 12, 31)
        month = int(parts[1])
        if precision == "month" or len(parts) == 2:
            last = calendar.monthrange(year, month)[1]
            return f"{year:04d}-{month:02d}", date(year, month, 1), date(year, month, last)
        day = date(year, month, int(parts[2][:2]))
    except (ValueError, IndexError):
        return None
    return day.isoformat(), day, day


def layout_timeline(marks: list[Mark], undated: list[Mark]) -> Timeline:
    """Place marks on a horizontal axis from the first to the last day any of them covers."""
    marks = sorted(marks, key=lambda m: (m.first, m.last, m.label))
    ticks: list[tuple[float, str]] = []
    if marks:
        lo = min(m.first for m in marks).toordinal()
        hi = max(m.last for m in marks).toordinal() + 1
        span = max(hi - lo, 1)
        scale = (TL_WIDTH - TL_LEFT - TL_RIGHT) / span
        rows_end: list[float] = []
        for m in marks:
            m.x = round(TL_LEFT + (m.first.toordinal() - lo) * scale, 1)
            m.width = round((m.last.toordinal() + 1 - m.first.toordinal()) * scale, 1)
            # A row holds marks whose labels (about 6 px a character) do not overlap.
            end = m.x + max(m.width, 8) + 6 * (len(m.shown) + len(m.event_type) + 3)
            for row, row_end in enumerate(rows_end):
                if m.x > row_end + 4:
                    m.row, rows_end[row] = row, end
                    break
            else:
                m.row = len(rows_end)
                rows_end.append(end)
        for year in range(date.fromordinal(lo).year, date.fromordinal(hi - 1).year + 2):
            o = date(year, 1, 1).toordinal()
            if lo <= o <= hi:
                ticks.append((round(TL_LEFT + (o - lo) * scale, 1), str(year)))
        height = 50 + 22 * len(rows_end)
    else:
        height = 40
    return Timeline(marks, undated, ticks, height=height)


async def case_extras(ctx: WebContext, d: Description) -> dict[str, Any]:
    """For a case: ``graph`` and ``timeline``; for anything else, nothing."""
    if not d.has(AKG + "Case"):
        return {}
    return await asyncio.to_thread(case_extras_now, reader(ctx), d)


def case_extras_now(dataset: LocalDataset, d: Description) -> dict[str, Any]:
    """:func:`case_extras` in the calling thread."""
    if not d.has(AKG + "Case"):
        return {}
    s = _q(d.iri)
    actor_rows = dataset.select_now(
        f"""PREFIX akg: <{AKG}>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX org: <http://www.w3.org/ns/org#>
            SELECT DISTINCT ?a ?cls (SAMPLE(?l) AS ?label) WHERE {{
              {{ ?a akg:involvedInCase {s} }}
              UNION {{ ?p akg:involvedInCase {s} . ?p akg:memberOf|org:memberOf ?a }}
              ?a a ?cls . FILTER(?cls IN (akg:Person, akg:Organisation))
              OPTIONAL {{ ?a rdfs:label ?l }}
            }} GROUP BY ?a ?cls"""
    )
    actors = {}
    for row in actor_rows:
        iri = row["a"]["value"]
        kind = "person" if row["cls"]["value"].endswith("Person") else "organisation"
        label = row.get("label", {}).get("value") or short_name(iri)
        actors[iri] = Node(iri, label, kind)
    relations: list[tuple[str, str, str]] = []
    if actors:
        values = " ".join(_q(a) for a in sorted(actors))
        rel_rows = dataset.select_now(
            f"""SELECT DISTINCT ?s ?p ?o WHERE {{
                  VALUES ?s {{ {values} }} VALUES ?o {{ {values} }} ?s ?p ?o }}"""
        )
        relations = [(r["s"]["value"], r["p"]["value"], r["o"]["value"]) for r in rel_rows]
    graph = layout_graph(Node(d.iri, d.title, "case"), list(actors.values()), relations)

    event_rows = dataset.select_now(
        f"""PREFIX akg: <{AKG}>
            PREFIX oa: <http://www.w3.org/ns/oa#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?e (SAMPLE(?l) AS ?label) (SAMPLE(?d) AS ?date) (SAMPLE(?pr) AS ?precision)
                   (SAMPLE(?t) AS ?type) WHERE {{
              {s} akg:hasAppeal ?appeal .
              ?e akg:reportedIn|akg:evidence/oa:hasSource ?appeal ; akg:eventType ?t .
              OPTIONAL {{ ?e rdfs:label ?l }}
              OPTIONAL {{ ?e akg:date ?d }}
              OPTIONAL {{ ?e akg:datePrecision ?pr }}
            }} GROUP BY ?e"""
    )
    marks, undated = [], []
    for row in event_rows:
        iri = row["e"]["value"]
        etype = row.get("type", {}).get("value", "").rsplit("/", 1)[-1]
        raw = row.get("date", {}).get("value")
        # An event's label is its type and date (ontology/compact/event-labels.rq): older
        # builds stored it, newer ones make it here.
        made = f"{etype.replace('_', ' ')} ({raw})" if etype and raw else etype.replace("_", " ")
        label = row.get("label", {}).get("value") or made or short_name(iri)
        # The date's form gives its precision; akg:datePrecision is stored only by older builds.
        stated = row.get("precision", {}).get("value", "").rsplit("/", 1)[-1]
        precision = stated or {4: "year", 7: "month"}.get(len(raw or ""), "day")
        spanned = span_of(raw, precision or "day") if raw else None
        if spanned is None:
            undated.append(Mark(iri, label, etype, "", "", date.min, date.min))
            continue
        shown, first, last = spanned
        precision = {10: "day", 7: "month", 4: "year"}[len(shown)]
        marks.append(Mark(iri, label, etype, shown, precision, first, last))
    undated.sort(key=lambda m: m.label)
    return {"graph": graph, "timeline": layout_timeline(marks, undated)}
