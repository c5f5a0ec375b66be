"""``mrt-guide guide``: the whole guide as one document, each section drawn by its own view."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..queries.common import figures_in
from . import about, certs, degrees, duties, fmt, outlook, salary, skills, sources, steps, workplaces
from .doc import Block, Bullets, Document, Heading, Panel, Para, Section, Table, plain_text

PARTS = [
    ("about", about),
    ("steps", steps),
    ("degrees", degrees),
    ("certifications", certs),
    ("salary", salary),
    ("outlook", outlook),
    ("duties", duties),
    ("skills", skills),
    ("workplaces", workplaces),
]


def section(title: str, blocks: list[Block]) -> Section:
    """A part of the guide, its panels opened out into headings: a long document reads
    (and prints) better without boxes, and a box drawn around each part doubles the
    cost of drawing it."""
    body: list[Block] = []
    for block in blocks:
        if isinstance(block, Panel):
            heading = plain_text(block.title)
            if heading != title:
                body.append(Heading(heading, 2))
            body += block.body
            if block.subtitle:
                body.append(Para(f"Source: {block.subtitle}", "muted"))
        else:
            body.append(block)
    return Section(title, body)


def build(data: dict[str, Any]) -> Document:
    """Each section by its own view, without what a printed guide would repeat: each
    credential follows in full, so the credentials' summary table is left out; the
    issuers' renewal rules are shown once, not under every credential; the pay history
    adds only its table and chart to the pay section."""
    doc = Document("Medical Records Technician: the whole guide")
    for key, view in PARTS:
        part = view.build({**data[key], "sources": {}})
        blocks = [b for b in part.blocks if not (key == "certifications" and isinstance(b, Table))]
        doc.add(section(part.title, blocks))
        if key == "certifications":
            _certifications(doc, data["certification_details"])
        if key == "salary":
            doc.add(section("Median pay by year", salary.figures_and_bars(data["salary_history"])))
    per_source = Counter(f["source"] for f in _figures(data).values())
    rows = [{**s, "figures": per_source[k]} for k, s in data["sources"].items()]
    legend = Bullets([[fmt.flag(name), f": {text}."] for name, text in fmt.FLAG_NOTES.items()], title="Flags")
    doc.add(section("Sources", [legend, sources.compact({"sources": rows})]))
    return doc


def _certifications(doc: Document, details: list[dict[str, Any]]) -> None:
    shown_rules = set()
    for detail in details:
        rules = detail["issuer_rules"]
        if rules and rules["issuer"] not in shown_rules:
            shown_rules.add(rules["issuer"])
            doc.add(section(f"Keeping any {rules['issuer']} credential", [certs.issuer_rules(rules)]))
    for detail in details:
        one = certs.build({**detail, "issuer_rules": None, "sources": {}})
        doc.add(section(one.title, one.blocks))


def records(data: dict[str, Any]) -> Table:
    """Every figure the guide shows, once."""
    return fmt.figure_table(list(_figures(data).values()), ids=True)


def _figures(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The guide's figures by id, each once, in reading order."""
    shown = {key: part for key, part in data.items() if key != "sources"}
    figures: dict[str, dict[str, Any]] = {}
    for fig in figures_in(shown):
        figures.setdefault(fig["id"], fig)
    return figures
