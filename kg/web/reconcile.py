"""The W3C Reconciliation Service API at ``/reconcile``, as OpenRefine 3.x speaks it (v0.2).

Routes: the manifest and batch queries at ``/reconcile`` (GET or form POST, ``queries=`` JSON,
JSONP ``callback=``; a JSON body ``{"queries": [...]}`` as the 1.0 draft sends it), the preview
at ``/reconcile/preview``, suggest at ``/reconcile/suggest/{entity,type,property}``, data
extension (``extend=``) with its property proposals at ``/reconcile/propose_properties``.

Identifiers are the entity IRIs without ``https://w3id.org/appeals-kg/id/`` (the manifest's
identifierSpace), so ``person/p-2a9f31c4`` is ``akr:person/p-2a9f31c4``; the view URL is the
entity's page on this server. Candidates come from the served (public) dataset only, read once
in the web process (``kg/web/local.py``) and kept while the served dataset is the same.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Route

from kg.web.app import WebContext
from kg.web.local import LocalDataset, current_view, derive
from kg.web.names import fold_name, name_score
from kg.web.templating import render

__all__ = ["TYPES", "Candidate", "ReconcileIndex", "routes"]

ID_SPACE = "https://w3id.org/appeals-kg/id/"
AKG = "https://w3id.org/appeals-kg/ontology#"
ORGKIND = "https://w3id.org/appeals-kg/vocab/organisation-kind/"
SCHEMA_SPACE = AKG

# Reconciliation type id -> (name, class IRI, organisation kind or None).
TYPES: dict[str, tuple[str, str, str | None]] = {
    "Person": ("Person", AKG + "Person", None),
    "Organisation": ("Organisation", AKG + "Organisation", None),
    "Court": ("Court", AKG + "Organisation", ORGKIND + "court"),
    "LegalProvision": ("Legal provision", AKG + "LegalProvision", None),
    "Place": ("Place", AKG + "Place", None),
}
PROPERTIES: dict[str, str] = {
    "country": "Country",
    "wikidata": "Wikidata item",
    "posts": "Posts held",
}
MATCH_SCORE = 95.0  # at least this, and clearly ahead of the next candidate
MATCH_LEAD = 5.0
MAX_LIMIT = 100

_INDEX_QUERY = """
PREFIX akg: <https://w3id.org/appeals-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?s ?class ?kind ?what ?value ?valueLabel WHERE {
  VALUES ?class { akg:Person akg:Organisation akg:LegalProvision akg:Place }
  ?s a ?class .
  OPTIONAL { ?s akg:organisationKind ?kind }
  {
    ?s rdfs:label ?value . BIND("label" AS ?what)
  } UNION {
    ?s foaf:name|skos:altLabel ?value . BIND("alias" AS ?what)
  } UNION {
    ?s akg:country ?value . BIND("country" AS ?what)
    OPTIONAL { ?value rdfs:label ?valueLabel }
  } UNION {
    ?s akg:involvedInCase/akg:country ?value . BIND("country" AS ?what)
    OPTIONAL { ?value rdfs:label ?valueLabel }
  } UNION {
    ?s owl:sameAs|skos:exactMatch ?value . BIND("wikidata" AS ?what)
    FILTER(STRSTARTS(STR(?value), "http://www.wikidata.org/entity/"))
  } UNION {
    ?value org:heldBy ?s . BIND("posts" AS ?what)
    OPTIONAL { ?value rdfs:label ?valueLabel }
  }
}
"""


@dataclass
class Candidate:
    """One entity that reconciliation can return, with what matching and extension read."""

    iri: str
    label: str = ""
    names: set[str] = field(default_factory=set)
    types: set[str] = field(default_factory=set)
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # property -> IRI -> label

    @property
    def id(self) -> str:
        return self.iri[len(ID_SPACE) :] if self.iri.startswith(ID_SPACE) else self.iri

    def type_list(self) -> list[dict[str, str]]:
        return [{"id": t, "name": TYPES[t][0]} for t in sorted(self.types)]


class ReconcileIndex:
    """Every candidate of the default types, read from the dataset in one query."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.by_id: dict[str, Candidate] = {}
        for row in rows:
            iri = row["s"]["value"]
            if row["s"]["type"] != "uri":
                continue
            cand = self.by_id.setdefault(_short(iri), Candidate(iri))
            cls, kind = row["class"]["value"], row.get("kind", {}).get("value")
            for tid, (_, tclass, tkind) in TYPES.items():
                if tclass == cls and (tkind is None or tkind == kind):
                    cand.types.add(tid)
            what, value = row["what"]["value"], row["value"]["value"]
            if what == "label":
                cand.label = cand.label or value
                cand.names.add(value)
            elif what == "alias":
                cand.names.add(value)
            else:
                label = row.get("valueLabel", {}).get("value") or _short(value)
                cand.values.setdefault(what, {})[value] = label

    def get(self, ident: str) -> Candidate | None:
        """The candidate with this id (short form or full IRI)."""
        return self.by_id.get(_short(ident))

    def search(
        self, text: str, types: list[str], constraints: list[tuple[str, str]], limit: int
    ) -> list[dict[str, Any]]:
        """Scored candidates for one query, best first, with OpenRefine's ``match`` flag."""
        found: list[tuple[float, Candidate]] = []
        for cand in self.by_id.values():
            if types and not cand.types & set(types):
                continue
            if not all(_satisfies(cand, pid, want) for pid, want in constraints):
                continue
            score = max((name_score(text, n) for n in cand.names), default=0.0)
            if score >= 50:
                found.append((score, cand))
        found.sort(key=lambda sc: (-sc[0], sc[1].label, sc[1].id))
        found = found[:limit]
        out = []
        for i, (score, cand) in enumerate(found):
            runner_up = found[1][0] if len(found) > 1 else 0.0
            match = i == 0 and score >= MATCH_SCORE and score - runner_up >= MATCH_LEAD
            out.append(
                {
                    "id": cand.id,
                    "name": cand.label or cand.id,
                    "type": cand.type_list(),
                    "score": score,
                    "match": match,
                }
            )
        return out

    def suggest(self, prefix: str, types: list[str], limit: int) -> list[dict[str, Any]]:
        """Entities one of whose names starts with (or holds a word starting with) ``prefix``."""
        key = fold_name(prefix)
        hits = []
        for cand in self.by_id.values():
            if types and not cand.types & set(types):
                continue
            folded = [fold_name(n) for n in cand.names]
            if any(f.startswith(key) or f" {key}" in f" {f}" for f in folded):
                hits.append(cand)
        hits.sort(key=lambda c: (c.label.lower(), c.id))
        return [
            {"id": c.id, "name": c.label or c.id, "description": ", ".join(sorted(c.types))}
            for c in hits[:limit]
        ]


