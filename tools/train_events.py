"""Train the learned event step (:mod:`kg.extract.eventmodel`) and judge it against the rules.

Every date the extractor finds in an appeal is one example: its features
(:func:`kg.extract.eventmodel.mention_features`) and, as its labels, the types of the gold
events on that date. One logistic regression an event type is fitted to all of them at once
(full-batch gradient descent with Adam's step sizes, a fixed number of steps from zero
weights, so the same appeals give the same weights to the third decimal).

    python tools/train_events.py ../shared/corpus tests/data/invented tests/data/batches \
        --unread blu            # judge
    python tools/train_events.py ../shared/corpus tests/data/invented tests/data/batches \
        --unread blu --write    # and write

The judgement leaves out one batch of ``tests/data/batches`` at a time (a batch is the
appeals whose names share a prefix, ``blm-``, ``bln-``, ...), trains on everything else, and
scores the batch twice: with the rules' events alone and with the step's added; events
(type and date) and their participants, F1 with tp/fp/fn, pooled over the batches. The
batches were written by people who had not read the extractor, each held out for a round
before its wordings were read for rules, so this judgement is the nearest the tool has to
appeals no weight was fitted to, but only for a batch no rule was read on yet: where the
rules were read on a batch they fit it, and the dates they left silent hold few events, so a
step judged there can only lose. ``--unread`` names those batches (``blu`` when the step was
written); the switch is judged on them alone, or on every batch where none is named.
``--write`` writes ``kg/extract/event_model.json`` trained on every appeal given, switched on
(``"use": true``) only where the step raised the events F1 of the judged batches without
lowering their participants'.

The test split (``data/corpus-test-split.txt``) is never read: only the development split of
the corpus folder is used, and a test-split name in any folder is an error.

Exit codes: 0 done, 2 could not run.
"""

from __future__ import annotations

import argparse
import collections
import copy
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from kg.errors import KgError
from kg.extract import pipeline
from kg.extract.dates import format_date
from kg.extract.evaluate import (
    _case_name,
    dates_match,
    load_record,
    load_test_split,
    score_case,
    select_cases,
)
from kg.extract.eventmodel import (
    MODEL_FILE,
    EventModel,
    add_learned_events,
    mention_features,
    step_inputs,
)

#: Appeals a feature must be met in to be learned: no one appeal's wording is a feature.
MIN_APPEALS = 3
STEPS = 400
RATE = 0.05
L2 = 1e-3
CUT = 0.5
#: Weights smaller than this are left out of the model file; the judgement uses the same cut.
PRUNE = 0.1


# ---------------------------------------------------------------- examples


def read_case(folder: Path, name: str) -> dict[str, Any]:
    """Extract one appeal with the step off; keep what the step would see, and the gold.

    What the step sees is taken where the rules' events are found (``find_events``), so the
    same reading works on a tree of the project from before the step (``bench/
    event_step_heldout.py`` judges the step on batches as they stood when held out)."""
    seen: dict[str, Any] = {}
    find = pipeline.find_events
    step = getattr(pipeline, "add_learned_events", None)

    def capture(doc: Any, ents: Any, dates: Any, *args: Any, **kwargs: Any) -> Any:
        main, names, bodies = step_inputs(doc, ents)
        seen.update(doc=doc, dates=dates, main=main, names=names, bodies=bodies)
        return find(doc, ents, dates, *args, **kwargs)

    pipeline.find_events = capture
    if step is not None:
        pipeline.add_learned_events = lambda doc, dates, events, *a, **k: events
    try:
        text = (folder / f"{name}.txt").read_text(encoding="utf-8")
        record = pipeline.extract_case(text, appeal_id=name)
    finally:
        pipeline.find_events = find
        if step is not None:
            pipeline.add_learned_events = step
    gold = load_record(folder / f"{name}.gold.yaml")
    return {
        "case": name,
        "record": record,
        "gold": gold,
        "seen": seen,
        "samples": samples(seen, gold),
    }


