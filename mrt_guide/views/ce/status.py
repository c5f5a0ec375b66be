"""``mrt-guide ce status``: each cycle with a progress bar, every rule checked, and what is still
needed in words."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .. import fmt
from ..doc import Bullets, Column, Document, Inline, Notes, Panel, Para, Span, Table
from . import check_line, dates, held_line, needed_text, note_text, state, warning_text

if TYPE_CHECKING:
    from ...records import CeStatusOut

NEEDED_LABEL = {
    "complete": "Done: ",
    "on-track": "Still needed: ",
    "behind": "Still needed: ",
    "unmet": "Short: ",
}


def cycle_panel(cycle: Mapping[str, Any], words: Mapping[str, str]) -> Panel:
    unit = cycle["unit"]
    body: list[Any] = [
        Para([dates(cycle), ". ", state(cycle), "."]),
        Bullets([check_line(c, cycle["due"], unit, words) for c in cycle["checks"]]),
        Para(
            [Span(NEEDED_LABEL[cycle["state"]], "strong"), needed_text(cycle["needed"], words)],
            "warn" if cycle["state"] in ("behind", "unmet") else None,
        ),
    ]
    if cycle["warnings"]:
        body.append(Bullets([Span(warning_text(w), "warn") for w in cycle["warnings"]]))
    if cycle["notes"]:
        body.append(Notes([note_text(n, unit) for n in cycle["notes"]]))
    title = f"{cycle['issuer']}: {', '.join(cycle['credentials'])}"
    return Panel(title, body, subtitle=f"{cycle['activities']} activities")


EVERY = {"year": "every year", "cycle": "every cycle"}


def fee_blocks(fee: Mapping[str, Any]) -> list[Any]:
    """A fee: who owes it and when next, in words with its source; then each amount the
    sources give, and what they do not give, as unknown."""
    when = "next due date unknown" if fee["next"] is None else f"next due {fee['next']}"
    head = Para(
        [
            Span(f"{fee['issuer']} {fee['label'].lower()}", "strong"),
            f" ({', '.join(fee['credentials'])}): {EVERY[fee['every']]}, {when}. {fee['text']} ",
            *fmt.cite(fee),
        ]
    )
    lines: list[Inline] = [fmt.figure_line(fig) for fig in fee["figures"]]
    if not fee["figures"]:
        lines.append([Span("Amount: unknown", "warn"), " (not found in the sources)."])
    lines += [[Span("Unknown: ", "muted"), Span(text, "muted")] for text in fee["not_found"]]
    return [head, Bullets(lines)]


def build(data: CeStatusOut) -> Document:
    doc = Document(f"Continuing education on {data['on']}")
    if data["credentials"]:
        doc.add(Panel("Credentials held", [Bullets([held_line(h) for h in data["credentials"]])]))
    if not data["cycles"]:
        doc.add(Para("No cycle to show.", "muted"))
    for cycle in data["cycles"]:
        doc.add(cycle_panel(cycle, data["tag_words"]))
    if data["fees"]:
        doc.add(Panel("Fees", [block for fee in data["fees"] for block in fee_blocks(fee)]))
    notes: list[Inline] = [note_text(n, on=data["on"]) for n in data["notes"]]
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
                needed_text(c["needed"], data["tag_words"]),
            ]
            for c in data["cycles"]
        ],
    )  # fmt: skip
