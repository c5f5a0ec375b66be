"""``mrt-guide handout``: what a counselor prints, on one or two pages.

The quick facts, then the steps with how long each takes, the AS-or-AAS rule and the
accreditation that matters, every credential with how it is kept, pay (the newest median
and the newest spread), the newest projection, where people work, and the sources. Each
part is the record another command shows in full; nothing here is a fact of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from ..dataset.index import Dataset, Record
from .certs import certs
from .facts import facts
from .figures import newest
from .pay import salary
from .steps import steps

if TYPE_CHECKING:
    from ..records import HandoutFacts, HandoutOut


def _employers(ds: Dataset) -> list[Record]:
    """The shares of jobs by employer, of the newest year the dataset holds, largest first."""
    shares = ds.section("work")["employer_shares"]
    latest = newest([e["share"] for e in shares])
    if latest is None:
        return []
    same = [
        e for e in shares if e["share"]["year"] == latest["year"] and e["share"]["source"] == latest["source"]
    ]
    return sorted(same, key=lambda e: -float(e["share"]["value"]))


def handout(ds: Dataset) -> HandoutOut:
    quick = facts(ds)
    listed = certs(ds)
    edu = ds.section("education")
    return {
        "title": quick["title"],
        "facts": cast(
            "HandoutFacts", {key: value for key, value in quick.items() if key not in ("title", "employers")}
        ),
        "steps": [
            {
                "number": s["number"],
                "id": s["id"],
                "title": s["title"],
                "duration": s["duration"],
                "leads": s["leads"],
            }
            for s in steps(ds)["steps"]
        ],
        "choice_rule": {
            "text": edu["choice_rule"]["text"],
            "source": edu["choice_rule"]["source"],
            "flag": edu["choice_rule"]["flag"],
            "if_bachelor_later": ds.get("degree", edu["choice_rule"]["if_bachelor_later"])["short"],
            "if_no_bachelor_later": ds.get("degree", edu["choice_rule"]["if_no_bachelor_later"])["short"],
        },
        "accreditation": {
            "body": edu["accreditation"]["body"],
            "name": edu["accreditation"]["name"],
            "why": edu["accreditation"]["why"],
        },
        "issuers": listed["issuers"],
        "certifications": listed["certifications"],
        "pay": {
            "median_annual": quick["median_annual"],
            "median_hourly": quick["median_hourly"],
            "spread": next(iter(salary(ds)["spreads"]), None),
        },
        "employers": _employers(ds),
    }
