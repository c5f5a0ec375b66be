"""``mrt-guide duties``: the official lists first, then what other sources add."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from . import fmt
from .doc import Bullets, Document, Notes, Para, Table
from .fmt import statement_table

if TYPE_CHECKING:
    from ..records import DutiesOut


def official(listed: Mapping[str, Any] | None, *, numbered: bool = False) -> Bullets | None:
    """A titled official list, each item with its source and flag."""
    if listed is None:
        return None
    return Bullets([fmt.sourced_line(i) for i in listed["items"]], title=listed["title"], numbered=numbered)


def added(items: Sequence[Mapping[str, Any]], covered: list[str]) -> list[Mapping[str, Any]]:
    """The article's items the official lists do not already say."""
    return [i for i in items if i["id"] not in covered]


def build(data: DutiesOut) -> Document:
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
    shown += [i for listed in (data["tasks"], data["bls_duties"]) if listed for i in listed["items"]]
    doc.add(Notes(fmt.figure_notes([*shown, data["intro"], *data["duties"]], data["sources"])))
    return doc


def records(data: DutiesOut) -> Table:
    listed = [i for items in (data["tasks"], data["bls_duties"]) if items for i in items["items"]]
    return statement_table(listed + data["duties"])
