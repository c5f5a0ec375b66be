"""Shell-completion candidates, read straight from the JSON files.

Completion runs on every TAB, so it neither validates the dataset (no pydantic
models) nor renders anything (no Rich); a broken dataset simply completes nothing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer


def _section(ctx: typer.Context, name: str) -> Any:
    from ..dataset.load import resolve_dir

    data = ctx.find_root().params.get("data")
    try:
        return json.loads((resolve_dir(Path(data) if data else None) / f"{name}.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None


def _matching(names: list[str], incomplete: str) -> list[str]:
    # Case matters, as it does to Typer (which filters the candidates again) and to the shells.
    return [n for n in names if n.startswith(incomplete)]


def certification_names(ctx: typer.Context, incomplete: str) -> list[str]:
    data = _section(ctx, "certifications")
    try:
        names = [n for c in data["certifications"] for n in (c["id"], *c["aliases"])]
    except (TypeError, KeyError):
        return []
    return _matching(names, incomplete)


def degree_names(ctx: typer.Context, incomplete: str) -> list[str]:
    data = _section(ctx, "education")
    try:
        names = [n for r in data["routes"] for n in (r["short"], r["id"])]
    except (TypeError, KeyError):
        return []
    return _matching(names, incomplete)


def goal_names(ctx: typer.Context, incomplete: str) -> list[str]:
    data = _section(ctx, "goals")
    try:
        names = [g["id"] for g in data["goals"]]
    except (TypeError, KeyError):
        return []
    return _matching(names, incomplete)