def _short(iri: str) -> str:
    return iri[len(ID_SPACE) :] if iri.startswith(ID_SPACE) else iri


def _satisfies(cand: Candidate, pid: str, want: str) -> bool:
    values = cand.values.get(pid, {})
    key = fold_name(want)
    for iri, label in values.items():
        tail = iri.rsplit("/", 1)[-1]
        if want in (iri, _short(iri)) or key in (fold_name(label), fold_name(tail)):
            return True
    return False


class _Bad(Exception):
    """A request the service cannot read: answered 400 with this message."""


def _constraints(query: dict[str, Any]) -> list[tuple[str, str]]:
    out = []
    for prop in query.get("properties") or []:
        if not isinstance(prop, dict):
            raise _Bad("each entry of 'properties' must be an object with 'pid' and 'v'")
        pid = prop.get("pid") or prop.get("id")
        if pid not in PROPERTIES:
            raise _Bad(f"unknown property {pid!r}; known: {', '.join(PROPERTIES)}")
        values = prop.get("v")
        for v in values if isinstance(values, list) else [values]:
            text = v.get("id") or v.get("name") if isinstance(v, dict) else v
            if text is None or not str(text).strip():
                continue
            out.append((pid, str(text)))
    return out


def _types(value: Any) -> list[str]:
    if value in (None, ""):
        return []
    names = value if isinstance(value, list) else [value]
    for name in names:
        if name not in TYPES:
            raise _Bad(f"unknown type {name!r}; known: {', '.join(TYPES)}")
    return [str(n) for n in names]


