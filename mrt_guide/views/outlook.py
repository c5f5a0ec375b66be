"""``mrt-guide outlook``: the newest projection, why demand grows, projections over time."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from . import fmt
from .doc import Bar, Bars, Block, Bullets, Column, Document, Inline, Notes, Para, Span, Table, spans
from .salary import code_of

if TYPE_CHECKING:
    from ..records import OutlookOut


def _period(p: Mapping[str, Any]) -> str:
    return fmt.period(p["growth"])


def _cell(fig: Mapping[str, Any] | None, marked: bool = False) -> Inline:
    if not fig:
        return Span("-", "muted")
    return [fmt.value(fig, words=False), *(fmt.ref(fig) if marked else [])]


def _table(data: Mapping[str, Any], *, ids: bool) -> Table:
    columns = [
        Column("Period", no_wrap=True),
        Column("Growth", "right", no_wrap=True),
        Column("New jobs", "right", no_wrap=True),
        Column("Employed at start", "right"),
        Column("Occupation", no_wrap=True),
        Column("Source", no_wrap=True),
        Column("Flag", no_wrap=True),
    ]
    rows: list[list[Inline]] = []
    shown_codes = [code_of(p["growth"], data["codes"]) for p in data["projections"]]
    for p, code in zip(data["projections"], shown_codes, strict=True):
        marked = not ids
        rows.append(
            [
                [_period(p), *(fmt.ref(p) if marked else [])],
                [fmt.value(p["growth"]), *(fmt.ref(p["growth"]) if marked else [])],
                _cell(p["new_jobs"], marked),
                _cell(p["base_employment"], marked),
                code or Span("-", "muted"),
                Span(p["source"], "code"),
                fmt.flag(p["flag"]),
            ]
        )
    if ids:
        columns.insert(0, Column("id"))
        rows = [[p["id"], *row] for p, row in zip(data["projections"], rows, strict=True)]
        return Table(columns, rows)
    used = [c for c in data["codes"] if c["code"] in shown_codes]
    caption = "- : the source gives no figure (Occupation: a broader or unstated group)."
    if used:
        caption += " Codes: " + "; ".join(f"{c['code']} is {c['title']}" for c in used) + "."
    if len(set(shown_codes)) > 1:
        caption += " The occupation's definition changes between rows: compare across a change with care."
    return Table(columns, rows, title="Projections, newest first (each from its own source)", caption=caption)


def _now(data: Mapping[str, Any]) -> list[Block]:
    """The answer first: the newest projection."""
    if not data["projections"]:
        return []
    p = data["projections"][0]
    growth = p["growth"]
    line: list[str | Span] = [
        "Projected growth: ",
        Span(fmt.value(growth), "strong"),
        f" over {_period(p)} ",
        *fmt.cite(growth),
        *fmt.ref(growth),
    ]
    if p["base_employment"]:
        base = p["base_employment"]
        line += [", from ", Span(fmt.value(base), "strong"), f" in {p['start']}", *fmt.ref(base)]
    if p["new_jobs"]:
        line += [": ", Span(fmt.value(p["new_jobs"]), "strong"), " new", *fmt.ref(p["new_jobs"])]
    line += [".", *fmt.ref(p)]
    return [Para(line)]


def build(data: OutlookOut) -> Document:
    doc = Document("Job outlook")
    doc.add(*_now(data))
    drivers = [fmt.sourced_line(d) for d in [*data["drivers"], data["trend"]]]
    doc.add(Bullets(drivers, title="Why demand grows"))
    doc.add(_table(data, ids=False))
    doc.add(
        Bars(
            "Projected growth by period, newest first",
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
    art = data["article_projection"]
    doc.add(Para([Span(f"{_period(art)}: ", "strong"), *spans(fmt.sourced_line(data["comparison"]))]))
    doc.add(Bullets([fmt.figure_line(f) for f in data["employment"]], title="Employment"))
    shown = [f for p in data["projections"] for f in (p["growth"], p["new_jobs"], p["base_employment"]) if f]
    statements = [*data["drivers"], data["trend"], data["comparison"]]
    doc.add(
        Notes(
            fmt.figure_notes(
                [*shown, *data["projections"], *data["employment"], *statements], data["sources"]
            )
        )
    )
    return doc


def records(data: OutlookOut) -> Table:
    return _table(data, ids=True)
