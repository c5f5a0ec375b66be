"""The ``mrt-guide`` command: the Typer app, its global options, and the runner that
turns every failure into one line on stderr and a documented exit status.

Kept light on purpose: importing this module pulls in Typer but not Rich, pydantic,
any view, or any command but the one that runs. Commands are listed in ``COMMANDS``
and built when first asked for (Click's documented lazy-loading pattern), so a run
pays for one command's module and parameters, not fourteen.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from . import __version__
from .commands import COMMANDS
from .commands._shared import LazyGroup, Settings, flag
from .status import ExitStatus, GuideError

PROG = "mrt-guide"
COMPLETE_VAR = "_MRT_GUIDE_COMPLETE"
HELP = """A terminal career guide for medical records technicians (health information technicians).

Every figure comes with the year it describes, its source and a flag: official, secondary or article-only.

[bold]Examples[/bold]

  [cyan]mrt-guide facts[/cyan]                        the answer now, on one screen
  [cyan]mrt-guide steps[/cyan]                        the path, step by step
  [cyan]mrt-guide degrees --no-bachelor-later[/cyan]  AS or AAS?
  [cyan]mrt-guide certs RHIT[/cyan]                   one credential in full
  [cyan]mrt-guide compare CPC CCS[/cyan]              credentials side by side
  [cyan]mrt-guide salary --history[/cyan]             pay by year
  [cyan]mrt-guide outlook[/cyan]                      job growth projections
  [cyan]mrt-guide plan[/cyan]                         your own dated roadmap (asks)
  [cyan]mrt-guide search coding[/cyan]                any fact, by a word
  [cyan]mrt-guide sources[/cyan]                      where figures come from
  [cyan]mrt-guide handout --export h.html[/cyan]      two pages to print
  [cyan]mrt-guide guide --export guide.html[/cyan]    the whole guide, to read on screen
  [cyan]mrt-guide certs --json[/cyan]                 any command as JSON
"""


def _say(text: str) -> None:
    """Write to stderr, if it can be written to at all (a full or closed stderr says nothing)."""
    from .terminal import OutputError, PipeClosed

    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except (OSError, PipeClosed, OutputError):
        pass


def _error(message: str) -> None:
    _say(f"Error: {message}\n")


def _data_faults(faults: list[Any], shown: int = 8) -> None:
    if len(faults) == 1:
        _error(faults[0].line())
        return
    _error(f"the dataset has {len(faults)} faults; nothing was shown.")
    for fault in faults[:shown]:
        _say(f"  {fault.line()}\n")
    if len(faults) > shown:
        _say(f"  ... and {len(faults) - shown} more; run '{PROG} data validate' for the full list.\n")


def _usage_error(exc: Exception, argv: list[str]) -> str | None:
    """Click's usage errors (bad option, command or value) as one line, or None. Typer's
    bundled Click raises them as ``typer.TyperException``s; a usage error carries the
    context of the command it concerns."""
    if not isinstance(exc, typer.TyperException):
        return None
    message = exc.format_message()
    ctx = getattr(exc, "ctx", None)
    moved = _misplaced(ctx, getattr(exc, "option_name", None), argv)
    if moved is not None:
        return moved
    if ctx is not None:
        message += f" (see '{ctx.command_path} --help')"
    return " ".join(message.split())


def _misplaced(ctx: Any, option: str | None, words: list[str]) -> str | None:
    """For an option given before the command it belongs to (``mrt-guide --json ce status``),
    the line that says where it goes, or None."""
    if ctx is None or option is None or not option.startswith("--"):
        return None
    import shlex

    from .completion import innermost

    if option not in words:
        return None
    rest = [w for w in words if w != option]
    inner, _ = innermost(ctx.find_root().command, PROG, rest)
    names = {name for p in inner.command.get_params(inner) for name in (*p.opts, *p.secondary_opts)}
    if inner.command is ctx.command or option not in names:
        return None
    return f"{option} belongs after the command: {shlex.join([PROG, *rest, option])}"


def _quiet_stdout() -> None:
    """After a closed pipe or a failed write: point stdout at /dev/null so nothing more is tried."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
    except OSError:
        pass


class Stop(Exception):
    """SIGTERM or SIGHUP: end the run quietly with the signal's conventional status."""

    def __init__(self, status: ExitStatus) -> None:
        super().__init__(status.name)
        self.status = status


