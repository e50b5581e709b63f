"""Find ``.rq`` files, read their headers, and run them with parameters bound as RDF terms.

Each query in ``queries/`` opens with a header::

    # title: Actors party to a case
    # question: For a case, who took part, in which role?
    # params: ?case (IRI)
    # returns: ?actor ?label ?role, one row per actor and role

Parameters are RDF terms, written by rdflib into a ``VALUES`` clause first in the query's outer
``WHERE`` group (else substituted, SEP-0007 in Oxigraph), never pasted into the query's pattern,
so a value can never change the query's shape.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from rdflib import XSD, Literal, URIRef
from rdflib.term import Node

from kg import limits
from kg.errors import QueryError, did_you_mean
from kg.store import Store
from kg.vocab import QUERIES_DIR, prefixes

HEADER = re.compile(r"^#\s*(title|question|params|returns|network)\s*:\s*(.*)$")
PARAM = re.compile(r"\?(\w+)\s*(?:\(([^)]*)\))?")
PARAM_TYPES = {
    "iri": None,
    "string": XSD.string,
    "date": XSD.date,
    "integer": XSD.integer,
    "year": XSD.gYear,
}


@dataclass
class Param:
    name: str
    kind: str  # iri | string | date | integer | year


@dataclass
class QueryFile:
    """A query file and its header."""

    name: str
    path: Path
    text: str
    title: str = ""
    question: str = ""
    returns: str = ""
    params: list[Param] = field(default_factory=list)
    network: bool = False


@dataclass
class QueryResult:
    """SELECT results as rdflib terms, convertible to plain rows or a DataFrame."""

    variables: list[str]
    rows: list[tuple[Node | None, ...]]

    def to_rows(self) -> list[dict[str, Any]]:
        """Rows as dicts of plain Python values (str for IRIs, native for typed literals)."""
        return [
            {v: _plain(t) for v, t in zip(self.variables, row, strict=True)} for row in self.rows
        ]

    def to_dataframe(self) -> Any:
        """A pandas DataFrame; pandas is optional: ``pip install appeals-kg[pandas]``."""
        try:
            import pandas as pd
        except ImportError:
            raise QueryError("pandas is not installed; pip install 'appeals-kg[pandas]'") from None
        return pd.DataFrame(self.to_rows(), columns=self.variables)

    def __len__(self) -> int:
        return len(self.rows)


def _plain(term: Node | None) -> Any:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return value if isinstance(value, (int, float, bool)) else str(term)
    return str(term)


def _cell(term: Node | None) -> str:
    return "" if term is None else str(term)


#: Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def neutralise_cell(value: str) -> str:
    """A cell a spreadsheet shows as text: one starting with ``= + - @``, a tab or a carriage
    return gets a leading ``'`` (the OWASP advice). Plain numbers such as ``-3`` stay as they
    are, since no spreadsheet runs them."""
    if value.startswith(FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def parse_header(path: Path, name: str | None = None) -> QueryFile:
    """Read a query file and its header comment."""
    limits.QUERY.check(limits.file_size(path), str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QueryError(f"{path}: no such query file") from None
    except UnicodeDecodeError as e:
        raise QueryError(f"{path}: not UTF-8 text ({e.reason} at byte {e.start})") from None
    except OSError as e:
        raise QueryError(f"{path}: cannot read ({e.strerror or e})") from None
    qf = QueryFile(name=name or path.stem, path=path, text=text)
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = HEADER.match(line)
        if not m:
            continue
        key, value = m.group(1), m.group(2).strip()
        if key == "params":
            for pm in PARAM.finditer(value):
                kind = (pm.group(2) or "IRI").strip().lower().split()[0]
                if kind not in PARAM_TYPES:
                    raise QueryError(f"{path}: parameter ?{pm.group(1)} has unknown type '{kind}'")
                qf.params.append(Param(pm.group(1), kind))
        elif key == "network":
            qf.network = value.lower() in ("yes", "true")
        else:
            setattr(qf, key, value)
    return qf


def list_queries(queries_dir: Path = QUERIES_DIR) -> list[QueryFile]:
    """Every ``.rq`` file in the queries folder (checks and rules excluded), sorted by name."""
    return [parse_header(p) for p in sorted(Path(queries_dir).glob("*.rq"))]


def find_query(name_or_file: str, queries_dir: Path = QUERIES_DIR) -> QueryFile:
    """A query by file path, by file stem (``cq04-charges``) or by prefix (``cq04``)."""
    path = Path(name_or_file)
    if path.suffix == ".rq" or path.exists():
        if not path.is_file():
            raise QueryError(f"{name_or_file}: no such query file")
        return parse_header(path)
    queries = list_queries(queries_dir)
    names = [q.name for q in queries]
    exact = [q for q in queries if q.name == name_or_file]
    if exact:
        return exact[0]
    prefixed = [q for q in queries if q.name.startswith(name_or_file + "-")]
    if len(prefixed) == 1:
        return prefixed[0]
    if len(prefixed) > 1:
        raise QueryError(
            f"query name '{name_or_file}' is ambiguous: {', '.join(q.name for q in prefixed)}"
        )
    raise QueryError(
        f"unknown query '{name_or_file}'.{did_you_mean(name_or_file, names)} (kg query --list)"
    )


def resolve_iri(value: str, store: Store | None = None, param: str = "") -> URIRef:
    """An IRI parameter from ``<iri>``, ``http…``, a CURIE, or a label looked up in the store."""
    v = value.strip()
    if v.startswith("<") and v.endswith(">"):
        return _checked_iri(v[1:-1], value, param)
    if re.match(r"^[a-z][a-z0-9+.-]*://", v):
        return _checked_iri(v, value, param)
    prefix, sep, local = v.partition(":")
    if sep and prefix in prefixes() and local and " " not in v:
        return _checked_iri(prefixes()[prefix] + local, value, param)
    if store is None:
        raise QueryError(f"parameter {param}: '{value}' is not an IRI or CURIE")
    q = """
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT DISTINCT ?s ?name WHERE {
      { ?s rdfs:label ?l } UNION { ?s skos:altLabel ?l }
      FILTER(LCASE(STR(?l)) = LCASE(STR(?name)))
    }"""
    _, rows = store.query(q, {"name": Literal(v)})
    hits = sorted({str(r[0]) for r in rows if isinstance(r[0], URIRef)})
    if len(hits) == 1:
        return URIRef(hits[0])
    if not hits:
        raise QueryError(f"parameter {param}: nothing in the graph is labelled '{value}'")
    raise QueryError(
        f"parameter {param}: '{value}' names {len(hits)} things; give an IRI: {', '.join(hits[:5])}"
    )


#: An absolute IRI: a scheme, then none of the characters RFC 3987 forbids (spaces, controls,
#: ``<>"{}|^`` and backquote, backslash).
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|^`\\]*")


def _checked_iri(iri: str, value: str, param: str) -> URIRef:
    if not _IRI.fullmatch(iri):
        raise QueryError(
            f"parameter {param}: '{value}' is not a valid IRI (an IRI starts with a scheme such "
            'as https: and has no spaces or <>"{}|^`\\ characters)'
        )
    return URIRef(iri)


_SERVICE_IRI = re.compile(r"\bSERVICE\s+(?:SILENT\s+)?<([^>]*)>", re.IGNORECASE)


def refuse_local_services(qf: QueryFile) -> None:
    """A SERVICE may only call an http(s) endpoint: ``file:`` and other schemes would read
    this machine's files, so they are refused even with ``--allow-network``."""
    for m in _SERVICE_IRI.finditer(qf.text):
        scheme = m.group(1).partition(":")[0].lower()
        if scheme not in ("http", "https"):
            line = qf.text.count("\n", 0, m.start()) + 1
            raise QueryError(
                f"{qf.path}:{line}: SERVICE <{m.group(1)}>: only http and https endpoints "
                "can be called"
            )


