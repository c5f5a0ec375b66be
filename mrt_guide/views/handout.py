"""``mrt-guide handout``: the career on one or two printed pages.

Answer first (the quick facts), then the steps and how long each takes, which associate
degree to choose, the credentials, pay, outlook and where people work; every figure with
its year and a compact citation, and the sources listed once at the end.
"""

from __future__ import annotations

from typing import Any

from . import fmt
from .doc import Block, Bullets, Column, Document, Hint, Inline, Para, Section, SourceList, Span, Table
from .facts import lines as fact_lines


def _step(step: dict[str, Any]) -> Inline:
    line: list[str | Span] = [Span(step["title"], "strong")]
    duration = step["duration"]
    if duration["figures"]:
        parts: list[str | Span] = []
        for n, fig in enumerate(duration["figures"]):
            parts += [*(["; "] if n else []), f"{_subject(fig)}: {fmt.value(fig)} ", *fmt.cite(fig)]
        line += [" (", *parts, ")"]
    elif duration["text"]:
        line += [" \u2013 ", duration["text"]]
    return line


def _subject(fig: dict[str, Any]) -> str:
    """``Length of the AS degree`` as a reader scans it in a list: ``AS degree``."""
    label: str = fig["label"]
    for lead in ("Length of a ", "Length of the ", "Length of "):
        if label.startswith(lead):
            return label[len(lead) :]
    return label


def _education(data: dict[str, Any]) -> list[Block]:
    rule, accreditation = data["choice_rule"], data["accreditation"]
    why = accreditation["why"]
    return [
        Para(
            [
                Span(f"{rule['if_bachelor_later']} or {rule['if_no_bachelor_later']}? ", "strong"),
                rule["text"],
                " ",
                *fmt.cite(rule),
            ]
        ),
        Para(
            [
                Span(f"{accreditation['body']}: ", "strong"),
                f"{why['text']} ({accreditation['body']} is the {accreditation['name']}.) ",
                *fmt.cite(why),
            ]
        ),
    ]


def _kept(renewal: dict[str, Any]) -> Inline:
    ceus, cycle = renewal["ceus"], renewal["cycle"]
    if ceus is None:
        return Span("not found", "muted")
    return f"{fmt.value(ceus)} every {fmt.value(cycle)}" if cycle else fmt.value(ceus)


def _credentials(data: dict[str, Any]) -> list[Block]:
    """One row per credential; the sources of the renewal figures cited once, below, by issuer
    (a citation in every row would double the table's height on paper)."""
    rows: list[list[Inline]] = [
        [Span(c["id"], "strong"), f"{c['name']} ({c['issuer']})", c["audience"], _kept(c["renewal"])]
        for c in data["certifications"]
    ]
    columns = [
        Column("Credential", no_wrap=True),
        Column("Name (issuer)"),
        Column("For"),
        Column("Kept with"),
    ]
    cited: dict[tuple[str, str], list[Span]] = {}
    for c in data["certifications"]:
        ceus = c["renewal"]["ceus"]
        if ceus is not None:
            cited.setdefault((c["issuer"], ceus["source"]), fmt.cite(ceus))
    line: list[str | Span] = ["Renewal figures: "]
    for n, ((issuer, _), cite) in enumerate(cited.items()):
        line += [*(["; "] if n else []), f"{issuer} ", *cite]
    return [Table(columns, rows), Para([*line, "."], "muted")]


def _pay(data: dict[str, Any]) -> list[Block]:
    pay = data["pay"]
    blocks: list[Block] = []
    annual, hourly = pay["median_annual"], pay["median_hourly"]
    if annual:
        line: list[str | Span] = ["Median pay: ", Span(fmt.value(annual), "strong")]
        if hourly:
            line += [" (", Span(fmt.value(hourly), "strong"), ")"]
        line += [f" in {fmt.period(annual)}: half earned more, half less. ", *fmt.cite(annual)]
        blocks.append(Para(line))
    else:
        blocks.append(Para(Span("Median pay: not found in the dataset.", "muted")))
    spread = pay["spread"]
    if spread:
        rows: list[list[Inline]] = [
            [f["label"], fmt.value(f), fmt.period(f), fmt.cite(f)] for f in spread["figures"]
        ]
        columns = [Column("What"), Column("Pay", "right", no_wrap=True), Column("Year"), Column("Source")]
        blocks.append(Table(columns, rows, title=f"The newest spread: {spread['title']}"))
    return blocks


def _outlook(data: dict[str, Any]) -> list[Block]:
    facts = data["facts"]
    projection, jobs = facts["projection"], facts["jobs"]
    items: list[Inline] = []
    if jobs:
        items.append(["Jobs: ", Span(fmt.value(jobs), "strong"), f" in {fmt.period(jobs)} ", *fmt.cite(jobs)])
    if projection:
        growth = projection["growth"]
        items.append(
            [
                "Projected growth: ",
                Span(fmt.value(growth), "strong"),
                f" over {fmt.period(growth)} ",
                *fmt.cite(growth),
            ]
        )
        if projection["new_jobs"]:
            new = projection["new_jobs"]
            items.append(["New jobs projected: ", Span(fmt.value(new), "strong"), " ", *fmt.cite(new)])
    return [Bullets(items)] if items else [Para(Span("No projection in the dataset.", "muted"))]


def _employers(data: dict[str, Any]) -> list[Block]:
    employers = data["employers"]
    if not employers:
        return [Para(Span("No shares of jobs by employer in the dataset.", "muted"))]
    first = employers[0]["share"]
    rows: list[list[Inline]] = [[e["employer"], fmt.value(e["share"])] for e in employers]
    table = Table([Column("Employer"), Column("Share of jobs", "right", no_wrap=True)], rows)
    return [table, Para(["Shares of all jobs in ", fmt.period(first), " ", *fmt.cite(first)], "muted")]


def _sources(data: dict[str, Any]) -> list[Block]:
    legend: list[str | Span] = []
    for n, (name, text) in enumerate(fmt.FLAG_NOTES.items()):
        legend += [*(["; "] if n else []), fmt.flag(name), f": {text}"]
    listed = [{"key": key, **source} for key, source in data["sources"].items()]
    return [SourceList(listed, title="Sources"), Para([*legend, "."], "muted")]


def build(data: dict[str, Any]) -> Document:
    doc = Document(f"{data['title']}: the career at a glance")
    doc.add(
        Section("The answer now", [Bullets(fact_lines(data["facts"]))]),
        Section("The steps", [Bullets([_step(s) for s in data["steps"]], numbered=True)]),
        Section("Which degree", _education(data)),
        Section("Credentials", _credentials(data)),
        Section("Pay", _pay(data)),
        Section("Outlook", _outlook(data)),
        Section("Where people work", _employers(data)),
        *_sources(data),
        Hint(
            [
                Span("mrt-guide plan", "code"),
                " makes a dated plan for where you start; ",
                Span("mrt-guide guide", "code"),
                " tells everything.",
            ]
        ),
    )
    return doc


def records(data: dict[str, Any]) -> Table:
    """Every figure the handout shows, once, in reading order."""
    return fmt.every_figure(data)
