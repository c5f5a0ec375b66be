"""What every command needs: the dataset chosen on the command line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import typer
from typer.core import TyperCommand, TyperGroup

if TYPE_CHECKING:
    from ..dataset.index import Dataset


class Command(TyperCommand):
    """Typer's command, its help stacked on a narrow terminal (see ``narrow_help``)."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from .. import narrow_help

        if narrow_help.is_narrow():
            formatter.write(narrow_help.render(ctx, self))
            return
        super().format_help(ctx, formatter)


class Group(TyperGroup):
    """Typer's group, its help stacked on a narrow terminal (see ``narrow_help``)."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from .. import narrow_help

        if narrow_help.is_narrow():
            formatter.write(narrow_help.render(ctx, self))
            return
        super().format_help(ctx, formatter)


def flag(*names: str, help: str, **kwargs: Any) -> Any:
    """A boolean option, shown in help without Typer's "<bool>" type hint."""
    return typer.Option(*names, help=help, metavar="", show_default=False, **kwargs)


def argument(metavar: str, help: str, **kwargs: Any) -> Any:
    """A positional argument named ``metavar`` in help, with no default shown."""
    return typer.Argument(metavar=metavar, help=help, show_default=False, **kwargs)


class Settings:
    """Global options, kept on the root context."""

    __slots__ = ("data",)

    def __init__(self, data: Path | None = None) -> None:
        self.data = data


def data_dir(ctx: typer.Context) -> Path:
    """The dataset folder for this run: ``--data``, ``$MRT_GUIDE_DATA`` or the bundled one.

    During completion the root callback does not run, so the option is read from the
    parsed parameters instead of ``ctx.obj``.
    """
    from ..dataset.load import resolve_dir

    root = ctx.find_root()
    settings = root.obj
    if isinstance(settings, Settings):
        return resolve_dir(settings.data)
    given = root.params.get("data")
    return resolve_dir(Path(given) if given else None)


def dataset(ctx: typer.Context) -> Dataset:
    """The dataset for this run, validated."""
    from ..dataset.load import load

    return load(data_dir(ctx))


Target = Any
"""What a command table's loader returns: a command function or a Typer app (a group)."""


def _built(name: str, target: Target) -> Any:
    """The Click command for ``name`` from a command function or a Typer app."""
    if isinstance(target, typer.Typer):
        return typer.main.get_command(target)
    # add_completion=False: the completion options belong to the root, not to each command
    one = typer.Typer(rich_markup_mode="rich", pretty_exceptions_enable=False, add_completion=False)
    one.command(name=name, cls=Command)(target)
    return typer.main.get_command(one)


class LazyGroup(Group):
    """A group whose commands are built when first asked for (Click's documented lazy
    loading: ``list_commands`` names them, ``get_command`` builds one), so a run pays for
    one command's module and parameters. ``table`` maps each name, in help order, to a
    function that imports and returns the command."""

    table: ClassVar[dict[str, Callable[[], Target]]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._built: dict[str, Any] = {}

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.table)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """As Typer's, with its "Did you mean ...?" drawn from the table (Typer reads the
        commands built so far, which here are none)."""
        try:
            return super().resolve_command(ctx, args)
        except typer.TyperException as exc:
            from difflib import get_close_matches

            matches = get_close_matches(args[0], self.list_commands(ctx)) if args else []
            if matches and exc.message.startswith("No such command"):
                exc.message = f"{exc.message.rstrip('.')}. Did you mean {', '.join(map(repr, matches))}?"
            raise

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.table:
            return None
        if cmd_name not in self._built:
            self._built[cmd_name] = _built(cmd_name, self.table[cmd_name]())
        return self._built[cmd_name]
