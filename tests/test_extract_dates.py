"""Dates of events: forms of the genre, made-up sentences."""

from __future__ import annotations

import pytest

from kg.extract import extract_case


def _pairs(body: str, appeal: str = "12 June 2024") -> set[tuple[str, str | None]]:
    text = f"{appeal}\n\nZembla: Poet detained\n\n{body}\n"
    return {(e["type"], e["date"]) for e in extract_case(text, appeal_id="t")["events"]}


@pytest.mark.parametrize(
    ("body", "date"),
    [
        ("In late 2023, Ana Lee was arrested.", "2023"),
        ("In mid-2019, Ana Lee was arrested.", "2019"),
        ("In early 2021, Ana Lee was arrested.", "2021"),
        ("In the summer of 2020, Ana Lee was arrested.", "2020"),
        ("In spring 2022, Ana Lee was arrested.", "2022"),
        ("In 2022, Ana Lee was arrested.", "2022"),
    ],
)
def test_a_year_with_a_part_of_it_is_the_year(body: str, date: str) -> None:
    assert ("arrest", date) in _pairs(body)


def test_a_part_of_a_year_that_opens_a_period_is_no_event_date() -> None:
    # "since late 2023" opens a period, as "since 2023" does
    assert ("detention", "2023") not in _pairs("Ana Lee has been detained since late 2023.")


@pytest.mark.parametrize(
    ("later", "date"),
    [("A week later", "2024-05-10"), ("A day later", "2024-05-04")],
)
def test_a_day_or_a_week_later_counts_one(later: str, date: str) -> None:
    got = _pairs(f"Ana Lee was arrested on 3 May 2024. {later}, she was charged with sedition.")
    assert ("charge", date) in got
    assert ("charge", "2024-05-03") not in got


@pytest.mark.parametrize(
    ("later", "date"),
    [
        # a span of no stated day: as precise as the span, never the day counted from
        ("The following week", "2024-05"),
        ("The next week", "2024-05"),
        ("A month later", "2024-06"),
        ("A year earlier", "2023"),
        ("A few days later", "2024-05"),
        ("Several weeks later", "2024-05"),
        ("Several months later", "2024"),
        ("The day after", "2024-05-04"),
    ],
)
def test_a_span_later_is_as_precise_as_the_span(later: str, date: str) -> None:
    got = _pairs(f"Ana Lee was arrested on 3 May 2024. {later}, she was charged with sedition.")
    assert ("charge", date) in got
    assert ("charge", "2024-05-03") not in got  # not the day the paragraph told


def test_a_year_after_a_step_beside_its_date_gives_no_date_of_its_own() -> None:
    got = _pairs(
        "Ana Lee was arrested on 3 May 2022. In February 2023, a year after her arrest, "
        "she was referred to the Zenda Court."
    )
    assert ("charge", "2023-02") in got


@pytest.mark.parametrize(
    ("told", "date"),
    [
        # the appeal is dated 12 June 2024
        ("Earlier this year", "2024"),
        ("Earlier this month", "2024-06"),
        ("Last month", "2024-05"),
        ("Last year", "2023"),
        ("Last week", "2024-06"),
        ("This morning", "2024-06-12"),
    ],
)
def test_spans_told_from_the_appeal_date(told: str, date: str) -> None:
    got = _pairs(f"Ana Lee was arrested on 3 May 2022. {told}, she was charged with sedition.")
    assert ("charge", date) in got


def test_this_month_alone_is_no_date() -> None:
    # "the third journalist killed this month": a count, not the day of a step
    got = _pairs(
        "On 3 June 2024, Tom Reed was killed. He is the third journalist killed this month."
    )
    assert ("killing", "2024-06") not in got


# A day without a year counted from an event whose day was told: the year that makes the count
# come out, not the year of a background paragraph read in between.
_COUNTED = (
    "Ana Lee was shot dead on 23 January 2024.\n\n"
    "On 26 March 2019, she told the minister that she feared for her life.\n\n"
    "On January 19, {count} she was killed, the board ordered the seizure of the assets of "
    "Zembla Media."
)


