"""The invented set's gold names only people its texts name (tests/data/invented/README.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

INVENTED = Path(__file__).parent / "data" / "invented"
GOLDS = sorted(INVENTED.glob("*.gold.yaml"))


def unnamed_in_text(gold: dict, text: str) -> list[str]:
    """The gold persons none of whose names (name or variant) has all its words in the text.

    Words (case aside), not the whole name, so that "Ahmed and Mostafa Barakat" gives "Ahmed
    Barakat", as the gold conventions for a family name two people share want; a word broken
    over a line end by a hyphen is read joined.
    """
    words = set(re.findall(r"\w+", re.sub(r"-\s*\n\s*", "-", text).casefold()))
    missing = []
    for person in gold.get("persons") or []:
        names = [person.get("name")] + list(person.get("variants") or [])
        names = [n for n in names if n]
        if names and not any(set(re.findall(r"\w+", n.casefold())) <= words for n in names):
            missing.append(f"{person.get('id')}: {names[0]}")
    return missing


@pytest.mark.parametrize("gold_path", GOLDS, ids=[p.name.split(".")[0] for p in GOLDS])
def test_gold_persons_are_named_in_the_text(gold_path: Path) -> None:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    text = gold_path.with_name(gold_path.name.replace(".gold.yaml", ".txt")).read_text("utf-8")
    assert not unnamed_in_text(gold, text), gold_path.name


def test_a_name_the_text_does_not_give_is_caught() -> None:
    text = "A spokesperson for the ministry, Hayatullah Muhajir Farahi, confirmed it.\n"
    wrong = {"persons": [{"id": "p3", "name": "Abdul Haq Saeedi", "variants": []}]}
    right = {"persons": [{"id": "p3", "name": "Hayatullah Muhajir Farahi", "variants": []}]}
    shared = {"persons": [{"id": "p1", "name": "Ahmed Barakat"}]}
    assert unnamed_in_text(wrong, text) == ["p3: Abdul Haq Saeedi"]
    assert unnamed_in_text(right, text) == []
    assert unnamed_in_text(shared, "his nephews, Ahmed and Mostafa Barakat, were held") == []
    assert unnamed_in_text({"persons": [{"id": "p2", "name": None}]}, text) == []
