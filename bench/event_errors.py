"""Classes of event and participant errors, counted per set of appeals:

    .venv/bin/python bench/event_errors.py [--sets A B invented] [--list]

Sets: ``A`` and ``B`` are the halves of the development split (odd and even positions of its
sorted names, as ``kg eval --folds 2`` deals them), ``invented`` is ``tests/data/invented``. The
test split is never read.

A missed gold event is put in the first class that fits, each unmatched extracted event used to
explain one miss only:

- ``date: other event's`` -- an extracted event of the same type carries the date of another gold
  event of the appeal (a date bound to the wrong clause);
- ``date: precision`` -- same type, one date a prefix of the other (year or month against day);
- ``date: undated/dated`` -- same type, one of the two has no date;
- ``date: wrong day`` -- same type, another date;
- ``type`` -- an extracted event with an agreeing date and another type;
- ``missing`` -- nothing near.

An extracted event left over is ``retold`` (its type and date agree with a gold event that was
matched already: one event told twice and not merged), ``retold, other date`` (same type as a
matched event of the same appeal, another date), or ``extra`` (the gold does not count it).

A missed participant of a matched event is ``wrong slot`` (the entity is there in another of
agent / target / authority), ``entity not found`` (the gold entity was not extracted),
``wrong entity`` (another entity fills that slot) or ``slot empty``; one of an unmatched event is
``event missed``. False participants are read the same way, from the other side.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from kg.extract.batch import extract_corpus
from kg.extract.evaluate import (
    _match,
    _participants,
    _same_event,
    _same_org,
    _same_person,
    dates_match,
    load_record,
    select_cases,
)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
INVENTED = ROOT / "tests" / "data" / "invented"

EVENT_MISS = (
    "date: other event's",
    "date: precision",
    "date: undated/dated",
    "date: wrong day",
    "type",
    "missing",
)
EVENT_FALSE = ("retold", "retold, other date", "extra")
PART_MISS = ("wrong slot", "entity not found", "wrong entity", "slot empty", "event missed")
PART_FALSE = ("wrong slot", "entity not gold", "wrong entity", "extra in slot", "event false")


def _d(x: object) -> str:
    return "" if x is None else str(x)


def _prefix(a: str, b: str) -> bool:
    return bool(a and b) and (a.startswith(b) or b.startswith(a))


def classify_case(gold: dict, pred: dict, out: Counter, items: list[str] | None = None) -> None:
    gp, pp = gold.get("persons") or [], pred.get("persons") or []
    go, po = gold.get("organisations") or [], pred.get("organisations") or []
    ppairs, opairs = _match(gp, pp, _same_person), _match(go, po, _same_org)
    idmap = {pp[pi]["id"]: gp[gi]["id"] for gi, pi in ppairs if "id" in pp[pi]}
    idmap.update({po[pi]["id"]: go[gi]["id"] for gi, pi in opairs if "id" in po[pi]})
    gid = {x: x for x in [p.get("id") for p in gp] + [o.get("id") for o in go] if x}

    def weight(g: dict, p: dict) -> tuple[int, int]:
        shared = _participants(g, gid) & _participants(p, idmap)
        return (int(_d(g.get("date")) == _d(p.get("date"))), len(shared))

    ge, pe = gold.get("events") or [], pred.get("events") or []
    pairs = _match(ge, pe, _same_event, weight)
    gmatched, pmatched = dict(pairs), {pi for _, pi in pairs}
    free = [i for i in range(len(pe)) if i not in pmatched]
    gold_dates = [_d(e.get("date")) for e in ge]

    def note(kind: str, cls: str, e: dict) -> None:
        out[(kind, cls)] += 1
        if items is not None:
            items.append(f"  {kind:<6} {cls:<22} {e.get('type')} {e.get('date')}")

    # missed gold events
    for gi, g in enumerate(ge):
        if gi in gmatched:
            continue
        gt, gd = g.get("type"), _d(g.get("date"))
        others = {d for j, d in enumerate(gold_dates) if j != gi and d and d != gd}
        same_type = [i for i in free if pe[i].get("type") == gt]
        tests = (
            ("date: other event's", lambda p, o=others: _d(p.get("date")) in o),
            ("date: precision", lambda p, d=gd: _prefix(_d(p.get("date")), d)),
            ("date: undated/dated", lambda p, d=gd: bool(_d(p.get("date"))) != bool(d)),
            ("date: wrong day", lambda p: True),
        )
        cls = "missing"
        for name, test in tests:
            hit = next((i for i in same_type if test(pe[i])), None)
            if hit is not None:
                cls = name
                free.remove(hit)
                break
        else:
            hit = next(
                (
                    i
                    for i in free
                    if gd
                    and (
                        dates_match(gd, _d(pe[i].get("date"))) or _prefix(gd, _d(pe[i].get("date")))
                    )
                ),
                None,
            )
            if hit is not None:
                cls = "type"
                free.remove(hit)
        note("miss", cls, g)
    # extracted events left over
    for i in free:
        p = pe[i]
        if any(_same_event(ge[gi], p) for gi in gmatched):
            cls = "retold"
        elif any(pe[j].get("type") == p.get("type") for j in pmatched):
            cls = "retold, other date"
        else:
            cls = "extra"
        note("false", cls, p)
    # participants
    for gi, g in enumerate(ge):
        gset = _participants(g, gid)
        if gi not in gmatched:
            out[("pmiss", "event missed")] += len(gset)
            continue
        pset = _participants(pe[gmatched[gi]], idmap)
        gents = {x.split(":", 1)[1] for x in gset}
        pents = {x.split(":", 1)[1] for x in pset}
        pslots = {x.split(":", 1)[0] for x in pset}
        gslots = {x.split(":", 1)[0] for x in gset}
        for x in sorted(gset - pset):
            slot, ent = x.split(":", 1)
            if ent in pents:
                cls = "wrong slot"
            elif ent not in set(idmap.values()):
                cls = "entity not found"
            elif slot in pslots:
                cls = "wrong entity"
            else:
                cls = "slot empty"
            out[("pmiss", cls)] += 1
            if items is not None:
                items.append(f"  pmiss  {cls:<22} {g.get('type')} {g.get('date')} {x}")
        for x in sorted(pset - gset):
            slot, ent = x.split(":", 1)
            if ent in gents:
                cls = "wrong slot"
            elif ent.startswith("?"):
                cls = "entity not gold"
            elif slot in gslots:
                cls = "wrong entity"
            else:
                cls = "extra in slot"
            out[("pfalse", cls)] += 1
            if items is not None:
                items.append(f"  pfalse {cls:<22} {g.get('type')} {g.get('date')} {x}")
    for i in range(len(pe)):
        if i not in pmatched:
            out[("pfalse", "event false")] += len(_participants(pe[i], idmap))


def sets() -> dict[str, tuple[Path, list[str]]]:
    dev = select_cases(CORPUS, "dev")
    inv = sorted(p.name[: -len(".gold.yaml")] for p in INVENTED.glob("*.gold.yaml"))
    return {
        "A": (CORPUS, dev[0::2]),
        "B": (CORPUS, dev[1::2]),
        "invented": (INVENTED, inv),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", nargs="+", default=["A", "B", "invented"])
    ap.add_argument("--list", action="store_true", help="also list every error, case by case")
    args = ap.parse_args()
    chosen = sets()
    counts: dict[str, Counter] = {}
    for name in args.sets:
        folder, cases = chosen[name]
        preds = extract_corpus(folder, cases)
        c: Counter = Counter()
        for case in cases:
            gold = load_record(folder / f"{case}.gold.yaml")
            if not gold.get("events"):
                continue
            items: list[str] | None = [] if args.list else None
            classify_case(gold, preds.get(case, {}), c, items)
            if items:
                print(f"{name} {case}")
                print("\n".join(items))
        counts[name] = c
    rows = [("miss", k) for k in EVENT_MISS] + [("false", k) for k in EVENT_FALSE]
    rows += [("pmiss", k) for k in PART_MISS] + [("pfalse", k) for k in PART_FALSE]
    head = f"{'':7}{'class':<22}" + "".join(f"{n:>10}" for n in args.sets)
    print(head)
    last = None
    for kind, cls in rows:
        if kind != last and last is not None:
            print()
        last = kind
        print(f"{kind:<7}{cls:<22}" + "".join(f"{counts[n][(kind, cls)]:>10}" for n in args.sets))


if __name__ == "__main__":
    main()
