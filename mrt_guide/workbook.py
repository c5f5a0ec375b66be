"""Read a spreadsheet someone downloaded without trusting it: bounded in size, parts, rows,
cells and time, for ``data import-oews`` and ``data import-projections``.

An .xlsx is a zip of XML parts. Before any part is read, its zip directory is checked: at
most ``MAX_PARTS`` parts, ``MAX_TOTAL`` bytes uncompressed in all, no part that inflates
more than ``MAX_RATIO`` times (a zip bomb), the shared strings, styles and workbook parts
at most ``MAX_IN_MEMORY``. Python's zip reader stops at the size the directory gives (and
then fails the CRC), so these sizes bound what is inflated. The parts are read here, not
by openpyxl (whose reader pads every row to the widest and builds whole rows, and parses
a sheet with no ``<dimension>`` in full as it opens it): expat in pieces of 256 KiB, with
no DTD and no entity accepted (so no entity bomb, no external file), at most
``MAX_DEPTH`` deep, ``MAX_ROWS`` rows (by number too), ``MAX_CELLS`` cells a row,
``MAX_CELL`` characters a cell, ``MAX_STRINGS`` shared strings, ``MAX_SHEETS`` sheets
and ``MAX_ELEMENTS`` elements in all; only the first ``MAX_COLUMNS`` columns are kept,
and the whole read stops after ``seconds()``. An .xls (Excel 97-2003, BLS's format up
to May 2013) is read through xlrd, at most ``MAX_XLS`` bytes. Anything past a bound, and
any memory it still runs out of, is one line and exit 65 (``DATA``). xlrd is imported
here, only when an .xls is read.
"""

from __future__ import annotations

import contextlib
import os
import re
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
"""Bytes of the parts kept in memory whole (shared strings, styles, the workbook)."""
MAX_ROWS = 1_048_576
"""Rows of one sheet (Excel's limit)."""
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
    """One sheet: its title, how many rows it says it has (an .xlsx says so as it is read),
    and its rows as value tuples."""

    def __init__(
        self,
        title: str,
        total: int | None,
        rows: Iterator[tuple[Any, ...]],
        reader: SheetReader | None = None,
    ) -> None:
        self.title, self._total, self._rows, self._reader = title, total, rows, reader

    @property
    def total(self) -> int | None:
        return self._reader.dimension if self._reader is not None else self._total

    def rows(self, clock: Clock) -> Iterator[tuple[Any, ...]]:
        for n, row in enumerate(self._rows, 1):
            if n > MAX_ROWS:
                title = neutral_line(self.title, 40)
                raise bad(f"'{clock.shown}', sheet '{title}' has over {MAX_ROWS:,} rows.")
            if n % 512 == 0:
                clock.check()
            yield row[:MAX_COLUMNS] if len(row) > MAX_COLUMNS else row


MAX_CELL = 32_767
"""Characters of one cell (Excel's limit)."""
MAX_CELLS = 16_384
"""Cells of one row, and the last column (Excel's limits: XFD)."""
MAX_DEPTH = 64
"""How deeply a part's XML may nest (a worksheet's cells sit five or six deep)."""
MAX_SHEETS = 1_000
"""Sheets of one workbook."""
MAX_STRINGS = 4_000_000
"""Shared strings of one workbook."""
MAX_ELEMENTS = 80_000_000
"""XML elements read from one workbook, all parts together: what bounds the time a file
within every other limit can take (the all-data file, 400,000 rows of 32 cells, has about
27 million; 80 million take 70 to 140 seconds here, 0.9 to 1.8 microseconds each)."""


class Budget:
    """The elements one workbook may still have (``MAX_ELEMENTS``), shared by its parts."""

    def __init__(self) -> None:
        self.left = MAX_ELEMENTS


_REF = re.compile(r"([A-Za-z]{1,3})(\d*)")


