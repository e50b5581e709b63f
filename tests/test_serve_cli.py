"""``kg serve`` mistakes: one ``Error:`` line, exit 2, no traceback, nothing served."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.store.build import build


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "store"
    build(path)
    return path


def _serve(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["serve", *args])
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--port", "99999"], "--port"),
        (["--port", "-1"], "--port"),
        (["--workers", "0"], "--workers"),
        (["--timeout", "0"], "--timeout"),
        (["--max-slow", "9"], "--max-slow"),
        (["--max-result-bytes", "10"], "--max-result-bytes"),
        (["--allow-update"], "--update-token"),
        (["--allow-update", "--update-token", "t", "--host", "0.0.0.0"], "loopback"),
        (["--backlog", "0"], "--backlog"),
        (["--include-restricted", "--host", "0.0.0.0"], "loopback"),
        (["--include-restricted", "--host", "::"], "loopback"),
    ],
)
def test_bad_options_are_one_line(store: Path, args: list[str], says: str) -> None:
    code, output = _serve("--store", str(store), "--quiet", *args)
    assert code == 2, output
    errors = [line for line in output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and says in errors[0], output
    assert "Traceback" not in output


def test_port_in_use_is_one_line(store: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        code, output = _serve("--store", str(store), "--quiet", "--port", str(port))
    assert code == 2
    assert f"Error: cannot listen on 127.0.0.1:{port}" in output
    assert "Traceback" not in output


def test_missing_store_is_one_line(tmp_path: Path) -> None:
    code, output = _serve("--store", str(tmp_path / "nothing"))
    assert code == 2 and "Error:" in output and "Traceback" not in output
