"""Rules derived as each case graph is written (kg/store/localrules.py): the same answer as
the rule's SPARQL over the union of the graphs, the same store as a build that runs every rule
after the load, and SPARQL again wherever one graph alone may not give the answer."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
import yaml
from benchgen import generated_data
from rdflib import RDF, BNode, Literal
from rdflib.namespace import DCTERMS

import kg.store.localrules as localrules
from kg.record.caserecord import short_hash
from kg.record.nquads import TripleSet, term_text
from kg.store import stream
from kg.store.build import rules
from kg.store.derive import canonical_triples, rule_shape
from kg.store.store import Store, store_location
from kg.vocab import AKG, AKR, DATA_DIR, DERIVED_GRAPH, OA, ONTOLOGY_DIR, ORG, ROLE

SHIPPED = rules(ONTOLOGY_DIR)
# The rules whose pattern is one GRAPH pattern (kg.store.derive's graph-local rules).
GRAPH_LOCAL = [
    "complainant-position.rq", "complaint-target.rq", "official-named.rq", "official-post.rq"
]  # fmt: skip
_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generated_data(tmp_path_factory.mktemp("corpus"), 12, seed=7)


def _nquads(store_path: Path) -> list[str]:
    store = Store.open(store_location(store_path))
    text = store.dump("nquads").decode("utf-8")
    return sorted(re.sub(r"_:\S+", "_:_", line) for line in text.splitlines())


def _done(monkeypatch: pytest.MonkeyPatch) -> list[frozenset[str]]:
    """The rules each full build of the test derived as it wrote the graphs."""
    seen: list[frozenset[str]] = []
    derive = stream._derive

    def noting(*a: Any, **k: Any) -> int:
        seen.append(frozenset(k.get("done", ())))
        return derive(*a, **k)

    monkeypatch.setattr(stream, "_derive", noting)
    return seen


def _build_without_local_rules(data: Path, out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as m:
        m.setattr(localrules, "RULES", {})
        stream.build_streaming(out, data, incremental=False, progress=None)


def test_the_graph_local_rules_are_the_ones_derive_runs_per_graph() -> None:
    local = {name for name, text in SHIPPED if rule_shape(name, text).graph}
    assert local == set(GRAPH_LOCAL)
    assert local <= set(localrules.RULES)


def test_each_shipped_rule_is_the_text_it_was_written_for() -> None:
    # A rule file edited without its Python here would be run as SPARQL; this says so.
    assert localrules.usable(SHIPPED, set()) == frozenset(localrules.RULES)
    assert set(localrules.RULES) <= {name for name, _text in SHIPPED}


def test_a_changed_rule_or_a_predicate_stated_elsewhere_goes_back_to_sparql() -> None:
    changed = [(n, t + "\n# changed\n" if n == "acted-by.rq" else t) for n, t in SHIPPED]
    assert "acted-by.rq" not in localrules.usable(changed, set())
    assert "case-role.rq" in localrules.usable(changed, set())
    found = localrules.usable(SHIPPED, {str(AKG.authority)})
    assert "acted-by.rq" not in found and "case-role.rq" in found


@pytest.mark.parametrize("where", ["seed", "generated"])
def test_each_rule_gives_what_its_sparql_gives_over_the_union(
    where: str, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = DATA_DIR if where == "seed" else corpus
    got: dict[str, set[str]] = {name: set() for name in localrules.RULES}
    derive_local = localrules.derive_local

    first: dict[str, int] = {}  # first mentions merged over the graphs: the smallest

    candidates: set[str] = set()  # acting-body's lines, kept by the store's types
    rows: set[str] = set()  # appeal-count's, merged over the graphs, kept by the store's types
    defender_rows: list[str] = []  # concerns-defender's, joined over the graphs

    def each_rule(triples: Any, names: Any) -> Any:
        for name in names:
            for s, p, o in localrules.derive_triples(triples, [name]):
                got[name].add(f"{term_text(s)} <{p}> {term_text(o)}")
        maybe = localrules.acting_candidates(triples)
        candidates.update(localrules.candidate_line(*c) for c in maybe)
        for e, a, i in localrules.appeal_rows(triples) or []:
            rows.add(f"{term_text(e)}\t{term_text(a)}\t{json.dumps(i)}\n")
        defender_rows.extend((localrules.defender_rows(triples) or "").splitlines(keepends=True))
        for fact, start in (localrules.first_mentions(triples) or {}).items():
            first[term_text(fact)] = min(start, first.get(term_text(fact), start))
        return derive_local(triples, names)

    monkeypatch.setattr(localrules, "derive_local", each_rule)
    monkeypatch.setattr(stream, "FRONT_APART", False)  # graphs written in this process
    done = _done(monkeypatch)
    stream.build_streaming(tmp_path / "s", data, incremental=False, jobs=1, progress=None)
    assert done == [frozenset(localrules.RULES)]
    store = Store.open(store_location(tmp_path / "s")).oxigraph
    got[localrules.FIRST_MENTION] = {
        localrules.first_mention_line(fact, start).rsplit(" <", 1)[0]
        for fact, start in first.items()
    }
    organisations = {
        str(q.subject)
        for q in store.quads_for_pattern(None, ox.NamedNode(str(RDF.type)), None)
        if q.object == ox.NamedNode(str(AKG.Organisation))
    }
    kept = {
        line.rsplit(" <", 1)[0] for line in localrules.acting_body_lines(candidates, organisations)
    }
    if where == "generated":  # some agents are organisations, some not
        assert kept and len(kept) < len(candidates)
    got[localrules.ACTING_BODY] |= kept
    people = {
        str(q.subject)
        for q in store.quads_for_pattern(None, ox.NamedNode(str(RDF.type)), None)
        if q.object in (ox.NamedNode(str(AKG.Person)), ox.NamedNode(str(AKG.Organisation)))
    }
    counted = {line.rsplit(" <", 1)[0] for line in localrules.appeal_count_lines(rows, people)}
    got[localrules.APPEAL_COUNT] = counted
    reached = localrules.defenders_reached(defender_rows)
    got[localrules.CONCERNS_DEFENDER] = {
        line.rsplit(" <", 1)[0]
        for line in localrules.concerns_defender_lines(defender_rows, reached)
    }
    if where == "generated":  # the comparison below says something for this rule
        assert got[localrules.CONCERNS_DEFENDER]
        # and for the graph-local rules (one GRAPH pattern each), answered in the workers too
        for name in GRAPH_LOCAL:
            assert got[name], name
    if where == "generated":  # rows of other things than people (involvements) left out
        assert len({row.split("\t")[0] for row in rows}) > len(counted) // 2
        assert any(f'"2"^^<{_INTEGER}>' in line for line in counted)  # merged over graphs
    answered = 0
    for name, text in SHIPPED:
        if name not in localrules.RULES:
            continue
        answer = store.query(text, use_default_graph_as_union=True)
        found = {
            f"{t.subject} {t.predicate} {t.object}"
            for t in canonical_triples(answer, rule_shape(name, text).concat)
        }
        assert got[name] == found, name
        answered += bool(found)
    assert answered >= 7  # most rules have answers here, so the comparison says something


def test_a_full_build_with_local_rules_is_the_build_without(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    done = _done(monkeypatch)
    stream.build_streaming(tmp_path / "local", corpus, incremental=False, progress=None)
    _build_without_local_rules(corpus, tmp_path / "sparql", monkeypatch)
    assert done == [frozenset(localrules.RULES), frozenset()]
    assert _nquads(tmp_path / "local") == _nquads(tmp_path / "sparql")


def _share_an_event(corpus: Path, data: Path) -> None:
    """Two records naming one event by an explicit ``iri``, the second as a complaint whose
    agent and target come from it: the rules then join triples of two graphs."""
    shutil.copytree(corpus, data)
    records = sorted((data / "cases").glob("*.yaml"))[:2]
    for n, path in enumerate(records):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        event = record["events"][0]
        event["iri"] = "akr:event/shared-by-two"
        if n == 1:
            event["type"] = "complaint"
        path.write_text(yaml.safe_dump(record, sort_keys=False), encoding="utf-8")


def test_a_record_naming_an_event_by_iri_sends_the_rules_back_to_sparql(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    _share_an_event(corpus, data)
    done = _done(monkeypatch)
    stream.build_streaming(tmp_path / "guarded", data, incremental=False, progress=None)
    _build_without_local_rules(data, tmp_path / "sparql", monkeypatch)
    assert done == [frozenset(), frozenset()]
    assert _nquads(tmp_path / "guarded") == _nquads(tmp_path / "sparql")
    # Without the guard the answer would differ: the event's statedIn from the other appeal.
    with monkeypatch.context() as m:
        m.setattr(localrules, "names_shared_nodes", lambda _record: False)
        stream.build_streaming(tmp_path / "unguarded", data, incremental=False, progress=None)
    assert _nquads(tmp_path / "unguarded") != _nquads(tmp_path / "sparql")


def test_reference_data_stating_a_rules_predicate_sends_that_rule_back_to_sparql(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    shutil.copytree(corpus, data)
    record = yaml.safe_load(sorted((data / "cases").glob("*.yaml"))[0].read_text("utf-8"))
    first = record["events"][0]
    key = first.get("key") or short_hash(str(record["appeal"]["id"]), str(first["id"]))
    (data / "reference" / "zz-extra.ttl").write_text(
        f"<{AKR[f'event/e-{key}']}> <{AKG.authority}> <{AKR['org/o-extra']}> .\n",
        encoding="utf-8",
    )
    done = _done(monkeypatch)
    stream.build_streaming(tmp_path / "guarded", data, incremental=False, progress=None)
    _build_without_local_rules(data, tmp_path / "sparql", monkeypatch)
    reading = {"acted-by.rq", "banned-by.rq", localrules.ACTING_BODY, localrules.CONCERNS_DEFENDER}
    assert done[0] == frozenset(localrules.RULES) - reading
    quads = _nquads(tmp_path / "guarded")
    assert quads == _nquads(tmp_path / "sparql")
    assert any("o-extra" in q and "actedBy" in q for q in quads)


def test_first_mentions_take_each_facts_smallest_start_and_refuse_other_starts() -> None:
    appeal, fact, other = AKR["appeal/a-1"], AKR["person/p-1"], AKR["event/e-1"]
    spans = [(AKR[f"evidence/a-1-{s}-{s + 5}"], s) for s in (40, 7, 90)]
    triples = TripleSet()
    for span, start in spans:
        triples.add((fact, AKG.evidence, span))
        triples.add_span(span, appeal, start, start + 5, "quote")
    triples.add((other, AKG.evidence, spans[2][0]))
    assert localrules.first_mentions(triples) == {fact: 7, other: 90}
    text, merged, pending, counted, defended = localrules.derive_local(
        triples, [localrules.FIRST_MENTION]
    ) or ("", {}, "", "", "")
    # the event's is final (its key is its record's); the person's is merged over the graphs
    assert text == localrules.first_mention_line(f"<{other}>", 90)
    assert merged == {f"<{fact}>": 7}
    assert pending == counted == defended == ""
    # a start that is not a span's integer offset: the rule goes back to SPARQL
    triples.add((AKR["evidence/x"], OA.start, Literal("7")))
    assert localrules.first_mentions(triples) is None
    assert localrules.derive_local(triples, [localrules.FIRST_MENTION]) is None
    assert localrules.derive_local(triples, ["follows.rq"]) == ("", {}, "", "", "")


def test_a_person_as_authority_is_no_acting_body_and_leaves_the_agents_to_act(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two events of one record with an organisation among their agents: one decided by a
    # person (a minister's ban), one by an organisation. The person is no acting body and the
    # first event's organisation agent is; the second event's body is its authority alone.
    data = tmp_path / "data"
    shutil.copytree(corpus, data)
    path = sorted((data / "cases").glob("*.yaml"))[0]
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    person = str(record["persons"][0]["id"])
    first, second = (str(o["id"]) for o in record["organisations"][:2])
    by_person, by_body = record["events"][:2]
    by_person.update(authority=person, agents=[first])
    by_body.update(authority=second, agents=[first])
    path.write_text(yaml.safe_dump(record, sort_keys=False), encoding="utf-8")
    done = _done(monkeypatch)
    stream.build_streaming(tmp_path / "local", data, incremental=False, progress=None)
    _build_without_local_rules(data, tmp_path / "sparql", monkeypatch)
    assert done == [frozenset(localrules.RULES), frozenset()]
    quads = _nquads(tmp_path / "local")
    assert quads == _nquads(tmp_path / "sparql")
    store = Store.open(store_location(tmp_path / "local")).oxigraph

    def pairs(p: Any) -> set[tuple[str, str]]:
        found = store.quads_for_pattern(None, ox.NamedNode(str(p)), None)
        return {(str(q.subject), str(q.object)) for q in found}

    people = {s for s, o in pairs(RDF.type) if o == f"<{AKG.Person}>"}
    bodies = {s for s, o in pairs(RDF.type) if o == f"<{AKG.Organisation}>"}
    acting = pairs(AKG.actingBody)
    as_agent = {part for part, role in pairs(AKG.role) if role == f"<{ROLE.agent}>"}
    participant = dict(pairs(AKG.participant))
    agents = {
        (event, participant[part]) for event, part in pairs(AKG.participation) if part in as_agent
    }
    by_people = {(e, a) for e, a in pairs(AKG.authority) if a in people}
    by_bodies = {(e, a) for e, a in pairs(AKG.authority) if a in bodies}
    assert by_people and by_bodies
    for event, _person in by_people:
        assert (
            {b for e, b in acting if e == event}
            == {who for e, who in agents if e == event and who in bodies}
            != set()
        )
    for event, body in by_bodies:
        assert {b for e, b in acting if e == event} == {body}


def test_acting_body_keeps_the_agents_another_graph_types_as_organisations(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An event without an authority whose agents are named by CURIE: one typed
    # akg:Organisation by the reference data only, one typed nowhere. The first is the
    # event's acting body; the second is not.
    data = tmp_path / "data"
    shutil.copytree(corpus, data)
    path = sorted((data / "cases").glob("*.yaml"))[0]
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    event = next(e for e in record["events"] if not e.get("authority"))
    event["agents"] = ["akr:org/o-typed-elsewhere", "akr:org/o-typed-nowhere"]
    path.write_text(yaml.safe_dump(record, sort_keys=False), encoding="utf-8")
    typed = AKR["org/o-typed-elsewhere"]
    (data / "reference" / "zz-extra.ttl").write_text(
        f"<{typed}> a <{AKG.Organisation}> .\n", encoding="utf-8"
    )
    done = _done(monkeypatch)
    stream.build_streaming(tmp_path / "local", data, incremental=False, progress=None)
    _build_without_local_rules(data, tmp_path / "sparql", monkeypatch)
    assert done == [frozenset(localrules.RULES), frozenset()]
    quads = _nquads(tmp_path / "local")
    assert quads == _nquads(tmp_path / "sparql")
    acting = [q for q in quads if f"<{AKG.actingBody}>" in q]
    assert any(f"<{typed}>" in q for q in acting)
    assert not any("o-typed-nowhere" in q for q in acting)


def test_appeal_counts_merge_rows_of_several_graphs_whatever_the_identifiers_hold(
    tmp_path: Path,
) -> None:
    person, other = AKR["person/p-1"], AKR["person/p-2"]
    ids = ['"quoted', "tab\there", "line\nbreak", "a | b", "para\u2028sep", "plain"]
    rows = ""
    for n, identifier in enumerate(ids):  # one graph an appeal, each reporting the person
        appeal = AKR[f"appeal/a-{n}"]
        triples = TripleSet()
        triples.add((person, AKG.reportedIn, appeal))
        triples.add((other, AKG.reportedIn, appeal))
        triples.add((appeal, DCTERMS.identifier, Literal(identifier)))
        derived = localrules.derive_local(triples, [localrules.APPEAL_COUNT])
        assert derived is not None
        rows += derived[3]
    path = tmp_path / "rows.tsv"  # read back as the build reads its files
    path.write_text(rows, encoding="utf-8")
    with open(path, encoding="utf-8") as f:
        lines = sorted(localrules.appeal_count_lines(f, {f"<{person}>"}))
    joined = " | ".join(sorted(" | ".join(ids).split(" | ")))
    assert lines == sorted([
        f'<{person}> <{AKG.appealCount}> "6"^^<{_INTEGER}> <{DERIVED_GRAPH}> .\n',
        f"<{person}> <{AKG.appealIdentifiers}> {term_text(Literal(joined))} <{DERIVED_GRAPH}> .\n",
    ])  # fmt: skip
    # an identifier with a datatype or a language: the rule goes back to SPARQL
    triples = TripleSet()
    triples.add((person, AKG.reportedIn, AKR["appeal/a-9"]))
    triples.add((AKR["appeal/a-9"], DCTERMS.identifier, Literal("x", lang="en")))
    assert localrules.derive_local(triples, [localrules.APPEAL_COUNT]) is None


def test_concerns_defender_joins_defenders_posts_and_events_of_different_graphs() -> None:
    # Three graphs: the first makes d a defender, the second gives his post in an
    # organisation, the third an event the organisation takes part in, another whose
    # authority is d himself, and one that only a person who is no defender takes part in.
    d, x, org = AKR["person/p-d"], AKR["person/p-x"], AKR["org/o-1"]
    e1, e2, e3 = (AKR[f"event/e-{n}"] for n in (1, 2, 3))
    first, second, third = TripleSet(), TripleSet(), TripleSet()
    inv = AKR["involvement/i-1"]
    first.add((inv, AKG.role, ROLE.defender))
    first.add((inv, AKG.agent, d))
    other = AKR["involvement/i-2"]  # x is involved, but not as a defender
    first.add((other, AKG.role, ROLE.victim))
    first.add((other, AKG.agent, x))
    post = AKR["post/p-1"]
    second.add((post, ORG.heldBy, d))
    second.add((post, ORG.postIn, org))
    second.add((AKR["post/p-2"], ORG.heldBy, x))
    second.add((AKR["post/p-2"], ORG.postIn, AKR["org/o-2"]))
    for event, part, who in ((e1, "p1", org), (e3, "p3", x), (e3, "p4", AKR["org/o-2"])):
        third.add((event, AKG.participation, AKR[f"event/{part}"]))
        third.add((AKR[f"event/{part}"], AKG.participant, who))
    third.add((e2, AKG.authority, d))
    third.add((e1, AKG.authority, d))  # a second way to the same answer: one line
    rows: list[str] = []
    for triples in (first, second, third):
        derived = localrules.derive_local(triples, [localrules.CONCERNS_DEFENDER])
        assert derived is not None
        rows.extend(derived[4].splitlines(keepends=True))
    reached = localrules.defenders_reached(rows)
    lines = list(localrules.concerns_defender_lines(rows, reached))
    predicate, tail = f"<{AKG.concernsDefender}>", f"<{DERIVED_GRAPH}> .\n"
    assert sorted(lines) == sorted(f"<{e}> {predicate} <{d}> {tail}" for e in (e1, e2))
    # a participant that is a blank node: the rule goes back to SPARQL
    third.add((AKR["event/p1"], AKG.participant, BNode()))
    assert localrules.derive_local(third, [localrules.CONCERNS_DEFENDER]) is None


def test_involvement_reported_in_links_each_appeal_of_a_shared_involvement() -> None:
    # One involvement (one node per case, agent and role) stated by two appeals about the case:
    # the first with an evidence span, the second without (akg:reportedIn). Each graph alone
    # gives its appeal; the union of the two is the rule's SPARQL answer over both graphs, and
    # a node with no agent (a span, an event reported in an appeal) is not an involvement.
    inv, official = AKR["involvement/v-1"], AKR["person/p-o"]
    first_appeal, second_appeal = AKR["appeal/a-1"], AKR["appeal/a-2"]
    span = AKR["evidence/a-1-10-20"]
    first, second = TripleSet(), TripleSet()
    for triples in (first, second):
        triples.add((inv, AKG.role, ROLE.official))
        triples.add((inv, AKG.agent, official))
    first.add((inv, AKG.evidence, span))
    first.add_span(span, first_appeal, 10, 20, "the mayor")
    second.add((inv, AKG.reportedIn, second_appeal))
    second.add((AKR["event/e-1"], AKG.reportedIn, second_appeal))
    name = "involvement-reported-in.rq"
    got = set()
    for triples in (first, second):
        got |= {(str(s), str(o)) for s, _p, o in localrules.derive_triples(triples, [name])}
    assert got == {(str(inv), str(first_appeal)), (str(inv), str(second_appeal))}
    store = ox.Store()
    for n, triples in enumerate((first, second)):
        graph = ox.NamedNode(f"urn:x-test:g{n}")
        for s, p, o in triples._triples:
            obj = ox.NamedNode(str(o)) if not isinstance(o, Literal) else ox.Literal(str(o))
            store.add(ox.Quad(ox.NamedNode(str(s)), ox.NamedNode(str(p)), obj, graph))
    text = dict(SHIPPED)[name]
    answer = store.query(text, use_default_graph_as_union=True)
    assert {(t.subject.value, t.object.value) for t in answer} == got


def test_final_decision_follows_finality_and_appeal_through_a_rebuild(
    seed_built, tmp_path: Path
) -> None:
    """akg:finalDecisionIn (CQ5) is the case of each decision stated final and not open to
    appeal: the seed's reclassification; stated open to appeal, a rebuild takes it out (and
    CQ5's row with it) as a full build of the changed data leaves it out, and back again."""
    from kg.query import run_query
    from kg.store.build import build

    data_copy, store = seed_built.copy()  # the seed as its build left it, built once
    record = data_copy / "cases" / "seed-dauletbayev-2017.yaml"
    text = record.read_text(encoding="utf-8")
    assert text.count("  appealable: false\n") == 1
    decision = AKR["event/e-31305664c7b25271"]
    case = AKR["case/c-5d2e8a17"]

    def final_decisions(store_path: Path) -> set[tuple[str, str]]:
        store = Store.open(store_location(store_path, public=True))
        answer = store.oxigraph.quads_for_pattern(
            None, ox.NamedNode(str(AKG.finalDecisionIn)), None
        )
        return {(q.subject.value, q.object.value) for q in answer}

    def cq05(store_path: Path) -> list[str]:
        store = Store.open(store_location(store_path, public=True))
        return [str(row[0]) for row in run_query(store, "cq05-final-decisions").rows]

    assert final_decisions(store) == {(str(decision), str(case))}
    assert cq05(store) == [str(decision)]
    for appealable, expected in (("true", set()), ("false", {(str(decision), str(case))})):
        record.write_text(
            text.replace("  appealable: false\n", f"  appealable: {appealable}\n"),
            encoding="utf-8",
        )
        build(store, data_copy, progress=None)  # incremental: the record changed
        assert final_decisions(store) == expected
        assert cq05(store) == [d for d, _c in expected]
        full = tmp_path / f"full-{appealable}"
        build(full, data_copy, incremental=False, progress=None)
        assert _nquads(store) == _nquads(full)