@pytest.mark.parametrize("count", ["four days before", "4 days before"])
def test_a_day_counted_from_a_told_event_takes_its_year(count: str) -> None:
    got = _pairs(_COUNTED.format(count=count))
    assert ("seizure", "2024-01-19") in got
    assert ("seizure", "2019-01-19") not in got
    # the step the count names is on its own day, not on the day counted from it
    assert ("killing", "2024-01-19") not in got
    assert ("killing", "2019-01-19") not in got


def test_a_count_that_does_not_come_out_leaves_the_year_of_the_story() -> None:
    # three days before 23 January is not 19 January: no year is taken from the killing
    got = _pairs(_COUNTED.format(count="three days before"))
    assert ("seizure", "2019-01-19") in got


def test_a_day_counted_before_a_step_dates_the_step() -> None:
    got = _pairs(
        "On 19 May 2024, four days before Ana Lee was released, the court ordered the "
        "seizure of the assets of Zembla Media."
    )
    assert ("release", "2024-05-23") in got
    assert ("release", "2024-05-19") not in got


def test_a_day_counted_from_an_event_anchors_the_next_count_in_its_year() -> None:
    got = _pairs(
        _COUNTED.format(count="four days before") + " The next day, police detained Tom Reed."
    )
    assert ("arrest", "2024-01-20") in got


def test_a_day_without_a_year_long_after_the_appeal_is_of_the_year_before() -> None:
    # the appeal is dated 10 February 2024: "20 December" is December 2023
    got = _pairs(
        "On 20 December, police arrested Ana Lee. The following day, she was charged.",
        appeal="10 February 2024",
    )
    assert ("arrest", "2023-12-20") in got
    assert ("charge", "2023-12-21") in got
    assert ("arrest", "2024-12-20") not in got


def test_a_day_without_a_year_well_before_the_last_month_told_turns_the_year() -> None:
    # "In October 2023 ... On 12 January" in an appeal of February 2024: the story went on
    # into 2024, as the appeal's own day allows
    got = _pairs(
        "In October 2023, the Vela Bar Association expelled Ana Lee. On 12 January, police "
        "arrested her at her home.",
        appeal="10 February 2024",
    )
    assert ("arrest", "2024-01-12") in got
    assert ("arrest", "2023-01-12") not in got


def test_a_day_without_a_year_before_the_last_month_told_keeps_it_if_the_appeal_bars() -> None:
    # near miss: a year on would fall after the appeal's day, and a month back is no turn
    got = _pairs(
        "In October 2023, the Vela Bar Association expelled Ana Lee. On 12 March, police "
        "arrested her at her home. On 3 September, police searched her office.",
        appeal="10 February 2024",
    )
    assert ("arrest", "2023-03-12") in got
    assert ("search", "2023-09-03") in got


def test_a_place_named_for_a_day_is_no_date() -> None:
    got = _pairs(
        "On 15 March 2024, officers summoned Tom Reed to their office in 6th of October City "
        "and questioned him for four hours.",
        appeal="10 April 2024",
    )
    assert ("interrogation", "2024-03-15") in got
    assert ("interrogation", "2023-10-06") not in got and ("interrogation", "2024-10-06") not in got


def test_a_day_before_a_lower_case_word_is_still_a_date() -> None:
    # near miss: "in the city" after the day is no part of a name
    got = _pairs(
        "On 6 October 2023, police arrested Tom Reed in the city of Vela.", appeal="10 April 2024"
    )
    assert ("arrest", "2023-10-06") in got


def test_a_day_without_a_year_soon_after_the_appeal_stays_in_its_year() -> None:
    # a step a few weeks after the appeal's date, told as one to come, is not one of the year
    # before
    got = _pairs("Her trial is due to open on 7 March.", appeal="10 February 2024")
    assert ("trial_hearing", "2024-03-07") in got


@pytest.mark.parametrize(
    "body",
    [
        "Officers arrested Ana Lee at her flat on 21 March, the day after the march.",
        "On 21 March, the judge remanded her in custody.",
    ],
)
def test_a_day_without_a_year_told_as_done_after_the_appeal_is_of_the_year_before(
    body: str,
) -> None:
    # the appeal of 2 March 2024 cannot tell a step of 21 March 2024 as done: the day is of 2023
    got = _pairs(body, appeal="2 March 2024")
    assert {d for _, d in got} == {"2023-03-21"}


