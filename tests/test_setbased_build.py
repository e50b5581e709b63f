"""Incremental validation after real builds (kg build's incremental path): edited, added and
removed appeals of a generated corpus and of the 49-gold build give the results of a run from
nothing, while checking again only what the change reaches."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from benchgen import generator as _generator
from goldcorpus import FEW, gold_data
from rdflib import RDF, BNode, Graph
from rdflib.namespace import SH

from kg.check.copies import parse_lines
from kg.check.rows import rows_path
from kg.check.setbased import (
    RunStats,
    _dump_result,
    _renamed,
    cache_path,
    check_set_based,
    validate_set_based,
)
from kg.check.validate import report_rows, shapes_graph
from kg.store import Store
from kg.store.build import build

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def _keys(report: Graph) -> set[tuple]:
    root = report.value(predicate=RDF.type, object=SH.ValidationReport)
    return {
        (
            report.value(r, SH.focusNode),
            report.value(r, SH.resultPath),
            report.value(r, SH.sourceConstraintComponent),
            report.value(r, SH.value),
            report.value(r, SH.resultSeverity),
            tuple(sorted(str(m) for m in report.objects(r, SH.resultMessage))),
        )
        for r in report.objects(root, SH.result)
    }


def _sorted_json(items: list) -> list[str]:
    return sorted(json.dumps(i, sort_keys=True) for i in items)


def _check(store_path: Path, shapes: Graph) -> tuple[RunStats, set[tuple]]:
    """An incremental run, and a run from nothing on the same store: the same results, and
    the same report rows (those of the incremental run updated from the kept ones)."""
    store = Store.open(store_path)
    cache = cache_path(store)
    assert cache is not None
    kept_rows = rows_path(cache).exists()  # an earlier run kept rows (not validate_set_based)
    run = check_set_based(store, shapes, cache=cache)
    _, rows = report_rows(store, run)
    full = check_set_based(store, shapes)
    keys = _keys(run.report_graph())
    assert keys == _keys(full.report_graph()), run.stats
    assert rows == report_rows(store, full)[1], run.stats
    # what the run kept for the next one (kept results written back as read, fresh ones
    # dumped) is what a run from nothing would keep
    kept = json.loads(cache.read_text(encoding="utf-8"))["results"]
    stable = {k: BNode(v) for k, v in full.names.items()}
    made = [_dump_result(r) for r in _renamed(full.results, stable)]
    assert _sorted_json(kept) == _sorted_json(made), run.stats
    if run.stats.mode == "incremental" and kept_rows:
        assert run.stats.rows == "updated"
    return run.stats, keys


def test_generated_corpus_edits_additions_removals(tmp_path: Path) -> None:
    gen = _generator()
    shapes = shapes_graph()
    data = gen.generate(24, tmp_path / "data", seed=3, jobs=1)
    build(tmp_path / "store", data)
    stats, _ = _check(tmp_path / "store", shapes)
    assert stats.mode == "full"

    gen.mutate(data, 0.1, seed=3)  # two records edited
    build(tmp_path / "store", data)
    stats, _ = _check(tmp_path / "store", shapes)
    assert (stats.mode, stats.graphs_changed) == ("incremental", 2)
    assert stats.triples_changed > 0 and stats.focus_rechecked < 50
    # the build said which derived triples it changed: the derived graph was not compared
    assert stats.derived == "from the build"

    # three appeals more (appeal i does not depend on N), two removed
    more = gen.generate(27, tmp_path / "more", seed=3, jobs=1)
    cases = sorted((more / "cases").glob("*.yaml"))
    have = {p.name for p in (data / "cases").glob("*.yaml")}
    added = [p for p in cases if p.name not in have]
    assert len(added) == 3
    for p in added:
        shutil.copy(p, data / "cases" / p.name)
    for p in sorted(more.glob("appeals/*")):
        if not (data / "appeals" / p.name).exists():
            shutil.copy(p, data / "appeals" / p.name)
    for p in sorted((data / "cases").glob("*.yaml"))[:2]:
        p.unlink()
    build(tmp_path / "store", data)
    stats, _ = _check(tmp_path / "store", shapes)
    # the five, and those whose identities the added and removed appeals change
    assert stats.mode == "incremental" and stats.graphs_changed >= 5


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the development corpus (../shared) is not here")
@pytest.mark.parametrize(
    "records",
    [
        pytest.param(FEW, id="few-records"),
        # Every gold record (make test-slow); the few above fail on the same wrong verdicts.
        pytest.param(None, id="every-record", marks=pytest.mark.slow),
    ],
)
def test_gold_build_violation_introduced_and_fixed_removal_and_return(
    tmp_path: Path, records: int | None
) -> None:
    shapes = shapes_graph()
    data, _ = gold_data(tmp_path, records)
    store_path = tmp_path / "store"
    build(store_path, data)
    stats, before = _check(store_path, shapes)
    assert stats.mode == "full" and before

    # An event dated after its appeal was issued: a SPARQL constraint's violation, introduced.
    files = sorted((data / "extracted").glob("*.yaml"))
    target = next(
        p
        for p in files
        if any(e.get("date") for e in yaml.safe_load(p.read_text(encoding="utf-8"))["events"])
    )
    original = target.read_text(encoding="utf-8")
    record = yaml.safe_load(original)
    event = next(e for e in record["events"] if e.get("date"))
    event["date"] = "2999-01-01"
    target.write_text(yaml.safe_dump(record, sort_keys=False, allow_unicode=True), "utf-8")
    build(store_path, data)
    stats, after = _check(store_path, shapes)
    assert stats.mode == "incremental" and stats.graphs_changed == 1
    new = after - before
    assert new and all(k[2] == SH.SPARQLConstraintComponent for k in new)
    # ... and fixed again
    target.write_text(original, encoding="utf-8")
    build(store_path, data)
    stats, again = _check(store_path, shapes)
    assert stats.mode == "incremental" and again == before

    # An appeal removed (its persons, courts and laws are shared with others) and put back.
    gone = files[len(files) // 2]
    kept = gone.read_bytes()
    gone.unlink()
    build(store_path, data)
    stats, _ = _check(store_path, shapes)
    # its graph, and those of the appeals whose shared entities it named first
    assert stats.mode == "incremental" and stats.graphs_changed >= 1
    gone.write_bytes(kept)
    build(store_path, data)
    stats, back = _check(store_path, shapes)
    assert stats.mode == "incremental" and back == before


def _checked_once(tmp_path: Path, seed: int) -> tuple[Any, Graph, Path, Path, set[tuple]]:
    """24 generated appeals built and checked once (a full run): the generator, the shapes,
    the data and store folders, the results."""
    gen = _generator()
    shapes = shapes_graph()
    data = gen.generate(24, tmp_path / "data", seed=seed, jobs=1)
    store_path = tmp_path / "store"
    build(store_path, data)
    stats, results = _check(store_path, shapes)
    assert stats.mode == "full"
    return gen, shapes, data, store_path, results


def _constraint_steps(stats: RunStats, name: str) -> list[dict]:
    return [s for s in stats.steps if s["step"] == "sparql" and s["constraint"].endswith(name)]


def test_generated_corpus_facts_edit_and_broken_dates(tmp_path: Path) -> None:
    """A facts edit (a date moved, a spelling added) is checked again at the events it reaches,
    set-based over those only, with the results of a run from nothing; an edit that dates an
    event after its appeal, or before the event it follows, is caught by that narrowed run."""
    gen, shapes, data, store_path, before = _checked_once(tmp_path, seed=5)

    edited = gen.mutate(data, 0.1, seed=5, round_=1, kind="facts")
    build(store_path, data)
    stats, after = _check(store_path, shapes)
    assert (stats.mode, stats.graphs_changed) == ("incremental", len(edited))
    # the moved dates reach the date constraints, which run over the reached events only
    for name in ("-notAfterAppeal", "-datePrecision"):
        steps = _constraint_steps(stats, name)
        assert steps and all(s["focus"] is not None and 0 < s["focus"] < 20 for s in steps)

    # Broken: in one edited record, an event dated after the appeal was issued, and the first
    # event made to follow the last (so it is dated before what it follows).
    path = edited[0]
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    events = [e for e in record["events"] if e.get("date")]
    first, last = events[0], events[-1]
    assert str(first["date"]) < str(last["date"])
    first["follows"] = last["id"]
    events[len(events) // 2]["date"] = "2999-01-01"
    path.write_text(yaml.safe_dump(record, sort_keys=False, allow_unicode=True), "utf-8")
    build(store_path, data)
    stats, broken = _check(store_path, shapes)
    assert (stats.mode, stats.graphs_changed) == ("incremental", 1)
    new = broken - after
    assert {k[2] for k in new} == {SH.SPARQLConstraintComponent}
    messages = " ".join(m for k in new for m in k[5])
    assert "after the appeal" in messages and "before the event" in messages
    for name in ("-notAfterAppeal", "-notBeforeWhatItFollows"):
        steps = _constraint_steps(stats, name)
        assert steps and all(s["focus"] is not None and s["results"] > 0 for s in steps)


def test_nothing_changed_reads_no_export_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run with nothing changed answers from the kept results without looking up the
    build's export files (a read over every graph); a change after it still compares them."""
    from kg.check import copies

    gen = _generator()
    shapes = shapes_graph()
    data = gen.generate(8, tmp_path / "data", seed=5, jobs=1)
    build(tmp_path / "store", data)
    store = Store.open(tmp_path / "store")
    _, first, stats = validate_set_based(store, shapes, cache=cache_path(store))
    assert stats.mode == "full"

    looked_up: list[int] = []
    real = copies._BuildFiles._read

    def counted(self: copies._BuildFiles) -> dict[str, Path]:
        looked_up.append(1)
        return real(self)

    monkeypatch.setattr(copies._BuildFiles, "_read", counted)
    _, again, stats = validate_set_based(store, shapes, cache=cache_path(store))
    assert (stats.mode, stats.queries, looked_up) == ("unchanged", 0, [])
    assert _keys(again) == _keys(first)

    gen.mutate(data, 0.25, seed=5)
    build(tmp_path / "store", data)
    stats, _ = _check(tmp_path / "store", shapes)
    assert stats.mode == "incremental" and stats.graphs_changed >= 1
    assert looked_up  # the changed graphs were compared with the build's files


