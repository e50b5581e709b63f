"""Events and their dates, one general rule a test, on made-up sentences."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract import extract_case
from kg.extract.text import make_doc


def _events(body: str, appeal_date: str = "5 May 2024") -> list[dict[str, Any]]:
    text = f"{appeal_date}\n\nZembla: Poet detained\n\n{body}\n"
    return extract_case(text, appeal_id="t")["events"]


def _pairs(body: str, appeal_date: str = "5 May 2024") -> set[tuple[str, str | None]]:
    return {(e["type"], e["date"]) for e in _events(body, appeal_date)}


def test_penalties_told_with_the_sentence_are_events_of_their_own() -> None:
    got = _pairs(
        "On 3 May 2024, the court sentenced Ana Lee to five years in prison and a fine of "
        "1,000 crowns. The court also ordered the confiscation of her laptop and the closure "
        "of her Facebook accounts."
    )
    assert {
        ("sentence", "2024-05-03"),
        ("fine", "2024-05-03"),
        ("seizure", "2024-05-03"),
        ("ban", "2024-05-03"),
    } <= got


def test_a_travel_ban_with_the_sentence() -> None:
    got = _pairs(
        "On 3 May 2024, the court sentenced Ana Lee to five years in prison, followed by a "
        "five-year travel ban."
    )
    assert ("travel_ban", "2024-05-03") in got


def test_a_penalty_the_law_allows_is_no_event() -> None:
    got = _pairs(
        "On 3 May 2024, the court sentenced Ana Lee to five years in prison. The article "
        "punishes insult with a fine of up to 1,000 crowns."
    )
    assert ("fine", "2024-05-03") not in got


def test_conviction_told_with_a_sentence_of_that_day_is_the_sentence() -> None:
    got = _pairs(
        "On 3 May 2024, the court convicted Ana Lee of insulting officials. "
        "The court sentenced her to five years in prison."
    )
    assert ("sentence", "2024-05-03") in got
    assert not any(t == "conviction" for t, _ in got)


def test_a_conviction_without_penalty_stays() -> None:
    got = _pairs("In 2011, Ana Lee was convicted for taking part in a protest.")
    assert ("conviction", "2011") in got


def test_an_undated_conviction_of_one_sentenced_on_a_date_is_that_sentence() -> None:
    events = _events(
        "On 3 May 2024, the Zenda City Court sentenced Ana Lee to five years in prison.\n\n"
        "Ana Lee, a poet, was convicted of insulting officials under Article 12 of the "
        "Criminal Code."
    )
    assert {(e["type"], e["date"]) for e in events} >= {("sentence", "2024-05-03")}
    assert not any(e["type"] == "conviction" for e in events)
    assert _one(events, "sentence")["provisions"]


def test_a_dated_conviction_of_another_person_stays() -> None:
    got = _pairs(
        "On 3 May 2024, the Zenda City Court sentenced Ana Lee to five years in prison.\n\n"
        "Tom Reed, a teacher, was convicted of insulting officials in 2020."
    )
    assert ("conviction", "2020") in got


def test_participles_sharing_a_dated_passive_take_its_day() -> None:
    got = _pairs(
        "Ana Lee was arrested on 3 May 2024, charged with sedition and remanded in custody."
    )
    assert {
        ("arrest", "2024-05-03"),
        ("charge", "2024-05-03"),
        ("detention", "2024-05-03"),
    } <= got


@pytest.mark.parametrize(
    "sentence",
    [
        "Ana Lee was arrested on 3 January 2024 by agents of the State Security Service who "
        "raided her home in Vela, confiscating her phone and books.",
        "Ana Lee was arrested on 3 January 2024 by members of the State Security Service, who "
        "raided her family home in Vela at dawn and confiscated her laptop.",
    ],
)
def test_what_the_agents_of_a_dated_step_did_next_is_of_its_day(sentence: str) -> None:
    assert ("seizure", "2024-01-03") in _pairs(sentence)


def test_a_verb_after_a_closed_relative_clause_takes_no_day_from_it() -> None:
    got = _pairs(
        "Police released Ana Lee, who was searched on 3 April 2024 by officers who raided "
        "her flat, and confiscated Tom Reed's laptop."
    )
    assert ("seizure", "2024-04-03") not in got


def test_what_was_done_where_one_was_taken_is_of_the_day_told() -> None:
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee at her home. She was taken to the Vela police "
        "station, where she was questioned for six hours without a lawyer."
    )
    assert ("interrogation", "2024-05-03") in got


def test_what_was_done_where_one_was_held_is_of_no_day() -> None:
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee at her home. She was held at Vela prison, "
        "where she was questioned without a lawyer."
    )
    assert ("interrogation", "2024-05-03") not in got


def test_a_harm_said_to_follow_if_one_keeps_speaking_is_a_threat() -> None:
    got = _pairs(
        "On 3 May 2024, an officer visited Ana Lee's mother and told her that her daughter "
        "would never see daylight if she kept talking to journalists."
    )
    assert ("threat", "2024-05-03") in got


def test_a_forecast_told_by_a_lawyer_is_no_threat() -> None:
    got = _pairs(
        "On 3 May 2024, her lawyer told reporters that Ana Lee would appeal if the court "
        "upheld the verdict."
    )
    assert not any(t == "threat" for t, _ in got)


def test_a_person_transferred_to_a_place_named_is_a_custody() -> None:
    got = _pairs("On 3 May 2024, Ana Lee was transferred to Penal Colony No. 4 in Homiel.")
    assert ("detention", "2024-05-03") in got


def test_a_case_transferred_to_a_court_is_no_custody() -> None:
    got = _pairs("On 3 May 2024, the case of Ana Lee was transferred to the Vela Regional Court.")
    assert not any(t == "detention" for t, _ in got)


def test_an_accusation_with_its_article_in_brackets_is_a_charge() -> None:
    got = _pairs(
        "On 3 May 2024, the Public Prosecutor's Office accused Ana Lee of usurpation "
        "(Article 256 of the Penal Code)."
    )
    assert ("charge", "2024-05-03") in got


def test_an_official_accusing_a_group_in_words_is_no_charge() -> None:
    got = _pairs(
        "On 3 May 2024, the Minister of Information accused civil society organisations of "
        '"spreading rumours" about the elections.'
    )
    assert not any(t == "charge" for t, _ in got)


def test_a_forced_eviction_is_an_event_of_type_other() -> None:
    got = _pairs(
        "On 3 May 2024, police officers and company guards evicted some 40 families from the "
        "Vela settlement."
    )
    assert ("other", "2024-05-03") in got


def test_an_eviction_told_with_a_raid_is_that_raid_and_families_evicted_are_no_step() -> None:
    got = _pairs(
        "On 3 May 2024, police raided the disputed land and evicted some 40 families. The "
        "Vela Land Network supports families evicted from their land."
    )
    assert ("raid", "2024-05-03") in got
    assert not any(t == "other" for t, _ in got)


def test_a_present_perfect_takes_no_day_of_another_clause() -> None:
    got = _pairs(
        "Zembla signed the Covenant in 2008 but has not ratified it, and the Ministry of "
        "Culture has refused to register the Vela Rights Network."
    )
    assert ("other", None) in got
    assert ("other", "2008") not in got


def test_a_present_perfect_keeps_the_day_of_its_own_clause() -> None:
    got = _pairs("On 3 May 2024, the Ministry of Culture has refused to register the magazine.")
    assert ("other", "2024-05-03") in got


def test_a_travel_ban_told_by_who_stopped_the_person() -> None:
    got = _pairs(
        "In April 2024, Tom Reed was prevented by border police at the port of Vela from "
        "boarding a ferry to Borduria."
    )
    assert ("travel_ban", "2024-04") in got


def test_an_order_not_to_leave_a_room_is_no_travel_ban() -> None:
    got = _pairs("On 3 May 2024, the judge ordered the observers not to leave the courtroom.")
    assert not any(t == "travel_ban" for t, _ in got)


def test_a_trigger_in_an_item_of_a_list_of_demands_tells_no_event() -> None:
    events = _events(
        "On 3 May 2024, police arrested Ana Lee.\n\n"
        "Zembla Watch urges the authorities of Zembla to:\n"
        "- Release Ana Lee immediately;\n"
        "- Investigate the allegation that Ana Lee was beaten in custody;\n"
        "- Stop harassing her family."
    )
    assert not any(e["type"] == "attack" for e in events)


def test_a_call_in_prose_still_tells_the_hearing_it_names() -> None:
    got = _pairs(
        "Zembla Watch calls on the authorities to drop all charges against Ana Lee, who is due "
        "to stand trial before the Vela City Court on 14 May 2024.",
        appeal_date="5 May 2024",
    )
    assert ("trial_hearing", "2024-05-14") in got


def test_time_given_to_leave_the_country_is_an_expulsion_not_a_ban() -> None:
    got = _pairs(
        "On 3 May 2024, Ana Lee was given 24 hours to leave the country and banned from "
        "re-entering for five years."
    )
    assert ("other", "2024-05-03") in got
    assert not any(t == "ban" for t, _ in got)


def test_days_given_to_the_police_are_no_expulsion() -> None:
    got = _pairs("On 3 May 2024, the court gave the police two days to complete the investigation.")
    assert not any(t == "other" for t, _ in got)


def test_a_step_at_the_end_of_a_search_is_of_the_search_day() -> None:
    got = _pairs(
        "On 2 April 2024, officers searched the office of the Vela Rights Centre. The warrant "
        "referred to posts published in March 2024. At the end of the search, Ana Lee was "
        "arrested."
    )
    assert ("arrest", "2024-04-02") in got
    assert ("arrest", "2024-03") not in got


def test_a_step_after_a_search_named_in_passing_keeps_its_own_day() -> None:
    got = _pairs(
        "On 2 April 2024, officers searched the office of the Vela Rights Centre. After the "
        "search, on 4 April 2024, Ana Lee was arrested."
    )
    assert ("arrest", "2024-04-04") in got


def test_a_step_with_its_own_subject_after_a_dated_passive_is_no_participle_of_it() -> None:
    got = _pairs("Ana Lee was arrested on 3 May 2024, after she was charged with sedition.")
    assert ("charge", "2024-05-03") not in got


def test_the_opening_date_governs_a_later_clause_without_date() -> None:
    got = _pairs(
        "On 3 May 2024, the court convicted Ana Lee for a speech she gave on 1 June 2020, "
        "and sentenced her to two years in prison."
    )
    assert ("sentence", "2024-05-03") in got
    assert ("sentence", "2020-06-01") not in got


def test_a_day_without_year_takes_the_year_the_sentence_opens_with() -> None:
    got = _pairs(
        "On 3 March 2024, the court convicted Ana Lee for a speech she gave on 1 June 2020, "
        "and sentenced her to two years in prison. On 30 March, the appeal court rejected "
        "her request for bail."
    )
    assert ("court_decision", "2024-03-30") in got


@pytest.mark.parametrize("when", ["the same evening", "that night", "the same day"])
def test_the_same_evening_is_the_day_of_the_anchor(when: str) -> None:
    got = _pairs(f"Police arrested Ana Lee on 3 May 2024. She was released {when}.")
    assert ("release", "2024-05-03") in got


@pytest.mark.parametrize(
    ("sentence", "etype"),
    [
        ("On 3 May 2024, police searched her office and took two laptops and a phone.", "seizure"),
        ("On 3 May 2024, her phone and documents were taken.", "seizure"),
        ("On 3 May 2024, the prosecutor ordered banks to freeze the accounts of the union.",
         "seizure"),
        ("On 3 May 2024, the prosecutor imposed a ban on travel abroad.", "travel_ban"),
        ("On 3 May 2024, the union was banned as an extremist organisation.", "ban"),
        ("On 3 May 2024, the minister suspended the activities of the union.", "ban"),
    ],
)  # fmt: skip
def test_general_triggers(sentence: str, etype: str) -> None:
    assert (etype, "2024-05-03") in _pairs(sentence)


def test_a_ban_on_travel_is_no_general_ban() -> None:
    got = _pairs("On 3 May 2024, the prosecutor imposed a ban on travel abroad.")
    assert ("ban", "2024-05-03") not in got


@pytest.mark.parametrize(
    ("sentence", "etype"),
    [
        ("On 3 May 2024, Ana Lee was detained by police in the capital.", "arrest"),
        ("On 3 May 2024, officers picked up Ana Lee at her home.", "arrest"),
        ("On 3 May 2024, Ana Lee was transferred from the city jail to a prison in the north.",
         "detention"),
        ("On 3 May 2024, the court sent her back to the prison ward.", "detention"),
        ("On 3 May 2024, the court refused Ana Lee bail.", "court_decision"),
        ("On 3 May 2024, her request for bail was rejected.", "court_decision"),
        ("On 3 May 2024, the appeal court confirmed the prison sentence.", "court_decision"),
        ("On 3 May 2024, the first hearing took place.", "trial_hearing"),
        ("On 3 May 2024, the appeal was heard by three judges.", "trial_hearing"),
        ("On 3 May 2024, Ana Lee was charged at a closed hearing with treason.", "charge"),
        ("On 3 May 2024, the prosecutor referred the case to the Criminal Court.", "charge"),
        ("On 3 May 2024, the president pardoned Ana Lee.", "release"),
    ],
)  # fmt: skip
def test_more_general_triggers(sentence: str, etype: str) -> None:
    assert (etype, "2024-05-03") in _pairs(sentence)


def test_remaining_detained_is_no_arrest() -> None:
    got = _pairs("On 3 May 2024, she was sent to prison, where she remained detained.")
    assert ("arrest", "2024-05-03") not in got


def test_an_adjourned_hearing_is_a_hearing_that_day_and_one_set_for_the_new_date() -> None:
    got = _pairs("On 3 April 2024, the judge adjourned the case to 2 May 2024.")
    assert {("trial_hearing", "2024-04-03"), ("trial_hearing", "2024-05-02")} <= got


def test_the_hearing_an_event_closes_is_no_new_hearing() -> None:
    got = _pairs("On 3 May 2024, at the close of the first hearing, the court released Ana Lee.")
    assert ("release", "2024-05-03") in got
    assert ("trial_hearing", "2024-05-03") not in got


def test_days_after_the_arrest_count_from_the_arrest() -> None:
    got = _pairs(
        "Police arrested Ana Lee on 3 April 2024. Eleven days after her arrest, a court "
        "remanded her in custody."
    )
    assert ("detention", "2024-04-14") in got


def test_a_step_on_the_day_of_an_event_told_before_takes_its_day() -> None:
    got = _pairs(
        "On 6 April 2024, officers detained Ana Lee. On 8 April 2024 a judge placed her in "
        "pre-trial detention. Her detention was extended in May. During the search of her flat "
        "on the day of her arrest, investigators confiscated her notebooks.",
        appeal_date="5 June 2024",
    )
    assert ("seizure", "2024-04-06") in got and ("seizure", "2024-05") not in got
    # near miss: the day of an arrest the text never dates gives no day
    got = _pairs(
        "On 3 May 2024 Ana Lee was charged. On the day of her arrest, investigators "
        "confiscated her notebooks.",
        appeal_date="5 June 2024",
    )
    assert not any(t == "seizure" and d and d != "2024-05-03" for t, d in got)


def test_things_taken_away_after_and_and_a_body_found_on_a_day() -> None:
    got = _pairs(
        "On 3 April 2024, officers raided the office, breaking the door and taking away two "
        "laptops. Tom Reed went missing on 28 April 2024. His body was found on 2 May 2024 in "
        "a forest."
    )
    assert {("seizure", "2024-04-03"), ("killing", "2024-05-02")} <= got
    # near miss: a body found with no day of its own tells no day of the killing
    got = _pairs("Tom Reed was shot on 28 April 2024. His body was found some time afterwards.")
    assert not any(t == "killing" for t, _ in got)


def _named(body: str) -> list[dict[str, Any]]:
    """Events with participants as names instead of ids."""
    text = f"5 May 2024\n\nZembla: Poet detained\n\n{body}\n"
    rec = extract_case(text, appeal_id="t")
    names = {x["id"]: x.get("name") for x in rec["persons"] + rec["organisations"]}
    out = []
    for e in rec["events"]:
        out.append(
            {
                "type": e["type"],
                "date": e["date"],
                "agents": [names.get(x) for x in e["agents"]],
                "targets": [names.get(x) for x in e["targets"]],
                "authority": names.get(e["authority"]),
            }
        )
    return out


def _one(events: list[dict[str, Any]], etype: str) -> dict[str, Any]:
    found = [e for e in events if e["type"] == etype]
    assert len(found) == 1, events
    return found[0]


def test_a_court_event_without_a_named_court_is_the_last_court_of_the_paragraph() -> None:
    evs = _named(
        "On 2 May 2024, the Zembla City Court opened the trial of human rights defender "
        "Ana Lee. On 3 May 2024, she was sentenced to five years in prison."
    )
    sentence = _one(evs, "sentence")
    assert sentence["agents"] == ["Zembla City Court"]
    assert sentence["authority"] == "Zembla City Court"
    assert sentence["targets"] == ["Ana Lee"]


def test_police_arrest_has_no_authority() -> None:
    evs = _named("On 3 May 2024, the Zembla Police arrested human rights defender Ana Lee.")
    arrest = _one(evs, "arrest")
    assert arrest["agents"] == ["Zembla Police"]
    assert arrest["authority"] is None


def test_people_named_in_the_clause_are_targets_whatever_their_role() -> None:
    evs = _named(
        "Human rights defender Ana Lee lives in the capital. On 3 May 2024, her brother "
        "Tom Reed and her neighbour Eva Hart were arrested, while she was abroad."
    )
    assert set(_one(evs, "arrest")["targets"]) == {"Tom Reed", "Eva Hart"}


def test_an_event_without_named_targets_goes_on_with_the_last_ones() -> None:
    evs = _named(
        "On 2 May 2024, police arrested human rights defender Ana Lee. On 4 May 2024, the "
        "Zembla City Court remanded the poet in custody for two months."
    )
    assert _one(evs, "detention")["targets"] == ["Ana Lee"]


def test_a_dateline_date_is_no_event_date() -> None:
    text = (
        "Zembla: Poet detained\n\nGENEVA, 5 May 2024 – Human rights defender Ana Lee was "
        "arrested by police, her family said.\n"
    )
    got = {(e["type"], e["date"]) for e in extract_case(text, appeal_id="t")["events"]}
    assert ("arrest", "2024-05-05") not in got


def test_an_undated_retelling_of_a_dated_event_is_the_same_event() -> None:
    got = _events(
        "Human rights defender Ana Lee has been sentenced to five years in prison.\n\n"
        "On 3 May 2024, the Zembla City Court sentenced Ana Lee to five years in prison."
    )
    assert [(e["type"], e["date"]) for e in got if e["type"] == "sentence"] == [
        ("sentence", "2024-05-03")
    ]


@pytest.mark.parametrize(
    ("sentence", "etype"),
    [
        ("On 3 May 2024, Ana Lee went on hunger strike in prison.", "other"),
        ("On 3 May 2024, her appeal was lodged with the Supreme Court.", "appeal_filed"),
        ("On 3 May 2024, a complaint was filed with the prosecutor.", "complaint"),
        ("On 3 May 2024, her family reported her disappearance to the police.", "complaint"),
        ("On 3 May 2024, shots were fired at her car.", "attack"),
        ("On 3 May 2024, the police opened a criminal investigation.", "investigation"),
        ("On 3 May 2024, the court ordered the police to investigate the case again.",
         "investigation"),
    ],
)  # fmt: skip
def test_triggers_of_complaints_attacks_and_inquiries(sentence: str, etype: str) -> None:
    assert (etype, "2024-05-03") in _pairs(sentence)


def test_a_complaint_told_in_passing_is_undated() -> None:
    got = _pairs(
        "On 3 May 2024, acting on a petition filed by her father, the High Court ordered a "
        "medical examination."
    )
    assert ("complaint", None) in got
    assert ("complaint", "2024-05-03") not in got


def test_a_few_hours_later_is_the_same_day() -> None:
    got = _pairs("Police arrested Ana Lee on 3 May 2024. She was released a few hours later.")
    assert ("release", "2024-05-03") in got


@pytest.mark.parametrize(
    "sentence",
    [
        "Her trial before the Zembla Regional Court (ZRC) in the capital opened on 3 May 2024.",
        "Her trial, together with nine co-defendants, opened on 3 May 2024.",
        "Her appeal had been heard in the capital on 3 May 2024.",
    ],
)
def test_trials_opened_and_appeals_heard(sentence: str) -> None:
    assert ("trial_hearing", "2024-05-03") in _pairs(sentence)


def test_two_days_joined_share_the_year_given_once() -> None:
    got = _pairs(
        "In 2020, Ana Lee spoke at a rally. She is serving prison terms handed down on "
        "April 16 and May 28, 2021."
    )
    assert {("sentence", "2021-04-16"), ("sentence", "2021-05-28")} <= got


def test_the_subject_of_an_active_verb_and_the_by_phrase_of_a_passive_one_act() -> None:
    evs = _named(
        "On 3 May 2024, the Zembla Youth Union filed a complaint against human rights "
        "defender Ana Lee. On 4 May 2024, Ana Lee was threatened by the Zembla Patriots "
        "Association."
    )
    complaint = _one(evs, "complaint")
    assert complaint["agents"] == ["Zembla Youth Union"]
    assert complaint["targets"] == ["Ana Lee"]
    threat = _one(evs, "threat")
    assert threat["agents"] == ["Zembla Patriots Association"]
    assert threat["targets"] == ["Ana Lee"]


def test_the_court_an_appeal_goes_to_is_its_authority() -> None:
    evs = _named(
        "On 3 May 2024, human rights defender Ana Lee appealed to the Zembla Supreme Court."
    )
    assert _one(evs, "appeal_filed")["authority"] == "Zembla Supreme Court"


@pytest.mark.parametrize(
    "sentence",
    [
        "On 3 May 2024, none of the four was taken into custody.",
        "Since 3 May 2024, visitors are searched thoroughly at the prison gate.",
        "We call for Ana Lee to be freed; on 3 May 2024 we asked that she is released.",
        "On 3 May 2024, the minister said convicted persons serve their terms near home.",
    ],
)
def test_negated_habitual_and_adjectival_uses_are_no_events(sentence: str) -> None:
    got = _pairs(sentence)
    assert not got & {
        ("arrest", "2024-05-03"),
        ("search", "2024-05-03"),
        ("release", "2024-05-03"),
        ("conviction", "2024-05-03"),
    }


def test_he_is_charged_reports_the_charge() -> None:
    assert ("charge", None) in _pairs("Ana Lee is charged with possessing drugs.")


def test_who_complains_or_strikes_acts_for_themselves() -> None:
    evs = _named(
        "On 3 May 2024, human rights defender Ana Lee filed a complaint against the police. "
        "On 4 May 2024, she went on hunger strike."
    )
    complaint = _one(evs, "complaint")
    assert complaint["agents"] == ["Ana Lee"] and complaint["targets"] == []
    strike = _one(evs, "other")
    assert strike["agents"] == ["Ana Lee"] and strike["targets"] == []


def test_the_steps_of_one_operation_share_its_agents() -> None:
    evs = _named(
        "On 3 May 2024, the Zembla Police raided the office of the Zembla Poets Union. "
        "Human rights defender Ana Lee was detained there the same day."
    )
    assert _one(evs, "raid")["agents"] == ["Zembla Police"]
    assert _one(evs, "arrest")["agents"] == ["Zembla Police"]


def test_passive_verbs_joined_by_and_each_keep_their_own_by_agent() -> None:
    evs = _named(
        "On 3 May 2024, lawyer Ana Lee was arrested by the Zenda Police and charged by the "
        "Zenda Prosecutor's Office with treason."
    )
    assert _one(evs, "arrest")["agents"] == ["Zenda Police"]
    assert _one(evs, "charge")["agents"] == ["Zenda Prosecutor's Office"]
    evs = _named(
        "On 3 May 2024, lawyer Ana Lee was charged with treason by the Zenda Prosecutor's "
        "Office and remanded in custody by the Zenda City Court."
    )
    assert _one(evs, "charge")["agents"] == ["Zenda Prosecutor's Office"]
    detention = _one(evs, "detention")
    assert detention["agents"] == ["Zenda City Court"]
    assert detention["authority"] == "Zenda City Court"
    # "by" goes with the verb it follows, as the gold reads it: "was stopped at
    # the airport and questioned by officers of X" says who questioned, not who stopped
    evs = _named(
        "On 3 May 2024, lawyer Ana Lee was arrested and charged by the Zenda Prosecutor's Office."
    )
    assert _one(evs, "charge")["agents"] == ["Zenda Prosecutor's Office"]
    assert _one(evs, "arrest")["agents"] == []


def test_those_who_took_a_person_held_them_and_kept_them_unheard_of() -> None:
    held = _named(
        "On 3 May 2024, officers of the Zembla Police raided the home of human rights defender "
        "Ana Lee, arrested her and seized her laptop. They then took her to her office and "
        "searched it. She was then held at the Central Police Station."
    )
    assert _one(held, "detention")["agents"] == ["Zembla Police"]
    unheard = _named(
        "On 3 May 2024, officers of the Zembla Police arrested human rights defender Ana Lee "
        "at her home. Her whereabouts remained unknown until 5 May."
    )
    assert _one(unheard, "disappearance")["agents"] == ["Zembla Police"]


def test_a_person_the_operation_did_not_take_is_not_held_by_it() -> None:
    held = _named(
        "On 3 May 2024, officers of the Zembla Police raided the home of human rights defender "
        "Ana Lee, arrested her and seized her laptop. They then took her to her office and "
        "searched it. Her colleague, journalist Tom Reed, was held at the Central Police "
        "Station."
    )
    assert _one(held, "detention")["agents"] == []
    unheard = _named(
        "On 3 May 2024, officers of the Zembla Police arrested human rights defender Ana Lee "
        "at her home. Her colleague, journalist Tom Reed, was held at the central police "
        "station the same day. His whereabouts remained unknown until 5 May."
    )
    assert _one(unheard, "disappearance")["agents"] == []


def test_what_happened_during_custody_does_not_take_the_date_of_the_arrest() -> None:
    got = _pairs(
        "On 3 May 2024, police arrested human rights defender Ana Lee. She was held at the "
        "central police station, where officers allegedly beat her."
    )
    assert ("arrest", "2024-05-03") in got
    assert ("attack", "2024-05-03") not in got


def test_an_unknown_whereabouts_is_a_disappearance() -> None:
    got = _pairs(
        "On 3 May 2024, Ana Lee was arrested by police at her office, and taken to an "
        "unknown location. For two days, her family had no information on her whereabouts."
    )
    assert ("disappearance", "2024-05-03") in got


def test_an_order_prohibiting_a_body_from_gathering_is_a_ban_not_a_court_decision() -> None:
    got = _pairs(
        "On 29 April 2024, the magistrate issued an order prohibiting the Vela Mothers' "
        "Collective from holding any gathering near the court. On 2 May 2024, the governor "
        "issued a decision suspending all activities of the Vela Rights Network."
    )
    assert {("ban", "2024-04-29"), ("ban", "2024-05-02")} <= got
    assert ("court_decision", "2024-05-02") not in got


def test_a_decision_a_judge_issues_is_still_a_court_decision() -> None:
    # near miss: a ruling issued, no ban ordered by it
    got = _pairs("On 2 May 2024, the judge issued a decision rejecting Ana Lee's appeal.")
    assert ("court_decision", "2024-05-02") in got


def test_a_gathering_banned_is_a_ban_on_no_person() -> None:
    events = _events(
        "On 3 May 2024, police banned the march of the Vela Rights Network. On 4 May 2024, "
        "police arrested Ana Lee at the march.",
        "5 May 2024",
    )
    bans = [e for e in events if e["type"] == "ban"]
    assert [e["date"] for e in bans] == ["2024-05-03"]
    assert all(not t.startswith("p") for e in bans for t in e["targets"])


def test_a_relative_clauses_date_is_not_the_main_verbs_after_it() -> None:
    # "which had banned the march two days earlier" closes with a comma; the verb after it is
    # the main clause's and does not take that clause's day
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee and six others at the protest. Officers of the "
        "Zenda Police, which had banned the march two days earlier, charged them with unlawful "
        "gathering."
    )
    assert ("ban", "2024-05-01") in got
    assert ("charge", "2024-05-01") not in got


def test_verbs_listed_after_a_comma_outside_a_relative_clause_share_its_day() -> None:
    # near miss: no relative clause before the comma, the verbs share the subject and the day
    got = _pairs(
        "On 2 May 2024, police arrested Ana Lee, charged her with sedition and remanded her."
    )
    assert ("charge", "2024-05-02") in got


def test_an_arraignment_told_with_the_charge_is_the_charge() -> None:
    got = _pairs(
        "On 19 April 2024, Ana Lee and Tom Reed were arraigned before the Vela Chief "
        "Magistrate's Court and charged with unlawful assembly."
    )
    assert ("charge", "2024-04-19") in got
    assert ("trial_hearing", "2024-04-19") not in got


def test_an_arraignment_told_alone_is_a_hearing() -> None:
    # near miss: no charge read out in the same clause
    got = _pairs("On 19 April 2024, Ana Lee and Tom Reed were arraigned before the Vela court.")
    assert ("trial_hearing", "2024-04-19") in got


def test_a_committal_order_puts_the_person_in_custody() -> None:
    got = _pairs(
        "On 3 May 2024, the prosecutor charged Ana Lee. The same day, an investigating judge "
        "placed her under committal order (mandat de dépôt) in Vela prison."
    )
    assert ("detention", "2024-05-03") in got


def test_a_committal_order_asked_for_is_no_custody() -> None:
    # near miss: the order is asked for and refused, not made
    got = _pairs(
        "On 3 May 2024, the prosecutor charged Ana Lee and asked the judge for a committal "
        "order, which the judge refused."
    )
    assert ("detention", "2024-05-03") not in got


def test_a_family_that_did_not_know_where_the_person_was_tells_a_disappearance() -> None:
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee at her office. Her family did not know where "
        "she was for five days."
    )
    assert ("disappearance", "2024-05-03") in got
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee at her office. For three days, her family was "
        "unable to find out where she was being held."
    )
    assert ("disappearance", "2024-05-03") in got


def test_not_knowing_where_a_person_was_going_is_no_disappearance() -> None:
    # near miss: where she was going, or what she was told, is no whereabouts kept from anyone
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee at her office. Her family did not know where "
        "she was going that morning."
    )
    assert not any(t == "disappearance" for t, _ in got)


def test_a_participle_joined_by_and_goes_on_with_the_date_of_the_first_verb() -> None:
    got = _pairs(
        "Ana Lee was arrested on 1 May 2024 at her office in the capital, together with her "
        "driver, and taken to the central prison. Her driver was arrested on 1 May 2024, and "
        "freed on bail on 4 May 2024."
    )
    assert ("detention", "2024-05-01") in got
    assert ("release", "2024-05-04") in got
    assert ("release", "2024-05-01") not in got


def test_charges_told_as_standing_are_undated_charges() -> None:
    got = _pairs(
        "On 3 May 2024, the trial of human rights defender Ana Lee opened. On that day, she "
        "pleaded not guilty to charges of sedition. Tom Reed is also on trial for insulting "
        "an official. The accused face charges under the Penal Code."
    )
    assert ("charge", None) in got
    assert ("charge", "2024-05-03") not in got


def test_a_transfer_between_prisons_is_custody() -> None:
    got = _pairs(
        "Ana Lee was transferred on 2 May 2024 from the central prison to Zenda Prison. On 4 "
        "May 2024, she was taken to the Zenda Remand Prison."
    )
    assert {("detention", "2024-05-02"), ("detention", "2024-05-04")} <= got


def test_on_that_date_is_the_day_last_named() -> None:
    got = _pairs(
        "On 2 April 2024, a court remanded Ana Lee until 20 April; on that date her remand "
        "was extended to 4 May."
    )
    assert ("detention", "2024-04-20") in got


def test_the_issuers_comment_and_links_to_other_documents_tell_no_event() -> None:
    got = _pairs(
        "On 3 May 2024, police arrested human rights defender Ana Lee.\n\nWe express serious "
        "concern that Ms. Lee has been sentenced for her peaceful work.\n\nRead more: Zembla: "
        "poet Tom Reed detained in the capital (4 May 2024)"
    )
    assert got == {("arrest", "2024-05-03")}


@pytest.mark.parametrize(
    ("sentence", "etype"),
    [
        ("On 3 May 2024, the body of Ana Lee was found near the river.", "killing"),
        ("On 3 May 2024, unidentified men fired shots at Ana Lee's car.", "attack"),
        (
            "On 3 May 2024, the High Court first heard the bail petition of Ana Lee.",
            "trial_hearing",
        ),
        ("On 3 May 2024, the court granted an application by Ana Lee.", "court_decision"),
    ],
)
def test_body_found_shots_fired_petitions_heard_and_applications_granted(
    sentence: str, etype: str
) -> None:
    assert (etype, "2024-05-03") in _pairs(sentence)


def test_a_participle_naming_people_or_things_by_an_event_tells_no_event() -> None:
    got = _pairs(
        "On 3 May 2024, human rights defender Ana Lee and about twenty other detainees "
        "arrested in connection with the protests appeared in court. The court examined "
        "the devices seized from her office."
    )
    assert ("arrest", "2024-05-03") not in got
    assert ("seizure", "2024-05-03") not in got


def test_a_participle_after_a_name_or_an_adverb_still_tells_the_event() -> None:
    got = _pairs(
        "Tom Reed was himself arrested at home on 3 May 2024. His colleague Ana Lee was "
        "finally freed on 4 May 2024."
    )
    assert {("arrest", "2024-05-03"), ("release", "2024-05-04")} <= got


def test_an_undated_event_in_the_lead_sums_up_the_dated_narrative() -> None:
    got = _pairs(
        "Zembla authorities must release the poet Ana Lee and her publisher, the journalist "
        "Eva Hart, who were arrested for a poem.\n\n"
        "On 3 May 2024, police arrested the human rights defender Tom Reed and the poet."
    )
    assert got == {("arrest", "2024-05-03")}


def test_days_listed_with_and_share_the_month_and_the_verb() -> None:
    got = _pairs(
        "A city court granted Ana Lee bail in two other cases on 11 and 15 April 2024, but "
        "she remained in the central jail until the High Court granted her bail on 2 May 2024."
    )
    assert {("court_decision", "2024-04-11"), ("court_decision", "2024-04-15")} <= got


def test_detained_since_dates_the_custody_from_its_start() -> None:
    got = _pairs(
        "During the 3 May 2024 hearing, the lawyer Tom Reed, whose father has also been "
        "detained since January, was arrested on the premises of the court."
    )
    assert ("detention", "2024-01") in got
    assert ("arrest", "2024-05-03") in got


def test_since_opens_a_period_and_dates_no_other_event() -> None:
    got = _pairs(
        "Ana Lee had received repeated death threats and had been protected by the state "
        "since February 2024."
    )
    assert ("threat", "2024-02") not in got


def test_an_initial_sentence_is_not_dated_by_the_narrative() -> None:
    got = _pairs(
        "The trial of Ana Lee opened on 3 March 2024. The court initially sentenced her to six "
        "years in prison, but the prosecution appealed."
    )
    assert ("sentence", None) in got
    assert ("sentence", "2024-03-03") not in got


def test_banned_from_leaving_the_country_is_a_travel_ban_only() -> None:
    got = _pairs("On 3 May 2024, the court banned Ana Lee and Tom Reed from leaving the country.")
    assert ("travel_ban", "2024-05-03") in got
    assert ("ban", "2024-05-03") not in got


def test_a_rally_dispersed_on_days_listed_is_an_attack_from_the_first_day() -> None:
    got = _pairs("On 1 and 2 May 2024, police dispersed a rally of the Zembla Youth Union.")
    assert ("attack", "2024-05-01") in got


def test_a_date_after_a_verb_of_its_own_is_not_shared_by_the_last_event() -> None:
    got = _pairs(
        "The trial of Ana Lee opened before the Zenda City Court on 20 April 2024, and that "
        "court had already decided on 9 April to keep her in custody until June."
    )
    assert ("trial_hearing", "2024-04-20") in got
    assert ("trial_hearing", "2024-04-09") not in got
    assert ("detention", "2024-04-09") in got


def test_an_event_told_as_years_ago_takes_no_date_from_its_paragraph() -> None:
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee in Zenda. The regional commission granted "
        "precautionary measures in her favour several years ago."
    )
    assert ("arrest", "2024-05-03") in got
    assert ("other", None) in got
    assert ("other", "2024-05-03") not in got


def test_an_undated_decision_of_another_court_is_no_retelling() -> None:
    got = _pairs(
        "In 2023, Ana Lee was sentenced to five years.\n\nThe Zenda Court of Appeal upheld the "
        "verdict, and on 3 March 2024 the Supreme Court of Zembla dismissed her final appeal."
    )
    assert ("court_decision", "2024-03-03") in got
    assert ("court_decision", None) in got


def test_arrested_subsequently_takes_no_date_from_the_sentence_before() -> None:
    got = _pairs(
        "On 3 May 2024, the prosecutor charged Ana Lee and Tom Reed with libel. Tom Reed was "
        "arrested subsequently."
    )
    assert ("charge", "2024-05-03") in got
    assert ("arrest", None) in got


def test_a_paragraph_without_dates_goes_on_with_the_one_before() -> None:
    got = _pairs(
        "1. On 3 May 2024, police arrested Ana Lee at her home in Zenda.\n\n"
        "2. She was taken to the prosecutor's office. She was questioned about her articles."
    )
    assert ("interrogation", "2024-05-03") in got


def test_a_paragraph_with_dates_of_its_own_starts_afresh() -> None:
    # (a paragraph that opens with its own date; one whose first sentence gives none goes on
    # with the story before it up to its first date)
    got = _pairs(
        "1. On 3 May 2024, police arrested Ana Lee at her home in Zenda.\n\n"
        "2. In 2020, she had won a prize. She was questioned about her articles."
    )
    assert ("interrogation", "2024-05-03") not in got


def test_an_appeal_the_text_says_cannot_be_made_is_no_event() -> None:
    got = _pairs(
        "On 3 May 2024, the Zenda City Court upheld the charges against Ana Lee. The decision "
        "is final and cannot be appealed."
    )
    assert not any(t == "appeal_filed" for t, _ in got)


@pytest.mark.parametrize(
    ("sentence", "etype"),
    [
        ("Ana Lee has been under watch since her release on 3 May 2024.", "release"),
        ("Tom Reed reported on her release in early May 2024.", "release"),
        ("Ana Lee was ill during her trial on 3 May 2024.", "trial_hearing"),
    ],
)
def test_event_nouns_before_a_date(sentence: str, etype: str) -> None:
    assert etype in {t for t, _ in _pairs(sentence)}


def test_an_event_noun_before_a_name_is_no_event() -> None:
    got = _pairs("Her brother, Tom Reed, announced the release on Facebook.")
    assert not any(t == "release" for t, _ in got)


def test_custody_told_as_a_lasting_situation_takes_no_date_from_the_paragraph() -> None:
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee at her home. She was then held in pre-trial "
        "detention in Zenda."
    )
    assert ("arrest", "2024-05-03") in got
    assert ("detention", None) in got
    assert ("detention", "2024-05-03") not in got
    # the step of the day, a named place she was taken to, goes on with the paragraph's date
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee at her home. She was then held at Zenda Police "
        "Station."
    )
    assert ("detention", "2024-05-03") in got


def test_the_issuers_comment_tells_no_event_of_its_own() -> None:
    got = _pairs(
        "On 3 May 2024, the Zenda City Court sentenced Ana Lee to two years in prison. The "
        "Zembla Rights Watch considers that the poet and her two co-defendants were prosecuted "
        "solely for their peaceful work."
    )
    assert ("sentence", "2024-05-03") in got
    assert not any(t == "charge" for t, _ in got)


@pytest.mark.parametrize(
    ("sentence", "etype"),
    [
        # a place of custody after a verb no row reads as a lasting situation is only a place
        ("On 3 May 2024, Ana Lee was tortured in custody.", "attack"),
        ("On 3 May 2024, Ana Lee was beaten in prison.", "attack"),
        # the open situations of the corpus conventions, in words of the genre
        ("On 3 May 2024, the court placed Ana Lee under house arrest.", "detention"),
        ("On 3 May 2024, Ana Lee walked free after completing her term.", "release"),
        ("On 3 May 2024, a new charge of treason was brought against Ana Lee.", "charge"),
        ("On 3 May 2024, guards beat Ana Lee in her cell.", "attack"),
        ("On 3 May 2024, the court dissolved the Zembla Rights Centre.", "deregistration"),
        ("On 3 May 2024, Ana Lee was forced into exile.", "other"),
        ("On 3 May 2024, the authorities revoked the residency of Ana Lee.", "other"),
        ("On 3 May 2024, Ana Lee was added to the register of foreign agents.", "other"),
        ("On 3 May 2024, Ana Lee was prevented from boarding a flight to Geneva.", "travel_ban"),
        ("On 3 May 2024, Ana Lee received threatening messages.", "threat"),
        ("On 3 May 2024, the trial of Ana Lee began before the Zenda City Court.", "trial_hearing"),
    ],
)
def test_open_situations_of_the_conventions(sentence: str, etype: str) -> None:
    assert (etype, "2024-05-03") in _pairs(sentence)


@pytest.mark.parametrize(
    ("sentence", "etype"),
    [
        # verbs and nouns of the genre told in words the corpus appeals do not use
        ("On 3 May 2024, the Zenda court handed down a ten-year sentence to Ana Lee.", "sentence"),
        ("On 3 May 2024, the court jailed Ana Lee for five years.", "sentence"),
        ("On 3 May 2024, Ana Lee received a death threat by telephone.", "threat"),
        ("On 3 May 2024, Ana Lee received an anonymous threat.", "threat"),
        ("On 3 May 2024, Ana Lee was kicked and punched by police officers.", "attack"),
        ("On 3 May 2024, police fired tear gas at the protesters.", "attack"),
        ("On 3 May 2024, Ana Lee was re-arrested.", "arrest"),
        ("On 3 May 2024, a warrant was issued for her arrest.", "court_decision"),
        ("On 3 May 2024, the Zembla Rights Centre was dissolved by court order.", "deregistration"),
        ("On 3 May 2024, the Zembla Times was shut down.", "ban"),
        ("On 3 May 2024, the Zembla Rights Centre was ordered to close.", "ban"),
        ("On 3 May 2024, Ana Lee was granted a presidential pardon.", "release"),
        ("On 3 May 2024, officers took her to the police station.", "arrest"),
        ("On 3 May 2024, Ana Lee went into exile.", "other"),
        ("On 3 May 2024, Ana Lee was extradited to Borduria.", "other"),
        ("On 3 May 2024, Ana Lee was deprived of her citizenship.", "other"),
        ("On 3 May 2024, Ana Lee declared a hunger strike.", "other"),
        ("On 3 May 2024, Ana Lee died in police custody.", "other"),
        (
            "On 3 May 2024, the Human Rights Committee found that Zembla had violated her rights.",
            "other",
        ),
        ("On 3 May 2024, Ana Lee was subjected to torture.", "attack"),
        ("On 3 May 2024, Ana Lee was hit with batons by police.", "attack"),
        ("On 3 May 2024, Ana Lee was injured by police officers.", "attack"),
        ("On 3 May 2024, Ana Lee reported the attack to the police.", "complaint"),
        ("On 3 May 2024, Ana Lee reported the threat to the Office of the Ombudsman.", "complaint"),
        ("On 3 May 2024, Tom Reed reported her disappearance to the Procuracy.", "complaint"),
        ("On 3 May 2024, Ana Lee filed a police report.", "complaint"),
        ("On 3 May 2024, Ana Lee sued the Ministry of the Interior.", "complaint"),
        ("On 3 May 2024, her lawyer filed a habeas corpus petition.", "complaint"),
        (
            "On 3 May 2024, Ana Lee submitted a communication to the Human Rights Committee.",
            "complaint",
        ),
        ("On 3 May 2024, the court turned down her bail application.", "court_decision"),
        ("On 3 May 2024, the court refused to release Ana Lee.", "court_decision"),
    ],
)
def test_words_of_the_genre(sentence: str, etype: str) -> None:
    assert (etype, "2024-05-03") in _pairs(sentence)


@pytest.mark.parametrize(
    ("sentence", "etype"),
    [
        ("Ana Lee has been held since her re-arrest on 3 May 2024.", "arrest"),
        ("Ana Lee lost her archive in the raid on 3 May 2024.", "raid"),
        ("Ana Lee lost her archive in the search of the home of Ana Lee on 3 May 2024.", "search"),
        ("Ana Lee appealed against her conviction on 3 May 2024.", "conviction"),
        ("Ana Lee was treated in hospital after the assault on 3 May 2024.", "attack"),
        ("Nothing has been heard of Ana Lee since her kidnapping on 3 May 2024.", "disappearance"),
    ],
)
def test_event_nouns_before_their_date(sentence: str, etype: str) -> None:
    assert (etype, "2024-05-03") in _pairs(sentence)


def test_a_committee_that_is_no_treaty_body_decides_nothing() -> None:
    # an issuer named "Committee" is no UN body: its findings are its comment
    got = _pairs(
        "On 3 May 2024, the Committee to Protect Journalists found that Ana Lee was jailed."
    )
    assert not any(t == "other" for t, _ in got)


def test_a_wound_of_a_shooting_told_with_the_death_is_no_attack_of_its_own() -> None:
    got = _pairs(
        "On 3 May 2024, a gunman shot Ana Lee. She was hit in the head and died at the scene."
    )
    assert ("killing", "2024-05-03") in got
    assert not any(t == "attack" for t, _ in got)


def test_a_blow_to_death_is_the_killing_alone() -> None:
    got = _pairs("On 3 May 2024, Ana Lee was stabbed to death outside her home.")
    assert ("killing", "2024-05-03") in got
    assert not any(t == "attack" for t, _ in got)
    got = _pairs("On 3 May 2024, guards beat him to death in his cell.")
    assert ("killing", "2024-05-03") in got and not any(t == "attack" for t, _ in got)


def test_a_death_threat_heard_of_long_before_is_undated() -> None:
    # "had received": looks back, no event on the paragraph's date
    got = _pairs("On 3 May 2024, Ana Lee was arrested. She had received a death threat.")
    assert ("threat", "2024-05-03") not in got


def test_a_trial_set_for_a_date() -> None:
    assert ("trial_hearing", "2024-07-03") in _pairs("Her trial is scheduled for 3 July 2024.")


def test_a_hearing_set_for_a_stated_future_date() -> None:
    assert ("trial_hearing", "2024-06-03") in _pairs(
        "The trial of Ana Lee will resume on 3 June 2024."
    )


def test_a_progressive_passive_in_custody_is_still_no_act() -> None:
    got = _pairs("On 3 May 2024, Ana Lee was being questioned in custody when her lawyer came.")
    assert not any(t == "interrogation" for t, _ in got)


def test_a_disappearance_told_since_a_date_began_then() -> None:
    got = _pairs("Her whereabouts have remained unknown since 3 May 2024.")
    assert ("disappearance", "2024-05-03") in got


def test_days_of_administrative_detention_are_a_custody_not_a_sentence() -> None:
    got = _pairs(
        "On 3 May 2024, police detained Ana Lee at a protest. She was sentenced the same day by "
        "the Zenda District Court to ten days of administrative detention."
    )
    assert ("detention", "2024-05-03") in got
    assert ("sentence", "2024-05-03") not in got
    got = _pairs(
        "On 3 May 2024, the Zenda District Court sentenced Ana Lee to five years in prison."
    )
    assert ("sentence", "2024-05-03") in got


def test_threats_told_with_the_beating_are_part_of_the_attack() -> None:
    got = _pairs("On 3 May 2024, guards threatened and beat Ana Lee in her cell.")
    assert ("attack", "2024-05-03") in got
    assert not any(t == "threat" for t, _ in got)
    got = _pairs(
        "On 3 May 2024, unknown men beat Ana Lee, and the next day her family received a "
        "message warning that she would be killed."
    )
    assert ("attack", "2024-05-03") in got
    assert ("threat", "2024-05-04") in got


def test_a_thing_named_by_a_participle_tells_no_new_event() -> None:
    got = _pairs(
        "On 3 May 2024, police searched the newsroom of the Zembla Times. On 4 May 2024, its "
        "editor filed a writ in the Zenda High Court seeking the return of the material seized "
        "from the newsroom."
    )
    assert ("seizure", "2024-05-04") not in got
    assert ("search", "2024-05-03") in got


def test_a_participle_after_a_quantifier_or_possessive_is_an_adjective() -> None:
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee. On 4 May 2024, her lawyer asked for the return "
        "of all seized documents and of his detained colleagues' phones."
    )
    assert ("arrest", "2024-05-03") in got
    assert not any(t == "seizure" for t, _ in got)


def test_a_release_under_an_amnesty_is_the_amnesty() -> None:
    got = _pairs(
        "On 3 May 2024, Ana Lee was sentenced to two years in prison. She was released the same "
        "day under an amnesty marking the national holiday."
    )
    assert ("amnesty", "2024-05-03") in got
    assert ("release", "2024-05-03") not in got


def test_a_footnote_gives_the_day_of_the_month_the_text_told() -> None:
    got = _pairs(
        "In April 2024, the Zembla Supreme Court rejected the appeal of Ana Lee.1 Her lawyers "
        "said they would apply to the UN Human Rights Committee.\n\n"
        "1 The ruling was announced on 23 April 2024.\n"
        "2 Seen by the Zembla Rights Centre on 30 April 2024.",
    )
    assert ("court_decision", "2024-04-23") in got
    # a decimal is no footnote mark
    got = _pairs(
        "In April 2024, Ana Lee was fined under Article 20.2 of the Code of Zembla.\n\n"
        "2 The court sat on 23 April 2024.",
    )
    assert ("fine", "2024-04") in got


def test_people_named_by_a_penalty_are_not_fined_by_the_judgment_told() -> None:
    got = _pairs(
        "On 3 May 2024, the Zenda District Court sentenced Ana Lee to two years in prison. She "
        "has defended many protesters who were fined under Article 20 of the Code."
    )
    assert ("sentence", "2024-05-03") in got
    assert ("fine", "2024-05-03") not in got


def test_an_objection_to_a_request_at_a_hearing_is_no_appeal() -> None:
    got = _pairs(
        "On 3 May 2024, at a hearing in the case of Ana Lee, her lawyer objected to the "
        "prosecution's request for more time."
    )
    assert not any(t == "appeal_filed" for t, _ in got)
    got = _pairs("On 3 May 2024, the prosecutor objected to the release of Ana Lee.")
    assert ("appeal_filed", "2024-05-03") in got


def test_a_custody_told_by_its_length_is_an_undated_detention() -> None:
    events = _events(
        "On 3 May 2024, police arrested Ana Lee in Zenda. She spent ten days in police custody "
        "before a judge released her. Tom Reed was placed on five days of police remand."
    )
    spells = [e for e in events if e["type"] == "detention"]
    assert [(e["date"], e["note"]) for e in spells] == [
        (None, "spent ten days in police custody"),
        (None, "days of police remand"),
    ]
    assert ("arrest", "2024-05-03") in {(e["type"], e["date"]) for e in events}


def test_a_sentence_length_is_no_custody_spell() -> None:
    got = _pairs("On 3 May 2024, the court sentenced Ana Lee to five years in prison.")
    assert not any(t == "detention" for t, _ in got)


def test_a_penalty_told_after_the_sentence_is_imposed_by_its_court() -> None:
    text = (
        "5 May 2024\n\nZembla: Poet sentenced\n\nOn 3 May 2024, the Zenda City Court sentenced "
        "Ana Lee to five years in prison. She was also banned from practising law for three "
        "years.\n"
    )
    record = extract_case(text, appeal_id="t")
    court = next(o["id"] for o in record["organisations"] if o["name"] == "Zenda City Court")
    ban = next(e for e in record["events"] if e["type"] == "ban")
    assert ban["date"] == "2024-05-03"
    assert (ban["agents"], ban["authority"]) == ([court], court)


def test_a_penalty_keeps_the_body_that_imposed_it() -> None:
    text = (
        "5 May 2024\n\nZembla: Poet sentenced\n\nOn 3 May 2024, the Zenda City Court sentenced "
        "Ana Lee to five years in prison. The same day, the Ministry of Information blocked "
        "the website of the Zenda Times.\n"
    )
    record = extract_case(text, appeal_id="t")
    ministry = next(o["id"] for o in record["organisations"] if "Ministry" in o["name"])
    ban = next(e for e in record["events"] if e["type"] == "ban")
    assert ban["agents"] == [ministry]


def test_remaining_in_custody_is_a_state_not_dated_by_its_clause() -> None:
    got = _pairs(
        "On 3 May 2024, a court granted Ana Lee bail in one of the cases, but she remained in "
        "Zenda jail until the end of the month."
    )
    assert ("detention", None) in got
    assert ("detention", "2024-05-03") not in got


def test_bail_granted_to_the_person_is_a_release_unless_they_stayed() -> None:
    got = _pairs(
        "On 3 May 2023, police arrested Ana Lee and Tom Reed. In September 2023, Ana Lee was "
        "granted bail. On 4 October 2023, Tom Reed was granted bail but remained in custody on "
        "another charge. On 5 October 2023, the court granted Eva Hart bail."
    )
    assert ("release", "2023-09") in got
    assert ("court_decision", "2023-09") not in got
    assert ("court_decision", "2023-10-04") in got
    assert ("release", "2023-10-04") not in got
    assert ("court_decision", "2023-10-05") in got


def test_dates_told_from_the_day_of_the_appeal() -> None:
    # 5 May 2024 is a Sunday
    got = _pairs(
        "Earlier today, the Zenda City Court sentenced Ana Lee to five years in prison. "
        "Yesterday, police arrested Tom Reed at his home. On Monday, police searched the office "
        "of the Zembla Rights Centre. On Tuesday, 23 April, police summoned Eva Hart."
    )
    assert ("sentence", "2024-05-05") in got
    assert ("arrest", "2024-05-04") in got
    assert ("search", "2024-04-29") in got
    assert ("summons", "2024-04-23") in got


def test_an_event_told_again_less_precisely_is_the_one_told_before() -> None:
    got = [
        (e["type"], e["date"])
        for e in _events(
            "On 7 February 2020, police arrested Ana Lee and Tom Reed in Zenda.\n\n"
            "On 3 May 2024, the Zenda City Court acquitted Ana Lee and Tom Reed of the offence "
            "for which they had been arrested in 2020."
        )
    ]
    assert got.count(("arrest", "2020-02-07")) == 1
    assert ("arrest", "2020") not in got
    assert ("acquittal", "2024-05-03") in got


def test_a_less_precise_event_of_other_people_stays() -> None:
    got = _pairs(
        "On 7 February 2020, police arrested Ana Lee in Zenda.\n\n"
        "In 2020, police also arrested Tom Reed in Borduria."
    )
    assert {("arrest", "2020-02-07"), ("arrest", "2020")} <= got


def test_a_trial_named_in_one_sentence_does_not_swallow_the_next_ones_opening() -> None:
    got = _pairs(
        "Ana Lee was arrested on 3 January 2024 and put on trial. Her trial opened on 25 April "
        "2024. The trial in case No. 22/2024 resumed on 30 April 2024."
    )
    assert ("trial_hearing", "2024-04-25") in got


def test_criminal_cases_counted_in_the_plural_are_opened_cases() -> None:
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee. Three criminal cases were registered against "
        "her on 4 May 2024."
    )
    assert ("case_opened", "2024-05-04") in got


def test_a_sentence_opening_after_the_verdict_is_dated_by_the_verdict() -> None:
    got = _pairs(
        "On 3 May 2024, the Zenda City Court sentenced Ana Lee to five years in prison.\n\n"
        "On 4 May 2024, Tom Reed was arrested in Borduria. After the verdict, Ana Lee was "
        "taken to Zenda Prison."
    )
    assert ("detention", "2024-05-03") in got
    assert ("detention", "2024-05-04") not in got


def test_steps_told_as_a_repeated_habit_are_no_events() -> None:
    got = _pairs(
        "Ana Lee has been arrested several times because of her work. Police have repeatedly "
        "summoned Tom Reed. On 3 May 2024, police arrested Ana Lee in Zenda."
    )
    assert got == {("arrest", "2024-05-03")}


def test_a_step_taken_daily_or_during_a_stretch_is_one_undated_event() -> None:
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee. Her lawyer said she had been interrogated daily "
        "without a lawyer."
    )
    assert got == {("arrest", "2024-05-03"), ("interrogation", None)}
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee. She was held in solitary confinement for three "
        "weeks, during which she was interrogated about her posts."
    )
    assert ("interrogation", None) in got and ("interrogation", "2024-05-03") not in got
    # near miss: a day the clause gives is the step's own
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee. She was held for three weeks, during which she "
        "was beaten on 4 May 2024."
    )
    assert ("attack", "2024-05-04") in got


def test_a_holding_of_hours_or_days_told_with_its_release_is_an_arrest() -> None:
    got = _pairs(
        "In September 2023 the defenders were detained for three days by members of the "
        "National Police and released without charge. On 3 May 2024, Tom Reed was held there "
        "for ten hours and then released."
    )
    assert {("arrest", "2023-09"), ("arrest", "2024-05-03")} <= got
    assert not any(t == "detention" for t, _ in got)
    # near miss: a holding under a law's order is custody, not an arrest
    got = _pairs(
        "In August 2023 Ana Lee was detained for two days under the Zembla Security Act and "
        "released without charge."
    )
    assert ("detention", "2023-08") in got and ("arrest", "2023-08") not in got


def test_bans_ordered_beside_other_steps_declared_of_a_described_body_or_standing_since() -> None:
    got = _pairs(
        "On 3 May 2024, the court ordered the confiscation of his phones and the closure of his "
        "blog. In 2023 the prosecutor declared the foreign foundation Zenda Fund, which had "
        "funded the centre, an “undesirable organisation”. The outlet's account on X has been "
        "withheld since March 2024. Its readings have been banned by the mayor since April 2024."
    )
    assert {("ban", "2024-05-03"), ("ban", "2023"), ("ban", "2024-03"), ("ban", "2024-04")} <= got
    # near miss: a road closed beside another step is no body or outlet banned
    got = _pairs(
        "On 3 May 2024, the court ordered the removal of the fence and the closure of the road."
    )
    assert not any(t == "ban" for t, _ in got)


def test_a_person_missing_or_unknown_where_since_a_day_disappeared_then() -> None:
    evs = _events(
        "The Centre is concerned about activist Zhwan Omer, whose whereabouts have been unknown "
        "since 19 April 2024. Tom Reed has been missing since 2 May 2024. The whereabouts of "
        "Rosa Lee have remained unknown since 1 May 2024."
    )
    gone = {e["date"]: e for e in evs if e["type"] == "disappearance"}
    assert set(gone) == {"2024-04-19", "2024-05-02", "2024-05-01"}
    assert all(e["targets"] and not e["agents"] for e in gone.values())
    # near miss: files missing since a day are no person gone
    got = _pairs("The case files have been missing since 2 May 2024.")
    assert not any(t == "disappearance" for t, _ in got)


def test_staying_in_a_named_jail_is_an_undated_custody() -> None:
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee. She stayed in Zenda City Jail because the "
        "charges were non-bailable."
    )
    assert ("detention", None) in got


def test_a_co_defendant_given_the_same_term_joins_the_sentence() -> None:
    evs = _events(
        "On 3 May 2024, the Zembla City Court sentenced human rights defender Ana Lee to five "
        "years in prison. Her co-defendant, Tom Reed, was given the same term."
    )
    sentences = [e for e in evs if e["type"] == "sentence"]
    assert [e["date"] for e in sentences] == ["2024-05-03"]
    assert len(sentences[0]["targets"]) == 2


def test_an_undated_seizure_told_again_is_not_merged_into_the_dated_one() -> None:
    evs = _events(
        "On 3 May 2024, police confiscated the laptop of human rights defender Ana Lee. They "
        "also confiscated the phone of Tom Reed."
    )
    assert [e["type"] for e in evs].count("seizure") == 2


def test_an_event_noun_with_its_people_in_an_of_phrase_before_the_date() -> None:
    evs = _events(
        "Human rights defenders Ana Lee and Tom Reed lead the Zembla Rights Centre. The arrest "
        "of the two lawyers on 3 May 2024 was condemned by the United Nations."
    )
    arrests = [e for e in evs if e["type"] == "arrest"]
    assert [e["date"] for e in arrests] == ["2024-05-03"]
    assert len(arrests[0]["targets"]) == 2


def test_an_event_noun_with_a_thing_in_its_of_phrase_is_no_event() -> None:
    got = _pairs("Human rights defender Ana Lee welcomed the release of the report on 3 May 2024.")
    assert ("release", "2024-05-03") not in got


def test_who_ordered_an_arrest_is_its_agent() -> None:
    evs = _events(
        "Human rights defender Ana Lee leads the Zembla Rights Centre. On 3 May 2024, the "
        "Zembla Prosecutor's Office ordered the arrest of Ana Lee."
    )
    arrests = [e for e in evs if e["type"] == "arrest" and e["date"] == "2024-05-03"]
    assert len(arrests) == 1 and arrests[0]["agents"] and arrests[0]["targets"]


def test_an_appeal_rejected_in_the_passive_is_a_decision_on_an_appeal() -> None:
    got = _pairs(
        "Human rights defender Ana Lee was sentenced on 3 May 2024 to five years in prison. Her "
        "appeal was rejected on 4 May 2024 by the Zembla Appeal Court."
    )
    assert {("court_decision", "2024-05-04"), ("appeal_filed", None)} <= got


def test_days_after_her_arrest_count_from_the_arrest_not_the_last_date() -> None:
    got = _pairs(
        "Human rights defender Ana Lee was arrested on 1 May 2024. On 5 May 2024, her lawyer "
        "Tom Reed complained to the prosecutor. Ten days after her arrest, she was charged "
        "with treason.",
        appeal_date="30 May 2024",
    )
    assert ("charge", "2024-05-11") in got


def test_the_day_after_her_release_counts_from_the_release() -> None:
    got = _pairs(
        "Human rights defender Ana Lee was released on 3 May 2024. On 5 May 2024, her lawyer "
        "Tom Reed complained to the prosecutor. The day after her release, she was summoned "
        "by the police.",
        appeal_date="30 May 2024",
    )
    assert ("summons", "2024-05-04") in got


def test_remanded_in_custody_in_the_passive_is_a_dated_custody() -> None:
    got = _pairs("On 3 May 2024, human rights defender Ana Lee was remanded in custody.")
    assert ("detention", "2024-05-03") in got


def test_a_verb_joined_by_and_takes_the_date_after_it_not_the_one_before() -> None:
    got = _pairs(
        "Human rights defender Ana Lee was arrested on 1 May 2024 and charged with hooliganism "
        "on 3 May 2024."
    )
    assert ("charge", "2024-05-03") in got and ("charge", "2024-05-01") not in got


def test_a_sentence_named_as_what_a_court_upheld_is_no_new_sentence() -> None:
    got = _pairs(
        "On 3 May 2024, the Zembla Supreme Court upheld the five-year sentence handed down to "
        "human rights defender Ana Lee."
    )
    assert ("court_decision", "2024-05-03") in got and ("sentence", "2024-05-03") not in got


def test_a_night_across_two_days_dates_the_event_by_the_first() -> None:
    got = _pairs("Human rights defender Ana Lee was arrested on the night of 3 to 4 May 2024.")
    assert ("arrest", "2024-05-03") in got


def test_a_month_after_names_joined_to_a_verb_is_their_date() -> None:
    events = _events(
        "Ana Lee, a professor, was arrested on 28 July 2020, and Tom Reed, Eva Hart and Max "
        "Bell of the theatre group Zenda Voices in September 2020."
    )
    by_date = {e["date"]: e for e in events if e["type"] == "arrest"}
    assert set(by_date) == {"2020-07-28", "2020-09"}
    assert len(by_date["2020-07-28"]["targets"]) == 1
    assert len(by_date["2020-09"]["targets"]) == 3


def test_a_month_without_new_names_is_no_second_date() -> None:
    pairs = _pairs(
        "Ana Lee was arrested on 28 July 2020, and in September 2020 her family left Zenda."
    )
    assert ("arrest", "2020-09") not in pairs


def test_a_step_a_decision_orders_is_an_event_of_the_decision_date() -> None:
    got = _events(
        "Tom Reed and Ana Lee are lawyers. On 3 May 2024, the Zenda City Court ordered the "
        "detention of Tom Reed for two months, and the prosecutor approved the arrest of Ana Lee."
    )
    pairs = {(e["type"], e["date"]) for e in got}
    assert {("detention", "2024-05-03"), ("arrest", "2024-05-03")} <= pairs


def test_a_noun_only_ordered_is_no_event_after_a_determiner() -> None:
    # "detention" is a noun of custody only as what a decision orders: "his detention on 3
    # May" stays unread (the custody is told by its verbs)
    pairs = _pairs("Tom Reed is a lawyer. His detention on 3 May 2024 was unlawful.")
    assert ("detention", "2024-05-03") not in pairs


def test_a_hearing_from_a_day_is_dated_by_that_day() -> None:
    pairs = _pairs(
        "Tom Reed is a journalist. On 3 January 2018, he was convicted. His appeal was heard "
        "by Judge Ana Lee from 20 February 2018."
    )
    assert ("trial_hearing", "2018-02-20") in pairs


def test_a_date_inside_a_relative_clause_is_not_the_main_verbs() -> None:
    pairs = _pairs(
        "Tom Reed is a journalist. The Zenda Court of Appeal, where the case was heard by Judge "
        "Ana Lee from 20 February 2018, upheld the verdict."
    )
    assert ("trial_hearing", "2018-02-20") in pairs
    assert ("court_decision", "2018-02-20") not in pairs


def test_a_search_carried_out_is_a_search() -> None:
    pairs = _pairs(
        "Tom Reed is a journalist. On 3 May 2024, police carried out a search of his home."
    )
    assert ("search", "2024-05-03") in pairs


def test_the_court_a_complaint_is_told_with_decides_it_and_files_nothing() -> None:
    evs = _named(
        "Ana Lee is on trial before the Zenda City Court for insulting an official, on a "
        "complaint lodged by Tom Reed, the mayor of Zenda."
    )
    complaint = _one(evs, "complaint")
    assert "Zenda City Court" not in complaint["agents"]
    assert "Tom Reed" in complaint["agents"]
    assert complaint["authority"] == "Zenda City Court"


def test_the_clients_of_a_lawyer_who_appeals_are_no_targets_of_the_appeal() -> None:
    evs = _named(
        "On 2 May 2024, the Zenda City Court sentenced human rights defenders Ana Lee and "
        "Eva Hart to two years in prison. On 4 May 2024, their lawyer, Mr. Tom Reed, filed an "
        "appeal with the Zenda High Court."
    )
    appeal = _one(evs, "appeal_filed")
    assert appeal["agents"] == ["Tom Reed"]
    assert appeal["targets"] == []
    assert set(_one(evs, "sentence")["targets"]) == {"Ana Lee", "Eva Hart"}


def test_a_raid_on_a_place_told_new_goes_not_on_with_the_last_targets() -> None:
    body = (
        "On 1 May 2024, police arrested human rights defender Ana Lee in Zenda. "
        "On 3 May 2024, police raided {} in Zenda."
    )
    assert _one(_named(body.format("a workshop on digital security")), "raid")["targets"] == []
    # the premises the story told of before are still hers
    assert _one(_named(body.format("the office")), "raid")["targets"] == ["Ana Lee"]


def test_a_judge_named_in_a_relative_clause_acts_not_in_the_main_clause() -> None:
    evs = _named(
        "On 1 March 2024, the Zenda City Court sentenced human rights defender Ana Lee to three "
        "years in prison. The Zenda Court of Appeal, where the case was heard by Judge Tom Reed "
        "from 20 April 2024, upheld the verdict, and on 2 May 2024 the Supreme Court of Zembla "
        "dismissed her final appeal."
    )
    decision = _one(evs, "court_decision")
    assert decision["agents"] == ["Supreme Court of Zembla"]
    assert "Tom Reed" in _one(evs, "trial_hearing")["agents"]


def test_them_with_no_two_defenders_named_together_is_the_people_of_the_last_events() -> None:
    evs = _named(
        "On 1 May 2024, police arrested human rights lawyer Ivo Stan in Zenda. The principal of "
        "the village school, Mr. Tom Reed, was arrested the same day for allegedly helping him. "
        "On 3 May 2024, the prosecutor filed indictments against them."
    )
    assert set(_one(evs, "charge")["targets"]) == {"Ivo Stan", "Tom Reed"}


def test_the_one_whose_kin_a_target_is_named_as_is_no_target() -> None:
    evs = _named(
        "Ms Eva Hart had asked human rights defender Ana Lee for help. On 3 May 2024, police "
        "detained Ana Lee in Zenda together with Tom Reed, Ms Hart's brother."
    )
    assert set(_one(evs, "arrest")["targets"]) == {"Ana Lee", "Tom Reed"}


@pytest.mark.parametrize("behalf", ["on his behalf", "on behalf of Tom Reed"])
def test_the_one_a_petition_is_filed_for_is_no_target_of_it(behalf: str) -> None:
    evs = _named(
        "On 1 May 2024, police arrested human rights lawyer Tom Reed in Zenda. On 3 May 2024, a "
        f"petition challenging the arrest was filed {behalf} before the Supreme Court."
    )
    assert _one(evs, "complaint")["targets"] == []


def test_a_court_named_after_the_trigger_decides_over_one_of_an_earlier_clause() -> None:
    evs = _named(
        "Both had already been jailed for their work: Tom Reed was sentenced on 3 March 2024 by "
        "the Zenda City Court to four years, and Ana Lee received three years on the same "
        "charge from the Lirovo District Court on 4 April 2024."
    )
    by_date = {e["date"]: e for e in evs if e["type"] == "sentence"}
    assert by_date["2024-03-03"]["agents"] == ["Zenda City Court"]
    assert by_date["2024-04-04"]["agents"] == ["Lirovo District Court"]
    assert by_date["2024-04-04"]["authority"] == "Lirovo District Court"


def test_what_the_court_did_is_not_done_by_the_body_of_another_clause() -> None:
    evs = _named(
        "On 1 May 2024, officers of the State Security Service arrested human rights defender "
        "Ana Lee. On 3 May 2024, the State Security Service filed a charge sheet against her, "
        "and the court remanded her to judicial custody."
    )
    assert _one(evs, "detention")["agents"] == []
    assert _one(evs, "charge")["agents"] == ["State Security Service"]


def test_one_who_received_a_term_in_another_clause_is_no_target_of_the_first_sentence() -> None:
    evs = _named(
        "Both had already been jailed for their work: Tom Reed was sentenced on 3 March 2024 by "
        "the Zenda City Court to four years, and Ana Lee received three years on the same "
        "charge from the Lirovo District Court on 4 April 2024."
    )
    by_date = {e["date"]: e for e in evs if e["type"] == "sentence"}
    assert by_date["2024-03-03"]["targets"] == ["Tom Reed"]
    assert by_date["2024-04-04"]["targets"] == ["Ana Lee"]


def test_found_not_guilty_is_an_acquittal_and_no_sentence() -> None:
    got = _pairs("On 3 May 2024, the Zenda City Court found Ana Lee not guilty of sedition.")
    assert ("acquittal", "2024-05-03") in got
    assert not any(t in ("sentence", "conviction") for t, _ in got)
    got = _pairs("On 3 May 2024, the Zenda City Court found Ana Lee guilty of sedition.")
    assert ("sentence", "2024-05-03") in got


def test_condemned_is_a_sentence_only_with_a_penalty() -> None:
    assert ("sentence", "2024-05-03") in _pairs(
        "On 3 May 2024, the Zenda City Court condemned Ana Lee to seven years in prison."
    )
    got = _pairs("On 3 May 2024, the Zembla Bar Council condemned the arrest of Ana Lee.")
    assert not any(t == "sentence" for t, _ in got)


def test_undoing_verbs_are_decisions_only_with_a_ruling_as_object() -> None:
    assert ("court_decision", "2024-05-03") in _pairs(
        "On 3 May 2024, the Supreme Court annulled the verdict against Ana Lee."
    )
    got = _pairs("On 3 May 2024, Ana Lee reversed her car into the gate of the Zenda City Court.")
    assert not any(t == "court_decision" for t, _ in got)


def test_summons_and_citizenship_need_their_noun() -> None:
    got = _pairs("On 3 May 2024, Ana Lee received a summons from the Zenda police.")
    assert ("summons", "2024-05-03") in got
    got = _pairs("On 3 May 2024, Ana Lee received a prize from the Zenda Press Club.")
    assert not any(t == "summons" for t, _ in got)
    got = _pairs("On 3 May 2024, the Interior Ministry revoked the citizenship of Ana Lee.")
    assert ("other", "2024-05-03") in got
    got = _pairs("On 3 May 2024, the Interior Ministry revoked the permit of the Zenda Fair.")
    assert not any(t == "other" for t, _ in got)


def test_a_case_against_someone_opens_a_case_without_the_word_criminal() -> None:
    got = _pairs("On 3 May 2024, the prosecutor opened a case against Ana Lee for defamation.")
    assert ("case_opened", "2024-05-03") in got
    got = _pairs("On 3 May 2024, Ana Lee opened a case file for her client.")
    assert not any(t == "case_opened" for t, _ in got)


@pytest.mark.parametrize(
    "body",
    [
        "On 4 March 2024, Ana Lee filed a complaint with the police, but no investigation "
        "has been opened.",
        "No charges were brought against Ana Lee after her arrest on 4 March 2024.",
        "On 4 March 2024, the prosecutor opened no criminal case against the attackers.",
    ],
)
def test_no_before_the_object_says_the_step_was_not_taken(body: str) -> None:
    got = {t for t, _ in _pairs(body)}
    assert not got & {"investigation", "charge", "case_opened"}, got


def test_no_information_on_the_whereabouts_is_still_a_disappearance() -> None:
    got = _pairs(
        "On 4 March 2024, Ana Lee was taken from her home. Her family has received no "
        "information about her whereabouts."
    )
    assert any(t == "disappearance" for t, _ in got)


def test_a_chronology_item_that_opens_with_its_date_is_a_sentence_of_its_own() -> None:
    got = _pairs(
        "Chronology:\n"
        "- 3 March 2024: Ana Lee arrested at her home in Zenda\n"
        "- 5 March 2024: Ana Lee charged with sedition.\n"
        "12 April 2024: the Zenda City Court sentenced Ana Lee to five years in prison.",
        appeal_date="5 May 2025",
    )
    assert {("arrest", "2024-03-03"), ("charge", "2024-03-05"), ("sentence", "2024-04-12")} <= got
    # a date wrapped to the start of a line inside a sentence opens no item
    doc = make_doc("Ana Lee was arrested on\n3 March 2024 at her home, and charged.")
    assert len(doc.sentences) == 1


def test_a_participle_joined_to_a_passive_one_shares_its_voice() -> None:
    evs = _named("On 3 March 2024, Ana Lee was arrested at her home, beaten and charged.")
    assert _one(evs, "attack")["targets"] == ["Ana Lee"]
    evs = _named("On 3 March 2024, Ana Lee was arrested and later flogged.")
    assert _one(evs, "attack")["targets"] == ["Ana Lee"]
    evs = _named(
        "On 3 March 2024, Ana Lee was stopped at the Zenda airport and prevented from "
        "boarding a flight."
    )
    ban = _one(evs, "travel_ban")
    assert ban["targets"] == ["Ana Lee"]
    assert ban["agents"] == []
    # a clause with its own subject is no shared participle: "the guards beat her"
    evs = _named("On 3 March 2024, Ana Lee was arrested, and the guards beat her.")
    assert _one(evs, "attack")["targets"] == ["Ana Lee"]


def test_and_before_a_subject_of_its_own_opens_a_clause() -> None:
    evs = _named("Ana Lee was arrested on 3 March 2024 and Tom Reed was beaten on 5 March 2024.")
    assert _one(evs, "arrest")["targets"] == ["Ana Lee"]
    assert _one(evs, "attack")["targets"] == ["Tom Reed"]
    # names joined as one subject are no two clauses
    evs = _named("Ana Lee and Tom Reed were arrested on 3 March 2024.")
    assert _one(evs, "arrest")["targets"] == ["Ana Lee", "Tom Reed"]


def test_a_when_clause_after_a_date_is_dated_by_it() -> None:
    got = _pairs(
        "Ana Lee has been detained since 3 March 2024, when she was arrested at a checkpoint.",
        appeal_date="5 May 2025",
    )
    assert ("arrest", "2024-03-03") in got
    # what the clause reports ("announced that ...") happened before, not on that day
    got = _pairs(
        "Her family heard nothing until 9 March 2024, when the ministry announced that she "
        "had been arrested.",
        appeal_date="5 May 2025",
    )
    assert ("arrest", "2024-03-09") not in got


@pytest.mark.parametrize(
    "body",
    [
        "Ana Lee was due to be released on 3 March 2024 but remains in prison.",
        "Ana Lee was expected to be freed on 3 March 2024.",
        "On 3 March 2024, Ana Lee said she was at risk of being arrested and tortured.",
    ],
)
def test_a_step_due_or_feared_is_no_event(body: str) -> None:
    got = {t for t, _ in _pairs(body, appeal_date="5 May 2025")}
    assert not got & {"release", "arrest", "attack"}, got


def test_a_hearing_due_on_a_date_is_still_a_scheduled_hearing() -> None:
    got = _pairs("Ana Lee is scheduled to be tried on 3 June 2025.", appeal_date="5 May 2025")
    assert ("trial_hearing", "2025-06-03") in got


def test_released_without_charge_is_a_dated_release() -> None:
    got = _pairs(
        "Ana Lee was arrested on 3 March 2024. She was released without charge the following day.",
        appeal_date="5 May 2025",
    )
    assert ("release", "2024-03-04") in got
    # custody without charge is still a lasting situation, not dated by its end
    got = _pairs("Ana Lee was held without charge until 5 March 2024.", appeal_date="5 May 2025")
    assert not any(t == "detention" and d == "2024-03-05" for t, d in got)


def test_a_negation_in_a_closed_relative_clause_leaves_the_main_verb_an_event() -> None:
    got = _pairs(
        "Ana Lee, who could not afford a lawyer, was sentenced on 3 March 2024 to two years "
        "in prison.",
        appeal_date="5 May 2025",
    )
    assert ("sentence", "2024-03-03") in got
    got = _pairs(
        "Ana Lee, who is in poor health, could be sentenced to ten years in prison.",
        appeal_date="5 May 2025",
    )
    assert not any(t == "sentence" for t, _ in got)


def test_the_following_month_and_later_that_year_are_as_precise_as_their_span() -> None:
    got = _pairs(
        "Ana Lee was arrested on 3 March 2024. The following month, she was charged with "
        "sedition. Later that year, she was sentenced to two years in prison.",
        appeal_date="5 May 2025",
    )
    assert {("arrest", "2024-03-03"), ("charge", "2024-04"), ("sentence", "2024")} <= got
    got = _pairs(
        "Ana Lee was arrested on 3 March 2024. Later that month, she was charged.",
        appeal_date="5 May 2025",
    )
    assert ("charge", "2024-03") in got


def test_a_lawyer_struck_by_a_ban_is_its_target() -> None:
    evs = _named(
        "On 3 March 2024, the Zenda Bar Association disbarred human rights lawyer Ana Lee."
    )
    ban = _one(evs, "ban")
    assert ban["targets"] == ["Ana Lee"]
    assert ban["agents"] == ["Zenda Bar Association"]


def test_a_phrase_that_opens_with_its_auxiliary_is_passive() -> None:
    evs = _named("On 3 March 2024, the Zembla Times was banned by the Ministry of Information.")
    ban = _one(evs, "ban")
    assert ban["targets"] == ["Zembla Times"]
    assert ban["agents"] == ["Ministry of Information"]


def test_the_subject_of_a_passive_step_undergoes_it_whatever_their_role() -> None:
    evs = _named(
        "Ana Lee was arrested on 3 March 2024. On 5 March 2024, her lawyer Tom Reed was also "
        "arrested."
    )
    by_date = {e["date"]: e for e in evs if e["type"] == "arrest"}
    assert by_date["2024-03-05"]["targets"] == ["Tom Reed"]
    assert by_date["2024-03-03"]["targets"] == ["Ana Lee"]


def test_sentence_without_event_dates_the_next_unless_it_names_another_document() -> None:
    """A dated sentence that tells no event gives its date to the undated event after it; a
    "See also" line naming another appeal gives none."""
    from kg.extract import extract_case

    text = (
        "1 June 2021\n\nZemblia: Defender detained\n\n"
        "On 3 May 2021, officers came to the village of Varn. Ana Lee was arrested at her home."
        "\n\nSee also: the earlier appeal of 2 February 2021. She was released.\n"
    )
    events = {e["type"]: e["date"] for e in extract_case(text, appeal_id="x")["events"]}
    assert events == {"arrest": "2021-05-03", "release": None}


def test_a_decision_told_by_its_infinitive_is_a_court_decision_of_the_court_named() -> None:
    evs = _events(
        "The Zembla Rights Centre condemns the decision of the Appeals Chamber of the Zenda "
        "Supreme Court, taken on 3 May 2024, to reject the appeal of human rights defender "
        "Ana Lee and to confirm her sentence."
    )
    decisions = [e for e in evs if e["type"] == "court_decision"]
    assert [e["date"] for e in decisions] == ["2024-05-03"]
    orgs = {o["id"]: o["name"] for o in extract_case(
        "5 May 2024\n\nZembla: Poet detained\n\nThe Zembla Rights Centre condemns the decision "
        "of the Appeals Chamber of the Zenda Supreme Court, taken on 3 May 2024, to reject the "
        "appeal of human rights defender Ana Lee and to confirm her sentence.\n",
        appeal_id="t",
    )["organisations"]}  # fmt: skip
    assert "Zenda Supreme Court" in orgs[decisions[0]["authority"]]
    assert ("court_decision", "2024-05-03") in _pairs(
        "On 3 May 2024, the Zenda Appeal Court decided to uphold the sentence of Ana Lee."
    )


def test_a_decision_to_be_taken_or_asked_for_is_no_event() -> None:
    got = _pairs(
        "On 3 May 2024, human rights defender Ana Lee appealed. A decision of the Zenda "
        "Supreme Court would have to reject the appeal within a month."
    )
    assert not any(t == "court_decision" for t, _ in got)
    got = _pairs("A decision is expected on 9 May 2024 whether to uphold the sentence of Ana Lee.")
    assert not any(t == "court_decision" for t, _ in got)


def test_a_dated_event_the_issuer_condemns_is_an_event() -> None:
    got = _pairs(
        "The Zembla Rights Centre condemns the arrest of human rights defender Ana Lee on 3 "
        "May 2024."
    )
    assert ("arrest", "2024-05-03") in got
    # an undated comment on what was told still tells no event of its own
    got = _pairs("The Zembla Rights Centre condemns the prosecution of Ana Lee for her work.")
    assert not any(t == "charge" for t, _ in got)


def test_an_undated_step_told_before_the_day_of_a_dated_one_is_no_retelling_of_it() -> None:
    body = (
        "Human rights defender Tom Reed was sentenced to two years in prison by the Zenda City "
        "Court.\n\nOn 3 May 2014, police arrested Tom Reed in Zenda. He was placed on five days "
        "of police remand, and the police searched his office.\n\nOn 4 June 2023, the Zenda "
        "City Court sentenced Tom Reed to two years in prison. He was remanded in custody the "
        "same day."
    )
    got = _pairs(body)
    assert ("detention", None) in got  # the remand of 2014
    assert ("detention", "2023-06-04") in got
    assert ("sentence", None) not in got  # the lead retells the sentence of 2023


def test_an_undated_step_told_after_the_day_of_a_dated_one_still_retells_it() -> None:
    got = _pairs(
        "Human rights defender Tom Reed was sentenced to two years in prison by the Zenda City "
        "Court.\n\nOn 4 June 2023, the Zenda City Court remanded Tom Reed in custody.\n\nOn 1 "
        "July 2023, his lawyer visited Tom Reed in prison. He spent five days of police remand "
        "in a cell without light."
    )
    assert [d for t, d in got if t == "detention"] == ["2023-06-04"]


def test_named_as_a_suspect_is_a_charge_only_with_suspect() -> None:
    evs = _events(
        "On 3 May 2024, the Attorney General of Zembla instructed the police to name human "
        "rights defender Tom Reed as a suspect under the Cybercrime Act."
    )
    charges = [e for e in evs if e["type"] == "charge"]
    assert [e["date"] for e in charges] == ["2024-05-03"]
    assert charges[0]["targets"]
    got = _pairs("On 3 May 2024, the Zembla Rights Centre named Tom Reed as its new director.")
    assert not any(t == "charge" for t, _ in got)
    got = _pairs("Human rights defender Tom Reed could be named a suspect at any time.")
    assert not any(t == "charge" for t, _ in got)


def test_the_body_whose_custody_or_premises_hold_someone_holds_them() -> None:
    evs = _events(
        "On 1 April 2024, journalist Tom Reed was abducted in Zenda and reappeared the next day "
        "in the custody of the Zembla State Border Service."
    )
    held = [e for e in evs if e["type"] == "detention"]
    assert [e["date"] for e in held] == ["2024-04-02"] and held[0]["agents"]
    evs = _events(
        "On 1 April 2024, journalist Tom Reed was abducted in Zenda. On 2 April, the journalist "
        "was held at the central office of the Zembla State Border Service in Borduria."
    )
    held = [e for e in evs if e["type"] == "detention"]
    assert held and held[0]["agents"]
    # a place of custody named as such is where, not who: the prison does not hold him there,
    # the police who arrested him that day do
    evs = _named(
        "On 1 April 2024, police arrested journalist Tom Reed. He was then held at Zenda "
        "Central Prison."
    )
    assert _one(evs, "detention")["agents"] == ["police"]


def test_an_appeal_named_with_its_appellant_in_a_decision_on_it_is_an_appeal() -> None:
    for body in (
        "On 3 May 2024, the Zenda Supreme Court rejected the appeal of human rights defender "
        "Ana Lee against her sentence.",
        "The Zembla Rights Centre condemns the decision of the Zenda Supreme Court, taken on 3 "
        "May 2024, to reject the appeal of human rights defender Ana Lee.",
    ):
        evs = _events(body)
        appeals = [e for e in evs if e["type"] == "appeal_filed"]
        assert [e["date"] for e in appeals] == [None], body
        assert appeals[0]["agents"] and appeals[0]["authority"], body
    evs = _events(
        "Human rights defender Ana Lee was acquitted in March 2024. On 3 May 2024, the Zenda "
        "Supreme Court rejected the appeal of the prosecution against her acquittal."
    )
    assert not any(e["type"] == "appeal_filed" for e in evs)


def test_a_release_ordered_and_undone_at_once_is_a_decision_that_did_not_free() -> None:
    got = _pairs(
        "On 3 April 2024, the Zenda City Court ordered the release of human rights defender Ana "
        "Lee under judicial control. Within hours the prosecutor objected, the Zenda Regional "
        "Court accepted the objection, and police took her back into custody."
    )
    assert ("court_decision", "2024-04-03") in got
    assert ("release", "2024-04-03") not in got
    got = _pairs(
        "On 3 April 2024, the Zenda City Court ordered the release of human rights defender Ana "
        "Lee under judicial control. She went home to her family the same evening."
    )
    assert ("release", "2024-04-03") in got


def test_the_rest_of_a_term_replaced_by_a_lighter_penalty_is_a_release() -> None:
    evs = _events(
        "On 3 April 2024, the Zenda City Court granted an application by human rights defender "
        "Ana Lee and replaced the unserved part of her six-year prison term with a fine."
    )
    releases = [e for e in evs if e["type"] == "release"]
    assert [e["date"] for e in releases] == ["2024-04-03"] and releases[0]["targets"]
    got = _pairs("On 3 April 2024, the Zenda City Court replaced the judge in the trial of Ana.")
    assert not any(t == "release" for t, _ in got)


def test_a_court_deadline_is_a_decision_and_its_warning_no_threat() -> None:
    got = _pairs(
        "On 3 April 2024, the Zenda City Court gave the prosecution 14 days to examine the "
        "laptops seized from human rights defender Ana Lee, warning that they would otherwise "
        "be handed back to her."
    )
    assert ("court_decision", "2024-04-03") in got
    assert not any(t == "threat" for t, _ in got)
    # a warning that is no part of a court's decision stays a threat
    got = _pairs(
        "On 3 April 2024, a man called human rights defender Ana Lee, warning that she would "
        "be killed."
    )
    assert ("threat", "2024-04-03") in got


def test_who_questions_is_the_prosecution_the_paragraph_brought_him_before() -> None:
    evs = _events(
        "On 3 April 2024, human rights defender Tom Reed was brought to the Zenda Chief Public "
        "Prosecutor's Office and told that he was suspected of sedition. His lawyers were shown "
        "only a police report. He was questioned about his posts on social media."
    )
    asked = [e for e in evs if e["type"] == "interrogation"]
    assert asked and asked[0]["agents"] and asked[0]["authority"] == asked[0]["agents"][0]


def test_a_bare_kin_noun_is_the_relative_the_text_named_with_it() -> None:
    evs = _named(
        "We are concerned about Ms. Ana Lee, a defender, and her son, Mr. Tomas Reed, a "
        "student.\n\nOn 9 March 2024, Ms. Lee was arrested by police. Her son was detained "
        "on 10 March 2024 when he went to the police station to ask about her."
    )
    assert [(e["type"], e["date"], e["targets"]) for e in evs] == [
        ("arrest", "2024-03-09", ["Ana Lee"]),
        ("arrest", "2024-03-10", ["Tomas Reed"]),
    ]
    # the object of an active verb, too
    evs = _named(
        "Ana Lee is a defender. Her husband, Piet Marno, teaches in Ostrava. On 3 May 2024, "
        "police questioned her husband about her work."
    )
    assert _one(evs, "interrogation")["targets"] == ["Piet Marno"]
    # with no relative named by that noun, the kin noun points at no named person
    evs = _named(
        "Ana Lee is a defender. Her husband, Piet Marno, teaches in Ostrava. On 3 May 2024, "
        "her brother was arrested."
    )
    assert "Piet Marno" not in _one(evs, "arrest")["targets"]


def test_a_pronoun_points_back_to_a_lawyer_an_earlier_event_was_done_to() -> None:
    # the lawyer arrested for her work is the "her" of the court's order, not the journalist
    # named later in the appeal
    evs = _named(
        "Human rights lawyer Ana Lee was arrested on 4 March 2024 in Ostrava by police.\n\n"
        "Ana Lee represented several students. On 12 March 2024, Judge Tom Reed of the Ostrava "
        "District Court ordered her pre-trial detention for two months.\n\n"
        "Journalist Piet Marno, who reported on the arrest, was threatened by unknown men."
    )
    assert _one(evs, "detention")["targets"] == ["Ana Lee"]
    # a lawyer no event was done to is still no one a pronoun points back to
    evs = _named(
        "Journalist Piet Marno was arrested on 4 March 2024.\n\nHis lawyer Ana Lee spoke to the "
        "press. On 12 March 2024, the Ostrava District Court ordered his pre-trial detention."
    )
    assert _one(evs, "detention")["targets"] == ["Piet Marno"]


def test_the_subject_of_a_passive_undergoes_it_across_an_apposition() -> None:
    # his lawyer, summoned herself: she undergoes the summons, the client does not
    evs = _named(
        "Journalist Piet Marno was arrested on 4 March 2024. His lawyer, Ana Lee, spoke to the "
        "press.\n\nAna Lee, a member of the Ostrava Bar Association, was summoned for "
        "questioning on 15 March 2024."
    )
    assert _one(evs, "summons")["targets"] == ["Ana Lee"]


def test_steps_a_witness_reports_take_the_day_of_their_paragraph_only() -> None:
    # reported in a paragraph of its own, a step has no day the story gives it
    apart = (
        "Security officers detained Ana Lee in Ostrava on 3 March 2024.\n\nHer husband, Piet "
        "Marno, said that officers searched the family's flat and seized her laptop."
    )
    assert _pairs(apart) == {("arrest", "2024-03-03"), ("search", None), ("seizure", None)}
    # reported right after the dated step of its paragraph, it is of that story, that day
    told = apart.replace(".\n\nHer", ". Her")
    assert _pairs(told) == {
        ("arrest", "2024-03-03"),
        ("search", "2024-03-03"),
        ("seizure", "2024-03-03"),
    }
    # told by the text itself, the steps go on from the day the paragraph tells
    own = told.replace("Her husband, Piet Marno, said that officers", "Officers then")
    assert _pairs(own) == {
        ("arrest", "2024-03-03"),
        ("search", "2024-03-03"),
        ("seizure", "2024-03-03"),
    }


def test_the_one_conviction_of_a_story_that_tells_a_term_given_is_the_sentence() -> None:
    lead = (
        "Zembla Watch condemns the sentencing of the blogger Ana Lee to three years in prison. "
        "On 4 February 2024, the Ostrava Court convicted her of insulting the President."
    )
    assert _pairs(lead) == {("sentence", "2024-02-04")}
    # a term asked for or risked is no term given: the conviction stays a conviction
    asked = (
        "On 4 February 2024, the Ostrava Court convicted the blogger Ana Lee of insulting the "
        "President. The prosecutor had asked for a three-year sentence."
    )
    assert ("conviction", "2024-02-04") in _pairs(asked)
    assert ("sentence", "2024-02-04") not in _pairs(asked)


def test_a_trial_a_person_is_due_to_stand_is_a_scheduled_hearing() -> None:
    body = (
        "Zembla Watch calls for the release of the journalist Ana Lee, who is due to stand trial "
        "before the Ostrava Court on 14 June 2024."
    )
    evs = _named(body)
    assert [(e["type"], e["date"], e["targets"]) for e in evs] == [
        ("trial_hearing", "2024-06-14", ["Ana Lee"])
    ]
    assert _pairs("Ana Lee will stand trial on 14 June 2024.") == {("trial_hearing", "2024-06-14")}
    # a trial she stood is a hearing of its day, as before; one she may face is none
    assert _pairs("Ana Lee may face trial for her articles.") == set()


def test_an_undated_arrest_takes_the_day_a_custody_was_held_since() -> None:
    body = (
        "Zembla Watch calls for the release of the lawyer Ana Lee, who has been held without "
        "charge since 19 February 2024.\n\nAna Lee, a defender, was arrested at her office in "
        "Ostrava by police officers."
    )
    assert ("arrest", "2024-02-19") in _pairs(body)
    # someone else's custody gives her arrest no date
    other = body.replace("the lawyer Ana Lee, who has", "the lawyer Tom Reed, who has")
    assert ("arrest", None) in _pairs(other)
    assert ("arrest", "2024-02-19") not in _pairs(other)


def test_a_verb_between_two_dates_of_its_clause_takes_the_one_after_it() -> None:
    # "stripped of X in D1 and sentenced ... in D2": the date before belongs to the first verb
    body = (
        "Tom Reed is the director of the Zembla Rights Centre. He was stripped of his "
        "nationality in 2015 and sentenced in absentia to ten years in prison in 2017 by the "
        "Ostrava High Court."
    )
    got = _pairs(body)
    assert ("sentence", "2017") in got
    assert ("sentence", "2015") not in got
    # with no date after it, the verb still takes the date before, as before
    one = "On 3 May 2024, Tom Reed was arrested and sentenced to ten years in prison."
    assert ("sentence", "2024-05-03") in _pairs(one)


def test_their_after_a_list_of_names_is_everyone_listed() -> None:
    # a lawyer held with the defenders is one of "their" too; the judge between is not
    body = (
        "On 2 May 2024, police searched the office of the Zembla Rights Centre. The human rights "
        "defender Ana Lee, the journalist Tom Reed, the lawyer Eva Stone and the lawyer Ivo Marr "
        "were taken to the police station. On 4 May 2024, Judge Karl Hess of the Ostrava "
        "District Court ordered their pre-trial detention for two months."
    )
    held = [e for e in _named(body) if e["type"] == "detention"]
    assert held and held[0]["targets"] == ["Ana Lee", "Tom Reed", "Eva Stone", "Ivo Marr"]
    # "the accused" is everyone accused, not only the last list
    assert "Karl Hess" not in held[0]["targets"]


def test_a_list_ending_in_and_with_a_kin_noun_is_one_clause() -> None:
    # ", and his brothers, B and C" goes on with the objects of the verb; no clause of its own
    body = (
        "The defender Ana Lee lives in exile. On 3 May 2024, officers of the Zembla Police "
        "Department raided her family's house and arrested her father, Karl Lee, 70, and her "
        "brothers, Ivo and Tom Lee."
    )
    arrests = [e for e in _named(body) if e["type"] == "arrest"]
    assert arrests and {"Karl Lee", "Ivo Lee", "Tom Lee"} <= set(arrests[0]["targets"])
    # a clause with a verb of its own still breaks: the beating is not the arrest's
    two = (
        "On 3 May 2024, police officers arrested the defender Ana Lee, and unknown men beat "
        "her brother, Tom Lee."
    )
    arrests = [e for e in _named(two) if e["type"] == "arrest"]
    assert arrests and "Tom Lee" not in arrests[0]["targets"]


def test_a_when_clause_with_a_name_set_off_by_commas_takes_the_date_it_hangs_on() -> None:
    body = (
        "On 3 April 2024, police arrested the defender Ana Lee. She was moved to Ostrava on "
        "6 April and held without charge until 14 April, when the military prosecutor, "
        "Colonel Karl Hess, charged her with rebellion."
    )
    got = _pairs(body)
    assert ("charge", "2024-04-14") in got
    assert ("charge", "2024-04-06") not in got


def test_a_person_followed_by_men_or_a_car_is_threatened() -> None:
    got = _pairs("On 3 April 2024, the wife of Ana Lee was followed by plain-clothes police.")
    assert ("threat", "2024-04-03") in got
    # a step followed by another is no shadowing
    got = _pairs("On 3 April 2024, police arrested Ana Lee. The arrest was followed by a search.")
    assert not any(t == "threat" for t, _ in got)


def test_a_threat_told_since_a_day_later_in_its_clause_began_that_day() -> None:
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee. Her brother, Tom Reed, has been followed by two "
        "men on a motorcycle since 12 February 2024."
    )
    assert ("threat", "2024-02-12") in got
    assert ("threat", None) not in got
    # "since" an event, not a day: undated, as before
    got = _pairs("Since the arrest of Ana Lee, her brother has been followed by two men.")
    assert ("threat", None) in got
    # the "since" of another verb joined by "and" is not the threat's start
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee. She had received death threats and had been "
        "a member of the council since 12 February 2019."
    )
    assert ("threat", "2019-02-12") not in got


def test_a_phrase_that_ends_in_on_takes_the_date_right_after_it() -> None:
    # one sentence (the "S.A." does not end it) with a charge dated before the hearing's date
    body = (
        "On 2 April 2024, the prosecutor charged Ana Lee on a complaint by Zembla Mining S.A. "
        "The Ostrava District Court summoned her to a first hearing on 20 April 2024."
    )
    got = _pairs(body)
    assert ("trial_hearing", "2024-04-20") in got
    assert ("trial_hearing", "2024-04-02") not in got
    # a ruling at a hearing of that day keeps the day
    ruling = (
        "At a hearing on 8 April 2024 before the Ostrava District Court, Judge Karl Hess "
        "granted the request of the company to keep the defender Ana Lee away from the land."
    )
    assert ("court_decision", "2024-04-08") in _pairs(ruling)


def test_taken_by_men_who_do_not_say_who_they_are_is_a_disappearance() -> None:
    body = (
        "The defender Ana Lee was charged in 2023. Her colleague, the researcher Tom Reed, was "
        "picked up by men in plain clothes on 3 April 2024 and released the next day."
    )
    evs = _named(body)
    gone = [e for e in evs if e["type"] == "disappearance"]
    assert gone and gone[0]["date"] == "2024-04-03"
    assert not any(e["type"] == "arrest" for e in evs)
    # police who arrest are police: an arrest
    police = "On 3 April 2024, the defender Tom Reed was arrested by police officers."
    assert ("arrest", "2024-04-03") in _pairs(police)


def test_the_one_named_after_a_possessor_and_a_post_undergoes_the_step() -> None:
    body = (
        "The defender Ana Lee is on trial. Ana Lee's colleague, researcher Tom Reed, was "
        "arrested on 3 April 2024."
    )
    arrests = [e for e in _named(body) if e["type"] == "arrest"]
    assert arrests and arrests[0]["targets"] == ["Tom Reed"]


def test_the_one_a_retold_step_was_ordered_by_acts_in_it() -> None:
    body = (
        "On 3 April 2024, the defender Ana Lee was arrested at her home by officers of the "
        "Zembla Security Service. The arrest was ordered by Mr. Karl Hess, Governor of Ostrava."
    )
    arrests = [e for e in _named(body) if e["type"] == "arrest"]
    assert arrests and "Karl Hess" in arrests[0]["agents"]
    assert arrests[0]["targets"] == ["Ana Lee"]


def test_a_step_the_lead_tells_undated_is_the_one_the_narrative_dates() -> None:
    body = (
        "Two defenders, Ana Lee and Eva Stone, were sentenced to five years in prison on "
        "19 April 2024. A third defender, Tom Reed, was released on bail.\n\n"
        "Tom Reed, a teacher, was released on bail on 24 April 2024."
    )
    got = _pairs(body)
    assert ("release", "2024-04-24") in got
    assert ("release", "2024-04-19") not in got


def test_a_past_perfect_in_a_reported_clause_is_the_step_reported() -> None:
    body = (
        "On 3 April 2024, police arrested the lawyer Tom Reed. His wife, Eva Reed, said that "
        "the police had seized his laptop and case files."
    )
    assert ("seizure", None) in _pairs(body)  # (what a witness reports keeps no date)
    # told by the narrative itself, an undated past perfect still looks back to no one step
    plain = (
        "On 3 April 2024, police arrested the lawyer Tom Reed. The police had seized his "
        "laptop and case files."
    )
    assert not any(t == "seizure" for t, _ in _pairs(plain))
    # "testified that": the witness is no target of what they report
    witness = (
        "On 3 April 2024, police arrested the defender Ana Lee. Tom Reed, a member of the "
        "Zembla Rights Centre, testified that the defender had been beaten in custody."
    )
    beaten = [e for e in _named(witness) if e["type"] == "attack"]
    assert beaten and "Tom Reed" not in beaten[0]["targets"]


def test_people_taken_to_a_police_station_or_a_security_building_are_arrested() -> None:
    body = (
        "On 3 April 2024, officers searched the office of the Zembla Rights Centre. The "
        "defenders Ana Lee and Tom Reed were taken to the State Security Service building in "
        "Ostrava."
    )
    assert ("arrest", "2024-04-03") in _pairs(body)
    # taken to a hospital is no arrest
    hurt = "On 3 April 2024, the defender Ana Lee was taken to the Ostrava City Hospital."
    assert not any(t == "arrest" for t, _ in _pairs(hurt))


def test_a_registration_not_renewed_is_a_deregistration() -> None:
    body = (
        "The Zembla Rights Centre has given legal aid since 2010. In 2023, the Ministry of "
        "Justice refused to renew the registration of the Zembla Rights Centre."
    )
    evs = [e for e in _named(body) if e["type"] == "deregistration"]
    assert evs and evs[0]["date"] == "2023"
    assert evs[0]["targets"] == ["Zembla Rights Centre"]
    # a visa not renewed is no deregistration
    visa = "In 2023, the Ministry of Justice refused to renew the visa of the poet Ana Lee."
    assert not any(t == "deregistration" for t, _ in _pairs(visa))


def test_an_event_noun_dated_after_the_names_apposition_and_place() -> None:
    body = (
        "Zenda Watch condemns the killing of journalist Tom Reed, director of the online outlet "
        "Vela Voice, in Ostrava, Farland, on 4 April 2024, and calls for an investigation."
    )
    kills = [e for e in _named(body) if e["type"] == "killing"]
    assert [k["date"] for k in kills] == ["2024-04-04"]
    assert kills[0]["targets"] == ["Tom Reed"]
    # a clause of its own between the name and the date: the date is not the noun's
    clause = (
        "Zenda Watch recalls the arrest of the poet Ana Lee, who was later released, in "
        "Ostrava, on 4 April 2024."
    )
    assert ("arrest", "2024-04-04") not in _pairs(clause)


def test_a_step_told_as_the_object_of_concern_is_an_event_the_speaker_took_no_part_in() -> None:
    body = (
        "UN experts today expressed concern about the arrest of the human rights defender Ana "
        "Lee on 3 April 2024 in Ostrava."
    )
    arrests = [e for e in _named(body) if e["type"] == "arrest"]
    assert [a["date"] for a in arrests] == ["2024-04-03"]
    assert arrests[0]["targets"] == ["Ana Lee"] and arrests[0]["agents"] == []
    # the issuer that condemns a step is not its agent
    condemned = (
        "The Zenda Human Rights Centre condemns the arrest of the lawyer Tom Reed on 3 April 2024."
    )
    held = [e for e in _named(condemned) if e["type"] == "arrest"]
    assert held and all("Zenda Human Rights Centre" not in e["agents"] for e in held)
    # concern that a step may come is still no event
    feared = "UN experts expressed concern that Ana Lee could be arrested on 3 April 2024."
    assert not any(t == "arrest" for t, _ in _pairs(feared))


def test_a_press_release_dateline_with_its_date_in_brackets_dates_no_event() -> None:
    text = (
        "Zembla: UN experts alarmed by charges against defenders\n\n"
        "OSTRAVA (27 April 2024) – UN experts today expressed alarm at the charges brought "
        "against the defender Ana Lee.\n\n"
        "On 19 April 2024, the prosecutor charged Ana Lee with sedition.\n"
    )
    rec = extract_case(text, appeal_id="t")
    assert rec["appeal"]["date"] == "2024-04-27"
    assert {(e["type"], e["date"]) for e in rec["events"]} == {("charge", "2024-04-19")}


def test_charges_filed_with_their_offence_and_law_before_whom_they_are_against() -> None:
    body = (
        "On 19 April 2024, the Ministry of Justice filed charges of financing terrorism under "
        "Section 4 of the Public Order Act against the defender Ana Lee."
    )
    charges = [e for e in _named(body) if e["type"] == "charge"]
    assert [c["date"] for c in charges] == ["2024-04-19"]
    assert charges[0]["targets"] == ["Ana Lee"]
    # a complaint filed against someone is still no charge
    complaint = "On 19 April 2024, the mayor filed a complaint of defamation against Ana Lee."
    assert not any(t == "charge" for t, _ in _pairs(complaint))


def test_warrants_issued_for_an_arrest_are_the_courts_decision_not_the_arrest() -> None:
    body = (
        "The Zenda Regional Court issued warrants for the arrest of the defenders Ana Lee and "
        "Tom Reed on 22 April 2024."
    )
    got = _pairs(body)
    assert ("court_decision", "2024-04-22") in got
    assert not any(t == "arrest" for t, _ in got)


def test_the_following_morning_is_the_next_day() -> None:
    body = (
        "On 3 April 2024, police arrested the poet Ana Lee. Her colleague, the teacher Tom "
        "Reed, was arrested the following morning at the police station."
    )
    assert ("arrest", "2024-04-04") in _pairs(body)


def test_a_subject_set_off_by_commas_undergoes_the_passive_whatever_its_title() -> None:
    body = (
        "On 3 April 2024, police arrested the poet Ana Lee. The Zenda Judge Karl Mugo ruled "
        "on her case in 2019. A retired judge, Mr. Karl Mugo, was arrested on 4 April 2024 "
        "when he went to the police station in Ostrava to ask about her."
    )
    arrests = [e for e in _named(body) if e["type"] == "arrest" and e["date"] == "2024-04-04"]
    assert arrests and arrests[0]["targets"] == ["Karl Mugo"]


def test_a_counted_group_larger_than_the_last_list_takes_the_people_told_of_since() -> None:
    body = (
        "On 3 April 2024, police arrested the chair of the Zenda Rights Centre, Ms. Ana Lee; "
        "its secretary, Mr. Tom Reed; and its treasurer, Ms. Eva Stone. Their lawyer, Mr. Karl "
        "Hess, was arrested the next day. On 6 April 2024, the four were charged with sedition."
    )
    charges = [e for e in _named(body) if e["type"] == "charge"]
    assert charges and sorted(charges[0]["targets"]) == [
        "Ana Lee",
        "Eva Stone",
        "Karl Hess",
        "Tom Reed",
    ]


def test_a_step_the_lead_dates_is_the_one_the_narrative_tells_undated_with_its_court() -> None:
    text = (
        "5 May 2024\n\nZembla: Poet sentenced\n\n"
        "Zenda Watch condemns the prison sentence handed down on 9 April 2024 to the poet Ana "
        "Lee, and calls for her release.\n\n"
        "The Ostrava Regional Court, which is known for its harsh terms, sentenced Ana Lee to "
        "six years in prison.\n"
    )
    rec = extract_case(text, appeal_id="t")
    names = {x["id"]: x.get("name") for x in rec["persons"] + rec["organisations"]}
    sentences = [e for e in rec["events"] if e["type"] == "sentence"]
    assert [e["date"] for e in sentences] == ["2024-04-09"]
    assert [names[x] for x in sentences[0]["targets"]] == ["Ana Lee"]
    assert names.get(sentences[0]["authority"]) == "Ostrava Regional Court"
    # the narrative's undated sentence of someone else is not that step
    other = text.replace("sentenced Ana Lee", "sentenced the poet Tom Reed")
    got = [(e["type"], e["date"]) for e in extract_case(other, appeal_id="t")["events"]]
    assert got.count(("sentence", None)) == 1


def test_kin_named_after_a_possessive_are_the_objects_not_whose_kin_they_are() -> None:
    body = (
        "On 3 April 2024, police arrested the lawyer Ana Lee and the reporter Tom Reed. On 9 "
        "April 2024, police arrested Lee's husband, Karl Hess, an engineer, and Reed's brother, "
        "Ivan Reed, when they went to the prosecutor's building."
    )
    later = [e for e in _named(body) if e["type"] == "arrest" and e["date"] == "2024-04-09"]
    assert later and sorted(later[0]["targets"]) == ["Ivan Reed", "Karl Hess"]
    # one named for themselves in the clause as well stays a target
    both = (
        "On 9 April 2024, police arrested the lawyer Ana Lee and Lee's husband, Karl Hess, at "
        "their home."
    )
    held = [e for e in _named(both) if e["type"] == "arrest"]
    assert held and sorted(held[0]["targets"]) == ["Ana Lee", "Karl Hess"]


def test_a_shooting_whose_death_is_told_next_is_a_killing() -> None:
    body = (
        "On 3 April 2024, two armed men shot the defender Tom Reed in front of his home in "
        "Ostrava, in the presence of his partner, Ms. Eva Stone, and his mother, Ms. Ana Lee. "
        "He died on the way to the hospital."
    )
    evs = _named(body)
    assert [(e["type"], e["date"]) for e in evs] == [("killing", "2024-04-03")]
    assert evs[0]["targets"] == ["Tom Reed"]  # (those who saw it are no targets)
    # a shooting no death follows is an attack; one "shot dead" is the killing alone
    hurt = "On 3 April 2024, the defender Tom Reed was shot in the leg by police in Ostrava."
    assert _pairs(hurt) == {("attack", "2024-04-03")}
    dead = (
        "On 3 April 2024, the defender Tom Reed was shot dead outside his home. According to "
        "the police, he was shot in the head."
    )
    assert _pairs(dead) == {("killing", "2024-04-03")}


def test_steps_told_to_someone_that_are_reported_ones() -> None:
    body = (
        "On 3 April 2024, police arrested the poet Ana Lee at her home in Ostrava.\n\n"
        "Her husband, Tom Reed, a teacher, told the Zenda Human Rights Centre that officers "
        "took the family's laptops and telephones."
    )
    seized = [e for e in _named(body) if e["type"] == "seizure"]
    assert [e["date"] for e in seized] == [None]  # (a witness's report keeps no date)
    assert "Zenda Human Rights Centre" not in seized[0]["agents"]


def test_them_dispersed_is_the_gathering_not_the_defenders_named_last() -> None:
    body = (
        "On 3 April 2024, police arrested the defenders Ana Lee and Tom Reed in Ostrava. Large "
        "crowds gathered outside the police station, and the police dispersed them with tear "
        "gas."
    )
    attacks = [e for e in _named(body) if e["type"] == "attack"]
    assert [(e["date"], e["targets"]) for e in attacks] == [("2024-04-03", [])]


@pytest.mark.parametrize(
    "asked",
    [
        "The prosecutor, Tom Reed, had asked for six years.",
        "Prosecutor Tom Reed had asked for a twelve-year sentence.",
        "Prosecutor Tom Reed seeks up to three years in prison.",
        "The prosecution asked for 18 months for Ana Lee.",
    ],
)
def test_a_sentencing_request_told_by_its_term_is_an_undated_event(asked: str) -> None:
    # told after the dated verdict, the request is an event (the convention: type other), on a
    # day the text does not give: neither the verdict's day nor dropped as a past perfect
    body = (
        "On 4 February 2024, the Ostrava Court sentenced the blogger Ana Lee to two years in "
        f"prison for insulting the President. {asked}"
    )
    assert ("other", None) in _pairs(body)
    assert ("other", "2024-02-04") not in _pairs(body)
    # a term the issuer asks to be cut, or a count that is no term, is no request
    assert ("other", None) not in _pairs(
        "On 4 February 2024, the Ostrava Court sentenced the blogger Ana Lee to two years in "
        "prison. Her lawyer asked for the release of her notebooks."
    )


def test_a_step_told_as_repeated_takes_no_date_from_the_paragraph() -> None:
    lead = "On 3 May 2024, police arrested the journalist Ana Lee in Ostrava. "
    # told once, the step goes on with the day the paragraph tells
    once = _pairs(lead + "Her father, Tom Lee, was summoned to the police station.")
    assert ("summons", "2024-05-03") in once
    for times in ("twice", "three times"):
        pairs = _pairs(lead + f"Her father, Tom Lee, was summoned to the police station {times}.")
        assert ("summons", None) in pairs
        assert ("summons", "2024-05-03") not in pairs


def test_people_a_trigger_phrase_names_are_its_own_targets() -> None:
    # two steps in one sentence, each naming its people inside its own words: the travel ban is
    # done to the two it names, the court's merger of cases to the one its words name
    evs = _named(
        "On 3 May 2024, the Zembla City Court acquitted the defenders Ana Lee and Tom Reed. "
        "It banned Eva Hart and Ivo Dub from leaving the country and merged the case against "
        "Ana Lee into the capital's proceedings."
    )
    assert set(_one(evs, "travel_ban")["targets"]) == {"Eva Hart", "Ivo Dub"}
    assert "Ana Lee" not in _one(evs, "travel_ban")["targets"]
    merged = _one(evs, "court_decision")["targets"]
    assert "Eva Hart" not in merged and "Ivo Dub" not in merged


# the rules' near miss; the learned step, reading a sentence no trigger matched in, may
# still add a weak event here (its cost, measured: docs/extraction.md)
@pytest.mark.usefixtures("rules_only")
def test_a_body_suspended_or_shut_down_is_banned() -> None:
    evs = _named(
        "On 3 May 2024, the Ministry of Justice suspended the Zembla Rights Centre and froze "
        "its bank accounts."
    )
    ban = _one(evs, "ban")
    assert ban["date"] == "2024-05-03"
    assert ban["targets"] == ["Zembla Rights Centre"]
    assert ban["agents"] == ["Ministry of Justice"]
    # "suspended" with a step of proceedings as its object bans no one
    assert not any(
        e["type"] == "ban"
        for e in _named("On 3 May 2024, the Zembla City Court suspended the hearing of Ana Lee.")
    )


@pytest.mark.parametrize(
    "told",
    [
        "On 3 May 2024, Ana Lee was ordered to appear before the investigator.",
        "On 3 May 2024, Ana Lee was called to the Zenda police station.",
        "On 3 May 2024, investigators told Ana Lee to report to the prosecutor's office.",
    ],
)
def test_told_to_appear_before_the_police_or_an_investigator_is_a_summons(told: str) -> None:
    assert ("summons", "2024-05-03") in _pairs(told)


def test_called_or_invited_elsewhere_is_no_summons() -> None:
    assert not any(
        t == "summons"
        for t, _ in _pairs("On 3 May 2024, Ana Lee was invited to a conference in Geneva.")
    )


def test_his_office_at_a_body_searched_is_done_to_him_and_to_the_body() -> None:
    # the paragraph of the search names no one: "his" points to the person named before it;
    # the body whose premises the office is, named in the clause, is searched too
    evs = _named(
        "Human rights defender Tom Reed heads the Zenda Rights Hub.\n\n"
        "On 3 May 2024, police officers detained him at his home. They then took him to his "
        "office at the Zenda Rights Hub and searched it."
    )
    search = _one(evs, "search")
    assert set(search["targets"]) == {"Tom Reed", "Zenda Rights Hub"}


def test_one_named_after_the_clause_only_as_whose_lawyer_another_is_takes_no_part() -> None:
    evs = _named(
        "On 2 May 2024, police arrested the defenders Ana Lee and Tom Reed.\n\n"
        "The trial opened on 9 May 2024 but was adjourned the same day, after the judge found "
        "that the defence needed interpreters: according to the court, Eva Hart's lawyer, "
        "Mr Ivo Dub, did not speak the language."
    )
    trial = next(e for e in evs if e["type"] == "trial_hearing" and e["date"] == "2024-05-09")
    assert "Eva Hart" not in trial["targets"]
    assert "Ivo Dub" not in trial["targets"]


def test_a_step_told_again_in_a_clause_of_its_own_adds_its_people() -> None:
    # "several of his relatives" (no name of their own) were arrested with him: one arrest,
    # of him and of them
    evs = _named(
        "On 3 May 2024, Mr. Tom Reed was arrested at his home; several of his relatives were "
        "taken away with him."
    )
    arrest = _one(evs, "arrest")
    assert arrest["date"] == "2024-05-03"
    assert arrest["targets"][0] == "Tom Reed"
    assert len(arrest["targets"]) == 2 and arrest["targets"][1] is None


# ------------------------------------------------- genre words and dates bound to their clause


@pytest.mark.parametrize(
    ("body", "pair"),
    [
        ("On 3 May 2024, officers picked him up outside his home.", ("arrest", "2024-05-03")),
        ("On 3 May 2024, she was handcuffed and led away by police.", ("arrest", "2024-05-03")),
        ("On 3 May 2024, Ana Lee appeared before the Zenda District Court.",
         ("trial_hearing", "2024-05-03")),
        ("On 3 May 2024, Ana Lee was interviewed by police officers for five hours.",
         ("interrogation", "2024-05-03")),
        ("On 3 May 2024, police impounded the car of Ana Lee.", ("seizure", "2024-05-03")),
        ("On 3 May 2024, Ana Lee was granted early release.", ("release", "2024-05-03")),
        ("On 3 May 2024, Ana Lee was paroled.", ("release", "2024-05-03")),
        ("On 3 May 2024, Ana Lee went missing after leaving her office.",
         ("disappearance", "2024-05-03")),
        ("On 3 May 2024, the Supreme Court overturned the conviction of Ana Lee.",
         ("court_decision", "2024-05-03")),
    ],
)  # fmt: skip
def test_phrasal_verbs_nouns_and_idioms_of_the_genre(body: str, pair: tuple[str, str]) -> None:
    assert pair in _pairs(body)


def test_appearing_before_an_investigator_or_a_file_going_missing_is_no_event() -> None:
    got = _pairs(
        "On 3 May 2024, Ana Lee was summoned to appear before the investigating judge. "
        "On 4 May 2024, the case file went missing."
    )
    assert not {t for t, _ in got} & {"trial_hearing", "disappearance"}


def test_the_court_before_which_one_appears_holds_the_hearing() -> None:
    text = (
        "5 May 2024\n\nZembla: Poet tried\n\n"
        "On 3 May 2024, Ana Lee appeared before the Zenda City Court.\n"
    )
    rec = extract_case(text, appeal_id="t")
    court = next(o["id"] for o in rec["organisations"] if o["name"] == "Zenda City Court")
    hearing = next(e for e in rec["events"] if e["type"] == "trial_hearing")
    assert court in hearing["agents"]


def test_a_judgment_undone_with_an_acquittal_is_the_acquittal() -> None:
    got = _pairs("On 3 May 2024, the Court of Appeal quashed that judgment and acquitted Ana Lee.")
    assert ("acquittal", "2024-05-03") in got
    assert ("court_decision", "2024-05-03") not in got


@pytest.mark.parametrize(
    ("body", "pair"),
    [
        ("Since Ana Lee's arrest on 3 May 2024, her family has had no news.",
         ("arrest", "2024-05-03")),
        ("After the journalist’s release on 3 May 2024, he left.", ("release", "2024-05-03")),
        ("Ana Lee's trial on 3 May 2024 lasted ten minutes.", ("trial_hearing", "2024-05-03")),
        ("On 3 May 2024, Ana Lee was jailed.", ("detention", "2024-05-03")),
        ("On 3 May 2024, police prevented Ana Lee from boarding a flight.",
         ("travel_ban", "2024-05-03")),
        ("On 3 May 2024, border guards stopped Tom Reed from leaving the country.",
         ("travel_ban", "2024-05-03")),
    ],
)  # fmt: skip
def test_possessives_custody_without_a_term_and_named_travellers(
    body: str, pair: tuple[str, str]
) -> None:
    assert pair in _pairs(body)


def test_a_term_makes_the_jailing_a_sentence() -> None:
    got = _pairs("On 3 May 2024, Ana Lee was jailed for five years.")
    assert ("sentence", "2024-05-03") in got and not any(t == "detention" for t, _ in got)


def test_what_remains_so_takes_no_date_from_the_paragraph() -> None:
    got = _pairs("Ana Lee was arrested on 3 May 2024. She remains under investigation.")
    assert ("investigation", None) in got and ("investigation", "2024-05-03") not in got
    got = _pairs("Ana Lee was arrested on 3 May 2024. She was placed under investigation.")
    assert ("investigation", "2024-05-03") in got


@pytest.mark.parametrize(
    ("body", "pair"),
    [
        ("On 3 May 2024, unknown men fired two shots into the office of the Zembla Rights Centre.",
         ("attack", "2024-05-03")),
        ("On 3 May 2024, police beat the protesters with batons.", ("attack", "2024-05-03")),
        ("On 3 May 2024, police dragged Ana Lee by her hair.", ("attack", "2024-05-03")),
        ("On 3 May 2024, Tom Reed died in his cell.", ("other", "2024-05-03")),
        ("On 3 May 2024, Ana Lee was handcuffed and taken to the police station.",
         ("arrest", "2024-05-03")),
        ("On 3 May 2024, Ana Lee was held at the airport for six hours.", ("arrest", "2024-05-03")),
        ("On 3 May 2024, the court heard the case of Ana Lee.", ("trial_hearing", "2024-05-03")),
        ("On 3 May 2024, unknown men broke into the office of the Zembla Rights Centre.",
         ("raid", "2024-05-03")),
        ("On 3 May 2024, the Zembla Rights Centre was designated an extremist organisation.",
         ("ban", "2024-05-03")),
        ("On 3 May 2024, the Zembla Rights Centre was declared undesirable.",
         ("ban", "2024-05-03")),
        ("On 3 May 2024, Ana Lee was placed on a terrorist list.", ("ban", "2024-05-03")),
    ],
)  # fmt: skip
def test_shots_blows_holds_break_ins_and_designations(body: str, pair: tuple[str, str]) -> None:
    assert pair in _pairs(body)


def test_shots_fired_through_a_window_then_a_death_are_a_killing() -> None:
    got = _pairs(
        "On 3 May 2024, an unidentified gunman fired several shots through a window of the home "
        "of Ana Lee. She was hit in the head and died at the scene."
    )
    assert ("killing", "2024-05-03") in got and not any(t == "attack" for t, _ in got)


@pytest.mark.parametrize(
    ("body", "pair"),
    [
        ("On 3 May 2024, the prosecutor dropped the charges against Ana Lee.",
         ("court_decision", "2024-05-03")),
        ("On 3 May 2024, the charges against Ana Lee were dropped.",
         ("court_decision", "2024-05-03")),
        ("On 3 May 2024, the court dismissed the case against Ana Lee.",
         ("court_decision", "2024-05-03")),
        ("On 3 May 2024, Ana Lee was put on the federal wanted list.",
         ("court_decision", "2024-05-03")),
        ("On 3 May 2024, the authorities declared Ana Lee wanted.",
         ("court_decision", "2024-05-03")),
    ],
)  # fmt: skip
def test_charges_dropped_and_a_wanted_list_are_decisions(body: str, pair: tuple[str, str]) -> None:
    assert pair in _pairs(body)


def test_the_demand_to_drop_the_charges_is_no_decision() -> None:
    got = _pairs("The authorities should drop the charges against Ana Lee.")
    assert not any(t == "court_decision" for t, _ in got)


@pytest.mark.parametrize(
    "body",
    [
        "Ana Lee has yet to be charged.",
        "Ana Lee was neither charged nor brought before a judge.",
        "Witnesses are still to be questioned.",
        "Ana Lee was still to be tried when the appeal was written.",
    ],
)
def test_steps_still_to_come_or_denied_are_no_events(body: str) -> None:
    assert _pairs(body) == set()


@pytest.mark.parametrize(
    "body",
    [
        "On 3 May 2024, a week after her arrest, Ana Lee was charged.",
        "Ana Lee was arrested on 26 April 2024. She appeared before the prosecutor on 3 May "
        "2024, a week later, who charged her with fraud.",
    ],
)
def test_a_count_in_apposition_to_a_date_restates_it(body: str) -> None:
    got = _pairs(body)
    assert ("charge", "2024-05-03") in got and ("charge", "2024-05-10") not in got


@pytest.mark.parametrize(
    ("body", "pair"),
    [
        ("The arrest took place on 3 May 2024 in Zenda.", ("arrest", "2024-05-03")),
        ("Her arrest came on 3 May 2024, after a protest.", ("arrest", "2024-05-03")),
        ("On 3 May 2024, the judge ordered Ana Lee's release on bail.", ("release", "2024-05-03")),
        ("On 3 May 2024, Ana Lee received a call threatening to kill her.",
         ("threat", "2024-05-03")),
        ("On 3 May 2024, Ana Lee was sued for defamation by a minister.",
         ("complaint", "2024-05-03")),
        ("On 3 May 2024, the Constitutional Court struck down the law.",
         ("court_decision", "2024-05-03")),
        ("On 3 May 2024, the court ordered the closure of the Zembla Rights Centre.",
         ("ban", "2024-05-03")),
        ("On 3 May 2024, the Zembla Rights Centre was forced to close.", ("ban", "2024-05-03")),
        ("On 3 May 2024, the authorities revoked the accreditation of Ana Lee.",
         ("ban", "2024-05-03")),
    ],
)  # fmt: skip
def test_nouns_that_took_place_orders_of_a_named_release_and_closures(
    body: str, pair: tuple[str, str]
) -> None:
    assert pair in _pairs(body)


def test_an_offence_dated_after_the_charge_is_no_second_charge() -> None:
    june = "10 June 2024"
    got = _pairs("Ana Lee was sentenced on 20 May 2024 for a protest on 3 March 2024.", june)
    assert got == {("sentence", "2024-05-20")}
    got = _pairs("Ana Lee was charged on 5 May 2024 over a protest held on 3 March 2024.", june)
    assert got == {("charge", "2024-05-05")}


def test_a_count_from_an_event_given_its_day_counts_from_that_day() -> None:
    got = _pairs(
        "Three days after her release on 3 May 2024, Ana Lee was summoned again.", "10 June 2024"
    )
    assert ("release", "2024-05-03") in got and ("summons", "2024-05-06") in got


@pytest.mark.parametrize(
    ("body", "pair"),
    [
        ("Ana Lee was among those arrested on 3 May 2024.", ("arrest", "2024-05-03")),
        ("Ana Lee was among dozens of protesters detained on 3 May 2024.",
         ("arrest", "2024-05-03")),
        ("On 3 May 2024, Ana Lee was given two years in prison.", ("sentence", "2024-05-03")),
        ("On 3 May 2024, the court refused her request for release.",
         ("court_decision", "2024-05-03")),
        ("On 3 May 2024, police officers bundled Ana Lee into a van.", ("arrest", "2024-05-03")),
        ("On 3 May 2024, Ana Lee's residence permit was revoked.", ("other", "2024-05-03")),
    ],
)  # fmt: skip
def test_one_among_those_taken_terms_given_and_requests_refused(
    body: str, pair: tuple[str, str]
) -> None:
    assert pair in _pairs(body)


def test_the_detained_among_the_crowd_are_still_no_event() -> None:
    assert _pairs("Among the detained activists was a poet.") == set()


def test_a_clause_that_counts_back_from_the_date_before_it() -> None:
    got = _pairs(
        "On 10 May 2024, three days after Ana Lee was released, police summoned her again.",
        "10 June 2024",
    )
    assert got == {("release", "2024-05-07"), ("summons", "2024-05-10")}
    got = _pairs("On 3 May 2024, two weeks after he was arrested, Tom Reed was charged.")
    assert got == {("arrest", "2024-04-19"), ("charge", "2024-05-03")}


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("On 3 May 2024, police raided the offices of the Zembla Rights Centre, confiscating "
         "computers and files.", {("raid", "2024-05-03"), ("seizure", "2024-05-03")}),
        ("On 3 May 2024, police broke up the sit-in, arresting Ana Lee and Tom Reed.",
         {("arrest", "2024-05-03")}),
        ("On 3 May 2024, the Zenda court upheld the verdict, sentencing Ana Lee to five years.",
         {("court_decision", "2024-05-03"), ("sentence", "2024-05-03")}),
        ("On 3 May 2024, the judge adjourned the trial, remanding Tom Reed in custody.",
         {("trial_hearing", "2024-05-03"), ("detention", "2024-05-03")}),
    ],
)  # fmt: skip
def test_a_participle_after_a_comma_is_a_step_of_the_same_act(
    body: str, want: set[tuple[str, str]]
) -> None:
    assert _pairs(body, "10 June 2024") == want


@pytest.mark.parametrize(
    "body",
    [
        "Human rights groups condemned the law, questioning its legality.",
        "The minister spoke on 3 May 2024, appealing for calm.",
        "The ministry issued a statement on 3 May 2024, threatening legal action against critics.",
    ],
)
def test_a_participle_in_another_sense_after_a_comma_is_no_event(body: str) -> None:
    assert _pairs(body, "10 June 2024") == set()


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("Arrested on 3 May 2024, Ana Lee was charged two days later.",
         {("arrest", "2024-05-03"), ("charge", "2024-05-05")}),
        ("Sentenced on 3 May 2024 to five years, Tom Reed is held in Zenda prison.",
         {("sentence", "2024-05-03")}),
        ("Abducted on 3 May 2024, Tom Reed reappeared a week later in police custody.",
         {("disappearance", "2024-05-03"), ("detention", "2024-05-10")}),
    ],
)  # fmt: skip
def test_a_participle_opening_a_sentence_with_its_date_is_undergone(
    body: str, want: set[tuple[str, str]]
) -> None:
    assert _pairs(body, "10 June 2024") == want


def test_a_document_released_is_no_release() -> None:
    assert _pairs("Released in May 2024, the report documents abuses.", "10 June 2024") == set()


@pytest.mark.parametrize(
    ("body", "pair"),
    [
        ("Her 3 May 2024 arrest came after she posted a video of the protest.",
         ("arrest", "2024-05-03")),
        ("The 3 May 2024 raid on the Zenda Times was the third this year.", ("raid", "2024-05-03")),
        ("Since her May 2024 conviction, Ana Lee has been held in Zenda prison.",
         ("conviction", "2024-05")),
        ("The May 3, 2024 search of her home lasted six hours.", ("search", "2024-05-03")),
    ],
)  # fmt: skip
def test_a_date_before_the_event_noun_dates_it(body: str, pair: tuple[str, str]) -> None:
    assert _pairs(body, "10 June 2024") == {pair}


def test_a_dated_hearing_named_as_the_occasion_of_another_step_is_no_hearing() -> None:
    got = _pairs(
        "During the 3 May 2024 hearing, Tom Reed was arrested in the courtroom.", "10 June 2024"
    )
    assert got == {("arrest", "2024-05-03")}


@pytest.mark.parametrize(
    ("body", "pair"),
    [
        ("On 3 May 2024 the National Security Court handed Tom Reed a ten-year prison sentence.",
         ("sentence", "2024-05-03")),
        ("On 3 May 2024, Ana Lee was found guilty of sedition and given five years in prison.",
         ("sentence", "2024-05-03")),
        ("On 3 May 2024, the regulator blocked Ana Lee's website.", ("ban", "2024-05-03")),
        ("On 3 May 2024, a judge ordered Tom Reed held for two months.",
         ("detention", "2024-05-03")),
        ("On 3 May 2024, the court ordered her detained pending trial.",
         ("detention", "2024-05-03")),
        ("On 3 May 2024, Tom Reed was turned back at the border.", ("travel_ban", "2024-05-03")),
        ("Ana Lee was stopped at the border on 3 May 2024 and told she could not travel abroad.",
         ("travel_ban", "2024-05-03")),
    ],
)  # fmt: skip
def test_a_named_object_a_joined_term_a_custody_ordered_and_a_ban_found_at_the_border(
    body: str, pair: tuple[str, str]
) -> None:
    assert _pairs(body, "10 June 2024") == {pair}


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("On 5 May 2024, Tom Reed was charged. He had been arrested the previous day.",
         {("charge", "2024-05-05"), ("arrest", "2024-05-04")}),
        ("Tom Reed was charged on 10 May 2024. The day before, he had been questioned for eight "
         "hours.", {("charge", "2024-05-10"), ("interrogation", "2024-05-09")}),
        # a day before told as where a period starts anchors nothing
        ("On 10 May 2024, Tom Reed said that since the previous night he had been followed. "
         "Police arrested him later that day.", {("arrest", "2024-05-10")}),
    ],
)  # fmt: skip
def test_the_day_before_counts_back_one_day(body: str, want: set[tuple[str, str]]) -> None:
    assert _pairs(body, "10 June 2024") == want


@pytest.mark.parametrize(
    ("body", "pair"),
    [
        ("On 3 May 2024 the Appeals Court overturned Tom Reed's conviction.",
         ("court_decision", "2024-05-03")),
        ("On 3 May 2024 the Appeals Court reduced Tom Reed's sentence to three years.",
         ("court_decision", "2024-05-03")),
        ("On 3 May 2024, her sentence was reduced to two years on appeal.",
         ("court_decision", "2024-05-03")),
        ("On 3 May 2024, the Zenda Court of Appeal increased Tom Reed's sentence to ten years.",
         ("sentence", "2024-05-03")),
        ("On 3 May 2024, the Supreme Court confirmed Ana Lee's conviction.",
         ("court_decision", "2024-05-03")),
        ("On 3 May 2024, the court reduced Tom Reed's sentence to time served and ordered his "
         "release.", ("release", "2024-05-03")),
        ("The authorities have refused to disclose Tom Reed's whereabouts.",
         ("disappearance", None)),
    ],
)  # fmt: skip
def test_a_possessive_name_before_a_judgment_a_sentence_reduced_and_whereabouts_withheld(
    body: str, pair: tuple[str, str | None]
) -> None:
    assert _pairs(body, "10 June 2024") == {pair}


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("On 3 May 2024, a court in Zenda renewed Tom Reed's pre-trial detention for 45 days.",
         {("detention", "2024-05-03")}),
        ("On 3 May 2024, the authorities issued a travel ban against Tom Reed.",
         {("travel_ban", "2024-05-03")}),
        ("On 3 May 2024, Tom Reed was placed on the travel ban list.",
         {("travel_ban", "2024-05-03")}),
        ("On 3 May 2024, a warrant for Tom Reed's arrest was issued.",
         {("court_decision", "2024-05-03")}),
        ("On 3 May 2024, Tom Reed was arrested at a checkpoint and taken to an undisclosed "
         "location.", {("arrest", "2024-05-03"), ("disappearance", "2024-05-03")}),
        ("On 3 May 2024, Tom Reed survived an assassination attempt.", {("attack", "2024-05-03")}),
        ("On 3 May 2024, the court sentenced Tom Reed to one year in prison and banned him from "
         "journalism for five years.", {("sentence", "2024-05-03"), ("ban", "2024-05-03")}),
        ("On 3 May 2024, Tom Reed was barred from practising law.", {("ban", "2024-05-03")}),
        ("On 3 May 2024, a military court tried Tom Reed behind closed doors.",
         {("trial_hearing", "2024-05-03")}),
        ("Tom Reed's trial resumed on 3 May 2024.", {("trial_hearing", "2024-05-03")}),
    ],
)  # fmt: skip
def test_custody_renewed_bans_issued_places_undisclosed_attempts_on_a_life_and_trials_resumed(
    body: str, want: set[tuple[str, str]]
) -> None:
    assert _pairs(body, "10 June 2024") == want


@pytest.mark.parametrize(
    "body",
    [
        "On 3 May 2024, Tom Reed tried to leave the country.",
        "On 3 May 2024, the judge tried to calm the court.",
    ],
)
def test_tried_to_is_no_trial(body: str) -> None:
    assert not any(t == "trial_hearing" for t, _ in _pairs(body, "10 June 2024"))


@pytest.mark.parametrize(
    ("body", "pair"),
    [
        ("The arrest, on 3 May 2024, of Ana Lee was condemned by the UN.",
         ("arrest", "2024-05-03")),
        ("Ana Lee's arrest, which took place on 3 May 2024, was condemned by the UN.",
         ("arrest", "2024-05-03")),
        ("The raid, carried out on 3 May 2024 by the police, lasted five hours.",
         ("raid", "2024-05-03")),
    ],
)  # fmt: skip
def test_a_date_set_off_by_commas_after_the_event_noun_dates_it(
    body: str, pair: tuple[str, str]
) -> None:
    assert _pairs(body, "10 June 2024") == {pair}


def test_a_hearing_set_off_with_its_date_is_where_a_decision_was_taken() -> None:
    got = _pairs(
        "At the previous hearing, on 3 May 2024, the court had refused her bail.", "10 June 2024"
    )
    assert got == {("court_decision", "2024-05-03")}


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("3 May 2024: Ana Lee is arrested at her home in Zenda.", {("arrest", "2024-05-03")}),
        ("- 3 May 2024: Ana Lee is charged with sedition.", {("charge", "2024-05-03")}),
        ("3 May 2024 – Ana Lee is released on bail.", {("release", "2024-05-03")}),
        # outside a chronology the present passive is still a state or a habit
        ("Ana Lee is detained in Zenda prison.", set()),
        ("Ana Lee is arrested whenever she protests.", set()),
    ],
)  # fmt: skip
def test_a_chronology_tells_its_steps_in_the_present(body: str, want: set[tuple[str, str]]) -> None:
    assert _pairs(body, "10 June 2024") == want


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("Tom Reed was arrested on 3 May 2024. Two days after that, he was charged.",
         {("arrest", "2024-05-03"), ("charge", "2024-05-05")}),
        ("Tom Reed was arrested on 3 May 2024. A week after this, he was released.",
         {("arrest", "2024-05-03"), ("release", "2024-05-10")}),
        ("Tom Reed was arrested on 3 May 2024. Later that day, he was released.",
         {("arrest", "2024-05-03"), ("release", "2024-05-03")}),
    ],
)  # fmt: skip
def test_a_count_after_that_counts_from_the_day_last_told(
    body: str, want: set[tuple[str, str]]
) -> None:
    assert _pairs(body, "10 June 2024") == want


def test_those_arrested_on_a_day_tell_the_arrest() -> None:
    assert _pairs("Among those arrested on 3 May 2024 was Ana Lee.", "10 June 2024") == {
        ("arrest", "2024-05-03")
    }
    # without a day of its own the participle still only names people
    assert _pairs("Among those arrested was Ana Lee.", "10 June 2024") == set()


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("On 3 May 2024, an official warned Ana Lee that she would be arrested if she continued "
         "her work.", {("threat", "2024-05-03")}),
        ("On 3 May 2024, Ana Lee was warned that her family would be harmed.",
         {("threat", "2024-05-03")}),
        ("On 3 May 2024, Ana Lee was told to stop her work or face the consequences.",
         {("threat", "2024-05-03")}),
        # the issuer's or a UN body's fear is no threat made to the person
        ("Amnesty International warned that Ana Lee would be tortured if returned.", set()),
        ("The UN experts warned that the defenders could be arrested.", set()),
    ],
)  # fmt: skip
def test_a_warning_of_harm_said_to_the_person_is_a_threat(
    body: str, want: set[tuple[str, str]]
) -> None:
    assert _pairs(body, "10 June 2024") == want


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # what someone was told happened, in the past perfect: the day of the telling is not
        # the day of the step
        ("On 3 May 2024, his lawyer, Ivo Sand, told the Zenda Centre that Tom Reed had been "
         "threatened by an investigator.", {("threat", None)}),
        ("On 3 May 2024, prosecutors informed her husband that Ana Lee had been charged with "
         "sedition.", {("charge", None)}),
        ("Tom Reed told his wife during a visit on 3 May 2024 that officers had questioned him "
         "at night.", {("interrogation", None)}),
        # a date after "that" is the step's own
        ("On 3 May 2024, his lawyer told the press that Tom Reed had been charged on 1 May 2024.",
         {("charge", "2024-05-01")}),
        # the telling is another clause's: "announced that it had suspended" takes the day
        ("On 3 May 2024, the governor told reporters that the villagers were misled, and the "
         "ministry announced that it had suspended the Zenda Network.", {("ban", "2024-05-03")}),
        # a judgment is made known the day it is told
        ("On 3 May 2024, the judge told the press that Ana Lee had been sentenced to five "
         "years in prison.", {("sentence", "2024-05-03")}),
        # told as it happened, not in the past perfect: the day stands
        ("On 3 May 2024, police told Tom Reed that he was under arrest and detained him.",
         {("arrest", "2024-05-03")}),
    ],
)  # fmt: skip
def test_a_step_told_in_the_past_perfect_of_what_someone_was_told_is_undated(
    body: str, want: set[tuple[str, str | None]]
) -> None:
    assert _pairs(body, "10 June 2024") == want


def test_a_step_told_again_the_same_day_of_the_same_people_by_no_one_new_is_one_event() -> None:
    body = (
        "On 16 June 2024, the Zenda Court ordered the release of Ana Lee. She was freed that "
        "evening."
    )
    got = [(e["type"], e["date"]) for e in _events(body, "10 July 2024")]
    assert got.count(("release", "2024-06-16")) == 1
    # other people released that day are a step of their own
    body = (
        "On 16 June 2024, the Zenda Court ordered the release of Ana Lee. Tom Reed was freed "
        "that evening."
    )
    got = [(e["type"], e["date"]) for e in _events(body, "10 July 2024")]
    assert got.count(("release", "2024-06-16")) == 2


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # a custody of stated length with a date in its own clause is the custody of that time
        ("In 2021, Tom Reed was detained for two weeks and released without charge.",
         {("detention", "2021"), ("release", "2021")}),
        ("Tom Reed was previously detained for two days in August 2023 under the Public "
         "Safety Act.", {("detention", "2023-08")}),
        # without a date of its clause it stays a situation, undated
        ("On 3 May 2024, Ana Lee was arrested. Tom Reed was detained for two weeks.",
         {("arrest", "2024-05-03"), ("detention", None)}),
        # in the past perfect it looks back from the day told, which is not its start
        ("On 3 May 2024, Tom Reed, who had been detained for two weeks, was charged.",
         {("charge", "2024-05-03")}),
        # a lasting custody without its length keeps no date
        ("On 3 May 2024, Tom Reed was detained without charge.", {("detention", None)}),
    ],
)  # fmt: skip
def test_a_custody_of_stated_length_takes_the_date_of_its_own_clause(
    body: str, want: set[tuple[str, str | None]]
) -> None:
    assert _pairs(body, "10 June 2024") == want


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # a stay of counted hours with questions put is the questioning, not a custody
        ("Her nephews, Tom Reed and Ivo Sand, were held for five hours at a security office on "
         "25 February 2024 and asked about their aunt's contacts.",
         {("interrogation", "2024-02-25")}),
        # hours not counted, or no questions: the custody stands
        ("On 3 May 2024, Tom Reed was held for hours at the district police department without "
         "a lawyer.", {("detention", "2024-05-03")}),
        ("On 3 May 2024, Tom Reed was held for five hours at a security office.",
         {("detention", "2024-05-03")}),
    ],
)  # fmt: skip
def test_a_stay_of_counted_hours_with_questions_is_an_interrogation(
    body: str, want: set[tuple[str, str | None]]
) -> None:
    assert _pairs(body, "10 June 2024") == want


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # warned after another participle of the same subject: the one warned is the one held
        ("On 3 May 2024, Ana Lee was questioned for five hours and warned that she would be "
         "arrested if she spoke to the media.",
         {("interrogation", "2024-05-03"), ("threat", "2024-05-03")}),
        ("On 3 May 2024, Tom Reed was warned not to speak to foreign media.",
         {("threat", "2024-05-03")}),
        ("On 3 May 2024, police warned Tom Reed not to speak to foreign media.",
         {("threat", "2024-05-03")}),
        # the issuer's fear, even after "and", is no threat; nor is a warning without "not to"
        ("Amnesty International condemned the arrest of Ana Lee and warned that she could be "
         "tortured.", set()),
        ("The UN experts warned the government that the law would harm defenders.", set()),
    ],
)  # fmt: skip
def test_a_warning_after_another_participle_or_not_to_act_is_a_threat(
    body: str, want: set[tuple[str, str | None]]
) -> None:
    assert _pairs(body, "10 June 2024") == want


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # a court's order with two people held as its object is their custody, not an arrest
        ("On 9 February 2024, a judge ordered Ana Lee and Tom Reed jailed pending trial.",
         {("detention", "2024-02-09")}),
        ("On 9 February 2024, a judge ordered Ana Lee and Tom Reed detained pending trial.",
         {("detention", "2024-02-09")}),
        ("On 9 February 2024, a judge ordered Ana Lee jailed pending trial.",
         {("detention", "2024-02-09")}),
        # "jailed" with a term is a sentence, not custody pending trial
        ("On 9 February 2024, Ana Lee and Tom Reed were jailed for five years.",
         {("sentence", "2024-02-09")}),
    ],
)  # fmt: skip
def test_a_court_ordering_people_jailed_or_detained_pending_trial_remands_them(
    body: str, want: set[tuple[str, str | None]]
) -> None:
    assert _pairs(body, "10 June 2024") == want


def test_a_hearing_told_again_with_its_court_after_one_told_without_is_one_hearing() -> None:
    body = (
        "At the first hearing in the case on 16 June 2024, the Zenda Court ordered the release of "
        "Ana Lee. The court kept Tom Reed in detention and adjourned the trial to 29 September."
    )
    evs = _events(body, "10 July 2024")
    hearings = [e for e in evs if (e["type"], e["date"]) == ("trial_hearing", "2024-06-16")]
    assert len(hearings) == 1
    # the second telling's court and people join the first
    assert hearings[0]["authority"] is not None
    assert len(hearings[0]["targets"]) == 2


def test_how_often_a_condition_is_to_be_met_counts_no_step() -> None:
    body = (
        "On 9 February 2024, a judge ordered Ana Lee jailed pending trial. The judge released "
        "Tom Reed under judicial control, requiring him to report to a police station {n}."
    )
    # "twice a week" is how often he must report: the release goes on with the paragraph's day
    assert ("release", "2024-02-09") in _pairs(body.format(n="twice a week"), "10 June 2024")
    # a step told as taken twice was taken on days the text does not give
    body = "On 9 February 2024, Ana Lee was arrested. Tom Reed was summoned to the police twice."
    assert ("summons", None) in _pairs(body, "10 June 2024")


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # what the agents of a dated step did, in a relative clause on them, is of that occasion
        ("Tom Reed was arrested on 2 May 2024 by members of the Zenda Police, the force of the "
         "region, who raided his home and seized his computer.",
         {("arrest", "2024-05-02"), ("raid", "2024-05-02"), ("seizure", "2024-05-02")}),
        # a date bound to a participle set off by commas is still not a later step's
        ("Two men, abducted in 2020, were found dead, and police charged Ana Lee.",
         {("disappearance", "2020"), ("killing", None), ("charge", None)}),
    ],
)  # fmt: skip
def test_a_step_of_the_agents_told_in_a_relative_clause_takes_the_occasions_date(
    body: str, want: set[tuple[str, str | None]]
) -> None:
    assert _pairs(body, "10 June 2024") == want


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # what a witness is the source of takes no date from the paragraph
        ("On 2 May 2024, Tom Reed was arrested. According to his brother, Ivo Reed, he was "
         "beaten during his interrogation.", {("arrest", "2024-05-02"), ("attack", None)}),
        ("On 2 May 2024, Tom Reed was arrested. According to credible sources, he was beaten "
         "in detention.", {("arrest", "2024-05-02"), ("attack", None)}),
        # the authority that acted telling its own act: the step of the day the story tells
        ("On 2 May 2024, police searched the office of Ana Lee. According to the police, they "
         "seized two computers.", {("search", "2024-05-02"), ("seizure", "2024-05-02")}),
    ],
)  # fmt: skip
def test_a_step_told_on_a_witness_word_takes_no_date_from_the_paragraph(
    body: str, want: set[tuple[str, str | None]]
) -> None:
    assert _pairs(body, "10 June 2024") == want


@pytest.mark.parametrize("aux", ["was", "had been"])
def test_a_relative_clause_keeps_its_date_from_the_next_conjunct(aux: str) -> None:
    # "released A, who was arrested on 3 May, and charged B": the charge goes with the release,
    # not with the day the relative clause gives
    got = _pairs(
        f"On 20 April 2024, police released Ana Lee, who {aux} arrested on 3 April, and "
        "charged Tom Reed with sedition."
    )
    assert ("arrest", "2024-04-03") in got
    assert ("charge", "2024-04-20") in got
    assert ("charge", "2024-04-03") not in got


def test_a_relative_clause_date_gives_an_undated_conjunct_no_date() -> None:
    got = _pairs(
        "Police released Ana Lee, who was arrested on 3 April 2024, and charged Tom Reed "
        "with sedition."
    )
    assert ("charge", "2024-04-03") not in got


def test_a_conjunct_of_the_main_clause_still_takes_its_date() -> None:
    got = _pairs("Ana Lee was arrested on 3 April 2024, and charged with sedition.")
    assert ("charge", "2024-04-03") in got


def test_a_step_counted_from_is_the_step_told_before() -> None:
    # the count refers back to the killing told first: no second killing of that day, though
    # the sentence names another person
    evs = _named(
        "Human rights defender Ana Lee was shot dead on 23 January 2024. On January 19, four "
        "days before she was killed, soldiers threatened her colleague Tom Reed."
    )
    assert [(e["type"], e["date"], e["targets"]) for e in evs if e["type"] == "killing"] == [
        ("killing", "2024-01-23", ["Ana Lee"])
    ]
    evs = _named(
        "Human rights defender Tom Reed was arrested by police on 3 March 2024. On 5 March, two "
        "days after police arrested him, officers beat his wife Eva Hart."
    )
    assert [(e["date"], e["targets"]) for e in evs if e["type"] == "arrest"] == [
        ("2024-03-03", ["Tom Reed"])
    ]


def test_a_step_counted_from_of_someone_else_is_a_step_of_its_own() -> None:
    evs = _named(
        "Human rights defender Ana Lee was shot dead on 23 January 2024. On January 19, four "
        "days before Tom Reed was killed, soldiers threatened Eva Hart."
    )
    # (an unnamed person's name is None: sorted as text)
    killed = sorted(
        (e["date"], sorted(e["targets"], key=str)) for e in evs if e["type"] == "killing"
    )
    assert len(killed) == 2
    assert killed[0] == ("2024-01-23", ["Ana Lee"])
    assert "Tom Reed" in killed[1][1]


def test_a_step_named_as_the_time_of_another_is_the_step_told_before() -> None:
    # "his arrest, on 10 March": the date after the comma is the charge's, the arrest the one
    # told before
    got = _pairs(
        "Human rights defender Tom Reed was arrested on 3 March 2024. A week after his arrest, "
        "on 10 March, he was charged with treason."
    )
    assert ("arrest", "2024-03-10") not in got
    assert {("arrest", "2024-03-03"), ("charge", "2024-03-10")} <= got
    got = _pairs(
        "Human rights defender Tom Reed was released on 3 March 2024. After his release, on "
        "10 March, police summoned him."
    )
    assert ("release", "2024-03-10") not in got
    assert {("release", "2024-03-03"), ("summons", "2024-03-10")} <= got


def test_a_step_named_with_its_own_day_still_dates_it() -> None:
    # "since his arrest on 3 March": the day of the arrest, told more precisely than before
    got = _pairs(
        "Human rights defender Tom Reed was arrested in March 2024. Since his arrest on "
        "3 March, he has been held in Zembla Prison."
    )
    assert ("arrest", "2024-03-03") in got


def test_custody_since_the_day_of_a_told_arrest_is_that_arrest() -> None:
    got = _pairs(
        "Ana Lee has been held in pre-trial detention since 3 March 2024. On 3 March 2024, "
        "police arrested Ana Lee at her home. On 5 March 2024, the court ordered her detention "
        "for two months."
    )
    assert ("arrest", "2024-03-03") in got and ("detention", "2024-03-05") in got
    assert ("detention", "2024-03-03") not in got


def test_custody_since_a_day_with_no_arrest_told_is_kept() -> None:
    got = _pairs("Ana Lee has been held in pre-trial detention since 3 March 2024.")
    assert ("detention", "2024-03-03") in got


def test_complaining_about_something_in_public_is_no_complaint() -> None:
    assert _pairs("On 3 May 2024, villagers complained about the rents in a video.") == set()
    assert ("complaint", "2024-05-03") in _pairs(
        "On 3 May 2024, Ana Lee complained to the prosecutor about her arrest."
    )


def test_taken_to_custody_with_the_arrest_is_that_arrest() -> None:
    got = _pairs(
        "On 3 May 2024, Ana Lee was detained and taken to the detention facility of the Zenda "
        "police."
    )
    assert ("arrest", "2024-05-03") in got and ("detention", "2024-05-03") not in got
    assert ("detention", "2024-05-04") in _pairs(
        "Ana Lee was arrested on 3 May 2024. On 4 May 2024, she was taken to Zenda prison."
    )


def test_a_complaint_told_in_passing_with_its_author_after_a_verb_or_date() -> None:
    # "on a complaint by the company X", "following a complaint filed in May by the company":
    # the complaint is an event; the date inside the words that name it is its own
    got = _pairs(
        "On 3 March 2024, the prosecutor charged Ana Lee with trespass on a complaint by the "
        "mining company Zenda Gold."
    )
    assert {("charge", "2024-03-03"), ("complaint", None)} <= got
    got = _pairs(
        "On 9 April 2024, Tom Reed was summoned following a complaint filed by the company in "
        "February 2024. On 2 May 2024, Ana Lee was arrested on a complaint filed in March 2024 "
        "by the Zenda Gold company."
    )
    assert {("complaint", "2024-02"), ("complaint", "2024-03")} <= got


def test_taken_to_a_correctional_centre_or_a_military_camp_is_custody() -> None:
    got = _pairs(
        "On 3 March 2024, the court sentenced Ana Lee to four years in prison. She was taken to "
        "the Vela Women's Correctional Centre the same day. In April 2024, Tom Reed was "
        "transferred to Ostra, a military camp in the north."
    )
    assert {("detention", "2024-03-03"), ("detention", "2024-04")} <= got


def test_took_with_four_words_before_the_thing_taken_is_a_seizure() -> None:
    got = _pairs(
        "On 3 March 2024, police searched the office of Ana Lee and took copies of her "
        "clients' files."
    )
    assert ("seizure", "2024-03-03") in got


def test_a_release_under_a_travel_ban_and_a_ban_on_leaving_a_province() -> None:
    got = _pairs(
        "On 3 March 2024, the court imposed restrictive measures on Ana Lee, including a ban on "
        "leaving the province. On 9 April 2024, Tom Reed was released under a travel ban. On 20 "
        "April 2024, two reporters were questioned and released after signing an undertaking "
        "not to leave Strelsau."
    )
    assert {("travel_ban", "2024-03-03"), ("travel_ban", "2024-04-09")} <= got
    assert ("travel_ban", "2024-04-20") in got


def test_measures_short_of_custody_ordered_by_a_judge_are_a_court_decision() -> None:
    got = _pairs(
        "On 3 March 2024, the judge imposed restrictive measures on Ana Lee, including an "
        "obligation to report to the court every two weeks."
    )
    assert ("court_decision", "2024-03-03") in got
    got = _pairs("On 9 April 2024, the judge granted Tom Reed alternative measures to detention.")
    assert ("court_decision", "2024-04-09") in got


def test_an_active_referral_to_a_court_is_a_charge_of_the_one_referred() -> None:
    for body in (
        "On 3 March 2024, the Public Prosecution referred Ana Lee to the Specialised Criminal "
        "Court on charges of terrorism.",
        "On 3 March 2024, the prosecutor referred the case of Ana Lee to the Vela Criminal Court.",
        "On 3 March 2024, the investigating judge sent Ana Lee to trial before the Vela "
        "Criminal Court.",
    ):
        charges = [e for e in _events(body) if e["type"] == "charge"]
        assert [e["date"] for e in charges] == ["2024-03-03"], body
        assert charges[0]["targets"], body


def test_a_body_designated_terrorist_by_name_in_the_active_is_a_ban() -> None:
    for body in (
        "On 3 March 2024, the Ministry of the Interior designated the Vela Rights Centre a "
        '"terrorist organisation".',
        "On 3 March 2024, the Ministry of Justice declared the Vela Rights Centre an "
        '"undesirable organisation".',
    ):
        assert ("ban", "2024-03-03") in _pairs(body), body
    # a body the text says was declared terrorist long before, with no object named between
    assert not any(
        t == "ban"
        for t, _ in _pairs(
            "The court said the two had given money to the Front, which a decree had declared "
            "a terrorist organisation."
        )
    )


def test_a_detention_order_challenged_is_no_new_custody() -> None:
    got = _pairs(
        "On 1 March 2024, the court rejected Ana Lee's appeal against the detention order. On 2 "
        "March 2024, her lawyer challenged the detention order before the Supreme Court."
    )
    assert not any(t == "detention" for t, _ in got), got
    assert ("detention", "2024-03-04") in _pairs(
        "On 4 March 2024, the judge issued a detention order against Ana Lee."
    )


def test_walked_out_of_prison_an_appeal_heard_and_placed_under_investigation() -> None:
    got = _events(
        "On 3 March 2024, the Supreme Court heard Ana Lee's appeal. On 4 March 2024, Tom Reed "
        "walked out of Vela prison after serving his sentence. On 6 March 2024, Ivo Sand was "
        'placed under investigation for "extremism".'
    )
    pairs = {(e["type"], e["date"]) for e in got}
    assert {
        ("trial_hearing", "2024-03-03"),
        ("release", "2024-03-04"),
        ("investigation", "2024-03-06"),
    } <= pairs
    investigation = next(e for e in got if e["type"] == "investigation")
    assert not investigation["agents"] and investigation["targets"]


def test_premises_broken_into_and_shadowing_or_a_warning_told_in_the_active() -> None:
    got = _pairs(
        "On 2 February 2024, two unidentified men on a motorbike followed Ana Lee home. On 9 "
        "February 2024, two men warned Tom Reed to stop his work. On 10 April 2024, the offices "
        "of the Zembla Rights Centre were broken into and computers were stolen."
    )
    assert {
        ("threat", "2024-02-02"),
        ("threat", "2024-02-09"),
        ("raid", "2024-04-10"),
    } <= got


def test_his_case_referred_and_a_registration_suspended() -> None:
    got = _pairs(
        "On 20 December 2023, the prosecution referred his case to the Vela Criminal Court. On "
        "25 January 2024, the Justice Ministry suspended the Vela Civic Forum's registration "
        "for six months."
    )
    assert {("charge", "2023-12-20"), ("ban", "2024-01-25")} <= got


def test_an_accusation_with_its_legal_basis_and_an_accepted_indictment_are_charges() -> None:
    got = _pairs(
        "On 3 March 2024, police arrested Ana Lee. She is accused of spreading false "
        "information under Article 212 of the Criminal Code."
    )
    assert ("charge", None) in got
    got = _pairs(
        "On 20 April 2024, the Zenda Criminal Court accepted the indictment against Tom Reed."
    )
    assert ("charge", "2024-04-20") in got


def test_a_call_for_a_step_in_a_press_release_lead_is_no_event() -> None:
    for call in (
        "PEN International calls for his conviction to be quashed.",
        "PEN demands that he be released.",
        "PEN is calling for the charges against him to be dropped and for him to be released.",
    ):
        got = _pairs(f"On 2 April 2024, the court sentenced Tom Reed to nine years. {call}")
        assert {t for t, _ in got} == {"sentence"}, (call, got)


def test_an_undated_conviction_after_a_dated_sentence_is_that_sentence() -> None:
    got = _pairs(
        "UN experts expressed alarm at the conviction of Ana Lee, who was sentenced to eight "
        "years in prison by a court in Vela on 5 April 2024.\n\nAna Lee was arrested on 3 "
        'November 2023 after a protest. She was convicted of "aggravated usurpation".'
    )
    assert ("sentence", "2024-04-05") in got
    assert not any(t == "conviction" for t, _ in got), got


def test_ransacked_premises_a_release_granted_by_name_and_a_fine_ordered_in_the_passive() -> None:
    got = _pairs(
        "On 3 March 2024, the office of the Zembla Rights Centre was ransacked. On 4 March "
        "2024, the court granted Ana Lee provisional release. On 5 March 2024, Tom Reed was "
        "ordered to pay a fine of 500 dollars."
    )
    assert {("raid", "2024-03-03"), ("release", "2024-03-04"), ("fine", "2024-03-05")} <= got


def test_an_active_verb_before_a_title_and_names_is_an_event() -> None:
    got = _pairs("On 3 March 2024, police arrested journalists Ana Lee and Tom Reed.")
    assert ("arrest", "2024-03-03") in got
    got = _pairs(
        "On 3 March 2024, the detained activists Ana Lee and Tom Reed went on hunger strike."
    )
    assert not any(t == "arrest" for t, _ in got), got


def test_incarcerated_locked_up_and_grilled_for_hours() -> None:
    got = _pairs(
        "On 3 March 2024, Ana Lee was incarcerated in Vela Prison. On 4 March 2024, Tom Reed "
        "was locked up in a police cell. On 5 March 2024, Ivo Sand was grilled for six hours "
        "by detectives."
    )
    assert {
        ("detention", "2024-03-03"),
        ("detention", "2024-03-04"),
        ("interrogation", "2024-03-05"),
    } <= got


def test_a_person_pelted_or_doused_and_a_home_set_on_fire_are_attacks() -> None:
    got = _pairs(
        "On 3 March 2024, Ana Lee was pelted with stones by a mob. On 4 March 2024, unknown men "
        "set Tom Reed's car on fire. On 5 March 2024, protesters set tyres on fire."
    )
    assert {("attack", "2024-03-03"), ("attack", "2024-03-04")} <= got
    assert ("attack", "2024-03-05") not in got


def test_a_request_that_the_court_sentence_and_a_residence_permit_not_renewed() -> None:
    got = _pairs(
        "On 3 March 2024, the prosecutor requested that the court sentence Ana Lee to ten years "
        "in prison. On 4 March 2024, the authorities refused to renew Tom Reed's residence "
        "permit."
    )
    assert {("other", "2024-03-03"), ("other", "2024-03-04")} <= got


def test_a_person_added_to_a_new_case_is_charged() -> None:
    got = _pairs(
        "On 3 March 2024, Ana Lee was added to a new case. On 4 March 2024, the prosecution "
        "added Tom Reed to Case No. 1234 of 2024."
    )
    assert {("charge", "2024-03-03"), ("charge", "2024-03-04")} <= got


def test_a_hearing_or_session_held_or_taking_place_is_a_hearing() -> None:
    for body in (
        "On 10 April 2024, the trial session was reportedly held in the absence of her lawyer.",
        "The hearing in her case was held on 10 April 2024.",
        "The hearing took place on 10 April 2024.",
    ):
        assert ("trial_hearing", "2024-04-10") in _pairs(body), body


def test_a_website_blocked_by_its_outlet_name_and_an_account_suspended() -> None:
    events = _events(
        "On 3 March 2024, the Vela Times website was blocked. On 4 March 2024, the authorities "
        "blocked the Zenda Daily News website. On 5 March 2024, Ana Lee's Facebook account was "
        "suspended."
    )
    bans = [e for e in events if e["type"] == "ban"]
    assert [e["date"] for e in bans] == ["2024-03-03", "2024-03-04", "2024-03-05"], events
    assert not bans[0]["agents"] and bans[0]["targets"]


def test_a_participle_after_every_or_any_and_a_noun_tells_no_event() -> None:
    got = _events(
        'On 3 May 2024, Tom Reed was killed in Vela. "Every journalist killed in Vela stays '
        'unsolved," said Ana Lee.'
    )
    assert [(e["type"], e["date"]) for e in got if e["type"] == "killing"] == [
        ("killing", "2024-05-03")
    ]


def test_every_as_the_object_of_a_verb_before_and_leaves_the_next_verb() -> None:
    # near miss: "searched every room and seized": "every" counts the rooms searched
    got = _pairs(
        "On 3 May 2024, police raided the office of Ana Lee. The officers searched every room "
        "and seized two computers."
    )
    assert ("seizure", "2024-05-03") in got


def test_a_modal_quoted_before_the_trigger_leaves_it_a_step_of_the_day() -> None:
    # "would" belongs to the quoted words, closed before "remanded"
    got = _pairs(
        "On 3 May 2024, Tom Reed and Ana Lee were brought before the Vela court. They pleaded "
        'not guilty. Magistrate Eva Holm denied them bail on the ground that they "would flee" '
        "and remanded them to Vela Prison until 2 June 2024."
    )
    assert ("detention", "2024-05-03") in got


def test_a_modal_in_the_quotation_that_holds_the_trigger_still_makes_it_no_step() -> None:
    # near miss: the quotation goes on over the trigger
    got = _pairs(
        'On 3 May 2024, Magistrate Eva Holm told Tom Reed that he "would be remanded to Vela '
        'Prison" if he spoke to the press.'
    )
    assert not any(t == "detention" for t, _ in got)


def test_custody_told_as_the_subject_of_ordered_is_a_detention() -> None:
    got = _pairs(
        "Tom Reed was arrested on 3 March 2024. His detention was ordered by the police for 20 "
        "days on 4 March."
    )
    assert ("detention", "2024-03-04") in got


def test_release_told_as_the_subject_of_ordered_is_no_detention() -> None:
    # near miss: what was ordered is the release
    got = _pairs(
        "Tom Reed was arrested on 3 March 2024. His release was ordered by the court on 4 March."
    )
    assert ("detention", "2024-03-04") not in got


def test_a_threat_that_says_what_it_threatened_beside_an_attack_is_its_own_event() -> None:
    got = _pairs(
        'On 3 May 2024, police arrested Ana Lee. An officer slapped her and threatened to "make '
        'her disappear".'
    )
    assert ("attack", "2024-05-03") in got
    assert ("threat", "2024-05-03") in got


def test_a_bare_threat_beside_an_attack_in_its_clause_is_that_attack() -> None:
    # near miss: "threatened her" says nothing of its own
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee. An officer slapped her and threatened her."
    )
    assert ("attack", "2024-05-03") in got
    assert ("threat", "2024-05-03") not in got


def test_a_list_item_that_opens_with_that_and_a_subject_asks_and_tells_no_event() -> None:
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee.\n\nWE DEMAND\n\n"
        "- That the prosecutor investigate the shots fired at the house of Tom Reed and\n"
        "  punish those responsible;\n- That the authorities release Ana Lee.\n"
    )
    assert not any(t == "attack" for t, _ in got)


def test_a_list_item_that_tells_what_happened_is_read() -> None:
    # near miss: an item of a chronology, with no "That"
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee.\n\n"
        "- On 4 May 2024, unknown men fired shots at the house of Tom Reed.\n"
    )
    assert ("attack", "2024-05-04") in got


def test_a_person_brought_in_with_who_they_are_opens_an_undated_story() -> None:
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee. Journalist Tom Reed, who reported on the "
        "arrest, was threatened by unknown men."
    )
    assert ("threat", None) in got
    assert ("threat", "2024-05-03") not in got


def test_a_person_brought_in_as_there_that_day_takes_the_paragraphs_day() -> None:
    # near miss: "who was with her" places him at the step of the day
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee. Journalist Tom Reed, who was with her, was "
        "threatened by unknown men."
    )
    assert ("threat", "2024-05-03") in got


def test_a_court_due_to_hear_or_examine_a_case_sets_a_hearing_for_that_day() -> None:
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee. The Zenda High Court is to hear her bail "
        "appeal on 26 August 2024. The Court of Appeal is due to examine the case of Tom Reed "
        "on 19 November 2024. Her appeal is due to be heard on 24 July 2024."
    )
    assert {
        ("trial_hearing", "2024-08-26"),
        ("trial_hearing", "2024-11-19"),
        ("trial_hearing", "2024-07-24"),
    } <= got


# the rules' near miss; the learned step, reading a sentence no trigger matched in, may
# still add a weak event here (its cost, measured: docs/extraction.md)
@pytest.mark.usefixtures("rules_only")
def test_a_court_to_hear_from_witnesses_sets_no_hearing() -> None:
    # near miss: "hear" with no case, appeal or application as its object
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee. The court is to hear from them on 26 August 2024."
    )
    assert not any(t == "trial_hearing" for t, _ in got)


def test_a_trial_with_its_day_in_a_participle_after_the_noun() -> None:
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee. The trial, held on 4 March 2025, lasted "
        "four hours."
    )
    assert ("trial_hearing", "2025-03-04") in got


def test_a_trial_of_a_person_named_with_an_honorific_opened() -> None:
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee. The trial of Ms. Lee opened before the Zenda "
        "Regional Court on 12 March 2025."
    )
    assert ("trial_hearing", "2025-03-12") in got


def test_a_trial_then_a_sentence_that_opens_is_not_its_opening() -> None:
    # near miss: a full stop ending the sentence stays a boundary
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee before her trial. Mr. Reed opened a café on "
        "12 March 2025."
    )
    assert ("trial_hearing", "2025-03-12") not in got


def test_a_hearing_told_twice_the_same_day_by_the_same_court_is_one() -> None:
    evs = _events(
        "The trial of Ana Lee opened on 20 January 2025 before the Zenda Criminal Court. The "
        "court imposed a travel ban on her the same day and adjourned the hearing to 24 March "
        "2025."
    )
    days = [e["date"] for e in evs if e["type"] == "trial_hearing"]
    assert days.count("2025-01-20") == 1
    assert "2025-03-24" in days


def test_a_lawyer_suspended_from_practice_or_stripped_of_a_licence_by_pronoun_or_name() -> None:
    got = _pairs(
        "On 3 March 2024, police arrested Ana Lee. On 30 March 2024, the Zenda Bar Association "
        "suspended her from practice. On 20 April 2024, the Ministry of Justice revoked "
        "Mr. Tom Reed's licence to practise law."
    )
    assert {("ban", "2024-03-30"), ("ban", "2024-04-20")} <= got


def test_a_pronoun_suspended_from_a_board_is_no_ban() -> None:
    # near miss: suspended from something that is not the practice of law
    got = _pairs("On 3 May 2024, police arrested Ana Lee. The club suspended her from its board.")
    assert not any(t == "ban" for t, _ in got)


def test_a_sentence_with_its_term_handed_down_and_a_verdict_issued_on_a_day() -> None:
    got = _pairs(
        "The Observatory condemns the sentence of five years in prison handed down on 8 "
        "March 2024 by the Zenda Criminal Court to Ana Lee. The verdict, issued on 31 "
        "March 2024, was communicated to her lawyer, Tom Reed, on 6 April 2024."
    )
    assert {("sentence", "2024-03-08"), ("sentence", "2024-03-31")} <= got
    # the main verb's day is not another day of the verdict
    assert ("sentence", "2024-04-06") not in got


def test_a_sentence_asked_for_is_not_handed_down() -> None:
    # near miss: the term is named, but nothing hands it down
    got = _pairs(
        "On 3 May 2024, the prosecutor asked for a sentence of five years in prison for Ana Lee."
    )
    assert not any(t == "sentence" for t, _ in got)


def test_dates_that_share_one_verb_still_each_give_a_step() -> None:
    got = _pairs("Ana Lee was arrested on 3 March 2024, Tom Reed on 4 March 2024.")
    assert {("arrest", "2024-03-03"), ("arrest", "2024-03-04")} <= got


def test_a_person_dismissed_from_the_outlet_they_work_for() -> None:
    got = _pairs(
        "On 3 March 2024, police arrested Ana Lee. Her husband, the journalist Tom Reed, a "
        "reporter for the daily Zenda Post, was dismissed from the paper on 29 March 2024."
    )
    assert ("other", "2024-03-29") in got


def test_a_case_dismissed_from_the_docket_is_no_reprisal() -> None:
    # near miss: "dismissed from" with no workplace after it
    got = _pairs(
        "On 3 March 2024, police arrested Ana Lee. Her complaint was dismissed from the docket "
        "on 29 March 2024."
    )
    assert ("other", "2024-03-29") not in got


def test_an_event_noun_with_its_day_after_of() -> None:
    got = _pairs(
        "On 3 March 2024, police arrested Ana Lee. The raid of 4 April 2024 on the office of "
        "the Zenda Rights Centre was the third this year."
    )
    assert ("raid", "2024-04-04") in got


def test_a_law_of_a_day_dates_no_step() -> None:
    # near miss: "of" a day after a name that tells no step
    got = _pairs(
        "On 3 March 2024, police arrested Ana Lee. She was charged under the Law of 4 April "
        "2024 on foreign agents."
    )
    assert ("charge", "2024-04-04") not in got


def test_a_step_after_and_is_not_under_a_did_not_of_another_verb() -> None:
    got = _pairs(
        "On 3 March 2024, police arrested Ana Lee. The officers did not present a warrant and "
        "took her laptop and two phones."
    )
    assert ("seizure", "2024-03-03") in got


def test_a_negated_passive_still_negates_the_participle_after_and() -> None:
    # near miss: "was not arrested and charged" denies both steps
    evs = _events(
        "On 3 March 2024, police arrested Ana Lee. Tom Reed was not arrested and charged."
    )
    assert not any(e["type"] == "charge" for e in evs)
    assert sum(e["type"] == "arrest" for e in evs) == 1


def test_a_complaint_filed_by_someone_on_a_day_under_a_negated_answer() -> None:
    got = _pairs(
        "On 3 March 2024, police arrested Ana Lee. The Ombudsman has not answered a complaint "
        "filed by Eva Hart on 24 March 2024."
    )
    assert ("complaint", "2024-03-24") in got


def test_a_complaint_not_filed_is_no_complaint() -> None:
    # near miss: the negation is the filing's own
    got = _pairs(
        "On 3 March 2024, police arrested Ana Lee. Eva Hart has not filed a complaint on 24 "
        "March 2024."
    )
    assert ("complaint", "2024-03-24") not in got


def test_words_painted_in_the_clause_of_an_attack_are_a_threat_of_their_own() -> None:
    got = _pairs(
        "On 4 April 2024, unidentified men threw stones at the home of Ana Lee and painted the "
        'words "you will die" on its wall.'
    )
    assert {("attack", "2024-04-04"), ("threat", "2024-04-04")} <= got


def test_a_bare_threat_in_the_clause_of_an_attack_is_that_attack() -> None:
    # near miss: "threatened her" says nothing of its own beside the beating
    got = _pairs("On 4 April 2024, unidentified men beat Ana Lee and threatened her.")
    assert ("attack", "2024-04-04") in got
    assert ("threat", "2024-04-04") not in got


def test_a_summons_told_by_the_person_who_answered_it() -> None:
    got = _pairs(
        "Blogger Ana Lee was arrested on 14 April 2024 when she answered a summons to the "
        "Special Division of the Zenda Police."
    )
    assert {("arrest", "2024-04-14"), ("summons", "2024-04-14")} <= got


def test_a_summons_not_answered_is_no_summons_of_that_day() -> None:
    # near miss: the summons is named, but no one answered or received it
    got = _pairs(
        "On 14 April 2024, police arrested Ana Lee. The law on summons was amended in 2020."
    )
    assert not any(t == "summons" for t, _ in got)


def test_an_event_noun_of_a_counted_group_named_in_apposition() -> None:
    got = _pairs(
        "Police arrested Ana Lee on 9 April 2024. Her detention follows the arrest of two other "
        "ELJA members, Tom Reed and Eva Hart, in March."
    )
    assert ("arrest", "2024-03") in got


def test_an_event_noun_of_a_counted_group_without_a_date_is_no_step() -> None:
    # near miss: nothing dates the step the noun names
    got = _pairs(
        "Police arrested Ana Lee on 9 April 2024. Her detention follows the arrest of two other "
        "ELJA members, Tom Reed and Eva Hart, who remain in prison."
    )
    assert [d for t, d in got if t == "arrest"] == ["2024-04-09"]


def test_a_body_designated_extremist_under_its_quoted_name() -> None:
    got = _pairs(
        "On 14 March 2024, the State Security Committee designated “Zenda Watch” an “extremist "
        "formation”."
    )
    assert ("ban", "2024-03-14") in got


def test_a_quoted_name_designated_a_partner_is_no_ban() -> None:
    # near miss: the designation names nothing the convention bans
    got = _pairs(
        "On 14 March 2024, the Ministry designated “Zenda Watch” an official partner of the "
        "programme."
    )
    assert not any(t == "ban" for t, _ in got)


def test_a_death_from_the_injuries_of_an_attack_is_a_killing() -> None:
    got = _pairs(
        "On 9 March 2024, unknown men beat Ana Lee. She died of her injuries on 11 March 2024 in "
        "a hospital in Zenda."
    )
    assert {("attack", "2024-03-09"), ("killing", "2024-03-11")} <= got


def test_a_death_in_custody_told_without_a_cause_is_no_killing() -> None:
    # near miss: "died in custody" says nothing of who or what caused it
    got = _pairs("On 9 March 2024, police arrested Ana Lee. She died in custody on 11 March 2024.")
    assert not any(t == "killing" for t, _ in got)


def test_days_of_custody_a_court_grants_the_police_are_a_detention() -> None:
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee. On 4 May, the Zenda District Court granted the "
        "police seven days of custody for investigation.",
        appeal_date="5 July 2024",
    )
    assert ("detention", "2024-05-04") in got
    assert ("court_decision", "2024-05-04") not in got


def test_days_a_court_grants_the_prosecution_to_examine_evidence_are_no_detention() -> None:
    # near miss: a deadline for a party is a decision, not a custody
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee. On 4 May, the Zenda District Court granted the "
        "prosecution seven days to examine her laptop.",
        appeal_date="5 July 2024",
    )
    assert ("detention", "2024-05-04") not in got


def test_a_court_orders_a_person_to_remain_in_custody() -> None:
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee and Tom Reed. On 10 May, the court released Tom "
        "Reed on bail, but ordered Ana Lee to remain in judicial custody pending trial.",
        appeal_date="5 July 2024",
    )
    assert {("release", "2024-05-10"), ("detention", "2024-05-10")} <= got


def test_an_order_to_remain_silent_is_no_custody() -> None:
    # near miss: "to remain" with no place or kind of custody
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee. On 9 May 2024, the Zenda Court ordered Ana Lee "
        "to remain silent.",
        appeal_date="5 July 2024",
    )
    assert ("detention", "2024-05-09") not in got


def test_a_custody_changed_into_house_arrest_is_a_detention() -> None:
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee. On 9 May 2024, the Zenda Court transferred Ana "
        "Lee from the pre-trial detention centre to house arrest. On 20 May, the court replaced "
        "the detention of Tom Reed with house arrest.",
        appeal_date="5 July 2024",
    )
    assert {("detention", "2024-05-09"), ("detention", "2024-05-20")} <= got


# the rules' near miss; the learned step, reading a sentence no trigger matched in, may
# still add a weak event here (its cost, measured: docs/extraction.md)
@pytest.mark.usefixtures("rules_only")
def test_a_refusal_to_change_custody_into_house_arrest_is_no_detention() -> None:
    # near miss: the change asked for and refused did not happen
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee. On 9 May 2024, the court refused to replace her "
        "detention with house arrest.",
        appeal_date="5 July 2024",
    )
    assert ("detention", "2024-05-09") not in got


def test_a_custody_extended_and_again_is_extended_twice() -> None:
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee. Her detention was extended in May and again in "
        "June.",
        appeal_date="5 July 2024",
    )
    assert {("detention", "2024-05"), ("detention", "2024-06")} <= got


def test_a_month_after_and_with_no_again_is_no_second_step() -> None:
    # near miss: "in May and in June" tells one questioning, not a repeat
    got = _pairs(
        "On 3 May 2024, police arrested Ana Lee. She was questioned in May and in June.",
        appeal_date="5 July 2024",
    )
    assert ("interrogation", "2024-06") not in got


def test_words_of_harm_said_to_the_kin_of_a_person_are_a_threat() -> None:
    got = _pairs(
        "On 11 May 2024, two men stopped outside the family's house and told her daughter, Rosa "
        "Lee, that “your mother will not come back”. On 14 May, an officer told Ana Lee's "
        "brother that she “would do well to leave the country”.",
        appeal_date="5 July 2024",
    )
    assert {("threat", "2024-05-11"), ("threat", "2024-05-14")} <= got


def test_a_forecast_told_to_the_family_is_no_threat() -> None:
    # near miss: what a doctor or a lawyer foresees names no harm anyone means to do
    got = _pairs(
        "On 3 May 2024, the doctor told her family that she would not survive without treatment. "
        "On 4 May, her lawyer told the court that she would appeal.",
        appeal_date="5 July 2024",
    )
    assert not any(t == "threat" for t, _ in got)


def test_a_harm_shouted_foretold_or_left_at_the_door_is_a_threat() -> None:
    got = _pairs(
        "On 8 May 2024, two men followed Ana Lee to her home and shouted at her that she would "
        "“end up like the others”. On 12 May, unidentified persons left a dead cat at the door of "
        "her house. On 14 May, a man told her, “We know where your children go to school.” On 20 "
        "May, an account published her photograph with the caption “traitor – her time will "
        "come”. On 22 May, agents told her neighbours that the family would have problems.",
        appeal_date="5 July 2024",
    )
    days = {d for t, d in got if t == "threat"}
    assert {"2024-05-08", "2024-05-12", "2024-05-14", "2024-05-20", "2024-05-22"} <= days


def test_a_dead_person_at_a_door_or_a_promise_told_is_no_threat() -> None:
    # near misses: a body found is a death, and a release foretold harms no one
    got = _pairs(
        "On 3 May 2024, the body of a dead man was found at the door of the office. On 4 May, "
        "police told Ana Lee, that she would be released.",
        appeal_date="5 July 2024",
    )
    assert not any(t == "threat" for t, _ in got)


def test_a_warning_to_stop_told_in_quotes_is_a_threat() -> None:
    got = _pairs(
        "In January 2024, she received repeated phone calls from a man who warned her to “stop "
        "going to the villages.” In June 2024, agents warned Tom Reed that the station “will be "
        "closed if it continues.”",
        appeal_date="5 July 2024",
    )
    assert {("threat", "2024-01"), ("threat", "2024-06")} <= got


def test_people_declared_military_targets_are_threatened() -> None:
    got = _pairs(
        "On 26 February 2024, a pamphlet signed by an armed group declared Ana Lee and her "
        "lawyer “military targets” and gave them 48 hours to leave the territory.",
        appeal_date="5 July 2024",
    )
    assert ("threat", "2024-02-26") in got


def test_a_military_base_is_no_threat() -> None:
    # near miss: "military" without people declared targets
    got = _pairs(
        "On 26 February 2024, the army declared the area around its military base closed to "
        "journalists.",
        appeal_date="5 July 2024",
    )
    assert not any(t == "threat" for t, _ in got)


def test_a_body_listed_as_a_foreign_representative_by_its_kind() -> None:
    got = _pairs(
        "On 25 May 2024, the Ministry of Justice listed the clinic as a “foreign representative”. "
        "On 28 May, the Ministry of Justice added Ana Lee to its register of “foreign agents”.",
        appeal_date="5 July 2024",
    )
    assert {("other", "2024-05-25"), ("other", "2024-05-28")} <= got


def test_a_partner_of_a_foreign_office_is_no_listing() -> None:
    # near miss: "foreign representative" not as the label given
    got = _pairs(
        "On 25 May 2024, the Ministry of Justice listed the clinic as a partner of the foreign "
        "representative office.",
        appeal_date="5 July 2024",
    )
    assert ("other", "2024-05-25") not in got


def test_the_day_a_law_was_made_does_not_set_the_year_of_the_narrative() -> None:
    got = _pairs(
        "On 20 January, a judge charged Ana Lee under Article 87 of the Penal Code, as amended "
        "by Ordinance No. 21-08 of 8 June 2021. On 3 February, police arrested Tom Reed.",
        appeal_date="5 July 2024",
    )
    assert ("arrest", "2024-02-03") in got


def test_a_day_of_the_narrative_told_with_its_year_still_sets_it() -> None:
    # near miss: a step's own full date, not a law's, moves the story to its year
    got = _pairs(
        "In 2021, Ana Lee founded the Zenda Centre. Police arrested her on 8 June 2021. On 3 "
        "February, police arrested Tom Reed.",
        appeal_date="5 July 2024",
    )
    assert ("arrest", "2021-02-03") in got


def test_a_ban_told_by_a_participle_an_order_or_a_relative_clause() -> None:
    got = _pairs(
        "On 22 January 2024, the ministry issued a letter suspending Radio Zenda's licence. On "
        "16 February, the regulator ordered that the channel be blocked on Zembla's networks. "
        "In March 2024, the Zembla Times' Facebook page, which had some 40,000 followers, was "
        "blocked. On 22 May, the Media Commission withdrew Ms. Ana Lee's press card.",
        appeal_date="5 July 2024",
    )
    assert {
        ("ban", "2024-01-22"),
        ("ban", "2024-02-16"),
        ("ban", "2024-03"),
        ("ban", "2024-05-22"),
    } <= got


def test_an_order_to_restore_a_website_or_a_session_suspended_is_no_ban() -> None:
    # near miss: the order undoes a block; "suspending" has no licence as object
    got = _pairs(
        "On 3 May 2024, the court ordered that the website be restored. On 4 May, the minister, "
        "suspending the session, left the room.",
        appeal_date="5 July 2024",
    )
    assert not any(t == "ban" for t, _ in got)


def test_a_count_in_a_conceding_clause_does_not_date_the_steps_after_it() -> None:
    got = _pairs(
        "On 4 May 2024, police dispersed a forum organised by the Zenda Centre. Although the "
        "centre had notified the police of the forum eight days earlier, officers arrested Ana "
        "Lee and Tom Reed and took away the centre's projector.",
        appeal_date="5 July 2024",
    )
    assert {("arrest", "2024-05-04"), ("seizure", "2024-05-04")} <= got
    assert ("arrest", "2024-04-26") not in got


def test_a_count_in_the_main_clause_still_dates_its_step() -> None:
    # near miss: with no conceding clause, the count is the step's own
    got = _pairs(
        "On 4 May 2024, police dispersed a forum organised by the Zenda Centre. Officers had "
        "arrested Ana Lee eight days earlier.",
        appeal_date="5 July 2024",
    )
    assert ("arrest", "2024-04-26") in got


def test_a_hearing_set_for_a_day_in_other_words() -> None:
    got = _pairs(
        "On 8 December 2023, Ana Lee appeared before the Zenda Court, which adjourned the case "
        "of unlawful assembly to 3 February 2024. On 10 May 2024, her lawyer appealed; the High "
        "Court has scheduled a hearing on the appeal for 23 June 2024. Tom Reed is due to be "
        "produced before the court again on 1 July.",
        appeal_date="5 July 2024",
    )
    assert {
        ("trial_hearing", "2024-02-03"),
        ("trial_hearing", "2024-06-23"),
        ("trial_hearing", "2024-07-01"),
    } <= got


def test_a_person_brought_before_the_court_and_charged_is_no_hearing_set() -> None:
    # near miss: brought before the court in the past, no day set for a hearing
    got = _pairs(
        "Police arrested Ana Lee on 30 April 2024. She was brought before the court on 8 May "
        "and charged.",
        appeal_date="5 July 2024",
    )
    assert ("trial_hearing", "2024-05-08") not in got


def test_deaths_a_report_or_photographs_document_are_no_killing_of_the_case() -> None:
    got = _pairs(
        "On 2 March 2024, the Zenda Centre published a report listing 34 civilians allegedly "
        "killed by soldiers in January. On 14 May 2024, Zenda News published photographs of an "
        "airstrike on Vela, in which at least 23 civilians were killed.",
        appeal_date="5 July 2024",
    )
    assert not any(t == "killing" for t, _ in got)


def test_a_killing_after_a_report_is_still_a_killing() -> None:
    # near miss: the report is what came before; the person killed is no one it lists
    got = _pairs(
        "Two days after publishing a report on corruption, Tom Reed was killed by unknown "
        "gunmen on 3 May 2024. On 4 May, soldiers killed three protesters in Vela.",
        appeal_date="5 July 2024",
    )
    assert {("killing", "2024-05-03"), ("killing", "2024-05-04")} <= got


def test_a_paragraph_that_opens_undated_goes_on_with_the_story_before_it() -> None:
    got = _pairs(
        "Police arrested Ana Lee at her home in Vela on 30 April 2024.\n\n"
        "Officers searched her house for four hours. She has covered evictions since 2022, "
        "including a series in March.",
        appeal_date="5 July 2024",
    )
    assert ("search", "2024-04-30") in got


def test_a_paragraph_that_opens_with_its_own_date_starts_anew() -> None:
    # near miss: the paragraph's first sentence gives its own time
    got = _pairs(
        "Police arrested Ana Lee at her home in Vela on 30 April 2024.\n\n"
        "In 2022, she covered evictions. Officers searched her office.",
        appeal_date="5 July 2024",
    )
    assert ("search", "2022") in got


def test_a_case_filed_against_a_person_charges_or_opens_by_who_files_it() -> None:
    got = _pairs(
        "On 19 May 2024, the District Government Attorney Office filed a case against Ana Lee "
        "under Section 47 of the Press Act. On 10 June 2024, the Detective Branch of the Zenda "
        "Police filed a case against Tom Reed under the Cyber Security Act.",
        appeal_date="5 July 2024",
    )
    assert {("charge", "2024-05-19"), ("case_opened", "2024-06-10")} <= got


def test_detectives_or_gendarmes_filing_a_case_open_one() -> None:
    # the police side named by its officers' word, the police themselves not named
    got = _pairs(
        "On 10 June 2024, detectives of the cybercrime unit filed a case against Tom Reed. "
        "On 12 June 2024, the gendarmerie filed a case against Ana Lee.",
        appeal_date="5 July 2024",
    )
    assert {("case_opened", "2024-06-10"), ("case_opened", "2024-06-12")} <= got


def test_a_case_a_victim_files_against_the_police_is_no_charge() -> None:
    # near miss: the police named after "against" are whom the case is against
    got = _pairs(
        "On 10 June 2024, Ana Lee filed a case against the police officers who beat her.",
        appeal_date="5 July 2024",
    )
    assert not any(t in ("charge", "case_opened") for t, _ in got)


def test_a_first_information_report_with_its_short_name_set_off() -> None:
    got = _pairs(
        "The arrest stems from a first information report, or FIR, registered by the Vela police "
        "on 29 April 2024, accusing Ana Lee of unlawful activities.",
        appeal_date="5 July 2024",
    )
    assert ("case_opened", "2024-04-29") in got


def test_a_report_a_lawyer_registers_with_a_court_is_no_case_opened() -> None:
    # near miss: registered by someone other than the police
    got = _pairs(
        "On 29 April 2024, the FIR registered by her lawyer with the court was dismissed.",
        appeal_date="5 July 2024",
    )
    assert ("case_opened", "2024-04-29") not in got


def test_one_called_in_for_questioning_is_summoned() -> None:
    got = _pairs(
        "On 18 January 2024, police arrested Ana Lee. Her husband, Tom Reed, was also called in "
        "on 20 January and questioned as a witness.",
        appeal_date="5 July 2024",
    )
    assert ("summons", "2024-01-20") in got


def test_passers_by_called_in_as_attesting_witnesses_are_not_summoned() -> None:
    # near miss: "called in" to witness a search, not to be questioned
    got = _pairs(
        "On 18 January 2024, two passers-by were called in as attesting witnesses to the search.",
        appeal_date="5 July 2024",
    )
    assert not any(t == "summons" for t, _ in got)


def test_a_passport_taken_or_kept_by_itself_is_a_travel_ban_not_a_seizure() -> None:
    got = _pairs(
        "On 28 April 2024, officers arrested Ana Lee at her home and took her passport, which "
        "has not been returned. On 2 May 2024, the authorities barred her son, Tom Reed, 24, "
        "from leaving the country."
    )
    assert ("travel_ban", "2024-04-28") in got
    assert ("travel_ban", "2024-05-02") in got
    assert not any(t == "seizure" for t, _ in got)


def test_a_passport_taken_with_other_things_is_a_seizure() -> None:
    # near miss: the passport is one of the things seized
    got = _pairs(
        "On 28 April 2024, officers searched Ana Lee's home and took her passport and her laptop."
    )
    assert ("seizure", "2024-04-28") in got
    assert not any(t == "travel_ban" for t, _ in got)


def test_a_menace_in_words_is_a_threat() -> None:
    got = _pairs(
        "Ana Lee has received threatening telephone calls since February 2024. On 2 May 2024, "
        'the governor said that those who help her "will end up where the bandits are".'
    )
    assert ("threat", "2024-02") in got
    assert ("threat", "2024-05-02") in got


def test_a_price_paid_for_a_policy_is_no_menace() -> None:
    # near miss: "pay the price of" a policy is commentary, not a promise of harm
    got = _pairs("On 2 May 2024, Ana Lee said that the region will pay the price of impunity.")
    assert not any(t == "threat" for t, _ in got)


def test_questioning_in_the_custody_after_an_arrest_takes_the_arrests_day() -> None:
    got = _pairs(
        "On 9 March 2024, officers arrested Ana Lee. She was held in police custody for 48 hours "
        "at the Vela headquarters, where she was questioned about her posts."
    )
    assert ("interrogation", "2024-03-09") in got


def test_a_beating_over_a_stay_in_custody_keeps_no_day() -> None:
    # near miss: what was done over the stay, not the questioning that opens it
    got = _pairs(
        "On 9 March 2024, officers arrested Ana Lee. She was held at Vela prison, where she was "
        "beaten by guards."
    )
    assert ("attack", "2024-03-09") not in got


def test_a_work_withdrawn_from_sale_is_a_ban_and_charges_withdrawn_are_not() -> None:
    got = _pairs("On 3 May 2024, the ministry ordered Ana Lee's novel withdrawn from bookshops.")
    assert ("ban", "2024-05-03") in got
    # near miss: charges or a lawyer withdrawn are no ban on a work
    near = _pairs(
        "On 3 May 2024, the charges against Ana Lee were withdrawn and her lawyer withdrew from "
        "the case."
    )
    assert not any(t == "ban" for t, _ in near)


def test_what_was_done_where_the_dated_clause_puts_one_is_of_its_day() -> None:
    got = _pairs(
        "Ana Lee is a lawyer. She reappeared on 3 May 2024 at the prosecution's headquarters, "
        "where prosecutors questioned her for nine hours."
    )
    assert got == {("interrogation", "2024-05-03")}


def test_one_told_that_he_was_banned_is_no_witness_reporting() -> None:
    got = _pairs(
        "Ana Lee is a lawyer. On 3 March 2024, her brother Tom Lee was stopped at Vela airport. "
        "He was told at the gate that he was banned from travel."
    )
    assert got == {("travel_ban", "2024-03-03")}


@pytest.mark.parametrize(
    ("opening", "count", "day"),
    [
        ("Ana Lee began a hunger strike", "Two days into the strike", "2024-03-03"),
        ("Ana Lee was arrested", "A week into her detention", "2024-03-08"),
    ],
)
def test_a_count_into_a_step_starts_from_its_day(opening: str, count: str, day: str) -> None:
    got = _pairs(f"Ana Lee is a lawyer. On 1 March 2024, {opening}. {count}, guards beat her.")
    assert ("attack", day) in got and ("attack", "2024-03-01") not in got


def test_a_step_told_in_a_clause_of_after_takes_no_day_of_the_main_clause() -> None:
    got = _pairs(
        "Ana Lee is a poet. On 10 April 2024, the court extended her detention. On 2 May 2024, "
        "after the investigation was completed and the case was sent to the Vela City Court, "
        "she was transferred to house arrest."
    )
    assert ("charge", None) in got
    assert not {("charge", "2024-05-02"), ("charge", "2024-04-10")} & got


def test_food_refused_since_a_day_is_a_hunger_strike_begun_then() -> None:
    got = _pairs("Ana Lee is a poet. Ana Lee has refused food since 14 April in protest.")
    assert got == {("other", "2024-04-14")}


def test_a_condition_of_a_release_is_set_on_the_day_of_the_release() -> None:
    got = _pairs(
        "Ana Lee is a poet. Ana Lee was arrested on 1 April 2024. She was released two days "
        "after her arrest by order of the court, subject to reporting every eight days and to a "
        "ban on leaving the country."
    )
    assert {("release", "2024-04-03"), ("travel_ban", "2024-04-03")} <= got


def test_a_person_transferred_to_house_arrest_or_back_to_a_sizo_is_held_anew() -> None:
    got = _pairs(
        "Ana Lee is a poet. In August 2023, the court transferred her to house arrest, but on 9 "
        "November 2023 it sent her back to SIZO-1 at the request of the investigator. On 9 "
        "February 2024, the court transferred Tom Reed, who is the father of two children, to "
        "house arrest."
    )
    assert {
        ("detention", "2023-08"),
        ("detention", "2023-11-09"),
        ("detention", "2024-02-09"),
    } <= got


def test_a_sources_report_after_a_dated_step_of_its_paragraph_takes_its_day() -> None:
    got = _pairs(
        "Ana Lee is a poet. Police arrested Ana Lee at her home on 14 March 2024. According to "
        "her family, they searched the house for six hours and confiscated her laptop."
    )
    assert {("search", "2024-03-14"), ("seizure", "2024-03-14")} <= got
    # near misses: told in a paragraph of its own, or ill-treatment in custody, on no one day
    alone = _pairs(
        "Ana Lee is a poet. Police arrested Ana Lee at her home on 14 March 2024.\n\nAccording "
        "to her family, they searched the house for six hours."
    )
    assert ("search", None) in alone
    beaten = _pairs(
        "Ana Lee is a poet. Police arrested Ana Lee at her home on 14 March 2024. According to "
        "her brother, she was beaten during her interrogation."
    )
    assert ("attack", None) in beaten


def test_an_outlet_blocked_on_a_bodys_order_a_licence_not_renewed_and_a_told_ban() -> None:
    got = _pairs(
        "Ana Lee is a lawyer and editor. On 3 April 2024 the regulator ordered internet providers "
        "to block access to the Vela Ledger’s website. On 5 April 2024, the bureau declined to "
        "renew her licence to practise law. On 9 April 2024, officers at the airport told her "
        "that she was “not permitted to leave the country”."
    )
    assert {("ban", "2024-04-03"), ("ban", "2024-04-05"), ("travel_ban", "2024-04-09")} <= got
    # near misses: a licence renewed, and a flight she was told she might board
    assert not _pairs(
        "Ana Lee is a lawyer. On 5 April 2024, the bureau renewed her licence to practise law. "
        "On 9 April 2024, officers told her that she was permitted to leave the country."
    )


def test_a_patronymic_name_transferred_to_house_arrest() -> None:
    got = _pairs(
        "Aida Toktor kyzy is a lawyer. On 9 February 2024, the court transferred Aida Toktor kyzy, "
        "who is the mother of a child, to house arrest."
    )
    assert ("detention", "2024-02-09") in got


def test_a_day_still_to_come_ends_a_custody_and_starts_no_count() -> None:
    got = _pairs(
        "Ana Lee is a defender. On 13 January 2026 she was charged. She was remanded to Vela "
        "Prison until the next mention of the case, on 27 January 2026. The following day, "
        "police summoned her husband, Tom Lee, to the station, where he was questioned.",
        appeal_date="20 January 2026",
    )
    assert {("detention", "2026-01-13"), ("interrogation", "2026-01-14")} <= got
    assert not {d for _, d in got if d and d > "2026-01-20" and d != "2026-01-27"}


def test_a_warrant_issued_on_a_day_and_a_complaint_that_a_company_filed() -> None:
    got = _pairs(
        "Ana Lee is a defender. On 10 June 2023 police arrested Ana Lee under a warrant issued "
        "on 21.03.2023 by the Vela Criminal Court, on the basis of a complaint that Vela Energy "
        "S.A. filed against her and four other members of the group in November 2022."
    )
    assert {
        ("arrest", "2023-06-10"),
        ("court_decision", "2023-03-21"),
        ("complaint", "2022-11"),
    } <= got
    # near miss: a warrant the arrest was made on, with no day of its own, is the arrest
    assert _pairs(
        "Ana Lee is a defender. On 10 June 2023 police arrested Ana Lee on a warrant issued by "
        "the Vela Criminal Court."
    ) == {("arrest", "2023-06-10")}


def test_a_penalty_in_addition_to_the_prison_term_takes_the_sentences_day() -> None:
    got = _pairs(
        "Ana Lee is a teacher. On 14 March 2024, the court sentenced her to six years. On 5 March "
        "2024, the prosecutor had asked for seven years. In addition to the prison term, the "
        "court banned Ana Lee from administering websites for three years."
    )
    assert ("ban", "2024-03-14") in got and ("ban", "2024-03-05") not in got


def test_her_name_added_to_a_register_of_foreign_agents() -> None:
    got = _pairs(
        "Ana Lee is a teacher. On 22 September 2023, the Ministry of Justice added her name to "
        "its register of “foreign agents”."
    )
    assert got == {("other", "2023-09-22")}


def test_an_indictment_issued_accusing_someone_is_a_charge() -> None:
    got = _pairs(
        "Ana Lee is a poet. On the 12th of February 2024, the procuracy issued an indictment "
        "accusing her of writing 27 poems."
    )
    assert got == {("charge", "2024-02-12")}


def test_guards_beating_residents_or_supporters_is_an_attack() -> None:
    for group in ("residents", "supporters", "the mourners"):
        got = _pairs(f"Ana Lee is a defender. On 14 February 2024, guards beat {group}.")
        assert got == {("attack", "2024-02-14")}, group
    # near miss: a beat is no blow
    assert not _pairs("Ana Lee is a reporter. In 2024 her beat covered the city's residents.")


def test_a_march_prohibited_before_its_day_and_a_funeral_wreath_delivered() -> None:
    got = _pairs(
        "Ana Lee is a defender. On 28 April 2024, the organisers were informed in writing that "
        "the peaceful march planned for 1 May was prohibited. On 2 May 2024, a funeral wreath "
        "bearing her name was delivered to the office."
    )
    assert got == {("ban", "2024-04-28"), ("threat", "2024-05-02")}
    # near miss: flowers laid at a memorial threaten no one
    assert not _pairs("Ana Lee is a defender. On 2 May 2024, she laid flowers at the memorial.")


def test_a_span_from_one_day_to_another_begins_on_its_first_day() -> None:
    got = _pairs(
        "Ana Lee is a defender. From 1 to 9 April 2024, Ana Lee refused food over the denial of "
        "family visits. Tom Reed refused food from 3 to 14 April 2024, and was taken to hospital."
    )
    assert {("other", "2024-04-01"), ("other", "2024-04-03")} <= got
    assert not {d for _, d in got} & {"2024-04-09", "2024-04-14"}


def test_access_to_a_blog_blocked_is_a_ban() -> None:
    got = _pairs(
        "Ana Lee is a blogger. In March 2024, the authorities blocked access to Ana Lee’s blog "
        "inside Zembla."
    )
    assert got == {("ban", "2024-03")}


def test_hours_of_questioning_and_a_list_of_things_taken() -> None:
    got = _pairs(
        "Ana Lee is a defender. On 3 April 2024, Ana Lee was summoned to the police station, "
        "where she faced five hours of questioning. On 20 April 2024, officers searched her "
        "home; her laptop, three phones and a flash drive were taken."
    )
    assert {
        ("interrogation", "2024-04-03"),
        ("search", "2024-04-20"),
        ("seizure", "2024-04-20"),
    } <= got


def test_a_prosecutor_asking_the_court_to_impose_years_is_a_sentencing_request() -> None:
    got = _pairs(
        "Ana Lee is a defender. On 3 April 2024, the public prosecutor, Tomas K. Brek, asked the "
        "court to impose five years’ imprisonment."
    )
    assert got == {("other", "2024-04-03")}
    # near miss: a court asked to impose nothing of a term
    assert not _pairs(
        "Ana Lee is a defender. On 3 April 2024, she asked the court to impose order."
    )


def test_a_negated_clause_closed_by_a_comma_and_a_new_subject_leaves_the_next_verb_told() -> None:
    got = _pairs(
        "On 3 March 2024, the defence said the file was not ready, and the judge adjourned "
        "the hearing to 17 March 2024."
    )
    assert {("trial_hearing", "2024-03-03"), ("trial_hearing", "2024-03-17")} <= got
    # near miss: with no comma and no subject of its own the verb stays under the negation
    got = _pairs("On 3 March 2024, Ana Lee was not questioned and charged by the police.")
    assert not any(t in ("charge", "interrogation") for t, _ in got)


def test_doers_named_by_a_step_told_before_take_no_second_step() -> None:
    evs = _events(
        "On 1 March 2024, police officers beat Ana Lee and Tom Reed outside the court.\n\n"
        "On 4 March 2024, their lawyer wrote to the ombudsman asking him to name the guards "
        "who beat them."
    )
    assert [(e["type"], e["date"]) for e in evs if e["type"] == "attack"] == [
        ("attack", "2024-03-01")
    ]
    # near miss: with no step told before, the clause still tells one
    evs = _events("On 4 March 2024, the men who attacked Ana Lee fled.")
    assert [e["type"] for e in evs] == ["attack"]


def test_a_trial_told_after_a_body_was_struck_is_of_the_people_told_of_before() -> None:
    text = (
        "5 May 2024\n\nZembla: Journalist on trial\n\n"
        "On 6 April 2024, the prosecutor's office charged Ana Lee, a correspondent of the weekly "
        "Vela Vesti, with defamation.\n\n"
        "On 3 May 2023, the Ministry of Information suspended Vela Vesti for three months.\n\n"
        "The trial opened on 24 April 2024 before the Zenda District Court.\n"
    )
    record = extract_case(text, appeal_id="t-tried")
    ana = next(p["id"] for p in record["persons"] if p["name"] == "Ana Lee")
    (hearing,) = [e for e in record["events"] if e["type"] == "trial_hearing"]
    assert hearing["targets"] == [ana]
    (ban,) = [e for e in record["events"] if e["type"] == "ban"]
    assert ban["targets"] and ana not in ban["targets"]


def test_a_thing_published_in_a_month_dates_no_step_and_a_step_told_later_is_one_more() -> None:
    got = _pairs(
        "On 3 April 2024, police officers arrested the poet Ana Lee at her home in Vela. They "
        "took away her phone and 40 copies of a collection of poems published in February "
        "2024.\n\n"
        "Two days later, on 5 April, officers raided the office of her publisher and seized "
        "the remaining copies."
    )
    assert {("seizure", "2024-04-03"), ("seizure", "2024-04-05")} <= got
    assert ("seizure", "2024-02") not in got


def test_a_complaint_about_a_step_told_before_is_dated_and_tells_no_second_step() -> None:
    got = _pairs(
        "On 10 March 2024, men in plain clothes arrested Ana Lee. No one would say where she "
        "was held for a week. Her brother, Tom Lee, lodged a complaint with the ombudsman over "
        "her disappearance on 12 March; it is still unanswered."
    )
    assert ("complaint", "2024-03-12") in got
    assert ("disappearance", "2024-03-12") not in got


def test_a_step_told_of_a_turkic_name_in_the_possessive() -> None:
    got = _pairs(
        "Police arrested Ms. Aida Asan kyzy on 9 January 2024. On 5 March 2024, a judge in Vela "
        "extended Ms. Asan kyzy’s pre-trial detention by two months."
    )
    assert ("detention", "2024-03-05") in got


def test_questioning_where_the_police_took_someone_is_of_the_day_they_took_her() -> None:
    got = _pairs(
        "On 3 March 2024, police officers arrested Ana Lee. They took her to the Vela police "
        "station, where she was questioned for several hours."
    )
    assert ("interrogation", "2024-03-03") in got
    # near miss: what was done over a stay in prison has no day of its own
    got = _pairs(
        "On 3 March 2024, police officers arrested Ana Lee. She was held at Vela prison, where "
        "she was beaten."
    )
    assert ("attack", "2024-03-03") not in got


@pytest.mark.parametrize(
    ("body", "pair"),
    [
        # a case "mentioned" on a day: a short hearing of the common-law courts
        (
            "On 24 April 2024, Tom Reed was charged with sedition. His case will next be "
            "mentioned on 9 May 2024.",
            ("trial_hearing", "2024-05-09"),
        ),
        # "bound over for trial": the referral to trial, a charge
        (
            "On 24 April 2024, Judge Ivo Sand bound Ms. Ana Lee over for trial for trespass.",
            ("charge", "2024-04-24"),
        ),
        # a hearing scheduled, with what it is for between
        (
            "On 24 April 2024, the judge set the hearing at which both sides are to reply for 30 "
            "May 2024.",
            ("trial_hearing", "2024-05-30"),
        ),
        # held at a police station for nights: a custody
        (
            "On 24 April 2024, Tom Reed was picked up and driven to Vela central police station, "
            "where he spent the weekend; he was held for three nights.",
            ("detention", "2024-04-24"),
        ),
        # time in custody granted to a force named by its acronym
        (
            "On 24 April 2024, Tom Reed was produced in court. The magistrate granted the CID "
            "ten days of police remand.",
            ("detention", "2024-04-24"),
        ),
        (
            "On 24 April 2024, the magistrate allowed the police to keep Tom Reed in custody for "
            "six days.",
            ("detention", "2024-04-24"),
        ),
    ],
)
def test_common_law_and_latin_american_court_steps(body: str, pair: tuple[str, str]) -> None:
    assert pair in _pairs(body)


def test_officers_who_seize_a_person_arrest_them() -> None:
    got = _pairs("On 24 April 2024, hooded officers seized him outside the Vela courthouse.")
    assert got == {("arrest", "2024-04-24")}
    got = _pairs("On 24 April 2024, officers seized his camera outside the Vela courthouse.")
    assert got == {("seizure", "2024-04-24")}


@pytest.mark.parametrize(
    ("body", "pair"),
    [
        # a negation closed by a semicolon is its clause's only
        (
            "The appeal was lodged on 2 May 2024. The judges have not ruled; a further hearing "
            "is fixed for 20 May 2024.",
            ("trial_hearing", "2024-05-20"),
        ),
        # a court that grants an application and bars a gathering: one ban
        (
            "On 2 May 2024, the Vela court granted a request of the police and issued an order "
            "banning the vigil in the town square.",
            ("ban", "2024-05-02"),
        ),
    ],
)
def test_steps_told_beside_what_did_not_happen(body: str, pair: tuple[str, str]) -> None:
    assert pair in _pairs(body)


@pytest.mark.parametrize(
    "body",
    [
        # a complaint the officers would not take
        "On 2 May 2024, Ivo Reed went to the district police to report that his sister had "
        "been taken, but the sergeant refused to record his complaint.",
        # a decree whose coming into force is put off: no hearing
        "The arrests came as parliament debated a cyber law, whose entry into force was "
        "postponed indefinitely.",
        # a charge named again in a relative clause
        "Tom Reed was arrested on 2 May 2024. The offence with which he was finally charged "
        "carries ten years in prison.",
        "The speed with which Tom Reed and his two colleagues were charged contrasts with the "
        "silence over the attack on their office.",
        # a subject that denies anyone was charged
        "A year later, not a single guard has been named or charged over the fire.",
        # a person told apart by a step: who they are, no step of the day
        "Ana Lee is the only member of the union to have been charged.",
    ],
)
def test_no_new_step_in_what_was_refused_put_off_or_told_before(body: str) -> None:
    got = _pairs(body)
    assert not {t for t, _ in got} & {"complaint", "trial_hearing", "charge"}


def test_ill_treatment_told_as_repeated_is_one_attack() -> None:
    got = _pairs(
        "On 2 April 2024, officers arrested Tom Reed. In custody, interrogators punched him "
        "repeatedly and kept him awake."
    )
    assert ("attack", "2024-04-02") in got
    # (a habit of arrests is still no event)
    assert _pairs("Tom Reed has been arrested several times.") == set()


def test_a_trial_told_as_going_on_with_no_day_is_no_hearing() -> None:
    got = _pairs(
        "On 16 April 2024, the three were freed on bail after nine days in jail, but their "
        "trial is due to continue."
    )
    assert {t for t, _ in got} == {"release"}
    got = _pairs("On 16 April 2024 the court said the trial is due to continue on 2 May 2024.")
    assert ("trial_hearing", "2024-05-02") in got


def test_a_step_going_on_day_after_day_is_no_retelling_of_an_earlier_one() -> None:
    got = _pairs(
        "In March 2022, Tom Reed was questioned for six hours at the Vela office of the security "
        "police. On 1 April 2024, he was arrested again. His lawyer says he has been "
        "interrogated daily since then about his articles."
    )
    assert ("interrogation", "2022-03") in got
    assert ("interrogation", None) in got


def test_a_court_that_grants_a_request_and_bars_a_gathering_takes_one_step() -> None:
    got = _pairs(
        "On 2 May 2024, the Vela court granted a request of the police and issued an order "
        "banning the vigil in the town square."
    )
    assert got == {("ban", "2024-05-02")}


def test_a_promise_of_the_courts_is_a_menace() -> None:
    got = _pairs(
        "On 13 March 2024, the governor said on the radio that the reporter Tom Reed “will "
        "have to answer for his lies”."
    )
    assert ("threat", "2024-03-13") in got


def test_two_people_taken_the_same_day_in_two_paragraphs_are_two_arrests() -> None:
    evs = _named(
        "On 5 April 2024, police arrested the editor Tom Reed at his home in Vela.\n\n"
        "On the same day, officers of the Vela police detained the reporter Lina Berg at the "
        "paper's studio."
    )
    arrests = [e for e in evs if e["type"] == "arrest"]
    assert sorted(tuple(e["targets"]) for e in arrests) == [("Lina Berg",), ("Tom Reed",)]


def test_a_court_upholding_a_detention_order_decides_and_holds_no_one_again() -> None:
    got = _pairs(
        "On 3 May 2024, the Vela District Court ordered Ana Lee held for two months. On "
        "17 May 2024, the Vela Appeals Court upheld the detention order.",
        "12 June 2024",
    )
    assert ("court_decision", "2024-05-17") in got
    assert ("detention", "2024-05-17") not in got


def test_jailed_for_more_than_a_month_is_time_held_not_a_sentence() -> None:
    got = _pairs(
        "Ana Lee, a nurse jailed for more than a month over her posts, should be released. "
        "Police arrested her on 3 May 2024."
    )
    assert not any(t == "sentence" for t, _ in got)


def test_a_month_the_lead_gives_is_the_day_the_narrative_tells() -> None:
    got = _pairs(
        "Vela should free Ana Lee, an economist jailed on false charges, and drop the charges "
        "against her and against three reporters of a local weekly, who were arrested in May "
        "2024 in the same case.\n\nAna Lee was detained on 2 June at the airport.\n\nOn 3 May "
        "2024, police searched the weekly's office. That evening, officers arrested its editor, "
        "Tom Reed, and two reporters.",
        "12 June 2024",
    )
    assert ("arrest", "2024-05-03") in got
    assert ("arrest", "2024-05") not in got


def test_a_spell_spent_over_the_next_days_begins_on_the_day_told() -> None:
    got = _pairs(
        "On 4 April 2022, agents searched Ana Lee’s office before taking her away. She spent "
        "the next 30 days in solitary confinement at Vela Prison.",
        "12 June 2024",
    )
    assert ("detention", "2022-04-04") in got


def test_the_verdict_the_lead_dates_is_the_sentence_the_narrative_tells_after_the_trial() -> None:
    got = _pairs(
        "The writers' union protests the jail term handed to the novelist Ana Lee. The "
        "verdict, issued on 11 March by the Vela Regional Court, reached her family two days "
        "later.\n\n"
        "On 19 October 2023, police arrested Ana Lee in a café.\n\nHer trial, held on 22 "
        "February 2024, took place behind closed doors. The court sentenced her to six years "
        "in prison. It also imposed a three-year ban on leaving the country.",
        "20 March 2024",
    )
    assert ("sentence", "2024-03-11") in got
    assert ("travel_ban", "2024-03-11") in got
    assert ("sentence", "2024-02-22") not in got


def test_a_step_taken_at_a_hearing_on_a_day_takes_the_hearings_day() -> None:
    got = _pairs(
        "On 15 September 2019, the court gave Ana Lee two years in prison. Her lawyer filed "
        "an appeal a week later. Her appeal was dismissed at a brief hearing on 21 October, "
        "with no lawyer present.",
        "1 November 2019",
    )
    assert ("court_decision", "2019-10-21") in got
    assert ("court_decision", "2019-09-22") not in got


def _acted(body: str, appeal_date: str = "12 June 2024") -> list[tuple[str, list, list]]:
    rec = extract_case(f"{appeal_date}\n\nZembla: Worker held\n\n{body}\n", appeal_id="t")
    names = {x["id"]: x.get("name") for x in rec["persons"] + rec["organisations"]}
    return [
        (e["type"], [names[i] for i in e["agents"]], [names[i] for i in e["targets"]])
        for e in rec["events"]
    ]


def test_a_beating_in_the_premises_of_the_police_is_done_to_the_one_held_not_to_a_body() -> None:
    got = _acted(
        "The Secretariat was told by the Vela Bureau for Rights, a member of the Zembla "
        "Rights Network, about the ill-treatment of Mr. Dan Orlek, a welder.\n\nOn 7 "
        "January 2022, Mr. Orlek was stopped in the street, as he was leaving the market, by "
        "officers of the Vela District Police Department. For two days, inside the premises "
        "of the city police department, officers kicked him and hit him with sticks."
    )
    assert ("arrest", ["Vela District Police Department"], ["Dan Orlek"]) in got
    attacks = [x for x in got if x[0] == "attack"]
    assert attacks and all(targets == ["Dan Orlek"] for _t, _a, targets in attacks)


def test_the_day_of_what_was_confessed_dates_no_step() -> None:
    got = _pairs(
        "On 7 January 2022, officers beat Tom Reed until he signed a paper on which he "
        "“confessed” to burning down a kiosk on 5 January.",
        "12 June 2024",
    )
    assert ("attack", "2022-01-07") in got
    assert ("attack", "2022-01-05") not in got


def test_questioning_on_a_day_the_way_something_was_done_is_no_interrogation() -> None:
    got = _pairs(
        "Tom Reed, a columnist, questioned on 2 May 2024 the way the mayor had spent the flood "
        "fund. Four days later, the ministry filed a complaint against him.",
        "12 June 2024",
    )
    assert not any(t == "interrogation" for t, _ in got)
    assert ("complaint", "2024-05-06") in got


def test_hundreds_who_have_been_prosecuted_are_the_setting_not_a_step() -> None:
    for crowd in ("Dozens of journalists, lawyers and activists", "At least 280 people"):
        got = _pairs(
            f"On 3 May 2024, police arrested Ana Lee. {crowd} have been prosecuted under the "
            "decree since its adoption. On 4 May 2024, at least 30 others were detained.",
            "12 June 2024",
        )
        assert got == {("arrest", "2024-05-03"), ("arrest", "2024-05-04")}, crowd


def test_neither_of_two_bodies_having_opened_an_inquiry_is_no_inquiry() -> None:
    got = _pairs(
        "On 3 May 2024, guards beat Ana Lee. Neither the governor of the jail nor the "
        "prosecutor has opened an investigation.",
        "12 June 2024",
    )
    assert got == {("attack", "2024-05-03")}


def test_refusing_food_since_a_day_that_opens_the_sentence_is_the_strike_begun_then() -> None:
    got = _pairs(
        "On 30 January 2024, Ana Lee began a hunger strike in prison.\n\nDear Minister,\n\nOn "
        "28 January 2024, a court extended her custody by 30 days.\n\nAna Lee runs a small "
        "legal clinic, and the case against her rests on her clients’ files. Since\n30 "
        "January, she has refused all food to protest her custody, and her sister is "
        "worried.",
        "11 February 2024",
    )
    assert got == {("detention", "2024-01-28"), ("other", "2024-01-30")}


def test_the_makers_of_a_march_are_no_agents_of_an_arrest_during_it() -> None:
    got = _acted(
        "Ana Lee had been arrested on 21 January 2018 during a rally organised in Vela by the "
        "Lay Coordination Committee, and released two days later."
    )
    assert ("arrest", [], ["Ana Lee"]) in got


def test_the_body_someone_is_handed_over_to_holds_them() -> None:
    got = _acted(
        "On 29 September 2018, officers of the Vela National Police arrested Ana Lee. On the "
        "same day, she was handed over to the regional directorate of the National "
        "Intelligence Agency, where she was held incommunicado for nine days."
    )
    assert ("detention", ["National Intelligence Agency"], ["Ana Lee"]) in got


def test_a_body_accompanied_by_the_police_acts_with_them() -> None:
    got = _acted(
        "Early on 24 September 2019, some ten officers of the National Security Agency "
        "(NSA), accompanied by traffic police, raided the home of Ana Lee in Vela."
    )
    assert [(t, agents[0]) for t, agents, _ in got] == [("raid", "National Security Agency")]


def test_relatives_who_could_not_learn_where_someone_was_are_no_agents() -> None:
    got = _acted(
        "On 24 September 2019, police arrested Ana Lee. For a week, her colleagues and family, "
        "among them her brother, Tom Reed, could not learn where she was held."
    )
    gone = [agents for t, agents, _targets in got if t == "disappearance"]
    assert gone and "Tom Reed" not in gone[0]


def test_the_defender_told_by_what_she_is_is_the_one_the_appeal_is_about() -> None:
    got = _acted(
        "Human rights defender Ana Lee leads a forest community. On 3 May 2022, prosecutors "
        "charged Ana Lee, Tom Reed and Ivo Sand with trespass. On 20 June 2022, the woman "
        "human rights defender was questioned at length by the criminal police. Three days "
        "later, the defender filed a complaint with the Vela Prosecutor's Office."
    )
    assert ("interrogation", ["police"], ["Ana Lee"]) in got, got
    assert any(t == "complaint" and agents == ["Ana Lee"] for t, agents, _ in got), got


def test_those_an_allegation_names_and_a_call_to_undo_a_step_are_no_targets() -> None:
    got = _acted(
        "On 12 December 2021, police arrested Ana Lee, the director of the Vela Rights Centre.\n\n"
        "On 15 February 2022, the Financial Monitoring Agency froze the accounts of the "
        "Vela Rights Centre, citing allegations that it had sent money to the "
        "Kastra Liberation Front.\n\nThe experts urged the authorities to release Ms. Lee and to "
        "lift the freeze on the Centre’s accounts."
    )
    assert ("seizure", ["Financial Monitoring Agency"], ["Vela Rights Centre"]) in got, got


def test_officers_of_the_body_named_by_its_head_word_are_that_body() -> None:
    got = _acted(
        "On 10 May 2024, Tom Reed was summoned to appear before the Central Investigation "
        "Brigade of the National Guard. On 11 May, officers of the brigade interrogated him "
        "until late. His editor, Ana Lee, was questioned as a witness by the same brigade "
        "on 14 May."
    )
    brigade = ["Central Investigation Brigade of the National Guard"]
    assert ("interrogation", brigade, ["Tom Reed"]) in got, got
    assert ("interrogation", brigade, ["Ana Lee"]) in got, got


def test_the_house_searched_after_an_arrest_at_home_is_the_arrested_ones() -> None:
    got = _acted(
        "On 30 May 2023, police arrested the journalist Tom Reed, director of the local news "
        "website Vela News, at his home in Vela. The officers searched the house and seized "
        "a computer holding the outlet’s photographs."
    )
    assert any(t == "search" and targets[:1] == ["Tom Reed"] for t, _a, targets in got), got


def test_a_step_at_the_same_hearing_takes_the_day_of_the_courts_last_step() -> None:
    got = _pairs(
        "On 9 April 2024, the Vela District Court remanded Tom Reed in custody; police had "
        "detained him two days earlier. At the same hearing, Judge Ivo Sand linked him to "
        "proceedings for trespass."
    )
    assert ("charge", "2024-04-09") in got
    assert ("charge", "2024-04-07") not in got


def test_a_step_before_which_another_is_told_as_doing_is_of_the_same_scene() -> None:
    got = _pairs(
        "On 2 April 2024, police stopped a march of farmers in Vela. Witnesses said that "
        "guards kicked three of the marchers before pushing them into a van."
    )
    assert ("arrest", "2024-04-02") in got
    assert ("arrest", None) not in got


def test_a_detention_order_someone_means_to_appeal_is_no_new_custody() -> None:
    got = _pairs(
        "On 9 April 2024, the Vela District Court ordered Tom Reed held for two months.\n\n"
        "The case concerns a March 2024 report in which Tom Reed quoted soldiers. His counsel "
        "plans to challenge the detention order."
    )
    assert ("detention", "2024-04-09") in got
    assert not any(t == "detention" and d != "2024-04-09" for t, d in got), got


def test_the_next_session_of_a_trial_set_for_a_day_is_one_hearing() -> None:
    got = _pairs(
        "On 2 April 2024, police arrested Ana Lee. Her sister, who saw her on 20 April, found "
        "her thin. The next session of her trial before the Vela Court is set for 16 May 2024.",
        appeal_date="1 May 2024",
    )
    assert ("trial_hearing", "2024-05-16") in got
    assert ("trial_hearing", "2024-04-20") not in got


def test_what_a_law_is_routinely_used_for_is_no_step() -> None:
    got = _pairs(
        "On 2 April 2024, police arrested Tom Reed. The Public Order Act is routinely used by "
        "mayors to hold critics even after judges have ordered their release."
    )
    assert not any(t == "release" for t, _d in got), got


def test_a_step_not_one_of_them_underwent_is_none() -> None:
    got = _pairs(
        "On 2 April 2024, police arrested Tom Reed. Since 2020, scores of pupils marching "
        "against the VELA dam have been arrested. Not one of those held has been convicted."
    )
    assert ("arrest", "2024-04-02") in got
    assert got == {("arrest", "2024-04-02")}, got


def test_a_step_in_a_clause_of_when_after_a_past_perfect_is_the_storys() -> None:
    got = _pairs(
        "Early on 2 April 2024, nine farmers left Vela on foot for the capital. They had gone "
        "barely a hundred metres when officers blocked the road and pushed them into a police "
        "van."
    )
    assert ("arrest", "2024-04-02") in got
    assert ("arrest", None) not in got


def test_a_count_from_the_prosecutors_demand_starts_on_its_day() -> None:
    got = _pairs(
        "The trial of Tom Reed opened on 2 April 2024. At the sitting of 11 April, the "
        "prosecutor asked the bench to jail him for four years. Two days after the "
        "prosecutor’s demand, a wreath with his lawyer’s name on it was left at her office."
    )
    assert ("threat", "2024-04-13") in got


def test_the_officers_who_act_are_of_the_body_whose_agents_the_text_named() -> None:
    got = _acted(
        "On 7 March 2024, about fifteen members of the Vela Civil Police, with a prosecutor of "
        "the district prosecution beside them, came to Tom Reed’s farm. The officers "
        "searched his farmhouse and took away his phone."
    )
    assert any(t == "search" and a == ["Vela Civil Police"] for t, a, _g in got), got


def test_who_saw_a_search_did_not_undergo_it() -> None:
    got = _acted(
        "On 7 March 2024, police officers came to the home of the defender Tom Reed. The "
        "officers searched the barn in front of his sister, Ana Lee, and her children."
    )
    assert not any(t == "search" and "Ana Lee" in g for t, _a, g in got), got


def test_bodies_listed_as_subject_act_together_past_an_apposition() -> None:
    got = _acted(
        "On 7 April 2024, officers of the Investigative Committee, an agency that looks into "
        "grave offences, and the State Guard Service raided the flat of Ana Lee in Vela."
    )
    agents = next(a for t, a, _g in got if t == "raid")
    assert agents == ["Investigative Committee", "State Guard Service"], got


def test_people_named_by_a_step_done_to_them_tell_no_step() -> None:
    got = _pairs(
        "Ana Lee leads the Vela Group, founded in 2009, which logged the beatings of people "
        "held in the camps and of children detained at the border."
    )
    assert not {t for t, _d in got} & {"arrest", "detention"}, got


def test_a_duty_to_report_to_the_police_on_set_days_is_no_summons() -> None:
    got = _pairs(
        "On 22 April 2024, a judge of the High Court granted Tom Reed bail and ordered him to "
        "report to Vela police station every Friday. On 29 April 2024, the police ordered Tom "
        "Reed to report to the station for questioning."
    )
    assert ("summons", "2024-04-22") not in got
    assert ("summons", "2024-04-29") in got


def test_held_without_trial_or_a_ban_asked_to_be_ended_is_no_step() -> None:
    got = _pairs(
        "Two teachers held without trial since July 2023 must be freed, the group said. The "
        "government must also lift its suspension of the union, end the blanket ban on "
        "rallies, and look into the shootings of July 2023."
    )
    assert not {t for t, _d in got} & {"trial_hearing", "ban"}, got


def test_a_spell_told_with_its_length_up_to_the_day_it_ended_began_that_many_days_before() -> None:
    got = _pairs(
        "On 2 March 2024, officers of the Vela security service searched Tom Reed’s flat and "
        "took him to an unknown location. His wife did not know where he was for six days, "
        "until he surfaced on 15 March before a prosecutor, who questioned him."
    )
    assert ("arrest", "2024-03-02") in got
    assert ("disappearance", "2024-03-09") in got
    assert ("interrogation", "2024-03-15") in got
    assert ("disappearance", "2024-03-15") not in got


def test_a_trial_held_before_a_sentence_is_a_hearing_only_with_its_own_day() -> None:
    got = _pairs(
        "Ana Lee was sentenced on 16 April 2024 to six years in jail after a trial held "
        "behind closed doors in Vela. Tom Reed was sentenced on 18 April 2024 after a trial "
        "held on 9 April 2024."
    )
    assert ("trial_hearing", "2024-04-16") not in got
    assert ("trial_hearing", "2024-04-09") in got


def test_people_named_by_their_work_after_a_participle_tell_no_step() -> None:
    got = _pairs(
        "On 22 April 2024, the Vela court upheld the sentence against Tom Reed for posts in "
        "which he asked for mercy for detained preachers and jailed novelists."
    )
    assert not {t for t, _d in got} & {"arrest", "detention"}, got


def test_a_standing_ban_since_an_arrest_told_before_began_that_day() -> None:
    got = _pairs(
        "On 11 April 2022, police arrested Tom Reed in Vela. His wife has been barred from "
        "leaving the country since his arrest."
    )
    assert ("travel_ban", "2022-04-11") in got


def test_a_day_set_off_before_a_verb_of_its_own_is_no_more_day_of_the_step_before() -> None:
    got = _pairs(
        "Tom Reed received a summons in March 2022 and, on 4 April 2022, presented "
        "himself at the Vela police station, where officers informed him of charges."
    )
    assert ("summons", "2022-03") in got
    assert ("summons", "2022-04-04") not in got
    assert ("charge", "2022-04-04") in got


def test_days_of_custody_the_police_obtain_are_a_custody_of_that_day() -> None:
    got = _pairs("On 3 May 2024, the Vela police secured four days of custody to question Ana Lee.")
    assert ("detention", "2024-05-03") in got


def test_a_family_searching_for_someone_is_no_search() -> None:
    got = _pairs(
        "On 3 May 2024, men took Tom Reed from his shop. His wife has searched for him "
        "across three prisons, but no one has told her where he is."
    )
    assert "search" not in {t for t, _d in got}, got


def test_arraigned_on_a_counted_charge_is_the_charge() -> None:
    got = _pairs(
        "On 3 May 2024, Tom Reed was arraigned before the Vela High Court on a three-count "
        "charge of fraud and pleaded not guilty."
    )
    assert ("charge", "2024-05-03") in got
    assert ("trial_hearing", "2024-05-03") not in got


def test_a_speakers_words_retelling_a_step_do_not_undo_the_step_told_before() -> None:
    body = (
        "On 15 April 2024, armed men took the editor Tom Reed from his office in Vela. The men "
        "also took the editor’s laptop and his phone.\n\nTwo days later, his deputy was "
        "questioned by the gendarmes.\n\n“Tom Reed was seized from his own office, and a week "
        "later his wife has had no word of him,” said Ana Lee of the Vela Press "
        "Group."
    )
    got = _pairs(body, appeal_date="24 April 2024")
    assert ("seizure", "2024-04-15") in got, got


def test_a_law_that_lengthens_the_period_of_administrative_detention_holds_no_one() -> None:
    got = _pairs(
        "The Vela Assembly passed the emergency law on 2 May 2022. The law lengthens the "
        "period of administrative detention to twenty days."
    )
    assert "detention" not in {t for t, _d in got}, got
