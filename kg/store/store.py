"""The embedded store: the only module that knows the backend (pyoxigraph).

Oxigraph keeps the dataset on disk (RocksDB) and answers SPARQL 1.1 in Rust; rdflib stays the
API for parsing, SHACL (pyshacl) and serialisation. Terms cross the boundary as rdflib terms, so
callers never see pyoxigraph types. ``bench/bench_store.py`` holds the measurements behind the
choice.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from kg.errors import QueryError, StoreError
from kg.files import current_generation, replacing_folder
from kg.store.chunks import write_chunks

DEFAULT_STORE = Path(".kg")
MARKER = "appeals-kg-store"  # a file inside every store directory we create
FULL = "full"  # the two stores of a build, side by side in one generation folder
PUBLIC = "public"

FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
}


def to_ox(term: Node) -> Any:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot convert {term!r} to a store term")


def from_ox(term: Any) -> Node | None:
    """A pyoxigraph term as an rdflib term (None for unbound)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(dt))
    if isinstance(term, ox.DefaultGraph):
        return None
    raise TypeError(f"cannot convert {term!r} from the store")


Cell = tuple[str, str, str | None, str | None]  # kind, value, language, datatype
_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _cell(term: Any) -> Cell | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return ("uri", term.value, None, None)
    if isinstance(term, ox.BlankNode):
        return ("bnode", term.value, None, None)
    if isinstance(term, ox.Literal):
        if term.language:
            return ("literal", term.value, term.language, None)
        dt = term.datatype.value
        return ("literal", term.value, None, None if dt == _STRING else dt)
    raise TypeError(f"cannot convert {term!r} from the store")


def _converted_rows(res: Any, convert: Callable[[Any], Any]) -> Iterator[tuple[Any, ...]]:
    """Each solution's terms converted; a term recurs across rows (a defender, a court, an
    appeal), so each is converted once."""
    seen: dict[Any, Any] = {None: None}
    for sol in res:
        row = []
        for term in sol:
            value = seen.get(term, seen)
            if value is seen:
                value = seen[term] = convert(term)
            row.append(value)
        yield tuple(row)


def _cell_rows(res: Any) -> Iterator[tuple[Cell | None, ...]]:
    try:
        yield from _converted_rows(res, _cell)
    except OSError as e:  # results are computed lazily: a failing SERVICE surfaces here
        raise QueryError(f"query failed: {e}") from None


