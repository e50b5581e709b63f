"""The scale targets' table at the top of ``bench/README.md``: one short row per target of the
scale issue, each link to a heading of the file, each results file it names on disk, and each
row's earlier figures kept in "History of the targets".

Section titles are linked by their GitHub anchors (lower case, punctuation dropped, each space a
hyphen, ``-1``, ``-2`` for a repeated title), so a renamed section breaks its link here first."""

from __future__ import annotations

import re
import unicodedata
from itertools import product
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
README = BENCH / "README.md"
TABLE_SECTION = "## Where the scale targets stand"
HISTORY = "History of the targets"
# The targets of the scale issue ("Deliver" 7), in the table's order.
TARGETS = [
    "full build ≤ 20 min",
    "full build ≤ 1.5× Oxigraph's bulk load of the same quads",
    "full build ≤ 1.5× Virtuoso's load",
    "no-op rebuild ≤ 5 s",
    "rebuild after a 1% change ≤ 15 s",
    "full validation ≤ 20 min",
    "validation ≥ 25× faster than whole-graph pyshacl where that can be measured",
    "incremental validation after 1% ≤ 15 s",
    "every question ≤ 100 ms bound",
    "every question ≤ 1 s corpus-wide",
    "every question ≤ 2× Virtuoso",
    "N-Quads export ≥ 1M triples/s",
    "Turtle export ≥ 15× rdflib's",
    "triples per appeal halved",
    "peak memory ≤ 4 GB in every step",
    "no step grows faster than N^1.1 from 10,000 to 100,000",
]
# A cell's raw text, links included; the cells before the rewrite held up to 8,177 characters.
CELL_LIMIT = 700


def heading_titles(text: str) -> list[str]:
    """Titles of the Markdown headings, outside fenced code blocks."""
    titles, fenced = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and (m := re.match(r"#{1,6} (.*)", line)):
            titles.append(m.group(1).strip())
    return titles


def anchor_of(title: str) -> str:
    kept = "".join(c for c in title.lower() if unicodedata.category(c)[0] in "LNM" or c in " -_")
    return kept.replace(" ", "-")


def anchors(text: str) -> set[str]:
    seen: dict[str, int] = {}
    out = set()
    for title in heading_titles(text):
        slug = anchor_of(title)
        if slug in seen:
            seen[slug] += 1
            slug = f"{slug}-{seen[slug]}"
        else:
            seen[slug] = 0
        out.add(slug)
    return out


def top_part(text: str) -> str:
    """The table's section up to its first subsection after "How to read these figures"."""
    lines = text.splitlines()
    start = lines.index(TABLE_SECTION)
    read = next(i for i in range(start, len(lines)) if lines[i].startswith("### How to read"))
    end = next(
        (i for i in range(read + 1, len(lines)) if lines[i].startswith("#")),
        len(lines),
    )
    return "\n".join(lines[start:end])


def table_rows(text: str) -> list[list[str]]:
    lines = top_part(text).splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("| target"))
    rows = []
    for line in lines[head + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip().strip("|").split(" | ")])
    return rows


def broken_links(text: str) -> list[str]:
    known = anchors(text)
    return [a for a in re.findall(r"\]\(#([^)]*)\)", top_part(text)) if a not in known]


def expand_braces(name: str) -> list[str]:
    parts = re.split(r"\{([^}]*)\}", name)
    choices = [[p] if i % 2 == 0 else p.split(",") for i, p in enumerate(parts)]
    return ["".join(c) for c in product(*choices)]


def missing_results(text: str, bench: Path) -> list[str]:
    names = re.findall(r"results/[^`\s)]+\.json", top_part(text))
    return [n for name in names for n in expand_braces(name) if not (bench / n).exists()]


@pytest.fixture(scope="module")
def text() -> str:
    return README.read_text(encoding="utf-8")


def test_one_row_per_target_in_order(text: str) -> None:
    assert [row[0] for row in table_rows(text)] == TARGETS


def test_rows_are_short_and_have_a_status_and_a_link(text: str) -> None:
    for row in table_rows(text):
        assert len(row) == 4, row[0]
        assert all(len(cell) <= CELL_LIMIT for cell in row), (row[0], [len(c) for c in row])
        assert re.match(r"(met|not met|not shown)\b", row[2]), (row[0], row[2])
        assert "](#" in row[3], row[0]


def test_every_link_is_a_heading(text: str) -> None:
    assert broken_links(text) == []


def test_every_results_file_exists(text: str) -> None:
    assert missing_results(text, BENCH) == []


def test_every_target_has_its_history(text: str) -> None:
    titles = heading_titles(text)
    history = titles.index(HISTORY)
    assert titles[history + 1 : history + 1 + len(TARGETS)] == TARGETS


def test_anchor_of_follows_github() -> None:
    assert anchor_of("full build ≤ 20 min") == "full-build--20-min"
    assert anchor_of("30,000 appeals on 38c5554 (`results/x.json`)") == (
        "30000-appeals-on-38c5554-resultsxjson"
    )
    assert anchors("# A\n## A\n```\n# A\n```\n### A") == {"a", "a-1", "a-2"}


BROKEN = f"""# Benchmarks

{TABLE_SECTION}

| target | latest figure | status | command in |
|---|---|---|---|
| t | 1 s (`results/there.json`, `results/{{there,gone}}.json`) | met | [s](#some-section) |

### How to read these figures

[Part](#other-part)

## Some section
"""


def test_checks_catch_a_missing_heading_and_results_file(tmp_path: Path) -> None:
    (tmp_path / "results").mkdir()
    (tmp_path / "results" / "there.json").write_text("{}")
    assert broken_links(BROKEN) == ["other-part"]
    assert missing_results(BROKEN, tmp_path) == ["results/gone.json"]
    assert table_rows(BROKEN)[0][0] == "t"