def test_a_day_after_the_appeal_in_a_request_to_attend_stays_to_come() -> None:
    got = _pairs(
        "The trial opened on 2 February. We call on diplomats to attend the hearing on 9 March.",
        appeal="2 March 2024",
    )
    assert ("trial_hearing", "2023-03-09") not in got


def test_a_day_without_a_year_soon_after_a_later_told_day_stays_in_its_year() -> None:
    # an update told after the appeal: its "29 September" is measured from 17 June 2024
    got = _pairs(
        "On 17 June 2024, the court kept Ana Lee in detention and adjourned the trial to "
        "29 September.",
        appeal="10 February 2024",
    )
    assert ("trial_hearing", "2024-09-29") in got
    assert ("trial_hearing", "2023-09-29") not in got


def test_days_after_a_killing_count_from_the_killing() -> None:
    got = _pairs(
        "Human rights defender Ana Lee was shot dead on 23 January 2024. Two days after her "
        "killing, her brother Tom Reed was arrested."
    )
    assert ("arrest", "2024-01-25") in got
    assert ("arrest", "2024-01-23") not in got


def test_a_count_from_an_event_counts_from_the_day_whose_clause_tells_it() -> None:
    # the later day's sentence names a sentence too, but in another clause than its date
    got = _pairs(
        "On 22 May 2024, the court sentenced Ana Lee to two years in prison. Her lawyer "
        "appealed on 23 May, and the prosecutor appealed too, asking for a heavier sentence. "
        "Her brother was dismissed from his job a week after the sentence."
    )
    assert ("other", "2024-05-29") in got
    assert ("other", "2024-05-30") not in got


def test_a_count_from_an_event_told_in_the_clause_of_the_day_keeps_that_day() -> None:
    # near miss: the later day's own clause tells the sentence, so the count starts there
    got = _pairs(
        "On 22 May 2024, the court sentenced Ana Lee to two years in prison. On 23 May, the "
        "appeal court confirmed her sentence. Her brother was dismissed from his job a week "
        "after the sentence."
    )
    assert ("other", "2024-05-30") in got


@pytest.mark.parametrize("told", ["In the same week", "The same week", "That week"])
def test_the_same_week_is_the_month_of_the_day_told(told: str) -> None:
    got = _pairs(f"Ana Lee was arrested on 30 May 2024. {told}, Tom Reed received death threats.")
    assert ("threat", "2024-05") in got


def test_the_following_week_is_still_a_week_on() -> None:
    # near miss: "the following week" counts a week from the day told, into June
    got = _pairs("Ana Lee was arrested on 30 May 2024. The following week, she was charged.")
    assert ("charge", "2024-06") in got


def test_a_count_after_a_raid_starts_from_the_raid() -> None:
    got = _pairs(
        "On 16 March 2024, agents raided the office of the Vela Rights Centre. On 20 March "
        "2024, police questioned Ana Lee. Three days after the raid, Tom Reed was expelled to "
        "Ruritania by the police."
    )
    assert ("other", "2024-03-19") in got and ("other", "2024-03-20") not in got


def test_the_morning_after_a_step_is_the_next_day_and_a_later_count_starts_from_it() -> None:
    got = _pairs(
        "On the evening of 7 January 2024, three men abducted Tom Reed. On the morning after "
        "his abduction, police raided the office of the Vela Rights Centre and arrested Ana "
        "Lee. On 9 January, his wife filed a petition. Ana Lee was released two days after "
        "her arrest."
    )
    assert {("raid", "2024-01-08"), ("arrest", "2024-01-08"), ("release", "2024-01-10")} <= got


def test_a_date_alone_on_its_line_dates_no_event() -> None:
    # a case history's update: its day of issue over its title is no day of the arrest
    text = (
        "12 June 2024\n\nZembla: Poet sentenced\n\nOn 10 June 2024, a court sentenced Ana Lee "
        "to two years in prison.\n\n27 May 2024\nPoet Ana Lee detained\n\nOn 22 May 2024, "
        "police searched the home of Ana Lee. She was then detained.\n"
    )
    got = {(e["type"], e["date"]) for e in extract_case(text, appeal_id="t")["events"]}
    assert ("arrest", "2024-05-22") in got and ("arrest", "2024-05-27") not in got


