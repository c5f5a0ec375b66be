"""``mrt-guide degrees``."""

from typing import Annotated

import typer

from ..output import Output, output_options, show
from ._shared import dataset, flag
from .complete import degree_names


@output_options
def degrees(
    ctx: typer.Context,
    out: Output,
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
) -> None:
    """Degrees and programs: the routes side by side, the AS/AAS rule, accreditation.

    [bold]Examples[/bold]

      mrt-guide degrees
      mrt-guide degrees --no-bachelor-later
      mrt-guide degrees AAS
    """
    from ..queries import education as query

    g = dataset(ctx)
    data = (
        query.degrees(g, bachelor_later=bachelor_later)
        if name is None
        else query.degree(g, name, bachelor_later=bachelor_later)
    )
    show(out, g.with_sources(data), "degrees")
