"""``mrt-guide ce list``: the activities of a cycle, with what each counts for."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..doc import Column, Document, Inline, Para, Span, Table
from . import counted, length, num, tags, units

if TYPE_CHECKING:
    from ...records import CeListOut

WHICH = {"current": "this cycle", "previous": "the previous cycle", "all": "all cycles"}


class Paged:
    """The view drawing page ``page`` of ``rows`` activities, the latest first in pages (the
    table itself keeps date order); ``rows`` 0 draws every one. For the terminal only
    (``ce list --rows``, default 20: a Rich table costs about half a millisecond a row):
    ``--plain``, ``--markdown``, ``--export`` and ``--json`` keep every activity, and the
    totals always cover every one."""

    __slots__ = ("page", "rows")

    def __init__(self, rows: int, page: int) -> None:
        self.rows = rows
        self.page = page

    def build(self, data: CeListOut) -> Document:
        return build(data, rows=self.rows, page=self.page)

    def records(self, data: CeListOut) -> Table:
        return records(data)


def _title(a: Mapping[str, Any]) -> Inline:
    parts: list[str | Span] = [a["title"]]
    if a["provider"]:
        parts.append(Span(f"\n{a['provider']}", "muted"))
    return parts


def page_count(count: int, rows: int) -> int:
    """How many pages of ``rows`` (0: all on one) ``count`` activities make; at least one."""
    return max(-(-count // rows), 1) if rows else 1


def build(data: CeListOut, rows: int = 0, page: int = 1) -> Document:
    """The activities as a table (with ``rows``, page ``page`` of that many, the latest
    first) and their totals, always of every activity."""
    acts = data["activities"]
    scope = WHICH[data["cycle"]] + (f", for {data['for']}" if data["for"] else "")
    doc = Document(f"CE activities: {scope}")
    if not acts:
        hint = "" if data["cycle"] == "all" else " (--cycle all shows every one)"
        doc.add(Para(f"No activities{hint}. Add one with 'mrt-guide ce add'.", "muted"))
        return doc
    shown = acts
    if rows and len(acts) > rows:
        end = max(len(acts) - rows * (page - 1), 0)
        shown = acts[max(end - rows, 0) : end]
    table: list[list[Inline]] = [
        [
            str(a["id"]),
            a["date"],
            _title(a),
            length(a),
            counted(a),
            tags(a, data["tag_labels"]),
            "✓" if a["evidence"] else "-",
        ]
        for a in shown
    ]
    if shown:
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
                table,
            )
        )
    if shown is not acts:
        pages = page_count(len(acts), rows)
        dates = f"{shown[0]['date']} to {shown[-1]['date']}, " if shown else ""
        where = f"{dates}page {page} of {pages}"
        more = f"--page {page + 1} shows earlier ones, " if page < pages else ""
        doc.add(
            Para(
                f"Showing {len(shown)} of {len(acts)} activities ({where}): {more}--rows 0 every one.",
                "muted",
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
