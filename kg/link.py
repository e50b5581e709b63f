"""Wikidata candidates for our persons, organisations, places, countries and instruments.

Linking is a proposal, never a silent merge: :func:`propose_links` asks a SPARQL endpoint
(Wikidata by default) for items whose label or alias matches one of our names, scores them by
type, country, dates and posts, and returns :class:`Candidate` objects. What becomes a link is
decided in ``data/links/*.csv`` (format and rules in ``docs/linking.md``): curated rows,
reviewed rows, and for non-persons only, unambiguous high-scoring rows with method ``auto``.
A person is never linked on a name alone, and never automatically.

The client is polite as Wikidata asks: a descriptive User-Agent, batched queries with VALUES,
at most one request per ``min_interval`` seconds, retries with exponential backoff on 429 and
5xx honouring Retry-After, timeouts, and an on-disk cache keyed by the query so that a second
run sends nothing and a failed run keeps what it fetched.
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import json
import re
import threading
import time
import unicodedata
import urllib.error
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pyoxigraph as ox
from anyascii import anyascii
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, SKOS, XSD
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import EndPointInternalError, SPARQLWrapperException

from kg import __version__
from kg.errors import InputError, RemoteError
from kg.files import write_atomic, write_csv_atomic
from kg.vocab import AKG, AKR, DATA_DIR, prefixes

__all__ = [
    "CSV_COLUMNS",
    "Candidate",
    "DEFAULT_CACHE_DIR",
    "Decision",
    "KINDS",
    "MIN_ACCEPT",
    "PERSON_NAME_ONLY_CAP",
    "USER_AGENT",
    "WIKIDATA_ENDPOINT",
    "WikidataClient",
    "fold_name",
    "import_review",
    "load_decisions",
    "load_links",
    "name_variants",
    "propose_links",
    "write_auto_links",
    "write_review",
]

WIKIDATA_ENDPOINT = "https://query.wikidata.org/sparql"
WD = "http://www.wikidata.org/entity/"
WDT = "http://www.wikidata.org/prop/direct/"
PROJECT_URL = "https://w3id.org/appeals-kg"
USER_AGENT = (
    f"appeals-kg/{__version__} ({PROJECT_URL}; entity linking for human-rights appeals) "
    "SPARQLWrapper/2.0"
)
DEFAULT_CACHE_DIR = Path(".kg/cache/wikidata")
LINKS_DIR = DATA_DIR / "links"
KINDS = ("person", "organisation", "place", "country", "instrument")

# An accept threshold below MIN_ACCEPT is refused, so that the cap on name-only person
# candidates is below every threshold a user can choose.
MIN_ACCEPT = 0.6
PERSON_NAME_ONLY_CAP = 0.5
REVIEW_FLOOR = 0.3  # candidates scoring below this are noise and are not returned
AUTO_MARGIN = 0.1  # an auto link needs the runner-up this far below it
MAX_CANDIDATES = 10  # per subject, by name match, before scoring

# Classes (wdt:P31/wdt:P279*) that a candidate of each kind should be an instance of: the
# specific classes for our sub-kind score full marks, the generic ones of the kind partial.
GENERIC_CLASSES: dict[str, tuple[str, ...]] = {
    "person": ("Q5",),
    "country": ("Q6256", "Q3624078"),
    "organisation": ("Q43229",),
    "place": ("Q486972", "Q10864048", "Q13226383", "Q6256", "Q2221906"),
    "instrument": ("Q7748", "Q1923776", "Q131569", "Q7755"),
}
SPECIFIC_CLASSES: dict[str, tuple[str, ...]] = {
    "orgkind:court": ("Q41487",),
    "orgkind:ngo": ("Q79913", "Q163740"),
    "orgkind:police": ("Q35535",),
    "orgkind:company": ("Q4830453",),
    "orgkind:government": ("Q327333",),
    "orgkind:agency": ("Q327333",),
    "placekind:city": ("Q515",),
    "placekind:region": ("Q10864048",),
    "placekind:site": ("Q13226383", "Q2221906"),
    "placekind:country": ("Q6256",),
    "instkind:criminal_code": ("Q1923776",),
    "instkind:constitution": ("Q7755",),
    "instkind:treaty": ("Q131569",),
    "instkind:convention": ("Q131569",),
    "instkind:law": ("Q7748",),
    "instkind:decree": ("Q7748",),
}
FACT_PROPERTIES = ("P17", "P27", "P39", "P108", "P463", "P102", "P1001", "P297", "P569", "P570")
ORG_PROPERTIES = ("P108", "P463", "P102")


@dataclass(frozen=True)
class Candidate:
    """One proposed match of our ``subject`` with a Wikidata item, and why it scored as it did."""

    subject: str
    kind: str
    subject_label: str
    target: str
    target_label: str
    target_description: str
    score: float
    evidence: tuple[str, ...]
    auto: bool = False
    relation: str = "exactMatch"
    method: str = "label-match"

    def row(self) -> dict[str, str]:
        """The candidate as an undecided row of a link file, plus the target's label."""
        return {
            "subject": _curie(self.subject),
            "target": _curie(self.target),
            "relation": self.relation,
            "method": "auto" if self.auto else self.method,
            "score": f"{self.score:.2f}",
            "decided_by": "",
            "decided_on": "",
            "status": "",
            "note": f"{self.subject_label}: " + "; ".join(self.evidence),
            "target_label": self.target_label,
            "target_description": self.target_description,
        }


# -- names --------------------------------------------------------------------------------

