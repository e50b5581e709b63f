"""Extraction rules on small texts, and quality over the development corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from goldscore import extract_and_score

from kg import __version__
from kg.extract import dump_record, extract_case

CORPUS = Path(__file__).parents[2] / "shared" / "corpus"

APPEAL = """22 March 2021

Ruritania: Human rights defender Anna Kovacs detained

On 3 March 2021, police arrested human rights defender Ms Anna Kovacs in Zenda. The
following day, the Zenda District Court remanded her in custody for two months. She is
charged with “inciting discord” under Article 174, Part 2 of the Criminal Code.
Her lawyer, Peter Hall, appealed the decision. Two weeks later, the Supreme Court upheld it.

Ms Kovacs is the chair of the Zenda Legal Aid Society (ZLAS). Judge Karl Brandt presided.

Front Line Defenders urges the authorities in Ruritania to:

1. Immediately and unconditionally release Anna Kovacs;

2. Drop all charges against her.
"""


@pytest.fixture(scope="module")
def record() -> dict:
    return extract_case(APPEAL, appeal_id="t-001", source="t.txt")


def test_every_evidence_span_quotes_the_text(record: dict) -> None:
    spans = []
    for key in ("persons", "organisations", "places", "instruments", "events", "rights", "demands"):
        for item in record[key]:
            assert item["evidence"], f"{key} item without evidence: {item}"
            spans += item["evidence"]
            if key == "instruments":
                for prov in item["provisions"]:
                    spans += prov["evidence"]
    for ev in spans:
        assert APPEAL[ev["start"] : ev["end"]] == ev["quote"]


def test_header_and_extraction_block(record: dict) -> None:
    appeal = record["appeal"]
    assert appeal["date"] == "2021-03-22"
    assert appeal["title"] == "Ruritania: Human rights defender Anna Kovacs detained"
    assert appeal["issuer"] == "Front Line Defenders"
    assert appeal["access"] == "restricted" and appeal["reviewed"] is False
    assert record["extraction"]["tool"] == "appeals-kg"
    assert record["extraction"]["version"] == __version__
    assert record["extraction"]["input_sha256"] == appeal["sha256"]


def test_persons_with_short_forms_gender_and_roles(record: dict) -> None:
    people = {p["name"]: p for p in record["persons"]}
    anna = people["Anna Kovacs"]
    assert "Ms Kovacs" in anna["variants"]
    assert anna["gender"] == "female"
    assert anna["roles"] == ["defender"]
    assert people["Karl Brandt"]["roles"] == ["judge"]
    assert people["Peter Hall"]["roles"] == ["lawyer"]


def test_organisations_kinds_and_acronyms(record: dict) -> None:
    orgs = {o["name"]: o for o in record["organisations"]}
    assert orgs["Zenda District Court"]["kind"] == "court"
    assert orgs["Zenda Legal Aid Society"]["variants"] == ["ZLAS"]
    assert orgs["police"]["kind"] == "police"


def test_provision_with_part_and_label(record: dict) -> None:
    (code,) = [i for i in record["instruments"] if i["name"] == "Criminal Code"]
    assert code["kind"] == "criminal_code"
    (prov,) = code["provisions"]
    assert prov["article"] == "174, Part 2"
    assert prov["label"] == "Inciting discord"


def test_events_with_absolute_and_relative_dates(record: dict) -> None:
    got = [(e["type"], e["date"]) for e in record["events"]]
    assert ("arrest", "2021-03-03") in got
    assert ("detention", "2021-03-04") in got
    assert ("court_decision", "2021-03-18") in got
    assert ("appeal_filed", None) in got


def test_demands_with_addressees(record: dict) -> None:
    assert [d["summary"] for d in record["demands"]] == [
        "immediately and unconditionally release Anna Kovacs",
        "drop all charges against her",
    ]
    assert record["demands"][0]["addressees"] == ["authorities in Ruritania"]


def test_text_that_is_not_an_appeal_gives_an_empty_record() -> None:
    text = "Preheat the oven to 200 degrees. Mix flour, sugar and butter, then bake for an hour.\n"
    rec = extract_case(text, appeal_id="recipe")
    for key in ("persons", "instruments", "events", "demands"):
        assert rec[key] == [], key
    assert rec["appeal"]["date"] is None


def test_empty_text_does_not_crash() -> None:
    rec = extract_case("", appeal_id="empty")
    assert rec["persons"] == [] and rec["events"] == []


def test_dump_is_yaml_in_gold_key_order(record: dict) -> None:
    text = dump_record(record)
    assert list(yaml.safe_load(text)) == [
        "appeal", "persons", "organisations", "places", "instruments", "events", "rights",
        "demands", "extraction",
    ]  # fmt: skip
    assert yaml.safe_load(text)["persons"] == record["persons"]


# Floors on the fixed test split (data/corpus-test-split.txt), which the rules are never tuned
# on. Each floor is the F1 measured on the test split, rounded down to two decimals: a change
# that loses ground on appeals it was not written for fails here. The targets (persons
# 0.95, roles 0.90, organisations 0.85, provisions 0.95, events 0.80, participants 0.70, demands
# 0.95) are higher; docs/extraction.md reports the gap.
TEST_SPLIT_FLOORS = {
    "persons": 0.89,  # 0.895 at 4d5854f; 0.899 at 81593ef and 92d39dc (0.895 at 54bfc4b)
    "person_roles": 0.71,  # 0.719 at 2e3b3eb; 0.711 at 4d5854f; 0.714 at 81593ef (0.704 once)
    # 0.849 at 92d39dc; 0.845 at 867fbc2d (0.837 at 3d82759; 0.817 at c5c1a48; 0.772 when set)
    "organisations": 0.84,
    # 0.982 since the instrument key drops an act's year (b7ea65b; 0.945 at 695311c before it)
    "legal_provisions": 0.98,
    # 0.644 at 2e3b3eb (0.642 at a590970; 0.634 at 81593ef; 0.621 at 92d39dc; 0.610 when set)
    "events": 0.64,
    # 0.511 at 2e3b3eb (0.508 at a590970; 0.503 at 81593ef; 0.484 at 92d39dc; 0.451 when set)
    "event_participants": 0.51,
    "demands": 0.95,  # 0.955
}


@pytest.fixture(scope="module")
def corpus_report():
    if not CORPUS.is_dir():
        pytest.skip(f"development corpus not found at {CORPUS}")
    report = extract_and_score(CORPUS, "test")
    assert len(report.cases) == 12
    return report


@pytest.mark.parametrize("category", list(TEST_SPLIT_FLOORS))
def test_corpus_quality(corpus_report, category: str) -> None:
    f1 = corpus_report.totals[category].f1
    # Only the category that fell is named: the test split's full report (per category, per
    # case) is not printed, so a failing run gives no signal to tune rules on.
    assert f1 >= TEST_SPLIT_FLOORS[category], f"{category} fell below its floor on the test split"


# ---------------------------------------------------------------- rules on texts of our own

NARRATIVE = """15 June 2024

