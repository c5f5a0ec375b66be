"""Hostile workbooks and zips against both importers (issue 24).

Every file is generated here, small on disk (built with ``zipfile`` and raw XML), and
given to the installed CLI in a child process limited to 1.5 GiB of address space and
60 seconds, with ``TMPDIR`` pointing at a fresh folder. Each run must end in a refusal
(exit 65, or 2 for a file that is not a regular file) with exactly one line on stderr and
no traceback, leave no temporary file, and save nothing in the imports folder; the two
real files at the end import (exit 0) under the same limits.
"""

from __future__ import annotations

import io
import json
import os
import resource
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
OFFICIAL = REPO / "official"
LIMIT = int(1.5 * 1024**3)
TIMEOUT = 60.0
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
IMPORTERS = {"oews": "import-oews", "projections": "import-projections"}


class Run:
    def __init__(self, code: int, out: str, err: str, seconds: float, peak_kib: int, left: list[str]) -> None:
        self.code, self.out, self.err, self.seconds, self.peak_kib, self.left = (
            code,
            out,
            err,
            seconds,
            peak_kib,
            left,
        )


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))


def run_cli(tmp_path: Path, *args: str) -> Run:
    """``mrt-guide ARGS`` in a child under the limits; its exit status, output, time and peak memory."""
    tmp = tmp_path / "tmpdir"
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp), "COLUMNS": "80"}
    env.pop("MRT_GUIDE_READ_SECONDS", None)
    out_path, err_path = tmp_path / "stdout", tmp_path / "stderr"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.monotonic()
        child = subprocess.Popen(
            [sys.executable, "-m", "mrt_guide", *args],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            env=env,
            preexec_fn=_limit,
        )
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > TIMEOUT:
                child.kill()
                os.wait4(child.pid, 0)
                pytest.fail(f"mrt-guide {' '.join(args)} ran past {TIMEOUT:g} seconds (a hang)")
            time.sleep(0.01)
        child.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - start
    run = Run(
        child.returncode,
        out_path.read_text("utf-8", "replace"),
        err_path.read_text("utf-8", "replace"),
        seconds,
        usage.ru_maxrss,
        sorted(os.listdir(tmp)),
    )
    report = os.environ.get("MRT_GUIDE_BOMB_REPORT")
    if report:  # figures for a person measuring: one JSON line per run
        with open(report, "a", encoding="utf-8") as fh:
            line = {
                "args": args[:2],
                "code": run.code,
                "seconds": round(seconds, 2),
                "peak_mib": usage.ru_maxrss // 1024,
            }
            fh.write(
                json.dumps({**line, "err": run.err, "case": os.environ.get("PYTEST_CURRENT_TEST", "")}) + "\n"
            )
    return run


# Building workbooks -------------------------------------------------------------------


OOXML = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def types(shared: bool = False) -> str:
    parts = {"/xl/workbook.xml": "sheet.main", "/xl/worksheets/sheet1.xml": "worksheet"}
    if shared:
        parts["/xl/sharedStrings.xml"] = "sharedStrings"
    over = "".join(f'<Override PartName="{k}" ContentType="{OOXML}.{v}+xml"/>' for k, v in parts.items())
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{over}</Types>'
    )


ROOT_RELS = (
    f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC}/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    f'<workbook xmlns="{MAIN}" xmlns:r="{DOC}"><sheets>'
    '<sheet name="Table 1.2" sheetId="1" r:id="rId1"/></sheets></workbook>'
)


def book_rels(target: str = "worksheets/sheet1.xml", shared: bool = False) -> str:
    more = (
        f'<Relationship Id="rId2" Type="{DOC}/sharedStrings" Target="sharedStrings.xml"/>' if shared else ""
    )
    return (
        f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC}/worksheet" '
        f'Target="{target}"/>{more}</Relationships>'
    )


def sheet(rows: str, before: str = "", prolog: str = "") -> str:
    return f'{prolog}<worksheet xmlns="{MAIN}">{before}<sheetData>{rows}</sheetData></worksheet>'


