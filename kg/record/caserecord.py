"""Case records: the YAML form of one appeal's facts, and its mapping to RDF.

A case record is what a curator edits and what the extractor writes: the gold format of the
development corpus (``appeal``, ``persons``, ``organisations``, ``places``, ``instruments``,
``events``, ``rights``, ``demands``) plus keys that carry the rest of the model (``charges``,
``statements``, ``arrangements``, ``iri``, ``evidence`` ...). ``docs/case-record.md`` lists them.

:func:`record_to_graph` turns a record into the appeal's named graph. Every node that states a
fact gets ``akg:evidence`` pointing to an evidence span: the appeal it quotes (``oa:hasSource``),
the exact quote and its character offsets in the appeal text (``oa:exact``, ``oa:start``,
``oa:end``), four triples on the span node.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from rdflib import RDF, RDFS, SKOS, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from kg import __version__
from kg.countries import country_code, country_iri
from kg.errors import DataError, InputError
from kg.record.datecheck import calendar_problem
from kg.record.keys import check_key
from kg.vocab import (
    ACCESS,
    AKG,
    AKR,
    CHARGESTATUS,
    DEMANDTYPE,
    EVTYPE,
    GRAPH,
    INSTKIND,
    OA,
    ORG,
    ORGFUNCTION,
    ORGKIND,
    PLACEKIND,
    PRECISION,
    RIGHT,
    ROLE,
    SCHEMA,
    bind_prefixes,
    prefixes,
)

EVENT_TYPES = (
    "complaint case_opened charge charge_reclassified court_decision investigation summons "
    "interrogation arrest detention search raid seizure trial_hearing conviction sentence fine "
    "release acquittal appeal_filed amnesty travel_ban ban deregistration threat attack killing "
    "disappearance other"
).split()
PERSON_ROLES = (
    "defender complainant official lawyer judge prosecutor journalist relative witness other"
).split()
ORG_KINDS = (
    "ngo court prosecution police security_service ministry government parliament "
    "state_enterprise company media international_org political_party other"
).split()
# What an organisation does, apart from its legal kind (org:classification).
ORG_FUNCTIONS = (
    "state_space_agency space_infrastructure_operator court_of_first_instance appeal_court "
    "criminal_court prosecution_service police_force security_service human_rights_ngo "
    "social_network news_outlet"
).split()
# Typed links of a chain of events (record key -> sub-property of akg:follows).
CHAIN_LINKS = {
    "against": "appealAgainst",
    "ordered_by": "orderedBy",
    "prompted_by": "promptedBy",
    "reclassifies": "reclassificationOf",
    "released_under": "releaseUnder",
}
EMPLOYMENT_TITLES = ("employee", "staff")
PLACE_KINDS = ("city", "region", "country", "site")
INSTRUMENT_KINDS = ("criminal_code", "constitution", "treaty", "law", "convention", "decree")
ACCESS_LEVELS = ("public", "restricted", "confidential")
CHARGE_STATUSES = ("pending", "superseded", "dropped", "convicted", "acquitted")

# Events that bring charges, and judgments that imply one (with the status they give it).
CHARGING_EVENTS = ("case_opened", "charge", "charge_reclassified")
JUDGMENT_STATUS: dict[str, str | None] = {
    "trial_hearing": None,
    "court_decision": None,
    "conviction": "convicted",
    "sentence": "convicted",
    "fine": "convicted",
    "acquittal": "acquitted",
}


DEMAND_RULES: tuple[tuple[str, str], ...] = (
    (
        r"\b(drop|quash|withdraw|dismiss)\w*\b.*\b(charge|conviction|case|accusation)",
        "drop_charges",
    ),
    (r"\brelease\b", "release"),
    (
        r"\b(cease|stop|end|halt)\b.*\b(harass|target|prosecut|intimidat|attack|reprisal)",
        "end_harassment",
    ),
    (r"\binvestigat", "investigate"),
    (r"\b(fair trial|due process)\b", "fair_trial"),
    (r"\baccess to\b", "ensure_access"),
    (r"\b(torture|ill-treatment|physical and psychological integrity)\b", "protect_integrity"),
    (r"\b(guarantee|ensure)\b.*\b(work|activit)", "guarantee_safe_work"),
    (r"\b(lift|revoke|repeal)\b", "lift_restriction"),
    (r"\b(protect|safety|security)\b", "protect"),
)


@dataclass(frozen=True)
class Span:
    """An evidence span: ``text[start:end] == quote``."""

    quote: str
    start: int
    end: int


def quote_context(text: str, start: int, end: int, width: int = 32) -> tuple[str, str]:
    """The ``width`` characters before and after an evidence span (Web Annotation's oa:prefix and
    oa:suffix), computed from the appeal text when asked rather than stored with every span."""
    return text[max(0, start - width) : start], text[end : end + width]


# --------------------------------------------------------------------------------------------
# Reading and anchoring records


def load_record(path: Path) -> dict[str, Any]:
    """Read a case record from YAML; syntax errors name the file, line and column."""
    from kg import limits
    from kg.record.datecheck import check_dates
    from kg.record.recordcheck import check_record_shape, parse_record_yaml

    limits.RECORD.check(limits.file_size(path), str(path))
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: not UTF-8 text ({e.reason} at byte {e.start})") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from None
    record = parse_record_yaml(raw, Path(path))
    if isinstance(record, dict):
        check_record_shape(record, Path(path), raw)
        check_dates(record, Path(path), raw)  # 2017-02-30 is refused with its line
    if not isinstance(record, dict) or not isinstance(record.get("appeal"), dict):
        raise DataError(f"{path}: not a case record (no 'appeal' mapping at the top)")
    if not record["appeal"].get("id"):
        raise DataError(f"{path}: appeal.id is missing")
    return record


def dump_record(record: dict[str, Any]) -> str:
    """YAML for a record, keys in the order given, unicode kept, long strings unwrapped."""
    return yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=1000)


def _quote_pattern(quote: str) -> re.Pattern[str]:
    """A pattern that finds a quote whatever line wraps and quote marks the text uses."""
    parts = []
    for word in quote.split():
        esc = re.escape(word)
        esc = re.sub(r"""\\?["“”]""", '["“”]', esc)
        esc = re.sub(r"\\?['‘’]", "['‘’]", esc)
        parts.append(esc)
    return re.compile(r"\s+".join(parts))


