"""Competency questions: each ``queries/cqNN-slug.rq`` run on the graph built from ``data/`` and
compared with the expected rows in ``tests/cq/cqNN-slug.csv``; plus the headers and PREFIX lines
of every ``.rq``.

Expected rows are compared as sets, or as lists when the query orders its results at the top
level. Cells are the lexical forms of the terms (IRIs in full, unbound as empty). Regenerate with
``pytest --update-golden``, then read the diff against ``../shared/competency-questions.md``.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.query import QueryFile, parse_header, run_query
from kg.store import Store
from kg.vocab import ONTOLOGY_DIR, QUERIES_DIR, ROOT, prefixes, sparql_prologue

EXPECTED_DIR = ROOT / "tests" / "cq"
SEED_DEFENDER = "https://w3id.org/appeals-kg/id/person/p-2a9f31c4"
HEADER_KEYS = ("title", "question", "params", "returns")

CQ_QUERIES = sorted(QUERIES_DIR.glob("cq[0-9][0-9]-*.rq"))
TOP_LEVEL_QUERIES = sorted(QUERIES_DIR.glob("*.rq"))
ALL_RQ = sorted({*QUERIES_DIR.rglob("*.rq"), *(ONTOLOGY_DIR / "rules").glob("*.rq")})

# Known failures, with the reason; each entry must go once its cause is fixed (the marks are
# strict). A query listed here gets no expected file from --update-golden: its answer is wrong.
KNOWN_XFAIL: dict[str, str] = {}


def _xfail(name: str) -> list[pytest.MarkDecorator]:
    reason = KNOWN_XFAIL.get(name)
    return [pytest.mark.xfail(reason=reason, strict=True)] if reason else []


def expected_path(query: Path) -> Path:
    return EXPECTED_DIR / f"{query.stem}.csv"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Compare every query that has an expected CSV; with --update-golden, every query."""
    if "cq_query" in metafunc.fixturenames:
        update = metafunc.config.getoption("--update-golden")
        queries = [
            q
            for q in CQ_QUERIES
            if expected_path(q).exists() or (update and q.stem not in KNOWN_XFAIL)
        ]
        metafunc.parametrize(
            "cq_query",
            [pytest.param(q, id=q.stem, marks=_xfail(q.stem)) for q in queries],
        )


# --------------------------------------------------------------------------------------------
# Running the questions


@pytest.fixture(scope="session")
def seed_params(built_store: Store) -> dict[str, str]:
    """Parameter values on the seed: the defender, and the reclassification as the fact."""
    _, rows = built_store.query(
        sparql_prologue(["akg", "evtype"])
        + "SELECT ?event WHERE { ?event akg:eventType evtype:charge_reclassified }"
    )
    events = sorted(str(r[0]) for r in rows)
    assert len(events) == 1, f"the seed should have one reclassification event, found {events}"
    return {"defender": SEED_DEFENDER, "fact": events[0]}


def _cell(term: Node | None) -> str:
    return "" if term is None else str(term)


def answer(
    store: Store, qf: QueryFile, params: dict[str, str]
) -> tuple[list[str], list[tuple[str, ...]]]:
    """Run a query with the parameters it declares; variables and rows of cell strings."""
    given = {p.name: params[p.name] for p in qf.params if p.name in params}
    result = run_query(store, qf, given)
    return result.variables, [tuple(_cell(t) for t in row) for row in result.rows]


