"""The development corpus as one graph: identity across appeals (kg.record.identity) and
the questions that need several appeals, CQ15 and CQ16.

- The gold files (one per appeal of the corpus) are case records without evidence: built into
  one store, CQ15, CQ16 and CQ16b must give the rows counted here, in plain Python, from the
  gold YAML itself.
- Identity rules on small synthetic records.
- The same questions on the graph built from extracted records, measured against the gold.
"""

from __future__ import annotations

import csv
import re
import shutil
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml
from anyascii import anyascii
from goldcorpus import gold_files, gold_records
from rdflib import RDFS, SKOS, Literal, URIRef
from test_distinct import CQS, distinct_differences

from kg.countries import country_code, country_iri
from kg.errors import DataError, KgError
from kg.query import QueryFile, QueryResult, find_query, run_query
from kg.record.identity import fold_word, person_tokens, resolve_identities
from kg.store import Store
from kg.store.build import BuildResult, build, build_dataset
from kg.vocab import DATA_DIR

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"the development corpus is not at {CORPUS}"
)
# Events that bring a charge, and judgments that imply one (docs/case-record.md).
CHARGING_EVENTS = {
    "case_opened",
    "charge",
    "charge_reclassified",
    "trial_hearing",
    "court_decision",
    "conviction",
    "sentence",
    "fine",
    "acquittal",
}

# Known failures, with the measured difference; each entry goes once its cause is fixed.
KNOWN_XFAIL: dict[str, str] = {
    "extracted-agreement": (
        "extraction is not yet good enough: 55 differences over the 49 appeals when last "
        "measured (after 363479e8, as at it; 54 at d8e9de8, 66 in an earlier count, 75 before "
        "case charges stated apart from events), most of them CQ16 counts of charges and "
        "defenders per country and year and CQ16b charges per article, which follow from the "
        "targets and provisions of charging events, from person roles and from the offence "
        "labels the gold gives articles from knowledge of the codes. The failure message "
        "lists them"
    ),
}


# --------------------------------------------------------------------------------------------
# The gold files, and what CQ15/CQ16 must say about them, counted without the graph


def _charges(record: dict[str, Any]) -> set[tuple[str, str]]:
    """(person, provision) pairs charged: the record's 'charges', else one per person target and
    provision of a charging event (the rule docs/case-record.md states)."""
    if record.get("charges"):
        return {(str(c["person"]), str(c["provision"])) for c in record["charges"]}
    persons = {str(p["id"]) for p in record.get("persons") or []}
    out = set()
    for e in record.get("events") or []:
        if e.get("type") in CHARGING_EVENTS:
            for t in e.get("targets") or []:
                if str(t) in persons:
                    out.update((str(t), str(pv)) for pv in e.get("provisions") or [])
    return out


def _defenders(record: dict[str, Any]) -> set[str]:
    return {
        str(p["id"]) for p in record.get("persons") or [] if "defender" in (p.get("roles") or [])
    }


def expected_cq16(records: dict[str, dict[str, Any]]) -> set[tuple[str, int, int, int, int]]:
    """(country IRI, year, cases, defenders, charges): a case counts under each of its countries;
    a defender named in several appeals (by the rule of expected_cq15) counts once."""
    same = same_person(records)
    cells: dict[tuple[str, int], dict[str, set[Any]]] = defaultdict(lambda: defaultdict(set))
    for aid, r in records.items():
        year = int(str(r["appeal"]["date"])[:4])
        for name in r["appeal"].get("countries") or []:
            cell = cells[(str(country_iri(country_code(name) or "")), year)]
            cell["cases"].add(aid)
            cell["defenders"].update(same.get((aid, p), (aid, p)) for p in _defenders(r))
            cell["charges"].update((aid, *c) for c in _charges(r))
    return {
        (c, y, len(v["cases"]), len(v["defenders"]), len(v["charges"]))
        for (c, y), v in cells.items()
    }


def _article_key(article: str) -> str:
    """An article as the graph names its provision: '342, Part 2' -> '342-part-2'."""
    return re.sub(r"[^a-z0-9]+", "-", anyascii(article).lower()).strip("-")