def bind_params(qf: QueryFile, given: dict[str, str], store: Store | None) -> dict[str, Node]:
    """Check the given parameters against the header and turn them into RDF terms."""
    declared = {p.name: p for p in qf.params}
    projected = _projected(qf.text)
    out: dict[str, Node] = {}
    for name, value in given.items():
        key = name.lstrip("?")
        limits.PARAM.check(len(value.encode("utf-8")), f"parameter ?{key}")
        if key not in declared:
            hint = did_you_mean(key, list(declared))
            known = ", ".join(declared) or "none"
            raise QueryError(
                f"query '{qf.name}' has no parameter '{key}'.{hint} (parameters: {known})"
            )
        kind = declared[key].kind
        if projected is not None and key not in projected:
            raise QueryError(
                f"{qf.path}: parameter ?{key} must be projected by the SELECT clause to be bound"
            )
        if kind == "iri":
            out[key] = resolve_iri(value, store, f"?{key}")
        else:
            lit = Literal(value, datatype=PARAM_TYPES[kind])
            # Oxigraph substitutes only variables the query projects (SEP-0007).
            if kind != "string" and lit.ill_typed:
                raise QueryError(f"parameter ?{key}: '{value}' is not a valid {kind}")
            out[key] = lit
    return out


def _projected(text: str) -> set[str] | None:
    """Variables of the outermost SELECT clause; None for SELECT * or non-SELECT queries."""
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    m = re.search(r"\bSELECT\s+(?:DISTINCT\s+|REDUCED\s+)?(.*?)\bWHERE\b", body, re.I | re.S)
    if not m or m.group(1).strip() == "*":
        return None
    return set(re.findall(r"(?:^|[\s(])\?(\w+)(?=[\s)]|$)", m.group(1)))


