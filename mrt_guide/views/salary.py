"""``mrt-guide salary``: the pay table, bar charts of the spread, what raises pay."""

from __future__ import annotations

from typing import Any

from . import fmt
from .doc import Bar, Bars, Block, Bullets, Document, Heading, Inline, Notes, Para, Span, Table, spans

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
    if data["view"] == "history":
        return f"Median {basis} pay by year"
    return f"Pay figures ({basis})"


def figures_and_bars(data: dict[str, Any]) -> list[Block]:
    """The figures table and, for the history, the bars of the median by year."""
    blocks: list[Block] = [fmt.figure_table(data["figures"], _title(data))]
    if data["view"] == "history" and data["figures"]:
        blocks.append(Bars(_title(data), [_bar(f, fmt.period(f)) for f in data["figures"]]))
    return blocks


def history(data: dict[str, Any]) -> list[tuple[str, list[Block]]]:
    """The pay history's part of the whole guide: its table and chart."""
    return [("Median pay by year", figures_and_bars(data))]


def build(data: dict[str, Any]) -> Document:
    doc = Document("Pay of medical records technicians")
    figures = data["figures"]
    doc.add(*figures_and_bars(data))
    if data["no_hourly_figure"]:
        missing = "; ".join(
            f"{f['label']} ({fmt.period(f)}, {f['source']})" for f in data["no_hourly_figure"]
        )
        doc.add(Para(f"No hourly figure in the dataset for: {missing}.", "muted"))
    for spread in data["spreads"]:
        doc.add(
            Bars(
                spread["title"],
                [_bar(f, MEASURE_LABELS.get(f.get("measure", ""), f["label"])) for f in spread["figures"]],
            )
        )
    doc.add(Bullets([_factor(f) for f in data["factors"]], title="What raises pay"))
    doc.add(*surveys(data))
    shown = figures + [f for s in data["spreads"] for f in s["figures"]] + data["factors"]
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