class Store:
    """A dataset in Oxigraph, on disk or in memory."""

    def __init__(self, backend: ox.Store, path: Path | None = None) -> None:
        self._s = backend
        self.path = path

    # opening ---------------------------------------------------------------------------
    @classmethod
    def memory(cls) -> Store:
        """A fresh in-memory store (tests, notebooks, transient work)."""
        return cls(ox.Store())

    @classmethod
    def open(cls, path: Path | str = DEFAULT_STORE, *, read_only: bool = True) -> Store:
        """Open a built store; read-only by default so that readers never lock out a build."""
        path = store_location(path)
        if not (path / MARKER).exists():
            raise StoreError(f"{path}: no store here; run 'kg build' first (or pass --store DIR)")
        try:
            backend = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
        except (OSError, RuntimeError) as e:
            # RocksDB reports a damaged store as RuntimeError ("Corruption: ...").
            reason = " ".join(str(e).split())[:200]
            raise StoreError(
                f"{path}: cannot open the store ({reason}); run 'kg build' to rebuild it"
            ) from None
        return cls(backend, path)

    @property
    def is_public(self) -> bool:
        """True for the public store of a build (only public facts, :mod:`kg.store.public`)."""
        if self.path is None:
            return False
        marker = self.path / MARKER
        return marker.exists() and marker.read_text(encoding="utf-8").strip().endswith(PUBLIC)

    @property
    def oxigraph(self) -> ox.Store:
        """The backend, for the SPARQL endpoint that serves it directly."""
        return self._s

    # writing ---------------------------------------------------------------------------
    def add_graph(self, graph: Graph, name: URIRef | None) -> None:
        """Add an rdflib graph's triples to the named graph (default graph when None)."""
        g = ox.NamedNode(str(name)) if name is not None else ox.DefaultGraph()
        self._s.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in graph)

    def add_quads(self, quads: Iterable[tuple[Node, Node, Node, Node | None]]) -> None:
        """Add (subject, predicate, object, graph) tuples; a graph of None or the rdflib
        default graph goes to the default graph."""
        self._s.extend(
            ox.Quad(
                to_ox(s),
                to_ox(p),
                to_ox(o),
                ox.DefaultGraph()
                if g is None or g == DATASET_DEFAULT_GRAPH_ID
                else ox.NamedNode(str(g)),
            )
            for s, p, o, g in quads
        )

    def add_dataset(self, ds: Dataset) -> None:
        """Add every named graph of an rdflib dataset."""
        for ctx in ds.graphs():
            name = ctx.identifier
            self.add_graph(ctx, None if name == ds.default_graph.identifier else name)

    def flush(self) -> None:
        self._s.flush()
        self._s.optimize()

    # reading ---------------------------------------------------------------------------
    def query(
        self, text: str, bindings: dict[str, Node] | None = None, *, union: bool = True
    ) -> Any:
        """Run SPARQL; ``bindings`` are substituted as RDF terms, never pasted as text.

        Returns (variables, rows of rdflib terms) for SELECT, a bool for ASK, or an rdflib
        Graph for CONSTRUCT/DESCRIBE.
        """
        return self._converted(self._evaluate(text, bindings, union))

    def _converted(self, res: Any) -> Any:
        if isinstance(res, ox.QueryBoolean):
            return bool(res)
        # Results are computed lazily: a failing SERVICE call surfaces while they are read.
        try:
            if isinstance(res, ox.QuerySolutions):
                names = [v.value for v in res.variables]
                return names, list(_converted_rows(res, from_ox))
            g = Graph()
            for t in res:
                g.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
        except OSError as e:
            raise QueryError(f"query failed: {e}") from None
        return g

    def _evaluate(self, text: str, bindings: dict[str, Node] | None, union: bool) -> Any:
        subs = {}
        for k, v in (bindings or {}).items():
            try:
                subs[ox.Variable(k)] = to_ox(v)
            except ValueError as e:
                raise QueryError(f"parameter ?{k}: '{v}' is not a valid RDF term ({e})") from None
        try:
            return self._s.query(text, use_default_graph_as_union=union, substitutions=subs)
        except SyntaxError as e:
            raise QueryError(f"SPARQL syntax error: {str(e).splitlines()[0]}") from None
        except OSError as e:
            raise QueryError(f"query failed: {e}") from None

    def query_cells(
        self, text: str, bindings: dict[str, Node] | None = None, *, union: bool = True
    ) -> Any:
        """Like :meth:`query`, but a SELECT gives (variables, an iterator of rows) whose cells
        are ``(kind, value, language, datatype)`` tuples (kind ``uri``, ``literal`` or
        ``bnode``; None for unbound), read as the rows come and with no rdflib term made: for
        writing a large answer as text. Other query forms give what :meth:`query` gives."""
        res = self._evaluate(text, bindings, union)
        if not isinstance(res, ox.QuerySolutions):
            return self._converted(res)
        return [v.value for v in res.variables], _cell_rows(res)

    def construct_lines(self, text: str, *, union: bool = False) -> list[str]:
        """A CONSTRUCT query's triples as N-Triples lines, serialised by Oxigraph (no rdflib
        terms in between: fast, and exact for any literal)."""
        try:
            res = self._s.query(text, use_default_graph_as_union=union)
        except SyntaxError as e:
            raise QueryError(f"SPARQL syntax error: {str(e).splitlines()[0]}") from None
        except OSError as e:
            raise QueryError(f"query failed: {e}") from None
        if not isinstance(res, ox.QueryTriples):
            raise QueryError("construct_lines needs a CONSTRUCT query")
        data = res.serialize(format=ox.RdfFormat.N_TRIPLES) or b""
        return data.decode("utf-8").splitlines()

    def graph_names(self) -> list[URIRef]:
        """The named graphs, sorted."""
        return sorted(URIRef(g.value) for g in self._s.named_graphs())

    def has_graph(self, graph: URIRef | str) -> bool:
        """Whether the store holds the named graph ``graph`` (a lookup, not a listing)."""
        return self._s.contains_named_graph(ox.NamedNode(str(graph)))

    def dump(self, fmt: str, graph: URIRef | None = None) -> bytes:
        """Serialise the dataset (or one named graph) in an Oxigraph format."""
        if graph is not None:
            return self._s.dump(format=FORMATS[fmt], from_graph=ox.NamedNode(str(graph)))
        return self._s.dump(format=FORMATS[fmt])

    def to_dataset(self, graphs: list[URIRef] | None = None) -> Dataset:
        """The store (or some named graphs) as an rdflib Dataset, for pyshacl and rdflib writers."""
        ds = Dataset()
        for quad in self._s.quads_for_pattern(None, None, None, None):
            gname = from_ox(quad.graph_name)
            if graphs is not None and gname not in graphs:
                continue
            ctx = ds.graph(gname) if gname is not None else ds.default_graph
            ctx.add((from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)))
        return ds

    def to_graph(self, graphs: list[URIRef] | None = None) -> Graph:
        """The union of the named graphs (or some of them) as one rdflib Graph."""
        g = Graph()
        for quad in self._s.quads_for_pattern(None, None, None, None):
            if graphs is not None and from_ox(quad.graph_name) not in graphs:
                continue
            g.add((from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)))
        return g

    def __len__(self) -> int:
        return len(self._s)

    def count(self, graph: URIRef) -> int:
        """Triples in one named graph."""
        return sum(1 for _ in self._s.quads_for_pattern(None, None, None, ox.NamedNode(str(graph))))


