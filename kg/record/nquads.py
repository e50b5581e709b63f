"""A case record's triples as N-Quads text, without an rdflib graph.

:func:`kg.record.caserecord.record_to_graph` puts each triple of a record into an rdflib
``Graph``, whose store keeps three indexes and checks every term on the way in; a full build
then only reads the triples back out to write them as N-Quads for Oxigraph's bulk loader. Most
of the time a record took went to that store and to writing terms one ``isinstance`` at a time.
Here the same record builder (the same code, so the same triples) fills a :class:`TripleSet`
-- the five graph operations the builder uses, over plain tuples -- and :func:`nquads` writes
the triples, each term's text made once per call.

``tests/test_nquads.py`` checks that the text equals, as canonical N-Quads, what the rdflib
path gives, on the gold corpus, the seed, a generated corpus and records with every field kind.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from rdflib import BNode, Literal, URIRef

Term = Any  # an rdflib URIRef, BNode or Literal
Triple = tuple[Term, Term, Term]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_XSD_INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")
_OA = "http://www.w3.org/ns/oa#"
_OA_SOURCE, _OA_START = URIRef(_OA + "hasSource"), URIRef(_OA + "start")
_OA_END, _OA_EXACT = URIRef(_OA + "end"), URIRef(_OA + "exact")
# A literal's characters escaped as Oxigraph's N-Triples writer escapes them, so that a line
# written here is the line Oxigraph writes for the same triple (the shared index and the
# rebuild compare lines): the quote, the backslash, the five controls N-Triples names (\n \r
# \t \b \f), every other control character and DEL as \uXXXX.
_NAMED = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_ESCAPES = str.maketrans({**{chr(c): f"\\u{c:04X}" for c in (*range(0x20), 0x7F)}, **_NAMED})


class TripleSet:
    """The graph operations :class:`kg.record.caserecord._Builder` uses (``add``, ``in``,
    ``value``, ``set``, ``remove``, ``subject_objects``), over a dict of triples in the order
    they were added, with an index from (subject, predicate) to objects."""

    __slots__ = ("_sp", "_spans", "_triples")

    def __init__(self) -> None:
        self._triples: dict[Triple, None] = {}
        self._sp: dict[tuple[Term, Term], list[Term]] = {}
        self._spans: list[tuple[URIRef, int, int, str]] = []

    def add_span(self, span: URIRef, source: URIRef, start: int, end: int, quote: str) -> None:
        """An evidence span's four triples (``oa:hasSource``, ``oa:start``, ``oa:end``,
        ``oa:exact``, as :class:`kg.record.caserecord._Builder` states them): the first as a
        triple, which the builder looks up; the other three kept as plain values and written
        as text by :func:`nquads`, with no rdflib literal made. ``remove`` and ``set`` do not
        reach those three (the builder never changes a span)."""
        self.add((span, _OA_SOURCE, source))
        self._spans.append((span, start, end, quote))

    def add(self, triple: Triple) -> TripleSet:
        # The triple hashed once (a literal's hash is a Python call): it is new when the dict
        # grew.
        triples = self._triples
        before = len(triples)
        triples.setdefault(triple)
        if len(triples) != before:
            s, p, o = triple
            objects = self._sp.get((s, p))
            if objects is None:
                self._sp[(s, p)] = [o]
            else:
                objects.append(o)
        return self

    def remove(self, triple: Triple) -> None:
        if triple in self._triples:
            del self._triples[triple]
            objects = self._sp[(triple[0], triple[1])]
            objects.remove(triple[2])
            if not objects:
                del self._sp[(triple[0], triple[1])]

    def set(self, triple: Triple) -> TripleSet:
        """Replace every object of (subject, predicate) with the triple's, as ``Graph.set``."""
        s, p, _o = triple
        for old in self._sp.pop((s, p), []):
            del self._triples[(s, p, old)]
        return self.add(triple)

    def value(self, subject: Term, predicate: Term) -> Term | None:
        objects = self._sp.get((subject, predicate))
        return objects[0] if objects else None

    def subject_objects(self, predicate: Term) -> Iterator[tuple[Term, Term]]:
        # Predicates compared as text (a predicate is always an IRI, so equal text is equal):
        # rdflib's __eq__ is a Python call per triple.
        text = str(predicate)
        return iter([(s, o) for (s, p, o) in self._triples
                     if p is predicate or str.__eq__(p, text)])  # fmt: skip

    def __contains__(self, triple: object) -> bool:
        return triple in self._triples

    def __iter__(self) -> Iterator[Triple]:
        yield from self._triples
        for span, start, end, quote in self._spans:
            yield (span, _OA_START, Literal(start, datatype=_XSD_INTEGER))
            yield (span, _OA_END, Literal(end, datatype=_XSD_INTEGER))
            yield (span, _OA_EXACT, Literal(quote))

    def __len__(self) -> int:
        return len(self._triples) + 3 * len(self._spans)


