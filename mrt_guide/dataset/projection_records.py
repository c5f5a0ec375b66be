"""Dataset records made from a projections import (``projections.build``): the projection of
an edition and the related careers' figures. Used by the official build (``official.py``)
and by the loader for a reader's own import (``imports.py``). Stdlib only."""

from __future__ import annotations

from typing import Any


def _bare(record: dict[str, Any]) -> dict[str, Any]:
    """A figure as the data files write it: no empty optional fields."""
    return {k: v for k, v in record.items() if v is not None}


def _thousands(value: float) -> int:
    return round(value * 1000)


def projection_record(doc: dict[str, Any], before: dict[str, Any] | None) -> dict[str, Any]:
    """One edition as a projection record; ``before`` is the committed record of the same period,
    whose figures' ``article`` claims are kept."""
    ident, start, end, key = doc["id"], doc["start"], doc["end"], doc["source"]["key"]
    row, everyone = doc["row"], doc["all"]
    period = {"year": start, "year_end": end, "source": key, "flag": "official"}

    def figure(field: str, name: str, label: str, value: float, unit: str, measure: str) -> dict[str, Any]:
        fig: dict[str, Any] = {"id": f"outlook-{ident}-{name}", "label": label, "value": value, "unit": unit}
        fig.update(period, measure=measure)
        old = (before or {}).get(field)
        if isinstance(old, dict) and old.get("article"):
            fig["article"] = old["article"]
        return fig

    percent = round(row["percent"], 1)
    record: dict[str, Any] = {
        "id": f"projection-{ident}",
        "start": start,
        "end": end,
        "growth": figure("growth", "growth", "Projected employment growth", percent, "percent", "growth"),
        "new_jobs": None
        if row["change"] is None
        else figure(
            "new_jobs",
            "new-jobs",
            "Projected change in employment",
            _thousands(row["change"]),
            "jobs",
            "new_jobs",
        ),
        "base_employment": {
            **figure(
                "base_employment",
                "base-employment",
                f"Employment in {start}",
                _thousands(row["base"]),
                "workers",
                "base_employment",
            ),
            "year_end": None,
        },
        "target_employment": figure(
            "target_employment",
            "target-employment",
            f"Projected employment in {end}",
            _thousands(row["target"]),
            "workers",
            "target_employment",
        ),
        "openings": None
        if row["openings"] is None
        else figure(
            "openings",
            "openings",
            "Openings a year, on average",
            _thousands(row["openings"]),
            "jobs",
            "openings",
        ),
        "all_occupations": figure(
            "all_occupations",
            "all-growth",
            "Projected growth, all occupations",
            round(everyone["percent"], 1),
            "percent",
            "growth",
        ),
        "education": row["education"],
        "source": key,
        "flag": "official",
        "note": None,
    }
    if doc["occupation"]["broader"]:
        record["note"] = (
            f"For {doc['occupation']['code']} {doc['occupation']['title']}, a broader group that includes "
            f"medical records specialists: the {ident} edition has no row for them alone."
        )
    if row["openings"] is None:
        record["note"] = " ".join(
            filter(
                None,
                [
                    record["note"],
                    "This edition gives openings over the decade from growth and replacements, not a year's "
                    "openings: not comparable with later editions, so not shown.",
                ],
            )
        )
    for name in ("growth", "new_jobs", "base_employment", "target_employment", "openings", "all_occupations"):
        if record[name] is not None:
            record[name] = _bare(record[name])
    return record


def career_figures(doc: dict[str, Any], career: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """A related career's median pay and growth from a projections edition, by field (none
    where the edition has no row for its code); ids kept from the career's own figures."""
    rows = {r["code"]: r for r in doc["related"]}
    row = rows.get(career.get("soc") or "")
    if row is None:
        return {}
    key, cid = doc["source"]["key"], career["id"]
    old_pay, old_growth = career.get("pay") or {}, career.get("growth") or {}
    made: dict[str, dict[str, Any]] = {}
    if row["wage"] is not None and doc["wage_year"] is not None:
        made["pay"] = {
            "id": old_pay.get("id", f"career-{cid}-median"),
            "label": "Median annual wage",
            "value": round(row["wage"]),
            "unit": "usd_per_year",
            "year": doc["wage_year"],
            "measure": "median",
            "source": key,
            "flag": "official",
        }
    made["growth"] = {
        "id": old_growth.get("id", f"career-{cid}-growth"),
        "label": "Projected employment growth",
        "value": round(row["percent"], 1),
        "unit": "percent",
        "year": doc["start"],
        "year_end": doc["end"],
        "measure": "growth",
        "source": key,
        "flag": "official",
    }
    return made
