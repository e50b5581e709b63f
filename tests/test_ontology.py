"""The ontology and vocabularies: they parse, every term is documented, and every term and concept
the code and the data use is defined."""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef

from kg.record import caserecord
from kg.record.caserecord import load_record, record_to_graph, slug
from kg.vocab import AKG, DATA_DIR, ONTOLOGY_DIR, ROOT, prefixes

ONTOLOGY_FILE = ONTOLOGY_DIR / "appeals-kg.ttl"
VOCAB_FILE = ONTOLOGY_DIR / "vocabularies.ttl"
MAPPINGS_FILE = ONTOLOGY_DIR / "mappings" / "wikidata.csv"
ONTOLOGY_IRI = URIRef("https://w3id.org/appeals-kg/ontology")
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
# prefix in prefixes.ttl -> scheme IRI (the namespace without its trailing slash)
SCHEMES = {
    p: prefixes()[p].rstrip("/")
    for p in (
        "evtype",
        "role",
        "orgkind",
        "orgfunction",
        "instkind",
        "placekind",
        "right",
        "demandtype",
        "access",
        "precision",
        "chargestatus",
    )
}


@cache
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


@cache
def vocabularies() -> Graph:
    return Graph().parse(VOCAB_FILE, format="turtle")


def defined_terms() -> set[URIRef]:
    g = ontology()
    return {s for t in TERM_TYPES for s in g.subjects(RDF.type, t) if isinstance(s, URIRef)}


def concepts() -> set[URIRef]:
    return {c for c in vocabularies().subjects(RDF.type, SKOS.Concept) if isinstance(c, URIRef)}


def has_en(g: Graph, s: URIRef, p: URIRef) -> bool:
    return any(isinstance(o, Literal) and o.language == "en" for o in g.objects(s, p))


@cache
def data_graph() -> Graph:
    """Every case record and every Turtle file under data/, as one graph."""
    g = Graph()
    for path in sorted(DATA_DIR.glob("*/*.yaml")):
        record = load_record(path)
        text_path = DATA_DIR / "appeals" / f"{path.stem}.txt"
        text = text_path.read_text(encoding="utf-8") if text_path.exists() else None
        g += record_to_graph(record, text, origin=str(path))[1]
    for path in sorted(DATA_DIR.rglob("*.ttl")):
        g.parse(path, format="turtle")
    return g


def test_files_parse_and_have_headers() -> None:
    g = ontology()
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in g
    assert g.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    assert g.value(ONTOLOGY_IRI, URIRef("http://purl.org/dc/terms/license")) is not None
    v = vocabularies()
    assert len(v) > 0


@pytest.mark.parametrize("path", [ONTOLOGY_FILE, VOCAB_FILE])
def test_turtle_prefixes_agree_with_prefix_map(path: Path) -> None:
    pm = prefixes()
    declared = re.findall(r"^@prefix\s+([\w-]*):\s*<([^>]*)>", path.read_text("utf-8"), re.M)
    for prefix, ns in declared:
        assert pm.get(prefix) == ns, f"{path.name}: prefix {prefix}: <{ns}> is not in prefixes.ttl"


def test_every_term_has_label_definition_and_is_defined_by() -> None:
    g = ontology()
    problems = []
    for term in sorted(defined_terms()):
        if not str(term).startswith(str(AKG)):
            continue
        for p in (RDFS.label, SKOS.definition):
            if not has_en(g, term, p):
                problems.append(f"{term} has no English {p.n3(g.namespace_manager)}")
        if (term, RDFS.isDefinedBy, ONTOLOGY_IRI) not in g:
            problems.append(f"{term} has no rdfs:isDefinedBy <{ONTOLOGY_IRI}>")
    assert not problems, "\n".join(problems)


def test_every_akg_term_in_code_is_defined() -> None:
    used: set[URIRef] = set()
    for path in sorted((ROOT / "kg").glob("*.py")):
        source = path.read_text("utf-8")
        used |= {AKG[n] for n in re.findall(r"\bAKG\.([A-Za-z_][A-Za-z0-9_]*)", source)}
        used |= {AKG[n] for n in re.findall(r"\bAKG\[\s*[\"']([^\"']+)[\"']\s*\]", source)}
        used |= {AKG[n] for n in re.findall(r"\bakg:([A-Za-z_][A-Za-z0-9_]*)", source)}
    missing = sorted(used - defined_terms())
    assert not missing, f"used in kg/ but not defined in {ONTOLOGY_FILE.name}: {missing}"


def test_every_akg_term_and_concept_in_data_is_defined() -> None:
    g = data_graph()
    terms = defined_terms()
    schemes = tuple(ns + "/" for ns in SCHEMES.values())
    used_terms = {p for p in g.predicates() if str(p).startswith(str(AKG))}
    used_terms |= {o for o in g.objects(None, RDF.type) if str(o).startswith(str(AKG))}
    missing = sorted(used_terms - terms)
    assert not missing, f"used in data/ but not defined in {ONTOLOGY_FILE.name}: {missing}"
    used_concepts = {o for o in g.objects() if isinstance(o, URIRef) and str(o).startswith(schemes)}
    missing = sorted(used_concepts - concepts())
    assert not missing, f"used in data/ but not in {VOCAB_FILE.name}: {missing}"


