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
