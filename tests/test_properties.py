"""Property and fuzz tests (hypothesis).

- Every export format round-trips: export, parse back, and the graph is isomorphic to the one
  stored, over generated graphs with awkward literals (unicode, quotes, newlines, language tags,
  datatypes) and IRIs.
- Every loader, given a mutated copy of a real input, either reads it or raises a ``KgError``:
  never another exception.

``make test`` runs a short profile (few examples, derandomised so that CI is repeatable);
``make fuzz`` (``HYPOTHESIS_PROFILE=long``) runs many more, with fresh random examples.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import KgError

ROOT = Path(__file__).resolve().parent.parent

settings.register_profile(
    "ci",
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "long",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


# -- generated graphs -------------------------------------------------------------------------

# IRI characters: unreserved ASCII, sub-delims, percent escapes and non-ASCII letters (IRIs allow
# them); never the characters RFC 3987 forbids.
_IRI_CHARS = st.sampled_from(
    list("abcxyzABCXYZ0189-._~!$&'()*+,;=:@/")
    + ["%20", "%3C", "%C3%A9", "é", "ж", "中", "ß", "ı", "\u00a0".strip() or "a"]
)
iris = st.builds(
    lambda path, frag: URIRef(f"https://example.org/{path}{frag}"),
    st.lists(_IRI_CHARS, max_size=12).map("".join),
    st.sampled_from(["", "#", "#x", "#frag-é"]),
)

# Literal text: any unicode scalar value except surrogates (not encodable) and NUL.
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=40,
) | st.sampled_from(['"', "'", '"""', "'''", "\\", "\n", "\r\n", "\t", " ", "a\"b'c\\n", "@en"])
# BCP 47 tags: a language, then maybe a region (letters or UN M.49 digits) or a script
languages = st.from_regex(r"[a-z]{2,3}(-([A-Z]{2}|[0-9]{3}|[A-Z][a-z]{3}))?", fullmatch=True)
typed = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(
        lambda n: Literal(str(n), datatype=XSD.integer)
    ),
    st.dates(min_value=__import__("datetime").date(1, 1, 1)).map(
        lambda d: Literal(d.isoformat(), datatype=XSD.date)
    ),
    st.booleans().map(lambda b: Literal("true" if b else "false", datatype=XSD.boolean)),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(
        lambda d: Literal(str(d), datatype=XSD.decimal)
    ),
    st.builds(lambda t, dt: Literal(t, datatype=dt), texts, iris),
)
literals = st.one_of(
    texts.map(Literal),
    st.builds(lambda t, lang: Literal(t, lang=lang), texts, languages),
    typed,
)
bnodes = st.sampled_from([BNode(f"b{n}") for n in range(3)])
subjects = iris | bnodes
objects = st.one_of(iris, literals, bnodes)
triples = st.tuples(subjects, iris, objects)
datasets = st.dictionaries(
    st.integers(min_value=1, max_value=3).map(lambda n: URIRef(f"https://example.org/graph/{n}")),
    st.lists(triples, min_size=1, max_size=8),
    min_size=1,
    max_size=3,
)


def _store_of(graphs: dict[URIRef, list[tuple[Any, Any, Any]]]) -> Any:
    from kg.store import Store

    ds = Dataset()
    for name, ts in graphs.items():
        g = ds.graph(name)
        for t in ts:
            # blank nodes are local to their graph, as in every dataset the project builds
            local = f"g{name.rsplit('/', 1)[1]}"
            g.add(tuple(BNode(f"{local}{x}") if isinstance(x, BNode) else x for x in t))
    store = Store.memory()
    store.add_dataset(ds)
    return store


def _per_graph(ds: Dataset) -> dict[URIRef, Graph]:
    out: dict[URIRef, Graph] = {}
    for ctx in ds.graphs():
        if len(ctx) and ctx.identifier != ds.default_graph.identifier:
            g = Graph()
            g += ctx
            out[URIRef(str(ctx.identifier))] = g
    return out