HEADER = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>OCC_CODE</t></is></c><c r="B1" t="inlineStr"><is><t>TOT_EMP'
    '</t></is></c><c r="C1" t="inlineStr"><is><t>A_MEAN</t></is></c><c r="D1" t="inlineStr"><is><t>A_MEDIAN'
    "</t></is></c></row>"
)


def xlsx(
    path: Path,
    sheet_xml: str | bytes | Callable[[io.BufferedIOBase], None],
    *,
    shared: str | bytes | None = None,
    workbook: str = WORKBOOK,
    rels: str | None = None,
    level: int = 6,
) -> Path:
    """A workbook of one sheet (``Table 1.2``); ``sheet_xml`` may be a function that writes it."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        z.writestr("[Content_Types].xml", types(shared is not None))
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", rels or book_rels(shared=shared is not None))
        if callable(sheet_xml):
            with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
                sheet_xml(fh)  # type: ignore[arg-type]
        else:
            z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", shared)
    return path


def repeated(head: bytes, unit: bytes, count: int, tail: bytes) -> Callable[[io.BufferedIOBase], None]:
    """A writer of ``head``, ``unit`` ``count`` times, ``tail``, in 1 MiB pieces."""

    def write(fh: io.BufferedIOBase) -> None:
        fh.write(head)
        per = max(1, (1 << 20) // len(unit))
        block = unit * per
        left = count
        while left >= per:
            fh.write(block)
            left -= per
        fh.write(unit * left)
        fh.write(tail)

    return write


def zip_of(path: Path, members: dict[str, bytes], level: int = 6) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def zeros(size_mib: int) -> tuple[bytes, int, int]:
    """``size_mib`` MiB of zeros as raw deflate data, built fast: each MiB is compressed
    once (a full flush makes every MiB's piece the same bytes). Also the CRC and size."""
    block = bytes(1 << 20)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(size_mib):
        crc = zlib.crc32(block, crc)
    return piece * size_mib + zlib.compressobj(9, zlib.DEFLATED, -15).flush(), crc, size_mib << 20


def raw_zip(path: Path, members: list[tuple[str, tuple[bytes, int, int]]]) -> Path:
    """A zip of already deflated members (name, (data, crc, size)), under 4 GiB each."""
    local, central = bytearray(), bytearray()
    for name, (data, crc, size) in members:
        encoded = name.encode()
        fields = struct.pack("<HHHHHIIIHH", 20, 0, 8, 0, 0x21, crc, len(data), size, len(encoded), 0)
        central += (
            b"PK\x01\x02" + struct.pack("<H", 20) + fields + struct.pack("<HHHII", 0, 0, 0, 0, len(local))
        )
        central += encoded
        local += b"PK\x03\x04" + fields + encoded + data
    end = struct.pack(
        "<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(members), len(members), len(central), len(local), 0
    )
    path.write_bytes(bytes(local + central + end))
    return path


def stored(name: str, text: str | bytes) -> tuple[str, tuple[bytes, int, int]]:
    """A member of ``raw_zip`` deflated the ordinary way."""
    data = text.encode() if isinstance(text, str) else text
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return name, (packer.compress(data) + packer.flush(), zlib.crc32(data), len(data))


def zero_book(sheet_mib: int) -> list[tuple[str, tuple[bytes, int, int]]]:
    """The parts of a workbook whose sheet is ``sheet_mib`` MiB of zeros."""
    return [
        stored("[Content_Types].xml", types()),
        stored("_rels/.rels", ROOT_RELS),
        stored("xl/workbook.xml", WORKBOOK),
        stored("xl/_rels/workbook.xml.rels", book_rels()),
        ("xl/worksheets/sheet1.xml", zeros(sheet_mib)),
    ]


def lie_about_size(path: Path, member: str, size: int) -> Path:
    """Rewrite the uncompressed size ``member`` claims, in its local header and the directory."""
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(member)
    struct.pack_into("<I", raw, info.header_offset + 22, size)
    name = member.encode()
    at = 0
    while True:  # the central directory entry of ``member``
        at = raw.index(b"PK\x01\x02", at)
        length = struct.unpack_from("<H", raw, at + 28)[0]
        if bytes(raw[at + 46 : at + 46 + length]) == name:
            struct.pack_into("<I", raw, at + 24, size)
            break
        at += 4
    path.write_bytes(bytes(raw))
    return path


# The hostile files ----------------------------------------------------------------------

BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10))
    + "]>"
)


