"""``mrt-guide search``: find any record by a word, and the command that shows it in full."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .common import Guide, Record

# Keys whose values are codes, not words a reader would search for.
_SKIP = {"source", "flag", "unit", "measure", "kind", "url", "level", "qualifier"}


def _strings(obj: Any) -> Iterator[str]:
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for key, value in obj.items():
            if key not in _SKIP:
                yield from _strings(value)
    elif isinstance(obj, list):
        for item in obj:
            yield from _strings(item)


def _title(rec: Record) -> str:
    for key in ("title", "name", "label", "text", "employer", "industry"):
        if isinstance(rec.get(key), str):
            return rec[key]
    return rec.get("id", "")


def _pay_command(guide: Guide, fig: Record) -> str:
    pay = guide["pay"]
    shown = set(pay["headline"]) | {i for s in pay["spreads"] for i in s["figures"]}
    if fig["id"] in shown and fig["unit"] == "usd_per_year":
        return "mrt-guide salary"
    if fig["unit"] == "usd_per_hour":
        return "mrt-guide salary --hourly" + (" --history" if fig.get("measure") == "median" else "")
    return "mrt-guide salary --history"


def units(guide: Guide) -> Iterator[tuple[str, str, Record]]:
    """Every searchable record: (section, command that shows it, record)."""
    for step in guide["steps"]["steps"]:
        yield "steps", "mrt-guide steps", step
    edu = guide["education"]
    for route in guide.routes:
        yield "degrees", f"mrt-guide degrees {route['short']}", route
    for course in edu["coursework"]:
        yield "degrees", "mrt-guide degrees", course
    for rec in (edu["requirement"], edu["choice_rule"], edu["accreditation"], edu["high_school"]):
        yield "degrees", "mrt-guide degrees", rec
    for rec in edu["bls_entry"] + edu["where_to_study"]:
        yield "degrees", "mrt-guide degrees", rec
    certs = guide["certifications"]
    for cert in guide.certifications:
        yield "certifications", f"mrt-guide certs {cert['id']}", cert
    for rec in certs["benefits"] + certs["issuers"]:
        yield "certifications", "mrt-guide certs", rec
    for recert in certs["recertification"]:
        example = next(c["id"] for c in guide.certifications if c["issuer"] == recert["issuer"])
        for rule in recert["rules"]:
            yield "certifications", f"mrt-guide certs {example}", rule
    for fig in guide["pay"]["figures"]:
        yield "pay", _pay_command(guide, fig), fig
    for factor in guide["pay"]["factors"]:
        yield "pay", "mrt-guide salary", factor
    out = guide["outlook"]
    for rec in [out["trend"], out["comparison"], *out["drivers"], *out["projections"], *out["employment"]]:
        yield "outlook", "mrt-guide outlook", rec
    work = guide["work"]
    for rec in [work["duties_intro"], *work["duties"]]:
        yield "duties", "mrt-guide duties", rec
    for rec in work["skills_intro"] + work["skills"]:
        yield "skills", "mrt-guide skills", rec
    for rec in work["environment"] + work["settings"] + work["employer_shares"] + work["industries"]:
        yield "workplaces", "mrt-guide workplaces", rec
    occ = guide["occupation"]
    yield (
        "about",
        "mrt-guide about",
        {"id": "names", "title": occ["title"], "also_called": occ["also_called"]},
    )
    for rec in occ["summary"] + occ["specialties"] + occ["classification"]:
        yield "about", "mrt-guide about", rec
    for src in guide.sources.values():
        yield "sources", "mrt-guide sources", {**src, "id": src["key"]}


def search(guide: Guide, terms: list[str]) -> dict[str, Any]:
    wanted = [t.casefold() for t in terms if t.strip()]
    results = []
    for section, command, rec in units(guide):
        texts = [rec.get("id", ""), *_strings(rec)]
        folded = [t.casefold() for t in texts]
        if all(any(w in f for f in folded) for w in wanted):
            matches = [t for t, f in zip(texts, folded, strict=True) if any(w in f for w in wanted)]
            if len(matches) > 1 and matches[0] == rec.get("id"):
                matches = matches[1:]  # the id matched too, but the words say more
            results.append(
                {
                    "section": section,
                    "id": rec.get("id", ""),
                    "title": _title(rec),
                    "command": command,
                    "matches": list(dict.fromkeys(matches)),
                }
            )
    return {"terms": terms, "results": results, "suggestions": [] if results else suggestions(guide, wanted)}


def suggestions(guide: Guide, wanted: list[str]) -> list[str]:
    """Words of the dataset close to each searched word."""
    import difflib

    vocabulary = {
        w.casefold()
        for _, _, rec in units(guide)
        for text in _strings(rec)
        for w in re.findall(r"[A-Za-z][A-Za-z-]{2,}", text)
    }
    found: list[str] = []
    for word in wanted:
        found += difflib.get_close_matches(word, sorted(vocabulary), n=3, cutoff=0.75)
    return list(dict.fromkeys(found))
