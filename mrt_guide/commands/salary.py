"""``mrt-guide salary``."""

from typing import Annotated

import typer

from ..output import Output, output_options, show
from ._shared import dataset, flag


@output_options
def salary(
    ctx: typer.Context,
    out: Output,
    history: Annotated[bool, flag("--history", help="The median by year, each with its vintage.")] = False,
    hourly: Annotated[bool, flag("--hourly", help="Hourly figures, where the source gives them.")] = False,
) -> None:
    """Pay: the figures with year, source and flag, the spread, and what raises pay.

    [bold]Examples[/bold]

      mrt-guide salary
      mrt-guide salary --history
      mrt-guide salary --hourly --json
    """
    from ..queries.pay import salary as query

    ds = dataset(ctx)
    show(out, ds.with_sources(query(ds, history=history, hourly=hourly)), "salary")
