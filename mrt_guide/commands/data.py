"""``mrt-guide data validate`` and ``mrt-guide data schema``: check a dataset, describe its files."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..dataset.sections import FILE_NAMES
from ..status import ExitStatus, GuideError
from ._shared import Command, Group, data_dir

app = typer.Typer(name="data", cls=Group)


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
    return [name for name in FILE_NAMES if name.startswith(incomplete)]


@app.command(cls=Command)
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

    Always validates with the models, whatever the cache holds. Exits 0 with a summary
    when the dataset is valid, 1 listing every fault when not.
    """
    from ..dataset.faults import DataError
    from ..dataset.index import Dataset
    from ..dataset.load import check_dir, is_bundled

    chosen = directory or data_dir(ctx)
    label = "The bundled dataset (data/)" if is_bundled(chosen) else str(chosen)
    try:
        sections, index, faults = check_dir(chosen)
    except DataError as exc:
        sections, index, faults = {}, {}, exc.faults
    if faults:
        for fault in faults:
            sys.stderr.write(fault.line() + "\n")
        sys.stderr.write(f"{len(faults)} fault(s) in {label}.\n")
        raise typer.Exit(ExitStatus.DATA)
    ds = Dataset(sections, index, chosen, bundled=False)
    counts = f"{len(FILE_NAMES)} files, {len(ds.sources)} sources, {len(ds.figures)} figures"
    typer.echo(f"{label} is valid: {counts}.")


def _output_names(incomplete: str) -> list[str]:
    from ..dataset.sections import LINKABLE

    return sorted(n for n in LINKABLE | {"search"} if n.startswith(incomplete))


@app.command(cls=Command)
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
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            metavar="COMMAND",
            help="Instead, the schema of a command's --json output, e.g. salary or 'certs ID'.",
            autocompletion=_output_names,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Print the JSON Schema of the data files, or of a command's --json output.

    [bold]Examples[/bold]

      mrt-guide data schema pay.json > pay.schema.json
      mrt-guide data schema > schemas.json
      mrt-guide data schema --output salary

    Editors use the file schemas to check data as you type; see the README.
    """
    from ..dataset.index import choose
    from ..dataset.models import model_for
    from ..dataset.sections import SECTIONS

    if output is not None:
        from ..contract import CONTRACTS

        if file is not None:
            raise GuideError("Give a data file or --output COMMAND, not both.")
        form = choose("command output", output, list(CONTRACTS))
        out = CONTRACTS[form].model_json_schema()
        out["$id"] = f"mrt-guide/output/{form.replace(' ', '-')}.schema.json"
        typer.echo(json.dumps(out, indent=2))
        return
    if file is None:
        schemas = {s.file: model_for(s.model).model_json_schema() for s in SECTIONS}
        typer.echo(json.dumps(schemas, indent=2))
        return
    name = choose("data file", file if file.endswith(".json") else f"{file}.json", list(FILE_NAMES))
    section = next(s for s in SECTIONS if s.file == name)
    schema = model_for(section.model).model_json_schema()
    schema["$id"] = f"mrt-guide/{section.name}.schema.json"
    typer.echo(json.dumps(schema, indent=2))
