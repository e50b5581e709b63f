"""Roles of persons: titles and appositions, lists under a plural title, posts in the state."""

from __future__ import annotations

import pytest

from kg.extract import extract_case

TEXT = """12 March 2025

Zembla: Human rights lawyers Vera Lind and Oskar Brandt disbarred

On 3 March 2025, the Bar Council of Zembla disbarred Vera Lind and Oskar Brandt. Police
arrested cartoonist Milan Horvat on 4 March 2025 over his drawings. The citizen journalists
Ilse Roth, Pavel Kern and Dora Fink were detained the same day. Milan Horvat's wife, the
journalist Jana Horvat, was questioned.

Their lawyers, among them Tomas Vidal, were not allowed to see them. Olga Sand, a lawyer who
represented Horvat in earlier cases, said the charges were baseless. The defence team, led by
Mr. Karl Weiss, appealed.

The head of the State Security Service, Anton Greb, said the arrests were lawful. Police
spokesperson Ivo Marek confirmed the detentions. On 5 March 2025, the Attorney General,
Mr. Ruben Falk, opened an investigation, and deputy prosecutor-general Petra Lasko
interrogated Horvat. Lena Ost, Director General of the National Intelligence Service, was
present. Nina Bauer, director of the Zembla Legal Aid Association, protested.
"""


@pytest.fixture(scope="module")
def roles() -> dict[str, list[str]]:
    rec = extract_case(TEXT, appeal_id="t-roles")
    return {p["name"]: p["roles"] for p in rec["persons"] if p["name"]}


def test_lawyers_persecuted_are_lawyers_and_defenders(roles: dict) -> None:
    assert roles["Vera Lind"] == ["defender", "lawyer"]
    assert roles["Oskar Brandt"] == ["defender", "lawyer"]  # the second of a plural title's list


def test_journalists_are_journalists_not_defenders(roles: dict) -> None:
    assert roles["Milan Horvat"] == ["journalist"]
    for name in ("Ilse Roth", "Pavel Kern", "Dora Fink"):
        assert roles[name] == ["journalist"], name
    assert roles["Jana Horvat"] == ["journalist", "relative"]


def test_lawyers_acting_for_others(roles: dict) -> None:
    assert roles["Tomas Vidal"] == ["lawyer"]
    assert roles["Olga Sand"] == ["lawyer"]
    assert roles["Karl Weiss"] == ["lawyer"]


def test_posts_in_the_state(roles: dict) -> None:
    assert roles["Anton Greb"] == ["official"]
    assert roles["Ivo Marek"] == ["official"]
    assert roles["Ruben Falk"] == ["official", "prosecutor"]
    assert roles["Petra Lasko"] == ["prosecutor"]
    assert roles["Lena Ost"] == ["official"]
    assert "official" not in roles["Nina Bauer"]  # the director of an association
