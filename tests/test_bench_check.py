"""The validation benchmark (bench/bench_check.py) on a store built before (its smoke run)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.store.build import build

ROOT = Path(__file__).resolve().parents[1]


def _built_store(tmp_path: Path, appeals: int) -> tuple[Path, Path]:
    """A corpus of ``appeals`` generated appeals and the store built from it."""
    corpus, store = tmp_path / "corpus", tmp_path / "kg"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "generate.py"), str(appeals), str(corpus)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    build(store, corpus)
    return corpus, store


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three generated appeals and their store, made once for the tests that only read them
    (each is given a copy: :func:`_copy_of`)."""
    root = tmp_path_factory.mktemp("three")
    _built_store(root, 3)
    return root


def _copy_of(template: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A copy of ``template``'s corpus and store (the store's link to its generation is
    relative, so the copy opens its own)."""
    root = tmp_path / "built"
    shutil.copytree(template, root, symlinks=True)
    return root / "corpus", root / "kg"


def test_check_benchmark_on_a_store_built_before(tmp_path: Path) -> None:
    """``--store`` measures a built store, ``--corpus`` changes 1% of its records (at least one;
    here an event's note and date and a person's spelling) and rebuilds it; each stage has its
    peak memory; the naive run is stopped at its limit."""
    corpus, store = _built_store(tmp_path, 6)
    before = {p.name: p.read_bytes() for p in (corpus / "cases").glob("*.yaml")}
    out = tmp_path / "check.json"
    cmd = [sys.executable, str(ROOT / "bench" / "bench_check.py"), "--store", str(store)]
    cmd += ["--corpus", str(corpus), "--edit", "facts"]
    cmd += ["--pyshacl-memory-gb", "0.001", "--out", str(out)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=900)
    res = json.loads(out.read_text(encoding="utf-8"))
    assert res["quads"] > 0 and "build_seconds" not in res
    assert res["validate"]["mode"] == "full" and res["validate"]["peak_rss_mb"] > 0
    assert res["validate_noop"]["mode"] == "unchanged"
    after = {p.name: p.read_bytes() for p in (corpus / "cases").glob("*.yaml")}
    assert res["records_changed"] == sum(after[n] != before[n] for n in before) == 1
    assert res["edit"] == "facts"  # a date and a spelling too, not only a note
    assert res["rebuild_1pct"]["seconds"] > 0 and res["rebuild_1pct"]["cpu_seconds"] > 0
    assert res["validate_1pct"]["mode"] == "incremental"
    assert res["validate_1pct"]["graphs_changed"] == 1
    assert res["validate_1pct"]["same_as_full_run"] is True
    assert res["validate_full_after_1pct"]["results"] == res["validate_1pct"]["results"]
    whole = res["pyshacl_whole"]
    assert whole["stopped_by"] == "memory" and whole["peak_rss_mb_seen"] > 1
    assert str(res["speedup_vs_pyshacl"]).startswith("> ")
    assert str(tmp_path) not in out.read_text(encoding="utf-8")


def test_check_benchmark_refuses_a_corpus_without_its_store(tmp_path: Path) -> None:
    cmd = [sys.executable, str(ROOT / "bench" / "bench_check.py"), "--corpus", str(tmp_path)]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "--corpus needs --store" in run.stderr


@pytest.mark.parametrize(
    ("option", "message"),
    [("--out", "is a folder; give the results file"), ("--store", "no such store")],
)
def test_queries_benchmark_refuses_a_folder_for_out_and_a_missing_store(
    tmp_path: Path, option: str, message: str
) -> None:
    where = tmp_path if option == "--out" else tmp_path / "missing"
    cmd = [sys.executable, str(ROOT / "bench" / "bench_queries.py"), option, str(where)]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and message in run.stderr and "Traceback" not in run.stderr


def test_queries_benchmark_times_the_questions_through_http(three: Path, tmp_path: Path) -> None:
    """``--http``: every question measured also through kg serve's ``/query/<name>``, bound as
    the embedded run bound it, with the same row counts."""
    corpus, store = _copy_of(three, tmp_path)
    out = tmp_path / "queries.json"
    cmd = [sys.executable, str(ROOT / "bench" / "bench_queries.py"), "--store", str(store)]
    cmd += ["--only", "cq02", "cq10", "cq11", "--repeats", "2"]
    cmd += ["--no-virtuoso", "--as-csv", "--http"]
    cmd += ["--breakdown", "cq11", "--breakdown-oxigraph-only", "--out", str(out)]
    cmd += ["--breakdown-bound", "cq02", "--corpus", "three generated appeals"]
    subprocess.run(cmd, check=True, capture_output=True, timeout=900)
    res = json.loads(out.read_text(encoding="utf-8"))
    assert res["corpus"] == "three generated appeals"
    assert re.fullmatch(r"[0-9a-f]{7,40}", res["commit"]), res["commit"]
    assert (
        set(res["http"])
        == set(res["questions"])
        == {
            "cq02-defender-timeline",
            "cq10-demands",
            "cq11-fact-evidence",
        }
    )
    # CQ2's and CQ10's ?appeal bound alone, a page of the corpus-wide answer, and with the
    # defender, a page of his timeline or demands
    forms = {
        q: {"corpus_wide", "bound", "bound_appeal", "bound_page"}
        for q in ("cq02-defender-timeline", "cq10-demands")
    }
    # CQ11's second parameter, ?appeal, is bound alone: a page of the corpus-wide answer
    forms["cq11-fact-evidence"] = {"corpus_wide", "bound", "bound_appeal"}
    for name, embedded in res["questions"].items():
        assert set(res["http"][name]) == set(embedded) == forms[name]
        for form, figures in embedded.items():
            served = res["http"][name][form]
            assert served["rows"] == figures["rows"] > 0, (name, form)
            assert served["runs"] == 2 and served["p50_ms"] > 0
        assert embedded["bound"]["rows"] < embedded["corpus_wide"]["rows"]
    for name in ("cq02-defender-timeline", "cq10-demands"):
        paged = res["questions"][name]
        assert paged["bound_page"]["params"]["defender"] == paged["bound"]["params"]["defender"]
        assert set(paged["bound_page"]["params"]) == {"defender", "appeal"}
        assert 0 < paged["bound_page"]["rows"] <= paged["bound"]["rows"]
    page = res["questions"]["cq11-fact-evidence"]["bound_appeal"]
    assert set(page["params"]) == {"appeal"}
    assert 0 < page["rows"] < res["questions"]["cq11-fact-evidence"]["corpus_wide"]["rows"]
    # --breakdown: the same rows counted, and the floor: as many cells from one triple pattern
    parts = res["breakdown"]["cq11-fact-evidence"]
    assert parts["rows"] == res["questions"]["cq11-fact-evidence"]["corpus_wide"]["rows"]
    assert parts["columns"] == 9
    assert parts["floor_query"].endswith(f"LIMIT {parts['rows'] * 9 // 3}")
    for step in ("engine", "oxigraph_csv", "counted", "floor_same_cells_one_pattern"):
        assert parts[step]["p50_ms"] > 0 and parts[step]["cpu_p50_ms"] >= 0, step
    assert "run_query" not in parts  # --breakdown-oxigraph-only
    # --breakdown-bound: the bound form split so, bound to the value the bound run used
    bound = res["breakdown_bound"]
    assert set(bound) == {"cq02-defender-timeline"}
    timeline = res["questions"]["cq02-defender-timeline"]["bound"]
    assert bound["cq02-defender-timeline"]["params"] == timeline["params"]
    assert bound["cq02-defender-timeline"]["rows"] == timeline["rows"] > 0
    assert bound["cq02-defender-timeline"]["counted"]["p50_ms"] > 0


def test_export_benchmark_stops_the_naive_writer_at_its_memory_limit(
    three: Path, tmp_path: Path
) -> None:
    """bench/bench_export.py on a store built before: every format written; rdflib's Turtle
    writer stopped when it passes ``--memory-gb``, and the speed-up recorded as a lower bound."""
    corpus, store = _copy_of(three, tmp_path)
    out = tmp_path / "export.json"
    cmd = [sys.executable, str(ROOT / "bench" / "bench_export.py"), "--store", str(store)]
    cmd += ["--budget", "600", "--memory-gb", "0.001", "--out", str(out)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=900)
    res = json.loads(out.read_text(encoding="utf-8"))
    for fmt in ("nquads", "ntriples", "trig", "turtle"):
        assert res["exports"][fmt]["bytes"] > 0 and res["exports"][fmt]["peak_rss_mb"] > 0
    sizes = res["store_bytes"]
    assert sizes["all"] > max(sizes["full"], sizes["public"]) + sizes["export"]
    assert min(sizes["full"], sizes["public"], sizes["export"]) > 0
    for key in ("nquads_with_void", "nquads_with_void_sparql_counts", "nquads_with_void_again"):
        assert res[key]["peak_rss_mb"] > 0, key
    assert res["void_counts"]["triples_per_second"] > 0
    assert res["rdflib_turtle"]["stopped_by"] == "memory"
    assert res["rdflib_turtle"]["stopped_after_seconds"] < 600
    assert res["turtle_speedup_over_rdflib"].startswith("> ")


@pytest.mark.virtuoso
def test_queries_benchmark_stops_the_virtuoso_push_at_its_budget(
    three: Path, tmp_path: Path
) -> None:
    """bench/bench_queries.py on a store built before, with Virtuoso: the embedded questions
    have rows; a push past ``--push-budget`` is stopped and recorded, its questions not run."""
    corpus, store = _copy_of(three, tmp_path)
    out = tmp_path / "queries.json"
    cmd = [sys.executable, str(ROOT / "bench" / "bench_queries.py"), "--store", str(store)]
    cmd += ["--only", "cq01", "--repeats", "1", "--push-budget", "0.001", "--out", str(out)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=900)
    res = json.loads(out.read_text(encoding="utf-8"))
    assert res["questions"]["cq01-defenders-organisations"]["corpus_wide"]["rows"] > 0
    virtuoso = res["virtuoso"]
    assert 1 <= virtuoso["graphs_pushed"] < virtuoso["graphs_to_push"]
    assert virtuoso["questions"].startswith("not run")


@pytest.mark.virtuoso
def test_queries_benchmark_bulk_loads_virtuoso(three: Path, tmp_path: Path) -> None:
    """``--virtuoso-load bulk``: the public store's N-Quads go through Virtuoso's bulk loader,
    every quad arrives, and the questions run there alone with ``--no-embedded``."""
    corpus, store = _copy_of(three, tmp_path)
    out = tmp_path / "queries.json"
    cmd = [sys.executable, str(ROOT / "bench" / "bench_queries.py"), "--store", str(store)]
    cmd += ["--only", "cq01", "--repeats", "1", "--virtuoso-load", "bulk", "--no-embedded"]
    cmd += ["--out", str(out)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=900)
    res = json.loads(out.read_text(encoding="utf-8"))
    assert "questions" not in res
    virtuoso = res["virtuoso"]
    assert virtuoso["quads_loaded"] == res["quads"] > 0
    assert virtuoso["bulk_load_seconds"] > 0 and virtuoso["nquads_bytes"] > 0
    # the server's CPU time during the load, its checkpoint included, read from /proc
    assert virtuoso["server_cpu_seconds"] is not None and virtuoso["server_cpu_seconds"] >= 0
    assert virtuoso["client_cpu_seconds"] >= 0 and virtuoso["dump_cpu_seconds"] > 0
    assert virtuoso["questions"]["cq01-defenders-organisations"]["corpus_wide"]["rows"] > 0
