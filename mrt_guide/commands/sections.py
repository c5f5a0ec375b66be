"""Commands that show one section of the guide and take no options but the output ones.

Each is the same few lines of wiring (query, then show), so one factory makes them;
what differs is the name, the query and the help text, listed below.
"""

from __future__ import annotations

from collections.abc import Callable

import typer

from ..output import ExportOption, JsonOption, MarkdownOption, NoColorOption, PlainOption, chosen, show
from ._shared import dataset


def section_command(name: str, query: str, help: str, *, cites: bool = True) -> Callable[..., None]:
    """The command ``name``: runs ``query`` (``module:function`` of ``mrt_guide.queries``)
    on the dataset and shows the records (with the sources they cite, unless ``cites``
    is false) through the view of the same name."""

    def command(
        ctx: typer.Context,
        json_: JsonOption = False,
        plain: PlainOption = False,
        markdown: MarkdownOption = False,
        export: ExportOption = None,
        no_color: NoColorOption = False,
    ) -> None:
        from ..queries import run

        out = chosen(json_, plain, markdown, export, no_color)
        ds = dataset(ctx)
        data = run(ds, query)
        show(out, ds.with_sources(data) if cites else data, name)

    command.__name__ = command.__qualname__ = name
    command.__doc__ = help
    return command


facts = section_command(
    "facts",
    "facts:facts",
    """Quick facts: pay now, the way in and how long it takes, the credential, jobs, outlook.

    [bold]Examples[/bold]

      mrt-guide facts
      mrt-guide facts --json

    Every figure is the newest the dataset holds, with its year, source and flag; the
    commands at the end answer the next question.
    """,
)
steps = section_command(
    "steps",
    "steps:steps",
    """The path into the career, step by step.

    [bold]Examples[/bold]

      mrt-guide steps
      mrt-guide steps --markdown > steps.md

    Each step says what to do, how long it takes and which command tells more.
    """,
)
outlook = section_command(
    "outlook",
    "outlook:outlook",
    """Job outlook: the article's projection, why demand grows, BLS projections over time.

    [bold]Examples[/bold]

      mrt-guide outlook
      mrt-guide outlook --plain | cut -f2,3
    """,
)
duties = section_command(
    "duties",
    "work:duties",
    """Duties: what a medical records technician does all day.

    [bold]Examples[/bold]

      mrt-guide duties
      mrt-guide duties --markdown
    """,
)
skills = section_command(
    "skills",
    "work:skills",
    """Skills and qualities the work demands.

    [bold]Examples[/bold]

      mrt-guide skills
      mrt-guide skills --json
    """,
)
workplaces = section_command(
    "workplaces",
    "work:workplaces",
    """Workplaces: hospitals and the other settings, share of jobs and pay by setting.

    [bold]Examples[/bold]

      mrt-guide workplaces
      mrt-guide workplaces --plain
    """,
)
about = section_command(
    "about",
    "work:about",
    """The job in brief: what it is, its other names, how BLS and O*NET classify it.

    [bold]Examples[/bold]

      mrt-guide about
    """,
)
sources = section_command(
    "sources",
    "sources:sources",
    """Sources: every source the guide cites, with link, vintage, kind and what rests on it.

    [bold]Examples[/bold]

      mrt-guide sources
      mrt-guide sources --plain | cut -f1,8
    """,
    cites=False,
)
handout = section_command(
    "handout",
    "handout:handout",
    """The career on one or two printed pages: for a counselor, a class or a fridge door.

    [bold]Examples[/bold]

      mrt-guide handout --export handout.html   then print it from the browser
      mrt-guide handout --export handout.md
      mrt-guide handout

    Quick facts, the steps and how long each takes, AS or AAS, the credentials, pay,
    outlook, where people work and the sources, each figure with its year and source.
    """,
)
