"""``mrt-guide salary --state`` and ``--states``: a state's figures beside the national ones,
every state in a chart, and what differs between the figures set side by side."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from . import fmt
from .doc import Bar, Bars, Block, Bullets, Column, Document, Inline, Notes, Para, Span, Table

if TYPE_CHECKING:
    from ..records import StateOut, StatesOut

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


def _codes(data: Mapping[str, Any]) -> dict[str, str]:
    """Source key to the occupation code its figures are for."""
    return {key: code["code"] for code in data["codes"] for key in code["figures_from"]}


def _code(fig: Mapping[str, Any], codes: dict[str, str]) -> Inline:
    return codes.get(fig["source"]) or Span("-", "muted")


def figure_rows(
    figures: Sequence[Mapping[str, Any]], codes: dict[str, str], title: str | None, *, ids: bool = False
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


def _difference(diff: Mapping[str, Any]) -> str:
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


def _pair_line(
    fig: Mapping[str, Any], other: Mapping[str, Any], diffs: Sequence[Mapping[str, Any]]
) -> Inline:
    head: list[str | Span] = [
        Span(f"{fig['label']} {fmt.value(fig)} ({fmt.period(fig)})", "strong"),
        f" beside the national {other['label'].lower()} {fmt.value(other)} ({fmt.period(other)}, ",
        Span(other["source"], "code"),
        "): ",
    ]
    if not diffs:
        return [*head, "the same measure, year, occupation code and flag."]
    return [*head, "; ".join(_difference(d) for d in diffs) + "."]


def _code_notes(data: Mapping[str, Any]) -> list[Inline]:
    return [
        [Span(c["code"] or "No code", "code"), f" = {c['title']}" + (f". {c['note']}" if c["note"] else "")]
        for c in data["codes"]
    ]


def _groups(figures: Sequence[Mapping[str, Any]]) -> list[list[Mapping[str, Any]]]:
    """Figures by source and year, in the order given."""
    groups: dict[tuple[str, int], list[Mapping[str, Any]]] = {}
    for fig in figures:
        groups.setdefault((fig["source"], fig["year"]), []).append(fig)
    return list(groups.values())


def _group_line(first: Mapping[str, Any], codes: dict[str, str], what: str) -> Para:
    code = codes.get(first["source"])
    return Para(
        [
            Span(what, "strong"),
            f": {fmt.period(first)}"
            + (f", occupation code {code}" if code else ", occupation code not recorded")
            + ", ",
            Span(first["source"], "code"),
            " (",
            fmt.flag(first["flag"]),
            ")",
        ]
    )


def _measure_table(figures: Sequence[Mapping[str, Any]]) -> Table:
    """One source's figures for a place: a row per measure, annual and hourly side by side."""
    rows: dict[str, dict[str, Mapping[str, Any]]] = {}
    for fig in figures:
        rows.setdefault(fig["measure"], {})[fig["unit"]] = fig
    body: list[list[Inline]] = []
    for measure in sorted(rows, key=lambda m: list(MEASURES).index(m) if m in MEASURES else 99):
        cells = rows[measure]
        first = next(iter(cells.values()))
        annual = cells.get("usd_per_year") or cells.get("workers")
        hourly = cells.get("usd_per_hour")
        body.append(
            [
                fmt.label(first) if measure == "employment" else MEASURES[measure].capitalize(),
                [fmt.value(annual), *fmt.ref(annual)] if annual else Span("-", "muted"),
                [fmt.value(hourly), *fmt.ref(hourly)] if hourly else Span("-", "muted"),
            ]
        )
    columns = [
        Column("What"),
        Column("Annual", "right", no_wrap=True),
        Column("Hourly", "right", no_wrap=True),
    ]
    return Table(columns, body)


def _area_blocks(data: Mapping[str, Any], codes: dict[str, str]) -> list[Block]:
    """The areas within the state, a table per source: employment, median and mean by area."""
    by_source: dict[tuple[str, int], list[tuple[Mapping[str, Any], dict[str, Mapping[str, Any]]]]] = {}
    for area in data["areas"]:
        for group in _groups(area["figures"]):
            cells = {f"{f['measure']} {f['unit']}": f for f in group}
            by_source.setdefault((group[0]["source"], group[0]["year"]), []).append((area, cells))
    blocks: list[Block] = []
    for areas in by_source.values():
        first = next(iter(areas[0][1].values()))
        blocks.append(_group_line(first, codes, f"Areas in {data['state']['name']}"))
        rows: list[list[Inline]] = []
        for area, cells in areas:
            shown = [cells.get(k) for k in ("employment workers", "median usd_per_year", "mean usd_per_year")]
            name = area["name"] + ("" if area["kind"] == "metro" else " (nonmetro)")
            rows.append([name, *(fmt.value(f, words=False) if f else Span("-", "muted") for f in shown)])
        columns = [
            Column("Area"),
            Column("Employed", "right", no_wrap=True),
            Column("Median", "right", no_wrap=True),
            Column("Mean", "right", no_wrap=True),
        ]
        blocks.append(Table(columns, rows))
    return blocks


def _national_blocks(data: Mapping[str, Any], codes: dict[str, str]) -> list[Block]:
    """The national figures set beside the state's, a small table per source."""
    if not data["national"]:
        return []
    lines: list[Inline] = [_figure_line(f, codes, note=False) for f in data["national"]]
    return [Bullets(lines, title="The United States, for comparison")]


