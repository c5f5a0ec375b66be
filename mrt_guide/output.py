"""The output options every records command shares, declared once, and where output goes.

``JsonOption``, ``PlainOption``, ``MarkdownOption``, ``ExportOption`` and ``NoColorOption``
are the ``--json``, ``--plain``, ``--markdown``, ``--export`` and ``--no-color`` options, as
``Annotated`` aliases each such command lists last in its signature; ``chosen`` makes them one
``Output`` value, and ``show`` prints the command's records in that format. JSON needs no
Rich; Rich is imported only when a document is drawn in the terminal or exported.
"""

from __future__ import annotations

import enum
import json
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Protocol

import typer

from .status import ExitStatus, GuideError
from .terminal import ascii_only
from .textsafe import neutral_line

if TYPE_CHECKING:
    from .views.doc import Document, Table

PANEL = "Output"
SCHEMA_VERSION = 1
"""Version of the JSON contract: every JSON document carries it as ``schema_version``."""


class Format(enum.Enum):
    RICH = "rich"
    JSON = "json"
    PLAIN = "plain"
    MARKDOWN = "markdown"
    HTML = "html"
    SVG = "svg"


EXPORT_KINDS = {
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".svg": Format.SVG,
    ".md": Format.MARKDOWN,
    ".json": Format.JSON,
    ".txt": Format.PLAIN,
}


class Output:
    """What the shared output options asked for."""

    __slots__ = ("export", "format", "no_color")

    def __init__(
        self, format: Format = Format.RICH, export: Path | None = None, no_color: bool = False
    ) -> None:
        self.format = format
        self.export = export
        self.no_color = no_color


def _option(name: str, help: str, *, is_flag: bool = True) -> Any:
    # metavar="" keeps Typer from printing "<bool>" after a flag, which invites "--json true"
    metavar = "" if is_flag else "FILE"
    return typer.Option(name, help=help, rich_help_panel=PANEL, show_default=False, metavar=metavar)


# The output options every records command lists in its signature, last, so that help,
# readers and type checkers see them; ``chosen`` turns them into one ``Output``.
JsonOption = Annotated[bool, _option("--json", "Print the records as JSON (keys documented in the README).")]
PlainOption = Annotated[
    bool, _option("--plain", "Print tab-separated records with a header line, for cut, awk or a spreadsheet.")
]
MarkdownOption = Annotated[bool, _option("--markdown", "Print Markdown (CommonMark with tables).")]
ExportOption = Annotated[
    str | None,
    _option(
        "--export",
        "Write to FILE instead; its suffix picks the format: .html .svg .md .json .txt.",
        is_flag=False,
    ),
]
NoColorOption = Annotated[bool, _option("--no-color", "No color, even on a terminal (as NO_COLOR does).")]


def chosen(json_: bool, plain: bool, markdown: bool, export: str | None, no_color: bool) -> Output:
    """The output the shared options ask for, refusing two formats at once."""
    flags = {Format.JSON: json_, Format.PLAIN: plain, Format.MARKDOWN: markdown}
    picked = [fmt for fmt, on in flags.items() if on]
    if len(picked) > 1:
        raise GuideError(f"Choose one output format, not {' and '.join(f'--{f.value}' for f in picked)}.")
    if export is not None and picked:
        raise GuideError(f"--export picks the format from the file's suffix; drop --{picked[0].value}.")
    return Output(picked[0] if picked else Format.RICH, _export_path(export), no_color)


def _export_path(given: str | None) -> Path | None:
    """The --export file, refusing what names no file (an empty name, a trailing slash)."""
    if given is None:
        return None
    if not given.strip():
        raise GuideError("--export needs a file name, e.g. --export guide.html.")
    if given.endswith(("/", os.sep)):
        raise GuideError(
            f"Cannot export to '{neutral_line(given, 80)}': it names a folder. Give a file name."
        )
    return Path(given)


def json_text(data: Mapping[str, Any], *, ascii: bool) -> str:
    """A command's records as a JSON document, with the contract's version first. JSON escapes
    C0 controls itself; any other character a terminal would obey is escaped too (``\\u202e``),
    which keeps the document's meaning and the reader's terminal safe."""
    from .textsafe import UNSAFE

    text = json.dumps({"schema_version": SCHEMA_VERSION, **data}, indent=2, ensure_ascii=ascii)
    if not ascii:
        import re

        text = re.sub(UNSAFE, lambda m: f"\\u{ord(m.group()):04x}", text)
    return text + "\n"


class View(Protocol):
    """A view: a module of ``mrt_guide.views`` with ``build`` (the records as a document)
    and ``records`` (the plain-text table). A command hands ``show`` a function that imports
    its view, so ``--json`` loads no view and no Rich."""

    def build(self, data: Any) -> Document: ...

    def records(self, data: Any) -> Table: ...


