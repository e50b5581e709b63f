"""Train the learned role step (:mod:`kg.extract.rolemodel`) and judge it against the rules.

Each named person the extractor finds in a development appeal or an invented appeal, matched
to a gold person as ``kg eval`` matches them, is one example: its features
(:func:`kg.extract.rolemodel.person_features`) and the gold roles. One logistic regression a
role is fitted by stochastic gradient descent in a fixed order, so the same examples give the
same weights, to the digit.

    python tools/train_roles.py ../shared/corpus tests/data/invented            # judge
    python tools/train_roles.py ../shared/corpus tests/data/invented --write    # and write

The judgement: five folds by appeal on the development split (cases in name order dealt
round-robin, as ``kg eval --folds 5``), each scored by a model trained on the other four; a
model trained on the development split scored on the invented set, and the reverse; and five
folds of each set with all of the other set added to the training. Each is set beside the
rules' own roles F1 on the same appeals. With ``--held-from NAME`` the invented appeals from
NAME on (a batch written before the extractor was run on it) are left out of all of that and
scored by a model trained on everything else, the nearest this tool has to appeals no rule or
weight was fitted to; the model must beat the rules there too. ``--write`` writes
``kg/extract/role_model.json`` trained on both sets, switched on (``"use": true``) only if the
model beat the rules in both judgements.

The test split (``data/corpus-test-split.txt``) is never read: only the development split of
the corpus folder is used.

Exit codes: 0 done, 2 could not run.
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.extract import training
from kg.extract.evaluate import (
    Tally,
    _match,
    _same_person,
    score_case,
)
from kg.extract.rolemodel import MODEL_FILE, ROLES, choose_roles, pair_features, person_features

EPOCHS = 30
RATE = 0.05
L2 = 0.0
#: Weights smaller than this are left out of the model file, which keeps it small; the judgement
#: is made with the pruned model.
PRUNE = 0.05


# ---------------------------------------------------------------- examples


def _capture() -> tuple[dict[str, list[str]], Callable[..., None]]:
    """A stand-in for the pipeline's learned step that keeps each person's features (by the
    person's id in the record) and leaves the rules' roles as they are."""
    seen: dict[str, list[str]] = {}

    def keep(doc: Any, ents: Any, events: Any, title_span: Any, model: Any = None) -> None:
        feats = person_features(doc, ents, events, title_span)
        for p in ents.of("person"):
            if id(p) in feats:
                seen[p.id] = feats[id(p)]

    return seen, keep


def _labels(record: dict[str, Any], gold: dict[str, Any], seen: dict[str, list[str]]) -> dict:
    gp, pp = gold.get("persons") or [], record.get("persons") or []
    labels = {}
    for gi, pi in _match(gp, pp, _same_person):
        if pp[pi].get("id") in seen:
            labels[pp[pi]["id"]] = sorted(set(gp[gi].get("roles") or []))
    return labels


def read_cases(folder: Path, names: list[str]) -> list[dict[str, Any]]:
    """Extract each case with the rules alone; keep its record, gold and persons' features."""
    return training.read_cases(folder, names, _capture, _labels)


def examples(cases: list[dict[str, Any]]) -> list[tuple[list[str], list[str], list[str]]]:
    """(features, the rules' roles, gold roles) of every matched named person, in case and id
    order."""
    out = []
    for c in cases:
        rules = {p["id"]: p["roles"] for p in c["record"]["persons"]}
        for pid in sorted(c["labels"]):
            out.append((c["features"][pid], rules[pid], c["labels"][pid]))
    return out


# ---------------------------------------------------------------- model


def train(
    data: list[tuple[list[str], list[str], list[str]]], epochs: int = EPOCHS
) -> dict[str, Any]:
    """One logistic regression over (person, role) pairs
    (:func:`kg.extract.rolemodel.pair_features`), by SGD over the examples in the order given
    with an L2 penalty; weights rounded to three places, the
    smallest left out."""
    w: dict[str, float] = {}
    pairs = [
        (pair_features(feats, rules, role), 1.0 if role in gold else 0.0)
        for feats, rules, gold in data
        for role in ROLES
    ]
    for epoch in range(epochs):
        rate = RATE / (1 + epoch)
        for feats, label in pairs:
            z = sum(w.get(f, 0.0) for f in feats)
            grad = label - 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            for f in feats:
                w[f] = w.get(f, 0.0) * (1 - rate * L2) + rate * grad
    rounded = {f: round(v, 3) for f, v in sorted(w.items()) if abs(v) >= PRUNE}
    return {"use": False, "threshold": 0.5, "weights": rounded}


def role_tally(cases: list[dict[str, Any]], model: dict[str, Any] | None) -> Tally:
    """The person_roles tally over the cases, with the model's roles (or the rules' where
    ``model`` is None) for each named person."""
    total = Tally()
    for c in cases:
        record = c["record"]
        if model is not None:
            record = copy.deepcopy(record)
            for p in record["persons"]:
                if p.get("id") in c["features"]:
                    p["roles"] = choose_roles(model, c["features"][p["id"]], p["roles"])
        total.add(score_case(c["gold"], record).tallies["person_roles"])
    return total


def _row(label: str, rules: Tally, model: Tally) -> str:
    return (
        f"{label:<28} rules {rules.f1:.3f} ({rules.tp}/{rules.fp}/{rules.fn})   "
        f"model {model.f1:.3f} ({model.tp}/{model.fp}/{model.fn})"
    )


def _folds_with(
    cases: list[dict[str, Any]], other: list[dict[str, Any]], folds: int
) -> tuple[Tally, Tally]:
    """Rules and model on each fold of ``cases``, the model trained on the other folds and on
    all of ``other``."""
    ordered = sorted(cases, key=lambda c: c["case"])
    rules, model = Tally(), Tally()
    for k in range(folds):
        rest = [c for i, c in enumerate(ordered) if i % folds != k]
        trained = train(examples(other + rest))
        rules.add(role_tally(ordered[k::folds], None))
        model.add(role_tally(ordered[k::folds], trained))
    return rules, model


def judge(dev: list[dict[str, Any]], invented: list[dict[str, Any]], folds: int) -> dict[str, Any]:
    """Cross-validation by appeal on dev, and each set scored by a model trained on the other."""
    lines, result = [], {}
    ordered = sorted(dev, key=lambda c: c["case"])
    cv_rules, cv_model = Tally(), Tally()
    for k in range(folds):
        held = ordered[k::folds]
        rest = [c for i, c in enumerate(ordered) if i % folds != k]
        model = train(examples(rest))
        r, m = role_tally(held, None), role_tally(held, model)
        cv_rules.add(r)
        cv_model.add(m)
        lines.append(_row(f"dev fold {k + 1} ({len(held)} cases)", r, m))
    lines.append(_row(f"dev, {folds} folds pooled", cv_rules, cv_model))
    on_inv = train(examples(dev))
    inv_rules, inv_model = role_tally(invented, None), role_tally(invented, on_inv)
    lines.append(_row("invented, trained on dev", inv_rules, inv_model))
    on_dev = train(examples(invented))
    dev_rules, dev_model = role_tally(dev, None), role_tally(dev, on_dev)
    lines.append(_row("dev, trained on invented", dev_rules, dev_model))
    mixed = {}
    for name, held_set, other in (("invented", invented, dev), ("dev", dev, invented)):
        r, m = _folds_with(held_set, other, folds)
        mixed[name] = (r, m)
        lines.append(_row(f"{name}, {folds} folds, + other set", r, m))
    for key, (r, m) in {
        "cv_dev": (cv_rules, cv_model),
        "cv_invented_with_dev": mixed["invented"],
        "cv_dev_with_invented": mixed["dev"],
        "invented_from_dev": (inv_rules, inv_model),
        "dev_from_invented": (dev_rules, dev_model),
    }.items():
        result[key] = {"rules": round(r.f1, 4), "model": round(m.f1, 4)}
    result["beats_rules"] = cv_model.f1 > cv_rules.f1 and inv_model.f1 > inv_rules.f1
    result["lines"] = lines
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    training.add_set_arguments(ap)
    ap.add_argument("--write", action="store_true", help=f"write {MODEL_FILE.name}")
    ap.add_argument("--output", type=Path, default=MODEL_FILE)
    ap.add_argument(
        "--held-from",
        metavar="NAME",
        help="invented appeals whose names sort at or after NAME (a batch written blind) are "
        "held out: never trained on, scored by a model trained on everything else",
    )
    args = ap.parse_args(argv)
    try:
        dev, invented = training.read_sets(args, read_cases)
    except (KgError, OSError) as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    held = [c for c in invented if args.held_from and c["case"] >= args.held_from]
    if args.held_from and not held:
        print(f"Error: --held-from {args.held_from}: no invented appeal sorts at or after it",
              file=sys.stderr)  # fmt: skip
        return 2
    invented = [c for c in invented if c not in held]
    verdict = judge(dev, invented, args.folds)
    if held:
        trained = train(examples(dev) + examples(invented))
        r, m = role_tally(held, None), role_tally(held, trained)
        verdict["lines"].append(_row(f"held batch ({len(held)}), trained on both", r, m))
        verdict["held_batch"] = {"rules": round(r.f1, 4), "model": round(m.f1, 4)}
        verdict["beats_rules"] = verdict["beats_rules"] and m.f1 > r.f1
    print("\n".join(verdict["lines"]))
    print("beats the rules in both:", "yes" if verdict["beats_rules"] else "no")
    if args.write:
        model = train(examples(dev) + examples(invented))
        model["use"] = verdict["beats_rules"]
        model["judged"] = {k: v for k, v in verdict.items() if k != "lines"}
        model["_generated"] = "by tools/train_roles.py; never edit by hand, retrain"
        text = json.dumps(model, indent=0, sort_keys=True) + "\n"
        tmp = args.output.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(args.output)
        print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
