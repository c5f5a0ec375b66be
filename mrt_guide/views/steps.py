"""``mrt-guide steps`` as numbered panels."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from . import fmt
from .doc import Block, Bullets, Column, Document, Hint, Inline, Notes, Panel, Para, Span, Table, plain_text

if TYPE_CHECKING:
    from ..records import StepsOut


def _duration(step: Mapping[str, Any]) -> list[Inline]:
    lines: list[Inline] = []
    if step["duration"]["text"]:
        lines.append(step["duration"]["text"])
    lines += [fmt.figure_line(f) for f in step["duration"]["figures"]]
    return lines


def leads(step: Mapping[str, Any]) -> list[Inline]:
    """Where the step's programs lead, and where they do not: a line per program, each
    statement with its citation."""
    lines: dict[str, list[str | Span]] = {}
    for lead in step["leads"]:
        line = lines.setdefault(lead["degree"], [Span(f"{lead['degree']}:", "strong")])
        line += [" ", lead["text"], " ", *fmt.cite(lead)]
    return list(lines.values())


def build(data: StepsOut) -> Document:
    doc = Document("The path into the career, step by step")
    for step in data["steps"]:
        body: list[Block] = [
            Para(step["summary"]),
            Bullets(step["actions"], title="What to do"),
            Bullets(_duration(step), title="How long"),
            *([Bullets(leads(step), title="Where it leads")] if step["leads"] else []),
            Hint(
                ["More: ", *[part for see in step["see"] for part in (Span(fmt.command(see), "code"), "  ")]]
            ),
        ]
        doc.add(Panel(f"{step['number']}. {step['title']}", body, subtitle=fmt.cite_text(step)))
    shown: list[Mapping[str, Any]] = [f for s in data["steps"] for f in s["duration"]["figures"]]
    shown += [*data["steps"], *(lead for s in data["steps"] for lead in s["leads"])]
    doc.add(Notes(fmt.figure_notes(shown, data["sources"])))
    return doc


def records(data: StepsOut) -> Table:
    return Table(
        [
            Column("id"),
            Column("Number"),
            Column("Title"),
            Column("How long"),
            Column("See"),
            Column("Source", no_wrap=True),
            Column("Flag", no_wrap=True),
        ],
        [
            [
                s["id"],
                str(s["number"]),
                s["title"],
                "; ".join(plain_text(line) for line in _duration(s)),
                "; ".join(fmt.command(see) for see in s["see"]),
                s["source"],
                s["flag"],
            ]
            for s in data["steps"]
        ],
    )
