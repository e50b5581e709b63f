"""bench/bench_queries.py: a question's runs collected from its child process, and its timeout."""

from __future__ import annotations

import queue
import threading
from pathlib import Path
from typing import Any

import pytest
from loadscript import load_script

bench_queries = load_script("bench/bench_queries.py")  # puts bench/ on sys.path itself


class _Child:
    """Stands for the child process: sends ``runs`` runs ``gap`` seconds apart, then its values
    (unless ``hangs``: then it never ends, as a question past its timeout)."""

    def __init__(self, runs: int, gap: float, hangs: bool = False) -> None:
        self.out: queue.Queue = queue.Queue()
        self.killed = False
        self._stop = threading.Event()

        def send() -> None:
            for i in range(runs):
                if self._stop.wait(gap):
                    return
                self.out.put(("run", 0.010 * (i + 1), 0.002 * (i + 1), 0.030, 7))
            if not hangs:
                self.out.put(("done", {"appeal": ["a"]}, {"appeal": "a"}))
            else:
                self._stop.wait()

        self._thread = threading.Thread(target=send, daemon=True)
        self._thread.start()

    def is_alive(self) -> bool:
        return self._thread.is_alive()

    def kill(self) -> None:
        self.killed = True
        self._stop.set()

    def join(self) -> None:
        self._thread.join()


def _collect(child: _Child, repeats: int, timeout: float, **kw: Any) -> dict[str, Any]:
    return bench_queries.collect_runs(child.out, child, repeats, timeout, **kw)


def test_every_run_collected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bench_queries, "TIMEOUT_PER_RUN", False)
    child = _Child(3, 0.0)
    figures = _collect(child, 3, 30)
    assert figures["runs"] == 3 and figures["rows"] == 7 and not child.killed
    assert figures["p50_ms"] == 20.0 and figures["cpu_p50_ms"] == 4.0
    assert figures["seen"] == {"appeal": ["a"]} and "stopped_run" not in figures


def test_remote_runs_keep_the_servers_cpu(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bench_queries, "TIMEOUT_PER_RUN", False)
    figures = _collect(_Child(3, 0.0), 3, 30, remote=True)
    assert figures["server_cpu_p50_ms"] == 30.0 and "cpu_p50_ms" not in figures


def test_timeout_for_all_runs_stops_the_slow_question(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ten runs 0.2 s apart take 2 s: a timeout of 1 s for all of them stops the child and
    keeps the runs that ended; none ended is "timed_out"."""
    monkeypatch.setattr(bench_queries, "TIMEOUT_PER_RUN", False)
    child = _Child(10, 0.2)
    figures = _collect(child, 10, 1.0)
    assert child.killed and figures["stopped_run"] is True
    assert 1 <= figures["runs"] < 10 and "timeout_per_run" not in figures
    child = _Child(1, 5.0)
    assert _collect(child, 1, 0.2) == {"timed_out": True, "timeout_seconds": 0.2}


def test_timeout_per_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """With --timeout-per-run the same ten runs, each well within 1 s, all end; a run that
    never ends is stopped and the runs before it kept."""
    monkeypatch.setattr(bench_queries, "TIMEOUT_PER_RUN", True)
    child = _Child(10, 0.2)
    figures = _collect(child, 10, 1.0)
    assert figures["runs"] == 10 and not child.killed and "stopped_run" not in figures
    child = _Child(2, 0.0, hangs=True)
    figures = _collect(child, 3, 0.5)
    assert child.killed and figures["runs"] == 2 and figures["stopped_run"] is True
    assert figures["timeout_per_run"] is True


def test_a_given_dump_is_linked_into_the_servers_folder_and_left_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--virtuoso-nquads: the loader reads the given dump through a link in the server's
    folder, no dump is made, and the link, not the file, is removed after the load."""
    given = tmp_path / "made-before.nq"
    given.write_text("<urn:s> <urn:p> <urn:o> <urn:g> .\n", encoding="utf-8")
    folder = tmp_path / "virtuoso"
    folder.mkdir()
    seen: list[tuple[Path, str]] = []

    def load(nquads: Path, port: str, pid: int | None) -> dict[str, Any]:
        seen.append((nquads, nquads.read_text(encoding="utf-8")))
        return {"quads_loaded": 1}

    def no_dump(public: Path, path: Path) -> dict[str, Any]:
        raise AssertionError("dumped again")

    monkeypatch.setattr(bench_queries, "load_nquads_virtuoso", load)
    monkeypatch.setattr(bench_queries, "dump_nquads", no_dump)
    got = bench_queries.bulk_load_virtuoso(tmp_path / "public", folder, "1111", None, given)
    assert seen == [(folder / "public.nq", given.read_text(encoding="utf-8"))]
    assert got["quads_loaded"] == 1 and got["nquads_bytes"] == given.stat().st_size
    assert given.is_file() and not (folder / "public.nq").exists()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--virtuoso-nquads", "no-such.nq", "--virtuoso-load", "bulk"], "no such file"),
        (["--virtuoso-nquads", "GIVEN"], "needs --virtuoso-load bulk"),
    ],
)
def test_a_wrong_dump_argument_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    given = tmp_path / "made-before.nq"
    given.write_text("", encoding="utf-8")
    argv = ["--store", str(tmp_path)] + [str(given) if a == "GIVEN" else a for a in extra]
    with pytest.raises(SystemExit) as stopped:
        bench_queries.main(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
