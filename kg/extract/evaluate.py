"""Score extracted case records against gold records.

The scorer compares what a careful human coder read out of an appeal (the gold file) with what the
extractor produced, category by category, so that a change to the rules shows where it helps and
where it hurts. Matching is deliberately forgiving about spelling (transliteration, honorifics,
quotes) and strict about facts (which article, which date). The rules are written up in
``docs/evaluation.md``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from anyascii import anyascii

from kg.errors import InputError
from kg.vocab import DATA_DIR

CATEGORIES = (
    "persons",
    "person_roles",
    "organisations",
    "organisation_kinds",
    "legal_provisions",
    "events",
    "event_participants",
    "demands",
)

HONORIFICS = frozenset(
    "mr mrs ms miss messrs dr prof judge sir madam mme m mx lawyer prosecutor president".split()
)
STOPWORDS = frozenset(
    "the a an of and or in on to for with by at from all any its his her their them him he she "
    "it that this be is are was were as including".split()
)


# ---------------------------------------------------------------- normalisation


def fold_name(name: str | None) -> str:
    """Reduce a name to a spelling-independent key.

    Appeals transliterate the same person differently (``Titiev``/``Titiyev``,
    ``Bokayev``/``Bokaev``, ``Anatoliy``/``Anatoly``); the gold writes one form. Folding both
    sides the same way lets those count as one person without a name list.
    """
    if not name:
        return ""
    s = anyascii(name).lower()
    s = re.sub(r"[’'`]s\b", "", s)
    s = re.sub(r"[^a-z0-9 ]+", " ", s)
    words = [w for w in s.split() if w not in HONORIFICS and w != "the"]
    s = " ".join(words)
    s = s.replace("ks", "x").replace("iy", "i").replace("ij", "i")
    s = re.sub(r"(?<=[aeiou])y(?=[aeiou])", "", s)
    s = s.replace("y", "i").replace("ie", "e").replace("j", "i")
    s = re.sub(r"(.)\1", r"\1", s)
    return s.strip()


def name_keys(item: dict[str, Any]) -> set[str]:
    """All folded forms under which an entity may be recognised: its name and variants."""
    keys = {fold_name(item.get("name"))}
    keys.update(fold_name(v) for v in item.get("variants") or [])
    keys.discard("")
    return keys


def content_words(text: str | None) -> set[str]:
    """Lower-cased content words, for comparing free-text summaries."""
    if not text:
        return set()
    words = re.findall(r"[a-z0-9]+", anyascii(text).lower())
    return {w[:6] for w in words if w not in STOPWORDS and len(w) > 1}


def main_article(article: str | None) -> str:
    """The main article number, ignoring parts and paragraphs: ``174, Part 2`` -> ``174``.

    Superscript suffixes are kept as a dash, ``353¹`` -> ``353-1``: they number a distinct
    article, not a part of one.
    """
    if not article:
        return ""
    s = str(article).strip()
    sup = {"¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9"}
    m = re.match(r"\s*(\d+)\s*([¹²³⁴⁵⁶⁷⁸⁹]+|-\d+)?", s)
    if not m:
        return s.lower()
    suffix = m.group(2) or ""
    if suffix and not suffix.startswith("-"):
        suffix = "-" + "".join(sup[c] for c in suffix)
    return m.group(1) + suffix


def instrument_key(name: str | None) -> str:
    """A key under which two spellings of an instrument's name agree.

    Drops the jurisdiction of a domestic code (``Criminal Code of Kazakhstan`` = ``Criminal
    Code``), the year after an act's name (``Cyber Safety Act, 2018`` = ``Cyber Safety
    Act``), the law's number in brackets after its name (``Penal Code (Law No. 318)`` =
    ``Penal Code``) or its year of the Buddhist era (``Press Act B.E. 2551 (2008)``),
    the UN prefix and function words, because appeals name the same instrument with and
    without them.
    """
    if not name:
        return ""
    s = re.sub(r"\s+", " ", name.strip())
    s = _NUMBER_TAIL.sub("", s)
    m = _JURISDICTION_TAIL.match(s)
    if m:
        s = m.group(1)
    s = re.sub(r"\b(UN|United Nations)\b", " ", anyascii(s))
    words = [w for w in re.findall(r"[a-z0-9]+", s.lower()) if w not in STOPWORDS]
    if len(words) > 1 and _YEAR.fullmatch(words[-1]) and words[-2] in _YEAR_AFTER:
        words.pop()  # "Cyber Safety Act, 2018" = "Cyber Safety Act"
    return " ".join(words)


#: The year an act was passed, written after its name ("Cyber Security Act 2023", "the Media
#: Authority Act, 2013"): appeals and their gold name the same act with and without it.
_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR_AFTER = frozenset({"act", "law", "code", "ordinance", "decree", "proclamation"})


#: A law's number in brackets closing its name ("(Law No. 318)", "[Chapter 4:17]", "(Cap. 21)")
#: or its year of the Buddhist era ("B.E. 2551 (2008)").
_NUMBER_TAIL = re.compile(
    r"\s*[(\[](?:Law|Chapter|Cap\.?|No\.)\s*(?:No\.\s*)?\d[^)\]]*[)\]]$"
    r"|\s+B\.\s?E\.\s+\d{4}(?:\s+\(\d{4}\))?$"
)
_JURISDICTION_TAIL = re.compile(
    r"^(.*\b(?:Code|Constitution|Law|Act))\s+of\s+(?:the\s+)?[A-Z][\w’']*(?:\s+[A-Z][\w’']*)*$"
)


def dates_match(gold: Any, pred: Any) -> bool:
    """Equal dates, or a predicted date more precise than the gold but agreeing with it.

    ``2018-01`` in the gold ("in late January") is met by ``2018-01`` or ``2018-01-25``; a missing
    gold date is met only by a missing prediction.
    """
    g = "" if gold is None else str(gold)
    p = "" if pred is None else str(pred)
    if not g or not p:
        return g == p
    return p == g or (len(g) >= 7 and p.startswith(g))


# ---------------------------------------------------------------- scores


@dataclass
class Tally:
    """True positives, false positives and false negatives with the items behind them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    false_hits: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.misses.extend(other.misses)
        self.false_hits.extend(other.false_hits)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class CaseScore:
    """Scores of one case, one :class:`Tally` per category."""

    case: str
    tallies: dict[str, Tally]
    issuer: str = ""


