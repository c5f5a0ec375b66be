"""``mrt-guide certs``."""

from typing import Annotated

import typer

from ..output import Output, output_options, show
from ._shared import argument, dataset
from .complete import certification_names


@output_options
def certs(
    ctx: typer.Context,
    out: Output,
    name: Annotated[
        str | None,
        argument(
            "ID",
            "A certification id or alias, any case: RHIT, ccs-p, CTR (now ODS).",
            autocompletion=certification_names,
        ),
    ] = None,
) -> None:
    """Certifications: every credential in a table, or one in full.

    [bold]Examples[/bold]

      mrt-guide certs
      mrt-guide certs RHIT
      mrt-guide certs ctr --json
    """
    from ..queries import certs as query

    ds = dataset(ctx)
    data = query.certs(ds) if name is None else query.cert(ds, name)
    show(out, ds.with_sources(data), "certs")
