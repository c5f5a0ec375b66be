"""Test fixtures in the layout of BLS's OEWS downloads, built with openpyxl.

The numbers are MADE UP for the tests (a fixture, not BLS data): round, recognisable
values such as 61,230 that no real figure is claimed to be. The layout follows the
official files as the facts file describes them: the column names of the May 2021-2024
files, a ``Field Descriptions`` sheet placed first (its notes carry the symbols and the
top-coding threshold), ``UpdateTime`` and ``Filler`` sheets, a data sheet whose name
follows the file, the symbols ``*``, ``**``, ``#`` and ``~``, another occupation beside
the one kept, an industry row and a private-ownership row beside the cross-industry one,
and an Excel lock file (``~$...``) inside the zip. ``benchmarks/startup.py`` loads this
module to make its own copy.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

COLUMNS = [
    "AREA", "AREA_TITLE", "AREA_TYPE", "PRIM_STATE", "NAICS", "NAICS_TITLE", "I_GROUP", "OWN_CODE",
    "OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "EMP_PRSE", "JOBS_1000", "LOC_QUOTIENT", "PCT_TOTAL",
    "PCT_RPT", "H_MEAN", "A_MEAN", "MEAN_PRSE", "H_PCT10", "H_PCT25", "H_MEDIAN", "H_PCT75", "H_PCT90",
    "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90", "ANNUAL", "HOURLY",
]  # fmt: skip
MRS = ("29-2072", "Medical Records Specialists", "detailed")
HIT = ("29-9021", "Health Information Technologists and Medical Registrars", "detailed")
CROSS = ("000000", "Cross-industry", "cross-industry", 1235)
HOSPITALS = ("622000", "Hospitals", "3-digit", 1235)
PRIVATE = ("000000", "Cross-industry", "cross-industry", 5)

FIELD_NOTES = [
    ["Field", "Field Description"],
    ["area", "U.S. (99), state FIPS code, Metropolitan Statistical Area (MSA) code or OEWS area code"],
    ["occ_code", "The 6-digit Standard Occupational Classification (SOC) code or OEWS-specific code"],
    ["tot_emp", "Estimated total employment rounded to the nearest 10 (excludes self-employed)."],
    ["Notes:", None],
    ["*  = indicates that a wage estimate is not available", None],
    ["**  = indicates that an employment estimate is not available", None],
    ["# = indicates a wage equal to or greater than $115.00 per hour or $239,200 per year", None],
    ["~ =indicates that the percent of establishments reporting the occupation is less than 0.5%", None],
]


def row(
    area: Any, title: str, area_type: int, prim: str, occ: tuple[str, str, str], **values: Any
) -> list[Any]:
    """One data row; ``values`` by column name (lower case), the rest left empty."""
    naics = values.pop("naics", CROSS)
    cells: dict[str, Any] = {
        "AREA": area,
        "AREA_TITLE": title,
        "AREA_TYPE": area_type,
        "PRIM_STATE": prim,
        "NAICS": naics[0],
        "NAICS_TITLE": naics[1],
        "I_GROUP": naics[2],
        "OWN_CODE": naics[3],
        "OCC_CODE": occ[0],
        "OCC_TITLE": occ[1],
        "O_GROUP": occ[2],
    }
    cells.update({k.upper(): v for k, v in values.items()})
    return [cells.get(c) for c in COLUMNS]


def pay(emp: Any, mean: Any, median: Any, p90: Any = None, hourly: bool = True) -> dict[str, Any]:
    """Made-up figures: employment, annual mean and median, percentiles around them, hourly twins."""
    out: dict[str, Any] = {"tot_emp": emp, "a_mean": mean, "a_median": median, "pct_rpt": "~"}
    if isinstance(median, int):
        out |= {"a_pct10": median - 15000, "a_pct25": median - 8000, "a_pct75": median + 9000}
        out["a_pct90"] = p90 if p90 is not None else median + 20000
        if hourly:
            out |= {"h_median": round(median / 2080, 2), "h_pct10": round((median - 15000) / 2080, 2)}
    if isinstance(mean, int) and hourly:
        out["h_mean"] = round(mean / 2080, 2)
    return out


def state_rows() -> list[list[Any]]:
    return [
        row(34, "New Jersey", 2, "NJ", ("00-0000", "All Occupations", "total"), tot_emp=4_000_000),
        row(34, "New Jersey", 2, "NJ", MRS, **pay(5_120, 63_450, 61_230)),
        row(34, "New Jersey", 2, "NJ", HIT, **pay(1_500, 80_000, 77_000)),
        row(48, "Texas", 2, "TX", MRS, **pay(18_760, "48,210", 46_800)),
        # wages suppressed, employment suppressed
        row(11, "District of Columbia", 2, "DC", MRS, **pay("**", "*", "*")),
        # a top-coded 90th percentile (made up: no such wage is claimed for this occupation)
        row(56, "Wyoming", 2, "WY", MRS, **pay(410, 52_000, 50_500, p90="#")),
        # a territory, numbers stored as text
        row(72, "Puerto Rico", 3, "PR", MRS, tot_emp="2,340", a_mean="28,650", a_median="27,120"),
    ]


def national_rows() -> list[list[Any]]:
    return [
        row(99, "U.S.", 1, "US", MRS, **pay(190_000, 51_500, 49_870)),
        row(99, "U.S.", 1, "US", HIT, **pay(40_000, 70_000, 66_000)),
        # an industry row and a private-ownership row: not the cross-industry figure
        row(99, "U.S.", 1, "US", MRS, naics=HOSPITALS, **pay(70_000, 60_000, 58_000)),
        row(99, "U.S.", 1, "US", MRS, naics=PRIVATE, **pay(150_000, 50_000, 48_000)),
    ]


def metro_rows() -> list[list[Any]]:
    return [
        row(35620, "New York-Newark-Jersey City, NY-NJ-PA", 4, "NY", MRS, **pay(9_870, 60_100, 58_440)),
        row(35084, "Newark, NJ-PA", 4, "NJ", MRS, **pay(2_210, 62_000, 60_010)),
        row(5600002, "Western Wyoming nonmetropolitan area", 6, "WY", MRS, **pay(90, "*", "*")),
    ]


def workbook(
    path: Path, sheet: str, rows: list[list[Any]], *, columns: list[str] | None = None, notes: bool = True
) -> Path:
    """An .xlsx at ``path``: the Field Descriptions sheet first, then the data sheet ``sheet``."""
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    if notes:
        first.title = "Field Descriptions"
        for line in FIELD_NOTES:
            first.append(line)
        data = book.create_sheet(sheet)
    else:
        first.title = sheet
        data = first
    data.append(columns or COLUMNS)
    for line in rows:
        data.append(line)
    if notes:
        book.create_sheet("UpdateTime").append(["Updated", "2024-04-03"])
        book.create_sheet("Filler")
    book.save(path)
    return path


def zipped(path: Path, members: dict[str, Path | bytes]) -> Path:
    """A zip at ``path`` holding ``members`` (a workbook's path, or raw bytes such as a lock file)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, member in members.items():
            if isinstance(member, Path):
                archive.write(member, name)
            else:
                archive.writestr(name, member)
    return path


def state_zip(folder: Path, year: int = 2023) -> Path:
    """``oesmYYst.zip`` with ``state_MYYYY_dl.xlsx`` and a stray Excel lock file, as BLS ships it."""
    book = workbook(folder / f"state_M{year}_dl.xlsx", f"state_M{year}_dl", state_rows())
    yy = f"{year % 100:02d}"
    return zipped(
        folder / f"oesm{yy}st.zip",
        {
            f"oesm{yy}st/state_M{year}_dl.xlsx": book,
            f"oesm{yy}st/~$state_M{year}_dl.xlsx": b"\x00lock\x00",
        },
    )


def national_xlsx(folder: Path, year: int = 2023) -> Path:
    return workbook(folder / f"national_M{year}_dl.xlsx", f"national_M{year}_dl", national_rows())


def metro_xlsx(folder: Path, year: int = 2023) -> Path:
    return workbook(folder / f"MSA_M{year}_dl.xlsx", f"MSA_M{year}_dl", metro_rows())


if __name__ == "__main__":  # benchmarks/startup.py makes its fixtures in a process of their own
    import sys

    where = Path(sys.argv[1])
    print(state_zip(where))
    print(national_xlsx(where))
