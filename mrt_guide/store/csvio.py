"""The CE log as CSV: RFC 4180 (the stdlib ``csv`` module; CRLF line ends, a header row,
UTF-8), written safe from spreadsheet formula injection and read back with every row
checked before anything is written.

A text cell that a spreadsheet would run as a formula (it starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) is written with a leading apostrophe, as OWASP
advises; reading removes that apostrophe again, so an export imports unchanged.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..cells import FORMULA, REPORT_COLUMNS, defang, report_rows, undefang, yes
from ..dataset.index import Dataset
from ..queries import ce as q
from ..status import GuideError
from ..textsafe import neutral_line
from .ce import EVIDENCE, EVIDENCE_LIMIT, Activity

__all__ = ["FORMULA", "REPORT_COLUMNS", "defang", "report_rows", "undefang"]

COLUMNS = [
    "id", "date", "title", "provider", "minutes", "ceus", "for", *q.TAGS,
    "evidence_file", "evidence_sha256", "notes",
]  # fmt: skip
"""The export's header; an import also takes ``hours`` in place of ``minutes``."""
ACCEPTED = [*COLUMNS, "hours"]
MAX_BYTES = 50 * 1024 * 1024
MAX_ROWS = 100_000
SHOWN_FAULTS = 20
YES = {"yes", "y", "true", "1", "x"}
NO = {"no", "n", "false", "0"}


def rows(activities: list[Activity]) -> Iterator[list[str]]:
    """The export's rows, header first."""
    yield COLUMNS
    for a in activities:
        ev = a["evidence"]
        yield [
            str(a["id"]),
            a["date"],
            defang(a["title"]),
            defang(a["provider"] or ""),
            "" if a["minutes"] is None else str(a["minutes"]),
            "" if a["ceus"] is None else q.num(a["ceus"]),
            " ".join(a["for"]),
            *[yes(t in a["tags"]) for t in q.TAGS],
            "" if ev is None else defang(ev["stored"] or ev["name"]),
            "" if ev is None else ev["sha256"],
            defang(a["notes"] or ""),
        ]


def write(fh: IO[str], table: Iterator[list[str]]) -> int:
    """Write ``table`` as RFC 4180 CSV; the number of data rows."""
    writer = csv.writer(fh, lineterminator="\r\n")
    count = -1
    for row in table:
        writer.writerow(row)
        count += 1
    return count


class Faults(GuideError):
    """Rows that cannot be imported: every one, with its line number."""

    def __init__(self, file: Path, faults: list[str]) -> None:
        from ..status import ExitStatus

        self.faults = faults
        shown = neutral_line(str(file), 80)
        lines = faults[:SHOWN_FAULTS]
        more = len(faults) - len(lines)
        text = f"{shown}: {len(faults)} bad row(s); nothing was imported."
        text += "".join(f"\n  {line}" for line in lines)
        if more:
            text += f"\n  ... and {more} more."
        super().__init__(text, ExitStatus.DATA)


def _text(file: Path) -> str:
    shown = neutral_line(str(file), 80)
    from ..status import ExitStatus

    try:
        if not file.exists():
            raise GuideError(f"{shown}: no such file.", ExitStatus.IO)
        if not file.is_file():
            what = "is a folder" if file.is_dir() else "is not a regular file"
            raise GuideError(f"{shown}: {what}.", ExitStatus.IO)
        with open(file, "rb") as fh:  # read at most the limit, even if the file grows meanwhile
            data = fh.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise GuideError(f"{shown}: larger than {MAX_BYTES // 2**20} MiB; split it.", ExitStatus.DATA)
    except OSError as exc:
        raise GuideError(f"Cannot read {shown}: {exc.strerror or exc}.", ExitStatus.IO) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise GuideError(
            f"{shown}: line {line} is not UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8.",
            ExitStatus.DATA,
        ) from None


def _flag(value: str, column: str) -> bool | None:
    """yes, no, or None for an empty cell (the default applies)."""
    v = value.strip().casefold()
    if not v:
        return None
    if v in YES:
        return True
    if v in NO:
        return False
    raise GuideError(f"{column} '{neutral_line(value, 20)}': write yes or no.")


