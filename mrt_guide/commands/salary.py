"""``mrt-guide salary``."""

from typing import Annotated

import typer

from ..output import ExportOption, JsonOption, MarkdownOption, NoColorOption, PlainOption, View, chosen, show
from ..status import GuideError
from ._shared import dataset, flag
from .complete import state_names

SORTS = ("pay", "name")


def _places_view() -> View:
    from ..views import places

    return places


def _salary_view() -> View:
    from ..views import salary

    return salary


def _sort(value: str | None) -> str | None:
    if value is None:
        return None
    from ..dataset.index import choose

    return choose("sort order", value, list(SORTS))


def salary(
    ctx: typer.Context,
    history: Annotated[bool, flag("--history", help="The median by year, each with its vintage.")] = False,
    hourly: Annotated[bool, flag("--hourly", help="Hourly figures, where the source gives them.")] = False,
    state: Annotated[
        str | None,
        typer.Option(
            "--state",
            metavar="STATE",
            help="One state (postal code or name, any case) beside the national figures.",
            autocompletion=state_names,
            show_default=False,
        ),
    ] = None,
    states: Annotated[
        bool, flag("--states", help="Every state, ranked, with a bar chart of its pay.")
    ] = False,
    sort: Annotated[
        str | None,
        typer.Option(
            "--sort",
            metavar="pay|name",
            help="Order of --states: by pay, highest first (the default), or by name.",
            autocompletion=lambda incomplete: [s for s in SORTS if s.startswith(incomplete)],
            show_default=False,
        ),
    ] = None,
    json_: JsonOption = False,
    plain: PlainOption = False,
    markdown: MarkdownOption = False,
    export: ExportOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Pay: the figures with year, source and flag, the spread, and what raises pay.

    [bold]Examples[/bold]

      mrt-guide salary
      mrt-guide salary --history
      mrt-guide salary --hourly --json
      mrt-guide salary --state NJ
      mrt-guide salary --states --sort name

    State figures say what they measure (a mean is not a median), their year and the
    occupation code they are for. Official state figures come from the BLS file you
    import with 'mrt-guide data import-oews'.
    """
    out = chosen(json_, plain, markdown, export, no_color)
    order = _sort(sort)
    if state is not None and states:
        raise GuideError("Give --state STATE or --states, not both.")
    if (state is not None or states) and (history or hourly):
        used = "--history" if history else "--hourly"
        raise GuideError(f"{used} applies to the national figures; drop it, or drop --state/--states.")
    if order is not None and not states:
        raise GuideError("--sort orders the list of --states; add --states.")
    ds = dataset(ctx)
    if state is not None or states:
        from ..queries import places

        data = places.state(ds, state) if state is not None else places.states(ds, order or "pay")
        show(out, ds.with_sources(data), _places_view)
        return
    from ..queries.pay import salary as query

    show(out, ds.with_sources(query(ds, history=history, hourly=hourly)), _salary_view)