_TRAILING_VALUES = re.compile(r"\}\s*VALUES\b[^}]*\}\s*$", re.I)
_PLAIN_IRI = re.compile(r'^[^\s<>"{}|^`\\]+$')
# A comment: from # to the end of the line, when no IRI or string is open on that line before it.
_COMMENT = re.compile(r'^([^#<"\'\n]*)#[^\n]*', re.M)


def with_values(text: str, bindings: dict[str, Node]) -> str | None:
    """The query with its bound parameters as a ``VALUES`` clause, or None when they cannot be
    written so (then they go as substitutions).

    The clause goes first in the outer ``WHERE`` group, so that the planner starts from the
    bound value and carries it into every ``OPTIONAL``: a substitution is applied to a plan
    made as if the variable were free, and a ``VALUES`` clause after the group is joined with
    what the group gives over the whole graph once it has an ``OPTIONAL`` (a question about
    one defender then reads every defender's rows). A parameter that names an expression
    (``AS ?p``: a BIND or an aggregate) cannot be bound before the expression is computed, nor
    in a ``VALUES`` clause after the query (the expression would override it), so it goes as a
    substitution. Terms are written by rdflib in N-Triples syntax; an IRI with a character
    that syntax forbids is never written into the text."""
    if not bindings or _TRAILING_VALUES.search(text):
        return None
    terms = []
    for value in bindings.values():
        if isinstance(value, URIRef) and not _PLAIN_IRI.match(str(value)):
            return None
        if not isinstance(value, (URIRef, Literal)):
            return None
        terms.append(value.n3())
    names = " ".join(f"?{name}" for name in bindings)
    clause = f"VALUES ({names}) {{ ({' '.join(terms)}) }}"
    code = _COMMENT.sub(lambda m: m.group(1) + " " * (m.end() - m.end(1)), text)
    where = re.search(r"\bWHERE\s*\{", code, re.I)
    named = any(re.search(rf"\bAS\s+\?{re.escape(name)}\b", code, re.I) for name in bindings)
    if named:
        return None
    if where is None:
        return f"{text.rstrip()}\n{clause}\n"
    return f"{text[: where.end()]}\n  {clause}\n{text[where.end() :]}"


def run_query(
    store: Store, query: str | QueryFile, params: dict[str, str] | None = None
) -> QueryResult | bool | Any:
    """Run a query (name, path, or QueryFile) with parameters; SELECT gives a QueryResult."""
    qf = query if isinstance(query, QueryFile) else find_query(query)
    bindings = bind_params(qf, params or {}, store)
    bound = with_values(qf.text, bindings)
    try:
        res = store.query(bound, {}) if bound is not None else store.query(qf.text, bindings)
    except QueryError as e:
        raise QueryError(f"{qf.path}: {e}") from None
    if isinstance(res, tuple):
        return QueryResult(list(res[0]), list(res[1]))
    return res