def test_ban_shortcuts_follow_who_banned_and_what_through_a_rebuild(
    seed_built, tmp_path: Path
) -> None:
    """akg:bannedBy (CQ12's "by whom") is a ban's authority, else its agents, and
    akg:bansOrganisation the ban's targets typed akg:Organisation: the seed's ban of o1 by the
    police (o8, authority and agent). Its authority taken away and a second agent added, a
    rebuild gives both agents; a person as authority and a person among the targets, the
    person banned alone and the person left out of the banned; each rebuild equal to a full
    build of the changed data, and CQ12's rows follow."""
    from kg.query import run_query
    from kg.store.build import build

    data_copy, store = seed_built.copy()  # the seed as its build left it, built once
    path = data_copy / "cases" / "seed-dauletbayev-2017.yaml"
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    at = next(i for i, e in enumerate(record["events"]) if e["type"] == "ban")
    ban = record["events"][at]
    assert ban["authority"] == "o8" and ban["agents"] == ["o8"] and ban["targets"] == ["o1"]
    event = str(AKR[f"event/e-{ban['key']}"])

    def shortcuts(store_path: Path) -> dict[str, set[str]]:
        store = Store.open(store_location(store_path, public=True)).oxigraph
        out: dict[str, set[str]] = {}
        for p in (AKG.bannedBy, AKG.bansOrganisation):
            found = store.quads_for_pattern(ox.NamedNode(event), ox.NamedNode(str(p)), None)
            out[str(p)] = {q.object.value for q in found}
        return out

    def cq12(store_path: Path) -> set[tuple[str, str]]:
        store = Store.open(store_location(store_path, public=True))
        result = run_query(store, "cq12-banned-organisations")
        col = {v: i for i, v in enumerate(result.variables)}
        return {
            (str(r[col["organisation"]]), str(r[col["by"]]))
            for r in result.rows
            if str(r[col["event"]]) == event
        }

    first = shortcuts(store)
    (police,) = first[str(AKG.bannedBy)]
    (banned,) = first[str(AKG.bansOrganisation)]
    assert cq12(store) == {(banned, police)}
    changes = [
        ({"authority": None, "agents": ["o8", "o2"]}, 2, 1),  # both agents banned
        ({"authority": "p1", "agents": ["o8"], "targets": ["o1", "p2"]}, 1, 1),  # p1 alone
    ]
    for n, (change, bodies, organisations) in enumerate(changes):
        record["events"][at] = {**ban, **change}
        path.write_text(yaml.safe_dump(record, sort_keys=False), encoding="utf-8")
        build(store, data_copy, progress=None)  # incremental: the record changed
        got = shortcuts(store)
        assert len(got[str(AKG.bannedBy)]) == bodies
        assert got[str(AKG.bansOrganisation)] == {banned}  # the person p2 is no organisation
        assert police in got[str(AKG.bannedBy)] or change["authority"] == "p1"
        assert police not in got[str(AKG.bannedBy)] or change["authority"] is None
        assert cq12(store) == {(banned, by) for by in got[str(AKG.bannedBy)]}
        assert len(got[str(AKG.bansOrganisation)]) == organisations
        full = tmp_path / f"full-{n}"
        build(full, data_copy, incremental=False, progress=None)
        assert _nquads(store) == _nquads(full)