def test_first_incremental_run_after_a_full_one_parses_no_sparql(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full run keeps what each shape and constraint reads, so the incremental run after it
    traces no SPARQL query (about 0.6 s of parsing for the project's shapes)."""
    from kg.check import setbased

    gen = _generator()
    shapes = shapes_graph()
    data = gen.generate(8, tmp_path / "data", seed=7, jobs=1)
    build(tmp_path / "store", data)
    stats, _ = _check(tmp_path / "store", shapes)
    assert stats.mode == "full"

    parsed: list[int] = []
    real = setbased.query_reads

    def counted(query: str) -> set:
        parsed.append(1)
        return real(query)

    monkeypatch.setattr(setbased, "query_reads", counted)
    gen.mutate(data, 0.25, seed=7, round_=1, kind="facts")
    build(tmp_path / "store", data)
    store = Store.open(tmp_path / "store")
    run = check_set_based(store, shapes, cache=cache_path(store))
    assert run.stats.mode == "incremental" and run.stats.graphs_changed >= 1
    assert parsed == []
    # ... and the results are those of a run from nothing
    monkeypatch.setattr(setbased, "query_reads", real)
    assert _keys(run.report_graph()) == _keys(check_set_based(store, shapes).report_graph())


def _derived_lines(store_path: Path) -> tuple[str, list[str]]:
    state = json.loads((store_path / "build-state.json").read_text(encoding="utf-8"))
    return state["build"], state["derived_changes"]["triples"]


def test_builds_not_validated_between_are_followed_back_not_compared(tmp_path: Path) -> None:
    """Three changes, each built, none validated until the last (a facts edit, an issuer named
    in more appeals, an appeal removed): the run checks again the derived triples all three
    builds changed (from the history each build keeps), not a comparison of the derived graph
    with its copy, and its results are a run from nothing's."""
    gen, shapes, data, store_path, _ = _checked_once(tmp_path, seed=7)

    recorded: list[set[str]] = []
    gen.mutate(data, 0.1, seed=7, round_=1, kind="facts")
    build(store_path, data)
    recorded.append(set(_derived_lines(store_path)[1]))
    gen.mutate(data, 0.1, seed=7, round_=2, kind="hub")
    build(store_path, data)
    recorded.append(set(_derived_lines(store_path)[1]))
    sorted((data / "cases").glob("*.yaml"))[3].unlink()
    build(store_path, data)
    recorded.append(set(_derived_lines(store_path)[1]))
    # the second and third builds moved derived triples, each some the other did not
    assert recorded[1] - recorded[2] and recorded[2] - recorded[1]
    store = Store.open(store_path)
    run = check_set_based(store, shapes, cache=cache_path(store))
    assert (run.stats.mode, run.stats.derived) == ("incremental", "from 3 builds")
    assert set(parse_lines(sorted(set().union(*recorded)))) <= set(run.changed)
    full = check_set_based(store, shapes)
    assert _keys(run.report_graph()) == _keys(full.report_graph())
    again = check_set_based(store, shapes, cache=cache_path(store))
    assert again.stats.mode == "unchanged"


def test_derived_since_follows_the_chain_of_builds() -> None:
    from kg.check.setbased import derived_since
    from kg.store.stream import DERIVED_HISTORY_BUILDS, derived_history

    line = "<urn:x:s> <urn:x:p> <urn:x:o{}> ."
    states: list[dict] = [{"build": "b0", "derived_changes": None}]  # the rules ran whole
    for n in range(1, 5):
        previous = states[-1]
        states.append(
            {
                "build": f"b{n}",
                "derived_changes": {"base": previous["build"], "triples": [line.format(n)]},
                "derived_history": derived_history(previous),
            }
        )
    last = states[-1]
    assert derived_since(last, "b3") == (1, [line.format(4)])
    assert derived_since(last, "b1") == (3, sorted(line.format(n) for n in (2, 3, 4)))
    assert derived_since(last, "b0") == (4, sorted(line.format(n) for n in (1, 2, 3, 4)))
    assert derived_since(last, "elsewhere") is None  # a build this chain never passed
    assert derived_since(last, None) is None
    # a link of the chain gone or not the build before: not followed
    broken = dict(last, derived_history=[dict(last["derived_history"][0], build="other")])
    assert derived_since(broken, "b2") is None
    # a build that ran the rules whole keeps no history, and knows no changes of its own
    assert derived_history(states[0]) == []
    assert derived_since({"build": "b9", "derived_changes": None, **{}}, "b4") is None
    # the history is cut short to its bounds
    long = {"build": "x", "derived_changes": {"base": "w", "triples": []},
            "derived_history": [{"base": f"a{i}", "build": f"a{i + 1}", "triples": []}
                                for i in range(40)]}  # fmt: skip
    assert len(derived_history(long)) == DERIVED_HISTORY_BUILDS
