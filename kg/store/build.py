"""``data/`` + ``ontology/`` -> one dataset, one named graph per appeal.

Named graphs:

- ``akgraph:ontology``  — the OWL ontology and the SKOS vocabularies;
- ``akgraph:reference`` — countries, legal instruments, courts and other shared entities;
- ``akgraph:appeal/a-…`` — one per appeal: its case record's facts, each with evidence;
- ``akgraph:links``     — reviewed links to Wikidata and other datasets (``data/links/``);
- ``akgraph:derived``   — shortcuts materialised by the rules in ``ontology/rules/``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, SKOS, Dataset, Graph, Literal, URIRef
from rdflib.exceptions import ParserError
from rdflib.namespace import FOAF

from kg.countries import country_iri
from kg.errors import DataError, InputError
from kg.record.caserecord import appeal_iri, load_record, record_to_graph
from kg.record.identity import (
    Cluster,
    ReviewRow,
    apply_resolution,
    resolve_identities,
    write_review,
)
from kg.record.keys import check_unique_keys
from kg.record.takedown import apply_takedowns, load_takedowns
from kg.store import DEFAULT_STORE, Store, replacing_stores
from kg.store.partition import partition_triples, without_stated
from kg.store.public import pseudonym_key, public_quads
from kg.vocab import (
    AKG,
    DATA_DIR,
    DERIVED_GRAPH,
    LINKS_GRAPH,
    ONTOLOGY_DIR,
    ONTOLOGY_GRAPH,
    PLACEKIND,
    REFERENCE_GRAPH,
    bind_prefixes,
)

CURATED_DIR = "cases"
EXTRACTED_DIR = "extracted"
APPEALS_DIR = "appeals"
IDENTITIES_FILE = "identities.csv"  # curated same/different decisions (docs/identity.md)


@dataclass
class CaseSource:
    """One case record on disk and the appeal text its evidence offsets index."""

    appeal_id: str
    record_path: Path
    text_path: Path | None
    curated: bool


@dataclass
class BuildResult:
    """What a build produced, for the summary line and for tests."""

    store_path: Path | None
    cases: list[CaseSource] = field(default_factory=list)
    triples: int = 0
    graphs: int = 0
    entities: int = 0
    derived: int = 0
    shadowed: list[CaseSource] = field(default_factory=list)
    seconds: float = 0.0
    identity_clusters: list[Cluster] = field(default_factory=list)
    identity_review: Iterable[ReviewRow] = field(default_factory=list)  # sized: len() works
    # Whether the review rows differ from the last build's (None: not known, as when a build
    # with nothing changed resolved nothing): the review file is written again only then.
    identity_review_changed: bool | None = None

    def write_review(self, path: Path | str) -> Path:
        """The identity pairs left for a curator (``data/identity-review.csv``), atomically."""
        return write_review(self.identity_review, path)


def parse_turtle(path: Path, graph: Graph | None = None) -> Graph:
    """Parse a Turtle file; syntax errors become one line naming the file and line."""
    graph = graph if graph is not None else Graph()
    try:
        graph.parse(path, format="turtle")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (SyntaxError, ParserError, ValueError) as e:
        raise InputError(
            f"{path}: Turtle syntax error: {_syntax_error_position(path, e)}"
        ) from None
    return graph


def _syntax_error_position(path: Path, error: Exception) -> str:
    """Oxigraph's parser reports line and column exactly; rdflib's are often off."""
    import pyoxigraph as ox

    try:
        for _ in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
            pass
    except SyntaxError as e:
        return str(e).splitlines()[0]
    return " ".join(str(error).split())[:300]


def ontology_graph(ontology_dir: Path = ONTOLOGY_DIR) -> Graph:
    """The ontology and the SKOS vocabularies (every ``*.ttl`` in ``ontology/``)."""
    g = bind_prefixes(Graph())
    for path in sorted(Path(ontology_dir).glob("*.ttl")):
        parse_turtle(path, g)
    return g


def countries_graph() -> Graph:
    """Every ISO 3166-1 country as an ``akg:Country`` with its codes (from pycountry)."""
    import pycountry

    g = Graph()
    for c in pycountry.countries:
        node = country_iri(c.alpha_2)
        g.add((node, RDF.type, AKG.Country))
        g.add((node, RDFS.label, Literal(getattr(c, "common_name", None) or c.name)))
        if getattr(c, "official_name", None):
            g.add((node, SKOS.altLabel, Literal(c.official_name)))
        if getattr(c, "common_name", None):
            g.add((node, SKOS.altLabel, Literal(c.name)))
        g.add((node, AKG.placeKind, PLACEKIND.country))
        g.add((node, AKG.iso3166Alpha2, Literal(c.alpha_2)))
        g.add((node, AKG.iso3166Alpha3, Literal(c.alpha_3)))
    return g


def reference_graph(data_dir: Path = DATA_DIR) -> Graph:
    """Shared reference data: ``data/reference/`` (Turtle, N-Triples, JSON-LD, RDF/XML, read
    without fetching anything; see kg.record.rdfinput) plus the ISO countries."""
    from kg.record.rdfinput import read_reference_files

    g = bind_prefixes(Graph())
    g += countries_graph()
    read_reference_files(Path(data_dir) / "reference", g)
    return g


def find_cases(data_dir: Path = DATA_DIR) -> tuple[list[CaseSource], list[CaseSource]]:
    """Case records under ``data/cases`` (curated) and ``data/extracted``; a curated record
    for an appeal wins over an extracted one. Returns (cases, shadowed extracted records)."""
    data_dir = Path(data_dir)
    chosen: dict[str, CaseSource] = {}
    shadowed: list[CaseSource] = []
    for sub, curated in ((CURATED_DIR, True), (EXTRACTED_DIR, False)):
        for path in sorted((data_dir / sub).glob("*.yaml")):
            record = load_record(path)
            aid = str(record["appeal"]["id"])
            source = record["appeal"].get("source")
            text_path = _text_path(data_dir, path, source) if source else None
            case = CaseSource(aid, path, text_path, curated)
            if aid in chosen:
                if chosen[aid].curated and not curated:
                    shadowed.append(case)
                    continue
                raise DataError(
                    f"{path}: appeal id '{aid}' is already used by {chosen[aid].record_path}"
                )
            chosen[aid] = case
    return sorted(chosen.values(), key=lambda c: c.appeal_id), shadowed


def _text_path(data_dir: Path, record_path: Path, source: str) -> Path:
    for candidate in (record_path.parent / source, data_dir / APPEALS_DIR / source):
        if candidate.is_file():
            return candidate
    raise InputError(
        f"{record_path}: appeal text '{source}' not found beside the record or in "
        f"{data_dir / APPEALS_DIR}"
    )


def case_graph(
    case: CaseSource, record: dict[str, Any] | None = None, graph: Any = None
) -> tuple[URIRef, Graph]:
    """The named graph of one case record, its evidence checked against the appeal text;
    ``record`` is the record already loaded (and resolved), else it is read from disk;
    ``graph`` as in :func:`kg.record.caserecord.record_to_graph`."""
    if record is None:
        record = load_record(case.record_path)
    text = case.text_path.read_text(encoding="utf-8") if case.text_path else None
    name, g = record_to_graph(record, text, origin=str(case.record_path), graph=graph)
    g.add((appeal_iri(case.appeal_id), AKG.recordFile, Literal(_relative(case.record_path))))
    return name, g


def _relative(path: Path) -> str:
    """A record's path relative to the data folder (its last two parts: ``cases/x.yaml``), so
    that no path of the curator's machine reaches the graph."""
    return Path(path).parent.name + "/" + Path(path).name


