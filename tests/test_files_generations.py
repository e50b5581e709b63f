"""A generation folder that a failed build was filling is removed whole, even while something
the build left running still writes into it."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from kg.files import TEMP_PREFIX, generations_home, replacing_folder


def _writer(folder: Path, stop: float) -> None:
    # files keep appearing in the folder for a while, as a database's own threads write theirs
    n = 0
    while time.monotonic() < stop:
        try:
            (folder / f"part-{n}.sst").write_bytes(b"x")
        except OSError:
            return  # the folder is gone
        n += 1


def test_a_failed_block_leaves_no_temporary_folder_while_files_still_appear(
    tmp_path: Path,
) -> None:
    path = tmp_path / "store"
    with pytest.raises(RuntimeError, match="bad record"):
        with replacing_folder(path) as tmp:
            for n in range(200):
                (tmp / f"old-{n}.sst").write_bytes(b"x")
            writer = threading.Thread(target=_writer, args=(tmp, time.monotonic() + 0.15))
            writer.start()
            raise RuntimeError("bad record")
    writer.join()
    left = [p.name for p in generations_home(path).iterdir() if p.name.startswith(TEMP_PREFIX)]
    assert left == []
    assert not path.exists()
