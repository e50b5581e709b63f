"""Synthetic corpora for the scale benchmarks: N appeals' case records and their texts.

The records have the structure of the development corpus (``docs/case-record.md``): per appeal a
handful of persons, organisations, places, instruments, a dozen events, rights and demands, every
fact with an evidence span whose offsets reproduce its quote in the generated text. Across
appeals, countries, courts, laws and issuing organisations are shared with Zipf-like frequencies,
and some defenders, judges and prosecutors recur (sometimes under another transliteration), so
that identity resolution and the hub entities of the queries meet realistic loads.

Every structure a competency question asks about is made: officials holding posts, complaints
by named complainants over statements the defender published, bans and deregistrations of the
defender's organisation, final court decisions, amnesties and the releases made under them,
treaties that set up a jurisdiction arrangement over the territory where an organisation is
based, and reviewed Wikidata links (``links/synthetic.csv``, with made-up Q-ids from
Q9000000000 up that name no Wikidata item). Structures the gold files have are made at the gold
files' rates; those rarer than one appeal in twenty (amnesties, arrangements) are made in one
appeal in twenty, spread evenly over the indices, so that every question has rows on a small
corpus.

Everything comes from the vocabularies and templates below; no appeal text is copied. When the
development corpus is present (``../shared/corpus`` from the repository root) its gold files give
the per-appeal counts and the mix of event types; without it, built-in figures of the same shape
are used. Output is deterministic for a seed and appeal ``i`` does not depend on N.

    python bench/generate.py 1000 bench/corpora/1k    # cases/ appeals/ links/ reference/
    python bench/generate.py 1000 bench/corpora/1k --mutate 0.01 --round 1   # change 1% of records
"""

from __future__ import annotations

import argparse
import datetime
import functools
import hashlib
import random
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"

# Countries (ISO names pycountry knows) in a fixed order; appeal i's country is Zipf-drawn.
COUNTRIES = [
    "Kazakhstan", "Russian Federation", "Belarus", "Azerbaijan", "Egypt", "China", "Turkey",
    "India", "Bangladesh", "Nicaragua", "Kenya", "Uganda", "Honduras", "Mexico", "Colombia",
    "Guatemala", "Philippines", "Viet Nam", "Iran", "Saudi Arabia", "Bahrain", "Tajikistan",
    "Uzbekistan", "Kyrgyzstan", "Cambodia", "Thailand", "Myanmar", "Pakistan", "Sri Lanka",
    "Zimbabwe", "Burundi", "Rwanda", "Ethiopia", "Sudan", "Cameroon", "Nigeria", "Algeria",
    "Morocco", "Tunisia", "Venezuela", "Cuba", "Brazil", "Peru", "Ecuador", "Bolivia", "Serbia",
    "Georgia", "Armenia", "Turkmenistan", "Laos", "Malaysia", "Indonesia", "Nepal", "Chad",
    "Niger", "Mali", "Guinea", "Togo", "Benin", "Angola",
]  # fmt: skip

GENDERS = ("male", "female", "unknown")
ONSETS = "b c d f g h j k l m n p r s t v z sh kh ch zh ts br gr st tr dr".split()
VOWELS = "a e i o u a e i o ai ia".split()
CODAS = ["", "", "n", "r", "l", "s", "m", "t", "k", "sh"]
SURNAME_ENDINGS = ["ov", "ev", "ova", "yan", "ez", "es", "i", "u", "an", "ski", "adze", "ani", "o"]

CHARGE_LABELS = [
    "Libel", "Hooliganism", "Extremism", "Incitement to hatred", "Fraud", "Tax evasion",
    "Participation in an unauthorised assembly", "Spreading false information",
    "Membership of a banned organisation", "Illegal entrepreneurship", "Treason",
    "Disobeying a police officer", "Organising mass riots", "Insulting a public official",
    "Money laundering", "Calls for separatism", "Abuse of power", "Espionage",
    "Terrorism", "Undermining state security",
]  # fmt: skip
RIGHTS = [
    "freedom of expression", "freedom of association", "freedom of peaceful assembly",
    "right to a fair trial", "right to liberty and security", "freedom from torture",
    "right to privacy", "freedom of movement",
]  # fmt: skip
DEMANDS = [
    "immediately and unconditionally release {name}",
    "drop all charges against {name}",
    "guarantee the physical and psychological integrity of {name}",
    "carry out an impartial investigation into the treatment of {name}",
    "ensure access to a lawyer of choice for {name}",
    "put an end to all acts of harassment against {name}",
    "guarantee that defenders can carry out their work without fear of reprisals",
]
NGO_WORDS = [
    "Centre", "Committee", "Union", "Association", "Foundation", "Movement", "Network",
    "Initiative", "League", "Council",
]  # fmt: skip
NGO_CAUSES = [
    "Human Rights", "Civil Liberties", "Press Freedom", "Legal Aid", "Women's Rights",
    "Land Rights", "Labour Rights", "Minority Rights", "Environmental Justice", "Democracy",
]  # fmt: skip
ISSUERS = [
    "Defenders Watch International", "Global Alliance for Civic Space",
    "International Lawyers Solidarity", "Voices at Risk", "Civic Freedom Monitor",
    "Observatory for Civic Defenders", "Justice Without Borders", "Rights First Network",
]  # fmt: skip

