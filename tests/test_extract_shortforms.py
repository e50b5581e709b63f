"""Short forms of a body named in full: "the Centre" is a mention of the one Centre named."""

from __future__ import annotations

from kg.extract import extract_case

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
