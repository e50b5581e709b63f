"""Which pairs of items identity resolution needs to look at, without looking at all pairs.

:mod:`kg.record.identity` acts on a pair of persons only when they share a merge key, share a
folded name token (first and last name, or one name's words inside the other's), or have full
names one edit apart; on a pair of organisations only when their names are one edit apart. The
indexes below find exactly those candidate pairs (and a few more, which the rules then reject):

- a key index and a token index (folded name words);
- a deletion neighbourhood: each name with its spaces removed, and every string made from it by
  deleting one character. Two names one edit apart (a letter changed, added or dropped, or a
  space added, dropped or put in place of a letter) always share one of these strings.

The cost grows with the number of items times the size of their blocks, not with the square of
the number of items.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TypeVar

T = TypeVar("T")


def deletion_variants(name: str) -> set[str]:
    """``name`` without spaces, and every string made from that by deleting one character."""
    s = name.replace(" ", "")
    return {s, *(s[:i] + s[i + 1 :] for i in range(len(s)))}


def pairs_sharing(
    items: Sequence[T], keys_of: Callable[[T], Iterable[Hashable]]
) -> set[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of items that share at least one key."""
    index: dict[Hashable, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        for key in set(keys_of(item)):
            index[key].append(i)
    out: set[tuple[int, int]] = set()
    for members in index.values():
        for n, i in enumerate(members):
            for j in members[n + 1 :]:
                out.add((i, j))
    return out


def one_edit_pairs(names: Sequence[str | None], min_length: int = 0) -> set[tuple[int, int]]:
    """Index pairs of names that may be one edit apart (a superset; check with Levenshtein).

    Equal names are grouped first, so a name shared by many items costs one neighbourhood."""
    by_name: dict[str, list[int]] = defaultdict(list)
    for i, name in enumerate(names):
        if name and len(name) >= min_length:
            by_name[name].append(i)
    distinct = list(by_name)
    out: set[tuple[int, int]] = set()
    for a, b in pairs_sharing(distinct, deletion_variants):
        for i in by_name[distinct[a]]:
            for j in by_name[distinct[b]]:
                out.add((min(i, j), max(i, j)))
    for members in by_name.values():  # the same name: zero edits apart
        for n, i in enumerate(members):
            for j in members[n + 1 :]:
                out.add((i, j))
    return out


__all__ = ["deletion_variants", "one_edit_pairs", "pairs_sharing"]
