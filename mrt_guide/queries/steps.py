"""``mrt-guide steps``: the path into the career."""

from __future__ import annotations

from typing import Any

from .common import Guide


def steps(guide: Guide) -> dict[str, Any]:
    out = []
    for number, step in enumerate(guide["steps"]["steps"], start=1):
        duration = step["duration"]
        out.append(
            {
                "number": number,
                **step,
                "duration": {"text": duration["text"], "figures": guide.figure_list(duration["figures"])},
            }
        )
    return guide.with_sources({"steps": out})