def store_size(path: Path) -> int:
    """Bytes on disk of a store directory."""
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


@dataclass
class StorePair:
    """A build's two stores: the full one and the public one (:mod:`kg.store.public`)."""

    full: Store
    public: Store


def check_replaceable(path: Path | str) -> Path:
    """``path`` as an absolute path, if a build may replace what is there (nothing, or stores
    it built); else :class:`StoreError`."""
    path = Path(path).absolute()
    if path.is_symlink() and current_generation(path) is None:
        raise StoreError(f"{path}: a link that is not an appeals-kg store; refusing to replace it")
    if (
        not path.is_symlink()
        and path.exists()
        and (not path.is_dir() or (not (path / MARKER).exists() and any(path.iterdir())))
    ):
        raise StoreError(f"{path}: exists and is not an appeals-kg store; refusing to replace it")
    return path


@contextmanager
def replacing_stores(path: Path | str = DEFAULT_STORE) -> Iterator[StorePair]:
    """Build a new full and public store and swap both in at once if the block succeeds.

    ``path`` is a symlink to a generation ``.<name>.d/g-…`` holding ``full/`` and ``public/``
    (:func:`kg.files.replacing_folder`): a reader sees the old pair or the new pair, never a
    half-written one nor none at all, and a failed or killed build leaves the previous pair.
    """
    path = check_replaceable(path)
    _remove_old_leftovers(path)
    with replacing_folder(path) as folder:
        full = Store(ox.Store(str(folder / FULL)), folder / FULL)
        public = Store(ox.Store(str(folder / PUBLIC)), folder / PUBLIC)
        yield StorePair(full, public)
        for store, sub in ((full, FULL), (public, PUBLIC)):
            store.flush()
            (folder / sub / MARKER).write_text(f"built by appeals-kg: {sub}\n", encoding="utf-8")
        write_chunks(public.oxigraph, folder)  # the public store's files, for exports that copy
        del full, public
        (folder / MARKER).write_text("built by appeals-kg\n", encoding="utf-8")


def _remove_old_leftovers(path: Path) -> None:
    """Folders that builds of an earlier layout left beside the store when killed."""
    for entry in path.parent.glob(f".{path.name}.new-*"):
        shutil.rmtree(entry, ignore_errors=True)
    shutil.rmtree(path.parent / f".{path.name}.old", ignore_errors=True)


def store_location(path: Path | str = DEFAULT_STORE, *, public: bool = False) -> Path:
    """The folder of the full (or public) store that ``path`` names today.

    ``path`` is what ``--store`` gives: a generation pointer made by ``kg build`` (its full
    store, or with ``public`` its public one), or a single store folder.
    """
    path = Path(path)
    real = path.resolve()
    if (real / FULL / MARKER).exists():
        return real / (PUBLIC if public else FULL)
    if public:
        raise StoreError(
            f"{path}: no public store here; run 'kg build' to make one (or pass --store DIR)"
        )
    return path


def public_store_path(path: Path | str = DEFAULT_STORE) -> Path:
    """The public store behind ``path``: the only one a public output may read."""
    return store_location(path, public=True)
