"""Documents as Rich renderables. The only module that imports Rich for output.

Consoles are made per call, so ``COLUMNS``, ``NO_COLOR``, ``FORCE_COLOR`` and
``TERM=dumb`` are read when the command runs (Rich reads them itself).
"""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.rule import Rule
from rich.segment import Segment
from rich.text import Text

if TYPE_CHECKING:
    from rich.measure import Measurement

from ..views.doc import (
    Bars,
    Block,
    Bullets,
    Document,
    Heading,
    Hint,
    Inline,
    Notes,
    Panel,
    Para,
    Section,
    SourceList,
    Span,
    Table,
    described,
    note_mark,
    plain_text,
    spans,
)

STYLES = {
    "strong": "bold",
    "muted": "dim",
    "match": "bold reverse",
    "warn": "yellow",
    "code": "cyan",
    "official": "green",
    "secondary": "yellow",
    "article-only": "magenta",
    "mark": "bold yellow",
    "hint": "cyan",
}
EXPORT_WIDTH = 100


def console(file: IO[str] | None = None, *, no_color: bool = False, **kwargs: Any) -> Console:
    """A console for one command run, on stdout unless ``file`` is given."""
    return Console(
        file=file if file is not None else sys.stdout,
        no_color=no_color or None,
        markup=False,
        emoji=False,
        highlight=False,
        **kwargs,
    )


def text(value: Inline, style: str | None = None) -> Text:
    out = Text(style=STYLES.get(style or "", "") if style else "")
    for span in spans(value):
        look = STYLES.get(span.style or "", "")
        if span.link:
            look = f"{look} link {span.link}".strip()  # a hyperlink where the terminal has them
        out.append(span.text, look or None)
    return out


_WORD = re.compile(r"\S+ *")


def wrap(line: Text, con: Console, width: int) -> list[Text]:
    """``line`` wrapped to ``width`` as Rich's ``Text.wrap`` wraps it (greedy, at spaces),
    without its per-line machinery: most of what the guide prints
    is prose of one-cell characters, and this is several times faster there. Anything else
    (a line break, a wide character, a word longer than the width) goes to Rich."""
    plain = line.plain
    if "\n" in plain or not (plain.isascii() or cell_len(plain) == len(plain)):
        return list(line.wrap(con, width))
    if len(plain) <= width:
        return [line]
    offsets: list[int] = []
    start = 0
    for word in _WORD.finditer(plain):
        end = word.start() + len(word.group().rstrip(" "))
        if end - start > width:
            if end - word.start() > width:
                return list(line.wrap(con, width))  # a word longer than the line: Rich folds it
            offsets.append(word.start())
            start = word.start()
    lines = list(line.divide(offsets))
    for part in lines:
        part.rstrip_end(width)  # as Rich does: spaces past the width go, the rest stay
    return lines


def _sources(block: SourceList, con: Console, width: int) -> RenderableType:
    """Each source in a few lines; its address on a line of its own, never broken (a
    terminal wraps it for the eye, and copying or clicking gets it whole)."""
    parts: list[RenderableType] = [Text(block.title or "Sources", style="bold")]
    for src in block.sources:
        line = Text(str(src["key"]), style="cyan")
        line.append(" " + described(src))
        parts.append(Lines(wrap(line, con, width)))
        if src.get("url"):
            url = str(src["url"])
            parts.append(Text("  " + url, style=f"dim link {url}", no_wrap=True, overflow="ignore"))
    return Group(*parts)


def _widths(block: Table) -> tuple[list[int], list[int]]:
    """Each column's narrowest width (its longest word, or whole cells where wrapping is
    off) and widest (its longest cell), in terminal cells (a wide character takes two), as
    Rich's own measurement would find them."""
    narrow, wide = [], []
    for i, col in enumerate(block.columns):
        cells = [plain_text(row[i]) for row in block.rows]
        words = cells if col.no_wrap else [w for c in cells for w in c.split()]
        narrow.append(max((cell_len(w) for w in [*words, *col.header.split()]), default=1))
        wide.append(max((cell_len(c) for c in [*cells, col.header]), default=1))
    return narrow, wide


