"""``mrt-guide salary --state`` and ``--states``: pay where you live, beside the national figures.

State figures come from ``states.json`` (secondary tables) and from official OEWS files the
reader imported (``data import-oews``), which the loader lays over the dataset. Every figure
keeps its measure, year, source and flag; a state without a figure has none, never a guess.
What a state figure and a national one differ in (mean or median, year, occupation code,
flag) is said as typed fields, so the view can phrase it and a script can test it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..dataset.index import Dataset, Record
from .figures import codes, newest_median
from .links import link

if TYPE_CHECKING:
    from ..records import LinkOut as Link

ANNUAL = "usd_per_year"
PAY = ("median", "mean")
"""Measures a state is ranked by, the median first."""
COMPARED = {("median", ANNUAL), ("mean", ANNUAL), ("employment", "workers")}
"""The figures a state's are set beside the nation's for, and told how they differ."""
_MEASURE_ORDER = {m: i for i, m in enumerate(("median", "mean", "p10", "p25", "p75", "p90", "employment"))}
_UNIT_ORDER = {"usd_per_year": 0, "usd_per_hour": 1, "workers": 2}


def _order(fig: Record) -> tuple[Any, ...]:
    """Newest first; official before secondary; the median, then the mean, then the rest."""
    return (
        -fig["year"],
        fig["flag"] != "official",
        _UNIT_ORDER.get(fig["unit"], 9),
        _MEASURE_ORDER.get(fig["measure"] or "", 9),
        fig["source"],
    )


def national_figures(ds: Dataset) -> list[Record]:
    """Every national pay or employment figure with a measure: pay.json's (imported ones
    included) and the national rows of the state tables."""
    figures = [f for f in ds.section("pay")["figures"] if f["measure"] in _MEASURE_ORDER]
    return figures + list(ds.section("states")["national"])


def code_of(ds: Dataset, fig: Record) -> str | None:
    """The occupation code a figure is for, where its source is known to say."""
    code = ds.soc_codes.get(fig["source"])
    return None if code is None or code["code"] is None else str(code["code"])


def _differences(ds: Dataset, fig: Record, other: Record) -> list[dict[str, Any]]:
    found = []
    for what, mine, theirs in (
        ("measure", fig["measure"], other["measure"]),
        ("year", fig["year"], other["year"]),
        ("code", code_of(ds, fig), code_of(ds, other)),
        ("flag", fig["flag"], other["flag"]),
    ):
        if mine != theirs:
            found.append({"what": what, "state": mine, "national": theirs})
    return found


def _broader(ds: Dataset, fig: Record) -> bool:
    code = ds.soc_codes.get(fig["source"])
    return bool(code and code.get("broader"))


def _counterparts(ds: Dataset, fig: Record, national: list[Record]) -> list[Record]:
    """The national figures to set beside ``fig``: the same measure in the nearest year (from the
    same table first, then official), and, where that is another year, a median or mean of the
    same year."""
    same_unit = [n for n in national if n["unit"] == fig["unit"]]
    picks: list[Record] = []
    same_measure = [n for n in same_unit if n["measure"] == fig["measure"]]
    if same_measure:
        picks.append(
            min(
                same_measure,
                key=lambda n: (
                    abs(n["year"] - fig["year"]),
                    _broader(ds, n),
                    n["source"] != fig["source"],
                    n["flag"] != "official",
                    -n["year"],
                ),
            )
        )
    if not picks or picks[0]["year"] != fig["year"]:
        same_year = [n for n in same_unit if n["year"] == fig["year"] and n["measure"] in PAY]
        if same_year:
            picks.append(min(same_year, key=lambda n: (n["measure"] != "median", n["flag"] != "official")))
    return picks


def newest_medians(ds: Dataset) -> list[Record]:
    """The newest national median annual wage (``figures.newest_median``, as every command shows)."""
    annual, _ = newest_median(ds)
    return [] if annual is None else [annual]


def state(ds: Dataset, name: str) -> dict[str, Any]:
    """One state's figures (newest first), the national figures beside them, and how each
    pair differs; the areas within it where an imported file has them."""
    rec = ds.state(name)
    figures = sorted(rec["figures"], key=_order)
    national = national_figures(ds)
    comparisons = []
    shown: dict[str, Record] = {}
    for fig in figures:
        if (fig["measure"], fig["unit"]) not in COMPARED:
            continue  # percentiles and hourly figures: the national table shows them
        for other in _counterparts(ds, fig, national):
            shown.setdefault(other["id"], other)
            comparisons.append(
                {
                    "figure": fig["id"],
                    "national": other["id"],
                    "differences": _differences(ds, fig, other),
                }
            )
    for fig in newest_medians(ds):
        shown.setdefault(fig["id"], fig)
    areas = [
        {**area, "figures": sorted(area["figures"], key=_order)}
        for area in sorted(rec["areas"], key=lambda a: a["name"])
    ]
    everything = figures + list(shown.values()) + [f for a in areas for f in a["figures"]]
    return {
        "view": "state",
        "state": {"state": rec["id"], "name": rec["name"], "note": rec["note"], "figures": figures},
        "national": sorted(shown.values(), key=_order),
        "comparisons": comparisons,
        "areas": areas,
        "codes": codes(ds, everything),
        "official_states": official_states(ds),
    }


def official_states(ds: Dataset) -> int:
    """How many states have an official figure (from an imported OEWS file)."""
    return sum(1 for rec in ds.states if any(f["flag"] == "official" for f in rec["figures"]))


def _series_key(fig: Record) -> tuple[Any, ...]:
    return (fig["source"], fig["year"], fig["measure"], fig["unit"])


def series(ds: Dataset) -> list[dict[str, Any]]:
    """The state figures grouped into comparable series (one source, year, measure and unit),
    the best first: official, annual pay, most states, newest, a median before a mean."""
    groups: dict[tuple[Any, ...], list[Record]] = {}
    for rec in ds.states:
        for fig in rec["figures"]:
            groups.setdefault(_series_key(fig), []).append(fig)
    found = []
    for (source, year, measure, unit), figs in groups.items():
        found.append(
            {
                "source": source,
                "flag": figs[0]["flag"],
                "year": year,
                "measure": measure,
                "unit": unit,
                "code": code_of(ds, figs[0]),
                "states": len(figs),
            }
        )
    return sorted(
        found,
        key=lambda s: (
            s["flag"] != "official",
            not (s["unit"] == ANNUAL and s["measure"] in PAY),
            -s["states"],
            -s["year"],
            _MEASURE_ORDER.get(s["measure"], 9),
            s["source"],
        ),
    )


def states(ds: Dataset, sort: str = "pay") -> dict[str, Any]:
    """Every state, with its figure in the best series (ranked by it) and all its figures;
    sorted by that figure (highest first, states without one last) or by name."""
    every = series(ds)
    chosen = every[0] if every else None
    key = None if chosen is None else (chosen["source"], chosen["year"], chosen["measure"], chosen["unit"])
    rows = []
    for rec in ds.states:
        figure = next((f for f in rec["figures"] if _series_key(f) == key), None)
        rows.append(
            {
                "state": rec["id"],
                "name": rec["name"],
                "rank": None,
                "figure": figure,
                "figures": sorted(rec["figures"], key=_order),
                "note": rec["note"],
            }
        )
    by_pay = sorted(
        (r for r in rows if r["figure"] is not None), key=lambda r: (-r["figure"]["value"], r["name"])
    )
    for rank, row in enumerate(by_pay, 1):
        row["rank"] = rank
    if sort == "pay":
        rows = by_pay + sorted((r for r in rows if r["figure"] is None), key=lambda r: r["name"])
    else:
        rows.sort(key=lambda r: r["name"])
    national: dict[str, Record] = {}
    if by_pay:
        for other in _counterparts(ds, by_pay[0]["figure"], national_figures(ds)):
            national.setdefault(other["id"], other)
    for fig in newest_medians(ds):
        national.setdefault(fig["id"], fig)
    all_figures = [f for r in rows for f in r["figures"]] + list(national.values())
    return {
        "view": "states",
        "sort": sort,
        "series": chosen,
        "other_series": every[1:],
        "states": rows,
        "national": sorted(national.values(), key=_order),
        "codes": codes(ds, all_figures),
        "official_states": official_states(ds),
    }


def state_link(ds: Dataset, rec: Record, path: list[int | str]) -> Link:
    """``salary --state NJ`` shows a state."""
    return link("salary", "--state", str(rec["id"]))


def states_link(ds: Dataset, rec: Record, path: list[int | str]) -> Link:
    """``salary --states`` shows the national rows of the state tables beside every state."""
    return link("salary", "--states")
