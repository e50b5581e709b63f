"""tests/loadscript.py: a script under tools/ or bench/ loaded once per test process, under its
own name in ``sys.modules``."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from loadscript import load_script


@pytest.fixture()
def script(tmp_path: Path) -> Iterator[Path]:
    """A made-up script whose name no other test uses; its module is forgotten afterwards."""
    name = f"made_up_{tmp_path.name}"
    path = tmp_path / f"{name}.py"
    path.write_text("import itertools\n\nRUNS = itertools.count()\nFIRST = next(RUNS)\n")
    yield path
    sys.modules.pop(name, None)


def test_a_script_is_run_once_and_registered_under_its_stem(script: Path) -> None:
    first = load_script(str(script))
    assert load_script(str(script)) is first
    assert sys.modules[script.stem] is first
    assert next(first.RUNS) == 1  # the module body ran once: FIRST took 0


def test_a_project_script_loads_by_its_path_in_the_repository() -> None:
    tool = load_script("tools/test_costs.py", "test_costs_tool")
    assert sys.modules["test_costs_tool"] is tool
    assert tool.__file__.endswith("test_costs.py") and callable(tool.file_costs)
    assert load_script("tools/test_costs.py", "test_costs_tool") is tool


def test_a_script_a_sibling_imported_by_name_is_that_module(
    script: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(script.parent))
    imported = importlib.import_module(script.stem)
    assert load_script(str(script)) is imported


def test_a_name_another_module_holds_is_refused(script: Path) -> None:
    # tests/test_costs.py is imported as test_costs: tools/test_costs.py needs another name
    with pytest.raises(ValueError, match="module name 'json' is .*json"):
        load_script(str(script), "json")
    assert sys.modules["json"].__name__ == "json"


def test_a_missing_script_is_named(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no script at tools/no_such_tool.py"):
        load_script("tools/no_such_tool.py")


def test_a_script_that_fails_is_not_left_half_loaded(script: Path) -> None:
    good = script.read_text()
    script.write_text(good + "raise RuntimeError('broken on purpose')\n")
    with pytest.raises(RuntimeError, match="broken on purpose"):
        load_script(str(script))
    assert script.stem not in sys.modules
    script.write_text(good)
    assert load_script(str(script)).FIRST == 0  # loaded anew once mended
