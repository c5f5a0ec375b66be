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
from typing import Annotated, Any

import pytest
import typer
from typer.testing import CliRunner

from . import registry

REPORT = """
import json, os, sys
OUT = sys.argv.pop(1)
leave = os._exit
def report(status):
    with open(OUT, "w") as fh:
        json.dump(sorted(sys.modules), fh)
    leave(status)
os._exit = report  # the CLI leaves through os._exit, skipping the interpreter's teardown
from mrt_guide.entry import main
sys.argv[0] = "mrt-guide"
main()
"""


def modules_after(args: list[str], tmp_path: Path, env: dict[str, str] | None = None) -> set[str]:
    out = tmp_path / "modules.json"
    full = {**os.environ, "MRT_GUIDE_CACHE_DIR": str(tmp_path / "cache"), **(env or {})}
    full.pop("MRT_GUIDE_DATA", None)
    result = subprocess.run(
        [sys.executable, "-c", REPORT, str(out), *args], env=full, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return {name.split(".")[0] for name in json.loads(out.read_text())} | set(json.loads(out.read_text()))


COMPLETION = {"_MRT_GUIDE_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "mrt-guide certs CC"}


COMPLETION_BASH = {
    "_MRT_GUIDE_COMPLETE": "complete_bash",
    "COMP_WORDS": "mrt-guide ce cycle set ",
    "COMP_CWORD": "4",
}
FAST_PATHS = [
    (["--version"], None),
    ([], COMPLETION),
    ([], {**COMPLETION, "_TYPER_COMPLETE_ARGS": "mrt-guide plan --"}),  # help texts: no Rich to strip them
    ([], COMPLETION_BASH),
    *(([*registry.forms(path)[0], "--json"], None) for path in registry.records_commands()),
]
"""--version, completion, and the --json form of every records command (tests/registry.py)."""


def _case(args: list[str], env: dict[str, str] | None) -> str:
    if env:
        return f"{env['_MRT_GUIDE_COMPLETE']}: {env.get('COMP_WORDS') or env['_TYPER_COMPLETE_ARGS']}<TAB>"
    return " ".join(args)


@pytest.mark.parametrize(("args", "env"), FAST_PATHS, ids=[_case(a, e) for a, e in FAST_PATHS])
def test_fast_paths_leave_rich_and_pydantic_unloaded(tmp_path: Path, args: list[str], env: Any) -> None:
    loaded = modules_after(args, tmp_path, env)
    assert "typer" in loaded
    assert "rich" not in loaded
    assert "pydantic" not in loaded and "pydantic_core" not in loaded
    assert "mrt_guide.dataset.models" not in loaded
    assert "openpyxl" not in loaded and "mrt_guide.oews" not in loaded
    assert not any(
        name.startswith("mrt_guide.views") or name.startswith("mrt_guide.render") for name in loaded
    )
    assert "icalendar" not in loaded
    if "coverage" not in loaded:  # coverage.py keeps its data in SQLite
        assert ("sqlite3" in loaded) == (args[:1] == ["ce"])


def test_imported_figures_cost_no_pydantic_after_the_import(tmp_path: Path) -> None:
    """The import command leaves its checked result in the cache: later commands read it as JSON."""
    from .oews_layout import national_xlsx

    home = {"MRT_GUIDE_HOME": str(tmp_path / "home")}
    env = {**os.environ, "MRT_GUIDE_CACHE_DIR": str(tmp_path / "cache"), **home}
    made = tmp_path / "made"
    made.mkdir()
    subprocess.run(
        [sys.executable, "-m", "mrt_guide", "data", "import-oews", str(national_xlsx(made))],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    loaded = modules_after(["salary", "--json"], tmp_path, home)
    assert "mrt_guide.dataset.imports" in loaded
    assert "pydantic" not in loaded and "openpyxl" not in loaded and "rich" not in loaded


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


GC_REPORT = """
import gc, json, os, sys
OUT = sys.argv.pop(1)
before = gc.get_threshold()
leave = os._exit
def report(status):
    with open(OUT, "w") as fh:
        json.dump({"before": before, "after": gc.get_threshold(), "enabled": gc.isenabled()}, fh)
    leave(status)
os._exit = report
from mrt_guide.entry import main
sys.argv[0] = "mrt-guide"
main()
"""


def test_the_console_script_spaces_out_young_collections_only(tmp_path: Path) -> None:
    """The entry point collects the youngest generation every GC_YOUNG allocations, leaves
    the older generations' thresholds as Python set them, and never turns collection off."""
    from mrt_guide.entry import GC_YOUNG

    out = tmp_path / "gc.json"
    env = {**os.environ, "MRT_GUIDE_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run(
        [sys.executable, "-c", GC_REPORT, str(out), "--version"], env=env, capture_output=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(out.read_text())
    assert seen["before"][0] < GC_YOUNG
    assert seen["after"] == [GC_YOUNG, *seen["before"][1:]]
    assert seen["enabled"] is True


def test_the_benchmark_times_every_command(monkeypatch: pytest.MonkeyPatch) -> None:
    """benchmarks/startup.py must grow with the CLI (it is a script, run by hand, not timed here)."""
    import importlib.util

    from .conftest import REPO

    monkeypatch.syspath_prepend(str(REPO / "benchmarks"))  # as when run: its folder is on the path

    spec = importlib.util.spec_from_file_location("startup", REPO / "benchmarks" / "startup.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["startup"] = module  # its dataclasses look their module up there
    try:
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        assert module.unbenchmarked(sys.executable) == []
    finally:
        del sys.modules["startup"]


def test_typer_behaves_as_typer_after_mrt_guide_ran(cli: Any, tmp_path: Path) -> None:
    """mrt-guide patches nothing in Typer: another app in the same process keeps its checks,
    and its completion still strips Rich markup from help texts, after mrt-guide completed."""
    assert cli("certs", "RHIT", "--json").exit_code == 0
    for shell in ("zsh", "fish"):
        env = {"_MRT_GUIDE_COMPLETE": f"complete_{shell}", "_TYPER_COMPLETE_ARGS": "mrt-guide certs --j"}
        done = cli(env=env | {"_TYPER_COMPLETE_FISH_ACTION": "get-args"})
        assert done.exit_code == 0 and "--json" in done.stdout
    other = typer.Typer()

    @other.command()
    def main(
        src: Annotated[Path, typer.Option(exists=True, dir_okay=False, help="The [bold]source[/bold] file.")],
        name: Annotated[str, typer.Option(parser=str.upper)] = "x",
    ) -> None:
        typer.echo(f"{src} {name}")

    env = {"_OTHER_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "other --s"}
    completed = CliRunner().invoke(other, [], env=env, prog_name="other")
    assert '"--src":"The source file."' in completed.output, completed.output

    missing = CliRunner().invoke(other, ["--src", str(tmp_path / "nope")])
    assert missing.exit_code == 2 and "does not exist" in missing.output
    (tmp_path / "here").write_text("x")
    ok = CliRunner().invoke(other, ["--src", str(tmp_path / "here"), "--name", "abc"])
    assert ok.exit_code == 0 and ok.output.strip().endswith("ABC")
