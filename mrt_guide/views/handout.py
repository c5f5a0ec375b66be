"""``mrt-guide handout``: the career on one or two printed pages.

Answer first (the quick facts), then the steps and how long each takes, which associate
degree to choose, the credentials, pay, outlook and where people work; every figure with
its year and a compact citation, and the sources listed once at the end.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from . import fmt
from .certs import renewal
from .doc import Block, Bullets, Column, Document, Hint, Inline, Para, Section, SourceList, Span, Table
from .facts import lines as fact_lines

if TYPE_CHECKING:
    from ..records import HandoutOut


def _step(step: Mapping[str, Any]) -> Inline:
    line: list[str | Span] = [Span(step["title"], "strong")]
    duration = step["duration"]
    if duration["figures"]:
        parts: list[str | Span] = []
        for n, fig in enumerate(duration["figures"]):
            parts += [*(["; "] if n else []), f"{_subject(fig)}: {fmt.value(fig)} ", *fmt.cite(fig)]
        line += [" (", *parts, ")"]
    elif duration["text"]:
        line += [" \u2013 ", duration["text"]]
    # on paper, where a program does not lead in full, and the credentials it lets you sit by name
    for lead in step["leads"]:
        if not lead["qualifies"]:
            line += [" ", Span(f"{lead['degree']}:", "strong"), " ", lead["text"], " ", *fmt.cite(lead)]
    sits = [lead for lead in step["leads"] if lead["qualifies"]]
    for n, lead in enumerate(sits):
        names = " or the ".join(lead["certifications"])
        line += [" It lets you sit the " if n == 0 else " or the ", names, " ", *fmt.cite(lead)]
    if sits:
        line.append(".")
    return line


def _subject(fig: Mapping[str, Any]) -> str:
    """``Length of the AS degree`` as a reader scans it in a list: ``AS degree``."""
    label: str = fig["label"]
    for lead in ("Length of a ", "Length of the ", "Length of "):
        if label.startswith(lead):
            return label[len(lead) :]
    return label


def _education(data: Mapping[str, Any]) -> list[Block]:
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


def _credentials(data: Mapping[str, Any]) -> list[Block]:
    """One table per issuer, a row per credential; the sources of the renewal figures cited
    once, below each table (a citation in every row would double its height on paper)."""
    blocks: list[Block] = []
    columns = [Column("Credential"), Column("For"), Column("Kept with", no_wrap=True)]
    for issuer in data["issuers"]:
        held = [c for c in data["certifications"] if c["issuer"] == issuer["id"]]
        if not held:
            continue
        rows: list[list[Inline]] = [
            [[Span(c["id"], "strong"), f" {c['name']}"], c["audience"], renewal(c)] for c in held
        ]
        named = issuer["id"] if issuer["name"] == issuer["id"] else f"{issuer['id']} ({issuer['name']})"
        cited = {c["renewal"]["ceus"]["source"]: c["renewal"]["ceus"] for c in held}
        caption = "; ".join(fmt.cite_text(fig) for fig in cited.values())
        blocks.append(Table(columns, rows, title=named, caption=f"Renewal: {caption}" if caption else None))
    return blocks


def _pay(data: Mapping[str, Any]) -> Inline:
    """The newest median, then the newest spread, as one line."""
    pay = data["pay"]
    annual, hourly = pay["median_annual"], pay["median_hourly"]
    if not annual:
        return ["Pay: ", Span("no median in the dataset.", "muted")]
    line: list[str | Span] = ["Pay: a median of ", Span(fmt.value(annual), "strong")]
    if hourly:
        line += [" (", Span(fmt.value(hourly), "strong"), ")"]
    line += [f" in {fmt.period(annual)}, half earning more and half less ", *fmt.cite(annual), "."]
    spread = pay["spread"]
    if spread:
        parts: list[list[str | Span]] = [
            [f"{f['label'].lower()} ", Span(fmt.value(f), "strong"), " ", *fmt.cite(f)]
            for f in spread["figures"]
            if f["measure"] != "median"
        ]
        line += [f" The newest spread, {fmt.period(spread['figures'][0])}: "]
        for n, part in enumerate(parts):
            line += [*(["; "] if n else []), *part]
        line.append(".")
    return line


def _outlook(data: Mapping[str, Any]) -> Inline | None:
    """What the newest projection adds to the quick facts: the new jobs it expects."""
    projection = data["facts"]["projection"]
    if not projection or not projection["new_jobs"]:
        return None
    new = projection["new_jobs"]
    return [
        "Outlook: ",
        Span(fmt.value(new), "strong"),
        f" new jobs projected over {fmt.period(new)} ",
        *fmt.cite(new),
    ]


def _employers(data: Mapping[str, Any]) -> Inline:
    employers = data["employers"]
    if not employers:
        return ["Where people work: ", Span("no shares of jobs in the dataset.", "muted")]
    first = employers[0]["share"]
    line: list[str | Span] = [f"Where people work, share of all jobs in {fmt.period(first)}: "]
    for n, e in enumerate(employers):
        line += [*(["; "] if n else []), f"{e['employer']} ", Span(fmt.value(e["share"]), "strong")]
    return [*line, " ", *fmt.cite(first)]


def _sources(data: Mapping[str, Any]) -> list[Block]:
    legend: list[str | Span] = []
    for n, (name, text) in enumerate(fmt.FLAG_NOTES.items()):
        legend += [*(["; "] if n else []), fmt.flag(name), f": {text}"]
    listed = [{"key": key, **source} for key, source in data["sources"].items()]
    return [SourceList(listed, title="Sources"), Para([*legend, "."], "muted")]


def build(data: HandoutOut) -> Document:
    doc = Document(f"{data['title']}: the career at a glance")
    doc.add(
        Section("The answer now", [Bullets(fact_lines(data["facts"]))]),
        Section("The steps", [Bullets([_step(s) for s in data["steps"]], numbered=True)]),
        Section("Which degree", _education(data)),
        Section("Credentials", _credentials(data)),
        Section(
            "Pay, outlook and workplaces",
            [Bullets([line for line in (_pay(data), _outlook(data), _employers(data)) if line is not None])],
        ),
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


def records(data: HandoutOut) -> Table:
    """Every figure the handout shows, once, in reading order."""
    return fmt.every_figure(data)
