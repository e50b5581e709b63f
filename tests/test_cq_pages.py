"""CQ11's corpus-wide answer read one appeal at a time (``?appeal`` bound), on a generated corpus
of several appeals: each page is exactly the corpus-wide rows of its appeal, in the same order,
and the pages of every appeal together are the corpus-wide answer. CQ2's and CQ10's too, CQ4's
and CQ9's one case at a time (``?case`` bound), and a defender's answer read so with
``?defender`` bound as well.

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


# CQ2, CQ3, CQ7 and CQ10 page the same way (by the appeal that states the event or the
# complaint), and their busiest defender's answer by his appeals: the timeline of a defender
# named in many appeals is thousands of rows at 10,000 appeals. CQ4 and
# CQ9 page by case: a charge and a right claim belong to exactly one case (shapes/charge.ttl,
# shapes/right-claim.ttl), so the pages of every case together are the whole answer.
PAGED = (
    ("cq02-defender-timeline", "appeal"),
    ("cq03-complainants", "appeal"),
    ("cq07-statements", "appeal"),
    ("cq10-demands", "appeal"),
    ("cq04-charges", "case"),
    ("cq09-rights", "case"),
)


def _named(store: Store, name: str, params: dict[str, str]) -> list[dict[str, str]]:
    result = run_query(store, name, params)
    return [{k: "" if v is None else str(v) for k, v in row.items()} for row in result.to_rows()]


def _paged_whole(store: Store, name: str, page_by: str) -> list[dict[str, str]]:
    """The corpus-wide answer, checked to be its pages by ?page_by put end to end."""
    whole = _named(store, name, {})
    keys = sorted({row[page_by] for row in whole})
    assert len(keys) > 1, name
    assert all(keys), f"{name}: a row with no ?{page_by}"
    pages: list[dict[str, str]] = []
    for key in keys:
        page = _named(store, name, {page_by: key})
        assert page and page == [row for row in whole if row[page_by] == key], (name, key)
        pages += page
    assert len(pages) == len(whole)
    return whole


@pytest.mark.parametrize(("name", "page_by"), PAGED)
def test_each_page_of_a_defender_question_is_its_part_of_the_answer(
    store: Store, name: str, page_by: str
) -> None:
    whole = _paged_whole(store, name, page_by)
    # a defender's answer, page by page: his rows of each appeal or case, in the same order
    defender = max(
        {row["defender"] for row in whole},
        key=lambda d: (len({r[page_by] for r in whole if r["defender"] == d}), d),
    )
    his = _named(store, name, {"defender": defender})
    assert his == [row for row in whole if row["defender"] == defender]
    for key in sorted({row[page_by] for row in his}):
        page = _named(store, name, {"defender": defender, page_by: key})
        assert page == [row for row in his if row[page_by] == key], (name, key)
    none = {"defender": defender, page_by: f"https://w3id.org/appeals-kg/id/{page_by}/a-none"}
    assert _named(store, name, none) == []
    assert _named(store, name, {page_by: none[page_by]}) == []


@pytest.mark.parametrize("name", ["cq04-charges", "cq09-rights"])
def test_a_case_page_is_the_case_each_row_belongs_to(store: Store, name: str) -> None:
    """?case is the case the charge or claim itself belongs to, not another case of its
    defender: a defender in several cases keeps each row under its own case."""
    column = "charge" if name.startswith("cq04") else "claim"
    whole = _named(store, name, {})
    _, owned = store.query(
        "SELECT ?x ?case WHERE { ?x <https://w3id.org/appeals-kg/ontology#case> ?case }"
    )
    case_of = {str(x): str(c) for x, c in owned}
    assert whole
    for row in whole:
        assert row["case"] == case_of[row[column]], (name, row[column])


@pytest.fixture(scope="module")
def store30(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """30 generated appeals: a jurisdiction arrangement is generated for about one appeal in
    twenty, too few for CQ6 to have rows on the 6 appeals above."""
    from benchgen import generator

    tmp = tmp_path_factory.mktemp("pages30")
    generator().generate(30, tmp / "corpus", seed=5, jobs=1, corpus=tmp / "no-corpus")
    build(tmp / "kg", tmp / "corpus")
    return Store.open(public_store_path(tmp / "kg"))


def test_cq06_pages_by_defender_are_the_whole_answer(store30: Store) -> None:
    """CQ6 pages by ?defender, its one parameter: every row names one defender, so his rows,
    read with him bound, are his part of the corpus-wide answer in the same order, and the
    pages of every defender together are the whole answer."""
    name, store = "cq06-territory-treaty", store30
    whole = _named(store, name, {})
    defenders = sorted({row["defender"] for row in whole})
    assert len(defenders) > 1, "the generated corpus gives several defenders an arrangement"
    pages: list[dict[str, str]] = []
    for defender in defenders:
        page = _named(store, name, {"defender": defender})
        assert page and page == [row for row in whole if row["defender"] == defender], defender
        pages += page
    assert len(pages) == len(whole)


def test_cq06_pages_by_organisation_are_each_defenders_answer(store30: Store) -> None:
    """CQ6's ?organisation narrows a defender's rows to one organisation's: each defender's
    pages by organisation, put end to end, are his rows, each in the same order as in his
    answer; an organisation alone gives its part of the corpus-wide answer."""
    name, store = "cq06-territory-treaty", store30
    whole = _named(store, name, {})
    organisations = sorted({row["organisation"] for row in whole})
    assert len(organisations) > 1, "the generated corpus gives arrangements to several bodies"
    for organisation in organisations:
        alone = _named(store, name, {"organisation": organisation})
        assert alone and alone == [row for row in whole if row["organisation"] == organisation]
    for defender in sorted({row["defender"] for row in whole}):
        his = [row for row in whole if row["defender"] == defender]
        pages: list[dict[str, str]] = []
        for organisation in sorted({row["organisation"] for row in his}):
            page = _named(store, name, {"defender": defender, "organisation": organisation})
            assert page == [row for row in his if row["organisation"] == organisation]
            pages += page
        assert len(pages) == len(his), defender
    none = "https://w3id.org/appeals-kg/id/org/o-none"
    assert _named(store, name, {"defender": whole[0]["defender"], "organisation": none}) == []


# CQ8 pages by the appeal that names the official (each row's ?appeal), CQ15 by the person or
# organisation (each row's ?entity), CQ12 by the appeal that states the ban, CQ5 by the case of
# the appeal that states the decision, CQ1 by the defender (each row names one): none of them
# has a defender to bind besides.
OTHER_PAGES = (
    ("cq01-defenders-organisations", "defender"),
    ("cq05-final-decisions", "case"),
    ("cq08-officials", "appeal"),
    ("cq12-banned-organisations", "appeal"),
    ("cq15-entities-in-several-appeals", "entity"),
)


@pytest.mark.parametrize(("name", "page_by"), OTHER_PAGES)
def test_each_page_of_a_question_without_a_defender_is_its_part_of_the_answer(
    store30: Store, name: str, page_by: str
) -> None:
    _paged_whole(store30, name, page_by)
    none = f"https://w3id.org/appeals-kg/id/{page_by}/a-none"
    assert _named(store30, name, {page_by: none}) == []


def test_cq08_page_names_every_official_whose_involvement_the_appeal_reports(
    store30: Store,
) -> None:
    """Each appeal that reports an official's involvement (akg:involvementReportedIn: its
    akg:reportedIn or its evidence's source) names him on its page."""
    _, rows = store30.query(
        "SELECT ?inv ?appeal WHERE { ?inv <https://w3id.org/appeals-kg/ontology#role> "
        "<https://w3id.org/appeals-kg/vocab/role/official> ; "
        "<https://w3id.org/appeals-kg/ontology#involvementReportedIn> ?appeal }"
    )
    assert rows, "the generated corpus names officials"
    for inv, appeal in rows:
        page = _named(store30, "cq08-officials", {"appeal": str(appeal)})
        _, agents = store30.query(
            f"SELECT ?a WHERE {{ <{inv}> <https://w3id.org/appeals-kg/ontology#agent> ?a }}"
        )
        assert {str(a) for (a,) in agents} <= {row["official"] for row in page}, (inv, appeal)
