"""``mrt-guide salary --state`` and ``--states``: a state's figures beside the national ones,
every state in a chart, and what differs between the figures set side by side."""

from __future__ import annotations

from typing import Any

from . import fmt
from .doc import Bar, Bars, Block, Bullets, Column, Document, Inline, Notes, Para, Span, Table

MEASURES = {
    "median": "median",
    "mean": "mean",
    "p10": "10th percentile",
    "p25": "25th percentile",
    "p75": "75th percentile",
    "p90": "90th percentile",
    "employment": "employment",
}
IMPORT_HINT = "Import BLS's own state file for official figures: mrt-guide data import-oews FILE."


def _codes(data: dict[str, Any]) -> dict[str, str]:
    """Source key to the occupation code its figures are for."""
    return {key: code["code"] for code in data["codes"] for key in code["figures_from"]}


def _code(fig: dict[str, Any], codes: dict[str, str]) -> Inline:
    return codes.get(fig["source"]) or Span("-", "muted")


def figure_rows(
    figures: list[dict[str, Any]], codes: dict[str, str], title: str | None, *, ids: bool = False
) -> Table:
    """Figures with the occupation code they are for: what, value, year, code, source, flag."""
    columns = [
        Column("What"),
        Column("Value", "right", no_wrap=True),
        Column("Year", no_wrap=True),
        Column("Code", no_wrap=True),
        Column("Source", no_wrap=True),
        Column("Flag", no_wrap=True),
    ]
    rows: list[list[Inline]] = [
        [
            fmt.label(f),
            fmt.value(f),
            fmt.period(f),
            _code(f, codes),
            Span(f["source"], "code"),
            fmt.flag(f["flag"]),
        ]
        for f in figures
    ]
    if ids:
        columns.insert(0, Column("id"))
        rows = [[f["id"], *row] for f, row in zip(figures, rows, strict=True)]
    return Table(columns, rows, title=title)


def _measure(measure: str) -> str:
    """A measure in words, with what a mean or a median is."""
    return {"mean": "mean (the average)", "median": "median (the middle wage)"}.get(
        measure, MEASURES.get(measure, measure)
    )


def _difference(diff: dict[str, Any]) -> str:
    what, mine, theirs = diff["what"], diff["state"], diff["national"]
    if what == "measure":
        return f"a {_measure(mine)} here, a {_measure(theirs)} there"
    if what == "year":
        return f"another year ({mine} here, {theirs} there)"
    if what == "code":
        if mine is None or theirs is None:
            known, side = (mine, "the national figure") if theirs is None else (theirs, "this figure")
            return f"the occupation code is {known} on one side and not recorded for {side}"
        return f"another occupation code ({mine} here, {theirs} there)"
    return f"flagged {mine} here, {theirs} there"


def _pair_line(fig: dict[str, Any], other: dict[str, Any], diffs: list[dict[str, Any]]) -> Inline:
    head: list[str | Span] = [
        Span(f"{fig['label']} {fmt.value(fig)} ({fmt.period(fig)})", "strong"),
        f" beside the national {other['label'].lower()} {fmt.value(other)} ({fmt.period(other)}, ",
        Span(other["source"], "code"),
        "): ",
    ]
    if not diffs:
        return [*head, "the same measure, year, occupation code and flag."]
    return [*head, "; ".join(_difference(d) for d in diffs) + "."]


def _code_notes(data: dict[str, Any]) -> list[Inline]:
    return [
        [Span(c["code"], "code"), f" = {c['title']}" + (f". {c['note']}" if c["note"] else "")]
        for c in data["codes"]
    ]


def _area_table(data: dict[str, Any], codes: dict[str, str]) -> Table:
    rows: list[list[Inline]] = []
    for area in data["areas"]:
        kind = "metro area" if area["kind"] == "metro" else "nonmetro area"
        for fig in area["figures"]:
            rows.append(
                [
                    area["name"],
                    kind,
                    fmt.label(fig),
                    fmt.value(fig),
                    fmt.period(fig),
                    Span(fig["source"], "code"),
                    fmt.flag(fig["flag"]),
                ]
            )
    columns = [
        Column("Area"),
        Column("Kind"),
        Column("What"),
        Column("Value", "right", no_wrap=True),
        Column("Year", no_wrap=True),
        Column("Source", no_wrap=True),
        Column("Flag", no_wrap=True),
    ]
    return Table(columns, rows, title=f"Areas in {data['state']['name']}")


def _state_blocks(data: dict[str, Any]) -> list[Block]:
    codes = _codes(data)
    place = data["state"]
    blocks: list[Block] = []
    if place["figures"]:
        blocks.append(figure_rows(place["figures"], codes, place["name"]))
    else:
        blocks.append(Para(f"The dataset has no figure for {place['name']}. {IMPORT_HINT}"))
    if place["note"]:
        blocks.append(Para(place["note"], "muted"))
    if data["national"]:
        blocks.append(figure_rows(data["national"], codes, "The United States, for comparison"))
    by_id = {f["id"]: f for f in [*place["figures"], *data["national"]]}
    pairs = [
        _pair_line(by_id[c["figure"]], by_id[c["national"]], c["differences"]) for c in data["comparisons"]
    ]
    if pairs:
        blocks.append(Bullets(pairs, title="What differs"))
    if data["areas"]:
        blocks.append(_area_table(data, codes))
    return blocks


