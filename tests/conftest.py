"""Shared fixtures: a CLI runner that keeps stdout and stderr apart, the dataset, copies of it."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner, Result

from mrt_guide.cli import app
from mrt_guide.dataset import load as loader
from mrt_guide.dataset.index import Dataset

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"

# Hypothesis: "ci" (the default, what the README's test command and CI run) replays the
# same examples every run, so a failure reproduces; "dev" (HYPOTHESIS_PROFILE=dev) tries
# new ones each run, a tenth as many, for a quick check while working.
settings.register_profile(
    "ci", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.register_profile("dev", parent=settings.get_profile("ci"), derandomize=False)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
settings.load_profile(PROFILE)


def examples(ci: int) -> int:
    """How many examples a property test runs: ``ci`` under the ci profile, a tenth under dev."""
    return ci if PROFILE == "ci" else max(5, ci // 10)


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test gets its own validation cache, its own user folder and a plain environment."""
    monkeypatch.setenv("MRT_GUIDE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("MRT_GUIDE_HOME", str(tmp_path_factory.mktemp("home") / "mrt-guide"))
    for var in ("MRT_GUIDE_DATA", "NO_COLOR", "FORCE_COLOR", "MRT_GUIDE_DEBUG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_CTYPE", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("TERM", "xterm-256color")
    loader._loaded.clear()
    yield
    loader._loaded.clear()


Invoke = Callable[..., Result]


@pytest.fixture
def cli() -> Invoke:
    """Run ``mrt-guide ARGS``; the result has ``stdout``, ``stderr`` and ``exit_code`` apart."""
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> Result:
        return runner.invoke(app, list(args), env=env, input=input, prog_name="mrt-guide")

    return invoke


@pytest.fixture
def cli_json(cli: Invoke) -> Callable[..., Any]:
    """Run a command with ``--json``, check it succeeded quietly, return the parsed output."""

    def run(*args: str) -> Any:
        result = cli(*args, "--json")
        assert result.exit_code == 0, result.stderr
        assert result.stderr == ""
        return json.loads(result.stdout)

    return run


@pytest.fixture
def ce(cli: Invoke) -> Callable[..., Result]:
    """Run ``mrt-guide ce ARGS`` (``input`` on stdin, ``home`` as MRT_GUIDE_HOME); fail on a
    non-zero status; the result."""

    def run(*args: str, input: str | None = None, home: Path | None = None) -> Result:
        env = None if home is None else {"MRT_GUIDE_HOME": str(home)}
        result = cli("ce", *args, env=env, input=input)
        assert result.exit_code == 0, (args, result.stderr)
        return result

    return run


def error(result: Any, status: int, *needles: str) -> str:
    """One line on stderr, nothing on stdout, the status; the line."""
    assert result.exit_code == status, (result.exit_code, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return str(lines[0])


@pytest.fixture(scope="session")
def guide() -> Dataset:
    """The bundled dataset, as the queries see it (validated afresh with the models)."""
    sections, index, faults = loader.check_dir(DATA)
    assert not faults, [f.line() for f in faults]
    return Dataset(sections, index, DATA, bundled=True)


@pytest.fixture
def data_copy(tmp_path: Path) -> Callable[..., Path]:
    """A copy of data/ in a temporary folder; ``edit(file, fn)`` changes one file's JSON."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)

    def edit(name: str | None = None, change: Callable[[Any], Any] | None = None) -> Path:
        if name is not None and change is not None:
            path = target / name
            doc = json.loads(path.read_text("utf-8"))
            doc = change(doc) or doc
            path.write_text(json.dumps(doc, indent=2), "utf-8")
        return target

    return edit