class Bounded:
    """A part's XML read by expat in pieces: no DTD, no entity, at most ``MAX_DEPTH``
    deep; ``start``, ``end`` and ``text`` see local names (namespaces dropped)."""

    def __init__(self, shown: str, part: str, budget: Budget) -> None:
        import xml.parsers.expat

        self.shown, self.part, self.budget = shown, part, budget
        parser = xml.parsers.expat.ParserCreate(namespace_separator="}")
        parser.StartDoctypeDeclHandler = self._refuse
        parser.EntityDeclHandler = self._refuse
        parser.ExternalEntityRefHandler = self._refuse_external
        parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self.text
        parser.buffer_text = True
        self._parser = parser
        self._depth = 0

    def feed(self, piece: bytes, final: bool = False) -> None:
        import xml.parsers.expat

        try:
            self._parser.Parse(piece, final)
        except xml.parsers.expat.ExpatError as exc:
            raise bad(f"'{self.shown}', {self.part} is not well-formed XML ({exc}).") from None

    def read(self, archive: zipfile.ZipFile, name: str) -> Iterator[None]:
        """Feed the part ``name``, a piece at a time (a step after each)."""
        with archive.open(name) as source:
            while piece := source.read(1 << 18):
                self.feed(piece)
                yield None
        self.feed(b"", final=True)

    def _fault(self, what: str) -> GuideError:
        return bad(f"'{self.shown}', {self.part} {what}; it is not a BLS file.")

    def _refuse(self, *_: Any) -> None:
        raise self._fault("declares a DTD or entities (an XML bomb?)")

    def _refuse_external(self, *_: Any) -> int:
        raise self._fault("refers to an external entity")

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise self._fault(f"nests its XML over {MAX_DEPTH} deep")
        self.budget.left -= 1
        if self.budget.left < 0:
            raise bad(f"'{self.shown}' holds over {MAX_ELEMENTS:,} XML elements: far more than any BLS file.")
        self.start(name.rpartition("}")[2], attrs)

    def _end(self, name: str) -> None:
        self._depth -= 1
        self.end(name.rpartition("}")[2])

    def start(self, local: str, attrs: dict[str, str]) -> None:
        pass

    def end(self, local: str) -> None:
        pass

    def text(self, data: str) -> None:
        pass


class _Rels(Bounded):
    """A relationships part: target by id, and targets by type (the type's last word)."""

    def __init__(self, shown: str, part: str, budget: Budget) -> None:
        super().__init__(shown, part, budget)
        self.by_id: dict[str, str] = {}
        self.by_type: dict[str, list[str]] = {}

    def start(self, local: str, attrs: dict[str, str]) -> None:
        if local == "Relationship" and len(self.by_id) < MAX_PARTS:
            target = attrs.get("Target", "")
            self.by_id[attrs.get("Id", "")] = target
            self.by_type.setdefault(attrs.get("Type", "").rpartition("/")[2], []).append(target)


class _Book(Bounded):
    """workbook.xml: each sheet's name and relationship id, in order."""

    def __init__(self, shown: str, budget: Budget) -> None:
        super().__init__(shown, "its workbook part", budget)
        self.sheets: list[tuple[str, str]] = []

    def start(self, local: str, attrs: dict[str, str]) -> None:
        if local == "sheet":
            if len(self.sheets) >= MAX_SHEETS:
                raise self._fault(f"has over {MAX_SHEETS:,} sheets")
            ident = next((v for k, v in attrs.items() if k.endswith("}id")), "")
            name = attrs.get("name", "")
            if len(name) > 255:
                raise self._fault("has a sheet name of over 255 characters")
            self.sheets.append((name, ident))


