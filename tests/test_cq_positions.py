"""Where a person works, as the appeal at hand states it (CQ3 and CQ8), on a generated corpus in
which complainants and officials recur across appeals, each time with a post or membership of
that appeal (``bench/generate.py``; its first 84 appeals hold a complainant whom another appeal
gives another employer).

Expected rows are worked out in Python from the triples the shortcuts and questions read:

- akg:positionReportedIn links each post and membership to the appeals that report it (its
  akg:reportedIn, or the source of its evidence spans), and nothing else;
- akg:complainantPosition links a complaint's agent participation to each post or membership
  in an organisation that its participant holds in an appeal reporting the complaint, and
  nothing else (derived per appeal graph);
- CQ3 gives, for each complaint and complainant, the places of work that the complaint's appeal
  states, not those stated by the other appeals naming the complainant;
- CQ8 gives one row per appeal, official and post that appeal states him holding, not every
  post he holds in any appeal (k x k rows for an official named in k appeals).
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from kg.query import QueryResult, run_query
from kg.store import Store, public_store_path
from kg.store.build import build

ROOT = Path(__file__).resolve().parents[1]
APPEALS = 84
AKG = "https://w3id.org/appeals-kg/ontology#"
ORG = "http://www.w3.org/ns/org#"
OA = "http://www.w3.org/ns/oa#"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    tmp = tmp_path_factory.mktemp("positions")
    corpus = tmp / "corpus"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "generate.py"), str(APPEALS), str(corpus)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    build(tmp / "kg", corpus)
    return Store.open(public_store_path(tmp / "kg"))


def _pairs(store: Store, pattern: str) -> set[tuple[str, str]]:
    """(?s, ?o) of a pattern, as strings."""
    _, rows = store.query(f"SELECT DISTINCT ?s ?o WHERE {{ {pattern} }}")
    return {(str(s), str(o)) for s, o in rows}


def _by_subject(pairs: set[tuple[str, str]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for s, o in pairs:
        out[s].add(o)
    return out


def _reported(store: Store) -> dict[str, set[str]]:
    """Every node's appeals: its akg:reportedIn, or the source of its evidence spans."""
    direct = _pairs(store, f"?s <{AKG}reportedIn> ?o")
    spans = _pairs(store, f"?s <{AKG}evidence> ?e . ?e <{OA}hasSource> ?o")
    return _by_subject(direct | spans)


def _positions(store: Store) -> dict[str, tuple[set[str], set[str]]]:
    """Each post or membership: (its holders, its organisations)."""
    holders = _by_subject(
        _pairs(store, f"?s <{ORG}member> ?o") | _pairs(store, f"?s <{ORG}heldBy> ?o")
    )
    orgs = _by_subject(
        _pairs(store, f"?s <{ORG}organization> ?o") | _pairs(store, f"?s <{ORG}postIn> ?o")
    )
    return {p: (h, orgs.get(p, set())) for p, h in holders.items()}


def _rows(store: Store, name: str) -> list[dict[str, str]]:
    result = run_query(store, name)
    assert isinstance(result, QueryResult)
    return [{k: "" if v is None else str(v) for k, v in row.items()} for row in result.to_rows()]


def test_position_reported_in_is_each_position_and_its_appeals(store: Store) -> None:
    reported = _reported(store)
    expected = {(p, a) for p in _positions(store) for a in reported.get(p, set())}
    found = _pairs(store, f"?s <{AKG}positionReportedIn> ?o")
    assert expected and found == expected


def test_complainant_position_is_each_complainant_position_in_the_complaint_appeal(
    store: Store,
) -> None:
    reported, positions = _reported(store), _positions(store)
    agents = _pairs(
        store,
        f"?c <{AKG}eventType> <https://w3id.org/appeals-kg/vocab/event-type/complaint> ;"
        f" <{AKG}participation> ?s . ?s <{AKG}role> <https://w3id.org/appeals-kg/vocab/role/agent>"
        f" ; <{AKG}participant> ?o",
    )
    complaint_of = _by_subject(
        _pairs(
            store,
            f"?o <{AKG}eventType> <https://w3id.org/appeals-kg/vocab/event-type/complaint> ;"
            f" <{AKG}participation> ?s",
        )
    )
    expected = set()
    for part, person in agents:
        appeals = set().union(*(reported.get(c, set()) for c in complaint_of[part]))
        for p, (holders, orgs) in positions.items():
            if person in holders and orgs and appeals & reported.get(p, set()):
                expected.add((part, p))
    found = _pairs(store, f"?s <{AKG}complainantPosition> ?o")
    assert expected and found == expected
    # a complainant who recurs holds positions in other appeals, which are not linked
    held = defaultdict(set)
    for p, (holders, _) in positions.items():
        for person in holders:
            held[person].add(p)
    assert any(len(held[person]) > 1 for _, person in agents)


