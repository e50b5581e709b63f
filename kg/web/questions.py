"""A competency question by name over HTTP: ``/query/<name>?param=value``.

The question runs as ``kg query NAME --param name=value`` runs it: its parameters checked
against the file's header and written as a ``VALUES`` clause first in the outer ``WHERE`` group
(:func:`kg.query.with_values`), so the engine plans from the bound value. The text then goes
through the query runner like any ``/sparql`` request (same checks, time limit, answer cap and
answer cache), and the rows are serialised by Oxigraph as they come: SPARQL results JSON, XML,
CSV or TSV by the Accept header or ``format=``/``output=`` as at ``/sparql``. A browser (whose
Accept prefers ``text/html``) gets the question's page instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request

from kg.errors import KgError
from kg.query import QueryFile, bind_params, with_values
from kg.web.execute import Answer, Job
from kg.web.formats import RESULT_FORMATS, negotiate
from kg.web.sparql import _run_while_connected

if TYPE_CHECKING:
    from kg.web.app import WebContext

__all__ = ["FORMAT_PARAMS", "answer_rows", "bound_text", "question_params", "wants_rows"]

FORMAT_PARAMS = ("format", "output")


def question_params(request: Request) -> dict[str, str]:
    """The question's parameters from the query string (everything but ``format``/``output``);
    a parameter given twice is a mistake (KgError)."""
    out: dict[str, str] = {}
    for key, value in request.query_params.multi_items():
        if key in FORMAT_PARAMS:
            continue
        if key in out:
            raise KgError(f"parameter '{key}' given twice")
        out[key] = value
    return out


def bound_text(qf: QueryFile, params: dict[str, str]) -> str:
    """The text ``kg query`` runs for these parameters: unbound, the file's own text; bound,
    the values as a ``VALUES`` clause first in the outer group. IRIs must be given as IRIs or
    CURIEs (no label look-up here). Raises QueryError/KgError for a parameter the question does
    not declare or a value of the wrong kind."""
    bindings = bind_params(qf, params, None)
    if not bindings:
        return qf.text
    text = with_values(qf.text, bindings)
    if text is None:
        names = ", ".join(f"?{name}" for name in bindings)
        raise KgError(f"{qf.name}: cannot bind {names} here; run it with kg query instead")
    return text


def wants_rows(request: Request) -> bool:
    """Whether the client asks for result rows (a ``format=``/``output=`` parameter, or an
    Accept header that prefers a SPARQL results type to HTML) rather than the HTML page."""
    if any(key in FORMAT_PARAMS for key in request.query_params):
        return True
    accept = request.headers.get("accept")
    if not accept:
        return False
    # None (nothing acceptable) goes the rows' way too, which answers 406 as /sparql does
    return negotiate(accept, ["text/html", *RESULT_FORMATS]) != "text/html"


async def answer_rows(ctx: WebContext, request: Request, qf: QueryFile) -> Answer:
    """Run the question bound with the request's parameters; its rows serialised by Oxigraph
    in the negotiated format, or a one-line error (400 for a bad parameter)."""
    try:
        text = bound_text(qf, question_params(request))
    except KgError as exc:
        return Answer.error(400, f"Bad parameter: {exc}")
    params = request.query_params
    job = Job(
        query=text,
        format_params=tuple(params.getlist("format") + params.getlist("output")),
        accept=request.headers.get("accept"),
        union_default_graph=ctx.settings.union_default_graph,
    )
    return await _run_while_connected(ctx, request, job)
