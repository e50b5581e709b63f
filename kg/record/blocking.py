"""Which pairs of items identity resolution needs to look at, without looking at all pairs.

:mod:`kg.record.identity` acts on a pair only when the two share something its rules read: a
merge key, some words of a name, names one edit apart. The indexes below find exactly those
candidate pairs (and a few more, which the rules then reject):

- key blocks: the items sharing a key (the caller chooses keys as rare as its rules allow: a
  common word would make a block of every name having it);
- a deletion neighbourhood: each name with its spaces removed, and every string made from it by
  deleting one character. Two names one edit apart (a letter changed, added or dropped, or a
  space added, dropped or put in place of a letter) always share one of these strings;
- stars: for a rule that pairs a rare kind of item with every item sharing a key, the pairs
  hub x member only.

Pairs are listed in sorted order, passing over those already in one cluster. The cost grows
with the number of items times the size of their blocks, not with the square of the number of
items.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from itertools import chain
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


Star = tuple[list[int], list[int]]  # hubs and members, each ascending: pairs hub x member


def star_blocks(
    items: Sequence[T],
    hubs_of: Callable[[T], Iterable[Hashable]],
    members_of: Callable[[T], Iterable[Hashable]],
) -> list[Star]:
    """For each key some item is a hub of, the hubs and the members of that key: a rule that
    pairs a rare kind of item (a one-word name, say) with every item sharing one word needs the
    pairs hub x member, not every pair of the members (a common word's block is large)."""
    hubs: dict[Hashable, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        for key in set(hubs_of(item)):
            hubs[key].append(i)
    if not hubs:
        return []
    members: dict[Hashable, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        for key in set(members_of(item)):
            if key in hubs:
                members[key].append(i)
    return [(hubs[k], members[k]) for k in hubs if len({*hubs[k], *members[k]}) > 1]


def pairs_in_blocks(
    n: int,
    blocks: Blocks,
    stars: Sequence[Star] = (),
    root: Callable[[int], Hashable] | None = None,
) -> Iterator[tuple[int, int]]:
    """Every index pair ``(i, j)``, ``i < j``, of items sharing a block (or a hub and a member
    of a star), once, in sorted order: the sorted set of such pairs, without holding that set
    (its size grows with the square of the largest blocks); memory is the blocks and one
    item's partners.

    With ``root`` (an item's cluster, read as the pairs are consumed), pairs whose items are
    in one cluster when the first item's partners are listed are left out, and a block whose
    items are all in one cluster is passed over whole: clusters only grow, so such a pair
    stays in one cluster, and a block of one person named in a thousand appeals costs a
    thousand steps once it is merged, not a million. A block not in one cluster is kept as
    its items grouped by cluster (groups only merge: one root read per group when the block
    is met again), so that an item's partners there are read from the other clusters'
    groups, not found by reading the root of every later item: a recurring name whose items
    make two clusters (two items of one record, say) costs its pairs across the two, not
    every pair of the block (that grew as the square of the corpus)."""
    of: list[list[int]] = [[] for _ in range(n)]
    for b, members in enumerate(blocks):
        for i in members:
            of[i].append(b)
    hub_of: list[list[int]] = [[] for _ in range(n)]
    member_of: list[list[int]] = [[] for _ in range(n)]
    for s, (hubs, members) in enumerate(stars):
        for i in hubs:
            hub_of[i].append(s)
        for i in members:
            member_of[i].append(s)
    settled: set[int] = set()
    grouped: dict[int, list[list[int]]] = {}  # block -> its later items, by cluster
    for i in range(n):
        partners: set[int] = set()
        mine = root(i) if root is not None else None
        for b in of[i]:
            members = blocks[b]
            if members[-1] <= i:  # no later item
                grouped.pop(b, None)
                continue
            if root is None:
                partners.update(members[bisect_right(members, i) :])
                continue
            if b in settled:
                continue
            by_root = _regrouped(grouped.get(b) or [[j] for j in members], i, root)
            if len(by_root) == 1:  # every later item in the cluster of i's, for good
                settled.add(b)
                grouped.pop(b, None)
                continue
            grouped[b] = list(by_root.values())
            for r, group in by_root.items():
                if r != mine:
                    partners.update(group[bisect_right(group, i) :])
        for s in hub_of[i]:
            members = stars[s][1]
            partners.update(members[bisect_right(members, i) :])
        for s in member_of[i]:
            hubs = stars[s][0]
            partners.update(hubs[bisect_right(hubs, i) :])
        partners.discard(i)
        for j in sorted(partners):
            yield i, j


def _regrouped(
    groups: list[list[int]], i: int, root: Callable[[int], Hashable]
) -> dict[Hashable, list[int]]:
    """``groups`` (items of one cluster each, ascending) by their cluster now, those that
    have no item from ``i`` on left out, those now of one cluster joined."""
    by_root: dict[Hashable, list[list[int]]] = {}
    for group in groups:
        if group[-1] >= i:
            by_root.setdefault(root(group[0]), []).append(group)
    return {
        r: parts[0] if len(parts) == 1 else sorted(chain.from_iterable(parts))
        for r, parts in by_root.items()
    }


__all__ = [
    "deletion_variants",
    "key_blocks",
    "one_edit_blocks",
    "one_edit_pairs",
    "pairs_in_blocks",
    "pairs_sharing",
    "star_blocks",
]