def test_a_month_told_in_passing_does_not_take_the_story_back_to_its_year() -> None:
    got = _pairs(
        "On 14 March 2024, a court ordered that Ana Lee be held for two months. The Vela "
        "Rights Centre was banned by the Supreme Court in June 2021.\n\nOn 20 March, her "
        "husband was interrogated by the police."
    )
    assert ("interrogation", "2024-03-20") in got and ("interrogation", "2021-03-20") not in got


def test_a_month_told_with_its_year_after_the_last_day_sets_the_year() -> None:
    # near miss: the story moves on to June 2025, and "20 June" is of that year
    got = _pairs(
        "On 14 March 2024, a court ordered that Ana Lee be held for two months. In June 2025, "
        "she was moved to a prison in the north. On 20 June, her husband was interrogated by "
        "the police.",
        appeal="12 July 2025",
    )
    assert ("interrogation", "2025-06-20") in got


def test_the_days_of_a_sentence_that_opens_with_its_year_are_of_that_year() -> None:
    got = _pairs(
        "On 3 February 2025, Ana Lee was arrested. In 2023, the Vela District Court fined her "
        "twice for her reports: 20,000 dinars on 9 May and 45,000 dinars on 30 October.",
        appeal="12 June 2025",
    )
    assert ("fine", "2023-05-09") in got and ("fine", "2023-10-30") in got
    assert ("fine", "2024-05-09") not in got and ("fine", "2025-05-09") not in got


def test_a_year_told_inside_a_sentence_does_not_date_its_days() -> None:
    # near miss: "in 2019" after the sentence's opening is background, and the day after it is
    # of the story's year
    got = _pairs(
        "On 3 February 2024, Ana Lee was arrested. The group she founded in 2019 was raided "
        "on 9 May.",
        appeal="12 June 2024",
    )
    assert ("raid", "2024-05-09") in got


def test_a_count_goes_on_from_the_sentences_day_not_from_a_spell_it_names() -> None:
    got = _pairs(
        "On 4 April 2024, a judge prolonged the custody of Ana Lee, who has been in Vela "
        "jail since 11 March 2024. The next morning, unknown men threatened her lawyer, Tom "
        "Reed, outside the courthouse."
    )
    assert ("threat", "2024-04-05") in got and ("threat", "2024-03-12") not in got


def test_a_count_after_a_spell_told_alone_starts_from_its_first_day() -> None:
    # near miss: with no other day in its sentence, the spell's first day starts the count
    got = _pairs(
        "Ana Lee has been in Vela jail since 11 March 2024. The next morning, unknown men "
        "threatened her lawyer, Tom Reed, outside the courthouse."
    )
    assert ("threat", "2024-03-12") in got


def test_a_count_goes_on_from_a_weekday_told_from_the_appeals_day() -> None:
    # "on Tuesday evening" in an alert of Thursday 20 August 2009 is the 18th; "the following
    # morning", a paragraph later, is the 19th (not the day after the alert)
    text = (
        "New York, August 20, 2009\n\n"
        "Ana Lee and Tom Reed were arrested on Tuesday evening near the parliament.\n\n"
        "The journalists were released the following morning.\n"
    )
    events = extract_case(text, appeal_id="t-weekday")["events"]
    assert {(e["type"], e["date"]) for e in events} == {
        ("arrest", "2009-08-18"),
        ("release", "2009-08-19"),
    }


def test_when_a_body_was_set_up_or_a_law_adopted_dates_no_step() -> None:
    text = (
        "20 October 2024\n\nZembla: Defender sentenced\n\n"
        "On 12 October 2024, the Vela Criminal Court sentenced Ana Lee to eight years in prison."
        "\n\nAna Lee co-founded the Vela Rights Forum, a network set up in 2021 that visits "
        "prisoners held without trial in the north.\n\n"
        "On 18.06.2024, the prosecution referred the case to the court. Ana Lee was charged "
        "under Article 8 of the Law on Public Order, adopted earlier in 2024.\n"
    )
    events = extract_case(text, appeal_id="t-made")["events"]
    dates = {e["date"] for e in events}
    assert "2021" not in dates and "2024" not in dates
    assert ("charge", "2024-06-18") in {(e["type"], e["date"]) for e in events}


