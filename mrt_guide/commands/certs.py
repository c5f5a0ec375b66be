"""``mrt-guide certs``."""

from typing import Annotated

import typer

from ..output import ExportOption, JsonOption, MarkdownOption, NoColorOption, PlainOption, View, chosen, show
from ._shared import argument, dataset
from .complete import certification_names


def _certs_view() -> View:
    from ..views import certs

    return certs


def certs(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        argument(
            "ID",
            "A certification id or alias, any case: RHIT, ccs-p, CTR (now ODS).",
            autocompletion=certification_names,
        ),
    ] = None,
    json_: JsonOption = False,
    plain: PlainOption = False,
    markdown: MarkdownOption = False,
    export: ExportOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Certifications: every credential in a table, or one in full.

    [bold]Examples[/bold]

      mrt-guide certs
      mrt-guide certs RHIT
      mrt-guide certs ctr --json
    """
    out = chosen(json_, plain, markdown, export, no_color)
    from ..queries import certs as query

    ds = dataset(ctx)
    data = query.certs(ds) if name is None else query.cert(ds, name)
    show(out, ds.with_sources(data), _certs_view)
