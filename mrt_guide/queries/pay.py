"""``mrt-guide salary``: pay figures, their spread, history and what raises pay."""

from __future__ import annotations

from typing import Any

from ..dataset.index import Dataset, Record
from .links import Link, link

HOURLY, ANNUAL = "usd_per_hour", "usd_per_year"


def _twin(figure: Record, figures: list[Record], unit: str) -> Record | None:
    """The figure for the same measure and year in ``unit`` (hourly for annual, and so on)."""
    for other in figures:
        if (
            other["unit"] == unit
            and other["measure"] == figure["measure"]
            and other["year"] == figure["year"]
            and other["source"] == figure["source"]
        ):
            return other
    return None


def salary(ds: Dataset, *, history: bool = False, hourly: bool = False) -> dict[str, Any]:
    pay = ds.section("pay")
    every = pay["figures"]
    if history:
        chosen = sorted(
            (f for f in every if f["measure"] == "median" and f["unit"] == ANNUAL), key=lambda f: f["year"]
        )
    else:
        chosen = [f for f in ds.figure_list(pay["headline"]) if f["unit"] == ANNUAL]
    unit = HOURLY if hourly else ANNUAL
    figures, no_hourly = [], []
    for fig in chosen:
        shown = _twin(fig, every, unit) if hourly else fig
        if shown is None:
            no_hourly.append(fig)
        else:
            figures.append(shown)
    spreads = []
    if not history and not hourly:
        spreads = [
            {"id": s["id"], "title": s["title"], "figures": ds.figure_list(s["figures"])}
            for s in pay["spreads"]
        ]
    factors = [{**f, "evidence": ds.figure_list(f["evidence"])} for f in pay["factors"]]
    return {
        "view": "history" if history else "headline",
        "basis": "hourly" if hourly else "annual",
        "figures": figures,
        "no_hourly_figure": no_hourly,
        "spreads": spreads,
        "factors": factors,
        "surveys": [] if hourly else pay["surveys"],  # annual averages only
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