def _union(graphs: dict[URIRef, Graph]) -> Graph:
    union = Graph()
    for g in graphs.values():
        union += g
    return union


PARSE_FORMATS = {
    "turtle": "turtle",
    "trig": "trig",
    "nquads": "nquads",
    "ntriples": "nt",
    "jsonld": "json-ld",
}


@pytest.mark.parametrize("fmt", sorted(PARSE_FORMATS))
@given(graphs=datasets)
def test_export_then_parse_is_isomorphic(fmt: str, graphs: dict[URIRef, list[Any]]) -> None:
    from kg.publish.export import export

    store = _store_of(graphs)
    stored = _per_graph(store.to_dataset())
    data = export(store, fmt, include_restricted=True)
    if fmt in ("trig", "nquads", "jsonld"):
        back = Dataset()
        back.parse(data=data, format=PARSE_FORMATS[fmt])
        parsed = _per_graph(back)
        assert set(parsed) == set(stored)
        for name, g in stored.items():
            assert isomorphic(parsed[name], g), (fmt, name, data.decode("utf-8")[:2000])
    else:
        back_g = Graph()
        back_g.parse(data=data, format=PARSE_FORMATS[fmt])
        assert isomorphic(back_g, _union(stored)), (fmt, data.decode("utf-8")[:2000])


# -- mutated inputs ---------------------------------------------------------------------------


def _mutate(data: bytes, ops: list[tuple[int, int, int, bytes]]) -> bytes:
    """Apply (kind, position, length, payload) edits: delete, insert, overwrite, duplicate."""
    buf = bytearray(data)
    for kind, pos, length, payload in ops:
        if not buf:
            buf.extend(payload)
            continue
        pos %= len(buf)
        if kind == 0:
            del buf[pos : pos + length]
        elif kind == 1:
            buf[pos:pos] = payload
        elif kind == 2:
            buf[pos : pos + len(payload)] = payload
        else:
            buf[pos:pos] = buf[pos : pos + length]
    return bytes(buf)


_PAYLOADS = st.one_of(
    st.binary(max_size=8),
    st.sampled_from(
        [
            b"\n",
            b": ",
            b"- ",
            b"{",
            b"}",
            b"[",
            b"]",
            b"<",
            b">",
            b'"',
            b",",
            b"\t",
            b"&",
            b"#",
            b"@",
            b"42",
            b"-1",
            b"null",
            b"~",
            b"!!python/object:os.system",
            b"*a",
            b"&a ",
            b"2017-13-45",
            b"2017-02-30",
            b"\xff\xfe",
            b"\x00",
            b"\xc3\xa9",
            b"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>",
            b'"@context": "http://127.0.0.1:1/c"',
            b"%PDF-1.4",
            b"endobj",
            b"stream",
        ]
    ),
)
mutations = st.lists(
    st.tuples(st.integers(0, 3), st.integers(0, 1 << 20), st.integers(1, 64), _PAYLOADS),
    min_size=1,
    max_size=6,
)


def _only_kg_errors(load: Callable[[Path], object], path: Path) -> None:
    try:
        load(path)
    except KgError as e:
        message = str(e)
        assert message and "\n" not in message.strip(), message
        assert "Traceback" not in message


def _load_fuzzed(
    load: Callable[[Path], object], name: str, original: bytes, ops: list[Any]
) -> None:
    """Write the mutated bytes under ``name`` in a folder removed afterwards, and load them."""
    with tempfile.TemporaryDirectory(prefix="kg-fuzz-") as folder:
        path = Path(folder) / name
        path.write_bytes(_mutate(original, ops))
        _only_kg_errors(load, path)


SEED_RECORD = ROOT / "data" / "cases" / "seed-dauletbayev-2017.yaml"
SEED_TEXT = ROOT / "data" / "appeals" / "seed-dauletbayev-2017.txt"


