"""``mrt-guide outlook``."""

import typer

from ..output import Output, output_options, show
from ._shared import guide


@output_options
def outlook(ctx: typer.Context, out: Output) -> None:
    """Job outlook: the article's projection, why demand grows, BLS projections over time.

    [bold]Examples[/bold]

      mrt-guide outlook
      mrt-guide outlook --plain | cut -f2,3
    """
    from ..queries.outlook import outlook as query

    show(out, query(guide(ctx)), "outlook")