ViewLoader = Callable[[], View]


def render(fmt: Format, data: Mapping[str, Any], view: ViewLoader, *, ascii: bool) -> str:
    """``data`` as text in ``fmt`` through view ``view``: the one place a format is chosen."""
    if fmt is Format.JSON:
        return json_text(data, ascii=ascii)
    from .render.safe import clean, clean_table
    from .views.doc import number_notes

    module = view()
    if fmt is Format.PLAIN:
        from .render import to_plain

        return to_plain.render(clean_table(module.records(data), ascii=ascii))
    doc = clean(number_notes(module.build(data)), ascii=ascii)
    if fmt is Format.MARKDOWN:
        from .render import to_markdown

        return to_markdown.render(doc, about(data))
    if fmt is Format.HTML:
        from .render import to_html

        return to_html.render(doc, about(data))
    from .render import to_rich

    return to_rich.export(doc, fmt.value)


def about(data: Mapping[str, Any]) -> dict[str, str]:
    """What a page says under its title: how new its data is, the day it was made and by which
    version, so a printed copy dates itself. "Data as of" means one thing on every page: the
    newest statistic shown (a pay, employment or projection figure), as its May survey year
    or its projection edition; a page with none (a CE report) does not say it."""
    import datetime as dt

    from . import __version__

    newest = as_of(data)
    out = {"Data as of": newest} if newest else {}
    out["Printed"] = dt.date.today().isoformat()
    out["mrt-guide"] = __version__
    return out


SURVEYED = {"median", "mean", "p10", "p25", "p75", "p90", "employment"}


def as_of(data: Mapping[str, Any]) -> str | None:
    """``May 2025 (newest figure)`` or ``2024-34 projections (newest figure)``: the newest
    statistic in ``data``; a survey's May year wins over a projection edition of the same year."""
    best: tuple[int, int] | None = None
    text = None
    for fig in _figures(data):
        measure, year = fig.get("measure"), fig.get("year")
        if not isinstance(year, int) or not measure:
            continue
        key = (year, 1 if measure in SURVEYED else 0)
        if best is None or key > best:
            best = key
            end = fig.get("year_end")
            if end and measure not in SURVEYED:
                text = f"{year}-{end % 100:02d} projections (the newest figure shown)"
            else:
                text = f"May {year} (the newest figure shown)"
    return text


def _figures(obj: Any) -> list[dict[str, Any]]:
    """Every figure inside a command's records."""
    found: list[dict[str, Any]] = []
    stack = [obj]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if "unit" in node and "value" in node:
                found.append(node)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


def show(out: Output, data: Mapping[str, Any], view: ViewLoader, *, pager: bool = False) -> None:
    """Print ``data`` (a command's JSON records) as ``out`` asks, through the view ``view``
    imports (only when something is drawn)."""
    if out.export is not None:
        write_export(out.export, data, view)
    elif out.format is Format.RICH:
        from .render import to_rich
        from .render.safe import clean
        from .views.doc import number_notes

        doc = clean(number_notes(view().build(data)), ascii=ascii_only(sys.stdout))
        to_rich.show(doc, no_color=out.no_color, pager=pager)
    else:
        sys.stdout.write(render(out.format, data, view, ascii=ascii_only(sys.stdout)))


def write_export(path: Path, data: Mapping[str, Any], view: ViewLoader) -> None:
    """Write the export whole or not at all (``files.write``)."""
    shown = neutral_line(str(path), 4096)  # whole: the reader needs to find the file (PATH_MAX)
    folder = path.parent
    try:
        if path.is_dir():
            raise GuideError(f"Cannot export to '{shown}': it is a folder. Give a file name.")
        if not folder.is_dir():
            what = "is not a folder" if folder.exists() else "does not exist"
            raise GuideError(f"Cannot export to '{shown}': '{neutral_line(str(folder), 60)}' {what}.")
    except OSError as exc:
        raise GuideError(f"Cannot export to '{shown}': {exc.strerror or exc}.") from None
    kind = EXPORT_KINDS.get(path.suffix.lower())
    if kind is None:
        known = " ".join(EXPORT_KINDS)
        suffix = neutral_line(path.suffix, 20)
        raise GuideError(f"Cannot export to '{shown}': unknown suffix '{suffix}'. Use one of {known}.")
    text = render(kind, data, view, ascii=False)
    from . import files

    try:
        files.write(path, text.encode("utf-8"))
    except files.Refused as exc:
        raise GuideError(f"Cannot export to '{shown}': {exc.reason}.") from None
    except OSError as exc:
        raise GuideError(f"Cannot export to '{shown}': {exc.strerror or exc}.", ExitStatus.IO) from None
    size = len(text.encode("utf-8"))
    sys.stderr.write(f"Wrote {shown} ({kind.value}, {size:,} bytes).\n")
