"""A small document model: what a command shows, before it is rendered.

Views build these blocks from a command's JSON records; ``mrt_guide.render`` turns
them into Rich output, Markdown, plain text or HTML. Nothing here imports Rich.

The blocks are plain classes with ``__slots__`` rather than dataclasses: this module is
imported on every drawn command, and generating eleven dataclasses costs about 5 ms
here, a twentieth of a command's start-up, for methods the views never call.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

Style = Literal[
    "strong", "muted", "match", "warn", "code", "official", "secondary", "article-only", "mark", "hint"
]
"""``hint``: a pointer to a command inside a line; dropped on paper and in a browser."""


class Span:
    """Text in one style; ``link`` makes it a hyperlink (a source's address)."""

    __slots__ = ("link", "style", "text")

    def __init__(self, text: str, style: Style | None = None, link: str | None = None) -> None:
        self.text = text
        self.style = style
        self.link = link


Inline = str | Span | Sequence[str | Span]


def spans(value: Inline) -> list[Span]:
    """Any inline content as a list of spans."""
    if isinstance(value, str):
        return [Span(value)]
    if isinstance(value, Span):
        return [value]
    return [Span(v) if isinstance(v, str) else v for v in value]


def on_paper(value: Inline) -> list[Span]:
    """The spans to print on paper or in a browser: without terminal hints, and without the
    line breaks that led up to them."""
    kept = [s for s in spans(value) if s.style != "hint"]
    while kept and not kept[-1].text.strip():
        kept.pop()
    return kept


def plain_text(value: Inline) -> str:
    return "".join(s.text for s in spans(value))


class Heading:
    __slots__ = ("level", "text")

    def __init__(self, text: str, level: int = 1) -> None:
        self.text = text
        self.level = level


class Para:
    __slots__ = ("content", "style")

    def __init__(self, content: Inline, style: Style | None = None) -> None:
        self.content = content
        self.style = style


class Bullets:
    """A list; ``marks`` replace the bullets (the dates of a timeline), and items may then
    hold line breaks."""

    __slots__ = ("items", "marks", "numbered", "title")

    def __init__(
        self,
        items: Sequence[Inline],
        title: str | None = None,
        numbered: bool = False,
        marks: list[str] | None = None,
    ) -> None:
        self.items = items
        self.title = title
        self.numbered = numbered
        self.marks = marks


class Column:
    __slots__ = ("header", "justify", "no_wrap")

    def __init__(
        self, header: str, justify: Literal["left", "right"] = "left", no_wrap: bool = False
    ) -> None:
        self.header = header
        self.justify = justify
        self.no_wrap = no_wrap


class Table:
    __slots__ = ("caption", "columns", "rows", "title")

    def __init__(
        self,
        columns: list[Column],
        rows: Sequence[Sequence[Inline]],
        title: str | None = None,
        caption: str | None = None,
    ) -> None:
        self.columns = columns
        self.rows = rows
        self.title = title
        self.caption = caption


class Bar:
    """One bar: ``text`` is the value as shown, e.g. ``$37,110``."""

    __slots__ = ("label", "note", "text", "value")

    def __init__(self, label: str, value: float, text: str, note: str = "") -> None:
        self.label = label
        self.value = value
        self.text = text
        self.note = note


class Bars:
    """A horizontal bar chart."""

    __slots__ = ("bars", "title")

    def __init__(self, title: str, bars: list[Bar]) -> None:
        self.title = title
        self.bars = bars


class Notes:
    """Footnotes: where a figure is secondary or article-only, or the article differs."""

    __slots__ = ("items",)

    def __init__(self, items: Sequence[Inline]) -> None:
        self.items = items


class Panel:
    __slots__ = ("body", "subtitle", "title")

    def __init__(self, title: Inline, body: Sequence[Block], subtitle: str | None = None) -> None:
        self.title = title
        self.body = body
        self.subtitle = subtitle


class Section:
    """A titled part of a longer document (the whole guide)."""

    __slots__ = ("body", "title")

    def __init__(self, title: str, body: Sequence[Block]) -> None:
        self.title = title
        self.body = body


class Hint:
    """A pointer to a command that tells more (``More: mrt-guide degrees``): shown in place in
    the terminal; on paper and in a browser gathered into one short box at the end."""

    __slots__ = ("content",)

    def __init__(self, content: Inline) -> None:
        self.content = content


class SourceList:
    """Every source a document cites: key, publisher, title, year, kind and address, the
    address never broken and a link where the output can carry one."""

    __slots__ = ("sources", "title")

    def __init__(self, sources: list[dict[str, str | int | None]], title: str | None = None) -> None:
        self.sources = sources
        self.title = title


Block = Heading | Para | Bullets | Table | Bars | Notes | Panel | Section | Hint | SourceList


class Document:
    __slots__ = ("blocks", "title")

    def __init__(self, title: str, blocks: list[Block] | None = None) -> None:
        self.title = title
        self.blocks: list[Block] = blocks if blocks is not None else []

    def add(self, *blocks: Block | None) -> Document:
        """Append blocks, leaving out None and notes with nothing to say."""
        self.blocks.extend(b for b in blocks if b is not None and not (isinstance(b, Notes) and not b.items))
        return self
