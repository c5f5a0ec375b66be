"""``mrt-guide skills``."""

from __future__ import annotations

from typing import Any

from . import fmt
from .doc import Bullets, Document, Notes, Table


def build(data: dict[str, Any]) -> Document:
    doc = Document("Skills and qualities")
    doc.add(Bullets([fmt.sourced_line(s) for s in data["intro"]], title="What the work demands"))
    doc.add(Bullets([s["text"] for s in data["skills"]], title="Qualities that matter"))
    doc.add(Notes(fmt.figure_notes(data["intro"] + data["skills"], data["sources"])))
    return doc


def records(data: dict[str, Any]) -> Table:
    return fmt.statement_table(data["intro"] + data["skills"])