Freedonia: Lawyer Tomas Reyes held

Background

On 2 May 2024, officers of the State Security Service searched the home of lawyer Tomas Reyes
in Port Vale. They seized his laptop. The following day, the Central District Court in Port
Vale remanded him in custody. He had previously been detained in 2019.

On the evening of 14 May, his colleague Ines Olmo was arrested, his assistant on 16 May, and
his driver on 20 May. The court adjourned until 28 May. Two weeks later, the prosecutor
charged him under Sections 12A and 14 of the Public Order (Amendment) Act (POAA).
He was also charged under POAA Section 9 (unlawful assembly).
"""


@pytest.fixture(scope="module")
def narrative() -> dict:
    return extract_case(NARRATIVE, appeal_id="t-002")


def test_undated_sentence_takes_the_paragraph_date(narrative: dict) -> None:
    got = {(e["type"], e["date"]) for e in narrative["events"]}
    assert ("search", "2024-05-02") in got
    assert ("seizure", "2024-05-02") in got  # "They seized ..." continues the paragraph
    assert ("detention", "2024-05-03") in got  # "The following day"
    # "He had previously been detained": looks back, so no event on the paragraph's date
    assert not any(t == "arrest" and d and d.startswith("2024-05-0") for t, d in got)


def test_time_of_day_gapped_dates_and_adjournment(narrative: dict) -> None:
    got = [(e["type"], e["date"]) for e in narrative["events"]]
    for day in ("14", "16", "20"):
        assert ("arrest", f"2024-05-{day}") in got  # "on the evening of", then gapped dates
    assert ("trial_hearing", "2024-05-28") in got  # "adjourned until 28 May"
    assert ("charge", "2024-06-11") in got  # two weeks after the last full date


def test_sections_of_a_bracketed_act_and_acronym_before_sections(narrative: dict) -> None:
    (act,) = [i for i in narrative["instruments"] if i["name"].startswith("Public Order")]
    assert act["name"] == "Public Order (Amendment) Act"
    assert [p["article"] for p in act["provisions"]] == ["12A", "14", "9"]
    assert act["provisions"][-1]["label"] == "Unlawful assembly"


def test_body_names_without_seat_or_post(narrative: dict) -> None:
    names = {o["name"] for o in narrative["organisations"]}
    assert "Central District Court" in names  # "in Port Vale" is the seat, not the name
    assert "State Security Service" in names
    kinds = {o["name"]: o["kind"] for o in narrative["organisations"]}
    assert kinds["State Security Service"] == "security_service"


def test_head_word_comes_last_before_the_complement() -> None:
    text = (
        "1 March 2022\n\nUtopia: test\n\nShe co-founded the Open Constitution Initiative and "
        "appeared before the Riverside Law Courts. Ms Ana Lind is Vice-President of the "
        "Utopian Federation for Human Rights.\n"
    )
    rec = extract_case(text, appeal_id="t-003")
    orgs = {o["name"]: o["kind"] for o in rec["organisations"]}
    assert orgs["Open Constitution Initiative"] == "ngo"
    assert orgs["Riverside Law Courts"] == "court"
    assert "Utopian Federation for Human Rights" in orgs
    assert not [i for i in rec["instruments"] if "Constitution" in i["name"]]


# ---------------------------------------------------------------- persons and roles (round 3)

PEOPLE = """8 June 2024