def nested_zip(tmp: Path, kind: str) -> Path:
    """A zip holding a workbook whose sheet is 1 GiB of zeros, and a zip holding that zip."""
    inner = raw_zip(tmp / "inner.xlsx", zero_book(1024)).read_bytes()
    middle = zip_of(tmp / "middle.zip", {"national_M2025_dl.xlsx": inner}).read_bytes()
    name = "oesm25nat.zip" if kind == "oews" else "occupation.xlsx"
    return zip_of(tmp / name, {"oesm25nat/oesm25nat.zip": middle, "national_M2025_dl.xlsx": inner})


def many_members(tmp: Path, kind: str) -> Path:
    path = tmp / ("oesm25nat.zip" if kind == "oews" else "occupation.xlsx")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        for n in range(6_000):
            z.writestr(f"{n}", b"")
    return path


def huge_member(tmp: Path, kind: str) -> Path:
    """One part of 2 GiB of zeros (about 2 MiB on disk)."""
    if kind == "oews":
        return raw_zip(tmp / "oesm25nat.zip", [("national_M2025_dl.xlsx", zeros(2048))])
    return raw_zip(tmp / "occupation.xlsx", zero_book(2048))


def past_the_total(tmp: Path, kind: str) -> Path:
    """220 parts of 15 MiB of zeros (each under the size where the ratio counts): 3.2 GiB in all."""
    member = zeros(15)
    if kind == "oews":
        return raw_zip(tmp / "oesm25nat.zip", [(f"oesm25nat/{n}.xlsx", member) for n in range(220)])
    parts = zero_book(1)[:4] + [(f"xl/media/image{n}.bin", member) for n in range(220)]
    return raw_zip(tmp / "occupation.xlsx", parts)


def false_size(tmp: Path, kind: str) -> Path:
    """A sheet that claims 1,000 bytes but inflates to 256 MiB."""
    book = xlsx(
        tmp / "national_M2025_dl.xlsx",
        repeated(
            f'<worksheet xmlns="{MAIN}"><sheetData>'.encode(),
            b"<row/>",
            256 * 1024 * 1024 // 6,
            b"</sheetData></worksheet>",
        ),
        level=9,
    )
    lie_about_size(book, "xl/worksheets/sheet1.xml", 1000)
    if kind == "oews":
        outer = zip_of(tmp / "oesm25nat.zip", {"national_M2025_dl.xlsx": book.read_bytes()}, level=1)
        return lie_about_size(outer, "national_M2025_dl.xlsx", 1000)
    return book.rename(tmp / "occupation.xlsx")


def laughs_in_sheet(tmp: Path, kind: str) -> Path:
    rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    return xlsx(tmp / _name(kind), sheet(rows, prolog=BILLION_LAUGHS))


def laughs_in_strings(tmp: Path, kind: str) -> Path:
    shared = BILLION_LAUGHS + f'<sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>'
    return xlsx(tmp / _name(kind), sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), shared=shared)


def laughs_in_workbook(tmp: Path, kind: str) -> Path:
    workbook = BILLION_LAUGHS + WORKBOOK.replace('name="Table 1.2"', 'name="&lol9;"')
    return xlsx(tmp / _name(kind), sheet(HEADER), workbook=workbook)


def xxe(target: str, part: str) -> Callable[[Path, str], Path]:
    """An external entity naming ``target`` (TMP: the folder of the files), in the sheet
    or in the shared strings."""

    def make(tmp: Path, kind: str) -> Path:
        where = target.replace("TMP", str(tmp))
        prolog = f'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY xxe SYSTEM "file://{where}">]>'
        if part == "sheet":
            rows = HEADER + '<row r="2"><c r="A2" t="inlineStr"><is><t>&xxe;</t></is></c></row>'
            return xlsx(tmp / _name(kind), sheet(rows, prolog=prolog))
        shared = prolog + f'<sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>&xxe;</t></si></sst>'
        return xlsx(tmp / _name(kind), sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), shared=shared)

    return make


