"""kg.record.fastyaml gives PyYAML's safe loader's values and errors."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml
from benchgen import generator
from goldcorpus import CORPUS

from kg.errors import InputError
from kg.record.fastyaml import load_fast
from kg.record.recordcheck import CRecordLoader, parse_record_yaml
from kg.vocab import DATA_DIR

EVERY_KIND = """\
appeal:
  id: every-kind
  date: 2017-02-14
  quoted_date: '2017-02-14'
  month: 2017-02
  year: 2017
  stamp: 2001-12-14t21:59:43.10-05:00
  spaced_stamp: 2001-12-14 21:59:43.10 -5
  plain_stamp: 2002-12-14
  source: appeal.txt
flags: [yes, no, on, off, true, false, True, FALSE, y, n, 'yes']
numbers: [0, -1, +3, 012, 0o12, 0x1F, 0b101, 1_000, '42', 190:20:30, 3.14, -0.5e3, 1e3, .inf,
  -.Inf, 6.8523015e+5, 685.230_15e+03, 1:30.5]
nulls: [~, null, Null, '', "~"]
empty:
strings:
  plain: a plain line
  folded_plain: a line
    folded onto the next
  literal: |
    first line
      indented line
    last line
  literal_strip: |-
    no newline at the end
  folded: >
    folded
    text

    new paragraph
  keep: |+
    kept newlines


  double: "tab\\there, \\u00e9, \\x41, line\\nbreak, quote \\" and \\\\"
  single: 'it''s'
  unicode: "Ğalymžan — «правозащитник» 人权 ✓"
  colon: "key: value"
  hash: 'a # not a comment'
  number_text: '012'
  version: 1.10
persons:
  - &who
    id: p1
    name: Ana
    roles: [defender]
    evidence:
      - {start: 0, end: 5, quote: "Ana R"}
  - id: p2
    name: Ben
    same_as: *who
  - <<: *who
    id: p3
sets: !!set {a, b}
ordered: !!omap [{one: 1}, {two: 2}]
bytes: !!binary aGVsbG8=
strs: [!!str 2017-01-01, !!str yes, !!int "3", !!float "1"]
nested: {a: [1, [2, [3, {b: c}]]], 2: two, 2017-01-01: dated key, null: null key, true: yes}
duplicate: first
duplicate: second
"""


def _same(a: Any, b: Any) -> bool:
    """Equal values of the same types (nan equals nan here), in the same key order."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


def _check(text: str) -> None:
    expected = yaml.load(text, Loader=yaml.SafeLoader)  # noqa: S506 - the safe loader
    assert _same(load_fast(text, CRecordLoader), expected)
    assert _same(parse_record_yaml(text, Path("r.yaml"), fast=True), expected)


def test_every_kind_of_value() -> None:
    expected = yaml.load(EVERY_KIND, Loader=yaml.SafeLoader)  # noqa: S506
    # The file does reach what the walk hands to PyYAML: a merge key, sets, tags, aliases.
    assert expected["persons"][2]["name"] == "Ana" and expected["sets"] == {"a", "b"}
    assert expected["flags"][:3] == [True, False, True] and expected["numbers"][3] == 10
    _check(EVERY_KIND)
    # Twice: the second time the resolver answers from what it remembered.
    _check(EVERY_KIND)


def test_aliases_are_the_same_object() -> None:
    text = "a: &x {k: [1]}\nb: *x\nc: [&y [2], *y]\n"
    value = load_fast(text, CRecordLoader)
    assert value["a"] is value["b"] and value["c"][0] is value["c"][1]


@pytest.mark.parametrize(
    "text",
    [
        "a: &x [1, *x]\n",  # a node inside itself
        "? [a, b]\n: pair\n",  # a collection as a key
        "x: !custom 3\n",  # a tag the safe loader does not know
        "",
        "just text",
        "- 1\n- 2\n",
        "# only a comment\n",
    ],
)
def test_documents_the_walk_hands_to_pyyaml(text: str) -> None:
    try:
        expected: Any = yaml.load(text, Loader=CRecordLoader)  # noqa: S506
    except (yaml.YAMLError, TypeError) as e:
        with pytest.raises(type(e)) as found:
            load_fast(text, CRecordLoader)
        assert str(found.value) == str(e)
        return
    value = load_fast(text, CRecordLoader)
    if text.startswith("a: &x"):
        assert value["a"][1] is value["a"]
    else:
        assert _same(value, expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "appeal:\n  date: 2017-02-30\n  b: 2017-13-01\n",
            "r.yaml:2:9: '2017-02-30' is not a date (day is out of range for month)",
        ),
        ("a: [1\n", "r.yaml:2:1: YAML syntax error: did not find expected ',' or ']'"),
        ("a: 1\n---\nb: 2\n", "r.yaml:2:1: YAML syntax error: but found another document"),
        ("a: *nowhere\n", "r.yaml:1:4: YAML syntax error: found undefined alias"),
        ("? [a, b]\n: pair\n", "r.yaml:1:3: found unhashable key"),
        ("x: !custom 3\n", "r.yaml:1:4: could not determine a constructor for the tag '!custom'"),
    ],
)
def test_errors_are_those_of_the_c_loader(text: str, message: str) -> None:
    """The messages PyYAML's C loader gave before (its marks have no snippet, so a syntax
    error's wording is libyaml's), naming the first bad value in PyYAML's order."""
    with pytest.raises(InputError) as fast:
        parse_record_yaml(text, Path("r.yaml"), fast=True)
    assert str(fast.value) == message


def _check_files(paths: list[Path]) -> int:
    for path in paths:
        _check(path.read_text(encoding="utf-8"))
    return len(paths)


def test_the_seed_and_the_gold_records() -> None:
    assert _check_files(sorted((DATA_DIR / "cases").glob("*.yaml"))) >= 1
    assert _check_files(sorted(CORPUS.glob("*.gold.yaml"))) == 49


def test_a_generated_corpus(tmp_path: Path) -> None:
    data = generator().generate(40, tmp_path / "corpus", seed=5, jobs=1)
    assert _check_files(sorted((Path(data) / "cases").glob("*.yaml"))) == 40
