"""``mrt-guide outlook``: the projections, why demand grows, employment."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..dataset.index import Dataset
from .figures import TRUST, codes, newest_first

if TYPE_CHECKING:
    from ..records import OutlookOut


def outlook(ds: Dataset) -> OutlookOut:
    """The projections newest first (the period that ends last; an official one first where
    two end together), why demand grows, employment, and the occupation codes involved."""
    data = ds.section("outlook")
    projections = sorted(data["projections"], key=lambda p: (-p["end"], -p["start"], -TRUST[p["flag"]]))
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
