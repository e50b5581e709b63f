"""Participants of events: agents, targets and authority read from the clause, one general rule
a test, on made-up sentences."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract import extract_case


def _named(body: str) -> list[dict[str, Any]]:
    """Events with participants as names instead of ids."""
    text = f"5 May 2024\n\nZembla: Poet detained\n\n{body}\n"
    rec = extract_case(text, appeal_id="t")
    names = {x["id"]: x.get("name") for x in rec["persons"] + rec["organisations"]}
    return [
        {
            "type": e["type"],
            "date": e["date"],
            "agents": [names.get(x) for x in e["agents"]],
            "targets": [names.get(x) for x in e["targets"]],
            "authority": names.get(e["authority"]),
        }
        for e in rec["events"]
    ]


def _one(events: list[dict[str, Any]], etype: str, date: str = "2024-05-03") -> dict[str, Any]:
    found = [e for e in events if e["type"] == etype and e["date"] == date]
    assert len(found) == 1, events
    return found[0]


def test_a_chamber_of_a_court_is_the_body_that_decides() -> None:
    evs = _named(
        "On 3 May 2024, the Criminal Chamber of the Zembla Regional Court upheld the "
        "sentence of human rights defender Ana Lee."
    )
    decision = _one(evs, "court_decision")
    assert decision["agents"] == ["Criminal Chamber of the Zembla Regional Court"]
    assert decision["authority"] == "Criminal Chamber of the Zembla Regional Court"


def test_a_court_named_after_the_trigger_holds_the_hearing_with_its_judge() -> None:
    evs = _named(
        "The trial of human rights defender Ana Lee opened on 3 May 2024 before the Zembla "
        "City Court, with Judge Tom Reed presiding."
    )
    hearing = _one(evs, "trial_hearing")
    assert hearing["agents"][0] == "Zembla City Court"
    assert "Tom Reed" in hearing["agents"]
    assert hearing["authority"] == "Zembla City Court"
    assert hearing["targets"] == ["Ana Lee"]


def test_a_court_named_in_another_clause_after_the_trigger_is_not_taken() -> None:
    evs = _named(
        "On 2 May 2024, the Zembla City Court opened the trial of human rights defender Ana "
        "Lee. On 3 May 2024, she was sentenced to five years; her lawyer said he would appeal "
        "before the Zembla Supreme Court."
    )
    assert _one(evs, "sentence")["agents"] == ["Zembla City Court"]


def test_the_by_phrase_may_name_agents_of_a_body() -> None:
    evs = _named(
        "On 3 May 2024, human rights defender Ana Lee was arrested by agents of the Zembla "
        "State Security Service."
    )
    assert _one(evs, "arrest")["agents"] == ["Zembla State Security Service"]


def test_the_subject_of_a_passive_with_a_reflexive_is_its_target() -> None:
    evs = _named(
        "Human rights defender Ana Lee was sentenced in 2023. Her husband, Tom Reed, was "
        "himself arrested on 3 May 2024."
    )
    arrest = _one(evs, "arrest")
    assert arrest["targets"] == ["Tom Reed"]
    assert arrest["agents"] == []


def test_a_pronoun_object_is_a_target_beside_a_named_one() -> None:
    evs = _named(
        "Human rights defender Tom Reed was arrested in 2023. On 3 May 2024, the Zembla City "
        "Court sentenced him and fellow activist Ana Lee to six years in prison each."
    )
    assert set(_one(evs, "sentence")["targets"]) == {"Tom Reed", "Ana Lee"}


def test_the_possessive_her_is_no_pronoun_object() -> None:
    evs = _named(
        "Human rights defender Ana Lee was arrested in 2023. On 3 May 2024, police arrested "
        "her brother, Tom Reed."
    )
    assert _one(evs, "arrest")["targets"] == ["Tom Reed"]


def test_people_named_after_the_acting_body_are_objects_of_each_of_its_verbs() -> None:
    evs = _named(
        "On 3 May 2024, the Zembla City Court convicted Ana Lee, her brother Tom Reed and "
        "their neighbour, Eva Hart, sentenced them to two years and fined them."
    )
    sentence = _one(evs, "sentence")
    assert set(sentence["targets"]) == {"Ana Lee", "Tom Reed", "Eva Hart"}
    assert sentence["agents"] == ["Zembla City Court"]


def test_a_decision_on_his_appeal_tells_of_the_appeal() -> None:
    evs = _named(
        "On 3 March 2024, the Zembla City Court sentenced human rights defender Ana Lee to "
        "six years in prison. On 3 May 2024, the Zembla Supreme Court rejected her appeal."
    )
    appeal = _one(evs, "appeal_filed", None)
    assert appeal["agents"] == ["Ana Lee"]
    assert appeal["authority"] == "Zembla Supreme Court"
    assert _one(evs, "court_decision")["authority"] == "Zembla Supreme Court"


def test_an_appeal_told_in_its_own_words_is_not_told_twice() -> None:
    evs = _named(
        "On 3 March 2024, human rights defender Ana Lee appealed to the Zembla Supreme Court. "
        "On 3 May 2024, the Zembla Supreme Court rejected her appeal."
    )
    assert [e["type"] for e in evs].count("appeal_filed") == 1


def test_a_counted_group_takes_as_many_people_named_before_whatever_their_role() -> None:
    evs = _named(
        "On 1 March 2024, the Zembla City Court convicted human rights defender Ana Lee, her "
        "husband Tom Reed, her sister Eva Hart and their neighbour Ian Cole of trespass. On "
        "3 May 2024, the Zembla Appeals Court acquitted all four."
    )
    assert set(_one(evs, "acquittal")["targets"]) == {"Ana Lee", "Tom Reed", "Eva Hart", "Ian Cole"}


def test_a_counted_group_beside_a_named_target_adds_the_others() -> None:
    evs = _named(
        "In April 2024, human rights defender Ana Lee was arrested with three other activists, "
        "Tom Reed, Ian Cole and Max Bell. On 3 May 2024, the Zembla City Court sentenced Ana "
        "Lee to five years and the three others to two years each."
    )
    assert set(_one(evs, "sentence")["targets"]) == {"Ana Lee", "Tom Reed", "Ian Cole", "Max Bell"}


def test_a_group_explained_by_the_names_after_it_adds_no_one_else() -> None:
    evs = _named(
        "Human rights defenders Tom Reed, Ian Cole and Max Bell were tried with others. On 3 "
        "May 2024, the seven other defendants, among them Ana Lee and Eva Hart, were acquitted."
    )
    assert set(_one(evs, "acquittal")["targets"]) == {"Ana Lee", "Eva Hart"}


def test_whom_makes_the_person_before_it_the_object() -> None:
    evs = _named(
        "Human rights defender Ana Lee was arrested in 2023. Except for her husband Tom Reed, "
        "71, whom the Zembla City Court released on bail on 3 May 2024, all remain in custody."
    )
    assert _one(evs, "release")["targets"] == ["Tom Reed"]


def test_a_court_another_case_is_pending_before_does_not_decide() -> None:
    evs = _named(
        "The Zembla City Court tried human rights defender Ana Lee in 2023. On 3 May 2024, it "
        "merged the case against her, until then pending before the Borduria District Court, "
        "into its own."
    )
    assert _one(evs, "court_decision")["agents"] == ["Zembla City Court"]


def test_a_complaint_named_as_the_ground_of_a_step_is_undated_with_its_authors() -> None:
    evs = _named(
        "On 3 May 2024, the Zembla City Court opened a criminal case against human rights "
        "defender Ana Lee based on a private complaint of Tom Reed and Eva Hart."
    )
    complaint = _one(evs, "complaint", None)
    assert set(complaint["agents"]) >= {"Tom Reed", "Eva Hart"}
    assert "Ana Lee" in complaint["targets"]


def test_the_antecedent_of_who_was_is_the_target() -> None:
    evs = _named(
        "The conviction of human rights defender Ana Lee follows that of journalist Tom Reed, "
        "who was arrested on 3 May 2024 in the capital."
    )
    assert _one(evs, "arrest")["targets"] == ["Tom Reed"]


def test_the_subject_of_an_intransitive_verb_is_its_target() -> None:
    evs = _named(
        "Human rights defender Ana Lee has looked for her son for years. Her son, Tom Reed, "
        "disappeared on 3 May 2024 in the capital."
    )
    assert _one(evs, "disappearance")["targets"] == ["Tom Reed"]


def test_each_gapped_date_goes_with_the_people_before_it() -> None:
    evs = _named(
        "Human rights defender Ana Lee lost three relatives. Her nephew Tom Reed was killed "
        "on 1 March 2024, another nephew, Ian Cole, on 2 April 2024, and her son-in-law, Max "
        "Bell, on 3 May 2024."
    )
    assert _one(evs, "killing", "2024-03-01")["targets"] == ["Tom Reed"]
    assert _one(evs, "killing", "2024-04-02")["targets"] == ["Ian Cole"]
    assert _one(evs, "killing", "2024-05-03")["targets"] == ["Max Bell"]


def test_organisations_of_people_sentenced_each_do_not_sentence_them() -> None:
    evs = _named(
        "The Zembla City Court tried the defenders in 2023. On 3 May 2024, Ana Lee of the "
        "Zembla Youth Union and Tom Reed of the Zembla Poets Association were each sentenced "
        "to two years in prison."
    )
    sentence = _one(evs, "sentence")
    assert "Zembla Youth Union" not in sentence["agents"]
    assert "Zembla Poets Association" not in sentence["agents"]
    assert set(sentence["targets"]) >= {"Ana Lee", "Tom Reed"}


def test_both_men_are_the_last_two_people_events_were_told_of() -> None:
    evs = _named(
        "On 1 May 2024, police arrested the human rights defender Tom Reed. On 2 May 2024, the "
        "human rights defender Ian Cole was arrested too. Their colleague, the human rights "
        "defender Eva Hart, spoke to the press. On 3 May 2024, the Zembla City Court remanded "
        "both men in custody."
    )
    assert set(_one(evs, "detention")["targets"]) == {"Tom Reed", "Ian Cole"}


def test_who_ordered_a_step_acts_and_decides() -> None:
    evs = _named(
        "On 3 May 2024, Prosecutor General Tom Reed ordered the banks to freeze the accounts "
        "of the Zembla Rights Centre, led by human rights defender Ana Lee."
    )
    seizure = _one(evs, "seizure")
    assert seizure["agents"][0] == "Tom Reed"
    # an official whose post decides is the authority (a person may be one: shapes/event.ttl)
    assert seizure["authority"] == "Tom Reed"


def test_an_official_who_alone_takes_a_step_his_post_decides_is_its_authority() -> None:
    evs = _named(
        "On 3 May 2024, the Minister of the Interior, Tom Reed, banned the Zembla Rights "
        "Centre, led by human rights defender Ana Lee. On 4 May 2024, President Ian Cole "
        "pardoned the human rights defender Eva Hart."
    )
    ban = _one(evs, "ban")
    assert ban["agents"] == ["Tom Reed"] and ban["authority"] == "Tom Reed"
    release = _one(evs, "release", "2024-05-04")
    assert release["agents"] == ["Ian Cole"] and release["authority"] == "Ian Cole"


def test_a_police_officer_who_seizes_carries_out_and_decides_nothing() -> None:
    evs = _named(
        "On 3 May 2024, Senior Superintendent Tom Reed froze the accounts of the Zembla "
        "Rights Centre, led by human rights defender Ana Lee."
    )
    seizure = _one(evs, "seizure")
    assert seizure["agents"] == ["Tom Reed"]
    assert seizure["authority"] is None


def test_a_body_that_ordered_a_step_is_its_authority() -> None:
    evs = _named(
        "On 3 May 2024, the Zembla Prosecutor's Office ordered the banks to freeze the accounts "
        "of the Zembla Rights Centre."
    )
    seizure = _one(evs, "seizure")
    assert seizure["authority"] == "Zembla Prosecutor's Office"


def test_the_name_in_an_apposition_before_the_verb_acts() -> None:
    evs = _named(
        "On 3 May 2024, the lawyer of human rights defender Ana Lee, Mr. Tom Reed, filed an "
        "appeal with the Zembla Supreme Court."
    )
    assert "Tom Reed" in _one(evs, "appeal_filed")["agents"]


def test_it_as_subject_is_the_body_named_before() -> None:
    evs = _named(
        "On 3 May 2024, the Zembla City Court released human rights defender Ana Lee on bail. "
        "It banned her from leaving the country."
    )
    ban = _one(evs, "travel_ban")
    assert ban["agents"] == ["Zembla City Court"]
    assert ban["authority"] == "Zembla City Court"


def test_searched_premises_stand_for_their_body() -> None:
    evs = _named(
        "Human rights defender Ana Lee leads the Zembla Rights Centre. On 3 May 2024, police "
        "searched the organisation's office in the capital."
    )
    assert "Zembla Rights Centre" in _one(evs, "search")["targets"]


def test_an_acronym_the_text_defines_stands_for_its_body_later() -> None:
    evs = _named(
        "On 2 May 2024, police arrested human rights defender Ana Lee and brought her before "
        "the Zembla State Security Prosecution (ZSSP). On 3 May 2024, the ZSSP ordered her "
        "detention for 15 days."
    )
    # an ordered custody is a detention (../shared/corpus/README.md, open situations)
    detention = _one(evs, "detention")
    assert detention["agents"] == ["Zembla State Security Prosecution"]
    assert detention["authority"] == "Zembla State Security Prosecution"
    assert detention["targets"] == ["Ana Lee"]


def test_the_agency_is_the_body_of_that_head_named_before() -> None:
    evs = _named(
        "The Zembla Investigation Agency took over the case of human rights defender Ana Lee. "
        "On 3 May 2024, the agency charged Ana Lee with sedition."
    )
    charge = _one(evs, "charge")
    assert charge["agents"] == ["Zembla Investigation Agency"]
    assert charge["targets"] == ["Ana Lee"]


def test_the_prosecutors_office_is_the_prosecution_named_before() -> None:
    evs = _named(
        "On 2 May 2024, police took human rights defender Ana Lee to the Zenda Chief Public "
        "Prosecutor's Office. On 3 May 2024, the prosecutor's office released her."
    )
    release = _one(evs, "release")
    assert release["agents"] == ["Zenda Chief Public Prosecutor's Office"]
    assert release["authority"] == "Zenda Chief Public Prosecutor's Office"


def test_a_court_in_another_clause_does_not_act_for_the_agency() -> None:
    evs = _named(
        "On 2 May 2024, the Zembla City Court heard the case of human rights defender Ana Lee. "
        "On 3 May 2024, the Zembla Investigation Agency charged her with sedition, and the "
        "court remanded her in custody."
    )
    charge = _one(evs, "charge")
    assert charge["agents"] == ["Zembla Investigation Agency"]
    assert _one(evs, "detention")["agents"] == ["Zembla City Court"]


def test_both_before_a_possessive_joins_things_not_people() -> None:
    evs = _named(
        "On 1 May 2024, police arrested the journalists Tom Reed and Eva Hart. Human rights "
        "defender Ana Lee spoke up for them. On 3 May 2024, police took her from her home and "
        "searched both her home and her office."
    )
    assert _one(evs, "arrest")["targets"] == ["Ana Lee"]


def test_the_defender_as_object_is_the_defender_named_before() -> None:
    evs = _named(
        "Human rights defender Ana Lee runs a legal aid group in Zenda. On 3 May 2024, police "
        "detained the human rights defender together with her driver, Tom Reed."
    )
    assert _one(evs, "arrest")["targets"] == ["Ana Lee", "Tom Reed"]


def test_who_complained_is_no_target_of_the_case_opened_on_the_complaint() -> None:
    evs = _named(
        "Human rights defender Ana Lee writes on corruption. On 3 May 2024, the Zenda City "
        "Court opened a criminal case against her based on a private complaint of Tom Reed "
        "and Eva Hart."
    )
    opened = _one(evs, "case_opened")
    assert opened["targets"] == ["Ana Lee"]


def test_an_appeal_goes_to_the_court_whose_decision_on_it_follows() -> None:
    evs = _named(
        "On 2 May 2024, human rights defender Ana Lee appealed against her sentence. On 3 May "
        "2024, the Zembla Supreme Court rejected her appeal."
    )
    assert _one(evs, "appeal_filed", "2024-05-02")["authority"] == "Zembla Supreme Court"


def test_the_body_a_person_is_summoned_to_is_the_agent() -> None:
    evs = _named(
        "On 3 May 2024, human rights defender Ana Lee was summoned to the Zembla Police Department."
    )
    summons = _one(evs, "summons")
    assert summons["agents"] == ["Zembla Police Department"]
    assert summons["targets"] == ["Ana Lee"]


def test_a_body_named_after_a_comma_is_no_destination() -> None:
    evs = _named(
        "On 3 May 2024, human rights defender Ana Lee was summoned, and the Zembla Police "
        "Department said nothing."
    )
    assert _one(evs, "summons")["agents"] == []


def test_they_before_an_active_police_verb_is_the_body_told_before() -> None:
    evs = _named(
        "The Zembla Police Department raided the offices of the Zembla Poets Union on 2 May "
        "2024. On 3 May 2024, they detained the human rights defender Ana Lee."
    )
    arrest = _one(evs, "arrest")
    assert arrest["agents"] == ["Zembla Police Department"]
    assert arrest["targets"] == ["Ana Lee"]


def test_a_by_phrase_belongs_to_the_passive_verb_it_follows() -> None:
    evs = _named(
        "Human rights defender Ana Lee, detained by the Zembla Police Department on 3 May "
        "2024, was sentenced the same day by the Zembla City Court to ten days of detention."
    )
    arrest = _one(evs, "arrest")
    assert arrest["agents"] == ["Zembla Police Department"]
    sentence = _one(evs, "sentence")
    assert sentence["agents"] == ["Zembla City Court"]


def test_a_judge_acts_for_the_court_the_text_named_before() -> None:
    evs = _named(
        "Judge Tom Reed of the Zembla City Court opened the trial of human rights defender Ana "
        "Lee on 2 May 2024.\n\nHer health has worsened in prison.\n\nOn 3 May 2024, Judge "
        "Tom Reed rejected her request for bail."
    )
    decision = _one(evs, "court_decision")
    assert "Zembla City Court" in decision["agents"]
    assert decision["authority"] == "Zembla City Court"


def test_a_counted_group_names_its_people_though_one_is_named_in_another_clause() -> None:
    evs = _named(
        "On 1 May 2024, police arrested the activists Ana Lee, Tom Reed and Eva Hart. On 3 May "
        "2024, the president pardoned all three, but the police kept Ana Lee's passport."
    )
    assert sorted(_one(evs, "release")["targets"]) == ["Ana Lee", "Eva Hart", "Tom Reed"]


def test_an_act_of_the_state_told_without_its_object_is_done_to_the_defender() -> None:
    evs = _named(
        "Human rights defender Ana Lee heads a legal aid group in Zenda.\n\n"
        "The trial opened on 3 May 2024 before the Zenda City Court."
    )
    assert _one(evs, "trial_hearing")["targets"] == ["Ana Lee"]


def test_a_complaint_to_the_police_goes_to_that_body() -> None:
    evs = _named(
        "Human rights defender Ana Lee disappeared on 2 May 2024. On 3 May 2024, her family "
        "lodged a complaint with the Zenda City Police Department."
    )
    assert _one(evs, "complaint")["authority"] == "Zenda City Police Department"


def test_names_listed_by_semicolons_after_a_colon_are_all_targets() -> None:
    evs = _named(
        "On 3 May 2024, police arrested three journalists at their homes: Tom Reed; Ana Lee, "
        "the editor of the Zembla Daily; and Ian Cole, who runs its website."
    )
    assert set(_one(evs, "arrest")["targets"]) == {"Tom Reed", "Ana Lee", "Ian Cole"}


def test_a_semicolon_list_keeps_exact_quotes_and_a_plain_semicolon_still_splits() -> None:
    from kg.extract.text import make_doc

    text = "Police arrested two men: Tom Reed; Ian Cole. He was tried; Ana Lee was freed."
    doc = make_doc(text)
    quotes = [text[s.start : s.end] for s in doc.sentences]
    assert quotes == [
        "Police arrested two men: Tom Reed; Ian Cole.",
        "He was tried;",
        "Ana Lee was freed.",
    ]


def test_who_ordered_an_arrest_is_no_target() -> None:
    evs = _named(
        "On 3 May 2024, police arrested human rights defender Ana Lee on the orders of "
        "Governor Tom Reed."
    )
    arrest = _one(evs, "arrest")
    assert arrest["targets"] == ["Ana Lee"]
    assert "Tom Reed" in arrest["agents"]


def test_a_body_at_whose_request_a_step_was_taken_decides_it() -> None:
    evs = _named(
        "On 3 May 2024, human rights defender Ana Lee was detained at the request of the "
        "Zembla Ministry of Justice."
    )
    detention = _one(evs, "arrest")
    assert detention["targets"] == ["Ana Lee"]
    assert detention["authority"] == "Zembla Ministry of Justice"


def test_the_owner_of_a_home_searched_is_its_target() -> None:
    evs = _named(
        "On 3 May 2024, human rights defender Ana Lee of the Zembla Rights Centre was questioned. "
        "On 4 May 2024, police searched her home and her office."
    )
    search = _one(evs, "search", "2024-05-04")
    # her office, not the centre's: the one "her" points back to
    assert search["targets"] == ["Ana Lee"]


def test_the_person_named_before_s_owns_the_office_searched() -> None:
    evs = _named(
        "Human rights defender Ana Lee heads the Zembla Rights Centre. On 3 May 2024, police "
        "searched journalist Tom Reed's office."
    )
    assert _one(evs, "search")["targets"] == ["Tom Reed"]


def test_a_run_of_items_parted_by_semicolons_is_one_sentence_a_clause_is_not() -> None:
    from kg.extract.text import make_doc

    text = (
        "The complaint named Tom Reed, a lawyer; Ana Lee, a blogger; and Ian Cole. "
        "It was the spring; Sam Cole had spoken out."
    )
    doc = make_doc(text)
    assert [text[s.start : s.end] for s in doc.sentences] == [
        "The complaint named Tom Reed, a lawyer; Ana Lee, a blogger; and Ian Cole.",
        "It was the spring;",
        "Sam Cole had spoken out.",
    ]


def test_every_name_of_a_semicolon_list_without_colon_is_a_target() -> None:
    evs = _named(
        "On 3 May 2024, police arrested human rights defender Tom Reed, a lawyer; Ana Lee, a "
        "blogger; and Ian Cole, a journalist."
    )
    assert set(_one(evs, "arrest")["targets"]) == {"Tom Reed", "Ana Lee", "Ian Cole"}


def test_his_before_a_noun_trigger_names_a_target_beside_the_others() -> None:
    evs = _named(
        "On 2 May 2024, police arrested human rights defender Tom Reed.\n\n"
        "His trial, together with five co-defendants, opened on 3 May 2024 before the Zembla "
        "City Court."
    )
    assert "Tom Reed" in _one(evs, "trial_hearing")["targets"]


def test_a_lawyer_arrested_together_with_the_defender_is_a_target() -> None:
    evs = _named(
        "On 3 May 2024, human rights defender Tom Reed was arrested together with his lawyer, "
        "Ana Lee."
    )
    assert _one(evs, "arrest")["targets"] == ["Tom Reed", "Ana Lee"]


def test_a_lawyer_joined_by_and_to_the_subject_of_a_passive_is_a_target() -> None:
    evs = _named(
        "On 3 May 2024, human rights defender Tom Reed and his lawyer Ana Lee were arrested."
    )
    assert _one(evs, "arrest")["targets"] == ["Tom Reed", "Ana Lee"]


def test_the_person_named_after_husband_of_is_no_target() -> None:
    evs = _named(
        "On 3 May 2024, police arrested human rights defender Tom Reed, the husband of "
        "journalist Ana Lee."
    )
    assert _one(evs, "arrest")["targets"] == ["Tom Reed"]


def test_a_person_in_a_whose_phrase_is_no_target() -> None:
    evs = _named(
        "On 3 May 2024, police arrested journalist Tom Reed, whose lawyer Ana Lee protested."
    )
    assert _one(evs, "arrest")["targets"] == ["Tom Reed"]


def test_a_judge_named_after_but_sits_at_the_later_step() -> None:
    text = (
        "15 May 2024\n\nZembla: Poet detained\n\nOn 3 May 2024, the Zenda City Court refused "
        "Ana Lee bail, but on 9 May 2024 Judge Tom Reed of the Zembla Supreme Court granted her "
        "bail.\n"
    )
    record = extract_case(text, appeal_id="t")
    judge = next(p["id"] for p in record["persons"] if p["name"] == "Tom Reed")
    by_date = {e["date"]: e for e in record["events"] if e["type"] == "court_decision"}
    assert judge not in by_date["2024-05-03"]["agents"]
    assert judge in by_date["2024-05-09"]["agents"]


def test_the_unit_of_a_body_is_the_agent_not_the_body() -> None:
    text = (
        "5 May 2024\n\nZembla: Poet beaten\n\nOn 3 May 2024, officers of the Criminal "
        "Investigation Department (CID) of the Zenda Police beat Ana Lee at her home.\n"
    )
    record = extract_case(text, appeal_id="t")
    unit = next(o["id"] for o in record["organisations"] if o["name"].startswith("Criminal"))
    attack = next(e for e in record["events"] if e["type"] == "attack")
    assert attack["agents"] == [unit]


def test_two_bodies_not_joined_by_of_keep_the_last() -> None:
    text = (
        "5 May 2024\n\nZembla: Poet beaten\n\nOn 3 May 2024, after the Zenda Police summoned "
        "her, the State Security Service arrested Ana Lee.\n"
    )
    record = extract_case(text, appeal_id="t")
    service = next(o["id"] for o in record["organisations"] if "Security" in o["name"])
    arrest = next(e for e in record["events"] if e["type"] == "arrest")
    assert arrest["agents"] == [service]


def test_bodies_listed_as_the_subject_all_act() -> None:
    text = (
        "5 May 2024\n\nZembla: Office raided\n\nOn 3 May 2024, the Zenda Police and the State "
        "Security Service raided the office of the Zembla Rights Centre.\n"
    )
    record = extract_case(text, appeal_id="t")
    ids = {o["name"]: o["id"] for o in record["organisations"]}
    raid = next(e for e in record["events"] if e["type"] == "raid")
    assert raid["agents"] == [ids["Zenda Police"], ids["State Security Service"]]


def test_an_international_body_decides_what_it_grants() -> None:
    text = (
        "5 May 2024\n\nZembla: Poet at risk\n\nOn 3 May 2024, the Inter-American Commission on "
        "Human Rights granted precautionary measures in favour of Ana Lee.\n"
    )
    record = extract_case(text, appeal_id="t")
    body = record["organisations"][0]
    assert body["kind"] == "international_org"
    other = next(e for e in record["events"] if e["type"] == "other")
    assert (other["agents"], other["authority"]) == ([body["id"]], body["id"])


def test_her_at_the_head_of_a_paragraph_is_not_the_man_the_appeal_is_about() -> None:
    text = (
        "5 May 2024\n\nZembla: Activists detained\n\nOn 3 May 2024, police arrested human "
        "rights defenders Mr. Tom Reed and Ms. Ana Lee in Zenda.\n\nThree criminal cases were "
        "registered against her on 4 May 2024.\n"
    )
    record = extract_case(text, appeal_id="t")
    ids = {p["name"]: p["id"] for p in record["persons"]}
    case = next(e for e in record["events"] if e["type"] == "case_opened")
    assert case["targets"] == [ids["Ana Lee"]]


def test_the_police_that_charge_act_but_decide_nothing() -> None:
    text = (
        "5 May 2024\n\nZembla: Poet charged\n\nOn 3 May 2024, the Zenda City Police charged Ana "
        "Lee with insulting officials. On 4 May 2024, the Zenda City Court convicted her.\n"
    )
    record = extract_case(text, appeal_id="t")
    ids = {o["name"]: o["id"] for o in record["organisations"]}
    charge = next(e for e in record["events"] if e["type"] == "charge")
    assert charge["agents"] == [ids["Zenda City Police"]]
    assert charge["authority"] is None


def test_a_person_in_another_clause_with_its_own_verb_is_that_verbs_target() -> None:
    evs = _named(
        "Human rights defender Ana Lee was sentenced on 3 May 2024 to four years, and human "
        "rights defender Tom Reed was sentenced on 4 May 2024 to two years."
    )
    assert _one(evs, "sentence")["targets"] == ["Ana Lee"]
    assert _one(evs, "sentence", "2024-05-04")["targets"] == ["Tom Reed"]


def test_a_clause_without_a_subject_goes_on_with_the_one_before() -> None:
    evs = _named(
        "Human rights defender Ana Lee was arrested on 3 May 2024, and was charged with "
        "hooliganism on 4 May 2024."
    )
    assert _one(evs, "arrest")["targets"] == ["Ana Lee"]
    assert _one(evs, "charge", "2024-05-04")["targets"] == ["Ana Lee"]


def test_an_honorific_and_a_shared_surname_name_the_one_with_that_variant() -> None:
    evs = _named(
        "Human rights defender Ms Ana Khan leads the Zembla Rights Centre. Human rights "
        "defender Tom Reed was arrested on 2 May 2024. On 3 May 2024, police arrested Ms. Khan "
        "at her home.\n\nThe Special Rapporteur on freedom of expression, Irene Khan, has "
        "raised the case with the Government of Zembla."
    )
    assert _one(evs, "arrest")["targets"] == ["Ana Khan"]


def test_who_leads_a_banned_body_is_no_target_of_the_ban() -> None:
    evs = _named(
        "On 3 May 2024, the Zembla Ministry of Justice suspended the activities of the Zembla "
        "Rights Centre, led by human rights defender Ana Lee."
    )
    assert _one(evs, "ban")["targets"] == ["Zembla Rights Centre"]


def test_who_reports_a_step_takes_no_part_in_it() -> None:
    evs = _named(
        "On 3 May 2024, Tom Reed, a lawyer for human rights defender Ana Lee, said that "
        "police had arrested the poet Ivo Sand."
    )
    arrest = _one(evs, "arrest")
    assert "Ana Lee" not in arrest["targets"] and "Tom Reed" not in arrest["agents"]
    assert "Ivo Sand" in arrest["targets"]


def test_both_men_as_subject_of_an_appeal_are_its_agents() -> None:
    evs = _named(
        "Human rights defenders Ana Lee and Tom Reed were sentenced on 2 May 2024. On 3 May "
        "2024, both men appealed."
    )
    appeal = _one(evs, "appeal_filed")
    assert sorted(appeal["agents"]) == ["Ana Lee", "Tom Reed"] and appeal["targets"] == []


def test_the_one_named_as_a_defenders_lawyer_is_the_target() -> None:
    evs = _named("Human rights defender Ana Lee's lawyer, Tom Reed, was arrested on 3 May 2024.")
    assert _one(evs, "arrest")["targets"] == ["Tom Reed"]


def test_the_ministry_that_bans_a_body_decides_the_ban() -> None:
    evs = _named(
        "On 3 May 2024, the Zembla Ministry of Justice suspended the activities of the Zembla "
        "Rights Centre."
    )
    ban = _one(evs, "ban")
    assert ban["authority"] == "Zembla Ministry of Justice"
    assert ban["agents"] == ["Zembla Ministry of Justice"]


def test_the_police_that_search_decide_nothing() -> None:
    evs = _named("On 3 May 2024, the Zembla Police Department searched the Zembla Rights Centre.")
    assert _one(evs, "search")["authority"] is None


def test_a_court_named_beside_an_arrest_did_not_make_it() -> None:
    evs = _named(
        "On 3 May 2024, as she left the Zembla City Court, human rights defender Ana Lee was "
        "arrested by the Zembla Police Department."
    )
    arrest = _one(evs, "arrest")
    assert arrest["agents"] == ["Zembla Police Department"] and arrest["authority"] is None


def test_people_named_before_the_pronoun_subject_of_a_passive_are_not_its_targets() -> None:
    evs = _named(
        "Human rights defender Ana Lee leads the Zembla Rights Centre. On 3 May 2024, after "
        "she demanded that the poet Mr Tom Reed, abducted in 2020, be returned alive, she was "
        "charged with hooliganism."
    )
    assert _one(evs, "charge")["targets"] == ["Ana Lee"]


def test_each_of_two_verbs_keeps_its_own_object() -> None:
    evs = _named(
        "Human rights defenders Ana Lee and Tom Reed lead the Zembla Rights Centre. On 3 May "
        "2024, the Zembla City Court acquitted Tom Reed but sentenced Ana Lee to two years."
    )
    assert _one(evs, "acquittal")["targets"] == ["Tom Reed"]
    assert _one(evs, "sentence")["targets"] == ["Ana Lee"]


def test_the_body_before_which_was_is_the_target() -> None:
    events = _named(
        "Ana Lee speaks for the Zembla Lawyers Union, which was banned on 3 May 2024 as an "
        "extremist organisation by the Ministry of Justice."
    )
    ban = _one(events, "ban")
    assert ban["targets"] == ["Zembla Lawyers Union"]
    assert "Zembla Lawyers Union" not in ban["agents"]


def test_a_court_before_which_was_is_no_target() -> None:
    events = _named(
        "On 3 May 2024, the Zembla City Court sentenced Ana Lee to five years, a verdict of the "
        "Zembla City Court, which was upheld on 4 May 2024 by the Zembla Supreme Court."
    )
    decision = _one(events, "court_decision", "2024-05-04")
    assert "Zembla City Court" not in decision["targets"]


def test_it_after_the_trigger_is_the_premises_named_before() -> None:
    events = _named(
        "Tom Reed heads the Zembla Rights Centre in the capital. In the early hours of 3 May "
        "2024, two masked men climbed into the organisation's office in Zenda, and set it on "
        "fire."
    )
    assert _one(events, "attack")["targets"] == ["Zembla Rights Centre"]


def test_a_clause_without_subject_goes_on_with_the_subject_before() -> None:
    events = _named(
        "Tom Reed is a human rights defender. On 3 May 2024, two masked men climbed into his "
        "home in Zenda, and beat him."
    )
    attack = _one(events, "attack")
    assert attack["targets"] == ["Tom Reed"]
    assert attack["agents"] == [None]  # the unnamed men


def test_a_defender_subject_of_the_clause_before_is_no_agent() -> None:
    events = _named(
        "Tom Reed is a human rights defender. On 3 May 2024, Tom Reed went to the Zenda police "
        "station, and was beaten there."
    )
    assert "Tom Reed" not in _one(events, "attack")["agents"]


def test_a_ministry_announcing_a_custody_is_no_agent_of_the_arrest() -> None:
    events = _named(
        "On 3 May 2024, officers of the Zembla Security Service raided the home of Tom Reed, a "
        "human rights defender. His family heard nothing until 9 May 2024, when the Ministry "
        "of Foreign Affairs announced that he was detained in Zenda Central Prison."
    )
    for e in events:
        if e["type"] in ("arrest", "detention"):
            assert "Ministry of Foreign Affairs" not in e["agents"], e


def test_a_police_body_announcing_its_arrest_is_its_agent() -> None:
    events = _named(
        "On 3 May 2024, the Zenda Police Department announced that it had arrested Tom Reed, a "
        "human rights defender, on 2 May 2024."
    )
    assert "Zenda Police Department" in _one(events, "arrest", "2024-05-02")["agents"]


def test_a_court_named_in_what_someone_would_do_is_not_the_court_later() -> None:
    events = _named(
        "Tom Reed is a human rights defender. On 2 May 2024, Judge Ana Lee of the Zenda Special "
        "Court refused him bail. His lawyers said they would challenge the order in the Zembla "
        "High Court.\n\nOn 3 May 2024, police filed a charge sheet against him, and the court "
        "remanded him in custody."
    )
    assert "Zembla High Court" not in _one(events, "detention")["agents"]


def test_a_counted_group_of_companies_is_the_companies_named_before() -> None:
    events = _named(
        "Tom Reed is the editor of the Zembla Daily. On 2 May 2024, the minister froze the "
        "assets of Zembla Daily Limited, Zembla Printing Limited and ZD Internet Limited.\n\n"
        "On 3 May 2024, police charged Tom Reed and Ana Lee, together with the three companies, "
        "with collusion. The other three executives were released on bail."
    )
    charge = _one(events, "charge")
    assert {"Zembla Daily Limited", "Zembla Printing Limited", "ZD Internet Limited"} <= set(
        charge["targets"]
    )
    assert not any("Limited" in (t or "") for t in _one(events, "release")["targets"])


def test_they_who_acted_on_him_are_no_group_of_targets() -> None:
    events = _named(
        "Tom Reed is a defender. His wife, Ana Lee, is a journalist. On 4 May 2017, a website "
        "published an article by Max Bell naming the couple.\n\nOn 29 May 2017, men wearing "
        "police uniforms forced him into a car and beat him; after they left the city, they "
        "pulled a bag over his head."
    )
    assert _one(events, "attack", "2017-05-29")["targets"] == ["Tom Reed"]


def test_they_who_were_arrested_are_the_group() -> None:
    events = _named(
        "Tom Reed and Ana Lee are defenders. On 3 May 2024, they were arrested at his home."
    )
    assert set(_one(events, "arrest")["targets"]) == {"Tom Reed", "Ana Lee"}


def test_who_died_in_custody_is_the_target() -> None:
    events = _named("Tom Reed is a defender. On 3 April 2024, he died in custody.")
    died = _one(events, "other", "2024-04-03")
    assert died["targets"] == ["Tom Reed"]
    assert died["agents"] == []


def test_who_asked_for_a_warrant_a_judge_issued_took_no_part_in_the_arrest() -> None:
    text = (
        "9 June 2024\n\nZembla: Lawyer arrested\n\nOn 3 June 2024, Ms. Ana Lorvik was arrested in "
        "Zenda on the basis of a warrant issued by a judge at the request of the Zenda Regional "
        "Prosecutor's Office.\n"
    )
    record = extract_case(text, appeal_id="t")
    office = next(o["id"] for o in record["organisations"] if "Prosecutor" in o["name"])
    arrest = next(e for e in record["events"] if e["type"] == "arrest")
    assert office not in arrest["agents"] and arrest.get("authority") != office
    ordered = text.replace(
        "on the basis of a warrant issued by a judge at the request", "on the orders"
    )
    arrest = next(
        e for e in extract_case(ordered, appeal_id="t")["events"] if e["type"] == "arrest"
    )
    assert office in arrest["agents"]  # an order, not a request granted by another


def test_people_named_after_a_joined_verb_are_its_objects_only() -> None:
    events = _named(
        "On 3 May 2024, officers of the Zembla Security Service raided the offices of the Zenda "
        "Rights Forum during a meeting and arrested its director, Mr. Tom Reed, together with "
        "two of its members: Ana Lee and Ivo Marsh."
    )
    raid = _one(events, "raid")
    assert raid["targets"] == ["Zenda Rights Forum"]
    arrest = _one(events, "arrest")
    assert sorted(arrest["targets"]) == ["Ana Lee", "Ivo Marsh", "Tom Reed"]
    # the forum is what was raided: no agent of the arrest
    assert arrest["agents"] == ["Zembla Security Service"]


def test_verbs_joined_with_no_object_between_share_it() -> None:
    events = _named(
        "On 3 May 2024, officers of the Zembla Security Service arrested and questioned the "
        "human rights defender Ana Lee."
    )
    assert _one(events, "arrest")["targets"] == ["Ana Lee"]
    assert _one(events, "interrogation")["targets"] == ["Ana Lee"]


def test_a_co_defendant_who_received_a_term_is_a_target_of_the_judgment() -> None:
    events = _named(
        "On 3 May 2024, the Zenda City Court sentenced the poet Ana Lee to seven years in prison. "
        "Her co-defendant, the translator Tom Reed, received a three-year suspended sentence and "
        "was released in the courtroom."
    )
    # one judgment, one sentence event (the corpus convention), of both defendants
    assert sorted(_one(events, "sentence")["targets"]) == ["Ana Lee", "Tom Reed"]
    assert _one(events, "release")["targets"] == ["Tom Reed"]


def test_lifting_a_travel_ban_asked_for_is_no_ban() -> None:
    events = _named(
        "Tom Reed, a human rights defender, has been banned from travelling since he returned "
        "from Geneva. We call on the authorities to lift the travel ban on Tom Reed."
    )
    assert [e["type"] for e in events] == ["travel_ban"]
    assert events[0]["targets"] == ["Tom Reed"]


def test_subjects_listed_with_appositions_all_undergo_the_passive() -> None:
    events = _named(
        "Ana Lee is a human rights lawyer. Her husband, the engineer Tom Reed, and her colleague "
        "at the Centre, lawyer Ivo Marsh, were arrested on 3 May 2024."
    )
    assert sorted(_one(events, "arrest")["targets"]) == ["Ivo Marsh", "Tom Reed"]


def test_a_clause_before_and_with_a_verb_of_its_own_stays_a_clause() -> None:
    events = _named(
        "On 3 May 2024, police arrested the human rights defender Ana Lee, and her colleague "
        "Tom Reed was beaten."
    )
    assert _one(events, "arrest")["targets"] == ["Ana Lee"]
    assert _one(events, "attack")["targets"] == ["Tom Reed"]


def test_a_body_called_on_is_no_agent_of_a_passive_relative_clause() -> None:
    events = _named(
        "We call on the Government of Zembla to release the human rights defender Ana Lee, who "
        "was arrested in Zenda on 3 May 2024."
    )
    arrest = _one(events, "arrest")
    assert arrest["agents"] == []
    assert arrest["targets"] == ["Ana Lee"]


def test_a_body_named_by_after_a_passive_relative_clause_acts() -> None:
    events = _named(
        "We call on the Government of Zembla to release Ana Lee, a human rights defender, who "
        "was arrested by the Zembla State Security Service on 3 May 2024."
    )
    assert _one(events, "arrest")["agents"] == ["Zembla State Security Service"]


def test_the_one_a_relative_is_kin_of_is_no_target_with_an_honorific() -> None:
    events = _named(
        "Ana Lee is a human rights defender. On 3 May 2024, the son of Mr. Tom Reed, Mr. Ivo "
        "Reed, was beaten by police in Zenda."
    )
    assert _one(events, "attack")["targets"] == ["Ivo Reed"]


def test_who_saw_the_step_is_no_target_of_it() -> None:
    events = _named(
        "On 3 May 2024, police arrested the human rights defender Mr. Tom Reed at his home, in "
        "the presence of his wife, Ms. Ana Lee, and their two children."
    )
    assert _one(events, "arrest")["targets"] == ["Tom Reed"]


def test_taken_from_home_by_men_who_do_not_say_who_they_are_is_a_disappearance() -> None:
    events = _named(
        "On 3 May 2024, police arrested the human rights defender Ana Lee in Zenda. The next day, "
        "Tom Reed, a lay minister of a parish in Zenda, was taken from his home by men in plain "
        "clothes."
    )
    assert _one(events, "disappearance", "2024-05-04")["targets"] == ["Tom Reed"]


def test_them_stands_for_a_list_set_off_by_semicolons() -> None:
    events = _named(
        "Seven members of the Zenda Forum were arrested on 3 May 2024. Those arrested are the "
        "forum's spokesperson, Ana Lee; its treasurer, Tom Reed; and three volunteers: Ivo "
        "Marsh, Eva Hart and Lia Dorn. Officers of the Zembla Police charged them with unlawful "
        "assembly."
    )
    targets = set(_one(events, "charge")["targets"])
    assert {"Tom Reed", "Ivo Marsh", "Eva Hart", "Lia Dorn"} <= targets


def test_placed_in_pre_trial_detention_is_a_custody_of_the_group() -> None:
    events = _named(
        "Ana Lee, Tom Reed and Ivo Marsh, human rights defenders, were arrested on 1 May 2024 by "
        "police in Zenda. The investigating judge of the Court of Zenda, Eva Hart, placed all "
        "three in pre-trial detention on 3 May 2024."
    )
    custody = _one(events, "detention")
    assert sorted(custody["targets"]) == ["Ana Lee", "Ivo Marsh", "Tom Reed"]
    assert custody["authority"] == "Court of Zenda"


def test_a_court_issuing_arrest_warrants_decides() -> None:
    events = _named(
        "On 20 January 2024, the Criminal Court of Zenda issued arrest warrants against Ms. Ana "
        "Lee and Mr. Tom Reed, human rights defenders, for aggravated usurpation."
    )
    decision = _one(events, "court_decision", "2024-01-20")
    assert sorted(decision["targets"]) == ["Ana Lee", "Tom Reed"]
    assert decision["authority"] == "Criminal Court of Zenda"


def test_a_counted_group_is_the_people_the_next_sentence_names() -> None:
    lead = (
        "Zembla Watch is concerned about three members of the Vela Youth Forum who were "
        "arrested in Ostrava on 3 May 2024. "
    )
    evs = _named(
        lead + "Those arrested are its chair, Ana Lee; its secretary, Tom Reed; and a "
        "volunteer, Ivo Marr."
    )
    assert _one(evs, "arrest")["targets"] == ["Ana Lee", "Tom Reed", "Ivo Marr"]
    # as many names as the count says, or the list is not the group: four counted, two named
    evs = _named(
        lead.replace("three members", "four members")
        + "Those arrested include its chair, Ana Lee, and its secretary, Tom Reed."
    )
    assert _one(evs, "arrest")["targets"] == ["Ana Lee"]
    # a next sentence that does not point back names other people
    evs = _named(lead + "Zembla Watch spoke to their lawyers, Tom Reed, Ivo Marr and Lena Vik.")
    assert "Tom Reed" not in _one(evs, "arrest")["targets"]


def test_a_counted_group_set_off_by_dashes_is_the_people_it_lists() -> None:
    evs = _named(
        "On 3 May 2024, the prosecutor charged five members of the Vela Farmers' Union - its "
        "chair, Ana Lee, her son Tom Lee, and the farmers Ivo Marr, Lena Vik and Otto Brun - "
        "with rioting."
    )
    assert sorted(_one(evs, "charge")["targets"]) == [
        "Ana Lee", "Ivo Marr", "Lena Vik", "Otto Brun", "Tom Lee"
    ]  # fmt: skip


def test_two_custody_orders_of_one_sentence_each_with_its_people() -> None:
    evs = _named(
        "On 3 May 2024, the Vela District Court ordered two months of pre-trial detention for "
        "Ana Lee and Tom Reed, and placed Mr. Ivo Marr under house arrest."
    )
    held = [e for e in evs if e["type"] == "detention" and e["date"] == "2024-05-03"]
    assert sorted(sorted(e["targets"]) for e in held) == [["Ana Lee", "Tom Reed"], ["Ivo Marr"]]
    # the second clause about the same person (named only by a pronoun) is the same step
    evs = _named(
        "On 3 May 2024, the Vela District Court ordered the pre-trial detention of Ana Lee, and "
        "placed her in a cell of the Vela remand prison."
    )
    assert _one(evs, "detention")["targets"] == ["Ana Lee"]


def test_a_body_fined_is_the_fines_target() -> None:
    evs = _named(
        "On 3 May 2024, the Zembla City Court fined the newspaper Zembla Daily Voice 5,000 "
        "euros for publishing an interview with human rights defender Ana Lee."
    )
    fine = _one(evs, "fine")
    assert "Zembla Daily Voice" in fine["targets"]
    assert fine["agents"] == ["Zembla City Court"]


def test_whose_disappearance_a_complaint_reports_is_no_target_of_it() -> None:
    evs = _named(
        "Human rights defender Ana Lee was abducted in Zenda on 1 May 2024. On 3 May 2024, her "
        "family reported her disappearance to the police."
    )
    assert _one(evs, "complaint")["targets"] == []


def test_whom_a_complaint_is_against_is_its_target() -> None:
    evs = _named(
        "Human rights defender Ana Lee was abducted in Zenda on 1 May 2024. On 3 May 2024, a "
        "police officer filed a complaint against her."
    )
    assert _one(evs, "complaint")["targets"] == ["Ana Lee"]


#: Words between a group's arrest and the step told of it, naming no one, longer than a list is
#: looked back for.
_NO_NAMES = (
    "They had gone to the prosecutor's office to report that they had been followed for days "
    "by unidentified armed men, which had forced them to spend the night away from home. "
) * 4


def test_a_counted_group_with_no_list_before_it_is_the_group_last_done_to() -> None:
    evs = _named(
        "Human rights defenders Ana Lee, Tom Reed and Ivan Petrov were arrested on 1 May 2024. "
        + _NO_NAMES
        + "Karl Hess, a human rights defender who was with them, was also held and released "
        "an hour later. On 3 May 2024, the three were charged with hooliganism."
    )
    assert _one(evs, "charge")["targets"] == ["Ana Lee", "Tom Reed", "Ivan Petrov"]


def test_them_for_some_of_the_group_last_done_to_is_all_of_it() -> None:
    evs = _named(
        "Human rights defender Ana Lee, director of the Zenda Rights Centre, and two members of "
        "her team, Tom Reed and Ivan Petrov, were arrested on 1 May 2024. Karl Hess, a human "
        "rights defender who was with them, was also held and released an hour later.\n\n"
        "On 3 May 2024, the prosecutor charged them with hooliganism."
    )
    assert _one(evs, "charge")["targets"] == ["Ana Lee", "Tom Reed", "Ivan Petrov"]


def test_a_court_that_remands_on_charges_did_not_bring_them() -> None:
    evs = _named(
        "On 3 May 2024, the Zenda District Court remanded human rights defender Ana Lee in "
        "custody for two months on charges of smuggling and illegal border crossing."
    )
    charge = _one(evs, "charge")
    assert charge["targets"] == ["Ana Lee"]
    assert charge["agents"] == [] and charge["authority"] is None
    detention = _one(evs, "detention")
    assert detention["agents"] == ["Zenda District Court"]
    assert detention["authority"] == "Zenda District Court"


def test_a_court_that_charges_is_still_its_agent() -> None:
    evs = _named(
        "On 3 May 2024, the Zenda District Court charged human rights defender Ana Lee with "
        "smuggling."
    )
    charge = _one(evs, "charge")
    assert charge["agents"] == ["Zenda District Court"]
    assert charge["authority"] == "Zenda District Court"


def test_a_sentence_told_as_being_served_takes_no_court_named_before() -> None:
    evs = _named(
        "On 3 May 2024, the Zenda City Court remanded human rights defender Ana Lee in custody. "
        "She is already serving a two-year prison sentence handed down on 2 February 2023 for "
        "her part in peaceful protests."
    )
    sentence = _one(evs, "sentence", "2023-02-02")
    assert sentence["targets"] == ["Ana Lee"]
    assert sentence["agents"] == [] and sentence["authority"] is None


def test_the_court_that_sentences_is_the_last_one_named() -> None:
    evs = _named(
        "On 3 May 2024, the Zenda City Court remanded human rights defender Ana Lee in custody. "
        "On 2 February 2023 the court sentenced her to two years in prison."
    )
    sentence = _one(evs, "sentence", "2023-02-02")
    assert sentence["agents"] == ["Zenda City Court"]
    assert sentence["authority"] == "Zenda City Court"


def test_a_pronoun_takes_one_of_its_gender_before_one_of_unknown_gender() -> None:
    events = _named(
        "Poet Rina Holm was arrested on 1 May 2024. She was taken to Vela. Holm had written "
        "about the mine. Her publisher Ivo Sand said that on 3 May 2024 she was charged with "
        "treason."
    )
    # Sand, named once with no pronoun of his own, is of unknown gender; Holm is a woman
    assert _one(events, "charge")["targets"] == ["Rina Holm"]


@pytest.mark.parametrize(
    ("variant", "group"),
    [
        ("men in plain clothes", True),
        ("two men in a grey pick-up truck", True),
        ("unknown assailants", True),
        ("masked police", True),
        ("his lawyer", False),
        ("a police officer who stopped her", False),
        ("the head of the press", False),
    ],
)
def test_an_unnamed_person_described_by_a_plural_head_is_a_group(variant: str, group: bool) -> None:
    from kg.extract.arguments import _unnamed_group
    from kg.extract.entities import Entity

    assert _unnamed_group(Entity("person", None, 0, 1, variants=[variant])) is group
    assert _unnamed_group(Entity("person", "Tom Reed", 0, 1, variants=[variant])) is False


def test_a_pronoun_joined_to_a_named_subject_is_a_target_too() -> None:
    text = (
        "5 May 2024\n\nZembla: Doctor detained\n\nAna Lee is a doctor. In March 2024, she and "
        "her brother, Tom Reed, were detained for a night at Zenda police station.\n"
    )
    record = extract_case(text, appeal_id="t")
    ids = {p["name"]: p["id"] for p in record["persons"]}
    arrest = next(e for e in record["events"] if e["type"] == "arrest")
    assert set(arrest["targets"]) == {ids["Ana Lee"], ids["Tom Reed"]}


@pytest.mark.parametrize(
    ("arrested", "agents"), [("Ana Lee", ["Zembla State Security Service"]), ("Tom Reed", [])]
)
def test_a_passive_custody_step_goes_on_from_the_body_that_took_the_same_person(
    arrested: str, agents: list[str]
) -> None:
    evs = _named(
        "Ana Lee is a journalist. On 3 May 2024, the Zembla State Security Service summoned Ana "
        f"Lee to its headquarters in Zenda. {arrested} was arrested on 4 May 2024."
    )
    assert _one(evs, "arrest", "2024-05-04")["agents"] == agents


def test_a_body_named_by_a_noun_once_is_the_body_where_its_name_stands_again() -> None:
    text = (
        "12 May 2024\n\nZembla: Newsroom searched\n\nAna Lee is a reporter for the online outlet "
        "Vela Now. On 5 January 2024, police searched the offices of Vela Now and seized her "
        "laptop.\n"
    )
    record = extract_case(text, appeal_id="t-named-again")
    ids = {o["name"]: o["id"] for o in record["organisations"]}
    ids.update({p["name"]: p["id"] for p in record["persons"]})
    search = next(e for e in record["events"] if e["type"] == "search")
    assert set(search["targets"]) == {ids["Vela Now"], ids["Ana Lee"]}


def test_someone_in_front_of_whom_a_step_is_taken_is_no_target() -> None:
    evs = _named(
        "On 3 May 2024, officers arrested Tom Reed in front of his daughter, Lina Reed, and "
        "his neighbours."
    )
    arrest = _one(evs, "arrest")
    assert arrest["targets"] == ["Tom Reed"]


@pytest.mark.parametrize(
    "sentence",
    [
        "On 3 May 2024, human rights defender Ana Lee appeared before the Zembla City Court, "
        "and there she was charged with insulting a governor.",
        "On 3 May 2024, an investigating judge of the Zembla City Court charged human rights "
        "defender Ana Lee with spreading false news.",
    ],
)
def test_a_court_a_charge_is_brought_before_decides_it_and_brings_nothing(sentence: str) -> None:
    # a charge is brought by a prosecutor, the police or an investigating judge; the court it
    # is brought before (or whose judge brings it) is its authority, not its agent (a court
    # told as the subject that charges stays its agent: the test above)
    charge = _one(_named(sentence), "charge")
    assert "Zembla City Court" not in charge["agents"]
    assert charge["authority"] == "Zembla City Court"
    assert charge["targets"] == ["Ana Lee"]