OUTSIDE = (
    "only files in the CSV's own folder (or a folder in it) are copied in; move it there, "
    "or add it later with 'mrt-guide ce edit ID --evidence FILE'"
)


Hashes = dict[tuple[int, int, int, int], tuple[str, int]]
"""Files hashed during one import, by device, inode, size and modification time: a CSV naming
one large file on every row reads it once."""


def _evidence(
    value: str, sha: str, base: Path, folder: Path, hashes: Hashes | None = None
) -> tuple[dict[str, Any] | None, Path | None]:
    """The evidence record a row names, and the file still to copy in (None when the file is
    already in the log's folder, or not found but its hash is given). A file is copied in
    only if it really is in the CSV's folder ``base`` or a folder below it: an absolute path,
    ``..``, a symbolic link on the way or a file that is not a regular file is refused (a CSV
    someone shared must not copy the user's other files into the log, its backups and the
    audit packet)."""
    from pathlib import PurePosixPath, PureWindowsPath

    from .ce import NotInside, hash_fd, open_inside

    sha = sha.strip().lower()
    if sha and (len(sha) != 64 or any(ch not in "0123456789abcdef" for ch in sha)):
        raise GuideError(f"evidence_sha256 '{neutral_line(sha, 20)}…' is not a SHA-256 (64 hex digits).")
    shown = neutral_line(value, 60)
    posix, windows = PurePosixPath(value), PureWindowsPath(value)
    if posix.is_absolute() or windows.drive or windows.root or value.startswith("~"):
        raise GuideError(f"evidence file '{shown}' is an absolute path: {OUTSIDE}.")
    if ".." in posix.parts or ".." in windows.parts:
        raise GuideError(f"evidence file '{shown}' is outside the CSV's folder ('..'): {OUTSIDE}.")
    parts = posix.parts
    hidden = next((p for p in parts if p.startswith(".")), None)
    if hidden is not None:  # .ssh/id_rsa beside a CSV saved in the home folder
        raise GuideError(
            f"evidence file '{shown}' is hidden ('{neutral_line(hidden, 30)}' starts with a dot): {OUTSIDE}."
        )
    try:
        if len(parts) == 2 and parts[0] == EVIDENCE:
            kept = open_inside(folder, parts)
            if kept is not None:  # a file the log keeps already (a CSV 'ce export' wrote)
                try:
                    digest, size = hash_fd(kept)
                finally:
                    os.close(kept)
                if sha and digest != sha:
                    raise GuideError(f"evidence file '{shown}' does not have the SHA-256 given.")
                name = parts[1].split("-", 1)[1] if "-" in parts[1] else parts[1]
                return {"name": name, "stored": "/".join(parts), "sha256": digest, "size": size}, None
        found = open_inside(base, parts)
    except NotInside as exc:
        raise GuideError(f"evidence file '{shown}' {exc}: {OUTSIDE}.") from None
    except OSError as exc:
        raise GuideError(f"evidence file '{shown}' cannot be read: {exc.strerror or exc}.") from None
    if found is None:
        if sha:
            return {"name": posix.name, "stored": None, "sha256": sha, "size": None}, None
        raise GuideError(
            f"evidence file '{shown}' not found (looked in {neutral_line(str(base), 60)} "
            f"and {neutral_line(str(folder), 60)}); give its evidence_sha256 to keep the record without it."
        )
    try:
        info = os.fstat(found)
        ident = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)
        known = None if hashes is None else hashes.get(ident)
        digest, size = known if known is not None else hash_fd(found)
        if hashes is not None:
            hashes[ident] = (digest, size)
    finally:
        os.close(found)
    if size > EVIDENCE_LIMIT:
        raise GuideError(
            f"evidence file '{shown}' is larger than {EVIDENCE_LIMIT // 2**20} MiB "
            "(the log keeps a certificate or a scan of one)."
        )
    if sha and digest != sha:
        raise GuideError(f"evidence file '{shown}' does not have the SHA-256 given.")
    return {"name": posix.name, "stored": None, "sha256": digest, "size": size}, base.joinpath(*parts)