def samples(seen: dict[str, Any], gold: dict[str, Any]) -> list[tuple[list[str], list[str]]]:
    """Each date's features, labelled with the types of the gold events on that date."""
    doc = seen["doc"]
    starts = [s.start for s in doc.sentences]
    out = []
    for m in seen["dates"]:
        value = format_date(m.value)
        if not value:
            continue
        labels = sorted(
            {
                str(g.get("type"))
                for g in gold.get("events") or []
                if g.get("date") and dates_match(str(g["date"]), value)
            }
        )
        out.append((sorted(mention_features(doc, m, seen["names"], starts)), labels))
    return out


def read_folder(folder: Path, dev_only: bool = False) -> list[dict[str, Any]]:
    if not folder.is_dir():
        raise KgError(f"{folder}: not a folder")
    if dev_only:
        names = select_cases(folder, "dev")
    else:
        names = [_case_name(g) for g in sorted(folder.glob("*.gold.yaml"))]
        held = set(load_test_split()) & set(names)
        if held:
            raise KgError(f"{folder}: {sorted(held)[0]} is a test-split appeal; never train on it")
    if not names:
        raise KgError(f"{folder}: no *.gold.yaml files")
    return [read_case(folder, n) for n in names]


# ---------------------------------------------------------------- the model


def train(cases: list[dict[str, Any]]) -> dict[str, Any]:
    """A model's data (as :class:`EventModel` reads it) fitted to every date of ``cases``."""
    seen_in = collections.Counter(f for c in cases for f in {f for s in c["samples"] for f in s[0]})
    vocab = sorted(f for f, n in seen_in.items() if n >= MIN_APPEALS)
    index = {f: i for i, f in enumerate(vocab)}
    types = sorted({t for c in cases for s in c["samples"] for t in s[1]})
    tindex = {t: j for j, t in enumerate(types)}
    rows = [s for c in cases for s in c["samples"]]
    x = np.zeros((len(rows), len(vocab) + 1), np.float32)
    y = np.zeros((len(rows), len(types)), np.float32)
    x[:, -1] = 1.0  # the bias
    for i, (feats, labels) in enumerate(rows):
        x[i, [index[f] for f in feats if f in index]] = 1.0
        y[i, [tindex[t] for t in labels]] = 1.0
    w = np.zeros((len(vocab) + 1, len(types)), np.float32)
    m1 = np.zeros_like(w)
    m2 = np.zeros_like(w)
    for step in range(1, STEPS + 1):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) / max(1, len(rows)) + L2 * w
        m1 = 0.9 * m1 + 0.1 * grad
        m2 = 0.999 * m2 + 0.001 * grad * grad
        w -= RATE * (m1 / (1 - 0.9**step)) / (np.sqrt(m2 / (1 - 0.999**step)) + 1e-8)
    weights: dict[str, dict[str, float]] = {}
    for i, f in enumerate(vocab):
        row = {t: round(float(w[i, j]), 3) for j, t in enumerate(types) if abs(w[i, j]) >= PRUNE}
        if row:
            weights[f] = row
    bias = {t: round(float(w[-1, j]), 3) for j, t in enumerate(types)}
    return {"cut": CUT, "types": types, "bias": bias, "weights": weights}


def with_step(case: dict[str, Any], model: EventModel) -> dict[str, Any]:
    """The case's record with the step's events added."""
    record = copy.deepcopy(case["record"])
    seen = case["seen"]
    record["events"] = add_learned_events(
        seen["doc"],
        seen["dates"],
        record["events"],
        seen["main"],
        seen["names"],
        seen["bodies"],
        model,
    )
    return record


