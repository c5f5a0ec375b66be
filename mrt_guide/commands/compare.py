"""``mrt-guide compare``."""

from __future__ import annotations

from typing import Annotated

import typer

from ..output import ExportOption, JsonOption, MarkdownOption, NoColorOption, PlainOption, View, chosen, show
from ._shared import argument, dataset, flag
from .complete import compare_names

FROM_HELP = "Where you start, for the time to each: none, high-school, certificate, associate or bachelor."


def _compare_view() -> View:
    from ..views import compare

    return compare


def _starts(incomplete: str) -> list[str]:
    from ..queries.compare import STARTS

    return [s for s in STARTS if s.startswith(incomplete.lower())]


def compare(
    ctx: typer.Context,
    names: Annotated[
        list[str],
        argument(
            "NAME...",
            "Two or more credentials (RHIT, CPC, ccs-p) or plan goals (coding, coding-aapc), any case.",
            autocompletion=compare_names,
        ),
    ],
    start: Annotated[
        str,
        typer.Option("--from", metavar="LEVEL", help=FROM_HELP, autocompletion=_starts, show_default=True),
    ] = "high-school",
    him: Annotated[
        bool,
        flag(
            "--him/--not-him",
            help="With --from certificate, associate or bachelor: whether it was a CAHIIM-accredited "
            "HIM program (default: not).",
        ),
    ] = False,
    json_: JsonOption = False,
    plain: PlainOption = False,
    markdown: MarkdownOption = False,
    export: ExportOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Credentials side by side: issuer, eligibility, exam, time, CE, pay.

    [bold]Examples[/bold]

      mrt-guide compare CPC CCS
      mrt-guide compare RHIT RHIA CCS
      mrt-guide compare coding coding-aapc --from bachelor
    """
    out = chosen(json_, plain, markdown, export, no_color)
    from ..queries import compare as query

    ds = dataset(ctx)
    show(out, ds.with_sources(query.compare(ds, names, start, him)), _compare_view)