def _fit(narrow: list[int], wide: list[int], room: int) -> list[int]:
    """Column widths within ``room``: each as wide as its longest cell, then the widest
    column that can still shrink gives up a cell at a time, never below its longest word.

    Rich would measure every cell to find the same, and may squeeze a column below its
    longest word (folding 'Rehabilitation' in two); here no word or figure is cut.
    """
    widths = list(wide)
    while sum(widths) > room:
        shrinkable = [(w, i) for i, (w, n) in enumerate(zip(widths, narrow, strict=True)) if w > n]
        if not shrinkable:
            break
        widths[max(shrinkable)[1]] -= 1
    return widths


def _table(block: Table, con: Console, width: int) -> RenderableType:
    narrow, wide = _widths(block)
    border = 3 * (len(block.columns) - 1) if block.compact else 3 * len(block.columns) + 1
    if sum(narrow) + border > width:
        return _stacked(block, con, width)
    from rich.table import Table as RichTable  # only where a document has a table

    table = RichTable(
        title=block.title,
        caption=block.caption,
        title_justify="left",
        caption_justify="left",
        box=box.SIMPLE_HEAD if block.compact else box.HEAVY_HEAD,
        show_edge=not block.compact,
        pad_edge=not block.compact,
    )
    for col, column_width in zip(block.columns, _fit(narrow, wide, width - border), strict=True):
        table.add_column(
            col.header, justify=col.justify, no_wrap=col.no_wrap, overflow="fold", width=column_width
        )
    for row in block.rows:
        table.add_row(*(text(cell) for cell in row))
    return table


def _stacked(block: Table, con: Console, width: int) -> RenderableType:
    """A table too wide for the terminal, as one small block per row."""
    parts: list[RenderableType] = []
    if block.title:
        parts.append(Text(block.title, style="bold"))
    for row in block.rows:
        head, *rest = row
        parts.append(text(head, "strong"))
        fields: list[Inline] = [
            [Span(f"{col.header}: ", "muted"), *spans(cell)]
            for col, cell in zip(block.columns[1:], rest, strict=True)
        ]
        parts.append(_marked([" "] * len(fields), fields, con, width))
    if block.caption:
        parts.append(Text(block.caption, style="dim"))
    return Group(*parts)


def _bars(block: Bars, width: int) -> RenderableType:
    parts: list[RenderableType] = [Text(block.title, style="bold")]
    label_w = block.widest_label()
    text_w = block.widest_text()
    top = block.top()
    room = width - label_w - text_w - 3
    stacked = room < 10
    if stacked:  # notes go above the bar, with the label; charts drawn together keep one room
        text_w = block.widest_value()
        room = max(width - text_w - 3, 4)
    for bar in block.bars:
        cells = max(1, round(room * bar.value / top))
        drawn = Text("█" * cells, style="cyan")
        if stacked:
            parts.append(Text(bar.label + (f" {bar.note}" if bar.note else "")))
            line = Text("  ")
        else:
            line = Text(bar.label.ljust(label_w) + " ")
        line.append_text(drawn)
        line.append(" " + bar.text)
        if bar.note and not stacked:
            line.append(" " + bar.note, style="dim")
        parts.append(line)
    return Group(*parts)


class Lines:
    """Lines already wrapped to the width they are drawn at, drawn as they are.

    A Text of many lines would be split, wrapped and justified once more on output;
    lists are most of what the guide prints, so they skip that second pass.
    """

    def __init__(self, lines: list[Text]) -> None:
        self.lines = lines

    def __rich_console__(self, console: Console, options: Any) -> Any:
        if console.color_system is None:  # no color, no links: the words are all there is
            for line in self.lines:
                yield Segment(line.plain)
                yield Segment.line()
            return
        for line in self.lines:
            yield from line.render(console)
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: Any) -> Measurement:
        from rich.measure import Measurement

        widest = max((line.cell_len for line in self.lines), default=0)
        return Measurement(widest, widest)


