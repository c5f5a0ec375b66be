"""``mrt-guide plan``."""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import TYPE_CHECKING, Annotated

import typer

from ..output import ExportOption, JsonOption, MarkdownOption, NoColorOption, PlainOption, View, chosen, show
from ..status import GuideError
from ._shared import dataset, flag
from .complete import goal_names

if TYPE_CHECKING:
    from ..dataset.index import Dataset
    from ..queries.plan import Answers
    from ..queries.plan import Log as query_Log

EDUCATION_HELP = "Where you stand now: none, high-school, certificate, associate, bachelor or master."
GOAL_HELP = (
    "What you want: rhit, coding (AHIMA), coding-aapc, cancer-registry, data-analysis, privacy or management."
)


def _plan_view() -> View:
    from ..views import plan

    return plan


def _education_names(incomplete: str) -> list[str]:
    from ..queries.plan import EDUCATION

    return [e for e in EDUCATION if e.startswith(incomplete.lower())]


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def plan(
    ctx: typer.Context,
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
    him: Annotated[
        bool | None,
        flag(
            "--him/--not-him",
            help="Whether that certificate or degree is from a CAHIIM-accredited health information program.",
        ),
    ] = None,
    high_school_done: Annotated[
        str | None,
        typer.Option(
            "--high-school-done",
            metavar="YYYY-MM",
            help="With --education none: the month you finish high school.",
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
            "--start",
            metavar="YYYY-MM",
            help="When you start (default: this month; a year ago to ten years ahead).",
            show_default=False,
        ),
    ] = None,
    from_log: Annotated[
        bool,
        flag(
            "--from-log",
            help="Start from the credentials in your CE log (mrt-guide ce): what can follow, "
            "what it adds to your CE, your next renewals.",
        ),
    ] = False,
    pager: Annotated[
        bool, flag("--pager/--no-pager", help="Page a long plan when stdout is a terminal (the default).")
    ] = True,
    json_: JsonOption = False,
    plain: PlainOption = False,
    markdown: MarkdownOption = False,
    export: ExportOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Your own roadmap: from where you stand to a credential, with dates.

    [bold]Examples[/bold]

      mrt-guide plan
      mrt-guide plan --education high-school --goal rhit --no-bachelor-later
      mrt-guide plan --education associate --not-him --goal coding --no-bachelor-later
      mrt-guide plan --education none --high-school-done 2027-06 --goal privacy --bachelor-later
      mrt-guide plan --from-log --goal coding

    [bold]What each starting point needs[/bold]

      --education none         --high-school-done YYYY-MM
      --education high-school  nothing more
      --education certificate, associate, bachelor or master
                               --him or --not-him (a CAHIIM-accredited program)

    --bachelor-later or --no-bachelor-later is needed when the plan includes an associate
    program (the AS/AAS choice). On a terminal, whatever is missing is asked.

    --from-log starts from the credentials in your CE log (mrt-guide ce): the
    education they imply, what each other goal would take and add to your CE, and
    your next renewals, dated as mrt-guide ce status dates them.

    Every date comes from the dataset: program lengths, eligibility routes, the
    experience an exam expects, renewal cycles. Where the dataset has no length for a
    step, the plan says so and dates what follows from that step's end.
    """
    out = chosen(json_, plain, markdown, export, no_color)
    from ..queries import plan as query

    ds = dataset(ctx)
    log = _read_log(ds) if from_log else None
    if log is not None and education is None:
        education, implied = query.log_start(ds, log.held)
        him = implied if education in query.ASKS_FIELD else None
    answers = query.normalise(
        ds,
        query.Answers(
            education=education,
            goal=goal,
            him=him,
            bachelor_later=bachelor_later,
            start=start,
            high_school_done=high_school_done,
            from_log=from_log,
            education_given=not from_log or ctx.params.get("education") is not None,
        ),
    )
    needed = query.missing(ds, answers)
    if needed:
        if not _interactive():
            raise GuideError(
                f"Missing {', '.join(needed)}; give {'it' if len(needed) == 1 else 'them'} as options "
                "(see 'mrt-guide plan --help')."
            )
        answers = _ask(ds, answers)
    request = query.request(ds, answers)
    show(out, ds.with_sources(query.plan(ds, request, log)), _plan_view, pager=pager)


def _read_log(ds: Dataset) -> query_Log:
    """The CE log's credentials and recorded cycles; a one-line message where it holds none.
    The only place ``plan`` opens the log (and loads sqlite3)."""
    from ..queries.plan import Log
    from ..status import NotFound
    from ..store import ce as store

    with store.opened(write=False) as log:
        held, recorded, work = log.credentials(), log.recorded_cycles(), log.work()
    if not held:
        raise NotFound(
            f"The CE log ({store.path()}) holds no credentials: add yours with "
            "'mrt-guide ce credential add RHIT --earned YYYY-MM-DD', then run 'mrt-guide plan --from-log'."
        )
    return Log(held=held, recorded=recorded, work=work)


def _say_goals(ds: Dataset, goals: list[str]) -> None:
    """What each goal means, before the reader picks one: its label (the issuer and the
    credentials it leads to), one a line."""
    from rich.console import Console
    from rich.markup import escape

    from ..textsafe import neutral_line

    con = Console()
    width = max(len(g) for g in goals)
    con.print("Goals:")
    for goal in goals:
        label = neutral_line(ds.goal(goal)["label"], 120)
        con.print(f"  [bold]{escape(goal.ljust(width))}[/bold]  {escape(label)}", highlight=False)


def _ask(ds: Dataset, answers: Answers) -> Answers:
    """Ask on the terminal for what the options did not say: choices in any case, and a wrong
    answer says what was wrong before asking again."""
    from rich.markup import escape
    from rich.prompt import Confirm, InvalidResponse, Prompt

    from ..queries import plan as query
    from ..textsafe import neutral_line

    class Choice(Prompt):
        """Rich's prompt, any case, and a wrong answer named with the choices it missed."""

        def process_response(self, value: str) -> str:
            try:
                return super().process_response(value.strip())
            except InvalidResponse:
                shown = escape(neutral_line(value.strip(), 30))
                listed = ", ".join(self.choices or [])
                raise InvalidResponse(
                    f"[prompt.invalid.choice]'{shown}' is not one of: {listed} (any case)."
                ) from None

    def choice(question: str, choices: list[str], default: str) -> str:
        return str(Choice.ask(question, choices=choices, default=default, case_sensitive=False))

    def month(question: str, default: str | None, option: str) -> str:
        while True:
            given = Prompt.ask(question, default=default) if default else Prompt.ask(question)
            try:
                if option == "--start":
                    query.check_start(given, option="month")
                else:
                    query.parse_month(given, "month")
                return given.strip()
            except GuideError as exc:
                sys.stderr.write(f"{exc}\n")

    if answers.education is None:
        answers = replace(
            answers, education=choice("Where do you stand now?", list(query.EDUCATION), "high-school")
        )
    if answers.education in query.ASKS_FIELD and answers.him is None:
        answers = replace(
            answers,
            him=Confirm.ask(
                "Was it a CAHIIM-accredited health information (HIM or HIT) program?", default=False
            ),
        )
    if answers.education == "none" and answers.high_school_done is None:
        answers = replace(
            answers,
            high_school_done=month("When do you finish high school? (YYYY-MM)", None, "--high-school-done"),
        )
    if answers.goal is None:
        goals = ds.ids("goal")
        _say_goals(ds, goals)
        answers = replace(answers, goal=choice("What do you want to become?", goals, goals[0]))
    if answers.start is None:
        answers = replace(answers, start=month("When do you start? (YYYY-MM)", query.this_month(), "--start"))
    if query.missing(ds, answers):  # only the AS/AAS choice can be left
        answers = replace(
            answers,
            bachelor_later=Confirm.ask("Might you study for a bachelor's degree later?", default=False),
        )
    return answers