def _stop(signum: int, frame: object) -> None:
    raise Stop(ExitStatus.TERMINATED if signum == signal.SIGTERM else ExitStatus.HANGUP)


def run(invoke: Callable[[], Any], *, completing: bool = False, argv: list[str] | None = None) -> int:
    """Call ``invoke`` (the parsed command), flush what it printed, and return an exit status;
    no traceback gets out. A completion request that fails completes nothing, quietly: the
    shell would print any message at the reader's prompt."""
    from .dataset.faults import DataError
    from .terminal import OutputError, PipeClosed

    try:
        try:
            result = invoke()
        finally:
            sys.stdout.flush()  # inside the try: a full disk is reported, not an exit-time warning
        if result == ExitStatus.INTERRUPTED:  # Typer turns Ctrl-C into this status
            _say("\nInterrupted.\n")
        return int(result or 0)
    except GuideError as exc:
        _error(str(exc))
        return exc.status
    except DataError as exc:
        _data_faults(exc.faults)
        return ExitStatus.DATA
    except PipeClosed:
        _quiet_stdout()
        return ExitStatus.OK
    except OutputError as exc:
        _quiet_stdout()
        _error(f"cannot write the output: {exc.reason}.")
        return ExitStatus.IO
    except Stop as exc:
        _quiet_stdout()
        return exc.status
    except (KeyboardInterrupt, typer.Abort):
        _say("\nInterrupted.\n")
        return ExitStatus.INTERRUPTED
    except Exception as exc:
        if completing:
            return ExitStatus.OK
        usage = _usage_error(exc, argv or [])
        if usage is not None:
            _error(usage)
            return ExitStatus.USAGE
        if os.environ.get("MRT_GUIDE_DEBUG"):
            raise
        from .textsafe import neutral_line

        _error(
            f"internal error ({type(exc).__name__}: {neutral_line(str(exc), 200)}). "
            "Please report it; MRT_GUIDE_DEBUG=1 shows the traceback."
        )
        return ExitStatus.INTERNAL


class GuideGroup(LazyGroup):
    """The root command: Typer's group with lazily built commands, run through ``run`` so
    errors become one line."""

    table = COMMANDS

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        from .terminal import usable_streams

        completing = COMPLETE_VAR in os.environ
        handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGHUP)}
        try:
            for sig in handlers:
                signal.signal(sig, _stop)
            signal.signal(signal.SIGINT, signal.default_int_handler)
        except ValueError:  # not the main thread: leave signals alone
            handlers = {}
        try:
            with usable_streams():
                status = run(
                    lambda: (
                        self._complete()
                        if completing
                        else super(GuideGroup, self).main(
                            args, prog_name or PROG, complete_var, standalone_mode=False, **extra
                        )
                    ),
                    completing=completing,
                    argv=list(sys.argv[1:] if args is None else args),
                )
        finally:
            for sig, handler in handlers.items():
                signal.signal(sig, handler)
        if standalone_mode:
            sys.exit(status)
        return status

    def _complete(self) -> int | None:
        """Answer a TAB (see ``completion``); Typer prints the shell scripts themselves."""
        from .completion import respond

        status = respond(self, PROG, os.environ[COMPLETE_VAR])
        if status is None:
            return super().main([], PROG, COMPLETE_VAR, standalone_mode=False)  # type: ignore[no-any-return]
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


def tree() -> list[tuple[tuple[str, ...], Any]]:
    """Every command and group, each with its path (``()`` is the root, ``("ce", "status")``),
    in the order of the help; each command is built. For the docs, the tests and benchmarks."""
    root = typer.main.get_command(app)
    ctx = root.make_context(PROG, [], resilient_parsing=True)
    found: list[tuple[tuple[str, ...], Any]] = []

    def walk(command: Any, path: tuple[str, ...]) -> None:
        found.append((path, command))
        for name in command.list_commands(ctx) if hasattr(command, "list_commands") else []:
            walk(command.get_command(ctx, name), (*path, name))

    walk(root, ())
    return found


def _version(value: bool) -> None:
    if value:
        typer.echo(f"{PROG} {__version__}")
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


def main() -> None:
    """Console-script entry point: run, then leave without the interpreter's teardown (every
    stream is flushed and every file closed by then; nothing registers exit handlers), which
    is a sixth of a short command's time."""
    try:
        app(prog_name=PROG)
        status = 0
    except SystemExit as exc:
        status = exc.code if isinstance(exc.code, int) else 1
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(status)
