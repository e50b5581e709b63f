"""Dates in a case record are calendar dates, checked where the record is read.

YAML itself refuses an unquoted ``2017-02-30`` (kg.record.recordcheck); a quoted one, a month 13
(``"2017-13"``) or words (``"yesterday"``) would pass YAML and reach the graph as an ill-typed
literal. Every date field is checked here against the calendar, and the error names the file and
the line of the value, so a curator can fix it.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from kg.errors import DataError

#: Where dates sit: section -> date keys of its entries ("appeal" is the mapping itself).
DATE_FIELDS: dict[str, tuple[str, ...]] = {
    "appeal": ("date",),
    "organisations": ("founded",),
    "instruments": ("date",),
    "arrangements": ("until",),
    "events": ("date", "notified_on"),
}
POSITION_DATES = ("start", "end")  # inside persons[i].positions[j]
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def calendar_problem(value: Any) -> str | None:
    """Why a value is not a YYYY, YYYY-MM or YYYY-MM-DD calendar date, or None if it is."""
    if value is None or value == "" or isinstance(value, dt.date):
        return None
    text = str(value).strip()
    m = _DATE.fullmatch(text)
    if not m:
        return f"date '{text}' is not YYYY, YYYY-MM or YYYY-MM-DD"
    if m[2] is None:
        return None
    year, month, day = int(m[1]), int(m[2]), int(m[3] or 1)
    try:
        dt.date(year, month, day)
    except ValueError as e:
        return f"'{text}' is not a date ({e})"
    return None


def date_fields(record: dict[str, Any]) -> list[tuple[list[Any], Any]]:
    """(path of keys, value) of every date field of a record."""
    out: list[tuple[list[Any], Any]] = []
    appeal = record.get("appeal")
    if isinstance(appeal, dict):
        out += [(["appeal", k], appeal.get(k)) for k in DATE_FIELDS["appeal"] if k in appeal]
    for section, keys in DATE_FIELDS.items():
        items = record.get(section) if section != "appeal" else None
        for n, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict):
                out += [([section, n, k], item[k]) for k in keys if k in item]
    for n, person in enumerate(record.get("persons") or []):
        positions = person.get("positions") if isinstance(person, dict) else None
        for m, pos in enumerate(positions if isinstance(positions, list) else []):
            if isinstance(pos, dict):
                out += [
                    (["persons", n, "positions", m, k], pos[k]) for k in POSITION_DATES if k in pos
                ]
    return out


def check_dates(record: dict[str, Any], path: Path, raw: str) -> None:
    """Raise :class:`DataError` at the first date field that is no calendar date, naming
    ``file:line`` of its value."""
    from kg.record.recordcheck import _line_of

    for keys, value in date_fields(record):
        problem = calendar_problem(value)
        if problem:
            line = _line_of(raw, keys)
            where = ".".join(str(k) for k in keys)
            raise DataError(f"{path}{f':{line}' if line else ''}: {where}: {problem}")


__all__ = ["calendar_problem", "check_dates", "date_fields"]
