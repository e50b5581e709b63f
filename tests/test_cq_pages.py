"""CQ11's corpus-wide answer read one appeal at a time (``?appeal`` bound), on a generated corpus
of several appeals: each page is exactly the corpus-wide rows of its appeal, in the same order,
and the pages of every appeal together are the corpus-wide answer. CQ2's and CQ10's too, and a
defender's answer read so with ``?defender`` bound as well.

The corpus-wide form returns one row per evidence span of the whole corpus, so its cost grows
with the corpus whatever its plan (``bench/README.md``); a page costs what one appeal's spans
cost."""

from __future__ import annotations

import pytest

from kg.query import run_query
from kg.store import Store, public_store_path
from kg.store.build import build

APPEALS = 6
QUESTION = "cq11-fact-evidence"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    from benchgen import generator

    tmp = tmp_path_factory.mktemp("pages")
    generator().generate(APPEALS, tmp / "corpus", seed=3, jobs=1)
    build(tmp / "kg", tmp / "corpus")
    return Store.open(public_store_path(tmp / "kg"))


def _rows(store: Store, params: dict[str, str]) -> list[tuple[str, ...]]:
    result = run_query(store, QUESTION, params)
    assert result.variables[:2] == ["fact", "appeal"]
    return [tuple("" if t is None else str(t) for t in row) for row in result.rows]


def test_each_appeal_page_is_its_part_of_the_corpus_wide_answer(store: Store) -> None:
    whole = _rows(store, {})
    appeals = sorted({row[1] for row in whole})
    assert len(appeals) == APPEALS, "every generated appeal states facts with evidence"
    pages: list[tuple[str, ...]] = []
    for appeal in appeals:
        page = _rows(store, {"appeal": appeal})
        assert page, appeal
        assert page == [row for row in whole if row[1] == appeal], appeal
        pages += page
    assert sorted(pages) == sorted(whole)
    assert len(pages) == len(whole)


def test_appeal_and_fact_bound_together_narrow_the_page(store: Store) -> None:
    whole = _rows(store, {})
    fact, appeal = whole[0][0], whole[0][1]
    both = _rows(store, {"fact": fact, "appeal": appeal})
    assert both == [row for row in whole if row[0] == fact and row[1] == appeal]
    assert 0 < len(both) < len(_rows(store, {"appeal": appeal}))


def test_an_appeal_that_states_nothing_gives_no_rows(store: Store) -> None:
    assert _rows(store, {"appeal": "https://w3id.org/appeals-kg/id/appeal/a-none"}) == []


# CQ2 and CQ10 page the same way, and their busiest defender's answer by his appeals: the
# timeline of a defender named in many appeals is thousands of rows at 10,000 appeals.
DEFENDER_PAGED = ("cq02-defender-timeline", "cq10-demands")


def _named(store: Store, name: str, params: dict[str, str]) -> list[dict[str, str]]:
    result = run_query(store, name, params)
    return [{k: "" if v is None else str(v) for k, v in row.items()} for row in result.to_rows()]


@pytest.mark.parametrize("name", DEFENDER_PAGED)
def test_each_appeal_page_of_a_defender_question_is_its_part_of_the_answer(
    store: Store, name: str
) -> None:
    whole = _named(store, name, {})
    appeals = sorted({row["appeal"] for row in whole})
    assert len(appeals) > 1, name
    pages: list[dict[str, str]] = []
    for appeal in appeals:
        page = _named(store, name, {"appeal": appeal})
        assert page and page == [row for row in whole if row["appeal"] == appeal], (name, appeal)
        pages += page
    assert len(pages) == len(whole)
    # a defender's answer, page by page: his rows of each appeal, in the same order
    defender = max(
        {row["defender"] for row in whole},
        key=lambda d: (len({r["appeal"] for r in whole if r["defender"] == d}), d),
    )
    his = _named(store, name, {"defender": defender})
    assert his == [row for row in whole if row["defender"] == defender]
    for appeal in sorted({row["appeal"] for row in his}):
        page = _named(store, name, {"defender": defender, "appeal": appeal})
        assert page == [row for row in his if row["appeal"] == appeal], (name, appeal)
    none = {"defender": defender, "appeal": "https://w3id.org/appeals-kg/id/appeal/a-none"}
    assert _named(store, name, none) == []