def test_the_day_of_an_indictment_dates_the_charge_it_brings() -> None:
    got = _pairs(
        "Ana Lee and Bo Kim were arrested on 3 January 2024. In an indictment dated 9 February "
        "2024, the prosecutor charged them with sedition."
    )
    assert ("charge", "2024-02-09") in got
    assert ("charge", "2024-01-03") not in got


@pytest.mark.parametrize("gathering", ["the 3 March 2023 protests", "the 3 March 2023 elections"])
def test_a_day_that_names_a_gathering_dates_no_step(gathering: str) -> None:
    got = _pairs(f"A court has sentenced two men who took part in {gathering} to eight years.")
    assert ("sentence", "2023-03-03") not in got


def test_a_day_that_names_an_attack_still_dates_it() -> None:
    got = _pairs("Ana Lee was injured in the 3 March 2023 attack on her office.")
    assert ("attack", "2023-03-03") in got


def test_a_count_closing_the_sentence_of_a_day_dates_the_step_it_names() -> None:
    got = _pairs(
        "On 21 May 2024, Ana Lee was freed on bail by the Vela court, ten days after the "
        "gendarmes arrested her at her office."
    )
    assert got == {("release", "2024-05-21"), ("arrest", "2024-05-11")}


def test_a_count_before_a_step_the_text_dated_goes_back_from_its_day() -> None:
    got = _pairs(
        "Police arrested Ana Lee on 14 April 2024. Two days before her arrest, she was threatened "
        "by an unidentified man."
    )
    assert ("threat", "2024-04-12") in got


def test_the_day_of_a_gathering_named_in_passing_starts_no_count() -> None:
    got = _pairs(
        "On 6 May 2024, officers arrested Ana Lee and Tom Reed. During the week after the 28 "
        "April 2024 election, their site had listed those the police had detained. Three days "
        "after the arrests, a judge charged both with terrorism."
    )
    assert ("charge", "2024-05-09") in got
    assert ("charge", "2024-05-01") not in got


def test_the_day_a_search_warrant_was_issued_dates_no_step_and_starts_no_count() -> None:
    got = _pairs(
        "At dawn on 7 April 2024, officers raided the office of the Vela Farmers Union. They "
        "showed a search warrant issued a day earlier by a magistrate in the capital. The "
        "building was searched for two hours."
    )
    assert ("search", "2024-04-06") not in got
    assert ("search", "2024-04-07") in got


def test_a_count_after_the_verdict_starts_from_the_day_of_the_sentence() -> None:
    got = _pairs(
        "Ana Lee was sentenced on 25 April 2024 to a year in jail. Her lawyers appealed the "
        "day after the verdict."
    )
    assert ("appeal_filed", "2024-04-26") in got


def test_a_count_in_a_call_for_a_protest_dates_no_step() -> None:
    got = _pairs(
        "Ana Lee was sentenced on 25 April 2024. The court convicted her over a post she "
        "published on Telegram on 2 March 2024, in which she urged students to march three "
        "days later."
    )
    assert {d for _, d in got} == {"2024-04-25"}


def test_a_junta_that_seized_power_seized_nothing_of_the_case() -> None:
    got = _pairs(
        "On 13 April 2024, the council, whose leader seized power in a coup in 2019, banned all "
        "demonstrations."
    )
    assert {t for t, _ in got} == {"ban"}


def test_a_hunger_strike_named_by_its_day_is_still_dated() -> None:
    got = _pairs("On the 3 March 2024 hunger strike's first day, guards beat Ana Lee.")
    assert ("attack", "2024-03-03") in got


def test_the_same_evening_after_a_month_that_opens_its_sentence_is_that_month() -> None:
    got = _pairs(
        "On 2 May 2024, officers warned Ana Lee at her office. This was not the first time. In "
        "October 2023, she was detained with three other members of the union at a sit-in. "
        "The four were freed at the district station that same evening, with no charge."
    )
    assert ("release", "2023-10") in got
    assert ("release", "2024-05-02") not in got


def test_the_day_a_warrant_was_issued_starts_no_count() -> None:
    got = _pairs(
        "On 14 April 2024, gendarmes arrested Tom Reed at a roadblock near Vela. They carried "
        "out a warrant issued on 2 January 2024 by the Vela court. Two days later, the judge "
        "ordered his pre-trial detention."
    )
    assert ("detention", "2024-04-16") in got
    assert ("detention", "2024-01-04") not in got


