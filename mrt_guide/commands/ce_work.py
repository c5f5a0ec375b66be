"""``mrt-guide ce work ...``: the work history in the CE log (what ``plan --from-log`` counts
against the experience an exam asks for)."""

from __future__ import annotations

from typing import Annotated

import typer

from ..output import ExportOption, JsonOption, MarkdownOption, NoColorOption, PlainOption, View, chosen, show
from ._shared import Command, Group, argument, dataset, flag
from .ce import confirm, help_if_bare, say
from .complete import role_names

work_app = typer.Typer(name="work", cls=Group, add_completion=False)


def _ce_work_view() -> View:
    from ..views.ce import work

    return work


def work_id(value: str) -> int:
    """A work period's id (the parser of ID arguments): a whole number SQLite can hold."""
    if isinstance(value, int):
        return value
    text = str(value).strip()
    if text.isascii() and text.isdigit() and len(text) <= 19 and 1 <= int(text) <= 2**63 - 1:
        return int(text)
    from ..textsafe import neutral_line

    raise typer.BadParameter(
        f"'{neutral_line(text, 24)}' is not a work period id "
        "(a whole number from 1; 'mrt-guide ce work list' shows them)."
    )


@work_app.callback(invoke_without_command=True)
def work_group(ctx: typer.Context) -> None:
    """Your work history: the experience an exam asks for (coding, say).

    [bold]Examples[/bold]

      mrt-guide ce work add --role coding --start 2025-01 --employer "City Hospital"
      mrt-guide ce work list
      mrt-guide ce work remove 2

    'mrt-guide plan --from-log' counts these months against an exam's
    experience step. Kept in the CE log (and in 'ce backup'); 'ce export'
    writes activities only.
    """
    help_if_bare(ctx)


@work_app.command("add", cls=Command)
def work_add(
    ctx: typer.Context,
    role: Annotated[
        str,
        typer.Option(
            "--role",
            metavar="KIND",
            help="The kind of work, as the credentials' eligibility pathways name it (e.g. coding; "
            "TAB completes).",
            autocompletion=role_names,
            show_default=False,
        ),
    ],
    start: Annotated[
        str, typer.Option("--start", metavar="YYYY-MM", help="The first month of it.", show_default=False)
    ],
    end: Annotated[
        str | None,
        typer.Option(
            "--end", metavar="YYYY-MM", help="The last month (none while it goes on).", show_default=False
        ),
    ] = None,
    employer: Annotated[
        str | None,
        typer.Option("--employer", metavar="TEXT", help="Where you worked.", show_default=False),
    ] = None,
) -> None:
    """Log a period of work: its kind, first and last month.

    [bold]Examples[/bold]

      mrt-guide ce work add --role coding --start 2025-01
      mrt-guide ce work add --role coding --start 2022-03 --end 2023-08 --employer "City Hospital"

    Both months count in full. Overlapping periods of one kind count
    once; a period with no --end counts to this month. Prints the new
    id on standard output.
    """
    from ..queries import ce as q
    from ..queries import worklog
    from ..store import ce as store

    ds = dataset(ctx)
    kind, first, last = worklog.period(ds, role, start, end)
    where = q.parse_text(employer, "--employer")
    with store.opened(write=True) as log:
        new = log.add_work(kind, first, last, where)
        total = worklog.months(log.work()).get(kind, 0)
    typer.echo(new)
    span = f"from {first}" + (" on" if last is None else f" to {last}")
    say(f"Added work period #{new}: {kind} {span}; {total} months of {kind} logged in all.")


@work_app.command("list", cls=Command)
def work_list(
    ctx: typer.Context,
    json_: JsonOption = False,
    plain: PlainOption = False,
    markdown: MarkdownOption = False,
    export: ExportOption = None,
    no_color: NoColorOption = False,
) -> None:
    """List the work periods in the log, and the months of each kind.

    [bold]Examples[/bold]

      mrt-guide ce work list
      mrt-guide ce work list --json
    """
    out = chosen(json_, plain, markdown, export, no_color)
    from ..queries import worklog
    from ..store import ce as store

    ds = dataset(ctx)
    with store.opened(write=False) as log:
        periods = log.work()
    show(out, ds.with_sources(worklog.work_list(ds, periods)), _ce_work_view)


@work_app.command("remove", cls=Command)
def work_remove(
    work: Annotated[int, argument("ID", "The work period to remove.", parser=work_id)],
    yes: Annotated[bool, flag("--yes", "-y", help="Do not ask first.")] = False,
) -> None:
    """Remove a work period from the log.

    [bold]Examples[/bold]

      mrt-guide ce work remove 2 --yes

    Asks first on a terminal; elsewhere it needs --yes.
    """
    from ..status import GuideError
    from ..store import ce as store

    with store.opened(write=False) as log:
        found = next((w for w in log.work() if w["id"] == work), None)
    if found is None:
        raise GuideError(f"No work period #{work} in the log; 'mrt-guide ce work list' lists them.")
    span = f"{found['start']} to {found['end'] or 'now'}"
    if not confirm(f"Remove work period #{work} ({found['role']}, {span})?", yes, "Removing a work period"):
        say("Nothing was removed.")
        return
    with store.opened(write=True) as log:
        log.remove_work(work)
    say(f"Removed work period #{work}.")