def _load_and_build_record(path: Path) -> None:
    from kg.record.caserecord import load_record, record_to_graph

    record = load_record(path)
    record_to_graph(record, SEED_TEXT.read_text(encoding="utf-8"), origin=str(path))


@given(ops=mutations)
def test_case_record_loader_survives_mutations(ops: list[Any]) -> None:
    _load_fuzzed(_load_and_build_record, SEED_RECORD.name, SEED_RECORD.read_bytes(), ops)


REFERENCE_SAMPLES = {
    "sample.ttl": (ROOT / "data" / "reference" / "organisations.ttl").read_bytes()[:6000],
    "sample.nt": (
        b'<https://example.org/a> <http://www.w3.org/2000/01/rdf-schema#label> "A"@en .\n'
        b"<https://example.org/a> <https://example.org/p> <https://example.org/b> .\n"
        b'_:x <https://example.org/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
    ),
    "sample.jsonld": (
        b'{"@context": {"label": {"@id": "http://www.w3.org/2000/01/rdf-schema#label",'
        b' "@language": "en"}, "ex": "https://example.org/"},\n'
        b' "@graph": [{"@id": "ex:a", "label": "A"}, {"@id": "ex:b", "ex:p": {"@id": "ex:a"}}]}\n'
    ),
    "sample.rdf": (
        b'<?xml version="1.0" encoding="utf-8"?>\n'
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"\n'
        b'         xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">\n'
        b'  <rdf:Description rdf:about="https://example.org/a">\n'
        b'    <rdfs:label xml:lang="en">A</rdfs:label>\n'
        b"  </rdf:Description>\n</rdf:RDF>\n"
    ),
}


@pytest.mark.parametrize("name", sorted(REFERENCE_SAMPLES))
@given(ops=mutations)
def test_reference_readers_survive_mutations(name: str, ops: list[Any]) -> None:
    from kg.record.rdfinput import read_rdf_file

    _load_fuzzed(read_rdf_file, name, REFERENCE_SAMPLES[name], ops)


def _pdf_bytes() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 8, "On 7 November 2017, the court reclassified the charges.")
    return bytes(pdf.output())


APPEAL_SAMPLES = {
    "appeal.txt": SEED_TEXT.read_bytes()[:4000],
    "appeal.html": (
        b"<html><head><title>t</title><script>x()</script></head><body><nav>menu</nav>"
        b"<main><h1>Kazakhstan: charges</h1><p>On 7 November 2017 the court ruled.</p>"
        b"<ul><li>one</li><li>two</li></ul></main></body></html>"
    ),
}


@pytest.mark.parametrize("name", ["appeal.html", "appeal.pdf", "appeal.txt"])
@given(ops=mutations)
def test_appeal_readers_survive_mutations(name: str, ops: list[Any]) -> None:
    from kg.read import read_appeal

    original = _pdf_bytes() if name.endswith(".pdf") else APPEAL_SAMPLES[name]
    _load_fuzzed(read_appeal, name, original, ops)


@given(ops=mutations)
def test_link_csv_reader_survives_mutations(ops: list[Any]) -> None:
    from kg.link import read_link_file

    _load_fuzzed(
        read_link_file, "seed.csv", (ROOT / "data" / "links" / "seed.csv").read_bytes(), ops
    )


IDENTITIES = (
    b"appeal,local_id,same_as_appeal,same_as_local_id,decision,decided_by,note\n"
    b"dev-001,p1,dev-002,p3,same,curator,same person in both appeals\n"
    b"dev-003,o1,dev-004,o2,different,curator,two organisations\n"
)


@given(ops=mutations)
def test_identity_csv_reader_survives_mutations(ops: list[Any]) -> None:
    from kg.record.identity import load_decisions

    _load_fuzzed(load_decisions, "identities.csv", IDENTITIES, ops)
