"""Files in, case records out: the glue between readers, the extractor and the record mapping.

Kept apart from the stages (pure text -> record) so the extractor stays free of I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.extract.pipeline import extract_case
from kg.read import read_appeal
from kg.record.caserecord import dump_record, record_to_graph
from kg.vocab import bind_prefixes

SUFFIX = {"yaml": ".yaml", "turtle": ".ttl", "trig": ".trig"}


def extract_file(
    path: Path, fmt: str = "yaml", out_dir: Path | None = None
) -> tuple[str, list[Path], dict[str, Any]]:
    """Extract one appeal file; write ``out_dir/<stem><suffix>`` (and the plain text the
    evidence offsets index, when the input was not that text) atomically. Returns the
    serialised record, the files written and the record."""
    from kg.files import write_atomic

    appeal = read_appeal(path)
    stem = Path(path).stem
    record = extract_case(appeal.text, appeal_id=stem, source=f"{stem}.txt")
    record["appeal"].setdefault("sha256", appeal.sha256)
    if fmt == "yaml":
        data = dump_record(record)
    else:
        name, graph = record_to_graph(record, appeal.text, origin=str(path))
        if fmt == "turtle":
            data = bind_prefixes(graph).serialize(format="turtle")
        else:
            from rdflib import Dataset

            ds = bind_prefixes(Dataset())
            ds.graph(name).__iadd__(graph)
            data = ds.serialize(format="trig")
    written: list[Path] = []
    if out_dir is not None:
        # The text first: a record on disk always has the text its offsets index.
        text_out = Path(out_dir) / f"{stem}.txt"
        same = text_out.exists() and text_out.resolve() == Path(path).resolve()
        if not same:
            write_atomic(text_out, appeal.text.encode("utf-8"))
        out = Path(out_dir) / f"{stem}{SUFFIX[fmt]}"
        write_atomic(out, data.encode("utf-8"))
        written.append(out)
        if not same:
            written.append(text_out)
    return data, written, record


def extract_corpus(folder: Path, cases: Iterable[str] | None = None) -> dict[str, dict]:
    """Extract every ``*.txt`` that has a gold file beside it (only ``cases``, when given),
    keyed by case name."""
    wanted = None if cases is None else set(cases)
    out = {}
    for gold in sorted(Path(folder).glob("*.gold.yaml")):
        name = gold.name[: -len(".gold.yaml")]
        if wanted is not None and name not in wanted:
            continue
        text_path = gold.with_name(f"{name}.txt")
        if not text_path.exists():
            continue
        try:
            appeal = read_appeal(text_path)
        except InputError:
            continue
        out[name] = extract_case(appeal.text, appeal_id=name, source=text_path.name)
    return out
