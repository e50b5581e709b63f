"""Runs shaped like names whose context shows a body or a place, not a person."""

from __future__ import annotations

import pytest

from kg.extract import extract_case

TEXT = """12 May 2025

Zembla: Writer Ivo Sand and his publisher held

On 4 May 2025, police in Vela arrested the novelist Ivo Sand over an article in the literary
journal Tarla Vesk. His publisher, Dan Kell, was questioned. Sand's last book was printed by
Morva Lint, an independent house that was fined in 2024. Sand had written about contracts
awarded to the construction firm Grupo Orel Batta. According to the group, Lara Fen was also
summoned; Lara Fen, a member of the group, denies any offence. Kell is the owner of Brisa Kolt
(Breeze Books), a bookshop. The lawyers of the two, Counsel Mira Tosk and Counsel Ben Orrin of
Tosk & Orrin Advocates, were refused access. Officers of the State Guard Service (Sluzhba
Derzhavnoy Okhrany) and of the Vela Rights Centre (Markaz Huquq Vela li-Dirasat) were present.
The prosecutor cited a complaint filed with the Fiscalía para Delitos contra la Libertad de
Prensa.

The Minister of the Interior
Mr. Oleg Varnas
14 Plaza Toma Verin
Vela, Zembla

Signed:
Zembla Rights Watch
Vela Legal Aid Centre
Kosta Women Forward
Tarn Valley Network
"""


@pytest.fixture(scope="module")
def record() -> dict:
    return extract_case(TEXT, appeal_id="t-nonpersons")


def _persons(record: dict) -> set[str]:
    return {p["name"] for p in record["persons"] if p["name"]}


def _kinds(record: dict) -> dict[str, str]:
    return {o["name"]: o["kind"] for o in record["organisations"]}


def test_a_body_named_after_its_common_noun_is_that_body(record: dict) -> None:
    kinds = _kinds(record)
    assert kinds.get("Tarla Vesk") == "media"
    assert kinds.get("Grupo Orel Batta") == "company"
    assert {"Tarla Vesk", "Grupo Orel Batta"}.isdisjoint(_persons(record))


def test_an_apposition_headed_by_a_body_noun_and_an_owner_of(record: dict) -> None:
    kinds = _kinds(record)
    assert kinds.get("Morva Lint") == "company"
    assert kinds.get("Brisa Kolt") == "company"
    assert {"Morva Lint", "Brisa Kolt"}.isdisjoint(_persons(record))
    # the bracket after the body just made gives its name in English, no person's name
    assert "Breeze Books" not in _persons(record)
    assert "Breeze Books" in next(
        o["variants"] for o in record["organisations"] if o["name"] == "Brisa Kolt"
    )


def test_people_beside_a_body_noun_stay_people(record: dict) -> None:
    # "his publisher, Dan Kell", "According to the group, Lara Fen", "Lara Fen, a member of
    # the group": a person's noun, a comma, or a noun that is not the apposition's head
    assert {"Ivo Sand", "Dan Kell", "Lara Fen", "Mira Tosk", "Oleg Varnas"} <= _persons(record)


def test_a_firm_of_partners_is_a_company_with_its_partners_name(record: dict) -> None:
    assert _kinds(record).get("Tosk & Orrin Advocates") == "company"
    assert not any("Advocates" in n for n in _persons(record))
    firm = next(o for o in record["organisations"] if o["name"] == "Tosk & Orrin Advocates")
    for ev in firm["evidence"]:
        assert TEXT[ev["start"] : ev["end"]] == ev["quote"]
        assert ev["quote"].startswith("Tosk &")


def test_a_bracket_after_a_body_gives_its_name_in_another_language(record: dict) -> None:
    orgs = {o["name"]: o["variants"] for o in record["organisations"]}
    assert "Markaz Huquq Vela li-Dirasat" in orgs.get("Vela Rights Centre", [])
    assert not any("Huquq" in n or "Derzhavnoy" in n for n in _persons(record))


def test_the_tail_of_a_longer_name_and_a_street_are_no_person(record: dict) -> None:
    persons = _persons(record)
    assert not any("Libertad" in n for n in persons)
    assert not any("Toma Verin" in n for n in persons)


def test_a_line_among_listed_bodies_is_a_body(record: dict) -> None:
    assert _kinds(record).get("Kosta Women Forward") == "ngo"
    assert "Kosta Women Forward" not in _persons(record)


def test_a_state_named_in_two_words_and_a_headline_of_kin_are_no_person() -> None:
    text = (
        "3 June 2025\n\nZembla: Defender Held; Nephews Questioned\n\nOn 1 June 2025 police "
        "arrested Tomas Brek, a defender, in breach of Viet Nam's obligations. His lawyer "
        "Aida Morn protested.\n"
    )
    persons = _persons(extract_case(text, appeal_id="t-kin"))
    assert "Tomas Brek" in persons
    assert "Viet Nam" not in persons
    assert not any("Nephews" in n for n in persons)


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        ("He belongs to Tamkeen, a rights group.", "Tamkeen", "ngo"),
        ("He works for Amani Kenya, a Kenyan NGO.", "Amani Kenya", "ngo"),
        ("He founded Sauti Yetu, a women's rights group.", "Sauti Yetu", "ngo"),
        ("He is a member of the indigenous community Santa Rosa de Lima.", "Santa Rosa de Lima",
         "other"),
        ("The Umoja Trust, a local charity, paid his bail.", "Umoja Trust", "ngo"),
        ("He was beaten by members of the Dalaku, the youth league of the ruling party.", "Dalaku",
         "other"),
        ("He belongs to Vela Forward, an opposition party.", "Vela Forward", "political_party"),
        ("The pro-government tabloid Kesta Glas printed his address.", "Kesta Glas", "media"),
        ("He hosts a show on the community station Radio Voz Tarla.", "Radio Voz Tarla", "media"),
        ("They raided Morva Tosk, the news website he edits, and later Morva Tosk closed.",
         "Morva Tosk", "media"),
        ("The ban on the tabloid, Kesta Glas, was lifted.", "Kesta Glas", "media"),
    ],
)  # fmt: skip
def test_a_name_an_apposition_or_a_noun_calls_a_body_is_one(
    sentence: str, name: str, kind: str
) -> None:
    text = (
        "Zendaria: Defender detained\n\n15 May 2023\n\nAli Reza, a human rights defender, was "
        f"arrested on 2 May. {sentence}\n"
    )
    record = extract_case(text, appeal_id="t")
    assert {o["name"]: o["kind"] for o in record["organisations"]}[name] == kind
    assert name not in {p["name"] for p in record["persons"]}