def canary(tmp: Path, kind: str) -> Path:
    """XXE at a FIFO: opening it would block, so a run that ends proves it was never read."""
    os.mkfifo(tmp / "canary")
    return xxe("TMP/canary", "strings")(tmp, kind)


def million_rows(tmp: Path, kind: str) -> Path:
    """2,000,000 empty rows (12 MB of XML: under the size where the ratio counts)."""
    return xlsx(
        tmp / _name(kind),
        repeated(
            f'<worksheet xmlns="{MAIN}"><sheetData>'.encode() + HEADER.encode(),
            b"<row/>",
            2_000_000,
            b"</sheetData></worksheet>",
        ),
    )


def million_tiny_cells(tmp: Path, kind: str) -> Path:
    """2,000,000 rows of one tiny cell each (52 MB of XML)."""
    return xlsx(
        tmp / _name(kind),
        repeated(
            f'<worksheet xmlns="{MAIN}"><sheetData>'.encode() + HEADER.encode(),
            b"<row><c><v>1</v></c></row>",
            2_000_000,
            b"</sheetData></worksheet>",
        ),
    )


def million_numbered_cells(tmp: Path, kind: str) -> Path:
    """1,100,000 rows of one tiny cell each, numbered so that they do not compress past the ratio."""

    def write(fh: io.BufferedIOBase) -> None:
        fh.write(f'<worksheet xmlns="{MAIN}"><sheetData>{HEADER}'.encode())
        for start in range(0, 1_100_000, 100_000):
            fh.write(
                "".join(
                    f"<row><c><v>{n % 9973}</v></c></row>" for n in range(start, start + 100_000)
                ).encode()
            )
        fh.write(b"</sheetData></worksheet>")

    return xlsx(tmp / _name(kind), write)


def wide_row(tmp: Path, kind: str) -> Path:
    """One row of 3,500,000 empty cells (14 MB of XML)."""
    return xlsx(
        tmp / _name(kind),
        repeated(
            f'<worksheet xmlns="{MAIN}"><sheetData>'.encode() + HEADER.encode() + b"<row>",
            b"<c/>",
            3_500_000,
            b"</row></sheetData></worksheet>",
        ),
    )


def big_cell(size: int, unit: bytes = b"A") -> Callable[[Path, str], Path]:
    def make(tmp: Path, kind: str) -> Path:
        head = f'<worksheet xmlns="{MAIN}"><sheetData>{HEADER}<row r="2"><c r="A2" t="inlineStr"><is><t>'
        return xlsx(
            tmp / _name(kind),
            repeated(head.encode(), unit, size // len(unit), b"</t></is></c></row></sheetData></worksheet>"),
        )

    return make


def big_shared_string(tmp: Path, kind: str) -> Path:
    """A shared string of 15 MB of '#' (under the ratio's size), used in a row the notes are searched in."""
    shared = (
        f'<sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>'.encode()
        + b"#" * (15 * 1024**2)
        + b"</t></si></sst>"
    )
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    return xlsx(tmp / _name(kind), sheet(rows), shared=shared)


def huge_count(tmp: Path, kind: str) -> Path:
    """Shared strings claiming a quadrillion strings (the count is never trusted): read as
    the one string there is, a sheet with no BLS columns."""
    count = "999999999999999"
    shared = f'<sst xmlns="{MAIN}" count="{count}" uniqueCount="{count}"><si><t>OCC_CODE</t></si></sst>'
    return xlsx(tmp / _name(kind), sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), shared=shared)


def missing_string(tmp: Path, kind: str) -> Path:
    shared = f'<sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>OCC_CODE</t></si></sst>'
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>999999999999</v></c></row>'
    return xlsx(tmp / _name(kind), sheet(rows), shared=shared)


def last_cell(tmp: Path, kind: str) -> Path:
    """Excel's last cell, XFD1048576, and a dimension that claims the whole grid: within
    Excel's limits, so read, and refused only for having no BLS rows."""
    rows = HEADER + '<row r="1048576" spans="1:16384"><c r="XFD1048576"><v>1</v></c></row>'
    return xlsx(tmp / _name(kind), sheet(rows, before='<dimension ref="A1:XFD1048576"/>'))


