"""Audit the pinned dependencies (``constraints.txt``) for known vulnerabilities, offline.

Why offline: pip-audit needs either the OSV API (not reachable from the project's machines and
CI, which reach only the package registries) or PyPI's per-release JSON
(``/pypi/NAME/VERSION/json``), which the registry mirror answers with 404, so that pip-audit
skips every package and reports "No known vulnerabilities found" (with ``--strict`` it fails on
every package instead). Neither can gate CI. This script checks every ``name==version`` pin
against the vulnerability database that ships inside the ``safety-db`` package on PyPI (pinned in
``constraints.txt``) and exits 1 when a pin falls in a vulnerable range. The database is frozen
at its release date, printed on every run: newer advisories are not in it (see SECURITY.md).

    python tools/audit_deps.py [REQUIREMENTS ...]     # default: constraints.txt

Exit codes: 0 no known vulnerability, 1 vulnerable pins found, 2 could not run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*==\s*([^\s;#]+)")


@dataclass(frozen=True)
class Finding:
    """One pinned package version inside one advisory's vulnerable range."""

    name: str
    version: str
    advisory_id: str
    cve: str
    summary: str


def normalise(name: str) -> str:
    """PEP 503 name: lower case, runs of ``-_.`` as one ``-``."""
    return re.sub(r"[-_.]+", "-", name).lower()


def read_pins(path: Path) -> dict[str, str]:
    """``name==version`` lines of a requirements or constraints file (others are ignored)."""
    pins: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = PIN.match(line)
        if m:
            pins[normalise(m.group(1))] = m.group(2)
    return pins


def database_folder() -> Path:
    """The data folder of the installed ``safety-db`` package (its ``__init__`` is not
    importable from another working directory, so it is located, not imported)."""
    spec = importlib.util.find_spec("safety_db")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(
            "Error: the safety-db package is not installed; run 'make test' (it installs the "
            "pinned test dependencies) or pip install -c constraints.txt safety-db"
        )
    return Path(list(spec.submodule_search_locations)[0])


def load_database(folder: Path) -> tuple[dict[str, list[dict[str, object]]], dt.date]:
    """Advisories by normalised package name, and the date the database was frozen."""
    full = json.loads((folder / "insecure_full.json").read_text(encoding="utf-8"))
    meta = full.pop("$meta", {}) or {}
    if not meta:
        meta = json.loads((folder / "insecure.json").read_text(encoding="utf-8")).get("$meta", {})
    stamp = dt.datetime.fromtimestamp(int(meta.get("timestamp", 0)), dt.UTC).date()
    return {normalise(k): v for k, v in full.items()}, stamp


def audit(pins: dict[str, str], database: dict[str, list[dict[str, object]]]) -> list[Finding]:
    """Every (pin, advisory) where the pinned version is in the advisory's ranges."""
    found = []
    for name, raw_version in sorted(pins.items()):
        try:
            version = Version(raw_version)
        except InvalidVersion:
            continue
        for adv in database.get(name, []):
            specs = adv.get("specs") or [adv.get("v", "")]
            if any(_in_range(version, str(spec)) for spec in specs):  # type: ignore[union-attr]
                summary = " ".join(str(adv.get("advisory", "")).split())
                found.append(
                    Finding(
                        name,
                        raw_version,
                        str(adv.get("id", "")),
                        str(adv.get("cve") or ""),
                        summary[:160],
                    )
                )
    return found


def _in_range(version: Version, spec: str) -> bool:
    try:
        return SpecifierSet(spec, prereleases=True).contains(version, prereleases=True)
    except InvalidSpecifier:
        return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=[ROOT / "constraints.txt"])
    args = parser.parse_args(argv)
    folder = database_folder()
    database, stamp = load_database(folder)
    status = 0
    for path in args.files:
        if not path.is_file():
            print(f"Error: {path}: no such requirements file", file=sys.stderr)
            return 2
        pins = read_pins(path)
        findings = audit(pins, database)
        for f in findings:
            cve = f" {f.cve}" if f.cve else ""
            print(f"{path.name}: {f.name}=={f.version}: {f.advisory_id}{cve}: {f.summary}")
        print(
            f"{path.name}: {len(pins)} pinned packages checked against safety-db "
            f"({len(database)} packages, advisories up to {stamp.isoformat()}): "
            f"{len(findings)} known vulnerabilit{'y' if len(findings) == 1 else 'ies'}",
            file=sys.stderr,
        )
        if findings:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
