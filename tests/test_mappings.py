"""Mapping tables of ontology/mappings/: HURIDOCS ESF and CAMEO. Every concept of the schemes
that describe what happens (event types, demand types, roles, organisation kinds and functions)
has a row in each table, a mapping or an explicit "none", and every row says who decided and
why; the other schemes have one scheme-level row."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pytest
from rdflib import RDF, SKOS, Graph, URIRef

from kg.vocab import ONTOLOGY_DIR, prefixes

MAPPINGS = ONTOLOGY_DIR / "mappings"
TABLES = {
    "esf.csv": [
        "concept",
        "esf_thesaurus",
        "esf_term",
        "relation",
        "confirmed",
        "decided_by",
        "reason",
    ],
    "cameo.csv": [
        "concept",
        "cameo_code",
        "cameo_label",
        "relation",
        "confirmed",
        "decided_by",
        "reason",
    ],
}
RELATIONS = {
    "skos:exactMatch",
    "skos:closeMatch",
    "skos:broadMatch",
    "skos:narrowMatch",
    "skos:relatedMatch",
    "none",
}
CONCEPT_SCHEMES = ("evtype", "demandtype", "role", "orgkind", "orgfunction")
OTHER_SCHEMES = ("right", "instkind", "placekind", "access", "precision", "chargestatus")


@cache
def concepts() -> dict[str, set[str]]:
    g = Graph().parse(ONTOLOGY_DIR / "vocabularies.ttl", format="turtle")
    pm = prefixes()
    out: dict[str, set[str]] = {}
    for c in g.subjects(RDF.type, SKOS.Concept):
        for p in CONCEPT_SCHEMES + OTHER_SCHEMES:
            if isinstance(c, URIRef) and str(c).startswith(pm[p]):
                out.setdefault(p, set()).add(f"{p}:{str(c)[len(pm[p]) :]}")
    return out


def read(name: str) -> list[dict[str, str]]:
    with (MAPPINGS / name).open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == TABLES[name], f"{name}: header {reader.fieldnames}"
        return list(reader)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_rows_are_decided_and_name_known_concepts(name: str) -> None:
    known = set().union(*concepts().values())
    for n, row in enumerate(read(name), 2):
        where = f"{name}:{n}"
        assert row["decided_by"].strip() and row["reason"].strip(), where
        assert row["relation"] in RELATIONS, f"{where}: relation {row['relation']!r}"
        assert row["confirmed"] in ("yes", "no"), f"{where}: confirmed {row['confirmed']!r}"
        target = row.get("esf_term") or row.get("cameo_code") or ""
        assert (row["relation"] == "none") == (target == ""), f"{where}: target and relation"
        concept = row["concept"]
        if concept.startswith("scheme:"):
            assert concept[7:] in OTHER_SCHEMES + CONCEPT_SCHEMES, where
        else:
            assert concept in known, f"{where}: {concept} is not a concept"


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_concept_or_scheme_has_a_row(name: str) -> None:
    rows = read(name)
    covered = {r["concept"] for r in rows}
    schemes = {c[7:] for c in covered if c.startswith("scheme:")}
    missing = []
    for scheme, members in concepts().items():
        if scheme in schemes:
            continue
        missing += sorted(members - covered)
    assert not missing, f"{name}: no row for {missing}"
    assert set(OTHER_SCHEMES) <= schemes | set(CONCEPT_SCHEMES), name


def test_tables_are_documented() -> None:
    readme = (ONTOLOGY_DIR / "README.md").read_text(encoding="utf-8")
    for name in TABLES:
        assert f"mappings/{name}" in readme, name
    assert Path(MAPPINGS / "wikidata.csv").exists()