def links_graph(data_dir: Path = DATA_DIR) -> Graph:
    """Reviewed links (``data/links/*.csv``); empty when there are none."""
    links_dir = Path(data_dir) / "links"
    if not any(links_dir.glob("*.csv")):
        return Graph()
    from kg.link import load_links

    return load_links(links_dir)


def rules(ontology_dir: Path = ONTOLOGY_DIR) -> list[tuple[str, str]]:
    """The derivation rules: (file name, SPARQL CONSTRUCT text)."""
    return [
        (p.name, p.read_text(encoding="utf-8"))
        for p in sorted((Path(ontology_dir) / "rules").glob("*.rq"))
    ]


def derive(store: Store, ontology_dir: Path = ONTOLOGY_DIR) -> Graph:
    """Run every rule over the union of the graphs; the result is the derived graph."""
    from kg.store.derive import rule_shape

    derived = bind_prefixes(Graph())
    for name, text in rules(ontology_dir):
        try:
            found = store.query(text)
        except Exception as e:  # a rule file is project code: say which one failed
            raise DataError(f"{Path(ontology_dir) / 'rules' / name}: {e}") from None
        concat = dict(rule_shape(name, text).concat)  # GROUP_CONCAT's parts in one order
        for s, p, o in found:
            sep = concat.get(str(p))
            if sep is not None and isinstance(o, Literal):
                parts = sorted(str(o).split(sep)) if sep else sorted(str(o))
                o = Literal(sep.join(parts), lang=o.language, datatype=o.datatype)
            derived.add((s, p, o))
    return derived


