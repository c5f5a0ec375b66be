"""``mrt-guide degrees``: the education routes, the AS/AAS rule, accreditation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..dataset.index import Dataset, Record
from .links import link

if TYPE_CHECKING:
    from ..records import CredentialAtLevel, DegreeOut, DegreesOut


def _route(ds: Dataset, route: Record) -> Record:
    return {**route, "coursework": ds.coursework(route["coursework"])}


def _answer(ds: Dataset, bachelor_later: bool | None) -> Record | None:
    if bachelor_later is None:
        return None
    rule = ds.section("education")["choice_rule"]
    chosen = rule["if_bachelor_later"] if bachelor_later else rule["if_no_bachelor_later"]
    return {"bachelor_later": bachelor_later, "route": chosen, "rule": rule["text"]}


def degrees(ds: Dataset, *, bachelor_later: bool | None = None) -> DegreesOut:
    edu = ds.section("education")
    return {
        "routes": [_route(ds, r) for r in ds.routes],
        "purposes": edu["purposes"],
        "choice_rule": edu["choice_rule"],
        "answer": _answer(ds, bachelor_later),
        "requirement": edu["requirement"],
        "bls_entry": edu["bls_entry"],
        "accreditation": edu["accreditation"],
        "high_school": edu["high_school"],
        "where_to_study": edu["where_to_study"],
    }


def degree(ds: Dataset, name: str, *, bachelor_later: bool | None = None) -> DegreeOut:
    route = ds.route(name)
    edu = ds.section("education")
    leads: list[CredentialAtLevel] = [
        {"id": c["id"], "name": c["name"], "link": link("certs", c["id"])}
        for c in ds.certifications
        if any(p["education"] == route["level"] for p in c["eligibility"]["pathways"])
    ]
    return {
        "route": _route(ds, route),
        "purposes": edu["purposes"],
        "choice_rule": edu["choice_rule"] if route["level"] == "associate" else None,
        "answer": _answer(ds, bachelor_later),
        "accreditation": edu["accreditation"],
        "certifications": leads,
    }
