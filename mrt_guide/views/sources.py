"""``mrt-guide sources``: every source with its link, vintage, kind and what rests on it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from . import fmt
from .doc import Block, Bullets, Column, Document, Inline, Para, SourceList, Span, Table

if TYPE_CHECKING:
    from ..records import SourcesOut

KIND_NOTES = {
    "official": "the issuing body's own page (or an archived copy of it)",
    "secondary": "a third-party page citing the official source",
    "article": "the article this guide started from",
}


def _table(data: Mapping[str, Any]) -> Table:
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


def part(data: Mapping[str, Any]) -> list[tuple[str, list[Block]]]:
    """The sources as the whole guide ends: what the flags mean, then every source."""
    legend = Bullets([[fmt.flag(name), f": {text}."] for name, text in fmt.FLAG_NOTES.items()], title="Flags")
    return [("Sources", [legend, SourceList(data["sources"], title="Every source")])]


KIND_ORDER = {"official": 0, "secondary": 1, "article": 2}


def build(data: SourcesOut) -> Document:
    """Every source as a short entry with its address whole on a line of its own (a link
    where the terminal has them): official sources first, the article among the last."""
    doc = Document("Sources")
    doc.add(
        Para(
            "Figures and statements cite these by key. Figures: how many numbers rest on a source; "
            "records: numbers and statements together.",
            "muted",
        )
    )
    ordered = sorted(data["sources"], key=lambda s: KIND_ORDER.get(s["kind"], 3))
    listed: list[dict[str, Any]] = [
        {
            **s,
            "detail": " ".join(
                [
                    f"{fmt.count(s['figures'], 'figure', 'figures')},",
                    f"{fmt.count(s['records'], 'record', 'records')}.",
                    *([s["note"]] if s["note"] else []),
                ]
            ),
        }
        for s in ordered
    ]
    doc.add(SourceList(listed, title=f"{fmt.count(len(listed), 'source', 'sources')}"))
    doc.add(Para("; ".join(f"{k}: {v}" for k, v in KIND_NOTES.items()) + ".", "muted"))
    return doc


def records(data: SourcesOut) -> Table:
    return _table(data)
