"""Dates of events: forms of the genre, made-up sentences."""

from __future__ import annotations

import pytest

from kg.extract import extract_case


def _pairs(body: str) -> set[tuple[str, str | None]]:
    text = f"12 June 2024\n\nZembla: Poet detained\n\n{body}\n"
    return {(e["type"], e["date"]) for e in extract_case(text, appeal_id="t")["events"]}


@pytest.mark.parametrize(
    ("body", "date"),
    [
        ("In late 2023, Ana Lee was arrested.", "2023"),
        ("In mid-2019, Ana Lee was arrested.", "2019"),
        ("In early 2021, Ana Lee was arrested.", "2021"),
        ("In the summer of 2020, Ana Lee was arrested.", "2020"),
        ("In spring 2022, Ana Lee was arrested.", "2022"),
        ("In 2022, Ana Lee was arrested.", "2022"),
    ],
)
def test_a_year_with_a_part_of_it_is_the_year(body: str, date: str) -> None:
    assert ("arrest", date) in _pairs(body)


def test_a_part_of_a_year_that_opens_a_period_is_no_event_date() -> None:
    # "since late 2023" opens a period, as "since 2023" does
    assert ("detention", "2023") not in _pairs("Ana Lee has been detained since late 2023.")


@pytest.mark.parametrize(
    ("later", "date"),
    [("A week later", "2024-05-10"), ("A day later", "2024-05-04")],
)
def test_a_day_or_a_week_later_counts_one(later: str, date: str) -> None:
    got = _pairs(f"Ana Lee was arrested on 3 May 2024. {later}, she was charged with sedition.")
    assert ("charge", date) in got
    assert ("charge", "2024-05-03") not in got
