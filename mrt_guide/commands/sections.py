"""Commands that show one section of the guide and take no options but the output ones.

Each is the same few lines of wiring (query, then show), so one factory makes them;
what differs is the name, the query, the view and the help text, listed below. The
query and the view are imported by small functions, only when the command runs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import typer

from ..output import (
    ExportOption,
    JsonOption,
    MarkdownOption,
    NoColorOption,
    PlainOption,
    View,
    ViewLoader,
    chosen,
    show,
)
from ._shared import dataset

if TYPE_CHECKING:
    from ..dataset.index import Dataset


def section_command(
    name: str,
    query: Callable[[Dataset], Mapping[str, Any]],
    view: ViewLoader,
    help: str,
    *,
    cites: bool = True,
) -> Callable[..., None]:
    """The command ``name``: runs ``query`` on the dataset and shows the records (with the
    sources they cite, unless ``cites`` is false) through ``view``."""

    def command(
        ctx: typer.Context,
        json_: JsonOption = False,
        plain: PlainOption = False,
        markdown: MarkdownOption = False,
        export: ExportOption = None,
        no_color: NoColorOption = False,
    ) -> None:
        out = chosen(json_, plain, markdown, export, no_color)
        ds = dataset(ctx)
        data = query(ds)
        show(out, ds.with_sources(data) if cites else data, view)

    command.__name__ = command.__qualname__ = name
    command.__doc__ = help
    return command


def _facts_query(ds: Dataset) -> Mapping[str, Any]:
    from ..queries.facts import facts

    return facts(ds)


def _facts_view() -> View:
    from ..views import facts

    return facts


def _steps_query(ds: Dataset) -> Mapping[str, Any]:
    from ..queries.steps import steps

    return steps(ds)


def _steps_view() -> View:
    from ..views import steps

    return steps


def _outlook_query(ds: Dataset) -> Mapping[str, Any]:
    from ..queries.outlook import outlook

    return outlook(ds)


def _outlook_view() -> View:
    from ..views import outlook

    return outlook


def _duties_query(ds: Dataset) -> Mapping[str, Any]:
    from ..queries.work import duties

    return duties(ds)


def _duties_view() -> View:
    from ..views import duties

    return duties


def _skills_query(ds: Dataset) -> Mapping[str, Any]:
    from ..queries.work import skills

    return skills(ds)


def _skills_view() -> View:
    from ..views import skills

    return skills


def _workplaces_query(ds: Dataset) -> Mapping[str, Any]:
    from ..queries.work import workplaces

    return workplaces(ds)


def _workplaces_view() -> View:
    from ..views import workplaces

    return workplaces


def _about_query(ds: Dataset) -> Mapping[str, Any]:
    from ..queries.work import about

    return about(ds)


def _about_view() -> View:
    from ..views import about

    return about


def _sources_query(ds: Dataset) -> Mapping[str, Any]:
    from ..queries.sources import sources

    return sources(ds)


def _sources_view() -> View:
    from ..views import sources

    return sources


def _handout_query(ds: Dataset) -> Mapping[str, Any]:
    from ..queries.handout import handout

    return handout(ds)


def _handout_view() -> View:
    from ..views import handout

    return handout


facts = section_command(
    "facts",
    _facts_query,
    _facts_view,
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
    _steps_query,
    _steps_view,
    """The path into the career, step by step.

    [bold]Examples[/bold]

      mrt-guide steps
      mrt-guide steps --markdown > steps.md

    Each step says what to do, how long it takes and which command tells more.
    """,
)
outlook = section_command(
    "outlook",
    _outlook_query,
    _outlook_view,
    """Job outlook: the article's projection, why demand grows, BLS projections over time.

    [bold]Examples[/bold]

      mrt-guide outlook
      mrt-guide outlook --plain | cut -f2,3
    """,
)
duties = section_command(
    "duties",
    _duties_query,
    _duties_view,
    """Duties: what a medical records technician does all day.

    [bold]Examples[/bold]

      mrt-guide duties
      mrt-guide duties --markdown
    """,
)
skills = section_command(
    "skills",
    _skills_query,
    _skills_view,
    """Skills and qualities the work demands.

    [bold]Examples[/bold]

      mrt-guide skills
      mrt-guide skills --json
    """,
)
workplaces = section_command(
    "workplaces",
    _workplaces_query,
    _workplaces_view,
    """Workplaces: hospitals and the other settings, share of jobs and pay by setting.

    [bold]Examples[/bold]

      mrt-guide workplaces
      mrt-guide workplaces --plain
    """,
)
about = section_command(
    "about",
    _about_query,
    _about_view,
    """The job in brief: what it is, its other names, how BLS and O*NET classify it.

    [bold]Examples[/bold]

      mrt-guide about
    """,
)
sources = section_command(
    "sources",
    _sources_query,
    _sources_view,
    """Sources: every source the guide cites, with link, vintage, kind and what rests on it.

    [bold]Examples[/bold]

      mrt-guide sources
      mrt-guide sources --plain | cut -f1,8
    """,
    cites=False,
)
handout = section_command(
    "handout",
    _handout_query,
    _handout_view,
    """The career on one or two printed pages: for a counselor, a class or a fridge door.

    [bold]Examples[/bold]

      mrt-guide handout --export handout.html   then print it from the browser
      mrt-guide handout --export handout.md
      mrt-guide handout

    Quick facts, the steps and how long each takes, AS or AAS, the credentials, pay,
    outlook, where people work and the sources, each figure with its year and source.
    """,
)
