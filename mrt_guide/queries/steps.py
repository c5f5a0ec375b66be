"""``mrt-guide steps``: the path into the career."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from ..dataset.index import Dataset

if TYPE_CHECKING:
    from ..records import StepOut, StepsOut


def steps(ds: Dataset) -> StepsOut:
    out = []
    for number, step in enumerate(ds.section("steps")["steps"], start=1):
        duration = step["duration"]
        out.append(
            {
                "number": number,
                **step,
                "duration": {"text": duration["text"], "figures": ds.figure_list(duration["figures"])},
                "leads": [
                    {"degree": route["short"], **lead}
                    for route in (ds.get("degree", d) for d in step["degrees"])
                    for lead in route["leads"]
                ],
            }
        )
    return {"steps": cast("list[StepOut]", out)}
