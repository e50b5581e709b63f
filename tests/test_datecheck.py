"""Impossible dates and non-dates in a record are refused at build with file:line, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.record.datecheck import calendar_problem

RECORD = """appeal:
  id: t-dates
  date: {appeal}
persons:
- id: p1
  name: A Person
  positions:
  - title: Chairman
    start: {start}
instruments:
- id: i1
  name: Some Law
  kind: law
  jurisdiction: Kazakhstan
  date: {law}
events:
- id: e1
  type: arrest
  date: {event}
  targets: [p1]
"""
GOOD = {"appeal": "2017-11-22", "start": "2009", "law": "2014-07", "event": "2016-02-29"}


def _build(tmp_path: Path, **values: str):  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    (data / "cases").mkdir(parents=True)
    path = data / "cases" / "t.yaml"
    path.write_text(RECORD.format(**{**GOOD, **values}), encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "--data", str(data), "--store", str(tmp_path / "s")])
    return path, result


def test_a_record_with_calendar_dates_builds(tmp_path: Path) -> None:
    _, result = _build(tmp_path)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("field", "value", "line", "message"),
    [
        ("event", "2017-02-30", 19, "'2017-02-30' is not a date (day is out of range for month)"),
        ("event", "2017-13-45", 19, "'2017-13-45' is not a date (month must be in 1..12)"),
        ("event", '"2017-02-30"', 19, "events.0.date: '2017-02-30' is not a date (day is out"),
        ("event", "'2017-13'", 19, "events.0.date: '2017-13' is not a date (month must be"),
        ("event", "2017-02-29", 19, "is not a date (day is out of range for month)"),
        ("appeal", "last week", 3, "appeal.date: date 'last week' is not YYYY, YYYY-MM or"),
        ("law", '"2014-00"', 15, "instruments.0.date: '2014-00' is not a date"),
        ("start", '"2009-02-31"', 9, "persons.0.positions.0.start: '2009-02-31' is not a date"),
    ],
)
def test_impossible_dates_are_one_error_line_naming_file_and_line(
    tmp_path: Path, field: str, value: str, line: int, message: str
) -> None:
    path, result = _build(tmp_path, **{field: value})
    assert result.exit_code == 2, result.output
    lines = [x for x in result.output.splitlines() if x.strip()]
    assert len(lines) == 1, result.output
    assert lines[0].startswith(f"Error: {path}:{line}:"), lines[0]
    assert message in lines[0]
    assert "Traceback" not in result.output and "ValueError" not in result.output
    assert not (tmp_path / "s").exists(), "a refused build leaves no store"


@pytest.mark.parametrize("value", ["2017", "2017-02", "2016-02-29", "2017-12-31", None, ""])
def test_calendar_dates_pass(value: str | None) -> None:
    assert calendar_problem(value) is None


@pytest.mark.parametrize("value", ["2017-02-30", "2017-13", "2017-00-10", "17-01-01", "soon"])
def test_other_values_are_refused(value: str) -> None:
    assert calendar_problem(value)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2017-02-30", "'2017-02-30' is not a date (day is out of range for month)"),
        ("2017-13", "'2017-13' is not a date (month must be in 1..12)"),
        ("2017-1", "date '2017-1' is not YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2017-", "date '2017-' is not YYYY, YYYY-MM or YYYY-MM-DD"),
        ("20170", "date '20170' is not YYYY, YYYY-MM or YYYY-MM-DD"),
        (" soon ", "date 'soon' is not YYYY, YYYY-MM or YYYY-MM-DD"),
        (2017, None),
        (" 2017-03 ", None),
    ],
)
def test_the_problem_named(value: object, message: str | None) -> None:
    assert calendar_problem(value) == message