class _Strings(Bounded):
    """sharedStrings.xml: each string's text (runs joined, phonetic runs left out)."""

    def __init__(self, shown: str, budget: Budget) -> None:
        super().__init__(shown, "its shared strings", budget)
        self.strings: list[str] = []
        self._chars: list[str] | None = None
        self._collect = False
        self._size = 0
        self._phonetic = 0

    def start(self, local: str, attrs: dict[str, str]) -> None:
        if local == "si":
            if len(self.strings) >= MAX_STRINGS:
                raise self._fault(f"has over {MAX_STRINGS:,} strings")
            self._chars, self._size = [], 0
        elif local == "rPh":
            self._phonetic += 1
        elif local == "t" and self._chars is not None and not self._phonetic:
            self._collect = True

    def text(self, data: str) -> None:
        if self._collect and self._chars is not None:
            self._size += len(data)
            if self._size > MAX_CELL:
                raise self._fault(f"has a string of over {MAX_CELL:,} characters")
            self._chars.append(data)

    def end(self, local: str) -> None:
        if local == "t":
            self._collect = False
        elif local == "rPh":
            self._phonetic -= 1
        elif local == "si" and self._chars is not None:
            self.strings.append("".join(self._chars).replace("x005F_", ""))
            self._chars = None


def _parsed(reader: Bounded, archive: zipfile.ZipFile, name: str) -> None:
    for _ in reader.read(archive, name):
        pass


def _target(source: str, target: str) -> str:
    """A relationship's target as a part name (relative to ``source``'s folder, or absolute)."""
    import posixpath

    if target.startswith("/"):
        return posixpath.normpath(target).lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target)).lstrip("/")


def _rels_of(archive: zipfile.ZipFile, part: str, shown: str, budget: Budget) -> _Rels:
    import posixpath

    name = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
    rels = _Rels(shown, f"part '{neutral_line(name, 60)}'", budget)
    if name in archive.NameToInfo:
        _parsed(rels, archive, name)
    return rels


def _xlsx_rows(archive: zipfile.ZipFile, part: str, reader: SheetReader) -> Iterator[tuple[Any, ...]]:
    for _ in reader.read(archive, part):
        yield from reader.take()
    yield from reader.take()


class SheetReader(Bounded):
    """A worksheet's XML (SpreadsheetML) as rows of values, fed in pieces, with no DTD
    or entity accepted and every count bounded: rows ``MAX_ROWS``, cells per row
    ``MAX_CELLS``, characters per cell ``MAX_CELL``, depth ``MAX_DEPTH``; only the first
    ``MAX_COLUMNS`` columns are kept. Values: text, int, float, bool or None (numbers
    with a date format stay numbers)."""

    def __init__(self, strings: list[str], shown: str, title: str, budget: Budget) -> None:
        super().__init__(shown, f"sheet '{neutral_line(title, 40)}'", budget)
        self.strings = strings
        self._done: list[tuple[Any, ...]] = []
        self._row = 0  # the last row's number
        self._cells: dict[int, Any] | None = None  # the row being read, by column
        self._count = 0
        self._column = 0
        self._kind = "n"
        self._chars: list[str] | None = None  # the cell's text
        self._collect = False  # inside its <v> or <t>
        self._size = 0
        self._phonetic = 0
        self.dimension: int | None = None  # the last row its <dimension> gives

    def take(self) -> list[tuple[Any, ...]]:
        done, self._done = self._done, []
        return done

    def start(self, local: str, attrs: dict[str, str]) -> None:
        if local == "dimension":
            last = attrs.get("ref", "").rpartition(":")[2].lstrip("$ABCDEFGHIJKLMNOPQRSTUVWXYZ")
            if last.isdigit() and len(last) <= 8:
                self.dimension = min(int(last), MAX_ROWS)
        elif local == "row":
            given = attrs.get("r")
            number = self._row + 1
            if given is not None:
                if not given.isdigit() or len(given) > 8:
                    raise self._fault(f"has a row numbered '{neutral_line(given, 20)}'")
                number = int(given)
            if number > MAX_ROWS:
                raise self._fault(f"has over {MAX_ROWS:,} rows")
            if number <= self._row:
                raise self._fault(f"has row {number:,} after row {self._row:,}")
            self._done.extend(() for _ in range(self._row + 1, number))  # rows left out are empty
            self._row, self._cells, self._count, self._column = number, {}, 0, 0
        elif local == "c" and self._cells is not None:
            self._count += 1
            if self._count > MAX_CELLS:
                raise self._fault(f"has a row of over {MAX_CELLS:,} cells")
            ref = attrs.get("r")
            if ref is None:
                self._column += 1
            else:
                match = _REF.fullmatch(ref)
                if match is None:
                    raise self._fault(f"has a cell named '{neutral_line(ref, 20)}'")
                column = 0
                for letter in match.group(1).upper():
                    column = column * 26 + ord(letter) - 64
                self._column = column
            if self._column > MAX_CELLS:
                raise self._fault(f"has a cell past column {MAX_CELLS:,} (XFD)")
            self._kind, self._chars, self._size = attrs.get("t", "n"), None, 0
        elif local == "rPh":
            self._phonetic += 1
        elif local in ("v", "t") and self._cells is not None and not self._phonetic:
            self._collect = True
            if self._chars is None:
                self._chars = []

    def text(self, data: str) -> None:
        if self._collect and self._chars is not None:
            self._size += len(data)
            if self._size > MAX_CELL:
                raise self._fault(f"has a cell of over {MAX_CELL:,} characters")
            self._chars.append(data)

    def end(self, local: str) -> None:
        if local in ("v", "t"):
            self._collect = False
        elif local == "c" and self._cells is not None:
            text, self._chars = self._chars, None
            if text is not None and self._column <= MAX_COLUMNS:
                value = self._value("".join(text))
                if value is not None:
                    self._cells[self._column] = value
        elif local == "rPh":
            self._phonetic -= 1
        elif local == "row" and self._cells is not None:
            cells, self._cells = self._cells, None
            row: list[Any] = [None] * max(cells, default=0)
            for column, value in cells.items():
                row[column - 1] = value
            self._done.append(tuple(row))

    def _value(self, text: str) -> Any:
        kind = self._kind
        if kind == "s":
            try:
                value = self.strings[int(text)]
            except (ValueError, IndexError):
                raise self._fault(
                    f"refers to a shared string it does not have ('{neutral_line(text, 20)}')"
                ) from None
            return value
        if kind in ("inlineStr", "str", "e", "d"):
            return text
        if kind == "b":
            return text.strip() in ("1", "true")
        if not text:
            return None
        try:
            return float(text) if any(c in text for c in ".eEnN") else int(text)
        except ValueError:
            raise self._fault(f"has a number cell holding '{neutral_line(text, 20)}'") from None