def _limit(value: Any, default: int = 10) -> int:
    try:
        n = int(value) if value not in (None, "") else default
    except (TypeError, ValueError):
        raise _Bad(f"limit {value!r} is not a number") from None
    return max(1, min(n, MAX_LIMIT))


def answer_queries(index: ReconcileIndex, queries: Any) -> dict[str, Any]:
    """The v0.2 batch answer: ``{key: {"result": [...]}}`` for ``{key: query}``."""
    if not isinstance(queries, dict):
        raise _Bad("'queries' must be a JSON object of named queries")
    out: dict[str, Any] = {}
    for key, query in queries.items():
        if not isinstance(query, dict) or not isinstance(query.get("query"), str):
            raise _Bad(f"query {key!r} must be an object with a string 'query'")
        result = index.search(
            query["query"],
            _types(query.get("type")),
            _constraints(query),
            _limit(query.get("limit")),
        )
        out[str(key)] = {"result": result}
    return out


def extend_rows(index: ReconcileIndex, extend: Any) -> dict[str, Any]:
    """Data extension: values of the asked properties for the asked ids."""
    if not isinstance(extend, dict) or not isinstance(extend.get("ids"), list):
        raise _Bad("'extend' must be a JSON object with 'ids' and 'properties'")
    props = []
    for prop in extend.get("properties") or []:
        pid = prop.get("id") if isinstance(prop, dict) else None
        if pid not in PROPERTIES:
            raise _Bad(f"unknown property {pid!r}; known: {', '.join(PROPERTIES)}")
        props.append(pid)
    rows: dict[str, Any] = {}
    for ident in extend["ids"]:
        cand = index.get(str(ident))
        row: dict[str, Any] = {}
        for pid in props:
            values = cand.values.get(pid, {}) if cand else {}
            if pid == "wikidata":
                row[pid] = [{"str": iri.rsplit("/", 1)[-1]} for iri in sorted(values)]
            else:
                row[pid] = [
                    {"id": _short(iri), "name": label} for iri, label in sorted(values.items())
                ]
        rows[str(ident)] = row
    return {"meta": [{"id": p, "name": PROPERTIES[p]} for p in props], "rows": rows}


def manifest(base: str) -> dict[str, Any]:
    """The service manifest OpenRefine reads when the service is added."""
    return {
        "versions": ["0.2"],
        "name": "appeals-kg",
        "identifierSpace": ID_SPACE,
        "schemaSpace": SCHEMA_SPACE,
        "defaultTypes": [{"id": t, "name": n} for t, (n, _, _) in TYPES.items()],
        "view": {"url": f"{base}/id/{{{{id}}}}"},
        "preview": {"url": f"{base}/reconcile/preview?id={{{{id}}}}", "width": 400, "height": 120},
        "suggest": {
            "entity": {"service_url": base, "service_path": "/reconcile/suggest/entity"},
            "type": {"service_url": base, "service_path": "/reconcile/suggest/type"},
            "property": {"service_url": base, "service_path": "/reconcile/suggest/property"},
        },
        "extend": {
            "propose_properties": {
                "service_url": base,
                "service_path": "/reconcile/propose_properties",
            },
            "property_settings": [],
        },
        "batchSize": 25,
    }


_CALLBACK = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$.]{0,99}$")


def _reply(request: Request, body: Any, status: int = 200) -> Response:
    """JSON, or JSONP when the request names a (well-formed) ``callback``."""
    callback = request.query_params.get("callback")
    if callback:
        if not _CALLBACK.match(callback):
            return JSONResponse({"error": "callback must be a JavaScript identifier"}, 400)
        text = f"/**/{callback}({json.dumps(body)});"
        return Response(text, status, media_type="application/javascript")
    return JSONResponse(body, status)


async def _params(request: Request, max_body: int) -> dict[str, Any]:
    params: dict[str, Any] = dict(request.query_params)
    if request.method == "POST":
        ctype = request.headers.get("content-type", "")
        raw = await request.body()
        if len(raw) > max_body:
            raise _Bad(f"request body is over {max_body} bytes")
        if ctype.startswith("application/json"):
            try:
                body = json.loads(raw or b"{}")
            except ValueError as exc:
                raise _Bad(f"request body is not JSON: {exc}") from None
            if not isinstance(body, dict):
                raise _Bad("request body must be a JSON object")
            params["_json"] = body
        else:
            text = raw.decode("utf-8", "replace")
            params.update(urllib.parse.parse_qsl(text, keep_blank_values=True))
    return params


