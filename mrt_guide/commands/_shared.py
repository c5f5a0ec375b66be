"""What every command needs: the dataset chosen on the command line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer

from ..queries.common import Guide


def flag(*names: str, help: str, **kwargs: Any) -> Any:
    """A boolean option, shown in help without Typer's "<bool>" type hint."""
    return typer.Option(*names, help=help, metavar="", show_default=False, **kwargs)


@dataclass
class Settings:
    """Global options, kept on the root context."""

    data: Path | None = None


def data_dir(ctx: typer.Context) -> Path:
    """The dataset directory for this run: ``--data``, ``$MRT_GUIDE_DATA`` or the bundled one."""
    from ..dataset.load import resolve_dir

    settings = ctx.find_root().obj
    return resolve_dir(settings.data if isinstance(settings, Settings) else None)


def guide(ctx: typer.Context) -> Guide:
    """The dataset for this run, validated."""
    from ..dataset.load import load

    return Guide(load(data_dir(ctx)))
