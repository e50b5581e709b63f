"""Layout: appeal date and title wherever an issuer's layout puts them; dates in every form."""

from __future__ import annotations

import pytest

from kg.extract.dates import DATE_RE, absolute
from kg.extract.layout import find_countries, find_main_country, read_header
from kg.extract.pipeline import extract_case
from kg.extract.text import make_doc


def header(text: str) -> tuple[str | None, str | None]:
    h = read_header(make_doc(text))
    return (h["date"].isoformat() if h["date"] else None), h["title"]


@pytest.mark.parametrize(
    ("text", "date", "title"),
    [
        # banner, headline in capitals, the date in a form line at the end
        (
            "URGENT ACTION\n\nPOET HELD FOR WRITING A SONG\n\nThe poet Ana Lee was arrested.\n\n"
            "UA number: UA 1/24   Index: XYZ 1/2024   Zembla   Date: 14 March 2024\n",
            "2024-03-14",
            "POET HELD FOR WRITING A SONG",
        ),
        # a dateline opening the lead, month first
        (
            "Zembla poet held over song; colleague must be freed\n\n"
            "Capital City, March 3, 2021—Zembla authorities should release poet Ana Lee.\n",
            "2021-03-03",
            "Zembla poet held over song; colleague must be freed",
        ),
        # an updated case sheet: the last update dates it; form labels are no title
        (
            "Poets Portal | Case sheet\nCase update\n\nZembla: Poet Ana Lee convicted\n\n"
            "Initial Date: Feb 7, 2020\nLast Updated: Feb 16, 2024\nLocation: Capital City\n",
            "2024-02-16",
            "Zembla: Poet Ana Lee convicted",
        ),
        # a reference line and a numbered header, place in brackets, honorifics in the title
        (
            "ZMB 001 / 0124 / OBS 7\nNorth Isle (Zembla): Trial of Dr. Ana Lee and Mr. Bo Kim\n"
            "postponed\n\nPaper City, 18 August 2017\n\nThe Network has been informed.\n",
            "2017-08-18",
            "North Isle (Zembla): Trial of Dr. Ana Lee and Mr. Bo Kim postponed",
        ),
        # a posted-on line with slashes; a separator title needs a real country
        (
            "Burundi | Court confirms sentence of poet Ana Lee\nposted on: 2019/07/25\n\n"
            "On 17 July 2019 the court confirmed the sentence.\n",
            "2019-07-25",
            "Burundi | Court confirms sentence of poet Ana Lee",
        ),
        # a web page's "Posted on" line, day first with dots, no colon
        (
            "Zembla: Poet Ana Lee held in night raid\n\nPosted on 01.12.2023\n\n"
            "On the night of 11 to 12 November 2023, police raided her home.\n",
            "2023-12-01",
            "Zembla: Poet Ana Lee held in night raid",
        ),
        (
            "Zembla: Poet Ana Lee held in night raid\n\nPublished on 1 December 2023\n\n"
            "On 12 November 2023, police raided her home.\n",
            "2023-12-01",
            "Zembla: Poet Ana Lee held in night raid",
        ),
        # a letter with no heading: no title here (the pipeline falls back to the first line)
        (
            "Mandates of the Special Rapporteur\n\nRef.: AL ZMB 2/2022\n(Please use this "
            "reference in your reply)\n\n4 March 2022\n\nExcellency,\n",
            "2022-03-04",
            None,
        ),
    ],
)
def test_date_and_title_in_several_layouts(text: str, date: str, title: str | None) -> None:
    assert header(text) == (date, title)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("on 31.10.2022 the court", (2022, 10, 31)),
        ("Jul 25, 2019", (2019, 7, 25)),
        ("25 Sept. 2020", (2020, 9, 25)),
        ("the 3rd of May 2021", (2021, 5, 3)),
        ("2008/10/27", (2008, 10, 27)),
        ("2023-09-20", (2023, 9, 20)),
        ("on 03/04/2021 he", (2021, 4, 3)),  # day first by default
        ("On March 1, 2021, then on 03/04/2021", (2021, 3, 4)),  # month first by context
        ("31.02.2022", None),  # no such day
    ],
)
def test_date_forms(text: str, value: tuple[int, int, int] | None) -> None:
    got = [absolute(m, None) for m in DATE_RE.finditer(text)]
    assert got[-1] == value