# Shape of an appeal when the development corpus is absent (means of its gold files).
DEFAULT_SHAPE: dict[str, Any] = {
    "counts": {"persons": 9, "organisations": 11, "places": 6, "events": 13, "rights": 2,
               "demands": 4, "officials": 2},
    "events": {
        "arrest": 76, "detention": 70, "other": 52, "court_decision": 50, "charge": 46,
        "trial_hearing": 37, "sentence": 36, "complaint": 26, "release": 26, "attack": 24,
        "seizure": 24, "appeal_filed": 19, "ban": 17, "killing": 16, "investigation": 15,
        "disappearance": 15, "threat": 15, "search": 12, "travel_ban": 11, "deregistration": 10,
        "fine": 10, "raid": 10, "case_opened": 8, "acquittal": 7, "interrogation": 7,
    },
    # per appeal: amnesties, arrangements; per event: bans and deregistrations of an
    # organisation (not a person), court decisions said to be final and not open to appeal
    "rates": {"amnesty": 0.02, "arrangement": 0.0, "org_ban": 0.7, "final": 0.25},
}  # fmt: skip
# Structures rarer than this per appeal are made at this rate (see the module docstring).
RARE_FLOOR = 0.05
ORG_BAN_EVENTS = {"ban", "deregistration"}
BAN_GROUNDS = [
    "not registered with the authorities", "receiving foreign funding",
    "alleged extremist activity", "failure to submit reports on time",
]  # fmt: skip
OFFICES = [
    ("Minister of Internal Affairs", "Ministry of Internal Affairs", "ministry"),
    ("Prosecutor General", "Prosecutor General's Office", "prosecution"),
    ("Minister of Justice", "Ministry of Justice", "ministry"),
    ("Head of the State Security Service", "State Security Service", "security_service"),
    ("Speaker of Parliament", "National Parliament", "parliament"),
]
EMPLOYERS = ["State Construction Company", "National Mining Corporation", "City Administration"]
STATEMENT_KINDS = ["article", "post", "interview", "report"]
COURT_EVENTS = {"court_decision", "trial_hearing", "sentence", "fine", "acquittal", "conviction"}
CHARGE_EVENTS = {"charge", "case_opened", "sentence", "conviction", "fine"}
VERBS = {
    "arrest": "arrested", "detention": "ordered the detention of",
    "court_decision": "ruled against",
    "charge": "charged", "trial_hearing": "heard the case of", "sentence": "sentenced",
    "complaint": "filed a complaint against", "release": "released", "attack": "beat",
    "seizure": "seized the equipment of", "appeal_filed": "appealed on behalf of",
    "ban": "banned the activities of", "killing": "killed", "investigation": "investigated",
    "disappearance": "abducted", "threat": "threatened", "search": "searched the home of",
    "travel_ban": "banned from travel", "deregistration": "deregistered the organisation of",
    "fine": "fined", "raid": "raided the office of", "case_opened": "opened a case against",
    "acquittal": "acquitted", "interrogation": "interrogated", "other": "deported",
}  # fmt: skip


def corpus_shape(corpus: Path = CORPUS) -> dict[str, Any]:
    """Per-appeal counts and the event-type mix of the gold files, or the built-in figures.
    Read once per process and folder (reading 49 gold files takes about a second, and the
    tests generate many corpora); the result is shared, never to be changed."""
    return _corpus_shape(Path(corpus).resolve())