def _marked(
    marks: Sequence[str],
    items: Sequence[Inline],
    con: Console,
    width: int,
    style: str = "",
    spaced: bool = False,
) -> Lines:
    """A list whose wrapped lines hang under the text, not under the marker.

    Wraps each item once with Text.wrap; a two-column grid would do the same at
    several times the cost.
    """
    lines: list[Text] = []
    pad = max(len(m) for m in marks) + 1 if marks else 2  # a marker "" indents by one space
    above = width - pad < 24  # long markers on a narrow terminal: each on a line of its own
    if above:
        pad = 2
    for n, (mark, item) in enumerate(zip(marks, items, strict=True)):
        if n and spaced:
            lines.append(Text(""))
        if above:
            lines.append(Text(mark, style="bold"))
        wrapped = wrap(text(item), con, max(width - pad, 8))
        for i, line in enumerate(wrapped):
            lines.append(Text(mark.ljust(pad) if i == 0 and not above else " " * pad) + line)
    if style:
        for line in lines:
            line.stylize(style)
    return Lines(lines)


def renderable(block: Block, con: Console, width: int) -> RenderableType:
    if isinstance(block, Heading):
        heading = Text(block.text, style="bold underline" if block.level == 1 else "bold")
        return Lines(wrap(heading, con, width))
    if isinstance(block, Para):
        return Lines(wrap(text(block.content, block.style), con, width))
    if isinstance(block, Bullets):
        marks = block.marks or [f"{i + 1}." if block.numbered else "•" for i in range(len(block.items))]
        head = [Text(block.title, style="bold")] if block.title else []
        return Group(*head, _marked(marks, block.items, con, width, spaced=block.marks is not None))
    if isinstance(block, Table):
        return _table(block, con, width)
    if isinstance(block, Bars):
        return _bars(block, width)
    if isinstance(block, Notes):
        marked = [note_mark(item) for item in block.items]
        return Group(
            Text("Notes", style="dim bold"),
            _marked([m for m, _ in marked], [i for _, i in marked], con, width, "dim"),
        )
    if isinstance(block, Panel):
        inner = width - 4
        body = _spaced([renderable(b, con, inner) for b in block.body])
        title: Text | None = text(block.title, "strong")
        # Text, not a string: Rich reads a string as markup, and a citation "[ahima-rhit]" as a tag
        subtitle = Text(block.subtitle, style="dim") if block.subtitle else None
        if title is not None and title.cell_len > width - 6:  # a cut border title: put it inside
            body = [*title.wrap(con, inner), Text(""), *body]
            title = None
        if subtitle is not None and subtitle.cell_len > width - 6:
            body += [Text(""), subtitle]
            subtitle = None
        from rich.panel import Panel as RichPanel

        return RichPanel(
            Group(*body), title=title, title_align="left", subtitle=subtitle, subtitle_align="right"
        )
    if isinstance(block, Section):
        return Group(
            Rule(Text(block.title, style="bold"), align="left"),
            *_spaced([renderable(b, con, width) for b in block.body]),
        )
    if isinstance(block, Hint):
        return Lines(wrap(text(block.content, "muted"), con, width))
    if isinstance(block, SourceList):
        return _sources(block, con, width)
    raise TypeError(f"cannot render {type(block).__name__}")


def _spaced(items: list[RenderableType]) -> list[RenderableType]:
    """Blank lines between blocks."""
    out: list[RenderableType] = []
    for i, item in enumerate(items):
        if i:
            out.append(Text(""))
        out.append(item)
    return out


def document(doc: Document, con: Console) -> RenderableType:
    blocks = [renderable(b, con, con.width) for b in doc.blocks]
    return Group(Text(doc.title, style="bold"), Text(""), *_spaced(blocks))


