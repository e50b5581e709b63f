"""The dependency audit (tools/audit_deps.py) fails on a known-vulnerable pin and passes ours."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AUDIT = ROOT / "tools" / "audit_deps.py"


def _audit(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(AUDIT), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_known_vulnerable_pin_fails_the_audit(tmp_path: Path) -> None:
    planted = tmp_path / "requirements.txt"
    # PyYAML 5.3 runs code from untrusted YAML (CVE-2020-1747, CVE-2020-14343)
    planted.write_text("rdflib==7.6.0\nPyYAML==5.3  # planted\nclick[extra]==8.5.1\n")
    result = _audit(planted)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert any("pyyaml==5.3" in line and "CVE-2020-14343" in line for line in lines), lines
    assert all("rdflib" not in line and "click" not in line for line in lines), lines
    assert "3 pinned packages checked" in result.stderr


def test_a_fixed_version_passes(tmp_path: Path) -> None:
    fixed = tmp_path / "requirements.txt"
    fixed.write_text("PyYAML==5.4\n")
    result = _audit(fixed)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_the_pinned_set_has_no_known_vulnerability() -> None:
    result = _audit(ROOT / "constraints.txt")
    assert result.returncode == 0, result.stdout
    assert "0 known vulnerabilities" in result.stderr
    assert "advisories up to" in result.stderr


def test_a_missing_file_is_one_line(tmp_path: Path) -> None:
    result = _audit(tmp_path / "none.txt")
    assert result.returncode == 2
    assert result.stderr.strip().startswith("Error: ") and "none.txt" in result.stderr
