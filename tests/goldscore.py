"""Extract a folder of gold-annotated appeals and score it, checking every evidence offset."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.extract import extract_case
from kg.extract.evaluate import evaluate, select_cases


def extract_and_score(folder: Path, split: str) -> Any:
    """The evaluation report of ``split`` of ``folder``; every quote must equal its offsets."""
    names = select_cases(folder, split)
    preds = {}
    for name in names:
        text = (folder / f"{name}.txt").read_text(encoding="utf-8")
        rec = extract_case(text, appeal_id=name, source=f"{name}.txt")
        for key in ("persons", "organisations", "events", "demands"):
            for item in rec[key]:
                for ev in item["evidence"]:
                    assert text[ev["start"] : ev["end"]] == ev["quote"], (name, ev)
        preds[name] = rec
    report = evaluate(folder, preds, names)
    assert not report.missing
    return report