def test_a_few_days_after_a_month_that_opens_its_sentence_stay_in_that_month() -> None:
    got = _pairs(
        "On 20 March 2022, the ministry suspended the Vela Farmers Union. In April 2023, Ana Lee "
        "was forced into a car by masked men. Her abductors beat her and left her by a road "
        "four days later."
    )
    assert ("attack", "2023-04") in got
    assert not any(d and d.startswith("2022-03-2") and t == "attack" for t, d in got)


def test_a_count_from_a_step_told_later_in_its_sentence_does_not_move_the_day() -> None:
    got = _pairs(
        "On 11 March 2024, the Vela High Court freed Tom Reed on bail, ten days after he was "
        "arrested by the criminal police. Earlier that day, the prosecutor charged him with "
        "sedition."
    )
    assert ("charge", "2024-03-11") in got
    assert ("charge", "2024-03-21") not in got


def test_a_count_after_the_arrest_starts_from_the_night_he_was_handcuffed() -> None:
    got = _pairs(
        "On the night of 6 March 2024, police broke into the family flat. Tom Reed was "
        "handcuffed and taken that same night to the capital. On 30 April, his sister learned "
        "where he was held. Three days after his arrest the prosecutor charged him with "
        "treason."
    )
    assert ("charge", "2024-03-09") in got


def test_in_the_course_of_a_month_dates_a_step() -> None:
    got = _pairs("In the course of March 2024, an investigator questioned Ana Lee twice.")
    assert ("interrogation", "2024-03") in got
    # ("a law of 3 May" still dates no step)
    assert _pairs("Ana Lee is charged under the law of 3 May 2023.") <= {("charge", None)}


def test_a_day_looked_back_to_in_what_someone_said_starts_no_count() -> None:
    got = _pairs(
        "On 12 March 2024, Tom Reed aired an interview with miners, who said that a flood in "
        "the pit three days earlier was the owners' fault. The next day, police "
        "summoned him."
    )
    assert ("summons", "2024-03-13") in got


def test_the_day_before_a_gathering_the_text_dates_counts_back_from_it() -> None:
    got = _pairs(
        "Ana Lee organised a candle-lit rally in Vela on 9 March 2024. The day before the "
        "rally, a district judge had signed an order banning it, as the police had asked."
    )
    assert ("ban", "2024-03-08") in got


def test_a_day_after_the_appeal_in_the_present_of_a_timetable_is_this_year() -> None:
    got = _pairs(
        "Ana Lee is held ahead of the regional forum, which opens in Vela on 20 June. Her "
        "bail hearing was set for 24 June, four days after the forum opens. On 5 June, "
        "police searched her flat.",
        appeal="14 June 2024",
    )
    assert ("trial_hearing", "2024-06-24") in got
    assert ("search", "2024-06-05") in got


def test_an_order_that_expires_after_the_appeal_keeps_the_year_of_the_story() -> None:
    got = _pairs(
        "On 27 May, the prosecutor renewed Ana Lee’s detention for another month. The order "
        "runs out on 11 June and may then be extended. On 18 May, police questioned her "
        "husband about his work.",
        appeal="29 May 2024",
    )
    assert ("detention", "2024-05-27") in got
    assert ("interrogation", "2024-05-18") in got


def test_the_year_someone_founded_a_group_dates_no_step_of_the_sentence() -> None:
    got = _pairs(
        "On 2 May 2024, police raided the offices of the Vela Water Forum. They arrested its "
        "head, Ana Lee, who set up the Forum in 2015, and two of its members."
    )
    assert ("arrest", "2024-05-02") in got
    assert ("arrest", "2015") not in got


def test_the_year_a_paper_was_written_dates_no_questioning() -> None:
    got = _pairs(
        "On 2 May 2024, Tom Reed was detained at a checkpoint. He told his lawyer that he was "
        "questioned mainly about an article he co-wrote for a weekly in 2022."
    )
    assert ("interrogation", "2022") not in got


def test_a_count_after_until_ends_a_spell_and_is_no_step_of_its_own() -> None:
    got = _pairs(
        "On the night of 2 May 2024, Tom Reed was abducted from his home by armed men. His "
        "family did not know where he was until three days later, when he was found on a road."
    )
    assert ("disappearance", "2024-05-02") in got
    assert ("disappearance", "2024-05-05") not in got


