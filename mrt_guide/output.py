"""The output options every data command shares, declared once, and where output goes.

``@output_options`` adds ``--json``, ``--plain``, ``--markdown``, ``--export`` and
``--no-color`` to a command and hands the command one ``Output`` value. ``show``
then prints the command's records in the chosen format. JSON needs no Rich;
Rich is imported only when a document is drawn in the terminal or exported.
"""

from __future__ import annotations

import functools
import inspect
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer

from .status import GuideError
from .terminal import ascii_only

PANEL = "Output"
EXPORT_KINDS = {
    ".html": "html",
    ".htm": "html",
    ".svg": "svg",
    ".md": "markdown",
    ".json": "json",
    ".txt": "plain",
}


@dataclass
class Output:
    format: str = "rich"
    """One of ``rich``, ``json``, ``plain``, ``markdown``."""
    export: Path | None = None
    no_color: bool = False


def _option(*names: str, help: str, is_flag: bool) -> Any:
    # metavar="" keeps Typer from printing "<bool>" after a flag, which invites "--json true"
    extra = {"metavar": ""} if is_flag else {}
    return typer.Option(*names, help=help, rich_help_panel=PANEL, show_default=False, **extra)


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
        ("markdown", bool, False, ("--markdown",), "Print GitHub-flavoured Markdown."),
        (
            "export",
            Path | None,
            None,
            ("--export",),
            "Write to FILE instead; its suffix picks the format: .html .svg .md .json .txt.",
        ),
        ("no_color", bool, False, ("--no-color",), "No colour, even on a terminal (as NO_COLOR does)."),
    ]
]


def output_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add the shared output options to a Typer command; it receives them as ``out``."""
    signature = inspect.signature(func, eval_str=True)  # resolve "from __future__" string annotations
    params = [p for p in signature.parameters.values() if p.name != "out"]

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        flags = {
            name: kwargs.pop(key)
            for name, key in (("json", "json_"), ("plain", "plain"), ("markdown", "markdown"))
        }
        export, no_color = kwargs.pop("export"), kwargs.pop("no_color")
        chosen = [f"--{name}" for name, on in flags.items() if on]
        if len(chosen) > 1:
            raise GuideError(f"Choose one output format, not {' and '.join(chosen)}.")
        if export is not None and chosen:
            raise GuideError(f"--export picks the format from the file's suffix; drop {chosen[0]}.")
        fmt = chosen[0][2:] if chosen else "rich"
        return func(*args, out=Output(fmt, export, no_color), **kwargs)

    wrapper.__signature__ = signature.replace(parameters=[*params, *_PARAMS])  # type: ignore[attr-defined]
    return wrapper


def json_text(data: Any, *, ascii: bool) -> str:
    return json.dumps(data, indent=2, ensure_ascii=ascii) + "\n"


def _view(name: str) -> Any:
    """The view module ``mrt_guide.views.<name>``, imported only when something is drawn."""
    import importlib

    return importlib.import_module(f"mrt_guide.views.{name}")


def render(fmt: str, data: dict[str, Any], name: str) -> str:
    """``data`` as text in ``fmt`` (json, plain, markdown, html, svg) through view ``name``."""
    if fmt == "json":
        return json_text(data, ascii=ascii_only(sys.stdout))
    view = _view(name)
    if fmt == "plain":
        from .render import to_plain

        return to_plain.render(view.records(data))
    if fmt == "markdown":
        from .render import to_markdown

        return to_markdown.render(view.build(data))
    from .render import to_rich

    return to_rich.export(view.build(data), fmt)


def show(out: Output, data: dict[str, Any], view: str, *, pager: bool = False) -> None:
    """Print ``data`` (a command's JSON records) as ``out`` asks, through a view.

    ``view`` names a module of ``mrt_guide.views`` with ``build(data) -> Document``
    and ``records(data) -> Table``; it is imported only when needed, so ``--json``
    loads no view and no Rich.
    """
    if out.export is not None:
        write_export(out.export, data, view)
    elif out.format == "rich":
        from .render import to_rich

        to_rich.show(_view(view).build(data), no_color=out.no_color, pager=pager)
    else:
        sys.stdout.write(render(out.format, data, view))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_export(path: Path, data: dict[str, Any], view: str) -> None:
    """Write the export atomically: a temporary file in the same folder, then a rename."""
    if path.is_dir():
        raise GuideError(f"Cannot export to '{path}': it is a folder. Give a file name.")
    kind = EXPORT_KINDS.get(path.suffix.lower())
    if kind is None:
        known = " ".join(EXPORT_KINDS)
        raise GuideError(f"Cannot export to '{path}': unknown suffix '{path.suffix}'. Use one of {known}.")
    folder = path.parent
    if not folder.is_dir():
        raise GuideError(f"Cannot export to '{path}': folder '{folder}' does not exist.")
    text = render(kind, data, view) if kind != "json" else json_text(data, ascii=False)
    import tempfile

    tmp = None
    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=folder, prefix=f".{path.name}.", suffix=".tmp", delete=False
        ) as fh:
            tmp = fh.name
            fh.write(text)
        os.chmod(tmp, 0o666 & ~_umask())  # as a plain open() would create it
        os.replace(tmp, path)
    except OSError as exc:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise GuideError(f"Cannot export to '{path}': {exc.strerror or exc}.") from None
    size = len(text.encode("utf-8"))
    sys.stderr.write(f"Wrote {path} ({kind}, {size:,} bytes).\n")
