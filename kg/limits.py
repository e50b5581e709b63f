"""Size limits on inputs, so that a wrong or hostile file is refused with one line instead of
filling memory.

Each limit has a default that is far above anything the project's own data needs, and an
environment variable that changes it (a number of bytes, optionally with a ``k``, ``M`` or ``G``
suffix): ``KG_MAX_RECORD_BYTES=20M kg build``. The README lists them.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from kg.errors import InputError


@dataclass(frozen=True)
class Limit:
    """One configurable size limit."""

    env: str
    default: int
    what: str

    def value(self) -> int:
        """The limit in force: the environment variable if set, else the default."""
        raw = os.environ.get(self.env, "").strip()
        if not raw:
            return self.default
        m = re.fullmatch(r"(\d+)\s*([kKmMgG]?)[bB]?", raw)
        if not m:
            raise InputError(f"{self.env}={raw!r}: not a size; use bytes or 10k, 5M, 1G")
        scale = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[m.group(2).lower()]
        return int(m.group(1)) * scale

    def check(self, size: int, where: str) -> None:
        """Refuse ``size`` bytes when over the limit, naming the input and the variable."""
        limit = self.value()
        if size > limit:
            raise InputError(
                f"{where}: {_human(size)} is over the {_human(limit, '.3g')} limit for "
                f"{self.what}; "
                f"check the input, or raise {self.env}"
            )


def _human(n: int, spec: str = ".1f") -> str:
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("kB", 1024)):
        if n >= scale:
            return f"{n / scale:{spec}} {unit}"
    return f"{n} bytes"


RECORD = Limit("KG_MAX_RECORD_BYTES", 5 * 1024**2, "one case record")
REFERENCE = Limit("KG_MAX_REFERENCE_BYTES", 20 * 1024**2, "one reference file")
APPEAL = Limit("KG_MAX_APPEAL_BYTES", 10 * 1024**2, "one appeal file")
CSV_FILE = Limit("KG_MAX_CSV_BYTES", 20 * 1024**2, "one decision file (links, identities)")
QUERY = Limit("KG_MAX_QUERY_BYTES", 256 * 1024, "one query")
PARAM = Limit("KG_MAX_PARAM_BYTES", 4 * 1024, "one query parameter")

ALL = (RECORD, REFERENCE, APPEAL, CSV_FILE, QUERY, PARAM)


def file_size(path: os.PathLike[str] | str) -> int:
    """Bytes on disk; 0 when the file cannot be stat-ed (the reader then says why)."""
    try:
        return os.stat(path).st_size
    except OSError:
        return 0
