"""bench/runinfo.py's process helpers, which the benchmarks that sample memory share: a
process's descendants and a field of its /proc files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from runinfo import proc_kb, process_tree  # noqa: E402

pytestmark = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="Linux /proc")

# A child that starts a grandchild holding 48 MB, and both wait.
PARENT = (
    "import subprocess, sys, time; "
    "g = subprocess.Popen([sys.executable, '-c', "
    "\"import time; b = bytearray(48 << 20); print('ready', flush=True); time.sleep(30)\"], "
    "stdout=subprocess.PIPE, text=True); "
    "print(g.pid, flush=True); g.stdout.readline(); print('ready', flush=True); time.sleep(30)"
)


def test_a_process_tree_holds_the_children_of_children_and_their_memory() -> None:
    child = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True)
    grandchild = 0
    try:
        assert child.stdout is not None
        grandchild = int(child.stdout.readline())
        assert child.stdout.readline().strip() == "ready"
        tree = process_tree(child.pid)
        assert tree[0] == child.pid and grandchild in tree
        assert os.getpid() not in tree  # the tree goes down, not up
        assert proc_kb(grandchild, "VmRSS") > 48 << 10  # kB
        assert proc_kb(grandchild, "Pss", "smaps_rollup") > 40 << 10
        assert proc_kb(grandchild, "NoSuchField") == 0
    finally:
        child.kill()
        child.wait()
        if grandchild:
            os.kill(grandchild, signal.SIGKILL)
    time.sleep(0.2)
    assert proc_kb(child.pid, "VmRSS") == 0  # gone: nothing, no error
    assert process_tree(child.pid) == [child.pid]