def read(file: Path, ds: Dataset, held: dict[str, str], folder: Path) -> list[tuple[Activity, Path | None]]:
    """Every row of ``file`` as an activity (and an evidence file to copy in), or ``Faults``
    naming each bad row by its line. Reads only: nothing is copied or written."""
    text = _text(file)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    faults: list[str] = []
    out: list[tuple[Activity, Path | None]] = []
    try:
        header = next(reader)
    except StopIteration:
        raise Faults(file, ["line 1: the file is empty; the first row must name the columns."]) from None
    except csv.Error as exc:
        raise Faults(file, [f"line 1: {exc}"]) from None
    names = [h.strip().lstrip("\ufeff").casefold() for h in header]
    unknown = [n for n in names if n not in ACCEPTED]
    if unknown:
        from ..suggest import closest

        hints = []
        for n in unknown:
            hint = closest(n, ACCEPTED)
            hints.append(f"'{neutral_line(n, 30)}'" + (f" (did you mean {hint}?)" if hint else ""))
        raise Faults(
            file, [f"line 1: unknown column {', '.join(hints)}; the columns are {', '.join(COLUMNS)}."]
        )
    missing = [n for n in ("date", "title") if n not in names]
    if not {"minutes", "hours", "ceus"} & set(names):
        missing.append("minutes, hours or ceus")
    if missing:
        raise Faults(file, [f"line 1: the header needs the column(s) {', '.join(missing)}."])
    if len(set(names)) != len(names):
        raise Faults(file, ["line 1: a column is named twice."])
    base = file.parent
    hashes: Hashes = {}
    line = 1
    while True:
        first = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            faults.append(f"line {first}: {exc}")
            break
        line = first
        if not any(cell.strip() for cell in row):
            continue
        if len(out) + len(faults) >= MAX_ROWS:
            faults.append(f"line {line}: more than {MAX_ROWS:,} rows; split the file.")
            break
        if len(row) != len(names):
            faults.append(f"line {line}: {len(row)} cells; the header has {len(names)}.")
            continue
        cells = {n: undefang(v) for n, v in zip(names, row, strict=True)}
        try:
            out.append(_row(cells, ds, held, base, folder, hashes))
        except GuideError as exc:
            faults.append(f"line {line}: {exc}")
    if faults:
        raise Faults(file, faults)
    return out


def _row(
    cells: dict[str, str],
    ds: Dataset,
    held: dict[str, str],
    base: Path,
    folder: Path,
    hashes: Hashes | None = None,
) -> tuple[Activity, Path | None]:
    def cell(name: str) -> str | None:
        value = cells.get(name, "")
        return value if value.strip() else None

    day = q.parse_date(cells["date"], "date", sheet=True)
    title = q.parse_text(cells["title"], "title", required=True)
    minutes, ceus = q.parse_amount(
        cell("hours"), cell("minutes"), cell("ceus"), names=("hours", "minutes", "ceus")
    )
    given = (cells.get("for") or "").replace(",", " ").replace(";", " ").split()
    marked = {t: _flag(cells.get(t, ""), t) for t in q.TAGS}
    evidence, copy = None, None
    if cell("evidence_file") is not None:
        evidence, copy = _evidence(
            cells["evidence_file"].strip(), cells.get("evidence_sha256", ""), base, folder, hashes
        )
    elif cell("evidence_sha256") is not None:
        raise GuideError("evidence_sha256 without an evidence_file.")
    creds = q.targets(ds, held, given or None)
    activity: Activity = {
        "date": day.isoformat(),
        "title": title,
        "provider": q.parse_text(cells.get("provider"), "provider"),
        "minutes": minutes,
        "ceus": ceus,
        "notes": q.parse_text(cells.get("notes"), "notes"),
        "for": creds,
        "evidence": evidence,
        "tags": q.tags_for(ds, creds, marked),
    }
    return activity, copy
