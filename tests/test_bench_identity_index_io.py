"""bench/bench_identity_index_io.py: the identity index's read and write timed on a copy of a
store's kept index (the store left as it was); a path that is no built store is refused in one
line (exit 2)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from kg.files import current_generation
from kg.store.kept import kept_path

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "bench_identity_index_io.py"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False
    )


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_folder_that_is_no_store_is_refused_in_one_line(tmp_path: Path) -> None:
    done = _run(str(tmp_path), "--out", str(tmp_path / "out.json"))
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [f"Error: {tmp_path}: not a store made by kg build"]
    assert not (tmp_path / "out.json").exists()


def test_read_and_write_are_timed_on_a_copy(seed_built: Any, tmp_path: Path) -> None:
    _data, store = seed_built.copy()
    generation = current_generation(store)
    keys = kept_path(generation, "keys")
    assert generation is not None and keys is not None
    before = (_digest(generation / "identity-index.pickle"), _digest(keys))
    out = tmp_path / "io.json"
    done = _run(str(store), "--out", str(out), "--repeat", "2")
    assert done.returncode == 0, done.stderr
    result = json.loads(out.read_text(encoding="utf-8"))
    assert len(result["runs"]) == 2
    assert all(r["read"] >= 0 and r["collect"] >= 0 and r["write"] >= 0 for r in result["runs"])
    assert result["held"] is True  # this checkout's read_index takes hold
    assert result["pickle_bytes"] > 0 and result["keys_bytes"] > 0
    assert (_digest(generation / "identity-index.pickle"), _digest(keys)) == before
    assert not list(tmp_path.glob(".index-io-*"))  # the scratch copy removed


def test_an_index_resolved_from_a_data_folder_is_made_once_and_timed(
    seed_built: Any, tmp_path: Path
) -> None:
    data, _store = seed_built.copy()
    folder, out = tmp_path / "index", tmp_path / "io.json"
    done = _run(str(folder), "--from-data", str(data), "--out", str(out), "--repeat", "1")
    assert done.returncode == 0, done.stderr
    made = _digest(folder / "identity-index.pickle")
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["from_data"] == str(data) and len(result["runs"]) == 1
    assert result["pickle_bytes"] > 0 and result["keys_bytes"] > 0
    done = _run(str(folder), "--from-data", str(data), "--out", str(out), "--repeat", "1")
    assert done.returncode == 0, done.stderr
    assert _digest(folder / "identity-index.pickle") == made  # read, not made again
    done = _run(str(folder), "--from-data", str(tmp_path / "none"), "--out", str(out))
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [f"Error: {tmp_path / 'none'}: no cases folder"]
