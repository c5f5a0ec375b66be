"""``mrt-guide duties``: the official lists first, then what other sources add."""

from __future__ import annotations

from typing import Any

from . import fmt
from .doc import Bullets, Document, Notes, Para, Table
from .fmt import statement_table


def official(listed: dict[str, Any] | None, *, numbered: bool = False) -> Bullets | None:
    """A titled official list, each item with its source and flag."""
    if listed is None:
        return None
    return Bullets([fmt.sourced_line(i) for i in listed["items"]], title=listed["title"], numbered=numbered)


def added(items: list[dict[str, Any]], covered: list[str]) -> list[dict[str, Any]]:
    """The article's items the official lists do not already say."""
    return [i for i in items if i["id"] not in covered]


def build(data: dict[str, Any]) -> Document:
    doc = Document("What a medical records technician does")
    if data["definition"]:
        doc.add(Para(fmt.sourced_line(data["definition"])))
    doc.add(official(data["tasks"], numbered=True), official(data["bls_duties"]))
    has_official = bool(data["tasks"] or data["bls_duties"])
    doc.add(Para(fmt.sourced_line(data["intro"])))
    extra = added(data["duties"], data["covered"])
    if extra:
        doc.add(
            Bullets(
                [fmt.sourced_line(d) for d in extra] if has_official else [d["text"] for d in extra],
                title="Also listed elsewhere" if has_official else "Duties",
                numbered=not has_official,
            )
        )
    shown = [data["definition"]] if data["definition"] else []
    shown += [i for key in ("tasks", "bls_duties") if data[key] for i in data[key]["items"]]
    doc.add(Notes(fmt.figure_notes([*shown, data["intro"], *data["duties"]], data["sources"])))
    return doc


def records(data: dict[str, Any]) -> Table:
    listed = [i for key in ("tasks", "bls_duties") if data[key] for i in data[key]["items"]]
    return statement_table(listed + data["duties"])
