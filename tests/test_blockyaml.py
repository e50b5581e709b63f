"""kg.record.blockyaml reads the records' block YAML a line at a time, to PyYAML's values, and
hands every other document to PyYAML."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml
from benchgen import generator
from goldcorpus import CORPUS

from kg.errors import InputError
from kg.record import blockyaml
from kg.record.blockyaml import load_block
from kg.record.recordcheck import CRecordLoader, RecordLoader, parse_record_yaml
from kg.vocab import DATA_DIR


def _same(a: Any, b: Any) -> bool:
    """Equal values of the same types (nan equals nan here), in the same key order."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return (
            list(a) == list(b)
            and all(_same(k, j) for k, j in zip(a, b, strict=True))
            and all(_same(a[k], b[k]) for k in a)
        )
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


@pytest.fixture
def handed_over(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The documents the line reader hands to PyYAML (kg.record.fastyaml.load_fast)."""
    handed: list[str] = []
    real = blockyaml.load_fast

    def counting(text: str, loader_class: type[Any]) -> Any:
        handed.append(text)
        return real(text, loader_class)

    monkeypatch.setattr(blockyaml, "load_fast", counting)
    return handed


def _expected(text: str) -> Any:
    return yaml.load(text, Loader=RecordLoader)  # noqa: S506 - a SafeLoader subclass


READ = {
    "nested": (
        "appeal:\n  id: a-1\n  countries:\n  - Uzbekistan\n  - Kazakhstan\n"
        "persons:\n- id: p1\n  name: Ana\n  variants: []\n  roles:\n  - defender\n"
        "  positions:\n  - title: member\n    organisation: o2\n    evidence:\n"
        "    - quote: Ana is a member.\n      start: 120\n      end: 136\n"
        "- id: p2\n  name: null\n  extra: {}\n"
    ),
    "indented sequences": "a:\n  - 1\n  - x: 2\n    y: 3\n  -   z: 4\nb: 5\n",
    "yaml 1.1 scalars": (
        "flags:\n- yes\n- No\n- on\n- OFF\n- true\n- y\n- n\nnumbers:\n- 012\n- 0x1F\n- 1_000\n"
        "- 190:20:30\n- -0.5e3\n- .inf\n- .NaN\n- +3\n- -5\nnulls:\n- ~\n- null\n- ''\n"
        "dates:\n- 2017-02-14\n- 2001-12-14t21:59:43.10-05:00\n- '2017-02-14'\n- 2017-02\n"
    ),
    "keys resolved as values are": "on: 1\nnull: 2\nTrue: 3\nkey_2: 4\n",
    "quoted": (
        "a: 'it''s: a # quote'\nb: \"double: # quoted\"\nc: ''\nd: \"\"\ne: '  spaced  '\n"
        "f: 'x'   \ng: \"Ğalymžan — «правозащитник» 人权 ✓\"\n"
    ),
    "plain with indicators inside": (
        "a: see http://x.org/a#b\nb: a - b, [c] {d} 'e' \"f\"\nc: -x\nd: :x\ne: ?x\n"
        "f: a:b\ng: trailing spaces   \nh: 'a' \n"
    ),
    "empty values": "a:\nb:   \nc:\n- 1\nd:\n  e:\n",
    "duplicate keys": "a: first\nb: 1\na: second\n",
    "a top-level sequence": "- 1\n- a: b\n- c\n",
    "an entry with its key at the sequence's indent": "- a:\n  - x\n- b:\n- c\n",
    "folded over lines": (
        "title: 'Kazakhstan: Prison terms of Max Bokayev upheld, transfer far\n  from home'\n"
        "issuer: UN Working Group on Enforced or Involuntary Disappearances and Special\n"
        "  Rapporteur   \n    on defenders\nlist:\n- one\n  two\n- 'it''s\n  quoted'''\n"
        "- b: c\n  d: 2017-02-14 is\n    a date no more\n"
    ),
    "flow sequences": (
        "roles: [defender, witness]\ncountries: [Russian Federation]\nn: [1, 0x1F, yes, ~]\n"
        "e: []\nlong: [a b, c,\n  d e]\nurl: [http://x.org/a, a:b]\n"
    ),
}

HANDED = {
    "comment": "a: 1  # note\n",
    "comment line": "# a record\na: 1\n",
    "blank line": "a: 1\n\nb: 2\n",
    "no newline at the end": "a: 1",
    "tab": "a:\t1\n",
    "carriage return": "a: 1\r\nb: 2\r\n",
    "line separator": "a: x\u2028y\n",
    "non-printable": "a: x\x01y\n",
    "byte-order mark": "\ufeffa: 1\n",
    "block scalar": "a: |\n  text\n",
    "folded scalar": "a: >\n  text\n",
    "flow mapping": "a: {b: 1}\n",
    "quoted flow entry": "a: ['x', y]\n",
    "nested flow sequence": "a: [x, [y]]\n",
    "trailing comma": "a: [x, ]\n",
    "flow key": "a: [x: 1]\n",
    "flow key at the end": "a: [x:]\n",
    "flow key before a comma": "a: [x:, y]\n",
    "flow comment": "a: [x #y]\n",
    "flow sequence not closed": "a: [x, y\n",
    "double quotes over two lines": 'a: "one\n  two"\n',
    "continuation that starts with an indicator": "a: one\n  - two\n",
    "continuation with a key": "a: one\n  two: x\n",
    "continuation after a closed quote": "a: 'one'\n  two\n",
    "plain over two lines at the key's indent": "a: one\ntwo\n",
    "spaced empty flow": "a: [ ]\n",
    "anchor and alias": "a: &x 1\nb: *x\n",
    "tag": "a: !!str 1\n",
    "escape": 'a: "tab\\there"\n',
    "text after a quote": "a: 'one' two\n",
    "quoted key": "'a': 1\n",
    "key with a space": "a b: 1\n",
    "number key": "1: a\n",
    "merge key": "a:\n  x: 1\nb:\n  <<: {x: 2}\n",
    "explicit key": "? a\n: b\n",
    "document marker": "---\na: 1\n",
    "document end": "a: 1\n...\n",
    "directive": "%YAML 1.1\n---\na: 1\n",
    "colon in a plain value": "a: b: c\n",
    "plain value ending in a colon": "a: b:\n",
    "dash value": "a: - b\n",
    "sequence in a sequence": "- - a\n",
    "entry below its dash": "-\n  a: 1\n",
    "empty entry": "-   \n",
    "reserved indicator": "a: @b\n",
    "key without a value separator": "a:b\n",
    "line out of place": "a: 1\n  b: 2\n",
    "mapping after a sequence at a deeper indent": "a:\n  - x\n  b: 1\n",
    "a scalar document": "just text\n",
    "date that does not exist": "a: 2017-02-30\n",
    "value tag": "a: =\n",
}


@pytest.mark.parametrize("text", list(READ.values()), ids=list(READ))
def test_the_subset_is_read_to_pyyamls_values(text: str, handed_over: list[str]) -> None:
    value = load_block(text, CRecordLoader)
    assert handed_over == []
    assert _same(value, _expected(text))


@pytest.mark.parametrize("text", list(HANDED.values()), ids=list(HANDED))
def test_other_documents_go_to_pyyaml(text: str, handed_over: list[str]) -> None:
    try:
        expected: Any = yaml.load(text, Loader=CRecordLoader)  # noqa: S506 - the errors' loader
    except yaml.YAMLError as e:
        with pytest.raises(type(e)) as found:
            load_block(text, CRecordLoader)
        assert str(found.value) == str(e)
    else:
        assert _same(load_block(text, CRecordLoader), expected)
    assert handed_over == [text]


def test_an_error_names_the_line_as_before() -> None:
    with pytest.raises(InputError) as found:
        parse_record_yaml("appeal:\n  id: a\n  date: 2017-02-30\n", Path("r.yaml"), fast=True)
    assert str(found.value) == (
        "r.yaml:3:9: '2017-02-30' is not a date (day is out of range for month)"
    )


def _read_files(paths: list[Path], handed_over: list[str]) -> int:
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert _same(load_block(text, CRecordLoader), _expected(text)), path
    return len(paths)


def test_the_gold_records(handed_over: list[str]) -> None:
    """Written by hand, with flow mappings: PyYAML's, through the line reader's door."""
    assert _read_files(sorted(CORPUS.glob("*.gold.yaml")), handed_over) == 49


def test_the_gold_records_as_the_extractor_writes_them(handed_over: list[str]) -> None:
    """``kg extract``'s YAML (short lists in flow style, long lines folded): read a line at a
    time, but for the few whose quoted text breaks before an indicator."""
    from kg.extract.pipeline import dump_record

    texts = [
        dump_record(_expected(p.read_text(encoding="utf-8"))) for p in CORPUS.glob("*.gold.yaml")
    ]
    for text in texts:
        assert _same(load_block(text, CRecordLoader), _expected(text))
    assert len(texts) == 49 and len(handed_over) < 5


def test_the_seed(handed_over: list[str]) -> None:
    assert _read_files(sorted((DATA_DIR / "cases").glob("*.yaml")), handed_over) >= 1


def test_a_generated_corpus(tmp_path: Path, handed_over: list[str]) -> None:
    data = generator().generate(60, tmp_path / "corpus", seed=5, jobs=1)
    paths = sorted((Path(data) / "cases").glob("*.yaml"))
    assert _read_files(paths, handed_over) == 60
    # Only the records where the generator shares an evidence entry by an anchor go to PyYAML.
    assert 0 < len(handed_over) < 10
    assert all("&id" in text for text in handed_over)
