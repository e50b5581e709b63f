"""The incremental build: a copy of the previous store, changed where changed records change it.

"One triple, one graph" (:mod:`kg.store.partition`) makes an appeal graph depend on the others:
a fact two public appeals state lives in the reference graph, a fact one appeal states lives in
that appeal's graph. The build keeps, between builds, the **shared index** (rows of the build
state, :class:`kg.store.state.SharedRows`; ``shared-triples.pickle`` beside the stores before
it): for every triple that two or more appeal graphs state and the reference data does not, the
appeal graphs that state it. With it, and with the previous store (where each other triple
sits in the one appeal graph that states it), a changed, added or removed appeal needs only

- its own graph dropped and its new triples placed: a triple nobody else states goes into its
  graph, one that another appeal states moves to (or stays in) the reference graph;
- the few triples whose holders change moved: a triple left with a single holder goes back
  from the reference graph into that holder's graph, a triple that a second appeal now states
  leaves its first holder's graph for the reference graph.

The result is, triple for triple, what :func:`partition_store` gives on a full
build (``tests/test_delta.py`` compares the canonical N-Quads). :func:`partition_store` does
the full build's partition and makes the index; :func:`apply_changes` uses and updates it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, MutableMapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

import pyoxigraph as ox

from kg.vocab import ONTOLOGY_GRAPH, REFERENCE_GRAPH

APPEAL_GRAPHS = "https://w3id.org/appeals-kg/graph/appeal/"
SHARED_FILE = "shared-triples.pickle"

# triple (its N-Triples text, without the final dot) -> the appeal graphs stating it, sorted
SharedIndex = dict[str, list[str]]

_REF = ox.NamedNode(str(REFERENCE_GRAPH))
_NONE: frozenset[str] = frozenset()
_ONTO = ox.NamedNode(str(ONTOLOGY_GRAPH))


def _key(t: ox.Triple | ox.Quad) -> str:
    return f"{t.subject} {t.predicate} {t.object}"


def _keys(triples: list[ox.Triple]) -> list[str]:
    """:func:`_key` of each triple, in order, from one N-Triples serialisation (Oxigraph's
    writer gives each term the text its ``str`` does; far fewer calls than one per term)."""
    text = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    lines = text.decode("utf-8").split("\n")
    if len(lines) != len(triples) + 1:
        return [_key(t) for t in triples]
    return [line[:-2] for line in lines[:-1]]


def _graph_keys(store: ox.Store, graph: ox.NamedNode) -> list[str]:
    """:func:`_key` of each triple of ``graph``, from the store's N-Triples of it."""
    text = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph) or b""
    return [line[:-2] for line in text.decode("utf-8").split("\n")[:-1]]


def _triple(key: str) -> ox.Triple:
    return next(iter(ox.parse(input=f"{key} .\n", format=ox.RdfFormat.N_TRIPLES))).triple


def _parsed(keys: Iterable[str]) -> dict[str, ox.Triple]:
    """The triple of each key (:func:`_key`), from one parse of their lines."""
    wanted = list(dict.fromkeys(keys))
    if not wanted:
        return {}
    text = "".join(f"{k} .\n" for k in wanted).encode("utf-8")
    parsed = [q.triple for q in ox.parse(input=text, format=ox.RdfFormat.N_TRIPLES)]
    if len(parsed) != len(wanted):  # not one triple a key: each on its own
        return {k: _triple(k) for k in wanted}
    return dict(zip(wanted, parsed, strict=True))


def _as_keys(triples: Iterable[ox.Triple] | Iterable[str]) -> list[str]:
    """A graph's triples as keys: given as keys already (its N-Triples lines without the final
    dot, as Oxigraph writes them), or as triples."""
    listed = list(triples)
    if listed and not isinstance(listed[0], str):
        return _keys(listed)  # type: ignore[arg-type]
    return listed  # type: ignore[return-value]


