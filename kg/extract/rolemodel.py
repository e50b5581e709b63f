"""A learned step for person roles: general features of each person's context, and a linear
model over them, one logistic regression a role.

The role rules (:mod:`kg.extract.roles`) read the wording around a name; each was written for a
wording met in the development appeals. This step describes each named person by what any
appeal says about a person in any wording: the general words near the mentions (titles, kinship,
posts, professions, event triggers, function words), the event frames the person fills
(``arrest:target``, ``court_decision:agent``), where in the appeal the person is named, the
honorific, whether the person is the one the appeal is about, and the roles the rules gave. A
model trained on the gold of the development split (``tools/train_roles.py``) weighs them.

Words are read from a closed vocabulary of lower-case general words, never from inside a
mention of a person or a body: no word of a name is a feature, so the model cannot learn one
appeal's people.

The model is kept as data (``role_model.json``, written by the trainer). Where the file is
absent or says ``"use": false`` the rules' roles stand: the step is on only where it was shown
to do better on appeals it was not trained on (see docs/extraction.md).
"""

from __future__ import annotations

import functools
import json
import math
import re
from pathlib import Path
from typing import Any

from kg.extract.entities import POST_WORDS, Entities
from kg.extract.events import verb_forms
from kg.extract.lexicon import GENDER_NOUNS, HONORIFICS, MEDIA_WORK, PERSON_TITLES
from kg.extract.text import Doc
from kg.extract.triggers import TRIGGERS

ROLES = (
    "defender",
    "complainant",
    "official",
    "lawyer",
    "judge",
    "prosecutor",
    "journalist",
    "relative",
    "witness",
    "other",
)
MODEL_FILE = Path(__file__).with_name("role_model.json")

#: Function words that say how a person stands to the words around: "for", "of", "by",
#: "against", possessives, the verbs of speaking and representing.
FUNCTION_WORDS = frozenset(
    """a an the of for by to from with against on behalf his her their its our my he she they
    him them who whom whose which that and or as at in is was were are been being be has have had
    not no also among including former ex deputy head chief member members co-founder founder
    said says told stated added according represents representing represented defends defending
    defended acting act acts client clients family son wife husband said urged urge call calls
    called release freed detained arrested charged""".split()
)


def _words_of(pattern: str) -> set[str]:
    """The lower-case words of a regular expression's literal text (``[Jj]udge`` -> judge)."""
    plain = re.sub(r"\[([A-Za-z])([a-z])\]", r"\2", pattern)
    return {w for w in re.findall(r"[a-z][a-z-]{2,}", plain.lower()) if not w.startswith("-")}


@functools.cache
def vocabulary() -> frozenset[str]:
    """The closed vocabulary of context words: the lexicons' titles, posts, professions,
    kinship nouns and event triggers (with their past forms), and function words."""
    words: set[str] = set(FUNCTION_WORDS)
    for rx, _, _ in PERSON_TITLES:
        words |= _words_of(rx)
    words |= _words_of(MEDIA_WORK)
    words |= {w.lower() for w in GENDER_NOUNS}
    words |= {w.lower() for w in POST_WORDS}
    for entry in TRIGGERS:
        for row in entry.get("lemmas") or []:
            words.add(row["lemma"].lower())
            if row.get("pos") != "noun":
                words |= {f.lower() for f in verb_forms(row)}
    words -= {"non", "nation", "state", "republic", "country"}
    return frozenset(w for w in words if len(w) >= 2)


TOKEN = re.compile(r"[A-Za-z][A-Za-z’'-]*")
WINDOW = 60  # characters before and after a mention whose words are read
SENTENCE_REACH = 160
NEAR = 30  # characters before a mention read for its title
#: An apposition after a name: up to the next comma, bracket or sentence end.
APPOSITION = re.compile(r"[^,.;:()]{1,80}")  # characters of the mention's clause read for triggers


