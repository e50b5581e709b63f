"""The synthetic corpus generator of the benchmarks (bench/generate.py)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml
from loadscript import load_script

from kg.record.caserecord import check_evidence, load_record, record_to_graph

generate = load_script("bench/generate.py")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate.generate(40, tmp_path_factory.mktemp("gen"), seed=7, jobs=1)


def test_every_record_builds_and_its_evidence_reproduces_the_text(corpus: Path) -> None:
    records = sorted((corpus / "cases").glob("*.yaml"))
    assert len(records) == 40
    for path in records:
        record = load_record(path)
        text = (corpus / "appeals" / record["appeal"]["source"]).read_text(encoding="utf-8")
        assert check_evidence(record, text) == []
        _, graph = record_to_graph(record, text, origin=str(path))
        assert len(graph) > 300


def test_deterministic_for_a_seed_and_independent_of_n(tmp_path: Path, corpus: Path) -> None:
    small = generate.generate(5, tmp_path / "a", seed=7, jobs=1)
    for path in sorted((small / "cases").glob("*.yaml")):
        assert path.read_text() == (corpus / "cases" / path.name).read_text()
    other = generate.generate(5, tmp_path / "b", seed=8, jobs=1)
    assert (other / "cases" / "gen-000000.yaml").read_text() != (
        small / "cases" / "gen-000000.yaml"
    ).read_text()


def test_shared_entities_recur_with_skewed_frequencies(corpus: Path) -> None:
    countries: Counter[str] = Counter()
    persons: Counter[str] = Counter()
    genders: dict[str, set[str]] = {}
    for path in (corpus / "cases").glob("*.yaml"):
        record = yaml.safe_load(path.read_text())
        countries.update(record["appeal"]["countries"])
        persons.update(p["name"] for p in record["persons"] if p["name"])
        for p in record["persons"]:
            if p["name"]:
                genders.setdefault(p["name"], set()).add(p["gender"])
        assert len(record["events"]) >= 3
    top = countries.most_common()
    assert top[0][1] >= 3 * top[-1][1]  # Zipf-like: the first country dominates the tail
    assert any(n > 1 for n in persons.values())  # some people recur across appeals
    # A person named in several appeals is one person, of one gender.
    assert all(len(genders[name]) == 1 for name in persons)


def test_mutate_changes_the_fraction_asked(tmp_path: Path) -> None:
    out = generate.generate(20, tmp_path / "m", seed=3, jobs=1)
    before = {p.name: p.read_text() for p in (out / "cases").glob("*.yaml")}
    changed = generate.mutate(out, 0.1, seed=3)
    after = {p.name: p.read_text() for p in (out / "cases").glob("*.yaml")}
    assert sorted(n for n in before if before[n] != after[n]) == sorted(p.name for p in changed)
    assert len(changed) == 2


def test_mutate_facts_moves_a_date_and_adds_a_spelling_and_the_records_stay_valid(
    tmp_path: Path,
) -> None:
    out = generate.generate(20, tmp_path / "m", seed=3, jobs=1)
    before = {p.name: yaml.safe_load(p.read_text()) for p in (out / "cases").glob("*.yaml")}
    changed = generate.mutate(out, 0.1, seed=3, round_=2, kind="facts")
    assert len(changed) == 2
    for path in changed:
        old, new = before[path.name], yaml.safe_load(path.read_text())
        dates = [
            (str(a.get("date")), str(b.get("date")))
            for a, b in zip(old["events"], new["events"], strict=True)
        ]
        moved = [(a, b) for a, b in dates if a != b]
        assert len(moved) == 1 and moved[0][1] < moved[0][0]
        spellings = [
            (a["name"], b["variants"][len(a.get("variants") or []) :])
            for a, b in zip(old["persons"], new["persons"], strict=True)
            if b.get("variants") != a.get("variants")
        ]
        assert len(spellings) == 1 and spellings[0][1] == [spellings[0][0] + spellings[0][0][-1]]
        record = load_record(path)
        text = (out / "appeals" / record["appeal"]["source"]).read_text(encoding="utf-8")
        assert check_evidence(record, text) == []
        record_to_graph(record, text, origin=str(path))
    with pytest.raises(ValueError, match="unknown mutation"):
        generate.mutate(out, 0.1, kind="names")


def test_mutate_hub_names_another_issuer_with_evidence_in_the_text(tmp_path: Path) -> None:
    out = generate.generate(20, tmp_path / "m", seed=3, jobs=1)
    before = {p.name: yaml.safe_load(p.read_text()) for p in (out / "cases").glob("*.yaml")}
    changed = generate.mutate(out, 0.1, seed=3, round_=1, kind="hub")
    assert len(changed) == 2
    for path in changed:
        old, new = before[path.name], yaml.safe_load(path.read_text())
        assert new["organisations"][: len(old["organisations"])] == old["organisations"]
        (added,) = new["organisations"][len(old["organisations"]) :]
        own = generate.ISSUERS.index(old["appeal"]["issuer"])
        assert added["name"] == generate.ISSUERS[(own + 1) % len(generate.ISSUERS)]
        assert added["country"] is None
        assert added["id"] not in {o["id"] for o in old["organisations"]}
        record = load_record(path)
        text = (out / "appeals" / record["appeal"]["source"]).read_text(encoding="utf-8")
        assert text.endswith(f" {added['name']} has also raised the case.")
        assert check_evidence(record, text) == []
        record_to_graph(record, text, origin=str(path))


@pytest.mark.parametrize("with_gold", [True, False], ids=["gold-shape", "built-in-shape"])
def test_every_competency_question_has_rows_on_a_generated_corpus(
    tmp_path: Path, with_gold: bool
) -> None:
    """Every structure a question asks about is generated: each queries/cq*.rq, corpus-wide,
    returns rows on 30 generated appeals, with the development corpus's shape or without it."""
    from kg.query import run_query
    from kg.store import Store
    from kg.store.store import store_location
    from kg.store.stream import build_streaming
    from kg.vocab import QUERIES_DIR

    corpus = generate.CORPUS if with_gold else tmp_path / "no-corpus"
    if with_gold and not any(corpus.glob("*.gold.yaml")):
        pytest.skip("the development corpus (../shared/corpus) is not here")
    data = generate.generate(30, tmp_path / "data", seed=5, jobs=1, corpus=corpus)
    build_streaming(tmp_path / "store", data, progress=None)
    store = Store.open(store_location(tmp_path / "store"))
    empty = []
    for query in sorted(QUERIES_DIR.glob("cq*.rq")):
        if not run_query(store, query.stem.split("-")[0]).rows:
            empty.append(query.stem)
    assert empty == []