def absurd_refs(tmp: Path, kind: str) -> Path:
    rows = HEADER + '<row r="99999999999"><c r="ZZZ99999999999"><v>1</v></c></row>'
    return xlsx(tmp / _name(kind), sheet(rows, before='<dimension ref="A1:XFD1048576"/>'))


def absurd_letters(tmp: Path, kind: str) -> Path:
    rows = HEADER + '<row r="2"><c r="ZZZZZZZZZZZZ2"><v>1</v></c></row>'
    return xlsx(tmp / _name(kind), sheet(rows, before='<dimension ref="A1:ZZZZZZZZ99999999999999"/>'))


def deep_sheet(tmp: Path, kind: str) -> Path:
    deep = "<x>" * 100_000 + "</x>" * 100_000
    return xlsx(tmp / _name(kind), sheet(HEADER + f"<row r='2'><c r='A2'><v>{deep}</v></c></row>"))


def deep_workbook(tmp: Path, kind: str) -> Path:
    deep = "<x>" * 100_000 + "</x>" * 100_000
    return xlsx(tmp / _name(kind), sheet(HEADER), workbook=WORKBOOK.replace("</sheets>", f"</sheets>{deep}"))


def deep_sheet_properties(tmp: Path, kind: str) -> Path:
    deep = "<sheetPr>" * 100_000 + "</sheetPr>" * 100_000
    return xlsx(tmp / _name(kind), sheet(HEADER, before=deep))


def missing_sheet(tmp: Path, kind: str) -> Path:
    return xlsx(tmp / _name(kind), sheet(HEADER), rels=book_rels("worksheets/nothere.xml"))


def random_xls(tmp: Path, kind: str) -> Path:
    path = tmp / "national_M2009_dl.xls"
    path.write_bytes(OLE2 + os.urandom(64 * 1024))
    return path


def truncated_xls(tmp: Path, kind: str) -> Path:
    path = tmp / "national_M2009_dl.xls"
    path.write_bytes((OFFICIAL / "oews" / "national_M2009_dl.xls").read_bytes()[:150_000])
    return path


def huge_sectors_xls(tmp: Path, kind: str) -> Path:
    """An OLE2 header claiming 2**31 FAT sectors of 2**30 bytes."""
    head = bytearray(OLE2 + bytes(504))
    struct.pack_into("<HHH", head, 0x1A, 0x3E, 3, 0xFFFE)
    struct.pack_into("<HH", head, 0x1E, 30, 6)
    struct.pack_into("<III", head, 0x2C, 0x7FFFFFFF, 0, 0)
    struct.pack_into("<I", head, 0x38, 4096)
    path = tmp / "national_M2009_dl.xls"
    path.write_bytes(bytes(head) + os.urandom(4096))
    return path


def sparse_xls(tmp: Path, kind: str) -> Path:
    """An .xls of 80 MiB that takes almost nothing on disk."""
    path = tmp / "national_M2009_dl.xls"
    with path.open("wb") as fh:
        fh.write(OLE2)
        fh.truncate(80 * 1024**2)
    return path


def random_bytes(tmp: Path, kind: str) -> Path:
    path = tmp / ("national_M2009_dl.xls" if kind == "oews" else "occupation.xlsx")
    path.write_bytes(os.urandom(64 * 1024))
    return path


def fifo(tmp: Path, kind: str) -> Path:
    path = tmp / _name(kind)
    os.mkfifo(path)
    return path


def device(tmp: Path, kind: str) -> Path:
    path = tmp / _name(kind)
    path.symlink_to("/dev/zero")
    return path


def _name(kind: str) -> str:
    return "national_M2025_dl.xlsx" if kind == "oews" else "occupation.xlsx"