def defer_to_reference(case: Graph, reference: Graph) -> None:
    """Where an appeal names a reference entity otherwise ("Turkey" for the ISO "Türkiye"), the
    reference label stays the label and the appeal's wording becomes an alternative label."""
    for pred in (RDFS.label, FOAF.name):
        for s, label in list(case.subject_objects(pred)):
            ref_labels = set(reference.objects(s, RDFS.label))
            if ref_labels and label not in ref_labels:
                case.remove((s, pred, label))
                case.add((s, SKOS.altLabel, label))


def build_dataset(
    data_dir: Path = DATA_DIR, ontology_dir: Path = ONTOLOGY_DIR
) -> tuple[Dataset, BuildResult]:
    """Everything but the derived graph, as an rdflib Dataset (no store needed)."""
    result = BuildResult(store_path=None)
    ds = bind_prefixes(Dataset())
    ds.graph(ONTOLOGY_GRAPH).__iadd__(ontology_graph(ontology_dir))
    reference = reference_graph(data_dir)
    result.cases, result.shadowed = find_cases(data_dir)
    # One IRI for the same person, organisation or instrument across appeals (kg.record.identity).
    records = {case.appeal_id: load_record(case.record_path) for case in result.cases}
    check_unique_keys((str(c.record_path), records[c.appeal_id]) for c in result.cases)
    resolution = resolve_identities(records, Path(data_dir) / IDENTITIES_FILE)
    apply_resolution(records, resolution)
    result.identity_clusters = resolution.clusters
    result.identity_review = resolution.review_rows
    appeals = {}
    for case in result.cases:
        name, g = case_graph(case, records[case.appeal_id])
        defer_to_reference(g, reference)
        appeals[name] = g
    # One triple, one graph (kg.store.partition): a plain SELECT gives each fact once.
    partition_triples([ds.graph(ONTOLOGY_GRAPH)], reference, appeals)
    ds.graph(REFERENCE_GRAPH).__iadd__(reference)
    for name, g in appeals.items():
        ds.graph(name).__iadd__(g)
    links = links_graph(data_dir)
    if len(links):
        ds.graph(LINKS_GRAPH).__iadd__(links)
    apply_takedowns(ds, load_takedowns(data_dir))  # data/takedowns.csv: restricted everywhere
    return ds, result


def build(
    store_path: Path | str = DEFAULT_STORE,
    data_dir: Path = DATA_DIR,
    ontology_dir: Path = ONTOLOGY_DIR,
    *,
    incremental: bool = True,
    progress: Callable[[str], None] | None = None,
) -> BuildResult:
    """Build the store from ``data/`` and ``ontology/``, atomically: on any error the previous
    store stays as it was. Streams, and rebuilds only what changed (:mod:`kg.store.stream`)."""
    from kg.store.stream import build_streaming

    return build_streaming(
        store_path, data_dir, ontology_dir, incremental=incremental, progress=progress
    )


def build_classic(
    store_path: Path | str = DEFAULT_STORE,
    data_dir: Path = DATA_DIR,
    ontology_dir: Path = ONTOLOGY_DIR,
) -> BuildResult:
    """Build both stores through one rdflib Dataset and :func:`public_dataset`: the path for
    data with restricted facts or takedowns, and the reference the streaming build is tested
    against."""
    started = time.perf_counter()
    ds, result = build_dataset(data_dir, ontology_dir)
    with replacing_stores(store_path) as stores:
        store = stores.full
        store.add_dataset(ds)
        derived = without_stated(derive(store, ontology_dir), (q[:3] for q in ds.quads()))
        store.add_graph(derived, DERIVED_GRAPH)
        result.derived = len(derived)
        result.triples = len(store)
        result.graphs = len(store.graph_names())
        result.entities = count_entities(store)
        # The public store gets public facts only, and derives its shortcuts from them alone.
        public = public_quads(ds, pseudonym_key(data_dir))
        stores.public.add_quads(public)
        public_derived = derive(stores.public, ontology_dir)
        stores.public.add_graph(
            without_stated(public_derived, (q[:3] for q in public)), DERIVED_GRAPH
        )
    result.store_path = Path(store_path)
    result.seconds = time.perf_counter() - started
    return result


def count_entities(store: Store) -> int:
    """Distinct persons, organisations, places and legal instruments named by some appeal.
    Each typed node is asked once whether some appeal names it (``EXISTS`` stops at the
    first), rather than joined with every appeal and span that names it and the rows made
    distinct again: the same count, about 40% less CPU at 3,000 appeals."""
    q = """
    PREFIX akg: <https://w3id.org/appeals-kg/ontology#>
    PREFIX oa: <http://www.w3.org/ns/oa#>
    SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
      VALUES ?c { akg:Person akg:Organisation akg:Place akg:Country akg:LegalInstrument }
      ?e a ?c .
      FILTER EXISTS { ?e akg:reportedIn|akg:evidence/oa:hasSource ?appeal }
    }"""
    _, rows = store.query(q)
    return int(rows[0][0]) if rows else 0
