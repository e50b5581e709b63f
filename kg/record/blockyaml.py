"""A case record read line by line, for the block YAML that records are written in.

PyYAML's C parser makes a node object per scalar, mapping and sequence, and calls back into
Python for each scalar's tag; :mod:`kg.record.fastyaml` walks those nodes. That was about
4.5 ms of a generated record's 6 ms of parsing. The records that ``kg extract`` and the
corpus generator write use a small part of YAML: block mappings and sequences, one entry a
line, keys that are words, plain and single-quoted scalars (on one line or folded over
several), double-quoted ones on one line, flow sequences of plain words, ``[]`` and ``{}``.
Here such a document is read a line at a time; each plain scalar is given the tag the
loader's own resolver gives its text and, unless that is a string, made by the loader's own
constructor for the tag, so the values are the loader's.

Anything else -- a comment, a blank line, a tab, a block scalar, a flow mapping, a flow
sequence of anything but plain words, an escape, an anchor, a tag, a complex or quoted key,
a document marker, a character YAML does not allow, a value a constructor refuses -- makes
the whole document go to :func:`kg.record.fastyaml.load_fast`, which gives PyYAML's values
and errors. ``tests/test_blockyaml.py`` compares the values with ``yaml.load(...,
SafeLoader)`` on the seed, the gold records (as written by hand and as the extractor writes
them), a generated corpus and documents made to sit on each of those edges.
"""

from __future__ import annotations

import re
from typing import Any

from yaml.nodes import ScalarNode
from yaml.reader import Reader

from kg.record.fastyaml import load_fast

_STR = "tag:yaml.org,2002:str"
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
# What a line-at-a-time reading cannot take: a character YAML refuses, a line break other
# than \n, a tab, a byte-order mark.
_REFUSED = re.compile(Reader.NON_PRINTABLE.pattern + "|[\t\r\x85\u2028\u2029\ufeff]")
# The first character of a plain scalar that YAML reads otherwise (indicators); "-", "?" and
# ":" only when a space or the end follows (checked apart).
# A line that is blank (spaces or nothing) or a comment.
_BLANK_OR_COMMENT = re.compile(r"^ *(?:#|\n)", re.M)
# What a flow sequence's plain entries may not hold: a collection's or a quote's indicator, a
# comment, a key.
_NOT_IN_FLOW = re.compile(r"""[\[\]{}#&*!|>'"%@`]|:(?:[ ,]|$)""")
_INDICATORS = frozenset(",[]{}#&*!|>'\"%@`")
_CACHE_LIMIT = 100_000  # remembered plain scalars per loader class before the memory is cleared


class _Fallback(Exception):
    """The document is not in the subset read here."""


class _Plain:
    """Plain scalars' values, as the loader class resolves and constructs them, remembered by
    text (all such values are immutable: strings, numbers, booleans, None, dates)."""

    def __init__(self, loader_class: type[Any]) -> None:
        self.loader = loader_class("")
        self.resolve = loader_class.resolve
        self.constructors = loader_class.yaml_constructors
        self.known: dict[str, Any] = {}
        self.keys: dict[str, Any] = {}

    def key(self, text: str) -> Any:
        """A mapping key's value: a plain word (anything else is read by PyYAML)."""
        try:
            return self.keys[text]
        except KeyError:
            pass
        if not _KEY.match(text):
            raise _Fallback  # quoted, spaced, or otherwise not a plain word
        value = self(text)
        if len(self.keys) >= _CACHE_LIMIT:
            self.keys.clear()
        self.keys[text] = value
        return value

    def __call__(self, text: str) -> Any:
        try:
            return self.known[text]
        except KeyError:
            pass
        tag = self.resolve(self.loader, ScalarNode, text, (True, False))
        if tag == _STR:
            value: Any = text
        else:
            make = self.constructors.get(tag)
            if make is None:
                raise _Fallback
            try:
                value = make(self.loader, ScalarNode(tag, text))
            except Exception:  # noqa: BLE001 - the loader's own error, met again by it
                raise _Fallback from None
            if isinstance(value, (list, dict, set)):
                raise _Fallback  # not a scalar's value: not remembered, not shared
        if len(self.known) >= _CACHE_LIMIT:
            self.known.clear()
        self.known[text] = value
        return value


_PLAIN: dict[type[Any], _Plain] = {}


def load_block(text: str, loader_class: type[Any]) -> Any:
    """``yaml.load(text, Loader=loader_class)`` for a record in the block subset (see the
    module's docstring), read a line at a time; any other document goes to
    :func:`kg.record.fastyaml.load_fast`, which gives the loader's values and errors."""
    plain = _PLAIN.get(loader_class)
    if plain is None:
        plain = _PLAIN[loader_class] = _Plain(loader_class)
    try:
        return _Reader(text, plain).document()
    except (_Fallback, RecursionError):
        return load_fast(text, loader_class)


