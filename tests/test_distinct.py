"""Every competency question gives the same rows with and without DISTINCT (as multisets):
no fact is counted twice because two graphs, two paths or two labels state it."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

import pytest

from kg.query import QueryFile, QueryResult, list_queries, run_query
from kg.store import Store

CQS = [q for q in list_queries() if re.match(r"cq\d\d", q.name)]
_SELECT = re.compile(r"\bSELECT(\s+DISTINCT)?\b", re.I)


def toggled(text: str) -> tuple[str, str]:
    """(the query with DISTINCT on its outermost SELECT, the query without it)."""
    lines = text.splitlines(keepends=True)
    offset = 0
    for line in lines:  # the first SELECT outside comments is the outermost one
        if not line.lstrip().startswith("#") and _SELECT.search(line):
            m = _SELECT.search(line)
            assert m is not None
            start, end = offset + m.start(), offset + m.end()
            return text[:start] + "SELECT DISTINCT" + text[end:], text[:start] + "SELECT" + text[
                end:
            ]
        offset += len(line)
    raise AssertionError("no SELECT")


def row_counts(store: Store, qf: QueryFile, text: str) -> Counter[tuple[str, ...]]:
    result = run_query(store, dataclasses.replace(qf, text=text))
    assert isinstance(result, QueryResult)
    return Counter(tuple("" if t is None else str(t) for t in row) for row in result.rows)


def distinct_differences(store: Store, qf: QueryFile) -> list[str]:
    """Rows a plain SELECT repeats (or gives that DISTINCT does not), as readable lines."""
    with_distinct, without = (row_counts(store, qf, t) for t in toggled(qf.text))
    out = []
    for row in sorted(set(with_distinct) | set(without)):
        if with_distinct[row] != without[row]:
            out.append(f"{without[row]}x without, {with_distinct[row]}x with: {row}")
    return out


def test_toggle_finds_the_outermost_select() -> None:
    text = "# SELECT in a comment\nSELECT ?a WHERE { { SELECT DISTINCT ?a WHERE {} } }"
    on, off = toggled(text)
    assert on.count("SELECT DISTINCT") == 2 and off.count("SELECT DISTINCT") == 1


def test_the_check_catches_a_repeated_row(built_store: Store) -> None:
    """A question that walks two paths to the same value repeats rows without DISTINCT."""
    qf = QueryFile(
        name="repeat",
        path=CQS[0].path,
        text="PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?x WHERE { VALUES ?n { 1 2 } ?x a ?c } LIMIT 5",
    )
    assert distinct_differences(built_store, qf)


@pytest.mark.parametrize("qf", CQS, ids=lambda q: q.name)
def test_same_rows_with_and_without_distinct_on_the_seed(built_store: Store, qf: QueryFile) -> None:
    diffs = distinct_differences(built_store, qf)
    assert not diffs, "\n".join(diffs[:10])
