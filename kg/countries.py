"""Country names to ISO 3166 codes and country IRIs.

pycountry carries the ISO 3166 names; appeals use the short names and demonyms people write
("Russia", "Turkey", "Kazakhstani"), so a small table of such aliases sits on top.
"""

from __future__ import annotations

from functools import cache

import pycountry
from rdflib import URIRef

from kg.vocab import AKR

# Short names in common use that ISO 3166 spells otherwise.
ALIASES: dict[str, str] = {
    "russia": "RU",
    "turkey": "TR",
    "iran": "IR",
    "syria": "SY",
    "south korea": "KR",
    "north korea": "KP",
    "vietnam": "VN",
    "laos": "LA",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "moldova": "MD",
    "united kingdom": "GB",
    "uk": "GB",
    "britain": "GB",
    "united states": "US",
    "usa": "US",
    "czech republic": "CZ",
    "democratic republic of the congo": "CD",
    "dr congo": "CD",
    "palestine": "PS",
    "ivory coast": "CI",
    "burma": "MM",
    "kyrgyzstan": "KG",
    "the philippines": "PH",
}

# Adjectives and demonyms that name a country ("Russian President", "Kazakhstani citizens").
DEMONYMS: dict[str, str] = {
    "russian": "RU",
    "kazakh": "KZ",
    "kazakhstani": "KZ",
    "belarusian": "BY",
    "azerbaijani": "AZ",
    "turkish": "TR",
    "egyptian": "EG",
    "chinese": "CN",
    "kenyan": "KE",
    "filipino": "PH",
    "philippine": "PH",
    "bangladeshi": "BD",
    "mexican": "MX",
    "nicaraguan": "NI",
    "colombian": "CO",
    "guatemalan": "GT",
    "honduran": "HN",
    "iranian": "IR",
    "uzbek": "UZ",
    "tajik": "TJ",
    "kyrgyz": "KG",
    "ukrainian": "UA",
    "georgian": "GE",
    "armenian": "AM",
    "indian": "IN",
    "pakistani": "PK",
    "saudi": "SA",
    "emirati": "AE",
    "bahraini": "BH",
    "syrian": "SY",
    "vietnamese": "VN",
    "cambodian": "KH",
    "thai": "TH",
    "burmese": "MM",
    "ugandan": "UG",
    "tanzanian": "TZ",
    "zimbabwean": "ZW",
    "brazilian": "BR",
    "peruvian": "PE",
    "venezuelan": "VE",
    "cuban": "CU",
}


@cache
def country_code(name: str | None) -> str | None:
    """ISO 3166-1 alpha-2 code for a country name, short name or demonym; None if unknown."""
    if not name:
        return None
    key = name.strip().lower()
    if key.startswith("the "):
        key = key[4:]
    if key in ALIASES:
        return ALIASES[key]
    if key in DEMONYMS:
        return DEMONYMS[key]
    try:
        return pycountry.countries.lookup(name.strip()).alpha_2
    except LookupError:
        return None


def country_iri(code: str) -> URIRef:
    """The reference IRI of a country: ``akr:country/<alpha-2>``."""
    return AKR[f"country/{code.upper()}"]


def country_label(code: str) -> str:
    """The common English name of a country."""
    c = pycountry.countries.get(alpha_2=code.upper())
    if c is None:
        return code
    return getattr(c, "common_name", None) or c.name
