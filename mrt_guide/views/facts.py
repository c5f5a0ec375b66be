"""``mrt-guide facts``: the current answer on one screen (at most 30 lines at 80 columns)."""

from __future__ import annotations

from typing import Any

from . import fmt
from .doc import Block, Bullets, Document, Hint, Inline, Panel, Span, Table


def lines(data: dict[str, Any]) -> list[Inline]:
    """The answer in a few lines: pay, the way in, the credential, jobs, outlook and (when
    ``data`` holds them) where people work, each with its year and source."""
    lines: list[Inline] = []
    annual, hourly = data["median_annual"], data["median_hourly"]
    if annual:
        line: list[str | Span] = ["Median pay: ", Span(fmt.value(annual), "strong")]
        if hourly:
            line += [", ", Span(fmt.value(hourly), "strong")]
        lines.append([*line, f" in {fmt.period(annual)} ", *fmt.cite(annual)])
    route, credential = data["route"], data["credential"]
    if route:
        line = ["Way in: ", Span(route["name"], "strong")]
        if route["duration"]:
            line += [", ", Span(fmt.value(route["duration"]), "strong"), " ", *fmt.cite(route["duration"])]
        lines.append(line)
    projection = data["projection"]
    if projection and projection["education"]:
        lines.append(
            [
                "Typical entry: ",
                Span(projection["education"], "strong"),
                f" (BLS, {fmt.period(projection['growth'])}) ",
                *fmt.cite(projection),
            ]
        )
    elif data["entry"]:
        lines.append(["Typical entry: ", data["entry"]["text"], " ", *fmt.cite(data["entry"])])
    if credential:
        renewal = credential["renewal"]
        lines.append(
            [
                "Credential: ",
                Span(credential["id"], "strong"),
                f" ({credential['name']}, {credential['issuer']}); kept with ",
                Span(f"{fmt.value(renewal['ceus'])} every {fmt.value(renewal['cycle'])}", "strong"),
                " ",
                *fmt.cite(renewal["ceus"]),
            ]
        )
    if data["jobs"]:
        jobs = data["jobs"]
        lines.append(["Jobs: ", Span(fmt.value(jobs), "strong"), f" in {fmt.period(jobs)} ", *fmt.cite(jobs)])
    if projection:
        lines.append(["Outlook: ", *outlook_line(projection)])
    if data.get("employers"):
        shares = [f"{e['employer']} {fmt.value(e['share'])}" for e in data["employers"]]
        first = data["employers"][0]["share"]
        lines.append(["Where they work: ", "; ".join(shares), f" ({fmt.period(first)}) ", *fmt.cite(first)])
    return lines


def outlook_line(projection: dict[str, Any]) -> list[str | Span]:
    """The projection in one line, as BLS frames it: growth against all occupations, and the
    openings a year (what a job seeker meets), cited once."""
    growth, everyone, openings = projection["growth"], projection["all_occupations"], projection["openings"]
    line: list[str | Span] = [Span(f"{fmt.value(growth)} growth", "strong"), f", {fmt.period(growth)}"]
    if everyone:
        line += [f" (all occupations: {fmt.value(everyone)})"]
    base, target, change = (
        projection["base_employment"],
        projection["target_employment"],
        projection["new_jobs"],
    )
    if base and target:
        line += [f", {fmt.value(base, words=False)} to {fmt.value(target)}"]
        if change:
            line += [f" ({fmt.value(change, words=False)} more)"]
    if openings:
        line += ["; ", Span(f"{fmt.value(openings, words=False)} openings a year", "strong")]
    return [*line, " ", *fmt.cite(growth), *fmt.ref(projection)]


def build(data: dict[str, Any]) -> Document:
    doc = Document(f"{data['title']}: quick facts")
    body: list[Block] = [Bullets(lines(data))]
    doc.add(Panel("The answer now", body))
    nexts: list[str | Span] = ["Next: "]
    for n, link in enumerate(data["next"]):
        nexts += [*([", "] if n else []), Span(fmt.command(link), "code")]
    doc.add(Hint(nexts))
    return doc


def records(data: dict[str, Any]) -> Table:
    """Every figure the facts show, once, in reading order."""
    return fmt.every_figure(data)