Borduria: Environmental defender Tomas Weller detained after complaint by Viktor Szabo

On 2 June 2024, officers of the State Security Service arrested environmental defender
Tomas Weller in Szohod. Special SSS Judge Irena Novak of the Szohod Regional Court ordered
his detention. The following day, SSS Director Pavel Dvorak confirmed the arrest. His nephew
Karel Brun was beaten by two masked men. Another leader of the village, Olga Marek, and
union paralegal Mira Kos were also questioned.

The case was brought against him by Viktor Szabo, then National Security Adviser. Human
rights lawyer Jan Horak, who founded the Szohod Legal Forum, said the complaint was baseless.
A lawyer for Tomas Weller said he was held in the Borg Valley. Police also searched the
offices of the newspaper Szohod Daily and of the alliance Verda, and the Principal Sessions
Judge of Szohod refused bail. Lena Weller, Chairperson of Verda, spoke to the press.

Among those questioned are Tomas Weller, Olga Marek and Mira Kos. The four others are
members of Verda. Police also arrested six other accused.

Yours sincerely,

Anna Berg
Special Rapporteur on the situation of human rights defenders

Lukas Fenn
Chair of the Working Group on Arbitrary Detention
"""


@pytest.fixture(scope="module")
def people() -> dict:
    rec = extract_case(PEOPLE, appeal_id="t-004")
    return {(p["name"] or p["variants"][0]): p for p in rec["persons"]} | {"_rec": rec}


def test_posts_before_the_name_are_not_part_of_it(people: dict) -> None:
    assert people["Irena Novak"]["roles"] == ["judge"]  # "Special SSS Judge X of the Y Court"
    assert people["Pavel Dvorak"]["roles"] == ["official"]  # "SSS Director X"
    assert "Sessions Judge" not in people


def test_relatives_members_and_paralegals_named_in_apposition(people: dict) -> None:
    assert people["Karel Brun"]["roles"] == ["relative"]  # "His nephew X"
    assert people["Karel Brun"]["gender"] == "male"
    assert people["Olga Marek"]["roles"] == ["defender"]  # "Another leader of the village, X,"
    assert people["Mira Kos"]["roles"] == ["defender"]  # "union paralegal X"
    assert people["Lena Weller"]["roles"] == ["defender"]  # "X, Chairperson of Y"


def test_lawyer_who_acts_for_others_is_a_lawyer(people: dict) -> None:
    # "Human rights lawyer X" is a lawyer unless X is the one persecuted (then a defender)
    assert people["Jan Horak"]["roles"] == ["lawyer"]
    assert people["Tomas Weller"]["roles"] == ["defender"]


def test_complainant_official_and_title_agent(people: dict) -> None:
    # "brought ... by X, then National Security Adviser"; "after complaint by X" in the title
    # does not make X a defender
    assert people["Viktor Szabo"]["roles"] == ["official", "complainant"]


def test_unnamed_actors_and_groups(people: dict) -> None:
    assert people["A lawyer for Tomas Weller"]["roles"] == ["lawyer"]
    assert people["two masked men"]["roles"] == ["other"]
    assert people["the Principal Sessions Judge of Szohod"]["roles"] == ["judge"]
    assert people["The four others"]["roles"] == ["defender"]  # the rest of the list before
    assert people["six other accused"]["roles"] == ["other"]


def test_names_after_the_and_body_nouns_are_not_people(people: dict) -> None:
    assert "Borg Valley" not in people
    orgs = {o["name"]: o["kind"] for o in people["_rec"]["organisations"]}
    assert orgs["Szohod Daily"] == "media"  # "the newspaper X"
    assert orgs["Verda"] == "ngo"  # "the alliance X"


def test_signature_block_after_a_blank_line(people: dict) -> None:
    assert people["Anna Berg"]["roles"] == ["official"]
    assert people["Lukas Fenn"]["roles"] == ["official"]


# ---------------------------------------------------------------- events (round 3)

EVENTS = """3 April 2025

