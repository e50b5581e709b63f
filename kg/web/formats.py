"""Which serialisation an answer gets: content negotiation and the ``format=`` parameter.

Clients ask in two ways. The protocol's way is the Accept header, with q-values. The other is a
``format=`` or ``output=`` parameter, which Virtuoso and Fuseki read and which SPARQLWrapper
therefore always sends along with its Accept header (``format=xml&output=xml`` for RDF/XML, both
the short name and the media type for TSV, JSON-LD and RDF/XML). As in Fuseki, a short name means
the natural format *for the query form*: ``xml`` is SPARQL XML results for SELECT/ASK and RDF/XML
for CONSTRUCT/DESCRIBE, ``json`` is SPARQL JSON results or JSON-LD. A parameter value that names
no format of this form is ignored and the Accept header decides.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

__all__ = [
    "GRAPH_FORMATS",
    "RESULT_FORMATS",
    "Choice",
    "choose_format",
    "format_iris",
    "negotiate",
]

# Preferred first: it answers */* and an absent Accept header.
RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/xml": ox.QueryResultsFormat.XML,
}
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/turtle": ox.RdfFormat.TURTLE,
    "text/n3": ox.RdfFormat.TURTLE,
    "text/rdf+n3": ox.RdfFormat.TURTLE,
    "application/n3": ox.RdfFormat.TURTLE,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/x-json+ld": ox.RdfFormat.JSON_LD,
}
# The media type an answer is labelled with, whatever alias asked for it.
CANONICAL = {
    "application/json": "application/sparql-results+json",
    "application/xml": "application/sparql-results+xml",
    "text/xml": "application/sparql-results+xml",
    "application/x-turtle": "text/turtle",
    "application/turtle": "text/turtle",
    "text/n3": "text/turtle",
    "text/rdf+n3": "text/turtle",
    "application/n3": "text/turtle",
    "text/plain": "application/n-triples",
    "application/x-json+ld": "application/ld+json",
}
RESULT_ALIASES = {
    "json": "application/sparql-results+json",
    "srj": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "srx": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_ALIASES = {
    "xml": "application/rdf+xml",
    "rdf": "application/rdf+xml",
    "rdfxml": "application/rdf+xml",
    "rdf+xml": "application/rdf+xml",
    "json": "application/ld+json",
    "jsonld": "application/ld+json",
    "json-ld": "application/ld+json",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "n3": "text/turtle",
    "nt": "application/n-triples",
    "ntriples": "application/n-triples",
    "n-triples": "application/n-triples",
    "nquads": "application/n-quads",
    "nq": "application/n-quads",
}
# W3C format IRIs (https://www.w3.org/ns/formats/) for the service description.
_FORMAT_IRIS = {
    "application/sparql-results+json": "SPARQL_Results_JSON",
    "application/sparql-results+xml": "SPARQL_Results_XML",
    "text/csv": "SPARQL_Results_CSV",
    "text/tab-separated-values": "SPARQL_Results_TSV",
    "text/turtle": "Turtle",
    "application/n-triples": "N-Triples",
    "application/ld+json": "JSON-LD",
    "application/rdf+xml": "RDF_XML",
    "application/n-quads": "N-Quads",
}


@dataclass(frozen=True)
class Choice:
    """The answer's media type (as sent in Content-Type) and the serialiser to use."""

    media: str
    format: ox.QueryResultsFormat | ox.RdfFormat


def format_iris() -> list[str]:
    """Every served format as a W3C format IRI, for ``sd:resultFormat``."""
    return sorted(f"http://www.w3.org/ns/formats/{name}" for name in _FORMAT_IRIS.values())


def negotiate(accept: str | None, offers: list[str]) -> str | None:
    """Pick the offer the Accept header likes best (RFC 9110 q-values); None if none is acceptable.

    Ties go to the earlier offer, so the server's preferred format wins for ``*/*``; a more
    specific range outranks a wildcard, and ``q=0`` refuses a type.
    """
    if not accept or not accept.strip():
        return offers[0]
    ranges: list[tuple[str, str, float]] = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if "/" not in media:
            continue
        q = 1.0
        for param in fields[1:]:
            if param.lower().startswith("q="):
                try:
                    q = min(max(float(param[2:]), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        main, _, sub = media.partition("/")
        ranges.append((main, sub, q))
    best, best_q = None, 0.0
    for offer in offers:
        main, _, sub = offer.partition("/")
        quality, specificity = 0.0, -1
        for r_main, r_sub, q in ranges:
            if r_main == main and r_sub == sub:
                spec = 2
            elif r_main == main and r_sub == "*":
                spec = 1
            elif r_main == "*" and r_sub == "*":
                spec = 0
            else:
                continue
            if spec > specificity:
                quality, specificity = q, spec
        if quality > best_q:
            best, best_q = offer, quality
    return best


def choose_format(
    graph_result: bool, format_params: list[str], accept: str | None
) -> Choice | None:
    """The serialisation for a query form (``graph_result`` for CONSTRUCT/DESCRIBE).

    ``format_params`` are the values of ``format=`` and ``output=`` in the order given; each may
    be a short name, a media type or a comma-separated list of media types. The first one that
    names a format of this query form wins; otherwise the Accept header is negotiated. None
    means nothing acceptable is offered (406).
    """
    formats: dict[str, ox.QueryResultsFormat | ox.RdfFormat]
    formats = dict(GRAPH_FORMATS) if graph_result else dict(RESULT_FORMATS)
    aliases = GRAPH_ALIASES if graph_result else RESULT_ALIASES
    for value in format_params:
        for item in value.split(","):
            name = item.split(";")[0].strip().lower()
            media = aliases.get(name, name)
            if media in formats:
                return Choice(CANONICAL.get(media, media), formats[media])
    media = negotiate(accept, list(formats))
    if media is None:
        return None
    return Choice(CANONICAL.get(media, media), formats[media])
