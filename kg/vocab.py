"""Namespaces and the single prefix map, read from ``ontology/prefixes.ttl``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rdflib import Graph, Namespace, URIRef
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


_ATTR_TERMS: dict[tuple[str, str], URIRef] = {}


class _Namespace(Namespace):
    """A namespace whose terms named as attributes (``AKG.Appeal``) are made once each: a build
    names a few hundred of them millions of times. Terms made with ``[...]`` (IRIs minted from
    data) are not kept. A term is also kept in the namespace's own ``__dict__``, where Python
    finds it before calling ``__getattr__`` again (a Python call per use otherwise)."""

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):  # as rdflib's Namespace: no special Python names
            raise AttributeError
        term = _ATTR_TERMS.get((self, name))
        if term is None:
            term = _ATTR_TERMS[(self, name)] = self.term(name)
        self.__dict__[name] = term
        return term

    def __getitem__(self, key: str) -> URIRef:  # type: ignore[override]
        """``NS[local]``, as rdflib's, in one call rather than three (IRIs minted from data)."""
        if type(key) is str:
            return URIRef(str.__add__(self, key))
        return Namespace.__getitem__(self, key)


_pm = prefixes()
AKG = _Namespace(_pm["akg"])
AKR = _Namespace(_pm["akr"])
GRAPH = _Namespace(_pm["akgraph"])
EVTYPE = _Namespace(_pm["evtype"])
ROLE = _Namespace(_pm["role"])
ORGKIND = _Namespace(_pm["orgkind"])
ORGFUNCTION = _Namespace(_pm["orgfunction"])
INSTKIND = _Namespace(_pm["instkind"])
PLACEKIND = _Namespace(_pm["placekind"])
RIGHT = _Namespace(_pm["right"])
DEMANDTYPE = _Namespace(_pm["demandtype"])
ACCESS = _Namespace(_pm["access"])
PRECISION = _Namespace(_pm["precision"])
CHARGESTATUS = _Namespace(_pm["chargestatus"])
SCHEMA = _Namespace(_pm["schema"])
ORG = _Namespace(_pm["org"])
ELI = _Namespace(_pm["eli"])
OA = _Namespace(_pm["oa"])
WD = _Namespace(_pm["wd"])
WDT = _Namespace(_pm["wdt"])
VOID = _Namespace(_pm["void"])
DCAT = _Namespace(_pm["dcat"])

# Named graphs with a fixed role; case graphs are GRAPH["case/<appeal-id>"].
ONTOLOGY_GRAPH = GRAPH["ontology"]
REFERENCE_GRAPH = GRAPH["reference"]
DERIVED_GRAPH = GRAPH["derived"]
LINKS_GRAPH = GRAPH["links"]

# The classes ontology/compact/types.rq gives back: a node that has the property is one (its
# domain), so appeal graphs do not store that rdf:type. Pages and filters that show or need the
# type read it from here.
IMPLIED_TYPES = {
    AKG.eventType: AKG.Event,
    AKG.agent: AKG.Involvement,
    AKG.madeIn: AKG.Demand,
    AKG.right: AKG.RightClaim,
    ORG.member: ORG.Membership,
}
