"""``mrt-guide duties``, ``skills``, ``workplaces``, ``about``: the job itself."""

from __future__ import annotations

from typing import Any

from ..dataset.index import Dataset


def duties(ds: Dataset) -> dict[str, Any]:
    work = ds.section("work")
    return {"intro": work["duties_intro"], "duties": work["duties"]}


def skills(ds: Dataset) -> dict[str, Any]:
    work = ds.section("work")
    return {"intro": work["skills_intro"], "skills": work["skills"]}


def workplaces(ds: Dataset) -> dict[str, Any]:
    work = ds.section("work")
    factor = ds.factor(work["pay_by_setting"])
    settings = [
        {
            **s,
            "employer_shares": [e for e in work["employer_shares"] if e["setting"] == s["id"]],
            "industries": [i for i in work["industries"] if i["setting"] == s["id"]],
        }
        for s in work["settings"]
    ]
    return {
        "environment": work["environment"],
        "settings": settings,
        "employer_shares": work["employer_shares"],
        "industries": work["industries"],
        "pay_by_setting": {**factor, "evidence": ds.figure_list(factor["evidence"])},
    }


def about(ds: Dataset) -> dict[str, Any]:
    occ = ds.section("occupation")
    return {
        "title": occ["title"],
        "also_called": occ["also_called"],
        "summary": occ["summary"],
        "specialties": occ["specialties"],
        "classification": occ["classification"],
    }
