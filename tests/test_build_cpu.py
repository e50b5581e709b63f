"""What the full build was made to do with less CPU gives what it gave before: rules written
for a cheaper plan derive the same triples, and are analysed the same way (kg.store.derive)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from benchgen import generator as _generator
from goldcorpus import gold_data

import kg.store.stream as stream
from kg.store.build import rules
from kg.store.derive import rule_shape
from kg.vocab import DATA_DIR, ONTOLOGY_DIR

# position-reported-in.rq as it was, with the alternative path.
_POSITION_BEFORE = """PREFIX akg: <https://w3id.org/appeals-kg/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX org: <http://www.w3.org/ns/org#>
CONSTRUCT { ?position akg:positionReportedIn ?appeal }
WHERE {
  { ?position org:member|org:heldBy ?person ; akg:reportedIn ?appeal }
  UNION
  { ?position org:member|org:heldBy ?person ; akg:evidence/oa:hasSource ?appeal }
}
"""

# concerns-defender.rq as it was: each way a chain from each of the defender's involvements.
_DEFENDER_BEFORE = """PREFIX akg: <https://w3id.org/appeals-kg/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX role: <https://w3id.org/appeals-kg/vocab/role/>
CONSTRUCT { ?event akg:concernsDefender ?defender }
WHERE {
  {
    ?involvement akg:role role:defender ;
        akg:agent ?defender .
    ?part akg:participant ?defender .
    ?event akg:participation ?part .
  } UNION {
    ?involvement akg:role role:defender ;
        akg:agent ?defender .
    ?post org:heldBy ?defender ;
        org:postIn ?organisation .
    ?part akg:participant ?organisation .
    ?event akg:participation ?part .
  } UNION {
    ?involvement akg:role role:defender ;
        akg:agent ?defender .
    ?membership org:member ?defender ;
        org:organization ?organisation .
    ?part akg:participant ?organisation .
    ?event akg:participation ?part .
  } UNION {
    ?involvement akg:role role:defender ;
        akg:agent ?defender .
    ?event akg:authority ?defender .
  } UNION {
    ?involvement akg:role role:defender ;
        akg:agent ?defender .
    ?post org:heldBy ?defender ;
        org:postIn ?organisation .
    ?event akg:authority ?organisation .
  } UNION {
    ?involvement akg:role role:defender ;
        akg:agent ?defender .
    ?membership org:member ?defender ;
        org:organization ?organisation .
    ?event akg:authority ?organisation .
  }
}
"""


def _rule(name: str) -> str:
    return dict(rules(ONTOLOGY_DIR))[name]


def _answer(store: ox.Store, query: str) -> set[ox.Triple]:
    return set(store.query(query, use_default_graph_as_union=True))  # type: ignore[arg-type]


def _full_store(data: Path, tmp: Path) -> ox.Store:
    stream.build_streaming(tmp / "kg", data, incremental=False, progress=None)
    return ox.Store.read_only(str(tmp / "kg" / "full"))


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> list[ox.Store]:
    """Full builds of a generated corpus and of the gold records."""
    tmp = tmp_path_factory.mktemp("build-cpu")
    data = _generator().generate(30, tmp / "corpus", seed=3, jobs=1)
    shutil.copytree(DATA_DIR / "reference", data / "reference", dirs_exist_ok=True)
    gold, _n = gold_data(tmp / "gold")
    return [_full_store(data, tmp / "gen"), _full_store(gold, tmp / "gold")]


def test_position_rule_gives_what_the_alternative_path_gave(stores: list[ox.Store]) -> None:
    now = _rule("position-reported-in.rq")
    assert "|" not in now.split("WHERE", 1)[1]
    for store in stores:
        found = _answer(store, now)
        assert found == _answer(store, _POSITION_BEFORE)
        assert len(found) > 10
    # Posts (org:heldBy) and memberships (org:member) both reach it, through both links.
    gen = stores[0]
    for link in ("org:member", "org:heldBy"):
        only = _POSITION_BEFORE.replace("org:member|org:heldBy", link)
        assert _answer(gen, only)


def test_position_rule_is_analysed_as_before() -> None:
    before = rule_shape("position-reported-in.rq", _POSITION_BEFORE)
    now = rule_shape("position-reported-in.rq", _rule("position-reported-in.rq"))
    for field in ("roots", "depth", "forward", "backward", "subject_is_root", "why", "made"):
        assert getattr(now, field) == getattr(before, field), field
    assert now.roots == ("position",) and not now.why


def _rows(store: ox.Store, construct: str) -> int:
    """Solutions of a rule's pattern, duplicates counted (what its evaluation goes through)."""
    select = construct.replace(
        "CONSTRUCT { ?event akg:concernsDefender ?defender }", "SELECT ?event ?defender"
    )
    return sum(1 for _ in store.query(select, use_default_graph_as_union=True))  # type: ignore[union-attr]


def test_defender_rule_gives_what_chains_per_involvement_gave(stores: list[ox.Store]) -> None:
    now = _rule("concerns-defender.rq")
    for store in stores:
        found = _answer(store, now)
        assert found == _answer(store, _DEFENDER_BEFORE)
        assert len(found) > 10


def test_defender_rule_meets_each_event_once_per_defender() -> None:
    """A defender named in three appeals (three involvements) taking part in three events: the
    chains per involvement met each event three times (9 rows), the rule now once (3 rows),
    with the same answer."""
    akg, role = "https://w3id.org/appeals-kg/ontology#", "https://w3id.org/appeals-kg/vocab/role/"
    x = "https://example.org/"
    node = ox.NamedNode
    store = ox.Store()
    defender = node(x + "defender")
    for n in range(3):
        inv, part, event = node(f"{x}inv{n}"), node(f"{x}part{n}"), node(f"{x}event{n}")
        graph = node(f"{x}appeal{n}")
        for s, p, o in (
            (inv, node(akg + "role"), node(role + "defender")),
            (inv, node(akg + "agent"), defender),
            (part, node(akg + "participant"), defender),
            (event, node(akg + "participation"), part),
        ):
            store.add(ox.Quad(s, p, o, graph))
    now = _rule("concerns-defender.rq")
    assert _answer(store, now) == _answer(store, _DEFENDER_BEFORE)
    assert len(_answer(store, now)) == 3
    assert _rows(store, _DEFENDER_BEFORE) == 9
    assert _rows(store, now) == 3


def test_defender_rule_is_analysed_as_before() -> None:
    before = rule_shape("concerns-defender.rq", _DEFENDER_BEFORE)
    now = rule_shape("concerns-defender.rq", _rule("concerns-defender.rq"))
    for field in ("roots", "depth", "forward", "backward", "subject_is_root", "why", "made"):
        assert getattr(now, field) == getattr(before, field), field
    assert now.roots == ("event",) and not now.why