def _state_blocks(data: Mapping[str, Any]) -> list[Block]:
    codes = _codes(data)
    place = data["state"]
    blocks: list[Block] = []
    for group in _groups(place["figures"]):
        blocks += [_group_line(group[0], codes, place["name"]), _measure_table(group)]
    if not place["figures"]:
        hint = "" if data["official_states"] else f" {IMPORT_HINT}"
        blocks.append(Para(f"The dataset has no figure for {place['name']}.{hint}"))
    if place["note"]:
        blocks.append(Para(place["note"], "muted"))
    blocks += _national_blocks(data, codes)
    by_id = {f["id"]: f for f in [*place["figures"], *data["national"]]}
    pairs = [
        _pair_line(by_id[c["figure"]], by_id[c["national"]], c["differences"]) for c in data["comparisons"]
    ]
    if pairs:
        blocks.append(Bullets(pairs, title="What differs"))
    blocks += _area_blocks(data, codes)
    return blocks


def _figure_line(fig: Mapping[str, Any], codes: dict[str, str], *, note: bool = True) -> list[str | Span]:
    """``Employment 21,590 workers (2022, 29-2072) [source, flag]``, and its note marker unless not
    wanted."""
    code = codes.get(fig["source"])
    line: list[str | Span] = [
        f"{fig['label']} ",
        Span(fmt.value(fig), "strong"),
        f" ({fmt.period(fig)}" + (f", {code}" if code else "") + ") ",
        *fmt.cite(fig),
    ]
    return [*line, *fmt.ref(fig)] if note else line


def _series_title(series: Mapping[str, Any]) -> str:
    basis = "annual" if series["unit"] == "usd_per_year" else "hourly"
    what = MEASURES.get(series["measure"], series["measure"]).capitalize()
    what += f" {basis} wage" if series["measure"] != "employment" else ""
    return f"{what} by state, {series['year']}"


def _series_line(series: Mapping[str, Any]) -> Inline:
    code = f", occupation code {series['code']}" if series["code"] else ""
    return [
        f"{_series_title(series)}{code}: {fmt.count(series['states'], 'state', 'states')}, from ",
        Span(series["source"], "code"),
        " (",
        fmt.flag(series["flag"]),
        ").",
    ]


def _states_blocks(data: Mapping[str, Any]) -> list[Block]:
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
    blocks += _other_series(data, codes)
    blocks += _national_blocks(data, codes)
    if not data["official_states"]:
        blocks.append(Para(IMPORT_HINT, "muted"))
    return blocks


SMALL_SERIES = 10
"""A series of at most this many states is listed figure by figure; a larger one in a line."""
LISTED = {("median", "usd_per_year"), ("mean", "usd_per_year"), ("employment", "workers")}


def _key(fig: Mapping[str, Any]) -> tuple[Any, ...]:
    return (fig["source"], fig["year"], fig["measure"], fig["unit"])


def _listed(data: Mapping[str, Any]) -> list[tuple[Mapping[str, Any], Mapping[str, Any] | None]]:
    """The other series worth a line, each with its figures (by state) when it is small:
    annual pay and employment from other sources than the series charted."""
    chosen = data["series"]
    out: list[tuple[Mapping[str, Any], Mapping[str, Any] | None]] = []
    for other in data["other_series"]:
        if other["source"] == chosen["source"] or (other["measure"], other["unit"]) not in LISTED:
            continue
        if other["states"] > SMALL_SERIES:
            out.append((other, None))
            continue
        key = (other["source"], other["year"], other["measure"], other["unit"])
        for row in data["states"]:
            for fig in row["figures"]:
                if _key(fig) == key:
                    out.append((other, {**fig, "state_name": row["name"]}))
    return out


def _other_series(data: Mapping[str, Any], codes: dict[str, str]) -> list[Block]:
    lines: list[Inline] = []
    for other, fig in _listed(data):
        if fig is None:
            lines.append(_series_line(other))
        else:
            lines.append([Span(f"{fig['state_name']}: ", "strong"), *_figure_line(fig, codes)])
    if not lines:
        return []
    return [
        Bullets(lines, title="Other state figures"),
        Para("Every figure for one state: mrt-guide salary --state XX.", "muted"),
    ]


def _shown(data: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The figures to annotate. For every state, a note shared by a series is given once,
    and the notes of the other figures stand beside them (a subject such as 'Mean annual
    wage (2021)' would not say which state)."""
    if data["view"] == "state":
        place = data["state"]
        return [*place["figures"], *data["national"], *(f for a in data["areas"] for f in a["figures"])]
    chosen = [r["figure"] for r in data["states"] if r["figure"] is not None]
    once = list({(f["label"], f["note"]): f for f in reversed(chosen)}.values())
    others = [{**fig, "note": None} for _, fig in _listed(data) if fig is not None] if chosen else []
    return [*once, *others, *data["national"]]


def _blocks(data: Mapping[str, Any]) -> list[Block]:
    blocks = _state_blocks(data) if data["view"] == "state" else _states_blocks(data)
    notes = _code_notes(data) + fmt.figure_notes(_shown(data), data.get("sources", {}))
    blocks.append(Notes(notes))
    return blocks


def build(data: StateOut | StatesOut) -> Document:
    if data["view"] == "state":
        title = f"Pay in {data['state']['name']} ({data['state']['state']})"
    else:
        title = "Pay by state"
    doc = Document(title)
    doc.add(*_blocks(data))
    return doc


def part(data: Mapping[str, Any]) -> list[tuple[str, list[Block]]]:
    """Pay by state in the whole guide (which lists the sources once, at its end)."""
    return [("Pay by state", _blocks(data))]


def records(data: StateOut | StatesOut) -> Table:
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
