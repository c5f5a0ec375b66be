"""``mrt-guide data``: check a dataset (``validate``), describe its files (``schema``), and
import BLS's official files (``import-oews``, ``import-projections``, ``imports``)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..dataset.sections import FILE_NAMES
from ..output import ExportOption, JsonOption, MarkdownOption, NoColorOption, PlainOption, View, chosen, show
from ..status import ExitStatus, GuideError
from ._shared import Command, Group, data_dir, dataset

app = typer.Typer(name="data", cls=Group)


def _imports_view() -> View:
    from ..views import imports

    return imports


@app.callback(invoke_without_command=True)
def group(ctx: typer.Context) -> None:
    """Check a dataset, print the JSON Schema of its files, or import BLS's official pay file.

    [bold]Examples[/bold]

      mrt-guide data validate ~/our-school/data
      mrt-guide data schema pay.json
      mrt-guide data import-oews ~/Downloads/oesm23st.zip
      mrt-guide data imports
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


# Official OEWS files: import, list, remove


def _vintage(value: str | None) -> int | None:
    if value is None:
        return None
    text = value.strip()
    text = text[4:].strip() if text[:4].lower() == "may " else text
    if not (text.isascii() and text.isdigit() and len(text) == 4 and 1997 <= int(text) <= 2100):
        from ..textsafe import neutral_line

        raise GuideError(
            f"--vintage takes the May year of the survey, e.g. 2023, not '{neutral_line(value, 20)}'."
        )
    return int(text)


@app.command("import-oews", cls=Command)
def import_oews(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="The OEWS download (oesmYYst.zip, oesmYYnat.zip, oesmYYma.zip, oesmYYall.zip) or its .xlsx.",
            show_default=False,
        ),
    ],
    vintage: Annotated[
        str | None,
        typer.Option(
            "--vintage",
            metavar="YEAR",
            help="The May year of the survey, where the file's name and sheets do not say it.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Import BLS's official pay file (OEWS): its figures join every command's.

    [bold]Examples[/bold]

      mrt-guide data import-oews ~/Downloads/oesm26nat.zip
      mrt-guide data import-oews ~/Downloads/oesm23st.zip
      mrt-guide data import-oews national_M2009_dl.xls
      mrt-guide data imports

    Download the file from https://www.bls.gov/oes/tables.htm (BLS publishes it once a
    year, in spring, for May of the year before). Works with the national, state, metro
    and all-data files (the zip or the workbook inside it) of May 2014 on (.xlsx) and May
    2005 to 2013 (.xls). The rows kept are 29-2072, or 29-2071 up to May 2018; May 2019
    and 2020 have no row of their own, so their broader group 29-2098 is imported,
    labelled as such. Refused: files before the SOC (May 1997, 1998) and the files by
    industry or sector (natsector_...; import national_MYYYY_dl.xlsx instead). A May
    newer than the bundled May 2025 leads every command; an earlier one is shown before
    the bundled figure of its year and joins the history. Saved whole or not at all;
    the same file again changes nothing. Exits 65 for a file that is not a usable OEWS
    file (or too large, or damaged), 74 when it cannot be read or saved.
    """
    from ..importing import import_file

    typer.echo(import_file(dataset(ctx), file, _vintage(vintage)))


@app.command("import-projections", cls=Command)
def import_projections(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="BLS's Employment Projections workbook, occupation.xlsx.",
            show_default=False,
        ),
    ],
    edition: Annotated[
        str | None,
        typer.Option(
            "--edition",
            metavar="YYYY-YY",
            help="The period it must project, e.g. 2025-35 (the file says it; this checks it).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Import BLS's occupational projections (occupation.xlsx) of a newer edition.

    [bold]Examples[/bold]

      mrt-guide data import-projections ~/Downloads/occupation.xlsx
      mrt-guide data import-projections occupation.xlsx --edition 2025-35
      mrt-guide outlook

    Download occupation.xlsx from BLS's Employment Projections pages (www.bls.gov/emp,
    "Occupational projections and characteristics"; a new ten-year period each autumn).
    Works with every edition from 2014-24: Table 1.2 (and Table 1.7 up to 2022-32) is read
    by its column names. Kept: the occupation's row (29-2072; 29-2071 up to 2018-28; the
    broader group 29-2098 in 2019-29 and 2020-30, labelled), the all-occupations row BLS
    compares growth with, and the rows of the related occupations 'careers' shows. An
    edition the bundled dataset lacks joins 'outlook', 'facts' and the handout, and a newer
    one updates 'careers'. Exits 65 for a file that is not that workbook (or too large, or
    damaged, or not the --edition asked for), 74 when it cannot be read or saved.
    """
    from ..importing import import_projections as run

    if edition is not None and not re.fullmatch(r"\d{4}-\d{2}", edition.strip()):
        from ..textsafe import neutral_line

        raise GuideError(f"--edition takes a period such as 2025-35, not '{neutral_line(edition, 20)}'.")
    typer.echo(run(dataset(ctx), file, None if edition is None else edition.strip()))


def _import_ids(incomplete: str) -> list[str]:
    """Completion for --remove: the imports there are, and their years."""
    from ..dataset import imports as stored

    ids = [i for i in (stored.import_id(n) for n in stored.names(stored.folder())) if i]
    return [i for i in dict.fromkeys([*ids, *(i[:4] for i in ids)]) if i.startswith(incomplete)]


@app.command("imports", cls=Command)
def imports(
    ctx: typer.Context,
    remove: Annotated[
        str | None,
        typer.Option(
            "--remove",
            metavar="VINTAGE",
            help="Remove an import by its id (2023-state), or every import of a May year (2023).",
            autocompletion=_import_ids,
            show_default=False,
        ),
    ] = None,
    json_: JsonOption = False,
    plain: PlainOption = False,
    markdown: MarkdownOption = False,
    export: ExportOption = None,
    no_color: NoColorOption = False,
) -> None:
    """List the official files you imported (OEWS, projections), or remove them.

    [bold]Examples[/bold]

      mrt-guide data imports
      mrt-guide data imports --json
      mrt-guide data imports --remove 2023-state
      mrt-guide data imports --remove 2023
      mrt-guide data imports --remove ep-2025-35

    Imports live in the folder 'imports' of your mrt-guide folder ($MRT_GUIDE_HOME, or
    the platform's user data folder). A damaged one (edited, cut short, holding figures
    out of range) is listed as such and the command exits 65; other commands leave it
    out with a warning. Remove it, or import the file again.
    """
    out = chosen(json_, plain, markdown, export, no_color)
    from ..importing import listing, remove_imports

    if remove is not None:
        for line in remove_imports(remove):
            sys.stderr.write(line + "\n")
    found = listing()
    show(out, found, _imports_view)
    if any(row["status"] == "damaged" for row in found["imports"]):
        raise typer.Exit(ExitStatus.DATA)
