"""Identity resolution by blocking gives the same decisions as comparing every pair."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest
import yaml
from goldcorpus import gold_records

from kg.record.blocking import (
    deletion_variants,
    key_blocks,
    one_edit_blocks,
    one_edit_pairs,
    pairs_in_blocks,
    pairs_sharing,
)
from kg.record.identity import levenshtein, resolve_identities

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
ROOT = Path(__file__).resolve().parents[1]


def test_one_edit_pairs_find_every_pair_one_edit_apart() -> None:
    names = [
        "marat dauletbaev", "marat dauletbaew", "marat dauletbae", "marat  dauletbaev",
        "maratdauletbaev", "marat daulatbaev", "amarat dauletbaev", "zhanna ivanova",
        "zhana ivanova", "zhanna ivanovna", "x", "", None, "marat dauletbaev",
    ]  # fmt: skip
    found = one_edit_pairs(names)
    for i, j in itertools.combinations(range(len(names)), 2):
        a, b = names[i], names[j]
        if a and b and levenshtein(a, b, 1) <= 1:
            assert (i, j) in found, (a, b)
    assert (0, 7) not in found  # unrelated names are not candidates


def test_pairs_sharing_and_deletion_variants() -> None:
    assert pairs_sharing([["a", "b"], ["c"], ["b"]], lambda x: x) == {(0, 2)}
    assert deletion_variants("ab c") == {"abc", "bc", "ac", "ab"}


def test_pairs_in_blocks_are_the_sorted_pairs_without_the_set() -> None:
    names = [
        "marat dauletbaev", "marat dauletbaew", "zhanna ivanova", "marat dauletbaev", "x",
        "zhana ivanova", "marat dauletbaev", "", None, "y", "ab", "a b",
    ]  # fmt: skip
    for min_length in (0, 6):
        pairs = pairs_in_blocks(len(names), one_edit_blocks(names, min_length))
        assert list(pairs) == sorted(one_edit_pairs(names, min_length))
    words = [n.split() if n else [] for n in names]
    blocks = key_blocks(words, lambda w: w) + one_edit_blocks(names, 6)
    expected = pairs_sharing(words, lambda w: w) | one_edit_pairs(names, 6)
    assert list(pairs_in_blocks(len(names), blocks)) == sorted(expected)


def _pairs_read_root_by_root(n, blocks, root):
    """The pairs of ``pairs_in_blocks`` with ``root``, as its docstring defines them: for each
    item in turn, its later partners in a block not of its cluster then."""
    for i in range(n):
        mine = root(i)
        partners = {j for b in blocks if i in b for j in b if j > i and root(j) != mine}
        yield from ((i, j) for j in sorted(partners))


@pytest.mark.parametrize("seed", range(6))
def test_pairs_in_blocks_leave_out_pairs_of_one_cluster_as_clusters_grow(seed: int) -> None:
    """Clusters grow as the pairs are read (a union for some pairs, refused for others): the
    pairs left are those of items in different clusters when the first item's are listed,
    in large blocks of few clusters (a recurring name) as in blocks of singletons."""
    rng = random.Random(seed)
    n = 120
    blocks = [sorted(rng.sample(range(n), rng.randint(2, 60))) for _ in range(25)]
    blocks += [sorted(rng.sample(range(n), 2)) for _ in range(20)]

    def run(pairs_of):
        parent = list(range(n))

        def root(i: int) -> int:
            while parent[i] != i:
                i = parent[i]
            return i

        out = []
        for i, j in pairs_of(root):
            out.append((i, j))
            if (i * 7 + j) % 5 and root(i) != root(j):  # a union, or a refused one
                parent[max(root(i), root(j))] = min(root(i), root(j))
        return out

    found = run(lambda root: pairs_in_blocks(n, blocks, root=root))
    expected = run(lambda root: _pairs_read_root_by_root(n, blocks, root))
    assert found == expected
    assert len(expected) > 50  # some pairs across clusters remain to be read
    merged = run(lambda root: pairs_in_blocks(n, blocks))
    assert len(merged) > len(expected)  # without root, pairs of one cluster too


def _records(paths: list[Path]) -> dict[str, dict]:
    out = {}
    for path in paths:
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[str(record["appeal"]["id"])] = record
    return out


def _decisions(resolution) -> tuple:
    clusters = [
        (c.kind, c.members, str(c.iri), c.label, c.variants, c.reasons) for c in resolution.clusters
    ]
    rows = [r.as_dict() for r in resolution.review_rows]
    return clusters, rows


@pytest.mark.skipif(not CORPUS.is_dir(), reason="development corpus not present")
def test_blocking_gives_the_same_merges_as_all_pairs_on_the_gold_corpus() -> None:
    records = gold_records()
    decisions = ROOT / "data" / "identities.csv"
    blocked = resolve_identities(records, decisions, blocking=True)
    brute = resolve_identities(records, decisions, blocking=False)
    assert blocked.clusters, "the gold corpus has merges"
    assert _decisions(blocked) == _decisions(brute)


def test_blocking_gives_the_same_merges_on_a_corpus_with_near_names() -> None:
    def record(aid: str, names: list[str], country: str) -> dict:
        return {
            "appeal": {"id": aid, "countries": [country]},
            "persons": [
                {"id": f"p{n}", "name": name, "roles": ["defender"]} for n, name in enumerate(names)
            ],
            "organisations": [
                {
                    "id": "o1",
                    "name": "Centre for Civil Liberties",
                    "kind": "ngo",
                    "country": country,
                },
                {"id": "o2", "name": "Supreme Court", "kind": "court", "country": country},
            ],
        }

    records = {
        "a1": record("a1", ["Marat Dauletbayev", "Anna Smirnova"], "Kazakhstan"),
        "a2": record("a2", ["Marat Dauletbaev", "Ana Smirnova", "Dauletbayev"], "Kazakhstan"),
        "a3": record("a3", ["Marat Dauletbayev Serikovich", "Anna Smirnova"], "Belarus"),
        "a4": record("a4", ["Maratdauletbaev", "Anna Smirnowa"], "Kazakhstan"),
    }
    records["a4"]["organisations"][0]["name"] = "Centre for Civil Liberty"
    blocked = resolve_identities(records, blocking=True)
    brute = resolve_identities(records, blocking=False)
    assert blocked.clusters and blocked.review_rows
    assert _decisions(blocked) == _decisions(brute)


def test_blocking_gives_the_same_merges_on_names_that_meet_by_stars_and_word_pairs() -> None:
    """The rules that pair a one-word name with every name ending in it, a name of one word
    repeated with every name having that word, a name with one of its words dropped, and
    names whose first and last word are one word."""

    def record(aid: str, names: list[str], country: str) -> dict:
        return {
            "appeal": {"id": aid, "countries": [country]},
            "persons": [
                {"id": f"p{n}", "name": name, "roles": ["defender"]} for n, name in enumerate(names)
            ],
        }

    records = {
        "b1": record("b1", ["Ivanov", "Ali Ali", "Anna Maria Petrova Sidorova"], "Kazakhstan"),
        "b2": record("b2", ["Sergei Ivanov", "Ali Hassan Ali", "Anna Sidorova"], "Kazakhstan"),
        "b3": record("b3", ["Ivanov", "Omar Ali", "Maria Petrova", "Ali Omar Ali"], "Kazakhstan"),
        "b4": record("b4", ["Petr Sergei Ivanov", "Ali", "Anna Petrova Sidorova"], "Belarus"),
        "b5": record("b5", ["Ali Omar", "Hassan Ali Ali", "Sidorova Anna"], "Kazakhstan"),
    }
    blocked = resolve_identities(records, blocking=True)
    brute = resolve_identities(records, blocking=False)
    reasons = {r.reason.split(";")[0] for r in brute.review_rows}
    assert {
        "short name only",
        "one name adds words to the other",
        "same first and last name, other names differ",
    } <= reasons
    assert _decisions(blocked) == _decisions(brute)


def test_blocking_gives_the_same_merges_on_a_generated_corpus(tmp_path: Path) -> None:
    """Persons, courts and officials that recur across appeals (some under another
    transliteration), as a large archive has them."""
    from benchgen import generator

    generator().generate(60, tmp_path, seed=5, jobs=1)
    records = _records(sorted((tmp_path / "cases").glob("*.yaml")))
    for n, record in enumerate(records.values()):  # genders that disagree: review rows
        for person in record["persons"] if n % 3 == 0 else []:
            person["gender"] = {"male": "female", "female": "male"}.get(person["gender"])
    blocked = resolve_identities(records, blocking=True)
    brute = resolve_identities(records, blocking=False)
    assert len(blocked.clusters) > 20 and blocked.review_rows
    assert _decisions(blocked) == _decisions(brute)
