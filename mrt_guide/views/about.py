"""``mrt-guide about``: the job in brief, its names and codes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import fmt
from .doc import Bullets, Document, Notes, Para, Table

if TYPE_CHECKING:
    from ..records import AboutOut


def build(data: AboutOut) -> Document:
    doc = Document(f"{data['title']}: the job in brief")
    doc.add(Para(f"Also called: {', '.join(data['also_called'])}.", "muted"))
    doc.add(Bullets([fmt.sourced_line(s) for s in data["summary"]], title="What the job is"))
    doc.add(Bullets([fmt.sourced_line(s) for s in data["specialties"]], title="Ways to specialize"))
    doc.add(
        Bullets([fmt.sourced_line(s) for s in data["classification"]], title="How BLS and O*NET classify it")
    )
    records_ = data["summary"] + data["specialties"] + data["classification"]
    doc.add(Notes(fmt.figure_notes(records_, data["sources"])))
    return doc


def records(data: AboutOut) -> Table:
    return fmt.statement_table(data["summary"] + data["specialties"] + data["classification"])
