"""``mrt-guide duties``."""

from __future__ import annotations

from typing import Any

from . import fmt
from .doc import Bullets, Document, Notes, Para, Table
from .fmt import statement_table


def build(data: dict[str, Any]) -> Document:
    doc = Document("What a medical records technician does")
    doc.add(Para(fmt.sourced_line(data["intro"])))
    doc.add(Bullets([d["text"] for d in data["duties"]], title="Duties", numbered=True))
    doc.add(Notes(fmt.figure_notes(data["duties"], data["sources"])))
    return doc


def records(data: dict[str, Any]) -> Table:
    return statement_table(data["duties"])