class Pager:
    """``$MANPAGER``, ``$PAGER`` or ``less``, as pydoc would pick it; but a pager that cannot
    start or fails (``PAGER=false``, a missing program) means the text is printed instead of
    lost. Rich calls ``show`` with the rendered text."""

    def show(self, content: str) -> None:
        import shlex
        import subprocess

        command = os.environ.get("MANPAGER") or os.environ.get("PAGER") or "less"
        env = {**os.environ, "LESS": os.environ.get("LESS", "FRX")}  # like git: quit if one screen
        try:
            proc = subprocess.Popen(shlex.split(command), stdin=subprocess.PIPE, env=env)
        except (OSError, ValueError):
            sys.stdout.write(content)
            return
        assert proc.stdin is not None
        try:
            proc.stdin.write(content.encode(getattr(sys.stdout, "encoding", None) or "utf-8", "replace"))
            proc.stdin.close()
        except OSError:
            pass  # the reader quit the pager early
        if proc.wait() != 0:
            sys.stdout.write(content)


def reader_at_terminal() -> bool:
    """A person reads stdout on a terminal that can page: FORCE_COLOR asks for color, not
    for a pager, so this asks the stream itself."""
    try:
        return sys.stdout.isatty() and os.environ.get("TERM") not in ("dumb", "emacs")
    except (AttributeError, ValueError):
        return False


_CODE = r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\"
_LAST_CODE = re.compile(rf"(?:{_CODE})$")


def _tidy_line(line: str) -> str:
    """``line`` without its trailing spaces, also those between the color and hyperlink codes
    that close it (the codes kept, in order)."""
    if "\x1b" not in line:
        return line.rstrip(" \t")
    closing: list[str] = []
    while True:
        line = line.rstrip(" \t")
        code = _LAST_CODE.search(line)
        if code is None:
            return line + "".join(reversed(closing))
        closing.append(code.group())
        line = line[: code.start()]


def tidy(drawn: str) -> str:
    """``drawn`` without the spaces Rich leaves at the end of lines (padding, a wrapped
    word's space, also between color codes), keeping the codes that close a line. Line by line:
    one pattern over the whole text tried every run of spaces (4 ms for a status page)."""
    return "\n".join(map(_tidy_line, drawn.split("\n")))


def show(doc: Document, *, no_color: bool = False, pager: bool = False) -> None:
    """Print ``doc`` on stdout; through the pager when asked and stdout is a terminal."""
    con = console(no_color=no_color)
    with con.capture() as captured:
        con.print(document(doc, con), crop=False)
    drawn = tidy(captured.get())
    if pager and reader_at_terminal():
        Pager().show(drawn)
    else:
        sys.stdout.write(drawn)


SVG_FORMAT = """\
<svg class="rich-terminal" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">
    <style>
    .{unique_id}-matrix {{
        font-family: ui-monospace, Menlo, "DejaVu Sans Mono", Consolas, "Courier New", monospace;
        font-size: {char_height}px;
        line-height: {line_height}px;
        font-variant-east-asian: full-width;
    }}
    .{unique_id}-title {{ font-size: 18px; font-weight: bold; font-family: system-ui, Arial, sans-serif; }}
    {styles}
    </style>
    <defs>
    <clipPath id="{unique_id}-clip-terminal">
      <rect x="0" y="0" width="{terminal_width}" height="{terminal_height}" />
    </clipPath>
    {lines}
    </defs>
    <rect fill="#ffffff" x="0" y="0" width="{width}" height="{height}" />
    <g transform="translate({terminal_x}, {terminal_y})" clip-path="url(#{unique_id}-clip-terminal)">
    {backgrounds}
    <g class="{unique_id}-matrix">
    {matrix}
    </g>
    </g>
</svg>
"""
"""Rich's SVG template without the window frame and without fonts fetched from the network:
an image for a slide or a page on white, drawn with the reader's own monospace font."""


def export(doc: Document, kind: str) -> str:
    """``doc`` as an SVG image of the terminal output, light, through Rich's recording console."""
    from rich.terminal_theme import DEFAULT_TERMINAL_THEME

    con = Console(
        file=io.StringIO(),
        record=True,
        width=EXPORT_WIDTH,
        force_terminal=True,
        color_system="truecolor",
        markup=False,
        emoji=False,
        highlight=False,
    )
    con.print(document(doc, con))
    return con.export_svg(title=doc.title, theme=DEFAULT_TERMINAL_THEME, code_format=SVG_FORMAT)
