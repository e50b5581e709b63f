"""One triple, one graph, decided on the N-Quads text of a full build before the bulk load.

:func:`kg.store.delta.partition_store` places each triple after the bulk load, by reading every
quad of the store back into Python (reading a store costs what decoding every term from
RocksDB costs), and :func:`kg.store.chunks.write_chunks` then reads every appeal graph back
again to write its export files. A full build already has each graph's N-Quads text before the
load, so here the same placement is decided on that text and each appeal graph is loaded, and
its export files written, as it ends up:

1. each case graph's text goes to a work file, and the hash of each line's triple (the line
   without its graph) to a file, with those of the ontology and reference graphs;
2. the hashes met more than once (sorted with numpy a bucket at a time) point to the lines that
   may be stated elsewhere; only those are compared as text, so the decision is exact (a hash
   collision only makes a line compared for nothing);
3. each case graph is read back from the work file without the lines the partition takes out,
   and given to ``write`` (the bulk loader's files); the reference graph gains the triples
   several appeal graphs state.

The rules are those of :func:`kg.store.delta.partition_store`, and so is the shared index it
returns; ``tests/test_textpartition.py`` compares the stores both give. Equal triples are equal
lines because every line comes from :func:`kg.record.nquads.term_text`, which writes a term one
way (language tags in lower case, as Oxigraph keeps them).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pyoxigraph as ox

from kg.store.delta import APPEAL_GRAPHS, SharedIndex
from kg.vocab import REFERENCE_GRAPH


class Partitioned(NamedTuple):
    """What :func:`partition_nquads` gives: the shared index, and the appeal graphs whose
    export files it wrote (graph IRI -> triples)."""

    shared: SharedIndex
    exported: dict[str, int]


def _keys(text: str) -> list[str]:
    """Each line's triple: the line without its graph term (an IRI: no space, no ``<``)."""
    if text.endswith(" .\n"):
        # A graph's lines all end in its IRI: cut it from every line at once when the first
        # line's ending takes exactly one graph term from each line (a newline is only ever a
        # line's end), else line by line.
        first = text[: text.index("\n") + 1]
        tail = first[first.rindex(" <") :]
        cut = text.replace(tail, "\n")
        if len(text) - len(cut) == text.count("\n") * (len(tail) - 1):
            return cut.split("\n")[:-1]
    return [line[: line.rindex(" <")] for line in text.splitlines()]


BLOCK = 1 << 20  # hashes read or written at a time
BUCKET = 1 << 22  # hashes sorted at a time (32 MB), about


