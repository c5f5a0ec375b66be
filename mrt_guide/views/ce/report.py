"""``mrt-guide ce report``: the audit packet. Per cycle: the totals per rule, every activity with
its credits, marks and evidence, and the evidence files with their SHA-256."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..doc import Bullets, Column, Document, Inline, Notes, Para, Section, Span, Table
from . import (
    check_line,
    dates,
    held_line,
    length,
    needed_text,
    note_text,
    num,
    state,
    tags,
    units,
    warning_text,
)
from .credentials import build as credentials_doc

if TYPE_CHECKING:
    from ...records import CeReportOut

WHICH = {"current": "the current cycle", "previous": "the previous cycle", "all": "every cycle"}
EVIDENCE_WORDS = {
    "ok": "kept, hash matches",
    "changed": "kept, but the file has changed since it was logged",
    "missing": "the kept copy is missing",
    "not kept": "not on this computer; hash recorded",
}


def _evidence(a: Mapping[str, Any]) -> Inline:
    ev = a["evidence"]
    if ev is None:
        return Span("none", "muted")
    words = f" ({EVIDENCE_WORDS.get(a['evidence_state'], '')})"
    return [ev["name"], Span(words, "muted" if a["evidence_state"] == "ok" else "warn")]


def _activities(acts: Sequence[Mapping[str, Any]], unit: str | None, labels: Mapping[str, str]) -> Table:
    rows: list[list[Inline]] = [
        [
            str(a["id"]),
            a["date"],
            [
                a["title"],
                *([Span(f"\n{a['provider']}", "muted")] if a["provider"] else []),
                *([Span(f"\nApproval/index no. {a['approval']}", "muted")] if a.get("approval") else []),
                *([Span(f"\nNote: {a['notes']}", "muted")] if a["notes"] else []),
            ],
            "" if a["credits"] is None else f"{num(a['credits'])} ({length(a)})",
            tags(a, labels),
            _evidence(a),
        ]
        for a in acts
    ]
    return Table(
        [Column("#", "right", no_wrap=True), Column("Date", no_wrap=True), Column("Activity and provider"),
         Column(f"{units(unit, 2)}"), Column("Marked"), Column("Evidence")],
        rows,
    )  # fmt: skip


def _hashes(acts: Sequence[Mapping[str, Any]]) -> Bullets | None:
    kept = [a for a in acts if a["evidence"]]
    if not kept:
        return None
    return Bullets(
        [
            [Span(f"#{a['id']} {a['evidence']['name']}", "strong"), f"\nSHA-256 {a['evidence']['sha256']}"]
            for a in kept
        ],
        title="Evidence files and their SHA-256",
    )


def build(data: CeReportOut) -> Document:
    doc = Document("Continuing-education audit packet")
    holder = data["holder"]
    who: list[Inline] = [
        [
            Span("Holder: ", "strong"),
            holder["name"] or Span("name not recorded (mrt-guide ce profile --name)", "warn"),
        ]
    ]
    who += [
        [Span(f"{issuer} member id: ", "strong"), number] for issuer, number in holder["member_ids"].items()
    ]
    who.append(f"Prepared on {data['generated']}, covering {WHICH[data['cycle']]}.")
    doc.add(Bullets(who))
    doc.add(*credentials_doc({"credentials": data["credentials"]}).blocks)
    if data["held"]:
        doc.add(Bullets([held_line(h) for h in data["held"]], title="The cycle each credential joins"))
    words = data["tag_words"]
    for cycle in data["cycles"]:
        unit = cycle["unit"]
        body: list[Any] = [
            Para([dates(cycle), ". ", state(cycle), ". ", needed_text(cycle["needed"], words)]),
            Bullets(
                [check_line(c, cycle["due"], unit, words) for c in cycle["checks"]], title="Totals per rule"
            ),
        ]
        if cycle["warnings"]:
            body.append(Bullets([Span(warning_text(w), "warn") for w in cycle["warnings"]]))
        if cycle["records"]:
            body.append(_activities(cycle["records"], cycle["unit"], data["tag_labels"]))
        else:
            body.append(Para("No activities logged in this cycle.", "muted"))
        hashes = _hashes(cycle["records"])
        if hashes:
            body.append(hashes)
        if cycle["not_found"]:
            body.append(Bullets(cycle["not_found"], title="Not found in the issuer's public pages (unknown)"))
        body.append(Notes([note_text(n, unit) for n in cycle["notes"]]))
        title = f"{cycle['issuer']} ({', '.join(cycle['credentials'])}): {cycle['start']} to {cycle['end']}"
        doc.add(Section(title, body))
    if data["uncounted"]:
        doc.add(
            Section(
                "Activities counted in no cycle",
                [
                    _activities(data["uncounted"], None, data["tag_labels"]),
                    *([h] if (h := _hashes(data["uncounted"])) else []),
                ],
            )
        )
    doc.add(Notes([note_text(n, on=data["generated"]) for n in data["notes"]]))
    return doc


def records(data: CeReportOut) -> Table:
    from ...cells import report_rows

    header, *rows = list(report_rows(data, safe=False))
    return Table([Column(h) for h in header], rows)
