"""Short forms of a body named in full: "the Centre" is a mention of the one Centre named."""

from __future__ import annotations

from kg.extract import extract_case
from kg.extract.entities import Entities, Entity
from kg.extract.shortforms import link_org_short_forms
from kg.extract.text import make_doc

TEXT = """12 March 2024

Zembla: Raid on a legal aid group

On 10 March 2024, officers of the Vela Security Agency raided the Lorvik Centre for Legal Aid.
The Centre gives free legal aid. Police later summoned the Centre's director, Ana Berg. The
Agency seized files. The Vela District Court and the Lorvik Regional Court froze its accounts;
the Court also banned it.
"""


def test_a_body_named_by_its_head_word_is_the_body_named_in_full() -> None:
    record = extract_case(TEXT, appeal_id="t-short")
    orgs = {o["name"]: o for o in record["organisations"]}
    assert "Centre" not in orgs  # "the Centre's director": no body of its own
    assert "Lorvik Centre for Legal Aid" in orgs
    centre = orgs["Lorvik Centre for Legal Aid"]
    quoted = {ev["quote"] for ev in centre["evidence"]}
    assert "Centre" in quoted  # a later "the Centre" is one of its mentions
    agency = orgs["Vela Security Agency"]
    assert "Agency" in {ev["quote"] for ev in agency["evidence"]}


def test_a_head_word_shared_by_two_bodies_is_left_alone() -> None:
    record = extract_case(TEXT, appeal_id="t-short")
    for o in record["organisations"]:
        if o["name"].endswith("Court"):
            assert {ev["quote"] for ev in o["evidence"]} == {o["name"]}


def test_a_name_given_in_brackets_after_a_body_is_that_body() -> None:
    text = (
        "Ivo Sand leads the National Unitary Farmers' Federation (Federación Unitaria de "
        "Campesinos - FUCAM). He criticised the “Zentra Centre for Space\nFacilities” (Zentra). "
        "FUCAM and Zentra replied."
    )
    doc = make_doc(text)
    ents = Entities()
    spans = {
        "National Unitary Farmers' Federation": (text.index("National"), text.index(" (Fed")),
        "Zentra Centre for Space Facilities": (text.index("Zentra C"), text.index("” (Z")),
        "FUCAM": (text.index("FUCAM and"), text.index(" and Z")),
        "Zentra": (text.index("Zentra replied"), text.index(" replied")),
    }
    made = {n: ents.add(Entity("organisation", n, a, b)) for n, (a, b) in spans.items()}
    link_org_short_forms(doc, ents)
    assert {o.name for o in ents.of("organisation")} == {
        "National Unitary Farmers' Federation",
        "Zentra Centre for Space Facilities",
    }
    assert made["National Unitary Farmers' Federation"].variants == ["FUCAM"]
    assert made["Zentra Centre for Space Facilities"].variants == ["Zentra"]
    assert spans["Zentra"] in made["Zentra Centre for Space Facilities"].mentions


def test_parliament_named_by_its_noun() -> None:
    """A "Vela's parliament" is a body where the text names no parliament, a mention of the one it
    names otherwise; "the parliament of" another body and two named parliaments give nothing."""
    alone = (
        "12 May 2021\n\nVela: Journalist Ana Lee charged\n\nOn 3 May 2021, police arrested "
        "journalist Ana Lee. CPJ called on Vela's parliament to repeal the law.\n"
    )
    orgs = {o["name"]: o for o in extract_case(alone, appeal_id="t")["organisations"]}
    assert orgs["parliament"]["kind"] == "parliament"
    named = alone.replace(
        "law.", "law. The Vela National Assembly did not answer; the parliament met."
    )
    orgs = {o["name"]: o for o in extract_case(named, appeal_id="t")["organisations"]}
    assert "parliament" not in orgs
    assert any(e["quote"] == "parliament" for e in orgs["Vela National Assembly"]["evidence"])
    two = alone.replace(
        "law.", "law. The Vela National Assembly and the European Parliament were silent."
    )
    assert "parliament" not in {
        o["name"] for o in extract_case(two, appeal_id="t")["organisations"]
    }
