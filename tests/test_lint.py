"""ruff holds the code to one style and mypy its types; the test suite runs both so CI does too."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO


@pytest.mark.parametrize("args", [["check", "."], ["format", "--check", "."]])
def test_ruff(args: list[str]) -> None:
    beside = Path(sys.executable).with_name("ruff")  # the venv's own, even when it is not on PATH
    ruff = str(beside) if beside.exists() else shutil.which("ruff")
    if ruff is None:
        pytest.fail("ruff is missing: install the test extras (pip install -e '.[test]')")
    result = subprocess.run([ruff, *args], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict() -> None:
    """Types hold: mypy in strict mode (pyproject.toml [tool.mypy]) over mrt_guide/."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary"], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_checks_the_keys_a_view_reads(tmp_path: Path) -> None:
    """A view reading a key its command's record does not have is a type error (the records
    are `mrt_guide/records.py` TypedDicts, generated from the contract): here a misspelt key
    in a facts view and a query that leaves a key out."""
    probe = tmp_path / "probe.py"
    probe.write_text(
        "from mrt_guide.records import FactsOut, StepsOut\n"
        "def build(data: FactsOut) -> object:\n"
        "    return data['median_anual']\n"
        "def steps() -> StepsOut:\n"
        "    return {'stepz': []}\n"
    )
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", str(probe)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1, done.stdout
    assert '"FactsOut" has no key "median_anual"' in done.stdout
    assert 'Missing key "steps" for TypedDict "StepsOut"' in done.stdout