Estoria: Members of the Valde Rights Forum acquitted

On 1 March 2025, the Valde City Court acquitted Lidia Orsa and Paul Venn. Among those
acquitted are members of the Forum, among them the mother of the disappeared activist
Marco Orsa. In June 2024, the Ministry filed a complaint alleging that the Registry had
revoked the Forum's registration on 12 May 2019.

In March 2024, after the families asked that three students, abducted in 2021, be returned,
police arrested Lidia Orsa. Officers detained her and later remanded her in custody.
She was questioned at the station. The police questioned her again about the Forum.

On 20 January 2025, prosecutor Ana Cole charged Lidia Orsa and Paul Venn. The court
dismissed the defenders' petition the same day. The Global Rights Watch considers that the
two were prosecuted for their work.
"""


@pytest.fixture(scope="module")
def events() -> list[tuple[str, str | None]]:
    rec = extract_case(EVENTS, appeal_id="t-005")
    return [(e["type"], e["date"]) for e in rec["events"]]


def test_participles_used_as_adjectives_are_no_events(events) -> None:
    assert events.count(("acquittal", "2025-03-01")) == 1
    assert not [e for e in events if e[0] == "acquittal" and e[1] != "2025-03-01"]
    # "the disappeared activist" is no event; "three students, abducted in 2021" is one
    assert [e for e in events if e[0] == "disappearance"] == [("disappearance", "2021")]


def test_a_date_right_after_the_phrase_belongs_to_it(events) -> None:
    assert ("deregistration", "2019-05-12") in events  # "revoked ... registration on D"
    assert ("complaint", "2024-06") in events


def test_later_events_and_retold_events(events) -> None:
    assert ("arrest", "2024-03") in events
    assert ("detention", None) in events  # "and later remanded": after the date, not on it
    # the undated "questioned her again" of the same person is the same event told again
    assert events.count(("interrogation", "2024-03")) == 1


def test_charges_by_name_dismissed_petitions_and_opinions(events) -> None:
    assert ("charge", "2025-01-20") in events  # "charged Lidia Orsa"
    assert ("court_decision", "2025-01-20") in events  # "dismissed the defenders' petition"
    # "X considers that the two were prosecuted": an opinion, not an event
    assert [e for e in events if e[0] == "charge"] == [("charge", "2025-01-20")]


UNION = """14 February 2026

Zembla: Trade unionist Hamid Tarek sentenced to eight years

Hamid Tarek, Secretary General of the Zembla Workers' Union (ZWU), was arrested on 3 March
2025 at his home in Kessan. Minister of Interior Karim Haddad told the press that the union
had foreign links. Union member Layla Aziz was detained on 5 March 2025 and released two
days later. The raid on the union's office took place on 6 March 2025.

