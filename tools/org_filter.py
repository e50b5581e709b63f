"""Judge a learned filter for organisation candidates against keeping every one the rules find.

Each organisation the extractor finds in a development or invented appeal is one example,
labelled by whether it matches a gold organisation (as ``kg eval`` matches them). Its features
say nothing of its name but its shape: the kind the rules gave it, how many words and mentions,
an acronym or one in its variants, a country or demonym among its words, a lower-case word, a
quote, a parent body, where in the appeal it is first named, whether in the title, the event
slots it fills, and the general words (:func:`kg.extract.rolemodel.vocabulary`) just before and
after its mentions, outside any name. One logistic regression, fitted by stochastic gradient
descent in a fixed order, gives the probability that a candidate is a body the gold lists; the
candidates under a cut are dropped (with their places in events) and the organisations, kinds
and event participants scored again.

    python tools/org_filter.py ../shared/corpus tests/data/invented

The judgement: five folds by appeal on the development split, each scored by a filter trained
on the other four; a filter trained on the development split scored on the invented set, and
the reverse; each at several cuts, beside the rules alone. No filter is written: the extractor
keeps every candidate (see docs/extraction.md). The test split is never read.

Exit codes: 0 done, 2 could not run.
"""

from __future__ import annotations

import argparse
import copy
import math
import re
import sys
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.extract import training
from kg.extract.evaluate import (
    Tally,
    _match,
    _same_org,
    score_case,
)
from kg.extract.lexicon import COUNTRIES, DEMONYMS
from kg.extract.rolemodel import vocabulary, vocabulary_words

CATEGORIES = ("organisations", "organisation_kinds", "event_participants")
CUTS = (0.2, 0.3, 0.5)
EPOCHS = 30
RATE = 0.1
ACRONYM = re.compile(r"[A-Z0-9&.-]{2,}")
SMALL_WORDS = frozenset("of for the and on in de la al".split())
NEAR = 30


def org_features(
    doc: Any, ents: Any, events: list[dict[str, Any]], title_span: tuple[int, int] | None
) -> dict[str, list[str]]:
    """The features of each organisation candidate, by its id in the record."""
    flat, vocab = doc.flat, vocabulary()
    spans = sorted(
        {m for e in ents.items if e.kind in ("person", "organisation") for m in e.mentions}
    )
    slots: dict[str, set[str]] = {}
    for ev in events:
        for slot in ("agents", "targets"):
            for ref in ev.get(slot) or []:
                slots.setdefault(ref, set()).add(slot[:-1])
        if ev.get("authority"):
            slots.setdefault(ev["authority"], set()).add("authority")
    n = len(flat) or 1
    out = {}
    for o in ents.of("organisation"):
        words = (o.name or "").split()
        k = len(o.mentions)
        f = {"bias", f"kind={o.attrs.get('kind', 'other')}", f"words={min(len(words), 6)}"}
        f.add("mentions=" + ("1" if k == 1 else "2-3" if k <= 3 else "4+"))
        if o.name and ACRONYM.fullmatch(o.name):
            f.add("acronym")
        if any(ACRONYM.fullmatch(v or "") for v in o.variants):
            f.add("has_acronym")
        if o.variants:
            f.add("has_variants")
        if any(w in COUNTRIES or w in DEMONYMS for w in words):
            f.add("country_word")
        if o.attrs.get("country"):
            f.add("has_country")
        if o.attrs.get("part_of") is not None:
            f.add("part_of")
        if any(w[:1].islower() for w in words if w not in SMALL_WORDS):
            f.add("lower_word")
        if o.name and any(c in o.name for c in '“”"'):
            f.add("quoted")
        f.add(f"first_at={min(4, 5 * min(a for a, _ in o.mentions) // n)}")
        for a, b in o.mentions:
            if title_span and title_span[0] <= a < title_span[1]:
                f.add("in_title")
            f.update("nb:" + w for w in vocabulary_words(flat, max(0, a - NEAR), a, spans, vocab))
            f.update(
                "na:" + w for w in vocabulary_words(flat, b, min(len(flat), b + NEAR), spans, vocab)
            )
        f.update("slot=" + s for s in slots.get(o.id, ()))
        out[o.id] = sorted(f)
    return out