def partition_store(store: ox.Store) -> SharedIndex:
    """One triple, one graph, in ``store`` as the full build bulk-loaded it: an appeal graph
    drops what the ontology states; a fact several appeal graphs state moves to the reference
    graph; an appeal graph drops what the reference graph states. Returns the shared index:
    for every triple two or more appeal graphs state and the reference data does not, the
    appeal graphs stating it.

    It reads the store predicate by predicate and groups each predicate's quads by subject and
    object, so memory is bounded by one predicate's quads, not by the size of the store. (The
    order Oxigraph gives a predicate's quads in is not relied on: an on-disk store gives the
    graphs of one triple one after the other, an in-memory one need not.) The full build
    places triples on the N-Quads text instead (:mod:`kg.store.textpartition`); this is the
    reference it is tested against."""
    index: SharedIndex = {}
    predicates = [
        row["p"]
        for row in store.query("SELECT DISTINCT ?p WHERE { GRAPH ?g { ?s ?p ?o } }")
        if isinstance(row["p"], ox.NamedNode)
    ]
    for p in sorted(predicates, key=lambda n: n.value):
        removes: list[ox.Quad] = []
        adds: list[ox.Quad] = []
        runs: dict[tuple[ox.Term, ox.Term], list[ox.Quad]] = {}
        for q in store.quads_for_pattern(None, p, None, None):
            runs.setdefault((q.subject, q.object), []).append(q)
        for run in runs.values():
            _place_run(run, index, removes, adds)
        store.extend(adds)
        for q in removes:
            store.remove(q)
    return index


def _place_run(
    run: list[ox.Quad], index: SharedIndex, removes: list[ox.Quad], adds: list[ox.Quad]
) -> None:
    """One triple and the graphs stating it (``run``, its quads): what moves where."""
    holders = [
        q
        for q in run
        if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value.startswith(APPEAL_GRAPHS)
    ]
    if not holders:
        return
    graphs = {q.graph_name for q in run}
    if _ONTO in graphs:
        removes.extend(holders)
        return
    if len(holders) > 1:
        t = holders[0].triple
        if _REF not in graphs:
            adds.append(ox.Quad(*t, _REF))
            index[_key(t)] = sorted(q.graph_name.value for q in holders)
        removes.extend(holders)
    elif _REF in graphs:
        removes.extend(holders)


@dataclass
class Delta:
    """What :func:`apply_changes` did, for the progress line and for tests. Triples a written
    graph keeps as they were are named by their N-Triples text (without the final dot), as
    the graphs' lines give them: no term object is made for them."""

    graphs_written: int = 0
    graphs_removed: int = 0
    moved: int = 0  # triples that changed graph without their own record changing
    touched: set[str] = field(default_factory=set)  # every appeal graph whose content changed
    # Triples put in a graph (new or moved, or placed again where they were), as text.
    added_keys: set[str] = field(default_factory=set)
    # What the union of the graphs gained and lost (a triple that moved is in neither).
    union_added: set[ox.Triple] = field(default_factory=set)
    union_removed: set[ox.Triple] = field(default_factory=set)
    # Triples put into or taken out of the reference graph (its export files follow them).
    reference: set[ox.Triple] = field(default_factory=set)
    # Every triple each written graph holds after the change, as N-Triples text without the
    # final dot (its export files are made from them, not read back from the store).
    contents: dict[str, list[str]] = field(default_factory=dict)
    # Per appeal graph that was not written but gained or lost a triple another graph's change
    # moved (``touched``): the triples it lost and those it gained, as text. Its previous
    # triples changed by these are its triples now (its export files are made from them).
    moved_keys: dict[str, tuple[set[str], set[str]]] = field(default_factory=dict)

    @property
    def added(self) -> set[ox.Triple]:
        """:attr:`added_keys` as triples (made when asked for: a rebuild whose links did not
        change never asks)."""
        return set(_parsed(self.added_keys).values())


