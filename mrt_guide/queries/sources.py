"""``mrt-guide sources``: every source the dataset cites, and how much rests on each."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..dataset.index import Dataset


def sources(ds: Dataset) -> dict[str, Any]:
    figures = Counter(f["source"] for f in ds.figures.values())
    records = ds.sourced_counts()
    rows = [{**s, "figures": figures[key], "records": records.get(key, 0)} for key, s in ds.sources.items()]
    return {"sources": rows}