def _capture() -> tuple[dict[str, list[str]], Any]:
    seen: dict[str, list[str]] = {}

    def keep(doc: Any, ents: Any, events: Any, title_span: Any, model: Any = None) -> None:
        seen.update(org_features(doc, ents, events, title_span))

    return seen, keep


def _labels(record: dict[str, Any], gold: dict[str, Any], seen: dict[str, list[str]]) -> dict:
    go, po = gold.get("organisations") or [], record.get("organisations") or []
    matched = {po[pi]["id"] for _, pi in _match(go, po, _same_org)}
    return {oid: oid in matched for oid in seen}


def read_cases(folder: Path, names: list[str]) -> list[dict[str, Any]]:
    """Extract each case; keep its record, gold, and each candidate's features and label."""
    return training.read_cases(folder, names, _capture, _labels)


def _probability(weights: dict[str, float], feats: list[str]) -> float:
    z = sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def train(cases: list[dict[str, Any]], epochs: int = EPOCHS) -> dict[str, float]:
    """Logistic regression by SGD over the candidates in case and id order."""
    data = [
        (c["features"][o], 1.0 if ok else 0.0)
        for c in cases
        for o, ok in sorted(c["labels"].items())
    ]
    w: dict[str, float] = {}
    for epoch in range(epochs):
        rate = RATE / (1 + epoch)
        for feats, label in data:
            grad = label - _probability(w, feats)
            for f in feats:
                w[f] = w.get(f, 0.0) + rate * grad
    return {f: round(v, 4) for f, v in sorted(w.items())}


def score(
    cases: list[dict[str, Any]], weights: dict[str, float] | None, cut: float
) -> dict[str, Tally]:
    """Organisations, kinds and participants, with the candidates under ``cut`` dropped."""
    totals = {k: Tally() for k in CATEGORIES}
    for c in cases:
        record = c["record"]
        if weights is not None:
            drop = {o for o, f in c["features"].items() if _probability(weights, f) < cut}
            record = copy.deepcopy(record)
            record["organisations"] = [o for o in record["organisations"] if o["id"] not in drop]
            for ev in record["events"]:
                for slot in ("agents", "targets"):
                    ev[slot] = [x for x in ev.get(slot) or [] if x not in drop]
                if ev.get("authority") in drop:
                    ev["authority"] = None
        tallies = score_case(c["gold"], record).tallies
        for k in CATEGORIES:
            totals[k].add(tallies[k])
    return totals


def _cells(t: dict[str, Tally]) -> str:
    return "  ".join(f"{t[k].f1:.3f} ({t[k].tp}/{t[k].fp}/{t[k].fn})" for k in CATEGORIES)


def judge(dev: list[dict[str, Any]], invented: list[dict[str, Any]], folds: int) -> list[str]:
    lines = ["judged on / trained on, cut: " + "  ".join(CATEGORIES)]
    ordered = sorted(dev, key=lambda c: c["case"])
    fold_weights = [
        train([c for i, c in enumerate(ordered) if i % folds != k]) for k in range(folds)
    ]
    on_dev, on_inv = train(dev), train(invented)
    lines.append(f"dev, {folds} folds, rules alone: {_cells(score(dev, None, 0))}")
    lines.append(f"invented, rules alone: {_cells(score(invented, None, 0))}")
    for cut in CUTS:
        pooled = {k: Tally() for k in CATEGORIES}
        for k in range(folds):
            for cat, t in score(ordered[k::folds], fold_weights[k], cut).items():
                pooled[cat].add(t)
        lines.append(f"dev, {folds} folds, cut {cut}: {_cells(pooled)}")
        lines.append(f"invented from dev, cut {cut}: {_cells(score(invented, on_dev, cut))}")
        lines.append(f"dev from invented, cut {cut}: {_cells(score(dev, on_inv, cut))}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    training.add_set_arguments(ap)
    args = ap.parse_args(argv)
    try:
        dev, invented = training.read_sets(args, read_cases)
    except (KgError, OSError) as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    print("\n".join(judge(dev, invented, args.folds)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
