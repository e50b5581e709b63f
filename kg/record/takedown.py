"""Takedowns: one person or case made restricted everywhere, as a decision kept in ``data/``.

``kg takedown PERSON_OR_CASE`` appends the decision to ``data/takedowns.csv`` (atomically) and
rebuilds. The build marks the node ``restricted`` in every graph that states it
(:func:`apply_takedowns`), so the public store (:mod:`kg.store.public`) drops a case with its
appeals' graphs and turns a person of a public appeal into a pseudonym, whatever the records say.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, RDFS, Dataset, URIRef
from rdflib.namespace import DCTERMS, FOAF, SKOS

from kg.errors import DataError, InputError, did_you_mean
from kg.files import remove_stale_temps, write_csv_atomic
from kg.vocab import ACCESS, AKG, prefixes

TAKEDOWNS_FILE = "takedowns.csv"
COLUMNS = ("target", "decided_on", "note")


@dataclass(frozen=True)
class Takedown:
    target: URIRef
    decided_on: str
    note: str


def load_takedowns(data_dir: Path | str) -> list[Takedown]:
    """The decisions in ``<data>/takedowns.csv`` (none when the file is absent)."""
    path = Path(data_dir) / TAKEDOWNS_FILE
    if not path.exists():
        return []
    out = []
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames is None or "target" not in reader.fieldnames:
            raise DataError(f"{path}:1: the header must name the columns {', '.join(COLUMNS)}")
        for n, row in enumerate(reader, 2):
            target = (row.get("target") or "").strip()
            if not target.startswith(("http://", "https://")):
                raise DataError(f"{path}:{n}: target '{target}' is not an IRI")
            out.append(Takedown(URIRef(target), row.get("decided_on") or "", row.get("note") or ""))
    return out


def add_takedown(data_dir: Path | str, target: URIRef, note: str = "") -> bool:
    """Record a takedown of ``target`` (atomically); False when it was recorded already."""
    existing = load_takedowns(data_dir)
    if any(t.target == target for t in existing):
        remove_stale_temps(Path(data_dir) / TAKEDOWNS_FILE)
        return False
    rows = [{"target": str(t.target), "decided_on": t.decided_on, "note": t.note} for t in existing]
    rows.append({"target": str(target), "decided_on": dt.date.today().isoformat(), "note": note})
    write_csv_atomic(Path(data_dir) / TAKEDOWNS_FILE, COLUMNS, rows)
    return True


def apply_takedowns(ds: Dataset, takedowns: list[Takedown]) -> int:
    """Mark every taken-down node restricted in each graph that states it; return how many."""
    targets = {t.target for t in takedowns}
    marked = 0
    for ctx in ds.graphs():
        for node in targets:
            if (node, None, None) not in ctx:
                continue
            ctx.remove((node, AKG.accessLevel, None))
            ctx.add((node, AKG.accessLevel, ACCESS.restricted))
            marked += 1
    return marked


def resolve_target(union: object, text: str) -> URIRef:
    """The person or case that ``text`` names: an IRI, a CURIE (``akr:person/p-…``), an appeal
    id (its case), or a person's or case's exact label. ``union`` is the full store's graph."""
    from rdflib import Graph

    assert isinstance(union, Graph)
    candidates: dict[str, URIRef] = {}
    for cls in (AKG.Person, AKG.Case):
        for node in union.subjects(RDF.type, cls):
            if isinstance(node, URIRef):
                candidates[str(node)] = node
    iri = _expand(text)
    if iri is not None and str(iri) in candidates:
        return candidates[str(iri)]
    for appeal in union.subjects(DCTERMS.identifier, None):
        if str(union.value(appeal, DCTERMS.identifier)) == text:
            case = union.value(appeal, AKG.aboutCase)
            if isinstance(case, URIRef):
                return case
    labelled: dict[str, set[URIRef]] = {}
    for node in candidates.values():
        for pred in (RDFS.label, FOAF.name, SKOS.altLabel):
            for label in union.objects(node, pred):
                labelled.setdefault(str(label), set()).add(node)
    if text in labelled:
        found = labelled[text]
        if len(found) > 1:
            raise InputError(
                f"'{text}' names {len(found)} persons or cases; give the IRI "
                f"({', '.join(sorted(found))})"
            )
        return next(iter(found))
    hint = did_you_mean(text, sorted(labelled) + sorted(candidates))
    raise InputError(f"no person or case '{text}' in the store.{hint}")


def _expand(text: str) -> URIRef | None:
    if text.startswith(("http://", "https://")):
        return URIRef(text)
    prefix, sep, local = text.partition(":")
    base = prefixes().get(prefix) if sep else None
    return URIRef(base + local) if base and local else None
