"""Crash safety, proven by killing: SIGKILL at random points leaves the old state or the new.

Each scenario starts from the same prepared folder (data/, a built store, dist/), runs one
command as a subprocess, kills it with SIGKILL after a random delay, and checks that the store
(full and public), data/, dist/ and the extraction folder are each exactly their state before
the command or after a complete run (the extraction folder may also hold the new appeal text
beside the old record: the text is written first, so a record never lacks it; and where there
was no folder, it may be there empty: it is made before the files written into it). States are
compared as canonical N-Quads (blank nodes normalised, Oxigraph's canonicalisation) for stores
and RDF files, and as file hashes for the rest; the temporary files of killed writers are not
part of a state. Every few kills the command is run again to the end (after the last kill in the
default run, after every second one in the slow run), and then no temporary folder or file may
be left.

``make test`` kills each command a few times (``KILLS_FAST``); the slow run (``make test-slow``)
kills ``KG_KILLS`` times in all (default 125, 25 per command).
"""

from __future__ import annotations

import gc
import hashlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.store import Store, public_store_path

ROOT = Path(__file__).resolve().parent.parent
KILLS_FAST = 3  # per command, in the default run
KILLS_SLOW = int(os.environ.get("KG_KILLS", "125"))
SEED = "seed-dauletbayev-2017"
TEMP_MARKS = (".new-", ".link-", ".tmp-")


