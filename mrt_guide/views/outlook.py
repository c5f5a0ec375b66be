"""``mrt-guide outlook``: the newest projection, why demand grows, projections over time."""

from __future__ import annotations

from typing import Any

from . import fmt
from .doc import Bar, Bars, Block, Bullets, Column, Document, Inline, Notes, Para, Span, Table, spans


def _period(p: dict[str, Any]) -> str:
    return fmt.period(p["growth"])


def _cell(fig: dict[str, Any] | None, marked: bool = False) -> Inline:
    if not fig:
        return Span("-", "muted")
    return [fmt.value(fig, words=False), *(fmt.ref(fig) if marked else [])]


def _source_cell(p: dict[str, Any]) -> Inline:
    cell: list[str | Span] = [Span(p["source"], "code")]
    if p["flag"] != "official":
        cell += [", ", fmt.flag(p["flag"])]
    return cell


def _table(data: dict[str, Any], *, ids: bool) -> Table:
    """Growth by period, with BLS's growth for all occupations, the code and the source."""
    columns = [
        Column("Period", no_wrap=True),
        Column("Growth", "right", no_wrap=True),
        Column("All occupations", "right"),
        Column("Occupation"),
        Column("Source", no_wrap=True),
    ]
    rows: list[list[Inline]] = []
    shown_codes = [fmt.code_of(p["growth"], data["codes"]) for p in data["projections"]]
    for p, code in zip(data["projections"], shown_codes, strict=True):
        marked = not ids
        rows.append(
            [
                [_period(p), *(fmt.ref(p) if marked else [])],
                [fmt.value(p["growth"]), *(fmt.ref(p["growth"]) if marked else [])],
                _cell(p["all_occupations"], marked),
                fmt.code_cell(code),
                _source_cell(p),
            ]
        )
    if ids:
        columns.insert(0, Column("id"))
        rows = [[p["id"], *row] for p, row in zip(data["projections"], rows, strict=True)]
        return Table(columns, rows)
    used = [c for c in data["codes"] if any(c is s for s in shown_codes)]
    caption = "- : the source gives no figure."
    if used:
        caption += " Codes: " + fmt.code_legend(used) + "."
    if len({id(c) for c in shown_codes}) > 1:
        caption += " The occupation's definition changes between rows: compare across a change with care."
    return Table(
        columns, rows, title="Projected growth, newest first (each from its own source)", caption=caption
    )


def _jobs(data: dict[str, Any]) -> Table:
    """The same projections in jobs: employment at the start and the end, the change, openings."""
    columns = [
        Column("Period", no_wrap=True),
        Column("Employed at start", "right"),
        Column("Projected at end", "right"),
        Column("Change", "right"),
        Column("Openings a year", "right"),
    ]
    rows: list[list[Inline]] = [
        [
            _period(p),
            _cell(p["base_employment"], True),
            _cell(p["target_employment"], True),
            _cell(p["new_jobs"], True),
            _cell(p["openings"], True),
        ]
        for p in data["projections"]
    ]
    return Table(
        columns,
        rows,
        title="The same projections in jobs",
        caption="Openings: jobs to fill each year, from growth and from workers who leave or retire.",
    )


def _now(data: dict[str, Any]) -> list[Block]:
    """The answer first: the newest projection, as BLS frames it."""
    if not data["projections"]:
        return []
    p = data["projections"][0]
    growth, everyone = p["growth"], p["all_occupations"]
    line: list[str | Span] = [
        "Projected growth: ",
        Span(fmt.value(growth), "strong"),
        f" over {_period(p)}",
        *fmt.ref(growth),
    ]
    if everyone:
        line += [
            ", against ",
            Span(fmt.value(everyone), "strong"),
            " for all occupations",
            *fmt.ref(everyone),
        ]
    line += [" ", *fmt.cite(growth), "."]
    blocks: list[Block] = [Para(line)]
    facts: list[Inline] = []
    base, target = p["base_employment"], p["target_employment"]
    if base:
        words: list[str | Span] = ["Employment: ", Span(fmt.value(base), "strong"), f" in {p['start']}"]
        words += fmt.ref(base)
        if target:
            words += [", ", Span(fmt.value(target), "strong"), f" projected for {p['end']}", *fmt.ref(target)]
        if p["new_jobs"]:
            words += [
                " (a change of ",
                Span(fmt.value(p["new_jobs"]), "strong"),
                ")",
                *fmt.ref(p["new_jobs"]),
            ]
        facts.append(words)
    if p["openings"]:
        facts.append(
            [
                "Openings: ",
                Span(f"about {fmt.value(p['openings'], words=False)} a year", "strong"),
                ", from growth and from workers who leave or retire",
                *fmt.ref(p["openings"]),
            ]
        )
    if p["education"]:
        facts.append(["Typical education for entry: ", Span(p["education"], "strong")])
    if facts:
        facts[-1] = [*spans(facts[-1]), " ", *fmt.cite(p), *fmt.ref(p)]
        blocks.append(Bullets(facts))
    return blocks


def build(data: dict[str, Any]) -> Document:
    doc = Document("Job outlook")
    doc.add(*_now(data))
    drivers = [fmt.sourced_line(d) for d in [*data["drivers"], data["trend"]]]
    doc.add(Bullets(drivers, title="Why demand grows"))
    doc.add(_table(data, ids=False))
    doc.add(_jobs(data))
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
    shown = [
        f
        for p in data["projections"]
        for f in (
            p["growth"],
            p["all_occupations"],
            p["new_jobs"],
            p["openings"],
            p["base_employment"],
            p["target_employment"],
        )
        if f
    ]
    statements = [*data["drivers"], data["trend"], data["comparison"]]
    doc.add(
        Notes(
            fmt.figure_notes(
                [*shown, *data["projections"], *data["employment"], *statements], data["sources"]
            )
        )
    )
    return doc


def records(data: dict[str, Any]) -> Table:
    return _table(data, ids=True)