@functools.cache
def _corpus_shape(corpus: Path) -> dict[str, Any]:
    golds = sorted(corpus.glob("*.gold.yaml")) if corpus.is_dir() else []
    if not golds:
        return DEFAULT_SHAPE
    counts: Counter[str] = Counter()
    events: Counter[str] = Counter()
    records = [
        yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or {} for p in golds
    ]
    for gold in records:
        for key in DEFAULT_SHAPE["counts"]:
            counts[key] += len(gold.get(key) or [])
        counts["officials"] += sum(
            "official" in (p.get("roles") or []) for p in gold.get("persons") or []
        )
        events.update(str(e.get("type")) for e in gold.get("events") or [] if e.get("type"))
    shape = {
        "counts": {k: max(1, round(v / len(golds))) for k, v in counts.items()},
        "events": {k: v for k, v in events.items() if k in VERBS},
        "rates": {**DEFAULT_SHAPE["rates"], **_gold_rates(records, events)},
    }
    return shape


def _gold_rates(records: list[dict[str, Any]], events: Counter[str]) -> dict[str, float]:
    """The rates of ``DEFAULT_SHAPE["rates"]`` that the gold files state."""
    org_targets = bans = 0
    for gold in records:
        orgs = {str(o.get("id")) for o in gold.get("organisations") or []}
        for e in gold.get("events") or []:
            if e.get("type") in ORG_BAN_EVENTS:
                bans += 1
                org_targets += any(str(t) in orgs for t in e.get("targets") or [])
    rates = {
        "amnesty": events["amnesty"] / len(records),
        "arrangement": sum(bool(g.get("arrangements")) for g in records) / len(records),
    }
    if bans:
        rates["org_ban"] = org_targets / bans
    return rates


def has_structure(seed: int, name: str, i: int, rate: float) -> bool:
    """Whether appeal ``i`` has a per-appeal structure made at ``rate`` (at least
    ``RARE_FLOOR``): exactly that share of the indices, evenly spread, whatever N is."""
    rate = min(1.0, max(rate, RARE_FLOOR))
    x = i * rate + _rng(seed, "stride", name).random()
    return int(x + rate) > int(x)


def _rng(seed: int, *parts: Any) -> random.Random:
    key = "\x1f".join(str(p) for p in (seed, *parts)).encode()
    return random.Random(int.from_bytes(hashlib.sha256(key).digest()[:8], "big"))


