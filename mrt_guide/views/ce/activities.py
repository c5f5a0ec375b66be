"""``mrt-guide ce list``: the activities of a cycle, with what each counts for."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..doc import Column, Document, Inline, Para, Span, Table
from . import counted, length, num, tags, units

if TYPE_CHECKING:
    from ...records import CeListOut

WHICH = {"current": "this cycle", "previous": "the previous cycle", "all": "all cycles"}


def _title(a: Mapping[str, Any]) -> Inline:
    parts: list[str | Span] = [a["title"]]
    if a["provider"]:
        parts.append(Span(f"\n{a['provider']}", "muted"))
    return parts


def build(data: CeListOut) -> Document:
    acts = data["activities"]
    scope = WHICH[data["cycle"]] + (f", for {data['for']}" if data["for"] else "")
    doc = Document(f"CE activities: {scope}")
    if not acts:
        hint = "" if data["cycle"] == "all" else " (--cycle all shows every one)"
        doc.add(Para(f"No activities{hint}. Add one with 'mrt-guide ce add'.", "muted"))
        return doc
    rows: list[list[Inline]] = [
        [str(a["id"]), a["date"], _title(a), length(a), counted(a), tags(a), "✓" if a["evidence"] else "-"]
        for a in acts
    ]
    doc.add(
        Table(
            [
                Column("#", "right", no_wrap=True),
                Column("Date", no_wrap=True),
                Column("Activity"),
                Column("Length"),
                Column("Counts"),
                Column("Marked"),
                Column("Proof", no_wrap=True),
            ],
            rows,
        )
    )
    totals: dict[tuple[str, str | None], float] = {}
    for a in acts:
        for c in a["counted"]:
            key = (c["issuer"], c["unit"])
            totals[key] = totals.get(key, 0.0) + float(c["credits"])
    summary = "; ".join(f"{issuer} {num(v)} {units(unit, v)}" for (issuer, unit), v in totals.items())
    doc.add(Para(f"{len(acts)} activities" + (f": {summary}." if summary else "."), "muted"))
    return doc


def records(data: CeListOut) -> Table:
    names = [
        "id",
        "date",
        "title",
        "provider",
        "minutes",
        "ceus",
        "counts",
        "for",
        "tags",
        "evidence",
        "sha256",
        "notes",
    ]
    return Table(
        [Column(n) for n in names],
        [
            [
                str(a["id"]), a["date"], a["title"], a["provider"] or "",
                "" if a["minutes"] is None else str(a["minutes"]), num(a["ceus"]), counted(a),
                " ".join(a["for"]), " ".join(a["tags"]), a["evidence"]["name"] if a["evidence"] else "",
                a["evidence"]["sha256"] if a["evidence"] else "", a["notes"] or "",
            ]
            for a in data["activities"]
        ],
    )  # fmt: skip