@runtime_checkable
class SharedCounts(Protocol):
    """What :func:`apply_changes` asks of the shared index (:class:`kg.store.state.SharedRows`
    keeps it as rows; :class:`_OnMapping` on a dictionary): how many graphs state a triple,
    which of some graphs do, every holder of a triple that has few, and what changed."""

    def prefetch(self, keys: Iterable[str]) -> None: ...

    def count(self, key: str) -> int: ...

    def held_by(self, graphs: Iterable[str]) -> dict[str, set[str]]: ...

    def holders(self, key: str) -> list[str]: ...

    def change(self, key: str, gone: Iterable[str], came: Iterable[str]) -> None: ...


class _OnMapping:
    """:class:`SharedCounts` on a shared index held whole (a dictionary)."""

    def __init__(self, index: MutableMapping[str, list[str]]) -> None:
        self.index = index

    def prefetch(self, keys: Iterable[str]) -> None:
        pass

    def count(self, key: str) -> int:
        return len(self.index.get(key, ()))

    def held_by(self, graphs: Iterable[str]) -> dict[str, set[str]]:
        wanted = set(graphs)
        return {k: wanted & set(h) for k, h in self.index.items() if not wanted.isdisjoint(h)}

    def holders(self, key: str) -> list[str]:
        return list(self.index.get(key, ()))

    def change(self, key: str, gone: Iterable[str], came: Iterable[str]) -> None:
        now = (set(self.index.get(key, ())) - set(gone)) | set(came)
        if len(now) > 1:
            self.index[key] = sorted(now)
        else:
            self.index.pop(key, None)