def kg(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg.cli", *args]


# --- states -----------------------------------------------------------------------------------


def canonical(quads: object) -> str:
    ds = ox.Dataset(quads)  # type: ignore[arg-type]
    ds.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return hashlib.sha256("\n".join(sorted(str(q) for q in ds)).encode()).hexdigest()


def store_state(path: Path) -> str:
    """The full and the public store behind ``path``, canonical; 'missing' if there is none."""
    if not path.exists():
        return "missing"
    full = Store.open(path)
    public = Store.open(public_store_path(path))
    state = "|".join(
        canonical(s.oxigraph.quads_for_pattern(None, None, None, None)) for s in (full, public)
    )
    del full, public
    gc.collect()
    return state


def is_temp(name: str) -> bool:
    return name.startswith(".") and any(mark in name for mark in TEMP_MARKS)


def folder_state(path: Path, rdf: bool = False) -> str:
    """Visible files and their content (RDF files canonical when ``rdf``); temporaries of
    killed writers are left out."""
    if not path.exists():
        return "missing"
    parts = []
    for f in sorted(path.rglob("*")):
        rel = f.relative_to(path)
        if f.is_dir() or any(is_temp(p) for p in rel.parts) or ".lock" in rel.parts:
            continue
        if f.suffix == ".yaml":
            # An extracted record says when it was made; the rest must match.
            text = re.sub(r"(?m)^  time: .*$", "  time: -", f.read_text(encoding="utf-8"))
            digest = hashlib.sha256(text.encode()).hexdigest()
        elif rdf and f.suffix in (".trig", ".ttl"):
            fmt = ox.RdfFormat.TRIG if f.suffix == ".trig" else ox.RdfFormat.TURTLE
            digest = canonical(ox.parse(path=str(f), format=fmt))
        else:
            digest = hashlib.sha256(f.read_bytes()).hexdigest()
        parts.append(f"{rel}={digest}")
    return "\n".join(parts)


def state(root: Path) -> dict[str, str]:
    return {
        "store": store_state(root / "store"),
        "data": folder_state(root / "data"),
        "dist": folder_state(root / "dist", rdf=True),
        "ext": folder_state(root / "ext"),
    }


def temporaries(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if is_temp(p.name)]


# --- scenarios ----------------------------------------------------------------------------------


@dataclass
class Scenario:
    name: str
    args: list[str]
    # Which of the pairs (component, old-or-new) may be seen together; None: any combination.
    allowed: Callable[[dict[str, str]], bool] | None = None
    # Documented states between old and new, per component: f(old, new) -> those states.
    between: dict[str, Callable[[str, str], list[str]]] | None = None


def scenarios(root: Path) -> list[Scenario]:
    store, data = str(root / "store"), str(root / "data")
    return [
        Scenario("build", kg("build", "--store", store, "--data", data)),
        Scenario(
            "extract",
            kg("extract", str(root / "data" / "appeals" / f"{SEED}.txt"), "-o", str(root / "ext")),
            # The appeal text is written before the record that indexes it.
            between={"ext": text_before_record},
        ),
        Scenario(
            "export",
            kg(
                "export", "--store", store, "--format", "trig", "-o", str(root / "dist" / "kg.trig")
            ),
        ),
        Scenario(
            "link-import",
            kg("link-import", str(root / "review.csv"), "--links", str(root / "data" / "links")),
        ),
        Scenario(
            "takedown",
            kg("takedown", "akr:person/p-2a9f31c4", "--store", store, "--data", data),
            # The decision is written before the rebuild: never a new store with old data.
            allowed=lambda seen: not (seen["store"] == "new" and seen["data"] == "old"),
        ),
    ]


def text_before_record(old: str, new: str) -> list[str]:
    """The extraction folder once the new text is written and the record is not yet, and,
    where there was none, once it is made and nothing is written into it yet (an empty
    folder's state is "")."""
    lines = [line for line in new.splitlines() if line.split("=", 1)[0].endswith(".txt")]
    before = [] if old == "missing" else old.splitlines()
    names = {line.split("=", 1)[0] for line in lines}
    text = "\n".join(sorted(lines + [x for x in before if x.split("=", 1)[0] not in names]))
    return [text, ""] if old == "missing" else [text]


def prepare(root: Path) -> None:
    """data/ (the seed, one label edited after the build), a store built before the edit,
    dist/ holding an export of the reference graph only, a review file to import."""
    data = root / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("pseudonym.key"))
    for f in list((data / "links").glob("*.csv")):
        if f.name not in ("seed.csv",):
            f.unlink()
    subprocess.run(kg("build", "--store", str(root / "store"), "--data", str(data)), check=True)
    subprocess.run(
        kg(
            "export",
            "--store",
            str(root / "store"),
            "--format",
            "trig",
            "--graph",
            "https://w3id.org/appeals-kg/graph/reference",
            "-o",
            str(root / "dist" / "kg.trig"),
        ),
        check=True,
        capture_output=True,
    )
    record = data / "cases" / f"{SEED}.yaml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("label: Criminal case", "label: The criminal case"), "utf-8")
    (root / "review.csv").write_text(
        "subject,target,relation,method,score,decided_by,decided_on,status,note,"
        "target_label,target_description\n"
        "akr:org/o-ffffffff,wd:Q1,exactMatch,manual,1.0,tester,2026-11-25,accepted,,,\n",
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("kill") / "template"
    root.mkdir()
    prepare(root)
    return root


def _copy(template: Path, dest: Path) -> Path:
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(template, dest, symlinks=True)
    return dest


def _finish(cmd: list[str]) -> float:
    started = time.monotonic()
    done = subprocess.run(cmd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return time.monotonic() - started


def kill_many(
    template: Path, work: Path, per_command: int, seed: int, rerun_every: int
) -> Counter[str]:
    """Kill each command ``per_command`` times, run it to the end after every ``rerun_every``-th
    kill and after the last; return what was seen (for the record)."""
    rng = random.Random(seed)
    seen: Counter[str] = Counter()
    old = state(template)
    for scenario in scenarios(template):
        # The new state: one complete run in a copy.
        root = _copy(template, work)
        args = [a.replace(str(template), str(root)) for a in scenario.args]
        duration = _finish(args)
        new = state(root)
        changed = [k for k in old if old[k] != new[k]]
        assert changed, f"{scenario.name} changes nothing; the kills would prove nothing"
        for n in range(per_command):
            root = _copy(template, work)
            proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # Most of a run is start-up; aim at its whole length and a little past it.
            time.sleep(rng.uniform(0.2, 1.1) * duration)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            now = state(root)
            labels = {}
            for key in old:
                middle = (scenario.between or {}).get(key)
                if (
                    middle is not None
                    and now[key] != old[key]
                    and now[key] in middle(old[key], new[key])
                ):
                    labels[key] = "between"
                    continue
                assert now[key] in (old[key], new[key]), (
                    f"{scenario.name}, kill {n}: {key} is neither the old nor the new state"
                )
                labels[key] = "new" if now[key] == new[key] and key in changed else "old"
            if scenario.allowed is not None:
                assert scenario.allowed(labels), f"{scenario.name}, kill {n}: {labels}"
            seen[f"{scenario.name}:" + ",".join(f"{k}={labels[k]}" for k in changed)] += 1
            if (n + 1) % rerun_every == 0 or n == per_command - 1:
                # The next run completes and leaves no temporary behind.
                _finish(args)
                assert state(root) == new
                assert temporaries(root) == [], f"{scenario.name}: {temporaries(root)}"
    return seen


def test_killed_commands_leave_the_old_or_the_new_state(template: Path, tmp_path: Path) -> None:
    seen = kill_many(template, tmp_path / "work", KILLS_FAST, seed=8, rerun_every=KILLS_FAST)
    assert sum(seen.values()) == KILLS_FAST * len(scenarios(template))
    print(dict(seen))


@pytest.mark.slow
def test_many_kills(template: Path, tmp_path: Path) -> None:
    per_command = max(1, KILLS_SLOW // len(scenarios(template)))
    seen = kill_many(template, tmp_path / "work", per_command, seed=int(time.time()), rerun_every=2)
    print(f"{sum(seen.values())} kills:", dict(seen))
    # Kills landed both before and after the commit point of the commands that change a store.
    assert any(k.startswith("build:") and "=old" in k for k in seen)
    assert any(k.startswith("build:") and "=new" in k for k in seen)
