"""Read a case record's YAML safely and check its shape before anything uses it.

A record is typed by hand. A value of the wrong kind (``persons: 42``, an evidence entry that is
a string) or a date YAML cannot build (``date: 2017-13-45``) must give one line naming the file
and the line, not a traceback from deep inside the graph builder.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from kg.errors import DataError, InputError
from kg.record.blockyaml import load_block
from kg.record.fastyaml import remembering_resolver

#: Top-level sections: each a list of mappings.
SECTIONS = (
    "persons",
    "organisations",
    "places",
    "instruments",
    "arrangements",
    "statements",
    "charges",
    "events",
    "rights",
    "demands",
    "proceedings",
)
#: Keys whose value, inside an entry of a section (None: any), is a list of mappings.
NESTED_LISTS = {"evidence": None, "positions": "persons", "provisions": "instruments"}
#: Keys the graph builder reads as a plain value or a list of plain values, wherever they are
#: (``provisions`` and ``charges`` too, outside the sections where they hold entries).
PLAIN = frozenset(
    """about access addressed_to addressees administered_by agents alleges appealable
    applicable_law article asserted_by author authority canonical_article canonical_label
    canonical_name charges citizens_of concerns confidence countries country date eli end final
    follows founded function gender ground guaranteed_by holder id instrument introduced_by iri
    issuer issuer_ref jurisdiction key kind label max_penalty medium merged_variants name
    nationality note notified_on occasion offence organisation part_of parties penalty person
    place post proceeding provision provisions quote replaces represents roles scheduled source
    sovereign start statements status status_of_citizens summary supersedes targets territory time
    title type until variants violated_by""".split()
)
#: Keys whose value is a mapping.
MAPPINGS = ("appeal", "case", "extraction")
SCALARS = (str, int, float, bool, dt.date, type(None))


class RecordLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` whose dates that cannot exist become an error naming the line."""


def _timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)  # type: ignore[arg-type]
    except ValueError as e:
        raise yaml.constructor.ConstructorError(
            None, None, f"'{node.value}' is not a date ({e})", node.start_mark
        ) from None


RecordLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


class CRecordLoader(yaml.CSafeLoader):
    """PyYAML's C loader with the same date check, for builds that read many records."""


CRecordLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
remembering_resolver(CRecordLoader)


