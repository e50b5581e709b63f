"""Does dateparser find the dates of events that the extractor's date rules miss?

For every appeal of the development split (in its two halves: A = the dev cases at odd
positions of the sorted names, B = the even ones) and of the invented set
(``tests/data/invented``), the gold's event dates (at their precision: a year, a month or a
day) are looked for among the dates each reader finds anywhere in the text:

- ``rules``: :func:`kg.extract.dates.find_dates`, absolute, relative ("two days later", counted
  from the last full date told) and deictic ("last Thursday", from the appeal's date) dates;
- ``dateparser``: ``dateparser.search.search_dates`` over the text (English, day before month,
  relative dates from the appeal's date, dates from the past preferred), each span's precision
  from the parts ``DateDataParser`` reads in it;
- ``either``: what one or the other finds, the most dateparser could add to the rules.

A gold date counts as found when a reader gives that value at that precision somewhere in the
appeal; so this measures what a reader makes available to the event rules, not which event a
date is bound to. ``noise`` counts the distinct values a reader gives that are neither an event
date of the gold nor the appeal's own date (background dates among them). CPU time is each
reader's alone, over the same texts, in one process. The test split is never read.

dateparser is not a dependency of the project: install it beside the environment and put it
on the path::

    .venv/bin/pip install --target /tmp/dplib dateparser==1.5.0
    PYTHONPATH=/tmp/dplib:. .venv/bin/python bench/dates_compare.py

Writes ``bench/results/dates-compare-<commit>.json``. Exit codes: 0 measured; 2 dateparser or
the corpus missing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from runinfo import commit, load_average  # noqa: E402

from kg.extract.dates import find_dates, format_date  # noqa: E402
from kg.extract.evaluate import load_record, select_cases  # noqa: E402
from kg.extract.pipeline import _read_part  # noqa: E402
from kg.extract.text import make_doc  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
INVENTED = ROOT / "tests" / "data" / "invented"
READERS = ("rules", "dateparser", "either")


def gold_dates(gold: dict[str, Any]) -> set[str]:
    """The event dates of a gold record, as the strings the gold writes (YYYY[-MM[-DD]])."""
    out = set()
    for ev in gold.get("events") or []:
        d = ev.get("date")
        if d:
            out.add(d.isoformat() if isinstance(d, date) else str(d))
    return out


def appeal_day(gold: dict[str, Any]) -> date | None:
    d = (gold.get("appeal") or {}).get("date")
    if isinstance(d, date):
        return d
    try:
        return date.fromisoformat(str(d)) if d else None
    except ValueError:
        return None


def rules_dates(text: str, issued: date | None) -> list[tuple[str, str]]:
    """(value, the words read) of every date the rules find."""
    doc = make_doc(_read_part(text))
    out = []
    for m in find_dates(doc, issued):
        value = format_date(m.value)
        if value:
            out.append((value, doc.flat[m.start : m.end]))
    return out


class DateparserReader:
    """``search_dates`` over a text, each span's precision from ``DateDataParser``."""

    def __init__(self) -> None:
        from dateparser.date import DateDataParser
        from dateparser.search import search_dates

        self._search, self._parser_class = search_dates, DateDataParser

    def dates(self, text: str, issued: date | None) -> list[tuple[str, str]]:
        settings: dict[str, Any] = {"DATE_ORDER": "DMY", "PREFER_DATES_FROM": "past"}
        if issued:
            settings["RELATIVE_BASE"] = datetime(issued.year, issued.month, issued.day)
        found = self._search(text, languages=["en"], settings=settings) or []
        parser = self._parser_class(languages=["en"], settings=settings)
        out = []
        for words, when in found:
            parts = parser.get_date_data(words).parts or ()
            if "day" in parts:
                value = when.date().isoformat()
            elif "month" in parts:
                value = f"{when.year:04d}-{when.month:02d}"
            else:
                value = f"{when.year:04d}"
            out.append((value, words))
        return out