_VARIANT_RULES: tuple[tuple[str, str], ...] = (
    (r"([aeiou])yev\b", r"\1ev"),  # Mukhtayev -> Mukhtaev, Kaliyev -> Kaliev
    (r"([aeiou])ev\b", r"\1yev"),
    (r"\bYe(?=[^aeiouy])", "E"),  # Yerlan -> Erlan
    (r"\bE(?=[^aeiouy])", "Ye"),
    (r"iy\b", "y"),  # Dmitriy -> Dmitry
    (r"([^aeiou])y\b", r"\1iy"),
    (r"([aeo])y(?=[^aeiouy]|\b)", r"\1i"),  # Baykonur -> Baikonur
    (r"([aeo])i(?=[^aeiouy]|\b)", r"\1y"),
    (r"\bQ", "K"),  # Qyzylorda -> Kyzylorda
    (r"\bK", "Q"),
)
MAX_VARIANTS = 12


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def name_variants(name: str) -> list[str]:
    """Spellings of a name worth asking for: the name, its transliteration, common variants.

    Names in appeals come from Russian and Kazakh through several romanisations (Yerlan/Erlan,
    Kaliyev/Kaliev, Mukhtayev/Mukhtaev); Wikidata has one label and a few aliases, so we ask for
    the likely spellings and let scoring sort them out. The original spelling comes first.
    """
    base = _clean(name)
    if not base:
        return []
    seeds = [base]
    ascii_form = _clean(anyascii(base))
    if ascii_form and ascii_form != base:
        seeds.append(ascii_form)
    out: list[str] = []
    frontier = list(seeds)
    for _depth in range(2):
        nxt: list[str] = []
        for text in frontier:
            if text not in out:
                out.append(text)
            if not text.isascii():
                continue
            for pattern, repl in _VARIANT_RULES:
                variant = re.sub(pattern, repl, text)
                if variant != text and variant not in out and variant not in nxt:
                    nxt.append(variant)
        frontier = nxt
    out.extend(v for v in frontier if v not in out)
    return out[:MAX_VARIANTS]


def fold_name(name: str) -> str:
    """A comparison key under which romanisation variants of one name are equal."""
    text = anyascii(_clean(name)).lower()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    text = re.sub(r"\bye", "e", text)
    text = re.sub(r"\bq", "k", text)
    text = re.sub(r"([aeiou])y(e)", r"\1\2", text)
    text = text.replace("y", "i")
    text = re.sub(r"i+", "i", text)
    return text


def _name_score(ours: Iterable[str], theirs: Iterable[str]) -> tuple[float, str]:
    """1.0 for the same name, 0.9 for a romanisation variant, less for a partial match."""
    best, why = 0.0, ""
    ours, theirs = list(ours), list(theirs)
    for a in ours:
        for b in theirs:
            if a.casefold() == b.casefold():
                return 1.0, f"name '{b}' = ours"
            fa, fb = fold_name(a), fold_name(b)
            if fa and fa == fb:
                score, reason = 0.9, f"name '{b}' ~ '{a}' (spelling variant)"
            else:
                score = 0.8 * difflib.SequenceMatcher(None, fa, fb).ratio()
                reason = f"name '{b}' partly like '{a}'"
            if score > best:
                best, why = score, reason
    return best, why


# -- our side -----------------------------------------------------------------------------


@dataclass
class Subject:
    """What we know about one of our entities that Wikidata could agree or disagree with."""

    iri: str
    kind: str
    labels: list[tuple[str, str | None]] = field(default_factory=list)
    subkind: str | None = None
    countries: set[str] = field(default_factory=set)
    posts: dict[str, set[str]] = field(default_factory=dict)  # post IRI -> labels
    orgs: dict[str, set[str]] = field(default_factory=dict)  # org IRI -> labels
    years: set[int] = field(default_factory=set)

    @property
    def label(self) -> str:
        return self.labels[0][0] if self.labels else self.iri


_CLASS_OF = {
    "person": "akg:Person",
    "organisation": "akg:Organisation",
    "place": "akg:Place",
    "country": "akg:Country",
    "instrument": "akg:LegalInstrument",
}
_SUBKIND_OF = {
    "organisation": "akg:organisationKind",
    "place": "akg:placeKind",
    "instrument": "akg:instrumentKind",
}
_COUNTRY_OF = {
    "organisation": "akg:country",
    "place": "akg:country",
    "instrument": "akg:jurisdiction",
    "person": "akg:country|akg:nationality",
}


def _rows(source: Graph | ox.Store, query: str) -> list[dict[str, tuple[str, str | None]]]:
    """Run a SELECT over an rdflib graph/dataset or a pyoxigraph store; values as (text, lang)."""
    query = _prologue() + query
    out: list[dict[str, tuple[str, str | None]]] = []
    if isinstance(source, ox.Store):
        solutions = source.query(query, use_default_graph_as_union=True)
        names = [v.value for v in solutions.variables]  # type: ignore[union-attr]
        for sol in solutions:
            row = {}
            for var in names:
                term = sol[var]
                if term is not None:
                    row[var] = (term.value, getattr(term, "language", None))
            out.append(row)
        return out
    # A Dataset keeps one graph per case: read their union, and leave the caller's flag as it was.
    union = getattr(source, "default_union", None)
    if union is not None:
        source.default_union = True  # type: ignore[union-attr]
    try:
        for res in source.query(query):
            row = {}
            for var, term in res.asdict().items():  # type: ignore[union-attr]
                row[var] = (str(term), getattr(term, "language", None))
            out.append(row)
    finally:
        if union is not None:
            source.default_union = union  # type: ignore[union-attr]
    return out


def _prologue() -> str:
    pm = prefixes()
    return "".join(f"PREFIX {p}: <{pm[p]}>\n" for p in pm)


def _iso2(country_iri: str, code: str | None) -> str | None:
    if code:
        return code.upper()
    tail = country_iri.rstrip("/").rsplit("/", 1)[-1]
    return tail.upper() if re.fullmatch(r"[A-Za-z]{2}", tail) else None


def _short(iri: str) -> str:
    for prefix, ns in prefixes().items():
        if iri.startswith(ns) and prefix in ("orgkind", "placekind", "instkind"):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


