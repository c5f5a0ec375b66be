"""``mrt-guide sources``: every source with its link, vintage, kind and what rests on it."""

from __future__ import annotations

from typing import Any

from . import fmt
from .doc import Block, Bullets, Column, Document, Inline, Para, SourceList, Span, Table

KIND_NOTES = {
    "official": "the issuing body's own page (or an archived copy of it)",
    "secondary": "a third-party page citing the official source",
    "article": "the article this guide started from",
}


def _table(data: dict[str, Any]) -> Table:
    rows: list[list[Inline]] = [
        [
            Span(s["key"], "code"),
            s["title"],
            s["publisher"],
            str(s["vintage"]),
            fmt.flag({"article": "article-only"}.get(s["kind"], s["kind"])),
            str(s["figures"]),
            str(s["records"]),
            s["url"] or "(no address recorded)",
        ]
        for s in data["sources"]
    ]
    columns = [
        Column("Key", no_wrap=True),
        Column("Title"),
        Column("Publisher"),
        Column("Vintage"),
        Column("Kind"),
        Column("Figures", "right"),
        Column("Records", "right"),
        Column("URL", no_wrap=True),
    ]
    return Table(columns, rows)


def part(data: dict[str, Any]) -> list[tuple[str, list[Block]]]:
    """The sources as the whole guide ends: what the flags mean, then every source."""
    legend = Bullets([[fmt.flag(name), f": {text}."] for name, text in fmt.FLAG_NOTES.items()], title="Flags")
    return [("Sources", [legend, SourceList(data["sources"], title="Every source")])]


def build(data: dict[str, Any]) -> Document:
    doc = Document("Sources")
    doc.add(
        Para(
            "Figures elsewhere in the guide cite these by key. Figures: how many numbers rest on the "
            "source; records: numbers and statements together.",
            "muted",
        )
    )
    doc.add(_table(data))
    doc.add(Para("; ".join(f"{k}: {v}" for k, v in KIND_NOTES.items()) + ".", "muted"))
    return doc


def records(data: dict[str, Any]) -> Table:
    return _table(data)
