"""Which persons, organisations and legal instruments of different appeals are the same thing.

Each case record mints its own IRIs, so the same defender, NGO or criminal code named in two
appeals would be two nodes. :func:`resolve_identities` decides which items of different records
are one entity, so that the build gives them ONE IRI; what it is not sure of goes to review
rows, never into the graph. ``docs/identity.md`` states the rules; in short:

- names are compared after transliteration to ASCII, case and punctuation folding, honorifics
  and patronymics dropped, and spelling variants of transliteration folded (``-ayev``/``-aev``,
  ``kh``/``h``, ``y``/``i``, double letters, ...);
- a person merges only on a full name (two words or more) plus an agreeing fact: a shared
  country, organisation or role, and no conflicting country; a name alone, or a name one edit
  away, goes to review;
- an organisation with a generic name ("Supreme Court", "Ministry of Interior") merges only with
  one of the same country; bare words ("police", "the court") never merge across appeals;
  international bodies (no country) merge by name or by an acronym a record gives as a variant;
- an instrument merges on its name and jurisdiction (treaties: their name);
- curated decisions in ``data/identities.csv`` force (``same``) or forbid (``different``) a
  merge, and a decided pair is never proposed for review again;
- items of appeals (or items) that are not public are left alone: a merge would copy their
  spellings into public graphs.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from anyascii import anyascii
from rdflib import URIRef

from kg.countries import DEMONYMS, country_code
from kg.errors import DataError, InputError
from kg.files import write_csv_atomic
from kg.record.blocking import (
    deletion_variants,
    key_blocks,
    one_edit_blocks,
    pairs_in_blocks,
    pairs_sharing,
    star_blocks,
)
from kg.record.keys import check_key
from kg.vocab import AKR

Key = tuple[str, str]  # (appeal id, local id)

DECISION_COLUMNS = (
    "appeal",
    "local_id",
    "same_as_appeal",
    "same_as_local_id",
    "decision",
    "decided_by",
    "note",
)
REVIEW_COLUMNS = (*DECISION_COLUMNS, "kind", "name", "same_as_name", "score", "reason")
DECISIONS = ("same", "different")

KIND_PATH = {"person": ("person", "p"), "organisation": ("org", "o"), "instrument": ("law", "i")}
SECTIONS = {"persons": "person", "organisations": "organisation", "instruments": "instrument"}

HONORIFICS = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sister", "brother", "father",
    "sir", "madam", "jr", "sr", "ii", "iii",
}  # fmt: skip
PATRONYMIC = re.compile(r"(ovich|evich|ovych|evych|ovna|evna|ivna|ichna|ogly|oglu|kyzy|qizi)$")
PATRONYMIC_WORDS = {"uly", "ulu", "kyzy", "qizi", "ogly", "oglu", "bin", "ibn"}

# Words that alone name no particular body: an organisation whose name has nothing else is
# generic, the same thing only within one country.
GENERIC_WORDS = {
    "the", "of", "for", "and", "on", "in", "a",
    "supreme", "constitutional", "court", "courts", "tribunal", "judiciary", "prosecutor",
    "prosecutors", "prosecution", "procuracy", "procuratorate", "general", "generals", "office",
    "ministry", "interior", "internal", "affairs", "justice", "foreign", "defence", "defense",
    "police", "national", "security", "committee", "service", "services", "federal", "state",
    "government", "parliament", "president", "presidential", "administration", "department",
    "city", "district", "regional", "region", "provincial", "high", "appeal", "appeals",
    "administrative", "criminal", "civil", "military", "armed", "forces", "force", "officers",
    "officials", "immigration", "investigators", "investigative", "investigation", "directorate",
    "agency", "bureau", "public", "gendarmes", "gendarmerie", "authorities", "local", "army",
    "council", "commission", "assembly", "working", "group", "mechanism", "observatory",
    "network", "secretariat", "special", "rapporteur", "code", "penal", "law", "constitution",
    "soldiers", "guards", "border", "customs", "tax", "migration", "prison", "prisons",
}  # fmt: skip
# Generic names that do not even pick one body per country: never merged across appeals.
BARE_NAMES = {
    "police", "police officers", "local police", "court", "courts", "prosecution", "prosecutor",
    "prosecutors", "prosecutors office", "investigators", "gendarmes", "security officers",
    "security services", "security forces", "soldiers", "armed forces", "army", "military",
    "authorities", "officials", "immigration officials", "government officials", "district court",
    "city court", "regional court", "administrative court", "criminal court", "court of appeal",
    "court of appeals", "appeals court", "high court", "ministry", "tribunal", "judiciary",
    "working group", "mechanism", "observatory", "committee", "commission", "council",
    "assembly", "network", "secretariat", "special rapporteur", "office", "department",
    "agency", "bureau", "prison", "border guards",
}  # fmt: skip

MIN_PERSON_LETTERS = 7  # a folded full name shorter than this is "short": review only


# --------------------------------------------------------------------------------------------
# Names


# Names recur across records (courts, laws, a defender's surname), so a worker that makes the
# identity items of many records meets the same texts and words again: their words and folded
# forms are remembered (pure functions of the text), up to this many each.
_REMEMBERED = 1 << 16
_QUOTES = re.compile(r"[\"'`]")
_WORD = re.compile(r"[a-z0-9]+")
_LEADING_YE = re.compile(r"^ye")
_VOWEL_YE = re.compile(r"([aeiou])ye")
_FINAL_IY = re.compile(r"iy$")
_DOUBLE = re.compile(r"(.)\1+")


def _words(text: str) -> list[str]:
    """ASCII lower-case words; apostrophes and quotes vanish, other punctuation splits."""
    return list(_words_of(str(text)))


@lru_cache(maxsize=_REMEMBERED)
def _words_of(text: str) -> tuple[str, ...]:
    text = _QUOTES.sub("", anyascii(text).lower().replace("&", " and "))
    return tuple(_WORD.findall(text))


@lru_cache(maxsize=_REMEMBERED)
def fold_word(word: str) -> str:
    """One spelling for the transliteration variants of a word (Dauletbayev = Dauletbaev)."""
    w = word.replace("kh", "h").replace("x", "ks").replace("tz", "ts").replace("ou", "u")
    w = _LEADING_YE.sub("e", w)
    w = _VOWEL_YE.sub(r"\1e", w)  # -ayev / -aev, -iyev / -iev
    w = _FINAL_IY.sub("y", w)  # -iy / -y
    w = w.replace("y", "i")
    return _DOUBLE.sub(r"\1", w)  # double letters


def person_tokens(name: str) -> list[str]:
    """A person's name as folded words, honorifics and patronymics dropped."""
    words = [w for w in _words(name) if w not in HONORIFICS]
    if len(words) >= 3:
        words = (
            [words[0]]
            + [w for w in words[1:-1] if not (PATRONYMIC.search(w) or w in PATRONYMIC_WORDS)]
            + [words[-1]]
        )
    return [fold_word(w) for w in words]


