"""What every command needs: the dataset chosen on the command line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import typer

from ..queries.common import Guide


@dataclass
class Settings:
    """Global options, kept on the root context."""

    data: Path | None = None


def guide(ctx: typer.Context) -> Guide:
    """The dataset for this run (``--data``, ``$MRT_GUIDE_DATA`` or the bundled one), validated."""
    from ..dataset.load import load, resolve_dir

    settings = ctx.find_root().obj
    data = settings.data if isinstance(settings, Settings) else None
    return Guide(load(resolve_dir(data)))
