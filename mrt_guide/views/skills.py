"""``mrt-guide skills``: the official qualities first, then what other sources add."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import fmt
from .doc import Bullets, Document, Notes, Table
from .duties import added, official

if TYPE_CHECKING:
    from ..records import SkillsOut


def build(data: SkillsOut) -> Document:
    doc = Document("Skills and qualities")
    doc.add(official(data["qualities"]))
    has_official = data["qualities"] is not None
    demands = added(data["intro"], data["covered"])
    if demands:
        title = "Also: what the work demands" if has_official else "What the work demands"
        doc.add(Bullets([fmt.sourced_line(s) for s in demands], title=title))
    qualities = added(data["skills"], data["covered"])
    if qualities:
        title = "Also: qualities that matter" if has_official else "Qualities that matter"
        doc.add(Bullets([fmt.sourced_line(s) if has_official else s["text"] for s in qualities], title=title))
    listed = data["qualities"]["items"] if data["qualities"] else []
    doc.add(Notes(fmt.figure_notes(listed + data["intro"] + data["skills"], data["sources"])))
    return doc


def records(data: SkillsOut) -> Table:
    listed = data["qualities"]["items"] if data["qualities"] else []
    return fmt.statement_table(listed + data["intro"] + data["skills"])
