"""``mrt-guide degrees``: the routes side by side, the AS/AAS rule, accreditation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from . import fmt
from .doc import Bullets, Column, Document, Hint, Inline, Notes, Panel, Para, Span, Table, spans

if TYPE_CHECKING:
    from ..records import DegreeOut, DegreesOut


def _purposes(data: Mapping[str, Any], route: Mapping[str, Any]) -> str:
    labels = {p["id"]: p["label"] for p in data["purposes"]}
    return ", ".join(labels[p] for p in route["prepares_for"])


def length(route: Mapping[str, Any]) -> str:
    return fmt.value(route["duration"]) if route["duration"] else "not in the data"


def _length_cell(route: Mapping[str, Any]) -> Inline:
    """The length with its year's citation, so the table says how sure it is."""
    fig = route["duration"]
    if not fig:
        return Span("not in the data", "muted")
    return [fmt.value(fig), " ", *fmt.cite(fig), *fmt.ref(fig)]


def _routes(data: Mapping[str, Any], *, ids: bool) -> Table:
    """The routes side by side. Coursework is listed under the table, by degree."""
    columns = [
        Column("Route", no_wrap=True),
        Column("Program"),
        Column("Length"),
        Column("Prepares for"),
    ]
    rows: list[list[Inline]] = [
        [Span(r["short"], "strong"), r["name"], length(r) if ids else _length_cell(r), _purposes(data, r)]
        for r in data["routes"]
    ]
    if not ids:
        return Table(columns, rows, title="Education routes")
    columns = [
        Column("id"),
        *columns,
        Column("Coursework"),
        Column("Source", no_wrap=True),
        Column("Flag", no_wrap=True),
    ]
    rows = [
        [
            r["id"],
            r["short"],
            *row[1:],
            "; ".join(r["coursework"]["subjects"]) if r["coursework"] else "",
            r["source"],
            r["flag"],
        ]
        for row, r in zip(rows, data["routes"], strict=True)
    ]
    return Table(columns, rows)


def _answer(data: Mapping[str, Any], routes: Mapping[str, Any]) -> Panel | None:
    answer = data["answer"]
    if answer is None:
        return None
    route = routes[answer["route"]]
    plan = "you may go on to a bachelor's" if answer["bachelor_later"] else "you do not plan a bachelor's"
    return Panel(
        "Your associate degree",
        [
            Para([f"Since {plan}: choose the ", Span(f"{route['short']}, {route['name']}", "strong"), "."]),
            Para(f"Rule: {answer['rule']}", "muted"),
        ],
    )


def _accreditation(acc: Mapping[str, Any]) -> Bullets:
    return Bullets(
        [fmt.sourced_line(acc["advice"]), fmt.sourced_line(acc["scope"]), fmt.sourced_line(acc["why"])],
        title=f"Accreditation: {acc['body']} ({acc['name']})",
    )


def _list(data: Mapping[str, Any]) -> Document:
    doc = Document("Degrees and programs")
    routes = {r["id"]: r for r in data["routes"]}
    doc.add(_answer(data, routes))
    doc.add(Para(fmt.sourced_line(data["requirement"])))
    doc.add(_routes(data, ids=False))
    if data["answer"] is None:
        doc.add(
            Panel(
                "AS or AAS?",
                [
                    Para(data["choice_rule"]["text"]),
                    Hint(
                        [
                            "Ask directly: ",
                            Span("mrt-guide degrees --bachelor-later", "code"),
                            " or ",
                            Span("--no-bachelor-later", "code"),
                        ]
                    ),
                ],
                subtitle=fmt.cite_text(data["choice_rule"]),
            )
        )
    for r in data["routes"]:
        if r["leads"]:
            doc.add(
                Bullets(
                    [fmt.sourced_line(lead) for lead in r["leads"]], title=f"Where the {r['short']} leads"
                )
            )
    for r in data["routes"]:
        if r["duration"] is None:
            doc.add(Para(f"{r['short']}: {r['duration_note']}", "muted"))
    courses: dict[str, tuple[Mapping[str, Any], list[str]]] = {}
    for r in data["routes"]:
        if r["coursework"]:
            courses.setdefault(r["coursework"]["id"], (r["coursework"], []))[1].append(r["short"])
    for course, shorts in courses.values():
        title = f"{course['title']} ({', '.join(shorts)}) {fmt.cite_text(course)}"
        doc.add(Bullets(course["subjects"], title=title))
    doc.add(_accreditation(data["accreditation"]))
    hs = data["high_school"]
    doc.add(Bullets(hs["subjects"], title=f"In high school: {hs['text']} {fmt.cite_text(hs)}"))
    doc.add(
        Bullets(
            [fmt.sourced_line(f) for f in data["where_to_study"] + data["bls_entry"]], title="Where and how"
        )
    )
    figures = [r["duration"] for r in data["routes"] if r["duration"]]
    doc.add(Notes(fmt.figure_notes([*figures, *data["routes"]], data["sources"])))
    return doc


def _detail(data: Mapping[str, Any]) -> Document:
    r = data["route"]
    doc = Document(r["name"] if f"({r['short']})" in r["name"] else f"{r['short']}: {r['name']}")
    body: list[Any] = [Para(r["summary"])]
    body.append(
        Para(["Length: ", *spans(fmt.value_line(r["duration"]) if r["duration"] else r["duration_note"])])
    )
    if r["after_associate"]:
        line = fmt.figure_line(r["after_associate"])
        body.append(Para(["After an associate degree, as the program counts it: ", *spans(line)]))
    body.append(Para("Prepares for: " + _purposes(data, r) + "."))
    if r["leads"]:
        body.append(Bullets([fmt.sourced_line(lead) for lead in r["leads"]], title="Where it leads"))
    if r["coursework"]:
        body.append(Bullets(r["coursework"]["subjects"], title=r["coursework"]["title"]))
    if data["choice_rule"]:
        body.append(Para(["AS or AAS? ", data["choice_rule"]["text"]]))
    if data["certifications"]:
        body.append(
            Bullets(
                [
                    [Span(c["id"], "strong"), f" {c['name']}  → ", Span(fmt.command(c["link"]), "code")]
                    for c in data["certifications"]
                ],
                title="Credentials with an eligibility route at this level",
            )
        )
    body.append(_accreditation(data["accreditation"]))
    doc.add(_answer(data, {r["id"]: r}) if data["answer"] and data["answer"]["route"] == r["id"] else None)
    doc.add(*body)  # the document's title names the degree: no box repeating it
    figures = [r["duration"]] if r["duration"] else []
    doc.add(Notes(fmt.figure_notes([*figures, r], data["sources"])))
    return doc


def build(data: DegreesOut | DegreeOut) -> Document:
    return _detail(data) if "route" in data else _list(data)


def records(data: DegreesOut | DegreeOut) -> Table:
    if "route" in data:
        return _routes({**data, "routes": [data["route"]]}, ids=True)
    return _routes(data, ids=True)
