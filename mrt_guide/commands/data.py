"""``mrt-guide data validate`` and ``mrt-guide data schema``: check a dataset, describe its files."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..status import ExitStatus
from ._shared import data_dir

app = typer.Typer(name="data")


@app.callback(invoke_without_command=True)
def group(ctx: typer.Context) -> None:
    """Check a dataset against the models, or print the JSON Schema of its files.

    [bold]Examples[/bold]

      mrt-guide data validate ~/our-school/data
      mrt-guide data schema pay.json
    """
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit()


def _file_names(incomplete: str) -> list[str]:
    from ..dataset.load import FILE_NAMES

    return [name for name in FILE_NAMES if name.startswith(incomplete)]


@app.command()
def validate(
    ctx: typer.Context,
    directory: Annotated[
        Path | None,
        typer.Argument(
            metavar="DIR",
            help="The dataset to check (default: --data, $MRT_GUIDE_DATA, or the bundled one).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check a dataset: every fault with its file, JSON path and the fix expected.

    [bold]Examples[/bold]

      mrt-guide data validate
      mrt-guide data validate ~/our-school/data

    Exits 0 with a summary when the dataset is valid, 1 listing every fault when not.
    """
    from ..dataset.faults import DataError
    from ..dataset.load import FILE_NAMES, bundled_dir, read, validate

    chosen = directory or data_dir(ctx)
    try:
        parsed, _, faults = read(chosen)
    except DataError as exc:
        faults, parsed = exc.faults, {}
    faults = faults + (validate(chosen, parsed) if parsed else [])
    if faults:
        for fault in faults:
            sys.stderr.write(fault.line() + "\n")
        sys.stderr.write(f"{len(faults)} fault(s) in {_label(chosen, bundled_dir())}.\n")
        raise typer.Exit(ExitStatus.NOT_FOUND)
    from ..queries.common import Guide

    guide = Guide(parsed)
    counts = f"{len(FILE_NAMES)} files, {len(guide.sources)} sources, {len(guide.figures)} figures"
    typer.echo(f"{_label(chosen, bundled_dir()).capitalize()} is valid: {counts}.")


def _label(directory: Path, bundled: Path) -> str:
    return "the bundled dataset (data/)" if directory.resolve() == bundled.resolve() else str(directory)


@app.command()
def schema(
    file: Annotated[
        str | None,
        typer.Argument(
            metavar="FILE",
            help="One data file, e.g. pay.json; without it, every file's schema by name.",
            autocompletion=_file_names,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Print the JSON Schema of the data files, generated from the models.

    [bold]Examples[/bold]

      mrt-guide data schema pay.json > pay.schema.json
      mrt-guide data schema > schemas.json

    Editors use it to check data files as you type; see the README.
    """
    from ..dataset.load import FILE_NAMES
    from ..dataset.models import FILES
    from ..queries.common import choose

    if file is None:
        schemas = {name: FILES[name].model_json_schema() for name in FILE_NAMES}
        typer.echo(json.dumps(schemas, indent=2))
        return
    name = choose("data file", file if file.endswith(".json") else f"{file}.json", list(FILE_NAMES))
    schema = FILES[name].model_json_schema()
    schema["$id"] = f"mrt-guide/{name.removesuffix('.json')}.schema.json"
    typer.echo(json.dumps(schema, indent=2))
