"""Read BLS's Employment Projections workbook (``occupation.xlsx``) into an import.

BLS publishes the projections each autumn for a ten-year period (2024-34) at
https://www.bls.gov/emp/tables/occupational-projections-and-characteristics.htm, as one
workbook of tables. Table 1.2 gives each occupation's employment at the base and target
year, the change, the percent change and (from 2016-26) the openings a year; up to 2022-32
the wage and the entry education are in Table 1.7, which 2023-33 folded into 1.2. The
layout changes between editions (one header row or three, the title and code in one
column or two, "Change, 2014-24 / Number" or "Employment change, numeric, 2024-34"), so
columns are found by what their headers say and the code column by its codes, never by
position. Employment is in thousands, as the tables' titles say.

Kept: the occupation's row (29-2072; 29-2071 up to 2018-28; 29-2098, the broader group,
in 2019-29 and 2020-30), the all-occupations row 00-0000 that BLS compares growth with,
and the rows of the related occupations asked for. Read through ``workbook`` (bounded,
streamed).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path
from typing import Any

from .oews import BROADER, BROADER_TITLE, OCCUPATIONS, _check_file, digest
from .status import GuideError
from .textsafe import neutral_line
from .workbook import Clock, bad, opened

TABLES_URL = "https://www.bls.gov/emp/tables/occupational-projections-and-characteristics.htm"
ALL = "00-0000"
SHEETS = re.compile(r"^\s*Table\s+1\.(2|7)\s*$", re.I)
CODE = re.compile(r"^\d{2}-\d{4}$")
EDITION = re.compile(r"(20\d\d)\s*(?:-|–|—|and projected|to)\s*(20\d\d|\d\d)\b", re.I)
YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
HEADER_ROWS = 12
FIELDS = ("base", "target", "change", "percent", "openings", "wage", "education")


def _clean(text: Any) -> str:
    return " ".join(str(text).replace("–", "-").replace("—", "-").split()).lower() if text is not None else ""


def _edition(text: str) -> tuple[int, int] | None:
    found = EDITION.search(text.replace("–", "-"))
    if not found:
        return None
    start, end = int(found.group(1)), found.group(2)
    finish = int(end) if len(end) == 4 else (start // 100) * 100 + int(end)
    return (start, finish) if 5 <= finish - start <= 15 else None


def _names(rows: list[tuple[Any, ...]]) -> list[str]:
    """One name per column from header rows that may span: a label fills the columns to its
    right until the next label in its row or a label starts in a row above."""
    width = max((len(r) for r in rows), default=0)
    starts: set[int] = set()
    names: list[list[str]] = [[] for _ in range(width)]
    for row in rows:
        current = None
        own = {i for i, v in enumerate(row) if v is not None and str(v).strip()}
        for i in range(width):
            if i in starts:
                current = None
            if i in own:
                current = str(row[i]).strip()
            if current:
                names[i].append(current)
        starts |= own
    return [_clean(" ".join(parts)) for parts in names]


def _columns(names: list[str], start: int, end: int) -> dict[str, int]:
    """Which column holds each field, from its header's words."""
    found: dict[str, int] = {}
    for i, name in enumerate(names):
        years = {int(y) for y in YEAR.findall(name)}
        skip = ("distribution", "self employed", "self-employed", "matrix", "occupation type", "title")
        if not name or any(word in name for word in skip):
            continue
        if "education" in name:
            field = "education"
        elif "wage" in name:
            field = "wage"
        elif "opening" in name:
            # up to 2014-24: openings over the decade from growth and replacements, another measure
            field = "openings" if "annual" in name else ""
        elif "change" in name:
            field = "percent" if "percent" in name else "change"
        elif "employment" in name and start in years and end not in years:
            field = "base"
        elif "employment" in name and end in years:
            field = "target"
        else:
            continue
        if field:
            found.setdefault(field, i)
    return found


def _number(value: Any, where: str) -> float | None:
    if value is None or (isinstance(value, str) and value.strip() in ("", "-", "—", "–", "(4)", "(5)")):
        return None
    if isinstance(value, bool):
        raise bad(f"{where}: a true/false value where a number belongs.")
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(value).strip().replace(",", "").replace("$", "")
        text = re.sub(r"\(\d\)$", "", text).strip()
        if text.startswith(">="):
            return None  # a wage at or above the top code: no figure
        try:
            number = float(text)
        except ValueError:
            raise bad(f"{where}: '{neutral_line(str(value), 30)}' is not a number.") from None
    if not math.isfinite(number) or abs(number) > 1e9:
        raise bad(f"{where}: {number!r} is not a figure.")
    return number


