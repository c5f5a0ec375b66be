"""``mrt-guide guide``: every part in reading order, one document."""

from __future__ import annotations

from typing import Any

from ..dataset.index import Dataset
from ..dataset.sections import parts
from . import run


def whole(ds: Dataset) -> dict[str, Any]:
    """Each part's records in reading order; the command adds the sources they cite, once."""
    return {part.key: run(ds, part.query) for _, part in parts()}
