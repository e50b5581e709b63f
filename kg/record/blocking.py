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

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
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


Blocks = list[list[int]]  # groups of item indices, each ascending


def key_blocks(items: Sequence[T], keys_of: Callable[[T], Iterable[Hashable]]) -> Blocks:
    """The items sharing each key, as blocks for :func:`pairs_in_blocks`."""
    index: dict[Hashable, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        for key in set(keys_of(item)):
            index[key].append(i)
    return [members for members in index.values() if len(members) > 1]


def one_edit_blocks(names: Sequence[str | None], min_length: int = 0) -> Blocks:
    """Blocks whose pairs are :func:`one_edit_pairs`: the items whose names (at least
    ``min_length`` long) share a string of their deletion neighbourhood."""
    by_name: dict[str, list[int]] = defaultdict(list)
    for i, name in enumerate(names):
        if name and len(name) >= min_length:
            by_name[name].append(i)
    distinct = list(by_name)
    out: Blocks = []
    for members in key_blocks(distinct, deletion_variants):
        out.append(sorted(i for d in members for i in by_name[distinct[d]]))
    out.extend(members for members in by_name.values() if len(members) > 1)
    return out


def pairs_in_blocks(n: int, blocks: Blocks) -> Iterator[tuple[int, int]]:
    """Every index pair ``(i, j)``, ``i < j``, of items sharing a block, once, in sorted order:
    the sorted set of such pairs, without holding that set (its size grows with the square of
    the largest blocks); memory is the blocks and one item's partners."""
    of: list[list[int]] = [[] for _ in range(n)]
    for b, members in enumerate(blocks):
        for i in members:
            of[i].append(b)
    for i in range(n):
        partners: set[int] = set()
        for b in of[i]:
            members = blocks[b]
            partners.update(members[bisect_right(members, i) :])
        for j in sorted(partners):
            yield i, j


__all__ = [
    "deletion_variants",
    "key_blocks",
    "one_edit_blocks",
    "one_edit_pairs",
    "pairs_in_blocks",
    "pairs_sharing",
]
