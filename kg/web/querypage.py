"""The query page: any SPARQL, and each competency question by name.

``/query`` is the YASGUI editor when its files are installed (``scripts/install-yasgui.sh``
copies them from the npm registry into ``static/yasgui/``; the app serves them itself), else a
plain form with one line saying how to install it. ``/query?cq=<name>`` opens a question's text
in the editor (or the form); ``/query/<name>`` runs it here and shows its rows, IRIs linked to
their pages, or, asked for SPARQL results (Accept or ``format=``), answers them as ``/sparql``
does; its parameters are given in the query string (``?defender=<IRI>``, see
:mod:`kg.web.questions`).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Route

from kg.errors import KgError, QueryError
from kg.query import QueryFile, list_queries
from kg.web.app import WebContext
from kg.web.pages import local_path
from kg.web.questions import answer_rows, bound_text, question_params, wants_rows
from kg.web.templating import STATIC_DIR, render

__all__ = ["YASGUI_DIR", "routes", "yasgui_installed"]

YASGUI_DIR = STATIC_DIR / "yasgui"
DEFAULT_QUERY = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10"


def yasgui_installed() -> bool:
    """True when the YASGUI files the page loads are in place (looked up at each request, so
    installing them needs no restart)."""
    return all((YASGUI_DIR / name).is_file() for name in ("yasgui.min.js", "yasgui.min.css"))


def _questions() -> list[QueryFile]:
    # Federated questions query Wikidata: the endpoint refuses SERVICE, so they are not offered.
    return [qf for qf in list_queries() if not qf.network]


def routes(ctx: WebContext) -> list[BaseRoute]:
    """``/query`` and ``/query/{name}``."""

    async def query_page(request: Request) -> Response:
        questions = _questions()
        name = request.query_params.get("cq")
        chosen = next((qf for qf in questions if qf.name == name), None)
        if name is not None and chosen is None:
            return HTMLResponse(render("notfound.html", what=f"competency question {name}"), 404)
        html = render(
            "query.html",
            questions=questions,
            texts={qf.name: qf.text for qf in questions},
            yasgui=yasgui_installed(),
            opened=chosen.name if chosen else "",
            text=chosen.text if chosen else DEFAULT_QUERY,
            chosen=None,
        )
        return HTMLResponse(html)

    async def question(request: Request) -> Response:
        name = request.path_params["name"]
        questions = _questions()
        found = [qf for qf in questions if qf.name == name]
        if not found:
            html = render("notfound.html", what=f"competency question {name}")
            return HTMLResponse(html, 404)
        qf = found[0]
        if wants_rows(request):  # SPARQL results by negotiation, as kg query runs it
            answer = await answer_rows(ctx, request, qf)
            headers = {"Vary": "Accept, Accept-Encoding, Origin", **answer.headers}
            return Response(answer.body, answer.status, headers=headers, media_type=answer.media)
        error, rows, columns = "", [], []
        try:
            rows = await ctx.select(bound_text(qf, question_params(request)))
        except (QueryError, KgError) as exc:
            error = str(exc)
        for row in rows:
            columns += [k for k in row if k not in columns]
        table = [
            [
                {
                    "text": row[c]["value"] if c in row else "",
                    "href": (local_path(row[c]["value"]) or row[c]["value"])
                    if c in row and row[c]["type"] == "uri"
                    else None,
                }
                for c in columns
            ]
            for row in rows
        ]
        html = render(
            "query.html",
            questions=questions,
            texts={},
            yasgui=False,
            opened=qf.name,
            text=qf.text,
            chosen=qf,
            columns=columns,
            table=table,
            error=error,
        )
        return HTMLResponse(html)

    return [
        Route("/query", query_page, methods=["GET", "HEAD"]),
        Route("/query/{name:str}", question, methods=["GET", "HEAD"]),
    ]
