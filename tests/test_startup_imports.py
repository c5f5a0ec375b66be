"""Import discipline: the fast paths load neither Rich nor pydantic, and the dataset is read once.

Each case runs the CLI in a fresh interpreter and reports which modules it left in
sys.modules. Typer itself is always there; everything else must earn its place.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPORT = """
import atexit, json, sys
OUT = sys.argv.pop(1)
def report():
    with open(OUT, "w") as fh:
        json.dump(sorted(sys.modules), fh)
atexit.register(report)
from mrt_guide.cli import main
sys.argv[0] = "mrt-guide"
main()
"""


def modules_after(args: list[str], tmp_path: Path, env: dict[str, str] | None = None) -> set[str]:
    out = tmp_path / "modules.json"
    full = {**os.environ, "MRT_GUIDE_CACHE_DIR": str(tmp_path / "cache"), **(env or {})}
    full.pop("MRT_GUIDE_DATA", None)
    # warm the validation stamp, as any earlier run would have
    subprocess.run(
        [sys.executable, "-m", "mrt_guide", "steps", "--json"], env=full, capture_output=True, check=True
    )
    result = subprocess.run(
        [sys.executable, "-c", REPORT, str(out), *args], env=full, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return {name.split(".")[0] for name in json.loads(out.read_text())} | set(json.loads(out.read_text()))


COMPLETION = {"_MRT_GUIDE_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "mrt-guide certs CC"}


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--version"], None),
        ([], COMPLETION),
        (["salary", "--json"], None),
        (["plan", "--education", "associate", "--goal", "coding", "--json"], None),
    ],
    ids=["version", "completion", "salary-json", "plan-json"],
)
def test_fast_paths_leave_rich_and_pydantic_unloaded(tmp_path: Path, args: list[str], env: Any) -> None:
    loaded = modules_after(args, tmp_path, env)
    assert "typer" in loaded
    assert "rich" not in loaded
    assert "pydantic" not in loaded and "pydantic_core" not in loaded
    assert "mrt_guide.dataset.models" not in loaded
    assert not any(
        name.startswith("mrt_guide.views") or name.startswith("mrt_guide.render") for name in loaded
    )


def test_drawing_loads_rich_but_not_the_models(tmp_path: Path) -> None:
    loaded = modules_after(["salary"], tmp_path)
    assert "rich" in loaded and "mrt_guide.render.to_rich" in loaded
    assert "pydantic" not in loaded and "mrt_guide.dataset.models" not in loaded


def test_importing_the_cli_is_light() -> None:
    code = (
        "import sys, mrt_guide.cli; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rich', 'pydantic')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_dataset_is_read_and_validated_at_most_once(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from mrt_guide.dataset import load

    calls = {"read": 0, "validate": 0}
    real_read, real_validate = load.read, load.validate

    def counting_read(*args: Any) -> Any:
        calls["read"] += 1
        return real_read(*args)

    def counting_validate(*args: Any) -> Any:
        calls["validate"] += 1
        return real_validate(*args)

    monkeypatch.setattr(load, "read", counting_read)
    monkeypatch.setattr(load, "validate", counting_validate)
    assert cli("guide", "--json").exit_code == 0  # the guide runs every section's query
    assert calls == {"read": 1, "validate": 1}
    load._loaded.clear()  # a new process, with the dataset remembered as valid
    assert cli("plan", "--education", "associate", "--goal", "privacy").exit_code == 0
    assert calls == {"read": 2, "validate": 1}


def test_an_edited_dataset_is_validated_again(cli: Any, data_copy: Any) -> None:
    directory = data_copy()
    assert cli("--data", str(directory), "salary").exit_code == 0
    pay = directory / "pay.json"
    pay.write_text(pay.read_text("utf-8").replace('"value": 37110', '"value": -1'), "utf-8")
    from mrt_guide.dataset import load

    load._loaded.clear()
    result = cli("--data", str(directory), "salary")
    assert result.exit_code == 1 and "Input should be greater than 0" in result.stderr


def test_the_benchmark_times_every_command() -> None:
    """benchmarks/startup.py must grow with the CLI (it is a script, run by hand, not timed here)."""
    import importlib.util

    from .conftest import REPO

    spec = importlib.util.spec_from_file_location("startup", REPO / "benchmarks" / "startup.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["startup"] = module  # its dataclasses look their module up there
    try:
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        assert module.unbenchmarked(sys.executable) == []
    finally:
        del sys.modules["startup"]