def test_the_same_week_after_a_month_that_opens_its_sentence_is_that_month() -> None:
    got = _pairs(
        "Police arrested Ana Lee on 3 May 2024. In February, a stranger warned her to stop "
        "writing. She reported the threat to the police the same week."
    )
    assert ("complaint", "2024-02") in got
    assert ("complaint", "2024-05") not in got


def test_the_first_day_of_a_sentence_keeps_the_story_in_its_year() -> None:
    got = _pairs(
        "On 3 February 2024, police arrested Ana Lee. Her lawyer said the charge, laid on 12 "
        "February, rests on two posts and on a talk she gave at a meeting on 5 March 2021. "
        "On 6 April, the court extended her detention."
    )
    assert ("detention", "2024-04-06") in got
    assert ("detention", "2021-04-06") not in got


def test_the_weekday_of_the_release_is_its_day_and_last_that_weekday_the_week_before() -> None:
    # 15 August 2024 was a Thursday
    got = _pairs(
        "On Thursday, the Vela court sentenced Ana Lee to eight years in prison. Last Thursday, "
        "police searched the flat of her editor, Tom Reed.",
        appeal="15 August 2024",
    )
    assert ("sentence", "2024-08-15") in got
    assert ("search", "2024-08-08") in got


def test_a_count_after_the_rally_takes_the_day_of_the_gathering_told_last() -> None:
    got = _pairs(
        "On 21 March 2024, the Vela court sentenced Ana Lee over a speech at a peaceful "
        "rally. She gave that speech on 3 March 2022 at a gathering in Vela Square. Four days "
        "after the rally, Tom Reed lodged a complaint against her with the Vela police.",
        appeal="28 March 2024",
    )
    assert ("complaint", "2022-03-07") in got


def test_the_last_week_of_a_month_is_no_week_before_the_appeal() -> None:
    got = _pairs(
        "On 20 November 2024, police searched the office of the Vela Group. In the last week of "
        "November, its staff received calls from unknown men who told them to close the office "
        "if they want to remain safe.",
        appeal="12 December 2024",
    )
    assert not any(t == "threat" and (d or "").startswith("2024-12") for t, d in got), got
    assert any(t == "threat" and (d or "").startswith("2024-11") for t, d in got), got


def test_a_when_clause_after_a_counted_phrase_takes_the_date_before_them() -> None:
    got = _pairs(
        "The two reporters were detained on 9 May 2024, barely a day after the vote in "
        "Kastra, when officers of the Kastra Police raided their office.",
        appeal="20 May 2024",
    )
    assert ("raid", "2024-05-09") in got


def test_a_count_from_a_step_cannot_run_past_the_appeal_from_the_leads_day() -> None:
    text = (
        "Vela: reporter seized\n\nKastra, April 24, 2024—The authorities must stop using "
        "abductions to punish reporters, the Vela Press Group said Wednesday.\n\nOn April 15, "
        "2024, armed men drove the editor Tom Reed away from his office. Three days after the "
        "abduction, his deputy, Ana Lee, was interrogated at the gendarmerie.\n"
    )
    got = {(e["type"], e["date"]) for e in extract_case(text, appeal_id="t")["events"]}
    assert ("interrogation", "2024-04-18") in got, got


@pytest.mark.parametrize("same", ["On the same day as the raid", "The same evening as the raid"])
def test_the_same_day_as_an_event_is_that_events_day_not_the_day_told_last(same: str) -> None:
    got = _pairs(
        "On 6 March 2024, police raided the office of the Vela Rights Centre and arrested Ana "
        "Lee. The following day, investigators charged her with smuggling. "
        f"{same}, police questioned Tom Reed for nine hours."
    )
    assert ("interrogation", "2024-03-06") in got and ("interrogation", "2024-03-07") not in got


def test_the_same_day_as_an_event_whose_day_is_not_told_is_the_day_told_last() -> None:
    got = _pairs(
        "On 6 March 2024, police arrested Ana Lee. The following day, investigators charged "
        "her. On the same day as the hearing, police questioned Tom Reed."
    )
    assert ("interrogation", "2024-03-07") in got