def _country_phrase_code(words: list[str]) -> str | None:
    return country_code(" ".join(words)) if words else None


def body_tokens(name: str, country: str | None) -> tuple[list[str], str | None]:
    """An organisation's or instrument's name as words, without a leading "the", a trailing
    "of <country>" or a leading demonym ("Russian ..."); and the country the name states."""
    words = _words(name)
    if words and words[0] == "the":
        words = words[1:]
    if words[:1] == ["un"]:
        words = ["united", "nations", *words[1:]]
    named: str | None = None
    for i in range(len(words) - 1, 0, -1):  # "... of (the) Kazakhstan"
        if words[i] in ("of", "in"):
            tail = words[i + 1 :]
            code = _country_phrase_code(tail[1:] if tail[:1] == ["the"] else tail)
            if code and (country is None or code == country):
                named, words = code, words[:i]
            break
    if len(words) > 1 and words[0] in DEMONYMS:
        code = DEMONYMS[words[0]]
        if country is None or code == country:
            named, words = code, words[1:]
    return words, named


def org_tier(tokens: list[str]) -> str:
    """``bare`` (never merged across appeals), ``generic`` (same country only) or ``specific``."""
    key = " ".join(tokens)
    if not tokens or key in BARE_NAMES:
        return "bare"
    content = [t for t in tokens if t not in ("the", "of", "for", "and", "on", "in", "a")]
    if all(t in GENERIC_WORDS for t in content):
        return "bare" if len(content) <= 1 else "generic"
    return "specific"


