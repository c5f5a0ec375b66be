"""``mrt-guide guide``."""

from typing import Annotated

import typer

from ..output import ExportOption, JsonOption, MarkdownOption, NoColorOption, PlainOption, View, chosen, show
from ._shared import dataset, flag


def _guide_view() -> View:
    from ..views import guide

    return guide


def guide(
    ctx: typer.Context,
    pager: Annotated[
        bool, flag("--pager/--no-pager", help="Page the guide when stdout is a terminal (the default).")
    ] = True,
    json_: JsonOption = False,
    plain: PlainOption = False,
    markdown: MarkdownOption = False,
    export: ExportOption = None,
    no_color: NoColorOption = False,
) -> None:
    """The whole guide as one document, in reading order, paged on a terminal.

    [bold]Examples[/bold]

      mrt-guide guide
      mrt-guide guide --export guide.html
      mrt-guide guide --markdown > guide.md

    The whole guide is a reference to read on screen: printed, it runs to dozens of
    pages. For paper, mrt-guide handout --export handout.html prints on two.
    """
    out = chosen(json_, plain, markdown, export, no_color)
    from ..queries.guide import whole

    ds = dataset(ctx)
    show(out, ds.with_sources(whole(ds)), _guide_view, pager=pager)
