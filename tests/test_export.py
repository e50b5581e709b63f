"""Exports: every format parses back, and nothing restricted leaks into a public output."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchgen import generator
from rdflib import Dataset, Graph

from kg.publish.export import FORMATS, export
from kg.store import Store
from kg.store.build import build


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_round_trips(built_store: Store, fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"kg{FORMATS[fmt][1]}"
    data = export(built_store, fmt, output=out)
    assert out.read_bytes() == data
    parsed = Dataset() if fmt in ("trig", "nquads", "jsonld") else Graph()
    parsed.parse(data=data.decode("utf-8"), format=FORMATS[fmt][0])
    assert len(parsed) > 1000 or sum(len(g) for g in parsed.graphs()) > 1000


def _restrict(data: Path, needle: str, level: str) -> None:
    path = data / "cases" / "seed-dauletbayev-2017.yaml"
    text = path.read_text(encoding="utf-8")
    assert needle in text
    path.write_text(text.replace(needle, needle + f"\n  access: {level}", 1), encoding="utf-8")


def test_restricted_case_is_left_out_of_every_public_format(
    data_copy: Path, tmp_path: Path
) -> None:
    path = data_copy / "cases" / "seed-dauletbayev-2017.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("access: public", "access: restricted"),
        encoding="utf-8",
    )
    build(tmp_path / "s", data_copy)
    store = Store.open(tmp_path / "s")
    for fmt in FORMATS:
        public = export(store, fmt).decode("utf-8")
        assert "Dauletbayev" not in public, fmt
        assert "p-2a9f31c4" not in public, fmt
    assert "Dauletbayev" in export(store, "nquads", include_restricted=True).decode("utf-8")


def test_a_single_restricted_fact_is_left_out_with_its_evidence(
    data_copy: Path, tmp_path: Path
) -> None:
    _restrict(data_copy, "\n  iri: akr:person/p-0f6a9be5", "confidential")
    build(tmp_path / "s", data_copy)
    store = Store.open(tmp_path / "s")
    public = export(store, "nquads").decode("utf-8")
    assert "p-0f6a9be5" not in public
    assert "Marat Dauletbayev" in public  # the rest of the case stays


def test_streamed_exports_hold_the_public_store_and_nothing_else(tmp_path, seed_built) -> None:
    """Oxigraph writes the four formats straight from the public store: same triples as the
    rdflib writers, each triple once in the triple formats, the file written atomically."""
    import pyoxigraph as ox

    from kg.publish.export import STREAMED, export, serialize, stream_to_bytes
    from kg.store.store import Store, public_store_path

    _, store_path = seed_built.copy()  # the seed's store, built once per process
    public = Store.open(public_store_path(store_path))
    ds = public.to_dataset()
    for fmt, ox_format in STREAMED.items():
        out = tmp_path / f"kg.{fmt}"
        assert export(public, fmt, output=out) == b""
        streamed = _triples(ox.parse(path=str(out), format=ox_format))
        expected = _triples(ox.parse(serialize(ds, fmt), format=ox_format))
        assert streamed == expected, fmt
        assert stream_to_bytes(public, fmt) == out.read_bytes()
    lines = (tmp_path / "kg.ntriples").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines))  # the union has each triple once
    assert not list(tmp_path.glob(".kg.*.tmp"))


def _triples(quads) -> set[tuple]:
    """Triples without blank nodes, literals by value (writers spell numbers differently)."""
    import pyoxigraph as ox
    from rdflib import Literal, URIRef

    def value(term):
        if isinstance(term, ox.Literal):
            dt = term.datatype.value
            return (
                Literal(
                    term.value, lang=term.language, datatype=None if term.language else URIRef(dt)
                ).toPython(),
                term.language,
            )
        return str(term)

    return {
        (str(q.subject), str(q.predicate), value(q.object))
        for q in quads
        if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)
    }


def test_triple_formats_hold_each_triple_of_the_union_once_on_a_generated_corpus(
    tmp_path: Path,
) -> None:
    """One triple, one graph holds for the public store of a corpus where people, bodies and
    laws recur across appeals: the triple formats, written graph after graph, have each
    triple of the union once and every quad's triple; Turtle states its prefixes once."""

    import pyoxigraph as ox

    from kg.publish.export import stream_export
    from kg.store.store import Store, public_store_path
    from kg.store.stream import build_streaming

    data = generator().generate(12, tmp_path / "data", seed=11, jobs=1, corpus=None)
    build_streaming(tmp_path / "kg", data, progress=None)
    public = Store.open(public_store_path(tmp_path / "kg"))
    backend = public.oxigraph
    distinct = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"
    union_size = int(next(iter(backend.query(distinct, use_default_graph_as_union=True)))[0].value)
    assert union_size == len(backend)  # no triple in two graphs
    stream_export(public, "ntriples", tmp_path / "kg.nt")
    lines = (tmp_path / "kg.nt").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines)) == union_size
    stream_export(public, "turtle", tmp_path / "kg.ttl")
    turtle = (tmp_path / "kg.ttl").read_text(encoding="utf-8")
    prefix_lines = [line for line in turtle.splitlines() if line.startswith("@prefix")]
    assert len(prefix_lines) == len(set(prefix_lines)) > 0
    assert len(list(ox.parse(path=str(tmp_path / "kg.ttl"), format=ox.RdfFormat.TURTLE))) == (
        union_size
    )
