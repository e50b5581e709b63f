"""Validation's forked workers (kg.check.forked): a worker that dies does not leave the run
waiting for ever; what it did not answer is run in the parent, with the same results."""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from test_setbased import _keys

from kg.check import core_sparql, forked, setbased
from kg.check.forked import aside_result, run_all, run_aside
from kg.check.setbased import validate_set_based
from kg.store import Store
from kg.store.store import MARKER

PARENT = os.getpid()


def _square_or_die(x: int) -> int:
    if x == 3 and os.getpid() != PARENT:
        os._exit(7)  # as a worker killed by a signal or a native abort would end
    return x * x


def _always_die(x: int) -> int:
    if os.getpid() != PARENT:
        os._exit(7)
    return -x


def _dying_work(index: int) -> tuple[int, list]:
    os._exit(9)


def _dying_constraints() -> list:
    os._exit(9)


def _raise_on_two(x: int) -> int:
    if x == 2:
        raise ValueError("two")
    return x


def test_every_item_answered_once_when_a_worker_dies() -> None:
    told: list[str] = []
    answers = list(run_all(_square_or_die, range(8), 2, broken=told.append))
    assert sorted(answers) == [(x, x * x) for x in range(8)]
    assert len(told) == 1 and "worker process died" in told[0]


def test_no_worker_answers_and_all_run_here() -> None:
    answers = dict(run_all(_always_die, range(5), 2))
    assert answers == {x: -x for x in range(5)}


def test_a_tasks_own_error_is_raised_not_rerun() -> None:
    with pytest.raises(ValueError, match="two"):
        list(run_all(_raise_on_two, range(5), 2))


def test_a_job_aside_is_run_here_if_its_process_dies() -> None:
    pending = run_aside(partial(_always_die, 4), partial(str, "here"))
    told: list[str] = []
    assert aside_result(pending, told.append) == "here"
    assert told


def test_a_job_aside_returns_what_its_process_returned() -> None:
    assert aside_result(run_aside(partial(_square_or_die, 5), partial(str, "here"))) == 25


PREFIXES = """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://ex/> .
"""
SHAPES = (
    PREFIXES
    + """
ex:PersonShape a sh:NodeShape ; sh:targetClass ex:Person ;
    sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:message "needs a name" ] ;
    sh:property [ sh:path ex:org ; sh:class ex:Org ; sh:message "org must be an ex:Org" ] ;
    sh:sparql [ sh:message "a person is not their own org" ; sh:select '''
        SELECT $this ?value WHERE { $this <http://ex/org> ?value . FILTER(?value = $this) }''' ] .
ex:OrgShape a sh:NodeShape ; sh:targetClass ex:Org ;
    sh:property [ sh:path ex:label ; sh:minCount 1 ; sh:message "needs a label" ] .
"""
)
GRAPHS = {
    "urn:g:1": PREFIXES + "ex:p1 a ex:Person ; ex:org ex:o1 . ex:o1 a ex:Org .",
    "urn:g:2": PREFIXES + 'ex:p2 a ex:Person ; ex:name "Q" ; ex:org ex:p2 . ex:o2 a ex:Org .',
    "urn:g:3": PREFIXES + 'ex:p3 a ex:Person ; ex:name "R" ; ex:org ex:x .',
}


def _disk_store(root: Path) -> Store:
    """A store on disk with the marker a build writes, so validation forks its workers."""
    path = root / "full"
    store = Store(ox.Store(str(path)), path)
    (path / MARKER).write_text("appeals-kg store\n", encoding="utf-8")
    for name, ttl in GRAPHS.items():
        store.add_graph(Graph().parse(data=ttl, format="turtle"), URIRef(name))
    return store


def test_validation_whose_workers_die_gives_the_serial_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _disk_store(tmp_path)
    shapes = Graph().parse(data=SHAPES, format="turtle")
    conforms, serial, _ = validate_set_based(store, shapes, workers=1)
    expected = _keys(serial)
    assert not conforms and len(expected) >= 4  # p1's name, o1's and o2's labels, x, p2's org

    calls: list[int] = []  # jobs run in this process (a child's calls are not seen here)
    original = core_sparql._run_job

    def counted(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        calls.append(os.getpid())
        return original(*args, **kwargs)  # type: ignore[arg-type]

    forks: list[str] = []

    def watched(name: str, run):  # type: ignore[no-untyped-def]
        def call(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
            forks.append(name)
            return run(*args, **kwargs)

        return call

    monkeypatch.setattr(forked, "run_all", watched("core", forked.run_all))
    monkeypatch.setattr(forked, "run_aside", watched("constraints", forked.run_aside))
    monkeypatch.setattr(core_sparql, "_run_job", counted)
    monkeypatch.setattr(core_sparql, "_work", _dying_work)
    monkeypatch.setattr(setbased, "_constraints_job", _dying_constraints)
    conforms, report, _ = validate_set_based(store, shapes, workers=2)
    assert not conforms
    assert _keys(report) == expected
    assert sorted(forks) == ["constraints", "core"], "both went to forked workers"
    assert calls and set(calls) == {PARENT}, "the jobs the workers did not answer ran here"
