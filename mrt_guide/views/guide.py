"""``mrt-guide guide``: the whole guide as one document, each part drawn by its own view."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from ..queries.guide import PARTS
from . import (
    about,
    careers,
    certs,
    degrees,
    duties,
    facts,
    fmt,
    outlook,
    places,
    salary,
    skills,
    sources,
    steps,
    workplaces,
)
from .doc import Block, Document, Heading, Notes, Panel, Para, Section, Table, plain_text

if TYPE_CHECKING:
    from ..records import GuideOut

if TYPE_CHECKING:
    from ..output import View


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


Sections = list[tuple[str, list[Block]]]
"""What a part adds to the guide: its sections, each a title and blocks."""


def _whole(view: View) -> Callable[[Any], Sections]:
    """A part drawn by a view's ``build``: one section, without the view's own list of
    sources (the guide lists them once, at its end)."""

    def sections(data: Any) -> Sections:
        doc = view.build({**data, "sources": {}})
        return [(doc.title, doc.blocks)]

    return sections


VIEWS: dict[str, Callable[[Any], Sections]] = {
    "facts": _whole(facts),
    "about": _whole(about),
    "steps": _whole(steps),
    "degrees": _whole(degrees),
    "certifications": _whole(certs),
    "certification_details": certs.details,
    "salary": _whole(salary),
    "salary_history": salary.history,
    "states": places.part,
    "outlook": _whole(outlook),
    "duties": _whole(duties),
    "skills": _whole(skills),
    "workplaces": _whole(workplaces),
    "careers": _whole(careers),
    "source_list": sources.part,
}
"""How each part of the guide (``queries/guide.py PARTS``) is drawn, by its key."""


def build(data: GuideOut) -> Document:
    doc = Document("Medical Records Technician: the whole guide")
    parts: Mapping[str, Any] = data  # each part's type is its own command's (its view checks it)
    for part in PARTS:
        for title, blocks in VIEWS[part.key](parts[part.key]):
            doc.add(section(title, blocks))
    return doc


def records(data: GuideOut) -> Table:
    """Every figure the guide shows, once, in reading order."""
    return fmt.every_figure(data)
