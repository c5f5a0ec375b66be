"""``mrt-guide careers``: where the career leads, each occupation with its pay, education,
the credential or degree that opens it and the plan goal that gets there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..dataset.index import Dataset, Record, choose
from .links import link

if TYPE_CHECKING:
    from ..records import CareersOut, OneCareerOut


def _survey_pay(ds: Dataset, fig_id: str) -> Record:
    """A survey figure with the survey it comes from: who answered, and when."""
    survey = ds.at(ds.path("figure", fig_id)[:3])
    return {
        "survey": survey["id"],
        "title": survey["title"],
        "year": survey["year"],
        "population": survey["population"],
        "figure": ds.figures[fig_id],
    }


def _career(ds: Dataset, career: Record) -> Record:
    return {
        **career,
        "way_in": [
            {
                **lead,
                "links": [link("certs", c) for c in lead["certifications"]]
                + [link("degrees", ds.get("degree", d)["short"]) for d in lead["degrees"]],
            }
            for lead in career["way_in"]
        ],
        "survey_pay": [_survey_pay(ds, f) for f in career["survey_pay"]],
        "plan": None if career["goal"] is None else link("plan", "--goal", career["goal"]),
    }


def careers(ds: Dataset) -> CareersOut:
    data = ds.section("careers")
    return {"careers": [_career(ds, c) for c in data["careers"]], "not_found": data["not_found"]}


def career(ds: Dataset, name: str) -> OneCareerOut:
    """One career by id, any case; a usage error naming the closest if unknown."""
    found = ds.section("careers")["careers"]
    if not found:
        from ..status import GuideError

        raise GuideError("This dataset has no careers (careers.json is missing or empty).")
    chosen = choose("career", name, [c["id"] for c in found])
    return {"career": _career(ds, ds.get("career", chosen))}
