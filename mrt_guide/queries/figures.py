"""What several queries ask of figures: which is newest, its hourly or annual twin, and the
occupation codes their sources publish under."""

from __future__ import annotations

import re

from ..dataset.index import Dataset, Record

TRUST = {"official": 2, "secondary": 1, "article-only": 0}
"""Between two figures of the same year, the more trustworthy first."""


def newest(figures: list[Record]) -> Record | None:
    """The latest figure, an official one first among those of the same year."""
    return max(figures, key=lambda f: (f["year_end"] or f["year"], TRUST[f["flag"]]), default=None)


def newest_first(figures: list[Record]) -> list[Record]:
    """The latest year first; within a year, an official figure before a secondary one."""
    return sorted(figures, key=lambda f: (-(f["year_end"] or f["year"]), -TRUST[f["flag"]]))


def twin(figure: Record | None, figures: list[Record], unit: str) -> Record | None:
    """The figure for the same measure, year and source in ``unit`` (hourly for annual, ...)."""
    if figure is None:
        return None
    return next(
        (
            f
            for f in figures
            if f["unit"] == unit
            and f["measure"] == figure["measure"]
            and f["year"] == figure["year"]
            and f["source"] == figure["source"]
        ),
        None,
    )


def codes(ds: Dataset, figures: list[Record]) -> list[Record]:
    """The occupation codes the figures' sources publish under, each once, in the table's order."""
    sources = {f["source"] for f in figures}
    return [code for code in ds.section("states")["codes"] if sources & set(code["figures_from"])]


ANNUAL, HOURLY = "usd_per_year", "usd_per_hour"


IMPORTED = r"^oews-\d{4}-(?:national|state|metro|all)$"
"""The source key of an OEWS file the reader imported (``data import-oews``); compiled on
first use, by ``re``'s cache."""


def rank(ds: Dataset, fig: Record) -> tuple[int, int, int, int, int]:
    """How a figure ranks against others of the same measure: the latest year, then the more
    trustworthy flag, then the occupation's own code before a broader group, then a file the
    reader imported (what they asked to see), then a figure read from the publisher's own
    file (``official/``) before one quoted from a page."""
    code = ds.soc_codes.get(fig["source"])
    source = ds.sources.get(fig["source"]) or {}
    return (
        fig["year_end"] or fig["year"],
        TRUST[fig["flag"]],
        0 if code is not None and code.get("broader") else 1,
        1 if re.match(IMPORTED, fig["source"]) else 0,
        1 if source.get("file") else 0,
    )


def national_medians(ds: Dataset, unit: str = ANNUAL) -> list[Record]:
    """Every national median wage in ``unit`` (pay.json's, imported ones included)."""
    return [f for f in ds.section("pay")["figures"] if f["measure"] == "median" and f["unit"] == unit]


def newest_median(ds: Dataset) -> tuple[Record | None, Record | None]:
    """THE newest national median, annual and its hourly twin: what ``facts``, ``salary``,
    the handout, ``plan``, ``careers`` and ``salary --state`` all lead with. The latest May;
    in a year with more than one, by ``rank``."""
    annual = max(national_medians(ds), key=lambda f: rank(ds, f), default=None)
    return annual, twin(annual, ds.section("pay")["figures"], HOURLY)


def one_per_year(ds: Dataset, figures: list[Record]) -> tuple[list[Record], list[Record]]:
    """The best figure of each year (by ``rank``), newest first, and the others, which repeat a
    year already shown (a page quoting what BLS's own file gives): kept as history."""
    best: dict[int, Record] = {}
    for fig in figures:
        year = fig["year_end"] or fig["year"]
        if year not in best or rank(ds, fig) > rank(ds, best[year]):
            best[year] = fig
    chosen = sorted(best.values(), key=lambda f: -(f["year_end"] or f["year"]))
    kept = {id(f) for f in chosen}
    return chosen, newest_first([f for f in figures if id(f) not in kept])


def newest_projection(ds: Dataset) -> Record | None:
    """The projection that ends last; an official one first where two end together."""
    projections = ds.section("outlook")["projections"]
    return max(projections, key=lambda p: (p["end"], TRUST[p["flag"]]), default=None)


def months_of(figure: Record | None) -> int | None:
    """A duration figure in months, or None when it is not a duration in months or years."""
    if figure is None:
        return None
    if figure["unit"] == "months":
        return round(float(figure["value"]))
    if figure["unit"] == "years":
        return round(float(figure["value"]) * 12)
    return None
