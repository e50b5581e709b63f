"""Names: particles, article prefixes, initials, hyphens; form labels are no people."""

from __future__ import annotations

from kg.extract import extract_case

TEXT = """5 May 2024

Zembla: Writers detained

On 3 May 2024, police arrested the writer Salma al-Farouk and the poet Huber de Jesús Ortega.
The order was signed by Judge A. Kowalczyk and approved by Prince Omar bin Hadi Al Rami.
Journalist Lee Wai-kwong was also held.

Initial Date: 3 May 2024
Event Description: Arrest
"""


def test_particles_prefixes_initials_and_hyphens() -> None:
    names = {p["name"] for p in extract_case(TEXT, appeal_id="t")["persons"]}
    assert {"Salma al-Farouk", "Huber de Jesús Ortega", "A. Kowalczyk", "Lee Wai-kwong"} <= names
    assert any(n and n.endswith("Omar bin Hadi Al Rami") for n in names)


def test_form_labels_are_no_people() -> None:
    names = {p["name"] for p in extract_case(TEXT, appeal_id="t")["persons"]}
    assert not names & {"Initial Date", "Event Description"}