@dataclass
class Report:
    """Per-category and micro-averaged scores over a set of cases."""

    cases: list[CaseScore]
    totals: dict[str, Tally]
    missing: list[str] = field(default_factory=list)

    @property
    def micro(self) -> Tally:
        total = Tally()
        for name in CATEGORIES:
            t = self.totals[name]
            total.tp, total.fp, total.fn = total.tp + t.tp, total.fp + t.fp, total.fn + t.fn
        return total

    def to_dict(self) -> dict[str, Any]:
        def row(t: Tally) -> dict[str, Any]:
            return {
                "tp": t.tp,
                "fp": t.fp,
                "fn": t.fn,
                "precision": round(t.precision, 4),
                "recall": round(t.recall, 4),
                "f1": round(t.f1, 4),
            }

        return {
            "categories": {name: row(self.totals[name]) for name in CATEGORIES},
            "micro": row(self.micro),
            "cases": {
                c.case: {
                    name: {**row(t), "misses": t.misses, "false_hits": t.false_hits}
                    for name, t in c.tallies.items()
                }
                for c in self.cases
            },
            "missing_predictions": self.missing,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    def to_text(self) -> str:
        lines = [f"{'category':<20} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
        for name in CATEGORIES:
            lines.append(_text_row(name, self.totals[name]))
        lines.append(_text_row("micro", self.micro))
        lines.append(f"{len(self.cases)} cases")
        if self.missing:
            lines.append("no prediction for: " + ", ".join(self.missing))
        return "\n".join(lines)


def _text_row(name: str, t: Tally) -> str:
    return (
        f"{name:<20} {t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f} {t.tp:5d} {t.fp:5d} {t.fn:5d}"
    )


# ---------------------------------------------------------------- matching


def _match(
    gold: list[dict[str, Any]],
    pred: list[dict[str, Any]],
    same: Callable[[dict[str, Any], dict[str, Any]], bool],
    weight: Callable[[dict[str, Any], dict[str, Any]], tuple[int, ...]] | None = None,
) -> list[tuple[int, int]]:
    """One-to-one matching with as many pairs as ``same`` allows; each prediction is used once.

    Pairs are taken best first (by ``weight``, larger first; in gold order without one), then
    every gold item left unmatched looks for an augmenting path -- a chain of re-pairings that
    frees a prediction for it -- so that an early gold item taking the only prediction a later
    one could match does not cost a match. Pairs come back in gold order.
    """
    edges: dict[int, list[int]] = {}
    ranked = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if same(g, p):
                edges.setdefault(gi, []).append(pi)
                ranked.append(((weight(g, p) if weight else ()), gi, pi))
    ranked.sort(key=lambda r: (tuple(-w for w in r[0]), r[1], r[2]))
    owner: dict[int, int] = {}  # prediction -> gold
    taken: dict[int, int] = {}  # gold -> prediction
    for _, gi, pi in ranked:
        if gi not in taken and pi not in owner:
            taken[gi], owner[pi] = pi, gi
    for gi in edges:
        if gi not in taken:
            _augment(gi, edges, owner, taken, set())
    return sorted(taken.items())


def _augment(
    gi: int,
    edges: dict[int, list[int]],
    owner: dict[int, int],
    taken: dict[int, int],
    seen: set[int],
) -> bool:
    """Pair gold item ``gi``, re-pairing others along the way if that frees a prediction."""
    for pi in edges.get(gi, ()):
        if pi in seen:
            continue
        seen.add(pi)
        if pi not in owner or _augment(owner[pi], edges, owner, taken, seen):
            owner[pi], taken[gi] = gi, pi
            return True
    return False


def _same_person(g: dict[str, Any], p: dict[str, Any]) -> bool:
    if g.get("name") and p.get("name"):
        return bool(name_keys(g) & name_keys(p))
    if g.get("name") or p.get("name"):
        return False
    # Unnamed actors are known by their role and how the text refers to them.
    if not set(g.get("roles") or []) & set(p.get("roles") or []):
        return False
    gw = set().union(*(content_words(v) for v in g.get("variants") or [""]))
    pw = set().union(*(content_words(v) for v in p.get("variants") or [""]))
    return bool(gw & pw)


def _same_org(g: dict[str, Any], p: dict[str, Any]) -> bool:
    return bool(name_keys(g) & name_keys(p))


def _label(item: dict[str, Any]) -> str:
    if item.get("name"):
        return str(item["name"])
    return "(" + ", ".join(str(v) for v in item.get("variants") or ["unnamed"]) + ")"


def _tally_matched(
    gold: list[dict[str, Any]], pred: list[dict[str, Any]], pairs: list[tuple[int, int]]
) -> Tally:
    t = Tally(tp=len(pairs))
    gm = {gi for gi, _ in pairs}
    pm = {pi for _, pi in pairs}
    t.misses = [_label(g) for i, g in enumerate(gold) if i not in gm]
    t.false_hits = [_label(p) for i, p in enumerate(pred) if i not in pm]
    t.fn, t.fp = len(t.misses), len(t.false_hits)
    return t


def _tally_attributes(
    gold: list[dict[str, Any]],
    pred: list[dict[str, Any]],
    pairs: list[tuple[int, int]],
    values: Callable[[dict[str, Any]], set[str]],
) -> Tally:
    """Score an attribute (roles, kind) over matched pairs; unmatched items count in full."""
    t = Tally()
    pmap = dict(pairs)
    matched_pred = set(pmap.values())
    for gi, g in enumerate(gold):
        gv = values(g)
        pv = values(pred[pmap[gi]]) if gi in pmap else set()
        t.tp += len(gv & pv)
        for v in sorted(gv - pv):
            t.fn += 1
            t.misses.append(f"{_label(g)}: {v}")
        for v in sorted(pv - gv):
            t.fp += 1
            t.false_hits.append(f"{_label(g)}: {v}")
    for pi, p in enumerate(pred):
        if pi not in matched_pred:
            for v in sorted(values(p)):
                t.fp += 1
                t.false_hits.append(f"{_label(p)}: {v}")
    return t


def _provisions(record: dict[str, Any]) -> list[tuple[str, str]]:
    out = []
    for inst in record.get("instruments") or []:
        key = instrument_key(inst.get("name"))
        for prov in inst.get("provisions") or []:
            out.append((key, main_article(prov.get("article"))))
    return out


def _tally_multiset(gold: Iterable[Any], pred: Iterable[Any], show: Callable[[Any], str]) -> Tally:
    remaining = list(pred)
    t = Tally()
    for g in gold:
        if g in remaining:
            remaining.remove(g)
            t.tp += 1
        else:
            t.fn += 1
            t.misses.append(show(g))
    t.fp = len(remaining)
    t.false_hits = [show(p) for p in remaining]
    return t


def _same_event(g: dict[str, Any], p: dict[str, Any]) -> bool:
    return g.get("type") == p.get("type") and dates_match(g.get("date"), p.get("date"))


def _event_label(e: dict[str, Any]) -> str:
    return f"{e.get('type')} {e.get('date')}"


def _participants(event: dict[str, Any], idmap: dict[str, str]) -> set[str]:
    """The event's agents, targets and authority, as gold ids where the entity was matched."""
    out = set()
    for slot in ("agents", "targets"):
        for ref in event.get(slot) or []:
            out.add(f"{slot[:-1]}:{idmap.get(ref, '?' + str(ref))}")
    if event.get("authority"):
        out.add(f"authority:{idmap.get(event['authority'], '?' + str(event['authority']))}")
    return out


def _same_demand(g: dict[str, Any], p: dict[str, Any]) -> bool:
    gw = content_words(g.get("summary"))
    pw = content_words(p.get("summary")) | content_words(p.get("text"))
    return bool(gw) and len(gw & pw) / len(gw) >= 0.5


def score_case(gold: dict[str, Any], pred: dict[str, Any]) -> CaseScore:
    """Compare one predicted record with its gold record, category by category."""
    case = str((gold.get("appeal") or {}).get("id") or "?")
    issuer = str((gold.get("appeal") or {}).get("issuer") or "unknown")
    tallies: dict[str, Tally] = {}

    gp, pp = gold.get("persons") or [], pred.get("persons") or []
    ppairs = _match(gp, pp, _same_person)
    tallies["persons"] = _tally_matched(gp, pp, ppairs)
    tallies["person_roles"] = _tally_attributes(gp, pp, ppairs, lambda x: set(x.get("roles") or []))

    go, po = gold.get("organisations") or [], pred.get("organisations") or []
    opairs = _match(go, po, _same_org)
    tallies["organisations"] = _tally_matched(go, po, opairs)
    tallies["organisation_kinds"] = _tally_attributes(
        go, po, opairs, lambda x: {str(x.get("kind"))} if x.get("kind") else set()
    )

    tallies["legal_provisions"] = _tally_multiset(
        _provisions(gold), _provisions(pred), lambda k: f"{k[0]} art. {k[1]}"
    )

    idmap = {pp[pi]["id"]: gp[gi]["id"] for gi, pi in ppairs if "id" in pp[pi]}
    idmap.update({po[pi]["id"]: go[gi]["id"] for gi, pi in opairs if "id" in po[pi]})
    gid = {x: x for x in [p.get("id") for p in gp] + [o.get("id") for o in go] if x}

    def event_weight(g: dict[str, Any], p: dict[str, Any]) -> tuple[int, int]:
        # the same date before a more precise one, then the most participants in common
        shared = _participants(g, gid) & _participants(p, idmap)
        return (int(str(g.get("date")) == str(p.get("date"))), len(shared))

    ge, pe = gold.get("events") or [], pred.get("events") or []
    epairs = _match(ge, pe, _same_event, event_weight)
    events = _tally_matched(ge, pe, epairs)
    events.misses = [_event_label(e) for i, e in enumerate(ge) if i not in dict(epairs)]
    matched = {pi for _, pi in epairs}
    events.false_hits = [_event_label(e) for i, e in enumerate(pe) if i not in matched]
    tallies["events"] = events

    part = Tally()
    for gi, pi in epairs:
        gset = _participants(ge[gi], gid)
        pset = _participants(pe[pi], idmap)
        label = _event_label(ge[gi])
        part.tp += len(gset & pset)
        part.misses += [f"{label} {x}" for x in sorted(gset - pset)]
        part.false_hits += [f"{label} {x}" for x in sorted(pset - gset)]
    for i, e in enumerate(ge):
        if i not in dict(epairs):
            part.misses += [f"{_event_label(e)} {x}" for x in sorted(_participants(e, gid))]
    for i, e in enumerate(pe):
        if i not in matched:
            part.false_hits += [f"{_event_label(e)} {x}" for x in sorted(_participants(e, idmap))]
    part.fn, part.fp = len(part.misses), len(part.false_hits)
    tallies["event_participants"] = part

    gd, pd = gold.get("demands") or [], pred.get("demands") or []
    dpairs = _match(gd, pd, _same_demand)
    demands = _tally_matched(gd, pd, dpairs)
    demands.misses = [str(d.get("summary")) for i, d in enumerate(gd) if i not in dict(dpairs)]
    dm = {pi for _, pi in dpairs}
    demands.false_hits = [str(d.get("summary")) for i, d in enumerate(pd) if i not in dm]
    tallies["demands"] = demands
    return CaseScore(case=case, tallies=tallies, issuer=issuer)


# ---------------------------------------------------------------- files


def _read_text(p: Path, what: str, label: str = "") -> str:
    """The UTF-8 text of ``p``; a file that is missing or unreadable is a one-line error naming
    it (after ``label``, the option it was given to, if any)."""
    try:
        return p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{label}{p}: no such file; check the path") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{label}{p}: cannot read ({exc}); is it a UTF-8 {what}?") from None


def load_record(path: str | Path) -> dict[str, Any]:
    """Read a gold or extracted YAML record; refuse anything that is not a mapping."""
    p = Path(path)
    text = _read_text(p, "YAML file")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise InputError(f"{p}{where}: not valid YAML; fix the syntax") from None
    if not isinstance(data, dict):
        raise InputError(f"{p}: expected a case record (a YAML mapping); got {type(data).__name__}")
    return data


def _case_name(path: Path) -> str:
    name = path.name
    for suffix in (".gold.yaml", ".gold.yml", ".yaml", ".yml"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def _load_predictions(pred: dict[str, dict[str, Any]] | str | Path) -> dict[str, dict[str, Any]]:
    if isinstance(pred, dict):
        return pred
    folder = Path(pred)
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder of extracted records; pass the output folder")
    out = {}
    for f in sorted(folder.glob("*.y*ml")):
        out[_case_name(f)] = load_record(f)
    return out


def evaluate(
    gold_dir: str | Path,
    pred: dict[str, dict[str, Any]] | str | Path,
    cases: Iterable[str] | None = None,
) -> Report:
    """Score predictions against every ``*.gold.yaml`` in ``gold_dir`` (or only ``cases``).

    ``pred`` maps a case name (the gold file name without ``.gold.yaml``, or the appeal id) to a
    record, or is a folder of ``<case>.yaml`` files. A gold case without a prediction counts as
    all misses, so a crash in extraction cannot flatter the scores.
    """
    gdir = Path(gold_dir)
    golds = sorted(gdir.glob("*.gold.yaml"))
    if not golds:
        raise InputError(f"{gdir}: no *.gold.yaml files; point at the corpus folder")
    if cases is not None:
        wanted = set(cases)
        golds = [g for g in golds if _case_name(g) in wanted]
    preds = _load_predictions(pred)
    scores, missing = [], []
    totals = {name: Tally() for name in CATEGORIES}
    for gpath in golds:
        gold = load_record(gpath)
        name = _case_name(gpath)
        appeal_id = str((gold.get("appeal") or {}).get("id") or name)
        record = preds.get(name) or preds.get(appeal_id)
        if record is None:
            missing.append(name)
            record = {}
        score = score_case(gold, record)
        score.case = name
        scores.append(score)
        for cat, tally in score.tallies.items():
            totals[cat].add(tally)
    return Report(cases=scores, totals=totals, missing=missing)


# ---------------------------------------------------------------- protocol: split and folds

SPLIT_FILE = DATA_DIR / "corpus-test-split.txt"
SPLITS = ("dev", "test", "all")


def load_test_split(path: str | Path = SPLIT_FILE) -> list[str]:
    """The case names of the fixed test split: one a line, ``#`` starts a comment."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{p}: cannot read the test split ({exc})") from None
    names = [line.split("#", 1)[0].strip() for line in lines]
    return [n for n in names if n]


def select_cases(
    gold_dir: str | Path, split: str, split_file: str | Path = SPLIT_FILE
) -> list[str]:
    """Case names of ``gold_dir`` in ``split``: ``test`` (listed in the split file), ``dev`` (the
    rest) or ``all``. Names in the split file that the folder lacks are an error, so a renamed
    corpus cannot silently shrink the test split."""
    if split not in SPLITS:
        raise InputError(f"--split: unknown split '{split}'; use one of {', '.join(SPLITS)}")
    names = [_case_name(g) for g in sorted(Path(gold_dir).glob("*.gold.yaml"))]
    if split == "all":
        return names
    test = load_test_split(split_file)
    absent = sorted(set(test) - set(names))
    if absent:
        raise InputError(
            f"{split_file}: {len(absent)} test case(s) not in {gold_dir}, e.g. {absent[0]}; "
            "is GOLD_DIR the development corpus?"
        )
    chosen = set(test)
    return [n for n in names if (n in chosen) == (split == "test")]


def _totals(scores: Iterable[CaseScore]) -> dict[str, Tally]:
    totals = {name: Tally() for name in CATEGORIES}
    for score in scores:
        for cat, tally in score.tallies.items():
            totals[cat].add(tally)
    return totals


@dataclass
class Spread:
    """F1 per category over groups of cases (folds or issuers), with the lowest and highest."""

    groups: dict[str, dict[str, Tally]]
    sizes: dict[str, int]

    def f1(self, group: str, category: str) -> float:
        return self.groups[group][category].f1

    def low_high(self, category: str) -> tuple[float, float]:
        values = [t[category].f1 for t in self.groups.values()]
        return (min(values), max(values)) if values else (0.0, 0.0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "groups": {
                g: {"cases": self.sizes[g], **{c: round(t[c].f1, 4) for c in CATEGORIES}}
                for g, t in self.groups.items()
            },
            "low": {c: round(self.low_high(c)[0], 4) for c in CATEGORIES},
            "high": {c: round(self.low_high(c)[1], 4) for c in CATEGORIES},
        }

    def to_text(self, title: str) -> str:
        short = [c.replace("organisation", "org").replace("legal_", "")[:11] for c in CATEGORIES]
        label = {g: g if len(g) <= 32 else g[:31] + "…" for g in self.groups}
        width = max([len(title), *(len(v) for v in label.values())]) + 1
        lines = [f"{title:<{width}} {'n':>3} " + " ".join(f"{s:>11}" for s in short)]
        for g, tallies in self.groups.items():
            cells = " ".join(f"{tallies[c].f1:11.3f}" for c in CATEGORIES)
            lines.append(f"{label[g]:<{width}} {self.sizes[g]:3d} {cells}")
        for name, i in (("lowest", 0), ("highest", 1)):
            cells = " ".join(f"{self.low_high(c)[i]:11.3f}" for c in CATEGORIES)
            lines.append(f"{name:<{width}} {'':>3} {cells}")
        return "\n".join(lines)


def fold_spread(report: Report, k: int) -> Spread:
    """Cross-validation by appeal: cases in name order dealt round-robin into ``k`` folds.

    The rules are not retrained per fold; the spread shows how much the scores depend on which
    appeals are looked at, which a single corpus-wide figure hides.
    """
    if k < 2:
        raise InputError(f"--folds: need at least 2 folds, got {k}")
    ordered = sorted(report.cases, key=lambda c: c.case)
    if k > len(ordered):
        raise InputError(f"--folds: {k} folds but only {len(ordered)} cases; use at most that")
    folds = {f"fold {i + 1}": ordered[i::k] for i in range(k)}
    return Spread(
        groups={g: _totals(cs) for g, cs in folds.items()},
        sizes={g: len(cs) for g, cs in folds.items()},
    )


def issuer_spread(report: Report) -> Spread:
    """Scores per issuer (the gold's ``appeal.issuer``), issuers in name order."""
    by: dict[str, list[CaseScore]] = {}
    for c in report.cases:
        by.setdefault(c.issuer or "unknown", []).append(c)
    names = sorted(by)
    return Spread(groups={n: _totals(by[n]) for n in names}, sizes={n: len(by[n]) for n in names})


@dataclass
class Comparison:
    """What changed between a saved report (``kg eval --json``) and this one: F1 per category
    before and after, and per case each miss and false hit that went away or came."""

    before: dict[str, float]
    after: dict[str, float]
    changes: list[dict[str, str]]
    only_before: list[str]
    only_after: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "categories": {
                c: {"before": self.before[c], "after": self.after[c]} for c in CATEGORIES
            },
            "changes": self.changes,
            "cases_only_before": self.only_before,
            "cases_only_after": self.only_after,
        }

    def to_text(self) -> str:
        lines = [f"{'category':<20} {'before':>7} {'after':>7}"]
        for c in CATEGORIES:
            mark = "" if self.before[c] == self.after[c] else (
                "  +" if self.after[c] > self.before[c] else "  -"
            )  # fmt: skip
            lines.append(f"{c:<20} {self.before[c]:7.4f} {self.after[c]:7.4f}{mark}")
        for ch in self.changes:
            what = "miss" if ch["kind"] == "miss" else "false hit"
            lines.append(f"{ch['change']:<5} {ch['case']}: {ch['category']} {what}  {ch['item']}")
        if not self.changes:
            lines.append("no miss or false hit changed")
        if self.only_before:
            lines.append("cases in the saved report only: " + ", ".join(self.only_before))
        if self.only_after:
            lines.append("cases not in the saved report: " + ", ".join(self.only_after))
        return "\n".join(lines)


def load_report(path: str | Path) -> dict[str, Any]:
    """A report saved by ``kg eval --json``; a clear error names the file if it is not one."""
    p = Path(path)
    text = _read_text(p, "JSON file", "--against: ")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"--against: {p}:{exc.lineno}: not JSON; save it with kg eval --json"
        ) from None
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("categories"), dict)
        or not isinstance(data.get("cases"), dict)
        or any(c not in data["categories"] for c in CATEGORIES)
    ):
        raise InputError(f"--against: {p}: not a report of kg eval --json (no categories or cases)")
    return data


