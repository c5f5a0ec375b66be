"""``mrt-guide search``."""

from typing import Annotated

import typer

from ..output import Format, Output, output_options, show
from ..status import GuideError, NotFound
from ._shared import dataset


@output_options
def search(
    ctx: typer.Context,
    out: Output,
    terms: Annotated[
        list[str], typer.Argument(metavar="TERM...", help="Words to find; a record must contain all of them.")
    ],
) -> None:
    """Search every section by words and ids, any case.

    [bold]Examples[/bold]

      mrt-guide search coding
      mrt-guide search cancer registry
      mrt-guide search CEU --json

    Exits 1 when nothing matches, with close words where there are any.
    """
    from ..queries.search import search as query
    from ..textsafe import neutral_line

    if not any(term.strip() for term in terms):
        raise GuideError("Give a word to search for, e.g. mrt-guide search coding.")
    data = query(dataset(ctx), terms)
    if not data["results"]:
        if out.format is Format.JSON:
            show(out, data, "search")
        hint = f" Did you mean: {', '.join(data['suggestions'])}?" if data["suggestions"] else ""
        raise NotFound(f"No match for '{neutral_line(' '.join(terms), 40)}'.{hint}")
    show(out, data, "search")
