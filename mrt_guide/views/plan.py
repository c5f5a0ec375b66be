"""``mrt-guide plan``: the dated timeline, the routes chosen, and the totals."""

from __future__ import annotations

from typing import Any

from . import fmt
from .doc import Bullets, Column, Document, Inline, Notes, Panel, Para, Span, Table

LEVEL_WORDS = {
    "none": "no diploma yet",
    "high-school": "a high-school diploma",
    "certificate": "a certificate",
    "associate": "an associate degree",
    "bachelor": "a bachelor's degree",
}


def when(m: dict[str, Any]) -> str:
    if m["start"] is None:
        return "date unknown"
    if m["open_ended"] and m["end"] is None:
        return f"from {m['start']}"
    if m["end"] is None:
        return f"{m['start']} - ?"
    return m["start"] if m["start"] == m["end"] else f"{m['start']} - {m['end']}"


def _milestone(m: dict[str, Any]) -> Inline:
    """Title, what to do, why (the dataset record), and the command that tells more."""
    why = m["why"]
    return [
        Span(m["title"], "strong"),
        f"\n{m['what']}\n",
        Span("Why: ", "muted"),
        why["text"],
        Span(f" [{why['source']}, {why['flag']}]", "muted"),
        "\n",
        Span("More: ", "muted"),
        Span(m["command"], "code"),
    ]


def _timeline(data: dict[str, Any]) -> Bullets:
    milestones = data["milestones"]
    return Bullets(
        [_milestone(m) for m in milestones], title="Your timeline", marks=[when(m) for m in milestones]
    )


def build(data: dict[str, Any]) -> Document:
    inputs, goal, totals = data["inputs"], data["goal"], data["totals"]
    doc = Document(f"Your plan: {goal['label']}")
    later = {True: "a bachelor's may follow", False: "no bachelor's planned", None: None}[
        inputs["bachelor_later"]
    ]
    facts = [f"From {LEVEL_WORDS[inputs['education']]}", f"starting {inputs['start']}"] + (
        [later] if later else []
    )
    doc.add(Para(", ".join(facts) + ".", "muted"))
    doc.add(_timeline(data))
    routes: list[Inline] = []
    for route in data["routes"]:
        if route["pathway"]:
            line: list[Any] = [
                Span(route["certification"], "strong"),
                f" by this route: {route['pathway']['text']}",
            ]
            if route["pathway"]["recommended"]:
                line.append(Span(" (recommended by the issuer, not required)", "muted"))
        else:
            line = [Span(route["certification"], "strong"), f": {route['missing']}"]
        routes.append(line)
    doc.add(Bullets(routes, title="Eligibility routes the plan follows"))
    for route in data["routes"]:
        others = [Span(other["text"], "muted") for other in route["other_pathways"]]
        if others:
            doc.add(Bullets(others, title=f"Other routes to the {route['certification']}"))
    summary: list[Inline] = []
    if totals["months_to_first_credential"] is not None:
        summary.append(
            [
                f"First credential, the {totals['first_credential']}: ",
                Span(f"{totals['months_to_first_credential']} months", "strong"),
                f" from the start ({totals['first_credential_month']}).",
            ]
        )
    else:
        summary.append(Span("Months to the first credential: not computable; see the gaps below.", "warn"))
    for ce in totals["continuing_education"]:
        summary.append(
            [
                Span(ce["certification"], "strong"),
                f": {fmt.value(ce['ceus'])} every {fmt.value(ce['cycle'])} ",
                Span(f"[{ce['ceus']['source']}, {ce['ceus']['year']}]", "muted"),
            ]
        )
    ahima = [r for ce in totals["continuing_education"] for r in ce["rules"] if r["figures"]]
    for rule in {r["id"]: r for r in ahima}.values():
        summary.append(
            [
                Span(rule["text"], "muted"),
                *[Span(f" {f['label']}: {fmt.value(f)}.", "muted") for f in rule["figures"]],
            ]
        )
    for fig in totals["pay"]:
        summary.append(fmt.figure_line(fig))
    summary.append(
        Span(
            "The dataset has no pay figures for a single credential; these describe the occupation.", "muted"
        )
    )
    for factor in totals["pay_factors"]:
        summary.append(fmt.sourced_line(factor))
    doc.add(Panel("Totals", [Bullets(summary)]))
    if data["gaps"]:
        doc.add(Bullets([Span(g, "warn") for g in data["gaps"]], title="Where the dataset has no answer"))
    figures = [f for m in data["milestones"] for f in m["figures"]] + totals["pay"]
    doc.add(Notes(fmt.figure_notes(figures, data["sources"])))
    return doc


def records(data: dict[str, Any]) -> Table:
    return Table(
        [Column("id"), Column("Start"), Column("End"), Column("Months"), Column("Step"), Column("Command")],
        [
            [
                m["id"],
                m["start"] or "",
                m["end"] or "",
                "" if m["months"] is None else str(m["months"]),
                m["title"],
                m["command"],
            ]
            for m in data["milestones"]
        ],
    )
