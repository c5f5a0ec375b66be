"""``mrt-guide ce credential list``: the credentials in the log and what each owes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..doc import Column, Document, Inline, Para, Span, Table
from ..fmt import value

if TYPE_CHECKING:
    from ...records import CeCredentialsOut


def _per_cycle(c: Mapping[str, Any]) -> str:
    if c["ceus"] is None or c["cycle"] is None:
        return "unknown"
    return f"{value(c['ceus'])} every {value(c['cycle'])}"


def build(data: CeCredentialsOut) -> Document:
    doc = Document("Credentials in the CE log")
    creds = data["credentials"]
    if not creds:
        doc.add(Para("None yet. Add one: mrt-guide ce credential add RHIT --earned YYYY-MM-DD", "muted"))
        return doc
    rows: list[list[Inline]] = []
    for c in creds:
        note: Inline = ""
        if c["replaced_by"]:
            note = Span(f"replaced by {c['replaced_by']}", "muted")
        elif c["name"] is None:
            note = Span("not in this dataset", "warn")
        rows.append(
            [Span(c["id"], "strong"), c["name"] or "", c["issuer"] or "", c["earned"], _per_cycle(c), note]
        )
    doc.add(
        Table(
            [Column("id", no_wrap=True), Column("Name"), Column("Issuer"), Column("Earned", no_wrap=True),
             Column("Per cycle"), Column("Note")],
            rows,
        )
    )  # fmt: skip
    return doc


def records(data: CeCredentialsOut) -> Table:
    return Table(
        [Column(n) for n in ("id", "name", "issuer", "earned", "per_cycle", "replaced_by")],
        [
            [c["id"], c["name"] or "", c["issuer"] or "", c["earned"], _per_cycle(c), c["replaced_by"] or ""]
            for c in data["credentials"]
        ],
    )
