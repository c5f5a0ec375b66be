"""``mrt-guide guide``: the whole guide as one document, each section drawn by its own view."""

from __future__ import annotations

from collections import Counter
from typing import Any

from . import about, certs, degrees, duties, fmt, outlook, salary, skills, sources, steps, workplaces
from .doc import Document, Section, Table

PARTS = [
    ("about", about),
    ("steps", steps),
    ("degrees", degrees),
    ("certifications", certs),
    ("salary", salary),
    ("salary_history", salary),
    ("outlook", outlook),
    ("duties", duties),
    ("skills", skills),
    ("workplaces", workplaces),
]


def build(data: dict[str, Any]) -> Document:
    doc = Document("Medical Records Technician: the whole guide")
    for key, view in PARTS:
        part = view.build({**data[key], "sources": {}})
        doc.add(Section(part.title, part.blocks))
        if key == "certifications":
            for detail in data["certification_details"]:
                one = certs.build({**detail, "sources": {}})
                doc.add(Section(one.title, one.blocks))
    figures: dict[str, dict[str, Any]] = {}
    _collect(data, figures)
    per_source = Counter(f["source"] for f in figures.values())
    records_ = Counter(_sourced(data))
    rows = [{**s, "figures": per_source[k], "records": records_[k]} for k, s in data["sources"].items()]
    part = sources.build({"sources": rows})
    doc.add(Section("Sources", part.blocks))
    return doc


def records(data: dict[str, Any]) -> Table:
    """Every figure the guide shows, once."""
    figures: dict[str, dict[str, Any]] = {}
    _collect(data, figures)
    return fmt.figure_table(list(figures.values()), ids=True)


def _sourced(obj: Any) -> Any:
    """The source key of every sourced record in ``obj``."""
    if isinstance(obj, dict):
        if isinstance(obj.get("source"), str) and "flag" in obj:
            yield obj["source"]
        for key, value in obj.items():
            if key != "sources":
                yield from _sourced(value)
    elif isinstance(obj, list):
        for item in obj:
            yield from _sourced(item)


def _collect(obj: Any, into: dict[str, dict[str, Any]]) -> None:
    if isinstance(obj, dict):
        if "unit" in obj and "value" in obj and "id" in obj:
            into.setdefault(obj["id"], obj)
        for key, value in obj.items():
            if key != "sources":
                _collect(value, into)
    elif isinstance(obj, list):
        for item in obj:
            _collect(item, into)
