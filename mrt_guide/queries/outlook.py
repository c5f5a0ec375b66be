"""``mrt-guide outlook``: the projections, why demand grows, employment."""

from __future__ import annotations

from typing import Any

from ..dataset.index import Dataset


def outlook(ds: Dataset) -> dict[str, Any]:
    """The projections newest first (the period that ends last; an official one first where
    two end together), why demand grows, employment, and the occupation codes involved."""
    from .pay import codes, newest_first

    data = ds.section("outlook")
    trust = {"official": 2, "secondary": 1, "article-only": 0}
    projections = sorted(data["projections"], key=lambda p: (-p["end"], -p["start"], -trust[p["flag"]]))
    figures = [p["growth"] for p in projections] + data["employment"]
    return {
        "trend": data["trend"],
        "article_projection": ds.projection(data["article_projection"]),
        "comparison": data["comparison"],
        "drivers": data["drivers"],
        "projections": projections,
        "employment": newest_first(data["employment"]),
        "codes": codes(ds, figures),
    }
