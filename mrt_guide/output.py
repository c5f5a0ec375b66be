"""The output options every data command shares, declared once, and where output goes.

``@output_options`` adds ``--json``, ``--plain``, ``--markdown``, ``--export`` and
``--no-color`` to a command and hands the command one ``Output`` value. ``show``
then prints the command's records in the chosen format. JSON needs no Rich;
Rich is imported only when a document is drawn in the terminal or exported.
"""

from __future__ import annotations

import enum
import functools
import inspect
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Annotated, Any

import typer

from .status import ExitStatus, GuideError
from .terminal import ascii_only
from .textsafe import neutral_line

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


def _option(*names: str, help: str, is_flag: bool) -> Any:
    # metavar="" keeps Typer from printing "<bool>" after a flag, which invites "--json true"
    metavar = "" if is_flag else "FILE"
    return typer.Option(*names, help=help, rich_help_panel=PANEL, show_default=False, metavar=metavar)


_PARAMS = [
    inspect.Parameter(
        name,
        inspect.Parameter.KEYWORD_ONLY,
        default=default,
        annotation=Annotated[kind, _option(*flags, help=help, is_flag=kind is bool)],
    )
    for name, kind, default, flags, help in [
        ("json_", bool, False, ("--json",), "Print the records as JSON (keys documented in the README)."),
        (
            "plain",
            bool,
            False,
            ("--plain",),
            "Print tab-separated records with a header line, for cut, awk or a spreadsheet.",
        ),
        ("markdown", bool, False, ("--markdown",), "Print Markdown (CommonMark with tables)."),
        (
            "export",
            str | None,
            None,
            ("--export",),
            "Write to FILE instead; its suffix picks the format: .html .svg .md .json .txt.",
        ),
        ("no_color", bool, False, ("--no-color",), "No color, even on a terminal (as NO_COLOR does)."),
    ]
]


def output_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add the shared output options to a Typer command; it receives them as ``out``."""
    signature = inspect.signature(func, eval_str=True)  # resolve "from __future__" string annotations
    params = [p for p in signature.parameters.values() if p.name != "out"]

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        flags = {
            Format.JSON: kwargs.pop("json_"),
            Format.PLAIN: kwargs.pop("plain"),
            Format.MARKDOWN: kwargs.pop("markdown"),
        }
        export, no_color = kwargs.pop("export"), kwargs.pop("no_color")
        chosen = [fmt for fmt, on in flags.items() if on]
        if len(chosen) > 1:
            raise GuideError(f"Choose one output format, not {' and '.join(f'--{f.value}' for f in chosen)}.")
        if export is not None and chosen:
            raise GuideError(f"--export picks the format from the file's suffix; drop --{chosen[0].value}.")
        fmt = chosen[0] if chosen else Format.RICH
        return func(*args, out=Output(fmt, _export_path(export), no_color), **kwargs)

    wrapper.__signature__ = signature.replace(parameters=[*params, *_PARAMS])  # type: ignore[attr-defined]
    return wrapper


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


def json_text(data: dict[str, Any], *, ascii: bool) -> str:
    """A command's records as a JSON document, with the contract's version first. JSON escapes
    C0 controls itself; any other character a terminal would obey is escaped too (``\\u202e``),
    which keeps the document's meaning and the reader's terminal safe."""
    from .textsafe import UNSAFE

    text = json.dumps({"schema_version": SCHEMA_VERSION, **data}, indent=2, ensure_ascii=ascii)
    if not ascii:
        import re

        text = re.sub(UNSAFE, lambda m: f"\\u{ord(m.group()):04x}", text)
    return text + "\n"


def _view(name: str) -> ModuleType:
    """The view module ``mrt_guide.views.<name>``, imported only when something is drawn."""
    import importlib

    return importlib.import_module(f"mrt_guide.views.{name}")


def render(fmt: Format, data: dict[str, Any], view: str, *, ascii: bool) -> str:
    """``data`` as text in ``fmt`` through view ``view``: the one place a format is chosen."""
    if fmt is Format.JSON:
        return json_text(data, ascii=ascii)
    from .render.safe import clean, clean_table
    from .views.doc import number_notes

    module = _view(view)
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


def about(data: dict[str, Any]) -> dict[str, str]:
    """What a page says under its title: the newest year its figures describe, the day it was
    made and by which version, so a printed copy dates itself."""
    import datetime as dt

    from . import __version__

    years = [y for y in _years(data) if isinstance(y, int)]
    out = {"Data as of": str(max(years))} if years else {}
    out["Printed"] = dt.date.today().isoformat()
    out["mrt-guide"] = __version__
    return out


def _years(obj: Any) -> list[Any]:
    """The ``year`` of every figure inside a command's records: the year it describes (a
    projection's base year, not the year it reaches)."""
    found: list[Any] = []
    stack = [obj]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if "unit" in node and "value" in node:
                found.append(node.get("year"))
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


def show(out: Output, data: dict[str, Any], view: str, *, pager: bool = False) -> None:
    """Print ``data`` (a command's JSON records) as ``out`` asks, through a view.

    ``view`` names a module of ``mrt_guide.views`` with ``build(data) -> Document``
    and ``records(data) -> Table``; it is imported only when needed, so ``--json``
    loads no view and no Rich.
    """
    if out.export is not None:
        write_export(out.export, data, view)
    elif out.format is Format.RICH:
        from .render import to_rich
        from .render.safe import clean
        from .views.doc import number_notes

        doc = clean(number_notes(_view(view).build(data)), ascii=ascii_only(sys.stdout))
        to_rich.show(doc, no_color=out.no_color, pager=pager)
    else:
        sys.stdout.write(render(out.format, data, view, ascii=ascii_only(sys.stdout)))


def write_export(path: Path, data: dict[str, Any], view: str) -> None:
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
