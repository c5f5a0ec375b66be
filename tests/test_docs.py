"""docs/cli.md and the README's example outputs are generated from the real CLI and kept fresh."""

from __future__ import annotations

import importlib.util
import re

import pytest
from typer.main import get_command

from .conftest import REPO


def _generator():  # docs/ is not a package; load the script as a module
    spec = importlib.util.spec_from_file_location("generate", REPO / "docs" / "generate.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_cli_reference_is_current() -> None:
    gen = _generator()
    assert (REPO / "docs" / "cli.md").read_text("utf-8") == gen.cli_md(), "run: python docs/generate.py"


def test_readme_examples_are_current() -> None:
    gen = _generator()
    text = (REPO / "README.md").read_text("utf-8")
    assert text == gen.readme(text), "run: python docs/generate.py"


def test_typed_records_are_current() -> None:
    """mrt_guide/records.py is what the contract declares (one declaration, generated)."""
    gen = _generator()
    assert (REPO / "mrt_guide" / "records.py").read_text("utf-8") == gen.records(), (
        "run: python docs/generate.py"
    )


def test_reference_covers_every_command() -> None:
    gen = _generator()
    reference = (REPO / "docs" / "cli.md").read_text("utf-8")
    for path in gen.commands():
        assert f"## `{' '.join(('mrt-guide', *path))}`" in reference


def test_readme_shows_every_command() -> None:
    gen = _generator()
    examples = set(re.findall(r"<!-- example: (\S+)", (REPO / "README.md").read_text("utf-8")))
    top = {path[0] for path in gen.commands() if path}
    assert top <= examples, top - examples


def test_every_command_help_leads_with_examples() -> None:
    gen = _generator()
    for path in gen.commands():
        text = gen.output([*path, "--help"])
        before_options = text.split("╭─")[0]
        assert "Examples" in before_options and "mrt-guide" in before_options.split("Examples")[1], path


def test_every_option_and_argument_has_help() -> None:
    """A lost Annotated (e.g. string annotations through a wrapper) drops help and completion."""
    from typer.main import get_command

    from mrt_guide.cli import app

    def walk(command: object, path: tuple[str, ...] = ()) -> None:
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, (*path, name))
        for param in getattr(command, "params", []):
            assert getattr(param, "help", None), f"mrt-guide {' '.join(path)}: {param.name} has no help"

    walk(get_command(app))


@pytest.mark.parametrize("width", ["40", "60", "80", "120"])
def test_no_help_cuts_an_option_or_runs_past_the_edge(width: str) -> None:
    """Every --help, at every width: each option's names whole, no line wider than the terminal."""
    from typer.testing import CliRunner

    from mrt_guide.cli import app

    runner = CliRunner()
    for path in _generator().commands():
        result = runner.invoke(
            app, [*path, "--help"], env={"COLUMNS": width, "NO_COLOR": "1"}, prog_name="mrt-guide"
        )
        assert result.exit_code == 0, path
        out = result.stdout
        assert "…" not in out, (path, width)
        assert max(len(line) for line in out.splitlines()) <= int(width), (path, width)
        command = get_command(app)
        for part in path:
            command = command.get_command(None, part)  # type: ignore[attr-defined]
        for param in command.params:
            for name in getattr(param, "opts", []):
                if name.startswith("--") and not param.hidden:
                    assert re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", out), (path, width, name)
