"""``mrt-guide degrees``."""

from typing import Annotated

import typer

from ..output import ExportOption, JsonOption, MarkdownOption, NoColorOption, PlainOption, View, chosen, show
from ._shared import dataset, flag
from .complete import degree_names


def _degrees_view() -> View:
    from ..views import degrees

    return degrees


def degrees(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(
            metavar="ROUTE",
            help="One route in full: certificate, AS, AAS or BS (ids such as bs-him work too).",
            autocompletion=degree_names,
            show_default=False,
        ),
    ] = None,
    bachelor_later: Annotated[
        bool | None,
        flag(
            "--bachelor-later/--no-bachelor-later",
            help="Answer the AS-or-AAS choice: may a bachelor's degree follow?",
        ),
    ] = None,
    json_: JsonOption = False,
    plain: PlainOption = False,
    markdown: MarkdownOption = False,
    export: ExportOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Degrees and programs: the routes side by side, the AS/AAS rule, accreditation.

    [bold]Examples[/bold]

      mrt-guide degrees
      mrt-guide degrees --no-bachelor-later
      mrt-guide degrees AAS
    """
    out = chosen(json_, plain, markdown, export, no_color)
    from ..queries import education as query

    g = dataset(ctx)
    data = (
        query.degrees(g, bachelor_later=bachelor_later)
        if name is None
        else query.degree(g, name, bachelor_later=bachelor_later)
    )
    show(out, g.with_sources(data), _degrees_view)