def anchor_quote(text: str, quote: str, *, near: int = 0) -> Span | None:
    """Find a quote in the text, tolerant of line wraps and quote marks; the first at or after
    ``near``, else the first anywhere. Returns the exact span, or None."""
    pat = _quote_pattern(quote)
    m = pat.search(text, near) or pat.search(text)
    return Span(m.group(0), m.start(), m.end()) if m else None


def _evidence_lists(record: dict[str, Any]) -> Iterable[list[dict[str, Any]]]:
    """Every ``evidence`` list in a record, wherever it sits."""
    stack: list[Any] = [record]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "evidence" and isinstance(value, list):
                    yield value
                else:
                    stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)


def anchor_evidence(record: dict[str, Any], text: str) -> list[str]:
    """Fill ``start``/``end`` and the exact ``quote`` of every evidence span that lacks offsets.

    Returns the quotes that could not be found, so a curator can fix them.
    """
    missing = []
    for spans in _evidence_lists(record):
        for span in spans:
            if isinstance(span.get("start"), int) and isinstance(span.get("end"), int):
                continue
            found = anchor_quote(text, str(span.get("quote", "")))
            if found is None:
                missing.append(str(span.get("quote")))
                continue
            span["quote"], span["start"], span["end"] = found.quote, found.start, found.end
    return missing


def check_evidence(record: dict[str, Any], text: str) -> list[str]:
    """Problems with evidence spans: missing offsets, or offsets that do not give the quote."""
    problems = []
    for spans in _evidence_lists(record):
        for span in spans:
            start, end, quote = span.get("start"), span.get("end"), span.get("quote")
            if not isinstance(start, int) or not isinstance(end, int):
                problems.append(f"evidence {quote!r} has no start/end offsets")
            elif not (0 <= start < end <= len(text)) or text[start:end] != quote:
                problems.append(
                    f"evidence offsets {start}-{end} give {text[start:end][:60]!r}, "
                    f"not the quote {str(quote)[:60]!r}"
                )
    return problems


# --------------------------------------------------------------------------------------------
# Record -> RDF


