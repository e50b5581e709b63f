"""Demands: numbered lists after any lead-in, asks written as sentences, with addressees."""

from __future__ import annotations

from kg.extract import extract_case

LETTER = """URGENT ACTION

WRITER HELD FOR A POEM

TAKE ACTION: WRITE AN APPEAL USING THIS MODEL LETTER

Dear Minister,

I urge you to release Mara Lind immediately and unconditionally and to drop all charges
against her. Pending her release, please ensure that she has regular access to her family.
I also call on you to repeal Article 9 of the Press Law, and to stop prosecuting poets.

Please check with the office in your country if you wish to send appeals after the deadline.
"""

PRESS = """Zembla: Poet Mara Lind must be freed

Capital City, May 3, 2024—Zembla authorities should release poet Mara Lind without delay,
drop the charges against her, and allow an independent review of her case, the Poets
Network said today.

The Zembla authorities should:
• Repeal the Press Law;
• Stop harassing writers.
"""


def summaries(text: str) -> list[str]:
    return [d["summary"] for d in extract_case(text, appeal_id="t")["demands"]]


def test_asks_in_a_model_letter() -> None:
    assert summaries(LETTER) == [
        "release Mara Lind immediately and unconditionally and to drop all charges against her",
        "pending her release, please ensure that she has regular access to her family",
        "repeal Article 9 of the Press Law",
        "stop prosecuting poets",
    ]


def test_a_numbered_list_after_should_wins_over_prose() -> None:
    assert summaries(PRESS) == ["repeal the Press Law", "stop harassing writers"]


def test_asks_reported_in_a_press_release_split_at_each_verb() -> None:
    lead = PRESS.split("The Zembla authorities should:")[0]
    rec = extract_case(lead, appeal_id="t")
    assert [d["summary"] for d in rec["demands"]] == [
        "release poet Mara Lind without delay",
        "drop the charges against her",
        "allow an independent review of her case",
    ]
    assert rec["demands"][0]["addressees"] == ["Zembla authorities"]
    for d in rec["demands"]:
        ev = d["evidence"][0]
        assert lead[ev["start"] : ev["end"]] == ev["quote"]


def test_a_headline_with_must_is_no_demand() -> None:
    assert summaries("Zembla: Poet Mara Lind must be freed\n\nShe was arrested in May.\n") == []


TWO_LISTS = """3 March 2025

Norway: Writer abducted

The Poets Network urges the authorities in Norway to:

1. Investigate the abduction of Mara Lind and bring those responsible to justice;

2. Guarantee the safety of her family.

The Poets Network further urges the authorities in Ruritania to:

3. Release Mara Lind immediately and drop all charges against her;

4. Pending her release, ensure that she has regular access to her lawyers.

We also urge your Excellency’s Government to ensure that Mr. Lind’s brother is protected from
any reprisal.
"""


def test_every_list_with_its_addressees_and_asks_after_the_lists() -> None:
    demands = extract_case(TWO_LISTS, appeal_id="t")["demands"]
    got = [(d["summary"].split()[0], d["addressees"]) for d in demands]
    assert got == [
        ("investigate", ["authorities in Norway"]),
        ("guarantee", ["authorities in Norway"]),
        ("release", ["authorities in Ruritania"]),
        ("pending", ["authorities in Ruritania"]),
        ("ensure", ["Government of Norway"]),
    ]
    # "Mr." does not end the ask
    assert demands[-1]["summary"].endswith("protected from any reprisal")


URGING = """TAKE ACTION

Write to the Prime Minister of Norway urging them to:
(a) Release the poet Mara Lind immediately;
(b) Drop all charges against her.

The Poets Network calls for the following:
● Repeal the Press Law;
● Stop harassing writers.
"""


def test_more_lead_ins_and_bracketed_or_round_bullets() -> None:
    assert [s.split()[0] for s in summaries(URGING)] == ["release", "drop", "repeal", "stop"]


NOUN_AND_PRESENT = """Zembla: Release poet Mara Lind

Capital City, 3 May 2024 – The Poets Network is alarmed by the arrest of the poet Mara Lind on
28 April 2024 and calls for her immediate and unconditional release.

Ms Lind's publisher, Tomas Berg, was questioned the same day. A deputy, Ivo Kran, called for
their release. Ms Lind had used her blog to call for the release of jailed writers.

The Poets Network calls on the Zembla authorities to drop all charges against Tomas Berg, and
calls for the ban on her magazine to be lifted.
"""