def _zipf(rng: random.Random, n: int, s: float = 1.1) -> int:
    """An index in [0, n) drawn with probability ~ 1/(i+1)^s (inverse CDF on a cached table)."""
    table = _ZIPF.get((n, s))
    if table is None:
        acc, table = 0.0, []
        for i in range(n):
            acc += 1.0 / (i + 1) ** s
            table.append(acc)
        _ZIPF[(n, s)] = table
    x = rng.random() * table[-1]
    lo, hi = 0, n - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if table[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


_ZIPF: dict[tuple[int, float], list[float]] = {}


def _word(rng: random.Random, syllables: int) -> str:
    parts = [rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(syllables)]
    return ("".join(parts) + rng.choice(CODAS)).capitalize()


def person_name(seed: int, country: str, index: int) -> str:
    """The name of recurring person ``index`` of a country (the same in every appeal)."""
    rng = _rng(seed, "person", country, index)
    return f"{_word(rng, rng.choice((1, 2)))} {_word(rng, 2)}{rng.choice(SURNAME_ENDINGS)}"


def variant_spelling(name: str) -> str:
    """Another transliteration of a name (ov/off, ev/yev, kh/h), as different sources write it."""
    for a, b in (("ov", "off"), ("ev", "yev"), ("kh", "h"), ("i", "y"), ("sh", "ch")):
        if a in name:
            return name.replace(a, b, 1)
    return name + "e"


def city_name(seed: int, country: str, index: int) -> str:
    return _word(_rng(seed, "city", country, index), 2)


class Text:
    """The appeal text as it is written, with the offsets of every sentence."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def say(self, sentence: str, *, para: bool = False) -> dict[str, Any]:
        if self.parts:
            sep = "\n\n" if para else " "
            self.parts.append(sep)
            self.length += len(sep)
        start = self.length
        self.parts.append(sentence)
        self.length += len(sentence)
        return {"quote": sentence, "start": start, "end": self.length}

    def mention(self, span: dict[str, Any], words: str) -> dict[str, Any]:
        """The span of ``words`` inside a sentence already said."""
        at = span["quote"].index(words)
        return {"quote": words, "start": span["start"] + at, "end": span["start"] + at + len(words)}

    def value(self) -> str:
        return "".join(self.parts) + "\n"


def generate_appeal(i: int, n: int, seed: int, shape: dict[str, Any]) -> tuple[dict, str]:
    """Appeal ``i`` of a corpus of ``n``: (case record, text)."""
    rng = _rng(seed, "appeal", i)
    aid = f"gen-{i:06d}"
    country_index = _zipf(rng, len(COUNTRIES), 1.0)
    country = COUNTRIES[country_index]
    year = 2008 + rng.randrange(18)
    issuer = ISSUERS[_zipf(rng, len(ISSUERS), 0.8)]
    counts = shape["counts"]
    rates = {**DEFAULT_SHAPE["rates"], **shape.get("rates", {})}
    # A territory of the country under another state's administration by treaty (the
    # country's first city), where the defender's organisation is then based.
    arrangement = has_structure(seed, "arrangement", i, rates["arrangement"])
    territory = city_name(seed, country, 0)
    text = Text()
    persons: list[dict[str, Any]] = []
    orgs: list[dict[str, Any]] = []
    places: list[dict[str, Any]] = []

    def org(name: str, kind: str, ctry: str | None, evidence: dict[str, Any]) -> str:
        for o in orgs:
            if o["name"] == name:
                return str(o["id"])
        oid = f"o{len(orgs) + 1}"
        orgs.append(
            {"id": oid, "name": name, "variants": [], "kind": kind, "country": ctry,
             "part_of": None, "evidence": [evidence]}
        )  # fmt: skip
        return oid

    def person(name: str | None, roles: list[str], evidence: dict[str, Any], **extra: Any) -> str:
        pid = f"p{len(persons) + 1}"
        gender = rng.choice(GENDERS)
        if name:  # a person named in several appeals is one person, of one gender
            gender = _rng(seed, "gender", name).choice(GENDERS)
        persons.append(
            {"id": pid, "name": name, "variants": extra.pop("variants", []),
             "gender": gender, "roles": roles,
             "positions": extra.pop("positions", []), "evidence": [evidence], **extra}
        )  # fmt: skip
        return pid

    def place(name: str, kind: str, evidence: dict[str, Any]) -> str:
        for pl in places:
            if pl["name"] == name:
                return str(pl["id"])
        places.append({"id": f"l{len(places) + 1}", "name": name, "kind": kind,
                       "evidence": [evidence]})  # fmt: skip
        return str(places[-1]["id"])

    title = f"{country}: human rights defenders face reprisals ({aid})"
    text.say(title)
    issuer_span = text.say(f"Urgent appeal issued by {issuer}.", para=True)
    issuer_id = org(issuer, "ngo", None, text.mention(issuer_span, issuer))

    # Defenders: some recur across appeals (Zipf over the country's pool), the others are new;
    # each belongs to an organisation based in a city of the country.
    pool = max(20, n // (4 * len(COUNTRIES)))
    defenders: list[tuple[str, str]] = []
    defender_orgs: dict[str, str] = {}
    for k in range(1 + _zipf(rng, 3, 1.5)):
        if rng.random() < 0.35:
            name = person_name(seed, country, _zipf(rng, pool))
            if rng.random() < 0.1:
                name = variant_spelling(name)
        else:
            name = person_name(seed, country, 10**7 + i * 10 + k)
        if name not in {d[1] for d in defenders}:
            home = city_name(seed, country, _zipf(rng, 12))
            if arrangement and not defenders:
                home = territory
            ngo = f"{rng.choice(NGO_CAUSES)} {rng.choice(NGO_WORDS)} of {home}"
            span = text.say(
                f"{name} is a human rights defender and a member of the {ngo}.", para=True
            )
            oid = org(ngo, "ngo", country, text.mention(span, ngo))
            for o in orgs:
                if o["id"] == oid:
                    o["place"] = place(home, "city", text.mention(span, home))
            pid = person(
                name, ["defender"], text.mention(span, name),
                positions=[{"title": "member", "organisation": oid, "evidence": [span]}],
            )  # fmt: skip
            defenders.append((pid, name))
            defender_orgs[pid] = oid

    cities = [city_name(seed, country, _zipf(rng, 12)) for _ in range(max(1, counts["places"] - 1))]
    for city in dict.fromkeys(cities):
        span = text.say(f"The events took place in {city}.")
        place(city, "city", text.mention(span, city))
    span = text.say(
        f"{country} has ratified the International Covenant on Civil and Political Rights."
    )
    place(country, "country", text.mention(span, country))

    # Instruments: the country's criminal code (shared articles), its constitution, the ICCPR.
    code_span = text.say(f"The Criminal Code of {country} is used against defenders.")
    articles = sorted({_zipf(rng, len(CHARGE_LABELS)) for _ in range(1 + rng.randrange(3))})
    provisions = [
        {"id": f"a{a}", "article": str(100 + a * 7), "label": CHARGE_LABELS[a]} for a in articles
    ]
    instruments = [
        {"id": "i1", "name": f"Criminal Code of {country}", "kind": "criminal_code",
         "jurisdiction": country, "parties": [], "date": None, "provisions": provisions,
         "evidence": [text.mention(code_span, f"Criminal Code of {country}")]},
        {"id": "i2", "name": f"Constitution of {country}", "kind": "constitution",
         "jurisdiction": country, "parties": [], "date": None, "provisions": [],
         "evidence": [text.say(f"The Constitution of {country} guarantees these rights.")]},
        {"id": "i3", "name": "International Covenant on Civil and Political Rights",
         "kind": "treaty", "jurisdiction": None, "parties": [], "date": None, "provisions": [],
         "evidence": [text.mention(span, "International Covenant on Civil and Political Rights")]},
    ]  # fmt: skip
    arrangements = []
    if arrangement:
        partner = COUNTRIES[(country_index + 1) % len(COUNTRIES)]
        treaty = f"Agreement on the Status of {territory}"
        adopted = str(1990 + country_index % 20)
        span = text.say(
            f"Under the {adopted} {treaty} between {country} and {partner}, {territory} is "
            f"administered by {partner} until 2050 and the laws of {partner} apply there.",
            para=True,
        )
        instruments.append(
            {"id": "i4", "name": treaty, "kind": "treaty", "jurisdiction": None,
             "parties": [country, partner], "date": adopted, "provisions": [],
             "evidence": [text.mention(span, treaty)]}
        )  # fmt: skip
        arrangements.append(
            {"id": "j1", "instrument": "i4",
             "territory": place(territory, "city", text.mention(span, territory)),
             "sovereign": country, "administered_by": partner, "until": "2050",
             "applicable_law": partner,
             "summary": f"{territory} is administered by {partner} until 2050",
             "evidence": [span]}
        )  # fmt: skip

    # State bodies: shared per country, the courts Zipf-distributed over its cities.
    court_city = city_name(seed, country, _zipf(rng, 12))
    bodies = {
        "court": (f"{court_city} City Court", "court"),
        "supreme": (f"Supreme Court of {country}", "court"),
        "prosecution": ("Prosecutor General's Office", "prosecution"),
        "police": (f"{court_city} Police Department", "police"),
        "security": ("State Security Service", "security_service"),
    }
    body_ids = {}
    for key, (name, kind) in bodies.items():
        span = text.say(f"The {name} is involved in the case.")
        body_ids[key] = org(name, kind, country, text.mention(span, name))
    judge = person_name(seed, country + court_city, _zipf(rng, 6))
    span = text.say(f"Judge {judge} of the {bodies['court'][0]} presides over the case.")
    judge_id = person(
        judge, ["judge"], text.mention(span, judge),
        positions=[{"title": "Judge", "organisation": body_ids["court"], "evidence": [span]}],
    )  # fmt: skip
    prosecutor = person_name(seed, country + "prosecutor", _zipf(rng, 30))
    span = text.say(f"The prosecutor, {prosecutor}, requested a prison term.")
    prosecutor_id = person(prosecutor, ["prosecutor"], text.mention(span, prosecutor))
    lawyer_span = text.say(f"{defenders[0][1]}’s lawyer was denied access to the case file.")
    person(None, ["lawyer"], lawyer_span, variants=[f"{defenders[0][1]}’s lawyer"])

    # Officials the appeal is addressed to, in posts of the country's bodies; a few holders per
    # office over the years, so that officials recur across appeals.
    n_officials = max(0, round(rng.gauss(counts.get("officials", 2), 1)))
    for k in sorted({_zipf(rng, len(OFFICES), 1.2) for _ in range(n_officials)}):
        office, body, kind = OFFICES[k]
        name = person_name(seed, country + office, _zipf(rng, 3))
        span = text.say(f"The appeal is addressed to {name}, {office}.")
        oid = org(body, kind, country, text.mention(span, office))
        person(
            name, ["official"], text.mention(span, name),
            positions=[{"title": office, "organisation": oid, "evidence": [span]}],
        )  # fmt: skip

    while len(persons) < counts["persons"]:
        name = person_name(seed, country, 2 * 10**7 + i * 100 + len(persons))
        span = text.say(f"A witness, {name}, was questioned by the police.")
        person(name, ["witness"], text.mention(span, name))

    # Events, in date order, with agents, targets, courts and provisions.
    types, weights = zip(*sorted(shape["events"].items()), strict=True)
    events: list[dict[str, Any]] = []
    statements: list[dict[str, Any]] = []
    n_events = max(3, int(rng.gauss(counts["events"], counts["events"] / 3)))
    day = rng.randrange(300)

    def event_date() -> str:
        nonlocal day
        day += 1 + rng.randrange(20)
        return f"{year}-{1 + (day // 28) % 12:02d}-{1 + day % 28:02d}"

    for k in range(n_events):
        etype = rng.choices(types, weights)[0]
        date = event_date()
        target_id, target = defenders[rng.randrange(len(defenders))]
        if etype in ORG_BAN_EVENTS and rng.random() < rates["org_ban"]:
            target_id = defender_orgs[target_id]
            target = next(o["name"] for o in orgs if o["id"] == target_id)
        agent = body_ids["court"] if etype in COURT_EVENTS else body_ids["police"]
        agent_name = next(o["name"] for o in orgs if o["id"] == agent)
        extra: dict[str, Any] = {}
        agents = [agent]
        if etype == "complaint":
            # a named complainant, employed by a state company, over what the defender wrote
            cname = person_name(seed, country + "complainant", _zipf(rng, 40))
            employer = f"{rng.choice(EMPLOYERS)} of {country}"
            cspan = text.say(f"{cname}, an employee of the {employer}, is the complainant.")
            eid = org(employer, "state_enterprise", country, text.mention(cspan, employer))
            agents = [
                person(
                    cname,
                    ["complainant"],
                    text.mention(cspan, cname),
                    positions=[{"title": "employee", "organisation": eid, "evidence": [cspan]}],
                )  # fmt: skip
            ]
            agent_name = cname
            medium = f"{court_city} Courier"
            kind = rng.choice(STATEMENT_KINDS)
            sspan = text.say(
                f"{target} had published an {kind} in the {medium} about corruption in the "
                f"{employer}."
                if kind[0] in "aeiou"
                else f"{target} had published a {kind} in the {medium} about corruption in the "
                f"{employer}."
            )
            mid = org(medium, "media", country, text.mention(sspan, medium))
            sid = f"s{len(statements) + 1}"
            statements.append(
                {"id": sid, "author": target_id, "kind": kind, "medium": mid,
                 "about": [eid], "alleges": f"corruption in the {employer}",
                 "evidence": [sspan]}
            )  # fmt: skip
            extra["statements"] = [sid]
        verb = VERBS[etype]
        if etype == "court_decision" and rng.random() < rates["final"]:
            extra.update(final=True, appealable=False)
            verb += " in a final decision that cannot be appealed, against"
        sentence = f"On {date}, the {agent_name} {verb} {target}"
        if etype == "ban":
            extra["ground"] = rng.choice(BAN_GROUNDS)
            sentence += f", on the ground of {extra['ground']}"
        span = text.say(sentence + ".", para=k % 3 == 0)
        event: dict[str, Any] = {
            "id": f"e{k + 1}", "type": etype, "date": date, "agents": agents,
            "targets": [target_id], "authority": agent if etype in COURT_EVENTS else None,
            "provisions": [], "penalty": None,
            "place": places[rng.randrange(len(places))]["id"], "note": f"step {k + 1}",
            "evidence": [span], **extra,
        }  # fmt: skip
        if etype in CHARGE_EVENTS and provisions:
            event["provisions"] = [provisions[rng.randrange(len(provisions))]["id"]]
        if etype == "sentence":
            event["penalty"] = f"{1 + rng.randrange(9)} years in prison"
            event["agents"].append(judge_id)
        if etype == "trial_hearing":
            event["agents"].append(prosecutor_id)
        events.append(event)

    if has_structure(seed, "amnesty", i, rates["amnesty"]):
        # an amnesty for an anniversary, and the release of the first defender under it
        pid, name = defenders[0]
        date = event_date()
        occasion = f"the {10 + rng.randrange(30)}th anniversary of independence"
        span = text.say(f"On {date}, {name} was released under an amnesty for {occasion}.")
        k = len(events)
        events.append(
            {"id": f"e{k + 1}", "type": "amnesty", "date": date, "agents": [],
             "targets": [pid], "authority": None, "provisions": [], "penalty": None,
             "place": None, "occasion": occasion, "note": "amnesty", "evidence": [span]}
        )  # fmt: skip
        events.append(
            {"id": f"e{k + 2}", "type": "release", "date": date, "agents": [],
             "targets": [pid], "authority": None, "provisions": [], "penalty": None,
             "place": None, "released_under": f"e{k + 1}", "note": "released under the amnesty",
             "evidence": [span]}
        )  # fmt: skip

    rights = []
    for name in rng.sample(RIGHTS, min(len(RIGHTS), counts["rights"])):
        span = text.say(f"These acts violate the {name}.")
        rights.append({"name": name, "guaranteed_by": "i3", "evidence": [span]})
    demands = []
    text.say(f"{issuer} urges the authorities of {country} to:", para=True)
    for template in rng.sample(DEMANDS, min(len(DEMANDS), counts["demands"])):
        summary = template.format(name=defenders[0][1])
        span = text.say(f"{len(demands) + 1}. {summary[0].upper()}{summary[1:]};", para=True)
        demands.append(
            {"addressees": [f"authorities of {country}"], "summary": summary, "evidence": [span]}
        )

    record = {
        "appeal": {
            "id": aid, "issuer": issuer, "issuer_ref": issuer_id, "date": f"{year}-12-01",
            "title": title, "countries": [country], "source": f"{aid}.txt", "access": "public",
        },
        "persons": persons, "organisations": orgs, "places": places,
        "instruments": instruments, "arrangements": arrangements, "statements": statements,
        "events": events, "rights": rights, "demands": demands,
    }  # fmt: skip
    return record, text.value()


def _write_chunk(args: tuple[list[int], int, int, str, dict[str, Any]]) -> int:
    indices, n, seed, out, shape = args
    cases, appeals = Path(out) / "cases", Path(out) / "appeals"
    for i in indices:
        record, text = generate_appeal(i, n, seed, shape)
        aid = record["appeal"]["id"]
        (appeals / f"{aid}.txt").write_text(text, encoding="utf-8")
        (cases / f"{aid}.yaml").write_text(dump(record), encoding="utf-8")
    return len(indices)


def dump(record: dict[str, Any]) -> str:
    return yaml.dump(
        record, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, width=1000
    )


def generate(n: int, out: Path, seed: int = 1, jobs: int = 2, corpus: Path | None = CORPUS) -> Path:
    """Write ``out/cases/*.yaml``, ``out/appeals/*.txt``, ``out/links/synthetic.csv`` and an
    empty ``out/reference/``; the per-appeal shape comes from the gold files in ``corpus``
    when it has any, else from the built-in figures."""
    out = Path(out)
    for sub in ("cases", "appeals", "links", "reference"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    (out / "links" / "synthetic.csv").write_text(links_csv(), encoding="utf-8")
    shape = corpus_shape(corpus) if corpus is not None else DEFAULT_SHAPE
    chunks = [list(range(k, min(n, k + 500))) for k in range(0, n, 500)]
    work = [(c, n, seed, str(out), shape) for c in chunks]
    if jobs > 1 and len(chunks) > 1:
        with ProcessPoolExecutor(jobs) as pool:
            list(pool.map(_write_chunk, work))
    else:
        for w in work:
            _write_chunk(w)
    return out


SYNTHETIC_QID = 9_000_000_000  # far above any Wikidata item: these Q-ids name nothing


def links_csv() -> str:
    """Reviewed link decisions in the ``data/links/`` format: each country to a made-up Q-id
    (accepted), and every fifth country also to a second one (rejected)."""
    from kg.countries import country_code

    rows = ["subject,target,relation,method,score,decided_by,decided_on,status,note"]
    note = "synthetic identifier for benchmarks; not a Wikidata item"
    for k, country in enumerate(COUNTRIES):
        subject = f"akr:country/{country_code(country)}"
        rows.append(
            f"{subject},wd:Q{SYNTHETIC_QID + 2 * k},exactMatch,curated,1.0,"
            f"benchmark generator,2026-01-01,accepted,{note}"
        )
        if k % 5 == 0:
            rows.append(
                f"{subject},wd:Q{SYNTHETIC_QID + 2 * k + 1},exactMatch,candidate,0.4,"
                f"benchmark generator,2026-01-01,rejected,{note}"
            )
    return "\n".join(rows) + "\n"


MUTATIONS = ("note", "facts", "spelling", "hub")


def mutate(
    out: Path, fraction: float, seed: int = 1, round_: int = 1, kind: str = "note"
) -> list[Path]:
    """Change ``fraction`` of the records, as curators' edits do: ``note`` rewrites an event's
    note; ``facts`` also moves a dated event one day earlier and gives a person one more
    spelling of their name (the surname's last letter doubled), so identity resolution, the
    derived values that read dates and the shapes over them have something to redo;
    ``spelling`` instead gives a person one more spelling whose last letter is changed (a
    name identity resolution keys apart, not one it folds to the name it has); ``hub`` instead
    names one more issuing organisation (the next of :data:`ISSUERS` after the appeal's own,
    of no country), in a sentence added to the appeal's text: a new item joining the cluster
    of an organisation that thousands of appeals name."""
    if kind not in MUTATIONS:
        raise ValueError(f"unknown mutation {kind!r} (choose from {', '.join(MUTATIONS)})")
    paths = sorted((Path(out) / "cases").glob("*.yaml"))
    rng = _rng(seed, "mutate", round_)
    chosen = rng.sample(paths, max(1, round(len(paths) * fraction)))
    for path in chosen:
        record = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        event = record["events"][rng.randrange(len(record["events"]))]
        event["note"] = f"revised in round {round_}"
        if kind == "spelling":
            named = [p for p in record["persons"] if p.get("name")]
            if named:
                person = named[rng.randrange(len(named))]
                last = person["name"][-1:]
                spelling = person["name"][:-1] + ("q" if last.lower() != "q" else "z")
                person["variants"] = [*(person.get("variants") or []), spelling]
        if kind == "hub":
            _add_hub_mention(record, Path(out) / "appeals")
        if kind == "facts":
            dated = [e for e in record["events"] if len(str(e.get("date") or "")) == 10]
            if dated:
                moved = dated[rng.randrange(len(dated))]
                day = datetime.date.fromisoformat(str(moved["date"])) - datetime.timedelta(days=1)
                moved["date"] = day.isoformat()
            named = [p for p in record["persons"] if p.get("name")]
            if named:
                person = named[rng.randrange(len(named))]
                spelling = person["name"] + person["name"][-1]
                person["variants"] = [*(person.get("variants") or []), spelling]
        path.write_text(dump(record), encoding="utf-8")
    return chosen


def _add_hub_mention(record: dict[str, Any], appeals: Path) -> None:
    """One more issuing organisation named in ``record``, its sentence appended to the appeal's
    text (in ``appeals``, when there) so that its evidence quotes it."""
    own = record["appeal"].get("issuer")
    named = {o["name"] for o in record["organisations"]}
    start = ISSUERS.index(own) + 1 if own in ISSUERS else 0
    name = next(
        (n for n in (ISSUERS[(start + k) % len(ISSUERS)] for k in range(len(ISSUERS)))
         if n not in named),
        None,
    )  # fmt: skip
    if name is None:
        return
    source = appeals / str(record["appeal"].get("source") or "")
    text = source.read_text(encoding="utf-8") if source.is_file() else ""
    sentence = f"{name} has also raised the case."
    at = len(text) + 1
    if source.is_file():
        source.write_text(f"{text} {sentence}", encoding="utf-8")
    ids, n = {o["id"] for o in record["organisations"]}, len(record["organisations"]) + 1
    while f"o{n}" in ids:
        n += 1
    record["organisations"].append(
        {"id": f"o{n}", "name": name, "variants": [],
         "kind": "ngo", "country": None, "part_of": None,
         "evidence": [{"quote": name, "start": at, "end": at + len(name)}]}
    )  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of appeals")
    parser.add_argument("out", type=Path, help="data directory to write")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--mutate", type=float, help="change this fraction of existing records")
    parser.add_argument("--round", type=int, default=1, help="mutation round (varies the choice)")
    parser.add_argument(
        "--edit", choices=MUTATIONS, default="note", help="what --mutate changes in a record"
    )
    args = parser.parse_args(argv)
    if args.mutate is not None:
        changed = mutate(args.out, args.mutate, args.seed, args.round, args.edit)
        print(f"changed {len(changed)} records in {args.out}", file=sys.stderr)
    else:
        generate(args.n, args.out, args.seed, args.jobs)
        print(f"wrote {args.n} appeals to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