def short_hash(*parts: str, length: int = 16) -> str:
    """A short, stable, opaque hex digest (IRIs that do not spell names)."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]


def expand(curie_or_iri: str) -> URIRef:
    """A CURIE with a project prefix (``akr:org/x``) or a full IRI, as a URIRef."""
    value = str(curie_or_iri).strip()
    if re.match(r"^[a-z][a-z0-9+.-]*://", value):
        return URIRef(_checked_iri(value, value))
    prefix, _, local = value.partition(":")
    pm = prefixes()
    if prefix not in pm or not local:
        raise DataError(f"'{value}' is neither an IRI nor a CURIE with a known prefix")
    return URIRef(_checked_iri(pm[prefix] + local, value))


def _checked_iri(iri: str, given: str) -> str:
    """``iri`` if Oxigraph takes it as an IRI (a record's own IRIs are the only ones not
    minted by this code: the graphs' text is parsed without checking IRIs again)."""
    import pyoxigraph as ox

    try:
        ox.NamedNode(iri)
    except ValueError as e:
        raise DataError(f"'{given}' is not a valid IRI ({e})") from None
    return iri


def appeal_iri(appeal_id: str) -> URIRef:
    """The opaque IRI of an appeal document."""
    return AKR[f"appeal/a-{short_hash(appeal_id)}"]


def appeal_graph_iri(appeal_id: str) -> URIRef:
    """The named graph that holds one appeal's facts."""
    return GRAPH[f"appeal/a-{short_hash(appeal_id)}"]


def text_literal(value: Any) -> Literal:
    """``Literal(value)``, made without rdflib's checks when the value is a plain ``str``
    (most of a record's literals): for a string with no language and no datatype they only
    ever give the same string, with itself as its value. Anything else goes through
    ``Literal``."""
    if type(value) is not str:
        return Literal(value)
    term: Any = str.__new__(Literal, value)
    term._language = term._datatype = term._ill_typed = None
    term._value = value
    return term  # type: ignore[no-any-return]


_DATES: dict[Any, tuple[Literal, URIRef]] = {}  # date_literal's answers, by value
_DATES_LIMIT = 50_000


def date_literal(value: Any) -> tuple[Literal, URIRef] | None:
    """A YYYY, YYYY-MM or YYYY-MM-DD value as a typed literal with its precision (remembered
    for a ``str`` or date value: a record repeats its dates, and the literal is immutable)."""
    if value is None or value == "":
        return None
    kind = type(value)
    if kind is str or kind is dt.date:
        found = _DATES.get((kind, value))
        if found is None:
            found = _date_literal(value)
            if len(_DATES) >= _DATES_LIMIT:
                _DATES.clear()
            _DATES[(kind, value)] = found
        return found
    return _date_literal(value)


def _date_literal(value: Any) -> tuple[Literal, URIRef]:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return Literal(value.isoformat(), datatype=XSD.date), PRECISION.day
    text = str(value).strip()
    problem = calendar_problem(text)
    if problem:
        raise DataError(problem)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return Literal(text, datatype=XSD.date), PRECISION.day
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return Literal(text, datatype=XSD.gYearMonth), PRECISION.month
    if re.fullmatch(r"\d{4}", text):
        return Literal(text, datatype=XSD.gYear), PRECISION.year
    raise DataError(f"date '{text}' is not YYYY, YYYY-MM or YYYY-MM-DD")


def duration_literal(value: Any, where: str = "") -> Literal:
    """An ISO 8601 duration ("P15D", "P2Y6M") as an xsd:duration literal."""
    text = str(value).strip()
    if not re.fullmatch(r"P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?", text):
        raise DataError(f"{where}: time limit '{text}' is not an ISO 8601 duration such as P15D")
    return Literal(text, datatype=XSD.duration)


def _as_list(value: Any) -> list[Any]:
    """A record value that may be one item or a list of them."""
    if value is None or value == "":
        return []
    return list(value) if isinstance(value, list) else [value]


def slug(text: str) -> str:
    """Lower-case ASCII slug for concept IRIs."""
    from anyascii import anyascii

    return re.sub(r"[^a-z0-9]+", "-", anyascii(text).lower()).strip("-") or "unnamed"


@cache
def _right_labels() -> dict[str, URIRef]:
    """Every label of every right in the vocabulary, normalised -> concept."""
    from kg.vocab import ONTOLOGY_DIR

    g = Graph()
    path = ONTOLOGY_DIR / "vocabularies.ttl"
    if path.exists():
        g.parse(path, format="turtle")
    out: dict[str, URIRef] = {}
    for concept in g.subjects(SKOS.inScheme, URIRef(str(RIGHT).rstrip("/"))):
        for pred in (SKOS.prefLabel, SKOS.altLabel, SKOS.notation):
            for label in g.objects(concept, pred):
                out[_norm_right(str(label))] = URIRef(concept)
    return out


def _norm_right(text: str) -> str:
    text = re.sub(r"^(the\s+)?(rights?\s+(to|of)\s+)?", "", text.strip().lower())
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def right_concept(name: str) -> URIRef:
    """The vocabulary concept a right's wording names, or ``right:other``."""
    labels = _right_labels()
    return labels.get(_norm_right(name)) or labels.get(slug(name).replace("-", " ")) or RIGHT.other


def demand_type(summary: str) -> str:
    """The demand-type concept for a demand's wording, by the first rule that matches."""
    low = summary.lower()
    for pattern, kind in DEMAND_RULES:
        if re.search(pattern, low):
            return kind
    return "other"


class _Builder:
    """Turns one record into triples; keeps the local-id -> IRI table while it goes."""

    def __init__(
        self, record: dict[str, Any], text: str | None, origin: str, graph: Any = None
    ) -> None:
        self.r = record
        self.text = text
        self.origin = origin
        self.a = record["appeal"]
        self.aid = str(self.a["id"])
        # SimpleMemory: one graph needs no context index; adding triples costs a third less.
        # A build that only writes N-Quads gives a kg.record.nquads.TripleSet instead.
        self.g = bind_prefixes(Graph(store="SimpleMemory")) if graph is None else graph
        self.appeal = appeal_iri(self.aid)
        self.aid_hash = short_hash(self.aid)
        # A TripleSet writes an evidence span's triples as text (kg.record.nquads).
        self.add_span = getattr(self.g, "add_span", None)
        self.ids: dict[str, URIRef] = {}
        self.kinds: dict[str, str] = {}  # local id -> org kind or "person"

    # helpers ------------------------------------------------------------------------------
    def where(self, item: dict[str, Any] | None = None) -> str:
        local = f" {item.get('id')}" if isinstance(item, dict) and item.get("id") else ""
        return f"{self.origin}:{local}" if local else self.origin

    def mint(
        self, item: dict[str, Any], kind: str, prefix: str, local: str | None = None
    ) -> URIRef:
        if item.get("iri"):
            try:
                return expand(item["iri"])
            except DataError as e:
                raise DataError(f"{self.where(item)} {e}") from None
        return AKR[f"{kind}/{prefix}-{self.item_key(item, local)}"]

    def item_key(self, item: dict[str, Any], local: str | None = None) -> str:
        """The item's stored key (kg.record.keys), else a provisional one from the appeal id
        and the local id: stable across builds, not across renumbering."""
        if item.get("key") is not None:
            return check_key(item["key"], self.where(item))
        local = local or str(item.get("id") or "")
        if not local:
            raise DataError(f"{self.where()}: an entry has no id")
        return short_hash(self.aid, local)

    def ref(self, local: Any, what: str, item: dict[str, Any]) -> URIRef:
        if local is None:
            raise DataError(f"{self.where(item)}: empty {what} reference")
        local = str(local)
        if local in self.ids:
            return self.ids[local]
        if ":" in local:
            return expand(local)
        raise DataError(f"{self.where(item)}: {what} '{local}' is not an id defined in this record")

    def add(self, s: URIRef, p: URIRef, o: Any) -> None:
        if o is None or o == "" or o == []:
            return
        self.g.add((s, p, o if isinstance(o, (URIRef, Literal, BNode)) else text_literal(o)))

    def evidence(self, node: URIRef, item: dict[str, Any]) -> None:
        for span in item.get("evidence") or []:
            start, end, quote = span.get("start"), span.get("end"), span.get("quote")
            if not isinstance(start, int) or not isinstance(end, int) or quote is None:
                raise DataError(
                    f"{self.where(item)}: evidence {quote!r} needs start and end offsets "
                    "(run 'kg anchor' on the record)"
                )
            if self.text is not None and self.text[start:end] != quote:
                raise DataError(
                    f"{self.where(item)}: evidence offsets {start}-{end} do not reproduce "
                    f"the quote {str(quote)[:50]!r}"
                )
            ev = AKR[f"evidence/a-{self.aid_hash}-{start}-{end}"]
            self.g.add((node, AKG.evidence, ev))
            if (ev, OA.hasSource, self.appeal) in self.g:
                continue
            if self.add_span is not None and type(start) is type(end) is int and type(quote) is str:
                self.add_span(ev, self.appeal, start, end, quote)  # the four triples below
                continue
            # Four triples per span, on the span itself: its source, the offsets and the quote
            # they reproduce. No type (a span is what akg:evidence points to, or what has an
            # oa:hasSource) and no selector node: ontology/README.md gives the query that writes
            # Web Annotation's nested form. The context (oa:prefix/oa:suffix) is not stored:
            # quote_context() reads it from the text.
            # xsd:integer, not oa's xsd:nonNegativeInteger: Oxigraph stores integer subtypes as
            # xsd:integer, and a shape checks that offsets are >= 0.
            self.g.add((ev, OA.hasSource, self.appeal))
            self.g.add((ev, OA.start, Literal(start, datatype=XSD.integer)))
            self.g.add((ev, OA.end, Literal(end, datatype=XSD.integer)))
            self.g.add((ev, OA.exact, text_literal(quote)))

    def common(self, node: URIRef, item: dict[str, Any]) -> None:
        """Evidence, access level and confidence, which any fact may carry."""
        self.evidence(node, item)
        if not item.get("evidence"):
            # A fact with evidence is reported in its spans' source (akg:evidence/oa:hasSource):
            # akg:reportedIn would say it again.
            self.g.add((node, AKG.reportedIn, self.appeal))
        if item.get("access"):
            level = str(item["access"])
            if level not in ACCESS_LEVELS:
                raise DataError(
                    f"{self.where(item)}: access '{level}' is not one of {ACCESS_LEVELS}"
                )
            self.g.add((node, AKG.accessLevel, ACCESS[level]))
        if item.get("confidence") is not None:
            self.add(node, AKG.confidence, Literal(float(item["confidence"]), datatype=XSD.decimal))

    def country(self, name: Any, item: dict[str, Any]) -> URIRef | None:
        if not name:
            return None
        code = country_code(str(name))
        if code is None:
            raise DataError(f"{self.where(item)}: unknown country '{name}'")
        return country_iri(code)

    def jurisdiction(self, ins: dict[str, Any]) -> URIRef | None:
        """A national instrument's jurisdiction: a country, or a sub-national jurisdiction (a
        region with laws of its own) that the record lists under ``places``. Such a region gets
        the country its name states ("... of Iraq") when the record gives it none."""
        name = ins.get("jurisdiction")
        if not name:
            return None
        if country_code(str(name)):
            return self.country(name, ins)
        key = _fold_name(str(name))
        for pl in self.r.get("places") or []:
            if pl.get("kind") != "country" and _fold_name(str(pl.get("name") or "")) == key:
                node = self.ids[str(pl["id"])]
                codes = _countries_in(str(name))
                if len(codes) == 1 and self.g.value(node, AKG.country) is None:
                    self.g.add((node, AKG.country, country_iri(codes[0])))
                return node
        raise DataError(
            f"{self.where(ins)}: unknown country '{name}' (a region with laws of its own: "
            "list it under 'places' with kind region)"
        )

    def check(self, value: Any, allowed: Iterable[str], what: str, item: dict[str, Any]) -> str:
        allowed = tuple(allowed)
        if value not in allowed:
            from kg.errors import did_you_mean

            hint = did_you_mean(str(value), list(allowed))
            raise DataError(f"{self.where(item)}: {what} '{value}' is not known.{hint}")
        return str(value)

    # sections -----------------------------------------------------------------------------
    def build(self) -> Graph:
        self.register_ids()
        self.appeal_and_case()
        for p in self.r.get("persons") or []:
            self.person(p)
        for o in self.r.get("organisations") or []:
            self.organisation(o)
        for pl in self.r.get("places") or []:
            self.place(pl)
        for ins in self.r.get("instruments") or []:
            self.instrument(ins)
        for p in self.r.get("persons") or []:
            self.positions(p)
        for j in self.r.get("arrangements") or []:
            self.arrangement(j)
        for s in self.r.get("statements") or []:
            self.statement(s)
        for pr in self.r.get("proceedings") or []:
            self.proceeding(pr)
        for c in self.r.get("charges") or []:
            self.charge(c)
        for e in self.r.get("events") or []:
            self.event(e)
        if not self.r.get("charges"):
            self.charges_from_events()
        for n, right in enumerate(self.r.get("rights") or [], 1):
            self.right(right, n)
        for n, demand in enumerate(self.r.get("demands") or [], 1):
            self.demand(demand, n)
        self.provenance()
        return self.g

    def register_ids(self) -> None:
        sections = {
            "persons": ("person", "p"),
            "organisations": ("org", "o"),
            "places": ("place", "l"),
            "instruments": ("law", "i"),
            "events": ("event", "e"),
            "statements": ("statement", "s"),
            "charges": ("charge", "c"),
            "arrangements": ("arrangement", "j"),
            "proceedings": ("proceeding", "pr"),
        }
        for section, (kind, prefix) in sections.items():
            for item in self.r.get(section) or []:
                if not isinstance(item, dict) or not item.get("id"):
                    raise DataError(f"{self.origin}: an entry of '{section}' has no id")
                local = str(item["id"])
                if local in self.ids:
                    raise DataError(f"{self.where(item)}: id '{local}' is used twice")
                self.ids[local] = self.mint(item, kind, prefix)
                if section == "persons":
                    self.kinds[local] = "person"
                elif section == "organisations":
                    self.kinds[local] = str(item.get("kind") or "other")
                if section == "instruments":
                    for prov in item.get("provisions") or []:
                        pid = str(prov.get("id") or "")
                        if not pid:
                            raise DataError(f"{self.where(item)}: a provision has no id")
                        if pid in self.ids:
                            raise DataError(f"{self.where(prov)}: id '{pid}' is used twice")
                        if prov.get("iri"):
                            self.ids[pid] = expand(prov["iri"])
                        else:
                            number = slug(str(prov.get("article") or pid))
                            self.ids[pid] = URIRef(f"{self.ids[local]}/art-{number}")

    def appeal_and_case(self) -> None:
        a, g, node = self.a, self.g, self.appeal
        case = a.get("case") or {}
        case_iri = expand(case["iri"]) if case.get("iri") else AKR[f"case/c-{short_hash(self.aid)}"]
        self.case = case_iri
        level = str(a.get("access") or "public")
        self.check(level, ACCESS_LEVELS, "access", a)
        g.add((node, RDF.type, AKG.Appeal))
        g.add((node, DCTERMS.identifier, text_literal(self.aid)))
        self.add(node, DCTERMS.title, a.get("title"))
        issued = date_literal(a.get("date"))
        if issued:
            g.add((node, DCTERMS.issued, issued[0]))
        if a.get("issuer_ref"):
            g.add((node, DCTERMS.publisher, self.ref(a["issuer_ref"], "issuer_ref", a)))
        self.add(node, AKG.issuerName, a.get("issuer"))
        self.add(node, AKG.textSha256, a.get("sha256") or self.text_hash())
        self.add(node, AKG.sourceFile, a.get("source"))
        g.add((node, AKG.accessLevel, ACCESS[level]))
        g.add((node, AKG.aboutCase, case_iri))
        for name in a.get("countries") or []:
            g.add((node, AKG.concernsCountry, self.country(name, a)))
        g.add((case_iri, RDF.type, AKG.Case))
        self.add(case_iri, RDFS.label, case.get("label") or a.get("title"))
        g.add((case_iri, AKG.accessLevel, ACCESS[level]))
        g.add((case_iri, AKG.hasAppeal, node))
        for name in a.get("countries") or []:
            g.add((case_iri, AKG.country, self.country(name, a)))

    def text_hash(self) -> str | None:
        if self.text is None:
            return None
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def person(self, p: dict[str, Any]) -> None:
        node, g = self.ids[str(p["id"])], self.g
        g.add((node, RDF.type, AKG.Person))
        name = p.get("name")
        # A person merged across appeals (kg.record.identity) carries one canonical name in every
        # record, so each graph gives the same label and name.
        canonical = p.get("canonical_name") or name
        if name:
            # No foaf:name: it would repeat the label of every named person
            # (ontology/compact/person-names.rq gives it back).
            g.add((node, RDFS.label, text_literal(canonical)))
        else:
            # An unnamed actor: how the text refers to them stands as the label.
            variants = p.get("variants") or []
            label = variants[0] if variants else f"unnamed person {p['id']}"
            g.add((node, RDFS.label, text_literal(label)))
            g.add((node, AKG.unnamed, Literal(True)))
        for v in _alt_labels(p):
            if name and v != canonical:
                g.add((node, SKOS.altLabel, text_literal(v)))
        for x in _as_list(p.get("represents")):
            g.add((node, AKG.represents, self.ref(x, "represents", p)))
        for country in _as_list(p.get("nationality")):
            g.add((node, AKG.nationality, self.country(country, p)))
        gender = p.get("gender") or "unknown"
        self.check(gender, ("male", "female", "unknown"), "gender", p)
        if gender != "unknown":
            g.add((node, SCHEMA.gender, SCHEMA.Male if gender == "male" else SCHEMA.Female))
        for role in p.get("roles") or []:
            self.check(role, PERSON_ROLES, "role", p)
            inv = AKR[f"involvement/v-{short_hash(str(self.case), str(node), role)}"]
            # No rdf:type: an involvement is what has an akg:agent (the property's domain).
            # No akg:case: the appeal that reports it is about the case (akg:aboutCase);
            # ontology/compact/involvement-cases.rq gives it back.
            g.add((inv, AKG.agent, node))
            g.add((inv, AKG.role, ROLE[role]))
            self.common(inv, p)
        self.common(node, p)

    def positions(self, p: dict[str, Any]) -> None:
        person, g = self.ids[str(p["id"])], self.g
        for n, pos in enumerate(p.get("positions") or [], 1):
            title = str(pos.get("title") or "").strip()
            if not title:
                raise DataError(f"{self.where(p)}: position {n} has no title")
            org = (
                self.ref(pos["organisation"], "organisation", p)
                if pos.get("organisation")
                else None
            )
            if pos.get("post"):
                post = expand(pos["post"])
            else:
                post = AKR[f"post/t-{self.item_key(pos, str(p['id']) + f'/position-{n}')}"]
            if not pos.get("evidence") and p.get("evidence"):
                # A position read from the mention of its holder rests on that mention.
                pos = {**pos, "evidence": p["evidence"]}
            if org is not None and title.lower() in ("employee", "member", "staff", "volunteer"):
                node = AKR[f"membership/m-{self.item_key(pos, str(p['id']) + f'/position-{n}')}"]
                # No rdf:type org:Membership: a membership is what has an org:member (the
                # property's domain); ontology/compact/types.rq gives it back.
                if title.lower() in EMPLOYMENT_TITLES:
                    g.add((node, RDF.type, AKG.Employment))
                self.dated(node, pos, p)
                g.add((node, ORG.member, person))
                self.add(node, ORG.organization, org)
                g.add((node, AKG.title, text_literal(title)))
                self.common(node, pos)
                continue
            g.add((post, RDF.type, ORG.Post))
            g.add((post, AKG.title, text_literal(title)))
            label = title
            if org is not None:
                g.add((post, ORG.postIn, org))
                org_item = next(
                    (
                        o
                        for o in self.r.get("organisations") or []
                        if str(o.get("id")) == str(pos["organisation"])
                    ),
                    None,
                )
                if org_item and org_item.get("name") and " of " not in title:
                    label = f"{title}, {org_item['name']}"
            if not pos.get("post"):
                g.add((post, RDFS.label, text_literal(label)))
            # No org:holds, the inverse (ontology/compact/posts-held.rq gives it back).
            g.add((post, ORG.heldBy, person))
            self.dated(post, pos, p)
            self.common(post, pos)

    def dated(self, node: URIRef, pos: dict[str, Any], p: dict[str, Any]) -> None:
        """When a post was held or a membership lasted, where the text says (FollowTheMoney's
        Occupancy and Membership carry the same two dates)."""
        for key, prop in (("start", SCHEMA.startDate), ("end", SCHEMA.endDate)):
            try:
                value = date_literal(pos.get(key))
            except DataError as e:
                raise DataError(f"{self.where(p)}: position {key}: {e}") from None
            if value:
                self.g.add((node, prop, value[0]))

    def organisation(self, o: dict[str, Any]) -> None:
        node, g = self.ids[str(o["id"])], self.g
        kind = self.check(o.get("kind") or "other", ORG_KINDS, "organisation kind", o)
        g.add((node, RDF.type, AKG.Organisation))
        label = o.get("canonical_name") or o.get("name")
        self.add(node, RDFS.label, label)
        for v in _alt_labels(o):
            if v != label:
                g.add((node, SKOS.altLabel, text_literal(v)))
        g.add((node, AKG.organisationKind, ORGKIND[kind]))
        self.add(node, AKG.country, self.country(o.get("country"), o))
        founded = date_literal(o.get("founded"))
        if founded:
            g.add((node, SCHEMA.foundingDate, founded[0]))
        if o.get("part_of"):
            g.add((node, ORG.subOrganizationOf, self.ref(o["part_of"], "part_of", o)))
        if o.get("place"):
            g.add((node, AKG.basedIn, self.ref(o["place"], "place", o)))
        for function in _as_list(o.get("function")):
            self.check(function, ORG_FUNCTIONS, "organisation function", o)
            g.add((node, ORG.classification, ORGFUNCTION[function]))
        self.common(node, o)

    def place(self, pl: dict[str, Any]) -> None:
        node, g = self.ids[str(pl["id"])], self.g
        kind = self.check(pl.get("kind") or "site", PLACE_KINDS, "place kind", pl)
        if kind == "country":
            code = country_code(str(pl.get("name")))
            if code and not pl.get("iri"):
                node = self.ids[str(pl["id"])] = country_iri(code)
            g.add((node, RDF.type, AKG.Country))
        else:
            g.add((node, RDF.type, AKG.Place))
        self.add(node, RDFS.label, pl.get("name"))
        g.add((node, AKG.placeKind, PLACEKIND[kind]))
        self.add(
            node, AKG.country, self.country(pl.get("country"), pl) if pl.get("country") else None
        )
        self.common(node, pl)

    def instrument(self, ins: dict[str, Any]) -> None:
        node, g = self.ids[str(ins["id"])], self.g
        kind = self.check(ins.get("kind") or "law", INSTRUMENT_KINDS, "instrument kind", ins)
        g.add((node, RDF.type, AKG.LegalInstrument))
        name = ins.get("canonical_name") or ins.get("name")
        self.add(node, RDFS.label, name)
        if ins.get("canonical_name"):
            for v in [ins.get("name"), *_trimmed(ins)]:
                if v and v != name:
                    g.add((node, SKOS.altLabel, text_literal(v)))
        g.add((node, AKG.instrumentKind, INSTKIND[kind]))
        self.add(node, AKG.jurisdiction, self.jurisdiction(ins))
        for party in ins.get("parties") or []:
            g.add((node, AKG.party, self.country(party, ins)))
        adopted = date_literal(ins.get("date"))
        if adopted:
            g.add((node, AKG.adoptionDate, adopted[0]))
        self.common(node, ins)
        for prov in ins.get("provisions") or []:
            pnode = self.ids[str(prov["id"])]
            article = str(prov.get("canonical_article") or prov.get("article") or "").strip()
            if not article:
                raise DataError(f"{self.where(prov)}: a provision has no article")
            g.add((pnode, RDF.type, AKG.LegalProvision))
            g.add((pnode, ELI_IS_PART_OF, node))
            g.add((pnode, AKG.articleNumber, text_literal(article)))
            label = f"Article {article}"
            if name:
                label += f" of the {name}" if not str(name).startswith("the ") else ""
            g.add((pnode, RDFS.label, text_literal(label)))
            self.add(pnode, AKG.offenceLabel, prov.get("canonical_label") or prov.get("label"))
            self.add(pnode, AKG.maximumPenalty, prov.get("max_penalty"))
            self.common(pnode, prov)

    def arrangement(self, j: dict[str, Any]) -> None:
        node, g = self.ids[str(j["id"])], self.g
        g.add((node, RDF.type, AKG.JurisdictionArrangement))
        g.add((node, AKG.establishedBy, self.ref(j.get("instrument"), "instrument", j)))
        g.add((node, AKG.territory, self.ref(j.get("territory"), "territory", j)))
        self.add(node, AKG.sovereign, self.country(j.get("sovereign"), j))
        self.add(node, AKG.administeredBy, self.country(j.get("administered_by"), j))
        self.add(node, AKG.applicableLaw, self.country(j.get("applicable_law"), j))
        until = date_literal(j.get("until"))
        if until:
            g.add((node, AKG.validUntil, until[0]))
        self.add(node, AKG.statusOfCitizens, j.get("status_of_citizens"))
        self.add(node, RDFS.label, j.get("summary"))
        self.common(node, j)
        for n, ps in enumerate(j.get("population_statuses") or [], 1):
            self.population_status(node, j, ps, n)

    def population_status(
        self, arrangement: URIRef, j: dict[str, Any], ps: dict[str, Any], n: int
    ) -> None:
        """The status an arrangement gives a population: whose citizens, where, what status."""
        g = self.g
        status = str(ps.get("status") or "").strip()
        citizens = self.country(ps.get("citizens_of"), j)
        if not status or citizens is None:
            raise DataError(
                f"{self.where(j)}: population status {n} needs 'citizens_of' and 'status'"
            )
        node = URIRef(f"{arrangement}/status-{n}")
        g.add((arrangement, AKG.grantsStatus, node))
        g.add((node, RDF.type, AKG.PopulationStatus))
        g.add((node, AKG.citizensOf, citizens))
        g.add((node, AKG.statusLabel, text_literal(status)))
        g.add((node, RDFS.label, text_literal(f"citizens of {self._label_of(citizens)}: {status}")))
        g.add((node, AKG.territory, self.ref(j.get("territory"), "territory", j)))
        g.add((node, AKG.establishedBy, self.ref(j.get("instrument"), "instrument", j)))
        self.common(node, ps if ps.get("evidence") else {**ps, "evidence": j.get("evidence")})

    def statement(self, s: dict[str, Any]) -> None:
        node, g = self.ids[str(s["id"])], self.g
        g.add((node, RDF.type, AKG.Statement))
        self.add(node, AKG.statementKind, s.get("kind"))
        if s.get("author"):
            g.add((node, AKG.author, self.ref(s["author"], "author", s)))
        if s.get("medium"):
            g.add((node, AKG.publishedOn, self.ref(s["medium"], "medium", s)))
        for x in s.get("addressed_to") or []:
            g.add((node, AKG.addressedTo, self.ref(x, "addressed_to", s)))
        for x in s.get("about") or []:
            g.add((node, AKG.about, self.ref(x, "about", s)))
        for x in _as_list(s.get("asserted_by")):
            g.add((node, AKG.assertedBy, self.ref(x, "asserted_by", s)))
        self.add(node, AKG.alleges, s.get("alleges"))
        self.add(node, RDFS.label, s.get("alleges"))
        self.common(node, s)

    def proceeding(self, pr: dict[str, Any]) -> None:
        node, g = self.ids[str(pr["id"])], self.g
        label = str(pr.get("label") or "").strip()
        if not label:
            raise DataError(f"{self.where(pr)}: a proceeding has no label")
        g.add((node, RDF.type, AKG.Proceeding))
        g.add((node, RDFS.label, text_literal(label)))
        g.add((node, AKG.case, self.case))
        g.add((self.case, AKG.hasProceeding, node))
        self.common(node, pr)

    def in_proceeding(self, node: URIRef, item: dict[str, Any]) -> None:
        if item.get("proceeding"):
            self.g.add((node, AKG.proceeding, self.ref(item["proceeding"], "proceeding", item)))

    def charge(self, c: dict[str, Any]) -> None:
        node, g = self.ids[str(c["id"])], self.g
        status = self.check(c.get("status") or "pending", CHARGE_STATUSES, "charge status", c)
        g.add((node, RDF.type, AKG.Charge))
        g.add((node, AKG.chargedPerson, self.ref(c.get("person"), "person", c)))
        offence = str(c.get("offence") or "").strip()
        if c.get("provision") is None and offence:
            # "defamation charges": the offence is stated, the article is not.
            label = f"charge of {offence}"
        else:
            prov = self.ref(c.get("provision"), "provision", c)
            g.add((node, AKG.provision, prov))
            label = f"charge under {self._label_of(prov)}"
        self.add(node, AKG.offenceLabel, offence or None)
        g.add((node, AKG.chargeStatus, CHARGESTATUS[status]))
        g.add((node, AKG.case, self.case))
        self.in_proceeding(node, c)
        if c.get("supersedes"):
            g.add((node, AKG.supersedes, self.ref(c["supersedes"], "supersedes", c)))
        if c.get("introduced_by"):
            g.add((node, AKG.introducedBy, self.ref(c["introduced_by"], "introduced_by", c)))
        for x in c.get("statements") or []:
            g.add((node, AKG.concernsStatement, self.ref(x, "statement", c)))
        self.add(node, AKG.maximumPenalty, c.get("max_penalty"))
        g.add((node, RDFS.label, text_literal(label)))
        self.common(node, c)

    def _label_of(self, node: URIRef) -> str:
        return str(self.g.value(node, RDFS.label) or node.split("/")[-1])

    def charges_from_events(self) -> None:
        """Charges for records that do not list them (extracted ones).

        - a charging event (case opened, charge, reclassification) charges each person target
          under each provision it names;
        - a reclassification supersedes the person's earlier charges whose provision it names;
          when the appeal reports no earlier charge, the first provision it names is the one
          replaced (appeals name the old offence first: "from X to Y");
        - a judgment (trial, conviction, sentence, fine, acquittal, court decision) under a
          provision implies a charge under it, for appeals that report the verdict but not the
          indictment; a conviction, sentence or fine marks it convicted, an acquittal acquitted.
        """
        current: dict[tuple[URIRef, URIRef], URIRef] = {}
        for e in self.r.get("events") or []:
            etype = e.get("type")
            if etype not in CHARGING_EVENTS and etype not in JUDGMENT_STATUS:
                continue
            ev = self.ids[str(e["id"])]
            persons = [
                self.ids[str(t)]
                for t in e.get("targets") or []
                if self.kinds.get(str(t)) == "person"
            ]
            provs = [self.ref(x, "provision", e) for x in e.get("provisions") or []]
            for person in persons:
                old = [pv for pv in provs if (person, pv) in current]
                new = [pv for pv in provs if (person, pv) not in current]
                if etype == "charge_reclassified" and not old and len(new) >= 2:
                    first = new.pop(0)
                    current[(person, first)] = self._derived_charge(e, person, first, None)
                    old = [first]
                for pv in new:
                    node = self._derived_charge(e, person, pv, ev)
                    current[(person, pv)] = node
                    if etype == "charge_reclassified":
                        for pv_old in old:
                            self.g.add((node, AKG.supersedes, current[(person, pv_old)]))
                for pv in new + old:
                    status = "pending"
                    if etype == "charge_reclassified" and pv in old and new:
                        status = "superseded"
                        self.g.add((ev, AKG.replacesCharge, current[(person, pv)]))
                    elif etype in JUDGMENT_STATUS:
                        status = (
                            JUDGMENT_STATUS[etype]
                            or str(
                                self.g.value(current[(person, pv)], AKG.chargeStatus) or "pending"
                            ).rsplit("/", 1)[-1]
                        )
                    self.g.set((current[(person, pv)], AKG.chargeStatus, CHARGESTATUS[status]))

    def _derived_charge(
        self, e: dict[str, Any], person: URIRef, pv: URIRef, introduced_by: URIRef | None
    ) -> URIRef:
        node = AKR[f"charge/c-{short_hash(str(self.ids[str(e['id'])]), str(person), str(pv))}"]
        self.g.add((node, RDF.type, AKG.Charge))
        self.g.add((node, AKG.chargedPerson, person))
        self.g.add((node, AKG.provision, pv))
        self.g.add((node, AKG.case, self.case))
        self.g.add((node, RDFS.label, text_literal(f"charge under {self._label_of(pv)}")))
        if introduced_by is not None:
            self.g.add((node, AKG.introducedBy, introduced_by))
            self.g.add((introduced_by, AKG.resultingCharge, node))
        self.common(node, e)
        return node

    def event(self, e: dict[str, Any]) -> None:
        node, g = self.ids[str(e["id"])], self.g
        etype = self.check(e.get("type"), EVENT_TYPES, "event type", e)
        # No rdf:type: an event is what has an akg:eventType (the property's domain);
        # ontology/compact/types.rq gives it back.
        g.add((node, AKG.eventType, EVTYPE[etype]))
        # No akg:case: the appeal that reports the event is about it (akg:aboutCase);
        # ontology/compact/event-cases.rq gives it back.
        dated = date_literal(e.get("date")) if e.get("date") else None
        if dated:
            # The precision is the datatype's (xsd:date, gYearMonth, gYear): not stored again.
            g.add((node, AKG.date, dated[0]))
        notified = date_literal(e.get("notified_on")) if e.get("notified_on") else None
        if notified:
            # The day the person concerned learnt of the event, which may be all the text dates.
            g.add((node, AKG.notifiedOn, notified[0]))
        # No label: it would be the type and the date again ("arrest (2017-09-21)");
        # ontology/compact/event-labels.rq makes it.
        self.in_proceeding(node, e)
        self.add(node, RDFS.comment, e.get("note"))
        if e.get("place"):
            g.add((node, AKG.place, self.ref(e["place"], "place", e)))
        if e.get("authority"):
            g.add((node, AKG.authority, self.ref(e["authority"], "authority", e)))
        for x in e.get("provisions") or []:
            g.add((node, AKG.legalBasis, self.ref(x, "provision", e)))
        self.add(node, AKG.penalty, e.get("penalty"))
        if e.get("final") is not None:
            g.add((node, AKG.isFinal, Literal(bool(e["final"]))))
        if e.get("appealable") is not None:
            g.add((node, AKG.openToAppeal, Literal(bool(e["appealable"]))))
        if e.get("scheduled") is not None:
            g.add((node, AKG.scheduled, Literal(bool(e["scheduled"]))))
        self.add(node, AKG.occasion, e.get("occasion"))
        self.add(node, AKG.ground, e.get("ground"))
        for x in e.get("statements") or []:
            g.add((node, AKG.concernsStatement, self.ref(x, "statement", e)))
        for x in e.get("charges") or []:
            g.add((node, AKG.resultingCharge, self.ref(x, "charge", e)))
        for x in e.get("replaces") or []:
            g.add((node, AKG.replacesCharge, self.ref(x, "charge", e)))
        if e.get("follows"):
            g.add((node, AKG.follows, self.ref(e["follows"], "follows", e)))
        for key, prop in CHAIN_LINKS.items():
            if e.get(key):
                g.add((node, AKG[prop], self.ref(e[key], key, e)))
        if e.get("time_limit"):
            g.add((node, AKG.timeLimit, duration_literal(e["time_limit"], self.where(e))))
        for side, locals_ in (("agent", e.get("agents")), ("target", e.get("targets"))):
            for local in locals_ or []:
                self.participation(node, e, side, str(local))
        # The authority is akg:authority only, not a participation as well
        # (ontology/compact/authority-participations.rq gives that back).
        self.common(node, e)

    def participation(self, event: URIRef, e: dict[str, Any], side: str, local: str) -> None:
        g = self.g
        who = self.ref(local, side, e)
        pt = URIRef(f"{event}/participant-{short_hash(side, str(who))}")
        # No rdf:type: a participation is what akg:participation points to (ontology/README.md).
        g.add((event, AKG.participation, pt))
        g.add((pt, AKG.participant, who))
        # Only the side: the roles a rule reads from the event type, the participant's
        # involvement or its body kind (defendant, court, lawyer ...) are not stored;
        # ontology/compact/participation-roles.rq computes them.
        g.add((pt, AKG.role, ROLE[side]))

    def right(self, right: dict[str, Any], n: int) -> None:
        g = self.g
        name = str(right.get("name") or "").strip()
        if not name:
            raise DataError(f"{self.where()}: right {n} has no name")
        concept = right_concept(name)
        node = AKR[f"right-claim/r-{self.item_key(right, f'right-{n}')}"]
        # No rdf:type: a right claim is what has an akg:right (the property's domain).
        g.add((node, AKG.right, concept))
        g.add((node, RDFS.label, text_literal(name)))
        g.add((node, AKG.case, self.case))
        if right.get("guaranteed_by"):
            g.add(
                (node, AKG.guaranteedBy, self.ref(right["guaranteed_by"], "guaranteed_by", right))
            )
        if right.get("holder"):
            g.add((node, AKG.rightHolder, self.ref(right["holder"], "holder", right)))
        for x in right.get("violated_by") or []:
            g.add((node, AKG.violatedBy, self.ref(x, "violated_by", right)))
        for x in _as_list(right.get("asserted_by")):
            g.add((node, AKG.assertedBy, self.ref(x, "asserted_by", right)))
        self.common(node, right)

    def demand(self, d: dict[str, Any], n: int) -> None:
        g = self.g
        summary = str(d.get("summary") or "").strip()
        if not summary:
            raise DataError(f"{self.where()}: demand {n} has no summary")
        node = AKR[f"demand/d-{self.item_key(d, f'demand-{n}')}"]
        # No rdf:type: a demand is what has an akg:madeIn (the property's domain).
        g.add((node, RDFS.label, text_literal(summary)))
        g.add((node, AKG.demandOrder, Literal(n)))
        g.add((node, AKG.madeIn, self.appeal))
        kind = str(d.get("type") or demand_type(summary))
        g.add((node, AKG.demandType, DEMANDTYPE[kind]))
        for addressee in d.get("addressees") or []:
            g.add((node, AKG.addresseeLabel, text_literal(addressee)))
            for code in _countries_in(str(addressee)):
                g.add((node, AKG.addressee, AKR[f"authorities/{code}"]))
                g.add((AKR[f"authorities/{code}"], RDF.type, AKG.StateAuthorities))
                g.add((AKR[f"authorities/{code}"], AKG.country, country_iri(code)))
        for x in d.get("concerns") or []:
            g.add((node, AKG.concerns, self.ref(x, "concerns", d)))
        self.common(node, d)

    def provenance(self) -> None:
        """The extraction run, where the record came from the extractor."""
        run = self.r.get("extraction")
        if not isinstance(run, dict):
            return
        g = self.g
        act = AKR[f"extraction/a-{short_hash(self.aid, str(run.get('time')))}"]
        g.add((act, RDF.type, PROV.Activity))
        g.add((act, RDF.type, AKG.ExtractionRun))
        self.add(
            act,
            AKG.toolVersion,
            f"{run.get('tool', 'appeals-kg')} {run.get('version', __version__)}",
        )
        if run.get("time"):
            g.add((act, PROV.endedAtTime, Literal(str(run["time"]), datatype=XSD.dateTime)))
        self.add(act, AKG.inputSha256, run.get("input_sha256"))
        g.add((act, PROV.used, self.appeal))
        g.add((self.case, PROV.wasGeneratedBy, act))


ELI_IS_PART_OF = URIRef(prefixes()["eli"] + "is_part_of")


def _alt_labels(item: dict[str, Any]) -> list[str]:
    """Other spellings of a person or organisation: its variants, and where identity
    resolution merged it with items of other appeals (its label is then the merged one), its
    own name too. The spellings the other appeals use are theirs to state: together the
    appeal graphs give the merged item every spelling, and a new spelling in one appeal changes
    that appeal's graph only, not every graph naming the same person."""
    spellings = [*(item.get("variants") or [])]
    if item.get("canonical_name"):
        spellings += [item.get("name"), *_trimmed(item)]
    return [str(v) for v in dict.fromkeys(spellings) if v]


def _trimmed(item: dict[str, Any]) -> list[str]:
    """An item's name and variants as identity resolution reads them (the merged item's
    spellings, :func:`kg.record.identity.resolve_identities`)."""
    return [str(v).strip() for v in [item.get("name"), *(item.get("variants") or [])] if v]


def _fold_name(text: str) -> str:
    """A name with case, punctuation and a leading 'the' set aside, to compare mentions."""
    return re.sub(r"^the ", "", re.sub(r"\W+", " ", text.casefold()).strip())


def _countries_in(text: str) -> list[str]:
    """The countries an addressee phrase names, in order: "authorities of the Russian
    Federation" gives RU, "authorities in Kazakhstan and the Russian Federation" KZ and RU."""
    codes: list[str] = []
    m = re.search(r"\b(?:of|in)\s+(.*)$", text)
    if m:
        for name in re.findall(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*", m.group(1)):
            code = country_code(name)
            if code and code not in codes:
                codes.append(code)
    if not codes:
        for word in re.findall(r"[A-Z][\w-]+", text):
            code = country_code(word)
            if code:
                return [code]
    return codes


def record_to_graph(
    record: dict[str, Any], text: str | None = None, *, origin: str = "<record>", graph: Any = None
) -> tuple[URIRef, Graph]:
    """The appeal's named-graph IRI and its graph. ``text`` checks evidence offsets and adds
    quote context; ``origin`` names the record file in error messages; ``graph``, when given
    (a :class:`kg.record.nquads.TripleSet`), is filled instead of a new rdflib graph."""
    builder = _Builder(record, text, origin, graph)
    graph = builder.build()
    return appeal_graph_iri(builder.aid), graph


__all__ = [
    "Span",
    "anchor_evidence",
    "anchor_quote",
    "appeal_graph_iri",
    "appeal_iri",
    "check_evidence",
    "dump_record",
    "load_record",
    "quote_context",
    "record_to_graph",
]
