"""``mrt-guide outlook``: the article's projection, why demand grows, projections over time."""

from __future__ import annotations

from typing import Any

from .common import Guide


def outlook(guide: Guide) -> dict[str, Any]:
    data = guide["outlook"]
    projections = sorted(data["projections"], key=lambda p: (p["start"], p["end"]))
    return guide.with_sources(
        {
            "trend": data["trend"],
            "article_projection": next(p for p in projections if p["id"] == data["article_projection"]),
            "comparison": data["comparison"],
            "drivers": data["drivers"],
            "projections": projections,
            "employment": data["employment"],
        }
    )
