"""``mrt-guide duties``, ``skills``, ``workplaces`` and ``about``: the job itself."""

import typer

from ..output import Output, output_options, show
from ._shared import guide


@output_options
def duties(ctx: typer.Context, out: Output) -> None:
    """Duties: what a medical records technician does all day.

    [bold]Examples[/bold]

      mrt-guide duties
      mrt-guide duties --markdown
    """
    from ..queries.work import duties as query

    show(out, query(guide(ctx)), "duties")


@output_options
def skills(ctx: typer.Context, out: Output) -> None:
    """Skills and qualities the work demands.

    [bold]Examples[/bold]

      mrt-guide skills
      mrt-guide skills --json
    """
    from ..queries.work import skills as query

    show(out, query(guide(ctx)), "skills")


@output_options
def workplaces(ctx: typer.Context, out: Output) -> None:
    """Workplaces: hospitals and the other settings, share of jobs and pay by setting.

    [bold]Examples[/bold]

      mrt-guide workplaces
      mrt-guide workplaces --plain
    """
    from ..queries.work import workplaces as query

    show(out, query(guide(ctx)), "workplaces")


@output_options
def about(ctx: typer.Context, out: Output) -> None:
    """The job in brief: what it is, its other names, how BLS and O*NET classify it.

    [bold]Examples[/bold]

      mrt-guide about
    """
    from ..queries.work import about as query

    show(out, query(guide(ctx)), "about")
