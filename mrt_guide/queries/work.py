"""``mrt-guide duties``, ``skills``, ``workplaces``, ``about``: the job itself."""

from __future__ import annotations

from typing import Any

from .common import Guide


def duties(guide: Guide) -> dict[str, Any]:
    work = guide["work"]
    return guide.with_sources({"intro": work["duties_intro"], "duties": work["duties"]})


def skills(guide: Guide) -> dict[str, Any]:
    work = guide["work"]
    return guide.with_sources({"intro": work["skills_intro"], "skills": work["skills"]})


def workplaces(guide: Guide) -> dict[str, Any]:
    work = guide["work"]
    factor = next(f for f in guide["pay"]["factors"] if f["id"] == work["pay_by_setting"])
    settings = [
        {
            **s,
            "employer_shares": [e for e in work["employer_shares"] if e["setting"] == s["id"]],
            "industries": [i for i in work["industries"] if i["setting"] == s["id"]],
        }
        for s in work["settings"]
    ]
    return guide.with_sources(
        {
            "environment": work["environment"],
            "settings": settings,
            "employer_shares": work["employer_shares"],
            "industries": work["industries"],
            "pay_by_setting": {**factor, "evidence": guide.figure_list(factor["evidence"])},
        }
    )


def about(guide: Guide) -> dict[str, Any]:
    occ = guide["occupation"]
    return guide.with_sources(
        {
            "title": occ["title"],
            "also_called": occ["also_called"],
            "summary": occ["summary"],
            "specialties": occ["specialties"],
            "classification": occ["classification"],
        }
    )
