"""The named-entity measuring script (bench/ner_transfer.py): how spaCy's spans become records and
combine with the rules' records. Entities are given as spaCy would give them, so no model is
needed; without spaCy the script says so in one line and exits 2."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from loadscript import load_script

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "bench" / "ner_transfer.py"


@pytest.fixture(scope="module")
def nt():
    return load_script("bench/ner_transfer.py")  # puts bench/ on sys.path itself


def ents_of(text: str, spans: list[tuple[str, str]]) -> list[tuple[int, int, str, str]]:
    """(start, end, label, cleaned text) for each (surface, label), at its first occurrence."""
    out = []
    for surface, label in spans:
        a = text.index(surface)
        out.append((a, a + len(surface), label, surface))
    return out


def test_unwrap_keeps_offsets_and_joins_a_wrapped_name(nt) -> None:
    text = "police arrested Anna\nKowalska on 3 May.\n\nThe next day"
    flat = nt.unwrap(text)
    assert len(flat) == len(text)
    assert "Anna Kowalska" in flat
    assert "\n\nThe" in flat  # a paragraph break stays


def test_clean_span_drops_article_possessive_and_brackets(nt) -> None:
    assert nt.clean_span("the\nWorld Organisation Against Torture (") == (
        "World Organisation Against Torture"
    )
    assert nt.clean_span("Kowalska’s") == "Kowalska"


@pytest.mark.parametrize(
    ("span", "ok"),
    [
        ("Anna Kowalska", True),
        ("Articles 19 and", False),  # a digit
        ("ANNA KOWALSKA", False),  # a heading in capitals
        ("Observatory", False),  # one word
        ("de la", False),  # no capital
    ],
)
def test_plausible_name(nt, span: str, ok: bool) -> None:
    assert nt.plausible_name(span) is ok


def test_spacy_persons_joins_a_surname_to_its_full_name(nt) -> None:
    text = "Anna Kowalska was arrested. Kowalska was beaten. Boris said so."
    ents = ents_of(text, [("Anna Kowalska", "PERSON"), ("Kowalska", "PERSON"), ("Boris", "PERSON")])
    ents[1] = (28, 36, "PERSON", "Kowalska")
    persons = nt.spacy_persons(ents)
    assert [(p["name"], p["variants"]) for p in persons] == [
        ("Anna Kowalska", ["Kowalska"]),
        ("Boris", []),
    ]


def test_spacy_orgs_takes_a_bracketed_acronym_as_variant(nt) -> None:
    text = "the National Security Committee (NSC) said"
    ents = ents_of(text, [("National Security Committee", "ORG"), ("NSC", "ORG")])
    orgs = nt.spacy_orgs(ents, text)
    assert [(o["name"], o["variants"]) for o in orgs] == [("National Security Committee", ["NSC"])]


def record(persons=(), orgs=()) -> dict:
    return {
        "persons": [{"id": f"p{i}", "name": n, "variants": [], "roles": ["defender"]}
                    for i, n in enumerate(persons, 1)],
        "organisations": [{"id": f"o{i}", "name": n, "variants": [], "kind": "ngo"}
                          for i, n in enumerate(orgs, 1)],
        "places": [],
    }  # fmt: skip


def test_add_persons_guards(nt) -> None:
    text = "Anna Kowalska and Boris Osei met Kowalska Anna. Boris Osei left. Hakları Derneği 2."
    ents = ents_of(text, [("Anna Kowalska", "PERSON"), ("Boris Osei", "PERSON")])
    ents.append((65, 83, "PERSON", "Hakları Derneği 2"))
    rec = record(persons=["Anna Kowalska"])
    nt.add_persons(rec, ents, text, twice=False)
    # the known person is not added again; the digit fails the guard
    assert [p["name"] for p in rec["persons"]] == ["Anna Kowalska", "Boris Osei"]
    rec = record(persons=["Anna Kowalska"])
    nt.add_persons(rec, ents, text, twice=True)
    assert [p["name"] for p in rec["persons"]] == ["Anna Kowalska"]  # Boris Osei read once


def test_drop_persons_only_where_every_occurrence_is_a_place(nt) -> None:
    text = "Nova Vela is a town. Anna Kowalska lives in Nova Vela. Anna Kowalska spoke."
    ents = [(0, 9, "GPE", "Nova Vela"), (44, 53, "GPE", "Nova Vela"),
            (21, 34, "PERSON", "Anna Kowalska")]  # fmt: skip
    rec = record(persons=["Nova Vela", "Anna Kowalska"])
    nt.drop_persons(rec, ents, text)
    assert [p["name"] for p in rec["persons"]] == ["Anna Kowalska"]


def test_drop_orgs_needs_a_span_covering_the_whole_name(nt) -> None:
    text = "Atyrau City Court and Twitter"
    ents = [(0, 6, "GPE", "Atyrau"), (22, 29, "PERSON", "Twitter")]
    rec = record(orgs=["Atyrau City Court", "Twitter"])
    nt.drop_orgs(rec, ents, text, nt.PLACE_LIKE)
    assert [o["name"] for o in rec["organisations"]] == ["Atyrau City Court"]


def test_extend_and_add_orgs(nt) -> None:
    text = "the Appeals Chamber of Atyrau Court and the Zenda Rights Network met."
    ents = ents_of(
        text, [("Appeals Chamber of Atyrau Court", "ORG"), ("Zenda Rights Network", "ORG")]
    )
    rec = record(orgs=["Atyrau Court"])
    nt.extend_orgs(rec, ents, text)
    assert rec["organisations"][0]["name"] == "Appeals Chamber of Atyrau Court"
    assert rec["organisations"][0]["variants"] == ["Atyrau Court"]
    nt.add_orgs(rec, ents, text)
    assert [o["name"] for o in rec["organisations"]][1:] == ["Zenda Rights Network"]


def test_without_spacy_one_line_and_exit_2(tmp_path: Path) -> None:
    if importlib.util.find_spec("spacy") is not None:
        pytest.skip("spaCy is installed here; the message is for an environment without it")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(tmp_path / "r.json")],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.strip() == "error: spaCy is not installed in this environment"
    assert not (tmp_path / "r.json").exists()
