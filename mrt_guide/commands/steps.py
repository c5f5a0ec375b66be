"""``mrt-guide steps``."""

import typer

from ..output import Output, output_options, show
from ._shared import guide


@output_options
def steps(ctx: typer.Context, out: Output) -> None:
    """The path into the career, step by step.

    [bold]Examples[/bold]

      mrt-guide steps
      mrt-guide steps --markdown > steps.md

    Each step says what to do, how long it takes and which command tells more.
    """
    from ..queries.steps import steps as query

    show(out, query(guide(ctx)), "steps")
