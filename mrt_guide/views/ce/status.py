"""``mrt-guide ce status``: each cycle with a progress bar, every rule checked, and what is still
needed in words."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..doc import Bullets, Column, Document, Inline, Notes, Panel, Para, Span, Table
from . import check_line, dates, held_line, state

if TYPE_CHECKING:
    from ...records import CeStatusOut

NEEDED_LABEL = {
    "complete": "Done: ",
    "on-track": "Still needed: ",
    "behind": "Still needed: ",
    "unmet": "Short: ",
}


def cycle_panel(cycle: Mapping[str, Any]) -> Panel:
    body: list[Any] = [
        Para([dates(cycle), ". ", state(cycle), "."]),
        Bullets([check_line(c, cycle["due"]) for c in cycle["checks"]]),
        Para(
            [Span(NEEDED_LABEL[cycle["state"]], "strong"), cycle["needed"]],
            "warn" if cycle["state"] in ("behind", "unmet") else None,
        ),
    ]
    if cycle["warnings"]:
        body.append(Bullets([Span(w["text"], "warn") for w in cycle["warnings"]]))
    if cycle["notes"]:
        body.append(Notes(cycle["notes"]))
    title = f"{cycle['issuer']}: {', '.join(cycle['credentials'])}"
    return Panel(title, body, subtitle=f"{cycle['activities']} activities")


def build(data: CeStatusOut) -> Document:
    doc = Document(f"Continuing education on {data['on']}")
    if data["credentials"]:
        doc.add(Panel("Credentials held", [Bullets([held_line(h) for h in data["credentials"]])]))
    if not data["cycles"]:
        doc.add(Para("No cycle to show.", "muted"))
    for cycle in data["cycles"]:
        doc.add(cycle_panel(cycle))
    notes: list[Inline] = list(data["notes"])
    if data["cycles"]:
        notes.append("Rules, figures and sources: mrt-guide certs ID; every activity: mrt-guide ce list.")
    doc.add(Notes(notes))
    return doc


def records(data: CeStatusOut) -> Table:
    names = [
        "id",
        "issuer",
        "credentials",
        "start",
        "end",
        "due",
        "required",
        "earned",
        "remaining",
        "unit",
        "state",
        "needed",
    ]
    return Table(
        [Column(n) for n in names],
        [
            [
                c["id"], c["issuer"], " ".join(c["credentials"]), c["start"], c["end"], c["due"],
                str(c["required"]), str(c["earned"]), str(c["remaining"]), c["unit"] or "", c["state"],
                c["needed"],
            ]
            for c in data["cycles"]
        ],
    )  # fmt: skip