CASES: dict[str, tuple[Callable[[Path, str], Path], int]] = {
    "zip-in-zip": (nested_zip, 65),
    "6,000 members": (many_members, 65),
    "a 2 GiB member": (huge_member, 65),
    "3.2 GiB in 220 members": (past_the_total, 65),
    "a member that lies about its size": (false_size, 65),
    "billion laughs in a sheet": (laughs_in_sheet, 65),
    "billion laughs in the shared strings": (laughs_in_strings, 65),
    "billion laughs in the workbook": (laughs_in_workbook, 65),
    "XXE at /etc/passwd in a sheet": (xxe("/etc/passwd", "sheet"), 65),
    "XXE at /etc/passwd in the shared strings": (xxe("/etc/passwd", "strings"), 65),
    "XXE at a FIFO in the shared strings": (canary, 65),
    "2,000,000 empty rows": (million_rows, 65),
    "2,000,000 rows of tiny cells": (million_tiny_cells, 65),
    "1,100,000 rows of numbered tiny cells": (million_numbered_cells, 65),
    "a row of 3,500,000 cells": (wide_row, 65),
    "a 100 MB cell": (big_cell(100 * 1024**2), 65),
    "a 15 MB cell of '#'": (big_cell(15 * 1024**2, b"#"), 65),
    "a 15 MB shared string of '#'": (big_shared_string, 65),
    "a huge shared-string count": (huge_count, 65),
    "a cell naming shared string 999,999,999,999": (missing_string, 65),
    "XFD1048576 under a dimension of the whole grid": (last_cell, 65),
    "row 99,999,999,999": (absurd_refs, 65),
    "twelve column letters": (absurd_letters, 65),
    "100,000 levels in a sheet": (deep_sheet, 65),
    "100,000 levels of sheet properties": (deep_sheet_properties, 65),
    "100,000 levels in the workbook": (deep_workbook, 65),
    "a workbook naming a missing sheet": (missing_sheet, 65),
    "an .xls of random bytes": (random_xls, 65),
    "a truncated .xls": (truncated_xls, 65),
    "an .xls claiming 2**31 sectors": (huge_sectors_xls, 65),
    "a sparse 80 MiB .xls": (sparse_xls, 65),
    "random bytes": (random_bytes, 65),
    "a FIFO": (fifo, 2),
    "a link to /dev/zero": (device, 2),
}


def imports_folder() -> Path:
    return Path(os.environ["MRT_GUIDE_HOME"]) / "imports"


@pytest.mark.parametrize("kind", sorted(IMPORTERS))
@pytest.mark.parametrize("case", list(CASES))
def test_a_hostile_file_is_refused_in_one_line_within_bounds(tmp_path: Path, case: str, kind: str) -> None:
    make, status = CASES[case]
    files = tmp_path / "files"
    files.mkdir()
    path = make(files, kind)
    run = run_cli(tmp_path, "data", IMPORTERS[kind], str(path))
    assert run.code == status, (run.code, run.err)
    assert run.err.endswith("\n") and run.err.count("\n") == 1, run.err
    assert run.err.startswith("Error: ") and "Traceback" not in run.err
    assert run.out == ""
    assert "root:" not in run.err
    assert run.left == [], run.left
    assert not imports_folder().exists() or list(imports_folder().iterdir()) == []
    assert run.peak_kib < LIMIT // 1024


def real_zip(tmp: Path) -> Path:
    """BLS's national zip as it is downloaded: a folder holding the workbook."""
    book = (OFFICIAL / "oews" / "national_M2025_dl.xlsx").read_bytes()
    return zip_of(tmp / "oesm25nat.zip", {"oesm25nat/national_M2025_dl.xlsx": book})


@pytest.mark.parametrize(
    ("kind", "file", "says"),
    [
        ("oews", "oews/national_M2025_dl.xlsx", "Imported May 2025 national estimates"),
        ("oews", "oesm25nat.zip", "Imported May 2025 national estimates"),
        ("oews", "oews/national_M2009_dl.xls", "Imported May 2009 national estimates"),
        ("projections", "projections/occupation_2024-34.xlsx", "Imported the 2024-34 projections"),
    ],
)
def test_a_real_file_imports_under_the_same_limits(tmp_path: Path, kind: str, file: str, says: str) -> None:
    """The same limits leave BLS's own files alone: imported, one file saved, no temporary
    file left (the zip's workbook is taken out to one while it is read)."""
    path = real_zip(tmp_path) if file.endswith(".zip") else OFFICIAL / file
    run = run_cli(tmp_path, "data", IMPORTERS[kind], str(path))
    assert run.code == 0, run.err
    assert says in run.out and "Traceback" not in run.err
    assert run.left == []
    assert len(list(imports_folder().iterdir())) == 1


