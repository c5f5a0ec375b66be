"""``mrt-guide guide``: the whole guide as one document, each part drawn by its own view."""

from __future__ import annotations

import importlib
from typing import Any

from ..dataset.sections import parts
from . import fmt
from .doc import Block, Document, Heading, Notes, Panel, Para, Section, Table, plain_text


def section(title: str, blocks: list[Block]) -> Section:
    """A part of the guide, its panels opened out into headings: a long document reads
    (and prints) better without boxes, and a box drawn around each part doubles the
    cost of drawing it."""
    body: list[Block] = []
    for block in blocks:
        if isinstance(block, Panel):
            heading = plain_text(block.title)
            if heading != title:
                body.append(Heading(heading, 2))
            body += block.body
            if block.subtitle:
                body.append(Para(f"Source: {block.subtitle}", "muted"))
        else:
            body.append(block)
    body.append(Notes([]))  # where this part's numbered notes go (dropped if it has none)
    return Section(title, body)


def sections_of(view: str, data: Any) -> list[tuple[str, list[Block]]]:
    """The sections a part adds: ``module:function`` returns them; a plain module's ``build``
    gives one, without its own list of sources (the guide lists them once, at its end)."""
    module, _, function = view.partition(":")
    drawn = importlib.import_module(f"mrt_guide.views.{module}")
    if function:
        made: list[tuple[str, list[Block]]] = getattr(drawn, function)(data)
        return made
    doc: Document = drawn.build({**data, "sources": {}})
    return [(doc.title, doc.blocks)]


def build(data: dict[str, Any]) -> Document:
    doc = Document("Medical Records Technician: the whole guide")
    for _, part in parts():
        for title, blocks in sections_of(part.view, data[part.key]):
            doc.add(section(title, blocks))
    return doc


def records(data: dict[str, Any]) -> Table:
    """Every figure the guide shows, once, in reading order."""
    return fmt.every_figure(data)
