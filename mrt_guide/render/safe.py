"""The last wall before any renderer: every string of a document made safe to print.

Validation already rejects control, bidi and zero-width characters in data; this pass
neutralises any that reach a document anyway (a record built in code, a dataset that
slipped past), for every format alike: Rich, plain, Markdown, HTML, SVG. Where the
output can show only ASCII (``LANG=C``), the guide's own symbols are spelled in ASCII
here too, before layout, so a line never grows past the width it was laid out for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..terminal import to_ascii
from ..textsafe import neutral
from ..views.doc import (
    Bar,
    Bars,
    Block,
    Bullets,
    Column,
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
)


def _text(clean: Callable[[str], str]) -> Callable[[Any], Any]:
    def inline(value: Inline) -> Inline:
        if isinstance(value, str):
            return clean(value)
        if isinstance(value, Span):
            said = None if value.gloss is None else inline(value.gloss)
            return Span(clean(value.text), value.style, value.link, value.note, said)
        return [inline(v) for v in value]  # type: ignore[misc]

    return inline


def _block(block: Block, s: Callable[[str], str], i: Callable[[Any], Any]) -> Block:
    def opt(text: str | None) -> str | None:
        return None if text is None else s(text)

    if isinstance(block, Heading):
        return Heading(s(block.text), block.level)
    if isinstance(block, Para):
        return Para(i(block.content), block.style)
    if isinstance(block, Bullets):
        marks = None if block.marks is None else [s(m) for m in block.marks]
        return Bullets([i(x) for x in block.items], opt(block.title), block.numbered, marks)
    if isinstance(block, Table):
        columns = [Column(s(c.header), c.justify, c.no_wrap) for c in block.columns]
        rows = [[i(cell) for cell in row] for row in block.rows]
        return Table(columns, rows, opt(block.title), opt(block.caption), compact=block.compact)
    if isinstance(block, Bars):
        bars = [Bar(s(b.label), b.value, s(b.text), s(b.note)) for b in block.bars]
        cleaned = Bars(s(block.title), bars, block.scale, block.label_width, block.text_width)
        cleaned.value_width = block.value_width
        return cleaned
    if isinstance(block, Notes):
        return Notes([i(x) for x in block.items])
    if isinstance(block, Panel):
        return Panel(i(block.title), [_block(b, s, i) for b in block.body], opt(block.subtitle))
    if isinstance(block, Section):
        return Section(s(block.title), [_block(b, s, i) for b in block.body])
    if isinstance(block, Hint):
        return Hint(i(block.content))
    if isinstance(block, SourceList):
        return SourceList(
            [
                {k: s(v) if isinstance(v, str) and k != "url" else v for k, v in src.items()}
                for src in block.sources
            ],
            opt(block.title),
        )
    raise TypeError(f"cannot clean {type(block).__name__}")


def clean(doc: Document, *, ascii: bool = False) -> Document:
    """``doc`` with every string neutralised (and spelled in ASCII when ``ascii``)."""

    def s(text: str) -> str:
        text = neutral(text)
        return to_ascii(text) if ascii else text

    i = _text(s)
    return Document(s(doc.title), [_block(b, s, i) for b in doc.blocks])


def clean_table(table: Table, *, ascii: bool = False) -> Table:
    """A table of records (for ``--plain``) cleaned as ``clean`` cleans a document."""
    cleaned = clean(Document("", [table]), ascii=ascii).blocks[0]
    assert isinstance(cleaned, Table)
    return cleaned