def _covered(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    return any(s < b and a < e for s, e in spans)


def vocabulary_words(
    flat: str, a: int, b: int, spans: list[tuple[int, int]], vocab: frozenset[str]
) -> list[str]:
    """The words of ``flat[a:b]`` in ``vocab``, lower-cased, leaving out any inside ``spans``
    (the mentions of persons and bodies: no word of a name)."""
    out = []
    for m in TOKEN.finditer(flat, a, b):
        w = m.group().lower().rstrip("’'")
        if w.endswith(("’s", "'s")):
            w = w[:-2]
        if w in vocab and not _covered(spans, m.start(), m.end()):
            out.append(w)
    return out


def person_features(
    doc: Doc, ents: Entities, events: list[dict[str, Any]], title_span: tuple[int, int] | None
) -> dict[int, list[str]]:
    """The features of each named person (by ``id()`` of the entity), sorted and unique."""
    flat = doc.flat
    vocab = vocabulary()
    spans = sorted(
        {m for e in ents.items if e.kind in ("person", "organisation") for m in e.mentions}
    )
    persons = [p for p in ents.of("person") if p.name]
    frames: dict[str, set[str]] = {}
    for ev in events:
        for slot in ("agents", "targets"):
            for ref in ev.get(slot) or []:
                frames.setdefault(ref, set()).add(f"{ev.get('type')}:{slot[:-1]}")
        if ev.get("authority"):
            frames.setdefault(ev["authority"], set()).add("authority")
    most = max((len(p.mentions) for p in persons), default=0)
    org_spans = [
        (a, b, o.attrs.get("kind", "other")) for o in ents.of("organisation") for a, b in o.mentions
    ]
    out: dict[int, list[str]] = {}
    n = len(flat) or 1
    for p in persons:
        feats: set[str] = {"bias"}
        rules = p.attrs.get("roles") or ["other"]
        for r in rules:
            feats.add(f"rule={r}")
        feats.add("rules=" + "+".join(sorted(rules)))
        if p.attrs.get("_by_default"):
            feats.add("rule_by_default")
        feats.add(f"gender={p.attrs.get('gender', 'unknown')}")
        k = len(p.mentions)
        feats.add("mentions=" + ("1" if k == 1 else "2-3" if k <= 3 else "4+"))
        if k == most and k >= 2:
            feats.add("most_mentioned")
        first = min(a for a, _ in p.mentions)
        feats.add(f"first_at={min(4, 5 * first // n)}")
        for f in frames.get(p.id, ()):
            feats.add(f"frame={f}")
        for a, b in p.mentions:
            if title_span and title_span[0] <= a < title_span[1]:
                feats.add("in_title")
            before = flat[max(0, a - WINDOW) : a]
            cut = max(before.rfind(". "), before.rfind("\n\n"))
            lo = max(0, a - WINDOW) + (cut + 2 if cut >= 0 else 0)
            for w in vocabulary_words(flat, lo, a, spans, vocab):
                feats.add(f"b:{w}")
            hon = re.search(r"\b([A-Z][a-z]{0,4})\.?\s*$", flat[max(0, a - 8) : a])
            if hon and hon.group(1) in HONORIFICS:
                feats.add("honorific")
            stop = flat.find(". ", b, b + WINDOW)
            hi = stop if stop >= 0 else min(len(flat), b + WINDOW)
            for w in vocabulary_words(flat, b, hi, spans, vocab):
                feats.add(f"a:{w}")
            for w in vocabulary_words(flat, max(lo, a - NEAR), a, spans, vocab):
                feats.add(f"nb:{w}")
            if flat[b : b + 2] == ", ":
                feats.add("apposed")
                m = APPOSITION.match(flat, b + 2)
                for w in vocabulary_words(flat, b + 2, m.end() if m else b + 2, spans, vocab):
                    feats.add(f"ap:{w}")
            sent_lo = flat.rfind(". ", max(0, a - SENTENCE_REACH), a)
            sent_hi = flat.find(". ", b, b + SENTENCE_REACH)
            s_lo = sent_lo + 1 if sent_lo >= 0 else max(0, a - SENTENCE_REACH)
            s_hi = sent_hi if sent_hi >= 0 else min(len(flat), b + SENTENCE_REACH)
            for w in vocabulary_words(flat, s_lo, s_hi, spans, vocab):
                feats.add(f"s:{w}")
            for oa, ob, kind in org_spans:
                if b <= oa < b + WINDOW:
                    feats.add(f"org_after={kind}")
                elif a - WINDOW <= ob <= a:
                    feats.add(f"org_before={kind}")
        out[id(p)] = sorted(feats)
    return out


@functools.cache
def load_model(path: str = str(MODEL_FILE)) -> dict[str, Any] | None:
    """The trained weights, or None where there is no model file."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


def pair_features(feats: list[str], rules: list[str], role: str) -> list[str]:
    """The features of one (person, role) pair: whether the rules gave the role, shared by
    every role so that the many common roles teach the rare ones to trust the rules, and each
    of the person's features joined to the role."""
    has = role in rules
    out = ["rules_give" if has else "rules_not", f"{role}|bias"]
    if has:
        out.append(f"rules_give|n={len(rules)}")
        if "rule_by_default" in feats:
            out.append("rules_give|by_default")
    out.extend(f"{role}|{f}" for f in feats if not f.startswith(("rule=", "rules=")))
    out.extend(f"{role}|{'has' if has else 'not'}|{f}" for f in feats if f.startswith("rules="))
    return out


def role_scores(model: dict[str, Any], feats: list[str], rules: list[str]) -> dict[str, float]:
    """The model's probability of each role for a person."""
    weights = model["weights"]
    out = {}
    for role in ROLES:
        z = sum(weights.get(f, 0.0) for f in pair_features(feats, rules, role))
        out[role] = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
    return out


def choose_roles(model: dict[str, Any], feats: list[str], rules: list[str]) -> list[str]:
    """The roles to keep: each whose probability passes the threshold, in the order of
    :data:`ROLES`; where none does, the most probable one."""
    scores = role_scores(model, feats, rules)
    cut = float(model.get("threshold", 0.5))
    chosen = [r for r in ROLES if scores[r] >= cut]
    if not chosen:
        chosen = [max(ROLES, key=lambda r: (scores[r], r in rules))]
    return chosen


def decide_roles(
    doc: Doc,
    ents: Entities,
    events: list[dict[str, Any]],
    title_span: tuple[int, int] | None,
    model: dict[str, Any] | None = None,
) -> None:
    """Let the model decide the roles of named persons, where a model is in use."""
    model = model if model is not None else load_model()
    if not model or not model.get("use"):
        return
    feats = person_features(doc, ents, events, title_span)
    for p in ents.of("person"):
        if id(p) in feats:
            p.attrs["roles"] = choose_roles(model, feats[id(p)], p.attrs.get("roles") or ["other"])
