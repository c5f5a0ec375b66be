"""``mrt-guide search``."""

from typing import Annotated, Any

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
    """Search every section by words and ids, any case; the commands that answer first.

    [bold]Examples[/bold]

      mrt-guide search salary
      mrt-guide search how long
      mrt-guide search cancer registry
      mrt-guide search exam fee --json

    Words people use for the same thing find each other (salary, pay, wage, earn; fee,
    cost, price; how long, duration, years; job, work, employer; test, exam). Exits 1
    when nothing matches, with close words where there are any.
    """
    from ..queries.search import search as query
    from ..textsafe import neutral_line

    if not any(term.strip() for term in terms):
        raise GuideError("Give a word to search for, e.g. mrt-guide search coding.")
    data = query(dataset(ctx), terms, summaries(ctx))
    if not data["results"]:
        if out.format is Format.JSON:
            show(out, data, "search")
        hint = f" Did you mean: {', '.join(data['suggestions'])}?" if data["suggestions"] else ""
        raise NotFound(f"No match for '{neutral_line(' '.join(terms), 40)}'.{hint}")
    show(out, data, "search")


def summaries(ctx: typer.Context) -> dict[str, str]:
    """Each command's name and the first line of its help (each command is built to read it)."""
    root = ctx.find_root()
    group: Any = root.command
    found: dict[str, str] = {}
    if hasattr(group, "list_commands"):  # the root is a group (Typer's own copy of Click's)
        for name in group.list_commands(root):
            command = group.get_command(root, name)
            if command is not None and not command.hidden:
                found[name] = (command.help or "").strip().split("\n")[0].rstrip(".")
    return found
