"""The rules' derivation measured rule by rule in a rebuild (bench/profile_derive_rules.py):
after a new mention of an issuer in generated appeals, the rules it lists are the ones the
rebuild derived around the change, the rebuild is incremental and gives the store a full build
of the edited corpus gives; a folder with no store or no records is refused in one line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from benchgen import generated_data, generator
from loadscript import load_script

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "bench" / "profile_derive_rules.py"
profile_derive_rules = load_script("bench/profile_derive_rules.py")
digest = load_script("bench/store_digest.py").digest


def _build(store: Path, data: Path) -> None:
    from kg.store.stream import build_streaming

    build_streaming(store, data_dir=data)


def test_a_hub_edit_is_derived_around_the_change_and_measured_per_rule(tmp_path: Path) -> None:
    data = generated_data(tmp_path / "data", 12, seed=3)
    store = tmp_path / "store"
    _build(store, data)
    changed = generator().mutate(data, 0.25, 3, 1, "hub")
    assert changed  # a quarter of the records name one more issuer
    out = tmp_path / "rules.json"
    import kg.store.stream as stream

    real = (stream.derive_changes, stream.recipe_hash)
    assert profile_derive_rules.main([str(store), str(data), "--out", str(out)]) == 0
    assert (stream.derive_changes, stream.recipe_hash) == real  # nothing left replaced
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["incremental"] is True and result["added"] > 0
    rules = {r["rule"]: r for r in result["rules"]}
    # the issuer's count of appeals is kept by difference (what identity gives a new IRI or
    # takes one from is counted whole) and its first mention asked again for it; the rules
    # over involvements, events and positions take no organisation as a root
    assert rules["appeal-count.rq"]["by_difference"] >= 1
    assert rules["first-mention.rq"]["roots"] >= 1
    for name in ("case-role.rq", "involvement-reported-in.rq", "event-stated-in.rq"):
        assert rules[name]["start"] > 0 and rules[name]["roots"] == 0, name
    cpu = [r["cpu_s"] for r in result["rules"]]
    assert cpu == sorted(cpu, reverse=True)
    # the rebuild it measured equals a full build of the edited corpus
    fresh = tmp_path / "fresh"
    _build(fresh, data)
    rebuilt, full = digest(store), digest(fresh)
    assert rebuilt.pop("store") != full.pop("store") and rebuilt == full


def test_a_folder_without_records_or_store_is_refused(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    for args, word in (
        ([str(tmp_path / "nostore"), str(ROOT / "data")], "no built store"),
        ([str(tmp_path), str(tmp_path / "data")], "not a data folder"),
    ):
        res = subprocess.run(
            [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=120
        )
        assert res.returncode == 2, (args, res.stderr)
        assert word in res.stderr and "Traceback" not in res.stderr