def test_asks_in_the_present_with_a_noun_or_a_passive_read_in_the_active() -> None:
    rec = extract_case(NOUN_AND_PRESENT, appeal_id="t")
    assert [d["summary"] for d in rec["demands"]] == [
        "release Mara Lind immediately and unconditionally",
        "drop all charges against Tomas Berg",
        "lift the ban on her magazine",
    ]
    assert rec["demands"][1]["addressees"] == ["Zembla authorities"]
    # each quote is the text at its offsets
    for d in rec["demands"]:
        for ev in d["evidence"]:
            assert NOUN_AND_PRESENT[ev["start"] : ev["end"]] == ev["quote"]


def test_someone_elses_call_and_a_call_the_defender_made_are_no_asks() -> None:
    text = NOUN_AND_PRESENT.split("The Poets Network calls on")[0]
    assert summaries(text) == ["release Mara Lind immediately and unconditionally"]


def test_a_pronoun_is_named_only_by_a_person_of_its_gender_named_before() -> None:
    he = "Capital City, 3 May 2024 – Ms Ana Ruiz was arrested. The Network calls for his release.\n"
    assert summaries(he) == ["release him"]
    she = he.replace("his release", "her release")
    assert summaries(she) == ["release Ana Ruiz"]
    # "her husband" is no pronoun object
    assert summaries(
        she.replace("calls for her release", "calls on the authorities to release her husband")
    ) == ["release her husband"]


def test_a_long_addressee_before_a_demand_verb() -> None:
    text = (
        "Capital City, 3 May 2024 – Ms Ana Ruiz was arrested on 2 May 2024.\n\n"
        "We call on the diplomatic missions in the capital and on the regional office of the "
        "Commissioner for Human Rights in Zembla to follow the trial closely and to attend the "
        "hearing on 9 June.\n"
    )
    rec = extract_case(text, appeal_id="t")
    assert [d["summary"] for d in rec["demands"]] == [
        "follow the trial closely and to attend the hearing on 9 June"
    ]
    assert rec["demands"][0]["addressees"][0].startswith("diplomatic missions in the capital")


def test_a_lead_in_in_capitals_opens_a_list() -> None:
    text = (
        "Capital City, 3 May 2024 – Ms Ana Ruiz was arrested on 2 May 2024.\n\n"
        "The Network holds the State responsible for her safety. WE DEMAND:\n\n"
        "– That the prosecutor close the investigation against Ana Ruiz;\n"
        "– That the police return her laptop.\n"
    )
    rec = extract_case(text, appeal_id="t")
    assert [(d["addressees"], d["summary"]) for d in rec["demands"]] == [
        (["prosecutor"], "close the investigation against Ana Ruiz"),
        (["police"], "return her laptop"),
    ]


def test_an_ask_told_as_asking_someone_to_act() -> None:
    text = (
        "Capital City, 3 May 2024 – Ms Ana Ruiz was arrested on 2 May 2024.\n\n"
        "Please write to the authorities of Zembla asking them to release Ana Ruiz immediately "
        "and unconditionally.\n"
    )
    assert summaries(text) == ["release Ana Ruiz immediately and unconditionally"]
    # a request told in the past is what happened, not the issuer's ask
    told = text.replace("Please write to the authorities of Zembla asking them", "She asked them")
    assert summaries(told) == []


def test_them_and_it_named_by_the_custody_or_verdict_the_asks_sentence_told() -> None:
    lead = "Capital City (3 May 2024) – The Network today condemned the {what} and called on the "
    lead += "authorities of Zembla to {ask}.\n"
    group = lead.format(
        what="detention of three members of the Lakeside Farmers Union (LFU) in Vela",
        ask="release them without delay",
    )
    assert summaries(group) == [
        "release three members of the Lakeside Farmers Union in Vela without delay"
    ]
    named = lead.format(what="arrest of Ana Ruiz, a lawyer, and of Tomas Berg", ask="release them")
    assert summaries(named) == ["release Ana Ruiz and Tomas Berg"]
    verdict = lead.format(what="conviction of Ana Ruiz, a lawyer,", ask="quash it")
    assert summaries(verdict) == ["quash the conviction of Ana Ruiz"]
    # near misses: a pronoun told in a sentence of its own, and "it" after a custody
    apart = lead.format(what="detention of three farmers", ask="act").replace(
        "to act.", "to act. We ask them to release them."
    )
    assert "release three farmers" not in summaries(apart)
    custody = lead.format(what="detention of Ana Ruiz", ask="quash it immediately")
    assert summaries(custody) == ["quash it immediately"]


