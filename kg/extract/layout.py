"""Layout: the parts of an appeal around the narrative: header and date line, title, issuer,
main country.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from kg.extract.dates import DATE_RE, absolute
from kg.extract.entities import COUNTRY_RE, Entities
from kg.extract.lexicon import COUNTRIES
from kg.extract.text import Doc, clean

# ---------------------------------------------------------------- header


# A header line that is only a numeric date, maybe labelled: "Date: 20/09/2023", "2023-09-20".
NUMERIC_HEADER_DATE = re.compile(
    r"(?:(?:Date|Dated|Issued|Published)\s*:\s*)?"
    r"(?:(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    r"|(?P<a>\d{1,2})[./](?P<b>\d{1,2})[./](?P<y>\d{4}))",
    re.I,
)


def _numeric_date(m: re.Match[str]) -> date | None:
    """ISO dates as they are; D/M/Y unless the first number cannot be a day-of-month reading
    of a month (second > 12 means M/D/Y). Both <= 12 reads day first, as most issuers outside
    the United States write."""
    try:
        if m.group("iy"):
            return date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        return date(y, a, b) if b > 12 else date(y, b, a)
    except ValueError:
        return None


def read_header(doc: Doc) -> dict[str, Any]:
    """Appeal date and title from the first lines: a dated line, then ``Country: ...``."""
    lines = []
    pos = 0
    for line in doc.text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    appeal_date, title, title_span = None, None, None
    for start, line in lines[:25]:
        stripped = line.strip()
        if not stripped:
            continue
        numeric = NUMERIC_HEADER_DATE.fullmatch(stripped)
        if appeal_date is None and numeric:
            appeal_date = _numeric_date(numeric)
            if appeal_date is not None:
                continue
        m = DATE_RE.fullmatch(stripped)
        if appeal_date is None and m and (m.group("y1") or m.group("y2")):
            value = absolute(m, None)
            if value:
                appeal_date = date(*value)  # type: ignore[arg-type]
            continue
        if title is None and re.match(
            r"^(?:UPDATE\s*[–-]\s*)?[A-Z][\w .’'-]{2,40}:\s+\S", stripped
        ):
            title = clean(stripped)
            off = start + line.index(stripped)
            title_span = (off, off + len(stripped))
    if appeal_date is None:
        for m in DATE_RE.finditer(doc.flat[:300]):
            value = absolute(m, None)
            if value and value[2] and (m.group("y1") or m.group("y2")):
                appeal_date = date(*value)  # type: ignore[arg-type]
                break
    return {"date": appeal_date, "title": title, "title_span": title_span}


# ---------------------------------------------------------------- assembly

ISSUER_RE = re.compile(
    r"(?P<o>[A-Z][\w’' ]{2,80}?) (?:urges|calls on|call on|welcomes|believes|considers|is deeply"
    r" concerned|asks for your urgent action)"
)


def find_main_country(doc: Doc, title: str | None) -> str | None:
    if title:
        m = re.match(r"(?:UPDATE\s*[–-]\s*)?(?P<c>[^:]+):", title)
        if m and m.group("c").strip() in COUNTRIES:
            return m.group("c").strip()
    counts: dict[str, int] = {}
    for m in COUNTRY_RE.finditer(doc.flat):
        counts[m.group()] = counts.get(m.group(), 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


def find_issuer(doc: Doc, ents: Entities) -> str | None:
    for m in ISSUER_RE.finditer(doc.flat):
        name = re.sub(r"^(?:The|the)\s+", "", m.group("o").strip())
        org = ents.find("organisation", name)
        if org:
            return org.name
    m = re.search(r"Mandates? of (?:the )?(?P<m>[^\n]+(?:\n[^\n]+)?)", doc.text[:400])
    return clean(m.group("m")) if m else None