def write_expected(path: Path, variables: list[str], rows: list[tuple[str, ...]]) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(variables)
    writer.writerows(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(buf.getvalue(), encoding="utf-8")


def read_expected(path: Path) -> tuple[list[str], list[tuple[str, ...]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        table = list(csv.reader(fh))
    assert table, f"{path}: empty file (it needs at least the header row)"
    return table[0], [tuple(r) for r in table[1:]]


_NOT_CODE = re.compile(
    r'<[^<>"{}|^`\\\s]*>'  # IRIs (they may hold '#')
    r'|"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\''  # long strings
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''  # strings
    r"|#[^\n]*"  # comments
)


def orders_results(text: str) -> bool:
    """Whether the query has ORDER BY at the top level (not only inside a subquery)."""
    depth = 0
    for m in re.finditer(r"[{}]|\bORDER\s+BY\b", _NOT_CODE.sub(" ", text), re.I):
        token = m.group(0)
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
        elif depth == 0:
            return True
    return False


def test_orders_results_looks_at_the_top_level_only() -> None:
    assert orders_results("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s")
    assert not orders_results(
        "SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 1 } }"
    )
    assert not orders_results('SELECT * WHERE { ?s ?p "ORDER BY" } # ORDER BY ?s')


def test_cq_answers(
    cq_query: Path, built_store: Store, seed_params: dict[str, str], update_golden: bool
) -> None:
    """The question's rows on the seed are the expected ones."""
    qf = parse_header(cq_query)
    variables, rows = answer(built_store, qf, seed_params)
    path = expected_path(cq_query)
    if update_golden:
        assert rows, f"{cq_query.name} gives no rows on the seed; not writing an empty answer"
        write_expected(path, variables, rows)
    exp_vars, exp_rows = read_expected(path)
    assert variables == exp_vars, f"{cq_query.name}: variables differ from {path.name}'s header"
    if orders_results(qf.text):
        assert rows == exp_rows
    else:
        assert sorted(set(rows)) == sorted(set(exp_rows))
        assert len(rows) == len(set(rows)), f"{cq_query.name} repeats rows"


# Questions with a parameter that give no rows on the seed (one appeal), whose bound and
# unbound forms are compared on a generated corpus instead; a test below checks that the seed
# still gives them none.
EMPTY_ON_THE_SEED: dict[str, str] = {
    "cq15-entities-in-several-appeals": "nothing recurs in one appeal; its ?entity pages are "
    "compared with its corpus-wide rows on 30 generated appeals (tests/test_cq_pages.py)",
}


@pytest.mark.parametrize(
    "query",
    [
        pytest.param(q, id=q.stem)
        for q in CQ_QUERIES
        if parse_header(q).params and q.stem not in EMPTY_ON_THE_SEED
    ],
)
def test_cq_unbound_includes_the_bound_rows(
    query: Path, built_store: Store, seed_params: dict[str, str]
) -> None:
    """With its parameters left unbound a question runs, and its rows include the seed's."""
    qf = parse_header(query)
    variables, rows = answer(built_store, qf, {})
    bound_vars, bound_rows = answer(built_store, qf, seed_params)
    assert variables == bound_vars
    assert bound_rows, f"{query.name} gives no rows on the seed"
    assert set(bound_rows) <= set(rows)


@pytest.mark.parametrize("name", sorted(EMPTY_ON_THE_SEED))
def test_a_question_left_out_above_gives_no_rows_on_the_seed(name: str, built_store: Store) -> None:
    query = QUERIES_DIR / f"{name}.rq"
    assert query.exists(), name
    assert parse_header(query).params, name
    assert answer(built_store, parse_header(query), {})[1] == []


@pytest.mark.parametrize(
    "query", [pytest.param(q, id=q.stem, marks=_xfail(q.stem)) for q in CQ_QUERIES]
)
def test_cq_has_expected_rows(query: Path) -> None:
    """Every competency question has its expected answer on disk."""
    assert expected_path(query).is_file(), (
        f"{expected_path(query).relative_to(ROOT)} is missing: run pytest --update-golden and "
        "check the rows against the competency questions"
    )


# CQ14's expected answer on the seed (competency-questions.md): the eight confirmed items. Roscosmos
# and Front Line Defenders are left to `kg link` against the live service.
CQ14_ITEMS = {
    f"https://w3id.org/appeals-kg/id/{local}": qid
    for local, qid in (
        ("country/KZ", "Q232"),
        ("country/RU", "Q159"),
        ("person/p-7c1e4b90", "Q7747"),  # Vladimir Putin
        ("post/president-of-russia", "Q218295"),
        ("place/baikonur", "Q165413"),
        ("place/baikonur-cosmodrome", "Q177477"),
        ("org/facebook", "Q355"),
        ("place/kyzylorda-region", "Q485322"),
    )
}


@pytest.mark.parametrize(
    "query",
    [
        pytest.param(q, id=q.stem, marks=_xfail(q.stem))
        for q in CQ_QUERIES
        if q.stem.startswith("cq14-")
    ],
)
def test_cq14_links_the_eight_confirmed_items(query: Path, built_store: Store) -> None:
    variables, rows = answer(built_store, parse_header(query), {})
    linked = {(row[variables.index("entity")], row[variables.index("qid")]) for row in rows}
    assert linked == set(CQ14_ITEMS.items())


def test_known_failures_name_queries() -> None:
    stems = {q.stem for q in CQ_QUERIES}
    assert not [n for n in KNOWN_XFAIL if n not in stems], "KNOWN_XFAIL names a missing query"


def test_every_expected_file_has_its_query() -> None:
    stems = {q.stem for q in CQ_QUERIES}
    orphans = [p.name for p in sorted(EXPECTED_DIR.glob("*.csv")) if p.stem not in stems]
    assert not orphans, f"expected rows without a query in queries/: {orphans}"


# --------------------------------------------------------------------------------------------
# Headers and prefixes


def header_keys(path: Path) -> dict[str, str]:
    """The ``# key: value`` lines of the comment block that opens the file."""
    keys: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = re.match(r"^#\s*(\w+)\s*:\s*(.*)$", line)
        if m:
            keys.setdefault(m.group(1), m.group(2).strip())
    return keys


@pytest.mark.parametrize("query", [pytest.param(q, id=q.stem) for q in TOP_LEVEL_QUERIES])
def test_query_has_header(query: Path) -> None:
    keys = header_keys(query)
    missing = [k for k in HEADER_KEYS if not keys.get(k)]
    assert not missing, f"{query.name}: header lacks {', '.join(missing)}"
    parse_header(query)  # parameter types are known


@pytest.mark.parametrize("query", [pytest.param(q, id=q.stem) for q in CQ_QUERIES])
def test_header_returns_names_the_variables(query: Path, built_store: Store) -> None:
    """``# returns:`` lists the result variables, in order, before its first comma."""
    qf = parse_header(query)
    declared = re.findall(r"\?(\w+)", qf.returns.split(",")[0])
    dummy = {
        p.name: URIRef("https://example.org/none") if p.kind == "iri" else Literal("0")
        for p in qf.params
    }
    variables, _ = built_store.query(qf.text, dummy)
    assert declared == list(variables), f"{query.name}: # returns: does not match the SELECT"


@pytest.mark.parametrize("query", [pytest.param(q, id=str(q.relative_to(ROOT))) for q in ALL_RQ])
def test_prefixes_agree_with_prefix_map(query: Path) -> None:
    pm = prefixes()
    text = query.read_text(encoding="utf-8")
    declared = re.findall(r"^\s*PREFIX\s+([\w.-]*):\s*<([^>]*)>", text, re.M | re.I)
    for prefix, ns in declared:
        assert prefix in pm, f"{query.name}: prefix {prefix}: is not in ontology/prefixes.ttl"
        assert pm[prefix] == ns, (
            f"{query.name}: PREFIX {prefix}: <{ns}>, but ontology/prefixes.ttl has <{pm[prefix]}>"
        )
    names = [p for p, _ in declared]
    assert len(names) == len(set(names)), f"{query.name}: a prefix is declared twice"