def _is_acronym(text: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", anyascii(text))
    return " " not in text.strip() and len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2


def levenshtein(a: str, b: str, limit: int = 2) -> int:
    """Edit distance, stopping early once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


# --------------------------------------------------------------------------------------------
# Items


@dataclass
class Item:
    """One person, organisation or instrument of one record, with what matching needs."""

    key: Key
    kind: str  # person | organisation | instrument
    name: str
    spellings: list[str]
    keys: set[str] = field(default_factory=set)  # merge keys (full names, acronyms)
    tier: str = "specific"
    country: str | None = None  # organisation country / instrument jurisdiction
    countries: frozenset[str] = frozenset()  # a person's: the appeal's and their bodies'
    orgs: frozenset[Key] = frozenset()
    roles: frozenset[str] = frozenset()
    gender: str | None = None
    pinned: str | None = None
    date: str | None = None
    subkind: str | None = None
    penalties: dict[str, str] = field(default_factory=dict)
    full: str = ""  # a person's folded full name, or an organisation's name key
    own_key: str = ""  # the item's stored key (kg.record.keys), or its provisional one
    since: str = ""  # the appeal's date, to find the earliest member of a cluster

    @property
    def label(self) -> str:
        return f"{self.key[0]}:{self.key[1]}"


def _own_key(aid: str, raw: dict[str, Any]) -> str:
    """The key the record gives the item, or the provisional one a build would mint."""
    from kg.record.caserecord import short_hash

    if raw.get("key") is not None:
        return check_key(raw["key"], f"{aid}: {raw.get('id')}")
    return short_hash(aid, str(raw["id"]))


def _public(item: dict[str, Any]) -> bool:
    return str(item.get("access") or "public") == "public"


def _items(records: dict[str, dict[str, Any]]) -> dict[Key, Item]:
    out: dict[Key, Item] = {}
    for aid, record in sorted(records.items()):
        appeal = record.get("appeal") or {}
        if not _public(appeal):
            continue
        appeal_countries = {
            c for c in (country_code(str(n)) for n in appeal.get("countries") or []) if c
        }
        orgs = {
            str(o.get("id")): o for o in record.get("organisations") or [] if isinstance(o, dict)
        }
        for section, kind in SECTIONS.items():
            for raw in record.get(section) or []:
                if not isinstance(raw, dict) or not raw.get("id") or not raw.get("name"):
                    continue
                if not _public(raw):
                    continue
                key = (str(aid), str(raw["id"]))
                name = str(raw["name"]).strip()
                variants = [str(v).strip() for v in raw.get("variants") or [] if v]
                item = Item(key, kind, name, _dedupe([name, *variants]))
                item.pinned = str(raw["iri"]) if raw.get("iri") else None
                item.own_key = _own_key(str(aid), raw)
                item.since = str(appeal.get("date") or "")
                if kind == "person":
                    _person(item, raw, variants, appeal_countries, orgs, aid)
                elif kind == "organisation":
                    _organisation(item, raw, variants)
                else:
                    _instrument(item, raw, variants)
                out[key] = item
    return out


def _person(
    item: Item,
    raw: dict[str, Any],
    variants: list[str],
    appeal_countries: set[str],
    orgs: dict[str, dict[str, Any]],
    aid: str,
) -> None:
    tokens = person_tokens(item.name)
    item.full = " ".join(tokens)
    for spelling in [item.name, *variants]:
        t = person_tokens(spelling)
        if len(t) >= 2 and len("".join(t)) >= MIN_PERSON_LETTERS:
            item.keys.add(" ".join(t))
    countries = set(appeal_countries)
    member_of: set[Key] = set()
    for pos in raw.get("positions") or []:
        oid = str(pos.get("organisation") or "") if isinstance(pos, dict) else ""
        if oid in orgs:
            member_of.add((str(aid), oid))
            code = (
                country_code(str(orgs[oid].get("country") or ""))
                if orgs[oid].get("country")
                else None
            )
            if code:
                countries.add(code)
    item.countries = frozenset(countries)
    item.orgs = frozenset(member_of)
    item.roles = frozenset(str(r) for r in raw.get("roles") or [])
    gender = raw.get("gender")
    item.gender = str(gender) if gender in ("male", "female") else None


def _organisation(item: Item, raw: dict[str, Any], variants: list[str]) -> None:
    stated = country_code(str(raw["country"])) if raw.get("country") else None
    tokens, named = body_tokens(item.name, stated)
    item.country = stated or named
    item.tier = org_tier(tokens)
    item.full = " ".join(fold_word(t) for t in tokens)
    item.subkind = str(raw.get("kind") or "other")
    item.date = str(raw["founded"]) if raw.get("founded") else None
    if item.tier != "bare":
        item.keys.add(item.full)
    for v in variants:
        if _is_acronym(v):
            item.keys.add("acronym:" + v.replace(".", "").upper())
            continue
        vt, _ = body_tokens(v, item.country)
        if len(vt) >= 2 and org_tier(vt) == "specific":
            item.keys.add(" ".join(fold_word(t) for t in vt))
    if _is_acronym(item.name):
        item.keys.add("acronym:" + item.name.replace(".", "").upper())


def _instrument(item: Item, raw: dict[str, Any], variants: list[str]) -> None:
    stated = country_code(str(raw["jurisdiction"])) if raw.get("jurisdiction") else None
    item.country = stated
    item.subkind = str(raw.get("kind") or "law")
    item.date = str(raw["date"]) if raw.get("date") else None
    for spelling in [item.name, *variants]:
        tokens, _ = body_tokens(spelling, stated)
        if not tokens:
            continue
        item.keys.add(" ".join(tokens))
        if tokens[:2] == ["united", "nations"] and len(tokens) > 3:
            item.keys.add(" ".join(tokens[2:]))
    item.full = " ".join(body_tokens(item.name, stated)[0])
    for prov in raw.get("provisions") or []:
        if isinstance(prov, dict) and prov.get("max_penalty"):
            item.penalties[str(prov.get("article"))] = str(prov["max_penalty"])


def _dedupe(values: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for v in values:
        if v and v not in seen:
            seen[v] = None
    return list(seen)


# --------------------------------------------------------------------------------------------
# Decisions


@dataclass(frozen=True)
class Decision:
    a: Key
    b: Key
    decision: str
    decided_by: str
    note: str
    line: int


def load_decisions(path: Path | None) -> list[Decision]:
    """Curated decisions from ``data/identities.csv``; none when the file does not exist."""
    if path is None or not Path(path).is_file():
        return []
    from kg import limits

    limits.CSV_FILE.check(limits.file_size(path), str(path))
    try:
        return _read_decisions(Path(path))
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: not UTF-8 text ({e.reason} at byte {e.start})") from None
    except csv.Error as e:
        raise InputError(f"{path}: not a readable CSV file ({e})") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from None


def _read_decisions(path: Path) -> list[Decision]:
    out = []
    with Path(path).open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in DECISION_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"{path}:1: missing column(s) {', '.join(missing)}")
        for n, row in enumerate(reader, 2):
            values = {k: (row.get(k) or "").strip() for k in DECISION_COLUMNS}
            if not any(values.values()):
                continue
            empty = [k for k in DECISION_COLUMNS[:5] if not values[k]]
            if empty:
                raise DataError(f"{path}:{n}: empty {', '.join(empty)}")
            if values["decision"] not in DECISIONS:
                raise DataError(
                    f"{path}:{n}: decision '{values['decision']}' is not 'same' or 'different'"
                )
            out.append(
                Decision(
                    (values["appeal"], values["local_id"]),
                    (values["same_as_appeal"], values["same_as_local_id"]),
                    values["decision"],
                    values["decided_by"],
                    values["note"],
                    n,
                )
            )
    return out


# --------------------------------------------------------------------------------------------
# Resolution


@dataclass
class Cluster:
    """Items of several records that are one entity."""

    kind: str
    members: list[Key]
    iri: URIRef
    label: str
    variants: list[str]
    reasons: list[str]


@dataclass
class ReviewRow:
    """A pair that may be one entity: a curator decides it in ``data/identities.csv``."""

    kind: str
    a: Key
    b: Key
    name: str
    same_as_name: str
    score: float
    reason: str

    def as_dict(self) -> dict[str, str]:
        return {
            "appeal": self.a[0],
            "local_id": self.a[1],
            "same_as_appeal": self.b[0],
            "same_as_local_id": self.b[1],
            "decision": "",
            "decided_by": "",
            "note": "",
            "kind": self.kind,
            "name": self.name,
            "same_as_name": self.same_as_name,
            "score": f"{self.score:.2f}",
            "reason": self.reason,
        }


class Resolution:
    """The outcome: one IRI, label and spelling list per merged item, and the review rows."""

    def __init__(
        self,
        clusters: list[Cluster],
        review_rows: list[ReviewRow],
        items: dict[Key, Item],
        of: Callable[[Key], Cluster | None] | None = None,
    ):
        self.clusters = clusters
        self.review_rows = review_rows
        self._items = items
        # ``of``: each item's cluster, when the caller keeps it (an identity index does):
        # otherwise made here from every cluster's members.
        if of is None:
            of = {m: c for c in clusters for m in c.members}.get
        self._of = of

    def cluster_of(self, appeal_id: str, local_id: str) -> Cluster | None:
        return self._of((str(appeal_id), str(local_id)))

    def iri_for(self, appeal_id: str, local_id: str) -> URIRef | None:
        """The shared IRI of a merged item; None keeps the record's own IRI."""
        c = self.cluster_of(appeal_id, local_id)
        return c.iri if c else None

    def label_for(self, appeal_id: str, local_id: str) -> str | None:
        """The canonical label of a merged item (the fullest form); None if not merged."""
        c = self.cluster_of(appeal_id, local_id)
        return c.label if c else None

    def variants_for(self, appeal_id: str, local_id: str) -> list[str]:
        """Every spelling of the entity seen in any record (its own for an unmerged item)."""
        c = self.cluster_of(appeal_id, local_id)
        if c:
            return list(c.variants)
        item = self._items.get((str(appeal_id), str(local_id)))
        return list(item.spellings) if item else []

    def write_review(self, path: Path | str) -> Path:
        """The review rows as CSV, written atomically; columns extend the decisions file's."""
        return write_review(self.review_rows, path)


def write_review(rows: list[ReviewRow], path: Path | str) -> Path:
    """Review rows as CSV at ``path``, replacing it atomically."""
    return write_csv_atomic(path, REVIEW_COLUMNS, (row.as_dict() for row in rows))


class _Clusters:
    """Union-find whose unions refuse anything that makes a cluster inconsistent.

    Each cluster keeps a summary (its appeals, pins, attribute values, penalties), so that a
    union checks two summaries rather than every member of two clusters."""

    ATTRS = ("country", "gender", "date", "subkind")

    def __init__(self, items: dict[Key, Item], forbidden: set[frozenset[Key]]):
        self.items = items
        self.parent = {k: k for k in items}
        self.members: dict[Key, list[Key]] = {k: [k] for k in items}
        self.forbidden = forbidden
        self.reasons: dict[Key, list[str]] = {k: [] for k in items}
        self.summary: dict[Key, dict[str, Any]] = {}

    def _summary(self, root: Key) -> dict[str, Any]:
        if root not in self.summary:
            item = self.items[root]
            penalties: dict[str, set[str]] = {a: {p} for a, p in item.penalties.items()}
            self.summary[root] = {
                "appeals": {root[0]},
                "pins": {item.pinned} - {None},
                "attrs": {a: {getattr(item, a)} - {None} for a in self.ATTRS},
                "penalties": penalties,
            }
        return self.summary[root]

    def find(self, k: Key) -> Key:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def conflict(self, a: Key, b: Key, *, forced: bool = False) -> str | None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return None
        ma, mb = self.members[ra], self.members[rb]
        if self.forbidden:
            for x in ma:
                for y in mb:
                    if frozenset((x, y)) in self.forbidden:
                        return f"a curated decision says {x[0]}:{x[1]} and {y[0]}:{y[1]} differ"
        sa, sb = self._summary(ra), self._summary(rb)
        pins = sa["pins"] | sb["pins"]
        if len(pins) > 1:
            return f"pinned to different IRIs {sorted(pins)}"
        if forced:
            return None
        if sa["appeals"] & sb["appeals"]:
            return "two items of one record"
        for attr in self.ATTRS:
            values = sa["attrs"][attr] | sb["attrs"][attr]
            if len(values) > 1:
                return f"{attr} differs ({', '.join(sorted(values))})"
        for art in sa["penalties"].keys() | sb["penalties"].keys():
            if len(sa["penalties"].get(art, set()) | sb["penalties"].get(art, set())) > 1:
                return "a shared article has two maximum penalties"
        return None

    def union(self, a: Key, b: Key, reason: str, *, forced: bool = False) -> str | None:
        problem = self.conflict(a, b, forced=forced)
        if problem:
            return problem
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            sa, sb = self._summary(ra), self.summary.pop(rb, None) or self._summary(rb)
            sa["appeals"] |= sb["appeals"]
            sa["pins"] |= sb["pins"]
            for attr in self.ATTRS:
                sa["attrs"][attr] |= sb["attrs"][attr]
            for art, pens in sb["penalties"].items():
                sa["penalties"].setdefault(art, set()).update(pens)
            self.summary.pop(rb, None)
            self.parent[rb] = ra
            self.members[ra] += self.members.pop(rb)
            self.reasons[ra] += self.reasons.pop(rb) + [reason]
        return None

    def one_cluster(self, keys: Iterable[Key]) -> bool:
        """Whether these items are all in one cluster already (then stay so)."""
        return len({self.find(k) for k in keys}) <= 1

    def groups(self) -> list[list[Key]]:
        return [sorted(m) for r, m in self.members.items() if self.find(r) == r and len(m) > 1]


def resolve_identities(
    records: dict[str, dict[str, Any]], decisions: Path | None = None, *, blocking: bool = True
) -> Resolution:
    """Decide which items of different records are one entity (see the module docstring).

    With ``blocking`` (the default) only the candidate pairs of :mod:`kg.record.blocking` are
    compared; without it every pair is, which gives the same decisions far more slowly."""
    return resolve_items(record_items(records), decisions, blocking=blocking)


def record_items(records: dict[str, dict[str, Any]]) -> dict[Key, Item]:
    """What matching needs of each public person, organisation and instrument of some records;
    an item depends on its own record only, so a build can keep them for unchanged records."""
    return _items(records)


def resolve_items(
    items: dict[Key, Item], decisions: Path | None = None, *, blocking: bool = True
) -> Resolution:
    """:func:`resolve_identities` over items already read (see :func:`record_items`), in the
    order it gives them: records by appeal id, items in record order."""
    curated = load_decisions(decisions)
    check_decisions(items, curated, decisions)
    return resolve_part(items, curated, decisions, blocking=blocking)


def check_decisions(items: dict[Key, Item], curated: list[Decision], path: Path | None) -> None:
    """Refuse a curated 'same' between items of two kinds."""
    for d in curated:
        if d.decision == "same" and d.a in items and d.b in items:
            if items[d.a].kind != items[d.b].kind:
                raise DataError(
                    f"{path}:{d.line}: {d.a[0]}:{d.a[1]} is a {items[d.a].kind}, "
                    f"{d.b[0]}:{d.b[1]} a {items[d.b].kind}; they cannot be the same"
                )


ORG_PHASE = ("instrument", "organisation")
PERSON_PHASE = ("person",)


def resolve_part(
    items: dict[Key, Item],
    curated: list[Decision],
    decisions: Path | None = None,
    *,
    blocking: bool = True,
    kinds: tuple[str, ...] = (*ORG_PHASE, *PERSON_PHASE),
    org_cluster: Callable[[Key], Hashable] | None = None,
) -> Resolution:
    """The resolution of some items alone: every item a rule or a curated decision could pair
    with one of them must be among them (:mod:`kg.record.identity_index` gives such parts).
    ``kinds`` says which rules run; persons read the cluster of an organisation that is not
    among ``items`` from ``org_cluster`` (the organisations' part, resolved before)."""
    known = [d for d in curated if d.a in items and d.b in items]
    forbidden = {frozenset((d.a, d.b)) for d in known if d.decision == "different"}
    decided = {frozenset((d.a, d.b)) for d in curated}
    uf = _Clusters(items, forbidden)

    for d in known:
        if d.decision != "same":
            continue
        problem = uf.union(d.a, d.b, f"curated by {d.decided_by or 'a curator'}", forced=True)
        if problem:
            raise DataError(f"{decisions}:{d.line}: cannot apply 'same': {problem}")

    review: dict[frozenset[Key], ReviewRow] = {}

    def propose(a: Item, b: Item, score: float, reason: str) -> None:
        pair = frozenset((a.key, b.key))
        if pair in decided or uf.find(a.key) == uf.find(b.key) or a.key[0] == b.key[0]:
            return
        x, y = sorted((a, b), key=lambda i: i.key)
        old = review.get(pair)
        if old is None or old.score < score:
            review[pair] = ReviewRow(a.kind, x.key, y.key, x.name, y.name, round(score, 2), reason)

    if "instrument" in kinds:
        _resolve_instruments(items, uf, propose, blocking)
    if "organisation" in kinds:
        _resolve_organisations(items, uf, propose, blocking)
    if "person" in kinds:
        _resolve_persons(items, uf, propose, blocking, org_cluster)

    clusters = [_cluster(items, g, uf.reasons[uf.find(g[0])]) for g in uf.groups()]
    clusters.sort(key=lambda c: (c.kind, c.label.lower(), c.members))
    rows = [r for p, r in review.items() if uf.find(r.a) != uf.find(r.b)]
    rows.sort(key=lambda r: (-r.score, r.kind, r.a, r.b))
    return Resolution(clusters, rows, items)


def _by_key(items: dict[Key, Item], kind: str) -> dict[str, list[Item]]:
    index: dict[str, list[Item]] = {}
    for item in items.values():
        if item.kind == kind:
            for k in item.keys:
                index.setdefault(k, []).append(item)
    return index


def _pairs(group: list[Item]) -> Iterable[tuple[Item, Item]]:
    """Every pair of items of different records, in order."""
    for i, a in enumerate(group):
        for b in group[i + 1 :]:
            if a.key[0] != b.key[0]:
                yield a, b


def _same_country_pairs(group: list[Item], uf: _Clusters) -> Iterable[tuple[Item, Item]]:
    """The pairs of ``group`` in :func:`_pairs` order, less those no rule acts on: items with
    two different countries, and items already in one cluster (they stay so)."""
    blocks: dict[str | None, list[int]] = {}
    for i, item in enumerate(group):
        blocks.setdefault(item.country, []).append(i)
    uniform: dict[str | None, bool] = {}

    def is_uniform(c: str | None) -> bool:
        if not uniform.get(c):
            uniform[c] = uf.one_cluster(group[i].key for i in blocks[c])
        return uniform[c]

    for i, a in enumerate(group):
        relevant = list(blocks) if a.country is None else [a.country, None]
        relevant = [c for c in relevant if c in blocks]
        root = uf.find(a.key)
        if all(is_uniform(c) and uf.find(group[blocks[c][0]].key) == root for c in relevant):
            continue
        partners = sorted(j for c in relevant for j in blocks[c][bisect_right(blocks[c], i) :])
        for j in partners:
            b = group[j]
            if a.key[0] != b.key[0] and uf.find(b.key) != uf.find(a.key):
                yield a, b


def _candidates(
    group: list[Item], pairs: Iterable[tuple[int, int]] | None
) -> Iterable[tuple[Item, Item]]:
    """The pairs of ``group`` (all, or the candidate index pairs given, which come sorted), in
    all-pairs order."""
    if pairs is None:
        yield from _pairs(group)
        return
    for i, j in pairs:
        a, b = group[i], group[j]
        if a.key[0] != b.key[0]:
            yield a, b


def _resolve_instruments(
    items: dict[Key, Item], uf: _Clusters, propose: Any, blocking: bool = True
) -> None:
    for key, group in sorted(_by_key(items, "instrument").items()):
        for a, b in _same_country_pairs(group, uf) if blocking else _pairs(group):
            if a.country == b.country:
                problem = uf.union(a.key, b.key, f"instrument name '{key}', same jurisdiction")
                if problem:
                    propose(a, b, 0.5, f"same instrument name, but {problem}")


def _resolve_organisations(
    items: dict[Key, Item], uf: _Clusters, propose: Any, blocking: bool = True
) -> None:
    for key, group in sorted(_by_key(items, "organisation").items()):
        pairs = _same_country_pairs(group, uf) if blocking else _pairs(group)
        for a, b in pairs:
            if key.startswith("acronym:") or "generic" in (a.tier, b.tier):
                # acronyms and generic names: only within one country (or both international)
                if a.country == b.country and (a.country or "generic" not in (a.tier, b.tier)):
                    problem = uf.union(a.key, b.key, f"organisation '{key}', same country")
                    if problem:
                        propose(a, b, 0.5, f"same organisation name, but {problem}")
            elif a.country is None or b.country is None or a.country == b.country:
                problem = uf.union(a.key, b.key, f"organisation name '{key}'")
                if problem:
                    propose(a, b, 0.5, f"same organisation name, but {problem}")
    orgs = [i for i in items.values() if i.kind == "organisation" and i.tier == "specific"]
    near = _near_names(orgs, min_length=7) if blocking else None
    for a, b in _candidates(orgs, near):
        if (
            a.full == b.full
            or len(a.full) < 8
            or (a.country and b.country and a.country != b.country)
        ):
            continue
        if levenshtein(a.full, b.full, 1) <= 1:
            propose(a, b, 0.5, "organisation names one edit apart after folding")


def _near_names(group: list[Item], min_length: int) -> list[tuple[int, int]]:
    """The index pairs of items whose names (at least ``min_length`` long) differ by one edit,
    sorted: each pair of names is compared once, and items of one name are never paired (an
    organisation named in a thousand appeals makes no pairs with itself)."""
    by_name: dict[str, list[int]] = {}
    for i, item in enumerate(group):
        if len(item.full) >= min_length:
            by_name.setdefault(item.full, []).append(i)
    names = list(by_name)
    out: list[tuple[int, int]] = []
    for x, y in pairs_sharing(names, deletion_variants):
        if levenshtein(names[x], names[y], 1) <= 1:
            out += [(min(i, j), max(i, j)) for i in by_name[names[x]] for j in by_name[names[y]]]
    out.sort()
    return out


def _resolve_persons(
    items: dict[Key, Item],
    uf: _Clusters,
    propose: Any,
    blocking: bool = True,
    org_cluster: Callable[[Key], Hashable] | None = None,
) -> None:
    persons = [i for i in items.values() if i.kind == "person"]
    candidates: Iterable[tuple[int, int]] | None = None
    if blocking:
        blocks = key_blocks(persons, person_block_keys)
        blocks += one_edit_blocks([p.full for p in persons], min_length=6)
        stars = star_blocks(persons, person_hub_keys, person_member_keys)
        candidates = pairs_in_blocks(
            len(persons), blocks, stars, root=lambda i: uf.find(persons[i].key)
        )
    distance: dict[tuple[str, str], int] = {}  # one name pair, many items

    def cluster_of(org: Key) -> Hashable:
        if org in uf.parent:
            return uf.find(org)
        return org_cluster(org) if org_cluster is not None else None

    def facts(a: Item, b: Item) -> tuple[list[str], bool]:
        agree = []
        if a.countries & b.countries:
            agree.append("same country")
        org_a = {cluster_of(o) for o in a.orgs} - {None}
        org_b = {cluster_of(o) for o in b.orgs} - {None}
        if org_a & org_b:
            agree.append("same organisation")
        if a.roles & b.roles:
            agree.append("same role")
        conflict = bool(a.countries and b.countries and not a.countries & b.countries)
        return agree, conflict

    for a, b in _candidates(persons, candidates):
        if uf.find(a.key) == uf.find(b.key):
            continue  # no rule acts on a pair already in one cluster
        shared = a.keys & b.keys
        agree, conflict = facts(a, b)
        if shared:
            if agree and (not conflict or "same organisation" in agree):
                problem = uf.union(a.key, b.key, f"full name '{min(shared)}', {', '.join(agree)}")
                if problem:
                    propose(a, b, 0.4, f"same full name, but {problem}")
            elif conflict:
                propose(a, b, 0.4, "same full name, different countries")
            else:
                propose(a, b, 0.6, "same full name, no agreeing fact")
            continue
        if not a.full or not b.full or uf.find(a.key) == uf.find(b.key):
            continue
        ta, tb = a.full.split(), b.full.split()
        score = 0.1 * len(agree) - (0.2 if conflict else 0)
        if min(len(a.full), len(b.full)) >= 6 and _distance(distance, a.full, b.full) <= 1:
            propose(a, b, 0.5 + score, "names one edit apart after folding" + _also(agree))
        elif len(ta) >= 2 and len(tb) >= 2 and ta[-1] == tb[-1] and ta[0] == tb[0]:
            propose(
                a, b, 0.45 + score, "same first and last name, other names differ" + _also(agree)
            )
        elif min(len(ta), len(tb)) >= 2 and (set(ta) <= set(tb) or set(tb) <= set(ta)):
            propose(a, b, 0.4 + score, "one name adds words to the other" + _also(agree))
        elif (len(ta) == 1 or len(tb) == 1) and ta[-1] == tb[-1] and agree:
            propose(a, b, 0.2 + score, "short name only" + _also(agree))


def person_block_keys(person: Item) -> list[str]:
    """The keys a person pair must share for a rule of :func:`_resolve_persons` to act on it
    (besides names one edit apart and the stars of :func:`person_hub_keys`): a merge key,
    the first and last name, or two words of the name (one name's words within the other's
    share every two of the fewer words). A common word alone is no key: its block would hold
    every name that has it."""
    out = [f"k:{k}" for k in person.keys]
    words = person.full.split()
    if len(words) >= 2:
        out.append(f"fl:{words[0]} {words[-1]}")
        distinct = sorted(set(words))
        out += [f"w2:{x} {y}" for n, x in enumerate(distinct) for y in distinct[n + 1 :]]
    return out


def person_hub_keys(person: Item) -> list[str]:
    """Star keys of which a person is a hub: a one-word name meets every name ending with
    that word ("short name only"); a name of one word repeated meets every name of two words
    or more that has it."""
    words = person.full.split()
    if len(words) == 1:
        return [f"last:{words[0]}"]
    if len(words) >= 2 and len(set(words)) == 1:
        return [f"word:{words[0]}"]
    return []


def person_member_keys(person: Item) -> list[str]:
    """The keys whose hubs (:func:`person_hub_keys`) a person meets."""
    words = person.full.split()
    if not words:
        return []
    out = [f"last:{words[-1]}"]
    if len(words) >= 2:
        out += [f"word:{w}" for w in set(words)]
    return out


def _distance(cache: dict[tuple[str, str], int], a: str, b: str) -> int:
    """:func:`levenshtein` up to 1, once per pair of names."""
    pair = (a, b) if a <= b else (b, a)
    if pair not in cache:
        cache[pair] = levenshtein(a, b, 1)
    return cache[pair]


def _also(agree: list[str]) -> str:
    return f"; {', '.join(agree)}" if agree else ""


def _cluster(items: dict[Key, Item], members: list[Key], reasons: list[str]) -> Cluster:
    group = [items[m] for m in members]
    kind = group[0].kind
    pinned = sorted({i.pinned for i in group if i.pinned})
    if pinned:
        from kg.record.caserecord import expand

        iri = expand(pinned[0])
        # The pinned item is curated against data/reference: its name is the label there.
        label = _fullest([i.name for i in group if i.pinned])
    else:
        # The IRI of the member of the earliest appeal: a later appeal joining the cluster
        # leaves it where it was.
        path, prefix = KIND_PATH[kind]
        first = min(group, key=lambda i: (i.since, i.key))
        iri = AKR[f"{path}/{prefix}-{first.own_key}"]
        label = _fullest([i.name for i in group])
    variants = _dedupe(s for i in group for s in [i.name, *i.spellings])
    return Cluster(kind, members, iri, label, variants, _dedupe(reasons))


def _fullest(names: list[str]) -> str:
    """The fullest form: most words, then longest, then most often used, then first in order."""
    return fullest_counted(Counter(names))


def fullest_counted(counts: Mapping[str, int]) -> str:
    """:func:`_fullest` of names given as how often each is used (an identity index keeps a
    cluster's so, :mod:`kg.record.identity_index`)."""
    return max(sorted(counts), key=lambda n: (len(_words(n)), len(n), counts[n]))


def apply_resolution(
    records: dict[str, dict[str, Any]], resolution: Resolution, canon: Canon | None = None
) -> int:
    """Set ``iri`` and ``canonical_name`` on every merged item, in place,
    and unify merged instruments' provisions (``canon``: see :func:`_unify_provisions`).

    Returns how many items changed."""
    changed = 0
    for aid, record in records.items():
        for section in SECTIONS:
            for raw in record.get(section) or []:
                if not isinstance(raw, dict) or not raw.get("id"):
                    continue
                cluster = resolution.cluster_of(str(aid), str(raw["id"]))
                if cluster is None:
                    continue
                raw["iri"] = str(cluster.iri)
                raw["canonical_name"] = cluster.label
                changed += 1
    _unify_provisions(records, resolution, canon)
    return changed


Provision = tuple[str, str, str | None]  # instrument id, article, label


def record_provisions(record: dict[str, Any]) -> list[Provision]:
    """The provisions of a record that :func:`apply_resolution` unifies across appeals; they
    depend on their own record only, so a build can keep them for unchanged records."""
    out: list[Provision] = []
    for raw in record.get("instruments") or []:
        if not isinstance(raw, dict) or not raw.get("id"):
            continue
        for prov in raw.get("provisions") or []:
            if not isinstance(prov, dict) or prov.get("iri") or not prov.get("article"):
                continue
            out.append((str(raw["id"]), str(prov["article"]), prov.get("label") or None))
    return out


Canon = dict[tuple[str, str], dict[str, Any]]


def canonical_provisions(provisions: dict[str, list[Provision]], resolution: Resolution) -> Canon:
    """(merged instrument IRI, article slug) -> the article text and offence label every appeal
    uses: those of the first appeal (by id) that gives them."""
    from kg.record.caserecord import slug

    first: Canon = {}
    for aid in sorted(provisions):
        for inst, article, label in provisions[aid]:
            cluster = resolution.cluster_of(str(aid), inst)
            if cluster is None:
                continue
            canon = first.setdefault((str(cluster.iri), slug(article)), {"article": article})
            if label and "label" not in canon:
                canon["label"] = label
    return first


def _unify_provisions(
    records: dict[str, dict[str, Any]], resolution: Resolution, canon: Canon | None = None
) -> None:
    """Provisions of a merged instrument that are one node (one article, however written: "12(2)"
    and "12 (2)") get one article text and one offence label: those of the first appeal
    that gives them, so that the merged node has one of each. ``canon`` gives them when only
    some records are here (:func:`canonical_provisions` over all of them)."""
    from kg.record.caserecord import slug

    if canon is None:
        canon = canonical_provisions(
            {aid: record_provisions(r) for aid, r in records.items()}, resolution
        )
    for aid, record in sorted(records.items()):
        for raw in record.get("instruments") or []:
            if not isinstance(raw, dict) or not raw.get("id"):
                continue
            cluster = resolution.cluster_of(str(aid), str(raw["id"]))
            if cluster is None:
                continue
            for prov in raw.get("provisions") or []:
                if not isinstance(prov, dict) or prov.get("iri") or not prov.get("article"):
                    continue
                first = canon[(str(cluster.iri), slug(str(prov["article"])))]
                prov["canonical_article"] = first["article"]
                if "label" in first:
                    prov["canonical_label"] = first["label"]


__all__ = [
    "Cluster",
    "Decision",
    "Resolution",
    "ReviewRow",
    "apply_resolution",
    "canonical_provisions",
    "check_decisions",
    "fold_word",
    "load_decisions",
    "person_block_keys",
    "person_hub_keys",
    "person_member_keys",
    "person_tokens",
    "record_items",
    "record_provisions",
    "resolve_identities",
    "resolve_items",
    "resolve_part",
    "write_review",
]