class Table:
    """One sheet's kept rows: the edition it says, its columns and the rows by code."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.edition: tuple[int, int] | None = None
        self.thousands = False
        self.wage_year: int | None = None
        self.rows: dict[str, dict[str, Any]] = {}


def _read_sheet(book: str, sheet: Any, wanted: set[str], clock: Clock) -> Table | None:
    table = Table(sheet.title)
    head: list[tuple[Any, ...]] = []
    columns: dict[str, int] | None = None
    code_at = title_at = -1
    for n, row in enumerate(sheet.rows(clock), 1):
        if columns is None:
            cells = [c for c in row if c is not None and str(c).strip()]
            codes = [i for i, c in enumerate(row) if isinstance(c, str) and CODE.match(c.strip())]
            if not codes:
                if n > HEADER_ROWS:
                    return None
                if len(cells) == 1 and str(cells[0]).strip().lower().startswith("table"):
                    text = str(cells[0])
                    table.edition = table.edition or _edition(text)
                    table.thousands = table.thousands or "thousands" in text.lower()
                elif cells:
                    head.append(row)
                continue
            if table.edition is None or not head:
                return None
            names = _names(head)
            columns = _columns(names, *table.edition)
            if "base" not in columns or "percent" not in columns:
                return None
            code_at = codes[0]
            title_at = 0 if code_at > 0 else 1
            if "wage" in columns:
                years = YEAR.findall(names[columns["wage"]])
                table.wage_year = int(years[0]) if years else None
        code = str(row[code_at]).strip() if code_at < len(row) and row[code_at] is not None else ""
        if code not in wanted:
            continue
        where = f"{neutral_line(book, 60)}, sheet '{neutral_line(sheet.title, 30)}', row {n}"
        kept: dict[str, Any] = {"code": code, "title": neutral_line(str(row[title_at] or code).strip(), 200)}
        for field, i in columns.items():
            value = row[i] if i < len(row) else None
            if field == "education":
                text = neutral_line(str(value).strip(), 120) if value is not None else ""
                kept[field] = text if text and text not in ("-", "—", "–") else None
            else:
                kept[field] = _number(value, f"{where}, {field}")
        table.rows.setdefault(code, kept)
    return table if columns is not None else None


def _edition_from_name(name: str) -> tuple[int, int] | None:
    return _edition(name.replace("_", " "))


def build(
    path: Path, related: list[str], *, edition: str | None = None, today: dt.date | None = None
) -> dict[str, Any]:
    """The import document for the projections workbook at ``path`` (not yet checked by the model)."""
    _check_file(path, f"occupation.xlsx as downloaded from {TABLES_URL}", "occupation.xlsx")
    shown = neutral_line(path.name, 80)
    sha = digest(path)
    wanted = {ALL, *OCCUPATIONS, BROADER, *related}
    clock = Clock(shown)
    tables: list[Table] = []
    try:
        with opened(path, path.name) as sheets:
            for sheet in sheets:
                if SHEETS.match(sheet.title):
                    table = _read_sheet(path.name, sheet, wanted, clock)
                    if table is not None:
                        tables.append(table)
    except GuideError:
        raise
    except MemoryError:
        raise bad(f"'{shown}' needs more memory than this machine gives; it is not a BLS download.") from None
    except Exception as exc:  # a damaged part, bad XML, an entity
        raise bad(f"'{shown}' is damaged ({type(exc).__name__}); download it again.") from None
    if not tables:
        raise bad(
            f"'{shown}' has no Table 1.2 or 1.7 with BLS's projection columns (employment at the base and "
            f"target year, percent change): is it occupation.xlsx from {TABLES_URL}?"
        )
    editions = {t.edition for t in tables}
    if len(editions) != 1:
        raise bad(f"The tables of '{shown}' disagree about the period they project.")
    start, end = next(iter(editions)) or (0, 0)
    given = _edition(edition) if edition else None
    if given is not None and given != (start, end):
        raise bad(f"'{shown}' projects {start}-{end % 100:02d}, not {edition}; nothing was changed.")
    if not all(t.thousands for t in tables):
        raise bad(f"'{shown}' does not say its employment is in thousands, as BLS's tables do.")
    merged: dict[str, dict[str, Any]] = {}
    wage_year = None
    for table in tables:  # Table 1.2 first; 1.7 adds the wage and the education where 1.2 lacks them
        wage_year = wage_year or table.wage_year
        for row_code, row in table.rows.items():
            into = merged.setdefault(row_code, {"code": row_code, "title": row["title"]})
            for field in FIELDS:
                if into.get(field) is None and row.get(field) is not None:
                    into[field] = row[field]
    code = next((c for c in (*OCCUPATIONS, BROADER) if c in merged), None)
    if code is None:
        raise bad(
            f"'{shown}' has no row for 29-2072 Medical Records Specialists (29-2071 up to 2018-28; "
            f"{BROADER}, the broader group, in 2019-29 and 2020-30)."
        )
    if ALL not in merged:
        raise bad(f"'{shown}' has no row for all occupations ({ALL}), which growth is compared with.")
    for row in merged.values():
        for field in FIELDS:
            row.setdefault(field, None)
        if row["base"] is None or row["target"] is None or row["percent"] is None:
            raise bad(f"'{shown}': the row for {row['code']} lacks its employment or percent change.")
    ident = f"{start}-{end % 100:02d}"
    key = f"ep-{ident}"
    when = (today or dt.date.today()).isoformat()
    broader = code == BROADER
    occupation = merged.pop(code)
    everyone = merged.pop(ALL)
    return {
        "format": 1,
        "id": ident,
        "start": start,
        "end": end,
        "file": neutral_line(path.name, 200),
        "sha256": sha,
        "imported": when,
        "wage_year": wage_year,
        "occupation": {
            "code": code,
            "title": BROADER_TITLE if broader else occupation["title"],
            "broader": broader,
        },
        "source": {
            "key": key,
            "title": f"Employment Projections {ident}, occupation.xlsx (Tables 1.2 and 1.7)",
            "publisher": "U.S. Bureau of Labor Statistics (Employment Projections)",
            "url": TABLES_URL,
            "kind": "official",
            "vintage": start,
            "note": f"Read from {neutral_line(path.name, 120)} (SHA-256 {sha[:12]}).",
        },
        "row": occupation,
        "all": everyone,
        "related": [merged[c] for c in related if c in merged],
    }