@pytest.mark.parametrize(
    "file",
    [
        "oews/national_M2025_dl.xlsx",
        "projections/occupation_2014-24.xlsx",
        "projections/occupation_2024-34.xlsx",
    ],
)
def test_the_bounded_reader_gives_what_openpyxl_gives(file: str) -> None:
    """mrt-guide reads .xlsx itself (streamed, bounded); on BLS's files it gives the values,
    sheets and row numbers openpyxl gives (rows without openpyxl's padding to full width)."""
    import openpyxl

    from mrt_guide.workbook import Clock, opened

    def trimmed(row: tuple[object, ...]) -> list[object]:
        cells = list(row)
        while cells and cells[-1] is None:
            cells.pop()
        return cells

    path = OFFICIAL / file
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        theirs = {s.title: [trimmed(r) for r in s.iter_rows(values_only=True)] for s in book.worksheets}
    finally:
        book.close()
    with opened(path, path.name) as sheets:
        ours = {s.title: [trimmed(r) for r in s.rows(Clock(path.name))] for s in sheets}
    assert list(ours) == list(theirs)
    assert ours == theirs
    assert sum(len(rows) for rows in ours.values()) > 1000


def test_the_reader_takes_prefixes_rich_text_and_gaps(tmp_path: Path) -> None:
    """What other writers do: prefixed names, rich and phonetic text, rows and cells left
    out, a cell past the columns kept; values typed as openpyxl types them."""
    from mrt_guide.workbook import Clock, opened

    rows = (
        '<x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:r><x:t>Medical </x:t></x:r><x:r><x:t>Records</x:t>'
        '</x:r><x:rPh><x:t>ignored</x:t></x:rPh></x:is></x:c><x:c r="D2"><x:v>1.5</x:v></x:c>'
        '<x:c r="E2" t="b"><x:v>1</x:v></x:c><x:c r="F2" t="e"><x:v>#N/A</x:v></x:c><x:c><x:v>7</x:v></x:c>'
        '<x:c r="XFD2"><x:v>9</x:v></x:c></x:row><x:row r="4"><x:c r="A4" t="s"><x:v>0</x:v></x:c></x:row>'
    )
    xml = f'<x:worksheet xmlns:x="{MAIN}"><x:sheetData>{rows}</x:sheetData></x:worksheet>'
    shared = f'<sst xmlns="{MAIN}"><si><r><t>29-</t></r><r><t>2072</t></r></si></sst>'
    path = xlsx(tmp_path / "book.xlsx", xml, shared=shared)
    with opened(path, path.name) as sheets:
        (only,) = sheets
        got = list(only.rows(Clock(path.name)))
    assert got == [(), (None, "Medical Records", None, 1.5, True, "#N/A", 7), (), ("29-2072",)]


def test_a_workbook_past_the_element_budget_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The elements of all parts together are counted: a file within every other bound
    (each row short, few rows) still stops at ``MAX_ELEMENTS``, which bounds the time."""
    from mrt_guide import workbook
    from mrt_guide.status import GuideError

    monkeypatch.setattr(workbook, "MAX_ELEMENTS", 100_000)
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(1, 40_000))
    path = xlsx(tmp_path / "book.xlsx", sheet(rows))
    with (
        pytest.raises(GuideError, match=r"holds over 100,000 XML elements") as caught,
        workbook.opened(path, path.name) as sheets,
    ):
        for one in sheets:
            for _ in one.rows(workbook.Clock(path.name)):
                pass
    assert caught.value.status == 65
    monkeypatch.setattr(workbook, "MAX_ELEMENTS", 200_000)
    with workbook.opened(path, path.name) as sheets:
        assert sum(1 for one in sheets for _ in one.rows(workbook.Clock(path.name))) == 39_999
