"""Extraction quality on the invented appeals in tests/data/invented (see its README)."""

from __future__ import annotations

from pathlib import Path

import pytest
from goldscore import extract_and_score

from kg.extract.evaluate import Tally

INVENTED = Path(__file__).parent / "data" / "invented"

# F1 measured on the set, rounded down to two decimals. Rules were written against these appeals,
# so the floors guard against regressions only; raise them as the figures rise, never lower them.
# Events, participants, provisions and demands were added to the gold from the texts alone, before
# the extractor's output on them was looked at; their floors are the figures first measured.
# The events, provisions and demands floors are over syn-001 to syn-024: syn-015 to syn-024 set
# them anew at the figures first measured over all 24 (on the first 14: events 0.652,
# participants 0.529, provisions 1.0, demands 0.667). The persons and organisations floors are
# over all 32 appeals; each batch of new appeals set them at the figures measured when it was
# added (syn-015 to syn-024, before: persons 0.946, roles 0.833, orgs 0.857, kinds 0.738 on the
# first 14; syn-025 to syn-032, before: persons 0.957, roles 0.815, orgs 0.885, kinds 0.788 on
# the first 24).
INVENTED_FLOORS = {
    "persons": 0.95,  # measured 0.957 (0.952 when syn-025 to syn-032 were added)
    "person_roles": 0.85,  # 0.851 (0.806 when syn-025 to syn-032 were added)
    "organisations": 0.90,  # 0.906 (0.865 when syn-025 to syn-032 were added)
    "organisation_kinds": 0.81,  # 0.819 (0.755 when syn-025 to syn-032 were added)
    "legal_provisions": 1.0,  # 1.000 (6 of 6)
    "events": 0.74,  # 0.746 (0.669 when syn-015 to syn-024's gold was written; 0.512 on 14)
    "event_participants": 0.61,  # 0.611 (0.549 then; 0.394 on 14)
    "demands": 0.54,  # 0.541
}

# Appeals whose gold has no provisions, events or demands written yet: they are scored for persons
# and organisations only. Take a name off the list in the commit that writes that gold.
PENDING_EVENT_GOLD = {
    "syn-025-akech",
    "syn-026-tum",
    "syn-027-lacayo",
    "syn-028-tellez",
    "syn-029-mudzingwa",
    "syn-030-abdelaziz",
    "syn-031-karimova",
    "syn-032-merabet",
}
PERSON_CATEGORIES = {"persons", "person_roles", "organisations", "organisation_kinds"}


@pytest.fixture(scope="module")
def invented_report():
    report = extract_and_score(INVENTED, "all")
    assert len(report.cases) == 32
    assert PENDING_EVENT_GOLD <= {c.case for c in report.cases}
    return report


def category_total(report, category: str) -> Tally:
    """The category's tally over the appeals whose gold covers it."""
    if category in PERSON_CATEGORIES:
        return report.totals[category]
    total = Tally()
    for case in report.cases:
        if case.case not in PENDING_EVENT_GOLD:
            total.add(case.tallies[category])
    return total


@pytest.mark.parametrize("category", list(INVENTED_FLOORS))
def test_invented_quality(invented_report, category: str) -> None:
    f1 = category_total(invented_report, category).f1
    assert f1 >= INVENTED_FLOORS[category], f"{category}: F1 {f1:.3f} on the invented appeals"