class _HashFile:
    """The hash of every line, in line order, in a file: sorted a bucket at a time (by the
    hash's top bits), so that finding the repeated ones holds about :data:`BUCKET` hashes,
    however many lines the corpus has (sorting them all at once held about 26 bytes a line)."""

    def __init__(self, path: Path) -> None:
        self.path, self._written = path, 0
        self._buffer = array("q")
        self._out = open(path, "wb")  # noqa: SIM115 - closed by repeated()

    def extend(self, values: Iterable[int]) -> None:
        self._buffer.extend(values)
        if len(self._buffer) >= BLOCK:
            self._flush()

    @property
    def count(self) -> int:
        return self._written + len(self._buffer)

    def close(self) -> None:
        self._out.close()

    def _flush(self) -> None:
        self._written += len(self._buffer)
        self._buffer.tofile(self._out)
        self._buffer = array("q")

    def _blocks(self) -> Iterator[np.ndarray]:
        with open(self.path, "rb") as f:
            while len(block := np.fromfile(f, dtype=np.int64, count=BLOCK)):
                yield block

    def repeated(self) -> np.ndarray:
        """The positions (ascending) of the lines whose hash is met more than once.

        The file is read once: each block's hashes go, with their positions, to the file of
        their bucket; each bucket is then sorted alone and gives the positions of its repeated
        hashes. (Reading the whole file once per bucket cost 32 passes at 100,000 appeals.)"""
        self._flush()
        self.close()
        bits = max(0, (self.count // BUCKET).bit_length())
        if not bits:
            values = np.fromfile(self.path, dtype=np.int64)
            return np.sort(_twice(values, np.arange(len(values), dtype=np.int64)))
        rows = np.dtype([("hash", np.int64), ("at", _position_type(self.count))])
        shift = np.uint64(64 - bits)
        parts = [self.path.with_name(f"{self.path.name}.{b}") for b in range(1 << bits)]
        found: list[np.ndarray] = []
        try:
            with ExitStack() as files:
                outs = [files.enter_context(open(p, "wb")) for p in parts]  # noqa: SIM115
                start = 0
                for block in self._blocks():
                    bucket = (block.view(np.uint64) >> shift).astype(np.intp)
                    order = np.argsort(bucket, kind="stable")
                    bounds = np.concatenate(
                        ([0], np.cumsum(np.bincount(bucket, minlength=len(parts))))
                    )
                    sent = np.empty(len(block), dtype=rows)
                    sent["hash"], sent["at"] = block[order], order + start
                    for b, f in enumerate(outs):
                        if bounds[b + 1] > bounds[b]:
                            sent[bounds[b] : bounds[b + 1]].tofile(f)
                    start += len(block)
            for p in parts:
                part = np.fromfile(p, dtype=rows)
                p.unlink()
                found.append(_twice(part["hash"], part["at"].astype(np.int64)))
        finally:
            for p in parts:
                p.unlink(missing_ok=True)
        out = np.concatenate(found)
        del found
        out.sort()  # in place: the positions are held once
        return out


def _position_type(count: int) -> type:
    """A type for the numbers of ``count`` lines: 4 bytes where they fit, else 8."""
    return np.uint32 if count < 1 << 32 else np.int64


def _twice(values: np.ndarray, at: np.ndarray) -> np.ndarray:
    """The items of ``at`` whose value in ``values`` (same length) is met more than once."""
    order = np.argsort(values)
    ranked = values[order]
    same = ranked[1:] == ranked[:-1]
    keep = np.zeros(len(values), dtype=bool)
    keep[1:] |= same
    keep[:-1] |= same
    return at[order[keep]]


def partition_nquads(
    ontology: str,
    reference: str,
    cases: Iterable[str],
    work: Path,
    write: Callable[[str], None],
    export: Callable[[str, str], int] | None = None,
) -> Partitioned:
    """Write the ontology, reference and case graphs (N-Quads text, one whole graph per item
    of ``cases``) through ``write``, each triple in one graph as
    :func:`kg.store.delta.partition_store` places it; ``work`` is a file this may fill and
    removes. ``export(graph IRI, text)``, if given, writes an appeal graph's export files from
    its final text and returns its triple count."""
    onto_keys = set(_keys(ontology))
    ref_keys = set(_keys(reference))
    hashes = _HashFile(work.with_name(work.name + ".hashes"))
    hashes.extend(map(hash, onto_keys))
    hashes.extend(map(hash, ref_keys))
    base = hashes.count
    graphs: list[tuple[str, int, int, int]] = []  # IRI, first line, byte offset, byte length
    try:
        offset = 0
        with open(work, "wb") as out:
            for text in cases:
                if not text:
                    continue
                keys = _keys(text)
                first = keys[0]
                line = text[len(first) + 2 : text.index("\n")]
                data = text.encode("utf-8")
                graphs.append((line[: line.rindex(">")], hashes.count - base, offset, len(data)))
                hashes.extend(map(hash, keys))
                out.write(data)
                offset += len(data)
        candidates = hashes.repeated()
        candidates = candidates[candidates >= base] - base

        # The appeal graphs stating each triple that may be stated elsewhere.
        holders: dict[str, list[str]] = {}
        drop: set[str] = set()
        for iri, lines in _candidate_lines(work, graphs, candidates):
            for key in lines:
                if key in onto_keys:
                    drop.add(key)
                    continue
                got = holders.setdefault(key, [])
                if not got or got[-1] != iri:
                    got.append(iri)
        shared: SharedIndex = {}
        added: list[str] = []
        for key, names in holders.items():
            if len(names) > 1:
                drop.add(key)
                if key not in ref_keys:
                    added.append(key)
                    shared[key] = sorted(names)
            elif key in ref_keys:
                drop.add(key)
        del holders

        write(ontology)
        ref = f" <{REFERENCE_GRAPH}> .\n"
        write(reference + "".join(f"{key}{ref}" for key in added))
        exported: dict[str, int] = {}
        for iri, text in _final_texts(work, graphs, candidates, drop):
            write(text)
            if export is not None and iri.startswith(APPEAL_GRAPHS):
                exported[iri] = export(iri, text)
    finally:
        work.unlink(missing_ok=True)
        hashes.close()
        hashes.path.unlink(missing_ok=True)
    return Partitioned(_oxigraph_keys(shared), exported)


def _graph_texts(work: Path, graphs: list[tuple[str, int, int, int]]) -> Iterator[str]:
    with open(work, "rb") as f:
        for _iri, _first, offset, size in graphs:
            f.seek(offset)
            yield f.read(size).decode("utf-8")


def _window(candidates: np.ndarray, first: int, count: int) -> np.ndarray:
    lo, hi = np.searchsorted(candidates, (first, first + count))
    return candidates[lo:hi] - first


def _candidate_lines(
    work: Path, graphs: list[tuple[str, int, int, int]], candidates: np.ndarray
) -> Iterator[tuple[str, list[str]]]:
    """Each case graph's IRI and the triples of its lines whose hash was met elsewhere."""
    for (iri, first, _o, _s), text in zip(graphs, _graph_texts(work, graphs), strict=True):
        lines = text.split("\n")  # not splitlines(): a literal may hold U+2028 or U+000C
        picked = _window(candidates, first, len(lines) - 1)
        if len(picked):
            yield iri, [(line := lines[i])[: line.rindex(" <")] for i in picked.tolist()]


def _final_texts(
    work: Path, graphs: list[tuple[str, int, int, int]], candidates: np.ndarray, drop: set[str]
) -> Iterator[tuple[str, str]]:
    """Each case graph's IRI and text without the lines whose triple lives elsewhere."""
    for (iri, first, _o, _s), text in zip(graphs, _graph_texts(work, graphs), strict=True):
        picked = _window(candidates, first, text.count("\n")).tolist()
        if not drop or not picked:
            yield iri, text
            continue
        lines = text.split("\n")
        gone = {i for i in picked if (line := lines[i])[: line.rindex(" <")] in drop}
        if gone:
            for i in sorted(gone, reverse=True):
                del lines[i]
            text = "\n".join(lines)  # lines[-1] is the empty rest after the last newline
        yield iri, text


def _oxigraph_keys(shared: dict[str, list[str]]) -> SharedIndex:
    """The shared index keyed as :func:`kg.store.delta.partition_store` keys it (the triple as
    Oxigraph writes it, which may escape a literal otherwise than the build's text)."""
    if not shared:
        return {}
    keys = list(shared)
    text = "".join(f"{k} .\n" for k in keys).encode("utf-8")
    triples = ox.parse(input=text, format=ox.RdfFormat.N_TRIPLES)
    return {
        f"{t.subject} {t.predicate} {t.object}": shared[k]
        for k, t in zip(keys, triples, strict=True)
    }


__all__ = ["Partitioned", "partition_nquads"]
