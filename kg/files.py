"""Atomic file writes: readers see the old content or the new, never a partial file.

Sits under everything (like ``vocab`` and ``errors``) so that every writer shares one way.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path


def write_atomic(path: Path | str, data: bytes) -> Path:
    """Write bytes to ``path`` through a temporary file in the same folder and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_csv_atomic(
    path: Path | str, columns: Sequence[str], rows: Iterable[dict[str, str]]
) -> Path:
    """A CSV with a header row, missing cells empty, written atomically."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row.get(k, "") for k in columns})
    return write_atomic(path, buf.getvalue().encode("utf-8"))