def collect_subjects(source: Graph | ox.Store, kinds: Sequence[str]) -> list[Subject]:
    """Read our entities of the given kinds with the facts scoring compares."""
    subjects: dict[str, Subject] = {}
    for kind in kinds:
        cls = _CLASS_OF[kind]
        q = f"""SELECT ?s ?label WHERE {{ ?s a {cls} .
            {{ ?s rdfs:label ?label }} UNION {{ ?s skos:altLabel ?label }} }}"""
        for r in _rows(source, q):
            subj = subjects.setdefault(r["s"][0], Subject(r["s"][0], kind))
            if r["label"] not in subj.labels:
                subj.labels.append(r["label"])
        if kind in _SUBKIND_OF:
            q = f"SELECT ?s ?k WHERE {{ ?s a {cls} ; {_SUBKIND_OF[kind]} ?k }}"
            for r in _rows(source, q):
                if r["s"][0] in subjects:
                    subjects[r["s"][0]].subkind = _short(r["k"][0])
        if kind == "country":
            q = "SELECT ?s ?cc WHERE { ?s a akg:Country ; akg:iso3166Alpha2 ?cc }"
            for r in _rows(source, q):
                if r["s"][0] in subjects:
                    subjects[r["s"][0]].countries.add(r["cc"][0].upper())
        else:
            q = f"""SELECT ?s ?c ?cc WHERE {{ ?s a {cls} ; {_COUNTRY_OF[kind]} ?c .
                OPTIONAL {{ ?c akg:iso3166Alpha2 ?cc }} }}"""
            for r in _rows(source, q):
                code = _iso2(r["c"][0], r.get("cc", (None, None))[0])
                if code and r["s"][0] in subjects:
                    subjects[r["s"][0]].countries.add(code)
    persons = [s for s in subjects.values() if s.kind == "person"]
    if persons:
        _collect_person_facts(source, subjects)
    for subj in subjects.values():  # our preferred label first, then the rest in order
        subj.labels.sort(key=lambda lab: lab[1] not in (None, "en"))
    return sorted((s for s in subjects.values() if s.labels), key=lambda s: (s.kind, s.iri))


def _collect_person_facts(source: Graph | ox.Store, subjects: dict[str, Subject]) -> None:
    # Posts first, then organisations (through a post or membership) with their countries:
    # one query with optional ?org would let an unbound ?org match every organisation.
    q = """SELECT ?s ?post ?pl WHERE { ?s a akg:Person . ?post org:heldBy ?s .
        OPTIONAL { ?post rdfs:label ?pl } }"""
    for r in _rows(source, q):
        if (subj := subjects.get(r["s"][0])) is not None:
            labels = subj.posts.setdefault(r["post"][0], set())
            if "pl" in r:
                labels.add(r["pl"][0])
    q = """SELECT ?s ?org ?ol ?c ?cc WHERE { ?s a akg:Person .
        { ?post org:heldBy ?s ; org:postIn ?org } UNION { ?s org:memberOf ?org }
        OPTIONAL { ?org rdfs:label|skos:altLabel ?ol }
        OPTIONAL { ?org akg:country ?c . OPTIONAL { ?c akg:iso3166Alpha2 ?cc } } }"""
    for r in _rows(source, q):
        if (subj := subjects.get(r["s"][0])) is None:
            continue
        labels = subj.orgs.setdefault(r["org"][0], set())
        if "ol" in r:
            labels.add(r["ol"][0])
        if "c" in r and (code := _iso2(r["c"][0], r.get("cc", (None, None))[0])):
            subj.countries.add(code)
    q = """SELECT ?s ?d WHERE { ?s a akg:Person . ?e akg:eventType [] ; akg:date ?d .
        { ?e ?p ?s } UNION { ?e ?p ?n . ?n ?q ?s } }"""
    for r in _rows(source, q):
        year = re.match(r"-?\d{4}", r["d"][0])
        if year and r["s"][0] in subjects:
            subjects[r["s"][0]].years.add(int(year.group()))


# -- the client ---------------------------------------------------------------------------