class _Reader:
    __slots__ = ("at", "contents", "indents", "plain")

    def __init__(self, text: str, plain: _Plain) -> None:
        if not text.endswith("\n") or _REFUSED.search(text) or _BLANK_OR_COMMENT.search(text):
            raise _Fallback
        contents = text.split("\n")
        contents[-1] = ""  # the end (after the last newline) ...
        lengths = list(map(len, contents))
        contents = [line.lstrip(" ") for line in contents]
        indents = list(map(int.__sub__, lengths, map(len, contents)))
        indents[-1] = -1  # ... less indented than any line
        self.contents, self.indents, self.plain, self.at = contents, indents, plain, 0

    def document(self) -> Any:
        if self.indents[0] != 0 or self.contents[0][:3] in ("---", "..."):
            raise _Fallback
        value = self.block(0)
        if self.indents[self.at] != -1:
            raise _Fallback  # a line the block did not take
        return value

    def block(self, indent: int) -> Any:
        """The mapping or sequence whose first line is the current one, at ``indent``."""
        content = self.contents[self.at]
        if content[0] == "-" and (len(content) == 1 or content[1] == " "):
            return self.sequence(indent)
        return self.mapping(indent)

    def sequence(self, indent: int) -> list[Any]:
        out: list[Any] = []
        contents, indents = self.contents, self.indents
        while indents[self.at] == indent:
            content = contents[self.at]
            if content[:2] != "- ":
                if content == "-":
                    raise _Fallback  # an entry on the lines below its dash
                break
            rest = content[2:].lstrip(" ")
            if not rest:
                raise _Fallback  # an entry on the lines below its dash
            inner = indent + len(content) - len(rest)
            if rest[0] == "-" and (len(rest) == 1 or rest[1] == " "):
                raise _Fallback  # a sequence in a sequence's entry
            if _key_end(rest) is not None:
                contents[self.at], indents[self.at] = rest, inner
                out.append(self.mapping(inner))
            else:
                self.at += 1
                out.append(
                    self.scalar(rest if indents[self.at] <= indent else self.folded(rest, indent))
                )
        if indents[self.at] > indent:
            raise _Fallback
        return out

    def mapping(self, indent: int) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        contents, indents = self.contents, self.indents
        while indents[self.at] == indent:
            content = contents[self.at]
            if content[0] == "-" and (len(content) == 1 or content[1] == " "):
                break  # a sequence at the mapping's indent: the caller's, or a mistake
            end = _key_end(content)
            if end is None:
                raise _Fallback
            key = self.plain.key(content[:end])
            rest = content[end + 1 :].lstrip(" ")
            self.at += 1
            below = indents[self.at]
            if rest:
                out[key] = self.scalar(rest if below <= indent else self.folded(rest, indent))
            elif below > indent:
                out[key] = self.block(below)
            elif below == indent and _dash(contents[self.at]):
                out[key] = self.sequence(indent)  # a sequence at its key's indent
            else:
                out[key] = self.plain("")
        if indents[self.at] > indent:
            raise _Fallback
        return out

    def folded(self, rest: str, indent: int) -> str:
        """A plain or single-quoted scalar, or a flow sequence, that goes on over the lines
        below (more indented than ``indent``), as one line: YAML folds each line break
        between two lines of text into a space, and drops the spaces around it."""
        if rest[0] == '"':
            raise _Fallback  # a line break in double quotes may be escaped
        parts = [rest.rstrip(" ")]
        contents, indents = self.contents, self.indents
        while indents[self.at] > indent:
            line = contents[self.at].rstrip(" ")
            if line[0] in _INDICATORS or (line[0] in "-?:" and (len(line) == 1 or line[1] == " ")):
                raise _Fallback  # not plainly the scalar's text
            parts.append(line)
            self.at += 1
        return " ".join(parts)

    def scalar(self, rest: str) -> Any:
        """A scalar or flow sequence written on one line (``rest``: from its first
        character, or :meth:`folded`)."""
        text = rest.rstrip(" ")
        first = text[0]
        if first == "'":
            inner = text[1:-1]
            if len(text) < 2 or text[-1] != "'" or "'" in inner.replace("''", ""):
                raise _Fallback
            return inner.replace("''", "'")
        if first == '"':
            inner = text[1:-1]
            if len(text) < 2 or text[-1] != '"' or '"' in inner or "\\" in inner:
                raise _Fallback
            return inner
        if first == "[":
            return self.flow(text)
        if text == "{}":
            return {}
        if first in _INDICATORS or (
            first in "-?:" and (len(text) == 1 or text[1] == " ")
        ):  # fmt: skip
            raise _Fallback
        if ": " in text or text[-1] == ":" or " #" in text:
            raise _Fallback
        return self.plain(text)

    def flow(self, text: str) -> list[Any]:
        """A flow sequence of plain scalars (``[defender, witness]``), as the extractor writes
        short lists."""
        if text == "[]":
            return []
        inner = text[1:-1]
        if text[-1] != "]" or _NOT_IN_FLOW.search(inner):
            raise _Fallback
        out = []
        for item in inner.split(","):
            item = item.strip(" ")
            if not item or item[0] in "-?:" and (len(item) == 1 or item[1] == " "):
                raise _Fallback  # an empty entry (a trailing comma), or an indicator
            out.append(self.plain(item))
        return out


def _dash(content: str) -> bool:
    return content[:1] == "-" and (len(content) == 1 or content[1] == " ")


def _key_end(content: str) -> int | None:
    """Where the key of a ``key: value`` or ``key:`` line ends (the colon), or None."""
    end = content.find(": ")
    if end < 0:
        return len(content) - 1 if content[-1] == ":" else None
    return end


__all__ = ["load_block"]
