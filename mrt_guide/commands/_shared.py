"""What every command needs: the dataset chosen on the command line."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

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


def _built(name: str, target: str) -> Any:
    """The Click command for ``name`` from ``module:attribute`` of ``mrt_guide.commands``."""
    module, attribute = target.split(":")
    found = getattr(importlib.import_module(f"mrt_guide.commands.{module}"), attribute)
    if isinstance(found, typer.Typer):
        return typer.main.get_command(found)
    # add_completion=False: the completion options belong to the root, not to each command
    one = typer.Typer(rich_markup_mode="rich", pretty_exceptions_enable=False, add_completion=False)
    one.command(name=name, cls=Command)(found)
    return typer.main.get_command(one)


class LazyCommands(dict[str, Any]):
    """The root's commands by name, each built on first use (a dict, as Click expects; its
    values are None until a command is asked for)."""

    def __init__(self, table: dict[str, str]) -> None:
        super().__init__(dict.fromkeys(table))
        self._table = table

    def __getitem__(self, name: str) -> Any:
        built = super().__getitem__(name)  # KeyError for an unknown name
        if built is None:
            built = _built(name, self._table[name])
            super().__setitem__(name, built)
        return built

    def get(self, name: str, default: Any = None) -> Any:
        if name not in self:
            return default
        return self[name]

    def values(self) -> Any:
        return [self[name] for name in self]

    def items(self) -> Any:
        return [(name, self[name]) for name in self]
