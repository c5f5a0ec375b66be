"""``mrt-guide duties``, ``skills``, ``workplaces``, ``about``: the job itself."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from ..dataset.index import Dataset

if TYPE_CHECKING:
    from ..records import AboutOut, DutiesOut, FactorOut, SettingOut, SkillsOut, WorkplacesOut


def _covered(work: dict[str, Any], *lists: list[dict[str, Any]]) -> list[str]:
    """The article's items in ``lists`` that the official lists already say."""
    ids = {item["id"] for items in lists for item in items}
    return [i for i in work["covered"] if i in ids]


def duties(ds: Dataset) -> DutiesOut:
    """O*NET's definition and tasks, the BLS handbook's duties, then the article's list."""
    work = ds.section("work")
    return {
        "definition": work["definition"],
        "tasks": work["tasks"],
        "bls_duties": work["bls_duties"],
        "intro": work["duties_intro"],
        "duties": work["duties"],
        "covered": _covered(work, work["duties"]),
    }


def skills(ds: Dataset) -> SkillsOut:
    """The BLS handbook's important qualities, then the article's skills and qualities."""
    work = ds.section("work")
    return {
        "qualities": work["qualities"],
        "intro": work["skills_intro"],
        "skills": work["skills"],
        "covered": _covered(work, work["skills_intro"], work["skills"]),
    }


def workplaces(ds: Dataset) -> WorkplacesOut:
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
        "settings": cast("list[SettingOut]", settings),
        "employer_shares": work["employer_shares"],
        "industries": work["industries"],
        "pay_by_setting": cast("FactorOut", {**factor, "evidence": ds.figure_list(factor["evidence"])}),
    }


def about(ds: Dataset) -> AboutOut:
    occ = ds.section("occupation")
    return {
        "title": occ["title"],
        "also_called": occ["also_called"],
        "summary": occ["summary"],
        "specialties": occ["specialties"],
        "classification": occ["classification"],
    }
