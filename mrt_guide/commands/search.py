"""``mrt-guide search``."""

from typing import Annotated

import typer

from ..output import (
    ExportOption,
    Format,
    JsonOption,
    MarkdownOption,
    NoColorOption,
    PlainOption,
    View,
    chosen,
    show,
)
from ..status import GuideError, NotFound
from ._shared import dataset


def _search_view() -> View:
    from ..views import search

    return search


def search(
    ctx: typer.Context,
    terms: Annotated[
        list[str], typer.Argument(metavar="TERM...", help="Words to find; a record must contain all of them.")
    ],
    json_: JsonOption = False,
    plain: PlainOption = False,
    markdown: MarkdownOption = False,
    export: ExportOption = None,
    no_color: NoColorOption = False,
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
    out = chosen(json_, plain, markdown, export, no_color)
    from ..queries.search import search as query
    from ..textsafe import neutral_line

    if not any(term.strip() for term in terms):
        raise GuideError("Give a word to search for, e.g. mrt-guide search coding.")
    data = query(dataset(ctx), terms, summaries(ctx))
    if not data["results"]:
        if out.format is Format.JSON:
            show(out, data, _search_view)
        hint = f" Did you mean: {', '.join(data['suggestions'])}?" if data["suggestions"] else ""
        raise NotFound(f"No match for '{neutral_line(' '.join(terms), 40)}'.{hint}")
    show(out, data, _search_view)


def summaries(ctx: typer.Context) -> dict[str, str]:
    """Each command's name and the first line of its help, read from the function or app
    itself: building every command's parameters to read it would cost a run ~10 ms."""
    from . import COMMANDS

    found: dict[str, str] = {}
    for name, load in COMMANDS.items():
        item = load()
        text = item.info.help if isinstance(item, typer.Typer) else item.__doc__
        found[name] = (text or "").strip().split("\n")[0].rstrip(".")
    return found