def test_a_letters_ask_after_an_adverb_or_after_its_condition_without_please() -> None:
    head = (
        "Capital City, 3 May 2024 – Ms Ana Ruiz was arrested on 2 May 2024.\n\nDear Minister,\n\n"
    )
    text = head + (
        "I therefore urge you to release Ana Ruiz immediately. Pending her release, ensure "
        "that she has regular access to her lawyer.\n\nYours sincerely,\n"
    )
    assert summaries(text) == [
        "release Ana Ruiz immediately",
        "pending her release, ensure that she has regular access to her lawyer",
    ]
    # near misses: a condition before a statement, and an adverb before no asking verb
    told = head + (
        "We therefore believe that she is held for her work. Pending her trial, she was "
        "returned to the prison.\n\nYours sincerely,\n"
    )
    assert summaries(told) == []


def test_an_ask_under_a_condition_inside_one_sentence_is_one_of_its_own() -> None:
    head = (
        "Capital City, 3 May 2024 – Ms Ana Ruiz was arrested on 2 May 2024.\n\nDear Minister,\n\n"
    )
    text = head + (
        "I urge you to ensure that Ana Ruiz is released and that all charges against her are "
        "dropped, and, pending her release, that she has regular access to her lawyers.\n\n"
        "Yours sincerely,\n"
    )
    assert summaries(text) == [
        "ensure that Ana Ruiz is released and that all charges against her are dropped",
        "pending her release, that she has regular access to her lawyers",
    ]
    # near miss: "and" before a condition that opens no ask of its own stays in the one ask
    one = head + (
        "I urge you to release Ana Ruiz, and her lawyers pending trial.\n\nYours sincerely,\n"
    )
    assert len(summaries(one)) == 1


def test_a_long_addressee_named_without_the_before_a_demand_verb() -> None:
    head = "Capital City, 3 May 2024 – Ms Ana Ruiz was arrested on 2 May 2024.\n\n"
    text = head + (
        "We also call on UNOHR and the Regional Commission on Human and Peoples’ Rights of the "
        "Union to raise the case with the Government of Zembla.\n"
    )
    rec = extract_case(text, appeal_id="t")
    assert [d["summary"] for d in rec["demands"]] == [
        "raise the case with the Government of Zembla"
    ]
    assert rec["demands"][0]["addressees"][0].startswith("UNOHR and the Regional Commission")
    # near miss: a long stretch with no demand verb after its "to" is no ask
    told = head + (
        "We also call on UNOHR and the Regional Commission on Human and Peoples’ Rights of the "
        "Union to note that the case is pending.\n"
    )
    assert summaries(told) == []


def test_a_list_set_out_one_ask_a_line_without_marks() -> None:
    head = "Capital City, 3 May 2024 – Ms Ana Ruiz was arrested on 2 May 2024.\n\n"
    text = head + (
        "We call on the Zemblan authorities to:\n\n"
        "drop all charges against Ana Ruiz and Leo Marr;\n"
        "withdraw the notice issued to the Poets Network and allow it to operate freely;\n"
        "investigate the ill-treatment of Ana Ruiz.\n\nSignatories:\n\nPoets Network\n"
    )
    assert summaries(text) == [
        "drop all charges against Ana Ruiz and Leo Marr",
        "withdraw the notice issued to the Poets Network and allow it to operate freely",
        "investigate the ill-treatment of Ana Ruiz",
    ]
    # near miss: a paragraph of prose after the colon is no list of asks
    prose = head + (
        "We call on the Zemblan authorities to:\n\n"
        "The court, which sat on 2 May, heard no witness;\n"
        "the hearing was adjourned.\n"
    )
    assert summaries(prose) == []


def test_a_lead_in_written_as_a_heading_without_a_colon() -> None:
    head = "Capital City, 3 May 2024 – Ms Ana Ruiz was arrested on 2 May 2024.\n\n"
    text = head + (
        "WE DEMAND\n\n"
        "- That the Zemblan State immediately release Ana Ruiz;\n"
        "- That the Prosecutor's Office withdraw the arrest warrant against Leo Marr.\n"
    )
    rec = extract_case(text, appeal_id="t")
    assert [d["summary"] for d in rec["demands"]] == [
        "immediately release Ana Ruiz",
        "withdraw the arrest warrant against Leo Marr",
    ]
    assert rec["demands"][1]["addressees"] == ["Prosecutor's Office"]
    # near miss: the words in a sentence of prose are no heading
    told = head + (
        "We demand justice, the family said.\n\n"
        "- That the Zemblan State immediately release Ana Ruiz;\n"
    )
    assert summaries(told) == []


