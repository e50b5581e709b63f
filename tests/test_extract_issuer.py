"""The appeal's countries, its issuer, and the country of the bodies it names."""

from __future__ import annotations

import pytest

from kg.extract import extract_case
from kg.extract.layout import find_countries
from kg.extract.names import org_country
from kg.extract.text import make_doc


def test_a_second_country_named_as_often_is_one_of_the_appeal() -> None:
    text = (
        "Norway: a journalist from Chile was abducted in Oslo. Norway police say nothing. "
        "Chile asked Norway for news; the courts of Chile charged her. Norway must act. "
        "Her sister lives in Peru."
    )
    assert find_countries(make_doc(text), "Norway") == ["Norway", "Chile"]
    # named in passing (once, twice, or under half as often as the main one): not a country
    text = "Norway " * 8 + "Chile Chile Chile. Peru."
    assert find_countries(make_doc(text), "Norway") == ["Norway"]
    assert find_countries(make_doc("No country here."), None) == []


@pytest.mark.parametrize(
    ("name", "kind", "country"),
    [
        ("European Parliament", "parliament", None),
        ("Southern African Development Forum", "international_org", None),
        ("Gulf Centre for Press Freedom", "ngo", None),
        ("Ana Lee International", "ngo", None),
        ("Zenda Lawyers Collective", "ngo", "Norway"),
        # a ministry keeps its state even with an international portfolio
        ("Ministry of Foreign Affairs and International Cooperation", "ministry", "Norway"),
        ("Regional Court of Zenda", "court", "Norway"),
    ],
)
def test_org_country(name: str, kind: str, country: str | None) -> None:
    assert org_country(name, "", kind, "Norway") == country


APPEAL = """URGENT APPEAL

Paris, 3 May 2024

The Zenda Centre for Press Freedom, a joint programme of the Lee Foundation and the Kovacs
Trust, requests your urgent intervention in the following situation in Norway.

The Zenda Centre for Press Freedom has been informed that the journalist Ana Lee was
arrested in Oslo on 2 May 2024 by the Norway Police Service.
"""


def test_the_issuer_opens_a_sentence_saying_what_it_asks_and_is_of_no_country() -> None:
    record = extract_case(APPEAL, appeal_id="t1")
    assert record["appeal"]["issuer"] == "Zenda Centre for Press Freedom"
    orgs = {o["name"]: o for o in record["organisations"]}
    assert orgs["Zenda Centre for Press Freedom"]["country"] is None
    # a body of the country keeps it
    assert orgs["Norway Police Service"]["country"] == "Norway"


def test_the_issuer_said_today() -> None:
    text = (
        "Norway: release the poet\n\n"
        "Norway should free the poet Ana Lee, the Zenda Press Alliance said today. Police "
        "arrested her in Oslo on 2 May 2024.\n"
    )
    assert extract_case(text, appeal_id="t2")["appeal"]["issuer"] == "Zenda Press Alliance"


def test_a_body_seen_only_in_a_title_case_headline_is_no_body() -> None:
    text = (
        "Zembla: Zenda Daily Forced to Close After Raid on Its Newsroom\n\n"
        "(Capital City) – Police raided the offices of the newspaper Zenda Daily on 2 May 2024 "
        "and arrested its editor Ana Lee, the Zembla Press Alliance said today.\n"
    )
    names = {o["name"] for o in extract_case(text, appeal_id="t3")["organisations"]}
    assert "Zenda Daily Forced" not in names
    assert "Zenda Daily" in names
    # a headline in sentence case keeps what it names
    plain = text.replace(
        "Forced to Close After Raid on Its Newsroom",
        "was closed by order of the Zembla Media Council",
    )
    names = {o["name"] for o in extract_case(plain, appeal_id="t4")["organisations"]}
    assert "Zembla Media Council" in names


def test_police_acting_is_a_body_a_thing_of_the_police_is_not() -> None:
    def bodies(text: str) -> set[str]:
        return {o["name"] for o in extract_case(text, appeal_id="t5")["organisations"]}

    assert "police" in bodies("On 2 May 2024, police arrested the poet Ana Lee in Oslo.")
    assert "police" not in bodies(
        "On 2 May 2024, the poet Ana Lee was held at a police station; a police spokesperson "
        "said police patrols would go on."
    )
    assert "armed forces" in bodies("On 2 May 2024, members of the armed forces stopped her car.")


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        ("On 2 May 2024, agents of the Military Intelligence detained Ana Lee.",
         "Military Intelligence", "security_service"),
        ("On 2 May 2024, the House of Representatives voted to strip Ana Lee of her seat.",
         "House of Representatives", "parliament"),
    ],
)  # fmt: skip
def test_intelligence_services_and_chambers_are_bodies(sentence: str, name: str, kind: str) -> None:
    orgs = {o["name"]: o["kind"] for o in extract_case(sentence, appeal_id="t6")["organisations"]}
    assert orgs.get(name) == kind
