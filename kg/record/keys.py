"""Item keys: the stored identifier from which an item's IRI is minted.

A local id (``p2``, ``e5``) only names an item inside one record, and a curator renumbers them
freely. An IRI that is published must not move when that happens, so every item of a record
carries a ``key``: 16 lower-case hex digits (64 bits), written into the record once and never
changed or reused afterwards, the way zavod and Wikidata keep an entity's id apart from its
label. The IRI is ``akr:<kind>/<prefix>-<key>`` (``akr:person/p-3f9c0a7e51d2b846``).

- ``kg mint`` (and ``kg anchor``) write a random key into every item of a curated record that
  lacks one, checked against every key already used under ``data/``;
- ``kg extract`` gives each drafted item a key derived from the appeal text's hash and what the
  item is (its section, first evidence offsets and name), so a draft is reproducible;
- ``kg build`` never writes: an item without a key gets a provisional IRI from the appeal id and
  its local id (stable across builds, not across renumbering), and two items with one key are an
  error naming both places.

``docs/identifiers.md`` explains the scheme.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Iterable, Iterator
from typing import Any

from kg.errors import DataError

KEY_HEX = 16  # 64 bits: a random collision among 10^7 keys has odds of about 3 in a million
KEY_PATTERN = re.compile(r"[0-9a-f]{16,32}")

# Sections whose items get a key (each a list of mappings); positions sit inside persons.
KEYED_SECTIONS = (
    "persons",
    "organisations",
    "places",
    "instruments",
    "events",
    "statements",
    "charges",
    "arrangements",
    "proceedings",
    "rights",
    "demands",
)


def derived_key(*parts: str) -> str:
    """A key computed from content: the first 64 bits of a SHA-256 of the parts."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:KEY_HEX]


def new_key(taken: set[str]) -> str:
    """A random key not in ``taken`` (and added to it)."""
    while True:
        key = secrets.token_hex(KEY_HEX // 2)
        if key not in taken:
            taken.add(key)
            return key


def keyed_items(record: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every item of a record that takes a key, with where it sits (``persons[2]``,
    ``persons[2].positions[1]``), in record order."""
    for section, n, m, item in _located_items(record):
        yield _where(record, section, n, m), item


def _located_items(
    record: dict[str, Any],
) -> Iterator[tuple[str, int, int | None, dict[str, Any]]]:
    """:func:`keyed_items` without the text of where each item sits: its section, its place
    there and, for a position, its place in the person's list (None for the section's own
    items). Most callers need that text only for an item with a key, or for a key that clashes:
    it is made by :func:`_where` when needed, not for every item of every record."""
    for section in KEYED_SECTIONS:
        items = record.get(section)
        if not isinstance(items, list):
            continue
        for n, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            yield section, n, None, item
            if section == "persons":
                for m, pos in enumerate(item.get("positions") or []):
                    if isinstance(pos, dict):
                        yield section, n, m, pos


def _where(record: dict[str, Any], section: str, n: int, m: int | None) -> str:
    """Where the item :func:`_located_items` gave as ``section, n, m`` sits, as
    :func:`keyed_items` names it."""
    item = record[section][n]
    where = f"{section}[{n}]" if not item.get("id") else f"{section} {item['id']}"
    return where if m is None else f"{where} position {m + 1}"


def check_key(value: Any, where: str) -> str:
    """A stored key, or a DataError naming where it sits."""
    key = str(value).strip()
    if not KEY_PATTERN.fullmatch(key):
        raise DataError(f"{where}: key '{value}' is not 16 to 32 lower-case hex digits")
    return key


def record_keys(record: dict[str, Any], origin: str = "<record>") -> dict[str, str]:
    """key -> where it sits, for every stored key of a record; a key used twice is an error."""
    out: dict[str, str] = {}
    for section, n, m, item in _located_items(record):
        if item.get("key") is None:
            continue
        where = _where(record, section, n, m)
        key = check_key(item["key"], f"{origin}: {where}")
        if key in out:
            raise DataError(f"{origin}: key {key} is used twice ({out[key]} and {where})")
        out[key] = where
    return out


def check_unique_keys(records: Iterable[tuple[str, dict[str, Any]]]) -> None:
    """Refuse a key used in two records (a copied record would merge unrelated nodes)."""
    seen: dict[str, str] = {}
    for origin, record in records:
        for key, where in record_keys(record, origin).items():
            if key in seen:
                raise DataError(
                    f"{origin}: {where}: key {key} is already used by {seen[key]}; "
                    "give this item a new key (delete the line and run 'kg mint')"
                )
            seen[key] = f"{origin}: {where}"


def _with_key(item: dict[str, Any], key: str) -> None:
    """Put ``key`` right after ``id`` (or first), keeping the order of the other keys."""
    if "key" not in item:  # a new item: built in C (a key given twice keeps its first place)
        first = {"id": item["id"], "key": key, **item} if "id" in item else {"key": key, **item}
        item.clear()
        item.update(first)
        return
    rest = {k: v for k, v in item.items() if k != "key"}
    item.clear()
    if "id" in rest:
        item["id"] = rest.pop("id")
    item["key"] = key
    item.update(rest)


def mint_keys(
    record: dict[str, Any], taken: set[str] | None = None, *, derive_from: str | None = None
) -> int:
    """Give every item of ``record`` that has no key one, in place; returns how many.

    Random keys, unique against ``taken`` (which grows), unless ``derive_from`` is given: then
    each key derives from it and from what the item is, so the same input gives the same keys.
    """
    taken = set() if taken is None else taken
    taken.update(record_keys(record))
    minted = 0
    for section, n, m, item in _located_items(record):
        if item.get("key"):
            continue
        if derive_from is None:
            key = new_key(taken)
        else:
            signature = _signature(item)
            key = derived_key(derive_from, section, signature)
            if key in taken:  # two items alike in every respect: number them
                where = _where(record, section, n, m)
                k = 0
                while key in taken:
                    k += 1
                    key = derived_key(derive_from, where, signature, str(k))
            taken.add(key)
        _with_key(item, key)
        minted += 1
    return minted


def _signature(item: dict[str, Any]) -> str:
    """What an extracted item is, without its local id: first evidence offsets, then names."""
    evidence = item.get("evidence") or []
    first = evidence[0] if evidence and isinstance(evidence[0], dict) else {}
    parts = [
        f"{first.get('start')}-{first.get('end')}",
        str(item.get("type") or item.get("kind") or ""),
        str(item.get("name") or item.get("title") or item.get("summary") or ""),
        str(item.get("date") or ""),
    ]
    return "\x1e".join(parts)


__all__ = [
    "KEY_HEX",
    "check_key",
    "check_unique_keys",
    "derived_key",
    "keyed_items",
    "mint_keys",
    "new_key",
    "record_keys",
]
