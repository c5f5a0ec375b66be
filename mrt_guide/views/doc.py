"""A small document model: what a command shows, before it is rendered.

Views build these blocks from a command's JSON records; ``mrt_guide.render``
turns them into Rich output, Markdown or plain text. Nothing here imports Rich.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import Literal

# Only __init__ is generated: these classes are made on every rendered run, and
# dataclass() spends most of its time generating methods the views never call.
block = partial(dataclass, repr=False, eq=False, match_args=False)

Style = Literal["strong", "muted", "match", "warn", "code", "official", "secondary", "article-only"]


@block
class Span:
    text: str
    style: Style | None = None


Inline = str | Span | list["str | Span"]


def spans(value: Inline) -> list[Span]:
    """Any inline content as a list of spans."""
    if isinstance(value, str):
        return [Span(value)]
    if isinstance(value, Span):
        return [value]
    return [Span(v) if isinstance(v, str) else v for v in value]


def plain_text(value: Inline) -> str:
    return "".join(s.text for s in spans(value))


@block
class Heading:
    text: str
    level: int = 1


@block
class Para:
    content: Inline
    style: Style | None = None


@block
class Bullets:
    items: list[Inline]
    title: str | None = None
    numbered: bool = False
    marks: list[str] | None = None
    """Markers in place of bullets, e.g. the dates of a timeline; items may hold line breaks."""


@block
class Column:
    header: str
    justify: Literal["left", "right"] = "left"
    no_wrap: bool = False


@block
class Table:
    columns: list[Column]
    rows: list[list[Inline]]
    title: str | None = None
    caption: str | None = None


@block
class Bar:
    label: str
    value: float
    text: str
    """The value as shown, e.g. ``$37,110``."""
    note: str = ""


@block
class Bars:
    """A horizontal bar chart."""

    title: str
    bars: list[Bar]


@block
class Notes:
    """Footnotes: where a figure is secondary or article-only, or the article differs."""

    items: list[Inline]


@block
class Panel:
    title: Inline
    body: list[Block]
    subtitle: str | None = None


@block
class Section:
    """A titled part of a longer document (the whole guide)."""

    title: str
    body: list[Block]


Block = Heading | Para | Bullets | Table | Bars | Notes | Panel | Section


@block
class Document:
    title: str
    blocks: list[Block] = field(default_factory=list)

    def add(self, *blocks: Block | None) -> Document:
        """Append blocks, leaving out None and notes with nothing to say."""
        self.blocks.extend(b for b in blocks if b is not None and not (isinstance(b, Notes) and not b.items))
        return self