def apply_changes(
    store: ox.Store,
    shared: SharedCounts | MutableMapping[str, list[str]],
    written: Mapping[str, Iterable[ox.Triple] | Iterable[str]],
    removed: Iterable[str],
    before: Mapping[str, list[ox.Triple] | list[str]] | None = None,
) -> Delta:
    """Replace the appeal graphs ``written`` (graph IRI -> its triples as the record gives them,
    before the partition) and drop the graphs ``removed``, in ``store`` (a copy of the previous
    build's) and in ``shared``, keeping one triple, one graph. Graph IRIs are strings. A
    graph's triples are given as :class:`pyoxigraph.Triple` objects or as their N-Triples
    lines without the final dot, as Oxigraph writes them (:func:`_key`).

    What it reads grows with the change, not with the corpus: for a triple in the reference
    graph because many graphs state it, the count of its holders and which changed graphs held
    it; every holder only when one is left (it goes back into that graph). A written graph is
    changed in place: only the quads that come or go are written (a note edited changes one
    of its hundreds), though :attr:`Delta.added_keys` names every triple placed in it. The
    graphs are compared as sets of lines; a triple is made only for a line that comes, goes
    or is looked up in the store, not for one a graph keeps.

    ``before`` may give the triples a changed graph holds in ``store`` (the previous build's
    export files of it, :func:`kg.store.chunks.graph_lines`): they are not read from the
    store."""
    index = shared if isinstance(shared, SharedCounts) else _OnMapping(shared)
    removed = set(removed)
    changing = set(written) | removed
    in_place = set(written) - removed  # changed quad by quad, not dropped whole
    delta = Delta(graphs_written=len(written), touched=set(changing))
    onto = set(_graph_keys(store, _ONTO))

    # What each changed graph held before, and what each written graph states now.
    olds: dict[str, list[str]] = {}
    for g in sorted(changing):
        node = ox.NamedNode(g)
        held = before.get(g) if before is not None else None
        olds[g] = _as_keys(held) if held is not None else _graph_keys(store, node)
        if g not in in_place and store.contains_named_graph(node):
            store.remove_graph(node)
            if g in removed:
                delta.graphs_removed += 1
    news = {g: _as_keys(new) for g, new in written.items()}
    shared_before = index.held_by(changing)
    old_sets = {g: set(keys) for g, keys in olds.items()}
    new_sets = {g: set(keys) for g, keys in news.items()}
    stay_keys = _staying(old_sets, new_sets, in_place, onto, shared_before.keys())

    # For each affected triple, the changed graphs that stated it before (``gone``), and, for
    # one not in the shared index, every graph that did (``alone``: one at most).
    gone: dict[str, set[str]] = {}
    alone: dict[str, set[str]] = {}
    for g in olds:
        for k in sorted(old_sets[g].difference(stay_keys.get(g, _NONE))):
            gone[k] = {g}
            alone[k] = {g}
    own = set(alone)  # in an appeal graph of their own: not stated by the reference data
    for k, holders in shared_before.items():
        gone[k] = set(holders)

    # The new triples of the written graphs, without what the ontology or reference data state.
    rest: dict[str, list[str]] = {}
    for g in news:
        rest[g] = sorted(new_sets[g].difference(stay_keys.get(g, _NONE)))
    # A triple in a changed graph of its own has one holder, so no count in the index.
    index.prefetch(k for keys in rest.values() for k in keys if k not in own)
    # Stated by no other appeal graph: it may be in the reference graph (reference data).
    asked = {
        k for keys in rest.values() for k in keys
        if k not in onto and k not in own and index.count(k) < 2
    }  # fmt: skip
    triples = _parsed(asked)
    in_reference = {k for k in asked if ox.Quad(*triples[k], _REF) in store}
    stated: dict[str, set[str]] = defaultdict(set)
    for g, keys in rest.items():
        for k in keys:
            if k not in onto and k not in in_reference:
                stated[k].add(g)
    for k in stated:
        if k in gone:
            continue
        gone[k] = set()
        if index.count(k) > 1:
            continue
        t = triples[k] if k in triples else _triple(k)
        alone[k] = {
            str(q.graph_name.value)
            for q in store.quads_for_pattern(t.subject, t.predicate, t.object, None)
            if isinstance(q.graph_name, ox.NamedNode)
            and str(q.graph_name.value).startswith(APPEAL_GRAPHS)
        }

    stay: list[tuple[str, str]] = []  # (graph, key) left as it was in its own graph
    moving: list[str] = []
    for k, left in gone.items():
        if stated.get(k, _NONE) == left and left <= in_place:
            # Stated by the same changed graphs as before (most of a graph whose note was
            # edited), each changed in place: the triple's holders, place and quad stay. A
            # triple in the reference graph for its holders needs nothing; one in its own
            # graph is still placed there (Delta.added_keys), without a quad made for it.
            if k in alone:
                stay.append((next(iter(left)), k))
            continue
        moving.append(k)
    triples.update(_parsed(k for k in moving if k not in triples))

    removes: list[ox.Quad] = []
    adds: list[tuple[str, ox.Quad]] = []  # every quad placed by the change, with its key
    writes: list[ox.Quad] = []  # those not in the store already
    shrunk: set[str] = set()  # appeal graphs that lose a quad and stay
    for k in moving:
        left = gone[k]
        came = stated.get(k, _NONE)
        old = alone.get(k)
        count = len(old) if old is not None else index.count(k)
        now = count - len(left) + len(came)
        was = _place_by_count(count, old)
        if now > 1 or now == 0 or came:
            will = _place_by_count(now, came)
        else:  # one holder left, not a changed graph: the triple goes back into its graph
            back = (old if old is not None else set(index.holders(k))) - changing
            will = _place_by_count(now, back)
        t = triples[k]
        if was is None and will is not None:
            delta.union_added.add(t)
        elif was is not None and will is None:
            delta.union_removed.add(t)
        if was is not None and was != will:
            if str(was.value) not in changing or str(was.value) in in_place:
                removes.append(ox.Quad(*t, was))
                if was != _REF:
                    shrunk.add(str(was.value))
                    if str(was.value) not in changing:
                        delta.moved_keys.setdefault(str(was.value), (set(), set()))[0].add(k)
        if will is not None and (will != was or str(will.value) in changing):
            adds.append((k, ox.Quad(*t, will)))
            if will != was or str(will.value) not in in_place:
                writes.append(adds[-1][1])
            if str(will.value) not in changing and will != _REF:
                delta.moved += 1
                delta.touched.add(str(will.value))
                delta.moved_keys.setdefault(str(will.value), (set(), set()))[1].add(k)
        if was is not None and was != will and was != _REF and str(was.value) not in changing:
            delta.moved += 1
            delta.touched.add(str(was.value))
        if old is None:
            index.change(k, left - came, came - left)
        elif now > 1:
            index.change(k, (), (old - changing) | came)
    for q in removes:
        store.remove(q)
    store.extend(writes)
    for g in sorted(shrunk):  # left with no triple: no graph (as a full build has none)
        node = ox.NamedNode(g)
        if next(iter(store.quads_for_pattern(None, None, None, node)), None) is None:
            if store.contains_named_graph(node):
                store.remove_graph(node)
    delta.added_keys = {k for k, _q in adds}
    delta.added_keys.update(k for _g, k in stay)
    for g, kept in stay_keys.items():
        delta.added_keys |= kept
        delta.contents[g] = list(kept)
    for k, q in adds:
        if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value in in_place:
            delta.contents.setdefault(q.graph_name.value, []).append(k)
    for g, k in stay:
        delta.contents.setdefault(g, []).append(k)
    delta.reference = {q.triple for q in (*removes, *(q for _k, q in adds)) if q.graph_name == _REF}
    return delta