def test_cq03_gives_the_workplace_the_complaint_appeal_states(store: Store) -> None:
    reported, positions = _reported(store), _positions(store)
    rows = _rows(store, "cq03")
    assert rows
    stated: dict[tuple[str, str], set[str]] = defaultdict(set)  # (appeal, person) -> employers
    elsewhere = 0
    for p, (holders, orgs) in positions.items():
        for appeal in reported.get(p, set()):
            for person in holders:
                stated[appeal, person] |= orgs
    by_pair: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in rows:
        by_pair[row["complaint"], row["complainant"]].add(row["employer"])
    for (complaint, complainant), employers in by_pair.items():
        own = set().union(*(stated[a, complainant] for a in reported[complaint]))
        assert employers - {""} == own, (complaint, complainant)
        # the employers the complainant has in the other appeals naming him are not listed
        others = {e for (a, c), orgs in stated.items() if c == complainant for e in orgs} - own
        elsewhere += bool(others)
    assert elsewhere, "no complainant of this corpus works elsewhere in another appeal"


def test_complaint_target_is_each_complaint_and_the_participants_it_targets(
    store: Store,
) -> None:
    ev = "https://w3id.org/appeals-kg/vocab/event-type/"
    role = "https://w3id.org/appeals-kg/vocab/role/"
    targets = _pairs(
        store,
        f"?s <{AKG}eventType> <{ev}complaint> ; <{AKG}participation> ?p ."
        f" ?p <{AKG}role> <{role}target> ; <{AKG}participant> ?o",
    )
    found = _pairs(store, f"?s <{AKG}complaintTarget> ?o")
    assert targets and found == targets
    # the complaint's other participants (its agents) and other events' targets are not linked
    agents = _pairs(
        store,
        f"?s <{AKG}eventType> <{ev}complaint> ; <{AKG}participation> ?p ."
        f" ?p <{AKG}role> <{role}agent> ; <{AKG}participant> ?o",
    )
    others = _pairs(
        store,
        f"?s <{AKG}eventType> ?t ; <{AKG}participation> ?p . ?p <{AKG}role> <{role}target> ;"
        f" <{AKG}participant> ?o FILTER (?t != <{ev}complaint>)",
    )
    assert agents and others and not found & (agents | others)


def test_based_in_arranged_territory_is_each_organisation_in_a_covered_territory(
    store: Store,
) -> None:
    """akg:basedInArrangedTerritory (CQ6) links each organisation to the territories it is
    based in that a jurisdiction arrangement established by a treaty covers, and nothing
    else."""
    covered = {
        t
        for _, t in _pairs(
            store,
            f"?a a <{AKG}JurisdictionArrangement> ; <{AKG}establishedBy> ?treaty ;"
            f" <{AKG}territory> ?o . BIND (?a AS ?s)",
        )
    }
    based = _pairs(store, f"?s <{AKG}basedIn> ?o")
    expected = {(org, t) for org, t in based if t in covered}
    found = _pairs(store, f"?s <{AKG}basedInArrangedTerritory> ?o")
    assert expected and found == expected
    # organisations based only where no arrangement reaches are left out
    assert based - expected


def _officials(store: Store) -> dict[str, set[str]]:
    """Each appeal: the agents of the involvements it reports with the role role:official."""
    reported = _reported(store)
    out: dict[str, set[str]] = defaultdict(set)
    for involvement, official in _pairs(
        store,
        f"?s <{AKG}agent> ?o ; <{AKG}role> <https://w3id.org/appeals-kg/vocab/role/official>",
    ):
        for appeal in reported.get(involvement, set()):
            out[appeal].add(official)
    return out


def test_official_named_is_each_appeal_and_the_officials_it_names(store: Store) -> None:
    expected = {(a, o) for a, officials in _officials(store).items() for o in officials}
    found = _pairs(store, f"?s <{AKG}officialNamed> ?o")
    assert expected and found == expected
    # an official named in several appeals is linked from each
    assert any(n > 1 for n in Counter(o for _, o in found).values())


def test_official_post_is_each_post_an_appeal_states_its_officials_holding(store: Store) -> None:
    reported, positions, officials = _reported(store), _positions(store), _officials(store)
    posts = {p for p, _ in _pairs(store, f"?s <{ORG}heldBy> ?o")}
    expected = {
        (appeal, p)
        for p in posts
        for appeal in reported.get(p, set())
        if positions[p][0] & officials.get(appeal, set())
    }
    found = _pairs(store, f"?s <{AKG}officialPost> ?o")
    assert expected and found == expected
    # not every post an appeal reports: those held by no official of it are left out
    assert {(a, p) for p in posts for a in reported.get(p, set())} - found


def test_cq08_gives_one_row_per_appeal_official_and_post(store: Store) -> None:
    reported, positions = _reported(store), _positions(store)
    officials = _pairs(
        store,
        f"?s <{AKG}agent> ?o ; <{AKG}role> <https://w3id.org/appeals-kg/vocab/role/official>",
    )
    expected = set()
    for involvement, official in officials:
        for appeal in reported.get(involvement, set()):
            posts = {
                p
                for p, (holders, _) in positions.items()
                if official in holders and appeal in reported.get(p, set())
            }
            expected |= {(appeal, official, p) for p in posts} or {(appeal, official, "")}
    rows = _rows(store, "cq08")
    found = [(r["appeal"], r["official"], r["post"]) for r in rows]
    assert len(found) == len(set(found)) and set(found) == expected
    # an official named in several appeals holds a post in each: the question lists only one
    held = defaultdict(set)
    for p, (holders, _) in positions.items():
        for person in holders:
            held[person].add(p)
    assert any(len(held[o]) > 1 for _, o, _ in found)
