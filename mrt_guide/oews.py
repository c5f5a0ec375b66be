"""Read BLS's official OEWS download into an import: the medical records rows, for every area.

BLS publishes the Occupational Employment and Wage Statistics each spring for May of the
year before, as zips on https://www.bls.gov/oes/tables.htm: ``oesmYYnat.zip`` (the nation),
``oesmYYst.zip`` (states), ``oesmYYma.zip`` (metro and nonmetro areas), ``oesmYYall.zip``
(all of these), each holding an .xlsx such as ``state_M2023_dl.xlsx``. This module reads
the zip or the .xlsx in the layout those files have had (README, "Official pay by place"):

- the header row is found by its columns (``OCC_CODE`` with at least two other OEWS
  columns), not by the sheet's name, which changes from year to year
  (``All May 2021 data``, ``State_M2020_dl``, ``state_M2024_dl``); other sheets
  (``Field Descriptions``, ``UpdateTime``, ``Filler``) are read only for the top-coding note;
- column names are matched in any case, with spaces or underscores, and through the older
  names (``occ code``, ``group``, ``area_name``, ``loc_q``, ``pct_tot``, ``jobs_1000_orig``);
- Excel's lock files (``~$state_M2022_dl.xlsx``, left inside one year's zip) are skipped;
- ``*`` (wage not available), ``**`` (employment not available) and ``~`` (fewer than
  0.5% of establishments report it) give no figure; ``#`` (at or above the top-coding
  threshold) gives "at least" the threshold where the file or the table below states it
  for that May, and no figure, with a note, where it is not known;
- the rows kept are 29-2072 Medical Records Specialists, or 29-2071 in files made before
  the 2018 SOC, cross-industry and all ownerships, for the nation, each state and
  territory, and each metro and nonmetro area;
- the vintage (May YYYY) comes from the file names and the sheet names, which must agree.

The workbook is read through ``workbook`` row by row, streamed and bounded (a state file
has some 40,000 rows, the all-data file 400,000); this module is imported only by
``data import-oews``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import math
import os
import re
import stat
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .dataset.imports import TABLES_URL
from .status import ExitStatus, GuideError
from .textsafe import neutral_line

OCCUPATIONS = ("29-2072", "29-2071")
"""The occupation's 2018 SOC code, then the 2010 one; a file's newest code present wins."""
BROADER = "29-2098"
"""The group the occupation sits in where a file has no row of its own (May 2019 and May
2020, when BLS's estimates mixed the 2010 and 2018 SOC): imported as that broader group."""
BROADER_TITLE = (
    "Medical Dosimetrists, Medical Records Specialists, and Health Technologists and Technicians, All Other"
)
OTHER_CODES = {"32911": "Medical Records Technicians"}
"""Codes of the occupation outside the SOC (BLS's own OES codes, up to May 1998): not imported."""
FIRST_SOC = 1999
"""The first May survey coded in the SOC."""
WORKING_YEARS = "May 2005 to May 2013 (.xls) and May 2014 on (.xlsx)"
"""The national files tested (README, "Official pay by place")."""
MAX_FILE = 1024 * 1024 * 1024
"""Largest download accepted (the all-data zip is far smaller)."""
MAX_WORKBOOK = 512 * 1024 * 1024
"""Largest workbook taken out of a zip."""
HEADER_ROWS = 30
"""Rows searched for the header at the top of each sheet."""
NOTE_ROWS = 200
"""Rows of the other sheets searched for the top-coding note."""

KNOWN = {
    "area", "area_title", "area_type", "prim_state", "naics", "naics_title", "i_group", "own_code",
    "occ_code", "occ_title", "o_group", "tot_emp", "emp_prse", "jobs_1000", "loc_quotient",
    "pct_total", "pct_rpt", "h_mean", "a_mean", "mean_prse", "h_pct10", "h_pct25", "h_median",
    "h_pct75", "h_pct90", "a_pct10", "a_pct25", "a_median", "a_pct75", "a_pct90", "annual", "hourly",
}  # fmt: skip
ALIASES = {
    "group": "o_group",
    "occ_group": "o_group",
    "loc_q": "loc_quotient",
    "pct_tot": "pct_total",
    "jobs_1000_orig": "jobs_1000",
    "area_name": "area_title",
    "st": "prim_state",
    "state": "area_title",
}
"""Older column names (lower case, ``occ code`` with a space, ``group`` ...), by what they are now."""
REQUIRED = ("occ_code", "tot_emp", "a_mean", "a_median")
FIGURES: dict[str, tuple[str, str]] = {
    "tot_emp": ("employment", "workers"),
    "a_median": ("median", "usd_per_year"),
    "h_median": ("median", "usd_per_hour"),
    "a_mean": ("mean", "usd_per_year"),
    "h_mean": ("mean", "usd_per_hour"),
    "a_pct10": ("p10", "usd_per_year"),
    "a_pct25": ("p25", "usd_per_year"),
    "a_pct75": ("p75", "usd_per_year"),
    "a_pct90": ("p90", "usd_per_year"),
    "h_pct10": ("p10", "usd_per_hour"),
    "h_pct25": ("p25", "usd_per_hour"),
    "h_pct75": ("p75", "usd_per_hour"),
    "h_pct90": ("p90", "usd_per_hour"),
}
"""The columns kept, and the measure and unit of the figure each gives."""
LABELS = {
    "employment": "Employment",
    "median": "Median {basis} wage",
    "mean": "Mean {basis} wage",
    "p10": "10th percentile {basis} wage",
    "p25": "25th percentile {basis} wage",
    "p75": "75th percentile {basis} wage",
    "p90": "90th percentile {basis} wage",
}
NOT_AVAILABLE = {"*", "**", "~"}
TOP_CODED = "#"
TOP_CODES: dict[int, tuple[float, int]] = {
    2016: (100.0, 208_000),
    2017: (100.0, 208_000),
    2021: (100.0, 208_000),
    2023: (115.0, 239_200),
}
"""Top-coding thresholds (hourly, annual) by May vintage, where copies of BLS's Field
Descriptions sheet state them; a file's own sheet wins. Other vintages: not known."""
AREA_TYPES = {1: "national", 2: "state", 3: "state", 4: "metro", 5: "metro", 6: "nonmetro"}
"""OEWS area types: 1 U.S., 2 state, 3 U.S. territory, 4 MSA (5: NECTA division), 6 nonmetro area."""
NAME_KINDS = (
    (re.compile(r"^(?:national|nat)_|^oesm\d\dnat", re.I), 1),
    (re.compile(r"^state_|^oesm\d\dst", re.I), 2),
    (re.compile(r"^bos_", re.I), 6),
    (re.compile(r"^a?msa_|^oesm\d\dma", re.I), 4),
)
"""Area type implied by a file name, for files without area columns."""
VINTAGE_IN_NAME = (
    re.compile(r"_M(?:ay)?_?(\d{4})(?:_|\b)", re.I),
    re.compile(r"^oesm?(\d\d)[a-z]", re.I),
)
VINTAGE_IN_SHEET = re.compile(r"(?:\bMay\s+|_M_?)(\d{4})\b", re.I)
THRESHOLD = re.compile(
    r"#.{0,200}?\$\s*([\d,]+(?:\.\d+)?)\s*(?:per|an|/)\s*hour.{0,60}?\$\s*([\d,]+)\s*(?:per|a|/)\s*year",
    re.I | re.S,
)


def _bad(message: str) -> GuideError:
    """A file that is not a usable OEWS file: exit 65, as for an invalid dataset."""
    return GuideError(message, ExitStatus.DATA)


def _check_file(
    path: Path,
    wanted: str = f"the .zip or .xlsx you downloaded from {TABLES_URL}",
    inside: str = "the .zip or .xlsx file",
) -> None:
    """A readable regular file of a download's size, or a one-line error; ``wanted`` says
    what to give instead, ``inside`` what to look for in a folder."""
    shown = neutral_line(str(path), 120)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise GuideError(f"No file '{shown}'. Give {wanted}.") from None
    except OSError as exc:
        raise GuideError(f"Cannot read '{shown}': {exc.strerror or exc}.", ExitStatus.IO) from None
    if stat.S_ISDIR(info.st_mode):
        raise GuideError(f"'{shown}' is a folder; give {inside} inside it.")
    if not stat.S_ISREG(info.st_mode):
        raise GuideError(f"'{shown}' is not a regular file; give {wanted}.")
    if info.st_size > MAX_FILE:
        raise _bad(f"'{shown}' is over {MAX_FILE // 1024 // 1024} MiB: not a BLS download.")


def digest(path: Path) -> str:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError as exc:
        raise GuideError(
            f"Cannot read '{neutral_line(str(path), 120)}': {exc.strerror or exc}.", ExitStatus.IO
        ) from None
    return h.hexdigest()


def _is_lock_or_junk(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    return base.startswith(("~$", "._")) or name.startswith("__MACOSX/") or not base


MAX_EXTRACTED = 1024 * 1024 * 1024
"""Bytes taken out of one zip in all (every workbook in it together)."""
WORKBOOK_SUFFIXES = (".xlsx", ".xls")


@contextlib.contextmanager
def workbooks(path: Path) -> Iterator[list[tuple[str, Path]]]:
    """The workbooks in ``path`` as (name, a path to open): the file itself when it is an
    .xlsx or .xls, else each workbook in the zip (lock files skipped), copied to a temporary
    file; at most ``MAX_WORKBOOK`` each and ``MAX_EXTRACTED`` in all."""
    from .workbook import check_zip

    _check_file(path)
    shown = neutral_line(path.name, 80)
    if _ole2(path):
        yield [(path.name, path)]
        return
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise _bad(
            f"'{shown}' is not a zip archive, an .xlsx or an .xls workbook (or it is damaged); BLS's OEWS "
            f"downloads are one of these: download it again from {TABLES_URL}."
        ) from None
    except OSError as exc:
        raise GuideError(f"Cannot read '{shown}': {exc.strerror or exc}.", ExitStatus.IO) from None
    temporary: list[Path] = []
    try:
        with archive:
            check_zip(archive, shown)
            names = archive.namelist()
            if "xl/workbook.xml" in names:
                yield [(path.name, path)]
                return
            books = [n for n in names if n.lower().endswith(WORKBOOK_SUFFIXES) and not _is_lock_or_junk(n)]
            if not books:
                others = ", ".join(neutral_line(n, 60) for n in names[:5]) or "nothing"
                raise _bad(f"'{shown}' holds no .xlsx or .xls workbook (it holds {others}).")
            found = []
            extracted = 0
            for name in books:
                info = archive.getinfo(name)
                extracted += info.file_size
                if info.file_size > MAX_WORKBOOK or extracted > MAX_EXTRACTED:
                    raise _bad(
                        f"'{neutral_line(name, 80)}' in '{shown}' is too large to be an OEWS workbook."
                    )
                suffix = ".xls" if name.lower().endswith(".xls") else ".xlsx"
                fd, tmp = tempfile.mkstemp(prefix="mrt-oews-", suffix=suffix)
                temporary.append(Path(tmp))
                with os.fdopen(fd, "wb") as out, archive.open(info) as member:
                    left = MAX_WORKBOOK
                    while chunk := member.read(1 << 20):
                        left -= len(chunk)
                        if left < 0:
                            raise _bad(f"'{neutral_line(name, 80)}' in '{shown}' is too large.")
                        out.write(chunk)
                found.append((name.rsplit("/", 1)[-1], Path(tmp)))
            yield found
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile, NotImplementedError) as exc:
        raise _bad(f"'{shown}' is damaged ({neutral_line(str(exc), 80)}); download it again.") from None
    except OSError as exc:
        raise GuideError(f"Cannot read '{shown}': {exc.strerror or exc}.", ExitStatus.IO) from None
    finally:
        for tmp_path in temporary:
            with contextlib.suppress(OSError):
                tmp_path.unlink()


def _ole2(path: Path) -> bool:
    """Whether ``path`` is an Excel 97-2003 (.xls) file: the OLE2 container's signature."""
    try:
        with open(path, "rb") as fh:
            return fh.read(8) == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    except OSError as exc:
        raise GuideError(
            f"Cannot read '{neutral_line(path.name, 80)}': {exc.strerror or exc}.", ExitStatus.IO
        ) from None


def column_name(cell: Any) -> str:
    """A header cell as a column name: lower case, spaces and hyphens as underscores, aliases resolved."""
    text = "_".join(str(cell).strip().lower().replace("-", " ").split()) if cell is not None else ""
    return ALIASES.get(text, text)


def header(row: tuple[Any, ...]) -> dict[str, int] | None:
    """The columns of a header row by name, or None when ``row`` is not the OEWS header."""
    columns: dict[str, int] = {}
    for i, cell in enumerate(row):
        if isinstance(cell, str):
            columns.setdefault(column_name(cell), i)
    if "occ_code" not in columns or len(KNOWN & set(columns)) < 3:
        return None
    return columns


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "" if value is None else str(value).strip()


_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


class Cell:
    """Where a value sits, for messages: sheet, row and column."""

    def __init__(self, book: str, sheet: str, row: int, column: str) -> None:
        self.book, self.sheet, self.row, self.column = book, sheet, row, column

    def __str__(self) -> str:
        return (
            f"{neutral_line(self.book, 60)}, sheet '{neutral_line(self.sheet, 40)}', row {self.row}, "
            f"column {self.column.upper()}"
        )


def number(value: Any, where: Cell) -> float | str | None:
    """A numeric cell: the number; ``#`` for a top-coded wage; None where BLS gives none."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise _bad(f"{where}: a true/false value where a number belongs.")
    if isinstance(value, (int, float)):
        if not math.isfinite(value) or value < 0:
            raise _bad(f"{where}: {value!r} is not a figure.")
        return float(value)
    text = str(value).strip()
    if not text or text in NOT_AVAILABLE:
        return None
    if text == TOP_CODED:
        return TOP_CODED
    bare = text.replace(",", "").replace("$", "")
    if not _NUMBER.match(bare):
        raise _bad(
            f"{where}: '{neutral_line(text, 30)}' is neither a number nor one of BLS's symbols (* ** # ~)."
        )
    return float(bare)


class Row:
    """One kept row: where it is, its area, and its cells by column name."""

    def __init__(self, book: str, sheet: str, number: int, cells: dict[str, Any]) -> None:
        self.book, self.sheet, self.number, self.cells = book, sheet, number, cells

    def get(self, column: str) -> Any:
        return self.cells.get(column)

    def where(self, column: str) -> Cell:
        return Cell(self.book, self.sheet, self.number, column)


Progress = Callable[[int, int | None], None]
"""Called with rows read so far and the total when the sheet says it."""


class Found:
    """What the workbooks gave: kept rows by occupation, vintages seen, the top-coding note."""

    def __init__(self) -> None:
        self.rows: dict[str, list[Row]] = {code: [] for code in (*OCCUPATIONS, BROADER)}
        self.other: dict[str, str] = {}
        self.vintages: dict[int, list[str]] = {}
        self.thresholds: list[tuple[float, int]] = []
        self.headers: list[str] = []
        self.books: list[str] = []

    def vintage(self, year: int, where: str) -> None:
        if 1997 <= year <= 2100 and where not in self.vintages.get(year, []):
            self.vintages.setdefault(year, []).append(where)


def _vintage_from_name(name: str) -> int | None:
    long, short = VINTAGE_IN_NAME
    found = long.search(name)
    if found:
        return int(found.group(1))
    found = short.search(name)
    if not found:
        return None
    two = int(found.group(1))
    return (1900 if two >= 90 else 2000) + two


def read_book(name: str, path: Path, found: Found, progress: Progress | None) -> None:
    """Read one workbook's OEWS rows for the occupation into ``found`` (bounded: ``workbook``)."""
    from .workbook import Clock, opened

    shown = neutral_line(name, 80)
    clock = Clock(shown)
    found.books.append(name)
    year = _vintage_from_name(name)
    if year is not None:
        found.vintage(year, f"the name {shown}")
    try:
        with opened(path, name) as sheets:
            for sheet in sheets:
                title = sheet.title
                year = _vintage_from_name(title) or _sheet_year(title)
                if year is not None:
                    found.vintage(year, f"the sheet '{neutral_line(title, 40)}'")
                _read_sheet(name, sheet, found, progress, clock)
    except GuideError:
        raise
    except MemoryError:
        raise _bad(f"'{shown}' needs more memory than this machine gives: not a BLS download.") from None
    except Exception as exc:  # a damaged sheet part, bad XML inside the zip, an entity
        raise _bad(f"'{shown}' is damaged ({type(exc).__name__}); download it again.") from None


def _sheet_year(title: str) -> int | None:
    found = VINTAGE_IN_SHEET.search(title)
    return int(found.group(1)) if found else None


def _read_sheet(book: str, sheet: Any, found: Found, progress: Progress | None, clock: Any) -> None:
    title = sheet.title
    columns: dict[str, int] | None = None
    for n, row in enumerate(sheet.rows(clock), 1):
        if columns is None:
            if n <= HEADER_ROWS:
                columns = header(row)
                if columns is not None:
                    found.headers.append(title)
                    missing = [c.upper() for c in REQUIRED if c not in columns]
                    if missing:
                        raise _bad(
                            f"{neutral_line(book, 60)}, sheet '{neutral_line(title, 40)}' has the OEWS "
                            f"column OCC_CODE but not {', '.join(missing)}: not an OEWS estimates file."
                        )
                    continue
            if n > NOTE_ROWS:
                return
            _note(row, found)
            continue
        if progress is not None and n % 2000 == 0:
            progress(n, sheet.total)  # known once the sheet's dimension is read
        code = _text(row[columns["occ_code"]]) if columns["occ_code"] < len(row) else ""
        if code in found.rows:
            cells = {name: row[i] if i < len(row) else None for name, i in columns.items()}
            found.rows[code].append(Row(book, title, n, cells))
        elif code in OTHER_CODES:
            found.other[code] = _text(row[columns["occ_title"]]) if "occ_title" in columns else code
    if progress is not None and columns is not None:
        progress(sheet.total or 0, sheet.total)


def _note(row: tuple[Any, ...], found: Found) -> None:
    for cell in row:
        if isinstance(cell, str) and "#" in cell:
            match = THRESHOLD.search(cell)
            if match:
                hourly = float(match.group(1).replace(",", ""))
                annual = int(match.group(2).replace(",", ""))
                found.thresholds.append((hourly, annual))


def read(path: Path, progress: Progress | None = None) -> Found:
    """Every workbook in ``path`` read into one ``Found``."""
    found = Found()
    year = _vintage_from_name(path.name)
    if year is not None:
        found.vintage(year, f"the name {neutral_line(path.name, 80)}")
    with workbooks(path) as books:
        for name, book_path in books:
            read_book(name, book_path, found, progress)
    if not found.headers:
        raise _bad(
            f"No sheet of '{neutral_line(path.name, 80)}' has the OEWS header (OCC_CODE, TOT_EMP, A_MEAN, "
            f"A_MEDIAN ...): is it the estimates file from {TABLES_URL}?"
        )
    return found


def choose_vintage(found: Found, given: int | None) -> int:
    if given is not None:
        return given
    if len(found.vintages) == 1:
        return next(iter(found.vintages))
    if not found.vintages:
        raise GuideError(
            "No May year in the file's name or sheets (BLS names them like state_M2023_dl.xlsx); "
            "give it with --vintage YEAR."
        )
    said = "; ".join(f"May {y} in {', '.join(w)}" for y, w in sorted(found.vintages.items()))
    raise GuideError(f"The file disagrees about its May year ({said}); give it with --vintage YEAR.")


def _area_type(row: Row, book: str) -> int | None:
    value = row.get("area_type")
    if value is not None:
        text = _text(value)
        if text.isascii() and text.isdigit() and len(text) < 5 and int(text) in AREA_TYPES:
            return int(text)
        raise _bad(f"{row.where('area_type')}: '{neutral_line(text, 20)}' is not an OEWS area type.")
    if _text(row.get("area")).lstrip("0") == "99":
        return 1
    for pattern, kind in NAME_KINDS:
        if pattern.search(book):
            return kind
    if row.get("area") is None and row.get("area_title") is None:
        return 1  # national files of older years have no area columns
    return None


def _cross_industry(row: Row) -> bool:
    """The row for all industries and all ownerships (a file may also hold industry rows)."""
    naics = row.get("naics")
    if naics is not None:
        text = _text(naics)
        if text.lower() not in ("cross-industry", "") and set(text) != {"0"}:
            return False
    own = row.get("own_code")
    return own is None or _text(own) in ("1235", "")


class Place:
    """An area's kept row, classified."""

    def __init__(self, kind: str, ident: str, name: str, state: str | None, row: Row) -> None:
        self.kind, self.ident, self.name, self.state, self.row = kind, ident, name, state, row


STATE_IN_TITLE = re.compile(r",\s*([A-Z]{2})(?:-[A-Z]{2})*\s*(?:\(|$)")


def places(rows: list[Row], state_names: dict[str, str], notes: list[str]) -> list[Place]:
    """Each area once (the detailed row where the occupation also appears as a broad one)."""
    kept: dict[tuple[str, str], Place] = {}
    for row in rows:
        if not _cross_industry(row):
            continue
        area_type = _area_type(row, row.book)
        if area_type is None:
            raise _bad(f"{row.where('area')}: cannot tell the nation, a state or an area (no AREA_TYPE).")
        kind = AREA_TYPES[area_type]
        title = neutral_line(_text(row.get("area_title")), 200)
        prim = _text(row.get("prim_state")).upper()
        if kind == "national":
            place = Place(kind, "US", "United States", None, row)
        elif kind == "state":
            code = (
                prim
                if re.fullmatch(r"[A-Z]{2}", prim) and prim != "US"
                else state_names.get(title.casefold())
            )
            if code is None:
                notes.append(f"Left out {title or 'an area'}: the file gives no postal code for it.")
                continue
            place = Place(kind, code, title or code, code, row)
        else:
            area = _text(row.get("area")).lstrip("0") or ""
            found = STATE_IN_TITLE.search(title)
            state = prim if re.fullmatch(r"[A-Z]{2}", prim) else (found.group(1) if found else None)
            if not re.fullmatch(r"\d{1,7}", area) or state is None:
                notes.append(f"Left out {title or 'an area'}: the file gives no area code or state for it.")
                continue
            place = Place(kind, area, title or area, state, row)
        key = (place.kind if place.kind != "nonmetro" else "metro", place.ident)
        group = _text(row.get("o_group")).lower()
        if key not in kept or (
            group == "detailed" and _text(kept[key].row.get("o_group")).lower() != "detailed"
        ):
            kept[key] = place
    return list(kept.values())


def broader_note(vintage: int) -> str:
    """What a figure of the broader group says of itself, wherever it is shown."""
    return (
        f"For {BROADER}, a broader group that includes medical records specialists: the May {vintage} "
        "survey has no row for them alone, so this is not the occupation's own figure."
    )


def figures(
    place: Place,
    prefix: str,
    vintage: int,
    source: str,
    top: tuple[float, int] | None,
    notes: list[str],
    broader: bool = False,
) -> list[dict[str, Any]]:
    """The figures of one area's row, as dataset figure records."""
    out = []
    for column, (measure, unit) in FIGURES.items():
        if column not in place.row.cells:
            continue
        value = number(place.row.get(column), place.row.where(column))
        if value is None:
            continue
        basis = "annual" if unit == "usd_per_year" else "hourly"
        qualifier = None
        note = None
        if value == TOP_CODED:
            if unit == "workers" or top is None:
                why = (
                    "for employment" if unit == "workers" else f"and the May {vintage} threshold is not known"
                )
                notes.append(f"{place.name}: {column.upper()} is marked '#' (top-coded) {why}; no figure.")
                continue
            value = top[0] if unit == "usd_per_hour" else float(top[1])
            qualifier = "at least"
            note = "BLS marks it '#': at or above the top-coding threshold."
        if broader:
            note = f"{note} {broader_note(vintage)}" if note else broader_note(vintage)
        assert isinstance(value, float)
        if unit == "workers" and value < 1:
            continue
        fig_id = f"{prefix}-{measure}" + ("" if unit == "workers" else f"-{basis}")
        out.append(
            {
                "id": fig_id,
                "label": LABELS[measure].format(basis=basis),
                "value": round(value, 2) if unit == "usd_per_hour" else round(value),
                "upper": None,
                "unit": unit,
                "qualifier": qualifier,
                "year": vintage,
                "year_end": None,
                "measure": measure,
                "article": None,
                "note": note,
                "source": source,
                "flag": "official",
            }
        )
    return out


SECTOR_FILE = re.compile(r"^(?:natsector|nat[345]d|natownership|nat_own)", re.I)
"""BLS's national files by industry, sector or ownership: rows for parts of the economy only."""


def _cross_industry_name(year: int) -> str:
    return f"national_M{year}_dl.xlsx" if year >= 2014 else "national_dl.xls"


def build(
    path: Path,
    known: dict[str, str],
    *,
    vintage: int | None = None,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> dict[str, Any]:
    """The import document for the OEWS file at ``path`` (not yet checked by the model).

    ``known`` maps the dataset's postal codes to state names, for files that give no
    PRIM_STATE column and for states the file has areas of but no row for."""
    state_names = {name.casefold(): code for code, name in known.items()}
    _check_file(path)
    if SECTOR_FILE.match(path.name):
        year = vintage or _vintage_from_name(path.name)
        works = _cross_industry_name(year) if year else "national_MYYYY_dl.xlsx"
        zipped = f" (in oesm{year % 100:02d}nat.zip)" if year else ""
        raise _bad(
            f"'{neutral_line(path.name, 80)}' is BLS's national file by industry or sector, with no row "
            f"for all industries together: import {works}{zipped}, the national cross-industry file."
        )
    named = vintage or _vintage_from_name(path.name)
    if named is not None and named < FIRST_SOC:
        raise _bad(
            f"'{neutral_line(path.name, 80)}' is a May {named} file, in BLS's own OES codes from before the "
            "SOC (medical records technicians were 32911 there): not comparable, so not imported. "
            f"mrt-guide imports national files of {WORKING_YEARS}."
        )
    sha = digest(path)
    found = read(path, progress)
    year = choose_vintage(found, vintage)
    code = next((c for c in (*OCCUPATIONS, BROADER) if found.rows[c]), None)
    shown = neutral_line(path.name, 80)
    if code is None:
        if found.other:
            other, other_title = next(iter(found.other.items()))
            raise _bad(
                f"'{shown}' is a May {year} file in BLS's own OES codes, from before the SOC: its "
                f"{neutral_line(other_title, 60)} row is {other}, not 29-2071, and is not comparable. "
                f"mrt-guide imports national files of {WORKING_YEARS}."
            )
        raise _bad(
            f"'{shown}' has no row for 29-2072 Medical Records Specialists (29-2071 up to May 2018; "
            f"{BROADER}, the broader group, in May 2019 and 2020). mrt-guide imports files of "
            f"{WORKING_YEARS}."
        )
    notes: list[str] = []
    kept = places(found.rows[code], state_names, notes)
    if not kept:
        raise _bad(
            f"'{shown}' has rows for {code} by industry or sector only, none for all industries "
            f"together: import the cross-industry file instead ({_cross_industry_name(year)}, in "
            f"oesm{year % 100:02d}nat.zip, for the nation)."
        )
    broader = code == BROADER
    kinds = {p.kind for p in kept}
    if kinds == {"national"}:
        kind = "national"
    elif kinds == {"state"}:
        kind = "state"
    elif kinds <= {"metro", "nonmetro"}:
        kind = "metro"
    else:
        kind = "all"
    ident = f"{year}-{kind}"
    source_key = f"oews-{ident}"
    top = found.thresholds[0] if found.thresholds else TOP_CODES.get(year)
    title = neutral_line(_text(kept[0].row.get("occ_title")) or "Medical Records Specialists", 200)
    if broader:
        title = BROADER_TITLE
        notes.insert(
            0,
            f"May {year} has no row for medical records specialists alone: these figures are for {BROADER} "
            f"{BROADER_TITLE}, a broader group that includes them.",
        )
    book = found.books[0] if len(found.books) == 1 else f"{len(found.books)} workbooks"
    archive = None if path.name in found.books else neutral_line(path.name, 120)
    when = (today or dt.date.today()).isoformat()
    national: list[dict[str, Any]] = []
    states: dict[str, dict[str, Any]] = {}
    for place in kept:
        if place.kind == "national":
            national += figures(place, f"{source_key}-us", year, source_key, top, notes, broader)
            continue
        assert place.state is not None
        state = states.setdefault(
            place.state,
            {"id": place.state, "name": place.state, "note": None, "figures": [], "areas": []},
        )
        if place.kind == "state":
            state["name"] = place.name
            state["figures"] = figures(
                place, f"{source_key}-{place.ident.lower()}", year, source_key, top, notes, broader
            )
            if not state["figures"]:
                state["note"] = (
                    f"The May {year} OEWS file gives no estimate here (BLS marks it not available)."
                )
        else:
            area_figures = figures(
                place, f"{source_key}-area-{place.ident}", year, source_key, top, notes, broader
            )
            state["areas"].append(
                {"id": place.ident, "name": place.name, "kind": place.kind, "figures": area_figures}
            )
    for state in states.values():
        if state["name"] == state["id"]:  # areas of a state the file has no row for
            state["name"] = known.get(state["id"], state["id"])
    kinds_words = {
        "national": "national",
        "state": "state",
        "metro": "metropolitan and nonmetropolitan area",
        "all": "national, state and area",
    }
    return {
        "format": 1,
        "id": ident,
        "vintage": year,
        "kind": kind,
        "file": neutral_line(book, 200),
        "archive": archive,
        "sha256": sha,
        "imported": when,
        "occupation": {"code": code, "title": title, "broader": broader},
        "source": {
            "key": source_key,
            "title": f"OEWS May {year} {kinds_words[kind]} estimates: {code} {title}"[:200],
            "publisher": "U.S. Bureau of Labor Statistics (OEWS), from the file you imported",
            "url": TABLES_URL,
            "kind": "official",
            "vintage": year,
            "note": f"Imported on {when} from {neutral_line(path.name, 120)} (SHA-256 {sha[:12]}).",
        },
        "national": national,
        "states": sorted(states.values(), key=lambda s: s["name"]),
        "notes": notes,
    }
