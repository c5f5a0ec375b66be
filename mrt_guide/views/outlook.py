"""``mrt-guide outlook``: the article's projection, why demand grows, projections over time."""

from __future__ import annotations

from typing import Any

from . import fmt
from .doc import Bar, Bars, Bullets, Column, Document, Inline, Notes, Panel, Para, Span, Table


def _period(p: dict[str, Any]) -> str:
    return fmt.period(p["growth"])


def _cell(fig: dict[str, Any] | None) -> Inline:
    return fmt.value(fig, words=False) if fig else Span("-", "muted")


def _table(data: dict[str, Any], *, ids: bool) -> Table:
    columns = [
        Column("Period", no_wrap=True),
        Column("Growth", "right", no_wrap=True),
        Column("New jobs", "right", no_wrap=True),
        Column("Employed at start", "right", no_wrap=True),
        Column("Source", no_wrap=True),
        Column("Flag", no_wrap=True),
    ]
    rows: list[list[Inline]] = []
    for p in data["projections"]:
        growth: Inline = (
            [fmt.value(p["growth"]), Span(fmt.ARTICLE_MARK, "warn")]
            if p["id"] == data["article_projection"]["id"]
            else fmt.value(p["growth"])
        )
        rows.append(
            [
                _period(p),
                growth,
                _cell(p["new_jobs"]),
                _cell(p["base_employment"]),
                Span(p["source"], "code"),
                fmt.flag(p["flag"]),
            ]
        )
    if ids:
        columns.insert(0, Column("id"))
        rows = [[p["id"], *row] for p, row in zip(data["projections"], rows, strict=True)]
    caption = "- : the source gives no figure."
    return Table(
        columns,
        rows,
        title=None if ids else "Projections over time (BLS, each period's own edition)",
        caption=None if ids else caption,
    )


def build(data: dict[str, Any]) -> Document:
    doc = Document("Job outlook")
    art = data["article_projection"]
    figs = [f for f in (art["growth"], art["new_jobs"], art["base_employment"]) if f]
    doc.add(
        Panel(
            f"The projection the article gives: {_period(art)}",
            [
                Bullets([fmt.figure_line(f) for f in figs]),
                Para(fmt.sourced_line(data["comparison"])),
                Para(fmt.sourced_line(data["trend"])),
            ],
            subtitle=f"{art['source']} · {art['flag']}",
        )
    )
    doc.add(Bullets([fmt.sourced_line(d) for d in data["drivers"]], title="Why demand grows"))
    doc.add(_table(data, ids=False))
    doc.add(
        Bars(
            "Projected growth by period",
            [
                Bar(
                    _period(p),
                    p["growth"]["value"],
                    fmt.value(p["growth"]),
                    "" if p["flag"] == "official" else f"({p['flag']})",
                )
                for p in data["projections"]
            ],
        )
    )
    notes = [p for p in data["projections"] if p["note"]]
    doc.add(
        Bullets([[Span(_period(p), "strong"), f": {p['note']}"] for p in notes], title="About these rows")
    )
    doc.add(Bullets([fmt.figure_line(f) for f in data["employment"]], title="Employment"))
    shown = figs + [
        f for p in data["projections"] for f in (p["growth"], p["new_jobs"], p["base_employment"]) if f
    ]
    doc.add(Notes(fmt.figure_notes(shown + data["employment"], data["sources"])))
    return doc


def records(data: dict[str, Any]) -> Table:
    return _table(data, ids=True)
