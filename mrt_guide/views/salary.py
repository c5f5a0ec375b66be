"""``mrt-guide salary``: the pay table, bar charts of the spread, what raises pay."""

from __future__ import annotations

from typing import Any

from . import fmt
from .doc import (
    Bar,
    Bars,
    Block,
    Bullets,
    Column,
    Document,
    Heading,
    Inline,
    Notes,
    Para,
    Span,
    Table,
    spans,
    together,
)

MEASURE_LABELS = {
    "p10": "10th percentile",
    "p25": "25th percentile",
    "median": "median",
    "p75": "75th percentile",
    "p90": "90th percentile",
    "mean": "mean",
}


def _bar(fig: dict[str, Any], label: str) -> Bar:
    note = "" if fig["flag"] == "official" else f"({fig['flag']})"
    return Bar(label, fig["value"], fmt.value(fig), note)


def _factor(factor: dict[str, Any]) -> Inline:
    line = spans(fmt.sourced_line(factor))
    if factor["evidence"]:
        line.append(Span(" Evidence: ", "strong"))
        line.append(
            Span(
                "; ".join(
                    f"{f['label']} {fmt.value(f)} ({fmt.period(f)}, {f['source']})"
                    for f in factor["evidence"]
                )
                + "."
            )
        )
    return line


def _title(data: dict[str, Any]) -> str:
    basis = "hourly" if data["basis"] == "hourly" else "annual"
    return f"Median {basis} pay{' by year' if data['view'] == 'history' else ''}, newest first"


def medians(data: dict[str, Any]) -> list[Block]:
    """The medians, newest first, each with the occupation code it is for; where the code
    changes between rows, the table and the chart say so."""
    figures, codes = data["figures"], data["codes"]
    if not figures:
        return [Para(Span("No median in the dataset.", "muted"))]
    shown_codes = [fmt.code_of(f, codes) for f in figures]
    labels = [fmt.code_cell(c) for c in shown_codes]
    rows: list[list[Inline]] = [
        [
            fmt.period(f),
            [fmt.value(f), *fmt.ref(f)],
            label,
            Span(f["source"], "code"),
            fmt.flag(f["flag"]),
        ]
        for f, label in zip(figures, labels, strict=True)
    ]
    columns = [
        Column("Year", no_wrap=True),
        Column("Median", "right", no_wrap=True),
        Column("Occupation"),
        Column("Source", no_wrap=True),
        Column("Flag", no_wrap=True),
    ]
    used = [c for c in codes if any(c is s for s in shown_codes)]
    caption = None
    if len(set(labels)) > 1:
        caption = (
            "The occupation's definition changes between these rows: "
            + fmt.code_legend(used)
            + (f"; {fmt.UNSTATED}: the source does not say" if None in shown_codes else "")
            + ". Compare across a change with care."
        )
    blocks: list[Block] = [Table(columns, rows, title=_title(data), caption=caption)]
    if data["view"] == "history":
        bars, last = [], ""
        for f, label in zip(figures, labels, strict=True):
            note = " ".join(
                p
                for p in ("" if f["flag"] == "official" else f"({f['flag']})", "" if label == last else label)
                if p
            )
            bars.append(Bar(fmt.period(f), f["value"], fmt.value(f), note))
            last = label
        blocks.append(Bars("The same medians, drawn to scale (occupation code where it changes)", bars))
    if data.get("also"):
        blocks.append(
            Bullets(
                [
                    [*spans(fmt.label(f)), ": ", Span(fmt.value(f)), f" ({fmt.period(f)}) ", *fmt.cite(f)]
                    for f in data["also"]
                ],
                title="Also published for these years (the table shows one figure a year)",
            )
        )
    return blocks


def history(data: dict[str, Any]) -> list[tuple[str, list[Block]]]:
    """The pay history's part of the whole guide: its table and chart."""
    return [("Median pay by year", medians(data))]


def _now(data: dict[str, Any]) -> Para | None:
    """The answer first: the newest median, with its hourly twin where the records hold it."""
    if not data["figures"]:
        return None
    newest = data["figures"][0]
    return Para(
        [
            "Median pay now: ",
            Span(fmt.value(newest), "strong"),
            f" in {fmt.period(newest)} ",
            *fmt.cite(newest),
            ": half of these workers earned more, half less.",
        ]
    )


def build(data: dict[str, Any]) -> Document:
    doc = Document("Pay of medical records technicians")
    if data["view"] == "headline":
        doc.add(_now(data))
    doc.add(*medians(data))
    if data["no_hourly_figure"]:
        missing = "; ".join(
            f"{f['label']} ({fmt.period(f)}, {f['source']})" for f in data["no_hourly_figure"]
        )
        doc.add(Para(f"No hourly figure in the dataset for: {missing}.", "muted"))
    charts = [
        Bars(
            f"{spread['title']}",
            [_bar(f, MEASURE_LABELS.get(f.get("measure", ""), f["label"])) for f in spread["figures"]],
        )
        for spread in data["spreads"]
    ]
    if charts:
        doc.add(Heading("Spread of pay, newest first", 2), *together(*charts))
    if data["others"]:
        doc.add(Bullets([fmt.figure_line(f) for f in data["others"]], title="Other measures (not medians)"))
    doc.add(Bullets([_factor(f) for f in data["factors"]], title="What raises pay"))
    doc.add(*surveys(data))
    shown = (
        data["figures"]
        + data.get("also", [])
        + data["others"]
        + [f for s in data["spreads"] for f in s["figures"]]
        + data["factors"]
    )
    doc.add(Notes(fmt.figure_notes(shown, data["sources"])))
    return doc


def surveys(data: dict[str, Any]) -> list[Block]:
    """Members' salary surveys, apart from the figures above: each survey says who answered,
    then its averages (annual only)."""
    if not data.get("surveys"):
        return []
    if data["basis"] == "hourly":
        return [
            Para("The members' salary surveys give annual figures only: see 'mrt-guide salary'.", "muted")
        ]
    blocks: list[Block] = [Heading("Salary surveys of members: averages they reported, not BLS figures", 2)]
    for survey in data["surveys"]:
        lines: list[Inline] = [fmt.figure_line(f) for f in survey["figures"]]
        if survey["note"]:
            lines.append(Span(survey["note"], "muted"))
        blocks.append(Bullets(lines, title=f"{survey['title']}, {survey['year']}: {survey['population']}"))
    return blocks


def records(data: dict[str, Any]) -> Table:
    return fmt.figure_table(data["figures"], ids=True)
