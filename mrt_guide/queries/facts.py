"""``mrt-guide facts``: the current answer on one screen.

The newest median pay (annual and hourly), how people get in and how long it takes,
the credential and how it is kept, how many jobs there are, the newest projection and
where people work, each a figure with its year, source and flag, and the commands that
answer the next question. Newest means the latest year the figure describes; between
two of the same year, an official figure before a secondary one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..dataset.index import Dataset
from .figures import newest, newest_median, newest_projection
from .links import link

if TYPE_CHECKING:
    from ..records import FactsOut


def facts(ds: Dataset) -> FactsOut:
    occupation = ds.section("occupation")
    quick = occupation["quick"]
    annual, hourly = newest_median(ds)
    outlook = ds.section("outlook")
    projection = newest_projection(ds)
    counts = [p["base_employment"] for p in outlook["projections"] if p["base_employment"]] + [
        f for f in outlook["employment"] if f["measure"] == "employment"
    ]
    work = ds.section("work")
    shares = sorted(work["employer_shares"], key=lambda e: -float(e["share"]["value"]))
    credential = None if quick is None else ds.certification(quick["credential"])
    route = None if quick is None else ds.get("degree", quick["route"])
    return {
        "title": occupation["title"],
        "median_annual": annual,
        "median_hourly": hourly,
        "entry": None if quick is None else ds.get("fact", quick["entry"]),
        "route": route,
        "credential": None
        if credential is None
        else {
            "id": credential["id"],
            "name": credential["name"],
            "issuer": credential["issuer"],
            "renewal": {"ceus": credential["renewal"]["ceus"], "cycle": credential["renewal"]["cycle"]},
        },
        "jobs": newest(counts),
        "projection": projection,
        "employers": shares[:3],
        "next": [
            link("plan"),
            link("salary"),
            *([link("certs", credential["id"])] if credential else []),
            link("degrees"),
            link("outlook"),
            link("guide"),
        ],
    }