def test_a_list_of_dashed_items_run_on_in_one_paragraph_is_read_item_by_item() -> None:
    text = (
        "12 June 2024\n\nZembla: Journalist held\n\nPolice arrested Ana Lee on 3 May 2024.\n\n"
        "The Vela Rights Centre calls on the Government of Armenia to: - Release Ana Lee "
        "immediately and drop all charges against her; - Lift the travel ban on Tom Reed;\n- "
        "Return the equipment seized from the Centre.\n"
    )
    got = [(d["addressees"], d["summary"]) for d in extract_case(text, appeal_id="t")["demands"]]
    assert got == [
        (["Government of Armenia"], "release Ana Lee immediately and drop all charges against her"),
        (["Government of Armenia"], "lift the travel ban on Tom Reed"),
        (["Government of Armenia"], "return the equipment seized from the Centre"),
    ]


def test_items_run_on_after_the_first_bullet_and_a_lead_in_in_the_past() -> None:
    text = (
        "12 June 2024\n\nZembla: Journalist held\n\nPolice arrested Ana Lee on 3 May 2024.\n\n"
        "The Vela Rights Centre called on the Government of Armenia to:\n\n"
        "• Release Ana Lee immediately; • Investigate the assault on Tom Reed; ·\n"
        "Repeal article 88 of the Penal Code.\n"
    )
    got = [d["summary"] for d in extract_case(text, appeal_id="t")["demands"]]
    assert got == [
        "release Ana Lee immediately",
        "investigate the assault on Tom Reed",
        "repeal article 88 of the Penal Code",
    ]


def test_items_that_open_with_the_ask_after_please_send_appeals() -> None:
    text = """Zembla: Writer Ana Lee detained

On 3 May 2024, police arrested the writer Ana Lee in Vela and seized her laptop.

Please send appeals:

• Calling on the Zemblan authorities to release Ana Lee immediately and unconditionally;
• Urging them to return the laptop seized from her home;
• Calling for the travel ban imposed on Tom Reed to be lifted.

Please send appeals to:

Minister of Justice
Mr. Ivo Sand
"""
    rec = extract_case(text, appeal_id="t-gerund-asks")
    got = [(d["addressees"], d["summary"]) for d in rec["demands"]]
    assert got[:2] == [
        (["the Zemblan authorities"], "release Ana Lee immediately and unconditionally"),
        (["the Zemblan authorities"], "return the laptop seized from her home"),
    ]
    assert len(got) == 3 and "travel ban imposed on Tom Reed" in got[2][1]


def test_an_ask_told_again_with_other_words_of_haste_is_kept_once() -> None:
    text = (
        "New York, December 14, 2023—The authorities of Zembla should immediately release Ana "
        "Lee, editor of the news website Vela Mirror, CPJ said today.\n\n"
        "Police arrested Lee at her home on December 3, 2023. She is held in Vela Prison. The "
        "authorities of Zembla must free her at once, and return her cameras.\n"
    )
    asks = [d["summary"] for d in extract_case(text, appeal_id="t-retold-ask")["demands"]]
    assert asks == [
        "immediately release Ana Lee, editor of the news website Vela Mirror",
        "return her cameras",
    ]


def test_appeals_to_over_a_list_of_addresses_heads_no_asks() -> None:
    text = """Zembla: Writer Ana Lee detained

On 3 May 2024, police arrested the writer Ana Lee in Vela.

The Poets Network urges the authorities in Zembla to:

1. Release Ana Lee immediately and unconditionally;

2. Guarantee that writers in Zembla can work freely.

Appeals to:
- Prime Minister of Zembla, Government House, Vela
- Mr Ivo Sand, Minister of the Interior, Vela
"""
    assert summaries(text) == [
        "release Ana Lee immediately and unconditionally",
        "guarantee that writers in Zembla can work freely",
    ]


def test_what_prosecutors_or_a_bureau_should_do_is_asked_of_each() -> None:
    text = (
        "Zembla: Drop charges against students\n\nMay 3, 2024\n\n(Vela) – On April 2, police "
        "arrested nine pupils as they walked to hand in a letter calling on deputies to "
        "halt the dam, Rights Watch said today.\n\nProsecutors should drop the charges against "
        "the nine pupils, and the Registration Bureau should lift the ban on the Youth Forum.\n"
    )
    assert summaries(text) == [
        "drop the charges against the nine pupils",
        "lift the ban on the Youth Forum",
    ]


def test_an_ask_the_lead_told_in_more_words_is_not_asked_again() -> None:
    text = (
        "Zembla: Drop charges against leaders\n\nMay 3, 2024\n\n(Vela) – Zembla's prosecutors "
        "should drop unfounded charges against three village leaders who opposed a dam, "
        "Rights Watch said today.\n\nOn April 2, police arrested the three.\n\nThe authorities "
        "should end the house arrest of Tom Reed and drop the charges against the three, "
        "Rights Watch said.\n"
    )
    got = summaries(text)
    assert sum(s.startswith("drop") for s in got) == 1, got
