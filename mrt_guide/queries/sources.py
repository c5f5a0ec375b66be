"""``mrt-guide sources``: every source the dataset cites, and how much rests on each."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, cast

from ..dataset.index import Dataset

if TYPE_CHECKING:
    from ..records import SourceRow, SourcesOut


def sources(ds: Dataset) -> SourcesOut:
    figures = Counter(f["source"] for f in ds.figures.values())
    records = ds.sourced_counts()
    rows = [{**s, "figures": figures[key], "records": records.get(key, 0)} for key, s in ds.sources.items()]
    return {"sources": cast("list[SourceRow]", rows)}
