"""``mrt-guide careers``: a table of where the career leads, then each occupation in full."""

from __future__ import annotations

from typing import Any

from . import fmt
from .doc import Block, Bullets, Column, Document, Inline, Notes, Panel, Para, Span, Table, spans


def _title(c: dict[str, Any]) -> str:
    return f"{c['title']} ({c['soc']})" if c["soc"] else c["title"]


def _pay_cell(c: dict[str, Any]) -> str:
    """The pay column: the BLS median, else the first survey average (labelled), else none."""
    if c["pay"]:
        flag = "" if c["pay"]["flag"] == "official" else f", {c['pay']['flag']}"
        return f"{fmt.value(c['pay'])} ({fmt.period(c['pay'])}{flag})"
    if c["survey_pay"]:
        first = c["survey_pay"][0]
        return f"{fmt.value(first['figure'])} average, members' survey ({first['year']})"
    return "none published"


def _growth_cell(c: dict[str, Any], period: str | None) -> str:
    """The growth, with its period where it is not the table's."""
    growth = c.get("growth")
    if not growth:
        return "-"
    return (
        fmt.value(growth) if fmt.period(growth) == period else f"{fmt.value(growth)} ({fmt.period(growth)})"
    )


def _table(data: dict[str, Any]) -> Table:
    rows: list[list[Inline]] = []
    home = data.get("home")
    period = fmt.period(home["growth"]) if home and home["growth"] else None
    if home:
        rows.append(
            [
                [Span(home["title"], "strong"), Span(" (this guide)", "muted")],
                home["soc"] or fmt.UNSTATED,
                _pay_cell({**home, "survey_pay": []}),
                _growth_cell(home, period),
                home["credential"] or "-",
            ]
        )
    for c in data["careers"]:
        ways = [ref["args"][0] for lead in c["way_in"] for ref in lead["links"] if ref["command"] == "certs"]
        rows.append(
            [
                Span(c["title"], "strong"),
                c["soc"] or "none",
                _pay_cell(c),
                _growth_cell(c, period),
                ", ".join(ways) or "-",
            ]
        )
    columns = [
        Column("Career"),
        Column("BLS code", no_wrap=True),
        Column("Pay", "right"),
        Column(f"Growth {period}" if period else "Growth", "right"),
        Column("Credential"),
    ]
    caption = "Pay: the median (official unless the cell says otherwise); growth: BLS's projection."
    return Table(columns, rows, title="At a glance", caption=caption)


def _lines(c: dict[str, Any]) -> list[Inline]:
    lines: list[Inline] = []
    if c["pay"]:
        lines.append(fmt.figure_line(c["pay"]))
    for paid in c["survey_pay"]:
        survey = Span(f"; {paid['title']}: {paid['population']}", "muted")
        lines.append([*spans(fmt.figure_line(paid["figure"])), survey])
    if not c["pay"] and not c["survey_pay"]:
        lines.append(Span("Median pay: none published (see below).", "warn"))
    if c["growth"]:
        lines.append(fmt.figure_line(c["growth"]))
    if c["education"]:
        lines.append([Span("Education: ", "strong"), *spans(fmt.sourced_line(c["education"]))])
    for lead in c["way_in"]:
        line: list[Any] = [Span("Way in: ", "strong"), *spans(fmt.sourced_line(lead))]
        for ref in lead["links"]:
            line += ["  → ", Span(fmt.command(ref), "code")]
        lines.append(line)
    if not c["way_in"]:
        lines.append(Span("Way in: the dataset names no credential or degree for it.", "muted"))
    if c["plan"]:
        lines.append([Span("Plan it: ", "strong"), Span(fmt.command(c["plan"]), "code")])
    lines += [fmt.sourced_line(n) for n in c["notes"]]
    for ref in c["see"]:
        lines.append([Span("More: ", "strong"), Span(fmt.command(ref), "code")])
    return lines


def one(c: dict[str, Any]) -> list[Block]:
    """One career: what it is, then its figures, education, way in and plan."""
    return [Para(fmt.sourced_line({**c, "text": c["summary"], "note": None})), Bullets(_lines(c))]


def _shown(careers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every sourced record the careers show, for the notes."""
    found: list[dict[str, Any]] = []
    for c in careers:
        found += [c, *[f for f in (c["pay"], c["growth"], c["education"]) if f], *c["way_in"], *c["notes"]]
        found += [p["figure"] for p in c["survey_pay"]]
    return found


def build(data: dict[str, Any]) -> Document:
    if "career" in data:
        c = data["career"]
        doc = Document(_title(c))
        doc.add(Panel(_title(c), one(c), subtitle=fmt.cite_text(c)))
        doc.add(Notes(fmt.figure_notes(_shown([c]), data["sources"])))
        return doc
    doc = Document("Where the career leads")
    if not data["careers"]:
        return doc.add(Para("This dataset has no careers (careers.json is missing or empty).", "muted"))
    doc.add(_table(data))
    for c in data["careers"]:
        doc.add(Panel(_title(c), one(c), subtitle=fmt.cite_text(c)))
    if data["not_found"]:
        doc.add(Bullets([Span(f"Not known: {item}", "warn") for item in data["not_found"]]))
    doc.add(Notes(fmt.figure_notes(_shown(data["careers"]), data["sources"])))
    return doc


def records(data: dict[str, Any]) -> Table:
    """One row per career: its pay figure (or first survey figure), year, source and flag."""
    careers = [data["career"]] if "career" in data else data["careers"]
    rows: list[list[Inline]] = []
    for c in careers:
        pay = c["pay"] or (c["survey_pay"][0]["figure"] if c["survey_pay"] else None)
        rows.append(
            [
                c["id"],
                c["title"],
                c["soc"] or "",
                "" if pay is None else fmt.value(pay),
                "" if pay is None else fmt.period(pay),
                "" if pay is None else pay["measure"] or "",
                "" if pay is None else pay["source"],
                "" if pay is None else pay["flag"],
                c["goal"] or "",
            ]
        )
    columns = [
        Column("id"),
        Column("Career"),
        Column("SOC"),
        Column("Pay"),
        Column("Year"),
        Column("Measure"),
        Column("Source"),
        Column("Flag"),
        Column("Plan goal"),
    ]
    return Table(columns, rows)