def expected_cq16b(records: dict[str, dict[str, Any]]) -> dict[tuple[str, str], tuple[int, int]]:
    """(jurisdiction code, article) of criminal-code provisions with an offence label in some
    record -> (charges against defenders of the same case, defenders charged, a defender named
    in several appeals counting once)."""
    same = same_person(records)
    labelled: set[tuple[str, str]] = set()
    provisions: dict[tuple[str, str], tuple[str, str]] = {}
    for aid, r in records.items():
        for ins in r.get("instruments") or []:
            if ins.get("kind") != "criminal_code":
                continue
            code = country_code(ins.get("jurisdiction") or "") or ""
            for pv in ins.get("provisions") or []:
                key = (code, _article_key(str(pv["article"])))
                provisions[(aid, str(pv["id"]))] = key
                if pv.get("label"):
                    labelled.add(key)
    charges: dict[tuple[str, str], set[tuple[str, str, str]]] = defaultdict(set)
    for aid, r in records.items():
        defenders = _defenders(r)
        for person, pv in _charges(r):
            key = provisions.get((aid, pv))
            if person in defenders and key in labelled:
                charges[key].add((aid, person, pv))
    return {
        k: (len(v), len({same.get((a, p), (a, p)) for a, p, _ in v})) for k, v in charges.items()
    }


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


# Names that pick no one body, even within a country: they never tie two mentions together.
NO_BODY = {
    "police",
    "local police",
    "police officers",
    "security officers",
    "armed forces",
    "high court",
    "court of appeal",
    "court of appeals",
    "observatory",
    "working group",
}


def _fullest(names: set[str]) -> str:
    return max(sorted(names), key=lambda s: (len(s.split()), len(s)))


def _org_country(item: dict[str, Any]) -> str | None:
    """An organisation's stated country, else the one its name ends with ("... of Azerbaijan")."""
    if item.get("country"):
        return country_code(item["country"]) or item["country"]
    m = re.search(r"\b(?:of|in) (?:the )?([A-Z][\w ]+)$", item["name"])
    return country_code(m.group(1)) if m else None


Cq15Key = tuple[str, frozenset[str], str]  # (type, appeal ids, label)


