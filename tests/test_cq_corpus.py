"""Competency questions on the graph built from the development corpus's gold case records,
with expected rows counted from the gold YAML in plain Python (not only on the seed).

- CQ2 (the timeline, rewritten to read the materialised first mention and to join events once
  from the defender and his organisations): every dated event whose targets include a defender
  is on that defender's timeline, bound or not.
- CQ10: the demands of each appeal about a defender's case, as many as the gold lists.
- Every question's bound form returns a subset of its corpus-wide rows on this graph.
"""

from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from kg.countries import country_code
from kg.query import QueryResult, list_queries, run_query
from kg.record.caserecord import appeal_iri
from kg.store import Store
from kg.store.build import build
from kg.vocab import DATA_DIR

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
COUNTRY_KEYS = {"country", "jurisdiction", "sovereign", "administered_by", "applicable_law"}


def _countries(node: Any) -> list[str]:
    if isinstance(node, dict):
        out = [str(v) for k, v in node.items() if k in COUNTRY_KEYS and isinstance(v, str)]
        return out + [c for v in node.values() for c in _countries(v)]
    if isinstance(node, list):
        return [c for v in node for c in _countries(v)]
    return []


@pytest.fixture(scope="module")
def gold() -> dict[str, dict[str, Any]]:
    """The gold records the build accepts (those naming a country it does not know fail today)."""
    if not CORPUS.is_dir():
        pytest.fail(f"the development corpus is not at {CORPUS}")
    out = {}
    for path in sorted(CORPUS.glob("*.gold.yaml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        if all(country_code(c) for c in _countries(record)):
            out[str(record["appeal"]["id"])] = record
    assert len(out) >= 40
    return out


@pytest.fixture(scope="module")
def gold_store(gold: dict[str, dict[str, Any]], tmp_path_factory: pytest.TempPathFactory) -> Store:
    tmp = tmp_path_factory.mktemp("gold-cq")
    data = tmp / "data"
    (data / "extracted").mkdir(parents=True)
    shutil.copytree(DATA_DIR / "reference", data / "reference")
    for aid, record in gold.items():
        (data / "extracted" / f"{aid}.yaml").write_text(
            yaml.safe_dump(record, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )
    build(tmp / "store", data)
    return Store.open(tmp / "store")


def _rows(store: Store, name: str, params: dict[str, str] | None = None) -> list[dict[str, Any]]:
    result = run_query(store, name, params or {})
    assert isinstance(result, QueryResult)
    return result.to_rows()


def _defenders(record: dict[str, Any]) -> dict[str, str]:
    return {
        str(p["id"]): str(p["name"])
        for p in record.get("persons") or []
        if "defender" in (p.get("roles") or []) and p.get("name")
    }


def test_cq02_timeline_has_every_dated_event_targeting_the_defender(
    gold: dict[str, dict[str, Any]], gold_store: Store
) -> None:
    expected: dict[str, set[str]] = defaultdict(set)
    for record in gold.values():
        defenders = _defenders(record)
        for e in record.get("events") or []:
            if e.get("date") is None:
                continue
            for t in e.get("targets") or []:
                if str(t) in defenders:
                    expected[defenders[str(t)]].add(str(e["date"]))
    found: dict[str, set[str]] = defaultdict(set)
    iri: dict[str, str] = {}
    for row in _rows(gold_store, "cq02"):
        if row["date"] is not None:
            found[row["defenderLabel"]].add(str(row["date"]))
        iri[row["defenderLabel"]] = row["defender"]
    # At most the events of the appeals that name the defender: a timeline must not take in
    # other people's events (a BIND inside a UNION branch once let every event through).
    events_of: dict[str, int] = defaultdict(int)
    for record in gold.values():
        for name in set(_defenders(record).values()):
            events_of[name] += len(record.get("events") or [])
    checked = [name for name in expected if name in found]
    # Labels are canonical names after identity merges; nearly all gold names are labels.
    assert len(checked) >= 0.8 * len(expected), sorted(set(expected) - set(found))
    for name in checked:
        assert expected[name] <= found[name], f"{name}: missing {expected[name] - found[name]}"
        bound = {
            str(r["date"])
            for r in _rows(gold_store, "cq02", {"defender": iri[name]})
            if r["date"] is not None
        }
        assert bound == found[name], name
        bound_events = {r["event"] for r in _rows(gold_store, "cq02", {"defender": iri[name]})}
        assert len(bound_events) <= events_of[name], f"{name}: {len(bound_events)} events"


def test_cq10_demands_per_appeal(gold: dict[str, dict[str, Any]], gold_store: Store) -> None:
    found: dict[str, set[str]] = defaultdict(set)
    for row in _rows(gold_store, "cq10"):
        found[row["appeal"]].add(row["demand"])
    expected = {
        str(appeal_iri(aid)): len(record.get("demands") or [])
        for aid, record in gold.items()
        if _defenders(record) and record.get("demands")
    }
    assert expected
    assert {a: len(found.get(a, set())) for a in expected} == expected


# Questions the gold records cannot answer: they must give no rows (if they start to, move them
# to the bound-form test by deleting the entry).
NO_ROWS_ON_GOLD = {
    "cq06-territory-treaty": "the gold records describe no jurisdiction arrangement",
    "cq07-statements": "the gold records link no statement to a complaint",
    "cq11-fact-evidence": "gold records carry no evidence spans (offsets come with extraction)",
}


@pytest.mark.parametrize("name", sorted(NO_ROWS_ON_GOLD))
def test_questions_the_gold_cannot_answer(name: str, gold_store: Store) -> None:
    result = run_query(gold_store, name, {})
    assert isinstance(result, QueryResult) and not result.rows, NO_ROWS_ON_GOLD[name]


@pytest.mark.parametrize(
    "name",
    [
        q.name
        for q in list_queries()
        if q.name.startswith("cq") and q.params and q.name not in NO_ROWS_ON_GOLD
    ],
)
def test_bound_form_is_part_of_the_corpus_wide_answer(name: str, gold_store: Store) -> None:
    """Bound to the value of the first corpus-wide row, a question returns rows, all of them
    among the corpus-wide rows."""
    result = run_query(gold_store, name, {})
    assert isinstance(result, QueryResult) and result.rows, f"{name}: no rows on the gold graph"
    qf = next(q for q in list_queries() if q.name == name)
    first = dict(zip(result.variables, result.rows[0], strict=True))
    params = {p.name: str(first[p.name]) for p in qf.params}
    bound = run_query(gold_store, name, params)
    assert isinstance(bound, QueryResult) and bound.rows
    assert set(bound.rows) <= set(result.rows)
