"""What a served query may do: read this dataset, and nothing else.

The engine would follow a ``SERVICE <http://...>`` to any host the machine can reach (another
endpoint on loopback, a service on a private network), and SPARQL Update's ``LOAD`` fetches a
URL. A public endpoint that did either would be a proxy into its host's network, so both are
refused whatever the host, and so is a ``FROM`` / ``FROM NAMED`` naming a graph that is not in
the store. The check parses the query with rdflib's SPARQL parser and walks the parse tree; it
fails closed: a query the parser cannot read (``LATERAL``, a vendor extension, a syntax error)
is refused, never passed to the engine on trust.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pyparsing import ParseResults
from rdflib.plugins.sparql.algebra import translateQuery, translateUpdate
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import URIRef

from kg.errors import KgError

__all__ = ["CheckedQuery", "QueryRefused", "check_graphs", "check_query", "check_update"]

FORMS = {
    "SelectQuery": "SELECT",
    "AskQuery": "ASK",
    "ConstructQuery": "CONSTRUCT",
    "DescribeQuery": "DESCRIBE",
}
# Parse-tree nodes that make the engine reach outside the store.
_REACHING_OUT = {
    "ServiceGraphPattern": "SERVICE",
    "Load": "LOAD",
}


class QueryRefused(KgError):
    """A request the endpoint will not run; ``status`` is the HTTP status that says why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class CheckedQuery:
    """A query that passed the check: its form and the dataset its FROM clauses name."""

    form: str
    default_graphs: tuple[str, ...]
    named_graphs: tuple[str, ...]

    @property
    def graph_result(self) -> bool:
        """True for CONSTRUCT and DESCRIBE, whose answer is a graph."""
        return self.form in ("CONSTRUCT", "DESCRIBE")

    @property
    def has_dataset(self) -> bool:
        return bool(self.default_graphs or self.named_graphs)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _find(node: Any, names: dict[str, str], seen: set[int] | None = None) -> str | None:
    """The keyword of the first parse-tree node named in ``names``, depth first."""
    seen = set() if seen is None else seen
    if id(node) in seen:
        return None
    seen.add(id(node))
    if isinstance(node, CompValue):
        if node.name in names:
            return names[node.name]
        children: Any = list(node.values())
    elif isinstance(node, dict):
        children = list(node.values())
    elif isinstance(node, list | tuple | ParseResults):
        children = list(node)
    else:
        return None
    for child in children:
        found = _find(child, names, seen)
        if found:
            return found
    return None


def _looks_like_update(text: str) -> bool:
    try:
        parseUpdate(text)
    except Exception:  # any parser failure means "not an update either"
        return False
    return True


@lru_cache(maxsize=512)
def _parse(text: str) -> CheckedQuery:
    if not text.strip():
        raise QueryRefused(400, "Empty query")
    try:
        parsed = parseQuery(text)
    except Exception as exc:  # pyparsing and rdflib raise several types for one cause
        if _looks_like_update(text):
            raise QueryRefused(
                403, "This endpoint is read-only: SPARQL Update is refused on /sparql"
            ) from None
        raise QueryRefused(
            400, f"Query refused: the query checker cannot parse it: {_first_line(exc)}"
        ) from None
    reaching = _find(parsed, _REACHING_OUT)
    if reaching:
        raise QueryRefused(
            403,
            f"Query refused: {reaching} is not allowed on this endpoint, whatever the host; "
            "run federated queries locally with kg query --allow-network",
        )
    try:
        algebra = translateQuery(parsed).algebra
    except Exception as exc:
        raise QueryRefused(
            400, f"Query refused: the query checker cannot read it: {_first_line(exc)}"
        ) from None
    if _find(algebra, _REACHING_OUT):
        raise QueryRefused(403, "Query refused: SERVICE is not allowed on this endpoint")
    form = FORMS.get(algebra.name)
    if form is None:
        raise QueryRefused(400, f"Query refused: unknown query form {algebra.name}")
    default: list[str] = []
    named: list[str] = []
    for clause in algebra.get("datasetClause") or []:
        if "default" in clause:
            default.append(str(clause["default"]))
        elif "named" in clause:
            named.append(str(clause["named"]))
        else:
            raise QueryRefused(400, "Query refused: the checker cannot read a dataset clause")
    return CheckedQuery(form, tuple(default), tuple(named))


def check_query(text: str, graphs: frozenset[str] | set[str]) -> CheckedQuery:
    """Parse a served query and refuse anything that reaches beyond ``graphs``.

    Raises :class:`QueryRefused` (400 when the query cannot be parsed, 403 for SERVICE, LOAD,
    updates, and FROM / FROM NAMED naming a graph outside the store).
    """
    try:
        checked = _parse(text)
    except QueryRefused:
        raise
    except Exception as exc:  # a checker that fails must refuse, not let the query through
        raise QueryRefused(400, f"Query refused: the checker failed: {_first_line(exc)}") from None
    check_graphs(checked, graphs)
    return checked


def check_graphs(checked: CheckedQuery, graphs: frozenset[str] | set[str]) -> None:
    """Refuse FROM / FROM NAMED naming a graph that is not in ``graphs``."""
    for iri in checked.default_graphs + checked.named_graphs:
        if iri not in graphs:
            raise QueryRefused(
                403,
                f"Query refused: FROM <{iri}> is not a graph of this dataset; the endpoint "
                "never fetches graphs from elsewhere (see the service description for its "
                "graphs)",
            )


def check_update(text: str) -> None:
    """Refuse an update the checker cannot parse, or one that would LOAD or use SERVICE."""
    try:
        parsed = parseUpdate(text)
        translateUpdate(parsed)
    except Exception as exc:
        raise QueryRefused(
            400, f"Update refused: the checker cannot parse it: {_first_line(exc)}"
        ) from None
    reaching = _find(parsed, _REACHING_OUT)
    if reaching:
        raise QueryRefused(403, f"Update refused: {reaching} is not allowed on this endpoint")


def graph_iri_ok(iri: str) -> bool:
    """True for an absolute IRI that the engine would accept as a graph name."""
    try:
        URIRef(iri)
    except Exception:
        return False
    return ":" in iri and not any(c in iri for c in ' <>"{}|\\^`')