@contextlib.contextmanager
def opened(path: Path, name: str) -> Iterator[list[Sheet]]:
    """The sheets of the workbook at ``path`` (shown as ``name``): .xlsx read here, .xls
    through xlrd."""
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
    """An .xlsx: its zip directory checked, then its parts read here (bounded)."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise bad(f"'{shown}' cannot be read as an .xlsx workbook (it is not a zip).") from None
    with archive:
        check_zip(archive, shown)
        budget = Budget()
        try:
            book_part = next(
                (
                    _target("", t)
                    for t in _rels_of(archive, "", shown, budget).by_type.get("officeDocument", [])
                ),
                "xl/workbook.xml",
            )
            book = _Book(shown, budget)
            _parsed(book, archive, book_part)
            rels = _rels_of(archive, book_part, shown, budget)
            strings = _Strings(shown, budget)
            for target in rels.by_type.get("sharedStrings", [])[:1]:
                _parsed(strings, archive, _target(book_part, target))
            worksheets = set(rels.by_type.get("worksheet", []))
            sheets = []
            for title, ident in book.sheets:
                found = rels.by_id.get(ident)
                if found is None or found not in worksheets:
                    continue  # a chart sheet, or a sheet with no part
                part = _target(book_part, found)
                archive.getinfo(part)
                reader = SheetReader(strings.strings, shown, title, budget)
                sheets.append(Sheet(title, None, _xlsx_rows(archive, part, reader), reader))
        except KeyError as exc:
            raise bad(
                f"'{shown}' names a part it does not hold ({neutral_line(str(exc), 60)}); it is damaged."
            ) from None
        except (zipfile.BadZipFile, EOFError, NotImplementedError, ValueError, OSError) as exc:
            raise bad(f"'{shown}' cannot be read as an .xlsx workbook ({type(exc).__name__}).") from None
        yield sheets


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
