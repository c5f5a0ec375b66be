"""Queries: the records each command shows, as JSON-ready dicts (they *are* the ``--json`` output)."""

from __future__ import annotations

import importlib
from typing import Any


def run(ds: Any, query: str) -> Any:
    """Run the query ``module:function`` of ``mrt_guide.queries`` on dataset ``ds``."""
    module, function = query.split(":")
    return getattr(importlib.import_module(f"mrt_guide.queries.{module}"), function)(ds)