def test_a_first_name_like_jan_is_no_month() -> None:
    assert [m.group() for m in DATE_RE.finditer("Jan Novak spoke in 2020")] == ["in 2020"]


def test_a_special_administrative_region_counts_as_its_state() -> None:
    from kg.extract import extract_case

    text = (
        "Hong Kong: Publisher Ana Lee jailed\n\nOn 3 May 2021, police in Hong Kong arrested the "
        "publisher Ana Lee under the National Security Law. A Hong Kong court denied her bail.\n"
    )
    record = extract_case(text, appeal_id="t")
    assert record["appeal"]["countries"] == ["China"]


@pytest.mark.parametrize(
    ("title", "main"),
    [
        ("Ruritania: Lawyer Ana Lee detained", "Ruritania"),
        ("Zenda Valley (Ruritania): Lawyers Ana Lee and Bo Ek disbarred", "Ruritania"),
        # a bracket that names no country, or no bracket: the country most named
        ("Zenda Valley (North): Lawyer Ana Lee detained", "Georgia"),
        ("Zenda Valley: Lawyer Ana Lee detained", "Georgia"),
    ],
)
def test_main_country_from_a_title_naming_a_place_in_its_country(title: str, main: str) -> None:
    """A title "Place (Country): ..." names the country of the appeal, before the country the
    text names most (here Georgia, named where a relative lives)."""
    from kg.extract import layout

    countries = {*layout.COUNTRIES, "Ruritania"}
    text = f"{title}\n\nAna Lee, whose family lives in Georgia and in Georgia, was detained."
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(layout, "COUNTRIES", countries)
        doc = make_doc(text)
        got = find_main_country(doc, title)
        assert got == main
        assert find_countries(doc, got)[0] == main


def test_a_date_opening_the_text_before_a_dash_dates_the_appeal_not_its_events() -> None:
    lead = (
        "Zembla PEN\n\nZembla: Writer sentenced\n\n"
        "14 October 2025 – Zembla PEN condemns the five-year prison sentence handed down to the "
        "writer Ana Lee by the Ostrava City Court on 9 October 2025.\n"
    )
    rec = extract_case(lead, appeal_id="t")
    assert [(e["type"], e["date"]) for e in rec["events"]] == [("sentence", "2025-10-09")]
    assert rec["appeal"]["date"] == "2025-10-14"
    # with a place in brackets, as some issuers write it
    rec = extract_case(
        lead.replace("14 October 2025 –", "(Ostrava, 14 October 2025) –"), appeal_id="t"
    )
    assert [(e["type"], e["date"]) for e in rec["events"]] == [("sentence", "2025-10-09")]
    # a later date opening its line before a dash is a chronology's entry: an event's day
    chronology = lead + "\n3 March 2025 – Police arrested Ana Lee at her home.\n"
    rec = extract_case(chronology, appeal_id="t")
    assert ("arrest", "2025-03-03") in [(e["type"], e["date"]) for e in rec["events"]]


