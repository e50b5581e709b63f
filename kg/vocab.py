"""Namespaces and the single prefix map, read from ``ontology/prefixes.ttl``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rdflib import Graph, Namespace
from rdflib.namespace import SH

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = ROOT / "ontology"
SHAPES_DIR = ROOT / "shapes"
DATA_DIR = ROOT / "data"
QUERIES_DIR = ROOT / "queries"
PREFIXES_FILE = ONTOLOGY_DIR / "prefixes.ttl"


@cache
def prefixes() -> dict[str, str]:
    """Return the project's prefix map, prefix -> namespace IRI, as declared in prefixes.ttl."""
    g = Graph()
    g.parse(PREFIXES_FILE, format="turtle")
    out: dict[str, str] = {}
    for decl in g.objects(None, SH.declare):
        out[str(g.value(decl, SH.prefix))] = str(g.value(decl, SH.namespace))
    return dict(sorted(out.items()))


def sparql_prologue(names: list[str] | None = None) -> str:
    """PREFIX lines for the given prefixes (all when None), for queries built in code."""
    pm = prefixes()
    return "".join(f"PREFIX {p}: <{pm[p]}>\n" for p in (names or pm))


def bind_prefixes(g: Graph) -> Graph:
    """Bind the project prefixes on a graph or dataset, replacing rdflib's defaults."""
    for p, ns in prefixes().items():
        g.bind(p, Namespace(ns), override=True, replace=True)
    return g


_pm = prefixes()
AKG = Namespace(_pm["akg"])
AKR = Namespace(_pm["akr"])
GRAPH = Namespace(_pm["akgraph"])
EVTYPE = Namespace(_pm["evtype"])
ROLE = Namespace(_pm["role"])
ORGKIND = Namespace(_pm["orgkind"])
ORGFUNCTION = Namespace(_pm["orgfunction"])
INSTKIND = Namespace(_pm["instkind"])
PLACEKIND = Namespace(_pm["placekind"])
RIGHT = Namespace(_pm["right"])
DEMANDTYPE = Namespace(_pm["demandtype"])
ACCESS = Namespace(_pm["access"])
PRECISION = Namespace(_pm["precision"])
CHARGESTATUS = Namespace(_pm["chargestatus"])
SCHEMA = Namespace(_pm["schema"])
ORG = Namespace(_pm["org"])
ELI = Namespace(_pm["eli"])
OA = Namespace(_pm["oa"])
WD = Namespace(_pm["wd"])
WDT = Namespace(_pm["wdt"])
VOID = Namespace(_pm["void"])
DCAT = Namespace(_pm["dcat"])

# Named graphs with a fixed role; case graphs are GRAPH["case/<appeal-id>"].
ONTOLOGY_GRAPH = GRAPH["ontology"]
REFERENCE_GRAPH = GRAPH["reference"]
DERIVED_GRAPH = GRAPH["derived"]
LINKS_GRAPH = GRAPH["links"]