In 2023, the Ministry of Labour dissolved the independent teachers' union, and its leader,
Nadia Salem, fled the country.
"""


def test_state_posts_bodies_and_noun_events() -> None:
    rec = extract_case(UNION, appeal_id="t-006")
    people = {p["name"]: p for p in rec["persons"]}
    assert people["Karim Haddad"]["roles"] == ["official"]  # "Minister of Interior X"
    assert people["Nadia Salem"]["roles"] == ["defender"]  # "its leader, X,"
    orgs = {o["name"] for o in rec["organisations"]}
    assert "Zembla Workers' Union" in orgs
    assert not [o for o in orgs if o.startswith("Secretary")]
    got = {(e["type"], e["date"]) for e in rec["events"]}
    assert ("release", "2025-03-07") in got  # "released two days later"
    assert ("raid", "2025-03-06") in got  # "The raid on X took place on D"
    assert ("deregistration", "2023") in got  # "dissolved the ... union"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Date: 20/09/2023", "2023-09-20"),
        ("Dated: 2024-03-07", "2024-03-07"),
        ("05.11.2021", "2021-11-05"),
        ("12/31/2022", "2022-12-31"),
    ],
)
def test_numeric_header_dates(line: str, expected: str) -> None:
    text = (
        f"URGENT ALERT\n{line}\n\nFarland: Journalist A B detained\n\n"
        "On 2 May police detained A B.\n"
    )
    record = extract_case(text, appeal_id="t")
    assert str(record["appeal"]["date"]) == expected


CHARGES = """2 May 2022

Freedonia: Human rights defenders Lena Orsk, Tomas Varga and Ivo Petrak sentenced

The Observatory, a partnership of the World Organisation Against Torture (OMCT) and the
International League for Civic Rights (ILCR), asks for your urgent action.

Human rights defenders Lena Orsk, Tomas Varga and Ivo Petrak were detained on 4 January 2021
and remanded on a charge of fraud under Article 159 of the Criminal Code. In March 2021,
investigators charged them with smuggling committed by a group (Article 226, Part 3) and with
espionage (Article 275). The trial opened on 3 February 2022 before Judge Pavel Dorn. On 20 April
2022, the court found all three guilty and sentenced them to ten years in prison.

Mr Petrak is a member of the UN Human Rights Council working group. The Penal Code forbids
this; Marek Lind was charged under Article 12 of the Penal Code with forgery.

The Observatory urges the authorities of Freedonia to release them.
"""


@pytest.fixture(scope="module")
def charges() -> dict:
    return extract_case(CHARGES, appeal_id="t-charges")


def _labels(record: dict) -> dict[str, str | None]:
    return {
        p["article"]: p.get("label")
        for i in record["instruments"]
        for p in i.get("provisions") or []
    }


def test_offence_labels_before_and_after_the_article(charges: dict) -> None:
    labels = _labels(charges)
    assert labels["159"] == "Fraud"  # "on a charge of fraud under Article 159"
    assert labels["226, Part 3"] == "Smuggling committed by a group"  # "with X (Article N"
    assert labels["275"] == "Espionage"  # "and with X (Article N)"
    assert labels["12"] == "Forgery"  # "charged under Article 12 of the Code with forgery"
    kinds = {i["name"]: i["kind"] for i in charges["instruments"]}
    assert kinds["Penal Code"] == "criminal_code"


def test_group_references_and_judgments_take_the_last_charges(charges: dict) -> None:
    people = {p["name"]: p["id"] for p in charges["persons"]}
    three = sorted(people[n] for n in ("Lena Orsk", "Tomas Varga", "Ivo Petrak"))
    by_type: dict[str, dict] = {}
    for e in charges["events"]:
        by_type.setdefault(e["type"], e)
    assert sorted(by_type["charge"]["targets"]) == three  # "on a charge of"; named together before
    prov = {p["id"]: p["article"] for i in charges["instruments"] for p in i["provisions"]}
    recharged = [e for e in charges["events"] if e["type"] == "charge"][1]
    assert sorted(recharged["targets"]) == three  # "charged them": the three named last
    sentence = by_type["sentence"]
    assert sorted(sentence["targets"]) == three  # "all three"
    # "found all three guilty" cites no article: the charges last brought
    assert sorted(prov[p] for p in sentence["provisions"]) == ["226, Part 3", "275"]


def test_international_bodies_have_no_country_and_un_forms_are_variants(charges: dict) -> None:
    orgs = {o["name"]: o for o in charges["organisations"]}
    league = orgs["International League for Civic Rights"]
    assert league["country"] is None and "ILCR" in league["variants"]
    council = orgs["UN Human Rights Council"]
    assert council["country"] is None
    assert "United Nations Human Rights Council" in council["variants"]
