"""``mrt-guide ce work list``: the work periods in the log and the months of each kind."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..doc import Column, Document, Inline, Para, Span, Table
from ..fmt import count

if TYPE_CHECKING:
    from ...records import CeWorkOut


def build(data: CeWorkOut) -> Document:
    doc = Document("Work history in the CE log")
    if not data["work"]:
        doc.add(Para("None yet. Add some: mrt-guide ce work add --role coding --start YYYY-MM", "muted"))
        return doc
    rows: list[list[Inline]] = [
        [
            Span(str(w["id"]), "strong"),
            w["role"],
            w["start"],
            w["end"] or "now",
            str(w["months"]),
            w["employer"] or "",
        ]
        for w in data["work"]
    ]
    doc.add(
        Table(
            [Column("id", no_wrap=True), Column("Kind"), Column("From", no_wrap=True),
             Column("To", no_wrap=True), Column("Months"), Column("Employer")],
            rows,
        )
    )  # fmt: skip
    for t in data["totals"]:
        label = t["label"] or f"{t['role']} (not a kind this dataset knows)"
        doc.add(
            Para(
                [
                    f"{label}: ",
                    Span(count(t["months"], "month", "months"), "strong"),
                    f" to {data['as_of']}, overlaps counted once.",
                ]
            )
        )
    return doc


def records(data: CeWorkOut) -> Table:
    return Table(
        [Column(n) for n in ("id", "role", "start", "end", "months", "employer")],
        [
            [str(w["id"]), w["role"], w["start"], w["end"] or "", str(w["months"]), w["employer"] or ""]
            for w in data["work"]
        ],
    )
