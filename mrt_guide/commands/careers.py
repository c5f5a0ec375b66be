"""``mrt-guide careers``."""

from typing import Annotated

import typer

from ..output import Output, output_options, show
from ._shared import argument, dataset
from .complete import career_names


@output_options
def careers(
    ctx: typer.Context,
    out: Output,
    name: Annotated[
        str | None,
        argument(
            "ID",
            "One career in full: medical-coders, cancer-registrars, health-services-managers, ...",
            autocompletion=career_names,
        ),
    ] = None,
) -> None:
    """Where the career leads: related occupations with pay, education, the way in and a plan.

    [bold]Examples[/bold]

      mrt-guide careers
      mrt-guide careers medical-coders
      mrt-guide careers --json
    """
    from ..queries import careers as query

    ds = dataset(ctx)
    data = query.careers(ds) if name is None else query.career(ds, name)
    show(out, ds.with_sources(data), "careers")