def _staying(
    old_sets: Mapping[str, set[str]],
    new_sets: Mapping[str, set[str]],
    in_place: AbstractSet[str],
    onto: AbstractSet[str],
    shared: AbstractSet[str],
) -> dict[str, set[str]]:
    """Per graph changed in place, the triples it held in a graph of its own and states
    still, that no other changed graph held or states and the shared index does not list:
    their holders, place and quad stay (most of a graph whose note was edited). Told apart by
    set operations, each over one graph's triples (never over every changed graph's, nor
    over the ontology's or the shared index's for each graph), so that only the rest is
    weighed triple by triple."""
    shared = shared if isinstance(shared, (set, frozenset)) else set(shared)
    out: dict[str, set[str]] = {}
    for g in sorted(in_place):
        if g in old_sets and g in new_sets:
            # ``difference`` walks the smaller graph's set, not the ontology or the index
            both = (old_sets[g] & new_sets[g]).difference(onto).difference(shared)
            if both:
                out[g] = both
    if not out:
        return out
    # Of those, the ones another changed graph held or states too (it becomes shared): a
    # graph's triples less its own staying ones (a few: what changed, what it shares) met
    # in another graph's staying ones, and those that two graphs keep alike. Never a set of
    # every changed graph's triples built triple by triple.
    every = set().union(*out.values())
    twice: set[str] = set()
    for g in sorted(old_sets.keys() | new_sets.keys()):
        own = out.get(g, _NONE)
        rest = old_sets[g] - own if g in old_sets else set()
        if g in new_sets:
            rest |= new_sets[g] - own
        twice |= rest & every
    if len(every) < sum(len(kept) for kept in out.values()):
        seen: set[str] = set()
        for g in sorted(out):
            twice |= seen & out[g]
            seen |= out[g]
    if twice:
        for g in list(out):
            out[g] -= twice
            if not out[g]:
                del out[g]
    return out


def _place_by_count(count: int, holders: AbstractSet[str] | None) -> ox.NamedNode | None:
    """The graph a triple stated by ``count`` appeal graphs lives in; ``holders``: them, when
    there is one."""
    if count > 1:
        return _REF
    if count == 0:
        return None
    assert holders is not None and len(holders) == 1, holders
    return ox.NamedNode(next(iter(holders)))


__all__ = [
    "SHARED_FILE",
    "Delta",
    "SharedCounts",
    "SharedIndex",
    "apply_changes",
    "partition_store",
]
