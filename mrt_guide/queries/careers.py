"""``mrt-guide careers``: where the career leads, each occupation with its pay, education,
the credential or degree that opens it and the plan goal that gets there."""

from __future__ import annotations

from typing import Any

from ..dataset.index import Dataset, Record, choose
from .figures import newest_median, newest_projection
from .links import link


def survey_pay(ds: Dataset, fig_id: str) -> Record:
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
        "survey_pay": [survey_pay(ds, f) for f in career["survey_pay"]],
        "plan": None if career["goal"] is None else link("plan", "--goal", career["goal"]),
    }


def home(ds: Dataset) -> Record:
    """The occupation itself, to compare the others with: the newest median (the one every
    command shows) and the newest projection's growth, with the codes they are for."""
    annual, _ = newest_median(ds)
    projection = newest_projection(ds)
    code = None if annual is None else ds.soc_codes.get(annual["source"])
    quick = ds.section("occupation")["quick"]
    return {
        "title": ds.section("occupation")["title"],
        "soc": None if code is None else code["code"],
        "pay": annual,
        "growth": None if projection is None else projection["growth"],
        "education": None if projection is None else projection["education"],
        "credential": None if quick is None else quick["credential"],
        "link": link("facts"),
    }


def careers(ds: Dataset) -> dict[str, Any]:
    data = ds.section("careers")
    return {
        "home": home(ds),
        "careers": [_career(ds, c) for c in data["careers"]],
        "not_found": data["not_found"],
    }


def career(ds: Dataset, name: str) -> dict[str, Any]:
    """One career by id, any case; a usage error naming the closest if unknown."""
    found = ds.section("careers")["careers"]
    if not found:
        from ..status import GuideError

        raise GuideError("This dataset has no careers (careers.json is missing or empty).")
    chosen = choose("career", name, [c["id"] for c in found])
    return {"career": _career(ds, ds.get("career", chosen))}
