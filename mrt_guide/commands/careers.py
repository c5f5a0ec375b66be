"""``mrt-guide careers``."""

from typing import Annotated

import typer

from ..output import ExportOption, JsonOption, MarkdownOption, NoColorOption, PlainOption, View, chosen, show
from ._shared import argument, dataset
from .complete import career_names


def _careers_view() -> View:
    from ..views import careers

    return careers


def careers(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        argument(
            "ID",
            "One career in full: medical-coders, cancer-registrars, health-services-managers, ...",
            autocompletion=career_names,
        ),
    ] = None,
    json_: JsonOption = False,
    plain: PlainOption = False,
    markdown: MarkdownOption = False,
    export: ExportOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Where the career leads: related occupations with pay, education, the way in and a plan.

    [bold]Examples[/bold]

      mrt-guide careers
      mrt-guide careers medical-coders
      mrt-guide careers --json
    """
    out = chosen(json_, plain, markdown, export, no_color)
    from ..queries import careers as query

    ds = dataset(ctx)
    data = query.careers(ds) if name is None else query.career(ds, name)
    show(out, ds.with_sources(data), _careers_view)
