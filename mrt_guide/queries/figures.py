"""What several queries ask of figures: which is newest, its hourly or annual twin, and the
occupation codes their sources publish under."""

from __future__ import annotations

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


def months_of(figure: Record | None) -> int | None:
    """A duration figure in months, or None when it is not a duration in months or years."""
    if figure is None:
        return None
    if figure["unit"] == "months":
        return round(float(figure["value"]))
    if figure["unit"] == "years":
        return round(float(figure["value"]) * 12)
    return None
