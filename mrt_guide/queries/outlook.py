"""``mrt-guide outlook``: the projections, why demand grows, employment."""

from __future__ import annotations

from typing import Any

from ..dataset.index import Dataset


def outlook(ds: Dataset) -> dict[str, Any]:
    data = ds.section("outlook")
    projections = sorted(data["projections"], key=lambda p: (p["start"], p["end"]))
    return {
        "trend": data["trend"],
        "article_projection": ds.projection(data["article_projection"]),
        "comparison": data["comparison"],
        "drivers": data["drivers"],
        "projections": projections,
        "employment": data["employment"],
    }