def test_typed_gives_each_typed_subject_once_as_its_nquads_term() -> None:
    """appeal-count and acting-body keep their rows for what some graph types a person or an
    organisation: each subject once whichever graphs type it, IRIs and blank nodes written as
    in N-Quads, nothing typed otherwise or only as a literal's kind."""
    store = ox.Store()
    person, org = ox.NamedNode(str(AKG.Person)), ox.NamedNode(str(AKG.Organisation))
    rdf_type = ox.NamedNode(str(RDF.type))
    ana, body = ox.NamedNode("https://example.org/p/ana"), ox.NamedNode("https://example.org/o/1")
    blank = ox.BlankNode("b1")
    for g in ("https://example.org/g/1", "https://example.org/g/2"):
        store.add(ox.Quad(ana, rdf_type, person, ox.NamedNode(g)))
    store.add(ox.Quad(body, rdf_type, org, ox.NamedNode("https://example.org/g/1")))
    store.add(ox.Quad(blank, rdf_type, org))
    store.add(
        ox.Quad(ox.NamedNode("https://example.org/e/1"), rdf_type, ox.NamedNode(str(OA.Annotation)))
    )
    expected = {"<https://example.org/p/ana>", "<https://example.org/o/1>", str(blank)}
    assert stream._typed(store, str(AKG.Person), str(AKG.Organisation)) == expected
    assert stream._typed(store, str(AKG.Organisation)) == expected - {"<https://example.org/p/ana>"}
    assert stream._typed(store, str(ORG.Organization)) == set()


