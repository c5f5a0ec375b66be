"""Help for a narrow terminal: nothing cut, nothing wider than the terminal.

Typer's Rich help lays options out in a boxed table that cuts option names below about
60 columns ("--edu…"); Click's plain help keeps a fixed first column and runs past the
edge. Below ``NARROW`` columns the help is laid out here instead, one thing under the
other: each option's names on a line of their own, its description indented beneath,
examples kept one per line. Stdlib only.
"""

from __future__ import annotations

import re
import shutil
import textwrap
from typing import Any

NARROW = 100
"""Below this many columns, help is stacked rather than tabulated."""
_MARKUP = re.compile(r"\[/?[a-z ]+\]")


def width() -> int:
    return max(20, min(shutil.get_terminal_size((80, 24)).columns, 1000))


def is_narrow() -> bool:
    return width() < NARROW


def _wrap(text: str, indent: str, columns: int, hang: str = "  ") -> list[str]:
    """``text`` wrapped to ``columns``, every line indented by ``indent`` (later lines by
    ``hang`` more); a word longer than the room is kept whole on its own line, not cut."""
    return textwrap.wrap(
        text,
        max(columns, len(indent) + 8),
        initial_indent=indent,
        subsequent_indent=indent + hang,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [indent.rstrip()]


def _body(help_text: str, columns: int) -> list[str]:
    """The command's own text: paragraphs rewrapped; indented lines (examples, lists) kept one
    per line, a line's columns (parts apart by two spaces or more) one under the other."""
    out: list[str] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            out.extend(_wrap(" ".join(paragraph), "  ", columns, hang=""))
            paragraph.clear()

    for raw in textwrap.dedent(_MARKUP.sub("", help_text)).strip("\n").splitlines():
        if not raw.strip():
            flush()
            out.append("")
        elif raw[0] != " ":
            paragraph.append(raw.strip())
        else:
            flush()
            depth = min(len(raw) - len(raw.lstrip()), 8)  # a column of the wide layout: not kept
            indent = "  " + " " * (2 if depth <= 4 else 6)
            first, *rest = re.split(r"\s{2,}", raw.strip())
            out += _wrap(first, indent, columns)
            for part in rest:
                out += _wrap(part, indent + "    ", columns)
    flush()
    return out


def render(ctx: Any, command: Any) -> str:
    """The whole help of ``command`` (a Click command or group) for context ``ctx``."""
    columns = width()
    usage = " ".join(["Usage:", ctx.command_path, *command.collect_usage_pieces(ctx)])
    lines = [*_wrap(usage, "", columns), ""]
    if command.help:
        lines += [*_body(command.help, columns), ""]
    arguments = [p for p in command.get_params(ctx) if p.param_type_name == "argument"]
    options = [p for p in command.get_params(ctx) if p.param_type_name == "option" and not p.hidden]
    for title, params in (("Arguments:", arguments), ("Options:", options)):
        records = [record for p in params if (record := p.get_help_record(ctx))]
        if not records:
            continue
        lines.append(title)
        for names, text in records:
            lines += _wrap(names, "  ", columns)
            if text:
                lines += _wrap(_MARKUP.sub("", text), "      ", columns, hang="")
        lines.append("")
    names = getattr(command, "list_commands", lambda ctx: [])(ctx)
    if names:
        lines.append("Commands:")
        for name in names:
            sub = command.get_command(ctx, name)
            if sub is None or sub.hidden:
                continue
            lines.append(f"  {name}")
            lines += _wrap(_MARKUP.sub("", sub.get_short_help_str(limit=300)), "      ", columns, hang="")
        lines.append("")
    return "\n".join(line.rstrip() for line in lines).rstrip() + "\n"