def test_every_scheme_exists() -> None:
    v = vocabularies()
    for _prefix, iri in SCHEMES.items():
        assert (URIRef(iri), RDF.type, SKOS.ConceptScheme) in v, f"no concept scheme <{iri}>"
        assert has_en(v, URIRef(iri), SKOS.prefLabel)
        assert has_en(v, URIRef(iri), SKOS.definition)


def test_every_concept_is_documented_and_named_by_its_notation() -> None:
    v = vocabularies()
    schemes = {URIRef(iri) for iri in SCHEMES.values()}
    problems = []
    for c in sorted(concepts()):
        for p in (SKOS.prefLabel, SKOS.definition):
            if not has_en(v, c, p):
                problems.append(f"{c} has no English {p.n3(v.namespace_manager)}")
        in_schemes = set(v.objects(c, SKOS.inScheme))
        if not in_schemes or not in_schemes <= schemes:
            problems.append(f"{c} is not in one of the project's schemes: {in_schemes}")
        for scheme in in_schemes:
            notation = v.value(c, SKOS.notation)
            if str(c) != f"{scheme}/{notation}":
                problems.append(f"{c} is not <{scheme}/> + its notation {notation!r}")
        if len(list(v.objects(c, SKOS.prefLabel))) != 1:
            problems.append(f"{c} has more than one prefLabel")
    assert not problems, "\n".join(problems)


def test_controlled_lists_of_the_code_are_concepts() -> None:
    ns = {p: prefixes()[p] for p in SCHEMES}
    expected = {
        "evtype": set(caserecord.EVENT_TYPES),
        "role": set(caserecord.PERSON_ROLES)
        | {"agent", "target", "authority", "complainant", "defendant", "appellant"}
        | {"court", "prosecutor", "police"},
        "orgkind": set(caserecord.ORG_KINDS),
        "orgfunction": set(caserecord.ORG_FUNCTIONS),
        "placekind": set(caserecord.PLACE_KINDS),
        "instkind": set(caserecord.INSTRUMENT_KINDS),
        "access": set(caserecord.ACCESS_LEVELS),
        "chargestatus": set(caserecord.CHARGE_STATUSES),
        "demandtype": {kind for _, kind in caserecord.DEMAND_RULES} | {"other"},
        "precision": {"day", "month", "year"},
    }
    have = concepts()
    missing = sorted(
        f"{p}:{value}"
        for p, values in expected.items()
        for value in values
        if URIRef(ns[p] + value) not in have
    )
    assert not missing, f"controlled values of kg/record/caserecord.py with no concept: {missing}"


def test_right_concepts_are_named_by_the_slug_of_their_label() -> None:
    v = vocabularies()
    ns = prefixes()["right"]
    for c in concepts():
        if str(c).startswith(ns):
            assert str(c) == ns + slug(str(v.value(c, SKOS.prefLabel))), c


def test_labels_are_unique_within_a_scheme() -> None:
    v = vocabularies()
    for iri in SCHEMES.values():
        seen: dict[str, URIRef] = {}
        for c in sorted(v.subjects(SKOS.inScheme, URIRef(iri))):
            for p in (SKOS.prefLabel, SKOS.altLabel):
                for label in v.objects(c, p):
                    key = str(label).lower()
                    assert seen.setdefault(key, c) == c, (
                        f"{label!r} labels both {seen[key]} and {c}"
                    )


def test_wikidata_mappings_match_the_decision_table() -> None:
    v = vocabularies()
    pm = prefixes()
    matches = (
        SKOS.exactMatch,
        SKOS.closeMatch,
        SKOS.broadMatch,
        SKOS.narrowMatch,
        SKOS.relatedMatch,
    )
    in_vocab = {
        (s, p, o) for p in matches for s, o in v.subject_objects(p) if str(o).startswith(pm["wd"])
    }

    def expand(curie: str) -> URIRef:
        prefix, _, local = curie.partition(":")
        return URIRef(pm[prefix] + local)

    with MAPPINGS_FILE.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows and list(rows[0]) == ["concept", "target", "relation", "decided_by", "reason"]
    in_table = set()
    for row in rows:
        assert row["decided_by"].strip() and row["reason"].strip(), row
        concept = expand(row["concept"])
        assert concept in concepts(), f"{row['concept']} is not a concept"
        assert re.fullmatch(r"wd:Q[1-9][0-9]*", row["target"]), row["target"]
        in_table.add((concept, expand(row["relation"]), expand(row["target"])))
    assert in_vocab == in_table
