"""``mrt-guide sources``."""

import typer

from ..output import Output, output_options, show
from ._shared import guide


@output_options
def sources(ctx: typer.Context, out: Output) -> None:
    """Sources: every source the guide cites, with link, vintage, kind and what rests on it.

    [bold]Examples[/bold]

      mrt-guide sources
      mrt-guide sources --plain | cut -f1,8
    """
    from ..queries.sources import sources as query

    show(out, query(guide(ctx)), "sources")