def term_text(t: Term) -> str:
    """One term as N-Quads writes it (as :func:`kg.store.stream.graph_nquads` writes it)."""
    kind = type(t)
    if kind is URIRef or (kind is not Literal and isinstance(t, URIRef)):
        return f"<{t}>"
    if kind is Literal or isinstance(t, Literal):
        value = str(t).translate(_ESCAPES)
        if t.language:
            return f'"{value}"@{t.language.lower()}'  # as Oxigraph keeps it
        if t.datatype and str(t.datatype) != _XSD_STRING:
            return f'"{value}"^^<{t.datatype}>'
        return f'"{value}"'
    if isinstance(t, BNode):
        return f"_:{t}"
    raise TypeError(f"cannot write {t!r} as N-Quads")


def nquads(triples: Iterable[Triple], graph: str) -> str:
    """The triples as N-Quads lines in the named graph with IRI ``graph``; a term met twice is
    written once (a record names its own nodes and predicates many times). A
    :class:`TripleSet`'s evidence spans are written from their values."""
    tail = f" <{graph}> .\n"
    texts: dict[Term, str] = {}
    lines = []
    if type(triples) is TripleSet:
        start_p, end_p, exact_p = f"<{_OA_START}>", f"<{_OA_END}>", f"<{_OA_EXACT}>"
        integer = f"^^<{_XSD_INTEGER}>{tail}"
        for span, start, end, quote in triples._spans:
            st = f"<{span}> "
            lines.append(f'{st}{start_p} "{start}"{integer}')
            lines.append(f'{st}{end_p} "{end}"{integer}')
            lines.append(f'{st}{exact_p} "{quote.translate(_ESCAPES)}"{tail}')
        triples = triples._triples
    for s, p, o in triples:
        try:
            st = texts[s]
        except KeyError:
            st = texts[s] = term_text(s)
        try:
            pt = texts[p]
        except KeyError:
            pt = texts[p] = term_text(p)
        if type(o) is URIRef:
            try:
                ot = texts[o]
            except KeyError:
                ot = texts[o] = term_text(o)
        else:  # literals are not shared: "1"^^xsd:integer equals "01"^^xsd:integer in rdflib
            ot = term_text(o)
        lines.append(f"{st} {pt} {ot}{tail}")
    return "".join(lines)


def defer_labels(triples: TripleSet, reference_labels: dict[Term, set[Term]]) -> None:
    """:func:`kg.store.build.defer_to_reference` over a :class:`TripleSet`, with the reference
    graph's labels given as subject -> its ``rdfs:label`` values."""
    from rdflib import RDFS, SKOS
    from rdflib.namespace import FOAF

    # Most records give a referenced node (a country, say) only the labels the reference data
    # gives it: then nothing moves, found from the (subject, predicate) index alone.
    preds, known = (RDFS.label, FOAF.name), reference_labels.get
    for (s, p), objects in triples._sp.items():
        ref = known(s)
        if ref and p in preds and any(o not in ref for o in objects):
            break
    else:
        return
    for pred in preds:
        for s, label in triples.subject_objects(pred):
            ref = reference_labels.get(s)
            if ref and label not in ref:
                triples.remove((s, pred, label))
                triples.add((s, SKOS.altLabel, label))


__all__ = ["TripleSet", "defer_labels", "nquads", "term_text"]