def parse_record_yaml(raw: str, path: Path, *, fast: bool = False) -> Any:
    """YAML text to Python values; errors name ``path:line:column``. ``fast`` parses with
    :func:`kg.record.blockyaml.load_block`, a line at a time where the record is in the block
    subset records are written in, else with PyYAML's C loader and
    :func:`kg.record.fastyaml.load_fast` (same values, same errors)."""
    try:
        if fast:
            return load_block(raw, CRecordLoader)
        return yaml.load(raw, Loader=RecordLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        kind = "" if isinstance(e, yaml.constructor.ConstructorError) else "YAML syntax error: "
        raise InputError(f"{path}{where}: {kind}{problem}") from None
    except RecursionError:
        raise InputError(f"{path}: nested too deeply to be a case record") from None


def check_record_shape(record: Any, path: Path, raw: str) -> None:
    """Raise :class:`DataError` at the first value of the wrong kind, naming its line."""
    problem = _first_problem(record)
    if problem is None:
        return
    keys, message = problem
    line = _line_of(raw, keys)
    where = ".".join(str(k) for k in keys)
    raise DataError(f"{path}{f':{line}' if line else ''}: {where}: {message}")


def check_record(record: dict[str, Any], path: Path, raw: str) -> bool:
    """:func:`check_record_shape` of a mapping, and whether any ``access`` in it is other
    than public, in one walk of the record.

    A build checks every record's shape and then asks whether anything in it is restricted:
    two walks of every value, each one about as long as the other. Here one walk without key
    paths (:func:`_conforms`) does both; only a record that does not conform is walked again,
    by :func:`check_record_shape`, for the path and message of its first problem."""
    found = _conforms(record)
    if found is None:
        check_record_shape(record, path, raw)
        raise AssertionError(f"{path}: the shape walks disagree")  # pragma: no cover
    return found


_NONE = object()  # no key: equals none of the keys a path is compared with


def _restricted_here(value: dict[Any, Any]) -> bool:
    level = value.get("access")
    return level is not None and str(level) != "public"


# The walk below takes the same branches as _first_problem and its helpers, which build each
# value's key path ``keys`` and read of it only its length, its first key (``top``), its last
# but one (``prev``) and its last (``last``): those four are passed instead of the path.


def _conforms(record: dict[str, Any]) -> bool | None:
    """None if :func:`_first_problem` finds a problem in ``record``, else whether any
    ``access`` in it is other than public (as :func:`kg.store.spill.restricted`): in a record
    that conforms, every mapping but the record itself is met by :func:`_mapping_ok`."""
    hit = _restricted_here(record)
    for key, value in record.items():
        if key in SECTIONS:
            found = _list_ok(value, key, 1, _NONE, key)
        elif key in MAPPINGS:
            found = _mapping_ok(value, key, 1, _NONE, key)
        else:
            found = _value_ok(value, key, 1, _NONE, key)
        if found is None:
            return None
        hit = hit or found
    return hit


def _list_ok(value: Any, top: Any, depth: int, prev: Any, last: Any) -> bool | None:
    """:func:`_list_of_mappings`."""
    if value is None:
        return False
    if not isinstance(value, list):
        return None
    hit = False
    for n, item in enumerate(value):
        found = _mapping_ok(item, top, depth + 1, last, n)
        if found is None:
            return None
        hit = hit or found
    return hit


def _mapping_ok(value: Any, top: Any, depth: int, prev: Any, last: Any) -> bool | None:
    """:func:`_mapping`."""
    if value is None and last != "appeal":
        return False
    if not isinstance(value, dict):
        return None
    hit = _restricted_here(value)
    head = top if depth == 2 else _NONE
    offsets = prev == "evidence"
    for key, item in value.items():
        if not isinstance(key, str):
            return None
        section = NESTED_LISTS.get(key, "")
        if section is None or section == head:
            found = _list_ok(item, top, depth + 1, last, key)
        elif key in MAPPINGS:
            found = _mapping_ok(item, top, depth + 1, last, key)
        elif offsets and (key == "start" or key == "end"):
            found = False if item is None or type(item) is int else None
        elif key in PLAIN:
            if isinstance(item, SCALARS):
                continue
            found = False if _plain(item, _NO_KEYS) is None else None
        else:
            found = _value_ok(item, top, depth + 1, last, key)
        if found is None:
            return None
        hit = hit or found
    return hit


_NO_KEYS: list[Any] = []


def _value_ok(value: Any, top: Any, depth: int, prev: Any, last: Any) -> bool | None:
    """:func:`_value`."""
    if isinstance(value, SCALARS):
        return False
    if isinstance(value, list):
        hit = False
        for n, item in enumerate(value):
            if isinstance(item, dict):
                found = _mapping_ok(item, top, depth + 1, last, n)
            else:
                found = _value_ok(item, top, depth + 1, last, n)
            if found is None:
                return None
            hit = hit or found
        return hit
    if isinstance(value, dict):
        return _mapping_ok(value, top, depth, prev, last)
    return None


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {str(value)[:40]!r}"


def _first_problem(record: Any) -> tuple[list[Any], str] | None:
    if not isinstance(record, dict):
        return [], f"a case record is a mapping with an 'appeal' entry, not {_kind(record)}"
    for key, value in record.items():
        if key in SECTIONS:
            found = _list_of_mappings(value, [key])
        elif key in MAPPINGS:
            found = _mapping(value, [key])
        else:
            found = _value(value, [key])
        if found:
            return found
    return None


def _list_of_mappings(value: Any, keys: list[Any]) -> tuple[list[Any], str] | None:
    if value is None:
        return None
    if not isinstance(value, list):
        return keys, f"should be a list of entries (- id: ...), not {_kind(value)}"
    for n, item in enumerate(value):
        found = _mapping(item, [*keys, n])
        if found:
            return found
    return None


def _mapping(value: Any, keys: list[Any]) -> tuple[list[Any], str] | None:
    if value is None and keys[-1] != "appeal":
        return None
    if not isinstance(value, dict):
        return keys, f"should be a mapping (key: value lines), not {_kind(value)}"
    for key, item in value.items():
        if not isinstance(key, str):
            return [*keys, key], f"keys are names, not {_kind(key)}"
        section = NESTED_LISTS.get(key, "")
        if section is None or (section == keys[0] and len(keys) == 2):
            found = _list_of_mappings(item, [*keys, key])
        elif key in MAPPINGS:
            found = _mapping(item, [*keys, key])
        elif key in ("start", "end") and keys and keys[-2:-1] == ["evidence"]:
            found = None if item is None or type(item) is int else ([*keys, key], "not an offset")
        elif key in PLAIN:
            found = _plain(item, [*keys, key])
        else:
            found = _value(item, [*keys, key])
        if found:
            return found
    return None


def _plain(value: Any, keys: list[Any]) -> tuple[list[Any], str] | None:
    """A scalar, or a list of scalars."""
    if isinstance(value, SCALARS):
        return None
    if isinstance(value, list):
        for n, item in enumerate(value):
            if not isinstance(item, SCALARS):
                return [*keys, n], f"should be a plain value, not {_kind(item)}"
        return None
    return keys, f"should be a plain value or a list of them, not {_kind(value)}"


def _value(value: Any, keys: list[Any]) -> tuple[list[Any], str] | None:
    """Any other value: a scalar, or lists and mappings of values, checked all the way down
    (so that a key added to the record format later is checked like the others)."""
    if isinstance(value, SCALARS):
        return None
    if isinstance(value, list):
        for n, item in enumerate(value):
            found = (
                _mapping(item, [*keys, n]) if isinstance(item, dict) else _value(item, [*keys, n])
            )
            if found:
                return found
        return None
    if isinstance(value, dict):
        return _mapping(value, keys)
    return keys, f"should be a plain value, not {_kind(value)}"


def _line_of(raw: str, keys: list[Any]) -> int | None:
    """The 1-based line of the value at ``keys`` in the YAML text, if it can be found."""
    try:
        node = yaml.compose(raw, Loader=RecordLoader)
    except yaml.YAMLError:
        return None
    for key in keys:
        if isinstance(node, yaml.MappingNode):
            match = [v for k, v in node.value if getattr(k, "value", None) == str(key)]
            if not match:
                break
            node = match[0]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
            if key >= len(node.value):
                break
            node = node.value[key]
        else:
            break
    return node.start_mark.line + 1 if node is not None else None
