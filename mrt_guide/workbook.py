"""Read a spreadsheet someone downloaded without trusting it: bounded in size, parts, rows,
cells and time, for ``data import-oews`` and ``data import-projections``.

An .xlsx is a zip of XML parts. Before openpyxl opens one, its zip directory is checked:
at most ``MAX_PARTS`` parts, ``MAX_TOTAL`` bytes uncompressed in all, no part that inflates
more than ``MAX_RATIO`` times (a zip bomb), the shared strings and styles (which openpyxl
holds in memory) at most ``MAX_IN_MEMORY``. Python's zip reader stops at the size the
directory gives, so these sizes bound what is inflated. The XML is parsed by defusedxml
(openpyxl uses it when installed): no DTDs, no entities, so no entity bomb. Rows are read
one at a time, at most ``MAX_ROWS`` and ``MAX_COLUMNS`` wide, and the whole read stops
after ``seconds()``. An .xls (Excel 97-2003, BLS's format up to May 2013) is read through
xlrd, at most ``MAX_XLS`` bytes. Anything past a bound, and any memory it still runs out
of, is one line and exit 65 (``DATA``). openpyxl and xlrd are imported here, only when a
file is read.
"""

from __future__ import annotations

import contextlib
import os
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .status import ExitStatus, GuideError
from .textsafe import neutral_line

MAX_PARTS = 5_000
"""Parts of one .xlsx (BLS's have about fifteen)."""
MAX_TOTAL = 3 * 1024**3
"""Bytes of one .xlsx, uncompressed (the all-data file inflates to well under a gigabyte)."""
MAX_RATIO = 400
"""How many times a part of more than ``RATIO_FROM`` bytes may inflate (XML of numbers: 5-20)."""
RATIO_FROM = 16 * 1024**2
MAX_IN_MEMORY = 128 * 1024**2
"""Bytes of the parts openpyxl keeps in memory (shared strings, styles, the workbook)."""
MAX_ROWS = 2_000_000
"""Rows of one sheet (Excel's limit is 1,048,576)."""
MAX_COLUMNS = 1_000
"""Columns read of one row (BLS's files have about 35)."""
MAX_XLS = 64 * 1024**2
"""Bytes of an .xls (BLS's are under 1 MiB)."""
SECONDS = 600.0
"""How long reading one file may take (a national file takes about a second)."""


def seconds() -> float:
    """The time limit; ``MRT_GUIDE_READ_SECONDS`` lowers it (tests set it to 0)."""
    given = os.environ.get("MRT_GUIDE_READ_SECONDS", "")
    try:
        return min(SECONDS, max(0.0, float(given))) if given else SECONDS
    except ValueError:
        return SECONDS


def bad(message: str) -> GuideError:
    """A file that cannot be used: exit 65."""
    return GuideError(message, ExitStatus.DATA)


class Clock:
    """The read's deadline."""

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.limit = seconds()
        self.end = time.monotonic() + self.limit

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise bad(
                f"Reading '{self.shown}' took over {self.limit:g} seconds; it is not a file mrt-guide "
                "can read (BLS's take a few)."
            )


def check_zip(archive: zipfile.ZipFile, shown: str) -> None:
    """Refuse a zip (or .xlsx) whose directory promises more than is ever read."""
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise bad(f"'{shown}' holds {len(infos):,} parts: too many for a BLS download.")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            times = info.file_size // max(info.compress_size, 1)
            raise bad(
                f"'{shown}': '{neutral_line(info.filename, 60)}' inflates {times:,} times (a zip bomb?); "
                "not a BLS download."
            )
        name = info.filename.lower()
        if (
            name.endswith(("sharedstrings.xml", "styles.xml", "workbook.xml", ".rels"))
            and info.file_size > MAX_IN_MEMORY
        ):
            raise bad(f"'{shown}': '{neutral_line(info.filename, 60)}' is too large for a BLS download.")
    if total > MAX_TOTAL:
        raise bad(f"'{shown}' inflates to {total / 1024**3:.1f} GiB: too large for a BLS download.")


