"""The corpus-wide questions' parts (bench/profile_cq_parts.py): each part's rows and the whole
question's counted rows on the store built from data/, and a folder without a store refused in
one line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from loadscript import load_script

from kg.query import run_query
from kg.store import Store

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "bench" / "profile_cq_parts.py"
profile_cq_parts = load_script("bench/profile_cq_parts.py")


def test_parts_and_counted_rows_are_the_questions(built_store: Store, tmp_path: Path) -> None:
    generation = built_store.path.parent
    out = tmp_path / "parts.json"
    assert profile_cq_parts.main([str(generation), "--repeats", "1", "--out", str(out)]) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    assert set(result["questions"]) == set(profile_cq_parts.PARTS)
    public = Store.open(generation / "public")
    for name, figures in result["questions"].items():
        answer = run_query(public, name)
        # the whole question counted: its rows, DISTINCT included, with no term read
        assert figures["rows"] == len(answer.rows), name
        parts = figures["parts"]
        assert [p["part"] for p in parts] == [p for p, _ in profile_cq_parts.PARTS[name]]
        # the first part alone is the most (CQ1: defender roles, CQ12: bans); each part joined
        # to it can only narrow an inner join, and an OPTIONAL keeps every row
        assert all(p["rows"] >= 0 and p["cpu_p50_ms"] >= 0 for p in parts)
        assert figures["engine_cpu_p50_ms"] >= 0 and figures["csv_bytes"] > 0
    # the store from data/ states a ban with an organisation as target, so CQ12's parts meet
    # rows, the banned organisations each in the appeal that states the ban; an OPTIONAL after
    # them keeps every row
    cq12 = {p["part"]: p["rows"] for p in result["questions"]["cq12-banned-organisations"]["parts"]}
    assert cq12["bans_organisation"] > 0
    assert cq12["appeal"] == cq12["bans_organisation"] <= cq12["banned_by"]


def test_a_folder_without_a_store_is_refused(tmp_path: Path) -> None:
    res = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path), "--out", str(tmp_path / "x.json")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.returncode == 2
    assert "no public store here" in res.stderr and "Traceback" not in res.stderr
    assert not (tmp_path / "x.json").exists()