def test_structures_the_questions_need_are_in_the_records(corpus: Path) -> None:
    kinds: Counter[str] = Counter()
    for path in (corpus / "cases").glob("*.yaml"):
        record = yaml.safe_load(path.read_text())
        orgs = {o["id"] for o in record["organisations"]}
        events = {e["id"]: e for e in record["events"]}
        kinds["official"] += sum("official" in p["roles"] for p in record["persons"])
        kinds["statement"] += len(record["statements"])
        kinds["arrangement"] += len(record["arrangements"])
        for e in events.values():
            if e["type"] in ("ban", "deregistration") and set(e["targets"]) & orgs:
                kinds["organisation banned"] += 1
            if e.get("final") and e.get("appealable") is False:
                kinds["final decision"] += 1
            if e.get("released_under"):
                assert events[e["released_under"]]["type"] == "amnesty"
                kinds["release under amnesty"] += 1
            for sid in e.get("statements", []):
                assert sid in {s["id"] for s in record["statements"]}
    assert set(kinds) == {
        "official", "statement", "arrangement", "organisation banned", "final decision",
        "release under amnesty",
    }  # fmt: skip
    # rare structures (one appeal in twenty at least) are spread evenly: 2 in 40 appeals
    assert kinds["arrangement"] == 2


def test_links_are_reviewed_decisions_with_synthetic_qids(corpus: Path) -> None:
    from kg.link import load_decisions

    decisions = load_decisions(corpus / "links")
    assert {d.status for d in decisions.values()} == {"accepted", "rejected"}
    for d in decisions.values():
        qid = int(d.target.rsplit("Q", 1)[1])
        assert qid >= generate.SYNTHETIC_QID  # names no Wikidata item
