"""The public dataset: pseudonyms are stable, keyed and unguessable without the key."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDFS, URIRef

from kg.errors import DataError
from kg.record.takedown import add_takedown
from kg.store.build import build_dataset
from kg.store.public import is_pseudonym, pseudonym, pseudonym_key, public_dataset

DEFENDER = URIRef("https://w3id.org/appeals-kg/id/person/p-2a9f31c4")


def _pseudonyms(data: Path, key: bytes) -> set[tuple[str, str]]:
    ds, _ = build_dataset(data)
    public = public_dataset(ds, key)
    return {
        (str(s), str(o))
        for g in public.graphs()
        for s, o in g.subject_objects(RDFS.label)
        if is_pseudonym(s)
    }


def test_a_restricted_person_gets_the_same_pseudonym_in_every_build(data_copy: Path) -> None:
    add_takedown(data_copy, DEFENDER)
    key = pseudonym_key(data_copy)
    first = _pseudonyms(data_copy, key)
    assert first == {(str(pseudonym(DEFENDER, key)[0]), pseudonym(DEFENDER, key)[1])}
    assert _pseudonyms(data_copy, pseudonym_key(data_copy)) == first
    # Another key, another pseudonym: it cannot be computed from the IRI alone.
    assert _pseudonyms(data_copy, b"another key") != first
    iri, label = next(iter(first))
    assert "2a9f31c4" not in iri and label.startswith("Person A-")


def test_the_key_is_made_once_and_a_broken_one_is_refused(tmp_path: Path) -> None:
    key = pseudonym_key(tmp_path)
    assert (tmp_path / "pseudonym.key").exists() and pseudonym_key(tmp_path) == key
    (tmp_path / "pseudonym.key").write_text("not a key\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"pseudonym\.key: not a pseudonym key"):
        pseudonym_key(tmp_path)