def identity_groups(records: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Persons and organisations of the records grouped by a plain rule that suits the gold:

    - an organisation is one with another when a name or variant is equal (case and
      punctuation aside, names that pick no one body left out) and the country is the same (or
      stated by neither);
    - a person likewise on a name of two words or more, when their countries (the appeal's and
      those of the organisations they hold posts in) meet, or they hold posts in organisations
      of the same name.
    """
    entries = []
    for aid, r in records.items():
        orgs = {str(o["id"]): o for o in r.get("organisations") or []}
        for kind, section in (("person", "persons"), ("organisation", "organisations")):
            for item in r.get(section) or []:
                if not item.get("name"):
                    continue
                spellings = {item["name"], *(item.get("variants") or [])}
                names = {_norm(n) for n in spellings} - NO_BODY
                if kind == "organisation":
                    facts = {"country": _org_country(item)}
                    # "Supreme Court of Azerbaijan" is the Supreme Court of an Azerbaijani record
                    for n in list(names):
                        m = re.fullmatch(r"(.+) (?:of|in) (?:the )?(.+)", n)
                        if m and facts["country"] and country_code(m[2]) == facts["country"]:
                            names.add(m[1])
                else:
                    names = {n for n in names if len(n.split()) >= 2}
                    held = [
                        orgs[str(p["organisation"])]
                        for p in item.get("positions") or []
                        if str(p.get("organisation")) in orgs
                    ]
                    facts = {
                        "countries": {country_code(c) for c in r["appeal"].get("countries") or []}
                        | {_org_country(o) for o in held} - {None},
                        "orgs": {_norm(o["name"]) for o in held if o.get("name")},
                    }
                entries.append(
                    (kind, (aid, str(item["id"])), facts, names, spellings, item["name"])
                )

    def agree(kind: str, a: dict[str, Any], b: dict[str, Any]) -> bool:
        if kind == "organisation":
            return bool(a["country"] == b["country"])
        return bool(a["countries"] & b["countries"] or a["orgs"] & b["orgs"])

    groups: list[dict[str, Any]] = []
    for kind, member, facts, names, spellings, name in entries:
        home = [
            g
            for g in groups
            if g["kind"] == kind
            and g["names"] & names
            and any(agree(kind, f, facts) for f in g["facts"])
        ]
        g = {"kind": kind, "facts": [], "names": set(), "members": set(), "spellings": set()}
        g["labels"] = set()
        for other in home:
            for k in ("names", "members", "spellings", "labels"):
                g[k] |= other[k]
            g["facts"] += other["facts"]
            groups.remove(other)
        groups.append(g)
        g["facts"].append(facts)
        g["names"] |= names
        g["members"].add(member)
        g["spellings"] |= spellings
        g["labels"].add(name)
    return groups


def expected_cq15(records: dict[str, dict[str, Any]]) -> dict[Cq15Key, set[str]]:
    """Persons and organisations in two or more appeals (see identity_groups), keyed by type,
    set of appeals and fullest name (the label), with every spelling."""
    out = {}
    for g in identity_groups(records):
        appeals = frozenset(aid for aid, _ in g["members"])
        if len(appeals) > 1:
            out[(g["kind"], appeals, _fullest(g["labels"]))] = g["spellings"]
    return out


def same_person(records: dict[str, dict[str, Any]]) -> dict[tuple[str, str], Any]:
    """(appeal, local id) of each person named in several appeals -> one key per person."""
    out = {}
    for n, g in enumerate(identity_groups(records)):
        if g["kind"] == "person" and len({aid for aid, _ in g["members"]}) > 1:
            out.update({m: ("person", n) for m in g["members"]})
    return out


def build_corpus_store(
    tmp: Path, records: dict[str, dict[str, Any]], texts: bool
) -> tuple[Store, BuildResult]:
    """A data dir of the records (as data/extracted/<appeal>.yaml, with the appeal texts in
    data/appeals when ``texts``) plus the project's data/reference, built into a store."""
    data = tmp / "data"
    (data / "extracted").mkdir(parents=True)
    (data / "appeals").mkdir()
    shutil.copytree(DATA_DIR / "reference", data / "reference")
    for aid, record in records.items():
        if texts:
            src = record["appeal"]["source"]
            shutil.copy(CORPUS / src, data / "appeals" / src)
        (data / "extracted" / f"{aid}.yaml").write_text(
            yaml.safe_dump(record, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )
    result = build(tmp / "store", data)
    return Store.open(tmp / "store"), result


def _answer(store: Store, name: str) -> QueryResult:
    result = run_query(store, find_query(name))
    assert isinstance(result, QueryResult)
    return result


def cq15_rows(store: Store) -> dict[Cq15Key, dict[str, Any]]:
    out = {}
    for row in _answer(store, "cq15").to_rows():
        appeals = frozenset(row["appealIds"].split(" | "))
        out[(row["type"], appeals, row["label"])] = {
            "appeals": row["appeals"],
            "spellings": set(row["spellings"].split(" | ")),
        }
    return out


def cq16_rows(store: Store) -> set[tuple[str, int, int, int, int]]:
    return {
        (r["country"], int(r["year"]), r["cases"], r["defenders"], r["charges"])
        for r in _answer(store, "cq16-cases-by-country-and-year").to_rows()
    }


def cq16b_rows(store: Store) -> dict[tuple[str, str], tuple[int, int]]:
    out = {}
    for r in _answer(store, "cq16b").to_rows():
        code = country_code(r["jurisdictionLabel"] or "") or ""
        key = (code, _article_key(r["article"]))
        assert key not in out, f"two provisions {key} in the answer"
        out[key] = (r["charges"], r["defenders"])
    return out


@pytest.fixture(scope="module")
def gold() -> dict[str, dict[str, Any]]:
    if not CORPUS.is_dir():
        pytest.skip(f"the development corpus is not at {CORPUS}")
    return gold_records()


@pytest.fixture(scope="module")
def gold_build(
    gold: dict[str, dict[str, Any]], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Store, BuildResult]:
    return build_corpus_store(tmp_path_factory.mktemp("gold"), gold, texts=False)


@pytest.fixture(scope="module")
def gold_store(gold_build: tuple[Store, BuildResult]) -> Store:
    return gold_build[0]


# --------------------------------------------------------------------------------------------
# (a) The gold graph


@needs_corpus
def test_gold_corpus_has_every_appeal_on_disk(gold: dict[str, dict[str, Any]]) -> None:
    """One gold file per appeal text, each with its own appeal id."""
    texts = sorted(p.name.removesuffix(".txt") for p in CORPUS.glob("*.txt"))
    golds = sorted(p.name.removesuffix(".gold.yaml") for p in CORPUS.glob("*.gold.yaml"))
    assert texts == golds
    assert len(gold) == len(golds), "appeal ids are unique"


@needs_corpus
def test_cq15_on_the_gold_graph(gold: dict[str, dict[str, Any]], gold_store: Store) -> None:
    expected = expected_cq15(gold)
    got = cq15_rows(gold_store)
    assert set(got) == set(expected), (
        f"CQ15 differs from the gold: missing {sorted(map(str, set(expected) - set(got)))}, "
        f"extra {sorted(map(str, set(got) - set(expected)))}"
    )
    for key, spellings in expected.items():
        assert got[key]["appeals"] == len(key[1])
        assert got[key]["spellings"] == spellings, f"spellings of {key[2]}"


@needs_corpus
def test_cq15_on_the_gold_graph_names_the_shared_bodies(
    gold: dict[str, dict[str, Any]], gold_store: Store
) -> None:
    def naming(*names: str) -> set[str]:
        return {
            aid
            for aid, r in gold.items()
            for o in r.get("organisations") or []
            if {o.get("name"), *(o.get("variants") or [])} & set(names)
        }

    rows = {label: set(appeals) for _, appeals, label in cq15_rows(gold_store)}
    assert rows["Front Line Defenders"] == naming("Front Line Defenders")
    fidh = naming("International Federation for Human Rights", "FIDH")
    assert rows["International Federation for Human Rights"] == fidh
    assert len(fidh) > len(naming("International Federation for Human Rights")), "the acronym"
    assert "police" not in rows and "Observatory" not in rows and "Working Group" not in rows


@needs_corpus
def test_cq16_on_the_gold_graph(gold: dict[str, dict[str, Any]], gold_store: Store) -> None:
    assert cq16_rows(gold_store) == expected_cq16(gold)


@needs_corpus
def test_cq16b_on_the_gold_graph(gold: dict[str, dict[str, Any]], gold_store: Store) -> None:
    expected = expected_cq16b(gold)
    assert expected, "the gold charges defenders under some criminal-code offence"
    assert cq16b_rows(gold_store) == expected
    rows = _answer(gold_store, "cq16b").to_rows()
    assert [r["charges"] for r in rows] == sorted((r["charges"] for r in rows), reverse=True)


@needs_corpus
def test_gold_graph_merges_the_criminal_code_of_kazakhstan(gold_store: Store) -> None:
    """dev-001 and the seed name the same Criminal Code: one instrument, both appeals."""
    _, rows = gold_store.query(
        """PREFIX akg: <https://w3id.org/appeals-kg/ontology#>
        PREFIX instkind: <https://w3id.org/appeals-kg/vocab/instrument-kind/>
        PREFIX oa: <http://www.w3.org/ns/oa#>
        SELECT ?code (COUNT(DISTINCT ?appeal) AS ?n) WHERE {
          ?code akg:instrumentKind instkind:criminal_code ;
                akg:jurisdiction <https://w3id.org/appeals-kg/id/country/KZ> ;
                akg:reportedIn|akg:evidence/oa:hasSource ?appeal .
        } GROUP BY ?code"""
    )
    assert [int(r[1]) for r in rows] == [2]


@needs_corpus
def test_no_triple_in_two_graphs_of_the_gold_graph(gold_store: Store) -> None:
    """Facts several appeals state live once (kg.store.partition), so plain SELECTs count right."""
    _, rows = gold_store.query(
        """SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }
        GROUP BY ?s ?p ?o HAVING (COUNT(DISTINCT ?g) > 1) LIMIT 10"""
    )
    assert [" ".join(map(str, r)) for r in rows] == []


@needs_corpus
@pytest.mark.parametrize("qf", CQS, ids=lambda q: q.name)
def test_gold_graph_same_rows_with_and_without_distinct(gold_store: Store, qf: QueryFile) -> None:
    diffs = distinct_differences(gold_store, qf)
    assert not diffs, "\n".join(diffs[:10])


# --------------------------------------------------------------------------------------------
# (b) Identity rules on synthetic records


def record(
    aid: str,
    countries: list[str],
    persons: list[dict[str, Any]] | None = None,
    organisations: list[dict[str, Any]] | None = None,
    instruments: list[dict[str, Any]] | None = None,
    **appeal: Any,
) -> dict[str, Any]:
    return {
        "appeal": {"id": aid, "date": "2020-01-01", "countries": countries, **appeal},
        "persons": persons or [],
        "organisations": organisations or [],
        "instruments": instruments or [],
    }


def person(
    pid: str, name: str, roles: list[str], org: str | None = None, **kw: Any
) -> dict[str, Any]:
    positions = [{"title": "Chairman", "organisation": org}] if org else []
    return {"id": pid, "name": name, "variants": [], "roles": roles, "positions": positions, **kw}


def org(oid: str, name: str, country: str | None, kind: str = "ngo", **kw: Any) -> dict[str, Any]:
    return {"id": oid, "name": name, "variants": [], "kind": kind, "country": country, **kw}


BCR = "Baikonur for Civil Rights"


@pytest.fixture()
def transliterated() -> dict[str, dict[str, Any]]:
    return {
        "a1": record(
            "a1",
            ["Kazakhstan"],
            [person("p1", "Marat Dauletbayev", ["defender"], "o1")],
            [org("o1", BCR, "Kazakhstan")],
        ),
        "a2": record(
            "a2",
            ["Kazakhstan"],
            [person("p4", "Mr Marat Dauletbaev", ["defender"], "o2")],
            [org("o2", BCR, "Kazakhstan")],
        ),
        "a3": record(
            "a3",
            ["Kazakhstan"],
            [person("p2", "Marat Bakhytovich Dauletbayev", ["defender"])],
        ),
        "a4": record(  # a namesake in another country, another role, another organisation
            "a4",
            ["Belarus"],
            [person("p1", "Marat Dauletbayev", ["judge"], "o1")],
            [org("o1", "Minsk City Court", "Belarus", "court")],
        ),
    }


def test_folding_spellings() -> None:
    assert fold_word("dauletbayev") == fold_word("dauletbaev")
    assert fold_word("titiyev") == fold_word("titiev")
    assert fold_word("anatoliy") == fold_word("anatoly")
    assert fold_word("max") == fold_word("maks")
    assert person_tokens("Marat Bakhytovich Dauletbayev") == person_tokens("Dr. Marat Dauletbaev")


def test_transliteration_variants_merge(transliterated: dict[str, dict[str, Any]]) -> None:
    res = resolve_identities(transliterated)
    iri = res.iri_for("a1", "p1")
    assert iri is not None
    assert res.iri_for("a2", "p4") == iri == res.iri_for("a3", "p2")
    assert re.search(r"/person/p-[0-9a-f]{16}$", str(iri)), "person IRIs are opaque"
    assert res.label_for("a2", "p4") == "Marat Bakhytovich Dauletbayev"  # the fullest form
    assert set(res.variants_for("a1", "p1")) == {
        "Marat Dauletbayev",
        "Mr Marat Dauletbaev",
        "Marat Bakhytovich Dauletbayev",
    }
    assert res.iri_for("a1", "o1") == res.iri_for("a2", "o2") is not None
    again = resolve_identities(transliterated)
    assert again.iri_for("a1", "p1") == iri, "IRIs are stable across runs"


def test_namesake_in_another_country_stays_apart(transliterated: dict[str, dict[str, Any]]) -> None:
    res = resolve_identities(transliterated)
    assert res.iri_for("a4", "p1") is None
    assert res.iri_for("a4", "p1") != res.iri_for("a1", "p1")


def test_name_only_match_goes_to_review_not_merged(tmp_path: Path) -> None:
    records = {
        "b1": record("b1", [], [person("p1", "Ivan Petrenko", ["witness"])]),
        "b2": record("b2", [], [person("p3", "Ivan Petrenko", ["journalist"])]),
        "b3": record("b3", [], [person("p1", "Ivan Petrenkov", ["witness"])]),
    }
    res = resolve_identities(records)
    assert res.iri_for("b1", "p1") is None and res.iri_for("b2", "p3") is None
    pairs = {(r.a, r.b): r for r in res.review_rows}
    assert (("b1", "p1"), ("b2", "p3")) in pairs
    assert "no agreeing fact" in pairs[(("b1", "p1"), ("b2", "p3"))].reason
    fuzzy = pairs[(("b1", "p1"), ("b3", "p1"))]
    assert "one edit" in fuzzy.reason and 0 < fuzzy.score < 1
    path = res.write_review(tmp_path / "identity-review.csv")
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert len(rows) == len(res.review_rows)
    assert list(rows[0])[:7] == [
        "appeal",
        "local_id",
        "same_as_appeal",
        "same_as_local_id",
        "decision",
        "decided_by",
        "note",
    ]


def test_short_names_never_merge() -> None:
    records = {
        "c1": record("c1", ["China"], [person("p1", "Xu", ["defender"])]),
        "c2": record("c2", ["China"], [person("p1", "Xu", ["defender"])]),
    }
    assert resolve_identities(records).iri_for("c1", "p1") is None


def test_generic_organisations_only_within_one_country() -> None:
    records = {
        "d1": record(
            "d1",
            ["Russia"],
            organisations=[
                org("o1", "police", "Russia", "police"),
                org("o2", "Supreme Court", "Azerbaijan", "court"),
                org("o3", "Prosecutor General's Office", "Belarus", "prosecution"),
            ],
        ),
        "d2": record(
            "d2",
            ["Turkey"],
            organisations=[
                org("o1", "police", "Turkey", "police"),
                org("o2", "Supreme Court", "Philippines", "court"),
                org("o3", "Prosecutor General’s Office", "Belarus", "prosecution"),
            ],
        ),
        "d3": record("d3", ["Russia"], organisations=[org("o9", "Police", "Russia", "police")]),
        "d4": record(
            "d4",
            ["Azerbaijan"],
            organisations=[
                org("o1", "Supreme Court of Azerbaijan", None, "court"),
            ],
        ),
    }
    res = resolve_identities(records)
    assert res.iri_for("d1", "o1") is None, "police in two countries stays apart"
    assert res.iri_for("d3", "o9") is None, "a bare 'police' is not merged even in one country"
    assert res.iri_for("d1", "o2") == res.iri_for("d4", "o1") is not None
    assert res.iri_for("d2", "o2") is None, "the Supreme Court of another country stays apart"
    assert res.iri_for("d1", "o3") == res.iri_for("d2", "o3") is not None


def test_international_bodies_merge_by_name_and_acronym() -> None:
    records = {
        "e1": record(
            "e1",
            ["Kazakhstan"],
            organisations=[
                org("o7", "Front Line Defenders", None, iri="akr:org/front-line-defenders"),
                org("o4", "FIDH", None),
            ],
        ),
        "e2": record(
            "e2",
            ["Belarus"],
            organisations=[
                org("o9", "Front Line Defenders", None),
                org("o2", "International Federation for Human Rights", None, variants=["FIDH"]),
            ],
        ),
    }
    res = resolve_identities(records)
    fld = URIRef("https://w3id.org/appeals-kg/id/org/front-line-defenders")
    assert res.iri_for("e1", "o7") == res.iri_for("e2", "o9") == fld, "the pinned IRI wins"
    assert res.iri_for("e1", "o4") == res.iri_for("e2", "o2") is not None
    assert res.label_for("e1", "o4") == "International Federation for Human Rights"
    assert re.search(r"/org/o-[0-9a-f]{16}$", str(res.iri_for("e1", "o4")))


def test_instruments_merge_on_name_and_jurisdiction() -> None:
    code = {"kind": "criminal_code", "provisions": [{"id": "a1", "article": "130"}]}
    records = {
        "f1": record(
            "f1",
            [],
            instruments=[
                {"id": "i1", "name": "Criminal Code", "jurisdiction": "Kazakhstan", **code},
                {"id": "i2", "name": "UN Declaration on Human Rights Defenders", "kind": "treaty"},
            ],
        ),
        "f2": record(
            "f2",
            [],
            instruments=[
                {
                    "id": "i1",
                    "name": "Criminal Code of Kazakhstan",
                    "jurisdiction": "Kazakhstan",
                    **code,
                },
                {
                    "id": "i2",
                    "name": "United Nations Declaration on Human Rights Defenders",
                    "kind": "treaty",
                },
            ],
        ),
        "f3": record(
            "f3",
            [],
            instruments=[
                {"id": "i1", "name": "Criminal Code", "jurisdiction": "Belarus", **code},
            ],
        ),
    }
    res = resolve_identities(records)
    assert res.iri_for("f1", "i1") == res.iri_for("f2", "i1") is not None
    assert re.search(r"/law/i-[0-9a-f]{16}$", str(res.iri_for("f1", "i1")))
    assert res.iri_for("f3", "i1") is None
    assert res.iri_for("f1", "i2") == res.iri_for("f2", "i2") is not None


def _decisions(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "identities.csv"
    path.write_text(
        "appeal,local_id,same_as_appeal,same_as_local_id,decision,decided_by,note\n"
        + "".join(r + "\n" for r in rows),
        encoding="utf-8",
    )
    return path


def test_curated_decisions_block_and_force(
    tmp_path: Path, transliterated: dict[str, dict[str, Any]]
) -> None:
    path = _decisions(
        tmp_path,
        "a2,p4,a1,p1,different,curator,two men of that name",
        "a4,p1,a3,p2,same,curator,same man: he moved to Belarus",
    )
    res = resolve_identities(transliterated, path)
    assert res.iri_for("a2", "p4") != res.iri_for("a1", "p1"), "'different' blocks the merge"
    assert res.iri_for("a4", "p1") == res.iri_for("a3", "p2") is not None, "'same' forces one"
    decided = {frozenset((r.a, r.b)) for r in res.review_rows}
    assert frozenset({("a2", "p4"), ("a1", "p1")}) not in decided, "decided pairs leave review"


def test_curated_decisions_file_errors(tmp_path: Path) -> None:
    path = _decisions(tmp_path, "a1,p1,a2,p4,maybe,curator,")
    with pytest.raises(DataError, match=r"identities.csv:2: decision 'maybe'"):
        resolve_identities({}, path)


def test_restricted_appeals_are_not_merged() -> None:
    records = {
        "g1": record("g1", [], organisations=[org("o1", "Front Line Defenders", None)]),
        "g2": record(
            "g2", [], organisations=[org("o1", "Front Line Defenders", None)], access="restricted"
        ),
    }
    assert resolve_identities(records).iri_for("g1", "o1") is None


def test_build_gives_merged_items_one_iri_label_and_spellings(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "extracted").mkdir(parents=True)
    for aid, name in (("h1", "Marat Dauletbayev"), ("h2", "Marat Dauletbaev")):
        rec = record(
            aid,
            ["Kazakhstan"],
            [person("p1", name, ["defender"], "o1", variants=["Dauletbayev"])],
            [org("o1", BCR, "Kazakhstan")],
        )
        (data / "extracted" / f"{aid}.yaml").write_text(yaml.safe_dump(rec), encoding="utf-8")
    _decisions(data)  # an empty decisions file
    ds, result = build_dataset(data)
    assert [c.kind for c in result.identity_clusters] == ["organisation", "person"]
    iri = result.identity_clusters[1].iri

    def objects(pred: URIRef) -> set[Any]:
        return {o for _, _, o, _ in ds.quads((iri, pred, None, None))}

    assert objects(RDFS.label) == {Literal("Marat Dauletbayev")}
    assert objects(SKOS.altLabel) == {
        Literal("Marat Dauletbaev"),
        Literal("Dauletbayev"),
    }
    assert result.write_review(tmp_path / "review.csv").is_file()


def test_merged_instruments_give_each_provision_one_article_and_offence(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "extracted").mkdir(parents=True)
    for aid, article, label in (("k1", "12(2)", "Rioting"), ("k2", "12 (2)", "Mass riots")):
        code = {"id": "i1", "name": "Criminal Code", "jurisdiction": "Kazakhstan"}
        code |= {"kind": "criminal_code", "provisions": [{"id": "a", "article": article}]}
        code["provisions"][0]["label"] = label
        rec = record(aid, ["Kazakhstan"], instruments=[code])
        (data / "extracted" / f"{aid}.yaml").write_text(yaml.safe_dump(rec), encoding="utf-8")
    ds, _ = build_dataset(data)
    akg = "https://w3id.org/appeals-kg/ontology#"
    provisions = {s for s, _, _, _ in ds.quads((None, URIRef(akg + "articleNumber"), None, None))}
    assert len(provisions) == 1
    (pv,) = provisions
    assert {o for _, _, o, _ in ds.quads((pv, URIRef(akg + "offenceLabel"), None, None))} == {
        Literal("Rioting")
    }
    assert {o for _, _, o, _ in ds.quads((pv, URIRef(akg + "articleNumber"), None, None))} == {
        Literal("12(2)")
    }


# --------------------------------------------------------------------------------------------
# (c) The graph built from extracted records


@pytest.fixture(scope="module")
def extracted_build(
    gold: dict[str, dict[str, Any]], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Store, BuildResult]:
    extract = pytest.importorskip("kg.extract", reason="kg/extract/ is not present")
    records = {}
    for path, gold_record in gold_files():
        aid = str(gold_record["appeal"]["id"])
        text_path = path.with_name(path.name.removesuffix(".gold.yaml") + ".txt")
        text = text_path.read_text(encoding="utf-8")
        record = extract.extract_case(text, appeal_id=aid, source=text_path.name)
        # drafts are restricted until reviewed, and restricted appeals are never merged; the
        # comparison with the gold takes the drafts as if a reviewer had made them public
        record["appeal"]["access"] = "public"
        records[aid] = record
    try:
        return build_corpus_store(tmp_path_factory.mktemp("extracted"), records, texts=True)
    except KgError as e:  # the extractor's output does not build: report, do not hide
        pytest.fail(f"the graph of extracted records does not build: {e}")


@pytest.fixture(scope="module")
def extracted_store(extracted_build: tuple[Store, BuildResult]) -> Store:
    return extracted_build[0]


def agreement(gold: dict[str, dict[str, Any]], store: Store) -> list[str]:
    """The differences between the answers on a store and those counted from the gold."""
    diffs = []
    exp15, got15 = expected_cq15(gold), cq15_rows(store)
    for kind, appeals, label in sorted(set(exp15) - set(got15), key=str):
        diffs.append(f"CQ15 misses {kind} {label!r} in {sorted(appeals)}")
    for kind, appeals, label in sorted(set(got15) - set(exp15), key=str):
        diffs.append(f"CQ15 adds {kind} {label!r} in {sorted(appeals)}")
    exp16 = {(c, y): rest for c, y, *rest in expected_cq16(gold)}
    got16 = {(c, y): rest for c, y, *rest in cq16_rows(store)}
    for key in sorted(set(exp16) | set(got16)):
        if exp16.get(key) != got16.get(key):
            diffs.append(
                f"CQ16 {key[0].rsplit('/', 1)[-1]} {key[1]}: (cases, defenders, charges) "
                f"{got16.get(key)} instead of {exp16.get(key)}"
            )
    exp16b, got16b = expected_cq16b(gold), cq16b_rows(store)
    for key in sorted(set(exp16b) | set(got16b)):
        if exp16b.get(key) != got16b.get(key):
            diffs.append(
                f"CQ16b {key[0]} art. {key[1]}: (charges, defenders) "
                f"{got16b.get(key)} instead of {exp16b.get(key)}"
            )
    return diffs


def merge_violations(store: Store, result: BuildResult) -> list[str]:
    """Shape results whose focus node is an entity the identity resolution merged (or one of
    its provisions): merges must not give an entity two labels, names, countries, ..."""
    from kg.check.validate import validate_store

    merged = [str(c.iri) for c in result.identity_clusters]
    assert merged, "the corpus has entities named in several appeals"
    report = validate_store(store)
    return [
        f"{v.severity}: {v.focus} {v.path}: {v.message}"
        for v in report.violations
        if any(v.focus.strip("<>") == m or v.focus.strip("<>").startswith(m + "/") for m in merged)
    ]


@needs_corpus
@pytest.mark.parametrize("graph", ["gold_build", "extracted_build"])
def test_merged_entities_conform(graph: str, request: pytest.FixtureRequest) -> None:
    store, result = request.getfixturevalue(graph)
    problems = merge_violations(store, result)
    assert not problems, "\n".join(problems)


@needs_corpus
def test_extracted_graph_conforms(extracted_store: Store) -> None:
    """The corpus graph built from extracted records satisfies every shape."""
    from kg.check.validate import validate_store

    report = validate_store(extracted_store)
    assert report.conforms, report.to_text()[:3000]


@needs_corpus
@pytest.mark.xfail(reason=KNOWN_XFAIL["extracted-agreement"], strict=True)
def test_extracted_graph_answers_like_the_gold(
    gold: dict[str, dict[str, Any]], extracted_store: Store
) -> None:
    """CQ15, CQ16 and CQ16b on the extracted graph agree with the gold-derived rows."""
    diffs = agreement(gold, extracted_store)
    assert not diffs, f"{len(diffs)} difference(s) from the gold:\n" + "\n".join(diffs)