def _json_param(params: dict[str, Any], name: str) -> Any:
    try:
        return json.loads(params[name])
    except ValueError as exc:
        raise _Bad(f"parameter '{name}' is not JSON: {exc}") from None


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def reconcile_index(dataset: LocalDataset) -> ReconcileIndex:
    """The candidates of a generation of the served dataset."""
    return ReconcileIndex(dataset.select_now(_INDEX_QUERY))


derive("reconcile", reconcile_index)


def routes(ctx: WebContext) -> list[BaseRoute]:
    """The /reconcile routes over the context's dataset."""

    async def index() -> ReconcileIndex:
        # Built once per generation of the served dataset, with the request's view.
        return await current_view(ctx).derived("reconcile", reconcile_index)

    async def service(request: Request) -> Response:
        try:
            params = await _params(request, ctx.settings.max_body)
            if "_json" in params:  # the 1.0 draft: {"queries": [ {...}, ... ]}
                listed = params["_json"].get("queries")
                if not isinstance(listed, list):
                    raise _Bad("JSON body must hold 'queries', a list of queries")
                named = answer_queries(await index(), {str(i): q for i, q in enumerate(listed)})
                return _reply(request, {"results": [named[str(i)] for i in range(len(listed))]})
            if "queries" in params:
                return _reply(
                    request, answer_queries(await index(), _json_param(params, "queries"))
                )
            if "query" in params:  # a single query, bare string or JSON object
                raw = params["query"]
                query = _json_param(params, "query") if raw.lstrip().startswith("{") else None
                query = query if isinstance(query, dict) else {"query": raw}
                return _reply(request, answer_queries(await index(), {"q0": query})["q0"])
            if "extend" in params:
                return _reply(request, extend_rows(await index(), _json_param(params, "extend")))
            return _reply(request, manifest(_base(request)))
        except _Bad as exc:
            return _reply(request, {"error": str(exc)}, 400)

    async def preview(request: Request) -> Response:
        ident = request.query_params.get("id", "")
        cand = (await index()).get(ident)
        if cand is None:
            return HTMLResponse(render("reconcile_preview.html", missing=ident), 404)
        page = f"{_base(request)}/id/{cand.id}"
        html = render("reconcile_preview.html", cand=cand, page=page, types=TYPES)
        return HTMLResponse(html)

    async def suggest_entity(request: Request) -> Response:
        try:
            q = request.query_params
            types = _types(q.get("type")) if q.get("type") else []
            hits = (await index()).suggest(q.get("prefix", ""), types, _limit(q.get("limit")))
            return _reply(request, {"result": hits})
        except _Bad as exc:
            return _reply(request, {"error": str(exc)}, 400)

    async def suggest_type(request: Request) -> Response:
        key = fold_name(request.query_params.get("prefix", ""))
        hits = [
            {"id": t, "name": n}
            for t, (n, _, _) in TYPES.items()
            if fold_name(n).startswith(key) or fold_name(t).startswith(key)
        ]
        return _reply(request, {"result": hits})

    async def suggest_property(request: Request) -> Response:
        key = fold_name(request.query_params.get("prefix", ""))
        hits = [
            {"id": p, "name": n}
            for p, n in PROPERTIES.items()
            if fold_name(n).startswith(key) or p.startswith(key)
        ]
        return _reply(request, {"result": hits})

    async def propose(request: Request) -> Response:
        tid = request.query_params.get("type", "")
        props = [{"id": p, "name": n} for p, n in PROPERTIES.items()]
        return _reply(request, {"type": tid, "properties": props})

    return [
        Route("/reconcile", service, methods=["GET", "POST"]),
        Route("/reconcile/preview", preview, methods=["GET"]),
        Route("/reconcile/suggest/entity", suggest_entity, methods=["GET"]),
        Route("/reconcile/suggest/type", suggest_type, methods=["GET"]),
        Route("/reconcile/suggest/property", suggest_property, methods=["GET"]),
        Route("/reconcile/propose_properties", propose, methods=["GET"]),
    ]
