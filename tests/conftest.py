"""Shared fixtures: the project's paths, a store built once from data/, and --update-golden."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SEED_DEFENDER = "https://w3id.org/appeals-kg/id/person/p-2a9f31c4"


def file_costs(path: Path = ROOT / "tests" / "costs.txt") -> dict[str, float]:
    """Seconds per test file as ``tools/test_costs.py`` recorded them (path relative to the
    repository); no table, no costs."""
    costs: dict[str, float] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                seconds, _, name = line.partition(" ")
                costs[name] = float(seconds)
    return costs


def order_by_cost(items: list[pytest.Item], costs: dict[str, float]) -> None:
    """Test files longest first (their tests in the order collected), so that the last files
    pytest-xdist deals (``--dist loadfile --no-loadscope-reorder``) are short ones and neither
    test process runs a long file alone at the end. A file not in the table counts as the
    median file."""
    if not costs:
        return
    known = sorted(costs.values())
    median = known[len(known) // 2]

    def cost(item: pytest.Item) -> float:
        path = Path(item.path)
        name = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
        return costs.get(name, median)

    items.sort(key=lambda item: -cost(item))  # stable: ties keep the order collected


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Files longest first (:func:`order_by_cost`). The Virtuoso round trip (a server, the
    corpus pushed) runs in CI and when asked for (``make test-virtuoso``, or ``-m virtuoso``);
    elsewhere it is skipped with that reason."""
    import os

    order_by_cost(items, file_costs())
    if os.environ.get("CI") == "true" or "virtuoso" in (config.getoption("-m") or ""):
        return
    skip = pytest.mark.skip(reason="Virtuoso round trip: runs with CI=true or make test-virtuoso")
    for item in items:
        if "virtuoso" in item.keywords:
            item.add_marker(skip)


def pytest_configure(config: pytest.Config) -> None:
    """rdflib's SPARQL queries given as text are prepared once per process (pySHACL, the
    reference of the shape tests, parses each constraint again per focus node otherwise; see
    tests/preparedsparql.py).

    A build from data/ makes data/pseudonym.key when it is missing (a fresh clone). Test
    processes (pytest-xdist) that built at once would each make one and keep different keys:
    the main process makes it first, before any test process starts."""
    import preparedsparql

    preparedsparql.install()
    if hasattr(config, "workerinput"):
        return
    from kg.store.public import pseudonym_key
    from kg.vocab import DATA_DIR

    pseudonym_key(DATA_DIR)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite expected files (tests/cq/*.csv, tests/golden/*) from current outputs.",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory):
    """The project's data built once into a temporary store (read-only use)."""
    from kg.store import Store
    from kg.store.build import build

    path = tmp_path_factory.mktemp("built") / "store"
    build(path)
    return Store.open(path)


@pytest.fixture(scope="session")
def seed_built(tmp_path_factory: pytest.TempPathFactory):
    """data/ (without its pseudonym key: the build makes one) built once per test process;
    ``seed_built.copy()`` gives a fresh writable (data, store) pair for a test that changes
    them (a takedown, a rebuild), instead of a build of its own."""
    from builtonce import BuiltOnce

    source = tmp_path_factory.mktemp("seed-data") / "data"
    shutil.copytree(ROOT / "data", source, ignore=shutil.ignore_patterns("pseudonym.key"))
    return BuiltOnce(tmp_path_factory.mktemp("seed-built"), source)


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/, for tests that break or add records."""
    dest = tmp_path / "data"
    shutil.copytree(ROOT / "data", dest)
    return dest


@pytest.fixture()
def rules_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Extraction with the learned event step off: a test of what the rules decide in a
    sentence the step may still read (the step's own tests: tests/test_extract_eventmodel.py)."""
    from kg.extract import pipeline

    monkeypatch.setattr(pipeline, "add_learned_events", lambda doc, dates, events, *a, **k: events)