#: The header of the short texts below, before their one paragraph.
SHORT_HEAD = "Zendaria: Defender detained\n\n15 May 2023\n\n"


def _persons_in(paragraph: str) -> set[str]:
    """The names of the persons found in a short text of one paragraph."""
    record = extract_case(SHORT_HEAD + paragraph + "\n", appeal_id="t")
    return {p["name"] for p in record["persons"] if p["name"]}


def test_a_person_beside_an_outlet_noun_stays_a_person() -> None:
    text = (
        "Zendaria: Journalists detained\n\n15 May 2023\n\nAli Reza, a human rights defender, "
        "was arrested on 2 May. Ana Lera, the newspaper's editor, and Ivo Marsh, a newspaper "
        "editor, were questioned; Dan Kell, the news website's founder, was summoned. So was the "
        "editor of the newspaper, Tom Reed.\n"
    )
    record = extract_case(text, appeal_id="t")
    people = {"Ana Lera", "Ivo Marsh", "Dan Kell", "Tom Reed"}
    assert people <= {p["name"] for p in record["persons"]}
    assert not people & {o["name"] for o in record["organisations"]}


def test_a_name_the_text_once_shows_is_a_work_or_a_place_is_no_person_elsewhere() -> None:
    persons = _persons_in(
        "Police arrested the writer Ali Reza on 2 May over his latest novel, Dorma Velik, which "
        "the ministry banned. Reza grew up in Tarsa Mel district. We urge the authorities to "
        "allow the sale of Dorma Velik. Tarsa Mel has seen other arrests."
    )
    assert "Ali Reza" in persons
    assert not {"Dorma Velik", "Tarsa Mel"} & persons


def test_a_company_named_again_without_its_legal_form_and_a_quoted_programme_are_no_person() -> (
    None
):
    persons = _persons_in(
        "Ali Reza, a human rights defender, opposed a dam planned by the company Aguas del Norte "
        "Vela S.A. de C.V. In April, Aguas del Norte Vela filed a complaint. Reza hosts the "
        'morning programme "Voz Tarla" on Radio Kesta.'
    )
    assert persons == {"Ali Reza"}
    # near miss: a person named after "show" without quotes stays a person
    near = _persons_in(
        "The talk show Ana Lera hosts was banned, and police arrested Ali Reza on 2 May."
    )
    assert "Ana Lera" in near


def test_a_place_or_a_person_described_after_the_name_is_no_body() -> None:
    text = (
        "Zendaria: Defender detained\n\n15 May 2023\n\nAli Reza, a human rights defender, was "
        "arrested on 2 May in Kastra, a town in the north. Omar Adly, a rights activist, and "
        "Zendaria, a country of the region, were named.\n"
    )
    record = extract_case(text, appeal_id="t")
    names = {o["name"] for o in record["organisations"]}
    assert not names & {"Kastra", "Omar Adly", "Zendaria"}


def test_a_body_whose_name_opens_with_an_acronym_or_ends_with_a_complement() -> None:
    text = (
        "12 May 2025\n\nZembla: Rights group dissolved\n\nOn 4 May 2025, a court in Vela "
        "dissolved the association SOS Marin Tosk, of which Ms. Lara Fen is the secretary. "
        "Police also questioned Ms. Fen in Tosk. We call for the dissolution of SOS Marin Tosk "
        "to be reversed.\n\nSigned:\nZembla Rights Watch\nVela Legal Aid Centre\n"
        "Kosta Voices for Justice in Zembla\nTarn Valley Network\n"
    )
    record = extract_case(text, appeal_id="t-nonpersons-acronym")
    persons = [p["name"] for p in record["persons"]]
    bodies = {o["name"]: o for o in record["organisations"]}
    assert "Lara Fen" in persons
    assert "Marin Tosk" not in persons and "Kosta Voices" not in persons
    assert [e["quote"] for e in bodies["SOS Marin Tosk"]["evidence"]] == ["SOS Marin Tosk"] * 2
    assert bodies["Kosta Voices for Justice in Zembla"]["kind"] == "ngo"


@pytest.mark.parametrize("opener", ["Simultaneously", "Meanwhile", "Separately"])
def test_an_adverb_opening_a_clause_before_a_group_of_officers_is_no_body(opener: str) -> None:
    text = (
        "12 May 2023\n\nZembla: Office searched\n\nOn 18 January 2023, officers searched the "
        f"home of Ana Lee. {opener}, a second group of officers searched the office of the "
        "Vela Legal Aid Centre.\n"
    )
    record = extract_case(text, appeal_id="t-adverb")
    assert [o["name"] for o in record["organisations"]] == ["Vela Legal Aid Centre"]