@pytest.mark.parametrize("told", ["17 February 2021", "17.02.2021", "17/02/2021"])
def test_a_numeric_date_sets_the_year_of_the_days_told_after_it(told: str) -> None:
    """A day told in figures with its year carries the story into that year, as one told in
    words does: "3 March" after "On 17.02.2021, ..." is of 2021, not of the year told before."""
    body = (
        f"On 14 April 2020, police arrested Ana Lee. On {told}, the prosecutor charged her with "
        "sedition. On 3 March, a court remanded her in custody."
    )
    pairs = _pairs(body, appeal="8 July 2021")
    assert ("detention", "2021-03-03") in pairs, pairs


@pytest.mark.parametrize("told", ["31 December 2018", "31.12.2018", "31/12/2018"])
def test_a_day_in_figures_with_stops_ends_no_clause(told: str) -> None:
    """The stops of "31.12.2018" are no sentence's or clause's end: the decision it dates is
    read as the one written in words is."""
    body = (
        "The Vela Centre for Human Rights (VCHR) strongly condemns the decision of the State "
        "Security Chamber of the Federal Supreme Court in Zembla City, taken on Monday "
        f"{told}, to reject the appeal of human rights defender Ana Lee and to confirm the "
        "ten-year prison sentence."
    )
    assert ("court_decision", "2018-12-31") in _pairs(body, appeal="2 January 2019")


def test_a_day_in_figures_with_stops_is_day_first_where_dates_are_month_first() -> None:
    """A date with full stops is day first even in a text that writes dates month first."""
    body = (
        "New York, August 20, 2026—On August 3, 2026, police arrested Ana Lee. She is held under "
        "a detention order dated 05.08.2026."
    )
    assert ("detention", "2026-08-05") in _pairs(body, appeal="August 20, 2026")


@pytest.mark.parametrize(
    "taken",
    [
        "plain-clothes officers pushed Ana Lee and Tom Reed into an unmarked car",
        "plain-clothes officers detained Ana Lee and Tom Reed outside a cafe",
    ],
)
def test_a_count_from_the_arrest_starts_on_its_day_not_on_the_day_it_was_told(
    taken: str,
) -> None:
    # "two days after the arrest": from the day they were taken, not from the evening the
    # police said that they "had been arrested"
    text = (
        f"12 July 2024\n\nZembla: Two activists charged\n\nOn 5 September 2023, {taken}. Their "
        "families had no idea where they were until the following evening, when a police "
        "spokesperson said that the two had been arrested for plotting. Two days after the "
        "arrest, an investigating judge charged them with incitement.\n"
    )
    record = extract_case(text, appeal_id="t-count-from-arrest")
    charges = [e["date"] for e in record["events"] if e["type"] == "charge"]
    assert charges == ["2023-09-07"], record["events"]


def _days_by_type(text: str) -> dict[str, str | None]:
    """The day of each type of event the text tells (the last, where several share a type)."""
    return {e["type"]: e["date"] for e in extract_case(text, appeal_id="t-days")["events"]}


def test_a_sentence_naming_only_an_earlier_day_does_not_move_the_story_back() -> None:
    # the remand is on the day of the hearing the paragraph told, not in the month of the
    # post the charge is about
    text = (
        "13 October 2020\n\nZembla: Defenders charged\n\nWhen Ana Lee and Tom Reed appeared "
        "before the Vela Magistrate's Court on 9 October 2020, the prosecution charged them with "
        "publishing false information. The first count relates to a post about houses burned "
        "during an eviction in August 2020. Magistrate Rina Holm remanded the pair in custody "
        "until 23 October 2020.\n"
    )
    days = _days_by_type(text)
    assert days["detention"] == "2020-10-09", days


def test_the_nth_day_of_a_detention_counts_from_the_day_it_began() -> None:
    text = (
        "13 October 2020\n\nZembla: Defenders held\n\nAna Lee was picked up in Vela on the "
        "afternoon of 5 October 2020 by police officers. She was held at the central police "
        "station for four days. On the second day of her detention, police officers searched "
        "her office and carried away two computers.\n"
    )
    days = _days_by_type(text)
    assert (days["arrest"], days["search"], days["seizure"]) == (
        "2020-10-05",
        "2020-10-06",
        "2020-10-06",
    ), days