def _figure_line(fig: dict[str, Any], codes: dict[str, str]) -> list[str | Span]:
    """``Employment 21,590 workers (2022, 29-2072, source, flag)``."""
    code = codes.get(fig["source"])
    line: list[str | Span] = [
        f"{fig['label']} ",
        Span(fmt.value(fig), "strong"),
        f" ({fmt.period(fig)}, " + (f"{code}, " if code else ""),
        Span(fig["source"], "code"),
        ", ",
        fmt.flag(fig["flag"]),
        ")",
    ]
    if fig["note"]:
        line.append(Span(f" {fig['note']}", "muted"))
    return line


def _series_title(series: dict[str, Any]) -> str:
    basis = "annual" if series["unit"] == "usd_per_year" else "hourly"
    what = MEASURES.get(series["measure"], series["measure"]).capitalize()
    what += f" {basis} wage" if series["measure"] != "employment" else ""
    return f"{what} by state, {series['year']}"


def _series_line(series: dict[str, Any]) -> Inline:
    code = f", occupation code {series['code']}" if series["code"] else ""
    return [
        f"{_series_title(series)}{code}: {fmt.count(series['states'], 'state', 'states')}, from ",
        Span(series["source"], "code"),
        " (",
        fmt.flag(series["flag"]),
        ").",
    ]


def _states_blocks(data: dict[str, Any]) -> list[Block]:
    codes = _codes(data)
    series = data["series"]
    blocks: list[Block] = []
    if series is None:
        blocks.append(Para(f"The dataset has no state figures. {IMPORT_HINT}"))
        return blocks
    blocks.append(Para(_series_line(series)))
    ranked = [r for r in data["states"] if r["figure"] is not None]
    blocks.append(
        Bars(
            _series_title(series),
            [Bar(r["name"], r["figure"]["value"], fmt.value(r["figure"])) for r in ranked],
        )
    )
    missing = [r["name"] for r in data["states"] if r["figure"] is None]
    if missing:
        blocks.append(Para(f"No figure in this series: {', '.join(missing)}.", "muted"))
    chosen = {r["figure"]["id"] for r in ranked}
    others: list[Inline] = [
        [Span(f"{r['name']}: ", "strong"), *_figure_line(f, codes)]
        for r in data["states"]
        for f in r["figures"]
        if f["id"] not in chosen
    ]
    if others:
        blocks.append(Bullets(others, title="Other state figures"))
    if data["national"]:
        blocks.append(figure_rows(data["national"], codes, "The United States, for comparison"))
    if series["flag"] != "official":
        blocks.append(Para(IMPORT_HINT, "muted"))
    return blocks


def _shown(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The figures to annotate. For every state, a note shared by a series is given once,
    and the notes of the other figures stand beside them (a subject such as 'Mean annual
    wage (2021)' would not say which state)."""
    if data["view"] == "state":
        place = data["state"]
        return [*place["figures"], *data["national"], *(f for a in data["areas"] for f in a["figures"])]
    chosen = [r["figure"] for r in data["states"] if r["figure"] is not None]
    once = list({(f["label"], f["note"]): f for f in reversed(chosen)}.values())
    others = [
        {**f, "note": None}
        for r in data["states"]
        for f in r["figures"]
        if r["figure"] is None or f["id"] != r["figure"]["id"]
    ]
    return [*once, *others, *data["national"]]


def _blocks(data: dict[str, Any]) -> list[Block]:
    blocks = _state_blocks(data) if data["view"] == "state" else _states_blocks(data)
    notes = _code_notes(data) + fmt.figure_notes(_shown(data), data.get("sources", {}))
    blocks.append(Notes(notes))
    return blocks


def build(data: dict[str, Any]) -> Document:
    if data["view"] == "state":
        title = f"Pay in {data['state']['name']} ({data['state']['state']})"
    else:
        title = "Pay by state"
    doc = Document(title)
    doc.add(*_blocks(data))
    return doc


def part(data: dict[str, Any]) -> list[tuple[str, list[Block]]]:
    """Pay by state in the whole guide (which lists the sources once, at its end)."""
    return [("Pay by state", _blocks(data))]


def records(data: dict[str, Any]) -> Table:
    """One row per state (``--states``) or per figure shown (``--state``)."""
    codes = _codes(data)
    if data["view"] == "state":
        place = data["state"]
        figures = [*place["figures"], *data["national"], *(f for a in data["areas"] for f in a["figures"])]
        return figure_rows(figures, codes, None, ids=True)
    columns = [
        Column("id"),
        Column("State"),
        Column("Rank", "right"),
        Column("Value", "right"),
        Column("What"),
        Column("Year"),
        Column("Code"),
        Column("Source"),
        Column("Flag"),
    ]
    rows: list[list[Inline]] = []
    for r in data["states"]:
        f = r["figure"]
        if f is None:
            rows.append([r["state"], r["name"], "-", "-", "-", "-", "-", "-", "-"])
        else:
            rows.append(
                [
                    r["state"],
                    r["name"],
                    str(r["rank"]),
                    fmt.value(f),
                    f["label"],
                    fmt.period(f),
                    _code(f, codes),
                    f["source"],
                    f["flag"],
                ]
            )
    return Table(columns, rows)