def write_query(
    store: Store, query: str | QueryFile, params: dict[str, str] | None, fmt: str, out: TextIO
) -> QueryResult | bool | Any | None:
    """Run a query and write a SELECT's rows to ``out`` as ``csv``, ``tsv`` or ``json`` while
    the store gives them: the same text as :func:`format_result` of :func:`run_query`'s result,
    with no rdflib term made and no list of rows held (what ``kg query --format csv|tsv|json``
    prints). Returns None once written; another query form's result as :func:`run_query`
    gives it, for the caller to print."""
    if fmt not in ("csv", "tsv", "json"):
        raise QueryError(f"cannot stream the format '{fmt}' (csv, tsv or json)")
    qf = query if isinstance(query, QueryFile) else find_query(query)
    bindings = bind_params(qf, params or {}, store)
    bound = with_values(qf.text, bindings)
    try:
        if bound is not None:
            res = store.query_cells(bound, {})
        else:
            res = store.query_cells(qf.text, bindings)
        if not isinstance(res, tuple):
            return res
        names, rows = res
        if fmt == "json":
            _write_json(names, rows, out)
        else:
            w = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
            w.writerow([neutralise_cell(v) for v in names])
            for row in rows:
                w.writerow([neutralise_cell("" if c is None else c[1]) for c in row])
    except QueryError as e:
        raise QueryError(f"{qf.path}: {e}") from None
    return None


def _write_json(names: list[str], rows: Iterable[tuple[Any, ...]], out: TextIO) -> None:
    """SPARQL 1.1 JSON results, laid out as ``json.dumps(..., indent=2)`` lays them out."""
    head = json.dumps({"vars": names}, indent=2, ensure_ascii=False).replace("\n", "\n  ")
    out.write('{\n  "head": ' + head + ',\n  "results": {\n    "bindings": [')
    first = True
    for row in rows:
        b: dict[str, dict[str, str]] = {}
        for var, cell in zip(names, row, strict=True):
            if cell is None:
                continue
            kind, value, lang, datatype = cell
            d = {"type": kind, "value": value}
            if lang:
                d["xml:lang"] = lang
            elif datatype:
                d["datatype"] = datatype
            b[var] = d
        text = json.dumps(b, indent=2, ensure_ascii=False).replace("\n", "\n      ")
        out.write(("\n      " if first else ",\n      ") + text)
        first = False
    out.write("]\n  }\n}\n" if first else "\n    ]\n  }\n}\n")


# ---- output formats -------------------------------------------------------------------------


def format_result(result: QueryResult, fmt: str) -> str:
    """Render SELECT results as table, csv, tsv or json (SPARQL 1.1 JSON results).

    csv and tsv are for spreadsheets, so their cells are neutralised (:func:`neutralise_cell`);
    the endpoint's ``text/csv`` follows the SPARQL 1.1 results format unchanged.
    """
    if fmt == "json":
        return json.dumps(_sparql_json(result), indent=2, ensure_ascii=False)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow([neutralise_cell(v) for v in result.variables])
        for row in result.rows:
            w.writerow([neutralise_cell(_cell(t)) for t in row])
        return buf.getvalue()
    return _table(result)


def _sparql_json(result: QueryResult) -> dict[str, Any]:
    bindings = []
    for row in result.rows:
        b = {}
        for var, term in zip(result.variables, row, strict=True):
            if term is None:
                continue
            if isinstance(term, URIRef):
                b[var] = {"type": "uri", "value": str(term)}
            elif isinstance(term, Literal):
                d: dict[str, str] = {"type": "literal", "value": str(term)}
                if term.language:
                    d["xml:lang"] = term.language
                elif term.datatype:
                    d["datatype"] = str(term.datatype)
                b[var] = d
            else:
                b[var] = {"type": "bnode", "value": str(term)}
        bindings.append(b)
    return {"head": {"vars": result.variables}, "results": {"bindings": bindings}}


def _short(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        s = str(term)
        for p, ns in prefixes().items():
            if s.startswith(ns) and "/" not in s[len(ns) :] or (p == "akr" and s.startswith(ns)):
                return f"{p}:{s[len(ns) :]}"
        return f"<{s}>"
    return str(term)


def _table(result: QueryResult, width: int = 60) -> str:
    header = result.variables
    body = [[_short(t)[:width] for t in row] for row in result.rows]
    widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(header)]
    line = "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))
    rule = "  ".join("-" * w for w in widths)
    rows = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in body]
    return "\n".join([line, rule, *rows, f"({len(body)} row{'s' if len(body) != 1 else ''})"])
