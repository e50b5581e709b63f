"""The learned role step: features of a person's context, and the model deciding roles."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import kg.extract.pipeline as pipeline
from kg.extract import extract_case, rolemodel
from kg.extract.rolemodel import choose_roles, decide_roles, load_model, person_features

TEXT = (
    "12 March 2025\n\nZembla: Journalist arrested\n\n"
    "On 10 March 2025, police arrested Mara Quill, a reporter with the Zembla Lawyers Gazette "
    "and a member of the Vela Journalists Union. Judge Ivo Sand ordered her detention. "
    "Her husband, Tomas Quill, said she was beaten.\n"
)


def _features() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    seen: dict[str, list[str]] = {}
    rules: dict[str, list[str]] = {}

    def keep(doc, ents, events, title_span, model=None):  # type: ignore[no-untyped-def]
        feats = person_features(doc, ents, events, title_span)
        for p in ents.of("person"):
            if id(p) in feats:
                seen[p.name] = feats[id(p)]
                rules[p.name] = list(p.attrs.get("roles") or [])

    original = pipeline.decide_roles
    pipeline.decide_roles = keep
    try:
        extract_case(TEXT, appeal_id="t-1")
    finally:
        pipeline.decide_roles = original
    return seen, rules


def test_features_read_the_context_and_the_event_frames() -> None:
    feats, rules = _features()
    mara, ivo, tomas = feats["Mara Quill"], feats["Ivo Sand"], feats["Tomas Quill"]
    assert "frame=arrest:target" in mara and "ap:reporter" in mara and "in_title" not in mara
    assert "nb:judge" in ivo and "rule=judge" in ivo
    assert "nb:husband" in tomas and "gender=male" in tomas
    assert rules["Mara Quill"] == ["journalist"] and rules["Tomas Quill"] == ["relative"]


def test_no_word_of_a_name_is_a_feature() -> None:
    feats, _ = _features()
    # "lawyers" and "journalists" stand in the bodies' names only: never read
    words = {f.split(":", 1)[1] for fs in feats.values() for f in fs if ":" in f}
    assert not words & {"lawyers", "lawyer", "journalists", "gazette", "union"}
    names = set(re.findall(r"[a-z]+", " ".join(feats).lower()))
    assert not words & names


def test_the_model_decides_only_where_it_is_in_use() -> None:
    before = extract_case(TEXT, appeal_id="t-1")
    model = load_model()
    assert model is not None and model["use"] is False  # it did not beat the rules
    assert extract_case(TEXT, appeal_id="t-1")["persons"] == before["persons"]
    # switched on, the shipped weights keep the rules' roles on this plain appeal
    on = copy.deepcopy(model)
    on["use"] = True
    feats, rules = _features()
    assert {n: choose_roles(on, f, rules[n]) for n, f in feats.items()} == rules
    # and a model that weighs against the rules' role overrules them
    contrary = {
        "use": True,
        "threshold": 0.5,
        "weights": {"rules_give": -5.0, "rules_not": -5.0, "other|bias": 9.0},
    }
    assert {n: choose_roles(contrary, f, rules[n]) for n, f in feats.items()} == {
        n: ["other"] for n in feats
    }
    assert callable(decide_roles)


def test_the_model_file_ships_with_the_package() -> None:
    assert rolemodel.MODEL_FILE.parent == Path(rolemodel.__file__).parent
    assert rolemodel.MODEL_FILE.read_text(encoding="utf-8").startswith('{\n"_generated": "by ')
    assert rolemodel.MODEL_FILE.resolve().is_relative_to(Path(pipeline.__file__).resolve().parent)


def _stale_weights(model: dict, vocab: frozenset[str]) -> list[str]:
    """The weights of a model file that the current features can never fire: a role no longer
    in ROLES, or a context word no longer in the vocabulary (retrain with tools/train_roles.py)."""
    stale = []
    for key in model["weights"]:
        parts = key.split("|")
        if len(parts) > 1 and parts[0] not in rolemodel.ROLES and parts[0] != "rules_give":
            stale.append(key)
            continue
        prefix, _, word = parts[-1].partition(":")
        if prefix in ("a", "b", "s", "ap", "nb") and word not in vocab:
            stale.append(key)
    return stale


def test_the_model_file_matches_the_current_features() -> None:
    model = load_model()
    assert model and model["weights"]
    vocab = rolemodel.vocabulary()
    assert _stale_weights(model, vocab) == []
    # the check itself: a word dropped from the vocabulary or a role renamed is caught
    broken = {"weights": {"complainant|a:zzqx": 0.1, "victim-x|bias": 0.2, "rules_give|n=1": 0.3}}
    assert _stale_weights(broken, vocab) == ["complainant|a:zzqx", "victim-x|bias"]