class WikidataClient:
    """SELECT queries against a SPARQL endpoint, cached on disk, rate-limited and retried."""

    _lock = threading.Lock()
    _last_request: dict[str, float] = {}

    def __init__(
        self,
        endpoint: str = WIKIDATA_ENDPOINT,
        *,
        cache_dir: Path | str | None = DEFAULT_CACHE_DIR,
        offline: bool = False,
        user_agent: str = USER_AGENT,
        timeout: float = 60.0,
        min_interval: float = 1.0,
        max_retries: int = 4,
        backoff: float = 2.0,
        max_wait: float = 120.0,
    ) -> None:
        self.endpoint = endpoint
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self.offline = offline
        self.user_agent = user_agent
        self.timeout = timeout
        self.min_interval = min_interval
        self.max_retries = max_retries
        self.backoff = backoff
        self.max_wait = max_wait
        self.requests_sent = 0
        self.cache_hits = 0

    # cache ------------------------------------------------------------------------------
    def cache_path(self, query: str) -> Path | None:
        """Where the answer to ``query`` at this endpoint is kept (sha256 of both)."""
        if self.cache_dir is None:
            return None
        key = hashlib.sha256(f"{self.endpoint}\n{query}".encode()).hexdigest()
        return self.cache_dir / key[:2] / f"{key}.json"

    def _read_cache(self, path: Path | None) -> list[dict[str, Any]] | None:
        if path is None or not path.exists():
            return None
        try:
            return json.loads(path.read_text(encoding="utf-8"))["bindings"]
        except (OSError, ValueError, KeyError):
            return None  # a damaged entry is fetched again and overwritten

    def _write_cache(self, path: Path | None, query: str, bindings: list[dict[str, Any]]) -> None:
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        record = {
            "endpoint": self.endpoint,
            "query": query,
            "fetched": datetime.now(UTC).isoformat(timespec="seconds"),
            "bindings": bindings,
        }
        write_atomic(path, json.dumps(record, ensure_ascii=False).encode("utf-8"))

    # requests ---------------------------------------------------------------------------
    def select(self, query: str, required: Sequence[str] = ()) -> list[dict[str, Any]]:
        """Bindings of a SELECT query (SPARQL JSON results), from the cache when possible.

        An answer that is not a list of bindings, or whose rows lack a ``required`` variable,
        is a :class:`RemoteError` and is not cached.
        """
        path = self.cache_path(query)
        cached = self._read_cache(path)
        if cached is not None and _bindings_problem(cached, required) is None:
            self.cache_hits += 1
            return cached
        if self.offline:
            raise RemoteError(
                f"{self.endpoint}: offline and no cached answer in {self.cache_dir}; "
                "run once without --offline to fill the cache"
            )
        bindings = self._fetch(query)
        problem = _bindings_problem(bindings, required)
        if problem is not None:
            raise RemoteError(f"{self.endpoint}: unexpected answer ({problem}); nothing written")
        self._write_cache(path, query, bindings)
        return bindings

    def _wait_turn(self) -> None:
        with self._lock:
            last = self._last_request.get(self.endpoint, 0.0)
            delay = last + self.min_interval - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            self._last_request[self.endpoint] = time.monotonic()

    def _fetch(self, query: str) -> list[dict[str, Any]]:
        attempt = 0
        while True:
            self._wait_turn()
            self.requests_sent += 1
            try:
                return self._request(query)
            except _Retryable as err:
                attempt += 1
                if attempt > self.max_retries:
                    raise RemoteError(
                        f"{self.endpoint}: {err.reason} after {attempt} tries; cached answers "
                        "are kept, re-run to continue"
                    ) from None
                wait = self.backoff * 2 ** (attempt - 1)
                if err.retry_after is not None:
                    if err.retry_after > self.max_wait:
                        raise RemoteError(
                            f"{self.endpoint}: {err.reason}, asked to retry after "
                            f"{err.retry_after:g} s (more than {self.max_wait:g} s); cached "
                            "answers are kept, re-run later"
                        ) from None
                    wait = max(wait, err.retry_after)
                time.sleep(min(wait, self.max_wait))

    def _request(self, query: str) -> list[dict[str, Any]]:
        client = SPARQLWrapper(self.endpoint, agent=self.user_agent)
        client.setQuery(query)
        client.setReturnFormat(JSON)
        client.setOnlyConneg(True)
        # Short queries go by GET, which the Wikidata front caches; long VALUES lists by POST.
        if len(urlencode({"query": query})) > 1800:
            client.setMethod(POST)
        client.timeout = self.timeout  # type: ignore[assignment]  # setTimeout truncates to int
        try:
            result = client.query()
            data = result.convert()
        except EndPointInternalError as exc:
            raise _Retryable("HTTP 500", None) from exc
        except urllib.error.HTTPError as exc:
            if exc.code == 429 or 500 <= exc.code < 600:
                retry = _retry_after(exc.headers.get("Retry-After") if exc.headers else None)
                raise _Retryable(f"HTTP {exc.code} {exc.reason}", retry) from exc
            raise RemoteError(f"{self.endpoint}: HTTP {exc.code} {exc.reason}") from None
        except TimeoutError as exc:
            raise _Retryable(f"no answer within {self.timeout:g} s", None) from exc
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                raise _Retryable(f"no answer within {self.timeout:g} s", None) from exc
            raise RemoteError(f"{self.endpoint}: cannot connect ({exc.reason})") from None
        except SPARQLWrapperException as exc:
            msg = str(exc).splitlines()[0]
            raise RemoteError(f"{self.endpoint}: {msg}") from None
        except (ConnectionError, OSError) as exc:
            raise RemoteError(f"{self.endpoint}: connection failed ({exc})") from None
        except (ValueError, TypeError) as exc:  # a body that is not SPARQL JSON (or not an object)
            raise RemoteError(f"{self.endpoint}: unreadable answer ({exc})") from None
        if not isinstance(data, dict) or not isinstance(data.get("results"), dict):
            raise RemoteError(f"{self.endpoint}: answer is not SPARQL JSON results")
        return data["results"].get("bindings")  # type: ignore[no-any-return]


def _bindings_problem(bindings: Any, required: Sequence[str]) -> str | None:
    """What makes ``bindings`` unlike SPARQL JSON result rows, or None."""
    if not isinstance(bindings, list):
        return "results.bindings is not a list"
    for n, row in enumerate(bindings, 1):
        if not isinstance(row, dict):
            return f"row {n} is not an object"
        for var, term in row.items():
            if not isinstance(term, dict) or not isinstance(term.get("value"), str):
                return f"row {n}: ?{var} has no string value"
            if not isinstance(term.get("xml:lang", ""), str):
                return f"row {n}: ?{var} has a language that is not a string"
        missing = [v for v in required if v not in row]
        if missing:
            return f"row {n} lacks ?{missing[0]}"
    return None


