"""Provisions: every citation style, each attached to the instrument it belongs to."""

from __future__ import annotations

from kg.extract import extract_case


def _provisions(text: str) -> dict[str, list[str]]:
    record = extract_case(text, appeal_id="t")
    return {
        i["name"]: [p["article"] for p in i["provisions"]]
        for i in record["instruments"]
        if i["provisions"]
    }


LOWER = """3 March 2025

Zembla: Editor charged

On 1 March 2025, the editor Ana Pereira was charged under article 210(2) of the Penal Code and
section 12 of the Press Act. We recall articles 9, 14, 19 and 22 of the International Covenant
on Civil and Political Rights.
"""


def test_lower_case_articles_sections_and_lists() -> None:
    provs = _provisions(LOWER)
    assert provs["Penal Code"] == ["210(2)"]
    assert provs["Press Act"] == ["12"]
    assert provs["International Covenant on Civil and Political Rights"] == ["9", "14", "19", "22"]
