"""What every command needs: the dataset chosen on the command line."""

from __future__ import annotations

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
