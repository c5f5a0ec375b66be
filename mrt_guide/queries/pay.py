"""``mrt-guide salary``: pay figures, their spread, history and what raises pay."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..dataset.index import Dataset, Record
from .figures import codes, newest_first, newest_median, one_per_year, twin
from .links import link

if TYPE_CHECKING:
    from ..records import LinkOut as Link

HOURLY, ANNUAL = "usd_per_hour", "usd_per_year"


def salary(ds: Dataset, *, history: bool = False, hourly: bool = False) -> dict[str, Any]:
    """Medians newest first (the headline's, or one for every year for the history, the
    others of a year kept apart as ``also``), led by ``figures.newest_median``; the means
    apart (a mean is not a median); spreads newest first."""
    pay = ds.section("pay")
    every = pay["figures"]
    lead, _ = newest_median(ds)
    medians = [f for f in every if f["measure"] == "median" and f["unit"] == ANNUAL]
    if history:
        chosen, also = one_per_year(ds, medians)
        apart: list[Record] = []
    else:
        headline = [f for f in ds.figure_list(pay["headline"]) if f["unit"] == ANNUAL]
        chosen = [f for f in headline if f["measure"] == "median"]
        if lead is not None and lead not in chosen:  # an import newer than the headline
            chosen.append(lead)
        chosen, also = one_per_year(ds, chosen)
        # the newest mean (a mean is not a median: apart); percentiles are in the spreads
        apart = one_per_year(ds, [f for f in every if f["unit"] == ANNUAL and f["measure"] == "mean"])[0][:1]
    unit = HOURLY if hourly else ANNUAL
    figures, no_hourly = [], []
    if lead is not None and chosen and chosen[0] is not lead and chosen[0]["year"] == lead["year"]:
        chosen = [lead, *(f for f in chosen if f is not lead)]
    for fig in chosen:
        shown = twin(fig, every, unit) if hourly else fig
        if shown is None:
            no_hourly.append(fig)
        else:
            figures.append(shown)
    others = [o for o in (twin(f, every, unit) if hourly else f for f in newest_first(apart)) if o]
    spreads = []
    if not history and not hourly:
        spreads = [
            {"id": s["id"], "title": s["title"], "figures": ds.figure_list(s["figures"])}
            for s in pay["spreads"]
        ]
        spreads.sort(key=lambda s: -max(f["year_end"] or f["year"] for f in s["figures"]))
    factors = [{**f, "evidence": ds.figure_list(f["evidence"])} for f in pay["factors"]]
    return {
        "view": "history" if history else "headline",
        "basis": "hourly" if hourly else "annual",
        "figures": figures,
        "also": [] if hourly else also,
        "others": others,
        "no_hourly_figure": no_hourly,
        "spreads": spreads,
        "factors": factors,
        "surveys": [] if hourly else pay["surveys"],  # annual averages only
        "codes": codes(ds, figures + others + also),
    }


def history(ds: Dataset) -> dict[str, Any]:
    return salary(ds, history=True)


def figure_link(ds: Dataset, fig: Record, path: list[int | str]) -> Link:
    """The form of ``salary`` that shows ``fig``."""
    pay = ds.section("pay")
    shown = set(pay["headline"]) | {i for s in pay["spreads"] for i in s["figures"]}
    if fig["id"] in shown and fig["unit"] == ANNUAL:
        return link("salary")
    if fig["unit"] == HOURLY:
        return link("salary", "--hourly", *(["--history"] if fig["measure"] == "median" else []))
    return link("salary", "--history")
