"""The ``mrt-guide`` command: the Typer app, its global options, and the runner
that turns every failure into one line on stderr and a documented exit status.

Kept light on purpose: importing this module pulls in Typer but not Rich,
pydantic or any view. Commands import what they need when they run.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from .commands import data, sections
from .commands._shared import Settings, flag
from .commands.certs import certs
from .commands.degrees import degrees
from .commands.guide import guide
from .commands.plan import plan
from .commands.salary import salary
from .commands.search import search
from .status import ExitStatus, GuideError

PROG = "mrt-guide"
COMPLETE_VAR = "_MRT_GUIDE_COMPLETE"
HELP = """A terminal career guide for medical records technicians (health information technicians).

Every figure comes with the year it describes, its source and a flag: official, secondary or article-only.

[bold]Examples[/bold]

[cyan]mrt-guide steps[/cyan]                        the path, step by step
[cyan]mrt-guide degrees --no-bachelor-later[/cyan]  AS or AAS?
[cyan]mrt-guide certs RHIT[/cyan]                   one credential in full
[cyan]mrt-guide salary --history[/cyan]             pay by year
[cyan]mrt-guide outlook[/cyan]                      job growth projections
[cyan]mrt-guide duties[/cyan]                       what the job involves
[cyan]mrt-guide search coding[/cyan]                any fact, by a word
[cyan]mrt-guide sources[/cyan]                      where figures come from
[cyan]mrt-guide guide --export guide.html[/cyan]    the whole guide, a handout
[cyan]mrt-guide certs --json[/cyan]                 any command as JSON
"""


def _error(message: str) -> None:
    sys.stderr.write(f"Error: {message}\n")


def _data_faults(faults: list[Any], shown: int = 8) -> None:
    _error(f"the dataset has {len(faults)} fault(s); nothing was shown.")
    for fault in faults[:shown]:
        sys.stderr.write(f"  {fault.line()}\n")
    if len(faults) > shown:
        sys.stderr.write(
            f"  ... and {len(faults) - shown} more; run '{PROG} data validate' for the full list.\n"
        )


def _usage_error(exc: Exception) -> str | None:
    """Click's usage errors (bad option, command or value) as one line, or None."""
    from typer._click.exceptions import ClickException, UsageError

    if not isinstance(exc, ClickException):
        return None
    message = exc.format_message()
    if isinstance(exc, UsageError) and exc.ctx is not None:
        message += f" (see '{exc.ctx.command_path} --help')"
    return " ".join(message.split())


def _quiet_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so the exit flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def run(invoke: Callable[[], Any]) -> int:
    """Call ``invoke`` (the parsed command) and return an exit status; no traceback gets out."""
    from .dataset.faults import DataError

    try:
        result = invoke()
        sys.stdout.flush()
        if result == ExitStatus.INTERRUPTED:  # Typer turns Ctrl-C into this status
            sys.stderr.write("\nInterrupted.\n")
        return int(result or 0)
    except GuideError as exc:
        _error(str(exc))
        return exc.status
    except DataError as exc:
        _data_faults(exc.faults)
        return ExitStatus.NOT_FOUND
    except BrokenPipeError:
        _quiet_stdout()
        return ExitStatus.OK
    except (KeyboardInterrupt, typer.Abort):
        sys.stderr.write("\nInterrupted.\n")
        return ExitStatus.INTERRUPTED
    except Exception as exc:
        usage = _usage_error(exc)
        if usage is not None:
            _error(usage)
            return ExitStatus.USAGE
        if os.environ.get("MRT_GUIDE_DEBUG"):
            raise
        _error(
            f"internal error ({type(exc).__name__}: {exc}). "
            "Please report it; MRT_GUIDE_DEBUG=1 shows the traceback."
        )
        return ExitStatus.INTERNAL


class GuideGroup(TyperGroup):
    """The root command: Typer's group, run through ``run`` so errors become one line."""

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        from . import typer_fast
        from .terminal import usable_streams

        typer_fast.skip_idle_coercion()
        if COMPLETE_VAR in os.environ:
            typer_fast.plain_completion_help()
        with usable_streams():
            status = run(
                lambda: super(GuideGroup, self).main(
                    args, prog_name or PROG, complete_var, standalone_mode=False, **extra
                )
            )
        if standalone_mode:
            sys.exit(status)
        return status


app = typer.Typer(
    name=PROG,
    cls=GuideGroup,
    help=HELP,
    # Rich formats --help only; Typer imports it there and nowhere else.
    rich_markup_mode="rich",
    # Errors never reach Typer's Rich traceback printer: `run` catches them all,
    # so the pretty-exception machinery (and its Rich import) stays unused.
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"{PROG} {version(PROG)}")
        except PackageNotFoundError:
            typer.echo(f"{PROG} (not installed; run from a source tree)")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            envvar="MRT_GUIDE_DATA",
            metavar="DIR",
            help="Read another dataset with the layout of data/ (checked before use).",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        flag("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    ctx.obj = Settings(data=data)
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit()


for command in (
    sections.steps,
    degrees,
    certs,
    salary,
    sections.outlook,
    sections.duties,
    sections.skills,
    sections.workplaces,
    sections.about,
    search,
    sections.sources,
    plan,
    guide,
):
    app.command()(command)
app.add_typer(data.app)


def main() -> None:
    """Console-script entry point."""
    app(prog_name=PROG)
