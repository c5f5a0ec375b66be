"""``mrt-guide degrees``: the education routes, the AS/AAS rule, accreditation."""

from __future__ import annotations

from typing import Any

from .common import Guide, Record


def _route(guide: Guide, route: Record) -> Record:
    coursework = next((c for c in guide["education"]["coursework"] if c["id"] == route["coursework"]), None)
    return {**route, "duration_note": route.get("duration_note"), "coursework": coursework}


def _answer(guide: Guide, bachelor_later: bool | None) -> Record | None:
    if bachelor_later is None:
        return None
    rule = guide["education"]["choice_rule"]
    chosen = rule["if_bachelor_later"] if bachelor_later else rule["if_no_bachelor_later"]
    return {"bachelor_later": bachelor_later, "route": chosen, "rule": rule["text"]}


def degrees(guide: Guide, *, bachelor_later: bool | None = None) -> dict[str, Any]:
    edu = guide["education"]
    return guide.with_sources(
        {
            "routes": [_route(guide, r) for r in guide.routes],
            "choice_rule": edu["choice_rule"],
            "answer": _answer(guide, bachelor_later),
            "requirement": edu["requirement"],
            "bls_entry": edu["bls_entry"],
            "accreditation": edu["accreditation"],
            "high_school": edu["high_school"],
            "where_to_study": edu["where_to_study"],
        }
    )


def degree(guide: Guide, name: str, *, bachelor_later: bool | None = None) -> dict[str, Any]:
    route = guide.route(name)
    edu = guide["education"]
    leads = [
        {"id": c["id"], "name": c["name"]}
        for c in guide.certifications
        if any(p["education"] == route["level"] for p in c["eligibility"]["pathways"])
    ]
    return guide.with_sources(
        {
            "route": _route(guide, route),
            "choice_rule": edu["choice_rule"] if route["level"] == "associate" else None,
            "answer": _answer(guide, bachelor_later),
            "accreditation": edu["accreditation"],
            "certifications": leads,
        }
    )