def test_an_update_lead_dated_after_the_appeal_tells_steps_up_to_its_own_day() -> None:
    original = (
        "Zembla: Writer Ana Lee jailed\n\nZembla PEN\n\n{update}"
        "Ostrava, 11 February 2026 — The authorities should release the writer Ana Lee, who was "
        "arrested on 5 February 2026.\n"
    )
    update = (
        "Update, 17 June 2026: At the first hearing on 16 June, the Ostrava City Court ordered "
        "the release of Ana Lee and barred her from leaving the country. The original text "
        "of this appeal follows.\n\n"
    )
    rec = extract_case(original.format(update=update), appeal_id="t")
    got = {(e["type"], e["date"]) for e in rec["events"]}
    assert {("release", "2026-06-16"), ("travel_ban", "2026-06-16")} <= got
    assert ("arrest", "2026-02-05") in got
    # the appeal keeps its own date
    assert rec["appeal"]["date"] == "2026-02-11"
    # without the update's date the steps after the appeal's day are no events of it
    rec = extract_case(
        original.format(update=update.replace("Update, 17 June 2026: ", "")), appeal_id="t"
    )
    got = {(e["type"], e["date"]) for e in rec["events"]}
    assert ("release", "2026-06-16") not in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a field's label opening the next line ends the name on the line before
        (
            "Vela: Ana Lee on trial\n\nPerpetrators: Vela District Prosecutor’s Office; Vela "
            "District Court\nLocation: Vela, Zembla\n\nAna Lee was charged on 3 May 2024.\n",
            {"Vela District Prosecutor’s Office", "Vela District Court"},
        ),
        # columns of a form line set apart by spaces: a state's name is no body's
        (
            "URGENT ACTION\n\nPOET HELD\n\nThe Vela Writers' Union said police arrested the "
            "poet Ana Lee.\n\nUA number: UA 1/24   Index: XYZ 1/2024   Russian Federation   "
            "Date: 14 March 2024\n",
            {"Vela Writers' Union", "police"},
        ),
        # near miss: a name wrapped onto the next line runs on ("Court of\nAppeal")
        (
            "Vela: Ana Lee on trial\n\nOn 3 May 2024, the Vela Court of Appeal upheld the sentence "
            "against the poet Ana Lee, which the\nVela District Court had passed in March.\n",
            {"Vela Court of Appeal", "Vela District Court"},
        ),
    ],
)
def test_a_label_or_a_column_gap_ends_a_name(text: str, expected: set[str]) -> None:
    record = extract_case(text, appeal_id="t-layout-run")
    assert {o["name"] for o in record["organisations"]} == expected


PAGED = """3 May 2024

Zembla: Poet held

On 2 May 2024, officers of the Vela Police arrested the poet Ana Lee at her home. On
3 May 2024, the Vela District Court placed her in pre-trial detention for two
Page 2 of 3
months on charges of "insulting the state".

We call on the authorities of Zembla to:
1. Release Ana Lee immediately and unconditionally;
- 3 -
2. Drop all charges against her;
3. Guarantee that she is not ill-treated in custody.
"""


def _spans(node: object) -> list[dict]:
    if isinstance(node, dict):
        own = [node] if {"quote", "start", "end"} <= node.keys() else []
        return own + [s for v in node.values() for s in _spans(v)]
    if isinstance(node, list):
        return [s for v in node for s in _spans(v)]
    return []


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_page_numbers_on_lines_of_their_own_are_read_past(newline: str) -> None:
    text = PAGED.replace("\n", newline)
    rec = extract_case(text, appeal_id="t")
    plain = extract_case(PAGED.replace("Page 2 of 3\n", "").replace("- 3 -\n", ""), appeal_id="t")
    assert len(rec["demands"]) == len(plain["demands"]) == 3
    got = {(e["type"], e["date"]) for e in rec["events"]}
    assert got == {(e["type"], e["date"]) for e in plain["events"]}
    assert ("detention", "2024-05-03") in got
    spans = _spans(rec)
    assert spans and all(text[s["start"] : s["end"]] == s["quote"] for s in spans)
    # the detention's sentence runs across the page line, which its quote keeps
    held = next(e for e in rec["events"] if e["type"] == "detention")
    assert "Page 2 of 3" in held["evidence"][0]["quote"]
    assert not any(s["quote"].startswith(("Page", "- 3")) for s in spans)
