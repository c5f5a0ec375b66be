"""``mrt-guide sources``: every source the dataset cites, and how much rests on each."""

from __future__ import annotations

from collections import Counter
from typing import Any

from .common import Guide, source_keys


def sources(guide: Guide) -> dict[str, Any]:
    figures = Counter(f["source"] for f in guide.figures.values())
    records = Counter(
        key for name, data in guide.files.items() if name != "sources.json" for key in source_keys(data)
    )
    rows = [{**s, "figures": figures[s["key"]], "records": records[s["key"]]} for s in guide.sources.values()]
    return {"sources": rows}