def compare_reports(saved: dict[str, Any], report: Report) -> Comparison:
    """Set ``report`` beside a saved one: over the cases both scored, every miss and false hit
    that is gone ("fixed") or new, case by case, in the order of :data:`CATEGORIES`."""
    now = report.to_dict()
    changes = []
    for case in sorted(set(saved["cases"]) & set(now["cases"])):
        for cat in CATEGORIES:
            old = saved["cases"][case].get(cat) or {}
            new = now["cases"][case].get(cat) or {}
            for kind, key in (("miss", "misses"), ("false_hit", "false_hits")):
                was, is_ = old.get(key) or [], new.get(key) or []
                for item in sorted(set(was) - set(is_)):
                    changes.append({"case": case, "category": cat, "kind": kind,
                                    "change": "fixed", "item": item})  # fmt: skip
                for item in sorted(set(is_) - set(was)):
                    changes.append({"case": case, "category": cat, "kind": kind,
                                    "change": "new", "item": item})  # fmt: skip
    return Comparison(
        before={c: float(saved["categories"][c].get("f1", 0.0)) for c in CATEGORIES},
        after={c: now["categories"][c]["f1"] for c in CATEGORIES},
        changes=changes,
        only_before=sorted(set(saved["cases"]) - set(now["cases"])),
        only_after=sorted(set(now["cases"]) - set(saved["cases"])),
    )