def measure(
    cases: list[tuple[str, str, dict[str, Any]]], reader: DateparserReader
) -> dict[str, Any]:
    """Per set: gold dates, how many each reader finds, noise, CPU seconds; examples of what
    only dateparser finds."""
    found = dict.fromkeys(READERS, 0)
    noise = dict.fromkeys(READERS[:2], 0)
    cpu = dict.fromkeys(READERS[:2], 0.0)
    n_gold, only_dp, only_rules = 0, [], []
    for name, text, gold in cases:
        issued = appeal_day(gold)
        t = time.process_time()
        rules = rules_dates(text, issued)
        cpu["rules"] += time.process_time() - t
        t = time.process_time()
        dp = reader.dates(text, issued)
        cpu["dateparser"] += time.process_time() - t
        want = gold_dates(gold)
        own = {issued.isoformat()} if issued else set()
        values = {"rules": {v for v, _ in rules}, "dateparser": {v for v, _ in dp}}
        values["either"] = values["rules"] | values["dateparser"]
        n_gold += len(want)
        for r in READERS:
            found[r] += len(want & values[r])
        for r in READERS[:2]:
            noise[r] += len(values[r] - want - own)
        for v in sorted(want & values["dateparser"] - values["rules"]):
            only_dp.append({"case": name, "date": v, "read": [w for x, w in dp if x == v]})
        for v in sorted(want & values["rules"] - values["dateparser"]):
            only_rules.append({"case": name, "date": v, "read": [w for x, w in rules if x == v]})
    return {
        "appeals": len(cases),
        "gold_event_dates": n_gold,
        "found": found,
        "recall": {r: round(found[r] / n_gold, 4) if n_gold else None for r in READERS},
        "noise": noise,
        "cpu_seconds": {r: round(s, 3) for r, s in cpu.items()},
        "appeals_per_cpu_second": {
            r: round(len(cases) / s, 1) if s else None for r, s in cpu.items()
        },
        "only_dateparser": only_dp,
        "only_rules": only_rules,
    }


def load(folder: Path, names: list[str]) -> list[tuple[str, str, dict[str, Any]]]:
    out = []
    for n in names:
        text = (folder / f"{n}.txt").read_text(encoding="utf-8")
        out.append((n, text, load_record(folder / f"{n}.gold.yaml")))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--invented", type=Path, default=INVENTED)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    try:
        reader = DateparserReader()
    except ImportError:
        print("Error: dateparser is not installed; see this script's docstring", file=sys.stderr)
        return 2
    if not args.corpus.is_dir():
        print(f"Error: {args.corpus}: no corpus folder", file=sys.stderr)
        return 2
    dev = select_cases(args.corpus, "dev")
    inv = sorted(p.name[: -len(".gold.yaml")] for p in args.invented.glob("*.gold.yaml"))
    t = time.process_time()
    reader.dates("On 3 May 2024 he was arrested.", date(2024, 6, 1))  # load its tables once
    warm = time.process_time() - t
    sets = {
        "dev half A": load(args.corpus, dev[0::2]),
        "dev half B": load(args.corpus, dev[1::2]),
        "invented": load(args.invented, inv),
    }
    import dateparser

    result = {
        "commit": commit(ROOT, "kg"),
        "load_average_at_start": load_average(),
        "dateparser": dateparser.__version__,
        "dateparser_first_call_cpu_seconds": round(warm, 3),
        "sets": {name: measure(cases, reader) for name, cases in sets.items()},
        "command": "PYTHONPATH=/tmp/dplib:. .venv/bin/python bench/dates_compare.py",
    }
    # half B is held out: its examples are not kept, only its figures
    for key in ("only_dateparser", "only_rules"):
        result["sets"]["dev half B"][key] = len(result["sets"]["dev half B"][key])
    out = args.out or ROOT / "bench" / "results" / f"dates-compare-{result['commit']}.json"
    out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for name, s in result["sets"].items():
        rec, cps = s["recall"], s["appeals_per_cpu_second"]
        print(
            f"{name:<11} {s['gold_event_dates']:4d} gold dates  recall rules {rec['rules']:.3f} "
            f"dateparser {rec['dateparser']:.3f} either {rec['either']:.3f}  noise "
            f"{s['noise']['rules']}/{s['noise']['dateparser']}  appeals/CPU-s "
            f"{cps['rules']}/{cps['dateparser']}"
        )
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
