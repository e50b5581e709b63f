"""bench/store_digest.py: a path that is no built store is refused in one line (exit 2)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "store_digest.py"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False
    )


def test_a_missing_folder_or_one_that_is_no_store_is_refused_in_one_line(tmp_path: Path) -> None:
    missing = _run(str(tmp_path / "nowhere"))
    assert missing.returncode == 2
    assert missing.stderr.strip().splitlines() == [
        f"store_digest.py: error: STORE {tmp_path / 'nowhere'}: no such folder"
    ]
    empty = _run(str(tmp_path))
    assert empty.returncode == 2
    [line] = empty.stderr.strip().splitlines()
    assert line.startswith(f"store_digest.py: error: STORE {tmp_path}: not a built store (")
    assert "Traceback" not in empty.stderr
    usage = _run()
    assert usage.returncode == 2 and "usage: store_digest.py" in usage.stderr
