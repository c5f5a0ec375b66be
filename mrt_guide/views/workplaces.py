"""``mrt-guide workplaces``: where technicians work, the share of jobs and pay by setting."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from . import fmt
from .doc import Bar, Bars, Bullets, Column, Document, Inline, Notes, Table

if TYPE_CHECKING:
    from ..records import WorkplacesOut


def _settings(data: Mapping[str, Any], *, ids: bool) -> Table:
    columns = [Column("Setting"), Column("Share of jobs", "right"), Column("Mean annual wage", "right")]
    rows: list[list[Inline]] = []
    for s in data["settings"]:
        shares = "; ".join(
            f"{fmt.value(e['share'])} ({fmt.period(e['share'])})" for e in s["employer_shares"]
        )
        wages = "; ".join(
            f"{fmt.value(i['mean_wage'])} ({fmt.period(i['mean_wage'])})" for i in s["industries"]
        )
        rows.append([s["id"] if ids else s["name"], shares or "-", wages or "-"])
    if ids:
        columns[0] = Column("id")
        columns.insert(1, Column("Setting"))
        rows = [[row[0], s["name"], *row[1:]] for row, s in zip(rows, data["settings"], strict=True)]
    return Table(columns, rows, title=None if ids else "Settings, with their share of jobs and pay")


def _cites(records: Sequence[Mapping[str, Any]]) -> str:
    """``[source, flag]`` for each distinct citation of ``records``."""
    return " ".join(dict.fromkeys(fmt.cite_text(r) for r in records))


def _years(figures: Any) -> str:
    return ", ".join(dict.fromkeys(fmt.period(f) for f in figures))


def build(data: WorkplacesOut) -> Document:
    """Where they work: the shares of jobs (one year, one source) first, then the industries
    with their wages (another year, in a table of their own), then the settings named, each
    figure shown once."""
    doc = Document("Where medical records technicians work")
    shares = data["employer_shares"]
    if shares:
        doc.add(
            Bars(
                f"Share of jobs by employer, {_years(e['share'] for e in shares)} "
                f"{_cites([e['share'] for e in shares])}",
                [Bar(e["employer"], e["share"]["value"], fmt.value(e["share"])) for e in shares],
            )
        )
    doc.add(
        Table(
            [
                Column("Industry"),
                Column("Employment", "right", no_wrap=True),
                Column("Mean annual wage", "right", no_wrap=True),
            ],
            [
                [i["industry"], fmt.value(i["employment"]), fmt.value(i["mean_wage"])]
                for i in data["industries"]
            ],
            title=f"Largest employing industries, {_years(i['employment'] for i in data['industries'])} "
            f"{_cites([i['employment'] for i in data['industries']])}",
        )
    )
    factor = data["pay_by_setting"]
    doc.add(Bullets([fmt.sourced_line(factor)], title="Pay by setting (the wages are in the table above)"))
    doc.add(Bullets([fmt.sourced_line(e) for e in data["environment"]], title="The work environment"))
    settings: list[Inline] = [[s["name"], *fmt.ref(s)] for s in data["settings"]]
    doc.add(Bullets(settings, title=f"Settings that hire them {_cites(data['settings'])}"))
    figures = [e["share"] for e in shares] + [
        f for i in data["industries"] for f in (i["employment"], i["mean_wage"])
    ]
    doc.add(Notes(fmt.figure_notes(figures + data["settings"] + [factor], data["sources"])))
    return doc


def records(data: WorkplacesOut) -> Table:
    return _settings(data, ids=True)
