"""``mrt-guide facts``: the current answer on one screen (at most 30 lines at 80 columns)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from . import fmt
from .doc import Block, Bullets, Document, Hint, Inline, Panel, Span, Table

if TYPE_CHECKING:
    from ..records import FactsOut


def lines(data: Mapping[str, Any]) -> list[Inline]:
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
    if data["entry"]:
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
    projection = data["projection"]
    if projection:
        growth = projection["growth"]
        lines.append(
            [
                "Outlook: ",
                Span(f"{fmt.value(growth)} growth", "strong"),
                f", {fmt.period(growth)} ",
                *fmt.cite(growth),
            ]
        )
    if data.get("employers"):
        shares = [f"{e['employer']} {fmt.value(e['share'])}" for e in data["employers"]]
        first = data["employers"][0]["share"]
        lines.append(["Where they work: ", "; ".join(shares), f" ({fmt.period(first)}) ", *fmt.cite(first)])
    return lines


def build(data: FactsOut) -> Document:
    doc = Document(f"{data['title']}: quick facts")
    body: list[Block] = [Bullets(lines(data))]
    doc.add(Panel("The answer now", body))
    nexts: list[str | Span] = ["Next: "]
    for n, link in enumerate(data["next"]):
        nexts += [*([", "] if n else []), Span(fmt.command(link), "code")]
    doc.add(Hint(nexts))
    return doc


def records(data: FactsOut) -> Table:
    """Every figure the facts show, once, in reading order."""
    return fmt.every_figure(data)