def tally(cases: list[dict[str, Any]], records: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """Events and participants F1 with tp, fp, fn over ``cases`` scored as ``records``."""
    out = {}
    for cat in ("events", "event_participants"):
        tp = fp = fn = 0
        for case, record in zip(cases, records, strict=True):
            t = score_case(case["gold"], record).tallies[cat]
            tp, fp, fn = tp + t.tp, fp + t.fp, fn + t.fn
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        out[cat] = [round(f1, 4), tp, fp, fn]
    return out


def judge(batches: list[dict[str, Any]], rest: list[dict[str, Any]]) -> dict[str, Any]:
    """Each batch scored by a model trained on every other appeal, beside the rules."""
    groups: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for c in batches:
        groups[c["case"].split("-", 1)[0]].append(c)
    held: list[dict[str, Any]] = []
    stepped: list[dict[str, Any]] = []
    per_batch = {}
    for prefix, group in sorted(groups.items()):
        others = rest + [c for c in batches if c["case"].split("-", 1)[0] != prefix]
        model = EventModel({**train(others), "use": True})
        records = [with_step(c, model) for c in group]
        per_batch[prefix] = {
            "rules": tally(group, [c["record"] for c in group]),
            "step": tally(group, records),
        }
        held += group
        stepped += records
    return {
        "pooled": {"rules": tally(held, [c["record"] for c in held]), "step": tally(held, stepped)},
        "batches": per_batch,
    }


def _pool(rows: list[dict[str, list[Any]]]) -> dict[str, list[Any]]:
    out = {}
    for cat in ("events", "event_participants"):
        tp, fp, fn = (sum(r[cat][k] for r in rows) for k in (1, 2, 3))
        out[cat] = [round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0, tp, fp, fn]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="the development corpus folder (dev split read)")
    ap.add_argument("invented", type=Path, help="the invented appeals folder (all read)")
    ap.add_argument("batches", type=Path, help="the batches written blind (all read, judged)")
    ap.add_argument(
        "--unread",
        nargs="+",
        default=[],
        metavar="PREFIX",
        help="the batches no rule was read on yet (blu ...): the step is switched on only "
        "if it does better there",
    )
    ap.add_argument("--write", action="store_true", help=f"write {MODEL_FILE.name}")
    ap.add_argument("--out", type=Path, help="write the judgement as JSON here")
    args = ap.parse_args(argv)
    try:
        dev = read_folder(args.corpus, dev_only=True)
        invented = read_folder(args.invented)
        rest = dev + invented
        batches = read_folder(args.batches)
    except (KgError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    verdict = judge(batches, rest)
    for prefix, row in verdict["batches"].items():
        print(f"{prefix:6} rules {row['rules']}  step {row['step']}")
    rules, step = verdict["pooled"]["rules"], verdict["pooled"]["step"]
    print(f"pooled rules {rules}  step {step}")
    unknown = sorted(set(args.unread) - set(verdict["batches"]))
    if unknown:
        print(f"error: --unread {unknown[0]}: no such batch in {args.batches}", file=sys.stderr)
        return 2
    if args.unread:
        held = [c for c in batches if c["case"].split("-", 1)[0] in args.unread]
        # the judgement again, pooled over the unread batches only
        unread = [verdict["batches"][p] for p in args.unread]
        rules = _pool([u["rules"] for u in unread])
        step = _pool([u["step"] for u in unread])
        print(f"unread ({len(held)} appeals) rules {rules}  step {step}")
        verdict["unread"] = {"batches": args.unread, "rules": rules, "step": step}
    use = (
        step["events"][0] > rules["events"][0]
        and step["event_participants"][0] >= rules["event_participants"][0]
    )
    if args.out:
        args.out.write_text(json.dumps(verdict, indent=1) + "\n", encoding="utf-8")
    if args.write:
        data = train(rest + batches)
        counts = {"development": len(dev), "invented": len(invented), "batches": len(batches)}
        data = {"use": use, "trained_on": counts, **data}
        tmp = MODEL_FILE.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n")
        tmp.replace(MODEL_FILE)
        print(f"wrote {MODEL_FILE} (use: {str(use).lower()}, {len(data['weights'])} features)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
