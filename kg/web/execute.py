"""One served query, from text to serialised bytes, as a worker process runs it.

Everything that costs CPU happens here, inside a worker that the runner can kill: the check
(the rdflib parser is slow on long queries), evaluation, and serialisation into a buffer that
stops the engine once the answer passes the size cap. Evaluation is lazy in Oxigraph, so a
``SELECT *`` over a cartesian product stops at the cap instead of growing until memory runs out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from kg.web.formats import GRAPH_FORMATS, RESULT_FORMATS, choose_format
from kg.web.guard import CheckedQuery, QueryRefused, check_graphs, check_query

__all__ = ["Answer", "Job", "ResultTooLarge", "execute", "open_dataset"]


@dataclass(frozen=True)
class Job:
    """A query as the protocol delivered it."""

    query: str
    default_graph_uris: tuple[str, ...] = ()
    named_graph_uris: tuple[str, ...] = ()
    format_params: tuple[str, ...] = ()
    accept: str | None = None
    max_bytes: int = 16 * 2**20
    union_default_graph: bool = True
    # The outcome of an earlier check of the same text by a worker, kept by the runner so
    # that the (slow) parser runs once per distinct query, not once per worker and request.
    checked: CheckedQuery | None = None


@dataclass(frozen=True)
class Answer:
    """An HTTP answer: status, media type and body (a plain-text message for errors)."""

    status: int
    media: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    checked: CheckedQuery | None = None

    @classmethod
    def error(cls, status: int, message: str) -> Answer:
        text = message.replace("\n", " ").strip() + "\n"
        return cls(status, "text/plain; charset=utf-8", text.encode("utf-8"))


class ResultTooLarge(Exception):
    """Raised by the buffer when the answer passes the cap; it stops the serialiser."""


class _CappedBuffer:
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.parts: list[bytes] = []
        self.size = 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise ResultTooLarge
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def getvalue(self) -> bytes:
        return b"".join(self.parts)


def open_dataset(path: str | None, nquads: bytes | None) -> ox.Store:
    """The served dataset: a store on disk opened read-only, or N-Quads loaded into memory."""
    if path is not None:
        return ox.Store.read_only(path)
    store = ox.Store()
    if nquads:
        store.bulk_load(nquads, format=ox.RdfFormat.N_QUADS)
    return store


def _dataset_kwargs(job: Job, checked: Any, graphs: frozenset[str]) -> dict[str, Any]:
    """The dataset of the query: protocol parameters first, then FROM clauses, else the union."""
    default: tuple[str, ...]
    named: tuple[str, ...]
    if job.default_graph_uris or job.named_graph_uris:
        default, named = job.default_graph_uris, job.named_graph_uris
    elif checked.has_dataset:
        default, named = checked.default_graphs, checked.named_graphs
    else:
        return {"use_default_graph_as_union": True} if job.union_default_graph else {}
    for iri in default + named:
        if iri not in graphs:
            raise QueryRefused(
                403,
                f"Query refused: <{iri}> is not a graph of this dataset; the endpoint never "
                "fetches graphs from elsewhere",
            )
    # With FROM but no FROM NAMED the dataset has no named graphs (SPARQL 1.1, 13.2).
    return {
        "default_graph": [ox.NamedNode(i) for i in default],
        "named_graphs": [ox.NamedNode(i) for i in named],
    }


def execute(store: ox.Store, graphs: frozenset[str], job: Job) -> Answer:
    """Check, run and serialise one query; every failure becomes an error Answer."""
    try:
        if job.checked is not None:
            checked = job.checked
            check_graphs(checked, graphs)
        else:
            checked = check_query(job.query, graphs)
        kwargs = _dataset_kwargs(job, checked, graphs)
    except QueryRefused as refused:
        return Answer.error(refused.status, refused.message)
    choice = choose_format(checked.graph_result, list(job.format_params), job.accept)
    if choice is None:
        offered = GRAPH_FORMATS if checked.graph_result else RESULT_FORMATS
        return Answer.error(
            406, "None of the Accept types is available; offered: " + ", ".join(offered)
        )
    buffer = _CappedBuffer(job.max_bytes)
    try:
        result = store.query(job.query, **kwargs)
        result.serialize(buffer, choice.format)
    except SyntaxError as exc:
        return Answer.error(400, f"Query parse error: {str(exc).splitlines()[0]}")
    except Exception as exc:  # evaluation errors belong in the answer, not in a traceback
        # The engine may wrap the buffer's exception in its own I/O error.
        if isinstance(exc, ResultTooLarge) or buffer.size > buffer.limit:
            return Answer.error(
                422,
                f"Result larger than the endpoint's cap of {job.max_bytes} bytes: add LIMIT, "
                "select fewer variables, or run the query locally with kg query",
            )
        line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return Answer.error(500, f"Query failed: {line}")
    return Answer(200, f"{choice.media}; charset=utf-8", buffer.getvalue(), checked=checked)
