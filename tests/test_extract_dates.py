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


@pytest.mark.parametrize(
    ("later", "date"),
    [
        # a span of no stated day: as precise as the span, never the day counted from
        ("The following week", "2024-05"),
        ("The next week", "2024-05"),
        ("A month later", "2024-06"),
        ("A year earlier", "2023"),
        ("A few days later", "2024-05"),
        ("Several weeks later", "2024-05"),
        ("Several months later", "2024"),
        ("The day after", "2024-05-04"),
    ],
)
def test_a_span_later_is_as_precise_as_the_span(later: str, date: str) -> None:
    got = _pairs(f"Ana Lee was arrested on 3 May 2024. {later}, she was charged with sedition.")
    assert ("charge", date) in got
    assert ("charge", "2024-05-03") not in got  # not the day the paragraph told


def test_a_year_after_a_step_beside_its_date_gives_no_date_of_its_own() -> None:
    got = _pairs(
        "Ana Lee was arrested on 3 May 2022. In February 2023, a year after her arrest, "
        "she was referred to the Zenda Court."
    )
    assert ("charge", "2023-02") in got


@pytest.mark.parametrize(
    ("told", "date"),
    [
        # the appeal is dated 12 June 2024
        ("Earlier this year", "2024"),
        ("Earlier this month", "2024-06"),
        ("Last month", "2024-05"),
        ("Last year", "2023"),
        ("Last week", "2024-06"),
        ("This morning", "2024-06-12"),
    ],
)
def test_spans_told_from_the_appeal_date(told: str, date: str) -> None:
    got = _pairs(f"Ana Lee was arrested on 3 May 2022. {told}, she was charged with sedition.")
    assert ("charge", date) in got


def test_this_month_alone_is_no_date() -> None:
    # "the third journalist killed this month": a count, not the day of a step
    got = _pairs(
        "On 3 June 2024, Tom Reed was killed. He is the third journalist killed this month."
    )
    assert ("killing", "2024-06") not in got