class Sheet:
    """One sheet: its title, how many rows it says it has, and its rows as value tuples."""

    def __init__(self, title: str, total: int | None, rows: Iterator[tuple[Any, ...]]) -> None:
        self.title, self.total, self._rows = title, total, rows

    def rows(self, clock: Clock) -> Iterator[tuple[Any, ...]]:
        for n, row in enumerate(self._rows, 1):
            if n > MAX_ROWS:
                title = neutral_line(self.title, 40)
                raise bad(f"'{clock.shown}', sheet '{title}' has over {MAX_ROWS:,} rows.")
            if n % 512 == 0:
                clock.check()
            yield row[:MAX_COLUMNS] if len(row) > MAX_COLUMNS else row


def _xlsx_rows(sheet: Any) -> Iterator[tuple[Any, ...]]:
    # openpyxl pads every row to the width the sheet claims; a claimed width of 16,384
    # columns and a million rows would take hours. Read only the cells there are.
    sheet.reset_dimensions()
    yield from sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)


@contextlib.contextmanager
def opened(path: Path, name: str) -> Iterator[list[Sheet]]:
    """The sheets of the workbook at ``path`` (shown as ``name``): .xlsx through openpyxl
    in read-only mode, .xls through xlrd."""
    shown = neutral_line(name, 80)
    try:
        if _is_xls(path):
            yield _xls(path, shown)
            return
        with _xlsx(path, shown) as sheets:
            yield sheets
    except MemoryError:
        raise bad(f"'{shown}' needs more memory than this machine gives; it is not a BLS download.") from None


def _is_xls(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(8) == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the OLE2 container of .xls


@contextlib.contextmanager
def _xlsx(path: Path, shown: str) -> Iterator[list[Sheet]]:
    import warnings

    from openpyxl import load_workbook  # type: ignore[import-untyped]

    try:
        with zipfile.ZipFile(path) as archive:
            check_zip(archive, shown)
    except zipfile.BadZipFile:
        raise bad(f"'{shown}' cannot be read as an .xlsx workbook (it is not a zip).") from None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about styles it does not need here
        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except GuideError:
            raise
        except MemoryError:
            raise
        except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
            raise bad(f"'{shown}' cannot be read as an .xlsx workbook ({type(exc).__name__}).") from None
        try:
            yield [
                Sheet(str(s.title), s.max_row if isinstance(s.max_row, int) else None, _xlsx_rows(s))
                for s in book.worksheets
                if hasattr(s, "iter_rows")
            ]
        finally:
            book.close()


def _xls(path: Path, shown: str) -> list[Sheet]:
    """An .xls through xlrd (2.x reads only .xls, which is all it is asked for here)."""
    if os.stat(path).st_size > MAX_XLS:
        raise bad(f"'{shown}' is over {MAX_XLS // 1024**2} MiB: too large for a BLS .xls file.")
    import xlrd  # type: ignore[import-untyped]

    try:
        with open(os.devnull, "w") as log:
            book = xlrd.open_workbook(str(path), logfile=log)
    except MemoryError:
        raise
    except Exception as exc:  # xlrd raises XLRDError, struct.error, IndexError ... for damage
        raise bad(f"'{shown}' cannot be read as an .xls workbook ({type(exc).__name__}).") from None
    sheets = []
    for sheet in book.sheets():
        if sheet.nrows > MAX_ROWS or sheet.ncols > 16_384:
            raise bad(f"'{shown}', sheet '{neutral_line(sheet.name, 40)}' is larger than any BLS file.")
        sheets.append(Sheet(str(sheet.name), sheet.nrows, _xls_rows(sheet)))
    return sheets


def _xls_rows(sheet: Any) -> Iterator[tuple[Any, ...]]:
    for n in range(sheet.nrows):
        yield tuple(None if v == "" else v for v in sheet.row_values(n, 0, min(sheet.ncols, MAX_COLUMNS)))
