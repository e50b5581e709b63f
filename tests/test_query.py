"""The query API: finding queries, binding parameters as terms, result conversions."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg.errors import QueryError
from kg.query import QueryResult, bind_params, find_query, format_result, parse_header, run_query
from kg.store import Store

SEED_DEFENDER = "https://w3id.org/appeals-kg/id/person/p-2a9f31c4"


def test_find_query_by_prefix_stem_and_path() -> None:
    q = find_query("cq04")
    assert q.name.startswith("cq04-") and q.title and q.question and q.returns
    assert find_query(q.name).path == q.path
    assert find_query(str(q.path)).name == q.name
    with pytest.raises(QueryError, match="Did you mean"):
        find_query(q.name[:-1] + "x")


def test_rows_and_dataframe(built_store: Store) -> None:
    result = run_query(built_store, "cq04", {"defender": SEED_DEFENDER})
    # libel, then deliberately false denunciation, and the earlier defamation charge
    assert isinstance(result, QueryResult) and len(result) == 3
    rows = result.to_rows()
    assert all(isinstance(r, dict) for r in rows)
    assert any("419" in " ".join(str(v) for v in r.values()) for r in rows)
    df = result.to_dataframe()
    assert list(df.columns) == result.variables and len(df) == 3


def test_label_parameter_resolves_to_the_same_rows(built_store: Store) -> None:
    by_iri = run_query(built_store, "cq04", {"defender": SEED_DEFENDER})
    by_name = run_query(built_store, "cq04", {"defender": "Marat Dauletbayev"})
    by_curie = run_query(built_store, "cq04", {"defender": "akr:person/p-2a9f31c4"})
    assert by_iri.rows == by_name.rows == by_curie.rows


def test_formats(built_store: Store) -> None:
    result = run_query(built_store, "cq01")
    data = json.loads(format_result(result, "json"))
    assert data["head"]["vars"] == result.variables
    assert len(data["results"]["bindings"]) == len(result)
    csv_lines = format_result(result, "csv").splitlines()
    assert csv_lines[0] == ",".join(result.variables) and len(csv_lines) == len(result) + 1
    assert "\t" in format_result(result, "tsv").splitlines()[0]
    assert format_result(result, "table").endswith(f"({len(result)} row)")


def test_typed_parameters_are_checked(tmp_path: Path) -> None:
    rq = tmp_path / "q.rq"
    rq.write_text(
        "# title: t\n# question: q\n# params: ?since (date), ?n (integer)\n# returns: ?since ?n\n"
        "SELECT ?since ?n WHERE {}\n",
        encoding="utf-8",
    )
    qf = parse_header(rq)
    bound = bind_params(qf, {"since": "2017-01-31", "n": "3"}, None)
    assert bound["since"] == Literal(
        "2017-01-31", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date")
    )
    with pytest.raises(QueryError, match="not a valid date"):
        bind_params(qf, {"since": "31/01/2017"}, None)
    with pytest.raises(QueryError, match="has no parameter 'sinse'. Did you mean 'since'"):
        bind_params(qf, {"sinse": "2017-01-31"}, None)


def test_parameter_must_be_projected(tmp_path: Path) -> None:
    rq = tmp_path / "q.rq"
    rq.write_text(
        "# title: t\n# question: q\n# params: ?x (IRI)\n# returns: ?label\n"
        "SELECT ?label WHERE { ?x <http://www.w3.org/2000/01/rdf-schema#label> ?label }\n",
        encoding="utf-8",
    )
    with pytest.raises(QueryError, match="must be projected"):
        bind_params(parse_header(rq), {"x": SEED_DEFENDER}, None)


def test_bound_parameters_go_as_a_values_clause_with_the_same_rows(built_store: Store) -> None:
    """Parameters are written as a VALUES clause first in the outer WHERE group (the planner
    starts from them and carries them into each OPTIONAL); the rows are those of the same
    binding as a substitution."""
    from kg.query import with_values

    qf = find_query("cq04")
    defender = URIRef("https://w3id.org/appeals-kg/id/person/p-2a9f31c4")
    text = with_values(qf.text, {"defender": defender})
    clause = f"VALUES (?defender) {{ (<{defender}>) }}"
    assert text is not None and text.count(clause) == 1
    where = re.search(r"^SELECT[^{]*WHERE \{\s*", text, re.M)
    assert where is not None and text[where.end() :].startswith(clause)
    _, as_values = built_store.query(text)
    _, substituted = built_store.query(qf.text, {"defender": defender})
    assert as_values == substituted and as_values
    assert run_query(built_store, "cq04", {"defender": str(defender)}).rows == as_values


def test_a_parameter_named_by_an_expression_goes_as_a_substitution() -> None:
    """A parameter that is an aggregate's or a BIND's name cannot be bound before the group
    computes it, nor by a VALUES clause after the query: no clause is written for it."""
    from kg.query import with_values

    counted = "SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s"
    assert with_values(counted, {"n": Literal(2)}) is None
    bound = "SELECT ?y WHERE { ?x ?p ?o BIND (STR(?x) AS ?y) }"
    assert with_values(bound, {"y": Literal("a")}) is None
    # a comment naming WHERE { or AS ?x neither stops the clause nor moves it
    commented = "# SELECT ... WHERE { BIND (1 AS ?x) }\nSELECT ?x WHERE { ?x ?p ?o }"
    text = with_values(commented, {"x": URIRef("urn:a")})
    assert (
        text is not None and "SELECT ?x WHERE {\n  VALUES (?x) { (<urn:a>) }\n ?x ?p ?o }" in text
    )
    store = Store.memory()
    store.oxigraph.update("INSERT DATA { <urn:a> <urn:p> 1 . <urn:b> <urn:p> 2 }")
    assert store.query(text)[1] == [(URIRef("urn:a"),)]


def test_values_clause_is_not_written_for_what_the_syntax_cannot_hold() -> None:
    from kg.query import with_values

    query = "SELECT ?x WHERE { ?x ?p ?o }"
    assert with_values(query, {}) is None
    assert with_values(query, {"x": URIRef('http://example.org/a> } ; "')}) is None
    assert (
        with_values(
            query + " VALUES ?x { <http://example.org/b> }", {"x": URIRef("http://example.org/a")}
        )
        is None
    )
    text = with_values(query, {"x": Literal('say "no"\nnow')})
    assert text is not None and Store.memory().query(text) == (["x"], [])


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json"])
def test_written_rows_are_the_formatted_result(built_store: Store, fmt: str) -> None:
    """write_query (what ``kg query --format csv|tsv|json`` prints) gives the text
    format_result gives for run_query's result, for every question, bound and not, and for
    language-tagged, typed, formula-like and unbound cells."""
    import io

    from kg.query import QueryFile, list_queries, write_query

    odd = QueryFile(
        name="odd",
        path=Path("odd.rq"),
        text='SELECT ?a ?b ?c ?d WHERE { VALUES (?a ?b ?c ?d) { ("chef"@fr 3 UNDEF "=1+2") '
        '(<http://example.org/x> "2017-11-07"^^<http://www.w3.org/2001/XMLSchema#date> '
        '"tab\\there" "-3") } }',
    )
    empty = QueryFile(name="empty", path=Path("empty.rq"), text="SELECT ?a WHERE { FILTER(false) }")
    cases = [(odd, {}), (empty, {})]
    for qf in list_queries():
        if not qf.name.startswith("cq"):
            continue  # the fed-* questions call Wikidata
        cases.append((qf, {}))
        if any(p.name == "defender" for p in qf.params):
            cases.append((qf, {"defender": SEED_DEFENDER}))
    for qf, params in cases:
        out = io.StringIO()
        assert write_query(built_store, qf, params, fmt, out) is None
        result = run_query(built_store, qf, params)
        assert isinstance(result, QueryResult)
        printed = format_result(result, fmt).rstrip("\n") + "\n"  # as kg query prints it
        assert out.getvalue() == printed, (qf.name, params)
        if qf is odd:
            assert ("'=1+2" in printed) == (fmt != "json") and "chef" in printed


def test_written_query_of_another_form_is_returned(built_store: Store) -> None:
    import io

    from kg.query import QueryFile, write_query

    ask = QueryFile(name="ask", path=Path("ask.rq"), text="ASK { ?s ?p ?o }")
    out = io.StringIO()
    assert write_query(built_store, ask, {}, "csv", out) is True and out.getvalue() == ""
    with pytest.raises(QueryError, match="cannot stream"):
        write_query(built_store, ask, {}, "table", out)
