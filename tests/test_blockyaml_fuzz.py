"""kg.record.blockyaml against PyYAML on generated documents: the same values, or the same error.

The line reader takes a subset of YAML and hands the rest to PyYAML. Hand-picked edges are in
``test_blockyaml.py``; here hypothesis writes documents in and around that subset -- block
mappings and sequences at varied indents, scalars that YAML resolves to other types (``yes``,
``~``, ``0o17``, ``1_000``, ``.nan``, dates and timestamps), quoted scalars with doubled
quotes and escapes, folded lines, flow sequences, comments, stray indicators -- and each must
read to exactly what ``yaml.load(..., CRecordLoader)`` gives, or fail with its error and
message. ``make test`` runs a fixed set of examples (derandomised); ``HYPOTHESIS_PROFILE=long``
with ``make fuzz`` runs more.
"""

from __future__ import annotations

from typing import Any

import yaml
from fuzzsettings import FUZZ
from hypothesis import given
from hypothesis import strategies as st
from test_blockyaml import _same

from kg.record.blockyaml import load_block
from kg.record.recordcheck import CRecordLoader

# Texts that the YAML 1.1 resolver reads as something other than a string, and their near misses.
TYPED = [
    "yes",
    "No",
    "ON",
    "off",
    "y",
    "n",
    "true",
    "False",
    "~",
    "null",
    "Null",
    "",
    "0",
    "-0",
    "+12",
    "0o17",
    "017",
    "0x1F",
    "0b101",
    "1_000",
    "1,000",
    "3.",
    ".5",
    "1e3",
    "1.5e-3",
    "6.8523015e+5",
    ".inf",
    "-.Inf",
    ".NaN",
    "190:20:30",
    "1:2",
    "2020-05-03",
    "2020-5-3",
    "2017-02-30",
    "2001-12-14t21:59:43.10-05:00",
    "2001-12-14 21:59:43.10",
    "2026-13-01",
    "12:30",
    "v1.0",
    "1.0.0",
]
WORDS = ["Ana", "Lee", "al-Amri", "Nguyễn Thị", "court", "art. 314/2", "p1", "O'Brien", "x"]
# Characters that make YAML read a line otherwise, to scatter into texts.
MARKS = list(":-#'\"[]{},&*!|>%@` ?\\") + [": ", " #", "- ", "''", '\\"', "\u00e9"]

# Mostly texts of the subset, with YAML's marks now and then, so that most documents are read
# by the line reader and some are handed over.
piece = st.one_of(
    st.sampled_from(TYPED + WORDS),
    st.sampled_from(TYPED + WORDS),
    st.lists(st.sampled_from(list("abcAZ019.-_/é")), min_size=1, max_size=8).map("".join),
    st.lists(st.sampled_from(list("abcAZ019 .-_/") + MARKS), max_size=8).map("".join),
)
plain = st.lists(piece, min_size=1, max_size=3).map(" ".join)


def _single(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _double(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


scalar = st.one_of(
    plain,
    plain,
    plain.map(_single),
    plain.map(_double),
    st.lists(st.sampled_from(WORDS[:5] + TYPED[:8]), max_size=3).map(
        lambda xs: "[" + ", ".join(xs) + "]"
    ),
    st.sampled_from(["[]", "{}", "{a: 1}", "[a, [b]]", "|\n  block\n", ">-\n  folded\n"]),
)
# Only what the line reader takes: plain words and typed texts, quoted ones without escapes,
# flow sequences of plain words.
clean_plain = st.lists(
    st.one_of(
        st.sampled_from(TYPED[1:] + WORDS),
        st.lists(st.sampled_from(list("abcAZ019.-_/é")), min_size=1, max_size=8).map("".join),
    ),
    min_size=1,
    max_size=3,
).map(" ".join)
clean_scalar = st.one_of(
    clean_plain,
    clean_plain,
    clean_plain.map(_single),
    clean_plain.filter(lambda t: '"' not in t and "\\" not in t).map(lambda t: f'"{t}"'),
    st.lists(st.sampled_from(["Ana", "court", "p1", "x", "yes", "1"]), max_size=3).map(
        lambda xs: "[" + ", ".join(xs) + "]"
    ),
)
key = st.sampled_from(["id", "name", "date", "roles", "a_b", "yes", "1", "on", "'q'", "k k"])
clean_key = st.sampled_from(["id", "name", "date", "roles", "a_b", "yes", "on", "n"])


def _lines(draw: Any, depth: int, indent: int, clean: bool) -> list[str]:
    """A block mapping or sequence at ``indent``, nested up to ``depth`` levels."""
    pad = " " * indent
    is_seq = draw(st.booleans())
    out: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        lead = f"{pad}- " if is_seq else f"{pad}{draw(clean_key if clean else key)}:"
        if depth > 0 and draw(st.integers(0, 3)) == 0:
            step = draw(st.sampled_from([0, 1, 2, 4])) if not is_seq else 2
            out.append(lead.rstrip() if not is_seq else f"{pad}-")
            out.extend(_lines(draw, depth - 1, indent + step, clean))
            continue
        value = draw(clean_scalar if clean else scalar)
        if draw(st.integers(0, 7)) == 0 and " " in value.strip("'\""):
            head, _, tail = value.partition(" ")  # a scalar folded over two lines
            value = f"{head}\n{pad}  {tail}"
        out.append(f"{lead} {value}" if not is_seq else f"{lead}{value}")
        if not clean and draw(st.integers(0, 15)) == 0:
            out.append(draw(st.sampled_from([f"{pad}# note", "", f"{pad}\t", f"{pad}  stray"])))
    return out


@st.composite
def documents(draw: Any, clean: bool = False) -> str:
    lines = _lines(draw, depth=draw(st.integers(0, 3)), indent=0, clean=clean)
    if clean:
        return "\n".join(lines) + "\n"
    return "\n".join(lines) + draw(st.sampled_from(["\n", "\n", "\n", "", "\n\n", "\r\n"]))


def _check(text: str) -> None:
    try:
        expected = yaml.load(text, Loader=CRecordLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as e:
        try:
            load_block(text, CRecordLoader)
        except yaml.YAMLError as found:
            assert type(found) is type(e) and str(found) == str(e), text
        else:
            raise AssertionError(f"read a document PyYAML refuses: {text!r}") from None
        return
    assert _same(load_block(text, CRecordLoader), expected), text


@FUZZ
@given(documents(clean=True))
def test_documents_of_the_subset_read_as_pyyaml_reads_them(text: str) -> None:
    _check(text)


@FUZZ
@given(documents())
def test_documents_around_the_subset_read_as_pyyaml_reads_them(text: str) -> None:
    _check(text)


@FUZZ
@given(st.lists(st.sampled_from(list("ab1 -:'\"#[]{},\n.~") + ["\n  ", ": ", "- "])).map("".join))
def test_any_text_of_yamls_marks_reads_as_pyyaml_reads_it(text: str) -> None:
    _check(text)


def test_the_fuzz_can_fail() -> None:
    """A reader that took a typed text for a string would be caught by ``_check``."""
    import pytest

    from kg.record import blockyaml

    real = blockyaml._Plain.__call__

    def as_string(self: Any, text: str) -> Any:
        return text

    blockyaml._Plain.__call__ = as_string  # type: ignore[method-assign]
    try:
        with pytest.raises(AssertionError):
            _check("a: yes\nb: 2020-05-03\n")
    finally:
        blockyaml._Plain.__call__ = real  # type: ignore[method-assign]
