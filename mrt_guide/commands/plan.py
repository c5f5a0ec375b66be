"""``mrt-guide plan``."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from ..output import Output, output_options, show
from ..status import GuideError
from ._shared import dataset, flag
from .complete import goal_names

EDUCATION_HELP = "Where you stand now: none, high-school, certificate, associate or bachelor."
GOAL_HELP = "What you want: rhit, coding, cancer-registry, data-analysis, privacy or management."


def _education_names(incomplete: str) -> list[str]:
    from ..queries.plan import EDUCATION

    return [e for e in EDUCATION if e.startswith(incomplete)]


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


@output_options
def plan(
    ctx: typer.Context,
    out: Output,
    education: Annotated[
        str | None,
        typer.Option(
            "--education",
            metavar="LEVEL",
            help=EDUCATION_HELP,
            autocompletion=_education_names,
            show_default=False,
        ),
    ] = None,
    goal: Annotated[
        str | None,
        typer.Option("--goal", metavar="GOAL", help=GOAL_HELP, autocompletion=goal_names, show_default=False),
    ] = None,
    bachelor_later: Annotated[
        bool | None,
        flag(
            "--bachelor-later/--no-bachelor-later", help="Whether a bachelor's degree may follow (AS or AAS)."
        ),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--start", metavar="YYYY-MM", help="When you start (default: this month).", show_default=False
        ),
    ] = None,
) -> None:
    """Your own roadmap: from where you stand to a credential, with dates.

    [bold]Examples[/bold]

      mrt-guide plan --education high-school --goal rhit --no-bachelor-later
      mrt-guide plan --education associate --goal coding --start 2027-01
      mrt-guide plan --education none --goal privacy --bachelor-later --export plan.md

    Every date is computed from the dataset: degree lengths, eligibility routes,
    renewal cycles. Where the dataset has no length for a step, the plan says so.
    Run without options on a terminal to be asked.
    """
    from ..queries import plan as query

    answers: dict[str, Any] = {
        "education": education,
        "goal": goal,
        "bachelor_later": bachelor_later,
        "start": start,
    }
    g = dataset(ctx)
    answers = query.normalise(g, **answers)
    missing = query.missing(g, **answers)
    if missing:
        if not _interactive():
            raise GuideError(
                f"Missing {' and '.join(missing)}; give them as options (see 'mrt-guide plan --help')."
            )
        answers = _ask(g, answers)
    if answers["start"] is None:
        answers["start"] = query.this_month()
    show(out, g.with_sources(query.plan(g, **answers)), "plan")


def _ask(g: Any, answers: dict[str, Any]) -> dict[str, Any]:
    """Ask on the terminal for what the options did not say (Rich prompts, with choices and defaults)."""
    from rich.prompt import Confirm, Prompt

    from ..queries.plan import EDUCATION, missing, parse_month, this_month

    if answers["education"] is None:
        answers["education"] = Prompt.ask(
            "Where do you stand now?", choices=list(EDUCATION), default="high-school"
        )
    if answers["goal"] is None:
        goals = g.ids("goal")
        answers["goal"] = Prompt.ask("What do you want to become?", choices=goals, default=goals[0])
    if missing(g, **answers):  # only the AS/AAS choice can be left
        answers["bachelor_later"] = Confirm.ask(
            "Might you study for a bachelor's degree later?", default=False
        )
    while answers["start"] is None:
        given = Prompt.ask("When do you start? (YYYY-MM)", default=this_month())
        try:
            parse_month(given)
            answers["start"] = given
        except GuideError as exc:
            sys.stderr.write(f"{exc}\n")
    return answers