_GRAPH_LOCAL_MADE = ("complainantPosition", "complaintTarget", "officialNamed", "officialPost")


def _graph_local_answers(store_path: Path) -> set[str]:
    return {
        q for q in _nquads(store_path) if any(f"#{p}>" in q for p in _GRAPH_LOCAL_MADE)
    }  # fmt: skip


def _change_officials_and_complaints(data: Path) -> list[str]:
    """Officials made witnesses and complaints made threats in some records, complaints
    made in others, one of those naming its event by ``iri``: the graph-local rules'
    answers change in each changed graph. Returns the changed records' appeal ids."""
    changed = []
    for n, path in enumerate(sorted((data / "cases").glob("*.yaml"))[:8]):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        if n < 5:
            for person in record.get("persons") or []:
                person["roles"] = ["witness" if r == "official" else r for r in person["roles"]]
            for event in record.get("events") or []:
                if event.get("type") == "complaint":
                    event["type"] = "threat"
        else:
            event = record["events"][-1]
            event["type"] = "complaint"
            if n == 7:
                event["iri"] = "akr:event/named-by-iri"
        path.write_text(yaml.safe_dump(record, sort_keys=False), encoding="utf-8")
        changed.append(str(record["appeal"]["id"]))
    return changed


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_rebuild_takes_the_written_graphs_graph_local_answers_from_the_workers(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """A rebuild derives the graph-local rules' answers of each graph it writes from the
    record's triples, as a full build does, and asks the changed store by SPARQL only about
    the other graphs (here the record naming its event by ``iri``): the store is the full
    build's of the changed data, whose graph-local answers differ from the first build's."""
    import kg.store.derive as derive
    import kg.store.workers as workers

    monkeypatch.setattr(workers, "PARALLEL_FROM", 1)  # the 8 graphs written in 2 workers
    data = tmp_path / "data"
    shutil.copytree(corpus, data)
    stream.build_streaming(tmp_path / "kg", data, progress=None)
    before = _graph_local_answers(tmp_path / "kg")
    changed = _change_officials_and_complaints(data)
    seen: list[Any] = []
    derive_changes, asked = stream.derive_changes, derive._graph_answers

    def noting(*a: Any, **k: Any) -> Any:
        seen.append(k.get("known"))
        return derive_changes(*a, **k)

    def counting(shape: Any, store: Any, graphs: Any) -> Any:
        seen.append((shape.name, sorted(graphs)))
        return asked(shape, store, graphs)

    monkeypatch.setattr(stream, "derive_changes", noting)
    monkeypatch.setattr(derive, "_graph_answers", counting)
    said: list[str] = []
    stream.build_streaming(tmp_path / "kg", data, jobs=jobs, progress=said.append)
    assert any("8 graph(s) written" in line for line in said), said  # incremental, 8 graphs
    known = next(k for k in seen if isinstance(k, derive.GraphAnswers))
    assert known.rules == frozenset(GRAPH_LOCAL)
    graph = {aid: str(stream.appeal_graph_iri(aid)) for aid in changed}
    assert set(known.now) == {graph[aid] for aid in changed[:7]}  # not the one naming by iri
    # With workers, the answers before the change were asked while they wrote the graphs.
    assert (known.before is not None) == (jobs == 2)
    assert known.asked == frozenset(graph.values())
    # Each rule asked about the 8 graphs as they were, and, as they are, about the graph the
    # workers could not answer for.
    asks = [a for a in seen if isinstance(a, tuple) and a[1]]
    assert sorted(asks) == sorted(
        [(name, sorted(graph.values())) for name in GRAPH_LOCAL]
        + [(name, [graph[changed[7]]]) for name in GRAPH_LOCAL]
    )
    after = _graph_local_answers(tmp_path / "kg")
    assert before - after and after - before  # answers went and came
    stream.build_streaming(tmp_path / "full", data, incremental=False, progress=None)
    assert _nquads(tmp_path / "kg") == _nquads(tmp_path / "full")


def test_appeal_year_casts_the_dates_first_four_characters_as_sparql_does() -> None:
    """appeal-year.rq's ``xsd:integer(SUBSTR(STR(?issued), 1, 4))`` in Python: a date, a
    year-month and a year give their year; a leading zero and a sign are read as the cast reads
    them; four characters that are no integer (spaces around digits too) give nothing. Each
    case's years are what Oxigraph's answer to the rule gives over the same triples."""
    from rdflib import URIRef
    from rdflib.namespace import XSD

    issued = [
        Literal("2017-12-01", datatype=XSD.date), Literal("2019-07", datatype=XSD.gYearMonth),
        Literal("2021", datatype=XSD.gYear), Literal("0201-05-06"), Literal("+120-1"),
        Literal(" 7  x"), Literal("n.d."), Literal("20x1"), URIRef("urn:x:2020"),
    ]  # fmt: skip
    triples = TripleSet()
    store = ox.Store()
    for n, value in enumerate(issued):
        case, appeal = AKR[f"case/c{n % 3}"], AKR[f"appeal/a{n}"]
        for s, p, o in ((case, AKG.hasAppeal, appeal), (appeal, DCTERMS.issued, value)):
            triples.add((s, p, o))
            store.add(ox.Quad(*(_ox(t) for t in (s, p, o))))
    got = {
        f"{term_text(s)} <{p}> {term_text(o)}"
        for s, p, o in localrules.derive_triples(triples, ["appeal-year.rq"])
    }
    text = dict(SHIPPED)["appeal-year.rq"]
    found = {f"{t.subject} {t.predicate} {t.object}" for t in store.query(text)}
    assert got == found
    years = sorted(int(line.split('"')[1]) for line in got)
    assert years == [120, 201, 2017, 2019, 2021]


def _ox(term: Any) -> Any:
    if isinstance(term, Literal):
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    return ox.NamedNode(str(term))
