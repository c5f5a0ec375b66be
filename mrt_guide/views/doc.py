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
    """Text in one style; ``link`` makes it a hyperlink (a source's address). A note marker
    has ``note``, the key of its note, and ``gloss``, what the note says (``number_notes``
    numbers the markers and lists their notes)."""

    __slots__ = ("gloss", "link", "note", "style", "text")

    def __init__(
        self,
        text: str,
        style: Style | None = None,
        link: str | None = None,
        note: str | None = None,
        gloss: Inline | None = None,
    ) -> None:
        self.text = text
        self.style = style
        self.link = link
        self.note = note
        self.gloss = gloss


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
    """Rows of cells. ``compact``: in the terminal, no outer border and no rules between the
    columns, only a rule under the header (a side-by-side table that must fit one screen)."""

    __slots__ = ("caption", "columns", "compact", "rows", "title")

    def __init__(
        self,
        columns: list[Column],
        rows: Sequence[Sequence[Inline]],
        title: str | None = None,
        caption: str | None = None,
        compact: bool = False,
    ) -> None:
        self.columns = columns
        self.rows = rows
        self.title = title
        self.caption = caption
        self.compact = compact


class Bar:
    """One bar: ``text`` is the value as shown, e.g. ``$37,110``."""

    __slots__ = ("label", "note", "text", "value")

    def __init__(self, label: str, value: float, text: str, note: str = "") -> None:
        self.label = label
        self.value = value
        self.text = text
        self.note = note


class Bars:
    """A horizontal bar chart. ``scale`` (the value a full bar stands for) and ``label_width``
    are shared by charts that sit together (``together``), so a smaller number never gets a
    longer bar and labels line up; left None, a chart takes its own."""

    __slots__ = ("bars", "label_width", "scale", "text_width", "title", "value_width")

    def __init__(
        self,
        title: str,
        bars: list[Bar],
        scale: float | None = None,
        label_width: int | None = None,
        text_width: int | None = None,
    ) -> None:
        self.title = title
        self.bars = bars
        self.scale = scale
        self.label_width = label_width
        self.text_width = text_width
        self.value_width: int | None = None

    def top(self) -> float:
        return self.scale or max((b.value for b in self.bars), default=1) or 1

    def widest_label(self) -> int:
        return self.label_width or max((len(b.label) for b in self.bars), default=0)

    def widest_text(self) -> int:
        """The widest value and note after a bar (what a bar's room is measured without)."""
        return self.text_width or max(
            (len(b.text) + (len(b.note) + 1 if b.note else 0) for b in self.bars), default=0
        )

    def widest_value(self) -> int:
        """The widest value alone (where notes go above the bars, on a narrow screen)."""
        return self.value_width or max((len(b.text) for b in self.bars), default=0)


def together(*charts: Bars) -> list[Bars]:
    """Charts shown together, drawn on one scale with their labels in one column."""
    scale = max((b.value for chart in charts for b in chart.bars), default=1) or 1
    width = max((len(b.label) for chart in charts for b in chart.bars), default=0)
    text = max((chart.widest_text() for chart in charts), default=0)
    value = max((chart.widest_value() for chart in charts), default=0)
    for chart in charts:
        chart.scale, chart.label_width, chart.text_width, chart.value_width = scale, width, text, value
    return list(charts)


class Notes:
    """Footnotes: the numbered notes ``number_notes`` places here (an item whose first span is
    its number, style ``mark``), then unnumbered ones (what the flags mean, the sources)."""

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
    address never broken and a link where the output can carry one. A source's optional
    ``detail`` (how much rests on it, a note) follows its title."""

    __slots__ = ("sources", "title")

    def __init__(self, sources: list[dict[str, str | int | None]], title: str | None = None) -> None:
        self.sources = sources
        self.title = title


def described(source: dict[str, str | int | None]) -> str:
    """A source in words, as every renderer prints it: ``AHIMA: RHIT exam (2025, official).``"""
    text = f"{source['publisher']}: {source['title']} ({source['vintage']}, {source['kind']})."
    return f"{text} {source['detail']}" if source.get("detail") else text


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


SUPERSCRIPT = str.maketrans("0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")


def number_notes(doc: Document) -> Document:
    """Number the note markers in reading order and list each note once, numbered, in the
    first Notes block after its first marker (a new one at the end if none follows). A
    marker and its note always go together: the note travels inside the marker."""
    numbers: dict[str, int] = {}

    def visit(blocks: list[Block]) -> list[Inline]:
        """Number the markers in ``blocks``; return the notes not yet placed."""
        pending: list[Inline] = []
        for block in blocks:
            if isinstance(block, Notes):
                block.items = [*pending, *block.items]
                pending = []
            elif isinstance(block, Panel | Section):
                if isinstance(block, Panel):
                    pending += inline(block.title)
                inner = list(block.body)
                pending += visit(inner)
                block.body = inner
            else:
                for value in _inlines_of(block):
                    pending += inline(value)
        return pending

    def inline(value: Inline) -> list[Inline]:
        """Number the markers of one run of text; two markers side by side get a comma between."""
        found: list[Inline] = []
        after_marker = False
        for span in spans(value):
            if span.note is not None and span.gloss is not None:
                found += mark(span)
                if after_marker:
                    span.text = "," + span.text
                after_marker = True
            else:
                after_marker = False
        return found

    def mark(span: Span) -> list[Inline]:
        assert span.note is not None and span.gloss is not None
        first = span.note not in numbers
        if first:
            numbers[span.note] = len(numbers) + 1
        number = str(numbers[span.note]).translate(SUPERSCRIPT)
        span.text = number
        if not first:
            return []
        return [[Span(number, "mark"), " ", *spans(span.gloss)]]

    left = visit(doc.blocks)
    if left:
        doc.blocks.append(Notes(left))
    _drop_empty_notes(doc.blocks)
    return doc


def _drop_empty_notes(blocks: list[Block]) -> None:
    blocks[:] = [b for b in blocks if not (isinstance(b, Notes) and not b.items)]
    for block in blocks:
        if isinstance(block, Panel | Section):
            inner = list(block.body)
            _drop_empty_notes(inner)
            block.body = inner


def note_mark(item: Inline) -> tuple[str, Inline]:
    """A note's number (its leading marker, as ``number_notes`` made it) and the rest; "-" for
    a note with no number (what the flags mean, the sources)."""
    parts = spans(item)
    if parts and parts[0].style == "mark":
        rest = parts[1:]
        if rest and rest[0].text == " ":
            rest = rest[1:]
        return parts[0].text, rest
    return "-", item


def _inlines_of(block: Block) -> list[Inline]:
    """The runs of text a block holds (a paragraph, each list item, each table cell)."""
    if isinstance(block, Para | Hint):
        return [block.content]
    if isinstance(block, Bullets):
        return list(block.items)
    if isinstance(block, Table):
        return [cell for row in block.rows for cell in row]
    return []
