"""The scale benchmark runs at a tiny size and writes its results file (CI's smoke run)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml
from loadscript import load_script

ROOT = Path(__file__).resolve().parents[1]
smoke_check = load_script("bench/smoke_check.py")


def test_scale_benchmark_writes_its_results(tmp_path: Path) -> None:
    cmd = [sys.executable, str(ROOT / "bench" / "bench_scale.py"), "--sizes", "6"]
    cmd += ["--budget", "120", "--out", str(tmp_path / "out"), "--work", str(tmp_path / "w")]
    subprocess.run(cmd, check=True, capture_output=True, timeout=900)
    res = json.loads((tmp_path / "out" / "scale-6.json").read_text(encoding="utf-8"))
    assert res["appeals"] == 6 and len(res["load_before"]) == 3
    assert res["build"]["triples"] == res["triples"]["store_triples"] > 0
    assert res["noop_rebuild"]["triples"] == res["build"]["triples"]
    assert res["mutate"]["changed"] == 1
    assert res["oxigraph_bulk_load"]["quads"] == res["build"]["triples"]
    assert res["triples_per_appeal"] < res["triples_per_appeal_before"]
    for fmt in ("nquads", "ntriples", "trig", "turtle"):
        assert res["exports"][fmt]["bytes"] > 0
    assert res["peak_rss_mb"] > 0
    # what CI's 1,000-appeal smoke run (make bench-smoke) checks of its results file
    assert smoke_check.problems(res) == []
    assert smoke_check.main([str(tmp_path / "out" / "scale-6.json")]) == 0


def test_the_smoke_check_catches_a_run_that_did_not_finish(tmp_path: Path, capsys) -> None:
    """bench/smoke_check.py: each broken results file gets its one line and exit 1; a file
    that is not results gets exit 2."""
    whole = {
        "finished": True,
        "build": {"wall_seconds": 1.0},
        "noop_rebuild": {},
        "rebuild_1pct": {},
        "oxigraph_bulk_load": {},
        "triples": {"store_triples": 10},
        "exports": {f: {"bytes": 5} for f in ("nquads", "ntriples", "trig", "turtle")},
    }
    assert smoke_check.problems(whole) == []
    stopped = {**whole, "finished": False}
    del stopped["rebuild_1pct"]
    assert smoke_check.problems(stopped) == [
        "the run did not reach its end (finished is not true)",
        "no rebuild_1pct step",
    ]
    slow = {**whole, "build": {"timeout": 30}, "exports": {"nquads": {"bytes": 5}}}
    assert smoke_check.problems(slow) == [
        "build stopped at its budget of 30 s",
        "no ntriples export",
        "no trig export",
        "no turtle export",
    ]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(stopped), encoding="utf-8")
    assert smoke_check.main([str(bad)]) == 1
    assert "no rebuild_1pct step" in capsys.readouterr().err
    bad.write_text("[1, 2]", encoding="utf-8")
    assert smoke_check.main([str(bad)]) == 2
    assert smoke_check.main([str(tmp_path / "missing.json")]) == 2
    assert "missing.json: no results to read" in capsys.readouterr().err


def _person_spellings(cases: Path) -> int:
    records = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in cases.glob("*.yaml")]
    return sum(len(p.get("variants") or []) for r in records for p in r["persons"])


def test_scale_benchmark_on_a_corpus_made_before(tmp_path: Path) -> None:
    """``--corpus`` copies a corpus rather than generating it (the copy is the one changed);
    ``--build-only`` stops after the 1% rebuild; the results name no path of the machine."""
    corpus = tmp_path / "corpus"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "generate.py"), "5", str(corpus)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    before = sorted(p.read_bytes() for p in (corpus / "cases").glob("*.yaml"))
    cmd = [sys.executable, str(ROOT / "bench" / "bench_scale.py"), "--sizes", "5"]
    cmd += ["--corpus", str(corpus), "--build-only"]
    cmd += ["--out", str(tmp_path / "out"), "--work", str(tmp_path / "w")]
    subprocess.run(cmd, check=True, capture_output=True, timeout=900)
    res = json.loads((tmp_path / "out" / "scale-5.json").read_text(encoding="utf-8"))
    assert res["finished"] and "copied" in res["generate"]
    assert res["noop_rebuild"]["triples"] == res["build"]["triples"] > 0
    assert res["mutate"]["changed"] == 1
    assert res["oxigraph_bulk_load"]["quads"] == res["build"]["triples"]
    assert res["build"]["peak_tree_rss_mb"] >= res["build"]["peak_rss_mb"] * 0.5 > 0
    # The export phases are timed: one write of the export files, its VoID counts inside it.
    phases = res["rebuild_1pct"]["phases"]
    assert phases["write_chunks"]["calls"] == phases["_write_void"]["calls"] == 1
    assert phases["write_chunks"]["seconds"] >= phases["_write_void"]["seconds"] > 0
    assert "exports" not in res and "naive_dataset_build" not in res
    assert res["command"].endswith("--corpus DIR --build-only")
    assert str(tmp_path) not in json.dumps(res)
    # The corpus given is left as it was.
    assert sorted(p.read_bytes() for p in (corpus / "cases").glob("*.yaml")) == before

    # --again with --edit facts: another 1% changed (a date and a spelling too) and rebuilt.
    work_cases = tmp_path / "w" / "data-5" / "cases"
    spellings = _person_spellings(work_cases)
    again = [sys.executable, str(ROOT / "bench" / "bench_scale.py"), "--sizes", "5"]
    again += ["--again", "2", "--edit", "facts"]
    again += ["--out", str(tmp_path / "out"), "--work", str(tmp_path / "w")]
    subprocess.run(again, check=True, capture_output=True, timeout=900)
    res = json.loads((tmp_path / "out" / "scale-5.json").read_text(encoding="utf-8"))
    facts = res["rebuild_1pct_round2_facts"]
    assert facts["changed"] == 1 and facts["triples"] > 0 and len(facts["load_before"]) == 3
    assert any("revised in round 2" in p.read_text(encoding="utf-8") for p in work_cases.iterdir())
    assert _person_spellings(work_cases) == spellings + 1

    # A corpus of another size is refused.
    cmd[cmd.index("--sizes") + 1] = "7"
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert run.returncode != 0 and "5 case records, not 7" in run.stderr


def test_scale_benchmark_with_the_baseline_last(tmp_path: Path) -> None:
    """``--baseline-last``: the packed dump is made after the build, and Oxigraph's bulk load
    of it runs at the end, once the project's store is removed; both are gone afterwards."""
    cmd = [sys.executable, str(ROOT / "bench" / "bench_scale.py"), "--sizes", "4"]
    cmd += ["--build-only", "--baseline-last"]
    cmd += ["--out", str(tmp_path / "out"), "--work", str(tmp_path / "w")]
    subprocess.run(cmd, check=True, capture_output=True, timeout=900)
    res = json.loads((tmp_path / "out" / "scale-4.json").read_text(encoding="utf-8"))
    assert res["finished"] and res["command"].endswith("--build-only --baseline-last")
    assert res["oxigraph_bulk_load"]["quads"] == res["build"]["triples"] > 0
    assert res["oxigraph_bulk_load"]["unpack"]["bytes"] > 0
    assert res["store_bytes"] > 0
    work = tmp_path / "w"
    assert not (work / "kg-4").exists() and not (work / ".kg-4.d").exists()
    assert not list(work.glob("dump-*")) and not list(work.glob("oxigraph-*"))
    alone = [sys.executable, str(ROOT / "bench" / "bench_scale.py"), "--sizes", "4"]
    alone += ["--baseline-last", "--out", str(tmp_path / "out"), "--work", str(work)]
    bad = subprocess.run(alone, capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2 and "--baseline-last goes with --build-only" in bad.stderr