class _Retryable(Exception):
    def __init__(self, reason: str, retry_after: float | None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header, given as seconds or as an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


# -- queries ------------------------------------------------------------------------------

WD_PROLOGUE = (
    "PREFIX wd: <http://www.wikidata.org/entity/>\n"
    "PREFIX wdt: <http://www.wikidata.org/prop/direct/>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
    "PREFIX schema: <http://schema.org/>\n"
)


def _literal(text: str, lang: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"@{lang}'


def search_query(names: Iterable[tuple[str, str]]) -> str:
    """Items whose label or alias is exactly one of the (text, language) names."""
    values = " ".join(_literal(t, lang) for t, lang in sorted(set(names)))
    return (
        WD_PROLOGUE + "SELECT DISTINCT ?name ?item WHERE {\n"
        f"  VALUES ?name {{ {values} }}\n"
        "  { ?item rdfs:label ?name } UNION { ?item skos:altLabel ?name }\n"
        '  FILTER(STRSTARTS(STR(?item), "http://www.wikidata.org/entity/Q"))\n'
        "}"
    )


def facts_query(items: Iterable[str], classes: Iterable[str], languages: Sequence[str]) -> str:
    """Labels, aliases, descriptions, classes and the compared facts of a batch of items."""
    item_values = " ".join(f"wd:{q}" for q in sorted(set(items)))
    class_values = " ".join(f"wd:{q}" for q in sorted(set(classes)))
    prop_values = " ".join(f"wdt:{p}" for p in FACT_PROPERTIES)
    langs = ", ".join(f'"{lang}"' for lang in languages)
    return (
        WD_PROLOGUE + "SELECT ?item ?prop ?value ?valueLabel ?code WHERE {\n"
        f"  VALUES ?item {{ {item_values} }}\n"
        f"  {{ VALUES ?prop {{ {prop_values} }}\n"
        "    ?item ?prop ?value .\n"
        "    OPTIONAL { ?value rdfs:label ?valueLabel .\n"
        f"      FILTER(LANG(?valueLabel) IN ({langs})) }}\n"
        "    OPTIONAL { ?value wdt:P297 ?code } }\n"
        f"  UNION {{ VALUES ?value {{ {class_values} }}\n"
        '    ?item wdt:P31/wdt:P279* ?value . BIND("class" AS ?prop) }\n'
        '  UNION { ?item rdfs:label ?valueLabel . BIND("label" AS ?prop)\n'
        f"    FILTER(LANG(?valueLabel) IN ({langs})) }}\n"
        '  UNION { ?item skos:altLabel ?valueLabel . BIND("alias" AS ?prop)\n'
        f"    FILTER(LANG(?valueLabel) IN ({langs})) }}\n"
        '  UNION { ?item schema:description ?valueLabel . BIND("description" AS ?prop)\n'
        f"    FILTER(LANG(?valueLabel) IN ({langs})) }}\n"
        "}"
    )


@dataclass
class Item:
    """The facts of one Wikidata item, as far as scoring needs them."""

    qid: str
    labels: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    aliases: list[str] = field(default_factory=list)
    descriptions: dict[str, str] = field(default_factory=dict)
    classes: set[str] = field(default_factory=set)
    values: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    value_labels: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    countries: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def label(self, languages: Sequence[str]) -> str:
        for lang in languages:
            if self.labels.get(lang):
                return self.labels[lang][0]
        return next((v[0] for v in self.labels.values() if v), self.qid)

    def description(self, languages: Sequence[str]) -> str:
        return next(
            (self.descriptions[lang] for lang in languages if lang in self.descriptions), ""
        )

    def names(self) -> list[str]:
        return [n for names in self.labels.values() for n in names] + self.aliases


def _qid(iri: str) -> str | None:
    return iri[len(WD) :] if iri.startswith(WD + "Q") else None


def _parse_facts(bindings: list[dict[str, Any]], items: dict[str, Item]) -> None:
    for b in bindings:
        qid = _qid(b["item"]["value"])
        if qid is None:
            continue
        item = items.setdefault(qid, Item(qid))
        prop = b["prop"]["value"]
        text = b.get("valueLabel", {}).get("value")
        lang = b.get("valueLabel", {}).get("xml:lang", "")
        if prop == "label" and text:
            if text not in item.labels[lang]:
                item.labels[lang].append(text)
        elif prop == "alias" and text:
            if text not in item.aliases:
                item.aliases.append(text)
        elif prop == "description" and text:
            item.descriptions.setdefault(lang, text)
        elif prop == "class":
            item.classes.add(_qid(b["value"]["value"]) or b["value"]["value"])
        elif prop.startswith(WDT):
            pid = prop[len(WDT) :]
            value = b["value"]["value"]
            item.values[pid].add(_qid(value) or value)
            if text:
                item.value_labels[pid].add(text)
            if "code" in b:
                item.countries[pid].add(b["code"]["value"].upper())


# -- scoring ------------------------------------------------------------------------------


def _year(value: str) -> int | None:
    m = re.match(r"(-?\d{4})", value)
    return int(m.group(1)) if m else None


def score_candidate(
    subj: Subject,
    item: Item,
    known: dict[str, set[str]],
) -> tuple[float, list[str], bool]:
    """Score one (subject, item) pair: (score in [0, 1], evidence, contradicted).

    ``known`` maps our IRIs (posts, organisations) to the Q-ids they are already linked to, so
    that a person's post agrees with wdt:P39 by identity rather than by label.
    """
    ours = [text for text, _ in subj.labels]
    name, why = _name_score(ours, item.names())
    evidence = [f"{why} ({name:.2f})"]
    specific = set(SPECIFIC_CLASSES.get(subj.subkind or "", ()))
    generic = set(GENERIC_CLASSES[subj.kind])
    if item.classes & specific:
        type_score = 1.0
        evidence.append(f"type {sorted(item.classes & specific)[0]} fits {subj.subkind}")
    elif item.classes & generic:
        type_score = 0.3 if specific else 1.0
        evidence.append(f"type {sorted(item.classes & generic)[0]} fits {subj.kind}")
    else:
        type_score = 0.0
        evidence.append(f"type does not fit {subj.kind}")
    country_props = {"person": ("P27",), "instrument": ("P1001", "P17"), "country": ("P297",)}
    their_countries: set[str] = set()
    for pid in country_props.get(subj.kind, ("P17",)):
        their_countries |= item.countries.get(pid, set())
        if pid == "P297":
            their_countries |= {v.upper() for v in item.values.get("P297", set())}
    if subj.countries and their_countries:
        country = 1.0 if subj.countries & their_countries else 0.0
        evidence.append(
            f"country {'/'.join(sorted(their_countries))} "
            f"{'agrees' if country else 'differs from ' + '/'.join(sorted(subj.countries))}"
        )
    else:
        country = 0.5
    contradicted = country == 0.0

    if subj.kind != "person":
        score = 0.5 * name + 0.35 * type_score + 0.15 * country
        if subj.kind == "country" and subj.countries & their_countries:
            score = max(score, 0.5 + 0.5 * type_score)  # the ISO code is an identifier
        if type_score == 0.0:
            score = min(score, 0.4)
        if contradicted:
            score = min(score, 0.5)
        return round(score, 3), evidence, contradicted

    score = 0.4 * name + 0.1 * type_score
    agreeing = 0
    if country == 1.0:
        score += 0.2
        agreeing += 1
    elif contradicted:
        score -= 0.3
    held = item.values.get("P39", set())
    held_labels = {fold_name(x) for x in item.value_labels.get("P39", set())}
    for post, labels in subj.posts.items():
        if known.get(post, set()) & held or {fold_name(x) for x in labels} & held_labels:
            score += 0.3
            agreeing += 1
            evidence.append("holds the same post (P39)")
            break
    org_ids = set().union(*(item.values.get(p, set()) for p in ORG_PROPERTIES))
    org_labels = {fold_name(x) for p in ORG_PROPERTIES for x in item.value_labels.get(p, set())}
    for org, labels in subj.orgs.items():
        if known.get(org, set()) & org_ids or {fold_name(x) for x in labels} & org_labels:
            score += 0.25
            agreeing += 1
            evidence.append("same organisation (P108/P463/P102)")
            break
    born = min((y for v in item.values.get("P569", ()) if (y := _year(v))), default=None)
    died = min((y for v in item.values.get("P570", ()) if (y := _year(v))), default=None)
    if subj.years and (born or died):
        first = min(subj.years)
        if (born and first - born < 14) or (died and died < first - 1):
            score -= 0.3
            contradicted = True
            evidence.append(f"dates do not fit events of {first} (born {born}, died {died})")
        elif born:
            score += 0.05
            evidence.append(f"born {born}, fits events from {first}")
    if type_score == 0.0:
        score = min(score, 0.2)
    if agreeing == 0:
        score = min(score, PERSON_NAME_ONLY_CAP)
        evidence.append("name only: no post, citizenship or organisation agrees")
    return round(max(0.0, min(1.0, score)), 3), evidence, contradicted


# -- the pipeline -------------------------------------------------------------------------


def _query_names(subj: Subject, languages: Sequence[str]) -> set[tuple[str, str]]:
    names: set[tuple[str, str]] = set()
    for text, lang in subj.labels:
        for variant in name_variants(text):
            if variant.isascii():
                langs = [lang_ for lang_ in languages if lang_ in ("en", "mul")] or ["en"]
            else:
                langs = [lang_ for lang_ in languages if lang_ not in ("en", "mul")]
            if lang and lang in languages and lang not in langs:
                langs.append(lang)
            names.update((variant, lang_) for lang_ in langs)
    return names


def _batches(seq: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(seq), size):
        yield seq[start : start + size]


def propose_links(
    graph_or_store: Graph | ox.Store,
    *,
    endpoint: str = WIKIDATA_ENDPOINT,
    types: Sequence[str] = KINDS,
    min_score: float = 0.85,
    cache_dir: Path | str | None = DEFAULT_CACHE_DIR,
    offline: bool = False,
    progress: Callable[[str], None] | None = None,
    links_dir: Path | str | None = LINKS_DIR,
    languages: Sequence[str] = ("en", "ru", "kk"),
    batch_size: int = 20,
    client: WikidataClient | None = None,
) -> list[Candidate]:
    """Propose Wikidata items for our entities, best first per subject.

    Subjects already linked by an accepted decision in ``links_dir`` are not asked about
    again, and a (subject, target) pair rejected there is never proposed again. A candidate is
    marked ``auto`` only for non-persons, at or above ``min_score``, not contradicted, and
    clearly ahead of the runner-up; everything else is for review (:func:`write_review`).
    With ``offline`` the cache must hold every answer, else :class:`RemoteError` says so.
    Network failures raise :class:`RemoteError`; answers fetched before are kept in the cache.
    """
    unknown = [t for t in types if t not in KINDS]
    if unknown:
        raise InputError(f"Unknown link type {unknown[0]!r}; choose from {', '.join(KINDS)}")
    if not MIN_ACCEPT <= min_score <= 1.0:
        raise InputError(f"min_score must be between {MIN_ACCEPT} and 1.0, got {min_score}")
    say = progress or (lambda _msg: None)
    client = client or WikidataClient(endpoint, cache_dir=cache_dir, offline=offline)
    decisions = load_decisions(Path(links_dir)) if links_dir is not None else {}
    rejected = {pair for pair, d in decisions.items() if d.status == "rejected"}
    known: dict[str, set[str]] = defaultdict(set)
    for (subject, target), d in decisions.items():
        if d.status == "accepted" and (qid := _qid(target)):
            known[subject].add(qid)

    subjects = [s for s in collect_subjects(graph_or_store, types) if s.iri not in known]
    say(f"{len(subjects)} subjects to link")
    matches: dict[str, set[str]] = defaultdict(set)  # subject IRI -> Q-ids
    batches = list(_batches(subjects, batch_size))
    for n, batch in enumerate(batches, 1):
        say(f"name search {n}/{len(batches)}")
        by_name: dict[tuple[str, str], list[Subject]] = defaultdict(list)
        for subj in batch:
            for name in _query_names(subj, languages):
                by_name[name].append(subj)
        if not by_name:
            continue
        for b in client.select(search_query(by_name), required=("name", "item")):
            name = (b["name"]["value"], b["name"].get("xml:lang", ""))
            qid = _qid(b["item"]["value"])
            for subj in by_name.get(name, []):
                if qid and len(matches[subj.iri]) < MAX_CANDIDATES:
                    matches[subj.iri].add(qid)

    all_items = sorted({q for qs in matches.values() for q in qs})
    classes = {c for cs in GENERIC_CLASSES.values() for c in cs}
    classes |= {c for cs in SPECIFIC_CLASSES.values() for c in cs}
    items: dict[str, Item] = {}
    item_batches = list(_batches(all_items, batch_size * 2))
    for n, batch in enumerate(item_batches, 1):
        say(f"facts {n}/{len(item_batches)}")
        bindings = client.select(facts_query(batch, classes, languages), required=("item", "prop"))
        try:
            _parse_facts(bindings, items)
        except KeyError as e:
            raise RemoteError(
                f"{client.endpoint}: unexpected answer (a row lacks ?{e.args[0]}); nothing written"
            ) from None

    out: list[Candidate] = []
    for subj in subjects:
        scored = []
        for qid in sorted(matches.get(subj.iri, ())):
            if (subj.iri, WD + qid) in rejected or qid not in items:
                continue
            score, evidence, contradicted = score_candidate(subj, items[qid], known)
            if score >= REVIEW_FLOOR:
                scored.append((score, qid, evidence, contradicted))
        scored.sort(key=lambda s: (-s[0], s[1]))
        for i, (score, qid, evidence, contradicted) in enumerate(scored):
            runner_up = scored[1][0] if len(scored) > 1 else 0.0
            auto = (
                i == 0
                and subj.kind != "person"
                and score >= min_score
                and not contradicted
                and score - runner_up >= AUTO_MARGIN
            )
            item = items[qid]
            out.append(
                Candidate(
                    subject=subj.iri,
                    kind=subj.kind,
                    subject_label=subj.label,
                    target=WD + qid,
                    target_label=item.label(languages),
                    target_description=item.description(languages),
                    score=score,
                    evidence=tuple(evidence),
                    auto=auto,
                    relation="sameAs" if subj.kind == "person" else "exactMatch",
                )
            )
    say(f"{len(out)} candidates, {client.requests_sent} requests, {client.cache_hits} cached")
    return out


# -- decisions: data/links/*.csv ----------------------------------------------------------

CSV_COLUMNS = (
    "subject",
    "target",
    "relation",
    "method",
    "score",
    "decided_by",
    "decided_on",
    "status",
    "note",
)
REVIEW_COLUMNS = (*CSV_COLUMNS, "target_label", "target_description")
RELATIONS = {"sameAs": OWL.sameAs, "exactMatch": SKOS.exactMatch, "closeMatch": SKOS.closeMatch}
STATUSES = ("accepted", "rejected")
AUTO_FILE = "auto.csv"
REVIEWED_FILE = "reviewed.csv"
AUTO_DECIDED_BY = "appeals-kg link (auto)"
# Later files win for the same (subject, target): a reviewed decision overrides a curated one,
# and both override an automatic one.
_FILE_RANK = {AUTO_FILE: 0, "seed.csv": 2, REVIEWED_FILE: 3}
PROV = "http://www.w3.org/ns/prov#"


@dataclass(frozen=True)
class Decision:
    """One row of a link file, with full IRIs, and where it was read (file:line)."""

    subject: str
    target: str
    relation: str
    method: str
    score: Decimal | None
    decided_by: str
    decided_on: date
    status: str
    note: str
    source: str

    def row(self) -> dict[str, str]:
        return {
            "subject": _curie(self.subject),
            "target": _curie(self.target),
            "relation": self.relation,
            "method": self.method,
            "score": "" if self.score is None else str(self.score),
            "decided_by": self.decided_by,
            "decided_on": self.decided_on.isoformat(),
            "status": self.status,
            "note": self.note,
        }


def _curie(iri: str) -> str:
    for prefix in ("akr", "wd"):
        ns = prefixes()[prefix]
        if iri.startswith(ns) and re.fullmatch(r"[\w./-]+", iri[len(ns) :]):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


def expand_iri(text: str, where: str) -> str:
    """A full IRI from a CURIE with a project prefix (akr:, wd:, ...) or an absolute IRI."""
    text = text.strip()
    if re.match(r"^(https?://|urn:)\S+$", text):
        return text
    prefix, sep, local = text.partition(":")
    if sep and prefix in prefixes() and local and not local.startswith("//"):
        return prefixes()[prefix] + local
    raise InputError(f"{where}: {text!r} is neither a full IRI nor a CURIE with a known prefix")


def _parse_row(raw: dict[str, str], where: str, *, today: date | None = None) -> Decision:
    def get(key: str) -> str:
        return (raw.get(key) or "").strip()

    subject = expand_iri(get("subject"), where)
    target = expand_iri(get("target"), where)
    relation = get("relation")
    if relation not in RELATIONS:
        raise InputError(f"{where}: relation {relation!r} must be one of {', '.join(RELATIONS)}")
    status = get("status")
    if status not in STATUSES:
        raise InputError(f"{where}: status {status!r} must be accepted or rejected")
    score: Decimal | None = None
    if get("score"):
        try:
            score = Decimal(get("score"))
        except InvalidOperation:
            raise InputError(f"{where}: score {get('score')!r} is not a number") from None
        if not Decimal(0) <= score <= Decimal(1):
            raise InputError(f"{where}: score {score} must be between 0 and 1")
    decided_by = get("decided_by")
    if not decided_by:
        raise InputError(f"{where}: decided_by is empty; say who made the decision")
    if get("decided_on"):
        try:
            decided_on = date.fromisoformat(get("decided_on"))
        except ValueError:
            raise InputError(
                f"{where}: decided_on {get('decided_on')!r} is not YYYY-MM-DD"
            ) from None
    elif today is not None:
        decided_on = today
    else:
        raise InputError(f"{where}: decided_on is empty; give the date as YYYY-MM-DD")
    return Decision(
        subject=subject,
        target=target,
        relation=relation,
        method=get("method") or "manual",
        score=score,
        decided_by=decided_by,
        decided_on=decided_on,
        status=status,
        note=get("note"),
        source=where,
    )


def _read_csv(path: Path) -> Iterable[tuple[int, dict[str, str]]]:
    """Rows with their line numbers; the header must start with the link-file columns."""
    from kg import limits

    limits.CSV_FILE.check(limits.file_size(path), str(path))
    try:
        with path.open(newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            header = tuple(reader.fieldnames or ())
            if header[: len(CSV_COLUMNS)] != CSV_COLUMNS:
                raise InputError(f"{path}:1: header must start with {','.join(CSV_COLUMNS)}")
            for raw in reader:
                yield reader.line_num, raw
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except csv.Error as exc:
        raise InputError(f"{path}: not a readable CSV file ({exc})") from None


def read_link_file(path: Path | str) -> list[Decision]:
    """Every row of one link file, validated; an error names file:line."""
    path = Path(path)
    return [_parse_row(raw, f"{path}:{line}") for line, raw in _read_csv(path)]


def load_decisions(links_dir: Path | str = LINKS_DIR) -> dict[tuple[str, str], Decision]:
    """The decision in force for each (subject, target) pair across ``links_dir/*.csv``."""
    links_dir = Path(links_dir)
    if not links_dir.is_dir():
        return {}
    files = sorted(links_dir.glob("*.csv"), key=lambda p: (_FILE_RANK.get(p.name, 1), p.name))
    out: dict[tuple[str, str], Decision] = {}
    for path in files:
        for decision in read_link_file(path):
            out[(decision.subject, decision.target)] = decision
    return out


def decision_iri(subject: str, target: str) -> URIRef:
    """A stable IRI for the decision about a pair, whatever file or row order it came from."""
    digest = hashlib.sha256(f"{subject} {target}".encode()).hexdigest()[:16]
    return AKR[f"link/{digest}"]


def load_links(links_dir: Path | str = LINKS_DIR) -> Graph:
    """The links graph: accepted links as triples, and one akg:LinkDecision node per pair.

    Only relation ``sameAs`` (confirmed identity) becomes owl:sameAs; ``exactMatch`` and
    ``closeMatch`` become the SKOS mapping properties, which do not merge the two descriptions.
    Rejected decisions make no link but keep their node, so the graph says what was refused.
    """
    g = Graph()
    for prefix, ns in prefixes().items():
        g.bind(prefix, ns, override=True, replace=True)
    g.bind("prov", PROV)
    for decision in load_decisions(links_dir).values():
        s, t = URIRef(decision.subject), URIRef(decision.target)
        relation = RELATIONS[decision.relation]
        if decision.status == "accepted":
            g.add((s, relation, t))
        node = decision_iri(decision.subject, decision.target)
        g.add((node, RDF.type, AKG.LinkDecision))
        g.add((node, AKG.linkSubject, s))
        g.add((node, AKG.linkTarget, t))
        g.add((node, AKG.linkRelation, relation))
        g.add((node, AKG.linkStatus, Literal(decision.status)))
        g.add((node, AKG.method, Literal(decision.method)))
        if decision.score is not None:
            g.add((node, AKG.score, Literal(decision.score, datatype=XSD.decimal)))
        g.add((node, DCTERMS.creator, Literal(decision.decided_by)))
        g.add((node, URIRef(PROV + "wasAttributedTo"), Literal(decision.decided_by)))
        g.add((node, DCTERMS.date, Literal(decision.decided_on, datatype=XSD.date)))
        if decision.note:
            g.add((node, RDFS.comment, Literal(decision.note)))
    return g


def write_review(candidates: Iterable[Candidate], path: Path | str) -> int:
    """Write the candidates a researcher must decide (all but ``auto`` ones); return how many.

    Persons are always here, whatever their score. The file has the link-file columns with
    status, decided_by and decided_on empty, plus the target's label and description; fill
    status (accepted/rejected) and decided_by, then :func:`import_review` it.
    """
    rows = [c.row() for c in candidates if not c.auto]
    write_csv_atomic(Path(path), REVIEW_COLUMNS, rows)
    return len(rows)


def write_auto_links(candidates: Iterable[Candidate], links_dir: Path | str = LINKS_DIR) -> Path:
    """Record the ``auto`` candidates as accepted exactMatch rows in ``links_dir/auto.csv``.

    Rows already in the file are kept; a pair proposed again is written once.
    """
    path = Path(links_dir) / AUTO_FILE
    existing = (
        {(d.subject, d.target): d.row() for d in read_link_file(path)} if path.exists() else {}
    )
    today = date.today().isoformat()
    for c in candidates:
        if not c.auto or c.kind == "person":
            continue
        row = c.row()
        row.update(relation="exactMatch", decided_by=AUTO_DECIDED_BY, decided_on=today)
        row.update(status="accepted", method="auto")
        existing[(c.subject, c.target)] = {k: row[k] for k in CSV_COLUMNS}
    write_csv_atomic(path, CSV_COLUMNS, (existing[k] for k in sorted(existing)))
    return path


def import_review(path: Path | str, links_dir: Path | str = LINKS_DIR) -> int:
    """Merge the decided rows of a review file into ``links_dir/reviewed.csv``; return how many.

    Rows with an empty status are still undecided and are skipped. Every decided row is checked
    first and the first bad one is reported as file:line, so a half-imported review never
    happens; an empty decided_on means today. A new decision on a pair replaces the old one.
    """
    path = Path(path)
    today = date.today()
    decided = [
        _parse_row(raw, f"{path}:{line}", today=today)
        for line, raw in _read_csv(path)
        if (raw.get("status") or "").strip()
    ]
    target = Path(links_dir) / REVIEWED_FILE
    merged = {(d.subject, d.target): d for d in read_link_file(target)} if target.exists() else {}
    for decision in decided:
        merged[(decision.subject, decision.target)] = decision
    write_csv_atomic(target, CSV_COLUMNS, (merged[k].row() for k in sorted(merged)))
    return len(decided)
