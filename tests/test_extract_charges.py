"""Charges an appeal states in a sentence of their own go to the case's first charging step."""

from __future__ import annotations

from typing import Any

from kg.extract import extract_case

APPEAL = """Kazakhstan: Journalist Anna Novak on trial

On 3 May 2021, police arrested journalist Anna Novak in Almaty. The charges were brought under
articles 12 (fraud) and 15 (forgery) of the Criminal Code of Kazakhstan. On 9 June 2021, the
Almaty City Court held the first hearing in her case.

Her colleague Boris Lee was accused under Article 7 of the Penal Act (extortion), which
carries up to five years.
"""


def _events(record: dict[str, Any]) -> list[tuple[str, list[str], list[str]]]:
    return [(e["type"], e["targets"], e["provisions"]) for e in record["events"]]


def _articles(record: dict[str, Any], ids: list[str]) -> list[str]:
    by_id = {p["id"]: p["article"] for i in record["instruments"] for p in i["provisions"]}
    return [by_id[x] for x in ids]


def test_articles_of_a_charge_sentence_go_to_the_first_step_of_the_case() -> None:
    record = extract_case(APPEAL, appeal_id="t1")
    hearing = next(e for e in record["events"] if e["type"] == "trial_hearing")
    assert _articles(record, hearing["provisions"]) == ["12", "15"]
    # the arrest is no step of the case: it gets no article
    assert all(not e["provisions"] for e in record["events"] if e["type"] == "arrest")


def test_articles_of_a_sentence_naming_someone_else_stay_off_the_step() -> None:
    """Article 7 is Boris Lee's charge: no step targets him, so no step gets it."""
    record = extract_case(APPEAL, appeal_id="t1")
    carried = [a for e in record["events"] for a in _articles(record, e["provisions"])]
    assert "7" not in carried


def test_no_charge_sentence_no_articles() -> None:
    """An article cited without a word of charges (a law quoted) is no one's charge."""
    text = APPEAL.replace("The charges were brought under", "The law was amended in")
    record = extract_case(text, appeal_id="t2")
    assert all(not e["provisions"] for e in record["events"])


def test_criminal_statutes_and_offence_in_brackets() -> None:
    record = extract_case(APPEAL, appeal_id="t1")
    kinds = {i["name"]: i["kind"] for i in record["instruments"]}
    assert kinds == {"Criminal Code of Kazakhstan": "criminal_code", "Penal Act": "criminal_code"}
    labels = {p["article"]: p["label"] for i in record["instruments"] for p in i["provisions"]}
    assert labels == {"12": "Fraud", "15": "Forgery", "7": "Extortion"}


def test_code_of_criminal_procedure_is_a_law() -> None:
    text = "On 3 May 2021, police detained Anna Novak under Article 5 of the Code of Criminal "
    text += "Procedure of Kazakhstan.\n"
    record = extract_case(text, appeal_id="t3")
    assert [i["kind"] for i in record["instruments"]] == ["law"]


COMPLAINT_THEN_JUDGMENTS = """12 May 2016

Zembla: Land defenders acquitted

In 2011, the Kastra Mining company filed a criminal complaint against Rina Holm and Tom Reed
for "aggravated usurpation" (Articles 202 and 204 of the Criminal Code). On 5 August 2014, the
Vela Criminal Court convicted Rina Holm and Tom Reed and sentenced them to two years of
suspended imprisonment. On 17 December 2014, the Zenda Court of Appeal overturned that judgment
and acquitted Rina Holm and Tom Reed. On 3 March 2015, the Vela Criminal Court also acquitted
their neighbour Ivo Sand, who had been tried separately.
"""


def test_judgments_take_the_articles_of_the_complaint_against_the_same_people() -> None:
    # a judgment citing no article is on the offence the complaint against them cited; an
    # acquittal of someone the complaint did not name cites nothing
    record = extract_case(COMPLAINT_THEN_JUDGMENTS, appeal_id="t")
    articles = {p["id"]: p["article"] for i in record["instruments"] for p in i["provisions"]}
    names = {p["id"]: p["name"] for p in record["persons"]}
    cited = {
        (e["type"], e["date"], tuple(sorted(names[t] for t in e["targets"]))): sorted(
            articles[p] for p in e["provisions"]
        )
        for e in record["events"]
        if e["type"] in ("sentence", "acquittal")
    }
    assert cited == {
        ("sentence", "2014-08-05", ("Rina Holm", "Tom Reed")): ["202", "204"],
        ("acquittal", "2014-12-17", ("Rina Holm", "Tom Reed")): ["202", "204"],
        ("acquittal", "2015-03-03", ("Ivo Sand",)): [],
    }, cited


PROCEDURE_BESIDE_A_TRIAL = """12 March 2019

Zembla: Lawyer sentenced

On 2 May 2018, the lawyer Ana Lee was charged under Article 500 of the Penal Code. Her trial
took place on 30 December 2018 with no lawyer of her choosing: under Article 48 of the Code of
Criminal Procedure, people accused of security offences may only choose a lawyer from a list.
On 3 January 2019, the Vela Court refused her bail under Article 220 of the Code of Criminal
Procedure.
"""


def test_a_code_of_procedure_is_cited_by_a_court_decision_never_as_a_charge() -> None:
    record = extract_case(PROCEDURE_BESIDE_A_TRIAL, appeal_id="t")
    articles = {p["id"]: p["article"] for i in record["instruments"] for p in i["provisions"]}
    cited = {e["type"]: sorted(articles[p] for p in e["provisions"]) for e in record["events"]}
    assert cited["charge"] == ["500"], cited
    assert "48" not in cited["trial_hearing"], cited  # told beside the trial: no charge
    assert cited["court_decision"] == ["220"], cited  # the bail refused under it


ALL_COUNTS_AND_A_FINDING = """25 September 2018

Zembla: European Court finds the prosecution of Ana Lee was a reprisal

On 8 August 2014, the lawyer Ana Lee was charged under Articles 192 and 213 of the Criminal
Code. On 15 December 2014, the prosecution added charges under Articles 179 and 313 of the
Criminal Code. On 22 April 2015, the Vela Grave Crimes Court found her guilty on all counts and
sentenced her to seven years in prison.

On 20 September 2018, the European Court of Human Rights delivered its judgment in the case of
Ana Lee against Zembla. The judges found unanimously that Zembla had violated Article 5 of the
European Convention on Human Rights and Article 18, which forbids restricting rights for other
purposes.
"""


def test_a_judgment_on_all_counts_and_a_courts_finding_told_after_its_decision() -> None:
    # "on all counts": every charge brought against her, not only the last; the articles the
    # judges "found" violated are those of the judgment the sentence before told
    record = extract_case(ALL_COUNTS_AND_A_FINDING, appeal_id="t")
    articles = {p["id"]: p["article"] for i in record["instruments"] for p in i["provisions"]}
    cited = {e["type"]: sorted(articles[p] for p in e["provisions"]) for e in record["events"]}
    assert cited["sentence"] == ["179", "192", "213", "313"], cited
    assert cited["court_decision"] == ["18", "5"], cited
