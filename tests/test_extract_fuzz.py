"""No crash on any input: mutated appeals, random bytes, a 10 MB text, pathological lines.

Every output must still be a record whose evidence quotes equal the text at their offsets and
whose ids are unique. The mutations are seeded, so a failure is reproducible.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from kg.extract import dump_record, extract_case
from kg.extract.evaluate import select_cases
from kg.extract.pipeline import READ_LIMIT

CORPUS = Path(__file__).parents[2] / "shared" / "corpus"
ODD = "\x00\r\t\u200b\u202e\u0301\ufeff\U0001f600ĞİıßÆ—–“”’«»€\\$^()[]{}|*+?."


def spans(node: Any) -> Iterator[dict[str, Any]]:
    """Every evidence span anywhere in a record."""
    if isinstance(node, dict):
        if {"quote", "start", "end"} <= node.keys():
            yield node
        for value in node.values():
            yield from spans(value)
    elif isinstance(node, list):
        for value in node:
            yield from spans(value)


def check(text: str, name: str) -> dict[str, Any]:
    rec = extract_case(text, appeal_id=name, source=f"{name}.txt")
    for ev in spans(rec):
        assert text[ev["start"] : ev["end"]] == ev["quote"], (name, ev)
    ids = [x["id"] for k in ("persons", "organisations", "places", "instruments", "events")
           for x in rec[k]]  # fmt: skip
    ids += [p["id"] for i in rec["instruments"] for p in i["provisions"]]
    assert len(ids) == len(set(ids)), name
    assert rec["appeal"]["access"] == "restricted"
    return rec


def mutate(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 6)):
        n = len(text)
        a = rng.randrange(n + 1)
        b = min(n, a + rng.randint(0, 400))
        op = rng.randrange(8)
        if op == 0:
            text = text[:a] + text[b:]  # delete
        elif op == 1:
            text = text[:b] + text[a:b] * rng.randint(2, 5) + text[b:]  # repeat
        elif op == 2:
            noise = "".join(rng.choice(ODD) for _ in range(rng.randint(1, 30)))
            text = text[:a] + noise + text[a:]
        elif op == 3:
            text = text[:a] + text[a:b].upper() + text[b:]
        elif op == 4:
            text = text.replace("\n", " ")
        elif op == 5:
            text = text.replace(" ", "\n", rng.randint(1, 200))
        elif op == 6:
            lines = text.split("\n")
            rng.shuffle(lines)
            text = "\n".join(lines)
        else:
            text = text[: rng.randrange(n + 1)]
    return text


@pytest.fixture(scope="module")
def seeds() -> list[tuple[str, str]]:
    if not CORPUS.is_dir():
        pytest.skip(f"development corpus not found at {CORPUS}")
    names = select_cases(CORPUS, "dev")[::6]
    return [(n, (CORPUS / f"{n}.txt").read_text(encoding="utf-8")) for n in names]


def test_mutated_appeals(seeds: list[tuple[str, str]]) -> None:
    rng = random.Random(20260)
    for name, text in seeds:
        for i in range(6):
            rec = check(mutate(text, rng), f"{name}-m{i}")
            yaml.safe_load(dump_record(rec))


def test_random_bytes_and_odd_characters() -> None:
    rng = random.Random(7)
    for i in range(20):
        raw = bytes(rng.randrange(256) for _ in range(rng.randint(0, 3000)))
        check(raw.decode("latin-1"), f"bytes-{i}")
        check(raw.decode("utf-8", "replace"), f"utf8-{i}")
    check("".join(rng.choice(ODD) for _ in range(5000)), "odd")
    check("\ud800 lone surrogate On 3 May 2020 police arrested Mr Ann Bell.", "surrogate")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n" * 10_000,
        "A" * 200_000,
        "Article 1, " * 20_000,
        "On 3 May 2020, " * 10_000,
        "Mr Ivan Petrov of the Borduria Court of Appeal and " * 5_000,
        "1. Release him;\n" * 10_000,
        "(" * 50_000 + ")" * 50_000,
        "“" * 20_000,
        # a ministry's portfolios run to the text's end: no token after the last one
        "Letters to the Ministry of Justice, Public Security",
    ],
    ids=[
        "empty",
        "newlines",
        "one-word",
        "articles",
        "dates",
        "names",
        "items",
        "brackets",
        "quotes",
        "portfolios-at-end",
    ],  # fmt: skip
)
def test_pathological_texts(text: str) -> None:
    check(text, "odd")


def test_ten_megabyte_text_is_read_in_part_with_exact_offsets(
    seeds: list[tuple[str, str]],
) -> None:
    _, text = seeds[0]
    big = (text + "\n\n") * (10_000_000 // (len(text) + 2) + 1)
    assert len(big) >= 10_000_000
    rec = check(big, "big")
    assert READ_LIMIT // 2 <= rec["extraction"]["read_chars"] <= READ_LIMIT
    assert rec["persons"] and rec["events"]
    assert all(ev["end"] <= READ_LIMIT for ev in spans(rec))


#: An invented appeal: its title, its date and the blank lines between its parts are read by
#: line, so a CRLF copy of it is a fair test of line ends.
INVENTED = (
    "Zembla: Poet Ana Lee detained for a song\n"
    "\n"
    "4 March 2024\n"
    "\n"
    "On 1 March 2024, police officers arrested the poet and human rights defender Ana Lee at her\n"
    "home in Capital City. She was charged under Article 12 of the Criminal Code.\n"
    "\n"
    "Her lawyer, Omar Vale, was not allowed to see her.\n"
    "\n"
    "We urge the authorities of Zembla to:\n"
    "1. Release Ana Lee immediately and unconditionally;\n"
    "2. Guarantee that Omar Vale can meet his client.\n"
)


def without_offsets(node: Any) -> Any:
    if isinstance(node, dict):
        drop = {"quote", "start", "end", "time", "sha256", "input_sha256", "key"}
        return {k: without_offsets(v) for k, v in node.items() if k not in drop}
    if isinstance(node, list):
        return [without_offsets(v) for v in node]
    return node


@pytest.mark.parametrize("line_end", ["\r\n", "\r"])
def test_line_ends_change_offsets_only(line_end: str) -> None:
    plain = check(INVENTED, "lf")
    text = INVENTED.replace("\n", line_end)
    other = check(text, "lf")  # quotes equal the CRLF text at their offsets
    assert other["appeal"]["title"] == "Zembla: Poet Ana Lee detained for a song"
    assert other["appeal"]["date"] == "2024-03-04"
    assert without_offsets(other) == without_offsets(plain)
    assert [p["name"] for p in other["persons"]] == ["Ana Lee", "Omar Vale"]
    # a quote that spans a line end keeps the CR the text has there
    wrapped = [ev["quote"] for ev in spans(other) if line_end in ev["quote"]]
    shifted = [ev["start"] for ev in spans(other)] != [ev["start"] for ev in spans(plain)]
    assert shifted == (line_end == "\r\n")
    assert all(q.replace(line_end, "\n") in INVENTED for q in wrapped)
