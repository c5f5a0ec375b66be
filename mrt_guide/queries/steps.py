"""``mrt-guide steps``: the path into the career."""

from __future__ import annotations

from typing import Any

from ..dataset.index import Dataset


def steps(ds: Dataset) -> dict[str, Any]:
    out = []
    for number, step in enumerate(ds.section("steps")["steps"], start=1):
        duration = step["duration"]
        out.append(
            {
                "number": number,
                **step,
                "duration": {"text": duration["text"], "figures": ds.figure_list(duration["figures"])},
            }
        )
    return {"steps": out}
